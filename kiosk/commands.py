"""What each `kiosk` subcommand does (the options are in kiosk.cli)."""
from __future__ import annotations

import getpass
import os
import shlex
import sys
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Callable

from kiosk.importer.problems import Problem
from kiosk.staff import StaffError, add_user
from kiosk.store import StoreError, open_store, store_files_open_to_others, translate_errors

DEMO_FOLDER = files("kiosk.demo") / "plm2018"
# Demo staff: name, role, PIN, and a seller's stall (L01 is Gunungkidul's, the article's best stall).
DEMO_USERS = (("admin", "admin", "201807", None), ("meja", "desk", "1111", None), ("lapak", "seller", "3333", "L01"))
MAX_SHOWN_PROBLEMS = 200
DEMO_START = "2018-07-05T14:30"  # the first afternoon of the demo event (stalls open since 10:00), in its zone


NO_EVENT = "The store has no event yet: run `kiosk import FOLDER` or `kiosk demo` first."
USER_ADD_TERMINAL = "cli user add"  # where the admin's PIN for `kiosk user add` is counted


def require_event(slug: str | None):
    from kiosk.context import find_event

    event = find_event(slug)
    if event is None:
        raise StoreError(NO_EVENT)
    return event


def find_stall(event, code: str):
    """The stall CODE names (`--stall`), in any case: stall codes are stored in upper case."""
    from kiosk.search import upper_code
    from models import Stall

    stall = Stall.get_or_none((Stall.event == event) & (Stall.code == upper_code(code)))
    if stall is None:
        raise StoreError(f"The event has no stall '{code}'.")
    return stall


def print_problems(problems: list[Problem]) -> None:
    shown = sorted(problems)
    for problem in shown[:MAX_SHOWN_PROBLEMS]:
        print(problem, file=sys.stderr)
    if len(shown) > MAX_SHOWN_PROBLEMS:
        print(f"… and {len(shown) - MAX_SHOWN_PROBLEMS} more", file=sys.stderr)
    counted = "1 problem" if len(shown) == 1 else f"{len(shown)} problems"
    print(f"kiosk: {counted} found; nothing was imported.", file=sys.stderr)


def run_import(args) -> int:
    from kiosk.context import zone_clock
    from kiosk.importer import validate_folder
    from kiosk.importer.writer import write_plan

    store = open_store(args.db)
    with translate_errors(store.url), import_notes() as notes:
        plan = validate_folder(Path(args.path))
        zone_clock(plan.event.time_zone, args.now)  # the import's audit entry, on the event's clock
        tally = write_plan(plan)
    for note in notes:
        print(f"Note: {note}.")
    print(f"Imported {plan.event.name} ({plan.event.slug}) into {store.location}: "
          f"{len(plan.event.venues)} venues, {sum(len(v.rooms) for v in plan.event.venues)} rooms, "
          f"{len(plan.institutions)} institutions, {len(plan.attendees)} attendees, "
          f"{len(plan.checkin_lists)} check-in lists, {len(plan.sessions)} sessions.")
    changes = ", ".join(f"{what} {count}" for what, count in sorted(tally.items())) or "nothing changed"
    print(f"Changes: {changes}.")
    return 0


@contextmanager
def import_notes():
    """The notes the importer logs while it reads (on the "kiosk.importer" log: a value it read
    otherwise than written, such as the time_zone WITA read as Asia/Makassar), collected as lines."""
    import logging

    notes: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            notes.append(record.getMessage())

    log, handler = logging.getLogger("kiosk.importer"), Collect(logging.INFO)
    level = log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        yield notes
    finally:
        log.removeHandler(handler)
        log.setLevel(level)


def run_info(args) -> int:
    from kiosk.context import find_event
    from kiosk.overview import event_totals, staff_count

    store = open_store(args.db)
    with translate_errors(store.url):
        print(f"Store: {store.location} ({store.backend}), schema version {store.schema_version}")
        warn_of_open_store_files(store)
        event = find_event(args.event)
        if event is None:
            print("No event yet: run `kiosk import FOLDER` or `kiosk demo`.")
        else:
            print_totals(event, event_totals(event))
        print(f"Staff users: {staff_count()}")
    return 0


def warn_of_open_store_files(store) -> None:
    for path, mode in store_files_open_to_others(store):
        print(f"kiosk: warning: {path} is open to other users (mode {mode:o}): "
              f"run `chmod o-rwx {shlex.quote(str(path))}`.", file=sys.stderr)


def info_lines(event, totals) -> list[str]:
    """What `kiosk info` says of EVENT: one "Label: value" line for each kind of thing it holds."""
    counts = totals.counts
    rooms = f"Rooms: {counts.rooms}"
    if totals.public_rooms is not None:
        rooms += f" ({counts.rooms - totals.public_rooms} of them not public)"
    kinds = ", ".join(f"{kind} {n}" for kind, n in counts.institutions_by_kind.items())
    categories = ", ".join(f"{category} {n}" for category, n in counts.attendees_by_category.items())
    lists = ", ".join(f"{item.code} {item.arrivals} checked in" for item in totals.checkin_lists)
    return [
        f"Event: {event.name} ({event.slug}), {event.time_zone}, days {', '.join(event.day_list)}",
        f"Venues: {len(counts.venues)}",
        rooms,
        f"Institutions: {counts.institutions} ({kinds})",
        f"Attendees: {counts.attendees} ({categories})",
        f"Check-in lists: {len(totals.checkin_lists)}" + (f" ({lists})" if lists else ""),
        f"Check-ins: {totals.arrivals} live, {totals.undone_checkins} undone",
        f"Sessions: {totals.sessions} ({totals.cancelled_sessions} of them cancelled)",
        f"Session assignments: {totals.assignments}",
        f"Stalls: {totals.stalls}",
        f"Products: {totals.products}",
        f"Sales: {totals.sales} ({totals.voided_sales} of them voided)",
        f"Award categories: {totals.award_categories} ({totals.revealed_categories} of them revealed)",
    ]


def print_totals(event, totals) -> None:
    for line in info_lines(event, totals):
        print(line)


def run_user_add(args) -> int:
    """Once the store has an admin, only an admin may add a user or reset one (the first admin is made
    without: there is no one to ask)."""
    from kiosk.context import find_event, make_clock
    from kiosk.staff import admin_exists, authorise_admin

    store = open_store(args.db)
    with translate_errors(store.url):
        make_clock(find_event(args.event), args.now)  # the audit entries, on the event's clock
        stall = find_stall(require_event(args.event), args.stall) if args.stall else None
        actor = "cli"
        if admin_exists():
            try:
                name, pin = read_admin(args.pin_stdin)
            except EOFError:
                raise StaffError("An admin's name and PIN are needed; nothing was changed.") from None
            actor = authorise_admin(name, pin, USER_ADD_TERMINAL).name
        user = add_user(args.name, args.role, read_pin(args.pin_stdin), actor=actor, stall=stall)
    where = f", stall {stall.code}" if stall else ""
    print(f"Staff user {user.name} ({user.role}{where}) is ready.")
    return 0


def read_admin(from_stdin: bool) -> tuple[str, str]:
    """An admin's name and PIN: the next two lines of standard input, or asked (EOFError if nothing)."""
    if from_stdin:
        return sys.stdin.readline().strip(), sys.stdin.readline().strip()
    return input("Admin name: ").strip(), getpass.getpass("Admin PIN: ")


def read_pin(from_stdin: bool) -> str:
    """The new PIN: the next line of standard input, or asked twice."""
    if from_stdin:
        return sys.stdin.readline().strip()
    pin = getpass.getpass("New PIN: ")
    if getpass.getpass("New PIN again: ") != pin:
        raise StaffError("The two PINs differ; nothing was changed.")
    return pin


def run_user_list(args) -> int:
    from models import StaffUser

    store = open_store(args.db)
    with translate_errors(store.url):
        for user in StaffUser.select().order_by(StaffUser.name):
            print(f"{user.name}\t{user.role}")
    return 0


def run_demo(args) -> int:
    from kiosk.clock import load_zone, parse_moment
    from kiosk.context import find_event, zone_clock
    from kiosk.demo.sales_day import seed_demo_sales
    from kiosk.importer import validate_folder
    from kiosk.importer.writer import write_plan

    store = open_store(args.db)
    start = args.now or os.environ.get("KIOSK_NOW") or DEMO_START
    with translate_errors(store.url):
        if find_event() is None:
            parse_moment(start, load_zone("UTC"))  # a malformed --now is refused before anything is written
            print("Loading the PLM 2018 demo into the store…", file=sys.stderr)
            plan = validate_folder(Path(str(DEMO_FOLDER)))
            zone_clock(plan.event.time_zone, start)  # what loading records is on the demo's clock
            write_plan(plan, actor="demo")
            event = find_event()
            until = parse_moment(start, load_zone(event.time_zone))  # the sales up to the clock's start
            for name, role, pin, stall in DEMO_USERS:
                add_user(name, role, pin, actor="demo", stall=find_stall(event, stall) if stall else None)
            seed_demo_sales(event, until)
    from screens.launcher import LauncherScreen

    return run_app(args, store, LauncherScreen, now=start)


def run_badges(args) -> int:
    from kiosk.badges import select_attendees, write_badges

    def write(event):
        return write_badges(event, select_attendees(event, args.codes), args.out, progress=progress_bar())

    return print_files(args, write, "badge", "code")


def run_labels(args) -> int:
    from kiosk.labels import select_products, write_labels

    def write(event):
        return write_labels(event, select_products(event, args.stall), args.out, progress=progress_bar())

    return print_files(args, write, "label", "product code")


def progress_bar():
    """A progress line on a terminal's standard error (None elsewhere), redrawn every 1%."""
    from kiosk.badges import progress_line

    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done == total or done % max(1, total // 100) == 0:
            print(f"\r{progress_line(done, total)}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def print_files(args, write, what: str, per: str) -> int:
    """Write QR files for the event (badges or labels) and say what was written where."""
    store = open_store(args.db)
    try:
        with translate_errors(store.url):
            event = require_event(args.event)
            run = write(event)
    except OSError as error:
        print(f"kiosk: cannot write {what}s to {args.out}: {error.strerror or error}.", file=sys.stderr)
        return 1
    counted = f"1 {what}" if run.count == 1 else f"{run.count} {what}s"
    pages = "1 A4 page" if run.pages == 1 else f"{run.pages} A4 pages"
    print(f"Wrote {counted} of {event.name} ({event.slug}) to {run.out_dir} (PNG and SVG per {per}, "
          f"{run.manifest.name}); print sheet ({pages}): {run.sheet}")
    return 0


STATS_BAR_WIDTH = 30


def run_stats(args) -> int:
    from kiosk.arrivals import arrival_stats
    from kiosk.checkin import list_by_code, lists_of, open_list
    from kiosk.context import make_clock

    store = open_store(args.db)
    with translate_errors(store.url):
        event = require_event(args.event)
        clock = make_clock(event, args.now)
        if args.list:
            checkin_list = list_by_code(event, args.list)
            if checkin_list is None:
                known = ", ".join(lst.code for lst in lists_of(event)) or "none"
                raise StoreError(f"The event has no check-in list '{args.list}' (lists: {known}).")
        else:
            checkin_list = open_list(event, clock.now())
        stats = arrival_stats(event, checkin_list)
    scope = f"{checkin_list.name} ({checkin_list.code})" if checkin_list else "every list"
    print(f"{event.name} ({event.slug}), {scope}: {stats.total} checked in, {stats.registered} registered")
    print_stats_section("By list", [(code, name, count) for code, name, count in stats.by_list])
    print_stats_section("By kind of institution", stats.by_kind)
    print_stats_section("By kiosk", stats.by_terminal)
    most = max((count for _, count in stats.by_hour), default=0)
    bars = [(hour, count, stats_bar(count, most)) for hour, count in stats.by_hour]
    print_stats_section(f"By hour, {clock.zone_label()}", bars)
    return 0


def print_stats_section(title: str, rows: list[tuple]) -> None:
    """A blank line, the title, then the rows in aligned columns (text left, numbers right)."""
    print()
    print(title)
    if not rows:
        print("  none")
        return
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [str(cell).rjust(width) if isinstance(cell, int) else str(cell).ljust(width)
                 for cell, width in zip(row, widths)]
        print("  " + "  ".join(cells).rstrip())


def stats_bar(count: int, most: int, width: int = STATS_BAR_WIDTH) -> str:
    """'#' characters scaled to the busiest hour; any arrival shows at least one."""
    if not count or not most:
        return ""
    return "#" * max(1, round(width * count / most))


def run_export_checkins(args) -> int:
    from kiosk.exports import export_checkins

    store = open_store(args.db)
    try:
        with translate_errors(store.url):
            event = require_event(args.event)
            rows = export_checkins(event, args.out)
    except OSError as error:
        print(f"kiosk: cannot write {args.out}: {error.strerror or error}.", file=sys.stderr)
        return 1
    counted = "1 check-in" if rows == 1 else f"{rows} check-ins"
    print(f"Wrote {counted} of {event.name} ({event.slug}) to {args.out.resolve()}")
    return 0


def run_export_sales(args) -> int:
    from kiosk.exports import export_sales

    store = open_store(args.db)
    try:
        with translate_errors(store.url):
            event = require_event(args.event)
            rows = export_sales(event, args.out)
    except OSError as error:
        print(f"kiosk: cannot write {args.out}: {error.strerror or error}.", file=sys.stderr)
        return 1
    counted = "1 sale" if rows == 1 else f"{rows} sales"
    print(f"Wrote {counted} of {event.name} ({event.slug}) to {args.out.resolve()}")
    return 0


def run_export_awards(args) -> int:
    """The winners of the revealed categories; with --all, of every category, for an admin only (the
    winners are sealed until their reveal, and the audit log says who read them)."""
    from kiosk.audit import record
    from kiosk.context import make_clock
    from kiosk.exports import export_awards
    from kiosk.staff import LoginRefused, login
    from kiosk.store import write

    def refusal() -> str | None:
        try:
            name, pin = read_admin(args.pin_stdin)
        except EOFError:
            return "--all needs an admin: no name and PIN were given"
        try:
            user = login(name, pin, "cli export awards")
        except LoginRefused as refused:
            if refused.reason == "locked":
                return f"--all needs an admin: {name} is locked for {refused.seconds_left} s after wrong PINs"
            return "--all needs an admin: wrong name or PIN"
        if user.role != "admin":
            return f"--all needs an admin: {user.name} is {user.role}"
        with write():
            record(user.name, "awards.export", event.slug, "every category, unrevealed included")
        return None

    store = open_store(args.db)
    try:
        with translate_errors(store.url):
            event = require_event(args.event)
            make_clock(event, args.now)  # the audit entries of --all, on the event's clock
            refused = refusal() if args.all_categories else None
            if refused:
                print(f"kiosk: {refused}; nothing was written.", file=sys.stderr)
                return 1
            rows = export_awards(event, args.out, include_unrevealed=args.all_categories)
    except OSError as error:
        print(f"kiosk: cannot write {args.out}: {error.strerror or error}.", file=sys.stderr)
        return 1
    counted = "1 winner" if rows == 1 else f"{rows} winners"
    which = "every category" if args.all_categories else "the revealed categories"
    print(f"Wrote {counted} of {which} of {event.name} ({event.slug}) to {args.out.resolve()}")
    return 0


def run_report_sales(args) -> int:
    """A day's slips. A day that is not one of the event's, with no sale made on it, gets a sentence
    naming the event's days instead of a slip of zeros per stall: asked for "today" (no --day) it is an
    answer, exit 0 (nobody erred: a script run every evening is not failing on the days between);
    a --day the event does not have is most likely mistyped, exit 1. Sales made on such a day all the
    same are never hidden: their slips follow the sentence (on standard error)."""
    from datetime import date

    from kiosk.clock import ClockError
    from kiosk.context import make_clock
    from kiosk.sales_report import day_report, is_event_day, not_an_event_day, sales_made, slip_lines

    store = open_store(args.db)
    with translate_errors(store.url):
        event = require_event(args.event)
        clock = make_clock(event, args.now)
        if args.day:
            try:
                day = date.fromisoformat(args.day.strip())
            except ValueError:
                raise ClockError(f"'{args.day}' is not a day such as 2018-07-05") from None
        else:
            day = clock.now().date()
        stall = find_stall(event, args.stall) if args.stall else None
        made = 0 if is_event_day(event, day) else sales_made(event, day, clock.zone, stall)
        if not is_event_day(event, day) and not made:
            sentence = not_an_event_day(event, day, clock.zone, today=not args.day)
            if args.day:
                print(f"kiosk: {sentence}", file=sys.stderr)
                return 1
            print(sentence)
            return 0
        lines = slip_lines(event, day, clock.zone, day_report(event, day, clock.zone, stall))
    if made:
        print(f"kiosk: {not_an_event_day(event, day, clock.zone, today=not args.day, made=made)}", file=sys.stderr)
    print("\n".join(lines))
    return 0


def run_staff(args) -> int:
    from screens.login import LoginScreen

    return run_app(args, open_store(args.db), LoginScreen, badge_dir=args.badges)


def run_venues(args) -> int:
    from screens.venues import VenueGuideScreen

    return run_app(args, open_store(args.db), lambda: VenueGuideScreen(public=True), venue=args.venue)


def run_directory(args) -> int:
    from screens.directory import DirectoryScreen

    return run_app(args, open_store(args.db), lambda: DirectoryScreen(args.show_assigned), venue=args.venue,
                   check=require_event_in)


def run_board(args) -> int:
    from screens.board import BoardScreen

    return run_app(args, open_store(args.db), BoardScreen, check=require_event_in)


def run_sell(args) -> int:
    from screens.login import LoginScreen
    from screens.sell import open_sell

    return run_app(args, open_store(args.db), lambda: LoginScreen(after_login=open_sell), check=require_event_in)


def run_awards_control(args) -> int:
    from screens.award_console import AwardConsoleScreen
    from screens.login import LoginScreen

    def console(user):
        return AwardConsoleScreen(user, rehearsal=args.rehearsal) if user.role in ("awards", "admin") else None

    return run_app(args, open_store(args.db), lambda: LoginScreen(after_login=console), check=require_event_in)


def run_awards_display(args) -> int:
    from screens.award_display import AwardDisplayScreen

    return run_app(args, open_store(args.db), AwardDisplayScreen, check=require_event_in)


def require_event_in(context) -> None:
    if context.event is None:
        raise StoreError(NO_EVENT)


def run_checkin(args) -> int:
    from kiosk.checkin import list_by_code
    from screens.checkin import CheckinScreen

    store = open_store(args.db)

    def check_list(context) -> None:
        require_event_in(context)
        if args.list and list_by_code(context.event, args.list) is None:
            raise StoreError(f"The event has no check-in list '{args.list}'.")

    return run_app(args, store, lambda: CheckinScreen(args.list, args.bell), venue=args.venue,
                   terminal=args.kiosk_id, check=check_list)


def run_app(args, store, first_screen: Callable, *, now=None, venue=None, terminal=None,
            badge_dir=None, check: Callable | None = None) -> int:
    from kiosk.app import KioskApp
    from kiosk.context import build_context

    with translate_errors(store.url):
        context = build_context(store, event_slug=args.event, venue_code=venue, now=args.now or now,
                                terminal=terminal, badge_dir=badge_dir)
        if check is not None:
            check(context)
    return run_until_done(lambda writer: KioskApp(context, first_screen, writer))


DRAIN_SECONDS = 5.0  # on the way out, how long what was done but not yet recorded may take
EXIT_UNRECORDED = 75  # EX_TEMPFAIL: the app ended with records the store never took


def run_until_done(make_app: Callable, run: Callable = lambda app: app.run()) -> int:
    """Run the app; after a crash on a public or display screen, start it again on the same screen
    with the same writer (so waiting scans and sales carry over), unless it keeps crashing."""
    from kiosk.crashes import EXIT_CRASHING, CrashCounter, crash_log_path
    from kiosk.writer import StoreWriter
    from screens.base import STAFF

    writer, crashes = StoreWriter(), CrashCounter()
    while True:
        app = make_app(writer)
        run(app)
        if not app.return_code:
            return finish_writing(writer)
        posture = getattr(app.crashed_on, "POSTURE", STAFF)
        if posture == STAFF or crashes.crashed():
            print(f"kiosk: the screen failed; the details are in {crash_log_path()}.", file=sys.stderr)
            finish_writing(writer)
            return EXIT_CRASHING
        print(f"kiosk: the screen failed and starts again; the details are in {crash_log_path()}.",
              file=sys.stderr)


def finish_writing(writer) -> int:
    """Give what waits for the store a last chance; say so when some of it never got there."""
    if writer.drain(DRAIN_SECONDS):
        return 0
    waiting = writer.waiting()
    print(f"kiosk: {len(waiting)} record(s) made here could not be written to the store before the exit "
          f"(the first from {waiting[0].at:%Y-%m-%d %H:%M:%S}); they are lost.", file=sys.stderr)
    return EXIT_UNRECORDED

