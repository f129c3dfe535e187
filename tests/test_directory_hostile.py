"""Text from outside is data on the directory and its dialogs, the venue guide, the overview and the
audit log: every value of the hostile corpus, written straight into the store's rows, shows as typed
(or as a prefix ending in "…") in every view at 80x24 and 200x60, with every line whole and nothing
obeyed; a 10,000-word paste into the search gives a calm answer on SQLite and PostgreSQL; a badge
scan typed while the admin-exit dialog is open reaches the directory; escape never leaves it."""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from textual import events
from textual.containers import VerticalScroll

from kiosk.attendees import find_by_code, payload_for
from kiosk.clock import Clock, utc_now
from kiosk.context import find_event
from kiosk.program import sessions_of_institutions
from kiosk.search import MAX_SEARCH_WORDS
from models import Attendee, AuditEntry, Institution, Room, Session, Venue
from screens.admin_exit import AdminExitScreen
from screens.audit import AuditScreen
from screens.directory import DirectoryScreen
from screens.overview import OverviewScreen
from screens.person_day import PersonDayScreen
from screens.session_detail import SessionDetailScreen
from screens.venues import VenueGuideScreen
from tests.helpers import load_small_event, make_app, scan_burst, screen_text, settled, until, wait_for_text
from tests.hostile import ELLIPSIS_WITHIN_LINES, HOSTILE, assert_shown, assert_whole, shown_form, visible_prefix

JAKARTA = ZoneInfo("Asia/Jakarta")
KINDS = list(HOSTILE)
FIELDS = ("title", "speakers", "description", "room", "directions", "venue", "institution", "person",
          "actor", "subject", "detail")
SIZES = [(80, 24), (200, 60)]


def hostile_values(kind: str) -> dict[str, str]:
    """A corpus value for every field, each field a different one: over all KINDS, every field gets
    every value, and a value shown in the wrong place is told apart."""
    start = KINDS.index(kind)
    return {field: HOSTILE[KINDS[(start + n) % len(KINDS)]] for n, field in enumerate(FIELDS)}


def write_hostile(values: dict[str, str]) -> None:
    """Into the rows of session K1 (Ruang Prambanan, Hotel Eastparc) and of P0002, who is assigned
    to it, as a store written by hand or by an older version may hold them."""
    k1 = Session.get(Session.code == "K1")
    Session.update(title=values["title"], title_en=values["title"], speakers=values["speakers"],
                   description=values["description"]).where(Session.id == k1.id).execute()
    Room.update(name=values["room"], directions=values["directions"], directions_en=values["directions"]) \
        .where(Room.id == k1.room_id).execute()
    Venue.update(name=values["venue"]).where(Venue.id == Room.get_by_id(k1.room_id).venue_id).execute()
    person = find_by_code(find_event(), "P0002")
    Attendee.update(name=values["person"]).where(Attendee.id == person.id).execute()
    Institution.update(name=values["institution"]).where(Institution.id == person.institution_id).execute()
    AuditEntry.create(at=utc_now(), actor=values["actor"], action="schedule.move", subject=values["subject"],
                      detail=values["detail"])


@pytest.fixture
def event_store(sqlite_store):
    load_small_event()
    return sqlite_store


def directory(store, at: str = "2018-07-05T10:00", **options):
    app = make_app(store, lambda: DirectoryScreen(**options), venue="eastparc")
    app.context.clock = Clock(JAKARTA, datetime.fromisoformat(at).replace(tzinfo=JAKARTA), frozen=True)
    return app


def check(text: str, size: tuple[int, int], values: dict[str, str], *fields: str) -> None:
    """Every line whole, and each of FIELDS shown as typed or as a prefix with "…" (the corpus has
    values that start alike, so each place the start is seen counts)."""
    assert_whole(text, size[0])
    for field in fields:
        value = values[field]
        if shown_form(value) in text:
            continue
        starts = [found.start() for found in re.finditer(re.escape(visible_prefix(value)), text)]
        if len(starts) < 2:
            assert_shown(text, value)
            continue
        following = ["\n".join(text[start:].split("\n")[:ELLIPSIS_WITHIN_LINES]) for start in starts]
        assert any("…" in lines for lines in following), f"{field}: {value[:40]!r} is cut without an ellipsis:\n{text}"


def widget_text(app, selector: str) -> str:
    """What the widget SELECTOR shows, its lines joined with spaces (as wrapping took them apart)."""
    region = app.screen.query_one(selector).content_region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return " ".join(strip.crop(region.x, region.right).text.strip() for strip in strips)


def assert_wrapped_in(app, selector: str, value: str) -> None:
    """VALUE, maybe wrapped over lines of the widget SELECTOR (a long word folded, too), is there as
    typed or as a prefix ending in "…": compared without the blanks wrapping may add or take."""
    shown, form = "".join(widget_text(app, selector).split()), "".join(shown_form(value).split())
    if form in shown:
        return
    cut = re.search(re.escape("".join(visible_prefix(value).split())) + r"[^…]*…", shown)
    assert cut and form.startswith(cut.group(0)[:-1]), f"{form[:40]!r} is not in {selector}: {shown!r}"


def assert_wrapped_in_column(table, column: int, value: str) -> None:
    """VALUE is in column COLUMN of the DataTable TABLE as drawn (wrapped over a cell's lines,
    maybe), as typed or as a prefix ending in "…": compared without blanks, as assert_wrapped_in."""
    x = table.content_region.x - int(table.scroll_x) + sum(
        c.get_render_width(table) for c in table.ordered_columns[:column])
    width = table.ordered_columns[column].get_render_width(table)
    region = table.content_region
    strips = table.app.screen._compositor.render_strips()[region.y:region.bottom]
    shown = "".join("".join(strip.crop(x, x + width).text.split()) for strip in strips)
    form = "".join(shown_form(value).split())
    if form in shown:
        return
    cuts = re.finditer("(?=(" + re.escape("".join(visible_prefix(value).split())) + r"[^…]*…))", shown)  # overlapping
    assert any(form.startswith(cut.group(1)[:-1]) for cut in cuts), \
        f"{form[:40]!r} is not in column {column}: {shown!r}"


async def shown_in_column(pilot, table, column: int, value: str, seconds: float = 3.0) -> None:
    """assert_wrapped_in_column once the table is drawn with its rows (the text on screen may come
    before the compositor has the table's new rows)."""
    for _ in range(int(seconds / 0.05)):
        try:
            return assert_wrapped_in_column(table, column, value)
        except AssertionError:
            await pilot.pause(0.05)
    assert_wrapped_in_column(table, column, value)


async def settle(pilot) -> str:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen_text(pilot.app)


async def seen_in(pilot, *values: str) -> str:
    """Pause until the start of every one of VALUES is on screen."""
    return await wait_for_text(pilot, "(?s)" + "".join(f"(?=.*{_escaped(visible_prefix(v, 10))})" for v in values))


async def on_screen(pilot, kind: type, seconds: float = 3.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} did not open; on screen:\n{screen_text(pilot.app)}")


def _escaped(text: str) -> str:
    return re.escape(text)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
async def test_hostile_text_through_every_directory_view(event_store, kind, size):
    values = hostile_values(kind)
    write_hostile(values)
    app = directory(event_store, show_assigned=True)
    async with app.run_test(size=size) as pilot:
        text = await seen_in(pilot, values["title"])  # now and next: names wrap in their cells
        assert_whole(text, size[0])
        now_next = app.screen.query_one("#directory-now")
        await shown_in_column(pilot, now_next, 0, values["room"])
        await shown_in_column(pilot, now_next, 1, values["venue"])  # the venue's heading
        await shown_in_column(pilot, now_next, 1, values["title"])

        await pilot.press("f3")  # the timetable
        text = await wait_for_text(pilot, "Jadwal hari ini")
        text = await seen_in(pilot, values["room"], values["venue"])
        check(text, size, values, "room", "venue")
        if size[0] >= 200:
            check(text, size, values, "title")

        for keys, title, table in ((["f4"], "Daftar sesi", "#directory-list"),  # what is still to come
                                   (list("wahyuni"), "Hasil pencarian", "#directory-results")):  # K1's speaker
            await pilot.press(*keys)
            await wait_for_text(pilot, title)
            text = await seen_in(pilot, values["room"])
            assert_whole(text, size[0])
            sessions = app.screen.query_one(table)
            await shown_in_column(pilot, sessions, 1, values["title"])  # a title may take two lines
            await shown_in_column(pilot, sessions, 2, values["room"])
            await shown_in_column(pilot, sessions, 2, values["venue"])

        await pilot.press("enter", "enter")  # to the results, then K1's detail
        await on_screen(pilot, SessionDetailScreen)
        text = await settle(pilot)
        check(text, size, values, "title", "speakers", "room", "directions", "venue")
        app.screen.query_one("#session-detail", VerticalScroll).scroll_end(animate=False)
        text = await seen_in(pilot, values["person"])
        check(text, size, values, "person", "institution", "description")
        app.screen.query_one("#session-detail", VerticalScroll).scroll_home(animate=False)  # a title whole
        await pilot.pause()  # may take more lines than the screen has beside the rest
        await pilot.click("#session-title", offset=(1, 0))  # a title like [@click=app.quit] does nothing
        await pilot.click("#session-venue", offset=(1, 0))
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, SessionDetailScreen)

        await pilot.press("escape")  # back to the results
        scan_burst(app, payload_for(find_event(), find_by_code(find_event(), "P0002")))
        await on_screen(pilot, PersonDayScreen)
        text = await settle(pilot)
        check(text, size, values, "person", "title", "room", "venue")
        await pilot.click("#person-day-title", offset=(1, 0))
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, PersonDayScreen)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
async def test_hostile_text_in_the_venue_guide_overview_and_audit_log(event_store, kind, size):
    values = hostile_values(kind)
    write_hostile(values)
    app = make_app(event_store, lambda: VenueGuideScreen(public=True), venue="eastparc")
    async with app.run_test(size=size) as pilot:
        text = await seen_in(pilot, values["venue"], values["room"], values["directions"])
        assert_whole(text, size[0])
        assert_wrapped_in(app, "#venues-list", values["venue"])  # the list wraps a venue's name
        assert_wrapped_in(app, "#venues-rooms", values["room"])  # and so do the rooms, on two lines at most
        assert_wrapped_in(app, "#venues-rooms", values["directions"])
        await pilot.click("#venues-rooms", offset=(3, 0))  # on the room's name
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, VenueGuideScreen)

    app = make_app(event_store, OverviewScreen)
    async with app.run_test(size=size) as pilot:
        text = await seen_in(pilot, values["venue"])
        check(text, size, values, "venue")

    app = make_app(event_store, AuditScreen)
    async with app.run_test(size=size) as pilot:
        text = await seen_in(pilot, values["actor"], values["subject"], values["detail"])
        check(text, size, values, "actor", "subject", "detail")
        await pilot.click("#audit-table", offset=(20, 1))  # the newest entry's actor
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, AuditScreen)


# ---- a page pasted into the search ------------------------------------------------------------

PASTE = " ".join(f"kata{n}" for n in range(10_000))


async def test_a_ten_thousand_word_paste_gives_a_calm_answer(store):
    load_small_event()
    app = directory(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        paste = events.Paste(PASTE)
        paste.set_sender(app)
        app._driver.send_message(paste)
        text = await wait_for_text(pilot, "Tidak ditemukan")
        assert "Hasil pencarian" in text and "tidak tersedia" not in text
        assert app.return_code is None and not app._notifications
        box = app.screen.query_one("#directory-search")
        assert box.value and len(box.value) <= box.max_length and PASTE.startswith(box.value)

        await pilot.press("escape")  # clears the search: every room again
        await wait_for_text(pilot, "Sekarang & berikutnya")
        paste = events.Paste("literasi " * 2_000)  # a paste whose first words do find something
        paste.set_sender(app)
        app._driver.send_message(paste)
        text = await wait_for_text(pilot, "Hasil pencarian")
        await wait_for_text(pilot, "Literasi Digital untuk Pelaku UMKM")


@pytest.mark.parametrize("words", [10, 90, 500, 10_000])
def test_institution_search_stays_small_whatever_is_pasted(store, words):
    """No RecursionError (Peewee nests a condition per word: ~500 words) and no SQLite "parser stack
    overflow" (~90 words): only the first words are asked, each cut to its length."""
    load_small_event()
    event, k1_k3 = find_event(), {Session.get(Session.code == code).id for code in ("K1", "K3")}
    filler = " ".join(f"kata{n}" for n in range(words))
    assert sessions_of_institutions(event, filler) == set()
    assert sessions_of_institutions(event, " ".join(["bejiharjo"] * words)) == k1_k3  # repeats count once
    first = ["perpustakaan", "desa", "khasanah", "info", "bejiharjo", "karangmojo", "perpus", "harjo"]
    assert len(first) == MAX_SEARCH_WORDS
    assert sessions_of_institutions(event, " ".join(first + [filler])) == k1_k3  # the words after do not count
    assert sessions_of_institutions(event, "bejiharjo" + "x" * 10_000) == set()


# ---- the admin-exit dialog and escape -----------------------------------------------------------

async def test_a_badge_scanned_while_the_admin_exit_dialog_is_open_shows_that_persons_day(event_store):
    app = directory(event_store, "2018-07-05T08:00")
    event = find_event()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Sekarang & berikutnya")
        await pilot.press("ctrl+q")
        await wait_for_text(pilot, "PIN")
        assert isinstance(app.screen, AdminExitScreen)
        scan_burst(app, payload_for(event, find_by_code(event, "P0002")))
        text = await wait_for_text(pilot, "Jadwal Bambang Sutrisno")
        assert "Literasi Digital untuk Pelaku UMKM" in text
        assert isinstance(app.screen, PersonDayScreen)


async def test_take_typed_goes_on_in_the_search_box(event_store):
    app = directory(event_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_text(pilot, "Literasi Digital")
        app.screen.take_typed("wah")
        await pilot.press(*"yuni")
        await wait_for_text(pilot, "Hasil pencarian")
        assert app.screen.query_one("#directory-search").value == "wahyuni"
        await wait_for_text(pilot, "Literasi Digital untuk Pelaku UMKM")
        assert "Mengukur Dampak" not in screen_text(app)
        app.screen.take_typed("x" * 1_000)  # never past the box's length
        assert len(app.screen.query_one("#directory-search").value) <= app.screen.query_one(
            "#directory-search").max_length


@pytest.mark.parametrize("posture", ["public", "staff"])
async def test_escape_clears_the_search_and_a_public_directory_stays(event_store, posture):
    from models import StaffUser
    from screens.hub import HubScreen

    app = make_app(event_store, lambda: HubScreen(StaffUser.get(StaffUser.name == "admin")), venue="eastparc")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DirectoryScreen(show_assigned=True, posture=posture))
        await wait_for_text(pilot, "Sekarang & berikutnya")
        await pilot.press(*"wahyuni")
        await wait_for_text(pilot, "Hasil pencarian")
        await pilot.press("escape")
        await wait_for_text(pilot, "Sekarang & berikutnya")
        assert isinstance(app.screen, DirectoryScreen) and not app.screen.query_one("#directory-search").value
        await pilot.press("escape")  # nothing left to clear
        await pilot.pause(0.1)  # public: nothing is to happen, so nothing to wait for but a moment
        await settled(pilot)
        expected = DirectoryScreen if posture == "public" else HubScreen
        await until(pilot, lambda: isinstance(app.screen, expected), what=f"{expected.__name__} on view")

