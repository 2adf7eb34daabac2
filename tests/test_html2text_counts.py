"""html2text wraps a page's paragraphs only at spaces: a CJK run longer than its width goes on to the next space, so
a line breaks right before a count where the page prints a space before it (结果维持 / 3件，) or before its unit
where the space falls there (另有 103 / 件顺延…). Such a line goes on with the sentence: every figure links as in the
report."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from evaluation.content import content_of
from evaluation.mutations import html2text_markdown, missing_tool, rewrite
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.segment import hard_wraps
from extraction.document import TextLine, Where

SYNTHETIC = Path(__file__).resolve().parents[1] / "corpus" / "synthetic"
COUNT = re.compile(r"\s*(\d+)\s*(件|条|个|项)")


def linked(path: Path, data: bytes) -> Counter[tuple[float, str]]:
    """Given a file's name and bytes, return its linked mentions as (value, metric)."""
    return Counter((m.value, m.metric) for m in audit(path, data).mentions if m.metric)


@pytest.mark.parametrize("name", ["synth_2_000.pdf", "synth_2_010.txt"])
@pytest.mark.parametrize("spaced", [r" \1\2", r"\1 \2"])
def test_a_line_broken_at_a_counts_space_links_as_the_report(name: str, spaced: str) -> None:
    """Paragraphs printing one space before each count (申请 57件) or between a count and its unit (申请57 件) wrap
    there; every figure links as in the report."""
    if (why := missing_tool("html2text")) is not None:
        pytest.skip(why)
    document = SYNTHETIC / name
    content = rewrite(content_of(read_source(document)), lambda p: COUNT.sub(spaced, p), lambda c: c)
    variant = html2text_markdown(content)
    assert linked(Path("r.md"), variant.data) == linked(document, document.read_bytes())


def test_a_count_starting_a_line_goes_on_only_a_phrase_left_open() -> None:
    """A line starting with a count and its unit continues a line as long as a wrapped one that stops mid-phrase, not
    one ending a sentence; a line starting with a unit continues a line ending in a number."""
    def lines(*texts: str) -> list[TextLine]:
        return [TextLine(text, Where(line=n)) for n, text in enumerate(texts, start=1)]

    assert hard_wraps(lines("因政府信息公开工作全年被申请行政复议8件，其中结果维持", "3件，结果纠正1件。")) == {0}
    assert hard_wraps(lines("上年结转", "2件，本年度办结。")) == set()  # a line as short as a label stays its own
    assert hard_wraps(lines("全年办结。", "3件申请已转办。")) == set()
    assert hard_wraps(lines("另有 103", "件顺延到下年度答复。")) == {0}
    assert hard_wraps(lines("（二）依申请公开情况", "2023年全区受理申请。")) == set()
