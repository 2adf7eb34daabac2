"""表三 over two pages through pdfminer's text: one page's part columns in an order nothing printed tells.

pdfminer prints each page's part of the table as its own labels, then its column runs. Where one page prints a part
column after 总计 (grouped with the page number under it), that page's part order is unknown; the other page's order
is known (its 自然人 run printed beside the labels). Each part column's identities (一 + 二 = 三（七） + 四; 三（七） =
the sum of the results) tie its cells on both pages, so they say which run of the unknown page is which column.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_column_major import COLUMNS, HEADERS, ROWS, consistent_grid, expected, requests_cells

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "synthetic"


def runs(grid: list[list[int]], columns: list[int]) -> list[str]:
    """Given a grid's rows and column indexes, return those columns' numbers top to bottom, one a box."""
    return [line for c in columns for row in grid for line in (str(row[c]), "")]


def two_pages(grid: list[list[int]], cut: int, first_order: list[int], second_order: list[int]) -> str:
    """Given a 表三 grid, the row where the page breaks and each page's printed column order (0 自然人 … 6 总计),
    return a report's text as pdfminer prints it: each page its row labels, then its runs in that order."""
    lines = ["XX区人民政府2021年政府信息公开工作年度报告", "", "一、总体情况", "",
             "2021年，本区共受理政府信息公开申请若干件，均已按时答复。", "",
             "三、收到和处理政府信息公开申请情况", ""]
    lines += [line for h in HEADERS + ["总计"] for line in (h, "")]
    lines += [line for row in ROWS[:cut] for line in (row.label, "")]
    lines += runs(grid[:cut], first_order) + ["- 2 -", ""]
    lines += [line for row in ROWS[cut:] for line in (row.label, "")]
    lines += runs(grid[cut:], second_order) + ["- 3 -", ""]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "五、存在的主要问题及改进情况", "", "无。", ""]
    return "\n".join(lines)


def distinct_parts(seed: int) -> list[list[int]]:
    """Given a seed, return a consistent 表三 whose part columns differ from each other (a 科研机构 column too)."""
    grid = consistent_grid(seed)
    for row in grid:  # give 科研机构 商业企业's numbers, twice: every identity still holds, no two columns alike
        row[2] = 2 * row[1]
        row[6] = sum(row[:6])
    return grid


def test_parts_the_identities_cannot_tell_apart_stay_unread(tmp_path: Path) -> None:
    # 社会公益组织 and 法律服务机构 print the same numbers on the known page and differ only on the unknown one:
    # either assignment keeps every identity, so neither column is read there.
    grid = distinct_parts(5)
    for r, row in enumerate(grid):
        row[3], row[4] = (1, 0) if r == 2 else (0, 1) if r == 3 else (0, 0)
        row[6] = sum(row[:6])
    for key in ("new", "result.total"):
        at = [row.key for row in ROWS].index(key)
        grid[at][3] = grid[at][4] = 1
        grid[at][6] = sum(grid[at][:6])
    cut = 12
    text = two_pages(grid, cut, first_order=[0, 1, 2, 3, 4, 6, 5], second_order=[0, 1, 2, 3, 4, 5, 6])
    cells = requests_cells(text, tmp_path)
    want = expected(grid)
    assert {k: v for k, v in want.items() if k in cells} == cells
    assert f"requests.{ROWS[2].key}.social_welfare_org" not in cells
    assert f"requests.{ROWS[2].key}.total" in cells
    assert cells[f"requests.{ROWS[-1].key}.legal_service_org"] == want[f"requests.{ROWS[-1].key}.legal_service_org"]


def test_two_pages_both_in_unknown_order_read_no_part_column(tmp_path: Path) -> None:
    grid = distinct_parts(3)
    text = two_pages(grid, 12, first_order=[0, 1, 2, 3, 4, 6, 5], second_order=[1, 2, 3, 4, 5, 6, 0])
    cells = requests_cells(text, tmp_path)
    want = expected(grid)
    assert {k: v for k, v in want.items() if k in cells} == cells
    research = {k: want[k.replace("commercial_enterprise", "research_institution")] for k in want}
    assert not any(k.endswith(".commercial_enterprise") and want[k] != research[k] for k in cells)


@pytest.mark.parametrize("name", ["synth_2_000.pdf", "synth_2_006.pdf"])
def test_generated_pdfs_over_two_pages_through_pdfminer_read_their_whole_table(name: str, tmp_path: Path) -> None:
    # Both PDFs cut 表三 in two pages; pdfminer prints one page's 自然人 run after 总计 (synth_2_000: parts then 总计
    # then 自然人; synth_2_006: five zero runs, then two runs alike, 自然人's and 总计's).
    from dataclasses import replace

    from evaluation.content import content_of
    from evaluation.mutations import pdfminer_text
    from extraction.ingest import read_source

    document = CORPUS / name
    gold = json.loads(document.with_suffix(".gold.json").read_text(encoding="utf-8"))["cells"]
    content = replace(content_of(read_source(document)), pdf=document.read_bytes())  # the generated PDF itself
    text = pdfminer_text(content).data.decode("utf-8")
    cells = requests_cells(text, tmp_path)
    assert cells == {k: v for k, v in gold.items() if k.startswith("requests.")}
    assert set(COLUMNS) <= {k.rsplit(".", 1)[1] for k in cells}
