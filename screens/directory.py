"""The room directory: now and next in every room (this venue first), the day's timetable, a list
for narrow screens, search as you type, a session's detail, and a person's day from a badge scan.
Public posture. Reads the store only when it changed; the clock alone re-renders from memory."""
from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, DataTable, Footer, Input, Label

from kiosk import tokens
from kiosk.checkin import attendee_for_scan
from kiosk.i18n import bilingual, language, set_language, short_day, t
from kiosk.program import (
    Programme, RoomNow, Slot, VenueNow, assigned_people, assigned_sessions, load_programme, sessions_of_institutions,
)
from screens.base import PUBLIC, LiveScreen
from screens.person_day import PersonDayScreen
from screens.session_detail import SessionDetailScreen
from screens.widgets.header import KioskHeader
from screens.widgets.slots import slot_marks, slot_time, slot_title

VIEWS = ("directory-now", "directory-day", "directory-list", "directory-results")
SLOT_MINUTES = 30
SLOT_WIDTH = 14
TICK_SECONDS = 1.0
SEARCH_DELAY = 0.15  # seconds of quiet typing before searching


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
        self._room_sessions: dict[int, int] = {}
        self._times: list[datetime] = []  # the timetable's half hours
        self._search_timer = None  # room id -> the session its now/next row stands for
        self._view = VIEWS[0]

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Horizontal(id="directory-top"):
            yield Label("", id="directory-title")
            yield Input(placeholder=t("directory.search"), id="directory-search")
        with ContentSwitcher(initial=self._view, id="directory-views"):
            for view in VIEWS:
                timetable = view == "directory-day"
                yield DataTable(id=view, cursor_type="cell" if timetable else "row", zebra_stripes=True,
                                fixed_columns=1 if timetable else 0)
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self._tick)
        self.query_one("#directory-search", Input).focus()

    # ---- data ------------------------------------------------------------------------------

    def load(self) -> None:
        context = self.app.context
        programme = load_programme(context.event, context.clock.zone)
        if programme != self.programme:  # a check-in or a sale elsewhere leaves the screen as it is
            self.programme = programme
            self.render_view()

    def _tick(self) -> None:
        """Re-render from memory when the clock crosses a start, an end or midnight."""
        if self.programme is not None and self.boundary is not None and self._now() >= self.boundary:
            self.render_view()

    def _now(self) -> datetime:
        return self.app.context.clock.now()

    def _here(self) -> int | None:
        venue = self.app.context.venue
        return venue.id if venue else None

    # ---- views -----------------------------------------------------------------------------

    def action_view(self, view: str) -> None:
        self._view = view
        self.query_one(ContentSwitcher).current = view
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
        for venue in self.programme.now_next(now, self._here()):
            table.add_row("", f"[b]{venue.venue}[/b]", f"[b]{self._venue_note(venue)}[/b]",
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

    def _room_cells(self, room: RoomNow) -> tuple[str, str, str]:
        name = f"{room.place.room}\n[dim]{t('venues.floor', floor=room.place.floor)}[/dim]" if room.place.floor \
            else room.place.room
        if room.done_for_today:
            return name, f"[dim]{t('directory.nothing_left')}[/dim]", ""
        now_cell = self._slot_cell(room.now, room.place, room.just_started) if room.now else "[dim]—[/dim]"
        next_cell = self._slot_cell(room.next, room.place) if room.next \
            else f"[dim]{t('directory.nothing_after')}[/dim]"
        return name, now_cell, next_cell

    @staticmethod
    def _slot_cell(slot: Slot, place, just_started: bool = False) -> str:
        if slot.place.room_id != place.room_id:  # planned here, moved away
            return f"{slot_time(slot)} [b reverse] {t('directory.moved')} [/]\n→ {slot.place.room} · {slot.place.venue}"
        return f"{slot_time(slot)} {slot_marks(slot, just_started)}\n{slot_title(slot)}".rstrip()

    def _fill_day(self, now: datetime) -> None:
        slots = self.programme.day(now.date())
        if not slots:
            self._table("#directory-day", [(t("directory.room"), 24)]).add_row(t("directory.nothing_today"))
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
            if place.venue != venue:
                venue = place.venue
                table.add_row(f"[b]{venue}[/b]", *[""] * len(times), key=f"venue-{place.venue_id}")
            table.add_row(place.room, *cells, key=f"room-{place.room_id}")
        current = next((n for n, label in enumerate(labels) if label.startswith("▶")), 0)
        table.move_cursor(row=0, column=current + 1)

    @staticmethod
    def _timetable_cell(slots: list[Slot], moment: datetime) -> str:
        end = moment + timedelta(minutes=SLOT_MINUTES)
        for slot in slots:
            if slot.starts < end and slot.ends > moment:
                text = slot_title(slot) if moment <= slot.starts < end else "··"
                return f"[strike]{text}[/strike]" if slot.cancelled else text
        return ""

    def _fill_list(self, now: datetime) -> None:
        self._fill_slots("#directory-list", [s for s in self.programme.day(now.date()) if s.ends > now])

    def _fill_results(self, now: datetime) -> None:
        text = self.query_one("#directory-search", Input).value
        matches = sessions_of_institutions(self.app.context.event, text) if len(text.strip()) >= 3 else set()
        self._fill_slots("#directory-results", self.programme.search(text, matches))

    def _fill_slots(self, selector: str, slots: list[Slot]) -> None:
        place_width = max(18, self.size.width // 4)
        title_width = max(20, self.size.width - place_width - 18 - 10)
        table = self._table(selector, [(t("directory.when"), 14), (t("directory.session"), title_width),
                                       (t("directory.where"), place_width)])
        for slot in slots:
            where = f"{slot.place.room}\n[dim]{slot.place.venue}[/dim]"
            table.add_row(f"{short_day(slot.starts.date())}\n{slot_time(slot)}",
                          self._marked_title(slot), where, height=2, key=f"session-{slot.id}")
        if not slots:
            table.add_row(t("directory.no_match"), "", "")

    @staticmethod
    def _marked_title(slot: Slot) -> str:
        marks = slot_marks(slot)
        return f"{marks}\n{slot_title(slot)}" if marks else slot_title(slot)

    # ---- search, badge scans and details ----------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        if not tokens.looks_complete(event.value):  # a badge being scanned waits for Enter
            self._search_timer = self.set_timer(SEARCH_DELAY, self._search)

    def _search(self) -> None:
        text = self.query_one("#directory-search", Input).value
        self._view = "directory-results" if text.strip() else "directory-now"
        self.query_one(ContentSwitcher).current = self._view
        self.attempt(self.render_view)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if tokens.looks_complete(event.value):
            self.attempt(lambda: self._show_person(event.value))
            event.input.value = ""
            return
        self.query_one(f"#{self._view}", DataTable).focus()

    def _show_person(self, scan: str) -> None:
        context = self.app.context
        try:
            badge = tokens.verify(context.event.badge_secret, context.event.slug, scan)
        except tokens.BadToken:
            self.notify(bilingual("checkin.reason.forged"), severity="error")
            return
        attendee = attendee_for_scan(context.event, badge.code)
        if attendee is None or attendee.badge_version != badge.version:
            self.notify(bilingual("checkin.reason.revoked"), severity="error")
            return
        self.app.push_screen(PersonDayScreen(attendee, self.programme, set(assigned_sessions(attendee))))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        session_id = int(key.removeprefix("session-")) if key.startswith("session-") else \
            self._room_sessions.get(int(key.removeprefix("room-"))) if key.startswith("room-") else None
        slot = next((s for s in self.programme.slots if s.id == session_id), None) if self.programme else None
        if slot is not None:
            self.attempt(lambda: self._show_session(slot))

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
            self.attempt(lambda: self._show_session(slot))

    def _show_session(self, slot: Slot) -> None:
        assigned = assigned_people(slot.id) if self.show_assigned else None
        self.app.push_screen(SessionDetailScreen(slot, self.programme, self._here(), assigned))

    def action_clear_search(self) -> None:
        """Escape clears the search; with nothing to clear, a staff member goes back."""
        search = self.query_one("#directory-search", Input)
        if not search.value:
            self.action_back()
        search.value = ""
        search.focus()

    async def action_switch_language(self) -> None:
        set_language("en" if language() == "id" else "id")
        await self.recompose()
        self.query_one(ContentSwitcher).current = self._view
        self.query_one("#directory-search", Input).focus()
        self.render_view()

