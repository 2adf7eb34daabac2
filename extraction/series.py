"""One agency's reports linked across years -> cross-year findings (carry chain, in-force chain, narrative reuse).

Rules (template-spec.md §3.2):
- X.carry_chain: 二、上年结转 (N) == 四、结转下年度继续办理 (N−1), per applicant column; any template pair,
  2020 (v2019) → 2021 (v2021) included, since both rows exist in both formats.
- X.in_force_chain: 现行有效件数 (N) == 现行有效件数 (N−1) + 本年制发件数 (N) − 本年废止件数 (N), for 规章 and
  行政规范性文件; v2021 → v2021 only (v2019 对外公开总数量 is a different quantity).
- narrative_reuse: the share of the sentences of section X in year N (after removing all whitespace; only
  sentences of at least MIN_SENTENCE_CHARS characters, the
  section heading left out) that occur verbatim among the sentences of section X
  in year N−1. Flagged when above REUSE_THRESHOLD, for sections with at least MIN_SENTENCES such sentences.
A chain is skipped (no finding) when either side's cell is missing or blank. Years must be consecutive.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from extraction.spec import load_spec

REUSE_THRESHOLD = 0.6
MIN_SENTENCE_CHARS = 10  # shorter sentences (无。/ 详见下表。) recur in every report and say nothing about copying
MIN_SENTENCES = 4
IN_FORCE_ROWS = {"rules": "规章", "normative_docs": "行政规范性文件"}
_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")
_SPACE = re.compile(r"\s+")
_HEADING = re.compile(r"^[一二三四五六七八九十][、.．]")  # the section heading is the same every year by design
HEADING_MAX_CHARS = 40

Cells = dict[str, dict[str, Any]]


def pick_per_year(reports: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Given an agency's reports, return one per year: the one with most cells, then the smallest path (deterministic)."""
    best: dict[int, dict[str, Any]] = {}
    for r in sorted(reports, key=lambda r: (-r["n_cells"], r["path"])):
        best.setdefault(r["year"], r)
    return dict(sorted(best.items()))


def carry_keys(column: str) -> tuple[str, str]:
    """Given an applicant column, return the keys the carry chain compares: 上年结转 (N), 结转下年度 (N−1)."""
    return f"requests.carried_over.{column}", f"requests.carried_forward.{column}"


def in_force_keys(row: str) -> dict[str, str]:
    """Given a 表二 row (rules, normative_docs), return its in_force / issued / repealed cell keys."""
    return {part: f"active.{row}.{part}" for part in ("in_force", "issued", "repealed")}


def chain_keys() -> list[str]:
    """Return the cell keys the chains read (the linker fetches only these from the store)."""
    carry = [key for col in load_spec().applicant_columns for key in carry_keys(col["key"])]
    return sorted(carry + [key for row in IN_FORCE_ROWS for key in in_force_keys(row).values()])


def _value(cells: Cells, key: str) -> float | int | None:
    cell = cells.get(key)
    return None if cell is None else cell.get("value")


def _evidence(key: str, year: int, cells: Cells) -> dict[str, Any]:
    cell = cells.get(key, {})
    out: dict[str, Any] = {"cell": key, "year": year, "value": cell.get("value"), "raw": cell.get("raw")}
    out.update({k: cell[k] for k in ("page", "line", "address") if cell.get(k) is not None})
    return out


def _fmt(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _stem(path: str) -> str:
    return PurePath(path.split("!/")[-1]).stem


def carry_chain(prev: dict[str, Any], cur: dict[str, Any]) -> list[dict[str, Any]]:
    """Given reports of years N−1 and N, return a finding per column where 上年结转 (N) ≠ 结转下年度 (N−1)."""
    spec = load_spec()
    findings = []
    for col in spec.applicant_columns:
        column, label = col["key"], col["label"]
        now_key, then_key = carry_keys(column)
        now, then = _value(cur["cells"], now_key), _value(prev["cells"], then_key)
        if now is None or then is None or abs(float(now) - float(then)) < 1e-6:
            continue
        message = (f"表三 二、上年结转 {label} 列：{cur['year']}年报告为{_fmt(now)}，"
                   f"但{prev['year']}年报告（{_stem(prev['path'])}）四、结转下年度继续办理为{_fmt(then)}")
        findings.append({
            "rule": "cross_year", "severity": "error", "identity": f"X.carry_chain.{column}", "metric": now_key,
            "previous": prev["path"], "previous_year": prev["year"], "values": {now_key: now, f"previous.{then_key}": then},
            "message": message, "evidence": [_evidence(now_key, cur["year"], cur["cells"]), _evidence(then_key, prev["year"], prev["cells"])],
        })
    return findings


def in_force_chain(prev: dict[str, Any], cur: dict[str, Any]) -> list[dict[str, Any]]:
    """Given reports of years N−1 and N (both v2021), return findings where 现行有效 (N) ≠ 现行有效 (N−1) + 制发 − 废止."""
    if prev.get("template") != "v2021" or cur.get("template") != "v2021":
        return []
    findings = []
    for row, label in IN_FORCE_ROWS.items():
        keys = in_force_keys(row)
        now, issued, repealed = (_value(cur["cells"], keys[p]) for p in ("in_force", "issued", "repealed"))
        then = _value(prev["cells"], keys["in_force"])
        if None in (now, issued, repealed, then):
            continue
        expected = float(then) + float(issued) - float(repealed)
        if abs(float(now) - expected) < 1e-6:
            continue
        message = (f"表二 {label} 现行有效件数：{cur['year']}年为{_fmt(now)}，但{prev['year']}年现行有效{_fmt(then)}"
                   f"＋本年制发{_fmt(issued)}－本年废止{_fmt(repealed)}＝{_fmt(expected)}")
        findings.append({
            "rule": "cross_year", "severity": "warning", "identity": f"X.in_force_chain.{row}", "metric": keys["in_force"],
            "previous": prev["path"], "previous_year": prev["year"],
            "values": {keys["in_force"]: now, keys["issued"]: issued, keys["repealed"]: repealed,
                       f"previous.{keys['in_force']}": then, "expected": expected},
            "message": message,
            "evidence": [_evidence(keys["in_force"], cur["year"], cur["cells"]), _evidence(keys["issued"], cur["year"], cur["cells"]),
                         _evidence(keys["repealed"], cur["year"], cur["cells"]), _evidence(keys["in_force"], prev["year"], prev["cells"])],
        })
    return findings


def sentences(text: str) -> list[str]:
    """Given a section's text, return its sentences without whitespace; headings and short sentences dropped."""
    parts = (_SPACE.sub("", s) for s in _SENTENCE_END.split(text or ""))
    return [s for s in parts if len(s) >= MIN_SENTENCE_CHARS and not (_HEADING.match(s) and len(s) <= HEADING_MAX_CHARS)]


def reuse_ratio(previous: str, current: str) -> tuple[float, int, int] | None:
    """Given a section's text in years N−1 and N, return (ratio, reused, total) or None when N has too few sentences."""
    now, then = sentences(current), set(sentences(previous))
    if len(now) < MIN_SENTENCES or not then:
        return None
    reused = sum(1 for s in now if s in then)
    return round(reused / len(now), 3), reused, len(now)


def narrative_reuse(prev: dict[str, Any], cur: dict[str, Any], threshold: float = REUSE_THRESHOLD) -> list[dict[str, Any]]:
    """Given reports of years N−1 and N, return a warning per section whose reuse ratio is above the threshold."""
    findings = []
    for section in sorted(set(prev["sections"]) & set(cur["sections"])):
        measured = reuse_ratio(prev["sections"][section], cur["sections"][section])
        if measured is None or measured[0] <= threshold:
            continue
        ratio, reused, total = measured
        findings.append({
            "rule": "narrative_reuse", "severity": "warning", "section": section, "reuse_ratio": ratio,
            "previous": prev["path"], "previous_year": prev["year"], "values": {"reused": reused, "sentences": total},
            "message": (f"第{section}部分{total}句中有{reused}句（{ratio:.0%}）与{prev['year']}年报告（{_stem(prev['path'])}）"
                        f"逐字相同，超过{threshold:.0%}"),
            "evidence": [{"section": section, "year": cur["year"]}, {"section": section, "year": prev["year"], "previous": prev["path"]}],
        })
    return findings


def link_reports(reports: list[dict[str, Any]], threshold: float = REUSE_THRESHOLD) -> dict[int, list[dict[str, Any]]]:
    """Given one agency's reports (Store.series_inputs), return the cross-year findings per report id of year N."""
    by_year = pick_per_year(reports)
    out: dict[int, list[dict[str, Any]]] = {}
    for year, cur in by_year.items():
        prev = by_year.get(year - 1)
        if prev is None:
            continue
        found = carry_chain(prev, cur) + in_force_chain(prev, cur) + narrative_reuse(prev, cur, threshold)
        if found:
            out[cur["id"]] = found
    return out


def link_agency(store: Any, agency_key: str, threshold: float = REUSE_THRESHOLD) -> int:
    """Given a Store and an agency key, replace that agency's cross-year findings; return how many were stored."""
    findings = link_reports(store.series_inputs(agency_key, chain_keys()), threshold)
    store.replace_series_findings(agency_key, findings)
    return sum(len(v) for v in findings.values())


def link_stale(store: Any, threshold: float = REUSE_THRESHOLD) -> dict[str, int]:
    """Given a Store, relink every agency whose reports changed since its last linking; return findings per agency."""
    return {key: link_agency(store, key, threshold) for key in store.stale_agencies()}
