"""The three tables of the national template as grids of display cells, laid out from the spec (no fixed layout).

A grid is a list of rows; each row a list of `GridCell`s with row/col spans, so one Jinja macro draws
表二 (its 第二十条 subtables), 表三 (25 or 23 rows × 7 applicant columns) and 表四 (15 columns).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extraction.spec import Spec, VersionSpec

APPLICANTS = "申请人情况"  # the caption over 表三's applicant columns in the template
CONTENT = "信息内容"  # the label column of 表二's subtables
CELL_RANK = {"suspect": 3, "mismatch": 2, "identity": 1}


@dataclass
class GridCell:
    """One drawn cell: header text or a value; `key` names the template cell it shows."""

    text: str
    head: bool = False
    colspan: int = 1
    rowspan: int = 1
    key: str | None = None
    cls: str = ""
    findings: list[tuple[int, str]] = field(default_factory=list)  # (number shown, anchor) of findings citing it
    title: str = ""


@dataclass
class Grid:
    """One table to draw: its caption and rows."""

    caption: str
    rows: list[list[GridCell]]


CellMarks = dict[str, dict[str, Any]]  # cell key -> {"cls": ..., "findings": [(no, anchor)]}


def header_rows(paths: list[list[str]]) -> list[list[GridCell]]:
    """Given each column's label path (outer to inner), return the header rows with merged spans."""
    depth = max(len(p) for p in paths)
    rows: list[list[GridCell]] = [[] for _ in range(depth)]
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if len(path) <= level:
                i += 1
                continue
            if level == len(path) - 1:
                rows[level].append(GridCell(path[level], head=True, rowspan=depth - level))
                i += 1
                continue
            j = i + 1
            while j < len(paths) and len(paths[j]) > level + 1 and paths[j][:level + 1] == path[:level + 1]:
                j += 1
            rows[level].append(GridCell(path[level], head=True, colspan=j - i))
            i = j
    return rows


def value_cell(key: str, cells: dict[str, Any], marks: CellMarks, colspan: int = 1) -> GridCell:
    """Given a template cell key, the report's cells and the finding marks, return the drawn value cell."""
    cell = cells.get(key)
    mark = marks.get(key, {})
    if cell is None:
        return GridCell("", key=key, cls=("absent " + mark.get("cls", "")).strip(), colspan=colspan,
                        findings=mark.get("findings", []), title=f"{key}：未读到")
    raw = cell.get("raw")
    text = raw if raw not in (None, "") else ("" if cell.get("value") is None else str(cell.get("value")))
    where = [f"第{cell['page']}页" if cell.get("page") else "", f"第{cell['line']}行" if cell.get("line") else "", cell.get("address") or ""]
    return GridCell(text, key=key, cls=mark.get("cls", ""), colspan=colspan, findings=mark.get("findings", []),
                    title=" · ".join([key, *(w for w in where if w)]))


def table_two(version: VersionSpec, cells: dict[str, Any], marks: CellMarks) -> Grid:
    """Given the template version, cells and marks, return 表二: one block per 第二十条 subtable."""
    width = max(len(g.columns) for g in version.active)
    rows: list[list[GridCell]] = []
    for group in version.active:
        rows.append([GridCell(group.caption, head=True, colspan=width + 1, cls="sub")])
        cols = list(group.columns)
        spans = [1] * len(cols)
        spans[-1] = width - len(cols) + 1
        rows.append([GridCell(CONTENT, head=True)] + [GridCell(c["label"], head=True, colspan=s) for c, s in zip(cols, spans)])
        for row in group.rows:
            rows.append([GridCell(row["label"], head=True, cls="label")]
                        + [value_cell(f"active.{row['key']}.{c['key']}", cells, marks, s) for c, s in zip(cols, spans)])
    return Grid("二、主动公开政府信息情况", rows)


def _groups(version: VersionSpec) -> list[tuple[str | None, str | None]]:
    """Given a version, return for each 表三 row its (top group, subgroup); a group named （…） nests in the one before."""
    out: list[tuple[str | None, str | None]] = []
    top: str | None = None
    for row in version.requests_rows:
        if row.group is None:
            top = None
            out.append((None, None))
        elif row.group.startswith("（") and top is not None:
            out.append((top, row.group))
        else:
            top = row.group
            out.append((row.group, None))
    return out


def _run_lengths(values: list[Any]) -> list[int]:
    """Given a list, return at each position the length of the run starting there (0 inside a run)."""
    out = [0] * len(values)
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        out[i] = j - i
        i = j
    return out


def table_three(spec: Spec, version: VersionSpec, cells: dict[str, Any], marks: CellMarks) -> Grid:
    """Given the spec, version, cells and marks, return 表三 with its three label columns and applicant columns."""
    paths = [[APPLICANTS, c["parent"], c["label"]] if c.get("parent") else [APPLICANTS, c["label"]] for c in spec.applicant_columns]
    head = header_rows(paths)
    balance = next((i.text for i in version.identities if i.id == "T3.balance"), "")
    corner = f"（本列数据的勾稽关系为：{balance}）" if balance else ""
    head[0].insert(0, GridCell(corner, head=True, colspan=3, rowspan=len(head), cls="corner"))
    groups = _groups(version)
    tops = _run_lengths([g[0] if g[0] is not None else f"#{i}" for i, g in enumerate(groups)])
    subs = _run_lengths([g[1] if g[1] is not None else f"#{i}" for i, g in enumerate(groups)])
    rows = list(head)
    for i, (row, (top, sub)) in enumerate(zip(version.requests_rows, groups)):
        drawn: list[GridCell] = []
        if top is None:
            drawn.append(GridCell(row.label, head=True, colspan=3, cls="label"))
        else:
            if tops[i]:
                drawn.append(GridCell(top, head=True, rowspan=tops[i], cls="label group"))
            if sub is None:
                drawn.append(GridCell(row.label, head=True, colspan=2, cls="label"))
            else:
                if subs[i]:
                    drawn.append(GridCell(sub, head=True, rowspan=subs[i], cls="label group"))
                drawn.append(GridCell(row.label, head=True, cls="label"))
        drawn += [value_cell(f"requests.{row.key}.{c['key']}", cells, marks) for c in spec.applicant_columns]
        rows.append(drawn)
    return Grid("三、收到和处理政府信息公开申请情况", rows)


def table_four(spec: Spec, cells: dict[str, Any], marks: CellMarks) -> Grid:
    """Given the spec, cells and marks, return 表四: the 15 review and litigation columns over one data row."""
    cols = spec.review_litigation_columns
    rows = header_rows([c["label"].split("/") for c in cols])
    rows.append([value_cell(c["key"], cells, marks) for c in cols])
    return Grid("四、政府信息公开行政复议、行政诉讼情况", rows)


def report_tables(spec: Spec, template: str | None, year: int | None, cells: dict[str, Any], marks: CellMarks) -> list[Grid]:
    """Given a report's template (or year), cells and finding marks, return its three tables to draw."""
    vid = template if template in spec.versions else spec.version_for_year(year)
    version = spec.versions[vid]
    return [table_two(version, cells, marks), table_three(spec, version, cells, marks), table_four(spec, cells, marks)]
