"""表三 printed as nothing but zeros through pdfminer's text.

Every identity holds of a run of zeros wherever it starts, so a zero window witnesses nothing — except that a table
printed as exactly 7 × rows zeros, with text right before and after them, reads 0 in every cell whichever way its
numbers are placed. Zeros that are not so delimited, or that leave out a number printed among the row labels, may
be another table's, and are not read so.
"""
from __future__ import annotations

from pathlib import Path

from tests.test_column_major import ROWS, expected, pdfminer_text, requests_cells

ZERO_GRID = [[0] * 7 for _ in ROWS]


def test_a_table_of_zeros_between_text_reads_zero_in_every_cell(tmp_path: Path) -> None:
    cells = requests_cells(pdfminer_text(ZERO_GRID, beside_labels=False), tmp_path)
    assert cells == expected(ZERO_GRID)


def test_a_table_of_zeros_printed_among_its_labels_reads_zero_in_every_cell(tmp_path: Path) -> None:
    assert requests_cells(pdfminer_text(ZERO_GRID), tmp_path) == expected(ZERO_GRID)


def test_zeros_run_on_into_another_number_are_not_read(tmp_path: Path) -> None:
    # The run's last zero is followed by a number with no text between: the run may be cut anywhere.
    text = pdfminer_text(ZERO_GRID, beside_labels=False).replace("四、政府信息公开行政复议", "0\n\n3\n\n四、政府信息公开行政复议")
    assert requests_cells(text, tmp_path) == {}


def test_zeros_that_leave_out_a_number_printed_among_the_labels_are_not_read(tmp_path: Path) -> None:
    # One number printed among the labels is the table's, and it is not 0: the zeros after the labels are not
    # the whole table, whatever text comes around them.
    text = pdfminer_text(ZERO_GRID, beside_labels=False)
    label = ROWS[5].label
    text = text.replace(f"{label}\n", f"{label}\n\n7\n", 1)
    assert not any(value == 0 for value in requests_cells(text, tmp_path).values())
