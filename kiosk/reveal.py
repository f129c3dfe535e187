"""The award reveal: the running order as a list of steps, the state every display follows, and the
rules that keep results sealed (winners are read only at their reveal, by the console, or by an
admin export)."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from kiosk.audit import record
from kiosk.clock import event_now, utc_now
from kiosk.store import write
from models import LIVE, REHEARSAL, Attendee, AwardCategory, Event, Institution, Nominee, RevealState, Winner

HOLDING, TITLE, NOMINEES, DRUMROLL, WINNERS, CLOSING = "holding", "title", "nominees", "drumroll", "winners", "closing"
PLACEHOLDER_NAMES = "ABCDEFGH"


@dataclass(frozen=True)
class Step:
    kind: str
    category: int | None = None  # index into the running order
    shown: int = 0  # nominees shown so far, at a NOMINEES step


@dataclass(frozen=True)
class Named:
    name: str
    detail: str = ""  # an attendee's institution, or an institution's region


@dataclass(frozen=True)
class CategoryOutline:
    """What may be shown before the reveal: never the winners."""

    id: int
    code: str
    title: str
    title_en: str
    description: str
    presenter: str
    nominees: list[Named]


def running_order(categories: list[CategoryOutline]) -> list[Step]:
    steps = [Step(HOLDING)]
    for index, category in enumerate(categories):
        steps.append(Step(TITLE, index))
        steps += [Step(NOMINEES, index, shown) for shown in range(1, len(category.nominees) + 1)]
        steps += [Step(DRUMROLL, index), Step(WINNERS, index)]
    return steps + [Step(CLOSING)]


def title_position(steps: list[Step], category: int) -> int:
    return next(n for n, step in enumerate(steps) if step.kind == TITLE and step.category == category)


def outline(event: Event) -> list[CategoryOutline]:
    """The categories and their nominees, in running order: two queries, none of them on winners."""
    categories = list(AwardCategory.select().where(AwardCategory.event == event)
                      .order_by(AwardCategory.position, AwardCategory.id))
    nominees: dict[int, list[Named]] = {c.id: [] for c in categories}
    query = (Nominee.select(Nominee, Institution, Attendee)
             .join(Institution, JOIN.LEFT_OUTER).switch(Nominee).join(Attendee, JOIN.LEFT_OUTER)
             .where(Nominee.category.in_([c.id for c in categories])).order_by(Nominee.position))
    for nominee in query:
        nominees[nominee.category_id].append(named(nominee))
    return [CategoryOutline(c.id, c.code, c.title, c.title_en, c.description, c.presenter, nominees[c.id])
            for c in categories]


def named(nominee: Nominee) -> Named:
    if nominee.attendee_id:
        attendee = nominee.attendee
        institution = attendee.institution.name if attendee.institution_id else ""
        return Named(attendee.name, institution)
    if nominee.institution_id:
        return Named(nominee.institution.name, nominee.institution.region)
    return Named(nominee.text)


def winners(category_id: int) -> list[Named]:
    """The sealed result: call only at the reveal, from the console, or for an admin."""
    query = (Nominee.select(Nominee, Institution, Attendee).join(Winner)
             .switch(Nominee).join(Institution, JOIN.LEFT_OUTER).switch(Nominee).join(Attendee, JOIN.LEFT_OUTER)
             .where(Winner.category == category_id).order_by(Nominee.position))
    return [named(nominee) for nominee in query]


def placeholders(count: int) -> list[Named]:
    return [Named(f"Pemenang {PLACEHOLDER_NAMES[n % len(PLACEHOLDER_NAMES)]}") for n in range(count)]


# ---- the state ---------------------------------------------------------------------------------

def state_of(event: Event, mode: str = LIVE) -> RevealState:
    state = RevealState.get_or_none((RevealState.event == event) & (RevealState.mode == mode))
    if state is None:
        with write():
            RevealState.insert(event=event, mode=mode).on_conflict_ignore().execute()
        state = RevealState.get((RevealState.event == event) & (RevealState.mode == mode))
    return state


def shown_state(event: Event, rehearsal: bool = False) -> RevealState | None:
    """What a display follows: the live ceremony; a display started for rehearsals (REHEARSAL) follows
    a running rehearsal instead, and the live ceremony when none runs."""
    rows = {s.mode: s for s in RevealState.select().where(RevealState.event == event)}
    running = rows.get(REHEARSAL)
    return running if rehearsal and running is not None and running.active else rows.get(LIVE)


def other_event_running(event: Event, rehearsal: bool = False) -> Event | None:
    """The event of a console that drove another event's ceremony (one this display would follow)
    more recently than this one's."""
    ours = shown_state(event, rehearsal)
    followed = RevealState.mode == LIVE
    if rehearsal:
        followed |= (RevealState.mode == REHEARSAL) & RevealState.active
    other = (RevealState.select()
             .where((RevealState.event != event) & RevealState.updated_at.is_null(False) & followed)
             .order_by(RevealState.updated_at.desc()).first())
    if other is None or (ours is not None and ours.updated_at and ours.updated_at >= other.updated_at):
        return None
    return Event.get_by_id(other.event_id)


def go_to(event: Event, mode: str, position: int, staff: str) -> RevealState:
    """Move the ceremony to POSITION. Arriving forward at a category's winners celebrates, once in
    the live ceremony (that is the reveal, recorded and audited); stepping back never does."""
    categories = outline(event)
    steps = running_order(categories)
    position = max(0, min(position, len(steps) - 1))
    with write():
        state = state_of(event, mode)
        step, forward = steps[position], position > state.position
        first = mode == LIVE and step.kind == WINNERS and _first_reveal(categories[step.category], staff)
        celebrate = forward and step.kind == WINNERS and (mode == REHEARSAL or first)
        (RevealState.update(position=position, blackout=False, holding=False, updated_at=utc_now(),
                            celebrations=RevealState.celebrations + (1 if celebrate else 0))
         .where(RevealState.id == state.id).execute())
        if mode == LIVE:
            record(staff, "reveal.step", f"{step.kind} {step.category if step.category is not None else ''}".strip())
    return RevealState.get_by_id(state.id)


def is_revealed(category: CategoryOutline) -> bool:
    """Whether the category's winners have been shown to the audience already."""
    return AwardCategory.select().where((AwardCategory.id == category.id)
                                        & AwardCategory.revealed_at.is_null(False)).exists()


def _first_reveal(category: CategoryOutline, staff: str) -> bool:
    # When the audience saw it: the event's clock. RevealState.updated_at keeps real time (it orders consoles).
    revealed = (AwardCategory.update(revealed_at=event_now())
                .where((AwardCategory.id == category.id) & AwardCategory.revealed_at.is_null()).execute())
    if revealed:
        record(staff, "reveal.winners", category.code)
    return bool(revealed)


def set_cover(event: Event, mode: str, staff: str, blackout: bool = False, holding: bool = False) -> RevealState:
    """Black screen, or the holding slide, over the current step (both off: the step again)."""
    with write():
        state = state_of(event, mode)
        (RevealState.update(blackout=blackout, holding=holding and not blackout, updated_at=utc_now())
         .where(RevealState.id == state.id).execute())
        if mode == LIVE:
            record(staff, "reveal.cover", "blackout" if blackout else "holding" if holding else "off")
    return RevealState.get_by_id(state.id)


def start_rehearsal(event: Event, staff: str) -> RevealState:
    """A rehearsal from the top, with placeholders for winners; the live state is not touched."""
    count = max((len(winners(c.id)) for c in outline(event)), default=1)
    with write():
        state = state_of(event, REHEARSAL)
        (RevealState.update(position=0, blackout=False, holding=False, active=True, placeholders=count,
                            updated_at=utc_now())
         .where(RevealState.id == state.id).execute())
        record(staff, "reveal.rehearsal", "start")
    return RevealState.get_by_id(state.id)


def stop_rehearsal(event: Event, staff: str) -> None:
    with write():
        RevealState.update(active=False, updated_at=utc_now()).where(
            (RevealState.event == event) & (RevealState.mode == REHEARSAL)).execute()
        record(staff, "reveal.rehearsal", "stop")


def revealed_category_ids(event: Event) -> set[int]:
    return {c for (c,) in AwardCategory.select(AwardCategory.id)
            .where((AwardCategory.event == event) & AwardCategory.revealed_at.is_null(False)).tuples()}
