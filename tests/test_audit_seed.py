"""The seed report and the named real reports give exactly the findings an auditor expects."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from extraction.cli import app
from extraction.pipeline import audit
from extraction.render import render_markdown, render_text

from conftest import SEED

runner = CliRunner()


def _findings(report) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.severity, f.fields.get("metric") or f.fields.get("identity") or f.fields.get("row")) for f in report.findings)


def test_seed_gives_exactly_three_findings() -> None:
    report = audit(SEED)
    assert report.agency == "北京市密云区人民政府"
    assert (report.report_year, report.template, report.published) == (2021, "v2021", "2022-01-20")
    assert _findings(report) == [
        ("narrative_parts_sum", "error", "litigation.total"),
        ("narrative_vs_table", "error", "litigation.pending"),
        ("narrative_vs_table", "warning", "requests.new.total"),
    ]
    by_metric = {f.fields.get("metric"): f for f in report.findings}
    scope = by_metric["requests.new.total"]
    assert scope.fields["table_values"] == {"requests.new.total": 572, "requests.handled_pool.total": 613}
    assert "含垂管部门" in scope.message
    pending = by_metric["litigation.pending"]
    assert pending.fields["table_values"] == {"litigation.pending": 3}
    assert {e["cell"] for e in pending.evidence if "cell" in e} == {"litigation.direct.pending", "litigation.after_review.pending"}
    parts = by_metric["litigation.total"]
    assert (parts.fields["narrative_value"], parts.fields["parts_sum"]) == (20, 18)


def test_every_finding_carries_evidence_with_provenance() -> None:
    report = audit(SEED)
    for finding in report.findings:
        assert finding.message and finding.evidence
        for item in finding.evidence:
            assert "line" in item, item
            assert "quote" in item or "cell" in item


def test_cells_keep_blank_distinct_from_zero(real_dir) -> None:
    report = audit(real_dir / "shuyang_fgj_2023.html")
    assert report.cells["requests.new.commercial_enterprise"].value is None
    assert report.cells["requests.new.natural_person"].value == 26
    assert report.cells["requests.carried_over.natural_person"].value == 0


def test_clean_report_gives_no_finding(real_dir) -> None:
    report = audit(real_dir / "huaian_2024.pdf")
    assert report.findings == []
    assert report.status == "complete"
    assert "未发现矛盾。" in render_text(report)


def test_hongze_names_the_suspect_total_cells(real_dir) -> None:
    report = audit(real_dir / "hongze_2023.pdf")
    identities = {f.fields["identity"]: f for f in report.findings if f.rule == "table_identity"}
    assert set(identities) == {"T4.review.total", "T4.litigation.after_review.total"}
    assert identities["T4.review.total"].fields["suspect_cells"] == ["review.total"]
    assert identities["T4.review.total"].fields["parts_sum"] == 11
    assert identities["T4.litigation.after_review.total"].fields["suspect_cells"] == ["litigation.after_review.total"]
    assert [f.fields["row"] for f in report.findings if f.rule == "template_deviation"] == ["requests.result.other"]
    assert report.cells["requests.result.other.total"].value == 0


def test_check_json_is_byte_identical_across_runs() -> None:
    first = runner.invoke(app, ["check", "--json", str(SEED)])
    second = runner.invoke(app, ["check", "--json", str(SEED)])
    assert first.exit_code == 1
    assert first.stdout == second.stdout
    result = json.loads(first.stdout)
    assert set(result) >= {"document", "agency", "report_year", "template", "cells", "mentions", "findings", "summary", "errors"}
    assert result["document"]["sha256"] and result["document"]["format"] == "text-flattened"


def test_text_view_names_locations_and_quotes() -> None:
    out = runner.invoke(app, ["check", str(SEED)]).stdout
    assert "表三 一 行 总计 列" in out
    assert "其余1件" in out
    markdown = runner.invoke(app, ["check", "--format", "markdown", str(SEED)]).stdout
    assert markdown.startswith("# 北京市密云区人民政府 2021年")
    assert "公开率" in markdown


def test_summary_rates_and_points() -> None:
    summary = audit(SEED).summary
    assert summary["figures"]["requests.new.total"] == 572
    assert summary["rates"]["disclosure_rate"] == round((167 + 101) / 588, 4)
    assert summary["rates"]["review_correction_rate"] == round(4 / 12, 4)
    assert summary["problems_and_measures"], "section 五 should condense to points"
