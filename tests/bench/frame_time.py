"""frame_time: how long the lobby kiosk takes to answer a key (ctrl+c opens the exit dialog, escape
closes it; timed until the screen shows it) while a scan's write waits on a store another process
has locked, beside the same figure on an idle store, in the same run. 10,000 attendees, 80x24
headless; the kiosk is the real screen with the real writer."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time

from tests.bench.common import KIOSK_IDLE_TEXTS, below, figure, note, percentile, temp_store

PRESSES = 60
WARMUP = 5  # the first presses compose the dialog's styles for the first time: not the steady figure
POLL_SECONDS = 0.001
TIMEOUT_SECONDS = 5.0
DIALOG_TEXT = "PIN admin"
HOLD_SECONDS = 120  # longer than the measurement; the holder is stopped as soon as it is done

HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


async def until(app, shown, screen_text) -> None:
    deadline = time.perf_counter() + TIMEOUT_SECONDS
    while not shown(screen_text(app)):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the kiosk did not answer; on screen:\n{screen_text(app)}")
        await asyncio.sleep(POLL_SECONDS)


async def answer_times(store, locked: bool) -> list[float]:
    """Milliseconds for each key press to show on screen; with LOCKED, a scan waits on the store."""
    from screens.checkin import CheckinScreen
    from tests.helpers import make_app, scan_burst, screen_text

    app = make_app(store.info, CheckinScreen)
    times = []
    async with app.run_test(size=(80, 24)):
        await until(app, lambda text: any(idle in text for idle in KIOSK_IDLE_TEXTS), screen_text)
        holder = hold_lock(store.path) if locked else None
        try:
            if locked:
                scan_burst(app, store.payload(store.people(1)[0]))
                await until(app, lambda text: "Temporarily unavailable" in text, screen_text)
            for _ in range(WARMUP + PRESSES):
                for key, shown in (("ctrl+c", True), ("escape", False)):
                    started = time.perf_counter()
                    send_key(app, key)
                    await until(app, lambda text: (DIALOG_TEXT in text) == shown, screen_text)
                    times.append((time.perf_counter() - started) * 1000)
            assert not locked or app.writer.waiting(), "the scan was recorded: the store was not locked"
            times = times[2 * WARMUP:]
        finally:
            if holder is not None:
                holder.kill()
                holder.wait()
    return times


def send_key(app, key: str) -> None:
    """The key as the terminal driver delivers it (Pilot's press waits for the screen itself)."""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)


def hold_lock(path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), str(HOLD_SECONDS)],
                              stdout=subprocess.PIPE, text=True)
    if holder.stdout.readline().strip() != "locked":
        raise RuntimeError("the lock holder did not start")
    return holder


def run(quick: bool) -> None:
    attendees = 2_000 if quick else 10_000
    with temp_store(attendees) as store:
        note(f"frame_time: {PRESSES * 2} key presses, idle store, then a store locked by another process")
        idle = asyncio.run(answer_times(store, locked=False))
        locked = asyncio.run(answer_times(store, locked=True))
    for p in (50, 95):
        figure(f"frame_time.idle.p{p}", percentile(idle, p), "ms", percentile(idle, p), below(50, "ms"))
        figure(f"frame_time.locked.p{p}", percentile(locked, p), "ms", percentile(idle, p), below(50, "ms"))
