"""Row labels wrapped over lines in a page's text export (BeautifulSoup's get_text, docx2txt: every cell's text on
lines of its own, a long label broken where its cell wrapped): the label's lines together name the row, a line
that leaves a bracket open (（二）部分公开（区分处理的，只计这一情) or closes one (形，不计其他情形）) is a label, not
prose, and every cell of the row is read as on the printed page."""
from __future__ import annotations

import random

import pytest

from evaluation.content import content_of
from evaluation.mutations import soup_text
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.ingest.text import is_prose_line
from extraction.pipeline import audit

pytest.importorskip("bs4")

# A label and where its cell wraps it: inside its bracket (two sentence marks on either side), and after 公 of
# 公开 with only 开 left for the line the values follow.
WRAPS = {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）": 19, "2.其他法律行政法规禁止公开": 13,
         "5.要求行政机关确认或重新出具已获取信息": 15}


def _wrapped(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        cut = WRAPS.get(line.strip())
        lines += [line.strip()[:cut], line.strip()[cut:]] if cut else [line]
    return "\n".join(lines)


def test_half_of_a_bracketed_label_is_not_prose() -> None:
    assert not is_prose_line("（二）部分公开（区分处理的，只计这一情")
    assert not is_prose_line("形，不计其他情形）")
    assert is_prose_line("本年度共收到申请20件，均已办结")
    assert is_prose_line("不计其他情形），全年共办结20件")


@pytest.mark.parametrize("seed", [3, 8])
def test_rows_whose_labels_wrap_read_as_on_the_page(seed: int) -> None:
    model = build_report(random.Random(seed), f"wrapped_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    page = soup_text(content_of(read_source("report.html", render(model, "html")))).data.decode("utf-8")
    text = _wrapped(page)
    assert text != page and all(label not in text.split("\n") for label in WRAPS)
    report = audit("report.txt", text.encode("utf-8"))
    assert report.format == "text-lines"
    rows = ("requests.result.partially_disclosed.", "requests.result.withheld.prohibited_by_law.",
            "requests.result.not_processed.confirm_or_reissue.")
    wrapped = {k: v for k, v in model.cells.items() if k.startswith(rows)}
    assert {k: report.cells[k].value for k in wrapped if k in report.cells} == wrapped
    assert {k: c.value for k, c in audit("report.txt", page.encode("utf-8")).cells.items()} == {k: c.value for k, c in report.cells.items()}
