"""Layouts that must not change the audit (issue 9's robustness mutations): spacing rows and extra grid columns in
HTML, a report in traditional script, 表四 in three parts, scraped text with its cells glued together."""
from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.content import content_of
from evaluation.mutations import MUTATIONS
from extraction.document import Cell, Where
from extraction.ingest import read_source
from extraction.ingest.text import detect_layout
from extraction.labels import core
from extraction.pipeline import audit
from extraction.placement import row_candidates
from extraction.tables import _requests_candidates

from conftest import REPO, SEED

SYNTHETIC = sorted(p for p in (REPO / "corpus" / "synthetic").iterdir() if p.suffix != ".json" and p.name != "README.md")
REVIEW_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def _cells(texts: list[str]) -> list[Cell]:
    return [Cell(t, Where(line=i + 1)) for i, t in enumerate(texts)]


def _variant(path: Path, mutation: str, tmp_path: Path) -> Path:
    variant = MUTATIONS[mutation](content_of(read_source(path)))
    out = tmp_path / f"{path.stem}.{variant.extension}"
    out.write_bytes(variant.data)
    return out


def _audit_values(path: Path) -> dict:
    return {k: c.value for k, c in audit(path).cells.items()}


def _review_page(rows: list[list[str]]) -> str:
    """An HTML page whose only table is 表四 as one table: its two header rows, then the given rows."""
    head = ("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>"
            "<tr>" + "".join(f"<td rowspan=\"2\">{h}</td>" for h in REVIEW_HEADS)
            + "<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>"
            "<tr>" + "".join(f"<td>{h}</td>" for h in REVIEW_HEADS * 2) + "</tr>")
    body = "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in rows)
    return (f'<html><head><meta charset="utf-8"></head><body><p>某区2021年政府信息公开工作年度报告</p>'
            f'<p>四、政府信息公开行政复议、行政诉讼情况</p>'
            f'<table border="1">{head}{body}</table></body></html>')


@pytest.mark.parametrize("path", [SEED, *SYNTHETIC], ids=lambda p: p.name)
def test_empty_rows_and_columns_in_html_read_the_same_cells(path: Path, tmp_path: Path) -> None:
    assert _audit_values(_variant(path, "html-empty-rows-columns", tmp_path)) == _audit_values(path)


def test_spacing_row_under_review_header_is_not_its_data_row(tmp_path: Path) -> None:
    numbers = [str(n) for n in (1, 0, 2, 0, 3, 4, 0, 0, 1, 5, 0, 0, 0, 0, 0)]
    page = tmp_path / "review.html"
    page.write_text(_review_page([[""] * 15, numbers, [""] * 15]), encoding="utf-8")
    values = _audit_values(page)
    assert [values[k] for k in ("review.maintained", "review.total", "litigation.direct.total")] == [1, 3, 5]


def test_review_row_printing_nothing_is_read_blank_when_no_row_prints_numbers(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    page.write_text(_review_page([[""] * 15]), encoding="utf-8")
    values = _audit_values(page)
    assert values["review.total"] is None and values["litigation.after_review.maintained"] is None


def test_printed_number_is_not_dropped_while_blanks_make_the_row_fit() -> None:
    """An empty grid column before the numbers and one at the edge: the row is its seven printed cells (even though
    its 总计 breaks the row identity), never the reading that drops 17 to blank the 总计 instead."""
    readings = row_candidates(_cells(["", "17", "0", "0", "0", "0", "1", "8", ""]), 7)
    assert [[c.text for c in r.cells] for r in readings] == [["17", "0", "0", "0", "0", "1", "8"]]
    # With no empty cell to drop, the leading number may be a label column's: that reading stays.
    assert len(row_candidates(_cells(["3", "17", "0", "0", "0", "0", "1", "8"]), 7)) == 1


def test_pair_with_blanks_dropped_reads_through_empty_edge_cells() -> None:
    """Pipe text drops a row's blank cells (自然人 638 | 总计 638); laid out again with empty cells at the row's ends
    (an HTML page with extra grid columns) it still reads as 自然人 and 总计, the organisations blank."""
    [reading] = _requests_candidates(_cells(["", "638", "638", ""]), True, 7)
    assert [c.text for c in reading.cells] == ["638", "", "", "", "", "", "638"]
    assert _requests_candidates(_cells(["", "638", "12", ""]), True, 7) == []  # two different numbers: not placed


def test_traditional_label_normalises_to_the_template_label() -> None:
    assert core("一、本年新收政府信息公開申請數量") == core("一、本年新收政府信息公开申请数量")
    assert core("（三）不予公開") == core("（三）不予公开") != core("（三）予以公开")


@pytest.mark.parametrize("path", [SEED, *SYNTHETIC[:4]], ids=lambda p: p.name)
def test_report_in_traditional_script_reads_the_same_cells_and_findings(path: Path, tmp_path: Path) -> None:
    variant, original = audit(_variant(path, "traditional", tmp_path)), audit(path)
    assert {k: c.value for k, c in variant.cells.items()} == {k: c.value for k, c in original.cells.items()}
    assert sorted((f.rule, f.fields.get("identity")) for f in variant.findings) == \
        sorted((f.rule, f.fields.get("identity")) for f in original.findings)


def test_review_split_prints_each_part_under_its_own_header() -> None:
    """The seed's 表四 prints 行政复议's 结果维持…总计 two rows above its numbers (no spans in text): each part still
    gets the five heads, as a page printing 表四 in three tables shows them."""
    text = MUTATIONS["review-split"](content_of(read_source(SEED))).data.decode("utf-8").split("\n")
    heads = [text[i + 2] for i, line in enumerate(text) if line.startswith("### 行政")]
    assert heads == ["| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"] * 3


def test_scraped_text_whose_blank_cells_printed_nothing_reads_what_the_digits_decide(tmp_path: Path) -> None:
    """A scraper's text of a report whose 表三 is mostly blank (数量638638二、…): its runs are short, yet the file is
    scraped text; 表二's one-cell rows and 表四's fifteen digits after its headers (…尚未审结总计) are read, that run
    is never 表三's （七）总计, and no cell is read wrong. A 表三 run of one number printed twice (638638) is 自然人
    and 总计, the equal pair, where the column identities agree."""
    path = REPO / "corpus" / "synthetic" / "synth_2_010.txt"
    variant = _variant(path, "scraper-concatenated", tmp_path)
    assert read_source(variant).format == "text-concat"
    original, read = _audit_values(path), _audit_values(variant)
    assert {k: v for k, v in read.items() if v != original.get(k)} == {}
    assert [read[f"review.{k}"] for k in ("maintained", "total")] == [original["review.maintained"], original["review.total"]]
    assert read["active.licensing.decisions"] == original["active.licensing.decisions"]
    assert read["requests.result.total.total"] == original["requests.result.total.total"]


def test_prose_with_a_few_numbers_before_a_numbered_heading_is_not_scraped_text() -> None:
    lines = ["全年共受理申请26（一）予以公开说明如下。", "办结率100%。二、主动公开", "发布信息9条；3.其他情况",
             "第2023二、年度工作", "新增12三、重点", "完成31（二）项"]
    assert detect_layout(lines) == "text"
