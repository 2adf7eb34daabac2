"""A worded zero whose verb is the causing one (未引发行政复议, 未引起行政诉讼), in wordings written for these tests:
the review or suit after the verb is its subject; a cause phrase before a review or suit still makes it another
matter's."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("negation", ["未", "没有", "均未", "从未"])
@pytest.mark.parametrize("verb", ["引发", "引起"])
def test_a_review_or_suit_not_caused_is_its_zero(tmp_path: Path, negation: str, verb: str) -> None:
    assert linked(tmp_path, f"所有申请均按时答复，{negation}{verb}行政复议。") == [(0, "review.total")]
    assert sorted(linked(tmp_path, f"全年{negation}{verb}行政复议和行政诉讼案件。")) == [
        (0, "litigation.total"), (0, "review.total")]


def test_the_causing_verb_before_a_cause_phrase_still_names_another_matter(tmp_path: Path) -> None:
    assert linked(tmp_path, "未引发因征收补偿引起的行政诉讼。") == []
    assert linked(tmp_path, "答复均未引发争议。") == []
