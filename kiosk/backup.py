"""Backups of a SQLite store while kiosks keep writing, rolling copies, and a careful restore.

A backup is SQLite's `VACUUM INTO`: one read transaction, so the copy is the store as of one moment
(every write committed before it began, none after), and in WAL mode writers never wait for it. A
stepwise copy (the backup API a few pages at a time) restarts on every write and may never finish
under load; `cp` of the file misses what is still in the -wal. The copy is written under a temporary
name in the same folder, checked (`integrity_check`, the schema, counts), made private like the
store (0660) and only then renamed into place.

A restore first checks the file the same way, then refuses while another process has the store
open: every SQLite connection to a WAL store holds a shared POSIX lock on one byte of the -shm file
(SQLite's "dead man switch", byte 128) for as long as it is open, idle or not; F_GETLK asks the
kernel who would stop an exclusive lock there and answers with that process's id. It is what
SQLite itself relies on, so it sees every opener SQLite would (any user, any program), unlike a
/proc scan, which cannot see other users' processes. The copy is then written into the store with
the backup API in one step (one write transaction of the store, through its WAL).
"""
from __future__ import annotations

import fcntl
import os
import re
import shlex
import sqlite3
import struct
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

from playhouse.db_url import parse as parse_db_url

from kiosk.files import PRIVATE_FILE_MODE, make_private_folder
from kiosk.i18n import N_
from kiosk.store import HISTORY_TABLE, MIGRATION_NAMES, StoreError, StoreInfo, describe, without_password

COUNTED_TABLES = ("event", "attendee", "checkin", "sale", "staff_user", "audit_entry")
ROLLING_PREFIX = "kiosk-"
ROLLING_SUFFIX = ".db"
ROLLING_NAME = re.compile(r"^kiosk-\d{8}T\d{6}Z\.db$")
SHM_DEAD_MAN_SWITCH = 128  # SQLite's unix VFS: WALINDEX_LOCK_OFFSET (120) + SQLITE_SHM_NLOCK (8)


@dataclass(frozen=True)
class Contents:
    """What a checked copy holds."""

    path: Path
    schema_version: int
    counts: dict[str, int]
    size: int


def pg_dump_command(url: str, out: Path) -> str:
    """The pg_dump line that makes a consistent copy of a PostgreSQL store (custom format, for pg_restore)."""
    return f"pg_dump --format=custom --file={shlex.quote(str(out))} {shlex.quote(no_password(url))}"


def pg_restore_command(url: str, source: Path) -> str:
    return f"pg_restore --clean --if-exists --dbname={shlex.quote(no_password(url))} {shlex.quote(str(source))}"


def no_password(url: str) -> str:
    """URL for a command line: the password is left out (pg_dump asks, or reads ~/.pgpass or PGPASSWORD)."""
    password = urlparse(url).password
    return url.replace(f":{password}@", "@", 1) if password else url


def refuse_postgres(store_url: str, key: str, command: str) -> None:
    """PostgreSQL has its own tools for this: the sentence KEY with the COMMAND to run."""
    if urlparse(store_url).scheme != "sqlite":
        raise StoreError(key, command=command, url=without_password(store_url))


def take_backup(store: StoreInfo, out: Path) -> Contents:
    """A consistent, checked, private copy of the SQLite store at OUT (replaced whole if there)."""
    refuse_postgres(store.url, N_("error.backup.postgres"), pg_dump_command(store.url, out))
    out = Path(out).absolute()
    make_private_folder(out.parent)
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE))  # VACUUM INTO fills an empty file
    try:
        connection = sqlite3.connect(store.location, timeout=10, isolation_level=None)
        try:
            connection.execute("VACUUM INTO ?", (str(temporary),))
        except sqlite3.DatabaseError as error:
            raise describe(error, store.url) from error
        finally:
            connection.close()
        os.chmod(temporary, PRIVATE_FILE_MODE)
        contents = check_copy(temporary)
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)
    return Contents(out, contents.schema_version, contents.counts, contents.size)


def check_copy(path: Path) -> Contents:
    """PATH read only: a sound SQLite file (`integrity_check`) with a store's schema; what it holds."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(N_("error.backup.missing"), path=path)
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise StoreError(N_("error.backup.damaged"), path=path, problem=problems[0])
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if HISTORY_TABLE not in tables:
                raise StoreError(N_("error.backup.not_store"), path=path)
            applied = {row[0] for row in connection.execute(f'SELECT "name" FROM "{HISTORY_TABLE}"')}
            counts = {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                      for table in COUNTED_TABLES if table in tables}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(N_("error.backup.damaged"), path=path, problem=str(error)) from error
    if applied - set(MIGRATION_NAMES):
        raise StoreError(N_("error.backup.newer"), path=path)
    version = max((int(name.split("_")[0]) for name in applied if name[:1].isdigit()), default=0)
    return Contents(path, version, counts, path.stat().st_size)


def read_only_uri(path: Path) -> str:
    return Path(path).absolute().as_uri() + "?mode=ro"  # as_uri quotes ?, # and % in the path


def rolling_name(moment: datetime) -> str:
    return f"{ROLLING_PREFIX}{moment.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}{ROLLING_SUFFIX}"


def rolling_backup(store: StoreInfo, folder: Path, keep: int, moment: datetime) -> tuple[Contents, list[Path]]:
    """One copy into FOLDER named by MOMENT (UTC); the oldest beyond KEEP removed. The copy and the removed."""
    contents = take_backup(store, Path(folder) / rolling_name(moment))
    copies = sorted(path for path in Path(folder).iterdir() if ROLLING_NAME.match(path.name))
    removed = copies[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
    return contents, removed


def keep_backing_up(store: StoreInfo, folder: Path, every: int, keep: int, tell) -> None:
    """A rolling copy every EVERY seconds until interrupted; TELL(contents, removed) after each."""
    while True:
        started = time.monotonic()
        tell(*rolling_backup(store, folder, keep, datetime.now(timezone.utc)))
        pause(max(0.0, every - (time.monotonic() - started)))


def pause(seconds: float) -> None:
    time.sleep(seconds)


def other_opener(db_file: Path) -> int | None:
    """The id of another process that has the SQLite store DB_FILE open, or None (see the module's notes).

    Only for a process that has no connection to DB_FILE itself: closing the descriptor opened here
    drops every POSIX lock this process holds on the -shm file."""
    shm = db_file.with_name(db_file.name + "-shm")
    try:
        handle = os.open(shm, os.O_RDONLY)  # F_GETLK asks; it needs no write access
    except FileNotFoundError:
        return None
    try:
        request = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, SHM_DEAD_MAN_SWITCH, 1, 0)
        l_type, _, _, _, pid = struct.unpack("hhqqi4x", fcntl.fcntl(handle, fcntl.F_GETLK, request))
    finally:
        os.close(handle)
    return None if l_type == fcntl.F_UNLCK else pid


def process_name(pid: int) -> str:
    """What process PID runs (its command line, from /proc), or '' when it cannot be seen."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return ""
    return " ".join(word.decode(errors="replace") for word in words if word)[:120]


def store_file(store_url: str) -> Path:
    return Path(parse_db_url(store_url)["database"]).absolute()


def restore(store_url: str, source: Path) -> Contents:
    """Replace the SQLite store at STORE_URL with the checked copy SOURCE, unless another process has it open."""
    refuse_postgres(store_url, N_("error.restore.postgres"), pg_restore_command(store_url, source))
    contents = check_copy(source)
    db_file = store_file(store_url)
    pid = other_opener(db_file)
    if pid is not None:
        raise StoreError(N_("error.restore.in_use"), path=db_file, pid=pid, program=process_name(pid) or "?")
    make_private_folder(db_file.parent)
    if not db_file.exists():
        handle = os.open(db_file, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
        os.fchmod(handle, PRIVATE_FILE_MODE)
        os.close(handle)
    source_connection = sqlite3.connect(read_only_uri(source), uri=True)
    target = sqlite3.connect(db_file, timeout=10)
    try:
        target.execute("PRAGMA journal_mode=wal")
        source_connection.backup(target, pages=-1)  # one step: one write transaction of the store
    except sqlite3.DatabaseError as error:
        raise describe(error, store_url) from error
    finally:
        target.close()
        source_connection.close()
    return contents
