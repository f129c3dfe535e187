"""`kiosk demo`: every screen of the suite, one key away."""
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
from screens.base import KioskScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.header import KioskHeader
from screens.widgets.text import styled


@dataclass(frozen=True)
class LauncherEntry:
    key: str  # catalogue key of its label; also the option id
    posture: str  # shown beside the label: public, display or staff
    open: Callable[[], Screen]


def _login() -> Screen:
    from screens.login import LoginScreen

    return LoginScreen()


def _venues() -> Screen:
    from screens.venues import VenueGuideScreen

    return VenueGuideScreen(public=True)


def _checkin() -> Screen:
    from screens.checkin import CheckinScreen

    return CheckinScreen()


def _directory() -> Screen:
    from screens.directory import DirectoryScreen

    return DirectoryScreen()


def _sell() -> Screen:
    from screens.login import LoginScreen
    from screens.sell import open_sell

    return LoginScreen(after_login=open_sell)


def _board() -> Screen:
    from screens.board import BoardScreen

    return BoardScreen()


def _award_console() -> Screen:
    from screens.award_console import AwardConsoleScreen
    from screens.login import LoginScreen

    return LoginScreen(after_login=lambda user: AwardConsoleScreen(user) if user.role in ("awards", "admin")
                       else None)


def _award_display() -> Screen:
    from screens.award_display import AwardDisplayScreen

    return AwardDisplayScreen()


def _overview() -> Screen:
    from screens.overview import OverviewScreen

    return OverviewScreen()


# Later capabilities add their screens here.
LAUNCHER_ENTRIES: list[LauncherEntry] = [
    LauncherEntry(N_("launcher.staff"), "staff", _login),
    LauncherEntry(N_("launcher.checkin"), "public", _checkin),
    LauncherEntry(N_("launcher.directory"), "public", _directory),
    LauncherEntry(N_("launcher.venues"), "public", _venues),
    LauncherEntry(N_("launcher.sell"), "staff", _sell),
    LauncherEntry(N_("launcher.board"), "display", _board),
    LauncherEntry(N_("launcher.awards_control"), "staff", _award_console),
    LauncherEntry(N_("launcher.awards_display"), "display", _award_display),
    LauncherEntry(N_("launcher.overview"), "staff", _overview),
]


class LauncherScreen(KioskScreen):
    BINDINGS = [Binding("q", "app.quit", N_("launcher.quit"), id="quit")]

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="launcher", classes="menu"):
            yield Label(t("launcher.title"), classes="menu-title")
            yield OptionList(*[self._option(entry) for entry in LAUNCHER_ENTRIES], id="launcher-menu")
            yield Label(t("launcher.credentials"), classes="hint")
        yield KioskFooter()

    @staticmethod
    def _option(entry: LauncherEntry) -> Option:
        return Option(styled("$label  [dim]($posture)[/dim]", label=t(entry.key), posture=t(f"posture.{entry.posture}")),
                      id=entry.key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = next(e for e in LAUNCHER_ENTRIES if e.key == event.option.id)
        self.app.push_screen(entry.open())
