"""`kiosk backup` copies the store as of one moment while real processes keep writing, checks the copy
and says what it holds; rolling copies keep the newest; `kiosk restore` checks the file and refuses a
store that another process has open."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.backup import ROLLING_NAME, other_opener, rolling_backup
from kiosk.cli import main
from kiosk.i18n import number
from kiosk.store import close_store, open_store
from tests.helpers import load_small_event

WRITERS = 4
ACKED_BEFORE_BACKUP = 40  # each writer's acknowledged rows before the backup starts

# One writer process: an audit entry per transaction through the product's write(); a row's number
# goes to the acknowledgement file only after its commit returned (what a kiosk would have shown).
WRITER = """
import sys
from pathlib import Path
from kiosk.audit import record
from kiosk.store import open_store, write
url, name, acks, stop = sys.argv[1], sys.argv[2], open(sys.argv[3], "a", buffering=1), Path(sys.argv[4])
open_store(url)
n = 0
while not stop.exists():
    with write():
        record(name, "backup.test", str(n))
    acks.write(f"{n}\\n")
    n += 1
"""

# Another process with the store open and idle, as a kiosk between scans.
OPENER = """
import sys
from kiosk.store import open_store
from models import Event
open_store(sys.argv[1])
Event.select().count()
print("open", flush=True)
sys.stdin.readline()
"""


def acknowledged(folder: Path) -> dict[str, set[int]]:
    return {f"w{n}": {int(line) for line in (folder / f"w{n}.acks").read_text().split()} for n in range(WRITERS)}


def rows_in(path: Path) -> dict[str, set[int]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT actor, subject FROM audit_entry WHERE action = 'backup.test'").fetchall()
    finally:
        connection.close()
    found: dict[str, set[int]] = {f"w{n}": set() for n in range(WRITERS)}
    for actor, subject in rows:
        found[actor].add(int(subject))
    return found


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def start_writers(url: str, folder: Path) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-c", WRITER, url, f"w{n}", str(folder / f"w{n}.acks"),
                              str(folder / "stop")]) for n in range(WRITERS)]


def wait_for_acks(folder: Path, writers: list[subprocess.Popen], at_least: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert all(writer.poll() is None for writer in writers), "a writer died"
        files = [folder / f"w{n}.acks" for n in range(WRITERS)]
        if all(path.exists() and len(path.read_text().split()) >= at_least for path in files):
            return
        time.sleep(0.05)
    raise AssertionError("the writers did not get going")


def test_a_backup_under_four_writing_processes_is_the_store_as_of_its_moment(sqlite_store, tmp_path, capsys):
    load_small_event()
    close_store()
    writers = start_writers(sqlite_store.url, tmp_path)
    try:
        wait_for_acks(tmp_path, writers, ACKED_BEFORE_BACKUP)
        before = acknowledged(tmp_path)
        assert main(["--db", sqlite_store.url, "backup", "--out", str(tmp_path / "copy.db")]) == 0
        wait_for_acks(tmp_path, writers, max(len(rows) for rows in rows_in(tmp_path / "copy.db").values()) + 10)
    finally:
        (tmp_path / "stop").touch()
        for writer in writers:
            writer.wait(timeout=30)
    assert [writer.returncode for writer in writers] == [0] * WRITERS
    copy, after = rows_in(tmp_path / "copy.db"), rows_in(Path(sqlite_store.location))
    for name in before:
        assert before[name] <= copy[name]  # every row acknowledged before the backup began is in it
        assert copy[name] == set(range(len(copy[name])))  # each writer's rows up to one moment, no gap
        assert copy[name] < after[name]  # and the writers kept writing meanwhile
    assert integrity(tmp_path / "copy.db") == ["ok"]
    assert (tmp_path / "copy.db").stat().st_mode & 0o777 == 0o660
    written = sum(len(rows) for rows in copy.values())
    out = capsys.readouterr().out
    assert f"Cadangan {tmp_path / 'copy.db'}: integritas baik, versi skema" in out
    assert f"acara 1, peserta 4, check-in 0, penjualan 0, pengguna staf 2, catatan audit {number(written + 3)}." in out


def test_rolling_backups_are_named_by_their_time_and_keep_the_newest(sqlite_store, tmp_path):
    load_small_event()
    start = datetime(2018, 7, 5, 1, 0, tzinfo=timezone.utc)
    for step in range(4):
        contents, removed = rolling_backup(sqlite_store, tmp_path / "copies", 2, start + timedelta(minutes=10 * step))
        assert contents.counts["attendee"] == 4
    assert [path.name for path in removed] == ["kiosk-20180705T011000Z.db"]
    kept = sorted(path.name for path in (tmp_path / "copies").iterdir())
    assert kept == ["kiosk-20180705T012000Z.db", "kiosk-20180705T013000Z.db"]
    assert all(ROLLING_NAME.match(name) for name in kept)
    assert (tmp_path / "copies").stat().st_mode & 0o777 == 0o770


def test_backup_every_runs_until_interrupted(sqlite_store, tmp_path, capsys, monkeypatch):
    load_small_event()
    naps = []

    def nap(seconds):
        naps.append(seconds)
        if len(naps) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr("kiosk.backup.pause", nap)
    assert main(["--db", sqlite_store.url, "--lang", "en", "backup", "--every", "10m", "--keep", "12",
                 "--out", str(tmp_path / "copies")]) == 130
    assert all(590 < seconds <= 600 for seconds in naps)
    assert capsys.readouterr().out.count("integrity ok") == 3


def test_backup_every_takes_an_interval_only(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["backup", "--every", "soon", "--out", "/tmp/nowhere"])
    assert exit.value.code == 2
    assert "'soon': use a number and s, m, h or d, e.g. 10m" in capsys.readouterr().err


def test_a_store_that_is_not_there_is_not_made_by_a_backup(tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/none.db"
    assert main(["--db", url, "--lang", "en", "backup", "--out", str(tmp_path / "copy.db")]) == 1
    assert f"kiosk: The store file for {url} cannot be opened" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == []


def test_a_postgresql_store_is_backed_up_with_pg_dump(capsys):
    url = "postgresql://kiosk:rahasia@db.example/plm"
    assert main(["--db", url, "--lang", "en", "backup", "--out", "/tmp/plm.dump"]) == 1
    err = capsys.readouterr().err
    assert "back it up with pg_dump, for example: pg_dump --format=custom --file=/tmp/plm.dump " \
           "postgresql://kiosk@db.example/plm" in err
    assert "rahasia" not in err
    assert main(["--db", url, "--lang", "en", "restore", "/tmp/plm.dump"]) == 1
    assert "pg_restore --clean --if-exists --dbname=postgresql://kiosk@db.example/plm /tmp/plm.dump" in \
           capsys.readouterr().err


def audit_count(store) -> int:
    connection = sqlite3.connect(store.location)
    try:
        return connection.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    finally:
        connection.close()


def test_restore_refuses_a_store_another_process_has_open(sqlite_store, tmp_path, capsys):
    load_small_event()
    assert main(["--db", sqlite_store.url, "backup", "--out", str(tmp_path / "copy.db")]) == 0
    open_store(sqlite_store.url)
    from kiosk.audit import record
    from kiosk.store import write

    with write():
        record("test", "after.backup")  # in the store, not in the copy
    close_store()
    in_copy = audit_count(sqlite_store) - 1
    opener = subprocess.Popen([sys.executable, "-c", OPENER, sqlite_store.url], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert opener.stdout.readline().strip() == "open"
        assert other_opener(Path(sqlite_store.location)) == opener.pid
        assert main(["--db", sqlite_store.url, "--lang", "en", "restore", str(tmp_path / "copy.db")]) == 1
        err = capsys.readouterr().err
        assert f"The store {sqlite_store.location} is open in process {opener.pid} (" in err
        assert "stop every kiosk, board and staff session that uses it, then restore again. Nothing was changed." \
               in err
        assert audit_count(sqlite_store) == in_copy + 1
    finally:
        opener.communicate("\n", timeout=10)
    assert other_opener(Path(sqlite_store.location)) is None
    assert main(["--db", sqlite_store.url, "--lang", "en", "restore", str(tmp_path / "copy.db")]) == 0
    assert f"Restored {tmp_path / 'copy.db'} into {sqlite_store.location}; it holds events 1, attendees 4" in \
           capsys.readouterr().out
    assert audit_count(sqlite_store) == in_copy
    assert integrity(Path(sqlite_store.location)) == ["ok"]


def test_restore_checks_the_file_first(sqlite_store, tmp_path, capsys):
    load_small_event()
    close_store()
    before = audit_count(sqlite_store)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 300)
    assert main(["--db", sqlite_store.url, "--lang", "en", "restore", str(junk)]) == 1
    assert f"kiosk: {junk} is damaged and cannot serve as a backup: file is not a database" in capsys.readouterr().err
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert main(["--db", sqlite_store.url, "--lang", "en", "restore", str(other)]) == 1
    assert f"kiosk: {other} is not a kiosk store (it has no schema history)." in capsys.readouterr().err
    assert main(["--db", sqlite_store.url, "--lang", "en", "restore", str(tmp_path / "missing.db")]) == 1
    assert "missing.db does not exist or is not a file." in capsys.readouterr().err
    assert audit_count(sqlite_store) == before
