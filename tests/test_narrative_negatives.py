"""The narrative's negative metamorphic harness: each mutation changes what a linked figure counts, deterministically,
in the figure's own sentence, and the gate holds on a fixed sample of the tuned split: a figure whose clause now
counts another matter, other bodies, another year, a running total, an average, a change, people, requests not
yet answered, another body's requests helped with, a plan, a share, a part of the year or another named body keeps
no link to its original metric."""
from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from rich.console import Console

from evaluation.narrative_mutations import apply, audit_text, pages_of, sample
from evaluation.narrative_negatives import MUTATIONS, locate, measure, mutated_page, page_seed, run, targets_of

TUNED = Path(__file__).resolve().parents[1] / "corpus" / "real-narrative" / "tuned"
GATE_SAMPLE_EVERY = 3  # about 600 of the tuned split's 1,802 pages
# Surviving false links on that sample, per mutation (seed 0): bodies-together 1 and not-yet 1 before the clause
# subjects and the not-yet words (tests/test_link_precision_negm19.py), none since; when the harness widened, read by
# the grammar before it: earlier-year 35 of 451 (前一年), planned 90 of 181, other-kind 6 of 306 (党内规范性文件),
# other-body 4 of 42 (tests/test_link_precision_neg22.py); since, other-body 3: an issuer not read as a name
# (福州高新区, 按照某区人民政府), a topic inside the subject (县教育局依申请公开政府信息共收到37件), none since
# (tests/test_link_precision_body25.py).
MAX_SURVIVING: dict[str, int] = {}
PAGE = ("2023年度政府信息公开工作年度报告\n一、总体情况\n2023年，本局共收到政府信息公开申请12件。全年办结申请10件。"
        "因政府信息公开工作被申请行政复议1件。\n")


def variant(text: str, name: str) -> tuple[str, list[str]]:
    """Given a page's text and a mutation, return the mutated text and the metrics of the figures it changed."""
    gold = {"report_year": 2023, "mentions": []}
    original = audit_text("x.txt", text)
    gold["mentions"] = [{"quote": m["quote"], "value": m["value"], "metric": m["metric"]}
                        for m in original["mentions"] if m.get("metric")]
    targets = targets_of(text, gold, original)
    read = {**gold, "read_year": original.get("report_year"), "read_agency": original.get("agency")}
    chosen, edits = mutated_page(text, targets, read, name,
                                 random.Random(page_seed("x.txt", name, 0)))
    return apply(text, edits).text, [t.metric for t in chosen]


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutation_is_deterministic_and_edits_one_figure_a_sentence(name: str) -> None:
    first = variant(PAGE, name)
    assert variant(PAGE, name) == first
    mutated, metrics = first
    assert len(metrics) <= 3  # one figure in each of three sentences
    assert (mutated != PAGE) == bool(metrics)


def test_mutations_change_what_the_figure_counts() -> None:
    changed = {name: variant(PAGE, name)[0] for name in MUTATIONS}
    assert "本局共收到政府信息公开申请" not in changed["other-matter"] and "12件" in changed["other-matter"]
    assert "申请12件" in changed["other-kind"] and "政府信息公开申请12件" not in changed["other-kind"]
    assert "本局共收到" not in changed["bodies-together"]
    assert "2023年，" not in changed["earlier-year"] and "全年" not in changed["earlier-year"]
    assert "以来累计" in changed["running-total"]
    assert any(w in changed["average"] for w in ("月均", "日均", "平均每月"))
    assert any(w in changed["change"] for w in ("增加", "减少", "增长", "下降"))
    assert "全年未办结申请10件" in changed["not-yet"]
    assert any(w + "共收到" in changed["planned"] for w in ("计划", "拟", "力争", "预计"))
    assert "%" in changed["share"] and "12件" not in changed["share"]
    assert "全年" not in changed["sub-period"] and "2023年" in changed["sub-period"]


def test_another_named_body_takes_the_issuers_own_subject_only() -> None:
    page = PAGE.replace("2023年度政府信息公开", "某县财政局2023年度政府信息公开")
    mutated, metrics = variant(page, "other-body")
    assert metrics and "本局" not in mutated and "共收到政府信息公开申请12件" in mutated
    assert variant(PAGE, "other-body") == (PAGE, [])  # no issuer read: nothing tells another body from it
    assert "review.total" not in metrics  # the organ deciding a review may be its subject: no other body's count


def test_locate_finds_each_figure_after_the_one_before_on_its_line() -> None:
    text = "一、总体情况\n2022年，我局共办理依申请公开政府信息2件。2件依申请公开政府信息全部按时办结。\n"
    mentions = audit_text("x.txt", text)["mentions"]
    found = locate(text, mentions)
    assert [text[w.start:w.end] for w in found if w] == ["2件", "2件"]
    assert found[0].start < found[1].start


def test_every_mutation_unlinks_its_figures_on_a_generated_page() -> None:
    for name in MUTATIONS:
        mutated, metrics = variant(PAGE, name)
        linked = {(m["value"], m["metric"]) for m in audit_text("x.txt", mutated)["mentions"] if m.get("metric")}
        assert not metrics or not any(metric in {m for _, m in linked} for metric in metrics
                                      if metric in ("requests.new.total", "review.total")), (name, mutated)


def test_gate_surviving_false_links_on_a_sample_of_the_tuned_split() -> None:
    pages = sample(pages_of([TUNED]), GATE_SAMPLE_EVERY)
    assert len(pages) > 400
    scores = measure(pages, list(MUTATIONS))
    assert all(scores[name].mutated > 30 for name in MUTATIONS if name not in ("not-yet", "other-body"))
    assert scores["not-yet"].mutated > 20 and scores["other-body"].mutated > 20
    assert {name: s.surviving for name, s in scores.items() if s.surviving > MAX_SURVIVING.get(name, 0)} == {}


def test_cli_runner_prints_one_row_per_mutation_and_writes_the_examples(tmp_path: Path) -> None:
    out = io.StringIO()
    pages = [path for path, _ in sample(pages_of([TUNED]), 100)]
    json_path = tmp_path / "negative.json"
    code = run(pages, ["change", "people"], json_path, 0, console=Console(file=out, width=200))
    assert code == 0
    rows = [line for line in out.getvalue().splitlines() if line.startswith("│")]
    assert [row.split("│")[1].strip() for row in rows] == ["change", "people"]
    payload = json.loads(json_path.read_text(encoding="utf-8"))
    examples = payload["mutations"]["change"]["examples"]
    assert examples and all({"page", "metric", "survived", "original", "mutated"} <= set(e) for e in examples)
