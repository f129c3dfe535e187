"""One clock: stored times are UTC through one field type (aware out, nothing shifted by a PostgreSQL
session's zone), the event's clock stamps what people read (audit entries, exports, reveal times, the
"today" of reports, with --now and the demo's clock), and the zones organisers write (WIB, WITA, WIT)."""
from __future__ import annotations

import csv
import io
import shutil
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk import cli, commands
from kiosk.attendees import payload_for
from kiosk.audit import audit_lines, record
from kiosk.checkin import WELCOME, check_in_by_hand, list_by_code, open_list, scan, undo
from kiosk.clock import (
    Clock, ClockError, event_clock, event_now, in_zone, load_zone, use_event_clock, utc_now, zone_name,
)
from kiosk.context import build_context, find_event
from kiosk.reveal import WINNERS, go_to, outline, running_order
from kiosk.sales import find_product, record_sale, void_sale
from kiosk.staff import LOCK_SECONDS, LoginRefused, login
from kiosk.store import close_store, is_postgres, open_store
from models import LIVE, Attendee, AuditEntry, AwardCategory, Checkin, LoginAttempt, RevealState, Sale, database
from models.fields import UTCDateTimeField
from tests.conftest import SMALL_EVENT
from tests.helpers import ADMIN_PIN, TEST_NOW, load_small_event, make_app

UTC = timezone.utc
JAKARTA = ZoneInfo("Asia/Jakarta")
MAKASSAR = ZoneInfo("Asia/Makassar")
NEW_YORK = ZoneInfo("America/New_York")
DEMO_NOW = "2018-07-05T14:30"


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=JAKARTA)


def stored_text(table: str, column: str, row_id: int) -> str:
    """What the store's column holds, as text (PostgreSQL casts its timestamp)."""
    cast = '::text' if is_postgres() else ""
    (text,) = database.execute_sql(f'SELECT "{column}"{cast} FROM "{table}" WHERE "id" = {database.param}',
                                   (row_id,)).fetchone()
    return str(text)


def run_kiosk(url: str, capsys, monkeypatch, *args: str, stdin: str = "", lang: str = "en") -> tuple[int, str, str]:
    """`kiosk --db URL --lang LANG ARGS…` in this process, as a person runs it; (exit status, stdout, stderr)."""
    close_store()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = cli.main(["--db", url, "--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def csv_rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


# ---- the field ---------------------------------------------------------------------------------------

def test_a_stored_time_comes_back_aware_utc_and_is_stored_as_naive_utc(event):
    attendee = Attendee.get(Attendee.code == "P0001")
    result = check_in_by_hand(list_by_code(event, "HARI1"), attendee, "meja", "lost badge", wib(5, 8, 15))
    assert result.outcome == WELCOME

    checkin = Checkin.get_by_id(result.checkin.id)
    assert checkin.at == datetime(2018, 7, 5, 1, 15, tzinfo=UTC) and checkin.at.tzinfo is UTC
    assert stored_text("checkin", "at", checkin.id) == "2018-07-05 01:15:00"  # as a plain DateTimeField stored it
    # An aware value in any zone, or a naive one read as UTC, finds it; the column type is unchanged.
    assert Checkin.get(Checkin.at == datetime(2018, 7, 4, 21, 15, tzinfo=NEW_YORK)).id == checkin.id
    assert Checkin.get(Checkin.at == datetime(2018, 7, 5, 1, 15)).id == checkin.id
    assert Checkin.at.field_type == "DATETIME"


def test_the_field_converts_both_ways():
    field = UTCDateTimeField()
    assert field.db_value(datetime(2018, 7, 5, 8, 15, tzinfo=JAKARTA)) == datetime(2018, 7, 5, 1, 15)
    assert field.db_value(datetime(2018, 7, 5, 1, 15)) == datetime(2018, 7, 5, 1, 15)
    assert field.db_value(None) is None
    assert field.python_value("2018-07-05 01:15:00") == datetime(2018, 7, 5, 1, 15, tzinfo=UTC)
    assert field.python_value("2018-07-05 01:15:00.250000") == datetime(2018, 7, 5, 1, 15, 0, 250000, tzinfo=UTC)
    assert field.python_value(datetime(2018, 7, 5, 1, 15)) == datetime(2018, 7, 5, 1, 15, tzinfo=UTC)
    assert field.python_value(datetime(2018, 7, 5, 8, 15, tzinfo=JAKARTA)).tzinfo is UTC
    assert field.python_value(None) is None


def test_a_postgresql_session_in_another_zone_shifts_nothing(event):
    if not is_postgres():
        pytest.skip("a PostgreSQL session's TimeZone; SQLite has none")
    database.execute_sql("SET TIME ZONE 'America/New_York'")
    assert database.execute_sql("SHOW TIME ZONE").fetchone()[0] == "America/New_York"
    # What the field guards against: an aware value bound to a `timestamp` is moved into the session's zone.
    (shifted,) = database.execute_sql("SELECT %s::timestamp", (wib(5, 8, 15),)).fetchone()
    assert shifted == datetime(2018, 7, 4, 21, 15)

    hari1 = open_list(event, wib(5, 8, 15))  # compared in SQL with the session in New York
    assert hari1 is not None and hari1.code == "HARI1"
    attendee = Attendee.get(Attendee.code == "P0001")
    result = scan(event, hari1, payload_for(event, attendee), "lobby-1", wib(5, 8, 15))
    assert result.outcome == WELCOME
    assert stored_text("checkin", "at", result.checkin.id) == "2018-07-05 01:15:00"
    assert Checkin.get_by_id(result.checkin.id).at == wib(5, 8, 15)
    assert database.execute_sql("SHOW TIME ZONE").fetchone()[0] == "America/New_York"  # written in that session

    undo(Checkin.get_by_id(result.checkin.id), "meja", "wrong person", wib(5, 9, 0))
    database.execute_sql("SET TIME ZONE 'Asia/Tokyo'")  # read in yet another session zone
    again = Checkin.get_by_id(result.checkin.id)
    assert (again.at, again.undone_at) == (wib(5, 8, 15), wib(5, 9, 0))
    assert stored_text("checkin", "undone_at", again.id) == "2018-07-05 02:00:00"
    assert in_zone(again.at, JAKARTA).strftime("%H:%M") == "08:15"


# ---- the process's event clock -----------------------------------------------------------------------

def test_the_event_clock_is_real_time_until_one_is_registered_and_belongs_to_its_store(sqlite_url, tmp_path):
    open_store(sqlite_url)
    use_event_clock(None)
    before = utc_now()
    assert event_clock() is None and before <= event_now() <= utc_now()  # aware UTC, real time
    use_event_clock(Clock.fixed("Asia/Jakarta", DEMO_NOW))
    assert event_now() == wib(5, 14, 30)
    assert record("admin", "test").at == wib(5, 14, 30)
    close_store()
    open_store(f"sqlite:///{tmp_path}/other.db")  # another store: not that event's clock
    assert event_clock() is None and event_now().year >= 2024
    close_store()


def test_the_tests_app_registers_its_clock(event, store):
    make_app(store, lambda: None)
    assert event_now() == datetime.fromisoformat(TEST_NOW).replace(tzinfo=JAKARTA)


def test_with_now_audit_entries_exports_and_reveal_times_say_the_event_day(store_url, tmp_path, capsys,
                                                                            monkeypatch):
    now = ("--now", DEMO_NOW)
    code, out, _ = run_kiosk(store_url, capsys, monkeypatch, *now, "import", str(SMALL_EVENT))
    assert code == 0, out
    assert run_kiosk(store_url, capsys, monkeypatch, *now, "user", "add", "admin", "--role", "admin",
                     "--pin-stdin", stdin=f"{ADMIN_PIN}\n")[0] == 0

    # What a screen does, on the clock `kiosk --now 2018-07-05T14:30 …` builds (kiosk.commands.run_app).
    close_store()
    context = build_context(open_store(store_url), now=DEMO_NOW)
    event, clock = context.event, context.clock
    assert clock.now().strftime("%Y-%m-%d %H:%M") == "2018-07-05 14:30"
    login("admin", ADMIN_PIN, "meja-1")
    attendee = Attendee.get(Attendee.code == "P0001")
    assert scan(event, open_list(event, clock.now()), payload_for(event, attendee), "lobby-1",
                clock.now()).outcome == WELCOME
    check_in_by_hand(list_by_code(event, "HARI1"), Attendee.get(Attendee.code == "P0002"), "meja", "lost badge",
                     clock.now())
    sale = record_sale(find_product(event, "GK-KERIPIK"), 2, "cash", "", "sari", "lapak-1", clock.now()).sale
    void_sale(sale, "admin", "wrong item", clock.now())
    steps = running_order(outline(event))
    go_to(event, LIVE, next(n for n, s in enumerate(steps) if s.kind == WINNERS and s.category == 0), "mc")

    for what in ("checkins", "sales", "awards"):
        extra = ("--all", "--pin-stdin") if what == "awards" else ()
        code, out, err = run_kiosk(store_url, capsys, monkeypatch, *now, "export", what, "--out",
                                   str(tmp_path / f"{what}.csv"), *extra, stdin=f"admin\n{ADMIN_PIN}\n")
        assert (code, err) == (0, ""), err
    times = [row[key] for row in csv_rows(tmp_path / "checkins.csv") for key in ("at",)]
    times += [row[key] for row in csv_rows(tmp_path / "sales.csv") for key in ("at", "voided_at")]
    times += [row["revealed_at"] for row in csv_rows(tmp_path / "awards.csv") if row["category"] == "DAERAH"]
    assert len(times) == 5
    assert all(text.startswith("2018-07-05T14:3") and text.endswith("+07:00") for text in times), times

    revealed = AwardCategory.get(AwardCategory.code == "DAERAH").revealed_at
    assert in_zone(revealed, JAKARTA).strftime("%Y-%m-%d %H:%M") == "2018-07-05 14:30"
    lines = audit_lines(JAKARTA)
    actions = {line.action for line in lines}
    assert {"import", "user.add", "login", "checkin.manual", "sale.void", "reveal.step", "reveal.winners",
            "awards.export"} <= actions
    assert all(line.at.strftime("%Y-%m-%d %H:%M") == "2018-07-05 14:30" for line in lines), \
        [(line.action, line.at) for line in lines]
    # Ordering keeps real time.
    assert RevealState.get((RevealState.event == event) & (RevealState.mode == LIVE)).updated_at.year >= 2024


def test_lock_outs_run_on_real_time_whatever_the_event_clock(event):
    use_event_clock(Clock.fixed("Asia/Jakarta", DEMO_NOW))
    for _ in range(5):
        with pytest.raises(LoginRefused):
            login("admin", "000000", "kiosk-7")
    locked = LoginAttempt.get((LoginAttempt.scope == "name") & (LoginAttempt.key == "admin")).locked_until
    assert abs(locked - (utc_now() + timedelta(seconds=LOCK_SECONDS))) < timedelta(seconds=30)
    failures = AuditEntry.select().where(AuditEntry.action == "login.failed")
    assert [entry.at for entry in failures] == [wib(5, 14, 30)] * 5  # the log still reads the event's time


def test_the_demo_records_its_loading_on_its_clock(sqlite_url, capsys, monkeypatch):
    started = []
    monkeypatch.setattr(commands, "run_app", lambda args, store, screen, now=None, **kw: started.append(now) or 0)
    assert run_kiosk(sqlite_url, capsys, monkeypatch, "demo")[0] == 0
    assert started == [DEMO_NOW]
    entries = list(AuditEntry.select())
    assert {entry.action for entry in entries} >= {"import", "user.add"}
    assert all(in_zone(entry.at, JAKARTA).strftime("%Y-%m-%d %H:%M") == "2018-07-05 14:30" for entry in entries)
    last_sale = Sale.select().order_by(Sale.at.desc()).first()
    assert wib(5, 10) <= last_sale.at <= wib(5, 14, 30)  # stamped by the demo's day, not today


# ---- an event in another zone than the machine's ---------------------------------------------------

@pytest.fixture
def makassar_folder(tmp_path):
    """The small event, its time_zone written as an organiser in Makassar writes it."""
    folder = tmp_path / "makassar"
    shutil.copytree(SMALL_EVENT, folder)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('time_zone = "Asia/Jakarta"', 'time_zone = "wita"'),
                    encoding="utf-8")
    return folder


@pytest.fixture
def machine_in_utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    assert time.localtime(0).tm_hour == 0
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_event_in_makassar_on_a_machine_in_utc(store_url, makassar_folder, machine_in_utc, tmp_path, capsys,
                                                   monkeypatch):
    now = ("--now", "2018-07-05T08:15")
    code, out, _ = run_kiosk(store_url, capsys, monkeypatch, *now, "import", str(makassar_folder))
    assert code == 0
    assert "Note: time_zone wita read as Asia/Makassar." in out.splitlines()
    event = find_event()
    assert event.time_zone == "Asia/Makassar"
    hari1 = list_by_code(event, "HARI1")
    assert stored_text("checkin_list", "opens_at", hari1.id) == "2018-07-04 22:00:00"  # 06:00 WITA

    close_store()
    context = build_context(open_store(store_url), now="2018-07-05T08:15")
    event, clock = context.event, context.clock
    assert clock.zone_label() == "WITA (UTC+8)"
    attendee = Attendee.get(Attendee.code == "P0001")
    result = scan(event, open_list(event, clock.now()), payload_for(event, attendee), "lobby-1", clock.now())
    assert result.outcome == WELCOME
    assert stored_text("checkin", "at", result.checkin.id).startswith("2018-07-05 00:15")
    check_in_by_hand(hari1, Attendee.get(Attendee.code == "P0002"), "meja", "lost badge", clock.now())
    record_sale(find_product(event, "GK-KERIPIK"), 1, "cash", "", "sari", "lapak-1", clock.now())
    assert [(line.action, line.at.strftime("%d-%m %H:%M")) for line in audit_lines(MAKASSAR)] == [
        ("checkin.manual", "05-07 08:15"), ("import", "05-07 08:15")]

    code, out, err = run_kiosk(store_url, capsys, monkeypatch, *now, "export", "checkins", "--out",
                               str(tmp_path / "checkins.csv"))
    assert code == 0, err
    assert csv_rows(tmp_path / "checkins.csv")[0]["at"].startswith("2018-07-05T08:15")
    assert csv_rows(tmp_path / "checkins.csv")[0]["at"].endswith("+08:00")
    code, out, _ = run_kiosk(store_url, capsys, monkeypatch, *now, "stats")
    assert code == 0 and "By hour, WITA (UTC+8)" in out and "08:00" in out
    code, out, _ = run_kiosk(store_url, capsys, monkeypatch, *now, "report", "sales", "--stall", "L01")
    assert code == 0
    assert out.splitlines()[0].endswith("on Thursday, 5 July 2018, times in WITA (UTC+8)")
    assert "1 sale, 1 item" in out


# ---- zones as organisers write them ----------------------------------------------------------------

@pytest.mark.parametrize("written, zone", [
    ("WIB", "Asia/Jakarta"), ("wita", "Asia/Makassar"), (" Wit ", "Asia/Jayapura"), ("Asia/Makassar", "Asia/Makassar"),
])
def test_indonesian_zone_abbreviations_are_read_as_their_iana_zones(written, zone):
    assert zone_name(written) == zone
    assert load_zone(written) == ZoneInfo(zone)


@pytest.mark.parametrize("written, hint", [
    ("Asia/Yogyakarta", "Yogyakarta is in Asia/Jakarta (WIB)"),
    ("Asia/Denpasar", "Denpasar is in Asia/Makassar (WITA)"),
    ("Ambon", "Ambon is in Asia/Jayapura (WIT)"),
    ("UTC+8", "UTC+8 in Indonesia is Asia/Makassar (WITA)"),
    ("GMT+09:00", "UTC+9 in Indonesia is Asia/Jayapura (WIT)"),
    ("asia/makassar", "did you mean Asia/Makassar?"),
    ("Asia/Jakata", "did you mean Asia/Jakarta?"),
    ("Kuala Lumpur", "did you mean Asia/Kuala_Lumpur?"),
    ("Mars/Olympus", "write a zone name such as Asia/Jakarta, or WIB, WITA or WIT"),
])
def test_an_unknown_zone_gets_a_hint_at_the_zone_it_means(written, hint):
    with pytest.raises(ClockError) as refused:
        load_zone(written)
    assert str(refused.value) == f"'{written}' is not a known time zone: {hint}"


def test_a_wita_event_imports_as_asia_makassar_and_says_so(store_url, makassar_folder, capsys, monkeypatch):
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "import", str(makassar_folder))
    assert (code, err) == (0, "")
    assert "Note: time_zone wita read as Asia/Makassar." in out.splitlines()
    event = find_event()
    assert event.time_zone == "Asia/Makassar"
    assert in_zone(list_by_code(event, "HARI1").opens_at, MAKASSAR).strftime("%H:%M") == "06:00"
    code, out, _ = run_kiosk(store_url, capsys, monkeypatch, "import", str(makassar_folder))
    assert code == 0 and "Changes: nothing changed." in out  # the stored zone matches what is read again
    code, out, _ = run_kiosk(store_url, capsys, monkeypatch, "info")
    assert "Asia/Makassar" in out


# ---- slips of a day outside the event -----------------------------------------------------------------

def test_a_report_for_today_outside_the_event_names_its_days(store_url, capsys, monkeypatch):
    assert run_kiosk(store_url, capsys, monkeypatch, "import", str(SMALL_EVENT))[0] == 0
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "--now", "2018-07-10T10:00", "report", "sales")
    assert (code, err) == (0, "")  # asked for "today" on a day between: an answer, not a failure
    assert out.splitlines() == [
        "No slips: today (Tuesday, 10 July 2018, WIB (UTC+7)) is not a day of PLM Uji Coba (small), whose days are "
        "Thursday, 5 July 2018 and Friday, 6 July 2018. For one of them: kiosk report sales --day 2018-07-05"]
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "--now", "2018-07-10T10:00", "report", "sales",
                               lang="id")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Tidak ada rekap: hari ini (Selasa, 10 Juli 2018, WIB (UTC+7)) bukan hari PLM Uji Coba (small), yang "
        "harinya Kamis, 5 Juli 2018 dan Jumat, 6 Juli 2018. Untuk salah satunya: kiosk report sales --day 2018-07-05"]


def test_a_report_for_a_named_day_outside_the_event_fails_in_one_sentence(store_url, capsys, monkeypatch):
    assert run_kiosk(store_url, capsys, monkeypatch, "import", str(SMALL_EVENT))[0] == 0
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "report", "sales", "--day", "2018-07-15")
    assert (code, out) == (1, "")  # a day the event does not have, most likely mistyped
    assert err.splitlines() == ["kiosk: Sunday, 15 July 2018 is not a day of PLM Uji Coba (small), whose days are "
                                "Thursday, 5 July 2018 and Friday, 6 July 2018, and no sale was made on it."]
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "report", "sales", "--day", "2018-07-15", lang="id")
    assert (code, out) == (1, "")
    assert err.splitlines() == ["kiosk: Minggu, 15 Juli 2018 bukan hari PLM Uji Coba (small), yang harinya "
                                "Kamis, 5 Juli 2018 dan Jumat, 6 Juli 2018, dan tidak ada penjualan pada hari itu."]


def test_sales_made_outside_the_event_days_are_still_reported(store_url, capsys, monkeypatch):
    assert run_kiosk(store_url, capsys, monkeypatch, "import", str(SMALL_EVENT))[0] == 0
    record_sale(find_product(find_event(), "GK-KERIPIK"), 1, "cash", "", "sari", "lapak-1", wib(4, 16))
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "--now", "2018-07-04T17:00", "report", "sales",
                               "--stall", "L01")
    assert code == 0
    assert err.splitlines() == ["kiosk: Today (Wednesday, 4 July 2018, WIB (UTC+7)) is not a day of PLM Uji Coba "
                                "(small), whose days are Thursday, 5 July 2018 and Friday, 6 July 2018, but 1 sale "
                                "was made on it: the slips follow."]
    assert out.splitlines()[0] == "Sales of PLM Uji Coba (small) on Wednesday, 4 July 2018, times in WIB (UTC+7)"
    assert "1 sale, 1 item" in out
    record_sale(find_product(find_event(), "GK-KERIPIK"), 1, "cash", "", "sari", "lapak-1", wib(4, 17))
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "--now", "2018-07-04T17:00", "report", "sales",
                               "--day", "2018-07-04")
    assert code == 0
    assert err.splitlines() == ["kiosk: Wednesday, 4 July 2018 is not a day of PLM Uji Coba (small), whose days are "
                                "Thursday, 5 July 2018 and Friday, 6 July 2018, but 2 sales were made on it: the "
                                "slips follow."]
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "--now", "2018-07-04T17:00", "report", "sales",
                               lang="id")
    assert err.splitlines() == ["kiosk: Hari ini (Rabu, 4 Juli 2018, WIB (UTC+7)) bukan hari PLM Uji Coba (small), "
                                "yang harinya Kamis, 5 Juli 2018 dan Jumat, 6 Juli 2018, tetapi ada 2 penjualan pada "
                                "hari itu: rekapnya menyusul."]
    assert out.splitlines()[0] == "Penjualan PLM Uji Coba (small) pada Rabu, 4 Juli 2018, waktu dalam WIB (UTC+7)"
    assert "2 penjualan, 2 item" in out


def test_a_report_on_an_event_day_is_the_slips(store_url, capsys, monkeypatch):
    assert run_kiosk(store_url, capsys, monkeypatch, "import", str(SMALL_EVENT))[0] == 0
    code, out, err = run_kiosk(store_url, capsys, monkeypatch, "--now", "2018-07-06T20:00", "report", "sales")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Sales of PLM Uji Coba (small) on Friday, 6 July 2018, times in WIB (UTC+7)"
