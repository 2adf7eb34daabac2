"""One cell per line ending in " |" (HTML flattened by a page scraper): a blank cell is a lone "|", the columns a
cell spans beyond its first are a line of pipes, and nothing marks the end of a row."""
from __future__ import annotations

from evaluation.synth.grid import Grid, document_lines
from evaluation.synth.model import ReportModel


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return its lines: "text |" per printed cell (rowspan positions print nothing)."""
    lines: list[str] = []
    for row in grid.rows:
        for cell in row:
            text = " ".join(cell.text.split())
            lines.append(f"{text} |" if text else "|")
            if cell.colspan > 1:
                lines.append("|" * (cell.colspan - 1))
    return lines


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as text-cells (UTF-8)."""
    return "\n".join(document_lines(model, table_lines, gap=False)).encode("utf-8")
