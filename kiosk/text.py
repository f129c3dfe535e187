"""Text that came from a file, a person or the store, made safe to show.

`inert()` is the one clean-up: every control character (C0, DEL, C1), every bidi override or
isolate, and any lone surrogate becomes a visible stand-in, so nothing reaches the terminal that it
would obey (ESC and OSC sequences, a reset, a title change, reordered text). Markup is a separate
matter: screens hand the result to Textual as `Content` or Rich `Text`, never as markup.
`control_problem()` tells an importer which character to refuse, and `shorten()` cuts text to a
number of terminal cells, ending in "…".
"""
from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

ELLIPSIS = "…"
REPLACEMENT = "\ufffd"
DELETE_PICTURE = "\u2421"  # ␡
NEWLINE = "\n"

BIDI_CONTROLS = (
    [0x061C, 0x200E, 0x200F]  # marks: Arabic letter, left-to-right, right-to-left
    + list(range(0x202A, 0x202F))  # embeddings and overrides
    + list(range(0x2066, 0x206A))  # isolates
)
SEPARATORS = [0x2028, 0x2029]  # line and paragraph separators: line breaks a terminal may obey


def _table() -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # C0 as control pictures: ␀ ␛ ␊ …
    table[0x7F] = DELETE_PICTURE
    table.update({code: REPLACEMENT for code in range(0x80, 0xA0)})  # C1
    table.update({code: REPLACEMENT for code in BIDI_CONTROLS + SEPARATORS})
    table.update({code: REPLACEMENT for code in range(0xD800, 0xE000)})  # lone surrogates
    return table


INERT = _table()
INERT_KEEP_LINES = {**INERT, ord(NEWLINE): NEWLINE}
REFUSED = frozenset(INERT)


def inert(text: object, lines: bool = False) -> str:
    """TEXT with every character a terminal would obey replaced by a visible stand-in; with LINES,
    line breaks are kept (for text shown over several lines)."""
    if text is None:
        return ""
    return str(text).translate(INERT_KEEP_LINES if lines else INERT)


def control_problem(text: str, lines: bool = False) -> str | None:
    """Why an importer refuses TEXT (its first control character), or None when it has none."""
    for character in text:
        if ord(character) in REFUSED and not (lines and character == NEWLINE):
            return f"contains a control character (U+{ord(character):04X}); remove it"
    return None


def shorten(text: str, cells: int) -> str:
    """TEXT if it fits in CELLS terminal cells, else its longest prefix that fits with "…" after it.
    Wide characters (most emoji, CJK) count two cells and are never split."""
    if cell_len(text) <= cells:
        return text
    room, kept = max(0, cells - 1), []
    for character in text:
        width = get_character_cell_size(character)
        if width > room:
            break
        room -= width
        kept.append(character)
    return "".join(kept) + ELLIPSIS if cells > 0 else ""
