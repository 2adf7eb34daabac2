"""What the linker model sees of one figure: hashed character n-grams of the words around it, its unit, the topics
its sentence names. Plain Python, shared by training and inference, so both hash a figure alike."""
from __future__ import annotations

import re
import zlib
from typing import Any

from extraction.report import Mention
from extraction.segment import Narrative
from extraction.spec import Spec, per_spec

NEAR_CHARS = 8  # the cue of a figure stands right before it (受理申请12件): its n-grams weigh on their own
LEFT_CHARS = 30  # the clause before the figure, at most this far back
RIGHT_CHARS = 6  # what follows the figure (件（其中…）, 件次, 的申请)
NEAR_GRAMS = (1, 2, 3)
LEFT_GRAMS = (2, 3)
RIGHT_GRAMS = (1, 2)
DISTANCE_BUCKETS = (0, 2, 5, 10, 20)  # characters between a cue or topic word and the figure, read as a bucket
LIST_POSITIONS = 3  # the figure's place among the sentence's figures: first, second, third, later
_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})\s*年")
_NUMBER = re.compile(r"[0-9０-９]+")
# a body named in the clause (市公安局, 区卫健委, 街道办事处): the figure may be that body's, not the report's
_AGENCY = re.compile(r"[\u4e00-\u9fff](?:局|委员会|委|办公室|办事处|中心|厅|院|所|站|队|公司|街道|乡|镇)(?![\u4e00-\u9fff]?年)")


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


def bucket(distance: int) -> int:
    """Given a distance in characters, return the largest DISTANCE_BUCKETS bound it reaches."""
    return max(b for b in DISTANCE_BUCKETS if distance >= b)


@per_spec
def _cues_by_metric(spec: Spec) -> dict[tuple[str | None, str], list[tuple[str, str]]]:
    """Given the spec, return per (template, metric) the grammar's cue words that state it, each with its rule's kind
    (event, category, applicant), longest first."""
    out: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    versions: list[tuple[str | None, list[dict[str, Any]]]] = [(v, spec.versions[v].phrases) for v in spec.versions]
    for template, rules in versions + [("pre2019", spec.pre2019_phrases)]:
        for rule in rules:
            kind = "event" if rule.get("event") else "category" if rule.get("category") else "applicant"
            kind += ":general" if rule.get("general") else ""
            for metric in [rule.get("metric"), *rule.get("alt", [])]:
                if metric:
                    out.setdefault((template, metric), []).extend((c, kind) for c in rule.get("cue", []))
    return {k: sorted(set(v), key=lambda c: (-len(c[0]), c)) for k, v in out.items()}


def decision_features(narrative: Narrative, mention: Mention, template: str | None, spec: Spec,
                      report_year: int | None) -> list[str]:
    """Given a narrative, one of its mentions, the report's template and year, return what the grammar's decision
    rests on: its metric, how far before the figure a cue of that metric stands (and which kind of rule it is), how
    far the nearest topic word is, whether the sentence names another year or the clause a body, and the figure's
        place in its sentence's list: what a veto could doubt a grammar link for (models/linker/veto.py weighs them; the
    shipped weights do not read them: cross-validation on tuned chose the words alone)."""
    start = mention.span[0]
    plain = narrative.plain
    sentence_start, sentence_end = narrative.sentence_bounds(start)
    clause_start = narrative.clause_bounds(start)[0]
    before = plain[sentence_start:start]
    metric = mention.metric
    names = [f"grammar:{metric}", f"grammar_topic:{metric.split('.')[0] if metric else None}"]
    if metric is not None:
        cues = _cues_by_metric(spec).get((template, metric), [])
        found = [(len(before) - before.rfind(c) - len(c), kind) for c, kind in cues if c in before]
        if found:
            distance, kind = min(found)
            names += [f"cue_distance:{bucket(distance)}", f"cue_kind:{kind}", f"cue_in_clause:{distance <= start - clause_start}"]
        else:
            names.append("cue:none")
    ends = [before.rfind(w) + len(w) for words in spec.topics.values() for w in words if w in before]
    names.append(f"topic_distance:{bucket(len(before) - max(ends)) if ends else None}")
    years = {int(y) for y in _YEAR.findall(plain[sentence_start:sentence_end])}
    if report_year is not None and years - {report_year}:
        names.append("other_year")
    if _AGENCY.search(plain[clause_start:start]):
        names.append("clause_names_body")
    position = min(len(_NUMBER.findall(before)) - len(_YEAR.findall(before)), LIST_POSITIONS)
    names.append(f"list_position:{position}")
    names += [f"joined_by:{plain[clause_start - 1]}"] if clause_start > sentence_start else []
    names += ["scope_note"] if mention.scope_note else []
    return names


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
