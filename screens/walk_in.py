"""The desk registers someone who is not on the list: name, institution, category, language."""
from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from kiosk.attendees import institutions_matching
from kiosk.i18n import t
from models import ATTENDEE_CATEGORIES, LANGUAGES, Event, Institution


@dataclass(frozen=True)
class WalkIn:
    name: str
    institution: Institution | None
    category: str
    language: str


class WalkInDialog(ModalScreen[WalkIn | None]):
    BINDINGS = [Binding("escape", "cancel", show=False), Binding("ctrl+s", "save", show=False)]

    def __init__(self, event: Event):
        super().__init__()
        self.event = event
        self.institution: Institution | None = None
        self._matches: list[Institution] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="walk-in", classes="dialog"):
            yield Label(t("walkin.title"), classes="dialog-title")
            yield Input(placeholder=t("walkin.name"), id="walk-in-name", max_length=200)
            yield Input(placeholder=t("walkin.institution"), id="walk-in-institution")
            yield OptionList(id="walk-in-matches")
            yield Select([(t(f"category.{c}"), c) for c in ATTENDEE_CATEGORIES], value="participant",
                         allow_blank=False, id="walk-in-category")
            yield Select([(t(f"language.{lang}"), lang) for lang in LANGUAGES], value="id",
                         allow_blank=False, id="walk-in-language")
            yield Button(t("walkin.save"), id="walk-in-save", variant="primary")
            yield Label("", id="walk-in-message", classes="message")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "walk-in-institution":
            return
        if self.institution is not None and event.value == self.institution.name:
            return  # the name of the institution just chosen
        self.institution = None
        self._matches = institutions_matching(self.event, event.value, limit=5) if event.value.strip() else []
        matches = self.query_one("#walk-in-matches", OptionList)
        matches.clear_options()
        matches.add_options([Option(i.name) for i in self._matches])
        matches.highlighted = 0 if self._matches else None
        matches.display = bool(self._matches)  # no room taken at 80x24 while there is nothing to pick

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        self.institution = self._matches[index]
        self.query_one("#walk-in-institution", Input).value = self.institution.name
        self.query_one("#walk-in-category", Select).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on; in the institution field it takes the highlighted match."""
        event.stop()
        matches = self.query_one("#walk-in-matches", OptionList)
        if event.input.id == "walk-in-institution" and self.institution is None and self._matches:
            self._choose(matches.highlighted or 0)
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = self.query_one("#walk-in-name", Input).value.strip()
        if not name:
            self.query_one("#walk-in-message", Label).update(t("walkin.name_needed"))
            return
        self.dismiss(WalkIn(name, self.institution, self.query_one("#walk-in-category", Select).value,
                            self.query_one("#walk-in-language", Select).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
