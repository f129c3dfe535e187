"""directory: the room directory on a programme of 4 venues x 10 rooms = 40 rooms and 600 sessions
over two days (15 per room, back to back with gaps), plus travel between the venues.

Figures, each beside a baseline measured in the same run:
  directory.load               load_programme (the three queries and the Slots built from them), median
  directory.now_next           Programme.now_next at 10:30 on the first day, in memory, median
  directory.timetable          Programme.day plus every timetable cell DirectoryScreen._fill_day builds
                               (each room x 30-minute slot, through its static _timetable_cell), median
  directory.search             Programme.search for one of a few words, in memory, median
    baseline of these four: the bare sqlite3 query fetching the same session rows joined to their rooms
    and venues (same file, same pragmas), interleaved run by run with the product call.
  directory.refresh_on_screen  the real DirectoryScreen in a headless app (200x60, fixed clock at 08:15):
                               from the commit of a delay (kiosk.schedule.delay, in this process) until
                               its DITUNDA/DELAYED mark is on screen; median. Each delay is written at a
                               random moment of the change-poll period and put back (restore) after.
    baseline: the app's change-poll interval (kiosk.app.POLL_SECONDS).
  directory.idle_queries       the same screen left alone for a few seconds with nothing changing and the
                               clock not crossing a boundary: statements sent through Peewee (its 'peewee'
                               logger, every thread) plus any reconnect. Target 0.
    baseline: the change watcher's polls (PRAGMA data_version on its own sqlite3 connection) in the
    same window.
"""
from __future__ import annotations

import asyncio
import logging
import random
import tempfile
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator

from tests.bench.common import Target, bare_connection, figure, median, note

ZONE = "Asia/Jakarta"
DAYS = (date(2018, 7, 5), date(2018, 7, 6))
SESSIONS_PER_DAY = (8, 7)  # per room: 15 over the two days
MID_MORNING = datetime(2018, 7, 5, 10, 30)  # the event's zone; now_next is asked at this moment
SEARCH_WORDS = ("naskah", "digital umkm", "wahyuni", "kalasan", "perpustakaan sekolah", "disabilitas")
DELAY_MINUTES = 5  # shorter than the shortest gap, so the delay never clashes
DELAYED_MARKS = ("DITUNDA", "DELAYED")
SCREEN_SIZE = (200, 60)
SCREEN_POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 10.0
SETTLE_SECONDS = 1.5  # after the directory is first drawn, before the idle window opens
WARMUP = 3

BARE_PROGRAMME = (
    'SELECT * FROM "session" JOIN "room" ON "room"."id" = "session"."room_id" '
    'JOIN "venue" ON "venue"."id" = "room"."venue_id" '
    'WHERE "session"."event_id" = ? ORDER BY "session"."starts_at", "session"."id"'
)

VENUES = (
    ("sheraton", "Hotel Sheraton Mustika Yogyakarta",
     ["Ruang Kalasan", "Ruang Prambanan", "Ruang Borobudur", "Ruang Mendut", "Ruang Sewu", "Ruang Plaosan",
      "Ruang Sambisari", "Ruang Ratu Boko", "Ruang Ijo", "Ruang Banyunibo"]),
    ("eastparc", "Hotel Eastparc",
     ["Ruang Mawar", "Ruang Melati", "Ruang Anggrek", "Ruang Kenanga", "Ruang Cempaka", "Ruang Dahlia",
      "Ruang Teratai", "Ruang Kamboja", "Ruang Flamboyan", "Ruang Seruni"]),
    ("jec", "Jogja Expo Center",
     [f"Hall {letter}" for letter in "ABCDEFGHIJ"]),
    ("ugm", "Perpustakaan UGM",
     [f"Ruang Seminar {n}" for n in range(1, 11)]),
)
TRAVEL_MINUTES = {("sheraton", "eastparc"): 15, ("sheraton", "jec"): 25, ("sheraton", "ugm"): 20,
                  ("eastparc", "jec"): 20, ("eastparc", "ugm"): 25, ("jec", "ugm"): 35}
FORMATS = (("Lokakarya", "Workshop"), ("Diskusi Panel", "Panel Discussion"), ("Kelas", "Class"),
           ("Seminar", "Seminar"), ("Presentasi Makalah", "Paper Presentation"), ("Temu Komunitas", "Community Meetup"))
TOPICS = (
    ("Literasi Digital untuk UMKM", "Digital Literacy for Small Businesses"),
    ("Perpustakaan sebagai Pusat Kegiatan Masyarakat", "The Library as a Community Hub"),
    ("Pelestarian Naskah Kuno", "Preserving Old Manuscripts"),
    ("Layanan untuk Penyandang Disabilitas", "Services for People with Disabilities"),
    ("Metadata dan Katalogisasi", "Metadata and Cataloguing"),
    ("Kearsipan Daerah", "Regional Archives"),
    ("Menumbuhkan Minat Baca Anak", "Growing Children's Love of Reading"),
    ("Perpustakaan Sekolah", "School Libraries"),
    ("Repositori Institusi", "Institutional Repositories"),
    ("Akses Terbuka dan Jurnal Ilmiah", "Open Access and Scholarly Journals"),
    ("Sejarah Lisan Kampung", "Oral History of the Kampung"),
    ("Perpustakaan Keliling", "Mobile Libraries"),
    ("Pengelolaan Koleksi Langka", "Managing Rare Collections"),
    ("Kecerdasan Buatan di Perpustakaan", "Artificial Intelligence in Libraries"),
    ("Hak Cipta dan Lisensi Terbuka", "Copyright and Open Licences"),
)
FIRST_NAMES = ("Sri", "Dewi", "Made", "Agus", "Rina", "Budi", "Putu", "Siti", "Yohanes", "Nur", "Andreas", "Ketut")
LAST_NAMES = ("Wahyuni", "Simanjuntak", "Lestari", "Suardana", "Hidayat", "Santoso", "Pratama", "Nasution",
              "Siregar", "Wijaya", "Rahmawati", "Kusuma")


# ---- the store -------------------------------------------------------------------------------


@dataclass
class ProgrammeStore:
    path: Path
    info: object  # kiosk.store.StoreInfo
    event: object  # models.Event
    sessions: int
    rooms: int


@contextmanager
def programme_store(seed: int = 2018) -> Iterator[ProgrammeStore]:
    """A SQLite store in a temporary folder holding only the directory's event; closed and deleted after."""
    from kiosk.store import close_store, open_store

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        path = Path(folder) / "kiosk.db"
        info = open_store(f"sqlite:///{path}")
        try:
            event, sessions, rooms = build_programme(random.Random(seed))
            yield ProgrammeStore(path, info, event, sessions, rooms)
        finally:
            close_store()


def build_programme(rng: random.Random):
    """The event, its 4 venues of 10 rooms, 600 sessions and the travel between venues, in one write."""
    from kiosk.clock import to_utc
    from kiosk.clock import load_zone
    from kiosk.search import fold
    from kiosk.store import write
    from kiosk.tokens import new_secret
    from models import SCHEDULED, Event, Room, Session, Travel, Venue

    zone = load_zone(ZONE)
    with write():
        event = Event.create(slug="directory-bench", name="Pertemuan Perpustakaan Nusantara",
                             name_en="Nusantara Libraries Meeting", time_zone=ZONE,
                             days=",".join(day.isoformat() for day in DAYS), badge_secret=new_secret())
        venue_ids, rooms = {}, []  # rooms: (room id, room name, venue name)
        for position, (code, name, room_names) in enumerate(VENUES):
            venue = Venue.create(event=event, code=code, name=name, position=position)
            venue_ids[code] = venue.id
            for number, room_name in enumerate(room_names):
                room = Room.create(venue=venue, code=f"{code}-{number + 1}", name=room_name,
                                   floor=str(1 + number // 4), capacity=rng.choice((40, 60, 80, 120, 200)),
                                   position=number)
                rooms.append((room.id, room_name, name))
        Travel.insert_many([{"event": event.id, "from_venue": venue_ids[a], "to_venue": venue_ids[b],
                             "minutes": minutes} for (a, b), minutes in TRAVEL_MINUTES.items()]).execute()
        rows = []
        for room_id, room_name, venue_name in rooms:
            for day, count in zip(DAYS, SESSIONS_PER_DAY):
                starts = datetime.combine(day, datetime.min.time()).replace(hour=8, minute=rng.choice((0, 15, 30)),
                                                                            tzinfo=zone)
                for _ in range(count):
                    ends = starts + timedelta(minutes=rng.choice((45, 60, 60, 90)))
                    rows.append(session_row(event.id, len(rows) + 1, room_id, room_name, venue_name,
                                            starts, ends, rng, to_utc, fold, SCHEDULED))
                    starts = ends + timedelta(minutes=rng.choice((15, 15, 30)))
        for start in range(0, len(rows), 200):
            Session.insert_many(rows[start:start + 200]).execute()
    return event, len(rows), len(rooms)


def session_row(event_id: int, number: int, room_id: int, room_name: str, venue_name: str,
                starts: datetime, ends: datetime, rng: random.Random, to_utc: Callable, fold: Callable,
                status: str) -> dict:
    """One session as the importer writes it: current = planned, search key folded the same way."""
    (form, form_en), (topic, topic_en) = rng.choice(FORMATS), rng.choice(TOPICS)
    title, title_en = f"{form}: {topic}", f"{form_en}: {topic_en}"
    speakers = ", ".join(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.choice((1, 1, 2))))
    code = f"S{number:03d}"
    return {
        "event": event_id, "code": code, "title": title, "title_en": title_en, "kind": "class",
        "room": room_id, "planned_room": room_id, "starts_at": to_utc(starts), "ends_at": to_utc(ends),
        "planned_starts_at": to_utc(starts), "planned_ends_at": to_utc(ends), "status": status,
        "speakers": speakers, "language": rng.choice(("id", "id", "en")), "capacity": rng.choice((None, 40, 80)),
        "description": f"{topic_en}.",
        "search_key": fold(" ".join((code, title, title_en, speakers, f"{room_name} {venue_name}"))),
    }


# ---- in-memory figures -----------------------------------------------------------------------


def bare_fetch(connection, event_id: int) -> list:
    return connection.execute(BARE_PROGRAMME, (event_id,)).fetchall()


def interleaved(product: Callable[[int], object], bare: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians in ms of PRODUCT(n) and BARE(), called one after the other RUNS times after a warm-up."""
    product_ms, bare_ms = [], []
    for n in range(WARMUP + runs):
        started = time.perf_counter()
        product(n)
        product_time = time.perf_counter() - started
        started = time.perf_counter()
        bare()
        bare_time = time.perf_counter() - started
        if n >= WARMUP:
            product_ms.append(product_time * 1000)
            bare_ms.append(bare_time * 1000)
    return median(product_ms), median(bare_ms)


def timetable(programme, now: datetime) -> list[list[str]]:
    """The rows DirectoryScreen._fill_day puts in its table, without the table."""
    from screens.directory import SLOT_MINUTES, DirectoryScreen

    slots = programme.day(now.date())
    first = min(s.starts for s in slots).replace(minute=0)
    last = max(s.ends for s in slots)
    times = []
    while first < last:
        times.append(first)
        first += timedelta(minutes=SLOT_MINUTES)
    labels = [f"▶{m:%H:%M}" if m <= now < m + timedelta(minutes=SLOT_MINUTES) else f"{m:%H:%M}" for m in times]
    rows, by_room = [labels], programme.by_room()
    for place in programme.places:
        cells = [DirectoryScreen._timetable_cell(by_room.get(place.room_id, []), moment) for moment in times]
        if any(cells):
            rows.append([place.room, *cells])
    return rows


def in_memory_figures(store: ProgrammeStore, quick: bool) -> None:
    from kiosk.clock import load_zone
    from kiosk.program import load_programme

    zone = load_zone(ZONE)
    loads, calls = (10, 50) if quick else (30, 200)
    event_id = store.event.id
    bare = bare_connection(store.path)
    try:
        rows = len(bare_fetch(bare, event_id))
        programme = load_programme(store.event, zone)
        if rows != len(programme.slots) or len(programme.places) != store.rooms:
            raise RuntimeError(f"the bare query fetched {rows} rows, the programme {len(programme.slots)} slots")
        now = MID_MORNING.replace(tzinfo=zone)
        rooms_now = sum(1 for venue in programme.now_next(now, None) for room in venue.rooms if room.now)
        table = timetable(programme, now)
        hits = {word: len(programme.search(word)) for word in SEARCH_WORDS}
        note(f"directory: {len(programme.slots)} sessions in {len(programme.places)} rooms; at {now:%H:%M} "
             f"{rooms_now} rooms have a session on; timetable {len(table) - 1} rooms x {len(table[0])} slots; "
             f"search hits {hits}")

        def fetch() -> None:
            bare_fetch(bare, event_id)

        load_ms, bare_ms = interleaved(lambda n: load_programme(store.event, zone), fetch, loads)
        figure("directory.load", load_ms, "ms", bare_ms)
        now_ms, bare_ms = interleaved(lambda n: programme.now_next(now, None), fetch, calls)
        figure("directory.now_next", now_ms, "ms", bare_ms)
        day_ms, bare_ms = interleaved(lambda n: timetable(programme, now), fetch, calls)
        figure("directory.timetable", day_ms, "ms", bare_ms)
        search_ms, bare_ms = interleaved(lambda n: programme.search(SEARCH_WORDS[n % len(SEARCH_WORDS)]),
                                         fetch, calls)
        figure("directory.search", search_ms, "ms", bare_ms)
    finally:
        bare.close()


# ---- the real screen -------------------------------------------------------------------------


class StatementLog(logging.Handler):
    """Every statement Peewee sends (its DEBUG log line), with the thread and the stack it came from."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, str, list[str]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        sql = record.msg[0] if isinstance(record.msg, tuple) else record.getMessage()
        stack = traceback.format_stack()[:-6]  # drop the logging machinery
        self.statements.append((sql, threading.current_thread().name, stack))


@contextmanager
def peewee_statements() -> Iterator[tuple[StatementLog, list[int]]]:
    """Record Peewee's statements, and count the connections it opens, inside the block."""
    from models import database

    logger = logging.getLogger("peewee")
    handler = StatementLog()
    saved = logger.level, logger.propagate
    db = database.obj
    connects = [0]
    original_connect = db._connect

    def counting_connect(*args, **kwargs):
        connects[0] += 1
        return original_connect(*args, **kwargs)

    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    db._connect = counting_connect
    try:
        yield handler, connects
    finally:
        del db._connect
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def marked(text: str) -> bool:
    return any(mark in text for mark in DELAYED_MARKS)


async def wait_until(app, test: Callable[[str], bool], what: str) -> None:
    from tests.helpers import screen_text

    deadline = time.perf_counter() + TIMEOUT_SECONDS
    while not test(screen_text(app)):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{what} not seen on:\n{screen_text(app)}")
        await asyncio.sleep(SCREEN_POLL_SECONDS)


def target_session(store: ProgrammeStore) -> tuple[int, str]:
    """The next session in the directory's first room after the test clock (08:15): its id and room."""
    from kiosk.clock import to_utc
    from kiosk.clock import load_zone, parse_moment
    from models import Room, Session, Venue
    from tests.helpers import TEST_NOW

    first_room = (Room.select().join(Venue).where(Venue.event == store.event)
                  .order_by(Venue.position, Room.position).first())
    after = to_utc(parse_moment(TEST_NOW, load_zone(ZONE)))
    session = (Session.select().where((Session.room == first_room) & (Session.starts_at > after))
               .order_by(Session.starts_at).first())
    return session.id, first_room.name


@dataclass
class ScreenResult:
    refresh_ms: list[float]
    load_ms: list[float]
    idle_statements: list[tuple[str, str, list[str]]]
    idle_connects: int
    idle_polls: int
    idle_seconds: float
    change_statements: int  # Peewee statements the screen made to show one change (the last one)


async def on_screen(store: ProgrammeStore, refreshes: int, idle_seconds: float) -> ScreenResult:
    from kiosk.app import POLL_SECONDS
    from kiosk.schedule import delay, restore
    from models import Session
    from screens.directory import DirectoryScreen
    from tests.helpers import make_app, screen_text

    session_id, room_name = target_session(store)
    app = make_app(store.info, DirectoryScreen)
    polls = [0]
    watched = app._watcher.changed

    def counting_changed() -> bool:
        polls[0] += 1
        return watched()

    app._watcher.changed = counting_changed
    rng = random.Random(7)
    refresh_ms, load_ms = [], []
    async with app.run_test(size=SCREEN_SIZE):
        await wait_until(app, lambda text: room_name in text, f"room {room_name!r}")
        screen = app.screen
        if not isinstance(screen, DirectoryScreen):
            raise RuntimeError(f"the app shows {type(screen).__name__}, not the directory")
        if marked(screen_text(app)):
            raise RuntimeError("a delayed mark is on screen before any delay")
        await asyncio.sleep(SETTLE_SECONDS)

        # The idle window: nothing changes, the fixed clock crosses no boundary.
        with peewee_statements() as (log, connects):
            polls_before, started = polls[0], time.perf_counter()
            await asyncio.sleep(idle_seconds)
            idle = list(log.statements), connects[0], polls[0] - polls_before, time.perf_counter() - started

        # Changes: time what the event loop does with each read (the tables filled), and the whole
        # way to the screen.
        shower = screen.show

        def timed_show(view) -> None:
            begun = time.perf_counter()
            shower(view)
            load_ms.append((time.perf_counter() - begun) * 1000)

        screen.show = timed_show
        change_statements = 0
        for n in range(WARMUP + refreshes):
            await asyncio.sleep(rng.uniform(0, POLL_SECONDS))  # a random moment of the poll period
            with peewee_statements() as (log, _):
                delay(Session.get_by_id(session_id), DELAY_MINUTES, "bench")
                written, before = time.perf_counter(), len(log.statements)
                await wait_until(app, marked, "the delayed mark")
                shown = time.perf_counter()
                change_statements = len(log.statements) - before
            if n >= WARMUP:
                refresh_ms.append((shown - written) * 1000)
            restore(Session.get_by_id(session_id), "bench")
            await wait_until(app, lambda text: not marked(text), "the mark gone after restore")
        del screen.show
    return ScreenResult(refresh_ms, load_ms[WARMUP * 2:], *idle, change_statements)


def show_statements(statements: list[tuple[str, str, list[str]]]) -> None:
    """Where each idle statement came from: the SQL, the thread and the stack (innermost last)."""
    for number, (sql, thread, stack) in enumerate(statements, 1):
        note(f"idle statement {number} in thread {thread}: {sql}")
        for frame in stack[-14:]:
            for line in frame.rstrip().splitlines():
                note(f"    {line}")


def run(quick: bool) -> None:
    from kiosk.app import POLL_SECONDS

    refreshes, idle_seconds = (3, 2.0) if quick else (10, 5.0)
    with programme_store() as store:
        note(f"directory: {len(VENUES)} venues, {store.rooms} rooms, {store.sessions} sessions over {len(DAYS)} days")
        in_memory_figures(store, quick)
        result = asyncio.run(on_screen(store, refreshes, idle_seconds))
    note(f"directory: the screen's show() on the event loop (the tables filled; the queries run on a store "
         f"thread) median {median(result.load_ms):.1f} ms over {len(result.load_ms)} reads; showing one change "
         f"took {result.change_statements} Peewee statements")
    figure("directory.refresh_on_screen", median(result.refresh_ms), "ms", POLL_SECONDS * 1000)
    idle_count = len(result.idle_statements) + result.idle_connects
    note(f"directory: idle window {result.idle_seconds:.1f} s: {len(result.idle_statements)} Peewee statements, "
         f"{result.idle_connects} reconnects, {result.idle_polls} change polls (PRAGMA data_version)")
    if idle_count:
        show_statements(result.idle_statements)
    figure("directory.idle_queries", idle_count, "statements", result.idle_polls,
           Target("= 0", lambda value, ratio: value == 0))
