"""The base of every screen: its posture, and store calls that never run on the event loop.

A screen reads the store with `read(fetch, then)`: FETCH runs on a store thread and returns plain
view objects, THEN shows them on the loop. It records what a person did with `record(intent)`,
through the app's one writer. A store that fails or is slow is one calm line, handled here for all.

A screen speaks a language of its own (`language`): it starts in the language of the screen below
it (the first screen: the kiosk's default), and an F-key switch (`switch_language`) changes it for
that screen alone. kiosk.app makes kiosk.i18n follow the screen at work, so t(), money() and
the rest speak each screen's language without being told.
"""
from __future__ import annotations

import contextvars
from typing import Callable, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from kiosk import i18n
from kiosk.errors import Refused
from kiosk.i18n import LANGUAGES, t
from kiosk.store import STORE_ERRORS, recover, release_connection
from kiosk.text import inert
from kiosk.writer import Intent, Outcome
from screens.messages import StoreChanged
from screens.widgets.language import speaking_for

PUBLIC, DISPLAY, STAFF = "public", "display", "staff"
RETRY_READ_SECONDS = 2.0
T = TypeVar("T")


def on_store_thread(fetch: Callable[[], T]) -> Callable[[], T]:
    """FETCH, dropping its thread's connection after a store failure so the next try opens anew, and
    handing a pooled one back after every call."""
    def guarded() -> T:
        try:
            return fetch()
        except STORE_ERRORS:
            recover()
            raise
        finally:
            release_connection()
    return guarded


def process_language() -> str:
    """The process's language (the command line's --lang), whatever screen is at work."""
    return contextvars.Context().run(i18n.language)  # no screen at work in an empty context


def app_of(node: DOMNode | None) -> App | None:
    while node is not None and not isinstance(node, App):
        node = getattr(node, "parent", None)
    return node


def screen_of(node: DOMNode | None) -> Screen | None:
    """The screen NODE works for: a widget's screen, a screen itself, an App's top screen (a key
    binding's action runs as the App's work, for the screen on view)."""
    if isinstance(node, App):
        stack = node.screen_stack
        return stack[-1] if stack else None
    while node is not None and not isinstance(node, Screen):
        node = getattr(node, "parent", None)
    return node


def language_of(screen: Screen) -> str | None:
    """The language SCREEN speaks: its own, else (a screen or a dialog pushed on top) the one of the
    screen below it, else the kiosk's default (the app's context); None: the process's."""
    app = app_of(screen)
    stack = app.screen_stack if app is not None else []
    while screen is not None:
        own = getattr(screen, "_own_language", None)
        if own:
            return own
        place = next((n for n, s in enumerate(stack) if s is screen), 0)
        screen = stack[place - 1] if place > 0 else None
    return getattr(getattr(app, "context", None), "language", None)


class SpokenBy:
    """A callback the App runs for a screen (a recorded intent's on_done), in that screen's
    language; it keeps the original's owner (`__self__`) for the App's check that it is still there."""

    def __init__(self, node: DOMNode, callback: Callable):
        self.node, self.callback = node, callback
        owner = getattr(callback, "__self__", None)
        if owner is not None:
            self.__self__ = owner

    def __call__(self, *args, **kwargs):
        with speaking_for(self.node):
            return self.callback(*args, **kwargs)


class OwnLanguage:
    """A screen or a dialog that may speak a language of its own: it starts in the language of the
    screen below it, and `switch_language()` (an F-key) changes it here alone, the screens below
    keeping theirs."""

    _own_language: str | None = None

    @property
    def language(self) -> str:
        return language_of(self) or process_language()

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
        self._own_language = lang

    async def switch_language(self) -> None:
        """The next language, for this screen alone, shown anew where it was (its footer too)."""
        self.language = LANGUAGES[(LANGUAGES.index(self.language) + 1) % len(LANGUAGES)]
        with speaking_for(self):  # an F-key's action runs as the App's work
            await self.speak_again()
        self.refresh_bindings()

    async def action_switch_language(self) -> None:
        await self.switch_language()

    async def speak_again(self) -> None:
        """Show this screen anew in its language, keeping its place: composed again by default."""
        await self.recompose()


class StoreReads:
    """Store calls for a screen or a dialog: reads on a store thread, writes through the app's writer."""

    _reads: dict[str, tuple[Worker, Callable, Callable | None]]

    def read(self, fetch: Callable[[], T], then: Callable[[T], None], group: str = "ask",
             failed: Callable[[BaseException], bool] | None = None) -> bool:
        """FETCH on a store thread, then THEN(its result) here; FAILED(error), when given, may handle a
        failure (True: handled). False (nothing started) when a read of GROUP is still under way."""
        if not hasattr(self, "_reads"):
            self._reads = {}
        if group in self._reads:
            return False
        worker = self.run_worker(on_store_thread(fetch), thread=True, group=group, exclusive=True,
                                 exit_on_error=False)
        self._reads[group] = (worker, then, failed)
        self.app.store_call_began(worker)
        return True

    def reading(self, group: str = "read") -> bool:
        return group in getattr(self, "_reads", {})

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        entry = getattr(self, "_reads", {}).get(event.worker.group)
        if entry is None or entry[0] is not event.worker or not event.worker.is_finished:
            return
        del self._reads[event.worker.group]
        worker, then, failed = entry
        error = worker.error if event.state == WorkerState.ERROR else None
        self.app.store_call_ended(worker, ok=not isinstance(error, STORE_ERRORS))
        if event.state == WorkerState.SUCCESS:
            then(worker.result)
        elif error is not None and not (failed is not None and failed(error)):
            self.read_failed(worker.group, error)

    def read_failed(self, group: str, error: BaseException) -> None:
        if isinstance(error, Refused):
            self.tell(error.text(), severity="error")
        elif isinstance(error, STORE_ERRORS):
            self.show_unavailable()
        else:
            raise error  # a fault in the program: the app's crash handling takes over

    def tell(self, message: str, severity: str = "information", timeout: float = 5) -> None:
        """A toast, as plain text (it may carry names from the store)."""
        self.notify(inert(message), severity=severity, timeout=timeout, markup=False)

    def show_unavailable(self) -> None:
        """The store is not answering (or its disk is full); what waits is kept and tried again."""
        if self.app.disk_full:
            self.tell(t("store.disk_full"), severity="error", timeout=10)
        else:
            self.tell(t("store.unavailable"), severity="warning", timeout=3)

    def record(self, intent: Intent) -> Intent:
        """Hand INTENT to the app's writer; its on_done runs here when it is recorded (in this
        screen's language)."""
        if intent.on_done is not None and not isinstance(intent.on_done, SpokenBy):
            intent.on_done = SpokenBy(self, intent.on_done)
        return self.app.writer.submit(intent)

    def refused(self, outcome: Outcome) -> bool:
        """Tell the person when the store said no; True when it did."""
        if outcome.refused is not None:
            self.tell(outcome.refused.text(), severity="error")
            return True
        return False


class KioskScreen(OwnLanguage, StoreReads, Screen):
    """POSTURE decides what ctrl+q and ctrl+c do here (see KioskApp.action_leave) and whether escape
    goes back: only a staff screen goes back, so a public screen never leads into a staff one.
    `language`: see OwnLanguage."""

    POSTURE = STAFF
    BINDINGS = [Binding("escape", "back", show=False, id="back")]
    opened_by: str | None = None  # the staff member who opened this public screen from the hub
    session_root = False  # the first screen after a staff login (the hub): logging out replaces it
    IDLE_LOGOUT = True  # a staff session left alone on this screen logs out (see KioskApp)

    def __init__(self, posture: str | None = None):
        super().__init__()
        if posture is not None:
            self.POSTURE = posture

    def action_back(self) -> None:
        """Close this staff screen, unless it is the first one (then ctrl+q is the way out)."""
        if self.POSTURE == STAFF and len(self.app.screen_stack) > 2:
            self.app.pop_screen()


class LiveScreen(KioskScreen):
    """Re-reads the store when it changes and when shown again. `fetcher()` runs on the loop and
    returns the read (capturing what it needs from widgets); `show(view)` puts its result on screen."""

    _stale = True  # the store changed since this screen last read it
    _again = False  # a change arrived while a read was under way
    _retry = None

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
        if not self.read(self.fetcher(), self._loaded, group="read"):
            self._again = True

    def _loaded(self, view) -> None:
        self.show(view)
        if self._again:
            self._again = False
            self.reload()

    def read_failed(self, group: str, error: BaseException) -> None:
        super().read_failed(group, error)
        if group == "read" and isinstance(error, STORE_ERRORS) and self._retry is None:
            self._stale = True
            self._retry = self.set_timer(RETRY_READ_SECONDS, self._read_again)

    def _read_again(self) -> None:
        self._retry = None
        if self.is_current:
            self.reload()

    def fetcher(self) -> Callable[[], object]:
        raise NotImplementedError

    def show(self, view) -> None:
        raise NotImplementedError


class SearchScreen(LiveScreen):
    """A staff screen with a search box: the store is searched after a short quiet spell of typing."""

    SEARCH_DELAY = 0.15  # seconds

    _search_timer = None

    def on_input_changed(self, event) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(self.SEARCH_DELAY, self.reload)
