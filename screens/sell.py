"""Quick sale entry for a stall keeper, keyboard first: scan or type a product code (or pick it from
the stall's list), the quantity (1 unless changed), the payment method (F5), Enter. The day's total
and the latest sales stay on screen; F3 voids the selected sale, F4 shows the day's slip. Staff."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label

from kiosk.i18n import money, number, t
from kiosk.store import new_request_id
from kiosk.sales import (
    OutOfStock, SaleError, find_product, parse_quantity, record_sale, sales_of_stall, void_sale,
)
from models import PAYMENT_METHODS, Product, Sale, Stall, StaffUser
from screens.base import LiveScreen
from screens.widgets.dialogs import ConfirmDialog, ReasonDialog
from screens.widgets.header import KioskHeader

LAST_SALES = 50
WIDE = 120  # columns from which the products and the sales stand side by side


def open_sell(user: StaffUser) -> Screen | None:
    """After login: a seller sells at their stall; an admin picks a stall first; others may not."""
    if user.role == "seller" and user.stall_id:
        return SellScreen(user, Stall.get_by_id(user.stall_id))
    if user.role == "admin":
        from screens.stall_picker import StallPickerScreen

        return StallPickerScreen(lambda stall: SellScreen(user, stall))
    return None


class SellScreen(LiveScreen):
    BINDINGS = [
        Binding("f2", "products", t("sell.products"), id="products"),
        Binding("f3", "void", t("sell.void"), id="void"),
        Binding("f4", "slip", t("sell.slip"), id="slip"),
        Binding("f5", "next_method", t("sell.method"), id="method"),
    ]

    def __init__(self, user: StaffUser, stall: Stall):
        super().__init__()
        self.user, self.stall = user, stall
        self.method = PAYMENT_METHODS[0]
        self._products: list[Product] = []
        self._sales: list[Sale] = []

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        yield Label("", id="sell-status")
        with Horizontal(id="sell-entry"):
            yield Input(placeholder=t("sell.code"), id="sell-code", max_length=300)
            yield Input(value="1", placeholder=t("sell.quantity"), id="sell-quantity", restrict=r"[0-9]{0,3}")
            yield Input(placeholder=t("sell.reference"), id="sell-reference", max_length=60)
            yield Label("", id="sell-method")
        with Horizontal(id="sell-tables"):
            with Vertical(id="sell-left"):
                yield DataTable(id="sell-products", cursor_type="row", zebra_stripes=True)
            with Vertical(id="sell-right"):
                yield DataTable(id="sell-sales", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_resize(self) -> None:
        self.query_one("#sell-tables").set_class(self.size.width < WIDE, "narrow")

    def on_mount(self) -> None:
        self.query_one("#sell-products", DataTable).add_columns(
            t("sell.code_column"), t("board.product"), t("sell.price"), t("sell.stock"))
        self.query_one("#sell-sales", DataTable).add_columns(
            t("board.time"), t("board.product"), t("sell.quantity_short"), t("sell.total"), t("sell.method_column"))
        self._show_method()
        self.query_one("#sell-code", Input).focus()

    # ---- the store -------------------------------------------------------------------------

    def _day(self) -> tuple[datetime, datetime]:
        clock = self.app.context.clock
        start = datetime.combine(clock.now().date(), time(0), tzinfo=clock.zone)
        return start.astimezone(timezone.utc).replace(tzinfo=None), \
            (start + timedelta(days=1)).astimezone(timezone.utc).replace(tzinfo=None)

    def load(self) -> None:
        self._products = list(Product.select().where(Product.stall == self.stall).order_by(Product.code))
        self._sales = sales_of_stall(self.stall, *self._day(), limit=LAST_SALES)
        self._fill_products()
        self._fill_sales()
        self._show_status()

    def _show_status(self) -> None:
        day = sales_of_stall(self.stall, *self._day())
        live = [sale for sale in day if sale.voided_at is None]
        self.query_one("#sell-status", Label).update(t(
            "sell.status", stall=self.stall.name, count=number(len(live)),
            total=money(sum(sale.total for sale in live))))

    def _fill_products(self) -> None:
        table = self.query_one("#sell-products", DataTable)
        table.clear()
        for product in self._products:
            stock = "—" if product.stock is None else (
                f"[b]{t('board.sold_out')}[/b]" if product.stock <= 0 else number(product.stock))
            table.add_row(product.code, product.name, money(product.price), stock, key=product.code)

    def _fill_sales(self) -> None:
        table = self.query_one("#sell-sales", DataTable)
        table.clear()
        zone = self.app.context.clock.zone
        for sale in self._sales:
            at = sale.at.replace(tzinfo=timezone.utc).astimezone(zone)
            total = f"[strike]{money(sale.total)}[/strike]" if sale.voided_at else money(sale.total)
            table.add_row(f"{at:%H:%M}", sale.product.name, number(sale.quantity), total,
                          t(f"sell.method.{sale.method}"), key=str(sale.id))

    # ---- entering a sale --------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.attempt(lambda: self._sell(new_request_id(), oversell=False))

    def _sell(self, request_id: str, oversell: bool) -> None:
        code = self.query_one("#sell-code", Input).value
        try:
            product = find_product(self.app.context.event, code, self.stall)
            quantity = parse_quantity(self.query_one("#sell-quantity", Input).value)
            recorded = record_sale(product, quantity, self.method, self.query_one("#sell-reference", Input).value,
                                   self.user.name, self.app.context.terminal, self.app.context.clock.now(),
                                   request_id, oversell=oversell)
        except OutOfStock as short:
            self._ask_to_oversell(short, request_id)
            return
        except SaleError as refused:
            self.notify(refused.text(), severity="error")
            return
        sale = recorded.sale
        self.notify(t("sell.recorded", quantity=sale.quantity, product=product.name, total=money(sale.total)))
        self._clear_entry()
        self.reload()

    def _ask_to_oversell(self, short: OutOfStock, request_id: str) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.attempt(lambda: self._sell(request_id, oversell=True))

        self.app.push_screen(ConfirmDialog(short.text(), t("sell.oversell")), answer)

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
        table = self.query_one("#sell-sales", DataTable)
        if not self._sales or table.cursor_row is None or table.cursor_row >= len(self._sales):
            self.notify(t("sell.pick_sale"), severity="warning")
            return
        sale = self._sales[table.cursor_row]

        def done(reason: str | None) -> None:
            if reason:
                self.change(lambda: void_sale(sale, self.user.name, reason, self.app.context.clock.now()),
                            t("sell.voided", product=sale.product.name, total=money(sale.total)))

        self.app.push_screen(ReasonDialog(t("sell.void_title", product=sale.product.name,
                                            total=money(sale.total))), done)

    def action_slip(self) -> None:
        from screens.slip import SlipScreen

        self.app.push_screen(SlipScreen(self.stall, self.app.context.clock.now().date()))
