"""The gold label of one synthetic document, in the format of the real gold files (gold-format.md)."""
from __future__ import annotations

import json
from typing import Any

from evaluation.synth.findings import gold_findings
from evaluation.synth.layouts import LAYOUTS
from evaluation.synth.model import Figure, ReportModel
from evaluation.synth.numbers import figure_quote


def mention(figure: Figure) -> dict[str, Any]:
    """Given a narrative figure, return its gold mention."""
    out: dict[str, Any] = {"section": figure.section, "quote": figure_quote(figure), "value": figure.value, "unit": figure.unit,
                           "approx": bool(figure.approx), "metric": figure.metric}
    if figure.accept:
        out["accept"] = list(figure.accept)
    if figure.note:
        out["note"] = figure.note
    return out


def gold(model: ReportModel, fmt: str) -> dict[str, Any]:
    """Given a finished model and its layout, return the gold label."""
    _, ext, word = LAYOUTS[fmt]
    out: dict[str, Any] = {
        "document": f"{model.stem}.{ext}",
        "format": word,
        "agency": model.agency.name,
        "report_year": model.year,
        "published": model.published,
        "template": model.version,
        "template_deviations": [text for _, text in model.deviations],
        "cells": dict(model.cells),
        "mentions": [mention(f) for f in model.figures],
        "findings": gold_findings(model),
        "synthetic": {"level": model.agency.level, "injected": list(model.injected)},
    }
    if model.cross_year is not None:
        out["cross_year"] = model.cross_year
    return out


def dumps(label: dict[str, Any]) -> str:
    """Given a gold label, return its canonical JSON text (sorted keys, same bytes for the same label)."""
    return json.dumps(label, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
