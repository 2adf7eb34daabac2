"""False-link classes that the seventeenth round's fresh pages (rn17b) called for, each checked on wordings written
for these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("suits", ["行政诉讼申请", "诉讼申请"])
def test_a_suit_applied_for_is_no_request(tmp_path: Path, suits: str) -> None:
    # 申请 headed by the suit is the suit applied for: its zero says nothing of the year's information requests
    assert linked(tmp_path, f"本年度未收到{suits}。") == []
    # ... beside a received count of requests, which it must not contradict with a zero
    assert linked(tmp_path, f"全年受理政府信息公开申请4件，未收到{suits}。") == [(4, "requests.new.total")]


def test_a_review_and_a_suit_applied_for_keep_the_reviews_zero(tmp_path: Path) -> None:
    # the review's word stands apart from the 申请 after the suit's: its zero still reads, the requests' does not
    assert linked(tmp_path, "本年度未收到行政复议行政诉讼申请。") == [(0, "review.total")]
    # ... and under a heading of requests run into the sentence, as printed on a page
    assert linked(tmp_path, "（二）依申请公开情况本年度未收到行政复议行政诉讼申请，依法保障公民权利。") == [
        (0, "review.total")]


def test_requests_and_suits_named_apart_still_read(tmp_path: Path) -> None:
    # the requests named for themselves, the suits by their own event, read as before
    assert linked(tmp_path, "全年未收到政府信息公开申请，也未发生行政诉讼。") == [
        (0, "requests.new.total"), (0, "litigation.total")]
    assert linked(tmp_path, "本年度未发生因政府信息公开申请提起行政诉讼的情况。") == [(0, "litigation.total")]
    assert linked(tmp_path, "因政府信息公开申请引发行政诉讼2件。") == [(2, "litigation.total")]


@pytest.mark.parametrize("other", ["更正申请", "政府信息更正申请", "个人信息更正申请", "减免费用申请", "收费减免申请"])
def test_the_other_applications_of_the_regulations_are_no_requests(tmp_path: Path, other: str) -> None:
    # applications to correct a record or to waive fees are made under the same regulations but are no requests for
    # information: their zero (as a suit's, above) says nothing of the year's requests
    assert linked(tmp_path, f"本年度未收到{other}。") == []
    assert linked(tmp_path, f"本年度收到政府信息公开申请3件，未收到{other}。") == [(3, "requests.new.total")]
    # ... and named beside the requests themselves, the requests' zero still reads
    assert linked(tmp_path, f"本年度未收到政府信息公开申请和{other}。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("received", ["依申请公开的咨询", "政府信息公开申请的咨询", "信息公开申请的异议", "依申请公开的异议"])
def test_consultations_and_objections_about_requests_are_none(tmp_path: Path, received: str) -> None:
    # the noun after 的 is what was (not) received: a consultation or an objection about requests, no request
    assert linked(tmp_path, f"本年度未收到{received}。") == []
    assert linked(tmp_path, f"本年度收到政府信息公开申请3件，未收到{received}。") == [(3, "requests.new.total")]
    # ... while requests named beside them keep their zero
    assert linked(tmp_path, "本年度未收到政府信息公开申请，也未收到相关咨询。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("business", ["依托网上领导信箱等渠道", "通过县长信箱和12345热线", "对群众来信来访"])
def test_a_sentence_naming_another_business_keeps_its_bare_verbs(tmp_path: Path, business: str) -> None:
    # with no word of the requests in its own sentence, a bare verb after another business named there counts that
    # business, not the requests the sentence before was about
    assert linked(tmp_path, f"本年度收到政府信息公开申请3件。{business}，共受理59条，办结59条。") == [
        (3, "requests.new.total")]
    # ... while a sentence of bare verbs alone goes on with the requests
    assert linked(tmp_path, "本年度收到政府信息公开申请3件。全年已办结3件。") == [
        (3, "requests.new.total"), (3, "requests.result.total.total")]
