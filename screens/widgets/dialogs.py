"""Small dialogs shared by staff screens."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import t


class ReasonDialog(ModalScreen[str | None]):
    """Asks why (a check-in by hand, an undo, a reissue), or another one-line answer such as a number
    of minutes; dismisses with the answer, or None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, prompt: str | None = None, restrict: str | None = None):
        super().__init__()
        self.title_text, self.prompt, self.restrict = title, prompt or t("dialog.reason"), restrict

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.prompt)
            yield Input(id="reason", max_length=200, restrict=self.restrict)
            yield Label("", id="reason-message", classes="message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#reason-message", Label).update(t("dialog.reason_needed"))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y or Enter says yes, n or Esc says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, message: str, question: str):
        super().__init__()
        self.message, self.question = message, question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.message, classes="dialog-title")
            yield Label(self.question)
            yield Label(t("dialog.yes_no"), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PickDialog(ModalScreen[int | None]):
    """Pick one of CHOICES: dismisses with its index, or None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, choices: list[str]):
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(choice) for choice in self.choices])

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.choices else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
