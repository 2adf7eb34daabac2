"""extraction.ingest.pdf: real reports from the shared corpus, and small PDFs drawn with reportlab."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.document import IngestError, RawTable, Source
from extraction.ingest import read_source
from extraction.ingest.pdf import FOOTER, dedupe_chars, first_drawn, merge_rules, read_pdf

canvas = pytest.importorskip("reportlab.pdfgen.canvas")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
HEIGHT = 842.0


def real(name: str) -> Source:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"shared corpus not present: {path} (real-report tests need ../shared/corpus/real)")
    return read_source(path)


def read(path: Path) -> Source:
    data = path.read_bytes()
    return read_pdf(path, data, hashlib.sha256(data).hexdigest())


def texts(row: list) -> list[str | None]:
    return [cell.text if cell is not None else None for cell in row]


def find_row(tables: list[RawTable], label: str) -> list[str | None]:
    for table in tables:
        for row in table.rows:
            if any(cell is not None and label in cell.text for cell in row):
                return texts(row)
    raise AssertionError(f"no table row has {label!r}")


def find_numbers(tables: list[RawTable], numbers: list[str]) -> list[str | None]:
    for table in tables:
        for row in table.rows:
            if texts(row)[-len(numbers) :] == numbers:
                return texts(row)
    raise AssertionError(f"no table row ends with {numbers}")


def joined(source: Source) -> str:
    return "".join(line.text.replace(" ", "") for line in source.lines)


# --- real reports --------------------------------------------------------------------------------


def test_huaian_ruled_tables() -> None:
    source = real("huaian_2024.pdf")
    assert source.format == "pdf" and source.pages == 6
    row = find_row(source.tables, "一、本年新收政府信息公开申请数量")
    assert row[-7:] == ["3001", "53", "0", "0", "61", "4", "3119"]
    find_numbers(source.tables, "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20".split())
    assert "三、\n本\n年\n度\n办\n理\n结\n果" in find_row(source.tables, "（一）予以公开")
    assert "结果\n维持" in find_row(source.tables, "未经复议直接起诉")  # '结 果' printed with a gap
    # table 三 continues on page 5 as its own table, in page order
    pages = [t.where.page for t in source.tables]
    assert pages == sorted(pages) and pages.count(5) == 2
    assert find_row(source.tables, "2.没有现成信息需要另行制作")[:2] == ["", "法提供"]


def test_huaian_lines_are_narrative_in_reading_order() -> None:
    source = real("huaian_2024.pdf")
    text = joined(source)
    assert "全市共受理政府信息公开申请3119件" in text
    headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"]
    positions = [next(i for i, line in enumerate(source.lines) if line.text == h) for h in headings]
    assert positions == sorted(positions)
    assert not any("3001 53" in line.text or "本年新收" in line.text for line in source.lines)
    assert not any(FOOTER.fullmatch(line.text.strip()) for line in source.lines)
    # the text box on page 1 is running text, not a table
    assert any(line.text.startswith("本报告由淮安市人民政府办公室") for line in source.lines)
    table3 = next(t for t in source.tables if any("本年新收" in (c.text if c else "") for r in t.rows for c in r))
    assert source.lines[table3.line_index - 1].text == "三、收到和处理政府信息公开申请情况"
    assert all(line.where.page and line.where.bbox for line in source.lines)
    assert source.meta["title"] == "政府信息公开工作年度报告"


def test_hongze_table_four_and_hidden_boxes() -> None:
    source = real("hongze_2023.pdf")
    find_numbers(source.tables, ["5", "0", "0", "0", "0"])
    # white boxes behind the narrative on page 2 must not join it to table 二 below
    assert "一律不准发布。" in [line.text for line in source.lines]
    assert texts(source.tables[0].rows[0]) == ["第二十条第（一）项", None, None, None]
    # table 三 is cut by the page break with no rule drawn there: its cells still close
    assert find_row(source.tables, "（一）予以公开")[0] == "三\n、\n本\n年\n度\n办\n理\n结\n果"


def test_shuyang_print_blank_cells_and_header_block() -> None:
    source = real("shuyang_fgj_2023_print.pdf")
    row = find_row(source.tables, "一、本年新收政府信息公开申请数量")
    assert row[-7:] == ["26", "", "", "", "", "", "26"]
    assert source.meta["发布机构"] == "沭阳县发展和改革局"
    assert source.meta["公开日期"] == "2024-01-17"
    assert source.meta["名称"] == "沭阳县发展和改革局2023年政府信息公开年度报告"


def test_truncated_real_pdf_is_corrupt(tmp_path: Path) -> None:
    path = REAL / "huaian_2024.pdf"
    if not path.exists():
        pytest.skip(f"shared corpus not present: {path}")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(IngestError) as err:
        read_source(broken)
    assert err.value.code == "corrupt" and str(broken) in err.value.message


# --- generated PDFs --------------------------------------------------------------------------------

COLUMNS = [320 + 36 * i for i in range(7)]  # x centres of the 7 value columns


def draw_page(c, items: list[tuple[float, float, str]], size: float = 9, centred: bool = False) -> None:
    """Draw (x, top, text) items; numbers are centred on x."""
    c.setFont(FONT, size)
    for x, top, text in items:
        y = HEIGHT - top - size
        if text.replace(".", "").isdigit() or centred:
            c.drawCentredString(x, y, text)
        else:
            c.drawString(x, y, text)


def unruled_pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    c.setTitle("生成的年度报告")
    items: list[tuple[float, float, str]] = [
        (60, 60, "（二）依申请公开情况。全年共受理政府信息公开申请 3 件，在运维新媒体共计 95"),
        (60, 75, "个，均按时答复。"),
        (60, 100, "三、收到和处理政府信息公开申请情况"),
    ]
    items += [(x, 125, h) for x, h in zip(COLUMNS, ["自然人", "商业", "科研", "公益", "法律", "其他", "总计"])]
    items.append((60, 125, "项目"))

    def row(top: float, label: str | None, values: list[str | None]) -> None:
        if label:
            items.append((60, top, label))
        items.extend((x, top, v) for x, v in zip(COLUMNS, values) if v is not None)

    row(145, "一、本年新收政府信息公开申请数量", ["3", "0", "0", "0", "0", "0", "3"])
    row(165, "二、上年结转政府信息公开申请数量", ["5", None, None, None, None, None, "5"])
    # a wrapped label with its numbers on the middle line
    items.append((60, 183, "（二）部分公开（区分处理的，只计这一情"))
    row(195, None, ["447", "7", "0", "0", "0", "0", "454"])
    items.append((60, 207, "形，不计其他情形）"))
    # a vertical group label, one character per line, beside the leaf rows
    for i, ch in enumerate(["三、", "本", "年", "度", "办", "理", "结", "果"]):
        items.append((60, 225 + 12 * i, ch))
    items.append((85, 237, "（三）不"))
    items.append((85, 249, "予公开"))
    row(237, None, ["2", "0", "0", "0", "0", "0", "2"])
    items.append((150, 237, "1.属于国家秘密"))
    row(261, None, ["30", "1", "0", "0", "0", "0", "31"])
    items.append((150, 261, "2.其他法律行政法规禁止公开"))
    items.append((60, 330, "四、政府信息公开行政复议、行政诉讼情况"))
    items += [(60 + 32 * i, 360, n) for i, n in enumerate("72 64 178 37 351 13 4 8 1 26 12 1 1 6 20".split())]
    items.append((60, 400, "五、存在的主要问题及改进情况"))
    draw_page(c, items)
    draw_page(c, [(297, 800, "- 1 -")], centred=True)
    c.showPage()
    c.save()
    return path


def test_unruled_table_rows(tmp_path: Path) -> None:
    source = read(unruled_pdf(tmp_path / "unruled.pdf"))
    assert [line.text for line in source.lines] == [
        "（二）依申请公开情况。全年共受理政府信息公开申请 3 件，在运维新媒体共计 95",
        "个，均按时答复。",
        "三、收到和处理政府信息公开申请情况",
        "项目 自然人 商业 科研 公益 法律 其他 总计",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ]
    table = source.tables[0]
    assert table.positional and table.line_index == 4 and table.where.page == 1
    rows = [texts(r) for r in table.rows]
    assert rows[0] == ["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"]
    assert rows[1] == ["二、上年结转政府信息公开申请数量", "5", "", "", "", "", "", "5"]
    assert rows[2] == ["（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）", "447", "7", "0", "0", "0", "0", "454"]
    assert rows[3][-8:] == ["1.属于国家秘密", "2", "0", "0", "0", "0", "0", "2"]
    assert "三、本年度办理结果" in rows[3] and "（三）不\n予公开" in rows[3]
    assert rows[4] == ["2.其他法律行政法规禁止公开", "30", "1", "0", "0", "0", "0", "31"]
    assert len(rows) == 5
    four = source.tables[1]
    assert texts(four.rows[0]) == "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20".split() and not four.positional
    assert four.line_index == 5
    assert source.meta == {"title": "生成的年度报告"}


def test_unruled_table_two_single_values_and_slashes(tmp_path: Path) -> None:
    """表二 without rules: "/" cells make a row, a one-number row under its header line is a table row, and the
    caption of the next subtable is not taken for a wrapped label of the row above it."""
    from extraction.tables import parse_tables

    path = tmp_path / "two.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    items: list[tuple[float, float, str]] = [(60, 60, "二、主动公开政府信息情况"), (60, 80, "第二十条第（一）项")]
    items += [(60, 100, "信息内容"), (200, 100, "本年制发件数"), (320, 100, "本年废止件数"), (440, 100, "现行有效件数")]
    items += [(60, 118, "规章"), (236, 118, "/"), (356, 118, "/"), (476, 118, "/")]
    items += [(60, 136, "行政规范性文件"), (236, 136, "3"), (356, 136, "0"), (476, 136, "41")]
    items += [(60, 160, "第二十条第（五）项"), (60, 180, "信息内容"), (300, 180, "本年处理决定数量")]
    items += [(60, 198, "行政许可"), (348, 198, "3767"), (60, 222, "第二十条第（六）项")]
    items += [(60, 242, "信息内容"), (300, 242, "本年处理决定数量"), (60, 260, "行政处罚"), (348, 260, "212")]
    items += [(60, 300, "三、收到和处理政府信息公开申请情况")]
    draw_page(c, items)
    c.showPage()
    c.save()
    source = read(path)
    assert [texts(t.rows[-1]) for t in source.tables] == [["行政规范性文件", "3", "0", "41"], ["行政许可", "3767"], ["行政处罚", "212"]]
    cells = parse_tables(source.tables, 2023).cells
    assert cells["active.rules.issued"].raw == "/" and cells["active.rules.issued"].value is None
    assert cells["active.normative_docs.in_force"].value == 41
    assert cells["active.licensing.decisions"].value == 3767 and cells["active.penalty.decisions"].value == 212


def test_unruled_table_cut_by_a_page_break(tmp_path: Path) -> None:
    """表二 without rules, cut by page breaks: a one-number row pushed onto the next page's first line, after its
    table's first row, and a row pushed there alone, its header line left at the foot of the page before, are
    table rows; a page's first line ending in a number after prose is not."""
    from extraction.tables import parse_tables

    path = tmp_path / "cut.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    items: list[tuple[float, float, str]] = [(60, 700, "二、主动公开政府信息情况"), (60, 720, "第二十条第（六）项")]
    items += [(60, 740, "信息内容"), (300, 740, "本年处理决定数量"), (60, 758, "行政处罚"), (348, 758, "212")]
    draw_page(c, items)
    c.showPage()
    items = [(60, 60, "行政强制"), (348, 60, "14"), (60, 740, "第二十条第（八）项")]
    items += [(60, 760, "信息内容"), (200, 760, "本年收费金额（单位：万元）")]
    draw_page(c, items)
    c.showPage()
    draw_page(c, [(60, 60, "行政事业性收费"), (248, 60, "6497.99"), (60, 100, "三、收到和处理政府信息公开申请情况")])
    c.showPage()
    draw_page(c, [(60, 60, "全年召开新闻发布会"), (348, 60, "28"), (60, 100, "五、存在的主要问题及改进情况")])
    c.showPage()
    c.save()
    source = read(path)
    assert [texts(t.rows[-1]) for t in source.tables] == [["行政处罚", "212"], ["行政强制", "14"], ["行政事业性收费", "6497.99"]]
    assert source.lines[-2].text.replace(" ", "") == "全年召开新闻发布会28"
    cells = parse_tables(source.tables, 2023).cells
    assert cells["active.coercion.decisions"].value == 14 and cells["active.admin_fees.amount_wan_yuan"].raw == "6497.99"


def test_unruled_label_wrapped_around_numbers_beside_a_vertical_label(tmp_path: Path) -> None:
    """A row whose label wraps onto the lines above and below its numbers, the only other word on the numbers' line
    a char of the vertical group label beside it (结 of 三、本年度办理结果): the wrapped label is its own, not
    joined to the label of the row above."""
    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    items: list[tuple[float, float, str]] = [(60, 40, "三、收到和处理政府信息公开申请情况")]
    items += [(x, 60, h) for x, h in zip(COLUMNS, ["自然人", "商业", "科研", "公益", "法律", "其他", "总计"])]

    def row(top: float, label: str | None, values: list[str]) -> None:
        if label:
            items.append((130, top, label))
        items.extend((x, top, v) for x, v in zip(COLUMNS, values))

    row(80, "3.要求提供公开出版物", ["3", "0", "0", "0", "0", "0", "3"])
    row(98, "4.无正当理由大量反复申请", ["1", "0", "0", "0", "0", "0", "1"])
    items += [(60, 98, "理"), (60, 110, "结"), (60, 122, "果"), (84, 104, "不予处理")]
    items.append((130, 104, "5.要求行政机关确认或重新出具已获"))
    row(110, None, ["3", "0", "0", "0", "0", "0", "3"])
    items.append((130, 116, "取信息"))
    row(134, "（六）其他处理", ["68", "2", "0", "0", "0", "0", "70"])
    items.append((60, 170, "四、政府信息公开行政复议、行政诉讼情况"))
    draw_page(c, items)
    c.showPage()
    c.save()
    table = read(path).tables[0]
    assert find_row([table], "4.无正当理由")[-8:] == ["4.无正当理由大量反复申请", "1", "0", "0", "0", "0", "0", "1"]
    assert find_row([table], "5.要求")[-8:] == ["5.要求行政机关确认或重新出具已获\n取信息", "3", "0", "0", "0", "0", "0", "3"]


def test_unruled_sparse_rows_under_a_wrapped_header(tmp_path: Path) -> None:
    """表三 without rules whose rows print only 自然人 and 总计, under a header wrapped over three lines (商业企 / 业,
    其他 half a line lower, 法人或其他组织 over five columns): each number goes to the column named over it."""
    path = tmp_path / "sparse.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    items: list[tuple[float, float, str]] = [(60, 40, "三、收到和处理政府信息公开申请情况"), (430, 70, "法人或其他组织")]
    items += [(x - 12, 82, h) for x, h in zip(COLUMNS[:5] + COLUMNS[6:], ["自然人", "商业企", "科研机", "社会公", "法律服", "总计"])]
    items += [(COLUMNS[5] - 8, 94, "其他")]
    items += [(x - 12, 100, h) for x, h in zip(COLUMNS[1:5], ["业", "构", "益组织", "务机构"])]

    def row(top: float, label: str, first: str, total: str) -> None:
        items.extend([(60, top, label), (COLUMNS[0], top, first), (COLUMNS[6], top, total)])

    row(118, "一、本年新收政府信息公开申请数量", "10", "10")
    row(136, "二、上年结转政府信息公开申请数量", "0", "0")
    row(154, "6.属于四类过程性信息", "1", "0")
    items.append((60, 200, "四、政府信息公开行政复议、行政诉讼情况"))
    draw_page(c, items)
    c.showPage()
    c.save()
    table = read(path).tables[0]
    assert table.positional
    assert find_row([table], "6.属于")[-8:] == ["6.属于四类过程性信息", "1", "", "", "", "", "", "0"]


def test_unruled_sparse_rows_after_a_page_break(tmp_path: Path) -> None:
    """表三 without rules cut by a page break: the rows on the next page print only 自然人 and 总计 and have no header
    over them; they take the columns named on the page before."""
    path = tmp_path / "sparse_cut.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    items: list[tuple[float, float, str]] = [(60, 700, "三、收到和处理政府信息公开申请情况")]
    items += [(x, 725, h) for x, h in zip(COLUMNS, ["自然人", "商业", "科研", "公益", "法律", "其他", "总计"])]
    items += [(60, 745, "一、本年新收政府信息公开申请数量")] + [(x, 745, v) for x, v in zip(COLUMNS, "28 0 0 0 0 1 29".split())]
    items += [(60, 763, "二、上年结转政府信息公开申请数量"), (COLUMNS[0], 763, "1"), (COLUMNS[6], 763, "1")]
    draw_page(c, items)
    c.showPage()
    items = [(60, 60, "（一）予以公开"), (COLUMNS[0], 60, "5"), (COLUMNS[6], 60, "5")]
    items += [(60, 78, "（二）部分公开"), (COLUMNS[0], 78, "0"), (COLUMNS[6], 78, "0")]
    items.append((60, 120, "四、政府信息公开行政复议、行政诉讼情况"))
    draw_page(c, items)
    c.showPage()
    c.save()
    second = read(path).tables[1]
    assert second.positional and second.where.page == 2
    assert [texts(r) for r in second.rows] == [["（一）予以公开", "5", "", "", "", "", "", "5"], ["（二）部分公开", "0", "", "", "", "", "", "0"]]


def test_fake_bold_is_deduplicated(tmp_path: Path) -> None:
    path = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    c.setFont(FONT, 16)
    for dx in (0, 0.3):  # the same glyphs drawn twice, a fraction of a point apart
        c.drawString(100 + dx, 700, "政府信息公开工作年度报告")
    c.drawString(100, 670, "正文 2024 年")
    c.showPage()
    c.save()
    assert [line.text for line in read(path).lines] == ["政府信息公开工作年度报告", "正文 2024 年"]


# chars on a quarter-point grid with a few thousandths added, so that pairs fall at, within and just past the tolerance
NEAR = st.builds(lambda q, jitter: q / 4 + jitter, st.integers(-12, 12), st.sampled_from([0.0, 0.001, -0.001]))
CHARS = st.lists(st.fixed_dictionaries({"text": st.sampled_from(["政", "1", " "]), "x0": NEAR, "top": NEAR,
                                        "size": st.sampled_from([10.0, 10.04, 10.2]), "fontname": st.sampled_from(["F", "G"])}),
                 max_size=40)


@settings(max_examples=300, deadline=None)
@given(CHARS, st.data())
def test_dedupe_keeps_what_the_search_over_every_char_keeps(chars: list, data: st.DataObject) -> None:
    """The twin suspects found in NumPy only narrow the search: the chars kept are those first_drawn keeps of all."""
    chars = chars + [dict(c) for c in data.draw(st.lists(st.sampled_from(chars), max_size=5))] if chars else chars
    assert [id(c) for c in dedupe_chars(chars)] == [id(chars[i]) for i in first_drawn(chars)]


def rule(orientation: str, at: float, start: float, length: float) -> dict:
    """A pdfplumber edge: horizontal at top `at` or vertical at x0 `at`, from `start` over `length`."""
    if orientation == "h":
        return {"object_type": "path_edge", "orientation": "h", "x0": start, "x1": start + length, "top": at, "bottom": at,
                "width": length, "height": 0.0}
    return {"object_type": "path_edge", "orientation": "v", "x0": at, "x1": at, "top": start, "bottom": start + length,
            "width": 0.0, "height": length}


# rules on and between a few lines, a few points apart: within, at and past the snap and join tolerances (3 pt)
RULES = st.lists(st.builds(rule, st.sampled_from(["h", "v"]), NEAR.map(lambda v: 4 * v), NEAR.map(lambda v: 8 * v),
                           st.sampled_from([0.0, 2.5, 3.0, 10.0, 40.0])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(RULES)
def test_rules_merge_as_pdfplumber_merges_them(rules: list) -> None:
    from pdfplumber.table import merge_edges

    assert merge_rules(rules) == merge_edges(rules, 3, 3, 3, 3)


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    c.setFillGray(0.5)
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.code == "no_text_layer" and "OCR" in err.value.message


def test_pages_without_text_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "partial.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    for page in range(4):
        if page < 2:
            c.setFont(FONT, 12)
            c.drawString(100, 700, f"第{page + 1}页正文")
        else:
            c.rect(100, 100, 300, 400, fill=1)
        c.showPage()
    c.save()
    source = read(path)
    assert source.pages == 4
    assert [p.code for p in source.problems] == ["pages_without_text"]
    assert "第 3, 4 页没有文字层" in source.problems[0].message


def one_page_pdf(stream: bytes, font: list[bytes]) -> bytes:
    """Given a page's content stream and its font F1's objects (numbered from 5, the font first), return a
    hand-written one-page PDF."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        *font,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def unmapped_pdf() -> bytes:
    """A hand-written PDF whose font has neither an embedded program nor a ToUnicode map."""
    stream = b"BT /F1 12 Tf 100 700 Td <0101020203030404> Tj ET"
    return one_page_pdf(stream, [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Hidden /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hidden"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
    ])


def test_unmapped_font_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cid.pdf"
    path.write_bytes(unmapped_pdf())
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.code == "unmapped_font"


def test_truncated_generated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = unruled_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(IngestError) as err:
        read(path)
    assert err.value.code == "corrupt"


def surrogate_mapped_pdf() -> bytes:
    """A hand-written PDF whose font's ToUnicode map sends A and B each to one half of a surrogate pair: printed
    side by side, PDFium's page text joins them into one char, so the page's chars are read one by one, each half
    alone (what a damaged or fuzzed file holds)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"3 beginbfchar <41> <D840> <42> <DC00> <43> <6536> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    stream = b"BT /F1 12 Tf 100 700 Td (CABC) Tj ET"
    return one_page_pdf(stream, [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ])


def test_a_char_mapped_to_half_a_surrogate_pair_is_read_by_pdfminer_not_a_crash(tmp_path: Path) -> None:
    # found by the fuzzing campaign: PDFium's char read one by one gave a lone surrogate, which no text can encode
    path = tmp_path / "broken-map.pdf"
    path.write_bytes(surrogate_mapped_pdf())
    text = joined(read(path))
    text.encode("utf-8")
    assert "收" in text
