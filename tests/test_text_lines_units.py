"""One cell a line (a scraper's get_text("\\n"), docx2txt): a value cell that prints its unit (采购总金额 251000元) is
a value of its row, as in the page, not a label line that ends the row's values."""
from __future__ import annotations

import random
import re

import pytest

from evaluation.content import content_of
from evaluation.mutations import render_html, rewrite
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.ingest.text import is_value_cell
from extraction.pipeline import audit

AMOUNT = re.compile(r"^\d+\.\d+$")


def test_a_value_with_its_unit_is_a_value_cell() -> None:
    assert is_value_cell("251000元") and is_value_cell("19748.17万元") and is_value_cell("6")
    assert not is_value_cell("政府集中采购") and not is_value_cell("共6件")


@pytest.mark.parametrize("seed", [1, 3, 5])
def test_amounts_printed_with_their_unit_are_read_one_cell_a_line(seed: int) -> None:
    """A 2020 report whose 采购总金额 cell prints 万元 reads the same 表二 cells from a scraper's text as from its page."""
    bs4 = pytest.importorskip("bs4")
    model = build_report(random.Random(seed), f"unit_{seed}", make_agency(random.Random(seed)), 2020, 0.0)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p,
                      lambda text: f"{text}万元" if AMOUNT.match(text.strip()) else text)
    html = render_html(content)
    assert "万元" in html.decode("utf-8")
    page = {k: c.value for k, c in audit("report.html", html).cells.items() if k.startswith("active.")}
    report = audit("report.txt", bs4.BeautifulSoup(html, "lxml").get_text("\n").encode("utf-8"))
    assert report.format == "text-lines"
    assert page.get("active.procurement.amount") is not None
    assert {k: report.cells[k].value if k in report.cells else "unread" for k in page} == page
