"""The live sales board for the big screen: total revenue in large type, stalls ranked by revenue
(ties share a rank, arrows for places gained since the hour began), each with a bar as long as its
revenue; beside them on a large screen the latest sales, the top products and a chart of the
revenue per hour; on a small one the ranking and a line of the latest sales. Display posture. It
reads the running totals on a store thread when the store changes, nothing else; names from the
store are data, cut with "…" to their column, and amounts are never cut (their columns are as wide
as the widest amount)."""
from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label

from kiosk.board import BoardState, RankRow, board_state
from kiosk.i18n import money, number, t
from kiosk.text import inert, shorten
from screens.base import DISPLAY, LiveScreen
from screens.widgets.bigtext import BigText
from screens.widgets.chart import HourChart
from screens.widgets.header import KioskHeader
from screens.widgets.sized import Sized, SizedTable, widest
from screens.widgets.text import cell, data, joined

PAGE_SECONDS = 8.0  # when the ranking has more stalls than rows, pages turn this often
WIDE = 150  # columns from which the ranking names each stall's institution
SIDE = (110, 30)  # columns and rows from which the latest sales, top products and chart are shown
TOTAL_ROWS, TOTAL_SHARE = 5, 7  # the total's large type: at least 5 rows, else at most 1/7 of the screen
MAX_ROW_HEIGHT = 4  # lines a stall may take when few stalls leave room: a thicker bar
BAR_EIGHTHS = " ▏▎▍▌▋▊▉"  # the last cell of a bar, filled by 0 to 7 eighths from the left
TICKER_SALES = 3
TICKER_NAME = 8  # cells a stall's name needs at least on the ticker
TICKER_SEPARATOR = " · "


# ---- the board -------------------------------------------------------------------------------------


class BoardScreen(LiveScreen):
    POSTURE = DISPLAY

    def __init__(self, posture: str = DISPLAY):
        super().__init__(posture)
        self.state: BoardState | None = None

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Horizontal(id="board-top"):
            yield Label(t("board.title"), id="board-title")
            yield BigText("", id="board-total", max_scale=2, max_rows=TOTAL_ROWS)
        with Horizontal(id="board-body"):
            with Vertical(id="board-main"):
                yield Ranking(id="board-ranking")
                yield Label("", id="board-page")
            with Vertical(id="board-side"):
                yield Label(t("board.recent"), classes="board-heading")
                yield SizedTable(id="board-recent", scrollbar=0, cursor_type="none", show_cursor=False)
                yield Label(t("board.top_products"), classes="board-heading")
                yield SizedTable(id="board-top-products", scrollbar=0, cursor_type="none", show_cursor=False)
                yield Label(t("board.revenue_per_hour"), classes="board-heading")
                yield HourChart(money, empty=t("board.no_sales_today"), id="board-chart")
        yield Ticker("", id="board-ticker")

    def on_mount(self) -> None:
        self.set_interval(PAGE_SECONDS, self.query_one(Ranking).turn)

    def fetcher(self):
        context = self.app.context
        event, now, zone = context.event, context.clock.now(), context.clock.zone
        return lambda: board_state(event, now, zone)

    def show(self, state: BoardState) -> None:
        self.state = state
        self.render_board()

    def on_resize(self) -> None:
        side = self._side()  # laid out before the first read arrives, so the tables have their size
        self.query_one("#board-side").display = side
        self.query_one("#board-ticker").display = not side
        self.set_class(self._wide(), "-wide")
        self.set_class(not side, "-narrow")  # the title on one line above the total, which has the width
        title = t("board.title")
        self.query_one("#board-title", Label).update(title if side else title.replace("\n", " · "))
        self.query_one("#board-total", BigText).max_rows = max(TOTAL_ROWS, self.size.height // TOTAL_SHARE)
        self.render_board()

    def on_ranking_paged(self, message: Ranking.Paged) -> None:
        self.query_one("#board-page", Label).update(
            t("board.page", page=message.page + 1, pages=message.pages, stalls=message.stalls)
            if message.pages > 1 else "")

    def _side(self) -> bool:
        return self.size.width >= SIDE[0] and self.size.height >= SIDE[1]

    def _wide(self) -> bool:
        return self.size.width >= WIDE

    def render_board(self) -> None:
        if self.state is None:
            return
        self.query_one("#board-total", BigText).update(money(self.state.revenue))
        self.query_one(Ranking).show(self.state.ranking, self._wide())
        if self._side():
            self._fill_side()
        else:
            self.query_one(Ticker).show([s for s in self.state.recent if not s.voided][:TICKER_SALES])

    def _fill_side(self) -> None:
        amounts = [money(sale.total) for sale in self.state.recent]
        self.query_one("#board-recent", SizedTable).fill(
            [Sized(t("board.time"), 5), Sized(t("board.stall"), share=2), Sized(t("board.product"), share=3),
             Sized(t("board.revenue"), widest(t("board.revenue"), amounts))],
            [(tuple(cell(value, "strike dim" if sale.voided else "") for value in (
                f"{sale.at:%H:%M}", sale.stall, f"{sale.quantity}× {inert(sale.product)}", amount)), None)
             for sale, amount in zip(self.state.recent, amounts)])
        products = self.state.top_products
        self.query_one("#board-top-products", SizedTable).fill(
            [Sized(t("board.product"), share=3), Sized(t("board.stall"), share=2),
             Sized(t("board.items"), widest(t("board.items"), [number(items) for _, _, items, _ in products])),
             Sized(t("board.revenue"), widest(t("board.revenue"), [money(r) for _, _, _, r in products]))],
            [((cell(product), cell(stall), cell(number(items)), cell(money(revenue))), None)
             for product, stall, items, revenue in products])
        self.query_one(HourChart).show(self.state.hourly)


# ---- the ranking -----------------------------------------------------------------------------------


class Ranking(SizedTable):
    """The stalls by revenue, a page at a time: each row a bar as long as the stall's revenue (the
    leader's fills its column), rows as tall as the room allows when there are few stalls. WIDE: the
    stall's institution too, under its name when rows are tall, else in a column of its own."""

    COMPONENT_CLASSES = {"ranking--bar", "ranking--leader"}

    class Paged(Message):
        def __init__(self, page: int, pages: int, stalls: int):
            super().__init__()
            self.page, self.pages, self.stalls = page, pages, stalls

    def __init__(self, **kwargs):
        super().__init__(scrollbar=0, cursor_type="none", zebra_stripes=True, show_cursor=False, **kwargs)
        self.ranking: list[RankRow] = []
        self.wide = False
        self.page = 0
        self._paged: tuple | None = None

    def show(self, ranking: list[RankRow], wide: bool) -> None:
        self.ranking, self.wide = list(ranking), wide
        self._draw()

    def turn(self) -> None:
        """The next page, if there is more than one."""
        if self._pages() > 1:
            self.page = (self.page + 1) % self._pages()
            self._draw()

    def _room(self) -> int:
        return max(1, self.size.height - self.header_height)

    def row_height(self) -> int:
        return max(1, min(MAX_ROW_HEIGHT, self._room() // max(1, len(self.ranking))))

    def rows_per_page(self) -> int:
        return max(1, self._room() // self.row_height())

    def _pages(self) -> int:
        return max(1, -(-len(self.ranking) // self.rows_per_page()))

    def _draw(self) -> None:
        """The current page, laid out for the current size (SizedTable draws it again on a resize)."""
        if not self.size.height:
            return  # drawn when it has a size
        self.page = min(self.page, self._pages() - 1)
        height = self.row_height()
        stacked = self.wide and height > 1  # the institution under the name
        start = self.page * self.rows_per_page()
        shown = self.ranking[start:start + self.rows_per_page()]
        self._sized, self._row_height = self._columns(stacked), height
        self._sized_rows = [(self._cells(row, height, stacked), None) for row in shown]
        super()._draw()
        paged = (self.page, self._pages(), len(self.ranking))
        if paged != self._paged:
            self._paged = paged
            self.post_message(self.Paged(*paged))

    def _columns(self, stacked: bool) -> list[Sized]:
        ranking, sold_out = self.ranking, t("board.sold_out")
        names = [row.name for row in ranking] + ([row.institution for row in ranking] if stacked else [])
        columns = [Sized("#", widest("#", [str(row.rank) for row in ranking], 2)), Sized("", 3),
                   Sized(t("board.stall"), share=4 if self.wide else 2, most=widest(t("board.stall"), names))]
        if self.wide and not stacked:
            columns.append(Sized(t("board.institution"), share=2))
        columns.append(Sized("", share=3 if self.wide else 1))  # the bar
        if self.wide:
            columns.append(Sized(t("board.items"), widest(t("board.items"), [number(row.items) for row in ranking])))
        columns.append(Sized(t("board.revenue"), widest(t("board.revenue"), [money(row.revenue) for row in ranking])))
        if any(row.sold_out for row in ranking):
            columns.append(Sized("", cell_len(sold_out)))
        return columns

    def _cells(self, row: RankRow, height: int, stacked: bool) -> tuple:
        name = joined(cell(row.name), cell(row.institution, "dim")) if stacked else cell(row.name)
        cells = [cell(row.rank), movement(row), name]
        if self.wide and not stacked:
            cells.append(cell(row.institution))
        lines = height - 1 if height > 2 else height  # a tall row keeps a line free below its bar
        leader = self.ranking[0].revenue if self.ranking else 0
        style = self.get_component_rich_style("ranking--leader" if row.rank == 1 else "ranking--bar", partial=True)
        cells.append(lambda width: bar_cell(row.revenue, leader, width, lines, style))
        if self.wide:
            cells.append(cell(number(row.items)))
        cells.append(cell(money(row.revenue)))
        if any(r.sold_out for r in self.ranking):
            cells.append(cell(t("board.sold_out") if row.sold_out else "", "bold"))
        return tuple(cells)


def bar(revenue: int, leader: int, width: int) -> str:
    """REVENUE's bar in eighths of a cell, the LEADER's revenue filling WIDTH cells; a stall that sold
    anything shows at least an eighth."""
    eighths = round(revenue * width * 8 / leader) if leader > 0 else 0
    full, part = divmod(max(1, eighths) if revenue > 0 else 0, 8)
    return "█" * full + BAR_EIGHTHS[part].strip()


def bar_cell(revenue: int, leader: int, width: int, lines: int, style: Style) -> Text:
    return Text("\n".join([bar(revenue, leader, width)] * lines), style=style, no_wrap=True, end="")


def movement(row: RankRow):
    if row.movement > 0:
        return cell(f"▲{row.movement}", "green")
    if row.movement < 0:
        return cell(f"▼{-row.movement}", "red")
    return cell("–", "dim")


# ---- the ticker (small screens) --------------------------------------------------------------------


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
