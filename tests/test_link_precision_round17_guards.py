"""Precision classes the narrative mutations and the replayed fresh links still showed in round 17, each checked on
wordings written for these tests: the wording a careful reader would leave unlinked beside the near miss that
still links."""
from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.narrative_mutations import audit_text, mutate
from one_sentence import linked

_POSTED = "完善政府信息公开目录，及时公开{topic}、重大决策事项目录等内容，"


@pytest.mark.parametrize("count", ["累计主动公开政府信息53条", "累计发布政府信息53条", "累计公开各类信息53条",
                                   "今年累计更新政务信息53条", "累计主动公开政府文件53件"])
@pytest.mark.parametrize("topic", ["规范性文件", "规章"])
def test_a_count_with_its_own_noun_takes_no_subject_from_an_earlier_clause(tmp_path: Path, topic: str,
                                                                          count: str) -> None:
    assert linked(tmp_path, _POSTED.format(topic=topic) + count + "。") == []


def test_a_subject_an_earlier_clause_names_still_reaches_a_bare_count(tmp_path: Path) -> None:
    assert linked(tmp_path, "规范性文件清理工作，本年度制发0件，废止0件。") == [
        (0, "active.normative_docs.issued"), (0, "active.normative_docs.repealed")]
    assert linked(tmp_path, "加强规范性文件管理，累计保留12件。") == [(12, "active.normative_docs.in_force")]
    assert linked(tmp_path, "做好规范性文件备案审查，现行有效的共3件。") == [(3, "active.normative_docs.in_force")]
    assert linked(tmp_path, "做好规范性文件备案审查，全年废止文件3件。") == [(3, "active.normative_docs.repealed")]
    assert linked(tmp_path, "做好规范性文件备案审查，本年度制发工作方案3件。") == []


def test_a_page_with_a_sentence_a_line_reads_no_posted_items_as_documents_in_force() -> None:
    page = Path(__file__).parents[1] / "corpus/real-narrative/tuned/eb716651f7e1.txt"
    text = page.read_text(encoding="utf-8")
    for variant in (text, mutate(text, "sentence-lines", page.name).text):
        links = [(m["value"], m["metric"]) for m in audit_text(page.name, variant)["mentions"] if m.get("metric")]
        assert links == [(46, "requests.result.total.total")]


@pytest.mark.parametrize("breakdown", ["包含上年度结转4件", "内含上年结转4件", "内含2022年结转的4件", "包括上年结转4件",
                                       "其中2022年转入4件", "含2022年度转来的4件", "内含上年转入4件"])
def test_a_received_count_whose_breakdown_holds_a_carried_in_part_is_no_count_of_new_requests(
        tmp_path: Path, breakdown: str) -> None:
    assert (26, "requests.new.total") not in linked(tmp_path, f"全年共接到申请26件，{breakdown}。")


@pytest.mark.parametrize("breakdown", ["另有上年结转4件", "不含上年结转4件", "内含上年结转0件", "较上年增加4件",
                                       "含网上申请20件", "包括自然人申请20件", "含转入2024年办理的2件"])
def test_a_carried_part_left_out_beside_or_none_keeps_the_new_count(tmp_path: Path, breakdown: str) -> None:
    assert (26, "requests.new.total") in linked(tmp_path, f"全年共接到申请26件，{breakdown}。")
    assert (26, "requests.new.total") in linked(tmp_path, "全年新收申请26件，内含上年结转4件。")


@pytest.mark.parametrize("number", ["", "2. ", "2．", "2、", "12. "])
def test_a_numbered_item_opening_with_a_continuation_word_goes_on_with_the_sentence_before(
        tmp_path: Path, number: str) -> None:
    assert linked(tmp_path, f"共收到申请64件，共答复64件。\n{number}其中，公开或部分公开18件，不予公开0件。") == [
        (64, "requests.new.total"), (64, "requests.result.total.total"),
        (18, "requests.result.disclosed_or_partial.total"), (0, "requests.result.withheld.subtotal.total")]
    assert linked(tmp_path, f"共收到申请64件。\n{number}其中，上半年收到30件。") == [(64, "requests.new.total")]
    assert linked(tmp_path, f"共收到申请64件。\n{number}公开18件。") == [(64, "requests.new.total")]


def test_a_page_numbered_item_by_item_keeps_its_links() -> None:
    page = Path(__file__).parents[1] / "corpus/real-narrative/tuned/5577aa25097b.txt"
    text = page.read_text(encoding="utf-8")

    def links(variant: str) -> list[tuple[float, str]]:
        return [(m["value"], m["metric"]) for m in audit_text(page.name, variant)["mentions"] if m.get("metric")]

    assert links(mutate(text, "numbered-items", page.name).text) == links(text)
    assert (18, "requests.result.disclosed_or_partial.total") in links(text)
