"""The only way off a public or display screen: an admin's PIN."""
from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from kiosk.i18n import t
from kiosk.staff import LOCK_SECONDS, MAX_FAILED_LOGINS, verify_admin
from kiosk.store import STORE_ERRORS, recover


class AdminExitScreen(ModalScreen[bool]):
    """Dismisses with True for a right admin PIN; escape closes it and changes nothing."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    failures = 0
    locked_until = 0.0  # class-wide: one terminal, one lock

    def compose(self) -> ComposeResult:
        with Vertical(id="admin-exit", classes="dialog"):
            yield Label(t("exit.title"), classes="dialog-title")
            yield Label(t("exit.prompt"))
            yield Input(password=True, max_length=12, id="admin-pin", restrict=r"[0-9]*")
            yield Label("", id="admin-exit-message", classes="message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        pin, event.input.value = event.value, ""
        message = self.query_one("#admin-exit-message", Label)
        left = int(AdminExitScreen.locked_until - time.monotonic())
        if left > 0:
            message.update(t("login.locked", seconds=left))
            return
        try:
            admin = verify_admin(pin, self.app.context.terminal)
        except STORE_ERRORS:
            recover()
            message.update(t("store.unavailable"))
            return
        if admin is not None:
            AdminExitScreen.failures = 0
            self.dismiss(True)
            return
        self._count_failure(message)

    def _count_failure(self, message: Label) -> None:
        AdminExitScreen.failures += 1
        if AdminExitScreen.failures >= MAX_FAILED_LOGINS:
            AdminExitScreen.failures = 0
            AdminExitScreen.locked_until = time.monotonic() + LOCK_SECONDS
            message.update(t("login.locked", seconds=LOCK_SECONDS))
        else:
            message.update(t("exit.wrong"))

    def action_cancel(self) -> None:
        self.dismiss(False)
