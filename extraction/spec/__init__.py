"""The template spec (template.yaml) loaded once into plain objects: cells, identities, derived keys, phrases."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from importlib import resources
from itertools import product
from typing import Any, TypeVar

import yaml

VERSIONS = ("v2019", "v2021")
PRE2019_LAST_YEAR = 2018  # reports on 2018 and before follow the old 条例: no national layout ("pre2019")
# libyaml's loader reads the template ten times faster than PyYAML's pure-Python one (60 ms of every start), with
# the same resolvers, so the same objects; the pure-Python one where PyYAML was built without libyaml.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class CellSpec:
    """One printed numeric cell of the template."""

    key: str
    table: str  # 二 | 三 | 四
    row_label: str
    col_label: str
    type: str = "int"  # int | signed_int | decimal
    short: str = ""  # how an auditor names the row: 三（三）4, 二（一） 规章


def cell_name(cell: CellSpec) -> str:
    """Given a template cell, return how an auditor names it: 表三 三（七） 行 总计 列."""
    if cell.table == "三":
        return f"表三 {cell.short} 行 {cell.col_label} 列"
    if cell.table == "四":
        return f"表四 {cell.col_label.replace('/', ' ')} 列"
    return f"表二 {cell.short} {cell.col_label}"


@dataclass(frozen=True)
class RequestsRow:
    key: str
    short: str
    label: str
    kind: str
    group: str | None = None


@dataclass(frozen=True)
class Bound:
    """One inequality between the columns of a 表二 row that holds by the definitions: sum(below) <= sum(above)."""

    id: str
    text: str
    below: tuple[str, ...]
    above: tuple[str, ...]


@dataclass(frozen=True)
class ActiveGroup:
    caption: str
    rows: tuple[dict[str, Any], ...]
    columns: tuple[dict[str, Any], ...]
    bounds: tuple[Bound, ...] = ()


@dataclass(frozen=True)
class Identity:
    """One strict equation: sum(lhs) == sum(rhs)."""

    id: str
    text: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]

    @cached_property
    def keys(self) -> tuple[str, ...]:  # read for every identity of every assignment the placement weighs
        return self.lhs + self.rhs

    @cached_property
    def key_set(self) -> frozenset[str]:  # an identity is checked when every one of its cells was read
        return frozenset(self.keys)


@dataclass
class VersionSpec:
    id: str
    name: str
    report_years: tuple[int, int]
    requests_rows: list[RequestsRow]
    active: list[ActiveGroup]
    cells: dict[str, CellSpec]  # ordered: 二, 三, 四
    identities: list[Identity]
    derived: dict[str, tuple[str, ...]]  # key -> summed keys
    phrases: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Spec:
    applicant_columns: list[dict[str, str]]
    review_litigation_columns: list[dict[str, str]]
    versions: dict[str, VersionSpec]
    partitions: dict[str, list[list[str]]]  # total -> parts; each part is a list of alternative expressions
    topics: dict[str, list[str]]  # topic -> the words naming it, for linking counted figures
    zero_subjects: dict[str, list[str]]  # topic -> words, every subject a worded zero may name
    topic_units: dict[str, list[str]]
    topic_zero: dict[str, tuple[str | None, str]]  # topic -> (metric a worded zero states, its unit)
    zero_verbs: dict[str, list[str]]  # topic -> verbs (or 无 / 零 for a direct negation) a worded zero of it needs
    adjacent_zero_verbs: dict[str, list[str]]  # topic -> verbs that state its zero only with the subject right after
    zeros: dict[str, Any]
    pre2019_phrases: list[dict[str, Any]]  # reports before the 2019 format: no 表三 leaves, 2019 keys
    veto_words: list[str]
    counted_nouns: list[str]
    counted_bodies: list[str]  # bodies a figure counts: a figure after them in its clause is theirs together
    loose_units: list[str]
    scope_words: list[str]
    sentence_veto_words: list[str]
    since_words: list[str]
    year_span_words: dict[str, list[str]]  # 一年以来: a span of the year reported on
    to_now_words: dict[str, list[str]]  # a count above zero up to now (至今): from another start than the year's
    running_total: dict[str, list[str]]  # a count above zero as of a date called 累计: likewise
    previous_year_words: list[str]
    previous_year_carry: list[str]
    comparison_markers: list[str]
    year_comparison_markers: list[str]
    clause_veto_words: list[str]
    borrowed_gaps: list[str]
    sequence_words: list[str]
    disjoint_event_topics: list[str]
    paired_verbs: dict[str, dict[str, Any]]  # verb -> {reads_as: the verb it is read as, with: the verbs it pairs with}
    paired_joiners: list[str]
    disclosure: dict[str, list[str]]  # topics counted only over disclosure work, and the words that name it
    veto_exempt: list[str]
    topic_masks: list[str]
    topic_vetoes: dict[str, list[str]]  # topic -> words that make a figure of it another quantity
    topic_nouns: dict[str, list[str]]  # topic -> its words joined to a case noun (依申请公开案件): no veto
    topic_loose_units: dict[str, list[str]]  # topic -> classifiers that count it only beside its word
    continuation_words: list[str]
    breakdown_words: list[str]
    carry_words: list[str]
    sections: dict[str, list[str]]
    metric_names: dict[str, str] = field(default_factory=dict)
    timely_words: list[str] = field(default_factory=list)  # 按时: a part of the answered only beside late_words
    late_words: list[str] = field(default_factory=list)
    topic_mask_exempt_after: list[str] = field(default_factory=list)  # qualifiers before a mask that undo it
    topic_mask_kept: list[str] = field(default_factory=list)  # phrases in which a kind mask names the topic itself
    sums: list[dict[str, Any]] = field(default_factory=list)  # a total word after the parts linked before it
    item_counts: dict[str, list[str]] = field(default_factory=dict)  # 表二 topics' figures of list items, not decisions
    head_gaps: list[str] = field(default_factory=list)  # words after a 的 that head no noun of their own, longest first
    # topic -> procedures of another kind that, named earlier in a sentence, own its topic's shortest word
    topic_kind_subjects: dict[str, list[str]] = field(default_factory=dict)
    carry_forward_words: list[str] = field(default_factory=list)  # 转: before the next year's number, its carry-forward
    carry_source_words: list[str] = field(default_factory=list)  # 上年: the year a carry into the report's own year is from
    attribute_lists: dict[str, Any] = field(default_factory=dict)  # documents counted by disclosure attribute
    owner_gaps: list[str] = field(default_factory=list)  # words between a topic word and the figure it names
    noun_vetoes: dict[str, list[str]] = field(default_factory=dict)  # topic -> its vetoes alone (no case nouns, kinds)
    other_matter_openers: list[str] = field(default_factory=list)  # 另, 此外: a clause turning to another matter
    other_matter_nouns: list[str] = field(default_factory=list)  # 热线, 信箱: a clause about another matter
    kind_free: dict[str, list[str]] = field(default_factory=dict)  # topic -> words a verb and its bare word may hold
    issuer_marks: list[str] = field(default_factory=list)  # 以…名义V的: a description of documents, not an event
    bodies: dict[str, Any] = field(default_factory=dict)  # named bodies: whose count a clause's subject makes it
    subject_matter: dict[str, list[str]] = field(default_factory=dict)  # 涉及行政处罚2件: what requests were about
    summed_with: dict[str, list[str]] = field(default_factory=dict)  # topic -> kinds joined before it (主动公开和依申请)
    contrasted_years: dict[str, list[str]] = field(default_factory=dict)  # 去年 set against 今年 in one sentence
    topic_clause_vetoes: dict[str, list[str]] = field(default_factory=dict)  # topic -> words before it in its clause
    respective_words: list[str] = field(default_factory=list)  # 分别: figures handed out to a list in order
    respective_copulas: list[str] = field(default_factory=list)  # 为: between the respective word and its figures
    whole_marks: tuple[str, ...] = ()  # 82件中: the whole a part is taken from, no cue after it its own
    result_parts: dict[str, Any] = field(default_factory=dict)  # 主动撤销6件，其余38件: the answered remainder
    total_complements: dict[str, list[str]] = field(default_factory=dict)  # the only parts a total stands beside
    category_list_units: list[str] = field(default_factory=list)  # units of lists of categories (行政裁决2项)
    category_list_changes: list[str] = field(default_factory=list)  # a change beside a count: no other category
    category_list_topics: list[str] = field(default_factory=list)  # topics whose counts such a list may hold
    carried_in_parts: dict[str, Any] = field(default_factory=dict)  # 其中4件来自上一年度结转: the new total's pool
    list_topics: list[str] = field(default_factory=list)  # a list's next figure takes their word past an unread one
    earlier_subject_gaps: list[str] = field(default_factory=list)  # cue-to-figure words when that word is a clause back
    list_passed_by: list[str] = field(default_factory=list)  # a change or total of the row: the word goes on past it
    not_joining: list[str] = field(default_factory=list)  # words opening a line with a coordinator's character
    clause_subject_veto_words: list[str] = field(default_factory=list)  # 县直部门, 月均: every figure of the clause
    plan_words: dict[str, list[str]] = field(default_factory=dict)  # 计划收到: words and gaps before an act
    act_verbs: list[str] = field(default_factory=list)  # 办结, 答复: acts beside zeros.verbs
    veto_exempt_cut_by: list[str] = field(default_factory=list)  # 信访办理: a verb cutting a masked name, no name

    @cached_property
    def column_keys(self) -> list[str]:
        return [c["key"] for c in self.applicant_columns]

    def template_for_year(self, year: int | None) -> str | None:
        """Given a report year, return its template: a version, "pre2019", or None when the year is unknown."""
        if year is None:
            return None
        return "pre2019" if year <= PRE2019_LAST_YEAR else self.version_for_year(year)

    def version_for_year(self, year: int | None) -> str:
        if year is not None and year <= self.versions["v2019"].report_years[1]:
            return "v2019"
        return "v2021"


def _fill(template: str, **values: str) -> str:
    return template.format(**values)


def _requests_rows(raw: dict[str, Any], other_key: str) -> list[RequestsRow]:
    rows = raw["requests_rows_head"] + raw[other_key] + raw["requests_rows_tail"]
    return [RequestsRow(r["key"], r["short"], r["label"], r["kind"], r.get("group")) for r in rows]


def _cells(rows: list[RequestsRow], active: list[ActiveGroup], raw: dict[str, Any]) -> dict[str, CellSpec]:
    cells: dict[str, CellSpec] = {}
    for group in active:
        item = re.search(r"（.）", group.caption)
        for row in group.rows:
            for col in group.columns:
                key = f"active.{row['key']}.{col['key']}"
                cells[key] = CellSpec(key, "二", row["label"], col["label"], col.get("type", "int"),
                                      f"二{item.group(0) if item else ''} {row['label']}")
    for row in rows:
        for col in raw["applicant_columns"]:
            key = f"requests.{row.key}.{col['key']}"
            cells[key] = CellSpec(key, "三", row.label, col["label"], "int", row.short)
    for col in raw["review_litigation_columns"]:
        cells[col["key"]] = CellSpec(col["key"], "四", "", col["label"], "int", "")
    return cells


def _expand_side(side: list[str], env: dict[str, list[str]], bound: dict[str, str]) -> tuple[str, ...]:
    out: list[str] = []
    for term in side:
        free = [n for n in re.findall(r"{(\w+)}", term) if n not in bound]
        if not free:
            out.append(term.format(**bound))
            continue
        for combo in product(*(env[n] for n in free)):
            out.append(term.format(**bound, **dict(zip(free, combo))))
    return tuple(out)


def _shortest(words: list[str]) -> list[str]:
    """Given a topic's words, return its shortest ones: each may follow another kind's name (民事诉讼, 民事起诉)."""
    length = min(map(len, words))
    return [w for w in words if len(w) == length]


def _kind_joins(raw: dict[str, Any]) -> list[str]:
    """Given the raw spec, return what may stand between a topic word and a kind suffix in a category label: nothing
    (行政处罚类), or another kind's name, with or without a joiner (行政处罚强制类, 行政处罚、强制类)."""
    return ["", *(j + n for j in raw["kind_joiners"] for n in raw["kind_joined_names"])]


def _identities(raw: list[dict[str, Any]], env: dict[str, list[str]]) -> list[Identity]:
    out: list[Identity] = []
    for ident in raw:
        loop_vars = ident.get("for_each", [])
        for combo in product(*(env[v] for v in loop_vars)):
            bound = dict(zip(loop_vars, combo))
            lhs = _expand_side(ident["lhs"], env, bound)
            rhs = _expand_side(ident["rhs"], env, bound)
            out.append(Identity(ident["id"], ident.get("text", ""), lhs, rhs))
    return out


def _bounds(raw: list[dict[str, Any]]) -> tuple[Bound, ...]:
    return tuple(Bound(b["id"], b["text"], tuple(b["below"]), tuple(b["above"])) for b in raw)


def _derived(raw: list[dict[str, Any]], cells: dict[str, CellSpec], env: dict[str, list[str]], version: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for item in raw:
        loop_vars = item.get("for_each", [])
        for combo in product(*(env[v] for v in loop_vars)):
            bound = dict(zip(loop_vars, combo))
            key = item["key"].format(**bound)
            if version == "v2019" and "v2019_same_as" in item:
                out[key] = (item["v2019_same_as"].format(**bound),)
                continue
            terms: list[str] = []
            for term in _expand_side(item["sum"], env, bound):
                if "*" in term:
                    pattern = re.compile("^" + re.escape(term).replace(r"\*", r"[a-z_]+") + "$")
                    terms.extend(k for k in cells if pattern.match(k))
                else:
                    terms.append(term)
            out[key] = tuple(terms)
    return out


def _versioned(reading: dict[str, Any], version: str) -> dict[str, Any]:
    """Given a reading (metric, alt, needs_context, with optional v2019_* variants, and units it never reads in
    2019), return it for the version."""
    out = {k: v for k, v in reading.items() if not k.startswith("v2019")}
    out.setdefault("alt", [])
    if version == "v2019" and "v2019" in reading:
        out["metric"] = reading["v2019"]
        out["alt"] = reading.get("v2019_alt", [])
    if version == "v2019" and "v2019_needs_context" in reading:
        out["needs_context"] = reading["v2019_needs_context"]
    if version == "v2019" and "v2019_not_units" in reading:
        out["not_units"] = reading["v2019_not_units"]
    return out


def _event_rules(events: list[dict[str, Any]], topics: dict[str, Any], version: str,
                 object_prefixes: list[str], helpers: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Given the event classes, return one cue rule per (class, topic it states a metric for). A class that takes
    its object cues only as its word right before a word of the topic (办理政府信息公开申请)."""
    out: list[dict[str, Any]] = []
    for event in events:
        for topic in topics:
            if topic in event:
                cues = event.get("words", []) + [w + a for w in event.get("words", []) for a in event.get("absorbs", [])]
                if event.get("takes_object"):
                    cues = [c + p + t for c in cues for p in ("", *object_prefixes) for t in topics[topic]["words"]]
                rule = {"topic": topic, "cue": cues, "cue_after": event.get("words_after", []), "event": True,
                        "yields_to_categories": event.get("yields_to_categories", False),
                        "after_rank": event.get("after_rank", 0), "rank": event.get("rank", 0),
                        "general": event.get("general", False),
                        **({"bare": event["bare"]} if "bare" in event else {}),
                        "yields_in_paragraph": event.get("yields_in_paragraph", False),
                        **({"absorbs": event["absorbs"]} if "absorbs" in event else {}),
                        **({"disposition_joiners": event["disposition_joiners"]} if "disposition_joiners" in event else {}),
                        **helpers, **_versioned(event[topic], version)}
                out.append(rule)
    return out


def _category_rules(categories: list[dict[str, Any]], version: str, with_leaves: bool) -> list[dict[str, Any]]:
    """Given the category tree, return a cue rule per node; a node with leaves keeps them (the leaf wins when named).
    Without leaves (reports before 2019, whose forms had other reasons): the nodes only."""
    out: list[dict[str, Any]] = []
    for node in categories:
        leaves = [_versioned(leaf, version) for leaf in node.get("leaves", [])] if with_leaves else []
        after = {"cue_after": node["words"], "after_rank": 1} if node.get("also_after") else {}
        out.append({"topic": node["topic"], "cue": node["words"], **_versioned(node, version), "leaves": leaves,
                    "category": True, **after})
        out.extend({"topic": node["topic"], "cue": leaf["words"], **leaf, "category": True,
                    **({"cue_after": leaf["words"], "after_rank": 1} if node.get("also_after") else {})} for leaf in leaves)
    return out


def _applicant_rules(applicants: list[dict[str, Any]], subject_markers: list[str]) -> list[dict[str, Any]]:
    """Given the applicant classes and the words after which a class word is what requests are about, return their
    cue rules; each knows every class word (two classes named is none)."""
    # longest words first, class by class: linking.classes_named blanks a class's words out before the next is sought
    every = sorted((sorted(a["words"], key=len, reverse=True) for a in applicants), key=lambda ws: -len(ws[0]))
    return [{"topic": "requests", "cue": a["words"], "metric": a["metric"], "alt": a.get("alt", []), "exclusive": every,
             "not_after": subject_markers} for a in applicants if a["metric"] is not None]


def _phrases(grammar: dict[str, Any], version: str, with_leaves: bool = True,
             topics: list[str] | None = None) -> list[dict[str, Any]]:
    """Given the narrative grammar, return the cue rules it composes for one template version (only of the given
    topics, when given)."""
    helpers = {"helped_by": grammar["helpers"], "helped_exempt_before": grammar["helped_exempt_before"],
               "helped_exempt_inside": grammar.get("helped_exempt_inside", []),
               "helped_exempt_closing": grammar["helped_exempt_closing"]}
    rules = (_event_rules(grammar["events"], grammar["topics"], version, grammar["object_prefixes"], helpers)
             + _category_rules(grammar["categories"], version, with_leaves) + _applicant_rules(grammar["applicants"], grammar.get("applicant_subject_markers", [])))
    return [r for r in rules if topics is None or r["topic"] in topics]


def _words(listed: list[Any]) -> list[str]:
    """Given a word list of the template, return its words in order, a list written inside it (a YAML alias of a
    group shared with another list: the bodies taken together) read as its words in its place."""
    return [w for item in listed for w in (_words(item) if isinstance(item, list) else [item])]


def _with_shared_words(zeros: dict[str, Any]) -> dict[str, Any]:
    """Given the zeros' grammar, return it with the word lists that share groups by alias read as plain word lists."""
    listed = zeros["towns_after_departments"]
    return {**zeros, "other_bodies": _words(zeros["other_bodies"]),
            "towns_after_departments": {**listed, "towns": _words(listed["towns"])}}


def _build(raw: dict[str, Any]) -> Spec:
    column_keys = [c["key"] for c in raw["applicant_columns"]]
    versions: dict[str, VersionSpec] = {}
    for vid in VERSIONS:
        v = raw["versions"][vid]
        rows = _requests_rows(raw, v["requests_other"])
        active = [ActiveGroup(g["caption"], tuple(g["rows"]), tuple(g["columns"]), _bounds(g.get("bounds", []))) for g in v["active"]]
        cells = _cells(rows, active, raw)
        env = {
            "c": column_keys,
            "part": column_keys[:-1],
            "orgpart": column_keys[1:-1],
            "r": [r.key for r in rows],
            "leaf": [r.key for r in rows if r.kind == "leaf"],
        }
        versions[vid] = VersionSpec(
            id=vid,
            name=v["name"],
            report_years=tuple(v["report_years"]),
            requests_rows=rows,
            active=active,
            cells=cells,
            identities=_identities(raw["identities"], env),
            derived=_derived(raw["derived"], cells, env, vid),
            phrases=_phrases(raw["grammar"], vid),
        )
    partitions = {total: [p.split("|") for p in parts] for total, parts in raw["partitions"].items()}
    topics = raw["grammar"]["topics"]
    return Spec(
        applicant_columns=raw["applicant_columns"],
        review_litigation_columns=raw["review_litigation_columns"],
        versions=versions,
        partitions=partitions,
        topics={t: v["words"] for t, v in topics.items() if v["units"]},
        zero_subjects={t: v["words"] for t, v in topics.items()},
        topic_units={t: v["units"] for t, v in topics.items()},
        topic_zero={t: (v.get("zero"), v.get("zero_unit", "件")) for t, v in topics.items()},
        zero_verbs={t: v.get("zero_verbs", []) for t, v in topics.items()},
        adjacent_zero_verbs={t: v.get("adjacent_zero_verbs", []) for t, v in topics.items()},
        zeros=_with_shared_words(raw["grammar"]["zeros"]),
        pre2019_phrases=_phrases(raw["grammar"], "v2019", with_leaves=False, topics=raw["grammar"]["pre2019_topics"]),
        veto_words=raw["veto_words"],
        counted_nouns=raw["counted_nouns"],
        counted_bodies=raw["counted_bodies"],
        loose_units=raw["loose_units"],
        scope_words=raw["scope_words"],
        sentence_veto_words=raw["sentence_veto_words"],
        since_words=raw["since_words"],
        year_span_words=raw["year_span_words"],
        to_now_words=raw["to_now_words"],
        running_total=raw["running_total"],
        previous_year_words=raw["previous_year_words"],
        previous_year_carry=raw["previous_year_carry"],
        comparison_markers=raw["comparison_markers"],
        year_comparison_markers=raw["year_comparison_markers"],
        clause_veto_words=_words(raw["clause_veto_words"]),
        clause_subject_veto_words=_words(raw["clause_subject_veto_words"]),
        plan_words=raw.get("plan_words", {}),
        act_verbs=raw.get("act_verbs", []),
        borrowed_gaps=sorted(raw["grammar"]["borrowed_gaps"], key=len, reverse=True),
        sequence_words=raw["grammar"]["sequence_words"],
        disjoint_event_topics=raw["grammar"]["disjoint_event_topics"],
        paired_verbs=raw["grammar"].get("paired_verbs", {}),
        paired_joiners=raw["grammar"].get("paired_joiners", []),
        disclosure=raw["grammar"]["disclosure"],
        veto_exempt=raw["veto_exempt"],
        veto_exempt_cut_by=raw["veto_exempt_cut_by"],
        topic_masks=raw["topic_masks"] + [w + j + k for v in topics.values() for w in v["words"] for j in _kind_joins(raw)
                                           for k in raw["kind_suffixes"]]
        + [k + w for v in topics.values() for k in v.get("other_kinds", []) for w in _shortest(v["words"])],
        topic_vetoes={t: v.get("vetoes", []) + v.get("case_nouns", []) + [k + w for k in v.get("other_kinds", []) for w in _shortest(v["words"])]
                      for t, v in topics.items()},
        topic_loose_units={t: v.get("loose_units", []) for t, v in topics.items()},
        topic_nouns={t: [w + p + n for w in v["words"] for p in ("", *raw["grammar"]["object_prefixes"])
                         for n in v.get("case_nouns", [])] for t, v in topics.items()},
        continuation_words=raw["continuation_words"],
        breakdown_words=raw["breakdown_words"],
        carry_words=raw["carry_words"],
        sections=raw["sections"],
        metric_names=raw.get("metric_names", {}),
        timely_words=raw["timely_words"],
        late_words=raw["late_words"],
        topic_mask_exempt_after=raw["topic_mask_exempt_after"],
        topic_mask_kept=[w + k + h for v in topics.values() for w in v["words"] for k in raw["kind_suffixes"]
                         for h in v.get("kind_heads", [])],
        sums=raw["grammar"]["sums"],
        item_counts=raw["grammar"]["item_counts"],
        carry_forward_words=raw.get("carry_forward_words", []),
        carry_source_words=raw.get("carry_source_words", []),
        topic_kind_subjects={t: v["kind_subjects"] for t, v in topics.items() if v.get("kind_subjects")},
        head_gaps=sorted({*raw["grammar"]["head_gaps"], *raw["grammar"]["borrowed_gaps"], *raw["grammar"]["object_prefixes"]},
                         key=lambda w: (-len(w), w)),
        attribute_lists=raw["grammar"]["attribute_lists"],
        owner_gaps=sorted(raw["grammar"]["owner_gaps"], key=len, reverse=True),
        noun_vetoes={t: v.get("vetoes", []) for t, v in topics.items()},
        other_matter_openers=raw["grammar"]["other_matter_openers"],
        other_matter_nouns=raw["grammar"]["other_matter_nouns"],
        issuer_marks=raw["grammar"]["issuer_marks"],
        bodies=raw["grammar"]["bodies"],
        subject_matter=raw["grammar"]["subject_matter"],
        contrasted_years=raw["contrasted_years"],
        topic_clause_vetoes={t: v["clause_vetoes"] for t, v in topics.items() if v.get("clause_vetoes")},
        summed_with={t: v["summed_with"] for t, v in topics.items() if v.get("summed_with")},
        respective_words=raw["grammar"].get("respective_words", []),
        respective_copulas=raw["grammar"].get("respective_copulas", []),
        whole_marks=tuple(raw["grammar"].get("whole_marks", [])),
        result_parts=raw.get("result_parts", {}),
        total_complements=raw.get("total_complements", {}),
        category_list_units=raw.get("category_list_units", []),
        category_list_changes=raw.get("category_list_changes", []),
        category_list_topics=raw.get("category_list_topics", []),
        carried_in_parts=raw.get("carried_in_parts", {}),
        list_topics=raw["grammar"].get("list_topics", []),
        earlier_subject_gaps=sorted({*raw["grammar"]["borrowed_gaps"], *raw["grammar"].get("earlier_subject_gaps", [])},
                                    key=lambda w: (-len(w), w)),
        list_passed_by=raw["grammar"].get("list_passed_by", []),
        not_joining=raw["grammar"].get("not_joining", []),
        kind_free={t: sorted({*v["kind_free"], *(w for a in raw["grammar"]["applicants"] for w in a["words"]),
                              *raw["grammar"]["object_prefixes"], *raw["grammar"]["borrowed_gaps"]},
                             key=len, reverse=True)
                   for t, v in topics.items() if "kind_free" in v},
    )


Derived = TypeVar("Derived")


def per_spec(derive: Callable[[Spec], Derived]) -> Callable[[Spec], Derived]:
    """Given a function of the spec alone, return it computed once per spec (the spec is loaded once per process;
    what is read from it for every report or every row need not be rebuilt each time)."""
    cache: dict[int, tuple[Spec, Derived]] = {}

    @wraps(derive)
    def derived(spec: Spec) -> Derived:
        hit = cache.get(id(spec))
        if hit is None or hit[0] is not spec:
            cache.clear()  # another spec: the one before is no longer the process's
            hit = cache[id(spec)] = (spec, derive(spec))
        return hit[1]

    return derived


@lru_cache(maxsize=1)
def load_spec() -> Spec:
    """Return the template spec, parsed once per process."""
    text = resources.files("extraction.spec").joinpath("template.yaml").read_text(encoding="utf-8")
    return _build(yaml.load(text, Loader=SAFE_LOADER))
