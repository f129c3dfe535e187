"""A slow or silent store never freezes the kiosk: it says so within a second, stays live, keeps the
scans with the moment they were made, and records each once when the store answers again.

Two real outages: another process holding SQLite's write lock, and a PostgreSQL server whose every
process is paused (SIGSTOP), as a network partition or a frozen server looks to a client.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import KioskApp
from kiosk.attendees import find_by_code, payload_for
from kiosk.clock import Clock, from_stored, load_zone, parse_moment
from kiosk.context import Context, find_event
from kiosk.store import close_store, open_store
from models import Checkin
from screens.admin_exit import AdminExitScreen
from screens.checkin import CheckinScreen
from tests.helpers import load_small_event, scan_burst, screen_text, until, wait_for_text
from tests.pgserver import ThrowawayServer, find_pg_bin
from tests.system import child_processes

LOCK_SECONDS = 8
PAUSE_SECONDS = 10
CODES = ("P0001", "P0002", "P0003")
UNAVAILABLE = "Sementara tidak tersedia / Temporarily unavailable"
# Said because the call is overdue (0.75 s), not because it failed: sooner than the 5 s statement
# timeout or the 10 s busy timeout would end it, with room for a loaded machine.
UNAVAILABLE_SOON = 4.0


def running_app(store) -> KioskApp:
    """The lobby kiosk with a running clock, started seconds before 08:15 so the header's minute
    turns while the store is away."""
    event = find_event()
    zone = load_zone(event.time_zone)
    clock = Clock(zone, parse_moment("2018-07-05T08:14:57", zone))
    return KioskApp(Context(store=store, clock=clock, event=event, terminal="lobi-1"), CheckinScreen)


def payloads() -> list[str]:
    event = find_event()
    return [payload_for(event, find_by_code(event, code)) for code in CODES]


async def scan_while_away(pilot, badges: list[str]) -> list:
    """Scan every badge while the store is away; the moments they were scanned."""
    app, moments = pilot.app, []
    for kept, badge in enumerate(badges, start=1):
        moments.append(app.context.clock.now())
        scan_burst(app, badge)
        # taken (and kept: the store is away) before the next badge comes, so each is stamped close to the
        # moment noted for it, not after the scans before it were handled
        await until(pilot, lambda: len(app.writer.waiting("scan")) >= kept, what=f"{kept} scan(s) kept")
    await wait_for_text(pilot, UNAVAILABLE, seconds=UNAVAILABLE_SOON)
    await wait_for_text(pilot, "Pindaian tersimpan: 3 / Scans kept: 3")
    return moments


async def stays_live(pilot) -> None:
    """Keys are answered and the clock goes on while the store is away."""
    await pilot.press("ctrl+c")
    assert isinstance(pilot.app.screen, AdminExitScreen)
    await pilot.press("escape")
    await wait_for_text(pilot, "08:15 WIB", seconds=5)
    assert pilot.app.reachable is False and "Terputus" in screen_text(pilot.app)


def assert_recorded_once_at(moments: list) -> None:
    checkins = list(Checkin.select().order_by(Checkin.at))
    assert [c.attendee.code for c in checkins] == list(CODES)
    zone = moments[0].tzinfo
    for checkin, moment in zip(checkins, moments):
        assert abs(from_stored(checkin.at, zone) - moment) < timedelta(seconds=1)  # the scan's moment


# ---- SQLite: another process holds the write lock ------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


def hold_write_lock(path: str, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, path, str(seconds)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


async def test_a_locked_sqlite_store_keeps_the_scans_and_the_screen_live(sqlite_store):
    load_small_event()
    badges = payloads()
    app = running_app(sqlite_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Hari 1 · sudah hadir")
        holder = hold_write_lock(sqlite_store.location, LOCK_SECONDS)
        try:
            moments = await scan_while_away(pilot, badges)
            await stays_live(pilot)
            await wait_for_text(pilot, "Selamat datang", seconds=LOCK_SECONDS + 12)
            await wait_for_text(pilot, "Terhubung", seconds=5)
        finally:
            holder.wait(timeout=LOCK_SECONDS + 5)
        assert app.writer.drain(timeout=10)
    assert_recorded_once_at(moments)


# ---- PostgreSQL: every server process paused -------------------------------------------------------

def server_processes(server: ThrowawayServer) -> list[int]:
    """The postmaster and all its children."""
    postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    return [postmaster, *child_processes(postmaster)]


def signal_all(pids: list[int], signum: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass


@pytest.fixture
def paused_server():
    if find_pg_bin() is None:
        if os.environ.get("KIOSK_REQUIRE_PG"):
            pytest.fail("KIOSK_REQUIRE_PG is set but no PostgreSQL server binaries were found")
        pytest.skip("no PostgreSQL server binaries on this machine (initdb, pg_ctl)")
    with ThrowawayServer() as server:
        yield server
        signal_all(server_processes(server), signal.SIGCONT)
        close_store()


async def test_a_paused_postgresql_server_keeps_the_scans_and_the_screen_live(paused_server):
    store = open_store(paused_server.url)
    load_small_event()
    badges = payloads()
    app = running_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Hari 1 · sudah hadir")
        pids = server_processes(paused_server)
        signal_all(pids, signal.SIGSTOP)
        resumed = False
        try:
            moments = await scan_while_away(pilot, badges)
            await stays_live(pilot)
            await pilot.pause(max(0.0, PAUSE_SECONDS - 4))
            signal_all(pids, signal.SIGCONT)
            resumed = True
            await wait_for_text(pilot, "Selamat datang", seconds=20)
            await wait_for_text(pilot, "Terhubung", seconds=10)
        finally:
            if not resumed:
                signal_all(pids, signal.SIGCONT)
        assert app.writer.drain(timeout=10)
    assert_recorded_once_at(moments)


async def test_the_kiosk_exits_with_a_call_stuck_on_a_paused_server(paused_server):
    store = open_store(paused_server.url)
    load_small_event()
    badge = payloads()[0]
    app = running_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Hari 1 · sudah hadir")
        signal_all(server_processes(paused_server), signal.SIGSTOP)
        scan_burst(app, badge)
        await wait_for_text(pilot, UNAVAILABLE, seconds=UNAVAILABLE_SOON)
        started = time.monotonic()
        app.exit()
    assert time.monotonic() - started < 5  # the stuck call did not hold the exit
