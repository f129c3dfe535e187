"""Terminals' heartbeats (kiosk/terminals.py): heard back by kind and event, kept apart from the store's
data so they wake no live screen (SQLite: a private file of their own; PostgreSQL: no NOTIFY on the
store's channel), silent when they fail; and the console's tally of its displays (SQLite and PostgreSQL)."""
import logging
import os
import sqlite3
import time
from pathlib import Path

import pytest

from kiosk import terminals
from kiosk.ceremony import DisplaySeen, StateView, account
from kiosk.changes import ChangeWatcher
from kiosk.context import find_event
from kiosk.reveal import go_to
from models import LIVE, REHEARSAL, database
from models.terminals import AWARD_DISPLAY
from screens.award_display import AwardDisplayScreen
from tests.helpers import load_small_event, make_app, settled, until, wait_for_text
from tests.test_reveal import SqlLog

SHOWING_TITLE = {"size": [200, 60], "mode": LIVE, "position": 1, "cover": "", "rehearsal": False}


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(terminals, "HEARTBEAT_SECONDS", 0.05)


def test_a_heartbeat_is_heard_by_kind_and_event_with_what_it_shows(store):
    terminals.beat("gala-tv/tty1", AWARD_DISPLAY, "plm2018", SHOWING_TITLE)
    terminals.beat("gala-tv/tty1", AWARD_DISPLAY, "plm2018", {**SHOWING_TITLE, "position": 2})  # the same one
    terminals.beat("lobi-1/tty1", "checkin", "plm2018", {})
    terminals.beat("other-tv", AWARD_DISPLAY, "other", SHOWING_TITLE)
    (seen,) = terminals.heard(AWARD_DISPLAY, "plm2018")
    assert (seen.terminal, seen.state["position"], seen.state["size"]) == ("gala-tv/tty1", 2, [200, 60])
    assert 0 <= seen.age < 5 and not seen.silent and seen.seen_at.tzinfo is not None


def test_a_terminal_long_silent_is_forgotten(store, monkeypatch):
    terminals.beat("gala-tv", AWARD_DISPLAY, "plm2018", SHOWING_TITLE)
    monkeypatch.setattr(terminals, "SILENT_SECONDS", 0.0)
    assert terminals.heard(AWARD_DISPLAY, "plm2018")[0].silent
    monkeypatch.setattr(terminals, "FORGET_SECONDS", 0.0)
    assert terminals.heard(AWARD_DISPLAY, "plm2018") == []


def test_on_sqlite_heartbeats_live_in_a_private_file_beside_the_store(sqlite_store):
    terminals.beat("gala-tv", AWARD_DISPLAY, "plm2018", SHOWING_TITLE)
    store_file = Path(sqlite_store.location)
    side = terminals.side_file(str(store_file))
    assert side.name == "kiosk.db.terminals.sqlite" and os.stat(side).st_mode & 0o777 == 0o660
    assert "terminal" not in database.get_tables()  # the store's own file holds no heartbeat
    with sqlite3.connect(side) as side_db:
        assert side_db.execute("SELECT terminal FROM terminal").fetchall() == [("gala-tv",)]


def test_on_postgresql_heartbeats_have_a_table_of_the_store(store):
    if store.backend != "postgresql":
        pytest.skip("PostgreSQL only")
    terminals.beat("gala-tv", AWARD_DISPLAY, "plm2018", SHOWING_TITLE)
    assert database.execute_sql('SELECT "terminal" FROM "terminal"').fetchall() == [("gala-tv",)]


async def test_displays_beating_wake_no_live_screen(store, quick, monkeypatch):
    """No change signal while two displays beat: no commit to the store's SQLite file, no NOTIFY on
    the store's PostgreSQL channel; and idle, they send no statement but their heartbeats."""
    load_small_event()
    go_to(find_event(), LIVE, 1, "mc")
    watcher = ChangeWatcher()
    assert watcher.changed()  # the first poll always reports a change
    polls: dict[int, int] = {}  # the polls of each ChangeWatcher (each app has one) so far
    real_changed = ChangeWatcher.changed

    def counted(self) -> bool:
        polls[id(self)] = polls.get(id(self), 0) + 1
        return real_changed(self)

    monkeypatch.setattr(ChangeWatcher, "changed", counted)
    left, right = make_app(store, AwardDisplayScreen), make_app(store, AwardDisplayScreen)
    left.context.terminal, right.context.terminal = "gala-kiri", "gala-kanan"
    try:
        async with left.run_test(size=(100, 30)) as pilot, right.run_test(size=(80, 24)) as right_pilot:
            await wait_for_text(pilot, "Kategori 1 dari 2")
            await wait_for_text(right_pilot, "Kategori 1 dari 2")
            # the first reads are over: each app's first poll (a change, always) has come back, as a second
            # one has begun, and the read it started is done
            await until(pilot, lambda: sum(n >= 2 for key, n in polls.items() if key != id(watcher)) >= 2,
                        what="each app polled the store twice")
            await settled(pilot)
            await settled(right_pilot)
            log, logger = SqlLog(), logging.getLogger("peewee")
            logger.addHandler(log)
            logger.setLevel(logging.DEBUG)
            beats: dict[str, set] = {"gala-kiri": set(), "gala-kanan": set()}
            for _ in range(100):  # a few beats each
                await pilot.pause(0.05)
                for seen in terminals.heard(AWARD_DISPLAY, "small"):
                    beats[seen.terminal].add(seen.seen_at)
                if min(map(len, beats.values())) >= 3:
                    break
            logger.removeHandler(log)
            assert min(map(len, beats.values())) >= 3
            assert log.statements and all('"terminal"' in sql for sql in log.statements), log.statements
            states = {seen.terminal: seen.state for seen in terminals.heard(AWARD_DISPLAY, "small")}
            assert states["gala-kiri"]["size"] == [100, 30] and states["gala-kanan"]["size"] == [80, 24]
            assert states["gala-kiri"]["position"] == 1 and states["gala-kiri"]["mode"] == LIVE
            assert not watcher.changed()
    finally:
        watcher.close()


async def test_a_failing_heartbeat_troubles_nobody(sqlite_store, quick, monkeypatch):
    load_small_event()
    go_to(find_event(), LIVE, 1, "mc")
    tries = []

    def broken(*args):
        tries.append(args)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(terminals, "beat", broken)
    app = make_app(sqlite_store, AwardDisplayScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Kategori 1 dari 2")
        for _ in range(100):
            if len(tries) >= 3:
                break
            await pilot.pause(0.05)
        assert len(tries) >= 3  # it keeps trying
        assert not app._notifications and app.screen.query_one("#award-kicker").visual  # no toast, still showing
    assert app.return_code in (0, None)


def test_a_newer_heartbeat_of_the_same_terminal_stops_the_older(store, quick):
    """A display started again after a crash: the old screen's heartbeat (its old step) stops."""
    old, new = (terminals.Heartbeat("gala-tv", AWARD_DISPLAY, "plm2018") for _ in range(2))
    old.report({**SHOWING_TITLE, "position": 0})
    new.report(SHOWING_TITLE)
    try:
        old._thread.join(timeout=2)
        assert not old._thread.is_alive()
        for _ in range(40):
            if terminals.heard(AWARD_DISPLAY, "plm2018")[0].state.get("position") == 1:
                break
            time.sleep(0.05)
        assert terminals.heard(AWARD_DISPLAY, "plm2018")[0].state["position"] == 1
    finally:
        new.stop()


# ---- the console's tally ---------------------------------------------------------------------

def display(name: str, position: int | None = 1, mode: str | None = LIVE, cover: str = "", silent: bool = False):
    return DisplaySeen(name, "200x60", mode, position, cover, silent, 9.0 if silent else 0.5)


LIVE_AT_1 = StateView(LIVE, 1, False, False, 0, 0)


def names(displays) -> list[str]:
    return [d.terminal for d in displays]


def test_the_tally_counts_followers_and_names_the_others():
    tally = account([display("a"), display("b"), display("lags", position=0), display("black", cover="blackout"),
                     display("gone", silent=True), display("gladi", mode=REHEARSAL, position=4),
                     display("gladi-gone", mode=REHEARSAL, silent=True), display("waiting", mode=None, position=None)],
                    LIVE_AT_1)
    assert names(tally.following) == ["a", "b"]
    assert names(tally.astray) == ["lags", "black", "waiting"]
    assert names(tally.silent) == ["gone"]  # a rehearsal display gone quiet is not the live console's


def test_a_display_catching_up_after_a_step_is_not_named_yet():
    tally = account([display("a", position=0), display("gone", position=0, silent=True)], LIVE_AT_1, settled=False)
    assert names(tally.following) == ["a"] and names(tally.silent) == ["gone"]


def test_a_rehearsal_console_counts_the_rehearsal_displays():
    tally = account([display("gala"), display("gladi", mode=REHEARSAL)], StateView(REHEARSAL, 1, False, False, 0, 1))
    assert names(tally.following) == ["gladi"] and tally.astray == []
