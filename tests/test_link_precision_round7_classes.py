"""False-link classes found on the seventh round's fresh pages and on wordings written for these tests: each class
unlinks (or reads otherwise) figures whose words make them another quantity, beside the wording that still links, so
that the class holds for phrasings the corpus never showed and costs the plain reading nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("verb", ["共办理", "办理", "全年办理"])
@pytest.mark.parametrize("carry", ["含上年结转", "含上年度结转", "含2022年结转", "含2022年度结转", "包含上一年度结转"])
def test_handling_that_holds_the_carried_in_is_the_handled_pool(tmp_path: Path, verb: str, carry: str) -> None:
    found = linked(tmp_path, f"{verb}政府信息公开申请114件（{carry}18件），办结113件。")
    assert found[0] == (114, "requests.handled_pool.total")
    assert (113, "requests.result.total.total") in found
    assert linked(tmp_path, f"{verb}政府信息公开申请114件。") == [(114, "requests.result.total.total")]


@pytest.mark.parametrize("sentence", ["主动公开计划总结信息1条、行政规范性文件信息3条、工作动态信息32条。",
                                      "全年主动公开规范性文件信息12条。", "公开规章信息2条、规范性文件信息5条。"])
def test_items_posted_about_documents_are_no_documents(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年制发行政规范性文件3件。") == [(3, "active.normative_docs.issued")]


@pytest.mark.parametrize("topic, metric", [("行政复议", "review.total"), ("行政诉讼", "litigation.total")])
@pytest.mark.parametrize("role", ["以区政府为被告的", "本机关作为被告的", "区政府作为被申请人的", "以本局为被申请人的"])
def test_cases_against_the_body_over_every_matter_link_nothing(tmp_path: Path, topic: str, metric: str,
                                                                 role: str) -> None:
    assert linked(tmp_path, f"全年{role}{topic}案件21件。") == []
    assert linked(tmp_path, f"全年{role}政府信息公开{topic}案件2件。") == [(2, metric)]


@pytest.mark.parametrize("others", ["本局所属单位共", "局属各单位", "其他部门", "直属单位", "其余科室共"])
@pytest.mark.parametrize("verb, metric", [("收到", "requests.new.total"), ("办结", "requests.result.total.total")])
def test_other_bodies_counts_are_theirs(tmp_path: Path, others: str, verb: str, metric: str) -> None:
    assert linked(tmp_path, f"{others}{verb}政府信息公开申请8件。") == []
    assert linked(tmp_path, f"本局及所属单位共{verb}政府信息公开申请8件。") == [(8, metric)]


@pytest.mark.parametrize("topic, metric", [("行政复议", "review.total"), ("行政诉讼", "litigation.total")])
@pytest.mark.parametrize("part", ["其中2件因政府信息公开引起", "其中2件由于信息公开答复引发", "其中，涉及政府信息公开的2件"])
def test_a_total_whose_part_is_the_disclosure_cases_is_every_case(tmp_path: Path, topic: str, metric: str,
                                                                    part: str) -> None:
    assert linked(tmp_path, f"全年{topic}案件5件，{part}。") == []
    assert linked(tmp_path, f"全年因政府信息公开引起的{topic}案件5件。") == [(5, metric)]


def test_a_part_naming_the_answer_an_outcome_kept_is_no_disclosure_part(tmp_path: Path) -> None:
    assert linked(tmp_path, "行政复议3件，其中维持原答复2件，责令重新答复1件。") == [
        (3, "review.total"), (2, "review.maintained"), (1, "review.corrected")]


@pytest.mark.parametrize("topics", ["行政复议", "行政复议或行政诉讼", "行政诉讼"])
@pytest.mark.parametrize("head", ["信息", "消息", "线索"])
def test_no_news_of_reviews_or_suits_is_no_zero_of_them(tmp_path: Path, topics: str, head: str) -> None:
    assert linked(tmp_path, f"没有收到任何申请人提起{topics}被纠正行政行为的{head}。") == []
    assert linked(tmp_path, f"未发生{topics}被纠正的情况。") != []
    # the information requests ask for is what they are about: still no requests
    assert linked(tmp_path, "全年未收到依申请公开的信息。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("carry", ["上年结转申请", "上年度结转的申请", "上一年度结转的政府信息公开申请"])
@pytest.mark.parametrize("done", ["已办结", "于本年答复", "已全部办理完毕"])
def test_carried_requests_named_after_their_figure_are_the_carried(tmp_path: Path, carry: str, done: str) -> None:
    assert linked(tmp_path, f"2件{carry}{done}。") == [(2, "requests.carried_over.total")]
    assert linked(tmp_path, "收到政府信息公开申请12件，上年结转3件。") == [
        (12, "requests.new.total"), (3, "requests.carried_over.total")]


@pytest.mark.parametrize("span", ["“十三五”期间共", "十三五时期", "“十四五”以来累计"])
def test_a_count_over_a_plan_s_five_years_links_nothing(tmp_path: Path, span: str) -> None:
    assert linked(tmp_path, f"{span}收到政府信息公开申请300件。") == []
    assert linked(tmp_path, "围绕“十四五”开局，全年收到政府信息公开申请30件。") == [(30, "requests.new.total")]


@pytest.mark.parametrize("disputed", ["其中1件申请人不服答复提起行政复议", "其中1件申请人因不服答复向法院起诉"])
def test_a_request_whose_answer_was_disputed_is_no_answer_counted(tmp_path: Path, disputed: str) -> None:
    assert linked(tmp_path, f"收到政府信息公开申请12件，{disputed}。") == [(12, "requests.new.total")]
    assert linked(tmp_path, "收到政府信息公开申请12件，其中1件已答复。") == [
        (12, "requests.new.total"), (1, "requests.result.total.total")]


@pytest.mark.parametrize("verb", ["引起", "引发"])
@pytest.mark.parametrize("lead", ["均未", "本年度未", "未因政府信息公开"])
def test_reviews_and_suits_the_answers_gave_no_rise_to_are_zeros(tmp_path: Path, verb: str, lead: str) -> None:
    assert linked(tmp_path, f"{lead}{verb}行政复议和行政诉讼。") == [(0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, f"{lead}{verb}舆情。") == []


@pytest.mark.parametrize("sentence", ["本年度未发生政府信息公开申请结转情况。", "未发生申请结转。", "全年无依申请公开结转。"])
def test_a_zero_of_carrying_with_no_direction_is_no_zero_of_requests(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "没有结转到下一年度的申请。") == [(0, "requests.carried_forward.total")]


@pytest.mark.parametrize("sentence", ["没有申请被驳回。", "无申请转办情况。", "未收到申请补正材料。", "没有申请需要征求第三方意见。",
                                      "全年没有政府信息公开申请延期答复。"])
def test_a_zero_of_what_befell_some_requests_is_no_zero_of_them(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年没有收到政府信息公开申请。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("verb", ["共办理", "全年受理", "审结"])
def test_reviews_the_body_handles_over_every_matter_link_nothing_nor_their_parts(tmp_path: Path, verb: str) -> None:
    assert linked(tmp_path, f"{verb}行政复议案件20件，其中维持15件，撤销2件。") == []
    assert linked(tmp_path, f"{verb}政府信息公开行政复议案件3件，其中维持2件，纠正1件。") == [
        (3, "review.total"), (2, "review.maintained"), (1, "review.corrected")]


def test_parts_of_suits_against_the_body_over_every_matter_link_nothing(tmp_path: Path) -> None:
    assert linked(tmp_path, "以区政府为被告的行政诉讼案件21件，其中败诉2件。") == []
