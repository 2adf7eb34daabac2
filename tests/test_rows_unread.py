"""A 表三 row that no reader placed makes the check partial (rows_unread, 部分核对), whichever reader read the rest:
the rows are counted once every reader has run, from the cells they left, never from one reader's own view."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from evaluation.content import Table, content_of
from evaluation.mutations import MUTATIONS
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec
from extraction.tables import ParsedTables, unread_requests_rows

DROPPED = "危及"  # 3.危及“三安全一稳定”: a leaf row of 三（三） in both formats
DROPPED_SHORT = "三（三）3"  # how the check names that row
# layouts read by different readers: grid, pipe rows, tab rows, spaced columns, one cell a line, digits run together
LAYOUTS = ["html", "markdown-converter", "browser-copy", "whitespace-columns", "cell-per-line", "scraper-concatenated"]


def generated(seed: int, year: int):
    """Given a seed and a year, return a generated report's content, read back from its page."""
    model = build_report(random.Random(seed), f"rows_{seed}", make_agency(random.Random(seed)), year, 0.0)
    return content_of(read_source("report.html", render(model, "html")))


def without_row(content, word: str):
    """Given content, return it with every table row that prints `word` left out."""
    blocks = tuple(Table(tuple(r for r in b.rows if not any(word in (t or "") for t in r))) if isinstance(b, Table) else b
                   for b in content.blocks)
    return replace(content, blocks=blocks)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("seed,year", [(3, 2022), (8, 2020)])
def test_a_missing_requests_row_leaves_the_check_partial(layout: str, seed: int, year: int) -> None:
    content = generated(seed, year)
    laid_out = MUTATIONS[layout](content)
    whole = audit(f"whole.{laid_out.extension}", laid_out.data).to_json()
    assert "rows_unread" not in [e["code"] for e in whole["errors"]]
    variant = MUTATIONS[layout](without_row(content, DROPPED))
    result = audit(f"short.{variant.extension}", variant.data).to_json()
    assert result["status"] == "partial"
    unread = [e["message"] for e in result["errors"] if e["code"] == "rows_unread"]
    assert unread and DROPPED_SHORT in unread[0]
    assert not any(k.startswith("requests.result.withheld.three_securities") for k in result["cells"])


def full_requests(version: str) -> ParsedTables:
    """Given a version, return parsed tables holding a 0 in every 表三 cell of it."""
    spec = load_spec()
    out = ParsedTables(version=version, found={"三"})
    for row in spec.versions[version].requests_rows:
        for column in spec.column_keys:
            out.cells[f"requests.{row.key}.{column}"] = None  # only the keys are counted
    return out


def test_a_row_missing_one_cell_silently_is_unread_but_a_cell_marked_unread_is_not() -> None:
    spec = load_spec()
    out = full_requests("v2021")
    assert unread_requests_rows(out, spec.versions["v2021"], spec.column_keys) == []
    key = f"requests.result.withheld.three_securities_one_stability.{spec.column_keys[2]}"
    del out.cells[key]
    assert len(unread_requests_rows(out, spec.versions["v2021"], spec.column_keys)) == 1
    out.unread[key] = "ambiguous_placement"  # reported as cells_unread instead
    assert unread_requests_rows(out, spec.versions["v2021"], spec.column_keys) == []


def test_no_rows_are_counted_where_requests_was_not_read() -> None:
    spec = load_spec()
    assert unread_requests_rows(ParsedTables(version="v2021"), spec.versions["v2021"], spec.column_keys) == []


def test_other_handling_counts_in_either_format_and_is_unread_in_neither() -> None:
    spec = load_spec()
    out = full_requests("v2021")
    other = [k for k in out.cells if k.startswith("requests.result.other.")]
    for key in other:
        del out.cells[key]
    shorts = unread_requests_rows(out, spec.versions["v2021"], spec.column_keys)
    assert len(shorts) == 3  # 三（六）'s three rows of the 2021 format, none printed
    for column in spec.column_keys:
        out.cells[f"requests.result.other.{column}"] = None  # the 2019 format's one row, printed instead
    assert unread_requests_rows(out, spec.versions["v2021"], spec.column_keys) == []


@pytest.mark.parametrize("layout", ["html", "browser-copy", "whitespace-columns", "cell-per-line"])
def test_a_missing_active_row_leaves_the_check_partial(layout: str) -> None:
    content = generated(3, 2022)
    variant = MUTATIONS[layout](without_row(content, "规章"))
    result = audit(f"short.{variant.extension}", variant.data).to_json()
    assert result["status"] == "partial"
    unread = [e["message"] for e in result["errors"] if e["code"] == "rows_unread"]
    assert any("表二 规章" in message for message in unread)
    assert not any(k.startswith("active.rules.") for k in result["cells"])
