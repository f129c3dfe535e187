"""Large type for kiosks and big screens: a real font drawn with half blocks.

Pillow draws each line of text whole with the bundled DejaVu Sans Bold (screens/widgets/fonts/)
into a 1-bit image, hinted and without antialiasing, and every two pixel rows become one terminal
row of ▀ ▄ █. A terminal cell is about twice as tall as it is wide, so the pixels are square.

The widget takes the largest pixel size at which the text fits its width, its lines and its rows;
words wrap onto as many lines as that allows and are never cut. Text that cannot be large enough to
read (too long for the room, or with a character the font lacks: an emoji, another script) is shown
whole at normal size, in bold, wrapped. Rendered rows are cached, so a redraw costs nothing.
"""
from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from kiosk.text import inert, shorten

FONT_FILE = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
LEGIBLE_CAP = 8  # pixels (four rows): a capital letter smaller than this is not read from afar
MAX_SCALE = 3  # the largest capitals are MAX_SCALE times the smallest legible ones
SCREEN_SHARE = 0.4  # without max_rows, large type takes at most this share of the screen's rows
LINE_GAP = 1  # blank rows between two lines of large type
MAX_PLAIN_LINES = 8  # text at normal size is whole up to this many lines
SPACES = re.compile(r"[ \t\n]+")  # where a line may break (a no-break space is not one)


# ---- the font ----------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def font(size: int) -> ImageFont.FreeTypeFont:
    """The bundled font at SIZE pixels to the em, with Pillow's own layout (never libraqm's, which
    a machine may or may not have), so every machine draws the same pixels."""
    return ImageFont.truetype(str(FONT_FILE), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """Every code point the bundled font has a glyph for (from its Unicode cmap subtable)."""
    data = FONT_FILE.read_bytes()
    tables = {data[12 + 16 * n: 16 + 16 * n]: struct.unpack(">II", data[20 + 16 * n: 28 + 16 * n])
              for n in range(struct.unpack(">H", data[4:6])[0])}
    cmap = tables[b"cmap"][0]
    subtables = {}
    for n in range(struct.unpack(">H", data[cmap + 2: cmap + 4])[0]):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * n: cmap + 12 + 8 * n])
        subtables[(platform, encoding)] = cmap + offset
    if (3, 10) in subtables:
        return _format12(data, subtables[(3, 10)])
    return _format4(data, subtables[(3, 1)])


def _format12(data: bytes, at: int) -> frozenset[int]:
    groups = struct.unpack(">I", data[at + 12: at + 16])[0]
    codes = set()
    for n in range(groups):
        start, end, glyph = struct.unpack(">III", data[at + 16 + 12 * n: at + 28 + 12 * n])
        codes.update(code for code in range(start, end + 1) if glyph + code - start)
    return frozenset(codes)


def _format4(data: bytes, at: int) -> frozenset[int]:
    segments = struct.unpack(">H", data[at + 6: at + 8])[0] // 2
    ends = struct.unpack(f">{segments}H", data[at + 14: at + 14 + 2 * segments])
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack(f">{segments}H", data[starts_at: starts_at + 2 * segments])
    deltas = struct.unpack(f">{segments}h", data[starts_at + 2 * segments: starts_at + 4 * segments])
    ranges_at = starts_at + 4 * segments
    codes = set()
    for n, (start, end, delta) in enumerate(zip(starts, ends, deltas)):
        offset = struct.unpack(">H", data[ranges_at + 2 * n: ranges_at + 2 * n + 2])[0]
        for code in range(start, min(end, 0xFFFE) + 1):
            if offset:
                where = ranges_at + 2 * n + offset + 2 * (code - start)
                glyph = struct.unpack(">H", data[where: where + 2])[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            else:
                glyph = (code + delta) & 0xFFFF
            if glyph:
                codes.add(code)
    return frozenset(codes)


def drawable(text: str) -> str | None:
    """TEXT as the font can draw it (composed; a character it lacks replaced by its compatibility
    form when the font has that: ﬁ → fi, Ｂ → B), or None when some character has no glyph."""
    have = covered()
    out = []
    for character in unicodedata.normalize("NFC", text):
        if ord(character) not in have:
            character = unicodedata.normalize("NFKC", character)
            if not all(ord(c) in have for c in character):
                return None
        out.append(character)
    return "".join(out)


# ---- drawing ------------------------------------------------------------------------------------

def measure(text: str, size: int) -> int:
    """The width in pixels (terminal columns) of TEXT drawn at SIZE."""
    left, _, right, _ = font(size).getbbox(text, mode="1", anchor="ls")
    return max(0, right - left)


@lru_cache(maxsize=None)
def cap_height(size: int) -> int:
    """The height in pixels of a capital H at SIZE, as hinting draws it."""
    return -font(size).getbbox("H", mode="1", anchor="ls")[1]


def _ink(line: str, size: int) -> Image.Image:
    """LINE drawn whole at SIZE (never glyph by glyph), on a canvas with its baseline at ascent + 1."""
    face = font(size)
    ascent, descent = face.getmetrics()
    left, _, right, _ = face.getbbox(line, mode="1", anchor="ls")
    image = Image.new("1", (max(1, right - left) + 2, ascent + descent + 2))
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"
    draw.text((1 - left, ascent + 1), line, font=face, fill=1, anchor="ls")
    return image


def _band(image: Image.Image, size: int) -> tuple[int, int, int, int]:
    """The pixel rows a line is cut to: from the capitals' top (or an accent above them, a whole
    cell higher, so capitals start at the top of a cell) to the baseline (or a descender), an even
    number of rows; and the capitals' top and the baseline. A line of dots ("…") is as tall as one
    of capitals."""
    baseline = font(size).getmetrics()[0] + 1
    cap_top = baseline - cap_height(size)
    box = image.getbbox() or (0, cap_top, 0, baseline)
    top = cap_top - 2 * ((cap_top - min(cap_top, box[1]) + 1) // 2)
    bottom = max(baseline, box[3])
    return top, bottom + (bottom - top) % 2, cap_top, baseline


@dataclass(frozen=True)
class BigLine:
    rows: tuple[str, ...]  # half blocks, all of one length: the line is drawn whole, its glyphs aligned
    above: bool  # a row above the capitals (ascenders, accents)
    below: bool  # a row below the baseline (descenders)


@lru_cache(maxsize=2048)
def big_line(line: str, size: int) -> BigLine:
    image = _ink(line, size)
    top, bottom, cap_top, baseline = _band(image, size)
    box = image.getbbox()
    left, right = (box[0], box[2]) if box else (0, 0)
    pixels = image.load()
    rows = tuple("".join(HALF_BLOCKS[(bool(pixels[x, y]), bool(pixels[x, y + 1]))] for x in range(left, right))
                 for y in range(top, bottom, 2))
    return BigLine(rows, above=top < cap_top, below=bottom > baseline + 1)


def gap(upper: BigLine, lower: BigLine) -> int:
    """Blank rows between two lines: none when a descender's or an accent's row already parts them."""
    return 0 if upper.below or lower.above else LINE_GAP


# ---- fitting ------------------------------------------------------------------------------------

def words(text: str) -> list[str]:
    return [word for word in SPACES.split(text) if word]


def wrap(text: str, columns: int, size: int) -> list[str] | None:
    """TEXT's words on lines at most COLUMNS wide at SIZE, or None when one word alone is wider."""
    lines: list[str] = []
    for word in words(text):
        if measure(word, size) > columns:
            return None
        if lines and measure(f"{lines[-1]} {word}", size) <= columns:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@lru_cache(maxsize=None)
def sizes(max_scale: int = MAX_SCALE) -> tuple[int, ...]:
    """Font sizes from the largest allowed to the smallest legible one, one per capital height."""
    by_cap: dict[int, int] = {}
    for size in range(6, 400):
        cap = cap_height(size)
        if cap > LEGIBLE_CAP * max_scale:
            break
        if cap >= LEGIBLE_CAP:
            by_cap.setdefault(cap, size)
    return tuple(sorted(by_cap.values(), reverse=True))


@lru_cache(maxsize=1024)
def fit(texts: tuple[str, ...], columns: int, max_lines: int, max_rows: int,
        max_scale: int = MAX_SCALE) -> int | None:
    """The largest size at which each of TEXTS fits COLUMNS, MAX_LINES lines and MAX_ROWS rows
    (texts shown together get one size), or None when one of them cannot be large."""
    drawn = [drawable(text) for text in texts]
    if None in drawn:
        return None
    for size in sizes(max_scale):
        if not all(_could_fit(text, columns, max_lines, max_rows, size) for text in drawn):
            continue
        wrapped = [wrap(text, columns, size) for text in drawn]
        if all(lines and len(lines) <= max_lines and rows_of(lines, size) <= max_rows for lines in wrapped):
            return size
    return None


def _could_fit(text: str, columns: int, max_lines: int, max_rows: int, size: int) -> bool:
    """A quick test that rules out most sizes before wrapping: TEXT on one line is no longer than the
    lines that could fit (MAX_LINES, and no more than MAX_ROWS rows of bare capitals), with a space
    and the letters' side bearings to spare at each break."""
    lines = max(1, min(max_lines, max_rows // max(1, cap_height(size) // 2)))
    space = measure("n n", size) - measure("nn", size)
    return measure(text, size) <= lines * (columns + space + size // 2)


def rows_of(lines: list[str], size: int) -> int:
    drawn = [big_line(line, size) for line in lines]
    return sum(len(line.rows) for line in drawn) + sum(gap(*pair) for pair in zip(drawn, drawn[1:]))


@lru_cache(maxsize=512)
def big_rows(text: str, size: int, columns: int) -> tuple[str, ...]:
    """TEXT wrapped to COLUMNS at SIZE, each line centred as a whole."""
    drawn = drawable(text) or text
    lines = wrap(drawn, columns, size) or [drawn]
    rows: list[str] = []
    above = None
    for line in (big_line(line, size) for line in lines):
        indent = " " * max(0, (columns - len(line.rows[0])) // 2)
        rows += [""] * (gap(above, line) if above else 0) + [indent + row for row in line.rows]
        above = line
    return tuple(rows)


@lru_cache(maxsize=512)
def plain_rows(text: str, columns: int) -> tuple[str, ...]:
    """TEXT at normal size wrapped to COLUMNS, each line centred: all of it, up to MAX_PLAIN_LINES
    (longer than any name: beyond them the last line ends in "…")."""
    lines = [line.plain.strip() for line in Content(text).wrap(max(1, columns))]
    lines = [line for line in lines if line]
    if len(lines) > MAX_PLAIN_LINES:
        lines = lines[:MAX_PLAIN_LINES]
        lines[-1] = shorten(lines[-1] + "…", columns)  # ends in "…" whether it fits or not
    return tuple(" " * max(0, (columns - cell_len(line)) // 2) + line for line in lines)


# ---- the widget ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Fitted:
    rows: tuple[str, ...]
    size: int | None  # the font size in pixels, or None for normal size

    @property
    def big(self) -> bool:
        return self.size is not None


class BigText(Widget):
    """Text in large type, centred as a block; at normal size (bold, whole) when it cannot be large.
    Texts shown together (`together`: all of them, this one included) get one size, or all plain."""

    DEFAULT_CSS = "BigText { height: auto; width: 100%; }"

    def __init__(self, text: str = "", max_lines: int = 1, max_scale: int = MAX_SCALE, max_rows: int | None = None,
                 together: Sequence[str] = (), capitals: bool = False, **kwargs):
        super().__init__(**kwargs)
        self._text = inert(text)
        self.max_lines = max_lines
        self.max_scale = max_scale
        self.max_rows = max_rows  # rows of large type at most (default: a share of the screen), else normal size
        self.together = tuple(inert(other) for other in together)
        self.capitals = capitals  # drawn in capitals (no ascender or descender rows: larger in few rows)

    def update(self, text: str) -> None:
        self._text = inert(text)
        self.refresh(layout=True)

    @property
    def text(self) -> str:
        return self._text

    def fitted(self, width: int) -> Fitted:
        if not self._text.strip():
            return Fitted((), None)
        budget = int(self.app.size.height * SCREEN_SHARE) if self.max_rows is None else self.max_rows
        text, *together = (each.upper() if self.capitals else each for each in (self._text, *self.together))
        size = fit(tuple(dict.fromkeys((text, *together))), width, self.max_lines, budget, self.max_scale)
        if size is None:
            return Fitted(plain_rows(text, width), None)
        return Fitted(big_rows(text, size, width), size)

    def _rows(self, width: int) -> list[str]:
        """The rows drawn at WIDTH (as the earlier 3x5-pixel widget named them; tests measure them)."""
        return list(self.fitted(width).rows)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.fitted(width).rows)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        fitted = self.fitted(width)
        style = self.rich_style + Style(bold=not fitted.big)
        row = fitted.rows[y] if y < len(fitted.rows) else ""
        return Strip([Segment(row, style)]).adjust_cell_length(width, style)
