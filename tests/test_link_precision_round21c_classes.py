"""Classes that the twenty-first round's collector rn21c called for, each checked on wordings written for these
tests: the wording the grammar had missed beside the ones that must still read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("negation", ["全年没有", "本年度未发生", "全年无"])
def test_a_review_or_suit_named_by_kind_before_its_cases_is_itself(tmp_path: Path, negation: str) -> None:
    # 行政诉讼类案件 are the suits themselves: the kind suffix before their own case noun names no other information
    assert linked(tmp_path, f"{negation}行政诉讼类案件。") == [(0, "litigation.total")]
    # ... the second of two subjects joined before it too (it had read the review's zero only)
    assert linked(tmp_path, f"{negation}政府信息类行政复议和行政诉讼类案件。") == [
        (0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, f"{negation}行政复议类案件。") == [(0, "review.total")]


def test_a_count_of_reviews_named_by_kind_reads_as_reviews(tmp_path: Path) -> None:
    assert linked(tmp_path, "本年度发生行政复议类案件2件。") == [(2, "review.total")]


@pytest.mark.parametrize("sentence", [
    "全年发布行政复议类信息2条。",  # posted items of a kind: no review
    "全年未发布行政复议类信息。",
    "本机关审理行政复议类案件5件。",  # the body as the review organ: its caseload, vetoed as before
    "出庭应诉行政诉讼类案件3件。",  # suits of every kind answered in court
    "全年未发生行政处罚类案件。",  # another topic's kind before 案件 stays a kind: only reviews and suits take it
])
def test_a_kind_before_other_words_or_of_other_topics_stays_masked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
