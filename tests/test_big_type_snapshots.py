"""Large type on the big screens at 80x24, 120x40 and 200x60: the check-in welcome and the award
display's winners (one, two, and three tied with names of about a hundred characters). Each picture
was looked at (SVG → PNG) before it was approved."""
import shutil

import pytest

from tests.conftest import SMALL_EVENT
from tests.helpers import ADMIN_PIN, DESK_PIN, load_small_event, make_app, screen_text, steady
from tests.test_snapshots import _award_display, _kiosk, _scanned

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=["80x24", "120x40", "200x60"])

TIED = [  # three winners of one category, their names 100 characters and more
    ("DESA-BONTO", "Perpustakaan Desa Bontolempangan Mandiri Sejahtera Kecamatan Bontolempangan Kabupaten Gowa "
                   "Provinsi Sulawesi Selatan", "Sulawesi Selatan"),
    ("DESA-KEPEK", "Taman Bacaan Masyarakat “Ngudi Kawruh” — Perpustakaan Desa Gardu Pintar 2 Kepek, Wonosari, "
                   "Kabupaten Gunungkidul", "DI Yogyakarta"),
    ("DESA-RIAU", "Perpustakaan Kelurahan Sumber Ilmu Kecamatan Pangkalan Kerinci Kabupaten Pelalawan "
                 "Provinsi Riau Daratan", "Riau"),
]


@pytest.fixture
def small_event(sqlite_store):
    load_small_event()
    return sqlite_store


@pytest.fixture
def tied_event(sqlite_store, tmp_path):
    """The small event with a third category that three institutions won together."""
    from kiosk.importer import import_event
    from kiosk.staff import add_user

    folder = tmp_path / "event"
    shutil.copytree(SMALL_EVENT, folder)
    with open(folder / "institutions.csv", "a", encoding="utf-8") as institutions:
        institutions.writelines(f'{code},"{name}",village-tbm,{region}\n' for code, name, region in TIED)
    with open(folder / "awards.toml", "a", encoding="utf-8") as awards:
        nominees = ", ".join(f'{{ institution = "{code}" }}' for code, _, _ in TIED)
        winners = ", ".join(f'"{code}"' for code, _, _ in TIED)
        awards.write(f'\n[[categories]]\ncode = "TBM"\ntitle = "TBM Paling Inspiratif"\n'
                     f'title_en = "Most Inspiring Reading Garden"\nnominees = [{nominees}]\nwinners = [{winners}]\n')
    import_event(folder)
    add_user("admin", "admin", ADMIN_PIN)
    add_user("meja", "desk", DESK_PIN)
    return sqlite_store


def _tied_display(store):
    from kiosk.context import find_event
    from kiosk.reveal import go_to, outline, running_order
    from models import LIVE
    from screens.award_display import AwardDisplayScreen

    event = find_event()
    steps = running_order(outline(event))
    go_to(event, LIVE, next(n for n, s in enumerate(steps) if s.kind == "winners" and s.category == 2), "mc")
    return make_app(store, AwardDisplayScreen)


@SIZES
def test_welcome(snap_compare, small_event, size):
    assert snap_compare(_kiosk(small_event), terminal_size=size,
                        run_before=_scanned(("P0003", "Selamat datang")))


@SIZES
def test_idle(snap_compare, small_event, size):
    assert snap_compare(_kiosk(small_event), terminal_size=size, run_before=steady)


@SIZES
@pytest.mark.parametrize("state", ["one_winner", "two_winners"])
def test_winners(snap_compare, small_event, state, size):
    assert snap_compare(_award_display(small_event, state), terminal_size=size, run_before=steady)


@SIZES
def test_three_tied_winners(snap_compare, tied_event, size):
    assert snap_compare(_tied_display(tied_event), terminal_size=size, run_before=steady)


async def _winners_shown(app, size):
    """Each winner widget's fitted size, and whether its name is all on screen (whole, within the screen)."""
    async with app.run_test(size=size) as pilot:
        await steady(pilot)
        widgets = list(app.screen.query(".award-winner"))
        shown = " ".join(screen_text(app).split())
        on_screen = [widget.region.bottom <= size[1] and (widget.fitted(widget.content_size.width).big
                                                         or widget.text in shown) for widget in widgets]
        return [widget.fitted(widget.content_size.width).size for widget in widgets], on_screen


@SIZES
@pytest.mark.parametrize("state", ["one_winner", "two_winners"])
async def test_winners_are_whole_and_of_one_size(small_event, state, size):
    fitted, whole = await _winners_shown(_award_display(small_event, state), size)
    assert len(fitted) == (1 if state == "one_winner" else 2) and len(set(fitted)) == 1 and all(whole)


@SIZES
async def test_three_tied_winners_are_whole_and_of_one_size(tied_event, size):
    fitted, whole = await _winners_shown(_tied_display(tied_event), size)
    assert len(fitted) == 3 and len(set(fitted)) == 1 and all(whole)
