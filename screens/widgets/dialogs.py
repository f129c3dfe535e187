"""Small dialogs shared by staff screens.

Their titles and choices often carry names from the store (a person, a product, a room): a plain
str is shown as data, never read as markup, on at most a few lines ending in "…"; a Content (the
caller's own styled text, screens.widgets.text.styled) is shown as it is.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import t
from screens.widgets.fitted import BoundedInput
from screens.widgets.text import Clamped, data

TITLE_LINES = 3  # a dialog's title takes at most this many lines
REASON_LENGTH = 200  # characters of a reason (the default max_length of ReasonDialog's input)


def as_content(text: str | Content) -> Content:
    """TEXT as the dialog shows it: a str is data (brackets stay brackets); a Content is kept."""
    return text if isinstance(text, Content) else data(text)


def title_widget(text: str | Content, lines: int = TITLE_LINES) -> Clamped:
    return Clamped(as_content(text), max_lines=lines, classes="dialog-title")


class ReasonDialog(ModalScreen[str | None]):
    """Asks why (a check-in by hand, an undo, a reissue), or another one-line answer such as a number
    of minutes; dismisses with the answer, or None. The title takes at most TITLE_LINES lines (more
    for a title that must stay whole, such as a person's name or an amount: wrapped, never cut
    unless it is longer than any the program lets in)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str | Content, prompt: str | None = None, restrict: str | None = None,
                 max_length: int = REASON_LENGTH, title_lines: int = TITLE_LINES):
        super().__init__()
        self.title_text, self.prompt, self.restrict = title, prompt or t("dialog.reason"), restrict
        self.max_length, self.title_lines = max_length, title_lines

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_widget(self.title_text, self.title_lines)
            yield Label(self.prompt)
            yield BoundedInput(id="reason", max_length=self.max_length, restrict=self.restrict)
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

    def __init__(self, message: str | Content, question: str):
        super().__init__()
        self.message, self.question = message, question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_widget(self.message)
            yield Label(self.question)
            yield Label(t("dialog.yes_no"), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PickDialog(ModalScreen[int | None]):
    """Pick one of CHOICES: dismisses with its index, or None."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str | Content, choices: list[str | Content]):
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield title_widget(self.title_text)
            yield OptionList(*[Option(as_content(choice)) for choice in self.choices])

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.choices else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
