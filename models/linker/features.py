"""What the linker model sees of one figure: hashed character n-grams of the words around it, its unit, the topics
its sentence names. Plain Python, shared by training and inference, so both hash a figure alike."""
from __future__ import annotations

import zlib

from extraction.report import Mention
from extraction.segment import Narrative
from extraction.spec import Spec

NEAR_CHARS = 8  # the cue of a figure stands right before it (受理申请12件): its n-grams weigh on their own
LEFT_CHARS = 30  # the clause before the figure, at most this far back
RIGHT_CHARS = 6  # what follows the figure (件（其中…）, 件次, 的申请)
NEAR_GRAMS = (1, 2, 3)
LEFT_GRAMS = (2, 3)
RIGHT_GRAMS = (1, 2)


def ngrams(text: str, sizes: tuple[int, ...], tag: str) -> list[str]:
    """Given text, n-gram sizes and a tag, return every tagged character n-gram of those sizes."""
    return [f"{tag}:{text[i:i + n]}" for n in sizes for i in range(len(text) - n + 1)]


def topics_named(text: str, spec: Spec) -> tuple[list[str], str | None]:
    """Given the words before a figure, return the topics they name and the one named last (nearest the figure)."""
    found: dict[str, int] = {}
    for topic, words in spec.topics.items():
        ends = [text.rfind(w) + len(w) for w in words if w in text]
        if ends:
            found[topic] = max(ends)
    nearest = max(found, key=lambda t: (found[t], t)) if found else None
    return sorted(found), nearest


def feature_names(narrative: Narrative, mention: Mention, template: str | None, spec: Spec) -> list[str]:
    """Given a narrative, one of its mentions and the report's template version (v2019 and v2021 name some of the
    same quantities by different keys), return the names of the features the model reads of it."""
    start, end = mention.span
    plain = narrative.plain
    clause_start = narrative.clause_bounds(start)[0]
    sentence_start = narrative.sentence_bounds(start)[0]
    near = plain[max(clause_start, start - NEAR_CHARS):start]
    left = plain[max(sentence_start, start - LEFT_CHARS):start]
    right = plain[end:end + RIGHT_CHARS]
    topics, nearest = topics_named(plain[sentence_start:start], spec)
    names = ["bias", f"unit:{mention.unit}", f"section:{mention.section}", f"nearest:{nearest}", f"template:{template}"]
    names += [f"topic:{t}" for t in topics]
    names += ["zero"] if mention.value == 0 else []
    names += ["approx"] if mention.approx else []
    return names + ngrams(near, NEAR_GRAMS, "n") + ngrams(left, LEFT_GRAMS, "l") + ngrams(right, RIGHT_GRAMS, "r")


def hashed(names: list[str], dim: int) -> list[int]:
    """Given feature names and the hash space's size, return their indices (CRC32: the same in every process)."""
    return [zlib.crc32(name.encode("utf-8")) % dim for name in names]
