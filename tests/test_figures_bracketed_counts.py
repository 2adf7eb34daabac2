"""Counts printed in brackets between their noun and their unit (政务信息(1386)条, 申请（5）件), on generated reports:
found with their value and read by the grammar as if unbracketed; the quote keeps the brackets as printed."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit

SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _mentions(tmp_path: Path, body: str) -> list[tuple[float, str, str | None]]:
    text = "\n".join(["淮北市相山区人民政府2023年政府信息公开工作年度报告",
                      "本报告所列数据的统计期限自2023年1月1日至2023年12月31日。", SECTIONS[0], body,
                      *[line for heading in SECTIONS[1:] for line in (heading, "略。")]])
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return [(m.value, m.unit, m.metric, m.quote) for m in audit(path).mentions]


@pytest.mark.parametrize("body,expected", [
    ("通过门户网站发布政务信息(1386)条，其中概况类信息(22)条。", [(1386, "条", None), (22, "条", None)]),
    ("全年共收到政府信息公开申请（5）件，均已按时答复。", [(5, "件", "requests.new.total")]),
    ("全年共收到政府信息公开申请 (5) 件，均已按时答复。", [(5, "件", "requests.new.total")]),
    ("制发行政规范性文件（3）件。", [(3, "件", "active.normative_docs.issued")]),
])
def test_a_bracketed_count_is_the_count(tmp_path: Path, body: str, expected: list) -> None:
    found = _mentions(tmp_path, body)
    assert [m[:3] for m in found] == expected
    assert all(q in body for *_, q in found)  # quotes as printed, brackets and all
    unbracketed = body.translate(str.maketrans("", "", "()（）"))
    assert [m[:3] for m in _mentions(tmp_path, unbracketed)] == expected


@pytest.mark.parametrize("body", [
    "依据《条例》第三十六条(2)项规定予以答复。",  # an article's item
    "依据《条例》第36条(2)项规定予以答复。",
    "（2）项目建设情况公开。",  # a list item's number
    "重点推进方案(2)项目落地。",
])
def test_a_bracketed_number_that_counts_nothing_is_no_figure(tmp_path: Path, body: str) -> None:
    assert _mentions(tmp_path, body) == []
