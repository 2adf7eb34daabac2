"""Audit every labeled report under some paths, score each against its gold, and print the totals."""
from __future__ import annotations

import json
from dataclasses import replace
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from evaluation import versus_text
from evaluation.scoring import DocScore, Json, Tally, confusion, score

GOLD_SUFFIX = ".gold.json"
SHOWN_PER_KIND = 6  # problems listed per document and kind; the JSON holds them all


def gold_path(document: Path) -> Path:
    """Given a report file, return the path its gold label would have."""
    return document.with_name(document.stem + GOLD_SUFFIX)


def load_gold(document: Path) -> Json | None:
    """Given a report file, return its gold label, or None when it has none (or the gold names another file)."""
    path = gold_path(document)
    if document.name.endswith(GOLD_SUFFIX) or not path.is_file():
        return None
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold if gold.get("document") in (None, document.name) else None


def find_documents(paths: Iterable[Path]) -> list[tuple[Path, Json]]:
    """Given files and folders, return every report among them (folders searched recursively) with its gold label."""
    found: list[tuple[Path, Json]] = []
    for path in paths:
        for document in sorted(path.rglob("*")) if path.is_dir() else [path]:
            gold = load_gold(document) if document.is_file() else None
            if gold is not None:
                found.append((document, gold))
    return found


def evaluate(documents: list[tuple[Path, Json]], console: Console | None = None) -> list[DocScore]:
    """Given reports with their gold labels, return the score of each, showing progress on the console."""
    from extraction.pipeline import audit

    scores: list[DocScore] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console or Console(stderr=True), transient=True) as progress:
        task = progress.add_task("auditing", total=len(documents))
        for document, gold in documents:
            progress.update(task, description=document.name)
            try:
                predicted = audit(document).to_json()
            except Exception as exc:  # a crash is a result to score (every gold cell wrong), not a reason to stop
                predicted = {"errors": [{"code": "crash", "message": f"{type(exc).__name__}: {exc}"}]}
            scores.append(replace(score(predicted, gold), folder=document.parent.name))
            progress.advance(task)
    return scores


def group(scores: list[DocScore], by: Callable[[DocScore], Any]) -> dict[str, Tally]:
    """Given document scores and a grouping key, return the summed tally of each group."""
    groups: dict[str, Tally] = {}
    for doc in scores:
        name = str(by(doc))
        groups[name] = groups.get(name, Tally()) + doc.tally
    return dict(sorted(groups.items()))


def summarise(scores: list[DocScore]) -> Json:
    """Given document scores, return every figure: per document, per format, per template, overall, confusion."""
    return {
        "documents": [doc.to_json() for doc in scores],
        "per_format": {k: t.to_json() for k, t in group(scores, lambda d: d.format).items()},
        "per_template": {k: t.to_json() for k, t in group(scores, lambda d: d.template).items()},
        "per_folder": {k: t.to_json() for k, t in group(scores, lambda d: d.folder).items()},
        "overall": sum((doc.tally for doc in scores), Tally()).to_json(),
        "confusion": {rule: dict(counts) for rule, counts in confusion(scores).items()},
        "image_reading": versus_text.summarise(versus_text.compare(scores)),
    }


def below(overall: Json, thresholds: dict[str, float | None]) -> list[str]:
    """Given overall figures and minimum ratios (None: no minimum), return a line for each figure below its minimum."""
    return [f"{name} {overall[name]:.4f} < {minimum}" for name, minimum in thresholds.items()
            if minimum is not None and overall[name] < minimum]


def above(overall: Json, maxima: dict[str, float | None]) -> list[str]:
    """Given overall figures and maximum counts (None: no maximum), return a line for each figure above its maximum."""
    return [f"{name} {overall[name]} > {maximum}" for name, maximum in maxima.items()
            if maximum is not None and overall[name] > maximum]


def fraction(hits: int, total: int) -> str:
    """Given hits out of a total, return them as 'share (hits/total)'."""
    share = hits / total if total else 1.0
    return f"{share:.3f} ({hits}/{total})"


def tally_row(name: str, t: Tally) -> list[str]:
    """Given a row name and a tally, return the table cells of that row."""
    return [name, str(t.documents), fraction(t.cells_correct, t.cells_gold), str(t.cells_extra),
            fraction(t.links_correct, t.links_predicted), fraction(t.links_found, t.links_gold),
            fraction(t.figures_correct, t.figures_predicted), fraction(t.figures_found, t.figures_gold),
            fraction(t.implicit_found, t.implicit_gold),
            fraction(t.findings_matched, t.findings_predicted), fraction(t.findings_matched, t.findings_gold),
            fraction(t.metadata_correct, t.metadata_total), str(t.errors)]


def tally_table(title: str, first: str, rows: Iterable[tuple[str, Tally]]) -> Table:
    """Given a title, the first column's name and named tallies, return a rich table of them."""
    table = Table(title=title, title_justify="left")
    for column in (first, "docs", "cells", "extra", "link P", "link R", "figure P", "figure R", "zeros R", "finding P", "finding R", "metadata", "errors"):
        table.add_column(column, justify="left" if column == first else "right")
    for name, t in rows:
        table.add_row(*tally_row(name, t))
    return table


def problems(doc: DocScore) -> list[str]:
    """Given a document score, return short lines naming what it got wrong (a few of each kind)."""
    lines: list[str] = []
    for name, diff in doc.metadata.items():
        lines.append(f"{name}: gold {diff['gold']!r}, got {diff['predicted']!r}")
    kinds: list[tuple[str, list[str]]] = [
        ("cell", [f"{c['cell']}: gold {c['gold']}, got {'missing' if c['missing'] else c['predicted']}"
                  f"{'' if c['flagged'] else ' (unflagged)'}"
                  for c in sorted(doc.wrong_cells, key=lambda c: c["flagged"])]),  # the unflagged, which mislead, first
        ("wrong link", [f"{m['value']} -> {m['metric']} (gold {m.get('gold_metric', 'no such mention')}) «{m['quote']}»"
                        for m in doc.wrong_links]),
        ("missed link", [f"{m['value']} -> {m['metric']} (got {m['predicted_metric'] if m['predicted'] else 'no mention'})"
                         f" «{m['quote']}»" for m in doc.missed_links]),
        ("missed finding", [f"{rule} {key}" for rule, key in doc.missed_findings]),
        ("extra finding", [f"{rule} {key}" for rule, key in doc.extra_findings]),
        ("error", doc.errors),
    ]
    for kind, items in kinds:
        lines += [f"{kind}: {item}" for item in items[:SHOWN_PER_KIND]]
        if len(items) > SHOWN_PER_KIND:
            lines.append(f"{kind}: … {len(items) - SHOWN_PER_KIND} more")
    return lines


def render(scores: list[DocScore], console: Console) -> None:
    """Given document scores, print the per-document table, their problems, the totals and the findings confusion."""
    console.print(tally_table("Documents", "document", ((d.document, d.tally) for d in scores)))
    for doc in scores:
        lines = problems(doc)
        if lines:
            console.print(f"[bold]{doc.document}[/bold]")
            for line in lines:
                console.print(f"  {line}", markup=False, highlight=False)
    overall = sum((doc.tally for doc in scores), Tally())
    totals = [(f"format {k}", t) for k, t in group(scores, lambda d: d.format).items()]
    totals += [(f"template {k}", t) for k, t in group(scores, lambda d: d.template).items()]
    folders = group(scores, lambda d: d.folder)
    if len(folders) > 1:
        totals += [(f"folder {k}", t) for k, t in folders.items()]
    totals.append(("overall", overall))
    console.print(tally_table("Totals", "group", totals))
    table = Table(title="Findings by rule", title_justify="left")
    for column in ("rule", "matched", "missed", "extra"):
        table.add_column(column, justify="left" if column == "rule" else "right")
    for rule, counts in confusion(scores).items():
        table.add_row(rule, str(counts["matched"]), str(counts["missed"]), str(counts["extra"]))
    console.print(table)
    compared = versus_text.compare(scores)
    if compared:
        console.print(versus_text.table(compared))


def run(paths: list[Path], json_path: Path | None = None, thresholds: dict[str, float | None] | None = None,
        console: Console | None = None, maxima: dict[str, float | None] | None = None,
        image_thresholds: dict[str, float | None] | None = None) -> int:
    """Given report paths, an optional JSON output file, minimum ratios and maximum counts over all documents, and
    minimum ratios over the image versions among them (evaluation/versus_text.py), evaluate and return the exit code."""
    console = console or Console()
    if not console.is_terminal:  # rich's 80-column default for pipes would fold every figure
        console.width = 200
    documents = find_documents(paths)
    if not documents:
        console.print("no report with a sibling .gold.json found under: " + ", ".join(map(str, paths)))
        return 2
    scores = evaluate(documents)
    render(scores, console)
    figures = summarise(scores)
    failed = below(figures["overall"], thresholds or {}) + above(figures["overall"], maxima or {})
    failed += [f"image versions: {line}" for line in below(figures["image_reading"]["overall"], image_thresholds or {})]
    if json_path is not None:
        payload = {**figures, "thresholds": thresholds or {}, "image_thresholds": image_thresholds or {},
                   "maxima": maxima or {}, "below_threshold": failed}
        json_path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2) + "\n", encoding="utf-8")
    for line in failed:
        console.print(f"[red]below threshold:[/red] {line}")
    return 1 if failed else 0
