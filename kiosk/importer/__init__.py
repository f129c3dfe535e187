"""`kiosk import PATH`: validate a whole event folder first, then write it in one transaction.

Sections: event.toml (event, venues, rooms, check-in lists), institutions.csv, attendees.csv.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.checkin_section import CheckinListPlan, read_checkin_lists
from kiosk.importer.event_section import EventPlan, read_event
from kiosk.importer.people_section import AttendeePlan, InstitutionPlan, read_attendees, read_institutions
from kiosk.importer.problems import ImportFailed, Problems
from kiosk.importer.toml_check import load_event_toml
from kiosk.importer.writer import write_plan

__all__ = ["ImportFailed", "ImportPlan", "import_event", "validate_folder"]


@dataclass
class ImportPlan:
    event: EventPlan
    institutions: list[InstitutionPlan]
    attendees: list[AttendeePlan]
    checkin_lists: list[CheckinListPlan]


def validate_folder(folder: Path) -> ImportPlan:
    """Read and check every file; raise ImportFailed listing every problem found."""
    problems = Problems()
    if not folder.is_dir():
        problems.add(str(folder), 0, "", "is not a folder (an event folder holds event.toml and the CSV files)")
        raise ImportFailed(problems)
    event_toml = load_event_toml(folder, problems)
    event = read_event(event_toml) if event_toml else None
    lists = read_checkin_lists(event_toml, event.time_zone) if event and event.time_zone else []
    institutions = read_institutions(folder, problems)
    known_codes = None if institutions is None else {i.code for i in institutions}
    attendees = read_attendees(folder, known_codes, problems)
    if problems or event is None or institutions is None:
        raise ImportFailed(problems)
    return ImportPlan(event, institutions, attendees, lists)


def import_event(folder: Path | str, actor: str = "import") -> tuple[ImportPlan, Counter]:
    plan = validate_folder(Path(folder))
    return plan, write_plan(plan, actor)
