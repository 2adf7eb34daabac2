"""The running text a PDF converter makes of a report (issue 9): lines hard-wrapped at the page width, and prose a
converter took for a form (MarkItDown cuts justified lines into pipe-table columns at their word gaps and puts digits
set in another font on a row of their own). Each rule on text generated here from the seed report."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from evaluation.content import content_of
from evaluation.mutations import as_text, html2text_markdown, markdown_heading, markdown_table, missing_tool, text_lines
from extraction.ingest import read_source
from extraction.ingest.text import (display_width, is_prose_grid, number_row_cells, pipe_cells, prose_of_grid, read_text,
                                    whitespace_cells)
from extraction.pipeline import audit
from extraction.segment import segment
from extraction.spec import load_spec
from extraction.tables import parse_tables

from conftest import SEED, gold_of

WIDTH = 80  # display columns of a wrapped line: 40 characters, an A4 page at 10.5 pt


def linked(path: Path, data: bytes) -> Counter[tuple[float, str]]:
    """Given a file's name and bytes, return its linked mentions as (value, metric)."""
    return Counter((m.value, m.metric) for m in audit(path, data).mentions if m.metric)


def hard_wrapped(paragraph: str, width: int = WIDTH) -> list[str]:
    """Given a paragraph, return it broken into lines of at most `width` display columns, wherever the width falls
    (mid-word, mid-number kept whole as a PDF line breaker does)."""
    lines, line = [], ""
    for token in _tokens(paragraph):
        if line and display_width(line + token) > width:
            lines.append(line)
            line = ""
        line += token
    return lines + [line] if line else lines


def _tokens(text: str) -> list[str]:
    """Given text, return its characters with each run of digits kept as one token."""
    out: list[str] = []
    for ch in text:
        if out and ch.isdigit() and out[-1][-1].isdigit():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def seed_markdown(wrap: bool) -> bytes:
    """Given whether to hard-wrap its paragraphs, return the seed report as markdown (tables as pipe tables)."""
    content = content_of(read_source(SEED))
    lines: list[str] = []
    for line in text_lines(content, markdown_table, markdown_heading):
        lines += hard_wrapped(line) if wrap and line and not line.startswith(("|", "#")) else [line]
    return as_text(lines, "md").data


def test_hard_wrapped_paragraphs_link_as_the_unwrapped_text() -> None:
    """The seed's paragraphs broken at 40 characters wherever the width falls (制\\n发, 结转\\n17件) link every figure as
    the same paragraphs on one line each, and the tables read the same."""
    wrapped, whole = seed_markdown(wrap=True), seed_markdown(wrap=False)
    assert max(display_width(line) for line in wrapped.decode("utf-8").split("\n") if not line.startswith("|")) <= WIDTH
    assert linked(Path("seed.md"), wrapped) == linked(Path("seed.md"), whole)
    assert sum(linked(Path("seed.md"), whole).values()) >= 10


def test_a_short_line_ending_mid_sentence_is_not_joined_in_a_file_of_paragraphs() -> None:
    """A file whose lines are paragraphs (most long lines end their sentence) is not hard-wrapped: a heading-less
    line stays its own sentence."""
    text = "\n".join(["全年共受理政府信息公开申请120件，办结118件。" * 3, "上年结转", "2件，本年度办结。" * 4,
                      "依申请公开情况良好，全年共受理申请120件。" * 3])
    assert "上年结转\n2件" in segment(read_text(Path("r.md"), text.encode("utf-8"), "0")).text


def test_a_line_starting_with_an_enumeration_comma_goes_on_the_line_above() -> None:
    """、其他结果4件 cannot start a line of its own: the line above was cut before it."""
    text = "全年被申请行政复议6件，其中结果维持2件\n、其他结果4件。\n"
    assert "结果维持2件、其他结果4件" in segment(read_text(Path("r.txt"), text.encode("utf-8"), "0")).text


# A paragraph as MarkItDown prints a PDF page it takes for a form: the line's words cut into columns at their gaps,
# the digits (another font, another height) on a row of their own under the words they precede.
PROSE_GRID = [
    "| 和针对性。2024 |  | 年，全市共受理政府信息公开申请 | 3119 | 件，答 |  |  |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    "| 复 3050 | 件（含上年度结转申请 |  | 34 | 件）。政府信息公开行政复议 |  | 351 |",
    "| 件，其中结果维持 |  | 件，结果纠正 |  | 件，其他结果 |  | 件，尚 |",
    "|  | 72 |  | 64 |  | 178 |  |",
    "| 未审结 | 37 件。 |  |  |  |  |  |",
]
PROSE_TEXT = ("和针对性。2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件）。政府信息公开行政复议351件，"
              "其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件。")


def test_prose_cut_into_columns_is_read_as_its_sentence() -> None:
    """A run of pipe rows most of which are sentences is prose: read as one line, each row of digits put back before
    the words of its column in the line above (72 件，结果纠正), never as a table."""
    rows = [pipe_cells(line) for line in PROSE_GRID if "---" not in line]
    assert is_prose_grid(rows)
    text = prose_of_grid(rows)
    assert "结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件。" in text
    source = read_text(Path("r.md"), "\n".join(PROSE_GRID).encode("utf-8"), "0")
    assert source.tables == [] and len(source.lines) == 1


def test_prose_cut_into_columns_links_as_the_printed_paragraph() -> None:
    """The paragraph's figures link from the prose grid as from the paragraph printed plainly."""
    grid = "\n".join(["二、依申请公开情况", *PROSE_GRID]).encode("utf-8")
    plain = "\n".join(["二、依申请公开情况", PROSE_TEXT]).encode("utf-8")
    found = linked(Path("r.md"), grid)
    expected = linked(Path("r.txt"), plain)
    assert found == expected and sum(expected.values()) >= 5


def test_table_rows_with_notes_stay_a_table() -> None:
    """表三 rows whose label carries a note with commas (in brackets, or cut by the converter's line and followed by
    the row's numbers) are table rows, not prose."""
    rows = [["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "56", "", "56"],
            ["处理的，只计这一情形", "90", "5 0", "98"],
            ["（本列数据的勾稽关系为：第一项加第二项之和，", "", "法人或其他组织"],
            ["形，不计其他情形）", "", ""]]
    assert not is_prose_grid(rows)


def spaced_digits(paragraph: str) -> str:
    """Given a paragraph, return it with a space either side of each run of digits (a PDF's digits set in a Latin
    font, which a text export parts from the characters around them: 申请 3119 件)."""
    return "".join(f" {t} " if t[0].isdigit() else t for t in _tokens(paragraph)).strip()


def seed_page_text() -> bytes:
    """Return the seed report as a PDF library's text export prints its pages: paragraphs wrapped at the width with
    digits spaced, table rows as one line each, the cells apart by single spaces."""
    content = content_of(read_source(SEED))
    table_lines = lambda table: [" ".join(t.replace("\n", "") for t in row if t) for row in table.rows]  # noqa: E731
    lines: list[str] = []
    for line in text_lines(content, table_lines, gap=False):
        lines += hard_wrapped(spaced_digits(line)) if "。" in line or "，" in line else [line]
    return as_text(lines).data


def test_wrapped_prose_ending_in_a_figure_is_not_a_table_row() -> None:
    """In a page's text export, a wrapped line of prose that ends in a figure (…政府信息公开行政复议 351) is prose, not
    a whitespace row: the seed's figures link as in the seed itself. A label with a note and its numbers stays a row."""
    data = seed_page_text()
    assert read_text(Path("seed.txt"), data, "0").format == "text-whitespace"
    assert linked(Path("seed.txt"), data) == linked(SEED, SEED.read_bytes())
    assert whitespace_cells("答复），均在法定期限内予以答复。政府信息公开行政复议 351") is None
    assert whitespace_cells("的，只计这一情形，不计其 0 0 0 0 0 0 0") is not None


SPEC = load_spec()
REQUESTS_HEADER = ["申请人情况", "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]


def requests_lines(cells: dict[str, object], wrap_at: int, numbers_alone: bool, left_out: str) -> list[str]:
    """Given a report's cells, return its 表三 as a PDF library prints a narrow label column: a label longer than
    `wrap_at` characters on two lines, its numbers on the second (or on a line of their own between the two when
    `numbers_alone`), the group labels on lines of their own, one row (`left_out`) not printed."""
    lines = list(REQUESTS_HEADER)
    groups: list[str] = []
    for row in SPEC.versions["v2021"].requests_rows:
        if row.group and row.group not in groups:
            groups.append(row.group)
            lines.append(row.group)
        if row.key == left_out:
            continue
        numbers = " ".join(str(cells[f"requests.{row.key}.{col}"]) for col in SPEC.column_keys)
        head, tail = row.label[:wrap_at], row.label[wrap_at:]
        lines += ([f"{row.label} {numbers}"] if not tail else [head, numbers, tail] if numbers_alone
                  else [head, f"{tail} {numbers}"])
    return lines


@pytest.mark.parametrize("numbers_alone", [False, True])
def test_a_label_wrapped_over_its_numbers_places_its_row(numbers_alone: bool) -> None:
    """A 表三 label wrapped in a narrow column (一、本年新收政府 / 信息公开申请数量 21 0 …, or its numbers alone between
    its two lines) names its row by its lines joined, where the printed rows do not line up with the national order
    (a row left out): every printed row is read, none wrong."""
    gold = gold_of(SEED)["cells"]
    left_out = "result.other.other"
    data = "\n".join(requests_lines(gold, 8, numbers_alone, left_out)).encode("utf-8")
    source = read_text(Path("r.txt"), data, "0")
    assert source.format == "text-whitespace"
    cells = {k: c.value for k, c in parse_tables(source.tables, 2021).cells.items()}
    printed = {k: v for k, v in gold.items() if k.startswith("requests.") and f".{left_out}." not in k}
    assert {k: v for k, v in cells.items() if k in printed and v != printed[k]} == {}
    assert set(printed) <= set(cells)


def test_numbers_printed_before_a_whole_label_are_not_its_rows() -> None:
    """Numbers printed above their label (10 … / 1.本机关不掌握相关政府信息 / 3 … / 2.没有现成信息需要另行制作): a whole
    label above a row of numbers alone may be the row above's, so it places nothing; the rows stay unread, never
    read one row down."""
    lines = [*REQUESTS_HEADER, "（四）无法提供", "10 0 0 0 0 0 10", "1.本机关不掌握相关政府信息", "3 0 0 0 0 0 3",
             "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确 0 0 0 0 0 0 0"]
    cells = parse_tables(read_text(Path("r.txt"), "\n".join(lines).encode("utf-8"), "0").tables, 2021).cells
    assert cells.get("requests.result.unable.not_held.total") is None
    assert cells.get("requests.result.unable.needs_creation.total") is None


def test_a_row_printed_as_a_line_under_its_header_table_is_read() -> None:
    """A converter's table that stops at its header, the row printed under it as a line (行政事业性收费 3957.82), reads
    that row under the header."""
    text = "\n".join(["第二十条第（八）项", "| 信息内容 |     | 本年收费金额（单位：万元） |     |", "| --- | --- | --- | --- |",
                      "行政事业性收费 3957.82", "三、收到和处理政府信息公开申请情况"]).encode("utf-8")
    cells = parse_tables(read_text(Path("r.md"), text, "0").tables, 2023).cells
    assert cells["active.admin_fees.amount_wan_yuan"].value == 3957.82


def test_review_numbers_under_a_scattered_header_are_read_as_the_whole_table() -> None:
    """表四's header cut by a converter into lines of word pieces, its 15 numbers on one line of their own: the line is
    the table's one row; a sentence that lists a few numbers is not."""
    gold = gold_of(SEED)["cells"]
    keys = [c["key"] for c in SPEC.review_litigation_columns]
    numbers = " ".join(str(gold[k]) for k in keys)
    text = "\n".join(["| 信息内容 | 本年处理决定数量 |", "| --- | --- |", "| 行政许可 | 5 |", "",
                      "四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼", "结 其 尚", "结果维 果 他 未 总",
                      numbers, "五、存在的主要问题及改进情况"]).encode("utf-8")
    cells = parse_tables(read_text(Path("r.md"), text, "0").tables, 2021).cells
    assert {k: cells[k].value for k in keys} == {k: gold[k] for k in keys}
    assert number_row_cells("2 0 2 1 年") is None and number_row_cells("1 2 3") is None


def test_a_labelled_row_of_null_marks_is_a_row_of_blanks() -> None:
    """A 表二 row that reports nothing (规章 / / /) is read as blank cells, not as prose; a page footer is no row."""
    text = "\n".join(["第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 / / /",
                      "行政规范性文件 25 12 90", "第二十条第（五）项", "信息内容 本年处理决定数量", "行政许可 53272"])
    cells = parse_tables(read_text(Path("r.txt"), text.encode("utf-8"), "0").tables, 2023).cells
    assert [cells[f"active.rules.{k}"].value for k in ("issued", "repealed", "in_force")] == [None, None, None]
    assert cells["active.normative_docs.in_force"].value == 90
    assert whitespace_cells("- 4 -") is None and whitespace_cells("规章 /") is None


def test_a_group_label_beside_a_wrapped_row_label_is_not_the_rows() -> None:
    """A group's label printed on the line of its first row's numbers, the row's own label wrapped around them
    (1.信访举报投诉类 / （五）不予处理 2 0 0 0 0 0 2 / 申请), places the row by its wrapped label."""
    lines = [*REQUESTS_HEADER, "1.信访举报投诉类", "（五）不予处理 2 0 0 0 0 0 2", "申请", "2.重复申请 1 0 0 0 0 0 1",
             "3.要求提供公开出版物 0 0 0 0 0 0 0"]
    cells = parse_tables(read_text(Path("r.txt"), "\n".join(lines).encode("utf-8"), "0").tables, 2021).cells
    assert cells["requests.result.not_processed.petition_complaint.total"].value == 2
    assert cells["requests.result.not_processed.repeated.total"].value == 1


def test_a_label_wrapped_over_lines_above_a_converters_table_names_its_row() -> None:
    """MarkItDown prints a narrow label column's lines as prose above and below a table of the row's numbers, the
    group's label (（六）其他处理) in the row beside them: the lines right above name the row (1.申请人无正当理 /
    由逾期不补正、行), never the 2019 row the group's label names."""
    lines = ["| 信息 | 自然人 | 总计 |", "| --- | --- | --- |", "| 一、本年新收政府信息公开申请数量 | 6 | 6 |", "",
             "1.申请人无正当理", "由逾期不补正、行", "|     | （六）其他处理 | 6 | 0 0 | 0 0 | 0 6 |",
             "| --- | --- | --- | --- | --- | --- |", "政机关不再处理其", "政府信息公开申请", "2.申请人逾期未按", "收费通知要求缴纳",
             "|     | 费用、行政机关不 | 1 | 0 0 | 0 0 | 0 1 |", "| --- | --- | --- | --- | --- | --- |", "再处理其政府信息"]
    cells = parse_tables(read_text(Path("r.md"), "\n".join(lines).encode("utf-8"), "0").tables, 2021).cells
    assert cells["requests.result.other.no_correction.total"].value == 6
    assert cells["requests.result.other.fee_unpaid.total"].value == 1
    assert not [k for k in cells if k.startswith("requests.result.other.") and k.count(".") == 3]


SYNTHETIC = Path(__file__).resolve().parents[1] / "corpus" / "synthetic"


@pytest.mark.parametrize("name", ["synth_2_000.pdf", "synth_2_010.txt"])
def test_html2text_wrapping_by_characters_links_as_the_report(name: str) -> None:
    """html2text wraps a page's paragraphs at 78 characters, breaking only at the spaces around figures: lines of
    unequal display width. They join where they reach the character count: every figure links as in the report."""
    if (why := missing_tool("html2text")) is not None:
        pytest.skip(why)
    document = SYNTHETIC / name
    variant = html2text_markdown(content_of(read_source(document)))
    assert linked(Path("r.md"), variant.data) == linked(document, document.read_bytes())
