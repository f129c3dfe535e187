"""Exports of what was recorded, as CSV files for the organisers' spreadsheets.

A file is written to a temporary file beside it and renamed into place, so a reader never sees
half a file and a failed export leaves the earlier file as it was. Only the columns named below
are written: the event's badge secret (and so any badge payload) never leaves the store.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from peewee import JOIN

from kiosk.files import write_csv
from kiosk.clock import in_zone, load_zone
from kiosk.reveal import winners
from models import Attendee, AwardCategory, Checkin, CheckinList, Event, Institution, Product, Sale, Stall

CHECKINS_HEADER = (
    "list", "attendee", "name", "institution", "institution_name", "category", "at", "terminal",
    "method", "reason", "undone_at", "undone_by", "undo_reason",
)


def export_checkins(event: Event, path: Path) -> int:
    """Write every check-in of the event (undone ones included) to PATH as CSV; the row count.

    Times are ISO 8601 in the event's zone with its offset (2018-07-05T08:15:00+07:00);
    `undone_at` is blank for a live check-in. The folder is made if missing.
    """
    return write_csv(path, CHECKINS_HEADER, checkin_rows(event))


def checkin_rows(event: Event) -> Iterator[tuple]:
    """The export's rows, oldest check-in first, with times in the event's zone."""
    zone = load_zone(event.time_zone)
    query = (Checkin.select(CheckinList.code, Attendee.code, Attendee.name, Institution.code, Institution.name,
                            Attendee.category, Checkin.at, Checkin.terminal, Checkin.method, Checkin.reason,
                            Checkin.undone_at, Checkin.undone_by, Checkin.undo_reason)
             .join(CheckinList, on=Checkin.checkin_list == CheckinList.id)
             .switch(Checkin)
             .join(Attendee, on=Checkin.attendee == Attendee.id)
             .join(Institution, JOIN.LEFT_OUTER, on=Attendee.institution == Institution.id)
             .where(CheckinList.event == event)
             .order_by(Checkin.at, Checkin.id))
    for (list_code, code, name, institution_code, institution_name, category, at, terminal, method, reason,
         undone_at, undone_by, undo_reason) in query.tuples().iterator():
        yield (list_code, code, name, institution_code or "", institution_name or "", category,
               _iso(at, zone), terminal, method, reason, _iso(undone_at, zone),
               undone_by, undo_reason)


def _iso(stored: datetime | None, zone: ZoneInfo) -> str:
    """A stored time as ISO 8601 in the event's zone, with its offset; blank for none."""
    return in_zone(stored, zone).isoformat(timespec="seconds") if stored is not None else ""


SALES_HEADER = (
    "sale", "at", "stall", "stall_name", "product", "product_name", "quantity", "unit_price", "total",
    "method", "reference", "seller", "terminal", "voided_at", "voided_by", "void_reason",
)


def export_sales(event: Event, path: Path) -> int:
    """Write every sale of the event (voided ones included) to PATH as CSV; the row count.

    Amounts are whole rupiah; times are ISO 8601 in the event's zone with its offset, and
    `voided_at` is blank for a live sale. The folder is made if missing.
    """
    return write_csv(path, SALES_HEADER, sale_rows(event))


def sale_rows(event: Event) -> Iterator[tuple]:
    """The sales export's rows, oldest sale first, with times in the event's zone."""
    zone = load_zone(event.time_zone)
    query = (Sale.select(Sale.id, Sale.at, Stall.code, Stall.name, Product.code, Product.name, Sale.quantity,
                         Sale.unit_price, Sale.total, Sale.method, Sale.reference, Sale.seller, Sale.terminal,
                         Sale.voided_at, Sale.voided_by, Sale.void_reason)
             .join(Stall, on=Sale.stall == Stall.id)
             .switch(Sale)
             .join(Product, on=Sale.product == Product.id)
             .where(Stall.event == event)
             .order_by(Sale.at, Sale.id))
    for (sale_id, at, stall_code, stall_name, product_code, product_name, quantity, unit_price, total, method,
         reference, seller, terminal, voided_at, voided_by, void_reason) in query.tuples().iterator():
        yield (sale_id, _iso(at, zone), stall_code, stall_name, product_code, product_name, quantity,
               unit_price, total, method, reference, seller, terminal,
               _iso(voided_at, zone), voided_by, void_reason)


AWARDS_HEADER = ("category", "title", "title_en", "position", "winner", "detail", "revealed_at")


def export_awards(event: Event, path: Path, include_unrevealed: bool = False) -> int:
    """Write the winners of the revealed categories (of every category with INCLUDE_UNREVEALED, which
    is for an admin only: the winners are sealed until their reveal) to PATH as CSV; the row count.

    One row per winner, in running order; `position` is 1 for the first category of the running
    order; `detail` is an institution's region or an attendee's institution; `revealed_at` is ISO 8601
    in the event's zone, blank for a category not revealed yet. The folder is made if missing.
    """
    return write_csv(path, AWARDS_HEADER, award_rows(event, include_unrevealed))


def award_rows(event: Event, include_unrevealed: bool = False) -> Iterator[tuple]:
    """The awards export's rows: one per winner (a category without a winner gets one blank row)."""
    zone = load_zone(event.time_zone)
    categories = (AwardCategory.select().where(AwardCategory.event == event)
                  .order_by(AwardCategory.position, AwardCategory.id))
    for number, category in enumerate(categories, start=1):
        if category.revealed_at is None and not include_unrevealed:
            continue
        revealed = _iso(category.revealed_at, zone)
        for winner in winners(category.id) or [None]:
            yield (category.code, category.title, category.title_en, number,
                   winner.name if winner else "", winner.detail if winner else "", revealed)
