"""What each `kiosk` subcommand does (the options are in kiosk.cli)."""
from __future__ import annotations

import getpass
import os
import shlex
import sys
from contextlib import contextmanager
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Callable

from kiosk.errors import Phrase
from kiosk.i18n import N_, locale, long_date, number, pick, t, tn
from kiosk.importer.problems import ImportFailed
from kiosk.staff import StaffError, add_user, role_name
from kiosk.store import (
    StoreError, open_store, release_connection, store_files_open_to_others, translate_errors, without_password,
)
from kiosk.text import inert

DEMO_FOLDER = files("kiosk.demo") / "plm2018"
# Demo staff: name, role, PIN, and a seller's stall (L01 is Gunungkidul's, the article's best stall).
DEMO_USERS = (("admin", "admin", "201807", None), ("meja", "desk", "1111", None), ("lapak", "seller", "3333", "L01"))
MAX_SHOWN_PROBLEMS = 200
DEMO_START = "2018-07-05T14:30"  # the first afternoon of the demo event (stalls open since 10:00), in its zone


NO_EVENT = N_("error.event.none_yet")
USER_ADD_TERMINAL = "cli user add"  # where the admin's PIN for `kiosk user add` is counted


def complain(sentence: str) -> None:
    """SENTENCE (the catalogue's, in the command line's language) on standard error, after the program's name."""
    print(f"kiosk: {sentence}", file=sys.stderr)


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
        raise StoreError(N_("error.event.no_stall"), code=code)
    return stall


def print_problems(failed: ImportFailed) -> None:
    """Each problem as `file:line: column: reason` (the reasons are English for now), then how many,
    in the command line's language."""
    shown = sorted(failed.problems.found)
    for problem in shown[:MAX_SHOWN_PROBLEMS]:
        print(problem, file=sys.stderr)
    if len(shown) > MAX_SHOWN_PROBLEMS:
        print(t("cli.import.more_problems", n=number(len(shown) - MAX_SHOWN_PROBLEMS)), file=sys.stderr)
    complain(failed.summary())


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
        print(note)
    venues, rooms = len(plan.event.venues), sum(len(v.rooms) for v in plan.event.venues)
    counts = [
        tn("cli.count.venue", "cli.count.venues", venues, n=number(venues)),
        tn("cli.count.room", "cli.count.rooms", rooms, n=number(rooms)),
        tn("cli.count.institution", "cli.count.institutions", len(plan.institutions), n=number(len(plan.institutions))),
        tn("cli.count.attendee", "cli.count.attendees", len(plan.attendees), n=number(len(plan.attendees))),
        tn("cli.count.checkin_list", "cli.count.checkin_lists", len(plan.checkin_lists),
           n=number(len(plan.checkin_lists))),
        tn("cli.count.session", "cli.count.sessions", len(plan.sessions), n=number(len(plan.sessions))),
    ]
    print(t("cli.import.imported", name=inert(plan.event.name), slug=plan.event.slug, location=store.location,
            counts=", ".join(counts)))
    print(changes_line(tally))
    return 0


# What an import changed (the tally's keys, kiosk.importer.writer), in the catalogue.
CHANGE_KEYS = {
    "events added": N_("cli.change.events_added"), "events updated": N_("cli.change.events_updated"),
    "venues added": N_("cli.change.venues_added"), "venues updated": N_("cli.change.venues_updated"),
    "rooms added": N_("cli.change.rooms_added"), "rooms updated": N_("cli.change.rooms_updated"),
    "institutions added": N_("cli.change.institutions_added"),
    "institutions updated": N_("cli.change.institutions_updated"),
    "attendees added": N_("cli.change.attendees_added"), "attendees updated": N_("cli.change.attendees_updated"),
    "check-in lists added": N_("cli.change.checkin_lists_added"),
    "check-in lists updated": N_("cli.change.checkin_lists_updated"),
    "sessions added": N_("cli.change.sessions_added"), "sessions updated": N_("cli.change.sessions_updated"),
    "sessions updated (live changes kept)": N_("cli.change.sessions_updated_kept"),
    "assignments added": N_("cli.change.assignments_added"),
    "assignments removed": N_("cli.change.assignments_removed"),
    "stalls added": N_("cli.change.stalls_added"), "stalls updated": N_("cli.change.stalls_updated"),
    "products added": N_("cli.change.products_added"), "products updated": N_("cli.change.products_updated"),
    "award categories added": N_("cli.change.award_categories_added"),
    "award categories updated": N_("cli.change.award_categories_updated"),
    "award categories kept (revealed)": N_("cli.change.award_categories_kept"),
    "award nominees added": N_("cli.change.award_nominees_added"),
}


def changes_line(tally) -> str:
    """"Changes: assignments added 3, attendees added 4, …." in the language, alphabetical in it."""
    if not tally:
        return t("cli.import.no_changes")
    named = sorted((t(CHANGE_KEYS[what]) if what in CHANGE_KEYS else what, count) for what, count in tally.items())
    return t("cli.import.changes", changes=", ".join(f"{what} {number(count)}" for what, count in named))


ZONE_NOTE = "time_zone %s read as %s"  # kiosk.importer.event_section's note of a zone read otherwise


@contextmanager
def import_notes():
    """The notes the importer logs while it reads (on the "kiosk.importer" log: a value it read
    otherwise than written, such as the time_zone WITA read as Asia/Makassar), collected as lines in
    the command line's language (a note the catalogue does not know yet, in the log's English)."""
    import logging

    notes: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.msg == ZONE_NOTE and len(record.args or ()) == 2:
                written, zone = record.args
                notes.append(t("cli.import.note_zone", written=inert(written), zone=zone))
            else:
                notes.append(t("cli.import.note", note=inert(record.getMessage())))

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
        print(t("cli.info.store", location=store.location, backend=store.backend, version=store.schema_version))
        warn_of_open_store_files(store)
        event = find_event(args.event)
        if event is None:
            print(t("cli.info.no_event"))
        else:
            print_totals(event, event_totals(event))
        print(t("cli.info.staff_users", n=number(staff_count())))
    return 0


def warn_of_open_store_files(store) -> None:
    for path, mode in store_files_open_to_others(store):
        warning = t("cli.info.open_to_others", path=path, mode=f"{mode:o}", quoted=shlex.quote(str(path)))
        complain(warning)


# The names of institution kinds and attendee categories (models.INSTITUTION_KINDS, ATTENDEE_CATEGORIES).
KIND_KEYS = {"provincial": N_("kind.provincial"), "regency-city": N_("kind.regency-city"),
             "village-tbm": N_("kind.village-tbm"), "guest": N_("kind.guest")}
CATEGORY_KEYS = {"participant": N_("category.participant"), "vip": N_("category.vip"),
                 "press": N_("category.press"), "staff": N_("category.staff"), "speaker": N_("category.speaker")}


def kind_name(kind: str | None) -> str:
    """An institution kind's name; None (an attendee without an institution) and "none" say so."""
    if kind in KIND_KEYS:
        return t(KIND_KEYS[kind])
    return t("cli.stats.no_institution") if kind in (None, "", "none") else inert(kind)


def category_name(category: str) -> str:
    return t(CATEGORY_KEYS[category]) if category in CATEGORY_KEYS else inert(category)


def info_lines(event, totals) -> list[str]:
    """What `kiosk info` says of EVENT, in the command line's language: one "Label: value" line for
    each kind of thing it holds."""
    from babel.lists import format_list

    counts = totals.counts
    if totals.public_rooms is None:
        rooms = t("cli.info.rooms", n=number(counts.rooms))
    else:
        rooms = t("cli.info.rooms_not_public", n=number(counts.rooms), hidden=number(counts.rooms - totals.public_rooms))
    kinds = ", ".join(f"{kind_name(kind)} {number(n)}" for kind, n in counts.institutions_by_kind.items())
    categories = ", ".join(f"{category_name(category)} {number(n)}"
                           for category, n in counts.attendees_by_category.items())
    lists = ", ".join(t("cli.info.list_arrived", code=item.code, n=number(item.arrivals))
                      for item in totals.checkin_lists)
    days = [long_date(date.fromisoformat(day)) for day in event.day_list]
    n_lists = number(len(totals.checkin_lists))
    return [
        t("cli.info.event", name=inert(event.name), slug=event.slug, zone=event.time_zone),
        t("cli.info.days", days=format_list(days, locale=locale()) if days else t("cli.none")),
        t("cli.info.venues", n=number(len(counts.venues))),
        rooms,
        t("cli.info.institutions", n=number(counts.institutions), kinds=kinds),
        t("cli.info.attendees", n=number(counts.attendees), categories=categories),
        t("cli.info.lists_arrived", n=n_lists, lists=lists) if lists else t("cli.info.lists", n=n_lists),
        t("cli.info.checkins", live=number(totals.arrivals), undone=number(totals.undone_checkins)),
        t("cli.info.sessions", n=number(totals.sessions), cancelled=number(totals.cancelled_sessions)),
        t("cli.info.assignments", n=number(totals.assignments)),
        t("cli.info.stalls", n=number(totals.stalls)),
        t("cli.info.products", n=number(totals.products)),
        t("cli.info.sales", n=number(totals.sales), voided=number(totals.voided_sales)),
        t("cli.info.awards", n=number(totals.award_categories), revealed=number(totals.revealed_categories)),
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
                raise StaffError(N_("error.staff.admin_needed")) from None
            actor = authorise_admin(name, pin, USER_ADD_TERMINAL).name
        user = add_user(args.name, args.role, read_pin(args.pin_stdin), actor=actor, stall=stall,
                        while_no_admin=actor == "cli")
    role = role_name(user.role).text()
    if stall:
        print(t("cli.user.ready_stall", name=inert(user.name), role=role, stall=stall.code))
    else:
        print(t("cli.user.ready", name=inert(user.name), role=role))
    return 0


def read_admin(from_stdin: bool) -> tuple[str, str]:
    """An admin's name and PIN: the next two lines of standard input, or asked (EOFError if nothing)."""
    if from_stdin:
        return sys.stdin.readline().strip(), sys.stdin.readline().strip()
    return input(t("cli.user.admin_name")).strip(), getpass.getpass(t("cli.user.admin_pin"))


def read_pin(from_stdin: bool) -> str:
    """The new PIN: the next line of standard input, or asked twice."""
    if from_stdin:
        return sys.stdin.readline().strip()
    pin = getpass.getpass(t("cli.user.new_pin"))
    if getpass.getpass(t("cli.user.new_pin_again")) != pin:
        raise StaffError(N_("error.staff.pins_differ"))
    return pin


def run_user_list(args) -> int:
    from models import StaffUser

    store = open_store(args.db)
    with translate_errors(store.url):
        for user in StaffUser.select().order_by(StaffUser.name):
            print(f"{inert(user.name)}\t{role_name(user.role).text()}")
    return 0


def run_demo(args) -> int:
    from kiosk.clock import load_zone, parse_moment
    from kiosk.context import find_event, zone_clock
    from kiosk.demo.sales_day import seed_demo_sales
    from kiosk.importer import validate_folder
    from kiosk.importer.writer import write_plan
    from models import StaffUser

    store = open_store(args.db)
    start = args.now or os.environ.get("KIOSK_NOW") or DEMO_START
    with translate_errors(store.url):
        if find_event() is None:
            if StaffUser.select().exists():  # a store being made ready for a real event
                complain(t("cli.demo.not_empty", url=without_password(store.url)))
                return 1
            parse_moment(start, load_zone("UTC"))  # a malformed --now is refused before anything is written
            print(t("cli.demo.loading"), file=sys.stderr)
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

    def wrote(run, event) -> str:
        return tn("cli.badges.wrote", "cli.badges.wrote_plural", run.count, **files_values(run, event))

    return print_files(args, write, wrote, N_("cli.badges.cannot_write"))


def run_labels(args) -> int:
    from kiosk.labels import select_products, write_labels

    def write(event):
        return write_labels(event, select_products(event, args.stall), args.out, progress=progress_bar())

    def wrote(run, event) -> str:
        return tn("cli.labels.wrote", "cli.labels.wrote_plural", run.count, **files_values(run, event))

    return print_files(args, write, wrote, N_("cli.labels.cannot_write"))


def progress_bar():
    """A progress line on a terminal's standard error (None elsewhere), redrawn every 1%."""
    from kiosk.badges import progress_line

    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done == total or done % max(1, total // 100) == 0:
            print(f"\r{progress_line(done, total)}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def print_files(args, write, wrote: Callable, cannot_write: str) -> int:
    """Write QR files for the event (badges or labels) and say what was written where (WROTE's
    sentence; CANNOT_WRITE's key when the folder cannot be written)."""
    store = open_store(args.db)
    try:
        with translate_errors(store.url):
            event = require_event(args.event)
            run = write(event)
    except OSError as error:
        complain(t(cannot_write, path=args.out, problem=error.strerror or error))
        return 1
    print(wrote(run, event))
    return 0


def files_values(run, event) -> dict:
    """The values of the sentence saying what a badge or label run wrote."""
    return dict(n=number(run.count), name=inert(event.name), slug=event.slug, out=run.out_dir,
                manifest=run.manifest.name, sheet=run.sheet,
                pages=tn("cli.count.a4_page", "cli.count.a4_pages", run.pages, n=number(run.pages)))


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
                known = ", ".join(lst.code for lst in lists_of(event))
                raise StoreError(N_("error.event.no_list_known"), code=args.list,
                                 known=known or Phrase(N_("error.none")))
        else:
            checkin_list = open_list(event, clock.now())
        stats = arrival_stats(event, checkin_list)
    if checkin_list:
        scope = f"{inert(pick(checkin_list.name, checkin_list.name_en))} ({checkin_list.code})"
    else:
        scope = t("cli.stats.every_list")
    print(t("cli.stats.title", name=inert(event.name), slug=event.slug, scope=scope, total=number(stats.total),
            registered=number(stats.registered)))
    names = {lst.code: pick(lst.name, lst.name_en) for lst in lists_of(event)}
    print_stats_section(t("cli.stats.by_list"), [(code, inert(names.get(code, name)), count)
                                                 for code, name, count in stats.by_list])
    print_stats_section(t("cli.stats.by_kind"), [(kind_name(kind), count) for kind, count in stats.by_kind])
    print_stats_section(t("cli.stats.by_kiosk"), [(inert(terminal), count) for terminal, count in stats.by_terminal])
    most = max((count for _, count in stats.by_hour), default=0)
    bars = [(hour, count, stats_bar(count, most)) for hour, count in stats.by_hour]
    print_stats_section(t("cli.stats.by_hour", zone=clock.zone_label()), bars)
    return 0


def print_stats_section(title: str, rows: list[tuple]) -> None:
    """A blank line, the title, then the rows in aligned columns (text left, numbers right, formatted
    for the language)."""
    print()
    print(title)
    if not rows:
        print("  " + t("cli.none"))
        return
    shown = [[(number(cell), True) if isinstance(cell, int) else (str(cell), False) for cell in row] for row in rows]
    widths = [max(len(row[i][0]) for row in shown) for i in range(len(shown[0]))]
    for row in shown:
        cells = [text.rjust(width) if is_number else text.ljust(width) for (text, is_number), width in zip(row, widths)]
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
        return cannot_write(args.out, error)
    print(tn("cli.export.checkin", "cli.export.checkins", rows, n=number(rows), name=inert(event.name),
             slug=event.slug, path=args.out.resolve()))
    return 0


def cannot_write(path, error: OSError) -> int:
    complain(t("cli.cannot_write", path=path, problem=error.strerror or error))
    return 1


def run_export_sales(args) -> int:
    from kiosk.exports import export_sales

    store = open_store(args.db)
    try:
        with translate_errors(store.url):
            event = require_event(args.event)
            rows = export_sales(event, args.out)
    except OSError as error:
        return cannot_write(args.out, error)
    print(tn("cli.export.sale", "cli.export.sales", rows, n=number(rows), name=inert(event.name), slug=event.slug,
             path=args.out.resolve()))
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
            return t("cli.export.admin_not_given")
        try:
            user = login(name, pin, "cli export awards")
        except LoginRefused as refused:
            if refused.reason == "locked":
                return t("cli.export.admin_locked", name=inert(name), seconds=refused.seconds_left)
            return t("cli.export.admin_wrong")
        if user.role != "admin":
            return t("cli.export.admin_not_admin", name=inert(user.name), role=role_name(user.role).text())
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
                complain(t("cli.export.refused", why=refused))
                return 1
            rows = export_awards(event, args.out, include_unrevealed=args.all_categories)
    except OSError as error:
        return cannot_write(args.out, error)
    values = dict(n=number(rows), name=inert(event.name), slug=event.slug, path=args.out.resolve())
    if args.all_categories:
        print(tn("cli.export.winner_all", "cli.export.winners_all", rows, **values))
    else:
        print(tn("cli.export.winner_revealed", "cli.export.winners_revealed", rows, **values))
    return 0


def run_report_sales(args) -> int:
    """A day's slips. A day that is not one of the event's, with no sale made on it, gets a sentence
    naming the event's days instead of a slip of zeros per stall: asked for "today" (no --day) it is an
    answer, exit 0 (nobody erred: a script run every evening is not failing on the days between);
    a --day the event does not have is most likely mistyped, exit 1. Sales made on such a day all the
    same are never hidden: their slips follow the sentence (on standard error)."""
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
                raise ClockError(N_("error.clock.not_a_day"), day=args.day) from None
        else:
            day = clock.now().date()
        stall = find_stall(event, args.stall) if args.stall else None
        made = 0 if is_event_day(event, day) else sales_made(event, day, clock.zone, stall)
        if not is_event_day(event, day) and not made:
            sentence = not_an_event_day(event, day, clock.zone, today=not args.day)
            if args.day:
                complain(sentence)
                return 1
            print(sentence)
            return 0
        lines = slip_lines(event, day, clock.zone, day_report(event, day, clock.zone, stall))
    if made:
        complain(not_an_event_day(event, day, clock.zone, today=not args.day, made=made))
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

    return run_app(args, open_store(args.db), lambda: AwardDisplayScreen(rehearsal=args.rehearsal),
                   terminal=args.kiosk_id, check=require_event_in)


def run_serve(args) -> int:
    from kiosk.serve import run_serve

    return run_serve(args)


def require_event_in(context) -> None:
    if context.event is None:
        raise StoreError(NO_EVENT)


def run_checkin(args) -> int:
    from kiosk import outbox
    from kiosk.checkin import list_by_code
    from screens.checkin import CheckinScreen

    store = open_store(args.db)

    def check_list(context) -> None:
        require_event_in(context)
        if args.list and list_by_code(context.event, args.list) is None:
            raise StoreError(N_("error.event.no_list"), code=args.list)

    return run_app(args, store, lambda: CheckinScreen(args.list, args.bell, outbox_folder=outbox.default_folder()),
                   venue=args.venue, terminal=args.kiosk_id, check=check_list)


def run_app(args, store, first_screen: Callable, *, now=None, venue=None, terminal=None,
            badge_dir=None, check: Callable | None = None) -> int:
    from kiosk.context import build_context

    with translate_errors(store.url):
        context = build_context(store, event_slug=args.event, venue_code=venue, now=args.now or now,
                                terminal=terminal, badge_dir=badge_dir)
        if check is not None:
            check(context)
    release_connection()  # what the start read: the screens' threads take connections of their own
    app_class = kiosk_app_class()
    return run_until_done(lambda writer: app_class(context, first_screen, writer))


def kiosk_app_class():
    """KioskApp, or in a browser page (`kiosk serve`) the one with the web driver and no exit."""
    from kiosk.app import KioskApp
    from kiosk.served import ServedApp, in_a_browser

    return ServedApp if in_a_browser() else KioskApp


DRAIN_SECONDS = 5.0  # on the way out, how long what was done but not yet recorded may take
EXIT_UNRECORDED = 75  # EX_TEMPFAIL: the app ended with records the store never took


def run_until_done(make_app: Callable, run: Callable = lambda app: app.run()) -> int:
    """Run the app; after a crash on a public or display screen, start it again on the same screen
    with the same writer (so waiting scans and sales carry over), unless it keeps crashing."""
    from kiosk import i18n
    from kiosk.crashes import EXIT_CRASHING, CrashCounter, crash_log_path
    from kiosk.writer import StoreWriter
    from screens.base import STAFF

    writer, crashes = StoreWriter(), CrashCounter()
    while True:
        app = make_app(writer)
        run(app)
        i18n.follow_screens(lambda: None)  # no screen at work now: what follows is the command line's language
        if not app.return_code:
            return finish_writing(writer)
        posture = getattr(app.crashed_on, "POSTURE", STAFF)
        if posture == STAFF or crashes.crashed():
            complain(t("cli.screen_failed", path=crash_log_path()))
            finish_writing(writer)
            return EXIT_CRASHING
        complain(t("cli.screen_restarts", path=crash_log_path()))


def finish_writing(writer) -> int:
    """Give what waits for the store a last chance; say so when some of it never got there (and
    where what is kept on this machine's disk waits for the next start)."""
    from kiosk.outbox import flush_all

    if writer.drain(DRAIN_SECONDS):
        return 0
    flush_all()  # a scan is counted kept only once it is on the disk
    waiting = writer.waiting()
    for path in sorted({intent.kept_in for intent in waiting if intent.kept_in}):
        kept = [intent for intent in waiting if intent.kept_in == path]
        complain(tn("cli.unrecorded_kept", "cli.unrecorded_kept_plural", len(kept), n=number(len(kept)),
                    path=path))
    lost = [intent for intent in waiting if not intent.kept_in]
    if not lost:
        return 0
    complain(tn("cli.unrecorded", "cli.unrecorded_plural", len(lost), n=number(len(lost)),
                first=f"{lost[0].at:%Y-%m-%d %H:%M:%S}"))
    return EXIT_UNRECORDED



# What a backup counts (kiosk.backup.COUNTED_TABLES), in the catalogue.
BACKUP_TABLE_KEYS = {"event": N_("cli.backup.events"), "attendee": N_("cli.backup.attendees"),
                     "checkin": N_("cli.backup.checkins"), "sale": N_("cli.backup.sales"),
                     "staff_user": N_("cli.backup.staff_users"), "audit_entry": N_("cli.backup.audit_entries")}


def backup_counts(contents) -> str:
    return ", ".join(f"{t(BACKUP_TABLE_KEYS[table])} {number(n)}" for table, n in contents.counts.items())


def run_backup(args) -> int:
    """A checked copy of the store at --out; with --every, rolling copies in the folder --out."""
    from kiosk.backup import keep_backing_up, pg_dump_command, refuse_postgres, store_file, take_backup
    from kiosk.store import resolve_url

    url = resolve_url(args.db)
    refuse_postgres(url, N_("error.backup.postgres"), pg_dump_command(url, args.out))
    if not store_file(url).is_file():  # not made here: an empty new store is nothing to back up
        raise StoreError(N_("error.store.cannot_open"), url=url)
    store = open_store(url, migrate=False)
    try:
        if args.every is None:
            print_backup(take_backup(store, args.out), [])
            return 0
        keep_backing_up(store, args.out, args.every, args.keep, print_backup)
    except OSError as error:
        return cannot_write(args.out, error)
    return 0


def print_backup(contents, removed) -> None:
    print(t("cli.backup.written", path=contents.path, version=contents.schema_version, size=number(contents.size),
            counts=backup_counts(contents)), flush=True)
    for path in removed:
        print(t("cli.backup.removed", path=path), flush=True)


def run_restore(args) -> int:
    """Replace the store with a checked backup, unless a kiosk or another program has the store open."""
    from kiosk.backup import restore
    from kiosk.store import close_store, resolve_url

    url = resolve_url(args.db)
    contents = restore(url, args.file)
    store = open_store(url)  # a copy from an older version is brought up to date
    close_store()
    print(t("cli.restore.done", path=args.file, location=store.location, counts=backup_counts(contents)))
    return 0


def run_start(args) -> int:
    """The screen this machine's configuration names, with its settings (kiosk.config)."""
    from kiosk import cli, config

    started = cli.build_parser().parse_args(config.start_argv(args, config.current()))
    started.config = args.config
    return globals()[f"run_{started.run}"](started) or 0


LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
# What a setting is when nothing sets it, in words (kiosk config check).
UNSET_WORDS = {"event": N_("cli.config.value.latest_event"), "venue": N_("cli.config.value.none"),
               "list": N_("cli.config.value.open_list"), "now": N_("cli.config.value.real_time")}


def run_config_check(args) -> int:
    """Which file, the command this machine runs, then each setting, its value and where it came from."""
    from kiosk import config

    machine = config.current()
    print(t("cli.config.file", file=str(machine.path)) if machine.exists
          else t("cli.config.no_file", file=str(machine.path)))
    screen = config.screen_of(args, machine)
    if screen is None:
        complain(config.ConfigError(N_("error.config.no_screen"), file=str(machine.path),
                                    choices=", ".join(config.SCREENS)).text())
        return 1
    command = shlex.join(["kiosk", *(without_password(word) for word in config.start_argv(args, machine))])
    print(t("cli.config.runs", command=command))
    for setting in (*config.SETTINGS, config.NOW):
        found = config.resolve(setting, args, machine) or default_value(setting)
        if screen in setting.screens or found.source != "default":
            print(setting_line(setting, found, screen, machine))
    return check_the_store(config.start_argv(args, machine))


def check_the_store(argv: list[str]) -> int:
    """Open the store the screen would, and find its event, venue and list as the screen would."""
    from kiosk import cli
    from kiosk.checkin import list_by_code
    from kiosk.context import find_venue

    started = cli.build_parser().parse_args(argv)
    store = open_store(started.db)
    with translate_errors(store.url):
        event = require_event(started.event)
        find_venue(event, getattr(started, "venue", None))
        code = getattr(started, "list", None)
        if code and list_by_code(event, code) is None:
            raise StoreError(N_("error.event.no_list"), code=code)
        print(t("cli.config.store", location=store.location, name=inert(pick(event.name, event.name_en)),
                slug=event.slug))
    return 0


def default_value(setting):
    """What SETTING is when nothing sets it, as a config.Value of source "default" (the language: the locale's)."""
    from kiosk import config, i18n
    from kiosk.context import default_badge_dir, default_terminal
    from kiosk.store import default_url

    if setting.key == "language":
        spoken = i18n.language_from_environment(os.environ)
        named = next((name for name in LOCALE_VARIABLES if os.environ.get(name)), "LANG")
        return config.Value(spoken, "environment", named) if spoken else config.Value(i18n.DEFAULT_LANGUAGE, "default")
    known = {"db": default_url, "kiosk_id": default_terminal, "badges": default_badge_dir}
    if setting.kind == "flag":
        return config.Value(False, "default")
    value = known[setting.key]() if setting.key in known else t(UNSET_WORDS[setting.key])
    return config.Value(value, "default")


def setting_line(setting, found, screen: str, machine) -> str:
    from kiosk import config

    value = found.value
    if isinstance(value, bool):
        value = t("cli.config.value.on") if value else t("cli.config.value.off")
    source = {"command line": t("cli.config.source.command_line", option=found.detail),
              "environment": t("cli.config.source.environment", name=found.detail),
              "file": f"{machine.path}:{machine.line(found.detail)}",
              "default": t("cli.config.source.default")}[found.source]
    if screen not in setting.screens:
        source = t("cli.config.unused", source=source, screen=screen)
    shown = without_password(str(value)) if setting.kind == "url" else str(value)
    width = max(len(each.key) for each in config.SETTINGS)
    return f"  {setting.key:<{width}} {inert(shown)}  ({inert(source)})"
