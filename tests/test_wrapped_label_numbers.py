"""A PDF library's text lines print a wrapped 表三 label's numbers after both of its lines, set midway down the cell
(5.属于三类内部事务信 / 息 / 5), its blank cells printing nothing: the numbers are that row's where the next line starts
a numbered label. Generated reports with their zeros blank, printed so, read as when each row prints on one line."""
from __future__ import annotations

import random
import re

import pytest

from evaluation.content import Table, content_of
from evaluation.mutations import as_text, grid_texts, render_html, rewrite, text_lines
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec

WRAP_AT = 9  # characters of a long label on its first line
NUMBERED = re.compile(r"^(?:\d{1,2}\.|[一二三四]、|（[一二三四五六七]）)")
NUMBER = re.compile(r"^\d+$")


def blank_zero(text: str) -> str:
    return "" if text.strip() == "0" else text


def wrapped(table: Table, numbers_first: bool = False) -> list[str]:
    """Given a table, return its rows as a PDF library's lines: blanks not printed, a long numbered label over two
    lines, its numbers (if any) on a line of their own after them; or, when `numbers_first`, every numbered row's
    numbers on a line of their own before its label."""
    lines: list[str] = []
    for row in grid_texts(table):
        texts = [t for t in row if t]
        numbers = [t for t in texts if NUMBER.match(t)]
        labels = [t for t in texts if not NUMBER.match(t)]
        label = labels[-1] if labels else ""
        if not NUMBERED.match(label) or not (numbers_first and numbers or len(label) > WRAP_AT + 2):
            lines.append(" ".join(texts))
            continue
        head = [" ".join(labels[:-1] + [label[:WRAP_AT]]), label[WRAP_AT:]] if len(label) > WRAP_AT + 2 else [" ".join(labels)]
        shown = [" ".join(numbers)] if numbers else []
        lines += [*shown, *head] if numbers_first else [*head, *shown]
    return lines


def one_line(table: Table) -> list[str]:
    """Given a table, return its rows with the printed cells on one line, blanks not at all."""
    return [" ".join(text for text in row if text) for row in grid_texts(table)]


def readings(seed: int, numbers_first: bool = False) -> tuple[dict, dict, dict]:
    """Given a seed, return the 表三 cells of a generated report with its zeros blank as a page, as its text with
    every row on one line, and as its text with long labels wrapped over their numbers."""
    year = 2020 if seed % 2 else 2022
    model = build_report(random.Random(seed), f"wrapped_{seed}", make_agency(random.Random(seed)), year, 0.0)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p, blank_zero)

    def cells(name: str, data: bytes) -> dict:
        return {k: c.value for k, c in audit(name, data).cells.items() if k.startswith("requests.")}

    page = cells("report.html", render_html(content))
    flat = cells("report.txt", as_text(text_lines(content, one_line)).data)
    lines = as_text(text_lines(content, lambda t: wrapped(t, numbers_first))).data
    return page, flat, cells("report.txt", lines)


@pytest.mark.parametrize("seed", range(8))
def test_numbers_after_a_wrapped_label_are_its_rows(seed: int) -> None:
    """Every 表三 cell read with the rows on one line is read alike with the long labels wrapped over their
    numbers; none differs from the page."""
    page, flat, text = readings(seed)
    assert {k: v for k, v in text.items() if v != page[k]} == {}
    assert text == flat


@pytest.mark.parametrize("seed", range(8))
def test_numbers_printed_before_their_label_are_not_taken_by_the_label_above(seed: int, monkeypatch) -> None:
    """Where a table prints its rows' numbers before their labels (a row of numbers alone right after a label whole
    on its line), the numbers after a wrapped label are the next row's: the rule takes none of them, and the table
    reads as without it."""
    import extraction.tables

    _, _, text = readings(seed, numbers_first=True)
    monkeypatch.setattr(extraction.tables, "_label_over", lambda *args: None)
    assert readings(seed, numbers_first=True)[2] == text


def total_wrapped(table: Table, wrap: str = "", misprint: bool = False) -> list[str]:
    """Given a table, return its 表三 rows as a PDF library's lines, every cell printed (a blank as 0); where `wrap`,
    the 总计 column is too narrow for two digits: a long label over two lines with the total's first digit on the
    first and the rest on the last, the other numbers on a line of their own between them ("around"), or the label
    and other numbers on one line and the total's two pieces alone after it ("after"); or the last part column
    (其他) too narrow: its first digit on the row's line, the rest and the total alone after it ("part"). Where `misprint`, each
    wrapped total's last piece is printed one more than it is (the row's parts no longer add to it)."""
    lines: list[str] = []
    for row in grid_texts(table):
        values = [t or "0" for t in row[-7:]]
        labels = [t for t in row[:-7] if t]
        if len(row) != 10 or not labels or not all(NUMBER.match(v) for v in values):
            lines.append(" ".join(t for t in row if t))
            continue
        total, parts, label = values[-1], " ".join(values[:-1]), labels[-1]
        if wrap == "part" and len(values[-2]) >= 2:
            lines += [" ".join(labels + values[:-2] + [values[-2][:1]]), values[-2][1:], str(int(total) + misprint)]
            continue
        if wrap not in ("around", "after") or len(total) < 2 or len(label) <= WRAP_AT + 2:
            lines.append(" ".join(labels + values))
            continue
        head, tail = total[:1], str(int(total[1:]) + misprint)
        if wrap == "after":
            lines += [" ".join(labels + [parts]), head, tail]
        else:
            lines += [" ".join(labels[:-1] + [label[:WRAP_AT], head]), parts, f"{label[WRAP_AT:]} {tail}"]
    return lines


def total_readings(seed: int, wrap: str, misprint: bool = False) -> tuple[dict, dict]:
    """Given a seed, return the 表三 cells of a generated report printed with every cell on its row's line, and with
    its totals wrapped."""
    model = build_report(random.Random(seed), f"total_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    content = content_of(read_source("report.html", render(model, "html")))

    def cells(printer) -> dict:
        data = as_text(text_lines(content, printer)).data
        return {k: c.value for k, c in audit("report.txt", data).cells.items() if k.startswith("requests.")}

    flat, text = cells(total_wrapped), cells(lambda t: total_wrapped(t, wrap, misprint))
    column = ".other_org" if wrap == "part" else ".total"
    assert any(v is not None and v >= 10 for k, v in flat.items() if k.endswith(column)), "nothing to wrap"
    return flat, text


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("wrap", ["around", "after"])
def test_a_total_wrapped_around_its_row_is_joined(seed: int, wrap: str) -> None:
    """Every 表三 cell is read alike where the totals' digits were wrapped over the label's lines or printed alone
    after the row, and as with each row on one line."""
    flat, text = total_readings(seed, wrap)
    assert text == flat


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("wrap", ["around", "after"])
def test_a_wrapped_total_its_parts_do_not_add_to_is_not_joined(seed: int, wrap: str) -> None:
    """Where a wrapped total's pieces do not make the sum of the row's parts, they are not joined: that row's total
    is left unread (no number no identity vouches for), and no cell is read other than with each row on one line."""
    flat, text = total_readings(seed, wrap, misprint=True)
    long_labels = [f"requests.{r.key}.total" for r in load_spec().versions["v2021"].requests_rows if len(r.label) > WRAP_AT + 2]
    wrapped_totals = [k for k in long_labels if (flat.get(k) or 0) >= 10]
    assert wrapped_totals and not any(k in text for k in wrapped_totals)
    assert {k: v for k, v in text.items() if v != flat.get(k) and k not in wrapped_totals} == {}


@pytest.mark.parametrize("misprint", [False, True])
def test_a_last_part_wrapped_after_its_row_is_joined(misprint: bool) -> None:
    """The narrow 其他 column's digits wrapped: its first digit on the row's line, the rest and the total alone after
    it (…158 8 / 6 / 2795). Joined where the parts then add to the total; where they do not (the total misprinted),
    that row is left unread and no cell is read otherwise than with each row on one line."""
    flat, text = total_readings(9, "part")  # a generated report printing 其他 of 10 or more
    if not misprint:
        assert text == flat
        return
    flat, text = total_readings(9, "part", misprint=True)
    assert {k: v for k, v in text.items() if v != flat.get(k)} == {}


def test_digits_wrapped_after_a_tables_last_row_stay_in_its_table() -> None:
    """A row's wrapped digits printed alone right before a line that ends the table (a wrapped label with a comma)
    are the row's, not lines under the table: the row is read."""
    from pathlib import Path

    from extraction.ingest.text import read_text
    from extraction.tables import parse_tables

    lines = ["申请人情况", "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
             "一、本年新收政府信息公开申请数量 2233 259 25 34 158 86 2795", "二、上年结转政府信息公开申请数量 144 14 0 0 0 0 158",
             "三、本年度办理结果", "（一）予以公开 213 25 4 7 18 1", "3", "280", "（二）部分公开（", "区分处理的，只计",
             "这一情形，不计其", "他情形）", "745 80 6 11 47 20 909"]
    cells = parse_tables(read_text(Path("r.txt"), "\n".join(lines).encode("utf-8"), "0").tables, 2021).cells
    assert cells["requests.result.disclosed.other_org"].value == 13
    assert cells["requests.result.disclosed.total"].value == 280
