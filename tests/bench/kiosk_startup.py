"""kiosk_startup: from launching `kiosk --db URL --now 2018-07-05T08:15 checkin` under a
pseudo-terminal (80x24, xterm-256color) until its idle text ("Pindai badge Anda" or "Scan your
badge") is drawn; median of 5 launches, on a store holding the small test event.

Baseline: the bare Textual app (tests/bench/bare.py, run as a script) launched the same way,
until its text is drawn. Launches alternate between the two; each process is killed after.
"""
from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from tests.bench.bare import IDLE_TEXT
from tests.bench.common import KIOSK_IDLE_TEXTS, NOW, figure, median, note, ratio_at_most, temp_store

BARE_SCRIPT = Path(__file__).with_name("bare.py")
COLUMNS, LINES = 80, 24
TIMEOUT_SECONDS = 30.0


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    return env


def time_to_text(command: list[str], texts: tuple[str, ...]) -> float:
    """Seconds from launching COMMAND on a fresh pseudo-terminal until one of TEXTS is in its output."""
    wanted = [text.encode() for text in texts]
    primary, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    output = b""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary,
                               env=terminal_env(), start_new_session=True, close_fds=True)
    os.close(secondary)
    try:
        while not any(text in output for text in wanted):
            elapsed = time.perf_counter() - started
            if elapsed > TIMEOUT_SECONDS or process.poll() is not None:
                raise RuntimeError(f"{texts!r} not drawn by {command[0]} (exit {process.poll()}): {output[-2000:]!r}")
            ready, _, _ = select.select([primary], [], [], 0.05)
            if ready:
                try:
                    output += os.read(primary, 65536)
                except OSError:  # the terminal closed: the process ended
                    pass
        return time.perf_counter() - started
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:  # it had ended already
            pass
        process.wait()
        os.close(primary)


def kiosk_command() -> list[str]:
    """The installed `kiosk` script beside this Python (else `python -m kiosk`)."""
    script = Path(sys.executable).with_name("kiosk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kiosk"]


def run(quick: bool) -> None:
    launches = 2 if quick else 5
    with temp_store(0) as store:
        note(f"kiosk_startup: {launches} launches each under a {COLUMNS}x{LINES} pseudo-terminal")
        kiosk = [*kiosk_command(), "--db", store.url, "--now", NOW, "checkin"]
        bare = [sys.executable, str(BARE_SCRIPT)]
        kiosk_ms, bare_ms = [], []
        for _ in range(launches):
            kiosk_ms.append(time_to_text(kiosk, KIOSK_IDLE_TEXTS) * 1000)
            bare_ms.append(time_to_text(bare, (IDLE_TEXT,)) * 1000)
    figure("kiosk_startup", median(kiosk_ms), "ms", median(bare_ms), ratio_at_most(2))
