"""Check-in use cases over a real store (SQLite and PostgreSQL), and real processes racing."""
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.attendees import find_by_code, payload_for, reissue_badge
from kiosk.checkin import (
    ALREADY, CLOSED, FORGED, NOT_ADMITTED, REVOKED, UNREADABLE, WELCOME, CheckinError, arrivals,
    check_in_by_hand, checkins_of, list_by_code, open_list, scan, undo,
)
from kiosk.context import find_event
from models import AuditEntry, Checkin
from tests.helpers import load_small_event

JAKARTA = ZoneInfo("Asia/Jakarta")
MORNING = datetime(2018, 7, 5, 8, 15, tzinfo=JAKARTA)
EVENING = datetime(2018, 7, 5, 19, 0, tzinfo=JAKARTA)


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


def badge(event, code):
    return payload_for(event, find_by_code(event, code))


def test_open_list_follows_the_clock(event):
    assert open_list(event, MORNING).code == "HARI1"
    assert open_list(event, EVENING).code == "GALA"
    assert open_list(event, datetime(2018, 7, 4, 12, 0, tzinfo=JAKARTA)) is None


def test_scan_welcomes_once_then_says_already(event):
    day1 = list_by_code(event, "HARI1")
    first = scan(event, day1, badge(event, "P0001"), "lobby-1", MORNING)
    assert (first.outcome, first.attendee.name) == (WELCOME, "Sri Wahyuni")
    again = scan(event, day1, badge(event, "P0001"), "lobby-2", MORNING)
    assert again.outcome == ALREADY and again.checkin.terminal == "lobby-1"
    assert arrivals(day1) == 1


def test_a_retried_request_is_recorded_once(event):
    day1 = list_by_code(event, "HARI1")
    first = scan(event, day1, badge(event, "P0001"), "lobby-1", MORNING, request_id="r-1")
    retry = scan(event, day1, badge(event, "P0001"), "lobby-1", MORNING, request_id="r-1")
    assert first.outcome == retry.outcome == WELCOME and first.checkin.id == retry.checkin.id
    assert Checkin.select().count() == 1


def test_refusals(event):
    day1, gala = list_by_code(event, "HARI1"), list_by_code(event, "GALA")
    genuine = badge(event, "P0001")
    assert scan(event, day1, "hello", "k", MORNING).reason == UNREADABLE
    assert scan(event, day1, genuine[:-1] + ("A" if genuine[-1] != "A" else "B"), "k", MORNING).reason == FORGED
    assert scan(event, gala, genuine, "k", EVENING).reason == NOT_ADMITTED  # the gala is for invited guests
    assert scan(event, gala, badge(event, "V0001"), "k", EVENING).outcome == WELCOME
    assert scan(event, day1, genuine, "k", EVENING).reason == CLOSED
    assert Checkin.select().count() == 1


def test_a_reissued_badge_revokes_the_old_printout(event):
    day1 = list_by_code(event, "HARI1")
    old = badge(event, "P0002")
    reissue_badge(find_by_code(event, "P0002"), "meja", "lost badge")
    assert scan(event, day1, old, "k", MORNING).reason == REVOKED
    assert scan(event, day1, badge(event, "P0002"), "k", MORNING).outcome == WELCOME


def test_by_hand_and_undo_keep_the_record_and_the_audit(event):
    day1 = list_by_code(event, "HARI1")
    person = find_by_code(event, "P0003")
    with pytest.raises(CheckinError):
        check_in_by_hand(day1, person, "meja", " ", MORNING)
    result = check_in_by_hand(day1, person, "meja", "badge left at hotel", MORNING)
    assert result.outcome == WELCOME and result.checkin.method == "manual"
    undo(result.checkin, "meja", "wrong person", MORNING)
    with pytest.raises(CheckinError):
        undo(result.checkin, "meja", "again", MORNING)
    assert arrivals(day1) == 0
    again = scan(event, day1, badge(event, "P0003"), "lobby-1", MORNING)
    assert again.outcome == WELCOME  # undone, so they may check in again
    history = checkins_of(person)
    assert [c.undone_by for c in history] == ["", "meja"]
    actions = {entry.action for entry in AuditEntry.select()}
    assert {"checkin.manual", "checkin.undo"} <= actions


RACER = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from kiosk.store import open_store
from kiosk.context import find_event
from kiosk.checkin import list_by_code, scan
open_store(sys.argv[1])
event = find_event()
day1 = list_by_code(event, "HARI1")
now = datetime(2018, 7, 5, 8, 15, tzinfo=ZoneInfo("Asia/Jakarta"))
outcomes = {}
for line in open(sys.argv[2]):
    result = scan(event, day1, line.strip(), sys.argv[3], now)
    outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
print(outcomes.get("welcome", 0), outcomes.get("already", 0))
"""


def test_eight_processes_scanning_the_same_500_badges_record_500(event, store, tmp_path):
    from models import Attendee

    Attendee.insert_many([
        {"event": event.id, "code": f"R{n:04d}", "name": f"Peserta {n}", "category": "participant"}
        for n in range(500)
    ]).execute()
    payloads = tmp_path / "payloads.txt"
    payloads.write_text("\n".join(badge(event, f"R{n:04d}") for n in range(500)))
    racers = [subprocess.Popen([sys.executable, "-c", RACER, store.url, str(payloads), f"kiosk-{k}"],
                               stdout=subprocess.PIPE, text=True) for k in range(8)]
    totals = [tuple(map(int, racer.communicate(timeout=180)[0].split())) for racer in racers]
    assert all(racer.returncode == 0 for racer in racers)
    assert sum(welcome for welcome, _ in totals) == 500
    assert sum(already for _, already in totals) == 7 * 500
    assert arrivals(list_by_code(event, "HARI1")) == 500

