"""The Report that travels through the pipeline, and its JSON form (shared/design/output-format.md)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from extraction.document import Problem, Source, Where
from extraction.placement import Alternative
from extraction.tables import CellValue, Deviation

# Problems that leave part of the tables unchecked: the audit can then not say that nothing contradicts.
PARTIAL_CODES = frozenset({"tables_missing", "rows_unread", "cells_unread", "ocr_doubtful", "ocr_page_limit"})


@dataclass
class Mention:
    """A narrative figure: what it says, where, and which table quantity it claims (metric)."""

    section: str
    quote: str
    value: float | int
    unit: str
    approx: bool
    span: tuple[int, int]
    where: Where
    metric: str | None = None
    alternatives: tuple[str, ...] = ()  # other keys that are an equally valid reading
    verdict: str = "unlinked"  # match | mismatch | unverified (metric linked, table prints nothing) | unlinked
    table_values: dict[str, float | int | None] = field(default_factory=dict)
    scope_note: str | None = None
    implicit: bool = False
    sentence_end: int = 0  # char offset where the figure's sentence ends (not serialised)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "section": self.section, "quote": self.quote, "value": self.value, "unit": self.unit,
            "approx": self.approx, "metric": self.metric, "verdict": self.verdict, "span": list(self.span),
        }
        out.update(self.where.to_json())
        if self.alternatives:
            out["accept"] = [self.metric, *self.alternatives] if self.metric else list(self.alternatives)
        if self.table_values:
            out["table_values"] = self.table_values
        if self.scope_note:
            out["scope_note"] = self.scope_note
        if self.implicit:
            out["implicit"] = True
        return out


@dataclass
class Finding:
    """One contradiction, with rule id, severity, a message an auditor can paste, and evidence."""

    rule: str
    severity: str  # error | warning
    message: str
    evidence: list[dict[str, Any]]
    fields: dict[str, Any] = field(default_factory=dict)  # rule-specific: metric, identity, row, values...

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "evidence": self.evidence, **self.fields}


@dataclass
class Report:
    """One audited report: what was read, linked and found."""

    source: Source | None
    path: str
    sha256: str = ""
    format: str = ""
    pages: int | None = None
    agency: str | None = None
    report_year: int | None = None
    published: str | None = None
    template: str | None = None
    cells: dict[str, CellValue] = field(default_factory=dict)
    deviations: list[Deviation] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    layout_alternatives: list[Alternative] = field(default_factory=list)  # not serialised: read by checks

    @property
    def unreadable(self) -> bool:
        return self.source is None

    @property
    def status(self) -> str:
        """How much of the report was checked: complete, partial (a table, row or cell was not read) or unreadable."""
        if self.unreadable:
            return "unreadable"
        return "partial" if any(e.code in PARTIAL_CODES for e in self.errors) else "complete"

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"path": self.path, "sha256": self.sha256, "format": self.format}
        if self.pages is not None:
            document["pages"] = self.pages
        return {
            "document": document,
            "agency": self.agency,
            "report_year": self.report_year,
            "published": self.published,
            "template": self.template,
            "status": self.status,
            "template_deviations": [d.to_json() for d in self.deviations],
            "cells": {k: c.to_json() for k, c in self.cells.items()},
            "mentions": [m.to_json() for m in self.mentions],
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary,
            "errors": [e.to_json() for e in self.errors],
        }

    def dumps(self) -> str:
        """Return the canonical JSON text: sorted keys, no timestamps, same bytes for the same input."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=2)
