"""The room directory: now and next in every room (this venue first), the day's timetable, a list
for narrow screens, search as you type, a session's detail, and a person's day from a badge scan.
Public posture. Reads the store (on a store thread) only when it changed or the search did; the
clock alone re-renders from memory.

Nothing is cut without a sign: a venue heading, a room name or a title too long for its cell ends in
"…", and Enter on it opens the session's (or the room's, or the venue's) detail, which shows it
whole; times are never shortened (the columns are sized for them). The timetable opens with the
current half hour at its left and moves on with the clock; its cells grow with the screen."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, DataTable, Input, Label

from kiosk import tokens
from kiosk.i18n import N_, bilingual, short_day, t
from kiosk.program import (
    SLOT_MINUTES, DirectoryView, PersonDay, Place, Programme, RoomNow, Slot, VenueNow, assigned_people,
    directory_view, load_programme, person_day,
)
from kiosk.text import inert
from kiosk.search import MAX_SEARCH_WORDS, MAX_WORD_CHARS
from screens.base import PUBLIC, STAFF, LiveScreen
from screens.person_day import PersonDayScreen
from screens.session_detail import PlaceDetailScreen, SessionDetailScreen
from screens.widgets.fitted import BoundedInput
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.slots import (
    TIME_CELLS, height_of, mark, moved_away, slot_mark_list, slot_time, slot_title, stacked,
)
from screens.widgets.text import cell, joined

VIEWS = ("directory-now", "directory-day", "directory-list", "directory-results")
HALF_HOUR = timedelta(minutes=SLOT_MINUTES)
ROOM_CELLS = 18  # the room column at least; more for longer names, up to a quarter of the screen
SLOT_CELLS = (14, 40)  # a timetable cell: at least, at most (about five to a screen in between)
TABLE_EDGES = 4  # the views' padding and the table's scroll bar
TALL_SCREEN = 40  # lines from which now and next gives a title two lines
TICK_SECONDS = 1.0
SEARCH_DELAY = 0.15  # seconds of quiet typing before searching
SEARCH_MAX = max(tokens.MAX_SCAN, MAX_SEARCH_WORDS * (MAX_WORD_CHARS + 1))  # a badge scan fits, and every word
BADGE_AT_END = re.compile(tokens.PAYLOAD.pattern + r"\Z")


def next_half_hour(now: datetime) -> datetime:
    """The start of the half hour after NOW's (counted in UTC from NOW's half hour on its own clock)."""
    start = now.replace(minute=now.minute - now.minute % SLOT_MINUTES, second=0, microsecond=0)
    return (start.astimezone(timezone.utc) + HALF_HOUR).astimezone(now.tzinfo)


def badge_in(text: str) -> str | None:
    """The badge payload a scan left at the end of TEXT (after anything typed before it), or None."""
    match = BADGE_AT_END.search((text or "").strip().upper())
    return match.group(0) if match else None


class SearchInput(BoundedInput):
    """The directory's search box. A paste longer than the room left is cut to fit, its lines joined
    (Textual's Input would refuse it whole), so a pasted page still searches its first words."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        text = " ".join(event.text.split())
        start, end = sorted(self.selection)
        room = self.max_length - (len(self.value) - (end - start))
        if text and room > 0:
            self.replace(text[:room], start, end)


class DirectoryScreen(LiveScreen):
    POSTURE = PUBLIC
    BINDINGS = [
        Binding("f2", "view('directory-now')", N_("directory.key_now"), id="now"),
        Binding("f3", "view('directory-day')", N_("directory.key_timetable"), id="timetable"),
        Binding("f4", "view('directory-list')", N_("directory.key_list"), id="list"),
        Binding("f5", "switch_language", N_("nav.language"), id="language"),
        Binding("escape", "clear_search", show=False, id="clear"),
    ]

    def __init__(self, show_assigned: bool = False, posture: str = PUBLIC):
        super().__init__(posture)
        self.show_assigned = show_assigned
        self.programme: Programme | None = None
        self.boundary: datetime | None = None
        self._room_sessions: dict[int, int] = {}  # room id -> the session its now/next row stands for
        self._times: list[datetime] = []  # the timetable's half hours
        self._search_timer = None
        self._wanted = ""  # the search asked for (the box once typing paused)
        self._query = ""  # the search the results on screen answer
        self._institution_sessions: frozenset[int] = frozenset()
        self._view = VIEWS[0]
        self._title_lines = 1  # of a title in now and next

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Horizontal(id="directory-top"):
            yield Label("", id="directory-title")
            yield SearchInput(placeholder=t("directory.search"), max_length=SEARCH_MAX, id="directory-search")
        with ContentSwitcher(initial=self._view, id="directory-views"):
            for view in VIEWS:
                by_cell = view in ("directory-now", "directory-day")  # each cell its own session
                yield DataTable(id=view, cursor_type="cell" if by_cell else "row", zebra_stripes=True,
                                fixed_columns=1 if view == "directory-day" else 0)
        yield KioskFooter()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self._tick)
        self._search_box().focus()

    def _search_box(self) -> Input:
        return self.query_one("#directory-search", Input)

    # ---- data ------------------------------------------------------------------------------

    def fetcher(self):
        context, query = self.app.context, self._wanted
        event, zone = context.event, context.clock.zone
        return lambda: directory_view(event, zone, query)

    def show(self, view: DirectoryView) -> None:
        """Render only what changed: a check-in or a sale elsewhere leaves the screen as it is."""
        changed = view.programme != self.programme or \
            (view.query, view.institution_sessions) != (self._query, self._institution_sessions)
        if view.query != self._query:
            if view.query.strip():
                self._switch("directory-results")
            elif self._view == "directory-results":
                self._switch("directory-now")
        self.programme, self._query, self._institution_sessions = \
            view.programme, view.query, view.institution_sessions
        if changed:
            self.render_view()

    def _tick(self) -> None:
        """Re-render from memory when the clock crosses a start, an end or midnight."""
        if self.programme is not None and self.boundary is not None and self._now() >= self.boundary:
            self.render_view()

    def on_resize(self, event: events.Resize) -> None:
        self.render_view()

    def _now(self) -> datetime:
        return self.app.context.clock.now()

    def _here(self) -> int | None:
        venue = self.app.context.venue
        return venue.id if venue else None

    # ---- views -----------------------------------------------------------------------------

    def _switch(self, view: str) -> None:
        self._view = view
        self.query_one(ContentSwitcher).current = view

    def action_view(self, view: str) -> None:
        self._switch(view)
        self.render_view()

    def render_view(self) -> None:
        if self.programme is None:
            return
        now = self._now()
        self.boundary = self.programme.next_boundary(now)
        if self._view == "directory-day":  # the ▶ column moves on every half hour
            self.boundary = min(self.boundary, next_half_hour(now))
        self.query_one("#directory-title", Label).update(self._title())
        {
            "directory-now": self._fill_now,
            "directory-day": self._fill_day,
            "directory-list": self._fill_list,
            "directory-results": self._fill_results,
        }[self._view](now)

    def _title(self) -> str:
        key = {"directory-now": N_("directory.now_next"), "directory-day": N_("directory.timetable"),
               "directory-list": N_("directory.list"), "directory-results": N_("directory.results")}[self._view]
        return t(key)

    def _table(self, selector: str, columns: list[tuple[str, int | None]]) -> DataTable:
        table = self.query_one(selector, DataTable)
        table.clear(columns=True)
        for label, width in columns:
            table.add_column(label, width=width)
        return table

    def _room_width(self, venues: bool = False) -> int:
        """The room column: wide enough for the longest public room name (and VENUES' names, when
        their headings are in it too), within a quarter of the screen."""
        places = self.programme.public_places
        names = [place.room for place in places] + ([place.venue for place in places] if venues else [])
        longest = max((cell_len(inert(name)) for name in names), default=0)
        return max(ROOM_CELLS, min(longest, self.size.width // 4))

    def _fill_now(self, now: datetime) -> None:
        room_width = self._room_width()
        title_width = max(TIME_CELLS + 1, (self.size.width - room_width - 3 * 2 - TABLE_EDGES) // 2)
        table = self._table("#directory-now", [(t("directory.room"), room_width),
                                               (t("directory.now"), title_width), (t("directory.next"), title_width)])
        self._room_sessions = {}
        self._title_lines = 2 if self.size.height >= TALL_SCREEN else 1
        for venue in self.programme.now_next(now, self._here()):
            heading = stacked(title_width, [], cell(venue.venue, "bold"), body_lines=2)
            table.add_row(Text(""), heading, cell(self._venue_note(venue), "bold"), height=height_of(heading),
                          key=f"venue-{venue.venue_id}")
            for room in venue.rooms:
                cells = self._room_cells(room, room_width, title_width)
                table.add_row(*cells, height=height_of(*cells, least=2), key=f"room-{room.place.room_id}")
                self._room_sessions[room.place.room_id] = (room.now.id if room.now else None,
                                                           room.next.id if room.next else None)

    @staticmethod
    def _venue_note(venue: VenueNow) -> str:
        if venue.here:
            return t("venues.here")
        if venue.shuttle_minutes:
            return t("directory.shuttle", minutes=venue.shuttle_minutes)
        return ""

    def _room_cells(self, room: RoomNow, room_width: int, width: int) -> tuple[Text, Text, Text]:
        place = room.place
        name = self._room_name(place, room_width)
        if room.done_for_today:  # the program's own words may wrap onto the row's two lines
            return name, Text(t("directory.nothing_left"), style="dim"), Text("")
        now_cell = self._slot_cell(room.now, place, width, room.just_started) if room.now else cell("—", "dim")
        next_cell = self._slot_cell(room.next, place, width) if room.next else \
            Text(t("directory.nothing_after"), style="dim")
        return name, now_cell, next_cell

    @staticmethod
    def _room_name(place: Place, width: int) -> Text:
        """The room's name, then its floor; a name too long for one line takes two, with the floor after it."""
        floor = cell(t("venues.floor", floor=place.floor), "dim") if place.floor else None
        if cell_len(inert(place.room)) <= width:
            return joined(cell(place.room), floor) if floor else cell(place.room)
        name = Text.assemble(cell(place.room), " · ", floor) if floor else cell(place.room)
        return stacked(width, [], name, body_lines=2)

    def _slot_cell(self, slot: Slot, place: Place, width: int, just_started: bool = False) -> Text:
        if slot.place.room_id != place.room_id:  # planned here, moved away: where it went
            return stacked(width, [slot_time(slot), *moved_away(slot)],
                           Text.assemble("→ ", cell(slot.place.room), " · ", cell(slot.place.venue)),
                           body_lines=self._title_lines)
        return stacked(width, [slot_time(slot), *slot_mark_list(slot, just_started)], slot_title(slot),
                       body_lines=self._title_lines)

    def _fill_day(self, now: datetime) -> None:
        times = self._times = self.programme.half_hours(now.date())
        if not times:
            self._table("#directory-day", [(t("directory.room"), 24)]).add_row(cell(t("directory.nothing_today")))
            return
        current = next((n for n, moment in enumerate(times) if moment <= now < moment + HALF_HOUR), None)
        left = current if current is not None else \
            next((n for n, moment in enumerate(times) if moment > now), len(times) - 1)
        room_width = self._room_width(venues=True)
        room_column = room_width + 2
        slot_width = max(SLOT_CELLS[0], min(SLOT_CELLS[1], (self.size.width - room_column - TABLE_EDGES) // 5 - 2))
        labels = [("▶" if n == current else "") + f"{moment:%H:%M}" for n, moment in enumerate(times)]
        table = self._table("#directory-day", [(t("directory.room"), room_width)] +
                            [(label, slot_width) for label in labels])
        by_room, venue = self.programme.by_room(), None
        for place in self.programme.public_places:
            slots = by_room.get(place.room_id, [])
            cells = [self._timetable_cell(slots, place, times, n, left) for n in range(len(times))]
            if not any(cells):
                continue
            if place.venue_id != venue:
                venue = place.venue_id
                table.add_row(cell(place.venue, "bold"), *[Text("")] * len(times), key=f"venue-{place.venue_id}")
            table.add_row(cell(place.room), *cells, key=f"room-{place.room_id}")
        table.move_cursor(row=0, column=left + 1)
        table.call_after_refresh(self._scroll_timetable, table, left)

    @staticmethod
    def _scroll_timetable(table: DataTable, left: int) -> None:
        """The half hour LEFT first after the room names (what came before is a scroll away)."""
        x = sum(column.get_render_width(table) for column in table.ordered_columns[1:left + 1])
        table.scroll_to(x=x, animate=False, immediate=True)

    @staticmethod
    def _timetable_cell(slots: list[Slot], place: Place, times: list[datetime], n: int, left: int) -> Text:
        """The session in PLACE during the half hour N: its title where it starts, and in the first
        column shown (the day's first, or LEFT, where the timetable opens) when it began before;
        elsewhere "··". A session held here wins over one that left this room."""
        moment = times[n]
        end = moment + HALF_HOUR
        running = [slot for slot in slots if slot.starts < end and slot.ends > moment]
        slot = next((s for s in running if s.place.room_id == place.room_id), None) or next(iter(running), None)
        if slot is None:
            return Text("")
        if not (moment <= slot.starts or n in (0, left)):
            return cell("··", "strike" if slot.cancelled else "")
        if slot.place.room_id != place.room_id:  # planned here, moved away
            return stacked(10 ** 4, [*moved_away(slot), Text.assemble("→ ", cell(slot.place.room))])
        marks = [mark("directory.cancelled")] if slot.cancelled else []
        return stacked(10 ** 4, [*marks, slot_title(slot)])

    def _fill_list(self, now: datetime) -> None:
        self._fill_slots("#directory-list", [s for s in self.programme.day(now.date()) if s.ends > now])

    def _fill_results(self, now: datetime) -> None:
        self._fill_slots("#directory-results", self.programme.search(self._query, self._institution_sessions))

    def _fill_slots(self, selector: str, slots: list[Slot]) -> None:
        days = [short_day(slot.starts.date()) for slot in slots]
        when_width = max([cell_len(t("directory.when"))] + [cell_len(day) for day in days] +
                         [cell_len(slot_time(slot).plain) for slot in slots])
        longest_place = max((cell_len(inert(name)) for slot in slots for name in (slot.place.room, slot.place.venue)),
                            default=0)
        room_left = self.size.width - when_width - 3 * 2 - TABLE_EDGES  # for the title and the place
        place_width = max(ROOM_CELLS, min(longest_place, room_left * 2 // 5))
        title_width = max(20, room_left - place_width)
        table = self._table(selector, [(t("directory.when"), when_width), (t("directory.session"), title_width),
                                       (t("directory.where"), place_width)])
        for day, slot in zip(days, slots):
            when = joined(Text(day), slot_time(slot))
            marks = slot_mark_list(slot)
            title = stacked(title_width, marks, slot_title(slot), body_lines=1 if marks else 2)
            where = joined(cell(slot.place.room), cell(slot.place.venue, "dim"))
            table.add_row(when, title, where, height=height_of(when, title, where, least=2), key=f"session-{slot.id}")
        if not slots:
            table.add_row("", cell(t("directory.no_match")), "")

    # ---- search, badge scans and details ----------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        if badge_in(event.value) is None:  # a badge being scanned waits for Enter
            self._search_timer = self.set_timer(SEARCH_DELAY, self._search)

    def _search(self) -> None:
        self._search_timer = None
        self._wanted = self._search_box().value
        self.reload()

    def take_typed(self, characters: str, enter: bool = False) -> None:
        """Characters typed into a dialog above (the admin exit) that were not for it, such as the
        start of a badge scan: they go on in the search box, where the rest of the scan and its
        Enter follow; ENTER: the dialog had the Enter too."""
        search = self._search_box()
        search.value = (search.value + characters)[:SEARCH_MAX]
        search.cursor_position = len(search.value)
        search.focus()
        if enter:
            self._submit(search)

    def on_key(self, event: events.Key) -> None:
        """A character typed while a table has the focus (a badge scanned after Enter on a result)
        goes on in the search box too."""
        if event.is_printable and event.character and not isinstance(self.focused, Input):
            event.stop()
            event.prevent_default()
            self.take_typed(event.character)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.input)

    def _submit(self, search: Input) -> None:
        """Enter: a badge at the end of the box shows that person's day; else the results get the keys."""
        scan = badge_in(search.value)
        if scan is not None:
            self._show_person(scan)
            search.value = ""
            return
        self.query_one(f"#{self._view}", DataTable).focus()

    def _show_person(self, scan: str) -> None:
        context = self.app.context
        event, zone, programme = context.event, context.clock.zone, self.programme
        try:
            badge = tokens.verify(event.badge_secret, event.slug, scan)
        except tokens.BadToken:
            self.tell(bilingual("checkin.reason.forged"), severity="error")
            return

        def fetch() -> tuple[PersonDay | None, Programme]:
            return person_day(event, badge.code, badge.version), programme or load_programme(event, zone)

        self.read(fetch, self._person_found, group="person")

    def _person_found(self, found: tuple[PersonDay | None, Programme]) -> None:
        day, programme = found
        if day is None:
            self.tell(bilingual("checkin.reason.revoked"), severity="error")
        elif self.is_current:
            self.app.push_screen(PersonDayScreen(day, programme))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on the list or the search results: that session."""
        key = event.row_key.value or ""
        if key.startswith("session-"):
            self._open_session(int(key.removeprefix("session-")))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Enter on now and next: the session in that cell (on the room's name: the one now, else
        the next), or the room or venue in full when there is none. On the timetable: the session in
        that room at that half hour, or the room or venue in full on its name."""
        if self.programme is None:
            return
        key, column = event.cell_key.row_key.value or "", event.coordinate.column
        if key.startswith("venue-"):
            self.app.push_screen(PlaceDetailScreen(self.programme, self._here(), int(key.removeprefix("venue-"))))
            return
        if not key.startswith("room-"):
            return
        room_id = int(key.removeprefix("room-"))
        if event.data_table.id == "directory-now":
            now_id, next_id = self._room_sessions.get(room_id, (None, None))
            session_id = {0: now_id or next_id, 1: now_id, 2: next_id}.get(column)
            if session_id is None or not self._open_session(session_id):
                self._show_place(room_id)
        elif column == 0:
            self._show_place(room_id)
        elif 0 < column <= len(self._times):
            moment = self._times[column - 1]
            running = [s for s in self.programme.by_room().get(room_id, [])
                       if s.starts < moment + HALF_HOUR and s.ends > moment]
            slot = next((s for s in running if s.place.room_id == room_id), None) or next(iter(running), None)
            if slot is not None:
                self._show_session(slot)

    def _open_session(self, session_id: int) -> bool:
        slot = next((s for s in self.programme.slots if s.id == session_id), None) if self.programme else None
        if slot is not None:
            self._show_session(slot)
        return slot is not None

    def _show_place(self, room_id: int) -> None:
        place = next((p for p in self.programme.places if p.room_id == room_id), None)
        if place is not None:
            self.app.push_screen(PlaceDetailScreen(self.programme, self._here(), place.venue_id, place))

    def _show_session(self, slot: Slot) -> None:
        programme, here = self.programme, self._here()
        if not self.show_assigned:
            self.app.push_screen(SessionDetailScreen(slot, programme, here))
            return

        def opened(assigned: list[tuple[str, str]]) -> None:
            if self.is_current:
                self.app.push_screen(SessionDetailScreen(slot, programme, here, assigned))

        self.read(lambda: assigned_people(slot.id), opened, group="detail")

    def action_clear_search(self) -> None:
        """Escape clears the search; with nothing to clear, a staff screen goes back (a public one
        never: it stays the directory)."""
        search = self._search_box()
        if not search.value and self.POSTURE == STAFF:
            self.action_back()
        search.value = ""
        search.focus()

    async def speak_again(self) -> None:
        """F5 switched this screen's language: shown anew on the same view, the search kept as typed
        (keys typed since the last search included; their search is still to come)."""
        typed = self._search_box().value
        await self.recompose()
        self.query_one(ContentSwitcher).current = self._view
        search = self._search_box()
        search.value = typed
        search.focus()
        self.render_view()
