"""A badge's QR code drawn in the terminal, so a phone or a second scanner can read it."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.badges import qr_lines
from kiosk.i18n import t
from screens.widgets.text import Clamped, data

NAME_LINES = 2


class BadgeQrScreen(ModalScreen[None]):
    """NAME and CODE come from the store: shown as data, the name on at most two lines."""

    BINDINGS = [Binding("escape,enter,q", "close", show=False)]

    def __init__(self, name: str, code: str, version: int, payload: str):
        super().__init__()
        self.person, self.code, self.version, self.payload = name, code, version, payload

    def compose(self) -> ComposeResult:
        with Vertical(id="badge-qr", classes="dialog"):
            yield Clamped(data(self.person), max_lines=NAME_LINES, id="badge-qr-name", classes="dialog-title")
            yield Label(data(t("qr.caption", code=self.code, version=self.version)), id="badge-qr-caption")
            with Center():
                yield Static("\n".join(qr_lines(self.payload)), id="badge-qr-code", markup=False)
            yield Label(t("qr.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
