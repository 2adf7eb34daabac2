"""A report's content rebuilt from a layout that prints no covered positions keeps every data row on the table's
columns: the harness prints the rebuilt tables (pdfminer-text, pdfium-text), so a row one column off would be
misprinted by the harness, not misread by the reader."""
from __future__ import annotations

import random

import pytest

from evaluation.content import Table, content_of, is_number
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.ingest.text import is_value

SEEDS = range(6)
YEARS = (2019, 2021, 2023)


def last_label(row: tuple[str | None, ...]) -> str:
    """Given a row, return the text of its last printed cell that is no value (its leaf label)."""
    return next((text for text in reversed(row) if text is not None and not is_value(text)), "")


def number_columns(table: Table) -> dict[str, tuple[int, ...]]:
    """Given a table, return per data row (by leaf label) the columns of its numbers, counted from the right edge."""
    width = max(len(row) for row in table.rows)
    return {last_label(row): tuple(width - c for c, text in enumerate(row) if is_number(text))
            for row in table.rows if any(is_number(text) for text in row)}


def contents(seed: int, year: int, layout: str) -> tuple[list[Table], list[Table]]:
    """Given a seed, a year and a text layout, return the tables of one generated report read from its HTML page
    and from that layout."""
    rng = random.Random(seed)
    model = build_report(rng, f"align_{seed}", make_agency(rng), year, 0.0)
    html = content_of(read_source("report.html", render(model, "html"))).tables()
    text = content_of(read_source("report.txt", render(model, layout))).tables()
    return html, text


@pytest.mark.parametrize("layout", ["cells", "text"])
@pytest.mark.parametrize("year", YEARS)
def test_rebuilt_data_rows_sit_under_the_html_columns(layout: str, year: int) -> None:
    for seed in SEEDS:
        html, text = contents(seed, year, layout)
        assert len(html) == len(text)
        for by_html, by_text in zip(html, text):
            expected, got = number_columns(by_html), number_columns(by_text)
            assert {label: got[label] for label in expected if label in got} == \
                {label: columns for label, columns in expected.items() if label in got}


def test_carried_forward_row_sits_under_the_grand_total_in_text_cells() -> None:
    _, tables = contents(7, 2021, "cells")
    requests = next(t for t in tables if any(last_label(row).startswith("四、结转") for row in t.rows))
    width = max(len(row) for row in requests.rows)
    data_rows = [row for row in requests.rows if any(is_number(text) for text in row)]
    assert all(len(row) == width for row in data_rows)
    carried = next(row for row in data_rows if last_label(row).startswith("四、结转"))
    total = next(row for row in data_rows if last_label(row).startswith("（七）"))
    assert [c for c, text in enumerate(carried) if is_value(text or "x")] == \
        [c for c, text in enumerate(total) if is_number(text)]
