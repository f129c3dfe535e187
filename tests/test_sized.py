"""Column widths of the tables that fit their width (screens/widgets/sized.py)."""
from __future__ import annotations

from screens.widgets.sized import MIN_SHARED, SCROLLBAR, Sized, fitted_widths


def test_fixed_columns_are_whole_and_shared_ones_split_the_rest():
    columns = [Sized("Kode", 5), Sized("Nama", share=3), Sized("Hadir", 5), Sized("Lembaga", share=2)]
    widths = fitted_widths(columns, 80)
    assert widths[0] == 5 and widths[2] == 5
    assert sum(widths) == 80 - SCROLLBAR - 2 * len(columns)  # every cell but the padding and the scrollbar
    assert widths[1] > widths[3]  # three shares beside two


def test_a_shared_column_is_never_wider_than_its_widest_value():
    """On a wide screen a name column ends where the longest name does; the room left stays empty
    rather than pushing the next column far away (the desk at 200 columns)."""
    columns = [Sized("Kode", 5), Sized("Nama", share=3, most=25), Sized("Hadir", 5), Sized("Lembaga", share=2, most=66)]
    assert fitted_widths(columns, 200) == [5, 25, 5, 66]


def test_a_column_with_room_to_spare_leaves_it_to_the_others():
    columns = [Sized("Nama", share=1, most=10), Sized("Lembaga", share=1)]
    assert fitted_widths(columns, 60) == [10, 60 - SCROLLBAR - 4 - 10]


def test_on_a_narrow_table_a_shared_column_keeps_a_few_cells():
    columns = [Sized("Kode", 5), Sized("Nama", share=1), Sized("Lembaga", share=1)]
    assert min(fitted_widths(columns, 40)[1:]) >= MIN_SHARED
