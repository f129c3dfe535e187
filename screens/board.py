"""The live sales board for the big screen: total revenue in large type, stalls ranked by revenue
(ties share a rank, arrows for places gained since the hour began), recent sales, revenue per hour,
top products. Display posture. It reads the running totals on a store thread when the store
changes, nothing else; names from the store are data, cut with "…" to their column, and amounts are
never cut (their columns are as wide as the widest amount)."""
from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline

from kiosk.board import BoardState, RankRow, board_state
from kiosk.i18n import money, number, t
from kiosk.text import inert, shorten
from screens.base import DISPLAY, LiveScreen
from screens.widgets.bigtext import BigText
from screens.widgets.header import KioskHeader
from screens.widgets.sized import Sized, SizedTable, widest
from screens.widgets.text import cell, data

PAGE_SECONDS = 8.0  # when the ranking has more stalls than rows, pages turn this often
WIDE = 150  # columns from which the side panel (recent sales, top products) is shown
TICKER_SALES = 3
TICKER_NAME = 8  # cells a stall's name needs at least on the ticker
TICKER_SEPARATOR = " · "


# ---- the board -------------------------------------------------------------------------------------


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
                yield SizedTable(id="board-ranking", cursor_type="none", zebra_stripes=True, show_cursor=False)
                yield Label("", id="board-page")
            with Vertical(id="board-side"):
                yield Label(t("board.recent"), classes="board-heading")
                yield SizedTable(id="board-recent", cursor_type="none", show_cursor=False)
                yield Label(t("board.top_products"), classes="board-heading")
                yield SizedTable(id="board-top-products", cursor_type="none", show_cursor=False)
        with Horizontal(id="board-bottom"):
            yield Label(t("board.per_hour"), id="board-hour-label")
            yield Sparkline([], id="board-sparkline")
            yield Ticker("", id="board-ticker")

    def on_mount(self) -> None:
        self.set_interval(PAGE_SECONDS, self.next_page)

    def fetcher(self):
        context = self.app.context
        event, now, zone = context.event, context.clock.now(), context.clock.zone
        return lambda: board_state(event, now, zone)

    def show(self, state: BoardState) -> None:
        self.state = state
        self.render_board()

    def on_resize(self) -> None:
        wide = self._wide()  # laid out before the first read arrives, so the tables have their width
        self.query_one("#board-side").display = wide
        self.query_one("#board-ticker").display = not wide
        self.render_board()

    def next_page(self) -> None:
        if self.state is not None and self._pages() > 1:
            self.page = (self.page + 1) % self._pages()
            self._fill_ranking()

    def _rows_per_page(self) -> int:
        return max(3, self.query_one("#board-ranking").size.height - 1)

    def _pages(self) -> int:
        rows = len(self.state.ranking) if self.state else 0
        return max(1, -(-rows // self._rows_per_page()))

    def _wide(self) -> bool:
        return self.size.width >= WIDE

    def render_board(self) -> None:
        if self.state is None:
            return
        wide = self._wide()
        self.query_one("#board-total", BigText).update(money(self.state.revenue))
        self._fill_ranking()
        if wide:
            self._fill_side()
        else:
            self._fill_ticker()
        self.query_one("#board-sparkline", Sparkline).data = [revenue for _, revenue in self.state.hourly] or [0]

    def _fill_ranking(self) -> None:
        """The current page of the ranking, its columns fitted to the table."""
        table = self.query_one("#board-ranking", SizedTable)
        wide = self._wide()
        ranking = self.state.ranking
        sold_out = t("board.sold_out")
        marks = any(row.sold_out for row in ranking)
        columns = [Sized("#", widest("#", [str(row.rank) for row in ranking], 2)), Sized("", 3),
                   Sized(t("board.stall"), share=11 if wide else 1,
                         most=widest(t("board.stall"), [row.name for row in ranking]) if wide else 0)]
        if wide:
            columns.append(Sized(t("board.institution"), share=9))
        columns += [Sized(t("board.items"), widest(t("board.items"), [number(row.items) for row in ranking])),
                    Sized(t("board.revenue"), widest(t("board.revenue"), [money(row.revenue) for row in ranking]))]
        columns += [Sized("", cell_len(sold_out))] if marks else []
        self.page = min(self.page, self._pages() - 1)
        start = self.page * self._rows_per_page()
        rows = []
        for row in ranking[start:start + self._rows_per_page()]:
            cells = [cell(row.rank), movement(row), cell(row.name)] + ([cell(row.institution)] if wide else [])
            cells += [cell(number(row.items)), cell(money(row.revenue))]
            cells += [cell(sold_out if row.sold_out else "", "bold")] if marks else []
            rows.append((tuple(cells), None))
        table.fill(columns, rows)
        pages = self._pages()
        self.query_one("#board-page", Label).update(
            t("board.page", page=self.page + 1, pages=pages, stalls=len(ranking)) if pages > 1 else "")

    def _fill_side(self) -> None:
        amounts = [money(sale.total) for sale in self.state.recent]
        self.query_one("#board-recent", SizedTable).fill(
            [Sized(t("board.time"), 5), Sized(t("board.stall"), share=2), Sized(t("board.product"), share=3),
             Sized(t("board.revenue"), widest(t("board.revenue"), amounts))],
            [((cell(f"{sale.at:%H:%M}"), cell(sale.stall), cell(f"{sale.quantity}× {inert(sale.product)}"),
               cell(amount, "strike" if sale.voided else "")), None)
             for sale, amount in zip(self.state.recent, amounts)])
        products = self.state.top_products
        self.query_one("#board-top-products", SizedTable).fill(
            [Sized(t("board.product"), share=3), Sized(t("board.stall"), share=2),
             Sized(t("board.items"), widest(t("board.items"), [number(items) for _, _, items, _ in products])),
             Sized(t("board.revenue"), widest(t("board.revenue"), [money(r) for _, _, _, r in products]))],
            [((cell(product), cell(stall), cell(number(items)), cell(money(revenue))), None)
             for product, stall, items, revenue in products])

    def _fill_ticker(self) -> None:
        self.query_one("#board-ticker", Ticker).show([s for s in self.state.recent if not s.voided][:TICKER_SALES])


class Ticker(Label):
    """The latest sales on one line: as many as fit with their amounts whole, names shortened; drawn
    again when its width changes."""

    sales: list = []

    def show(self, sales: list) -> None:
        self.sales = list(sales)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        room = self.content_region.width
        latest = list(self.sales)
        while latest and ticker_room(latest, room) < TICKER_NAME * len(latest):
            latest.pop()
        names = ticker_room(latest, room) // len(latest) if latest else 0
        self.update(data(TICKER_SEPARATOR.join(
            f"{s.at:%H:%M} {shorten(inert(s.stall), names)} {money(s.total)}" for s in latest)))


def ticker_room(sales: list, width: int) -> int:
    """What WIDTH leaves for the stall names of SALES on the ticker."""
    fixed = sum(cell_len(f"{s.at:%H:%M}  {money(s.total)}") for s in sales)
    return width - fixed - cell_len(TICKER_SEPARATOR) * max(0, len(sales) - 1)


def movement(row: RankRow):
    if row.movement > 0:
        return cell(f"▲{row.movement}", "green")
    if row.movement < 0:
        return cell(f"▼{-row.movement}", "red")
    return cell("–", "dim")
