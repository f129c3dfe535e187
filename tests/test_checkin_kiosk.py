"""The lobby kiosk, driven as a scanner drives it: key bursts, Enter or none; results on screen."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.attendees import find_by_code, payload_for
from kiosk.context import find_event
from models import Checkin
from screens.checkin import CheckinScreen
from tests.helpers import load_small_event, make_app, scan_burst, screen_text, settled, wait_for_text


@pytest.fixture
def kiosk_store(sqlite_store):
    load_small_event()
    return sqlite_store


def payload(code: str) -> str:
    event = find_event()
    return payload_for(event, find_by_code(event, code))


async def test_idle_screen_invites_a_scan(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen, venue="sheraton")
    async with app.run_test(size=(80, 24)) as pilot:
        text = await wait_for_text(pilot, "Hari 1 · sudah hadir")
        assert app.screen.query_one("#checkin-big").text == "Pindai badge Anda"
        # too long for legible large type at 80 columns: whole, in capitals
        assert "PINDAI BADGE ANDA" in text and "Scan your badge" in text
        assert "Hotel Sheraton" in text and "08:15 WIB (UTC+7)" in text


async def test_a_big_lobby_screen_invites_a_scan_in_large_type(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen, venue="sheraton")
    async with app.run_test(size=(200, 60)) as pilot:
        text = await wait_for_text(pilot, "Scan your badge")
        assert "PINDAI" not in text  # drawn in half blocks instead
        assert sum(line.count("█") for line in text.splitlines()) > 100


async def test_welcome_then_already_then_forged(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, payload("P0001"))
        # the title and the lines under it, drawn together or a frame apart
        text = await wait_for_text(pilot, "Selamat datang, Sri Wahyuni!(.|\n)*Berikutnya 09:30")
        assert "Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul" in text
        assert "Hotel Anda: Hotel Eastparc, kamar 412" in text
        assert "Berikutnya 09:30: Literasi Digital untuk Pelaku UMKM" in text  # the class assigned to her
        scan_burst(app, payload("P0001"))
        await wait_for_text(pilot, "Sri Wahyuni, Anda sudah check-in(.|\n)*pukul 08:15 di test-terminal")
        forged = payload("P0002")[:-3] + "AAA"
        scan_burst(app, forged)
        text = await wait_for_text(pilot, "Badge tidak sah / Badge not valid(.|\n)*Silakan ke meja registrasi")
        assert forged not in text and forged.lower() not in text
    assert Checkin.select().count() == 1


async def test_welcome_is_in_the_attendees_language(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, payload("V0001"))  # prefers English
        await wait_for_text(pilot, "Welcome, Ir. Andreas Simanjuntak!")


async def test_garbage_is_refused_without_being_echoed(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, "hello-world-1234")
        text = await wait_for_text(pilot, "Kode tidak terbaca")
        assert "hello" not in text.lower()


async def test_a_scanner_without_enter_is_understood(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, "  " + payload("P0002").lower(), enter=False)
        await wait_for_text(pilot, "Selamat datang, Bambang Sutrisno!")


async def test_two_scans_in_a_row_are_both_taken(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, payload("P0001"))
        scan_burst(app, payload("P0002"))  # while the first welcome shows
        await wait_for_text(pilot, "Selamat datang, Bambang Sutrisno!")
        await wait_for_text(pilot, r"Hari 1 · sudah hadir")
    assert Checkin.select().count() == 2


async def test_ctrl_c_does_not_quit_the_kiosk(kiosk_store):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.press("escape")
        scan_burst(app, payload("P0001"))
        await wait_for_text(pilot, "Selamat datang")
        assert app.return_code is None


async def test_the_store_failing_keeps_the_scan_and_recovers(kiosk_store, monkeypatch):
    import kiosk.lobby as lobby
    from peewee import OperationalError

    real_scan, calls = lobby.scan, []

    def flaky_scan(*args, **kwargs):
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError("database is locked")
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(lobby, "scan", flaky_scan)
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, payload("P0001"))
        await wait_for_text(pilot, "Sementara tidak tersedia / Temporarily unavailable")
        await wait_for_text(pilot, "Selamat datang, Sri Wahyuni!")
    assert Checkin.select().count() == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.one_of(st.text(min_size=1, max_size=300), st.just("\x1b[2J\x1b[31mRED"), st.just("A" * 10_000)))
async def test_fuzzed_input_never_crashes_nor_shows_raw_escapes(kiosk_store, junk):
    app = make_app(kiosk_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, junk)
        await settled(pilot)  # every key handled, and the answer to a scan (if there was one) drawn
        text = screen_text(app)
        assert "\x1b" not in text and app.return_code is None
