"""Compare the grammar alone with grammar + model on link precision, recall and F1: the cross-validated figures on
the tuned split (from cv.json, written by training), the shipped model on tuned (its training data) and on the
untuned split (never trained or tuned on; totals only).

    python -m models.linker.evaluate [--weights models/linker/weights.npz] [--no-untuned]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from models.linker.data import Document, corpus_documents
from models.linker.model import WEIGHTS, LinkerModel, Policy, load
from models.linker.train import CV_FIGURES, TUNED, LinkCounts, link_counts, second_opinion

UNTUNED = Path("corpus/real-narrative/untuned")
HEADER = f"{'':34} {'link P':>20} {'link R':>20} {'link F1':>8}"


def row(name: str, counts: LinkCounts) -> str:
    """Given a row name and link counts, return the table line."""
    f = counts.figures()
    return (f"{name:34} {f['precision']:.4f} ({counts.correct:>4}/{counts.predicted:<4}) "
            f"{f['recall']:.4f} ({counts.found:>4}/{counts.gold:<4}) {f['f1']:.4f}")


def totals(model: LinkerModel, policy: Policy, documents: list[Document]) -> LinkCounts:
    """Given a model, a policy and labeled documents, return their summed link counts under the policy."""
    out = LinkCounts()
    for document in documents:
        out += link_counts(second_opinion(model, policy, document), document.gold)
    return out


def candidates(cv: dict) -> list[Policy]:
    """Given cv.json, return the policies measured on untuned (at most two): the one training chose, and the one of
    the best cross-validated F1 at the chosen L2 weight whatever its precision (what the model could add at a cost)."""
    chosen = Policy(cv["chosen"]["veto"], cv["chosen"]["add"])
    rows = [r for r in cv["rows"] if r["l2"] == cv["chosen"]["l2"]]
    best = max(rows, key=lambda r: (r["f1"], r["veto"] or 2.0, r["add"] or 2.0))
    boldest = Policy(best["veto"], best["add"])
    return [p for p in dict.fromkeys([chosen, boldest]) if p != Policy()]


def cv_table(cv: dict) -> list[str]:
    """Given cv.json, return the lines of the cross-validation table: per L2 weight, the grammar, the best policy with
    precision not below the grammar's, and the best policy of each kind."""
    lines = [HEADER]
    grammar = next(r for r in cv["rows"] if r["veto"] is None and r["add"] is None)
    lines.append(row("grammar alone", LinkCounts(grammar["correct"], grammar["predicted"], grammar["found"], grammar["gold"])))
    for l2 in sorted({r["l2"] for r in cv["rows"]}):
        rows = [r for r in cv["rows"] if r["l2"] == l2 and (r["veto"], r["add"]) != (None, None)]
        for kind, keep in (("veto", lambda r: r["add"] is None), ("add", lambda r: r["veto"] is None),
                           ("both", lambda r: r["veto"] is not None and r["add"] is not None)):
            best = max((r for r in rows if keep(r)), key=lambda r: r["f1"])
            name = f"l2={l2:g} {Policy(best['veto'], best['add']).name()}"
            lines.append(row(name, LinkCounts(best["correct"], best["predicted"], best["found"], best["gold"])))
    chosen = cv["chosen"]
    lines.append(f"chosen (best F1 with precision not below the grammar's): l2={chosen['l2']:g} "
                 f"{Policy(chosen['veto'], chosen['add']).name()}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--weights", type=Path, default=WEIGHTS)
    parser.add_argument("--cv", type=Path, default=CV_FIGURES)
    parser.add_argument("--no-untuned", action="store_true", help="score the tuned split only")
    args = parser.parse_args()
    cv = json.loads(args.cv.read_text(encoding="utf-8"))
    model, shipped, meta = load(args.weights)
    print(f"Cross-validation on tuned ({meta['folds']} folds by page, synthetic reports always in training):")
    print("\n".join(cv_table(cv)))
    splits = [("tuned (training data)", TUNED)] + ([] if args.no_untuned else [("untuned", UNTUNED)])
    for name, folder in splits:
        documents = corpus_documents(folder)
        print(f"\n{name}: {len(documents)} pages")
        print(HEADER)
        print(row("grammar alone", totals(model, Policy(), documents)))
        for policy in candidates(cv):
            print(row(f"grammar + model, {policy.name()}", totals(model, policy, documents)))


if __name__ == "__main__":
    main()
