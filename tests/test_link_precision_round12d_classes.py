"""False-link classes helpers met in sentences generated this session (issue 10, round 12d), each checked on wordings
written for these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize(("carried", "metric"), [("上年结转的1件行政诉讼案件已审结。", "litigation.total"),
                                                 ("上年结转的1件行政复议案件已审结。", "review.total"),
                                                 ("上年度结转的1件行政复议案件已办结。", "review.total")])
def test_a_case_carried_in_from_the_year_before_is_no_case_of_the_year(tmp_path: Path, carried: str,
                                                                        metric: str) -> None:
    # a review or suit carried in is counted by no cell of the year's reviews or suits
    assert linked(tmp_path, carried) == []
    # ... while the year's own cases beside it still read
    topic = "行政诉讼" if metric.startswith("litigation") else "行政复议"
    assert linked(tmp_path, f"本年度发生{topic}2件。{carried}") == [(2, metric)]


@pytest.mark.parametrize("behalf", ["代区政府", "代市政府", "代为"])
def test_requests_answered_on_another_bodys_behalf_are_that_bodys(tmp_path: Path, behalf: str) -> None:
    assert linked(tmp_path, f"{behalf}答复政府信息公开申请12件。") == []
    assert linked(tmp_path, f"本年度收到政府信息公开申请20件，{behalf}办理申请12件。") == [(20, "requests.new.total")]
    # ... and the body's own answers still read
    assert linked(tmp_path, "本机关答复政府信息公开申请12件。") == [(12, "requests.result.total.total")]


@pytest.mark.parametrize("caseload", ["受理群众申请事项128件", "受理群众申请128件", "共受理各类申请128件"])
def test_a_caseload_whose_breakdown_names_the_requests_is_no_count_of_them(tmp_path: Path, caseload: str) -> None:
    # the requests for information are the part named after 其中; the count before it holds every kind of application
    assert (128, "requests.new.total") not in linked(tmp_path, f"{caseload}，其中政府信息公开申请2件。")
    # ... while a count named in full, its breakdown by channel after 其中, is still the requests received
    assert linked(tmp_path, "受理政府信息公开申请15件，其中网上申请10件，信函申请5件。")[:1] == [(15, "requests.new.total")]
    # ... and one whose breakdown names no fuller word of the topic stays as it was
    assert linked(tmp_path, "受理申请15件，其中自然人申请12件。")[:1] == [(15, "requests.new.total")]


@pytest.mark.parametrize("service", ["受理企业开办申请3200件，办结3190件。", "网上申请量500件。",
                                     "受理不动产登记申请800件。"])
def test_applications_for_services_are_no_requests(tmp_path: Path, service: str) -> None:
    # business, registration or platform caseloads (other_kinds, 申请量) are no disclosure requests
    assert linked(tmp_path, service) == []


@pytest.mark.parametrize("area", ["全区各部门、各乡镇", "全区各单位和各街道", "全县各部门、乡镇（街道）"])
def test_towns_listed_after_every_department_are_the_whole_area(tmp_path: Path, area: str) -> None:
    # every department with the towns is the whole area's count, which the labeling rules keep
    assert linked(tmp_path, f"{area}共收到政府信息公开申请45件。") == [(45, "requests.new.total")]


@pytest.mark.parametrize("towns", ["各乡镇", "全区各乡镇", "区直各部门、各乡镇"])
def test_towns_alone_or_beside_one_level_of_departments_stay_apart(tmp_path: Path, towns: str) -> None:
    # towns taken together, or with the departments of one level only (区直), are a part of the area's count
    assert linked(tmp_path, f"{towns}共收到政府信息公开申请45件。") == []
