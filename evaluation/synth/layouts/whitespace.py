"""Whitespace rows as PDF-to-text gives them (§5.2): numbers after the label, long labels wrapped around the
number line, the vertical group label one character per line, blank cells gone."""
from __future__ import annotations

from evaluation.synth.grid import Grid, document_lines
from evaluation.synth.model import ReportModel

WRAP = 18  # characters of a label line before it wraps


def wrap(text: str) -> list[str]:
    """Given a label, return its printed lines of at most WRAP characters."""
    text = text.replace("\n", "")
    return [text[i:i + WRAP] for i in range(0, len(text), WRAP)] or [""]


def table_lines(grid: Grid) -> list[str]:
    """Given a grid, return its lines: header words, then one number line per data row."""
    out: list[str] = []
    vertical: list[str] = []
    for row in grid.rows:
        stack = next((c for c in row if c.vertical), None)
        if stack is not None:
            vertical = [stack.text[:2]] + list(stack.text[2:])
        labels = [c.text for c in row if not c.value and not c.vertical]
        numbers = [c.text for c in row if c.value and c.text]
        if not numbers:
            out.append("  ".join(label.replace("\n", "") for label in labels))
            continue
        lines = wrap(labels[-1]) if labels else [""]
        head = "  ".join(label.replace("\n", "") for label in labels[:-1])
        middle = (len(lines) - 1) // 2
        for i, line in enumerate(lines):
            prefix = vertical.pop(0) + " " if vertical and i == middle else ""
            text = f"{head}  {line}" if head and i == 0 else line
            out.append(f"{prefix}{text} {' '.join(numbers)}".strip() if i == middle else text)
    out.extend(vertical)
    return out


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as the text a PDF-to-text tool prints (UTF-8)."""
    return "\n".join(document_lines(model, table_lines, gap=False)).encode("utf-8") + b"\n"
