"""False-link classes found on the eighth round's fresh pages (rn8b), each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.ingest import read_source
from extraction.metadata import read_metadata
from extraction.segment import segment
from one_sentence import linked


@pytest.mark.parametrize("zero", ["未转结2023年政府信息公开申请", "无结转2023年的政府信息公开申请", "没有转结2023年度的申请"])
def test_no_carry_from_the_year_before_is_a_zero_carried_in(tmp_path: Path, zero: str) -> None:
    assert linked(tmp_path, f"本年度共受理申请3件，{zero}。", year=2024) == [
        (3, "requests.new.total"), (0, "requests.carried_over.total")]


@pytest.mark.parametrize("zero", ["无转结至2025年的申请", "未转结2025年政府信息公开申请", "无结转下年度的申请"])
def test_no_carry_into_the_next_year_is_still_a_zero_carried_forward(tmp_path: Path, zero: str) -> None:
    assert linked(tmp_path, f"本年度共受理申请3件，{zero}。", year=2024) == [
        (3, "requests.new.total"), (0, "requests.carried_forward.total")]


@pytest.mark.parametrize("count", ["1条", "1篇", "2份"])
def test_an_earlier_report_listed_as_posted_is_not_the_title(tmp_path: Path, count: str) -> None:
    text = ("一、总体情况\n2022年，我局认真贯彻落实《条例》。\n（一）主动公开方面\n2022年我局主动公开政府信息154条，其中人事任免8条、"
            f"江城市建设局2021年度政府信息公开工作年度报告{count}。\n（二）依申请公开方面\n2022年，我局办理政府信息公开申请47件。\n"
            "二、主动公开政府信息情况\n见下表。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    assert read_metadata(source, segment(source)).report_year == 2022
    path.write_text("江城市建设局2021年度政府信息公开工作年度报告\n" + text.replace("2022", "2021"), encoding="utf-8")
    source = read_source(path)
    assert read_metadata(source, segment(source)).report_year == 2021


@pytest.mark.parametrize("head", ["程序", "案件"])
def test_a_printed_zero_of_listed_subjects_with_their_head_nouns_is_each_ones(tmp_path: Path, head: str) -> None:
    assert linked(tmp_path, f"进入行政复议{head}和行政诉讼{head}均为0件。") == [(0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, "行政复议和行政诉讼均为0件。") == [(0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("carry", ["未转结2023年政府信息公开申请", "2023年未转结政府信息公开申请", "2023年没有结转的申请"])
def test_the_year_before_named_with_a_denied_carry_vetoes_no_sentence(tmp_path: Path, carry: str) -> None:
    found = linked(tmp_path, f"本镇共受理申请2件，{carry}，行政复议和行政诉讼均为0件。", year=2024)
    assert found[0] == (2, "requests.new.total")
    assert found[-2:] == [(0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, "本镇2023年共受理申请2件。", year=2024) == []


@pytest.mark.parametrize("sentence", ["去年同期收到申请8件。", "去年同期共办结申请7件。", "去年同期行政复议2件。"])
def test_the_same_period_last_year_is_the_year_before(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "去年全年，我委共收到申请17件。") == [(17, "requests.new.total")]
    assert linked(tmp_path, "收到申请10件，与去年同期持平。") == [(10, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["区法院受理行政诉讼案件120件。", "市中级人民法院审结行政诉讼15件。", "全年受理行政诉讼案件30件。"])
def test_suits_a_court_takes_in_or_closes_are_its_caseload(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "申请人向法院提起行政诉讼1件。") == [(1, "litigation.total")]
    assert linked(tmp_path, "法院受理涉及政府信息公开的行政诉讼2件。") == [(2, "litigation.total")]


@pytest.mark.parametrize("sentence", ["更新行政处罚裁量基准12项。", "制定行政许可裁量标准56项。", "细化行政强制裁量权基准8项。"])
def test_the_discretion_standards_behind_decisions_are_no_decisions(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "依法行使职权作出行政处罚决定15件。") == [(15, "active.penalty.decisions")]
    assert linked(tmp_path, "本单位无行政处罚职权。") == [(0, "active.penalty.decisions")]
    assert linked(tmp_path, "严格执行行政处罚裁量基准，全年作出行政处罚决定15件。") == [(15, "active.penalty.decisions")]
