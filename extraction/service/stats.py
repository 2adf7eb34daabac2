"""Dashboard figures from the store's public queries: findings by rule and year, share with findings, top agencies."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from extraction.service.views import RULE_CN

PAGE = 500


def dashboard_stats(store: Any, top: int = 10) -> dict[str, Any]:
    """Given the Store, return the dashboard's figures (reports paged through `list_reports`, agencies from `agencies`)."""
    by_year: dict[int | None, dict[str, int]] = defaultdict(lambda: {"reports": 0, "with_findings": 0, "findings": 0})
    offset, total = 0, None
    while total is None or offset < total:
        rows, total = store.list_reports(limit=PAGE, offset=offset)
        if not rows:
            break
        for r in rows:
            slot = by_year[r.get("year")]
            slot["reports"] += 1
            slot["findings"] += r.get("n_findings") or 0
            slot["with_findings"] += 1 if r.get("n_findings") else 0
        offset += len(rows)
    rules = []
    for rule, label in RULE_CN.items():
        _, n = store.list_reports(rule=rule, limit=1)
        rules.append((label, n))
    agencies = sorted(store.agencies(), key=lambda a: (-a["n_findings"], a["agency_key"]))[:top]
    reports = sum(v["reports"] for v in by_year.values())
    flagged = sum(v["with_findings"] for v in by_year.values())
    years = sorted((y, v) for y, v in by_year.items() if y is not None)
    return {
        "reports": reports, "with_findings": flagged, "share": flagged / reports if reports else 0.0,
        "findings": sum(v["findings"] for v in by_year.values()),
        "rules": rules,
        "years": [(str(y), v) for y, v in years],
        "agencies": [((a["names"] or [a["agency_key"]])[0], a["n_findings"], a["agency_key"]) for a in agencies if a["n_findings"]],
    }
