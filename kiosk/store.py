"""Opening the shared store: URL parsing, pragmas, migrations, write transactions, errors."""
from __future__ import annotations

import os
import sqlite3
import threading
import uuid
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import peewee
from platformdirs import user_data_dir
from playhouse.db_url import parse as parse_db_url
from playhouse.pool import MaxConnectionsExceeded, PooledPostgresqlDatabase

import models.migrations
from kiosk.errors import Told
from kiosk.files import OPEN_TO_OTHERS, PRIVATE_FILE_MODE, make_private_folder
from kiosk.i18n import N_
from models import database

NOTIFY_CHANNEL = "kiosk_changes"
MIGRATIONS_DIR = Path(models.migrations.__file__).parent
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
}
BUSY_TIMEOUT_SECONDS = 10
HISTORY_TABLE = "schema_migration"  # playhouse.migrations' default name
MIGRATION_NAMES = sorted(path.stem for path in MIGRATIONS_DIR.glob("[0-9]*.py"))
SCHEMA_VERSION = int(MIGRATION_NAMES[-1].split("_")[0])
POSTGRES_SCHEMES = ("postgres", "postgresql")
# A connection that cannot hang forever: a bounded connect, TCP keepalives (a dead peer is noticed
# in about 11 s), and no statement longer than 5 s.
POSTGRES_CONNECTION = {
    "connect_timeout": 3, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
}
POSTGRES_OPTIONS = "-c statement_timeout=5000"
# A process's PostgreSQL connections are pooled: its threads (the writer, each App's store threads,
# the heartbeat) take one for a call and hand it back after (release_connection); a thread that finds
# all of them busy waits at most "timeout" seconds. One kiosk runs at most about 6 calls at once.
POOL = {"max_connections": 12, "stale_timeout": 300, "timeout": 10}
SQLITE_SIDE_FILES = ("-wal", "-shm")
TERMINALS_FILE_SUFFIX = ".terminals.sqlite"  # beside a SQLite store: kiosk.terminals' heartbeats


STORE_ERRORS = (peewee.DatabaseError, peewee.InterfaceError, sqlite3.DatabaseError, MaxConnectionsExceeded)


def new_request_id() -> str:
    """The id a terminal gives what it records, so a retried request cannot record twice."""
    return uuid.uuid4().hex


class StoreError(Told):
    """A problem with the store, told in one sentence a person can act on: a catalogue key and its
    values (`StoreError(N_("error.store.busy"), url=…)`), shown in the reader's language by `text()`."""


@dataclass(frozen=True)
class StoreInfo:
    url: str
    backend: str  # "sqlite" or "postgresql"
    location: str  # a file path, or host/database
    schema_version: int


def default_url() -> str:
    return "sqlite:///" + str(Path(user_data_dir("event-kiosk", appauthor=False)) / "kiosk.db")


def resolve_url(url: str | None) -> str:
    return url or os.environ.get("KIOSK_DB") or default_url()


def make_database(url: str) -> peewee.Database:
    """A Peewee database for the URL, not yet connected."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return _make_sqlite(url)
    if parsed.scheme in POSTGRES_SCHEMES:
        return _make_postgres(url)
    raise StoreError(N_("error.store.scheme"), scheme=parsed.scheme or url)


def _make_sqlite(url: str) -> peewee.SqliteDatabase:
    path = parse_db_url(url)["database"]
    if path not in ("", ":memory:"):
        _create_private_store_file(Path(path), url)
    return peewee.SqliteDatabase(
        path, pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS, lock_type="IMMEDIATE"
    )


def _create_private_store_file(path: Path, url: str) -> None:
    """A store file (and folder) the program makes is 0660 (0770): SQLite gives its -wal and -shm
    files the store file's mode."""
    try:
        make_private_folder(path.parent)
        handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    except OSError as error:
        raise StoreError(N_("error.store.cannot_create"), url=url, problem=error.strerror or str(error)) from error
    try:
        os.fchmod(handle, PRIVATE_FILE_MODE)  # the umask may have cut the group's bits
    finally:
        os.close(handle)


def store_files_open_to_others(store: StoreInfo) -> list[tuple[Path, int]]:
    """The SQLite store's file, -wal, -shm, terminals' file and folder that others may read, write or
    enter, with their modes."""
    if store.backend != "sqlite" or store.location in ("", ":memory:"):
        return []
    db_file = Path(store.location)
    names = [db_file.name + extra for extra in ("", TERMINALS_FILE_SUFFIX)]
    paths = [db_file.with_name(name + suffix) for name in names for suffix in ("", *SQLITE_SIDE_FILES)]
    paths.append(db_file.parent)
    modes = [(path, path.stat().st_mode & 0o777) for path in paths if path.exists()]
    return [(path, mode) for path, mode in modes if mode & OPEN_TO_OTHERS]


def _make_postgres(url: str) -> peewee.PostgresqlDatabase:
    params = parse_db_url(url)
    if not params.get("database"):
        raise StoreError(N_("error.store.no_database"), url=without_password(url))
    params = POSTGRES_CONNECTION | params  # what the URL says wins
    params["options"] = " ".join(filter(None, [POSTGRES_OPTIONS, params.get("options")]))  # later -c wins
    return PostgresPool(**(POOL | params))


class PostgresPool(PooledPostgresqlDatabase):
    """Pooled PostgreSQL connections (bounded connect and wait). A thread that ends holding one (a
    screen's read runs on a thread of its own) gives it back: playhouse.pool counts a connection in
    use until its own thread closes it, so such threads would use the pool up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._holder = threading.local()

    def _connect(self):
        conn = super()._connect()
        self._holder.guard = _Guard(self, conn)
        return conn

    def _close(self, conn, close_conn=False):
        guard = getattr(self._holder, "guard", None)
        if guard is not None and guard.conn is conn:
            guard.detach()
            self._holder.guard = None
        super()._close(conn, close_conn)

    def release_orphan(self, conn) -> None:
        super()._close(conn)  # not in a transaction: back to the pool; else closed


class _Guard:
    """Lives in its thread's locals: when the thread ends, its connection goes back to the pool."""

    def __init__(self, pool: PostgresPool, conn):
        self.conn = conn
        self._finalizer = weakref.finalize(self, pool.release_orphan, conn)

    def detach(self) -> None:
        self._finalizer.detach()


def open_store(url: str | None = None, *, migrate: bool = True) -> StoreInfo:
    """Bind the models to the store at URL, bring its schema up to date, and describe it."""
    url = resolve_url(url)
    db = make_database(url)
    database.initialize(db)
    with translate_errors(url):
        db.connect(reuse_if_open=True)
        applied = applied_migrations(db)
        _refuse_newer_store(applied, url)
        if migrate and set(MIGRATION_NAMES) - applied:
            from playhouse.migrations import Runner  # only when there is something to do

            Runner(db, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).up()
            applied = applied_migrations(db)
    return StoreInfo(url, backend_of(db), location_of(url, db), schema_version(applied))


def applied_migrations(db: peewee.Database) -> set[str]:
    """Names of the schema steps the store has (the history table of playhouse.migrations)."""
    if not db.table_exists(HISTORY_TABLE):
        return set()
    return {name for (name,) in db.execute_sql(f'SELECT "name" FROM "{HISTORY_TABLE}"').fetchall()}


def schema_version(applied: set[str]) -> int:
    return max((int(name.split("_")[0]) for name in applied if name[:1].isdigit()), default=0)


def _refuse_newer_store(applied: set[str], url: str) -> None:
    unknown = sorted(applied - set(MIGRATION_NAMES))
    if unknown:
        raise StoreError(N_("error.store.newer"), url=without_password(url), step=unknown[-1])


def close_store() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
    if isinstance(database.obj, PooledPostgresqlDatabase):
        database.obj.close_idle()  # a closed store keeps no idle server connections


def backend_of(db: peewee.Database) -> str:
    return "postgresql" if isinstance(db, peewee.PostgresqlDatabase) else "sqlite"


def location_of(url: str, db: peewee.Database) -> str:
    if backend_of(db) == "sqlite":
        return db.database
    parsed = urlparse(url)
    return f"{parsed.hostname or 'localhost'}:{parsed.port or 5432}/{db.database}"


def is_postgres() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


@contextmanager
def write():
    """One short write transaction (IMMEDIATE on SQLite) that signals live screens on commit."""
    with database.atomic():
        yield
        if is_postgres():
            database.execute_sql(f"NOTIFY {NOTIFY_CHANNEL}")


@contextmanager
def translate_errors(url: str):
    """Turn driver errors into one clear StoreError sentence."""
    try:
        yield
    except StoreError:
        raise
    except STORE_ERRORS as exc:
        raise describe(exc, url) from exc
    except ImportError as exc:
        raise StoreError(N_("error.store.no_postgres")) from exc


def describe(exc: BaseException, url: str) -> StoreError:
    """The StoreError for a store failure: one sentence (the driver's own words, when quoted, stay as
    the driver wrote them)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = text.lower()
    if is_disk_full(exc):
        return StoreError(N_("error.store.disk_full"), url=without_password(url))
    if "file is not a database" in lowered or "not a database" in lowered:
        return StoreError(N_("error.store.not_sqlite"), url=url)
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(N_("error.store.read_only"), url=url)
    if "unable to open database" in lowered:
        return StoreError(N_("error.store.cannot_open"), url=url)
    if "locked" in lowered or "busy" in lowered:
        return StoreError(N_("error.store.busy"), url=url)
    if "connection" in lowered or "could not" in lowered or "server" in lowered:
        return StoreError(N_("error.store.unreachable"), url=without_password(url), problem=text)
    return StoreError(N_("error.store.failed"), url=without_password(url), problem=text)


DISK_FULL_SQLSTATE = "53100"  # PostgreSQL's disk_full
DISK_FULL_TEXT = "database or disk is full"  # SQLite's SQLITE_FULL


def is_disk_full(exc: BaseException) -> bool:
    """The store ran out of room: SQLite's SQLITE_FULL, PostgreSQL's SQLSTATE 53100. The driver's
    error is looked for behind Peewee's (`orig`) and behind what followed it: after SQLITE_FULL,
    SQLite has already rolled the transaction back, so the ROLLBACK that Peewee then sends fails with
    "cannot rollback - no transaction is active", the full disk being its context."""
    waiting, seen = [exc], []
    while waiting and len(seen) < 8:
        exc = waiting.pop(0)
        if exc is None or any(exc is other for other in seen):
            continue
        seen.append(exc)
        if DISK_FULL_SQLSTATE in (getattr(exc, "sqlstate", None), getattr(exc, "pgcode", None)):
            return True
        if getattr(exc, "sqlite_errorname", None) == "SQLITE_FULL" or DISK_FULL_TEXT in str(exc).lower():
            return True
        waiting += [getattr(exc, "orig", None), exc.__cause__, exc.__context__]
    return False


def without_password(url: str) -> str:
    """The URL without its password."""
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def release_connection() -> None:
    """After a store call on a thread that makes many (a screen's reads, the writer): its pooled
    PostgreSQL connection goes back to the pool, so a kiosk holds one only while a call runs (thirty
    kiosks idle hold none of the server's connections). SQLite keeps its connection: it has no pool."""
    db = database.obj
    if isinstance(db, PooledPostgresqlDatabase) and not db.is_closed() and not db.in_transaction():
        try:
            db.close()
        except Exception:  # a dead connection may fail to close; the pool drops it either way
            recover()


def recover() -> None:
    """After a failed query: drop the connection so the next query opens a fresh one (a pooled one
    is closed, never handed back to the pool)."""
    try:
        if isinstance(database.obj, PooledPostgresqlDatabase):
            database.obj.manual_close()
        else:
            database.close()
    except Exception:  # a dead connection may fail to close; it is gone either way
        pass
