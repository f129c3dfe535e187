"""A child process for kiosk_memory: run one headless app, scan badges, print the peak RSS.

    python -m tests.bench.memory_child kiosk URL CODE...  the kiosk screen on the store at URL,
                                                          scanning these attendees' badges
    python -m tests.bench.memory_child bare SCANS         the bare Textual app, bursts of the same length

Prints one JSON object: {"peak_kb": VmHWM, "rss_kb": VmRSS, "scans": n}. Imports only what the
app it runs needs (not the test suite, not pytest), so the figure is the app's own.
"""
from __future__ import annotations

import asyncio
import json
import sys
import time

from tests.bench.common import KIOSK_IDLE_TEXTS, NOW  # common imports only the standard library

POLL_SECONDS = 0.002
TIMEOUT_SECONDS = 5.0


def status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


async def wait_for(app, text: str | tuple[str, ...], screen_text) -> None:
    texts = (text,) if isinstance(text, str) else text
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not any(one in screen_text(app) for one in texts):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{text!r} did not appear on:\n{screen_text(app)}")
        await asyncio.sleep(POLL_SECONDS)


async def run_kiosk(url: str, codes: list[str]) -> None:
    from kiosk.app import KioskApp
    from kiosk.attendees import find_by_code, payload_for
    from kiosk.context import build_context
    from kiosk.store import open_store
    from screens.checkin import CheckinScreen
    from tests.bench.bare import key_burst, screen_text

    context = build_context(open_store(url), now=NOW, terminal="bench-memory")
    app = KioskApp(context, CheckinScreen)
    async with app.run_test(size=(80, 24)):
        await wait_for(app, KIOSK_IDLE_TEXTS, screen_text)
        for code in codes:
            attendee = find_by_code(context.event, code)
            key_burst(app, payload_for(context.event, attendee))
            await wait_for(app, f"{attendee.name}!", screen_text)


async def run_bare(scans: int) -> None:
    from tests.bench.bare import IDLE_TEXT, BareApp, key_burst, screen_text, shown

    app = BareApp()
    async with app.run_test(size=(80, 24)):
        await wait_for(app, IDLE_TEXT, screen_text)
        for n in range(scans):
            payload = f"B:A{n:06d}:1:{'X' * 16}"  # a badge payload's length
            key_burst(app, payload)
            await wait_for(app, shown(payload), screen_text)


def main(argv: list[str]) -> None:
    if argv[0] == "kiosk":
        scans = len(argv) - 2
        asyncio.run(run_kiosk(argv[1], argv[2:]))
    else:
        scans = int(argv[1])
        asyncio.run(run_bare(scans))
    print(json.dumps({"peak_kb": status_kb("VmHWM"), "rss_kb": status_kb("VmRSS"), "scans": scans}))


if __name__ == "__main__":
    main(sys.argv[1:])
