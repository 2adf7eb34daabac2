"""A page scraper's text export (element.text_content()): each table on one line, its cells concatenated with no
separator, a blank cell printed as the one no-break space its &nbsp; leaves; prose blocks one per line."""
from __future__ import annotations

from evaluation.synth.grid import Grid, document_lines
from evaluation.synth.model import ReportModel

BLANK = "\xa0"


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return it as one line: every printed cell's text in reading order, nothing between them."""
    return ["".join("".join(cell.text.split()) or BLANK for row in grid.rows for cell in row)]


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as text-concat (UTF-8)."""
    return "\n".join(document_lines(model, table_lines, gap=False)).encode("utf-8")
