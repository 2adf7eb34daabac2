"""HTML layout: paragraphs and `<table>`s with the official rowspan/colspan grid (template spec §5.1)."""
from __future__ import annotations

from html import escape

from evaluation.synth.grid import Block, Grid, blocks
from evaluation.synth.model import ReportModel


def cell_html(text: str) -> str:
    """Given cell text, return it escaped with line breaks as <br>."""
    return "<br>".join(escape(part) for part in text.split("\n"))


def table_html(grid: Grid) -> str:
    """Given a grid, return its <table> with rowspan and colspan attributes."""
    rows = []
    for row in grid.rows:
        cells = []
        for cell in row:
            attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            text = f"<span>{cell_html(cell.text)}</span>" if cell.value else cell_html(cell.text)
            cells.append(f"<td{attrs}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0" cellpadding="0">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def block_html(block: Block) -> str:
    """Given a document block, return its HTML."""
    if block.kind == "table" and block.grid is not None:
        return table_html(block.grid)
    if block.kind == "title":
        return f'<h1 style="text-align:center">{escape(block.text)}</h1>'
    if block.kind == "heading":
        return f"<p><strong>{escape(block.text)}</strong></p>"
    align = ' style="text-align:right"' if block.kind == "signature" else ""
    return f"<p{align}>{escape(block.text)}</p>"


def render(model: ReportModel) -> bytes:
    """Given a report model, return the report as an HTML page."""
    title = escape(f"{model.agency.name}{model.year}年政府信息公开工作年度报告")
    body = "\n".join(block_html(b) for b in blocks(model, wrap_heads=True))
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            f'<body>\n<div class="article">\n{body}\n</div>\n</body>\n</html>\n')
    return page.encode("utf-8")
