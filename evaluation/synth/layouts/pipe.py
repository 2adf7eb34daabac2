"""Pipe-separated text (§5.4): a group label only on its first row, empty cells dropped."""
from __future__ import annotations

from evaluation.synth.grid import Grid, document_lines
from evaluation.synth.model import ReportModel


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return one 'a | b | c |' line per row, without the cells that print nothing."""
    return [" | ".join(t for c in row if (t := c.text.replace("\n", "").strip())) + " |" for row in grid.rows]


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as pipe text (UTF-8)."""
    return "\n".join(document_lines(model, table_lines, gap=True)).encode("utf-8")
