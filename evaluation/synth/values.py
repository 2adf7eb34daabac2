"""Table values shaped like real reports: every strict identity holds, many zero rows, heavy tails by level."""
from __future__ import annotations

import math
import random

from evaluation.synth.model import Value
from extraction.spec import VersionSpec, load_spec

# (low, high) of 表三 一、本年新收 总计, log-uniform, per level
NEW_REQUESTS = {"省": (200, 3500), "市": (80, 3500), "区县": (8, 900), "乡镇街道": (0, 15), "部门": (0, 150)}
REVIEWS = {"省": (5, 400), "市": (3, 400), "区县": (0, 40), "乡镇街道": (0, 2), "部门": (0, 15)}
LICENSING = {"省": (10_000, 900_000), "市": (30_000, 500_000), "区县": (2_000, 60_000), "乡镇街道": (0, 60), "部门": (0, 40_000)}
PENALTY = {"省": (1_000, 400_000), "市": (1_000, 200_000), "区县": (100, 20_000), "乡镇街道": (0, 30), "部门": (0, 8_000)}
COERCION = {"省": (0, 90_000), "市": (0, 20_000), "区县": (0, 800), "乡镇街道": (0, 5), "部门": (0, 300)}
FEES_WAN = {"省": (1_000, 100_000), "市": (500, 100_000), "区县": (10, 10_000), "乡镇街道": (0, 50), "部门": (0, 5_000)}
NORMATIVE = {"省": (5, 80), "市": (3, 60), "区县": (1, 40), "乡镇街道": (0, 5), "部门": (0, 15)}
ORG_WEIGHTS = (0.5, 0.04, 0.05, 0.26, 0.15)  # 商业企业 科研机构 社会公益组织 法律服务机构 其他
LEAF_WEIGHTS = {  # typical share of each 表三 result row
    "result.disclosed": 0.35, "result.partially_disclosed": 0.12,
    "result.withheld.state_secret": 0.004, "result.withheld.prohibited_by_law": 0.01,
    "result.withheld.three_securities_one_stability": 0.003, "result.withheld.third_party_rights": 0.006,
    "result.withheld.internal_affairs": 0.005, "result.withheld.process_info": 0.008,
    "result.withheld.enforcement_case_file": 0.005, "result.withheld.administrative_query": 0.03,
    "result.unable.not_held": 0.24, "result.unable.needs_creation": 0.02, "result.unable.unclear_after_correction": 0.01,
    "result.not_processed.petition_complaint": 0.03, "result.not_processed.repeated": 0.015,
    "result.not_processed.publication": 0.002, "result.not_processed.excessive": 0.003,
    "result.not_processed.confirm_or_reissue": 0.003,
    "result.other.no_correction": 0.03, "result.other.fee_unpaid": 0.003, "result.other.other": 0.05,
}
LEAF_WEIGHTS["result.other"] = sum(v for k, v in LEAF_WEIGHTS.items() if k.startswith("result.other."))


def log_uniform(rng: random.Random, low: int, high: int) -> int:
    """Given a range, return an integer drawn log-uniformly in it (heavy tail towards high)."""
    return int(math.exp(rng.uniform(math.log(low + 1), math.log(high + 1)))) - 1


def split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Given a total and weights, return counts per weight that add up to the total."""
    counts = [0] * len(weights)
    if total <= 0 or not any(weights):
        counts[0] += max(total, 0)
        return counts
    for i in rng.choices(range(len(weights)), weights, k=total):
        counts[i] += 1
    return counts


def applicant_split(rng: random.Random, total: int, org_share: float) -> list[int]:
    """Given a 总计, return the six applicant columns (自然人 first) adding up to it."""
    orgs = sum(1 for _ in range(total) if rng.random() < org_share)
    return [total - orgs] + split(rng, orgs, list(ORG_WEIGHTS))


def requests_values(rng: random.Random, version: VersionSpec, level: str, carried_over: list[int] | None) -> dict[str, int]:
    """Given the 表三 rows of a version and the 上年结转 columns (or None), return every 表三 cell."""
    columns = load_spec().column_keys
    parts = columns[:-1]
    org_share = rng.choice((0.0, 0.02, 0.05, 0.1, 0.2))
    new = applicant_split(rng, log_uniform(rng, *NEW_REQUESTS[level]), org_share)
    if carried_over is None:
        carried_over = [rng.randint(0, n // 12) if i == 0 or rng.random() < 0.1 else 0 for i, n in enumerate(new)]
    leaves = [r.key for r in version.requests_rows if r.kind == "leaf"]
    weights = [LEAF_WEIGHTS[k] * rng.uniform(0.3, 1.7) * (rng.random() > 0.3) for k in leaves]
    weights[0] = max(weights[0], 0.05)
    values: dict[str, int] = {}
    for i, col in enumerate(parts):
        pool = new[i] + carried_over[i]
        forward = rng.randint(0, pool // 10) if pool else 0
        for key, count in zip(leaves, split(rng, pool - forward, weights)):
            values[f"requests.{key}.{col}"] = count
        values[f"requests.new.{col}"] = new[i]
        values[f"requests.carried_over.{col}"] = carried_over[i]
        values[f"requests.carried_forward.{col}"] = forward
        values[f"requests.result.total.{col}"] = pool - forward
    for row in version.requests_rows:
        values[f"requests.{row.key}.total"] = sum(values[f"requests.{row.key}.{c}"] for c in parts)
    return {f"requests.{row.key}.{c}": values[f"requests.{row.key}.{c}"] for row in version.requests_rows for c in columns}


def review_values(rng: random.Random, level: str) -> dict[str, int]:
    """Given a level, return the 15 表四 cells (each 总计 the sum of its four outcomes)."""
    out: dict[str, int] = {}
    low, high = REVIEWS[level]
    for group, scale in (("review", 1.0), ("litigation.direct", 0.4), ("litigation.after_review", 0.3)):
        total = int(log_uniform(rng, low, high) * scale) if rng.random() < 0.8 else 0
        for outcome, count in zip(("maintained", "corrected", "other", "pending"), split(rng, total, [0.45, 0.15, 0.25, 0.15])):
            out[f"{group}.{outcome}"] = count
        out[f"{group}.total"] = total
    return out


def active_values(rng: random.Random, version: VersionSpec, level: str, prev_in_force: dict[str, int] | None) -> dict[str, Value]:
    """Given a version of 表二, a level and last year's 现行有效 counts (or None), return the 表二 cells."""
    makes_rules = level in ("省", "市")
    out: dict[str, Value] = {}
    for row, low_high in (("rules", (0, 8) if makes_rules else (0, 0)), ("normative_docs", NORMATIVE[level])):
        issued = log_uniform(rng, *low_high)
        repealed = rng.randint(0, issued // 2 + (2 if issued else 0))
        if version.id == "v2021":
            base = (prev_in_force or {}).get(row)
            if base is None:
                base = rng.randint(repealed, repealed + issued * 8 + (20 if makes_rules or row == "normative_docs" else 0))
            out[f"active.{row}.issued"] = issued
            out[f"active.{row}.repealed"] = repealed
            out[f"active.{row}.in_force"] = max(base + issued - repealed, 0)
        else:
            published = rng.randint(max(issued - 2, 0), issued)
            out[f"active.{row}.new_made"] = issued
            out[f"active.{row}.new_published"] = published
            out[f"active.{row}.total_published"] = published + rng.randint(0, issued * 10 + 5)
    decisions = {"licensing": LICENSING, "penalty": PENALTY, "coercion": COERCION, "other_services": LICENSING}
    for key in [k for k in version.cells if k.startswith("active.") and not k.startswith(("active.rules", "active.normative"))]:
        row, col = key.split(".")[1], key.split(".")[2]
        if col == "decisions":
            out[key] = log_uniform(rng, *decisions[row][level]) if rng.random() < 0.9 else 0
        elif col == "prev_year_items":
            out[key] = rng.randint(0, 400) if rng.random() < 0.8 else 0
        elif col == "change":
            out[key] = rng.randint(-15, 20) if rng.random() < 0.6 else 0
        elif col == "amount_wan_yuan":
            out[key] = round(rng.uniform(*FEES_WAN[level]) * (rng.random() < 0.9), 2)
        elif col == "projects":
            out[key] = rng.randint(0, 300)
        elif col == "amount":
            out[key] = round(rng.uniform(0, 50_000), 2)
    return {k: out[k] for k in version.cells if k in out}


def in_force(cells: dict[str, Value]) -> dict[str, int]:
    """Given 表二 cells of a v2021 report, return its 现行有效 counts per row (rules, normative_docs)."""
    return {row: int(v) for row in ("rules", "normative_docs") if isinstance(v := cells.get(f"active.{row}.in_force"), int)}
