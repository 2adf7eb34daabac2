"""Re-lay a real report out the way people receive it (issue 9): same narrative, same table numbers, other layout.

The real reports stay in ../shared/corpus/real; this builds the variants in memory from their audit (narrative
lines, cells equal to the gold) so that tests can assert that the audit of each variant reads the same cells.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from types import SimpleNamespace

from evaluation.synth.grid import Grid, active_grid, requests_grid, review_grid
from extraction.pipeline import audit
from extraction.spec import load_spec
from extraction.values import requests_layout

REVIEW_CAPTIONS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
REVIEW_HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
GENERIC_HEADS = ["项目", "数据1", "数据2", "数据3", "数据4", "数据5", "数据6", "总计"]


class Content:
    """A report's narrative lines and table cells, with where each table sat among the lines."""

    def __init__(self, path: Path):
        report = audit(path)
        assert report.source is not None
        self.lines = [line.text for line in report.source.lines]
        self.cells = {k: c.value for k, c in report.cells.items()}
        version = report.template or "v2021"
        # Every cell printed as it was (24252.311082, "/"), not re-formatted from its value.
        raws = {k: c.raw for k, c in report.cells.items()}
        self.model = SimpleNamespace(cells=dict.fromkeys(raws), marks=raws, labels={}, version=version,
                                     requests_version=requests_layout(report.cells, version))
        self.at = self._positions(report)

    def _positions(self, report) -> dict[str, int]:
        """Return, per table (二 三 四), the number of narrative lines printed before it."""
        where_table = {}
        for table in report.source.tables:
            for row in table.rows:
                for cell in row:
                    if cell is not None:
                        where_table[(cell.where.page, cell.where.line, cell.where.address, cell.where.bbox)] = table
        at: dict[str, int] = {}
        spec = load_spec()
        for key, cell in report.cells.items():
            name = spec.versions[self.model.version].cells.get(key) or spec.versions["v2021"].cells.get(key)
            table = where_table.get((cell.where.page, cell.where.line, cell.where.address, cell.where.bbox))
            if name is not None and table is not None:
                at[name.table] = min(at.get(name.table, 10**9), table.line_index)
        fallback = len(self.lines)
        return {t: at.get(t, fallback) for t in ("二", "三", "四")}

    def text(self, tables: dict[str, list[str]]) -> str:
        """Given each table's printed lines, return the document with them at their places."""
        out: list[str] = []
        for i, line in enumerate(self.lines + [""]):
            for name in ("二", "三", "四"):
                if self.at[name] == i:
                    out += [""] + tables[name] + [""]
            if i < len(self.lines):
                out.append(line)
        return "\n".join(out) + "\n"

    def grids(self) -> dict[str, Grid]:
        return {"二": active_grid(self.model), "三": requests_grid(self.model, False), "四": review_grid(self.model)}

    def printed(self, key: str) -> str:
        return self.model.marks.get(key, "")


def _texts(grid: Grid, repeat_spans: bool) -> list[list[str]]:
    """Given a grid, return its full rows of texts: spanned positions empty, or repeating the span's text."""
    return [[p[0].text.replace("\n", "") if p is not None and (p[1] or repeat_spans) else "" for p in row]
            for row in grid.positions()]


def _markdown(rows: list[list[str]], tail: str = "") -> list[str]:
    out = []
    for r, row in enumerate(rows):
        out.append("| " + " | ".join(row) + " |" + tail)
        if r == 0:
            out.append("|" + "---|" * (len(row) + (1 if tail else 0)))
    return out


def markdown_trailing_empty(c: Content) -> str:
    """Every table row ends with an empty cell (a PDF converter's extra grid column)."""
    return c.text({name: _markdown(_texts(g, False), tail="  |") for name, g in c.grids().items()})


def markdown_review_split(c: Content) -> str:
    """表四 as three small tables under captions, each with its own 结果维持…总计 header."""
    tables = {name: _markdown(_texts(g, False)) for name, g in c.grids().items()}
    keys = [col["key"] for col in load_spec().review_litigation_columns]
    review: list[str] = []
    for i, caption in enumerate(REVIEW_CAPTIONS):
        review += [f"### {caption}", ""] + _markdown([list(REVIEW_HEADS), [c.printed(k) for k in keys[5 * i:5 * i + 5]]]) + [""]
    tables["四"] = review
    return c.text(tables)


def active_lines(c: Content) -> str:
    """表二 as its captions, column headers and label-number lines (行政许可 97, 行政规范性文件 88 55 698)."""
    tables = {name: _markdown(_texts(g, False)) for name, g in c.grids().items()}
    lines: list[str] = []
    for group in load_spec().versions[c.model.version].active:
        lines += [group.caption, "信息内容 " + " ".join(col["label"] for col in group.columns)]
        for row in group.rows:
            values = [c.printed(f"active.{row['key']}.{col['key']}") or "0" for col in group.columns]
            lines.append(f"{row['label']} " + " ".join(values))
    tables["二"] = lines
    return c.text(tables)


def markdown_dummy_header(c: Content) -> str:
    """表三's header broken into dummy tables of '-', generic headers (数据1…数据6, 总计), a stray header row."""
    tables = {name: _markdown(_texts(g, False)) for name, g in c.grids().items()}
    body = [[label for label in row[:-7] if label][-1:] + row[-7:] for row in _texts(c.grids()["三"], False)[3:]]
    dummy = _markdown([["-"] * 3, ["-"] * 3]) + [""] + _markdown([["-"] * 8, ["申请人情况"] + ["-"] * 7])
    middle = len(body) // 2
    rows = [GENERIC_HEADS] + body[:middle] + [GENERIC_HEADS] + body[middle:]
    tables["三"] = dummy + [""] + _markdown(rows)
    return c.text(tables)


def browser_copy(c: Content) -> str:
    """A browser copy-paste: one row a line, cells separated by TABs, span text repeated in every position."""
    return c.text({name: ["\t".join(row) for row in _texts(g, True)] for name, g in c.grids().items()})


def _html_table(rows: list[list[str]]) -> str:
    return "<table>" + "".join("<tr>" + "".join(f"<td>{escape(t)}</td>" for t in row) + "</tr>" for row in rows) + "</table>"


def word_extra_column(c: Content) -> str:
    """A Word-generated page: an extra empty grid cell in 表三 rows, after the values in every other row and
    before them in the rest (the other rows' cells span it)."""
    tables = {name: [_html_table(_texts(g, False))] for name, g in c.grids().items()}
    rows = _texts(c.grids()["三"], False)
    tables["三"] = [_html_table([row + [""] if i % 2 else row[:-7] + [""] + row[-7:] for i, row in enumerate(rows)])]
    body = "\n".join(f"<p>{escape(line)}</p>" if not line.startswith("<table>") else line
                     for line in c.text(tables).split("\n") if line)
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'


def word_inner_column(c: Content) -> str:
    """A Word-generated page whose 表三 grid has an empty column between 自然人 and 商业企业 in every row."""
    tables = {name: [_html_table(_texts(g, False))] for name, g in c.grids().items()}
    tables["三"] = [_html_table([row[:-6] + [""] + row[-6:] for row in _texts(c.grids()["三"], False)])]
    body = "\n".join(f"<p>{escape(line)}</p>" if not line.startswith("<table>") else line
                     for line in c.text(tables).split("\n") if line)
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'


def html_review_split(c: Content) -> str:
    """An HTML page with 表四 as three small tables, each under a caption paragraph."""
    tables = {name: [_html_table(_texts(g, False))] for name, g in c.grids().items()}
    keys = [col["key"] for col in load_spec().review_litigation_columns]
    tables["四"] = [line for i, caption in enumerate(REVIEW_CAPTIONS)
                   for line in (caption, _html_table([list(REVIEW_HEADS), [c.printed(k) for k in keys[5 * i:5 * i + 5]]]))]
    body = "\n".join(f"<p>{escape(line)}</p>" if not line.startswith("<table>") else line
                     for line in c.text(tables).split("\n") if line)
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'


def markdown_review_parts(c: Content) -> str:
    """表四 as three small tables, each with its own 结果维持…总计 header, under no caption at all."""
    text = markdown_review_split(c)
    return "\n".join(line for line in text.split("\n") if not line.startswith("### ")) + "\n"


LAYOUTS: dict[str, tuple[str, Callable[[Content], str]]] = {
    "md_trailing_empty": (".md", markdown_trailing_empty),
    "md_review_split": (".md", markdown_review_split),
    "active_lines": (".md", active_lines),
    "md_dummy_header": (".md", markdown_dummy_header),
    "browser_copy": (".txt", browser_copy),
    "word_extra_column": (".html", word_extra_column),
    "word_inner_column": (".html", word_inner_column),
    "html_review_split": (".html", html_review_split),
    "md_review_parts": (".md", markdown_review_parts),
}
