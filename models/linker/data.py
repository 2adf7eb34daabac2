"""Examples for the linker model: every figure the pipeline finds in a labeled document, with the features of its
clause, the grammar's link and the reading its gold label gives it."""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

from evaluation.scoring import acceptable_metrics, pair_mentions
from extraction.pipeline import audit
from extraction.segment import segment
from extraction.spec import Spec, load_spec
from models.linker.features import decision_features, feature_names
from models.linker.model import in_scope

NONE = "none"  # the class of a figure that names no table metric
GOLD_SUFFIX = ".gold.json"
SYNTH_SEED = 20261206
SYNTH_DOCUMENTS = 80
# a grammar's links by figure span: (metric, alternatives); None stands for the pipeline's own grammar
Links = dict[tuple[int, int], tuple[str | None, tuple[str, ...]]]


@dataclass
class Figure:
    """One pipeline mention: its scored JSON, whether the model judges it, its features and its gold reading."""

    mention: dict[str, Any]
    in_scope: bool
    features: list[str]
    label: str


@dataclass
class Document:
    """One labeled document: its pipeline mentions as examples, and its gold mentions to score against."""

    name: str
    figures: list[Figure]
    gold: list[dict[str, Any]]


def label_of(mention: dict[str, Any], partner: dict[str, Any] | None) -> str:
    """Given a pipeline mention and its gold partner (None: no gold figure), return the class to learn: the grammar's
    metric when gold accepts it, else gold's metric, else none."""
    if partner is None:
        return NONE
    accepted = acceptable_metrics(partner)
    metric = mention.get("metric") if mention.get("metric") in accepted else partner.get("metric")
    return metric or NONE


def document_examples(name: str, path: Path, data: bytes | None, gold: dict[str, Any], spec: Spec) -> Document:
    """Given a labeled document (its bytes, when not on disk) and the spec, return its examples."""
    return grammar_examples(name, path, data, gold, spec, (None,), decision=False)[0]


def grammar_examples(name: str, path: Path, data: bytes | None, gold: dict[str, Any], spec: Spec,
                     grammars: Sequence[Links | None], decision: bool) -> list[Document]:
    """Given a labeled document, the spec and grammars (None: the pipeline's; else another grammar's links, which
    replace the pipeline's on every figure the model judges), return its examples as each grammar links it; with
    decision, each figure's features include the grammar's decision (decision_features)."""
    report = audit(path, data)
    if report.source is None:
        return [Document(name, [], gold.get("mentions", [])) for _ in grammars]
    narrative = segment(report.source)
    # the version linking reads: the tables' when they were read, else the report year's
    tables_read = report.template in spec.versions and bool(report.cells)
    template = report.template if tables_read else spec.template_for_year(report.report_year)
    pairs = pair_mentions([m.to_json() for m in report.mentions], gold.get("mentions", []))
    scope = in_scope(report.mentions)
    out = []
    for links in grammars:
        figures = []
        for m, s, j in zip(report.mentions, scope, pairs):
            if links is not None and s:
                metric, alternatives = links.get(m.span, (None, ()))
                m = replace(m, metric=metric, alternatives=tuple(alternatives))
            features = feature_names(narrative, m, template, spec) if s else []
            features += decision_features(narrative, m, template, spec, report.report_year) if s and decision else []
            p = m.to_json()
            figures.append(Figure(p, s, features, label_of(p, gold["mentions"][j] if j is not None else None)))
        out.append(Document(name, figures, gold.get("mentions", [])))
    return out


def corpus_documents(folder: Path, spec: Spec | None = None) -> list[Document]:
    """Given a folder of labeled pages (<id>.txt beside <id>.gold.json), return their examples, in name order."""
    spec = spec or load_spec()
    out = []
    for gold_path in sorted(folder.glob("*" + GOLD_SUFFIX)):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = gold_path.with_name(gold["document"])
        out.append(document_examples(document.name, document, None, gold, spec))
    return out


def synthetic_documents(n: int = SYNTH_DOCUMENTS, seed: int = SYNTH_SEED, spec: Spec | None = None,
                        decision: bool = False) -> list[Document]:
    """Given a count and a seed, return the examples of that many synthetic reports in plain text (their narratives
    are the generator's phrase templates, with distractor figures no table states); with decision, their features
    include the grammar's decision."""
    from evaluation.synth import models as synth_models, render
    from evaluation.synth.gold import gold as synth_gold

    spec = spec or load_spec()
    out = []
    for model in synth_models(n, seed, 0.0):
        gold = synth_gold(model, "text")
        out += grammar_examples(gold["document"], Path(gold["document"]), render(model, "text"), gold, spec, (None,), decision)
    return out
