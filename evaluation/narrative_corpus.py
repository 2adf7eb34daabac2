"""The labeled real-narrative corpus (corpus/real-narrative/): page ids, the untuned split, and its well-formedness.

A page is `<split>/<id>.txt` (a report's beginning as published) with `<id>.gold.json` (gold-format.md plus
`source_url`, `level`, `province`, `script`). The id is the start of the address's sha1, and the split follows
from the same digest, so nobody chooses which pages are held out: a fifth of them, never tuned on.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extraction.spec import Spec, load_spec

ID_CHARS = 12
UNTUNED_SHARE = 5  # one page in five is held out
SPLITS = ("tuned", "untuned")
PAGE_FIELDS = ("source_url", "agency", "report_year", "template", "level", "province", "script", "mentions")
LEVELS = ("province", "city", "county", "township", "department")
TEMPLATES = ("pre2019", "v2019", "v2021")


def page_id(url: str) -> tuple[str, str]:
    """Given a page's address, return its id and the split it belongs to."""
    digest = hashlib.sha1(url.strip().encode("utf-8")).hexdigest()
    return digest[:ID_CHARS], SPLITS[int(digest, 16) % UNTUNED_SHARE == 0]


def metric_keys(spec: Spec) -> set[str]:
    """Given the spec, return every key a mention may name: the cells and derived keys of every version."""
    return {key for version in spec.versions.values() for key in (*version.cells, *version.derived)}


def page_problems(gold_path: Path, keys: set[str]) -> list[str]:
    """Given a page's gold file and the known metric keys, return what is wrong with the page (empty when nothing)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = gold_path.with_name(str(gold.get("document", "")))
    if not text_path.is_file():
        return [f"{gold_path.name}: its document {gold.get('document')!r} is missing"]
    text = text_path.read_text(encoding="utf-8")
    problems = [f"{gold_path.name}: no {name}" for name in PAGE_FIELDS if name not in gold]
    wanted = page_id(gold.get("source_url", ""))
    if (text_path.stem, gold_path.parent.name) != wanted:
        problems.append(f"{gold_path.name}: its address makes it {wanted[0]} in {wanted[1]}/")
    if gold.get("level") not in LEVELS or gold.get("template") not in TEMPLATES:
        problems.append(f"{gold_path.name}: level {gold.get('level')!r} or template {gold.get('template')!r} unknown")
    for i, mention in enumerate(gold.get("mentions", [])):
        if mention.get("quote", "") not in text:
            problems.append(f"{gold_path.name}: mention {i}'s quote is not in the text: {mention.get('quote')!r}")
        if not isinstance(mention.get("value"), (int, float)) or isinstance(mention.get("value"), bool):
            problems.append(f"{gold_path.name}: mention {i}'s value is not a number")
        for key in (mention.get("metric"), *mention.get("accept", ())):
            if key is not None and key not in keys:
                problems.append(f"{gold_path.name}: mention {i} names no known metric: {key!r}")
    return problems


@dataclass
class CorpusStats:
    """How much the corpus holds, per split, and how widely it spreads."""

    pages: Counter[str] = field(default_factory=Counter)
    figures: Counter[str] = field(default_factory=Counter)
    linked: Counter[str] = field(default_factory=Counter)
    implicit: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)
    years: Counter[Any] = field(default_factory=Counter)
    scripts: Counter[str] = field(default_factory=Counter)


def corpus_stats(root: Path) -> CorpusStats:
    """Given the corpus folder, return its counts."""
    stats = CorpusStats()
    for split in SPLITS:
        for gold_path in sorted((root / split).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            mentions = [m for m in gold.get("mentions", []) if not m.get("optional")]
            stats.pages[split] += 1
            stats.figures[split] += len(mentions)
            stats.linked[split] += sum(m.get("metric") is not None for m in mentions)
            stats.implicit[split] += sum(bool(m.get("implicit")) for m in mentions)
            stats.provinces[gold.get("province", "")] += 1
            stats.levels[gold.get("level", "")] += 1
            stats.years[gold.get("report_year")] += 1
            stats.scripts[gold.get("script", "")] += 1
    return stats


def corpus_problems(root: Path) -> list[str]:
    """Given the corpus folder, return every problem of every page."""
    keys = metric_keys(load_spec())
    return [p for split in SPLITS for gold in sorted((root / split).glob("*.gold.json")) for p in page_problems(gold, keys)]
