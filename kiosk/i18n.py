"""Visible text in Indonesian (default) or English, and Babel formatting of money, numbers and dates."""
from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from kiosk.catalogue import MESSAGES

LANGUAGES = ("id", "en")
LOCALES = {"id": "id_ID", "en": "en_ID"}
_current = {"lang": "id"}


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    _current["lang"] = lang


def language() -> str:
    return _current["lang"]


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The catalogue text for KEY in the current language, with {placeholders} filled in."""
    indonesian, english = MESSAGES[key]
    text = english if (lang or language()) == "en" else indonesian
    return text.format(**values) if values else text


def bilingual(key: str, **values: object) -> str:
    """'Indonesian / English', for public screens read by everyone."""
    return f"{t(key, 'id', **values)} / {t(key, 'en', **values)}"


def pick(indonesian: str, english: str) -> str:
    """Data kept in both languages: English when chosen and present, else Indonesian."""
    return english if language() == "en" and english else indonesian


def locale() -> str:
    return LOCALES[language()]


def money(rupiah: int, lang: str | None = None) -> str:
    """'Rp 125.000': whole rupiah, Indonesian grouping."""
    return format_currency(rupiah, "IDR", locale=LOCALES[lang or language()], format="¤ #,##0",
                           currency_digits=False)


def number(value: int) -> str:
    return format_decimal(value, locale=locale())


def long_date(day: date) -> str:
    return format_date(day, "EEEE, d MMMM y", locale=locale())


def short_day(day: date) -> str:
    """'Kam 5/7' or 'Thu 5/7'."""
    return format_date(day, "EEE d/M", locale=locale())
