"""What is in the store: counts for `kiosk info` (`event_totals`, everything the event holds) and
the overview screen (`event_counts`: institutions, attendees, venues and rooms)."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, fn

from kiosk.arrivals import by_list
from models import (
    ATTENDEE_CATEGORIES, CANCELLED, INSTITUTION_KINDS, Assignment, Attendee, AwardCategory, Checkin, CheckinList,
    Event, Institution, Product, Room, Sale, Session, Stall, StaffUser, Venue,
)


@dataclass(frozen=True)
class VenueRooms:
    code: str
    name: str
    rooms: int
    capacity: int


@dataclass(frozen=True)
class EventCounts:
    institutions_by_kind: dict[str, int]
    attendees_by_category: dict[str, int]
    venues: list[VenueRooms]

    @property
    def institutions(self) -> int:
        return sum(self.institutions_by_kind.values())

    @property
    def attendees(self) -> int:
        return sum(self.attendees_by_category.values())

    @property
    def rooms(self) -> int:
        return sum(venue.rooms for venue in self.venues)

    @property
    def capacity(self) -> int:
        return sum(venue.capacity for venue in self.venues)


def _grouped(model, column, event: Event, keys: tuple[str, ...]) -> dict[str, int]:
    query = model.select(column, fn.COUNT(model.id)).where(model.event == event).group_by(column)
    counted = dict(query.tuples())
    return {key: counted.get(key, 0) for key in keys} | {k: v for k, v in counted.items() if k not in keys}


def event_counts(event: Event) -> EventCounts:
    rooms = (
        Venue.select(Venue.code, Venue.name, fn.COUNT(Room.id), fn.COALESCE(fn.SUM(Room.capacity), 0))
        .join(Room, JOIN.LEFT_OUTER)
        .where(Venue.event == event)
        .group_by(Venue.id, Venue.code, Venue.name, Venue.position)
        .order_by(Venue.position)
    )
    return EventCounts(
        institutions_by_kind=_grouped(Institution, Institution.kind, event, INSTITUTION_KINDS),
        attendees_by_category=_grouped(Attendee, Attendee.category, event, ATTENDEE_CATEGORIES),
        venues=[VenueRooms(*row) for row in rooms.tuples()],
    )


@dataclass(frozen=True)
class ListArrivals:
    code: str
    name: str
    arrivals: int  # live check-ins (undone ones left out)


@dataclass(frozen=True)
class EventTotals:
    """Everything an event holds, counted, for `kiosk info`."""

    counts: EventCounts  # institutions, attendees, venues and rooms
    public_rooms: int | None  # rooms the public lists show; None while rooms cannot be marked not public
    checkin_lists: tuple[ListArrivals, ...]
    undone_checkins: int
    sessions: int
    cancelled_sessions: int
    assignments: int
    stalls: int
    products: int
    sales: int  # voided ones included
    voided_sales: int
    award_categories: int
    revealed_categories: int

    @property
    def arrivals(self) -> int:
        return sum(checkin_list.arrivals for checkin_list in self.checkin_lists)


def _public_rooms(event: Event) -> int | None:
    """Rooms marked public (event.toml `public = false` marks a back-office room), when rooms have the mark."""
    public = Room._meta.fields.get("public")
    if public is None:
        return None
    return Room.select().join(Venue).where((Venue.event == event) & (public == True)).count()  # noqa: E712


def event_totals(event: Event) -> EventTotals:
    sessions = Session.select().where(Session.event == event)
    sales = Sale.select().join(Stall).where(Stall.event == event)
    categories = AwardCategory.select().where(AwardCategory.event == event)
    return EventTotals(
        counts=event_counts(event),
        public_rooms=_public_rooms(event),
        checkin_lists=tuple(ListArrivals(*row) for row in by_list(event)),
        undone_checkins=(Checkin.select().join(CheckinList)
                         .where((CheckinList.event == event) & Checkin.undone_at.is_null(False)).count()),
        sessions=sessions.count(),
        cancelled_sessions=sessions.where(Session.status == CANCELLED).count(),
        assignments=Assignment.select().join(Session).where(Session.event == event).count(),
        stalls=Stall.select().where(Stall.event == event).count(),
        products=Product.select().where(Product.event == event).count(),
        sales=sales.count(),
        voided_sales=sales.where(Sale.voided_at.is_null(False)).count(),
        award_categories=categories.count(),
        revealed_categories=categories.where(AwardCategory.revealed_at.is_null(False)).count(),
    )


def staff_count() -> int:
    return StaffUser.select().count()


@dataclass(frozen=True)
class Overview:
    """The overview screen's view: the event's name and its counts."""

    name: str
    counts: EventCounts


def overview_of(event: Event) -> Overview:
    """EVENT's name as the store has it now, and its counts."""
    name = Event.select(Event.name).where(Event.id == event.id).scalar()
    return Overview(name or "", event_counts(event))
