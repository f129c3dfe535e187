"""The day's sales report, its slip command and the sales export, over a real store (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import time
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk import cli
from kiosk.board import board_state
from kiosk.context import find_event
from kiosk.exports import SALES_HEADER, export_sales
from kiosk.sales import find_product, record_sale, void_sale
from kiosk.sales_report import StallDay, VoidedSale, day_bounds, day_report, event_total
from kiosk.store import close_store
from models import Stall, StallTotal
from tests.helpers import load_small_event

JAKARTA = ZoneInfo("Asia/Jakarta")
UTC = timezone.utc
DAY1, DAY2 = date(2018, 7, 5), date(2018, 7, 6)


def wib(hour: int, minute: int = 0, day: int = 5) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=JAKARTA)


@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


def sell(event, code, quantity, at, method="cash", reference="", seller="sari", terminal="lapak-1", **options):
    return record_sale(find_product(event, code), quantity, method, reference, seller, terminal, at, **options).sale


@pytest.fixture
def sold(event):
    """Day 1 at L01: batik by QRIS (10:05), keripik x4 in cash (11:05) voided at 11:10 for a wrong count,
    keripik x2 in cash (11:15), batik by transfer (14:00) voided the next morning, keripik x3 in cash at
    23:30 (16:30 UTC). At L02 the bag by transfer (12:00). Day 2: keripik x1 by QRIS at 00:30 WIB
    (still the 5th in UTC), and the bag oversold in cash (09:00)."""
    sell(event, "GK-BATIK", 1, wib(10, 5), "qris", "QR-1")
    wrong = sell(event, "GK-KERIPIK", 4, wib(11, 5))
    void_sale(wrong, "admin", "wrong count", wib(11, 10))
    sell(event, "GK-KERIPIK", 2, wib(11, 15))
    returned = sell(event, "GK-BATIK", 1, wib(14, 0), "transfer", "TRX-7", seller="budi", terminal="lapak-2")
    sell(event, "BJ-ANYAM", 1, wib(12, 0), "transfer", "TRX-8", seller="wati", terminal="lapak-3")
    sell(event, "GK-KERIPIK", 3, wib(23, 30))
    sell(event, "GK-KERIPIK", 1, wib(0, 30, day=6), "qris", "QR-2")
    void_sale(returned, "admin", "returned, wrong size", wib(8, 0, day=6))
    sell(event, "BJ-ANYAM", 1, wib(9, 0, day=6), oversell=True)
    return event


CASH, QRIS, TRANSFER = "cash", "qris", "transfer"


def split(cash=0, qris=0, transfer=0) -> dict[str, int]:
    return {CASH: cash, QRIS: qris, TRANSFER: transfer}


# --- the report ---------------------------------------------------------------------------------


def test_a_day_per_stall_with_the_method_split_and_the_voids(sold):
    l01, l02 = day_report(sold, DAY1, JAKARTA)

    assert (l01.code, l01.name, l01.sales, l01.items, l01.revenue) == ("L01", "Lapak Gunungkidul", 3, 6, 325000)
    assert l01.by_method == split(cash=30000 + 45000, qris=250000)
    assert l01.voids == [
        VoidedSale(2, wib(11, 5), "GK-KERIPIK", "Keripik belalang", 4, 60000, "sari", wib(11, 10), "admin",
                   "wrong count"),
        VoidedSale(4, wib(14, 0), "GK-BATIK", "Batik tulis Gunungkidul", 1, 250000, "budi", wib(8, 0, day=6),
                   "admin", "returned, wrong size"),  # a sale belongs to the day it was made
    ]
    assert l02 == StallDay("L02", "Lapak Bejiharjo", 1, 1, 85000, split(transfer=85000), [])
    assert list(l01.by_method) == [CASH, QRIS, TRANSFER]
    assert all(isinstance(n, int) for d in (l01, l02) for n in (d.sales, d.items, d.revenue, *d.by_method.values()))

    total = event_total([l01, l02])
    assert (total.sales, total.items, total.revenue) == (4, 7, 410000)
    assert total.by_method == split(cash=75000, qris=250000, transfer=85000)
    assert [v.sale_id for v in total.voids] == [2, 4]

    assert day_report(sold, DAY2, JAKARTA) == [
        StallDay("L01", "Lapak Gunungkidul", 1, 1, 15000, split(qris=15000), []),
        StallDay("L02", "Lapak Bejiharjo", 1, 1, 85000, split(cash=85000), []),
    ]
    assert day_report(sold, date(2018, 7, 4), JAKARTA) == [
        StallDay("L01", "Lapak Gunungkidul"), StallDay("L02", "Lapak Bejiharjo")]


def test_one_stall_alone(sold):
    l02 = Stall.get(Stall.code == "L02")
    assert day_report(sold, DAY1, JAKARTA, l02) == [StallDay("L02", "Lapak Bejiharjo", 1, 1, 85000,
                                                             split(transfer=85000), [])]


def test_the_report_agrees_with_the_board_and_the_running_totals(sold):
    days = {day: day_report(sold, day, JAKARTA) for day in (DAY1, DAY2)}
    by_stall = {}
    for stall_days in days.values():
        for stall_day in stall_days:
            revenue, items, sales = by_stall.get(stall_day.code, (0, 0, 0))
            by_stall[stall_day.code] = (revenue + stall_day.revenue, items + stall_day.items, sales + stall_day.sales)

    running = {t.stall.code: (t.revenue, t.items, t.sales) for t in StallTotal.select().join(Stall)}
    assert by_stall == running == {"L01": (340000, 7, 4), "L02": (170000, 2, 2)}

    board = board_state(sold, wib(10, day=6), JAKARTA)
    overall = event_total([d for stall_days in days.values() for d in stall_days])
    assert (overall.revenue, overall.items) == (board.revenue, board.items) == (510000, 9)
    assert {r.code: (r.revenue, r.items) for r in board.ranking} == {
        code: (revenue, items) for code, (revenue, items, _) in by_stall.items()}


def test_on_a_single_day_the_report_is_the_running_total(event):
    sell(event, "GK-BATIK", 2, wib(9, 0), "qris", "QR-1")
    wrong = sell(event, "GK-KERIPIK", 10, wib(9, 30))
    sell(event, "BJ-ANYAM", 1, wib(10, 0), "transfer", "T-1")
    void_sale(wrong, "meja", "typo", wib(9, 31))
    sell(event, "GK-KERIPIK", 1, wib(10, 30))

    stall_days = day_report(event, DAY1, JAKARTA)
    board = board_state(event, wib(11), JAKARTA)
    assert [(d.code, d.revenue, d.items, d.sales) for d in stall_days] == [
        (t.stall.code, t.revenue, t.items, t.sales) for t in StallTotal.select().join(Stall).order_by(Stall.code)]
    assert event_total(stall_days).revenue == board.revenue == 500000 + 85000 + 15000
    assert sum(sum(d.by_method.values()) for d in stall_days) == board.revenue


def test_day_boundaries_are_the_event_zone_and_the_machine_zone_changes_nothing(event, monkeypatch):
    assert day_bounds(DAY1, JAKARTA) == (datetime(2018, 7, 4, 17, tzinfo=UTC), datetime(2018, 7, 5, 17, tzinfo=UTC))
    sell(event, "GK-KERIPIK", 1, wib(0, 0))  # the day's first moment: 17:00 UTC the day before
    sell(event, "GK-KERIPIK", 2, wib(6, 59))  # 23:59 UTC the day before
    sell(event, "GK-KERIPIK", 3, wib(23, 30))  # 16:30 UTC, the same date
    sell(event, "GK-KERIPIK", 4, wib(0, 0, day=6))  # the next day's first moment
    sell(event, "GK-KERIPIK", 5, wib(23, 59, day=4))

    def items_by_day():
        return {day.day: day_report(event, day, JAKARTA)[0].items for day in (date(2018, 7, 4), DAY1, DAY2)}

    in_jakarta = items_by_day()
    assert in_jakarta == {4: 5, 5: 1 + 2 + 3, 6: 4}
    try:
        with monkeypatch.context() as patched:
            patched.setenv("TZ", "America/New_York")
            time.tzset()
            assert time.localtime(0).tm_hour == 19  # the process really is in New York now
            assert items_by_day() == in_jakarta
            assert day_bounds(DAY1, JAKARTA) == (datetime(2018, 7, 4, 17, tzinfo=UTC), datetime(2018, 7, 5, 17, tzinfo=UTC))
    finally:
        time.tzset()


def test_another_event_zone_moves_the_day(event):
    sell(event, "GK-KERIPIK", 1, wib(23, 30))  # 16:30 UTC: 00:30 on the 6th in Jayapura (UTC+9)
    jayapura = ZoneInfo("Asia/Jayapura")
    assert day_report(event, DAY1, jayapura)[0].sales == 0
    assert day_report(event, DAY2, jayapura)[0].sales == 1


# --- the slip -----------------------------------------------------------------------------------


def run_kiosk(store, capsys, *args, lang="en"):
    close_store()  # the command opens the store itself, as a person's run would
    capsys.readouterr()
    code = cli.main(["--db", store.url, "--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


SLIP_DAY1 = [
    "Sales of PLM Uji Coba (small) on Thursday, 5 July 2018, times in WIB (UTC+7)",
    "",
    "L01  Lapak Gunungkidul",
    "  3 sales, 6 items: Rp 325.000",
    "  Cash       Rp 75.000",
    "  QRIS      Rp 250.000",
    "  Transfer        Rp 0",
    "  2 voids:",
    "    11:05  GK-KERIPIK Keripik belalang x4  Rp 60.000  sold by sari, voided by admin at 11:10: wrong count",
    "    14:00  GK-BATIK Batik tulis Gunungkidul x1  Rp 250.000  sold by budi, voided by admin "
    "at 2018-07-06 08:00: returned, wrong size",
    "",
    "L02  Lapak Bejiharjo",
    "  1 sale, 1 item: Rp 85.000",
    "  Cash           Rp 0",
    "  QRIS           Rp 0",
    "  Transfer  Rp 85.000",
    "  no voids",
    "",
    "Total, 2 stalls: 4 sales, 7 items: Rp 410.000 (Cash Rp 75.000, QRIS Rp 250.000, Transfer Rp 85.000), 2 voids",
]

SLIP_DAY1_ID = [
    "Penjualan PLM Uji Coba (small) pada Kamis, 5 Juli 2018, waktu dalam WIB (UTC+7)",
    "",
    "L01  Lapak Gunungkidul",
    "  3 penjualan, 6 item: Rp 325.000",
    "  Tunai      Rp 75.000",
    "  QRIS      Rp 250.000",
    "  Transfer        Rp 0",
    "  2 pembatalan:",
    "    11:05  GK-KERIPIK Keripik belalang x4  Rp 60.000  dijual oleh sari, dibatalkan oleh admin pukul 11:10: "
    "wrong count",
    "    14:00  GK-BATIK Batik tulis Gunungkidul x1  Rp 250.000  dijual oleh budi, dibatalkan oleh admin "
    "pukul 2018-07-06 08:00: returned, wrong size",
    "",
    "L02  Lapak Bejiharjo",
    "  1 penjualan, 1 item: Rp 85.000",
    "  Tunai          Rp 0",
    "  QRIS           Rp 0",
    "  Transfer  Rp 85.000",
    "  tidak ada pembatalan",
    "",
    "Total, 2 lapak: 4 penjualan, 7 item: Rp 410.000 (Tunai Rp 75.000, QRIS Rp 250.000, Transfer Rp 85.000), "
    "2 pembatalan",
]


def test_report_sales_prints_a_slip_per_stall_and_the_total(sold, store, capsys):
    code, out, err = run_kiosk(store, capsys, "report", "sales", "--day", "2018-07-05")
    assert (code, err) == (0, [])
    assert out == SLIP_DAY1


def test_report_sales_defaults_to_today_by_the_event_clock(sold, store, capsys):
    # 06:30 WIB on the 6th is still the 5th in UTC (and on many machines' clocks): the event's day counts.
    code, out, err = run_kiosk(store, capsys, "--now", "2018-07-06T06:30", "report", "sales")
    assert (code, err) == (0, [])
    assert out[0] == "Sales of PLM Uji Coba (small) on Friday, 6 July 2018, times in WIB (UTC+7)"
    assert out[-1] == ("Total, 2 stalls: 2 sales, 2 items: Rp 100.000 (Cash Rp 85.000, QRIS Rp 15.000, "
                       "Transfer Rp 0), 0 voids")
    code, same, _ = run_kiosk(store, capsys, "report", "sales", "--now", "2018-07-05T20:00")
    assert (code, same) == (0, SLIP_DAY1)


def test_report_sales_of_one_stall(sold, store, capsys):
    code, out, err = run_kiosk(store, capsys, "report", "sales", "--day", "2018-07-05", "--stall", "l02")
    assert (code, err) == (0, [])
    assert out == [
        SLIP_DAY1[0],
        "",
        *SLIP_DAY1[11:17],
        "",
        "Total, 1 stall: 1 sale, 1 item: Rp 85.000 (Cash Rp 0, QRIS Rp 0, Transfer Rp 85.000), 0 voids",
    ]


def test_report_sales_in_english_keeps_rupiah_amounts(sold, store, capsys):
    code, out, _ = run_kiosk(store, capsys, "--lang", "en", "report", "sales", "--day", "2018-07-05")
    assert (code, out) == (0, SLIP_DAY1)


def test_report_sales_in_indonesian(sold, store, capsys):
    """The same slips in Indonesian: its words, dates and plurals (one form); amounts, codes, names and
    the reasons people typed as they are."""
    code, out, err = run_kiosk(store, capsys, "report", "sales", "--day", "2018-07-05", lang="id")
    assert (code, err) == (0, [])
    assert out == SLIP_DAY1_ID
    code, out, _ = run_kiosk(store, capsys, "report", "sales", "--day", "2018-07-05", "--stall", "L02", lang="id")
    assert out[-1] == "Total, 1 lapak: 1 penjualan, 1 item: Rp 85.000 (Tunai Rp 0, QRIS Rp 0, Transfer Rp 85.000), " \
                      "0 pembatalan"


@pytest.mark.parametrize(("args", "message"), [
    (["--day", "2018-7-5"], "kiosk: '2018-7-5' is not a day such as 2018-07-05"),
    (["--day", "yesterday"], "kiosk: 'yesterday' is not a day such as 2018-07-05"),
    (["--stall", "L09"], "kiosk: The event has no stall 'L09'."),
], ids=["short-day", "word-day", "unknown-stall"])
def test_report_sales_refusals_are_one_sentence(event, store, capsys, args, message):
    assert run_kiosk(store, capsys, "report", "sales", *args) == (1, [], [message])


@pytest.mark.parametrize(("args", "message"), [
    (["--day", "2018-7-5"], "kiosk: '2018-7-5' bukan tanggal seperti 2018-07-05"),
    (["--stall", "L09"], "kiosk: Acara ini tidak punya lapak 'L09'."),
], ids=["short-day", "unknown-stall"])
def test_report_sales_refusals_in_indonesian(event, store, capsys, args, message):
    assert run_kiosk(store, capsys, "report", "sales", *args, lang="id") == (1, [], [message])


def test_report_and_export_need_an_event(store, tmp_path, capsys):
    no_event = "kiosk: The store has no event yet: run `kiosk import FOLDER` or `kiosk demo` first."
    assert run_kiosk(store, capsys, "report", "sales") == (1, [], [no_event])
    out = tmp_path / "sales.csv"
    assert run_kiosk(store, capsys, "export", "sales", "--out", str(out)) == (1, [], [no_event])
    assert not out.exists()


# --- the export ---------------------------------------------------------------------------------


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_export_sales_writes_every_sale_voids_included(sold, store, tmp_path, capsys):
    out = tmp_path / "exports" / "sales.csv"
    code, printed, err = run_kiosk(store, capsys, "export", "sales", "--out", str(out))
    assert (code, err) == (0, [])
    assert printed == [f"Wrote 8 sales of PLM Uji Coba (small) to {out}"]

    header, *rows = read_csv(out)
    assert tuple(header) == SALES_HEADER == (
        "sale", "at", "stall", "stall_name", "product", "product_name", "quantity", "unit_price", "total",
        "method", "reference", "seller", "terminal", "voided_at", "voided_by", "void_reason")
    assert [(row[1], row[2], row[4], row[6], row[8], row[9]) for row in rows] == [  # oldest first
        ("2018-07-05T10:05:00+07:00", "L01", "GK-BATIK", "1", "250000", "qris"),
        ("2018-07-05T11:05:00+07:00", "L01", "GK-KERIPIK", "4", "60000", "cash"),
        ("2018-07-05T11:15:00+07:00", "L01", "GK-KERIPIK", "2", "30000", "cash"),
        ("2018-07-05T12:00:00+07:00", "L02", "BJ-ANYAM", "1", "85000", "transfer"),
        ("2018-07-05T14:00:00+07:00", "L01", "GK-BATIK", "1", "250000", "transfer"),
        ("2018-07-05T23:30:00+07:00", "L01", "GK-KERIPIK", "3", "45000", "cash"),
        ("2018-07-06T00:30:00+07:00", "L01", "GK-KERIPIK", "1", "15000", "qris"),
        ("2018-07-06T09:00:00+07:00", "L02", "BJ-ANYAM", "1", "85000", "cash"),
    ]
    assert rows[4] == ["4", "2018-07-05T14:00:00+07:00", "L01", "Lapak Gunungkidul", "GK-BATIK",
                       "Batik tulis Gunungkidul", "1", "250000", "250000", "transfer", "TRX-7", "budi", "lapak-2",
                       "2018-07-06T08:00:00+07:00", "admin", "returned, wrong size"]
    assert rows[3][3] == "Lapak Bejiharjo" and rows[3][10:13] == ["TRX-8", "wati", "lapak-3"]
    assert rows[1][13:] == ["2018-07-05T11:10:00+07:00", "admin", "wrong count"]
    assert [row[13] for row in rows].count("") == 6
    assert sum(int(row[8]) for row in rows if not row[13]) == 510000  # the running totals' revenue
    assert [path.name for path in out.parent.iterdir()] == ["sales.csv"]  # no temporary file left


def test_the_sales_export_ignores_the_machine_zone(sold, tmp_path, monkeypatch):
    assert export_sales(sold, tmp_path / "jakarta.csv") == 8
    try:
        with monkeypatch.context() as patched:
            patched.setenv("TZ", "America/New_York")
            time.tzset()
            export_sales(sold, tmp_path / "new_york.csv")
    finally:
        time.tzset()
    assert (tmp_path / "new_york.csv").read_bytes() == (tmp_path / "jakarta.csv").read_bytes()


def test_an_export_of_no_sales_is_the_header_alone(event, tmp_path):
    out = tmp_path / "sales.csv"
    assert export_sales(event, out) == 0
    assert read_csv(out) == [list(SALES_HEADER)]


def test_a_failed_sales_export_leaves_the_earlier_file_whole(sold, tmp_path, monkeypatch):
    import kiosk.exports

    out = tmp_path / "exports" / "sales.csv"
    export_sales(sold, out)
    before = out.read_bytes()

    def failing(event):
        for n, row in enumerate(original(event)):
            if n == 2:
                raise OSError(28, "No space left on device")
            yield row

    original = kiosk.exports.sale_rows
    monkeypatch.setattr(kiosk.exports, "sale_rows", failing)
    with pytest.raises(OSError):
        export_sales(sold, out)
    assert out.read_bytes() == before
    assert [path.name for path in out.parent.iterdir()] == ["sales.csv"]  # the temporary file is gone


@pytest.mark.parametrize("words", [["report"], ["report", "sales"], ["export", "sales"]], ids=" ".join)
def test_help(words, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main([*words, "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("usage: kiosk " + " ".join(words))
