"""The award console and display through Pilot: a display in another process's ceremony follows it,
restarts mid-ceremony, rehearsal watermark, blackout, confirmation before a reveal; rehearsal only on
rehearsal displays, the holding slide's words, the console's count of the displays that follow it."""
import subprocess
import sys

import pytest

from kiosk import terminals
from kiosk.context import find_event
from kiosk.reveal import (
    CLOSING, DRUMROLL, TITLE, WINNERS, go_to, outline, running_order, set_cover, start_rehearsal, state_of,
    stop_rehearsal,
)
from models import LIVE, REHEARSAL, AwardCategory, StaffUser
from models.terminals import AWARD_DISPLAY
from screens import award_console
from screens.award_console import AwardConsoleScreen
from screens.award_display import AwardDisplayScreen
from tests.helpers import load_small_event, make_app, screen_text, until, wait_for_text
from tests.test_reveal import make_ceremony

STEP_IN_ANOTHER_PROCESS = """
import sys
from kiosk.store import open_store
from kiosk.context import find_event
from kiosk.reveal import go_to
open_store(sys.argv[1])
go_to(find_event(), "live", int(sys.argv[2]), "mc")
"""


def load_ceremony() -> None:
    """The small event and its ceremony, in the open store."""
    load_small_event()
    if not AwardCategory.select().count():
        make_ceremony(find_event())


@pytest.fixture
def ceremony(sqlite_store):
    load_ceremony()
    return sqlite_store


@pytest.fixture
def any_ceremony(store):
    """The small event's ceremony, on SQLite and on PostgreSQL."""
    load_ceremony()
    return store


@pytest.fixture
def quick_heartbeats(monkeypatch):
    """Heartbeats, the console's reads of them and the silence that counts, in tenths of a second."""
    monkeypatch.setattr(terminals, "HEARTBEAT_SECONDS", 0.1)
    monkeypatch.setattr(terminals, "SILENT_SECONDS", 1.0)
    monkeypatch.setattr(award_console, "DISPLAYS_POLL_SECONDS", 0.1)
    monkeypatch.setattr(award_console, "CATCH_UP_SECONDS", 0.3)


def display_app(store, terminal: str, rehearsal: bool = False, language: str | None = None):
    def screen():
        display = AwardDisplayScreen(rehearsal=rehearsal)
        if language:
            display.language = language
        return display

    app = make_app(store, screen)
    app.context.terminal = terminal
    return app


def console_app(store, rehearsal: bool = False):
    return make_app(store, lambda: AwardConsoleScreen(StaffUser.get(StaffUser.name == "admin"), rehearsal=rehearsal))


def confetti(app) -> int:
    return sum(screen_text(app).count(mark) for mark in "✦✧✶")


def position_of(kind: str, category: int) -> int:
    steps = running_order(outline(find_event()))
    return next(n for n, s in enumerate(steps) if s.kind == kind and s.category == category)


async def test_a_display_follows_a_console_in_another_process(ceremony, sqlite_url):
    app = make_app(ceremony, AwardDisplayScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Menunggu operator")
        subprocess.run([sys.executable, "-c", STEP_IN_ANOTHER_PROCESS, sqlite_url, "1"], check=True)
        await wait_for_text(pilot, "Kategori 1 dari 2", seconds=10)
        assert app.screen.query_one("#award-big").text == "Perpustakaan Daerah Terbaik"
        subprocess.run([sys.executable, "-c", STEP_IN_ANOTHER_PROCESS, sqlite_url, "3"], check=True)
        text = await wait_for_text(pilot, "Dinas Kearsipan dan Perpustakaan Provinsi Jawa Tengah", seconds=10)
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
            await until(display_pilot, lambda: display.screen.has_class("blackout")
                        and not screen_text(display).strip(), what="a black screen")
        await pilot.press("b")
        text = await wait_for_text(pilot, "SIARAN LANGSUNG +\n")  # the blackout mark is gone
        assert "LAYAR HITAM" not in text


async def test_a_rehearsal_is_watermarked_and_uses_placeholders(ceremony):
    console = console_app(ceremony, rehearsal=True)
    async with console.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "GLADI RESIK")
        for _ in range(position_of(WINNERS, 1)):
            await pilot.press("n")
        text = await wait_for_text(pilot, "Pemenang A")
        assert "Pemenang B" in text and "Bejiharjo" not in text
        display = display_app(ceremony, "gladi", rehearsal=True)
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
        await wait_for_text(pilot, "Lompat melewati 1 kategori yang belum diumumkan\\?")  # the first one
        await pilot.press("y")
        await wait_for_text(pilot, "Di layar sekarang\\s+\\n.*Judul kategori: Perpustakaan Desa Terbaik")
    from kiosk.reveal import TITLE, state_of

    assert state_of(find_event(), LIVE).position == position_of(TITLE, 1)


async def test_a_jump_past_unrevealed_categories_asks_first_and_escape_keeps_the_step(ceremony):
    async with console_app(ceremony).run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Slide pembuka")
        await pilot.press("j")
        await wait_for_text(pilot, "Slide penutup")
        await pilot.press("down", "down", "enter")  # the closing slide, past both categories
        await wait_for_text(pilot, "Lompat melewati 2 kategori yang belum diumumkan\\?")
        await pilot.press("escape")
        await wait_for_text(pilot, "Di layar sekarang\\s+\\n.*Slide pembuka")
        assert state_of(find_event(), LIVE).position == 0
        await pilot.press("j")
        await wait_for_text(pilot, "Slide penutup")
        await pilot.press("enter")  # the first category's title skips nothing: no question
        await wait_for_text(pilot, "Di layar sekarang\\s+\\n.*Judul kategori: Perpustakaan Daerah Terbaik")
        await pilot.press("j")
        await wait_for_text(pilot, "Slide penutup")
        await pilot.press("down", "down", "enter")
        await wait_for_text(pilot, "Lompat melewati 2 kategori")
        await pilot.press("y")
        await wait_for_text(pilot, "Di layar sekarang\\s+\\n.*Terima kasih, penutup")
        await pilot.app.workers.wait_for_complete()
    pilot.app.writer.drain(5)
    assert state_of(find_event(), LIVE).position == len(running_order(outline(find_event()))) - 1


async def test_rehearsal_runs_only_on_rehearsal_displays_and_leaving_it_celebrates_nothing(any_ceremony):
    event = find_event()
    go_to(event, LIVE, position_of(WINNERS, 0) - 1, "mc")
    go_to(event, LIVE, position_of(WINNERS, 0), "mc")
    go_to(event, LIVE, position_of(WINNERS, 1), "mc")  # both categories revealed: two celebrations live
    start_rehearsal(event, "mc")
    go_to(event, REHEARSAL, position_of(DRUMROLL, 1), "mc")
    live, gladi = display_app(any_ceremony, "gala-tv"), display_app(any_ceremony, "gladi-tv", rehearsal=True)
    async with live.run_test(size=(100, 30)) as live_pilot, gladi.run_test(size=(100, 30)) as gladi_pilot:
        await wait_for_text(gladi_pilot, "Dan pemenangnya adalah(.|\n)*GLADI RESIK · REHEARSAL")
        shown = await wait_for_text(live_pilot, "2 pemenang")
        assert "GLADI RESIK" not in shown and not live.screen.query_one("#award-watermark").display
        assert [w.text for w in live.screen.query(".award-winner")] == [
            "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", "TBM Pelangi Aksara"]
        go_to(event, REHEARSAL, position_of(WINNERS, 1), "mc")  # the rehearsal's one reveal celebrates there
        await wait_for_text(gladi_pilot, "[✦✧✶]")
        assert [w.text for w in gladi.screen.query(".award-winner")] == ["Pemenang A", "Pemenang B"]
        assert [w.text for w in live.screen.query(".award-winner")] == [
            "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", "TBM Pelangi Aksara"] and confetti(live) == 0
        stop_rehearsal(event, "mc")  # the rehearsal display comes back to the live winner, quietly
        await until(gladi_pilot, lambda: not gladi.screen.query_one("#award-watermark").display)
        live_winners = ["Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", "TBM Pelangi Aksara"]
        await until(gladi_pilot, lambda: [w.text for w in gladi.screen.query(".award-winner")] == live_winners,
                    what="the live winners")
        await gladi_pilot.pause(0.3)  # confetti would be sprinkled by now: nothing to wait for but a moment
        assert confetti(gladi) == 0 and confetti(live) == 0


HOLDING_MOMENTS = [  # (the step under the holding slide, its words in Indonesian, in English)
    ((TITLE, 0, -1), "Acara segera dimulai", "We begin shortly"),
    ((TITLE, 0, 0), "Sebentar lagi: Perpustakaan Daerah Terbaik", "Coming up: Best Regional Library"),
    ((WINNERS, 0, 0), "Sebentar lagi: Perpustakaan Desa Terbaik", "Coming up: Best Village Library"),
    ((WINNERS, 1, 0), "Terima kasih atas kehadiran Anda", "Thank you for joining us"),
    ((CLOSING, None, 0), "Terima kasih atas kehadiran Anda", "Thank you for joining us"),
]


@pytest.mark.parametrize("language", ["id", "en"])
async def test_the_holding_slide_speaks_for_the_moment(ceremony, language):
    event = find_event()
    steps = running_order(outline(event))
    display = display_app(ceremony, "gala-tv", language=language)
    async with display.run_test(size=(100, 30)) as pilot:
        for (kind, category, offset), indonesian, english in HOLDING_MOMENTS:
            position = next(n for n, s in enumerate(steps) if s.kind == kind and s.category == category) + offset
            go_to(event, LIVE, position, "mc")
            set_cover(event, LIVE, "mc", holding=True)
            words = indonesian if language == "id" else english
            await wait_for_text(pilot, f"{words}")
            other = english if language == "id" else indonesian
            assert other not in screen_text(display)


async def test_the_console_counts_the_displays_following_it(any_ceremony, quick_heartbeats):
    go_to(find_event(), LIVE, 1, "mc")
    console = console_app(any_ceremony)
    async with console.run_test(size=(120, 34)) as pilot:
        await wait_for_text(pilot, "0 layar mengikuti")
        async with display_app(any_ceremony, "gala-kiri").run_test(size=(200, 60)):
            right = display_app(any_ceremony, "gala-kanan")
            async with right.run_test(size=(120, 40)):
                await wait_for_text(pilot, "2 layar mengikuti")
            # the right one has stopped: silent after SILENT_SECONDS, and named
            await wait_for_text(pilot, "1 layar mengikuti\\s*\\n.*• gala-kanan \\(120x40\\) tak terdengar \\d+ detik",
                                seconds=5)
            await pilot.press("n")  # the left one follows the next step and stays counted
            await wait_for_text(pilot, "Di layar sekarang\\s+\\n.*nominasi ke-1")
            await wait_for_text(pilot, "1 layar mengikuti")
            assert "gala-kiri" not in screen_text(console)


async def test_the_console_names_a_display_showing_another_step(any_ceremony, monkeypatch):
    monkeypatch.setattr(award_console, "DISPLAYS_POLL_SECONDS", 0.1)
    go_to(find_event(), LIVE, 1, "mc")
    terminals.beat("lobi-tv/tty2", AWARD_DISPLAY, "small",
                   {"size": [80, 24], "mode": LIVE, "position": 0, "cover": "", "rehearsal": False})
    terminals.beat("gladi-tv", AWARD_DISPLAY, "small",  # in a rehearsal: not the live console's business
                   {"size": [80, 24], "mode": REHEARSAL, "position": 3, "cover": "", "rehearsal": True})
    async with console_app(any_ceremony).run_test(size=(120, 34)) as pilot:
        text = await wait_for_text(
            pilot, "0 layar mengikuti\\s*\\n.*• lobi-tv/tty2 \\(80x24\\) belum mengikuti: Slide pembuka")
        assert "gladi-tv" not in text


@pytest.mark.parametrize("argv, rehearsal, terminal", [
    (["awards", "display"], False, None),
    (["awards", "display", "--rehearsal", "--kiosk-id", "gala-tv-2"], True, "gala-tv-2"),
])
def test_kiosk_awards_display_takes_rehearsal_and_an_id(sqlite_url, monkeypatch, argv, rehearsal, terminal):
    from kiosk import commands
    from kiosk.cli import build_parser

    started = {}
    monkeypatch.setattr(commands, "run_app", lambda args, store, first, **options: started.update(
        screen=first(), terminal=options.get("terminal")) or 0)
    args = build_parser().parse_args(["--db", sqlite_url, *argv])
    assert commands.run_awards_display(args) == 0
    assert isinstance(started["screen"], AwardDisplayScreen)
    assert (started["screen"].rehearsal, started["terminal"]) == (rehearsal, terminal)
