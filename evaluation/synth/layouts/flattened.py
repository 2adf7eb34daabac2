"""Flattened one-cell-per-line text (seed style, §5.3): TAB-led cells, blank line ends a row, rowspan positions as TAB-only lines."""
from __future__ import annotations

from evaluation.synth.grid import Grid, document_lines
from evaluation.synth.model import ReportModel


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return its flattened lines: one TAB-led line per cell, continuation lines for breaks."""
    lines: list[str] = []
    for row in grid.positions():
        previous = None
        for position in row:
            if position is None:
                continue
            cell, origin = position
            if origin:
                first, *rest = cell.text.split("\n")
                lines.append("\t" + first)
                lines.extend(rest)
            elif cell is not previous and not any(p is not None and p[0] is cell and p[1] for p in row):
                lines.append("\t")  # a position covered by a rowspan from above; colspan adds nothing
            previous = cell
        lines.append("")
    return lines


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as flattened text (UTF-8)."""
    return "\n".join(document_lines(model, table_lines, gap=True, wrap_heads=True)).encode("utf-8")
