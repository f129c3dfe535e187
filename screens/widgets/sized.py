"""Tables whose columns fit their own width: a column is as wide as its widest value (an amount, a
count, a time: never cut), or takes a share of the room left (a name, ending in "…" when cut), laid
out again whenever the table's width changes. `SizedTable` is told its columns' widths with each fill
(the sales board, the sell screen); `FittedTable` has its columns once and measures them from the
cells (the desk, the schedule, the arrivals)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

SCROLLBAR = 2  # a DataTable's vertical scrollbar, kept free whether it shows or not
MIN_SHARED = 6  # a name column never gets less than this


@dataclass(frozen=True)
class Sized:
    """A table column: WIDTH cells of content, or (SHARE above 0) a share of the room left, but no more
    than MOST cells when MOST is given (its widest value: the room it does not need goes to the others)."""

    label: str
    width: int = 0
    share: int = 0
    most: int = 0


def widest(label: str, values: Iterable[str], least: int = 0) -> int:
    """The cells needed to show LABEL and every one of VALUES whole."""
    return max([least, cell_len(label), *(cell_len(value) for value in values)])


def fitted_widths(columns: list[Sized], table_width: int, padding: int = 1, scrollbar: int = SCROLLBAR) -> list[int]:
    """The width of each column: fixed ones whole, shared ones from what is left (at least MIN_SHARED
    while there is room for it, less rather than pushing a fixed column out of sight), none wider than
    its MOST (when every shared column has room to spare, the rest of the width stays empty)."""
    used = sum(column.width for column in columns if not column.share) + 2 * padding * len(columns) + scrollbar
    room = max(0, table_width - used)
    widths = {n: column.width for n, column in enumerate(columns) if not column.share}
    sharing = [n for n, column in enumerate(columns) if column.share]
    while sharing:
        shares = sum(columns[n].share for n in sharing)
        capped = [n for n in sharing if columns[n].most and room * columns[n].share // shares > columns[n].most]
        if not capped:
            break
        for n in capped:
            widths[n] = max(MIN_SHARED, columns[n].most)
            room -= widths[n]
            sharing.remove(n)
    if sharing:
        shares = sum(columns[n].share for n in sharing)
        for n in sharing:
            widths[n] = room * columns[n].share // shares
        widths[sharing[-1]] += room - sum(widths[n] for n in sharing)  # what rounding left
        least = MIN_SHARED if room >= MIN_SHARED * len(sharing) else 1
        for n in sharing:
            widths[n] = max(least, widths[n])
    return [widths[n] for n in range(len(columns))]


class SizedTable(DataTable):
    """A DataTable whose columns fit its own width, laid out again whenever that width changes.
    SCROLLBAR: cells kept free for a vertical scrollbar (0 for a display's table, which shows only
    the rows that fit its height and never scrolls)."""

    def __init__(self, scrollbar: int = SCROLLBAR, **kwargs):
        super().__init__(**kwargs)
        self.scrollbar = scrollbar
        self._row_height = 1
        self._sized: list[Sized] = []
        self._sized_rows: list[tuple[tuple, str | None]] = []
        self._sized_layout: tuple | None = None

    def fill(self, columns: list[Sized], rows: list[tuple[tuple, str | None]], row_height: int = 1) -> None:
        """COLUMNS and ROWS (cells, row key), each ROW_HEIGHT lines; the cursor stays on its row number."""
        self._sized, self._sized_rows, self._row_height = list(columns), list(rows), row_height
        self._draw()

    def visible_rows(self) -> int:
        """How many rows of the current height show without scrolling."""
        return max(0, (self.size.height - self.header_height * self.show_header) // self._row_height)

    def _draw(self) -> None:
        width = self.size.width
        if not width or not self._sized:
            return  # drawn when it has a width
        row = self.cursor_row
        widths = fitted_widths(self._sized, width, self.cell_padding, self.scrollbar)
        layout = (tuple(column.label for column in self._sized), tuple(widths))
        if layout == self._sized_layout:
            self.clear()
        else:
            self.clear(columns=True)
            for column, column_width in zip(self._sized, widths):
                self.add_column(column.label, width=column_width)
            self._sized_layout = layout
        rows = self._sized_rows if self.scrollbar else self._sized_rows[:self.visible_rows()]
        for cells, key in rows:
            self.add_row(*(drawn(value, column_width) for value, column_width in zip(cells, widths)), key=key,
                         height=self._row_height)
        if self._sized_rows and row:
            self.move_cursor(row=min(row, len(self._sized_rows) - 1), animate=False)

    def on_resize(self) -> None:
        self._draw()


def drawn(value, width: int):
    """A cell as shown: VALUE, or what VALUE (a function of its column's width) draws."""
    return value(width) if callable(value) else value


@dataclass(frozen=True)
class Column:
    """A FittedTable's column: WHOLE (a code, a status, a count) is as wide as its widest cell and never
    cut; the others split the room left in proportion to SHARE, none wider than its widest cell."""

    key: str
    label: str  # the program's own text (a catalogue entry)
    whole: bool = False
    share: int = 1


class FittedTable(SizedTable):
    """A SizedTable whose columns are given once; `fill(rows, keys)` measures them from the cells (each a
    Rich Text from screens.widgets.text.cell, or a plain string)."""

    def __init__(self, columns: Sequence[Column] = (), **kwargs):
        super().__init__(**kwargs)
        self.fitted_columns: list[Column] = list(columns)

    def fill(self, rows: Sequence[Sequence], keys: Sequence[str] | None = None) -> None:
        """Show ROWS, each with its key (the cursor stays on the same row number, or the last row)."""
        rows = [tuple(row) for row in rows]
        keys = [str(key) for key in keys] if keys is not None else [None] * len(rows)
        sized = []
        for n, column in enumerate(self.fitted_columns):
            most = max([cell_len(column.label)] + [cell_width(row[n]) for row in rows if n < len(row)])
            sized.append(Sized(column.label, width=most) if column.whole else
                         Sized(column.label, share=column.share, most=most))
        super().fill(sized, list(zip(rows, keys)))


def cell_width(value: object) -> int:
    return value.cell_len if isinstance(value, Text) else cell_len(str(value))
