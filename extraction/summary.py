"""The report on one screen: key figures, derived rates, and section 五's problems and measures as points."""
from __future__ import annotations

import re
from typing import Any

from extraction.report import Report
from extraction.segment import Narrative
from extraction.values import TableView

KEY_FIGURES = (
    "requests.new.total", "requests.carried_over.total", "requests.handled_pool.total", "requests.result.total.total",
    "requests.result.disclosed.total", "requests.result.partially_disclosed.total", "requests.carried_forward.total",
    "review.total", "review.corrected", "litigation.total", "litigation.corrected",
    "active.normative_docs.issued", "active.normative_docs.in_force", "active.licensing.decisions",
    "active.penalty.decisions", "active.admin_fees.amount_wan_yuan",
)
_POINT = re.compile(r"([一二三四五六七八九十]是|（[一二三四五六七八九十]）|\d+[.、．])")
_POINT_MAX_CHARS = 80


def _rate(num: float | None, den: float | None) -> float | None:
    if num is None or not den:
        return None
    return round(num / den, 4)


def key_figures(view: TableView) -> tuple[dict[str, Any], dict[str, Any]]:
    """Given the tables, return the key figures and the derived rates."""
    figures = {k: v for k in KEY_FIGURES if (v := view.value(k)) is not None}
    disclosed = view.value("requests.result.disclosed_or_partial.total")
    handled = view.value("requests.result.total.total")
    review_done = _minus(view.value("review.total"), view.value("review.pending"))
    litigation_done = _minus(view.value("litigation.total"), view.value("litigation.pending"))
    rates = {
        "disclosure_rate": _rate(disclosed, handled),
        "review_correction_rate": _rate(view.value("review.corrected"), review_done),
        "litigation_correction_rate": _rate(view.value("litigation.corrected"), litigation_done),
        "carry_forward_share": _rate(view.value("requests.carried_forward.total"), view.value("requests.handled_pool.total")),
    }
    return figures, {k: v for k, v in rates.items() if v is not None}


def _minus(a: float | None, b: float | None) -> float | None:
    if a is None:
        return None
    return a - (b or 0)


def condensed_points(text: str) -> list[str]:
    """Given section text, return its enumerated points (一是… 二是… / （一）… / 1.…), each cut to its first clause."""
    pieces = _POINT.split(text)
    points: list[str] = []
    for marker, body in zip(pieces[1::2], pieces[2::2]):
        body = re.split(r"[。；;]", body.strip(), maxsplit=1)[0].strip("，, \n")
        if body:
            points.append(f"{marker}{body[:_POINT_MAX_CHARS]}")
    if not points:
        first = re.split(r"[。]", text.strip(), maxsplit=1)[0]
        if first:
            points.append(first[:_POINT_MAX_CHARS * 2])
    return points


def summarise(report: Report, narrative: Narrative | None, view: TableView | None) -> dict[str, Any]:
    """Given an audited report, return its summary block."""
    out: dict[str, Any] = {"figures": {}, "rates": {}, "narrative_figures": {}, "problems_and_measures": []}
    if view is not None:
        out["figures"], out["rates"] = key_figures(view)
    for m in report.mentions:
        if m.metric is not None and m.metric not in out["narrative_figures"]:
            out["narrative_figures"][m.metric] = m.value
    if narrative is not None:
        five = next((s for s in narrative.sections if s.no == "五"), None)
        if five is not None:
            body = narrative.text[five.start:five.end].split("\n", 1)[-1]
            out["problems_and_measures"] = condensed_points(body)
    out["findings"] = {
        "errors": sum(1 for f in report.findings if f.severity == "error"),
        "warnings": sum(1 for f in report.findings if f.severity == "warning"),
    }
    return out
