"""Synthetic 政府信息公开工作年度报告: one report model, rendered in every layout, with gold labels and injected errors.

`generate(outdir, n, seed, formats, error_rate, series)` writes `<stem>.<ext>` + `<stem>.gold.json` pairs;
`render(model, fmt)` gives the bytes of one layout, so tests can round-trip tables.
"""
from __future__ import annotations

import random
from pathlib import Path

from evaluation.synth.build import build_report
from evaluation.synth.gold import dumps, gold
from evaluation.synth.layouts import LAYOUTS, render
from evaluation.synth.model import ReportModel
from evaluation.synth.names import distinct_agency, make_agency
from evaluation.synth.series import build_series

__all__ = ["LAYOUTS", "generate", "models", "render"]

YEARS = (2019, 2024)


def models(n: int, seed: int, error_rate: float, series: int = 0) -> list[ReportModel]:
    """Given counts, a seed and an error rate, return n single reports then `series` agencies × 5 years.

    Every series agency has an agency key of its own (used by no single report and no other series), so that
    the store links exactly the five reports its cross-year gold describes.
    """
    from extraction.agency import agency_key

    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(build_report(rng, f"synth_{seed}_{i:03d}", make_agency(rng), rng.randint(*YEARS), error_rate))
    taken = {agency_key(m.agency.name) for m in out}
    for k in range(series):
        first = rng.randint(YEARS[0], YEARS[1] - 4)
        out += build_series(rng, f"synth_{seed}_series{k:02d}", distinct_agency(rng, taken), first, error_rate)
    return out


def generate(outdir: Path, n: int, seed: int, formats: list[str], error_rate: float, series: int = 0) -> list[Path]:
    """Given an output folder and generation settings, write each document and its gold; return the document paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for i, model in enumerate(models(n, seed, error_rate, series)):
        fmt = formats[i % len(formats)]
        path = outdir / f"{model.stem}.{LAYOUTS[fmt][1]}"
        path.write_bytes(render(model, fmt))
        (outdir / f"{model.stem}.gold.json").write_text(dumps(gold(model, fmt)), encoding="utf-8")
        written.append(path)
    return written
