"""Links and worded zeros the sixteenth recall round found missing on the tuned pages, each checked on wordings
written for these tests, with near-misses that must stay unlinked."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize(("sentence", "links"), [
    ("因政府信息公开申请行政复议0件，尚未审结行政复议0件和提起行政诉讼0件，尚未审结行政诉讼0件。",
     [(0, "review.total"), (0, "review.pending"), (0, "litigation.total"), (0, "litigation.pending")]),
    ("发生行政复议3件，其中维持1件，未审结行政复议2件。", [(3, "review.total"), (1, "review.maintained"), (2, "review.pending")]),
])
def test_pending_cases_named_before_their_topic_are_no_organ_closing_cases(tmp_path: Path, sentence: str,
                                                                           links: list[tuple[float, str]]) -> None:
    # 审结行政复议 is the review organ's business, but not after a negation: 尚未审结 is the pending outcome
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", ["本年度审结行政复议案件5件。", "区政府共审结行政诉讼案件12件。"])
def test_cases_the_organ_closed_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize(("sentence", "links"), [
    ("涉及信息公开的行政复议案件10件，行政诉讼案件0件，结果维持2件，结果纠错2件，尚未审结6件。",
     [(10, "review.total"), (0, "litigation.total"), (2, "review.maintained"), (2, "review.corrected"),
      (6, "review.pending")]),
    ("因政府信息公开引起的行政复议0件，行政诉讼3件，其中维持1件，驳回2件。",
     [(0, "review.total"), (3, "litigation.total"), (1, "litigation.maintained"), (2, "litigation.other")]),
    ("被申请行政复议4件、被提起行政诉讼0件，其中被纠错1件。", [(4, "review.total"), (0, "litigation.total"),
                                                       (1, "review.corrected")]),
])
def test_results_after_a_zero_topic_are_the_other_topics(tmp_path: Path, sentence: str,
                                                        links: list[tuple[float, str]]) -> None:
    # the results listed after reviews and suits, one of them none, are the other's: the only one they can be part of
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize(("sentence", "links"), [
    # the results outgrow the other topic's count: they may be of neither, so they stay unread
    ("行政复议案件3件，行政诉讼案件0件，结果维持2件，尚未审结6件。", [(3, "review.total"), (0, "litigation.total"), (2, "review.maintained")]),
    # both topics none: no other topic to hold them
    ("行政复议0件，行政诉讼0件，结果维持2件。", [(0, "review.total"), (0, "litigation.total")]),
    # a zero topic beside requests: requests have no such results
    ("收到申请5件，行政诉讼0件，其中维持2件。", [(5, "requests.new.total"), (0, "litigation.total")]),
])
def test_results_no_other_topic_can_hold_stay_unlinked(tmp_path: Path, sentence: str,
                                                        links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度未新增行政规范性文件。", [(0, "active.normative_docs.issued")]),
    ("2023年未新增规章。", [(0, "active.rules.issued")]),
    ("本年度未制作规范性文件、行政法规、规章。", [(0, "active.normative_docs.issued"), (0, "active.rules.issued")]),
    ("全年未制作规章、规范性文件。", [(0, "active.rules.issued"), (0, "active.normative_docs.issued")]),
])
def test_documents_none_made_or_added_are_zeros_of_each_named(tmp_path: Path, sentence: str,
                                                              links: list[tuple[float, str]]) -> None:
    # 新增 is a made verb of documents (新增规范性文件3件), negated too; 制作 governs every document named after it
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度无新增政府信息公开申请。", [(0, "requests.new.total")]),
    ("本年度没有新增行政复议案件。", [(0, "review.total")]),
    ("本年度无新增行政规范性文件。", [(0, "active.normative_docs.issued")]),
])
def test_new_after_a_direct_negation_still_qualifies_its_subject(tmp_path: Path, sentence: str,
                                                                 links: list[tuple[float, str]]) -> None:
    # 新增 is the verb of the documents it states a zero of; the subjects it is no verb of keep the direct negation's
    # zero (无新增申请: none new, as before)
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "本年度未新增涉及市场主体的规范性文件。",  # some of them, not the year's
    "本年度未新增规范性文件解读。",  # their readings, other documents
    "未新增政府信息公开申请。",  # 新增 is no verb of requests
])
def test_documents_none_added_of_some_kind_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize(("sentence", "links"), [
    ("涉及行政复议0件，行政诉讼0件，无被纠错和败诉。",
     [(0, "review.total"), (0, "litigation.total"), (0, "review.corrected"), (0, "litigation.corrected")]),
    ("信息公开行政复议0件，诉讼0件，未出现被纠错的情况。",
     [(0, "review.total"), (0, "litigation.total"), (0, "review.corrected"), (0, "litigation.corrected")]),
    ("被申请行政复议1起，行政诉讼案件2件，均未被撤销。",
     [(1, "review.total"), (2, "litigation.total"), (0, "review.corrected"), (0, "litigation.corrected")]),
])
def test_a_correction_none_after_both_topics_counted_is_each_ones(tmp_path: Path, sentence: str,
                                                                 links: list[tuple[float, str]]) -> None:
    # the category follows a sentence that counted reviews and suits both: neither was corrected
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize(("sentence", "links"), [
    # 复议 named in passing, with no count: the correction is the suit's alone
    ("涉及信息公开申请的行政诉讼案1件，未经复议直接起诉，未发生被纠错情况。", [(1, "litigation.total"), (0, "litigation.corrected")]),
    ("行政复议0件。行政诉讼1件，未出现被纠错情形。", [(0, "review.total"), (1, "litigation.total"), (0, "litigation.corrected")]),
])
def test_a_correction_none_after_one_topic_counted_stays_that_ones(tmp_path: Path, sentence: str,
                                                                  links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", ["本年度，我镇未发生受理、答复依申请公开政府信息情况。",
                                      "全年未出现受理、办理政府信息公开申请的情况。"])
def test_requests_none_received_or_answered_after_an_adjacent_verb(tmp_path: Path, sentence: str) -> None:
    # the topic's events listed between 发生 and the requests name them as one: the received ones' zero, as a count keeps
    # its first verb's reading
    assert linked(tmp_path, sentence) == [(0, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["本年度未发生受理、转办依申请公开情况。",  # passed on: some of them
                                      "本年度未发生超期答复依申请公开情况。"])  # answered late: some of them
def test_requests_none_of_some_kind_after_an_adjacent_verb_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize(("sentence", "links"), [
    ("收到向区政府及其办公室申请的各类政府信息公开申请60件，其中自然人申请59件。",
     [(60, "requests.new.total"), (59, "requests.new.natural_person")]),
    ("本年度受理向本机关申请的申请12件。", [(12, "requests.new.total")]),
])
def test_requests_made_to_a_body_are_no_kind_of_application(tmp_path: Path, sentence: str,
                                                            links: list[tuple[float, str]]) -> None:
    # 申请 before 的 is the verb of a phrase naming whom they were made to, not a noun a kind qualifies
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", ["受理向本局申请的公租房申请300件。", "收到向街道申请的低保申请20件。"])
def test_applications_of_a_kind_made_to_a_body_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    # past the phrase in 的, the noun they are is still qualified by its kind
    assert linked(tmp_path, sentence) == []


def test_requests_handled_counted_with_you(tmp_path: Path) -> None:
    # 办理有69件: 有 between the handling verb and its count adds nothing
    assert linked(tmp_path, "我局依申请信息公开办理有69件，均为自然人申请。") == [(69, "requests.result.total.total")]
    assert linked(tmp_path, "全年办理有关申请3件。") == []  # 有关: a word of its own, not the filler


@pytest.mark.parametrize(("sentence", "links"), [
    ("行政许可16项，较2018年减少1项，处理决定数量56件。", [(56, "active.licensing.decisions")]),
    ("行政处罚事项新增10项，总计44项，处理决定数量29件。", [(29, "active.penalty.decisions")]),
])
def test_a_2019_row_read_along_past_several_unread_counts(tmp_path: Path, sentence: str,
                                                         links: list[tuple[float, str]]) -> None:
    # the row's topic goes on past its items and their change to the decisions' column
    assert linked(tmp_path, sentence, year=2019) == links


@pytest.mark.parametrize("sentence", ["行政许可16项，较2018年减少1项，主动公开信息300条。",
                                      "行政许可事项新增21项，总计21项，公开行政许可信息12条。"])
def test_a_2019_row_read_along_needs_a_decisions_cue(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence, year=2019) == []


@pytest.mark.parametrize(("sentence", "links"), [
    ("行政许可共处理决定62起，共收取行政事业性费用0元。", [(62, "active.licensing.decisions"), (0, "active.admin_fees.amount_wan_yuan")]),
    ("全年收取行政事业性费用12.5万元。", [(12.5, "active.admin_fees.amount_wan_yuan")]),
    ("全年未收取行政事业性费用。", [(0, "active.admin_fees.amount_wan_yuan")]),
])
def test_fees_named_as_costs_are_the_fees_charged(tmp_path: Path, sentence: str, links: list[tuple[float, str]]) -> None:
    # 行政事业性费用 is the 行政事业性收费 of 表二 in other words
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", ["减免行政事业性费用300万元。", "代收行政事业性费用20万元。"])
def test_fees_waived_or_collected_for_others_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize(("sentence", "links"), [
    ("年度政府集中采购36项，采购总金额293.3884万元。",
     [(36, "active.procurement.projects"), (293.3884, "active.procurement.amount")]),
    ("本年度政府集中采购5项。", [(5, "active.procurement.projects")]),
])
def test_central_procurement_is_the_2019_formats_row(tmp_path: Path, sentence: str,
                                                    links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence, year=2019) == links


@pytest.mark.parametrize(("sentence", "year"), [
    ("主动公开政府集中采购信息20条。", 2019),  # items posted about it, in 条
    ("年度政府集中采购36项，采购总金额293.3884万元。", 2022),  # the 2021 format counts no procurement
])
def test_procurement_postings_or_later_formats_stay_unlinked(tmp_path: Path, sentence: str, year: int) -> None:
    assert linked(tmp_path, sentence, year=year) == []


@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度，我乡无依申请公开政府信息和不予公开政府信息的情况。", [(0, "requests.new.total")]),
    ("本年度无申请和不予公开情况。", [(0, "requests.new.total")]),
    # a category after the subject, with no other item between, still names the zero's own row
    ("本年度无申请件结转到下一年度。", [(0, "requests.carried_forward.total")]),
])
def test_a_category_of_the_next_item_leaves_the_subjects_zero(tmp_path: Path, sentence: str,
                                                             links: list[tuple[float, str]]) -> None:
    # words after a coordinator are the list's next item, not what the subject's zero is of
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", ["全年未发生过政府信息依申请公开的信息。", "全年未发生过依申请公开情况。"])
def test_none_ever_happened_is_a_zero(tmp_path: Path, sentence: str) -> None:
    # 过 after the verb adds nothing to it
    assert linked(tmp_path, sentence) == [(0, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["全年未发生过有重大影响的申请。", "本年度没有超过期限答复的申请。"])
def test_none_ever_of_some_requests_stays_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


def test_results_joined_after_the_subject_stay_a_pair(tmp_path: Path) -> None:
    # the subject qualified by a result before the coordinator: the results are joined, neither is alone the zero's
    assert linked(tmp_path, "本年度未发生行政诉讼维持和败诉的情况。") == []


@pytest.mark.parametrize("sentence", ["全年无信息公开举报、复议和诉讼等情形。", "本年度无投诉、行政复议和行政诉讼情况。"])
def test_a_negation_reaches_along_a_list_to_reviews_and_suits(tmp_path: Path, sentence: str) -> None:
    # items of another matter listed first (举报、, 投诉、) leave the reviews and suits after them none too
    assert linked(tmp_path, sentence) == [(0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("sentence", ["本年度无遗漏地答复行政复议。", "全年无针对性强的宣传和行政复议培训。"])
def test_a_negation_of_something_else_before_reviews_stays_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
