"""Classes that the eighteenth round's fresh pages (rn18b) called for, each checked on wordings written for these
tests: the wording that misled the reader beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import mentions


@pytest.mark.parametrize("session", [
    "十四届全国人大三次会议", "十三届全国政协四次会议", "十二届省人大五次会议", "五届州人大二次会议",
    "十六届市人大常委会七次会议", "八届市委四次全会", "十五届人大二次会议"])
def test_a_sessions_number_after_its_term_and_body_is_no_count(tmp_path: Path, session: str) -> None:
    # the third session of the fourteenth congress: 三次 numbers the session, whatever level names the body between
    assert mentions(tmp_path, f"深入学习贯彻党的二十大和{session}精神，全年主动公开政府信息15条。") == [(15, None)]


def test_sessions_counted_without_a_term_still_count(tmp_path: Path) -> None:
    # with no term before it, 召开…N次 counts the meetings held
    assert mentions(tmp_path, "全年召开政务公开专题会议3次，主动公开政府信息15条。") == [(3, None), (15, None)]
    assert mentions(tmp_path, "全年召开全国人大代表座谈会2次。") == [(2, None)]


@pytest.mark.parametrize("posted", ["行政许可70条、行政处罚4条", "行政许可类信息70条、行政处罚类信息4条"])
def test_posted_items_of_licensing_and_penalty_are_no_decisions(tmp_path: Path, posted: str) -> None:
    # items posted under a category of a list of postings (as 许可/服务3条、处罚/强制8条 on a tuned page) count web
    # pages, not the year's decisions of the table
    assert mentions(tmp_path, f"全年公开政府信息99条，其中政策文件6条、{posted}、预算决算12条。") == [
        (99, None), (6, None), (70, None), (4, None), (12, None)]
