"""Classes that the twenty-third round's fresh pages (rn23a) called for, each checked on wordings written for these
tests: the wording the grammar read short beside the ones that still read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("subjects", ["复议诉讼", "行政复议和行政诉讼均", "行政复议、行政诉讼", "行政复议及行政诉讼都"])
def test_a_correction_zero_after_a_list_of_reviews_and_suits_is_a_zero_of_each(tmp_path: Path, subjects: str) -> None:
    # reviews and suits named together right before the negation: neither was corrected
    assert linked(tmp_path, f"本年度{subjects}未出现被纠错情况。") == [(0, "review.corrected"), (0, "litigation.corrected")]


def test_a_correction_zero_after_one_topic_stays_that_topics(tmp_path: Path) -> None:
    # a review counted before the suits' clause: the zero after the suits is of the suits alone
    assert linked(tmp_path, "行政复议1件，行政诉讼未出现被纠错情况。") == [(1, "review.total"), (0, "litigation.corrected")]
    # ... one topic named alone keeps its own zero
    assert linked(tmp_path, "本年度行政复议2件，未出现被纠错情形。") == [(2, "review.total"), (0, "review.corrected")]
    # ... and two topics each counted still give each the zero
    assert linked(tmp_path, "行政复议0件，行政诉讼0件，无被纠错。") == [
        (0, "review.total"), (0, "litigation.total"), (0, "review.corrected"), (0, "litigation.corrected")]
