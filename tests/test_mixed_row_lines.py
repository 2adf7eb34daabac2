"""A PDF library's text of a report whose table cells are narrow in places (PDFium's get_text_range): most cells one
a line, but a row whose cells are wide enough printed on one line — label and numbers, or the numbers alone under a
wrapped label — a 总计 too wide for its cell wrapped onto the lines after its row, and page numbers (- 2 -) between
rows. Every cell is read as the page prints it, none wrong."""
from __future__ import annotations

import random

import pytest

from evaluation.content import Content, Table, content_of, is_number
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec

COLUMNS = len(load_spec().column_keys)  # 表三's numbers in a row that prints every cell


def generated(seed: int) -> tuple[Content, bytes]:
    """Given a seed, return a generated report's content and its page."""
    model = build_report(random.Random(seed), f"mixed_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    page = render(model, "html")
    return content_of(read_source("report.html", page)), page


def mixed_lines(content: Content) -> tuple[list[str], bool]:
    """Given content, return its text: every other row of numbers on one line (its labels, then its numbers), the
    others a cell a line; the first 表三 row printing all seven numbers and a total of two digits or more with that
    total cut before its last digit onto two lines after it; a page number after every twelfth row. And whether a
    total was so wrapped."""
    lines: list[str] = []
    wrapped = False
    for block in content.blocks:
        if not isinstance(block, Table):
            lines.append(block)
            continue
        for r, row in enumerate(block.rows):
            texts = [t.replace("\n", "") for t in row if t]
            labels = [t for t in texts if not is_number(t)]
            numbers = [t for t in texts if is_number(t)]
            if not wrapped and len(numbers) == COLUMNS and len(numbers[-1]) > 1:
                lines += [" ".join(labels + numbers[:-1]), numbers[-1][:-1], numbers[-1][-1]]
                wrapped = True
            elif numbers and r % 2 == 0:
                lines.append(" ".join(labels + numbers))
            else:
                lines += texts
            if r % 12 == 11:
                lines.append(f"- {r // 12 + 1} -")
    return lines, wrapped


@pytest.mark.parametrize("seed", [2, 7, 12])
def test_rows_printed_on_one_line_among_cells_one_a_line(seed: int) -> None:
    content, page = generated(seed)
    original = {k: v.value for k, v in audit("report.html", page).cells.items()}
    lines, wrapped = mixed_lines(content)
    assert wrapped
    result = audit("report.txt", "\n".join(lines).encode("utf-8"))
    assert result.source.format == "text-lines"
    cells = {k: v.value for k, v in result.cells.items()}
    assert {k: v for k, v in cells.items() if original.get(k, "absent") != v} == {}  # none wrong
    assert set(cells) == set(original)
