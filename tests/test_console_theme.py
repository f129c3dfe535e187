"""The Linux console (TERM=linux: 16 colours, no mouse): the screens take Textual's ANSI theme, which
draws in the terminal's own colours; snapshots at 80x24 of the launcher, a check-in welcome and the desk."""
import pytest

from kiosk.app import CONSOLE_THEME, theme_for
from models import StaffUser
from screens.checkin import CheckinScreen
from screens.desk import DeskScreen
from screens.launcher import LauncherScreen
from tests.helpers import load_small_event, make_app, scan_burst, steady, wait_for_text

SIZE = (80, 24)


@pytest.fixture
def console(sqlite_store, monkeypatch):
    """The small event, on a terminal that says it is the Linux console."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("KIOSK_THEME", raising=False)
    load_small_event()
    return sqlite_store



def test_the_theme_follows_the_terminal_unless_a_setting_names_one():
    assert theme_for({"TERM": "linux"}) == CONSOLE_THEME
    assert theme_for({"TERM": "xterm-256color"}) is None
    assert theme_for({"TERM": "xterm-256color", "KIOSK_THEME": "ansi-light"}) == "ansi-light"
    assert theme_for({"TERM": "linux", "KIOSK_THEME": "textual-dark"}) == "textual-dark"


async def test_the_app_on_the_console_draws_in_the_terminals_own_colours(console):
    app = make_app(console, LauncherScreen)
    async with app.run_test(size=SIZE) as pilot:
        await steady(pilot)
        assert app.theme == CONSOLE_THEME and app.native_ansi_color


async def test_a_theme_textual_does_not_know_is_passed_over(sqlite_store, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.setenv("KIOSK_THEME", "no-such-theme")
    app = make_app(sqlite_store, LauncherScreen)
    assert app.theme == "textual-dark"


def test_launcher_on_the_console(snap_compare, console):
    assert snap_compare(make_app(console, LauncherScreen), terminal_size=SIZE, run_before=steady)


def test_checkin_welcome_on_the_console(snap_compare, console):
    from kiosk.attendees import find_by_code, payload_for
    from kiosk.context import find_event

    async def scanned(pilot):
        event = find_event()
        scan_burst(pilot.app, payload_for(event, find_by_code(event, "P0003")))
        await wait_for_text(pilot, "Selamat datang")
        await steady(pilot)

    app = make_app(console, CheckinScreen, venue="sheraton")
    assert snap_compare(app, terminal_size=SIZE, run_before=scanned)


def test_desk_on_the_console(snap_compare, console):
    async def searched(pilot):
        await pilot.press(*"P0002")
        await wait_for_text(pilot, "Bambang Sutrisno")
        await steady(pilot)

    app = make_app(console, lambda: DeskScreen(StaffUser.get(StaffUser.name == "meja")))
    assert snap_compare(app, terminal_size=SIZE, run_before=searched)


def test_login_on_the_console(snap_compare, console):
    """The PIN field without the focus keeps a visible (grey) box on the black screen."""
    from screens.login import LoginScreen

    assert snap_compare(make_app(console, LoginScreen), terminal_size=SIZE, run_before=steady)
