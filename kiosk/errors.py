"""Messages raised where no language is at hand (deep in kiosk/): a catalogue key and its values, put
into words in the reader's language when shown (`text()`); str() is the English sentence, for logs.

    raise StoreError(N_("error.store.busy"), url=url)          # a key: write it as N_("…") so pybabel finds it
    raise StoreError(Phrase.of(lambda lang: tn("error.x", "error.xs", count, lang, n=count)))   # a plural

A value that is itself a Phrase (a hint, "none") is put into the same language as the sentence.
"""
from __future__ import annotations

from typing import Callable

from kiosk.i18n import t


class Phrase:
    """Words to be said later, in a language chosen then: a catalogue key and its values, or a function
    of the language (for plurals: `Phrase.of(lambda lang: tn(KEY, PLURAL_KEY, count, lang, …))`)."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        self._render: Callable[[str | None], str] | None = None
        t(key, "en", **in_words(values, "en"))  # an unknown key or a missing value fails here, where it is raised

    @classmethod
    def of(cls, render: Callable[[str | None], str]) -> "Phrase":
        phrase = cls.__new__(cls)
        phrase.key, phrase.values, phrase._render = "", {}, render
        render("en")
        return phrase

    def text(self, lang: str | None = None) -> str:
        if self._render is not None:
            return self._render(lang)
        return t(self.key, lang, **in_words(self.values, lang))

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.values!r})" if self.key else f"Phrase({self.text('en')!r})"


def in_words(values: dict[str, object], lang: str | None) -> dict[str, object]:
    """VALUES with every Phrase among them put into LANG."""
    return {name: value.text(lang) if isinstance(value, Phrase) else value for name, value in values.items()}


class Told(Exception):
    """An error told to a person in one sentence of the catalogue: `text()` in the reader's language
    (the current one by default), str() in English."""

    def __init__(self, message: str | Phrase, **values: object):
        self.phrase = message if isinstance(message, Phrase) else Phrase(message, **values)
        self.key, self.values = self.phrase.key, self.phrase.values
        super().__init__(self.phrase.text("en"))

    def text(self, lang: str | None = None) -> str:
        return self.phrase.text(lang)

    def __reduce__(self):
        return self.__class__, (self.phrase,)


class Refused(Told, ValueError):
    """A refusal a person at a screen should read (the screen shows `text()` in its language)."""
