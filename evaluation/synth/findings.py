"""Gold findings computed from what the model finally prints: broken identities, narrative vs table, parts sums."""
from __future__ import annotations

from typing import Any

from evaluation.synth.model import ReportModel, Value
from extraction.spec import Identity, VersionSpec, load_spec

EPSILON = 1e-6


def spec_for(model: ReportModel, key: str) -> VersionSpec:
    """Given a model and a key, return the version spec that defines it (表三 rows may follow another version)."""
    spec = load_spec()
    return spec.versions[model.requests_version if key.startswith("requests.") else model.version]


def metric_value(model: ReportModel, key: str) -> Value:
    """Given a model and a cell or derived key, return its table value (blanks count 0 when a term is printed)."""
    if key in model.cells:
        return model.cells[key]
    terms = spec_for(model, key).derived.get(key, ())
    printed = [model.cells[k] for k in terms if model.cells.get(k) is not None]
    return round(sum(printed), 2) if printed else None  # type: ignore[arg-type]


def identities(model: ReportModel) -> list[Identity]:
    """Given a model, return the strict identities of its printed tables (表三 by its printed rows)."""
    spec = load_spec()
    return [i for i in spec.versions[model.requests_version].identities if i.id.startswith("T3")] + \
           [i for i in spec.versions[model.version].identities if i.id.startswith("T4")]


def where(identity: Identity) -> dict[str, str]:
    """Given a row- or column-indexed identity, return which row or column it is about."""
    first = identity.lhs[0]
    if identity.id == "T3.row_total":
        return {"row": first.rsplit(".", 1)[0]}
    if identity.id in ("T3.balance", "T3.results_sum"):
        return {"column": first.rsplit(".", 1)[1]}
    return {}


def identity_findings(model: ReportModel) -> list[dict[str, Any]]:
    """Given a model, return one table_identity finding per checkable identity that fails."""
    out = []
    for identity in identities(model):
        values = [model.cells.get(k) for k in identity.keys]
        if any(v is None for v in values):
            continue
        lhs = sum(model.cells[k] for k in identity.lhs)  # type: ignore[misc]
        rhs = sum(model.cells[k] for k in identity.rhs)  # type: ignore[misc]
        if abs(lhs - rhs) > EPSILON:
            finding: dict[str, Any] = {"rule": "table_identity", "identity": identity.id,
                                       "cells": {k: model.cells[k] for k in identity.lhs}, "parts_sum": rhs}
            at = where(identity)
            if at:
                finding["at"] = at
            out.append(finding)
    return out


def narrative_findings(model: ReportModel) -> list[dict[str, Any]]:
    """Given a model, return a narrative_vs_table finding for each exact linked figure no reading of the table gives."""
    out = []
    for figure in model.figures:
        if figure.metric is None or figure.approx:
            continue
        readings = dict.fromkeys([figure.metric, *figure.accept])
        table = {k: v for k in readings if (v := metric_value(model, k)) is not None}
        if table and all(abs(figure.value - v) > EPSILON for v in table.values()):
            out.append({"rule": "narrative_vs_table", "metric": figure.metric, "narrative_value": figure.value, "table_values": table})
    return out


def parts_findings(model: ReportModel) -> list[dict[str, Any]]:
    """Given a model, return a narrative_parts_sum finding for each 其中 list that does not add up to its total."""
    out = []
    for parts in model.parts_lists:
        total = model.figures[parts.total]
        listed = [model.figures[i] for i in parts.parts]
        if total.approx or any(f.approx for f in listed):
            continue
        parts_sum = round(sum(f.value for f in listed), 2)
        if abs(parts_sum - total.value) > EPSILON and (parts.complete or parts_sum > total.value):
            out.append({"rule": "narrative_parts_sum", "metric": parts.partition, "narrative_value": total.value,
                        "parts": {f.metric: f.value for f in listed}, "parts_sum": parts_sum})
    return out


def gold_findings(model: ReportModel) -> list[dict[str, Any]]:
    """Given a finished model, return every finding a careful auditor would raise, in a stable order."""
    deviations = [{"rule": "template_deviation", "row": row, "note": text} for row, text in model.deviations]
    findings = identity_findings(model) + narrative_findings(model) + parts_findings(model) + deviations
    return sorted(findings, key=lambda f: (f["rule"], f.get("identity", ""), f.get("metric", ""), f.get("row", ""), str(f.get("at", ""))))
