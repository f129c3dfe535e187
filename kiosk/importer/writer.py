"""Writing a validated plan: upsert by code, in one transaction, never deleting."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from kiosk.audit import record
from kiosk.search import attendee_key
from kiosk.store import write
from kiosk.tokens import new_secret
from models import Attendee, CheckinList, Event, Institution, Room, Venue

BATCH = 100


def upsert_rows(model, scope: dict, plans: list[dict], tally: Counter, label: str) -> dict[str, int]:
    """Create or update MODEL rows (matched by code within SCOPE); return code -> id for all of them."""
    existing = {row.code: row for row in model.select().where(*[getattr(model, k) == v for k, v in scope.items()])}
    new_rows = []
    for values in plans:
        row = existing.get(values["code"])
        if row is None:
            new_rows.append({**scope, **values})
            tally[f"{label} added"] += 1
        elif _update(row, values):
            tally[f"{label} updated"] += 1
    for start in range(0, len(new_rows), BATCH):
        model.insert_many(new_rows[start:start + BATCH]).execute()
    query = model.select(model.code, model.id).where(*[getattr(model, k) == v for k, v in scope.items()])
    return {code: row_id for code, row_id in query.tuples()}


def _update(row, values: dict) -> bool:
    changed = [name for name, value in values.items() if row.__data__.get(name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(only=[getattr(type(row), name) for name in changed])
    return bool(changed)


def write_plan(plan, actor: str = "import") -> Counter:
    """Write everything in one transaction; the tally counts what was added and updated."""
    tally: Counter = Counter()
    with write():
        event = _upsert_event(plan.event, tally)
        _write_venues(event, plan.event.venues, tally)
        institution_ids = upsert_rows(
            Institution, {"event": event.id}, [asdict(i) for i in plan.institutions], tally, "institutions"
        )
        names = {i.code: i.name for i in plan.institutions}
        attendees = [_attendee_values(a, institution_ids, names) for a in plan.attendees]
        upsert_rows(Attendee, {"event": event.id}, attendees, tally, "attendees")
        lists = [asdict(checkin_list) for checkin_list in plan.checkin_lists]
        upsert_rows(CheckinList, {"event": event.id}, lists, tally, "check-in lists")
        record(actor, "import", event.slug, ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))
    return tally


def _upsert_event(plan, tally: Counter) -> Event:
    values = {
        "name": plan.name, "name_en": plan.name_en, "time_zone": plan.time_zone,
        "days": ",".join(plan.days), "languages": ",".join(plan.languages),
    }
    event = Event.get_or_none(Event.slug == plan.slug)
    if event is None:
        tally["events added"] += 1
        return Event.create(slug=plan.slug, badge_secret=new_secret(), **values)
    if _update(event, values):
        tally["events updated"] += 1
    return event


def _write_venues(event: Event, venues, tally: Counter) -> None:
    venue_values = [
        {"code": v.code, "name": v.name, "address": v.address, "position": n} for n, v in enumerate(venues)
    ]
    venue_ids = upsert_rows(Venue, {"event": event.id}, venue_values, tally, "venues")
    for venue in venues:
        room_values = [
            {"code": r.code, "name": r.name, "floor": r.floor, "capacity": r.capacity,
             "directions": r.directions, "directions_en": r.directions_en, "position": n}
            for n, r in enumerate(venue.rooms)
        ]
        upsert_rows(Room, {"venue": venue_ids[venue.code]}, room_values, tally, "rooms")


def _attendee_values(plan, institution_ids: dict[str, int], institution_names: dict[str, str]) -> dict:
    values = asdict(plan)
    values["institution"] = institution_ids.get(values.pop("institution")) if plan.institution else None
    values["search_key"] = attendee_key(plan.name, institution_names.get(plan.institution, ""), plan.code)
    return values
