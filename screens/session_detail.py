"""One session in full: where (and how to get there from here), when, language, capacity, speakers,
what changed, and who is assigned (when the kiosk is told to show that)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.clock import zone_label
from kiosk.i18n import long_date, pick, t
from kiosk.program import Programme, Slot
from screens.widgets.slots import slot_marks, slot_time, slot_title


class SessionDetailScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, slot: Slot, programme: Programme, here_venue: int | None,
                 assigned: list[tuple[str, str]] | None = None):
        """ASSIGNED: (name, institution) of the people assigned, when the kiosk shows them (read by
        the caller, which handles a store error); None shows nobody."""
        super().__init__()
        self.slot, self.programme, self.here_venue, self.assigned = slot, programme, here_venue, assigned

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="session-detail", classes="dialog"):
            yield Label(slot_title(self.slot), classes="dialog-title")
            yield Static(self._facts(), id="session-facts")
            if self.assigned is not None:
                yield Static(self._assigned(), id="session-assigned")
            yield Label(t("qr.close"), classes="hint")

    def _facts(self) -> str:
        slot = self.slot
        lines = [slot_marks(slot)] if slot_marks(slot) else []
        lines += [
            f"[b]{t('directory.when')}:[/b] {long_date(slot.starts.date())}, {slot_time(slot)} "
            f"{zone_label(self.programme.zone, slot.starts)}",
            f"[b]{t('directory.where')}:[/b] {slot.place.room}"
            + (f", {t('venues.floor', floor=slot.place.floor)}" if slot.place.floor else "")
            + f" · {slot.place.venue}",
            self._way_there(),
            f"[b]{t('directory.language')}:[/b] {t('language.' + slot.language)}",
        ]
        if slot.capacity:
            lines.append(f"[b]{t('overview.capacity')}:[/b] {slot.capacity}")
        if slot.speakers:
            lines.append(f"[b]{t('directory.speakers')}:[/b] {slot.speakers}")
        if slot.description:
            lines.append(slot.description)
        return "\n".join(line for line in lines if line)

    def _way_there(self) -> str:
        place = self.slot.place
        directions = pick(place.directions, place.directions_en)
        if self.here_venue is not None and place.venue_id != self.here_venue:
            minutes = self.programme.minutes_between(self.here_venue, place.venue_id)
            shuttle = t("directory.take_shuttle", venue=place.venue, minutes=minutes) if minutes else \
                t("directory.other_venue", venue=place.venue)
            return f"[b]{t('directory.way')}:[/b] {shuttle} {directions}".rstrip()
        return f"[b]{t('directory.way')}:[/b] {directions}" if directions else ""

    def _assigned(self) -> str:
        people = self.assigned
        if not people:
            return t("directory.nobody_assigned")
        shown = [f"{name} · [dim]{institution}[/dim]" for name, institution in people]
        return f"[b]{t('directory.assigned', count=len(people))}[/b]\n" + "\n".join(shown)

    def action_close(self) -> None:
        self.dismiss(None)
