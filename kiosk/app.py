"""The one thin Textual App: holds the context and the writer, watches the store, guards the postures.

The event loop only draws. Store calls run on daemon threads (reads) and on the writer's thread
(writes); a call under way for more than a second marks the store unavailable on every screen,
which stay live meanwhile.

Each screen speaks its own language (screens.base.OwnLanguage): kiosk.i18n asks `language_at_work()`
which screen the work at hand is for.
"""
from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from pathlib import Path
from typing import Callable

from textual import events
from textual._context import active_message_pump
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from kiosk.changes import ChangeWatcher, StoreUnavailable
from kiosk.context import Context
from kiosk.crashes import log_crash
from kiosk.executor import DaemonExecutor
from kiosk.i18n import follow_screens, t
from kiosk.text import inert
from kiosk.writer import StoreWriter
from screens.admin_exit import AdminExitScreen
from screens.base import STAFF, language_of, screen_of
from screens.messages import Recorded, StoreChanged
from screens.widgets.language import speaker

POLL_SECONDS = 0.25
# A store call pending longer than this marks the store unavailable; checked every WATCH_SECONDS
# (on its own timer: a poll stuck on a silent server holds the poll's timer), so the screen says so
# within DEADLINE_SECONDS + WATCH_SECONDS, under a second.
DEADLINE_SECONDS = 0.7
WATCH_SECONDS = 0.2
SETTLE_SECONDS = 1.0  # after start-up, what was made so far is left out of garbage collection
IDLE_LOGOUT_SECONDS = 300.0  # a staff session left alone this long logs out
IDLE_CHECK_SECONDS = 5.0


def stylesheet_path() -> Path:
    """kiosk.tcss beside the packages in a checkout, else where the wheel installed it."""
    beside = Path(__file__).resolve().parent.parent / "kiosk.tcss"
    if beside.is_file():
        return beside
    return Path(sys.prefix) / "share" / "event-kiosk" / "kiosk.tcss"


def language_at_work() -> str | None:
    """The language of the screen the work at hand is for: the screen of the widget drawing itself
    (screens.widgets.language.speaking_for), else of the message pump at work (a widget's handler,
    compose or timer: its screen; the App's own work, such as a key binding's action: the screen on
    view). A dialog with no language of its own speaks the one of the screen below it. None (the
    process's language) off the event loop, on a store thread, or outside any app."""
    node = speaker.get(None) or active_message_pump.get(None)
    screen = screen_of(node)
    return language_of(screen) if screen is not None else None


CONSOLE_THEME = "ansi-dark"  # Textual's theme of the terminal's own 16 colours (the Linux console's)


def theme_for(environ) -> str | None:
    """KIOSK_THEME if set (any Textual theme name), else the ANSI theme on the Linux console
    (TERM=linux: 16 colours, which Textual's own theme would blur into near-misses), else Textual's."""
    if environ.get("KIOSK_THEME"):
        return environ["KIOSK_THEME"]
    return CONSOLE_THEME if environ.get("TERM") == "linux" else None


def terminal_driver():
    try:
        from kiosk.driver import driver_class
    except ImportError:
        return None
    return driver_class()


class KioskApp(App, inherit_bindings=False):
    CSS_PATH = stylesheet_path()
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "leave", show=False, priority=True, id="leave"),
        Binding("ctrl+c", "leave", show=False, priority=True, id="leave-ctrl-c"),
    ]

    reachable: reactive[bool] = reactive(True)
    disk_full: reactive[bool] = reactive(False)  # the writer cannot record: the store's disk is full

    def __init__(self, context: Context, first_screen: Callable[[], Screen], writer: StoreWriter | None = None):
        super().__init__(driver_class=terminal_driver())
        theme = theme_for(os.environ)
        if theme in self.available_themes:
            self.theme = theme
        follow_screens(language_at_work)
        self.context = context
        self.writer = writer or StoreWriter()
        self.last_input = time.monotonic()  # for staff sessions that log out when left idle
        self._first_screen = first_screen
        self._watcher = ChangeWatcher()
        self._calls: dict[object, float] = {}  # store calls under way: key -> when they began
        self._failed = False  # the last read or poll failed on the store
        self.crashed_on: Screen | None = None  # the screen on view when an unexpected exception ended the app

    def on_mount(self) -> None:
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())
        self.writer.attach(lambda outcome: self.post_message(Recorded(outcome)))
        self.title = inert(context_title(self.context))
        self.push_screen(self._first_screen())
        self.set_interval(POLL_SECONDS, self.poll_store)
        self.set_interval(WATCH_SECONDS, self.watch_store_calls)
        self.set_interval(IDLE_CHECK_SECONDS, self.log_out_when_idle)
        self.set_timer(SETTLE_SECONDS, freeze_start_up_objects)

    # ---- the store ---------------------------------------------------------------------------

    def store_call_began(self, key: object) -> None:
        self._calls[key] = time.monotonic()

    def store_call_ended(self, key: object, ok: bool) -> None:
        self._calls.pop(key, None)
        self._failed = not ok
        self.watch_store_calls()

    def watch_store_calls(self) -> None:
        """The store is unavailable while a call is overdue or the last one failed."""
        began = [*self._calls.values(), self.writer.busy_since()]
        overdue = any(start is not None and time.monotonic() - start > DEADLINE_SECONDS for start in began)
        self.reachable = not (overdue or self._failed or self.writer.failing)
        self.disk_full = self.writer.failing and self.writer.disk_full

    def watch_disk_full(self, full: bool) -> None:
        """Staff are told once, in their screen's words; a public screen only shows it in its header."""
        screen = self.base_screen() if self.screen_stack else None
        if full and getattr(screen, "POSTURE", None) == STAFF and hasattr(screen, "tell"):
            screen.tell(t("store.disk_full"), severity="error", timeout=10)

    async def poll_store(self) -> None:
        """Tell every screen when the store changed."""
        if "poll" in self._calls:
            return  # the last poll has not come back: the deadline watch tells the screens
        self.store_call_began("poll")
        try:
            changed, ok = await asyncio.to_thread(self._watcher.changed), True
        except StoreUnavailable:
            changed, ok = False, False
        self.store_call_ended("poll", ok)
        if changed:
            for screen in self.screen_stack:
                screen.post_message(StoreChanged())

    def on_recorded(self, message: Recorded) -> None:
        """An intent the writer finished: its screen hears of it here, on the loop."""
        outcome = message.outcome
        if outcome.error is not None:
            raise outcome.error
        callback = outcome.intent.on_done
        owner = getattr(callback, "__self__", None)
        if callback is not None and getattr(owner, "is_attached", True):
            callback(outcome)

    # ---- postures ------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)) and not event.is_forwarded:
            self.last_input = time.monotonic()
        await super().on_event(event)

    def log_out_when_idle(self) -> None:
        """A staff screen left alone (the hub, the desk…) goes back to the login; the award console
        and the sell screen stay (IDLE_LOGOUT False): they wait for the ceremony or the next buyer."""
        if time.monotonic() - self.last_input < IDLE_LOGOUT_SECONDS:
            return
        base = self.base_screen()
        root = next((screen for screen in self.screen_stack if getattr(screen, "session_root", False)), None)
        if root is None or getattr(base, "POSTURE", STAFF) != STAFF or not getattr(base, "IDLE_LOGOUT", False):
            return
        from screens.login import LoginScreen

        while self.screen is not root:
            self.pop_screen()
        self.switch_screen(LoginScreen())

    def base_screen(self) -> Screen:
        """The topmost screen that is not a dialog."""
        return next(s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen))

    def action_leave(self) -> None:
        """ctrl+q / ctrl+c: staff screens quit; public and display screens ask for an admin PIN."""
        if getattr(self.base_screen(), "POSTURE", STAFF) == STAFF:
            self.exit()
        elif not isinstance(self.screen, AdminExitScreen):
            self.push_screen(AdminExitScreen(self.base_screen()), self._after_admin_exit)

    def _after_admin_exit(self, allowed: bool | None) -> None:
        if not allowed:
            return
        guarded = self.base_screen()
        below = self.screen_stack[self.screen_stack.index(guarded) - 1]
        if below is self.screen_stack[0]:
            self.exit()
            return
        while guarded in self.screen_stack:  # with any dialog still open above it
            self.pop_screen()

    # ---- faults ----------------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected exception: its traceback goes to the crash log before the app ends (the
        command then decides whether to start the screen again)."""
        self.crashed_on = self.base_screen() if self.screen_stack else None
        log_crash(error, screen=type(self.crashed_on).__name__)
        super()._handle_exception(error)

    def on_unmount(self) -> None:
        self.writer.attach(None)
        self._watcher.close()


def freeze_start_up_objects() -> None:
    """Everything made to start (modules, styles, the first screen) lives as long as the app: kept
    out of the collector's full passes, which otherwise pause a key's answer by 50-100 ms now and
    then (measured by tests/bench/frame_time)."""
    gc.collect()
    gc.freeze()


def context_title(context: Context) -> str:
    return context.event.name if context.event else "Kiosk"
