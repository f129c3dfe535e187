"""Case- and accent-insensitive search keys: "Ngurah Rai" and "ngurah raï" find each other."""
import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def attendee_key(name: str, institution: str, code: str) -> str:
    return fold(f"{name} {institution} {code}")
