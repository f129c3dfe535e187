"""A person's day, after they scan their badge at a directory: their sessions, where and when."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.i18n import t
from kiosk.program import Programme, assigned_sessions
from models import Attendee
from screens.widgets.slots import slot_marks, slot_time, slot_title

CLOSE_AFTER_SECONDS = 30  # a public kiosk: the next person should not see this one's day


class PersonDayScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, attendee: Attendee, programme: Programme, here_venue: int | None):
        super().__init__()
        self.attendee, self.programme, self.here_venue = attendee, programme, here_venue

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="person-day", classes="dialog"):
            yield Label(t("directory.your_day", name=self.attendee.name), classes="dialog-title")
            yield Static(self._sessions(), id="person-day-sessions")
            yield Label(t("qr.close"), classes="hint")

    def on_mount(self) -> None:
        self.set_timer(CLOSE_AFTER_SECONDS, self.action_close)

    def _sessions(self) -> str:
        mine = set(assigned_sessions(self.attendee))
        slots = [slot for slot in self.programme.slots if slot.id in mine]
        if not slots:
            return t("directory.no_assignments")
        lines = []
        for slot in slots:
            marks = slot_marks(slot)
            lines.append(f"[b]{slot.starts:%a %d/%m} {slot_time(slot)}[/b] {marks}".rstrip())
            lines.append(f"  {slot_title(slot)}")
            lines.append(f"  [dim]{slot.place.room} · {slot.place.venue}[/dim]")
        return "\n".join(lines)

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)
