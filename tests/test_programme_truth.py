"""The programme as people need it (issue 10, part 1): a cancelled session is nobody's next step and
says BATAL in every view; a next step on another day says which day, in the person's language; a
session belongs to every calendar day it overlaps, whatever the machine's zone; the timetable opens
at the current half hour and grows with the screen; rooms that are not public stay out of the public
lists; and the directory never cuts a name without a sign and a key that shows it whole.

Use cases run on SQLite and PostgreSQL; screens are driven through Pilot; the snapshots (80x24 and
200x60) are of the welcome with a next step tomorrow, the timetable at 00:15 and the directory with
100-character titles."""
from __future__ import annotations

import shutil
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable

from kiosk.attendees import find_by_code, payload_for
from kiosk.clock import Clock
from kiosk.context import find_event
from kiosk.importer import import_event
from kiosk.lobby import next_steps
from kiosk.program import day_word, load_programme, next_sessions, next_step
from kiosk.schedule import cancel, move
from kiosk.venues import venue_guide
from models import Assignment, Attendee, Room, Session, StaffUser
from screens.checkin import CheckinScreen
from screens.directory import DirectoryScreen
from screens.schedule import ScheduleScreen
from screens.venues import VenueGuideScreen
from tests.conftest import SMALL_EVENT
from tests.helpers import load_small_event, make_app, scan_burst, screen_text, settled, steady, wait_for_text

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
SIZES = [(80, 24), (200, 60)]
SIZE_IDS = ["80x24", "200x60"]
NIGHT_TITLE = "Malam Budaya Nusantara"
LONG_TITLE = ("Kelas Berbagi: Perpustakaan Keliling untuk Desa-desa Terpencil di Pegunungan Menoreh "
              "dan Sekitarnya")  # 100 characters
LONG_TITLE_EN = "Sharing Class: Mobile Libraries for the Remote Villages of the Menoreh Hills and Around The…"


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = WIB) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=zone)


def attendee(code: str) -> Attendee:
    return Attendee.get(Attendee.code == code)


def session(code: str) -> Session:
    return Session.get(Session.code == code)


def room(code: str) -> Room:
    return Room.get(Room.code == code)


def payload(code: str) -> str:
    event = find_event()
    return payload_for(event, find_by_code(event, code))


def app_at(store, screen, moment: datetime, venue: str = "eastparc"):
    app = make_app(store, screen, venue=venue)
    app.context.clock = Clock(moment.tzinfo, moment, frozen=True)
    return app



def night_event(folder: Path, zone: str = "Asia/Makassar") -> Path:
    """The small event in another zone (WITA by default), with a session from 21:30 to 00:30 on the
    first night in Ruang Prambanan, P0001 assigned to it."""
    shutil.copytree(SMALL_EVENT, folder)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('time_zone = "Asia/Jakarta"', f'time_zone = "{zone}"'),
                    encoding="utf-8")
    with (folder / "sessions.csv").open("a", encoding="utf-8") as sessions:
        sessions.write(f"MALAM,{NIGHT_TITLE},Night of Culture,other,eastparc-prambanan,2018-07-05 21:30,"
                       "2018-07-06 00:30,,id,,\n")
    with (folder / "assignments.csv").open("a", encoding="utf-8") as assignments:
        assignments.write("P0001,MALAM\n")
    return folder


@pytest.fixture
def machine_in_utc(monkeypatch):
    """The machine's zone is UTC, the event's is not."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def small(store):
    load_small_event()
    return store


@pytest.fixture
def small_sqlite(sqlite_store):
    load_small_event()
    return sqlite_store


# ---- next steps: never a cancelled session, and the day when it is not today ------------------------


def test_a_cancelled_session_is_nobodys_next_step(small):
    bambang = attendee("P0002")  # assigned to K1 (day 1, 09:30) and K3 (day 2, 08:30)
    assert [s.code for s in next_sessions(bambang, at(5, 8, 15))] == ["K1", "K3"]

    cancel(session("K1"), "meja", "pembicara sakit")

    assert [s.code for s in next_sessions(bambang, at(5, 8, 15))] == ["K3"]
    with_cancelled = next_sessions(bambang, at(5, 8, 15), cancelled=True)  # the desk lists it, marked
    assert [(s.code, s.cancelled) for s in with_cancelled] == [("K1", True), ("K3", False)]
    assert next_steps(bambang, at(5, 8, 15))[0] == ("session_tomorrow", {
        "title": "Mengukur Dampak Program", "time": "08:30", "room": "Ruang Prambanan", "venue": "Hotel Eastparc"})


def test_a_moved_session_is_named_where_it_is_now(small):
    move(session("K1"), room("sheraton-kalasan"), "meja")

    [k1, _] = next_sessions(attendee("P0002"), at(5, 8, 15))

    assert (k1.room, k1.venue, k1.planned_room, k1.moved) == (
        "Ruang Kalasan", "Hotel Sheraton Mustika Yogyakarta", "Ruang Prambanan", True)
    assert k1.starts == at(5, 9, 30) and k1.starts.utcoffset().total_seconds() == 7 * 3600


def test_the_day_of_a_next_step_in_the_persons_language():
    today = date(2018, 7, 5)

    assert day_word(today, today, "id") == day_word(today, today, "en") == ""
    assert (day_word(date(2018, 7, 6), today, "id"), day_word(date(2018, 7, 6), today, "en")) == ("besok", "tomorrow")
    assert day_word(date(2018, 7, 7), today, "id") == "Sabtu 7 Juli"
    assert day_word(date(2018, 7, 7), today, "en") == "Saturday 7 July"


def test_a_next_step_today_later_tomorrow_and_further_ahead(small):
    bambang = attendee("P0002")
    k1, k3 = next_sessions(bambang, at(5, 8, 15))

    assert next_step(k1, at(5, 8, 15), "id") == ("session", {
        "title": "Literasi Digital untuk Pelaku UMKM", "time": "09:30", "room": "Ruang Prambanan",
        "venue": "Hotel Eastparc"})
    assert next_step(k1, at(5, 10), "en")[0] == "session_now"  # running: "on now, since 09:30"
    assert next_step(k3, at(5, 14, 30), "en") == ("session_tomorrow", {
        "title": "Measuring Impact", "time": "08:30", "room": "Ruang Prambanan", "venue": "Hotel Eastparc"})
    key, values = next_step(k3, at(4, 14, 30), "id")
    assert (key, values["day"]) == ("session_day", "Jumat 6 Juli")


def test_the_welcome_says_tomorrow_in_the_persons_language(small):
    """The issue's case: at 14:30 on day 1 the next session is tomorrow morning; an English speaker
    reads its English title."""
    andreas = attendee("V0001")  # speaks English
    Assignment.create(attendee=andreas, session=session("K3"))

    [step] = next_steps(andreas, at(5, 14, 30))

    assert step == ("session_tomorrow", {"title": "Measuring Impact", "time": "08:30", "room": "Ruang Prambanan",
                                         "venue": "Hotel Eastparc"})


async def test_the_kiosk_welcome_names_the_next_real_session_and_its_day(small_sqlite):
    cancel(session("K1"), "meja", "pembicara sakit")
    app = app_at(small_sqlite, lambda: CheckinScreen(), at(5, 8, 15), venue="sheraton")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Scan your badge")
        scan_burst(app, payload("P0002"))
        text = await wait_for_text(pilot, "Selamat datang, Bambang Sutrisno")
        assert "Berikutnya besok 08:30: Mengukur Dampak Program · Ruang Prambanan, Hotel Eastparc" in text
        assert "Literasi Digital" not in text  # cancelled: nobody's next step


# ---- BATAL in every view ---------------------------------------------------------------------------


async def test_a_cancelled_session_says_batal_in_every_view(small_sqlite):
    """K1 (Prambanan, 09:30–12:00) cancelled; K2 moved from Prambanan to Kalasan, then cancelled:
    its planned room's row says where it went and BATAL."""
    cancel(session("K1"), "meja", "pembicara sakit")
    move(session("K2"), room("sheraton-kalasan"), "meja")
    cancel(session("K2"), "meja", "ruang bocor")
    Assignment.create(attendee=attendee("P0002"), session=session("K2"))
    app = app_at(small_sqlite, lambda: DirectoryScreen(), at(5, 10))
    async with app.run_test(size=(120, 40)) as pilot:
        now_view = await wait_for_text(pilot, "Literasi Digital")
        prambanan = row_text(app, "#directory-now", "Ruang Prambanan")
        assert "BATAL" in prambanan and "Literasi Digital" in prambanan  # now: K1, cancelled
        assert "PINDAH" in prambanan and "→ Ruang Kalasan" in prambanan  # next: K2, moved away …
        assert prambanan.count("BATAL") == 2  # … and cancelled too
        assert "BATAL" in row_text(app, "#directory-now", "Ruang Kalasan")  # K2 where it went
        assert "Berikutnya" in now_view

        await pilot.press("f3")
        await wait_for_text(pilot, "Jadwal hari ini")
        assert "BATAL" in row_text(app, "#directory-day", "Ruang Prambanan")  # K1 in its half hour

        await pilot.press("f4")
        await wait_for_text(pilot, "Daftar sesi")
        assert rows_with(app, "#directory-list", "BATAL") >= 2  # K1 and K2

        await pilot.press(*"pusat")  # K2 by its title
        await wait_for_text(pilot, "Hasil pencarian")
        assert "BATAL" in row_text(app, "#directory-results", "Perpustakaan sebagai Pusat")
        await pilot.press("enter", "enter")
        await wait_for_text(pilot, "Cara ke sana|Bahasa")
        detail = dialog_text(app)
        assert "BATAL" in detail and "PINDAH" in detail
        await pilot.press("escape")

        scan_burst(app, payload("P0002"))  # a person's day
        await wait_for_text(pilot, "Jadwal Bambang Sutrisno")
        day = dialog_text(app)
        assert day.count("BATAL") == 2 and "Mengukur Dampak" in day  # K1 and K2; K3 tomorrow is not


async def test_the_schedule_screen_marks_a_cancelled_session(small_sqlite):
    cancel(session("K1"), "meja", "pembicara sakit")
    app = make_app(small_sqlite, lambda: ScheduleScreen(StaffUser.get(StaffUser.name == "meja")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"literasi")
        text = await wait_for_text(pilot, "K1 ")
        assert "BATAL" in text


def dialog_text(app) -> str:
    """The text of the dialog on top (not the screen behind it) as it is drawn, each widget's
    wrapped lines joined again."""
    from screens.widgets.text import Clamped

    return "\n".join(" ".join(widget.clamped(widget.content_size.width).plain.split("\n"))
                     for widget in app.screen.query(Clamped))


def row_text(app, selector: str, first_cell: str) -> str:
    """Every cell of the row of table SELECTOR whose text holds FIRST_CELL, as plain text."""
    table = app.screen.query_one(selector, DataTable)
    for n in range(table.row_count):
        cells = [getattr(value, "plain", str(value)) for value in table.get_row_at(n)]
        if any(first_cell in value for value in cells):
            return " | ".join(cells)
    raise AssertionError(f"no row with {first_cell!r} in {selector}")


def rows_with(app, selector: str, text: str) -> int:
    table = app.screen.query_one(selector, DataTable)
    return sum(any(text in getattr(value, "plain", str(value)) for value in table.get_row_at(n))
               for n in range(table.row_count))


# ---- a session across midnight, in an event whose zone is not the machine's -------------------------


@pytest.fixture
def night(store, tmp_path, machine_in_utc):
    import_event(night_event(tmp_path / "night"))
    return store


@pytest.fixture
def night_sqlite(sqlite_store, tmp_path, machine_in_utc):
    import_event(night_event(tmp_path / "night"))
    return sqlite_store


@pytest.mark.parametrize("hour, minute", [(23, 59), (0, 15)], ids=["23:59", "00:15"])
def test_a_session_belongs_to_every_day_it_overlaps(night, hour, minute):
    assert time.tzname[0] == "UTC" and find_event().time_zone == "Asia/Makassar"
    now = at(5 if hour else 6, hour, minute, WITA)
    programme = load_programme(find_event(), WITA)

    malam = next(slot for slot in programme.slots if slot.code == "MALAM")
    assert (malam.starts, malam.ends) == (at(5, 21, 30, WITA), at(6, 0, 30, WITA))
    assert malam in programme.day(date(2018, 7, 5)) and malam in programme.day(date(2018, 7, 6))
    assert malam in programme.day(now.date())
    rooms = {r.place.room: r for venue in programme.now_next(now, None) for r in venue.rooms}
    assert rooms["Ruang Prambanan"].now == malam  # F2
    assert programme.half_hours(now.date())[0] == (at(5, 7, 0, WITA) if hour else at(6, 0, 0, WITA))  # F3
    assert [s.code for s in next_sessions(attendee("P0001"), now)] == ["MALAM"]  # still on, for the welcome
    assert next_step(next_sessions(attendee("P0001"), now)[0], now, "id")[0] == "session_now"


def test_a_day_ends_at_its_own_midnight(night):
    programme = load_programme(find_event(), WITA)

    assert [s.code for s in programme.day(date(2018, 7, 6))] == ["GALA", "MALAM", "K3"]  # both nights' tails
    assert [s.code for s in programme.day(date(2018, 7, 7))] == []
    times = programme.half_hours(date(2018, 7, 5))
    assert times[0] == at(5, 7, 0, WITA) and times[-1] == at(5, 23, 30, WITA)  # the day only


@pytest.mark.parametrize("hour, minute", [(23, 59), (0, 15)], ids=["23:59", "00:15"])
async def test_the_night_session_shows_on_f2_f3_and_f4(night_sqlite, hour, minute):
    now = at(5 if hour else 6, hour, minute, WITA)
    app = app_at(night_sqlite, lambda: DirectoryScreen(), now)
    async with app.run_test(size=(100, 30)) as pilot:
        text = await wait_for_text(pilot, NIGHT_TITLE)
        assert f"{hour:02d}:{minute:02d} WITA (UTC+8)" in text and "21:30–00:30" in text
        await pilot.press("f3")
        text = await wait_for_text(pilot, "Jadwal hari ini")
        current = "▶23:30" if hour else "▶00:00"
        assert current in text and "Malam Budaya" in text  # titled where the timetable opens
        await pilot.press("f4")
        text = await wait_for_text(pilot, "Daftar sesi")
        assert NIGHT_TITLE in text and "21:30–00:30" in text


# ---- the timetable: where it opens, how it moves on, how wide its cells are --------------------------


async def test_the_timetable_opens_at_the_current_half_hour_and_moves_on(small_sqlite):
    two_to_half_past = at(5, 13, 29).replace(second=58)
    app = app_at(small_sqlite, lambda: DirectoryScreen(), two_to_half_past)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        await pilot.press("f3")
        text = await wait_for_text(pilot, "▶13:00")
        header = header_line(text)
        assert header.index("▶13:00") < 30  # the first column after the rooms, not the last
        assert "07:00" not in header  # the morning is a scroll away
        app.context.clock = Clock(two_to_half_past.tzinfo, two_to_half_past)  # runs from here
        text = await wait_for_text(pilot, "▶13:30", seconds=10)  # the clock moved on: so did the timetable
        assert header_line(text).index("▶13:30") < 30


def header_line(text: str) -> str:
    return next(line for line in text.splitlines() if "▶" in line)


@pytest.mark.parametrize("width, cells", [(80, 14), (200, 30)])
async def test_timetable_cells_grow_with_the_screen(small_sqlite, width, cells):
    app = app_at(small_sqlite, lambda: DirectoryScreen(), at(5, 9, 30))
    async with app.run_test(size=(width, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        await pilot.press("f3")
        await wait_for_text(pilot, "Jadwal hari ini")
        table = app.screen.query_one("#directory-day", DataTable)
        assert table.ordered_columns[1].width >= cells
        shown = "Literasi Digital untuk Pelaku UMKM"[:cells - 1]
        assert shown in screen_text(app)


# ---- rooms that are not public ------------------------------------------------------------------------


def test_public_false_in_event_toml_is_read(tmp_path):
    from kiosk.importer import validate_folder

    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Ruang Kalasan"\n',
                                                             'name = "Ruang Kalasan"\npublic = false\n'),
                    encoding="utf-8")

    plan = validate_folder(folder)

    rooms = {r.code: r.public for venue in plan.event.venues for r in venue.rooms}
    assert rooms == {"sheraton-lobby": True, "sheraton-kalasan": False, "eastparc-prambanan": True}


def test_a_public_flag_that_is_not_true_or_false_is_refused(tmp_path):
    from kiosk.importer import ImportFailed, validate_folder

    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Ruang Kalasan"\n',
                                                             'name = "Ruang Kalasan"\npublic = "no"\n'),
                    encoding="utf-8")

    with pytest.raises(ImportFailed) as refused:
        validate_folder(folder)
    [problem] = refused.value.problems.lines()
    assert problem.startswith("event.toml:") and "public: must be true or false" in problem


def test_public_false_reaches_the_store(store, tmp_path):
    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Ruang Kalasan"\n',
                                                             'name = "Ruang Kalasan"\npublic = false\n'),
                    encoding="utf-8")

    import_event(folder)

    assert not room("sheraton-kalasan").public and room("sheraton-lobby").public


def hide_kalasan() -> None:
    Room.update(public=False).where(Room.code == "sheraton-kalasan").execute()


def test_rooms_not_public_stay_out_of_the_public_lists(small):
    hide_kalasan()  # KOORD and the gala are held there
    event = find_event()
    programme = load_programme(event, WIB)

    assert "Ruang Kalasan" not in [p.room for p in programme.public_places]
    assert "Ruang Kalasan" not in [r.place.room for v in programme.now_next(at(5, 8, 30), None) for r in v.rooms]
    assert [s.code for s in programme.day(date(2018, 7, 5))] == ["REG", "K1", "K2"]
    assert programme.search("kalasan") == [] and programme.search("gala") == []
    assert [r.name for v in venue_guide(event) for r in v.rooms] == ["Lobi Registrasi", "Ruang Prambanan"]
    assert {s.code for s in programme.slots} >= {"KOORD", "GALA"}  # still there for a person's own day


def test_an_older_store_gains_the_public_flag_with_every_room_public(store_url):
    from playhouse.migrations import Runner

    from kiosk.store import MIGRATIONS_DIR, close_store, make_database, open_store

    old = make_database(store_url)
    Runner(old, str(MIGRATIONS_DIR)).up(target="0007_sale_flag")
    old.execute_sql("INSERT INTO event (slug, name, name_en, time_zone, days, languages, badge_secret) "
                    "VALUES ('old', 'Lama', '', 'Asia/Jakarta', '2018-07-05', 'id', '')")
    old.execute_sql("INSERT INTO venue (event_id, code, name, address, position) VALUES (1, 'v', 'V', '', 0)")
    old.execute_sql("INSERT INTO room (venue_id, code, name, floor, directions, directions_en, position) "
                    "VALUES (1, 'r', 'R', '', '', '', 0)")
    old.close()

    open_store(store_url)

    assert [(r.code, r.public) for r in Room.select()] == [("r", True)]
    close_store()


async def test_the_directory_and_venue_guide_leave_them_out_but_a_persons_day_keeps_them(small_sqlite):
    hide_kalasan()
    Assignment.create(attendee=attendee("P0002"), session=session("GALA"))
    app = app_at(small_sqlite, lambda: DirectoryScreen(), at(5, 8, 30))
    async with app.run_test(size=(100, 30)) as pilot:
        text = await wait_for_text(pilot, "Ruang Prambanan")
        assert "Kalasan" not in text and "Koordinasi" not in text
        for key in ("f3", "f4"):
            await pilot.press(key)
            await steady(pilot)
            assert "Kalasan" not in screen_text(app) and "Malam Penghargaan" not in screen_text(app)
        await pilot.press(*"gala")
        await wait_for_text(pilot, "Tidak ditemukan")
        await pilot.press(*["backspace"] * 4)
        scan_burst(app, payload("P0002"))
        day = await wait_for_text(pilot, "Jadwal Bambang Sutrisno")
        assert "Malam Penghargaan dan Gala Dinner" in day and "Ruang Kalasan" in day

    guide = make_app(small_sqlite, lambda: VenueGuideScreen())
    async with guide.run_test(size=(100, 30)) as pilot:
        text = await wait_for_text(pilot, "Lobi Registrasi")
        assert "Kalasan" not in text


# ---- nothing cut without a sign -------------------------------------------------------------------------


def long_names() -> None:
    """Titles of 100 characters, a long room name and a long venue name."""
    Session.update(title=LONG_TITLE, title_en=LONG_TITLE_EN).where(Session.code.in_(["K1", "K2", "GALA"])).execute()
    Room.update(name="Ruang Prambanan Utama Sayap Timur Lantai Dasar").where(Room.code == "eastparc-prambanan").execute()
    from models import Venue

    Venue.update(name="Hotel Eastparc Yogyakarta Convention and Exhibition Centre, Sayap Timur Lama") \
        .where(Venue.code == "eastparc").execute()


async def test_a_title_too_long_ends_in_an_ellipsis_and_enter_shows_it_whole(small_sqlite):
    long_names()
    app = app_at(small_sqlite, lambda: DirectoryScreen(), at(5, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        text = await wait_for_text(pilot, "Kelas Berbagi")
        assert LONG_TITLE not in text
        assert any(line.rstrip().endswith("…") and "Kelas Berbagi" in line for line in text.splitlines())
        assert "09:30–12:00" in text  # times whole
        table = app.screen.query_one("#directory-now", DataTable)
        row = next(n for n in range(table.row_count) if "Prambanan" in table.get_row_at(n)[0].plain)
        table.focus()
        table.move_cursor(row=row, column=1)
        await pilot.press("enter")
        await wait_for_text(pilot, "Cara ke sana|Bahasa")
        detail = dialog_text(app)
        assert LONG_TITLE in detail  # whole
        assert "Ruang Prambanan Utama Sayap Timur Lantai Dasar" in detail
        assert "Hotel Eastparc Yogyakarta Convention and Exhibition Centre, Sayap Timur Lama" in detail
        await pilot.press("escape")
        table.move_cursor(row=next(n for n in range(table.row_count)
                                   if table.get_row_at(n)[1].plain.startswith("Hotel Eastparc")), column=1)
        await pilot.press("enter")  # a venue heading: the venue in full
        await wait_for_text(pilot, "Anda di sini")
        assert "Hotel Eastparc Yogyakarta Convention and Exhibition Centre, Sayap Timur Lama" in dialog_text(app)


# ---- snapshots -------------------------------------------------------------------------------------------


def _welcome_tomorrow(store):
    """At 14:30 on day 1: Bambang's next session is tomorrow's K3."""
    app = app_at(store, lambda: CheckinScreen(), at(5, 14, 30), venue="sheraton")

    async def run(pilot):
        await wait_for_text(pilot, "Scan your badge")  # the kiosk is up, and has read its list
        await settled(pilot)
        scan_burst(pilot.app, payload("P0002"))
        await wait_for_text(pilot, "Selamat datang")
        await steady(pilot)

    return app, run


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_snapshot_welcome_with_a_next_step_tomorrow(snap_compare, small_sqlite, size):
    app, run = _welcome_tomorrow(small_sqlite)
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_snapshot_timetable_at_0015(snap_compare, night_sqlite, size):
    app = app_at(night_sqlite, lambda: DirectoryScreen(), at(6, 0, 15, WITA))

    async def run(pilot):
        await wait_for_text(pilot, NIGHT_TITLE)
        await pilot.press("f3")
        await wait_for_text(pilot, "▶00:00")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_snapshot_directory_with_100_character_titles(snap_compare, small_sqlite, size):
    long_names()
    app = app_at(small_sqlite, lambda: DirectoryScreen(), at(5, 10))

    async def run(pilot):
        await wait_for_text(pilot, "Kelas Berbagi")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_snapshot_list_with_100_character_titles(snap_compare, small_sqlite, size):
    long_names()
    app = app_at(small_sqlite, lambda: DirectoryScreen(), at(5, 10))

    async def run(pilot):
        await wait_for_text(pilot, "Kelas Berbagi")
        await pilot.press("f4")
        await wait_for_text(pilot, "Daftar sesi")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)


def test_the_desk_gets_a_cancelled_session_marked(small):
    """What kiosk/desk.py's view builder can call for a person's next sessions: the cancelled one
    listed, with its BATAL/CANCELLED."""
    move(session("K1"), room("sheraton-kalasan"), "meja")
    cancel(session("K1"), "meja", "pembicara sakit")

    k1, k3 = next_sessions(attendee("P0002"), at(5, 8, 15), limit=2, cancelled=True)

    assert (k1.code, k1.marks("id"), k1.marks("en")) == ("K1", ("BATAL", "PINDAH"), ("CANCELLED", "MOVED"))
    assert (k3.code, k3.marks("id")) == ("K3", ())
