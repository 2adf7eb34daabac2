"""Labeled errors injected into a report model: structural deviations before the narrative, slips after it."""
from __future__ import annotations

import random

from evaluation.synth.findings import metric_value
from evaluation.synth.model import ReportModel
from extraction.spec import load_spec

STRUCTURAL = ("single_other_row", "normative_label")
SLIPS = ("narrative", "parts", "cell", "wan")
WEIGHTS = {"single_other_row": 1, "normative_label": 1, "narrative": 3, "parts": 2, "cell": 3, "wan": 1}
LABEL_TYPOS = {  # printed typos that are not deviations: the row must still be read
    "requests.result.withheld.prohibited_by_law": "2.其他法律行政止公开",
    "requests.result.withheld.three_securities_one_stability": '3.危及"三安全一稳定"',
    "requests.result.unable.not_held": "1.本机关不掌握相关政府信",
}


def choose_errors(rng: random.Random, rate: float, version: str) -> list[str]:
    """Given the error rate and version, return 0..2 distinct error kinds to inject into one report."""
    if rng.random() >= rate:
        return []
    kinds = [k for k in WEIGHTS if version == "v2021" or k not in STRUCTURAL]
    first = rng.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
    if rng.random() < 0.7:
        return [first]
    second = rng.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
    return [first] if second == first else [first, second]


def single_other_row(model: ReportModel) -> None:
    """Print 三（六） as the 2019 single row in a 2021 report (a template deviation)."""
    columns = load_spec().column_keys
    cells: dict = {}
    for key, value in model.cells.items():
        if key.startswith("requests.result.other."):
            col = key.rsplit(".", 1)[1]
            target = f"requests.result.other.{col}"
            cells[target] = None if value is None and cells.get(target) is None else (cells.get(target) or 0) + (value or 0)
            continue
        if key.startswith("requests.result.total."):
            cells.update({f"requests.result.other.{c}": cells.get(f"requests.result.other.{c}") for c in columns if f"requests.result.other.{c}" not in cells})
        cells[key] = value
    model.cells = cells
    model.requests_version = "v2019"
    model.deviations.append(("requests.result.other", "三（六）其他处理 printed as one row (2019 layout) instead of three sub-rows"))
    model.injected.append("single 三（六） row in a v2021 report")


def normative_label(model: ReportModel) -> None:
    """Print 规范性文件 (2019 wording) for the 2021 row 行政规范性文件 (a template deviation)."""
    model.labels["active.normative_docs"] = "规范性文件"
    model.deviations.append(("active.normative_docs", "label 规范性文件 (2019 format) instead of 行政规范性文件; values unaffected"))
    model.injected.append("表二 label 规范性文件 in a v2021 report")


def apply_structural(model: ReportModel, kinds: list[str], rng: random.Random) -> None:
    """Given chosen error kinds, apply the structural ones and the harmless label typos."""
    if "single_other_row" in kinds:
        single_other_row(model)
    if "normative_label" in kinds:
        normative_label(model)
    if rng.random() < 0.15:
        key = rng.choice(sorted(LABEL_TYPOS))
        model.labels[key] = LABEL_TYPOS[key]


def shifted(rng: random.Random, value: int | float, avoid: list[float]) -> int | float:
    """Given a value and readings to avoid, return a plausible wrong value (off by a little, never negative)."""
    for _ in range(20):
        if isinstance(value, float):
            wrong: int | float = round(value + rng.choice((-1, 1)) * rng.choice((0.5, 1.2, 10.0)), 2)
        else:
            wrong = value + rng.choice((-1, 1)) * rng.choice((1, 1, 2, 3, 10))
        if wrong >= 0 and all(abs(wrong - a) > 1e-6 for a in avoid):
            return wrong
    return value + 7


def narrative_slip(model: ReportModel, rng: random.Random) -> bool:
    """Change one exact linked figure so that no reading of the table gives it."""
    candidates = [f for f in model.figures if f.metric and not f.approx]
    if not candidates:
        return False
    figure = rng.choice(candidates)
    avoid = [v for k in (figure.metric, *figure.accept) if (v := metric_value(model, k)) is not None]
    figure.value = shifted(rng, figure.value, avoid + [figure.value])
    model.injected.append(f"narrative figure {figure.metric} changed to {figure.value}")
    return True


def parts_slip(model: ReportModel, rng: random.Random) -> bool:
    """Change one 其中 part so that the parts no longer add up to their stated total."""
    lists = [p for p in model.parts_lists if model.figures[p.total].value > 0]
    if not lists:
        return False
    parts = rng.choice(lists)
    figure = model.figures[rng.choice(parts.parts)]
    figure.value = shifted(rng, int(figure.value), [figure.value])
    model.injected.append(f"其中 part {figure.metric} of {parts.partition} changed to {figure.value}")
    return True


def cell_slip(model: ReportModel, rng: random.Random) -> bool:
    """Change one printed 表三/表四 cell so that the identities through it break."""
    # 自然人/总计 columns and 表四 are never blank, so at least one identity through the cell can be checked
    keys = [k for k, v in model.cells.items() if v is not None and not k.startswith("active.")
            and (not k.startswith("requests.") or k.endswith((".natural_person", ".total")))]
    key = rng.choice(keys)
    model.cells[key] = shifted(rng, model.cells[key], [model.cells[key]])  # type: ignore[arg-type]
    model.injected.append(f"cell {key} changed to {model.cells[key]}")
    return True


def wan_slip(model: ReportModel, rng: random.Random) -> bool:
    """Write a 表二 count ten times too big in 万 (1.2万件 where the table says 1200)."""
    candidates = [f for f in model.figures if f.metric in ("active.licensing.decisions", "active.penalty.decisions")
                  and isinstance(model.cells.get(f.metric), int) and model.cells[f.metric] >= 1000]  # type: ignore[operator]
    if not candidates:
        return False
    figure = rng.choice(candidates)
    cell = int(model.cells[figure.metric]) // 10 * 10  # type: ignore[arg-type]
    model.cells[figure.metric] = cell  # type: ignore[index]
    figure.value, figure.style = cell * 10, "wan"
    model.injected.append(f"万 slip: {figure.metric} printed {cell}, narrative {figure.value}")
    return True


def apply_slips(model: ReportModel, kinds: list[str], rng: random.Random) -> None:
    """Given chosen error kinds, apply the slips (a kind that does not apply falls back to a cell slip)."""
    actions = {"narrative": narrative_slip, "parts": parts_slip, "cell": cell_slip, "wan": wan_slip}
    for kind in kinds:
        if kind in actions and not actions[kind](model, rng):
            cell_slip(model, rng)
