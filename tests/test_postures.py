"""Postures, driven through the real App: public screens cannot be left without a PIN, the exit dialog
cannot be used to stop a kiosk, staff log in and are logged out when they leave the terminal alone."""
import pytest

import kiosk.app
import screens.admin_exit
from kiosk.attendees import find_by_code, payload_for
from kiosk.context import find_event
from models import Checkin, StaffUser
from screens.admin_exit import AdminExitScreen
from screens.checkin import CheckinScreen
from screens.hub import HubScreen
from screens.launcher import LAUNCHER_ENTRIES, LauncherScreen
from screens.login import LoginScreen
from tests.helpers import (
    ADMIN_PIN, DESK_PIN, load_small_event, make_app, scan_burst, screen_text, settled, until, wait_for_text,
)


@pytest.fixture
def event_store(sqlite_store):
    load_small_event()
    return sqlite_store


async def type_text(pilot, text: str) -> None:
    await pilot.press(*list(text))


def payload(code: str) -> str:
    event = find_event()
    return payload_for(event, find_by_code(event, code))


async def answered(pilot, field: str) -> None:
    """Pause until the PIN typed into the box FIELD (a selector) was taken (the box is emptied) and
    checked: the message shown is the answer to it, not to the PIN before (a PIN typed while one is
    checked would be passed over)."""
    box = pilot.app.screen.query_one(field)
    await until(pilot, lambda: not box.value, what=f"{field} emptied")
    await settled(pilot)


async def wait_for_screen(pilot, kind, seconds: float = 3.0):
    for _ in range(int(seconds / 0.02)):
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} did not open; on view: {pilot.app.screen!r}")


async def test_public_screen_survives_quit_keys(event_store):
    app = make_app(event_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("ctrl+p", "ctrl+z", "escape", "ctrl+backslash"):
            await pilot.press(key)
            assert isinstance(app.screen, CheckinScreen), key
        for key in ("ctrl+c", "ctrl+q"):
            await pilot.press(key)
            assert "PIN admin" in screen_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, CheckinScreen)
        assert app.return_code is None
        assert "Scan your badge" in screen_text(app)


async def test_public_screen_exits_only_with_an_admin_pin(event_store):
    app = make_app(event_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await type_text(pilot, DESK_PIN)  # a desk PIN is not an admin PIN
        await pilot.press("enter")
        await wait_for_text(pilot, "PIN salah.")
        assert app.return_code is None
        await type_text(pilot, ADMIN_PIN)
        await pilot.press("enter")
        for _ in range(100):
            if app.return_code is not None:
                break
            await pilot.pause(0.02)
        assert app.return_code == 0


async def test_admin_exit_from_a_launched_public_screen_returns_to_the_launcher(event_store):
    app = make_app(event_store, LauncherScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        position = [entry.key for entry in LAUNCHER_ENTRIES].index("launcher.checkin")
        await pilot.press(*["down"] * position, "enter")
        await wait_for_screen(pilot, CheckinScreen)
        await pilot.press("ctrl+c")
        await type_text(pilot, ADMIN_PIN)
        await pilot.press("enter")
        await wait_for_screen(pilot, LauncherScreen)
        assert app.return_code is None


async def test_the_exit_dialog_closes_itself_when_left_alone(event_store, monkeypatch):
    monkeypatch.setattr(screens.admin_exit, "IDLE_SECONDS", 0.3)
    app = make_app(event_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, AdminExitScreen)
        await wait_for_screen(pilot, CheckinScreen)
        assert app.return_code is None


async def test_a_badge_scanned_into_the_exit_dialog_checks_the_person_in(event_store):
    app = make_app(event_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        greetings = ("Selamat datang, Sri", "Selamat datang, Bambang", "Selamat datang, Dr. Hj.", "Welcome, Ir.",
                     "Sri Wahyuni, Anda sudah", "Bambang Sutrisno, Anda sudah")
        for code, greeting in zip(("P0001", "P0002", "P0003", "V0001", "P0001", "P0002"), greetings):
            await pilot.press("ctrl+c")  # more often than the lock-out count
            assert isinstance(app.screen, AdminExitScreen)
            scan_burst(app, payload(code))
            await wait_for_text(pilot, greeting)
        await pilot.press("ctrl+c")
        await type_text(pilot, "4321")
        await pilot.press("enter")
        text = await wait_for_text(pilot, "PIN salah.")  # one wrong PIN so far: the scans did not count
        assert "Terlalu banyak" not in text
    assert Checkin.select().count() == 4


async def test_digits_at_scanner_speed_are_a_scan_not_a_pin(event_store):
    app = make_app(event_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        scan_burst(app, "12345678901")  # a digits-only code from a scanner, ending in Enter
        await wait_for_text(pilot, "Kode tidak terbaca")  # taken as a scan, and refused as one
        assert not isinstance(app.screen, AdminExitScreen)


async def test_the_exit_lock_out_is_kept_in_the_store(event_store):
    for _ in range(2):  # a restarted kiosk on the same terminal is still locked
        app = make_app(event_store, CheckinScreen)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+c")
            for _ in range(3):
                await type_text(pilot, "4321")
                await pilot.press("enter")
                await answered(pilot, "#admin-pin")
                await wait_for_text(pilot, "PIN salah|Terlalu banyak")
        screens.admin_exit.LocalLockout.passed()  # a new process knows nothing of the last one
    app = make_app(event_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await type_text(pilot, ADMIN_PIN)  # the right PIN, but the terminal is locked
        await pilot.press("enter")
        await wait_for_text(pilot, "Terlalu banyak PIN salah")
        assert app.return_code is None


async def test_staff_login_locks_after_five_wrong_pins(event_store):
    app = make_app(event_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "meja")
        await pilot.press("enter")
        for attempt in range(5):
            await type_text(pilot, "9999")
            await pilot.press("enter")
            await answered(pilot, "#login-pin")
            await wait_for_text(pilot, "Nama atau PIN salah." if attempt < 4 else "Terlalu banyak PIN salah")
        await type_text(pilot, DESK_PIN)  # the right PIN, but the name is locked
        await pilot.press("enter")
        await answered(pilot, "#login-pin")
        await wait_for_text(pilot, "Terlalu banyak PIN salah")
        assert isinstance(app.screen, LoginScreen)


async def log_in(pilot, name: str, pin: str) -> None:
    await type_text(pilot, name)
    await pilot.press("enter")
    await type_text(pilot, pin)
    await pilot.press("enter")


async def test_staff_login_opens_the_hub_of_the_role(event_store):
    app = make_app(event_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "meja", DESK_PIN)
        text = await wait_for_text(pilot, r"Halo, meja \(meja registrasi\)")
        assert "Ikhtisar acara" in text and "Log audit" not in text  # the audit log is for admins
        await pilot.press("escape")  # log out
        assert isinstance(app.screen, LoginScreen)


@pytest.mark.parametrize("between", ["enter", "tab"])
async def test_a_login_typed_in_one_burst_logs_in(event_store, between):
    """Name, Enter or Tab, PIN, Enter back to back (a password manager, a paste): the keys after the
    name's Enter or Tab were queued for the name box; they reach the PIN box."""
    from textual import events

    app = make_app(event_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Masuk staf")
        keys = [*"meja", between, *DESK_PIN, "enter"]
        for key in keys:
            event = events.Key(key, {"enter": "\r", "tab": "\t"}.get(key, key))
            event.set_sender(app)
            app._driver.send_message(event)
        await wait_for_text(pilot, r"Halo, meja \(meja registrasi\)")


async def test_staff_posture_quits_with_ctrl_q(event_store):
    app = make_app(event_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def open_from_hub(pilot, entry: str) -> None:
    hub = await wait_for_screen(pilot, HubScreen)
    options = hub.query_one("OptionList")
    options.highlighted = list(hub.entries).index(entry)
    await pilot.press("enter")


async def test_escape_never_leads_from_a_public_screen_into_the_hub(event_store):
    app = make_app(event_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "meja", DESK_PIN)
        for entry in ("hub.directory", "hub.board", "hub.venues"):
            await open_from_hub(pilot, entry)
            await until(pilot, lambda: not isinstance(app.screen, HubScreen), what=f"{entry} opened")
            await settled(pilot)
            public = app.screen
            await pilot.press("escape", "escape")
            await pilot.pause(0.1)  # nothing is to happen, so nothing to wait for but a moment
            await settled(pilot)
            assert app.screen is public, entry  # a passer-by cannot reach the desk
            await pilot.press("ctrl+q")
            await wait_for_text(pilot, "PIN admin atau PIN meja")
            await type_text(pilot, DESK_PIN)  # the staff member who opened it may close it
            await pilot.press("enter")
            await wait_for_screen(pilot, HubScreen)


async def test_a_staff_session_left_alone_logs_out(event_store, monkeypatch):
    monkeypatch.setattr(kiosk.app, "IDLE_LOGOUT_SECONDS", 0.4)
    monkeypatch.setattr(kiosk.app, "IDLE_CHECK_SECONDS", 0.1)
    app = make_app(event_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "meja", DESK_PIN)
        await open_from_hub(pilot, "hub.overview")
        await pilot.pause(0.1)
        await wait_for_screen(pilot, LoginScreen)
        assert [type(screen) for screen in app.screen_stack[1:]] == [LoginScreen]


async def test_the_award_console_is_not_logged_out_while_waiting(event_store, monkeypatch):
    from screens.award_console import AwardConsoleScreen

    monkeypatch.setattr(kiosk.app, "IDLE_LOGOUT_SECONDS", 0.2)
    monkeypatch.setattr(kiosk.app, "IDLE_CHECK_SECONDS", 0.05)
    app = make_app(event_store, lambda: HubScreen(StaffUser.get(StaffUser.name == "admin")))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.session_root = True
        await open_from_hub(pilot, "hub.awards")
        await wait_for_screen(pilot, AwardConsoleScreen)
        await pilot.pause(0.5)
        assert isinstance(app.screen, AwardConsoleScreen)
