"""The desk, the arrivals and the schedule screens with text from outside: a 10,000-word paste into a
search box, names with markup and control characters, the hostile corpus (tests/hostile.py) in every
field they show; and what they record goes through the writer, once per thing done."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import peewee
import pytest
from textual import events

import kiosk.desk
from kiosk.attendees import AttendeeError, find_by_code, payload_for, register_walk_in
from kiosk.checkin import list_by_code, scan
from kiosk.context import find_event
from kiosk.i18n import t
from kiosk.search import MAX_SEARCH_WORDS, MAX_WORD_CHARS, search_words
from models import Attendee, AuditEntry, Checkin, Institution, Room, Session, StaffUser
from screens.arrivals import ArrivalsScreen
from screens.badge_qr import BadgeQrScreen
from screens.desk import DeskScreen
from screens.schedule import ScheduleScreen
from screens.walk_in import WalkInDialog
from screens.widgets.dialogs import PickDialog, ReasonDialog
from tests.helpers import TEST_NOW, load_small_event, make_app, screen_text, wait_for_text
from tests.hostile import HOSTILE, assert_shown, assert_whole, shown_form, visible_prefix

SIZES = [(80, 24), (200, 60)]
TEN_THOUSAND_WORDS = " ".join(f"kata{n}" for n in range(10_000))  # no one is called that
TEN_THOUSAND_SRIS = " ".join(["Sri"] * 10_000)  # the same word, again and again


def wib(iso: str = TEST_NOW) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=ZoneInfo("Asia/Jakarta"))


def desk_app(store, tmp_path):
    app = make_app(store, lambda: DeskScreen(StaffUser.get(StaffUser.name == "meja")))
    app.context.badge_dir = tmp_path / "badges"
    return app


def schedule_app(store):
    return make_app(store, lambda: ScheduleScreen(StaffUser.get(StaffUser.name == "meja")))


def toasts(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def settle(pilot) -> None:
    """Wait until the screen's reads and the writer are done."""
    await pilot.app.workers.wait_for_complete()
    assert pilot.app.writer.drain(5)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_gone(pilot, text: str, seconds: float = 3.0) -> str:
    """Pause until TEXT is no longer on screen (a search narrowed the list); the screen text then."""
    for _ in range(int(seconds / 0.02)):
        shown = screen_text(pilot.app)
        if text not in shown:
            return shown
        await pilot.pause(0.02)
    raise AssertionError(f"{text!r} is still on:\n{screen_text(pilot.app)}")


# ---- search words ----------------------------------------------------------------------------------

def test_search_words_are_folded_few_and_short():
    assert search_words("  Ngurah  RAÏ ") == ["ngurah", "rai"]
    assert len(search_words(TEN_THOUSAND_WORDS)) == MAX_SEARCH_WORDS
    assert search_words(TEN_THOUSAND_SRIS) == ["sri"]
    assert search_words("x" * 10_000) == ["x" * MAX_WORD_CHARS]
    assert search_words("") == [] and search_words("   ") == []


# ---- a 10,000-word paste, on both stores -------------------------------------------------------------

@pytest.fixture
def event_store(store):
    load_small_event()
    return store


@pytest.mark.parametrize("how", ["paste", "value"])
async def test_a_ten_thousand_word_paste_into_the_desk_search_is_answered_calmly(event_store, tmp_path, how):
    app = desk_app(event_store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        search = app.screen.query_one("#desk-search")
        for text, answer in ((TEN_THOUSAND_SRIS, "Sri Wahyuni"), (TEN_THOUSAND_WORDS, t("desk.nothing_found"))):
            if how == "paste":
                search.value = ""
                app.post_message(events.Paste(text))
            else:
                search.value = text
            await wait_for_text(pilot, answer)
            await settle(pilot)
            assert len(search.value) <= search.max_length or how == "value"
        assert app.is_running and isinstance(app.screen, DeskScreen)
        assert t("store.unavailable") not in toasts(app)
        assert_whole(screen_text(app), 100)


@pytest.mark.parametrize("how", ["paste", "value"])
async def test_a_ten_thousand_word_paste_into_the_schedule_search_is_answered_calmly(event_store, how):
    app = schedule_app(event_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Registrasi Peserta")
        search = app.screen.query_one("#schedule-search")
        for text, answer in ((" ".join(["literasi"] * 10_000), "Literasi Digital"),
                             (TEN_THOUSAND_WORDS, t("desk.nothing_found"))):
            if how == "paste":
                search.value = ""
                app.post_message(events.Paste(text))
            else:
                search.value = text
            await wait_for_text(pilot, answer)
            await wait_gone(pilot, "Registrasi Peserta")
            await settle(pilot)
        assert app.is_running and isinstance(app.screen, ScheduleScreen)
        assert t("store.unavailable") not in toasts(app)


def test_a_walk_in_with_a_control_character_is_refused(event_store):
    event = find_event()
    for name in ("Budi\x1b[31mSantoso", "Budi\tSantoso", "Budi\x00"):
        with pytest.raises(AttendeeError) as refused:
            register_walk_in(event, name, None, "participant", "id", "meja")
        assert refused.value.key == "error.walk_in_control"
    assert not Attendee.select().where(Attendee.code.startswith("W")).exists()
    walk_in = register_walk_in(event, "Budi [/b] Santoso [Panitia]", None, "participant", "id", "meja")
    assert Attendee.get_by_id(walk_in.id).name == "Budi [/b] Santoso [Panitia]"


def test_a_walk_in_tried_again_after_the_store_failed_is_made_once(event_store):
    from kiosk.clock import utc_now

    event = find_event()
    since = utc_now()
    first = register_walk_in(event, "Siti Aminah", None, "participant", "id", "meja")
    again = register_walk_in(event, "Siti Aminah", None, "participant", "id", "meja", since=since)
    assert again.code == first.code
    assert Attendee.select().where(Attendee.code.startswith("W")).count() == 1


# ---- walk-ins typed at the desk -----------------------------------------------------------------------

@pytest.fixture
def desk(sqlite_store, tmp_path):
    load_small_event()
    return desk_app(sqlite_store, tmp_path)


async def open_walk_in(pilot) -> WalkInDialog:
    await pilot.press("f4")
    await wait_for_text(pilot, t("walkin.title"))
    assert isinstance(pilot.app.screen, WalkInDialog)
    return pilot.app.screen


async def test_a_walk_in_with_markup_is_kept_and_shown_as_typed(desk):
    name = "Budi [/b] Santoso [@click=app.quit]x[/] [Panitia]"
    async with desk.run_test(size=(100, 34)) as pilot:
        dialog = await open_walk_in(pilot)
        dialog.query_one("#walk-in-name").value = name
        await pilot.press("ctrl+s")
        text = await wait_for_text(pilot, "Kode W0001, badge versi 1")
        assert isinstance(desk.screen, BadgeQrScreen) and name in text
        await pilot.press("escape")
        text = await wait_for_text(pilot, "W0001")
        assert name[:30] in text
    assert Attendee.get(Attendee.code == "W0001").name == name


async def test_a_walk_in_with_a_control_character_is_refused_calmly_at_the_desk(desk):
    async with desk.run_test(size=(100, 34)) as pilot:
        dialog = await open_walk_in(pilot)
        dialog.query_one("#walk-in-name").value = "Budi \x1b]0;DIBAJAK\x07Santoso"
        await pilot.press("ctrl+s")
        text = await wait_for_text(pilot, "karakter kontrol")
        assert "U+001B" in text and isinstance(desk.screen, WalkInDialog)
        assert_whole(text, 100)
        await pilot.press("escape")
        await settle(pilot)
    assert not Attendee.select().where(Attendee.code.startswith("W")).exists()


# ---- through the writer, once -------------------------------------------------------------------------

async def find_person(pilot, code: str) -> None:
    pilot.app.screen.query_one("#desk-search").value = code
    await wait_for_text(pilot, rf"{code} · ")  # the detail of the person found
    await settle(pilot)


async def test_a_check_in_by_hand_gets_the_intents_request_id_and_moment_even_when_retried(desk, monkeypatch):
    calls = []
    real = kiosk.desk.check_in_by_hand

    def failing_once(checkin_list, attendee, staff, reason, now, request_id=None):
        calls.append((now, request_id))
        if len(calls) == 1:
            raise peewee.OperationalError("database is locked")
        return real(checkin_list, attendee, staff, reason, now, request_id=request_id)

    monkeypatch.setattr(kiosk.desk, "check_in_by_hand", failing_once)
    async with desk.run_test(size=(100, 30)) as pilot:
        await find_person(pilot, "P0002")
        await pilot.press("enter", "f2")
        await wait_for_text(pilot, "Check-in manual: Bambang Sutrisno")
        pilot.app.screen.query_one("#reason").value = "badge lost"
        await pilot.press("enter")
        await wait_for_text(pilot, "✓ 08:15")
        await settle(pilot)
    assert len(calls) == 2 and calls[0] == calls[1]  # the retry is the same intent: same id, same moment
    assert calls[0][0] == wib() and calls[0][1]
    checkin = Checkin.get()
    assert Checkin.select().count() == 1 and checkin.request_id == calls[0][1]


async def test_undo_reissue_and_walk_in_are_recorded_once_each(desk):
    async with desk.run_test(size=(100, 34)) as pilot:
        await find_person(pilot, "P0002")
        await pilot.press("enter", "f2", *"ok", "enter")
        await wait_for_text(pilot, "✓ 08:15")
        await pilot.press("f3", *"no", "enter")
        await wait_for_text(pilot, "dibatalkan oleh meja: no")
        await pilot.press("f5", *"lost", "enter")
        await wait_for_text(pilot, "Kode P0002, badge versi 2")
        await pilot.press("escape")
        await settle(pilot)
    actions = [entry.action for entry in AuditEntry.select().where(AuditEntry.subject == "P0002")
               .order_by(AuditEntry.id)]
    assert actions == ["checkin.manual", "checkin.undo", "badge.reissue"]
    assert find_by_code(find_event(), "P0002").badge_version == 2


async def test_a_reissue_tried_again_makes_one_new_version(desk):
    event = find_event()
    attendee = find_by_code(event, "P0001")
    kiosk.desk.reissue_at_desk(event, attendee.id, "meja", "lost", from_version=1)
    kiosk.desk.reissue_at_desk(event, attendee.id, "meja", "lost", from_version=1)  # the same request again
    assert find_by_code(event, "P0001").badge_version == 2
    assert AuditEntry.select().where(AuditEntry.action == "badge.reissue").count() == 1


# ---- the hostile corpus ---------------------------------------------------------------------------------

def spoil_p0002(value: str) -> None:
    """VALUE as P0002's name, institution, hotel and room, the title and room of their next session, and
    the kiosk they checked in at: straight into the rows, as an older store might hold them."""
    event = find_event()
    attendee = find_by_code(event, "P0002")
    Attendee.update(name=value, hotel=value, hotel_room=value).where(Attendee.id == attendee.id).execute()
    Institution.update(name=value).where(Institution.id == attendee.institution_id).execute()
    k1 = Session.get((Session.event == event) & (Session.code == "K1"))
    Session.update(title=value).where(Session.id == k1.id).execute()
    Room.update(name=value).where(Room.id == k1.room_id).execute()
    scan(event, list_by_code(event, "HARI1"), payload_for(event, attendee), value, wib())


def offset_of(screen: str, needle: str) -> tuple[int, int] | None:
    """Where NEEDLE is shown lowest on SCREEN (x, y): on the desk, in the person's detail."""
    lines = screen.splitlines()
    for y in reversed(range(len(lines))):
        if needle in lines[y]:
            return lines[y].index(needle), y
    return None


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("size", SIZES)
async def test_hostile_text_at_the_desk(desk, kind, size):
    value = HOSTILE[kind]
    spoil_p0002(value)
    width = size[0]
    prefix = visible_prefix(value)
    async with desk.run_test(size=size) as pilot:
        await find_person(pilot, "P0002")
        text = await wait_for_text(pilot, "Hotel: ")
        assert_whole(text, width)
        assert_shown(text, value)
        for line in (f"Hotel: {prefix}", f"Sesi 05/07 09:30: {prefix}", f"HARI1: 05/07 08:15 di {prefix}"):
            assert line in text, line  # the detail: hotel, next session, last check-in
        table_line = next(line for line in text.splitlines() if "P0002" in line and "✓ 08:15" in line)
        assert prefix[:3] in table_line  # the table's name and institution, cut or whole
        assert "P0002" in table_line and "✓ 08:15" in table_line  # the code and the status are never cut

        if kind == "click":  # clicking the markup-looking name in the detail does nothing
            where = offset_of(text, "Klik saya")
            assert where is not None
            assert where[1] > text.splitlines().index(next(line for line in text.splitlines() if "✓ 08:15" in line))
            await pilot.click(offset=where)
            await pilot.pause()
            assert desk.is_running and isinstance(desk.screen, DeskScreen)
            assert screen_text(desk) == text  # nothing happened

        await pilot.press("enter", "f2")  # the check-in-by-hand dialog, titled with the name
        text = await wait_for_text(pilot, "Check-in manual: ")
        assert isinstance(desk.screen, ReasonDialog)
        assert_whole(text, width)
        assert_shown(text, value)
        await pilot.press("escape")

        await pilot.press("f6")  # the QR dialog
        text = await wait_for_text(pilot, "Kode P0002, badge versi 1")
        assert isinstance(desk.screen, BadgeQrScreen)
        assert_whole(text, width)
        assert_shown(text, value)
        await pilot.press("escape")

        await pilot.press("f8")  # arrivals: the kiosk column
        text = await wait_for_text(pilot, "Kedatangan Hari 1: 1 dari 4")
        await settle(pilot)
        text = screen_text(desk)
        assert isinstance(desk.screen, ArrivalsScreen)
        assert_whole(text, width)
        assert_shown(text[text.index(t("arrivals.kiosk")):], value)  # (kinds of institution say "Perpustakaan" too)
        await pilot.press("escape")
        await settle(pilot)
        assert desk.is_running
    assert Checkin.select().count() == 1 and AuditEntry.select().where(AuditEntry.action.startswith("checkin")).count() == 0


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("size", SIZES)
async def test_hostile_text_on_the_schedule(sqlite_store, kind, size):
    load_small_event()
    value = HOSTILE[kind]
    spoil_p0002(value)
    width = size[0]
    app = schedule_app(sqlite_store)
    async with app.run_test(size=size) as pilot:
        text = await wait_for_text(pilot, "Registrasi Peserta")
        await settle(pilot)
        text = screen_text(app)
        assert_whole(text, width)
        assert_shown(text, value)
        k1 = next(line for line in text.splitlines() if " K1 " in line)
        assert "05/07 09:30–12:00" in k1 and visible_prefix(value)[:3] in k1
        await pilot.press("tab", "down", "down", "f2")  # move K1: the rooms, the hostile one among them
        text = await wait_for_text(pilot, "Pindahkan K1 ke ruang:")
        assert isinstance(app.screen, PickDialog)
        assert_whole(text, width)
        assert_shown(text, value)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ScheduleScreen)
    assert shown_form(value)  # the corpus value is not empty


# ---- a write that reached the store, though its answer did not, is not made twice -----------------------

def lost_answer_once(monkeypatch, module, name: str) -> list:
    """MODULE.NAME records, then fails like a store whose answer was lost, the first time only."""
    real, calls = getattr(module, name), []

    def recorded_then_lost(*args, **kwargs):
        calls.append((args, kwargs))
        result = real(*args, **kwargs)
        if len(calls) == 1:
            raise peewee.OperationalError("server closed the connection unexpectedly")
        return result

    monkeypatch.setattr(module, name, recorded_then_lost)
    return calls


async def test_a_delay_whose_answer_was_lost_is_made_once(sqlite_store, monkeypatch):
    import kiosk.schedule

    load_small_event()
    calls = lost_answer_once(monkeypatch, kiosk.schedule, "delay")
    app = schedule_app(sqlite_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#schedule-search").value = "literasi"
        await wait_for_text(pilot, r"K1 +05/07 09:30")
        await wait_gone(pilot, "Registrasi Peserta")
        await pilot.press("enter", "f3", *"20", "enter")
        await wait_for_text(pilot, "05/07 09:50–12:20")
        await settle(pilot)
    assert len(calls) == 1  # the replay saw the delay made and did not delay again
    k1 = Session.get(Session.code == "K1")
    assert (k1.starts_at - k1.planned_starts_at).total_seconds() == 20 * 60
    assert AuditEntry.select().where(AuditEntry.action == "session.delay").count() == 1


async def test_a_walk_in_whose_answer_was_lost_is_made_once(desk, monkeypatch):
    calls = lost_answer_once(monkeypatch, kiosk.desk, "register_walk_in")
    async with desk.run_test(size=(100, 34)) as pilot:
        dialog = await open_walk_in(pilot)
        dialog.query_one("#walk-in-name").value = "Siti Aminah"
        await pilot.press("ctrl+s")
        await wait_for_text(pilot, "Kode W0001, badge versi 1")
        await settle(pilot)
    assert len(calls) == 2 and calls[1][1]["since"] is not None  # tried again, as a replay
    assert [a.code for a in Attendee.select().where(Attendee.code.startswith("W"))] == ["W0001"]
    assert AuditEntry.select().where(AuditEntry.action == "attendee.walk_in").count() == 1


async def test_an_undo_whose_answer_was_lost_is_made_once(desk, monkeypatch):
    calls = lost_answer_once(monkeypatch, kiosk.desk, "undo")
    async with desk.run_test(size=(100, 30)) as pilot:
        await find_person(pilot, "P0002")
        await pilot.press("enter", "f2", *"ok", "enter")
        await wait_for_text(pilot, "✓ 08:15")
        await pilot.press("f3", *"no", "enter")
        await wait_for_text(pilot, "dibatalkan oleh meja: no")
        await settle(pilot)
        assert not any("sudah dibatalkan" in message for message in toasts(desk))  # not "already undone"
    assert len(calls) == 2
    assert AuditEntry.select().where(AuditEntry.action == "checkin.undo").count() == 1
