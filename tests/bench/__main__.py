"""python -m tests.bench [--quick] [NAME...]: run the benchmarks, one line per figure on stdout.

Each line reads `name: value unit  (baseline: value unit, ratio R, target T)`; the baseline is
measured in the same run. Notes and the list of missed targets go to stderr.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time

from tests.bench.common import MISSED, note

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Run the benchmarks; each figure is printed beside a baseline measured in the same run.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all): "
                                                                  f"{', '.join(BENCHMARKS)}")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    started = time.perf_counter()
    for name in args.names or BENCHMARKS:
        begun = time.perf_counter()
        importlib.import_module(f"tests.bench.{name}").run(args.quick)
        note(f"{name} took {time.perf_counter() - begun:.1f} s")
    note(f"all done in {time.perf_counter() - started:.1f} s")
    for line in MISSED:
        note(f"target missed: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
