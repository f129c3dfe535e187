"""Changing the programme during the event: move a session, delay it, cancel it, or put it back as
planned. Each change is one audited write; every directory shows it on its next change poll."""
from __future__ import annotations

from datetime import timedelta

from kiosk.audit import record
from kiosk.errors import Refused
from kiosk.search import fold
from kiosk.store import write
from models import CANCELLED, SCHEDULED, Event, Room, Session, Venue

MAX_DELAY_MINUTES = 24 * 60


class ScheduleError(Refused):
    """A change that cannot be made, in one sentence."""


def sessions_matching(event: Event, text: str, limit: int = 100) -> list[Session]:
    query = Session.select().where(Session.event == event)
    for word in fold(text).split():
        query = query.where(Session.search_key.contains(word))
    return list(query.order_by(Session.starts_at, Session.code).limit(limit))


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
        raise ScheduleError("error.delay_range", most=MAX_DELAY_MINUTES)
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
        raise ScheduleError("error.reason")
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
        raise ScheduleError("error.room_taken", room=room.name, code=clash.code, title=clash.title)
