"""Snapshots of the sales board at 80x24, 120x40 and 200x60, and with 100-character names (update
with --snapshot-update after a deliberate change, and look at each as a picture first)."""
import pytest

from kiosk.context import find_event
from kiosk.staff import add_user
from models import Product, Stall
from screens.board import BoardScreen
from tests.helpers import load_small_event, make_app, steady
from tests.test_sell_board import LONG_NAME, board_sales

SIZES = [(80, 24), (120, 40), (200, 60)]
IDS = ["80x24", "120x40", "200x60"]



@pytest.fixture
def sold(sqlite_store):
    """The small event, its seller, and the sales of tests.test_sell_board.board_sales."""
    load_small_event()
    add_user("lapak", "seller", "3333", stall=Stall.get(Stall.code == "L01"))
    board_sales(find_event())
    return sqlite_store


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board(snap_compare, sold, size):
    assert snap_compare(make_app(sold, BoardScreen), terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES[1:], ids=IDS[1:])
def test_board_long_names(snap_compare, sold, size):
    Stall.update(name=LONG_NAME).where(Stall.code == "L01").execute()
    Product.update(name=LONG_NAME).where(Product.code.in_(["GK-KERIPIK", "GK-BATIK"])).execute()
    assert snap_compare(make_app(sold, BoardScreen), terminal_size=size, run_before=steady)
