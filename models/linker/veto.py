"""The veto study: can a model unlink the grammar's wrong links without unlinking its right ones? A veto is the most
useful role a second opinion could have (precision first), so it is weighed here with more than the shipped model
reads: the grammar's decision (features.decision_features) beside the words, and the wrong links earlier grammars
made on the tuned pages (past.py), since today's grammar makes almost none there to learn from.

    python -m models.linker.veto      # needs models/linker/past_links.json (python -m models.linker.past)

Cross-validation by page on tuned only (synthetic reports always in training); each held-out page is scored as
today's grammar links it and as each earlier grammar does (summed): the earlier grammars on pages they were not tuned
on stand for today's grammar on pages it has not seen. Never reads the untuned split.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from models.linker.data import GOLD_SUFFIX, Document, Links, grammar_examples, synthetic_documents
from models.linker.model import LinkerModel, Policy, rounded
from models.linker.past import PAST_LINKS
from models.linker.train import DIM, FOLDS, TUNED, LinkCounts, design, fit, fold_of, link_counts, second_opinion, train
from extraction.spec import load_spec

L2 = 1e-3  # the weight of cross-validation's better veto rows for the shipped model
VETO_THRESHOLDS = (0.5, 0.7, 0.9, 0.95, 0.99)
RIGHT, WRONG = "right", "wrong"


def page_links(past: dict[str, dict[str, list]], page: str) -> list[Links]:
    """Given past_links.json and a page's name, return each earlier grammar's links on it, by span (none for a page
    added since the file was written: no earlier grammar was run on it)."""
    return [{(start, end): (metric, tuple(alternatives)) for start, end, metric, alternatives in links[page]}
            for links in past.values() if page in links]


def changed(today: Document, earlier: Document) -> Document:
    """Given a page as today's grammar and as an earlier one links it, return the earlier one's figures whose link
    differs from today's (the others would only count today's examples twice)."""
    figures = [e for t, e in zip(today.figures, earlier.figures)
               if e.in_scope and e.mention.get("metric") != t.mention.get("metric")]
    return Document(earlier.name, figures, earlier.gold)


def linked_examples(documents: list[Document]) -> tuple[list[list[str]], list[int]]:
    """Given documents, return the features of every link the model judges and whether gold rejects it (1)."""
    features, wrong = [], []
    for document in documents:
        for figure in document.figures:
            metric = figure.mention.get("metric")
            if figure.in_scope and metric is not None:
                readings = {metric, *(r for r in figure.mention.get("accept", ()) if r)}
                features.append(figure.features)
                wrong.append(int(figure.label not in readings))
    return features, wrong


def binary_veto(documents: list[Document]) -> LinkerModel:
    """Given documents, return a logistic regression of whether a grammar link is wrong, fitted on their links."""
    features, wrong = linked_examples(documents)
    weights, bias = fit(design(features, DIM), np.array(wrong), 2, L2)
    return rounded(LinkerModel((RIGHT, WRONG), weights, bias))


def vetoed(model: LinkerModel, threshold: float, document: Document) -> list[dict]:
    """Given a link-is-wrong model, a threshold and a document, return its mentions, each link the model calls wrong
    with at least that probability unlinked."""
    out = []
    for figure in document.figures:
        mention = dict(figure.mention)
        if figure.in_scope and mention.get("metric") is not None \
                and model.probabilities(figure.features)[model.classes.index(WRONG)] >= threshold:
            mention["metric"] = None
            mention.pop("accept", None)
        out.append(mention)
    return out


def study(pages: list[list[Document]], synthetic: list[Document]) -> dict[tuple[str, float | None], list[LinkCounts]]:
    """Given each tuned page as today's grammar and the earlier ones link it, and the synthetic reports, return per
    (model, veto threshold) the out-of-fold link counts under today's grammar and under the earlier ones (summed)."""
    kinds = ("softmax, today's links", "softmax, + earlier links", "link-is-wrong, + earlier links")
    out = {(k, t): [LinkCounts(), LinkCounts()] for k in kinds for t in (None, *VETO_THRESHOLDS)}
    for fold in range(FOLDS):
        held = [p for p in pages if fold_of(p[0].name, FOLDS) == fold]
        kept = [p for p in pages if fold_of(p[0].name, FOLDS) != fold]
        earlier = [changed(p[0], e) for p in kept for e in p[1:]]
        models = {kinds[0]: train([p[0] for p in kept] + synthetic, L2),
                  kinds[1]: train([p[0] for p in kept] + synthetic + earlier, L2),
                  kinds[2]: binary_veto([p[0] for p in kept] + synthetic + earlier)}
        for kind, model in models.items():
            for threshold in (None, *VETO_THRESHOLDS):
                for page in held:
                    for i, document in enumerate(page):
                        if threshold is None:
                            mentions = [f.mention for f in document.figures]
                        elif kind == kinds[2]:
                            mentions = vetoed(model, threshold, document)
                        else:
                            mentions = second_opinion(model, Policy(veto=threshold), document)
                        out[(kind, threshold)][min(i, 1)] += link_counts(mentions, document.gold)
    return out


def main() -> None:
    spec = load_spec()
    past = json.loads(PAST_LINKS.read_text(encoding="utf-8"))
    pages = []
    for gold_path in sorted(TUNED.glob("*" + GOLD_SUFFIX)):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = gold_path.with_name(gold["document"])
        pages.append(grammar_examples(page.name, page, None, gold, spec, (None, *page_links(past, page.name)), True))
    results = study(pages, synthetic_documents(decision=True))
    print(f"veto study, {FOLDS}-fold CV by page on {len(pages)} tuned pages, L2 {L2:g}; held-out pages linked by "
          f"today's grammar, and by the {len(past)} earlier grammars ({', '.join(past)}) summed")
    print(f"{'model':32} {'veto≥':>5} | {'today: P':>20} {'R':>20} {'F1':>6} | {'earlier: P':>20} {'R':>20} {'F1':>6}")
    for (kind, threshold), counts in results.items():
        cells = []
        for c in counts:
            f = c.figures()
            cells.append(f"{f['precision']:.4f} ({c.correct:>5}/{c.predicted:<5}) "
                         f"{f['recall']:.4f} ({c.found:>5}/{c.gold:<5}) {f['f1']:.4f}")
        print(f"{kind:32} {str(threshold or '-'):>5} | {cells[0]} | {cells[1]}")


if __name__ == "__main__":
    main()
