"""Checking people in: by badge scan at a kiosk, or by hand at the desk; undoing a check-in.

One live check-in per person and list is guaranteed by the store (a partial unique index), not by
reading first: two kiosks scanning one badge at the same instant record one check-in, and the
other is told "already checked in". A terminal-made request id makes a retried request harmless.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from peewee import IntegrityError

from kiosk import tokens
from kiosk.attendees import event_secret
from kiosk.audit import record
from kiosk.errors import Refused
from kiosk.store import is_postgres, new_request_id, write
from kiosk.i18n import N_
from models import Attendee, Checkin, CheckinList, Event, database

WELCOME, ALREADY, REJECTED = "welcome", "already", "rejected"
# Why a scan was refused; each has a catalogue entry "checkin.reason.<why>".
UNREADABLE, FORGED, REVOKED, UNKNOWN, NOT_ADMITTED, CLOSED = (
    "unreadable", "forged", "revoked", "unknown", "not_admitted", "closed")


class CheckinError(Refused):
    """A desk action that cannot be done, in one sentence."""


@dataclass(frozen=True)
class ScanResult:
    outcome: str  # WELCOME, ALREADY or REJECTED
    reason: str = ""  # for REJECTED
    attendee: Attendee | None = None
    checkin: Checkin | None = None  # the new check-in, or the earlier one when ALREADY


def open_list(event: Event, now: datetime) -> CheckinList | None:
    """The list whose window holds NOW (the latest opened, when windows overlap)."""
    return (CheckinList.select()
            .where((CheckinList.event == event) & (CheckinList.opens_at <= now) & (CheckinList.closes_at > now))
            .order_by(CheckinList.opens_at.desc()).first())


def list_by_code(event: Event, code: str) -> CheckinList | None:
    return CheckinList.get_or_none((CheckinList.event == event) & (CheckinList.code == code.strip().upper()))


def lists_of(event: Event) -> list[CheckinList]:
    return list(CheckinList.select().where(CheckinList.event == event).order_by(CheckinList.opens_at))


def scan(event: Event, checkin_list: CheckinList, text: str, terminal: str, now: datetime,
         request_id: str | None = None) -> ScanResult:
    """A badge scanned at a kiosk: verified offline first, then recorded once."""
    try:
        badge = tokens.verify(event_secret(event), event.slug, text)
    except tokens.BadToken:
        return ScanResult(REJECTED, FORGED if tokens.looks_complete(text) else UNREADABLE)
    attendee = attendee_for_scan(event, badge.code)
    if attendee is None:
        return ScanResult(REJECTED, UNKNOWN)
    if badge.version != attendee.badge_version:
        return ScanResult(REJECTED, REVOKED, attendee)
    if not (checkin_list.opens_at <= now < checkin_list.closes_at):
        return ScanResult(REJECTED, CLOSED, attendee)
    return admit(checkin_list, attendee, terminal, "scan", now, request_id or new_request_id())


def admit(checkin_list: CheckinList, attendee: Attendee, terminal: str, method: str, now: datetime,
          request_id: str, reason: str = "") -> ScanResult:
    """Record the check-in, unless the list does not admit this person or they are already in."""
    admitted = checkin_list.category_list
    if admitted and attendee.category not in admitted:
        return ScanResult(REJECTED, NOT_ADMITTED, attendee)
    checkin = Checkin(checkin_list=checkin_list, attendee=attendee, at=now, terminal=terminal,
                      method=method, request_id=request_id, reason=reason)
    try:
        with write():
            checkin.id = _insert(checkin)
            if method == "manual":
                record(terminal, "checkin.manual", attendee.code, f"{checkin_list.code}: {reason}")
    except IntegrityError:
        return _after_conflict(checkin_list, attendee, request_id)
    return ScanResult(WELCOME, attendee=attendee, checkin=checkin)


# The scan's two statements are written out once: building them with Peewee for every scan cost
# more than running them (measured by tests/bench/checkin_latency and concurrent_checkins).
SCAN_FIELDS = ("id", "code", "name", "institution_id", "category", "language", "hotel", "hotel_room",
               "badge_version")
ATTENDEE_BY_CODE = 'SELECT {columns} FROM "attendee" WHERE "event_id" = {p} AND "code" = {p}'
CHECKIN_COLUMNS = ("checkin_list_id", "attendee_id", "at", "terminal", "method", "request_id", "reason",
                   "undone_by", "undo_reason")
INSERT_CHECKIN = 'INSERT INTO "checkin" ({columns}) VALUES ({params})'


@functools.cache
def _statements(param: str) -> tuple[str, str]:
    insert = INSERT_CHECKIN.format(columns=", ".join(f'"{c}"' for c in CHECKIN_COLUMNS),
                                   params=", ".join([param] * len(CHECKIN_COLUMNS)))
    select = ATTENDEE_BY_CODE.format(columns=", ".join(f'"{c}"' for c in SCAN_FIELDS), p=param)
    return select, insert


def attendee_for_scan(event: Event, code: str) -> Attendee | None:
    select, _ = _statements(database.param)
    row = database.execute_sql(select, (event.id, code)).fetchone()
    return None if row is None else Attendee(event=event.id, **dict(zip(SCAN_FIELDS, row)))


def _insert(checkin: Checkin) -> int:
    _, sql = _statements(database.param)
    values = (checkin.checkin_list_id, checkin.attendee_id, Checkin.at.db_value(checkin.at), checkin.terminal,
              checkin.method, checkin.request_id, checkin.reason, "", "")
    if is_postgres():
        return database.execute_sql(sql + ' RETURNING "id"', values).fetchone()[0]
    return database.execute_sql(sql, values).lastrowid


def _after_conflict(checkin_list: CheckinList, attendee: Attendee, request_id: str) -> ScanResult:
    retried = Checkin.get_or_none(Checkin.request_id == request_id)
    if retried is not None:  # this very request was recorded before: same answer as then
        return ScanResult(WELCOME, attendee=attendee, checkin=retried)
    return ScanResult(ALREADY, attendee=attendee, checkin=live_checkin(checkin_list, attendee))


def live_checkin(checkin_list: CheckinList, attendee: Attendee) -> Checkin | None:
    return Checkin.get_or_none((Checkin.checkin_list == checkin_list) & (Checkin.attendee == attendee)
                               & Checkin.undone_at.is_null())


def check_in_by_hand(checkin_list: CheckinList, attendee: Attendee, staff: str, reason: str,
                     now: datetime, request_id: str | None = None) -> ScanResult:
    """The desk checks someone in whose badge will not do (lost, unreadable, walk-in)."""
    if not reason.strip():
        raise CheckinError(N_("error.reason"))
    return admit(checkin_list, attendee, staff, "manual", now, request_id or new_request_id(), reason.strip())


def undo(checkin: Checkin, staff: str, reason: str, now: datetime) -> None:
    """Mark a check-in undone (it is kept, with who and why); the person may check in again."""
    if not reason.strip():
        raise CheckinError(N_("error.reason"))
    with write():
        changed = (Checkin.update(undone_at=now, undone_by=staff, undo_reason=reason.strip())
                   .where((Checkin.id == checkin.id) & Checkin.undone_at.is_null()).execute())
        if not changed:
            raise CheckinError(N_("error.already_undone"))
        record(staff, "checkin.undo", checkin.attendee.code, f"{checkin.checkin_list.code}: {reason.strip()}")


def arrivals(checkin_list: CheckinList) -> int:
    return (Checkin.select().where((Checkin.checkin_list == checkin_list) & Checkin.undone_at.is_null())
            .count())


def checkins_of(attendee: Attendee) -> list[Checkin]:
    """Every check-in of a person, undone ones included, newest first."""
    return list(Checkin.select(Checkin, CheckinList).join(CheckinList)
                .where(Checkin.attendee == attendee).order_by(Checkin.at.desc(), Checkin.id.desc()))
