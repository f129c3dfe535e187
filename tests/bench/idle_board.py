"""idle_board: CPU used by an idle sales board. The real `kiosk --db URL --now T board` runs under a
pseudo-terminal (200x60, a big screen: ranking, side panel, sparkline) on a store of 100,000 sales over
100 stalls, its clock started at the last sale; once the board is drawn and start-up has settled,
its CPU time (utime + stime of the process, every thread, from /proc/PID/stat) is read across 10 s
of wall time in which nothing is sold. The figure is that CPU time as a share of one core, the median
of three launches.

Idle still means the board's own life: the change poll four times a second (PRAGMA data_version on
its own connection, in a worker thread), the header clock each second and the ranking's page turn
every 8 s (100 stalls do not fit one page: the window holds one turn). The terminal output is
drained all along, as a terminal would.

Baseline: the bare Textual app (tests/bench/bare.py, run as a script) idling the same way under the
same terminal for the same window; launches alternate between the two.
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
from tests.bench.common import below, figure, median, note
from tests.bench.kiosk_startup import kiosk_command

BARE_SCRIPT = Path(__file__).with_name("bare.py")
COLUMNS, LINES = 200, 60
SALES = 100_000
BOARD_TEXTS = ("Lapak Terbaik", "Best Stall")  # the board's title, in either language
RANKED_TEXT = "Lapak Uji"  # a bench stall's name: the ranking is filled
DRAW_TIMEOUT = 60.0
SETTLE_SECONDS = 3.0  # after the board is first drawn: the first change poll and its reload are over
WINDOW_SECONDS = 10.0
LAUNCHES = 3


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    return env


def cpu_seconds(pid: int) -> float:
    """utime + stime of PID (all its threads) so far, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat", "rb") as stat:
        fields = stat.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # fields 14 and 15 of the line


class Terminal:
    """COMMAND running on a fresh pseudo-terminal, its output collected (and so drained) on demand."""

    def __init__(self, command: list[str]) -> None:
        self.primary, secondary = os.openpty()
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.output = b""
        self.process = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary,
                                        env=terminal_env(), start_new_session=True, close_fds=True)
        os.close(secondary)

    def drain(self, seconds: float) -> None:
        """Read whatever the program writes for SECONDS."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.primary], [], [], min(left, 0.05))
            if ready:
                try:
                    self.output += os.read(self.primary, 65536)
                except OSError:  # the terminal closed: the program ended
                    time.sleep(min(left, 0.05))

    def wait_for(self, texts: tuple[str, ...], timeout: float) -> None:
        wanted = [text.encode() for text in texts]
        deadline = time.monotonic() + timeout
        while not any(text in self.output for text in wanted):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"{texts!r} not drawn (exit {self.process.poll()}): {self.output[-2000:]!r}")
            self.drain(0.05)

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:  # it had ended already
            pass
        self.process.wait()
        os.close(self.primary)


def idle_cpu(command: list[str], texts: tuple[str, ...], window: float, must_show: str | None = None) -> float:
    """Percent of one core COMMAND uses over WINDOW seconds once TEXTS is drawn and start-up settled."""
    terminal = Terminal(command)
    try:
        terminal.wait_for(texts, DRAW_TIMEOUT)
        terminal.drain(SETTLE_SECONDS)
        if must_show and must_show.encode() not in terminal.output:
            raise RuntimeError(f"{must_show!r} not drawn: {terminal.output[-2000:]!r}")
        pid = terminal.process.pid
        cpu, wall = cpu_seconds(pid), time.monotonic()
        terminal.drain(window)
        cpu, wall = cpu_seconds(pid) - cpu, time.monotonic() - wall
        if terminal.process.poll() is not None:
            raise RuntimeError(f"{command[0]} ended during the idle window (exit {terminal.process.returncode})")
        return 100 * cpu / wall
    finally:
        terminal.close()


def run(quick: bool) -> None:
    from kiosk.clock import load_zone
    from kiosk.store import close_store
    from tests.bench.sales_board import sales_store

    sales, window, launches = (10_000, 3.0, 1) if quick else (SALES, WINDOW_SECONDS, LAUNCHES)
    with sales_store(sales) as store:
        close_store()  # the board is the only program on the store
        now = store.last_sale.astimezone(load_zone(store.event.time_zone)).strftime("%Y-%m-%dT%H:%M")
        note(f"idle_board: `kiosk board` on {sales:,} sales under a {COLUMNS}x{LINES} pseudo-terminal, clock at "
             f"{now}; CPU over {window:g} s after {SETTLE_SECONDS:g} s of settling, {launches} launch(es)")
        board, bare = [], []
        for _ in range(launches):
            board.append(idle_cpu([*kiosk_command(), "--db", store.base.url, "--now", now, "board"], BOARD_TEXTS,
                                  window, must_show=RANKED_TEXT))
            bare.append(idle_cpu([sys.executable, str(BARE_SCRIPT)], (IDLE_TEXT,), window))
        note("idle_board launches: board " + ", ".join(f"{p:.2f}%" for p in board)
             + "; bare " + ", ".join(f"{p:.2f}%" for p in bare))
    figure("idle_board", median(board), "% of a core", median(bare), below(2, "%"))
