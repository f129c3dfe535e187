"""The demo's stalls and products, and its invented day of sales recorded through the real use case."""
from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.commands import DEMO_START, DEMO_USERS
from kiosk.context import find_event
from kiosk.demo.sales_day import TERMINAL, seed_demo_sales
from kiosk.importer import import_event
from models import Institution, Product, ProductTotal, Sale, Stall, StallHour, StallTotal

DEMO = Path(str(files("kiosk.demo") / "plm2018"))
WIB = ZoneInfo("Asia/Jakarta")
OPENS = datetime(2018, 7, 5, 10, 0, tzinfo=WIB)
UNTIL = datetime(2018, 7, 5, 14, 30, tzinfo=WIB)


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DEMO / name, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def local(at: datetime) -> datetime:
    return at.replace(tzinfo=timezone.utc).astimezone(WIB)


@pytest.fixture
def demo(sqlite_store):
    import_event(DEMO)
    return find_event()


def test_the_demo_folder_has_about_sixty_stalls_with_three_to_eight_products_each():
    stalls, products = read_csv("stalls.csv"), read_csv("products.csv")
    institutions = {row["code"]: row["kind"] for row in read_csv("institutions.csv")}

    assert 55 <= len(stalls) <= 65
    assert [row["code"] for row in stalls] == [f"L{n:02d}" for n in range(1, len(stalls) + 1)]
    kinds = Counter(institutions[row["institution"]] for row in stalls)
    assert kinds["village-tbm"] > 40 and 1 <= kinds["regency-city"] <= 10 and set(kinds) <= {"village-tbm",
                                                                                             "regency-city"}
    assert {"KAB-GUNUNGKIDUL", "DESA-KEPEK", "DESA-BEJIHARJO"} <= {row["institution"] for row in stalls}
    assert all(row["name"].startswith("Lapak ") and re.fullmatch(r"(Atrium Utama|Atrium Timur|Hall Pameran), "
                                                                  r"[ATH][0-9]{2}", row["location"])
               for row in stalls)
    per_stall = Counter(row["stall"] for row in products)
    assert set(per_stall) == {row["code"] for row in stalls} and min(per_stall.values()) >= 3
    assert max(per_stall.values()) <= 8
    assert len({row["code"] for row in products}) == len(products)
    for row in products:
        assert re.fullmatch(r"[A-Z0-9-]{1,16}", row["code"]) and row["code"].startswith(row["stall"] + "-")
        price = int(row["price"])
        assert 5000 <= price <= 450000 and price % 500 == 0
        assert row["stock"] == "" or 2 <= int(row["stock"]) <= 60
    assert 0 < sum(row["stock"] == "" for row in products) < len(products) / 2


def test_the_demo_seller_is_bound_to_gunungkiduls_stall():
    stall_of = {row["code"]: row["institution"] for row in read_csv("stalls.csv")}

    sellers = [(name, stall) for name, role, _, stall in DEMO_USERS if role == "seller"]

    assert sellers == [("lapak", "L01")] and stall_of["L01"] == "KAB-GUNUNGKIDUL"
    assert DEMO_START == "2018-07-05T14:30"


def test_a_morning_of_sales_up_to_half_past_two_and_nothing_after(demo):
    recorded = seed_demo_sales(demo, UNTIL)

    sales = list(Sale.select(Sale, Stall).join(Stall))
    assert recorded == len(sales)
    times = [local(sale.at) for sale in sales]
    assert min(times) >= OPENS and max(times) <= UNTIL and max(times) > UNTIL - timedelta(minutes=10)
    by_hour = Counter(at.hour for at in times)
    assert sorted(by_hour) == [10, 11, 12, 13, 14]
    assert all(90 <= by_hour[hour] <= 165 for hour in (10, 11, 12, 13)) and 40 <= by_hour[14] <= 90
    methods = Counter(sale.method for sale in sales)
    assert 0.5 < methods["cash"] / len(sales) < 0.7 and 0.2 < methods["qris"] / len(sales) < 0.4
    assert 0.04 < methods["transfer"] / len(sales) < 0.16
    for sale in sales:
        assert sale.seller == sale.stall.code.lower() and sale.terminal == TERMINAL
        assert sale.total == sale.quantity * sale.unit_price and sale.quantity >= 1
        if sale.method == "cash":
            assert sale.reference == ""
        elif sale.method == "qris":
            assert re.fullmatch(r"QRIS-[0-9A-F]{6}", sale.reference)
        else:
            assert sale.reference


def test_running_totals_and_stock_agree_with_the_sales(demo):
    seed_demo_sales(demo, UNTIL)

    revenue, items, count, hourly = Counter(), Counter(), Counter(), Counter()
    sold = Counter()
    for sale in Sale.select().where(Sale.voided_at.is_null()):
        revenue[sale.stall_id] += sale.total
        items[sale.stall_id] += sale.quantity
        count[sale.stall_id] += 1
        hourly[(sale.stall_id, sale.at.replace(minute=0, second=0, microsecond=0))] += sale.total
        sold[sale.product_id] += sale.quantity
    totals = {t.stall_id: (t.revenue, t.items, t.sales) for t in StallTotal.select()}
    assert totals == {stall: (revenue[stall], items[stall], count[stall]) for stall in revenue}
    assert {(h.stall_id, h.hour): h.revenue for h in StallHour.select()} == dict(hourly)
    assert {p.product_id: p.items for p in ProductTotal.select()} == dict(sold)
    imported = {row["code"]: row["stock"] for row in read_csv("products.csv")}
    for product in Product.select():
        if imported[product.code] == "":
            assert product.stock is None
        else:  # never oversold
            assert product.stock == int(imported[product.code]) - sold[product.id] >= 0


def test_gunungkidul_is_among_the_top_three_stalls_but_not_alone(demo):
    seed_demo_sales(demo, UNTIL)

    ranking = list(StallTotal.select(StallTotal, Stall, Institution).join(Stall).join(Institution)
                   .order_by(StallTotal.revenue.desc()))
    institutions = [total.stall.institution.code for total in ranking]
    assert "KAB-GUNUNGKIDUL" in institutions[:3]
    assert len(ranking) > 40  # most stalls have sold something
    first = ranking[0].revenue
    gunungkidul = ranking[institutions.index("KAB-GUNUNGKIDUL")].revenue
    assert gunungkidul < 2 * ranking[3].revenue and first < 2 * ranking[3].revenue  # a race, not a rout


def test_a_second_run_records_nothing_new_and_a_later_one_only_what_is_later(demo):
    first = seed_demo_sales(demo, UNTIL)
    before = {t.stall_id: (t.revenue, t.items, t.sales) for t in StallTotal.select()}

    assert seed_demo_sales(demo, UNTIL) == 0
    assert Sale.select().count() == first
    assert {t.stall_id: (t.revenue, t.items, t.sales) for t in StallTotal.select()} == before

    later = seed_demo_sales(demo, UNTIL + timedelta(hours=1))
    assert 80 <= later <= 180
    new = Sale.select().order_by(Sale.id).offset(first)
    assert all(UNTIL < local(sale.at) <= UNTIL + timedelta(hours=1) for sale in new)


def test_nothing_is_recorded_before_the_stalls_open(demo):
    assert seed_demo_sales(demo, datetime(2018, 7, 5, 9, 59, tzinfo=WIB)) == 0
    assert Sale.select().count() == 0
