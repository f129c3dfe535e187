"""The venue guide: every venue of the event and the way to each of its rooms. Live: the venues and
their rooms are read together on a store thread; moving between venues shows them from memory."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from kiosk.i18n import N_, pick, t
from kiosk.text import inert, shorten
from kiosk.venues import RoomGuide, VenueGuide, venue_guide
from screens.base import PUBLIC, STAFF, LiveScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import Clamped, data, styled

NO_EVENT = None
VENUE_CELLS = 60  # of a venue's name in the list: two or three lines


class VenueGuideScreen(LiveScreen):
    """Public at a kiosk (`kiosk venues`), or opened from the staff hub."""

    BINDINGS = [
        Binding("f2", "switch_language", N_("nav.language"), id="language"),
    ]

    def __init__(self, public: bool = True):
        super().__init__(PUBLIC if public else STAFF)
        self._guide: tuple[VenueGuide, ...] | None = None
        self._shown: tuple[int, VenueGuide] | None = None  # the venue whose rooms are on screen

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("venues.title"), classes="screen-title")
        with Horizontal(id="venues"):
            yield OptionList(id="venues-list")
            yield VerticalScroll(id="venues-rooms")
        yield KioskFooter()

    def fetcher(self):
        context = self.app.context
        event, here = context.event, context.venue.id if context.venue else None
        if event is None:
            return lambda: NO_EVENT
        return lambda: venue_guide(event, here)

    def show(self, guide: tuple[VenueGuide, ...] | None) -> None:
        self._guide = guide
        menu = self.query_one("#venues-list", OptionList)
        if guide is None:
            menu.clear_options()
            self._shown = None
            rooms = self.query_one("#venues-rooms", VerticalScroll)
            rooms.remove_children()
            rooms.mount(Static(t("overview.empty")))
            return
        highlighted = menu.highlighted or 0
        menu.clear_options()
        menu.add_options([Option(self._venue_label(venue)) for venue in guide])
        menu.highlighted = min(highlighted, len(guide) - 1) if guide else None
        self._show_rooms(menu.highlighted)

    @staticmethod
    def _venue_label(venue: VenueGuide):
        """The venue's name, wrapped onto a few lines at most (a longer one ends in "…")."""
        name = shorten(inert(venue.name), VENUE_CELLS)
        if venue.here:
            return styled("$name\n[b]$here[/b]", name=name, here=t("venues.here"))
        return data(name)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_rooms(event.option_index)

    def _show_rooms(self, index: int | None) -> None:
        """The rooms of the venue at INDEX, from what was read."""
        guide = self._guide or ()
        venue = guide[index] if index is not None and index < len(guide) else None
        if self._shown == (index, venue):
            return
        self._shown = (index, venue)
        rooms = self.query_one("#venues-rooms", VerticalScroll)
        rooms.remove_children()
        rooms.scroll_home(animate=False)
        if venue is not None:
            rooms.mount_all([self._room_widget(room) for room in venue.rooms])

    @staticmethod
    def _room_widget(room: RoomGuide) -> Vertical:
        facts = [t("venues.floor", floor=room.floor)] if room.floor else []
        if room.capacity:
            facts.append(t("venues.capacity", capacity=room.capacity))
        name = styled("[b]$name[/b]  [dim]$facts[/dim]", name=room.name, facts=" · ".join(facts)) if facts \
            else styled("[b]$name[/b]", name=room.name)
        widgets = [Clamped(name, max_lines=2, classes="venues-room-name")]
        directions = pick(room.directions, room.directions_en)
        if directions:
            widgets.append(Clamped(data(directions, lines=True), max_lines=4, classes="venues-directions"))
        return Vertical(*widgets, classes="venues-room")

    async def speak_again(self) -> None:
        """F2 switched this screen's language: shown anew on the same venue."""
        highlighted = self.query_one("#venues-list", OptionList).highlighted
        await self.recompose()
        self._shown = None
        if self._guide is not None:
            self.show(self._guide)  # the labels anew in this language, from what was read
            self.query_one("#venues-list", OptionList).highlighted = highlighted
        self.reload()
        self.query_one("#venues-list", OptionList).focus()
