"""PDF layout with reportlab and the built-in CID font STSong-Light: tables drawn with or without rules, wrapped
labels, the vertical group label one character per line, 表二 and 表三 split over page breaks, "- N -" footers."""
from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from evaluation.synth.grid import Grid, GridCell, blocks
from evaluation.synth.model import ReportModel

FONT = "STSong-Light"
WIDTH, HEIGHT = A4
LEFT, TOP, BOTTOM = 60.0, 64.0, 72.0
TEXT_SIZE, TEXT_LEADING = 10.5, 19.0
CELL_SIZE, CELL_LEADING, PAD, MIN_ROW = 9.0, 11.0, 3.0, 18.0
BODY = WIDTH - 2 * LEFT
DIGITS = "0123456789."
COLUMNS = {
    "二": [150.0] + [(BODY - 150.0) / 3] * 3,
    "三": [22.0, 58.0, 150.0] + [(BODY - 230.0) / 7] * 7,
    "四": [BODY / 15] * 15,
}


def wrap(text: str, width: float, size: float) -> list[str]:
    """Given text, a width and a font size, return its lines, breaking at characters."""
    lines: list[str] = []
    for part in text.split("\n"):
        line = ""
        for ch in part:
            if line and pdfmetrics.stringWidth(line + ch, FONT, size) > width:
                keep = len(line.rstrip(DIGITS)) if ch in DIGITS else len(line)
                keep = keep or len(line)  # a typesetter never breaks inside a number
                lines.append(line[:keep])
                line = line[keep:]
            line += ch
        lines.append(line)
    return lines


@dataclass
class Pages:
    """A canvas with a cursor measured from the top of the page, and footers."""

    pdf: canvas.Canvas
    y: float = TOP
    number: int = 1

    def room(self) -> float:
        """Return the space left above the bottom margin."""
        return HEIGHT - BOTTOM - self.y

    def new_page(self) -> None:
        """Finish the page with its footer and start the next one."""
        self.pdf.setFont(FONT, 10)
        self.pdf.drawCentredString(WIDTH / 2, 40, f"- {self.number} -")
        self.pdf.showPage()
        self.number += 1
        self.y = TOP

    def text(self, text: str, size: float, align: str = "left", indent: bool = True) -> None:
        """Draw a wrapped paragraph at the cursor."""
        lead = "\u3000\u3000" if indent else ""
        for line in wrap(lead + text, BODY, size):
            if self.room() < TEXT_LEADING:
                self.new_page()
            self.pdf.setFont(FONT, size)
            base = HEIGHT - self.y - size
            if align == "center":
                self.pdf.drawCentredString(WIDTH / 2, base, line)
            elif align == "right":
                self.pdf.drawRightString(WIDTH - LEFT, base, line)
            else:
                self.pdf.drawString(LEFT, base, line)
            self.y += TEXT_LEADING


def cell_lines(cell: GridCell, width: float) -> list[str]:
    """Given a cell and its width, return the lines it prints (one character per line when vertical)."""
    if cell.vertical:
        return [cell.text[:2]] + list(cell.text[2:])
    return wrap(cell.text, width - 2 * PAD, CELL_SIZE)


def row_heights(grid: Grid, widths: list[float]) -> list[float]:
    """Given a grid and column widths, return each row's height (single-row cells decide)."""
    heights = []
    for row in grid.positions():
        h = MIN_ROW
        for c, position in enumerate(row):
            if position is None or not position[1] or position[0].rowspan > 1:
                continue
            cell = position[0]
            lines = cell_lines(cell, sum(widths[c:c + cell.colspan]))
            h = max(h, len(lines) * CELL_LEADING + 2 * PAD)
        heights.append(h)
    return heights


def draw_segment(pdf: canvas.Canvas, x: float, top: float, w: float, h: float, lines: list[str], ruled: bool) -> None:
    """Draw one cell (or the part of it on this page): its rectangle when ruled, and its lines, centred."""
    if ruled:
        pdf.rect(x, HEIGHT - top - h, w, h, stroke=1, fill=0)
    pdf.setFont(FONT, CELL_SIZE)
    start = top + (h - len(lines) * CELL_LEADING) / 2
    for i, line in enumerate(lines):
        pdf.drawCentredString(x + w / 2, HEIGHT - start - (i + 1) * CELL_LEADING + 2, line)


def draw_table(pages: Pages, grid: Grid, split_after: int | None, ruled: bool, widths: list[float] | None = None) -> None:
    """Draw a table from the cursor, breaking pages between rows (after `split_after` rows when given), its
    columns as wide as `widths` (the national template's widths when not given)."""
    widths = widths or COLUMNS[grid.name]
    heights = row_heights(grid, widths)
    if split_after is not None:
        needed = sum(heights[:split_after]) + 1
        if pages.room() > needed:
            pages.y = HEIGHT - BOTTOM - needed
    elif pages.room() < sum(heights):
        pages.new_page()
    # place rows on pages: (page index, top) per row
    placed: list[tuple[int, float]] = []
    page, y = 0, pages.y
    for h in heights:
        if y + h > HEIGHT - BOTTOM:
            page, y = page + 1, TOP
        placed.append((page, y))
        y += h
    full = grid.positions()
    xs = [LEFT + sum(widths[:c]) for c in range(len(widths) + 1)]
    for p in range(placed[-1][0] + 1):
        if p:
            pages.new_page()
        for r, row in enumerate(full):
            for c, position in enumerate(row):
                if position is None or not position[1]:
                    continue
                cell = position[0]
                span = range(r, r + cell.rowspan)
                width = xs[c + cell.colspan] - xs[c]
                lines = cell_lines(cell, width)
                on_page = [i for i in span if placed[i][0] == p]
                if not on_page:
                    continue
                total = sum(heights[i] for i in span)
                before = sum(heights[i] for i in span if placed[i][0] < p)
                h = sum(heights[i] for i in on_page)
                first = math.floor(len(lines) * before / total)
                last = len(lines) if on_page[-1] == span[-1] else math.floor(len(lines) * (before + h) / total)
                draw_segment(pages.pdf, xs[c], placed[on_page[0]][1], width, h, lines[first:last], ruled)
    pages.y = y + TEXT_LEADING / 2


def render(model: ReportModel, ruled: bool = True) -> bytes:
    """Given a report model, return it as a PDF, its tables drawn with rules or (like many Word exports) without."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    rng = random.Random(model.stem + "/pdf")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(f"{model.agency.name}{model.year}年政府信息公开工作年度报告")
    pages = Pages(pdf)
    for block in blocks(model, wrap_heads=False):
        if block.kind == "table" and block.grid is not None:
            split = rng.randint(len(block.grid.rows) // 2, len(block.grid.rows) - 3) if block.grid.name in ("二", "三") else None
            draw_table(pages, block.grid, split, ruled)
        elif block.kind == "title":
            pages.text(block.text, 16, "center", indent=False)
            pages.y += 6
        elif block.kind == "heading":
            pages.text(block.text, TEXT_SIZE + 0.5, indent=True)
        elif block.kind == "signature":
            pages.text(block.text, TEXT_SIZE, "right", indent=False)
        else:
            pages.text(block.text, TEXT_SIZE)
    pages.new_page()
    pdf.save()
    return buffer.getvalue()
