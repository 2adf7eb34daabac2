"""Tables in the text PDF libraries export (issue 9): PDFium's visual lines, where a table row keeps one space
between its cells, so that a 表二 header row of several column labels is one cell of text."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit
from extraction.spec import load_spec

from conftest import REAL

SPEC = load_spec()
SHANGHAI = REAL / "shanghai_govoffice_2019.html"  # a 2019 表二 whose PDF header rows PDFium prints on one line


def active_lines(version: str, value: int) -> list[str]:
    """Given a template version and a number, return its 表二 as PDFium prints a PDF of it: each group's caption,
    its header row on one line (cells one space apart, too close to line up with the numbers), its rows with every
    column printing `value`."""
    lines: list[str] = []
    for group in SPEC.versions[version].active:
        lines += [group.caption, " ".join(["信息内容", *(c["label"] for c in group.columns)])]
        lines += [" ".join([row["label"], *[str(value)] * len(group.columns)]) for row in group.rows]
    return lines


@pytest.mark.parametrize("version", ["v2019", "v2021"])
def test_a_header_row_printed_as_one_line_names_every_column_it_prints(version: str) -> None:
    # Equal numbers in a row are not a browser copy repeating one spanned cell: the header names a column for each.
    lines = ["某市人民政府2019年政府信息公开工作年度报告", "二、主动公开政府信息情况", *active_lines(version, 7),
             "三、收到和处理政府信息公开申请情况"]
    result = audit(Path("report.txt"), "\n".join(lines).encode("utf-8"))
    expected = {f"active.{row['key']}.{c['key']}" for g in SPEC.versions[version].active for row in g.rows for c in g.columns}
    assert {k: c.value for k, c in result.cells.items() if k.startswith("active.")} == dict.fromkeys(expected, 7)
    assert not [f for f in result.findings if f.rule == "template_deviation"]


@pytest.mark.skipif(not SHANGHAI.exists(), reason="shared corpus not present")
def test_pdfium_text_of_a_2019_report_reads_its_active_table_as_the_page_does() -> None:
    from evaluation.content import content_of
    from evaluation.mutations import pdfium_text
    from extraction.ingest import read_source

    original = audit(SHANGHAI)
    variant = audit(Path("shanghai.txt"), pdfium_text(content_of(read_source(SHANGHAI))).data)
    active = {k: c.value for k, c in original.cells.items() if k.startswith("active.")}
    assert {k: c.value for k, c in variant.cells.items() if k.startswith("active.")} == active
    deviations = {f.message for f in original.findings if f.rule == "template_deviation"}
    assert not [f for f in variant.findings if f.rule == "template_deviation" and f.message not in deviations]
