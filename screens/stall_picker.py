"""An admin picks the stall to sell for."""
from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import t
from models import Stall
from screens.base import KioskScreen
from screens.widgets.header import KioskHeader


class StallPickerScreen(KioskScreen):
    def __init__(self, open_stall: Callable[[Stall], Screen]):
        super().__init__()
        self.open_stall = open_stall
        self.stalls: list[Stall] = []

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="stall-picker", classes="menu"):
            yield Label(t("sell.pick_stall"), classes="menu-title")
            yield OptionList(id="stall-picker-list")
        yield Footer()

    def on_mount(self) -> None:
        self.stalls = list(Stall.select().where(Stall.event == self.app.context.event).order_by(Stall.code))
        options = self.query_one(OptionList)
        options.add_options([Option(f"{s.code}  {s.name}") for s in self.stalls])
        options.highlighted = 0 if self.stalls else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(self.open_stall(self.stalls[event.option_index]))
