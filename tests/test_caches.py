"""What is kept from one report for the next (work derived once per spec, row labels placed once, cue and veto
indexes per rule list) carries no state between reports: reports audited in either order read the same."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from evaluation.identical import differences
from extraction.pipeline import audit
from extraction.spec import load_spec, per_spec

from conftest import REPO, SEED

SYNTHETIC = REPO / "corpus" / "synthetic"
# Both template versions, every text layout the matcher and the linker see: the seed (2021, flattened text), a 2019
# HTML page, a 2019 text-pipe file and a 2024 markdown file.
REPORTS = [SEED, SYNTHETIC / "synth_2_007.html", SYNTHETIC / "synth_2_003.txt", SYNTHETIC / "synth_2_005.md"]


def _dump(out: Path, files: list[Path]) -> None:
    subprocess.run([sys.executable, "-m", "evaluation.identical", "dump", str(out), *map(str, files)],
                   check=True, cwd=REPO, capture_output=True)


def test_reports_audited_in_either_order_from_a_fresh_process_read_the_same(tmp_path: Path) -> None:
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    _dump(forward, REPORTS)
    _dump(backward, REPORTS[::-1])
    assert len(list(forward.iterdir())) == 3 * len(REPORTS)  # the JSON result, text and markdown of each
    assert differences(forward, backward) == []


def test_a_report_reads_the_same_before_and_after_others_in_one_process() -> None:
    def result(path: Path) -> str:
        return json.dumps(audit(path).to_json(), ensure_ascii=False, sort_keys=True)

    first = [result(path) for path in REPORTS]
    again = [result(path) for path in REPORTS[::-1]][::-1]
    assert first == again
    assert len(set(first)) == len(REPORTS)


def test_work_derived_per_spec_is_derived_again_for_another_spec() -> None:
    calls: list[int] = []

    @per_spec
    def derived(spec) -> int:
        calls.append(id(spec))
        return len(spec.topics)

    spec = load_spec()
    other = replace(spec, topics={**spec.topics, "extra": ["额外"]})
    assert [derived(spec), derived(spec), derived(other), derived(spec)] == [len(spec.topics), len(spec.topics),
                                                                              len(spec.topics) + 1, len(spec.topics)]
    assert calls == [id(spec), id(other), id(spec)]  # once per spec in a row, again when the spec changes


def test_whitespace_reports_read_the_same_in_either_order(tmp_path: Path) -> None:
    # A whitespace table's lines are read for their cells and columns once per report (kept for that report only):
    # the reports before it, of other numbers under the same labels and headers, change nothing.
    from evaluation.synth import generate

    paths = [p for p in generate(tmp_path, 3, 5, ["whitespace"], 0.5) if p.suffix == ".txt"]
    assert len(paths) == 3

    def result(path: Path) -> str:
        report = audit(path)
        assert report.format == "text-whitespace" and report.cells
        return json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True)

    first = [result(path) for path in paths]
    assert [result(path) for path in paths[::-1]][::-1] == first
    assert len(set(first)) == len(paths)
