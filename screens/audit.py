"""Admin: the latest audit entries, newest first. Live: read on a store thread (kiosk.audit.audit_lines);
each column has its width, and what does not fit ends in "…"."""
from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label

from kiosk.audit import AuditLine, audit_lines
from kiosk.i18n import t
from screens.base import LiveScreen
from screens.widgets.header import KioskHeader
from screens.widgets.text import cell

WHEN_WIDTH, ACTION_WIDTH, LEAST = 14, 13, 13
PADDING = 5 * 2 + 2  # each column's two cells of padding, and the scroll bar


def column_widths(width: int) -> tuple[int, int, int, int, int]:
    """When, who, what, subject and detail in a table WIDTH cells wide: who, subject and detail share
    what is left, each with room for the start of a name at least."""
    left = width - PADDING - WHEN_WIDTH - ACTION_WIDTH
    who, subject = max(LEAST, left * 25 // 100), max(LEAST, left * 30 // 100)
    return WHEN_WIDTH, who, ACTION_WIDTH, subject, max(LEAST, left - who - subject)


class AuditScreen(LiveScreen):
    BINDINGS = [Binding("escape", "back", t("nav.back"), id="back")]

    _lines: tuple[AuditLine, ...] = ()

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("audit.title"), classes="screen-title")
        yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def fetcher(self):
        zone = self.app.context.clock.zone
        return lambda: audit_lines(zone)

    def show(self, lines: tuple[AuditLine, ...]) -> None:
        self._lines = lines
        table = self.query_one(DataTable)
        table.clear(columns=True)
        labels = (t("audit.when"), t("audit.who"), t("audit.what"), t("audit.subject"), t("audit.detail"))
        for label, width in zip(labels, column_widths(table.size.width or self.app.size.width)):
            table.add_column(label, width=width)
        for entry in lines:
            table.add_row(f"{entry.at:%d-%m %H:%M:%S}", cell(entry.actor), cell(entry.action), cell(entry.subject),
                          cell(entry.detail))

    def on_resize(self, event: events.Resize) -> None:
        if self._lines:
            self.show(self._lines)
