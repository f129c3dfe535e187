"""Staff: change the programme during the event (move, delay, cancel, restore). Every directory shows
a change on its next poll, marked and with the old value struck through. Roles desk and admin."""
from __future__ import annotations

from datetime import timezone

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Label

from kiosk.i18n import pick, t
from kiosk.schedule import cancel, delay, move, restore, rooms_of_event, sessions_matching
from models import Session, StaffUser
from screens.base import SearchScreen
from screens.widgets.dialogs import PickDialog, ReasonDialog
from screens.widgets.header import KioskHeader


class ScheduleScreen(SearchScreen):
    BINDINGS = [
        Binding("f2", "move", t("schedule.move"), id="move"),
        Binding("f3", "delay", t("schedule.delay"), id="delay"),
        Binding("f4", "cancel_session", t("schedule.cancel"), id="cancel"),
        Binding("f5", "restore", t("schedule.restore"), id="restore"),
    ]

    def __init__(self, user: StaffUser):
        super().__init__()
        self.user = user
        self._rows: list[Session] = []
        self._rooms: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label(t("schedule.title"), classes="screen-title")
        yield Input(placeholder=t("directory.search"), id="schedule-search")
        yield DataTable(id="schedule-sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("schedule.code", "directory.when", "directory.where", "schedule.status", "directory.session"):
            table.add_column(t(key))
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def load(self) -> None:
        event = self.app.context.event
        self._rooms = {room.id: room.name for room in rooms_of_event(event)}
        self._rows = sessions_matching(event, self.query_one(Input).value)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for session in self._rows:
            table.add_row(session.code, self._when(session), self._rooms[session.room_id], self._status(session),
                          pick(session.title, session.title_en), key=session.code)
        if self._rows:
            table.move_cursor(row=min(row, len(self._rows) - 1))

    def _when(self, session: Session) -> str:
        zone = self.app.context.clock.zone
        starts = session.starts_at.replace(tzinfo=timezone.utc).astimezone(zone)
        ends = session.ends_at.replace(tzinfo=timezone.utc).astimezone(zone)
        return f"{starts:%d/%m %H:%M}–{ends:%H:%M}"

    def _status(self, session: Session) -> str:
        marks = []
        if session.cancelled:
            marks.append(t("directory.cancelled"))
        if session.moved:
            marks.append(f"{t('directory.moved')} ({self._rooms[session.planned_room_id]})")
        if session.starts_at != session.planned_starts_at:
            marks.append(t("directory.delayed"))
        return ", ".join(marks) or "—"

    def selected(self) -> Session | None:
        table = self.query_one(DataTable)
        if not self._rows or table.cursor_row is None or table.cursor_row >= len(self._rows):
            self.notify(t("schedule.pick_session"), severity="warning")
            return None
        return self._rows[table.cursor_row]

    def action_move(self) -> None:
        session = self.selected()
        if session is None:
            return

        rooms = rooms_of_event(self.app.context.event)

        def done(index: int | None) -> None:
            if index is not None:
                self.change(lambda: move(session, rooms[index], self.user.name),
                            t("schedule.moved", code=session.code))

        choices = [f"{room.name} · {room.venue.name}" for room in rooms]
        self.app.push_screen(PickDialog(t("schedule.move_title", code=session.code), choices), done)

    def action_delay(self) -> None:
        session = self.selected()
        if session is None:
            return

        def done(minutes: str | None) -> None:
            if minutes:
                self.change(lambda: delay(session, int(minutes), self.user.name),
                            t("schedule.delayed", code=session.code))

        self.app.push_screen(ReasonDialog(t("schedule.delay_title", code=session.code), t("schedule.minutes"),
                                          restrict=r"[0-9]{0,4}"), done)

    def action_cancel_session(self) -> None:
        session = self.selected()
        if session is None:
            return

        def done(reason: str | None) -> None:
            if reason:
                self.change(lambda: cancel(session, self.user.name, reason),
                            t("schedule.cancelled", code=session.code))

        self.app.push_screen(ReasonDialog(t("schedule.cancel_title", code=session.code)), done)

    def action_restore(self) -> None:
        session = self.selected()
        if session is not None:
            self.change(lambda: restore(session, self.user.name), t("schedule.restored", code=session.code))
