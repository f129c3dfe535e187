"""Widgets that keep text from outside within their place.

`BoundedInput`: an Input with a `max_length` that takes as much of a paste as fits (Textual's own
Input refuses a paste longer than the room left, whole), and shows a control character in what was
typed or pasted as a visible stand-in (kiosk.text.inert), never sending it to the terminal. `FittedTable`: a DataTable whose columns
fit its width: a "whole" column (a code, a status, a count) is as wide as its widest cell and never
cut, the others share the room left and end in "…" (cells made with screens.widgets.text.cell).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable, Input

from kiosk.text import inert

SCROLLBAR = 2  # cells kept free for the vertical scrollbar, so a column never hides under it
NARROWEST = 3  # a shared column is never narrower than this ("ab…")


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


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the program's own text (a catalogue entry)
    whole: bool = False  # never cut: as wide as its widest cell
    share: int = 1  # columns that are not whole split the room left in these proportions


def _width(value: object) -> int:
    return value.cell_len if isinstance(value, Text) else cell_len(str(value))


class FittedTable(DataTable):
    """A DataTable that sets its column widths from its own width and its cells, on every fill and
    every resize. Fill it with `fill(rows, keys)`; each cell a Rich Text (screens.widgets.text.cell)."""

    def __init__(self, columns: Sequence[Column] = (), **kwargs):
        super().__init__(**kwargs)
        self.fitted_columns: list[Column] = list(columns)
        self._fit_rows: list[tuple] = []
        self._fit_keys: list[str | None] = []
        self._fit_width = -1

    def fill(self, rows: Sequence[Sequence], keys: Sequence[str] | None = None) -> None:
        """Show ROWS (the cursor stays on the same row number, or the last row)."""
        self._fit_rows = [tuple(row) for row in rows]
        self._fit_keys = [str(key) for key in keys] if keys is not None else [None] * len(self._fit_rows)
        self._rebuild()

    def on_resize(self, event: events.Resize) -> None:
        if self._available() != self._fit_width:
            self._rebuild()

    def _available(self) -> int:
        width = self.size.width or (self.app.size.width if self.is_attached else 0)
        return max(0, width - SCROLLBAR)

    def widths(self, total: int) -> list[int]:
        """Content widths of the columns for TOTAL cells (cell padding comes on top of these)."""
        columns = self.fitted_columns
        natural = [max([cell_len(column.label)] + [_width(row[i]) for row in self._fit_rows if i < len(row)])
                   for i, column in enumerate(columns)]
        room = total - 2 * self.cell_padding * len(columns)
        widths = [natural[i] if column.whole else 0 for i, column in enumerate(columns)]
        shared = [i for i, column in enumerate(columns) if not column.whole]
        left = max(0, room - sum(widths))
        # Water-filling: a shared column that needs less than its share gets what it needs, and the
        # others split what it leaves.
        while shared:
            shares = sum(columns[i].share for i in shared)
            fitting = [i for i in shared if natural[i] <= left * columns[i].share // shares]
            if not fitting:
                for i in shared:
                    widths[i] = max(NARROWEST, left * columns[i].share // shares)
                spare = left - sum(widths[i] for i in shared)
                if spare > 0:
                    widths[shared[-1]] += spare  # what rounding left over
                break
            for i in fitting:
                widths[i] = natural[i]
                left -= natural[i]
            shared = [i for i in shared if i not in fitting]
        return widths

    def _rebuild(self) -> None:
        self._fit_width = self._available()
        row = self.cursor_row
        self.clear(columns=True)
        for column, width in zip(self.fitted_columns, self.widths(self._fit_width)):
            self.add_column(column.label, width=width, key=column.key)
        for cells, key in zip(self._fit_rows, self._fit_keys):
            self.add_row(*cells, key=key)
        if self._fit_rows:
            self.move_cursor(row=min(max(row, 0), len(self._fit_rows) - 1), animate=False)
