"""False-link and zero classes found on the twelfth round's fresh pages (rn12a), each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked, mentions

POOL, NEW, CARRIED_IN = "requests.handled_pool.total", "requests.new.total", "requests.carried_over.total"
ANSWERED = "requests.result.total.total"


@pytest.mark.parametrize("carried", ["其中结转2023年4件", "其中2023年结转4件", "其中2023年度结转4件"])
def test_a_breakdown_naming_the_year_before_as_carried_in_makes_the_pool(tmp_path: Path, carried: str) -> None:
    # the carry-in named by its year is 上年结转: the count it opens the breakdown of holds it, as with 其中上年结转
    assert linked(tmp_path, f"2024年共受理信息公开申请60件，{carried}，新收56件。", year=2024)[:2] == [
        (60, POOL), (4, CARRIED_IN)]


def test_a_breakdown_naming_no_carry_leaves_the_receive_count_new(tmp_path: Path) -> None:
    assert linked(tmp_path, "2024年共受理信息公开申请60件，其中网上申请40件。", year=2024)[:1] == [(60, NEW)]
    # ... and the year before named alone is no carry
    assert linked(tmp_path, "2024年共受理信息公开申请60件，其中2023年提交的4件。", year=2024)[:1] == [(60, NEW)]


def test_the_remainder_answered_after_a_withdrawal_is_no_total(tmp_path: Path) -> None:
    # the withdrawn are results in the table too: the remainder answered leaves them out
    assert (40, ANSWERED) not in linked(tmp_path, "共受理申请45件，其中申请人主动撤回5件，其余40件均已按时答复。")
    # a remainder after requests still pending is every answer
    assert (42, ANSWERED) in linked(tmp_path, "共受理申请45件，其中3件仍在办理，其余42件均已按时答复。")


def test_the_answered_beside_dispositions_making_up_the_whole_are_some_of_the_results(tmp_path: Path) -> None:
    found = linked(tmp_path, "共收到申请12件，其中3件已办结，7件因本机关不掌握相关政府信息无法提供，重复申请2件。")
    assert (3, ANSWERED) not in found
    assert (7, "requests.result.unable.not_held.total") in found and (2, "requests.result.not_processed.repeated.total") in found
    # a part carried forward is no result: beside it the answered are all of them
    assert (10, ANSWERED) in linked(tmp_path, "共收到申请12件，其中10件已办结，2件结转下年度办理。")
    # dispositions that break the answered down add up to no whole beside them
    assert (10, ANSWERED) in linked(tmp_path, "共收到申请12件，其中10件已办结，予以公开6件，不予公开4件，2件结转下年度办理。")


def test_a_receive_verb_in_de_before_the_figure_yields_to_the_verb_after_it(tmp_path: Path) -> None:
    # 受理的25件 only says which requests: what was done with them follows (of 26 received, 25 answered)
    assert linked(tmp_path, "我局受理申请26件。全年受理的25件申请均已按期答复，1件结转下年度。")[:2] == [(26, NEW), (25, ANSWERED)]
    # with no verb after it in its clause, it still counts those received
    assert linked(tmp_path, "全年受理的25件申请中，网上申请20件。")[:1] == [(25, NEW)]
    assert linked(tmp_path, "全年受理申请25件，均已按期答复。") == [(25, NEW)]


@pytest.mark.parametrize("text", [
    "（三）因政府信息公开申请行政复议、提起行政诉讼情况。本年度无此类情形。",
    "（三）因政府信息公开申请行政复议、提起行政诉讼情况\n本年度无此类情况。",
    "3.因政府信息公开工作被申请行政复议、提起行政诉讼情况。\n本机关不存在上述情况。",
])
def test_a_zero_pointing_back_at_a_numbered_heading_is_a_zero_of_its_subjects(tmp_path: Path, text: str) -> None:
    assert linked(tmp_path, text) == [(0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("text", [
    "经自查，本单位无此类情况。",  # no label: what 此类 points at is not said
    "（四）政府信息管理情况。本年度无此类情况。",  # a label naming no topic
    "（一）主动公开情况。全年公开信息12条。无此类情况。",  # the line holds more than a heading
])
def test_a_zero_pointing_back_at_no_topic_is_none(tmp_path: Path, text: str) -> None:
    assert [m for m in mentions(tmp_path, text) if m[0] == 0] == []


@pytest.mark.parametrize(("words", "metric"), [
    ("非本部门掌握1件", "requests.result.unable.not_held.total"),
    ("非本机关掌握1件", "requests.result.unable.not_held.total"),
    ("申请人未补正1件", "requests.result.other.no_correction.total"),
])
def test_dispositions_named_in_their_short_words(tmp_path: Path, words: str, metric: str) -> None:
    assert linked(tmp_path, f"共收到政府信息公开申请6件，其中予以公开5件，{words}。") == [
        (6, NEW), (5, "requests.result.disclosed.total"), (1, metric)]
