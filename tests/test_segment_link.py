"""Sections, metadata and figure linking on generated narratives: the phenomena, not one file."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit

SECTIONS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def _report(tmp_path: Path, body: str, headings: dict[str, str] = SECTIONS, title: str = "淮北市相山区人民政府2023年政府信息公开工作年度报告") -> Path:
    text = "\n".join([title, "本报告所列数据的统计期限自2023年1月1日至2023年12月31日。", headings["一"], body,
                      headings["二"], "略。", headings["三"], "略。", headings["四"], "略。",
                      headings["五"], "一是队伍建设需加强；二是解读质量需提升。", headings["六"], "无。"])
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _links(path: Path) -> list[tuple[float, str | None]]:
    return [(m.value, m.metric) for m in audit(path).mentions]


def test_metadata_from_title(tmp_path: Path) -> None:
    report = audit(_report(tmp_path, "全年受理政府信息公开申请12件。"))
    assert (report.agency, report.report_year) == ("淮北市相山区人民政府", 2023)


def test_sections_with_lost_numbering_variant_heading_and_full_width_spaces(tmp_path: Path) -> None:
    headings = dict(SECTIONS, 一="总体情况", 二="主动公开政府信息情况", 四="四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                    五="五、　存在的主要问题及改进情况")
    report = audit(_report(tmp_path, "全年受理政府信息公开申请12件。", headings))
    assert report.summary["problems_and_measures"] == ["一是队伍建设需加强", "二是解读质量需提升"]
    assert [(m.section, m.value) for m in report.mentions] == [("一", 12)]


def test_an_unnumbered_section_name_under_a_numbered_heading_is_a_subheading(tmp_path: Path) -> None:
    body = "主动公开情况\n全年主动公开信息222条。\n依申请公开情况\n全年受理政府信息公开申请12件。"
    report = audit(_report(tmp_path, body))
    assert [(m.section, m.value, m.metric) for m in report.mentions] == [("一", 222, None), ("一", 12, "requests.new.total")]


def test_table_of_contents_does_not_swallow_the_body(tmp_path: Path) -> None:
    toc = "\n".join(SECTIONS.values())
    path = _report(tmp_path, "全年受理政府信息公开申请12件。")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("一、总体情况", "目录\n" + toc + "\n一、总体情况", 1), encoding="utf-8")
    report = audit(path)
    assert [(m.section, m.value, m.metric) for m in report.mentions] == [("一", 12, "requests.new.total")]


@pytest.mark.parametrize("sentence,expected", [
    ("全年共受理政府信息公开申请3,119件，答复3050件。", [(3119, "requests.new.total"), (3050, "requests.result.total.total")]),
    ("本年度新收政府信息公开申请１２件。", [(12, "requests.new.total")]),
    ("收到依申请公开十二件。", [(12, "requests.new.total")]),
    ("受理政府信息公开申请10件，另有3件顺延至下年度办理，上年结转申请2件。",
     [(10, "requests.new.total"), (3, "requests.carried_forward.total"), (2, "requests.carried_over.total")]),
    ("被申请行政复议5件，其中维持3件、纠错1件，其余1件尚在审理中。",
     [(5, "review.total"), (3, "review.maintained"), (1, "review.corrected"), (1, "review.pending")]),
    ("被提起行政诉讼4件，其中结果维持2件，其他结果2件。", [(4, "litigation.total"), (2, "litigation.maintained"), (2, "litigation.other")]),
    ("制发行政规范性文件8件，市政府及市政府办政策性文件11件。", [(8, "active.normative_docs.issued"), (11, None)]),
    ("刊登政府规章、规范性文件等112件。", [(112, None)]),
    # 主动公开 counts revised and repealed documents too in the 2021 format: not 本年制发; a parenthesis is no context
    # for later figures, but its own figures break down the one before it, whose topic holds inside
    ("主动公开市政府规章13件（含新制定5件，修改4件，废止4件），主动公开行政规范性文件42件。",
     [(13, None), (5, "active.rules.issued"), (4, None), (4, "active.rules.repealed"), (42, None)]),
    ("新增公开市政府规章1件，印发行政规范性文件5件。", [(1, "active.rules.issued"), (5, "active.normative_docs.issued")]),
    # a disposition followed by 答复 is that disposition, not the number answered
    ("全年答复申请30件，其中予以公开答复20件，不予公开答复5件。",
     [(30, "requests.result.total.total"), (20, "requests.result.disclosed.total"), (5, "requests.result.withheld.subtotal.total")]),
    ("受理申请30件，其中予以公开或部分公开19件。", [(30, "requests.new.total"), (19, "requests.result.disclosed_or_partial.total")]),
    # part of the year, or on time only: not the year's table value
    ("2023年上半年，共受理政府信息公开申请26件，答复25件。其中予以公开20件。", [(26, None), (25, None), (20, None)]),
    ("受理政府信息公开申请40件，其中按期办结36件。", [(40, "requests.new.total"), (36, None)]),
    ("发生政府信息公开行政复议案件1起。", [(1, "review.total")]),
    ("制定政府规章2部，涉及5部门；结转上年度政府信息公开申请3件。", [(2, "active.rules.issued"), (3, "requests.carried_over.total")]),
    ("全年共受理依申请公开事项13件，上年转结申请2件，1件转下一年办理。",
     [(13, "requests.new.total"), (2, "requests.carried_over.total"), (1, "requests.carried_forward.total")]),
    ("全年办理行政许可事项2000件。", [(2000, None)]),
    # channels, old-format 答复数 labels, and totals after arithmetic are other quantities
    ("受理申请29件，其中通过网络收到申请25件，通过来信收到申请4件。", [(29, "requests.new.total"), (25, None), (4, None)]),
    # 2019-format row names: 同意公开 is 予以公开, 区分处理后公开 is 部分公开; 已主动公开 answers are left alone
    ("共受理申请9件，其中“属于已主动公开答复数”2件，“同意公开答复数”2件，“区分处理后公开数”4件，“不予公开答复数”1件。",
     [(9, "requests.new.total"), (2, None), (2, "requests.result.disclosed.total"), (4, "requests.result.partially_disclosed.total"),
      (1, "requests.result.withheld.subtotal.total")]),
    # another system's applications (行政许可, a 复议机关's caseload) are not information-disclosure requests
    ("收到行政许可申请114738件，受理114730件；收到行政复议申请135件。", [(114738, None), (114730, None), (135, None)]),
    ("出台行政规范性文件19件，清理规范性文件30件，备案规范性文件12件。",
     [(19, "active.normative_docs.issued"), (30, None), (12, None)]),
    ("新收申请41件，加上上年结转的，除去结转下年度办理的，共办理政府信息公开申请27件。", [(41, "requests.new.total"), (27, None)]),
    ("受理答复政府信息公开申请12件，其中2件结转下年办理。", [(12, "requests.new.total"), (2, "requests.carried_forward.total")]),
    ("行政复议7件，复议后起诉1件。", [(7, "review.total"), (1, "litigation.after_review.total")]),
    # the report is of 2023: a sentence about another year links nothing, one about 2023 links as usual
    ("2022年，我局共制定行政规范性文件3件，受理政府信息公开申请9件。", [(3, None), (9, None)]),
    ("2023年，我局共制定行政规范性文件3件，受理政府信息公开申请9件。", [(3, "active.normative_docs.issued"), (9, "requests.new.total")]),
    ("2022年结转政府信息公开申请2件，办结10件，结转2024年度继续办理2件。",
     [(2, "requests.carried_over.total"), (10, "requests.result.total.total"), (2, "requests.carried_forward.total")]),
    ("全年受理网络问政182件，主动公开政府信息5500余条。", [(182, None), (5500, None)]),
    ("收取信息处理费3940元，发出收费通知2件。", [(3940, None), (2, None)]),
    ("开展培训9期、500余人次，召开新闻发布会12场。", [(9, None), (500, None), (12, None)]),
    ("联系电话：0517-83605210，邮编：223001，依据国办公开办函〔2021〕30号第二十条第（五）项、7*24小时值守。", []),
])
def test_linking_by_topic_cue_and_unit(tmp_path: Path, sentence: str, expected: list[tuple[float, str | None]]) -> None:
    assert _links(_report(tmp_path, sentence)) == expected


def test_parts_sum_needs_all_parts_or_an_excess(tmp_path: Path) -> None:
    partial = audit(_report(tmp_path, "被申请行政复议10件，其中维持3件、纠错1件。"))
    assert [f.rule for f in partial.findings] == []
    excess = audit(_report(tmp_path, "被申请行政复议3件，其中维持3件、纠错1件。"))
    assert [(f.rule, f.fields["parts_sum"]) for f in excess.findings] == [("narrative_parts_sum", 4)]


@pytest.mark.parametrize("sentence", [
    "全年依申请公开工作中，书记信箱收到申请7件。",  # a mailbox is one channel, not the request count
    "全年依申请公开工作中，线上办结政务服务业务320件。",  # government services are another count than disclosure requests
])
def test_counts_of_other_channels_and_services_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert [metric for _, metric in _links(_report(tmp_path, sentence))] == [None]


def test_parts_summing_to_a_total_stated_elsewhere_are_no_contradiction(tmp_path: Path) -> None:
    # A figure of another breakdown (by channel) read as the total must not make the applicant parts an error.
    body = ("共收到政府信息公开申请{total}件。其中，通过网站提交申请表的{web}件，通过信函提交{post}件；"
            "公民个人提出申请{people}件，法人或其他组织提出申请{orgs}件。")
    doubted = audit(_report(tmp_path, body.format(total=104, web=86, post=18, people=100, orgs=4)))
    assert "narrative_parts_sum" not in [f.rule for f in doubted.findings]
    broken = audit(_report(tmp_path, body.format(total=104, web=86, post=18, people=100, orgs=9)))
    assert "narrative_parts_sum" in [f.rule for f in broken.findings]


def test_agency_from_the_signature_when_the_title_has_none(tmp_path: Path) -> None:
    path = _report(tmp_path, "全年受理政府信息公开申请12件。", title="2023年政府信息公开工作年度报告")
    path.write_text(path.read_text(encoding="utf-8") + "\n沭阳县发展和改革局\n2024年1月17日\n", encoding="utf-8")
    report = audit(path)
    assert (report.agency, report.report_year, report.published) == ("沭阳县发展和改革局", 2023, "2024-01-17")


def test_parts_given_as_separate_components_fill_one_slot(tmp_path: Path) -> None:
    body = "答复政府信息公开申请20件，其中予以公开5件，部分公开3件，不予公开2件，无法提供4件，不予处理1件，其他处理1件。"
    report = audit(_report(tmp_path, body))
    (finding,) = report.findings
    assert (finding.rule, finding.fields["metric"], finding.fields["parts_sum"]) == ("narrative_parts_sum", "requests.result.total.total", 16)


def test_a_list_carries_its_topic_to_the_next_figure(tmp_path: Path) -> None:
    body = "全年主动公开政府信息2000条，制发规范性文件25件，废止12件，现行有效规范性文件90件；政策解读30篇，其他文件8件。"
    assert _links(_report(tmp_path, body)) == [
        (2000, None), (25, "active.normative_docs.issued"), (12, "active.normative_docs.repealed"),
        (90, "active.normative_docs.in_force"), (30, None), (8, None)]


def test_handled_pool_wording(tmp_path: Path) -> None:
    body = "全年共收办政府信息公开申请15件。收到政府信息公开申请12件（含上年结转3件）。"  # one cell, two values: two sentences
    assert _links(_report(tmp_path, body)) == [
        (15, "requests.handled_pool.total"), (12, "requests.handled_pool.total"), (3, "requests.carried_over.total")]


# The narrative grammar, class by class, on sentences written for these tests.
@pytest.mark.parametrize("sentence,expected", [
    # receive verbs and units other than 件 for requests, reviews and litigation
    ("本年度我局接到政府信息公开申请7件。", [(7, "requests.new.total")]),
    ("全年收悉依申请公开事项4宗。", [(4, "requests.new.total")]),
    ("共接受公民申请6份，依申请公开3次。", [(6, "requests.new.natural_person"), (3, None)]),
    ("受理信息公开申请21条，主动公开信息3600条。", [(21, "requests.new.total"), (3600, None)]),
    ("依法办理政府信息公开申请18件。", [(18, "requests.result.total.total")]),
    # applicant classes: one class is that column; naming every class is the total
    ("公民个人提出申请9件，法人和其他组织提出申请2件。", [(9, "requests.new.natural_person"), (2, "requests.new.org_sum")]),
    ("共收到自然人、法人或其他组织的申请11件。", [(11, "requests.new.total")]),
    # the most specific category wins when its words are named, not when it is one example (等)
    ("答复申请20件，其中因属于三类内部事务信息不予公开的2件。",
     [(20, "requests.result.total.total"), (2, "requests.result.withheld.internal_affairs.total")]),
    ("答复申请20件，因本机关不掌握相关政府信息无法提供的3件。",
     [(20, "requests.result.total.total"), (3, "requests.result.unable.not_held.total")]),
    ("答复申请20件，因本机关不掌握等原因无法提供的5件。",
     [(20, "requests.result.total.total"), (5, "requests.result.unable.subtotal.total")]),
    ("答复申请20件，无法提供（本机关不掌握相关政府信息）4件。",
     [(20, "requests.result.total.total"), (4, "requests.result.unable.not_held.total")]),
    ("经复议后起诉的行政诉讼1件，未经复议直接起诉的行政诉讼2件。",
     [(1, "litigation.after_review.total"), (2, "litigation.direct.total")]),
    # 表二 verbs
    ("新发布的行政规范性文件6件，累计现行有效规章14件。", [(6, "active.normative_docs.issued"), (14, "active.rules.in_force")]),
    # joined topics: a sum links nothing, unless it is 0 (each is 0)
    ("涉及行政复议、行政诉讼的案件共9件。", [(9, None)]),
    ("因政府信息公开引起的行政复议、行政诉讼案件0件。", [(0, "review.total"), (0, "litigation.total")]),
    # a carry word then 答复: the carried request, answered
    ("收到申请10件，上年度结转答复2件，结转下一年办结1件。",
     [(10, "requests.new.total"), (2, "requests.carried_over.total"), (1, "requests.carried_forward.total")]),
    # an answer word after the figure counts when no cue stands before it; vetoes hold there too
    ("收到申请6件。其中5件均已在法定期限内回复申请人，1件正在办理。",
     [(6, "requests.new.total"), (5, "requests.result.total.total"), (1, "requests.carried_forward.total")]),
    # …but not where the count is one part of the received, the other part answered too (5 + 1 of 6 answered)
    ("收到申请6件。其中5件均已在法定期限内回复申请人，1件通过电子邮件回复。",
     [(6, "requests.new.total"), (5, None), (1, None)]),
    # a colon introduces a list about the words before it; a year after the figure is no next figure
    ("本年出台行政规范性文件：制发件数2件，废止件数1件。",
     [(2, "active.normative_docs.issued"), (1, "active.normative_docs.repealed")]),
    ("收到申请9件，办结5件，剩余4件转2024年办理。",
     [(9, "requests.new.total"), (5, "requests.result.total.total"), (4, "requests.carried_forward.total")]),
    # the parenthesis after a figure is its own: 结转 inside it is no cue for the figure before
    ("收到申请10件，办结8件（结转下年度2件）。",
     [(10, "requests.new.total"), (8, "requests.result.total.total"), (2, "requests.carried_forward.total")]),
    # the applicant's verbs, read from the receiving body
    ("群众通过信函和现场向本局提交信息公开申请31件。", [(31, "requests.new.total")]),
    # an event verb governs the list joined after its figure; a category or applicant does not
    ("年内废止规章5件、行政规范性文件2件。", [(5, "active.rules.repealed"), (2, "active.normative_docs.repealed")]),
    ("收到申请9件（其中公民申请6件、其他组织申请3件）。",
     [(9, "requests.new.total"), (6, "requests.new.natural_person"), (3, None)]),
    # made or revised, and information about a topic, are other quantities
    ("本年度制定修订规范性文件4件。", [(4, None)]),
    ("公开行政处罚等相关信息88项。", [(88, None)]),
    # the year's carry-over named with both years; 转下一年度 before the figure
    ("本年度收到申请9件，办结8件，2023年结转至2024年继续办理1件。",
     [(9, "requests.new.total"), (8, "requests.result.total.total"), (1, "requests.carried_forward.total")]),
    ("收到申请9件，办结6件，转下一年度继续办理3件。",
     [(9, "requests.new.total"), (6, "requests.result.total.total"), (3, "requests.carried_forward.total")]),
    # an agency's own name is no channel; the leaf's own name is no other 事项; overdue answers are a subset
    ("本市信访局共受理政府信息公开申请4件。", [(4, "requests.new.total")]),
    ("收到申请5件，其中属于行政查询事项1件，本机关不掌握相关信息4件。", [(5, "requests.new.total"),
     (1, "requests.result.withheld.administrative_query.total"), (4, "requests.result.unable.not_held.total")]),
    ("收到申请5件，超期答复0件。", [(5, "requests.new.total"), (0, None)]),
    # litigation after review, in the verb's own words; requests counted in 件次
    ("发生行政复议2件和复议后提起行政诉讼1件。", [(2, "review.total"), (1, "litigation.after_review.total")]),
    ("共受理依申请公开事项12件次。", [(12, "requests.new.total")]),
    # a disposition's words before an answer verb: some dispositions' answers, of unfixed extent
    ("收到申请12件，因信息不存在等情形依法答复3件。", [(12, "requests.new.total"), (3, None)]),
    # a parenthesis right after a figure breaks it down: the figure's topic holds inside, linked or not
    ("本单位公开行政规范性文件9件（本年制发6件，废止1件）。",
     [(9, None), (6, "active.normative_docs.issued"), (1, "active.normative_docs.repealed")]),
    # decisions counted in 项
    ("全年作出行政处罚决定7项，行政强制0项。", [(7, "active.penalty.decisions"), (0, "active.coercion.decisions")]),
])
def test_grammar_classes(tmp_path: Path, sentence: str, expected: list[tuple[float, str | None]]) -> None:
    assert _links(_report(tmp_path, sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("本年度我局未收到政府信息公开申请。", [(0, "requests.new.total")]),
    ("今年未发生因政府信息公开申请引起的行政复议、行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("全年没有出现针对本单位的复议和诉讼案件。", [(0, "review.total"), (0, "litigation.total")]),
    ("本机关无结转下年度的申请。", [(0, "requests.carried_forward.total")]),
    ("全年未制定规章和规范性文件。", [(0, "active.rules.issued"), (0, "active.normative_docs.issued")]),
    # not a zero count of the subject: a qualified set, a lost case, a fee, an applicant, no power
    ("未发生有重大社会影响的信息公开申请。", []),
    ("继续保持零败诉。", [(0, None)]),
    ("全年未收取任何费用。", [(0, None)]),
    ("本机关无规章制定权。", []),
    # vetoes hold for worded zeros too: one channel is not all requests; an exempt phrase is no veto
    ("未收到网上政府信息公开申请。", [(0, None)]),
    ("全年未收到依申请公开事项。", [(0, "requests.new.total")]),
    # a body with no 行政处罚 made none; a clause ending in 为0 states a zero
    ("本单位无行政处罚职权。", [(0, "active.penalty.decisions")]),
    ("本年度接到依申请公开的数量为0。", [(0, "requests.new.total")]),
    ("未发生行政复议被纠错的情况。", [(0, "review.corrected")]),  # a zero of the result the words after name
    ("全年实现零复议、零诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    ("全年无信息公开类行政复议、行政诉讼。", [(0, "review.total"), (0, "litigation.total")]),
    # negated verbs joined by 、和及 each state a zero of the subject
    ("本年度未制定、废止行政规范性文件。", [(0, "active.normative_docs.repealed"), (0, "active.normative_docs.issued")]),
    # ... but verbs of one set's events (received, then answered) state its one zero, as a count keeps its first verb
    ("本年度未收到和办理政府信息公开的申请。", [(0, "requests.new.total")]),
    ("全年没有接收和答复依申请公开事项。", [(0, "requests.new.total")]),
    ("本年度无针对政府信息公开事务的行政复议。", [(0, "review.total")]),
    # a category named instead of a topic: after 出现/发生 only; 被纠错 belongs to the topic named before it
    ("今年没有发生不予处理的情况。", [(0, "requests.result.not_processed.subtotal.total")]),
    ("全年未出现被纠错情形。", []),
    # a category qualified as improper is a compliance statement, not the count
    ("全年没有出现应公开而不予公开的情形。", [(0, None)]),
])
def test_zeros_in_words(tmp_path: Path, sentence: str, expected: list[tuple[float, str | None]]) -> None:
    report = audit(_report(tmp_path, sentence))
    assert [(m.value, m.metric) for m in report.mentions] == expected
    assert all(m.implicit and m.quote in sentence for m in report.mentions)


def test_a_negated_clause_that_prints_its_count_is_no_worded_zero(tmp_path: Path) -> None:
    assert [(m.value, m.implicit) for m in audit(_report(tmp_path, "未受理的申请3件。")).mentions] == [(3, False)]


def test_a_worded_zero_is_checked_against_the_table(tmp_path: Path) -> None:
    from extraction.linking import link_mentions
    from extraction.segment import join_lines, find_sections
    from extraction.document import TextLine, Where
    from extraction.spec import load_spec
    from extraction.tables import CellValue
    from extraction.values import TableView
    spec = load_spec()
    narrative = join_lines([TextLine(t, Where()) for t in ["一、总体情况", "本年度未收到政府信息公开申请。"]], wrapped=False)
    narrative.sections = find_sections(narrative)
    view = TableView({"requests.new.total": CellValue("requests.new.total", 5, "5", Where())}, spec, "v2021")
    (mention,) = link_mentions(narrative, view, spec, 2023)
    assert (mention.metric, mention.verdict, mention.implicit) == ("requests.new.total", "mismatch", True)


def test_traditional_script_is_matched_and_quoted_as_printed(tmp_path: Path) -> None:
    report = audit(_report(tmp_path, "全年共收到政府資訊公開申請12件，辦結10件，未發生行政復議。"))
    assert [(m.value, m.metric) for m in report.mentions] == [
        (12, "requests.new.total"), (10, "requests.result.total.total"), (0, "review.total")]
    assert report.mentions[1].quote == "辦結10件"
    text = audit(_report(tmp_path, "收到申請3件。")).mentions[0]
    assert text.quote == "收到申請3件"


def test_mirror_copies_pinyin_aids_and_taiwan_phrasing(tmp_path: Path) -> None:
    # a mirror's pinyin after polyphonic characters, and 文件 converted to 檔案, still read as the report's words
    report = audit(_report(tmp_path, "本年度制發(fā)行政規範性檔案6件，未收到政府信息公開(kāi)申請(qǐng)。"))
    assert [(m.value, m.metric) for m in report.mentions] == [(6, "active.normative_docs.issued"), (0, "requests.new.total")]


def test_a_corrected_zero_belongs_to_the_topic_named_before_it(tmp_path: Path) -> None:
    report = audit(_report(tmp_path, "本年度涉及信息公开的行政诉讼1件，未发生被纠错的情况。"))
    assert [(m.value, m.metric) for m in report.mentions] == [(1, "litigation.total"), (0, "litigation.corrected")]


def test_without_year_or_tables_every_section_is_narrative(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("一、概述\n本单位认真落实条例。\n三、依申请公开政府信息情况\n全年受理政府信息公开申请4件。\n", encoding="utf-8")
    assert [(m.value, m.metric) for m in audit(path).mentions] == [(4, "requests.new.total")]


def test_a_zero_said_twice_in_a_sentence_is_one_claim(tmp_path: Path) -> None:
    report = audit(_report(tmp_path, "本年度未收到政府信息公开申请，无依申请公开情况。"))
    assert [(m.value, m.metric) for m in report.mentions] == [(0, "requests.new.total")]


def test_report_year_from_the_preamble_or_the_statistics_period(tmp_path: Path) -> None:
    body = "全年受理政府信息公开申请12件。"
    preamble = tmp_path / "preamble.txt"
    preamble.write_text("现将我局2021年度政府信息公开工作情况报告如下。\n一、总体情况\n" + body, encoding="utf-8")
    assert audit(preamble).report_year == 2021
    period = tmp_path / "period.txt"
    period.write_text("本报告统计期限自2020年1月1日起至12月31日止。\n一、总体情况\n" + body, encoding="utf-8")
    assert audit(period).report_year == 2020
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("一、总体情况\n" + body + "\n二、主动公开政府信息情况\n略。", encoding="utf-8")
    report = audit(unknown)
    assert report.report_year is None and [(m.value, m.metric) for m in report.mentions] == [(12, "requests.new.total")]


def test_markdown_headings_and_a_space_before_the_unit(tmp_path: Path) -> None:
    headings = {no: "## " + h for no, h in SECTIONS.items()}
    report = audit(_report(tmp_path, "### （一）依申请公开\n全年受理政府信息公开申请749 件。", headings))
    assert [(m.section, m.value, m.metric) for m in report.mentions] == [("一", 749, "requests.new.total")]


def test_reports_before_2019_link_figures_in_every_section(tmp_path: Path) -> None:
    text = "\n".join(["某县统计局2016年政府信息公开工作年度报告", "一、概述", "略。", "二、主动公开政府信息情况", "略。",
                      "三、依申请公开政府信息情况", "全年受理政府信息公开申请5件。",
                      "四、因政府信息公开申请行政复议、提起行政诉讼的情况", "全年未发生行政复议。"])
    path = tmp_path / "old.txt"
    path.write_text(text, encoding="utf-8")
    report = audit(path)
    assert (report.report_year, report.template) == (2016, "pre2019")
    assert [(m.section, m.value, m.metric) for m in report.mentions] == [("三", 5, "requests.new.total"), ("四", 0, "review.total")]


@pytest.mark.parametrize("sentence", ["收到的政府信息公开申请涉及12个领域。", "受理申请后，3个部门已答复。",
                                      "没有收到政府信息公开申请的单位有5个。"])
def test_a_figure_counting_another_noun_links_nothing(tmp_path: Path, sentence: str) -> None:
    assert [metric for _, metric in _links(_report(tmp_path, sentence))] == [None]


@pytest.mark.parametrize("disposition, metric", [("予以公开", "requests.result.disclosed.total"),
                                                 ("部分公开", "requests.result.partially_disclosed.total"),
                                                 ("属于其他处理情况", "requests.result.other.subtotal.total")])
@pytest.mark.parametrize("unit", ["件", "条"])
def test_a_disposition_after_its_figure_names_it(tmp_path: Path, disposition: str, metric: str, unit: str) -> None:
    sentence = f"收到申请12{unit}，其中3{unit}{disposition}。"
    assert _links(_report(tmp_path, sentence)) == [(12, "requests.new.total"), (3, metric)]


@pytest.mark.parametrize("noun, metric", [("依申请公开", "requests.new.total"), ("依申请公开事项", "requests.new.total"),
                                          ("需提交的材料", None)])
def test_xiang_counts_requests_only_beside_their_word(tmp_path: Path, noun: str, metric: str | None) -> None:
    assert _links(_report(tmp_path, f"本年度收到{noun}3项。")) == [(3, metric)]


@pytest.mark.parametrize("ground, metric", [("本机关不掌握政府信息", "requests.result.unable.not_held.total"),
                                            ("属于重复申请", "requests.result.not_processed.repeated.total"),
                                            ("不掌握相关信息等情形", None)])
@pytest.mark.parametrize("verb", ["答复", "依法答复"])
def test_an_answer_verb_after_a_disposition_counts_that_disposition(tmp_path: Path, ground: str, metric: str | None,
                                                                    verb: str) -> None:
    assert _links(_report(tmp_path, f"收到申请12件，{ground}{verb}4件。")) == [(12, "requests.new.total"), (4, metric)]


@pytest.mark.parametrize("scope", ["本年度", "全年我局"])
@pytest.mark.parametrize("named, metric", [("政府信息公开申请", "requests.new.total"), ("依申请公开政府信息共", "requests.new.total"),
                                           ("政府信息公开申请数量为", "requests.new.total"),
                                           ("城建领域的政府信息公开申请", None), ("书面申请", None),
                                           ("自然资源类政府信息公开申请", None)])
def test_requests_named_by_themselves_are_the_new_ones_unless_modified(tmp_path: Path, scope: str, named: str,
                                                                      metric: str | None) -> None:
    assert _links(_report(tmp_path, f"{scope}{named}12件。")) == [(12, metric)]


@pytest.mark.parametrize("verb", ["受理", "收到"])
@pytest.mark.parametrize("breakdown", ["，其中新收到14件", "（其中上年结转1件）", "，其中上年度结转1件"])
def test_a_receive_count_broken_down_into_new_and_carried_is_the_pool(tmp_path: Path, verb: str, breakdown: str) -> None:
    links = _links(_report(tmp_path, f"本机关共{verb}政府信息公开申请15件{breakdown}。"))
    assert links[0] == (15, "requests.handled_pool.total")


def test_a_carry_in_count_after_a_receive_count_is_no_breakdown_of_it(tmp_path: Path) -> None:
    assert _links(_report(tmp_path, "收到申请12件，上年结转2件。"))[0] == (12, "requests.new.total")


@pytest.mark.parametrize("before, metric", [("全年办理", "requests.result.total.total"), ("已办理", "requests.result.total.total"),
                                            ("协助办理", None), ("办理转办件", None)])
def test_handle_right_before_a_figure_takes_the_sentence_s_topic(tmp_path: Path, before: str, metric: str | None) -> None:
    assert _links(_report(tmp_path, f"收到政府信息公开申请12件，{before}11件。")) == [(12, "requests.new.total"), (11, metric)]
