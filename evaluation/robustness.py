"""The metamorphic robustness harness: the audit of every layout of a report must equal the audit of the report.

For every labeled report, each mutation (evaluation/mutations.py) lays the same content out again; the variant is
audited and compared with the original's audit: cells (key → value), linked mentions (value, metric), findings
(rule and the metric, identity or row it names). The comparison is the metric; the gold label only says, where the
two differ, which side is right.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table as RichTable

from evaluation.content import content_of
from evaluation.mutations import MUTATIONS, Variant, missing_tool
from evaluation.run import find_documents
from evaluation.scoring import Json, acceptable_metrics, finding_key, is_neutral, same_value

MISSING = object()  # a side has no such cell, mention or finding
ABSENT = "absent"  # how MISSING is written
TABLE_IDENTITY = "table_identity"
SHOWN_DIFFERENCES = 4  # per document in the per-document view; the JSON holds them all
MENTION_DIGITS = 6  # a mention's value rounded to this many decimals before comparing
Key = tuple[Any, ...]
OWN_FILE = {".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx"}  # suffix -> the Content field it fills


@dataclass(frozen=True)
class Reading:
    """What an audit says, in the terms the harness compares."""

    cells: dict[str, Any]
    mentions: Counter[Key]
    findings: Counter[Key]
    table_errors: Counter[Key]
    errors: tuple[str, ...]


def reading_of(predicted: Json) -> Reading:
    """Given an audit result (output-format.md), return its cells, linked mentions, findings and error codes."""
    cells = {key: cell.get("value") if isinstance(cell, dict) else cell for key, cell in predicted.get("cells", {}).items()}
    mentions = Counter((round(float(m["value"]), MENTION_DIGITS), m["metric"])
                       for m in predicted.get("mentions", []) if m.get("metric") is not None)
    findings = Counter(finding_key(f) for f in predicted.get("findings", []))
    table_errors = Counter(finding_key(f) for f in predicted.get("findings", [])
                           if f["rule"] == TABLE_IDENTITY and f.get("severity") == "error")
    return Reading(cells, mentions, findings, table_errors, tuple(e.get("code", "") for e in predicted.get("errors", [])))


@dataclass(frozen=True)
class Difference:
    """One place where a variant's audit differs from the original's, and which side the gold says is wrong."""

    kind: str  # cell | mention | finding
    name: str
    original: Any
    variant: Any
    wrong: str  # variant | original | both | neither (the gold accepts both readings)

    def line(self) -> str:
        """Return the difference as one short line."""
        def shown(value: Any) -> Any:
            return ABSENT if value is MISSING else value
        return f"{self.kind} {self.name}: original {shown(self.original)}, variant {shown(self.variant)} ({self.wrong} wrong)"

    def to_json(self) -> Json:
        """Return the difference as a JSON object (absent as null)."""
        return {**asdict(self), "original": ABSENT if self.original is MISSING else self.original,
                "variant": ABSENT if self.variant is MISSING else self.variant}


def blame(original_right: bool, variant_right: bool) -> str:
    """Given whether each side agrees with the gold, return which side is wrong."""
    if original_right and not variant_right:
        return "variant"
    if variant_right and not original_right:
        return "original"
    return "both"


def cell_right(value: Any, key: str, gold: Json) -> bool:
    """Given a side's cell value (MISSING when it has no such cell), return whether the gold agrees."""
    cells = gold.get("cells", {})
    if key not in cells:
        return value is MISSING
    return value is not MISSING and same_value(value, cells[key])


def cell_differences(original: dict[str, Any], variant: dict[str, Any], gold: Json) -> tuple[int, int, list[Difference]]:
    """Given both sides' cells and the gold, return (identical, compared, differences) over the union of keys."""
    keys = sorted(set(original) | set(variant))
    out: list[Difference] = []
    for key in keys:
        a, b = original.get(key, MISSING), variant.get(key, MISSING)
        if a is not MISSING and b is not MISSING and same_value(a, b):
            continue
        out.append(Difference("cell", key, a, b, blame(cell_right(a, key, gold), cell_right(b, key, gold))))
    return len(keys) - len(out), len(keys), out


def gold_accepts(key: Key, gold: Json) -> bool:
    """Given a (value, metric) mention, return whether a gold mention reads that value as that metric."""
    value, metric = key
    return any(same_value(value, g.get("value"), g.get("tolerance") or 0.0) and metric in acceptable_metrics(g)
               for g in gold.get("mentions", []))


def gold_has_finding(key: Key, gold: Json) -> bool | None:
    """Given a finding key, return whether the gold counts such a finding (None: it lists it as optional or
    implied, so either side is right)."""
    listed = [g for g in gold.get("findings", []) if finding_key(g) == key]
    if listed and all(is_neutral(g) for g in listed):
        return None
    return bool(listed)


def side_blame(only_variant: bool, right: bool | None, other_side_right: bool) -> str:
    """Given a key one side has and the other lacks, whether the gold wants it (None: either way), and whether the
    other side has another reading the gold accepts in its place, return which side is wrong."""
    if right is None or (right and other_side_right):
        return "neither"
    lacking, having = ("original", "variant") if only_variant else ("variant", "original")
    return lacking if right else having


def multiset_differences(kind: str, original: Counter[Key], variant: Counter[Key], in_gold: Any,
                         ) -> tuple[list[Difference], list[Difference]]:
    """Given both sides' counted keys and a gold test, return (only in the variant, only in the original) differences.

    A mention one side links to another metric that the gold also accepts is a difference that neither side got wrong.
    """
    def accepted_elsewhere(side: Counter[Key], key: Key) -> bool:
        return any(other != key and other[0] == key[0] and in_gold(other) for other in side)

    only_variant, only_original = variant - original, original - variant
    extra = [Difference(kind, str(key), MISSING, key, side_blame(True, in_gold(key), accepted_elsewhere(only_original, key)))
             for key, n in only_variant.items() for _ in range(n)]
    missing = [Difference(kind, str(key), key, MISSING, side_blame(False, in_gold(key), accepted_elsewhere(only_variant, key)))
               for key, n in only_original.items() for _ in range(n)]
    return extra, missing


@dataclass
class Comparison:
    """The variant of one document under one mutation, compared with the original."""

    document: str
    mutation: str
    format: str = ""
    cells_identical: int = 0
    cells_compared: int = 0
    mentions_identical: int = 0
    mentions_compared: int = 0
    findings_extra: int = 0
    findings_missing: int = 0
    false_table_errors: int = 0
    variant_errors: list[str] = field(default_factory=list)  # error codes the variant has and the original lacks
    differences: list[Difference] = field(default_factory=list)

    @property
    def findings_identical(self) -> bool:
        return not self.findings_extra and not self.findings_missing

    @property
    def identical(self) -> bool:
        return not self.differences

    def to_json(self) -> Json:
        """Return the comparison as a JSON object."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "differences"}
        return {**out, "findings_identical": self.findings_identical,
                "differences": [d.to_json() for d in self.differences]}


def compare(original: Reading, variant: Reading, gold: Json) -> Comparison:
    """Given the original's and a variant's readings and the gold label, return their Comparison (names unset)."""
    same_cells, compared, cells = cell_differences(original.cells, variant.cells, gold)
    extra_mentions, missing_mentions = multiset_differences(
        "mention", original.mentions, variant.mentions, lambda key: gold_accepts(key, gold))
    extra_findings, missing_findings = multiset_differences(
        "finding", original.findings, variant.findings, lambda key: gold_has_finding(key, gold))
    mentions_compared = sum((original.mentions | variant.mentions).values())
    false_errors = variant.table_errors - Counter(finding_key(g) for g in gold.get("findings", []))
    return Comparison(
        document="", mutation="", cells_identical=same_cells, cells_compared=compared,
        mentions_identical=mentions_compared - len(extra_mentions) - len(missing_mentions),
        mentions_compared=mentions_compared, findings_extra=len(extra_findings), findings_missing=len(missing_findings),
        false_table_errors=sum(false_errors.values()),
        variant_errors=sorted(set(variant.errors) - set(original.errors)),
        differences=cells + extra_mentions + missing_mentions + extra_findings + missing_findings,
    )


@dataclass
class Invariance:
    """Totals of one mutation over the documents it applies to."""

    documents: int = 0
    not_applicable: int = 0
    unavailable: int = 0  # documents not measured: the mutation's converter is not installed
    cells_identical: int = 0
    cells_compared: int = 0
    mentions_identical: int = 0
    mentions_compared: int = 0
    findings_identical: int = 0
    findings_extra: int = 0
    findings_missing: int = 0
    false_table_errors: int = 0
    variant_wrong: int = 0
    original_wrong: int = 0
    both_wrong: int = 0
    neither_wrong: int = 0

    def add(self, comparison: Comparison) -> None:
        """Given one document's comparison, add it to the totals."""
        self.documents += 1
        for name in ("cells_identical", "cells_compared", "mentions_identical", "mentions_compared",
                     "findings_extra", "findings_missing", "false_table_errors"):
            setattr(self, name, getattr(self, name) + getattr(comparison, name))
        self.findings_identical += comparison.findings_identical
        blamed = Counter(d.wrong for d in comparison.differences)
        self.variant_wrong += blamed["variant"]
        self.original_wrong += blamed["original"]
        self.both_wrong += blamed["both"]
        self.neither_wrong += blamed["neither"]

    def ratios(self) -> dict[str, float]:
        """Return the shares: cells and mentions identical, documents with identical findings."""
        def share(hits: int, total: int) -> float:
            return hits / total if total else 1.0
        return {"cells": share(self.cells_identical, self.cells_compared),
                "mentions": share(self.mentions_identical, self.mentions_compared),
                "findings": share(self.findings_identical, self.documents)}

    def to_json(self) -> Json:
        """Return the totals and ratios as one JSON object."""
        return {**asdict(self), **{f"{k}_identical_share": v for k, v in self.ratios().items()}}


def audit_bytes(name: str, data: bytes) -> Json:
    """Given a file name and its bytes, return the audit result (a crash is an audit with a 'crash' error)."""
    from extraction.pipeline import audit

    try:
        return audit(Path(name), data).to_json()
    except Exception as exc:  # a crash is a result to compare (nothing read), not a reason to stop
        return {"errors": [{"code": "crash", "message": f"{type(exc).__name__}: {exc}"}]}


def variant_of(mutation: str, content: Any) -> Variant | None | Exception:
    """Given a mutation's name and a report's content, return the variant, None (not applicable) or the error."""
    try:
        return MUTATIONS[mutation](content)
    except Exception as exc:  # a mutation that cannot lay out a report is reported, not fatal
        return exc


def check_document(document: Path, gold: Json, mutations: Iterable[str]) -> tuple[list[Comparison], list[str], list[str]]:
    """Given a labeled report and mutation names, return its comparisons, the mutations that do not apply to it
    (or whose converter is not installed), and notes on mutations that failed."""
    from extraction.document import IngestError
    from extraction.ingest import read_source
    from extraction.pipeline import audit

    try:
        content = content_of(read_source(document))
    except IngestError as exc:
        return [], [], [f"{document.name}: not readable ({exc.code})"]
    own = OWN_FILE.get(document.suffix.lower())
    if own is not None:  # converters and text exports read the report's own file, as a user's tool would
        content = replace(content, **{own: document.read_bytes()})
    original = reading_of(audit(document).to_json())
    comparisons: list[Comparison] = []
    skipped: list[str] = []
    notes: list[str] = []
    for mutation in mutations:
        variant = None if missing_tool(mutation) else variant_of(mutation, content)
        if variant is None:
            skipped.append(mutation)
            continue
        if isinstance(variant, Exception):
            notes.append(f"{document.name} {mutation}: mutation failed ({type(variant).__name__}: {variant})")
            continue
        predicted = audit_bytes(f"{document.stem}.{mutation}.{variant.extension}", variant.data)
        comparison = compare(original, reading_of(predicted), gold)
        comparison.document, comparison.mutation = document.name, mutation
        comparison.format = predicted.get("document", {}).get("format", "")
        comparisons.append(comparison)
    return comparisons, skipped, notes


@dataclass
class Outcome:
    """Everything one harness run measured."""

    comparisons: list[Comparison] = field(default_factory=list)
    totals: dict[str, Invariance] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> Json:
        """Return the per-mutation totals, every comparison and the notes as one JSON object."""
        return {"mutations": {name: t.to_json() for name, t in self.totals.items()},
                "comparisons": [c.to_json() for c in self.comparisons], "notes": self.notes}


def measure(documents: list[tuple[Path, Json]], mutations: list[str]) -> Outcome:
    """Given labeled reports and mutation names, return the comparisons and the per-mutation totals."""
    outcome = Outcome(totals={name: Invariance() for name in mutations})
    absent = {name: why for name in mutations if (why := missing_tool(name))}
    for name, why in absent.items():
        outcome.totals[name].unavailable = len(documents)
        outcome.notes.append(f"{name}: not measured, {why}")
    for document, gold in documents:
        comparisons, skipped, notes = check_document(document, gold, [m for m in mutations if m not in absent])
        outcome.notes += notes
        for name in skipped:
            outcome.totals[name].not_applicable += 1
        for comparison in comparisons:
            outcome.totals[comparison.mutation].add(comparison)
        outcome.comparisons += comparisons
    return outcome


def percent(hits: int, total: int) -> str:
    """Given hits out of a total, return them as 'share % (hits/total)'; nothing to compare counts as identical."""
    return f"{100 * hits / total if total else 100.0:.2f} % ({hits}/{total})"


def invariance_table(totals: dict[str, Invariance]) -> RichTable:
    """Given per-mutation totals, return the invariance table (one row a mutation)."""
    table = RichTable(title="Invariance per mutation (variant audit vs original audit)", title_justify="left")
    for column in ("mutation", "docs", "n/a", "cells identical", "mentions identical", "findings identical",
                   "findings +extra/-missing", "false table_identity errors", "wrong: variant/original/both/neither"):
        table.add_column(column, justify="left" if column == "mutation" else "right")
    for name, t in totals.items():
        table.add_row(name, str(t.documents), str(t.not_applicable), percent(t.cells_identical, t.cells_compared),
                      percent(t.mentions_identical, t.mentions_compared), f"{t.findings_identical}/{t.documents}",
                      f"+{t.findings_extra}/-{t.findings_missing}", str(t.false_table_errors),
                      f"{t.variant_wrong}/{t.original_wrong}/{t.both_wrong}/{t.neither_wrong}")
    return table


def document_table(comparisons: list[Comparison]) -> RichTable:
    """Given comparisons, return the per-document table (one row a document under a mutation)."""
    table = RichTable(title="Per document", title_justify="left")
    for column in ("mutation", "document", "read as", "cells", "mentions", "findings +/-", "false T errors", "new errors"):
        table.add_column(column, justify="left" if column in ("mutation", "document", "read as", "new errors") else "right")
    for c in comparisons:
        table.add_row(c.mutation, c.document, c.format, percent(c.cells_identical, c.cells_compared),
                      percent(c.mentions_identical, c.mentions_compared), f"+{c.findings_extra}/-{c.findings_missing}",
                      str(c.false_table_errors), " ".join(c.variant_errors))
    return table


@dataclass(frozen=True)
class Gate:
    """Minimum invariance for the gated mutations: shares of identical cells, mentions and findings, and the
    most false table_identity errors allowed; a mutation may carry its own minimum share of cells."""

    mutations: tuple[str, ...]
    min_cells: float = 1.0
    min_mentions: float = 1.0
    min_findings: float = 1.0
    max_false_table_errors: int = 0
    cells_of: dict[str, float] = field(default_factory=dict)  # mutation -> its own minimum share of cells

    @classmethod
    def parse(cls, spec: str, **minimums: Any) -> Gate:
        """Given 'name,name=0.998,…' (a name with its own minimum share of identical cells) and the common
        minimums, return the Gate."""
        names: list[str] = []
        cells_of: dict[str, float] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, _, minimum = item.partition("=")
            names.append(name)
            if minimum:
                cells_of[name] = float(minimum)
        return cls(tuple(names), cells_of=cells_of, **minimums)

    def failures(self, totals: dict[str, Invariance]) -> list[str]:
        """Given per-mutation totals, return a line for each gated figure outside its bound."""
        out: list[str] = []
        for name in self.mutations:
            t = totals[name]
            if t.unavailable:
                out.append(f"{name}: not measured on {t.unavailable} documents (its converter is not installed)")
            ratios = t.ratios()
            bounds = (("cells", self.cells_of.get(name, self.min_cells)), ("mentions", self.min_mentions),
                      ("findings", self.min_findings))
            for figure, minimum in bounds:
                if ratios[figure] < minimum:
                    out.append(f"{name}: {figure} identical {ratios[figure]:.4f} < {minimum}")
            if t.false_table_errors > self.max_false_table_errors:
                out.append(f"{name}: {t.false_table_errors} false table_identity errors > {self.max_false_table_errors}")
        return out


def wide(console: Console | None) -> Console:
    """Given a console or None, the console to print the tables on: the one given or a new one, 200 columns wide when
    it is no terminal (rich's 80-column default for pipes would fold every figure)."""
    console = console or Console()
    if not console.is_terminal:
        console.width = 200
    return console


def unknown_mutations(names: list[str], gated: Iterable[str], known: Iterable[str]) -> str | None:
    """Given the mutations asked for, those gated and those known, the line naming each one unknown or gated but not
    measured; None when there is none."""
    unknown = sorted(set(names) - set(known)) + sorted(set(gated) - set(names))
    return f"unknown or unmeasured mutation: {', '.join(unknown)} (known: {', '.join(known)})" if unknown else None


def run(paths: list[Path], mutations: list[str] | None = None, json_path: Path | None = None, gate: Gate | None = None,
        per_document: bool = False, console: Console | None = None) -> int:
    """Given report paths, mutation names (all when None), an optional JSON file and gate, measure and print the
    invariance; return the exit code (0 met, 1 a gated figure below its bound, 2 nothing to measure)."""
    console = wide(console)
    names = mutations or list(MUTATIONS)
    unknown = unknown_mutations(names, gate.mutations if gate else (), MUTATIONS)
    if unknown:
        console.print(unknown)
        return 2
    documents = find_documents(paths)
    if not documents:
        console.print("no report with a sibling .gold.json found under: " + ", ".join(map(str, paths)))
        return 2
    outcome = measure(documents, names)
    if per_document:
        console.print(document_table(outcome.comparisons))
        for c in outcome.comparisons:
            for d in c.differences[:SHOWN_DIFFERENCES]:
                console.print(f"  {c.mutation} {c.document}: {d.line()}", markup=False, highlight=False)
            if len(c.differences) > SHOWN_DIFFERENCES:
                console.print(f"  {c.mutation} {c.document}: … {len(c.differences) - SHOWN_DIFFERENCES} more differences")
    console.print(invariance_table(outcome.totals))
    for note in outcome.notes:
        console.print(f"note: {note}", markup=False, highlight=False)
    failed = gate.failures(outcome.totals) if gate else []
    if json_path is not None:
        payload = {**outcome.to_json(), "gate": asdict(gate) if gate else None, "below_threshold": failed}
        json_path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2, default=str) + "\n",
                             encoding="utf-8")
    for line in failed:
        console.print(f"[red]below threshold:[/red] {line}")
    return 1 if failed else 0
