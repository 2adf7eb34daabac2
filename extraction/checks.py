"""Checks -> findings: strict identities (with the suspect cell), narrative vs table, narrative parts, deviations."""
from __future__ import annotations

from typing import Any

from extraction.placement import Alternative
from extraction.report import Finding, Mention, Report
from extraction.spec import Identity, Spec, cell_name
from extraction.tables import DOUBTFUL_CONFIDENCE, CellValue, table_identities
from extraction.values import TableView, tidy

SEVERITY_ORDER = {"error": 0, "warning": 1}


def cell_location(key: str, spec: Spec, view: TableView) -> str:
    """Given a cell key, return how an auditor names it: 表三 三（七） 行 总计 列."""
    cell = view.requests_version.cells.get(key) or view.version.cells.get(key)
    return key if cell is None else cell_name(cell)


def _cell_evidence(key: str, cell: CellValue | None, spec: Spec, view: TableView) -> dict[str, Any]:
    out: dict[str, Any] = {"cell": key, "location": cell_location(key, spec, view)}
    if cell is not None:
        out["value"] = cell.value
        out["raw"] = cell.raw
        out.update(cell.where.to_json())
    return out


def _mention_evidence(m: Mention) -> dict[str, Any]:
    return {"quote": m.quote, "span": list(m.span), **m.where.to_json()}


def _holds(identity: Identity, values: dict[str, float]) -> bool:
    return abs(sum(map(values.__getitem__, identity.lhs)) - sum(map(values.__getitem__, identity.rhs))) < 1e-6


def _suspect(failing: list[Identity], passing: list[Identity], values: dict[str, float]) -> str | None:
    """Return the cell whose correction (to a non-negative integer) makes every identity hold, if one stands out."""
    candidates = sorted(set.intersection(*(set(i.keys) for i in failing)))
    fixes: list[str] = []
    for key in candidates:
        first = failing[0]
        sign = 1 if key in first.lhs else -1
        gap = sum(values[k] for k in first.rhs) - sum(values[k] for k in first.lhs)
        fixed = values[key] + sign * gap
        if fixed < 0 or abs(fixed - round(fixed)) > 1e-6:
            continue
        trial = dict(values, **{key: fixed})
        if all(_holds(i, trial) for i in failing + [p for p in passing if key in p.keys]):
            fixes.append(key)
    if len(fixes) == 1:
        return fixes[0]
    # Several single-cell fixes: a printed total is derived from its parts, so it is the one to re-check.
    totals = [k for k in fixes if all(k in i.lhs for i in failing)]
    return totals[0] if len(totals) == 1 else None


def identity_findings(report: Report, view: TableView, spec: Spec) -> list[Finding]:
    """Given parsed cells, return a finding per failing strict identity; name the suspect cell when one explains all."""
    identities = table_identities(spec)[(view.requests_version.id, view.version.id)]  # 表三's T3, the report's T4
    values = {k: float(c.value) for k, c in report.cells.items() if c.value is not None}
    checkable = [i for i in identities if values.keys() >= i.key_set]  # every cell of it read with a number
    holds = [_holds(i, values) for i in checkable]
    failing = [i for i, held in zip(checkable, holds) if not held]
    passing = [i for i, held in zip(checkable, holds) if held]
    # A failure that another placement of the same printed numbers resolves is a doubt about the layout.
    doubts = {(a.identity.id, a.identity.lhs): a for a in report.layout_alternatives}
    findings: list[Finding] = [_layout_finding(doubts[(i.id, i.lhs)], values, view, spec) for i in failing if (i.id, i.lhs) in doubts]
    failing = [i for i in failing if (i.id, i.lhs) not in doubts]
    if not failing:
        return findings
    for group in _connected(failing):
        suspect = _suspect(group, passing, values)
        for identity in group:
            findings.append(_identity_finding(identity, values, suspect, report, view, spec))
    return findings


def _connected(failing: list[Identity]) -> list[list[Identity]]:
    """Group failing identities that share cells: one wrong cell breaks all identities of its group."""
    groups: list[list[Identity]] = []
    for identity in failing:
        joined = [g for g in groups if any(set(identity.keys) & set(o.keys) for o in g)]
        merged = [identity] + [i for g in joined for i in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return [sorted(g, key=lambda i: (i.id, i.lhs)) for g in groups]


def _identity_finding(identity: Identity, values: dict[str, float], suspect: str | None, report: Report,
                      view: TableView, spec: Spec) -> Finding:
    lhs = tidy(sum(values[k] for k in identity.lhs))
    rhs = tidy(sum(values[k] for k in identity.rhs))
    lhs, rhs = (int(lhs) if float(lhs).is_integer() else lhs), (int(rhs) if float(rhs).is_integer() else rhs)
    where = cell_location(identity.lhs[0], spec, view)
    message = f"{where}：{identity.text}不成立，左边{lhs}，右边{rhs}"
    if suspect:
        message += f"；最可能出错的是{cell_location(suspect, spec, view)}（印为{_fmt(values[suspect])}）"
    severity = "error"
    unsure = [k for k in identity.keys if _doubtful_ocr(report.cells[k])]
    if unsure:
        # A broken sum over an OCR reading no identity vouches for says the reading is doubtful, not the report.
        severity = "warning"
        read = "、".join(f"{cell_location(k, spec, view)}（识别为{report.cells[k].raw}，置信度{report.cells[k].ocr_confidence:.2f}）" for k in unsure)
        message += f"；其中{read}为图片识别读数，存疑，请核对原图"
    fields: dict[str, Any] = {
        "identity": identity.id,
        "cells": {k: report.cells[k].value for k in identity.lhs},
        "parts_sum": rhs,
        "equation": {"lhs": list(identity.lhs), "rhs": list(identity.rhs), "lhs_value": lhs, "rhs_value": rhs},
    }
    if suspect:
        fields["suspect_cells"] = [suspect]
    evidence = [_cell_evidence(k, report.cells.get(k), spec, view) for k in identity.keys]
    if unsure:
        fields["doubtful_cells"] = unsure
    return Finding("table_identity", severity, message, evidence, fields)


def _doubtful_ocr(cell: CellValue) -> bool:
    """Given a cell, return whether it is an OCR reading the table stage could not vouch for."""
    return cell.ocr_confidence is not None and not cell.inferred and cell.confidence <= DOUBTFUL_CONFIDENCE


def _layout_finding(doubt: Alternative, values: dict[str, float], view: TableView, spec: Spec) -> Finding:
    """Given a failing identity that another placement satisfies, return a layout_ambiguous warning naming both."""
    identity = doubt.identity
    shown = lambda reading: "，".join(f"{cell_location(k, spec, view)}={'空' if v is None else _fmt(v)}" for k, v in reading.items())  # noqa: E731
    where = cell_location(identity.lhs[0], spec, view)
    message = (f"{where}：按所读排列（{doubt.chosen_note}）{identity.text}不成立（{shown(doubt.chosen)}）；"
               f"按另一种排列（{doubt.note}）则成立（{shown(doubt.other)}）；表格排版有歧义，请核对原表")
    fields: dict[str, Any] = {"identity": identity.id, "readings": [
        {"placement": doubt.chosen_note, "cells": doubt.chosen}, {"placement": doubt.note, "cells": doubt.other}]}
    evidence = [{"cell": k, "location": cell_location(k, spec, view)} for k in identity.keys]
    return Finding("layout_ambiguous", "warning", message, evidence, fields)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def narrative_findings(report: Report, view: TableView, spec: Spec) -> list[Finding]:
    """Given linked mentions, return a finding for every figure that the table contradicts."""
    findings: list[Finding] = []
    for m in report.mentions:
        if m.verdict != "mismatch" or m.metric is None:
            continue
        table = {k: v for k, v in m.table_values.items() if v is not None}
        shown = "，".join(f"{cell_location(k, spec, view) if k in report.cells else spec.metric_names.get(k, k)}为{_fmt(v)}" for k, v in table.items())
        message = f"正文称{m.quote}，表格{shown}"
        severity = "error"
        fields: dict[str, Any] = {"metric": m.metric, "narrative_value": m.value, "table_values": table}
        if m.scope_note:
            severity = "warning"
            message += f"；正文注明口径（{m.scope_note}），可能与表格统计范围不同"
            fields["note"] = f"scope: {m.scope_note}"
        evidence = [_mention_evidence(m)]
        for key in table:
            _, sources = view.resolve(key)
            evidence.extend(_cell_evidence(s, report.cells.get(s), spec, view) for s in sources if s not in {e.get("cell") for e in evidence})
        findings.append(Finding("narrative_vs_table", severity, message, evidence, fields))
    return findings


def parts_findings(report: Report, spec: Spec) -> list[Finding]:
    """Given mentions, return findings where a stated total differs from the sum of its own listed parts."""
    findings: list[Finding] = []
    mentions = [m for m in report.mentions if m.metric is not None and not m.approx]
    for i, total in enumerate(mentions):
        readings = [k for k in (total.metric, *total.alternatives) if k in spec.partitions]
        if not readings:
            continue
        # A total with two readings (新收 or 一＋二) is split by whichever partition its listed parts fill best.
        partition_key, used = max(((k, _listed_parts(total, mentions[i + 1:], spec.partitions[k])) for k in readings),
                                  key=lambda kv: sum(len(slot) for slot in kv[1].values()))
        parts = spec.partitions[partition_key]
        listed_mentions = [m for slot in used.values() for m in slot.values()]
        parts_sum = tidy(sum(m.value for m in listed_mentions))
        if len(listed_mentions) < 2 or abs(parts_sum - total.value) < 1e-6:
            continue
        if len(used) < len(parts) and parts_sum < total.value:
            continue  # some parts unstated: a smaller sum is no contradiction
        if _stated_elsewhere(parts_sum, total, mentions):
            continue  # the report states this sum as the total too: the figure read as the total is in doubt, not the parts
        listed = "+".join(_fmt(m.value) for m in listed_mentions)
        message = f"正文称{total.quote}，但其后列出的分项{listed}={_fmt(parts_sum)}{total.unit}，与总数{_fmt(total.value)}{total.unit}不符"
        evidence = [_mention_evidence(total)] + [_mention_evidence(m) for m in listed_mentions]
        fields = {"metric": partition_key, "narrative_value": total.value,
                  "parts": {key: m.value for slot in used.values() for key, m in slot.items()}, "parts_sum": parts_sum}
        findings.append(Finding("narrative_parts_sum", "error", message, evidence, fields))
    return findings


def _stated_elsewhere(value: float, total: Mention, mentions: list[Mention]) -> bool:
    """Given a parts sum, the mention read as their total and every linked mention, return whether another mention
    of the same metric states that sum (共收到申请1046件。其中，通过网站提交的862件……自然人1030件、法人16件)."""
    keys = {total.metric, *total.alternatives}
    return any(m is not total and abs(m.value - value) < 1e-6 and keys & {m.metric, *m.alternatives} for m in mentions)


def _listed_parts(total: Mention, following: list[Mention], parts: list[list[str]]) -> dict[str, dict[str, Mention]]:
    """Given a total and the mentions after it, return the parts it lists: slot -> component key -> mention."""
    used: dict[str, dict[str, Mention]] = {}
    for other in following:
        placed = _part_slot(parts, [other.metric, *other.alternatives])
        if placed is None and other.span[0] < total.sentence_end:
            continue  # a parenthetical in the total's own sentence (含上年结转…)
        if placed is None or placed[1] in used.get(placed[0], {}):
            break
        used.setdefault(placed[0], {})[placed[1]] = other
    return used


def _part_slot(parts: list[list[str]], keys: list[str]) -> tuple[str, str] | None:
    """Given a partition and a mention's readings, return (slot, component) it fills; a slot written a+b takes
    its components from separate mentions (予以公开X件、部分公开Y件)."""
    for alternatives in parts:
        for alt in alternatives:
            for component in alt.split("+"):
                if component in keys:
                    return alternatives[0], component
    return None


def deviation_findings(report: Report) -> list[Finding]:
    """Given the deviations the table parser noted, return one template_deviation finding each."""
    return [Finding("template_deviation", "warning", f"格式偏差：{d.message}", [], {"row": d.row}) for d in report.deviations]


def run_checks(report: Report, view: TableView | None, spec: Spec) -> list[Finding]:
    """Given a linked report, return all findings, errors first, in a stable order."""
    findings: list[Finding] = []
    if view is not None:
        findings += identity_findings(report, view, spec)
        findings += narrative_findings(report, view, spec)
    findings += parts_findings(report, spec)
    findings += deviation_findings(report)
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.rule))
