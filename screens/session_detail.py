"""One session in full: where (and how to get there from here), when, language, capacity, speakers,
what changed, and who is assigned (when the kiosk is told to show that); and a room or a venue in
full, for a directory row that had to shorten its name. Everything they show was read before they
opened: they make no store call. Names and titles are shown whole here (wrapped, never cut short of
what the importer admits)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label

from kiosk.clock import zone_label
from kiosk.i18n import N_, has_message, long_date, pick, t
from kiosk.program import Place, Programme, Slot
from kiosk.text import inert, shorten
from screens.base import OwnLanguage
from screens.widgets.slots import slot_marks, slot_time, slot_title
from screens.widgets.text import Clamped, data, styled

NAME_CELLS = 32  # of a line "name · institution", so the institution shows too
WHOLE_LINES = 6  # a name or title of the importer's longest (200 characters) wraps whole at 40 cells


def fact(key: str, value: Content | Text | str) -> Content:
    """'Label: value', the label bold (the program's own), the value as plain text."""
    if isinstance(value, Text):
        value = Content.from_rich_text(value)
    elif not isinstance(value, Content):
        value = data(value)
    return Content.assemble((f"{t(key)}: ", "bold"), value)


def language_name(code: str) -> str:
    key = f"language.{code}"
    return t(key) if has_message(key) else code


class SessionDetailScreen(OwnLanguage, ModalScreen[None]):
    """In the directory's language; F5 switches this detail alone."""

    BINDINGS = [Binding("escape,enter", "close", show=False), Binding("f5", "switch_language", show=False)]

    def __init__(self, slot: Slot, programme: Programme, here_venue: int | None,
                 assigned: list[tuple[str, str]] | None = None):
        """ASSIGNED: (name, institution) of the people assigned, when the kiosk shows them (read by
        the caller on a store thread); None shows nobody."""
        super().__init__()
        self.slot, self.programme, self.here_venue, self.assigned = slot, programme, here_venue, assigned

    def compose(self) -> ComposeResult:
        slot = self.slot
        with VerticalScroll(id="session-detail", classes="dialog"):
            yield Clamped(Content.from_rich_text(slot_title(slot)), max_lines=WHOLE_LINES, classes="dialog-title",
                          id="session-title")
            marks = slot_marks(slot)
            if marks:
                yield Clamped(Content.from_rich_text(marks), max_lines=2)
            when = f"{long_date(slot.starts.date())}, "
            yield Clamped(fact("directory.when", Text.assemble(when, slot_time(slot), " ",
                                                               zone_label(self.programme.zone, slot.starts))),
                          max_lines=2)
            yield Clamped(fact("directory.where", self._where()), max_lines=WHOLE_LINES, id="session-where")
            yield Clamped(data(slot.place.venue), max_lines=WHOLE_LINES, id="session-venue")
            way = self._way_there()
            if way:
                yield Clamped(fact(N_("directory.way"), way), max_lines=4, id="session-way")
            yield Clamped(fact(N_("directory.language"), language_name(slot.language)), max_lines=1)
            if slot.capacity:
                yield Clamped(fact("overview.capacity", str(slot.capacity)), max_lines=1)
            if slot.speakers:
                yield Clamped(fact(N_("directory.speakers"), slot.speakers), max_lines=2, id="session-speakers")
            if slot.description:
                yield Clamped(data(slot.description, lines=True), max_lines=4, id="session-description")
            if self.assigned is not None:
                yield from self._assigned()
            yield Label(t("directory.detail_hint"), classes="hint")

    def _where(self) -> str:
        place = self.slot.place
        floor = f", {t('venues.floor', floor=place.floor)}" if place.floor else ""
        return f"{place.room}{floor}"

    def _way_there(self) -> str:
        return way_there(self.slot.place, self.programme, self.here_venue)

    def _assigned(self):
        people = self.assigned
        if not people:
            yield Label(t("directory.nobody_assigned"), classes="session-assigned")
            return
        yield Label(t("directory.assigned", count=len(people)), classes="session-assigned")
        for name, institution in people:
            shown = styled("$name · [dim]$institution[/dim]", name=shorten(inert(name), NAME_CELLS),
                           institution=institution) if institution else data(name)
            yield Clamped(shown, max_lines=1, classes="session-person")

    def action_close(self) -> None:
        self.dismiss(None)


def way_there(place: Place, programme: Programme, here_venue: int | None) -> str:
    """How to reach PLACE from the venue HERE_VENUE: the shuttle when it is elsewhere, then the
    room's own directions (in the screen's language where the event has them)."""
    directions = pick(place.directions, place.directions_en)
    if here_venue is not None and place.venue_id != here_venue:
        minutes = programme.minutes_between(here_venue, place.venue_id)
        shuttle = t("directory.take_shuttle", venue=place.venue, minutes=minutes) if minutes else \
            t("directory.other_venue", venue=place.venue)
        return f"{shuttle} {directions}".rstrip()
    return directions


class PlaceDetailScreen(OwnLanguage, ModalScreen[None]):
    """A room (PLACE) or, without one, the venue VENUE_ID, in full: its whole name, its venue and
    floor, and the way there from here. Enter on a directory row whose name had to be shortened.
    In the directory's language; F5 switches this detail alone."""

    BINDINGS = [Binding("escape,enter", "close", show=False), Binding("f5", "switch_language", show=False)]

    def __init__(self, programme: Programme, here_venue: int | None, venue_id: int, place: Place | None = None):
        super().__init__()
        self.programme, self.here_venue, self.venue_id, self.place = programme, here_venue, venue_id, place

    def compose(self) -> ComposeResult:
        place = self.place
        venue = next((p.venue for p in self.programme.places if p.venue_id == self.venue_id), "")
        with VerticalScroll(id="session-detail", classes="dialog"):
            yield Clamped(data(place.room if place else venue), max_lines=WHOLE_LINES, classes="dialog-title",
                          id="place-title")
            if place is not None:
                yield Clamped(data(place.venue), max_lines=WHOLE_LINES, id="place-venue")
                if place.floor:
                    yield Clamped(data(t("venues.floor", floor=place.floor)), max_lines=2)
                way = way_there(place, self.programme, self.here_venue)
                if way:
                    yield Clamped(fact(N_("directory.way"), way), max_lines=WHOLE_LINES, id="place-way")
            elif self.venue_id == self.here_venue:
                yield Label(t("venues.here"))
            else:
                minutes = self.programme.minutes_between(self.here_venue, self.venue_id) if self.here_venue else None
                if minutes:
                    yield Clamped(data(t("directory.take_shuttle", venue=venue, minutes=minutes)),
                                  max_lines=WHOLE_LINES, id="place-way")
            yield Label(t("directory.detail_hint"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
