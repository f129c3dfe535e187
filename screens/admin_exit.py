"""The only way off a public or display screen: an admin's PIN (or, for a screen a staff member opened
from the hub, that member's own PIN).

A kiosk is not stopped by this dialog: it closes itself after IDLE_SECONDS without a key, and what
is not a PIN by its content (a letter, more than 12 characters) or by its speed (a scanner's burst
ending in Enter) is handed back to the screen below as a scan, never counted as a wrong PIN. Wrong
PINs are counted in the store, per terminal; while the store is away, here, per process.
"""
from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label

from kiosk.i18n import t
from kiosk.staff import LOCK_SECONDS, MAX_FAILED_LOGINS, PIN_MAX, LoginRefused, login, verify_admin
from kiosk.store import STORE_ERRORS
from kiosk.tokens import MAX_SCAN
from screens.base import StoreReads
from screens.widgets.fitted import BoundedInput
from screens.widgets.text import data

IDLE_SECONDS = 15.0
SCANNER_KEY_SECONDS = 0.03  # keys closer together than this, on average, come from a scanner
SCANNER_MIN_KEYS = 6


def looks_like_pin(text: str) -> bool:
    return text.isdigit() and len(text) <= PIN_MAX or not text


class LocalLockout:
    """Wrong PINs counted in this process, for when the store cannot count them."""

    failures = 0
    locked_until = 0.0

    @classmethod
    def seconds_left(cls) -> int:
        return max(0, int(cls.locked_until - time.monotonic() + 0.999))

    @classmethod
    def failed(cls) -> None:
        cls.failures += 1
        if cls.failures >= MAX_FAILED_LOGINS:
            cls.failures, cls.locked_until = 0, time.monotonic() + LOCK_SECONDS

    @classmethod
    def passed(cls) -> None:
        cls.failures, cls.locked_until = 0, 0.0


class AdminExitScreen(StoreReads, ModalScreen[bool]):
    """Dismisses with True for a right PIN; escape, or a while without keys, closes it with False."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, guarded: Screen):
        super().__init__()
        self.guarded = guarded
        self.opener: str | None = getattr(guarded, "opened_by", None)  # a staff name, from the hub
        self._key_times: list[float] = []
        self._idle_timer = None
        self._checking = False
        self._handed: int | None = None  # characters already handed back to the screen below as a scan

    def compose(self) -> ComposeResult:
        with Vertical(id="admin-exit", classes="dialog"):
            yield Label(t("exit.title"), classes="dialog-title")
            yield Label(data(t("exit.prompt_opener", name=self.opener) if self.opener else t("exit.prompt")))
            yield BoundedInput(password=True, max_length=MAX_SCAN, id="admin-pin")
            yield Label("", id="admin-exit-message", classes="message")

    def on_mount(self) -> None:
        self._restart_idle_timer()

    def _restart_idle_timer(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(IDLE_SECONDS, self.action_cancel)

    def _say(self, text: str) -> None:
        self.query_one("#admin-exit-message", Label).update(data(text))

    # ---- what is typed ---------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self._restart_idle_timer()
        if self._handed is not None:  # keys of the scan that were already on their way here
            self._hand_back(event.value[self._handed:])
            return
        if len(event.value) > len(self._key_times):
            self._key_times.append(time.monotonic())
        if not looks_like_pin(event.value):
            self._hand_back(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed, event.input.value = event.value, ""
        key_times, self._key_times = self._key_times, []
        if self._handed is not None:
            self._hand_back(typed[self._handed:], enter=True)
        elif scanner_speed(key_times):
            self._hand_back(typed, enter=True)
        elif typed and not self._checking:
            self._check(typed)

    def _hand_back(self, typed: str, enter: bool = False) -> None:
        """Not a PIN: close the dialog and let the screen below take what was typed as a scan."""
        first = self._handed is None
        self._handed = (self._handed or 0) + len(typed)
        if hasattr(self.guarded, "take_typed"):
            self.guarded.take_typed(typed, enter=enter)
        if first:
            self.dismiss(False)

    # ---- the PIN ----------------------------------------------------------------------------

    def _check(self, pin: str) -> None:
        left = LocalLockout.seconds_left()
        if left:
            self._say(t("login.locked", seconds=left))
            return
        terminal, opener = self.app.context.terminal, self.opener

        def verify() -> bool:
            if verify_admin(pin, terminal) is not None:
                return True
            if opener:
                try:
                    login(opener, pin, terminal)
                    return True
                except LoginRefused as refused:
                    if refused.reason == "locked":
                        raise
            return False

        self._checking = True
        self.read(verify, self._answer, group="pin", failed=self._not_verified)

    def _not_verified(self, error: BaseException) -> bool:
        if isinstance(error, LoginRefused):
            self._answer(error)
            return True
        if isinstance(error, STORE_ERRORS):
            self._answer(None)
            return True
        return False

    def _answer(self, outcome: bool | LoginRefused | None) -> None:
        """True: a right PIN; False: a wrong one; LoginRefused: locked; None: the store did not answer."""
        self._checking = False
        if outcome is True:
            LocalLockout.passed()
            self.dismiss(True)
            return
        if isinstance(outcome, LoginRefused):
            self._say(t("login.locked", seconds=outcome.seconds_left))
            return
        LocalLockout.failed()
        if LocalLockout.seconds_left():
            self._say(t("login.locked", seconds=LocalLockout.seconds_left()))
        else:
            self._say(t("exit.wrong") if outcome is False else t("store.unavailable"))

    def action_cancel(self) -> None:
        if self.is_current or self in self.app.screen_stack:
            self.dismiss(False)


def scanner_speed(key_times: list[float]) -> bool:
    """Whether keys came as a scanner sends them: many, and faster than a person types."""
    if len(key_times) < SCANNER_MIN_KEYS:
        return False
    return (key_times[-1] - key_times[0]) / (len(key_times) - 1) < SCANNER_KEY_SECONDS
