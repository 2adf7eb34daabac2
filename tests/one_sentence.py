"""A report whose narrative is one sentence under a title and headings: for tests of how the grammar reads wordings
written for them."""
from __future__ import annotations

from pathlib import Path

from extraction.pipeline import audit

HEAD = "淮北市相山区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
TAIL = "\n二、主动公开政府信息情况\n略。\n五、存在的主要问题及改进情况\n无。\n"


def mentions(tmp_path: Path, sentence: str) -> list[tuple[float, str | None]]:
    """Given a sentence, return the (value, metric) of every figure the audit finds in it, unlinked ones as None."""
    path = tmp_path / "report.txt"
    path.write_text(HEAD + sentence + TAIL, encoding="utf-8")
    return [(m.value, m.metric) for m in audit(path).mentions]


def linked(tmp_path: Path, sentence: str) -> list[tuple[float, str]]:
    """Given a sentence, return the (value, metric) of the figures the audit links."""
    return [(v, m) for v, m in mentions(tmp_path, sentence) if m is not None]
