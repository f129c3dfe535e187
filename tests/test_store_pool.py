"""PostgreSQL connections are pooled: bounded, a thread's connection back in the pool after each
call and when the thread ends, a failed one never handed out again, the LISTEN connection outside
the pool."""
from __future__ import annotations

import threading

import pytest
from playhouse.pool import PooledPostgresqlDatabase

from kiosk.attendees import find_by_code, payload_for
from kiosk.changes import ChangeWatcher
from kiosk.context import find_event
from kiosk.store import POOL, close_store, make_database, open_store, recover
from models import database
from screens.checkin import CheckinScreen
from tests.helpers import load_small_event, make_app, scan_burst, settled, wait_for_text
from tests.pgserver import reset_database


@pytest.fixture
def pg_store(pg_url):
    reset_database(pg_url)
    yield open_store(pg_url)
    close_store()


def in_use() -> int:
    return len(database.obj._in_use)


def test_a_postgresql_store_is_a_bounded_pool():
    db = make_database("postgresql://kiosk@db.example/kiosk")
    assert isinstance(db, PooledPostgresqlDatabase)
    assert db._max_connections == POOL["max_connections"] and db._wait_timeout == POOL["timeout"]
    assert db.connect_params["connect_timeout"] == 3


def test_a_thread_that_ends_gives_its_connection_back(pg_store):
    def read():
        assert database.execute_sql("SELECT 1").fetchone() == (1,)

    for _ in range(3 * POOL["max_connections"]):  # more threads than the pool holds, one after another
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    assert in_use() <= 1  # this test's own thread
    read()


def test_a_failed_connection_is_dropped_not_pooled(pg_store):
    connection = database.connection()
    recover()
    assert database.connection() is not connection
    assert connection.closed


def test_the_listen_connection_is_outside_the_pool(pg_store):
    watcher = ChangeWatcher()
    before = in_use()
    try:
        assert watcher.changed()
        assert in_use() == before
    finally:
        watcher.close()


async def test_a_kiosk_between_calls_holds_no_pooled_connection(pg_store):
    """Its reads, its writer and its heartbeat each take a connection for a call and hand it back, so
    kiosks left idle hold none of the server's connections."""
    load_small_event()
    event = find_event()
    badge = payload_for(event, find_by_code(event, "P0001"))
    app = make_app(pg_store, CheckinScreen, venue="sheraton")
    database.close()  # this test's own thread (which made the app) hands its connection back too
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Hari 1")
        scan_burst(app, badge)
        await wait_for_text(pilot, "Selamat datang")
        await settled(pilot)
        assert in_use() == 0
