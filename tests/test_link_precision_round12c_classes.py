"""False-link classes that the twelfth round's fresh pages (rn12c) called for, each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

ANSWERED = "本年度收到政府信息公开申请3件，均已答复。\n"


@pytest.mark.parametrize("pointer", ["此类申请", "该类申请", "上述申请", "这类申请"])
def test_a_subject_pointing_back_takes_the_heading_it_answers(tmp_path: Path, pointer: str) -> None:
    # under a heading of reviews, 此类申请 are the reviews applied for: a zero of reviews, not of the year's requests
    # (which would contradict the 3 received just before)
    assert linked(tmp_path, f"{ANSWERED}（二）行政复议情况\n本年度未收到{pointer}。") == [
        (3, "requests.new.total"), (0, "review.total")]
    # ... under a numbered heading closed by a full stop too
    assert linked(tmp_path, f"{ANSWERED}（三）因政府信息公开工作申请行政复议情况。全年未接到{pointer}。") == [
        (3, "requests.new.total"), (0, "review.total")]
    # ... and under a heading of requests it is a zero of requests, as the plain word would be
    assert linked(tmp_path, f"（二）依申请公开情况\n本年度未收到{pointer}。") == [(0, "requests.new.total")]


def test_a_subject_pointing_back_at_nothing_is_no_zero(tmp_path: Path) -> None:
    # with no label to answer, what 此类 points at is the sentence before, which no rule reads: no link
    assert linked(tmp_path, f"{ANSWERED}本年度未收到此类申请。") == [(3, "requests.new.total")]
    # ... and a carry of them says neither direction
    assert linked(tmp_path, "（二）依申请公开情况\n本年度无结转此类申请。") == []


def test_a_subject_named_outright_still_reads_as_itself(tmp_path: Path) -> None:
    # the subject word itself, not pointing back, keeps its own topic even under another heading
    assert linked(tmp_path, f"{ANSWERED}（二）行政复议情况\n本年度未发生行政诉讼。") == [
        (3, "requests.new.total"), (0, "litigation.total")]
    assert linked(tmp_path, "全年未收到政府信息公开申请，也未发生行政复议。") == [
        (0, "requests.new.total"), (0, "review.total")]


@pytest.mark.parametrize("towns", ["各乡镇", "各街道", "乡镇（街道）", "各镇"])
def test_towns_taken_together_count_no_request_of_the_government(tmp_path: Path, towns: str) -> None:
    # a county's or district's towns and streets taken together are a part of its area's count, none of its own
    assert linked(tmp_path, f"{towns}共收到政府信息公开申请45件。") == []
    # ... beside the government's own count, which still reads
    assert linked(tmp_path, f"本机关收到政府信息公开申请12件，{towns}共收到政府信息公开申请45件。") == [
        (12, "requests.new.total")]


@pytest.mark.parametrize("subset", ["申请人撤回的申请", "申请人撤销的申请"])
def test_a_zero_of_withdrawn_requests_is_none_of_the_year(tmp_path: Path, subset: str) -> None:
    # requests the applicants withdrew are some of them: their zero says nothing of the year's requests
    assert linked(tmp_path, f"本年度未收到{subset}。") == []
    # ... while a zero of every request, a withdrawal clause after it, still reads
    assert linked(tmp_path, "本年度未收到政府信息公开申请，也无申请人撤回申请的情况。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("units", ["下属事业单位", "所属事业单位", "直属事业单位"])
def test_a_bodys_institutions_count_their_own_requests(tmp_path: Path, units: str) -> None:
    # a bureau's institutions (事业单位) are other bodies, as its 下属单位: their count and zero are theirs
    assert linked(tmp_path, f"本局{units}收到政府信息公开申请3件。") == []
    assert linked(tmp_path, f"本局{units}未收到政府信息公开申请。") == []
    assert linked(tmp_path, f"本局收到政府信息公开申请5件，{units}未收到政府信息公开申请。") == [(5, "requests.new.total")]


@pytest.mark.parametrize("channel", ["现场提交申请4件", "现场申请4件", "现场递交申请4件", "现场受理申请4件"])
def test_requests_that_came_in_person_are_a_part(tmp_path: Path, channel: str) -> None:
    # 现场 fused to the asking or receiving verb counts the requests that came that way, as 网上 does beside it
    assert linked(tmp_path, f"{channel}，网上提交申请6件。") == []
    # ... while a sentence naming every channel before the verb still counts them all
    assert linked(tmp_path, "群众通过信函和现场向本局提交申请31件。") == [(31, "requests.new.total")]


def test_a_list_broken_across_a_line_break_is_read_whole(tmp_path: Path) -> None:
    # a line opening with a coordinator goes on the line before: its letters make the sum no count of requests
    assert linked(tmp_path, "全年收到群众来信\n和政府信息公开申请共40件。") == []
    # ... a line opening with a word that only starts like one (及时) joins nothing, as a full stop before it
    assert linked(tmp_path, "全年收到群众来信12件\n及时答复政府信息公开申请5件。") == [(5, "requests.result.total.total")]
    assert linked(tmp_path, "领导信箱来信办结率100%。\n及时答复政府信息公开申请5件。") == [(5, "requests.result.total.total")]
