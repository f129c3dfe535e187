"""Large type: glyphs, wrapping to the width, and the fallback for a word too long to fit."""
from screens.widgets.bigtext import GLYPH_WIDTH, big_line, wrap


def test_a_line_is_three_rows_of_half_blocks():
    rows = big_line("PLM 2018")
    assert len(rows) == 3
    assert set("".join(rows)) <= set("█▀▄ ")
    assert max(len(row) for row in rows) <= len("PLM 2018") * GLYPH_WIDTH


def test_accents_and_case_fold_to_the_same_glyphs():
    assert big_line("Désa") == big_line("DESA")


def test_long_names_wrap_by_word_within_the_width():
    lines = wrap("Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", 80)
    assert lines == ["Perpustakaan Desa", "Khasanah Info", "Bejiharjo,", "Karangmojo"]
    assert all(len(line) * GLYPH_WIDTH - 1 <= 80 for line in lines)


def test_a_word_that_cannot_fit_gives_up_on_large_type():
    assert wrap("Perpustakaan", 40) is None


def test_a_big_screen_gets_a_bigger_scale():
    from screens.widgets.bigtext import fit

    assert fit("Pindai badge Anda", 76, max_lines=1) == (1, ["Pindai badge Anda"])
    assert fit("Pindai badge Anda", 196, max_lines=1) == (2, ["Pindai badge Anda"])
    assert len(big_line("A", scale=2)) == 5 and len(big_line("A", scale=3)) == 8
