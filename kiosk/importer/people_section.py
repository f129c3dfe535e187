"""institutions.csv and attendees.csv."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.fields import (
    ATTENDEE_CODE, INSTITUTION_CODE, choice_problem, code_problem, name_problem,
)
from kiosk.importer.problems import Problems
from kiosk.importer.sources import Row, read_csv
from kiosk.search import upper_code
from models import ATTENDEE_CATEGORIES, INSTITUTION_KINDS, LANGUAGES

INSTITUTIONS = "institutions.csv"
ATTENDEES = "attendees.csv"


@dataclass
class InstitutionPlan:
    code: str
    name: str
    kind: str
    region: str


@dataclass
class AttendeePlan:
    code: str
    name: str
    institution: str  # an institution code, or "" for none
    category: str
    language: str
    hotel: str
    hotel_room: str


class _RowChecker:
    def __init__(self, file: str, problems: Problems):
        self.file, self.problems, self.codes = file, problems, set()

    def report(self, row: Row, column: str, reason: str | None) -> None:
        if reason:
            self.problems.add(self.file, row.line, column, reason)

    def code(self, row: Row, pattern, longest: int) -> str:
        code = upper_code(row.get("code"))
        self.report(row, "code", code_problem(code, pattern, longest))
        if code and code in self.codes:
            self.report(row, "code", f"duplicate code '{code}'")
        self.codes.add(code)
        return code

    def name(self, row: Row) -> str:
        name = " ".join(row.get("name").split())
        self.report(row, "name", name_problem(name))
        return name

    def choice(self, row: Row, column: str, choices: tuple[str, ...], what: str, default: str) -> str:
        value = row.get(column).lower() or default
        self.report(row, column, choice_problem(value, choices, what))
        return value


def read_institutions(folder: Path, problems: Problems) -> list[InstitutionPlan] | None:
    """The institutions, or None when the file itself is unusable (missing, unreadable, bad header)."""
    rows = read_csv(folder / INSTITUTIONS, ("code", "name", "kind"), ("region",), problems)
    if rows is None:
        return None
    check = _RowChecker(INSTITUTIONS, problems)
    return [
        InstitutionPlan(
            code=check.code(row, INSTITUTION_CODE, 16),
            name=check.name(row),
            kind=check.choice(row, "kind", INSTITUTION_KINDS, "kind of institution", ""),
            region=row.get("region"),
        )
        for row in rows
    ]


def read_attendees(folder: Path, institution_codes: set[str] | None,
                   problems: Problems) -> list[AttendeePlan] | None:
    """The attendees, or None when the file itself is unusable."""
    columns = ("institution", "category", "language", "hotel", "hotel_room")
    rows = read_csv(folder / ATTENDEES, ("code", "name"), columns, problems)
    if rows is None:
        return None
    check = _RowChecker(ATTENDEES, problems)
    return [_attendee(row, check, institution_codes) for row in rows]


def _attendee(row: Row, check: _RowChecker, institution_codes: set[str] | None) -> AttendeePlan:
    institution = upper_code(row.get("institution"))
    # None: institutions.csv itself is unusable and already reported; don't repeat it on every row.
    if institution and institution_codes is not None and institution not in institution_codes:
        check.report(row, "institution", f"unknown institution '{institution}' (not in {INSTITUTIONS})")
    hotel, hotel_room = row.get("hotel"), row.get("hotel_room")
    if hotel_room and not hotel:
        check.report(row, "hotel", "a hotel room needs a hotel")
    return AttendeePlan(
        code=check.code(row, ATTENDEE_CODE, 12),
        name=check.name(row),
        institution=institution,
        category=check.choice(row, "category", ATTENDEE_CATEGORIES, "category", "participant"),
        language=check.choice(row, "language", LANGUAGES, "language", "id"),
        hotel=hotel,
        hotel_room=hotel_room,
    )
