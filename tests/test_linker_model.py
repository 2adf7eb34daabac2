"""The learned linker (models/linker): retraining is reproducible, inference is deterministic, and the veto only
ever unlinks figures the grammar linked, on generated reports and sentences."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extraction.spec import load_spec
from models.linker.data import NONE, document_examples, grammar_examples, synthetic_documents
from models.linker.fresh import judged_mentions
from models.linker.model import WEIGHTS, LinkerModel, Policy, load
from models.linker.train import LinkCounts, class_list, design, link_counts, second_opinion, train

MAX_WEIGHTS_BYTES = 1_000_000
SAMPLE_REPORTS = 10
SAMPLE_SEED = 7
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


@pytest.fixture(scope="module")
def sample():
    return synthetic_documents(SAMPLE_REPORTS, SAMPLE_SEED)


def _sentences(tmp_path: Path, body: str) -> Path:
    lines = ["某县人民政府2023年政府信息公开工作年度报告", HEADINGS[0], body, *[h + "\n略。" for h in HEADINGS[1:]]]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _certain(classes: tuple[str, ...], dim: int, favourite: str) -> LinkerModel:
    """A model that gives one class all but certainty whatever it reads."""
    bias = np.zeros(len(classes))
    bias[classes.index(favourite)] = 20.0
    return LinkerModel(classes, np.zeros((dim, len(classes)), dtype=np.float16), bias)


def test_retraining_on_a_sample_gives_the_same_weights(sample) -> None:
    first, second = train(sample, 1e-3), train(sample, 1e-3)
    assert first.classes == second.classes
    assert np.array_equal(first.weights, second.weights) and np.array_equal(first.bias, second.bias)
    # and it learned: on its own figures it beats always saying the commonest class
    figures = [f for d in sample for f in d.figures if f.in_scope]
    right = sum(first.classes[int(np.argmax(first.probabilities(f.features)))] == f.label for f in figures)
    commonest = max(sum(f.label == c for f in figures) for c in class_list([f.label for f in figures]))
    assert right > commonest


def test_design_rows_hold_each_figures_features_once(sample) -> None:
    figures = [f for d in sample for f in d.figures if f.in_scope][:20]
    x = design([f.features for f in figures], 4096)
    assert set(np.unique(x)) <= {0.0, 1.0} and (x.sum(axis=1) > 0).all()


def test_shipped_weights_are_small_and_give_the_same_links_twice(sample) -> None:
    assert WEIGHTS.stat().st_size < MAX_WEIGHTS_BYTES
    model, policy, meta = load()
    again, _, _ = load()
    assert np.array_equal(model.weights, again.weights) and meta["dim"] == model.dim
    for document in sample:
        strict = Policy(0.8, 0.8)
        assert second_opinion(model, strict, document) == second_opinion(again, strict, document)


def test_veto_unlinks_only_grammar_links_and_leaves_worded_zeros(tmp_path: Path) -> None:
    spec = load_spec()
    body = ("本年度共收到政府信息公开申请12件，办结12件。制发规范性文件3件。本年度未发生政府信息公开行政复议、行政诉讼。"
            "全年主动公开政府信息365条。")
    path = _sentences(tmp_path, body)
    document = document_examples(path.name, path, None, {"mentions": []}, spec)
    grammar = [f.mention.get("metric") for f in document.figures]
    assert grammar.count(None) < len(grammar)  # the grammar links these sentences
    classes = (NONE, "other", "requests.new.total")
    doubting = second_opinion(_certain(classes, 64, NONE), Policy(veto=0.9), document)
    for figure, after in zip(document.figures, doubting):
        expected = None if figure.in_scope else figure.mention.get("metric")
        assert after.get("metric") == expected  # in scope: unlinked; a worded zero: the grammar's alone
    assert any(not f.in_scope and f.mention.get("metric") for f in document.figures)
    trusting = second_opinion(_certain(classes, 64, "requests.new.total"), Policy(veto=0.9), document)
    kept = [m.get("metric") for m in trusting]
    assert kept[0] == grammar[0] == "requests.new.total"  # the model agrees with that one: kept
    assert all(k is None for k, g in zip(kept[1:], grammar[1:]) if g is None)  # a veto never adds a link
    assert [m.get("metric") for m in second_opinion(_certain(classes, 64, NONE), Policy(), document)] == grammar


def test_shipped_model_vetoes_few_right_links_on_synthetic_reports() -> None:
    model, _, _ = load()
    unseen = synthetic_documents(SAMPLE_REPORTS, SAMPLE_SEED + 1)  # not the training seed
    grammar = sum((link_counts([f.mention for f in d.figures], d.gold) for d in unseen), start=LinkCounts())
    vetoing = sum((link_counts(second_opinion(model, Policy(veto=0.9), d), d.gold) for d in unseen), start=LinkCounts())
    assert vetoing.predicted <= grammar.predicted
    assert vetoing.found >= 0.95 * grammar.found



def test_another_grammars_links_replace_the_pipelines_on_judged_figures_only(tmp_path: Path) -> None:
    spec = load_spec()
    body = "本年度共收到政府信息公开申请12件，办结12件。本年度未发生政府信息公开行政复议、行政诉讼。"
    path = _sentences(tmp_path, body)
    today, silent, other = grammar_examples(path.name, path, None, {"mentions": []}, spec,
                                            (None, {}, {(0, 0): ("requests.new.total", ())}), decision=True)
    assert [f.features for f in today.figures if not f.in_scope] == [[] for f in today.figures if not f.in_scope]
    first = next(f for f in today.figures if f.in_scope)
    assert first.mention["metric"] == "requests.new.total" and "grammar:requests.new.total" in first.features
    for figure, unlinked in zip(today.figures, silent.figures):
        # a grammar that links nothing: every judged figure unlinked, and its decision features say so
        assert unlinked.mention.get("metric") == (None if figure.in_scope else figure.mention.get("metric"))
        assert ("grammar:None" in unlinked.features) == figure.in_scope
    assert [f.mention.get("metric") for f in other.figures] == [f.mention.get("metric") for f in silent.figures]


def test_decision_features_name_another_year_and_the_cue_of_the_grammars_metric(tmp_path: Path) -> None:
    spec = load_spec()
    path = _sentences(tmp_path, "本年度共收到政府信息公开申请12件。2022年收到申请9件。")
    document = grammar_examples(path.name, path, None, {"mentions": []}, spec, (None,), decision=True)[0]
    judged = [f for f in document.figures if f.in_scope]
    assert "other_year" not in judged[0].features and "other_year" in judged[1].features
    linked = [f for f in judged if f.mention.get("metric")]
    assert linked and all(any(n.startswith("cue_distance:") for n in f.features) for f in linked)
    assert all("cue:none" not in f.features for f in linked)


def test_fresh_second_opinion_judges_only_printed_figures_the_model_judges() -> None:
    classes = (NONE, "other", "requests.new.total")
    then = [{"span": [0, 2], "metric": "requests.new.total", "accept": ["requests.new.total"]},
            {"span": [3, 4], "metric": "requests.new.total", "implicit": True},
            {"span": [5, 6], "metric": "requests.new.total"},
            {"span": [7, 8], "metric": None}]
    judged = {(0, 2): ["a"], (3, 4): ["b"], (7, 8): ["c"]}  # (5, 6): a figure today's pipeline does not judge
    doubting = judged_mentions(then, judged, _certain(classes, 64, NONE), Policy(veto=0.9))
    assert [m["metric"] for m in doubting] == [None, "requests.new.total", "requests.new.total", None]
    assert "accept" not in doubting[0]
    trusting = _certain(classes, 64, "requests.new.total")
    assert judged_mentions(then, judged, trusting, Policy(veto=0.9)) == then  # a veto never adds
    added = judged_mentions(then, judged, trusting, Policy(add=0.9))
    assert [m["metric"] for m in added] == ["requests.new.total"] * 4
