"""Text in an event folder: a control character (ESC, NUL, a bidi override, a line break outside a
description…) in any cell of any CSV file or any string of a TOML file is refused as
`file:line: column: reason` with nothing written; emoji, right-to-left letters and accents are stored
as they are, and a description keeps its line breaks."""
from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.importer import ImportFailed, import_event
from kiosk.importer.problems import Problems
from kiosk.importer.sources import read_csv, read_toml
from kiosk.text import NEWLINE, REFUSED
from models import ALL_MODELS, Attendee, AwardCategory, Institution, Nominee, Product, Room, Session
from tests.conftest import SMALL_EVENT

BAD = "<BAD>"
ESC_SEQUENCES = "\x1b]0;pwned\x07\x1b[2J"  # set the terminal's title, then clear the screen
REFUSALS = [(ESC_SEQUENCES, "U+001B"), ("\x00", "U+0000"), ("\u202e", "U+202E")]


# --- helpers ----------------------------------------------------------------------------------


def copy_small_event(tmp_path: Path) -> Path:
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    return folder


def replace(folder: Path, file: str, old: str, new: str) -> int:
    """Replace the one OLD in FILE with NEW; return the 1-based line it was on."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {file}"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def toml_escaped(text: str) -> str:
    """TEXT as the inside of a TOML basic string (control characters as \\uXXXX escapes)."""
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or c in '"\\\x7f' else c for c in text)


def refusal(file: str, line: int, column: str, code_point: str) -> str:
    return f"{file}:{line}: {column}: contains a control character ({code_point}); remove it"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        import_event(folder)
    return failed.value.problems.lines()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in ALL_MODELS}


def nothing_stored() -> bool:
    return not any(row_counts().values())


@dataclass(frozen=True)
class Place:
    """Where a test puts text: OLD in FILE becomes NEW, with the text where NEW says <BAD>."""

    file: str
    old: str
    new: str
    column: str

    def put(self, folder: Path, text: str = "") -> int:
        """Put TEXT there (escaped in TOML); return the line a problem with it is reported on."""
        written = text if self.file.endswith(".csv") else toml_escaped(text)
        return replace(folder, self.file, self.old, self.new.replace(BAD, written))


PLACES = [
    Place("attendees.csv", "Hotel Eastparc,413", f"Hotel {BAD}Eastparc,413", "hotel"),
    Place("attendees.csv", "Sri Wahyuni", f"Sri {BAD}Wahyuni", "name"),
    Place("institutions.csv", "DI Yogyakarta", f"DI {BAD}Yogyakarta", "region"),
    Place("sessions.csv", "Mengukur Dampak Program", f"Mengukur {BAD}Dampak", "title"),
    Place("sessions.csv", "Ir. Andreas Simanjuntak", f"Ir. {BAD}Andreas", "speakers"),
    Place("sessions.csv", "Ambil badge dan tas peserta.", f"Ambil {BAD}badge", "description"),
    Place("products.csv", "Keripik belalang", f"Keripik {BAD}belalang", "name"),
    Place("stalls.csv", "Atrium A2", f"Atrium {BAD}A2", "location"),
    Place("event.toml", "Turun tangga di samping restoran.", f"Turun {BAD}tangga", "venues.rooms.directions"),
    Place("event.toml", 'name = "Hotel Eastparc"', f'name = "Hotel {BAD}Eastparc"', "venues.name"),
    Place("event.toml", '"Test Meeting"', f'"Test {BAD}Meeting"', "event.name_en"),
    Place("event.toml", '"Gala dinner"', f'"Gala {BAD}dinner"', "checkin_lists.name"),
    Place("awards.toml", "Kepala Perpustakaan Nasional RI", f"Kepala {BAD}Perpustakaan", "categories.presenter"),
    Place("awards.toml", "Perpustakaan daerah dengan", f"Perpustakaan {BAD}daerah dengan",
          "categories.description"),
    # A nominee in an inline table is reported at its `nominees = [` line.
    Place("awards.toml", 'nominees = [\n  { institution = "DESA-BEJIHARJO" },\n  { attendee = "P0003" },',
          f'nominees = [\n  {{ institution = "DESA-BEJIHARJO" }},\n  {{ text = "Video {BAD}Literasi" }},',
          "categories.nominees.text"),
]


def place_id(place: Place) -> str:
    return f"{place.file}:{place.column}"


# --- refused: a control character anywhere ------------------------------------------------------


@pytest.mark.parametrize("text, code_point", REFUSALS, ids=["esc", "nul", "rlo"])
@pytest.mark.parametrize("place", PLACES, ids=place_id)
def test_a_control_character_is_refused_at_its_file_line_and_column(store, tmp_path, place, text, code_point):
    folder = copy_small_event(tmp_path)
    line = place.put(folder, text)

    assert problems_of(folder) == [refusal(place.file, line, place.column, code_point)]
    assert nothing_stored()


LINE_BREAKS = [  # a line break written as CSV and TOML write one
    Place("attendees.csv", "Hotel Eastparc,413", '"Hotel\nEastparc",413', "hotel"),
    Place("sessions.csv", "Mengukur Dampak Program", '"Mengukur\nDampak"', "title"),
    Place("event.toml", "Turun tangga di samping restoran.", "Turun tangga\\ndi samping", "venues.rooms.directions"),
    Place("awards.toml", PLACES[-1].old, PLACES[-1].new.replace(BAD, "\\n"), "categories.nominees.text"),
]


@pytest.mark.parametrize("place", LINE_BREAKS, ids=place_id)
def test_a_line_break_outside_a_description_is_refused(store, tmp_path, place):
    folder = copy_small_event(tmp_path)
    line = place.put(folder)

    assert problems_of(folder) == [refusal(place.file, line, place.column, "U+000A")]
    assert nothing_stored()


@pytest.mark.parametrize("character, code_point", [("\t", "U+0009"), ("\r", "U+000D"), ("\x85", "U+0085")],
                         ids=["tab", "lone-cr", "c1-next-line"])
def test_a_description_keeps_only_line_breaks(store, tmp_path, character, code_point):
    folder = copy_small_event(tmp_path)
    line = replace(folder, "sessions.csv", "Ambil badge dan tas peserta.", f'"Ambil badge\n{character}dan tas"')

    assert problems_of(folder) == [refusal("sessions.csv", line, "description", code_point)]
    assert nothing_stored()


def test_raw_c1_and_bidi_characters_in_toml_are_refused(store, tmp_path):
    folder = copy_small_event(tmp_path)
    directions = replace(folder, "event.toml", "Turun tangga", "Turun \x9b2J tangga")  # CSI, written as is
    presenter = replace(folder, "awards.toml", "Kepala Perpustakaan", "Kepala \u2067Perpustakaan")  # isolate

    assert problems_of(folder) == [
        refusal("awards.toml", presenter, "categories.presenter", "U+2067"),
        refusal("event.toml", directions, "venues.rooms.directions", "U+009B"),
    ]
    assert nothing_stored()


def test_columns_and_keys_no_section_reads_are_checked_too(store, tmp_path):
    folder = copy_small_event(tmp_path)
    replace(folder, "attendees.csv", "hotel,hotel_room", "hotel,hotel_room,notes")
    notes = replace(folder, "attendees.csv", "Hotel Eastparc,413", "Hotel Eastparc,413,\x1b[2J")
    motto = replace(folder, "event.toml", 'slug = "small"', 'motto = "Baca\\u0000"\nslug = "small"')

    assert problems_of(folder) == [
        refusal("attendees.csv", notes, "notes", "U+001B"),
        refusal("event.toml", motto, "event.motto", "U+0000"),
    ]
    assert nothing_stored()


def test_a_control_character_in_the_header_row_is_refused(store, tmp_path):
    folder = copy_small_event(tmp_path)
    replace(folder, "attendees.csv", "hotel,hotel_room", "hotel,hotel\x1b_room")

    assert problems_of(folder) == [
        "attendees.csv:1: column 7 of the header row contains a control character (U+001B); remove it"]
    assert nothing_stored()


def test_problem_lines_quote_refused_text_harmlessly(store, tmp_path):
    folder = copy_small_event(tmp_path)
    line = replace(folder, "attendees.csv", "P0001,Sri Wahyuni,KAB-GUNUNGKIDUL", "P0001,Sri Wahyuni,KAB\x1b[2J")

    problems = problems_of(folder)

    assert problems == [
        refusal("attendees.csv", line, "institution", "U+001B"),
        f"attendees.csv:{line}: institution: unknown institution 'KAB\u241b[2J' (not in institutions.csv)",
    ]
    assert not any(ord(character) in REFUSED for problem in problems for character in problem)
    assert nothing_stored()


def test_a_refused_reimport_keeps_the_stored_text(store, tmp_path):
    import_event(SMALL_EVENT)
    before = row_counts()
    folder = copy_small_event(tmp_path)
    replace(folder, "attendees.csv", "Hotel Eastparc,413", "Hotel \x1b]0;pwned\x07Eastparc,413")
    replace(folder, "event.toml", "Turun tangga", "Naik tangga")  # a fine change beside it

    assert len(problems_of(folder)) == 1
    assert Attendee.get(Attendee.code == "P0002").hotel == "Hotel Eastparc"
    assert Room.get(Room.code == "eastparc-prambanan").directions.startswith("Turun tangga")
    assert row_counts() == before


# --- accepted: the world's letters, and line breaks in descriptions -----------------------------


def test_emoji_right_to_left_letters_and_accents_are_stored_as_they_are(store, tmp_path):
    folder = copy_small_event(tmp_path)
    replace(folder, "attendees.csv", "Sri Wahyuni", "Siti 👩🏽‍💻 Müller")  # a ZWJ sequence, an umlaut
    replace(folder, "attendees.csv", "Hotel Eastparc,413", "فندق Eastparc,413")  # Arabic
    replace(folder, "institutions.csv", "DI Yogyakarta", "Đà Nẵng")
    replace(folder, "sessions.csv", "Mengukur Dampak Program", "ספרייה 📚 Literasi")  # Hebrew
    replace(folder, "sessions.csv", "Ir. Andreas Simanjuntak", '"Amélie Poulain, محمد"')
    replace(folder, "products.csv", "Keripik belalang", '"Kopi ☕ Gayo, crème"')
    replace(folder, "event.toml", "Turun tangga di samping restoran.", "Turun tangga — café e\u0301 🚪")
    replace(folder, "awards.toml", "Kepala Perpustakaan Nasional RI", "د. أحمد / ד״ר כהן")
    replace(folder, "awards.toml", '{ attendee = "P0003" }', '{ text = "Vidéo 🎬 مكتبة" }')

    import_event(folder)

    assert Attendee.get(Attendee.code == "P0001").name == "Siti 👩🏽‍💻 Müller"
    assert Attendee.get(Attendee.code == "P0002").hotel == "فندق Eastparc"
    assert Institution.get(Institution.code == "KAB-GUNUNGKIDUL").region == "Đà Nẵng"
    assert Session.get(Session.code == "K3").title == "ספרייה 📚 Literasi"
    assert Session.get(Session.code == "K2").speakers == "Amélie Poulain, محمد"
    assert Product.get(Product.code == "GK-KERIPIK").name == "Kopi ☕ Gayo, crème"
    assert Room.get(Room.code == "eastparc-prambanan").directions == "Turun tangga — café e\u0301 🚪"
    assert AwardCategory.get(AwardCategory.code == "DAERAH").presenter == "د. أحمد / ד״ר כהן"
    assert {nominee.text for nominee in Nominee.select()} == {"", "Vidéo 🎬 مكتبة", "TBM Pelangi Aksara"}


def test_descriptions_keep_their_line_breaks(store, tmp_path):
    folder = copy_small_event(tmp_path)
    replace(folder, "sessions.csv", "Ambil badge dan tas peserta.", '"Ambil badge\r\ndan tas\npeserta."')
    replace(folder, "awards.toml", '"Perpustakaan daerah dengan program pelibatan masyarakat terbaik."',
            '"""\nPerpustakaan daerah\ndengan program terbaik."""')

    import_event(folder)

    assert Session.get(Session.code == "REG").description == "Ambil badge\ndan tas\npeserta."  # CRLF as LF
    assert AwardCategory.get(AwardCategory.code == "DAERAH").description == (
        "Perpustakaan daerah\ndengan program terbaik.")


# --- every text, as the files are read (no store) -------------------------------------------------

ANY_CHARACTER = st.characters(exclude_categories=("Cs",))  # a lone surrogate cannot be in a UTF-8 file
REFUSED_IN_FILES = sorted(chr(code) for code in REFUSED if not 0xD800 <= code < 0xE000)
MIXED = st.one_of(ANY_CHARACTER, st.sampled_from(REFUSED_IN_FILES))
# Allowed characters that are easy to get wrong: a joiner, a byte order mark, Arabic, Hebrew, a combining
# accent, an emoji.
TRICKY = ["\u200d", "\ufeff", "\u0645", "\u05d0", "\u0301", "\U0001f4da"]
ALLOWED = st.one_of(st.characters(exclude_categories=("Cs",), exclude_characters=REFUSED_IN_FILES),
                    st.sampled_from(TRICKY))


def texts(alphabet: st.SearchStrategy) -> st.SearchStrategy:
    """Text drawn from ALPHABET as weighted (st.text() would dilute the sampled characters in all of Unicode)."""
    return st.lists(alphabet).map("".join)


def with_refused(refused: list[str]) -> st.SearchStrategy:
    """Text with at least one of REFUSED in it, anywhere, among any characters."""
    return st.tuples(texts(MIXED), st.sampled_from(refused), texts(MIXED)).map("".join)


def first_refused(text: str, lines: bool = False) -> str:
    code = next(ord(c) for c in text if ord(c) in REFUSED and not (lines and c == NEWLINE))
    return f"U+{code:04X}"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A folder each example writes its file into again (hypothesis refuses a fresh tmp_path)."""
    return tmp_path_factory.mktemp("scratch")


def csv_problems(folder: Path, name: str, description: str) -> list[str]:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["code", "name", "description"], ["K1", name, description]])
    (folder / "sessions.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="")
    problems = Problems()
    read_csv(folder / "sessions.csv", ("code",), ("name", "description"), problems, lines=("description",))
    return problems.lines()


def toml_problems(folder: Path, title: str, description: str) -> list[str]:
    text = f'[[categories]]\ntitle = "{toml_escaped(title)}"\ndescription = "{toml_escaped(description)}"\n'
    (folder / "awards.toml").write_text(text, encoding="utf-8")
    problems = Problems()
    read_toml(folder / "awards.toml", problems, lines=("categories.description",))
    return problems.lines()


@settings(max_examples=300, deadline=None)
@given(text=with_refused(REFUSED_IN_FILES))
def test_any_csv_cell_with_a_refused_character_is_reported(scratch, text):
    assert csv_problems(scratch, text, "") == [refusal("sessions.csv", 2, "name", first_refused(text))]


@settings(max_examples=300, deadline=None)
@given(name=texts(ALLOWED), text=with_refused([c for c in REFUSED_IN_FILES if c not in "\r\n"]))
def test_a_multi_line_csv_cell_refuses_all_but_line_breaks(scratch, name, text):
    stored = text.replace("\r\n", NEWLINE)

    assert csv_problems(scratch, name, text) == [
        refusal("sessions.csv", 2, "description", first_refused(stored, lines=True))]


@settings(max_examples=300, deadline=None)
@given(name=texts(ALLOWED),
       description=texts(st.one_of(ALLOWED, st.sampled_from(["\n", "\r\n"]))))
def test_a_csv_cell_without_one_is_accepted(scratch, name, description):
    assert csv_problems(scratch, name, description) == []


@settings(max_examples=300, deadline=None)
@given(text=with_refused(REFUSED_IN_FILES))
def test_any_toml_string_with_a_refused_character_is_reported(scratch, text):
    assert toml_problems(scratch, text, "") == [refusal("awards.toml", 2, "categories.title", first_refused(text))]


@settings(max_examples=300, deadline=None)
@given(title=texts(ALLOWED), text=with_refused([c for c in REFUSED_IN_FILES if c != NEWLINE]))
def test_a_multi_line_toml_string_refuses_all_but_line_breaks(scratch, title, text):
    assert toml_problems(scratch, title, text) == [
        refusal("awards.toml", 3, "categories.description", first_refused(text, lines=True))]


@settings(max_examples=300, deadline=None)
@given(title=texts(ALLOWED), description=texts(st.one_of(ALLOWED, st.just("\n"))))
def test_a_toml_string_without_one_is_accepted(scratch, title, description):
    assert toml_problems(scratch, title, description) == []
