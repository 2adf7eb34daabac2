"""Concatenated digits on a page that writes every cell of 表三: a row no split reads under its own identity is the
report's own error, read as printed where its characters admit one split, and never where they also read as fewer
cells with blanks printed as nothing."""
from __future__ import annotations

import random

from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.model import ReportModel
from evaluation.synth.names import make_agency
from extraction.pipeline import audit

ROW = "requests.result.not_processed.excessive"
COLUMNS = ("natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
           "legal_service_org", "other_org", "total")


def _model_with_row(values: tuple[int, ...]) -> ReportModel:
    model = build_report(random.Random(3), "concat_own", make_agency(random.Random(3)), 2022, 0.0)
    assert all(v is not None for k, v in model.cells.items() if k.startswith("requests."))  # 表三 prints every cell
    model.cells.update({f"{ROW}.{c}": v for c, v in zip(COLUMNS, values)})
    return model


def _row_findings(report) -> list[dict]:
    return [f for f in (x.to_json() for x in report.findings if x.rule == "table_identity")
            if f["identity"] == "T3.row_total" and f["equation"]["lhs"] == [f"{ROW}.total"]]


def test_a_row_printed_against_its_total_reads_as_printed_and_is_reported() -> None:
    model = _model_with_row((0, 0, 0, 0, 0, 0, 2))  # 0000002: one split only, 总计 2 beside parts of 0
    report = audit("report.concat.txt", render(model, "concat"))
    assert report.format == "text-concat"
    assert {c: report.cells[f"{ROW}.{c}"].value for c in COLUMNS} == dict(zip(COLUMNS, (0, 0, 0, 0, 0, 0, 2)))
    assert [f["identity"] for f in _row_findings(report)] == ["T3.row_total"]


def test_a_broken_row_that_may_have_dropped_its_blanks_is_not_read() -> None:
    # 10020120 splits into seven cells only against the row total, but also reads 100 20 _ _ _ _ 120 under it.
    model = _model_with_row((10, 0, 2, 0, 1, 2, 0))
    report = audit("report.concat.txt", render(model, "concat"))
    assert not [c for c in COLUMNS if f"{ROW}.{c}" in report.cells]
    assert _row_findings(report) == []


def test_a_label_printed_in_two_pieces_around_a_run_does_not_own_it() -> None:
    """A grid whose label cell wraps (…重新出具已获 / 取信息) puts a neighbouring row's values between its pieces in
    the flattened text: the run between them is no certain part of the row, which stays unread instead of taking
    values that add up (6300009 beside a row of 5 1 0 0 2 0 8)."""
    row = "requests.result.not_processed.confirm_or_reissue"
    model = _model_with_row((0, 0, 0, 0, 0, 0, 0))
    model.cells.update({f"{row}.{c}": v for c, v in zip(COLUMNS, (5, 1, 0, 0, 2, 0, 8))})
    text = render(model, "concat").decode("utf-8")
    printed = "要求行政机关确认或重新出具已获取信息5100208"
    assert printed in text
    text = text.replace(printed, "要求行政机关确认或重新出具已获6300009取信息")
    report = audit("report.concat.txt", text.encode("utf-8"))
    assert report.format == "text-concat"
    assert not [c for c in COLUMNS if f"{row}.{c}" in report.cells]
    assert "requests.result.not_processed.excessive.total" in report.cells  # the row before still reads
