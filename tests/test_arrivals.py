"""Arrival figures, the check-in export and their commands, over a real store (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk import cli
from kiosk.arrivals import ArrivalStats, arrival_stats
from kiosk.attendees import event_secret, find_by_code, payload_for, register_walk_in
from kiosk.checkin import NOT_ADMITTED, WELCOME, check_in_by_hand, list_by_code, scan, undo
from kiosk.context import find_event
from kiosk.exports import CHECKINS_HEADER, export_checkins
from kiosk.store import close_store
from tests.helpers import load_small_event

JAKARTA = ZoneInfo("Asia/Jakarta")


def wib(hour: int, minute: int, day: int = 5) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=JAKARTA)


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


@pytest.fixture
def arrived(event):
    """Day 1: two scans at lobby-1 (08:15, 08:40), one by hand at the desk (10:05), and one scan at
    lobby-2 (11:20) that the desk undid. Gala: the VIP (19:00) and the speaker (19:10) at gala-door."""
    day1, gala = list_by_code(event, "HARI1"), list_by_code(event, "GALA")
    assert scan(event, day1, badge(event, "P0001"), "lobby-1", wib(8, 15)).outcome == WELCOME
    assert scan(event, day1, badge(event, "P0002"), "lobby-1", wib(8, 40)).outcome == WELCOME
    by_hand = check_in_by_hand(day1, find_by_code(event, "P0003"), "meja", "badge left at hotel", wib(10, 5))
    assert by_hand.outcome == WELCOME
    mistaken = scan(event, day1, badge(event, "V0001"), "lobby-2", wib(11, 20))
    assert mistaken.outcome == WELCOME
    undo(mistaken.checkin, "meja", "scanned the wrong badge", wib(11, 25))
    assert scan(event, gala, badge(event, "V0001"), "gala-door", wib(19, 0)).outcome == WELCOME
    assert scan(event, gala, badge(event, "P0003"), "gala-door", wib(19, 10)).outcome == WELCOME
    assert scan(event, gala, badge(event, "P0001"), "gala-door", wib(19, 20)).reason == NOT_ADMITTED
    return event


def badge(event, code):
    return payload_for(event, find_by_code(event, code))


BY_LIST = [("HARI1", "Hari 1", 3), ("GALA", "Gala dinner", 2)]

DAY1 = ArrivalStats(
    total=3,
    registered=4,
    by_list=BY_LIST,
    by_kind=[("provincial", 1), ("regency-city", 1), ("village-tbm", 1), ("guest", 0)],
    by_terminal=[("lobby-1", 2), ("meja", 1)],
    by_hour=[("08:00", 2), ("09:00", 0), ("10:00", 1)],  # WIB; the undone 11:20 scan ends nothing
)

GALA = ArrivalStats(
    total=2,
    registered=2,  # the vip and the speaker only
    by_list=BY_LIST,
    by_kind=[("provincial", 1), ("regency-city", 0), ("village-tbm", 0), ("guest", 1)],
    by_terminal=[("gala-door", 2)],
    by_hour=[("19:00", 2)],
)


# --- figures ------------------------------------------------------------------------------------


def test_figures_of_day_one_count_live_check_ins_in_the_event_zone(arrived):
    assert arrival_stats(arrived, list_by_code(arrived, "HARI1")) == DAY1


def test_figures_of_the_gala_count_only_the_invited_categories(arrived):
    assert arrival_stats(arrived, list_by_code(arrived, "GALA")) == GALA


def test_figures_of_every_list(arrived):
    stats = arrival_stats(arrived, None)
    assert stats.total == 5 and stats.registered == 4
    assert stats.by_list == BY_LIST
    assert stats.by_kind == [("provincial", 2), ("regency-city", 1), ("village-tbm", 1), ("guest", 1)]
    assert stats.by_terminal == [("gala-door", 2), ("lobby-1", 2), ("meja", 1)]  # ties by name
    assert [hour for hour, _ in stats.by_hour] == [f"{h:02d}:00" for h in range(8, 20)]
    assert dict(stats.by_hour) == {**{f"{h:02d}:00": 0 for h in range(8, 20)}, "08:00": 2, "10:00": 1, "19:00": 2}


def test_the_machine_time_zone_changes_nothing(arrived, tmp_path, monkeypatch):
    day1, gala = list_by_code(arrived, "HARI1"), list_by_code(arrived, "GALA")
    export_checkins(arrived, tmp_path / "jakarta.csv")
    try:
        with monkeypatch.context() as patched:
            patched.setenv("TZ", "America/New_York")
            time.tzset()
            assert time.localtime(0).tm_hour == 19  # the process really is in New York now
            assert arrival_stats(arrived, day1) == DAY1
            assert arrival_stats(arrived, gala) == GALA
            export_checkins(arrived, tmp_path / "new_york.csv")
    finally:
        time.tzset()
    assert (tmp_path / "new_york.csv").read_text() == (tmp_path / "jakarta.csv").read_text()


def test_an_attendee_without_institution_counts_as_none(arrived):
    day1 = list_by_code(arrived, "HARI1")
    walk_in = register_walk_in(arrived, "Tamu Tanpa Lembaga", None, "participant", "id", "meja")
    assert check_in_by_hand(day1, walk_in, "meja", "walk-in", wib(10, 30)).outcome == WELCOME
    stats = arrival_stats(arrived, day1)
    assert (stats.total, stats.registered) == (4, 5)
    assert stats.by_kind == [("provincial", 1), ("regency-city", 1), ("village-tbm", 1), ("guest", 0), ("none", 1)]
    assert stats.by_terminal == [("lobby-1", 2), ("meja", 2)]  # ties in name order
    assert stats.by_hour == [("08:00", 2), ("09:00", 0), ("10:00", 2)]


def test_a_list_with_no_arrivals(event):
    stats = arrival_stats(event, list_by_code(event, "GALA"))
    assert stats == ArrivalStats(total=0, registered=2, by_list=[("HARI1", "Hari 1", 0), ("GALA", "Gala dinner", 0)],
                                 by_kind=[("provincial", 0), ("regency-city", 0), ("village-tbm", 0), ("guest", 0)],
                                 by_terminal=[], by_hour=[])


def test_hours_past_midnight_keep_their_order(event):
    gala = list_by_code(event, "GALA")
    scan(event, gala, badge(event, "V0001"), "gala-door", wib(23, 50))
    scan(event, gala, badge(event, "P0003"), "gala-door", wib(0, 10, day=6))
    assert arrival_stats(event, gala).by_hour == [("23:00", 1), ("00:00", 1)]


# --- export -------------------------------------------------------------------------------------


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_export_writes_every_check_in_with_times_in_the_event_zone(arrived, tmp_path):
    out = tmp_path / "exports" / "checkins.csv"

    assert export_checkins(arrived, out) == 6

    header, *rows = read_csv(out)
    assert tuple(header) == CHECKINS_HEADER == (
        "list", "attendee", "name", "institution", "institution_name", "category", "at", "terminal",
        "method", "reason", "undone_at", "undone_by", "undo_reason")
    assert [(row[0], row[1], row[6], row[7], row[8]) for row in rows] == [
        ("HARI1", "P0001", "2018-07-05T08:15:00+07:00", "lobby-1", "scan"),
        ("HARI1", "P0002", "2018-07-05T08:40:00+07:00", "lobby-1", "scan"),
        ("HARI1", "P0003", "2018-07-05T10:05:00+07:00", "meja", "manual"),
        ("HARI1", "V0001", "2018-07-05T11:20:00+07:00", "lobby-2", "scan"),
        ("GALA", "V0001", "2018-07-05T19:00:00+07:00", "gala-door", "scan"),
        ("GALA", "P0003", "2018-07-05T19:10:00+07:00", "gala-door", "scan"),
    ]
    assert rows[1] == ["HARI1", "P0002", "Bambang Sutrisno", "DESA-BEJIHARJO",
                       "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", "participant",
                       "2018-07-05T08:40:00+07:00", "lobby-1", "scan", "", "", "", ""]
    assert rows[2][9] == "badge left at hotel"
    undone = rows[3]
    assert undone[10:] == ["2018-07-05T11:25:00+07:00", "meja", "scanned the wrong badge"]
    assert [row[10] for row in rows].count("") == 5
    text = out.read_text(encoding="utf-8")
    assert event_secret(arrived) not in text and "B:" not in text  # no secret, no badge payload
    assert [path.name for path in out.parent.iterdir()] == ["checkins.csv"]  # no temporary file left


def test_an_export_that_fails_leaves_the_earlier_file_whole(arrived, tmp_path, monkeypatch):
    import kiosk.exports

    out = tmp_path / "checkins.csv"
    export_checkins(arrived, out)
    before = out.read_bytes()

    original = kiosk.exports.checkin_rows
    monkeypatch.setattr(kiosk.exports, "checkin_rows", lambda event: _fail_after_two(original(event)))

    with pytest.raises(OSError):
        export_checkins(arrived, out)

    assert out.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def _fail_after_two(rows):
    for n, row in enumerate(rows):
        if n == 2:
            raise OSError(28, "No space left on device")
        yield row


def test_an_export_of_no_check_ins_is_the_header_alone(event, tmp_path):
    out = tmp_path / "empty.csv"
    assert export_checkins(event, out) == 0
    assert read_csv(out) == [list(CHECKINS_HEADER)]


# --- commands -----------------------------------------------------------------------------------


def run_kiosk(store, capsys, *args, lang="en"):
    close_store()  # the command opens the store itself, as a person's run would
    capsys.readouterr()
    code = cli.main(["--db", store.url, "--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def test_stats_shows_the_list_open_now(arrived, store, capsys):
    code, out, err = run_kiosk(store, capsys, "--now", "2018-07-05T12:00", "stats")

    assert (code, err) == (0, [])
    assert out == [
        "PLM Uji Coba (small), Day 1 (HARI1): 3 checked in, 4 registered",
        "",
        "By list",
        "  HARI1  Day 1        3",
        "  GALA   Gala dinner  2",
        "",
        "By kind of institution",
        "  Provincial library    1",
        "  Regency/city library  1",
        "  Village library/TBM   1",
        "  Guest                 0",
        "",
        "By kiosk",
        "  lobby-1  2",
        "  meja     1",
        "",
        "By hour, WIB (UTC+7)",
        "  08:00  2  ##############################",
        "  09:00  0",
        "  10:00  1  ###############",
    ]


def test_stats_in_indonesian(arrived, store, capsys):
    code, out, err = run_kiosk(store, capsys, "--now", "2018-07-05T12:00", "stats", lang="id")

    assert (code, err) == (0, [])
    assert out == [
        "PLM Uji Coba (small), Hari 1 (HARI1): 3 hadir, 4 terdaftar",
        "",
        "Per daftar",
        "  HARI1  Hari 1       3",
        "  GALA   Gala dinner  2",
        "",
        "Per jenis lembaga",
        "  Perpustakaan provinsi        1",
        "  Perpustakaan kabupaten/kota  1",
        "  Perpustakaan desa/TBM        1",
        "  Tamu                         0",
        "",
        "Per kios",
        "  lobby-1  2",
        "  meja     1",
        "",
        "Per jam, WIB (UTC+7)",
        "  08:00  2  ##############################",
        "  09:00  0",
        "  10:00  1  ###############",
    ]
    code, out, err = run_kiosk(store, capsys, "stats", "--list", "NOPE", lang="id")
    assert (code, out, err) == (1, [], ["kiosk: Acara ini tidak punya daftar check-in 'NOPE' (daftar: HARI1, GALA)."])


def test_stats_of_a_named_list_and_of_every_list(arrived, store, capsys):
    code, out, _ = run_kiosk(store, capsys, "--now", "2018-07-05T12:00", "stats", "--list", "gala")
    assert code == 0
    assert out[0] == "PLM Uji Coba (small), Gala dinner (GALA): 2 checked in, 2 registered"
    assert out[out.index("By kiosk") + 1:out.index("By kiosk") + 2] == ["  gala-door  2"]
    assert out[-1] == "  19:00  2  ##############################"

    code, out, _ = run_kiosk(store, capsys, "stats", "--now", "2018-07-04T12:00")  # nothing open the day before
    assert code == 0
    assert out[0] == "PLM Uji Coba (small), every list: 5 checked in, 4 registered"
    assert out[out.index("By hour, WIB (UTC+7)") + 1:][:3] == [
        "  08:00  2  ##############################",
        "  09:00  0",
        "  10:00  1  ###############",
    ]


def test_stats_of_an_unknown_list_is_one_sentence(arrived, store, capsys):
    code, out, err = run_kiosk(store, capsys, "stats", "--list", "NOPE")
    assert (code, out) == (1, [])
    assert err == ["kiosk: The event has no check-in list 'NOPE' (lists: HARI1, GALA)."]


def test_stats_and_export_need_an_event(store, tmp_path, capsys):
    no_event = "kiosk: The store has no event yet: run `kiosk import FOLDER` or `kiosk demo` first."
    assert run_kiosk(store, capsys, "stats") == (1, [], [no_event])
    out = tmp_path / "checkins.csv"
    assert run_kiosk(store, capsys, "export", "checkins", "--out", str(out)) == (1, [], [no_event])
    assert not out.exists()


def test_export_checkins_command_says_how_many_and_where(arrived, store, tmp_path, capsys):
    out = tmp_path / "checkins.csv"
    code, printed, err = run_kiosk(store, capsys, "export", "checkins", "--out", str(out))
    assert (code, err) == (0, [])
    assert printed == [f"Wrote 6 check-ins of PLM Uji Coba (small) to {out}"]
    assert len(read_csv(out)) == 7
    code, printed, err = run_kiosk(store, capsys, "export", "checkins", "--out", str(out), lang="id")
    assert (code, err, printed) == (0, [], [f"6 check-in acara PLM Uji Coba (small) ditulis ke {out}"])


def test_export_into_a_folder_it_cannot_write_is_one_sentence(arrived, store, tmp_path, capsys):
    folder = tmp_path / "taken"
    folder.mkdir()
    code, printed, err = run_kiosk(store, capsys, "export", "checkins", "--out", str(folder))
    assert (code, printed) == (1, [])
    assert len(err) == 1 and err[0].startswith(f"kiosk: cannot write {folder}: ")


@pytest.mark.parametrize("words", [["stats"], ["export"], ["export", "checkins"]], ids=" ".join)
def test_help(words, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main([*words, "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("usage: kiosk " + " ".join(words))
