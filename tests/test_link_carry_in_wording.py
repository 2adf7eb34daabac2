"""How a request count's own words say whether it holds the requests carried in from the year before, in wordings
written for these tests: a carry left out (不含上年结转5件) keeps the count the new ones', a part carried in named
after its own figure (其中4件来自上一年度结转) makes it the handled pool, each beside the wording it must not change."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

NEW, POOL, CARRIED = "requests.new.total", "requests.handled_pool.total", "requests.carried_over.total"


@pytest.mark.parametrize("count", ["全年共收到政府信息公开申请208件", "本年度受理政府信息公开申请208件",
                                   "全年依申请公开政府信息共208件", "2023年全市各级行政机关共收到政府信息公开申请208件"])
@pytest.mark.parametrize("left_out", ["不含", "不包含", "未含", "未包含"])
@pytest.mark.parametrize("previous", ["上年", "上年度", "上一年度"])
def test_a_count_that_leaves_the_carried_in_out_is_the_new_ones(tmp_path: Path, count: str, left_out: str,
                                                                 previous: str) -> None:
    assert linked(tmp_path, f"{count}（{left_out}{previous}结转5件），办结196件。") == [
        (208, NEW), (5, CARRIED), (196, "requests.result.total.total")]
    assert linked(tmp_path, f"{count}（含{previous}结转5件），办结196件。") == [
        (208, POOL), (5, CARRIED), (196, "requests.result.total.total")]


@pytest.mark.parametrize("verb", ["共受理", "收到", "共接收"])
@pytest.mark.parametrize("joiner", ["来自", "为", "系", ""])
@pytest.mark.parametrize("previous", ["上年", "上年度", "上一年度"])
def test_a_part_carried_in_named_after_its_figure_makes_the_count_the_pool(tmp_path: Path, verb: str, joiner: str,
                                                                            previous: str) -> None:
    links = linked(tmp_path, f"全年{verb}政府信息公开申请件455件，其中4件{joiner}{previous}结转，本年度完成答复451件。")
    assert links[0] == (455, POOL) and (455, NEW) not in links
    # a part of another kind keeps the count the new ones'
    assert linked(tmp_path, f"全年{verb}政府信息公开申请455件，其中4件予以公开。") == [
        (455, NEW), (4, "requests.result.disclosed.total")]
    # and a carry in the next clause, not a part, is no such sign (收到12件，上年结转3件 are two parts)
    assert linked(tmp_path, f"全年{verb}政府信息公开申请455件，{previous}结转4件。") == [(455, NEW), (4, CARRIED)]


@pytest.mark.parametrize("joiner", ["来自", "为", "系", ""])
@pytest.mark.parametrize("previous", ["上年", "上年度", "上一年度"])
def test_the_part_carried_in_is_the_carry_over(tmp_path: Path, joiner: str, previous: str) -> None:
    assert linked(tmp_path, f"全年共受理政府信息公开申请30件，其中2件{joiner}{previous}结转。") == [
        (30, POOL), (2, CARRIED)]
    # a cue before a figure still outranks the carry word after it
    assert linked(tmp_path, f"本年新收的申请23件、{previous}结转2件。") == [(23, NEW), (2, CARRIED)]
