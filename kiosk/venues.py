"""Venues and rooms of the event, for the venue guide: read in one go on a store thread, as frozen
views the screen shows from memory while the person moves between venues."""
from __future__ import annotations

from dataclasses import dataclass

from models import Event, Room, Venue


@dataclass(frozen=True)
class RoomGuide:
    name: str
    floor: str
    capacity: int | None
    directions: str
    directions_en: str


@dataclass(frozen=True)
class VenueGuide:
    id: int
    name: str
    here: bool
    rooms: tuple[RoomGuide, ...]


def venues_of(event: Event, here: Venue | None = None) -> list[Venue]:
    """The event's venues in running order, this venue first."""
    venues = list(Venue.select().where(Venue.event == event).order_by(Venue.position))
    return sorted(venues, key=lambda venue: here is None or venue.id != here.id)


def rooms_of(venue_id: int) -> list[Room]:
    return list(Room.select().where(Room.venue == venue_id).order_by(Room.position))


def venue_guide(event: Event, here_id: int | None = None) -> tuple[VenueGuide, ...]:
    """Every venue of EVENT with its public rooms (a room with `public = false` is left out), in
    running order, the venue HERE_ID first. Two queries."""
    venues = list(Venue.select(Venue.id, Venue.name).where(Venue.event == event).order_by(Venue.position))
    rooms: dict[int, list[RoomGuide]] = {venue.id: [] for venue in venues}
    query = (Room.select(Room.venue, Room.name, Room.floor, Room.capacity, Room.directions, Room.directions_en)
             .join(Venue).where((Venue.event == event) & (Room.public == True))  # noqa: E712 (SQL)
             .order_by(Room.position, Room.id))
    for venue_id, *facts in query.tuples():
        rooms[venue_id].append(RoomGuide(*facts))
    guide = [VenueGuide(venue.id, venue.name, venue.id == here_id, tuple(rooms[venue.id])) for venue in venues]
    return tuple(sorted(guide, key=lambda venue: not venue.here))
