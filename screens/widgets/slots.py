"""How a session reads in a table cell or a dialog: its time, its title, and what changed (struck
through). Rich Text built from the program's own styles with the store's text put in as plain text
(cell), so a title that looks like markup shows as typed.

A cell of a few lines is built with `stacked`: the time first (never cut: the columns are sized for
it), the marks beside it while they fit, then the title wrapped onto the lines left, the last one
ending in "…" when it goes on (the session's detail, one key away, shows it whole)."""
from __future__ import annotations

from functools import cache

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from kiosk.i18n import N_, pick, t
from kiosk.program import Slot
from kiosk.text import ELLIPSIS
from screens.widgets.text import cell

MARK = "bold reverse"
TIME_CELLS = len("00:00–00:00 00:00–00:00")  # the widest time a cell shows: planned (struck) and now


def mark(key: str) -> Text:
    """A word of the catalogue in reverse video: BATAL, PINDAH, DITUNDA, BARU MULAI."""
    return Text(f" {t(key)} ", style=MARK)


def slot_time(slot: Slot) -> Text:
    now = f"{slot.starts:%H:%M}–{slot.ends:%H:%M}"
    if slot.retimed:
        return Text.assemble((f"{slot.planned_starts:%H:%M}–{slot.planned_ends:%H:%M}", "strike"), " ", now)
    return Text(now)


def slot_title(slot: Slot) -> Text:
    return cell(pick(slot.title, slot.title_en), "strike" if slot.cancelled else "")


def slot_mark_list(slot: Slot, just_started: bool = False) -> list[Text]:
    """What changed from the plan, one Text a change (none when nothing did); BATAL first."""
    marks: list[Text] = []
    if slot.cancelled:
        marks.append(mark("directory.cancelled"))
    if slot.moved:
        marks.append(Text.assemble(mark(N_("directory.moved")), " ", cell(slot.planned_place.room, "strike"), " → ",
                                   cell(slot.place.room)))
    if slot.delayed:
        marks.append(mark("directory.delayed"))
    if just_started and not slot.cancelled:
        marks.append(mark(N_("directory.just_started")))
    return marks


def slot_marks(slot: Slot, just_started: bool = False) -> Text:
    """What changed from the plan, on one line (empty when nothing did)."""
    return Text(" ").join(slot_mark_list(slot, just_started))


def moved_away(slot: Slot) -> list[Text]:
    """The marks of a session's row in the room it was planned in but left: BATAL when it was
    cancelled too, and PINDAH."""
    return ([mark("directory.cancelled")] if slot.cancelled else []) + [mark(N_("directory.moved"))]


def line(*parts: Text | str) -> Text:
    """PARTS side by side, a space between, the empty ones left out."""
    return Text(" ").join(part if isinstance(part, Text) else Text(part) for part in parts if part)


@cache
def _console() -> Console:
    return Console(width=1000, color_system=None, force_terminal=False, legacy_windows=False)


def wrapped(text: Text, width: int, lines: int) -> list[Text]:
    """TEXT wrapped at word boundaries onto at most LINES lines of WIDTH cells; when it goes on, the
    last line ends in "…"."""
    width, lines = max(1, width), max(1, lines)
    pieces = list(text.wrap(_console(), width, overflow="fold", no_wrap=False))
    lengths = [len(piece.plain) for piece in pieces]  # every character is in one piece
    for piece in pieces:
        piece.rstrip()
    if len(pieces) <= lines:
        return pieces
    start = sum(lengths[:lines - 1])
    while text.plain[start:start + 1] == " ":
        start += 1
    last = text[start:] if "\n" not in text.plain else pieces[lines - 1].copy()
    last.no_wrap, last.end = True, ""
    last.truncate(width - 1, overflow="crop")
    last.rstrip()
    last.append(ELLIPSIS)
    return pieces[:lines - 1] + [last]


def stacked(width: int, head: list[Text], body: Text | None = None, body_lines: int = 1) -> Text:
    """A cell of a few lines at WIDTH cells: the HEAD parts side by side while they fit (the first,
    a time, is never cut), then BODY on at most BODY_LINES lines, the last ending in "…" when the
    body goes on."""
    rows: list[Text] = []
    for part in (part for part in head if part):
        if rows and cell_len(rows[-1].plain) + 1 + cell_len(part.plain) <= width:
            rows[-1] = Text.assemble(rows[-1], " ", part)
        else:
            rows.append(part)
    if body is not None and body.plain:
        rows += wrapped(body, width, body_lines)
    text = Text("\n").join(rows)
    text.no_wrap, text.overflow, text.end = True, "ellipsis", ""
    return text


def height_of(*cells: Text, least: int = 1) -> int:
    """The lines a table row needs to show CELLS whole (at least LEAST)."""
    return max([least] + [cell.plain.count("\n") + 1 for cell in cells if cell.plain])
