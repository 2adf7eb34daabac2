"""Classes that the twenty-second round's fresh pages (rn22a) called for, each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("sector", ["全省各级市场监管部门", "全市各级自然资源部门", "全区税务系统", "全县公安机关",
                                    "全省各級交通運輸部門"])
def test_a_whole_areas_bodies_of_one_sector_count_no_cell_of_the_report(tmp_path: Path, sector: str) -> None:
    # the organs of one sector over a whole area, at every level or not, are many bodies: their decisions and
    # requests are theirs together, not the reporting body's own row
    assert linked(tmp_path, f"2023年，{sector}共作出行政处罚决定318件。") == []
    assert linked(tmp_path, f"{sector}全年受理政府信息公开申请64件。") == []


def test_the_reports_own_count_beside_the_sectors_still_reads(tmp_path: Path) -> None:
    # the body's own count, in a clause of its own after the sector's, keeps its reading
    assert linked(tmp_path, "全省各级市场监管部门共作出行政处罚决定318件，本局作出行政处罚决定12件。") == [
        (12, "active.penalty.decisions")]


@pytest.mark.parametrize("whole", ["全区各行政机关", "全市各级行政机关", "全县各级政府部门", "全市各级各部门",
                                   "全县政府系统各单位"])
def test_a_governments_own_collectives_are_still_its_whole_scope(tmp_path: Path, whole: str) -> None:
    # every body of the government, named by no sector, is the scope its report sums
    assert linked(tmp_path, f"{whole}共收到政府信息公开申请27件。") == [(27, "requests.new.total")]


@pytest.mark.parametrize("kind, metric", [("行政处罚", "active.penalty.decisions"), ("行政许可", "active.licensing.decisions"),
                                          ("行政强制", "active.coercion.decisions")])
def test_decisions_made_spelled_with_zuo_read_as_with_the_other_zuo(tmp_path: Path, kind: str, metric: str) -> None:
    # 做出 is 作出 as many reports print it: decisions counted, and none made a zero of them
    assert linked(tmp_path, f"本年度共做出{kind}决定26件。") == [(26, metric)]
    assert linked(tmp_path, f"全年本单位未做出{kind}决定。") == [(0, metric)]
    assert linked(tmp_path, f"全年本单位未作出{kind}决定。") == [(0, metric)]


@pytest.mark.parametrize("cause", ["因政府信息公开工作引发", "因信息公开引起的", "因依申请公开引发"])
def test_review_applications_the_bodys_disclosure_caused_are_its_reviews(tmp_path: Path, cause: str) -> None:
    # applications for review that the body's disclosure work gave rise to are the reviews of its answers
    assert linked(tmp_path, f"本年度未发生{cause}行政复议申请或行政诉讼。") == [
        (0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, f"全年{cause}行政复议申请2件。") == [(2, "review.total")]


@pytest.mark.parametrize("caseload", ["因土地征收引发行政复议申请12件。", "区政府作为复议机关，全年收到行政复议申请45件。",
                                      "全年受理行政复议申请30件。"])
def test_review_applications_of_other_matters_stay_unread(tmp_path: Path, caseload: str) -> None:
    # applications caused by another matter, or taken in by the body as the review organ, are no reviews of its answers
    assert linked(tmp_path, caseload) == []


def test_cases_counted_in_an_stand_for_reviews_and_suits(tmp_path: Path) -> None:
    # 案 counts cases as 件 and 起 do, for reviews and suits alike
    assert linked(tmp_path, "因政府信息公开被申请行政复议2案，被提起行政诉讼3案。") == [
        (2, "review.total"), (3, "litigation.total")]
    # ... and makes no count of documents or requests
    assert linked(tmp_path, "全年收到政府信息公开申请4案。") == []
