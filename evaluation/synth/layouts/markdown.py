"""Markdown tables: the full grid, spanned positions as empty cells, a separator under the first row."""
from __future__ import annotations

from evaluation.synth.grid import Grid, blocks
from evaluation.synth.model import ReportModel


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return its markdown table lines."""
    out = []
    for r, row in enumerate(grid.positions()):
        texts = [p[0].text.replace("\n", "") if p is not None and p[1] else "" for p in row]
        out.append("| " + " | ".join(texts) + " |")
        if r == 0:
            out.append("|" + "---|" * grid.width)
    return out


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as markdown (UTF-8)."""
    lines: list[str] = []
    for block in blocks(model):
        if block.kind == "table" and block.grid is not None:
            lines += table_lines(block.grid) + [""]
        elif block.kind == "title":
            lines += ["# " + block.text, ""]
        elif block.kind == "heading":
            lines += ["## " + block.text, ""]
        else:
            lines += [block.text, ""]
    return "\n".join(lines).encode("utf-8")
