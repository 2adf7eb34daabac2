"""Worded zeros composed from the grammar's classes (negation × subject × event), in wordings written for these
tests: each class must compose with the others, not only in the phrasings the tuned corpus shows."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit

HEAD = "淮北市相山区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
TAIL = "\n二、主动公开政府信息情况\n略。\n五、存在的主要问题及改进情况\n无。\n"


def _zeros(tmp_path: Path, sentence: str) -> list[tuple[float, str | None]]:
    path = tmp_path / "report.txt"
    path.write_text(HEAD + sentence + TAIL, encoding="utf-8")
    return [(m.value, m.metric) for m in audit(path).mentions]


@pytest.mark.parametrize("sentence, expected", [
    # negation × receive verb × requests
    ("2023年度我局尚未收到政府信息公开申请。", [(0, "requests.new.total")]),
    ("本年度未受理政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年暂未收到公民、法人和其他组织提出的政府信息公开申请。", [(0, "requests.new.total")]),
    # a year word between the negation and the carry verb: carried in, or forward
    ("本年度无上年结转的政府信息公开申请。", [(0, "requests.carried_over.total")]),
    ("本年度无上一年度结转的申请。", [(0, "requests.carried_over.total")]),
    ("本年度没有结转到下一年度的申请。", [(0, "requests.carried_forward.total")]),
    # review and litigation, caused, joined, direct or after a preposition
    ("本年度未因政府信息公开被申请行政复议或被提起行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度暂无行政复议和行政诉讼案件。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度未出现因政府信息公开申请引发的行政复议。", [(0, "review.total")]),
    # every receive verb of the events is a zero verb too
    ("本年度未接受政府信息公开申请。", [(0, "requests.new.total")]),
    ("本年度尚未收悉政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年未登记政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年共登记政府信息公开申请11件。", [(11, "requests.new.total")]),
    ("本年度未有政府信息公开申请。", [(0, "requests.new.total")]),  # 未有 negates directly, as 没有
    # the negation after its subjects, the verb ending the clause
    ("全年行政复议、行政诉讼均未发生。", [(0, "review.total"), (0, "litigation.total")]),
    ("全年行政复议案件未曾发生，行政诉讼未发生。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度政府信息公开申请尚未收到。", [(0, "requests.new.total")]),
    # words after the verb narrow it: the category's zero, not the topic's
    ("行政复议均未发生被纠错情况。", [(0, "review.corrected")]),
])
def test_worded_zeros_compose(tmp_path: Path, sentence: str, expected: list[tuple[float, str | None]]) -> None:
    assert _zeros(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "申请均未发生逾期答复情况。",  # the verb does not end the clause: about some requests, not their count
    "本年度政府信息公开申请均未发生。",  # 发生 states no zero of requests
    "本年度未有效开展政府信息公开申请答复培训。",  # 未有效: no subject right after the negation
])
def test_a_negated_verb_that_states_no_count_links_nothing(tmp_path: Path, sentence: str) -> None:
    assert all(metric is None for _, metric in _zeros(tmp_path, sentence))


@pytest.mark.parametrize("ground, metric", [
    ("属于危及国家安全的", "requests.result.withheld.three_securities_one_stability.total"),
    ("涉及个人隐私", "requests.result.withheld.third_party_rights.total"),
    ("属于人事管理信息", "requests.result.withheld.internal_affairs.total"),
    ("属于讨论记录", "requests.result.withheld.process_info.total"),
    ("涉及商业秘密、个人隐私等", "requests.result.withheld.subtotal.total"),  # examples of a wider set: the subtotal
])
def test_a_ground_in_the_regulation_s_words_names_its_leaf(tmp_path: Path, ground: str, metric: str) -> None:
    sentence = f"本年度收到申请20件，其中{ground}不予公开1件。"
    assert _zeros(tmp_path, sentence) == [(20, "requests.new.total"), (1, metric)]
