"""What the registration desk shows and records, as plain values.

The desk's screen reads with `desk_view` (the list, its arrivals, the people found and the detail of
the one highlighted) and `person_detail`, on a store thread; it records a check-in by hand, an undo,
a walk-in and a reissue through the app's writer with the functions below, which take ids (never a
row read on the event loop) and return frozen values. A badge is printed and shown with `print_badge`
and `badge_card`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import JOIN

from kiosk.arrivals import desk_list
from kiosk.attendees import (
    AttendeeError, find_by_code, payload_for, register_walk_in, reissue_badge, search,
)
from kiosk.badges import write_badges
from kiosk.checkin import (
    CLOSED, NOT_ADMITTED, REJECTED, CheckinError, check_in_by_hand, checkins_of, lists_of, undo,
)
from kiosk.clock import in_zone
from kiosk.program import change_marks, next_sessions
from kiosk.i18n import N_
from models import Attendee, Checkin, CheckinList, Event, Institution

DETAIL_SESSIONS = 2  # next sessions shown in a person's detail
DETAIL_CHECKINS = 3  # latest check-ins shown


@dataclass(frozen=True)
class ListChoice:
    id: int
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class PersonRow:
    id: int
    code: str
    name: str
    institution: str
    badge_version: int
    checked_in_at: datetime | None = None  # the live check-in on the desk's list, in the event's zone
    checkin_id: int | None = None


@dataclass(frozen=True)
class SessionLine:
    starts_at: datetime  # in the event's zone
    title: str
    title_en: str
    room: str
    marks: tuple[str, ...] = ()  # catalogue keys of what changed: BATAL first, PINDAH, DITUNDA


@dataclass(frozen=True)
class CheckinLine:
    list_code: str
    at: datetime  # in the event's zone
    terminal: str
    method: str  # scan or manual
    undone: bool = False
    undone_by: str = ""
    undo_reason: str = ""


@dataclass(frozen=True)
class PersonDetail:
    id: int
    code: str
    name: str
    institution: str
    category: str
    badge_version: int
    hotel: str
    hotel_room: str
    sessions: tuple[SessionLine, ...]
    checkins: tuple[CheckinLine, ...]  # newest first, undone ones included


@dataclass(frozen=True)
class DeskView:
    lists: tuple[ListChoice, ...]
    checkin_list: ListChoice | None  # the list the desk checks people into
    arrivals: int  # live check-ins of that list
    searched: bool  # the search had something to look for
    rows: tuple[PersonRow, ...]
    detail: PersonDetail | None  # of the row to highlight


@dataclass(frozen=True)
class BadgeCard:
    """A badge as the QR dialog shows it."""

    code: str
    name: str
    badge_version: int
    payload: str


@dataclass(frozen=True)
class PrintedBadge:
    card: BadgeCard
    sheet: Path | None  # the sheet to print, None when the files could not be written
    problem: str = ""  # why not (the operating system's sentence)


@dataclass(frozen=True)
class DeskCheckin:
    outcome: str  # kiosk.checkin WELCOME, ALREADY or REJECTED
    reason: str  # why, when REJECTED
    name: str


NO_LIST = "no_list"  # a walk-in is not checked in: the desk has no check-in list
WALK_IN_REASON = "walk-in"  # the reason recorded with a walk-in's check-in by hand


@dataclass(frozen=True)
class DeskWalkIn:
    """A walk-in registered at the desk, and whether they were checked in on the desk's list."""

    person: PersonRow  # checked_in_at and checkin_id set when checked in
    list_name: str = ""
    list_name_en: str = ""
    not_checked_in: str = ""  # why not: kiosk.checkin CLOSED or NOT_ADMITTED, or NO_LIST; "" when checked in
    admitted: tuple[str, ...] = ()  # the categories the list admits, when NOT_ADMITTED

    @property
    def checked_in(self) -> bool:
        return not self.not_checked_in


class DeskError(AttendeeError):
    """A desk action on something that is no longer there."""


def _list_choice(checkin_list: CheckinList) -> ListChoice:
    return ListChoice(checkin_list.id, checkin_list.code, checkin_list.name, checkin_list.name_en)


def desk_view(event: Event, list_id: int | None, text: str, selected: str | None, index: int,
              now: datetime) -> DeskView:
    """The desk as of NOW: list LIST_ID (the one open now when None), the people TEXT finds, and the
    detail of SELECTED (a code) if it is still found, else of the row at INDEX."""
    lists = tuple(_list_choice(checkin_list) for checkin_list in lists_of(event))
    current = next((choice for choice in lists if choice.id == list_id), None)
    if current is None:
        start = desk_list(event, now)
        current = _list_choice(start) if start is not None else None
    attendees = search(event, text) if text.strip() else []
    live = _live_checkins(current, [attendee.id for attendee in attendees], now)
    rows = tuple(
        PersonRow(attendee.id, attendee.code, attendee.name,
                  attendee.institution.name if attendee.institution_id else "", attendee.badge_version,
                  *live.get(attendee.id, (None, None)))
        for attendee in attendees)
    arrivals = 0
    if current is not None:
        arrivals = (Checkin.select().where((Checkin.checkin_list == current.id) & Checkin.undone_at.is_null())
                    .count())
    chosen = next((attendee for attendee in attendees if attendee.code == selected), None)
    if chosen is None and attendees:
        chosen = attendees[max(0, min(index, len(attendees) - 1))]
    detail = _detail(chosen, now) if chosen is not None else None
    return DeskView(lists, current, arrivals, bool(text.strip()), rows, detail)


def _live_checkins(checkin_list: ListChoice | None, attendee_ids: list[int],
                   now: datetime) -> dict[int, tuple[datetime, int]]:
    if checkin_list is None or not attendee_ids:
        return {}
    query = (Checkin.select(Checkin.attendee, Checkin.at, Checkin.id)
             .where((Checkin.checkin_list == checkin_list.id) & Checkin.undone_at.is_null()
                    & Checkin.attendee.in_(attendee_ids)))
    return {attendee_id: (in_zone(at, now.tzinfo), checkin_id) for attendee_id, at, checkin_id in query.tuples()}


def person_detail(event: Event, attendee_id: int, now: datetime) -> PersonDetail | None:
    """One person's detail at the desk; None when they are gone."""
    attendee = _attendee(event, attendee_id, refuse=False)
    return _detail(attendee, now) if attendee is not None else None


def _detail(attendee: Attendee, now: datetime) -> PersonDetail:
    zone = now.tzinfo
    sessions = tuple(
        SessionLine(session.starts, session.title, session.title_en, session.room, change_marks(session))
        for session in next_sessions(attendee, now, limit=DETAIL_SESSIONS, cancelled=True, zone=zone))
    checkins = tuple(
        CheckinLine(checkin.checkin_list.code, in_zone(checkin.at, zone), checkin.terminal, checkin.method,
                    checkin.undone_at is not None, checkin.undone_by, checkin.undo_reason)
        for checkin in checkins_of(attendee)[:DETAIL_CHECKINS])
    institution = attendee.institution.name if attendee.institution_id else ""
    return PersonDetail(attendee.id, attendee.code, attendee.name, institution, attendee.category,
                        attendee.badge_version, attendee.hotel, attendee.hotel_room, sessions, checkins)


def _attendee(event: Event, attendee_id: int, refuse: bool = True) -> Attendee | None:
    attendee = (Attendee.select(Attendee, Institution).join(Institution, JOIN.LEFT_OUTER)
                .where((Attendee.id == attendee_id) & (Attendee.event == event)).first())
    if attendee is None and refuse:
        raise DeskError(N_("desk.gone"))
    return attendee


def _list(event: Event, list_id: int) -> CheckinList:
    checkin_list = CheckinList.get_or_none((CheckinList.id == list_id) & (CheckinList.event == event))
    if checkin_list is None:
        raise DeskError(N_("desk.gone"))
    return checkin_list


# ---- what the desk records (on the writer's thread) -------------------------------------------------

def check_in_at_desk(event: Event, list_id: int, attendee_id: int, staff: str, reason: str, at: datetime,
                     request_id: str) -> DeskCheckin:
    """Check the person in by hand at AT (when the desk asked), once per REQUEST_ID."""
    result = check_in_by_hand(_list(event, list_id), _attendee(event, attendee_id), staff, reason, at,
                              request_id=request_id)
    name = result.attendee.name if result.attendee is not None else ""
    return DeskCheckin(result.outcome, result.reason, name)


def undo_at_desk(checkin_id: int, staff: str, reason: str, at: datetime, replayed: bool = False) -> str:
    """Undo the check-in CHECKIN_ID; the person's name. REPLAYED: this request tried again after the
    store failed, so an undo it already made (same staff, same reason) counts as done."""
    checkin = (Checkin.select(Checkin, CheckinList, Attendee).join(CheckinList).switch(Checkin).join(Attendee)
               .where(Checkin.id == checkin_id).first())
    if checkin is None:
        raise DeskError(N_("desk.gone"))
    try:
        undo(checkin, staff, reason, at)
    except CheckinError as refused:
        again = Checkin.get_by_id(checkin_id)
        if not (replayed and refused.key == N_("error.already_undone") and again.undone_by == staff
                and again.undo_reason == reason.strip()):
            raise
    return checkin.attendee.name


def walk_in_at_desk(event: Event, name: str, institution_id: int | None, category: str, language: str,
                    staff: str, list_id: int | None, at: datetime, request_id: str,
                    since: datetime | None = None) -> DeskWalkIn:
    """Register a walk-in and, in the same intent, check them in by hand on the desk's list LIST_ID
    at AT, when that list is open then and admits their category; otherwise say why not (they stay
    registered). REQUEST_ID is the intent's, so a retried request checks in once; SINCE (when this
    request is tried again) finds the walk-in the first try made (see register_walk_in)."""
    attendee = register_walk_in(event, name, institution_id, category, language, staff, since=since)
    institution = attendee.institution.name if attendee.institution_id else ""
    person = PersonRow(attendee.id, attendee.code, attendee.name, institution, attendee.badge_version)
    checkin_list = (CheckinList.get_or_none((CheckinList.id == list_id) & (CheckinList.event == event))
                    if list_id is not None else None)
    if checkin_list is None:
        return DeskWalkIn(person, not_checked_in=NO_LIST)
    names = {"list_name": checkin_list.name, "list_name_en": checkin_list.name_en}
    zone = at.tzinfo
    if not in_zone(checkin_list.opens_at, zone) <= at < in_zone(checkin_list.closes_at, zone):
        return DeskWalkIn(person, **names, not_checked_in=CLOSED)
    admitted = tuple(checkin_list.category_list)
    if admitted and attendee.category not in admitted:
        return DeskWalkIn(person, **names, not_checked_in=NOT_ADMITTED, admitted=admitted)
    result = check_in_by_hand(checkin_list, attendee, staff, WALK_IN_REASON, at, request_id=request_id)
    if result.outcome == REJECTED or result.checkin is None:
        return DeskWalkIn(person, **names, not_checked_in=result.reason or NOT_ADMITTED, admitted=admitted)
    checked_in = PersonRow(person.id, person.code, person.name, person.institution, person.badge_version,
                           in_zone(result.checkin.at, zone), result.checkin.id)
    return DeskWalkIn(checked_in, **names)


def reissue_at_desk(event: Event, attendee_id: int, staff: str, reason: str, from_version: int) -> PersonRow:
    """A new badge for the person whose badge FROM_VERSION was lost (made once, however often tried)."""
    attendee = reissue_badge(_attendee(event, attendee_id), staff, reason, from_version=from_version)
    return PersonRow(attendee.id, attendee.code, attendee.name, "", attendee.badge_version)


# ---- badges -----------------------------------------------------------------------------------------

def badge_card(event: Event, attendee_id: int) -> BadgeCard:
    """What the person's badge QR code says now (reissues included)."""
    attendee = _attendee(event, attendee_id)
    return BadgeCard(attendee.code, attendee.name, attendee.badge_version, payload_for(event, attendee))


def print_badge(event: Event, code: str, badge_dir: Path) -> PrintedBadge:
    """Write the badge files of the person CODE into BADGE_DIR/CODE-vVERSION/ and say where."""
    attendee = find_by_code(event, code)
    if attendee is None:
        raise DeskError(N_("desk.gone"))
    card = BadgeCard(attendee.code, attendee.name, attendee.badge_version, payload_for(event, attendee))
    folder = Path(badge_dir) / f"{attendee.code}-v{attendee.badge_version}"
    try:
        run = write_badges(event, [attendee], folder)
    except OSError as error:
        return PrintedBadge(card, None, error.strerror or str(error))
    return PrintedBadge(card, run.sheet)
