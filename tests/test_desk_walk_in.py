"""A walk-in registered at the desk is checked in, in the same intent, on the desk's list when that list
is open and admits them; otherwise the desk says why not, and they stay registered."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import peewee
import pytest

import kiosk.checkin
import kiosk.desk
from kiosk.checkin import CLOSED, NOT_ADMITTED, list_by_code
from kiosk.clock import Clock, event_now, use_event_clock
from kiosk.context import find_event
from kiosk.desk import NO_LIST, WALK_IN_REASON, walk_in_at_desk
from kiosk.i18n import t
from models import Attendee, AuditEntry, Checkin, StaffUser
from screens.badge_qr import BadgeQrScreen
from screens.desk import DeskScreen
from screens.walk_in import WalkInDialog
from tests.helpers import TEST_NOW, load_small_event, make_app, wait_for_text

WIB = ZoneInfo("Asia/Jakarta")


def wib(iso: str = TEST_NOW) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=WIB)


def walk_ins() -> list[str]:
    return [a.code for a in Attendee.select().where(Attendee.code.startswith("W")).order_by(Attendee.code)]


# ---- the use case, on both stores -----------------------------------------------------------------------

@pytest.fixture
def event(store):
    load_small_event()
    return find_event()


def test_a_walk_in_is_checked_in_on_the_open_list_that_admits_them(event):
    day_one = list_by_code(event, "HARI1")  # open 06:00–17:59, every category

    walk_in = walk_in_at_desk(event, "Siti Aminah", None, "participant", "id", "meja", day_one.id, wib(), "req-1")

    assert walk_in.checked_in and walk_in.list_name == "Hari 1"
    assert walk_in.person.code == "W0001" and walk_in.person.checked_in_at == wib()
    checkin = Checkin.get()
    assert (checkin.attendee.code, checkin.checkin_list.code, checkin.method, checkin.terminal, checkin.reason,
            checkin.request_id) == ("W0001", "HARI1", "manual", "meja", WALK_IN_REASON, "req-1")
    actions = [entry.action for entry in AuditEntry.select().where(AuditEntry.subject == "W0001")
               .order_by(AuditEntry.id)]
    assert actions == ["attendee.walk_in", "checkin.manual"]


def test_a_walk_in_on_a_closed_list_is_registered_not_checked_in(event):
    gala = list_by_code(event, "GALA")  # opens at 18:00

    walk_in = walk_in_at_desk(event, "Siti Aminah", None, "vip", "id", "meja", gala.id, wib(), "req-1")

    assert (walk_in.checked_in, walk_in.not_checked_in, walk_in.list_name) == (False, CLOSED, "Gala dinner")
    assert walk_ins() == ["W0001"] and Checkin.select().count() == 0


def test_a_walk_in_of_a_category_the_list_does_not_admit_is_registered_not_checked_in(event):
    gala = list_by_code(event, "GALA")  # vip and speaker only

    walk_in = walk_in_at_desk(event, "Siti Aminah", None, "participant", "id", "meja", gala.id,
                              wib("2018-07-05T19:00"), "req-1")
    vip = walk_in_at_desk(event, "Ir. Budi", None, "vip", "en", "meja", gala.id, wib("2018-07-05T19:00"), "req-2")

    assert (walk_in.not_checked_in, walk_in.admitted) == (NOT_ADMITTED, ("vip", "speaker"))
    assert vip.checked_in
    assert walk_ins() == ["W0001", "W0002"]
    assert [c.attendee.code for c in Checkin.select()] == ["W0002"]


def test_a_walk_in_at_a_desk_without_a_list_is_registered(event):
    walk_in = walk_in_at_desk(event, "Siti Aminah", None, "participant", "id", "meja", None, wib(), "req-1")

    assert walk_in.not_checked_in == NO_LIST and walk_ins() == ["W0001"]


def test_a_walk_in_tried_again_after_its_check_in_failed_is_registered_and_checked_in_once(event, monkeypatch):
    day_one, since = list_by_code(event, "HARI1"), event_now()  # the clock the audit log is stamped with
    real, calls = kiosk.desk.check_in_by_hand, []

    def lost_once(*args, **kwargs):  # the check-in reached the store, its answer did not
        calls.append(kwargs["request_id"])
        result = real(*args, **kwargs)
        if len(calls) == 1:
            raise peewee.OperationalError("server closed the connection unexpectedly")
        return result

    monkeypatch.setattr(kiosk.desk, "check_in_by_hand", lost_once)
    with pytest.raises(peewee.OperationalError):
        walk_in_at_desk(event, "Siti Aminah", None, "participant", "id", "meja", day_one.id, wib(), "req-1")
    again = walk_in_at_desk(event, "Siti Aminah", None, "participant", "id", "meja", day_one.id, wib(), "req-1",
                            since=since)

    assert again.checked_in and calls == ["req-1", "req-1"]
    assert walk_ins() == ["W0001"] and Checkin.select().count() == 1


# ---- at the desk ------------------------------------------------------------------------------------------

def desk_at(store, tmp_path, now: str = TEST_NOW):
    app = make_app(store, lambda: DeskScreen(StaffUser.get(StaffUser.name == "meja")))
    app.context.clock = Clock.fixed("Asia/Jakarta", now)
    use_event_clock(app.context.clock)  # what the use cases stamp, on the desk's clock too
    app.context.badge_dir = tmp_path / "badges"
    return app


def toasts(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def register(pilot, name: str, category: str | None = None) -> None:
    await pilot.press("f4")
    await wait_for_text(pilot, t("walkin.title"))
    dialog = pilot.app.screen
    assert isinstance(dialog, WalkInDialog)
    dialog.query_one("#walk-in-name").value = name
    if category is not None:
        dialog.query_one("#walk-in-category").value = category
    await pilot.press("ctrl+s")
    await wait_for_text(pilot, "Kode W0001, badge versi 1")  # the new badge's QR
    assert isinstance(pilot.app.screen, BadgeQrScreen)


@pytest.fixture
def small(sqlite_store):
    load_small_event()
    return sqlite_store


async def test_a_walk_in_registered_at_the_desk_is_checked_in_there(small, tmp_path):
    app = desk_at(small, tmp_path)
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for_text(pilot, "Hari 1: 0 sudah hadir")
        await register(pilot, "Siti Aminah")
        assert "Siti Aminah terdaftar dengan kode W0001 dan sudah di-check-in di Hari 1." in toasts(app)
        await pilot.press("escape")
        await wait_for_text(pilot, "Hari 1: 1 sudah hadir")
        text = await wait_for_text(pilot, r"W0001 +Siti Aminah +✓ 08:15")
        assert "HARI1: 05/07 08:15 di meja (manual)" in text  # the detail's latest check-in
    assert [c.attendee.code for c in Checkin.select()] == ["W0001"]


async def test_the_desk_says_why_a_walk_in_was_not_checked_in_on_a_closed_list(small, tmp_path):
    app = desk_at(small, tmp_path)
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for_text(pilot, "Hari 1: 0 sudah hadir")
        await pilot.press("f7")  # the gala's list, which opens at 18:00
        await wait_for_text(pilot, "Gala dinner: 0 sudah hadir")
        await register(pilot, "Siti Aminah", "vip")
        assert ("Siti Aminah terdaftar dengan kode W0001, tetapi belum di-check-in: Gala dinner sedang tutup."
                in toasts(app))
        await pilot.press("escape")
        await wait_for_text(pilot, r"W0001 +Siti Aminah +—")
    assert walk_ins() == ["W0001"] and Checkin.select().count() == 0


async def test_the_desk_says_why_a_walk_in_was_not_checked_in_when_the_list_does_not_admit_them(small, tmp_path):
    app = desk_at(small, tmp_path, "2018-07-05T19:00")  # the gala's list is open, for vip and speaker only
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for_text(pilot, "Gala dinner: 0 sudah hadir")
        await register(pilot, "Siti Aminah")
        assert ("Siti Aminah terdaftar dengan kode W0001, tetapi belum di-check-in: Gala dinner hanya untuk VIP, "
                "Narasumber." in toasts(app))
    assert walk_ins() == ["W0001"] and Checkin.select().count() == 0


async def test_a_walk_in_is_told_in_english_too(small, tmp_path):
    from kiosk import i18n

    i18n.set_language("en")
    app = desk_at(small, tmp_path)
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_for_text(pilot, "Day 1: 0 arrived")
        await pilot.press("f4")
        await wait_for_text(pilot, t("walkin.title"))
        app.screen.query_one("#walk-in-name").value = "Siti Aminah"
        await pilot.press("ctrl+s")
        await wait_for_text(pilot, "Code W0001, badge version 1")
        assert "Siti Aminah is registered as W0001 and checked in on Day 1." in toasts(app)
