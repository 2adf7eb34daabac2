"""Score one audit result (output-format.md) against one gold label, by the definitions of gold-format.md."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from extraction.tables import DOUBTFUL_CONFIDENCE

Json = dict[str, Any]
FindingKey = tuple[str, Any]

# Cells are parsed from printed decimals ("254.38"), so only float noise may tell equal values apart.
ABS_TOLERANCE = 1e-6
REL_TOLERANCE = 1e-9
FINDING_NAMES = ("metric", "identity", "row")
METADATA = ("agency", "report_year", "template")


def ratio(hits: int, total: int) -> float:
    """Given hits out of a total, return their share; nothing to get right counts as all right."""
    return hits / total if total else 1.0


@dataclass
class FigureCounts:
    """Figures found at all, linked or not (optional gold figures count on neither side), and zeros stated in words
    (未收到申请) that gold links to a metric, with how many were linked right."""

    figures_correct: int = 0
    figures_predicted: int = 0
    figures_found: int = 0
    figures_gold: int = 0
    implicit_found: int = 0
    implicit_gold: int = 0


@dataclass
class Tally(FigureCounts):
    """Counts over one or more documents; the ratios are micro-averages of these counts."""

    documents: int = 0
    cells_correct: int = 0
    cells_gold: int = 0
    cells_extra: int = 0
    # Of the gold cells not read right: those left unread, and those read wrong with nothing saying so (not
    # inferred, confidence above DOUBTFUL_CONFIDENCE): the errors an auditor would take for facts.
    cells_unread: int = 0
    cells_wrong_unflagged: int = 0
    links_correct: int = 0
    links_predicted: int = 0
    links_found: int = 0
    links_gold: int = 0
    # Figures one side has and the other lacks: not part of any ratio, shown to spot tokenizer drift.
    mentions_unpaired_predicted: int = 0
    mentions_unpaired_gold: int = 0
    findings_matched: int = 0
    findings_predicted: int = 0
    findings_gold: int = 0
    metadata_correct: int = 0
    metadata_total: int = 0
    errors: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def ratios(self) -> dict[str, float]:
        """Given the counts, return cell accuracy, link and finding precision/recall, metadata accuracy."""
        return {
            "cell_accuracy": ratio(self.cells_correct, self.cells_gold),
            "link_precision": ratio(self.links_correct, self.links_predicted),
            "link_recall": ratio(self.links_found, self.links_gold),
            "figure_precision": ratio(self.figures_correct, self.figures_predicted),
            "figure_recall": ratio(self.figures_found, self.figures_gold),
            "implicit_recall": ratio(self.implicit_found, self.implicit_gold),
            "finding_precision": ratio(self.findings_matched, self.findings_predicted),
            "finding_recall": ratio(self.findings_matched, self.findings_gold),
            "metadata_accuracy": ratio(self.metadata_correct, self.metadata_total),
        }

    def to_json(self) -> Json:
        """Given the tally, return its counts and ratios as one JSON object."""
        return {**asdict(self), **self.ratios()}


@dataclass
class DocScore:
    """The score of one document: counts plus what went wrong, for reading and for the confusion table."""

    document: str
    format: str
    template: str | None
    tally: Tally
    folder: str = ""  # the folder the document lies in: a corpus split (tuned / untuned) when folders are splits
    rendered: Json = field(default_factory=dict)  # how an image version was made from a labeled report (gold's "rendered")
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)  # only the fields that differ
    wrong_cells: list[Json] = field(default_factory=list)
    extra_cells: list[str] = field(default_factory=list)
    wrong_links: list[Json] = field(default_factory=list)
    missed_links: list[Json] = field(default_factory=list)
    matched_findings: list[FindingKey] = field(default_factory=list)
    missed_findings: list[FindingKey] = field(default_factory=list)
    extra_findings: list[FindingKey] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> Json:
        """Given the score, return it as a JSON object."""
        out = asdict(self)
        out["tally"] = self.tally.to_json()
        for name in ("matched_findings", "missed_findings", "extra_findings"):
            out[name] = [{"rule": rule, "name": key} for rule, key in getattr(self, name)]
        return out


def same_value(predicted: Any, gold: Any, tolerance: float = 0.0) -> bool:
    """Given a predicted and a gold value (number or None) and an absolute tolerance, return whether they agree."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return math.isclose(predicted, gold, rel_tol=REL_TOLERANCE, abs_tol=max(ABS_TOLERANCE, tolerance))


def is_flagged(cell: Any) -> bool:
    """Given a predicted cell ({"value": …, "confidence": …} or a bare value), return whether the result itself says
    not to trust it: its value was inferred from the identities, or its confidence is doubtful (OCR contract)."""
    if not isinstance(cell, dict):
        return False
    confidence = cell.get("confidence")
    return bool(cell.get("inferred")) or (confidence is not None and confidence <= DOUBTFUL_CONFIDENCE)


def score_cells(predicted: Json, gold: Json) -> tuple[int, list[Json], list[str]]:
    """Given predicted cells ({key: {"value": …}} or {key: value}) and gold cells, return correct count, wrong cells
    (a missing one is unread, which flags it), extra keys."""
    correct, wrong = 0, []
    for key, expected in gold.items():
        if key not in predicted:
            wrong.append({"cell": key, "gold": expected, "predicted": None, "missing": True, "flagged": True})
            continue
        cell = predicted[key]
        value = cell.get("value") if isinstance(cell, dict) else cell
        if same_value(value, expected):
            correct += 1
        else:
            wrong.append({"cell": key, "gold": expected, "predicted": value, "missing": False, "flagged": is_flagged(cell)})
    return correct, wrong, sorted(set(predicted) - set(gold))


def acceptable_metrics(gold: Json) -> set[str | None]:
    """Given a gold mention, return every metric that is a correct reading of it (None: unlinked is correct)."""
    return {gold.get("metric"), *gold.get("accept", ())}


def pair_mentions(predicted: list[Json], gold: list[Json]) -> list[int | None]:
    """Given predicted and gold mentions, return for each predicted one the index of its gold mention or None.

    One to one, by value, in passes from the surest pairing to the loosest: an acceptable metric and the same quote,
    an acceptable metric with the same unit and kind (printed or a zero in words), an acceptable metric, the same unit,
    the value alone. Value alone paired a page's 6条 with an earlier optional 六部分 (its gold 6条 then missed, a
    prediction paired to it uncounted); the kind keeps a worded zero from taking a printed 0件 both readings accept.
    """
    def fits(mention: Json, candidate: Json) -> bool:
        return mention.get("metric") in acceptable_metrics(candidate)

    def same_quote(mention: Json, candidate: Json) -> bool:
        return mention.get("quote") == candidate.get("quote")

    def same_unit(mention: Json, candidate: Json) -> bool:
        return mention.get("unit") == candidate.get("unit")

    def same_kind(mention: Json, candidate: Json) -> bool:
        return bool(mention.get("implicit")) == bool(candidate.get("implicit"))

    passes = ((fits, same_quote), (fits, same_unit, same_kind), (fits,), (same_unit,), ())
    pairs: list[int | None] = [None] * len(predicted)
    free = list(range(len(gold)))
    for tests in passes:
        for i, mention in enumerate(predicted):
            if pairs[i] is not None:
                continue
            for j in free:
                candidate = gold[j]
                if not same_value(mention.get("value"), candidate.get("value"), candidate.get("tolerance") or 0.0):
                    continue
                if not all(test(mention, candidate) for test in tests):
                    continue
                pairs[i] = j
                free.remove(j)
                break
    return pairs


def describe_mention(mention: Json, gold: Json | None = None) -> Json:
    """Given a mention (and its gold mention), return a short description for reports."""
    out = {"section": mention.get("section"), "value": mention.get("value"), "metric": mention.get("metric"),
           "quote": mention.get("quote")}
    if gold is not None:
        out["gold_metric"] = gold.get("metric")
        out["gold_accept"] = sorted(acceptable_metrics(gold), key=str)
    return out


@dataclass
class LinkScore:
    """Linked-mention counts of one document, with the wrong and missed links, and figures seen by one side only."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0
    wrong: list[Json] = field(default_factory=list)
    missed: list[Json] = field(default_factory=list)
    unpaired_predicted: int = 0
    unpaired_gold: int = 0
    figures: FigureCounts = field(default_factory=FigureCounts)


def score_links(predicted: list[Json], gold: list[Json]) -> LinkScore:
    """Given predicted and gold mentions, return their LinkScore."""
    pairs = pair_mentions(predicted, gold)
    out = LinkScore(unpaired_predicted=pairs.count(None), unpaired_gold=len(gold) - (len(pairs) - pairs.count(None)))
    for mention, j in zip(predicted, pairs):
        partner = gold[j] if j is not None else None
        if partner is not None and partner.get("optional"):
            continue
        out.figures.figures_predicted += 1
        out.figures.figures_correct += partner is not None
        if mention.get("metric") is None:
            continue
        out.predicted += 1
        if partner is not None and mention["metric"] in acceptable_metrics(partner):
            out.correct += 1
        else:
            out.wrong.append(describe_mention(mention, partner))
    partner_of = {j: predicted[i] for i, j in enumerate(pairs) if j is not None}
    for j, mention in enumerate(gold):
        if mention.get("optional"):
            continue
        partner = partner_of.get(j)
        out.figures.figures_gold += 1
        out.figures.figures_found += partner is not None
        if mention.get("metric") is None:
            continue
        out.gold += 1
        implicit = bool(mention.get("implicit"))
        out.figures.implicit_gold += implicit
        if partner is not None and partner.get("metric") in acceptable_metrics(mention):
            out.found += 1
            out.figures.implicit_found += implicit
        else:
            out.missed.append({**describe_mention(mention), "predicted": partner is not None,
                               "predicted_metric": partner.get("metric") if partner else None})
    return out


def finding_key(finding: Json) -> FindingKey:
    """Given a finding, return (rule, the metric, identity or row it names)."""
    name = next((finding[k] for k in FINDING_NAMES if finding.get(k) is not None), None)
    return finding["rule"], name


def is_neutral(finding: Json) -> bool:
    """Given a gold finding, return whether it counts neither for nor against a result."""
    return bool(finding.get("optional") or finding.get("implied"))


def pair_findings(predicted: list[Json], gold: list[Json]) -> tuple[list[FindingKey], list[FindingKey], list[FindingKey]]:
    """Given predicted and gold findings, return (matched, missed, extra) keys; neutral gold findings count in none."""
    free = list(range(len(gold)))
    gold_keys = [finding_key(g) for g in gold]
    matched: list[FindingKey] = []
    extra: list[FindingKey] = []
    for finding in predicted:
        key = finding_key(finding)
        # A counted gold finding is taken before a neutral twin, so the neutral one never hides a hit.
        candidates = [j for j in free if gold_keys[j] == key]
        candidates.sort(key=lambda j: is_neutral(gold[j]))
        if not candidates:
            extra.append(key)
            continue
        free.remove(candidates[0])
        if not is_neutral(gold[candidates[0]]):
            matched.append(key)
    missed = [gold_keys[j] for j in free if not is_neutral(gold[j])]
    return matched, missed, extra


def score(predicted: Json, gold: Json) -> DocScore:
    """Given one audit result (output-format.md) and its gold label (gold-format.md), return its DocScore."""
    cells_correct, wrong_cells, extra_cells = score_cells(predicted.get("cells", {}), gold.get("cells", {}))
    links = score_links(predicted.get("mentions", []), gold.get("mentions", []))
    gold_findings = gold.get("findings", [])
    matched, missed, extra = pair_findings(predicted.get("findings", []), gold_findings)
    # A gold "" says the text never names it: nothing read is then the right answer.
    metadata = {name: {"gold": gold.get(name), "predicted": predicted.get(name)}
                for name in METADATA if name in gold and (gold.get(name) or None) != predicted.get(name)}
    checked = sum(name in gold for name in METADATA)
    errors = [e.get("code", "") for e in predicted.get("errors", [])]
    tally = Tally(
        documents=1, cells_correct=cells_correct, cells_gold=len(gold.get("cells", {})), cells_extra=len(extra_cells),
        cells_unread=sum(c["missing"] for c in wrong_cells), cells_wrong_unflagged=sum(not c["flagged"] for c in wrong_cells),
        links_correct=links.correct, links_predicted=links.predicted, links_found=links.found, links_gold=links.gold,
        mentions_unpaired_predicted=links.unpaired_predicted, mentions_unpaired_gold=links.unpaired_gold,
        **asdict(links.figures),
        findings_matched=len(matched), findings_predicted=len(matched) + len(extra),
        findings_gold=sum(not is_neutral(g) for g in gold_findings),
        metadata_correct=checked - len(metadata), metadata_total=checked, errors=len(errors),
    )
    return DocScore(
        document=gold.get("document", ""), format=gold.get("format", ""), template=gold.get("template"), tally=tally,
        metadata=metadata, wrong_cells=wrong_cells, extra_cells=extra_cells, wrong_links=links.wrong, missed_links=links.missed,
        matched_findings=matched, missed_findings=missed, extra_findings=extra, errors=errors,
        rendered=gold.get("rendered") or {},
    )


def confusion(scores: list[DocScore]) -> dict[str, Counter[str]]:
    """Given document scores, return per rule the counts of matched, missed and extra findings."""
    table: dict[str, Counter[str]] = {}
    for doc in scores:
        for outcome, keys in (("matched", doc.matched_findings), ("missed", doc.missed_findings),
                              ("extra", doc.extra_findings)):
            for rule, _ in keys:
                table.setdefault(rule, Counter())[outcome] += 1
    return dict(sorted(table.items()))
