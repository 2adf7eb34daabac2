"""Classes that the nineteenth round's fresh pages (rn19c) called for, each checked on wordings written for these
tests: the wording the grammar missed or misread beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

ISSUED, REPEALED = "active.normative_docs.issued", "active.normative_docs.repealed"
IN_FORCE = "active.normative_docs.in_force"


@pytest.mark.parametrize("pair", ["发布、废止", "发布和废止", "发布或废止", "发布及废止"])
def test_a_verb_paired_with_repeal_reads_as_the_documents_issued(tmp_path: Path, pair: str) -> None:
    # 发布 joined to 废止 names the year's two events of the documents: none issued, none repealed
    assert sorted(linked(tmp_path, f"全年未{pair}行政规范性文件。")) == [(0, ISSUED), (0, REPEALED)]
    # ... for every subject of the list
    assert sorted(linked(tmp_path, f"本年度未{pair}规章和规范性文件。")) == [
        (0, ISSUED), (0, REPEALED), (0, "active.rules.issued"), (0, "active.rules.repealed")]
    # ... and a count after the pair is their sum, neither event's
    assert linked(tmp_path, f"本年度共{pair}规范性文件6件。") == []


def test_a_verb_of_posting_alone_states_no_event_of_the_documents(tmp_path: Path) -> None:
    # 发布 alone may post documents made in other years: no zero, no count of those issued
    assert linked(tmp_path, "本年度未发布规范性文件。") == []
    assert linked(tmp_path, "本机关就政务公开事项未发布规范性文件。") == []
    assert linked(tmp_path, "本年度发布规范性文件4件，废止1件。") == [(1, REPEALED)]
    # ... nor does it pair with another matter's verb (发布和解读: posted and explained)
    assert linked(tmp_path, "全年未发布和解读规范性文件。") == []


@pytest.mark.parametrize("verbs", ["发布和废止", "制发和废止", "制定或废止"])
def test_event_verbs_joined_before_de_restrict_nothing(tmp_path: Path, verbs: str) -> None:
    # 没有…的 over a list of the topic's own events names all its documents, not some of them
    assert sorted(linked(tmp_path, f"本单位没有{verbs}的规范性文件。")) == [(0, ISSUED), (0, REPEALED)]
    # ... while a phrase in 的 that picks out some of them still makes no zero of all
    assert linked(tmp_path, "本单位没有制发涉及企业经营的规范性文件。") == []


def test_the_short_name_of_the_in_force_column_counts_documents_in_force(tmp_path: Path) -> None:
    # 有效件数: the table's column 现行有效件数 named short
    assert linked(tmp_path, "截至年底，本机关规范性文件有效件数为9份。") == [(9, IN_FORCE)]
    assert linked(tmp_path, "全年制发规范性文件2件，有效件数共14件。") == [(2, ISSUED), (14, IN_FORCE)]
    assert linked(tmp_path, "本部门规章有效件数1件。") == [(1, "active.rules.in_force")]


@pytest.mark.parametrize("carry", ["结转至2024年答复", "结转2024年答复", "转至2024年度答复", "顺延至2024年答复"])
def test_a_carry_naming_the_next_year_before_an_answer_verb_is_carried_forward(tmp_path: Path, carry: str) -> None:
    # the carry word opens the next year and the answer verb after it says when they will be answered: still open,
    # not answered (it had read as the answered count, against the 1 not yet answered)
    assert linked(tmp_path, f"本年度共收到申请30件，已答复29件，{carry}1件。") == [
        (30, "requests.new.total"), (29, "requests.result.total.total"), (1, "requests.carried_forward.total")]
    # ... as the next year named in words already read
    assert linked(tmp_path, "本年度共收到申请30件，已答复29件，结转下年度答复1件。") == [
        (30, "requests.new.total"), (29, "requests.result.total.total"), (1, "requests.carried_forward.total")]


def test_a_year_before_an_answer_verb_without_a_carry_is_still_the_answered(tmp_path: Path) -> None:
    # the report's own year before the verb names when they were answered
    assert linked(tmp_path, "2023年答复政府信息公开申请12件。") == [(12, "requests.result.total.total")]
    assert linked(tmp_path, "本年度收到申请12件，2023年度答复12件。") == [
        (12, "requests.new.total"), (12, "requests.result.total.total")]


def test_papers_asked_for_to_complete_requests_are_no_requests(tmp_path: Path) -> None:
    # the papers that complete a request (补正材料), named in 的 after it or counted alone: no zero, no count of requests
    assert linked(tmp_path, "本年度未收到政府信息公开申请的补正材料。") == []
    assert linked(tmp_path, "全年收到补正材料3份。") == []
    # ... while the requests themselves still read
    assert linked(tmp_path, "本年度未收到政府信息公开申请。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("act", ["撤回", "撤销", "补正"])
def test_an_applicants_act_after_the_negated_verb_is_no_zero_of_the_requests(tmp_path: Path, act: str) -> None:
    # what applicants did to some requests came not: nothing said of how many requests came
    assert linked(tmp_path, f"本年度未收到申请人{act}申请。") == []
    # ... while the applicants' requests named as such still are none of the year's
    assert linked(tmp_path, "本年度未收到申请人提出的政府信息公开申请。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本年度未收到公民申请。") == [(0, "requests.new.total")]
    # ... and a verb with 被 of its own keeps its reading (the predicate words are looked for after the verb)
    assert linked(tmp_path, "本年度未被申请人提起行政复议。") == [(0, "review.total")]


@pytest.mark.parametrize("channel", ["线下申请", "线上申请", "线下提交的申请", "线上递交的申请"])
def test_a_channel_fused_to_the_request_names_a_part(tmp_path: Path, channel: str) -> None:
    # requests of one channel: their zero says nothing of the others, their count is a part
    assert linked(tmp_path, f"本年度未收到{channel}。") == []
    assert linked(tmp_path, f"本年度收到政府信息公开申请24件，其中{channel}15件。") == [(24, "requests.new.total")]


def test_channels_named_as_ways_in_leave_the_total(tmp_path: Path) -> None:
    # every channel joined, or the channels named in a sentence of their own, leave the year's count as it was
    assert linked(tmp_path, "本年度通过线上线下渠道共收到政府信息公开申请24件。") == [(24, "requests.new.total")]
    assert linked(tmp_path, "畅通线上线下申请渠道。本年度共收到政府信息公开申请24件。") == [(24, "requests.new.total")]
