"""Links the eighteenth recall round found lost when a report prints its sentences one a line with their 。 dropped
(the narrative harness's sentence-lines), each checked on paragraphs written for these tests, with near-misses."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.ingest import read_source
from extraction.segment import segment
from one_sentence import linked

# Each paragraph prints one sentence a line; the line before the one whose figures borrow its topic (or that opens
# with 其中) ends on a figure, a percentage or a bracket, not on a word.
FIGURE_ENDED = [
    ["本年度，区民政局收到政府信息公开申请120件，比上年增加8件", "在法定期限内答复110件（结转下年度10件）",
     "予以公开40件，部分公开12件，不予公开5件，无法提供53件", "全年办理工作规范有序，群众满意度较高", "我局将继续规范办理流程，提升答复质量。"],
    ["全年共收到政府信息公开申请47件，其中信函申请39件，占83%，在线申请8件，占17%",
     "在收到的申请中，已答复47件，答复率为100%", "其中予以公开3件，部分公开30件，无法提供14件",
     "下一步，我局将加强培训，规范办理。"],
    ["2024年，街道共受理政府信息公开申请21件，上年结转2件，已办结18，结转下年度继续办理5",
     "本街道因政府信息公开被申请行政复议1件，提起行政诉讼0件", "全年办理工作规范有序，群众满意度较高",
     "我街道将持续做好相关工作，提升服务水平。"],
]


@pytest.mark.parametrize("sentences", FIGURE_ENDED)
def test_a_line_ending_on_a_figure_ends_its_sentence_inside_its_paragraph(tmp_path: Path,
                                                                          sentences: list[str]) -> None:
    expected = linked(tmp_path, "。".join(sentences), 2024)
    assert len(expected) >= 4
    assert linked(tmp_path, "\n".join(sentences), 2024) == expected


def test_a_figure_ended_line_before_a_heading_stays_a_paragraph_end(tmp_path: Path) -> None:
    # the break before a section's heading ends its paragraph, whatever the line before ends on
    lines = ["全年共收到政府信息公开申请47件，其中信函申请39件，在线申请8件", "我局将继续做好相关工作，提升服务水平",
             "已答复47件，答复率为100%", "三、收到和处理政府信息公开申请情况", "加强组织领导，规范办理，提升质量"]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    text = segment(read_source(path)).text
    assert "8件。我局" in text and "水平。已答复" in text
    assert "100%\n三、收到和处理政府信息公开申请情况\n加强" in text


def test_a_hard_wrapped_paragraph_is_no_sentences_one_a_line(tmp_path: Path) -> None:
    # a break inside a clause, the other lines holding their sentences' ends: the cut clause still runs on
    text = "2024年，我局认真做好依申请公开工作，本年度共收到政府信息公开申请\n5件，已全部按期办结，答复率100%。下一步，我局将加强培训。"
    assert linked(tmp_path, text, 2024) == [(5, "requests.new.total")]


@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度新收政府信息公开申请20件，上年转入4件。", [(20, "requests.new.total"), (4, "requests.carried_over.total")]),
    ("全年收到申请31件，上年度转入2件，均已办结。", [(31, "requests.new.total"), (2, "requests.carried_over.total")]),
    ("上一年度转入的申请3件已全部答复。", [(3, "requests.carried_over.total")]),
])
def test_requests_brought_in_from_the_year_before_are_carried_over(tmp_path: Path, sentence: str,
                                                                   links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


def test_requests_sent_on_to_the_next_year_are_no_carry_in(tmp_path: Path) -> None:
    assert (4, "requests.carried_over.total") not in linked(tmp_path, "本年度转入下年度办理4件。")


def test_a_received_count_holding_requests_brought_in_is_no_count_of_new_requests(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年共接到申请26件，内含上年转入4件。") == [(4, "requests.carried_over.total")]


@pytest.mark.parametrize(("sentence", "links"), [
    ("2022年，我局共收到依申公开事项7件。", [(7, "requests.new.total")]),
    ("本年度共办理依申公开件3件。", [(3, "requests.result.total.total")]),
])
def test_requests_named_by_their_short_form_are_requests(tmp_path: Path, sentence: str,
                                                         links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence, int(sentence[:4]) if sentence[:4].isdigit() else 2023) == links


def test_documents_published_beside_the_short_form_are_no_requests(tmp_path: Path) -> None:
    assert linked(tmp_path, "2022年，我局依申公开工作规范，发布信息7条。", 2022) == []
