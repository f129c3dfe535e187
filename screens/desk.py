"""The registration desk: find a person as you type, check them in by hand, undo a check-in,
register a walk-in, reissue a lost badge, show a badge's QR code. Live. Staff posture (desk, admin).

Everything the desk shows is read on a store thread as plain values (kiosk.desk); what the person at
the desk does is recorded through the app's writer, one intent per thing done."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Input, Label, Static

from kiosk.checkin import ALREADY, CLOSED, WELCOME
from kiosk.desk import (
    NO_LIST, BadgeCard, DeskCheckin, DeskView, DeskWalkIn, PersonDetail, PersonRow, PrintedBadge, badge_card,
    check_in_at_desk, desk_view, person_detail, print_badge, reissue_at_desk, undo_at_desk, walk_in_at_desk,
)
from kiosk.i18n import N_, has_message, number, pick, t
from kiosk.search import MAX_SEARCH_WORDS, MAX_WORD_CHARS
from kiosk.writer import Intent, Outcome
from kiosk.session import Staff
from screens.badge_qr import BadgeQrScreen
from screens.base import SearchScreen
from screens.walk_in import WalkIn, WalkInDialog
from screens.widgets.dialogs import ReasonDialog
from screens.widgets.fitted import BoundedInput
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.sized import Column, FittedTable
from screens.widgets.text import Clamped, cell, data, styled

SEARCH_LENGTH = MAX_SEARCH_WORDS * (MAX_WORD_CHARS + 1)  # what the search can use of a paste, and no more
NOT_IN = "—"
# The table cuts a long name or institution with "…"; the detail of the person highlighted shows both
# whole, wrapped on up to WHO_LINES lines (200 characters each fit at 80 columns), and so does the
# title of a dialog about them (NAME_TITLE_LINES).
WHO_LINES = 7
NAME_TITLE_LINES = 6


class DeskScreen(SearchScreen):
    BINDINGS = [
        Binding("f2", "check_in", N_("desk.check_in"), id="check-in"),
        Binding("f3", "undo", N_("desk.undo"), id="undo"),
        Binding("f4", "walk_in", N_("desk.walk_in"), id="walk-in"),
        Binding("f5", "reissue", N_("desk.reissue"), id="reissue"),
        Binding("f6", "show_qr", N_("desk.qr"), id="qr"),
        Binding("f7", "next_list", N_("desk.list"), id="list"),
        Binding("f8", "arrivals", N_("desk.arrivals"), id="arrivals"),
    ]

    def __init__(self, user: Staff):
        super().__init__()
        self.staff = user.name
        self.list_id: int | None = None  # the list the desk checks people into; the open one at first
        self._view: DeskView | None = None
        self._rows: tuple[PersonRow, ...] = ()
        self._detail: PersonDetail | None = None
        self._detail_again = False

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="desk-status")
        yield BoundedInput(placeholder=t("desk.search"), id="desk-search", max_length=SEARCH_LENGTH)
        yield FittedTable([
            Column("code", t("desk.code"), whole=True),
            Column("name", t("desk.name"), share=3),
            Column("status", t("desk.status"), whole=True),
            Column("institution", t("desk.institution"), share=2),
        ], id="desk-results", cursor_type="row", zebra_stripes=True)
        with Vertical(id="desk-detail-box"):
            yield Clamped("", max_lines=WHO_LINES, id="desk-who")
            yield Static(t("desk.hint"), id="desk-detail")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#desk-search", Input).focus()

    # ---- finding people --------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.reload()
        self.query_one(DataTable).focus()

    def fetcher(self):
        context = self.app.context
        event, list_id, now = context.event, self.list_id, context.clock.now()
        text = self.query_one("#desk-search", Input).value
        row = self.query_one(DataTable).cursor_row
        chosen = self.selected()
        code = chosen.code if chosen is not None else None
        return lambda: desk_view(event, list_id, text, code, row, now)

    def show(self, view: DeskView) -> None:
        before = self.selected()
        self._view, self._rows = view, view.rows
        if self.list_id not in {choice.id for choice in view.lists}:
            # The open list, chosen by the read. A list picked with F7 meanwhile stays picked: the
            # read it started follows this one.
            self.list_id = view.checkin_list.id if view.checkin_list is not None else None
        self._show_status(view)
        table = self.query_one(FittedTable)
        table.fill([self._cells(row) for row in view.rows], keys=[row.code for row in view.rows])
        codes = [row.code for row in view.rows]
        # Stay with the person highlighted now (they may have moved since the read began), else the
        # one the read chose.
        if before is not None and before.code in codes:
            table.move_cursor(row=codes.index(before.code), animate=False)
        elif view.detail is not None and view.detail.code in codes:
            table.move_cursor(row=codes.index(view.detail.code), animate=False)
        chosen = self.selected()
        if chosen is None:
            self._detail = None
            self._show_hint(t("desk.nothing_found") if view.searched else t("desk.hint"))
        elif view.detail is not None and view.detail.id == chosen.id:
            self._show_detail(view.detail)
        else:
            self._read_detail()

    def _show_status(self, view: DeskView) -> None:
        label = self.query_one("#desk-status", Label)
        if view.checkin_list is None:
            label.update(t("desk.no_list"))
            return
        name = pick(view.checkin_list.name, view.checkin_list.name_en)
        label.update(data(t("desk.status_line", list=name, count=number(view.arrivals))))

    def _cells(self, row: PersonRow) -> tuple:
        status = f"✓ {row.checked_in_at:%H:%M}" if row.checked_in_at is not None else NOT_IN
        return cell(row.code), cell(row.name), cell(status), cell(row.institution)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        chosen = self.selected()
        if chosen is not None and (self._detail is None or self._detail.id != chosen.id):
            self._read_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_check_in()

    def selected(self) -> PersonRow | None:
        table = self.query_one(DataTable)
        if not self._rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self._rows):
            return None
        return self._rows[table.cursor_row]

    def _read_detail(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        context = self.app.context
        event, now, asked = context.event, context.clock.now(), chosen.id
        if not self.read(lambda: person_detail(event, asked, now), lambda detail: self._detail_read(asked, detail),
                         group="detail"):
            self._detail_again = True  # moved on while one was read: read the one highlighted then

    def _detail_read(self, asked: int, detail: PersonDetail | None) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.id == asked and detail is not None:
            self._show_detail(detail)
        if self._detail_again:
            self._detail_again = False
            if chosen is not None and chosen.id != asked:
                self._read_detail()

    def _show_hint(self, text: str) -> None:
        who = self.query_one("#desk-who", Clamped)
        who.update("")
        who.display = False
        self.query_one("#desk-detail", Static).update(data(text))

    def _show_detail(self, detail: PersonDetail) -> None:
        self._detail = detail
        who = self.query_one("#desk-who", Clamped)
        who.update(describe_who(detail))
        who.display = True
        self.query_one("#desk-detail", Static).update(Content("\n").join(describe(detail)))

    # ---- acting on the selected person -----------------------------------------------------

    def _need_person(self) -> PersonRow | None:
        chosen = self.selected()
        if chosen is None:
            self.tell(t("desk.pick_someone"), severity="warning")
        return chosen

    def _need_list(self) -> int | None:
        if self.list_id is None:
            self.tell(t("desk.no_list"), severity="warning")
        return self.list_id

    def _intent(self, record, on_done, kind: str) -> Intent:
        """One intent for one thing the person at the desk did, stamped now."""
        return self.record(Intent(record, at=self.app.context.clock.now(), kind=kind, on_done=on_done))

    def action_check_in(self) -> None:
        person = self._need_person()
        if person is None or self._need_list() is None:
            return
        event, list_id, staff = self.app.context.event, self.list_id, self.staff

        def done(reason: str | None) -> None:
            if reason:
                self._intent(lambda intent: check_in_at_desk(event, list_id, person.id, staff, reason, intent.at,
                                                             intent.request_id),
                             self._checked_in, "desk.check_in")

        self.app.push_screen(ReasonDialog(t("desk.check_in_title", name=person.name), title_lines=NAME_TITLE_LINES),
                             done)

    def _checked_in(self, outcome: Outcome) -> None:
        if not self.refused(outcome):
            result: DeskCheckin = outcome.result
            if result.outcome == WELCOME:
                self.tell(t("desk.checked_in", name=result.name))
            elif result.outcome == ALREADY:
                self.tell(t("desk.already", name=result.name), severity="warning")
            else:
                self.tell(t(f"checkin.reason.{result.reason}"), severity="error")
        self.reload()

    def action_undo(self) -> None:
        person = self._need_person()
        if person is None or self._need_list() is None:
            return
        if person.checkin_id is None:
            self.tell(t("desk.nothing_to_undo", name=person.name), severity="warning")
            return
        checkin_id, staff = person.checkin_id, self.staff

        def done(reason: str | None) -> None:
            if reason:
                self._intent(lambda intent: undo_at_desk(checkin_id, staff, reason, intent.at, intent.replayed),
                             self._undone, "desk.undo")

        self.app.push_screen(ReasonDialog(t("desk.undo_title", name=person.name), title_lines=NAME_TITLE_LINES), done)

    def _undone(self, outcome: Outcome) -> None:
        if not self.refused(outcome):
            self.tell(t("desk.undone_ok", name=outcome.result))
        self.reload()

    def action_reissue(self) -> None:
        person = self._need_person()
        if person is None:
            return
        event, staff, version = self.app.context.event, self.staff, person.badge_version

        def done(reason: str | None) -> None:
            if reason:
                self._intent(lambda intent: reissue_at_desk(event, person.id, staff, reason, version),
                             self._issued, "desk.reissue")

        self.app.push_screen(ReasonDialog(t("desk.reissue_title", name=person.name), title_lines=NAME_TITLE_LINES),
                             done)

    def action_walk_in(self) -> None:
        event, staff = self.app.context.event, self.staff

        def done(walk_in: WalkIn | None) -> None:
            if walk_in is None:
                return
            since = self.app.context.clock.now()  # before the first try (the audit log's clock): a replay finds it
            institution_id = walk_in.institution.id if walk_in.institution is not None else None
            list_id = self.list_id  # the desk's list when the walk-in was registered: checked in there
            self._intent(lambda intent: walk_in_at_desk(event, walk_in.name, institution_id, walk_in.category,
                                                        walk_in.language, staff, list_id, intent.at,
                                                        intent.request_id, since=since if intent.replayed else None),
                         self._registered, "desk.walk_in")

        self.app.push_screen(WalkInDialog(self.app.context.event), done)

    def _registered(self, outcome: Outcome) -> None:
        """A walk-in registered: say whether they were checked in (and why not), print their badge."""
        if self.refused(outcome):
            return
        walk_in: DeskWalkIn = outcome.result
        self.query_one("#desk-search", Input).value = walk_in.person.code  # the desk now shows the new person
        self.tell(walk_in_message(walk_in), severity="information" if walk_in.checked_in else "warning",
                  timeout=10)
        self._print(walk_in.person)

    def _issued(self, outcome: Outcome) -> None:
        if not self.refused(outcome):
            self._print(outcome.result)

    def _print(self, person: PersonRow) -> None:
        """A badge made (walk-in) or made anew (reissue): write its files, say where, show its QR."""
        context = self.app.context
        event, badge_dir = context.event, context.badge_dir
        self.read(lambda: print_badge(event, person.code, badge_dir), self._printed, group=f"print-{person.code}")
        self.reload()

    def _printed(self, printed: PrintedBadge) -> None:
        if printed.sheet is not None:
            self.tell(t("desk.badge_written", path=str(printed.sheet)), timeout=8)
        else:
            self.tell(t("desk.badge_not_written", problem=printed.problem), severity="error", timeout=8)
        self._show_qr(printed.card)

    def action_show_qr(self) -> None:
        person = self._need_person()
        if person is not None:
            event = self.app.context.event
            self.read(lambda: badge_card(event, person.id), self._show_qr, group="qr")

    def _show_qr(self, card: BadgeCard) -> None:
        self.app.push_screen(BadgeQrScreen(card.name, card.code, card.badge_version, card.payload))

    # ---- lists and figures -----------------------------------------------------------------

    def action_next_list(self) -> None:
        lists = self._view.lists if self._view is not None else ()
        if not lists:
            return
        ids = [choice.id for choice in lists]
        current = ids.index(self.list_id) if self.list_id in ids else -1
        self.list_id = lists[(current + 1) % len(lists)].id
        self.reload()

    def action_arrivals(self) -> None:
        from screens.arrivals import ArrivalsScreen

        if self._view is None:  # the desk is still reading: the list it will start on
            self.app.push_screen(ArrivalsScreen(None, now=self.app.context.clock.now()))
        elif self._need_list() is not None:
            self.app.push_screen(ArrivalsScreen(self.list_id))


def walk_in_message(walk_in: DeskWalkIn) -> str:
    """What the desk says of a walk-in just registered: checked in on which list, or why not."""
    person = walk_in.person
    values = {"name": person.name, "code": person.code, "list": pick(walk_in.list_name, walk_in.list_name_en)}
    if walk_in.checked_in:
        return t("walkin.checked_in", **values)
    if walk_in.not_checked_in == NO_LIST:
        return t("walkin.not_in.no_list", **values)
    if walk_in.not_checked_in == CLOSED:
        return t("walkin.not_in.closed", **values)
    categories = ", ".join(t(f"category.{c}") if has_message(f"category.{c}") else c for c in walk_in.admitted)
    return t("walkin.not_in.not_admitted", categories=categories, **values)


def describe_who(detail: PersonDetail) -> Content:
    """Who the person is, their name and institution whole (the screen wraps them over a few lines):
    the code first, so however long the name, the code is on the first line."""
    category = t(f"category.{detail.category}") if has_message(f"category.{detail.category}") else detail.category
    who = styled("$code · $category · $version  [b]$name[/b]", name=detail.name, code=detail.code,
                 category=category, version=t("desk.badge_version", version=detail.badge_version))
    return Content("\n").join([who, data(detail.institution)]) if detail.institution else who


def describe(detail: PersonDetail) -> list[Content]:
    """The other detail lines of a person: their hotel, next sessions, last check-ins (each one line;
    the screen cuts a long one with "…")."""
    lines = []
    if detail.hotel:
        lines.append(data(t("desk.hotel", hotel=detail.hotel, room=detail.hotel_room or NOT_IN)))
    for session in detail.sessions:
        line = t("desk.session_line", time=f"{session.starts_at:%d/%m %H:%M}",
                 title=pick(session.title, session.title_en), room=session.room)
        marks = " ".join(t(mark) for mark in session.marks)
        lines.append(styled("[b reverse] $marks [/] $line", marks=marks, line=line) if marks else data(line))
    for checkin in detail.checkins:
        text = t("desk.checkin_line", list=checkin.list_code, time=f"{checkin.at:%d/%m %H:%M}",
                 where=checkin.terminal, method=t(f"desk.method.{checkin.method}")
                 if has_message(f"desk.method.{checkin.method}") else checkin.method)
        if checkin.undone:
            lines.append(styled("[strike]$text[/strike] $undone", text=text,
                                undone=t("desk.undone", who=checkin.undone_by, why=checkin.undo_reason)))
        else:
            lines.append(data(text))
    return lines
