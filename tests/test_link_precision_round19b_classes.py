"""False-link and miss classes found on the nineteenth round's fresh pages (rn19b), each checked on wordings written
for these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

POOL, NEW, CARRIED_IN = "requests.handled_pool.total", "requests.new.total", "requests.carried_over.total"
ANSWERED, CARRIED_ON = "requests.result.total.total", "requests.carried_forward.total"


@pytest.mark.parametrize("answered", ["办结数5件", "办结5件", "已答复5件", "其中办理完毕5件", "答复量为5件"])
def test_a_handled_count_beside_fewer_answered_in_its_sentence_is_the_pool(tmp_path: Path, answered: str) -> None:
    # two counts of one year's answered cannot differ: the smaller one named by the answer verb is the answered, the
    # handled count all the year had on hand
    found = linked(tmp_path, f"全年本机关共办理信息公开申请8件，比上年少2件，{answered}。")
    assert (8, ANSWERED) not in found and found[0] == (8, POOL)


def test_a_handled_count_beside_as_many_answered_or_none_stays_the_answered(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年本机关办理信息公开申请8件，办结8件。")[0] == (8, ANSWERED)
    assert linked(tmp_path, "全年本机关办理信息公开申请8件，均已按期答复。") == [(8, ANSWERED)]
    # ... and a rate of the answered is no count of them
    assert linked(tmp_path, "全年本机关办理信息公开申请8件，答复率100%。") == [(8, ANSWERED)]


def test_a_smaller_answered_count_in_the_next_sentence_says_nothing_of_the_handled_one(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年本机关办理信息公开申请8件。另办结信访事项5件。")[:1] == [(8, ANSWERED)]


def test_the_year_before_named_by_its_number_after_a_count_is_the_carry_in(tmp_path: Path) -> None:
    found = linked(tmp_path, "全年新收申请60件，办理58件（4件为2022年结转至今年办理）。", year=2023)
    assert (4, CARRIED_IN) in found
    # ... the report's own year carried on is the carry forward, as before
    found = linked(tmp_path, "全年新收申请60件，办理58件（2件为2023年结转至下年度办理）。", year=2023)
    assert (2, CARRIED_ON) in found and (2, CARRIED_IN) not in found


def test_a_suit_brought_with_ti_qing_joins_the_review_under_one_zero(tmp_path: Path) -> None:
    assert linked(tmp_path, "本年度被申请行政复议、提请行政诉讼0件。") == [(0, "review.total"), (0, "litigation.total")]


def test_documents_going_on_in_force_are_those_in_force(tmp_path: Path) -> None:
    assert linked(tmp_path, "经清理，本局持续有效行政规范性文件3件。") == [(3, "active.normative_docs.in_force")]


@pytest.mark.parametrize("carried", ["上年结转1件", "另有2022年结转申请1件"])
def test_a_handled_count_beside_fewer_answered_and_a_carry_in_apart_has_no_reading(tmp_path: Path, carried: str) -> None:
    # the carried-in named apart leaves the count the new ones, or the pool with them: neither is sure
    found = linked(tmp_path, f"全年本机关办理信息公开申请6件，{carried}，办结5件，结转下年度2件。")
    assert [v for v, _ in found] == [1, 5, 2] and (1, CARRIED_IN) in found
