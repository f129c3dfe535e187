"""Snapshots of the foundation's screens at 80x24 (update with --snapshot-update after a deliberate change)."""
import pytest

from screens.hub import HubScreen
from screens.launcher import LauncherScreen
from screens.login import LoginScreen
from screens.overview import OverviewScreen
from screens.venues import VenueGuideScreen
from models import StaffUser
from tests.helpers import load_small_event, make_app, steady

SIZE = (80, 24)



@pytest.fixture
def small_event(sqlite_store):
    load_small_event()
    return sqlite_store


def test_launcher(snap_compare, small_event):
    assert snap_compare(make_app(small_event, LauncherScreen), terminal_size=SIZE, run_before=steady)


def test_login(snap_compare, small_event):
    assert snap_compare(make_app(small_event, LoginScreen), terminal_size=SIZE, run_before=steady)


def test_login_refused(snap_compare, small_event):
    async def wrong_pin(pilot):
        await pilot.press(*"meja", "enter", *"0000", "enter")
        await steady(pilot)

    assert snap_compare(make_app(small_event, LoginScreen), terminal_size=SIZE, run_before=wrong_pin)


def test_desk_hub(snap_compare, small_event):
    app = make_app(small_event, lambda: HubScreen(StaffUser.get(StaffUser.name == "meja")))
    assert snap_compare(app, terminal_size=SIZE, run_before=steady)


def test_overview(snap_compare, small_event):
    assert snap_compare(make_app(small_event, OverviewScreen), terminal_size=SIZE, run_before=steady)


def test_venue_guide_with_admin_exit_dialog(snap_compare, small_event):
    async def ask_to_leave(pilot):
        await pilot.press("ctrl+q")
        await steady(pilot)

    app = make_app(small_event, lambda: VenueGuideScreen(public=True), venue="eastparc")
    assert snap_compare(app, terminal_size=SIZE, run_before=ask_to_leave)


def test_venue_guide(snap_compare, small_event):
    app = make_app(small_event, lambda: VenueGuideScreen(public=True), venue="eastparc")
    assert snap_compare(app, terminal_size=SIZE, run_before=steady)


# ---- the lobby check-in kiosk ----------------------------------------------------------------

def _scanned(*scans: tuple[str, str]):
    """run_before: scan each badge (a code) or raw text, each time waiting for the kiosk's answer to it
    (a regular expression on screen), then for the screen to be steady."""
    from kiosk.attendees import find_by_code, payload_for
    from kiosk.context import find_event
    from tests.helpers import scan_burst, wait_for_text

    async def run(pilot):
        event = find_event()
        for item, answer in scans:
            attendee = find_by_code(event, item)
            scan_burst(pilot.app, payload_for(event, attendee) if attendee else item)
            await wait_for_text(pilot, answer)
        await steady(pilot)

    return run


def _kiosk(store):
    from screens.checkin import CheckinScreen

    return make_app(store, CheckinScreen, venue="sheraton")


def test_checkin_idle(snap_compare, small_event):
    assert snap_compare(_kiosk(small_event), terminal_size=SIZE, run_before=steady)


def test_checkin_welcome(snap_compare, small_event):
    assert snap_compare(_kiosk(small_event), terminal_size=SIZE,
                        run_before=_scanned(("P0003", "Selamat datang")))


def test_checkin_already(snap_compare, small_event):
    assert snap_compare(_kiosk(small_event), terminal_size=SIZE, run_before=_scanned(
        ("P0001", "Selamat datang"), ("P0001", "Anda sudah check-in")))


def test_checkin_invalid(snap_compare, small_event):
    assert snap_compare(_kiosk(small_event), terminal_size=SIZE, run_before=_scanned(
        ("B:P0001:1:AAAAAAAAAAAAAAAA", "Badge tidak sah")))


# ---- the room directory ----------------------------------------------------------------------

def _directory(store, at: str = "2018-07-05T10:00"):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.clock import Clock
    from kiosk.schedule import delay, move
    from models import Room, Session
    from screens.directory import DirectoryScreen

    move(Session.get(Session.code == "K2"), Room.get(Room.code == "sheraton-kalasan"), "meja")
    delay(Session.get(Session.code == "GALA"), 30, "meja")
    app = make_app(store, DirectoryScreen, venue="eastparc")
    app.context.clock = Clock(ZoneInfo("Asia/Jakarta"), datetime.fromisoformat(at).replace(
        tzinfo=ZoneInfo("Asia/Jakarta")), frozen=True)
    return app


def _view(key: str):
    async def run(pilot):
        await pilot.press(key)
        await steady(pilot)

    return run


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_directory_now_next(snap_compare, small_event, size):
    assert snap_compare(_directory(small_event), terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_directory_timetable(snap_compare, small_event, size):
    assert snap_compare(_directory(small_event), terminal_size=size, run_before=_view("f3"))


def test_directory_list(snap_compare, small_event):
    assert snap_compare(_directory(small_event), terminal_size=SIZE, run_before=_view("f4"))


# ---- stall sales ------------------------------------------------------------------------------

def _with_sales(store):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.context import find_event
    from kiosk.sales import find_product, record_sale, void_sale
    from kiosk.staff import add_user
    from models import Stall

    add_user("lapak", "seller", "3333", stall=Stall.get(Stall.code == "L01"))
    event, zone = find_event(), ZoneInfo("Asia/Jakarta")
    sales = [("GK-KERIPIK", 3, "cash", 9), ("BJ-ANYAM", 1, "qris", 10), ("GK-BATIK", 1, "transfer", 11),
             ("GK-KERIPIK", 2, "cash", 11)]
    recorded = [record_sale(find_product(event, code), quantity, method, "", "lapak", "t1",
                            datetime(2018, 7, 5, hour, 10, tzinfo=zone), f"snap-{n}")
                for n, (code, quantity, method, hour) in enumerate(sales)]
    void_sale(recorded[-1].sale, "lapak", "keliru", datetime(2018, 7, 5, 11, 12, tzinfo=zone))
    return store


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
def test_sell(snap_compare, small_event, size):
    from models import Stall, StaffUser
    from screens.sell import SellScreen

    _with_sales(small_event)
    app = make_app(small_event, lambda: SellScreen(StaffUser.get(StaffUser.name == "lapak"),
                                                    Stall.get(Stall.code == "L01").id))
    assert snap_compare(app, terminal_size=size, run_before=steady)


# ---- the award display ------------------------------------------------------------------------

AWARD_STATES = {
    "holding": ("holding", 0, None),
    "title": ("title", 0, None),
    "nominees": ("nominees", 0, 2),
    "drumroll": ("drumroll", 0, None),
    "one_winner": ("winners", 0, None),
    "two_winners": ("winners", 1, None),
    "blackout": ("title", 1, None),
}


def _award_display(store, state: str):
    from kiosk.context import find_event
    from kiosk.reveal import go_to, outline, running_order, set_cover
    from models import LIVE
    from screens.award_display import AwardDisplayScreen

    kind, category, shown = AWARD_STATES[state]
    event = find_event()
    steps = running_order(outline(event))
    position = next(n for n, s in enumerate(steps) if s.kind == kind and s.category == (None if kind == "holding"
                                                                                          else category)
                    and (shown is None or s.shown == shown))
    go_to(event, LIVE, position, "mc")
    if state == "blackout":
        set_cover(event, LIVE, "mc", blackout=True)
    return make_app(store, AwardDisplayScreen)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
@pytest.mark.parametrize("state", list(AWARD_STATES))
def test_award_display(snap_compare, small_event, state, size):
    assert snap_compare(_award_display(small_event, state), terminal_size=size, run_before=steady)
