"""The room directory: now and next in every room (this venue first), the day's timetable, a list
for narrow screens, search as you type, a session's detail, and a person's day from a badge scan.
Public posture. Reads the store (on a store thread) only when it changed or the search did; the
clock alone re-renders from memory."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, DataTable, Footer, Input, Label

from kiosk import tokens
from kiosk.i18n import bilingual, language, set_language, short_day, t
from kiosk.program import (
    DirectoryView, PersonDay, Programme, RoomNow, Slot, VenueNow, assigned_people, directory_view,
    load_programme, person_day,
)
from kiosk.search import MAX_SEARCH_WORDS, MAX_WORD_CHARS
from screens.base import PUBLIC, STAFF, LiveScreen
from screens.person_day import PersonDayScreen
from screens.session_detail import SessionDetailScreen
from screens.widgets.fitted import BoundedInput
from screens.widgets.header import KioskHeader
from screens.widgets.slots import line, mark, slot_marks, slot_time, slot_title
from screens.widgets.text import cell, joined

VIEWS = ("directory-now", "directory-day", "directory-list", "directory-results")
SLOT_MINUTES = 30
SLOT_WIDTH = 14
TICK_SECONDS = 1.0
SEARCH_DELAY = 0.15  # seconds of quiet typing before searching
SEARCH_MAX = max(tokens.MAX_SCAN, MAX_SEARCH_WORDS * (MAX_WORD_CHARS + 1))  # a badge scan fits, and every word
BADGE_AT_END = re.compile(tokens.PAYLOAD.pattern + r"\Z")


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
        Binding("f2", "view('directory-now')", t("directory.key_now"), id="now"),
        Binding("f3", "view('directory-day')", t("directory.key_timetable"), id="timetable"),
        Binding("f4", "view('directory-list')", t("directory.key_list"), id="list"),
        Binding("f5", "switch_language", t("nav.language"), id="language"),
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

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Horizontal(id="directory-top"):
            yield Label("", id="directory-title")
            yield SearchInput(placeholder=t("directory.search"), max_length=SEARCH_MAX, id="directory-search")
        with ContentSwitcher(initial=self._view, id="directory-views"):
            for view in VIEWS:
                timetable = view == "directory-day"
                yield DataTable(id=view, cursor_type="cell" if timetable else "row", zebra_stripes=True,
                                fixed_columns=1 if timetable else 0)
        yield Footer()

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
        self.query_one("#directory-title", Label).update(self._title())
        {
            "directory-now": self._fill_now,
            "directory-day": self._fill_day,
            "directory-list": self._fill_list,
            "directory-results": self._fill_results,
        }[self._view](now)

    def _title(self) -> str:
        key = {"directory-now": "directory.now_next", "directory-day": "directory.timetable",
               "directory-list": "directory.list", "directory-results": "directory.results"}[self._view]
        return t(key)

    def _table(self, selector: str, columns: list[tuple[str, int | None]]) -> DataTable:
        table = self.query_one(selector, DataTable)
        table.clear(columns=True)
        for label, width in columns:
            table.add_column(label, width=width)
        return table

    def _fill_now(self, now: datetime) -> None:
        room_width = max(18, self.size.width // 5)
        title_width = max(20, (self.size.width - room_width - 10) // 2)
        table = self._table("#directory-now", [(t("directory.room"), room_width),
                                               (t("directory.now"), title_width), (t("directory.next"), title_width)])
        self._room_sessions = {}
        for venue in self.programme.now_next(now, self._here()):
            table.add_row("", cell(venue.venue, "bold"), cell(self._venue_note(venue), "bold"),
                          key=f"venue-{venue.venue_id}")
            for room in venue.rooms:
                table.add_row(*self._room_cells(room), height=2, key=f"room-{room.place.room_id}")
                shown = room.now or room.next
                if shown is not None:
                    self._room_sessions[room.place.room_id] = shown.id

    @staticmethod
    def _venue_note(venue: VenueNow) -> str:
        if venue.here:
            return t("venues.here")
        if venue.shuttle_minutes:
            return t("directory.shuttle", minutes=venue.shuttle_minutes)
        return ""

    def _room_cells(self, room: RoomNow) -> tuple[Text, Text, Text]:
        place = room.place
        name = joined(cell(place.room), cell(t("venues.floor", floor=place.floor), "dim")) if place.floor \
            else cell(place.room)
        if room.done_for_today:  # the program's own words may wrap onto the row's two lines
            return name, Text(t("directory.nothing_left"), style="dim"), Text("")
        now_cell = self._slot_cell(room.now, place, room.just_started) if room.now else cell("—", "dim")
        next_cell = self._slot_cell(room.next, place) if room.next else Text(t("directory.nothing_after"), style="dim")
        return name, now_cell, next_cell

    @staticmethod
    def _slot_cell(slot: Slot, place, just_started: bool = False) -> Text:
        if slot.place.room_id != place.room_id:  # planned here, moved away
            return joined(line(slot_time(slot), mark("directory.moved")),
                          Text.assemble("→ ", cell(slot.place.room), " · ", cell(slot.place.venue)))
        return joined(line(slot_time(slot), slot_marks(slot, just_started)), slot_title(slot))

    def _fill_day(self, now: datetime) -> None:
        slots = self.programme.day(now.date())
        if not slots:
            self._table("#directory-day", [(t("directory.room"), 24)]).add_row(cell(t("directory.nothing_today")))
            return
        first = min(s.starts for s in slots).replace(minute=0)
        last = max(s.ends for s in slots)
        times = self._times = []
        while first < last:
            times.append(first)
            first += timedelta(minutes=SLOT_MINUTES)
        labels = [f"▶{m:%H:%M}" if m <= now < m + timedelta(minutes=SLOT_MINUTES) else f"{m:%H:%M}" for m in times]
        table = self._table("#directory-day", [(t("directory.room"), 22)] + [(label, SLOT_WIDTH) for label in labels])
        by_room, venue = self.programme.by_room(), None
        for place in self.programme.places:
            cells = [self._timetable_cell(by_room.get(place.room_id, []), moment) for moment in times]
            if not any(cells):
                continue
            if place.venue_id != venue:
                venue = place.venue_id
                table.add_row(cell(place.venue, "bold"), *[""] * len(times), key=f"venue-{place.venue_id}")
            table.add_row(cell(place.room), *cells, key=f"room-{place.room_id}")
        current = next((n for n, label in enumerate(labels) if label.startswith("▶")), 0)
        table.move_cursor(row=0, column=current + 1)

    @staticmethod
    def _timetable_cell(slots: list[Slot], moment: datetime) -> Text:
        end = moment + timedelta(minutes=SLOT_MINUTES)
        for slot in slots:
            if slot.starts < end and slot.ends > moment:
                if moment <= slot.starts < end:
                    return slot_title(slot)
                return cell("··", "strike" if slot.cancelled else "")
        return Text("")

    def _fill_list(self, now: datetime) -> None:
        self._fill_slots("#directory-list", [s for s in self.programme.day(now.date()) if s.ends > now])

    def _fill_results(self, now: datetime) -> None:
        self._fill_slots("#directory-results", self.programme.search(self._query, self._institution_sessions))

    def _fill_slots(self, selector: str, slots: list[Slot]) -> None:
        place_width = max(18, self.size.width // 4)
        title_width = max(20, self.size.width - place_width - 18 - 10)
        table = self._table(selector, [(t("directory.when"), 14), (t("directory.session"), title_width),
                                       (t("directory.where"), place_width)])
        for slot in slots:
            when = joined(Text(short_day(slot.starts.date())), slot_time(slot))
            where = joined(cell(slot.place.room), cell(slot.place.venue, "dim"))
            table.add_row(when, self._marked_title(slot), where, height=2, key=f"session-{slot.id}")
        if not slots:
            table.add_row("", cell(t("directory.no_match")), "")

    @staticmethod
    def _marked_title(slot: Slot) -> Text:
        marks = slot_marks(slot)
        return joined(marks, slot_title(slot)) if marks else joined(slot_title(slot))

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
        key = event.row_key.value or ""
        session_id = int(key.removeprefix("session-")) if key.startswith("session-") else \
            self._room_sessions.get(int(key.removeprefix("room-"))) if key.startswith("room-") else None
        slot = next((s for s in self.programme.slots if s.id == session_id), None) if self.programme else None
        if slot is not None:
            self._show_session(slot)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Enter on the timetable: the session in that room at that half hour."""
        key = event.cell_key.row_key.value or ""
        if not key.startswith("room-") or event.coordinate.column == 0 or self.programme is None:
            return
        moment = self._times[event.coordinate.column - 1]
        room_slots = self.programme.by_room().get(int(key.removeprefix("room-")), [])
        end = moment + timedelta(minutes=SLOT_MINUTES)
        slot = next((s for s in room_slots if s.starts < end and s.ends > moment), None)
        if slot is not None:
            self._show_session(slot)

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

    async def action_switch_language(self) -> None:
        set_language("en" if language() == "id" else "id")
        await self.recompose()
        self.query_one(ContentSwitcher).current = self._view
        search = self._search_box()
        search.value = self._wanted  # the new box goes on with the search shown
        search.focus()
        self.render_view()
