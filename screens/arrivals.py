"""Live arrivals at the desk: by list, by kind of institution, by kiosk and by hour."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import DataTable, Footer, Label

from kiosk.arrivals import arrival_stats
from kiosk.i18n import number, pick, t
from models import CheckinList
from screens.base import LiveScreen
from screens.widgets.header import KioskHeader

BAR_WIDTH = 12

TABLES = {
    "#arrivals-lists": ("arrivals.list", "arrivals.count"),
    "#arrivals-kinds": ("overview.kind", "arrivals.count"),
    "#arrivals-kiosks": ("arrivals.kiosk", "arrivals.count"),
    "#arrivals-hours": ("arrivals.hour", "arrivals.count", "arrivals.bar"),
}


class ArrivalsScreen(LiveScreen):
    BINDINGS = [Binding("escape", "back", t("nav.back"), id="back")]

    def __init__(self, checkin_list: CheckinList):
        super().__init__()
        self.checkin_list = checkin_list

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="arrivals-title", classes="screen-title")
        with Grid(id="arrivals"):
            for selector in TABLES:
                yield DataTable(id=selector[1:], cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        for selector, keys in TABLES.items():
            self.query_one(selector, DataTable).add_columns(*[t(key) for key in keys])

    def load(self) -> None:
        stats = arrival_stats(self.app.context.event, self.checkin_list)
        name = pick(self.checkin_list.name, self.checkin_list.name_en)
        self.query_one("#arrivals-title", Label).update(
            t("arrivals.title", list=name, count=number(stats.total), registered=number(stats.registered)))
        self._fill("#arrivals-lists", [(code, number(n)) for code, _, n in stats.by_list])
        self._fill("#arrivals-kinds", [(t(f"kind.{kind}") if kind != "none" else "—", number(n))
                                       for kind, n in stats.by_kind])
        self._fill("#arrivals-kiosks", [(terminal, number(n)) for terminal, n in stats.by_terminal])
        most = max((n for _, n in stats.by_hour), default=0)
        self._fill("#arrivals-hours", [(hour, number(n), bar(n, most)) for hour, n in stats.by_hour])

    def _fill(self, selector: str, rows: list[tuple]) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        table.add_rows(rows)


def bar(value: int, most: int, width: int = BAR_WIDTH) -> str:
    return "█" * round(width * value / most) if most else ""
