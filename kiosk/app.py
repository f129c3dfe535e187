"""The one thin Textual App: holds the context, polls the store for changes, guards the postures."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Callable

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from kiosk.changes import ChangeWatcher, StoreUnavailable
from kiosk.context import Context
from screens.admin_exit import AdminExitScreen
from screens.base import STAFF
from screens.messages import StoreChanged

POLL_SECONDS = 0.25


def stylesheet_path() -> Path:
    """kiosk.tcss beside the packages in a checkout, else where the wheel installed it."""
    beside = Path(__file__).resolve().parent.parent / "kiosk.tcss"
    if beside.is_file():
        return beside
    return Path(sys.prefix) / "share" / "event-kiosk" / "kiosk.tcss"


class KioskApp(App, inherit_bindings=False):
    CSS_PATH = stylesheet_path()
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "leave", show=False, priority=True, id="leave"),
        Binding("ctrl+c", "leave", show=False, priority=True, id="leave-ctrl-c"),
    ]

    reachable: reactive[bool] = reactive(True)

    def __init__(self, context: Context, first_screen: Callable[[], Screen]):
        super().__init__()
        self.context = context
        self._first_screen = first_screen
        self._watcher = ChangeWatcher()
        self._polling = False

    def on_mount(self) -> None:
        self.title = context_title(self.context)
        self.push_screen(self._first_screen())
        self.set_interval(POLL_SECONDS, self.poll_store)

    async def poll_store(self) -> None:
        """Tell every screen when the store changed; note whether it answered."""
        if self._polling:
            return
        self._polling = True
        try:
            changed = await asyncio.to_thread(self._watcher.changed)
            self.reachable = True
        except StoreUnavailable:
            changed, self.reachable = False, False
        finally:
            self._polling = False
        if changed:
            for screen in self.screen_stack:
                screen.post_message(StoreChanged())

    def base_screen(self) -> Screen:
        """The topmost screen that is not a dialog."""
        return next(s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen))

    def action_leave(self) -> None:
        """ctrl+q / ctrl+c: staff screens quit; public and display screens ask for an admin PIN."""
        if getattr(self.base_screen(), "POSTURE", STAFF) == STAFF:
            self.exit()
        elif not isinstance(self.screen, AdminExitScreen):
            self.push_screen(AdminExitScreen(), self._after_admin_exit)

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

    def on_unmount(self) -> None:
        self._watcher.close()


def context_title(context: Context) -> str:
    return context.event.name if context.event else "Kiosk"
