"""The award console: the running order, where the ceremony is, a preview of what the audience sees
next, and (here only) the winners. N/→ next, P/← back, B blackout, H holding slide, J jump to a
category or the closing slide; revealing winners, and jumping past categories not yet revealed, ask
first. It counts the displays that follow it, and names those showing another step or gone silent
(their heartbeats, read every DISPLAYS_POLL_SECONDS). With --rehearsal it drives a rehearsal with
placeholder winners, leaving the real ceremony untouched. Staff (roles awards, admin)."""
from __future__ import annotations

import time
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label

from textual.content import Content

from kiosk.ceremony import (
    ConsoleView, DisplaySeen, StateView, account, console_view, cover, displays_heard, end_rehearsal, rehearse,
    step_to,
)
from kiosk.i18n import N_, pick, t, tn
from kiosk.reveal import CLOSING, HOLDING, NOMINEES, WINNERS, CategoryOutline, Named, Step, title_position
from kiosk.text import shorten
from kiosk.writer import Intent, Outcome
from models import LIVE, REHEARSAL
from screens.base import LiveScreen
from screens.widgets.dialogs import ConfirmDialog, PickDialog
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import Clamped, cell, data, styled


NAME_CELLS = 90  # a winner's name or detail on the console, at most (the rest ends in "…")
DISPLAYS_POLL_SECONDS = 2.0  # how often the console reads its displays' heartbeats
CATCH_UP_SECONDS = 2.0  # after a step, a display showing the one before is still catching up


class AwardConsoleScreen(LiveScreen):
    IDLE_LOGOUT = False  # the operator may wait a long speech before the next step
    BINDINGS = [
        Binding("n,right,space", "next", N_("console.next"), id="next"),
        Binding("p,left", "back_step", N_("console.back"), id="back-step"),
        Binding("b", "blackout", N_("console.blackout"), id="blackout"),
        Binding("h", "holding", N_("console.holding"), id="holding"),
        Binding("j", "jump", N_("console.jump"), id="jump"),
    ]

    def __init__(self, user, rehearsal: bool = False):
        super().__init__()
        self.user = user
        self.mode = REHEARSAL if rehearsal else LIVE
        self.categories: list[CategoryOutline] = []
        self.steps: list[Step] = []
        self.state: StateView | None = None
        self.revealed: frozenset[int] = frozenset()
        self.people: list[Named] = []
        self.displays: list[DisplaySeen] = []
        self._moved_at = 0.0  # time.monotonic() of the operator's last step or cover

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="console-mode")
        with Horizontal(id="console"):
            order = DataTable(id="console-order", cursor_type="none", zebra_stripes=True)
            order.can_focus = False  # a picture of the running order: the arrow keys drive the ceremony
            yield order
            with Vertical(id="console-side"):
                yield Clamped("", id="console-now", max_lines=5)
                yield Clamped("", id="console-next", max_lines=5)
                yield Clamped("", id="console-displays", max_lines=6)
                yield Clamped("", id="console-winners", max_lines=14)
        yield KioskFooter()

    def on_mount(self) -> None:
        if self.mode == REHEARSAL:
            self._write(lambda event, staff: rehearse(event, staff))
        table = self.query_one(DataTable)
        table.add_column("#", width=2)
        table.add_column(t("console.category"), width=30)
        table.add_column(t("console.status"), width=12)
        self.set_interval(DISPLAYS_POLL_SECONDS, self._poll_displays)
        self._poll_displays()

    def on_unmount(self) -> None:
        if self.mode == REHEARSAL:
            event, staff = self.app.context.event, self.user.name
            self.record(Intent(lambda intent: end_rehearsal(event, staff), at=self.app.context.clock.now()))

    def fetcher(self):
        event, mode = self.app.context.event, self.mode
        return lambda: console_view(event, mode)

    def show(self, view: ConsoleView) -> None:
        self.categories, self.steps, self.state = view.categories, view.steps, view.state
        self.revealed, self.people = view.revealed, view.people
        self._show_state()

    # ---- what the operator sees -------------------------------------------------------------

    def _show_state(self) -> None:
        if self.state is None or not self.steps:
            return
        step = self.steps[min(self.state.position, len(self.steps) - 1)]
        mode = t("console.rehearsal") if self.mode == REHEARSAL else t("console.live")
        cover = t("console.blackout_on") if self.state.blackout else t("console.holding_on") if self.state.holding else ""
        self.query_one("#console-mode", Label).update(data(f"{mode} {cover}".strip()))
        self._fill_order(step)
        self.query_one("#console-now", Clamped).update(heading(t("console.now"), self.describe(step)))
        following = self.steps[self.state.position + 1] if self.state.position + 1 < len(self.steps) else None
        self.query_one("#console-next", Clamped).update(
            heading(t("console.audience_next"), self.describe(following) if following else t("console.end")))
        self.query_one("#console-winners", Clamped).update(self._winners_text(step))
        self._show_displays()

    def _fill_order(self, step: Step) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for index, category in enumerate(self.categories):
            status = "▶" if step.category == index else \
                ("✓ " + t("console.revealed")) if category.id in self.revealed else ""
            table.add_row(str(index + 1), cell(pick(category.title, category.title_en)), status)

    def describe(self, step: Step) -> str:
        """A step in words, as the audience will see it."""
        if step.kind in (HOLDING, CLOSING):
            return t(f"console.step.{step.kind}")
        category = pick(self.categories[step.category].title, self.categories[step.category].title_en)
        if step.kind == NOMINEES:
            nominee = self.categories[step.category].nominees[step.shown - 1]
            return t("console.step.nominee", category=category, number=step.shown, name=nominee.name)
        return t(f"console.step.{step.kind}", category=category)

    def _winners_text(self, step: Step) -> Content:
        if step.category is None:
            return Content("")
        names = [styled("★ $name [dim]($detail)[/dim]" if person.detail else "★ $name",
                        name=shorten(person.name, NAME_CELLS), detail=shorten(person.detail, NAME_CELLS))
                 for person in self.people]
        return Content("\n").join([styled("[b]$heading[/b]", heading=t("console.winners_here")), *names])

    # ---- the displays ------------------------------------------------------------------------

    def _poll_displays(self) -> None:
        event = self.app.context.event
        self.read(lambda: displays_heard(event), self._heard, group="displays", failed=lambda error: True)

    def _heard(self, displays: list[DisplaySeen]) -> None:
        self.displays = displays
        self._show_displays()

    def _show_displays(self) -> None:
        if self.state is None:
            return
        settled = time.monotonic() - self._moved_at >= CATCH_UP_SECONDS
        tally = account(self.displays, self.state, settled)
        count = len(tally.following)
        lines = [styled("[b]$count[/b]", count=tn("console.following", "console.following_plural", count,
                                                      n=count))]
        lines += [data("• " + t("console.display_astray", name=d.terminal, size=d.size, step=self._shown_by(d)))
                  for d in tally.astray]
        lines += [data("• " + t("console.display_silent", name=d.terminal, size=d.size, seconds=int(d.age)))
                  for d in tally.silent]
        self.query_one("#console-displays", Clamped).update(Content("\n").join(lines))

    def _shown_by(self, display: DisplaySeen) -> str:
        if display.position is None or not self.steps:
            return t("console.display_no_step")
        shown = self.describe(self.steps[min(display.position, len(self.steps) - 1)])
        covered = {"blackout": t("console.blackout_on"), "holding": t("console.holding_on")}.get(display.cover, "")
        return f"{shown} {covered}".strip()

    # ---- driving the ceremony -------------------------------------------------------------

    def _write(self, change) -> None:
        """CHANGE(event, staff) on the writer's thread: a new state of the ceremony, then shown here."""
        self._moved_at = time.monotonic()
        event, staff = self.app.context.event, self.user.name
        self.record(Intent(lambda intent: change(event, staff), at=self.app.context.clock.now(), kind="reveal",
                           on_done=self._changed))

    def _changed(self, outcome: Outcome) -> None:
        if not self.refused(outcome) and isinstance(outcome.result, StateView):
            self.state = outcome.result
            self._show_state()
        self.reload()

    def _go(self, position: int) -> None:
        """Step to POSITION; the console shows it at once (the writer records the steps in order)."""
        mode = self.mode
        if self.steps[position].category != self.steps[self.state.position].category:
            self.people = []  # the next category's winners come with the next read
        self.state = replace(self.state, position=position, blackout=False, holding=False)
        self._show_state()
        self._write(lambda event, staff: step_to(event, mode, position, staff))

    def action_next(self) -> None:
        if self.state is None:
            return
        position = min(self.state.position + 1, len(self.steps) - 1)
        self._go_checked(position)

    def action_back_step(self) -> None:
        if self.state is None:
            return
        self._go_checked(max(self.state.position - 1, 0))

    def _go_checked(self, position: int) -> None:
        """Winners not yet revealed to the audience are shown only after the operator says yes."""
        if position == self.state.position:
            return  # at an end already: nothing to write
        step = self.steps[position]
        if self.mode == LIVE and step.kind == WINNERS and self.categories[step.category].id not in self.revealed:
            category = pick(self.categories[step.category].title, self.categories[step.category].title_en)

            def answer(yes: bool | None) -> None:
                if yes:
                    self._go(position)

            self.app.push_screen(ConfirmDialog(t("console.confirm", category=category), t("console.confirm_q")),
                                 answer)
            return
        self._go(position)

    def action_blackout(self) -> None:
        if self.state is not None:
            mode, blackout = self.mode, not self.state.blackout
            self._write(lambda event, staff: cover(event, mode, staff, blackout=blackout))

    def action_holding(self) -> None:
        if self.state is not None:
            mode, holding = self.mode, not self.state.holding
            self._write(lambda event, staff: cover(event, mode, staff, holding=holding))

    def action_jump(self) -> None:
        """A category's title, or the closing slide; past categories not yet revealed, only after a yes."""
        def chosen(index: int | None) -> None:
            if index is None or self.state is None:
                return
            position = len(self.steps) - 1 if index == len(self.categories) else title_position(self.steps, index)
            skipped = self._unrevealed_before(index)
            if self.mode != LIVE or not skipped:
                self._go(position)
                return

            def answer(yes: bool | None) -> None:
                if yes:
                    self._go(position)

            self.app.push_screen(ConfirmDialog(tn("console.jump_past", "console.jump_past_plural", skipped,
                                                  n=skipped), t("console.jump_past_q")), answer)

        titles = [pick(c.title, c.title_en) for c in self.categories] + [t("console.jump_closing")]
        self.app.push_screen(PickDialog(t("console.jump_title"), titles), chosen)

    def _unrevealed_before(self, target: int) -> int:
        """How many categories from the current one up to category TARGET (the closing slide: the
        number of categories) the audience has not seen the winners of."""
        step = self.steps[min(self.state.position, len(self.steps) - 1)]
        current = step.category if step.category is not None else 0 if step.kind == HOLDING else len(self.categories)
        return sum(1 for category in self.categories[current:target] if category.id not in self.revealed)



def heading(title: str, text: str) -> Content:
    """A bold heading line over plain text (the text may carry names from the store)."""
    return Content("\n").join([styled("[b]$title[/b]", title=title), data(text)])
