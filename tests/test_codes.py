"""Codes compare in any case and are stored in one: venue and room codes and event slugs in lower case,
every other code in upper case. The importer folds what the files give, and every lookup folds what a
person or a command line gives (kiosk.search.upper_code / lower_code)."""
from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kiosk.attendees import find_by_code, search
from kiosk.badges import select_attendees
from kiosk.checkin import list_by_code
from kiosk.commands import find_stall
from kiosk.context import find_event, find_venue
from kiosk.importer import ImportFailed, import_event
from kiosk.labels import select_products
from kiosk.sales import find_product
from kiosk.search import lower_code, upper_code
from kiosk.store import StoreError
from models import (
    Assignment, Attendee, AwardCategory, CheckinList, Event, Institution, Nominee, Product, Room, Session, Stall,
    Travel, Venue, Winner,
)
from tests.conftest import SMALL_EVENT


def test_codes_fold_to_their_kinds_case_and_only_ascii_letters_change():
    assert upper_code("  p0001 ") == "P0001" and upper_code("kab-gunungKidul") == "KAB-GUNUNGKIDUL"
    assert lower_code(" BENTENG ") == "benteng" and lower_code("Sheraton-Lobby") == "sheraton-lobby"
    assert upper_code(None) == "" and lower_code("") == ""
    # A look-alike is not made into a valid code: "ı".upper() is "I" and "ﬁ".upper() is "FI" in Python.
    assert upper_code("pı01") == "Pı01" and upper_code("ﬁ01") == "ﬁ01"
    assert lower_code("İSTANA") == "İstana"


# ---- the importer ------------------------------------------------------------------------------------

def recase_csv(folder: Path, name: str, change: dict[str, callable]) -> None:
    """Rewrite FOLDER/NAME with the cells of the columns in CHANGE passed through their function."""
    path = folder / name
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: change.get(column, str)(value) for column, value in row.items()})
    path.write_text(out.getvalue(), encoding="utf-8")


def replace_all(folder: Path, name: str, *pairs: tuple[str, str]) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def recased_small_event(tmp_path: Path) -> Path:
    """The small event with every code written in the other case (or mixed), as an organiser might."""
    folder = tmp_path / "recased"
    shutil.copytree(SMALL_EVENT, folder)
    replace_all(folder, "event.toml",
                ('slug = "small"', 'slug = "Small"'),
                ('languages = ["id", "en"]', 'languages = ["ID", "En"]'),
                ('code = "sheraton"', 'code = "SHERATON"'),  # a venue code in upper case (BENTENG)
                ('code = "eastparc"', 'code = "EastParc"'),
                ('code = "sheraton-lobby"', 'code = "SHERATON-LOBBY"'),
                ('code = "eastparc-prambanan"', 'code = "Eastparc-Prambanan"'),
                ('from = "sheraton"', 'from = "Sheraton"'),
                ('to = "eastparc"', 'to = "EASTPARC"'),
                ('code = "HARI1"', 'code = "hari1"'),
                ('categories = ["vip", "speaker"]', 'categories = ["VIP", "Speaker"]'))
    recase_csv(folder, "institutions.csv", {"code": str.lower})
    recase_csv(folder, "attendees.csv", {"code": str.lower, "institution": str.lower})
    recase_csv(folder, "sessions.csv", {"code": str.lower, "room": str.upper})  # the room's code, any case
    recase_csv(folder, "assignments.csv", {"attendee": str.lower, "session": str.lower})
    recase_csv(folder, "stalls.csv", {"code": str.lower, "institution": str.lower})
    recase_csv(folder, "products.csv", {"code": str.lower, "stall": str.lower})
    replace_all(folder, "awards.toml",
                ('code = "DAERAH"', 'code = "daerah"'),
                ('{ institution = "KAB-GUNUNGKIDUL" }', '{ institution = "kab-gunungkidul" }'),
                ('winners = ["KAB-GUNUNGKIDUL"]', 'winners = ["Kab-Gunungkidul"]'),
                ('{ attendee = "P0003" }', '{ attendee = "p0003" }'),
                ('winners = ["DESA-BEJIHARJO", ', 'winners = ["desa-bejiharjo", '))
    return folder


def stored_codes() -> dict[str, list]:
    return {
        "event": [e.slug for e in Event.select()],
        "languages": [e.languages for e in Event.select()],
        "venues": sorted(v.code for v in Venue.select()),
        "rooms": sorted(r.code for r in Room.select()),
        "travel": [(t.from_venue.code, t.to_venue.code) for t in Travel.select()],
        "lists": sorted((c.code, c.categories) for c in CheckinList.select()),
        "institutions": sorted(i.code for i in Institution.select()),
        "attendees": sorted((a.code, a.institution.code if a.institution_id else "") for a in Attendee.select()),
        "sessions": sorted((s.code, s.room.code) for s in Session.select()),
        "assignments": sorted((a.attendee.code, a.session.code) for a in Assignment.select()),
        "stalls": sorted((s.code, s.institution.code) for s in Stall.select()),
        "products": sorted((p.code, p.stall.code) for p in Product.select()),
        "awards": sorted(c.code for c in AwardCategory.select()),
        "nominees": sorted((n.category.code, n.institution.code if n.institution_id else "",
                            n.attendee.code if n.attendee_id else "", n.text) for n in Nominee.select()),
        "winners": sorted((w.category.code, w.nominee.institution.code if w.nominee.institution_id else w.nominee.text)
                          for w in Winner.select()),
    }


def test_an_event_folder_with_codes_in_any_case_imports_as_the_same_event(store, tmp_path):
    plan, _ = import_event(recased_small_event(tmp_path))

    codes = stored_codes()
    assert codes["event"] == ["small"] and codes["languages"] == ["id,en"]
    assert codes["venues"] == ["eastparc", "sheraton"]
    assert codes["rooms"] == ["eastparc-prambanan", "sheraton-kalasan", "sheraton-lobby"]
    assert codes["travel"] == [("sheraton", "eastparc")]
    assert codes["lists"] == [("GALA", "vip,speaker"), ("HARI1", "")]
    assert codes["institutions"] == ["DESA-BEJIHARJO", "GST-BAPPENAS", "KAB-GUNUNGKIDUL", "PROV-JATENG"]
    assert ("P0002", "DESA-BEJIHARJO") in codes["attendees"]
    assert ("K1", "eastparc-prambanan") in codes["sessions"] and ("REG", "sheraton-lobby") in codes["sessions"]
    assert codes["assignments"] == [("P0001", "K1"), ("P0002", "K1"), ("P0002", "K3")]
    assert codes["stalls"] == [("L01", "KAB-GUNUNGKIDUL"), ("L02", "DESA-BEJIHARJO")]
    assert ("GK-BATIK", "L01") in codes["products"]
    assert codes["awards"] == ["DAERAH", "DESA"]
    assert ("DESA", "", "P0003", "") in codes["nominees"]
    assert codes["winners"] == [("DAERAH", "KAB-GUNUNGKIDUL"), ("DESA", "DESA-BEJIHARJO"),
                                ("DESA", "TBM Pelangi Aksara")]

    # The same folder with its codes as the demo writes them is the same event: nothing changes.
    _, tally = import_event(SMALL_EVENT)
    assert tally == Counter()
    assert stored_codes() == codes


def test_a_look_alike_letter_in_a_code_is_refused_not_folded(store, tmp_path):
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    replace_all(folder, "attendees.csv", ("P0001,Sri", "pı01,Sri"))  # a dotless ı, from a Turkish keyboard
    replace_all(folder, "event.toml", ('code = "eastparc"', 'code = "eastparç"'))

    with pytest.raises(ImportFailed) as failed:
        import_event(folder)

    lines = failed.value.problems.lines()
    assert "attendees.csv:2: code: 'Pı01' must be letters, digits and '-' (at most 12)" in lines
    assert any("venues.code: 'eastparç' must be letters, digits and '-' (at most 40)" in line for line in lines)
    assert Event.select().count() == 0


# ---- lookups a person or a command line feeds ------------------------------------------------------------

@pytest.fixture
def small(store):
    import_event(SMALL_EVENT)
    return find_event()


def test_attendee_codes_are_found_in_any_case(small):
    assert find_by_code(small, " p0002 ").name == "Bambang Sutrisno"
    assert find_by_code(small, "P0002").id == find_by_code(small, "p0002").id
    assert [a.code for a in select_attendees(small, ["p0001", "P0003"])] == ["P0001", "P0003"]
    assert [a.code for a in search(small, "p0002")] == ["P0002"]  # the desk's search box


def test_check_in_list_codes_are_found_in_any_case(small):
    assert list_by_code(small, "hari1").code == "HARI1"
    assert list_by_code(small, " Gala ").code == "GALA"


def test_stall_and_product_codes_are_found_in_any_case(small):
    assert find_stall(small, "l01").code == "L01"
    with pytest.raises(StoreError, match="no stall 'l09'"):
        find_stall(small, "l09")
    assert [p.code for p in select_products(small, "l02")] == ["BJ-ANYAM"]
    assert find_product(small, "gk-batik").code == "GK-BATIK"
    assert find_product(small, "p:gk-keripik").code == "GK-KERIPIK"  # a label's payload, typed by hand


def test_venue_codes_are_found_in_any_case(small):
    assert find_venue(small, "EASTPARC").code == "eastparc"
    assert find_venue(small, " Sheraton ").code == "sheraton"
    with pytest.raises(StoreError, match="no venue 'benteng'"):
        find_venue(small, "BENTENG")
