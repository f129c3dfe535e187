"""Building the real App over a test store, with a fixed clock, for Pilot and snapshot tests."""
from __future__ import annotations

from typing import Callable

from kiosk.app import KioskApp
from kiosk.clock import Clock, use_event_clock
from kiosk.context import Context, find_event, find_venue
from kiosk.importer import import_event
from kiosk.staff import add_user
from kiosk.store import StoreInfo
from tests.conftest import SMALL_EVENT

TEST_NOW = "2018-07-05T08:15"
ADMIN_PIN = "201807"
DESK_PIN = "1111"


def load_small_event() -> None:
    import_event(SMALL_EVENT)
    add_user("admin", "admin", ADMIN_PIN)
    add_user("meja", "desk", DESK_PIN)


def make_app(store: StoreInfo, first_screen: Callable, venue: str | None = None) -> KioskApp:
    """The app on the open store, its clock fixed at TEST_NOW and registered as the process's event
    clock (as kiosk.context.make_clock does), so what use cases stamp is on it too."""
    event = find_event()
    clock = Clock.fixed(event.time_zone if event else "Asia/Jakarta", TEST_NOW)
    use_event_clock(clock)
    context = Context(
        store=store,
        clock=clock,
        event=event,
        venue=find_venue(event, venue),
        terminal="test-terminal",
    )
    return KioskApp(context, first_screen)


def screen_text(app: KioskApp) -> str:
    """Every line the terminal shows now, as plain text (dialogs included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def scan_burst(app: KioskApp, text: str, enter: bool = True) -> None:
    """Deliver TEXT the way a USB scanner does: every key back to back, then Enter."""
    from textual import events
    from textual.keys import _character_to_key

    for character in text:
        key = events.Key(_character_to_key(character), character)
        key.set_sender(app)
        app._driver.send_message(key)
    if enter:
        key = events.Key("enter", "\r")
        key.set_sender(app)
        app._driver.send_message(key)


async def wait_for_text(pilot, pattern: str, seconds: float = 3.0) -> str:
    """Pause until PATTERN (a regular expression) is on screen; the screen text then."""
    import re

    for _ in range(int(seconds / 0.02)):
        shown = screen_text(pilot.app)
        if re.search(pattern, shown):
            return shown
        await pilot.pause(0.02)
    raise AssertionError(f"{pattern!r} did not appear on:\n{screen_text(pilot.app)}")


async def steady(pilot) -> None:
    """No blinking cursor, and every pending read and refresh done, so two runs draw the same picture."""
    from textual.widgets import Input

    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause(0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)
