"""Changing the programme during the event: move a session, delay it, cancel it, or put it back as
planned. Each change is one audited write; every directory shows it on its next change poll."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.audit import record
from kiosk.clock import in_zone
from kiosk.errors import Refused
from kiosk.search import search_words
from kiosk.store import write
from kiosk.i18n import N_
from models import CANCELLED, SCHEDULED, Event, Room, Session, Venue

MAX_DELAY_MINUTES = 24 * 60


class ScheduleError(Refused):
    """A change that cannot be made, in one sentence."""


def sessions_matching(event: Event, text: str, limit: int = 100) -> list[Session]:
    """Sessions whose title, speakers, room or venue contain every word of TEXT (the first few
    words only: kiosk.search.search_words), soonest first."""
    query = Session.select().where(Session.event == event)
    for word in search_words(text):
        query = query.where(Session.search_key.contains(word))
    return list(query.order_by(Session.starts_at, Session.code).limit(limit))


# ---- what the schedule screen shows, as plain values ---------------------------------------------

@dataclass(frozen=True)
class RoomChoice:
    id: int
    name: str
    venue: str


@dataclass(frozen=True)
class SessionRow:
    id: int
    code: str
    title: str
    title_en: str
    starts_at: datetime  # in the event's zone
    ends_at: datetime
    room: str
    planned_room: str
    moved: bool
    delayed: bool  # starts at another time than planned
    cancelled: bool


@dataclass(frozen=True)
class ScheduleView:
    rows: tuple[SessionRow, ...]
    rooms: tuple[RoomChoice, ...]  # every room of the event, venue by venue: where a session may move


def schedule_view(event: Event, text: str, zone: ZoneInfo, limit: int = 100) -> ScheduleView:
    """The sessions matching TEXT and the rooms of the event, read once, with no row left behind."""
    rooms = rooms_of_event(event)
    names = {room.id: room.name for room in rooms}
    rows = tuple(
        SessionRow(session.id, session.code, session.title, session.title_en,
                   in_zone(session.starts_at, zone), in_zone(session.ends_at, zone),
                   names.get(session.room_id, ""), names.get(session.planned_room_id, ""),
                   session.moved, session.starts_at != session.planned_starts_at, session.cancelled)
        for session in sessions_matching(event, text, limit))
    return ScheduleView(rows, tuple(RoomChoice(room.id, room.name, room.venue.name) for room in rooms))


# ---- the changes, by id, as the staff screen's writer records them -------------------------------
# Each one reads the session afresh; REPLAYED (the same request tried again after the store failed)
# makes a change already made by the earlier try count as done, not made twice.

def _session(session_id: int) -> Session:
    session = Session.get_or_none(Session.id == session_id)
    if session is None:
        raise ScheduleError(N_("error.session_gone"))
    return session


def move_session(session_id: int, room_id: int, staff: str, replayed: bool = False) -> Session:
    session = _session(session_id)
    if replayed and session.room_id == room_id:
        return session
    room = Room.get_or_none(Room.id == room_id)
    if room is None:
        raise ScheduleError(N_("error.session_gone"))
    return move(session, room, staff)


def delay_session(session_id: int, minutes: int, staff: str, seen_starts_at: datetime | None = None,
                  replayed: bool = False) -> Session:
    """Delay by MINUTES the session the person saw starting at SEEN_STARTS_AT."""
    session = _session(session_id)
    if replayed and seen_starts_at is not None and 0 < minutes \
            and session.starts_at == seen_starts_at + timedelta(minutes=minutes):
        return session
    return delay(session, minutes, staff)


def cancel_session(session_id: int, staff: str, reason: str, replayed: bool = False) -> Session:
    session = _session(session_id)
    if replayed and session.cancelled:
        return session
    return cancel(session, staff, reason)


def restore_session(session_id: int, staff: str, replayed: bool = False) -> Session:
    session = _session(session_id)
    if replayed and not session.changed:
        return session
    return restore(session, staff)


def rooms_of_event(event: Event) -> list[Room]:
    return list(Room.select(Room, Venue).join(Venue).where(Venue.event == event)
                .order_by(Venue.position, Room.position))


def move(session: Session, room: Room, staff: str) -> Session:
    _refuse_clash(session, room, session.starts_at, session.ends_at)
    with write():
        old = Room.get_by_id(session.room_id).name
        session.room = room
        session.save(only=[Session.room])
        record(staff, "session.move", session.code, f"{old} -> {room.name}")
    return session


def delay(session: Session, minutes: int, staff: str) -> Session:
    if not 0 < minutes <= MAX_DELAY_MINUTES:
        raise ScheduleError(N_("error.delay_range"), most=MAX_DELAY_MINUTES)
    shift = timedelta(minutes=minutes)
    _refuse_clash(session, session.room, session.starts_at + shift, session.ends_at + shift)
    with write():
        session.starts_at += shift
        session.ends_at += shift
        session.save(only=[Session.starts_at, Session.ends_at])
        record(staff, "session.delay", session.code, f"+{minutes} min")
    return session


def cancel(session: Session, staff: str, reason: str) -> Session:
    if not reason.strip():
        raise ScheduleError(N_("error.reason"))
    with write():
        session.status = CANCELLED
        session.save(only=[Session.status])
        record(staff, "session.cancel", session.code, reason.strip())
    return session


def restore(session: Session, staff: str) -> Session:
    """Back to the plan: its planned room and times, not cancelled."""
    room = Room.get_by_id(session.planned_room_id)
    _refuse_clash(session, room, session.planned_starts_at, session.planned_ends_at)
    with write():
        session.room, session.status = room, SCHEDULED
        session.starts_at, session.ends_at = session.planned_starts_at, session.planned_ends_at
        session.save(only=[Session.room, Session.status, Session.starts_at, Session.ends_at])
        record(staff, "session.restore", session.code, "as planned")
    return session


def _refuse_clash(session: Session, room: Room, starts_at, ends_at) -> None:
    clash = (Session.select().where(
        (Session.room == room) & (Session.id != session.id) & (Session.status != CANCELLED)
        & (Session.starts_at < ends_at) & (Session.ends_at > starts_at)).first())
    if clash is not None:
        raise ScheduleError(N_("error.room_taken"), room=room.name, code=clash.code, title=clash.title)
