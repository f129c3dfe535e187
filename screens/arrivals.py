"""Live arrivals at the desk: by list, by kind of institution, by kiosk and by hour.

Read on a store thread (kiosk.arrivals.arrivals_view); kiosk ids and kinds come from the store and
are shown as data, cut with "…" when their column is narrow; list codes, counts and hours never are."""
from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid

from kiosk.arrivals import NO_INSTITUTION, ArrivalsView, arrivals_view
from kiosk.i18n import N_, has_message, number, pick, t
from screens.base import LiveScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.sized import Column, FittedTable
from screens.widgets.text import Clamped, cell, data

BAR_WIDTH = 12

TABLES = {
    "arrivals-lists": (N_("arrivals.list"), N_("arrivals.count")),
    "arrivals-kinds": ("overview.kind", N_("arrivals.count")),
    "arrivals-kiosks": (N_("arrivals.kiosk"), N_("arrivals.count")),
    "arrivals-hours": (N_("arrivals.hour"), N_("arrivals.count"), N_("arrivals.bar")),
}
WHOLE = {N_("arrivals.list"), N_("arrivals.count"), N_("arrivals.hour")}  # codes, counts, hours: never cut; names shrink


class ArrivalsScreen(LiveScreen):
    BINDINGS = [Binding("escape", "back", N_("nav.back"), id="back")]

    def __init__(self, list_id: int | None, now: datetime | None = None):
        """The figures of list LIST_ID; with none, of the desk's list at NOW (kiosk.arrivals.desk_list)."""
        super().__init__()
        self.list_id, self.now = list_id, now

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Clamped("", id="arrivals-title", classes="screen-title", max_lines=2)
        with Grid(id="arrivals"):
            for table_id, keys in TABLES.items():
                columns = [Column(key, t(key), whole=key in WHOLE) for key in keys]
                yield FittedTable(columns, id=table_id, cursor_type="none", zebra_stripes=True)
        yield KioskFooter()

    def fetcher(self):
        event, list_id, now = self.app.context.event, self.list_id, self.now
        return lambda: arrivals_view(event, list_id, now)

    def show(self, view: ArrivalsView) -> None:
        stats = view.stats
        name = pick(view.name, view.name_en) if view.name else t("arrivals.every_list")
        self.query_one("#arrivals-title", Clamped).update(
            data(t("arrivals.title", list=name, count=number(stats.total), registered=number(stats.registered))))
        self._fill("arrivals-lists", [(cell(code), cell(number(n))) for code, _, n in stats.by_list])
        self._fill("arrivals-kinds", [(cell(kind_name(kind)), cell(number(n))) for kind, n in stats.by_kind])
        self._fill("arrivals-kiosks", [(cell(terminal), cell(number(n))) for terminal, n in stats.by_terminal])
        most = max((n for _, n in stats.by_hour), default=0)
        self._fill("arrivals-hours", [(cell(hour), cell(number(n)), cell(bar(n, most)))
                                      for hour, n in stats.by_hour])

    def _fill(self, table_id: str, rows: list[tuple]) -> None:
        self.query_one(f"#{table_id}", FittedTable).fill(rows)


def kind_name(kind: str) -> str:
    """A kind of institution in the screen's language; one the program does not know, as stored."""
    if kind == NO_INSTITUTION:
        return "—"
    return t(f"kind.{kind}") if has_message(f"kind.{kind}") else kind


def bar(value: int, most: int, width: int = BAR_WIDTH) -> str:
    return "█" * round(width * value / most) if most else ""
