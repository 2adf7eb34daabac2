"""Links the thirteenth round's tuned pages showed missing, each checked on wordings written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.figures import find_figures
from one_sentence import linked


@pytest.mark.parametrize("subject", ["扎实开展规范性文件清理工作", "规范性文件方面", "做好行政规范性文件管理"])
def test_documents_named_a_clause_before_their_first_count(tmp_path: Path, subject: str) -> None:
    # the sentence's first figure takes the documents of the clause before it when its own clause has their event
    assert linked(tmp_path, f"{subject}，本年度制发3件，废止1件，现行有效12件。") == [
        (3, "active.normative_docs.issued"), (1, "active.normative_docs.repealed"),
        (12, "active.normative_docs.in_force")]
    assert linked(tmp_path, "规章方面，2023年制定1件，现行有效3件。") == [(1, "active.rules.issued"), (3, "active.rules.in_force")]


@pytest.mark.parametrize("sentence", [
    "规范性文件清理工作，共清理文件30件。",  # no event of the documents: the files reviewed
    "规范性文件全部在网站公开，全年主动公开信息300条。",  # items posted, no event of their own
    "做好规章和规范性文件备案审查，共审查12件。",
])
def test_documents_named_a_clause_before_need_an_event_of_their_own(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


def test_documents_named_a_clause_before_a_later_figure_stay_its_own(tmp_path: Path) -> None:
    # past another figure of the sentence the documents' word reaches no further than it did
    assert linked(tmp_path, "加强规范性文件管理，收到申请5件。") == [(5, "requests.new.total")]
    assert linked(tmp_path, "规范性文件管理方面，开展培训2次，制发3件。") == []


@pytest.mark.parametrize(("sentence", "metric"), [
    ("主动公开行政处罚30项，处理决定数量7件。", "active.penalty.decisions"),
    ("行政强制2项，处理决定数量0件。", "active.coercion.decisions"),
    ("行政许可16项，处理决定数为56件。", "active.licensing.decisions"),
])
def test_decisions_named_by_the_column_after_the_items_of_their_row(tmp_path: Path, sentence: str, metric: str) -> None:
    # the 2019 format's row read along: the items (项) stay unread, the column's own words name the decisions
    value = float(sentence.split("数量")[-1].split("数为")[-1].rstrip("件。"))
    assert linked(tmp_path, sentence, year=2019) == [(value, metric)]


@pytest.mark.parametrize("sentence", [
    "行政处罚事项12项，处理决定文书公开30份。",  # papers posted, not the decisions made
    "行政处罚信息公示，处理决定书12份。",
    "公开行政处罚信息30条，处理投诉5件。",
])
def test_decision_papers_and_other_business_beside_the_decisions_topic_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize(("sentence", "link"), [
    ("本年度，收到政府信息依申请公开办理事项1件。", (1, "requests.new.total")),
    ("本年度共收到依申请办理事项0件。", (0, "requests.new.total")),
    ("本年度收到和处理政府信息公开申请办理事项为0件。", (0, "requests.new.total")),
    ("本年度共收到自然人申请的依申请办理事项0件。", (0, "requests.new.natural_person")),
])
def test_matters_handled_on_request_are_the_requests(tmp_path: Path, sentence: str, link: tuple[float, str]) -> None:
    assert linked(tmp_path, sentence) == [link]


@pytest.mark.parametrize("sentence", ["全年受理群众申请办理事项3000件。", "全年受理企业申请办理事项1200件。",
                                      "本年度收到申请办理事项12件。"])
def test_matters_applied_for_after_a_bare_application_stay_services(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("包括组织机构、财政资金等12类信息。", (12, "类")),
    ("主动公开的政府信息有7类。", (7, "类")),
    ("向7家企业、15位自然人分别提供气象证明。", (15, "位")),
    ("全力做好4位市政府领导的信息公开。", (4, "位")),
])
def test_kinds_and_persons_counted_in_digits_are_figures(text: str, figure: tuple[int, str]) -> None:
    assert figure in [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text", ["属于三类内部事务信息不予公开。", "属于四类过程性信息。", "坚持三位一体。", "排名前十位。",
                                  "考核排名进入前10位。", "办公地点3位于大楼东侧。"])
def test_kinds_and_places_in_words_ranks_and_places_are_no_figures(text: str) -> None:
    assert [f for f in find_figures(text) if f.unit in ("类", "位")] == []


def test_a_count_of_persons_before_a_request_count_keeps_its_link(tmp_path: Path) -> None:
    # the new figure before the count takes none of its cue: 收到 still reads the 20 requests of natural persons
    assert linked(tmp_path, "收到15位自然人的申请20件。") == [(20, "requests.new.natural_person")]


def test_a_negated_receipt_of_requests_reviews_and_suits_is_a_zero_of_each(tmp_path: Path) -> None:
    # 受理 states the zeros of reviews and suits as 收到 does, when it heads a list with the requests
    assert linked(tmp_path, "本年度未有受理信息公开申请、行政复议、诉讼和申诉情况。") == [
        (0, "requests.new.total"), (0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, "本年度没有受理政府信息公开申请和行政诉讼。") == [(0, "requests.new.total"), (0, "litigation.total")]
    # ... and of nothing when what it heads is another business
    assert linked(tmp_path, "本年度未受理行政许可申请和信访事项。") == []


def test_requests_named_with_their_noun_件(tmp_path: Path) -> None:
    # 依申请公开件 names the requests as 依申请公开办件 does: the topic named alone reads the new ones
    assert linked(tmp_path, "本年度处理依申请公开件1起，已按时限办结。") == [(1, "requests.new.total")]
    # ... not some of them, nor a second count of the sentence
    assert linked(tmp_path, "涉及城建领域的依申请公开件5件。") == []
    assert linked(tmp_path, "本年度收到申请6份，依申请公开件3件。") == [(6, "requests.new.total")]


@pytest.mark.parametrize(("sentence", "links"), [
    ("全区共制发24件，废止3件，至12月31日现行有效的行政规范性文件共56件。", [
        (24, "active.normative_docs.issued"), (3, "active.normative_docs.repealed"), (56, "active.normative_docs.in_force")]),
    ("本年度共制发3件，均为规章。", [(3, "active.rules.issued")]),
])
def test_documents_named_last_in_their_sentence(tmp_path: Path, sentence: str, links: list[tuple[float, str]]) -> None:
    # the sentence's counts with the documents' events and no noun of their own take the noun its last clause names
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize(("sentence", "links"), [
    ("全年制发文件24件，其中规范性文件3件。", [(3, "active.normative_docs.issued")]),  # the verb's own object
    ("本年度共制发3件，收到申请2件。", [(2, "requests.new.total")]),  # another topic named after: no single noun
    ("本年度共培训3次，规范性文件全部公开。", []),  # no event of the documents
])
def test_documents_named_last_leave_counts_of_other_nouns(tmp_path: Path, sentence: str,
                                                          links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links
