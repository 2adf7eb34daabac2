"""The scorer on hand-made results, and the eval command on the labeled real corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evaluation.scoring import Json, score
from extraction.cli import app

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def mention(value: float, metric: str | None, **flags: object) -> Json:
    """Given a value, a metric and gold/result flags, return a mention."""
    return {"section": "一", "quote": f"{value}件", "value": value, "unit": "件", "approx": False, "metric": metric, **flags}


def gold(**parts: object) -> Json:
    """Given some gold parts, return a gold label with the rest empty."""
    return {"document": "x.txt", "format": "text-flattened", "agency": "某局", "report_year": 2023, "template": "v2021",
            "cells": {}, "mentions": [], "findings": [], **parts}


def result(**parts: object) -> Json:
    """Given some result parts, return an audit result (output-format.md) with the rest empty."""
    return {"agency": "某局", "report_year": 2023, "template": "v2021", "cells": {}, "mentions": [], "findings": [],
            "errors": [], **parts}


def test_a_wrong_link_lowers_precision_and_recall() -> None:
    g = gold(mentions=[mention(5, "review.total"), mention(3, "review.pending")])
    r = result(mentions=[mention(5, "review.total"), mention(3, "review.maintained")])
    ratios = score(r, g).tally.ratios()
    assert ratios["link_precision"] == 0.5
    assert ratios["link_recall"] == 0.5


def test_figures_count_whether_or_not_they_are_linked() -> None:
    g = gold(mentions=[mention(49034, None), mention(5, "review.total"), mention(7, None), mention(2, None, optional=True)])
    r = result(mentions=[mention(49034, None), mention(5, None), mention(2, None), mention(12, None)])
    tally = score(r, g).tally
    assert (tally.figures_found, tally.figures_gold) == (2, 3)  # 7 missed; the optional 2 counts on neither side
    assert (tally.figures_correct, tally.figures_predicted) == (2, 3)  # 12 is no figure of the gold


def test_implicit_zeros_count_when_linked_right() -> None:
    g = gold(mentions=[mention(0, "requests.new.total", implicit=True), mention(0, "review.total", implicit=True),
                       mention(0, "litigation.total", implicit=True), mention(3, "requests.carried_forward.total")])
    r = result(mentions=[mention(0, "requests.new.total", implicit=True), mention(0, "litigation.total", implicit=True),
                         mention(3, "requests.carried_forward.total")])
    tally = score(r, g).tally
    assert (tally.implicit_found, tally.implicit_gold) == (2, 3)
    assert tally.ratios()["implicit_recall"] == 2 / 3


def test_a_link_on_a_gold_null_mention_is_a_precision_error() -> None:
    g = gold(mentions=[mention(11, None), mention(8, "active.normative_docs.new_made")])
    r = result(mentions=[mention(11, "active.normative_docs.new_made"), mention(8, "active.normative_docs.new_made")])
    doc = score(r, g)
    assert (doc.tally.links_correct, doc.tally.links_predicted) == (1, 2)
    assert doc.tally.ratios()["link_recall"] == 1.0
    assert doc.wrong_links[0]["value"] == 11


def test_an_unlinked_figure_on_a_gold_null_mention_is_neither_right_nor_wrong() -> None:
    doc = score(result(mentions=[mention(11, None)]), gold(mentions=[mention(11, None)]))
    assert (doc.tally.links_predicted, doc.tally.links_gold) == (0, 0)


def test_a_missing_cell_is_wrong_and_an_extra_cell_is_only_counted() -> None:
    g = gold(cells={"review.total": 7, "review.pending": None, "active.admin_fees.amount_wan_yuan": 254.38})
    r = result(cells={"review.total": {"value": 7}, "active.admin_fees.amount_wan_yuan": {"value": 254.38000000001},
                      "review.other": {"value": 0}})
    doc = score(r, g)
    assert (doc.tally.cells_correct, doc.tally.cells_gold, doc.tally.cells_extra) == (2, 3, 1)
    assert doc.wrong_cells == [{"cell": "review.pending", "gold": None, "predicted": None, "missing": True, "flagged": True}]
    assert doc.extra_cells == ["review.other"]


def test_a_blank_cell_read_as_zero_is_wrong() -> None:
    doc = score(result(cells={"review.pending": {"value": 0}}), gold(cells={"review.pending": None}))
    assert doc.tally.cells_correct == 0


def test_accept_lists_are_honoured() -> None:
    accept = ["requests.new.total", "requests.handled_pool.total"]
    g = gold(mentions=[mention(75, "requests.new.total", accept=accept)])
    assert score(result(mentions=[mention(75, "requests.handled_pool.total")]), g).tally.ratios()["link_precision"] == 1.0
    other = score(result(mentions=[mention(75, "requests.result.total.total")]), g).tally
    assert (other.links_correct, other.links_predicted, other.links_found) == (0, 1, 0)


def test_accept_with_null_lets_an_unlinked_mention_pass() -> None:
    g = gold(mentions=[mention(9, "litigation.total", accept=["litigation.total", None])])
    doc = score(result(mentions=[mention(9, None)]), g)
    assert (doc.tally.links_found, doc.tally.links_gold, doc.tally.links_predicted) == (1, 1, 0)
    strict = score(result(mentions=[mention(9, None)]), gold(mentions=[mention(9, "litigation.total")]))
    assert strict.tally.ratios()["link_recall"] == 0.0


def test_optional_mentions_are_neutral() -> None:
    g = gold(mentions=[mention(1, None, optional=True)])
    doc = score(result(mentions=[mention(1, "review.total")]), g)
    assert (doc.tally.links_predicted, doc.tally.links_gold) == (0, 0)


def test_a_figure_pairs_with_the_gold_of_its_own_unit_before_an_optional_one_of_the_same_value() -> None:
    parts = mention(6, None, optional=True, unit="部分", quote="报告分为六部分")
    posts = mention(6, None, unit="条", quote="发布信息6条")
    tally = score(result(mentions=[{**posts, "metric": "active.normative_docs.issued"}]), gold(mentions=[parts, posts])).tally
    assert (tally.figures_found, tally.figures_gold) == (1, 1)
    assert (tally.links_predicted, tally.links_correct) == (1, 0)  # a false link paired to the optional 六部分 went uncounted


def test_the_same_quote_decides_between_two_golds_of_one_value() -> None:
    received = mention(3, "review.total", quote="收到行政复议3件", accept=["review.closed"])
    closed = mention(3, "review.total", quote="办结行政复议3件")
    r = result(mentions=[{**closed}, {**received, "metric": "review.closed"}])
    assert score(r, gold(mentions=[received, closed])).tally.links_correct == 2


def test_a_worded_zero_does_not_take_the_printed_zero_both_readings_accept() -> None:
    worded = mention(0, "requests.new.total", implicit=True, unit="", quote="未收到政府信息公开申请及投诉")
    printed = mention(0, "requests.result.total.total", accept=["requests.new.total"], quote="办理量为0 件")
    r = result(mentions=[{**worded, "unit": "件", "quote": "未收到政府信息公开申请"}, {**printed, "quote": "办理量为0件"}])
    assert score(r, gold(mentions=[worded, printed])).tally.links_correct == 2


def test_tolerance_allows_rounding_of_scaled_figures() -> None:
    g = gold(mentions=[mention(18500, "active.licensing.decisions", tolerance=50)])
    assert score(result(mentions=[mention(18532, "active.licensing.decisions")]), g).tally.links_correct == 1
    assert score(result(mentions=[mention(18600, "active.licensing.decisions")]), g).tally.links_correct == 0


def test_optional_and_implied_findings_are_neutral() -> None:
    g = gold(findings=[
        {"rule": "narrative_vs_table", "metric": "review.maintained", "implied": True},
        {"rule": "narrative_vs_table", "metric": "requests.result.unable.subtotal.total", "optional": True},
    ])
    found = score(result(findings=[{"rule": "narrative_vs_table", "metric": "review.maintained"}]), g).tally
    assert (found.findings_matched, found.findings_predicted, found.findings_gold) == (0, 0, 0)
    silent = score(result(), g).tally
    assert silent.ratios()["finding_recall"] == 1.0


def test_a_finding_on_another_metric_is_both_a_miss_and_an_extra() -> None:
    g = gold(findings=[{"rule": "narrative_vs_table", "metric": "litigation.pending"}])
    r = result(findings=[{"rule": "narrative_vs_table", "metric": "litigation.total"}])
    doc = score(r, g)
    assert doc.missed_findings == [("narrative_vs_table", "litigation.pending")]
    assert doc.extra_findings == [("narrative_vs_table", "litigation.total")]
    assert doc.tally.ratios()["finding_precision"] == doc.tally.ratios()["finding_recall"] == 0.0


def test_findings_match_by_identity_and_row() -> None:
    g = gold(findings=[{"rule": "table_identity", "identity": "T4.review.total"},
                       {"rule": "template_deviation", "row": "requests.result.other"}])
    r = result(findings=[{"rule": "template_deviation", "row": "requests.result.other"},
                         {"rule": "table_identity", "identity": "T4.review.total", "cells": {"review.total": 0}}])
    assert score(r, g).tally.findings_matched == 2


def test_metadata_is_compared_field_by_field() -> None:
    doc = score(result(agency="某市人民政府", report_year=2022), gold())
    assert (doc.tally.metadata_correct, doc.tally.metadata_total) == (1, 3)
    assert set(doc.metadata) == {"agency", "report_year"}


@pytest.fixture
def real_dir() -> Path:
    if not REAL.is_dir():
        pytest.skip(f"shared corpus not present at {REAL} (a fresh clone without ../shared)")
    return REAL


def test_eval_on_the_real_corpus_meets_the_bar(real_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    bar = ["--min-cells", "0.95", "--min-link-precision", "0.95", "--min-link-recall", "0.95",
           "--min-finding-precision", "0.95", "--min-finding-recall", "0.95"]
    run = CliRunner().invoke(app, ["eval", str(real_dir), "--json", str(out), *bar])
    assert run.exit_code == 0, run.output
    overall = json.loads(out.read_text(encoding="utf-8"))["overall"]
    assert overall["documents"] == len(list(real_dir.glob("*.gold.json")))
    for name in ("cell_accuracy", "link_precision", "link_recall", "finding_precision", "finding_recall"):
        assert overall[name] >= 0.95, name

    strict = CliRunner().invoke(app, ["eval", str(real_dir), "--min-cells", "1.01", "--min-finding-recall", "1.01"])
    assert strict.exit_code == 1
    assert "below threshold: cell_accuracy" in strict.output


def test_an_agency_the_text_never_names_is_right_when_nothing_is_read() -> None:
    g = gold(agency="")
    assert score(result(agency=None), g).tally.metadata_correct == 3
    assert score(result(agency="某局"), g).tally.metadata_correct == 2
