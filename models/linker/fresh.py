"""The second opinion on fresh text: for each round of tuned pages added since the model was first measured
(rounds 12–13), a model trained on the tuned pages that existed before the round judges the links the grammar of
the round's own corpus commits made on its pages (labeled before any run, so the grammar just before the round's
rules saw them).
Does its veto catch the fresh false links that grammar made, and how many right links does it unlink for each? Do
its adds link right figures that grammar missed?

    python -m models.linker.fresh [--l2 1e-4]       # reads git history (evaluation/fresh_links replays the grammars)

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
POLICIES = (*(Policy(veto=t) for t in (0.5, 0.8, 0.9, 0.95, 0.99)), *(Policy(add=t) for t in (0.95, 0.99)))


def round_batches(round_no: int) -> list[str]:
    """Given a round, return its corpus commits since FIRST_MEASURE that added tuned pages, oldest first."""
    log = subprocess.run(["git", "log", "--reverse", "--no-merges", "--format=%h %s", "--diff-filter=A",
                          f"{FIRST_MEASURE}..HEAD", "--", str(TUNED)], check=True, capture_output=True, text=True)
    tag = ROUNDS[round_no]
    return [line.split()[0] for line in log.stdout.splitlines()
            if tag in line or f"round {round_no}" in line.lower()]


def pages_before(commit: str) -> set[str]:
    """Given a corpus commit, return the names of the tuned pages that existed just before it."""
    listing = subprocess.run(["git", "ls-tree", "--name-only", f"{commit}^", f"{TUNED}/"], check=True,
                             capture_output=True, text=True)
    return {Path(name).name for name in listing.stdout.split()}


def judged_mentions(then: list[dict], judged: dict[tuple[int, int], list[str]], model: LinkerModel,
                    policy: Policy) -> list[dict]:
    """Given a page's mentions as an earlier grammar linked them, today's in-scope figures' features by span, a model
    and a policy, return the mentions with the policy applied to each printed figure the model judges."""
    out = []
    for mention in then:
        features = judged.get(tuple(mention["span"]))
        if not mention.get("implicit") and features is not None:
            readings = tuple(r for r in mention.get("accept", ()) if r is not None)
            metric = model.decide(mention.get("metric"), readings, model.probabilities(features), policy)
            if metric != mention.get("metric"):
                mention = {k: v for k, v in mention.items() if k != "accept"} | {"metric": metric}
        out.append(mention)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--l2", type=float, default=1e-4)  # the L2 weight training chose
    args = parser.parse_args()
    tuned = {d.name: d for d in corpus_documents(TUNED)}
    synthetic = synthetic_documents()
    batches = {r: round_batches(r) for r in ROUNDS}
    pages_of = {r: {c: batch_pages(c) for c in commits} for r, commits in batches.items()}
    for round_no in ROUNDS:
        existed = pages_before(batches[round_no][0])  # not pages added since, by this round or a later one
        before = [d for name, d in tuned.items() if name in existed]
        model = train(before + synthetic, args.l2)
        totals: dict[Policy, LinkCounts] = defaultdict(LinkCounts)
        # policy: [wrong links unlinked, right links unlinked, wrong links added, right links added]
        changes: dict[Policy, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
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
                totals[Policy()] += link_counts(predicted, gold["mentions"])
                for policy in POLICIES:
                    after = judged_mentions(predicted, judged, model, policy)
                    totals[policy] += link_counts(after, gold["mentions"])
                    added = {(tuple(m["span"]), m["metric"]) for m, _ in false_links(after, gold["mentions"])}
                    for old, new in zip(predicted, after):
                        if old.get("metric") and not new.get("metric"):
                            changes[policy][(tuple(old["span"]), old["metric"]) not in wrong] += 1
                        elif new.get("metric") and not old.get("metric"):
                            changes[policy][2 + ((tuple(new["span"]), new["metric"]) not in added)] += 1
        pages = sum(map(len, pages_of[round_no].values()))
        print(f"round {round_no}: {len(batches[round_no])} batches, {pages} tuned pages; "
              f"model trained on {len(before)} earlier tuned pages + {len(synthetic)} synthetic, L2 {args.l2:g}; "
              f"the round's grammar made "
              f"{wrong_judged} wrong and {right_judged} right printed links the model judges")
        for policy, counts in totals.items():
            f = counts.figures()
            wrong_out, right_out, wrong_in, right_in = changes[policy]
            note = f"  vetoed {wrong_out} wrong, {right_out} right" if policy.veto is not None else \
                f"  added {right_in} right, {wrong_in} wrong" if policy.add is not None else ""
            print(f"  {policy.name():14} link P {f['precision']:.4f} "
                  f"({counts.correct}/{counts.predicted}) R {f['recall']:.4f} ({counts.found}/{counts.gold}) "
                  f"F1 {f['f1']:.4f}{note}")


if __name__ == "__main__":
    main()
