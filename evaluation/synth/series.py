"""Five consecutive reports of one agency, chained by 上年结转 and 现行有效, with labeled chain breaks."""
from __future__ import annotations

import random
from typing import Any

from evaluation.synth.build import build_report
from evaluation.synth.model import Agency, ReportModel
from evaluation.synth.values import in_force
from extraction.spec import load_spec

YEARS = 5


def carry_rule(model: ReportModel, previous: ReportModel) -> dict[str, Any]:
    """Given a report and last year's, return the expected X.carry_chain result."""
    columns = load_spec().column_keys
    now = {c: model.cells[f"requests.carried_over.{c}"] for c in columns}
    before = {c: previous.cells[f"requests.carried_forward.{c}"] for c in columns}
    holds = all((now[c] or 0) == (before[c] or 0) for c in columns)
    return {"rule": "carry_chain", "identity": "X.carry_chain", "holds": holds, "carried_over": now, "previous_carried_forward": before}


def in_force_rules(model: ReportModel, previous: ReportModel) -> list[dict[str, Any]]:
    """Given a report and last year's, return the expected X.in_force_chain results (v2021 in both years)."""
    if model.version != "v2021" or previous.version != "v2021":
        return [{"rule": "in_force_chain", "applicable": False,
                 "note": f"{previous.version} -> {model.version}: 对外公开总数量 is a different quantity from 现行有效件数"}]
    out = []
    before = in_force(previous.cells)
    for row in ("rules", "normative_docs"):
        cells = [model.cells.get(f"active.{row}.{c}") for c in ("in_force", "issued", "repealed")]
        if row not in before or any(v is None for v in cells):
            continue
        now, issued, repealed = (int(v) for v in cells)  # type: ignore[arg-type]
        expected = before[row] + issued - repealed
        out.append({"rule": "in_force_chain", "identity": f"X.in_force_chain.{row}", "holds": now == expected, "in_force": now,
                    "previous_in_force": before[row], "issued": issued, "repealed": repealed,
                    "expected_in_force": expected, "difference": now - expected})
    return out


def build_series(rng: random.Random, stem: str, agency: Agency, first_year: int, error_rate: float) -> list[ReportModel]:
    """Given an agency and a first year, return its five yearly reports; chain breaks are injected at the error rate."""
    columns = load_spec().column_keys
    reports: list[ReportModel] = []
    for year in range(first_year, first_year + YEARS):
        previous = reports[-1] if reports else None
        carried = prior = None
        if previous is not None:
            carried = [int(previous.cells[f"requests.carried_forward.{c}"] or 0) for c in columns[:-1]]
            prior = in_force(previous.cells)
            if rng.random() < error_rate / 2:
                carried[0] += rng.randint(1, 6)
            if prior and rng.random() < error_rate / 2:
                prior = {k: v + rng.choice((-3, -1, 2, 5)) for k, v in prior.items()}
        model = build_report(rng, f"{stem}_{year}", agency, year, error_rate, carried, prior)
        if previous is not None:
            model.cross_year = {"previous": previous.stem, "expected": [carry_rule(model, previous), *in_force_rules(model, previous)]}
        reports.append(model)
    return reports
