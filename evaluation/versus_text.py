"""Image-read documents beside their text-layer twins (issue 13's bars): cells right, wrong, unread and wrong
without a flag; linked mentions found as a share of what the text layer gives; findings as on the text layer.

A document is an image version when its gold carries `rendered.dpi` (evaluation/ocr_corpus.py writes it); its
twin is the document named `rendered.text_layer`, when that one was scored in the same run.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

from rich.table import Table

from evaluation.scoring import DocScore, FindingKey, Json, ratio


@dataclass
class VersusText:
    """Counts over image-read documents; links and findings only over those whose text-layer twin was scored."""

    documents: int = 0
    cells_correct: int = 0
    cells_gold: int = 0
    cells_unread: int = 0
    cells_wrong_unflagged: int = 0
    paired: int = 0
    links_found: int = 0
    links_found_text: int = 0
    findings_same: int = 0

    def __add__(self, other: VersusText) -> VersusText:
        return VersusText(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def cells_wrong(self) -> int:
        """Cells read as a wrong value (unread ones not counted)."""
        return self.cells_gold - self.cells_correct - self.cells_unread

    def ratios(self) -> dict[str, float]:
        """Given the counts, return cell accuracy, links found against the text layer's, documents whose findings
        are the text layer's."""
        return {"cell_accuracy": ratio(self.cells_correct, self.cells_gold),
                "links_vs_text": ratio(self.links_found, self.links_found_text),
                "findings_as_text": ratio(self.findings_same, self.paired)}

    def to_json(self) -> Json:
        """Given the counts, return them with cells_wrong and the ratios as one JSON object."""
        return {**asdict(self), "cells_wrong": self.cells_wrong, **self.ratios()}


def is_image_version(doc: DocScore) -> bool:
    """Given a document score, return whether it scores an image version of a labeled report."""
    return "dpi" in doc.rendered


def predicted_findings(doc: DocScore) -> Counter[FindingKey]:
    """Given a document score, return the findings its audit raised, as keys (matched or not)."""
    return Counter(doc.matched_findings + doc.extra_findings)


def versus(doc: DocScore, text: DocScore | None) -> VersusText:
    """Given an image version's score and its text-layer twin's (None: not scored), return their comparison."""
    t = doc.tally
    out = VersusText(documents=1, cells_correct=t.cells_correct, cells_gold=t.cells_gold, cells_unread=t.cells_unread,
                     cells_wrong_unflagged=t.cells_wrong_unflagged)
    if text is None:
        return out
    return out + VersusText(paired=1, links_found=t.links_found, links_found_text=text.tally.links_found,
                            findings_same=int(predicted_findings(doc) == predicted_findings(text)))


def compare(scores: Iterable[DocScore]) -> list[tuple[DocScore, VersusText]]:
    """Given document scores, return each image version with its comparison against its text-layer twin."""
    scores = list(scores)
    by_name: dict[str, DocScore] = {}
    for doc in scores:
        by_name.setdefault(doc.document, doc)
    return [(doc, versus(doc, by_name.get(doc.rendered.get("text_layer", "")))) for doc in scores if is_image_version(doc)]


def by_folder(compared: list[tuple[DocScore, VersusText]]) -> dict[str, VersusText]:
    """Given compared image versions, return the summed comparison of each folder."""
    folders: dict[str, VersusText] = {}
    for doc, counts in compared:
        folders[doc.folder] = folders.get(doc.folder, VersusText()) + counts
    return dict(sorted(folders.items()))


def summarise(compared: list[tuple[DocScore, VersusText]]) -> Json:
    """Given compared image versions, return per document, per folder and overall figures."""
    return {
        "documents": [{"document": doc.document, "folder": doc.folder, **counts.to_json()} for doc, counts in compared],
        "per_folder": {name: counts.to_json() for name, counts in by_folder(compared).items()},
        "overall": sum((counts for _, counts in compared), VersusText()).to_json(),
    }


def row(name: str, v: VersusText) -> list[str]:
    """Given a row name and counts, return the table cells of that row."""
    paired = v.paired > 0
    return [name, str(v.documents), f"{v.ratios()['cell_accuracy']:.4f} ({v.cells_correct}/{v.cells_gold})",
            str(v.cells_wrong), str(v.cells_unread),
            str(v.cells_wrong_unflagged),
            f"{v.ratios()['links_vs_text']:.3f} ({v.links_found}/{v.links_found_text})" if paired else "—",
            f"{v.findings_same}/{v.paired}" if paired else "—"]


def table(compared: list[tuple[DocScore, VersusText]], per_document: bool = True) -> Table:
    """Given compared image versions, return a table: each document (when asked), each folder, overall."""
    out = Table(title="Image reading vs gold and the text layer (flagged: unread, inferred or confidence ≤ 0.5)",
                title_justify="left")
    for column in ("document / folder", "docs", "cells right", "wrong", "unread", "wrong unflagged",
                   "links vs text", "findings as text"):
        out.add_column(column, justify="left" if column.startswith("document") else "right")
    folders = by_folder(compared)
    for folder, counts in folders.items():
        if per_document:
            for doc, doc_counts in compared:
                if doc.folder == folder:
                    out.add_row(*row(f"  {doc.document}", doc_counts))
        out.add_row(*row(f"folder {folder}", counts), style="bold" if per_document else None)
    out.add_row(*row("overall", sum(folders.values(), VersusText())), style="bold")
    return out
