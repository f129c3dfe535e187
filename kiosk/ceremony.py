"""What the award console and the award displays show, as plain values read on a store thread.

A display's view holds winners only when the step it shows is their reveal (or placeholders in a
rehearsal): the sealed results are never read for a display before that. Displays say every few
seconds what they show (kiosk.terminals); the console counts those that follow it.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.terminals import heard

from kiosk.reveal import (
    WINNERS, CategoryOutline, Named, Step, go_to, other_event_running, outline, placeholders,
    revealed_category_ids, running_order, set_cover, shown_state, start_rehearsal, state_of, stop_rehearsal,
    winners,
)
from models import REHEARSAL, Event, RevealState
from models.terminals import AWARD_DISPLAY


@dataclass(frozen=True)
class StateView:
    mode: str
    position: int
    blackout: bool
    holding: bool
    celebrations: int
    placeholders: int


@dataclass(frozen=True)
class DisplayView:
    categories: list[CategoryOutline]
    steps: list[Step]
    state: StateView | None
    other_event: str | None  # the name of the event a console is driving instead of this one
    people: list[Named]  # the winners of the step shown, once that step is their reveal


@dataclass(frozen=True)
class ConsoleView:
    categories: list[CategoryOutline]
    steps: list[Step]
    state: StateView
    revealed: frozenset[int]  # category ids whose winners the audience has seen
    people: list[Named]  # the winners of the current step's category (the console only)


def state_view(row: RevealState) -> StateView:
    return StateView(row.mode, row.position, row.blackout, row.holding, row.celebrations, row.placeholders)


def step_at(steps: list[Step], state: StateView | None) -> Step | None:
    return None if state is None or not steps else steps[min(state.position, len(steps) - 1)]


def display_view(event: Event, rehearsal: bool = False) -> DisplayView:
    """What a display shows; REHEARSAL: one started for rehearsals (it follows a running one)."""
    categories = outline(event)
    steps = running_order(categories)
    row = shown_state(event, rehearsal)
    state = state_view(row) if row is not None else None
    other = other_event_running(event, rehearsal)
    step = step_at(steps, state)
    people = _people(categories, step, state) if step is not None and step.kind == WINNERS else []
    return DisplayView(categories, steps, state, other.name if other else None, people)


def console_view(event: Event, mode: str) -> ConsoleView:
    categories = outline(event)
    steps = running_order(categories)
    state = state_view(state_of(event, mode))
    step = step_at(steps, state)
    people = _people(categories, step, state) if step is not None and step.category is not None else []
    return ConsoleView(categories, steps, state, frozenset(revealed_category_ids(event)), people)


def _people(categories: list[CategoryOutline], step: Step, state: StateView) -> list[Named]:
    if state.mode == REHEARSAL:
        return placeholders(state.placeholders)
    return winners(categories[step.category].id)


def step_to(event: Event, mode: str, position: int, staff: str) -> StateView:
    return state_view(go_to(event, mode, position, staff))


def cover(event: Event, mode: str, staff: str, blackout: bool = False, holding: bool = False) -> StateView:
    return state_view(set_cover(event, mode, staff, blackout=blackout, holding=holding))


def rehearse(event: Event, staff: str) -> StateView:
    return state_view(start_rehearsal(event, staff))


def end_rehearsal(event: Event, staff: str) -> None:
    stop_rehearsal(event, staff)


# ---- the displays, accounted for -------------------------------------------------------------

@dataclass(frozen=True)
class DisplaySeen:
    """An award display's last word: what it shows (mode None: nothing yet), and whether it went silent."""

    terminal: str
    size: str  # "200x60"
    mode: str | None
    position: int | None
    cover: str  # "", "blackout" or "holding"
    silent: bool
    age: float  # seconds since its last word


@dataclass(frozen=True)
class Following:
    following: list[DisplaySeen]
    astray: list[DisplaySeen]  # heard, but showing another step than the console's
    silent: list[DisplaySeen]


def displays_heard(event: Event) -> list[DisplaySeen]:
    """The award displays of EVENT that spoke lately (their own table, never the store's data)."""
    return [_display_seen(seen) for seen in heard(AWARD_DISPLAY, event.slug)]


def _display_seen(seen) -> DisplaySeen:
    state = seen.state
    size = state.get("size") or [0, 0]
    position = state.get("position")
    return DisplaySeen(seen.terminal, f"{size[0]}x{size[1]}", state.get("mode"),
                       position if isinstance(position, int) else None, str(state.get("cover") or ""),
                       seen.silent, seen.age)


def cover_of(state: StateView) -> str:
    return "blackout" if state.blackout else "holding" if state.holding else ""


def account(displays: list[DisplaySeen], state: StateView, settled: bool = True) -> Following:
    """The displays of the console's mode that follow STATE, the ones showing another step, and the
    silent ones. Not SETTLED (the console moved a moment ago): a display still catching up follows."""
    ours = [d for d in displays if d.mode in (state.mode, None)]
    silent = [d for d in ours if d.silent]
    heard_now = [d for d in ours if not d.silent]
    step = (state.position, cover_of(state))
    following = [d for d in heard_now if d.mode == state.mode and (not settled or (d.position, d.cover) == step)]
    return Following(following, [d for d in heard_now if d not in following], silent)
