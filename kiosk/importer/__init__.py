"""`kiosk import PATH`: validate a whole event folder first, then write it in one transaction.

Sections: event.toml (event, venues, rooms), institutions.csv, attendees.csv.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.event_section import EventPlan, read_event
from kiosk.importer.people_section import AttendeePlan, InstitutionPlan, read_attendees, read_institutions
from kiosk.importer.problems import ImportFailed, Problems
from kiosk.importer.writer import write_plan

__all__ = ["ImportFailed", "ImportPlan", "import_event", "validate_folder"]


@dataclass
class ImportPlan:
    event: EventPlan
    institutions: list[InstitutionPlan]
    attendees: list[AttendeePlan]


def validate_folder(folder: Path) -> ImportPlan:
    """Read and check every file; raise ImportFailed listing every problem found."""
    problems = Problems()
    if not folder.is_dir():
        problems.add(str(folder), 0, "", "is not a folder (an event folder holds event.toml and the CSV files)")
        raise ImportFailed(problems)
    event = read_event(folder, problems)
    institutions = read_institutions(folder, problems)
    known_codes = None if institutions is None else {i.code for i in institutions}
    attendees = read_attendees(folder, known_codes, problems)
    if problems or event is None or institutions is None:
        raise ImportFailed(problems)
    return ImportPlan(event, institutions, attendees)


def import_event(folder: Path | str, actor: str = "import") -> tuple[ImportPlan, Counter]:
    plan = validate_folder(Path(folder))
    return plan, write_plan(plan, actor)
