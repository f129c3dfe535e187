"""Venues and rooms of the event, for the venue guide."""
from __future__ import annotations

from models import Event, Room, Venue


def venues_of(event: Event, here: Venue | None = None) -> list[Venue]:
    """The event's venues in running order, this venue first."""
    venues = list(Venue.select().where(Venue.event == event).order_by(Venue.position))
    return sorted(venues, key=lambda venue: here is None or venue.id != here.id)


def rooms_of(venue_id: int) -> list[Room]:
    return list(Room.select().where(Room.venue == venue_id).order_by(Room.position))
