"""False-link classes found on the ninth round's fresh pages (rn9b), each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("item", ["行政复议(指南)1条", "行政复议（指南）1条", "行政复议指南1份", "依申请公开指南1份"])
def test_a_guide_to_a_topic_is_a_document_posted_about_it(tmp_path: Path, item: str) -> None:
    assert linked(tmp_path, f"其中政策类文件8条，公示公告26条，{item}，年度报告1条。") == []
    assert linked(tmp_path, "因政府信息公开引起的行政复议1件。") == [(1, "review.total")]
    assert linked(tmp_path, "根据依申请公开指南，收到申请5件。") == [(5, "requests.new.total")]


@pytest.mark.parametrize("item", ["行政复议信息2条", "行政复议案件信息2条", "行政诉讼信息2条", "行政诉讼案件信息2条"])
def test_items_posted_about_reviews_and_suits_are_no_reviews_or_suits(tmp_path: Path, item: str) -> None:
    assert linked(tmp_path, f"全年发布工作动态35条、{item}。") == []
    assert linked(tmp_path, "全年发生行政复议2件、行政诉讼1件。") == [(2, "review.total"), (1, "litigation.total")]


@pytest.mark.parametrize("part", ["区直部门", "区直各部门", "区级部门", "镇街", "各镇街"])
def test_a_governments_departments_or_towns_taken_together_are_a_part_of_its_count(tmp_path: Path, part: str) -> None:
    assert linked(tmp_path, f"全区共收到申请120件。{part}收到申请84件。") == [(120, "requests.new.total")]
    assert linked(tmp_path, f"{part}共制发规范性文件20件。") == []
    assert linked(tmp_path, "区政府办公室受理申请30件。") == [(30, "requests.new.total")]
    assert linked(tmp_path, "本街道收到申请3件。") == [(3, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["收到、办结申请分别为12件和10件。", "区人社局、区住建局分别受理申请20件、15件。",
                                      "自然人、法人分别提出申请10件、2件。"])
def test_figures_handed_out_in_order_to_a_list_take_no_nearest_cue(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "共收到申请12件，分别来自自然人10件、法人或其他组织2件。") == [
        (12, "requests.new.total"), (10, "requests.new.natural_person"), (2, "requests.new.org_sum")]
    assert linked(tmp_path, "因政府信息公开被申请行政复议、提起行政诉讼分别为0件。") == [(0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, "收到申请12件，分别予以答复。") == [(12, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["2023年，我局共办理行政复议案件8件，行政诉讼案件5件。", "共办理行政复议案件8件，其中维持6件，行政诉讼5件。"])
def test_a_list_of_cases_over_another_matter_goes_on_with_the_same_matter(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年行政复议8件，行政诉讼5件。") == [(8, "review.total"), (5, "litigation.total")]
    assert linked(tmp_path, "因征收补偿引起的行政复议3件，因政府信息公开引起的行政诉讼1件。") == [(1, "litigation.total")]


@pytest.mark.parametrize("sentence", ["全年受理行政处罚案件120件。", "全年受理行政许可1200件。", "受理行政强制案件3件。"])
def test_cases_taken_in_before_the_topic_word_are_no_decisions(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "受理并办结行政许可1200件。") == [(1200, "active.licensing.decisions")]
    assert linked(tmp_path, "全年作出行政处罚决定120件。") == [(120, "active.penalty.decisions")]


@pytest.mark.parametrize("sentence", ["未收到上级转办的政府信息公开申请。", "收到上级转来的申请3件。", "未收到市政府转交的申请。"])
def test_requests_passed_on_by_another_body_are_some_not_all(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "本年度未收到政府信息公开申请。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "收到申请30件，上年度结转办理1件。") == [(30, "requests.new.total"), (1, "requests.carried_over.total")]


@pytest.mark.parametrize("part", ["其中关于企业的2件", "其中涉及企业信息的2件", "申请公开个人信息的2件", "有关法人的2件"])
def test_an_applicant_class_that_requests_are_about_is_not_who_asked(tmp_path: Path, part: str) -> None:
    assert linked(tmp_path, f"收到申请12件，{part}。") == [(12, "requests.new.total")]
    assert linked(tmp_path, "收到申请12件，其中自然人申请10件，企业申请2件。") == [
        (12, "requests.new.total"), (10, "requests.new.natural_person"), (2, "requests.new.commercial_enterprise")]
    assert linked(tmp_path, "收到申请100件，涉及自然人72件。") == [(100, "requests.new.total"), (72, "requests.new.natural_person")]


@pytest.mark.parametrize("zero", ["区直部门均未收到申请。", "各镇街均未收到政府信息公开申请。", "市直各部门均未制发规范性文件。"])
def test_a_worded_zero_of_a_governments_departments_or_towns_is_theirs(tmp_path: Path, zero: str) -> None:
    assert linked(tmp_path, zero) == []
    assert linked(tmp_path, "全区各部门均未收到申请。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本街道未收到申请。") == [(0, "requests.new.total")]
