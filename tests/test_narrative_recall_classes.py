"""Narrative figures the grammar reads once a word joins a class, in wordings written for these tests (qualifier ×
verb × object), each beside the wording that must stay unlinked: a class must read phrasings the tuned corpus never
showed, and must not link what its words make another quantity."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from one_sentence import linked


RECEIVED = "全年共收到政府信息公开申请40件，"


@pytest.mark.parametrize("timely", ["按时", "按期", "均按时", "已按期", "全部按时"])
@pytest.mark.parametrize("verb", ["办结", "答复", "办理完毕"])
def test_answered_in_time_is_the_year_s_answered_unless_late_ones_are_counted(tmp_path: Path, timely: str,
                                                                              verb: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}{timely}{verb}38件。") == [
        (40, "requests.new.total"), (38, "requests.result.total.total")]
    for late in ["延期办结2件", "超期答复2件", "逾期2件"]:
        assert linked(tmp_path, f"{RECEIVED}{timely}{verb}38件，{late}。") == [(40, "requests.new.total")]


@pytest.mark.parametrize("negated, qualifier", [
    (verb, q) for verb in ["未收到", "没有收到", "未发生"] for q in ["政府信息公开类", "针对本机关政府信息公开的", "有关政府信息公开", "涉及信息公开的"]
] + [("无", "针对本机关政府信息公开的"), ("没有", "涉及信息公开的")])
def test_a_review_application_qualified_by_disclosure_is_a_review_of_disclosure(tmp_path: Path, negated: str,
                                                                                 qualifier: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}{negated}{qualifier}行政复议申请。") == [
        (40, "requests.new.total"), (0, "review.total")]


@pytest.mark.parametrize("negated", ["未收到", "没有收到"])
def test_a_review_application_unqualified_is_the_review_organ_s_caseload(tmp_path: Path, negated: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}{negated}行政复议申请。") == [(40, "requests.new.total")]


@pytest.mark.parametrize("timely", ["按时办结", "按期答复"])
def test_answered_in_time_as_a_breakdown_is_a_part_unless_it_is_the_whole(tmp_path: Path, timely: str) -> None:
    assert linked(tmp_path, f"共受理政府信息公开申请40件，其中{timely}36件。") == [(40, "requests.new.total")]
    assert linked(tmp_path, f"共受理政府信息公开申请36件，其中{timely}36件。") == [
        (36, "requests.new.total"), (36, "requests.result.total.total")]


@pytest.mark.parametrize("prefix", ["", "政府信息", "政务信息", "信息"])
@pytest.mark.parametrize("noun", ["案件", "事项", "办件"])
@pytest.mark.parametrize("verb", ["收到", "受理", "共", "承办"])
def test_a_case_noun_after_the_requests_word_and_an_object_is_their_noun(tmp_path: Path, prefix: str, noun: str,
                                                                         verb: str) -> None:
    assert linked(tmp_path, f"全年{verb}依申请公开{prefix}{noun}7件。") == [(7, "requests.new.total")]


@pytest.mark.parametrize("noun", ["案件", "事项", "办件"])
@pytest.mark.parametrize("verb", ["收到", "受理"])
def test_a_case_noun_standing_alone_counts_other_business(tmp_path: Path, noun: str, verb: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}全年{verb}{noun}3000件。") == [(40, "requests.new.total")]


@pytest.mark.parametrize("disclosed", ["公开3件", "其中公开3件", "其中，公开3件", "其中3件已公开", "已公开3件"])
def test_disclosed_alone_in_a_list_of_dispositions(tmp_path: Path, disclosed: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}{disclosed}，不予公开2件。") == [
        (40, "requests.new.total"), (3, "requests.result.disclosed.total"), (2, "requests.result.withheld.subtotal.total")]


@pytest.mark.parametrize("other", ["主动公开3件", "及时公开3件", "依申请公开3件", "未公开3件", "不属于本机关公开的3件", "信息公开3件"])
def test_disclosed_after_other_words_is_another_act(tmp_path: Path, other: str) -> None:
    assert (3, "requests.result.disclosed.total") not in linked(tmp_path, f"{RECEIVED}{other}，不予公开2件。")


def test_an_answer_verb_after_the_requests_word_is_no_disclosed_answer(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年政府信息依申请公开答复40件。") == [(40, "requests.result.total.total")]


@pytest.mark.parametrize("subjects, metrics", [
    ("行政复议、行政诉讼", ["review.total", "litigation.total"]), ("政府信息公开行政复议和行政诉讼", ["review.total", "litigation.total"]),
    ("因政府信息公开引起的行政诉讼", ["litigation.total"])])
@pytest.mark.parametrize("frame", ["本年度{s}零发生。", "全年实现{s}零发生。"])
def test_zero_happening_after_its_subjects_is_their_zero(tmp_path: Path, subjects: str, metrics: list, frame: str) -> None:
    assert linked(tmp_path, frame.format(s=subjects)) == [(0, m) for m in metrics]


@pytest.mark.parametrize("sentence", ["本年度零申请。", "本年度实现依申请公开零申请。"])
def test_zero_requests_in_one_word(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == [(0, "requests.new.total")]


@pytest.mark.parametrize("negation", ["无", "没有", "暂无"])
@pytest.mark.parametrize("category, metric", [("不予公开", "requests.result.withheld.subtotal.total"),
                                              ("“不予公开”", "requests.result.withheld.subtotal.total"),
                                              ("不予处理", "requests.result.not_processed.subtotal.total")])
@pytest.mark.parametrize("noun", ["的情况", "的政府信息", "的申请", "情形"])
def test_a_disposition_negated_directly_is_its_zero(tmp_path: Path, negation: str, category: str, metric: str,
                                                    noun: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}{negation}{category}{noun}。") == [(40, "requests.new.total"), (0, metric)]


@pytest.mark.parametrize("topic, metric", [("政府信息公开申请", "requests.new.total"), ("依申请公开", "requests.new.total"),
                                           ("行政复议", "review.total")])
@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_topic_and_a_colon_before_its_count(tmp_path: Path, topic: str, metric: str, colon: str) -> None:
    assert linked(tmp_path, f"本年度{topic}{colon}0件。") == [(0, metric)]


@pytest.mark.parametrize("partial", ["部分同意公开", "同意部分公开", "予以部分公开"])
def test_partly_agreed_disclosure_is_partial_not_disclosed(tmp_path: Path, partial: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}同意公开10件，{partial}3件。") == [
        (40, "requests.new.total"), (10, "requests.result.disclosed.total"), (3, "requests.result.partially_disclosed.total")]


@pytest.mark.parametrize("total", ["共计", "合计", "总计", "，共"])
@pytest.mark.parametrize("carried", ["上年结转2件", "上年度结转申请2件", "加上上年结转2件"])
def test_a_total_after_new_and_carried_is_their_sum(tmp_path: Path, total: str, carried: str) -> None:
    sentence = f"全年新收政府信息公开申请21件，{carried}，{total.lstrip('，')}23件。"
    assert linked(tmp_path, sentence) == [
        (21, "requests.new.total"), (2, "requests.carried_over.total"), (23, "requests.handled_pool.total")]


@pytest.mark.parametrize("parts", ["网上申请21件，书面申请2件", "收到政府信息公开申请21件", "自然人申请21件，法人申请2件"])
def test_a_total_after_other_parts_is_unread(tmp_path: Path, parts: str) -> None:
    assert (23, "requests.handled_pool.total") not in linked(tmp_path, f"全年{parts}，合计23件。")


@pytest.mark.parametrize("qualifier", ["政府信息公开", "信息公开类", "针对本机关信息公开的"])
def test_a_review_application_of_disclosure_counts_reviews(tmp_path: Path, qualifier: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}收到{qualifier}行政复议申请3件。") == [(40, "requests.new.total"), (3, "review.total")]
    assert linked(tmp_path, f"{RECEIVED}收到行政复议申请3件。") == [(40, "requests.new.total")]


@pytest.mark.parametrize("dismissed", ["驳回诉讼请求", "驳回原告诉讼请求", "驳回起诉"])
def test_a_dismissed_claim_is_the_suits_other_result(tmp_path: Path, dismissed: str) -> None:
    assert linked(tmp_path, f"全年行政诉讼2件，法院判决{dismissed}2件。") == [(2, "litigation.total"), (2, "litigation.other")]


@pytest.mark.parametrize("pending", ["尚有2件在办理中", "2件办理中", "仍在办理2件", "2件在处理中", "2件正在办理"])
def test_requests_still_being_handled_are_carried_forward(tmp_path: Path, pending: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}办结38件，{pending}。") == [
        (40, "requests.new.total"), (38, "requests.result.total.total"), (2, "requests.carried_forward.total")]


@pytest.mark.parametrize("carry", ["转接下年度办理2件", "转接下一年度继续办理2件", "2件转接至下年度办理"])
def test_requests_passed_on_to_the_next_year_are_carried_forward(tmp_path: Path, carry: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}办结38件，{carry}。") == [
        (40, "requests.new.total"), (38, "requests.result.total.total"), (2, "requests.carried_forward.total")]


@pytest.mark.parametrize("carry", ["转2024年办理2件", "转至2024年度继续办理2件", "转入2024年办理2件"])
def test_requests_passed_on_to_the_next_year_named_by_its_number_are_carried_forward(tmp_path: Path, carry: str) -> None:
    assert linked(tmp_path, f"{RECEIVED}办结38件，{carry}。") == [
        (40, "requests.new.total"), (38, "requests.result.total.total"), (2, "requests.carried_forward.total")]
    # a year after another verb than a carry's is still another year
    assert linked(tmp_path, "2024年转发上级文件30件，收到政府信息公开申请5件。") == []


@pytest.mark.parametrize("taken_out", ["除去上年结转的8件政府信息公开申请", "扣除上年度结转的8件申请"])
def test_counts_net_of_the_requests_carried_in_are_the_new_ones(tmp_path: Path, taken_out: str) -> None:
    assert linked(tmp_path, f"{taken_out}，全年共收到依申请公开783件，办结788件，结转下年继续办理3件。") == [
        (8, "requests.carried_over.total"), (783, "requests.new.total"), (788, "requests.result.total.total"),
        (3, "requests.carried_forward.total")]
    # taking out anything else is arithmetic on the year's counts: nothing after it links
    assert linked(tmp_path, "除去重复申请，全年共收到依申请公开783件。") == []


@pytest.mark.parametrize("unit", ["条", "篇"])
@pytest.mark.parametrize("verb", ["制发", "印发", "出台"])
def test_documents_counted_as_items_or_pieces(tmp_path: Path, unit: str, verb: str) -> None:
    assert linked(tmp_path, f"全年{verb}行政规范性文件7{unit}。") == [(7, "active.normative_docs.issued")]
    assert linked(tmp_path, f"全年{verb}行政规范性文件解读7{unit}。") == []


@pytest.mark.parametrize("sentence, expected", [
    ("本年度未被行政复议或诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度未被起诉。", [(0, "litigation.total")]),
    ("本年度答复未被复议机关撤销。", [(0, "review.corrected")]),
    ("本年度答复未被复议机关纠错。", [(0, "review.corrected")])])
def test_a_negated_passive_before_a_review_or_suit_is_its_zero(tmp_path: Path, sentence: str, expected: list) -> None:
    assert linked(tmp_path, sentence) == expected


@pytest.mark.parametrize("joiner", ["和", "、", "及"])
def test_a_topic_word_past_a_list_joiner_after_a_figure_names_the_next_item(tmp_path: Path, joiner: str) -> None:
    assert linked(tmp_path, f"全年发生行政复议案件3件{joiner}行政诉讼案件2件。") == [(3, "review.total"), (2, "litigation.total")]
    assert linked(tmp_path, f"全年发生行政诉讼案件2件{joiner}行政复议案件3件。") == [(2, "litigation.total"), (3, "review.total")]


@pytest.mark.parametrize("opening", ["其中，", "其中"])
def test_a_breakdown_opening_a_paragraph_goes_on_with_the_sentence_before(tmp_path: Path, opening: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请25件。\n{opening}予以公开10件，不予公开3件。") == [
        (25, "requests.new.total"), (10, "requests.result.disclosed.total"),
        (3, "requests.result.withheld.subtotal.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请25件。\n另外，公开3件。") == [(25, "requests.new.total")]


@pytest.mark.parametrize("topic, total", [("行政复议", "review"), ("行政诉讼", "litigation")])
@pytest.mark.parametrize("result, metric", [("结果纠正", "corrected"), ("被纠正", "corrected"), ("获维持", "maintained"),
                                            ("被维持", "maintained"), ("为其他结果", "other")])
def test_a_result_after_the_figure_s_noun_beats_the_noun(tmp_path: Path, topic: str, total: str, result: str,
                                                         metric: str) -> None:
    assert linked(tmp_path, f"全年发生{topic}12件。其中3件{topic}{result}。") == [
        (12, f"{total}.total"), (3, f"{total}.{metric}")]
    assert linked(tmp_path, f"全年发生3件{topic}。") == [(3, f"{total}.total")]


@pytest.mark.parametrize("unit", ["宗", "件", "起"])
@pytest.mark.parametrize("topic, metric", [("行政许可", "active.licensing.decisions"), ("行政处罚", "active.penalty.decisions"),
                                           ("行政强制", "active.coercion.decisions")])
def test_decisions_made_with_their_noun_after_the_figure(tmp_path: Path, unit: str, topic: str, metric: str) -> None:
    assert linked(tmp_path, f"本年度共作出58{unit}{topic}。") == [(58, metric)]
    assert linked(tmp_path, f"本年度共作出58{unit}{topic}。", year=2020) == [(58, metric)]
    assert linked(tmp_path, f"本年度共作出58项{topic}。", year=2020) == []  # items, in the 2019 format


@pytest.mark.parametrize("compared", ["比2022年下降29%", "较2022年增加3件", "与2022年相比有所下降", "同2022年相比持平"])
def test_a_year_compared_with_is_not_the_year_of_the_figures_after_it(tmp_path: Path, compared: str) -> None:
    assert linked(tmp_path, f"全年共收到政府信息公开申请22件，{compared}，已答复22件。") == [
        (22, "requests.new.total"), (22, "requests.result.total.total")]
    assert linked(tmp_path, "2022年共收到政府信息公开申请30件。") == []
    assert linked(tmp_path, "于2022年受理政府信息公开申请30件。") == []  # 于 dates a figure


@pytest.mark.parametrize("word", ["继续有效", "仍然有效", "现行有效"])
@pytest.mark.parametrize("topic, metric", [("行政规范性文件", "active.normative_docs.in_force"),
                                           ("规章", "active.rules.in_force")])
def test_documents_still_in_force(tmp_path: Path, word: str, topic: str, metric: str) -> None:
    assert linked(tmp_path, f"经全面梳理，确定{word}的{topic}33件。") == [(33, metric)]


@pytest.mark.parametrize("word", ["政府信息公开申请量", "依申请公开量为", "政府信息公开申请数量为"])
def test_the_requests_volume_named_by_itself(tmp_path: Path, word: str) -> None:
    assert linked(tmp_path, f"本年度{word}25件。") == [(25, "requests.new.total")]


@pytest.mark.parametrize("destination", ["至下年", "至下一年度", "到下一年", "至次年"])
def test_a_carry_whose_destination_follows_the_figure(tmp_path: Path, destination: str) -> None:
    assert linked(tmp_path, f"本年度受理申请25件，答复22件，结转3件{destination}。") == [
        (25, "requests.new.total"), (22, "requests.result.total.total"), (3, "requests.carried_forward.total")]


@pytest.mark.parametrize("words, leaf", [("申请人逾期未补正", "no_correction"), ("申请人无正当理由逾期不补正", "no_correction"),
                                         ("申请人逾期未缴纳费用", "fee_unpaid"), ("逾期未按收费通知缴费", "fee_unpaid")])
def test_the_2021_format_s_other_dispositions_by_their_leaves(tmp_path: Path, words: str, leaf: str) -> None:
    assert linked(tmp_path, f"全年收到申请25件。其中，{words}2件。") == [
        (25, "requests.new.total"), (2, f"requests.result.other.{leaf}.total")]
    assert linked(tmp_path, f"全年收到申请25件。其中，{words}2件。", year=2020) == [(25, "requests.new.total")]
    assert linked(tmp_path, "全年收到申请25件。其中，逾期答复2件。") == [(25, "requests.new.total")]


@pytest.mark.parametrize("counts", ["发布数量0条、废止数量0条及现行有效数量0条", "发布3件、废止1件、现行有效12件"])
def test_documents_issued_as_the_subject_s_own_verb(tmp_path: Path, counts: str) -> None:
    values = [float(v) for v in re.findall(r"(\d+)[条件]", counts)]
    assert linked(tmp_path, f"本年度行政规范性文件{counts}。") == list(zip(values, [
        "active.normative_docs.issued", "active.normative_docs.repealed", "active.normative_docs.in_force"]))
    # posted on a site, a document may be an old one
    assert linked(tmp_path, "全年在网站发布规范性文件12件。") == []
