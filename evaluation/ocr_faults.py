"""OCR-like faults injected into real tables: does the table stage correct or flag every one, never read one wrong?

Each document's raw tables are read once with every cell as a sure OCR reading (the truth), then again with a few
cells' digits mistaken the way OCR mistakes them (1↔7, 3↔8, 0↔8/6/9, 5↔6, a digit dropped or doubled) at low
confidence — or at high confidence, which no identity may overrule. A faulted cell ends up:
  corrected  — re-read to its true value, marked inferred;
  flagged    — left unread, doubtful (confidence <= DOUBTFUL_CONFIDENCE) or inferred to another value (表二 has
               no identity: an unsure reading there is always doubtful);
  wrong      — read as a wrong value with nothing saying so (only a table_identity error may then name it).
Collateral damage to unfaulted cells and table_identity errors the faults raise are counted too.

    python -m evaluation.ocr_faults ../shared/corpus/real corpus/seed corpus/synthetic --trials 20
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from extraction.checks import identity_findings
from extraction.document import Cell, IngestError, RawTable
from extraction.ingest import read_source
from extraction.metadata import read_metadata
from extraction.placement import number
from extraction.report import Report
from extraction.segment import segment
from extraction.spec import load_spec
from extraction.tables import DOUBTFUL_CONFIDENCE, ParsedTables, parse_tables
from extraction.values import TableView

SURE = 0.99  # a clean OCR reading
UNSURE = 0.6  # the engine's confidence in a digit it got wrong
SWAPS = {"1": "7", "7": "1", "3": "8", "8": "3", "0": "896", "5": "6", "6": "5"}
FAULT_KINDS = ("swap", "drop", "double", "cut")  # cut: several digits lost at one end (measured: 1288 read as 12)
SUFFIXES = {".pdf", ".html", ".htm", ".docx", ".txt", ".md"}


@dataclass(frozen=True)
class Document:
    path: str
    tables: list[RawTable]
    year: int | None


def documents(folders: list[str]) -> list[Document]:
    """Given corpus folders, return each report there whose tables keep their cells' positions, as ingest reads it."""
    out = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*")):
            if path.suffix not in SUFFIXES or path.name.startswith("README"):
                continue
            try:
                source = read_source(path)
            except IngestError:
                continue
            # An OCR grid keeps every cell's position: text that dropped its blank cells is no model of one.
            if source.tables and all(t.positional for t in source.tables):
                out.append(Document(str(path), source.tables, read_metadata(source, segment(source)).report_year))
    return out


def with_confidence(tables: list[RawTable], confidence: float) -> list[RawTable]:
    """Given raw tables, return copies whose every cell is an OCR reading of this confidence."""
    return [replace(t, rows=[[None if c is None else replace(c, confidence=confidence) for c in row] for row in t.rows])
            for t in tables]


def misread(text: str, rng: random.Random) -> str | None:
    """Given a cell's printed digits, return an OCR-like misreading with another value (None when none exists)."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    kinds = list(FAULT_KINDS)
    rng.shuffle(kinds)
    for kind in kinds:
        options = []
        for i in digits:
            if kind == "swap":
                options += [text[:i] + b + text[i + 1:] for b in SWAPS.get(text[i], "")]
            elif kind == "drop" and len(digits) > 1:
                options.append(text[:i] + text[i + 1:])
            elif kind == "double":
                options.append(text[:i] + text[i] + text[i:])
        if kind == "cut" and len(digits) > 2:
            options += [text[:k] for k in range(1, len(text) - 1)] + [text[k:] for k in range(2, len(text))]
        options = [o for o in options if number(o) is not None and number(o) != number(text)]
        if options:
            return rng.choice(options)
    return None


def positions(tables: list[RawTable], parsed: ParsedTables) -> dict[str, tuple[int, int, int]]:
    """Given raw tables and what was read from them, return the grid position of each cell key with an integer value."""
    where = {id(c.where): (t, r, j) for t, table in enumerate(tables) for r, row in enumerate(table.rows)
             for j, c in enumerate(row) if c is not None}
    return {k: where[id(c.where)] for k, c in parsed.cells.items()
            if isinstance(c.value, int) and id(c.where) in where and c.raw and c.raw.isdigit()}


def identity_errors(parsed: ParsedTables) -> set[tuple[str, tuple[str, ...]]]:
    """Given parsed tables, return the table_identity errors (identity, lhs) the checks report on them."""
    spec = load_spec()
    if parsed.version is None or not parsed.cells:
        return set()
    report = Report(source=None, path="", cells=parsed.cells, layout_alternatives=parsed.layout_alternatives)
    view = TableView(parsed.cells, spec, parsed.version)
    return {(f.fields["identity"], tuple(f.fields["equation"]["lhs"])) for f in identity_findings(report, view, spec)
            if f.rule == "table_identity" and f.severity == "error"}


def mistake(rows: list[list[list[Cell | None]]], grid: dict[str, tuple[int, int, int]], keys: list[str],
            confidence: float, rng: random.Random) -> dict[str, str]:
    """Given tables' rows (changed in place), where each cell key sits, the keys to mistake and the confidence to
    read them at, misread those cells as OCR would; return {key: misread text} of the cells changed."""
    wrong: dict[str, str] = {}
    for key in keys:
        t, r, j = grid[key]
        text = misread(rows[t][r][j].text, rng)
        if text is not None:
            rows[t][r][j] = Cell(text, rows[t][r][j].where, confidence)
            wrong[key] = text
    return wrong


def trial(doc: Document, faults: int, confidence: float, rng: random.Random, unsure_share: float = 0.0) -> Counter:
    """Given a document, mistake `faults` of its cells at this confidence (and read a share of the others, right, at
    UNSURE confidence, as a poor scan does); return what became of them and the rest."""
    sure = with_confidence(doc.tables, SURE)
    truth = parse_tables(sure, doc.year)
    tally: Counter = Counter()
    tally["inferred_unfaulted_doc"] += sum(c.inferred for c in truth.cells.values())
    grid = positions(sure, truth)
    keys = rng.sample(sorted(grid), min(faults, len(grid)))
    faulty = [[list(row) for row in t.rows] for t in sure]
    for key in sorted(grid):
        if key not in keys and rng.random() < unsure_share:
            t, r, j = grid[key]
            faulty[t][r][j] = replace(faulty[t][r][j], confidence=UNSURE)
            tally["unsure_right_readings"] += 1
    wrong = mistake(faulty, grid, keys, confidence, rng)
    parsed = parse_tables([replace(t, rows=rows) for t, rows in zip(sure, faulty)], doc.year)
    for key, cell in truth.cells.items():
        got = parsed.cells.get(key)
        faulted = key in wrong
        if got is None:
            tally["flagged" if faulted else "collateral_unread"] += 1
        elif got.inferred and got.value == cell.value:
            tally["corrected" if faulted else "collateral_inferred_right"] += 1
        elif got.inferred or got.confidence <= DOUBTFUL_CONFIDENCE:
            tally["flagged" if faulted else "collateral_flagged"] += 1
        elif got.value != cell.value:
            tally["wrong" if faulted else "collateral_wrong"] += 1
        elif faulted:
            tally["unchanged"] += 1  # the misreading parses to the same value in the end (never counted as a fault)
    tally["faults"] += len(wrong)
    tally["flagged_in_table_2"] += sum(1 for k in wrong if k.startswith("active.") and k in parsed.ocr_doubts)
    new_errors = identity_errors(parsed) - identity_errors(truth)
    tally["false_identity_errors" if confidence < 0.9 else "identity_errors_naming_faults"] += len(new_errors)
    return tally


def run(docs: list[Document], trials: int, faults: int, confidence: float, seed: int, unsure_share: float = 0.0) -> Counter:
    """Given documents, return the tally of `trials` seeded fault injections into each."""
    rng = random.Random(seed)
    total: Counter = Counter()
    for doc in docs:
        for _ in range(trials):
            total += trial(doc, faults, confidence, rng, unsure_share)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--faults", type=int, default=2, help="faulted cells per trial")
    parser.add_argument("--confidence", type=float, default=UNSURE, help="OCR confidence of a faulted cell")
    parser.add_argument("--unsure-share", type=float, default=0.0, help="share of right readings also unsure")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    docs = documents(args.folders)
    tally = run(docs, args.trials, args.faults, args.confidence, args.seed, args.unsure_share)
    print(f"{len(docs)} documents × {args.trials} trials, {args.faults} faults each at confidence {args.confidence}, "
          f"{args.unsure_share:.0%} of the right readings unsure")
    for name in ("faults", "corrected", "flagged", "flagged_in_table_2", "wrong", "unchanged", "false_identity_errors", "identity_errors_naming_faults",
                 "unsure_right_readings", "collateral_unread", "collateral_flagged", "collateral_inferred_right", "collateral_wrong", "inferred_unfaulted_doc"):
        print(f"  {name:32} {tally[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
