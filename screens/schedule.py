"""Staff: change the programme during the event (move, delay, cancel, restore). Every directory shows
a change on its next poll, marked and with the old value struck through. Roles desk and admin.

The sessions and rooms are read on a store thread as plain values (kiosk.schedule.schedule_view);
each change is one intent recorded through the app's writer."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label

from kiosk.i18n import N_, pick, t
from kiosk.schedule import (
    ScheduleView, SessionRow, cancel_session, delay_session, move_session, restore_session, schedule_view,
)
from kiosk.search import MAX_SEARCH_WORDS, MAX_WORD_CHARS
from kiosk.writer import Intent, Outcome
from kiosk.session import Staff
from screens.base import SearchScreen
from screens.widgets.dialogs import PickDialog, ReasonDialog
from screens.widgets.fitted import BoundedInput
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.sized import Column, FittedTable
from screens.widgets.text import cell, data

SEARCH_LENGTH = MAX_SEARCH_WORDS * (MAX_WORD_CHARS + 1)
MINUTES = r"[0-9]{0,4}"


class ScheduleScreen(SearchScreen):
    BINDINGS = [
        Binding("f2", "move", N_("schedule.move"), id="move"),
        Binding("f3", "delay", N_("schedule.delay"), id="delay"),
        Binding("f4", "cancel_session", N_("schedule.cancel"), id="cancel"),
        Binding("f5", "restore", N_("schedule.restore"), id="restore"),
    ]

    def __init__(self, user: Staff):
        super().__init__()
        self.staff = user.name
        self._view: ScheduleView | None = None
        self._rows: tuple[SessionRow, ...] = ()

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("schedule.title"), classes="screen-title")
        yield BoundedInput(placeholder=t("directory.search"), id="schedule-search", max_length=SEARCH_LENGTH)
        yield FittedTable([
            Column("code", t("schedule.code"), whole=True),
            Column("when", t("directory.when"), whole=True),
            Column("where", t("directory.where"), share=2),
            Column("status", t("schedule.status"), share=3),
            Column("title", t("directory.session"), share=3),
        ], id="schedule-sessions", cursor_type="row", zebra_stripes=True)
        yield Label("", id="schedule-empty")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def fetcher(self):
        context = self.app.context
        event, zone = context.event, context.clock.zone
        text = self.query_one(Input).value
        return lambda: schedule_view(event, text, zone)

    def show(self, view: ScheduleView) -> None:
        chosen = self.current()
        self._view, self._rows = view, view.rows
        table = self.query_one(FittedTable)
        table.fill([self._cells(row) for row in view.rows], keys=[row.code for row in view.rows])
        codes = [row.code for row in view.rows]
        if chosen is not None and chosen.code in codes:
            table.move_cursor(row=codes.index(chosen.code), animate=False)
        empty = self.query_one("#schedule-empty", Label)
        empty.update(t("desk.nothing_found") if not view.rows else "")
        empty.display = not view.rows

    def _cells(self, row: SessionRow) -> tuple:
        when = f"{row.starts_at:%d/%m %H:%M}–{row.ends_at:%H:%M}"
        return (cell(row.code), cell(when), cell(row.room), cell(self._status(row)),
                cell(pick(row.title, row.title_en)))

    def _status(self, row: SessionRow) -> str:
        marks = []
        if row.cancelled:
            marks.append(t("directory.cancelled"))
        if row.moved:
            marks.append(f"{t('directory.moved')} ({row.planned_room})")
        if row.delayed:
            marks.append(t("directory.delayed"))
        return ", ".join(marks) or "—"

    def current(self) -> SessionRow | None:
        table = self.query_one(DataTable)
        if not self._rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self._rows):
            return None
        return self._rows[table.cursor_row]

    def selected(self) -> SessionRow | None:
        session = self.current()
        if session is None:
            self.tell(t("schedule.pick_session"), severity="warning")
        return session

    # ---- the changes ---------------------------------------------------------------------------

    def _change(self, record, done: str) -> None:
        """One intent for one change the person asked for; DONE is said when it is recorded."""
        def recorded(outcome: Outcome) -> None:
            if not self.refused(outcome):
                self.tell(done)
            self.reload()

        def change(intent: Intent) -> None:
            record(intent)  # the changed row stays on the writer's side: the screen reads anew

        self.record(Intent(change, at=self.app.context.clock.now(), kind="schedule", on_done=recorded))

    def action_move(self) -> None:
        session = self.selected()
        if session is None or self._view is None:
            return
        rooms, staff = self._view.rooms, self.staff

        def done(index: int | None) -> None:
            if index is not None:
                room_id = rooms[index].id
                self._change(lambda intent: move_session(session.id, room_id, staff, intent.replayed),
                             t("schedule.moved", code=session.code))

        choices = [data(f"{room.name} · {room.venue}") for room in rooms]
        self.app.push_screen(PickDialog(t("schedule.move_title", code=session.code), choices), done)

    def action_delay(self) -> None:
        session = self.selected()
        if session is None:
            return
        staff = self.staff

        def done(minutes: str | None) -> None:
            if minutes:
                self._change(lambda intent: delay_session(session.id, int(minutes), staff, session.starts_at,
                                                          intent.replayed),
                             t("schedule.delayed", code=session.code))

        self.app.push_screen(ReasonDialog(t("schedule.delay_title", code=session.code), t("schedule.minutes"),
                                          restrict=MINUTES, max_length=4), done)

    def action_cancel_session(self) -> None:
        session = self.selected()
        if session is None:
            return
        staff = self.staff

        def done(reason: str | None) -> None:
            if reason:
                self._change(lambda intent: cancel_session(session.id, staff, reason, intent.replayed),
                             t("schedule.cancelled", code=session.code))

        self.app.push_screen(ReasonDialog(t("schedule.cancel_title", code=session.code)), done)

    def action_restore(self) -> None:
        session = self.selected()
        if session is not None:
            staff = self.staff
            self._change(lambda intent: restore_session(session.id, staff, intent.replayed),
                         t("schedule.restored", code=session.code))
