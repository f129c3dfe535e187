"""The end-of-day slip of one stall: counts, total, cash vs QRIS vs transfer, the sales recorded past
the stock (to count it), and the voids. Read on a store thread (kiosk.sales_report.stall_day); names,
sellers and reasons are data, shortened with "…" so the amounts on their lines stay whole."""
from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.i18n import long_date, money, number, t
from kiosk.sales_report import StallDay, stall_day
from kiosk.text import inert, shorten
from screens.base import StoreReads
from screens.widgets.text import Clamped, data, styled

STALL_CELLS = 40  # the stall's name in the title
PRODUCT_CELLS = 28  # a product's name on a void line: with the time and the amount it fits 56 cells
WHO_CELLS = 20
WHY_CELLS = 60


class SlipScreen(StoreReads, ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, stall_id: int, day: date):
        super().__init__()
        self.stall_id, self.day = stall_id, day

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="slip", classes="dialog"):
            yield Clamped("", id="slip-title", classes="dialog-title", max_lines=2)
            yield Static("", id="slip-text")
            yield Label(t("qr.close"), classes="hint")

    def on_mount(self) -> None:
        context, stall_id, day = self.app.context, self.stall_id, self.day
        self.read(lambda: stall_day(context.event, stall_id, day, context.clock.zone), self.show)

    def show(self, day: StallDay) -> None:
        self.query_one("#slip-title", Clamped).update(data(
            t("slip.title", stall=shorten(inert(day.name), STALL_CELLS), day=long_date(self.day))))
        self.query_one("#slip-text", Static).update(slip_text(day))

    def action_close(self) -> None:
        self.dismiss(None)


def short(value: str, cells: int) -> str:
    return shorten(inert(value), cells)


def slip_text(day: StallDay) -> Content:
    lines = [data(t("slip.counts", sales=number(day.sales), items=number(day.items))),
             styled("[b]$total[/b]", total=t("slip.total", total=money(day.revenue))), Content("")]
    lines += [data(f"{t('sell.method.' + method)}: {money(amount)}") for method, amount in day.by_method.items()]
    if day.flagged:
        lines += [Content(""), styled("[b]$title[/b]", title=t("slip.flagged", count=len(day.flagged)))]
        lines += [data(t("slip.flag_line", time=f"{sale.at:%H:%M}", product=short(sale.product, PRODUCT_CELLS),
                         quantity=sale.quantity, total=money(sale.total), who=short(sale.seller, WHO_CELLS)))
                  for sale in day.flagged]
    lines += [Content(""), data(t("slip.voids", count=len(day.voids)) if day.voids else t("slip.no_voids"))]
    lines += [data(t("slip.void_line", time=f"{void.at:%H:%M}", product=short(void.product, PRODUCT_CELLS),
                     quantity=void.quantity, total=money(void.total), who=short(void.voided_by, WHO_CELLS),
                     why=short(void.reason, WHY_CELLS)))
              for void in day.voids]
    return Content("\n").join(lines)
