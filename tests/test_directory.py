"""The room directory through Pilot: now and next, live changes from another process, the clock
moving, search, details, a badge's day, language, and the machine's time zone not mattering."""
import subprocess
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.attendees import find_by_code, payload_for
from kiosk.clock import Clock
from kiosk.context import find_event
from screens.directory import DirectoryScreen
from tests.helpers import load_small_event, make_app, scan_burst, screen_text, until, wait_for_text

JAKARTA = ZoneInfo("Asia/Jakarta")

MOVE_K1 = """
import sys
from kiosk.store import open_store
from kiosk.schedule import move
from models import Room, Session
open_store(sys.argv[1])
move(Session.get(Session.code == "K1"), Room.get(Room.code == "sheraton-kalasan"), "meja")
"""


@pytest.fixture
def event_store(sqlite_store):
    load_small_event()
    return sqlite_store


def directory(store, at: str, venue: str = "eastparc", **options):
    app = make_app(store, lambda: DirectoryScreen(**options), venue=venue)
    moment = datetime.fromisoformat(at).replace(tzinfo=JAKARTA)
    app.context.clock = Clock(JAKARTA, moment, frozen=True)
    return app


async def test_now_and_next_with_this_venue_first(event_store):
    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(100, 30)) as pilot:
        text = await wait_for_text(pilot, "Literasi Digital untuk Pelaku UMKM")
        assert text.index("Hotel Eastparc") < text.index("Hotel Sheraton Mustika Yogyakarta")
        assert "Anda di sini" in text and "15 menit naik shuttle" in text
        assert "09:30–12:00" in text and "13:00–14:30" in text  # K1 now, K2 next in Prambanan
        assert "Tidak ada sesi lagi hari ini" in text  # the lobby: registration is over


async def test_a_change_in_another_process_shows_without_restart(event_store, sqlite_url):
    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        subprocess.run([sys.executable, "-c", MOVE_K1, sqlite_url], check=True)
        text = await wait_for_text(pilot, "PINDAH", seconds=10)  # how soon: tests/bench directory.refresh_on_screen
        assert "→ Ruang Kalasan" in text


async def test_the_clock_moves_the_screen_without_a_query(event_store):
    app = directory(event_store, "2018-07-05T09:29:58")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        assert "BARU MULAI" not in screen_text(app)
        # The clock runs from here, two seconds before 09:30 (however long the start took).
        app.context.clock = Clock(JAKARTA, datetime(2018, 7, 5, 9, 29, 58, tzinfo=JAKARTA))
        await wait_for_text(pilot, "BARU MULAI", seconds=10)  # K1 started at 09:30


async def test_search_by_title_speaker_room_and_institution(event_store):
    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"wahyuni")
        text = await wait_for_text(pilot, "Hasil pencarian")
        assert "Literasi Digital untuk Pelaku UMKM" in text and "Mengukur Dampak" not in text
        await pilot.press(*["backspace"] * 7, *"bejiharjo")  # P0002's institution: K1 and K3
        text = await wait_for_text(pilot, "Mengukur Dampak Program")
        assert "Literasi Digital" in text


async def test_detail_tells_the_way_from_here(event_store):
    app = directory(event_store, "2018-07-05T12:30", venue="sheraton")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Perpustakaan sebagai Pusat")
        await pilot.press("tab")
        while "Ruang Prambanan" not in str(app.screen.query_one("#directory-now").get_row_at(
                app.screen.query_one("#directory-now").cursor_row)[0]):
            await pilot.press("down")
        await pilot.press("enter")
        text = await wait_for_text(pilot, "WIB \\(UTC\\+7\\)")
        assert "Kamis, 5 Juli 2018, 13:00–14:30" in text
        assert "Naik shuttle ke Hotel Eastparc (sekitar 15 menit)." in text
        assert "Turun tangga di" in text  # the room's directions


async def test_a_badge_scan_shows_that_persons_day(event_store):
    app = directory(event_store, "2018-07-05T08:00")
    event = find_event()
    async with app.run_test(size=(100, 30)) as pilot:
        scan_burst(app, payload_for(event, find_by_code(event, "P0002")))
        text = await wait_for_text(pilot, "Jadwal Bambang Sutrisno")
        assert "Literasi Digital untuk Pelaku UMKM" in text and "Mengukur Dampak Program" in text


async def test_the_person_at_the_kiosk_switches_language(event_store):
    """F5 switches this screen alone (the process's language stays); F5 again switches back, on the
    view and with the search the person was on (tests/test_screen_language.py: dialogs on top)."""
    from kiosk.i18n import t
    from screens.base import process_language

    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        await pilot.press("f5")
        text = await wait_for_text(pilot, "You are here")
        assert "Now & next" in text and "Digital Literacy for Small" in text
        assert (app.screen.language, process_language(), t("login.title", "id")) == ("en", "id", "Masuk staf")
        await pilot.press("f3")
        await wait_for_text(pilot, "Today's timetable")
        await pilot.press(*"literasi")
        await wait_for_text(pilot, "Search results")
        await pilot.press("f5")
        text = await wait_for_text(pilot, "Hasil pencarian")
        assert "Literasi Digital untuk Pelaku UMKM" in text and app.screen.language == "id"
        assert app.screen.query_one("#directory-search").value == "literasi"


async def test_keys_typed_just_before_f5_are_kept(event_store):
    """F5 pressed before the search of the last keys ran: the box keeps them and searches them."""
    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        await pilot.press(*"literasi", "f5")
        text = await wait_for_text(pilot, "Search results")
        assert app.screen.query_one("#directory-search").value == "literasi"
        assert "Digital Literacy for Small" in text


@pytest.mark.parametrize("machine_zone", ["UTC", "America/New_York"])
async def test_the_machine_time_zone_changes_nothing(event_store, monkeypatch, machine_zone):
    monkeypatch.setenv("TZ", machine_zone)
    time.tzset()
    try:
        app = directory(event_store, "2018-07-05T23:45")
        async with app.run_test(size=(100, 30)) as pilot:
            text = await wait_for_text(pilot, "Malam Penghargaan dan Gala Dinner")
            assert "19:00–00:30" in text and "23:45 WIB (UTC+7)" in text
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_enter_on_the_timetable_opens_that_session(event_store):
    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        await pilot.press("f3")
        await wait_for_text(pilot, "Jadwal hari ini")
        table = app.screen.query_one("#directory-day")
        row = next(n for n in range(table.row_count) if "Prambanan" in str(table.get_row_at(n)[0]))
        table.focus()
        table.move_cursor(row=row, column=table.cursor_column)  # the current half hour: K1 runs
        await pilot.press("enter")
        text = await wait_for_text(pilot, "Kamis, 5 Juli 2018, 09:30–12:00")
        assert "Ruang Prambanan" in text


@pytest.fixture
def loop_queries(monkeypatch):
    """The SQL run while the test drives the app: (on the event loop's thread, statement)."""
    import threading

    from models.db import database

    ran: list[tuple[bool, str]] = []
    real = database.obj.execute_sql

    def watched(sql, *args, **kwargs):
        ran.append((threading.current_thread() is threading.main_thread(), sql))
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(database.obj, "execute_sql", watched)
    return ran


async def test_every_view_search_detail_and_scan_read_off_the_event_loop(event_store, loop_queries):
    event = find_event()
    payload = payload_for(event, find_by_code(event, "P0002"))
    app = directory(event_store, "2018-07-05T10:00", show_assigned=True)
    loop_queries.clear()  # what the test itself asked while setting up
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        for key, title in (("f3", "Jadwal hari ini"), ("f4", "Daftar sesi"), ("f2", "Sekarang & berikutnya")):
            await pilot.press(key)
            await wait_for_text(pilot, title)
        await pilot.press(*"bejiharjo")  # an institution: read on a store thread
        await wait_for_text(pilot, "Mengukur Dampak Program")
        await pilot.press("enter", "enter")  # the first result's detail, with who is assigned
        await wait_for_text(pilot, "Peserta terdaftar")
        await pilot.press("escape")
        scan_burst(app, payload)
        await wait_for_text(pilot, "Jadwal Bambang Sutrisno")
    assert [sql for on_loop, sql in loop_queries if on_loop] == []
    assert any("institution" in sql for _, sql in loop_queries)  # the reads did run, on store threads
    assert any('"assignment"' in sql and '"attendee"' in sql for _, sql in loop_queries)


async def test_a_store_that_fails_under_a_search_or_a_scan_is_a_calm_notice(event_store, monkeypatch):
    import kiosk.program
    from peewee import OperationalError

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    event = find_event()
    payload = payload_for(event, find_by_code(event, "P0002"))
    app = directory(event_store, "2018-07-05T10:00")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        monkeypatch.setattr(kiosk.program, "sessions_of_institutions", locked)
        await pilot.press(*"bejiharjo")
        await until(pilot, lambda: unavailable(app) == 1)
        assert app.return_code is None and isinstance(app.screen, DirectoryScreen)
        monkeypatch.undo()  # the store answers again: the search is read again by itself
        await wait_for_text(pilot, "Mengukur Dampak Program", seconds=5)

        monkeypatch.setattr(kiosk.program, "attendee_for_scan", locked)
        scan_burst(app, payload)
        await until(pilot, lambda: unavailable(app) == 2)
        assert app.return_code is None and isinstance(app.screen, DirectoryScreen)

def unavailable(app) -> int:
    return sum("Data sementara tidak tersedia" in n.message for n in app._notifications)
