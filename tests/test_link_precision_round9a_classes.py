"""False-link classes found on the ninth round's fresh pages (slice 北京…湖北 + national), tested on wordings written for
these tests: each class reads its figures otherwise (or leaves them unlinked) beside the wording that still links, so
that the class holds for phrasings the corpus never showed and costs the plain reading nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("next_year", ["下年结转", "下年度结转", "下一年结转", "下一年度结转", "次年结转", "下年转结"])
def test_the_next_year_named_before_the_carry_word_carries_forward(tmp_path: Path, next_year: str) -> None:
    found = linked(tmp_path, f"全年收到申请10件，办结8件，{next_year}2件。")
    assert found == [(10, "requests.new.total"), (8, "requests.result.total.total"),
                     (2, "requests.carried_forward.total")]
    for last_year in ("上年结转", "上年度结转", "上一年度结转", "2022年度结转"):
        assert linked(tmp_path, f"全年收到申请10件，{last_year}2件。") == [(10, "requests.new.total"),
                                                                      (2, "requests.carried_over.total")]


@pytest.mark.parametrize("subject", ["其中涉及行政复议的2件", "其中关于行政许可的4件", "主要涉及行政处罚2件",
                                     "申请内容涉及规范性文件3件、行政处罚2件", "内容涉及行政处罚决定2件"])
def test_what_requests_were_about_names_no_other_table(tmp_path: Path, subject: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件，{subject}。") == [(12, "requests.new.total")]


@pytest.mark.parametrize("sentence, link", [
    ("全年收到申请5件，发生涉及信息公开的行政复议1件。", (1, "review.total")),
    ("全年办理涉及政府信息公开的行政复议案件2件。", (2, "review.total")),
    ("全年收到申请5件，办结5件。涉及行政诉讼案件2件，均驳回。", (2, "litigation.total")),
    ("关于行政复议情况：本年度发生行政复议1件。", (1, "review.total")),
    ("全年共作出行政处罚12件，行政许可30件。", (30, "active.licensing.decisions"))])
def test_the_topics_own_cases_still_link(tmp_path: Path, sentence: str, link: tuple[int, str]) -> None:
    assert link in linked(tmp_path, sentence)


@pytest.mark.parametrize("joined", ["作为第三人参加行政诉讼1件", "以第三人身份参加行政诉讼1件", "作为第三人参加行政复议1件"])
def test_cases_joined_as_a_third_party_are_another_bodys(tmp_path: Path, joined: str) -> None:
    assert linked(tmp_path, f"全年{joined}。") == []
    assert linked(tmp_path, "全年因政府信息公开被提起行政诉讼1件。") == [(1, "litigation.total")]


@pytest.mark.parametrize("when", ["当场答复3件", "当天答复3件", "当日回复3件", "即时办结3件"])
def test_requests_answered_at_once_are_a_part(tmp_path: Path, when: str) -> None:
    assert linked(tmp_path, f"全年收到申请15件，{when}。") == [(15, "requests.new.total")]
    assert linked(tmp_path, "全年收到申请15件，办结15件。") == [(15, "requests.new.total"),
                                                         (15, "requests.result.total.total")]


@pytest.mark.parametrize("place", ["依申请公开受理点3个", "政府信息依申请公开查阅点3个"])
def test_places_requests_are_taken_in_are_no_requests(tmp_path: Path, place: str) -> None:
    assert linked(tmp_path, f"全年设立{place}。") == []


@pytest.mark.parametrize("some", ["全年未收到上级转办的政府信息公开申请", "全年未收到上级转来的申请",
                                  "全年没有申请人撤回申请的情况", "全年没有申请人需要补正申请的情况"])
def test_a_zero_of_some_requests_is_no_zero_of_all(tmp_path: Path, some: str) -> None:
    assert linked(tmp_path, f"{some}。") == []
    assert linked(tmp_path, "全年没有申请人提出政府信息公开申请。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("plan", ["下一步，计划制定规范性文件3件", "明年计划印发规范性文件3件", "拟出台规范性文件3件"])
def test_a_plan_is_no_act_of_the_year(tmp_path: Path, plan: str) -> None:
    assert linked(tmp_path, f"{plan}。") == []
    assert linked(tmp_path, "按计划制定规范性文件3件。") == [(3, "active.normative_docs.issued")]


@pytest.mark.parametrize("carry", ["结转至明年办理2件", "2件转明年办理"])
def test_next_year_called_明年_takes_the_carry_forward(tmp_path: Path, carry: str) -> None:
    assert (2, "requests.carried_forward.total") in linked(tmp_path, f"全年收到申请12件，办结10件，{carry}。")


@pytest.mark.parametrize("listed", ["本年度梳理行政许可12项、行政处罚86项", "全年取消行政许可12项", "承接下放行政处罚事权12项"])
def test_items_a_list_verb_acts_on_are_no_decisions(tmp_path: Path, listed: str) -> None:
    assert [metric for _, metric in linked(tmp_path, f"{listed}。")] == []
    assert linked(tmp_path, "梳理权责清单后，全年作出行政处罚决定12项。") == [(12, "active.penalty.decisions")]


@pytest.mark.parametrize("bodies", ["全区规范性文件制定主体12个", "全区规章制定主体1个"])
def test_the_bodies_entitled_to_make_documents_are_no_documents(tmp_path: Path, bodies: str) -> None:
    assert linked(tmp_path, f"{bodies}。") == []
    assert linked(tmp_path, "全年制定规范性文件3件。") == [(3, "active.normative_docs.issued")]


@pytest.mark.parametrize("answered", ["回复办理40件", "答复办理40件", "已回复办理40件"])
def test_answered_and_handled_joined_are_the_answers(tmp_path: Path, answered: str) -> None:
    assert linked(tmp_path, f"全年受理公开申请40件，{answered}。") == [(40, "requests.new.total"),
                                                                 (40, "requests.result.total.total")]


@pytest.mark.parametrize("breakdown", ["（其中新收10件，上年结转2件）", "，其中新收10件，上年结转2件"])
def test_requests_handled_broken_into_new_and_carried_in_are_the_pool(tmp_path: Path, breakdown: str) -> None:
    assert linked(tmp_path, f"全年办理政府信息公开申请12件{breakdown}。") == [
        (12, "requests.handled_pool.total"), (10, "requests.new.total"), (2, "requests.carried_over.total")]
    assert (12, "requests.result.total.total") in linked(tmp_path, "全年办理申请12件，其中予以公开10件。")


@pytest.mark.parametrize("summed", ["主动公开和依申请公开信息共120条", "主动公开、依申请公开政府信息共120条"])
def test_items_posted_proactively_and_on_request_summed_are_no_requests(tmp_path: Path, summed: str) -> None:
    assert linked(tmp_path, f"全年{summed}。") == []
    assert linked(tmp_path, "全年主动公开信息100条，收到依申请公开申请20件。") == [(20, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["去年收到申请8件，今年收到12件。", "去年共收到申请8件，本年度收到12件。"])
def test_去年_set_against_the_years_own_is_the_year_before(tmp_path: Path, sentence: str) -> None:
    assert (8, "requests.new.total") not in linked(tmp_path, sentence)
    assert linked(tmp_path, "去年全年，我委共收到申请17件。") == [(17, "requests.new.total")]


@pytest.mark.parametrize("organ", ["全年审理政府信息公开类行政复议案件45件", "全年审理涉及政府信息公开的行政诉讼案件45件",
                                   "区政府作为复议机关，全年收到涉及政府信息公开的行政复议申请45件",
                                   "全年收到行政复议机关的答复通知书45份"])
def test_the_review_organs_cases_and_papers_are_no_reviews_of_the_body(tmp_path: Path, organ: str) -> None:
    assert linked(tmp_path, f"{organ}。") == []
    assert linked(tmp_path, "因政府信息公开被提起行政诉讼3件，法院审理后维持2件。") == [
        (3, "litigation.total"), (2, "litigation.maintained")]
