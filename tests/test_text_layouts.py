"""Text layouts of real reports (issue 9): a browser copy, whitespace columns, a markdown converter's output and
one cell per line read the same cells as the report they were laid out from; what a layout cannot tell is left
unread. The variants are built in the test from the report (evaluation/mutations.py)."""
from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from evaluation.content import content_of, filled
from evaluation.mutations import MUTATIONS
from extraction.document import Cell, Where
from extraction.ingest import read_source
from extraction.ingest import text as text_layout
from extraction.ingest.text import WIDE_BLOCKS, column_grid, display_width, read_text
from extraction.pipeline import audit
from extraction.placement import row_candidates
from extraction.tables import AMBIGUOUS, parse_tables

from conftest import REAL, REPO, SEED

SHANGHAI = REAL / "shanghai_govoffice_2019.html"  # 2019 表二 with spans that do not line up, all-blank columns
PINGTAN = REAL / "pingtan_2021.html"  # 表二 as one table under one-cell caption rows
SYNTHETIC = REPO / "corpus" / "synthetic"


def relaid(path: Path, mutation: str, tmp_path: Path) -> Path:
    """Given a report and a mutation, return the file of the report laid out that way."""
    if not path.exists():
        pytest.skip(f"{path} not present (a fresh clone without ../shared)")
    variant = MUTATIONS[mutation](content_of(read_source(path)))
    out = tmp_path / f"{path.stem}.{mutation}.{variant.extension}"
    out.write_bytes(variant.data)
    return out


def cells_of(path: Path) -> dict[str, object]:
    return {k: c.value for k, c in audit(path).cells.items()}


def findings_of(path: Path) -> set[tuple[str, str | None]]:
    return {(f.rule, f.fields.get("identity")) for f in audit(path).findings}


@pytest.mark.parametrize("path, mutation", [
    (SEED, "browser-copy"),  # rows under a label spanning rows start with a TAB; 表二's two-cell rows have one TAB
    (SHANGHAI, "browser-copy"),  # 表二 headers repeat a spanned label; a 2019 row of blanks
    (PINGTAN, "browser-copy"),  # caption rows repeat their text across the table
    (SHANGHAI, "whitespace-columns"),  # blank cells print nothing; headers aligned with the values
    (SEED, "whitespace-columns"),
    (SYNTHETIC / "synth_2_010.txt", "markdown-converter"),  # rows that printed only their figures
    (SYNTHETIC / "synth_2_011.md", "markdown-converter"),  # a row_total error: its leading 0 is printed, not dropped
    (SYNTHETIC / "synth_2_011.md", "cell-per-line"),
])
def test_text_layout_reads_what_the_report_reads(path: Path, mutation: str, tmp_path: Path) -> None:
    variant = relaid(path, mutation, tmp_path)
    assert cells_of(variant) == cells_of(path)
    assert findings_of(variant) == findings_of(path)


def test_caption_row_spans_the_table_not_the_number_above() -> None:
    grid = (("第二十条第（一）项", None, None), ("规范性文件", "69", "3"), ("第二十条第（五）项", None, None),
            ("信息内容", "本年处理决定数量", None), ("行政许可", "2293", None))
    rows = filled(grid)
    assert rows[2] == ["第二十条第（五）项"] * 3
    assert rows[4] == ["行政许可", "2293", "2293"]


def _tab_report(active_rows: list[str]) -> bytes:
    lines = ["信息内容\t本年新制作数量\t本年新公开数量\t本年新公开数量\t对外公开总数量", *active_rows,
             "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5", "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"]
    return "\n".join(lines).encode("utf-8")


def test_repeated_span_positions_that_differ_are_left_unread() -> None:
    source = read_text(Path("r.txt"), _tab_report(["规章\t13\t13\t14\t524"]), "0")
    parsed = parse_tables(source.tables, 2019)
    assert parsed.cells["active.rules.new_made"].value == 13
    assert parsed.cells["active.rules.total_published"].value == 524
    assert "active.rules.new_published" not in parsed.cells
    assert parsed.unread["active.rules.new_published"] == AMBIGUOUS


def test_repeated_span_positions_that_agree_read_one_cell() -> None:
    source = read_text(Path("r.txt"), _tab_report(["规章\t13\t12\t12\t524"]), "0")
    parsed = parse_tables(source.tables, 2019)
    assert [parsed.cells[f"active.rules.{k}"].value for k in ("new_made", "new_published", "total_published")] == [13, 12, 524]


def test_whitespace_columns_need_headers_aligned_with_the_values() -> None:
    aligned = [(1, "信息内容    自然人    商业企业    总计"), (2, "一、新收    5                     5"),
               (3, "二、结转"), (4, "三、总计    7         1           8")]
    assert column_grid(aligned) == [(1, ["信息内容", "自然人", "商业企业", "总计"]), (2, ["一、新收", "5", "", "5"]),
                                    (3, ["二、结转", "", "", ""]), (4, ["三、总计", "7", "1", "8"])]
    centred = [(1, "信息内容     自然人   商业企业   总计"), (2, "一、新收    5                     5")]
    assert column_grid(centred) is None  # the blanks' places cannot be told: the row keeps only what it prints


def test_printed_number_is_not_dropped_while_a_blank_cell_can_be() -> None:
    row = [Cell(t, Where(line=1)) for t in ["0", "0", "0", "0", "0", "0", "2", ""]]
    readings = [[c.text for c in r.cells] for r in row_candidates(row, 7)]
    assert readings == [["0", "0", "0", "0", "0", "0", "2"]]


def test_display_width_counts_wide_characters_as_unicodedata_does() -> None:
    """The blocks counted two in one pass hold wide and full-width characters only, and a line mixing them with
    ASCII, ambiguous-width marks (“”…—) and other scripts measures as unicodedata's per-character widths add up."""
    ranges = re.findall(r"(.)-(.)", WIDE_BLOCKS.pattern)
    assert ranges
    assert all(unicodedata.east_asian_width(chr(cp)) in "WF" for low, high in ranges for cp in range(ord(low), ord(high) + 1))
    lines = ["本年新收申请 56 件", "“依申请公开”……——ＡＢ１２", "한국어 かな ｶﾅ Ελληνικά é", "\u303f〿\u3248⑴", ""]
    for line in lines:
        assert display_width(line) == sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_layout_line_patterns_count_as_the_line_tests() -> None:
    """Layout detection counts lines of the whole text in one regex pass per test: each pass counts the lines its line
    test accepts, on random lines of the characters those tests turn on (a space that is not a line break among them)."""
    flattened_number = re.compile(rf"^\t\s*{text_layout.NUMBER}\s*$")
    line_tests = {
        text_layout.FLATTENED_NUMBER_LINE: lambda line: bool(flattened_number.match(line)),
        text_layout.MARKDOWN_SEPARATOR_LINE: lambda line: "|" in line and bool(text_layout.MARKDOWN_SEPARATOR.match(line)),
        text_layout.TAB_ROW_LINE: text_layout.is_tab_row,
        text_layout.CELL_LINE_LINE: lambda line: bool(text_layout.CELL_LINE.match(line)),
        text_layout.TWO_PIPE_CELLS_LINE: lambda line: len([c for c in text_layout.pipe_cells(line) if c]) >= 2,
        text_layout.PIPE_ROW_LINE: text_layout.is_pipe_row,
    }
    pieces = [*"||\t\t  --:12.,%+表", "\u3000", "\x0b", "\x1c", "\x85", "\u2028", "\xa0", "---", "\t5", " | "]
    rng = random.Random(20261207)
    accepted = dict.fromkeys(line_tests, 0)
    for _ in range(3000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 20))]
        text = "\n" + "\n".join(lines)
        for pattern, line_test in line_tests.items():
            count = sum(map(line_test, lines))
            assert len(pattern.findall(text)) == count, (pattern.pattern, lines)
            accepted[pattern] += count
    assert all(accepted.values())
