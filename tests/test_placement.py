"""Placements chosen by the identities (issue 9): the real reports re-laid out as people receive them read the
same cells; what the identities cannot decide is left unread; a failure another placement resolves is a doubt."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.checks import identity_findings
from extraction.document import Cell, Where
from extraction.pipeline import audit
from extraction.placement import Alternative, Candidate, Slot, alternatives, choose, collapse_repeats, row_candidates
from extraction.spec import Identity, load_spec
from extraction.values import TableView

from conftest import SEED, gold_of, real_documents
from relayout import LAYOUTS, Content, markdown_review_split, markdown_trailing_empty

DOCUMENTS = real_documents()
GOLD_SEED = gold_of(SEED)
_CONTENT: dict[Path, Content] = {}


def _content(path: Path) -> Content:
    if path not in _CONTENT:
        _CONTENT[path] = Content(path)
    return _CONTENT[path]


def _cells(texts: list[str]) -> list[Cell]:
    return [Cell(t, Where(line=i + 1)) for i, t in enumerate(texts)]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_real_report_in_another_layout_reads_the_gold_cells(path: Path, layout: str, tmp_path: Path) -> None:
    suffix, relay = LAYOUTS[layout]
    variant = tmp_path / f"{path.stem}{suffix}"
    variant.write_text(relay(_content(path)), encoding="utf-8")
    gold = gold_of(path)
    report = audit(variant)
    assert {k: report.cells[k].value if k in report.cells else "unread" for k in gold["cells"]} == gold["cells"]
    printed_errors = {(f["rule"], f.get("identity")) for f in gold["findings"] if f["rule"] == "table_identity"}
    assert {(f.rule, f.fields.get("identity")) for f in report.findings if f.rule == "table_identity"} == printed_errors
    assert not [f for f in report.findings if f.rule == "layout_ambiguous"]


def test_trailing_empty_cell_reads_the_row_not_shifted() -> None:
    row = _cells(["32", "2", "0", "0", "0", "0", "34", ""])
    keys = tuple(f"requests.new.{c}" for c in load_spec().column_keys)
    identity = next(i for i in load_spec().versions["v2021"].identities if i.lhs == ("requests.new.total",))
    [choice] = choose([Slot(keys, row_candidates(row, 7))], [identity])
    assert [c.text for c in choice.candidate.cells] == ["32", "2", "0", "0", "0", "0", "34"]
    assert choice.confidence == 1.0 and not choice.unread


def test_repeated_span_text_collapses_to_the_group_columns() -> None:
    assert [[c.text for c in r.cells] for r in collapse_repeats(_cells(["5", "7", "7"]), 2)] == [["5", "7"]]
    assert collapse_repeats(_cells(["5", "7", "8"]), 2) == []  # nothing repeated: not a span
    assert len(collapse_repeats(_cells(["5", "5", "7", "7"]), 3)) == 2  # 5 5 7 or 5 7 7: left to the caller as ambiguous


def test_review_part_missing_a_cell_is_left_unread_where_placements_tie(tmp_path: Path) -> None:
    """The seed with 表四 as three captioned tables and 行政复议 printed one cell short (1 0 0 1): four placements
    satisfy its identity, so only the 总计 all of them read is kept; the outcome cells are unread, not guessed."""
    content = Content(SEED)  # its printed cells are edited below
    keys = [c["key"] for c in load_spec().review_litigation_columns]
    content.model.marks.update(dict(zip(keys[:5], ["1", "0", "0", "0", "1"])))
    text = markdown_review_split(content)
    short = text.replace("| 1 | 0 | 0 | 0 | 1 |", "| 1 | 0 | 0 | 1 |", 1)
    assert short != text
    path = tmp_path / "split.md"
    path.write_text(short, encoding="utf-8")
    report = audit(path)
    assert report.cells["review.total"].value == 1
    assert all(f"review.{k}" not in report.cells for k in ("maintained", "corrected", "other", "pending"))
    assert report.cells["litigation.direct.total"].value == GOLD_SEED["cells"]["litigation.direct.total"]
    assert not [f for f in report.findings if f.rule == "table_identity"]


def test_failure_another_placement_resolves_is_a_layout_doubt() -> None:
    """Two rows coupled by a column identity: reading row 1 as printed breaks its own total, the shifted reading
    breaks the column; the identities tie, evidence keeps the printed one, and its failure is named a doubt."""
    row_total = Identity("T.row", "t = a + b", ("t",), ("a", "b"))
    column = Identity("T.col", "a = c", ("a",), ("c",))
    printed = Candidate(tuple(_cells(["1", "2", "2"])), "aligned", "as printed")
    shifted = Candidate(tuple(_cells(["0", "2", "2"])), "shifted", "cell 1 moved")
    slots = [Slot(("a", "b", "t"), [printed, shifted]), Slot(("c",), [Candidate(tuple(_cells(["1"])), "aligned", "as printed")])]
    choices = choose(slots, [row_total, column])
    assert choices[0].candidate is printed and choices[0].confidence < 1.0
    [doubt] = alternatives(slots, choices, [row_total, column])
    assert doubt.identity is row_total and doubt.other == {"t": 2, "a": 0, "b": 2}


def test_layout_doubt_replaces_the_identity_error(tmp_path: Path) -> None:
    """A 表四 part printed with all five cells breaks its identity under its only placement: an error. Were another
    placement to satisfy it, checks say layout_ambiguous (warning) naming both readings instead."""
    content = Content(SEED)  # its printed cells are edited below
    keys = [c["key"] for c in load_spec().review_litigation_columns]
    content.model.marks.update(dict(zip(keys[:5], ["1", "0", "0", "0", "2"])))
    path = tmp_path / "split.md"
    path.write_text(markdown_review_split(content), encoding="utf-8")
    report = audit(path)
    errors = [f.fields["identity"] for f in report.findings if f.rule == "table_identity"]
    assert errors == ["T4.review.total"]
    identity = next(i for i in load_spec().versions["v2021"].identities if i.id == "T4.review.total")
    other = {"review.maintained": 1, "review.corrected": 0, "review.other": 0, "review.pending": 1, "review.total": 2}
    report.layout_alternatives = [Alternative(identity, {k: report.cells[k].value for k in identity.keys}, other, "第4格缺失", "按印刷位置")]
    view = TableView(report.cells, load_spec(), report.template)
    [doubt] = [f for f in identity_findings(report, view, load_spec()) if f.fields["identity"] == "T4.review.total"]
    assert (doubt.rule, doubt.severity) == ("layout_ambiguous", "warning")
    assert [r["placement"] for r in doubt.fields["readings"]] == ["按印刷位置", "第4格缺失"]


def test_row_shifted_by_a_lost_cell_is_a_layout_doubt_not_an_error(tmp_path: Path) -> None:
    """The seed as converter markdown (a trailing empty cell on every row) with 二、上年结转's 41 pushed one column
    right (a lost cell at its start): read as printed it breaks the 商业企业 balance, read from the row's other
    end it holds. That is a warning naming both readings, no table_identity error, and the doubtful cells back
    no narrative mismatch."""
    printed = "| 二、上年结转政府信息公开申请数量 |  |  | 41 | 0 | 0 | 0 | 0 | 0 | 41 |  |"
    text = markdown_trailing_empty(_content(SEED))
    assert printed in text
    path = tmp_path / "shifted.md"
    path.write_text(text.replace(printed, printed.replace("|  |  | 41 | 0 |", "|  |  |  | 41 |")), encoding="utf-8")
    report = audit(path)
    assert not [f for f in report.findings if f.rule == "table_identity"]
    [doubt] = [f for f in report.findings if f.rule == "layout_ambiguous"]
    assert doubt.severity == "warning" and doubt.fields["identity"] == "T3.balance"
    assert [r["cells"]["requests.carried_over.commercial_enterprise"] for r in doubt.fields["readings"]] == [41, 0]
    assert report.cells["requests.carried_over.commercial_enterprise"].confidence <= 0.5
    assert not [f for f in report.findings if f.rule == "narrative_vs_table" and "carried_over" in f.fields["metric"]]


def test_a_row_of_thousands_of_blank_cells_has_only_the_readings_that_keep_its_numbers() -> None:
    # found by the fuzzing campaign: a one-cell-per-line row repeated into thousands of blank cells took a minute
    # (every window re-checked every cell outside it); the windows that keep every printed cell are found directly
    values = _cells([""] * 3000 + ["5", "1", "0", "0", "0", "0", "6"] + [""] * 2)
    readings = row_candidates(values, 7)
    assert [[c.text for c in r.cells] for r in readings] == [["5", "1", "0", "0", "0", "0", "6"]]
    only_blanks = row_candidates(_cells([""] * 50), 7)
    assert {tuple(c.text for c in r.cells) for r in only_blanks} == {("",) * 7}


def test_a_row_whose_values_fit_no_reading_is_left_unread() -> None:
    # found by the fuzzing campaign: a slot without readings made the joint choice fail on an empty product
    from extraction.tables import ParsedTables, _place_rows

    spec = load_spec()
    keys = tuple(f"requests.new.{c}" for c in spec.column_keys)
    fitting = Slot(tuple(f"requests.carried_over.{c}" for c in spec.column_keys), row_candidates(_cells(["1", "0", "0", "0", "0", "0", "1"]), 7))
    out = ParsedTables()
    _place_rows(out, [Slot(keys, []), fitting], spec, spec.versions["v2021"])
    assert out.cells["requests.carried_over.total"].value == 1
    assert not any(k.startswith("requests.new.") for k in out.cells)
