"""Attendees as the desk and the badges see them: lookup, search, badge payloads, walk-ins, reissue."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, IntegrityError

from kiosk import tokens
from kiosk.audit import record
from kiosk.errors import Refused
from kiosk.search import attendee_key, search_words, upper_code
from kiosk.store import write
from kiosk.text import REFUSED, control_problem
from kiosk.i18n import N_
from models import AuditEntry, Attendee, Event, Institution

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
    """The attendee CODE names, in any case (codes are stored in upper case)."""
    return (Attendee.select(Attendee, Institution).join(Institution, JOIN.LEFT_OUTER)
            .where((Attendee.event == event) & (Attendee.code == upper_code(code))).first())


def search(event: Event, text: str, limit: int = SEARCH_LIMIT) -> list[Attendee]:
    """Attendees whose name, institution or code contains every word of TEXT (any case or accent);
    only the first few words count (kiosk.search.search_words), however much was pasted."""
    query = (Attendee.select(Attendee, Institution).join(Institution, JOIN.LEFT_OUTER)
             .where(Attendee.event == event))
    for word in search_words(text):
        query = query.where(Attendee.search_key.contains(word))
    return list(query.order_by(Attendee.name, Attendee.code).limit(limit))


class AttendeeError(Refused):
    """A desk action on attendees that cannot be done, in one sentence."""


WALK_IN_PREFIX = "W"
WALK_IN_ATTEMPTS = 5


def control_character(text: str) -> str | None:
    """The first character of TEXT that kiosk.text.control_problem refuses, as "U+001B"; None if none."""
    for character in text:
        if ord(character) in REFUSED:
            return f"U+{ord(character):04X}"
    return None


def register_walk_in(event: Event, name: str, institution: Institution | int | None, category: str,
                     language: str, staff: str, since: datetime | None = None) -> Attendee:
    """Someone who is not on the list: a new attendee with the next free walk-in code (W0001…).

    A name with a control character is refused (brackets and emoji are kept as typed). SINCE, given
    when this very request is tried again after the store failed (the moment before its first try, on
    the event's clock, which stamps the audit log): a walk-in of the same name recorded by STAFF since
    then is this one, returned, not made twice.
    """
    if control_problem(name) is not None:  # before blanks are joined: a tab or a newline is refused too
        raise AttendeeError("error.walk_in_control", character=control_character(name))
    name = " ".join(name.split())
    if not name:
        raise AttendeeError(N_("error.walk_in_name"))
    if isinstance(institution, int):
        institution = Institution.get_or_none((Institution.id == institution) & (Institution.event == event))
    if since is not None:
        earlier = _walk_in_since(event, name, staff, since)
        if earlier is not None:
            return earlier
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
    raise AttendeeError(N_("error.walk_in_code"))


def _walk_in_since(event: Event, name: str, staff: str, since: datetime) -> Attendee | None:
    entry = (AuditEntry.select().where((AuditEntry.action == "attendee.walk_in") & (AuditEntry.actor == staff)
                                       & (AuditEntry.detail == name) & (AuditEntry.at >= since))
             .order_by(AuditEntry.id.desc()).first())
    return find_by_code(event, entry.subject) if entry is not None else None


def _next_walk_in_code(event: Event) -> str:
    codes = (Attendee.select(Attendee.code)
             .where((Attendee.event == event) & Attendee.code.startswith(WALK_IN_PREFIX)).tuples())
    numbers = [int(code[1:]) for (code,) in codes if code[1:].isdigit()]
    return f"{WALK_IN_PREFIX}{max(numbers, default=0) + 1:04d}"


def reissue_badge(attendee: Attendee, staff: str, reason: str, from_version: int | None = None) -> Attendee:
    """A new badge version: the old printout stops working at every kiosk.

    FROM_VERSION is the version the desk saw: the badge is reissued once from it, so a request tried
    again (or two desks at once) makes one new version, not two."""
    if not reason.strip():
        raise AttendeeError(N_("error.reason"))
    with write():
        bump = Attendee.update(badge_version=Attendee.badge_version + 1).where(Attendee.id == attendee.id)
        if from_version is not None:
            bump = bump.where(Attendee.badge_version == from_version)
        changed = bump.execute()
        attendee.badge_version = Attendee.get_by_id(attendee.id).badge_version
        if changed:
            record(staff, "badge.reissue", attendee.code, f"version {attendee.badge_version}: {reason.strip()}")
    return attendee


@dataclass(frozen=True)
class InstitutionChoice:
    """An institution a walk-in may belong to, as the desk lists it."""

    id: int
    code: str
    name: str


def institutions_matching(event: Event, text: str, limit: int = 20) -> list[InstitutionChoice]:
    """Institutions whose name or code contains every word of TEXT (the first few words only)."""
    query = Institution.select(Institution.id, Institution.code, Institution.name).where(Institution.event == event)
    for word in search_words(text):
        query = query.where(Institution.name.contains(word) | Institution.code.contains(word))
    return [InstitutionChoice(*row) for row in query.order_by(Institution.name).limit(limit).tuples()]
