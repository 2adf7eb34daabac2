"""Train the linker model: cross-validate its hyper-parameters and second-opinion policy on the tuned split (by
page, k folds, synthetic reports always in training), then fit it on all of tuned + synthetic and ship the weights.

    python -m models.linker.train [--folds 5] [--out models/linker/weights.npz]

Never reads the untuned split. Deterministic: zero start, full-batch Adam, fixed synthetic seed, fold by page name.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from evaluation.scoring import score_links
from models.linker.data import NONE, Document, corpus_documents, synthetic_documents
from models.linker.features import hashed
from models.linker.model import OTHER, WEIGHTS, LinkerModel, Policy, rounded

TUNED = Path("corpus/real-narrative/tuned")
CV_FIGURES = Path(__file__).with_name("cv.json")
DIM = 4096  # hashed feature buckets: 4096 x ~40 classes in half precision is ~300 KB
ITERATIONS = 150
LEARNING_RATE = 0.05
ADAM_BETAS = (0.9, 0.999)
ADAM_EPSILON = 1e-8
MIN_CLASS_COUNT = 5  # a metric seen fewer times in training is OTHER: too few examples to be added
FOLDS = 5
L2_GRID = (1e-4, 1e-3)  # 1e-2 was tried: it added no link at any threshold
THRESHOLDS = (None, 0.8, 0.9, 0.95, 0.99)


@dataclass
class LinkCounts:
    """Link counts as `zfxxgk eval` scores them: correct of predicted (precision), found of gold (recall)."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    def __add__(self, other: LinkCounts) -> LinkCounts:
        return LinkCounts(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    def figures(self) -> dict[str, float]:
        """Return precision, recall and F1 of the links."""
        p = self.correct / self.predicted if self.predicted else 1.0
        r = self.found / self.gold if self.gold else 1.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def fold_of(name: str, folds: int) -> int:
    """Given a page's name, return its fold (from its digest: nobody chooses which pages go together)."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % folds


def class_list(labels: list[str]) -> tuple[str, ...]:
    """Given training labels, return the classes: none, other, then every metric seen MIN_CLASS_COUNT times."""
    counts = Counter(labels)
    return (NONE, OTHER, *sorted(m for m, n in counts.items() if m not in (NONE, OTHER) and n >= MIN_CLASS_COUNT))


def design(feature_lists: list[list[str]], dim: int) -> np.ndarray:
    """Given each example's feature names, return the binary design matrix."""
    x = np.zeros((len(feature_lists), dim), dtype=np.float32)
    for row, names in enumerate(feature_lists):
        x[row, hashed(names, dim)] = 1.0
    return x


def fit(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Given a design matrix, class indices and an L2 weight, return (weights, bias) of the softmax regression that
    minimises mean cross-entropy + l2/2 |W|², by full-batch Adam from zero."""
    n, dim = x.shape
    params = [np.zeros((dim, n_classes), dtype=np.float32), np.zeros(n_classes, dtype=np.float32)]
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    target = np.zeros((n, n_classes), dtype=np.float32)
    target[np.arange(n), y] = 1.0
    for step in range(1, ITERATIONS + 1):
        logits = x @ params[0] + params[1]
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        error = (odds / odds.sum(axis=1, keepdims=True) - target) / n
        grads = [x.T @ error + l2 * params[0], error.sum(axis=0)]
        for param, grad, (m, v) in zip(params, grads, moments):
            m *= ADAM_BETAS[0]
            m += (1 - ADAM_BETAS[0]) * grad
            v *= ADAM_BETAS[1]
            v += (1 - ADAM_BETAS[1]) * grad * grad
            m_hat = m / (1 - ADAM_BETAS[0] ** step)
            v_hat = v / (1 - ADAM_BETAS[1] ** step)
            param -= LEARNING_RATE * m_hat / (np.sqrt(v_hat) + ADAM_EPSILON)
    return params[0], params[1]


def train(documents: list[Document], l2: float, dim: int = DIM) -> LinkerModel:
    """Given labeled documents and an L2 weight, return the model fitted on their in-scope figures, rounded to the
    precision it ships in."""
    figures = [f for d in documents for f in d.figures if f.in_scope]
    classes = class_list([f.label for f in figures])
    y = np.array([classes.index(f.label) if f.label in classes else classes.index(OTHER) for f in figures])
    weights, bias = fit(design([f.features for f in figures], dim), y, len(classes), l2)
    return rounded(LinkerModel(classes, weights, bias))


def second_opinion(model: LinkerModel, policy: Policy, document: Document) -> list[dict]:
    """Given a model, a policy and a document, return its mentions as scored, each with the metric the policy gives."""
    out = []
    for figure in document.figures:
        mention = dict(figure.mention)
        if figure.in_scope:
            readings = tuple(r for r in mention.get("accept", ()) if r is not None)
            metric = model.decide(mention.get("metric"), readings, model.probabilities(figure.features), policy)
            if metric != mention.get("metric"):
                mention = {**mention, "metric": metric}
                mention.pop("accept", None)
        out.append(mention)
    return out


def link_counts(predicted: list[dict], gold: list[dict]) -> LinkCounts:
    """Given one document's mentions and its gold mentions, return its link counts."""
    score = score_links(predicted, gold)
    return LinkCounts(score.correct, score.predicted, score.found, score.gold)


def policies() -> list[Policy]:
    """Return every policy the cross-validation weighs."""
    return [Policy(veto, add) for veto in THRESHOLDS for add in THRESHOLDS]


def cross_validate(tuned: list[Document], synthetic: list[Document], folds: int) -> dict[float, dict[Policy, LinkCounts]]:
    """Given the tuned pages and synthetic reports, return per L2 weight and policy the link counts of the tuned
    pages, each scored by the model trained without its fold."""
    out: dict[float, dict[Policy, LinkCounts]] = {}
    for l2 in L2_GRID:
        totals = {p: LinkCounts() for p in policies()}
        for fold in range(folds):
            held = [d for d in tuned if fold_of(d.name, folds) == fold]
            model = train([d for d in tuned if fold_of(d.name, folds) != fold] + synthetic, l2)
            for policy in totals:
                for document in held:
                    totals[policy] += link_counts(second_opinion(model, policy, document), document.gold)
        out[l2] = totals
    return out


def choose(cv: dict[float, dict[Policy, LinkCounts]]) -> tuple[float, Policy]:
    """Given cross-validated counts, return the L2 weight and policy of the highest link F1 whose precision is not
    below the grammar's; on a tie the one that overrides the grammar least (higher thresholds, fewer changes)."""
    def caution(policy: Policy) -> tuple[float, float]:
        return (policy.veto if policy.veto is not None else 2.0), (policy.add if policy.add is not None else 2.0)

    grammar = next(iter(cv.values()))[Policy()].figures()
    fair = [(counts.figures()["f1"], caution(p), -l2, l2, p) for l2, table in cv.items() for p, counts in table.items()
            if counts.figures()["precision"] >= grammar["precision"]]
    best = max(fair, key=lambda row: row[:3])
    return best[3], best[4]


def cv_rows(cv: dict[float, dict[Policy, LinkCounts]]) -> list[dict]:
    """Given cross-validated counts, return one row per L2 weight and policy, for cv.json."""
    return [{"l2": l2, "veto": p.veto, "add": p.add, **asdict(c), **c.figures()} for l2, table in cv.items() for p, c in table.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--cv-out", type=Path, default=CV_FIGURES)
    args = parser.parse_args()
    started = time.monotonic()
    tuned, synthetic = corpus_documents(TUNED), synthetic_documents()
    print(f"examples: {sum(f.in_scope for d in tuned for f in d.figures)} tuned figures on {len(tuned)} pages, "
          f"{sum(f.in_scope for d in synthetic for f in d.figures)} synthetic on {len(synthetic)} reports")
    cv = cross_validate(tuned, synthetic, args.folds)
    l2, policy = choose(cv)
    model = train(tuned + synthetic, l2)
    meta = {"l2": l2, "dim": model.dim, "folds": args.folds, "iterations": ITERATIONS, "trained_on": {
        "tuned_pages": len(tuned), "synthetic_reports": len(synthetic)}}
    model.save(args.out, policy, meta)
    args.cv_out.write_text(json.dumps({"chosen": {"l2": l2, "veto": policy.veto, "add": policy.add},
                                       "rows": cv_rows(cv)}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    grammar = next(iter(cv.values()))[Policy()]
    print(f"cross-validated on tuned ({args.folds} folds): grammar alone {grammar.figures()}; "
          f"chosen l2={l2} {policy.name()}: {cv[l2][policy].figures()}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) and {args.cv_out} in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
