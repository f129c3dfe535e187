"""After login: the screens this staff member's role may open."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import t
from models import StaffUser
from screens.base import STAFF, KioskScreen
from screens.widgets.header import KioskHeader

ALL_ROLES = ("desk", "seller", "awards", "admin")


@dataclass(frozen=True)
class HubEntry:
    key: str  # catalogue key of its label; also the option id
    roles: tuple[str, ...]
    open: Callable[[StaffUser], Screen]


def _desk(user: StaffUser) -> Screen:
    from screens.desk import DeskScreen

    return DeskScreen(user)


def _schedule(user: StaffUser) -> Screen:
    from screens.schedule import ScheduleScreen

    return ScheduleScreen(user)


def _directory(user: StaffUser) -> Screen:
    from screens.directory import DirectoryScreen

    return DirectoryScreen(show_assigned=True, posture=STAFF)


def _sell(user: StaffUser) -> Screen:
    from screens.sell import open_sell

    return open_sell(user)


def _board(user: StaffUser) -> Screen:
    from screens.board import BoardScreen

    return BoardScreen(posture=STAFF)


def _awards(user: StaffUser) -> Screen:
    from screens.award_console import AwardConsoleScreen

    return AwardConsoleScreen(user)


def _overview(user: StaffUser) -> Screen:
    from screens.overview import OverviewScreen

    return OverviewScreen()


def _audit(user: StaffUser) -> Screen:
    from screens.audit import AuditScreen

    return AuditScreen()


def _venues(user: StaffUser) -> Screen:
    from screens.venues import VenueGuideScreen

    return VenueGuideScreen(public=False)


# Later capabilities add their screens here, with the roles that may use them.
HUB_ENTRIES: list[HubEntry] = [
    HubEntry("hub.desk", ("desk", "admin"), _desk),
    HubEntry("hub.schedule", ("desk", "admin"), _schedule),
    HubEntry("hub.directory", ALL_ROLES, _directory),
    HubEntry("hub.sell", ("seller", "admin"), _sell),
    HubEntry("hub.board", ALL_ROLES, _board),
    HubEntry("hub.awards", ("awards", "admin"), _awards),
    HubEntry("hub.overview", ALL_ROLES, _overview),
    HubEntry("hub.venues", ALL_ROLES, _venues),
    HubEntry("hub.audit", ("admin",), _audit),
]


def entries_for(role: str) -> list[HubEntry]:
    return [entry for entry in HUB_ENTRIES if role in entry.roles]


class HubScreen(KioskScreen):
    BINDINGS = [Binding("escape", "logout", t("hub.logout"), id="logout")]

    def __init__(self, user: StaffUser):
        super().__init__()
        self.user = user
        self.entries = {entry.key: entry for entry in entries_for(user.role)}

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="hub", classes="menu"):
            yield Label(t("hub.title", name=self.user.name, role=t(f"role.{self.user.role}")), classes="menu-title")
            yield OptionList(*[Option(t(key), id=key) for key in self.entries], id="hub-menu")
            yield Label(t("hub.hint"), classes="hint")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(self.entries[event.option.id].open(self.user))

    def action_logout(self) -> None:
        from screens.login import LoginScreen

        self.app.switch_screen(LoginScreen())
