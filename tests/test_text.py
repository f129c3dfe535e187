"""The one clean-up of outside text (kiosk.text) and the widgets that put it on screen as plain text."""
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from kiosk.text import ELLIPSIS, REFUSED, control_problem, inert, shorten
from screens.widgets.text import cell, data, styled
from tests.hostile import HOSTILE

ANYTHING = st.text(alphabet=st.characters(), max_size=300)
WITH_CONTROLS = st.lists(st.one_of(st.characters(), st.sampled_from(sorted(chr(c) for c in REFUSED)))).map("".join)


@settings(max_examples=500)
@given(text=WITH_CONTROLS)
def test_nothing_a_terminal_obeys_survives(text):
    shown = inert(text)
    assert not any(ord(character) in REFUSED for character in shown)
    assert len(shown) == len(text)  # one visible stand-in per character: nothing silently dropped


@settings(max_examples=500)
@given(text=ANYTHING)
def test_harmless_text_is_left_as_it_is(text):
    harmless = "".join(character for character in text if ord(character) not in REFUSED)
    assert inert(harmless) == harmless
    assert control_problem(harmless) is None


@given(text=WITH_CONTROLS)
def test_line_breaks_kept_only_when_asked(text):
    assert "\n" not in inert(text)
    assert inert(text, lines=True).count("\n") == text.count("\n")


@given(text=WITH_CONTROLS.filter(lambda text: any(ord(c) in REFUSED for c in text)))
def test_the_importer_is_told_which_character(text):
    first = next(character for character in text if ord(character) in REFUSED)
    assert f"U+{ord(first):04X}" in control_problem(text)


def test_control_characters_are_made_visible():
    assert inert("Hotel \x1b]0;X\x07 A\x00B\x7f") == "Hotel ␛]0;X␇ A␀B␡"
    assert inert("RTL \u202eevil\u2066") == "RTL \ufffdevil\ufffd"
    assert inert("a\r\nb\tc") == "a␍␊b␉c"


@settings(max_examples=500)
@given(text=ANYTHING, cells=st.integers(min_value=1, max_value=120))
def test_shortened_text_is_a_prefix_that_fits_and_says_so(text, cells):
    short = shorten(text, cells)
    assert cell_len(short) <= cells
    if short == text:
        assert cell_len(text) <= cells
    else:
        assert short.endswith(ELLIPSIS) and text.startswith(short[:-1])


def test_wide_characters_are_never_split():
    assert shorten("📚📚📚📚", 5) == "📚📚…"
    assert cell_len(shorten("Perpustakaan 👩‍👩‍👧 Ceria", 16)) <= 16


def test_markup_is_shown_as_typed():
    for value in (HOSTILE["markup"], HOSTILE["click"], HOSTILE["link"], HOSTILE["kept"]):
        assert data(value).plain == value
        assert cell(value).plain == value
        assert styled("[b]$name[/b]!", name=value).plain == value + "!"
    assert data(HOSTILE["click"]).spans == []  # no action, no link: nothing to click
    # In a template of the program's own markup, outside text adds no style, action or link of its own.
    for value in (HOSTILE["markup"], HOSTILE["click"], HOSTILE["link"]):
        shown = styled("[b]$name[/b]  [dim]$detail[/dim]", name=value, detail=value)
        assert [str(span.style) for span in shown.spans] == ["b", "dim"] and shown.plain == f"{value}  {value}"


def test_table_cells_end_in_an_ellipsis_when_cut():
    text = cell(HOSTILE["long"])
    assert isinstance(text, Text) and text.no_wrap and text.overflow == "ellipsis"
    assert isinstance(data(HOSTILE["escape"]), Content) and "\x1b" not in data(HOSTILE["escape"]).plain
