"""scan_to_welcome: a badge delivered as a key burst to the real kiosk screen (headless, 80x24),
timed until that person's welcome is on screen; ~200 scans of different people.

Baseline: a bare Textual app (one Static, updated on Enter) given bursts of the same length
and timed the same way. Both are polled every millisecond through the compositor's view of the
screen (as tests.helpers.screen_text reads it), without forcing a refresh in between.
"""
from __future__ import annotations

import asyncio
import time

from tests.bench.common import KIOSK_IDLE_TEXTS, below, figure, name_of, note, percentile, temp_store

POLL_SECONDS = 0.001
TIMEOUT_SECONDS = 5.0
WARMUP = 5


async def time_until(app, text: str | tuple[str, ...], shown_text) -> float:
    """Seconds from now until TEXT (or any of several) is in the app's screen text."""
    texts = (text,) if isinstance(text, str) else text
    started = time.perf_counter()
    deadline = started + TIMEOUT_SECONDS
    while not any(one in shown_text(app) for one in texts):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{text!r} did not appear on:\n{shown_text(app)}")
        await asyncio.sleep(POLL_SECONDS)
    return time.perf_counter() - started


async def kiosk_times(store, codes: list[str]) -> list[float]:
    from screens.checkin import CheckinScreen
    from tests.helpers import make_app, scan_burst, screen_text

    app = make_app(store.info, CheckinScreen)
    times = []
    async with app.run_test(size=(80, 24)):
        await time_until(app, KIOSK_IDLE_TEXTS, screen_text)
        for code in codes:
            payload = store.payload(code)
            started = time.perf_counter()
            scan_burst(app, payload)
            await time_until(app, f"{name_of(code)}!", screen_text)
            times.append(time.perf_counter() - started)
    return times[WARMUP:]


async def bare_times(payloads: list[str]) -> list[float]:
    from tests.bench.bare import IDLE_TEXT, BareApp, screen_text, shown
    from tests.helpers import scan_burst

    app = BareApp()
    times = []
    async with app.run_test(size=(80, 24)):
        await time_until(app, IDLE_TEXT, screen_text)
        for payload in payloads:
            started = time.perf_counter()
            scan_burst(app, payload)
            await time_until(app, shown(payload), screen_text)
            times.append(time.perf_counter() - started)
    return times[WARMUP:]


def run(quick: bool) -> None:
    attendees, scans = (10_000, 30) if quick else (100_000, 200)
    with temp_store(attendees) as store:
        note(f"scan_to_welcome: {attendees} attendees, {scans} scans of different people, 80x24 headless")
        codes = store.people(scans + WARMUP)
        kiosk_ms = [t * 1000 for t in asyncio.run(kiosk_times(store, codes))]
        bare_ms = [t * 1000 for t in asyncio.run(bare_times([store.payload(code) for code in codes]))]
    figure("scan_to_welcome.p50", percentile(kiosk_ms, 50), "ms", percentile(bare_ms, 50))
    figure("scan_to_welcome.p95", percentile(kiosk_ms, 95), "ms", percentile(bare_ms, 95), below(50, "ms"))
