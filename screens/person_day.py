"""A person's day, after they scan their badge at a directory: their sessions, where and when, marked
when they changed (BATAL, PINDAH, DITUNDA), rooms that are not public included (it is their own
day). It shows what the directory read for the scan (on a store thread): it makes no store call.
Titles and places are wrapped whole."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from kiosk.i18n import short_day, t
from kiosk.program import PersonDay, Programme
from screens.base import OwnLanguage
from screens.session_detail import WHOLE_LINES
from screens.widgets.slots import line, slot_marks, slot_time, slot_title
from screens.widgets.text import Clamped, cell, data

CLOSE_AFTER_SECONDS = 30  # a public kiosk: the next person should not see this one's day


class PersonDayScreen(OwnLanguage, ModalScreen[None]):
    """In the directory's language; F5 switches this day alone."""

    BINDINGS = [Binding("escape,enter", "close", show=False), Binding("f5", "switch_language", show=False)]

    def __init__(self, day: PersonDay, programme: Programme):
        super().__init__()
        self.day, self.programme = day, programme

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="person-day", classes="dialog"):
            yield Clamped(data(t("directory.your_day", name=self.day.name)), max_lines=2, classes="dialog-title",
                          id="person-day-title")
            slots = [slot for slot in self.programme.slots if slot.id in self.day.sessions]
            if not slots:
                yield Label(t("directory.no_assignments"))
            for slot in slots:
                when = line(Text.assemble(short_day(slot.starts.date()), " ", slot_time(slot), style="bold"),
                            slot_marks(slot))
                yield Clamped(Content.from_rich_text(when), max_lines=2, classes="person-day-when")
                yield Clamped(Content.from_rich_text(slot_title(slot)), max_lines=WHOLE_LINES,
                              classes="person-day-session")
                where = Text.assemble(cell(slot.place.room), " · ", cell(slot.place.venue), style="dim")
                yield Clamped(Content.from_rich_text(where), max_lines=WHOLE_LINES, classes="person-day-session")
            yield Label(t("directory.detail_hint"), classes="hint")

    def on_mount(self) -> None:
        self.set_timer(CLOSE_AFTER_SECONDS, self.action_close)

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)
