"""Hostile text (tests/hostile.py) as a stall's name, its institution's, a product's, a sale's reference,
its seller and the void's who and why, written straight into the store: the board, the selling screen
(with its void dialog and the day's slip) and the stall picker show it as typed or as a prefix
with "…", every line whole, the amounts never cut, and a markup-looking name does nothing when clicked."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rich.cells import cell_len

from kiosk.context import find_event
from kiosk.i18n import money
from kiosk.sales import find_product, record_sale, void_sale
from kiosk.staff import add_user
from models import Institution, Product, Sale, Stall, StaffUser
from screens.board import BoardScreen
from screens.sell import SellScreen
from screens.stall_picker import StallPickerScreen
from tests.helpers import load_small_event, make_app, screen_text, settled, wait_for_text
from tests.hostile import HOSTILE, assert_shown, assert_whole, shown_form, visible_prefix

JAKARTA = ZoneInfo("Asia/Jakarta")
SIZES = [(80, 24), (200, 60)]
KINDS = list(HOSTILE)


def wib(hour: int, minute: int) -> datetime:
    return datetime(2018, 7, 5, hour, minute, tzinfo=JAKARTA)


def hostile_store(value: str) -> None:
    """L01 and its institution named VALUE; the batik named VALUE; sales with VALUE as reference and
    seller, one voided by VALUE for VALUE, one recorded past the stock after a store failure."""
    load_small_event()
    add_user("lapak", "seller", "3333", stall=Stall.get(Stall.code == "L01"))
    event = find_event()
    l01 = Stall.get(Stall.code == "L01")
    Stall.update(name=value).where(Stall.id == l01.id).execute()
    Institution.update(name=value).where(Institution.id == l01.institution_id).execute()
    Product.update(name=value).where(Product.code == "GK-BATIK").execute()
    batik = find_product(event, "GK-BATIK")
    voided = record_sale(batik, 1, "qris", "ref", "lapak", "t1", wib(8, 0), "h-1").sale
    void_sale(voided, "lapak", "reason", wib(8, 1))
    record_sale(find_product(event, "GK-KERIPIK"), 2, "cash", "", "lapak", "t1", wib(8, 2), "h-2")
    record_sale(find_product(event, "GK-BATIK"), 4, "cash", "", "lapak", "t1", wib(8, 3), "h-3", replayed=True)
    record_sale(find_product(event, "GK-BATIK"), 1, "transfer", "ref", "lapak", "t1", wib(8, 4), "h-4",
                oversell=True)
    Sale.update(reference=value, seller=value).where(Sale.request_id.in_(["h-1", "h-3", "h-4"])).execute()
    Sale.update(voided_by=value, void_reason=value).where(Sale.request_id == "h-1").execute()


def region_text(app, widget) -> str:
    """The lines of the screen inside WIDGET's region."""
    region = widget.region
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.crop(region.x, region.right).text for strip in strips[region.y:region.bottom])


def assert_in(app, widget, value: str) -> None:
    assert_shown(region_text(app, widget), value)


async def click_markup(pilot, value: str, same_screen: bool = True) -> None:
    """Click where the markup-looking VALUE shows: its [@click=app.quit] does nothing, the app goes on
    (on SAME_SCREEN, unless the click picks what it is on)."""
    text = screen_text(pilot.app)
    prefix = visible_prefix(value)
    for y, line in enumerate(text.splitlines()):
        if prefix in line:
            screen = pilot.app.screen
            await pilot.click(offset=(cell_len(line[:line.index(prefix)]) + 2, y))
            await pilot.pause(0.05)  # nothing is to happen, so nothing to wait for but a moment
            await settled(pilot)
            assert pilot.app.return_code is None and pilot.app.is_running
            assert pilot.app.screen is screen or not same_screen
            return
    raise AssertionError(f"{prefix!r} is not on the screen")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
@pytest.mark.parametrize("kind", KINDS)
async def test_the_board_shows_hostile_names_as_data(sqlite_store, kind, size):
    value = HOSTILE[kind]
    hostile_store(value)
    app = make_app(sqlite_store, BoardScreen)
    async with app.run_test(size=size) as pilot:
        text = await wait_for_text(pilot, "Rp 1.280.000")
        assert_whole(text, size[0])
        screen = app.screen
        ranking = screen.query_one("#board-ranking")
        assert_in(app, ranking, value)  # the stall's name
        assert "Rp 1.280.000" in region_text(app, ranking) and "Rp 0" in region_text(app, ranking)
        total = screen.query_one("#board-total")
        assert total.text == "Rp 1.280.000"
        assert all(cell_len(row) <= total.content_size.width for row in total._rows(total.content_size.width))
        if size[0] >= 150:
            assert shown_form(value)[:1] in region_text(app, ranking)
            recent, top = screen.query_one("#board-recent"), screen.query_one("#board-top-products")
            assert_in(app, recent, value)  # the product's name, and the stall's
            assert "Rp 250.000" in region_text(app, recent) and "Rp 1.000.000" in region_text(app, recent)
            assert_in(app, top, value)
            assert "Rp 1.250.000" in region_text(app, top)
            institution = region_text(app, ranking).splitlines()
            assert any(visible_prefix(value, 6) in line for line in institution[1:])
        else:
            ticker = screen.query_one("#board-ticker")
            assert_in(app, ticker, value)
            assert "Rp 250.000" in region_text(app, ticker)  # the newest sale's amount, whole
        if kind == "click":
            await click_markup(pilot, value)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
@pytest.mark.parametrize("kind", KINDS)
async def test_the_selling_screen_its_void_dialog_and_slip_show_hostile_text_as_data(sqlite_store, kind, size):
    value = HOSTILE[kind]
    hostile_store(value)
    user = StaffUser.get(StaffUser.name == "lapak")
    app = make_app(sqlite_store, lambda: SellScreen(user, Stall.get(Stall.code == "L01").id))
    async with app.run_test(size=size) as pilot:
        text = await wait_for_text(pilot, "hari ini 3 penjualan · Rp 1.280.000")
        assert_whole(text, size[0])
        screen = app.screen
        assert_in(app, screen.query_one("#sell-status"), value)
        assert "Rp 1.280.000" in region_text(app, screen.query_one("#sell-status"))
        products, sales = screen.query_one("#sell-products"), screen.query_one("#sell-sales")
        assert_in(app, products, value)
        assert "Rp 250.000" in region_text(app, products)
        assert_in(app, sales, value)
        assert "Rp 1.000.000" in region_text(app, sales) and "lewat stok" in region_text(app, sales)
        await wait_for_text(pilot, "08:04 · Transfer ")  # the newest sale's line: its reference and seller
        assert_in(app, screen.query_one("#sell-detail"), value)
        if kind == "click":
            await click_markup(pilot, value)

        await pilot.press("f3")  # void the newest: the batik
        text = await wait_for_text(pilot, "Batalkan penjualan")
        assert_whole(text, size[0])
        assert_shown(text, value)
        assert "(Rp 250.000)" in text
        await pilot.press("escape")

        await pilot.press("f4")
        text = await wait_for_text(pilot, r"Dibatalkan \(1\)")
        assert_whole(text, size[0])
        slip = app.screen.query_one("#slip")
        assert_in(app, slip, value)  # the stall in the title, the products, the seller, who voided and why
        shown = region_text(app, slip)
        assert "Total: Rp 1.280.000" in shown
        assert "×4 Rp 1.000.000" in shown and "×1 Rp 250.000" in shown
        said = app.screen.query_one("#slip-text").visual.plain  # what the slip says, before it wraps
        for field in ("dijual oleh ", "dibatalkan oleh "):
            assert said.split(field, 1)[1].startswith(visible_prefix(value, 6))
        if kind == "click":
            await click_markup(pilot, value)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
@pytest.mark.parametrize("kind", KINDS)
async def test_the_stall_picker_shows_hostile_names_as_data(sqlite_store, kind, size):
    value = HOSTILE[kind]
    hostile_store(value)
    user = StaffUser.get(StaffUser.name == "lapak")
    app = make_app(sqlite_store, lambda: StallPickerScreen(lambda stall_id: SellScreen(user, stall_id)))
    async with app.run_test(size=size) as pilot:
        text = await wait_for_text(pilot, "L02  Lapak Bejiharjo")
        assert_whole(text, size[0])
        assert_in(app, app.screen.query_one("#stall-picker-list"), value)
        if kind == "click":
            await click_markup(pilot, value, same_screen=False)  # it picks the stall, and nothing else
        else:
            await pilot.press("enter")
        text = await wait_for_text(pilot, "hari ini 3 penjualan")
        assert isinstance(app.screen, SellScreen) and app.return_code is None
        assert_whole(text, size[0])


def test_the_slip_lines_keep_their_amounts_whole():
    """The slip's own lines: a long product, seller or reason is cut, the amount before it never."""
    from screens.slip import slip_text
    from kiosk.sales_report import FlaggedSale, StallDay, VoidedSale

    long = HOSTILE["long"]
    day = StallDay("L01", long, 1, 4, 1000000, {"cash": 1000000, "qris": 0, "transfer": 0},
                   [VoidedSale(1, wib(8, 0), "GK", long, 1, 250000, long, wib(8, 1), long, long)],
                   [FlaggedSale(2, wib(8, 3), "GK", long, 4, 1000000, long, "past_stock")])
    lines = slip_text(day).plain.splitlines()
    void_line = next(line for line in lines if "dibatalkan oleh" in line)
    flag_line = next(line for line in lines if "dijual oleh" in line)
    assert cell_len(void_line.split(money(250000))[0]) <= 56 and "…" in void_line
    assert cell_len(flag_line.split(money(1000000))[0]) <= 56 and "…" in flag_line
