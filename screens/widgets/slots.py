"""How a session reads in a table cell: its time, its title, and what changed (struck through)."""
from __future__ import annotations

from kiosk.i18n import pick, t
from kiosk.program import Slot


def slot_time(slot: Slot) -> str:
    now = f"{slot.starts:%H:%M}–{slot.ends:%H:%M}"
    if slot.retimed:
        return f"[strike]{slot.planned_starts:%H:%M}–{slot.planned_ends:%H:%M}[/strike] {now}"
    return now


def slot_title(slot: Slot) -> str:
    title = pick(slot.title, slot.title_en)
    return f"[strike]{title}[/strike]" if slot.cancelled else title


def slot_marks(slot: Slot, just_started: bool = False) -> str:
    marks = []
    if slot.cancelled:
        marks.append(f"[b reverse] {t('directory.cancelled')} [/]")
    if slot.moved:
        marks.append(f"[b reverse] {t('directory.moved')} [/] [strike]{slot.planned_place.room}[/strike] → "
                     f"{slot.place.room}")
    if slot.delayed:
        marks.append(f"[b reverse] {t('directory.delayed')} [/]")
    if just_started and not slot.cancelled:
        marks.append(f"[b reverse] {t('directory.just_started')} [/]")
    return " ".join(marks)
