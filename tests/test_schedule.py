"""Changing the programme during the event: move, delay, cancel, restore; a clash is refused with
nothing changed; each change is audited, seen by another process's watcher, and kept by a re-import."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.changes import ChangeWatcher
from kiosk.context import find_event
from kiosk.importer import import_event
from kiosk.program import Slot, load_programme
from kiosk.schedule import MAX_DELAY_MINUTES, ScheduleError, cancel, delay, move, restore
from models import CANCELLED, SCHEDULED, AuditEntry, Room, Session
from tests.conftest import SMALL_EVENT
from tests.helpers import load_small_event

ROOT = Path(__file__).resolve().parent.parent
WIB = ZoneInfo("Asia/Jakarta")
STAFF = "admin"


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


def session(code: str) -> Session:
    """A fresh read of the session from the store."""
    return Session.get(Session.code == code)


def room(code: str) -> Room:
    return Room.get(Room.code == code)


def slot(code: str) -> Slot:
    """The session as a directory reloading the programme now sees it."""
    return next(s for s in load_programme(find_event(), WIB).slots if s.code == code)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=WIB)


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    """A WIB moment in UTC, as the store hands it out (aware)."""
    return at(day, hour, minute).astimezone(timezone.utc)


def schedule_audit() -> list[tuple[str, str, str, str]]:
    return [(e.actor, e.action, e.subject, e.detail)
            for e in AuditEntry.select().where(AuditEntry.action.startswith("session.")).order_by(AuditEntry.id)]


def snapshot() -> dict[str, tuple]:
    return {s.code: (s.room_id, s.planned_room_id, s.starts_at, s.ends_at, s.status) for s in Session.select()}


# --- move ----------------------------------------------------------------------------------------


def test_move_to_a_free_room(event):
    prambanan, kalasan = room("eastparc-prambanan"), room("sheraton-kalasan")

    move(session("K2"), kalasan, STAFF)  # K2 13:00-14:30; Kalasan is free then

    k2 = session("K2")
    assert (k2.room_id, k2.planned_room_id) == (kalasan.id, prambanan.id)
    assert k2.moved and k2.changed and not k2.delayed
    moved = slot("K2")
    assert moved.moved and not moved.delayed and not moved.retimed
    assert (moved.place.room, moved.planned_place.room) == ("Ruang Kalasan", "Ruang Prambanan")
    assert (moved.place.venue, moved.planned_place.venue) == ("Hotel Sheraton Mustika Yogyakarta", "Hotel Eastparc")
    assert schedule_audit() == [(STAFF, "session.move", "K2", "Ruang Prambanan -> Ruang Kalasan")]


def test_a_moved_session_is_shown_in_both_rooms(event):
    move(session("K2"), room("sheraton-kalasan"), STAFF)
    programme = load_programme(find_event(), WIB)

    rooms = {r.place.room: r for v in programme.now_next(at(5, 13, 5), None) for r in v.rooms}

    assert rooms["Ruang Kalasan"].now.code == "K2"
    assert rooms["Ruang Prambanan"].now.code == "K2"  # the people who go there read where it went
    assert rooms["Ruang Prambanan"].now.moved


def test_moving_into_a_taken_room_is_refused_and_nothing_changes(event):
    before = snapshot()

    with pytest.raises(ScheduleError) as refused:
        move(session("KOORD"), room("sheraton-lobby"), STAFF)  # KOORD 08:00-09:00; REG 07:00-09:30

    assert str(refused.value) == "Lobi Registrasi is taken then by REG (Registrasi Peserta)."
    assert snapshot() == before
    assert schedule_audit() == []


def test_a_room_free_from_the_moment_the_other_session_ends_can_be_taken(event):
    move(session("K1"), room("sheraton-lobby"), STAFF)  # K1 from 09:30; REG ends at 09:30

    assert session("K1").room_id == room("sheraton-lobby").id


def test_a_cancelled_session_does_not_block_its_room(event):
    cancel(session("REG"), STAFF, "moved to the desk")

    move(session("KOORD"), room("sheraton-lobby"), STAFF)

    assert session("KOORD").room_id == room("sheraton-lobby").id


# --- delay ---------------------------------------------------------------------------------------


def test_delay_by_fifteen_minutes(event):
    delay(session("K1"), 15, STAFF)

    k1 = session("K1")
    assert (k1.starts_at, k1.ends_at) == (utc(5, 9, 45), utc(5, 12, 15))
    assert (k1.planned_starts_at, k1.planned_ends_at) == (utc(5, 9, 30), utc(5, 12))
    assert k1.delayed and k1.changed and not k1.moved
    delayed = slot("K1")
    assert delayed.delayed and delayed.retimed and not delayed.moved
    assert (delayed.starts, delayed.ends) == (at(5, 9, 45), at(5, 12, 15))
    assert (delayed.planned_starts, delayed.planned_ends) == (at(5, 9, 30), at(5, 12))  # shown struck through
    assert schedule_audit() == [(STAFF, "session.delay", "K1", "+15 min")]


def test_a_delayed_session_starts_later_in_the_directory(event):
    delay(session("K1"), 15, STAFF)
    programme = load_programme(find_event(), WIB)

    def prambanan(now):
        return next(r for v in programme.now_next(now, None) for r in v.rooms if r.place.room == "Ruang Prambanan")

    assert prambanan(at(5, 9, 30)).now is None and prambanan(at(5, 9, 30)).next.code == "K1"
    assert prambanan(at(5, 9, 45)).now.code == "K1" and prambanan(at(5, 9, 45)).just_started
    assert programme.next_boundary(at(5, 9, 30)) == at(5, 9, 45)


@pytest.mark.parametrize("minutes", [0, -15, MAX_DELAY_MINUTES + 1])
def test_a_delay_of_nothing_or_too_long_is_refused(event, minutes):
    before = snapshot()

    with pytest.raises(ScheduleError) as refused:
        delay(session("K1"), minutes, STAFF)

    assert str(refused.value) == "A delay is 1 to 1440 minutes."
    assert snapshot() == before
    assert schedule_audit() == []


def test_a_whole_day_is_the_longest_delay(event):
    delay(session("K3"), MAX_DELAY_MINUTES, STAFF)

    assert session("K3").starts_at == utc(7, 8, 30)


def test_a_delay_into_the_next_session_is_refused(event):
    delay(session("K1"), 60, STAFF)  # 10:30-13:00: ends as K2 starts
    before = snapshot()

    with pytest.raises(ScheduleError) as refused:
        delay(session("K1"), 1, STAFF)

    assert str(refused.value) == "Ruang Prambanan is taken then by K2 (Perpustakaan sebagai Pusat Kegiatan Masyarakat)."
    assert snapshot() == before
    assert [action for _, action, _, _ in schedule_audit()] == ["session.delay"]


# --- cancel --------------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_cancel_needs_a_reason(event, reason):
    with pytest.raises(ScheduleError) as refused:
        cancel(session("K2"), STAFF, reason)

    assert str(refused.value) == "A reason is needed."
    assert session("K2").status == SCHEDULED
    assert schedule_audit() == []


def test_cancel_with_a_reason(event):
    cancel(session("K2"), STAFF, "  speaker ill  ")

    assert session("K2").status == CANCELLED
    assert slot("K2").cancelled
    assert schedule_audit() == [(STAFF, "session.cancel", "K2", "speaker ill")]


# --- restore -------------------------------------------------------------------------------------


def test_restore_puts_room_times_and_status_back(event):
    before = snapshot()
    move(session("K2"), room("sheraton-kalasan"), STAFF)
    delay(session("K2"), 30, STAFF)
    cancel(session("K2"), STAFF, "speaker ill")

    restore(session("K2"), STAFF)

    assert snapshot() == before
    assert not session("K2").changed
    back = slot("K2")
    assert not (back.moved or back.delayed or back.retimed or back.cancelled)
    assert [action for _, action, _, _ in schedule_audit()] == [
        "session.move", "session.delay", "session.cancel", "session.restore"]


def test_restore_is_refused_when_the_planned_room_was_taken_meanwhile(event):
    move(session("K2"), room("sheraton-kalasan"), STAFF)
    delay(session("K1"), 120, STAFF)  # 11:30-14:00 in Prambanan, free since K2 left
    before = snapshot()

    with pytest.raises(ScheduleError) as refused:
        restore(session("K2"), STAFF)

    assert str(refused.value) == "Ruang Prambanan is taken then by K1 (Literasi Digital untuk Pelaku UMKM)."
    assert snapshot() == before


# --- another process ---------------------------------------------------------------------------

DELAY_FROM_ANOTHER_PROCESS = (
    "import sys\n"
    "from kiosk.store import open_store, close_store\n"
    "from kiosk.schedule import delay\n"
    "from models import Session\n"
    "open_store(sys.argv[1])\n"
    "delay(Session.get(Session.code == 'K1'), 15, 'other-process')\n"
    "close_store()\n"
)


def test_a_change_made_in_another_process_is_seen_by_the_watcher(event, store):
    watcher = ChangeWatcher()
    try:
        assert watcher.changed() is True
        assert watcher.changed() is False

        result = subprocess.run([sys.executable, "-c", DELAY_FROM_ANOTHER_PROCESS, store.url],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr

        assert watcher.changed() is True
        assert watcher.changed() is False
        assert slot("K1").starts == at(5, 9, 45)
        assert schedule_audit() == [("other-process", "session.delay", "K1", "+15 min")]
    finally:
        watcher.close()


# --- re-import ---------------------------------------------------------------------------------


def test_reimport_keeps_a_live_change_and_updates_the_title(event, tmp_path):
    move(session("K2"), room("sheraton-kalasan"), STAFF)
    delay(session("K1"), 15, STAFF)
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    sessions = folder / "sessions.csv"
    text = sessions.read_text(encoding="utf-8")
    text = text.replace("Literasi Digital untuk Pelaku UMKM", "Literasi Digital bagi UMKM")
    text = text.replace("Perpustakaan sebagai Pusat", "Perpustakaan Desa sebagai Pusat")
    text = text.replace("Mengukur Dampak Program", "Mengukur Dampak")
    sessions.write_text(text, encoding="utf-8")

    _, tally = import_event(folder)

    assert tally == Counter({"sessions updated (live changes kept)": 2, "sessions updated": 1})
    k1, k2, k3 = session("K1"), session("K2"), session("K3")
    assert k1.title == "Literasi Digital bagi UMKM"
    assert (k1.starts_at, k1.planned_starts_at) == (utc(5, 9, 45), utc(5, 9, 30))  # still delayed
    assert k2.title == "Perpustakaan Desa sebagai Pusat Kegiatan Masyarakat"
    assert (k2.room_id, k2.planned_room_id) == (room("sheraton-kalasan").id, room("eastparc-prambanan").id)
    assert k3.title == "Mengukur Dampak" and not k3.changed
    assert "bagi" in k1.search_key  # search finds the new title
    assert slot("K1").delayed and slot("K2").moved


def test_reimport_updates_the_plan_of_a_changed_session_but_not_its_live_times(event, tmp_path):
    delay(session("K1"), 15, STAFF)
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    sessions = folder / "sessions.csv"
    sessions.write_text(sessions.read_text(encoding="utf-8").replace(
        "2018-07-05 09:30,2018-07-05 12:00", "2018-07-05 10:00,2018-07-05 12:00"), encoding="utf-8")

    _, tally = import_event(folder)

    assert tally == Counter({"sessions updated (live changes kept)": 1})
    k1 = session("K1")
    assert (k1.starts_at, k1.ends_at) == (utc(5, 9, 45), utc(5, 12, 15))
    assert (k1.planned_starts_at, k1.planned_ends_at) == (utc(5, 10), utc(5, 12))


def test_reimport_after_restore_changes_nothing(event):
    delay(session("K1"), 15, STAFF)
    restore(session("K1"), STAFF)

    _, tally = import_event(SMALL_EVENT)

    assert tally == Counter()
    assert not session("K1").changed
