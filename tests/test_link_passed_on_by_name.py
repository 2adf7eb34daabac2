"""Requests passed on to a body named right after 转 (转县自然资源局办理7件, 交由乡镇办理), in wordings written for these
tests: that body's handling, not the year's answered count; 转 of a carry between years still reads."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("passed_on", ["其中转县自然资源局办理", "其中转市住建局办理", "转区城管局办理", "其中转相关部门办理",
                                       "其中转有关单位办理", "其中交由乡镇办理", "转属地街道办理"])
def test_requests_passed_on_to_a_named_body_are_its_handling(tmp_path: Path, passed_on: str) -> None:
    assert linked(tmp_path, f"县政府办公室收到政府信息公开申请12件，{passed_on}7件。") == [(12, "requests.new.total")]
    assert linked(tmp_path, "县政府办公室收到政府信息公开申请12件，办理7件。") == [
        (12, "requests.new.total"), (7, "requests.result.total.total")]


@pytest.mark.parametrize("carried", ["结转下年度办理", "转2024年办理", "转至下年度办理", "转入下一年度办理", "转结下年办理"])
def test_a_carry_into_next_year_is_still_the_carry(tmp_path: Path, carried: str) -> None:
    assert linked(tmp_path, f"收到政府信息公开申请12件，{carried}2件。") == [
        (12, "requests.new.total"), (2, "requests.carried_forward.total")]
