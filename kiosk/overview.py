"""What is in the store: counts for `kiosk info` and the overview screen."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, fn

from models import ATTENDEE_CATEGORIES, INSTITUTION_KINDS, Attendee, Event, Institution, Room, StaffUser, Venue


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
