"""Large type for kiosks and big screens: a 3x5-pixel font drawn with half blocks, three rows a line.

Words wrap to the widget's width; when even one word cannot fit, the text is shown at normal size,
so a long Indonesian name is never cut off.
"""
from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from kiosk.search import fold

# Each glyph: five rows of three pixels, '#' on.
FONT = {
    "A": ".#. #.# ### #.# #.#", "B": "##. #.# ##. #.# ##.", "C": ".## #.. #.. #.. .##",
    "D": "##. #.# #.# #.# ##.", "E": "### #.. ##. #.. ###", "F": "### #.. ##. #.. #..",
    "G": ".## #.. #.# #.# .##", "H": "#.# #.# ### #.# #.#", "I": "### .#. .#. .#. ###",
    "J": "..# ..# ..# #.# .#.", "K": "#.# #.# ##. #.# #.#", "L": "#.. #.. #.. #.. ###",
    "M": "#.# ### ### #.# #.#", "N": "##. #.# #.# #.# #.#", "O": ".#. #.# #.# #.# .#.",
    "P": "##. #.# ##. #.. #..", "Q": ".#. #.# #.# ##. .##", "R": "##. #.# ##. #.# #.#",
    "S": ".## #.. .#. ..# ##.", "T": "### .#. .#. .#. .#.", "U": "#.# #.# #.# #.# ###",
    "V": "#.# #.# #.# #.# .#.", "W": "#.# #.# ### ### #.#", "X": "#.# #.# .#. #.# #.#",
    "Y": "#.# #.# .#. .#. .#.", "Z": "### ..# .#. #.. ###",
    "0": "### #.# #.# #.# ###", "1": ".#. ##. .#. .#. ###", "2": "##. ..# .#. #.. ###",
    "3": "##. ..# .#. ..# ##.", "4": "#.# #.# ### ..# ..#", "5": "### #.. ##. ..# ##.",
    "6": ".## #.. ### #.# ###", "7": "### ..# .#. .#. .#.", "8": "### #.# ### #.# ###",
    "9": "### #.# ### ..# ##.", " ": "... ... ... ... ...", "/": "..# ..# .#. #.. #..",
    "!": ".#. .#. .#. ... .#.", ".": "... ... ... ... .#.", ",": "... ... ... .#. #..",
    "-": "... ... ### ... ...", ":": "... .#. ... .#. ...", "'": ".#. .#. ... ... ...",
    "?": "##. ..# .#. ... .#.", "&": ".#. #.# .#. #.# .##", "(": ".#. #.. #.. #.. .#.",
    ")": ".#. ..# ..# ..# .#.", "+": "... .#. ### .#. ...",
}
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
GLYPH_WIDTH = 4  # three pixels and a space
ROWS_PER_LINE = 3


def glyph(character: str) -> list[str]:
    pattern = FONT.get(fold(character).upper()[:1] or " ", FONT["?"])
    return pattern.split()


def big_line(text: str) -> list[str]:
    """One line of text as three rows of half blocks."""
    pixels = [""] * 5
    for character in text:
        for row, bits in enumerate(glyph(character)):
            pixels[row] += bits + "."
    pixels.append("." * len(pixels[0]))
    return ["".join(HALF_BLOCKS[(top == "#", bottom == "#")] for top, bottom in zip(pixels[r], pixels[r + 1]))
            .rstrip() for r in (0, 2, 4)]


def wrap(text: str, columns: int) -> list[str] | None:
    """Lines of at most COLUMNS // GLYPH_WIDTH characters, or None when a word is too long."""
    most = max(1, (columns + 1) // GLYPH_WIDTH)
    lines: list[str] = []
    for word in text.split():
        if len(word) > most:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


class BigText(Widget):
    """Text in large type, centred; falls back to normal size when a word will not fit."""

    DEFAULT_CSS = "BigText { height: auto; width: 100%; }"

    def __init__(self, text: str = "", **kwargs):
        super().__init__(**kwargs)
        self._text = text

    def update(self, text: str) -> None:
        self._text = text
        self.refresh(layout=True)

    @property
    def text(self) -> str:
        return self._text

    def _rows(self, width: int) -> list[str]:
        lines = wrap(self._text, width)
        if lines is None:
            return [self._text]
        rows: list[str] = []
        for number, line in enumerate(lines):
            rows += ([""] if number else []) + big_line(line)
        return rows

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._rows(width)) if self._text else 0

    def render(self) -> Text:
        width = self.content_size.width
        rows = [row.center(width).rstrip() if len(row) < width else row for row in self._rows(width)]
        return Text("\n".join(rows), no_wrap=len(rows) > 1 or wrap(self._text, width) is not None)
