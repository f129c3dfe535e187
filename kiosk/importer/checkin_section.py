"""event.toml [[checkin_lists]]: who may check in, and when."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.clock import UTC, ClockError, in_zone, load_zone, parse_moment
from kiosk.importer.fields import INSTITUTION_CODE, code_problem, name_problem
from kiosk.importer.toml_check import TomlChecker
from kiosk.search import lower_code, upper_code
from models import ATTENDEE_CATEGORIES


@dataclass
class CheckinListPlan:
    code: str
    name: str
    name_en: str
    opens_at: datetime  # aware, UTC
    closes_at: datetime  # aware, UTC
    categories: str  # comma separated; empty admits every category


def read_checkin_lists(check: TomlChecker, zone_name: str) -> list[CheckinListPlan]:
    try:
        zone = load_zone(zone_name)
    except ClockError:
        return []  # the bad zone is reported with the event
    tables = check.data.get("checkin_lists", [])
    if not isinstance(tables, list):
        check.report(("checkin_lists",), "check-in lists must be [[checkin_lists]] tables")
        return []
    plans, seen = [], set()
    for index, table in enumerate(tables):
        path = ("checkin_lists", index)
        if not isinstance(table, dict):
            check.report(path, "each check-in list must be a [[checkin_lists]] table")
            continue
        plan = _checkin_list(check, table, path, zone)
        if plan.code in seen:
            check.report(path + ("code",), f"duplicate check-in list code '{plan.code}'")
        seen.add(plan.code)
        plans.append(plan)
    return plans


def _checkin_list(check: TomlChecker, table: dict, path: tuple, zone: ZoneInfo) -> CheckinListPlan:
    code = upper_code(check.text(table, path, "code"))
    check.report(path + ("code",), code_problem(code, INSTITUTION_CODE, 16))
    name = check.text(table, path, "name")
    check.report(path + ("name",), name_problem(name))
    opens_at = _moment(check, table, path, "opens", zone)
    closes_at = _moment(check, table, path, "closes", zone)
    if opens_at and closes_at and closes_at <= opens_at:
        check.report(path + ("closes",), "must be after opens")
    return CheckinListPlan(code, name, check.text(table, path, "name_en"), opens_at, closes_at,
                           _categories(check, table, path))


def _moment(check: TomlChecker, table: dict, path: tuple, key: str, zone: ZoneInfo) -> datetime | None:
    value = table.get(key)
    if value is None:
        check.report(path + (key,), "missing (a date and time such as 2018-07-05T06:00)")
        return None
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    if "T" not in text and " " not in text:
        check.report(path + (key,), f"'{text}' needs a date and a time, such as 2018-07-05T06:00")
        return None
    try:
        moment = parse_moment(text, zone)
    except ClockError as error:
        check.report(path + (key,), str(error))
        return None
    return in_zone(moment, UTC)


def _categories(check: TomlChecker, table: dict, path: tuple) -> str:
    values = table.get("categories", [])
    if isinstance(values, list):
        values = [lower_code(value) if isinstance(value, str) else value for value in values]  # "VIP" is vip
    if not isinstance(values, list) or any(value not in ATTENDEE_CATEGORIES for value in values):
        check.report(path + ("categories",), f"must be a list drawn from {', '.join(ATTENDEE_CATEGORIES)}")
        return ""
    return ",".join(values)
