"""Stall sales over a real store (SQLite and PostgreSQL): finding products, quantities, recording with
its running totals, retries, stock, voids, real processes selling at once, and the board's figures."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk import i18n
from kiosk.board import board_state, competition_ranks
from kiosk.context import find_event
from kiosk.sales import OutOfStock, SaleError, find_product, parse_quantity, record_sale, void_sale
from models import AuditEntry, Product, ProductTotal, Sale, Stall, StallHour, StallTotal
from tests.helpers import load_small_event

UTC = timezone.utc
JAKARTA = ZoneInfo("Asia/Jakarta")


def wib(hour: int, minute: int = 0, day: int = 5) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=JAKARTA)


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


def product(event, code: str) -> Product:
    return Product.get((Product.event == event) & (Product.code == code))


def stall(event, code: str) -> Stall:
    return Stall.get((Stall.event == event) & (Stall.code == code))


def sell(event, code: str, quantity: int = 1, at: datetime | None = None, method: str = "cash", **options):
    return record_sale(product(event, code), quantity, method, options.pop("reference", ""),
                       options.pop("seller", "sari"), options.pop("terminal", "lapak-1"), at or wib(10), **options)


def totals(event, code: str) -> tuple[int, int, int]:
    total = StallTotal.get(StallTotal.stall == stall(event, code))
    return total.revenue, total.items, total.sales


def hours(event, code: str) -> dict[datetime, tuple[int, int]]:
    """The stall's hourly totals by UTC hour (naive, as stored)."""
    return {row.hour: (row.revenue, row.items)
            for row in StallHour.select().where(StallHour.stall == stall(event, code))}


def product_total(event, code: str) -> tuple[int, int] | None:
    row = ProductTotal.get_or_none(ProductTotal.product == product(event, code))
    return (row.revenue, row.items) if row else None


# --- money --------------------------------------------------------------------------------------


def test_money_is_whole_rupiah_with_indonesian_grouping():
    assert i18n.money(125000) == "Rp 125.000"
    assert i18n.money(0) == "Rp 0"
    assert i18n.money(1250000000) == "Rp 1.250.000.000"
    i18n.set_language("en")
    assert i18n.money(125000) == "Rp 125.000"  # rupiah are written the Indonesian way in English too


# --- finding a product and reading a quantity ---------------------------------------------------


@pytest.mark.parametrize("text", ["GK-BATIK", "P:GK-BATIK", "p:gk-batik", "gk-batik", "  P:GK-BATIK \n"])
def test_find_product_by_label_or_typed_code(event, text):
    found = find_product(event, text)
    assert (found.code, found.price, found.stock) == ("GK-BATIK", 250000, 3)
    assert find_product(event, text, stall(event, "L01")).code == "GK-BATIK"


def test_find_product_refusals(event):
    with pytest.raises(SaleError) as badge:
        find_product(event, "B:P0001:1:ABCDEFGH")
    assert badge.value.key == "error.badge_not_product"
    with pytest.raises(SaleError) as unknown:
        find_product(event, "P:NOPE")
    assert (unknown.value.key, unknown.value.values) == ("error.unknown_product", {"code": "NOPE"})
    with pytest.raises(SaleError) as empty:
        find_product(event, "P:")
    assert empty.value.key == "error.unknown_product"
    with pytest.raises(SaleError) as other:
        find_product(event, "BJ-ANYAM", stall(event, "L01"))
    assert (other.value.key, other.value.values) == ("error.other_stall", {"code": "BJ-ANYAM"})
    assert str(other.value) == "Product BJ-ANYAM belongs to another stall."
    assert other.value.text() == "Produk BJ-ANYAM milik lapak lain."


@pytest.mark.parametrize(("text", "quantity"), [("", 1), ("  ", 1), ("1", 1), (" 7 ", 7), ("999", 999)])
def test_parse_quantity(text, quantity):
    assert parse_quantity(text) == quantity


@pytest.mark.parametrize("text", ["0", "-1", "1.5", "1000", "abc", "1e2", "٣"])
def test_parse_quantity_refuses(text):
    with pytest.raises(SaleError) as refused:
        parse_quantity(text)
    assert (refused.value.key, refused.value.values) == ("error.quantity", {"most": 999})


def test_record_sale_refuses_a_bad_method_or_quantity(event):
    with pytest.raises(SaleError) as method:
        sell(event, "GK-KERIPIK", method="card")
    assert method.value.key == "error.method"
    for quantity in (0, -1, 1000):
        with pytest.raises(SaleError):
            sell(event, "GK-KERIPIK", quantity)
    assert Sale.select().count() == 0
    assert totals(event, "L01") == (0, 0, 0)


# --- recording ----------------------------------------------------------------------------------


def test_recording_moves_stock_and_every_running_total(event):
    first = sell(event, "GK-BATIK", 2, wib(10, 5), "qris", reference=" QR-1 ")
    assert not first.retried
    sale = first.sale
    assert (sale.quantity, sale.unit_price, sale.total, sale.method, sale.reference) == (2, 250000, 500000, "qris",
                                                                                          "QR-1")
    assert (sale.seller, sale.terminal, sale.at, sale.voided_at) == ("sari", "lapak-1",
                                                                     datetime(2018, 7, 5, 3, 5, tzinfo=UTC),
                                                                     None)
    sell(event, "GK-KERIPIK", 3, wib(10, 40), reference="ignored for cash")
    sell(event, "GK-KERIPIK", 1, wib(11, 2))
    sell(event, "BJ-ANYAM", 1, wib(11, 30), "transfer", reference="TRX-9")

    assert product(event, "GK-BATIK").stock == 1
    assert product(event, "GK-KERIPIK").stock is None  # not counted
    assert product(event, "BJ-ANYAM").stock == 0
    assert Sale.get(Sale.product == product(event, "GK-KERIPIK")).reference == ""
    assert totals(event, "L01") == (500000 + 45000 + 15000, 6, 3)
    assert totals(event, "L02") == (85000, 1, 1)
    assert hours(event, "L01") == {datetime(2018, 7, 5, 3, tzinfo=UTC): (545000, 5),
                                   datetime(2018, 7, 5, 4, tzinfo=UTC): (15000, 1)}
    assert hours(event, "L02") == {datetime(2018, 7, 5, 4, tzinfo=UTC): (85000, 1)}
    assert product_total(event, "GK-BATIK") == (500000, 2)
    assert product_total(event, "GK-KERIPIK") == (60000, 4)
    assert product_total(event, "BJ-ANYAM") == (85000, 1)


def test_a_retried_request_is_recorded_once(event):
    first = sell(event, "GK-BATIK", 1, request_id="req-1")
    retry = sell(event, "GK-BATIK", 1, request_id="req-1")
    assert (first.retried, retry.retried) == (False, True)
    assert retry.sale.id == first.sale.id
    assert Sale.select().count() == 1
    assert product(event, "GK-BATIK").stock == 2
    assert totals(event, "L01") == (250000, 1, 1)
    assert product_total(event, "GK-BATIK") == (250000, 1)
    assert sum(revenue for revenue, _ in hours(event, "L01").values()) == 250000


def test_out_of_stock_writes_nothing_unless_the_seller_oversells(event):
    sell(event, "GK-BATIK", 2)
    with pytest.raises(OutOfStock) as short:
        sell(event, "GK-BATIK", 2, request_id="req-short")
    assert short.value.key == "error.out_of_stock"
    assert short.value.values == {"name": "Batik tulis Gunungkidul", "left": 1}
    assert Sale.select().count() == 1
    assert Sale.get_or_none(Sale.request_id == "req-short") is None
    assert product(event, "GK-BATIK").stock == 1
    assert totals(event, "L01") == (500000, 2, 1)
    assert product_total(event, "GK-BATIK") == (500000, 2)

    oversold = sell(event, "GK-BATIK", 2, request_id="req-short", oversell=True)  # the same request, confirmed
    assert not oversold.retried and oversold.sale.quantity == 2
    assert product(event, "GK-BATIK").stock == -1
    assert totals(event, "L01") == (1000000, 4, 2)
    with pytest.raises(OutOfStock) as none_left:
        sell(event, "GK-BATIK", 1)
    assert none_left.value.values["left"] == 0  # never a negative count shown to the seller


def test_a_stall_goes_on_selling_past_two_billion_rupiah(event):
    """Running revenues are 64-bit on every backend (a 32-bit column stopped the stall on PostgreSQL)."""
    sell(event, "GK-BATIK", 1, wib(10, 5))
    almost = 2**31 - 100_000
    assert StallTotal.update(revenue=almost).where(StallTotal.stall == stall(event, "L01")).execute() == 1
    ProductTotal.update(revenue=almost).where(ProductTotal.product == product(event, "GK-BATIK")).execute()
    StallHour.update(revenue=almost).where(StallHour.stall == stall(event, "L01")).execute()
    sell(event, "GK-BATIK", 1, wib(10, 6))
    assert totals(event, "L01")[0] == almost + 250_000
    assert product_total(event, "GK-BATIK") == (almost + 250_000, 2)
    assert list(hours(event, "L01").values()) == [(almost + 250_000, 2)]


def test_void_needs_a_reason_and_restores_stock_and_totals(event):
    kept = sell(event, "GK-BATIK", 1, wib(10, 5), "qris").sale
    wrong = sell(event, "GK-BATIK", 2, wib(11, 10)).sale
    assert product(event, "GK-BATIK").stock == 0

    with pytest.raises(SaleError) as no_reason:
        void_sale(wrong, "admin", "   ", wib(11, 20))
    assert no_reason.value.key == "error.reason"
    assert Sale.get_by_id(wrong.id).voided_at is None

    voided = void_sale(wrong, "admin", " wrong quantity ", wib(11, 20))
    assert (voided.voided_at, voided.voided_by, voided.void_reason) == (datetime(2018, 7, 5, 4, 20, tzinfo=UTC), "admin",
                                                                        "wrong quantity")
    assert product(event, "GK-BATIK").stock == 2
    assert totals(event, "L01") == (250000, 1, 1)
    assert hours(event, "L01") == {datetime(2018, 7, 5, 3, tzinfo=UTC): (250000, 1),
                                   datetime(2018, 7, 5, 4, tzinfo=UTC): (0, 0)}
    assert product_total(event, "GK-BATIK") == (250000, 1)
    assert Sale.select().count() == 2  # the voided sale is kept

    with pytest.raises(SaleError) as again:
        void_sale(wrong, "admin", "twice", wib(11, 30))
    assert again.value.key == "error.already_void"
    assert Sale.get_by_id(wrong.id).void_reason == "wrong quantity"
    assert product(event, "GK-BATIK").stock == 2
    assert totals(event, "L01") == (250000, 1, 1)

    audit = [(entry.actor, entry.action, entry.subject, entry.detail)
             for entry in AuditEntry.select().where(AuditEntry.action == "sale.void")]
    assert audit == [("admin", "sale.void", str(wrong.id), "GK-BATIK x2: wrong quantity")]
    assert Sale.get_by_id(kept.id).voided_at is None


def test_voiding_an_uncounted_product_leaves_its_stock_uncounted(event):
    sale = sell(event, "GK-KERIPIK", 5).sale
    void_sale(sale, "admin", "test sale", wib(10, 30))
    assert product(event, "GK-KERIPIK").stock is None
    assert totals(event, "L01") == (0, 0, 0)


# --- real processes at once ---------------------------------------------------------------------

SELLER = """
import os, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from kiosk.store import open_store
from kiosk.context import find_event
from kiosk.sales import OutOfStock, find_product, record_sale
url, code, count, gate, terminal = sys.argv[1:6]
open_store(url)
item = find_product(find_event(), code)
now = datetime(2018, 7, 5, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
open(os.path.join(gate, "ready-" + terminal), "w").close()
while not os.path.exists(os.path.join(gate, "go")):  # every process starts selling at the same moment
    time.sleep(0.002)
sold = short = 0
for _ in range(int(count)):
    try:
        record_sale(item, 1, "cash", "", "racer", terminal, now)
        sold += 1
    except OutOfStock:
        short += 1
print(sold, short)
"""


def race(store, tmp_path, code: str, processes: int, each: int) -> list[tuple[int, int]]:
    """PROCESSES real processes, each selling EACH of product CODE one at a time, released together."""
    import time

    gate = tmp_path / "gate"
    gate.mkdir()
    racers = [subprocess.Popen([sys.executable, "-c", SELLER, store.url, code, str(each), str(gate), f"lapak-{k}"],
                               stdout=subprocess.PIPE, text=True) for k in range(processes)]
    deadline = time.monotonic() + 60
    while len(list(gate.glob("ready-*"))) < processes and time.monotonic() < deadline:
        if any(racer.poll() is not None for racer in racers):
            break  # one failed before it was ready: its exit code is checked below
        time.sleep(0.01)
    (gate / "go").touch()
    results = [tuple(map(int, racer.communicate(timeout=180)[0].split())) for racer in racers]
    assert all(racer.returncode == 0 for racer in racers)
    return results


def test_two_processes_selling_the_last_item_at_once_sell_it_once(event, store, tmp_path):
    results = race(store, tmp_path, "BJ-ANYAM", processes=2, each=1)
    assert sorted(results) == [(0, 1), (1, 0)]
    assert product(event, "BJ-ANYAM").stock == 0
    assert Sale.select().count() == 1
    assert totals(event, "L02") == (85000, 1, 1)


def test_eight_processes_selling_400_record_400_and_exact_totals(event, store, tmp_path):
    results = race(store, tmp_path, "GK-KERIPIK", processes=8, each=50)
    assert results == [(50, 0)] * 8
    assert Sale.select().count() == 400
    assert len({sale.request_id for sale in Sale.select()}) == 400
    assert totals(event, "L01") == (400 * 15000, 400, 400)
    assert product_total(event, "GK-KERIPIK") == (400 * 15000, 400)
    assert hours(event, "L01") == {datetime(2018, 7, 5, 3, tzinfo=UTC): (400 * 15000, 400)}


# --- the board ----------------------------------------------------------------------------------


def test_competition_ranks():
    assert competition_ranks([]) == []
    assert competition_ranks([9, 9, 5]) == [1, 1, 3]
    assert competition_ranks([9, 5, 5, 1]) == [1, 2, 2, 4]
    assert competition_ranks([0, 0, 0]) == [1, 1, 1]


@pytest.fixture
def third_stall(event):
    """L03 with one uncounted product, and its (empty) running total as the importer would make it."""
    extra = Stall.create(event=event, code="L03", name="Lapak Kulon Progo")
    StallTotal.create(stall=extra)
    Product.create(event=event, stall=extra, code="KP-GEBLEK", name="Geblek", price=85000)
    return extra


def test_board_ranks_ties_together_and_shows_the_movement_since_the_hour_began(event, third_stall):
    # Before 11:00: L01 leads (250.000), L03 second (85.000), L02 nothing yet.
    sell(event, "GK-BATIK", 1, wib(9, 40), "qris")
    sell(event, "KP-GEBLEK", 1, wib(10, 15))
    # In the 11:00 hour: L02 sells its only bag and draws level with L03; L01 sells a keripik.
    sell(event, "BJ-ANYAM", 1, wib(11, 5), "transfer")
    sell(event, "GK-KERIPIK", 2, wib(11, 20))

    state = board_state(event, wib(11, 30), JAKARTA)

    assert (state.revenue, state.items) == (250000 + 85000 + 85000 + 30000, 5)
    assert [(r.rank, r.code, r.revenue, r.items, r.movement, r.sold_out) for r in state.ranking] == [
        (1, "L01", 280000, 3, 0, 0),
        (2, "L02", 85000, 1, 1, 1),  # from 3rd to a shared 2nd: one place up; its only bag is sold out
        (2, "L03", 85000, 1, 0, 0),  # tied (ties in code order), no place lost
    ]
    assert state.ranking[0].institution == "Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul"
    assert state.ranking[2].institution == ""

    # L02 oversells (the seller confirmed): second place alone, and its stock below zero still reads sold out.
    sell(event, "BJ-ANYAM", 1, wib(11, 45), oversell=True)
    state = board_state(event, wib(11, 50), JAKARTA)
    assert [(r.rank, r.code, r.revenue, r.movement, r.sold_out) for r in state.ranking] == [
        (1, "L01", 280000, 0, 0),
        (2, "L02", 170000, 1, 1),
        (3, "L03", 85000, -1, 0),  # second before 11:00, third now
    ]


def test_board_ranking_1_1_3(event, third_stall):
    sell(event, "GK-KERIPIK", 1, wib(9, 0))  # L01 15.000 before the hour
    sell(event, "BJ-ANYAM", 1, wib(10, 5))  # L02 85.000 this hour
    sell(event, "KP-GEBLEK", 1, wib(10, 10))  # L03 85.000 this hour
    state = board_state(event, wib(10, 30), JAKARTA)
    assert [(r.rank, r.code, r.movement) for r in state.ranking] == [
        (1, "L02", 1),  # second (shared, with nothing) before 10:00, now first (shared)
        (1, "L03", 1),
        (3, "L01", -2),  # it led alone before 10:00, now third
    ]
    state = board_state(event, wib(11, 0), JAKARTA)  # a new hour: nobody has moved within it
    assert [(r.rank, r.code, r.movement) for r in state.ranking] == [(1, "L02", 0), (1, "L03", 0), (3, "L01", 0)]


def test_board_counts_sold_out_products_per_stall(event):
    state = board_state(event, wib(10), JAKARTA)
    assert [(r.code, r.sold_out) for r in state.ranking] == [("L01", 0), ("L02", 0)]
    sell(event, "GK-BATIK", 3)
    sell(event, "BJ-ANYAM", 1)
    sell(event, "GK-KERIPIK", 50)  # uncounted stock never sells out
    state = board_state(event, wib(10, 30), JAKARTA)
    assert {r.code: r.sold_out for r in state.ranking} == {"L01": 1, "L02": 1}
    void_sale(Sale.get(Sale.product == product(event, "BJ-ANYAM")), "admin", "returned", wib(10, 40))
    state = board_state(event, wib(10, 45), JAKARTA)
    assert {r.code: r.sold_out for r in state.ranking} == {"L01": 1, "L02": 0}


def test_board_recent_sales_hourly_series_and_top_products(event):
    sell(event, "GK-KERIPIK", 2, wib(9, 10))
    wrong = sell(event, "GK-BATIK", 1, wib(9, 50), "qris").sale
    sell(event, "BJ-ANYAM", 1, wib(12, 5), "transfer")
    sell(event, "GK-KERIPIK", 1, wib(12, 30))
    void_sale(wrong, "admin", "wrong product", wib(12, 40))

    state = board_state(event, wib(12, 45), JAKARTA)

    assert [(s.at, s.stall, s.product, s.quantity, s.total, s.voided) for s in state.recent] == [
        (wib(12, 30), "Lapak Gunungkidul", "Keripik belalang", 1, 15000, False),
        (wib(12, 5), "Lapak Bejiharjo", "Tas anyaman pandan", 1, 85000, False),
        (wib(9, 50), "Lapak Gunungkidul", "Batik tulis Gunungkidul", 1, 250000, True),
        (wib(9, 10), "Lapak Gunungkidul", "Keripik belalang", 2, 30000, False),
    ]
    assert all(s.at.tzinfo is not None and s.at.utcoffset().total_seconds() == 7 * 3600 for s in state.recent)
    # Every hour from the first sale to the last, in the event's zone, quiet hours as zero; the void
    # takes the batik off the hour it was sold in.
    assert state.hourly == [(wib(9), 30000), (wib(10), 0), (wib(11), 0), (wib(12), 100000)]
    assert state.top_products == [
        ("Tas anyaman pandan", "Lapak Bejiharjo", 1, 85000),
        ("Keripik belalang", "Lapak Gunungkidul", 3, 45000),
    ]  # the voided batik has no revenue left, so it is not a top product
    assert (state.revenue, state.items) == (130000, 4)


def test_board_hourly_series_is_today_up_to_the_current_hour(event):
    sell(event, "GK-KERIPIK", 2, wib(19, 40))  # day 1's evening
    assert board_state(event, wib(8, 30, day=6), JAKARTA).hourly == []  # day 2, before its first sale
    sell(event, "BJ-ANYAM", 1, wib(10, 15, day=6))
    # Day 2 from its first sale to now: no evening of day 1, no night of zeros, the quiet hour since.
    assert board_state(event, wib(11, 30, day=6), JAKARTA).hourly == [(wib(10, day=6), 85000), (wib(11, day=6), 0)]
    assert board_state(event, wib(20, 5), JAKARTA).hourly == [(wib(19), 30000), (wib(20), 0)]


def test_board_of_an_event_without_sales(event):
    state = board_state(event, wib(10), JAKARTA)
    assert (state.revenue, state.items, state.recent, state.hourly, state.top_products) == (0, 0, [], [], [])
    assert [(r.rank, r.code, r.movement) for r in state.ranking] == [(1, "L01", 0), (1, "L02", 0)]


def test_recent_sales_are_the_newest_twelve(event):
    from kiosk.board import RECENT

    for minute in range(RECENT + 3):
        sell(event, "GK-KERIPIK", 1, wib(10, minute))
    state = board_state(event, wib(10, 30), JAKARTA)
    assert [s.at for s in state.recent] == [wib(10, minute) for minute in range(RECENT + 2, 2, -1)]


# --- replays after a store failure, and what the selling screen reads ------------------------------


def test_a_replayed_sale_that_meets_short_stock_is_recorded_and_flagged(event):
    from models.sales import PAST_STOCK

    sell(event, "GK-BATIK", 2)
    replayed = sell(event, "GK-BATIK", 3, wib(10, 5), request_id="req-late", replayed=True)
    assert not replayed.retried and replayed.sale.flag == PAST_STOCK
    stored = Sale.get(Sale.request_id == "req-late")
    assert (stored.quantity, stored.flag, stored.at) == (3, PAST_STOCK, datetime(2018, 7, 5, 3, 5, tzinfo=UTC))
    assert product(event, "GK-BATIK").stock == -2
    assert totals(event, "L01") == (5 * 250000, 5, 2)
    assert product_total(event, "GK-BATIK") == (5 * 250000, 5)
    # A replay with stock enough, an uncounted product, or an oversell the seller confirmed: no flag.
    assert sell(event, "GK-KERIPIK", 4, replayed=True).sale.flag == ""
    assert sell(event, "BJ-ANYAM", 1, replayed=True).sale.flag == ""
    assert sell(event, "BJ-ANYAM", 1, oversell=True).sale.flag == ""
    assert Sale.get(Sale.request_id != "req-late", Sale.product == product(event, "BJ-ANYAM")).flag == ""


def test_a_replay_of_a_sale_already_recorded_records_nothing(event):
    sell(event, "GK-BATIK", 3, request_id="req-1")  # the last three: the reply was lost
    again = sell(event, "GK-BATIK", 3, request_id="req-1", replayed=True)
    assert again.retried and again.sale.flag == ""
    assert Sale.select().count() == 1
    assert product(event, "GK-BATIK").stock == 0
    assert totals(event, "L01") == (750000, 3, 1)


def test_what_the_selling_screen_reads_and_checks(event):
    from kiosk.sales import pick_product, stall_sales

    l01 = stall(event, "L01")
    sell(event, "GK-BATIK", 1, wib(9, 0), "qris", reference="QR-9")
    wrong = sell(event, "GK-KERIPIK", 2, wib(9, 30)).sale
    void_sale(wrong, "sari", "typo", wib(9, 31))
    sell(event, "GK-BATIK", 3, wib(10, 0), replayed=True)  # past the stock: flagged
    sell(event, "GK-KERIPIK", 1, wib(8, 0, day=6))  # another day
    view = stall_sales(event, l01.id, wib(12).date(), JAKARTA, limit=10)

    assert (view.code, view.name, view.count, view.total, view.flagged) == ("L01", "Lapak Gunungkidul", 2, 1000000, 1)
    assert [(p.code, p.price, p.stock) for p in view.products] == [("GK-BATIK", 250000, -1), ("GK-KERIPIK", 15000, None)]
    assert view.other_codes == {"BJ-ANYAM"}
    assert [(s.at, s.product, s.quantity, s.total, s.method, s.reference, s.voided, s.flag) for s in view.latest] == [
        (wib(10, 0), "Batik tulis Gunungkidul", 3, 750000, "cash", "", False, "past_stock"),
        (wib(9, 30), "Keripik belalang", 2, 30000, "cash", "", True, ""),
        (wib(9, 0), "Batik tulis Gunungkidul", 1, 250000, "qris", "QR-9", False, ""),
    ]
    assert view.latest[1].voided_by == "sari" and view.latest[1].void_reason == "typo"
    assert len(stall_sales(event, l01.id, wib(12).date(), JAKARTA, limit=2).latest) == 2

    assert pick_product(view, " p:gk-batik ").code == "GK-BATIK"
    for text, key in [("BJ-ANYAM", "error.other_stall"), ("NOPE", "error.unknown_product"),
                      ("B:P0001:1:AAAA", "error.badge_not_product"), ("P:", "error.unknown_product")]:
        with pytest.raises(SaleError) as refused:
            pick_product(view, text)
        assert refused.value.key == key
    with pytest.raises(SaleError) as gone:
        stall_sales(event, 9999, wib(12).date(), JAKARTA, limit=10)
    assert gone.value.key == "error.no_stall"


def test_a_void_replayed_after_its_reply_was_lost_is_not_refused(event):
    from kiosk.sales import void_sale_by_id

    sale = sell(event, "GK-BATIK", 1).sale
    first = void_sale_by_id(sale.id, "sari", "typo", wib(10, 30))
    again = void_sale_by_id(sale.id, "sari", "typo", wib(10, 30), replayed=True)
    assert first.voided and again.voided and again.id == sale.id
    assert product(event, "GK-BATIK").stock == 3 and totals(event, "L01") == (0, 0, 0)
    with pytest.raises(SaleError) as twice:
        void_sale_by_id(sale.id, "budi", "another", wib(10, 40), replayed=True)
    assert twice.value.key == "error.already_void"


def test_an_older_store_gains_the_sale_flag_keeping_its_sales(store_url):
    """A store of schema 6 with a sale: migrated, the sale is kept, unflagged; a raw insert without
    the new column still works (the store's own default)."""
    from playhouse.migrations import Runner

    from kiosk.store import MIGRATIONS_DIR, close_store, make_database, open_store

    old = make_database(store_url)
    Runner(old, str(MIGRATIONS_DIR)).up(target="0006_login_attempts")
    p = old.param
    old.execute_sql(f"INSERT INTO event (slug, name, name_en, time_zone, days, languages, badge_secret) "
                    f"VALUES ('old', 'Lama', '', 'Asia/Jakarta', '2018-07-05', 'id', {p})", ("s" * 64,))
    old.execute_sql("INSERT INTO stall (event_id, code, name, location) VALUES (1, 'L1', 'Lapak', '')")
    old.execute_sql("INSERT INTO product (event_id, stall_id, code, name, price, stock) "
                    "VALUES (1, 1, 'K1', 'Kopi', 1000, 5)")
    sale_sql = ("INSERT INTO sale (stall_id, product_id, quantity, unit_price, total, method, reference, at, seller, "
                "terminal, request_id, voided_by, void_reason) VALUES (1, 1, 1, 1000, 1000, 'cash', '', {p}, 's', "
                "'t', {p}, '', '')").format(p=p)
    old.execute_sql(sale_sql, (datetime(2018, 7, 5, 3), "old-1"))
    old.close()

    open_store(store_url)
    from models import database

    database.execute_sql(sale_sql, (datetime(2018, 7, 5, 4), "raw-2"))
    assert [(s.request_id, s.flag) for s in Sale.select().order_by(Sale.id)] == [("old-1", ""), ("raw-2", "")]
    close_store()
