"""`BoundedInput`: an Input with a `max_length` that takes as much of a paste as fits (Textual's own
Input refuses a paste longer than the room left, whole), and shows a control character in what was
typed or pasted as a visible stand-in (kiosk.text.inert), never sending it to the terminal. (Tables
that fit their width: screens.widgets.sized.)
"""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Input

from kiosk.text import inert


class BoundedInput(Input):
    """An Input that takes the first line of a paste up to its max_length, never nothing, and shows
    its value inert (the value itself is kept as typed, for the use case to judge)."""

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(inert(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _on_paste(self, event: events.Paste) -> None:
        if not self.max_length:
            return  # Input's own handler takes it
        event.prevent_default()  # the base handler would refuse a paste that does not fit, whole
        event.stop()
        lines = event.text.splitlines()
        if not lines:
            return
        start, end = sorted(self.selection)
        room = self.max_length - (len(self.value) - (end - start))
        if room > 0:
            self.replace(lines[0][:room], start, end)
        else:
            self.restricted()
