"""`kiosk staff` as an SSH session runs it: a real process on a pseudo-terminal of 80x24, with
TERM=linux and with TERM=xterm-256color, its screen read by the pyte terminal emulator. A login and a
desk check-in typed as keys; a connection dropped mid-session (the pty closed, SIGHUP) leaves nothing
half-done and the process ends."""
from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path
from typing import Callable

import pyte
import pytest

from kiosk.store import close_store, open_store
from models import Checkin
from tests.helpers import DESK_PIN, TEST_NOW, load_small_event

ROOT = Path(__file__).resolve().parent.parent
COLUMNS, LINES = 80, 24
DEADLINE_SECONDS = 20.0  # a process start-up (imports, migrations check) on a busy 2-core machine
ENTER = b"\r"
# What each terminal sends for F2: the Linux console its own sequence, xterm its SS3 one.
F2 = {"linux": b"\x1b[[B", "xterm-256color": b"\x1bOQ"}


class Session:
    """One `kiosk COMMAND…` (by default `kiosk staff`) on the slave side of a pty; the test holds the
    master, as sshd (or the console) would."""

    def __init__(self, db_url: str, term: str, badges: Path | None = None, command: list[str] | None = None,
                 now: str = TEST_NOW, env: dict | None = None):
        self.term = term
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        command = command or ["staff", "--badges", str(badges)]
        argv = [sys.executable, "-m", "kiosk", "--db", db_url, "--now", now, *command]
        environ = {key: value for key, value in os.environ.items() if not key.startswith(("KIOSK_", "TEXTUAL"))}
        environ.update(TERM=term, LANG="C.UTF-8", PYTHONPATH=str(ROOT), **(env or {}))
        self.pid, self.master = pty.fork()
        if self.pid == 0:  # the child: the pty is its controlling terminal, as under sshd
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
                os.chdir(ROOT)
                os.execve(sys.executable, argv, environ)
            finally:
                os._exit(127)
        self.status: int | None = None

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _read(self, timeout: float) -> None:
        if self.master < 0:
            return
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child closed its side
                chunk = b""
            if chunk:
                self.stream.feed(chunk)

    def wait_until(self, shown: Callable[[], bool], what: str, seconds: float = DEADLINE_SECONDS) -> str:
        """Read the terminal until SHOWN() holds; the screen then."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read(0.05)
            if shown():
                return self.text()
            if self.exited():
                break
        raise AssertionError(f"{what} did not appear ({self.term}) on:\n{self.text()}")

    def wait_for(self, pattern: str, seconds: float = DEADLINE_SECONDS) -> str:
        """Read the terminal until PATTERN (a regular expression) is on the screen; the screen then."""
        return self.wait_until(lambda: re.search(pattern, self.text()) is not None, repr(pattern), seconds)

    def wait_for_field(self, label: str) -> None:
        """Until the field under LABEL has the focus: Textual puts the terminal's (hidden) cursor on
        the cursor of the focused input, inside the box drawn on the two lines below its label."""
        def focused() -> bool:
            rows = [y for y, line in enumerate(self.screen.display) if re.search(rf"│\s+{label}\s+│", line)]
            return bool(rows) and self.screen.cursor.y == rows[0] + 2
        self.wait_until(focused, f"the focus on {label!r}")

    def type(self, data: bytes) -> None:
        os.write(self.master, data)

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def wait_for_exit(self, seconds: float = DEADLINE_SECONDS) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read(0.05)
            if self.exited():
                return self.status
        raise AssertionError(f"kiosk staff ({self.term}) still running {seconds:.0f} s later")

    def hang_up(self) -> None:
        """The SSH connection drops: sshd closes the pty's master, the session gets SIGHUP."""
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        if self.master >= 0:
            os.close(self.master)


@pytest.fixture
def small_event_file(sqlite_url):
    """The tests' small event (with the desk user meja) in a SQLite file, closed for the session to open."""
    open_store(sqlite_url)
    load_small_event()
    close_store()
    return sqlite_url


@pytest.fixture(params=["linux", "xterm-256color"])
def session(request, small_event_file, tmp_path):
    running = Session(small_event_file, request.param, tmp_path / "badges")
    yield running
    running.close()


def log_in_to_the_desk(session: Session, code: str = "P0002", name: str = "Bambang Sutrisno") -> None:
    session.wait_for(r"PIN")
    session.type(b"meja" + ENTER)
    session.wait_for_field("PIN")  # keys typed before the focus moves would go to the name
    session.type(DESK_PIN.encode())
    session.wait_for(r"•{4}")  # the PIN, shown as dots
    session.type(ENTER)
    session.wait_for(r"Keluar|Meja")  # the hub: the desk is its first entry for the desk role
    session.type(ENTER)
    session.wait_for(r"Hari 1: 0 sudah hadir")
    session.type(code.encode())
    session.wait_for(name)
    session.type(ENTER)  # from the search to the table, on its first row


def checkins(db_url: str) -> list[Checkin]:
    open_store(db_url)
    try:
        return list(Checkin.select())
    finally:
        close_store()


def test_a_staff_session_logs_in_and_checks_someone_in_by_hand(session, small_event_file):
    log_in_to_the_desk(session)
    session.type(F2[session.term])
    session.wait_for(r"[Aa]lasan")
    session.type(b"badge lost" + ENTER)
    # The count and the row are drawn in separate frames: the test waits for the screen showing both.
    session.wait_for(r"Hari 1: 1 sudah hadir(.|\n)*P0002 +Bambang Sutrisno +✓ 08:15")
    [checkin] = checkins(small_event_file)
    assert (checkin.method, checkin.terminal, checkin.reason) == ("manual", "meja", "badge lost")
    session.type(b"\x11")  # ctrl+q: a staff screen quits
    assert session.wait_for_exit() == 0


def test_a_dropped_connection_mid_check_in_leaves_nothing_and_the_process_ends(session, small_event_file):
    log_in_to_the_desk(session)
    session.type(F2[session.term])
    session.wait_for(r"[Aa]lasan")
    session.type(b"badge lo")  # the reason half typed when the line drops
    session.hang_up()
    session.wait_for_exit()
    assert checkins(small_event_file) == []


def test_a_connection_dropped_right_after_the_check_in_leaves_it_whole_or_not_at_all(session, small_event_file):
    log_in_to_the_desk(session)
    session.type(F2[session.term])
    session.wait_for(r"[Aa]lasan")
    session.type(b"badge lost" + ENTER)
    session.hang_up()
    session.wait_for_exit()
    recorded = checkins(small_event_file)
    assert len(recorded) <= 1
    for checkin in recorded:
        assert (checkin.method, checkin.terminal, checkin.reason) == ("manual", "meja", "badge lost")


def test_two_sessions_of_the_same_staff_member_work_side_by_side(small_event_file, tmp_path):
    sessions = [Session(small_event_file, term, tmp_path / term) for term in F2]
    try:
        for running, (code, name) in zip(sessions, [("P0001", "Sri Wahyuni"), ("P0002", "Bambang Sutrisno")]):
            log_in_to_the_desk(running, code, name)
        for running in sessions:
            running.type(F2[running.term])
            running.wait_for(r"[Aa]lasan")
            running.type(b"badge lost" + ENTER)
        for running in sessions:  # each desk counts its own check-in and the other's (a live screen)
            running.wait_for(r"Hari 1: 2 sudah hadir")
        assert sorted(checkin.attendee.code for checkin in checkins_with_people(small_event_file)) == ["P0001", "P0002"]
    finally:
        for running in sessions:
            running.close()


def checkins_with_people(db_url: str) -> list[Checkin]:
    from models import Attendee

    open_store(db_url)
    try:
        return list(Checkin.select(Checkin, Attendee).join(Attendee))
    finally:
        close_store()
