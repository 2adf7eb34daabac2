"""A stored report (audit JSON + id + reviews) -> what the report page shows: marked narrative, findings, summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extraction.render import FIGURE_CN, RATE_CN, SEVERITY_CN
from extraction.service.tables import CELL_RANK, CellMarks

RULE_CN = {
    "narrative_vs_table": "正文与表格不符", "narrative_parts_sum": "正文分项之和与总数不符", "table_identity": "表内勾稽关系不符",
    "template_deviation": "表格偏离国家模板", "cross_year": "与上年度数据不衔接", "narrative_reuse": "正文大段沿用上年",
    "layout_ambiguous": "表格排版有歧义",
}
VERDICT_CN = {"match": "与表格一致", "mismatch": "与表格不符", "unverified": "表格未填", "unlinked": "未对应表格"}
REVIEW_CN = {"open": "待复核", "confirmed": "已确认", "dismissed": "已排除"}


def where_text(item: dict[str, Any]) -> str:
    """Given a cell, mention or evidence item, return where it was printed: 第4页 / 第14行 / a grid address."""
    parts = []
    if item.get("page") is not None:
        parts.append(f"第{item['page']}页")
    if item.get("line") is not None:
        parts.append(f"第{item['line']}行")
    if item.get("address") and item.get("line") is None:
        parts.append(str(item["address"]))
    return " · ".join(parts)


def span_anchor(span: list[int] | tuple[int, int]) -> str:
    """Given a narrative span, return the id of its highlight."""
    return f"m-{span[0]}-{span[1]}"


def cell_anchor(key: str) -> str:
    """Given a cell key, return the id of its table cell."""
    return f"c-{key}"


@dataclass
class EvidenceView:
    kind: str  # quote | cell
    text: str
    where: str
    href: str | None


@dataclass
class FindingView:
    no: int
    id: int | None
    anchor: str
    rule: str
    rule_cn: str
    severity: str
    severity_cn: str
    message: str
    status: str
    status_cn: str
    comment: str
    evidence: list[EvidenceView] = field(default_factory=list)


def _section_of(span: list[int], mentions: list[dict[str, Any]]) -> str:
    for m in mentions:
        if m.get("span") and m["span"][0] <= span[0] < m["span"][1] + 1:
            return m.get("section") or ""
    return ""


def finding_views(report: dict[str, Any], narrative_ok: bool) -> list[FindingView]:
    """Given a stored report, return its findings with evidence locations and anchors to sentence and cell."""
    out = []
    mentions = report.get("mentions", [])
    for no, f in enumerate(report.get("findings", []), start=1):
        review = f.get("review") or {"status": "open", "comment": ""}
        view = FindingView(no, f.get("id"), f"f-{f.get('id', no)}", f.get("rule", ""), RULE_CN.get(f.get("rule", ""), f.get("rule", "")),
                           f.get("severity", ""), SEVERITY_CN.get(f.get("severity", ""), f.get("severity", "")), f.get("message", ""),
                           review["status"], REVIEW_CN.get(review["status"], review["status"]), review.get("comment", ""))
        for e in f.get("evidence", []):
            if "quote" in e:
                section = _section_of(e["span"], mentions) if e.get("span") else ""
                where = " · ".join(x for x in ("正文" + (f"第{section}部分" if section else ""), where_text(e)) if x)
                href = f"#{span_anchor(e['span'])}" if e.get("span") and narrative_ok else None
                view.evidence.append(EvidenceView("quote", f"「{e['quote']}」", where, href))
            elif "cell" in e:
                year = f"{e['year']}年 " if e.get("year") and e.get("year") != report.get("report_year") else ""
                location = e.get("location") or e["cell"]
                where = " · ".join(x for x in (year + location, where_text(e)) if x)
                raw = e.get("raw") if e.get("raw") not in (None, "") else e.get("value")
                href = f"#{cell_anchor(e['cell'])}" if not year else None
                view.evidence.append(EvidenceView("cell", "" if raw is None else f"印为 {raw}", where, href))
        out.append(view)
    return out


def cell_marks(report: dict[str, Any], views: list[FindingView]) -> CellMarks:
    """Given a stored report and its finding views, return per cell key its mark class and the findings citing it."""
    marks: CellMarks = {}
    for f, view in zip(report.get("findings", []), views):
        suspects = set(f.get("suspect_cells") or [])
        for e in f.get("evidence", []):
            key = e.get("cell")
            if not key or (e.get("year") and e.get("year") != report.get("report_year")):
                continue
            cls = "suspect" if key in suspects else ("identity" if f.get("rule") == "table_identity" else "mismatch")
            mark = marks.setdefault(key, {"cls": cls, "findings": []})
            if CELL_RANK[cls] > CELL_RANK[mark["cls"]]:
                mark["cls"] = cls
            if (view.no, view.anchor) not in mark["findings"]:
                mark["findings"].append((view.no, view.anchor))
        for key in suspects - {e.get("cell") for e in f.get("evidence", [])}:
            marks.setdefault(key, {"cls": "suspect", "findings": [(view.no, view.anchor)]})["cls"] = "suspect"
    return marks


@dataclass
class Piece:
    """A run of narrative text; `mark` is set for a highlighted figure."""

    text: str
    mark: dict[str, Any] | None = None


def narrative_pieces(text: str, report: dict[str, Any], views: list[FindingView]) -> list[Piece]:
    """Given the narrative text, the stored report and its finding views, return the text cut into plain and marked pieces."""
    marks: dict[tuple[int, int], dict[str, Any]] = {}
    for m in report.get("mentions", []):
        s, e = m["span"]
        tip = VERDICT_CN.get(m.get("verdict", ""), m.get("verdict", ""))
        if m.get("metric"):
            tip += f" · {m['metric']}"
        if m.get("table_values"):
            tip += " · 表格：" + "，".join(f"{k}={v}" for k, v in m["table_values"].items())
        marks[(s, e)] = {"cls": m.get("verdict", "unlinked"), "id": span_anchor((s, e)), "title": tip, "findings": []}
    for f, view in zip(report.get("findings", []), views):
        for e in f.get("evidence", []):
            if e.get("span"):
                s, t = e["span"]
                mark = marks.setdefault((s, t), {"cls": "evidence", "id": span_anchor((s, t)), "title": "", "findings": []})
                mark["cls"] += " flagged"
                if (view.no, view.anchor) not in mark["findings"]:
                    mark["findings"].append((view.no, view.anchor))
    pieces: list[Piece] = []
    pos = 0
    for (s, e), mark in sorted(marks.items()):
        if s < pos or e > len(text) or s >= e:
            continue  # overlapping or out of range: left plain
        if s > pos:
            pieces.append(Piece(text[pos:s]))
        pieces.append(Piece(text[s:e], mark))
        pos = e
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        value = int(value) if value.is_integer() else round(value, 2)
    return f"{value:,}" if isinstance(value, int) else str(value)


def summary_card(report: dict[str, Any], series: dict[str, Any] | None) -> dict[str, Any]:
    """Given a stored report and its agency's series (or None), return key figures, rates and changes against last year."""
    summary = report.get("summary") or {}
    figures, narrated = summary.get("figures", {}), summary.get("narrative_figures", {})
    year = report.get("report_year")
    previous = None
    for item in (series or {}).get("years", []):
        if year is not None and item.get("year") == year - 1:
            previous = item
    prev_figures = (previous or {}).get("figures", {})
    rows = []
    for key, label in FIGURE_CN.items():
        cur, said, before = figures.get(key), narrated.get(key), prev_figures.get(key)
        if cur is None and said is None:
            continue
        change = None
        if cur is not None and before is not None:
            delta = cur - before
            pct = f"（{delta / before:+.1%}）" if before else ""
            change = f"{'+' if delta > 0 else ''}{_fmt(round(delta, 2))}{pct}"
        rows.append({"label": label, "table": "" if cur is None else _fmt(cur), "narrative": "" if said is None else _fmt(said),
                     "differs": said is not None and cur is not None and said != cur, "previous": "" if before is None else _fmt(before),
                     "change": change or ""})
    rates = [{"label": RATE_CN.get(k, k), "value": f"{v:.1%}"} for k, v in summary.get("rates", {}).items()]
    counts = summary.get("findings", {})
    return {"rows": rows, "rates": rates, "previous_year": previous.get("year") if previous else None,
            "previous_id": previous.get("report_id") if previous else None, "errors": counts.get("errors", 0),
            "warnings": counts.get("warnings", 0), "points": summary.get("problems_and_measures", [])}
