"""The kiosk's terminal driver: what a scanner (or a crafted QR code) types cannot stop the input.

The parser is fed directly (a fake clock for the paste's quiet time); the whole kiosk runs on a real
pseudo-terminal, as `python -m kiosk … checkin`."""
from __future__ import annotations

import hashlib
import inspect
import os
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from textual import events
from textual._parser import Parser
from textual._xterm_parser import XTermParser

from kiosk.attendees import find_by_code, payload_for
from kiosk.context import find_event
from kiosk.driver import MAX_PASTE_CHARS, PASTE_QUIET_SECONDS, GuardedParser, driver_class, input_decoder
from models import Attendee, Checkin
from screens.checkin import CheckinScreen
from tests.helpers import TEST_NOW, load_small_event, make_app

BADGE = "B:P0001:1:ABCDEFGHIJKLMNOP"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
POSIX = sys.platform != "win32"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def described(messages) -> list[tuple]:
    """Messages as plain tuples, to compare."""
    shown = []
    for message in messages:
        if isinstance(message, events.Paste):
            shown.append(("paste", message.text))
        elif isinstance(message, events.Key):
            shown.append(("key", message.key, message.character))
        else:
            shown.append((type(message).__name__,))
    return shown


def parsed(parser, *feeds: str) -> list[tuple]:
    out = []
    for data in feeds:
        out += parser.feed(data)
    return described(out)


def textual_keys(text: str) -> list[tuple]:
    """What Textual's own parser makes of TEXT."""
    return parsed(XTermParser(), text)


# ---- undecodable bytes -------------------------------------------------------------------------

def test_undecodable_bytes_are_dropped_and_the_keys_after_them_kept():
    decode = input_decoder()
    assert decode(b"\xff") == ""
    assert decode(b"\xff\xfeB:P1\xc0\r") == "B:P1\r"
    assert parsed(GuardedParser(), decode(b"\xff" + BADGE.encode() + b"\r")) == textual_keys(BADGE + "\r")


def test_a_character_split_across_reads_is_decoded_whole():
    decode = input_decoder()
    assert decode(b"\xc3") == ""
    assert decode(b"\xa9") == "é"


# ---- bracketed paste ---------------------------------------------------------------------------

def test_a_paste_left_open_comes_out_after_a_quiet_time_and_keys_are_keys_again():
    clock = FakeClock()
    parser = GuardedParser(clock=clock)
    assert parsed(parser, PASTE_START, BADGE + "\r") == []
    assert described(parser.tick()) == []
    clock.now += PASTE_QUIET_SECONDS / 2
    assert described(parser.tick()) == []
    clock.now += PASTE_QUIET_SECONDS
    assert described(parser.tick()) == [("paste", BADGE + "\r")]
    assert parsed(parser, "B:P2\r") == textual_keys("B:P2\r")
    assert parsed(parser, "\x03") == [("key", "ctrl+c", "\x03")]


def test_input_while_a_paste_is_open_keeps_it_open():
    clock = FakeClock()
    parser = GuardedParser(clock=clock)
    parsed(parser, PASTE_START, "B:P0")
    clock.now += PASTE_QUIET_SECONDS * 0.75
    parsed(parser, "001")
    clock.now += PASTE_QUIET_SECONDS * 0.75
    assert described(parser.tick()) == []
    clock.now += PASTE_QUIET_SECONDS
    assert described(parser.tick()) == [("paste", "B:P0001")]


def test_a_paste_too_long_comes_out_cut_and_the_rest_is_dropped_until_it_ends():
    parser = GuardedParser(clock=FakeClock())
    out = parsed(parser, PASTE_START + "a" * (MAX_PASTE_CHARS + 90_000) + PASTE_END, "B:P2\r")
    assert out == [("paste", "a" * MAX_PASTE_CHARS)] + textual_keys("B:P2\r")


def test_a_paste_too_long_that_never_ends_is_dropped_until_a_quiet_time():
    clock = FakeClock()
    parser = GuardedParser(clock=clock)
    assert parsed(parser, PASTE_START + "a" * (MAX_PASTE_CHARS + 3) + "\r") == [("paste", "a" * MAX_PASTE_CHARS)]
    clock.now += PASTE_QUIET_SECONDS
    assert described(parser.tick()) == []
    assert parsed(parser, "B:P2\r") == textual_keys("B:P2\r")


def test_a_paste_start_split_across_reads_is_seen():
    clock = FakeClock()
    parser = GuardedParser(clock=clock)
    assert parsed(parser, "\x1b[2", "00", "~B:P1") == []
    clock.now += PASTE_QUIET_SECONDS
    assert described(parser.tick()) == [("paste", "B:P1")]


@pytest.mark.parametrize("text", [
    PASTE_START + BADGE + "\r" + PASTE_END,
    PASTE_START + "two\nlines\x00 é 中" + PASTE_END,
    PASTE_START + PASTE_END,
    "ab" + PASTE_START + "x\x1bBy" + PASTE_END + "cd",
    PASTE_START + "a" * 3000 + PASTE_END + "\r",
])
def test_a_paste_that_ends_comes_out_as_textual_delivers_it(text):
    assert parsed(GuardedParser(), text) == textual_keys(text)
    assert parsed(GuardedParser(), *text) == textual_keys(text)  # one character per read


def test_a_paste_end_split_across_reads_ends_the_paste():
    assert parsed(GuardedParser(), PASTE_START + "B:P1\x1b[2", "01", "~x") == [("paste", "B:P1"), ("key", "x", "x")]


# ---- an ESC before a character -----------------------------------------------------------------

@pytest.mark.parametrize("character", ["B", "b", "f", "1", ":", "-", " ", "~"])
def test_an_escape_glued_to_a_printable_character_is_dropped(character):
    """Textual alone: ESC B is alt+shift+b, ESC b ctrl+left, ESC 1 '¡', ESC : a colon."""
    assert parsed(GuardedParser(), "\x1b" + character + "\r") == textual_keys(character + "\r")


def test_an_escape_before_a_whole_badge_is_dropped_even_in_another_read():
    long_badge = "B:PXXXXXXXXXXX:1234:ABCDEFGHIJKLMNOP"  # Textual alone makes its ESC a '^' key
    assert parsed(GuardedParser(), "\x1b", long_badge + "\r") == textual_keys(long_badge + "\r")


def test_two_escapes_before_a_character_are_the_escape_key_and_the_character():
    assert parsed(GuardedParser(), "\x1b\x1bB") == [("key", "escape", "\x1b"), ("key", "B", "B")]


@pytest.mark.parametrize("sequence", ["\x1b[A", "\x1bOP", "\x1b[1;5C", "\x1b[I", "\x1b\r", "\x1b\x7f", "\x1b[<0;3;4M"])
def test_escape_sequences_still_come_out_as_textual_reads_them(sequence):
    assert parsed(GuardedParser(), sequence) == textual_keys(sequence)


def test_a_lone_escape_is_the_escape_key_once_the_escape_delay_is_over():
    parser = GuardedParser()
    out = list(parser.feed("\x1b"))
    deadline = time.monotonic() + 5
    while not out and time.monotonic() < deadline:
        out += parser.tick()
    assert described(out) == [("key", "escape", "\x1b")]


# ---- the Textual it was written for ------------------------------------------------------------

# The upstream code KioskDriver copies (run_input_thread) or GuardedParser relies on: the paste and
# escape handling of XTermParser.parse, the timeout of Parser.feed and Parser.tick.
UPSTREAM_SOURCE_HASHES = {
    "textual.drivers.linux_driver.LinuxDriver.run_input_thread":
        "d796af6d69db337d6fa6bd463984f7d17188d991dbb22f60efb92a8a9619507c",
    "textual._xterm_parser.XTermParser.parse": "a5834ad1def86544712d43abd7e32d5cc4949a8896cabdde4dd8566df36e89b5",
    "textual._parser.Parser.feed": "390106cde019dd29d613fc973baaeeb32dc42ef92e4a7cbdbea8cf5aed2e3591",
    "textual._parser.Parser.tick": "44606084ad3bf7c1a27eb0e2afcb0b5752cdc1f399861006aa04c5654e87b24b",
}


def test_textual_is_the_version_the_driver_was_written_for():
    assert version("textual").startswith("8.2."), (
        f"Textual {version('textual')} is installed; kiosk/driver.py was written for 8.2.8. Re-read the "
        "upstream code it copies or relies on (UPSTREAM_SOURCE_HASHES in tests/test_driver.py), update "
        "the driver, these hashes and the textual pin in pyproject.toml.")


@pytest.mark.skipif(not POSIX, reason="LinuxDriver is for Linux and macOS")
def test_the_upstream_code_the_driver_relies_on_is_unchanged():
    from textual.drivers.linux_driver import LinuxDriver

    functions = {
        "textual.drivers.linux_driver.LinuxDriver.run_input_thread": LinuxDriver.run_input_thread,
        "textual._xterm_parser.XTermParser.parse": XTermParser.parse,
        "textual._parser.Parser.feed": Parser.feed,
        "textual._parser.Parser.tick": Parser.tick,
    }
    changed = [name for name, function in functions.items()
               if hashlib.sha256(inspect.getsource(function).encode()).hexdigest() != UPSTREAM_SOURCE_HASHES[name]]
    assert not changed, (
        f"Textual {version('textual')} changed {', '.join(changed)}. KioskDriver.run_input_thread in "
        "kiosk/driver.py is a copy of LinuxDriver.run_input_thread and GuardedParser relies on the others: "
        "compare them with the new upstream code, bring kiosk/driver.py in line, then put the new "
        "hashes in UPSTREAM_SOURCE_HASHES.")


# ---- the kiosk on a real terminal --------------------------------------------------------------

def test_the_kiosk_picks_the_driver_for_its_platform(sqlite_store):
    if POSIX:
        from kiosk.driver import KioskDriver

        assert driver_class() is KioskDriver
        assert make_app(sqlite_store, CheckinScreen).driver_class is KioskDriver
    else:
        assert driver_class() is None


REPO = Path(__file__).resolve().parent.parent
START_SECONDS = 30.0
SCAN_SECONDS = 15.0


class KioskTerminal:
    """A kiosk command on a real pseudo-terminal; what it draws is collected (and must be, or it blocks)."""

    def __init__(self, args: list[str], env: dict[str, str]):
        import fcntl
        import struct
        import termios

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=REPO, env=env,
                                        start_new_session=True)
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._collect, daemon=True)
        self._reader.start()

    def _collect(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the kiosk is gone
                return
            if not chunk:
                return
            self.output += chunk

    def type(self, data: bytes) -> None:
        os.write(self.master, data)

    def running(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        self._reader.join(5)
        os.close(self.master)


def wait_until(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds:.0f} s")
        time.sleep(0.05)


def checked_in(code: str) -> bool:
    return (Checkin.select().join(Attendee)
            .where((Attendee.code == code) & Checkin.undone_at.is_null()).exists())


def assert_still_up(kiosk: KioskTerminal, tmp_path: Path) -> None:
    """Running, and not because it restarted after a crash."""
    assert kiosk.running()
    assert not (tmp_path / "logs" / "crashes.log").exists()


def payload(code: str) -> bytes:
    event = find_event()
    return payload_for(event, find_by_code(event, code)).encode()


@pytest.fixture
def checkin_kiosk(sqlite_url, sqlite_store, tmp_path):
    """`python -m kiosk … checkin` on a pseudo-terminal over a store with the small event, ready for scans."""
    load_small_event()
    env = {**os.environ, "TERM": "xterm-256color", "KIOSK_LOG_DIR": str(tmp_path / "logs"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("TEXTUAL_DRIVER", None)
    kiosk = KioskTerminal([sys.executable, "-m", "kiosk", "--db", sqlite_url, "--now", TEST_NOW, "checkin"], env)
    try:
        wait_until(lambda: b"Scan your badge" in kiosk.output or not kiosk.running(), START_SECONDS,
                   "the check-in screen showing")
        assert kiosk.running(), kiosk.output.decode(errors="replace")[-2000:]
        yield kiosk
    finally:
        kiosk.close()


@pytest.mark.skipif(not POSIX, reason="a pseudo-terminal and LinuxDriver")
def test_a_stray_byte_and_an_unended_paste_cannot_stop_the_checkin_kiosk(checkin_kiosk, tmp_path):
    checkin_kiosk.type(b"\xff")
    checkin_kiosk.type(PASTE_START.encode())
    checkin_kiosk.type(payload("P0001") + b"\r")
    wait_until(lambda: checked_in("P0001"), SCAN_SECONDS, "P0001 checked in from the unended paste")
    checkin_kiosk.type(payload("P0002") + b"\r")
    wait_until(lambda: checked_in("P0002"), SCAN_SECONDS, "P0002 checked in from keys after the paste")
    assert_still_up(checkin_kiosk, tmp_path)


@pytest.mark.skipif(not POSIX, reason="a pseudo-terminal and LinuxDriver")
@pytest.mark.parametrize("case", [bytes.upper, bytes.lower], ids=["as printed", "caps lock on"])
def test_an_escape_just_before_a_scan_does_not_spoil_it(checkin_kiosk, tmp_path, case):
    """Textual alone makes ESC B alt+shift+b (its character kept) and ESC b ctrl+left (its character lost)."""
    checkin_kiosk.type(b"\x1b" + case(payload("P0001")) + b"\r")
    wait_until(lambda: checked_in("P0001"), SCAN_SECONDS, "P0001 checked in after an Esc")
    assert_still_up(checkin_kiosk, tmp_path)
