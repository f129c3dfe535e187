"""The store: migrations, refusing a newer store, SQLite settings, change signals, clear errors."""
from __future__ import annotations

import datetime
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import peewee
import pytest

import kiosk.store
from kiosk.changes import ChangeWatcher
from kiosk.staff import add_user
from kiosk.store import (
    MIGRATION_NAMES, SCHEMA_VERSION,
    BUSY_TIMEOUT_SECONDS, StoreError, close_store, describe, open_store, translate_errors, write,
)
from models import ALL_MODELS, StaffUser, database
from tests.helpers import ADMIN_PIN

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# Another process that opens the same store and commits one write through kiosk.store.write().
OTHER_PROCESS_WRITER = (
    "import sys\n"
    "from kiosk.store import open_store, close_store\n"
    "from kiosk.staff import add_user\n"
    "open_store(sys.argv[1])\n"
    "add_user(sys.argv[2], 'desk', '1234', actor='other-process')\n"
    "close_store()\n"
)


def write_from_another_process(url: str, user_name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS_WRITER, url, user_name],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr


def migration_history() -> list[tuple[str, datetime.datetime]]:
    cursor = database.execute_sql("SELECT name, applied FROM schema_migration ORDER BY name")
    return [tuple(row) for row in cursor.fetchall()]


def sqlite_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


# --- migrations -----------------------------------------------------------------------------


def test_open_store_migrates_an_empty_store_to_the_latest_version(store_url):
    info = open_store(store_url)

    assert info.url == store_url
    assert info.schema_version == SCHEMA_VERSION >= 2
    tables = set(database.get_tables())
    assert {model._meta.table_name for model in ALL_MODELS} <= tables
    assert "schema_migration" in tables
    assert [name for name, _ in migration_history()] == MIGRATION_NAMES
    if store_url.startswith("sqlite"):
        assert info.backend == "sqlite"
        assert info.location == str(sqlite_path(store_url))
    else:
        assert info.backend == "postgresql"
        parsed = urlparse(store_url)
        assert info.location == f"{parsed.hostname or 'localhost'}:{parsed.port or 5432}{parsed.path}"


def test_reopening_a_migrated_store_changes_nothing(store_url):
    first = open_store(store_url)
    history = migration_history()
    close_store()

    second = open_store(store_url)

    assert second == first
    assert migration_history() == history  # same single step, same applied time: nothing re-ran
    assert StaffUser.select().count() == 0


def test_a_store_newer_than_the_program_is_refused(store_url):
    open_store(store_url)
    database.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES (%s, %s)"
        if store_url.startswith("postgres") else
        "INSERT INTO schema_migration (name, applied) VALUES (?, ?)",
        ("0999_future", datetime.datetime(2030, 1, 1)),
    )
    close_store()

    with pytest.raises(StoreError) as refused:
        open_store(store_url)

    message = str(refused.value)
    assert "newer" in message
    assert "upgrade" in message
    assert "0999_future" in message
    assert "\n" not in message


# --- SQLite settings --------------------------------------------------------------------------


def test_sqlite_store_uses_wal_foreign_keys_and_a_busy_timeout(sqlite_store):
    def pragma(name):
        return database.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == BUSY_TIMEOUT_SECONDS * 1000
    assert BUSY_TIMEOUT_SECONDS >= 3  # "several seconds"


def test_sqlite_write_transactions_begin_immediate(sqlite_store):
    other = sqlite3.connect(sqlite_store.location, timeout=0, isolation_level=None)
    try:
        with write():
            # Nothing written yet: a deferred BEGIN would hold no lock; IMMEDIATE holds the write lock.
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
        # Once the write() block commits, the other connection can write again.
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_sqlite_write_rolls_back_everything_on_error(sqlite_store):
    with pytest.raises(RuntimeError):
        with write():
            add_user("budi", "desk", "1234")
            raise RuntimeError("boom")
    assert StaffUser.select().count() == 0


# --- change signal ------------------------------------------------------------------------------


def test_change_watcher_sees_a_commit_made_by_another_process(store, store_url):
    watcher = ChangeWatcher()
    try:
        assert watcher.changed() is True  # the first poll always reports a change
        assert watcher.changed() is False
        assert watcher.changed() is False

        write_from_another_process(store_url, "budi")

        assert watcher.changed() is True
        assert watcher.changed() is False
        assert [user.name for user in StaffUser.select()] == ["budi"]
    finally:
        watcher.close()


# --- bad stores: one sentence each -------------------------------------------------------------


def test_unsupported_url_scheme_is_refused():
    with pytest.raises(StoreError) as refused:
        open_store("mysql://root@localhost/kiosk")
    message = str(refused.value)
    assert "mysql" in message and "not supported" in message
    assert "sqlite:///" in message and "postgresql://" in message  # says what to use instead
    assert "\n" not in message


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    text_file = tmp_path / "notes.txt"
    content = "This is a shopping list, not a database.\n" * 200
    text_file.write_text(content)
    url = f"sqlite:///{text_file}"

    with pytest.raises(StoreError) as refused:
        open_store(url)
    close_store()

    assert str(refused.value) == f"The file behind {url} is not a SQLite database."
    assert text_file.read_text() == content  # untouched


def make_store_with_a_user(url: str) -> None:
    open_store(url)
    add_user("admin", "admin", ADMIN_PIN)
    close_store()


@pytest.mark.skipif(IS_ROOT, reason="root writes to a chmod 0444 file anyway; see the next test")
def test_writing_to_a_read_only_sqlite_store_says_so(tmp_path):
    url = f"sqlite:///{tmp_path}/kiosk.db"
    make_store_with_a_user(url)
    db_file = tmp_path / "kiosk.db"
    for path in [db_file, *tmp_path.glob("kiosk.db-*")]:
        path.chmod(0o444)
    try:
        open_store(url)
        with pytest.raises(StoreError) as refused:
            with translate_errors(url):
                add_user("budi", "desk", "1234")
        close_store()
        assert str(refused.value) == f"The store at {url} is read-only: nothing was written."
        check = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        assert check.execute("SELECT name FROM staff_user").fetchall() == [("admin",)]
        check.close()
    finally:
        for path in [db_file, *tmp_path.glob("kiosk.db-*")]:
            path.chmod(0o644)


def test_read_only_store_error_from_sqlite_becomes_one_sentence(tmp_path, monkeypatch):
    """Root ignores file modes, so open the store read-only the way SQLite itself offers: mode=ro."""
    url = f"sqlite:///{tmp_path}/kiosk.db"
    db_file = tmp_path / "kiosk.db"
    make_store_with_a_user(url)

    # The raw driver error, translated by describe().
    raw = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as driver_error:
        raw.execute("INSERT INTO staff_user (name, role, pin_hash) VALUES ('x', 'desk', 'h')")
    raw.close()
    assert "readonly" in str(driver_error.value)
    refusal = describe(driver_error.value, url)
    assert str(refusal) == f"The store at {url} is read-only: nothing was written."
    assert refusal.text("id") == f"Basis data di {url} hanya bisa dibaca: tidak ada yang ditulis."

    # The same store opened read-only through open_store(): a use case's write becomes a StoreError.
    def read_only_database(_url):
        return peewee.SqliteDatabase(
            f"file:{db_file}?mode=ro", uri=True, pragmas=kiosk.store.SQLITE_PRAGMAS,
            timeout=BUSY_TIMEOUT_SECONDS, lock_type="IMMEDIATE",
        )

    monkeypatch.setattr(kiosk.store, "make_database", read_only_database)
    info = open_store(url)
    assert info.schema_version == SCHEMA_VERSION  # reading works
    with pytest.raises(StoreError) as refused:
        with translate_errors(url):
            add_user("budi", "desk", "1234")
    close_store()
    assert str(refused.value) == f"The store at {url} is read-only: nothing was written."

    check = sqlite3.connect(db_file)
    assert check.execute("SELECT name FROM staff_user").fetchall() == [("admin",)]
    check.close()


def test_postgresql_server_that_cannot_be_reached_is_one_sentence():
    url = "postgresql://postgres@127.0.0.1:1/x"
    with pytest.raises(StoreError) as refused:
        open_store(url)
    close_store()
    message = str(refused.value)
    assert message.startswith(f"The PostgreSQL store at {url} cannot be reached")
    assert "\n" not in message


def test_password_is_not_shown_in_store_errors():
    url = "postgresql://kiosk:s3cret@127.0.0.1:1/x"
    with pytest.raises(StoreError) as refused:
        open_store(url)
    close_store()
    assert "s3cret" not in str(refused.value)
    assert "kiosk:***@127.0.0.1:1/x" in str(refused.value)


def test_an_older_store_is_migrated_keeping_its_data(store_url):
    """A store made by the first release (schema 1) gains check-ins, badge secrets and search keys."""
    from playhouse.migrations import Runner

    from kiosk.attendees import event_secret, search
    from kiosk.store import MIGRATIONS_DIR, make_database
    from models import Attendee, Event

    old = make_database(store_url)
    Runner(old, str(MIGRATIONS_DIR)).up(target="0001_initial")
    param = old.param
    old.execute_sql(f"INSERT INTO event (slug, name, name_en, time_zone, days, languages) "
                    f"VALUES ({param}, {param}, '', 'Asia/Jakarta', '2018-07-05', 'id,en')", ("old", "Lama"))
    old.execute_sql(f"INSERT INTO attendee (event_id, code, name, category, language, hotel, hotel_room, "
                    f"badge_version) VALUES (1, 'P1', {param}, 'participant', 'id', '', '', 1)", ("Ni Luh Putu Ayu",))
    old.close()

    info = open_store(store_url)
    assert info.schema_version == SCHEMA_VERSION
    event = Event.get(Event.slug == "old")
    assert [a.code for a in search(event, "luh putu")] == ["P1"]
    assert Attendee.get().search_key == "ni luh putu ayu p1"
    assert len(event_secret(event)) == 64 and Event.get().badge_secret == event.badge_secret


# --- private files ------------------------------------------------------------------------------


@pytest.fixture
def open_umask():
    """The umask of many a shell (022): what the program makes must be private all the same."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def open_the_way_the_cli_does(url: str) -> None:
    from kiosk import cli

    assert cli.main(["--db", url, "info"]) == 0


@pytest.mark.parametrize("opener", [open_the_way_the_cli_does, open_store], ids=["kiosk info", "open_store"])
def test_a_new_store_its_wal_and_shm_and_its_folders_are_private(tmp_path, open_umask, opener):
    db_file = tmp_path / "srv" / "kiosk" / "kiosk.db"
    try:
        opener(f"sqlite:///{db_file}")
        add_user("budi", "desk", "1234")  # a write, with the store still open: -wal and -shm are there
        files = [db_file, db_file.with_name("kiosk.db-wal"), db_file.with_name("kiosk.db-shm")]
        modes = {path.name: path.stat().st_mode & 0o777 for path in [*files, db_file.parent, db_file.parent.parent]}
    finally:
        close_store()
    assert modes == {"kiosk.db": 0o660, "kiosk.db-wal": 0o660, "kiosk.db-shm": 0o660, "kiosk": 0o770, "srv": 0o770}


def test_an_existing_store_file_and_folder_keep_their_modes(tmp_path, open_umask):
    db_file = tmp_path / "kiosk.db"
    sqlite3.connect(db_file).close()
    db_file.chmod(0o640)
    tmp_path.chmod(0o750)
    open_store(f"sqlite:///{db_file}")
    close_store()
    assert (db_file.stat().st_mode & 0o777, tmp_path.stat().st_mode & 0o777) == (0o640, 0o750)


def test_a_store_file_that_cannot_be_created_is_one_sentence(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a folder\n")
    url = f"sqlite:///{notes}/kiosk.db"

    with pytest.raises(StoreError) as refused:
        open_store(url)
    close_store()

    assert str(refused.value) == f"The store file for {url} cannot be created: Not a directory."


# --- PostgreSQL connections ---------------------------------------------------------------------


def test_a_postgresql_connection_has_timeouts_and_keepalives(pg_url):
    from tests.pgserver import reset_database

    reset_database(pg_url)
    try:
        open_store(pg_url)
        assert database.execute_sql("SHOW statement_timeout").fetchone()[0] == "5s"
        parameters = database.connection().info.get_parameters()
    finally:
        close_store()
    assert {key: parameters.get(key) for key in ("connect_timeout", "keepalives", "keepalives_idle",
                                                 "keepalives_interval", "keepalives_count")} == {
        "connect_timeout": "3", "keepalives": "1", "keepalives_idle": "5", "keepalives_interval": "2",
        "keepalives_count": "3"}


def test_what_the_postgresql_url_says_wins(pg_url):
    from tests.pgserver import reset_database

    reset_database(pg_url)
    try:
        open_store(f"{pg_url}?connect_timeout=10&options=-c%20statement_timeout%3D7000%20-c%20search_path%3Dpublic")
        shown = [database.execute_sql(f"SHOW {name}").fetchone()[0] for name in ("statement_timeout", "search_path")]
        parameters = database.connection().info.get_parameters()
    finally:
        close_store()
    assert shown == ["7s", "public"]
    assert (parameters["connect_timeout"], parameters["keepalives"]) == ("10", "1")


def test_a_schema_5_store_keeps_its_staff_when_logins_move_to_their_own_table(store_url):
    from playhouse.migrations import Runner

    from kiosk.staff import hash_pin, login
    from kiosk.store import MIGRATIONS_DIR, make_database

    old = make_database(store_url)
    Runner(old, str(MIGRATIONS_DIR)).up(target="0005_awards")
    param = old.param
    old.execute_sql(f"INSERT INTO staff_user (name, role, pin_hash, failed_attempts, active) "
                    f"VALUES ('boss', 'admin', {param}, 3, 1)", (hash_pin(ADMIN_PIN),))
    old.close()

    assert open_store(store_url).schema_version == SCHEMA_VERSION
    assert "failed_attempts" not in {column.name for column in database.get_columns("staff_user")}
    assert login("boss", ADMIN_PIN, "t1").role == "admin"

    Runner(database.obj, str(MIGRATIONS_DIR)).down(target="0006_login_attempts")  # and back, keeping the user
    assert "login_attempt" not in database.get_tables()
    assert database.execute_sql("SELECT name, failed_attempts FROM staff_user").fetchall() == [("boss", 0)]
