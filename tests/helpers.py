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
PATIENCE = 5.0  # seconds a wait for a condition lasts before it fails: generous, for a slow, busy CI machine
POLL = 0.02  # seconds between two looks at what a wait waits for


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


async def wait_for_text(pilot, pattern: str, seconds: float = PATIENCE) -> str:
    """Pause until PATTERN (a regular expression) is on screen; the screen text then."""
    import re

    for _ in range(int(seconds / 0.02)):
        shown = screen_text(pilot.app)
        if re.search(pattern, shown):
            return shown
        await pilot.pause(0.02)
    raise AssertionError(f"{pattern!r} did not appear on:\n{screen_text(pilot.app)}")


def _looks(seconds: float) -> range:
    """As many looks as SECONDS of pauses between them: on a slow machine a wait lasts longer, never less."""
    return range(max(1, int(seconds / POLL)))


async def until(pilot, condition: Callable[[], object], seconds: float = PATIENCE, what: str = "") -> None:
    """Pause until CONDITION() is true; an AssertionError saying WHAT, with the screen, when it is still
    false after SECONDS."""
    for _ in _looks(seconds):
        if condition():
            return
        await pilot.pause(POLL)
    if not condition():
        said = f" ({what})" if what else ""
        raise AssertionError(f"not so after {seconds} s{said}; on screen:\n{screen_text(pilot.app)}")


def notices(app: KioskApp) -> list[str]:
    """The message of every toast raised and not yet gone."""
    return [str(notification.message) for notification in app._notifications]


async def wait_for_notice(pilot, text: str, seconds: float = PATIENCE) -> list[str]:
    """Pause until a toast saying TEXT (in its message) has been raised; every toast's message then."""
    def raised() -> bool:
        return any(text in message for message in notices(pilot.app))

    for _ in _looks(seconds):
        if raised():
            return notices(pilot.app)
        await pilot.pause(POLL)
    if not raised():
        raise AssertionError(f"no toast saying {text!r} after {seconds} s; toasts: {notices(pilot.app)}")
    return notices(pilot.app)


def _under_way(app: KioskApp) -> list[str]:
    """What the app is still doing off the event loop, in words; nothing when it is idle."""
    busy = []
    if app.workers:
        busy.append(f"{len(app.workers)} store read(s) running")
    if app.writer.waiting():
        busy.append(f"{len(app.writer.waiting())} intent(s) waiting in the writer")
    return busy


async def settled(pilot, seconds: float = PATIENCE) -> None:
    """Pause until nothing is under way: no store read running (a read's result may start another),
    nothing waiting in the writer, and the messages they brought handled; found so on two looks in a
    row. An AssertionError when it is still busy after SECONDS."""
    looks, quiet = iter(_looks(seconds)), 0
    while quiet < 2:
        await pilot.pause()  # the messages so far handled, the layout up to date
        busy = _under_way(pilot.app)
        quiet = 0 if busy else quiet + 1
        if busy:
            if next(looks, None) is None:
                raise AssertionError(f"still under way after {seconds} s: {', '.join(busy)}")
            await pilot.pause(POLL)


async def still(pilot, seconds: float = PATIENCE) -> str:
    """Pause until the app has settled and two looks 50 ms apart find the same text on screen (a
    layout that takes a few frames is over: large type resizing what is beside it, widgets mounted
    by a read's result); the screen text then."""
    await settled(pilot, seconds)
    last = screen_text(pilot.app)
    for _ in range(max(1, int(seconds / 0.05))):
        await pilot.pause(0.05)
        await settled(pilot, seconds)
        shown = screen_text(pilot.app)
        if shown == last:
            return shown
        last = shown
    raise AssertionError(f"the screen still changes after {seconds} s; on screen:\n{last}")


async def steady(pilot) -> None:
    """No blinking cursor, and every pending read and refresh done, so two runs draw the same picture."""
    from textual.widgets import Input

    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause(0.1)
    await settled(pilot)
    await pilot.pause(0.2)
    await still(pilot)  # a read a timer started meanwhile done too, and a layout of a few frames over
