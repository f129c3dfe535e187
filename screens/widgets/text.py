"""Text from files, people and the store, as Textual and Rich take it without reading it as markup.

Every string that did not come from this program's own code goes on screen through one of these:
`data` for labels and statics, `styled` to put such text into a template of the program's own
markup, `cell` for table cells, `Clamped` for text that may take a few lines but no more. Each one makes control characters inert first (kiosk.text.inert).
"""
from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static

from kiosk.text import ELLIPSIS, inert


def data(value: object, lines: bool = False) -> Content:
    """VALUE as plain text: brackets stay brackets, control characters become visible."""
    return Content(inert(value, lines=lines))


def styled(template: str, **values: object) -> Content:
    """The program's own TEMPLATE (Textual markup with $name placeholders) with VALUES put in as
    plain text, e.g. styled("[b]$name[/b] · $code", name=attendee.name, code=attendee.code)."""
    return Content.from_markup(template, **{name: inert(value) for name, value in values.items()})


def cell(value: object, style: str = "", lines: bool = False) -> Text:
    """A table cell: plain text that ends in "…" when its column is too narrow, never wraps."""
    return Text(inert(value, lines=lines), style=style, no_wrap=True, overflow="ellipsis", end="")


def joined(*parts: Text | str, separator: str = "\n") -> Text:
    """Cell parts (each already a Text, or the program's own plain str) on separate lines."""
    pieces = [part if isinstance(part, Text) else Text(part) for part in parts if part]
    text = Text(separator).join(pieces)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


class Clamped(Static):
    """Text wrapped onto at most MAX_LINES lines; text that does not fit ends in "…" (Textual's own
    text-overflow applies to single lines only)."""

    def __init__(self, content: VisualType = "", *, max_lines: int = 2, **kwargs):
        super().__init__(content, **kwargs)
        self.max_lines = max_lines

    def clamped(self, width: int) -> Content:
        visual = self.visual
        content = visual if isinstance(visual, Content) else Content(str(visual))
        lines = [line.rstrip() for line in content.wrap(max(1, width))]
        if len(lines) > self.max_lines:
            lines = lines[: self.max_lines]
            lines[-1] = lines[-1].truncate(max(0, width - 1)) + ELLIPSIS
        return Content("\n").join(lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.clamped(width).plain.split("\n")) if self.visual else 0

    def render(self) -> Content:
        return self.clamped(self.content_size.width)
