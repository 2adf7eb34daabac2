"""The veto on fresh text: for each round of tuned pages added since the model was first measured (rounds 12–13),
a model trained on the tuned pages that existed before the round judges the links the grammar of the round's own
corpus commits made on its pages (labeled before any run, so the grammar just before the round's rules saw them).
Does it catch the fresh false links that grammar made, and how many right links does it unlink for each?

    python -m models.linker.fresh [--l2 1e-3]       # reads git history (evaluation/fresh_links replays the grammars)

Only tuned pages are read; the untuned split is never opened. Features use today's spec (its topic words), so the
model knows a little of the round's vocabulary: if anything this flatters it.
"""
from __future__ import annotations

import argparse
import json
import subprocess
from collections import defaultdict
from pathlib import Path

from evaluation.fresh_links import batch_pages, commit_mentions, false_links
from models.linker.data import Document, corpus_documents, synthetic_documents
from models.linker.model import LinkerModel, Policy
from models.linker.train import TUNED, LinkCounts, link_counts, train

FIRST_MEASURE = "e454a8d"  # the commit the model was first measured at (models/README.md)
ROUNDS = {12: "rn12", 13: "rn13"}  # round number: the tag its corpus commits name
VETO_THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)


def round_batches(round_no: int) -> list[str]:
    """Given a round, return its corpus commits since FIRST_MEASURE that added tuned pages, oldest first."""
    log = subprocess.run(["git", "log", "--reverse", "--no-merges", "--format=%h %s", "--diff-filter=A",
                          f"{FIRST_MEASURE}..HEAD", "--", str(TUNED)], check=True, capture_output=True, text=True)
    tag = ROUNDS[round_no]
    return [line.split()[0] for line in log.stdout.splitlines()
            if tag in line or f"round {round_no}" in line.lower()]


def vetoed_mentions(then: list[dict], judged: dict[tuple[int, int], list[str]], model: LinkerModel,
                    threshold: float) -> list[dict]:
    """Given a page's mentions as an earlier grammar linked them, today's in-scope figures' features by span, a model
    and a veto threshold, return the mentions with each printed link the model vetoes unlinked."""
    out = []
    for mention in then:
        features = judged.get(tuple(mention["span"]))
        if mention.get("metric") and not mention.get("implicit") and features is not None:
            readings = tuple(r for r in mention.get("accept", ()) if r is not None)
            if model.decide(mention["metric"], readings, model.probabilities(features), Policy(veto=threshold)) is None:
                mention = {k: v for k, v in mention.items() if k != "accept"} | {"metric": None}
        out.append(mention)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args()
    tuned = {d.name: d for d in corpus_documents(TUNED)}
    synthetic = synthetic_documents()
    batches = {r: round_batches(r) for r in ROUNDS}
    pages_of = {r: {c: batch_pages(c) for c in commits} for r, commits in batches.items()}
    fresh_names = {r: {json.loads(p.read_text(encoding="utf-8"))["document"] for ps in b.values() for p in ps}
                   for r, b in pages_of.items()}
    for round_no in ROUNDS:
        later = set().union(*(fresh_names[r] for r in ROUNDS if r >= round_no))
        before = [d for name, d in tuned.items() if name not in later]
        model = train(before + synthetic, args.l2)
        totals: dict[float | None, LinkCounts] = defaultdict(LinkCounts)
        caught: dict[float, list[int]] = defaultdict(lambda: [0, 0])  # threshold: [wrong unlinked, right unlinked]
        wrong_judged = right_judged = 0
        for commit, gold_paths in pages_of[round_no].items():
            then = commit_mentions(commit, gold_paths)
            for gold_path in gold_paths:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                document: Document = tuned[gold["document"]]
                judged = {tuple(f.mention["span"]): f.features for f in document.figures if f.in_scope}
                predicted = then[gold_path.name]
                wrong = {(tuple(m["span"]), m["metric"]) for m, _ in false_links(predicted, gold["mentions"])}
                in_view = [m for m in predicted if m.get("metric") and not m.get("implicit")
                           and tuple(m["span"]) in judged]
                wrong_judged += sum((tuple(m["span"]), m["metric"]) in wrong for m in in_view)
                right_judged += sum((tuple(m["span"]), m["metric"]) not in wrong for m in in_view)
                totals[None] += link_counts(predicted, gold["mentions"])
                for threshold in VETO_THRESHOLDS:
                    after = vetoed_mentions(predicted, judged, model, threshold)
                    totals[threshold] += link_counts(after, gold["mentions"])
                    for old, new in zip(predicted, after):
                        if old.get("metric") and not new.get("metric"):
                            caught[threshold][(tuple(old["span"]), old["metric"]) not in wrong] += 1
        pages = sum(map(len, pages_of[round_no].values()))
        print(f"round {round_no}: {len(batches[round_no])} batches, {pages} tuned pages; model trained on {len(before)} "
              f"earlier tuned pages + {len(synthetic)} synthetic, L2 {args.l2:g}; the round's grammar made "
              f"{wrong_judged} wrong and {right_judged} right printed links the model judges")
        for threshold, counts in totals.items():
            f = counts.figures()
            note = "" if threshold is None else \
                f"  vetoed {caught[threshold][0]} wrong, {caught[threshold][1]} right"
            print(f"  {'grammar alone' if threshold is None else f'veto≥{threshold}':14} link P {f['precision']:.4f} "
                  f"({counts.correct}/{counts.predicted}) R {f['recall']:.4f} ({counts.found}/{counts.gold}) "
                  f"F1 {f['f1']:.4f}{note}")


if __name__ == "__main__":
    main()
