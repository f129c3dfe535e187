"""The command line speaks the language: --lang, else the machine's configuration, else LANGUAGE /
LC_ALL / LC_MESSAGES / LANG, else Indonesian; its lines, its errors and their plurals, in both."""
from __future__ import annotations

import ast
import io
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk import cli, commands, i18n
from kiosk.i18n import has_message
from kiosk.clock import ClockError, load_zone, parse_moment
from kiosk.store import SCHEMA_VERSION, close_store
from tests.conftest import SMALL_EVENT
from tests.helpers import ADMIN_PIN, load_small_event

ROOT = Path(__file__).resolve().parent.parent
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
JAKARTA = ZoneInfo("Asia/Jakarta")
# Words of the English output that must not be left in the Indonesian one (names and codes taken out).
ENGLISH_WORDS = {
    "store", "schema", "version", "event", "time", "zone", "days", "thursday", "friday", "july", "venues", "rooms",
    "of", "them", "not", "public", "institutions", "provincial", "regency", "city", "village", "library", "guest",
    "attendees", "participant", "press", "staff", "speaker", "lists", "checked", "in", "live", "undone",
    "sessions", "cancelled", "session", "assignments", "stalls", "products", "sales", "voided", "award",
    "categories", "revealed", "users", "no", "yet", "run", "or", "and", "none", "the", "is", "was", "were",
    "found", "nothing", "imported", "problem", "problems", "changes", "added", "wrote", "print", "sheet", "page",
    "warning", "open", "other", "to", "a", "an", "for", "digits", "role", "cash", "sold", "by", "void", "voids",
}


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


@pytest.fixture
def no_locale(monkeypatch):
    """No locale variables: what the machine says is up to each test."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def run_kiosk(url: str, capsys, monkeypatch, *args: str, stdin: str = "") -> tuple[int, list[str], list[str]]:
    """`kiosk --db URL ARGS…` in this process; (exit status, stdout lines, stderr lines)."""
    close_store()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = cli.main(["--db", url, *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture
def kiosk_process(tmp_path):
    """`python -m kiosk ARGS…` as a person runs it, with only the locale variables given."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("KIOSK_") and key not in LOCALE_VARIABLES}
    env.update(KIOSK_DB=f"sqlite:///{tmp_path / 'store' / 'kiosk.db'}", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "share"), PYTHONIOENCODING="utf-8")

    def run(*args: str, **locale: str) -> subprocess.CompletedProcess:
        result = subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, cwd=ROOT,
                                env={**env, **locale}, timeout=60)
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        return result

    return run


@pytest.fixture
def busy_event(sqlite_store):
    """The small event with something in every count: two arrivals (one undone), a sale and a void."""
    from kiosk.attendees import find_by_code, payload_for
    from kiosk.checkin import list_by_code, live_checkin, scan, undo
    from kiosk.context import find_event
    from kiosk.sales import find_product, record_sale, void_sale

    load_small_event()
    event = find_event()
    now = datetime(2018, 7, 5, 8, 15, tzinfo=JAKARTA)
    day_one = list_by_code(event, "HARI1")
    for code in ("P0001", "P0002"):
        scan(event, day_one, payload_for(event, find_by_code(event, code)), "lobi-1", now)
    undo(live_checkin(day_one, find_by_code(event, "P0002")), "meja", "salah orang", now)
    batik = find_product(event, "GK-BATIK")
    record_sale(batik, 1, "cash", "", "lapak", "t1", now)
    void_sale(record_sale(batik, 1, "cash", "", "lapak", "t1", now).sale, "lapak", "salah ketik", now)
    close_store()
    return sqlite_store


# --- kiosk info in both languages -------------------------------------------------------------------------


def test_info_in_indonesian_and_in_english_differ_and_are_whole_sentences(busy_event, capsys, monkeypatch):
    url = busy_event.url
    code_id, indonesian, err_id = run_kiosk(url, capsys, monkeypatch, "--lang", "id", "info")
    code_en, english, err_en = run_kiosk(url, capsys, monkeypatch, "--lang", "en", "info")

    assert (code_id, err_id, code_en, err_en) == (0, [], 0, [])
    assert len(indonesian) == len(english) == 16
    assert all(a != b for a, b in zip(indonesian, english))  # every line says it in its own language
    location = busy_event.location
    assert indonesian == [
        f"Basis data: {location} (sqlite), versi skema {SCHEMA_VERSION}",
        "Acara: PLM Uji Coba (small), zona waktu Asia/Jakarta",
        "Hari: Kamis, 5 Juli 2018 dan Jumat, 6 Juli 2018",
        "Tempat: 2",
        "Ruang: 3 (0 di antaranya tidak publik)",
        "Lembaga: 4 (Perpustakaan provinsi 1, Perpustakaan kabupaten/kota 1, Perpustakaan desa/TBM 1, Tamu 1)",
        "Peserta: 4 (Peserta 2, VIP 1, Pers 0, Panitia 0, Narasumber 1)",
        "Daftar check-in: 2 (HARI1 1 hadir, GALA 0 hadir)",
        "Check-in: 1 berlaku, 1 dibatalkan",
        "Sesi: 6 (0 di antaranya dibatalkan)",
        "Penugasan sesi: 3",
        "Lapak: 2",
        "Produk: 3",
        "Penjualan: 2 (1 di antaranya dibatalkan)",
        "Kategori penghargaan: 2 (0 di antaranya sudah diumumkan)",
        "Pengguna staf: 2",
    ]
    assert english[1:3] == ["Event: PLM Uji Coba (small), time zone Asia/Jakarta",
                            "Days: Thursday, 5 July 2018 and Friday, 6 July 2018"]
    for line in indonesian + english:  # each a "Label: value" line, the label a word or more
        assert re.match(r"^[A-Z][A-Za-z -]*: \S", line), line
    names_and_codes = [location, "PLM Uji Coba (small)", "sqlite", "Asia/Jakarta", "HARI1", "GALA", "VIP"]
    bare = "\n".join(indonesian).replace("Check-in", "").replace("check-in", "")  # the word Indonesians use
    for name in names_and_codes:
        bare = bare.replace(name, "")
    assert not words(bare) & ENGLISH_WORDS, words(bare) & ENGLISH_WORDS
    assert words("\n".join(english)) & ENGLISH_WORDS  # the list does catch English


def test_info_of_an_empty_store_in_both_languages(sqlite_url, capsys, monkeypatch):
    _, indonesian, _ = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "id", "info")
    _, english, _ = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "en", "info")
    assert indonesian[1:] == ["Belum ada acara: jalankan `kiosk import FOLDER` atau `kiosk demo`.",
                              "Pengguna staf: 0"]
    assert english[1:] == ["No event yet: run `kiosk import FOLDER` or `kiosk demo`.", "Staff users: 0"]


# --- which language ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale, first_line", [
    ({"LANG": "en_US.UTF-8"}, "Store: "),
    ({"LANG": "C"}, "Basis data: "),
    ({"LANG": "C.UTF-8", "LC_ALL": "POSIX"}, "Basis data: "),
    ({"LANGUAGE": "fr:en", "LANG": "id_ID.UTF-8"}, "Store: "),
    ({"LANG": "id_ID.UTF-8"}, "Basis data: "),
    ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "Store: "),
    ({}, "Basis data: "),
], ids=["LANG=en_US", "LANG=C", "LC_ALL=POSIX", "LANGUAGE=fr:en", "LANG=id_ID", "LC_MESSAGES=en_GB", "nothing"])
def test_the_machine_language_is_taken_when_no_lang_is_given(kiosk_process, locale, first_line):
    result = kiosk_process("info", **locale)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(first_line)


def test_lang_wins_over_the_machine_language(kiosk_process):
    assert kiosk_process("--lang", "id", "info", LANG="en_US.UTF-8").stdout.startswith("Basis data: ")
    assert kiosk_process("info", "--lang", "en", LANGUAGE="id").stdout.startswith("Store: ")


def test_the_order_of_the_choice(monkeypatch):
    """--lang, then the machine's configuration (issue 12's kiosk.toml: configured_language), then the
    environment, then Indonesian."""
    english, indonesian, bare = {"LANG": "en_US.UTF-8"}, {"LANG": "id_ID.UTF-8"}, {"LANG": "C"}
    assert cli.chosen_language("id", english) == "id"
    assert cli.chosen_language(None, english) == "en"
    assert cli.chosen_language(None, bare) == "id"
    assert cli.configured_language() is None  # no configuration yet
    monkeypatch.setattr(cli, "configured_language", lambda: "en")
    assert cli.chosen_language(None, indonesian) == "en"
    assert cli.chosen_language("id", indonesian) == "id"


def test_the_chosen_language_is_the_screens_default(sqlite_url, monkeypatch, no_locale):
    """What the screens speak unless they choose: the process's language, set from the same choice."""
    seen = []
    monkeypatch.setattr(commands, "run_until_done", lambda make_app, run=None: seen.append(i18n.language()) or 0)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli.main(["--db", sqlite_url, "venues"]) == 0
    monkeypatch.setenv("LANG", "C")
    assert cli.main(["--db", sqlite_url, "venues"]) == 0
    assert cli.main(["--db", sqlite_url, "--lang", "en", "venues"]) == 0
    assert seen == ["en", "id", "en"]


# --- errors, each in both languages -----------------------------------------------------------------------


def test_a_store_error_in_both_languages(kiosk_process, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Daftar belanja: kertas, tinta, lakban.\n" * 100)
    url = f"sqlite:///{notes}"

    indonesian = kiosk_process("--db", url, "--lang", "id", "info")
    english = kiosk_process("--db", url, "info", LANG="en_US.UTF-8")

    assert (indonesian.returncode, indonesian.stdout, english.returncode, english.stdout) == (1, "", 1, "")
    assert indonesian.stderr == f"kiosk: Berkas di balik {url} bukan basis data SQLite.\n"
    assert english.stderr == f"kiosk: The file behind {url} is not a SQLite database.\n"
    scheme = kiosk_process("--db", "mysql://x/y", "--lang", "id", "info")
    assert scheme.stderr.startswith("kiosk: Skema URL basis data 'mysql' tidak didukung: gunakan sqlite:///PATH")


@pytest.mark.parametrize("lang, role, pin, refusal", [
    ("id", "desk", "12", "PIN untuk peran meja registrasi terdiri dari 4 sampai 12 angka."),
    ("en", "desk", "12", "A PIN for the desk role is 4 to 12 digits."),
    ("id", "admin", "2018", "PIN untuk peran admin terdiri dari 6 sampai 12 angka."),
    ("en", "awards", "2018", "A PIN for the awards role is 6 to 12 digits."),
])
def test_a_pin_rule_refusal_in_both_languages(sqlite_url, capsys, monkeypatch, lang, role, pin, refusal):
    code, out, err = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", lang, "user", "add", "budi", "--role",
                               role, "--pin-stdin", stdin=f"{pin}\n")
    assert (code, out, err) == (1, [], [f"kiosk: {refusal}"])


def test_staff_refusals_in_indonesian(sqlite_url, capsys, monkeypatch):
    assert run_kiosk(sqlite_url, capsys, monkeypatch, "user", "add", "boss", "--role", "admin", "--pin-stdin",
                     stdin=f"{ADMIN_PIN}\n")[0] == 0
    wrong = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "id", "user", "add", "budi", "--role", "desk",
                      "--pin-stdin", stdin="boss\n999999\n4321\n")
    assert wrong == (1, [], ["kiosk: Nama atau PIN admin salah; tidak ada yang diubah."])
    seller = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "id", "user", "add", "ani", "--role", "seller",
                       "--pin-stdin", stdin=f"boss\n{ADMIN_PIN}\n4321\n")
    assert seller == (1, [], ["kiosk: Penjual perlu lapak: tambahkan --stall KODE."])


def test_user_add_and_list_in_indonesian(busy_event, capsys, monkeypatch):
    url = busy_event.url
    added = run_kiosk(url, capsys, monkeypatch, "--lang", "id", "user", "add", "ani", "--role", "seller", "--stall",
                      "l01", "--pin-stdin", stdin=f"admin\n{ADMIN_PIN}\n4321\n")
    assert added == (0, ["Pengguna staf ani (penjual, lapak L01) siap."], [])
    listed = run_kiosk(url, capsys, monkeypatch, "--lang", "id", "user", "list")
    assert listed == (0, ["admin\tadmin", "ani\tpenjual", "meja\tmeja registrasi"], [])
    asked = []
    answers = {"Nama admin: ": "admin", "PIN admin: ": ADMIN_PIN, "PIN baru: ": "4321", "Ulangi PIN baru: ": "1234"}
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answers[prompt])
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or answers[prompt])
    differ = run_kiosk(url, capsys, monkeypatch, "--lang", "id", "user", "add", "budi", "--role", "desk")
    assert differ == (1, [], ["kiosk: Kedua PIN berbeda; tidak ada yang diubah."])
    assert asked == ["Nama admin: ", "PIN admin: ", "PIN baru: ", "Ulangi PIN baru: "]


@pytest.mark.parametrize("lang, refusal", [
    ("id", "kiosk: 'besok pagi' bukan waktu ISO seperti 2018-07-05T10:00"),
    ("en", "kiosk: 'besok pagi' is not an ISO time such as 2018-07-05T10:00"),
])
def test_a_bad_now_in_both_languages(busy_event, capsys, monkeypatch, lang, refusal):
    code, out, err = run_kiosk(busy_event.url, capsys, monkeypatch, "--lang", lang, "--now", "besok pagi", "stats")
    assert (code, out, err) == (1, [], [refusal])


@pytest.mark.parametrize("lang, refusal", [
    ("id", "kiosk: 'Asia/Jakart' bukan zona waktu yang dikenal: maksudnya Asia/Jakarta?"),
    ("en", "kiosk: 'Asia/Jakart' is not a known time zone: did you mean Asia/Jakarta?"),
])
def test_a_bad_zone_in_the_store_in_both_languages(busy_event, capsys, monkeypatch, lang, refusal):
    """A zone the importer would refuse, written into the store by hand: the event's clock cannot start."""
    from models import Event

    Event.update(time_zone="Asia/Jakart").execute()
    code, out, err = run_kiosk(busy_event.url, capsys, monkeypatch, "--lang", lang, "stats")
    assert (code, out, err) == (1, [], [refusal])


@pytest.mark.parametrize("written, indonesian, english", [
    ("Asia/Denpasar", "Denpasar ada di zona Asia/Makassar (WITA)", "Denpasar is in Asia/Makassar (WITA)"),
    ("UTC+9", "UTC+9 di Indonesia adalah Asia/Jayapura (WIT)", "UTC+9 in Indonesia is Asia/Jayapura (WIT)"),
    ("UTC+5", "tulis nama zonanya (misalnya Asia/Makassar), bukan selisih jamnya",
     "write the zone's name (such as Asia/Makassar), not its offset"),
    ("Mars/Olympus", "tulis nama zona seperti Asia/Jakarta, atau WIB, WITA atau WIT",
     "write a zone name such as Asia/Jakarta, or WIB, WITA or WIT"),
])
def test_zone_hints_in_both_languages(written, indonesian, english):
    with pytest.raises(ClockError) as refused:
        load_zone(written)
    assert refused.value.text("id") == f"'{written}' bukan zona waktu yang dikenal: {indonesian}"
    assert refused.value.text("en") == str(refused.value) == f"'{written}' is not a known time zone: {english}"


def test_an_error_speaks_the_language_current_when_shown():
    with pytest.raises(ClockError) as refused:
        parse_moment("kemarin", JAKARTA)
    assert refused.value.text() == "'kemarin' bukan waktu ISO seperti 2018-07-05T10:00"  # the tests start in id
    i18n.set_language("en")
    assert refused.value.text() == "'kemarin' is not an ISO time such as 2018-07-05T10:00"


# --- import: the summary, its plural, the notes --------------------------------------------------------------


def two_problems(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(SMALL_EVENT, folder)
    attendees = folder / "attendees.csv"
    attendees.write_text(attendees.read_text().replace("DESA-BEJIHARJO", "NOPE").replace("V0001,", "P0001,"))
    return folder


@pytest.mark.parametrize("lang, one, two", [
    ("id", "kiosk: 1 masalah ditemukan; tidak ada yang diimpor.", "kiosk: 2 masalah ditemukan; tidak ada yang diimpor."),
    ("en", "kiosk: 1 problem found; nothing was imported.", "kiosk: 2 problems found; nothing was imported."),
])
def test_an_import_with_one_and_with_two_problems(sqlite_url, tmp_path, capsys, monkeypatch, lang, one, two):
    code, out, err = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", lang, "import", str(tmp_path / "nowhere"))
    assert (code, out) == (1, [])
    assert err == [f"{tmp_path / 'nowhere'}: is not a folder (an event folder holds event.toml and the CSV files)",
                   one]  # the problem itself is in English for now; the count is in the language
    code, out, err = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", lang, "import", str(two_problems(tmp_path)))
    assert (code, out) == (1, [])
    assert err == ["attendees.csv:3: institution: unknown institution 'NOPE' (not in institutions.csv)",
                   "attendees.csv:5: code: duplicate code 'P0001'", two]


def test_an_import_says_what_it_did_in_indonesian(sqlite_url, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "makassar"
    shutil.copytree(SMALL_EVENT, folder)
    toml = folder / "event.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('time_zone = "Asia/Jakarta"', 'time_zone = "wita"'),
                    encoding="utf-8")

    code, out, err = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "id", "import", str(folder))

    assert (code, err) == (0, [])
    location = sqlite_url.removeprefix("sqlite:///")
    assert out == [
        "Catatan: time_zone wita dibaca sebagai Asia/Makassar.",
        f"PLM Uji Coba (small) diimpor ke {location}: 2 tempat, 3 ruang, 4 lembaga, 4 peserta, 2 daftar check-in, "
        "6 sesi.",
        "Perubahan: acara ditambahkan 1, daftar check-in ditambahkan 2, kategori penghargaan ditambahkan 2, lapak "
        "ditambahkan 2, lembaga ditambahkan 4, nominasi penghargaan ditambahkan 5, penugasan sesi ditambahkan 3, "
        "peserta ditambahkan 4, produk ditambahkan 3, ruang ditambahkan 3, sesi ditambahkan 6, tempat ditambahkan 2.",
    ]
    code, out, _ = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "id", "import", str(folder))
    assert out[-1] == "Perubahan: tidak ada."
    code, out, _ = run_kiosk(sqlite_url, capsys, monkeypatch, "--lang", "en", "import", str(folder))
    assert out[0] == "Note: time_zone wita read as Asia/Makassar."


# --- the lost records, on the way out ----------------------------------------------------------------------


class Unfinished:
    def __init__(self, count: int):
        self.count = count

    def drain(self, seconds: float) -> bool:
        return False

    def waiting(self):
        at = datetime(2018, 7, 5, 14, 31, 5)
        return [type("Record", (), {"at": at, "kept_in": ""})()] * self.count


@pytest.mark.parametrize("lang, count, said", [
    ("en", 1, "kiosk: 1 record made here could not be written to the store before the exit (the first from "
              "2018-07-05 14:31:05); it is lost."),
    ("en", 2, "kiosk: 2 records made here could not be written to the store before the exit (the first from "
              "2018-07-05 14:31:05); they are lost."),
    ("id", 2, "kiosk: 2 catatan yang dibuat di sini tidak bisa ditulis ke basis data sebelum keluar (yang pertama "
              "dari 2018-07-05 14:31:05); catatan itu hilang."),
])
def test_records_lost_on_the_way_out_are_counted_in_the_language(capsys, lang, count, said):
    i18n.set_language(lang)
    assert commands.finish_writing(Unfinished(count)) == commands.EXIT_UNRECORDED
    assert capsys.readouterr().err.splitlines() == [said]


# --- the source: every sentence through the catalogue ------------------------------------------------------

CLI_SOURCES = ["kiosk/commands.py", "kiosk/cli.py", "kiosk/store.py", "kiosk/context.py", "kiosk/staff.py",
               "kiosk/clock.py", "kiosk/sales_report.py", "kiosk/badges.py", "kiosk/labels.py",
               "kiosk/importer/problems.py"]


def literal_keys(tree: ast.AST) -> list[str]:
    """The message keys written as literals: t("…"), tn("…", "…"), N_("…"), bilingual("…")."""
    keys = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            count = {"t": 1, "N_": 1, "bilingual": 1, "tn": 2}.get(name, 0)
            keys += [arg.value for arg in node.args[:count]
                     if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    return keys


@pytest.mark.parametrize("source", CLI_SOURCES)
def test_every_key_the_command_line_uses_is_in_the_catalogue(source):
    keys = literal_keys(ast.parse((ROOT / source).read_text(encoding="utf-8")))
    assert [key for key in keys if not has_message(key)] == []


def test_the_commands_print_no_words_of_their_own():
    """Every print() of kiosk/commands.py says what the catalogue says: no letters in its own literals
    but the program's name before an error ("kiosk: ")."""
    tree = ast.parse((ROOT / "kiosk/commands.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print" and node.args:
            said = node.args[0]
            parts = said.values if isinstance(said, ast.JoinedStr) else [said]  # an f-string's own text
            for part in parts:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    own = part.value.replace("kiosk: ", "")
                    assert not re.search(r"[A-Za-z]{2,}", own), (node.lineno, part.value)
