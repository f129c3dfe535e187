"""The message catalogues: every message the source uses is in both languages, in step with the
source and the template, with the same placeholders in both."""
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk.i18n import LANGUAGES, LOCALE_DIR, catalogue_path, t, tn

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"t": None, "bilingual": None, "N_": None, "tn": (1, 2)}  # as README's pybabel command says
METHOD_MAP = [("kiosk/**.py", "python"), ("screens/**.py", "python")]


def used_in_source() -> set:
    return {message for _, _, message, _, _ in extract_from_dir(str(ROOT), METHOD_MAP, keywords=KEYWORDS)}


def ids_of(path: Path) -> set:
    with path.open("rb") as po:
        return {message.id for message in read_po(po) if message.id}


def messages_of(lang: str) -> dict:
    with catalogue_path(lang).open("rb") as po:
        return {message.id: message.string for message in read_po(po, locale=lang) if message.id}


def test_the_template_is_in_step_with_the_source():
    used, template = used_in_source(), ids_of(LOCALE_DIR / "kiosk.pot")
    assert not used - template, f"used but not in kiosk.pot (run pybabel extract): {sorted(map(str, used - template))}"
    assert not template - used, f"in kiosk.pot but no longer used: {sorted(map(str, template - used))}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_in_each_language(lang):
    used, messages = used_in_source(), messages_of(lang)
    assert not used - set(messages), f"missing in {lang} (run pybabel update): {sorted(map(str, used - set(messages)))}"
    assert not set(messages) - used, f"stale in {lang}: {sorted(map(str, set(messages) - used))}"
    empty = [key for key, text in messages.items() if not all(text if isinstance(text, tuple) else (text,))]
    assert not empty, f"not translated in {lang}: {empty}"


def placeholders(text) -> set[str]:
    texts = text if isinstance(text, tuple) else (text,)
    return {name for one in texts for _, name, _, _ in string.Formatter().parse(one) if name}


def test_both_languages_fill_the_same_placeholders():
    indonesian, english = messages_of("id"), messages_of("en")
    differ = {key: (placeholders(indonesian[key]), placeholders(english[key]))
              for key in indonesian if key in english and placeholders(indonesian[key]) != placeholders(english[key])}
    assert not differ, differ


def test_plurals_follow_each_language():
    one, many = "audit.session_delay", "audit.session_delay_plural"
    said = {(lang, count): tn(one, many, count, lang=lang, who="meja", session="D-A") for lang in LANGUAGES
            for count in (1, 2)}
    assert said["en", 1] == "meja delayed session D-A by 1 minute"
    assert said["en", 2] == "meja delayed session D-A by 2 minutes"
    assert said["id", 1].replace("1", "2") == said["id", 2]  # Indonesian has one form


def test_a_message_reads_in_both_languages():
    assert t("checkin.scan", "id") == "Pindai badge Anda" and t("checkin.scan", "en") == "Scan your badge"
