"""The desk with a 100-character name and institution, at 80x24 and 200x60: the table cuts them with "…"
(never a code or a time), the detail of the person highlighted and the titles of the dialogs about them
show them whole; the walk-in dialog fits 80x24. Snapshots (looked at as pictures) and Pilot checks."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from kiosk.attendees import find_by_code
from kiosk.context import find_event
from kiosk.text import ELLIPSIS
from models import Attendee, Institution, StaffUser
from screens.desk import DeskScreen
from screens.walk_in import WalkInDialog
from screens.widgets.dialogs import ReasonDialog
from screens.widgets.text import Clamped
from tests.helpers import load_small_event, make_app, screen_text, steady, wait_for_text

NAME = "Drs. H. Raden Mas Slamet Sulistyo Hadiningrat Kusumo Wibisono Prawirodirdjo Notonegoro, M.Si., M.Hum"
INSTITUTION = "Dinas Perpustakaan dan Kearsipan Daerah Kabupaten Gunungkidul, Daerah Istimewa Yogyakarta (Wonosari)"
SIZES = [(80, 24), (200, 60)]
assert len(NAME) == len(INSTITUTION) == 100


@pytest.fixture
def long_names(sqlite_store, tmp_path):
    """The small event, P0002 with a 100-character name at a 100-character institution."""
    load_small_event()
    attendee = find_by_code(find_event(), "P0002")
    Attendee.update(name=NAME).where(Attendee.id == attendee.id).execute()
    Institution.update(name=INSTITUTION).where(Institution.id == attendee.institution_id).execute()
    app = make_app(sqlite_store, lambda: DeskScreen(StaffUser.get(StaffUser.name == "meja")))
    app.context.badge_dir = tmp_path / "badges"
    return app



async def highlight_p0002(pilot) -> None:
    """Search "P000" (three people), highlight P0002 and wait for their detail."""
    pilot.app.screen.query_one("#desk-search", Input).value = "P000"
    await wait_for_text(pilot, "P0003")
    await steady(pilot)
    table = pilot.app.screen.query_one(DataTable)
    table.focus()
    table.move_cursor(row=[row.code for row in pilot.app.screen._rows].index("P0002"))
    await wait_for_text(pilot, "P0002 · Peserta")
    await steady(pilot)


def flat(text: str) -> str:
    return " ".join(text.split())


# ---- what a person reads ---------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_table_cuts_names_with_an_ellipsis_and_the_detail_shows_them_whole(long_names, size):
    async with long_names.run_test(size=size) as pilot:
        await highlight_p0002(pilot)
        text = screen_text(long_names)
        row = next(line for line in text.splitlines() if "P0002" in line and "—" in line)
        if size[0] == 80:
            assert ELLIPSIS in row and NAME not in row  # cut in the table, and says so
        assert "P0002" in row and "—" in row  # the code and the status are never cut
        assert NAME in flat(text) and INSTITUTION in flat(text)  # whole, wrapped, in the detail
        who = long_names.screen.query_one("#desk-who", Clamped)
        assert ELLIPSIS not in who.render().plain


@pytest.mark.parametrize("key, title", [("f2", "Check-in manual"), ("f5", "Badge baru untuk")])
async def test_a_dialog_about_a_person_keeps_their_whole_name_in_its_title(long_names, key, title):
    async with long_names.run_test(size=(80, 24)) as pilot:
        await highlight_p0002(pilot)
        await pilot.press(key)
        await wait_for_text(pilot, title)
        dialog = long_names.screen
        assert isinstance(dialog, ReasonDialog)
        shown = dialog.query_one(".dialog-title", Clamped).render().plain
        assert ELLIPSIS not in shown and NAME in flat(shown)


async def test_the_walk_in_dialog_fits_80x24_with_its_message_and_matches(long_names):
    async with long_names.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        dialog = long_names.screen
        assert isinstance(dialog, WalkInDialog)
        await pilot.press("ctrl+s")  # no name yet: the message shows
        await wait_for_text(pilot, "Nama wajib diisi.")
        dialog.query_one("#walk-in-institution", Input).value = "perpus"
        await wait_for_text(pilot, "Jawa Tengah")
        await steady(pilot)
        box = dialog.query_one("#walk-in")
        assert box.outer_size.height <= 24 and box.max_scroll_y == 0  # nothing scrolled out of sight
        assert dialog.query_one("#walk-in-save").region.bottom <= 24


# ---- snapshots -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_desk_with_long_names(snap_compare, long_names, size):
    assert snap_compare(long_names, terminal_size=size, run_before=highlight_p0002)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_check_in_by_hand_with_a_long_name(snap_compare, long_names, size):
    async def open_dialog(pilot):
        await highlight_p0002(pilot)
        await pilot.press("f2")
        await wait_for_text(pilot, "Check-in manual")
        await steady(pilot)

    assert snap_compare(long_names, terminal_size=size, run_before=open_dialog)


def test_walk_in_dialog_at_80x24(snap_compare, long_names):
    async def fill(pilot):
        await pilot.press("f4")
        await wait_for_text(pilot, "Daftarkan peserta baru")
        await pilot.press("ctrl+s")
        await wait_for_text(pilot, "Nama wajib diisi.")
        pilot.app.screen.query_one("#walk-in-institution", Input).value = "perpus"
        await wait_for_text(pilot, "Jawa Tengah")
        await steady(pilot)

    assert snap_compare(long_names, terminal_size=(80, 24), run_before=fill)
