"""Selling at a stall and the live board, through Pilot and real processes."""
import subprocess
import sys
import time

import pytest

from kiosk.staff import add_user
from models import AuditEntry, Product, Sale, Stall, StaffUser
from screens.board import BoardScreen
from screens.login import LoginScreen
from screens.sell import SellScreen, open_sell
from tests.helpers import (
    ADMIN_PIN, load_small_event, make_app, scan_burst, still, wait_for_notice, wait_for_text,
)

SELL_IN_ANOTHER_PROCESS = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from kiosk.store import open_store
from kiosk.context import find_event
from kiosk.sales import find_product, record_sale
open_store(sys.argv[1])
product = find_product(find_event(), "GK-KERIPIK")
record_sale(product, 4, "qris", "QRIS-1", "lapak", "other", datetime(2018, 7, 5, 8, 20, tzinfo=ZoneInfo("Asia/Jakarta")))
"""


@pytest.fixture
def stall_store(sqlite_store):
    load_small_event()
    add_user("lapak", "seller", "3333", stall=Stall.get(Stall.code == "L01"))
    return sqlite_store


def sell_app(store, stall_code: str = "L01"):
    user = StaffUser.get(StaffUser.name == "lapak")
    return make_app(store, lambda: SellScreen(user, Stall.get(Stall.code == stall_code).id))


async def test_a_scanned_label_is_sold_and_counted(stall_store):
    app = sell_app(stall_store)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, "p:gk-keripik")
        text = await wait_for_text(pilot, "hari ini 1 penjualan · Rp 15.000")
        assert "Keripik belalang" in text
    sale = Sale.get()
    assert (sale.quantity, sale.total, sale.method, sale.seller) == (1, 15000, "cash", "lapak")


async def test_quantity_method_and_reference(stall_store):
    app = sell_app(stall_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")  # cash -> QRIS
        await wait_for_text(pilot, "Bayar: QRIS")
        await pilot.press(*"GK-KERIPIK", "tab", "backspace", "3", "tab", *"QR123", "enter")
        await wait_for_text(pilot, "Rp 45.000")
    sale = Sale.get()
    assert (sale.quantity, sale.total, sale.method, sale.reference) == (3, 45000, "qris", "QR123")


@pytest.mark.parametrize("typed, message", [
    ("NOPE-1", "Produk 'NOPE-1' tidak dikenal."),
    ("B:P0001:1:AAAAAAAAAAAAAAAA", "Itu badge peserta, bukan label produk."),
    ("BJ-ANYAM", "Produk BJ-ANYAM milik lapak lain."),
])
async def test_bad_codes_are_refused_and_nothing_is_recorded(stall_store, typed, message):
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        scan_burst(app, typed)
        await wait_for_notice(pilot, message)
    assert Sale.select().count() == 0


async def test_selling_past_the_stock_asks_first(stall_store):
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"GK-BATIK", "tab", "backspace", "5", "enter")
        await wait_for_text(pilot, "Stok Batik tulis Gunungkidul tinggal 3.")
        await pilot.press("n")
        assert Sale.select().count() == 0
        await pilot.press("enter")
        await wait_for_text(pilot, "Tetap jual?")
        await pilot.press("y")
        await wait_for_text(pilot, "Rp 1.250.000")
    assert Product.get(Product.code == "GK-BATIK").stock == -2
    assert Sale.select().count() == 1


async def test_void_the_selected_sale(stall_store):
    app = sell_app(stall_store)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, "GK-KERIPIK")
        await wait_for_text(pilot, "1 penjualan")
        await pilot.press("f3")
        await pilot.press(*"salah scan", "enter")
        await wait_for_text(pilot, "hari ini 0 penjualan · Rp 0")
    sale = Sale.get()
    assert sale.voided_by == "lapak" and sale.void_reason == "salah scan"
    assert AuditEntry.get(AuditEntry.action == "sale.void").actor == "lapak"


async def test_only_sellers_and_admins_may_sell(stall_store):
    add_user("meja2", "desk", "1111")
    app = make_app(stall_store, lambda: LoginScreen(after_login=open_sell))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"meja2", "enter", *"1111", "enter")
        await wait_for_text(pilot, "Peran meja registrasi tidak bisa membuka layar ini.")
        assert isinstance(app.screen, LoginScreen)


async def test_an_admin_picks_the_stall(stall_store):
    app = make_app(stall_store, lambda: LoginScreen(after_login=open_sell))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"admin", "enter", *ADMIN_PIN, "enter")
        await wait_for_text(pilot, "Pilih lapak")
        await pilot.press("down", "enter")
        await wait_for_text(pilot, "Lapak Bejiharjo · hari ini 0 penjualan")


async def test_a_sale_in_another_process_shows_on_the_board(stall_store, sqlite_url):
    """How soon: tests/bench (sales board, directory.refresh_on_screen), not a timed assertion here."""
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_text(pilot, "Lapak Gunungkidul")
        subprocess.run([sys.executable, "-c", SELL_IN_ANOTHER_PROCESS, sqlite_url], check=True)
        text = await wait_for_text(pilot, "Rp 60.000", seconds=10)
        assert "4× Keripik belalang" in text  # the latest sales
        assert text.index("Lapak Gunungkidul") < text.index("Lapak Bejiharjo")  # now first


async def test_the_days_slip(stall_store):
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        scan_burst(app, "GK-KERIPIK")
        await wait_for_text(pilot, "1 penjualan")
        await pilot.press("f5")
        scan_burst(app, "GK-BATIK")
        await wait_for_text(pilot, "2 penjualan")
        await pilot.press("f3", *"keliru", "enter")  # voids the newest: the batik
        await wait_for_text(pilot, "1 penjualan · Rp 15.000")
        await pilot.press("f4")
        text = await wait_for_text(pilot, "Rekap Lapak Gunungkidul, Kamis, 5 Juli 2018")
        assert "1 penjualan, 1 item" in text and "Total: Rp 15.000" in text
        assert "Tunai: Rp 15.000" in text and "QRIS: Rp 0" in text
        assert "Batik tulis Gunungkidul ×1 Rp 250.000, dibatalkan oleh lapak: keliru" in text


# --- one sale, one record: lost replies, a failing store, refusals, stock --------------------------

from datetime import datetime, timedelta, timezone  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from peewee import OperationalError  # noqa: E402

import kiosk.sales  # noqa: E402
from kiosk.clock import Clock  # noqa: E402
from models import StallTotal  # noqa: E402
from models.sales import PAST_STOCK  # noqa: E402

JAKARTA = ZoneInfo("Asia/Jakarta")


class SteppedClock(Clock):
    """The event clock stopped at a moment that a test moves on."""

    def __init__(self, start: datetime):
        super().__init__(JAKARTA, start, frozen=True)

    def advance(self, minutes: int) -> None:
        self._start += timedelta(minutes=minutes)


@pytest.fixture
def any_stall_store(store):
    """The small event with its seller, on SQLite and on PostgreSQL."""
    load_small_event()
    add_user("lapak", "seller", "3333", stall=Stall.get(Stall.code == "L01"))
    return store


def flaky_record_sale(monkeypatch, fail: int = 1, after_commit: bool = False) -> list[bool]:
    """kiosk.sales.record_sale raising a store error on its first FAIL calls, before it writes or (AFTER_COMMIT)
    once the sale is committed, as when the reply is lost; the `replayed` flag of every call."""
    real, calls = kiosk.sales.record_sale, []

    def flaky(*args, **kwargs):
        calls.append(kwargs.get("replayed", False))
        if len(calls) <= fail and not after_commit:
            raise OperationalError("database is locked")
        result = real(*args, **kwargs)
        if len(calls) <= fail:
            raise OperationalError("server closed the connection unexpectedly")
        return result

    monkeypatch.setattr(kiosk.sales, "record_sale", flaky)
    return calls


async def test_a_sale_whose_reply_was_lost_is_recorded_once(any_stall_store, monkeypatch):
    calls = flaky_record_sale(monkeypatch, fail=1, after_commit=True)
    app = sell_app(any_stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"GK-BATIK", "enter")
        text = await wait_for_text(pilot, "hari ini 1 penjualan · Rp 250.000")
        assert "menunggu" not in text
        assert app.writer.drain(2)
    assert calls == [False, True]  # tried, then replayed with the same request id
    assert Sale.select().count() == 1
    assert Product.get(Product.code == "GK-BATIK").stock == 2
    total = StallTotal.get(StallTotal.stall == Stall.get(Stall.code == "L01"))
    assert (total.revenue, total.items, total.sales) == (250000, 1, 1)


async def test_sales_made_while_the_store_fails_are_recorded_once_in_order_at_their_moments(
        any_stall_store, monkeypatch):
    calls = flaky_record_sale(monkeypatch, fail=2)
    app = sell_app(any_stall_store)
    clock = app.context.clock = SteppedClock(datetime(2018, 7, 5, 8, 15, tzinfo=JAKARTA))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "hari ini 0 penjualan")
        await pilot.press(*"GK-KERIPIK", "tab", "backspace", "2", "enter")
        text = await wait_for_text(pilot, "1 menunggu dicatat")
        assert "menunggu" in text.split("Jam")[-1]  # the sale's row says it waits
        assert app.screen.query_one("#sell-code").value == ""  # the entry is free for the next sale
        clock.advance(3)
        await pilot.press(*"GK-BATIK", "enter")  # the seller sells on meanwhile
        await wait_for_text(pilot, "hari ini 2 penjualan · Rp 280.000", seconds=6)
        assert app.writer.drain(2)
    # the first sale tried three times; the second once (replayed only if it waited behind a failure)
    assert calls[:3] == [False, True, True] and len(calls) == 4
    sales = [(s.product.code, s.quantity, s.at) for s in Sale.select().order_by(Sale.id)]
    assert sales == [("GK-KERIPIK", 2, datetime(2018, 7, 5, 1, 15, tzinfo=timezone.utc)),
                     ("GK-BATIK", 1, datetime(2018, 7, 5, 1, 18, tzinfo=timezone.utc))]  # stored in UTC
    assert Product.get(Product.code == "GK-BATIK").stock == 2


@pytest.mark.parametrize("typed", ["1.5", "-1", "abc", "0", "1000", "1e2"])
async def test_a_quantity_that_is_not_a_whole_number_from_1_to_999_is_refused(stall_store, typed):
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "hari ini 0 penjualan")
        await pilot.press(*"GK-KERIPIK", "tab", "backspace", *typed, "enter")
        await wait_for_notice(pilot, "Jumlah harus bilangan bulat 1 sampai 999.")
        assert app.screen.query_one("#sell-quantity").value == typed  # as typed: nothing dropped, so 1.5 is not 15
        assert app.screen.query_one("#sell-code").value == "GK-KERIPIK"  # the entry is kept to mend
        assert app.writer.waiting() == []
    assert Sale.select().count() == 0


async def test_an_unknown_code_keeps_the_entry(stall_store):
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "hari ini 0 penjualan")
        await pilot.press(*"GK-KERIPIX", "enter")
        await wait_for_notice(pilot, "Produk 'GK-KERIPIX' tidak dikenal.")
        assert app.screen.query_one("#sell-code").value == "GK-KERIPIX"
        await pilot.press("backspace", "K", "enter")
        await wait_for_text(pilot, "hari ini 1 penjualan · Rp 15.000")
    assert Sale.select().count() == 1


async def test_yes_to_selling_past_the_stock_sends_the_same_request_again(stall_store, monkeypatch):
    real, request_ids = kiosk.sales.record_sale, []

    def watched(*args, **kwargs):
        request_ids.append((args[7], kwargs["oversell"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(kiosk.sales, "record_sale", watched)
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "hari ini 0 penjualan")
        await pilot.press(*"GK-BATIK", "tab", "backspace", "5", "enter")
        await wait_for_text(pilot, "Tetap jual?")
        await pilot.press("y")
        await wait_for_text(pilot, "hari ini 1 penjualan · Rp 1.250.000")
    (first, short), (again, oversold) = request_ids
    assert first == again and (short, oversold) == (False, True)
    assert Sale.get().flag == ""  # the seller chose it: nothing to flag


async def test_a_sale_replayed_after_the_stock_ran_out_is_recorded_and_flagged(stall_store, monkeypatch, capsys):
    calls = flaky_record_sale(monkeypatch, fail=1)
    app = sell_app(stall_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "hari ini 0 penjualan")
        await pilot.press(*"GK-BATIK", "tab", "backspace", "5", "enter")  # 3 left: the store fails first
        text = await wait_for_text(pilot, "hari ini 1 penjualan · Rp 1.250.000")
        assert "Tetap jual?" not in text  # the money was taken: nobody is asked
        assert "lewat stok" in text  # the sale's row
        await wait_for_notice(pilot, "walau stok sudah habis: hitung stoknya")
        await pilot.press("f4")
        text = await wait_for_text(pilot, "Terjual melewati stok")
        assert "Terjual melewati stok (1), hitung stoknya:" in text
        assert "08:15 Batik tulis Gunungkidul ×5 Rp 1.250.000, dijual oleh lapak" in text
    assert calls == [False, True]
    sale = Sale.get()
    assert (sale.quantity, sale.flag) == (5, PAST_STOCK)
    assert Product.get(Product.code == "GK-BATIK").stock == -2

    from kiosk import cli
    from kiosk.store import close_store

    close_store()
    capsys.readouterr()
    assert cli.main(["--db", stall_store.url, "--lang", "en", "report", "sales", "--day", "2018-07-05",
                     "--stall", "L01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2:9] == [
        "L01  Lapak Gunungkidul",
        "  1 sale, 5 items: Rp 1.250.000",
        "  Cash      Rp 1.250.000",
        "  QRIS              Rp 0",
        "  Transfer          Rp 0",
        "  1 sale past the stock (recorded after a store failure; count the stock):",
        "    08:15  GK-BATIK Batik tulis Gunungkidul x5  Rp 1.250.000  sold by lapak",
    ]


# --- the board on big and small screens ------------------------------------------------------------

import re  # noqa: E402

from kiosk.context import find_event  # noqa: E402
from kiosk.sales import find_product, record_sale, void_sale  # noqa: E402
from screens.board import Ranking  # noqa: E402

BAR_CELLS = {"▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8}
BAR = re.compile("[" + "".join(BAR_CELLS) + "]+")
LONG_NAME = ("Perpustakaan Desa Bontolempangan Mandiri Sejahtera Kecamatan Bontolempangan Kabupaten Gowa "
             "Sulawesi")[:100]


def board_region(app, selector: str) -> str:
    """The screen's lines inside the widget SELECTOR."""
    region = app.screen.query_one(selector).region
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.crop(region.x, region.right).text for strip in strips[region.y:region.bottom])


def bar_eighths(line: str) -> int:
    """The length of the bar drawn on LINE, in eighths of a cell (0: none)."""
    runs = BAR.findall(line)
    return max((sum(BAR_CELLS[c] for c in run) for run in runs), default=0)


def add_stall(event, code: str, name: str, price: int, sold: int) -> None:
    """A stall CODE with one product at PRICE, SOLD of it sold at 09:30 (in one sale)."""
    stall = Stall.create(event=event, code=code, name=name)
    StallTotal.create(stall=stall)
    product = Product.create(event=event, stall=stall, code=f"{code}-P", name=f"Produk {code}", price=price)
    record_sale(product, sold, "cash", "", "lapak", "t1", datetime(2018, 7, 5, 9, 30, tzinfo=JAKARTA), f"add-{code}")


def board_sales(event) -> None:
    """The snapshots' sales: L01 Rp 295.000 (one keripik sale voided), L02 Rp 85.000 and sold out."""
    sales = [("GK-KERIPIK", 3, 9), ("BJ-ANYAM", 1, 10), ("GK-BATIK", 1, 11), ("GK-KERIPIK", 2, 11)]
    recorded = [record_sale(find_product(event, code), quantity, "cash", "", "lapak", "t1",
                            datetime(2018, 7, 5, hour, 10, tzinfo=JAKARTA), f"board-{n}")
                for n, (code, quantity, hour) in enumerate(sales)]
    void_sale(recorded[-1].sale, "lapak", "keliru", datetime(2018, 7, 5, 11, 12, tzinfo=JAKARTA))


async def test_at_200x60_each_stall_has_a_bar_as_long_as_its_revenue(stall_store):
    event = find_event()
    board_sales(event)
    add_stall(event, "L03", "Lapak Kulon Progo", 20000, 7)  # Rp 140.000
    add_stall(event, "L04", "Lapak Sleman", 5000, 1)  # Rp 5.000
    revenue = {"Lapak Gunungkidul": 295000, "Lapak Kulon Progo": 140000, "Lapak Bejiharjo": 85000,
               "Lapak Sleman": 5000}
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for_text(pilot, "Lapak Sleman")
        lines = board_region(app, "#board-ranking").splitlines()
        bars = {name: bar_eighths(next(line for line in lines if name in line)) for name in revenue}
        leader = bars["Lapak Gunungkidul"]
        assert leader > 40 * 8  # the leader's bar fills a wide column
        for name, amount in revenue.items():  # to the eighth of a cell
            assert abs(bars[name] - amount * leader / 295000) <= 1, (name, bars)
        height = app.screen.query_one(Ranking).row_height()  # few stalls: tall rows, a line free below each bar
        assert height > 2 and sum(1 for line in lines if bar_eighths(line)) == 4 * (height - 1)
        assert [line.split()[0] for line in lines if any(name in line for name in revenue)] == ["1", "2", "3", "4"]
        assert "HABIS" in next(line for line in lines if "Lapak Bejiharjo" in line)


async def test_at_200x60_the_revenue_per_hour_has_axes(stall_store):
    board_sales(find_event())
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for_text(pilot, r"(?m)11:00 *$")
        chart = board_region(app, "#board-chart").splitlines()
        assert re.fullmatch(r"\s*09:00\s+10:00\s+11:00\s*", chart[-1])  # the hours under the bars
        assert re.match(r"\s*Rp 0└─+", chart[-2])  # the x axis, at zero
        ticks = [int(re.sub(r"\D", "", line.split("┤")[0])) for line in chart if "┤" in line]
        step = ticks[-1]  # rupiah up the y axis, in even steps, to 11:00's 250.000 or above
        assert step > 0 and ticks == [step * n for n in range(len(ticks), 0, -1)] and ticks[0] >= 250000
        assert all(re.match(r"\s*Rp [\d.]+┤", line) for line in chart if "┤" in line)
        columns = ["09:00", "10:00", "11:00"]
        heights = [sum(bar_eighths(line[chart[-1].index(hour):][:4]) > 0 for line in chart[:-2]) for hour in columns]
        assert heights[0] < heights[1] < heights[2]  # 45.000, 85.000, 250.000


async def test_the_latest_sales_and_top_products_show_every_amount_with_long_names(stall_store):
    event = find_event()
    Stall.update(name=LONG_NAME).where(Stall.code == "L01").execute()
    Product.update(name=LONG_NAME).where(Product.code.in_(["GK-KERIPIK", "GK-BATIK"])).execute()
    board_sales(event)
    for size in [(200, 60), (120, 40)]:
        app = make_app(stall_store, BoardScreen)
        async with app.run_test(size=size) as pilot:
            await wait_for_text(pilot, "Rp 30.000")
            recent = board_region(app, "#board-recent")
            for amount in ["Rp 30.000", "Rp 250.000", "Rp 85.000", "Rp 45.000"]:
                assert amount in recent, (size, recent)
            assert LONG_NAME[:8] in recent and "…" in recent
            voided = app.screen.query_one("#board-recent").get_row_at(0)
            assert voided[-1].plain == "Rp 30.000" and "strike" in str(voided[-1].style)  # struck, and seen
            top = board_region(app, "#board-top-products")
            for amount in ["Rp 250.000", "Rp 85.000", "Rp 45.000"]:
                assert amount in top, (size, top)
            assert "Rp 295.000" in board_region(app, "#board-ranking")


async def test_at_80x24_the_board_shows_the_total_the_ranking_and_the_latest_sales(stall_store):
    board_sales(find_event())
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await wait_for_text(pilot, "Lapak Bejiharjo")
        assert app.screen.query_one("#board-total").text == "Rp 380.000"
        assert "Lapak Terbaik · Penjualan sejauh ini" in text
        ranking = board_region(app, "#board-ranking")
        assert "Rp 295.000" in ranking and "Rp 85.000" in ranking and "HABIS" in ranking
        assert bar_eighths(ranking) > 0
        assert not app.screen.query_one("#board-side").display  # no latest sales table, no chart
        assert board_region(app, "#board-ticker").strip() == \
            "11:10 Lapak Gunungkidul Rp 250.000 · 10:10 Lapak Bejiharjo Rp 85.000"


async def test_ties_share_a_rank_and_a_bar_and_pages_turn(stall_store):
    event = find_event()
    for n in range(3, 31):  # 30 stalls: two of them tied
        add_stall(event, f"L{n:02}", f"Lapak Uji {n:02}", 1000, n if n != 30 else 29)
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, r"Halaman 1/\d")
        await still(pilot)  # the total drawn in large type: the ranking's height is settled
        text = await wait_for_text(pilot, r"Halaman 1/\d")
        pages = int(re.search(r"Halaman 1/(\d)", text).group(1))
        lines = board_region(app, "#board-ranking").splitlines()
        tied = [line for line in lines if "Lapak Uji 29" in line or "Lapak Uji 30" in line]
        assert [line.split()[0] for line in tied] == ["1", "1"]
        assert bar_eighths(tied[0]) == bar_eighths(tied[1]) > 0
        ranking = app.screen.query_one(Ranking)
        for page in range(2, pages + 1):
            ranking.turn()  # what the board's timer does every PAGE_SECONDS
            text = await wait_for_text(pilot, f"Halaman {page}/{pages}")
        assert "Lapak Bejiharjo" in text and "Rp 0" in text  # the last page: the stalls that sold nothing
        ranking.turn()
        await wait_for_text(pilot, f"Halaman 1/{pages}")


async def test_before_the_days_first_sale_the_chart_says_so(stall_store):
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for_text(pilot, "Lapak Bejiharjo")
        assert board_region(app, "#board-chart").strip() == "Belum ada penjualan hari ini."
