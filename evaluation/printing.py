"""A report's content printed to PDF as a browser prints its HTML page: wrapped paragraphs, ruled tables with
their spans, columns as wide as their text asks (reportlab, the CID font of the synthetic PDFs)."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from evaluation.content import Content, Table, is_number, spanned_rows
from evaluation.synth.grid import Grid, GridCell
from evaluation.synth.layouts.pdf import BODY, FONT, TEXT_SIZE, Pages, draw_table

TITLE_SIZE = 16
MIN_WEIGHT, MAX_WEIGHT = 2, 12  # characters a column asks for, at least and at most


def column_widths(table: Table) -> list[float]:
    """Given a table, return its column widths: each column's share of the body as its longest single-column
    line asks (within bounds), so labels get room and number columns stay narrow."""
    width = max(len(row) for row in table.rows)
    weights = [MIN_WEIGHT] * width
    for cells in spanned_rows(table.rows):
        for c, text, _, colspan in cells:
            if colspan == 1:
                longest = max((len(line) for line in text.split("\n")), default=0)
                weights[c] = max(weights[c], min(longest, MAX_WEIGHT))
    return [BODY * w / sum(weights) for w in weights]


def grid_of(table: Table) -> Grid:
    """Given a table, return it as a drawable grid of spanning cells."""
    width = max(len(row) for row in table.rows)
    rows = [[GridCell(text, rowspan, colspan, value=is_number(text)) for _, text, rowspan, colspan in cells]
            for cells in spanned_rows(table.rows)]
    return Grid("", width, rows)


def render_pdf(content: Content) -> bytes:
    """Given content, return it printed as a PDF."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(content.title)
    pages = Pages(pdf)
    if content.title:
        pages.text(content.title, TITLE_SIZE, "center", indent=False)
    for block in content.blocks:
        if isinstance(block, Table):
            draw_table(pages, grid_of(block), None, ruled=True, widths=column_widths(block))
        else:
            pages.text(block, TEXT_SIZE)
    pages.new_page()
    pdf.save()
    return buffer.getvalue()
