"""The programme as the directory sees it: loaded once per change, then asked in memory as the clock
moves (now and next per room, the day, search), so an idle directory makes no queries.

Everything here that reads the store runs on a store thread and hands the screens frozen views
(Programme, Slot, DirectoryView, PersonDay) or plain tuples, never a Peewee row. A search is
bounded by kiosk.search.search_words, so a pasted page of text stays a small query."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from peewee import JOIN

from kiosk.checkin import attendee_for_scan
from kiosk.search import search_words
from models import Assignment, Attendee, Event, Institution, Room, Session, Travel, Venue

JUST_STARTED = timedelta(minutes=10)


@dataclass(frozen=True)
class Place:
    room_id: int
    room: str
    floor: str
    directions: str
    directions_en: str
    venue_id: int
    venue: str


@dataclass(frozen=True)
class Slot:
    """A session as shown: times in the event's zone; what changed from the plan."""

    id: int
    code: str
    title: str
    title_en: str
    kind: str
    place: Place
    starts: datetime
    ends: datetime
    planned_place: Place
    planned_starts: datetime
    planned_ends: datetime
    cancelled: bool
    speakers: str
    language: str
    capacity: int | None
    description: str
    search_key: str

    @property
    def moved(self) -> bool:
        return self.place.room_id != self.planned_place.room_id

    @property
    def delayed(self) -> bool:
        return self.starts > self.planned_starts

    @property
    def retimed(self) -> bool:
        return (self.starts, self.ends) != (self.planned_starts, self.planned_ends)


@dataclass(frozen=True)
class RoomNow:
    place: Place
    now: Slot | None
    just_started: bool
    next: Slot | None

    @property
    def done_for_today(self) -> bool:
        return self.now is None and self.next is None


@dataclass(frozen=True)
class VenueNow:
    venue_id: int
    venue: str
    here: bool
    shuttle_minutes: int | None
    rooms: list[RoomNow]


@dataclass
class Programme:
    zone: ZoneInfo
    places: list[Place]  # in venue and room order
    slots: list[Slot]  # by start
    travel: dict[frozenset, int] = field(default_factory=dict)

    def minutes_between(self, venue_a: int, venue_b: int) -> int | None:
        return None if venue_a == venue_b else self.travel.get(frozenset((venue_a, venue_b)))

    def by_room(self) -> dict[int, list[Slot]]:
        """Each room's sessions by start; a session moved away is also listed in its planned room,
        so the people who go there read where it went."""
        rooms: dict[int, list[Slot]] = defaultdict(list)
        for slot in self.slots:
            rooms[slot.place.room_id].append(slot)
            if slot.moved:
                rooms[slot.planned_place.room_id].append(slot)
        for slots in rooms.values():
            slots.sort(key=lambda slot: slot.starts)
        return rooms

    def now_next(self, now: datetime, here_venue: int | None) -> list[VenueNow]:
        """Every room with its current and next session today; this venue first."""
        now = now.astimezone(self.zone)  # "today" is the event's day, whatever zone NOW came in
        by_room = self.by_room()
        venues: dict[int, list[RoomNow]] = defaultdict(list)
        names: dict[int, str] = {}
        for place in self.places:
            venues[place.venue_id].append(room_now(by_room.get(place.room_id, []), place, now))
            names[place.venue_id] = place.venue
        order = sorted(venues, key=lambda venue_id: venue_id != here_venue)
        return [VenueNow(v, names[v], v == here_venue,
                         self.minutes_between(here_venue, v) if here_venue else None, venues[v]) for v in order]

    def next_boundary(self, now: datetime) -> datetime:
        """The next moment at which some room's now/next changes: a start, an end, 'just started'
        running out, or midnight."""
        now = now.astimezone(self.zone)
        tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=self.zone)
        moments = (m for s in self.slots for m in (s.starts, s.ends, s.starts + JUST_STARTED) if m > now)
        return min(min(moments, default=tomorrow), tomorrow)

    def day(self, day: date) -> list[Slot]:
        return [slot for slot in self.slots if slot.starts.date() == day]

    def search(self, text: str, institution_sessions: set[int] = frozenset()) -> list[Slot]:
        """Sessions whose title, speakers, room or venue hold every word of TEXT (its first words:
        see search_words), and the sessions in INSTITUTION_SESSIONS."""
        words = search_words(text)
        return [slot for slot in self.slots
                if slot.id in institution_sessions or all(word in slot.search_key for word in words)]


def room_now(slots: list[Slot], place: Place, now: datetime) -> RoomNow:
    """Now and next in one room; a session held here beats one that moved away from here."""
    running = [s for s in slots if s.starts <= now < s.ends]
    current = next((s for s in reversed(running) if s.place.room_id == place.room_id), None) or \
        next(iter(running), None)
    upcoming = next((s for s in slots if s.starts > now and s.starts.date() == now.date()), None)
    just_started = current is not None and now - current.starts < JUST_STARTED
    return RoomNow(place, current, just_started, upcoming)


def load_programme(event: Event, zone: ZoneInfo) -> Programme:
    """Three queries: rooms, sessions, travel."""
    places = {p.room_id: p for p in _places(event)}
    sessions = (Session.select().where(Session.event == event).order_by(Session.starts_at, Session.id))
    slots = [_slot(session, places, zone) for session in sessions]
    travel = {frozenset((t.from_venue_id, t.to_venue_id)): t.minutes
              for t in Travel.select().where(Travel.event == event)}
    return Programme(zone, list(places.values()), slots, travel)


def _places(event: Event) -> list[Place]:
    query = (Room.select(Room, Venue).join(Venue).where(Venue.event == event)
             .order_by(Venue.position, Room.position))
    return [Place(r.id, r.name, r.floor, r.directions, r.directions_en, r.venue.id, r.venue.name) for r in query]


def _slot(session: Session, places: dict[int, Place], zone: ZoneInfo) -> Slot:
    def local(moment: datetime) -> datetime:
        return moment.replace(tzinfo=timezone.utc).astimezone(zone)

    return Slot(
        session.id, session.code, session.title, session.title_en, session.kind, places[session.room_id],
        local(session.starts_at), local(session.ends_at), places[session.planned_room_id],
        local(session.planned_starts_at), local(session.planned_ends_at), session.cancelled,
        session.speakers, session.language, session.capacity, session.description, session.search_key,
    )


def sessions_of_institutions(event: Event, text: str) -> set[int]:
    """Sessions that someone from an institution matching TEXT is assigned to. Only the first words
    of TEXT count (search_words), so the query has a few conditions whatever was pasted."""
    words = search_words(text)
    if not words:
        return set()
    query = (Assignment.select(Assignment.session).distinct().join(Attendee).join(Institution)
             .where(Attendee.event == event))
    for word in words:
        query = query.where(Institution.name.contains(word))
    return {session_id for (session_id,) in query.tuples()}


def assigned_sessions(attendee: Attendee) -> list[int]:
    return [s for (s,) in Assignment.select(Assignment.session).where(Assignment.attendee == attendee).tuples()]


def assigned_people(session_id: int) -> list[tuple[str, str]]:
    """(name, institution) of the people assigned to a session, by name."""
    query = (Attendee.select(Attendee.name, Institution.name).join(Assignment)
             .switch(Attendee).join(Institution, JOIN.LEFT_OUTER)
             .where(Assignment.session == session_id).order_by(Attendee.name))
    return [(name, institution or "") for name, institution in query.tuples()]


def upcoming_sessions(attendee: Attendee, now: datetime, limit: int | None = None) -> list[Session]:
    """The person's assigned sessions that have not ended at NOW, soonest first (room and venue joined)."""
    moment = now.astimezone(timezone.utc).replace(tzinfo=None)
    query = (Session.select(Session, Room, Venue).join(Assignment).switch(Session).join(Room).join(Venue)
             .where((Assignment.attendee == attendee) & (Session.ends_at > moment))
             .order_by(Session.starts_at))
    return list(query.limit(limit) if limit else query)


INSTITUTION_SEARCH_MIN = 3  # characters typed before the institutions are searched too


@dataclass(frozen=True)
class DirectoryView:
    """What the directory shows, read in one go: the programme, and for the search QUERY the
    sessions of the institutions it names."""

    programme: Programme
    query: str
    institution_sessions: frozenset[int]


def directory_view(event: Event, zone: ZoneInfo, query: str) -> DirectoryView:
    matches = sessions_of_institutions(event, query) if len(query.strip()) >= INSTITUTION_SEARCH_MIN else set()
    return DirectoryView(load_programme(event, zone), query, frozenset(matches))


@dataclass(frozen=True)
class PersonDay:
    """A person's day as the directory shows it after a badge scan: their name and the ids of the
    sessions they are assigned to."""

    name: str
    sessions: frozenset[int]


def person_day(event: Event, code: str, version: int) -> PersonDay | None:
    """The day of the badge CODE at VERSION; None when there is no such person or the badge was
    replaced by a newer one."""
    attendee = attendee_for_scan(event, code)
    if attendee is None or attendee.badge_version != version:
        return None
    return PersonDay(attendee.name, frozenset(assigned_sessions(attendee)))
