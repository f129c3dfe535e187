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
from tests.helpers import load_small_event, make_app, scan_burst, wait_for_text

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
    return make_app(store, lambda: SellScreen(user, Stall.get(Stall.code == stall_code)))


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
        await pilot.pause(0.2)
        assert any(message in n.message for n in app._notifications)
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
        await pilot.press(*"admin", "enter", *"2018", "enter")
        await wait_for_text(pilot, "Pilih lapak")
        await pilot.press("down", "enter")
        await wait_for_text(pilot, "Lapak Bejiharjo · hari ini 0 penjualan")


async def test_a_sale_in_another_process_shows_on_the_board_within_a_second(stall_store, sqlite_url):
    app = make_app(stall_store, BoardScreen)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_text(pilot, "Lapak Gunungkidul")
        subprocess.run([sys.executable, "-c", SELL_IN_ANOTHER_PROCESS, sqlite_url], check=True)
        started = time.monotonic()
        text = await wait_for_text(pilot, "Rp 60.000", seconds=3)
        assert time.monotonic() - started < 1.0
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
