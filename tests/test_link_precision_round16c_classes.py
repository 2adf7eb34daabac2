"""False-link classes that the sixteenth round's pages (rn16c: reports of 2012–2020, where running totals since the
regulation and city-wide counts split by county are common) called for, each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("total", [
    "截至2015年底，累计受理政府信息公开申请120件。",
    "截止2015年12月31日，我局累计受理政府信息公开申请36件。",
    "本局到2015年底累计受理政府信息公开申请16件。",
    "截至12月底累计办结政府信息公开申请118件。",
])
def test_a_running_total_as_of_a_date_is_no_count_of_the_year(tmp_path: Path, total: str) -> None:
    # as of the year's end, 累计 runs from the regulation's start: the year's count is among it, not it
    assert linked(tmp_path, total, year=2015) == []


def test_a_running_total_keeps_the_years_own_words(tmp_path: Path) -> None:
    # the year's own words beside the date make it the year's: 全年累计, 本年度累计, the year named before 累计
    assert linked(tmp_path, "截至2015年12月31日，全年累计受理政府信息公开申请12件。", year=2015) == [
        (12, "requests.new.total")]
    assert linked(tmp_path, "截至2015年12月31日，本年度累计收到政府信息公开申请8件。", year=2015) == [
        (8, "requests.new.total")]
    assert linked(tmp_path, "2015年，截至12月31日，累计受理政府信息公开申请12件。", year=2015) == [
        (12, "requests.new.total")]
    # ... and 累计 with no date before it is the year's total, as always
    assert linked(tmp_path, "全年累计受理政府信息公开申请12件。", year=2015) == [(12, "requests.new.total")]
    # ... and so is a date with no 累计 (截至目前 alone settles nothing)
    assert linked(tmp_path, "截至2015年12月31日，共受理政府信息公开申请12件。", year=2015) == [(12, "requests.new.total")]


@pytest.mark.parametrize("word", ["至今", "迄今"])
def test_a_count_up_to_now_is_no_count_of_the_year(tmp_path: Path, word: str) -> None:
    # a count up to now from no named start runs from before the year, as 《条例》实施以来 does
    assert linked(tmp_path, f"{word}共受理政府信息公开申请120件。", year=2015) == []
    # ... but from the year's own start it is the year's (2015年1月至今, 年初至今)
    assert linked(tmp_path, f"2015年1月{word}共受理政府信息公开申请5件。", year=2015) == [(5, "requests.new.total")]
    assert linked(tmp_path, f"年初{word}共受理政府信息公开申请5件。", year=2015) == [(5, "requests.new.total")]


def test_none_so_far_is_none_this_year(tmp_path: Path) -> None:
    # a zero up to now (或 as of a date) holds the year's zero: it stays linked
    assert linked(tmp_path, "我局至今未收到政府信息公开申请。", year=2015) == [(0, "requests.new.total")]
    assert linked(tmp_path, "至今未发生因政府信息公开引起的行政复议和行政诉讼。", year=2015) == [
        (0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, "截至2015年底累计受理政府信息公开申请0件。", year=2015) == [(0, "requests.new.total")]


def test_requests_carried_into_this_year_are_no_count_up_to_now(tmp_path: Path) -> None:
    # 转至今年 is 至 and 今年: the carry word still reads
    assert linked(tmp_path, "全年共办理政府信息公开申请69件，含2022年转至今年办理的3件，办结68件。") == [
        (69, "requests.handled_pool.total"), (3, "requests.carried_over.total"), (68, "requests.result.total.total")]


@pytest.mark.parametrize("counties", ["各县区", "全市各县（市、区）", "各区县", "各旗县", "全省各市州"])
def test_counties_taken_together_count_no_request_of_the_government(tmp_path: Path, counties: str) -> None:
    # a city's (or province's) counties taken together are a part of its area's count, none of its own, as a county's
    # towns are (各乡镇共收到申请45件)
    assert linked(tmp_path, f"{counties}共受理政府信息公开申请320件。") == []
    # ... while the whole area named before them still reads, and so does a list of every level with them
    assert linked(tmp_path, f"全市共受理政府信息公开申请500件，其中{counties}320件。") == [(500, "requests.new.total")]
    assert linked(tmp_path, "市本级和各县区共受理政府信息公开申请500件。") == [(500, "requests.new.total")]
    assert linked(tmp_path, "全市各部门、各县区共受理政府信息公开申请500件。") == [(500, "requests.new.total")]


@pytest.mark.parametrize("places", ["各乡镇", "各街道", "各县区"])
def test_a_zero_of_towns_or_counties_taken_together_is_theirs(tmp_path: Path, places: str) -> None:
    # every town (or county) receiving none says nothing of the government's own requests: no zero of its count
    assert linked(tmp_path, f"{places}均未收到政府信息公开申请。") == []
    # ... listed after every department, they are the whole area: its zero
    assert linked(tmp_path, f"全区各部门、{places}均未收到政府信息公开申请。") == [(0, "requests.new.total")]
    # ... and the body's own zero beside theirs still reads
    assert linked(tmp_path, f"本机关未收到政府信息公开申请，{places}均未收到政府信息公开申请。") == [
        (0, "requests.new.total")]


@pytest.mark.parametrize("level", ["省直部门", "省级部门", "市级机关", "区级机关"])
def test_departments_of_one_level_taken_together_count_none_of_the_reports(tmp_path: Path, level: str) -> None:
    # a province's departments (one level up from 市直部门) or a level's bodies (机关 as 部门) are a part of an area's
    # count, none of the reporting body's own: neither their count nor their zero is its
    assert linked(tmp_path, f"{level}共受理政府信息公开申请1784件。") == []
    assert linked(tmp_path, f"{level}均未收到政府信息公开申请。") == []
    # ... while the body's own count beside them still reads
    assert linked(tmp_path, f"本机关受理政府信息公开申请12件，{level}共受理政府信息公开申请1784件。") == [
        (12, "requests.new.total")]
