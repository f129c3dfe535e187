"""python -m tests.soak [--seconds N] [--db URL|sqlite|postgresql] [--faults]

Real processes on one store (8 kiosks scanning an overlapping set of badges, 4 sellers with
last-stock products and voids, 2 boards reading, 1 award display following a console) for N
seconds; with --faults, writers are SIGKILLed at random (and started again, as systemd would) and
a PostgreSQL server the soak started itself is restarted mid-run. Then the invariants are checked
and one closing line printed; the exit status is non-zero when anything was lost, doubled or
unhandled. `--db postgresql` starts a throwaway server (tests/pgserver.py); a URL must name an
empty database.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from tests.soak import workers
from tests.soak.checks import acknowledged, check, complete_lines

KIOSKS, SELLERS, BOARDS = 8, 4, 2
BADGES = 150  # the overlapping set every kiosk scans from
LAST_STOCK = 3  # every counted product starts the run with this few left
KILL_EVERY = (1.0, 4.0)  # seconds between two SIGKILLs of a writer, at random
STOP_SECONDS = 150  # after the stop file, how long the processes have to finish what they do
KILLED = -signal.SIGKILL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak", description=__doc__.splitlines()[2])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--db", default="sqlite", help="sqlite (a temporary file), postgresql (a throwaway "
                        "server), or the URL of an empty store")
    parser.add_argument("--faults", action="store_true", help="SIGKILL writers; restart a throwaway server")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"# soak: seed {seed} (--seed {seed} repeats the random choices)", file=sys.stderr, flush=True)
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-soak-")))
        url, server = store_url(args.db, folder, stack)
        return soak(url, server, folder, args.seconds, args.faults, random.Random(seed))


def store_url(db: str, folder: Path, stack: ExitStack):
    if db == "sqlite":
        return f"sqlite:///{folder / 'kiosk.db'}", None
    if db in ("postgres", "postgresql"):
        from tests.pgserver import ThrowawayServer

        server = stack.enter_context(ThrowawayServer())
        return server.url, server
    return db, None


def prepare(url: str) -> tuple[list[str], list[int], dict[int, int]]:
    """Import the small event and the soak's attendees; (badge codes, product ids, counted stock)."""
    from kiosk.context import find_event
    from kiosk.importer import import_event
    from kiosk.store import close_store, open_store, write
    from models import Event, Product
    from tests.bench.common import SMALL_EVENT, add_attendees

    open_store(url)
    if Event.select().exists():
        raise SystemExit(f"soak: {url} already holds an event; the soak needs an empty store")
    import_event(SMALL_EVENT)
    event = find_event()
    codes = add_attendees(event, BADGES)
    with write():
        Product.update(stock=LAST_STOCK).where((Product.event == event) & Product.stock.is_null(False)).execute()
    products = dict(Product.select(Product.id, Product.stock).where(Product.event == event).tuples())
    close_store()
    return codes, sorted(products), {p: s for p, s in products.items() if s is not None}


class Fleet:
    """The soak's processes, started again when the soak kills one."""

    def __init__(self, folder: Path, url: str, rng: random.Random, codes: list[str], products: list[int]):
        self.folder, self.url, self.rng = folder, url, rng
        self.context = multiprocessing.get_context("spawn")
        self.kinds: dict[str, tuple] = {}
        for n in range(KIOSKS):
            self.kinds[f"kiosk-{n + 1}"] = (workers.kiosk, codes)
        for n in range(SELLERS):
            self.kinds[f"seller-{n + 1}"] = (workers.seller, products)
        self.kinds["console"] = (workers.console,)
        for n in range(BOARDS):
            self.kinds[f"board-{n + 1}"] = (workers.board,)
        self.kinds["display"] = (workers.display,)
        self.running: dict[str, multiprocessing.Process] = {}
        self.incarnations = {name: 0 for name in self.kinds}
        self.failed: list[str] = []  # processes that ended on their own with a non-zero status
        self.kills = 0

    def start(self, name: str) -> None:
        target, *extra = self.kinds[name]
        self.incarnations[name] += 1
        process = self.context.Process(target=target, name=name, args=(
            str(self.folder), name, self.url, self.rng.randrange(1 << 30), *extra))
        process.start()
        self.running[name] = process

    def writers(self) -> list[str]:
        return [name for name in self.kinds if not name.startswith(("board", "display"))]

    def kill_one(self) -> None:
        name = self.rng.choice(self.writers())
        process = self.running[name]
        if process.is_alive():
            os.kill(process.pid, signal.SIGKILL)
            process.join()
            self.kills += 1
        self.start(name)

    def watch(self) -> None:
        """Note processes that ended by themselves (they should run until the stop file)."""
        for name, process in list(self.running.items()):
            if not process.is_alive() and process.exitcode not in (0, KILLED):
                self.failed.append(f"{name} exited with {process.exitcode}")
                self.start(name)

    def stop(self) -> list[str]:
        (self.folder / "stop").touch()
        deadline = time.monotonic() + STOP_SECONDS
        stuck = []
        for name, process in self.running.items():
            process.join(max(0.1, deadline - time.monotonic()))
            if process.is_alive():
                stuck.append(f"{name} did not stop")
                process.kill()
                process.join()
            elif process.exitcode != 0:
                self.failed.append(f"{name} exited with {process.exitcode}")
        return stuck


def soak(url: str, server, folder: Path, seconds: float, faults: bool, rng: random.Random) -> int:
    from kiosk.store import backend_of, close_store, make_database, open_store

    codes, products, initial_stock = prepare(url)
    fleet = Fleet(folder, url, rng, codes, products)
    for name in fleet.kinds:
        fleet.start(name)
    started = time.monotonic()
    restart_at = started + seconds / 2 if faults and server is not None else None
    next_kill = started + rng.uniform(*KILL_EVERY)
    while (now := time.monotonic()) < started + seconds:
        if faults and now >= next_kill:
            fleet.kill_one()
            next_kill = now + rng.uniform(*KILL_EVERY)
        if restart_at is not None and now >= restart_at:
            restart(server)
            restart_at = None
        fleet.watch()
        time.sleep(0.1)
    stuck = fleet.stop()
    elapsed = time.monotonic() - started

    open_store(url, migrate=False)
    found = check(folder, initial_stock)
    backend = backend_of(make_database(url))
    close_store()
    errors = sorted(folder.glob("*.err"))
    unhandled = [text for err in errors for text in err.read_text().split(workers.ERR_END) if text.strip()]
    told = {err.stem for err in errors}  # a process that wrote its .err file is counted once
    unhandled += [failure for failure in fleet.failed if failure.split()[0] not in told] + stuck
    report(folder, fleet, elapsed, faults)
    for line in (found.lost + found.wrong)[:10] + found.doubled[:10] + unhandled[:5]:
        print(f"# {line}", file=sys.stderr)
    lost, doubled = len(found.lost) + len(found.wrong), len(found.doubled)
    operations = sum(len(values) for word, values in acknowledged(folder).items() if word != "read")
    operations += reads(folder)
    print(f"soak: {operations} operations, {lost} lost, {doubled} doubled, {len(unhandled)} unhandled "
          f"({backend}, {seconds:g} s, faults {'on' if faults else 'off'})", flush=True)
    if not operations:
        print("# soak: nothing was done", file=sys.stderr)
    return 1 if lost or doubled or unhandled or not operations else 0


def restart(server) -> None:
    """Restart the throwaway server (a fast shutdown: every session is cut off) while the soak runs."""
    from tests.pgserver import _require_pg_bin

    print("# soak: restarting the PostgreSQL server", file=sys.stderr, flush=True)
    began = time.monotonic()
    server._run(_require_pg_bin() / "pg_ctl", "-D", server.data_dir, "-m", "fast", "-w", "-t", "60", "restart")
    print(f"# soak: the server answers again after {time.monotonic() - began:.1f} s", file=sys.stderr, flush=True)


def reads(folder: Path) -> int:
    return sum(int(value) for value in acknowledged(folder).get("read", []))


KIND_WORDS = {"kiosk": ("checkin", "undo"), "seller": ("sale", "void"), "console": ("step",),
              "board": ("read",), "display": ("read",)}
PLURALS = {"checkin": "check-ins", "undo": "undos", "sale": "sales", "void": "voids", "step": "steps",
           "read": "reads"}


def report(folder: Path, fleet: Fleet, elapsed: float, faults: bool) -> None:
    """One line per process kind: what its processes did per second, and (writers) how often killed."""
    for kind, words in KIND_WORDS.items():
        names = [name for name in fleet.kinds if name.split("-")[0] == kind]
        counts, retried = dict.fromkeys(words, 0), 0
        for name in names:
            log = folder / f"{name}.log"
            for line in complete_lines(log) if log.exists() else []:
                word, value, *marks = line.split()
                if word in counts:
                    counts[word] += int(value) if word == "read" else 1
                    retried += "retried" in marks
        done = ", ".join(f"{n} {PLURALS[word]}" for word, n in counts.items())
        done += f" ({retried} after a retry)" if retried else ""
        restarts = sum(fleet.incarnations[name] - 1 for name in names)
        killed = f", {restarts} restarts after SIGKILL" if faults and kind in ("kiosk", "seller", "console") else ""
        print(f"soak {kind} x{len(names)}: {sum(counts.values()) / elapsed:.0f} operations/s "
              f"({done} in {elapsed:.0f} s{killed})")


if __name__ == "__main__":
    sys.exit(main())
