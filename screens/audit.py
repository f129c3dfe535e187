"""Admin: the latest audit entries, newest first, each a sentence in the screen's language (kiosk.audit:
"meja checked in P0001 by hand on HARI1: lost badge"). Live: read on a store thread
(kiosk.audit.audit_lines), put into words here. A stored value too long for the line ends in "…";
Enter shows the entry in full."""
from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from kiosk.audit import AuditLine, audit_lines, sentence_text
from kiosk.i18n import N_, t
from screens.base import LiveScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import cell, data

WHEN_FORMAT, WHEN_WIDTH = "%d-%m %H:%M:%S", 14
PADDING = 2 * 2 + 2  # each column's two cells of padding, and the scroll bar


def entry_width(width: int) -> int:
    """The sentence's column in a table WIDTH cells wide."""
    return max(20, width - PADDING - WHEN_WIDTH)


class AuditScreen(LiveScreen):
    BINDINGS = [
        Binding("escape", "back", N_("nav.back"), id="back"),
        Binding("enter", "whole", N_("audit.whole"), id="whole", priority=True),
    ]

    _lines: tuple[AuditLine, ...] = ()

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("audit.title"), classes="screen-title")
        yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
        yield KioskFooter()

    def fetcher(self):
        zone = self.app.context.clock.zone
        return lambda: audit_lines(zone)

    def show(self, lines: tuple[AuditLine, ...], row: int | None = None) -> None:
        self._lines = lines
        table = self.query_one(DataTable)
        row = table.cursor_row if row is None else row
        table.clear(columns=True)
        width = entry_width(table.size.width or self.app.size.width)
        table.add_column(t("audit.when"), width=WHEN_WIDTH)
        table.add_column(t("audit.entry"), width=width)
        for entry in lines:
            table.add_row(f"{entry.at:{WHEN_FORMAT}}", cell(sentence_text(entry.sentence, width)))
        if lines:
            table.move_cursor(row=min(row, len(lines) - 1))

    def on_resize(self, event: events.Resize) -> None:
        if self._lines:
            self.show(self._lines)

    async def speak_again(self) -> None:
        """In the screen's new language, on the same entry."""
        row = self.query_one(DataTable).cursor_row
        await self.recompose()
        table = self.query_one(DataTable)
        if self._lines:
            self.show(self._lines, row)
        table.focus()

    def action_whole(self) -> None:
        """The entry under the cursor, every word of it."""
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self._lines):
            entry = self._lines[row]
            self.app.push_screen(AuditEntryScreen(f"{entry.at:{WHEN_FORMAT}}", sentence_text(entry.sentence)))


class AuditEntryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, when: str, sentence: str):
        super().__init__()
        self.when, self.sentence = when, sentence

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="audit-entry", classes="dialog"):
            yield Label(self.when, classes="dialog-title")
            yield Static(data(self.sentence, lines=True), id="audit-entry-text")
            yield Label(t("qr.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
