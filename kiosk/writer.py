"""One writer per terminal: what people did is recorded once and in order, off the event loop.

A scan, a sale or a staff action becomes an `Intent` with its request id and the moment it happened,
made once when the person acts. The writer's thread records intents first in, first out; while the
store does not answer it keeps the intent and tries again, so nothing a person did is lost or
recorded twice (the request id makes a retry harmless). The writer outlives the App that uses it, so
a kiosk restarted after a crash carries its waiting scans over.
"""
from __future__ import annotations

import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from kiosk.errors import Refused
from kiosk.store import STORE_ERRORS, is_disk_full, new_request_id, recover, release_connection

RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0)  # waits between tries while the store fails, then the last again


@dataclass(eq=False)
class Intent:
    """Something a person did that the store must record."""

    record: Callable[["Intent"], object]  # runs on the writer's thread; its return value is the result
    at: datetime  # when it happened, by the event clock: what the record is stamped with
    kind: str = ""  # "scan", "sale", …: what a screen counts while it waits
    on_done: Callable[["Outcome"], None] | None = None  # called on the event loop
    request_id: str = field(default_factory=new_request_id)
    attempts: int = 0  # failed tries of this intent so far
    waited: bool = False  # the store failed while this intent waited its turn
    kept_in: str = ""  # a file that keeps it too (kiosk.outbox): an exit before it is recorded loses nothing

    @property
    def replayed(self) -> bool:
        """Recorded later than the person expected (the store failed meanwhile): they have moved on,
        so nothing may be asked of them about it."""
        return self.attempts > 0 or self.waited


@dataclass(frozen=True)
class Outcome:
    intent: Intent
    result: object = None
    refused: Refused | None = None  # the use case said no (a closed list, a wrong code…)
    error: BaseException | None = None  # a fault in the program, not in the store


Deliver = Callable[[Outcome], None]
WRITERS: "weakref.WeakSet[StoreWriter]" = weakref.WeakSet()  # every writer of this process, to stop them


class StoreWriter:
    def __init__(self, retry_seconds: tuple[float, ...] = RETRY_SECONDS):
        self._queue: deque[Intent] = deque()
        self._wake = threading.Condition()
        self._retry_seconds = retry_seconds
        self._busy_since: float | None = None
        self._deliver: Deliver | None = None
        self._thread: threading.Thread | None = None
        self.failing = False  # the last try failed on the store
        self.disk_full = False  # … because the disk is full (what waits goes in once there is room)
        self._stopped = False
        WRITERS.add(self)

    def attach(self, deliver: Deliver | None) -> None:
        """Outcomes go to DELIVER (thread-safe; it hands them to an event loop); None drops them."""
        self._deliver = deliver

    def submit(self, intent: Intent) -> Intent:
        with self._wake:
            if self._stopped:
                raise RuntimeError("the writer is stopped")
            intent.waited = intent.waited or self.failing
            self._queue.append(intent)
            self._start()
            self._wake.notify()
        return intent

    def waiting(self, kind: str | None = None) -> list[Intent]:
        """The intents not recorded yet, oldest first (the one being tried included)."""
        with self._wake:
            return [intent for intent in self._queue if kind is None or intent.kind == kind]

    def busy_since(self) -> float | None:
        """When (time.monotonic) the store call under way began; None when the writer is idle."""
        return self._busy_since

    def drain(self, timeout: float) -> bool:
        """Wait until everything submitted is recorded (for tests and a clean exit); True if it was."""
        deadline = time.monotonic() + timeout
        with self._wake:
            while self._queue and time.monotonic() < deadline:
                self._wake.wait(0.05)
            return not self._queue

    def stop(self) -> list[Intent]:
        """Take nothing more and end the thread (after the call under way); what was not recorded."""
        with self._wake:
            self._stopped = True
            left, self._deliver = list(self._queue), None
            self._queue.clear()
            self._wake.notify_all()
        return left

    def join(self, timeout: float) -> bool:
        """After stop(): wait for the call under way to end; True when the thread has ended."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._queue and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                intent = self._queue[0]
            outcome = self._try(intent)
            if outcome is None:
                self._pause(intent.attempts)
                continue
            with self._wake:
                if self._queue and self._queue[0] is intent:
                    self._queue.popleft()
                self._wake.notify_all()
            self._hand_over(outcome)

    def _try(self, intent: Intent) -> Outcome | None:
        """Record INTENT once; None when the store failed and it must be tried again."""
        self._busy_since = time.monotonic()
        try:
            outcome = Outcome(intent, result=intent.record(intent))
        except Refused as refused:
            outcome = Outcome(intent, refused=refused)
        except STORE_ERRORS as failure:
            recover()
            intent.attempts += 1
            self.failing, self.disk_full = True, is_disk_full(failure)
            with self._wake:
                for waiting in self._queue:
                    waiting.waited = True
            return None
        except Exception as error:  # a bug: reported to the app, never retried forever
            outcome = Outcome(intent, error=error)
        finally:
            self._busy_since = None
            release_connection()
        self.failing = self.disk_full = False
        return outcome

    def _pause(self, attempts: int) -> None:
        time.sleep(self._retry_seconds[min(attempts, len(self._retry_seconds)) - 1])

    def _hand_over(self, outcome: Outcome) -> None:
        deliver = self._deliver
        if deliver is None:
            return
        try:
            deliver(outcome)
        except RuntimeError:  # the app's loop has closed: the record stands, nobody is waiting
            pass
