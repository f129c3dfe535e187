"""What the award console and the award displays show, as plain values read on a store thread.

A display's view holds winners only when the step it shows is their reveal (or placeholders in a
rehearsal): the sealed results are never read for a display before that.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.reveal import (
    WINNERS, CategoryOutline, Named, Step, go_to, other_event_running, outline, placeholders,
    revealed_category_ids, running_order, set_cover, shown_state, start_rehearsal, state_of, stop_rehearsal,
    winners,
)
from models import REHEARSAL, Event, RevealState


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


def display_view(event: Event) -> DisplayView:
    categories = outline(event)
    steps = running_order(categories)
    row = shown_state(event)
    state = state_view(row) if row is not None else None
    other = other_event_running(event)
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
