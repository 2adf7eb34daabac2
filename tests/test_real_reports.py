"""Every labeled real report (../shared/corpus/real) and the seed reproduce their gold file through `check --json`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evaluation.scoring import score
from extraction.cli import app

from conftest import REAL, SEED, gold_of, real_documents

runner = CliRunner()
DOCUMENTS = [SEED, *real_documents()]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_report_reproduces_its_gold(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} absent (../shared not checked out)")
    result = runner.invoke(app, ["check", "--json", str(path)])
    predicted = json.loads(result.stdout)
    gold = gold_of(path)
    doc = score(predicted, gold)
    t = doc.tally
    assert t.cells_correct == t.cells_gold, doc.wrong_cells[:5]
    assert t.cells_extra == 0, doc.extra_cells[:5]
    assert (doc.missed_findings, doc.extra_findings) == ([], [])
    assert t.links_correct >= 0.95 * t.links_predicted, doc.wrong_links
    assert t.links_found >= 0.95 * t.links_gold, doc.missed_links
    for field in ("agency", "report_year", "template"):
        assert predicted[field] == gold[field]
    assert result.exit_code == (1 if predicted["findings"] else 0)


def test_real_corpus_is_present_in_ci() -> None:
    if not REAL.is_dir():
        pytest.skip(f"shared corpus not present at {REAL} (a fresh clone without ../shared)")
    assert len(real_documents()) >= 9
