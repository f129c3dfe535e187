"""Case- and accent-insensitive search keys: "Ngurah Rai" and "ngurah raï" find each other; and codes
in the one case each kind is stored in, whatever case a file, a person or a command line gives.

Codes compare in any case and are stored in one: venue and room codes and event slugs in lower case
(they read as slugs, in URLs and `--venue`), every other code in upper case (attendees, institutions,
check-in lists, sessions, stalls, products, award categories: they are printed on badges and labels).
"""
import string
import unicodedata

_TO_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_TO_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def upper_code(text: str | None) -> str:
    """An attendee, institution, list, session, stall, product or award code as stored: upper case.
    Only ASCII letters change case, so a look-alike ("ı", "ﬁ") never turns into a valid code."""
    return (text or "").strip().translate(_TO_UPPER)


def lower_code(text: str | None) -> str:
    """A venue or room code or an event slug as stored: lower case (ASCII letters only, as upper_code)."""
    return (text or "").strip().translate(_TO_LOWER)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def attendee_key(name: str, institution: str, code: str) -> str:
    return fold(f"{name} {institution} {code}")


MAX_SEARCH_WORDS = 8
MAX_WORD_CHARS = 40


def search_words(text: str) -> list[str]:
    """The words of a typed or pasted search, folded: at most MAX_SEARCH_WORDS words (the first
    ones, repeats dropped), each cut to at most MAX_WORD_CHARS characters. A 10,000-word paste
    becomes eight short words, so the query stays small whatever was typed."""
    words: list[str] = []
    for word in fold(text or "").split():
        word = word[:MAX_WORD_CHARS]
        if word not in words:
            words.append(word)
            if len(words) == MAX_SEARCH_WORDS:
                break
    return words
