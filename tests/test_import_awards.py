"""Importing the award ceremony (awards.toml): categories in file order, nominees and sealed winners;
each bad input reported as `awards.toml:line: column: reason` with nothing written; a re-import is
idempotent and never changes the nominees or winners of a category the audience has seen revealed."""
from __future__ import annotations

import shutil
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from kiosk.commands import DEMO_FOLDER
from kiosk.importer import ImportFailed, import_event
from kiosk.reveal import Named, winners
from models import AwardCategory, Event, Nominee, RevealState, Winner
from tests.conftest import SMALL_EVENT

DEMO = Path(str(DEMO_FOLDER))
AWARDS = "awards.toml"
GUNUNGKIDUL = "Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul"
BEJIHARJO = "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"
KEPEK = "Perpustakaan Desa Gardu Pintar 2 Kepek, Wonosari"


# --- helpers ----------------------------------------------------------------------------------


def copy_small_event(tmp_path: Path) -> Path:
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    return folder


def replace(folder: Path, old: str, new: str) -> int:
    """Replace the one OLD in awards.toml with NEW; return the 1-based line it was on."""
    path = folder / AWARDS
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {AWARDS}"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def line_of(folder: Path, text: str, occurrence: int = 1) -> int:
    lines = (folder / AWARDS).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if text in line][occurrence - 1]


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        import_event(folder)
    return failed.value.problems.lines()


def counts() -> dict[str, int]:
    return {"events": Event.select().count(), "categories": AwardCategory.select().count(),
            "nominees": Nominee.select().count(), "winners": Winner.select().count()}


def nominees(code: str) -> list[str]:
    """Each nominee of category CODE as 'institution:CODE', 'attendee:CODE' or 'text:…', winners starred."""
    category = AwardCategory.get(AwardCategory.code == code)
    won = {w.nominee_id for w in Winner.select().where(Winner.category == category)}
    shown = []
    for nominee in Nominee.select().where(Nominee.category == category).order_by(Nominee.position):
        if nominee.institution_id:
            label = f"institution:{nominee.institution.code}"
        elif nominee.attendee_id:
            label = f"attendee:{nominee.attendee.code}"
        else:
            label = f"text:{nominee.text}"
        shown.append(label + ("*" if nominee.id in won else ""))
    return shown


def category(code: str) -> AwardCategory:
    return AwardCategory.get(AwardCategory.code == code)


# --- the small event ------------------------------------------------------------------------------


def test_the_small_event_brings_two_categories_with_their_nominees_and_winners(store):
    _, tally = import_event(SMALL_EVENT)

    assert (tally["award categories added"], tally["award nominees added"]) == (2, 5)
    assert [(c.code, c.position, c.title, c.title_en) for c in AwardCategory.select().order_by(AwardCategory.position)] == [
        ("DAERAH", 0, "Perpustakaan Daerah Terbaik", "Best Regional Library"),
        ("DESA", 1, "Perpustakaan Desa Terbaik", "Best Village Library"),
    ]
    daerah = category("DAERAH")
    assert (daerah.presenter, daerah.revealed_at) == ("Kepala Perpustakaan Nasional RI", None)
    assert daerah.description.startswith("Perpustakaan daerah")
    assert nominees("DAERAH") == ["institution:KAB-GUNUNGKIDUL*", "institution:PROV-JATENG"]
    assert nominees("DESA") == ["institution:DESA-BEJIHARJO*", "attendee:P0003", "text:TBM Pelangi Aksara*"]
    assert winners(category("DESA").id) == [Named(BEJIHARJO, "Gunungkidul"), Named("TBM Pelangi Aksara")]
    assert RevealState.select().count() == 0  # an import never touches the ceremony's state


def test_importing_the_awards_again_changes_nothing(store):
    import_event(SMALL_EVENT)
    before = {n.id: (n.category_id, n.position) for n in Nominee.select()}

    _, tally = import_event(SMALL_EVENT)

    assert tally == Counter()
    assert {n.id: (n.category_id, n.position) for n in Nominee.select()} == before
    assert counts() == {"events": 1, "categories": 2, "nominees": 5, "winners": 3}


def test_a_reimport_makes_nominees_winners_and_order_those_of_the_file(store, tmp_path):
    import_event(SMALL_EVENT)
    daerah_id = category("DAERAH").id
    folder = copy_small_event(tmp_path)
    text = (folder / AWARDS).read_text(encoding="utf-8")
    daerah, desa = text.split("\n[[categories]]\n")[1:]
    desa = desa.replace('{ attendee = "P0003" },\n', "")
    daerah = daerah.replace('winners = ["KAB-GUNUNGKIDUL"]', 'winners = ["prov-jateng"]')
    (folder / AWARDS).write_text("[[categories]]\n" + desa + "\n[[categories]]\n" + daerah, encoding="utf-8")

    _, tally = import_event(folder)

    assert tally == Counter({"award categories updated": 2})
    assert [c.code for c in AwardCategory.select().order_by(AwardCategory.position)] == ["DESA", "DAERAH"]
    assert category("DAERAH").id == daerah_id
    assert nominees("DAERAH") == ["institution:KAB-GUNUNGKIDUL", "institution:PROV-JATENG*"]
    assert nominees("DESA") == ["institution:DESA-BEJIHARJO*", "text:TBM Pelangi Aksara*"]


def test_a_revealed_category_keeps_its_nominees_and_winners_on_reimport(store, tmp_path):
    import_event(SMALL_EVENT)
    revealed_at = datetime(2018, 7, 5, 14, 10, tzinfo=timezone.utc)  # stored times are aware UTC
    AwardCategory.update(revealed_at=revealed_at).where(AwardCategory.code == "DAERAH").execute()
    state = RevealState.create(event=Event.get(), position=6, celebrations=1)
    folder = copy_small_event(tmp_path)
    replace(folder, 'winners = ["KAB-GUNUNGKIDUL"]', 'winners = ["PROV-JATENG"]')
    replace(folder, 'title_en = "Best Regional Library"', 'title_en = "Best District Library"')
    replace(folder, '{ attendee = "P0003" },', "")  # an unrevealed category still follows the file

    _, tally = import_event(folder)

    assert tally == Counter({"award categories kept (revealed)": 1, "award categories updated": 2})
    daerah = category("DAERAH")
    assert (daerah.title_en, daerah.revealed_at) == ("Best District Library", revealed_at)
    assert nominees("DAERAH") == ["institution:KAB-GUNUNGKIDUL*", "institution:PROV-JATENG"]
    assert winners(daerah.id) == [Named(GUNUNGKIDUL, "DI Yogyakarta")]
    assert nominees("DESA") == ["institution:DESA-BEJIHARJO*", "text:TBM Pelangi Aksara*"]
    assert [(s.id, s.position, s.celebrations) for s in RevealState.select()] == [(state.id, 6, 1)]

    _, again = import_event(folder)

    assert again == Counter({"award categories kept (revealed)": 1})  # said each time the file differs


def test_a_folder_without_awards_toml_leaves_the_ceremony_alone(store, tmp_path):
    import_event(SMALL_EVENT)
    folder = copy_small_event(tmp_path)
    (folder / AWARDS).unlink()

    _, tally = import_event(folder)

    assert tally == Counter()
    assert counts() == {"events": 1, "categories": 2, "nominees": 5, "winners": 3}


def test_a_failed_reimport_keeps_the_ceremony_as_it_was(store, tmp_path):
    import_event(SMALL_EVENT)
    folder = copy_small_event(tmp_path)
    replace(folder, 'title_en = "Best Regional Library"', 'title_en = "Best District Library"')  # valid...
    line = replace(folder, 'winners = ["KAB-GUNUNGKIDUL"]', 'winners = ["KAB-BANTUL"]')  # ...beside invalid

    assert problems_of(folder) == [
        f"awards.toml:{line}: categories.winners: 'KAB-BANTUL' is not among the nominees of DAERAH"]
    assert category("DAERAH").title_en == "Best Regional Library"
    assert nominees("DAERAH") == ["institution:KAB-GUNUNGKIDUL*", "institution:PROV-JATENG"]


# --- bad input: one kind of problem per folder ---------------------------------------------------


def no_winner(folder):
    replace(folder, 'winners = ["KAB-GUNUNGKIDUL"]\n', "")
    return [f"awards.toml:{line_of(folder, '[[categories]]')}: categories.winners: "
            "no winner: name at least one nominee"]


def empty_winners(folder):
    line = replace(folder, '["DESA-BEJIHARJO", "TBM Pelangi Aksara"]', "[]")
    return [f"awards.toml:{line}: categories.winners: no winner: name at least one nominee"]


def winner_not_a_nominee(folder):
    line = replace(folder, '"TBM Pelangi Aksara"]', '"TBM Pelangi Aksara", "P0001"]')
    return [f"awards.toml:{line}: categories.winners: 'P0001' is not among the nominees of DESA"]


def unknown_institution(folder):
    replace(folder, '{ institution = "PROV-JATENG" }', '{ institution = "KAB-BANTUL" }')
    return [f"awards.toml:{line_of(folder, 'nominees = [')}: categories.nominees: "
            "unknown institution 'KAB-BANTUL' (not in institutions.csv)"]


def unknown_attendee(folder):
    replace(folder, '{ attendee = "P0003" }', '{ attendee = "P0099" }')
    return [f"awards.toml:{line_of(folder, 'nominees = [', 2)}: categories.nominees: "
            "unknown attendee 'P0099' (not in attendees.csv)"]


def nominee_with_none(folder):
    replace(folder, '{ institution = "PROV-JATENG" }', '{ region = "Jawa Tengah" }')
    return [f"awards.toml:{line_of(folder, 'nominees = [')}: categories.nominees: "
            "nominee 2 needs exactly one of institution, attendee or text (it has none)"]


def nominee_with_two(folder):
    replace(folder, '{ attendee = "P0003" }', '{ attendee = "P0003", text = "Dr. Siti" }')
    return [f"awards.toml:{line_of(folder, 'nominees = [', 2)}: categories.nominees: "
            "nominee 2 needs exactly one of institution, attendee or text (it has attendee and text)"]


def nominee_that_is_not_a_table(folder):
    replace(folder, '{ institution = "PROV-JATENG" }', '"PROV-JATENG"')
    return [f"awards.toml:{line_of(folder, 'nominees = [')}: categories.nominees: "
            'nominee 2 must be a table such as { institution = "KAB-GUNUNGKIDUL" }']


def duplicate_nominee(folder):
    replace(folder, '{ institution = "PROV-JATENG" }', '{ institution = "kab-gunungkidul" }')
    return [f"awards.toml:{line_of(folder, 'nominees = [')}: categories.nominees: "
            "'KAB-GUNUNGKIDUL' is nominated twice"]


def duplicate_code(folder):
    line = replace(folder, 'code = "DESA"', 'code = "DAERAH"')
    return [f"awards.toml:{line}: categories.code: duplicate code 'DAERAH'"]


def bad_code(folder):
    line = replace(folder, 'code = "DESA"', 'code = "Desa Terbaik"')
    return [f"awards.toml:{line}: categories.code: 'DESA TERBAIK' must be letters, digits and '-' (at most 16)"]


def missing_title(folder):
    replace(folder, 'title = "Perpustakaan Desa Terbaik"\n', "")
    return [f"awards.toml:{line_of(folder, '[[categories]]', 2)}: categories.title: missing title"]


def blank_title(folder):
    line = replace(folder, 'title = "Perpustakaan Daerah Terbaik"', 'title = "  "')
    return [f"awards.toml:{line}: categories.title: missing title"]


def category_that_is_not_a_table(folder):
    path = folder / AWARDS
    path.write_text('categories = ["DAERAH"]\n', encoding="utf-8")
    return ["awards.toml:1: categories: each category must be a [[categories]] table"]


BAD_AWARDS = [
    no_winner, empty_winners, winner_not_a_nominee, unknown_institution, unknown_attendee, nominee_with_none,
    nominee_with_two, nominee_that_is_not_a_table, duplicate_nominee, duplicate_code, bad_code, missing_title,
    blank_title, category_that_is_not_a_table,
]


@pytest.mark.parametrize("corrupt", BAD_AWARDS, ids=lambda corrupt: corrupt.__name__)
def test_bad_awards_are_reported_at_their_line_and_nothing_is_written(store, tmp_path, corrupt):
    folder = copy_small_event(tmp_path)
    expected = corrupt(folder)

    assert problems_of(folder) == expected
    assert counts() == {"events": 0, "categories": 0, "nominees": 0, "winners": 0}


def test_invalid_awards_toml_reports_its_line(store, tmp_path):
    folder = copy_small_event(tmp_path)
    line = replace(folder, 'code = "DESA"', 'code = "DESA')

    problems = problems_of(folder)

    assert len(problems) == 1 and problems[0].startswith(f"awards.toml:{line}: not valid TOML: ")
    assert counts()["events"] == 0


def test_every_awards_problem_is_reported_at_once(store, tmp_path):
    folder = copy_small_event(tmp_path)
    code = replace(folder, 'code = "DESA"', 'code = "DAERAH"')
    replace(folder, '{ institution = "PROV-JATENG" }', '{ institution = "KAB-BANTUL" }')
    winners_line = replace(folder, '"TBM Pelangi Aksara"]', '"Tim Literasi"]')
    first_nominees = line_of(folder, "nominees = [")

    assert problems_of(folder) == [
        f"awards.toml:{first_nominees}: categories.nominees: unknown institution 'KAB-BANTUL' (not in institutions.csv)",
        f"awards.toml:{code}: categories.code: duplicate code 'DAERAH'",
        f"awards.toml:{winners_line}: categories.winners: 'Tim Literasi' is not among the nominees of DAERAH",
    ]


# --- the demo event -----------------------------------------------------------------------------


def test_the_demo_ceremony_has_the_articles_four_categories_and_winners(store):
    import_event(DEMO)

    categories = list(AwardCategory.select().order_by(AwardCategory.position))
    assert [c.title for c in categories] == [
        "Perpustakaan Daerah Terbaik", "Perpustakaan Desa Terbaik", "Pemenang Lomba Video Impact Perpustakaan",
        "Lapak Terbaik",
    ]
    assert all(c.title_en and c.description and c.presenter for c in categories)
    assert all(4 <= Nominee.select().where(Nominee.category == c).count() <= 6 for c in categories)
    regional, village, video, stall = ([w.name for w in winners(c.id)] for c in categories)
    assert regional == [GUNUNGKIDUL]
    assert sorted(village) == sorted([KEPEK, BEJIHARJO])
    assert len(video) == 1 and video[0].startswith("Video: ") and video[0].endswith(KEPEK)
    assert stall == [GUNUNGKIDUL]
