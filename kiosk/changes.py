"""A cheap "did anything change?" signal for live screens.

SQLite: `PRAGMA data_version` on a connection of our own changes whenever another connection
commits. PostgreSQL: every write transaction sends NOTIFY (see kiosk.store.write) and a
listening connection collects them. Either way a poll costs one tiny round trip.
"""
from __future__ import annotations

import sqlite3
import threading


from kiosk.store import NOTIFY_CHANNEL, STORE_ERRORS, is_postgres
from models import database


def unreachable_errors() -> tuple[type[BaseException], ...]:
    """What a poll may meet when the store is away; anything else is a fault in the program."""
    errors: tuple[type[BaseException], ...] = (*STORE_ERRORS, sqlite3.Error, OSError)
    if is_postgres():
        import psycopg

        errors += (psycopg.Error,)
    return errors


class StoreUnavailable(Exception):
    """The store could not be reached on this poll."""


class ChangeWatcher:
    """Poll with `changed()`; the first poll always reports a change."""

    def __init__(self) -> None:
        self._connection = None
        self._last_version: int | None = None
        self._lock = threading.Lock()  # polled from a worker thread, closed from the app's

    def changed(self) -> bool:
        with self._lock:
            try:
                if is_postgres():
                    return self._postgres_changed()
                return self._sqlite_changed()
            except unreachable_errors() as exc:  # a driver or network failure: not reachable right now
                self._close()
                raise StoreUnavailable(str(exc)) from exc

    def _sqlite_changed(self) -> bool:
        if self._connection is None:
            self._connection = sqlite3.connect(database.obj.database, check_same_thread=False)
            self._last_version = None
        (version,) = self._connection.execute("PRAGMA data_version").fetchone()
        changed = version != self._last_version
        self._last_version = version
        return changed

    def _postgres_changed(self) -> bool:
        if self._connection is None:
            self._connection = self._listen()
            return True
        self._connection.execute("SELECT 1")
        return bool(list(self._connection.notifies(timeout=0)))

    def _listen(self):
        import psycopg

        db = database.obj
        connection = psycopg.connect(dbname=db.database, autocommit=True, **db.connect_params)
        connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
        return connection

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:
                pass
        self._connection = None
