"""The `kiosk` command: its options and subcommands. The work is done in kiosk.commands."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

LANGUAGES = ("id", "en")
ROLES = ("desk", "seller", "awards", "admin")
INTERVAL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}  # kiosk backup --every
PRIVATE_UMASK = 0o007  # what the program makes is for its owner and group (kiosks may share a group)


def common_options(suppress: bool) -> argparse.ArgumentParser:
    """Options every level takes; on subcommands they default to 'not given' so either place works."""
    default = argparse.SUPPRESS if suppress else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", metavar="URL", default=default,
                        help="store URL: sqlite:///PATH or postgresql://USER@HOST/NAME (default: $KIOSK_DB, "
                             "else a SQLite file in the user data folder)")
    parser.add_argument("--now", metavar="ISO-TIME", default=default,
                        help="start the clock at this time, read in the event's zone (default: $KIOSK_NOW)")
    parser.add_argument("--lang", choices=LANGUAGES, default=default,
                        help="the language of the screens and of this command's output and errors (default: "
                             "the machine's configuration, else $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG, "
                             "else id)")
    parser.add_argument("--event", metavar="SLUG", default=default,
                        help="which event of the store (default: the latest imported)")
    parser.add_argument("--config", metavar="PATH", default=default,
                        help="this machine's configuration, kiosk.toml (default: $KIOSK_CONFIG, else "
                             "kiosk.toml in the site config folder, /etc/xdg/event-kiosk/ on Linux)")
    return parser


def machine_options() -> argparse.ArgumentParser:
    """`kiosk start` and `kiosk config check`: the settings of kiosk.toml, given on the command line."""
    from kiosk.config import SCREENS

    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--screen", choices=SCREENS, help="the screen to run (default: the file's screen)")
    parser.add_argument("--kiosk-id", metavar="ID", help="checkin, awards display: this machine's name")
    parser.add_argument("--venue", metavar="CODE", help="checkin, directory, venues: the venue it stands in")
    parser.add_argument("--list", metavar="CODE", help="checkin: the check-in list")
    parser.add_argument("--bell", action=argparse.BooleanOptionalAction, default=None,
                        help="checkin: ring the terminal bell")
    parser.add_argument("--show-assigned", action=argparse.BooleanOptionalAction, default=None,
                        help="directory: show who is assigned to a session in its detail")
    parser.add_argument("--rehearsal", action=argparse.BooleanOptionalAction, default=None,
                        help="awards display: a display for rehearsals")
    parser.add_argument("--badges", metavar="DIR", help="staff: where the desk writes the badges it issues")
    return parser


def build_parser() -> argparse.ArgumentParser:
    common = common_options(suppress=True)
    parser = argparse.ArgumentParser(
        prog="kiosk", parents=[common_options(suppress=False)],
        description="Event kiosks on one shared store: check-in, directory, sales board, award reveal.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = commands.add_parser("demo", parents=[common], help="load the PLM 2018 demo if the store is empty, "
                                                               "then open the screen launcher")
    demo.set_defaults(run="demo")

    importing = commands.add_parser("import", parents=[common], help="import an event folder (event.toml, "
                                                                     "institutions.csv, attendees.csv)")
    importing.add_argument("path", type=Path, help="the event folder")
    importing.set_defaults(run="import")

    info = commands.add_parser("info", parents=[common], help="where the store is, its schema version, counts")
    info.set_defaults(run="info")

    backup = commands.add_parser(
        "backup", parents=[common], help="a consistent, checked copy of the store while kiosks keep writing",
        description="Copy the SQLite store as of one moment (kiosks keep writing meanwhile), check the copy and "
                    "say what it holds. For a PostgreSQL store it prints the pg_dump command to use instead.")
    backup.add_argument("--out", metavar="FILE|DIR", type=Path, required=True,
                        help="the copy to write (replaced whole); with --every, the folder of rolling copies")
    backup.add_argument("--every", metavar="INTERVAL", type=backup_interval,
                        help="keep making copies, e.g. every 10m (s, m, h, d), named by the time (UTC)")
    backup.add_argument("--keep", metavar="N", type=int, default=12,
                        help="with --every, how many copies to keep; the oldest beyond are removed (default: 12)")
    backup.set_defaults(run="backup")

    restore = commands.add_parser(
        "restore", parents=[common], help="replace the store with a backup (refused while the store is in use)",
        description="Check FILE, then replace the store with it. Refused while any process (a kiosk, a board, "
                    "a staff session) has the store open: stop them first.")
    restore.add_argument("file", type=Path, metavar="FILE", help="a copy made by kiosk backup")
    restore.set_defaults(run="restore")

    staff = commands.add_parser("staff", parents=[common], help="staff login, then the screens of your role")
    staff.add_argument("--badges", metavar="DIR", help="where the desk writes the badges it issues "
                                                       "(default: badges/ in the user data folder)")
    staff.set_defaults(run="staff")

    venues = commands.add_parser("venues", parents=[common], help="public venue guide (admin PIN to leave)")
    venues.add_argument("--venue", metavar="CODE", help="the venue this kiosk stands in")
    venues.set_defaults(run="venues")

    badges = commands.add_parser("badges", parents=[common], help="write badge QR codes (PNG, SVG), an A4 print "
                                                                   "sheet and a manifest into a folder")
    badges.add_argument("--out", metavar="DIR", type=Path, required=True,
                        help="the folder to write (made if missing; files of the same codes are replaced)")
    badges.add_argument("--attendee", metavar="CODE", action="append", dest="codes",
                        help="only this attendee's badge (repeatable; default: every attendee)")
    badges.set_defaults(run="badges")

    labels = commands.add_parser("labels", parents=[common], help="write product label QR codes (PNG, SVG), an A4 "
                                                                   "print sheet and a manifest into a folder")
    labels.add_argument("--out", metavar="DIR", type=Path, required=True,
                        help="the folder to write (made if missing; files of the same codes are replaced)")
    labels.add_argument("--stall", metavar="CODE", help="only this stall's products (default: every product)")
    labels.set_defaults(run="labels")

    directory = commands.add_parser("directory", parents=[common], help="public room directory: now and next, "
                                                                       "timetable, search (admin PIN to leave)")
    directory.add_argument("--venue", metavar="CODE", help="the venue this kiosk stands in")
    directory.add_argument("--show-assigned", action="store_true",
                           help="show who is assigned to a session in its detail")
    directory.set_defaults(run="directory")

    board = commands.add_parser("board", parents=[common], help="the live stall sales board for a big screen "
                                                               "(admin PIN to leave)")
    board.set_defaults(run="board")

    sell = commands.add_parser("sell", parents=[common], help="record stall sales (staff login: a seller, or an "
                                                             "admin who picks the stall)")
    sell.set_defaults(run="sell")

    awards = commands.add_parser("awards", parents=[common], help="the award reveal: console and displays")
    award_commands = awards.add_subparsers(dest="awards_command", metavar="ACTION", required=True)
    control = award_commands.add_parser("control", parents=[common], help="the operator console (staff login: "
                                                                          "role awards or admin)")
    control.add_argument("--rehearsal", action="store_true",
                         help="rehearse with placeholder winners, without touching the real ceremony")
    control.set_defaults(run="awards_control")
    display = award_commands.add_parser("display", parents=[common], help="the big-screen display that follows "
                                                                          "the console (admin PIN to leave)")
    display.add_argument("--rehearsal", action="store_true",
                         help="a display for rehearsals: it shows a running rehearsal (GLADI RESIK), else the "
                              "live ceremony; displays without it never show a rehearsal")
    display.add_argument("--kiosk-id", metavar="ID", help="this display's name on the console (default: the host "
                                                           "and its terminal, e.g. gala-tv/tty1)")
    display.set_defaults(run="awards_display")

    serve = commands.add_parser(
        "serve", parents=[common], help="put a big or public screen in a web page, for a venue's TV: board, "
                                        "awards display, directory or venues (staff screens go over SSH)",
        description="Serve SCREEN as a web page: each browser that opens it runs `kiosk SCREEN` with the same "
                    "store and event options, and comes back by itself after a loss. The options of serve come "
                    "before SCREEN; SCREEN's own options after it.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every "
                            "network of the machine)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use, when a proxy stands between (e.g. https://tv.example.org); "
                            "default: the address each browser asked for")
    serve.add_argument("screen", nargs=argparse.REMAINDER, metavar="SCREEN …",
                       help="the screen's command line, e.g. board, awards display, directory --venue CODE")
    serve.set_defaults(run="serve")

    checkin = commands.add_parser("checkin", parents=[common], help="lobby check-in kiosk for a USB QR scanner "
                                                                   "(admin PIN to leave)")
    checkin.add_argument("--kiosk-id", metavar="ID", help="this kiosk's name in the records and on screen (default: the host and "
                                                             "its terminal, e.g. lobi-1/tty1)")
    checkin.add_argument("--list", metavar="CODE", help="check-in list (default: the one open now)")
    checkin.add_argument("--venue", metavar="CODE", help="the venue this kiosk stands in")
    checkin.add_argument("--bell", action="store_true", help="ring the terminal bell: once for welcome, "
                                                             "twice for a refusal")
    checkin.set_defaults(run="checkin")

    stats = commands.add_parser("stats", parents=[common], help="live arrival figures of a check-in list: by "
                                                               "list, kind of institution, kiosk and hour")
    stats.add_argument("--list", metavar="CODE", help="check-in list (default: the one open now, else every list)")
    stats.set_defaults(run="stats")

    export = commands.add_parser("export", parents=[common], help="write what was recorded to a CSV file")
    export_commands = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    export_checkins = export_commands.add_parser("checkins", parents=[common], help="every check-in of the "
                                                                                   "event, undone ones included")
    export_checkins.add_argument("--out", metavar="FILE", type=Path, required=True,
                                 help="the CSV file to write (replaced whole, never left half-written)")
    export_checkins.set_defaults(run="export_checkins")
    export_sales = export_commands.add_parser("sales", parents=[common], help="every sale of the event, voided "
                                                                             "ones included")
    export_sales.add_argument("--out", metavar="FILE", type=Path, required=True,
                              help="the CSV file to write (replaced whole, never left half-written)")
    export_sales.set_defaults(run="export_sales")
    export_awards = export_commands.add_parser("awards", parents=[common], help="the winners of the categories "
                                                                               "revealed so far")
    export_awards.add_argument("--out", metavar="FILE", type=Path, required=True,
                               help="the CSV file to write (replaced whole, never left half-written)")
    export_awards.add_argument("--all", action="store_true", dest="all_categories",
                               help="every category, the unrevealed included (asks for an admin's name and PIN)")
    export_awards.add_argument("--pin-stdin", action="store_true",
                               help="with --all, read the admin's name and PIN from standard input, one a line")
    export_awards.set_defaults(run="export_awards")

    report = commands.add_parser("report", parents=[common], help="print a report of what was recorded")
    report_commands = report.add_subparsers(dest="report_command", metavar="WHAT", required=True)
    report_sales = report_commands.add_parser("sales", parents=[common], help="a day's sales slip per stall: "
                                                                             "counts, revenue, payment methods, "
                                                                             "voids; then the total")
    report_sales.add_argument("--day", metavar="YYYY-MM-DD", help="the day, in the event's zone (default: today "
                                                                  "by the event's clock)")
    report_sales.add_argument("--stall", metavar="CODE", help="only this stall (default: every stall)")
    report_sales.set_defaults(run="report_sales")

    user = commands.add_parser("user", parents=[common], help="staff accounts")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_commands.add_parser(
        "add", parents=[common], help="add a staff user, or reset their role and PIN",
        description="Add a staff user, or reset their role and PIN. Once the store has an admin, an admin's "
                    "name and PIN are asked first (the very first admin is made without). PINs are 6 to 12 "
                    "digits for the admin and awards roles, 4 to 12 for the others.")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--pin-stdin", action="store_true",
                     help="read from standard input instead of prompts, one a line: the admin's name, the "
                          "admin's PIN (both only once the store has an admin), then the new PIN")
    add.add_argument("--stall", metavar="CODE", help="a seller's own stall")
    add.set_defaults(run="user_add")
    listing = user_commands.add_parser("list", parents=[common], help="list staff users")
    listing.set_defaults(run="user_list")

    start = commands.add_parser("start", parents=[common, machine_options()],
                                help="run the screen this machine's configuration (kiosk.toml) names")
    start.set_defaults(run="start")
    config = commands.add_parser("config", parents=[common], help="this machine's configuration (kiosk.toml)")
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = config_commands.add_parser("check", parents=[common, machine_options()],
                                       help="say what this machine will run, and where each value came from")
    check.set_defaults(run="config_check")
    return parser


def backup_interval(text: str) -> int:
    """--every's value in seconds: '10m', '90s', '1h', '2d' (a bare number: minutes)."""
    number, unit = text.strip().lower()[:-1], text.strip().lower()[-1:]
    if unit.isdigit():
        number, unit = number + unit, "m"
    if not number.isdigit() or int(number) <= 0 or unit not in INTERVAL_UNITS:
        raise argparse.ArgumentTypeError(f"{text!r}: use a number and s, m, h or d, e.g. 10m")
    return int(number) * INTERVAL_UNITS[unit]


def skip_unused_drivers(args) -> None:
    """Peewee imports psycopg when it is installed (about 70 ms); a SQLite kiosk never needs it."""
    from kiosk import config

    url = args.db or os.environ.get("KIOSK_DB") or config.current().values.get("db") or "sqlite:"
    if "peewee" not in sys.modules and urlparse(url).scheme == "sqlite":
        sys.modules.setdefault("psycopg", None)
        sys.modules.setdefault("psycopg2", None)


def configured_language() -> str | None:
    """The language this machine's configuration (kiosk.toml, kiosk.config) names, or None."""
    from kiosk import config

    return config.machine_language()


def chosen_language(option: str | None, environ=os.environ) -> str:
    """The command line's language, which is also the screens' default: --lang, else the machine's
    configuration, else LANGUAGE / LC_ALL / LC_MESSAGES / LANG ('C' and 'POSIX' name none), else
    Indonesian."""
    from kiosk import i18n

    return option or configured_language() or i18n.language_from_environment(environ) or i18n.DEFAULT_LANGUAGE


def main(argv: list[str] | None = None) -> int:
    umask = os.umask(PRIVATE_UMASK)
    try:
        return run_command(argv)
    finally:
        os.umask(umask)  # for callers in the same process, such as tests


def run_command(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    from kiosk import config, i18n
    from kiosk.text import inert

    try:
        machine = config.load(args.config)
    except config.ConfigError as error:  # told in --lang or the locale's language: the file names none
        i18n.set_language(chosen_language(args.lang))
        print(f"kiosk: {inert(error.text())}", file=sys.stderr)
        return 1
    if args.run not in config.OWN_RESOLUTION:
        config.apply(args, machine)
    config.use(machine)
    try:
        return run_configured(args)
    finally:
        config.use(None)


def run_configured(args) -> int:
    skip_unused_drivers(args)
    from kiosk import commands, i18n
    from kiosk.errors import Told
    from kiosk.importer.problems import ImportFailed
    from kiosk.text import inert

    try:
        i18n.set_language(chosen_language(args.lang))
        return getattr(commands, f"run_{args.run}")(args) or 0
    except ImportFailed as failed:
        commands.print_problems(failed)
        return 1
    except Told as error:  # StoreError, StaffError, ClockError, Refused: one sentence, in the language
        print(f"kiosk: {inert(error.text())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
