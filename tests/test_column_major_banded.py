"""表三 through pdfminer's text with a group of adjacent columns printed in two bands.

pdfminer pairs the cells of adjacent columns above a tall row before it pairs them with the cells under it, so a
group of runs may come as its top rows column by column, then its other rows column by column (synth_2_009:
自然人 and 商业企业's first rows before the rest of each; 法律服务机构, 其他 and 总计's in others). Where no plain
window holds, every group and cut is weighed; a cell is read only where every holding reading agrees.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extraction.pipeline import audit
from tests.test_column_major import HEADERS, ROWS, consistent_grid, expected, requests_cells

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "synthetic"


def banded_text(grid: list[list[int]], first: int, last: int, cuts: tuple[int, ...]) -> str:
    """Given a 表三 grid, the first and last column (0 自然人 … 6 总计) of a group and the rows where it is cut,
    return a report's text as pdfminer prints it: the labels, then the columns' numbers top to bottom, the group's
    as bands (each band's rows column by column)."""
    def column(c: int, rows: range) -> list[str]:
        return [line for r in rows for line in (str(grid[r][c]), "")]

    lines = ["XX区人民政府2021年政府信息公开工作年度报告", "", "一、总体情况", "",
             "2021年，本区共受理政府信息公开申请若干件，均已按时答复。", "",
             "三、收到和处理政府信息公开申请情况", ""]
    lines += [line for h in HEADERS + ["总计"] for line in (h, "")]
    lines += [line for row in ROWS for line in (row.label, "")]
    lines += ["- 3 -", ""]
    bounds = (0, *cuts, len(ROWS))
    for c in range(7):
        if c < first or c > last:
            lines += column(c, range(len(ROWS)))
        elif c == first:
            lines += [line for top, bottom in zip(bounds, bounds[1:]) for g in range(first, last + 1)
                      for line in column(g, range(top, bottom))]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "五、存在的主要问题及改进情况", "", "无。", ""]
    return "\n".join(lines)


def test_a_group_printed_in_two_bands_is_read_in_column_order(tmp_path: Path) -> None:
    grid = consistent_grid(3)
    assert requests_cells(banded_text(grid, 4, 6, (1,)), tmp_path) == expected(grid)


def test_the_first_two_columns_printed_in_two_bands_are_read(tmp_path: Path) -> None:
    grid = consistent_grid(8)
    assert requests_cells(banded_text(grid, 0, 1, (12,)), tmp_path) == expected(grid)


def test_a_group_printed_in_three_bands_reads_no_cell_wrong(tmp_path: Path) -> None:
    grid = consistent_grid(3)
    cells = requests_cells(banded_text(grid, 0, 6, (4, 15)), tmp_path)
    want = expected(grid)
    assert {k: v for k, v in want.items() if k in cells} == cells


def test_synth_2_009_through_pdfminer_reads_its_total_column() -> None:
    # Its PDF prints 自然人 and 商业企业's first rows with the first row label, before the rest of each column.
    from evaluation.content import content_of
    from evaluation.mutations import pdfminer_text
    from extraction.ingest import read_source
    from extraction.pipeline import audit

    document = CORPUS / "synth_2_009.txt"
    gold = json.loads(document.with_suffix(".gold.json").read_text(encoding="utf-8"))["cells"]
    text = pdfminer_text(content_of(read_source(document))).data
    report = audit("report.txt", text)
    cells = {k: c.value for k, c in report.cells.items() if k.startswith("requests.")}
    assert cells == {k: gold[k] for k in cells}
    assert {k for k in gold if k.startswith("requests.") and k.endswith(".total")} <= set(cells)


@pytest.mark.parametrize("first,last,cut,row,column", [(0, 6, 14, 2, 6), (4, 6, 1, 0, 0), (0, 1, 12, 23, 6)])
def test_a_banded_table_printing_one_wrong_number_is_read_and_its_failure_reported(
        first: int, last: int, cut: int, row: int, column: int, tmp_path: Path) -> None:
    # synth_11_016's PDF through pdfminer: every column's first 14 rows, then their other rows, and one row whose
    # parts do not add up to its 总计 (the synthetic error injection's table): read as printed, the failure a finding.
    grid = consistent_grid(3)
    grid[row][column] += 1
    path = tmp_path / "report.txt"
    path.write_text(banded_text(grid, first, last, (cut,)), encoding="utf-8")
    report = audit(path)
    cells = {k: c.value for k, c in report.cells.items() if k.startswith("requests.")}
    assert {k: v for k, v in expected(grid).items() if k in cells} == cells
    assert all(cells.get(f"requests.{r.key}.total") == grid[n][6] for n, r in enumerate(ROWS))
    row_totals = [f.fields["cells"] for f in report.findings if f.fields.get("identity") == "T3.row_total"]
    assert row_totals == [{f"requests.{ROWS[row].key}.total": grid[row][6]}]


def test_a_banded_table_printing_two_wrong_numbers_reads_no_cell_wrong(tmp_path: Path) -> None:
    grid = consistent_grid(3)
    grid[0][6] += 1
    grid[2][6] += 1
    cells = requests_cells(banded_text(grid, 0, 6, (14,)), tmp_path)
    assert {k: v for k, v in expected(grid).items() if k in cells} == cells



def tall_row_text(grid: list[list[int]], first: int, last: int, cut: int) -> str:
    """Given a 表三 grid, a group of columns and a row, return its text as pdfminer prints synth_11_002's PDF: the
    group's rows above that row column by column under the headers, that row's cells of the group right after its
    wrapped label among the labels, then the group's other rows and the other columns after the labels."""
    def lines_of(values: list[int]) -> str:
        return "".join(f"{value}\n\n" for value in values)

    group = range(first, last + 1)
    top = [grid[r][c] for c in group for r in range(cut)]
    tall = [grid[cut][c] for c in group]
    text = banded_text(grid, first, last, (cut, cut + 1))
    head, _, columns = text.partition("- 3 -\n\n")
    before = first * len(ROWS)
    values = columns.split("\n\n")
    assert values[before:before + len(top) + len(tall)] == [str(v) for v in top + tall]
    del values[before:before + len(top) + len(tall)]
    label = ROWS[cut].label + "\n\n"
    head = head.replace(label, label + lines_of(tall), 1)
    first_label = ROWS[0].label + "\n\n"
    head = head.replace(first_label, lines_of(top) + first_label, 1)
    return head + "- 3 -\n\n" + "\n\n".join(values)


@pytest.mark.parametrize("seed,first,last,cut", [(8, 0, 1, 12), (3, 0, 1, 5)])
def test_a_group_printed_in_bands_with_a_tall_row_among_the_labels_is_read(seed: int, first: int, last: int,
                                                                             cut: int, tmp_path: Path) -> None:
    # synth_11_002's PDF through pdfminer: 自然人 and 商业企业's first twelve rows under their headers, row 13's two
    # cells (its label wraps) right after that label, the rest of each after the labels. Both runs are printed
    # among the labels, so which part is which stays untold: the 总计 column is read, no cell wrong.
    grid = consistent_grid(seed)
    cells = requests_cells(tall_row_text(grid, first, last, cut), tmp_path)
    assert {k: v for k, v in expected(grid).items() if k in cells} == cells
    assert all(cells.get(f"requests.{r.key}.total") == grid[n][6] for n, r in enumerate(ROWS))


def test_a_tall_row_printed_between_the_bands_away_from_its_label_is_not_taken_for_one(tmp_path: Path) -> None:
    grid = consistent_grid(8)
    cells = requests_cells(banded_text(grid, 0, 1, (12, 13)), tmp_path)
    assert {k: v for k, v in expected(grid).items() if k in cells} == cells
