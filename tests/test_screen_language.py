"""One language per screen: an F-key switches only that screen, a screen or a dialog pushed on top
starts in the language of the one below and may switch on its own, binding labels follow the screen
(nothing is translated at import time), two apps in one process never share a language, and the
audit log reads as sentences in the screen's language."""
from __future__ import annotations

import ast
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label
from textual.widgets._footer import FooterKey

from kiosk import i18n
from kiosk.audit import AuditLine, audit_lines, sentence_text
from kiosk.i18n import has_message
from kiosk.clock import Clock
from kiosk.i18n import t
from kiosk.writer import Intent
from models import AuditEntry
from screens.audit import AuditEntryScreen, AuditScreen
from screens.base import KioskScreen, OwnLanguage, process_language
from screens.directory import DirectoryScreen
from screens.launcher import LAUNCHER_ENTRIES, LauncherScreen
from screens.person_day import PersonDayScreen
from screens.session_detail import SessionDetailScreen
from screens.venues import VenueGuideScreen
from screens.widgets.footer import KioskFooter
from screens.widgets.language import InScreenLanguage
from tests.helpers import ADMIN_PIN, load_small_event, make_app, scan_burst, screen_text, until, wait_for_text

ROOT = Path(__file__).resolve().parent.parent
JAKARTA_10 = datetime(2018, 7, 5, 10, 0)


@pytest.fixture
def event_store(sqlite_store):
    load_small_event()
    return sqlite_store


def directory(store, **options):
    app = make_app(store, lambda: DirectoryScreen(**options), venue="eastparc")
    app.context.clock = Clock.fixed("Asia/Jakarta", "2018-07-05T10:00")
    return app


def footer_labels(screen) -> list[str]:
    return [key.description for key in screen.query_one(KioskFooter).query(FooterKey)]


# ---- the screens a person meets -------------------------------------------------------------------


async def test_the_venue_guide_switched_to_english_over_the_launcher_is_english_alone(event_store):
    app = make_app(event_store, LauncherScreen, venue="eastparc")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Demo: pilih layar")
        launcher = app.screen
        await until(pilot, lambda: footer_labels(launcher) == ["Keluar"])
        position = [entry.key for entry in LAUNCHER_ENTRIES].index("launcher.venues")
        await pilot.press(*["down"] * position, "enter")
        await wait_for_text(pilot, "Panduan tempat dan ruang")
        guide = app.screen
        assert isinstance(guide, VenueGuideScreen) and guide.language == "id"  # it starts as the launcher
        await pilot.press("f2")
        text = await wait_for_text(pilot, "Venues and rooms")
        assert "You are here" in text and "Anda di sini" not in text
        assert (guide.language, launcher.language, process_language()) == ("en", "id", "id")
        await until(pilot, lambda: footer_labels(guide) == [t("nav.language", "en")])  # translated for it
        assert i18n.t("launcher.title") == "Demo: choose a screen"  # the App's own work: for the screen on view
        await pilot.press("ctrl+q")  # the exit dialog speaks the guide's language
        await wait_for_text(pilot, "Admin PIN, then Enter")
        await pilot.press(*ADMIN_PIN, "enter")
        await until(pilot, lambda: app.screen is launcher)
        text = await wait_for_text(pilot, "Demo: pilih layar")
        assert "Panduan tempat" in text and "Venue guide" not in text
        await until(pilot, lambda: footer_labels(launcher) == ["Keluar"])
        await pilot.press("enter")  # the guide once more: a new one, in the launcher's language
        await wait_for_text(pilot, "Panduan tempat dan ruang")
        assert app.screen is not guide and app.screen.language == "id"


async def test_a_dialog_over_an_english_directory_is_english_and_switches_on_its_own(event_store):
    app = directory(event_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        listing = app.screen
        await pilot.press("f5")
        await wait_for_text(pilot, "Now & next")
        await pilot.press(*"literasi")
        await wait_for_text(pilot, "Digital Literacy for Small")
        await pilot.press("enter", "enter")  # the first result's detail
        await until(pilot, lambda: isinstance(app.screen, SessionDetailScreen))
        detail = app.screen
        text = await wait_for_text(pilot, "Thursday, 5 July 2018, 09:30–12:00")
        assert "Esc to close" in text and detail.language == "en"
        await pilot.press("f5")  # the detail alone
        text = await wait_for_text(pilot, "Kamis, 5 Juli 2018, 09:30–12:00")
        assert "Esc untuk menutup" in text
        assert (detail.language, listing.language) == ("id", "en")
        await pilot.press("f5")
        await wait_for_text(pilot, "Thursday, 5 July 2018")
        await pilot.press("f5", "escape")
        await until(pilot, lambda: app.screen is listing)
        text = await wait_for_text(pilot, "Search results")
        assert listing.language == "en" and "Digital Literacy for Small" in text
        await until(pilot, lambda: footer_labels(listing)[-1:] == [t("nav.language", "en")])


async def test_a_persons_day_starts_in_the_directorys_language_and_switches_alone(event_store):
    from kiosk.attendees import find_by_code, payload_for
    from kiosk.context import find_event

    event = find_event()
    app = directory(event_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        listing = app.screen
        await pilot.press("f5")
        await wait_for_text(pilot, "Now & next")
        scan_burst(app, payload_for(event, find_by_code(event, "P0002")))
        await wait_for_text(pilot, "The day of Bambang Sutrisno")
        day = app.screen
        assert isinstance(day, PersonDayScreen)
        await pilot.press("f5")
        await wait_for_text(pilot, "Jadwal Bambang Sutrisno")
        assert (day.language, listing.language) == ("id", "en")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is listing)
        await wait_for_text(pilot, "Now & next")


async def test_two_apps_in_one_process_never_share_a_language(event_store):
    first = directory(event_store)
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        await pilot.press("f5")
        await wait_for_text(pilot, "Now & next")
    assert process_language() == "id" and i18n.t("login.title") == "Masuk staf"
    second = directory(event_store)
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        assert second.screen.language == "id"


async def test_two_apps_running_at_once_each_speak_their_own(event_store):
    english, indonesian = directory(event_store), directory(event_store)
    async with english.run_test(size=(100, 30)) as english_pilot:
        await wait_for_text(english_pilot, "Sekarang & berikutnya")
        await english_pilot.press("f5")
        await wait_for_text(english_pilot, "Now & next")
        async with indonesian.run_test(size=(100, 30)) as pilot:
            await wait_for_text(pilot, "Sekarang & berikutnya")
            await pilot.press("f3")  # drawn anew while the other app is English
            await wait_for_text(pilot, "Jadwal hari ini")
            await english_pilot.press("f3")
            await wait_for_text(english_pilot, "Today's timetable|Timetable")
            assert "Now & next" not in screen_text(indonesian)
            assert (english.screen.language, indonesian.screen.language) == ("en", "id")


async def test_a_staff_screens_footer_title_and_entries_follow_its_language(event_store):
    from kiosk.staff import login

    login("meja", "1111", "lobby-1")
    app = make_app(event_store, AuditScreen)
    async with app.run_test(size=(120, 24)) as pilot:
        await wait_for_text(pilot, "meja masuk di lobby-1")
        audit = app.screen
        await until(pilot, lambda: sorted(footer_labels(audit)) == ["Kembali", "Selengkapnya"])
        await audit.switch_language()
        text = await wait_for_text(pilot, "meja logged in at lobby-1")
        assert "Audit log (newest first)" in text and "What happened" in text
        await until(pilot, lambda: sorted(footer_labels(audit)) == ["Back", "In full"])
        await pilot.press("enter")  # the newest entry, in full: in the log's language
        await until(pilot, lambda: isinstance(app.screen, AuditEntryScreen))
        text = await wait_for_text(pilot, "Esc to close")
        assert "meja logged in at lobby-1" in text


# ---- where the work runs: compose, render, timers, reads, writes, watchers ------------------------


class Said(InScreenLanguage, Widget):
    """A widget whose render() translates."""

    DEFAULT_CSS = "Said { height: 1; }"

    def __init__(self, heard: list[str]):
        super().__init__()
        self.heard = heard

    def render(self) -> str:
        self.heard.append(i18n.language())
        return t("nav.back")


class Probe(KioskScreen):
    """Notes the language its work speaks: compose, a timer, a read's two halves, a write's answer."""

    def __init__(self):
        super().__init__()
        self.heard: dict[str, list[str]] = {"compose": [], "render": [], "timer": [], "fetch": [], "then": [],
                                            "done": []}

    def compose(self) -> ComposeResult:
        self.heard["compose"].append(i18n.language())
        yield Label(t("nav.back"), id="probe-label")
        yield Said(self.heard["render"])

    def on_mount(self) -> None:
        self.set_interval(0.02, lambda: self.heard["timer"].append(i18n.language()))

    def ask(self) -> None:
        def fetch() -> str:
            self.heard["fetch"].append(i18n.language())
            return "read"

        self.read(fetch, lambda _: self.heard["then"].append(i18n.language()), group="probe")

    def write(self) -> None:
        self.record(Intent(lambda intent: None, at=datetime.now(timezone.utc), kind="probe",
                           on_done=lambda outcome: self.heard["done"].append(i18n.language())))


class Dialog(OwnLanguage, ModalScreen[None]):
    def __init__(self):
        super().__init__()
        self.heard: list[str] = []

    def compose(self) -> ComposeResult:
        self.heard.append(i18n.language())
        yield Label(t("nav.back"), id="dialog-label")


@pytest.mark.parametrize("below, above", [("en", "id"), ("id", "en")])
async def test_the_work_of_a_screen_under_a_dialog_speaks_its_own_language(event_store, below, above):
    app = make_app(event_store, Probe)
    async with app.run_test(size=(80, 24)) as pilot:
        probe = app.screen
        probe.language = below
        await probe.recompose()
        assert probe.heard["compose"][-1] == below
        dialog = Dialog()
        await app.push_screen(dialog)
        assert dialog.heard == [below]  # a dialog starts in the language of the screen below
        await dialog.switch_language()
        assert dialog.language == above and dialog.heard[-1] == above
        assert str(dialog.query_one("#dialog-label").render()) == t("nav.back", above)

        for kind in ("timer", "render", "fetch", "then", "done"):
            probe.heard[kind].clear()
        probe.query_one(Said).refresh()
        await pilot.resize_terminal(90, 24)  # the screen below is drawn again, by the dialog's screen
        probe.ask()
        probe.write()
        await until(pilot, lambda: all(probe.heard[kind] for kind in ("timer", "render", "then", "done")))
        assert set(probe.heard["timer"]) == {below}
        assert set(probe.heard["render"]) == {below}
        assert probe.heard["then"] == [below] and probe.heard["done"] == [below]
        assert probe.heard["fetch"] == ["id"]  # a store thread has no screen: the process's language
        assert (probe.language, dialog.language) == (below, above)


async def test_the_header_of_a_screen_under_a_dialog_says_offline_in_its_language(event_store):
    app = directory(event_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        listing = app.screen
        await pilot.press("f5")
        await wait_for_text(pilot, "Now & next")
        dialog = Dialog()
        await app.push_screen(dialog)
        await dialog.switch_language()
        label = listing.query_one("#header-store", Label)
        app.reachable = False  # the header watches the App: it hears of it as its own work
        assert "Offline" in str(label.render())
        app.reachable = True
        assert "Online" in str(label.render())


async def test_a_screens_language_is_one_of_the_languages(event_store):
    app = make_app(event_store, Probe)
    async with app.run_test(size=(80, 24)):
        with pytest.raises(ValueError):
            app.screen.language = "fr"
        assert app.screen.language == "id"


# ---- nothing translated at import time ------------------------------------------------------------

TRANSLATING = {"t", "tn", "bilingual", "pick", "money", "number", "long_date", "short_day", "language"}


def import_time_calls(tree: ast.Module) -> list[int]:
    """Lines where a translating call runs when the module is imported: at module level, in a class
    body, in a default argument or a decorator (never inside a function or a lambda)."""
    found: list[int] = []

    def calls(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for default in [*node.args.defaults, *node.args.kw_defaults, *node.decorator_list]:
                if default is not None:
                    calls(default)
            return
        if isinstance(node, ast.Lambda):
            return
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in TRANSLATING:
                found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            calls(child)

    calls(tree)
    return found


def test_nothing_is_translated_when_a_module_is_imported():
    offending = []
    for folder in ("kiosk", "screens", "models"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line in import_time_calls(ast.parse(path.read_text(encoding="utf-8"))):
                offending.append(f"{path.relative_to(ROOT)}:{line}")
    assert offending == []


def test_every_binding_label_is_a_catalogue_key_and_every_screen_has_the_kiosk_footer():
    import importlib

    from textual.binding import Binding

    for path in sorted((ROOT / "screens").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "yield Footer(" not in source, f"{path.name}: yield KioskFooter(), whose labels follow the screen"
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for value in vars(module).values():
            for binding in getattr(value, "BINDINGS", []) if isinstance(value, type) else []:
                if isinstance(binding, Binding) and binding.show and binding.description:
                    assert has_message(binding.description), f"{path.name}: {binding.description!r}"


# ---- the audit log as sentences -------------------------------------------------------------------

AT = datetime(2018, 7, 5, 14, 30)


def said(actor: str, action: str, subject: str = "", detail: str = "", lang: str = "id",
         cells: int | None = None) -> str:
    i18n.set_language(lang)
    try:
        return sentence_text(AuditLine(AT, actor, action, subject, detail).sentence, cells)
    finally:
        i18n.set_language("id")


@pytest.mark.parametrize("entry, indonesian, english", [
    (("meja", "checkin.manual", "P0001", "HARI1: lost badge"),
     "meja memeriksa masuk P0001 dengan tangan di HARI1: lost badge",
     "meja checked in P0001 by hand on HARI1: lost badge"),
    (("meja", "checkin.manual", "W0001", "HARI1: "),
     "meja memeriksa masuk W0001 dengan tangan di HARI1", "meja checked in W0001 by hand on HARI1"),
    (("meja", "checkin.undo", "P0001", "HARI1: wrong person"),
     "meja membatalkan check-in P0001 di HARI1: wrong person", "meja undid the check-in of P0001 on HARI1: wrong person"),
    (("meja", "login", "meja", "lobi-1/tty1"), "meja masuk di lobi-1/tty1", "meja logged in at lobi-1/tty1"),
    (("meja", "login", "meja", ""), "meja masuk di terminal tak dikenal", "meja logged in at an unknown terminal"),
    (("budi", "login.failed", "budi", "meja-2 unknown user"),
     "Masuk sebagai budi di meja-2 gagal: nama tidak dikenal", "Login as budi at meja-2 failed: unknown name"),
    (("meja", "login.failed", "meja", "cli export awards wrong PIN, locked"),
     "Masuk sebagai meja di cli export awards gagal: PIN salah, kini terkunci",
     "Login as meja at cli export awards failed: wrong PIN, now locked"),
    (("meja", "login.failed", "meja", "lobby-1 locked"),
     "Masuk sebagai meja di lobby-1 gagal: masih terkunci", "Login as meja at lobby-1 failed: still locked"),
    (("admin", "exit", "", "lobi-1"), "admin membuka kunci keluar layar publik di lobi-1",
     "admin unlocked the exit of a public screen at lobi-1"),
    (("", "exit.failed", "", "lobi-1 wrong PIN"), "Keluar dari layar publik di lobi-1 ditolak: PIN salah",
     "Leaving a public screen at lobi-1 refused: wrong PIN"),
    (("meja", "attendee.walk_in", "W0003", "Sari Dewi"), "meja mendaftarkan W0003 di meja: Sari Dewi",
     "meja registered W0003 at the desk: Sari Dewi"),
    (("meja", "badge.reissue", "P0002", "version 3: lost it"),
     "meja mencetak ulang badge P0002 (versi 3): lost it", "meja reissued the badge of P0002 (version 3): lost it"),
    (("admin", "sale.void", "17", "GK-BATIK x2: wrong quantity"),
     "admin membatalkan penjualan 17 (GK-BATIK ×2): wrong quantity", "admin voided sale 17 (GK-BATIK ×2): wrong quantity"),
    (("meja", "session.move", "K2", "Ruang Prambanan -> Ruang Kalasan"),
     "meja memindahkan sesi K2 dari Ruang Prambanan ke Ruang Kalasan",
     "meja moved session K2 from Ruang Prambanan to Ruang Kalasan"),
    (("meja", "session.delay", "K1", "+15 min"), "meja menunda sesi K1 15 menit", "meja delayed session K1 by 15 minutes"),
    (("meja", "session.delay", "K1", "+1 min"), "meja menunda sesi K1 1 menit", "meja delayed session K1 by 1 minute"),
    (("meja", "session.cancel", "K2", "speaker ill"), "meja membatalkan sesi K2: speaker ill",
     "meja cancelled session K2: speaker ill"),
    (("meja", "session.restore", "K2", "as planned"), "meja mengembalikan sesi K2 sesuai rencana",
     "meja put session K2 back as planned"),
    (("mc", "reveal.step", "title 0"), "mc menampilkan judul kategori 1", "mc showed the title of category 1"),
    (("mc", "reveal.step", "winners 2"), "mc menampilkan pemenang kategori 3", "mc showed the winners of category 3"),
    (("mc", "reveal.step", "holding"), "mc menampilkan slide pembuka", "mc showed the opening slide"),
    (("mc", "reveal.winners", "DAERAH"), "mc mengumumkan pemenang DAERAH", "mc revealed the winners of DAERAH"),
    (("mc", "reveal.cover", "blackout"), "mc menghitamkan layar", "mc blacked out the screen"),
    (("mc", "reveal.cover", "off"), "mc menampilkan langkah ini kembali", "mc showed the step again"),
    (("mc", "reveal.rehearsal", "start"), "mc memulai gladi resik", "mc started a rehearsal"),
    (("mc", "reveal.rehearsal", "stop"), "mc mengakhiri gladi resik", "mc ended the rehearsal"),
    (("admin", "user.add", "sari", "role=seller"), "admin menambahkan pengguna sari (penjual)",
     "admin added the user sari (seller)"),
    (("admin", "user.reset", "meja", "role=desk"), "admin mengganti peran dan PIN meja (meja registrasi)",
     "admin reset the role and PIN of meja (desk)"),
    (("cli", "import", "plm-2018", "attendees added: 4"), "cli mengimpor acara plm-2018 (attendees added: 4)",
     "cli imported the event plm-2018 (attendees added: 4)"),
    (("admin", "awards.export", "plm-2018", "every category, unrevealed included"),
     "admin mengekspor pemenang semua kategori plm-2018, termasuk yang belum diumumkan",
     "admin exported the winners of every category of plm-2018, unrevealed ones included"),
])
def test_every_action_reads_as_a_sentence_in_both_languages(entry, indonesian, english):
    assert said(*entry, lang="id") == indonesian
    assert said(*entry, lang="en") == english


def test_an_action_or_a_detail_the_catalogue_does_not_read_is_shown_as_stored():
    assert said("meja", "schedule.move", "K1", "[b]x[/b]") == "meja: schedule.move K1 [b]x[/b]"
    assert said("", "badge.print", "P0001") == "badge.print P0001"
    assert said("meja", "badge.reissue", "P0002", "a form it does not read") == \
        "meja: badge.reissue P0002 a form it does not read"
    assert said("meja", "reveal.step", "encore 3") == "meja: reveal.step encore 3"
    assert said("meja", "login.failed", "meja", "lobby-1") == "meja: login.failed meja lobby-1"


def test_stored_text_too_long_for_the_line_is_cut_with_an_ellipsis_the_programs_words_never():
    long_reason = "badge tertinggal di hotel " * 20
    text = said("meja", "checkin.manual", "P0001", f"HARI1: {long_reason}", cells=80)
    assert text.startswith("meja memeriksa masuk P0001 dengan tangan di HARI1: badge tertinggal")
    assert text.endswith("…") and len(text) == 80
    name, reason = "Drs. H. Raden Mas Slamet Sulistyo " * 10, "salah orang " * 10
    text = said(name, "checkin.undo", "P0001", f"HARI1: {reason}", cells=70)
    assert text.startswith("Drs. H. Raden") and "membatalkan check-in P0001 di HARI1: salah orang" in text
    assert text.count("…") == 2 and len(text) <= 70


def test_the_lines_hold_no_translated_text(event_store):
    from kiosk.staff import login

    login("meja", "1111", "lobby-1")
    i18n.set_language("en")
    lines = audit_lines(Clock.fixed("Asia/Jakarta", "2018-07-05T10:00").zone)
    i18n.set_language("id")
    assert sentence_text(lines[0].sentence) == "meja masuk di lobby-1"  # read in English, said in Indonesian


async def test_the_audit_log_speaks_the_screens_language_in_the_events_zone(event_store):
    AuditEntry.create(at=datetime(2018, 7, 5, 7, 30, tzinfo=timezone.utc), actor="meja", action="checkin.manual",
                      subject="P0001", detail="HARI1: lost badge")
    app = make_app(event_store, AuditScreen)
    async with app.run_test(size=(120, 24)) as pilot:
        text = await wait_for_text(pilot, "meja memeriksa masuk P0001 dengan tangan di HARI1: lost badge")
        assert "05-07 14:30:00" in text  # 07:30 UTC is 14:30 WIB
        await app.screen.switch_language()
        text = await wait_for_text(pilot, "meja checked in P0001 by hand on HARI1: lost badge")
        assert "05-07 14:30:00" in text


def test_every_audit_key_the_sentences_use_is_in_the_catalogue():
    from kiosk import audit

    keys = {key for key in vars(audit).values() if isinstance(key, str) and key.startswith("audit.")}
    for table in (audit.STEP_SENTENCES, audit.COVER_SENTENCES, audit.REHEARSAL_SENTENCES, audit.ROLE_NAMES):
        keys |= set(table.values())
    keys |= {key for _, key in audit.LOGIN_FAILURES} | set(audit.PLURALS) | {"audit.session_delay_plural"}
    source = (ROOT / "kiosk" / "audit.py").read_text(encoding="utf-8")
    keys |= set(__import__("re").findall(r'N_\("([a-z_.]+)"\)', source))
    missing = sorted(key for key in keys if not has_message(key))
    assert missing == []
