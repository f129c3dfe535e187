"""A person's day, after they scan their badge at a directory: their sessions, where and when."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.i18n import short_day, t
from kiosk.program import Programme
from models import Attendee
from screens.widgets.slots import slot_marks, slot_time, slot_title

CLOSE_AFTER_SECONDS = 30  # a public kiosk: the next person should not see this one's day


class PersonDayScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, attendee: Attendee, programme: Programme, assigned: set[int]):
        """ASSIGNED: the ids of the person's sessions (read by the caller, which handles a store error)."""
        super().__init__()
        self.attendee, self.programme, self.assigned = attendee, programme, assigned

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="person-day", classes="dialog"):
            yield Label(t("directory.your_day", name=self.attendee.name), classes="dialog-title")
            yield Static(self._sessions(), id="person-day-sessions")
            yield Label(t("qr.close"), classes="hint")

    def on_mount(self) -> None:
        self.set_timer(CLOSE_AFTER_SECONDS, self.action_close)

    def _sessions(self) -> str:
        slots = [slot for slot in self.programme.slots if slot.id in self.assigned]
        if not slots:
            return t("directory.no_assignments")
        lines = []
        for slot in slots:
            marks = slot_marks(slot)
            lines.append(f"[b]{short_day(slot.starts.date())} {slot_time(slot)}[/b] {marks}".rstrip())
            lines.append(f"  {slot_title(slot)}")
            lines.append(f"  [dim]{slot.place.room} · {slot.place.venue}[/dim]")
        return "\n".join(lines)

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)
