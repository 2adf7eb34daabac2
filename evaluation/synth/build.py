"""One synthetic report model from a random source: agency, tables, narrative, injected errors."""
from __future__ import annotations

import random

from evaluation.synth.errors import apply_slips, apply_structural, choose_errors
from evaluation.synth.model import Agency, ReportModel, Value
from evaluation.synth.narrative import write_sections
from evaluation.synth.values import active_values, requests_values, review_values
from extraction.spec import load_spec

BLANK_ORGS_RATE = 0.15  # reports that leave zero 法人或其他组织 cells blank
NO_RULES_MARK_RATE = 0.4  # organs without rule-making power that print "/" for 规章
SPACED_RATE = 0.3  # PDF-like text: a space between number and unit ("3119 件")


def blank_zero_orgs(cells: dict[str, Value]) -> None:
    """Given 表三 cells, print every all-zero row of the five organisation columns blank (null in gold)."""
    orgs = load_spec().column_keys[1:-1]
    rows = {k.rsplit(".", 1)[0] for k in cells if k.startswith("requests.")}
    for row in rows:
        keys = [f"{row}.{c}" for c in orgs]
        if all(cells.get(k) == 0 for k in keys):
            for k in keys:
                cells[k] = None


def build_report(rng: random.Random, stem: str, agency: Agency, year: int, error_rate: float,
                 carried_over: list[int] | None = None, prev_in_force: dict[str, int] | None = None) -> ReportModel:
    """Given a random source, an agency and a year (and last year's carry-over), return a finished report model."""
    spec = load_spec()
    version = spec.version_for_year(year)
    vspec = spec.versions[version]
    cells: dict[str, Value] = {}
    cells.update(active_values(rng, vspec, agency.level, prev_in_force))
    cells.update(requests_values(rng, vspec, agency.level, carried_over))
    cells.update(review_values(rng, agency.level))
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    model = ReportModel(stem, agency, year, version, version, published, cells, spaced_units=rng.random() < SPACED_RATE)
    if agency.level not in ("省", "市") and rng.random() < NO_RULES_MARK_RATE:
        for key in [k for k in cells if k.startswith("active.rules.")]:
            model.cells[key], model.marks[key] = None, "/"
    if rng.random() < BLANK_ORGS_RATE:
        blank_zero_orgs(model.cells)
    kinds = choose_errors(rng, error_rate, version)
    apply_structural(model, kinds, rng)
    write_sections(model, rng)
    apply_slips(model, kinds, rng)
    return model
