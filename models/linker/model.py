"""The linker model at inference: softmax over metric classes from hashed n-gram features (numpy only), and the
second-opinion policy that may veto a grammar link or add one the grammar could not make."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from extraction.report import Mention
from models.linker.features import hashed

NONE = "none"  # the figure names no table metric
OTHER = "other"  # a metric too rare in training to be a class of its own: never added, only weighed for a veto
WEIGHTS = Path(__file__).with_name("weights.npz")


@dataclass(frozen=True)
class Policy:
    """When the model overrides the grammar. veto: unlink a grammar link when the model gives its metric at most
    1 - veto; add: link an unlinked figure to the model's first metric when it gives it at least add. None: never."""

    veto: float | None = None
    add: float | None = None

    def name(self) -> str:
        """Return the policy as the tables print it."""
        parts = [f"veto≥{self.veto}" if self.veto is not None else "", f"add≥{self.add}" if self.add is not None else ""]
        return " ".join(p for p in parts if p) or "grammar alone"


@dataclass(frozen=True)
class LinkerModel:
    """Weights of a multinomial logistic regression over a hashed feature space."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (dim, classes)
    bias: np.ndarray  # (classes,)

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def probabilities(self, names: list[str]) -> np.ndarray:
        """Given a figure's feature names, return the probability of each class."""
        indices = sorted(set(hashed(names, self.dim)))
        logits = self.weights[indices].astype(np.float64).sum(axis=0) + self.bias
        logits -= logits.max()
        odds = np.exp(logits)
        return odds / odds.sum()

    def decide(self, grammar: str | None, readings: tuple[str, ...], probabilities: np.ndarray,
               policy: Policy) -> str | None:
        """Given the grammar's metric for a figure (None: unlinked) with every reading it accepts, the model's
        probabilities and a policy, return the metric the figure takes. A veto weighs all the grammar's readings
        together (收到申请 is new requests or the handled pool alike)."""
        if grammar is not None:
            indices = {self.classes.index(r if r in self.classes else OTHER) for r in (grammar, *readings)}
            vetoed = policy.veto is not None and probabilities[sorted(indices)].sum() <= 1.0 - policy.veto
            return None if vetoed else grammar
        best = int(np.argmax(probabilities))
        chosen = self.classes[best]
        if policy.add is None or chosen in (NONE, OTHER) or probabilities[best] < policy.add:
            return None
        return chosen

    def save(self, path: Path, policy: Policy, meta: dict) -> None:
        """Write the weights (half precision: the model is judged at these values), the policy and how it was made."""
        np.savez_compressed(path, classes=np.array(self.classes), weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float16),
                            meta=np.array(json.dumps({**meta, "veto": policy.veto, "add": policy.add}, ensure_ascii=False)))


def rounded(model: LinkerModel) -> LinkerModel:
    """Given a freshly trained model, return it at the precision it is shipped in."""
    return LinkerModel(model.classes, model.weights.astype(np.float16), model.bias.astype(np.float16).astype(np.float64))


def load(path: Path = WEIGHTS) -> tuple[LinkerModel, Policy, dict]:
    """Given a weights file, return the model, its policy and how it was made."""
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        model = LinkerModel(tuple(str(c) for c in data["classes"]), data["weights"], data["bias"].astype(np.float64))
    return model, Policy(meta.get("veto"), meta.get("add")), meta


def in_scope(mentions: list[Mention]) -> list[bool]:
    """Given a report's mentions, return for each whether the model judges it: a printed figure with a span of its
    own. A zero in words, or one naming several subjects (行政复议、行政诉讼0件), stays the grammar's alone: its
    clause is the same for each subject, so its words cannot say which metric is which."""
    spans = [m.span for m in mentions]
    return [not m.implicit and spans.count(m.span) == 1 for m in mentions]
