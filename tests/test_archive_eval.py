"""A small synthetic series archive runs through `batch`, and its cross-year findings match the generator's gold."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from evaluation.archive import compare
from evaluation.synth import generate, models
from extraction.agency import agency_key
from extraction.batch import run_batch
from extraction.cli import app
from extraction.store import Store


def test_series_agencies_have_keys_of_their_own() -> None:
    # the store links by agency key: two series sharing one would be linked into a single series
    reports = models(40, 0, 0.5, series=60)
    firsts = [m for m in reports if m.cross_year is None]  # singles, then the first year of each series
    keys = [agency_key(m.agency.name) for m in firsts[40:]]
    assert len(set(keys)) == 60
    assert not set(keys) & {agency_key(m.agency.name) for m in firsts[:40]}


def test_batch_cross_year_findings_match_the_gold(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(docs, 0, 1, ["text", "html"], 0.5, series=6)
    store = Store(tmp_path / "a.sqlite")
    counts = run_batch([str(docs)], store, workers=1)
    store.close()
    assert counts.stored == 30 and counts.failed == 0

    result = compare(tmp_path / "a.sqlite", docs)
    assert result["series_agencies"] == 6 and result["series_documents_stored"] == 30
    assert result["chains_checked"] > 0 and result["chains_broken"] > 0
    assert result["gold_disagreements"] == []
    assert (result["precision"], result["recall"]) == (1.0, 1.0), (result["missed"], result["extra"])

    out = tmp_path / "eval.json"
    cli = CliRunner().invoke(app, ["eval-archive", "--db", str(tmp_path / "a.sqlite"), str(docs), "--json", str(out),
                                   "--min-precision", "1", "--min-recall", "1"])
    assert cli.exit_code == 0, cli.output
    assert "precision 1.0000" in cli.output
    assert json.loads(out.read_text(encoding="utf-8"))["below_threshold"] == []


def test_eval_archive_fails_below_threshold_and_without_store(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    generate(docs, 0, 2, ["text"], 1.0, series=1)
    Store(tmp_path / "empty.sqlite").close()  # nothing audited: every gold break is missed
    runner = CliRunner()
    below = runner.invoke(app, ["eval-archive", "--db", str(tmp_path / "empty.sqlite"), str(docs), "--min-recall", "0.5"])
    result = compare(tmp_path / "empty.sqlite", docs)
    assert result["recall"] < 0.5 or result["chains_broken"] == 0
    assert below.exit_code == (1 if result["chains_broken"] else 0), below.output
    missing = runner.invoke(app, ["eval-archive", "--db", str(tmp_path / "none.sqlite"), str(docs)])
    assert missing.exit_code == 2
