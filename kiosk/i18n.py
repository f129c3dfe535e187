"""Visible text in Indonesian (default) or English, from gettext message catalogues, and Babel
formatting of money, numbers and dates.

The messages are in kiosk/locale/<lang>/LC_MESSAGES/kiosk.po, one file per language, kept in step
with the source by Babel's own tools (README, "Translations"), and read with Babel at run time, so
an editable install needs no build step. A message id is a dotted key saying where the text is used
("checkin.welcome"); its text holds {placeholders} that str.format fills in.
"""
from __future__ import annotations

import io
import os
from datetime import date
from functools import cache
from pathlib import Path
from typing import Callable

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal


LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "kiosk"
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LOCALES = {"id": "id_ID", "en": "en_ID"}
_current = {"lang": DEFAULT_LANGUAGE}
_screen_language: Callable[[], str | None] = lambda: None  # set by the App: the language of the screen at work


def N_(key: str) -> str:
    """Marks a message key the source builds at run time (`t(f"kind.{kind}")`, a table of keys), so
    that `pybabel extract` finds it: write `N_("kind.library")` where the set of such keys is listed."""
    return key


def set_language(lang: str) -> None:
    """The process's language: the command line's, and that of screens without one of their own."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    _current["lang"] = lang


def follow_screens(screen_language: Callable[[], str | None]) -> None:
    """Let SCREEN_LANGUAGE (the App's) say which language the screen at work speaks; None from it
    means the process's."""
    global _screen_language
    _screen_language = screen_language


def language() -> str:
    return _screen_language() or _current["lang"]


def language_from_environment(environ=os.environ) -> str | None:
    """The first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that names a language we have ('C' and
    'POSIX' name none): 'en_US.UTF-8' is English, 'id_ID' Indonesian."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in environ.get(variable, "").split(":"):
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
    return None


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalogue(lang: str) -> Catalog:
    with catalogue_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


@cache
def translations(lang: str) -> Translations:
    """LANG's messages, read from its .po file and compiled in memory."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(lang))
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def message_keys() -> frozenset[str]:
    """Every key the catalogues have, plural ones included."""
    keys = set()
    for message in catalogue(DEFAULT_LANGUAGE):
        keys.update(message.id if isinstance(message.id, tuple) else (message.id,))
    return frozenset(keys - {""})


def has_message(key: str) -> bool:
    """Whether the catalogues have KEY (for a key that comes from the store, like a sale's method)."""
    return key in message_keys()


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The text of KEY in LANG (default: the language at work), with {placeholders} filled in."""
    text = translations(lang or language()).gettext(key)
    return text.format(**values) if values else text


def tn(key: str, plural_key: str, count: int, lang: str | None = None, **values: object) -> str:
    """The text of KEY, or PLURAL_KEY, for COUNT, as LANG's plural rules have it; {count} filled in."""
    return translations(lang or language()).ngettext(key, plural_key, count).format(count=count, **values)


def bilingual(key: str, **values: object) -> str:
    """'Indonesian / English', for public screens read by everyone."""
    return f"{t(key, 'id', **values)} / {t(key, 'en', **values)}"


def pick(indonesian: str, english: str, lang: str | None = None) -> str:
    """Data kept in both languages: English when chosen and present, else Indonesian."""
    return english if (lang or language()) == "en" and english else indonesian


def locale(lang: str | None = None) -> str:
    return LOCALES[lang or language()]


def money(rupiah: int, lang: str | None = None) -> str:
    """'Rp 125.000': whole rupiah, Indonesian grouping."""
    return format_currency(rupiah, "IDR", locale=LOCALES[lang or language()], format="¤ #,##0",
                           currency_digits=False)


def number(value: int, lang: str | None = None) -> str:
    return format_decimal(value, locale=locale(lang))


def long_date(day: date, lang: str | None = None) -> str:
    return format_date(day, "EEEE, d MMMM y", locale=locale(lang))


def short_day(day: date, lang: str | None = None) -> str:
    """'Kam 5/7' or 'Thu 5/7'."""
    return format_date(day, "EEE d/M", locale=locale(lang))
