"""An admin picks the stall to sell for. The stalls are read on a store thread (kiosk.sales.stall_choices);
their names are data, one line each, cut with "…"."""
from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import t
from kiosk.sales import StallChoice, stall_choices
from kiosk.text import inert, shorten
from screens.base import LiveScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import data

OPTION_CELLS = 60  # a .menu is 70 wide: padding, the list's own padding and its scrollbar leave this


class StallPickerScreen(LiveScreen):
    def __init__(self, open_stall: Callable[[int], Screen]):
        super().__init__()
        self.open_stall = open_stall
        self.stalls: tuple[StallChoice, ...] = ()

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="stall-picker", classes="menu"):
            yield Label(t("sell.pick_stall"), classes="menu-title")
            yield OptionList(id="stall-picker-list")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def fetcher(self):
        event = self.app.context.event
        return lambda: stall_choices(event)

    def show(self, stalls: tuple[StallChoice, ...]) -> None:
        options = self.query_one(OptionList)
        before = options.highlighted
        self.stalls = stalls
        options.clear_options()
        options.add_options([Option(data(shorten(f"{inert(s.code)}  {inert(s.name)}", OPTION_CELLS)))
                             for s in stalls])
        options.highlighted = min(before or 0, len(stalls) - 1) if stalls else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(self.open_stall(self.stalls[event.option_index].id))
