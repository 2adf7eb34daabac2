"""表三 printed column by column (pdfminer's extract_text of a ruled table): the column-major reader.

The texts are written the way pdfminer prints a browser-printed page's table (every box a paragraph of its own):
the title and column headers, the row labels one a line, then each column's numbers top to bottom. The 自然人
column sits beside the labels, so pdfminer may print its numbers among them; the other columns follow.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from extraction.pipeline import audit
from extraction.spec import load_spec

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "real"
HEADERS = ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
ROWS = [r for r in load_spec().versions["v2021"].requests_rows]
COLUMNS = load_spec().column_keys


def consistent_grid(seed: int) -> list[list[int]]:
    """Given a seed, return a v2021 表三 (25 rows × 7 columns, parts then 总计) whose identities hold."""
    rng = random.Random(seed)
    keys = [r.key for r in ROWS]
    grid = {k: [0] * 6 for k in keys}
    for key in keys:
        if key.startswith("result.") and key != "result.total":
            grid[key] = [rng.choice([0, 0, 1, 2, 5, 11]) if c in (0, 1, 5) else 0 for c in range(6)]
    grid["result.total"] = [sum(grid[k][c] for k in keys if k.startswith("result.") and k != "result.total") for c in range(6)]
    grid["carried_forward"] = [rng.choice([0, 1, 3]) for _ in range(6)]
    grid["carried_over"] = [rng.choice([0, 2]) for _ in range(6)]
    # 一 + 二 = 三（七） + 四, column by column
    grid["carried_over"] = [min(grid["carried_over"][c], grid["result.total"][c] + grid["carried_forward"][c]) for c in range(6)]
    grid["new"] = [grid["result.total"][c] + grid["carried_forward"][c] - grid["carried_over"][c] for c in range(6)]
    return [grid[k] + [sum(grid[k])] for k in keys]


def pdfminer_text(grid: list[list[int]], beside_labels: bool = True, natural_last: bool = False,
                  printed_parts: int = 5, other_after_total: bool = False, natural_after_total: bool = False,
                  headed_part: int = 0) -> str:
    """Given a 表三 grid, return a report's text as pdfminer prints it: the 自然人 column's numbers among the row
    labels (beside_labels) or after them, the other columns as runs (the first printed_parts of them: the others
    blank, printing nothing; 其他 after 总计 where other_after_total; part column headed_part grouped with its
    header, one character a line, after its siblings), the 总计 header over its run."""
    lines = ["XX区人民政府2021年政府信息公开工作年度报告", "", "一、总体情况", "",
             "2021年，本区共受理政府信息公开申请若干件，均已按时答复。", "",
             "三、收到和处理政府信息公开申请情况", ""]
    headed = HEADERS[2 + headed_part] if headed_part else ""
    lines += [line for h in HEADERS if h != headed for line in (h, "")]
    natural = [str(row[0]) for row in grid]
    labelled: list[str] = []
    for n, row in enumerate(ROWS):
        labelled += [row.label, ""]
        if beside_labels and n % 3 == 2:  # pdfminer prints the column's boxes as it meets them beside the labels
            labelled += [line for value in natural[n - 2:n + 1] for line in (value, "")]
    if beside_labels:
        labelled += [line for value in natural[len(ROWS) - len(ROWS) % 3:] for line in (value, "")]
    parts = list(range(1, 1 + printed_parts))
    moved = parts[-1:] if other_after_total else []
    moved_before_total = [headed_part] if headed_part else []
    others = [line for c in parts if c not in moved + moved_before_total for row in grid for line in (str(row[c]), "")]
    others += [line for ch in headed for line in (ch, "")]
    others += [line for c in moved_before_total for row in grid for line in (str(row[c]), "")]
    totals = ["总计", ""] + [line for c in [6] + moved for row in grid for line in (str(row[c]), "")]
    first = [] if beside_labels else ["- 3 -", ""] + [line for v in natural for line in (v, "")]
    # pingtan_2022's PDF: the labels and the column beside them printed after the other columns
    if natural_after_total:  # 自然人 grouped with something under it, printed after its siblings
        lines += labelled + others + totals + first[2:]
    else:
        lines += others + totals + labelled + first if natural_last else labelled + first + others + totals
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "", "五、存在的主要问题及改进情况", "", "无。", ""]
    return "\n".join(lines)


def requests_cells(text: str, tmp_path: Path) -> dict[str, float | int | None]:
    """Given a report's text, return its audit's 表三 cells by key."""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = audit(path)
    assert report.format == "text-blocks"
    return {k: c.value for k, c in report.cells.items() if k.startswith("requests.")}


def expected(grid: list[list[int]]) -> dict[str, int]:
    """Given a 表三 grid, return its cells by key."""
    return {f"requests.{row.key}.{c}": grid[r][n] for r, row in enumerate(ROWS) for n, c in enumerate(COLUMNS)}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("natural_last", [False, True])
def test_a_column_printed_among_the_labels_orders_the_parts(seed: int, natural_last: bool, tmp_path: Path) -> None:
    grid = consistent_grid(seed)
    text = pdfminer_text(grid, natural_last=natural_last)
    assert requests_cells(text, tmp_path) == expected(grid)


@pytest.mark.parametrize("natural_last", [False, True])
def test_the_column_printed_right_after_the_labels_orders_the_parts(natural_last: bool, tmp_path: Path) -> None:
    grid = consistent_grid(6)
    assert requests_cells(pdfminer_text(grid, beside_labels=False, natural_last=natural_last), tmp_path) == expected(grid)


def test_a_part_printed_after_the_total_leaves_the_parts_order_unknown(tmp_path: Path) -> None:
    # hongze's PDF: 其他 grouped with the page number under it, printed after 总计; any part could have been moved
    grid = consistent_grid(7)
    cells = requests_cells(pdfminer_text(grid, beside_labels=False, other_after_total=True), tmp_path)
    want = expected(grid)
    assert cells, "the total column is read"
    for key, value in cells.items():
        assert value == want[key]
    for r, row in enumerate(ROWS):
        assert cells[f"requests.{row.key}.total"] == grid[r][6]
        if len(set(grid[r][:6])) > 1:
            assert f"requests.{row.key}.natural_person" not in cells


@pytest.mark.parametrize("headed_part", [1, 3])
def test_a_part_printed_with_its_header_after_its_siblings_leaves_the_parts_order_unknown(headed_part: int,
                                                                                          tmp_path: Path) -> None:
    # A browser-printed page whose narrow column's header wraps one character a line: pdfminer groups the header
    # with the column and prints the group after the other parts, before 总计. Every identity holds whichever part
    # column is which, so the printed order alone would read the moved column's numbers under another header.
    grid = consistent_grid(9)
    cells = requests_cells(pdfminer_text(grid, beside_labels=False, headed_part=headed_part), tmp_path)
    want = expected(grid)
    assert {k: v for k, v in want.items() if k in cells} == cells
    for r, row in enumerate(ROWS):
        assert cells[f"requests.{row.key}.total"] == grid[r][6]
        assert (f"requests.{row.key}.natural_person" in cells) == (len(set(grid[r][:6])) == 1)
    assert any(len(set(row[:6])) > 1 for row in grid)


def test_a_natural_persons_column_printed_after_the_total_is_not_taken_for_the_run_after_the_labels(tmp_path: Path) -> None:
    grid = consistent_grid(8)
    cells = requests_cells(pdfminer_text(grid, beside_labels=False, natural_after_total=True), tmp_path)
    assert {k: v for k, v in expected(grid).items() if k in cells} == cells
    assert any(len(set(row[:6])) > 1 for row in grid)
    assert all(f"requests.{row.key}.natural_person" not in cells for row, values in zip(ROWS, grid) if len(set(values[:6])) > 1)


def test_a_table_printing_only_natural_persons_and_totals_reads_the_other_parts_blank(tmp_path: Path) -> None:
    grid = [row[:1] + [0] * 5 + row[:1] for row in consistent_grid(5)]
    want = {k: (None if k.rsplit(".", 1)[1] not in ("natural_person", "total") else v) for k, v in expected(grid).items()}
    assert requests_cells(pdfminer_text(grid, printed_parts=0), tmp_path) == want


def test_two_equal_runs_away_from_the_labels_are_not_read_as_such_a_table(tmp_path: Path) -> None:
    grid = [row[:1] + [0] * 5 + row[:1] for row in consistent_grid(5)]
    text = pdfminer_text(grid, beside_labels=False, printed_parts=0).replace("- 3 -\n", "- 3 -\n\n1\n")  # a stray number
    cells = requests_cells(text, tmp_path)
    assert not any(k.endswith(".natural_person") for k in cells)


def test_two_readings_that_hold_leave_the_cells_they_differ_on_unread(tmp_path: Path) -> None:
    # The table printed twice with other numbers (a draft pasted under the final page): each copy's window holds
    # every identity, so only the cells both copies print alike are read.
    first, second = consistent_grid(11), consistent_grid(12)
    cells = requests_cells(pdfminer_text(first) + "\n\n" + pdfminer_text(second), tmp_path)
    want, other = expected(first), expected(second)
    differ = [k for k in want if want[k] != other[k]]
    assert differ and all(k not in cells for k in differ)
    assert {k: v for k, v in want.items() if k not in differ} == cells


def test_numbers_that_fit_no_reading_but_with_two_rows_off_are_not_read(tmp_path: Path) -> None:
    grid = consistent_grid(3)
    grid[0][6] += 1  # 一's and 三（一）'s totals no longer the sums of their parts: no window reads all but one row
    grid[2][6] += 1
    cells = requests_cells(pdfminer_text(grid), tmp_path)
    assert not any(k.endswith(".natural_person") for k in cells)


@pytest.mark.parametrize("row,column", [(0, 6), (2, 0), (23, 6)])
def test_a_table_printing_one_wrong_number_is_read_and_its_failure_reported(row: int, column: int,
                                                                            tmp_path: Path) -> None:
    # One printed number breaks its row total (and the column identities through it): the window still reads
    # every other row total, so the table is read as printed and the failure is the report's, a finding.
    grid = consistent_grid(3)
    grid[row][column] += 1
    path = tmp_path / "report.txt"
    path.write_text(pdfminer_text(grid), encoding="utf-8")
    report = audit(path)
    assert {k: c.value for k, c in report.cells.items() if k.startswith("requests.")} == expected(grid)
    row_totals = [f.fields["cells"] for f in report.findings if f.fields.get("identity") == "T3.row_total"]
    assert row_totals == [{f"requests.{ROWS[row].key}.total": grid[row][6]}]
    assert "各部分之和不等于总计" in report.cells[f"requests.{ROWS[row].key}.total"].placement


def with_requests(grid: list[list[int]], results: list[int]) -> list[list[int]]:
    """Given a 表三 grid and rows of results, return it with 7 more natural persons' requests of each result (and
    so of 三（七） and 一), every identity still holding."""
    keys = [r.key for r in ROWS]
    for row in results:
        for at in (row, keys.index("result.total"), keys.index("new")):
            grid[at][0] += 7
            grid[at][6] += 7
    return grid


def displaced_text(grid: list[list[int]], displaced: list[int]) -> str:
    """Given a 表三 grid and rows, return a report's text as pdfminer prints it with the 自然人 run after the labels
    but each of those rows' 自然人 number printed alone right after its row's label (a tall row's label grouped with
    the cell beside it, printed where that group falls among the labels)."""
    lines = pdfminer_text(grid, beside_labels=False).split("\n")
    first = lines.index("- 3 -") + 2
    for row in sorted(displaced, reverse=True):
        assert lines[first + 2 * row] == str(grid[row][0])
        del lines[first + 2 * row:first + 2 * row + 2]
    for row in displaced:
        label = lines.index(ROWS[row].label)
        lines[label + 2:label + 2] = [str(grid[row][0]), ""]
    return "\n".join(lines)


@pytest.mark.parametrize("row", [2, 12, 20])
def test_a_natural_persons_number_printed_alone_after_its_label_is_moved_into_its_run(row: int, tmp_path: Path) -> None:
    # synth_11_111's PDF: 1.本机关不掌握相关政府信息's box grouped with the 27 beside it, printed among the labels.
    grid = with_requests(consistent_grid(5), [row])
    assert requests_cells(displaced_text(grid, [row]), tmp_path) == expected(grid)


def test_two_natural_persons_numbers_printed_after_their_labels_read_no_cell_wrong(tmp_path: Path) -> None:
    grid = with_requests(consistent_grid(5), [2, 12])
    cells = requests_cells(displaced_text(grid, [2, 12]), tmp_path)
    assert {k: v for k, v in expected(grid).items() if k in cells} == cells


def test_a_run_of_zeros_with_one_row_of_numbers_is_no_table(tmp_path: Path) -> None:
    # Every row of zeros holds whatever went where: a reading that leaves a row off needs rows of numbers that hold.
    grid = [[0] * 7 for _ in ROWS]
    grid[0] = [3, 0, 0, 0, 0, 0, 4]
    cells = requests_cells(pdfminer_text(grid), tmp_path)
    assert not any(k.endswith(".natural_person") for k in cells)


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real is absent")
def test_pingtan_2022_printed_to_pdf_reads_its_table(tmp_path: Path) -> None:
    from evaluation.content import content_of
    from evaluation.mutations import pdfminer_text as export
    from extraction.ingest import read_source

    document = REAL / "pingtan_2022.html"
    gold = __import__("json").loads((REAL / "pingtan_2022.gold.json").read_text(encoding="utf-8"))["cells"]
    text = export(content_of(read_source(document))).data.decode("utf-8")
    cells = requests_cells(text, tmp_path)
    assert len(cells) == 175
    assert all(gold[key] == value for key, value in cells.items())


REVIEW_KEYS = [c["key"] for c in load_spec().review_litigation_columns]
OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def review_text(values: list[int], headers_first: int = 0, broken: bool = False, title: tuple[str, ...] = ("行政复议",)) -> str:
    """Given 表四's 15 numbers in the template's order, return a report whose 表四 pdfminer printed header, number,
    header, number (the first headers_first headers printed together before their numbers, a narrow header's
    characters one a line when broken, the top-left header in the lines of `title`), after a 表三 whose numbers
    follow 表四's title."""
    def header(text: str) -> list[str]:
        return [line for ch in text for line in (ch, "")] if broken else [text, ""]

    grid = consistent_grid(1)
    lines = pdfminer_text(grid).split("\n")
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    table = [*title, "", "行政诉讼", ""]
    pairs = [(OUTCOMES[n % 5], str(v)) for n, v in enumerate(values)]
    table += [line for text, _ in pairs[:headers_first] for line in header(text)]
    table += [line for _, value in pairs[:headers_first] for line in (value, "")]
    for n, (text, value) in enumerate(pairs[headers_first:], start=headers_first):
        if n == 5:
            table += ["未经复议直接起诉", "", "复议后起诉", ""]
        table += header(text) + [value, ""]
    return "\n".join(lines[:at + 2] + table + lines[at + 2:])


def review_cells(text: str, tmp_path: Path) -> dict[str, float | int | None]:
    """Given a report's text, return its audit's 表四 cells by key."""
    path = tmp_path / "review.txt"
    path.write_text(text, encoding="utf-8")
    return {k: c.value for k, c in audit(path).cells.items() if k.startswith(("review.", "litigation."))}


@pytest.mark.parametrize("headers_first,broken", [(0, False), (0, True), (5, False)])
def test_review_numbers_printed_under_their_headers_are_read(headers_first: int, broken: bool, tmp_path: Path) -> None:
    values = [1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]
    assert review_cells(review_text(values, headers_first, broken), tmp_path) == dict(zip(REVIEW_KEYS, values))


@pytest.mark.parametrize("title", [("行政", "复议"), ("行政复", "议"), tuple("行政复议")])
def test_review_numbers_under_a_wrapped_top_left_header_are_read(title: tuple[str, ...], tmp_path: Path) -> None:
    # A narrow top-left cell wraps 行政复议 (行政 / 复议 in the synthetic text reports printed to PDF).
    values = [1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]
    assert review_cells(review_text(values, 5, title=title), tmp_path) == dict(zip(REVIEW_KEYS, values))


def test_a_wrapped_line_that_only_begins_the_top_left_header_opens_no_table(tmp_path: Path) -> None:
    values = [1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]
    assert review_cells(review_text(values, 5, title=("行政", "诉讼")), tmp_path) == {}


def test_review_numbers_that_break_its_identities_are_not_read(tmp_path: Path) -> None:
    values = [1, 0, 2, 0, 4, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]  # 行政复议's outcomes add to 3, its 总计 prints 4
    assert review_cells(review_text(values), tmp_path) == {}


def test_review_numbers_printed_between_runs_of_headers_are_not_read(tmp_path: Path) -> None:
    # A synthetic page's 表四 through pdfminer: two groups' headers, one number, the third group's headers, then
    # the other fourteen numbers; the lone number is not the first header's (行政复议's 4 1 1 1 7 come sixth to
    # tenth), and every T4 identity holds whichever group takes which five numbers.
    heads = [line for text in OUTCOMES for line in (text, "")]
    table = ["行政复议", "", "行政诉讼", ""] + heads + ["未经复议直接起诉", "", "复议后起诉", ""] + heads + ["0", ""] + heads
    table += [line for value in [0, 0, 0, 0, 4, 1, 1, 1, 7, 0, 0, 0, 0, 0] for line in (str(value), "")]
    lines = pdfminer_text(consistent_grid(1)).split("\n")
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    assert review_cells("\n".join(lines[:at + 2] + table + lines[at + 2:]), tmp_path) == {}


def test_review_of_fifteen_zeros_among_its_headers_reads_zero_in_every_cell(tmp_path: Path) -> None:
    # Every identity holds of zeros whatever went where, and whatever went where each cell is 0: the fifteen
    # numbers printed among 表四's headers, and no other, are its cells.
    assert review_cells(review_text([0] * 15), tmp_path) == {key: 0 for key in REVIEW_KEYS}


def test_review_of_zeros_one_short_reads_each_zero_under_its_header_and_not_the_missing_cell(tmp_path: Path) -> None:
    # 行政复议's 总计 prints no number: fourteen zeros, each under the header naming its cell, are those cells.
    text = review_text([0] * 15).replace("总计\n\n0\n", "总计\n\n", 1)
    assert review_cells(text, tmp_path) == {key: 0 for key in REVIEW_KEYS if key != "review.total"}


def active_text(caption_inside: bool) -> str:
    """Given whether a caption comes between a group's numbers, return a report whose 表二 pdfminer printed as its
    captions, labels and headers, then each group's numbers after its column header (the browser-printed page's
    layout), followed by a 表三."""
    table = ["二、主动公开政府信息情况", "", "信息内容", "", "规章", "", "行政规范性文件", "", "信息内容", "", "行政许可", "",
             "信息内容", "", "行政处罚", "", "行政强制", "", "信息内容", "", "行政事业性收费", "",
             "第二十条第（一）项", "", "本年制发件数", "", "本年废止件数", "", "现行有效件数", "",
             "0", "", "88", "", "0", "", "55", "", "0", "", "698", "",
             "第二十条第（五）项", "", "本年处理决定数量", "", "10690", "", "第二十条第（六）项", "", "本年处理决定数量", "",
             "2113", "", "- 2 -" if caption_inside else "", "", "7", "",
             "第二十条第（八）项", "", "本年收费金额（单位：万元）", "", "9116.36", ""]
    lines = pdfminer_text(consistent_grid(2)).split("\n")
    at = lines.index("三、收到和处理政府信息公开申请情况")
    return "\n".join(lines[:at] + table + lines[at:])


@pytest.mark.parametrize("caption_inside", [False, True])
def test_one_column_groups_of_the_active_table_are_read_under_their_headers(caption_inside: bool, tmp_path: Path) -> None:
    path = tmp_path / "active.txt"
    path.write_text(active_text(caption_inside), encoding="utf-8")
    cells = {k: c.value for k, c in audit(path).cells.items() if k.startswith("active.")}
    assert cells["active.licensing.decisions"] == 10690
    assert cells["active.penalty.decisions"] == 2113 and cells["active.coercion.decisions"] == 7
    assert cells["active.admin_fees.amount_wan_yuan"] == 9116.36
    # 规章 and 行政规范性文件 × three columns: pdfminer may print the columns in any order, so not read by the order;
    # only 规章, 0 in every column, is 0 whichever column is which
    assert not any(k.startswith("active.normative_docs.") for k in cells)
    assert [cells[f"active.rules.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]


def test_a_stream_too_long_to_search_reads_nothing() -> None:
    from extraction.column_major import Number, holding_readings
    from extraction.document import Cell, Where
    from extraction.tables import table_identities

    spec = load_spec()
    numbers = [Number(Cell(str(n % 7), Where(line=n)), 0) for n in range(3000)]
    identities = [i for i in table_identities(spec)[("v2021", "v2021")] if i.id.startswith("T3")]
    assert holding_readings(numbers, [r.key for r in ROWS], COLUMNS, identities, {}) is None


@pytest.mark.parametrize("seed", [4, 17, 23, 31])
def test_generated_reports_through_pdfminer_read_no_cell_wrong(seed: int, tmp_path: Path) -> None:
    # A synthetic report printed to PDF from its HTML page, and that PDF through pdfminer's extract_text: whatever
    # the readers read must be the report's own cell, and the column-major readers must read some of them. Seed 31:
    # 商业企业's header wraps one character a line, and pdfminer prints it with its column after all the others.
    from evaluation.content import content_of
    from evaluation.mutations import MUTATIONS
    from evaluation.synth import render
    from evaluation.synth.build import build_report
    from evaluation.synth.names import make_agency
    from extraction.ingest import read_source

    rng = random.Random(seed)
    model = build_report(rng, f"colmaj_{seed}", make_agency(rng), 2022, 0.0)
    content = content_of(read_source("report.html", render(model, "html")))
    path = tmp_path / "report.txt"
    path.write_bytes(MUTATIONS["pdfminer-text"](content).data)
    report = audit(path)
    assert report.format == "text-blocks"
    assert {k: c.value for k, c in report.cells.items()} == {k: model.cells[k] for k in report.cells}
    from extraction import active_stream, column_major, headed_cells

    ours = (column_major.BY_COLUMN[:4], column_major.AGREED[3:], headed_cells.NOTE, active_stream.NOTE)
    assert any(any(note in c.placement for note in ours) for c in report.cells.values())


@pytest.mark.parametrize("rules", [(0, 0, 0), (2, 0, 5)])
def test_an_active_row_is_read_where_every_column_prints_the_same_number(rules: tuple[int, int, int],
                                                                          tmp_path: Path) -> None:
    # 表二's first group through pdfminer: a column's cells come together, the columns in no order the text tells.
    # A 规章 row printing 0 in every column is 0 whichever column is which; a row whose columns differ stays unread.
    from evaluation.content import content_of
    from evaluation.mutations import MUTATIONS
    from evaluation.synth import render
    from evaluation.synth.build import build_report
    from evaluation.synth.names import make_agency
    from extraction.ingest import read_source

    rng = random.Random(7)
    model = build_report(rng, "active_rows", make_agency(rng), 2022, 0.0)
    group = load_spec().versions[model.version].active[0]
    columns = [c["key"] for c in group.columns]
    model.cells.update({f"active.rules.{c}": v for c, v in zip(columns, rules)})
    model.cells.update({f"active.normative_docs.{c}": v for c, v in zip(columns, (3, 1, 9))})
    content = content_of(read_source("report.html", render(model, "html")))
    path = tmp_path / "report.txt"
    path.write_bytes(MUTATIONS["pdfminer-text"](content).data)
    cells = {k: c.value for k, c in audit(path).cells.items()}
    read = {k: v for k, v in cells.items() if k.startswith(("active.rules.", "active.normative_docs."))}
    assert read == ({f"active.rules.{c}": 0 for c in columns} if rules == (0, 0, 0) else {})


def wrapped_review_text(values: list[int], between: str | None = None, third_total: bool = True) -> str:
    """Given 表四's 15 numbers in the template's order, return a report whose 表四 pdfminer printed the way it prints
    a browser-printed page: the first two groups' headers, 未经复议直接起诉's 总计, the third group's four outcome
    headers and its four outcomes, its 总计 header, then its 总计 (neither where not third_total: pdfminer groups
    them with a box away from the table) and the first two groups' other numbers (the row started at one cell and
    wrapped around); `between` a line printed before the last four numbers."""
    heads = [line for text in OUTCOMES for line in (text, "")]
    printed = values[9:10] + values[10:14] + values[14:15] + values[:5] + values[5:9]
    table = ["行政复议", "", "行政诉讼", ""] + heads + ["未经复议直接起诉", "", "复议后起诉", ""] + heads
    table += [str(printed[0]), ""] + heads[:8] + [line for v in printed[1:5] for line in (str(v), "")]
    table += ["总", "计", ""] if third_total else []
    table += [line for v in printed[5 if third_total else 6:11] for line in (str(v), "")]
    table += ([between, ""] if between else []) + [line for v in printed[11:] for line in (str(v), "")]
    lines = pdfminer_text(consistent_grid(1)).split("\n")
    at = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    return "\n".join(lines[:at + 2] + table + lines[at + 2:])


@pytest.mark.parametrize("values", [[1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4],
                                    [0, 0, 0, 0, 0, 1, 0, 1, 1, 3, 3, 2, 3, 3, 11],
                                    [1, 2, 1, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]])
def test_review_numbers_printed_as_a_wrapped_row_are_read_where_their_headers_place_the_groups(
        values: list[int], tmp_path: Path) -> None:
    cells = review_cells(wrapped_review_text(values), tmp_path)
    assert cells == dict(zip(REVIEW_KEYS, values))


def test_a_wrapped_review_row_that_breaks_its_identities_is_not_read(tmp_path: Path) -> None:
    values = [1, 0, 2, 0, 4, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]  # 行政复议's outcomes add to 3, its 总计 prints 4
    assert review_cells(wrapped_review_text(values), tmp_path) == {}


@pytest.mark.parametrize("values", [[1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4],
                                    [0, 0, 0, 0, 0, 1, 0, 1, 1, 3, 3, 2, 3, 3, 11]])
def test_a_wrapped_review_row_missing_its_third_total_reads_the_other_fourteen(values: list[int],
                                                                                  tmp_path: Path) -> None:
    # synth_11_057's page through pdfminer: the third group's 总计 header and number are printed away from the
    # table, fourteen numbers among the headers; the groups' identities place them, and the 总计 not printed
    # stays unread.
    cells = review_cells(wrapped_review_text(values, third_total=False), tmp_path)
    want = dict(zip(REVIEW_KEYS, values))
    del want["litigation.after_review.total"]
    assert cells == want


def test_a_wrapped_review_row_one_short_reads_no_cell_its_readings_tell_apart(tmp_path: Path) -> None:
    # Fourteen zeros after the third group's four headers: the cell not printed may be any the headers do not
    # name, so only the numbers printed under a header are read.
    cells = review_cells(wrapped_review_text([0] * 15, third_total=False), tmp_path)
    named = ["litigation.direct.total", *(f"litigation.after_review.{o}" for o in ("maintained", "corrected",
                                                                                  "other", "pending"))]
    assert cells == {key: 0 for key in named}


def test_a_wrapped_review_row_one_short_that_breaks_an_identity_is_not_read(tmp_path: Path) -> None:
    values = [1, 0, 2, 0, 4, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]  # 行政复议's outcomes add to 3, its 总计 prints 4
    assert review_cells(wrapped_review_text(values, third_total=False), tmp_path) == {}


TOTAL_RUN = ["总", "计", ""] + [line for n in range(23) for line in (str(n % 4), "")]  # 表三's 总计, 2019's 23 rows


def test_review_numbers_read_under_their_headers_set_another_tables_column_aside(tmp_path: Path) -> None:
    # synth_11_118's page through pdfminer: 表三's 总计 header and its 23 numbers come between 复议后起诉's 总计
    # header and its number.
    values = [6, 1, 3, 3, 13, 1, 0, 1, 1, 3, 2, 1, 2, 1, 6]
    lines = review_text(values).split("\n")
    at = len(lines) - 1 - lines[::-1].index("总计")
    assert lines[at + 2] == "6"
    lines[at:at] = TOTAL_RUN
    assert review_cells("\n".join(lines), tmp_path) == dict(zip(REVIEW_KEYS, values))


def test_review_numbers_printed_after_a_row_of_its_headers_are_read_with_other_numbers_after_them(tmp_path: Path) -> None:
    # Every header printed first, then the fifteen numbers and, in the same run, the next box's: the run follows
    # fifteen headers, not one, so it is 表四's row and the numbers past it are no cell.
    values = [1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]
    lines = review_text(values, headers_first=15).split("\n")
    first = lines.index("行政复议") + 4 + 2 * 15  # the title, 行政诉讼, then fifteen headers, each with a blank line
    assert lines[first:first + 30:2] == [str(v) for v in values]
    lines[first + 30:first + 30] = ["2", "", "5", ""]
    assert review_cells("\n".join(lines), tmp_path) == dict(zip(REVIEW_KEYS, values))


def test_a_wrapped_review_row_sets_another_tables_column_after_its_top_left_header_aside(tmp_path: Path) -> None:
    # synth_11_097's page: 表三's 总计 column printed right after 行政复议 / 行政诉讼, before 表四's own boxes.
    values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2]
    lines = wrapped_review_text(values).split("\n")
    at = lines.index("行政诉讼") + 2
    lines[at:at] = TOTAL_RUN
    assert review_cells("\n".join(lines), tmp_path) == dict(zip(REVIEW_KEYS, values))


def test_a_wrapped_review_row_with_text_among_its_numbers_is_not_read(tmp_path: Path) -> None:
    # A line that is no piece of a header ends 表四's run: eleven numbers are not its fifteen cells.
    values = [1, 0, 2, 0, 3, 12, 0, 0, 1, 13, 0, 4, 0, 0, 4]
    assert review_cells(wrapped_review_text(values, between="注：本表单位为件"), tmp_path) == {}


@pytest.mark.parametrize("wrong", [False, True])
def test_a_total_column_printed_after_other_numbers_is_read_under_its_header(wrong: bool, tmp_path: Path) -> None:
    # pdfminer groups the 总计 column with a box further down the page: another table's numbers come between the
    # part runs and 总计's header and run. The parts are one run each, 总计 starts right after its header.
    grid = consistent_grid(4)
    if wrong:
        grid[3][6] += 2  # and the table prints one wrong total: read as printed, its failure a finding
    lines = pdfminer_text(grid).split("\n")
    at = len(lines) - 1 - lines[::-1].index("总计")
    lines[at:at] = [line for value in [2, 0, 1, 1, 4, 0, 0, 0, 0, 0, 7, 3, 1, 0] for line in (str(value), "")]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = audit(path)
    assert {k: c.value for k, c in report.cells.items() if k.startswith("requests.")} == expected(grid)
    assert "总计列印在其他数字之后" in report.cells["requests.new.total"].placement
    row_totals = [f.fields["cells"] for f in report.findings if f.fields.get("identity") == "T3.row_total"]
    assert row_totals == ([{f"requests.{ROWS[3].key}.total": grid[3][6]}] if wrong else [])


def test_a_total_run_after_other_numbers_with_no_header_before_it_is_not_read(tmp_path: Path) -> None:
    grid = consistent_grid(4)
    lines = pdfminer_text(grid).split("\n")
    at = len(lines) - 1 - lines[::-1].index("总计")
    lines[at:at + 2] = [line for value in [2, 0, 1, 1, 4, 0, 0, 0, 0, 0, 7, 3, 1, 0] for line in (str(value), "")]
    cells = requests_cells("\n".join(lines), tmp_path)
    assert not any(k.endswith(".natural_person") for k in cells)


def test_a_natural_persons_only_table_with_its_total_printed_after_other_numbers_is_read(tmp_path: Path) -> None:
    grid = [row[:1] + [0] * 5 + row[:1] for row in consistent_grid(5)]
    lines = pdfminer_text(grid, printed_parts=0).split("\n")
    at = len(lines) - 1 - lines[::-1].index("总计")
    lines[at:at] = [line for value in [2, 0, 1, 1, 4, 0, 0, 0, 0, 0, 7, 3, 1, 0] for line in (str(value), "")]
    want = {k: (None if k.rsplit(".", 1)[1] not in ("natural_person", "total") else v) for k, v in expected(grid).items()}
    assert requests_cells("\n".join(lines), tmp_path) == want


def procurement_report(tmp_path: Path, seed: int = 3) -> tuple[dict[str, Any], Path]:
    """Given a seed, return a 2019-format synthetic report's cells and the pdfminer text of its HTML page printed
    to PDF, written under tmp_path."""
    from evaluation.content import content_of
    from evaluation.mutations import MUTATIONS
    from evaluation.synth import render
    from evaluation.synth.build import build_report
    from evaluation.synth.names import make_agency
    from extraction.ingest import read_source

    rng = random.Random(seed)
    model = build_report(rng, "procurement", make_agency(rng), 2020, 0.0)
    content = content_of(read_source("report.html", render(model, "html")))
    path = tmp_path / "report.txt"
    path.write_bytes(MUTATIONS["pdfminer-text"](content).data)
    return model.cells, path


def test_a_one_row_active_group_reads_each_number_printed_alone_under_its_header(tmp_path: Path) -> None:
    # 2019's 政府集中采购 through pdfminer: 采购项目数量 / 152, 采购总金额 / 22734.68 — each header's box grouped with
    # the one cell under it.
    from extraction import active_stream

    model, path = procurement_report(tmp_path)
    cells = audit(path).cells
    keys = ["active.procurement.projects", "active.procurement.amount"]
    assert {k: cells[k].value for k in keys if k in cells} == {k: model[k] for k in keys}
    assert all(cells[k].placement == active_stream.UNDER_HEADER for k in keys)


def test_a_one_row_active_groups_header_printed_twice_places_no_number(tmp_path: Path) -> None:
    _, path = procurement_report(tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index("采购总金额")
    path.write_text(text[:at] + "采购项目数量\n\n" + text[at:], encoding="utf-8")
    cells = audit(path).cells
    assert "active.procurement.projects" not in cells
    assert cells["active.procurement.amount"].placement == "表二单行多列的组：该数字单独紧接其列表头印出（表头在表二中只印一次）"
