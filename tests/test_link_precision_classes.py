"""Figures the grammar declines to link because their words make them another quantity than the year's table cell,
by class, in wordings written for these tests (scope × verb × object), each beside the wording that does link: a
class must hold for phrasings the tuned corpus never showed, and must not cost the plain reading."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


VERBS = [("收到", "requests.new.total"), ("受理", "requests.new.total"), ("办结", "requests.result.total.total")]
OBJECTS = ["政府信息公开申请", "依申请公开事项"]


@pytest.mark.parametrize("verb, metric", VERBS)
@pytest.mark.parametrize("obj", OBJECTS)
@pytest.mark.parametrize("since", ["《条例》实施以来，累计", "自新《条例》施行以来，共", "本站开通以来", "平台上线以来，全区"])
def test_a_count_since_another_start_than_the_year_links_nothing(tmp_path: Path, since: str, verb: str, metric: str,
                                                                   obj: str) -> None:
    assert linked(tmp_path, f"{since}{verb}{obj}1200件。") == []
    assert linked(tmp_path, f"全年共{verb}{obj}12件。") == [(12, metric)]


@pytest.mark.parametrize("since", ["今年以来，共", "2023年以来，共", "2023年度以来", "年初以来"])
def test_a_count_since_the_report_year_s_own_start_links(tmp_path: Path, since: str) -> None:
    assert linked(tmp_path, f"{since}收到政府信息公开申请15件。") == [(15, "requests.new.total")]


@pytest.mark.parametrize("months", ["1-11月，", "1至10月共", "1月至9月", "2023年1月1日至2023年11月30日，", "截至11月底，",
                                    "截止到2023年10月，", "12月份", "3月份共"])
@pytest.mark.parametrize("verb, metric", VERBS)
def test_months_short_of_the_whole_year_link_nothing(tmp_path: Path, months: str, verb: str, metric: str) -> None:
    assert linked(tmp_path, f"{months}{verb}政府信息公开申请56件。") == []


@pytest.mark.parametrize("months", ["1-12月，", "2023年1月1日至12月31日，", "截至2023年12月31日，", "截至12月底，"])
def test_months_covering_the_whole_year_link(tmp_path: Path, months: str) -> None:
    assert linked(tmp_path, f"{months}收到政府信息公开申请56件。") == [(56, "requests.new.total")]


@pytest.mark.parametrize("helper", ["指导各镇街", "协助上级部门", "督促下属单位", "指导和", "配合市政府办公室"])
@pytest.mark.parametrize("obj", ["", "政府信息公开申请", "依申请公开"])
def test_handling_helped_or_overseen_is_someone_else_s(tmp_path: Path, helper: str, obj: str) -> None:
    assert linked(tmp_path, f"收到政府信息公开申请40件，{helper}办理{obj}30件。") == [(40, "requests.new.total")]
    assert linked(tmp_path, f"收到政府信息公开申请40件，办理{obj}30件。") == [
        (40, "requests.new.total"), (30, "requests.result.total.total")]


@pytest.mark.parametrize("kind", ["行政审批", "低保", "临时救助", "专利", "听证", "国家赔偿"])
@pytest.mark.parametrize("verb", ["收到", "受理", "接收"])
def test_an_application_of_another_kind_is_no_request(tmp_path: Path, kind: str, verb: str) -> None:
    assert linked(tmp_path, f"全年{verb}{kind}申请1200件。") == []
    # named after a request count of the same sentence, it borrows no topic from it
    assert linked(tmp_path, f"{verb}政府信息公开申请3件，{verb}{kind}申请50件。") == [(3, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["审理行政复议案件7件。", "本机关作为复议机关审理行政复议案件56件。",
                                      "全年负责人出庭应诉行政诉讼案件8件。", "应诉行政诉讼案件12起。"])
def test_cases_decided_as_organ_or_answered_in_court_are_every_matter_s(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("因政府信息公开被申请行政复议3件，尚在审理1件。", [(3, "review.total"), (1, "review.pending")]),
    ("发生行政诉讼2件，正在审理中1件。", [(2, "litigation.total"), (1, "litigation.pending")]),
])
def test_pending_words_that_hold_a_veto_word_still_link(tmp_path: Path, sentence: str, expected: list) -> None:
    assert linked(tmp_path, sentence) == expected


@pytest.mark.parametrize("topic, metric", [("行政复议", "review.total"), ("行政诉讼", "litigation.total")])
@pytest.mark.parametrize("cause", ["因征收补偿引起的", "因行政处罚决定被提起的", "由于土地确权产生的", "因具体行政行为引发的"])
def test_a_review_or_suit_caused_by_another_matter_links_nothing(tmp_path: Path, topic: str, metric: str,
                                                                   cause: str) -> None:
    assert linked(tmp_path, f"全年{cause}{topic}8件。") == []
    assert linked(tmp_path, f"未发生{cause}{topic}。") == []
    assert linked(tmp_path, f"全年因政府信息公开答复引起的{topic}8件。") == [(8, metric)]
    assert linked(tmp_path, f"全年因答复不当引起的{topic}8件。") == [(8, metric)]


@pytest.mark.parametrize("topic", ["行政复议案件", "行政诉讼案件"])
@pytest.mark.parametrize("part", ["其中涉及政府信息公开的3件", "其中，因信息公开答复引起3件"])
def test_every_case_broken_down_into_its_disclosure_part_links_nothing(tmp_path: Path, topic: str, part: str) -> None:
    assert (12, "review.total") not in linked(tmp_path, f"全年共发生{topic}12件，{part}。")
    assert (12, "litigation.total") not in linked(tmp_path, f"全年共发生{topic}12件，{part}。")


@pytest.mark.parametrize("part", ["其中通过政府信息公开平台收到", "其中区政府本级受理", "其中本局直接受理", "其中，当面收到"])
def test_a_smaller_part_after_qizhong_of_a_linked_total_is_no_total(tmp_path: Path, part: str) -> None:
    links = linked(tmp_path, f"全年共收到政府信息公开申请25件，{part}政府信息公开申请8件。")
    assert links == [(25, "requests.new.total")]
    # after a sentence break the breakdown still belongs to the sentence before it
    links = linked(tmp_path, f"全年共收到政府信息公开申请25件，办结20件。其中，{part[2:].lstrip('，')}申请答复6件。")
    assert links == [(25, "requests.new.total"), (20, "requests.result.total.total")]


def test_a_breakdown_into_other_metrics_still_links(tmp_path: Path) -> None:
    assert linked(tmp_path, "共受理政府信息公开申请15件，其中新收到14件，上年结转1件。") == [
        (15, "requests.handled_pool.total"), (14, "requests.new.total"), (1, "requests.carried_over.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请20件，其中自然人申请18件。") == [
        (20, "requests.new.total"), (18, "requests.new.natural_person")]


@pytest.mark.parametrize("service", ["政务服务大厅共受理", "通过政务服务网共受理", "答复群众咨询和", "12345热线转来",
                                     "受理群众来信来访和"])
def test_another_service_named_in_the_clause_makes_no_request_count(tmp_path: Path, service: str) -> None:
    assert linked(tmp_path, f"{service}政府信息公开申请事项300件。") == []
    assert linked(tmp_path, f"在政务服务中心设立受理窗口，全年受理政府信息公开申请30件。") == [(30, "requests.new.total")]


@pytest.mark.parametrize("zero", ["未产生依申请公开案例", "未发生依申请公开政府信息纠纷", "无政府信息公开申请"])
def test_a_worded_zero_beside_a_count_of_its_metric_links_nothing(tmp_path: Path, zero: str) -> None:
    assert linked(tmp_path, f"全年接到政府信息公开申请5件，均已答复，{zero}。") == [(5, "requests.new.total")]
    assert linked(tmp_path, "全年未收到政府信息公开申请。") == [(0, "requests.new.total")]


@pytest.mark.parametrize("noun, first, second", [("规范性文件", "制发", "废止"), ("规章", "印发", "废止"),
                                                ("行政规范性文件", "废止", "制定")])
@pytest.mark.parametrize("joiner", ["、", "和", "或"])
def test_two_disjoint_events_joined_before_one_figure_count_their_sum(tmp_path: Path, noun: str, first: str, second: str,
                                                                       joiner: str) -> None:
    assert linked(tmp_path, f"全年{first}{joiner}{second}{noun}共8件。") == []
    assert len(linked(tmp_path, f"全年{first}{noun}5件、{second}3件。")) == 2


def test_a_request_received_and_answered_is_one_request(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年收到和办理政府信息公开申请9件。") == [(9, "requests.new.total")]


@pytest.mark.parametrize("helper", ["参与", "协助市司法局", "配合上级部门"])
def test_taking_part_in_making_a_document_is_not_making_it(tmp_path: Path, helper: str) -> None:
    assert linked(tmp_path, f"全年{helper}制定规范性文件3件。") == []
    assert linked(tmp_path, "全年制定规范性文件3件。") == [(3, "active.normative_docs.issued")]


@pytest.mark.parametrize("circumstance", ["在市政务公开办指导下", "在上级部门协调下"])
def test_a_helper_as_the_circumstance_of_the_body_s_own_act_keeps_it(tmp_path: Path, circumstance: str) -> None:
    assert linked(tmp_path, f"{circumstance}全年受理政府信息公开申请12件。") == [(12, "requests.new.total")]


@pytest.mark.parametrize("matter", ["行政执法工作", "本局具体行政行为", "房屋征收工作"])
@pytest.mark.parametrize("negation", ["均无被申请", "未发生"])
def test_a_review_zero_over_another_matter_links_nothing(tmp_path: Path, matter: str, negation: str) -> None:
    assert linked(tmp_path, f"2023年度{matter}{negation}行政复议和行政诉讼。") == []
    assert linked(tmp_path, f"2023年度政府信息公开工作{negation}行政复议和行政诉讼。") == [
        (0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("subjects, metrics", [
    ("行政处罚和行政事业性收费", ["active.penalty.decisions", "active.admin_fees.amount_wan_yuan"]),
    ("行政许可、行政强制", ["active.licensing.decisions", "active.coercion.decisions"]),
])
@pytest.mark.parametrize("verb", ["公开", "公示", "公布"])
def test_a_zero_of_items_published_is_no_zero_of_decisions(tmp_path: Path, subjects: str, metrics: list[str],
                                                            verb: str) -> None:
    assert linked(tmp_path, f"2023年无{subjects}等事项{verb}。") == []
    assert [m for _, m in linked(tmp_path, f"2023年无{subjects}。")] == metrics


@pytest.mark.parametrize("rate", ["平均每月", "月均", "日均", "每季度", "人均"])
@pytest.mark.parametrize("verb, metric", VERBS)
def test_a_rate_per_period_or_an_average_is_no_year_count(tmp_path: Path, rate: str, verb: str, metric: str) -> None:
    assert linked(tmp_path, f"全年{rate}{verb}政府信息公开申请5件。") == []
    assert linked(tmp_path, f"全年{verb}政府信息公开申请5件。") == [(5, metric)]


@pytest.mark.parametrize("span", ["近三年", "近5年", "三年来", "五年间", "过去两年", "前三年", "前2年"])
def test_a_span_of_several_years_is_no_year_count(tmp_path: Path, span: str) -> None:
    assert linked(tmp_path, f"{span}共收到政府信息公开申请300件。") == []


@pytest.mark.parametrize("previous", ["上年度", "上一年度", "上年"])
def test_the_year_before_named_by_a_relative_word_is_another_year(tmp_path: Path, previous: str) -> None:
    assert linked(tmp_path, f"{previous}共收到政府信息公开申请30件。") == []
    # carrying requests between the years, or comparing with the year before, leaves the year's figures linked
    assert linked(tmp_path, f"本年度收到政府信息公开申请45件，{previous}结转3件。") == [
        (45, "requests.new.total"), (3, "requests.carried_over.total")]
    assert linked(tmp_path, f"收到政府信息公开申请45件，较{previous}增加8件，办结40件。") == [
        (45, "requests.new.total"), (40, "requests.result.total.total")]
    assert linked(tmp_path, f"本年度{previous}无结转申请。") == [(0, "requests.carried_over.total")]


@pytest.mark.parametrize("verb", ["接收", "受理", "办结", "答复"])
@pytest.mark.parametrize("obj", ["公文", "各类事项", "网民提问", "民生诉求件", "工单", "批示", "函件"])
@pytest.mark.parametrize("joint", ["。全年", "，"])
def test_a_general_verb_with_its_own_object_takes_no_topic_from_the_clause_before(tmp_path: Path, verb: str,
                                                                                    obj: str, joint: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件{joint}{verb}{obj}3000件。") == [(12, "requests.new.total")]
    # its own gap words, or the applicant answered, leave it going on with the requests
    assert linked(tmp_path, "全年收到政府信息公开申请12件，已答复申请人12件，办结完毕12件。") == [
        (12, "requests.new.total"), (12, "requests.result.total.total"), (12, "requests.result.total.total")]


@pytest.mark.parametrize("first", ["收到群众留言30条", "受理投诉举报30件", "接听热线电话30个"])
def test_a_general_verb_after_an_unlinked_figure_of_its_sentence_takes_no_topic_from_before(tmp_path: Path,
                                                                                           first: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件。{first}，办结28件。") == [(12, "requests.new.total")]


@pytest.mark.parametrize("verb, metric", [("办结", "requests.result.total.total"), ("答复", "requests.result.total.total"),
                                          ("共办理", "requests.result.total.total")])
@pytest.mark.parametrize("gap", ["", "了", "完成", "共计"])
def test_a_general_verb_right_before_its_figure_goes_on_with_the_requests_before(tmp_path: Path, verb: str,
                                                                                  metric: str, gap: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件。已{verb}{gap}10件。") == [
        (12, "requests.new.total"), (10, metric)]


@pytest.mark.parametrize("step, after", [("行政复议后", "被撤销答复"), ("经行政复议后", "予以公开"), ("行政诉讼之后", "重新答复")])
def test_a_topic_word_naming_a_step_the_figure_went_through_is_not_its_noun(tmp_path: Path, step: str, after: str) -> None:
    assert linked(tmp_path, f"收到政府信息公开申请12件，其中5件{step}{after}。") == [(12, "requests.new.total")]
    assert linked(tmp_path, "全年共发生2件行政复议。") == [(2, "review.total")]  # the topic word as the noun


@pytest.mark.parametrize("topic, metric", [("行政许可", "active.licensing.decisions"), ("行政处罚", "active.penalty.decisions"),
                                           ("行政强制", "active.coercion.decisions")])
def test_items_in_xiang_are_no_decisions_in_the_2019_format(tmp_path: Path, topic: str, metric: str) -> None:
    # the 2019 format counts both items (上一年项目数量) and decisions: 项 counts items; the 2021 format only decisions
    assert linked(tmp_path, f"本年度公布{topic}12项。", year=2020) == []
    assert linked(tmp_path, f"本年度公布{topic}12件。", year=2020) == [(12, metric)]
    assert linked(tmp_path, f"本年度公布{topic}12项。", year=2023) == [(12, metric)]


@pytest.mark.parametrize("route", ["其他途径", "其他渠道", "法定途径"])
def test_handling_by_a_route_is_what_the_applicant_was_told(tmp_path: Path, route: str) -> None:
    assert linked(tmp_path, f"全年收到申请30件，告知申请人通过{route}办理4件。") == [(30, "requests.new.total")]
    assert linked(tmp_path, "全年收到申请30件，全年办理30件。") == [
        (30, "requests.new.total"), (30, "requests.result.total.total")]


@pytest.mark.parametrize("unit", ["个", "件", "份"])
def test_a_figure_of_answer_documents_counts_the_documents(tmp_path: Path, unit: str) -> None:
    assert linked(tmp_path, f"全年收到申请30件，另有3{unit}答复件附有便民提示。") == [(30, "requests.new.total")]


@pytest.mark.parametrize("notice", ["通知公告", "公告"])
def test_announcements_about_documents_count_announcements(tmp_path: Path, notice: str) -> None:
    assert linked(tmp_path, f"本年度主动公开关于规范性文件的{notice}21份。", year=2020) == []
    assert linked(tmp_path, "本年度主动公开规范性文件21份。", year=2020) == [(21, "active.normative_docs.new_published")]


@pytest.mark.parametrize("first, second", [("为“本机关不掌握相关政府信息”", "为“相关信息不存在”"),
                                           ("因不属于本机关公开职责无法提供", "无法提供")])
def test_a_cell_stated_twice_with_two_values_in_a_sentence_keeps_the_first(tmp_path: Path, first: str,
                                                                             second: str) -> None:
    # the second is a part the words do not mark as one (or another scope): one cell holds one value
    got = linked(tmp_path, f"全年收到申请9件，其中6件{first}，2件{second}。")
    assert got[0] == (9, "requests.new.total") and len(got) == 2 and got[1][0] == 6


@pytest.mark.parametrize("verb", ["收到", "受理", "共受理"])
@pytest.mark.parametrize("new", ["新收到", "本年新收", "其中新收"])
def test_a_count_received_before_the_new_ones_count_is_new_plus_carried(tmp_path: Path, verb: str, new: str) -> None:
    assert linked(tmp_path, f"全年{verb}政府信息公开申请31件，{new}政府信息公开申请28件。") == [
        (31, "requests.handled_pool.total"), (28, "requests.new.total")]
    assert linked(tmp_path, f"全年{verb}政府信息公开申请28件，上年结转3件。") == [
        (28, "requests.new.total"), (3, "requests.carried_over.total")]


@pytest.mark.parametrize("every", ["各类", "各种", "各项"])
@pytest.mark.parametrize("verb", ["收到", "受理", "办结"])
def test_applications_of_every_kind_are_no_information_requests(tmp_path: Path, every: str, verb: str) -> None:
    assert linked(tmp_path, f"全年共{verb}{every}申请3200件。") == []
    metric = "requests.result.total.total" if verb == "办结" else "requests.new.total"
    assert linked(tmp_path, f"全年共{verb}{every}政府信息公开申请32件。") == [(32, metric)]


@pytest.mark.parametrize("sentence", ["全年收到行政复议决定书3份。", "全年收到行政诉讼判决书2份。", "全年收到行政诉讼裁定书2份。"])
def test_the_documents_a_case_ends_in_count_documents(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年发生行政复议3件，行政诉讼2件。") == [(3, "review.total"), (2, "litigation.total")]


@pytest.mark.parametrize("waived", ["减免", "免征", "减征", "退还"])
def test_fees_waived_or_refunded_are_not_the_fees_charged(tmp_path: Path, waived: str) -> None:
    assert linked(tmp_path, f"全年{waived}行政事业性收费86万元。") == []
    assert linked(tmp_path, "全年收取行政事业性收费86万元。") == [(86, "active.admin_fees.amount_wan_yuan")]
    assert linked(tmp_path, "本年度免收行政事业性收费。") == [(0, "active.admin_fees.amount_wan_yuan")]


@pytest.mark.parametrize("sentence", ["全年作为复议机关受理行政复议申请30件。", "本机关作为行政复议机关共办理行政复议案件30件。",
                                      "全年参加行政复议听证2次。", "全年组织政府信息公开听证3次。"])
def test_the_body_as_review_organ_and_hearings_are_no_reviews_of_its_answers(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "本机关被申请行政复议3件。") == [(3, "review.total")]


@pytest.mark.parametrize("compared", ["比上年", "比2022年", "较去年", "与上年相比"])
@pytest.mark.parametrize("more", ["多", "少"])
def test_more_or_fewer_fused_before_the_verb_is_a_difference(tmp_path: Path, compared: str, more: str) -> None:
    assert linked(tmp_path, f"全年{compared}{more}收到政府信息公开申请5件。") == []
    assert linked(tmp_path, f"全年{compared}{more}受理政府信息公开申请5件。") == []
    assert linked(tmp_path, f"全年{compared}{more}办结政府信息公开申请5件。") == []
    assert linked(tmp_path, "全年共受理多项政府信息公开申请25件。") == [(25, "requests.new.total")]


@pytest.mark.parametrize("papers", ["申请材料", "申请资料"])
@pytest.mark.parametrize("verb", ["收到", "接收"])
def test_the_papers_of_requests_count_papers(tmp_path: Path, papers: str, verb: str) -> None:
    assert linked(tmp_path, f"全年{verb}{papers}25份。") == []
    assert linked(tmp_path, f"全年{verb}申请25份。") == [(25, "requests.new.total")]


DECISION_TOPICS = [("行政许可", "active.licensing.decisions"), ("行政处罚", "active.penalty.decisions"),
                   ("行政强制", "active.coercion.decisions")]


@pytest.mark.parametrize("topic, metric", DECISION_TOPICS)
@pytest.mark.parametrize("items", ["全面梳理行政权力事项，保留行政职权652项。其中，{t}18项", "在政务服务网公开办事事项清单41项，{t}18项",
                                   "本局权责清单共列{t}18项", "公开服务事项清单40项，其中{t}18件",
                                   "{t}18项，比上年增加2项，本年处理决定数量56件"])
def test_items_of_a_power_or_service_list_are_no_decisions(tmp_path: Path, topic: str, metric: str, items: str) -> None:
    assert (18, metric) not in linked(tmp_path, items.format(t=topic) + "。")
    # a decision word after the list, or before an item unit, makes the figure the decisions 表二 counts
    assert linked(tmp_path, f"梳理公布权力清单后，全年办理{topic}18项。") == [(18, metric)]
    assert linked(tmp_path, f"全年作出{topic}决定18件。") == [(18, metric)]


@pytest.mark.parametrize("noun", ["板块", "版块", "专栏", "模块"])
@pytest.mark.parametrize("count", ["三个", "3个"])
def test_a_count_of_a_site_s_sections_is_no_request_count(tmp_path: Path, noun: str, count: str) -> None:
    assert linked(tmp_path, f"网站开设机构概况、政策文件、依申请公开{count}{noun}。") == []
    assert linked(tmp_path, "依申请公开政府信息共3件。") == [(3, "requests.new.total")]


@pytest.mark.parametrize("verb", ["办理完结", "处理完结"])
@pytest.mark.parametrize("obj", ["政府信息公开申请", "依申请公开事项"])
def test_requests_handled_to_completion_are_the_answered_not_the_received(tmp_path: Path, verb: str, obj: str) -> None:
    assert linked(tmp_path, f"全年{verb}{obj}41件（含上年度转办件）。") == [(41, "requests.result.total.total")]


@pytest.mark.parametrize("incl", ["含", "包含"])
@pytest.mark.parametrize("previous", ["上年", "上年度", "上一年度"])
@pytest.mark.parametrize("count", ["本年度处理政府信息公开申请共32件", "全年依申请公开政府信息共32件"])
def test_a_bare_request_count_said_to_hold_the_carried_in_is_the_handled_pool(tmp_path: Path, incl: str, previous: str,
                                                                              count: str) -> None:
    assert linked(tmp_path, f"{count}（{incl}{previous}结转2件）。") == [
        (32, "requests.handled_pool.total"), (2, "requests.carried_over.total")]
    assert linked(tmp_path, f"{count}。") == [(32, "requests.new.total")]


@pytest.mark.parametrize("subjects", ["行政诉讼、行政复议", "行政复议和行政诉讼", "行政复议或行政诉讼"])
@pytest.mark.parametrize("result", ["败诉", "被纠错", "被纠正"])
@pytest.mark.parametrize("negation", ["没有因政府信息公开引起的", "未发生", "沒有因政府信息公開引起的"])
def test_a_negated_result_after_joined_reviews_and_suits_is_each_one_s_result(tmp_path: Path, subjects: str, result: str,
                                                                             negation: str) -> None:
    links = linked(tmp_path, f"本年度{negation}{subjects}{result}。")
    assert sorted(links) == [(0, "litigation.corrected"), (0, "review.corrected")]
    assert sorted(linked(tmp_path, f"本年度{negation}{subjects}。")) == [(0, "litigation.total"), (0, "review.total")]


@pytest.mark.parametrize("verb", ["共受理", "收到", "接收"])
@pytest.mark.parametrize("new", ["，结转上年后新收到政府信息公开申请26件", "，新收26件", "（新收26件，上年结转4件）"])
def test_a_receive_count_before_the_count_of_the_new_ones_is_the_handled_pool(tmp_path: Path, verb: str, new: str) -> None:
    links = linked(tmp_path, f"全年{verb}政府信息公开申请30件{new}。")
    assert (30, "requests.new.total") not in links and links[:2] == [
        (30, "requests.handled_pool.total"), (26, "requests.new.total")]
    assert linked(tmp_path, f"全年{verb}政府信息公开申请30件，较上年新增5件。") == [(30, "requests.new.total")]


@pytest.mark.parametrize("way", ["告知通过其他途径办理", "告知申请人通过其他渠道办理", "并告知其通过其他途径办理"])
def test_handling_through_other_channels_is_the_applicant_s_way_not_the_body_s_answers(tmp_path: Path, way: str) -> None:
    assert linked(tmp_path, f"收到政府信息公开申请20件，不属于本机关公开范围的{way}11件。") == [(20, "requests.new.total")]
    assert linked(tmp_path, "收到政府信息公开申请20件，全年办理20件。") == [
        (20, "requests.new.total"), (20, "requests.result.total.total")]


@pytest.mark.parametrize("verb", ["制发", "印发"])
@pytest.mark.parametrize("noun", ["行政规范性文件", "规章"])
@pytest.mark.parametrize("head", ["通知", "解读材料", "公告"])
def test_a_figure_after_a_phrase_in_de_counts_its_head_noun_not_the_topic(tmp_path: Path, verb: str, noun: str,
                                                                          head: str) -> None:
    assert linked(tmp_path, f"全年{verb}{noun}的{head}4件。") == []
    kind = "normative_docs" if noun != "规章" else "rules"
    assert linked(tmp_path, f"全年{verb}{noun}的数量为4件。") == [(4, f"active.{kind}.issued")]
    assert linked(tmp_path, f"全年{verb}的4件{noun}。") == [(4, f"active.{kind}.issued")]
    assert linked(tmp_path, f"全年{verb}的4件本级{noun}。") == [(4, f"active.{kind}.issued")]


@pytest.mark.parametrize("category", ["予以公开", "无法提供", "不予公开"])
def test_a_disposition_in_de_with_you_before_its_figure_still_links(tmp_path: Path, category: str) -> None:
    links = linked(tmp_path, f"收到政府信息公开申请12件，{category}的有6件。")
    assert links[0] == (12, "requests.new.total") and len(links) == 2


@pytest.mark.parametrize("sentence, metric", [("全年被申请行政复议的案件3件。", "review.total"),
                                              ("全年因政府信息公开被提起行政诉讼的案件3件。", "litigation.total")])
def test_a_case_noun_after_de_is_the_topic_s_own_noun(tmp_path: Path, sentence: str, metric: str) -> None:
    assert linked(tmp_path, sentence) == [(3, metric)]


@pytest.mark.parametrize("zero", ["本年度未收到公民的政府信息公开申请", "全年没有公民提出政府信息公开申请", "2023年未收到公民依申请公开事项"])
def test_the_public_named_alone_in_a_worded_zero_is_everyone_not_the_natural_person_column(tmp_path: Path,
                                                                                         zero: str) -> None:
    assert linked(tmp_path, f"{zero}。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本年度未收到公民个人的政府信息公开申请。") == [(0, "requests.new.natural_person")]
    assert linked(tmp_path, "全年收到公民申请5件。") == [(5, "requests.new.natural_person")]


@pytest.mark.parametrize("sentence", ["本年度宣布废止行政规范性文件32件，提前废止行政规范性文件3件。", "全年提前办结政府信息公开申请5件。",
                                      "全年提前制发规章2件。"])
def test_the_part_of_an_event_done_ahead_of_time_is_no_year_count(tmp_path: Path, sentence: str) -> None:
    assert not [v for v, _ in linked(tmp_path, sentence) if v in (3, 5, 2)]
    # a clause of its own about planning ahead leaves the count after it
    assert linked(tmp_path, "按照提前策划的模式，全年收到政府信息公开申请5件。") == [(5, "requests.new.total")]


@pytest.mark.parametrize("examples, node, subtotal", [
    ("因本机关不掌握相关情况等", "无法提供", "requests.result.unable.subtotal.total"),
    ("因没有现成信息需另行制作等原因", "无法提供", "requests.result.unable.subtotal.total"),
    ("信访举报投诉类申请及重复申请等", "不予处理", "requests.result.not_processed.subtotal.total"),
    ("涉及商业秘密、个人隐私等", "不予公开", "requests.result.withheld.subtotal.total"),
])
def test_a_ground_named_as_an_example_before_its_disposition_is_the_disposition_s_subtotal(
        tmp_path: Path, examples: str, node: str, subtotal: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请20件，其中{examples}{node}6件。") == [
        (20, "requests.new.total"), (6, subtotal)]


@pytest.mark.parametrize("ground, node, leaf", [
    ("因本机关不掌握相关政府信息", "无法提供", "requests.result.unable.not_held.total"),
    ("属于重复申请", "不予处理", "requests.result.not_processed.repeated.total"),
    ("因涉及个人隐私", "不予公开", "requests.result.withheld.third_party_rights.total"),
])
def test_a_ground_named_alone_before_its_disposition_is_its_own_leaf(tmp_path: Path, ground: str, node: str,
                                                                      leaf: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请20件，其中{ground}{node}6件。") == [
        (20, "requests.new.total"), (6, leaf)]


@pytest.mark.parametrize("subject", ["行使的行政许可事项为1项，即公共体育设施拆除审核，", "本局行政审批事项共3项，",
                                     "进驻大厅的政务服务事项12项，"])
@pytest.mark.parametrize("counts", ["全年申请量0件，受理量0件，办结量0件", "全年收到申请45件，办结45件"])
def test_a_bare_application_after_another_procedure_named_in_its_sentence_is_that_procedure_s(
        tmp_path: Path, subject: str, counts: str) -> None:
    assert linked(tmp_path, f"{subject}{counts}。") == []
    # a word that names information requests themselves still links, as does the bare word in a sentence of its own
    assert linked(tmp_path, f"{subject}全年收到政府信息公开申请45件。") == [(45, "requests.new.total")]
    assert linked(tmp_path, f"{subject[:-1]}。全年收到申请45件。") == [(45, "requests.new.total")]


@pytest.mark.parametrize("extended", ["其中答复期限延长的3件", "其中延长答复期限3件", "经批准延长答复期限的3件"])
def test_requests_whose_time_limit_was_extended_are_a_part(tmp_path: Path, extended: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请46件，{extended}。") == [(46, "requests.new.total")]


@pytest.mark.parametrize("topic, metric", [("行政处罚", "active.penalty.decisions"), ("行政强制", "active.coercion.decisions")])
def test_cases_opened_are_no_decisions_made(tmp_path: Path, topic: str, metric: str) -> None:
    assert linked(tmp_path, f"全年{topic}案件立案120件。") == []
    assert linked(tmp_path, f"全年作出{topic}决定120件。") == [(120, metric)]


@pytest.mark.parametrize("passed_on", ["其中转其他部门办理5件", "其中移交相关部门办理5件", "其中转由镇街办理5件",
                                       "其中移送有权机关办理5件"])
def test_requests_passed_on_to_another_body_are_its_handling(tmp_path: Path, passed_on: str) -> None:
    assert linked(tmp_path, f"本年度共收到信息公开申请35件，{passed_on}。") == [(35, "requests.new.total")]


@pytest.mark.parametrize("verb", ["处理", "收到", ""])
@pytest.mark.parametrize("carried", ["结转上一年度2件", "上年结转2件"])
def test_a_requests_count_broken_down_into_new_and_carried_is_the_pool(tmp_path: Path, verb: str, carried: str) -> None:
    assert linked(tmp_path, f"全年{verb}政府信息公开申请35件，其中本年度新收33件，{carried}。") == [
        (35, "requests.handled_pool.total"), (33, "requests.new.total"), (2, "requests.carried_over.total")]


@pytest.mark.parametrize("sentence", ["全年作为共同被告参加行政诉讼5件。", "作为复议机关与原行政机关列为共同被告的行政诉讼案件5件。"])
def test_suits_joined_as_co_defendant_are_the_other_body_s(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年因政府信息公开被提起行政诉讼5件。") == [(5, "litigation.total")]


@pytest.mark.parametrize("holds", ["（含部分公开5件）", "（包含部分公开5件）"])
@pytest.mark.parametrize("disclosed", ["予以公开", "同意公开"])
def test_a_disclosed_count_said_to_hold_the_partial_ones_is_both(tmp_path: Path, holds: str, disclosed: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请35件，其中{disclosed}20件{holds}。") == [
        (35, "requests.new.total"), (20, "requests.result.disclosed_or_partial.total"),
        (5, "requests.result.partially_disclosed.total")]
    assert linked(tmp_path, f"全年收到政府信息公开申请35件，其中{disclosed}20件，部分公开5件。") == [
        (35, "requests.new.total"), (20, "requests.result.disclosed.total"), (5, "requests.result.partially_disclosed.total")]


@pytest.mark.parametrize("taken_out", ["剔除重复申请后为32件", "去除重复申请后共32件"])
def test_a_count_left_after_taking_some_out_is_arithmetic(tmp_path: Path, taken_out: str) -> None:
    assert linked(tmp_path, f"共收到政府信息公开申请35件，{taken_out}。") == [(35, "requests.new.total")]


@pytest.mark.parametrize("made", ["全年共制发文件120件，其中", "全年共形成公文120件，经公开属性审查，", "本年度共制作信息120条；"])
@pytest.mark.parametrize("items", ["主动公开85件，依申请公开20件，不予公开15件", "主动公开的85件，依申请公开的20件，不予公开的15件",
                                   "主动公开信息数85条；依申请公开信息数20条；不予公开信息数15条", "主动公开类85件、不公开类15件"])
def test_documents_counted_by_disclosure_attribute_are_no_requests(tmp_path: Path, made: str, items: str) -> None:
    assert linked(tmp_path, f"{made}{items}。") == []
    # the dispositions of requests, and a withheld answer after the body's active disclosure, still link
    assert linked(tmp_path, "收到政府信息公开申请20件，其中予以公开12件，不予公开3件。") == [
        (20, "requests.new.total"), (12, "requests.result.disclosed.total"),
        (3, "requests.result.withheld.subtotal.total")]
    assert linked(tmp_path, "全年主动公开政府信息568条；收到政府信息公开申请5件，其中不予公开1件。") == [
        (5, "requests.new.total"), (1, "requests.result.withheld.subtotal.total")]


@pytest.mark.parametrize("service", ["行政审批窗口全年", "本局行政许可事项12项，进驻政务服务网后全年", "大厅全年"])
@pytest.mark.parametrize("volumes", ["申请量1200件，受理量1190件，办结量1180件", "申请数量1200件，受理1190件，办结1180件",
                                     "申请总数为1200件，受理1190件，办结1180件"])
def test_a_request_word_that_names_an_unlinked_volume_lends_no_topic(tmp_path: Path, service: str,
                                                                     volumes: str) -> None:
    assert not [v for v, _ in linked(tmp_path, f"{service}{volumes}。") if v in (1190, 1180)]
    # the requests' own volume links, and the verbs after it go on with it
    assert linked(tmp_path, "全年政府信息公开申请量5件，办结5件。") == [
        (5, "requests.new.total"), (5, "requests.result.total.total")]
    # a channel's share unlinked after a linked count takes nothing from the verbs after it
    assert linked(tmp_path, "全年收到政府信息公开申请44件，其中网上申请42件，邮寄2件，本年度办结39件。")[-1] == (
        39, "requests.result.total.total")


@pytest.mark.parametrize("helped", ["协办政府信息公开申请", "收到协办的政府信息公开申请", "协查政府信息公开申请",
                                    "收到其他机关征求意见的政府信息公开申请"])
def test_another_body_s_requests_it_helps_with_are_no_requests_of_its_own(tmp_path: Path, helped: str) -> None:
    assert linked(tmp_path, f"全年{helped}5件。") == []
    assert linked(tmp_path, f"本年度没有{helped}。") == []
    # its own requests, answered after asking a third party's view, still link
    assert linked(tmp_path, "全年收到政府信息公开申请30件，征求意见后均已答复。") == [(30, "requests.new.total")]


@pytest.mark.parametrize("zero", ["本年度未收到行政复议决定书", "本年度未收到行政诉讼判决书", "本年度未收到行政诉讼裁定书",
                                  "本年度未收到政府信息公开申请材料", "本年度未收到对政府信息公开申请的投诉", "全年没有收到申请资料"])
def test_a_worded_zero_of_a_case_s_papers_or_complaints_is_no_zero_of_the_topic(tmp_path: Path, zero: str) -> None:
    assert linked(tmp_path, f"{zero}。") == []
    # the topic itself, or beside complaints as a list, keeps its zero
    assert linked(tmp_path, "本年度未收到政府信息公开申请、投诉和举报。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本年度未发生行政复议和行政诉讼案件。") == [(0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("sentence", ["全年起草并提请区政府印发规范性文件3件。", "全年报请市政府制定规章3件。"])
def test_a_document_another_body_was_asked_to_issue_is_not_the_body_s_own(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年起草并印发规范性文件3件。") == [(3, "active.normative_docs.issued")]


@pytest.mark.parametrize("sentence", ["全年行政许可受理1200件。", "全年行政处罚立案1200件。", "全年行政处罚案件立案1200件。",
                                      "全年行政许可立案1200件。"])
def test_applications_accepted_or_cases_filed_are_no_decisions(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年受理并办结行政许可1200件。") == [(1200, "active.licensing.decisions")]
    assert linked(tmp_path, "全年作出行政处罚决定1200件。") == [(1200, "active.penalty.decisions")]


@pytest.mark.parametrize("rate", ["行政诉讼败诉率为0", "行政复议纠错率为0", "行政诉讼败诉率为零", "行政复议纠错率为零",
                                  "政府信息公开申请办结率为100"])
def test_a_rate_is_no_count(tmp_path: Path, rate: str) -> None:
    assert linked(tmp_path, f"全年政府信息公开{rate}。") == []
    assert linked(tmp_path, "全年政府信息公开行政诉讼为0。") == [(0, "litigation.total")]
    assert linked(tmp_path, "全年行政复议被纠错0件。") == [(0, "review.corrected")]


def test_last_year_in_a_report_written_the_next_year_is_the_report_s_own(tmp_path: Path) -> None:
    # 去年 names the report's year when the report was written early the year after: no other year
    assert linked(tmp_path, "去年全年，我委共收到依申请公开事项17条。") == [(17, "requests.new.total")]
    assert linked(tmp_path, "上年度共收到政府信息公开申请30件。") == []


@pytest.mark.parametrize("sentence", ["全年办理民事诉讼案件12件。", "全年发生刑事诉讼12件。", "全年参与各类诉讼12件。",
                                      "全年代理行政诉讼案件12件。", "全年审核行政复议决定12件。"])
def test_suits_of_other_law_of_every_kind_or_acted_in_for_others_are_no_disclosure_suits(tmp_path: Path,
                                                                                       sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "本年度未发生民事诉讼。") == []
    assert linked(tmp_path, "全年被提起行政诉讼2件，行政复议3件，复议机关审核后维持2件。") == [
        (2, "litigation.total"), (3, "review.total"), (2, "review.maintained")]


@pytest.mark.parametrize("service", ["企业开办", "户籍业务", "不动产登记", "社保", "公积金", "营业执照注册"])
@pytest.mark.parametrize("verb", ["收到", "受理"])
def test_applications_for_a_service_the_body_runs_are_no_information_requests(tmp_path: Path, service: str,
                                                                               verb: str) -> None:
    assert linked(tmp_path, f"全年共{verb}{service}申请1200件。") == []
    assert linked(tmp_path, f"全年共{verb}企业申请3件。") == [(3, "requests.new.commercial_enterprise")]


@pytest.mark.parametrize("other", ["另收到市长信箱来信30件", "此外，收到群众咨询30件", "另外受理投诉举报30件", "同时收到人大建议30件"])
@pytest.mark.parametrize("verb", ["办结", "均已答复"])
def test_a_general_verb_after_another_matter_s_unlinked_count_goes_on_with_that_matter(tmp_path: Path, other: str,
                                                                                    verb: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件，{other}，{verb}30件。") == [(12, "requests.new.total")]
    # another clause whose figure links (a carry) leaves the requests' verbs after it
    assert linked(tmp_path, "全年收到政府信息公开申请12件，另有上年结转3件，共办结15件。") == [
        (12, "requests.new.total"), (3, "requests.carried_over.total"), (15, "requests.result.total.total")]


@pytest.mark.parametrize("extended", ["其中答复期限延长的2件", "其中依法延长答复期限2件", "其中延期答复2件"])
def test_requests_whose_answer_was_extended_are_a_part_not_the_answered(tmp_path: Path, extended: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件，{extended}。") == [(12, "requests.new.total")]


@pytest.mark.parametrize("topic", ["行政复议", "行政诉讼"])
@pytest.mark.parametrize("qualifier", ["均为征收补偿类", "均系对行政处罚决定不服", "全部为房屋拆迁纠纷"])
def test_cases_all_said_to_be_over_another_matter_are_no_disclosure_cases(tmp_path: Path, topic: str,
                                                                          qualifier: str) -> None:
    assert linked(tmp_path, f"本年度发生{topic}2件，{qualifier}。") == []
    metric = "review.total" if topic == "行政复议" else "litigation.total"
    assert linked(tmp_path, f"本年度发生{topic}2件，均为申请人对政府信息公开答复不服。") == [(2, metric)]
    assert linked(tmp_path, f"本年度发生{topic}2件，均已审结。") == [(2, metric)]


@pytest.mark.parametrize("kind", ["公租房", "宅基地", "公证", "法律援助", "高龄津贴", "档案查阅", "职称", "采伐"])
@pytest.mark.parametrize("verb", ["收到", "受理", "共接收"])
def test_any_noun_between_a_verb_and_the_bare_request_word_names_another_kind(tmp_path: Path, kind: str,
                                                                              verb: str) -> None:
    assert linked(tmp_path, f"全年{verb}{kind}申请300件。") == []
    # applicants, the disclosure's own words and kind-free words before it keep it a request
    for words, metric in [("公民", "requests.new.natural_person"), ("新", "requests.new.total"),
                          ("公开政府信息", "requests.new.total"), ("有效", "requests.new.total"),
                          ("法人或其他组织", "requests.new.org_sum")]:
        assert linked(tmp_path, f"全年{verb}{words}申请5件。") == [(5, metric)]


def test_a_carry_into_the_report_s_own_year_is_carried_over_not_forward(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年收到政府信息公开申请12件，另有2022年结转至2023年办理的申请3件。") == [
        (12, "requests.new.total"), (3, "requests.carried_over.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请12件，2023年结转至2024年的申请3件。") == [
        (12, "requests.new.total"), (3, "requests.carried_forward.total")]


def test_an_inspection_of_answer_documents_counts_inspections(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年依申请公开答复文书评查2次。") == []
    assert linked(tmp_path, "全年依申请公开答复2件。") == [(2, "requests.result.total.total")]


@pytest.mark.parametrize("future", ["其中3件将于2024年办结", "预计2024年1月办结3件", "其中3件拟于次年答复"])
def test_requests_to_be_answered_later_are_not_the_answered(tmp_path: Path, future: str) -> None:
    assert linked(tmp_path, f"全年收到政府信息公开申请12件，{future}。") == [(12, "requests.new.total")]


def test_a_worded_zero_copied_under_a_later_heading_makes_no_claim_of_its_own(tmp_path: Path) -> None:
    from extraction.pipeline import audit
    path = tmp_path / "report.txt"
    path.write_text("某镇2016年政府信息公开工作年度报告\n一、概述\n略。\n二、主动公开政府信息情况\n我镇主动公开信息568条。\n"
                    "三、依申请公开政府信息情况\n我镇2016年度无申请。\n四、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
                    "我镇2016年度无申请。\n五、存在的主要问题及改进措施\n无。\n", encoding="utf-8")
    links = [(m.value, m.metric) for m in audit(path).mentions if m.metric is not None]
    assert links == [(0, "requests.new.total")]  # the copy under 四 is no zero of requests, nor of reviews


@pytest.mark.parametrize("sentence", ["全年集中公开现行有效规范性文件，涉及以区政府办名义印发的行政规范性文件25件。",
                                      "全年对以区政府名义印发的行政规范性文件25件进行了清理。",
                                      "全年梳理出以本局名义制发的规范性文件25件。"])
def test_documents_described_by_the_name_they_went_out_under_are_no_year_s_event(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年以区政府名义印发规范性文件3件。") == [(3, "active.normative_docs.issued")]
    assert linked(tmp_path, "全年印发的行政规范性文件3件。") == [(3, "active.normative_docs.issued")]


@pytest.mark.parametrize("sentence", ["全年代收行政事业性收费300万元。", "全年行政事业性收费预算300万元。"])
def test_fees_collected_for_another_body_or_budgeted_are_not_the_fees_charged(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
    assert linked(tmp_path, "全年收取行政事业性收费300万元。") == [(300, "active.admin_fees.amount_wan_yuan")]


@pytest.mark.parametrize("zero", ["本年度未制定与政府信息公开相关的规范性文件", "本年度未制定涉及市场主体的规范性文件",
                                  "本年度未出台有关优化营商环境的规章", "本年度未印发规范性文件解读", "本年度未制发规章解读"])
def test_a_zero_of_some_documents_or_of_their_readings_is_no_zero_of_the_year_s(tmp_path: Path, zero: str) -> None:
    assert linked(tmp_path, f"{zero}。") == []
    assert linked(tmp_path, "本年度未制定新的规范性文件。") == [(0, "active.normative_docs.issued")]
    assert linked(tmp_path, "本年度未制发任何规范性文件和规章。") == [
        (0, "active.normative_docs.issued"), (0, "active.rules.issued")]


@pytest.mark.parametrize("noun, kind", [("规范性文件", "normative_docs"), ("规章", "rules")])
def test_the_2019_format_counts_no_repealed_documents_and_those_in_force_as_published(tmp_path: Path, noun: str,
                                                                                       kind: str) -> None:
    assert linked(tmp_path, f"全年废止{noun}2件，现行有效{noun}10件。", year=2020) == [
        (10, f"active.{kind}.total_published")]
    assert linked(tmp_path, f"本年度未废止{noun}。", year=2020) == []
    assert linked(tmp_path, f"全年废止{noun}2件，现行有效{noun}10件。", year=2023) == [
        (2, f"active.{kind}.repealed"), (10, f"active.{kind}.in_force")]


@pytest.mark.parametrize("sentence", ["全年收取行政事业性收费300万元。", "本年度未收取行政事业性收费。", "本年度无行政事业性收费。"])
def test_a_figure_states_no_cell_its_report_s_format_lacks(tmp_path: Path, sentence: str) -> None:
    # the 2019 format counts fee items, not amounts: no fee amount to state in a 2020 report
    assert linked(tmp_path, sentence, year=2020) == []
    assert [m for _, m in linked(tmp_path, sentence, year=2023)] == ["active.admin_fees.amount_wan_yuan"]
    assert linked(tmp_path, "全年收到政府信息公开申请12件，其中其他处理2件。", year=2020) == [
        (12, "requests.new.total"), (2, "requests.result.other.total")]
