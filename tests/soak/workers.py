"""The soak's processes. Each runs one kind of terminal against the store, through the product's
use cases (and, for writers, its StoreWriter, which retries while the store fails), until the stop
file appears. A writer appends what was acknowledged to its log (flushed) before counting it; any
exception the product did not handle is written to the process's .err file.

Log lines: `checkin REQUEST_ID`, `undo CHECKIN_ID`, `sale REQUEST_ID`, `void SALE_ID`, `step N`
(each followed by `retried` when the store failed on the first try), `read N` (a reader's count, at
its end).
"""
from __future__ import annotations

import os
import queue
import random
import time
import traceback
from pathlib import Path

NOW = "2018-07-05T08:15"  # inside the small event's HARI1 list
LIST_CODE = "HARI1"
UNDO_SHARE = 0.3  # of "already checked in" scans, those the desk undoes (so people check in again)
VOID_SHARE = 0.25  # of a seller's sales, those voided later
OVERSELL_SHARE = 0.2  # of out-of-stock answers, those the seller confirms anyway
ERR_END = "-- end of traceback --\n"  # after each traceback in a .err file
OUTCOME_SECONDS = 120  # a writer waits this long for one outcome (the store may be restarting)


class Soaker:
    """What every soak process shares: its folder, its log, its .err file, the stop file."""

    def __init__(self, folder: str, name: str, url: str, seed: int):
        self.folder, self.name, self.url = Path(folder), name, url
        self.rng = random.Random(seed)
        self.log = open(self.folder / f"{name}.log", "a", buffering=1)

    def stopping(self) -> bool:
        return (self.folder / "stop").exists()

    def acknowledge(self, line: str, outcome=None) -> None:
        """Log LINE (with " retried" when the store failed on its intent's first try)."""
        retried = outcome is not None and outcome.intent.attempts > 0
        self.log.write(line + (" retried" if retried else "") + "\n")
        self.log.flush()

    def unhandled(self, error: BaseException) -> None:
        with open(self.folder / f"{self.name}.err", "a") as err:
            err.write("".join(traceback.format_exception(error)) + ERR_END)

    def open(self):
        from kiosk.clock import load_zone, parse_moment
        from kiosk.context import find_event
        from kiosk.store import STORE_ERRORS, StoreError, open_store, recover

        while True:  # a process started while the server restarts waits for it
            try:
                open_store(self.url, migrate=False)
                event = find_event()
                return event, parse_moment(NOW, load_zone(event.time_zone))
            except (StoreError, *STORE_ERRORS):
                recover()
                time.sleep(0.5)


class Writing(Soaker):
    """A terminal that records through a StoreWriter and waits for each outcome, as a person does."""

    def start_writer(self):
        from kiosk.writer import StoreWriter

        self.outcomes: queue.Queue = queue.Queue()
        self.writer = StoreWriter()
        self.writer.attach(self.outcomes.put)

    def do(self, record, at, kind: str):
        """Record one intent; its outcome (result, or refused), or None after an unhandled error."""
        from kiosk.writer import Intent

        intent = self.writer.submit(Intent(record=record, at=at, kind=kind))
        outcome = self.outcomes.get(timeout=OUTCOME_SECONDS)
        if outcome.error is not None:
            self.unhandled(outcome.error)
            return None
        return outcome


def run_guarded(body, soaker: Soaker) -> None:
    try:
        body(soaker)
    except BaseException as error:
        soaker.unhandled(error)
        raise SystemExit(1) from error
    finally:
        soaker.log.close()
    os._exit(0)  # daemon writer threads may hold a connection: leave without waiting for them


def kiosk(folder: str, name: str, url: str, seed: int, codes: list[str]) -> None:
    run_guarded(lambda s: _kiosk(s, codes), Writing(folder, name, url, seed))


def _kiosk(soaker: Writing, codes: list[str]) -> None:
    from kiosk import tokens
    from kiosk.checkin import ALREADY, WELCOME, list_by_code, scan, undo
    from kiosk.errors import Refused

    event, now = soaker.open()
    checkin_list = list_by_code(event, LIST_CODE)
    soaker.start_writer()
    while not soaker.stopping():
        code = soaker.rng.choice(codes)
        badge = tokens.sign(event.badge_secret, event.slug, code, 1)
        outcome = soaker.do(lambda intent: scan(event, checkin_list, badge, soaker.name, now, intent.request_id),
                            now, "scan")
        if outcome is None or outcome.refused is not None:
            continue
        result = outcome.result
        if result.outcome == WELCOME:
            soaker.acknowledge(f"checkin {outcome.intent.request_id}", outcome)
        elif result.outcome == ALREADY and result.checkin is not None and soaker.rng.random() < UNDO_SHARE:
            earlier = result.checkin

            def take_back(intent, earlier=earlier):
                try:
                    undo(earlier, "soak-desk", "soak", now)
                except Refused:
                    if not intent.replayed:  # a replayed undo whose first try was recorded
                        raise
            undone = soaker.do(take_back, now, "undo")
            if undone is not None and undone.refused is None:
                soaker.acknowledge(f"undo {earlier.id}", undone)


def seller(folder: str, name: str, url: str, seed: int, product_ids: list[int]) -> None:
    run_guarded(lambda s: _seller(s, product_ids), Writing(folder, name, url, seed))


def _seller(soaker: Writing, product_ids: list[int]) -> None:
    from kiosk.sales import OutOfStock, sell_product, void_sale_by_id

    event, now = soaker.open()
    soaker.start_writer()
    mine: list[int] = []  # sale ids this seller may void
    oversell = False
    while not soaker.stopping():
        if mine and soaker.rng.random() < VOID_SHARE:
            sale_id = mine.pop(soaker.rng.randrange(len(mine)))
            outcome = soaker.do(lambda intent: void_sale_by_id(sale_id, soaker.name, "soak", now, intent.replayed),
                                now, "void")
            if outcome is not None and outcome.refused is None:
                soaker.acknowledge(f"void {sale_id}", outcome)
            continue
        product_id, quantity, confirm = soaker.rng.choice(product_ids), soaker.rng.randint(1, 2), oversell
        outcome = soaker.do(lambda intent: sell_product(product_id, quantity, "cash", "", soaker.name, soaker.name,
                                                        now, intent.request_id, oversell=confirm,
                                                        replayed=intent.replayed), now, "sale")
        oversell = False
        if outcome is None:
            continue
        if isinstance(outcome.refused, OutOfStock):
            oversell = soaker.rng.random() < OVERSELL_SHARE
        elif outcome.refused is None:
            soaker.acknowledge(f"sale {outcome.intent.request_id}", outcome)
            mine.append(outcome.result.id)


def console(folder: str, name: str, url: str, seed: int) -> None:
    run_guarded(_console, Writing(folder, name, url, seed))


def _console(soaker: Writing) -> None:
    from kiosk.ceremony import step_to
    from models import LIVE

    event, now = soaker.open()
    soaker.start_writer()
    position = 0
    while not soaker.stopping():
        position = (position + 1) % 12
        outcome = soaker.do(lambda intent, p=position: step_to(event, LIVE, p, soaker.name), now, "step")
        if outcome is not None and outcome.refused is None:
            soaker.acknowledge(f"step {outcome.result.position}", outcome)
        time.sleep(0.2)  # a person pressing the next key


def board(folder: str, name: str, url: str, seed: int) -> None:
    def read(event, now):
        from kiosk.board import board_state
        from kiosk.clock import load_zone

        board_state(event, now, load_zone(event.time_zone))
    run_guarded(lambda s: _reader(s, read), Soaker(folder, name, url, seed))


def display(folder: str, name: str, url: str, seed: int) -> None:
    def read(event, now):
        from kiosk.ceremony import display_view

        display_view(event)
    run_guarded(lambda s: _reader(s, read), Soaker(folder, name, url, seed))


def _reader(soaker: Soaker, read) -> None:
    """Read as a live screen does (on a store thread, dropping the connection after a failure)."""
    from kiosk.store import STORE_ERRORS, recover

    event, now = soaker.open()
    reads = 0
    while not soaker.stopping():
        try:
            read(event, now)
            reads += 1
        except STORE_ERRORS:
            recover()
            time.sleep(0.2)
        time.sleep(0.05)  # a screen refreshes on a change signal, not in a busy loop
    soaker.acknowledge(f"read {reads}")
