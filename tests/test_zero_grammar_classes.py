"""Worded zeros composed from the grammar's classes (negation × subject × event), in wordings written for these
tests: each class must compose with the others, not only in the phrasings the tuned corpus shows."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import mentions


@pytest.mark.parametrize("sentence, expected", [
    # negation × receive verb × requests
    ("2023年度我局尚未收到政府信息公开申请。", [(0, "requests.new.total")]),
    ("本年度未受理政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年暂未收到公民、法人和其他组织提出的政府信息公开申请。", [(0, "requests.new.total")]),
    # two applicant classes named, however short their words, are every applicant: the total, not one class
    ("本年度未收到个人或者法人提出的政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年没有收到群众和组织提交的政府信息公开申请。", [(0, "requests.new.total")]),
    ("本年度未接到公民、其他组织的政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年收到个人提出的政府信息公开申请3件。", [(3, "requests.new.natural_person")]),
    # a year word between the negation and the carry verb: carried in, or forward
    ("本年度无上年结转的政府信息公开申请。", [(0, "requests.carried_over.total")]),
    ("本年度无上一年度结转的申请。", [(0, "requests.carried_over.total")]),
    ("本年度没有结转到下一年度的申请。", [(0, "requests.carried_forward.total")]),
    # review and litigation, caused, joined, direct or after a preposition
    ("本年度未因政府信息公开被申请行政复议或被提起行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度暂无行政复议和行政诉讼案件。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度未出现因政府信息公开申请引发的行政复议。", [(0, "review.total")]),
    # every receive verb of the events is a zero verb too
    ("本年度未接受政府信息公开申请。", [(0, "requests.new.total")]),
    ("本年度尚未收悉政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年未登记政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年共登记政府信息公开申请11件。", [(11, "requests.new.total")]),
    ("本年度未有政府信息公开申请。", [(0, "requests.new.total")]),  # 未有 negates directly, as 没有
    # the negation after its subjects, the verb ending the clause
    ("全年行政复议、行政诉讼均未发生。", [(0, "review.total"), (0, "litigation.total")]),
    ("全年行政复议案件未曾发生，行政诉讼未发生。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度政府信息公开申请尚未收到。", [(0, "requests.new.total")]),
    # words after the verb narrow it: the category's zero, not the topic's
    ("行政复议均未发生被纠错情况。", [(0, "review.corrected")]),
    # 新发布, a cue of the year's documents for a printed count, is a zero verb of them too (发布 alone is not: it may
    # post documents made in earlier years)
    ("全年未新发布规章和行政规范性文件。", [(0, "active.rules.issued"), (0, "active.normative_docs.issued")]),
    ("本年度本机关未新发布行政规范性文件。", [(0, "active.normative_docs.issued")]),
])
def test_worded_zeros_compose(tmp_path: Path, sentence: str, expected: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "申请均未发生逾期答复情况。",  # the verb does not end the clause: about some requests, not their count
    "本年度政府信息公开申请均未发生。",  # 发生 states no zero of requests
    "本年度未有效开展政府信息公开申请答复培训。",  # 未有效: no subject right after the negation
    "本年度未发布行政规范性文件。",  # 发布 alone: documents posted, perhaps made in earlier years
])
def test_a_negated_verb_that_states_no_count_links_nothing(tmp_path: Path, sentence: str) -> None:
    assert all(metric is None for _, metric in mentions(tmp_path, sentence))


@pytest.mark.parametrize("ground, metric", [
    ("属于危及国家安全的", "requests.result.withheld.three_securities_one_stability.total"),
    ("涉及个人隐私", "requests.result.withheld.third_party_rights.total"),
    ("属于人事管理信息", "requests.result.withheld.internal_affairs.total"),
    ("属于讨论记录", "requests.result.withheld.process_info.total"),
    ("涉及商业秘密、个人隐私等", "requests.result.withheld.subtotal.total"),  # examples of a wider set: the subtotal
])
def test_a_ground_in_the_regulation_s_words_names_its_leaf(tmp_path: Path, ground: str, metric: str) -> None:
    sentence = f"本年度收到申请20件，其中{ground}不予公开1件。"
    assert mentions(tmp_path, sentence) == [(20, "requests.new.total"), (1, metric)]


# Class words the compositions below draw from; every product of them must read the same way.
SCOPES = ("", "本年度", "2023年，我局", "报告期内本机关")
RECEIVE_NEGATIONS = ("未曾收到", "从未收到", "并未受理", "没有接到", "暂未收悉")
REQUEST_OBJECTS = ("依申请公开事项", "要求公开政府信息的申请", "任何形式的政务公开申请")
DIRECT_NEGATIONS = ("无", "暂无", "没有", "不存在")
MODIFIERS = ("针对本机关的", "有关政府信息公开事务的", "本机关因政府信息公开引发的")
REVIEW_LITIGATION = (("行政复议", ["review.total"]), ("行政诉讼案件", ["litigation.total"]),
                     ("复议、诉讼", ["review.total", "litigation.total"]))


def _metrics(tmp_path: Path, sentence: str) -> list[str | None]:
    return sorted(metric for _, metric in mentions(tmp_path, sentence) if metric is not None)


@pytest.mark.parametrize("scope, negation, subject", [
    (s, n, o) for s in SCOPES[:2] for n in RECEIVE_NEGATIONS for o in REQUEST_OBJECTS])
def test_every_negated_receive_verb_states_no_requests(tmp_path: Path, scope: str, negation: str, subject: str) -> None:
    assert _metrics(tmp_path, f"{scope}{negation}{subject}。") == ["requests.new.total"]


@pytest.mark.parametrize("scope, negation, modifier, subject", [
    (s, n, m, o) for s in SCOPES[::3] for n in DIRECT_NEGATIONS for m in MODIFIERS for o in REVIEW_LITIGATION])
def test_a_direct_negation_reaches_its_subject_through_a_modifier_in_de(tmp_path: Path, scope: str, negation: str,
                                                                      modifier: str, subject: tuple[str, list[str]]) -> None:
    words, metrics = subject
    assert _metrics(tmp_path, f"{scope}{negation}{modifier}{words}。") == sorted(metrics)


@pytest.mark.parametrize("sentence", ["本年度无遗漏地答复申请人。", "全年没有超期答复的申请。", "不存在应公开未公开的申请。"])
def test_a_modifier_that_makes_the_subject_a_subset_links_nothing(tmp_path: Path, sentence: str) -> None:
    assert _metrics(tmp_path, sentence) == []


@pytest.mark.parametrize("verb", ["收到", "接到", "受理"])
@pytest.mark.parametrize("modifier", ["要求更正政府信息的", "需要征求第三方意见的", "超期办理的", "需要补正的"])
def test_a_modifier_after_a_negated_verb_that_picks_out_some_requests_links_nothing(tmp_path: Path, verb: str,
                                                                                      modifier: str) -> None:
    assert _metrics(tmp_path, f"本年度未{verb}{modifier}政府信息公开申请。") == []
    # a modifier that says who asked, or how, is every request
    for every in ["公民、法人或其他组织提出的", "任何形式的", "要求公开政府信息的"]:
        assert _metrics(tmp_path, f"本年度未{verb}{every}政府信息公开申请。") == ["requests.new.total"]


@pytest.mark.parametrize("verb", ["发生", "产生", "出现"])
@pytest.mark.parametrize("scope", SCOPES[:3])
def test_an_occurrence_verb_states_no_requests_only_right_before_them(tmp_path: Path, verb: str, scope: str) -> None:
    assert _metrics(tmp_path, f"{scope}未{verb}依申请公开情况。") == ["requests.new.total"]
    assert _metrics(tmp_path, f"{scope}未{verb}有重大影响的政府信息公开申请。") == []


@pytest.mark.parametrize("verb", ["发生", "出现"])
@pytest.mark.parametrize("link", ["工作被申请", "", "引起的"])
def test_requests_named_right_before_a_review_are_its_cause(tmp_path: Path, verb: str, link: str) -> None:
    sentence = f"全年未{verb}政府信息公开申请{link}行政复议和行政诉讼的情况。"
    assert _metrics(tmp_path, sentence) == ["litigation.total", "review.total"]


@pytest.mark.parametrize("subject, metrics", [
    ("依申请公开情况", ["requests.new.total"]), ("政府信息公开行政复议、行政诉讼", ["litigation.total", "review.total"]),
    ("行政处罚和行政强制", ["active.coercion.decisions", "active.penalty.decisions"])])
@pytest.mark.parametrize("ending", ["：无", "均无", "暂无"])
def test_a_direct_negation_ending_the_clause_states_each_subject_s_zero(tmp_path: Path, subject: str,
                                                                        metrics: list[str], ending: str) -> None:
    assert _metrics(tmp_path, f"本年度{subject}{ending}。") == metrics


def test_a_negation_ending_the_clause_needs_a_subject_that_takes_it(tmp_path: Path) -> None:
    assert _metrics(tmp_path, "本年度规章：无。") == []  # 无规章 may say the body makes none at all


@pytest.mark.parametrize("negation", ["没有", "无", "未有"])
@pytest.mark.parametrize("agent", ["公民、法人或其他组织", "群众", "社会公众"])
@pytest.mark.parametrize("towards", ["", "向本机关"])
@pytest.mark.parametrize("act, metric", [("申请公开政府信息", "requests.new.total"), ("提出信息公开申请", "requests.new.total"),
                                         ("申请行政复议", "review.total"), ("提起行政诉讼", "litigation.total")])
def test_a_negated_agent_s_act_states_the_zero_of_what_it_names(tmp_path: Path, negation: str, agent: str, towards: str,
                                                                act: str, metric: str) -> None:
    assert _metrics(tmp_path, f"本年度{negation}{agent}{towards}{act}。") == [metric]


@pytest.mark.parametrize("verb, subject, metric", [
    ("作出", "行政处罚决定", "active.penalty.decisions"), ("作出", "行政许可决定", "active.licensing.decisions"),
    ("废止", "行政规范性文件", "active.normative_docs.repealed"), ("废止", "规章", "active.rules.repealed")])
@pytest.mark.parametrize("negation", ["未", "没有", "未曾"])
def test_every_event_verb_of_the_active_topics_states_their_zero(tmp_path: Path, verb: str, subject: str, metric: str,
                                                                 negation: str) -> None:
    assert _metrics(tmp_path, f"本年度{negation}{verb}{subject}。") == [metric]


@pytest.mark.parametrize("before, metric", [("上年度", "requests.carried_over.total"), ("上一年度", "requests.carried_over.total"),
                                            ("", None)])
@pytest.mark.parametrize("negation", ["无", "没有"])
def test_a_carry_reads_its_direction_from_the_clause_around_the_negation(tmp_path: Path, before: str, metric: str | None,
                                                                         negation: str) -> None:
    assert mentions(tmp_path, f"{before}{negation}结转申请。") == [(0, metric)]


@pytest.mark.parametrize("others", ["本局下属单位", "除区住建局外，其他部门均", "所属单位"])
def test_a_zero_of_other_bodies_says_nothing_of_the_body_s_own(tmp_path: Path, others: str) -> None:
    assert _metrics(tmp_path, f"本年度{others}未收到政府信息公开申请。") == []
    assert _metrics(tmp_path, "本年度全区各部门均未收到政府信息公开申请。") == ["requests.new.total"]


@pytest.mark.parametrize("channel", ["纸质", "当面提交的", "通过信函方式提交的"])
def test_a_zero_of_one_channel_says_nothing_of_the_others(tmp_path: Path, channel: str) -> None:
    assert _metrics(tmp_path, f"全年未收到{channel}政府信息公开申请。") == []


@pytest.mark.parametrize("adverb", ["也", "亦", "同样"])
def test_an_adverb_between_the_year_before_and_a_negated_carry_keeps_its_direction(tmp_path: Path, adverb: str) -> None:
    assert mentions(tmp_path, f"本年度未收到政府信息公开申请，上年度{adverb}无结转。") == [
        (0, "requests.new.total"), (0, "requests.carried_over.total")]


@pytest.mark.parametrize("negation", ["无", "没有"])
@pytest.mark.parametrize("carry, metric", [("结转", None), ("上年结转", "requests.carried_over.total"),
                                           ("结转下年度继续办理", "requests.carried_forward.total"),
                                           ("转结至2024年", "requests.carried_forward.total")])
@pytest.mark.parametrize("quoted", [False, True])
def test_a_negated_carry_needs_no_subject_word(tmp_path: Path, negation: str, carry: str, metric: str | None,
                                               quoted: bool) -> None:
    words = f"“{carry}”" if quoted else carry
    assert mentions(tmp_path, f"本年度{negation}{words}件。") == [(0, metric)]


@pytest.mark.parametrize("year", ["2023年", "2023年度"])
def test_a_year_inside_a_negated_clause_is_no_count_of_it(tmp_path: Path, year: str) -> None:
    assert mentions(tmp_path, f"本机关未收到{year}政府信息公开申请。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("topic", ["行政诉讼", "行政复议", "政府信息公开申请"])
@pytest.mark.parametrize("joint", ["相关的", "的", "方面的"])
def test_a_subject_before_de_and_another_subject_qualifies_it(tmp_path: Path, topic: str, joint: str) -> None:
    assert mentions(tmp_path, f"本年度未产生{topic}{joint}费用。") == [(0, None)]


@pytest.mark.parametrize("topic, metric", [("行政诉讼", "litigation"), ("行政复议", "review")])
@pytest.mark.parametrize("result", ["败诉", "被纠错"])
def test_a_lost_case_is_a_corrected_one(tmp_path: Path, topic: str, metric: str, result: str) -> None:
    assert mentions(tmp_path, f"发生{topic}3件，其中{result}1件。") == [(3, f"{metric}.total"), (1, f"{metric}.corrected")]
    assert mentions(tmp_path, f"未发生{topic}{result}的情况。") == [(0, f"{metric}.corrected")]  # the result's zero
    assert mentions(tmp_path, f"未发生{topic}维持和{result}的情况。") == [(0, None)]  # two results: neither alone


@pytest.mark.parametrize("joiner", ["或", "、", "和"])
def test_negated_verbs_joined_govern_every_subject_of_the_list(tmp_path: Path, joiner: str) -> None:
    assert sorted(_metrics(tmp_path, f"本年度未制发{joiner}废止规章、行政规范性文件。")) == [
        "active.normative_docs.issued", "active.normative_docs.repealed", "active.rules.issued", "active.rules.repealed"]


@pytest.mark.parametrize("sentence, expected", [
    # 收 alone, the shorter receive verb; 收受 beside it
    ("本年度本机关未收政府信息公开申请。", [(0, "requests.new.total")]),
    ("全年未收受依申请公开的申请。", [(0, "requests.new.total")]),
    # 共 between the negation and its verb
    ("全年未共收到政府信息公开申请。", [(0, "requests.new.total")]),
    # 受理 states a zero of reviews as 收到 does; this one is of the body as review organ: a figure, linked to nothing
    ("全年未共受理行政复议和行政诉讼。", [(0, None)]),
    # 收 of fees is the fees' verb, not the requests'
    ("本年度未收信息处理费。", [(0, None)]),
    ("本年度未收行政事业性收费。", [(0, "active.admin_fees.amount_wan_yuan")]),
])
def test_the_short_receive_verb_and_a_filler_between_negation_and_verb(tmp_path: Path, sentence: str,
                                                                        expected: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the applicant's verb states zeros of reviews and suits
    ("全年收到申请5件，申请人均未提起行政诉讼。", [(5, "requests.new.total"), (0, "litigation.total")]),
    ("本年度申请人未提起行政复议和行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    # 未涉及 negates directly, as 不涉及
    ("本年度未涉及政府信息公开行政复议和行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("本年度公开的信息未涉及国家秘密。", []),
])
def test_the_applicant_s_verb_and_weijiyi_state_zeros(tmp_path: Path, sentence: str,
                                                      expected: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a label before a colon names what the negation after it says none of
    ("依申请公开情况：本年度无。", [(0, "requests.new.total")]),
    ("政府信息公开行政复议、行政诉讼情况：全年均未发生。", [(0, "review.total"), (0, "litigation.total")]),
    ("主动公开栏目调整情况：本年度无。", []),  # a label naming no subject
    ("依申请公开情况：本年度收到申请3件，均已答复。", [(3, "requests.new.total")]),
    # 需要 between a negation and its verb
    ("本年度没有需要结转至下年度继续办理的申请。", [(0, "requests.carried_forward.total")]),
])
def test_a_label_s_colon_and_a_need_word_in_worded_zeros(tmp_path: Path, sentence: str,
                                                         expected: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a comma typed for 、 between the subjects of one negation
    ("全年未发生行政复议，行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("全年无因政府信息公开引起的行政复议，被提起行政诉讼的情况。", [(0, "review.total"), (0, "litigation.total")]),
    # ... not when the clause after the comma has a count or a predicate of its own
    ("全年未发生行政复议，行政诉讼1件。", [(0, "review.total"), (1, "litigation.total")]),
    ("全年未发生行政复议，行政诉讼案件尚在审理。", [(0, "review.total")]),
])
def test_a_comma_typed_for_a_list_joiner_between_negated_subjects(tmp_path: Path, sentence: str,
                                                                  expected: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == expected


def test_a_heading_names_what_the_negation_on_the_line_after_it_says_none_of(tmp_path: Path) -> None:
    assert mentions(tmp_path, "（二）依申请公开情况\n本年度无。") == [(0, "requests.new.total")]
    assert mentions(tmp_path, "（四）因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度无。") == [
        (0, "review.total"), (0, "litigation.total")]  # the requests are the cause, not a subject
    assert mentions(tmp_path, "（三）平台建设情况\n无。") == []
    # a line ending a sentence is no heading
    assert mentions(tmp_path, "本年度收到政府信息公开申请3件。\n其他无。") == [(3, "requests.new.total")]


@pytest.mark.parametrize("sentence, expected", [
    ("本年度依申请公开、行政复议和行政诉讼均未发生。", [(0, "requests.new.total"), (0, "review.total"), (0, "litigation.total")]),
    ("本年度依申请公开情况未发生。", [(0, "requests.new.total")]),
    ("本年度依申请公开超期答复情况未发生。", []),  # a kind of requests, not all of them
])
def test_a_verb_stating_a_zero_next_to_its_subject_does_so_after_it(
        tmp_path: Path, sentence: str, expected: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == expected


@pytest.mark.parametrize("verb", ["公布", "公示", "公开"])
def test_a_publication_verb_opening_the_clause_makes_a_zero_one_of_items_published(tmp_path: Path, verb: str) -> None:
    assert mentions(tmp_path, f"本年度{verb}行政许可事项28个、无行政强制事项。") == [(28, None), (0, None)]
    assert mentions(tmp_path, "本年度主动公开信息300条，无行政强制。") == [(300, None), (0, "active.coercion.decisions")]
