"""Staff overview of the event: institutions by kind, attendees by category, venues and rooms. Live:
the counts are read on a store thread (kiosk.overview.overview_of)."""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Label

from kiosk.i18n import N_, has_message, number, t
from kiosk.overview import Overview, overview_of
from kiosk.text import inert
from screens.base import LiveScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import cell, data

VENUE_WIDTH = 40  # cells for a venue's name; a longer one ends in "…"


def known(prefix: str, value: str) -> str:
    """The catalogue's word for VALUE (a kind or a category), or VALUE itself when it has none."""
    key = f"{prefix}.{value}"
    return t(key) if has_message(key) else value


class OverviewScreen(LiveScreen):
    BINDINGS = [Binding("escape", "back", N_("nav.back"), id="back")]

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with VerticalScroll(id="overview"):
            yield Label("", id="overview-title", classes="screen-title")
            with Horizontal(id="overview-counts"):
                yield DataTable(id="overview-kinds", cursor_type="none", zebra_stripes=True)
                yield DataTable(id="overview-categories", cursor_type="none", zebra_stripes=True)
            yield DataTable(id="overview-venues", cursor_type="none", zebra_stripes=True)
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#overview-kinds", DataTable).add_columns(t("overview.kind"), t("overview.count"))
        self.query_one("#overview-categories", DataTable).add_columns(t("overview.category"), t("overview.count"))
        self._venue_columns([])

    def fetcher(self):
        event = self.app.context.event
        return (lambda: None) if event is None else (lambda: overview_of(event))

    def show(self, overview: Overview | None) -> None:
        title = self.query_one("#overview-title", Label)
        if overview is None:
            title.update(t("overview.empty"))
            return
        counts = overview.counts
        title.update(data(t("overview.title", name=overview.name)))
        kinds = [(cell(known("kind", kind)), number(n)) for kind, n in counts.institutions_by_kind.items()]
        self._fill("#overview-kinds", kinds, (t("overview.institutions"), number(counts.institutions)))
        categories = [(cell(known("category", c)), number(n)) for c, n in counts.attendees_by_category.items()]
        self._fill("#overview-categories", categories, (t("overview.attendees"), number(counts.attendees)))
        venues = [(cell(v.name), number(v.rooms), number(v.capacity)) for v in counts.venues]
        self._venue_columns([v.name for v in counts.venues])
        self._fill("#overview-venues", venues, (t("overview.total"), number(counts.rooms), number(counts.capacity)))

    def _venue_columns(self, names: list[str]) -> None:
        """The venue column as wide as its longest name, up to VENUE_WIDTH cells."""
        table = self.query_one("#overview-venues", DataTable)
        longest = max([cell_len(inert(name)) for name in names] + [cell_len(t("overview.venue")),
                                                                  cell_len(t("overview.total"))])
        table.clear(columns=True)
        table.add_column(t("overview.venue"), width=min(VENUE_WIDTH, longest))
        table.add_columns(t("overview.rooms"), t("overview.capacity"))

    def _fill(self, selector: str, rows: list[tuple], total: tuple) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        table.add_rows(rows)
        table.add_row(*[Text(str(value), style="bold") for value in total])
