"""The award display on the big screen: it follows the operator's console step by step. Winners are
read from the store only once their reveal step is reached. It follows the live ceremony; started
for rehearsals (`kiosk awards display --rehearsal`), a running rehearsal instead. Every
HEARTBEAT_SECONDS it says what it shows (kiosk.terminals), for the console's count. Display posture."""
from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from textual.content import Content

from kiosk import terminals
from kiosk.ceremony import DisplayView, StateView, cover_of, display_view
from kiosk.i18n import pick, t
from kiosk.reveal import CLOSING, DRUMROLL, HOLDING, NOMINEES, TITLE, WINNERS, CategoryOutline, Named, Step
from models import REHEARSAL
from models.terminals import AWARD_DISPLAY
from screens.base import DISPLAY, LiveScreen
from screens.widgets.bigtext import BigText
from screens.widgets.header import KioskHeader
from screens.widgets.text import Clamped, data, styled

DRUMROLL_FROM = 3  # seconds counted down at the drum roll
CELEBRATION_SECONDS = 5.0
CONFETTI = "✦✧★✶•·*+"
WINNER_MARGIN_ROWS = 9  # header, kicker, heading, confetti and spacing around the winners


class AwardDisplayScreen(LiveScreen):
    POSTURE = DISPLAY

    def __init__(self, rehearsal: bool = False):
        super().__init__()
        self.rehearsal = rehearsal  # started for rehearsals: a running rehearsal is what it follows
        self.categories: list[CategoryOutline] = []
        self.steps: list[Step] = []
        self.state: StateView | None = None
        self.other_event: str | None = None  # a console is driving another event's ceremony
        self.people: list[Named] = []
        self._shown: tuple | None = None  # what is on screen, so an unchanged state redraws nothing
        self._celebrations_seen: tuple[str, int] | None = None  # the mode shown and its count of reveals
        self._heartbeat: terminals.Heartbeat | None = None
        self._countdown = 0
        self._animations = []

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        watermark = Label(t("awards.rehearsal"), id="award-watermark")
        watermark.display = False  # until a rehearsal's state is read
        yield watermark
        with Vertical(id="award-stage"):
            yield Clamped("", id="award-kicker", max_lines=2)
            yield BigText("", id="award-big", max_lines=3)
            yield Clamped("", id="award-body", max_lines=12)
            yield Vertical(id="award-winners")
            yield Static("", id="award-confetti")

    def on_mount(self) -> None:
        context = self.app.context
        slug = context.event.slug if context.event is not None else ""
        self._heartbeat = terminals.Heartbeat(context.terminal, AWARD_DISPLAY, slug)
        self._report()

    def on_unmount(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.stop()

    def on_resize(self) -> None:
        self._report()

    def _report(self) -> None:
        """What this display shows, for its heartbeat (sent at once when it changed)."""
        if self._heartbeat is None:
            return
        state = None if self.other_event is not None else self.state
        self._heartbeat.report({
            "size": [self.size.width, self.size.height], "rehearsal": self.rehearsal,
            "mode": state.mode if state else None, "position": state.position if state else None,
            "cover": cover_of(state) if state else ""})

    def fetcher(self):
        event, rehearsal = self.app.context.event, self.rehearsal
        return lambda: display_view(event, rehearsal)

    def show(self, view: DisplayView) -> None:
        self.categories, self.steps, self.state = view.categories, view.steps, view.state
        self.other_event, self.people = view.other_event, view.people
        self.render_stage()
        self._report()

    def render_stage(self) -> None:
        state = self.state
        self.query_one("#award-watermark").display = state is not None and state.mode == REHEARSAL
        shown = (self.other_event,
                 None if state is None else (state.mode, state.position, state.blackout, state.holding))
        self.set_class(state is not None and state.blackout, "blackout")
        celebrate = self._new_celebration(state)
        if shown == self._shown and not celebrate:
            return
        self._shown = shown
        self._stop_timers()
        if self.other_event is not None:
            self._show(kicker=t("awards.other_event", other=self.other_event), big=self._event_name(),
                       body=t("awards.waiting"))
        elif state is None:
            self._show(kicker="", big=self._event_name(), body=t("awards.waiting"))
        elif state.blackout:
            self._show(kicker="", big="", body="")
        elif state.holding:
            self._holding()
        else:
            self._step(self.steps[min(state.position, len(self.steps) - 1)], state, celebrate)

    def _new_celebration(self, state: StateView | None) -> bool:
        """True once for each first reveal that happens while this display runs and shows that mode
        (a display started mid-ceremony, or coming back from a rehearsal, shows the winners without
        celebrating them again)."""
        if state is None:
            return False
        seen, self._celebrations_seen = self._celebrations_seen, (state.mode, state.celebrations)
        return seen is not None and seen[0] == state.mode and state.celebrations > seen[1]

    def _event_name(self) -> str:
        event = self.app.context.event
        return pick(event.name, event.name_en)

    def _show(self, kicker: str, big: str, body: str | Content, people: list[Named] | None = None) -> None:
        self.query_one("#award-kicker", Clamped).update(data(kicker))
        self.query_one("#award-big", BigText).update(big)
        self.query_one("#award-body", Clamped).update(body if isinstance(body, Content) else data(body, lines=True))
        self._show_people(people or [])
        self.query_one("#award-confetti", Static).update("")

    def _show_people(self, people: list[Named]) -> None:
        box = self.query_one("#award-winners", Vertical)
        box.remove_children()
        room = max(3, (self.size.height - WINNER_MARGIN_ROWS) // max(1, len(people)) - 2)
        names = [person.name for person in people]  # one size for all, or all at normal size
        box.mount_all([widget for person in people for widget in (
            BigText(person.name, max_lines=6 if len(people) == 1 else 3, max_rows=room, together=names,
                    classes="award-winner"),
            Clamped(data(person.detail), max_lines=2, classes="award-winner-detail"))])

    def _holding(self) -> None:
        self._show(kicker=t("awards.holding_kicker"), big=self._event_name(), body=self._holding_words())

    def _holding_words(self) -> str:
        """The holding slide's words for the moment: before the first category, before the next
        one, or after the last."""
        step = self.steps[min(self.state.position, len(self.steps) - 1)] if self.steps else None
        if step is None or step.kind == HOLDING:
            return t("awards.holding_body")
        if step.kind == CLOSING:
            return t("awards.holding_after")
        coming = step.category + 1 if step.kind == WINNERS else step.category
        if coming >= len(self.categories):
            return t("awards.holding_after")
        category = self.categories[coming]
        return t("awards.holding_next", category=pick(category.title, category.title_en))

    def _step(self, step: Step, state: StateView, celebrate: bool) -> None:
        if step.kind in (HOLDING, CLOSING):
            self._show(kicker=t("awards.closing") if step.kind == CLOSING else t("awards.holding_kicker"),
                       big=self._event_name(), body="" if step.kind == CLOSING else t("awards.holding_body"))
            return
        category = self.categories[step.category]
        kicker = t("awards.category_of", number=step.category + 1, count=len(self.categories))
        title = pick(category.title, category.title_en)
        if step.kind == TITLE:
            presenter = t("awards.presenter", name=category.presenter) if category.presenter else ""
            self._show(kicker, title, "\n".join(filter(None, (category.description, presenter))))
        elif step.kind == NOMINEES:
            self._show(f"{kicker} · {title}", t("awards.nominees"), self._nominee_lines(category, step.shown))
        elif step.kind == DRUMROLL:
            self._drumroll(f"{kicker} · {title}")
        elif step.kind == WINNERS:
            self._winners(f"{kicker} · {title}", category, state, celebrate)

    @staticmethod
    def _nominee_lines(category: CategoryOutline, shown: int) -> Content:
        lines = []
        for number, nominee in enumerate(category.nominees[:shown], start=1):
            line = styled("$name  [dim]$detail[/dim]" if nominee.detail else "$name", name=nominee.name,
                          detail=nominee.detail)
            lines.append(line.stylize("bold") if number == shown else line)
        return Content("\n").join(lines)

    def _drumroll(self, kicker: str) -> None:
        self._countdown = DRUMROLL_FROM
        self._show(kicker, str(self._countdown), t("awards.drumroll"))
        self._animations.append(self.set_interval(1.0, self._count_down))

    def _count_down(self) -> None:
        self._countdown = max(0, self._countdown - 1)
        self.query_one("#award-big", BigText).update(str(self._countdown) if self._countdown else "…")

    def _winners(self, kicker: str, category: CategoryOutline, state: StateView, celebrate: bool) -> None:
        people = self.people
        heading = t("awards.winner") if len(people) == 1 else t("awards.winners", count=len(people))
        self._show(kicker, "", heading, people)
        if celebrate:
            self._celebrate()

    def _celebrate(self) -> None:
        confetti = self.query_one("#award-confetti", Static)
        width = max(10, self.size.width - 4)
        rng = random.Random()

        def sprinkle() -> None:
            confetti.update("\n".join("".join(rng.choice(CONFETTI + " " * 6) for _ in range(width)) for _ in range(2)))

        self._animations.append(self.set_interval(0.2, sprinkle))
        self._animations.append(self.set_timer(CELEBRATION_SECONDS, self._end_celebration))

    def _end_celebration(self) -> None:
        self._stop_timers()
        self.query_one("#award-confetti", Static).update("")

    def _stop_timers(self) -> None:
        for timer in self._animations:
            timer.stop()
        self._animations = []
