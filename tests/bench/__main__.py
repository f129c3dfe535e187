"""python -m tests.bench [--quick] [--db postgresql://...] [NAME...]: run the benchmarks, one line
per figure on stdout.

With --db the store benchmarks (POSTGRES_BENCHMARKS) run on that PostgreSQL database, each beside
bare psycopg doing the same statements; the database is emptied before and after each one.

Each line reads `name: value unit  (baseline: value unit, ratio R, target T)`; the baseline is
measured in the same run. Notes and the list of missed targets go to stderr.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time

from tests.bench import common
from tests.bench.common import MISSED, is_postgres_url, note

BENCHMARKS = (
    "checkin_latency",
    "scan_to_welcome",
    "frame_time",
    "concurrent_checkins",
    "kiosk_startup",
    "kiosk_memory",
    "badges",
    "directory",
    "sales_board",
    "concurrent_sales",
    "idle_board",
    "idle_display",
)
# The store benchmarks, which also run on PostgreSQL (--db); the others measure screens and files.
POSTGRES_BENCHMARKS = ("checkin_latency", "concurrent_checkins", "concurrent_sales", "sales_board")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Run the benchmarks; each figure is printed beside a baseline measured in the same run.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all): "
                                                                  f"{', '.join(BENCHMARKS)}")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--db", metavar="URL", help=f"run the store benchmarks ({', '.join(POSTGRES_BENCHMARKS)}) "
                                                    "on this PostgreSQL database, which they empty")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    if args.db is not None:
        if not is_postgres_url(args.db):
            parser.error(f"--db takes a postgresql:// URL, not {args.db!r} (without --db the store is SQLite)")
        sqlite_only = [name for name in args.names if name not in POSTGRES_BENCHMARKS]
        if sqlite_only:
            parser.error(f"{', '.join(sqlite_only)} run on SQLite only; with --db choose from "
                         f"{', '.join(POSTGRES_BENCHMARKS)}")
        common.DB_URL = args.db
        note(f"store: PostgreSQL at {args.db.split('@')[-1]} (emptied before and after each benchmark)")
    started = time.perf_counter()
    for name in args.names or (POSTGRES_BENCHMARKS if args.db else BENCHMARKS):
        begun = time.perf_counter()
        importlib.import_module(f"tests.bench.{name}").run(args.quick)
        note(f"{name} took {time.perf_counter() - begun:.1f} s")
    note(f"all done in {time.perf_counter() - started:.1f} s")
    for line in MISSED:
        note(f"target missed: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
