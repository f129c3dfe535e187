"""Staff login: name and PIN; wrong PINs lock the name and the terminal for a minute."""
from __future__ import annotations

from typing import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label

from kiosk.i18n import t
from kiosk.session import Staff, log_in
from kiosk.staff import PIN_MAX, LoginRefused
from kiosk.store import STORE_ERRORS
from screens.base import KioskScreen
from screens.hub import HubScreen
from screens.widgets.fitted import BoundedInput
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import data

NAME_MAX = 64
HAND_ON_KEYS = ("enter", "tab")  # after these in the name box, what follows is for the PIN box


class NameInput(BoundedInput):
    """The name box: keys typed after its Enter or Tab go to the PIN box. Typed fast (a password
    manager, a paste of "name, Tab, PIN, Enter"), they were already queued for this box when the focus
    moved on."""

    handing_on = False

    def _on_focus(self, event: events.Focus) -> None:
        self.handing_on = False
        super()._on_focus(event)

    async def _on_key(self, event: events.Key) -> None:
        if self.handing_on:
            event.stop()
            event.prevent_default()
            self.screen.query_one("#login-pin", Input).post_message(events.Key(event.key, event.character))
            return
        if event.key in HAND_ON_KEYS:
            self.handing_on = True
        await super()._on_key(event)


class LoginScreen(KioskScreen):
    """On success the screen AFTER_LOGIN makes of the staff member replaces this one (the hub by
    default); None from it means this role may not go on."""

    def __init__(self, after_login: Callable[[Staff], Screen | None] = HubScreen):
        super().__init__()
        self.after_login = after_login

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="login", classes="dialog"):
            yield Label(t("login.title"), classes="dialog-title")
            yield Label(t("login.name"))
            yield NameInput(id="login-name", max_length=NAME_MAX)
            yield Label(t("login.pin"))
            yield Input(id="login-pin", password=True, max_length=PIN_MAX, restrict=r"[0-9]*")
            yield Label("", id="login-message", classes="message")
        yield KioskFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "login-name":
            self.query_one("#login-pin", Input).focus()
            return
        self._try_login()

    def _say(self, text: str) -> None:
        self.query_one("#login-message", Label).update(data(text))

    def _try_login(self) -> None:
        name = self.query_one("#login-name", Input).value
        pin_input = self.query_one("#login-pin", Input)
        pin, pin_input.value = pin_input.value, ""
        terminal = self.app.context.terminal
        # A read, not an intent for the writer: the attempt is counted in the store, but a login
        # is answered now or not at all, never replayed when the person has walked away.
        if not self.read(lambda: log_in(name, pin, terminal), self._logged_in, group="login", failed=self._refused):
            self._say(t("login.checking"))

    def _refused(self, error: BaseException) -> bool:
        if isinstance(error, LoginRefused):
            self._say(t("login.locked", seconds=error.seconds_left) if error.reason == "locked" else t("login.wrong"))
            return True
        if isinstance(error, STORE_ERRORS):
            self._say(t("store.unavailable"))
            return True
        return False

    def _logged_in(self, staff: Staff) -> None:
        screen = self.after_login(staff)
        if screen is None:
            self._say(t("login.not_allowed", role=t(f"role.{staff.role}")))
            return
        screen.session_root = True
        self.app.switch_screen(screen)
