"""The venue guide: every venue of the event and the way to each of its rooms. Live."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from kiosk.i18n import language, pick, set_language, t
from kiosk.venues import rooms_of, venues_of
from screens.base import PUBLIC, STAFF, LiveScreen
from screens.widgets.header import KioskHeader


class VenueGuideScreen(LiveScreen):
    """Public at a kiosk (`kiosk venues`), or opened from the staff hub."""

    BINDINGS = [
        Binding("f2", "switch_language", t("nav.language"), id="language"),
    ]

    def __init__(self, public: bool = True):
        super().__init__(PUBLIC if public else STAFF)
        self._venue_ids: list[int] = []

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("venues.title"), classes="screen-title")
        with Horizontal(id="venues"):
            yield OptionList(id="venues-list")
            with VerticalScroll(id="venues-rooms"):
                yield Static("", id="venues-detail")
        yield Footer()

    def load(self) -> None:
        context = self.app.context
        if context.event is None:
            self.query_one("#venues-detail", Static).update(t("overview.empty"))
            return
        venues = venues_of(context.event, context.venue)
        menu = self.query_one("#venues-list", OptionList)
        highlighted = menu.highlighted or 0
        menu.clear_options()
        menu.add_options([Option(self._venue_label(venue)) for venue in venues])
        self._venue_ids = [venue.id for venue in venues]
        menu.highlighted = min(highlighted, len(venues) - 1) if venues else None
        self._show_rooms(menu.highlighted)

    def _venue_label(self, venue) -> str:
        here = self.app.context.venue
        if here is not None and venue.id == here.id:
            return f"{venue.name}\n[b]{t('venues.here')}[/b]"
        return venue.name

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.attempt(lambda: self._show_rooms(event.option_index))

    def _show_rooms(self, index: int | None) -> None:
        detail = self.query_one("#venues-detail", Static)
        if index is None or index >= len(self._venue_ids):
            detail.update("")
            return
        detail.update("\n\n".join(self._room_text(room) for room in rooms_of(self._venue_ids[index])))

    @staticmethod
    def _room_text(room) -> str:
        facts = [t("venues.floor", floor=room.floor)] if room.floor else []
        if room.capacity:
            facts.append(t("venues.capacity", capacity=room.capacity))
        lines = [f"[b]{room.name}[/b]" + (f"  [dim]{' · '.join(facts)}[/dim]" if facts else "")]
        directions = pick(room.directions, room.directions_en)
        if directions:
            lines.append(directions)
        return "\n".join(lines)

    async def action_switch_language(self) -> None:
        set_language("en" if language() == "id" else "id")
        await self.recompose()
        self.reload()
        self.query_one("#venues-list", OptionList).focus()
