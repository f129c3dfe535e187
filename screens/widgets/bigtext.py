"""Large type for kiosks and big screens: a 3x5-pixel font drawn with half blocks.

At scale 1 a letter is 4 columns by 3 rows; on a big terminal the widget takes the largest scale
at which the text fits in `max_lines` lines. Words wrap to the width; when even one word cannot
fit at scale 1, the text is shown at normal size, so a long Indonesian name is never cut off.
"""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.widget import Widget

from kiosk.search import fold
from kiosk.text import inert, shorten

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
GLYPH_WIDTH = 4  # three pixels and a space, at scale 1
MAX_SCALE = 3
ROWS_PER_SCALE = 20  # terminal rows needed for each step up in scale
MAX_BIG_ROWS = 40  # text that would take more rows than this in large type is shown at normal size
MAX_PLAIN_LINES = 4


def glyph(character: str) -> list[str]:
    pattern = FONT.get(fold(character).upper()[:1] or " ", FONT["?"])
    return pattern.split()


def big_line(text: str, scale: int = 1) -> list[str]:
    """One line of text as rows of half blocks: three rows at scale 1, five at 2, eight at 3."""
    pixels = [""] * 5
    for character in text:
        for row, bits in enumerate(glyph(character)):
            pixels[row] += "".join(bit * scale for bit in bits + ".")
    pixels = [row for row in pixels for _ in range(scale)]
    if len(pixels) % 2:
        pixels.append("." * len(pixels[0]))
    return ["".join(HALF_BLOCKS[(top == "#", bottom == "#")] for top, bottom in zip(pixels[r], pixels[r + 1]))
            .rstrip() for r in range(0, len(pixels), 2)]


def wrap(text: str, columns: int, scale: int = 1) -> list[str] | None:
    """Lines that fit COLUMNS at SCALE, or None when a word is too long."""
    most = max(1, (columns + scale) // (GLYPH_WIDTH * scale))
    lines: list[str] = []
    for word in text.split():
        if len(word) > most:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def fit(text: str, columns: int, max_lines: int, max_scale: int = MAX_SCALE) -> tuple[int, list[str]] | None:
    """The largest scale at which TEXT fits in MAX_LINES lines (else scale 1, any lines), and its lines."""
    for scale in range(max_scale, 1, -1):
        lines = wrap(text, columns, scale)
        if lines is not None and len(lines) <= max_lines:
            return scale, lines
    lines = wrap(text, columns)
    return None if lines is None else (1, lines)


class BigText(Widget):
    """Text in large type, centred; falls back to normal size when a word will not fit."""

    DEFAULT_CSS = "BigText { height: auto; width: 100%; }"

    def __init__(self, text: str = "", max_lines: int = 1, max_scale: int = MAX_SCALE, max_rows: int | None = None,
                 **kwargs):
        super().__init__(**kwargs)
        self._text = inert(text)
        self.max_lines = max_lines
        self.max_scale = max_scale
        self.max_rows = max_rows  # more rows than this: the text at normal size, in bold

    def update(self, text: str) -> None:
        self._text = inert(text)
        self.refresh(layout=True)

    @property
    def text(self) -> str:
        return self._text

    def _rows(self, width: int) -> list[str]:
        tall_enough = max(1, self.app.size.height // ROWS_PER_SCALE)  # a big scale only on a tall screen
        fitted = fit(self._text, width, self.max_lines, min(self.max_scale, tall_enough))
        if fitted is None:
            return self._plain_rows(width)
        scale, lines = fitted
        rows: list[str] = []
        for number, line in enumerate(lines):
            rows += ([""] if number else []) + big_line(line, scale)
        most = self.max_rows if self.max_rows is not None else MAX_BIG_ROWS
        return self._plain_rows(width) if len(rows) > most else rows

    def _plain_rows(self, width: int) -> list[str]:
        """The text at normal size, wrapped onto a few lines; what does not fit ends in "…"."""
        lines = [line.plain.rstrip() for line in Content(self._text).wrap(max(1, width))]
        if len(lines) > MAX_PLAIN_LINES:
            lines = lines[:MAX_PLAIN_LINES]
            lines[-1] = shorten(lines[-1], width - 1) + ("" if lines[-1].endswith("…") else "…")
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._rows(width)) if self._text else 0

    def render(self) -> Text:
        width = self.content_size.width
        rows = self._rows(width)
        big = rows != self._plain_rows(width)
        rows = [" " * max(0, (width - cell_len(row)) // 2) + row for row in rows]
        return Text("\n".join(rows), no_wrap=True, style="" if big else "bold")
