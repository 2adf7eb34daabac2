"""Metamorphic mutations: the same report content laid out the way people actually receive it.

Each mutation is a pure function of a report's `Content` that returns the file of the variant (its bytes and
extension), or None when the layout does not apply to that report (a 表四 that is not one 15-column table cannot
be split into its three parts). A mutation changes the layout or the script, never what the report says: every
paragraph and every printed number is in the variant.
"""
from __future__ import annotations

import importlib.util
import io
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from evaluation.content import (Content, Grid, Table, filled, has_number, header_rows, is_number, mentions_text,
                                spanned_rows)

HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")
MAX_HEADING_CHARS = 40
REVIEW_PARTS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
REVIEW_COLUMNS = 15
REVIEW_PART_COLUMNS = 5
GENERIC_HEAD = "数据{}"
GENERIC_TOTAL = "总计"
DUMMY = "-"
UNITS = "件|个|条|项|次|人次|万元|元|篇|期|场|户|家|份|人"
UNIT_NUMBER = re.compile(rf"(\d)({UNITS})")
# A figure of four or more digits before a unit, not part of a longer number or a year (2021年 has no unit here).
LONG_NUMBER = re.compile(rf"(?<![\d.,，])(\d{{4,}})(?=(?:\.\d+)?\s*(?:{UNITS}))")
LONG_CELL = re.compile(r"^(\d{4,})((?:\.\d+)?)$")
FULL_WIDTH = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})
WHITESPACE_GAP = 3  # spaces between whitespace columns at least


@dataclass(frozen=True)
class Variant:
    """A mutated report: the file's bytes and the extension it would be saved with."""

    data: bytes
    extension: str


Mutation = Callable[[Content], Variant | None]


def plain(text: str) -> str:
    """Given a cell's text, return it on one line (in-cell breaks dropped: CJK labels wrap without a space)."""
    return "".join(part.strip() for part in text.split("\n"))


def title_lines(content: Content) -> list[str]:
    """Given content, return the title as a first line when the page printed it only as metadata."""
    paragraphs = content.paragraphs()
    return [content.title] if content.title and (not paragraphs or content.title not in paragraphs[0]) else []


# HTML -----------------------------------------------------------------------------------------------------------

def td(text: str, rowspan: int, colspan: int) -> str:
    """Given a cell's text and spans, return its <td> (line breaks as <br>)."""
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{attrs}>{'<br>'.join(escape(part) for part in text.split(chr(10)))}</td>"


def html_table(rows: Grid, empty_rows: bool = False, empty_columns: bool = False) -> str:
    """Given a grid, return a <table> with the spans that cover its None positions (and, when asked, an empty
    row after the header and at the end, and an empty column before the first number column and at the right edge)."""
    head = header_rows(rows)
    numbers = min((next(c for c, t in enumerate(row) if is_number(t)) for row in rows if has_number(row)), default=0)
    extra = ["<td></td>"] if empty_columns and numbers else []
    width = max((len(row) for row in rows), default=0) + len(extra) + empty_columns
    empty_row = "<tr>" + "<td></td>" * width + "</tr>"
    out: list[str] = []
    for r, cells in enumerate(spanned_rows(rows)):
        if empty_rows and r == head and head:
            out.append(empty_row)
        tds = [td(*x[1:]) for x in cells if x[0] < numbers] + extra + [td(*x[1:]) for x in cells if x[0] >= numbers]
        if empty_columns:
            tds.append("<td></td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    if empty_rows:
        out.append(empty_row)
    return '<table border="1">\n' + "\n".join(out) + "\n</table>"


def render_html(content: Content, empty_rows: bool = False, empty_columns: bool = False) -> bytes:
    """Given content, return it as an HTML page: paragraphs as <p>, tables with their spans."""
    body = [f"<p>{escape(b)}</p>" if isinstance(b, str) else html_table(b.rows, empty_rows, empty_columns)
            for b in content.blocks]
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{escape(content.title)}</title>\n'
            f"</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
    return page.encode("utf-8")


# Text layouts -----------------------------------------------------------------------------------------------------

def text_lines(content: Content, table_lines: Callable[[Table], list[str]], heading: Callable[[str], str] = str,
               gap: bool = True) -> list[str]:
    """Given content, a table printer and a heading style, return the document's lines (a blank line after each
    block when `gap`)."""
    lines: list[str] = []
    for block in [*title_lines(content), *content.blocks]:
        lines += [heading(block)] if isinstance(block, str) else table_lines(block)
        if gap:
            lines.append("")
    return lines


def as_text(lines: list[str], extension: str = "txt") -> Variant:
    """Given a document's lines, return the UTF-8 text file."""
    return Variant("\n".join(lines).encode("utf-8") + b"\n", extension)


def markdown_heading(paragraph: str) -> str:
    """Given a paragraph, return it as a markdown heading when it is a short numbered heading (一、 ## ; （一） ###)."""
    if len(paragraph) > MAX_HEADING_CHARS:
        return paragraph
    if HEADING.match(paragraph):
        return "## " + paragraph
    if SUBHEADING.match(paragraph):
        return "### " + paragraph
    return paragraph


def pipe_row(texts: list[str], trailing_empty: bool = False) -> str:
    """Given cell texts, return a markdown table row (with one more, empty cell at the end when asked)."""
    return "| " + " | ".join(texts + ([""] if trailing_empty else [])) + " |"


def markdown_rows(rows: list[list[str]], trailing_empty: bool = False) -> list[str]:
    """Given rows of cell texts, return a markdown table: the first row, its separator, the rest."""
    if not rows:
        return []
    width = max(len(row) for row in rows) + trailing_empty
    lines = [pipe_row(rows[0], trailing_empty), "|" + "---|" * width]
    return lines + [pipe_row(row, trailing_empty) for row in rows[1:]]


def grid_texts(table: Table) -> list[list[str]]:
    """Given a table, return its rows with covered positions as empty cells (as converters print merges)."""
    return [[plain(t) if t is not None else "" for t in row] for row in table.rows]


def markdown_table(table: Table, trailing_empty: bool = False) -> list[str]:
    """Given a table, return it as a markdown table, merged positions empty."""
    return markdown_rows(grid_texts(table), trailing_empty)


def markdown_document(content: Content, table_lines: Callable[[Table], list[str]] = markdown_table) -> Variant:
    """Given content and a table printer, return the markdown file: numbered headings as ##/###."""
    return as_text(text_lines(content, table_lines, markdown_heading), "md")


# The mutations ----------------------------------------------------------------------------------------------------

def html(content: Content) -> Variant:
    """The control: the same content as plain HTML (a difference here is the harness's, not a layout's)."""
    return Variant(render_html(content), "html")


def html_empty_rows_columns(content: Content) -> Variant:
    """HTML whose tables carry an empty row after the header and at the end, and an empty column after the
    labels and at the right edge (Word's extra grid columns)."""
    return Variant(render_html(content, empty_rows=True, empty_columns=True), "html")


def markdown_converter(content: Content) -> Variant:
    """Markdown from a PDF converter: headings as ##/###, every table row ending with an empty cell."""
    return markdown_document(content, lambda t: markdown_table(t, trailing_empty=True))


def review_data_row(table: Table) -> int | None:
    """Given a table, return the index of 表四's 15-number data row under a header row as wide, or None when the
    table is not 表四 printed as one table."""
    if not mentions_text(table, "行政复议", "行政诉讼"):
        return None
    return next((r for r, row in enumerate(table.rows)
                 if sum(is_number(t) for t in row) == REVIEW_COLUMNS and r and len(table.rows[r - 1]) >= len(row)), None)


def is_review_table(table: Table) -> bool:
    """Given a table, return whether it is 表四 printed as one table with a 15-number data row."""
    return review_data_row(table) is not None


def head_above(rows: list[list[str]], r: int, c: int) -> str:
    """Given a grid with spans filled, a data row and a column, return the nearest text printed above it in that
    column (a layout without spans leaves the positions a rowspan would cover empty: 行政复议's 结果维持 sits two
    rows up)."""
    return next((rows[k][c] for k in range(r - 1, -1, -1) if c < len(rows[k]) and rows[k][c].strip()), "")


def review_parts(table: Table) -> list[str]:
    """Given 表四 as one table, return it as three small tables under captions, each with its own
    结果维持…总计 header (the header text above each number)."""
    rows = filled(table.rows)
    r = review_data_row(table)
    data = rows[r]
    columns = [c for c, t in enumerate(data) if is_number(t)]
    lines: list[str] = []
    for k, caption in enumerate(REVIEW_PARTS):
        part = columns[k * REVIEW_PART_COLUMNS:(k + 1) * REVIEW_PART_COLUMNS]
        lines += ["### " + caption, ""]
        lines += markdown_rows([[plain(head_above(rows, r, c)) for c in part], [data[c] for c in part]]) + [""]
    return lines


def review_split(content: Content) -> Variant | None:
    """Markdown whose 表四 is three small tables under captions (### 行政复议, ### 行政诉讼（…）)."""
    if not any(is_review_table(t) for t in content.tables()):
        return None
    return markdown_document(content, lambda t: review_parts(t) if is_review_table(t) else markdown_table(t))


def is_active_table(table: Table) -> bool:
    """Given a table, return whether it is 表二 (active disclosure: 信息内容 headers, no applicant columns)."""
    return mentions_text(table, "信息内容") and not mentions_text(table, "自然人")


def label_number_lines(table: Table) -> list[str]:
    """Given 表二, return it as lines: captions and headers as they are, each row as its label and numbers."""
    lines = []
    for row in table.rows:
        texts = [plain(t) for t in row if t]
        if texts:
            lines.append(" ".join(texts))
    return lines


def active_lines(content: Content) -> Variant | None:
    """Markdown whose 表二 is printed as label-number lines after its captions (行政许可 97)."""
    if not any(is_active_table(t) for t in content.tables()):
        return None
    return markdown_document(content, lambda t: label_number_lines(t) if is_active_table(t) else markdown_table(t))


def is_requests_table(table: Table) -> bool:
    """Given a table, return whether it holds 表三's header (申请人情况 columns)."""
    return mentions_text(table, "自然人")


def dummy_header_lines(table: Table) -> list[str]:
    """Given 表三, return its header as a dummy table with '-' in every merged position, then the body under
    generic column headers (数据1…, 总计) with the header's last row (商业企业…其他) strayed into the middle."""
    rows = grid_texts(table)
    head = header_rows(table.rows)
    header = [[t or DUMMY for t in row] for row in rows[:head]]
    body = rows[head:]
    if not header or not body:
        return markdown_rows(rows)
    numbers = [c for c, t in enumerate(body[0]) if is_number(t)]
    generic = [DUMMY] * len(body[0])
    for k, c in enumerate(numbers):
        generic[c] = GENERIC_TOTAL if k == len(numbers) - 1 else GENERIC_HEAD.format(k + 1)
    stray = rows[head - 1]
    middle = len(body) // 2
    return markdown_rows(header) + [""] + markdown_rows([generic, *body[:middle], stray, *body[middle:]])


def dummy_headers(content: Content) -> Variant | None:
    """Markdown whose 表三 header is a dummy table of '-', the body under 数据1…数据6/总计 with a stray header row."""
    if not any(is_requests_table(t) for t in content.tables()):
        return None
    return markdown_document(content, lambda t: dummy_header_lines(t) if is_requests_table(t) else markdown_table(t))


def browser_copy(content: Content) -> Variant:
    """A browser copy-paste: one row a line, cells separated by tabs, a span's text repeated in every position."""
    return as_text(text_lines(content, lambda t: ["\t".join(plain(x) for x in row) for row in filled(t.rows)], gap=False))


def scraper_concatenated(content: Content) -> Variant:
    """A page scraper's text export: every table one line, its cells' texts joined with no separator."""
    return as_text(text_lines(content, lambda t: ["".join(plain(x) for x in t.texts())], gap=False))


def cell_lines(table: Table) -> list[str]:
    """Given a table, return one line per printed cell, "text |" (a blank cell a lone "|"), each followed by a line
    of pipes for the columns it spans beyond its first."""
    lines: list[str] = []
    for cells in spanned_rows(table.rows):
        for _, text, _, colspan in cells:
            lines.append(f"{plain(text)} |" if plain(text) else "|")
            if colspan > 1:
                lines.append("|" * (colspan - 1))
    return lines


def cell_per_line(content: Content) -> Variant:
    """One cell per line as a page scraper flattens HTML: "text |", spans as lines of pipes, no row ends."""
    return as_text(text_lines(content, cell_lines, gap=False))


def display_width(text: str) -> int:
    """Given text, return its width in monospace columns (CJK characters are two wide)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def whitespace_table(table: Table) -> list[str]:
    """Given a table, return its rows with cells padded into columns by spaces (covered positions blank)."""
    rows = grid_texts(table)
    width = max(len(row) for row in rows)
    sizes = [max((display_width(row[c]) for row in rows if c < len(row)), default=0) for c in range(width)]
    return ["".join(t + " " * (sizes[c] - display_width(t) + WHITESPACE_GAP) for c, t in enumerate(row)).rstrip()
            for row in rows]


def whitespace_columns(content: Content) -> Variant:
    """Plain text with every table printed as whitespace-aligned columns."""
    return as_text(text_lines(content, whitespace_table))


def rewrite(content: Content, paragraph: Callable[[str], str], cell: Callable[[str], str]) -> Content:
    """Given content and text rewrites for paragraphs and for table cells, return the rewritten content."""
    def table(t: Table) -> Table:
        return Table(tuple(tuple(None if x is None else cell(x) for x in row) for row in t.rows))
    blocks = tuple(paragraph(b) if isinstance(b, str) else table(b) for b in content.blocks)
    return Content(paragraph(content.title), blocks)


def spaced(text: str) -> str:
    """Given text, return it with a space between every number and its unit (749件 → 749 件)."""
    return UNIT_NUMBER.sub(r"\1 \2", text)


def grouped(digits: str) -> str:
    """Given a run of digits, return it with thousands separators (1234567 → 1,234,567)."""
    return f"{int(digits):,}"


def grouped_text(text: str) -> str:
    """Given running text, return it with thousands separators in figures of four or more digits before a unit
    (years, dates and document numbers stay as printed)."""
    return LONG_NUMBER.sub(lambda m: grouped(m.group(1)), text)


def grouped_cell(text: str) -> str:
    """Given a cell's text, return it with thousands separators when it is a number of four or more digits."""
    match = LONG_CELL.match(text.strip())
    return grouped(match.group(1)) + match.group(2) if match else text


def wide(text: str) -> str:
    """Given text, return it with every digit full-width (０１２…)."""
    return text.translate(FULL_WIDTH)


@lru_cache(maxsize=1)
def converter() -> Callable[[str], str]:
    """Return OpenCC's simplified → traditional converter (loaded once)."""
    import opencc

    return opencc.OpenCC("s2t").convert


def to_traditional(text: str) -> str:
    """Given text, return it in traditional script (characters change, digits and punctuation do not)."""
    return converter()(text)


# mutation name -> (rewrite of running text, rewrite of a table cell); the variant is the rewritten content as HTML
REWRITES: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "unit-space": (spaced, spaced),
    "thousands": (grouped_text, grouped_cell),
    "full-width": (wide, wide),
    "traditional": (to_traditional, to_traditional),
}


def rewritten_html(name: str) -> Mutation:
    """Given a rewrite's name, return the mutation that lays the rewritten content out as HTML."""
    paragraph, cell = REWRITES[name]

    def mutation(content: Content) -> Variant:
        return Variant(render_html(rewrite(content, paragraph, cell)), "html")
    mutation.__doc__ = f"HTML with the text rewritten: {name}."
    return mutation


def pdf_from_html(content: Content) -> Variant:
    """The HTML page printed to PDF: paragraphs wrapped at the page width, tables ruled with their spans."""
    from evaluation.printing import render_pdf

    return Variant(render_pdf(content), "pdf")


def printed_pdf(content: Content) -> bytes:
    """Given content, return its PDF: the report's own when it is one, else its HTML page printed to PDF."""
    from evaluation.printing import render_pdf

    return content.pdf or render_pdf(content)


def pdfminer_text(content: Content) -> Variant:
    """The text pdfminer's extract_text (pdf2txt.py, what many crawlers store) gives for the report's PDF: each
    text box its own paragraph, a table's row labels as one run of lines and its numbers as another."""
    from pdfminer.high_level import extract_text

    return Variant(extract_text(io.BytesIO(printed_pdf(content))).encode("utf-8"), "txt")


def pdfium_text(content: Content) -> Variant:
    """The text PDFium's get_text_range gives for the report's PDF, page after page: visual lines, a table row's
    label and numbers on one line."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(printed_pdf(content))
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return Variant("\n".join(pages).encode("utf-8"), "txt")


# Real converters ---------------------------------------------------------------------------------------------------
# The tools people run on a report's page, Word file or PDF (the `converters` extra): their output is what a user
# hands us, with whatever each tool does to merged cells, escapes, wrapping and empty cells. Each reads the report's
# own file when it is of that kind, else the content laid out as one (HTML page, Word file, printed PDF).

CONVERTERS_EXTRA = "pip install -e '.[converters]'"
DOCX_SEED = 0  # python-docx runs split the same way every time


def report_html(content: Content) -> bytes:
    """Given content, return its HTML page: the report's own when it is one, else the content laid out as HTML."""
    return content.html or render_html(content)


def render_docx(content: Content) -> bytes:
    """Given content, return it as a Word file: paragraphs, tables with their merges (w:gridSpan, w:vMerge)."""
    import docx

    from evaluation.printing import grid_of
    from evaluation.synth.layouts.docx import add_table, stable_zip

    document = docx.Document()
    if content.title:
        document.add_paragraph(content.title)
    for block in content.blocks:
        if isinstance(block, Table):
            add_table(document, grid_of(block), random.Random(DOCX_SEED))
        else:
            document.add_paragraph(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def report_docx(content: Content) -> bytes:
    """Given content, return its Word file: the report's own when it is one, else the content laid out as one."""
    return content.docx or render_docx(content)


def markitdown_of(data: bytes, extension: str) -> str:
    """Given a file's bytes and its extension, return the markdown Microsoft's MarkItDown makes of it."""
    from markitdown import MarkItDown, StreamInfo

    return MarkItDown(enable_plugins=False).convert_stream(io.BytesIO(data), stream_info=StreamInfo(extension=extension)).markdown


def markitdown_html(content: Content) -> Variant:
    """MarkItDown on the report's page (markdownify): pipe tables, the first row as header, spans not repeated."""
    return Variant(markitdown_of(report_html(content), ".html").encode("utf-8"), "md")


def html2text_markdown(content: Content) -> Variant:
    """html2text with its defaults on the report's page: lines wrapped at 78 columns, tables as `a | b` rows."""
    import html2text

    from extraction.ingest.text import decode

    return Variant(html2text.html2text(decode(report_html(content))).encode("utf-8"), "md")


def soup_text(content: Content) -> Variant:
    """What a scraper stores of the report's page: BeautifulSoup's get_text("\n"), every text node its own line."""
    from bs4 import BeautifulSoup

    return Variant(BeautifulSoup(report_html(content), "lxml").get_text("\n").encode("utf-8"), "txt")


def inscriptis_text(content: Content) -> Variant:
    """inscriptis on the report's page: the text as a browser lays it out, tables as space-aligned columns."""
    import inscriptis

    from extraction.ingest.text import decode

    return Variant(inscriptis.get_text(decode(report_html(content))).encode("utf-8"), "txt")


def markitdown_docx(content: Content) -> Variant:
    """MarkItDown on the report's Word file (mammoth to HTML, then markdownify)."""
    return Variant(markitdown_of(report_docx(content), ".docx").encode("utf-8"), "md")


def docx2txt_text(content: Content) -> Variant:
    """docx2txt on the report's Word file: every paragraph, table cells included, its own line between blank lines."""
    import docx2txt

    return Variant(docx2txt.process(io.BytesIO(report_docx(content))).encode("utf-8"), "txt")


def markitdown_pdf(content: Content) -> Variant:
    """MarkItDown on the report's PDF: pages it takes for forms as pipe tables of word columns, the rest pdfminer's text."""
    return Variant(markitdown_of(printed_pdf(content), ".pdf").encode("utf-8"), "md")


def pdfplumber_pages(content: Content, layout: bool) -> Variant:
    """Given content, return pdfplumber's extract_text of the report's PDF, page after page."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(printed_pdf(content))) as pdf:
        pages = [page.extract_text(layout=layout) or "" for page in pdf.pages]
    return Variant("\n".join(pages).encode("utf-8"), "txt")


def pdfplumber_text(content: Content) -> Variant:
    """pdfplumber's extract_text of the report's PDF: visual lines, a cell's words joined by single spaces."""
    return pdfplumber_pages(content, layout=False)


def pdfplumber_layout(content: Content) -> Variant:
    """pdfplumber's extract_text(layout=True): the page's text placed on a character grid, columns kept by spaces."""
    return pdfplumber_pages(content, layout=True)


# mutation -> the modules its converter needs (installed by the `converters` extra) and the package that brings them
TOOLS: dict[str, tuple[tuple[str, ...], str]] = {
    "markitdown-html": (("markitdown",), "markitdown"),
    "html2text": (("html2text",), "html2text"),
    "soup-text": (("bs4",), "beautifulsoup4"),
    "inscriptis": (("inscriptis",), "inscriptis"),
    "markitdown-docx": (("markitdown", "mammoth"), "markitdown[docx]"),
    "docx2txt": (("docx2txt",), "docx2txt"),
    "markitdown-pdf": (("markitdown",), "markitdown[pdf]"),
}


def missing_tool(name: str) -> str | None:
    """Given a mutation's name, return why it cannot run here (its converter is not installed), or None."""
    modules, package = TOOLS.get(name, ((), ""))
    if all(importlib.util.find_spec(module) is not None for module in modules):
        return None
    return f"{package} is not installed ({CONVERTERS_EXTRA})"


MUTATIONS: dict[str, Mutation] = {
    "html": html,
    "markdown-converter": markdown_converter,
    "review-split": review_split,
    "active-lines": active_lines,
    "dummy-headers": dummy_headers,
    "browser-copy": browser_copy,
    "scraper-concatenated": scraper_concatenated,
    "cell-per-line": cell_per_line,
    "whitespace-columns": whitespace_columns,
    **{name: rewritten_html(name) for name in REWRITES},
    "html-empty-rows-columns": html_empty_rows_columns,
    "pdf-from-html": pdf_from_html,
    "pdfminer-text": pdfminer_text,
    "pdfium-text": pdfium_text,
    "markitdown-html": markitdown_html,
    "html2text": html2text_markdown,
    "soup-text": soup_text,
    "inscriptis": inscriptis_text,
    "markitdown-docx": markitdown_docx,
    "docx2txt": docx2txt_text,
    "markitdown-pdf": markitdown_pdf,
    "pdfplumber-text": pdfplumber_text,
    "pdfplumber-layout": pdfplumber_layout,
}
