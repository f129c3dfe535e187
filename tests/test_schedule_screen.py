"""The staff schedule screen through Pilot: find a session, move, delay, cancel, put back."""
import pytest

from models import AuditEntry, Session, StaffUser
from screens.schedule import ScheduleScreen
from tests.helpers import load_small_event, make_app, wait_for_notice, wait_for_text


@pytest.fixture
def schedule_app(sqlite_store):
    load_small_event()
    return make_app(sqlite_store, lambda: ScheduleScreen(StaffUser.get(StaffUser.name == "meja")))


async def find_k2(pilot) -> None:
    await pilot.press(*"pusat")
    # K2 alone, first under the heading: the search of all five letters, not of the first few, is shown
    await wait_for_text(pilot, r"Sesi *\n +K2 .*Perpustakaan sebagai Pusat.*\n *\n")
    await pilot.press("enter")


async def test_move_delay_cancel_and_restore(schedule_app):
    async with schedule_app.run_test(size=(100, 30)) as pilot:
        await find_k2(pilot)
        await pilot.press("f2")
        await wait_for_text(pilot, "Pindahkan K2 ke ruang:")
        await pilot.press("down", "enter")  # the second room of the event: Ruang Kalasan
        await wait_for_text(pilot, r"PINDAH \(Ruang Prambanan\)")
        assert Session.get(Session.code == "K2").room.code == "sheraton-kalasan"
        await pilot.press("f3", *"20", "enter")
        await wait_for_text(pilot, "05/07 13:20–14:50")
        await pilot.press("f4", *"speaker ill", "enter")
        await wait_for_text(pilot, "BATAL")
        await pilot.press("f5")
        text = await wait_for_text(pilot, r"05/07 13:00–14:30 +Ruang Prambanan")
        assert "BATAL" not in text
    actions = [entry.action for entry in AuditEntry.select().where(AuditEntry.subject == "K2")
               .order_by(AuditEntry.id)]
    assert actions == ["session.move", "session.delay", "session.cancel", "session.restore"]


async def test_a_clash_is_refused_with_a_message(schedule_app):
    async with schedule_app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"literasi")
        await wait_for_text(pilot, r"Sesi *\n +K1 .*\n *\n")  # K1 alone: the search of the whole word
        await pilot.press("enter", "f3", *"90", "enter")  # 11:00–13:30 would run into K2 at 13:00
        await wait_for_notice(pilot, "Ruang Prambanan sedang dipakai K2")  # in Indonesian
    assert Session.get(Session.code == "K1").starts_at == Session.get(Session.code == "K1").planned_starts_at
