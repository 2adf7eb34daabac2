"""False-link classes that the twenty-fourth round's fresh pages (rn24c) called for, each checked on wordings written
for these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

REQUESTS = "本年度收到政府信息公开申请2件。"


@pytest.mark.parametrize("postings", ["全年发布信息中工作动态6条、通知公告4条，其他9条。", "公开的信息中工作动态6条，其他9条。"])
@pytest.mark.parametrize("year", [2019, 2023])
def test_other_after_a_count_left_unread_is_no_other_disposition(tmp_path: Path, postings: str, year: int) -> None:
    # 其他 closing a list of posting topics (counts no rule reads) is the other topics' postings: in the 2019
    # format, whose leaves of 其他处理 have no cell, an unread count had passed for a disposition before it
    assert linked(tmp_path, REQUESTS + postings, year) == [(2, "requests.new.total")]
    # ... and in one sentence with the requests too
    assert linked(tmp_path, "本年度依申请公开2件，" + postings, year) == [(2, "requests.new.total")]


def test_other_after_dispositions_still_reads_as_the_other_handling(tmp_path: Path) -> None:
    # after counts read as dispositions, 其他 is still the rest of them (其他处理), in the 2019 format too
    assert linked(tmp_path, "本年共收到政府信息公开申请8件，予以公开5件，不予公开1件，其他2件。", 2019) == [
        (8, "requests.new.total"), (5, "requests.result.disclosed.total"),
        (1, "requests.result.withheld.subtotal.total"), (2, "requests.result.other.total")]
    # ... while after a channel's count it is some other channel, as before
    assert linked(tmp_path, "本年共收到政府信息公开申请10件，其中网上申请6件，其他4件。", 2019) == [(10, "requests.new.total")]


@pytest.mark.parametrize("joined", ["或者", "以及"])
@pytest.mark.parametrize("outcome", ["被撤销", "被纠错", "败诉"])
def test_an_outcome_after_reviews_and_suits_joined_by_a_word_is_each_ones(tmp_path: Path, joined: str,
                                                                           outcome: str) -> None:
    # the regulation's own wording joins them with 或者 (在行政复议或者行政诉讼中被撤销): the outcome after the list is
    # each one's, as after 或 or 、; read apart, the reviews took a zero of their own, though some may have been held
    assert linked(tmp_path, f"全年未发生行政复议{joined}行政诉讼{outcome}的情况。", 2019) == [
        (0, "review.corrected"), (0, "litigation.corrected")]
    # ... and before a negation after them too
    assert linked(tmp_path, f"行政复议{joined}行政诉讼均未被纠错。", 2019) == [
        (0, "review.corrected"), (0, "litigation.corrected")]


def test_reviews_and_suits_joined_by_a_word_with_no_outcome_are_zeros_of_each(tmp_path: Path) -> None:
    # with nothing after the list, the zero is still of the reviews and the suits themselves
    assert linked(tmp_path, "全年未收到政府信息公开申请，未发生行政复议或者行政诉讼。", 2019) == [
        (0, "requests.new.total"), (0, "review.total"), (0, "litigation.total")]
