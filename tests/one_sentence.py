"""A report whose narrative is one sentence under a title and headings: for tests of how the grammar reads wordings
written for them."""
from __future__ import annotations

from pathlib import Path

from extraction.pipeline import audit

HEAD = "淮北市相山区人民政府{year}年政府信息公开工作年度报告\n一、总体情况\n"
TAIL = "\n二、主动公开政府信息情况\n略。\n五、存在的主要问题及改进情况\n无。\n"


def mentions(tmp_path: Path, sentence: str, year: int = 2023) -> list[tuple[float, str | None]]:
    """Given a sentence (and the report's year: 2023, of the 2021 format, unless told), return the (value, metric)
    of every figure the audit finds in it, unlinked ones as None."""
    path = tmp_path / "report.txt"
    path.write_text(HEAD.format(year=year) + sentence + TAIL, encoding="utf-8")
    return [(m.value, m.metric) for m in audit(path).mentions]


def linked(tmp_path: Path, sentence: str, year: int = 2023) -> list[tuple[float, str]]:
    """Given a sentence (and the report's year), return the (value, metric) of the figures the audit links."""
    return [(v, m) for v, m in mentions(tmp_path, sentence, year) if m is not None]
