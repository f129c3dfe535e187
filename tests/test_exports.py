"""Exports carry no formulas: a text cell a spreadsheet would run is written with a leading ' (OWASP's
advice against CSV injection); numbers stay numbers. Files written are private (0660)."""
from __future__ import annotations

import csv
import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.attendees import find_by_code
from kiosk.checkin import check_in_by_hand, list_by_code
from kiosk.context import find_event
from kiosk.exports import CHECKINS_HEADER, SALES_HEADER, export_checkins, export_sales
from kiosk.files import spreadsheet_safe, write_csv
from kiosk.sales import find_product, record_sale, void_sale
from models import Attendee
from tests.helpers import load_small_event

JAKARTA = ZoneInfo("Asia/Jakarta")
FORMULA_NAME = '=HYPERLINK("x")'


def wib(hour: int, minute: int = 0) -> datetime:
    return datetime(2018, 7, 5, hour, minute, tzinfo=JAKARTA)


def read_csv(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


def test_a_checkin_export_defuses_an_attendee_named_like_a_formula(event, tmp_path):
    Attendee.update(name=FORMULA_NAME).where(Attendee.code == "P0001").execute()
    check_in_by_hand(list_by_code(event, "HARI1"), find_by_code(event, "P0001"), "meja", "+62 811 (no badge)",
                     wib(8, 15))

    export_checkins(event, tmp_path / "checkins.csv")

    [row] = read_csv(tmp_path / "checkins.csv")
    assert list(row) == list(CHECKINS_HEADER)
    assert (row["name"], row["reason"]) == ("'" + FORMULA_NAME, "'+62 811 (no badge)")
    assert (row["attendee"], row["at"]) == ("P0001", "2018-07-05T08:15:00+07:00")  # the rest as it was


def test_a_sales_export_defuses_a_reference_and_a_void_reason(event, tmp_path):
    sale = record_sale(find_product(event, "GK-BATIK"), 1, "qris", "-1+1", "sari", "lapak-1", wib(10, 5)).sale
    void_sale(sale, "admin", "@SUM(A1)", wib(10, 10))

    export_sales(event, tmp_path / "sales.csv")

    [row] = read_csv(tmp_path / "sales.csv")
    assert list(row) == list(SALES_HEADER)
    assert (row["reference"], row["void_reason"]) == ("'-1+1", "'@SUM(A1)")
    assert (row["quantity"], row["unit_price"], row["total"]) == ("1", "250000", "250000")


def test_every_risky_first_character_is_defused_and_numbers_are_left_alone(tmp_path):
    cells = ("=1+1", "+1", "-1", "@A1", "\tx", "a=b", "", "2018-07-05T10:05:00+07:00", -5, 250000)

    write_csv(tmp_path / "cells.csv", ("a",) * len(cells), [cells])

    with open(tmp_path / "cells.csv", encoding="utf-8", newline="") as stream:
        _, written = list(csv.reader(stream))
    assert written == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "a=b", "", "2018-07-05T10:05:00+07:00", "-5", "250000"]
    assert spreadsheet_safe("\rx") == "'\rx"


def test_an_export_and_its_new_folder_are_private(tmp_path):
    previous = os.umask(0o022)
    try:
        write_csv(tmp_path / "exports" / "x.csv", ("a",), [("1",)])
    finally:
        os.umask(previous)
    assert (tmp_path / "exports" / "x.csv").stat().st_mode & 0o777 == 0o660
    assert (tmp_path / "exports").stat().st_mode & 0o777 == 0o770
