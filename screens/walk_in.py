"""The desk registers someone who is not on the list: name, institution, category, language.

Institutions are looked up on a store thread as the person types; the dialog hands back plain values
(the institution's id), and the desk records the walk-in through the app's writer."""
from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from kiosk.attendees import InstitutionChoice, control_character, institutions_matching
from kiosk.i18n import t
from models import ATTENDEE_CATEGORIES, LANGUAGES, Event
from screens.base import StoreReads
from screens.widgets.fitted import BoundedInput
from screens.widgets.text import data

NAME_LENGTH = 200
INSTITUTION_LENGTH = 200
MATCHES = 5


@dataclass(frozen=True)
class WalkIn:
    name: str
    institution: InstitutionChoice | None
    category: str
    language: str


class WalkInDialog(StoreReads, ModalScreen[WalkIn | None]):
    BINDINGS = [Binding("escape", "cancel", show=False), Binding("ctrl+s", "save", show=False)]

    def __init__(self, event: Event):
        super().__init__()
        self.event = event
        self.institution: InstitutionChoice | None = None
        self._matches: list[InstitutionChoice] = []
        self._looked_up = ""  # the text the matches shown were found for
        self._again = False

    def compose(self) -> ComposeResult:
        with Vertical(id="walk-in", classes="dialog"):
            yield Label(t("walkin.title"), classes="dialog-title")
            yield Label("", id="walk-in-message", classes="message")  # up here: seen even at 80x24
            yield BoundedInput(placeholder=t("walkin.name"), id="walk-in-name", max_length=NAME_LENGTH)
            yield BoundedInput(placeholder=t("walkin.institution"), id="walk-in-institution",
                               max_length=INSTITUTION_LENGTH)
            yield OptionList(id="walk-in-matches")
            with Horizontal(id="walk-in-choices"):  # side by side: the dialog fits 80x24
                yield Select([(t(f"category.{c}"), c) for c in ATTENDEE_CATEGORIES], value="participant",
                             allow_blank=False, id="walk-in-category")
                yield Select([(t(f"language.{lang}"), lang) for lang in LANGUAGES], value="id",
                             allow_blank=False, id="walk-in-language")
            yield Button(t("walkin.save"), id="walk-in-save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#walk-in-matches", OptionList).display = False
        self.query_one("#walk-in-message", Label).display = False

    def _say(self, message: str) -> None:
        label = self.query_one("#walk-in-message", Label)
        label.update(data(message))
        label.display = True

    # ---- the institution, looked up as typed -------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "walk-in-institution":
            return
        if self.institution is not None and event.value == self.institution.name:
            return  # the name of the institution just chosen
        self.institution = None
        self._look_up()

    def _look_up(self) -> None:
        text = self.query_one("#walk-in-institution", Input).value
        if not text.strip():
            self._show_matches("", [])
            return
        event = self.event
        if not self.read(lambda: institutions_matching(event, text, limit=MATCHES),
                         lambda found: self._show_matches(text, found), group="institutions"):
            self._again = True  # typed on while a look-up was under way: look again when it ends

    def _show_matches(self, text: str, found: list[InstitutionChoice]) -> None:
        if self._again:
            self._again = False
            self._look_up()
        if self.institution is not None:
            return  # chosen meanwhile
        self._looked_up, self._matches = text, list(found)
        matches = self.query_one("#walk-in-matches", OptionList)
        matches.clear_options()
        matches.add_options([Option(data(choice.name)) for choice in self._matches])
        matches.highlighted = 0 if self._matches else None
        matches.display = bool(self._matches)  # no room taken at 80x24 while there is nothing to pick

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        self.institution = self._matches[index]
        self.query_one("#walk-in-institution", Input).value = self.institution.name[:INSTITUTION_LENGTH]
        self.query_one("#walk-in-matches", OptionList).display = False
        self.query_one("#walk-in-category", Select).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on; in the institution field it takes the highlighted match."""
        event.stop()
        matches = self.query_one("#walk-in-matches", OptionList)
        if event.input.id == "walk-in-institution" and self.institution is None and self._matches:
            self._choose(matches.highlighted or 0)
        else:
            self.focus_next()

    # ---- saving ------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save()

    def action_save(self) -> None:
        typed = self.query_one("#walk-in-name", Input).value
        character = control_character(typed)
        if character is not None:
            self._say(t("error.walk_in_control", character=character))
            return
        name = " ".join(typed.split())
        if not name:
            self._say(t("walkin.name_needed"))
            return
        self.dismiss(WalkIn(name, self.institution, self.query_one("#walk-in-category", Select).value,
                            self.query_one("#walk-in-language", Select).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
