"""The misses and false links of narrative figures, by class, for a folder of labeled pages (a split of the
real-narrative corpus): what to fix in the grammar next, as classes rather than pages.

`python -m evaluation.narrative_misses corpus/real-narrative/tuned [--list]` prints the class table (and each
miss with its quote). Run it on the tuned split only: the untuned split's misses are never read.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from evaluation.scoring import acceptable_metrics, pair_mentions

Json = dict[str, Any]


def miss_class(gold: Json, predicted: Json | None, units: set[str]) -> str:
    """Given a linked gold mention, the predicted mention paired with it (None: no figure found) and the units the
    grammar's topics count in, return the class of its miss."""
    if gold.get("implicit"):
        return "miss: zero"
    if predicted is None:
        return "miss: figure not found"
    if gold.get("unit") and gold["unit"] not in units:
        return "miss: unit"
    if predicted.get("metric") is None:
        return "miss: no cue (verb/topic)"
    if predicted["metric"].split(".")[0] == gold["metric"].split(".")[0]:
        return "miss: category specificity"
    return "miss: wrong key"


def wrong_class(gold: Json | None) -> str:
    """Given the gold mention a wrongly linked figure was paired with (None: a figure gold does not have), return
    the class of the false link."""
    if gold is None:
        return "wrong: no such figure"
    return "wrong: gold unlinked" if gold.get("metric") is None else "wrong: other key"


def page_classes(predicted: list[Json], gold: list[Json], units: set[str]) -> list[tuple[str, Json]]:
    """Given a page's predicted and gold mentions, return (class, mention) for each miss and false link."""
    pairs = pair_mentions(predicted, gold)
    partner = {j: predicted[i] for i, j in enumerate(pairs) if j is not None}
    out: list[tuple[str, Json]] = []
    for mention, j in zip(predicted, pairs):
        g = gold[j] if j is not None else None
        if mention.get("metric") and not (g is not None and (g.get("optional") or mention["metric"] in acceptable_metrics(g))):
            out.append((wrong_class(g), mention))
    for j, g in enumerate(gold):
        p = partner.get(j)
        if g.get("metric") and not g.get("optional") and not (p is not None and p.get("metric") in acceptable_metrics(g)):
            out.append((miss_class(g, p, units), g))
    return out


def main() -> None:
    from extraction.pipeline import audit
    from extraction.spec import load_spec

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--list", action="store_true", help="also print each miss and false link with its quote")
    args = parser.parse_args()
    units = {u for us in load_spec().topic_units.values() for u in us}
    counts: Counter[str] = Counter()
    for gold_path in sorted(args.folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        predicted = audit(gold_path.with_name(gold["document"])).to_json()["mentions"]
        for cls, mention in page_classes(predicted, gold["mentions"], units):
            counts[cls] += 1
            if args.list:
                print(f"{cls:28} {gold_path.name[:12]} {mention['value']} {mention.get('metric')} «{mention['quote']}»")
    for cls, n in sorted(counts.items()):
        print(f"{n:5d}  {cls}")


if __name__ == "__main__":
    main()
