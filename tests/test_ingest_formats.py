"""Ingestion of HTML, DOCX and text layouts: real corpus files and small generated inputs."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from extraction.document import Cell, IngestError, RawTable, Source
from extraction.ingest import read_source

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
NEW_REQUESTS = "一、本年新收政府信息公开申请数量"
APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total")
REVIEW_COLUMNS = [f"review.{k}" for k in ("maintained", "corrected", "other", "pending", "total")] + [
    f"litigation.{group}.{k}"
    for group in ("direct", "after_review")
    for k in ("maintained", "corrected", "other", "pending", "total")
]
NON_PDF = ["miyun_2021.txt", "shuyang_fgj_2023.html", "pingtan_2021.html", "pingtan_2022.html",
           "shanghai_govoffice_2019.html", "pingtan_2022_word.docx"]


def real(name: str) -> Path:
    """Given a corpus file name, return its path, skipping the test when the shared corpus is absent."""
    path = REAL / name
    if not path.exists():
        pytest.skip(f"shared corpus not present at {REAL}")
    return path


def gold_cells(name: str) -> dict:
    """Given a corpus file name, return the gold cell values of its .gold.json."""
    return json.loads(real(name).with_suffix(".gold.json").read_text(encoding="utf-8"))["cells"]


def texts(row: list[Cell | None]) -> list[str]:
    """Given a grid row, return the texts of its printed cells (span positions left out)."""
    return [cell.text for cell in row if cell is not None]


def row_with(source: Source, label: str) -> list[Cell | None]:
    """Given a source and a row label, return the first table row holding a cell with that label."""
    for table in source.tables:
        for row in table.rows:
            if label in texts(row):
                return row
    raise AssertionError(f"no row labelled {label!r}")


def value(text: str) -> float | None:
    """Given a printed cell, return its number, or None for a blank cell."""
    return float(text) if text.strip() else None


def numbers(values: list) -> list[float | None]:
    """Given gold values, return them as floats (None kept)."""
    return [None if v is None else float(v) for v in values]


@pytest.mark.parametrize("name", NON_PDF)
def test_real_new_requests_row_matches_gold(name: str) -> None:
    source = read_source(real(name))
    cells = gold_cells(name)
    printed = texts(row_with(source, NEW_REQUESTS))[-7:]
    assert [value(t) for t in printed] == numbers([cells[f"requests.new.{k}"] for k in APPLICANTS])


@pytest.mark.parametrize("name", NON_PDF)
def test_real_review_litigation_row_matches_gold(name: str) -> None:
    source = read_source(real(name))
    cells = gold_cells(name)
    data_row = next(t.rows[-1] for t in source.tables if len(t.rows[-1]) == 15)
    assert [value(t) for t in texts(data_row)] == numbers([cells[k] for k in REVIEW_COLUMNS])


def test_miyun_flattened_rows() -> None:
    source = read_source(real("miyun_2021.txt"))
    assert source.format == "text-flattened"
    row = row_with(source, NEW_REQUESTS)
    assert texts(row)[-7:] == ["559", "11", "0", "2", "0", "0", "572"]
    assert row[0] is not None and row[0].where.line == 98
    partial = row_with(source, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    assert texts(partial)[0] == ""  # TAB-only placeholder of the 三 rowspan
    assert len(partial) == 9
    assert "商业\n企业" in texts(row_with(source, "社会公益组织"))
    assert texts(row_with(source, "四、结转下年度继续办理"))[1] == "25"
    assert any(line.text == "五、存在的主要问题及改进情况" for line in source.lines)
    assert not any("559" == line.text for line in source.lines)


def test_shuyang_html_grid_and_meta() -> None:
    source = read_source(real("shuyang_fgj_2023.html"))
    assert source.format == "html"
    assert source.meta["发布机构"] == "沭阳县发展和改革局"
    assert source.meta["公开日期"] == "2024-01-17"
    assert source.meta["title"].startswith("沭阳县发展和改革局2023年")
    row = row_with(source, NEW_REQUESTS)
    assert len(row) == 10
    assert row[1] is None and row[2] is None  # colspan=3 label
    assert [c.text if c else None for c in row[3:]] == ["26", "", "", "", "", "", "26"]
    assert row[3] is not None and row[3].where.address == "table 3 row 4 col 4"
    header = source.tables[2].rows[2]
    assert header[4] is not None and header[4].text == "商业\n企业"
    assert header[3] is None  # under 自然人's rowspan=2
    assert all(len(r) == 10 for r in source.tables[2].rows)
    heading = next(line for line in source.lines if line.text == "三、收到和处理政府信息公开申请情况")
    assert source.lines.index(heading) + 1 == source.tables[2].line_index
    assert heading.where.line == 48


def test_pingtan_docx_grid() -> None:
    source = read_source(real("pingtan_2022_word.docx"))
    assert source.format == "docx"
    review = next(t for t in source.tables if len(t.rows[0]) == 15)
    data_row = review.rows[-1]
    assert len(data_row) == 15 and all(c is not None and c.text.isdigit() for c in data_row)
    assert review.rows[0][1] is None  # 行政复议 gridSpan=5
    grid = next(t for t in source.tables if len(t.rows[0]) == 10)
    result_column = [row[0] for row in grid.rows]
    start = next(i for i, cell in enumerate(result_column) if cell and cell.text == "三、本年度办理结果")
    assert result_column[start + 1:start + 22] == [None] * 21  # vMerge continuations of 三's 22 rows
    assert any(line.text == "六、其他需要报告的事项" for line in source.lines)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Given a file name and bytes, return the path of the file written under tmp_path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


PAGE = """<html><head>{meta}<title>某县人民政府2023年政府信息公开工作年度报告</title></head><body>
<table><tr><td>发布机构</td><td>某县人民政府办公室</td><td>公开日期</td><td>2024-01-20</td></tr></table>
<div><p>一、总体情况</p><p>本年度共收到政府信息公开申请&nbsp;26件，全部按时答复。<br>第二行</p></div>
<table><tr><td>只有一列的版式框</td></tr></table>
<table border="1">
<tr><td rowspan="2" colspan="2">项目</td><td colspan="2">申请人</td></tr>
<tr><td>商业<br/>企业</td><td>&nbsp;</td></tr>
<tr><td>一、本年新收</td><td>小计</td><td><span>5</span><span>72</span></td><td>\u3000 3 \u3000</td></tr>
</table>
<table><tr><td><table><tr><td>内</td><td>表</td></tr></table></td></tr></table>
<script>var x = "不应出现";</script>
</body></html>"""


def test_html_gbk_with_meta_charset(tmp_path: Path) -> None:
    page = PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    source = read_source(write(tmp_path, "gbk.html", page.encode("gbk")))
    assert source.meta["title"] == "某县人民政府2023年政府信息公开工作年度报告"
    assert source.meta["发布机构"] == "某县人民政府办公室"
    assert "本年度共收到政府信息公开申请 26件，全部按时答复。" in [line.text for line in source.lines]


def test_html_gbk_without_declaration(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "bare.html", PAGE.format(meta="").encode("gbk")))
    assert source.meta["title"] == "某县人民政府2023年政府信息公开工作年度报告"


def test_html_spans_breaks_and_layout(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "page.html", PAGE.format(meta='<meta charset="utf-8">').encode()))
    lines = [line.text for line in source.lines]
    assert lines[:4] == ["一、总体情况", "本年度共收到政府信息公开申请 26件，全部按时答复。", "第二行", "只有一列的版式框"]
    assert not any("不应出现" in line for line in lines)
    assert source.lines[0].where.address == "paragraph 1" and source.lines[0].where.line == 3
    meta_table, grid, inner = source.tables
    assert [[c.text if c else None for c in row] for row in grid.rows] == [
        ["项目", None, "申请人", None],
        [None, None, "商业\n企业", ""],
        ["一、本年新收", "小计", "572", "3"],
    ]
    assert grid.rows[2][2] is not None and grid.rows[2][2].where.address == "table 2 row 3 col 3"
    assert grid.line_index == 4 and meta_table.line_index == 0
    assert [texts(row) for row in inner.rows] == [["内", "表"]]
    assert inner.where.address == "table 3"


def test_text_gbk_crlf(tmp_path: Path) -> None:
    text = "北京市某区人民政府\r\n2021年政府信息公开工作年度报告\r\n\r\n全年共受理申请758件。\r\n"
    source = read_source(write(tmp_path, "gbk.txt", text.encode("gbk")))
    assert source.format == "text"
    assert [(line.where.line, line.text) for line in source.lines] == [
        (1, "北京市某区人民政府"), (2, "2021年政府信息公开工作年度报告"), (4, "全年共受理申请758件。")]


def test_text_flattened_generated(tmp_path: Path) -> None:
    text = ("总体情况\n\n\t行政复议\n\t结果\n维持\n\n\t\n\t559 \n\t11\n\t0\n\n\t一、本年新收\n\t5\n\t6\n\t7\n\n五、问题\n")
    source = read_source(write(tmp_path, "flat.txt", text.encode()))
    assert source.format == "text-flattened"
    (table,) = source.tables
    assert [texts(row) for row in table.rows] == [["行政复议", "结果\n维持"], ["", "559", "11", "0"], ["一、本年新收", "5", "6", "7"]]
    assert [c.where.line for c in table.rows[0] if c] == [3, 4]
    assert table.line_index == 1
    assert [line.text for line in source.lines] == ["总体情况", "五、问题"]


def test_pipe_table_with_dropped_blanks_is_not_positional(tmp_path: Path) -> None:
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 3 | 3 |\n"
            "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            "四、行政复议\n")
    source = read_source(write(tmp_path, "pipe.txt", text.encode()))
    assert source.format == "text-pipe"
    (table,) = source.tables
    assert table.positional is False
    assert [texts(row) for row in table.rows][0] == ["一、本年新收政府信息公开申请数量", "3", "3"]
    assert table.rows[1][0] is not None and table.rows[1][0].where.line == 3
    assert [line.text for line in source.lines] == ["三、收到和处理政府信息公开申请情况", "四、行政复议"]


def test_pipe_table_with_even_rows_keeps_empty_cells(tmp_path: Path) -> None:
    text = "规章 | 0 || 5 |\n规范性文件 | 8 | 0 | 18 |\n"
    table = read_source(write(tmp_path, "even.txt", text.encode())).tables[0]
    assert table.positional is True
    assert texts(table.rows[0]) == ["规章", "0", "", "5"]


def test_markdown_table(tmp_path: Path) -> None:
    text = "二、主动公开\n\n| 信息内容 | 本年制发件数 | 本年废止件数 |\n|:---|---:|---|\n| 规章 | 0 |  |\n| 规范性文件 | 8 | 0 |\n\n结语\n"
    source = read_source(write(tmp_path, "report.md", text.encode()))
    assert source.format == "markdown"
    (table,) = source.tables
    assert table.positional is True
    assert [texts(row) for row in table.rows] == [["信息内容", "本年制发件数", "本年废止件数"], ["规章", "0", ""], ["规范性文件", "8", "0"]]
    assert [line.text for line in source.lines] == ["二、主动公开", "结语"]


def test_whitespace_rows(tmp_path: Path) -> None:
    text = ("三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量  559  11  0  2  0  0  572\n"
            "（三）不予公开  1.属于国家秘密 1 0 0 / - — 1\n"
            "72 64 178 37 351\n"
            "- 4 -\n"
            "2022年1月20日\n")
    source = read_source(write(tmp_path, "pdf.txt", text.encode()))
    assert source.format == "text-whitespace"
    (table,) = source.tables
    assert table.positional is False
    assert [texts(row) for row in table.rows] == [
        ["一、本年新收政府信息公开申请数量", "559", "11", "0", "2", "0", "0", "572"],
        ["（三）不予公开", "1.属于国家秘密", "1", "0", "0", "/", "-", "—", "1"],
        ["72", "64", "178", "37", "351"],
    ]
    assert [line.text for line in source.lines] == ["三、收到和处理政府信息公开申请情况", "- 4 -", "2022年1月20日"]


def test_text_cells_rows_rebuilt_from_labels(tmp_path: Path) -> None:
    """One cell per line ending in " |", blanks as a lone "|", spans as lines of pipes, no row ends: each label
    starts a row and takes the values after it; an empty grid column (the blank after 本年新公开数量) is dropped
    where the row prints one value more than its header names."""
    from extraction.tables import parse_tables

    lines = ["二、主动公开政府信息情况", "第二十条第（一）项 |", "||||", "信息内容 |", "本年新制作数量 |", "本年新公开数量 |", "|",
             "对外公开总数量 |", "规章 |", "/ |", "/ |", "|", "/ |", "规范性文件 |", "3 |", "3 |", "|", "41 |",
             "三、收到和处理政府信息公开申请情况", "申请人情况 |", "|||||||", f"{NEW_REQUESTS} |", "|", "|", "|", "|", "|", "|", "0 |",
             "四、政府信息公开行政复议、行政诉讼情况", "行政复议 |", "||||", "行政诉讼 |", "|||||||||", "结果维持 |", "总计 |",
             *[f"{n} |" for n in range(1, 16)], "2020年1月20日"]
    source = read_source(write(tmp_path, "cells.txt", "\n".join(lines).encode()))
    assert source.format == "text-cells"
    active, requests, review = source.tables
    assert [texts(row) for row in active.rows[:5]] == [["第二十条第（一）项"], ["信息内容"], ["本年新制作数量"], ["本年新公开数量", ""],
                                                       ["对外公开总数量"]]
    assert texts(active.rows[6]) == ["规范性文件", "3", "3", "", "41"]
    assert texts(requests.rows[-1]) == [NEW_REQUESTS, "", "", "", "", "", "", "0"]
    assert texts(review.rows[-1]) == ["总计", *map(str, range(1, 16))]
    assert [line.text for line in source.lines][-1] == "2020年1月20日"
    cells = parse_tables(source.tables, 2019).cells
    assert {k: cells[f"active.normative_docs.{k}"].value for k in ("new_made", "new_published", "total_published")} == \
        {"new_made": 3, "new_published": 3, "total_published": 41}
    assert cells["active.rules.total_published"].value is None and cells["active.rules.total_published"].raw == "/"
    assert cells["requests.new.total"].value == 0 and cells["requests.new.natural_person"].value is None
    assert [cells[k].value for k in REVIEW_COLUMNS] == list(range(1, 16))


def docx_bytes() -> bytes:
    """Return a small .docx with a merged header and a number split over two runs."""
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).paragraphs[0].add_run("项目")
    table.cell(0, 1).merge(table.cell(0, 2)).paragraphs[0].add_run("申请人")
    table.cell(1, 1).paragraphs[0].add_run("自然人")
    table.cell(1, 2).paragraphs[0].add_run("总计")
    table.cell(2, 0).paragraphs[0].add_run("一、本年新收")
    number = table.cell(2, 1).paragraphs[0]
    number.add_run("5")
    number.add_run("72")
    table.cell(2, 2).add_paragraph("第二段")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_generated_grid(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "small.docx", docx_bytes()))
    assert source.format == "docx"
    (table,) = source.tables
    assert [[c.text if c else None for c in row] for row in table.rows] == [
        ["项目", "申请人", None], [None, "自然人", "总计"], ["一、本年新收", "572", "第二段"]]
    assert table.rows[2][1] is not None and table.rows[2][1].where.address == "table 1 row 3 col 2"
    assert table.line_index == 1 and source.lines[0].where.address == "paragraph 1"


def test_docx_truncated_is_corrupt(tmp_path: Path) -> None:
    data = docx_bytes()
    path = write(tmp_path, "broken.docx", data[: len(data) // 2])
    with pytest.raises(IngestError) as error:
        read_source(path)
    assert error.value.code == "corrupt" and "broken.docx" in error.value.message


def test_docx_without_document_xml_is_corrupt(tmp_path: Path) -> None:
    original = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as stripped:
        for name in original.namelist():
            if name != "word/document.xml":
                stripped.writestr(name, original.read(name))
    with pytest.raises(IngestError) as error:
        read_source(write(tmp_path, "hollow.docx", buffer.getvalue()))
    assert error.value.code == "corrupt" and "hollow.docx" in error.value.message


def test_raw_tables_are_rectangular_for_grids() -> None:
    for name in ("shuyang_fgj_2023.html", "pingtan_2022_word.docx"):
        tables: list[RawTable] = read_source(real(name)).tables
        assert all(len({len(row) for row in table.rows}) == 1 for table in tables)


def test_html_cell_text_inline_markup_comments_and_skipped(tmp_path: Path) -> None:
    page = ("<html><body><TABLE><TR><TD>a<!-- c -->b<Script>x()</Script><font>c<span>d</span></font>\u200be</TD>"
            "<td><p> 一 </p><p></p>二<br/><br>三 \n 四</td><td rowspan='0' colspan='x'>\u3000</td></TR>"
            "<tr><td colspan=2><div>块</div>尾</td></tr></TABLE></body></html>")
    (table,) = read_source(write(tmp_path, "cells.html", page.encode())).tables
    assert [[c.text if c else None for c in row] for row in table.rows] == [
        ["abcde", "一\n二\n三 四", ""], ["块\n尾", None, None]]


def test_html_word_paragraph_cells_read_as_lines(tmp_path: Path) -> None:
    # Word prints every cell as paragraphs of nested spans; text around and between them is a line of its own, and
    # a break or a block inside a paragraph still breaks it.
    page = ("<html><body><table><tr>"
            "<td> 前 <p class=MsoNormal><span lang=EN-US><span>39</span><span>&nbsp;</span></span></p> 后 </td>"
            "<td><p><span>第一</span></p>\n<p><span>行</span>二<!-- c --></p></td>"
            "<td><p><span>上</span><br><span>下</span></p></td>"
            "<td><p>外<div>内</div></p></td></tr></table></body></html>")
    (table,) = read_source(write(tmp_path, "word.html", page.encode())).tables
    assert [c.text if c else None for c in table.rows[0]] == ["前\n39\n后", "第一\n行二", "上\n下", "外\n内"]
