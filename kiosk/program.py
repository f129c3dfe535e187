"""The programme as people need it: loaded once per change, then asked in memory as the clock
moves (now and next per room, the day, search), so an idle directory makes no queries.

Everything here that reads the store runs on a store thread and hands the screens frozen views
(Programme, Slot, DirectoryView, PersonDay, NextSession) or plain tuples, never a Peewee row. A
search is bounded by kiosk.search.search_words, so a pasted page of text stays a small query.

Three rules the screens rely on:
- a session belongs to every calendar day (in the event's zone) that it overlaps, so the gala from
  19:00 to 00:30 is on both days' timetables and lists;
- the public views (now and next, the timetable, the list, search) leave out the rooms that are not
  public (`public = false` in event.toml: a loading bay, the secretariat); a person's own day and
  their next steps still show them;
- a cancelled session is never someone's next step (`next_sessions`), and every view marks it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from babel.dates import format_date
from peewee import JOIN

from kiosk.checkin import attendee_for_scan
from kiosk.clock import in_zone
from kiosk.i18n import N_, LOCALES, t
from kiosk.search import search_words
from models import CANCELLED, Assignment, Attendee, Event, Institution, Room, Session, Travel, Venue

JUST_STARTED = timedelta(minutes=10)
SLOT_MINUTES = 30  # the timetable's columns
UTC = timezone.utc


@dataclass(frozen=True)
class Place:
    room_id: int
    room: str
    floor: str
    directions: str
    directions_en: str
    venue_id: int
    venue: str
    public: bool = True  # False: left out of the public lists (a loading bay, the secretariat)


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

    @property
    def public_places(self) -> list[Place]:
        """The rooms the public lists show, in venue and room order."""
        return [place for place in self.places if place.public]

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
        for place in self.public_places:
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

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """The calendar day DAY in the event's zone: from its midnight to the next."""
        start = datetime.combine(day, time(0), tzinfo=self.zone)
        return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.zone)

    def day(self, day: date) -> list[Slot]:
        """The public sessions that overlap the calendar day DAY (in the event's zone), by start: a
        session across midnight belongs to both days."""
        start, end = self.day_bounds(day)
        return [slot for slot in self.slots if slot.place.public and slot.starts < end and slot.ends > start]

    def half_hours(self, day: date) -> list[datetime]:
        """The timetable's columns for DAY: every half hour from the earliest session that overlaps
        the day (from its midnight, for one that began the day before) to the last one's end (at
        most the day's end), in the event's zone."""
        slots = self.day(day)
        if not slots:
            return []
        start, end = self.day_bounds(day)
        first = max(start, min(slot.starts for slot in slots)).astimezone(self.zone)
        first = first.replace(minute=first.minute - first.minute % SLOT_MINUTES, second=0, microsecond=0)
        last = min(end, max(slot.ends for slot in slots))
        step, moment, times = timedelta(minutes=SLOT_MINUTES), first.astimezone(UTC), []
        while moment < last:  # counted in UTC: a zone's clock change does not skip or repeat a column
            times.append(moment.astimezone(self.zone))
            moment += step
        return times

    def search(self, text: str, institution_sessions: set[int] = frozenset()) -> list[Slot]:
        """Public sessions whose title, speakers, room or venue hold every word of TEXT (its first
        words: see search_words), and the public sessions in INSTITUTION_SESSIONS."""
        words = search_words(text)
        return [slot for slot in self.slots if slot.place.public
                and (slot.id in institution_sessions or all(word in slot.search_key for word in words))]


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
    return [Place(r.id, r.name, r.floor, r.directions, r.directions_en, r.venue.id, r.venue.name, r.public)
            for r in query]


def _slot(session: Session, places: dict[int, Place], zone: ZoneInfo) -> Slot:
    def local(moment: datetime) -> datetime:
        return in_zone(moment, zone)

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


# ---- a person's next sessions (the check-in welcome, the desk) -------------------------------------

@dataclass(frozen=True)
class NextSession:
    """One of a person's coming sessions, as plain values: times in the event's zone, where it is
    now, and what changed from the plan."""

    id: int
    code: str
    title: str
    title_en: str
    starts: datetime
    ends: datetime
    room: str
    venue: str
    cancelled: bool
    planned_room: str  # where it was planned: differs from ROOM when it moved
    delayed: bool

    @property
    def moved(self) -> bool:
        return self.room != self.planned_room

    def title_in(self, lang: str) -> str:
        """The title in LANG where the event has it (title_en for English), else the Indonesian."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def marks(self, lang: str | None = None) -> tuple[str, ...]:
        """What changed, as the directory's words in LANG: BATAL/CANCELLED first, then PINDAH/MOVED
        and DITUNDA/DELAYED (the desk's line of a person's next sessions shows them)."""
        return tuple(t(key, lang) for key in change_marks(self))


def change_marks(session: NextSession) -> tuple[str, ...]:
    """The catalogue keys of what changed in SESSION: cancelled first, then moved and delayed."""
    return tuple(key for key, changed in (("directory.cancelled", session.cancelled),
                                          (N_("directory.moved"), session.moved),
                                          ("directory.delayed", session.delayed)) if changed)


def next_sessions(attendee: Attendee | int, now: datetime, limit: int | None = None, *,
                  cancelled: bool = False, zone: ZoneInfo | None = None) -> tuple[NextSession, ...]:
    """The person's assigned sessions that have not ended at NOW, soonest first, in ZONE (default:
    NOW's zone, the event clock's). A cancelled session is left out (it is nobody's next step)
    unless CANCELLED asks for it: the desk lists it, marked BATAL (`NextSession.cancelled`)."""
    zone = zone or now.tzinfo
    planned = Room.alias()
    query = (Session.select(Session.id, Session.code, Session.title, Session.title_en, Session.starts_at,
                            Session.ends_at, Room.name, Venue.name, Session.status, planned.name,
                            Session.planned_starts_at)
             .join(Assignment).switch(Session).join(Room).join(Venue)
             .switch(Session).join(planned, JOIN.LEFT_OUTER, on=(Session.planned_room == planned.id))
             .where((Assignment.attendee == attendee) & (Session.ends_at > now))
             .order_by(Session.starts_at, Session.id))
    if not cancelled:
        query = query.where(Session.status != CANCELLED)
    if limit:
        query = query.limit(limit)
    return tuple(
        NextSession(session_id, code, title, title_en, in_zone(starts, zone), in_zone(ends, zone), room, venue,
                    status == CANCELLED, planned_room or room, in_zone(starts, zone) > in_zone(planned_starts, zone))
        for session_id, code, title, title_en, starts, ends, room, venue, status, planned_room, planned_starts
        in query.tuples())


def day_word(day: date, today: date, lang: str) -> str:
    """Which day DAY is, seen from TODAY, in LANG: "" for today, "besok"/"tomorrow" for the next
    day, else the weekday and date ("Sabtu 7 Juli", "Saturday 7 July")."""
    if day == today:
        return ""
    if day == today + timedelta(days=1):
        return t("day.tomorrow", lang)
    return format_date(day, "EEEE d MMMM", locale=LOCALES.get(lang, LOCALES["id"]))


def next_step(session: NextSession, now: datetime, lang: str) -> tuple[str, dict]:
    """How the welcome names SESSION as the person's next step: (catalogue key under
    "checkin.next.", values), with its day when it is not today and its title in LANG."""
    values = {"title": session.title_in(lang), "time": f"{session.starts:%H:%M}", "room": session.room,
              "venue": session.venue}
    now = now.astimezone(session.starts.tzinfo)
    if session.starts <= now:
        return "session_now", values
    day = day_word(session.starts.date(), now.date(), lang)
    if not day:
        return "session", values
    if session.starts.date() == now.date() + timedelta(days=1):
        return "session_tomorrow", values
    return "session_day", {**values, "day": day}


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
