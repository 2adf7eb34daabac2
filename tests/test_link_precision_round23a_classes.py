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


@pytest.mark.parametrize("channels", ["其中网上申请30件、信函申请12件", "其中线上提交30件，当面提交12件"])
def test_a_carry_after_parts_that_already_make_the_count_stands_beside_it(tmp_path: Path, channels: str) -> None:
    # the channels add up to the 42 received: the carry named after them is no part of it, the count is the new ones
    assert linked(tmp_path, f"全年共收到政府信息公开申请42件，{channels}，上年结转3件。") == [
        (42, "requests.new.total"), (3, "requests.carried_over.total")]


def test_a_carry_after_parts_that_fall_short_may_be_one_of_them(tmp_path: Path) -> None:
    # 30 and 9 leave room for the 3 carried in: the count may hold them, so it stays unread, as before
    assert linked(tmp_path, "全年共收到政府信息公开申请42件，其中网上申请30件、信函申请9件，上年结转3件。") == [
        (3, "requests.carried_over.total")]
    # ... and a carried part with no part before it is still the pool's
    assert linked(tmp_path, "共受理政府信息公开申请42件，其中3件来自上一年度结转。") == [
        (42, "requests.handled_pool.total"), (3, "requests.carried_over.total")]
