"""The terminal driver of the kiosks: Textual's Linux/macOS driver, made to survive what a badge scanner
(or a crafted QR code) can type.

- Bytes that are not UTF-8 are dropped: Textual's strict decoder raises, which ends its input
  thread and the app. Dropped rather than turned into U+FFFD because a U+FFFD would arrive as a
  printable key, and the check-in screen would glue it onto the next scan and reject that scan.
- A bracketed paste that never ends (`ESC [ 200 ~` without `ESC [ 201 ~`) is ended after a short
  quiet time, so what it swallowed comes out as one Paste and later keys are keys. A paste longer
  than MAX_PASTE_CHARS comes out cut there, and the rest of it is dropped (until its end, or the
  quiet time): as keys it would keep the screen busy for a minute.
- An ESC glued to the next printable character (it arrives within Textual's escape delay) is
  dropped, and the character is an ordinary key. Textual alone sends alt+shift+b for ESC B, ctrl+left
  (no character) for ESC b, `¡` for ESC 1, a colon for ESC :, and a `^` key before the characters when
  more than 31 follow the ESC within the delay. The price: no alt+key, which no kiosk screen binds
  (nor iTerm's ESC b / ESC f word jumps). Dropped rather than sent as Escape: Textual never reports
  that Escape either, and on a staff screen Escape goes back or logs out.

Written against Textual 8.2.8 (see tests/test_driver.py, which notices an upgrade).
"""
from __future__ import annotations

import os
import selectors
import sys
from codecs import getincrementaldecoder
from typing import Callable, Iterable

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._time import get_time
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message

ESC = "\x1b"
PASTE_QUIET_SECONDS = 0.4  # a paste still open after this long without input is ended
MAX_PASTE_CHARS = 4096  # a paste still open after this many characters is ended
# What may follow an ESC in the sequences Textual reads: CSI (keys, mouse, paste, reports) and SS3 (keys).
SEQUENCE_INTRODUCERS = "[O"


def input_decoder() -> Callable[..., str]:
    """An incremental UTF-8 decode(data, final=False) that drops undecodable bytes instead of raising."""
    return getincrementaldecoder("utf-8")(errors="ignore").decode


class GuardedParser(XTermParser):
    """Textual's XTerm parser, fed one character at a time so that it can end an unended paste and
    drop an ESC glued to a printable character. Everything else is left to Textual."""

    def __init__(self, debug: bool = False, *, clock: Callable[[], float] = get_time):
        self._clock = clock  # for the paste's quiet time
        self._recent = ""  # the last characters given to Textual's parser, to see a paste start
        self._paste_open = False
        self._paste_chars = 0
        self._overflowing = False  # dropping the rest of a paste that was too long
        self._overflow_tail = ""  # its last characters, to see its end sequence
        self._last_input_at = clock()
        super().__init__(debug)

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input
            return super().feed(data)
        self._last_input_at = self._clock()
        out: list[Message] = []
        for character in data:
            out += self._feed_character(character)
        return out

    def tick(self) -> Iterable[Message]:
        out = list(super().tick())
        quiet = self._clock() - self._last_input_at >= PASTE_QUIET_SECONDS
        if self._paste_open and quiet:
            out += self._end_paste()
        if self._overflowing and quiet:
            self._overflowing = False
        return out

    def _feed_character(self, character: str) -> list[Message]:
        if self._overflowing:
            self._drop_overflow(character)
            return []
        out: list[Message] = []
        if not self._paste_open and self._holding_escape() and glues_to_escape(character):
            out += self._drop_held_escape()
        out += self._pass_on(character)
        self._follow_paste(out)
        if self._paste_open and self._paste_chars >= MAX_PASTE_CHARS:
            out += self._end_paste()
            self._overflowing, self._overflow_tail = True, ""
        return out

    def _drop_overflow(self, character: str) -> None:
        self._overflow_tail = (self._overflow_tail + character)[-len(BRACKETED_PASTE_END):]
        if self._overflow_tail == BRACKETED_PASTE_END:
            self._overflowing = False

    def _pass_on(self, text: str) -> list[Message]:
        """Give TEXT to Textual's parser, and remember what it was given last."""
        out = list(super().feed(text))
        self._recent = (self._recent + text)[-len(BRACKETED_PASTE_START):]
        return out

    def _follow_paste(self, out: list[Message]) -> None:
        """Whether a paste is open, after the last character. This may think one is open when Textual's
        parser does not (ESC, a pause, then `[200~`): ending it then does nothing."""
        if any(isinstance(message, events.Paste) for message in out):
            self._paste_open = False
        elif self._paste_open:
            self._paste_chars += 1
        elif self._recent == BRACKETED_PASTE_START:
            self._paste_open, self._paste_chars = True, 0

    def _end_paste(self) -> list[Message]:
        self._paste_open = False
        return self._pass_on(BRACKETED_PASTE_END)

    def _holding_escape(self) -> bool:
        """Textual's parser got an ESC last and is waiting (its escape delay) for what follows."""
        return self._recent.endswith(ESC) and self._timeout_time is not None

    def _drop_held_escape(self) -> list[Message]:
        """End the parser's escape delay now, as its tick() would once the delay is over, and drop
        the Escape key it reports then."""
        self._timeout_time = get_time()  # the parser's deadline for the character after the ESC
        return [message for message in super().tick() if not is_escape_key(message)]


def glues_to_escape(character: str) -> bool:
    """A character that Textual would read together with an ESC just before it, though the two start
    no sequence that Textual reads."""
    return character.isprintable() and character not in SEQUENCE_INTRODUCERS


def is_escape_key(message: Message) -> bool:
    return isinstance(message, events.Key) and message.key == "escape"


if sys.platform != "win32":  # LinuxDriver needs termios
    from textual.drivers.linux_driver import LinuxDriver

    class KioskDriver(LinuxDriver):
        """LinuxDriver whose input thread decodes leniently and reads with a GuardedParser."""

        def run_input_thread(self) -> None:
            """Wait for input and dispatch events (LinuxDriver.run_input_thread of Textual 8.2.8, with
            the decoder and the parser replaced)."""
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ)

            fileno = self.fileno
            EVENT_READ = selectors.EVENT_READ

            parser = GuardedParser(self._debug)
            feed = parser.feed
            tick = parser.tick

            decode = input_decoder()
            read = os.read

            def process_selector_events(
                selector_events: list[tuple[selectors.SelectorKey, int]],
                final: bool = False,
            ) -> None:
                for last, (_selector_key, mask) in loop_last(selector_events):
                    if mask & EVENT_READ:
                        unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                        if not unicode_data:
                            # This can occur if the stdin is piped
                            break
                        for event in feed(unicode_data):
                            self.process_message(event)
                for event in tick():
                    self.process_message(event)

            try:
                while not self.exit_event.is_set():
                    process_selector_events(selector.select(0.1))
                selector.unregister(self.fileno)
                process_selector_events(selector.select(0.1), final=True)

            finally:
                selector.close()
                try:
                    for event in feed(""):
                        pass
                except (EOFError, ParseError):
                    pass


def driver_class():
    """The driver to give App(driver_class=...): KioskDriver on Linux and macOS, None (Textual's
    own choice) on Windows."""
    return None if sys.platform == "win32" else KioskDriver
