"""Stores for the tests: a temporary SQLite file, and PostgreSQL (a throwaway server, or $KIOSK_TEST_PG_URL)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk import i18n
from kiosk.store import close_store, open_store
from tests.pgserver import ThrowawayServer, find_pg_bin, reset_database

SMALL_EVENT = Path(__file__).parent / "data" / "small_event"


@pytest.fixture(scope="session")
def pg_url():
    url = os.environ.get("KIOSK_TEST_PG_URL")
    if url:
        yield url
        return
    if find_pg_bin() is None:
        if os.environ.get("KIOSK_REQUIRE_PG"):
            pytest.fail("KIOSK_REQUIRE_PG is set but no PostgreSQL server binaries were found")
        pytest.skip("no PostgreSQL server binaries on this machine (initdb, pg_ctl)")
    with ThrowawayServer() as server:
        yield server.url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty store URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/kiosk.db"
    else:
        url = request.getfixturevalue("pg_url")
        reset_database(url)
        yield url
    close_store()


@pytest.fixture
def store(store_url):
    """An open, migrated, empty store on each backend."""
    yield open_store(store_url)
    close_store()


@pytest.fixture
def sqlite_url(tmp_path):
    yield f"sqlite:///{tmp_path}/kiosk.db"
    close_store()


@pytest.fixture
def sqlite_store(sqlite_url):
    yield open_store(sqlite_url)
    close_store()


@pytest.fixture(autouse=True)
def no_writer_outlives_its_test():
    """A writer left with work by a failed test must not record it into the next test's store."""
    yield
    from kiosk.writer import WRITERS

    for writer in list(WRITERS):
        writer.stop()
    for writer in list(WRITERS):  # a call under way ends before the next test binds another store
        writer.join(timeout=15)


@pytest.fixture(autouse=True)
def state_in_the_tests_folder(monkeypatch, tmp_path):
    """A lobby kiosk started by a test keeps its scans (its outbox) under the test's folder, not the
    user's, whether the test names the folder or the default is taken."""
    monkeypatch.setenv("KIOSK_OUTBOX_DIR", str(tmp_path / "outbox"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(autouse=True)
def default_theme(monkeypatch):
    """Snapshots are of Textual's own theme whatever terminal runs the suite (TERM=linux would pick
    the ANSI theme: tests/test_console_theme.py asks for it itself)."""
    monkeypatch.delenv("KIOSK_THEME", raising=False)
    if os.environ.get("TERM") == "linux":
        monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture(autouse=True)
def indonesian():
    """Every test starts in Indonesian, the default language."""
    i18n.set_language("id")
    yield
    i18n.set_language("id")
