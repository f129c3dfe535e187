"""Importing the programme (sessions.csv, assignments.csv, [[travel]] in event.toml): each bad input is
reported as `file:line: column: reason` with nothing written; the gala across midnight is fine; a
folder without the programme files leaves the store's programme alone."""
from __future__ import annotations

import shutil
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from kiosk.importer import ImportFailed, import_event
from models import Assignment, Attendee, Event, Session, Travel
from tests.conftest import SMALL_EVENT

SESSIONS_HEADER = "code,title,title_en,kind,room,start,end,speakers,language,capacity,description"


# --- helpers ----------------------------------------------------------------------------------


def copy_small_event(tmp_path: Path, programme: bool = True) -> Path:
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    if not programme:
        (folder / "sessions.csv").unlink()
        (folder / "assignments.csv").unlink()
    return folder


def replace(folder: Path, file: str, old: str, new: str) -> int:
    """Replace the one OLD in FILE with NEW; return the 1-based line it was on."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {file}"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def append_rows(folder: Path, file: str, *rows: str) -> list[int]:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    first = text.count("\n") + 1
    path.write_text(text + "".join(row + "\n" for row in rows), encoding="utf-8")
    return list(range(first, first + len(rows)))


def session_row(code="K4", title="Sesi Tambahan", kind="class", room="eastparc-prambanan",
                start="2018-07-06 13:00", end="2018-07-06 14:00", capacity="") -> str:
    return f"{code},{title},,{kind},{room},{start},{end},,id,{capacity},"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        import_event(folder)
    return failed.value.problems.lines()


def counts() -> dict[str, int]:
    return {"events": Event.select().count(), "attendees": Attendee.select().count(),
            "sessions": Session.select().count(), "assignments": Assignment.select().count(),
            "travel": Travel.select().count()}


EMPTY = {"events": 0, "attendees": 0, "sessions": 0, "assignments": 0, "travel": 0}
SMALL = {"events": 1, "attendees": 4, "sessions": 6, "assignments": 3, "travel": 1}


# --- bad input: one kind of problem per folder ---------------------------------------------------


def overlap_in_one_room(folder):
    (line,) = append_rows(folder, "sessions.csv", session_row(start="2018-07-05 11:00", end="2018-07-05 12:30"))
    return [f"sessions.csv:{line}: start: overlaps K1 (09:30–12:00) in room eastparc-prambanan"]


def overlap_reported_on_the_later_session(folder):
    line = replace(folder, "sessions.csv", "2018-07-05 08:00,2018-07-05 09:00", "2018-07-05 08:00,2018-07-05 19:30")
    gala = line + 3  # KOORD now runs into the gala, three lines further down
    return [f"sessions.csv:{gala}: start: overlaps KOORD (08:00–19:30) in room sheraton-kalasan"]


def overlap_with_a_long_session_past_a_short_one(folder):
    # K4 spans the whole day in Prambanan: K1 (the next to start) and K2 (after K1) both overlap it.
    append_rows(folder, "sessions.csv", session_row(start="2018-07-05 09:00", end="2018-07-05 17:00"))
    return ["sessions.csv:4: start: overlaps K4 (09:00–17:00) in room eastparc-prambanan",
            "sessions.csv:5: start: overlaps K4 (09:00–17:00) in room eastparc-prambanan"]


def end_before_start(folder):
    line = replace(folder, "sessions.csv", "2018-07-05 13:00,2018-07-05 14:30", "2018-07-05 13:00,2018-07-05 12:30")
    return [f"sessions.csv:{line}: end: the end is not after the start"]


def end_equals_start(folder):
    line = replace(folder, "sessions.csv", "2018-07-05 13:00,2018-07-05 14:30", "2018-07-05 13:00,2018-07-05 13:00")
    return [f"sessions.csv:{line}: end: the end is not after the start"]


def longer_than_a_day(folder):
    line = replace(folder, "sessions.csv", "2018-07-06 08:30,2018-07-06 10:00", "2018-07-06 08:30,2018-07-07 10:00")
    return [f"sessions.csv:{line}: end: the session would last more than a day"]


def unknown_room(folder):
    line = replace(folder, "sessions.csv", ",sheraton-lobby,", ",Sheraton-Borobudur,")
    return [f"sessions.csv:{line}: room: unknown room 'sheraton-borobudur' (not in event.toml)"]


def time_without_a_date(folder):
    line = replace(folder, "sessions.csv", "2018-07-05 13:00,", "13:00,")
    return [f"sessions.csv:{line}: start: '13:00' has no date: write it as 2018-07-05 13:00"]


def end_without_a_date(folder):
    line = replace(folder, "sessions.csv", ",2018-07-05 12:00,Sri", ",12:00,Sri")  # K1's end
    return [f"sessions.csv:{line}: end: '12:00' has no date: write it as 2018-07-05 12:00"]


def date_in_another_layout(folder):
    line = replace(folder, "sessions.csv", "2018-07-05 13:00,", "05/07/2018 13:00,")
    return [f"sessions.csv:{line}: start: '05/07/2018 13:00' is not a date and time such as 2018-07-05 09:30"]


def missing_end(folder):
    line = replace(folder, "sessions.csv", "2018-07-05 13:00,2018-07-05 14:30", "2018-07-05 13:00,")
    return [f"sessions.csv:{line}: end: missing (a date and time such as 2018-07-05 09:30)"]


def unknown_kind(folder):
    line = replace(folder, "sessions.csv", ",gala,", ",party,")
    return [f"sessions.csv:{line}: kind: 'party' is not a kind of session: "
            "use one of registration, plenary, class, stalls, gala, other"]


def capacity_not_a_number(folder):
    line = replace(folder, "sessions.csv", ",id,40,", ",id,forty,")
    return [f"sessions.csv:{line}: capacity: 'forty' must be a whole number above zero"]


def capacity_zero(folder):
    line = replace(folder, "sessions.csv", ",id,40,", ",id,0,")
    return [f"sessions.csv:{line}: capacity: '0' must be a whole number above zero"]


def duplicate_session_code(folder):
    (line,) = append_rows(folder, "sessions.csv", session_row(code="k1"))
    return [f"sessions.csv:{line}: code: duplicate code 'K1'"]


def unknown_language(folder):
    line = replace(folder, "sessions.csv", "Ir. Andreas Simanjuntak,en,", "Ir. Andreas Simanjuntak,jv,")
    return [f"sessions.csv:{line}: language: 'jv' is not a language: use one of id, en"]


def missing_title(folder):
    line = replace(folder, "sessions.csv", "K3,Mengukur Dampak Program,", "K3,,")
    return [f"sessions.csv:{line}: title: missing title"]


def unknown_attendee(folder):
    (line,) = append_rows(folder, "assignments.csv", "P9999,K2")
    return [f"assignments.csv:{line}: attendee: unknown attendee 'P9999'"]


def unknown_session(folder):
    (line,) = append_rows(folder, "assignments.csv", "P0001,k9")
    return [f"assignments.csv:{line}: session: unknown session 'K9'"]


def duplicate_assignment(folder):
    (line,) = append_rows(folder, "assignments.csv", "p0002,k3")
    return [f"assignments.csv:{line}: P0002 is assigned to K3 twice"]


def assignment_to_a_session_in_error(folder):
    # The session's own row is wrong: only that is reported, not its assignments too.
    line = replace(folder, "sessions.csv", ",eastparc-prambanan,2018-07-06", ",eastparc-borobudur,2018-07-06")
    return [f"sessions.csv:{line}: room: unknown room 'eastparc-borobudur' (not in event.toml)"]


def travel_to_an_unknown_venue(folder):
    line = replace(folder, "event.toml", 'to = "eastparc"', 'to = "ambarukmo"')
    return [f"event.toml:{line}: travel.to: unknown venue 'ambarukmo'"]


def travel_from_an_unknown_venue(folder):
    line = replace(folder, "event.toml", 'from = "sheraton"', 'from = "royal"')
    return [f"event.toml:{line}: travel.from: unknown venue 'royal'"]


def travel_minutes_zero(folder):
    line = replace(folder, "event.toml", "minutes = 15", "minutes = 0")
    return [f"event.toml:{line}: travel.minutes: '0' must be a whole number above zero"]


def travel_minutes_fraction(folder):
    line = replace(folder, "event.toml", "minutes = 15", "minutes = 12.5")
    return [f"event.toml:{line}: travel.minutes: '12.5' must be a whole number above zero"]


def travel_minutes_text(folder):
    line = replace(folder, "event.toml", "minutes = 15", 'minutes = "15"')
    return [f"event.toml:{line}: travel.minutes: '15' must be a whole number above zero"]


def travel_minutes_missing(folder):
    header = replace(folder, "event.toml", "[[travel]]", "[[travel]]")
    replace(folder, "event.toml", "minutes = 15\n", "")
    return [f"event.toml:{header}: travel.minutes: missing"]


def travel_end_missing(folder):
    header = replace(folder, "event.toml", "[[travel]]", "[[travel]]")
    replace(folder, "event.toml", 'to = "eastparc"\n', "")
    return [f"event.toml:{header}: travel.to: missing"]


def travel_given_twice(folder):
    path = folder / "event.toml"
    text = path.read_text(encoding="utf-8")
    block = '[[travel]]\nfrom = "sheraton"\nto = "eastparc"\nminutes = 15\n'
    second = '[[travel]]\nfrom = "eastparc"\nto = "sheraton"\nminutes = 20\n'
    path.write_text(text.replace(block, block + "\n" + second), encoding="utf-8")
    line = text.count("\n", 0, text.index(block)) + 1 + block.count("\n") + 1
    return [f"event.toml:{line}: travel: travel between eastparc and sheraton is given twice"]


BAD_FOLDERS = [
    overlap_in_one_room, overlap_reported_on_the_later_session, overlap_with_a_long_session_past_a_short_one,
    end_before_start, end_equals_start, longer_than_a_day, unknown_room, time_without_a_date, end_without_a_date,
    date_in_another_layout, missing_end, unknown_kind, capacity_not_a_number, capacity_zero,
    duplicate_session_code, unknown_language, missing_title, unknown_attendee, unknown_session,
    duplicate_assignment, assignment_to_a_session_in_error, travel_to_an_unknown_venue,
    travel_from_an_unknown_venue, travel_minutes_zero, travel_minutes_fraction, travel_minutes_text,
    travel_minutes_missing, travel_end_missing, travel_given_twice,
]


@pytest.mark.parametrize("corrupt", BAD_FOLDERS, ids=lambda corrupt: corrupt.__name__)
def test_bad_programme_is_reported_and_nothing_is_written(store, tmp_path, corrupt):
    folder = copy_small_event(tmp_path)
    expected = corrupt(folder)

    assert problems_of(folder) == expected
    assert counts() == EMPTY


def test_a_bad_reimport_leaves_the_programme_as_it_was(store, tmp_path):
    import_event(SMALL_EVENT)
    before = {s.code: (s.title, s.starts_at, s.room_id) for s in Session.select()}
    folder = copy_small_event(tmp_path)
    replace(folder, "sessions.csv", "Registrasi Peserta", "Registrasi Ulang")  # a fine change...
    unknown_attendee(folder)  # ...beside a bad one
    replace(folder, "event.toml", "minutes = 15", "minutes = 25")

    assert len(problems_of(folder)) == 1
    assert {s.code: (s.title, s.starts_at, s.room_id) for s in Session.select()} == before
    assert counts() == SMALL
    assert Travel.get().minutes == 15


# --- good input ---------------------------------------------------------------------------------


def test_the_gala_across_midnight_imports_in_utc(store):
    _, tally = import_event(SMALL_EVENT)

    assert tally["sessions added"] == 6 and tally["assignments added"] == 3
    gala = Session.get(Session.code == "GALA")
    assert (gala.starts_at, gala.ends_at) == (datetime(2018, 7, 5, 12, tzinfo=timezone.utc),
                                              datetime(2018, 7, 5, 17, 30, tzinfo=timezone.utc))
    assert (gala.planned_starts_at, gala.planned_ends_at, gala.planned_room_id) == (
        gala.starts_at, gala.ends_at, gala.room_id)
    assert (gala.kind, gala.title_en, gala.capacity) == ("gala", "Awards Night and Gala Dinner", None)
    assert Session.get(Session.code == "K1").capacity == 40
    assert counts() == SMALL


def test_sessions_back_to_back_in_one_room_and_a_late_gala_are_fine(store, tmp_path):
    folder = copy_small_event(tmp_path)
    append_rows(folder, "sessions.csv",
                session_row(code="K4", start="2018-07-05 12:00", end="2018-07-05 13:00"),  # between K1 and K2
                session_row(code="AFTER", kind="other", room="sheraton-kalasan",
                            start="2018-07-06 00:30", end="2018-07-06 02:00"))  # as the gala ends

    _, tally = import_event(folder)

    assert tally["sessions added"] == 8
    assert Session.get(Session.code == "AFTER").starts_at == datetime(2018, 7, 5, 17, 30, tzinfo=timezone.utc)


def test_travel_is_stored_once_per_pair(store):
    import_event(SMALL_EVENT)

    (travel,) = Travel.select()
    assert (travel.from_venue.code, travel.to_venue.code, travel.minutes) == ("sheraton", "eastparc", 15)


def test_a_folder_without_programme_files_leaves_sessions_and_assignments_alone(store, tmp_path):
    import_event(SMALL_EVENT)
    before = {s.code: (s.id, s.title, s.starts_at, s.room_id) for s in Session.select()}
    assignments = set(Assignment.select(Assignment.attendee, Assignment.session).tuples())

    _, tally = import_event(copy_small_event(tmp_path, programme=False))

    assert tally == Counter()
    assert {s.code: (s.id, s.title, s.starts_at, s.room_id) for s in Session.select()} == before
    assert set(Assignment.select(Assignment.attendee, Assignment.session).tuples()) == assignments
    assert counts() == SMALL


def test_a_folder_without_programme_files_imports_into_an_empty_store(store, tmp_path):
    _, tally = import_event(copy_small_event(tmp_path, programme=False))

    assert "sessions added" not in tally
    assert counts() == {**SMALL, "sessions": 0, "assignments": 0}


def test_without_assignments_csv_the_assignments_are_kept(store, tmp_path):
    import_event(SMALL_EVENT)
    folder = copy_small_event(tmp_path)
    (folder / "assignments.csv").unlink()
    replace(folder, "sessions.csv", "Measuring Impact", "Measuring the Impact")

    _, tally = import_event(folder)

    assert tally == Counter({"sessions updated": 1})
    assert counts() == SMALL


def test_assignments_csv_is_the_whole_list(store, tmp_path):
    import_event(SMALL_EVENT)
    folder = copy_small_event(tmp_path)
    (folder / "assignments.csv").write_text("attendee,session\nP0001,K1\nP0003,K2\n", encoding="utf-8")

    _, tally = import_event(folder)

    assert tally == Counter({"assignments added": 1, "assignments removed": 2})
    pairs = {(a.attendee.code, a.session.code) for a in Assignment.select()}
    assert pairs == {("P0001", "K1"), ("P0003", "K2")}

