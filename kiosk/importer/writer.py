"""Writing a validated plan: upsert by code, in one transaction, never deleting."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from kiosk.audit import record
from kiosk.importer.program_writer import write_programme
from kiosk.importer.rows import update_row, upsert_rows
from kiosk.search import attendee_key
from kiosk.store import write
from kiosk.tokens import new_secret
from models import (
    Attendee, AwardCategory, CheckinList, Event, Institution, Nominee, Product, Room, Stall, StallTotal, Venue, Winner,
)

def write_plan(plan, actor: str = "import") -> Counter:
    """Write everything in one transaction; the tally counts what was added and updated."""
    tally: Counter = Counter()
    with write():
        event = _upsert_event(plan.event, tally)
        venue_ids, rooms = _write_venues(event, plan.event.venues, tally)
        institution_ids = upsert_rows(
            Institution, {"event": event.id}, [asdict(i) for i in plan.institutions], tally, "institutions"
        )
        names = {i.code: i.name for i in plan.institutions}
        attendees = [_attendee_values(a, institution_ids, names) for a in plan.attendees]
        attendee_ids = upsert_rows(Attendee, {"event": event.id}, attendees, tally, "attendees")
        lists = [asdict(checkin_list) for checkin_list in plan.checkin_lists]
        upsert_rows(CheckinList, {"event": event.id}, lists, tally, "check-in lists")
        write_programme(event, plan, rooms, venue_ids, attendee_ids, tally)
        _write_stalls(event, plan, institution_ids, tally)
        _write_awards(event, plan.awards, institution_ids, attendee_ids, tally)
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
    if update_row(event, values):
        tally["events updated"] += 1
    return event


def _write_venues(event: Event, venues, tally: Counter) -> tuple[dict[str, int], dict[str, tuple[int, str]]]:
    """Venue ids by code, and by room code: (room id, "room name venue name")."""
    venue_values = [
        {"code": v.code, "name": v.name, "address": v.address, "position": n} for n, v in enumerate(venues)
    ]
    venue_ids = upsert_rows(Venue, {"event": event.id}, venue_values, tally, "venues")
    rooms: dict[str, tuple[int, str]] = {}
    for venue in venues:
        room_values = [
            {"code": r.code, "name": r.name, "floor": r.floor, "capacity": r.capacity,
             "directions": r.directions, "directions_en": r.directions_en, "public": r.public, "position": n}
            for n, r in enumerate(venue.rooms)
        ]
        room_ids = upsert_rows(Room, {"venue": venue_ids[venue.code]}, room_values, tally, "rooms")
        rooms.update({r.code: (room_ids[r.code], f"{r.name} {venue.name}") for r in venue.rooms})
    return venue_ids, rooms


def _attendee_values(plan, institution_ids: dict[str, int], institution_names: dict[str, str]) -> dict:
    values = asdict(plan)
    values["institution"] = institution_ids.get(values.pop("institution")) if plan.institution else None
    values["search_key"] = attendee_key(plan.name, institution_names.get(plan.institution, ""), plan.code)
    return values


def _write_stalls(event: Event, plan, institution_ids: dict[str, int], tally: Counter) -> None:
    stalls = [{"code": s.code, "name": s.name, "location": s.location,
               "institution": institution_ids.get(s.institution) if s.institution else None} for s in plan.stalls]
    stall_ids = upsert_rows(Stall, {"event": event.id}, stalls, tally, "stalls")
    known = {code for (code,) in Product.select(Product.code).where(Product.event == event).tuples()}
    products = [{"code": p.code, "stall": stall_ids[p.stall], "name": p.name, "price": p.price}
                | ({} if p.code in known else {"stock": p.stock})  # stock is counted down by sales once set
                for p in plan.products]
    upsert_rows(Product, {"event": event.id}, products, tally, "products")
    counted = {stall_id for (stall_id,) in StallTotal.select(StallTotal.stall).tuples()}
    missing = [{"stall": stall_id} for stall_id in stall_ids.values() if stall_id not in counted]
    if missing:
        StallTotal.insert_many(missing).execute()


def _write_awards(event: Event, categories, institution_ids: dict[str, int], attendee_ids: dict[str, int],
                  tally: Counter) -> None:
    """Upsert the categories by code; a category's nominees and winners become the file's, except in a
    category already revealed, whose nominees and winners stay as the audience saw them (only its
    titles, description and presenter are updated). The reveal state is never touched."""
    existing = {c.code: c for c in AwardCategory.select().where(AwardCategory.event == event)}
    for position, plan in enumerate(categories):
        values = {"title": plan.title, "title_en": plan.title_en, "description": plan.description,
                  "presenter": plan.presenter}
        wanted = [(institution_ids[n.institution] if n.institution else None,
                   attendee_ids[n.attendee] if n.attendee else None, n.text, n.winner) for n in plan.nominees]
        category = existing.get(plan.code)
        if category is None:
            category = AwardCategory.create(event=event, code=plan.code, position=position, **values)
            tally["award categories added"] += 1
            tally["award nominees added"] += len(wanted)
            _replace_nominees(category, wanted)
            continue
        if category.revealed_at is not None:
            if _nominees_of(category) != wanted:
                tally["award categories kept (revealed)"] += 1
            if update_row(category, values):
                tally["award categories updated"] += 1
            continue
        changed = update_row(category, values | {"position": position})
        if _nominees_of(category) != wanted:
            _replace_nominees(category, wanted)
            changed = True
        if changed:
            tally["award categories updated"] += 1


def _nominees_of(category: AwardCategory) -> list[tuple]:
    """(institution id, attendee id, text, winner) of each nominee, in order."""
    winners = {n for (n,) in Winner.select(Winner.nominee).where(Winner.category == category).tuples()}
    query = (Nominee.select(Nominee.id, Nominee.institution, Nominee.attendee, Nominee.text)
             .where(Nominee.category == category).order_by(Nominee.position, Nominee.id))
    return [(institution, attendee, text, nominee in winners) for nominee, institution, attendee, text in query.tuples()]


def _replace_nominees(category: AwardCategory, wanted: list[tuple]) -> None:
    Winner.delete().where(Winner.category == category).execute()
    Nominee.delete().where(Nominee.category == category).execute()
    for position, (institution, attendee, text, winner) in enumerate(wanted):
        nominee = Nominee.create(category=category, position=position, institution=institution,
                                 attendee=attendee, text=text)
        if winner:
            Winner.create(category=category, nominee=nominee)
