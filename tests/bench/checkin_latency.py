"""checkin_latency: one badge scan through the use case (verify the token, look the person up,
insert the check-in in an IMMEDIATE transaction) on a store of 100,000 attendees.

Baseline: bare sqlite3 on the same file with the same pragmas, doing the same INSERT between
BEGIN IMMEDIATE and COMMIT (with --db: bare psycopg on the same database, BEGIN, the same INSERT
... RETURNING "id", NOTIFY, COMMIT). The two are interleaved scan by scan, so both see the same
store and the same machine load.
"""
from __future__ import annotations

import time

from tests.bench.common import bare_checkin, bare_connection, below, figure, note, percentile, temp_store, utc_text

WARMUP = 20


def run(quick: bool) -> None:
    from kiosk.checkin import WELCOME, scan

    attendees, scans = (10_000, 200) if quick else (100_000, 2_000)
    with temp_store(attendees) as store:
        note(f"checkin_latency: {attendees} attendees, {scans} scans of different people")
        people = store.people(2 * (scans + WARMUP))
        product_people, bare_people = people[0::2], people[1::2]
        event, checkin_list, now = store.event, store.checkin_list, store.now()
        at = utc_text(now)
        payloads = [store.payload(code) for code in product_people]
        bare = bare_connection(store.where)
        product_ms, bare_ms = [], []
        try:
            for n, (payload, code) in enumerate(zip(payloads, bare_people)):
                started = time.perf_counter()
                result = scan(event, checkin_list, payload, "bench", now)
                product = time.perf_counter() - started
                if result.outcome != WELCOME:
                    raise RuntimeError(f"scan {n} was not welcomed: {result.outcome} {result.reason}")
                attendee_id = store.ids[code]
                started = time.perf_counter()
                bare_checkin(bare, checkin_list.id, attendee_id, at)
                baseline = time.perf_counter() - started
                if n >= WARMUP:
                    product_ms.append(product * 1000)
                    bare_ms.append(baseline * 1000)
        finally:
            bare.close()
    figure("checkin_latency.p50", percentile(product_ms, 50), "ms", percentile(bare_ms, 50))
    figure("checkin_latency.p99", percentile(product_ms, 99), "ms", percentile(bare_ms, 99), below(5, "ms"))
