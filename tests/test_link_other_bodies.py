"""A count whose clause opens with another named body (区人社局收到申请20件 in a district government's report) is that
body's, not a cell of the report's tables; the issuer's own names, short forms and whole-area scopes stay linked. The
sentences are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.bodies import names_another_body
from extraction.pipeline import audit
from extraction.spec import load_spec

TAIL = "\n二、主动公开政府信息情况\n略。\n五、存在的主要问题及改进情况\n无。\n"
GOVERNMENT = "淮北市相山区人民政府"
BUREAU = "淮北市相山区人力资源和社会保障局"
STREET = "淮北市相山区东山街道办事处"


def linked(tmp_path: Path, issuer: str, sentence: str) -> list[tuple[float, str]]:
    """Given the issuer printed in the title and one sentence of its overview, return the (value, metric) of the
    figures the audit links."""
    path = tmp_path / "report.txt"
    path.write_text(f"{issuer}2023年政府信息公开工作年度报告\n一、总体情况\n{sentence}{TAIL}", encoding="utf-8")
    return [(m.value, m.metric) for m in audit(path).mentions if m.metric is not None]


@pytest.mark.parametrize("body", ["区人社局", "区公安局", "市公安局", "区住建局", "东山街道", "区政务服务数据管理局"])
def test_a_sibling_body_s_count_is_not_the_government_s(tmp_path: Path, body: str) -> None:
    assert linked(tmp_path, GOVERNMENT, f"2023年，{body}收到政府信息公开申请20件。") == []


@pytest.mark.parametrize("subject", ["区人社局", "人社局", "我局", "本局", "区人力资源和社会保障局", "相山区人社局"])
def test_the_issuer_s_own_names_stay_linked(tmp_path: Path, subject: str) -> None:
    assert linked(tmp_path, BUREAU, f"2023年，{subject}收到政府信息公开申请20件。") == [(20, "requests.new.total")]


@pytest.mark.parametrize("subject", ["区政府", "相山区人民政府", "全区各部门", "全区", "本级"])
def test_the_government_and_its_whole_area_stay_linked(tmp_path: Path, subject: str) -> None:
    assert linked(tmp_path, GOVERNMENT, f"2023年，{subject}收到政府信息公开申请20件。") == [(20, "requests.new.total")]


def test_a_street_s_own_short_name_stays_linked_and_another_street_does_not(tmp_path: Path) -> None:
    assert linked(tmp_path, STREET, "2023年，东山街道收到政府信息公开申请20件。") == [(20, "requests.new.total")]
    assert linked(tmp_path, STREET, "2023年，西山街道收到政府信息公开申请20件。") == []


def test_unknown_issuer_changes_nothing() -> None:
    bodies = load_spec().bodies
    assert names_another_body("区人社局", "淮北市相山区人民政府", bodies)
    assert not names_another_body("区人社局", None, bodies)
    assert not names_another_body("区人社局", "", bodies)


def test_a_body_named_after_a_preposition_is_not_the_subject() -> None:
    bodies = load_spec().bodies
    assert not names_another_body("向区人民政府", "淮北市相山区人力资源和社会保障局", bodies)
    assert not names_another_body("经区公安局", "淮北市相山区人民政府", bodies)


@pytest.mark.parametrize(("named", "issuer"), [
    ("市国资委", "天津市人民政府国有资产监督管理委员会"), ("市大数据局", "贵阳市大数据发展管理局"),
    ("开发区管委会", "淮北市相山经济开发区管理委员会"), ("香洲区税务局", "国家税务总局珠海市香洲区税务局"),
    ("区政府办公室", "重庆市渝中区人民政府办公室"), ("區司法局", "渝中區司法局"), ("街道办事处", "重庆市梁平区合兴街道办事处"),
    ("开发区管委会", "江苏睢宁经济开发区党政办公室"), ("街道办", "重庆市梁平区合兴街道办事处"), ("地区行署", "阿里地区人民政府")])
def test_short_forms_name_the_issuer(named: str, issuer: str) -> None:
    assert not names_another_body(named + "共", issuer, load_spec().bodies)


@pytest.mark.parametrize(("named", "issuer"), [
    ("区财政局", "淮北市相山区人民政府"), ("市国资委", "淮北市相山区人力资源和社会保障局"), ("西山街道", "淮北市相山区东山街道办事处")])
def test_other_bodies_are_told_apart(named: str, issuer: str) -> None:
    assert names_another_body(named + "共", issuer, load_spec().bodies)


def test_a_clause_whose_subject_is_no_name_is_left_alone() -> None:
    bodies = load_spec().bodies
    assert not names_another_body("政府信息公开行政诉讼", "淮北市相山区人力资源和社会保障局", bodies)
    assert not names_another_body("全年共主动公开市政府", "淮北市相山区人民政府", bodies)


# (an issuer read on past its name into 依照《条例》 is the name before them: tests/test_link_precision_body25.py)
@pytest.mark.parametrize("issuer", ["按照淮北市相山区人民政府", "就我局", "制定本局"])
def test_an_issuer_read_with_other_words_is_unknown(issuer: str) -> None:
    assert not names_another_body("区财政局共", issuer, load_spec().bodies)



@pytest.mark.parametrize("sentence", ["2023年，市人民法院受理政府信息公开行政诉讼2件。", "2023年，市政府办理政府信息公开行政复议2件。"])
def test_the_organ_deciding_a_review_or_suit_leaves_the_report_s_cases_linked(tmp_path: Path, sentence: str) -> None:
    assert len(linked(tmp_path, BUREAU, sentence)) == 1


@pytest.mark.parametrize("issuer", ["青山高新区", "临港经济技术开发区"])
def test_a_zone_s_report_reads_another_body_apart_and_itself_linked(tmp_path: Path, issuer: str) -> None:
    zone = issuer[-3:]  # 高新区, 开发区: the zone named short
    assert linked(tmp_path, issuer, "2023年，县民政局收到政府信息公开申请20件。") == []
    assert linked(tmp_path, issuer, f"2023年，{zone}收到政府信息公开申请20件。") == [(20, "requests.new.total")]
    assert linked(tmp_path, issuer, f"2023年，{zone}管委会收到政府信息公开申请20件。") == [(20, "requests.new.total")]


def test_an_issuer_whose_place_opens_with_a_preposition_s_character_is_still_read() -> None:
    bodies = load_spec().bodies
    assert names_another_body("市公安局", "同心县自然资源局", bodies)
    assert not names_another_body("县自然资源局", "同心县自然资源局", bodies)
    assert not names_another_body("和平街道", "和平街道办事处", bodies)
