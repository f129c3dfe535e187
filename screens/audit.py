"""Admin: the latest audit entries, newest first. Live."""
from __future__ import annotations

from datetime import timezone

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label

from kiosk.audit import recent
from kiosk.i18n import t
from screens.base import LiveScreen
from screens.widgets.header import KioskHeader


class AuditScreen(LiveScreen):
    BINDINGS = [Binding("escape", "back", t("nav.back"), id="back")]

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("audit.title"), classes="screen-title")
        yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(t("audit.when"), t("audit.who"), t("audit.what"), t("audit.subject"), t("audit.detail"))

    def load(self) -> None:
        zone = self.app.context.clock.zone
        table = self.query_one(DataTable)
        table.clear()
        for entry in recent():
            when = entry.at.replace(tzinfo=timezone.utc).astimezone(zone)
            table.add_row(f"{when:%d-%m %H:%M:%S}", entry.actor, entry.action, entry.subject, entry.detail)
