"""The foundation's screens, driven through Pilot over a real store, asserting what a person sees."""
import re
import subprocess
import sys

from screens.audit import AuditScreen
from screens.base import process_language
from screens.overview import OverviewScreen
from screens.venues import VenueGuideScreen
from tests.helpers import load_small_event, make_app, wait_for_text

ADD_INSTITUTION = """
import sys
from kiosk.store import open_store, write
from models import Event, Institution
open_store(sys.argv[1])
with write():
    Institution.create(event=Event.get(), code="DESA-KELOR", name="Perpustakaan Desa Kelor, Karangmojo",
                       kind="village-tbm")
"""


async def test_overview_counts_and_follows_another_process(store):
    load_small_event()
    app = make_app(store, OverviewScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await wait_for_text(pilot, r"Semua peserta +4 ")
        assert "Ikhtisar: PLM Uji Coba" in text, text
        assert "Perpustakaan desa/TBM" in text and "Semua peserta" in text, text
        assert "Hotel Eastparc" in text
        assert re.search(r"Perpustakaan desa/TBM +1 ", text) and re.search(r"Semua lembaga +4 ", text)
        subprocess.run([sys.executable, "-c", ADD_INSTITUTION, store.url], check=True)
        text = await wait_for_text(pilot, r"Semua lembaga +5 ")
        assert re.search(r"Perpustakaan desa/TBM +2 ", text)


async def test_venue_guide_shows_rooms_and_switches_language(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, lambda: VenueGuideScreen(public=True), venue="eastparc")
    async with app.run_test(size=(80, 24)) as pilot:
        text = await wait_for_text(pilot, "Turun tangga di samping restoran.")  # read on a store thread
        assert "Anda di sini" in text  # this kiosk's venue comes first
        assert "Ruang Prambanan  lantai LG · 80 kursi" in text
        await pilot.press("f2")  # this screen alone (tests/test_screen_language.py: over the launcher)
        text = await wait_for_text(pilot, "Down the stairs beside the restaurant.")
        assert "You are here" in text and "Venues and rooms" in text
        assert app.screen.language == "en" and process_language() == "id"
        await pilot.press("down")
        await wait_for_text(pilot, "Straight ahead from the main door.")
        await pilot.press("f2")  # back to Indonesian, on the same venue
        text = await wait_for_text(pilot, "Lurus dari pintu utama.")
        assert "Panduan tempat dan ruang" in text and app.screen.language == "id"


async def test_audit_log_shows_logins(sqlite_store):
    from kiosk.staff import login

    load_small_event()
    login("meja", "1111", "lobby-1")
    app = make_app(sqlite_store, AuditScreen)
    async with app.run_test(size=(120, 24)) as pilot:
        text = await wait_for_text(pilot, "meja masuk di lobby-1")  # a sentence, in the screen's language
        assert "mengimpor acara small" in text


async def test_venue_guide_overview_and_audit_log_read_off_the_event_loop(sqlite_store, monkeypatch):
    import threading

    from models.db import database

    load_small_event()
    ran: list[str] = []  # statements run on the event loop's thread
    elsewhere: list[str] = []
    real = database.obj.execute_sql

    def watched(sql, *args, **kwargs):
        (ran if threading.current_thread() is threading.main_thread() else elsewhere).append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(database.obj, "execute_sql", watched)
    app = make_app(sqlite_store, lambda: VenueGuideScreen(public=True), venue="eastparc")
    ran.clear()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Turun tangga di samping restoran.")
        await pilot.press("down")  # the other venue's rooms, from what was read
        await wait_for_text(pilot, "Lurus dari pintu utama")
    assert ran == [], VenueGuideScreen
    for screen, shown in ((OverviewScreen, r"Semua peserta +4 "), (AuditScreen, "import")):
        app = make_app(sqlite_store, screen)
        ran.clear()
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_text(pilot, shown)
        assert ran == [], screen
    assert any('"audit_entry"' in sql for sql in elsewhere) and any('"room"' in sql for sql in elsewhere)
