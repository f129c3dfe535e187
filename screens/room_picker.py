"""Pick a room of the event (to move a session there)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from models import Room


class RoomPickerDialog(ModalScreen[Room | None]):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, rooms: list[Room]):
        super().__init__()
        self.title_text, self.rooms = title, rooms

    def compose(self) -> ComposeResult:
        with Vertical(id="room-picker", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(f"{room.name} · {room.venue.name}") for room in self.rooms])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.rooms[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
