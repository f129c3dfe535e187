"""Case- and accent-insensitive search keys: "Ngurah Rai" and "ngurah raï" find each other."""
import unicodedata


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
