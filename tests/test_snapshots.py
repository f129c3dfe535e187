"""Snapshots of the foundation's screens at 80x24 (update with --snapshot-update after a deliberate change)."""
import pytest
from textual.widgets import Input

from screens.hub import HubScreen
from screens.launcher import LauncherScreen
from screens.login import LoginScreen
from screens.overview import OverviewScreen
from screens.venues import VenueGuideScreen
from models import StaffUser
from tests.helpers import load_small_event, make_app

SIZE = (80, 24)


async def steady(pilot) -> None:
    """No blinking cursor, and every pending refresh done, so two runs draw the same picture."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause(0.3)


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
