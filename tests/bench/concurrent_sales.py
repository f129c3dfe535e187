"""concurrent_sales: 8 processes record 500 sales each on one store (SQLite, or the --db PostgreSQL
database), all started together;
aggregate sales per second (from the first start to the last finish), the median of three rounds.

Product: each process opens the store as a selling kiosk does and calls kiosk.sales.record_sale on
products of its own (no two processes sell the same product; none has a stock count), so every sale
is one IMMEDIATE transaction: the sale row plus the stall_total, stall_hour and product_total
upserts. After each round every sale must be there and the running totals exact: stall_total,
stall_hour and product_total equal, row for row, the sums of the live sales (noted on stderr).

Baseline: 8 processes of bare sqlite3 (the product's pragmas and busy timeout) running the same four
statements (kiosk.sales' own SQL text) between BEGIN IMMEDIATE and COMMIT, one sale per transaction,
on other products (with --db: bare psycopg, BEGIN, the sale INSERT ... RETURNING "id" as the product
sends it, the three upserts, NOTIFY, COMMIT). Processes are spawned (not forked) and wait at a barrier,
so start-up is not timed.
"""
from __future__ import annotations

import time
import uuid

from tests.bench.common import (
    NO_TARGET, bare_begin, bare_commit, bare_connection, bare_sql, figure, is_sqlite, median, note, settle,
    temp_store,
)
from tests.bench.concurrent_checkins import run_processes

PROCESSES = 8
ROUNDS = 3  # the figure is the median round: lock contention makes single rounds noisy
SALE_NOW = "2018-07-05T10:15"  # in the event's zone; every sale of the run falls in one hour
METHODS = ("cash", "qris", "transfer")


def sale_plan(count: int, seed: int) -> list[tuple[int, str]]:
    """(quantity, method) of each of COUNT sales: the same mix for the product and the baseline."""
    return [(1 + (n * 7 + seed) % 3, METHODS[(n + seed) % len(METHODS)]) for n in range(count)]


def kiosk_worker(url: str, product_ids: list[int], count: int, tag: str, seed: int, barrier, results) -> None:
    from kiosk.clock import load_zone, parse_moment
    from kiosk.context import find_event
    from kiosk.sales import record_sale
    from kiosk.store import close_store, open_store
    from models import Product

    open_store(url, migrate=False)
    event = find_event()
    now = parse_moment(SALE_NOW, load_zone(event.time_zone))
    products = [Product.get_by_id(product_id) for product_id in product_ids]
    plan = sale_plan(count, seed)
    barrier.wait(120)
    started = time.monotonic()
    recorded = 0
    for n, (quantity, method) in enumerate(plan):
        result = record_sale(products[n % len(products)], quantity, method, "" if method == "cash" else f"R{n}",
                             "bench-seller", tag, now)
        recorded += not result.retried
    results.put((started, time.monotonic(), recorded))
    close_store()


def bare_worker(where: str, statements: dict[str, str], products: list[tuple[int, int, int]], count: int,
                tag: str, seed: int, at: str, hour: str, barrier, results) -> None:
    connection = bare_connection(where)
    sale_sql = statements["sale"] if is_sqlite(connection) else statements["sale"] + ' RETURNING "id"'
    plan = sale_plan(count, seed)
    barrier.wait(120)
    started = time.monotonic()
    for n, (quantity, method) in enumerate(plan):
        product_id, stall_id, price = products[n % len(products)]
        total = quantity * price
        bare_begin(connection)
        connection.execute(sale_sql, (stall_id, product_id, quantity, price, total, method,
                                                "" if method == "cash" else f"R{n}", at, "bench-seller", tag,
                                                uuid.uuid4().hex, "", "", ""))
        connection.execute(statements["stall_total"], (stall_id, total, quantity, 1))
        connection.execute(statements["stall_hour"], (stall_id, hour, total, quantity))
        connection.execute(statements["product_total"], (product_id, total, quantity))
        bare_commit(connection)
    results.put((started, time.monotonic(), count))
    connection.close()


# ---- the checks --------------------------------------------------------------------------------

LIVE_BY_STALL = ('SELECT "stall_id", SUM("total"), SUM("quantity"), COUNT(*) FROM "sale" '
                 'WHERE "voided_at" IS NULL GROUP BY "stall_id"')
LIVE_BY_HOUR = ("SELECT \"stall_id\", strftime('%Y-%m-%d %H:00:00', \"at\"), SUM(\"total\"), SUM(\"quantity\") "
                'FROM "sale" WHERE "voided_at" IS NULL GROUP BY 1, 2')
LIVE_BY_HOUR_POSTGRES = ('SELECT "stall_id", date_trunc(\'hour\', "at"), SUM("total"), SUM("quantity") '
                         'FROM "sale" WHERE "voided_at" IS NULL GROUP BY 1, 2')
LIVE_BY_PRODUCT = ('SELECT "product_id", SUM("total"), SUM("quantity") FROM "sale" WHERE "voided_at" IS NULL '
                   'GROUP BY "product_id"')
TOTALS = {
    "stall_total": ('SELECT "stall_id", "revenue", "items", "sales" FROM "stall_total" '
                    'WHERE "revenue" != 0 OR "items" != 0 OR "sales" != 0', LIVE_BY_STALL),
    "stall_hour": ('SELECT "stall_id", "hour", "revenue", "items" FROM "stall_hour" '
                   'WHERE "revenue" != 0 OR "items" != 0', LIVE_BY_HOUR),
    "product_total": ('SELECT "product_id", "revenue", "items" FROM "product_total" '
                      'WHERE "revenue" != 0 OR "items" != 0', LIVE_BY_PRODUCT),
}


def check_round(where: str, tag: str, expected: int) -> str:
    """Every sale of TAG recorded and the running totals exact, or RuntimeError; a line saying so."""
    connection = bare_connection(where)
    try:
        (count,) = connection.execute(bare_sql(connection, 'SELECT COUNT(*) FROM "sale" WHERE "terminal" = ?'),
                                      (tag,)).fetchone()
        if count != expected:
            raise RuntimeError(f"{count} of {expected} sales of {tag} are in the store")
        for table, (kept_sql, live_sql) in TOTALS.items():
            kept = sorted(tuple(row) for row in connection.execute(kept_sql))
            if table == "stall_hour" and not is_sqlite(connection):
                live_sql = LIVE_BY_HOUR_POSTGRES
            live = sorted(tuple(row) for row in connection.execute(live_sql))
            if kept != live:
                wrong = sorted(set(kept) ^ set(live))[:5]
                raise RuntimeError(f"{table} is not the sum of the sales: first differences {wrong}")
        stalls, revenue, items, sales = connection.execute(
            'SELECT COUNT(*), SUM("revenue"), SUM("items"), SUM("sales") FROM "stall_total"').fetchone()
        round_sql = bare_sql(connection, 'SELECT SUM("total") FROM "sale" WHERE "terminal" = ?')
        (round_revenue,) = connection.execute(round_sql, (tag,)).fetchone()
    finally:
        connection.close()
    return (f"{count}/{expected} sales recorded (Rp{round_revenue:,}); StallTotal exact on {stalls} stalls "
            f"(Rp{revenue:,}, {items:,} items, {sales:,} sales in the store), StallHour and ProductTotal exact")


def sale_products(event) -> list[tuple[int, int, int]]:
    """Every product of the event with no stock count: (id, stall id, price)."""
    from models import Product

    return list(Product.select(Product.id, Product.stall, Product.price)
                .where((Product.event == event) & Product.stock.is_null()).order_by(Product.id).tuples())


def run(quick: bool) -> None:
    from kiosk.clock import load_zone, parse_moment
    from kiosk.clock import to_utc
    from kiosk.sales import _statements
    from kiosk.store import close_store
    from tests.bench.sales_board import add_stalls

    rounds, each = (1, 50) if quick else (ROUNDS, 500)
    batch = PROCESSES * each
    with temp_store(0) as store:
        add_stalls(store.event)
        products = sale_products(store.event)
        at = to_utc(parse_moment(SALE_NOW, load_zone(store.event.time_zone)))
        at_text, hour_text = str(at), str(at.replace(minute=0, second=0, microsecond=0))
        statements = _statements("?" if store.path is not None else "%s")
        note(f"concurrent_sales: {PROCESSES} processes x {each} sales, {rounds} round(s) alternating kiosk "
             f"and bare, {len(products)} products without stock in {len({s for _, s, _ in products})} stalls")
        close_store()  # the parent holds no connection while the children write
        rates, bare_rates = [], []
        half = len(products) // 2  # the product sells the first half, the baseline the second
        for n in range(rounds):
            tag = f"bench-kiosk-{n + 1}"
            settle(store)
            rate, count = run_processes(kiosk_worker, [
                (store.url, [p for p, _, _ in products[:half][p::PROCESSES]], each, tag, p)
                for p in range(PROCESSES)])
            note(f"concurrent_sales round {n + 1}, kiosk: {check_round(store.where, tag, batch)}")
            bare_tag = f"bench-bare-{n + 1}"
            settle(store)
            bare_rate, _ = run_processes(bare_worker, [
                (store.where, statements, products[half:][p::PROCESSES], each, bare_tag, p, at_text, hour_text)
                for p in range(PROCESSES)])
            check_round(store.where, bare_tag, batch)
            note(f"concurrent_sales round {n + 1}: kiosk {rate:.0f}/s, bare {bare_rate:.0f}/s")
            rates.append(rate)
            bare_rates.append(bare_rate)
    figure("concurrent_sales", median(rates), "sales/s", median(bare_rates), NO_TARGET)
