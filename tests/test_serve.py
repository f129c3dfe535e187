"""`kiosk serve`: a real server process, opened in headless Chromium (Debian's chromium-headless-shell,
driven by Playwright through executable_path); what it refuses; the served app's lack of an exit."""
from __future__ import annotations

import asyncio
import importlib.util
import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kiosk import i18n
from kiosk.cli import main
from kiosk.clock import Clock, use_event_clock
from kiosk.context import Context, find_event
from kiosk.served import WEB_DRIVER, ServedApp, ServedDriver
from screens.admin_exit import AdminExitScreen
from screens.board import BoardScreen
from tests.helpers import TEST_NOW, load_small_event, make_app, screen_text, wait_for_text
from tests.system import child_processes, free_port

CHROMIUM = Path("/usr/bin/chromium-headless-shell")
ROOT = Path(__file__).resolve().parent.parent
SECONDS = 20.0  # the longest any step may take before the test says what it waited for
TINT = 32  # the panels' tint follows the app's focus (the page's, racing with the keys typed): less than this
SELL = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from kiosk.store import open_store
from kiosk.context import find_event
from kiosk.sales import find_product, record_sale
open_store(sys.argv[1])
product = find_product(find_event(), "GK-KERIPIK")
record_sale(product, 4, "qris", "QRIS-1", "lapak", "other",
            datetime(2018, 7, 5, 8, 16, tzinfo=ZoneInfo("Asia/Jakarta")))
"""


def need_a_browser():
    """Playwright and Chromium, or a skip (a failure in CI, where .ci/run installs both)."""
    if importlib.util.find_spec("playwright") is None:
        missing = "playwright (pip install -e '.[test]')"
    else:
        missing = None if CHROMIUM.exists() else f"{CHROMIUM} (apt-get install chromium-headless-shell)"
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI must run the browser test, but {missing} is missing")
    if missing:
        pytest.skip(f"no {missing} on this machine")


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition, what: str, seconds: float = SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.05)
    raise AssertionError(f"waited {seconds:.0f} s for {what}")


def listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as /proc/net/tcp writes them) listening on PORT."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


class ServedBoard:
    """`kiosk serve --port PORT board` over the store at URL, as an operator starts it; what it says goes to LOG."""

    def __init__(self, url: str, log: Path, port: int | None = None):
        self.url, self.port, self.log = url, port or free_port(), log
        env = {**os.environ, "KIOSK_DB": url, "PYTHONIOENCODING": "utf-8"}
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "--lang", "en", "serve", "--port", str(self.port), "board",
                 "--now", TEST_NOW], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.said = wait_until(lambda: "\n" in log.read_text() and log.read_text(), "the server to start")
        wait_until(lambda: listening_addresses(self.port), "the server to listen")
        self.address = f"http://127.0.0.1:{self.port}"

    def app(self) -> int:
        """The one app process behind the page."""
        return wait_until(lambda: len(found := child_processes(self.process.pid)) == 1 and found[0], "the page's app")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=SECONDS)


@pytest.fixture
def served_board(sqlite_store, sqlite_url, tmp_path):
    load_small_event()
    board = ServedBoard(sqlite_url, tmp_path / "serve.log")
    yield board
    board.stop()


SOCKET = """(() => {
    const Socket = window.WebSocket;  // the page's socket to its app, and the address it asked for (its size)
    window.WebSocket = function (url, ...rest) {
        window.kioskSocketAddress = url;
        return window.kioskSocket = new Socket(url, ...rest);
    };
    window.WebSocket.prototype = Socket.prototype;
})()"""


async def terminal_size(page) -> tuple[int, int]:
    """The terminal's size in cells, as the page asked its app for it."""
    from urllib.parse import parse_qs, urlparse

    query = parse_qs(urlparse(await page.evaluate("window.kioskSocketAddress")).query)
    return int(query["width"][0]), int(query["height"][0])


async def terminal_picture(page):
    """The terminal's picture, in grey levels."""
    box = await page.locator(".xterm-screen").bounding_box()
    return Image.open(io.BytesIO(await page.screenshot(clip=box))).convert("L")


def changes(one, other, rows: list[int], height: int, part: float = 1.0) -> int:
    """How many pixels of those rows of cells (of a terminal HEIGHT rows high; the left PART of them)
    differ clearly between two pictures: by more than TINT."""
    cell = one.height / height
    count = 0
    for row in rows:
        box = (0, round(row * cell), round(one.width * part), round((row + 1) * cell))
        count += sum(ImageChops.difference(one.crop(box), other.crop(box)).histogram()[TINT + 1:])
    return count


async def drawn(page) -> None:
    """Once the page's app has drawn (after a reload too)."""
    await page.locator("body.-first-byte:not(.-closed)").wait_for(timeout=SECONDS * 1000)


async def leave_keys(page) -> None:
    """ctrl+q and ctrl+c to the page's app, as its terminal sends them. They also give the app the
    focus, which it shows: the pictures compared are all taken after them."""
    await page.evaluate("keys => window.kioskSocket.send(JSON.stringify(['stdin', keys]))", "\x11\x03")


async def page_until(page, condition, what: str, evidence: Path | None = None):
    """The terminal's picture once CONDITION(picture) holds (else the last one is kept in EVIDENCE)."""
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        picture = await terminal_picture(page)
        if condition(picture):
            return picture
        await asyncio.sleep(0.1)
    kept = ""
    if evidence is not None:
        picture.save(kept := evidence / f"{what.replace(' ', '-')}.png")
    raise AssertionError(f"the page did not show {what} within {SECONDS:.0f} s {kept}")


async def settled(page, rows: list[int], height: int):
    """The terminal's picture once those rows look the same twice in a row (the page drew it all)."""
    seen = []

    def twice(picture) -> bool:
        seen.append(picture)
        return len(seen) > 1 and not changes(seen[-1], seen[-2], rows, height)

    return await page_until(page, twice, "a settled picture")


async def rows_showing(store, size: tuple[int, int], text: str) -> list[int]:
    """The rows where the board at SIZE (drawn here by Pilot, on the same store, in the page's English)
    shows TEXT."""
    i18n.set_language("en")
    app = make_app(store, BoardScreen)
    async with app.run_test(size=size) as pilot:
        shown, last = await wait_for_text(pilot, text), None
        while shown != last:  # the first frame with TEXT may not be the whole board yet
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown, last = screen_text(app), shown
    return [row for row, line in enumerate(shown.splitlines()) if text in line]


async def test_a_served_board_draws_follows_a_sale_and_comes_back_by_itself(served_board, sqlite_store):
    need_a_browser()
    from playwright.async_api import async_playwright

    board, evidence = served_board, served_board.log.parent
    assert board.said.startswith(f"Serving Stall sales board on {board.address}/"), board.said
    assert listening_addresses(board.port) == {"0100007F"}  # 127.0.0.1 only, by default
    asked: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 720})
            page.on("request", lambda request: asked.append(request.url))
            await page.add_init_script(SOCKET)
            await page.goto(board.address)
            await drawn(page)
            assert await page.evaluate("document.fonts.check('16px \"Roboto Mono\"')")  # the served font
            width, height = await terminal_size(page)
            before = await settled(page, list(range(height)), height)
            await leave_keys(page)

            subprocess.run([sys.executable, "-c", SELL, board.url], check=True, cwd=ROOT)  # a sale at the stall
            rows = await rows_showing(sqlite_store, (width, height), "Rp 60.000")
            await page_until(page, lambda shown: all(changes(shown, before, [row], height) for row in rows),
                             "the new total", evidence)
            sold = await settled(page, rows, height)
            sold.save(evidence / "sold.png")  # to compare with, should a later picture not come
            dimmed = changes(sold, before, [0], height, part=0.5)  # the header's left half: the event's name
            assert not dimmed, "ctrl+q or ctrl+c opened a dialog over the board"

            def like_sold(shown) -> bool:
                return not changes(shown, sold, rows, height)

            app = board.app()
            os.kill(app, signal.SIGKILL)  # the app behind the page dies; the server lives on
            await page.locator("body.-closed").wait_for(timeout=SECONDS * 1000)
            await page.get_by_text("Connection lost: reconnecting by itself…").wait_for(timeout=SECONDS * 1000)
            await drawn(page)  # reloaded
            await leave_keys(page)
            assert board.app() != app
            await page_until(page, like_sold, "the new total after the reload", evidence)

            app = board.app()
            board.process.send_signal(signal.SIGINT)  # ctrl+c, where the operator started it
            assert board.process.wait(timeout=SECONDS) == 0
            wait_until(lambda: not alive(app), "the app to end with the server")
            await page.locator("body.-offline").wait_for(timeout=SECONDS * 1000)  # the page hears nothing now
            again = ServedBoard(board.url, board.log.with_suffix(".again"), port=board.port)
            try:
                await drawn(page)
                await leave_keys(page)
                await page_until(page, like_sold, "the new total from the server started again", evidence)
            finally:
                again.stop()
        finally:
            await browser.close()
    assert asked and all(url.startswith(f"{board.address}/") for url in asked), asked  # nothing from the internet


async def test_a_served_app_ends_when_its_server_is_killed(served_board):
    import aiohttp

    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"ws://127.0.0.1:{served_board.port}/ws?width=80&height=24") as page:
            await asyncio.wait_for(page.receive_bytes(), SECONDS)  # the app draws
            app = served_board.app()
            served_board.process.kill()
            served_board.process.wait(timeout=SECONDS)
            wait_until(lambda: not alive(app), "the app to end once its server is gone")


@pytest.mark.parametrize("in_a_browser", [True, False])
async def test_a_served_display_has_no_exit_in_a_browser(in_a_browser, sqlite_store, monkeypatch):
    load_small_event()
    monkeypatch.setattr(ServedApp, "is_web", property(lambda app: in_a_browser))
    event = find_event()
    clock = Clock.fixed(event.time_zone, TEST_NOW)
    use_event_clock(clock)
    app = ServedApp(Context(store=sqlite_store, clock=clock, event=event, venue=None, terminal="tv"), BoardScreen)
    assert app.driver_class is ServedDriver
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_text(pilot, "Lapak Gunungkidul")
        await pilot.press("ctrl+q")
        if not in_a_browser:  # the admin's exit, as on every display
            assert isinstance(app.screen, AdminExitScreen)
            return
        await pilot.press("ctrl+c", "escape")
        assert not any(isinstance(screen, AdminExitScreen) for screen in app.screen_stack)
        assert isinstance(app.screen, BoardScreen) and app.is_running
        assert "Lapak Gunungkidul" in screen_text(app)


def test_screens_in_a_browser_are_served_apps(monkeypatch):
    from kiosk.app import KioskApp
    from kiosk.commands import kiosk_app_class

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert kiosk_app_class() is KioskApp
    monkeypatch.setenv("TEXTUAL_DRIVER", WEB_DRIVER)  # as textual-serve starts each page's app
    assert kiosk_app_class() is ServedApp


@pytest.mark.parametrize("screen", [["sell"], ["staff"], ["awards", "control"], ["checkin"], ["demo"]])
def test_staff_and_lobby_screens_are_refused_in_one_sentence(screen, capsys):
    assert main(["--lang", "en", "serve", *screen]) == 1
    said = capsys.readouterr().err
    assert said == (f"kiosk: `kiosk serve` puts only board, awards display, directory and venues in a browser, "
                    f"not '{' '.join(screen)}': staff screens go over SSH.\n")


def test_serve_asks_for_a_screen(capsys):
    assert main(["--lang", "en", "serve"]) == 1
    assert capsys.readouterr().err.startswith("kiosk: Name the screen to serve: board, awards display")


def test_serve_listens_on_this_machine_only_unless_told():
    from kiosk.cli import build_parser

    assert build_parser().parse_args(["serve", "board"]).host == "127.0.0.1"
    told = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--public-url", "https://tv.example", "board"])
    assert (told.host, told.public_url, told.screen) == ("0.0.0.0", "https://tv.example", ["board"])


def test_each_award_display_page_is_named_after_the_browser_it_is_in():
    from unittest.mock import Mock

    from aiohttp.test_utils import make_mocked_request

    from kiosk.serve import KioskServer

    def request_from(address: str):
        peer = Mock(get_extra_info=lambda name, default=None: (address, 40000) if name == "peername" else default)
        return make_mocked_request("GET", "/ws", transport=peer)

    named = KioskServer("exec kiosk awards display", host="127.0.0.1", port=8000, public_url=None, title="x",
                        name_pages=True)
    host = socket.gethostname().split(".")[0]
    page = named.page_command(request_from("192.168.1.20"))
    assert page == f"exec kiosk awards display --kiosk-id {host}/web-192.168.1.20"
    assert named.page_command(request_from("192.168.1.21")).endswith("/web-192.168.1.21")
    plain = KioskServer("exec kiosk board", host="127.0.0.1", port=8000, public_url=None, title="x")
    assert plain.page_command(request_from("192.168.1.20")) == "exec kiosk board"


def test_a_port_in_use_is_said_in_one_sentence(sqlite_store, sqlite_url):
    load_small_event()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        served = subprocess.run([sys.executable, "-m", "kiosk", "--lang", "en", "--db", sqlite_url, "serve", "--port",
                                 str(port), "board"], cwd=ROOT, capture_output=True, text=True, timeout=SECONDS)
    assert (served.returncode, served.stdout) == (1, "")
    assert served.stderr == (f"kiosk: Cannot serve on 127.0.0.1:{port}: Address already in use (choose another --port "
                             f"or --host).\n")


def test_the_page_finds_its_server_where_the_browser_or_the_public_url_says():
    from kiosk.serve import page_addresses

    assert page_addresses("http://192.168.1.5:8000") == {
        "websocket_url": "ws://192.168.1.5:8000/ws", "static_url": "http://192.168.1.5:8000/static/",
        "page_url": "http://192.168.1.5:8000/page/", "alive_url": "http://192.168.1.5:8000/alive"}
    behind_a_proxy = page_addresses("https://tv.example.org/board")
    assert behind_a_proxy["websocket_url"] == "wss://tv.example.org/board/ws"
    assert behind_a_proxy["alive_url"] == "https://tv.example.org/board/alive"
