"""How a session reads in a table cell or a dialog: its time, its title, and what changed (struck
through). Rich Text built from the program's own styles with the store's text put in as plain text
(cell), so a title that looks like markup shows as typed."""
from __future__ import annotations

from rich.text import Text

from kiosk.i18n import pick, t
from kiosk.program import Slot
from screens.widgets.text import cell

MARK = "bold reverse"


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


def slot_marks(slot: Slot, just_started: bool = False) -> Text:
    """What changed from the plan (empty when nothing did)."""
    marks: list[Text] = []
    if slot.cancelled:
        marks.append(mark("directory.cancelled"))
    if slot.moved:
        marks.append(Text.assemble(mark("directory.moved"), " ", cell(slot.planned_place.room, "strike"), " → ",
                                   cell(slot.place.room)))
    if slot.delayed:
        marks.append(mark("directory.delayed"))
    if just_started and not slot.cancelled:
        marks.append(mark("directory.just_started"))
    return Text(" ").join(marks)


def line(*parts: Text | str) -> Text:
    """PARTS side by side, a space between, the empty ones left out."""
    return Text(" ").join(part if isinstance(part, Text) else Text(part) for part in parts if part)
