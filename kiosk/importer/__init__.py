"""`kiosk import PATH`: validate a whole event folder first, then write it in one transaction.

Sections: event.toml (event, venues, rooms, travel, check-in lists), institutions.csv, attendees.csv,
the programme: sessions.csv and assignments.csv, the stalls: stalls.csv and products.csv, and the
award ceremony: awards.toml (the last five optional).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.awards_section import CategoryPlan, read_awards
from kiosk.importer.checkin_section import CheckinListPlan, read_checkin_lists
from kiosk.importer.event_section import EventPlan, read_event
from kiosk.importer.people_section import AttendeePlan, InstitutionPlan, read_attendees, read_institutions
from kiosk.importer.problems import ImportFailed, Problems
from kiosk.importer.sales_section import ProductPlan, StallPlan, read_products, read_stalls
from kiosk.importer.program_section import (
    AssignmentPlan, SessionPlan, TravelPlan, read_assignments, read_sessions, read_travel,
)
from kiosk.importer.toml_check import load_event_toml
from kiosk.importer.writer import write_plan

__all__ = ["ImportFailed", "ImportPlan", "import_event", "validate_folder"]


@dataclass
class ImportPlan:
    event: EventPlan
    institutions: list[InstitutionPlan]
    attendees: list[AttendeePlan]
    checkin_lists: list[CheckinListPlan]
    travel: list[TravelPlan]
    sessions: list[SessionPlan]
    assignments: list[AssignmentPlan] | None  # None: the folder has no assignments.csv
    stalls: list[StallPlan]
    products: list[ProductPlan]
    awards: list[CategoryPlan]


def validate_folder(folder: Path) -> ImportPlan:
    """Read and check every file; raise ImportFailed listing every problem found."""
    problems = Problems()
    if not folder.is_dir():
        problems.add(str(folder), 0, "", "is not a folder (an event folder holds event.toml and the CSV files)")
        raise ImportFailed(problems)
    event_toml = load_event_toml(folder, problems)
    event = read_event(event_toml) if event_toml else None
    zone = event.time_zone if event else ""
    lists = read_checkin_lists(event_toml, zone) if zone else []
    venues = event.venues if event else []
    travel = read_travel(event_toml, {venue.code for venue in venues}) if event_toml else []
    institutions = read_institutions(folder, problems)
    known_codes = None if institutions is None else {i.code for i in institutions}
    attendees = read_attendees(folder, known_codes, problems)
    room_codes = {room.code for venue in venues for room in venue.rooms}
    sessions = read_sessions(folder, room_codes, zone, problems) if event else None
    attendee_codes = None if attendees is None else {a.code for a in attendees}
    session_codes = None if sessions is None else {s.code for s in sessions}
    assignments = read_assignments(folder, attendee_codes, session_codes, problems)
    stalls = read_stalls(folder, known_codes, problems)
    products = read_products(folder, None if stalls is None else {s.code for s in stalls}, problems)
    awards = read_awards(folder, known_codes, attendee_codes, problems)
    if problems or None in (event, institutions, attendees, sessions, stalls, awards):
        raise ImportFailed(problems)
    return ImportPlan(event, institutions, attendees, lists, travel, sessions, assignments, stalls, products,
                      awards)


def import_event(folder: Path | str, actor: str = "import") -> tuple[ImportPlan, Counter]:
    plan = validate_folder(Path(folder))
    return plan, write_plan(plan, actor)
