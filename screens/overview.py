"""Staff overview of the event: institutions by kind, attendees by category, venues and rooms. Live."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Label

from kiosk.i18n import number, t
from kiosk.overview import event_counts
from screens.base import LiveScreen
from screens.widgets.header import KioskHeader


class OverviewScreen(LiveScreen):
    BINDINGS = [Binding("escape", "back", t("nav.back"), id="back")]

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with VerticalScroll(id="overview"):
            yield Label("", id="overview-title", classes="screen-title")
            with Horizontal(id="overview-counts"):
                yield DataTable(id="overview-kinds", cursor_type="none", zebra_stripes=True)
                yield DataTable(id="overview-categories", cursor_type="none", zebra_stripes=True)
            yield DataTable(id="overview-venues", cursor_type="none", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        columns = {
            "#overview-kinds": (t("overview.kind"), t("overview.count")),
            "#overview-categories": (t("overview.category"), t("overview.count")),
            "#overview-venues": (t("overview.venue"), t("overview.rooms"), t("overview.capacity")),
        }
        for selector, labels in columns.items():
            self.query_one(selector, DataTable).add_columns(*labels)

    def load(self) -> None:
        event = self.app.context.event
        title = self.query_one("#overview-title", Label)
        if event is None:
            title.update(t("overview.empty"))
            return
        counts = event_counts(event)
        title.update(t("overview.title", name=event.name))
        kinds = [(t(f"kind.{kind}"), number(n)) for kind, n in counts.institutions_by_kind.items()]
        self._fill("#overview-kinds", kinds, (t("overview.institutions"), number(counts.institutions)))
        categories = [(t(f"category.{c}"), number(n)) for c, n in counts.attendees_by_category.items()]
        self._fill("#overview-categories", categories, (t("overview.attendees"), number(counts.attendees)))
        venues = [(v.name, number(v.rooms), number(v.capacity)) for v in counts.venues]
        self._fill("#overview-venues", venues, (t("overview.total"), number(counts.rooms), number(counts.capacity)))

    def _fill(self, selector: str, rows: list[tuple], total: tuple) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        table.add_rows(rows)
        table.add_row(*[f"[b]{cell}[/b]" for cell in total])
