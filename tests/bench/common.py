"""What the benchmarks share: a store in a temporary folder (or, with --db, the PostgreSQL database
given), the bare-sqlite3 or bare-psycopg baseline insert, percentiles, and the one line printed per figure.

Every figure is printed beside a baseline measured in the same run (see DESIGN.md, "How a change
is proven"); a missed target is noted, never asserted.
"""
from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[2]
SMALL_EVENT = ROOT / "tests" / "data" / "small_event"
NOW = "2018-07-05T08:15"  # inside the small event's HARI1 list (06:00-17:59 WIB)
ZONE = "Asia/Jakarta"
LIST_CODE = "HARI1"
# The kiosk's idle screen says "Pindai badge Anda" and "Scan your badge" (the Indonesian may be
# drawn as big block letters); either one, as plain text, means the idle screen is drawn.
KIOSK_IDLE_TEXTS = ("Pindai badge Anda", "Scan your badge")
CHUNK = 1000  # rows per insert_many statement (10 columns: well under SQLite's variable limit)

# The same pragmas the product sets (kiosk.store.SQLITE_PRAGMAS, BUSY_TIMEOUT_SECONDS), by hand.
BARE_PRAGMAS = ("PRAGMA journal_mode=wal", "PRAGMA foreign_keys=1", "PRAGMA synchronous=normal")
BARE_TIMEOUT = 10
# The statement Peewee sends for Checkin.create (same columns, same order).
BARE_INSERT = (
    'INSERT INTO "checkin" ("checkin_list_id", "attendee_id", "at", "terminal", "method", "request_id", '
    '"reason", "undone_by", "undo_reason") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
)


# The PostgreSQL database the store benchmarks run on (python -m tests.bench --db URL); None: SQLite.
# The database is emptied (its public schema made again) before each benchmark and after it.
DB_URL: str | None = None


def on_postgres() -> bool:
    return DB_URL is not None


def note(text: str) -> None:
    """Progress and context, on stderr so stdout holds only the figure lines."""
    print(f"# {text}", file=sys.stderr, flush=True)


# ---- the store -------------------------------------------------------------------------------


def code_of(number: int) -> str:
    return f"A{number:06d}"


def name_of(code: str) -> str:
    return f"Peserta Uji {code}"


@dataclass
class BenchStore:
    folder: Path
    url: str
    path: Path | None  # the SQLite file; None on PostgreSQL
    info: object  # kiosk.store.StoreInfo
    event: object  # models.Event
    checkin_list: object  # models.CheckinList
    codes: list[str]  # the bulk attendees, A000001…
    ids: dict[str, int] = field(default_factory=dict)  # code -> attendee id

    @property
    def where(self) -> str:
        """What a bare connection is opened on (bare_connection): the SQLite file or the PostgreSQL URL."""
        return self.url if self.path is None else str(self.path)

    def payload(self, code: str) -> str:
        from kiosk import tokens

        return tokens.sign(self.event.badge_secret, self.event.slug, code, 1)

    def people(self, count: int, seed: int = 2018) -> list[str]:
        """COUNT different bulk attendees, spread over the whole table."""
        return random.Random(seed).sample(self.codes, count)

    def now(self) -> datetime:
        from kiosk.clock import load_zone, parse_moment

        return parse_moment(NOW, load_zone(ZONE))


@contextmanager
def temp_store(attendees: int) -> Iterator[BenchStore]:
    """A SQLite store in a temporary folder (on PostgreSQL: DB_URL, emptied): the small test event
    plus ATTENDEES bulk attendees.

    The store is open (the models bound to it) inside the block; closed and deleted (emptied) after.
    """
    from kiosk.checkin import list_by_code
    from kiosk.context import find_event
    from kiosk.importer import import_event
    from kiosk.store import close_store, open_store
    from tests.pgserver import reset_database

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        path = None if on_postgres() else Path(folder) / "kiosk.db"
        url = DB_URL if on_postgres() else f"sqlite:///{path}"
        if on_postgres():
            reset_database(url)
        info = open_store(url)
        try:
            import_event(SMALL_EVENT)
            event = find_event()
            codes = add_attendees(event, attendees)
            ids = attendee_ids(event)
            yield BenchStore(Path(folder), url, path, info, event, list_by_code(event, LIST_CODE), codes, ids)
        finally:
            close_store()
            if on_postgres():
                reset_database(url)


def add_attendees(event, count: int) -> list[str]:
    """COUNT attendees A000001… inserted in one transaction; every tenth prefers English."""
    from kiosk.search import attendee_key
    from kiosk.store import write
    from models import Attendee, Institution

    institutions = list(Institution.select().where(Institution.event == event).order_by(Institution.code))
    fields = [Attendee.event, Attendee.code, Attendee.name, Attendee.institution, Attendee.category,
              Attendee.language, Attendee.hotel, Attendee.hotel_room, Attendee.badge_version,
              Attendee.search_key]
    codes, rows = [], []
    for number in range(1, count + 1):
        code = code_of(number)
        institution = institutions[number % len(institutions)]
        hotel, room = ("Hotel Eastparc", str(100 + number % 400)) if number % 3 == 0 else ("", "")
        name = name_of(code)
        rows.append((event.id, code, name, institution.id, "participant", "en" if number % 10 == 0 else "id",
                     hotel, room, 1, attendee_key(name, institution.name, code)))
        codes.append(code)
    with write():
        for start in range(0, len(rows), CHUNK):
            Attendee.insert_many(rows[start:start + CHUNK], fields=fields).execute()
    return codes


def attendee_ids(event) -> dict[str, int]:
    from models import Attendee

    return dict(Attendee.select(Attendee.code, Attendee.id).where(Attendee.event == event).tuples())


def settle(store: BenchStore) -> None:
    """Between measurements: the WAL folded back on SQLite (checkpoint); nothing to do on PostgreSQL."""
    if store.path is not None:
        checkpoint(store.path)


def checkpoint(path: Path) -> None:
    """Fold the WAL back into the database file, so the next measurement starts from the same state."""
    connection = sqlite3.connect(path, timeout=BARE_TIMEOUT)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


# ---- the bare-sqlite3 and bare-psycopg baselines ---------------------------------------------

# What the product's write() sends on PostgreSQL before COMMIT (kiosk.store.NOTIFY_CHANNEL).
BARE_NOTIFY = "NOTIFY kiosk_changes"


def is_postgres_url(where: Path | str) -> bool:
    return str(where).startswith(("postgres://", "postgresql://"))


def bare_connection(where: Path | str):
    """A plain connection with transactions begun by hand: sqlite3 on a file (the product's pragmas),
    or psycopg on a postgresql:// URL (autocommit, so BEGIN and COMMIT are sent as the product's are).

    Both answer execute(sql, params) with a cursor; write SQL with ? and pass it through bare_sql.
    """
    if is_postgres_url(where):
        import psycopg

        return psycopg.connect(str(where), autocommit=True)
    connection = sqlite3.connect(str(where), timeout=BARE_TIMEOUT, isolation_level=None)
    for pragma in BARE_PRAGMAS:
        connection.execute(pragma)
    return connection


def is_sqlite(connection) -> bool:
    return isinstance(connection, sqlite3.Connection)


def bare_sql(connection, sql: str) -> str:
    """SQL written with ? placeholders, in the connection's parameter style (%s for psycopg)."""
    return sql if is_sqlite(connection) else sql.replace("?", "%s")


def bare_begin(connection) -> None:
    connection.execute("BEGIN IMMEDIATE" if is_sqlite(connection) else "BEGIN")


def bare_commit(connection) -> None:
    """COMMIT; on PostgreSQL after the NOTIFY the product's write() sends in every write transaction."""
    if not is_sqlite(connection):
        connection.execute(BARE_NOTIFY)
    connection.execute("COMMIT")


def bare_checkin(connection, list_id: int, attendee_id: int, at: str) -> None:
    """The baseline's one check-in: BEGIN (IMMEDIATE), the same INSERT the product sends (with
    RETURNING "id" on PostgreSQL, as the product asks for the new id), NOTIFY on PostgreSQL, COMMIT."""
    bare_begin(connection)
    values = (list_id, attendee_id, at, "bench-bare", "scan", uuid.uuid4().hex, "", "", "")
    if is_sqlite(connection):
        connection.execute(BARE_INSERT, values)
    else:
        connection.execute(bare_sql(connection, BARE_INSERT) + ' RETURNING "id"', values).fetchone()
    bare_commit(connection)


def utc_text(moment: datetime) -> str:
    """A moment as the naive-UTC text Peewee stores in a DateTimeField."""
    from kiosk.clock import to_utc

    return str(to_utc(moment))


# ---- figures ---------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """The P-th percentile (0-100), interpolated between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: list[float]) -> float:
    return percentile(values, 50)


@dataclass(frozen=True)
class Target:
    text: str
    met: Callable[[float, float], bool]  # (value, ratio) -> met?


NO_TARGET = Target("-", lambda value, ratio: True)


def below(limit: float, unit: str) -> Target:
    return Target(f"< {limit:g} {unit}", lambda value, ratio: value < limit)


def ratio_at_least(limit: float) -> Target:
    return Target(f"ratio >= {limit:g}", lambda value, ratio: ratio >= limit)


def ratio_at_most(limit: float) -> Target:
    return Target(f"ratio <= {limit:g}", lambda value, ratio: ratio <= limit)


MISSED: list[str] = []  # the lines whose target was missed, for the summary at the end


def fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def figure(name: str, value: float, unit: str, baseline: float, target: Target = NO_TARGET) -> str:
    """Print `name: value unit  (baseline: value unit, ratio R, target T)` and return it."""
    ratio = value / baseline if baseline else float("inf")
    line = (f"{name}: {fmt(value)} {unit}  "
            f"(baseline: {fmt(baseline)} {unit}, ratio {ratio:.2f}, target {target.text})")
    print(line, flush=True)
    if not target.met(value, ratio):
        MISSED.append(line)
    return line
