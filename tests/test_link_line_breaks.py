"""Figures whose phrase a line break cut (a converter's break at a span or a page's edge) and counts printed in
brackets, on generated reports: the broken text reads as the unbroken one, and a break between two lines of their
own (headings, items, titles, page labels, sentences) stays one."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.document import TextLine, Where
from extraction.pipeline import audit
from extraction.segment import join_lines

SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _report(tmp_path: Path, body: str, name: str = "report.txt") -> Path:
    text = "\n".join(["淮北市相山区人民政府2023年政府信息公开工作年度报告",
                      "本报告所列数据的统计期限自2023年1月1日至2023年12月31日。", SECTIONS[0], body,
                      *[line for heading in SECTIONS[1:] for line in (heading, "略。")]])
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _links(path: Path) -> list[tuple[float, str, str | None]]:
    return [(m.value, m.unit, m.metric) for m in audit(path).mentions]


@pytest.mark.parametrize("broken", [
    # a clause of running text broken before its noun, inside a word, before its number, between number and unit
    "2023年，我局认真做好依申请公开工作，本年度共收到政府信息公开\n申请5件，已全部按期办结。",
    "2023年，我局认真做好依申请公开工作，本年度共收到政府信息公开申\n请5件，已全部按期办结。",
    "2023年，我局认真做好依申请公开工作，本年度共收到政府信息公开申请\n5件，已全部按期办结。",
    "2023年，我局认真做好依申请公开工作，本年度共收到政府信息公开申请5\n件，已全部按期办结。",
    # a paragraph's first clause broken: no clause mark before the break, a count in the next line's first clause
    "本年度共收到政府信息公开\n申请5件，已全部按期办结。",
    # an item's first sentence broken, with a comma or a run-in heading's colon before the break
    "1、2023年度，我局共收到政府信息公开申\n请5件，已全部按期办结。",
    "（二）依申请公开情况：2023年度我局共收到政府信息公\n开申请5件，已全部按期办结。",
])
def test_a_clause_broken_by_a_line_break_reads_as_one_line(tmp_path: Path, broken: str) -> None:
    whole = _links(_report(tmp_path, broken.replace("\n", ""), "whole.txt"))
    assert whole[0] == (5, "件", "requests.new.total")
    assert _links(_report(tmp_path, broken)) == whole


@pytest.mark.parametrize("broken,expected", [
    ("全年共受理政府信息公开申请12件，其中予以公开8件，办结\n率100%。", [(12, "件", "requests.new.total"), (8, "件", "requests.result.disclosed.total"), (100, "%", None)]),
    ("全年主动公开政府信息326条，其中通过政务微信公开\n6份，其他方式公开10条。", [(326, "条", None), (6, "份", None), (10, "条", None)]),
    ("共收到政府信息公开申请3\n宗，均已按时答复。", [(3, "宗", "requests.new.total")]),
    # a date split from its unit
    ("全年共收到政府信息公开申请8件，结转至2024\n年办理2件。", [(8, "件", "requests.new.total"), (2, "件", "requests.carried_forward.total")]),
])
def test_broken_rates_and_units_read_as_one_line(tmp_path: Path, broken: str, expected: list) -> None:
    assert _links(_report(tmp_path, broken)) == expected == _links(_report(tmp_path, broken.replace("\n", ""), "whole.txt"))


def test_each_figure_keeps_its_own_line(tmp_path: Path) -> None:
    report = audit(_report(tmp_path, "2023年，我局认真做好依申请公开工作，本年度共收到政府信息公开\n申请5件，已全部按期办结。"))
    (mention,) = report.mentions
    body_line = 4  # title, period, heading 一, then the broken line
    assert mention.where.line == body_line + 1
    assert mention.quote.endswith("申请5件")


def _joined(*texts: str) -> str:
    return join_lines([TextLine(t, Where(line=i + 1)) for i, t in enumerate(texts)], wrapped=False).text


@pytest.mark.parametrize("first,second", [
    ("（二）依申请公开情况", "全年共收到政府信息公开申请5件。"),  # an item's heading
    ("（三）完善公开制度规范，加强政府信息管理", "我局所有发布信息均按照先审查、后公开的要求办理。"),  # commas and all
    ("### 加强平台建设，扩展公开渠道", "我局定期对政务信息进行自查。"),  # a markdown heading
    ("二、主动公开政府信息情况", "制发规范性文件3件。"),  # a section heading
    ("提案建议办理公开情况。2021年无提案", "申请公开情况。2021年我局未收到申请公开事项。"),  # a run-in heading next
    ("我局认真做好依申请公开工作，现将有关情况报告如下", "2023年，我局收到政府信息公开申请5件。"),  # a sentence of its own
    ("我局2023年政府信息公开工作年度报告", "全年共收到政府信息公开申请5件。"),  # a title
    ("依申请公开情况", "收到申请5件。"),  # a heading with no number
    ("来源：本网 发布时间", "浏览次数：次"),  # page labels
    ("全年主动公开政府信息，其中规范性文件3件", "收到申请5件。"),  # a count ends its clause
    ("上年结转", "2件，本年度办结。"),  # a label over its value
    ("我局做好依申请公开，回应群众关切", "一是加强组织领导，二是完善制度。"),  # an enumeration's item
])
def test_lines_of_their_own_stay_apart(first: str, second: str) -> None:
    assert _joined(first, second) == f"{first.removeprefix('### ')}\n{second}"  # a heading's #s are no words


def test_a_broken_clause_joins_and_keeps_both_lines_offsets() -> None:
    narrative = join_lines([TextLine("我局认真做好依申请公开工作，全年共收到政府信息公开", Where(line=7)),
                            TextLine("申请5件。", Where(line=8))], wrapped=False)
    assert narrative.text == "我局认真做好依申请公开工作，全年共收到政府信息公开申请5件。"
    assert narrative.where(narrative.text.index("5件")).line == 8
    assert narrative.where(0).line == 7
