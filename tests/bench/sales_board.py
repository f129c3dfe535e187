"""sales_board: one board refresh (kiosk.board.board_state) on a store of 1,000,000 sales across
100 stalls (the small test event's 2 stalls plus 98 more, 10 products each), sold over the event's
two days; median of 30 refreshes after a warm-up.

The store is built fast: the sale history goes in with sqlite3 executemany in large transactions
(the sale table's indexes dropped first and made again after, with their own CREATE statements),
then the running totals the board reads (stall_total, stall_hour, product_total) are filled from
those rows with GROUP BY, as record_sale and void_sale would have left them (1 sale in 100 is void
and counts nowhere). Nothing is ANALYZEd: the product never does. Before timing, the board's
totals are checked against the sale table.

Baseline: the naive board, summing the sale table per stall
(`SELECT stall_id, SUM(total), SUM(quantity) FROM sale WHERE voided_at IS NULL GROUP BY stall_id`)
on a bare sqlite3 connection to the same file, interleaved refresh by refresh with the product.

With --db (PostgreSQL) the sale history goes in with COPY (indexes dropped and made again the same
way), the hourly totals group by date_trunc('hour', at), and the tables are then VACUUM ANALYZEd, as
the server's autovacuum does by itself after such a load; the baseline runs the same naive query
on a bare psycopg connection.
"""
from __future__ import annotations

import random
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from typing import Iterator

from tests.bench.common import BenchStore, bare_connection, below, figure, median, note, on_postgres, temp_store

STALLS = 100  # in all, the small event's two included
PRODUCTS_PER_STALL = 10
VOID_EVERY = 100  # one sale in this many is void
SOLD_OUT_EVERY = 7  # one bench product in this many is at zero stock (the board marks it)
BATCH = 50_000  # sale rows per transaction
WARMUP = 3
# The sales run 08:00-18:00 on both days of the small event (Asia/Jakarta, UTC+7).
SALE_HOURS = ((datetime(2018, 7, 5, 1, 0), 10), (datetime(2018, 7, 6, 1, 0), 10))  # UTC start, hours
METHODS = ("cash", "cash", "qris", "transfer")
SELLERS = ("penjual1", "penjual2", "penjual3")

NAIVE_BOARD = "SELECT stall_id, SUM(total), SUM(quantity) FROM sale WHERE voided_at IS NULL GROUP BY stall_id"
SALE_INSERT = (
    'INSERT INTO "sale" ("stall_id", "product_id", "quantity", "unit_price", "total", "method", "reference", '
    '"at", "seller", "terminal", "request_id", "voided_at", "voided_by", "void_reason") '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# The running totals as record_sale/void_sale keep them: live (not void) sales only.
TOTALS = (
    'DELETE FROM "stall_total"',
    'DELETE FROM "stall_hour"',
    'DELETE FROM "product_total"',
    'INSERT INTO "stall_total" ("stall_id", "revenue", "items", "sales") '
    'SELECT "stall_id", SUM("total"), SUM("quantity"), COUNT(*) FROM "sale" WHERE "voided_at" IS NULL '
    'GROUP BY "stall_id"',
    'INSERT INTO "stall_hour" ("stall_id", "hour", "revenue", "items") '
    "SELECT \"stall_id\", strftime('%Y-%m-%d %H:00:00', \"at\"), SUM(\"total\"), SUM(\"quantity\") FROM \"sale\" "
    'WHERE "voided_at" IS NULL GROUP BY 1, 2',
    'INSERT INTO "product_total" ("product_id", "revenue", "items") '
    'SELECT "product_id", SUM("total"), SUM("quantity") FROM "sale" WHERE "voided_at" IS NULL '
    'GROUP BY "product_id"',
)


@dataclass
class SalesStore:
    base: BenchStore
    sales: int
    stalls: int
    products: list  # (id, stall_id, price) of every product of the event
    last_sale: datetime  # aware, UTC

    @property
    def event(self):
        return self.base.event


@contextmanager
def sales_store(sales: int, seed: int = 2018) -> Iterator[SalesStore]:
    """A temporary store: the small event with STALLS stalls and SALES sales (totals filled); open inside."""
    with temp_store(0) as base:
        products = add_stalls(base.event)
        note(f"building {sales:,} sales over {STALLS} stalls and {len(products)} products…")
        begun = time.perf_counter()
        last_sale = add_sales(base, products, sales, random.Random(seed))
        size = "" if base.path is None else f" ({base.path.stat().st_size / 1e6:.0f} MB)"
        note(f"store built in {time.perf_counter() - begun:.1f} s{size}")
        yield SalesStore(base, sales, STALLS, products, last_sale)


def add_stalls(event) -> list[tuple[int, int, int]]:
    """Stalls up to STALLS in all, with PRODUCTS_PER_STALL products each; every product (id, stall, price)."""
    from kiosk.store import write
    from models import Institution, Product, Stall

    institutions = list(Institution.select().where(Institution.event == event).order_by(Institution.code))
    existing = Stall.select().where(Stall.event == event).count()
    with write():
        for number in range(1, STALLS - existing + 1):
            institution = institutions[number % len(institutions)] if number % 5 else None
            stall = Stall.create(event=event, code=f"S{number:03d}", name=f"Lapak Uji {number:03d}",
                                 institution=institution, location=f"Hall {number // 20 + 1}")
            Product.insert_many([
                {"event": event.id, "stall": stall.id, "code": f"S{number:03d}-{p:02d}",
                 "name": f"Produk {p:02d} lapak {number:03d}", "price": 5_000 * (1 + (number * 7 + p) % 40),
                 "stock": 0 if (number * PRODUCTS_PER_STALL + p) % SOLD_OUT_EVERY == 0 else None}
                for p in range(PRODUCTS_PER_STALL)]).execute()
    return list(Product.select(Product.id, Product.stall, Product.price).where(Product.event == event)
                .order_by(Product.id).tuples())


def sale_rows(products: list[tuple[int, int, int]], count: int, rng: random.Random) -> Iterator[list[tuple]]:
    """COUNT sale rows (SALE_INSERT's columns) in time order, BATCH at a time."""
    moments = sale_moments(count)
    weights = list(accumulate(1 + (n * 37) % 11 for n in range(len(products))))  # some sell more than others
    for start in range(0, count, BATCH):
        rows = []
        for n in range(start, min(start + BATCH, count)):
            product_id, stall_id, price = (rng.choices(products, cum_weights=weights)[0] if n % 4
                                           else products[n % len(products)])
            quantity = 1 if n % 3 else rng.randint(1, 4)
            method = METHODS[n % len(METHODS)]
            at = moments[n]
            void = n % VOID_EVERY == 50
            rows.append((stall_id, product_id, quantity, price, quantity * price, method,
                         "" if method == "cash" else f"REF{n:08d}", str(at), SELLERS[n % len(SELLERS)],
                         f"kasir-{stall_id}", uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                         str(at + timedelta(minutes=3)) if void else None,
                         "admin" if void else "", "salah input" if void else ""))
        yield rows


def add_sales(store: BenchStore, products: list[tuple[int, int, int]], count: int, rng: random.Random) -> datetime:
    """COUNT sales in time order through bare sqlite3 (psycopg's COPY on PostgreSQL), then the running
    totals by GROUP BY; the last sale's time."""
    from kiosk.store import close_store

    close_store()  # nothing else holds the store while it is written
    if on_postgres():
        add_sales_postgres(store.url, products, count, rng)
        return sale_moments(count)[-1].replace(tzinfo=timezone.utc)
    connection = bare_connection(store.path)
    try:
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sale' AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        for rows in sale_rows(products, count, rng):
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(SALE_INSERT, rows)
            connection.execute("COMMIT")
        connection.execute("BEGIN IMMEDIATE")
        for _, sql in indexes:
            connection.execute(sql)
        for sql in TOTALS:
            connection.execute(sql)
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return sale_moments(count)[-1].replace(tzinfo=timezone.utc)


SALE_COPY = ('COPY "sale" ("stall_id", "product_id", "quantity", "unit_price", "total", "method", "reference", '
             '"at", "seller", "terminal", "request_id", "voided_at", "voided_by", "void_reason") FROM STDIN')
TOTALS_POSTGRES = tuple(sql.replace("strftime('%Y-%m-%d %H:00:00', \"at\")", "date_trunc('hour', \"at\")")
                        for sql in TOTALS)


def widen_revenue(connection) -> None:
    """The running revenue columns as bigint. The product's schema has them as integer (IntegerField:
    32 bits on PostgreSQL, 64 on SQLite), and a busy stall of the million sales passes Rp2,147,483,647;
    the board reads the same rows either way, so the figure stands, but the note says so."""
    narrow = connection.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = "
        "'revenue' AND data_type = 'integer' AND table_name IN ('stall_total', 'stall_hour', 'product_total') "
        "ORDER BY table_name").fetchall()
    for (table,) in narrow:
        connection.execute(f'ALTER TABLE "{table}" ALTER COLUMN "revenue" TYPE bigint')
    if narrow:
        note(f"sales_board: the product's revenue columns ({', '.join(t for t, in narrow)}) are integer "
             f"(32 bits) on PostgreSQL, too small for a stall's revenue here (over Rp2,147,483,647): widened "
             f"to bigint for this benchmark")


def add_sales_postgres(url: str, products: list[tuple[int, int, int]], count: int, rng: random.Random) -> None:
    """As add_sales, on PostgreSQL: COPY with the sale table's indexes dropped, totals, VACUUM ANALYZE."""
    connection = bare_connection(url)
    try:
        indexes = connection.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'sale' "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)").fetchall()
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        for rows in sale_rows(products, count, rng):
            with connection.transaction(), connection.cursor().copy(SALE_COPY) as copy:
                for row in rows:
                    copy.write_row(row)
        widen_revenue(connection)
        with connection.transaction():
            for _, sql in indexes:
                connection.execute(sql)
            for sql in TOTALS_POSTGRES:
                connection.execute(sql)
        for table in ("sale", "stall_total", "stall_hour", "product_total"):
            connection.execute(f'VACUUM ANALYZE "{table}"')
    finally:
        connection.close()


def sale_moments(count: int) -> list[datetime]:
    """COUNT moments (naive UTC, whole seconds) spread evenly over the selling hours, in order."""
    seconds = [(start, hours * 3600) for start, hours in SALE_HOURS]
    total = sum(span for _, span in seconds)
    moments = []
    for n in range(count):
        offset = n * total // count
        for start, span in seconds:
            if offset < span:
                moments.append(start + timedelta(seconds=offset))
                break
            offset -= span
    return moments


def check_totals(store: SalesStore, state, naive: list[tuple[int, int, int]]) -> None:
    """The board's figures must agree with the sale table, or the timing means nothing."""
    revenue, items = sum(r for _, r, _ in naive), sum(i for _, _, i in naive)
    if (state.revenue, state.items) != (revenue, items) or not len(state.ranking) == len(naive) == store.stalls:
        raise RuntimeError(f"the board shows {state.revenue}/{state.items} over {len(state.ranking)} stalls, "
                           f"the sale table {revenue}/{items} over {len(naive)}")


def run(quick: bool) -> None:
    from kiosk.board import board_state
    from kiosk.clock import load_zone
    from kiosk.store import open_store

    sales, refreshes = (100_000, 10) if quick else (1_000_000, 30)
    with sales_store(sales) as store:
        open_store(store.base.url, migrate=False)
        zone = load_zone(store.event.time_zone)
        now = store.last_sale.astimezone(zone)
        bare = bare_connection(store.base.where)
        try:
            naive = bare.execute(NAIVE_BOARD).fetchall()
            state = board_state(store.event, now, zone)
            check_totals(store, state, naive)
            note(f"sales_board: {sales:,} sales, {len(state.ranking)} stalls, revenue Rp{state.revenue:,}, "
                 f"{len(state.hourly)} hours, {len(state.recent)} recent; {refreshes} refreshes at {now:%H:%M}")
            board_ms, naive_ms = [], []
            for n in range(WARMUP + refreshes):
                started = time.perf_counter()
                board_state(store.event, now, zone)
                board = time.perf_counter() - started
                started = time.perf_counter()
                bare.execute(NAIVE_BOARD).fetchall()
                baseline = time.perf_counter() - started
                if n >= WARMUP:
                    board_ms.append(board * 1000)
                    naive_ms.append(baseline * 1000)
        finally:
            bare.close()
    figure("sales_board", median(board_ms), "ms", median(naive_ms), below(50, "ms"))
