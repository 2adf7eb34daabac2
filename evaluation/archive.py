"""`zfxxgk eval-archive`: score a store's cross-year findings against the synthetic generator's `cross_year` gold.

The unit scored is one *chain* of one document (year N) against its previous year's document (N−1):

- ``(stem, "carry_chain", None)``: 二、上年结转 (N) = 四、结转下年度继续办理 (N−1), all 7 columns together;
- ``(stem, "in_force_chain", row)`` for row ``rules`` / ``normative_docs``: 现行有效 (N) = 现行有效 (N−1) + 制发 − 废止.

**Gold**: every ``<stem>.gold.json`` under GOLD_DIR (searched recursively). A gold file with a ``cross_year``
block gives one unit per entry of ``expected``: ``carry_chain`` → the carry unit; ``in_force_chain`` with an
``identity`` ``X.in_force_chain.<row>`` → that row's unit (entries with ``"applicable": false`` — v2019 on either
side — give no unit). The unit is *broken* when ``holds`` is false; ``previous`` is the stem of year N−1's document.

**Store**: every finding with rule ``cross_year`` (extraction/series.py). Its unit is the stem of its report's
document path (the part after ``archive!/`` for an archive member, without the folder and the extension), the
chain and row from its ``identity`` (``X.carry_chain.<column>`` → the carry unit, whatever the column, so the
several columns one break shows in count once; ``X.in_force_chain.<row>`` → that row's unit), and the stem of
its ``previous`` path.

**Matching**: a store unit matches a gold unit when stem, chain and row are equal *and* the store finding's
previous stem is the gold ``previous``. Then, over the gold units:

- true positive: gold broken and a matching store unit;
- false negative: gold broken and no matching store unit (the document was not stored, was misread, or the
  checker missed the break);
- false positive: a store unit that matches no broken gold unit — the gold says the chain holds, or names
  another previous document, or has no such unit (an in-force chain across v2019, a row the gold leaves
  blank) — counted for the documents of *series agencies* (an agency key, extraction/agency.py, of a gold file
  with a ``cross_year`` block). Findings on other gold documents (single reports that happen to share a key)
  are reported as ``outside_series`` and not scored; findings on documents without a gold file are ignored.

precision = TP / (TP + FP), recall = TP / (TP + FN) (1.0 when the denominator is 0).

**Gold vs checker vocabulary**: each gold unit is also re-derived by running the checker's own rules
(`extraction.series.carry_chain` / `in_force_chain`) on the *gold* cells of the two documents; a unit where the
checker, given perfect extraction, would disagree with the gold (e.g. a break labelled where one side is blank,
which the checker skips by design) is listed under ``gold_disagreements``. With a consistent generator that list
is empty, and every false positive / negative is then an extraction or linking error.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path, PurePath
from typing import Any

from extraction.agency import agency_key

Unit = tuple[str, str, str | None]  # (document stem, chain, row)
CHAINS = ("carry_chain", "in_force_chain")
SHOWN = 10


def stem_of(path: str) -> str:
    """Given a stored document path (or archive!/member), return its stem."""
    return PurePath(path.split("!/")[-1]).stem


def unit_of(stem: str, identity: str) -> Unit | None:
    """Given a document stem and a finding/gold identity, return its unit, or None for another identity."""
    parts = (identity or "").split(".")
    if len(parts) < 2 or parts[0] != "X" or parts[1] not in CHAINS:
        return None
    if parts[1] == "carry_chain":
        return (stem, "carry_chain", None)
    return (stem, "in_force_chain", parts[2]) if len(parts) > 2 else None


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Given a folder, return every gold label under it by document stem."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.rglob("*.gold.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        stem = PurePath(label.get("document") or path.name[: -len(".gold.json")]).stem
        out[stem] = label
    return out


def gold_units(gold: dict[str, dict[str, Any]]) -> tuple[dict[Unit, dict[str, Any]], int]:
    """Given gold labels by stem, return {unit: {broken, previous}} and the number of not-applicable in-force entries."""
    units: dict[Unit, dict[str, Any]] = {}
    not_applicable = 0
    for stem, label in gold.items():
        cross = label.get("cross_year")
        if not cross:
            continue
        for entry in cross.get("expected", []):
            if entry.get("applicable") is False:
                not_applicable += 1
                continue
            unit = unit_of(stem, entry.get("identity") or f"X.{entry.get('rule')}")
            if unit is not None:
                units[unit] = {"broken": not entry.get("holds", True), "previous": cross.get("previous")}
    return units, not_applicable


def _as_report(stem: str, label: dict[str, Any]) -> dict[str, Any]:
    cells = {k: {"value": v} for k, v in (label.get("cells") or {}).items() if v is not None}
    return {"path": f"{stem}.x", "year": label.get("report_year"), "template": label.get("template"), "cells": cells}


def gold_disagreements(gold: dict[str, dict[str, Any]], units: dict[Unit, dict[str, Any]]) -> list[dict[str, Any]]:
    """Given gold labels and their units, return the units where the checker run on the gold cells disagrees with the gold."""
    from extraction.series import carry_chain, in_force_chain

    out = []
    for stem, label in sorted(gold.items()):
        cross = label.get("cross_year")
        if not cross or cross.get("previous") not in gold:
            continue
        prev, cur = _as_report(cross["previous"], gold[cross["previous"]]), _as_report(stem, label)
        seen = {unit_of(stem, f["identity"]) for f in carry_chain(prev, cur) + in_force_chain(prev, cur)}
        mine = {u for u in units if u[0] == stem}
        for unit in sorted(mine | seen, key=str):
            labelled = units.get(unit, {}).get("broken", False) if unit in units else None
            if unit not in units or labelled != (unit in seen):
                out.append({"unit": list(unit), "gold": "no unit" if labelled is None else ("broken" if labelled else "holds"),
                            "checker_on_gold_cells": "broken" if unit in seen else "holds or skipped"})
    return out


def store_units(db: Path) -> tuple[dict[Unit, set[str]], dict[str, dict[str, Any]], int]:
    """Given a store, return {unit: previous stems} of its cross_year findings, its documents by stem, and the finding count."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute("SELECT d.path, f.identity, f.finding_json FROM findings f JOIN reports r ON r.id = f.report_id "
                            "JOIN documents d ON d.id = r.document_id WHERE f.rule = 'cross_year'").fetchall()
        docs = {stem_of(r["path"]): dict(r) for r in conn.execute(
            "SELECT d.path, r.agency_key, r.report_year, r.template FROM reports r JOIN documents d ON d.id = r.document_id")}
        for r in conn.execute("SELECT path, code FROM errors"):
            docs.setdefault(stem_of(r["path"]), {"path": r["path"], "error": r["code"]})
    finally:
        conn.close()
    units: dict[Unit, set[str]] = defaultdict(set)
    for r in rows:
        unit = unit_of(stem_of(r["path"]), r["identity"])
        if unit is not None:
            units[unit].add(stem_of(json.loads(r["finding_json"]).get("previous") or ""))
    return dict(units), docs, len(rows)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def compare(db: Path, gold_dir: Path) -> dict[str, Any]:
    """Given a store and a folder of gold labels, return the scores of broken-chain detection (see the module doc)."""
    gold = load_gold(gold_dir)
    units, not_applicable = gold_units(gold)
    found, docs, n_findings = store_units(db)
    series_keys = {agency_key(label.get("agency")) for label in gold.values() if label.get("cross_year")}
    in_series = {stem for stem, label in gold.items() if agency_key(label.get("agency")) in series_keys}
    per_chain: dict[str, dict[str, int]] = {c: {"checked": 0, "broken": 0, "tp": 0, "fp": 0, "fn": 0} for c in CHAINS}
    missed, extra, outside = [], [], 0
    for unit, g in units.items():
        tally = per_chain[unit[1]]
        tally["checked"] += 1
        hit = g["previous"] in found.get(unit, set())
        if g["broken"]:
            tally["broken"] += 1
            if hit:
                tally["tp"] += 1
            else:
                tally["fn"] += 1
                missed.append({"unit": list(unit), "previous": g["previous"], "stored": unit[0] in docs,
                               "store_previous": sorted(found.get(unit, set()))})
    for unit, previous in found.items():
        if unit[0] not in gold:
            continue
        if unit[0] not in in_series:
            outside += 1
            continue
        g = units.get(unit)
        wrong = previous - ({g["previous"]} if g and g["broken"] else set())
        if wrong:
            per_chain[unit[1]]["fp"] += 1
            extra.append({"unit": list(unit), "store_previous": sorted(wrong),
                          "gold": "no unit" if g is None else ("broken" if g["broken"] else "holds"),
                          "gold_previous": g and g["previous"]})
    tp = sum(t["tp"] for t in per_chain.values())
    fp = sum(t["fp"] for t in per_chain.values())
    fn = sum(t["fn"] for t in per_chain.values())
    for t in per_chain.values():
        t["precision"], t["recall"] = _ratio(t["tp"], t["tp"] + t["fp"]), _ratio(t["tp"], t["tp"] + t["fn"])
    series_docs = sorted(in_series)
    return {
        "documents_gold": len(gold),
        "series_documents": len(series_docs),
        "series_agencies": len(series_keys),
        "series_documents_stored": sum(1 for s in series_docs if s in docs and "error" not in docs[s]),
        "series_documents_failed": sorted(s for s in series_docs if s in docs and "error" in docs[s]),
        "series_documents_missing": sorted(s for s in series_docs if s not in docs),
        "chains_checked": sum(t["checked"] for t in per_chain.values()),
        "chains_broken": sum(t["broken"] for t in per_chain.values()),
        "in_force_not_applicable": not_applicable,
        "store_cross_year_findings": n_findings,
        "tp": tp, "fp": fp, "fn": fn,
        "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
        "per_chain": per_chain,
        "outside_series": outside,
        "missed": missed, "extra": extra,
        "gold_disagreements": gold_disagreements(gold, units),
    }


def run(db: Path, gold_dir: Path, json_path: Path | None = None, min_precision: float | None = None,
        min_recall: float | None = None, echo: Any = print) -> int:
    """Given a store, a gold folder, an optional JSON file and minimums, print the scores; return 0, 1 (below) or 2 (no input)."""
    if not db.is_file():
        echo(f"no store at {db}")
        return 2
    result = compare(db, gold_dir)
    if not result["chains_checked"]:
        echo(f"no gold file with a cross_year block under {gold_dir}")
        return 2
    failed = [f"{name} {result[name]:.4f} < {minimum}" for name, minimum in (("precision", min_precision), ("recall", min_recall))
              if minimum is not None and result[name] < minimum]
    echo(f"series: {result['series_agencies']} agencies, {result['series_documents']} documents "
         f"({result['series_documents_stored']} stored, {len(result['series_documents_failed'])} failed, "
         f"{len(result['series_documents_missing'])} missing) of {result['documents_gold']} gold documents")
    echo(f"chains checked: {result['chains_checked']} ({result['chains_broken']} broken in gold; "
         f"{result['in_force_not_applicable']} in-force chains not applicable across v2019)")
    for chain, t in result["per_chain"].items():
        echo(f"  {chain:15} checked {t['checked']:5}  broken {t['broken']:4}  TP {t['tp']:4}  FP {t['fp']:3}  FN {t['fn']:3}  "
             f"precision {t['precision']:.4f}  recall {t['recall']:.4f}")
    echo(f"broken-chain detection: precision {result['precision']:.4f} ({result['tp']}/{result['tp'] + result['fp']}), "
         f"recall {result['recall']:.4f} ({result['tp']}/{result['tp'] + result['fn']}); "
         f"{result['store_cross_year_findings']} cross_year findings in the store, {result['outside_series']} on non-series documents")
    for kind in ("missed", "extra", "gold_disagreements"):
        for item in result[kind][:SHOWN]:
            echo(f"  {kind}: {json.dumps(item, ensure_ascii=False)}")
        if len(result[kind]) > SHOWN:
            echo(f"  {kind}: … {len(result[kind]) - SHOWN} more")
    if json_path is not None:
        payload = {**result, "thresholds": {"precision": min_precision, "recall": min_recall}, "below_threshold": failed}
        json_path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2) + "\n", encoding="utf-8")
    for line in failed:
        echo(f"below threshold: {line}")
    return 1 if failed else 0
