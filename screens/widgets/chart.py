"""A bar chart of a value per hour, with axes: ticks on the left (labelled by the caller, in rupiah
for the board), the hours under the bars, each bar drawn in eighths of a row. Textual has no chart
with axes; this one holds plain values and only draws."""
from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Callable

from rich.cells import cell_len
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

EIGHTHS_UP = " ▁▂▃▄▅▆▇█"  # a row filled by 0 to 8 eighths, from the bottom
MOST_SLOT = 12  # cells an hour takes at most, so that a few hours do not make a wall
TICK_ROWS = 3  # rows between two ticks, at least
NICE = (1, 2, 2.5, 5, 10)
RUNS = re.compile(r" +|[^ ]+")

Piece = tuple[str, str]  # text, role: "label", "axis" or "bar"


def nice_step(peak: int, ticks: int) -> int:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that reaches PEAK in TICKS steps or fewer."""
    raw = max(1.0, peak / max(1, ticks))
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(math.ceil(m * magnitude) for m in NICE if m * magnitude >= raw)


def eighths(value: int, top: int, rows: int) -> int:
    """VALUE's bar, in eighths of a row, on ROWS rows for TOP; a value above zero shows at least one."""
    drawn = round(value * rows * 8 / top) if top else 0
    return max(1, drawn) if value > 0 else 0


def chart_rows(series: list[tuple[datetime, int]], width: int, height: int,
               tick_label: Callable[[int], str]) -> list[list[Piece]]:
    """The chart of SERIES (hour, value) in WIDTH x HEIGHT cells, as lines of pieces; nothing when it
    does not fit. The last hours are kept when there are more hours than columns."""
    rows = height - 2  # the x axis and the hours under it
    if rows < 2 or width < 8:
        return []
    peak = max((value for _, value in series), default=0)
    step = nice_step(peak, rows // TICK_ROWS)
    top = step * max(1, math.ceil(peak / step))
    ticks = {round(value * rows / top): tick_label(value) for value in range(0, top + 1, step) if peak or not value}
    label_width = max(cell_len(label) for label in ticks.values())
    plot = width - label_width - 1
    if plot < 1:
        return []
    shown = series[-plot:]
    slot = min(MOST_SLOT, plot // len(shown)) if shown else 0
    bar = slot - 1 if slot >= 3 else slot
    bars = [eighths(value, top, rows) for _, value in shown]
    lines = []
    for row in range(rows, 0, -1):  # the row between heights row-1 and row, from the top
        label = ticks.get(row, "")
        cells = "".join(EIGHTHS_UP[min(8, max(0, filled - (row - 1) * 8))] * bar + " " * (slot - bar)
                        for filled in bars)
        lines.append([(label.rjust(label_width), "label"), ("┤" if label else "│", "axis"), (cells, "bar")])
    lines.append([(ticks[0].rjust(label_width), "label"), ("└" + "─" * plot, "axis")])
    lines.append([(" " * (label_width + 1) + hour_labels([hour for hour, _ in shown], slot, bar, plot), "label")])
    return lines


def hour_labels(hours: list[datetime], slot: int, bar: int, width: int) -> str:
    """The hours under their bars ("10:00", or "10" when narrow), as many as fit apart."""
    if not hours or not slot:
        return ""
    form = "%H:%M" if slot >= 6 else "%H"
    size = len(f"{hours[0]:{form}}")
    every = math.ceil((size + 1) / slot)
    line = [" "] * width
    for n in range(0, len(hours), every):
        start = n * slot + max(0, (bar - size) // 2)
        if start + size <= width:
            line[start:start + size] = f"{hours[n]:{form}}"
    return "".join(line)


class HourChart(Widget):
    """Bars per hour with axes, fitted to the widget's size; TICK_LABEL writes a tick's value. Runs of
    spaces are unstyled pieces of their own, so that a picture made from a snapshot (SVG) keeps them."""

    COMPONENT_CLASSES = {"hour-chart--bar", "hour-chart--axis", "hour-chart--label"}
    DEFAULT_CSS = """
    HourChart { height: 1fr; text-wrap: nowrap; text-overflow: clip; }
    HourChart > .hour-chart--bar { color: $primary; }
    HourChart > .hour-chart--axis { color: $text-muted; }
    HourChart > .hour-chart--label { color: $text-muted; }
    """

    def __init__(self, tick_label: Callable[[int], str], empty: str = "", **kwargs):
        super().__init__(**kwargs)
        self.tick_label, self.empty = tick_label, empty  # EMPTY: what it says while there is no hour
        self.series: list[tuple[datetime, int]] = []

    def show(self, series: list[tuple[datetime, int]]) -> None:
        self.series = list(series)
        self.refresh()

    def render(self) -> Content:
        size = self.content_size
        styles = {role: Style.from_rich_style(self.get_component_rich_style(f"hour-chart--{role}", partial=True))
                  for role in ("bar", "axis", "label")}
        styles["pad"] = Style()
        if not self.series:
            return Content.styled(self.empty, styles["label"])
        return Content("\n").join(Content.assemble(*((run, styles["pad" if run[0] == " " else role])
                                                     for text, role in pieces for run in RUNS.findall(text)))
                                  for pieces in chart_rows(self.series, size.width, size.height, self.tick_label))
