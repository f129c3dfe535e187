"""A check-in kiosk keeps each scan on its own disk until the store has recorded it: an exit, a crash
or a power cut (kill -9) while the store is away loses nothing, and the next start records what was
left, once, with the moment it was scanned."""
from __future__ import annotations

import json
import os
import signal
from datetime import datetime
from pathlib import Path

import pytest

from kiosk import commands
from kiosk.attendees import find_by_code, payload_for
from kiosk.clock import from_stored, load_zone
from kiosk.context import find_event
from kiosk.outbox import KeptScan, Outbox, outbox_path
from kiosk.store import StoreInfo, close_store, open_store
from kiosk.writer import Intent
from models import Checkin
from screens.checkin import CheckinScreen
from tests.helpers import load_small_event, make_app, scan_burst, screen_text, settled, until, wait_for_text
from tests.test_ssh_pty import Session
from tests.test_store_outage import UNAVAILABLE, hold_write_lock

JAKARTA = load_zone("Asia/Jakarta")
SECONDS = 20.0


def scan(n: int, text: str = "B:P0001:1:x") -> KeptScan:
    return KeptScan(f"req-{n}", datetime(2018, 7, 5, 8, n, tzinfo=JAKARTA), text, "small", None, "lobi-1")


# ---- the file ------------------------------------------------------------------------------------


def test_kept_scans_are_pending_until_crossed_out_and_survive_a_torn_line(tmp_path):
    outbox = Outbox(tmp_path / "outbox" / "lobi-1.jsonl")
    for n in range(3):
        outbox.keep(scan(n, f"[b]Budi[/b] \x1b]0;x\x07 {n}"))  # kept as scanned, whatever it holds
    outbox.done("req-1")
    outbox.flush()
    with outbox.path.open("a") as torn:
        torn.write('{"keep": "req-9", "at": "2018-07')  # the power went mid-line
    assert outbox.pending() == [scan(0, "[b]Budi[/b] \x1b]0;x\x07 0"), scan(2, "[b]Budi[/b] \x1b]0;x\x07 2")]
    assert os.stat(outbox.path).st_mode & 0o777 == 0o660  # it holds badge payloads: not for others
    assert os.stat(outbox.path.parent).st_mode & 0o777 == 0o770


def test_compacting_keeps_only_what_is_pending(tmp_path):
    outbox = Outbox(tmp_path / "lobi-1.jsonl")
    for n in range(50):
        outbox.keep(scan(n))
        if n != 7:
            outbox.done(f"req-{n}")
    assert [kept.request_id for kept in outbox.compact().result()] == ["req-7"]
    assert [json.loads(line)["keep"] for line in outbox.path.read_text().splitlines()] == ["req-7"]


def test_an_outbox_that_cannot_be_written_never_stops_a_scan(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    outbox = Outbox(blocked / "lobi-1.jsonl")  # its folder cannot be made: a file is in the way
    outbox.keep(scan(1)).result(5)  # logged, not raised
    assert outbox.pending() == []


def test_each_kiosk_and_store_has_a_file_of_its_own(tmp_path, monkeypatch):
    def path_for(url: str, location: str, terminal: str = "lobi-sheraton-1") -> Path:
        backend = "sqlite" if url.startswith("sqlite") else "postgresql"
        return outbox_path(tmp_path, StoreInfo(url, backend, location, 10), terminal)

    one = path_for("sqlite:////var/lib/kiosk.db", "/var/lib/kiosk.db")
    assert one.parent == tmp_path and one.name.startswith("lobi-sheraton-1.") and one.suffix == ".jsonl"
    monkeypatch.chdir("/var/lib")
    assert path_for("sqlite:///kiosk.db", "kiosk.db") == one  # the same file, named relative to here
    on_server = path_for("postgresql://kiosk:old@db.lan/kiosk", "db.lan:5432/kiosk")
    assert path_for("postgresql://kiosk:new@db.lan/kiosk?sslmode=require", "db.lan:5432/kiosk") == on_server
    assert on_server != one
    assert path_for("sqlite:////var/lib/kiosk.db", "/var/lib/kiosk.db", "gala/tty1 ../x").name.startswith(
        "gala_tty1_.._x.")


def test_a_line_after_a_torn_one_is_whole(tmp_path):
    outbox = Outbox(tmp_path / "lobi-1.jsonl")
    outbox.keep(scan(1)).result(5)
    with outbox.path.open("a") as torn:
        torn.write('{"keep": "req-9", "at": "2018-07')  # the power went mid-line, and compacting failed
    outbox.keep(scan(2)).result(5)
    assert outbox.pending() == [scan(1), scan(2)]


def test_a_scan_that_meets_a_fault_is_crossed_out_a_store_failure_is_not(tmp_path):
    """Replayed at every start, a scan that ends in a fault of the program would end the kiosk at every
    start; one the store did not take waits for the next try."""
    from peewee import OperationalError

    outbox = Outbox(tmp_path / "lobi-1.jsonl")
    for n, failure in ((1, ZeroDivisionError()), (2, OperationalError("database is locked"))):
        outbox.keep(scan(n))

        def record(intent, failure=failure):
            raise failure

        with pytest.raises(type(failure)):
            outbox.recording(record)(Intent(record, at=scan(n).at, request_id=f"req-{n}"))
    outbox.flush()
    assert [kept.request_id for kept in outbox.pending()] == ["req-2"]


# ---- the kiosk -----------------------------------------------------------------------------------


def kiosk_with_outbox(store, folder: Path):
    app = make_app(store, lambda: CheckinScreen(outbox_folder=folder), venue="sheraton")
    app.context.terminal = "lobi-1"
    return app


async def test_scans_left_at_an_exit_while_the_store_is_away_are_recorded_at_the_next_start(
        sqlite_store, tmp_path, monkeypatch, capsys):
    load_small_event()
    event = find_event()
    badge = payload_for(event, find_by_code(event, "P0001"))
    folder = tmp_path / "outbox"
    first = kiosk_with_outbox(sqlite_store, folder)
    holder = hold_write_lock(sqlite_store.location, 60)
    try:
        async with first.run_test(size=(80, 24)) as pilot:
            await wait_for_text(pilot, "Scan your badge")
            scanned_at = first.context.clock.now()
            scan_burst(first, badge)
            await wait_for_text(pilot, UNAVAILABLE, seconds=SECONDS)
            outbox = pilot.app.screen.outbox
            await until(pilot, lambda: len(outbox.pending()) == 1, what="the scan kept on the disk")
        monkeypatch.setattr(commands, "DRAIN_SECONDS", 0.5)
        assert commands.finish_writing(first.writer) == 0  # an admin exit: nothing is lost, nothing to restart
        first.writer.stop()  # gone from memory
        assert capsys.readouterr().err == (f"kiosk: 1 pindaian yang menunggu basis data disimpan di {outbox.path}; "
                                           "dicatat saat kios ini dijalankan lagi.\n")
    finally:
        holder.kill()
        holder.wait()
    assert Checkin.select().count() == 0

    second = kiosk_with_outbox(sqlite_store, folder)
    async with second.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: Checkin.select().count() == 1, seconds=SECONDS, what="the kept scan recorded")
        await until(pilot, lambda: not outbox.pending(), what="the kept scan crossed out")
        await settled(pilot)
        assert "Scan your badge" in screen_text(second)  # the person has long gone: nothing shown for it
    [checkin] = Checkin.select()
    assert checkin.attendee.code == "P0001" and checkin.terminal == "lobi-1"
    assert from_stored(checkin.at, JAKARTA) == scanned_at  # the moment it was scanned (the fixed clock)


async def test_a_scan_the_outbox_could_not_write_is_told_lost_at_the_exit(sqlite_store, tmp_path, monkeypatch,
                                                                          capsys):
    load_small_event()
    event = find_event()
    blocked = tmp_path / "a-file"
    blocked.write_text("")  # the outbox's folder cannot be made: a file is in the way
    app = kiosk_with_outbox(sqlite_store, blocked / "outbox")
    holder = hold_write_lock(sqlite_store.location, 60)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_text(pilot, "Scan your badge")
            scan_burst(app, payload_for(event, find_by_code(event, "P0001")))
            await wait_for_text(pilot, UNAVAILABLE, seconds=SECONDS)
        monkeypatch.setattr(commands, "DRAIN_SECONDS", 0.5)
        assert commands.finish_writing(app.writer) == commands.EXIT_UNRECORDED
        app.writer.stop()
    finally:
        holder.kill()
        holder.wait()
    said = capsys.readouterr().err
    assert "1 catatan yang dibuat di sini tidak bisa ditulis ke basis data" in said and "disimpan di" not in said


# ---- a power cut: kill -9 of a real `kiosk checkin` ----------------------------------------------


def lobby_kiosk(db_url: str, now: str, folder: Path) -> Session:
    return Session(db_url, "xterm-256color", command=["checkin", "--kiosk-id", "lobi-1", "--venue", "sheraton"],
                   now=now, env={"KIOSK_OUTBOX_DIR": str(folder), "KIOSK_LOG_DIR": str(folder.parent / "logs")})


def kept_lines(folder: Path) -> list[dict]:
    return [json.loads(line) for path in folder.glob("*.jsonl") for line in path.read_text().splitlines()]


def checkins(db_url: str) -> list[tuple[str, datetime]]:
    open_store(db_url)
    try:
        return [(c.attendee.code, from_stored(c.at, JAKARTA)) for c in Checkin.select()]
    finally:
        close_store()


def test_a_power_cut_while_the_store_is_locked_loses_no_scan(sqlite_url, tmp_path):
    store = open_store(sqlite_url)
    load_small_event()
    event = find_event()
    badge = payload_for(event, find_by_code(event, "P0002"))
    close_store()
    folder = tmp_path / "outbox"
    kiosk = lobby_kiosk(sqlite_url, "2018-07-05T08:15", folder)
    try:
        kiosk.wait_for("Scan your badge")
        holder = hold_write_lock(store.location, 600)  # another process holds the store's write lock
        try:
            kiosk.type(badge.encode() + b"\r")
            kiosk.wait_for("Sementara tidak tersedia")
            kiosk.wait_until(lambda: kept_lines(folder), "the scan kept on the disk")
            kill_now(kiosk)  # the power goes
        finally:
            holder.kill()
            holder.wait()
    finally:
        kiosk.close()
    assert checkins(sqlite_url) == []
    [kept] = kept_lines(folder)

    kiosk = lobby_kiosk(sqlite_url, "2018-07-05T09:40", folder)  # started again later, the store free
    try:
        kiosk.wait_for("Scan your badge")
        kiosk.wait_until(lambda: checkins(sqlite_url), "the kept scan recorded")
    finally:
        kiosk.close()
    [(code, at)] = checkins(sqlite_url)
    assert code == "P0002"
    assert at == datetime.fromisoformat(kept["at"]) and at < datetime(2018, 7, 5, 8, 16, tzinfo=JAKARTA)


def kill_now(session: Session) -> None:
    os.kill(session.pid, signal.SIGKILL)
    session.wait_for_exit()
