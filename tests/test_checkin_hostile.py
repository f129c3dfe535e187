"""The lobby kiosk and the award screens with hostile text in the store: shown as typed, never obeyed."""
import pytest

from kiosk.attendees import find_by_code, payload_for
from kiosk.context import find_event
from kiosk.reveal import WINNERS, go_to, outline, running_order
from models import LIVE, Attendee, AwardCategory, Institution, Nominee, Session, StaffUser
from screens.award_console import AwardConsoleScreen
from screens.award_display import AwardDisplayScreen
from screens.checkin import CheckinScreen
from tests.helpers import load_small_event, make_app, scan_burst, settled, still, wait_for_text
from tests.hostile import HOSTILE, assert_shown, assert_whole
from tests.test_awards_screens import ceremony  # noqa: F401 (a fixture)

SIZES = [(80, 24), (200, 60)]


def name_everything(value: str) -> str:
    """VALUE as P0001's name, institution and hotel, and as the title of her next session; her badge."""
    event = find_event()
    attendee = find_by_code(event, "P0001")
    Attendee.update(name=value, hotel=value, hotel_room="7").where(Attendee.id == attendee.id).execute()
    Institution.update(name=value).where(Institution.id == attendee.institution_id).execute()
    Session.update(title=value).where(Session.event == event).execute()
    return payload_for(event, find_by_code(event, "P0001"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
@pytest.mark.parametrize("kind", list(HOSTILE))
async def test_a_welcome_shows_hostile_text_as_typed(sqlite_store, kind, size):
    load_small_event()
    badge = name_everything(HOSTILE[kind])
    app = make_app(sqlite_store, CheckinScreen)
    async with app.run_test(size=size) as pilot:
        scan_burst(app, badge)
        text = await wait_for_text(pilot, "Selamat datang")
        assert_whole(text, size[0])
        assert_shown(text, HOSTILE[kind])
        assert app.return_code is None


async def test_clicking_a_name_that_looks_like_an_action_does_nothing(sqlite_store):
    load_small_event()
    badge = name_everything(HOSTILE["click"])
    app = make_app(sqlite_store, CheckinScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        scan_burst(app, badge)
        text = await wait_for_text(pilot, "Klik saya")
        row = next(n for n, line in enumerate(text.splitlines()) if "[@click=app.quit]Klik saya[/]" in line)
        column = text.splitlines()[row].index("Klik saya")
        for offset in range(0, 9, 2):
            await pilot.click(offset=(column + offset, row))
        await pilot.pause(0.1)  # nothing is to happen, so nothing to wait for but a moment
        await settled(pilot)
        assert app.return_code is None and isinstance(app.screen, CheckinScreen)


def hostile_ceremony(value: str) -> None:
    """VALUE as every category title, description and presenter, and as every nominee's name."""
    AwardCategory.update(title=value, description=value, presenter=value).execute()
    Nominee.update(text=value, institution=None, attendee=None).execute()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x60"])
@pytest.mark.parametrize("kind", list(HOSTILE))
async def test_the_award_screens_show_hostile_text_as_typed(ceremony, kind, size):
    hostile_ceremony(HOSTILE[kind])
    event = find_event()
    steps = running_order(outline(event))
    go_to(event, LIVE, next(n for n, s in enumerate(steps) if s.kind == WINNERS), "mc")
    display = make_app(ceremony, AwardDisplayScreen)
    async with display.run_test(size=size) as pilot:
        await wait_for_text(pilot, "pemenang|Pemenang")
        text = await still(pilot)  # the winners mounted under the heading, and drawn
        assert_whole(text, size[0])
        assert display.return_code is None
    console = make_app(ceremony, lambda: AwardConsoleScreen(StaffUser.get(StaffUser.name == "admin")))
    async with console.run_test(size=size) as pilot:
        text = await wait_for_text(pilot, "Pemenang \\(hanya di konsol ini\\) *\n.*★")
        assert_whole(text, size[0])
        assert_shown(text, HOSTILE[kind])
        assert console.return_code is None


@pytest.mark.parametrize("kind", list(HOSTILE))
async def test_a_title_step_shows_hostile_text_as_typed(ceremony, kind):
    hostile_ceremony(HOSTILE[kind])
    go_to(find_event(), LIVE, 1, "mc")  # the first category's title, description and presenter
    display = make_app(ceremony, AwardDisplayScreen)
    async with display.run_test(size=(200, 60)) as pilot:
        await wait_for_text(pilot, "Kategori 1 dari 2")
        text = await still(pilot)  # the title in large type, and what is under it, drawn
        assert_whole(text, 200)
        assert_shown(text, HOSTILE[kind])
