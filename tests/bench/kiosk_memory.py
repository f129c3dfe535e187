"""kiosk_memory: peak RSS (VmHWM) of a process running the kiosk screen (headless, 80x24) on a
store of 100,000 attendees after scanning ~100 badges.

Baseline: a process running the bare Textual app given as many bursts of the same length.
Each runs in its own fresh child process (tests/bench/memory_child.py), which reports its own
VmHWM, so nothing of this process (or of pytest) is counted.
"""
from __future__ import annotations

import json
import subprocess
import sys

from tests.bench.common import ROOT, below, figure, note, temp_store


def peak_mb(arguments: list[str]) -> float:
    done = subprocess.run([sys.executable, "-m", "tests.bench.memory_child", *arguments], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"memory child {arguments[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["peak_kb"] / 1024


def run(quick: bool) -> None:
    from kiosk.store import close_store

    attendees, scans = (10_000, 20) if quick else (100_000, 100)
    with temp_store(attendees) as store:
        note(f"kiosk_memory: {attendees} attendees, {scans} scans, peak RSS of a child process")
        codes = store.people(scans)
        close_store()
        kiosk = peak_mb(["kiosk", store.url, *codes])
        bare = peak_mb(["bare", str(scans)])
    figure("kiosk_memory", kiosk, "MB", bare, below(150, "MB"))
