"""idle_display: an idle award display, heartbeats and all. The real `kiosk --db URL --now T awards
display` runs under a pseudo-terminal (200x60) on the small test event, the live ceremony standing at
its first category's title; once drawn and settled, its CPU time (every thread, /proc/PID/stat) is
read across 10 s of wall time in which the console does nothing. The figure is that CPU time as a
share of one core, the median of three launches.

Idle still means the display's own life: the change poll four times a second, the header clock each
second, and a heartbeat every 2 s (its size and step, into the terminals table: on SQLite a file of
its own beside the store). Beside it, `idle_display.store_commits`: how often the store's own
`PRAGMA data_version` moved during those windows, as another screen's change poll would see it
(target 0: heartbeats wake no other screen).

Baseline: the bare Textual app (tests/bench/bare.py) idling the same way; launches alternate.
"""
from __future__ import annotations

import sqlite3
import sys

from tests.bench import idle_board
from tests.bench.bare import IDLE_TEXT
from tests.bench.common import below, figure, median, note, temp_store
from tests.bench.idle_board import BARE_SCRIPT, idle_cpu
from tests.bench.kiosk_startup import kiosk_command

NOW = "2018-07-05T19:30"
SHOWN_TEXTS = ("Kategori 1 dari 2", "Category 1 of 2")  # the title step's kicker, in either language
WINDOW_SECONDS = 10.0
LAUNCHES = 3


def run(quick: bool) -> None:
    from kiosk.context import find_event
    from kiosk.reveal import go_to
    from kiosk.store import close_store

    window, launches = (3.0, 1) if quick else (WINDOW_SECONDS, LAUNCHES)
    with temp_store(0) as store:
        go_to(find_event(), "live", 1, "bench")
        close_store()  # the display is the only program on the store
        note(f"idle_display: `kiosk awards display` under a {idle_board.COLUMNS}x{idle_board.LINES} "
             f"pseudo-terminal; CPU over {window:g} s after {idle_board.SETTLE_SECONDS:g} s of settling, "
             f"{launches} launch(es)")
        watcher = sqlite3.connect(store.path)
        display, bare, commits = [], [], 0
        for _ in range(launches):
            (before,) = watcher.execute("PRAGMA data_version").fetchone()
            display.append(idle_cpu([*kiosk_command(), "--db", store.url, "--now", NOW, "awards", "display"],
                                    SHOWN_TEXTS, window))
            (after,) = watcher.execute("PRAGMA data_version").fetchone()
            commits += after != before
            bare.append(idle_cpu([sys.executable, str(BARE_SCRIPT)], (IDLE_TEXT,), window))
        watcher.close()
        with sqlite3.connect(f"{store.path}.terminals.sqlite") as side:
            heard = side.execute("SELECT terminal, state FROM terminal").fetchall()
        note(f"idle_display: heartbeats in the side file: {heard}")
        note("idle_display launches: display " + ", ".join(f"{p:.2f}%" for p in display)
             + "; bare " + ", ".join(f"{p:.2f}%" for p in bare))
    figure("idle_display", median(display), "% of a core", median(bare), below(2, "%"))
    figure("idle_display.store_commits", commits, "launches with a store commit", launches, below(1, "launches"))
