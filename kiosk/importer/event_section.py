"""event.toml: the event, its venues and their rooms."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kiosk.clock import ClockError, load_zone
from kiosk.importer.fields import name_problem, positive_int_problem, slug_problem
from kiosk.importer.toml_check import TomlChecker
from kiosk.search import lower_code
from models import LANGUAGES


@dataclass
class RoomPlan:
    code: str
    name: str
    floor: str = ""
    capacity: int | None = None
    directions: str = ""
    directions_en: str = ""
    public: bool = True  # false: kept out of the public room lists and search


@dataclass
class VenuePlan:
    code: str
    name: str
    address: str = ""
    rooms: list[RoomPlan] = field(default_factory=list)


@dataclass
class EventPlan:
    slug: str
    name: str
    name_en: str
    time_zone: str
    days: list[str]
    languages: list[str]
    venues: list[VenuePlan]


def read_event(check: TomlChecker) -> EventPlan | None:
    data = check.data
    table = data.get("event")
    if not isinstance(table, dict):
        check.report(("event",), "missing the [event] table")
        return None
    plan = EventPlan(
        slug=_slug(check, table, ("event",), "slug"),
        name=_name(check, table, ("event",)),
        name_en=check.text(table, ("event",), "name_en"),
        time_zone=_time_zone(check, table),
        days=_days(check, table),
        languages=_languages(check, table),
        venues=_venues(check, data.get("venues")),
    )
    return plan


def _slug(check: TomlChecker, table: dict, path: tuple, key: str) -> str:
    """An event slug, venue or room code: taken in any case, kept in lower case (kiosk.search)."""
    value = lower_code(check.text(table, path, key))
    check.report(path + (key,), slug_problem(value))
    return value


def _name(check: TomlChecker, table: dict, path: tuple) -> str:
    value = check.text(table, path, "name")
    check.report(path + ("name",), name_problem(value))
    return value


def _time_zone(check: TomlChecker, table: dict) -> str:
    """The event's zone as its IANA name: WIB, WITA and WIT (any case) are read as Asia/Jakarta,
    Asia/Makassar and Asia/Jayapura (kiosk.clock.zone_name), and the import says so (a note on the
    "kiosk.importer" log, which `kiosk import` prints)."""
    import logging

    from kiosk.clock import zone_name

    value = check.text(table, ("event",), "time_zone", required=True)
    if not value:
        return value
    try:
        load_zone(value)
    except ClockError as exc:
        check.report(("event", "time_zone"), str(exc))
        return value
    if zone_name(value) != value:
        logging.getLogger("kiosk.importer").info("time_zone %s read as %s", value, zone_name(value))
    return zone_name(value)


def _days(check: TomlChecker, table: dict) -> list[str]:
    values = table.get("days")
    if not isinstance(values, list) or not values:
        check.report(("event", "days"), "needs a list of dates such as [\"2018-07-05\", \"2018-07-06\"]")
        return []
    days = []
    for value in values:
        text = value.isoformat() if isinstance(value, date) else str(value)
        try:
            days.append(date.fromisoformat(text).isoformat())
        except ValueError:
            check.report(("event", "days"), f"'{text}' is not a date such as 2018-07-05")
    if days != sorted(set(days)):
        check.report(("event", "days"), "dates must be in order, each once")
    return days


def _languages(check: TomlChecker, table: dict) -> list[str]:
    values = table.get("languages", list(LANGUAGES))
    if isinstance(values, list):
        values = [lower_code(value) if isinstance(value, str) else value for value in values]  # "EN" is en
    if not isinstance(values, list) or not values or any(value not in LANGUAGES for value in values):
        check.report(("event", "languages"), f"must be a list drawn from {', '.join(LANGUAGES)}")
        return list(LANGUAGES)
    return values


def _venues(check: TomlChecker, tables: object) -> list[VenuePlan]:
    if not isinstance(tables, list) or not tables:
        check.report(("venues",), "needs at least one [[venues]] table")
        return []
    venues, venue_codes, room_codes = [], set(), set()
    for index, table in enumerate(tables):
        path = ("venues", index)
        if not isinstance(table, dict):
            check.report(path, "each venue must be a [[venues]] table")
            continue
        venue = VenuePlan(_slug(check, table, path, "code"), _name(check, table, path),
                          check.text(table, path, "address"))
        if venue.code in venue_codes:
            check.report(path + ("code",), f"duplicate venue code '{venue.code}'")
        venue_codes.add(venue.code)
        venue.rooms = _rooms(check, table.get("rooms", []), path, room_codes)
        venues.append(venue)
    return venues


def _rooms(check: TomlChecker, tables: object, venue_path: tuple, seen: set[str]) -> list[RoomPlan]:
    if not isinstance(tables, list):
        check.report(venue_path + ("rooms",), "rooms must be [[venues.rooms]] tables")
        return []
    rooms = []
    for index, table in enumerate(tables):
        path = venue_path + ("rooms", index)
        if not isinstance(table, dict):
            check.report(path, "each room must be a [[venues.rooms]] table")
            continue
        room = RoomPlan(_slug(check, table, path, "code"), _name(check, table, path),
                        check.text(table, path, "floor"), _capacity(check, table, path),
                        check.text(table, path, "directions"), check.text(table, path, "directions_en"))
        public = table.get("public", True)
        if not isinstance(public, bool):
            check.report(path + ("public",), "must be true or false (false keeps the room out of the public lists)")
        else:
            room.public = public
        if room.code in seen:
            check.report(path + ("code",), f"duplicate room code '{room.code}' (room codes are unique in the event)")
        seen.add(room.code)
        rooms.append(room)
    return rooms


def _capacity(check: TomlChecker, table: dict, path: tuple) -> int | None:
    if "capacity" not in table:
        return None
    value = table["capacity"]
    return None if check.report(path + ("capacity",), positive_int_problem(value)) else value
