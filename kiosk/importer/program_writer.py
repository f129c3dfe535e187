"""Writing the programme: sessions upserted by code (live changes kept), assignments and travel synced."""
from __future__ import annotations

from collections import Counter

from kiosk.importer.rows import BATCH, update_row
from kiosk.search import fold
from models import SCHEDULED, Assignment, Event, Session, Travel


def write_programme(event: Event, plan, rooms: dict[str, tuple[int, str]], venue_ids: dict[str, int],
                    attendee_ids: dict[str, int], tally: Counter) -> None:
    """ROOMS maps a room code to (room id, "room name venue name") for search keys."""
    _write_travel(event, plan.travel, venue_ids)
    session_ids = _write_sessions(event, plan.sessions, rooms, tally)
    if plan.assignments is not None:
        _write_assignments(plan.assignments, attendee_ids, session_ids, tally)


def _write_travel(event: Event, travel, venue_ids: dict[str, int]) -> None:
    Travel.delete().where(Travel.event == event).execute()
    rows = [{"event": event.id, "from_venue": venue_ids[t.from_venue], "to_venue": venue_ids[t.to_venue],
             "minutes": t.minutes} for t in travel]
    if rows:
        Travel.insert_many(rows).execute()


def _write_sessions(event: Event, sessions, rooms: dict[str, tuple[int, str]], tally: Counter) -> dict[str, int]:
    existing = {session.code: session for session in Session.select().where(Session.event == event)}
    new_rows = []
    for plan in sessions:
        planned = _planned_values(plan, rooms)
        current = {"room": planned["planned_room"], "starts_at": plan.starts_at, "ends_at": plan.ends_at}
        row = existing.get(plan.code)
        if row is None:
            new_rows.append({"event": event.id, "status": SCHEDULED, **planned, **current})
            tally["sessions added"] += 1
        elif row.changed:  # moved, delayed or cancelled during the event: keep that, update the plan
            if update_row(row, planned):
                tally["sessions updated (live changes kept)"] += 1
        elif update_row(row, {**planned, **current}):
            tally["sessions updated"] += 1
    for start in range(0, len(new_rows), BATCH):
        Session.insert_many(new_rows[start:start + BATCH]).execute()
    return dict(Session.select(Session.code, Session.id).where(Session.event == event).tuples())


def _planned_values(plan, rooms: dict[str, tuple[int, str]]) -> dict:
    room_id, place = rooms[plan.room]
    return {
        "code": plan.code, "title": plan.title, "title_en": plan.title_en, "kind": plan.kind,
        "planned_room": room_id, "planned_starts_at": plan.starts_at, "planned_ends_at": plan.ends_at,
        "speakers": plan.speakers, "language": plan.language, "capacity": plan.capacity,
        "description": plan.description,
        "search_key": fold(" ".join((plan.code, plan.title, plan.title_en, plan.speakers, place))),
    }


def _write_assignments(assignments, attendee_ids: dict[str, int], session_ids: dict[str, int],
                       tally: Counter) -> None:
    """Make the store's assignments of this event's sessions exactly the file's."""
    wanted = {(attendee_ids[a.attendee], session_ids[a.session]) for a in assignments}
    have = set(Assignment.select(Assignment.attendee, Assignment.session)
               .where(Assignment.session.in_(list(session_ids.values()))).tuples()) if session_ids else set()
    for attendee_id, session_id in have - wanted:
        Assignment.delete().where((Assignment.attendee == attendee_id) & (Assignment.session == session_id)).execute()
    added = [{"attendee": a, "session": s} for a, s in sorted(wanted - have)]
    for start in range(0, len(added), BATCH):
        Assignment.insert_many(added[start:start + BATCH]).execute()
    if added:
        tally["assignments added"] += len(added)
    if have - wanted:
        tally["assignments removed"] += len(have - wanted)
