"""What the lobby check-in kiosk shows, as plain values read on a store thread: the open list and its
arrivals, and the greeting for a scan (who, where they go next, or why they should see the desk).

Where they go next is their next real session (a cancelled one is nobody's next step), with its day
when it is not today and its title in their language (kiosk.program.next_step), then their hotel."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.checkin import CLOSED, REJECTED, ScanResult, arrivals, list_by_code, open_list, scan
from kiosk.clock import in_zone, load_zone
from kiosk.program import next_sessions, next_step
from kiosk.tokens import MAX_SCAN
from models import Attendee, CheckinList, Event


@dataclass(frozen=True)
class ListCount:
    name: str
    name_en: str
    arrivals: int


@dataclass(frozen=True)
class Greeting:
    outcome: str  # WELCOME, ALREADY or REJECTED (kiosk.checkin)
    reason: str = ""  # why, when REJECTED
    name: str = ""
    language: str = "id"
    institution: str = ""
    next_steps: tuple[tuple[str, dict], ...] = ()  # (catalogue key under "checkin.next.", values)
    earlier_at: datetime | None = None  # ALREADY: when, in the event's zone
    earlier_where: str = ""  # ALREADY: at which kiosk or desk


def kiosk_list(event: Event, list_code: str | None, now: datetime) -> CheckinList | None:
    """The kiosk's own list (--list), else the one open at NOW."""
    return list_by_code(event, list_code) if list_code else open_list(event, now)


def list_count(event: Event, list_code: str | None, now: datetime) -> ListCount | None:
    """The list the kiosk checks people into and how many arrived; None when none is open."""
    checkin_list = kiosk_list(event, list_code, now)
    if checkin_list is None:
        return None
    return ListCount(checkin_list.name, checkin_list.name_en, arrivals(checkin_list))


def scan_badge(event: Event, list_code: str | None, text: str, terminal: str, at: datetime,
               request_id: str) -> Greeting:
    """Record the scan made at AT (the moment it was scanned, whenever the store answers)."""
    checkin_list = kiosk_list(event, list_code, at)
    if checkin_list is None:
        return Greeting(REJECTED, CLOSED)
    if len(text) > MAX_SCAN:
        text = ""  # never looked at, never shown
    at = at.astimezone(load_zone(event.time_zone))  # "today" is the event's day
    return greeting(scan(event, checkin_list, text, terminal, at, request_id), at)


def greeting(result: ScanResult, now: datetime) -> Greeting:
    """What the kiosk says for RESULT at NOW (in the event's zone)."""
    attendee, earlier = result.attendee, result.checkin
    if attendee is None:
        return Greeting(result.outcome, result.reason)
    institution = attendee.institution.name if attendee.institution_id else ""
    steps = next_steps(attendee, now) if result.outcome != REJECTED else ()
    return Greeting(result.outcome, result.reason, attendee.name, attendee.language, institution, steps,
                    in_zone(earlier.at, now.tzinfo) if earlier is not None else None,
                    earlier.terminal if earlier is not None else "")


def next_steps(attendee: Attendee, now: datetime) -> tuple[tuple[str, dict], ...]:
    """Where the person goes next, as (catalogue key under "checkin.next.", values) in their
    language: their next session that is not cancelled (with its day when it is not NOW's), and
    their hotel room."""
    lang = attendee.language
    steps = [next_step(session, now, lang) for session in next_sessions(attendee, now, limit=1)]
    if attendee.hotel:
        key = "hotel_room" if attendee.hotel_room else "hotel"
        steps.append((key, {"hotel": attendee.hotel, "room": attendee.hotel_room}))
    return tuple(steps)
