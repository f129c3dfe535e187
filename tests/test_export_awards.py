"""`kiosk export awards`: the winners of the revealed categories only; every category with --all, for an
admin only (name and PIN checked, audited); refused in one line otherwise, with nothing written."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk import cli
from kiosk.context import find_event
from kiosk.exports import AWARDS_HEADER, export_awards
from kiosk.reveal import WINNERS, go_to, outline, running_order
from kiosk.store import close_store
from models import LIVE, AuditEntry, AwardCategory
from tests.helpers import ADMIN_PIN, DESK_PIN, load_small_event

GUNUNGKIDUL = "Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul"
BEJIHARJO = "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def event(store):
    load_small_event()  # DAERAH (one winner) and DESA (two winners); admin and a desk user
    return find_event()


def reveal_first_category(event) -> None:
    """The live ceremony steps straight to DAERAH's winners: that is its reveal."""
    steps = running_order(outline(event))
    go_to(event, LIVE, next(n for n, s in enumerate(steps) if s.kind == WINNERS and s.category == 0), "mc")


def run_kiosk(store, capsys, monkeypatch, *args, stdin: str = "", lang: str = "en"):
    close_store()  # the command opens the store itself, as a person's run would
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = cli.main(["--db", store.url, "--lang", lang, *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def rows_of(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(AWARDS_HEADER)
    return rows[1:]


def in_jakarta(stored: datetime) -> str:
    return stored.replace(tzinfo=timezone.utc).astimezone(JAKARTA).isoformat(timespec="seconds")


def test_before_any_reveal_the_export_has_no_rows(event, store, tmp_path, capsys, monkeypatch):
    out = tmp_path / "exports" / "awards.csv"

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out))

    assert (code, err) == (0, [])
    assert printed == [f"Wrote 0 winners of the revealed categories of PLM Uji Coba (small) to {out.resolve()}"]
    assert rows_of(out) == []


def test_after_a_reveal_only_that_category_is_exported(event, store, tmp_path, capsys, monkeypatch):
    reveal_first_category(event)
    revealed_at = AwardCategory.get(AwardCategory.code == "DAERAH").revealed_at
    assert revealed_at is not None
    out = tmp_path / "awards.csv"

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out))

    assert (code, err) == (0, [])
    assert printed == [f"Wrote 1 winner of the revealed categories of PLM Uji Coba (small) to {out.resolve()}"]
    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), lang="id")
    assert (code, err) == (0, [])
    assert printed == [f"1 pemenang kategori yang sudah diumumkan dari acara PLM Uji Coba (small) ditulis ke "
                       f"{out.resolve()}"]
    assert rows_of(out) == [["DAERAH", "Perpustakaan Daerah Terbaik", "Best Regional Library", "1", GUNUNGKIDUL,
                             "DI Yogyakarta", in_jakarta(revealed_at)]]


def test_a_category_with_two_winners_gives_two_rows(event, tmp_path):
    revealed_at = datetime(2018, 7, 5, 14, 30)  # UTC: 21:30 WIB
    AwardCategory.update(revealed_at=revealed_at).where(AwardCategory.code == "DESA").execute()

    assert export_awards(event, tmp_path / "awards.csv") == 2
    assert rows_of(tmp_path / "awards.csv") == [
        ["DESA", "Perpustakaan Desa Terbaik", "Best Village Library", "2", BEJIHARJO, "Gunungkidul",
         "2018-07-05T21:30:00+07:00"],
        ["DESA", "Perpustakaan Desa Terbaik", "Best Village Library", "2", "TBM Pelangi Aksara", "",
         "2018-07-05T21:30:00+07:00"],
    ]


def test_all_with_an_admin_pin_on_stdin_exports_every_category(event, store, tmp_path, capsys, monkeypatch):
    reveal_first_category(event)
    revealed_at = in_jakarta(AwardCategory.get(AwardCategory.code == "DAERAH").revealed_at)
    out = tmp_path / "awards.csv"

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), "--all",
                                   "--pin-stdin", stdin=f"admin\n{ADMIN_PIN}\n")

    assert (code, err) == (0, [])
    assert printed == [f"Wrote 3 winners of every category of PLM Uji Coba (small) to {out.resolve()}"]
    assert rows_of(out) == [
        ["DAERAH", "Perpustakaan Daerah Terbaik", "Best Regional Library", "1", GUNUNGKIDUL, "DI Yogyakarta",
         revealed_at],
        ["DESA", "Perpustakaan Desa Terbaik", "Best Village Library", "2", BEJIHARJO, "Gunungkidul", ""],
        ["DESA", "Perpustakaan Desa Terbaik", "Best Village Library", "2", "TBM Pelangi Aksara", "", ""],
    ]
    audited = AuditEntry.select().where(AuditEntry.action == "awards.export").get()
    assert (audited.actor, audited.subject) == ("admin", "small")


def test_all_asks_for_the_admin_name_and_pin(event, store, tmp_path, capsys, monkeypatch):
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "admin")
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or ADMIN_PIN)
    out = tmp_path / "awards.csv"

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), "--all")

    assert (code, err, asked) == (0, [], ["Admin name: ", "Admin PIN: "])
    assert len(rows_of(out)) == 3
    asked.clear()
    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), "--all",
                                   lang="id")
    assert (code, err, asked) == (0, [], ["Nama admin: ", "PIN admin: "])
    assert printed == [f"3 pemenang semua kategori dari acara PLM Uji Coba (small) ditulis ke {out.resolve()}"]


@pytest.mark.parametrize("stdin, refusal", [
    (f"meja\n{DESK_PIN}\n", "--all needs an admin: meja is desk"),
    ("admin\n9999\n", "--all needs an admin: wrong name or PIN"),
    (f"nobody\n{ADMIN_PIN}\n", "--all needs an admin: wrong name or PIN"),
    ("", "--all needs an admin: wrong name or PIN"),
], ids=["desk user", "wrong pin", "unknown name", "nothing on stdin"])
def test_all_is_refused_without_an_admin_and_nothing_is_written(event, store, tmp_path, capsys, monkeypatch,
                                                               stdin, refusal):
    out = tmp_path / "awards.csv"
    out.write_text("the earlier export\n", encoding="utf-8")

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), "--all",
                                   "--pin-stdin", stdin=stdin)

    assert (code, printed, err) == (1, [], [f"kiosk: {refusal}; nothing was written."])
    assert out.read_text(encoding="utf-8") == "the earlier export\n"
    assert not AuditEntry.select().where(AuditEntry.action == "awards.export").exists()


@pytest.mark.parametrize("stdin, refusal", [
    (f"meja\n{DESK_PIN}\n", "--all perlu admin: peran meja adalah meja registrasi"),
    ("admin\n9999\n", "--all perlu admin: nama atau PIN salah"),
], ids=["desk user", "wrong pin"])
def test_all_is_refused_in_indonesian(event, store, tmp_path, capsys, monkeypatch, stdin, refusal):
    out = tmp_path / "awards.csv"

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), "--all",
                                   "--pin-stdin", stdin=stdin, lang="id")

    assert (code, printed, err) == (1, [], [f"kiosk: {refusal}; tidak ada yang ditulis."])
    assert not out.exists()


def test_the_export_needs_an_event(store, tmp_path, capsys, monkeypatch):
    out = tmp_path / "awards.csv"

    code, printed, err = run_kiosk(store, capsys, monkeypatch, "export", "awards", "--out", str(out), "--all")

    assert (code, printed) == (1, [])
    assert err == ["kiosk: The store has no event yet: run `kiosk import FOLDER` or `kiosk demo` first."]
    assert not out.exists()
