"""The robustness harness: mutations keep the content (spans, paragraphs, every printed number), the comparison
blames the side the gold disagrees with, the gate fails below its bounds, and the harness runs end to end on the
seed and on a real report."""
from __future__ import annotations

import io
import random
import re
import unicodedata
from collections import Counter

import lxml.html
import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.content import Content, Table, content_of, filled, is_number
from evaluation.mutations import MUTATIONS, REWRITES, TOOLS, pdf_from_html, plain, rewrite
from evaluation.robustness import Gate, Invariance, check_document, compare, reading_of
from evaluation.run import load_gold
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.ingest.html import PARSER, table_grid
from tests.conftest import SEED

PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HTML_MUTATIONS = ["html", *REWRITES]
PDF_TEXT_MUTATIONS = ("pdfminer-text", "pdfium-text")  # a PDF's text export: paragraphs wrapped at the page width
CONVERTER_MUTATIONS = (*TOOLS, "pdfplumber-text", "pdfplumber-layout")  # real tools: tests/test_converter_layouts.py
TEXT_MUTATIONS = [name for name in MUTATIONS if name not in
                  (*HTML_MUTATIONS, "html-empty-rows-columns", "pdf-from-html", *PDF_TEXT_MUTATIONS, *CONVERTER_MUTATIONS)]
NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")
GENERIC_HEADS = re.compile(r"数据\d+")


@st.composite
def generated_content(draw: st.DrawFn) -> Content:
    """The content of a random valid synthetic report (either version, any level), read from its HTML."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    year = draw(st.integers(2019, 2024))
    model = build_report(rng, f"prop_{year}", make_agency(rng), year, 0.0)
    return content_of(read_source("report.html", render(model, "html")))


@st.composite
def spanned_tables(draw: st.DrawFn) -> str:
    """A random HTML table whose cells have random rowspans and colspans."""
    rows = []
    for r in range(draw(st.integers(1, 6))):
        cells = []
        for c in range(draw(st.integers(1, 5))):
            rowspan, colspan = draw(st.integers(1, 3)), draw(st.integers(1, 3))
            text = draw(st.sampled_from(["", "0", "12", "标签", f"r{r}c{c}"]))
            cells.append(f'<td rowspan="{rowspan}" colspan="{colspan}">{text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def grid_of(html: str) -> tuple[tuple[str | None, ...], ...]:
    """Given an HTML fragment with one table, return its expanded grid of texts as ingest reads it."""
    table = lxml.html.document_fromstring(html, parser=PARSER).find(".//table")
    return tuple(tuple(None if cell is None else (cell.text or "") for cell in row) for row in table_grid(table))


@settings(max_examples=200, deadline=None)
@given(html=spanned_tables())
def test_inferred_spans_keep_every_cell_in_place(html: str) -> None:
    """Whatever spans a table had, laying its expanded grid out again puts every printed cell where it was; a
    position ingest left None either stays None or (a hole no span could have made) prints as an empty cell.
    The national tables' spans come back exactly (test_html_mutations_keep_the_content_exactly)."""
    grid = grid_of(html)
    variant = MUTATIONS["html"](Content("", (Table(grid),))).data.decode("utf-8")
    got = grid_of(variant)
    assert len(got) == len(grid)
    for before, after in zip(grid, got):
        assert len(after) <= len(before)
        assert all(b == a or (b is None and a in (None, "")) for b, a in zip(before, after)), (before, after)
        assert all(b is None for b in before[len(after):])


@PROPERTY
@given(content=generated_content())
def test_html_mutations_keep_the_content_exactly(content: Content) -> None:
    """The control and the text rewrites read back as the (rewritten) content: every paragraph, cell and span."""
    for name in HTML_MUTATIONS:
        paragraph, cell = REWRITES.get(name, (str, str))
        expected = rewrite(content, paragraph, cell)
        got = content_of(read_source(f"report.{name}.html", MUTATIONS[name](content).data))
        assert got.blocks == expected.blocks, name


def numbers_in(text: str) -> Counter[str]:
    """Given text, return the numbers printed in it (full-width digits and thousands separators normalised)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", unicodedata.normalize("NFKC", text))
    return Counter(NUMBER_TOKEN.findall(text))


def cell_numbers(content: Content, spans_repeated: bool = False) -> Counter[str]:
    """Given content, return the numbers its table cells print (each covered position too when spans repeat)."""
    counts: Counter[str] = Counter()
    for table in content.tables():
        texts = [t for row in filled(table.rows) for t in row] if spans_repeated else table.texts()
        for text in texts:
            if is_number(text):
                counts += numbers_in(plain(text))
    return counts


@PROPERTY
@given(content=generated_content())
def test_text_mutations_keep_every_paragraph_and_number(content: Content) -> None:
    """Every text layout prints every paragraph and, at least as often, every number the tables print."""
    for name in TEXT_MUTATIONS:
        variant = MUTATIONS[name](content)
        assert variant is not None, name
        text = variant.data.decode("utf-8")
        for paragraph in content.paragraphs():
            assert paragraph in text, (name, paragraph)
        if name == "scraper-concatenated":
            for table in content.tables():
                assert "".join(plain(t) for t in table.texts()) in text
            continue
        printed = numbers_in(GENERIC_HEADS.sub("", text))
        expected = cell_numbers(content, spans_repeated=name == "browser-copy")
        assert not expected - printed, (name, expected - printed)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=generated_content())
def test_printed_pdf_keeps_every_number(content: Content) -> None:
    """The PDF printed from the HTML shows every number of the tables and of the text."""
    with pdfplumber.open(io.BytesIO(pdf_from_html(content).data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    expected = cell_numbers(content) + sum((numbers_in(p) for p in content.paragraphs()), Counter())
    assert not expected - numbers_in(text)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=generated_content())
def test_pdf_text_exports_keep_every_number(content: Content) -> None:
    """The text pdfminer and PDFium export of the printed PDF shows every number of the tables."""
    for name in PDF_TEXT_MUTATIONS:
        text = MUTATIONS[name](content).data.decode("utf-8")
        assert not cell_numbers(content) - numbers_in(text), name


def test_extra_empty_rows_and_columns_add_only_empty_cells() -> None:
    """The HTML with empty rows and columns holds the original's cells and nothing else but blanks."""
    content = content_of(read_source(SEED))
    got = content_of(read_source("seed.html", MUTATIONS["html-empty-rows-columns"](content).data))
    assert [t for table in got.tables() for t in table.texts() if t] == [t for table in content.tables() for t in table.texts() if t]


def test_comparison_blames_the_side_the_gold_disagrees_with() -> None:
    gold = {"cells": {"a": 1, "b": 2}, "mentions": [{"value": 5, "metric": "m"}],
            "findings": [{"rule": "table_identity", "identity": "T3.balance"}]}
    original = reading_of({"cells": {"a": {"value": 1}, "b": {"value": 3}}, "mentions": [{"value": 5, "metric": "m"}],
                           "findings": [{"rule": "table_identity", "severity": "error", "identity": "T3.balance"}]})
    variant = reading_of({"cells": {"a": {"value": 7}, "b": {"value": 2}}, "mentions": [{"value": 5, "metric": "x"}],
                          "findings": [{"rule": "table_identity", "severity": "error", "identity": "T3.row_total"}]})
    result = compare(original, variant, gold)
    blamed = {(d.kind, d.name): d.wrong for d in result.differences}
    assert blamed[("cell", "a")] == "variant" and blamed[("cell", "b")] == "original"
    assert blamed[("mention", "(5.0, 'x')")] == "variant" and blamed[("mention", "(5.0, 'm')")] == "variant"
    assert (result.cells_identical, result.cells_compared, result.mentions_identical) == (0, 2, 0)
    assert (result.findings_extra, result.findings_missing, result.false_table_errors) == (1, 1, 1)
    assert compare(original, original, gold).identical


def test_gate_names_every_figure_below_its_bound() -> None:
    totals = {"a": Invariance(documents=2, cells_identical=99, cells_compared=100, mentions_identical=5,
                              mentions_compared=5, findings_identical=2),
              "b": Invariance(documents=2, cells_identical=10, cells_compared=10, findings_identical=1, false_table_errors=3)}
    assert Gate(("a",), min_cells=0.99).failures(totals) == []
    assert Gate(("a",)).failures(totals) == ["a: cells identical 0.9900 < 1.0"]
    assert Gate(("b",)).failures(totals) == ["b: findings identical 0.5000 < 1.0", "b: 3 false table_identity errors > 0"]
    assert Gate.parse("a=0.99,b", min_findings=0.5, max_false_table_errors=3).failures(totals) == []


def run_all(document) -> dict[str, object]:
    comparisons, skipped, notes = check_document(document, load_gold(document), list(MUTATIONS))
    assert notes == []
    by_name = {c.mutation: c for c in comparisons}
    assert set(by_name) | set(skipped) == set(MUTATIONS)
    return by_name


def test_harness_on_the_seed() -> None:
    """Every mutation lays the seed out and is audited; the control changes nothing."""
    by_name = run_all(SEED)
    assert by_name["html"].identical
    assert all(c.cells_compared >= 190 for c in by_name.values())


def test_harness_on_a_real_report(real_dir) -> None:
    by_name = run_all(real_dir / "pingtan_2021.html")
    assert by_name["html"].identical
    assert by_name["pdf-from-html"].format == "pdf" and by_name["markdown-converter"].format == "markdown"
    assert all(c.cells_compared >= 190 for c in by_name.values())
