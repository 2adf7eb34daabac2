"""The printed tables as grids of spanning cells (the official rowspan/colspan geometry), and the document flow."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from evaluation.synth.model import ReportModel
from evaluation.synth.narrative import paragraph_text
from evaluation.synth.numbers import plain
from extraction.spec import load_spec

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_GROUP = "三、本年度办理结果"
REVIEW_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass(frozen=True)
class GridCell:
    """One printed cell: text ('\\n' = line break), spans, and whether it holds a value."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    value: bool = False
    vertical: bool = False  # printed one character per line (三、本年度办理结果)


@dataclass
class Grid:
    """One printed table: its name (二 三 四), width in grid columns, and rows of origin cells."""

    name: str
    width: int
    rows: list[list[GridCell]] = field(default_factory=list)

    def positions(self) -> list[list[tuple[GridCell, bool] | None]]:
        """Return the full grid: (cell, is_origin) at every position a cell covers, None where nothing is printed."""
        full: list[list[tuple[GridCell, bool] | None]] = [[None] * self.width for _ in self.rows]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while c < self.width and full[r][c] is not None:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if r + dr < len(full) and c + dc < self.width:
                            full[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
                c += cell.colspan
        return full


@dataclass(frozen=True)
class Block:
    """One piece of the document flow: title, heading, paragraph, table or signature."""

    kind: str  # title | heading | para | table | signature
    text: str = ""
    grid: Grid | None = None


def printed(model: ReportModel, key: str) -> str:
    """Given a cell key, return the cell's printed text ('' blank, '/' or the number)."""
    value = model.cells[key]
    return model.marks.get(key, "") if value is None else plain(value)


def active_grid(model: ReportModel) -> Grid:
    """Given a model, return 表二 as one 4-column table with caption rows (the 2021 Word template's geometry)."""
    grid = Grid("二", 4)
    for group in load_spec().versions[model.version].active:
        grid.rows.append([GridCell(group.caption, colspan=4)])
        spans = {1: [3], 2: [1, 2], 3: [1, 1, 1]}[len(group.columns)]
        grid.rows.append([GridCell("信息内容")] + [GridCell(col["label"], colspan=s) for col, s in zip(group.columns, spans)])
        for row in group.rows:
            label = model.labels.get(f"active.{row['key']}", row["label"])
            cells = [GridCell(printed(model, f"active.{row['key']}.{col['key']}"), colspan=s, value=True)
                     for col, s in zip(group.columns, spans)]
            grid.rows.append([GridCell(label)] + cells)
    return grid


def requests_grid(model: ReportModel, wrap_heads: bool) -> Grid:
    """Given a model, return 表三 on its 10-column grid: note cell, applicant headers, nested row groups."""
    spec = load_spec()
    columns = spec.applicant_columns
    heads = [c["label"] for c in columns[1:-1]]
    if wrap_heads:
        heads = [h[:2] + "\n" + h[2:] if len(h) > 2 else h for h in heads]
    grid = Grid("三", 10, [
        [GridCell(NOTE, rowspan=3, colspan=3), GridCell("申请人情况", colspan=7)],
        [GridCell("自然人", rowspan=2), GridCell("法人或其他组织", colspan=5), GridCell("总计", rowspan=2)],
        [GridCell(h) for h in heads],
    ])
    rows = spec.versions[model.requests_version].requests_rows
    block = [r for r in rows if r.group is not None]
    for row in rows:
        label = model.labels.get(f"requests.{row.key}", row.label)
        out: list[GridCell] = []
        if row.group is None:
            out.append(GridCell(label, colspan=3))
        else:
            if row is block[0]:
                out.append(GridCell(RESULTS_GROUP, rowspan=len(block), vertical=True))
            if row.group == RESULTS_GROUP:
                out.append(GridCell(label, colspan=2))
            else:
                members = [r for r in block if r.group == row.group]
                if row is members[0]:
                    out.append(GridCell(row.group, rowspan=len(members)))
                out.append(GridCell(label))
        out += [GridCell(printed(model, f"requests.{row.key}.{c['key']}"), value=True) for c in columns]
        grid.rows.append(out)
    return grid


def review_grid(model: ReportModel) -> Grid:
    """Given a model, return 表四: three header rows over 15 columns and one data row."""
    keys = [c["key"] for c in load_spec().review_litigation_columns]
    return Grid("四", 15, [
        [GridCell("行政复议", colspan=5), GridCell("行政诉讼", colspan=10)],
        [GridCell(h, rowspan=2) for h in REVIEW_HEADS] + [GridCell("未经复议直接起诉", colspan=5), GridCell("复议后起诉", colspan=5)],
        [GridCell(h) for h in REVIEW_HEADS * 2],
        [GridCell(printed(model, k), value=True) for k in keys],
    ])


def heading(model: ReportModel, no: str, text: str, numbered: bool) -> str:
    """Given a section number and heading, return it as printed (number dropped in some reports)."""
    return f"{no}、{text}" if numbered else text


def blocks(model: ReportModel, wrap_heads: bool = False) -> list[Block]:
    """Given a model, return the document flow: title, intro, sections with their tables, signature."""
    out = [Block("title", f"{model.agency.name}{model.year}年政府信息公开工作年度报告"), Block("para", model.intro)]
    tables = {"二": active_grid(model), "三": requests_grid(model, wrap_heads), "四": review_grid(model)}
    for section in model.sections:
        out.append(Block("heading", heading(model, section.no, section.heading, section.numbered)))
        out += [Block("para", paragraph_text(model, p)) for p in section.paragraphs]
        if section.no in tables:
            out.append(Block("table", grid=tables[section.no]))
    y, m, d = model.published.split("-")
    out += [Block("signature", model.agency.name), Block("signature", f"{y}年{int(m)}月{int(d)}日")]
    return out


def document_lines(model: ReportModel, table_lines: Callable[[Grid], list[str]], gap: bool, wrap_heads: bool = False) -> list[str]:
    """Given a model and a text layout's table printer, return the document's lines: prose blocks as they are,
    tables as printed; `gap` puts a blank line after every block."""
    lines: list[str] = []
    for block in blocks(model, wrap_heads=wrap_heads):
        lines += table_lines(block.grid) if block.kind == "table" and block.grid is not None else [block.text]
        if gap:
            lines.append("")
    return lines
