"""The award console: the running order, where the ceremony is, a preview of what the audience sees
next, and (here only) the winners. N/→ next, P/← back, B blackout, H holding slide, J jump to a
category; revealing winners asks first. With --rehearsal it drives a rehearsal with placeholder
winners, leaving the real ceremony untouched. Staff (roles awards, admin)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Label, Static

from kiosk.i18n import pick, t
from kiosk.reveal import (
    CLOSING, HOLDING, NOMINEES, WINNERS, CategoryOutline, Step, go_to, is_revealed, outline,
    placeholders, revealed_category_ids, running_order, set_cover, start_rehearsal, state_of, stop_rehearsal,
    title_position, winners,
)
from models import LIVE, REHEARSAL, RevealState, StaffUser
from screens.base import LiveScreen
from screens.widgets.dialogs import ConfirmDialog, PickDialog
from screens.widgets.header import KioskHeader


class AwardConsoleScreen(LiveScreen):
    BINDINGS = [
        Binding("n,right,space", "next", t("console.next"), id="next"),
        Binding("p,left", "back_step", t("console.back"), id="back-step"),
        Binding("b", "blackout", t("console.blackout"), id="blackout"),
        Binding("h", "holding", t("console.holding"), id="holding"),
        Binding("j", "jump", t("console.jump"), id="jump"),
    ]

    def __init__(self, user: StaffUser, rehearsal: bool = False):
        super().__init__()
        self.user = user
        self.mode = REHEARSAL if rehearsal else LIVE
        self.categories: list[CategoryOutline] = []
        self.steps: list[Step] = []
        self.state: RevealState | None = None

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="console-mode")
        with Horizontal(id="console"):
            order = DataTable(id="console-order", cursor_type="none", zebra_stripes=True)
            order.can_focus = False  # a picture of the running order: the arrow keys drive the ceremony
            yield order
            with Vertical(id="console-side"):
                yield Static("", id="console-now")
                yield Static("", id="console-next")
                yield Static("", id="console-winners")
        yield Footer()

    def on_mount(self) -> None:
        if self.mode == REHEARSAL:
            start_rehearsal(self.app.context.event, self.user.name)
        table = self.query_one(DataTable)
        table.add_column("#", width=2)
        table.add_column(t("console.category"), width=30)
        table.add_column(t("console.status"), width=12)

    def on_unmount(self) -> None:
        if self.mode == REHEARSAL:
            stop_rehearsal(self.app.context.event, self.user.name)

    def load(self) -> None:
        event = self.app.context.event
        self.categories = outline(event)
        self.steps = running_order(self.categories)
        self.state = state_of(event, self.mode)
        self._show_state()

    # ---- what the operator sees -------------------------------------------------------------

    def _show_state(self) -> None:
        step = self.steps[self.state.position]
        mode = t("console.rehearsal") if self.mode == REHEARSAL else t("console.live")
        cover = t("console.blackout_on") if self.state.blackout else t("console.holding_on") if self.state.holding else ""
        self.query_one("#console-mode", Label).update(f"{mode} {cover}".strip())
        self._fill_order(step)
        self.query_one("#console-now", Static).update(f"[b]{t('console.now')}[/b]\n{self.describe(step)}")
        following = self.steps[self.state.position + 1] if self.state.position + 1 < len(self.steps) else None
        self.query_one("#console-next", Static).update(
            f"[b]{t('console.audience_next')}[/b]\n{self.describe(following) if following else t('console.end')}")
        self.query_one("#console-winners", Static).update(self._winners_text(step))

    def _fill_order(self, step: Step) -> None:
        table = self.query_one(DataTable)
        table.clear()
        revealed = revealed_category_ids(self.app.context.event)
        for index, category in enumerate(self.categories):
            status = "▶" if step.category == index else ("✓ " + t("console.revealed")) if category.id in revealed else ""
            table.add_row(str(index + 1), pick(category.title, category.title_en), status)

    def describe(self, step: Step) -> str:
        """A step in words, as the audience will see it."""
        if step.kind in (HOLDING, CLOSING):
            return t(f"console.step.{step.kind}")
        category = pick(self.categories[step.category].title, self.categories[step.category].title_en)
        if step.kind == NOMINEES:
            nominee = self.categories[step.category].nominees[step.shown - 1]
            return t("console.step.nominee", category=category, number=step.shown, name=nominee.name)
        return t(f"console.step.{step.kind}", category=category)

    def _winners_text(self, step: Step) -> str:
        if step.category is None:
            return ""
        category = self.categories[step.category]
        people = placeholders(self.state.placeholders) if self.mode == REHEARSAL else winners(category.id)
        names = "\n".join(f"★ {person.name}" + (f" [dim]({person.detail})[/dim]" if person.detail else "")
                          for person in people)
        return f"[b]{t('console.winners_here')}[/b]\n{names}"

    # ---- driving the ceremony -------------------------------------------------------------

    def _go(self, position: int) -> None:
        state = self.attempt(lambda: go_to(self.app.context.event, self.mode, position, self.user.name))
        self._show(state)

    def _show(self, state: RevealState | None) -> None:
        if state is not None:
            self.state = state
            self._show_state()

    def action_next(self) -> None:
        position = min(self.state.position + 1, len(self.steps) - 1)
        self._go_checked(position)

    def action_back_step(self) -> None:
        self._go_checked(max(self.state.position - 1, 0))

    def _go_checked(self, position: int) -> None:
        """Winners not yet revealed to the audience are shown only after the operator says yes."""
        if position == self.state.position:
            return  # at an end already: nothing to write
        step = self.steps[position]
        if self.mode == LIVE and step.kind == WINNERS and not self.attempt(
                lambda: is_revealed(self.categories[step.category])):
            category = pick(self.categories[step.category].title, self.categories[step.category].title_en)

            def answer(yes: bool | None) -> None:
                if yes:
                    self._go(position)

            self.app.push_screen(ConfirmDialog(t("console.confirm", category=category), t("console.confirm_q")),
                                 answer)
            return
        self._go(position)

    def action_blackout(self) -> None:
        self._show(self.attempt(lambda: set_cover(self.app.context.event, self.mode, self.user.name,
                                                  blackout=not self.state.blackout)))

    def action_holding(self) -> None:
        self._show(self.attempt(lambda: set_cover(self.app.context.event, self.mode, self.user.name,
                                                  holding=not self.state.holding)))

    def action_jump(self) -> None:
        def chosen(index: int | None) -> None:
            if index is not None:
                self._go(title_position(self.steps, index))

        titles = [pick(c.title, c.title_en) for c in self.categories]
        self.app.push_screen(PickDialog(t("console.jump_title"), titles), chosen)

