"""Attendees as the desk and the badges see them: lookup, search, badge payloads, walk-ins, reissue."""
from __future__ import annotations

from peewee import JOIN, IntegrityError

from kiosk import tokens
from kiosk.audit import record
from kiosk.errors import Refused
from kiosk.search import attendee_key, fold
from kiosk.store import write
from models import Attendee, Event, Institution

SEARCH_LIMIT = 50


def event_secret(event: Event) -> str:
    """The event's badge secret, made once (at first import, or here for an older store)."""
    if not event.badge_secret:
        with write():
            Event.update(badge_secret=tokens.new_secret()).where(
                (Event.id == event.id) & (Event.badge_secret == "")).execute()
        event.badge_secret = Event.get_by_id(event.id).badge_secret
    return event.badge_secret


def payload_for(event: Event, attendee: Attendee) -> str:
    """What the attendee's badge QR code says now (a reissue changes it)."""
    return tokens.sign(event_secret(event), event.slug, attendee.code, attendee.badge_version)


def find_by_code(event: Event, code: str) -> Attendee | None:
    return (Attendee.select(Attendee, Institution).join(Institution, JOIN.LEFT_OUTER)
            .where((Attendee.event == event) & (Attendee.code == code.strip().upper())).first())


def search(event: Event, text: str, limit: int = SEARCH_LIMIT) -> list[Attendee]:
    """Attendees whose name, institution or code contains every word of TEXT (any case or accent)."""
    query = (Attendee.select(Attendee, Institution).join(Institution, JOIN.LEFT_OUTER)
             .where(Attendee.event == event))
    for word in fold(text).split():
        query = query.where(Attendee.search_key.contains(word))
    return list(query.order_by(Attendee.name, Attendee.code).limit(limit))


class AttendeeError(Refused):
    """A desk action on attendees that cannot be done, in one sentence."""


WALK_IN_PREFIX = "W"
WALK_IN_ATTEMPTS = 5


def register_walk_in(event: Event, name: str, institution: Institution | None, category: str,
                     language: str, staff: str) -> Attendee:
    """Someone who is not on the list: a new attendee with the next free walk-in code (W0001…)."""
    name = " ".join(name.split())
    if not name:
        raise AttendeeError("error.walk_in_name")
    institution_name = institution.name if institution else ""
    for _ in range(WALK_IN_ATTEMPTS):  # two desks may pick the same next code at once
        try:
            with write():
                code = _next_walk_in_code(event)
                attendee = Attendee.create(
                    event=event, code=code, name=name, institution=institution, category=category,
                    language=language, search_key=attendee_key(name, institution_name, code))
                record(staff, "attendee.walk_in", code, name)
            return attendee
        except IntegrityError:
            continue
    raise AttendeeError("error.walk_in_code")


def _next_walk_in_code(event: Event) -> str:
    codes = (Attendee.select(Attendee.code)
             .where((Attendee.event == event) & Attendee.code.startswith(WALK_IN_PREFIX)).tuples())
    numbers = [int(code[1:]) for (code,) in codes if code[1:].isdigit()]
    return f"{WALK_IN_PREFIX}{max(numbers, default=0) + 1:04d}"


def reissue_badge(attendee: Attendee, staff: str, reason: str) -> Attendee:
    """A new badge version: the old printout stops working at every kiosk."""
    if not reason.strip():
        raise AttendeeError("error.reason")
    with write():
        Attendee.update(badge_version=Attendee.badge_version + 1).where(Attendee.id == attendee.id).execute()
        attendee.badge_version = Attendee.get_by_id(attendee.id).badge_version
        record(staff, "badge.reissue", attendee.code, f"version {attendee.badge_version}: {reason.strip()}")
    return attendee


def institutions_matching(event: Event, text: str, limit: int = 20) -> list[Institution]:
    query = Institution.select().where(Institution.event == event)
    for word in fold(text).split():
        query = query.where(Institution.name.contains(word) | Institution.code.contains(word))
    return list(query.order_by(Institution.name).limit(limit))
