"""Terminals that say they are there: a heartbeat every HEARTBEAT_SECONDS (who, what kind, what it
shows), read back by whoever watches them (the award console counts its displays).

Heartbeats are kept apart from the store's data, so they wake no live screen: on SQLite they go to a
file of their own beside the store (`<store>.terminals.sqlite`, private like the store), since any
commit to the store's file moves the `PRAGMA data_version` every screen polls; on PostgreSQL to the
`terminal` table of the store's server, written without the store's NOTIFY (kiosk.store.write).
They run on a thread of their own, in real time (not the event clock); a beat that fails is dropped
without a word (the next one tries again).
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from kiosk.clock import utc_now
from kiosk.files import PRIVATE_FILE_MODE
from kiosk.store import TERMINALS_FILE_SUFFIX, release_connection
from models import database
from models.terminals import Terminal, terminals_database

HEARTBEAT_SECONDS = 2.0
SILENT_SECONDS = 6.0  # no word for this long: the terminal went silent
FORGET_SECONDS = 3600.0  # silent this long: no longer listed
BUSY_TIMEOUT_SECONDS = 1  # a beat waits this long for the file at most (the next beat comes anyway)

log = logging.getLogger(__name__)
_binding = threading.Lock()
_bound_to: list[object] = [None]  # the store database the terminals database was bound for
_registry = threading.Lock()
_beating: dict[tuple[str, str], "Heartbeat"] = {}  # (kind, terminal): the one heartbeat beating for it


@dataclass(frozen=True)
class Seen:
    """A terminal's last word."""

    terminal: str
    kind: str
    event: str
    state: dict
    seen_at: datetime
    age: float  # seconds since its last word, when read

    @property
    def silent(self) -> bool:
        return self.age > SILENT_SECONDS


def side_file(store_path: str) -> Path:
    return Path(store_path + TERMINALS_FILE_SUFFIX)


def terminals_db() -> peewee.Database:
    """The terminals' database for the store the models are bound to now, bound on first use."""
    store = database.obj
    with _binding:
        if _bound_to[0] is not store:
            db = _open_for(store)
            terminals_database.initialize(db)
            if db is not store:
                with db.connection_context():
                    db.create_tables([Terminal], safe=True)
            _bound_to[0] = store
    return terminals_database.obj


def _open_for(store: peewee.Database) -> peewee.Database:
    if isinstance(store, peewee.PostgresqlDatabase):
        return store  # the `terminal` table of migration 0009; kiosk.store.write() is never used for it
    path = store.database
    if path not in ("", ":memory:"):
        _make_private(side_file(path))
        path = str(side_file(path))
    return peewee.SqliteDatabase(path, pragmas={"journal_mode": "wal", "synchronous": "normal"},
                                 timeout=BUSY_TIMEOUT_SECONDS)


def _make_private(path: Path) -> None:
    """The side file gets the store's private mode (its -wal and -shm follow it)."""
    try:
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    try:
        os.fchmod(handle, PRIVATE_FILE_MODE)
    finally:
        os.close(handle)


def beat(terminal: str, kind: str, event: str, state: dict) -> None:
    """Say once that TERMINAL is there, showing STATE."""
    terminals_db()
    values = {"event": event, "state": json.dumps(state, sort_keys=True), "seen_at": utc_now()}
    (Terminal.insert(terminal=terminal, kind=kind, **values)
     .on_conflict(conflict_target=[Terminal.kind, Terminal.terminal], update=values).execute())


def heard(kind: str, event: str) -> list[Seen]:
    """The terminals of KIND working for EVENT heard in the last FORGET_SECONDS, by id."""
    terminals_db()
    now = utc_now()
    rows = list(Terminal.select().where((Terminal.kind == kind) & (Terminal.event == event))
                .order_by(Terminal.terminal))
    seen = [Seen(row.terminal, row.kind, row.event, _state(row.state), row.seen_at,
                 (now - row.seen_at).total_seconds()) for row in rows]
    return [terminal for terminal in seen if terminal.age <= FORGET_SECONDS]


def _state(text: str) -> dict:
    try:
        state = json.loads(text)
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


class Heartbeat:
    """TERMINAL's word every HEARTBEAT_SECONDS on a thread of its own, and at once when what it shows
    changes (`report`). Stopped by `stop()`, or by a newer heartbeat of the same terminal (a screen
    started again after a crash); a daemon, so it never holds a process open."""

    def __init__(self, terminal: str, kind: str, event: str):
        self.terminal, self.kind, self.event = terminal, kind, event
        self._state: dict | None = None
        self._wake = threading.Event()
        self._stopped = False
        self._thread: threading.Thread | None = None

    def report(self, state: dict) -> None:
        """What the terminal shows now (called on the event loop); sent at once when it changed."""
        if state == self._state:
            return
        self._state = dict(state)
        self._wake.set()
        if self._thread is None and not self._stopped:
            with _registry:
                older = _beating.get((self.kind, self.terminal))
                _beating[(self.kind, self.terminal)] = self
            if older is not None:
                older.stop()
            self._thread = threading.Thread(target=self._run, name=f"heartbeat-{self.kind}", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()
        with _registry:
            if _beating.get((self.kind, self.terminal)) is self:
                del _beating[(self.kind, self.terminal)]

    def _run(self) -> None:
        while not self._stopped:
            self._wake.clear()
            self._beat_once(self._state or {})
            self._wake.wait(HEARTBEAT_SECONDS)
        self._close()

    def _beat_once(self, state: dict) -> None:
        try:
            beat(self.terminal, self.kind, self.event, state)
            release_connection()
        except Exception as error:  # a heartbeat never troubles the screen: the next one tries again
            log.debug("heartbeat of %s failed: %s", self.terminal, error)
            self._close()

    @staticmethod
    def _close() -> None:
        """Drop this thread's connection (after a failure, so the next beat opens anew; at the end)."""
        try:
            terminals_db().close()
        except Exception:
            pass
