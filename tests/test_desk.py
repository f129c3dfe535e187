"""The registration desk, driven through Pilot: search, by hand, undo, walk-in, reissue, QR."""
import pytest

from kiosk.attendees import find_by_code, payload_for
from kiosk.checkin import REVOKED, list_by_code, scan
from kiosk.context import find_event
from models import Attendee, AuditEntry, Checkin, StaffUser
from screens.badge_qr import BadgeQrScreen
from screens.desk import DeskScreen
from tests.helpers import TEST_NOW, load_small_event, make_app, screen_text, settled, until, wait_for_text


@pytest.fixture
def desk_app(sqlite_store, tmp_path):
    load_small_event()
    app = make_app(sqlite_store, lambda: DeskScreen(StaffUser.get(StaffUser.name == "meja")))
    app.context.badge_dir = tmp_path / "badges"
    return app


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", ".": "full_stop"}.get(c, c) for c in text])


async def test_search_is_partial_and_ignores_case_and_accents(desk_app):
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "kusumawardhani")
        # the search runs after a short quiet spell, perhaps once before the last keys: the search of a
        # word's first letters finds everyone the whole word finds, so this is so once the last one lands
        await until(pilot, lambda: "P0003" in (text := screen_text(desk_app)) and "Sri Wahyuni" not in text,
                    what="P0003 found, Sri Wahyuni not")
        await pilot.press(*["backspace"] * 14)
        await type_text(pilot, "bejiharjo")  # by institution
        await wait_for_text(pilot, "Bambang Sutrisno")
        await pilot.press(*["backspace"] * 9)
        await type_text(pilot, "sri wahyuní")  # an accent the record does not have
        await wait_for_text(pilot, "P0001 +Sri Wahyuni")


async def test_check_in_by_hand_then_undo(desk_app):
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "P0002")
        await wait_for_text(pilot, "Bambang Sutrisno")
        await wait_for_text(pilot, "Sesi 05/07 09:30: Literasi Digital untuk Pelaku UMKM · Ruang Prambanan")
        # Sri Wahyuni's detail says the same of 05/07 09:30 (the search of "P" finds her first): Bambang's
        await wait_for_text(pilot, "Sesi 06/07 08:30: Mengukur Dampak Program")
        await pilot.press("enter", "f2")
        await type_text(pilot, "badge lost")
        await pilot.press("enter")
        await wait_for_text(pilot, r"Hari 1: 1 sudah hadir")
        await wait_for_text(pilot, "✓ 08:15")
        checkin = Checkin.get()
        assert (checkin.method, checkin.terminal, checkin.reason) == ("manual", "meja", "badge lost")
        await pilot.press("f3")
        await type_text(pilot, "wrong person")
        await pilot.press("enter")
        await wait_for_text(pilot, r"Hari 1: 0 sudah hadir")
        assert Checkin.get().undone_by == "meja"
        await wait_for_text(pilot, "dibatalkan oleh meja: wrong person")  # the detail, perhaps a frame later


async def test_a_reason_is_required(desk_app):
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "P0002")
        await wait_for_text(pilot, "Bambang Sutrisno")
        await pilot.press("enter", "f2", "enter")
        await wait_for_text(pilot, "Alasan wajib diisi.")
        await pilot.press("escape")
    assert Checkin.select().count() == 0


async def test_walk_in_gets_a_code_a_badge_and_a_qr(desk_app):
    async with desk_app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f4")
        await type_text(pilot, "Siti Aminah")
        await pilot.press("enter")
        await type_text(pilot, "bejiharjo")
        await wait_for_text(pilot, "Perpustakaan Desa Khasanah Info Bejiharjo")  # the institution found
        await settled(pilot)  # the look-up of the whole word is the last
        await pilot.press("tab", "enter")  # pick it
        await pilot.press("ctrl+s")
        await wait_for_text(pilot, "Kode W0001, badge versi 1")
        assert isinstance(desk_app.screen, BadgeQrScreen)
    walk_in = Attendee.get(Attendee.code == "W0001")
    assert walk_in.name == "Siti Aminah" and walk_in.institution.code == "DESA-BEJIHARJO"
    folder = desk_app.context.badge_dir / "W0001-v1"
    assert (folder / "W0001.png").is_file() and (folder / "sheet.html").is_file()
    assert AuditEntry.get(AuditEntry.action == "attendee.walk_in").actor == "meja"


async def test_reissue_revokes_the_old_badge(desk_app):
    event = find_event()
    old = payload_for(event, find_by_code(event, "P0001"))
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "P0001")
        await wait_for_text(pilot, "Sri Wahyuni")
        await pilot.press("enter", "f5")
        await type_text(pilot, "lost")
        await pilot.press("enter")
        await wait_for_text(pilot, "Kode P0001, badge versi 2")
    assert (desk_app.context.badge_dir / "P0001-v2" / "P0001.svg").is_file()
    from datetime import datetime
    from zoneinfo import ZoneInfo

    now = datetime.fromisoformat(TEST_NOW).replace(tzinfo=ZoneInfo("Asia/Jakarta"))
    assert scan(event, list_by_code(event, "HARI1"), old, "k", now).reason == REVOKED


async def test_show_qr_of_the_selected_person(desk_app):
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "P0003")
        await wait_for_text(pilot, "Kusumawardhani")
        await pilot.press("enter", "f6")
        text = await wait_for_text(pilot, "Kode P0003, badge versi 1")
        assert "█" in text
        await pilot.press("escape")
        assert isinstance(desk_app.screen, DeskScreen)


async def test_arrivals_screen_counts_by_kiosk(desk_app):
    event = find_event()
    from datetime import datetime
    from zoneinfo import ZoneInfo

    now = datetime.fromisoformat(TEST_NOW).replace(tzinfo=ZoneInfo("Asia/Jakarta"))
    scan(event, list_by_code(event, "HARI1"), payload_for(event, find_by_code(event, "P0001")), "lobi-1", now)
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f8")
        text = await wait_for_text(pilot, "Kedatangan Hari 1: 1 dari 4")
        assert "lobi-1" in text and "08:00" in text


async def test_f7_switches_the_check_in_list(desk_app):
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, r"Hari 1: 0 sudah hadir")  # the list open at 08:15
        await pilot.press("f7")
        await wait_for_text(pilot, r"Gala dinner: 0 sudah hadir")
        await pilot.press("f7")
        await wait_for_text(pilot, r"Hari 1: 0 sudah hadir")


async def test_a_search_that_finds_nobody_says_so(desk_app):
    async with desk_app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "zzzz")
        await wait_for_text(pilot, "Tidak ditemukan.")
        await pilot.press("f2")  # nobody to check in
        await pilot.pause()
        assert "Pilih seseorang dulu." in [str(n.message) for n in desk_app._notifications]
    assert Checkin.select().count() == 0
