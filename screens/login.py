"""Staff login: name and PIN; five wrong PINs lock the name for a minute."""
from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.containers import Vertical
from textual.widgets import Footer, Input, Label

from kiosk.i18n import t
from kiosk.staff import LoginRefused, login
from kiosk.store import STORE_ERRORS, recover
from models import StaffUser
from screens.base import KioskScreen
from screens.hub import HubScreen
from screens.widgets.header import KioskHeader


class LoginScreen(KioskScreen):
    """On success the screen AFTER_LOGIN makes of the user replaces this one (the hub by default);
    None from it means this user may not go on."""

    def __init__(self, after_login: Callable[[StaffUser], Screen | None] = HubScreen):
        super().__init__()
        self.after_login = after_login

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="login", classes="dialog"):
            yield Label(t("login.title"), classes="dialog-title")
            yield Label(t("login.name"))
            yield Input(id="login-name", max_length=64)
            yield Label(t("login.pin"))
            yield Input(id="login-pin", password=True, max_length=12, restrict=r"[0-9]*")
            yield Label("", id="login-message", classes="message")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "login-name":
            self.query_one("#login-pin", Input).focus()
            return
        self._try_login()

    def _try_login(self) -> None:
        name = self.query_one("#login-name", Input).value
        pin_input = self.query_one("#login-pin", Input)
        pin, pin_input.value = pin_input.value, ""
        message = self.query_one("#login-message", Label)
        try:
            user = login(name, pin, self.app.context.terminal)
        except LoginRefused as refused:
            message.update(self._refusal(refused))
            return
        except STORE_ERRORS:
            recover()
            message.update(t("store.unavailable"))
            return
        screen = self.after_login(user)
        if screen is None:
            message.update(t("login.not_allowed", role=t(f"role.{user.role}")))
            return
        self.app.switch_screen(screen)

    @staticmethod
    def _refusal(refused: LoginRefused) -> str:
        if refused.reason == "locked":
            return t("login.locked", seconds=refused.seconds_left)
        return t("login.wrong")
