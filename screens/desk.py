"""The registration desk: find a person as you type, check them in by hand, undo a check-in,
register a walk-in, reissue a lost badge, show a badge's QR code. Live. Staff posture (desk, admin)."""
from __future__ import annotations

from datetime import timezone

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Label, Static

from kiosk.attendees import find_by_code, payload_for, register_walk_in, reissue_badge, search
from kiosk.badges import write_badges
from kiosk.checkin import (
    ALREADY, WELCOME, arrivals, check_in_by_hand, checkins_of, live_checkin, lists_of, open_list,
    undo,
)
from kiosk.i18n import number, pick, t
from kiosk.program import upcoming_sessions
from models import Attendee, Checkin, StaffUser
from screens.badge_qr import BadgeQrScreen
from screens.base import SearchScreen
from screens.walk_in import WalkIn, WalkInDialog
from screens.widgets.dialogs import ReasonDialog
from screens.widgets.header import KioskHeader


class DeskScreen(SearchScreen):
    BINDINGS = [
        Binding("f2", "check_in", t("desk.check_in"), id="check-in"),
        Binding("f3", "undo", t("desk.undo"), id="undo"),
        Binding("f4", "walk_in", t("desk.walk_in"), id="walk-in"),
        Binding("f5", "reissue", t("desk.reissue"), id="reissue"),
        Binding("f6", "show_qr", t("desk.qr"), id="qr"),
        Binding("f7", "next_list", t("desk.list"), id="list"),
        Binding("f8", "arrivals", t("desk.arrivals"), id="arrivals"),
    ]

    def __init__(self, user: StaffUser):
        super().__init__()
        self.user = user
        self.checkin_list = None
        self._rows: list[Attendee] = []

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="desk-status")
        yield Input(placeholder=t("desk.search"), id="desk-search")
        yield DataTable(id="desk-results", cursor_type="row", zebra_stripes=True)
        yield Static("", id="desk-detail")
        yield Footer()

    def on_mount(self) -> None:
        context = self.app.context
        self.checkin_list = open_list(context.event, context.clock.now()) or next(iter(lists_of(context.event)), None)
        table = self.query_one(DataTable)
        table.add_column(t("desk.code"), key="code")
        table.add_column(t("desk.name"), key="name")
        table.add_column(t("desk.status"), key="status")
        table.add_column(t("desk.institution"), key="institution")
        self.query_one("#desk-search", Input).focus()

    # ---- finding people --------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.reload()
        self.query_one(DataTable).focus()

    def load(self) -> None:
        self._show_status()
        text = self.query_one("#desk-search", Input).value
        self._rows = search(self.app.context.event, text) if text.strip() else []
        self._fill_table()
        self._show_detail()

    def _show_status(self) -> None:
        label = self.query_one("#desk-status", Label)
        if self.checkin_list is None:
            label.update(t("desk.no_list"))
            return
        name = pick(self.checkin_list.name, self.checkin_list.name_en)
        label.update(t("desk.status_line", list=name, count=number(arrivals(self.checkin_list))))

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        checked_in = self._checked_in_times()
        for attendee in self._rows:
            institution = attendee.institution.name if attendee.institution_id else ""
            table.add_row(attendee.code, attendee.name, checked_in.get(attendee.id, "—"), institution,
                          key=attendee.code)
        if self._rows:
            table.move_cursor(row=min(row, len(self._rows) - 1))

    def _checked_in_times(self) -> dict[int, str]:
        if self.checkin_list is None or not self._rows:
            return {}
        query = Checkin.select(Checkin.attendee, Checkin.at).where(
            (Checkin.checkin_list == self.checkin_list) & Checkin.undone_at.is_null()
            & Checkin.attendee.in_([a.id for a in self._rows]))
        return {attendee_id: f"✓ {self._local(at):%H:%M}" for attendee_id, at in query.tuples()}

    def _local(self, moment):
        return moment.replace(tzinfo=timezone.utc).astimezone(self.app.context.clock.zone)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_check_in()

    def selected(self) -> Attendee | None:
        table = self.query_one(DataTable)
        if not self._rows or table.cursor_row is None or table.cursor_row >= len(self._rows):
            return None
        return self._rows[table.cursor_row]

    def _show_detail(self) -> None:
        detail = self.query_one("#desk-detail", Static)
        attendee = self.selected()
        detail.update(self._describe(attendee) if attendee else t("desk.hint"))

    def _describe(self, attendee: Attendee) -> str:
        lines = [f"[b]{attendee.name}[/b]  {attendee.code} · {t('category.' + attendee.category)}"
                 f" · {t('desk.badge_version', version=attendee.badge_version)}"]
        if attendee.hotel:
            lines.append(t("desk.hotel", hotel=attendee.hotel, room=attendee.hotel_room or "—"))
        for session in upcoming_sessions(attendee, self.app.context.clock.now()):
            lines.append(t("desk.session_line", time=f"{self._local(session.starts_at):%d/%m %H:%M}",
                           title=pick(session.title, session.title_en), room=session.room.name))
        for checkin in checkins_of(attendee)[:3]:
            lines.append(self._describe_checkin(checkin))
        return "\n".join(lines)

    def _describe_checkin(self, checkin: Checkin) -> str:
        text = t("desk.checkin_line", list=checkin.checkin_list.code, time=f"{self._local(checkin.at):%d/%m %H:%M}",
                 where=checkin.terminal, method=t("desk.method." + checkin.method))
        if checkin.undone_at:
            return f"[strike]{text}[/strike] " + t("desk.undone", who=checkin.undone_by, why=checkin.undo_reason)
        return text

    # ---- acting on the selected person -----------------------------------------------------

    def _need_person(self) -> Attendee | None:
        attendee = self.selected()
        if attendee is None:
            self.notify(t("desk.pick_someone"), severity="warning")
        return attendee

    def action_check_in(self) -> None:
        attendee = self._need_person()
        if attendee is None or self.checkin_list is None:
            return

        def done(reason: str | None) -> None:
            if reason:
                self.attempt(lambda: self._check_in(attendee, reason))

        self.app.push_screen(ReasonDialog(t("desk.check_in_title", name=attendee.name)), done)

    def _check_in(self, attendee: Attendee, reason: str) -> None:
        result = check_in_by_hand(self.checkin_list, attendee, self.user.name, reason, self.app.context.clock.now())
        if result.outcome == WELCOME:
            self.notify(t("desk.checked_in", name=attendee.name))
        elif result.outcome == ALREADY:
            self.notify(t("desk.already", name=attendee.name), severity="warning")
        else:
            self.notify(t(f"checkin.reason.{result.reason}"), severity="error")
        self.reload()

    def action_undo(self) -> None:
        attendee = self._need_person()
        if attendee is None or self.checkin_list is None:
            return
        checkin = live_checkin(self.checkin_list, attendee)
        if checkin is None:
            self.notify(t("desk.nothing_to_undo", name=attendee.name), severity="warning")
            return

        def done(reason: str | None) -> None:
            if reason:
                self.change(lambda: undo(checkin, self.user.name, reason, self.app.context.clock.now()),
                            t("desk.undone_ok", name=attendee.name))

        self.app.push_screen(ReasonDialog(t("desk.undo_title", name=attendee.name)), done)

    def action_reissue(self) -> None:
        attendee = self._need_person()
        if attendee is None:
            return

        def done(reason: str | None) -> None:
            if reason:
                self.attempt(lambda: self._print_and_show(reissue_badge(attendee, self.user.name, reason)))

        self.app.push_screen(ReasonDialog(t("desk.reissue_title", name=attendee.name)), done)

    def action_walk_in(self) -> None:
        def done(walk_in: WalkIn | None) -> None:
            if walk_in is not None:
                self.attempt(lambda: self._register(walk_in))

        self.app.push_screen(WalkInDialog(self.app.context.event), done)

    def _register(self, walk_in: WalkIn) -> None:
        attendee = register_walk_in(self.app.context.event, walk_in.name, walk_in.institution,
                                    walk_in.category, walk_in.language, self.user.name)
        self.query_one("#desk-search", Input).value = attendee.code
        self._print_and_show(find_by_code(self.app.context.event, attendee.code))

    def _print_and_show(self, attendee: Attendee) -> None:
        """Write the person's badge files, say where, and show the QR code on screen."""
        context = self.app.context
        folder = context.badge_dir / f"{attendee.code}-v{attendee.badge_version}"
        run = write_badges(context.event, [attendee], folder)
        self.notify(t("desk.badge_written", path=str(run.sheet)), timeout=8)
        self._show_qr(attendee)
        self.reload()

    def action_show_qr(self) -> None:
        attendee = self._need_person()
        if attendee is not None:
            self.attempt(lambda: self._show_qr(attendee))

    def _show_qr(self, attendee: Attendee) -> None:
        payload = payload_for(self.app.context.event, attendee)
        self.app.push_screen(BadgeQrScreen(attendee.name, attendee.code, attendee.badge_version, payload))

    # ---- lists and figures -----------------------------------------------------------------

    def action_next_list(self) -> None:
        lists = lists_of(self.app.context.event)
        if not lists:
            return
        ids = [checkin_list.id for checkin_list in lists]
        current = ids.index(self.checkin_list.id) if self.checkin_list else -1
        self.checkin_list = lists[(current + 1) % len(lists)]
        self.reload()

    def action_arrivals(self) -> None:
        from screens.arrivals import ArrivalsScreen

        if self.checkin_list is not None:
            self.app.push_screen(ArrivalsScreen(self.checkin_list))
