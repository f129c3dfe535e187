"""concurrent_checkins: 16 processes check in 16 different slices of people on one store (SQLite, or
the --db PostgreSQL database),
all started together; aggregate check-ins per second (from the first start to the last finish),
the median of three rounds.

Product: each process opens the store as the kiosk does and calls kiosk.checkin.scan with real
signed payloads. Baseline: 16 processes of bare sqlite3 (same pragmas, busy timeout) doing the
same INSERT between BEGIN IMMEDIATE and COMMIT, one row per transaction, on other people (with --db:
16 processes of bare psycopg, BEGIN, the INSERT ... RETURNING "id", NOTIFY, COMMIT).
Processes are spawned (not forked) and wait at a barrier, so start-up is not timed.
"""
from __future__ import annotations

import multiprocessing
import queue
import time

from tests.bench.common import (
    LIST_CODE, NO_TARGET, NOW, bare_checkin, bare_connection, figure, median, note, on_postgres, ratio_at_least,
    settle, temp_store, utc_text,
)

PROCESSES = 16
ROUNDS = 3  # the figure is the median round: lock contention makes single rounds noisy
BARRIER_SECONDS = 120


def kiosk_worker(url: str, payloads: list[str], barrier, results) -> None:
    from kiosk.checkin import WELCOME, list_by_code, scan
    from kiosk.clock import load_zone, parse_moment
    from kiosk.context import find_event
    from kiosk.store import close_store, open_store

    open_store(url, migrate=False)
    event = find_event()
    checkin_list = list_by_code(event, LIST_CODE)
    now = parse_moment(NOW, load_zone(event.time_zone))
    barrier.wait(BARRIER_SECONDS)
    started = time.monotonic()
    welcomed = sum(scan(event, checkin_list, payload, "bench", now).outcome == WELCOME for payload in payloads)
    results.put((started, time.monotonic(), welcomed))
    close_store()


def bare_worker(where: str, list_id: int, attendee_ids: list[int], at: str, barrier, results) -> None:
    connection = bare_connection(where)
    barrier.wait(BARRIER_SECONDS)
    started = time.monotonic()
    for attendee_id in attendee_ids:
        bare_checkin(connection, list_id, attendee_id, at)
    results.put((started, time.monotonic(), len(attendee_ids)))
    connection.close()


def run_processes(target, args_per_process: list[tuple]) -> tuple[float, int]:
    """Start one process per argument tuple, release them together; (check-ins per second, count)."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(args_per_process))
    results = context.Queue()
    processes = [context.Process(target=target, args=(*args, barrier, results)) for args in args_per_process]
    for process in processes:
        process.start()
    finished = []
    try:
        deadline = time.monotonic() + BARRIER_SECONDS * 2
        while len(finished) < len(processes):
            try:
                finished.append(results.get(timeout=0.5))
            except queue.Empty:
                failed = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
                if failed or time.monotonic() > deadline:
                    raise RuntimeError(f"{target.__name__} processes failed (exit codes {failed}) or hung")
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()
    elapsed = max(end for _, end, _ in finished) - min(start for start, _, _ in finished)
    count = sum(done for _, _, done in finished)
    return count / elapsed, count


def run(quick: bool) -> None:
    from kiosk.store import close_store

    rounds, each = (1, 30) if quick else (ROUNDS, 300)
    batch = PROCESSES * each
    with temp_store(2 * rounds * batch + 1_000) as store:
        note(f"concurrent_checkins: {PROCESSES} processes x {each} check-ins, {rounds} round(s) "
             f"alternating kiosk and bare, {len(store.codes)} attendees")
        people = store.people(2 * rounds * batch)
        list_id, at = store.checkin_list.id, utc_text(store.now())
        close_store()  # the parent holds no connection while the children write
        rates, bare_rates = [], []
        for n in range(rounds):
            kiosk_people = people[2 * n * batch:(2 * n + 1) * batch]
            bare_people = people[(2 * n + 1) * batch:(2 * n + 2) * batch]
            payloads = [store.payload(code) for code in kiosk_people]
            settle(store)
            rate, count = run_processes(kiosk_worker, [(store.url, payloads[p::PROCESSES]) for p in range(PROCESSES)])
            if count != batch:
                raise RuntimeError(f"only {count} of {batch} kiosk check-ins were welcomed")
            ids = [store.ids[code] for code in bare_people]
            settle(store)
            bare_rate, _ = run_processes(bare_worker, [
                (store.where, list_id, ids[p::PROCESSES], at) for p in range(PROCESSES)])
            note(f"concurrent_checkins round {n + 1}: kiosk {rate:.0f}/s, bare {bare_rate:.0f}/s")
            rates.append(rate)
            bare_rates.append(bare_rate)
    # On PostgreSQL the server shares the 2 cores with its 16 clients: the ratio is a figure to watch.
    target = NO_TARGET if on_postgres() else ratio_at_least(0.5)
    figure("concurrent_checkins", median(rates), "checkins/s", median(bare_rates), target)
