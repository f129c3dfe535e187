"""`kiosk serve SCREEN`: a display or public screen as a web page, for a venue's TV (textual-serve).

Each page that opens runs its own `kiosk SCREEN …` process (with the same store and event options),
drawn in the page by xterm.js. The page loads nothing but what this server serves (a venue may have no
internet), comes back by itself once the server answers after it lost its app or its network, and has
no exit: the screen ends with the server (kiosk.served).
"""
from __future__ import annotations

import asyncio
import logging
import os
import shlex
import signal
import socket
import sys
from contextlib import suppress
from importlib.resources import files
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from kiosk.cli import build_parser
from kiosk.errors import Refused
from kiosk.i18n import N_, language, set_language, t

# The screens a browser may show (the command's `run`), by their names in the catalogue.
SERVABLE = {"board": N_("launcher.board"), "awards_display": N_("launcher.awards_display"),
            "directory": N_("launcher.directory"), "venues": N_("launcher.venues")}
NEEDS_AN_EVENT = {"board", "awards_display", "directory"}
NAMED = {"awards_display"}  # screens the console counts by --kiosk-id: each page gets its own
DEFAULT_FONT_SIZE = 16
PAGE = Path(str(files("kiosk") / "serve_page"))  # the page's template and its script
COMMON_OPTIONS = ("db", "now", "lang", "event")  # given to `kiosk serve`, passed on to the screen


def run_serve(args) -> int:
    from kiosk.commands import require_event
    from kiosk.store import open_store, translate_errors

    argv = screen_argv(args)
    screen = build_parser().parse_args(argv)
    if screen.lang:
        set_language(screen.lang)  # given after SCREEN: this command's words too
    if screen.run not in SERVABLE:
        raise Refused(N_("error.serve.not_servable"), screen=" ".join(args.screen))
    store = open_store(screen.db)
    with translate_errors(store.url):
        if screen.run in NEEDS_AN_EVENT:
            require_event(screen.event)
    server = KioskServer(served_command(argv), host=args.host, port=args.port, public_url=args.public_url,
                         title=t(SERVABLE[screen.run]), name_pages=screen.run in NAMED and not screen.kiosk_id)
    server.serve()
    return 0


def screen_argv(args) -> list[str]:
    """The screen's `kiosk` command line: the store and event options `kiosk serve` was given, then
    SCREEN and its own options (which win)."""
    if not args.screen:
        raise Refused(N_("error.serve.no_screen"))
    given = [[f"--{name}", value] for name in COMMON_OPTIONS if (value := getattr(args, name, None))]
    return [word for option in given for word in option] + list(args.screen)


def served_command(argv: list[str]) -> str:
    """The shell line textual-serve runs for each page: this Python's `kiosk`, in place of the shell
    (so the app is the server's child, and a signal reaches it)."""
    return "exec " + shlex.join([sys.executable, "-m", "kiosk", *argv])


def page_addresses(base: str) -> dict[str, str]:
    """The addresses the page uses, under BASE (the browser's http[s]://host[:port], or --public-url)."""
    websocket = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1] + "/ws"
    return {"websocket_url": websocket, "static_url": f"{base}/static/", "page_url": f"{base}/page/",
            "alive_url": f"{base}/alive"}


class PageAppService(AppService):
    """One page's app, whose page hears at once when the app's process ended however it ended
    (textual-serve's only closes the page when the app said goodbye)."""

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            with suppress(ConnectionError, RuntimeError):
                await self.remote_close()

    async def stop(self) -> None:
        await super().stop()
        if self._process is not None and self._process.stdin is not None:
            self._process.stdin.close()  # the process's pipes all closed, asyncio lets go of it
            await self._process.wait()


class KioskServer(Server):
    """textual-serve's server with the kiosk's page: local fonts, a cheap /alive route the page polls
    to come back by itself, and page addresses from --public-url, else from the address the browser used."""

    def __init__(self, command: str, *, host: str, port: int, public_url: str | None, title: str,
                 name_pages: bool = False):
        super().__init__(command, host=host, port=port, title=title, public_url=public_url, templates_path=PAGE)
        self.name_pages = name_pages
        self.given_public_url = public_url.rstrip("/") if public_url else None
        self.pages: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/alive", self.handle_alive, name="alive")
        app.router.add_static("/page", PAGE / "static", name="page")
        return app

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c (SIGINT) or SIGTERM; a refusal when the address cannot be listened on."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self.run())

    async def run(self) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            try:
                await web.TCPSite(runner, self.host, self.port).start()
            except OSError as error:
                raise Refused(N_("error.serve.cannot_listen"), address=f"{self.host}:{self.port}",
                              problem=os.strerror(error.errno) if error.errno else str(error)) from None
            url = self.given_public_url or f"http://{self.host}:{self.port}"
            print(t("cli.serve.serving", screen=self.title, url=f"{url}/"), t("cli.serve.stop"), sep="\n", flush=True)
            stopped = asyncio.Event()
            for signal_number in (signal.SIGINT, signal.SIGTERM):
                asyncio.get_running_loop().add_signal_handler(signal_number, stopped.set)
            await stopped.wait()
        finally:
            await runner.cleanup()

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to say yet (textual-serve's banner): `run` says where it listens once it does."""

    async def on_shutdown(self, app: web.Application) -> None:
        """The server stops: every page's socket closes, so every app is told to quit (aiohttp would
        otherwise wait a minute for them)."""
        for page in list(self.pages):
            await page.close(code=WSCloseCode.GOING_AWAY)

    async def handle_alive(self, request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={"Cache-Control": "no-store"})

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        return {
            "lang": language(), "title": self.title, "waiting": t("serve.page.waiting"),
            "font_size": to_int(request.query.get("fontsize", str(DEFAULT_FONT_SIZE)), DEFAULT_FONT_SIZE),
            **page_addresses(self.given_public_url or f"{request.scheme}://{request.host}"),
        }

    def page_command(self, request: web.Request) -> str:
        """The command of one page's app; a display counted by the console is named after this host and
        the browser's address ("gala-pc/web-192.168.1.20"), which stays the same when the page reloads."""
        if not self.name_pages:
            return self.command
        name = f"{socket.gethostname().split('.')[0] or 'kiosk'}/web-{request.remote or 'unknown'}"
        return f"{self.command} --kiosk-id {shlex.quote(name)}"

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One page: its own app process, ended when the page goes (textual-serve's handler, with
        PageAppService)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: PageAppService | None = None
        try:
            await websocket.prepare(request)
            self.pages.add(websocket)
            service = PageAppService(self.page_command(request), write_bytes=websocket.send_bytes,
                                     write_str=websocket.send_str, close=websocket.close,
                                     download_manager=self.download_manager, debug=self.debug)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # as textual-serve does: the page ends, the server goes on
            logging.getLogger("textual-serve").exception(error)
        finally:
            self.pages.discard(websocket)
            if service is not None:
                await service.stop()
        return websocket
