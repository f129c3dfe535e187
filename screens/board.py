"""The live sales board for the big screen: total revenue in large type, stalls ranked by revenue
(ties share a rank, arrows for places gained since the hour began), recent sales, revenue per hour,
top products. Display posture. It reads the running totals when the store changes, nothing else."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label, Sparkline

from kiosk.board import BoardState, RankRow, board_state
from kiosk.i18n import money, number, t
from screens.base import DISPLAY, LiveScreen
from screens.widgets.bigtext import BigText
from screens.widgets.header import KioskHeader

PAGE_SECONDS = 8.0  # when the ranking has more stalls than rows, pages turn this often
WIDE = 150  # columns from which the side panel (recent sales, top products) is shown
FIXED_COLUMNS = 3 + 3 + 6 + 14 + 8 + 2 * 6 + 2  # rank, movement, items, revenue, sold out, cell padding


class BoardScreen(LiveScreen):
    POSTURE = DISPLAY

    def __init__(self, posture: str = DISPLAY):
        super().__init__(posture)
        self.state: BoardState | None = None
        self.page = 0

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Horizontal(id="board-top"):
            yield Label(t("board.title"), id="board-title")
            yield BigText("", id="board-total", max_scale=2)
        with Horizontal(id="board-body"):
            with Vertical(id="board-main"):
                yield DataTable(id="board-ranking", cursor_type="none", zebra_stripes=True, show_cursor=False)
                yield Label("", id="board-page")
            with Vertical(id="board-side"):
                yield Label(t("board.recent"), classes="board-heading")
                yield DataTable(id="board-recent", cursor_type="none", show_cursor=False)
                yield Label(t("board.top_products"), classes="board-heading")
                yield DataTable(id="board-top-products", cursor_type="none", show_cursor=False)
        with Horizontal(id="board-bottom"):
            yield Label(t("board.per_hour"), id="board-hour-label")
            yield Sparkline([], id="board-sparkline")
            yield Label("", id="board-ticker")

    def on_mount(self) -> None:
        self.query_one("#board-recent", DataTable).add_columns(
            t("board.time"), t("board.stall"), t("board.product"), t("board.revenue"))
        self.query_one("#board-top-products", DataTable).add_columns(
            t("board.product"), t("board.stall"), t("board.items"), t("board.revenue"))
        self.set_interval(PAGE_SECONDS, self.next_page)

    def load(self) -> None:
        context = self.app.context
        self.state = board_state(context.event, context.clock.now(), context.clock.zone)
        self.render_board()

    def on_resize(self) -> None:
        self.render_board()

    def next_page(self) -> None:
        if self.state is not None and self._pages() > 1:
            self.page = (self.page + 1) % self._pages()
            self._fill_ranking(columns=False)

    def _rows_per_page(self) -> int:
        return max(3, self.query_one("#board-ranking").size.height - 1)

    def _pages(self) -> int:
        rows = len(self.state.ranking) if self.state else 0
        return max(1, -(-rows // self._rows_per_page()))

    def render_board(self) -> None:
        if self.state is None:
            return
        wide = self.size.width >= WIDE
        self.query_one("#board-side").display = wide
        self.query_one("#board-ticker").display = not wide
        self.query_one("#board-total", BigText).update(money(self.state.revenue))
        self._fill_ranking()
        if wide:
            self._fill_side()
        else:
            self._fill_ticker()
        self.query_one("#board-sparkline", Sparkline).data = [revenue for _, revenue in self.state.hourly] or [0]

    def _fill_ranking(self, columns: bool = True) -> None:
        """The current page of the ranking; the columns are laid out again only when asked."""
        table = self.query_one("#board-ranking", DataTable)
        wide = self.size.width >= WIDE
        if columns:
            self._ranking_columns(table, wide)
        else:
            table.clear()
        self.page = min(self.page, self._pages() - 1)
        start = self.page * self._rows_per_page()
        for row in self.state.ranking[start:start + self._rows_per_page()]:
            cells = [str(row.rank), movement(row), row.name] + ([row.institution] if wide else [])
            cells += [number(row.items), money(row.revenue), f"[b]{t('board.sold_out')}[/b]" if row.sold_out else ""]
            table.add_row(*cells)
        pages = self._pages()
        self.query_one("#board-page", Label).update(
            t("board.page", page=self.page + 1, pages=pages, stalls=len(self.state.ranking)) if pages > 1 else "")

    def _ranking_columns(self, table: DataTable, wide: bool) -> None:
        table.clear(columns=True)
        width = table.size.width or (self.size.width * 2 // 3 if wide else self.size.width)
        names = max(16, width - FIXED_COLUMNS)
        table.add_column("#", width=3)
        table.add_column("", width=3)
        table.add_column(t("board.stall"), width=names * 11 // 20 if wide else names)
        if wide:
            table.add_column(t("board.institution"), width=names - names * 11 // 20 - 2)
        table.add_column(t("board.items"), width=6)
        table.add_column(t("board.revenue"), width=14)
        table.add_column("", width=8)

    def _fill_side(self) -> None:
        recent = self.query_one("#board-recent", DataTable)
        recent.clear()
        for sale in self.state.recent:
            amount = f"[strike]{money(sale.total)}[/strike]" if sale.voided else money(sale.total)
            recent.add_row(f"{sale.at:%H:%M}", sale.stall, f"{sale.quantity}× {sale.product}", amount)
        top = self.query_one("#board-top-products", DataTable)
        top.clear()
        for product, stall, items, revenue in self.state.top_products:
            top.add_row(product, stall, number(items), money(revenue))

    def _fill_ticker(self) -> None:
        latest = [s for s in self.state.recent if not s.voided][:3]
        self.query_one("#board-ticker", Label).update(
            " · ".join(f"{s.at:%H:%M} {s.stall} {money(s.total)}" for s in latest))


def movement(row: RankRow) -> str:
    if row.movement > 0:
        return f"[green]▲{row.movement}[/green]"
    if row.movement < 0:
        return f"[red]▼{-row.movement}[/red]"
    return "[dim]–[/dim]"
