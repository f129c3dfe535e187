"""The base of every screen: its posture, the header, and live reloading that survives store failures."""
from __future__ import annotations

from typing import Callable, TypeVar

from textual.binding import Binding
from textual.screen import Screen

from kiosk.errors import Refused
from kiosk.i18n import t
from kiosk.store import STORE_ERRORS, recover
from screens.messages import StoreChanged

PUBLIC, DISPLAY, STAFF = "public", "display", "staff"
T = TypeVar("T")


class KioskScreen(Screen):
    """POSTURE decides what ctrl+q and ctrl+c do here (see KioskApp.action_leave) and whether escape
    goes back: a public or display screen opened from the staff hub is a staff screen there."""

    POSTURE = STAFF
    BINDINGS = [Binding("escape", "back", show=False, id="back")]

    def __init__(self, posture: str | None = None):
        super().__init__()
        if posture is not None:
            self.POSTURE = posture

    def action_back(self) -> None:
        """Close this staff screen, unless it is the first one (then ctrl+q is the way out)."""
        if self.POSTURE == STAFF and len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run what a key asked of the store: a refusal or a store that does not answer becomes a
        calm notice (None), never a traceback that would end the kiosk."""
        try:
            return action()
        except Refused as refused:
            self.notify(refused.text(), severity="error")
        except STORE_ERRORS:
            recover()
            self.app.reachable = False
            self.show_unavailable()
        return None

    def show_unavailable(self) -> None:
        """Tell the person the store is not answering; the next change poll tries again."""
        self.notify(t("store.unavailable"), severity="warning", timeout=3)


class LiveScreen(KioskScreen):
    """Re-reads the store when it changes and when shown again; a failure is shown calmly, not raised."""

    _stale = True  # the store changed since this screen last read it

    def on_screen_resume(self) -> None:
        """Shown for the first time, or again after the screen above it closed: read the store
        only if it changed meanwhile."""
        if self._stale:
            self.reload()

    def on_store_changed(self, message: StoreChanged) -> None:
        """Read now if on view; a screen underneath only notes it, and reads when shown again."""
        if self.is_current:
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        self._stale = False
        try:
            self.load()
        except STORE_ERRORS:
            recover()
            self.app.reachable = False
            self.show_unavailable()

    def change(self, action: Callable[[], object], done: str) -> None:
        """A change a person asked for: on success say DONE and show the store anew."""
        def run() -> bool:
            action()
            return True

        if self.attempt(run):
            self.notify(done)
            self.reload()

    def load(self) -> None:
        """Query the store and update the widgets."""
        raise NotImplementedError


class SearchScreen(LiveScreen):
    """A staff screen with a search box: the store is searched after a short quiet spell of typing."""

    SEARCH_DELAY = 0.15  # seconds

    _search_timer = None

    def on_input_changed(self, event) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(self.SEARCH_DELAY, self.reload)
