"""A fault in a screen: the traceback goes to the crash log and a public screen starts again with the
scans that were waiting; a screen that keeps failing exits with 70, so a supervisor alerts."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.app import KioskApp
from kiosk.attendees import find_by_code, payload_for
from kiosk.commands import run_until_done
from kiosk.context import find_event
from kiosk.crashes import EXIT_CRASHING
from models import Checkin
from screens.checkin import CheckinScreen
from screens.login import LoginScreen
from tests.helpers import load_small_event, make_app, scan_burst, wait_for_text
from tests.test_store_outage import HOLD_LOCK


@pytest.fixture
def crash_log(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs" / "crashes.log"


def making(store, screen):
    def make(writer) -> KioskApp:
        app = make_app(store, screen)
        app.writer = writer
        return app
    return make


def headless(pilot_script):
    """Run each app headless, driven by PILOT_SCRIPT(pilot, number) for its NUMBER-th start."""
    starts = []

    def run(app: KioskApp) -> None:
        starts.append(app)

        async def drive(pilot) -> None:
            await pilot_script(pilot, len(starts))

        app.run(headless=True, size=(80, 24), auto_pilot=drive)
    return run, starts


def fail_soon(app: KioskApp) -> None:
    def fault() -> None:
        raise RuntimeError("a fault in the screen")
    app.call_later(fault)


def test_a_public_screen_that_keeps_failing_exits_with_70(sqlite_store, crash_log):
    load_small_event()

    async def script(pilot, number: int) -> None:
        await wait_for_text(pilot, "Scan your badge")
        fail_soon(pilot.app)

    run, starts = headless(script)
    assert run_until_done(making(sqlite_store, CheckinScreen), run) == EXIT_CRASHING
    assert len(starts) == 5
    log = crash_log.read_text()
    assert log.count("RuntimeError: a fault in the screen") == 5 and "screen CheckinScreen" in log


def test_a_staff_screen_that_fails_exits_at_once(sqlite_store, crash_log):
    load_small_event()

    async def script(pilot, number: int) -> None:
        await wait_for_text(pilot, "Masuk staf")
        fail_soon(pilot.app)

    run, starts = headless(script)
    assert run_until_done(making(sqlite_store, LoginScreen), run) == EXIT_CRASHING
    assert len(starts) == 1 and "screen LoginScreen" in crash_log.read_text()


def test_scans_waiting_for_the_store_survive_a_crash(sqlite_store, crash_log):
    load_small_event()
    event = find_event()
    badge = payload_for(event, find_by_code(event, "P0001"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, sqlite_store.location, "3"], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "locked"

    async def script(pilot, number: int) -> None:
        await wait_for_text(pilot, "Scan your badge")
        if number == 1:
            scan_burst(pilot.app, badge)
            await wait_for_text(pilot, "Sementara tidak tersedia")  # the scan waits on the locked store
            fail_soon(pilot.app)
        else:
            assert pilot.app.writer.drain(timeout=15)  # the new app's writer is the old one's
            pilot.app.exit()

    run, starts = headless(script)
    try:
        assert run_until_done(making(sqlite_store, CheckinScreen), run) == 0
    finally:
        holder.wait(timeout=10)
    assert len(starts) == 2
    assert Checkin.select().count() == 1
