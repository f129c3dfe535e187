"""The end-of-day slip of one stall: counts, total, cash vs QRIS vs transfer, and the voids."""
from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.i18n import long_date, money, number, t
from kiosk.sales_report import StallDay, day_report
from models import Stall


class SlipScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, stall: Stall, day: date):
        super().__init__()
        self.stall, self.day = stall, day

    def compose(self) -> ComposeResult:
        context = self.app.context
        (stall_day,) = day_report(context.event, self.day, context.clock.zone, self.stall)
        with VerticalScroll(id="slip", classes="dialog"):
            yield Label(t("slip.title", stall=self.stall.name, day=long_date(self.day)), classes="dialog-title")
            yield Static(slip_text(stall_day), id="slip-text")
            yield Label(t("qr.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)


def slip_text(day: StallDay) -> str:
    lines = [t("slip.counts", sales=number(day.sales), items=number(day.items)),
             f"[b]{t('slip.total', total=money(day.revenue))}[/b]", ""]
    lines += [f"{t('sell.method.' + method)}: {money(amount)}" for method, amount in day.by_method.items()]
    lines += ["", t("slip.voids", count=len(day.voids)) if day.voids else t("slip.no_voids")]
    for void in day.voids:
        lines.append(t("slip.void_line", time=f"{void.at:%H:%M}", product=void.product, quantity=void.quantity,
                       total=money(void.total), who=void.voided_by, why=void.reason))
    return "\n".join(lines)
