"""Pipe-separated text (§5.4): a group label only on its first row, empty cells dropped."""
from __future__ import annotations

from evaluation.synth.grid import Grid, blocks
from evaluation.synth.model import ReportModel


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return one 'a | b | c |' line per row, without the cells that print nothing."""
    return [" | ".join(t for c in row if (t := c.text.replace("\n", "").strip())) + " |" for row in grid.rows]


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as pipe text (UTF-8)."""
    lines: list[str] = []
    for block in blocks(model):
        if block.kind == "table" and block.grid is not None:
            lines += table_lines(block.grid) + [""]
        else:
            lines += [block.text, ""]
    return "\n".join(lines).encode("utf-8")
