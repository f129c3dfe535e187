"""The award console and display through Pilot: a display in another process's ceremony follows it,
restarts mid-ceremony, rehearsal watermark, blackout, confirmation before a reveal."""
import subprocess
import sys

import pytest

from kiosk.context import find_event
from kiosk.reveal import WINNERS, go_to, outline, running_order
from models import LIVE, AwardCategory, StaffUser
from screens.award_console import AwardConsoleScreen
from screens.award_display import AwardDisplayScreen
from tests.helpers import load_small_event, make_app, screen_text, wait_for_text
from tests.test_reveal import make_ceremony

STEP_IN_ANOTHER_PROCESS = """
import sys
from kiosk.store import open_store
from kiosk.context import find_event
from kiosk.reveal import go_to
open_store(sys.argv[1])
go_to(find_event(), "live", int(sys.argv[2]), "mc")
"""


@pytest.fixture
def ceremony(sqlite_store):
    load_small_event()
    if not AwardCategory.select().count():
        make_ceremony(find_event())
    return sqlite_store


def position_of(kind: str, category: int) -> int:
    steps = running_order(outline(find_event()))
    return next(n for n, s in enumerate(steps) if s.kind == kind and s.category == category)


async def test_a_display_follows_a_console_in_another_process(ceremony, sqlite_url):
    app = make_app(ceremony, AwardDisplayScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Menunggu operator")
        subprocess.run([sys.executable, "-c", STEP_IN_ANOTHER_PROCESS, sqlite_url, "1"], check=True)
        await wait_for_text(pilot, "Kategori 1 dari 2", seconds=1.5)
        assert app.screen.query_one("#award-big").text == "Perpustakaan Daerah Terbaik"
        subprocess.run([sys.executable, "-c", STEP_IN_ANOTHER_PROCESS, sqlite_url, "3"], check=True)
        text = await wait_for_text(pilot, "Dinas Kearsipan dan Perpustakaan Provinsi Jawa Tengah", seconds=1.5)
        assert "Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul" in text  # both nominees now


async def test_a_display_started_mid_ceremony_shows_the_step_at_once(ceremony):
    event = find_event()
    go_to(event, LIVE, position_of(WINNERS, 1), "mc")
    app = make_app(ceremony, AwardDisplayScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "2 pemenang")
        names = [widget.text for widget in app.screen.query(".award-winner")]
        assert names == ["Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", "TBM Pelangi Aksara"]
        assert screen_text(app).count("✦") == 0  # no celebration replayed on a restart


async def test_the_console_asks_before_revealing_and_the_display_celebrates(ceremony):
    console = make_app(ceremony, lambda: AwardConsoleScreen(StaffUser.get(StaffUser.name == "admin")))
    event = find_event()
    go_to(event, LIVE, position_of(WINNERS, 0) - 1, "mc")  # the drum roll of the first category
    async with console.run_test(size=(100, 30)) as pilot:
        # the operator sees the winners first
        await wait_for_text(pilot, "Pemenang \\(hanya di konsol ini\\) *\n.*★ Dinas Perpustakaan dan Kearsipan Kabupaten")
        await pilot.press("n")
        await wait_for_text(pilot, "Umumkan pemenang Perpustakaan Daerah Terbaik\\?")
        await pilot.press("n")  # not yet
        assert AwardCategory.get(AwardCategory.code == "DAERAH").revealed_at is None
        await pilot.press("right")
        await wait_for_text(pilot, "Umumkan pemenang")
        await pilot.press("y")
        await wait_for_text(pilot, "Perpustakaan Daerah Terbaik: PEMENANG diumumkan")
    assert AwardCategory.get(AwardCategory.code == "DAERAH").revealed_at is not None


async def test_blackout_and_back(ceremony):
    event = find_event()
    go_to(event, LIVE, 1, "mc")
    console = make_app(ceremony, lambda: AwardConsoleScreen(StaffUser.get(StaffUser.name == "admin")))
    async with console.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Judul kategori: Perpustakaan Daerah Terbaik")
        await pilot.press("b")
        await wait_for_text(pilot, "LAYAR HITAM")
        display = make_app(ceremony, AwardDisplayScreen)
        async with display.run_test(size=(80, 24)) as display_pilot:
            await display_pilot.pause(0.3)
            assert screen_text(display).strip() == "" and display.screen.has_class("blackout")
        await pilot.press("b")
        text = await wait_for_text(pilot, "SIARAN LANGSUNG +\n")  # the blackout mark is gone
        assert "LAYAR HITAM" not in text


async def test_a_rehearsal_is_watermarked_and_uses_placeholders(ceremony):
    console = make_app(ceremony, lambda: AwardConsoleScreen(StaffUser.get(StaffUser.name == "admin"),
                                                            rehearsal=True))
    async with console.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "GLADI RESIK")
        for _ in range(position_of(WINNERS, 1)):
            await pilot.press("n")
        text = await wait_for_text(pilot, "Pemenang A")
        assert "Pemenang B" in text and "Bejiharjo" not in text
        display = make_app(ceremony, AwardDisplayScreen)
        async with display.run_test(size=(100, 30)) as display_pilot:
            shown = await wait_for_text(display_pilot, "2 pemenang(.|\n)*█(.|\n)*GLADI RESIK · REHEARSAL")
            assert [w.text for w in display.screen.query(".award-winner")] == ["Pemenang A", "Pemenang B"]
            assert "Bejiharjo" not in shown
    assert AwardCategory.select().where(AwardCategory.revealed_at.is_null(False)).count() == 0


async def test_jump_to_a_category(ceremony):
    console = make_app(ceremony, lambda: AwardConsoleScreen(StaffUser.get(StaffUser.name == "admin")))
    async with console.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Slide pembuka")
        await pilot.press("j")
        await wait_for_text(pilot, "Lompat ke kategori")
        await pilot.press("down", "enter")
        await wait_for_text(pilot, "Di layar sekarang\\s+\\n.*Judul kategori: Perpustakaan Desa Terbaik")
    from kiosk.reveal import TITLE, state_of

    assert state_of(find_event(), LIVE).position == position_of(TITLE, 1)
