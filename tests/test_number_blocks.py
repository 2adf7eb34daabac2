"""Tables in the text a PDF library exports (issue 9): row labels as lines, then the numbers as a block of text boxes
(pdfminer's extract_text). The documents are generated here from the seed report's cells, laid out as pdfminer lays
out a table: each number its own box (row by row), or each column one box (column by column, in an order the
boxes' positions set). What the identities cannot place is left unread; nothing is read wrong."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extraction.ingest.text import read_text
from extraction.pipeline import audit
from extraction.placement import AMBIGUOUS
from extraction.spec import load_spec

from conftest import SEED, gold_of, real_documents

SPEC = load_spec()
VERSION = SPEC.versions["v2021"]
GOLD = gold_of(SEED)["cells"]
COLUMNS = SPEC.column_keys
REVIEW = [c["key"] for c in SPEC.review_litigation_columns]
ROWS = [row.key for row in VERSION.requests_rows]
LABELS = {row.key: row.label for row in VERSION.requests_rows}
GROUPS = {row.key: row.group for row in VERSION.requests_rows}
FIRST_PAGE = 14  # 表三 rows on the first page; the rest on the second
HEADS = ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
REVIEW_HEADS = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3


def printed(value: object) -> str:
    return "" if value is None else str(value)


def boxes_text(lines: list[list[str]]) -> list[str]:
    """Given text boxes (their lines), return them as pdfminer prints them: each box's lines, then a blank line."""
    return [line for box in lines for line in [*box, ""]]


def requests_page(rows: list[str], cells: dict, by: str, column_order: list[int], heads: list[str] = (),
                  before_last: list[str] = ()) -> list[str]:
    """Given a page's 表三 rows and the cells, return its labels, then `heads` (header boxes grouped with the
    numbers), then its numbers: each number a box of its own row by row (`by="rows"`), or each column one box, the
    columns in `column_order` (`by="columns"`), with the lines `before_last` before the last column's box."""
    labels: list[list[str]] = []
    for n, r in enumerate(rows):
        if GROUPS[r] and (n == 0 or GROUPS[rows[n - 1]] != GROUPS[r]):
            labels.append([GROUPS[r]])  # a group's label (（六）其他处理) once, before its rows' labels
        labels.append([LABELS[r]])
    labels = boxes_text(labels + [[h] for h in heads])
    if by == "rows":
        return labels + boxes_text([[printed(cells[f"requests.{r}.{c}"])] for r in rows for c in COLUMNS])
    columns = boxes_text([[printed(cells[f"requests.{r}.{COLUMNS[c]}"]) for r in rows] for c in column_order[:-1]])
    last = boxes_text([[printed(cells[f"requests.{r}.{COLUMNS[column_order[-1]]}"]) for r in rows]])
    return labels + columns + boxes_text([[line] for line in before_last]) + last


def report(cells: dict, by: str = "columns", orders: tuple[list[int], list[int]] = (list(range(7)), list(range(7))),
           active: list[tuple[str, list[str]]] = (("行政许可", ["active.licensing.decisions"]),),
           pages: tuple[list[str], list[str]] = (ROWS[:FIRST_PAGE], ROWS[FIRST_PAGE:]),
           review_heads: list[str] = REVIEW_HEADS, heads_by_numbers: bool = False, before_last: list[str] = ()) -> bytes:
    """Given cells, return a report printed as pdfminer prints its PDF: 表二's rows, 表三 over two pages, 表四."""
    lines = boxes_text([["北京市密云区人民政府2021年政府信息公开工作年度报告"], ["一、总体情况"],
                        ["本区认真贯彻落实《中华人民共和国政府信息公开条例》。"], ["二、主动公开政府信息情况"],
                        ["第二十条第（五）项"], ["信息内容"], ["本年处理决定数量"]])
    lines += boxes_text([[label] for label, _ in active]) + boxes_text([[printed(cells[k])] for _, keys in active for k in keys])
    lines += boxes_text([["三、收到和处理政府信息公开申请情况"], *[[h] for h in ([] if heads_by_numbers else HEADS)]])
    lines += requests_page(pages[0], cells, by, orders[0], HEADS if heads_by_numbers else [], before_last) + ["- 2 -", ""]
    lines += requests_page(pages[1], cells, by, orders[1]) if pages[1] else []
    lines += boxes_text([["四、政府信息公开行政复议、行政诉讼情况"], *[[h] for h in review_heads]])
    lines += boxes_text([[printed(cells[k])] for k in REVIEW])
    lines += boxes_text([["五、存在的主要问题及改进情况"], ["信息公开工作仍需加强。"]])
    return "\n".join(lines).encode("utf-8")


def audited(data: bytes, tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    return audit(path)


def unread_reasons(result) -> dict[str, str]:
    return {e.code: e.message for e in result.errors}


def test_numbers_after_labels_are_read_as_blocks_of_text_boxes() -> None:
    source = read_text(Path("r.txt"), report(GOLD), "0")
    assert source.format == "text-blocks"
    requests = [b for b in source.blocks if len(b.values) == FIRST_PAGE * len(COLUMNS)]
    assert len(requests) == 1 and [len(box) for box in requests[0].boxes] == [FIRST_PAGE] * len(COLUMNS)
    assert not any(line.text == printed(GOLD["requests.new.total"]) for line in source.lines)  # numbers are not prose


def test_a_number_a_box_row_by_row_reads_every_cell(tmp_path: Path) -> None:
    result = audited(report(GOLD, by="rows"), tmp_path)
    expected = {k: v for k, v in GOLD.items() if k.startswith(("requests.", "review.", "litigation.")) or k == "active.licensing.decisions"}
    assert {k: result.cells[k].value for k in expected if k in result.cells} == expected
    assert "逐行" in result.cells["requests.new.natural_person"].placement


def test_column_boxes_read_each_total_but_not_the_part_columns_order(tmp_path: Path) -> None:
    # Both pages print their 总计 box before 其他 (hongze_2023's first page in pdfminer's text): nothing tells the
    # part boxes' order on either page.
    result = audited(report(GOLD, orders=([0, 1, 2, 3, 4, 6, 5], [0, 1, 2, 3, 4, 6, 5])), tmp_path)
    read = {k: c.value for k, c in result.cells.items() if k.startswith("requests.")}
    assert all(GOLD[k] == v for k, v in read.items())  # nothing read wrong
    assert all(f"requests.{r}.total" in read for r in ROWS)  # the identities tell the 总计 box
    # 自然人 559 / 商业企业 11: the identities hold whichever part box is which, so neither is read.
    assert "requests.new.natural_person" not in read and "requests.new.commercial_enterprise" not in read
    assert "cells_unread" in unread_reasons(result)
    zero_row = next(r for r in ROWS if all(GOLD[f"requests.{r}.{c}"] == 0 for c in COLUMNS))
    assert all(f"requests.{zero_row}.{c}" in read for c in COLUMNS)  # every part box prints 0: any order reads it
    assert "第6个列块" in result.cells["requests.new.total"].placement


def test_column_boxes_after_a_row_label_with_the_total_last_are_read_in_the_grid_order(tmp_path: Path) -> None:
    # pdfminer prints boxes of one height left to right unless one is grouped with a box that is not a number: one
    # below (a page number) would print its column after 总计, one above (a header) right before its numbers.
    result = audited(report(GOLD), tmp_path)
    read = {k: c.value for k, c in result.cells.items() if k.startswith("requests.")}
    assert read == {k: v for k, v in GOLD.items() if k.startswith("requests.")}
    assert "各列按表格顺序" in result.cells["requests.new.natural_person"].placement


def test_column_boxes_printed_right_after_header_boxes_keep_the_part_columns_unread(tmp_path: Path) -> None:
    # 其他's header grouped with its column puts both first: the 总计 box is still last, but a header is what is
    # printed right before the numbers, so nothing tells where the first column sits (nor on the second page,
    # whose 总计 box is not last).
    orders = ([5, 0, 1, 2, 3, 4, 6], [0, 1, 2, 3, 4, 6, 5])
    result = audited(report(GOLD, orders=orders, heads_by_numbers=True), tmp_path)
    read = {k: c.value for k, c in result.cells.items() if k.startswith("requests.")}
    assert all(GOLD[k] == v for k, v in read.items())  # nothing read wrong
    assert "requests.new.natural_person" not in read and "requests.new.total" in read


def test_the_identities_place_one_pages_part_boxes_by_the_other_page_read_in_the_grid_order(tmp_path: Path) -> None:
    # The second page is read in the grid's order; T3.balance and T3.results_sum tie each first-page part box to
    # one of its columns (自然人 559 + 41 carried over = its results and carried forward).
    result = audited(report(GOLD, orders=([0, 1, 2, 3, 4, 6, 5], list(range(7)))), tmp_path)
    read = {k: c.value for k, c in result.cells.items() if k.startswith("requests.")}
    assert read == {k: v for k, v in GOLD.items() if k.startswith("requests.")}
    assert "勾稽关系" in result.cells["requests.new.commercial_enterprise"].placement


def test_a_header_and_page_number_printed_before_the_last_column_box_do_not_end_the_table(tmp_path: Path) -> None:
    # pdfminer groups the 总计 header with the column under it, and the page number too: both are printed between
    # the part columns' boxes and the 总计 box, as if a new block began.
    result = audited(report(GOLD, before_last=["- 2 -", "总计"]), tmp_path)
    read = {k: c.value for k, c in result.cells.items() if k.startswith("requests.")}
    assert read == {k: v for k, v in GOLD.items() if k.startswith("requests.")}


def test_a_table_block_whose_order_nothing_decides_stays_unread(tmp_path: Path) -> None:
    # 表二 has no identities: two rows of three numbers read row by row or column by column differ.
    cells = {**GOLD, "active.rules.issued": 1, "active.rules.repealed": 2, "active.rules.in_force": 3,
             "active.normative_docs.issued": 4, "active.normative_docs.repealed": 5, "active.normative_docs.in_force": 6}
    keys = ["active.rules.issued", "active.rules.repealed", "active.rules.in_force",
            "active.normative_docs.issued", "active.normative_docs.repealed", "active.normative_docs.in_force"]
    data = report(cells, active=[("规章", keys[:3]), ("行政规范性文件", keys[3:])])
    parsed = audited(data, tmp_path)
    assert not set(keys) & set(parsed.cells)
    assert "cells_unread" in unread_reasons(parsed)


def test_rows_that_read_alike_both_ways_stay_unread_where_the_readings_differ(tmp_path: Path) -> None:
    # Seven rows, one box a number, whose row totals hold read row by row and column by column (the last row is
    # the sum of the others): only the cells both readings read alike are read.
    rows = ROWS[:7]
    matrix = {rows[0]: [1, 2, 0, 0, 0, 0, 3], rows[6]: [1, 2, 0, 0, 0, 0, 3]}
    cells = {**GOLD, **{f"requests.{r}.{c}": matrix.get(r, [0] * 7)[n] for r in rows for n, c in enumerate(COLUMNS)}}
    result = audited(report(cells, by="rows", pages=(rows, [])), tmp_path)
    read = {k: c.value for k, c in result.cells.items() if k.startswith("requests.")}
    assert f"requests.{rows[0]}.total" not in read  # 3 row by row, 1 column by column
    assert f"requests.{rows[0]}.commercial_enterprise" not in read  # 2 row by row, 0 column by column
    assert {k: cells[k] for k in read} == read
    assert all(f"requests.{rows[2]}.{c}" in read for c in COLUMNS)  # a row of 0 both ways
    assert "种排列均满足勾稽关系" in result.cells[f"requests.{rows[2]}.total"].placement


def test_numbers_that_break_an_identity_under_every_placement_give_no_identity_error(tmp_path: Path) -> None:
    # 表三's 总计 box is told by the identities, which this one breaks: every column placement fails them.
    cells = {**GOLD, "requests.new.total": GOLD["requests.new.total"] + 1}
    result = audited(report(cells, orders=([0, 1, 2, 3, 4, 6, 5], list(range(7)))), tmp_path)
    assert not [f for f in result.findings if f.rule == "table_identity"]
    assert "requests.new.total" not in result.cells
    assert "cells_unread" in unread_reasons(result)


def test_a_review_row_under_its_headers_that_no_order_of_its_numbers_satisfies_is_read_with_its_failure(tmp_path: Path) -> None:
    # 行政复议 prints a 总计 of 0 over parts that add up to more, and no other order of the 15 numbers holds either:
    # the failure is in the numbers, as the report prints them in any layout (hongze_2023's 表四).
    cells = {**GOLD, "review.total": 0}
    result = audited(report(cells), tmp_path)
    assert {k: result.cells[k].value for k in REVIEW} == {k: cells[k] for k in REVIEW}
    assert [f.fields.get("identity") for f in result.findings if f.rule == "table_identity"] == ["T4.review.total"]
    assert "任何排列都不满足" in result.cells["review.total"].placement


def test_a_review_row_that_another_order_of_its_numbers_satisfies_stays_unread(tmp_path: Path) -> None:
    # 总计 printed where 结果维持 goes: the identities hold with the two swapped, so the printed order is in doubt.
    swapped = {**GOLD, "review.total": GOLD["review.maintained"], "review.maintained": GOLD["review.total"]}
    assert swapped["review.total"] != swapped["review.maintained"]
    result = audited(report(swapped), tmp_path)
    assert not set(REVIEW) & set(result.cells)
    assert not [f for f in result.findings if f.rule == "table_identity"]


def test_numbers_after_review_headers_with_other_text_among_them_stay_unread(tmp_path: Path) -> None:
    # A line that is no 表四 header among the headers: the 15 numbers after it may be another table's.
    result = audited(report({**GOLD, "review.total": 0}, review_heads=REVIEW_HEADS[:4] + ["注：本表单位为件"] + REVIEW_HEADS[4:]), tmp_path)
    assert not set(REVIEW) & set(result.cells)
    assert not [f for f in result.findings if f.rule == "table_identity"]


@pytest.mark.parametrize("path", [p for p in real_documents() if p.suffix == ".pdf"] or [pytest.param(None, marks=pytest.mark.skip("no real PDF"))])
def test_pdfminer_text_of_the_real_pdfs_reads_no_cell_wrong(path: Path, tmp_path: Path) -> None:
    from pdfminer.high_level import extract_text

    gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    result = audited(extract_text(str(path)).encode("utf-8"), tmp_path)
    assert result.format == "text-blocks"
    assert {k: c.value for k, c in result.cells.items()} == {k: gold["cells"][k] for k in result.cells}
    gold_errors = {f.get("identity") for f in gold["findings"] if f["rule"] == "table_identity"}
    assert not [f for f in result.findings if f.rule == "table_identity" and f.fields.get("identity") not in gold_errors]
