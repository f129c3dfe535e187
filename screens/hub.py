"""After login: the screens this staff member's role may open."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import N_, t
from kiosk.session import Staff
from screens.base import DISPLAY, PUBLIC, KioskScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import data

ALL_ROLES = ("desk", "seller", "awards", "admin")


@dataclass(frozen=True)
class HubEntry:
    key: str  # catalogue key of its label; also the option id
    roles: tuple[str, ...]
    open: Callable[[Staff], Screen]


def _desk(user: Staff) -> Screen:
    from screens.desk import DeskScreen

    return DeskScreen(user)


def _schedule(user: Staff) -> Screen:
    from screens.schedule import ScheduleScreen

    return ScheduleScreen(user)


def _directory(user: Staff) -> Screen:
    from screens.directory import DirectoryScreen

    return DirectoryScreen(show_assigned=True, posture=PUBLIC)


def _sell(user: Staff) -> Screen:
    from screens.sell import open_sell

    return open_sell(user)


def _board(user: Staff) -> Screen:
    from screens.board import BoardScreen

    return BoardScreen(posture=DISPLAY)


def _awards(user: Staff) -> Screen:
    from screens.award_console import AwardConsoleScreen

    return AwardConsoleScreen(user)


def _overview(user: Staff) -> Screen:
    from screens.overview import OverviewScreen

    return OverviewScreen()


def _audit(user: Staff) -> Screen:
    from screens.audit import AuditScreen

    return AuditScreen()


def _venues(user: Staff) -> Screen:
    from screens.venues import VenueGuideScreen

    return VenueGuideScreen(public=True)


# Later capabilities add their screens here, with the roles that may use them.
HUB_ENTRIES: list[HubEntry] = [
    HubEntry(N_("hub.desk"), ("desk", "admin"), _desk),
    HubEntry(N_("hub.schedule"), ("desk", "admin"), _schedule),
    HubEntry(N_("hub.directory"), ALL_ROLES, _directory),
    HubEntry(N_("hub.sell"), ("seller", "admin"), _sell),
    HubEntry(N_("hub.board"), ALL_ROLES, _board),
    HubEntry(N_("hub.awards"), ("awards", "admin"), _awards),
    HubEntry(N_("hub.overview"), ALL_ROLES, _overview),
    HubEntry(N_("hub.venues"), ALL_ROLES, _venues),
    HubEntry(N_("hub.audit"), ("admin",), _audit),
]


def entries_for(role: str) -> list[HubEntry]:
    return [entry for entry in HUB_ENTRIES if role in entry.roles]


class HubScreen(KioskScreen):
    BINDINGS = [Binding("escape", "logout", N_("hub.logout"), id="logout")]

    def __init__(self, user: Staff):
        super().__init__()
        self.user = user
        self.entries = {entry.key: entry for entry in entries_for(user.role)}

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="hub", classes="menu"):
            yield Label(data(t("hub.title", name=self.user.name, role=t(f"role.{self.user.role}"))),
                        classes="menu-title")
            yield OptionList(*[Option(t(key), id=key) for key in self.entries], id="hub-menu")
            yield Label(t("hub.hint"), classes="hint")
        yield KioskFooter()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Public and display screens opened here keep their posture: escape never leads back here, and
        leaving them takes an admin's PIN or this staff member's own."""
        screen = self.entries[event.option.id].open(self.user)
        if getattr(screen, "POSTURE", None) in (PUBLIC, DISPLAY):
            screen.opened_by = self.user.name
        self.app.push_screen(screen)

    def action_logout(self) -> None:
        from screens.login import LoginScreen

        self.app.switch_screen(LoginScreen())
