"""A full disk is "the disk is full" in both languages, and loses nothing acknowledged.

SQLite's own SQLITE_FULL ("database or disk is full") is made with `PRAGMA max_page_count` on every
connection of the store (set no higher than the store's size, SQLite keeps it at the size): the
store can use the pages it has, none more. Where the machine allows a mount namespace, a real small
tmpfs fills up too (ENOSPC, which SQLite reports as the same SQLITE_FULL).
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee
import pytest
from kiosk.attendees import find_by_code, payload_for
from kiosk.cli import main
from kiosk.context import find_event
from kiosk.i18n import set_language
from kiosk.store import SQLITE_PRAGMAS, close_store, describe, is_disk_full, new_request_id
from models import Attendee, Checkin, CheckinList, StaffUser, database
from screens.checkin import CheckinScreen
from screens.desk import DeskScreen
from tests.conftest import SMALL_EVENT
from tests.helpers import load_small_event, make_app, scan_burst, wait_for_notice, wait_for_text

DEMO = SMALL_EVENT.parent.parent.parent / "kiosk" / "demo" / "plm2018"
NO_ROOM = ("max_page_count", 1)  # SQLite raises it to the store's size: no page more
UNAVAILABLE = "Sementara tidak tersedia / Temporarily unavailable"


def test_sqlite_full_and_postgresql_53100_are_the_disk_is_full():
    full = sqlite3.OperationalError("database or disk is full")
    assert is_disk_full(peewee.OperationalError(full, *full.args))

    class DiskFull(Exception):
        sqlstate = "53100"

    wrapped = peewee.OperationalError(DiskFull("could not extend file"), "could not extend file")
    assert is_disk_full(wrapped)
    for language, sentence in (("id", "Disk penuh: basis data di postgresql://k:***@h/db tidak dapat bertambah"),
                               ("en", "The disk is full: the store at postgresql://k:***@h/db cannot grow")):
        set_language(language)
        assert describe(wrapped, "postgresql://k:pw@h/db").text().startswith(sentence)
    assert not is_disk_full(peewee.OperationalError("database is locked"))
    try:  # after SQLITE_FULL SQLite has rolled back already: Peewee's ROLLBACK fails, the full disk its context
        try:
            raise peewee.OperationalError(full, *full.args)
        except peewee.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")
    except peewee.OperationalError as error:
        set_language("en")
        assert describe(error, "sqlite:///kiosk.db").text() == (
            "The disk is full: the store at sqlite:///kiosk.db cannot grow, so nothing was written. "
            "Free some space and try again.")


def test_an_import_on_a_full_disk_says_so_and_changes_nothing(sqlite_store, monkeypatch, capsys):
    load_small_event()
    attendees = Attendee.select().count()
    monkeypatch.setitem(SQLITE_PRAGMAS, *NO_ROOM)  # every connection the command opens
    for language, sentence in (("id", "Disk penuh: basis data di"), ("en", "The disk is full: the store at")):
        assert main(["--db", sqlite_store.url, "--lang", language, "import", str(DEMO)]) == 1
        err = capsys.readouterr().err
        assert f"kiosk: {sentence} {sqlite_store.url}" in err
        assert "nothing was written" in err or "tidak ada yang ditulis" in err
    assert Attendee.select().count() == attendees
    monkeypatch.delitem(SQLITE_PRAGMAS, NO_ROOM[0])
    assert main(["--db", sqlite_store.url, "import", str(DEMO)]) == 0  # once there is room, it goes in


def fill_checkins(checkin_list: CheckinList, attendee: Attendee) -> None:
    """Undone check-ins (as many as the store takes) until none more fits: the check-in table and its
    indexes have no room left for the next one."""
    failures = 0
    while failures < 20:
        try:
            with database.atomic():
                Checkin.create(checkin_list=checkin_list, attendee=attendee, at=checkin_list.opens_at,
                               terminal="test-terminal", method="scan", request_id=new_request_id(),
                               undone_at=checkin_list.opens_at, undone_by="test", undo_reason="")
            failures = 0
        except peewee.OperationalError as error:
            assert is_disk_full(error)
            failures += 1


@pytest.fixture
def full_store(sqlite_store):
    """The small event in a store with no room for one more check-in; P0001 has none yet."""
    load_small_event()
    event = find_event()
    attendee = find_by_code(event, "P0001")
    database.obj._pragmas.append(NO_ROOM)  # Peewee sets these on every connection it opens
    database.close()
    fill_checkins(CheckinList.get(CheckinList.event == event), attendee)
    yield sqlite_store
    if NO_ROOM in database.obj._pragmas:
        database.obj._pragmas.remove(NO_ROOM)


def make_room() -> None:
    """Space is back: the writer's next connection has room."""
    database.obj._pragmas.remove(NO_ROOM)


def live() -> list[Checkin]:
    """The check-ins not undone (the filling ones are all undone)."""
    return list(Checkin.select().where(Checkin.undone_at.is_null()))


async def test_a_scan_on_a_full_disk_is_kept_and_recorded_once_there_is_room(full_store):
    event = find_event()
    badge = payload_for(event, find_by_code(event, "P0001"))
    assert live() == []
    app = make_app(full_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Hari 1")
        scan_burst(app, badge)
        await wait_for_text(pilot, UNAVAILABLE, seconds=5)
        await wait_for_text(pilot, "Pindaian tersimpan: 1 / Scans kept: 1")
        await wait_for_text(pilot, "● Disk data penuh")  # the header says why, for the staff walking by
        assert [intent.kind for intent in app.writer.waiting()] == ["scan"]
        make_room()
        await wait_for_text(pilot, "Selamat datang", seconds=10)
        await wait_for_text(pilot, "● Terhubung")
        assert app.writer.drain(timeout=10)
    assert [checkin.attendee.code for checkin in live()] == ["P0001"]  # recorded once


async def test_a_desk_check_in_on_a_full_disk_tells_the_staff_and_goes_in_once_there_is_room(full_store):
    app = make_app(full_store, lambda: DeskScreen(StaffUser.get(StaffUser.name == "meja")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"P0001")
        await wait_for_text(pilot, "Sri Wahyuni")
        await pilot.press("enter", "f2")
        await wait_for_text(pilot, "[Aa]lasan")
        await pilot.press(*"lupa", "enter")
        await wait_for_notice(pilot, "Disk basis data penuh: yang baru dikerjakan belum tersimpan", seconds=5)
        await wait_for_text(pilot, "● Disk data penuh")
        assert [intent.kind for intent in app.writer.waiting()] == ["desk.check_in"]
        make_room()
        await wait_for_notice(pilot, "Sri Wahyuni sudah di-check-in", seconds=10)
        await wait_for_text(pilot, "● Terhubung")
        assert app.writer.drain(timeout=10)
    recorded = [(checkin.attendee.code, checkin.method, checkin.reason, checkin.terminal) for checkin in live()]
    assert recorded == [("P0001", "manual", "lupa", "meja")]


# ---- A real full disk: a small tmpfs, in a mount namespace of its own (where the machine allows) ----

ON_SMALL_DISK = """
set -e
mount -t tmpfs -o size=700k tmpfs "$1"
cp "$2" "$1/kiosk.db"
set +e
"$4" -m kiosk --lang en --db "sqlite:///$1/kiosk.db" import "$3"
echo "import exited $?"
"$4" -m kiosk --lang en --db "sqlite:///$1/kiosk.db" info
"""


def can_mount_a_tmpfs() -> bool:
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not can_mount_a_tmpfs(), reason="no unprivileged mount namespace here (unshare -rm)")
def test_an_import_onto_a_full_tmpfs_says_the_disk_is_full(sqlite_store, tmp_path):
    load_small_event()
    close_store()
    (tmp_path / "disk").mkdir()
    run = subprocess.run(["unshare", "-rm", "sh", "-c", ON_SMALL_DISK, "sh", str(tmp_path / "disk"),
                          sqlite_store.location, str(DEMO), sys.executable], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).parent.parent)
    assert "import exited 1" in run.stdout
    assert (f"kiosk: The disk is full: the store at sqlite:///{tmp_path}/disk/kiosk.db cannot grow, so nothing "
            "was written. Free some space and try again.") in run.stderr
    assert "Event: PLM Uji Coba (small)" in run.stdout and "Attendees: 4 " in run.stdout  # the store as it was
