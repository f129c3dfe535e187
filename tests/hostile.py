"""A fixed corpus of hostile text, and checks that a screen shows it as typed and stays whole.

The importer refuses control characters, but a store may still hold them (written by an older
version, or by hand), so screen tests write the corpus straight into the store's rows.
"""
from __future__ import annotations

import re

from rich.cells import cell_len

from kiosk.text import inert

LONG = ("Perpustakaan Desa Bontolempangan Mandiri Sejahtera " * 200)[:10_000]

HOSTILE = {
    "markup": "Budi [/b] Santoso",
    "close": "Lapak [/]",
    "italic": "Perpus [/i] Banyumas",
    "click": "[@click=app.quit]Klik saya[/]",
    "link": "[link=https://contoh.id]Tautan[/link] Sari",
    "kept": "Budi Santoso [Panitia]",
    "escape": "Hotel \x1b]0;DIBAJAK\x07Sheraton \x1b[2J\x1b[31mMerah",
    "nul": "Ruang\x00Kalasan",
    "emoji": "Perpustakaan 📚 Ceria 👩‍👩‍👧 Jaya",
    "rtl": "مكتبة \u202eAkhir Sheraton",
    "long": LONG,
}
ELLIPSIS_WITHIN_LINES = 8  # a long text wrapped over a few lines ends in "…" within these
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown_form(value: str) -> str:
    """What the screen must show of VALUE: its control characters made visible."""
    return inert(value)


def visible_prefix(value: str, length: int = 12) -> str:
    """The start of VALUE as shown, enough to find it on a screen where it may be cut with "…"."""
    return shown_form(value)[:length].strip()


def assert_whole(screen: str, width: int) -> None:
    """No control character reached the terminal, and every line is exactly WIDTH cells: a wide
    character measured wrong would push a border out of line."""
    assert not CONTROL.search(screen), repr(CONTROL.search(screen).group())
    for number, line in enumerate(screen.splitlines()):
        assert cell_len(line) == width, f"line {number} is {cell_len(line)} cells, not {width}: {line!r}"


def assert_shown(screen: str, value: str) -> None:
    """VALUE is on SCREEN as typed (markup brackets and all), whole or as a prefix ending in "…"."""
    form = shown_form(value)
    if form in screen:
        return
    prefix = visible_prefix(value)
    assert prefix in screen, f"{prefix!r} is not on the screen:\n{screen}"
    start = screen.index(prefix)
    following = "\n".join(screen[start:].split("\n")[:ELLIPSIS_WITHIN_LINES])
    assert "…" in following, f"{form[:40]!r} is cut without an ellipsis:\n{screen}"
