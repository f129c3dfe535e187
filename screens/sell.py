"""Quick sale entry for a stall keeper, keyboard first: scan or type a product code (or pick it from
the stall's list), the quantity (1 unless changed), the payment method (F5), Enter. The day's total
and the latest sales stay on screen; F3 voids the selected sale, F4 shows the day's slip. Staff.

The stall, its products and its day are read on a store thread (kiosk.sales.stall_sales). What the
seller typed is checked here against the products last read; a sale is then one intent, with its
request id and its moment made once, handed to the app's writer: the entry clears at once and the
sale shows as waiting until it is recorded, so the seller sells on while the store does not answer.
A first try that meets short stock asks the seller, and "yes" sends the same intent again to oversell;
a sale replayed after a store failure is recorded whatever the stock (flagged for the stall)."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label

from kiosk.errors import Refused
from kiosk.i18n import N_, money, number, t
from kiosk.sales import (
    OutOfStock, ProductLine, SaleError, SaleLine, StallSales, parse_quantity, pick_product,
    sell_product, stall_sales, void_sale_by_id,
)
from kiosk.text import inert, shorten
from kiosk.writer import Intent, Outcome
from models import PAYMENT_METHODS
from screens.base import LiveScreen
from screens.widgets.dialogs import ConfirmDialog, ReasonDialog
from screens.widgets.fitted import BoundedInput
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.sized import Sized, SizedTable, widest
from screens.widgets.text import Clamped, cell, data

LAST_SALES = 50
WIDE = 120  # columns from which the products and the sales stand side by side
CODE_LENGTH = 300  # a scan or a typed code; longer is never a product code
QUANTITY_LENGTH = 8  # room to type "1.5" or "1000" and be told why not, rather than have keys dropped
REFERENCE_LENGTH = 60
NAME_CELLS = 40  # a product's name in a message
DIALOG_CELLS = 54  # a dialog's title line (.dialog: 60 wide, its border and padding)
NAME_MIN = 13  # a product's name in a dialog title gets at least this, wrapping the line if need be
DETAIL_CELLS = 30  # a reference, a seller or a reason in the selected sale's line
PENDING = "p-"  # row keys of sales not recorded yet


def open_sell(user) -> Screen | None:
    """After login: a seller sells at their stall; an admin picks a stall first; others may not."""
    if user.role == "seller" and user.stall_id:
        return SellScreen(user, user.stall_id)
    if user.role == "admin":
        from screens.stall_picker import StallPickerScreen

        return StallPickerScreen(lambda stall_id: SellScreen(user, stall_id))
    return None


@dataclass(eq=False)
class PendingSale:
    """A sale the seller made that the store has not recorded yet."""

    product: ProductLine
    quantity: int
    method: str
    reference: str
    at: datetime
    intent: Intent | None = None
    oversell: bool = False  # the seller said yes to selling past the stock


class SellScreen(LiveScreen):
    BINDINGS = [
        Binding("f2", "products", N_("sell.products"), id="products"),
        Binding("f3", "void", N_("sell.void"), id="void"),
        Binding("f4", "slip", N_("sell.slip"), id="slip"),
        Binding("f5", "next_method", N_("sell.method"), id="method"),
    ]

    def __init__(self, user, stall_id: int):
        super().__init__()
        self.seller = user.name
        self.stall_id = stall_id
        self.method = PAYMENT_METHODS[0]
        self.view: StallSales | None = None
        self._pending: dict[str, PendingSale] = {}  # by request id, oldest first
        self._questions: deque[tuple[PendingSale, OutOfStock]] = deque()
        self._asking = False
        self._take_when_read = False
        self._rows: list[str] = []  # the sales table's row keys, top to bottom

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="sell-status")
        with Horizontal(id="sell-entry"):
            yield BoundedInput(placeholder=t("sell.code"), id="sell-code", max_length=CODE_LENGTH)
            yield BoundedInput(value="1", placeholder=t("sell.quantity"), id="sell-quantity", max_length=QUANTITY_LENGTH)
            yield BoundedInput(placeholder=t("sell.reference"), id="sell-reference", max_length=REFERENCE_LENGTH)
            yield Label("", id="sell-method")
        with Horizontal(id="sell-tables"):
            with Vertical(id="sell-left"):
                yield SizedTable(id="sell-products", cursor_type="row", zebra_stripes=True)
            with Vertical(id="sell-right"):
                yield SizedTable(id="sell-sales", cursor_type="row", zebra_stripes=True)
                yield Clamped("", id="sell-detail", max_lines=2)
        yield KioskFooter()

    def on_resize(self) -> None:
        self.query_one("#sell-tables").set_class(self.size.width < WIDE, "narrow")
        self._show_status()

    def on_mount(self) -> None:
        self._show_method()
        self.query_one("#sell-code", Input).focus()

    # ---- the store -------------------------------------------------------------------------

    def fetcher(self):
        context, stall_id = self.app.context, self.stall_id
        day, zone = context.clock.now().date(), context.clock.zone
        return lambda: stall_sales(context.event, stall_id, day, zone, LAST_SALES)

    def show(self, view: StallSales) -> None:
        self.view = view
        self._fill()
        if self._take_when_read:  # Enter came before the first read: the sale is taken now
            self._take_when_read = False
            self.take_sale()

    def _fill(self) -> None:
        if self.view is None:
            return
        self._fill_products()
        self._fill_sales()
        self._show_status()

    def _show_status(self) -> None:
        view = self.view
        if view is None:
            return
        waiting = self._waiting()
        waiting = t("sell.status_waiting", count=number(len(waiting))) if waiting else ""
        rest = t("sell.status", stall="", count=number(view.count), total=money(view.total)) + waiting
        room = max(8, (self.size.width or 80) - 2 - cell_len(rest))
        self.query_one("#sell-status", Label).update(data(
            t("sell.status", stall=shorten(inert(view.name), room), count=number(view.count),
              total=money(view.total)) + waiting))

    def _fill_products(self) -> None:
        products = self.view.products
        stock = [stock_text(product) for product in products]
        self.query_one("#sell-products", SizedTable).fill([
            Sized(t("sell.code_column"), min(16, widest(t("sell.code_column"), [p.code for p in products]))),
            Sized(t("board.product"), share=1),
            Sized(t("sell.price"), widest(t("sell.price"), [money(p.price) for p in products])),
            Sized(t("sell.stock"), widest(t("sell.stock"), stock)),
        ], [((cell(product.code), cell(product.name), cell(money(product.price)),
              cell(shown, "bold" if product.stock is not None and product.stock <= 0 else "")), product.code)
            for product, shown in zip(products, stock)])

    def _sales_rows(self) -> list[tuple[str, tuple]]:
        """(key, cells) of the sales table: the waiting ones first, newest first, then the recorded ones."""
        rows = []
        for request_id, pending in reversed(self._waiting().items()):
            rows.append((PENDING + request_id, (
                f"{pending.at:%H:%M}", pending.product.name, number(pending.quantity),
                money(pending.quantity * pending.product.price), t(f"sell.method.{pending.method}"),
                t("sell.waiting"), "")))
        for line in self.view.latest if self.view else ():
            rows.append((str(line.id), (
                f"{line.at:%H:%M}", line.product, number(line.quantity), money(line.total),
                t(f"sell.method.{line.method}"), t(f"sell.flag.{line.flag}") if line.flag else "",
                "strike" if line.voided else "")))
        return rows

    def _waiting(self) -> dict[str, PendingSale]:
        """The sales not recorded yet, but for those the last read found (their reply is on its way)."""
        read = {line.request_id for line in self.view.latest} if self.view else set()
        return {request_id: pending for request_id, pending in self._pending.items() if request_id not in read}

    def _fill_sales(self) -> None:
        table = self.query_one("#sell-sales", SizedTable)
        before = self._selected_key()
        rows = self._sales_rows()
        self._rows = [key for key, _ in rows]
        columns = [Sized(t("board.time"), 5), Sized(t("board.product"), share=1),
                   Sized(t("sell.quantity_short"), widest(t("sell.quantity_short"), [c[2] for _, c in rows])),
                   Sized(t("sell.total"), widest(t("sell.total"), [c[3] for _, c in rows])),
                   Sized(t("sell.method_column"), widest(t("sell.method_column"), [c[4] for _, c in rows]))]
        marks = [c[5] for _, c in rows if c[5]]
        if marks:
            columns.append(Sized("", widest("", marks)))
        cells = []
        for key, (at, product, quantity, total, method, mark, style) in rows:
            row = [cell(at), cell(product), cell(quantity), cell(total, style), cell(method)]
            cells.append((tuple(row + ([cell(mark, "bold")] if marks else [])), key))
        table.fill(columns, cells)
        # A seller moving through the sales keeps their place; otherwise the newest is highlighted,
        # so F3 right after a mistaken sale voids that sale.
        if table.has_focus and before in self._rows:
            table.move_cursor(row=self._rows.index(before), animate=False)
        elif self._rows:
            table.move_cursor(row=0, animate=False)
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "sell-sales":
            self._show_detail()

    def _show_detail(self) -> None:
        """The highlighted sale's payment, reference, seller and void."""
        detail = self.query_one("#sell-detail", Clamped)
        line = self._selected_line()
        if line is None:
            detail.update("")
            return
        text = t("sell.detail", time=f"{line.at:%H:%M}", method=t(f"sell.method.{line.method}"),
                 reference=" " + shorten(inert(line.reference), DETAIL_CELLS) if line.reference else "",
                 seller=shorten(inert(line.seller), DETAIL_CELLS))
        if line.voided:
            text += t("sell.detail_void", who=shorten(inert(line.voided_by), DETAIL_CELLS),
                      why=shorten(inert(line.void_reason), DETAIL_CELLS))
        detail.update(data(text))

    def _selected_key(self) -> str | None:
        table = self.query_one("#sell-sales", DataTable)
        if not self._rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self._rows):
            return None
        return self._rows[table.cursor_row]

    def _selected_line(self) -> SaleLine | None:
        key = self._selected_key()
        if key is None or key.startswith(PENDING) or self.view is None:
            return None
        return next((line for line in self.view.latest if str(line.id) == key), None)

    # ---- entering a sale --------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_sale()

    def take_sale(self) -> None:
        """The entry as one sale: checked here, then recorded whenever the store answers."""
        code = self.query_one("#sell-code", Input)
        if not code.value.strip():
            code.focus()
            return
        if self.view is None:  # nothing to check the code against yet; the entry is kept
            self._take_when_read = True
            if not self.reading("read"):
                self.show_unavailable()
                self.reload()
            return
        try:
            product = pick_product(self.view, code.value)
            quantity = parse_quantity(self.query_one("#sell-quantity", Input).value)
        except SaleError as refused:
            self.tell(refused.text(), severity="error")
            return
        reference = self.query_one("#sell-reference", Input).value if self.method != "cash" else ""
        pending = PendingSale(product, quantity, self.method, reference, self.app.context.clock.now())
        pending.intent = self._intent(pending)
        self._pending[pending.intent.request_id] = pending
        self.record(pending.intent)
        self._clear_entry()
        self._fill_sales()
        self._show_status()

    def _intent(self, pending: PendingSale) -> Intent:
        seller, terminal = self.seller, self.app.context.terminal

        def record(intent: Intent) -> SaleLine:
            return sell_product(pending.product.id, pending.quantity, pending.method, pending.reference, seller,
                                terminal, intent.at, intent.request_id, oversell=pending.oversell,
                                replayed=intent.replayed)

        return Intent(record, at=pending.at, kind="sale", on_done=self._recorded)

    def _recorded(self, outcome: Outcome) -> None:
        request_id = outcome.intent.request_id
        pending = self._pending.get(request_id)
        refused = outcome.refused
        if isinstance(refused, OutOfStock) and pending is not None:
            self._questions.append((pending, refused))
            self._ask_next()
            return
        self._pending.pop(request_id, None)
        if refused is not None:
            self._not_recorded(pending, refused)
        else:
            line: SaleLine = outcome.result
            values = dict(quantity=line.quantity, product=shorten(inert(line.product), NAME_CELLS),
                          total=money(line.total))
            self.tell(t("sell.flagged", **values) if line.flag else t("sell.recorded", **values),
                      severity="warning" if line.flag else "information")
        self._fill_sales()
        self._show_status()
        self.reload()

    def _not_recorded(self, pending: PendingSale | None, refused: Refused) -> None:
        if pending is None:
            self.tell(refused.text(), severity="error")
            return
        self.tell(t("sell.not_recorded", quantity=pending.quantity,
                    product=shorten(inert(pending.product.name), NAME_CELLS), reason=refused.text()),
                  severity="error")

    def _ask_next(self) -> None:
        """Ask about one short sale at a time; "yes" sends the same intent again, to oversell."""
        if self._asking or not self._questions:
            return
        pending, short = self._questions.popleft()
        self._asking = True

        def answer(yes: bool | None) -> None:
            self._asking = False
            if yes:
                pending.oversell = True
                self.record(pending.intent)
            else:
                self._pending.pop(pending.intent.request_id, None)
                self._give_back(pending)
                self._fill_sales()
                self._show_status()
            self._ask_next()

        values = dict(short.values, name=shorten(inert(short.values.get("name", "")), NAME_CELLS))
        self.app.push_screen(ConfirmDialog(data(t(short.key, **values)), t("sell.oversell")), answer)

    def _give_back(self, pending: PendingSale) -> None:
        """A sale the seller chose not to make past the stock goes back into an empty entry, to change."""
        code = self.query_one("#sell-code", Input)
        if code.value.strip():
            return
        code.value = pending.product.code
        self.query_one("#sell-quantity", Input).value = str(pending.quantity)
        if pending.method != "cash":
            self.query_one("#sell-reference", Input).value = pending.reference
        code.focus()

    def _clear_entry(self) -> None:
        self.query_one("#sell-code", Input).value = ""
        self.query_one("#sell-quantity", Input).value = "1"
        self.query_one("#sell-reference", Input).value = ""
        self.query_one("#sell-code", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "sell-products":
            self.query_one("#sell-code", Input).value = str(event.row_key.value)
            self.query_one("#sell-quantity", Input).focus()

    def action_products(self) -> None:
        self.query_one("#sell-products", DataTable).focus()

    def action_next_method(self) -> None:
        self.method = PAYMENT_METHODS[(PAYMENT_METHODS.index(self.method) + 1) % len(PAYMENT_METHODS)]
        self._show_method()

    def _show_method(self) -> None:
        self.query_one("#sell-method", Label).update(t("sell.paying", method=t(f"sell.method.{self.method}")))
        self.query_one("#sell-reference", Input).disabled = self.method == "cash"

    # ---- voids and the slip -----------------------------------------------------------------

    def action_void(self) -> None:
        key = self._selected_key()
        if key is not None and key.startswith(PENDING):
            self.tell(t("sell.not_yet"), severity="warning")
            return
        line = self._selected_line()
        if line is None:
            self.tell(t("sell.pick_sale"), severity="warning")
            return
        total = money(line.total)
        room = DIALOG_CELLS - cell_len(t("sell.void_title", product="", total=total))
        product = shorten(inert(line.product), max(NAME_MIN, room))  # the amount stays whole on the first line
        staff, clock = self.seller, self.app.context.clock

        def done(reason: str | None) -> None:
            if reason:
                self.record(Intent(lambda intent: void_sale_by_id(line.id, staff, reason, intent.at, intent.replayed),
                                   at=clock.now(), kind="void", on_done=self._voided))

        self.app.push_screen(ReasonDialog(data(t("sell.void_title", product=product, total=total))), done)

    def _voided(self, outcome: Outcome) -> None:
        if not self.refused(outcome):
            line: SaleLine = outcome.result
            self.tell(t("sell.voided", product=shorten(inert(line.product), NAME_CELLS), total=money(line.total)))
        self.reload()

    def action_slip(self) -> None:
        from screens.slip import SlipScreen

        self.app.push_screen(SlipScreen(self.stall_id, self.app.context.clock.now().date()))


def stock_text(product: ProductLine) -> str:
    if product.stock is None:
        return "—"
    return t("board.sold_out") if product.stock <= 0 else number(product.stock)

