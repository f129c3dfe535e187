"""The `kiosk` command, run as a person runs it: a real process, exit codes, stdout and stderr."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import peewee
import pytest

import kiosk.store
from kiosk import cli, i18n
from kiosk.store import SCHEMA_VERSION
from tests.conftest import SMALL_EVENT
from tests.helpers import ADMIN_PIN, DESK_PIN

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
PROBLEM_LINE = re.compile(r"^(event\.toml|institutions\.csv|attendees\.csv):\d+: [a-z_.]+: \S.*$")
CLOSED_PG_URL = "postgresql://postgres@127.0.0.1:1/kiosk"


@pytest.fixture
def home(tmp_path):
    """A private HOME / data folder, so a test can see that nothing was created anywhere."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def db_file(tmp_path):
    return tmp_path / "store" / "kiosk.db"


LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def kiosk_cmd(home, db_file):
    """Run `kiosk --lang LANG ARGS…` (English unless told; None: no --lang) with KIOSK_DB pointing at a
    temporary SQLite file, and no locale variables but those given in ENVIRON."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("KIOSK_") and key not in LOCALE_VARIABLES}
    env.update(KIOSK_DB=f"sqlite:///{db_file}", HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               PYTHONIOENCODING="utf-8")

    def run(*args: str, stdin: str = "", lang: str | None = "en", environ: dict | None = None,
            ) -> subprocess.CompletedProcess:
        language = ["--lang", lang] if lang else []
        result = subprocess.run(
            [sys.executable, "-m", "kiosk", *language, *args], input=stdin, capture_output=True, text=True,
            cwd=ROOT, env={**env, **(environ or {})}, timeout=60,
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        return result

    return run


def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(SMALL_EVENT, folder)
    attendees = folder / "attendees.csv"
    text = attendees.read_text().replace("DESA-BEJIHARJO", "NOPE").replace("V0001,", "P0001,")
    attendees.write_text(text)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text().replace("capacity = 60", "capacity = 0"))
    return folder


# --- help ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("words", [
    [], ["demo"], ["import"], ["info"], ["staff"], ["venues"], ["user"], ["user", "add"], ["user", "list"],
], ids=lambda words: " ".join(words) or "kiosk")
def test_help_works_at_every_level(kiosk_cmd, db_file, words):
    result = kiosk_cmd(*words, "--help")

    assert result.returncode == 0
    assert result.stdout.startswith("usage: kiosk" + "".join(f" {word}" for word in words))
    assert "--db URL" in result.stdout
    assert result.stderr == ""
    assert not db_file.exists()  # asking for help opens no store


# --- import and info ----------------------------------------------------------------------------


def test_import_then_info_shows_location_version_and_counts(kiosk_cmd, db_file):
    imported = kiosk_cmd("import", str(SMALL_EVENT))

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines() == [
        f"Imported PLM Uji Coba (small) into {db_file}: 2 venues, 3 rooms, 4 institutions, 4 attendees, 2 check-in lists, 6 sessions.",
        "Changes: assignments added 3, attendees added 4, award categories added 2, award nominees added 5, check-in lists added 2, events added 1, institutions added 4, products added 3, rooms added 3, sessions added 6, stalls added 2, venues added 2.",
    ]

    info = kiosk_cmd("info")

    assert info.returncode == 0, info.stderr
    assert info.stdout.splitlines() == [
        f"Store: {db_file} (sqlite), schema version {SCHEMA_VERSION}",
        "Event: PLM Uji Coba (small), time zone Asia/Jakarta",
        "Days: Thursday, 5 July 2018 and Friday, 6 July 2018",
        "Venues: 2",
        "Rooms: 3 (0 of them not public)",
        "Institutions: 4 (Provincial library 1, Regency/city library 1, Village library/TBM 1, Guest 1)",
        "Attendees: 4 (Participant 2, VIP 1, Press 0, Staff 0, Speaker 1)",
        "Check-in lists: 2 (HARI1 0 checked in, GALA 0 checked in)",
        "Check-ins: 0 live, 0 undone",
        "Sessions: 6 (0 of them cancelled)",
        "Session assignments: 3",
        "Stalls: 2",
        "Products: 3",
        "Sales: 0 (0 of them voided)",
        "Award categories: 2 (0 of them revealed)",
        "Staff users: 0",
    ]


def test_info_warns_of_a_terminals_file_open_to_other_users(kiosk_cmd, db_file):
    assert kiosk_cmd("info").returncode == 0
    side = Path(f"{db_file}.terminals.sqlite")  # the displays' heartbeats, beside the store
    side.write_bytes(b"")
    side.chmod(0o664)

    info = kiosk_cmd("info")

    assert info.stderr.splitlines() == [
        f"kiosk: warning: {side} is open to other users (mode 664): run `chmod o-rwx {side}`."]


def test_info_warns_of_a_store_open_to_other_users(kiosk_cmd, db_file):
    assert kiosk_cmd("info").returncode == 0
    assert db_file.stat().st_mode & 0o777 == 0o660 and db_file.parent.stat().st_mode & 0o777 == 0o770
    assert kiosk_cmd("info").stderr == ""
    db_file.chmod(0o644)

    info = kiosk_cmd("info")

    assert info.returncode == 0
    assert info.stdout.splitlines()[0] == f"Store: {db_file} (sqlite), schema version {SCHEMA_VERSION}"
    assert info.stderr.splitlines() == [  # SQLite gives the -wal and -shm it makes the store file's mode
        f"kiosk: warning: {path} is open to other users (mode 644): run `chmod o-rwx {path}`."
        for path in (db_file, f"{db_file}-wal", f"{db_file}-shm")
    ]


def test_importing_again_reports_no_changes(kiosk_cmd):
    assert kiosk_cmd("import", str(SMALL_EVENT)).returncode == 0

    again = kiosk_cmd("import", str(SMALL_EVENT))

    assert again.returncode == 0
    assert again.stdout.splitlines()[-1] == "Changes: nothing changed."


def test_importing_a_broken_folder_lists_problems_and_imports_nothing(kiosk_cmd, tmp_path):
    result = kiosk_cmd("import", str(broken_copy(tmp_path)))

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        "attendees.csv:3: institution: unknown institution 'NOPE' (not in institutions.csv)",
        "attendees.csv:5: code: duplicate code 'P0001'",
        "event.toml:26: venues.rooms.capacity: '0' must be a whole number above zero",
        "kiosk: 3 problems found; nothing was imported.",
    ]
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1])
    info = kiosk_cmd("info")
    assert "No event yet: run `kiosk import FOLDER` or `kiosk demo`." in info.stdout


def test_importing_a_missing_folder_is_one_problem(kiosk_cmd, tmp_path):
    result = kiosk_cmd("import", str(tmp_path / "nowhere"))

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nowhere'}: is not a folder (an event folder holds event.toml and the CSV files)",
        "kiosk: 1 problem found; nothing was imported.",
    ]


# --- staff users ------------------------------------------------------------------------------


def test_user_add_reads_the_pin_from_stdin_and_user_list_shows_it(kiosk_cmd):
    added = kiosk_cmd("user", "add", "Budi", "--role", "desk", "--pin-stdin", stdin="4321\n")

    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Staff user Budi (desk) is ready."
    assert "4321" not in added.stdout + added.stderr

    listed = kiosk_cmd("user", "list")

    assert listed.returncode == 0
    assert listed.stdout.splitlines() == ["Budi\tdesk"]
    assert "Staff users: 1" in kiosk_cmd("info").stdout


def test_user_add_refuses_a_short_pin(kiosk_cmd):
    result = kiosk_cmd("user", "add", "Budi", "--role", "desk", "--pin-stdin", stdin="12\n")

    assert result.returncode == 1
    assert result.stderr.splitlines() == ["kiosk: A PIN for the desk role is 4 to 12 digits."]
    assert kiosk_cmd("user", "list").stdout == ""


def test_an_admin_pin_is_at_least_six_digits(kiosk_cmd):
    result = kiosk_cmd("user", "add", "boss", "--role", "admin", "--pin-stdin", stdin="2018\n")

    assert result.returncode == 1
    assert result.stderr.splitlines() == ["kiosk: A PIN for the admin role is 6 to 12 digits."]
    assert kiosk_cmd("user", "list").stdout == ""


def test_once_there_is_an_admin_adding_a_user_needs_an_admins_name_and_pin(kiosk_cmd):
    first = kiosk_cmd("user", "add", "boss", "--role", "admin", "--pin-stdin", stdin=f"{ADMIN_PIN}\n")
    assert first.returncode == 0, first.stderr  # the very first admin needs no one's PIN

    added = kiosk_cmd("user", "add", "Budi", "--role", "desk", "--pin-stdin", stdin=f"boss\n{ADMIN_PIN}\n4321\n")

    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Staff user Budi (desk) is ready."
    assert kiosk_cmd("user", "list").stdout.splitlines() == ["Budi\tdesk", "boss\tadmin"]


def test_the_demo_is_not_loaded_into_a_store_made_ready_for_a_real_event(kiosk_cmd, db_file):
    assert kiosk_cmd("user", "add", "boss", "--role", "admin", "--pin-stdin", stdin=f"{ADMIN_PIN}\n").returncode == 0

    demo = kiosk_cmd("demo")

    assert demo.returncode == 1
    assert demo.stderr.splitlines() == [
        f"kiosk: The demo is only loaded into an empty store: sqlite:///{db_file} has staff accounts and no "
        "event yet. Use another --db for the demo."]
    assert kiosk_cmd("user", "list").stdout.splitlines() == ["boss\tadmin"]  # no demo PINs added
    assert "No event yet" in kiosk_cmd("info").stdout


@pytest.mark.parametrize("stdin, refusal", [
    ("boss\n999999\n4321\n", "Wrong admin name or PIN; nothing was changed."),
    (f"nobody\n{ADMIN_PIN}\n4321\n", "Wrong admin name or PIN; nothing was changed."),
    (f"meja\n{DESK_PIN}\n4321\n", "meja is not an admin (desk); nothing was changed."),
    ("4321\n", "Wrong admin name or PIN; nothing was changed."),
    ("", "Wrong admin name or PIN; nothing was changed."),
], ids=["wrong pin", "unknown admin", "desk user", "only the new pin", "nothing"])
def test_user_add_without_an_admin_is_refused_in_one_sentence(kiosk_cmd, stdin, refusal):
    assert kiosk_cmd("user", "add", "boss", "--role", "admin", "--pin-stdin", stdin=f"{ADMIN_PIN}\n").returncode == 0
    assert kiosk_cmd("user", "add", "meja", "--role", "desk", "--pin-stdin",
                     stdin=f"boss\n{ADMIN_PIN}\n{DESK_PIN}\n").returncode == 0

    for name in ("Budi", "boss"):  # adding a user, and re-keying the admin
        result = kiosk_cmd("user", "add", name, "--role", "admin", "--pin-stdin", stdin=stdin)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr.splitlines() == [f"kiosk: {refusal}"]
    assert kiosk_cmd("user", "list").stdout.splitlines() == ["boss\tadmin", "meja\tdesk"]
    assert kiosk_cmd("user", "add", "x", "--role", "desk", "--pin-stdin",
                     stdin=f"boss\n{ADMIN_PIN}\n4321\n").returncode == 0  # the admin's own PIN still works


def test_user_add_asks_for_the_admin_then_the_new_pin_twice(sqlite_url, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ADMIN_PIN}\n"))
    assert cli.main(["--db", sqlite_url, "user", "add", "boss", "--role", "admin", "--pin-stdin"]) == 0
    asked = []
    answers = {"Admin name: ": "boss", "Admin PIN: ": ADMIN_PIN, "New PIN: ": "4321", "New PIN again: ": "4321"}
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answers[prompt])
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or answers[prompt])
    capsys.readouterr()

    code = cli.main(["--db", sqlite_url, "--lang", "en", "user", "add", "Budi", "--role", "desk"])

    assert (code, capsys.readouterr().out) == (0, "Staff user Budi (desk) is ready.\n")
    assert asked == ["Admin name: ", "Admin PIN: ", "New PIN: ", "New PIN again: "]
    from models import AuditEntry

    assert AuditEntry.get(AuditEntry.action == "user.add", AuditEntry.subject == "Budi").actor == "boss"


def test_user_add_help_says_what_standard_input_holds(kiosk_cmd):
    text = " ".join(kiosk_cmd("user", "add", "--help").stdout.split())

    assert "the admin's name, the admin's PIN (both only once the store has an admin), then the new PIN" in text
    assert "6 to 12 digits for the admin and awards roles" in text


def test_user_add_refuses_an_unknown_role(kiosk_cmd, db_file):
    result = kiosk_cmd("user", "add", "Budi", "--role", "boss", "--pin-stdin", stdin="4321\n")

    assert result.returncode == 2
    error_lines = [line for line in result.stderr.splitlines() if "error:" in line]
    assert error_lines == [
        "kiosk user add: error: argument --role: invalid choice: 'boss' "
        "(choose from 'desk', 'seller', 'awards', 'admin')"
    ] or error_lines == [  # older argparse quoting
        "kiosk user add: error: argument --role: invalid choice: 'boss' (choose from desk, seller, awards, admin)"
    ]
    assert result.stderr.splitlines()[-1] == error_lines[0]
    assert not db_file.exists()


def test_user_add_on_a_read_only_store_is_one_sentence(sqlite_url, tmp_path, monkeypatch, capsys):
    """Root ignores file modes, so the store is opened with SQLite's own mode=ro."""
    assert cli.main(["--db", sqlite_url, "info"]) == 0  # creates and migrates the store
    kiosk.store.close_store()
    db_path = tmp_path / "kiosk.db"

    def read_only_database(_url):
        return peewee.SqliteDatabase(
            f"file:{db_path}?mode=ro", uri=True, pragmas=kiosk.store.SQLITE_PRAGMAS,
            timeout=kiosk.store.BUSY_TIMEOUT_SECONDS, lock_type="IMMEDIATE",
        )

    monkeypatch.setattr(kiosk.store, "make_database", read_only_database)
    monkeypatch.setattr(sys, "stdin", io.StringIO("4321\n"))
    capsys.readouterr()

    code = cli.main(["--db", sqlite_url, "--lang", "en", "user", "add", "Budi", "--role", "desk", "--pin-stdin"])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines() == [f"kiosk: The store at {sqlite_url} is read-only: nothing was written."]
    assert captured.out == ""


@pytest.mark.skipif(IS_ROOT, reason="root writes to a chmod 0444 file anyway; see the test above")
def test_user_add_on_a_chmod_read_only_store_is_one_sentence(kiosk_cmd, db_file):
    assert kiosk_cmd("info").returncode == 0
    files = [db_file, *db_file.parent.glob("kiosk.db-*")]
    for path in files:
        path.chmod(0o444)
    try:
        result = kiosk_cmd("user", "add", "Budi", "--role", "desk", "--pin-stdin", stdin="4321\n")
    finally:
        for path in files:
            path.chmod(0o644)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"kiosk: The store at sqlite:///{db_file} is read-only: nothing was written."]


# --- bad stores -------------------------------------------------------------------------------


def assert_one_sentence_failure(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kiosk: ")
    return lines[0]


def test_unsupported_store_scheme_is_refused(kiosk_cmd, db_file, home):
    result = kiosk_cmd("--db", "mysql://x/y", "info")

    line = assert_one_sentence_failure(result)
    assert line.startswith("kiosk: The store URL scheme 'mysql' is not supported")
    assert not db_file.exists()
    assert list(home.iterdir()) == []


def test_a_text_file_as_store_is_refused_and_left_alone(kiosk_cmd, tmp_path, db_file, home):
    notes = tmp_path / "notes.txt"
    notes.write_text("Daftar belanja: kertas, tinta, lakban.\n" * 100)
    before = notes.read_bytes()
    url = f"sqlite:///{notes}"

    result = kiosk_cmd("--db", url, "info")

    line = assert_one_sentence_failure(result)
    assert line == f"kiosk: The file behind {url} is not a SQLite database."
    assert notes.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home", "notes.txt"]
    assert not db_file.exists()


def test_a_postgresql_store_on_a_closed_port_cannot_be_reached(kiosk_cmd, tmp_path, db_file, home):
    result = kiosk_cmd("--db", CLOSED_PG_URL, "info")

    line = assert_one_sentence_failure(result)
    assert line.startswith(f"kiosk: The PostgreSQL store at {CLOSED_PG_URL} cannot be reached")
    assert not db_file.exists()
    assert list(home.iterdir()) == []


# --- where the options go ---------------------------------------------------------------------


def test_global_options_are_accepted_after_the_subcommand(kiosk_cmd, tmp_path, db_file):
    other = tmp_path / "other" / "kiosk.db"
    url = f"sqlite:///{other}"

    before = kiosk_cmd("--db", url, "info")
    after = kiosk_cmd("info", "--db", url)
    imported = kiosk_cmd("import", str(SMALL_EVENT), "--db", url)
    listed = kiosk_cmd("user", "list", "--db", url)

    assert before.returncode == after.returncode == imported.returncode == listed.returncode == 0
    assert before.stdout.splitlines()[0] == f"Store: {other} (sqlite), schema version {SCHEMA_VERSION}"
    assert after.stdout == before.stdout
    assert f"into {other}:" in imported.stdout
    assert not db_file.exists()  # KIOSK_DB was overridden every time
    assert "Event: PLM Uji Coba (small)" in kiosk_cmd("info", "--db", url).stdout


def test_an_unknown_event_slug_is_one_sentence(kiosk_cmd):
    assert kiosk_cmd("import", str(SMALL_EVENT)).returncode == 0

    result = kiosk_cmd("info", "--event", "plm2019")

    assert result.returncode == 1
    assert result.stderr.splitlines() == ["kiosk: The store has no event 'plm2019'."]


# --- everything the event holds, and codes in any case ---------------------------------------------


def test_info_counts_everything_the_event_holds(store):
    """Venues, rooms (the not public ones), institutions, attendees, lists and arrivals (undone ones
    apart), sessions (cancelled), assignments, stalls, products, sales (voided), awards (revealed)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.attendees import find_by_code, payload_for
    from kiosk.checkin import list_by_code, live_checkin, scan, undo
    from kiosk.commands import info_lines
    from kiosk.context import find_event
    from kiosk.importer import import_event
    from kiosk.overview import event_counts, event_totals
    from kiosk.sales import find_product, record_sale, void_sale
    from kiosk.schedule import cancel
    from models import AwardCategory, Room, Session

    import_event(SMALL_EVENT)
    event = find_event()
    now = datetime(2018, 7, 5, 8, 15, tzinfo=ZoneInfo("Asia/Jakarta"))
    day_one = list_by_code(event, "HARI1")
    for code in ("P0001", "P0002"):
        scan(event, day_one, payload_for(event, find_by_code(event, code)), "lobi-1", now)
    undo(live_checkin(day_one, find_by_code(event, "P0002")), "meja", "wrong person", now)
    cancel(Session.get(Session.code == "K3"), "meja", "speaker ill")
    batik = find_product(event, "GK-BATIK")
    record_sale(batik, 1, "cash", "", "lapak", "t1", now)
    void_sale(record_sale(batik, 1, "cash", "", "lapak", "t1", now).sale, "lapak", "typo", now)
    AwardCategory.update(revealed_at=now).where(AwardCategory.code == "DAERAH").execute()
    if "public" in Room._meta.fields:  # rooms can be kept out of the public lists
        Room.update(public=False).where(Room.code == "sheraton-kalasan").execute()

    totals = event_totals(event)
    i18n.set_language("en")
    lines = info_lines(event, totals)

    assert totals.counts == event_counts(event)  # the overview screen's counts, unchanged
    assert lines[2:] == [
        "Venues: 2",
        "Rooms: 3 (1 of them not public)" if totals.public_rooms is not None else "Rooms: 3",
        "Institutions: 4 (Provincial library 1, Regency/city library 1, Village library/TBM 1, Guest 1)",
        "Attendees: 4 (Participant 2, VIP 1, Press 0, Staff 0, Speaker 1)",
        "Check-in lists: 2 (HARI1 1 checked in, GALA 0 checked in)",
        "Check-ins: 1 live, 1 undone",
        "Sessions: 6 (1 of them cancelled)",
        "Session assignments: 3",
        "Stalls: 2",
        "Products: 3",
        "Sales: 2 (1 of them voided)",
        "Award categories: 2 (1 of them revealed)",
    ]
    assert all(": " in line for line in lines)  # each a clear "Label: value" line
    i18n.set_language("id")
    assert info_lines(event, totals)[2:] == [
        "Tempat: 2",
        "Ruang: 3 (1 di antaranya tidak publik)" if totals.public_rooms is not None else "Ruang: 3",
        "Lembaga: 4 (Perpustakaan provinsi 1, Perpustakaan kabupaten/kota 1, Perpustakaan desa/TBM 1, Tamu 1)",
        "Peserta: 4 (Peserta 2, VIP 1, Pers 0, Panitia 0, Narasumber 1)",
        "Daftar check-in: 2 (HARI1 1 hadir, GALA 0 hadir)",
        "Check-in: 1 berlaku, 1 dibatalkan",
        "Sesi: 6 (1 di antaranya dibatalkan)",
        "Penugasan sesi: 3",
        "Lapak: 2",
        "Produk: 3",
        "Penjualan: 2 (1 di antaranya dibatalkan)",
        "Kategori penghargaan: 2 (1 di antaranya sudah diumumkan)",
    ]


def test_code_options_are_taken_in_any_case(kiosk_cmd, tmp_path):
    assert kiosk_cmd("import", str(SMALL_EVENT)).returncode == 0

    stats = kiosk_cmd("stats", "--list", "hari1")
    labels = kiosk_cmd("labels", "--out", str(tmp_path / "labels"), "--stall", "l02")
    seller = kiosk_cmd("user", "add", "ani", "--role", "seller", "--stall", "l01", "--pin-stdin", stdin="4321\n")
    report = kiosk_cmd("report", "sales", "--day", "2018-07-05", "--stall", "l01")
    badges = kiosk_cmd("badges", "--out", str(tmp_path / "badges"), "--attendee", "p0002")

    assert stats.returncode == 0, stats.stderr
    assert "Day 1 (HARI1): 0 checked in, 4 registered" in stats.stdout
    assert labels.returncode == 0, labels.stderr
    assert labels.stdout.startswith("Wrote 1 label of PLM Uji Coba (small)")
    assert seller.returncode == 0, seller.stderr
    assert seller.stdout.strip() == "Staff user ani (seller, stall L01) is ready."
    assert report.returncode == 0, report.stderr
    assert "Lapak Gunungkidul" in report.stdout and "Lapak Bejiharjo" not in report.stdout
    assert badges.returncode == 0, badges.stderr
    assert (tmp_path / "badges" / "P0002.png").is_file()
