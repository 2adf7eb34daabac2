"""Classes that the twentieth round's fresh pages (rn20b) called for, each checked on wordings written for these
tests: the wording that would mislead the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

RECEIVED = "全年收到政府信息公开申请33件，均已按时办结。"


@pytest.mark.parametrize("body", ["区政府", "上级", "市人民政府办公室"])
def test_requests_passed_on_by_another_body_are_none_of_the_years_count(tmp_path: Path, body: str) -> None:
    # requests another body handed down (交办) are some of those handled, counted apart: a second count of them read
    # as the year's received would contradict the first
    assert linked(tmp_path, f"{RECEIVED}另收到{body}交办的政府信息公开申请9件，均已如期回复。") == [
        (33, "requests.new.total")]
    # ... and their worded zero says nothing of the year's requests
    assert linked(tmp_path, f"本年度未收到{body}交办的政府信息公开申请。") == []
    # ... while the year's own count and zero, with no such modifier, still read
    assert linked(tmp_path, RECEIVED) == [(33, "requests.new.total")]
    assert linked(tmp_path, "本年度未收到政府信息公开申请。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("outcome", ["维持结果", "予以维持"])
def test_an_outcome_named_after_its_count_is_the_maintained(tmp_path: Path, outcome: str) -> None:
    # the count first, the outcome after it (5件维持结果), as 维持5件 and 5件被维持 already read
    assert linked(tmp_path, f"本年度收到行政复议6件，5件{outcome}，1件经沟通解释后撤销复议。") == [
        (6, "review.total"), (5, "review.maintained")]
    assert linked(tmp_path, f"本年度被提起行政诉讼2件，2件{outcome}。") == [
        (2, "litigation.total"), (2, "litigation.maintained")]
    # ... and a withdrawn review (撤销复议) is read as no outcome of the organ
    assert linked(tmp_path, "本年度收到行政复议6件，1件经沟通解释后撤销复议。") == [(6, "review.total")]


@pytest.mark.parametrize("other", ["另收到区长信箱来信20件", "累计办理市长信箱信件20件", "12345热线转办件20件"])
def test_a_breakdown_of_another_matter_holds_its_dispositions(tmp_path: Path, other: str) -> None:
    # the parts after 其中 break down the count right before them, another matter's left unread: a mailbox's or
    # hotline's letters not handled are no requests not processed, nor are those it disclosed
    assert linked(tmp_path, f"全年收到政府信息公开申请13件，{other}，其中不予处理2件，予以公开5件。") == [
        (13, "requests.new.total")]
    # ... while a breakdown of the requests themselves still reads, a channel named in it or not
    assert linked(tmp_path, "全年收到政府信息公开申请13件，其中不予处理2件，予以公开5件。") == [
        (13, "requests.new.total"), (2, "requests.result.not_processed.subtotal.total"),
        (5, "requests.result.disclosed.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请13件，其中通过信箱收到1件，予以公开5件。") == [
        (13, "requests.new.total"), (5, "requests.result.disclosed.total")]
