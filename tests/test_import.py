"""`kiosk import`: counts, idempotent upserts by code, the demo folder, and bad input reported
as `file:line: column: reason` with nothing written."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from kiosk.commands import DEMO_FOLDER
from kiosk.importer import ImportFailed, import_event
from models import Attendee, AuditEntry, Event, Institution, Room, Venue
from tests.conftest import SMALL_EVENT

DEMO = Path(str(DEMO_FOLDER))
ATTENDEES_HEADER = "code,name,institution,category,language,hotel,hotel_room"


# --- helpers ----------------------------------------------------------------------------------


def counts() -> dict[str, int]:
    return {
        "events": Event.select().count(),
        "venues": Venue.select().count(),
        "rooms": Room.select().count(),
        "institutions": Institution.select().count(),
        "attendees": Attendee.select().count(),
    }


EMPTY = {"events": 0, "venues": 0, "rooms": 0, "institutions": 0, "attendees": 0}
SMALL_COUNTS = {"events": 1, "venues": 2, "rooms": 3, "institutions": 4, "attendees": 4}


def copy_small_event(tmp_path: Path, programme: bool = False) -> Path:
    """A copy of the small event, without its optional files (programme, stalls, awards) unless PROGRAMME."""
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    if not programme:
        for name in ("sessions.csv", "assignments.csv", "stalls.csv", "products.csv", "awards.toml"):
            (folder / name).unlink()
    return folder


def replace(folder: Path, file: str, old: str, new: str, occurrence: int = 1) -> int:
    """Replace the OCCURRENCE-th OLD in FILE with NEW; return the 1-based line it is on."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    start = -1
    for _ in range(occurrence):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def append_rows(folder: Path, file: str, *rows: str) -> list[int]:
    """Append ROWS to a CSV file; return their line numbers."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    first = text.count("\n") + 1
    path.write_text(text + "".join(row + "\n" for row in rows), encoding="utf-8")
    return list(range(first, first + len(rows)))


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        import_event(folder)
    return failed.value.problems.lines()


# --- the small event ------------------------------------------------------------------------------


def test_small_event_imports_with_expected_counts(store):
    plan, tally = import_event(SMALL_EVENT)

    assert counts() == SMALL_COUNTS
    assert tally == Counter({
        "events added": 1, "venues added": 2, "rooms added": 3, "check-in lists added": 2,
        "institutions added": 4, "attendees added": 4, "sessions added": 6, "assignments added": 3,
        "stalls added": 2, "products added": 3, "award categories added": 2, "award nominees added": 5,
    })
    event = Event.get(Event.slug == "small")
    assert (event.name, event.name_en, event.time_zone) == ("PLM Uji Coba", "Test Meeting", "Asia/Jakarta")
    assert event.day_list == ["2018-07-05", "2018-07-06"]
    assert [v.code for v in Venue.select().order_by(Venue.position)] == ["sheraton", "eastparc"]
    lobby = Room.get(Room.code == "sheraton-lobby")
    assert (lobby.venue.code, lobby.capacity, lobby.floor) == ("sheraton", 300, "1")
    bambang = Attendee.get(Attendee.code == "P0002")
    assert bambang.institution.code == "DESA-BEJIHARJO"
    assert (bambang.hotel, bambang.hotel_room) == ("Hotel Eastparc", "413")
    assert Institution.get(Institution.code == "DESA-BEJIHARJO").name == (
        "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"  # a quoted CSV cell with a comma
    )
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 1


def test_importing_the_same_folder_again_changes_nothing(store):
    import_event(SMALL_EVENT)
    ids_before = {a.code: a.id for a in Attendee.select()}

    _, tally = import_event(SMALL_EVENT)

    assert tally == Counter()
    assert counts() == SMALL_COUNTS
    assert {a.code: a.id for a in Attendee.select()} == ids_before


def test_reimport_updates_by_code_keeps_identity_and_never_deletes(store, tmp_path):
    import_event(SMALL_EVENT)
    bambang_id = Attendee.get(Attendee.code == "P0002").id
    folder = copy_small_event(tmp_path)
    replace(folder, "attendees.csv", "Bambang Sutrisno", "Bambang Sutrisno Wibowo")
    replace(folder, "attendees.csv", "V0001,Ir. Andreas Simanjuntak,GST-BAPPENAS,vip,en,,\n", "")

    _, tally = import_event(folder)

    assert tally == Counter({"attendees updated": 1})
    bambang = Attendee.get(Attendee.code == "P0002")
    assert bambang.id == bambang_id
    assert bambang.name == "Bambang Sutrisno Wibowo"
    # V0001 is no longer in the file but stays in the store: an import never deletes.
    assert Attendee.get(Attendee.code == "V0001").name == "Ir. Andreas Simanjuntak"
    assert counts() == SMALL_COUNTS


def test_a_failed_reimport_keeps_the_event_as_it_was(store, tmp_path):
    import_event(SMALL_EVENT)
    names_before = {a.code: a.name for a in Attendee.select()}
    folder = copy_small_event(tmp_path)
    replace(folder, "attendees.csv", "Sri Wahyuni", "Sri Wahyuni Renamed")  # a valid change...
    replace(folder, "attendees.csv", "PROV-JATENG", "NOPE")  # ...beside an invalid one
    replace(folder, "event.toml", "capacity = 300", "capacity = 400")

    problems = problems_of(folder)

    assert problems == ["attendees.csv:4: institution: unknown institution 'NOPE' (not in institutions.csv)"]
    assert counts() == SMALL_COUNTS
    assert {a.code: a.name for a in Attendee.select()} == names_before
    assert Room.get(Room.code == "sheraton-lobby").capacity == 300


# --- the demo event -----------------------------------------------------------------------------


def test_demo_folder_imports_and_reimports_identically(store):
    plan, tally = import_event(DEMO)

    first = counts()
    kinds = Counter(kind for (kind,) in Institution.select(Institution.kind).tuples())
    assert kinds["provincial"] == 18
    assert kinds["regency-city"] == 104
    assert kinds["village-tbm"] == 768
    assert kinds["provincial"] + kinds["regency-city"] + kinds["village-tbm"] == 890
    assert kinds["guest"] > 0
    assert set(kinds) == {"provincial", "regency-city", "village-tbm", "guest"}
    assert first["events"] == 1
    assert first["institutions"] == len(plan.institutions) == 890 + kinds["guest"]
    assert first["attendees"] == len(plan.attendees)
    assert 1800 <= first["attendees"] <= 3000
    assert first["venues"] == 4  # Sheraton, Ambarukmo Plaza, Royal Ambarukmo, Eastparc
    assert tally["attendees added"] == first["attendees"]
    event = Event.get()
    assert event.time_zone == "Asia/Jakarta"
    assert event.day_list == ["2018-07-05", "2018-07-06"]

    _, again = import_event(DEMO)

    assert again == Counter()
    assert counts() == first


# --- bad input: one kind of problem per folder --------------------------------------------------


def unknown_institution(folder):
    line = replace(folder, "attendees.csv", "DESA-BEJIHARJO", "NOPE")
    return [f"attendees.csv:{line}: institution: unknown institution 'NOPE' (not in institutions.csv)"]


def duplicate_attendee_code(folder):
    line = replace(folder, "attendees.csv", "V0001,", "P0001,")
    return [f"attendees.csv:{line}: code: duplicate code 'P0001'"]


def bad_time_zone(folder):
    line = replace(folder, "event.toml", '"Asia/Jakarta"', '"Asia/Yogyakarta"')
    return [f"event.toml:{line}: event.time_zone: 'Asia/Yogyakarta' is not a known time zone: Yogyakarta is in Asia/Jakarta (WIB)"]


def missing_name(folder):
    line = replace(folder, "attendees.csv", "Dr. Hj. Raden Ajeng Siti Nurhaliza Kusumawardhani", "  ")
    return [f"attendees.csv:{line}: name: missing name"]


def wrong_institution_kind(folder):
    line = replace(folder, "institutions.csv", ",village-tbm,", ",village,")
    return [f"institutions.csv:{line}: kind: 'village' is not a kind of institution: "
            "use one of provincial, regency-city, village-tbm, guest"]


def not_utf8(folder):
    path = folder / "attendees.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("Bambang Sutrisno", "Bambang Sütrisno")  # fine UTF-8 on line 3
    data = [line.encode("utf-8") for line in lines]
    data[1] = lines[1].replace("Sri Wahyuni", "Sri Wahyuní").encode("latin-1")  # latin-1 on line 2
    path.write_bytes(b"".join(data))
    offset = data[1].index(b"\xed") + 1
    return [f"attendees.csv:2: encoding: not UTF-8 (byte 0xED at byte {offset} of the line); save the file as UTF-8"]


def bad_category(folder):
    line = replace(folder, "attendees.csv", ",vip,", ",royalty,")
    return [f"attendees.csv:{line}: category: 'royalty' is not a category: "
            "use one of participant, vip, press, staff, speaker"]


def bad_attendee_code(folder):
    line = replace(folder, "attendees.csv", "P0002,", "P_0002,")
    return [f"attendees.csv:{line}: code: 'P_0002' must be letters, digits and '-' (at most 12)"]


def duplicate_room_code(folder):
    line = replace(folder, "event.toml", 'code = "eastparc-prambanan"', 'code = "sheraton-lobby"')
    return [f"event.toml:{line}: venues.rooms.code: duplicate room code 'sheraton-lobby' "
            "(room codes are unique in the event)"]


def zero_room_capacity(folder):
    line = replace(folder, "event.toml", "capacity = 60", "capacity = 0")
    return [f"event.toml:{line}: venues.rooms.capacity: '0' must be a whole number above zero"]


def text_room_capacity(folder):
    line = replace(folder, "event.toml", "capacity = 80", 'capacity = "eighty"')
    return [f"event.toml:{line}: venues.rooms.capacity: 'eighty' must be a whole number above zero"]


def fractional_room_capacity(folder):
    line = replace(folder, "event.toml", "capacity = 300", "capacity = 12.5")
    return [f"event.toml:{line}: venues.rooms.capacity: '12.5' must be a whole number above zero"]


def bad_date_in_days(folder):
    line = replace(folder, "event.toml", '"2018-07-06"]', '"2018-07-32"]')
    return [f"event.toml:{line}: event.days: '2018-07-32' is not a date such as 2018-07-05"]


def missing_required_column(folder):
    replace(folder, "attendees.csv", "code,name,", "code,full_name,")
    return ["attendees.csv:1: name: missing column in the header row: read with ',' between the columns, it has 7: "
            "'code', 'full_name', 'institution', 'category', 'language', 'hotel', 'hotel_room'"]


def missing_file(folder):
    (folder / "institutions.csv").unlink()
    # Only the cause: not also one "unknown institution" line for every attendee.
    return ["institutions.csv: file is missing"]


def missing_event_toml(folder):
    (folder / "event.toml").unlink()
    return ["event.toml: file is missing"]


def venue_that_is_not_a_table(folder):
    # A top-level key must come before the first table in TOML, so put it first.
    path = folder / "event.toml"
    path.write_text('venues = ["sheraton"]\n' + path.read_text().split("[[venues]]")[0], encoding="utf-8")
    return ["event.toml:1: venues: each venue must be a [[venues]] table"]


def room_that_is_not_a_table(folder):
    path = folder / "event.toml"
    text = path.read_text().split("[[venues]]")[0]
    path.write_text(text + '[[venues]]\ncode = "sheraton"\nname = "Sheraton"\nrooms = [300]\n', encoding="utf-8")
    line = text.count("\n") + 4
    return [f"event.toml:{line}: venues.rooms: each room must be a [[venues.rooms]] table"]


BAD_FOLDERS = [
    unknown_institution, duplicate_attendee_code, bad_time_zone, missing_name, wrong_institution_kind,
    not_utf8, bad_category, bad_attendee_code, duplicate_room_code, zero_room_capacity, text_room_capacity,
    fractional_room_capacity, bad_date_in_days, missing_required_column, missing_file, missing_event_toml,
    venue_that_is_not_a_table, room_that_is_not_a_table,
]


@pytest.mark.parametrize("corrupt", BAD_FOLDERS, ids=lambda corrupt: corrupt.__name__)
def test_bad_folder_is_reported_and_nothing_is_written(store, tmp_path, corrupt):
    folder = copy_small_event(tmp_path)
    expected = corrupt(folder)

    assert problems_of(folder) == expected
    assert counts() == EMPTY


def test_invalid_toml_syntax_reports_its_line(store, tmp_path):
    folder = copy_small_event(tmp_path)
    line = replace(folder, "event.toml", 'name_en = "Test Meeting"', 'name_en = "Test Meeting')

    problems = problems_of(folder)

    assert len(problems) == 1
    assert problems[0].startswith(f"event.toml:{line}: not valid TOML: ")
    assert f"line {line}" in problems[0]
    assert counts() == EMPTY


def test_a_path_that_is_not_a_folder_is_refused(store, tmp_path):
    not_a_folder = tmp_path / "event.zip"
    not_a_folder.write_bytes(b"PK\x03\x04")

    assert problems_of(not_a_folder) == [
        f"{not_a_folder}: is not a folder (an event folder holds event.toml and the CSV files)"
    ]
    assert counts() == EMPTY


def test_every_problem_of_a_folder_is_reported_at_once(store, tmp_path):
    folder = copy_small_event(tmp_path)
    zone = replace(folder, "event.toml", '"Asia/Jakarta"', '"Mars/Olympus"')
    days = replace(folder, "event.toml", '"2018-07-06"]', '"6 Juli 2018"]')
    room = replace(folder, "event.toml", 'code = "eastparc-prambanan"', 'code = "sheraton-kalasan"')
    capacity = replace(folder, "event.toml", "capacity = 300", "capacity = -5")
    no_name, bad_kind = append_rows(
        folder, "institutions.csv",
        "KAB-SLEMAN,,regency-city,DI Yogyakarta",
        "TBM-KELOR,Perpustakaan Desa Kelor,tbm,Gunungkidul",
    )
    unknown, duplicate, bad_code, nameless, category, language, room_only = append_rows(
        folder, "attendees.csv",
        "P0101,Ani Lestari,KAB-BANTUL,participant,id,,",
        "P0001,Sri Wahyuni Kedua,,participant,id,,",
        "P 0102,Budi Santoso,,participant,id,,",
        "P0103,,,participant,id,,",
        "P0104,Citra Dewi,,pembicara,id,,",
        "P0105,Dewi Anggraini,,participant,jv,,",
        "P0106,Eko Prasetyo,,participant,id,,207",
    )

    problems = problems_of(folder)

    assert problems == sorted([
        f"event.toml:{zone}: event.time_zone: 'Mars/Olympus' is not a known time zone: write a zone name such as "
        "Asia/Jakarta, or WIB, WITA or WIT",
        f"event.toml:{days}: event.days: '6 Juli 2018' is not a date such as 2018-07-05",
        f"event.toml:{room}: venues.rooms.code: duplicate room code 'sheraton-kalasan' "
        "(room codes are unique in the event)",
        f"event.toml:{capacity}: venues.rooms.capacity: '-5' must be a whole number above zero",
        f"institutions.csv:{no_name}: name: missing name",
        f"institutions.csv:{bad_kind}: kind: 'tbm' is not a kind of institution: "
        "use one of provincial, regency-city, village-tbm, guest",
        f"attendees.csv:{unknown}: institution: unknown institution 'KAB-BANTUL' (not in institutions.csv)",
        f"attendees.csv:{duplicate}: code: duplicate code 'P0001'",
        f"attendees.csv:{bad_code}: code: 'P 0102' must be letters, digits and '-' (at most 12)",
        f"attendees.csv:{nameless}: name: missing name",
        f"attendees.csv:{category}: category: 'pembicara' is not a category: "
        "use one of participant, vip, press, staff, speaker",
        f"attendees.csv:{language}: language: 'jv' is not a language: use one of id, en",
        f"attendees.csv:{room_only}: hotel: a hotel room needs a hotel",
    ], key=_problem_order)
    assert all(line.split(":")[1].isdigit() for line in problems)  # every one has file:line
    assert counts() == EMPTY


def _problem_order(line: str) -> tuple:
    file, number, rest = line.split(":", 2)
    return file, int(number), rest


def test_a_100_mb_attendees_file_is_refused(store, tmp_path):
    folder = copy_small_event(tmp_path)
    huge = folder / "attendees.csv"
    with huge.open("wb") as out:
        out.write((ATTENDEES_HEADER + "\n").encode())
        out.truncate(100 * 1024 * 1024)  # sparse: instant, no 100 MB written

    assert problems_of(folder) == ["attendees.csv: file is 100 MB; files over 50 MB are refused"]
    assert counts() == EMPTY


# --- the separator: commas, semicolons (a spreadsheet in an Indonesian locale) or tabs --------------

# As Excel writes "CSV UTF-8" where the decimal mark is a comma: a byte order mark, ";" between cells,
# CRLF line ends, and quotes only around a cell that holds a ";" (or a quote); a comma needs none.
EXCEL_INSTITUTIONS = (
    "\ufeffcode;name;kind;region\r\n"
    "KAB-GUNUNGKIDUL;Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul;regency-city;DI Yogyakarta\r\n"
    "DESA-BEJIHARJO;\"Perpustakaan Desa Khasanah Info Bejiharjo; Karangmojo\";village-tbm;Gunungkidul\r\n"
    "PROV-JATENG;Dinas Kearsipan dan Perpustakaan Provinsi Jawa Tengah;provincial;Jawa Tengah, Semarang\r\n"
    "GST-BAPPENAS;\"BAPPENAS \"\"Kementerian PPN\"\"\";guest;DKI Jakarta\r\n"
)
EXCEL_ATTENDEES = (
    "\ufeffcode;name;institution;category;language;hotel;hotel_room\r\n"
    "P0001;Sri Wahyuni;KAB-GUNUNGKIDUL;participant;id;Hotel Eastparc;412\r\n"
    "P0002;Bambang Sutrisno, S.Sos.;DESA-BEJIHARJO;participant;id;Hotel Eastparc;413\r\n"
    "P0003;\"Dr. Hj. Raden Ajeng; Siti Nurhaliza Kusumawardhani\";PROV-JATENG;speaker;id;;\r\n"
    "V0001;Ir. Andreas Simanjuntak;GST-BAPPENAS;vip;en;;\r\n"
)


def write_file(folder: Path, name: str, text: str) -> None:
    (folder / name).write_bytes(text.encode("utf-8"))


def test_a_semicolon_separated_csv_is_read(store, tmp_path):
    folder = copy_small_event(tmp_path)
    write_file(folder, "institutions.csv", EXCEL_INSTITUTIONS)
    write_file(folder, "attendees.csv", EXCEL_ATTENDEES)

    import_event(folder)

    assert counts() == SMALL_COUNTS
    desa = Institution.get(Institution.code == "DESA-BEJIHARJO")
    assert desa.name == "Perpustakaan Desa Khasanah Info Bejiharjo; Karangmojo"  # a ";" inside quotes
    assert Institution.get(Institution.code == "PROV-JATENG").region == "Jawa Tengah, Semarang"  # a comma
    assert Institution.get(Institution.code == "GST-BAPPENAS").name == 'BAPPENAS "Kementerian PPN"'
    assert Attendee.get(Attendee.code == "P0002").name == "Bambang Sutrisno, S.Sos."
    speaker = Attendee.get(Attendee.code == "P0003")
    assert (speaker.name, speaker.institution.code) == ("Dr. Hj. Raden Ajeng; Siti Nurhaliza Kusumawardhani",
                                                        "PROV-JATENG")
    assert Attendee.get(Attendee.code == "V0001").hotel == ""


def test_a_semicolon_file_reports_problems_at_their_lines(store, tmp_path):
    folder = copy_small_event(tmp_path)
    write_file(folder, "attendees.csv", EXCEL_ATTENDEES.replace("P0002;Bambang Sutrisno, S.Sos.;DESA-BEJIHARJO",
                                                                "P0002;Bambang Sutrisno, S.Sos.;NOPE"))

    assert problems_of(folder) == ["attendees.csv:3: institution: unknown institution 'NOPE' (not in institutions.csv)"]
    assert counts() == EMPTY


def test_a_tab_separated_csv_and_excels_sep_line_are_read(store, tmp_path):
    folder = copy_small_event(tmp_path, programme=True)
    write_file(folder, "assignments.csv", "attendee\tsession\nP0001\tK1\nP0002\tK1\nP0002\tK3\n")
    write_file(folder, "stalls.csv", "sep=;\r\ncode;name;institution;location\r\n"
                                     "L01;Lapak Gunungkidul;KAB-GUNUNGKIDUL;Atrium A1, lantai 1\r\n"
                                     "L02;Lapak Bejiharjo;DESA-BEJIHARJO;Atrium A2\r\n")

    _, tally = import_event(folder)

    assert tally["assignments added"] == 3 and tally["stalls added"] == 2
    from models import Stall

    assert Stall.get(Stall.code == "L01").location == "Atrium A1, lantai 1"


def test_excels_sep_line_counts_as_a_line(store, tmp_path):
    folder = copy_small_event(tmp_path)
    write_file(folder, "attendees.csv", "sep=;\r\n" + EXCEL_ATTENDEES.replace("V0001;", "P0001;").lstrip("\ufeff"))

    assert problems_of(folder) == ["attendees.csv:6: code: duplicate code 'P0001'"]


@pytest.mark.parametrize("header, missing, seen", [
    ("kode;nama;jenis;wilayah", "code, name, kind",
     "read with ';' between the columns, it has 4: 'kode', 'nama', 'jenis', 'wilayah'"),
    ("code|name|kind|region", "code, name, kind",
     "read with ',' between the columns, it has 1: 'code|name|kind|region'; "
     "separate the columns with ',', ';' or a tab"),
    ("code\tnama\tkind", "name", "read with a tab between the columns, it has 3: 'code', 'nama', 'kind'"),
], ids=["semicolons", "pipes", "tabs"])
def test_a_header_without_the_columns_names_the_separator_it_was_read_with(store, tmp_path, header, missing, seen):
    folder = copy_small_event(tmp_path)
    write_file(folder, "institutions.csv", header + "\nKAB-GUNUNGKIDUL;Dinas;regency-city;DIY\n")

    assert problems_of(folder) == [f"institutions.csv:1: {missing}: missing column in the header row: {seen}"]
