"""Large type: every character names use is drawn, glyphs stay aligned, words wrap whole, and text
that cannot be large is shown whole at normal size."""
from pathlib import Path

import pytest
from textual.app import App

from screens.widgets.bigtext import (LEGIBLE_CAP, BigText, big_line, big_rows, cap_height, drawable, fit, gap, measure,
                                     sizes, wrap)

DEMO = Path(__file__).parent.parent / "kiosk" / "demo" / "plm2018"
LATIN_1 = [chr(code) for code in [*range(0x20, 0x7F), *range(0xA0, 0x100)]]
LATIN_EXTENDED_A = [chr(code) for code in range(0x100, 0x180)]
PUNCTUATION = list("—–…“”‘’„‚«»·•€")
LONG_NAME = ("Perpustakaan Desa Bontolempangan Mandiri Sejahtera Kecamatan Bontolempangan Kabupaten Gowa "
             "Provinsi Sulawesi Selatan")


def demo_characters() -> set[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in DEMO.iterdir() if path.suffix in (".csv", ".toml"))
    return {character for character in text if character.isprintable()}


def inked(rows) -> bool:
    return any(row.strip() for row in rows)


@pytest.mark.parametrize("size", [sizes()[-1], sizes()[0]], ids=["smallest", "largest"])
def test_every_character_of_the_demo_and_of_latin_text_has_a_drawing(size):
    characters = demo_characters() | set(LATIN_1 + LATIN_EXTENDED_A + PUNCTUATION)
    assert {"—", "é", "Ł"} <= characters
    assert [c for c in sorted(characters) if drawable(c) is None] == []
    blank = [c for c in sorted(characters) if not c.isspace() and not inked(big_line(c, size).rows)]
    assert blank == []


def test_the_rows_of_a_line_are_one_block():
    for text in ("SELAMAT DATANG", "Dinas Perpustakaan dan Kearsipan", "Ñúñez — “Déjà vu” … Rp 1.250.000"):
        rows = big_line(text, sizes()[-1]).rows
        assert len({len(row) for row in rows}) == 1
        assert set("".join(rows)) <= set("█▀▄ ")
        assert rows[0].strip() and inked(rows[-1:])  # cut to its ink, top and bottom


class Shown(App):
    def __init__(self, widget: BigText):
        super().__init__()
        self.widget = widget

    def compose(self):
        yield self.widget


async def shown(widget: BigText, size=(80, 24)):
    """The rows the widget draws on a screen of SIZE, and how it fitted the text."""
    async with Shown(widget).run_test(size=size) as pilot:
        await pilot.pause()
        return [widget.render_line(y).text for y in range(widget.size.height)], widget.fitted(size[0])


async def test_on_screen_each_line_keeps_its_glyphs_in_one_column():
    rows, fitted = await shown(BigText("ILI SELAMAT DATANG", max_lines=2), size=(120, 40))
    first, second = (big_line(line, fitted.size) for line in wrap("ILI SELAMAT DATANG", 120, fitted.size))
    for line, top in ((first, 0), (second, len(first.rows) + gap(first, second))):
        indent = (120 - len(line.rows[0])) // 2  # each line centred as a whole, never row by row
        assert rows[top: top + len(line.rows)] == [(" " * indent + row).ljust(120) for row in line.rows]
    upright = {row.index("█") for row in rows[: len(first.rows)] if "█" in row}
    assert len(upright) == 1  # the I: every row of it starts in the same column


def test_wrapping_never_cuts_a_word():
    for columns in (40, 76, 116, 196):
        for size in sizes()[-3:]:
            lines = wrap(LONG_NAME, columns, size)
            if lines is None:
                assert any(measure(word, size) > columns for word in LONG_NAME.split())
                continue
            assert " ".join(lines) == LONG_NAME
            assert all(measure(line, size) <= columns for line in lines)


def test_the_largest_size_that_fits_is_taken_and_it_stays_legible():
    small = fit(("SELAMAT DATANG",), 66, 2, 9)
    large = fit(("SELAMAT DATANG",), 166, 2, 24)
    assert small is not None and large is not None and large > small
    assert cap_height(small) >= LEGIBLE_CAP
    assert fit(("SELAMAT DATANG",), 30, 2, 24) is None  # "SELAMAT" alone would be too small to read
    assert cap_height(fit(("1",), 200, 1, 60, max_scale=2)) <= 2 * LEGIBLE_CAP


async def test_what_cannot_be_large_is_shown_whole_at_normal_size():
    for text in (LONG_NAME, "Juara 🏆 Perpustakaan", "图书馆 Desa"):
        rows, fitted = await shown(BigText(text, max_lines=2), size=(60, 24))
        assert not fitted.big
        assert " ".join(" ".join(row.split()) for row in rows) == text
        assert "…" not in "".join(rows) and "?" not in "".join(rows)


async def test_names_shown_together_get_one_size_or_all_normal_size():
    names = ["TBM Pelangi Aksara", "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"]
    for columns, rows in ((80, 24), (120, 40), (200, 60)):
        fitted = [(await shown(BigText(name, max_lines=3, max_rows=rows // 2 - 6, together=names),
                               size=(columns, rows)))[1] for name in names]
        assert len({each.size for each in fitted}) == 1


def test_the_drum_rolls_dots_are_three_whole_dots():
    for size in sizes():
        rows = big_line("…", size).rows
        dots = [row.split() for row in rows if row.strip()]
        assert dots and all(len(parts) == 3 and len(set(parts)) == 1 for parts in dots)
        assert len(rows) == len(big_line("3", size).rows)  # as tall as the count before it


async def test_update_and_text_as_before():
    widget = BigText("Rp 1.250.000", max_scale=2)
    async with Shown(widget).run_test(size=(120, 40)) as pilot:
        widget.update("Rp 2.500.000")
        await pilot.pause()
        assert widget.text == "Rp 2.500.000"
        fitted = widget.fitted(widget.content_size.width)
        assert fitted.big and widget.size.height == len(fitted.rows)


async def test_capitals_are_a_way_of_drawing_the_text():
    rows, fitted = await shown(BigText("Selamat datang", max_lines=2, capitals=True), size=(120, 40))
    assert fitted.big and rows[: len(fitted.rows)] == [row.ljust(120) for row in big_rows("SELAMAT DATANG",
                                                                                          fitted.size, 120)]
    assert BigText("Selamat datang", capitals=True).text == "Selamat datang"
