"""Links and worded zeros the twenty-second recall round found missing on the tuned pages, each checked on wordings
written for these tests, with near-misses that must stay unlinked."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked, mentions


# A negated clause's list typed with a comma for 、 may go on with subjects joined by a coordinator (未受理政府信息公开
# 申请，行政复议和行政诉讼): each is one more subject of the negation, as a lone subject there already was.
@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度我局未受理政府信息公开申请，行政复议和行政诉讼。",
     [(0, "requests.new.total"), (0, "review.total"), (0, "litigation.total")]),
    ("2023年，本街道未收到信息公开申请,行政复议及行政诉讼的情况。",
     [(0, "requests.new.total"), (0, "review.total"), (0, "litigation.total")]),
    ("全年未发生政府信息公开申请，复议、诉讼案件。",
     [(0, "requests.new.total"), (0, "review.total"), (0, "litigation.total")]),
])
def test_subjects_joined_after_a_comma_typed_for_a_list_mark_are_negated_too(tmp_path: Path, sentence: str,
                                                                            links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "本年度未收到政府信息公开申请，行政复议和行政诉讼工作平稳有序。",  # the clause says something else of them
    "本年度未收到政府信息公开申请，行政复议和行政诉讼各1件。",  # their own count
    "本年度未收到政府信息公开申请，行政复议和行政诉讼依法应诉。",
])
def test_subjects_after_the_comma_that_a_clause_of_their_own_speaks_of_are_no_zeros(tmp_path: Path,
                                                                                    sentence: str) -> None:
    assert [(v, m) for v, m in linked(tmp_path, sentence) if m in ("review.total", "litigation.total")
            and v == 0] == []


# 起诉 names the suit as 诉讼 does, in a count of its own (起诉案件1件) as in a zero; its leaves still win.
@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度，政府信息公开行政复议案件2件，起诉案件1件，正在审理中。", [(2, "review.total"), (1, "litigation.total")]),
    ("申请人不服答复起诉至法院1件。", [(1, "litigation.total")]),
    ("本年度被起诉2件，其中复议后起诉1件。", [(2, "litigation.total"), (1, "litigation.after_review.total")]),
])
def test_a_suit_named_by_its_verb_of_filing_is_counted(tmp_path: Path, sentence: str,
                                                       links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度起诉案件1件，结转起诉案件2件，结果维持。", [(1, "litigation.total")]),  # 2 carried in from an earlier year
    ("本年度收到行政起诉状3份。", []),  # the papers a suit opens with
    ("民事起诉2件。", []),  # a suit of other law
    ("结转行政复议案件1件，已审结。", []),
])
def test_suits_carried_in_filed_on_paper_or_of_other_law_are_not_the_years_suits(tmp_path: Path, sentence: str,
                                                                                 links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


# A breakdown (其中…) whose parts already sum to its whole has ended: a count answered in time after those parts is
# the year's answered count, not a part of the whole answered in time.
@pytest.mark.parametrize(("sentence", "links"), [
    ("全年共受理政府信息公开申请34件，其中信函申请26件，网络申请8件，已按时办结33件。",
     [(34, "requests.new.total"), (33, "requests.result.total.total")]),
    ("全年共受理申请20件，其中自然人申请15件，法人或其他组织申请5件，均已按期答复19件。",
     [(20, "requests.new.total"), (15, "requests.new.natural_person"), (5, "requests.new.org_sum"),
      (19, "requests.result.total.total")]),
])
def test_a_timely_count_after_a_breakdown_already_summed_is_the_years(tmp_path: Path, sentence: str,
                                                                      links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "受理申请40件，其中按期办结36件。",  # the breakdown itself: some may be late
    "受理申请40件，其中网络申请30件，信函申请9件，按时办结36件。",  # its parts fall short: it may go on
    "受理申请40件，其中网络申请30件，按时办结36件。",  # one part only
])
def test_a_timely_count_inside_an_open_breakdown_stays_a_part(tmp_path: Path, sentence: str) -> None:
    assert 36 not in [v for v, _ in linked(tmp_path, sentence)]


# A cause opened right after the figure and closed by 的 (3起因政府信息公开申请提起的行政复议) qualifies the noun after
# it: that noun is what the figure counts, not the requests the cause names; a cause naming another matter makes the
# cases that matter's, as a cause before the figure does.
@pytest.mark.parametrize(("sentence", "links"), [
    ("全年有3起因政府信息公开申请提起的行政复议。", [(3, "review.total")]),
    ("本年度发生2件因政府信息公开申请引起的行政诉讼，均在审理中。", [(2, "litigation.total")]),
])
def test_the_noun_after_a_cause_right_after_the_figure_is_what_it_counts(tmp_path: Path, sentence: str,
                                                                        links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "本年度有3起因征收补偿引起的行政复议。",  # over another matter
    "收到3件因征收补偿申请提起的行政复议。",
    "全年有3件因政府信息公开申请引发的投诉。",  # complaints, no topic
])
def test_a_cause_after_the_figure_over_another_matter_or_before_another_noun_links_nothing(tmp_path: Path,
                                                                                          sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


# 现行有效 after a negation states the documents in force are none (无现行有效行政规范性文件), as 未制定 states none made.
@pytest.mark.parametrize(("sentence", "links"), [
    ("截至年底，本机关没有现行有效的规范性文件。", [(0, "active.normative_docs.in_force")]),
    ("本年度未制定规范性文件，无现行有效规章和规范性文件。",
     [(0, "active.normative_docs.issued"), (0, "active.rules.in_force"), (0, "active.normative_docs.in_force")]),
])
def test_none_in_force_is_a_zero_of_the_documents_in_force(tmp_path: Path, sentence: str,
                                                           links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "本年度无现行有效的涉及市场主体的规范性文件。",  # some of them only
    "本局无现行有效规范性文件需要清理。",  # none to clear up, nothing said of how many are in force
])
def test_none_in_force_of_some_documents_or_for_some_task_is_no_zero(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


# 行政败诉 names a suit by its outcome: a count or a worded zero of suits lost (corrected), as 行政诉讼败诉 was.
@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度未发生因依申请公开引发的行政败诉。", [(0, "litigation.corrected")]),
    ("没有因本机关自身原因引起的行政复议被纠错和行政败诉案件。", [(0, "review.corrected"), (0, "litigation.corrected")]),
    ("本年度行政诉讼3件，行政败诉1件。", [(3, "litigation.total"), (1, "litigation.corrected")]),
])
def test_a_suit_named_by_its_loss_is_a_corrected_suit(tmp_path: Path, sentence: str,
                                                      links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "本年度未发生因征收补偿引发的行政败诉。",  # over another matter
    "全年行政败诉率为0。",  # a rate
    "本局出庭应诉行政败诉1件。",  # suits of every kind answered in court
])
def test_a_loss_over_another_matter_as_a_rate_or_in_court_is_not_linked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


# A category of review or suit outcomes in a zero (未出现被纠错情况) belongs to each topic its sentence counted, a count
# printed before the topic's word (0件行政复议案件,1件行政诉讼案件) as well as after it.
def test_a_corrected_zero_after_counts_printed_before_their_topics_is_of_each(tmp_path: Path) -> None:
    assert linked(tmp_path, "本年度有0件行政复议案件,1件行政诉讼案件,未出现被纠错情况。") == [
        (0, "review.total"), (1, "litigation.total"), (0, "review.corrected"), (0, "litigation.corrected")]


def test_a_corrected_zero_after_one_counted_topic_is_of_that_topic_only(tmp_path: Path) -> None:
    assert linked(tmp_path, "本年度收到申请3件，有1件行政诉讼案件，未出现被纠错情况。") == [
        (3, "requests.new.total"), (1, "litigation.total"), (0, "litigation.corrected")]


# An outcome category right after a topic's word in a zero (未发生行政复议被纠错) is that topic's outcome, not a
# category the sentence's last-named topic takes.
@pytest.mark.parametrize(("sentence", "links"), [
    ("全年没有被申请行政复议和行政诉讼情况，未发生行政复议被纠错或行政诉讼败诉案件。",
     [(0, "review.total"), (0, "litigation.total"), (0, "review.corrected"), (0, "litigation.corrected")]),
    # no reviews nor suits are none for being corrected: only their corrected ones are
    ("本年度行政诉讼1件，未发生行政复议被纠错情况。", [(1, "litigation.total"), (0, "review.corrected")]),
])
def test_an_outcome_right_after_a_topic_in_a_zero_is_that_topics(tmp_path: Path, sentence: str,
                                                                 links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


# Numbers listed with 、 before a figure share its unit (分别发布信息268、53条): each is a figure of that unit; handed
# out by a respective word (分别为12、10件), none is linked.
@pytest.mark.parametrize(("sentence", "values"), [
    ("通过网站和微信分别发布信息268、53条。", [(268, None), (53, None)]),
    ("收到、办结申请分别为12、10件。", [(12, None), (10, None)]),
    ("各平台分别发布3、4、5篇。", [(3, None), (4, None), (5, None)]),
])
def test_numbers_listed_before_a_figure_share_its_unit(tmp_path: Path, sentence: str,
                                                       values: list[tuple[float, str | None]]) -> None:
    assert mentions(tmp_path, sentence) == values


@pytest.mark.parametrize("sentence", ["依据条例第20、21条办理。", "2021、2022年连续两年。", "3、4个月内办结。"])
def test_ordinals_years_and_durations_listed_are_no_figures(tmp_path: Path, sentence: str) -> None:
    assert [v for v, _ in mentions(tmp_path, sentence) if v in (20, 2021, 3)] == []


# A round magnitude in words with 余/多 after it or 近/上/逾 before it (百余条, 近千人次, 上千条) is an approximate figure.
@pytest.mark.parametrize(("sentence", "value"), [
    ("全年主动公开各类信息累计百余条。", 100),
    ("活动共接待群众咨询近千人次。", 1000),
    ("发布专栏信息上千条。", 1000),
    ("发放各类宣传物料近万份。", 10000),
])
def test_a_round_magnitude_in_words_is_an_approximate_figure(tmp_path: Path, sentence: str, value: int) -> None:
    assert [v for v, _ in mentions(tmp_path, sentence)] == [value]


@pytest.mark.parametrize("sentence", ["政务信息走进千家万户。", "营造百花齐放的良好氛围。", "已有百余年历史。", "通过上百度搜索查询。"])
def test_magnitudes_in_idioms_durations_or_names_are_no_figures(tmp_path: Path, sentence: str) -> None:
    assert mentions(tmp_path, sentence) == []


# Places, letters and sheets are counted in 处, 封 and 张 (宣传栏49处, 来信40封, 海报570余张).
@pytest.mark.parametrize(("sentence", "value"), [
    ("辖区内设立信息公开宣传栏49处。", 49),
    ("咨询投诉共收到来信40封。", 40),
    ("张贴宣传海报570余张。", 570),
])
def test_places_letters_and_sheets_are_counted(tmp_path: Path, sentence: str, value: int) -> None:
    assert [v for v, _ in mentions(tmp_path, sentence)] == [value]


@pytest.mark.parametrize("sentence", ["本局设有3处室。", "全年共处理3处罚案件。", "组织一门式一张网。", "一张蓝图绘到底。"])
def test_words_those_units_open_and_a_whole_made_one_are_no_counts(tmp_path: Path, sentence: str) -> None:
    assert mentions(tmp_path, sentence) == []
