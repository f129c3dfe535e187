"""The programme: event.toml [[travel]], sessions.csv and assignments.csv (both optional)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.clock import UTC, ClockError, in_zone, load_zone
from kiosk.importer.fields import INSTITUTION_CODE, choice_problem, code_problem, positive_int_problem
from kiosk.importer.problems import Problems
from kiosk.importer.sources import Row, read_csv
from kiosk.importer.toml_check import TomlChecker
from kiosk.search import lower_code, upper_code
from models import LANGUAGES, SESSION_KINDS

SESSIONS = "sessions.csv"
ASSIGNMENTS = "assignments.csv"
LONGEST_SESSION = timedelta(hours=24)
BARE_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")
TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


@dataclass
class TravelPlan:
    from_venue: str
    to_venue: str
    minutes: int


@dataclass
class SessionPlan:
    code: str
    title: str
    title_en: str
    kind: str
    room: str  # a room code
    starts_at: datetime  # aware, UTC
    ends_at: datetime  # aware, UTC
    speakers: str
    language: str
    capacity: int | None
    description: str
    line: int = 0


@dataclass
class AssignmentPlan:
    attendee: str
    session: str


def read_travel(check: TomlChecker, venue_codes: set[str]) -> list[TravelPlan]:
    tables = check.data.get("travel", [])
    if not isinstance(tables, list):
        check.report(("travel",), "travel notes must be [[travel]] tables")
        return []
    plans, pairs = [], set()
    for index, table in enumerate(tables):
        path = ("travel", index)
        if not isinstance(table, dict):
            check.report(path, "each travel note must be a [[travel]] table")
            continue
        ends = [lower_code(check.text(table, path, key, required=True)) for key in ("from", "to")]
        for key, code in zip(("from", "to"), ends):
            if code and code not in venue_codes:
                check.report(path + (key,), f"unknown venue '{code}'")
        minutes = table.get("minutes")
        check.report(path + ("minutes",), "missing" if minutes is None else positive_int_problem(minutes))
        pair = frozenset(ends)
        if pair in pairs:
            check.report(path, f"travel between {ends[0]} and {ends[1]} is given twice")
        pairs.add(pair)
        plans.append(TravelPlan(ends[0], ends[1], minutes if isinstance(minutes, int) else 0))
    return plans


def read_sessions(folder: Path, room_codes: set[str], zone_name: str,
                  problems: Problems) -> list[SessionPlan] | None:
    """The sessions ([] without a sessions.csv), or None when they cannot be read: the file is
    unusable, or the event's zone is (that problem is reported with the event)."""
    if not (folder / SESSIONS).exists():
        return []
    try:
        zone = load_zone(zone_name)
    except ClockError:
        return None
    rows = read_csv(folder / SESSIONS, ("code", "title", "kind", "room", "start", "end"),
                    ("title_en", "speakers", "language", "capacity", "description"), problems,
                    lines=("description",))
    if rows is None:
        return None
    sessions, codes = [], set()
    for row in rows:
        session = _session(row, room_codes, zone, problems)
        if session.code in codes:
            problems.add(SESSIONS, row.line, "code", f"duplicate code '{session.code}'")
        codes.add(session.code)
        sessions.append(session)
    _report_overlaps(sessions, zone, problems)
    return sessions


def _session(row: Row, room_codes: set[str], zone: ZoneInfo, problems: Problems) -> SessionPlan:
    def report(column: str, reason: str | None) -> None:
        if reason:
            problems.add(SESSIONS, row.line, column, reason)

    code = upper_code(row.get("code"))
    report("code", code_problem(code, INSTITUTION_CODE, 16))
    report("title", "missing title" if not row.get("title") else None)
    kind = row.get("kind").lower()
    report("kind", choice_problem(kind, SESSION_KINDS, "kind of session"))
    room = lower_code(row.get("room"))
    if room not in room_codes:
        report("room", f"unknown room '{room}' (not in event.toml)")
    language = row.get("language").lower() or "id"
    report("language", choice_problem(language, LANGUAGES, "language"))
    starts_at, ends_at = _moment(row, "start", zone, report), _moment(row, "end", zone, report)
    if starts_at and ends_at and ends_at <= starts_at:
        report("end", "the end is not after the start")
    elif starts_at and ends_at and ends_at - starts_at > LONGEST_SESSION:
        report("end", "the session would last more than a day")
    return SessionPlan(code, row.get("title"), row.get("title_en"), kind, room, starts_at, ends_at,
                       row.get("speakers"), language, _capacity(row, report), row.get("description"), row.line)


def _moment(row: Row, column: str, zone: ZoneInfo, report) -> datetime | None:
    text = row.get(column)
    if not text:
        report(column, "missing (a date and time such as 2018-07-05 09:30)")
        return None
    for layout in TIME_FORMATS:
        try:
            local = datetime.strptime(text, layout)
        except ValueError:
            continue
        return in_zone(local.replace(tzinfo=zone), UTC)
    if BARE_TIME.fullmatch(text):
        report(column, f"'{text}' has no date: write it as 2018-07-05 {text}")
    else:
        report(column, f"'{text}' is not a date and time such as 2018-07-05 09:30")
    return None


def _capacity(row: Row, report) -> int | None:
    text = row.get("capacity")
    if not text:
        return None
    if not text.isdigit() or int(text) <= 0:
        report("capacity", f"'{text}' must be a whole number above zero")
        return None
    return int(text)


def _report_overlaps(sessions: list[SessionPlan], zone: ZoneInfo, problems: Problems) -> None:
    by_room: dict[str, list[SessionPlan]] = defaultdict(list)
    for session in sessions:
        if session.starts_at and session.ends_at and session.ends_at > session.starts_at:
            by_room[session.room].append(session)
    for room, booked in by_room.items():
        booked.sort(key=lambda s: s.starts_at)
        earlier = booked[0]  # of the sessions so far, the one that ends last
        for later in booked[1:]:
            if later.starts_at < earlier.ends_at:
                span = f"{_local(earlier.starts_at, zone)}–{_local(earlier.ends_at, zone)}"
                problems.add(SESSIONS, later.line, "start",
                             f"overlaps {earlier.code} ({span}) in room {room}")
            if later.ends_at > earlier.ends_at:
                earlier = later


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return f"{in_zone(moment, zone):%H:%M}"


def read_assignments(folder: Path, attendee_codes: set[str] | None, session_codes: set[str] | None,
                     problems: Problems) -> list[AssignmentPlan] | None:
    """The assignments, or None without an assignments.csv (then the store's are left as they are).
    A code set is None when its file is unusable (that problem is reported already)."""
    if not (folder / ASSIGNMENTS).exists():
        return None
    rows = read_csv(folder / ASSIGNMENTS, ("attendee", "session"), (), problems)
    plans, seen = [], set()
    for row in rows or []:
        attendee, session = upper_code(row.get("attendee")), upper_code(row.get("session"))
        if attendee_codes is not None and attendee not in attendee_codes:
            problems.add(ASSIGNMENTS, row.line, "attendee", f"unknown attendee '{attendee}'")
        if session_codes is not None and session not in session_codes:
            problems.add(ASSIGNMENTS, row.line, "session", f"unknown session '{session}'")
        if (attendee, session) in seen:
            problems.add(ASSIGNMENTS, row.line, "", f"{attendee} is assigned to {session} twice")
        seen.add((attendee, session))
        plans.append(AssignmentPlan(attendee, session))
    return plans
