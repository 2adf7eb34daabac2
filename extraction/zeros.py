"""Zeros stated in words (本年度未收到政府信息公开申请): the negation, the subjects it names, and their spans.

The negation grammar (negation words, the verbs that must follow some of them, fillers, cause words) and the
subjects (topic words) are data in the template spec. A claim names one or more subjects (未发生因政府信息公开
引起的行政复议、行政诉讼 names two); the linker makes one mention of value 0 per subject.
"""
from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extraction.segment import SENTENCE_WINDOW_CHARS
from extraction.spec import Spec, load_spec

DIRECT_GAP_CHARS = 2  # a negation without a verb must name its subject (or a filler) at most this far after it
ATTRIBUTIVE = "的"  # ... unless the words between are a modifier of its scope or cause ending in 的 (无针对本机关的行政诉讼)
_SCOPE_END = re.compile(r"[，,。；;：:！？!?\n（(]")
_DIGIT = re.compile(r"[0-9０-９]")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?=\s*年)")  # a year in a negated clause (无结转2024年的申请) is no count
_CLAUSE_PUNCTUATION = "，,。；;：:！？!?\n"
COORDINATORS = "、和及与或"  # words that join subjects (or verbs) into a list
JOINERS = (*COORDINATORS, "或者", "以及")  # ... and the two-character ones, between two subjects of a list
_LABEL_COLONS = "：:"  # a label's colon: the words after it speak of what the label names
_LIST_COMMAS = "，,"  # a comma some reports type for 、 between the subjects of one negation
_ITEM_MARKS = "、"  # the mark between the items of a list: a negation after it negates an item of its own
HEADING_MAX_CHARS = 40  # a line this short, with no sentence's end, heads the lines after it
_SENTENCE_END = re.compile(r"[。；;！？!?]")
# a numbered heading ((三), （三）, 三、, 2.): closed by a full stop, it still heads what follows (2.因…诉讼情况。)
_NUMBERED = re.compile(r"\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、|[0-9]+[.．、])")
MASK_CHAR = "\u3000"  # what a masked phrase's characters become
# Items of another matter listed before a direct negation's first subject (无投诉、复议和诉讼情况, 无信息公开举报、
# 复议…): a run of short words, none a modifier in 的, each closed by a coordinator, so the negation reaches along the
# list to the subjects.
_LISTED_ITEMS = re.compile(f"(?:(?:(?!{ATTRIBUTIVE})[\u4e00-\u9fff]){{1,6}}[{COORDINATORS}])+")

# A topic word counted right after it (复议0件, 行政诉讼案件1件), or right before it (0件行政复议案件): a topic the
# sentence states a count of.
_COUNTED = re.compile(r"(?:案件|案)?[0-9０-９零〇一二两三四五六七八九十]")
_COUNTED_BEFORE = re.compile(r"[0-9０-９零〇一二两三四五六七八九十](?:件|起|宗|例|个|次)$")


@dataclass(frozen=True)
class ZeroClaim:
    """A negated clause: from the negation to the end of its last subject; subjects as (topic, start, end)."""

    start: int
    end: int
    subjects: tuple[tuple[str, int, int], ...]
    scope_end: int = 0  # where the negated clause ends (words after the last subject may narrow it)
    negation_end: int = 0  # where the negation word opening the claim ends (0: the negation follows its subjects)


@dataclass(frozen=True)
class _Grammar:
    negation: re.Pattern[str]
    not_negations: tuple[str, ...]
    direct: frozenset[str]
    verbs: tuple[str, ...]
    fillers: tuple[str, ...]
    prepositions: tuple[str, ...]
    causes: tuple[str, ...]
    cause_openers: tuple[str, ...]
    cause_topics: frozenset[str]
    zero_verbs: dict[str, frozenset[str]]
    adjacent_verbs: dict[str, frozenset[str]]
    agents: tuple[str, ...]
    modifier_openers: tuple[str, ...]
    implied_subjects: dict[str, str]
    max_chars: int
    subject: re.Pattern[str]
    predicate: re.Pattern[str]
    post_negation: re.Pattern[str]
    topic_of: dict[str, str]
    masks: tuple[str, ...]
    mask_exempt_after: tuple[str, ...]
    mask_kept: tuple[str, ...]
    category_words: frozenset[str]
    category_verbs: frozenset[str]
    named_before_topics: frozenset[str]
    list_tails: tuple[str, ...]
    subset_modifiers: tuple[str, ...]
    matter_openers: tuple[str, ...]
    whole_matters: tuple[str, ...]
    subject_predicates: tuple[str, ...]
    joined_verbs: tuple[str, ...]
    noun_vetoes: dict[str, tuple[str, ...]]
    predicate_words: tuple[str, ...]
    rate_words: tuple[str, ...]
    anaphor_determiners: tuple[str, ...]
    restricted_topics: frozenset[str]
    whole_modifiers: tuple[str, ...]
    relation_openers: tuple[str, ...]
    relation_closers: tuple[str, ...]
    other_periods: tuple[str, ...]


def _starts_with_one_of(words: list[str]) -> str:
    """Given non-empty words, return a regex lookahead for a position where one of them could start."""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    spec: Spec = load_spec()
    zeros = spec.zeros
    topic_of = {w: t for t, words in spec.zero_subjects.items() for w in words}
    categories = {w: t for t, words in zeros["category_subjects"].items() for w in words}
    topic_of.update(categories)
    longest_first = sorted(topic_of, key=len, reverse=True)
    return _Grammar(
        negation=re.compile("|".join(map(re.escape, sorted(zeros["negations"], key=len, reverse=True)))),
        not_negations=tuple(zeros["not_negations"]),
        direct=frozenset(zeros["direct"]),
        verbs=tuple(sorted(zeros["verbs"], key=len, reverse=True)),
        fillers=tuple(zeros["fillers"]),
        prepositions=tuple(zeros["prepositions"]),
        causes=tuple(zeros["cause_words"]),
        cause_openers=tuple(zeros["cause_openers"]),
        cause_topics=frozenset(zeros["cause_topics"]),
        zero_verbs={t: frozenset(v) for t, v in spec.zero_verbs.items()},
        adjacent_verbs={t: frozenset(v) for t, v in spec.adjacent_zero_verbs.items()},
        agents=tuple(zeros["agents"]),
        modifier_openers=tuple(zeros["modifier_openers"]),
        implied_subjects=dict(zeros["implied_subjects"]),
        max_chars=int(zeros["max_chars"]),
        subject=re.compile("|".join(map(re.escape, longest_first))),
        predicate=re.compile("(?:" + "|".join(map(re.escape, zeros["predicates"])) + ")(?![0-9０-９.．]|" + "|".join(
            map(re.escape, filter(None, spec.topic_units["requests"]))) + ")"),
        # the lookahead on the characters a match can start with lets the scan pass over every other position at
        # once (the optional colon before the direct words otherwise makes it try both branches at each)
        post_negation=re.compile(_starts_with_one_of([*zeros["post_negations"], *zeros["post_direct"], "：", ":"]) + "(?:(?:"
                                 + "|".join(map(re.escape, zeros["post_negations"])) + ")(?P<verb>" + "|".join(
            map(re.escape, zeros["verbs"])) + r")(?=[，,。；;！？!?\n]|$)" + "|[：:]?(?P<direct>" + "|".join(
            map(re.escape, zeros["post_direct"])) + ")(?:" + "|".join(
            map(re.escape, zeros["anaphors"])) + r")?(?=[，,。；;！？!?\n]|$))"),
        topic_of=topic_of,
        masks=tuple(sorted(spec.topic_masks, key=len, reverse=True)),
        mask_exempt_after=tuple(spec.topic_mask_exempt_after),
        mask_kept=tuple(spec.topic_mask_kept),
        category_words=frozenset(categories),
        category_verbs=frozenset(zeros["category_verbs"]),
        named_before_topics=frozenset(zeros["named_before_topics"]),
        list_tails=tuple(sorted(zeros["list_tails"], key=len, reverse=True)),
        subset_modifiers=tuple(zeros.get("subset_modifiers", ())),
        matter_openers=tuple(zeros["matter_openers"]),
        whole_matters=tuple(zeros["whole_matters"]),
        subject_predicates=tuple(zeros["subject_predicates"]),
        joined_verbs=tuple(sorted(zeros.get("joined_verbs", ()), key=len, reverse=True)),
        noun_vetoes={t: tuple(v) for t, v in spec.noun_vetoes.items()},
        predicate_words=tuple(zeros["predicates"]),
        rate_words=tuple(zeros["rate_words"]),
        anaphor_determiners=tuple(zeros["anaphor_determiners"]),
        restricted_topics=frozenset(zeros["restricted_topics"]),
        whole_modifiers=tuple(zeros["whole_modifiers"]),
        relation_openers=tuple(zeros["relation_modifier"]["openers"]),
        relation_closers=tuple(zeros["relation_modifier"]["closers"]),
        other_periods=tuple(zeros["other_periods"]),
    )


def _is_negation(text: str, start: int, word: str, not_negations: tuple[str, ...]) -> bool:
    """Given a negation word at start, return False when it is part of a longer word that negates nothing (无法, 未经)."""
    for other in not_negations:
        k = other.find(word)
        if k >= 0 and text.startswith(other, start - k):
            return False
    return True


def _skip(text: str, pos: int, words: tuple[str, ...]) -> int:
    """Given a position, return it moved past any run of the given words."""
    moved = True
    while moved:
        moved = False
        for word in words:
            if text.startswith(word, pos):
                pos += len(word)
                moved = True
    return pos


def masked_topics(text: str, masks: tuple[str, ...], exempt_after: tuple[str, ...], kept_whole: tuple[str, ...]) -> str:
    """Given text, the phrases whose topic word is about something else (行政复议申请), the qualifiers that undo
    them and the longer phrases that hold one as the topic's own (行政诉讼类案件), return the text with each such
    phrase blanked out (same length, so offsets hold) unless a qualifier ends right before it (政府信息公开行政复议申请)
    or a longer phrase starts with it there; a shorter phrase inside one kept is kept with it."""
    if not masks:
        return text
    any_mask, by_opening = _mask_index(masks)
    if any_mask.search(text) is None:
        return text
    kept: list[tuple[int, int]] = []
    for phrase in _maybe_printed(text, masks, by_opening):
        blanked: list[int] = []  # this phrase's printings blanked out, by start: the text is rebuilt once per phrase
        i = text.find(phrase)
        while i >= 0:
            end = i + len(phrase)
            if exempt_after and _qualified(text, i, exempt_after, blanked[-1] + len(phrase) if blanked else 0) \
                    or any(text.startswith(whole, i) for whole in kept_whole):
                kept.append((i, end))
            elif not any(s <= i and end <= e for s, e in kept):
                blanked.append(i)
            i = text.find(phrase, end)
        if blanked:
            text = _blanked(text, blanked, len(phrase))
    return text


MASK_KEY_CHARS = 2  # mask phrases are indexed by their opening pair (a shorter phrase by itself)
_MASK_INDEXES_MAX = 8
# id of a masks tuple -> (the tuple, the pattern finding any of them, their positions by opening pair)
_MASK_INDEXES: dict[int, tuple[tuple[str, ...], re.Pattern[str], dict[str, tuple[int, ...]]]] = {}


def _mask_index(masks: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """Given mask phrases, return the pattern finding any of them and their positions by opening pair, kept by the
    tuple's identity: callers pass the spec's own tuple (some 1,200 phrases), which an lru_cache key hashed and
    compared phrase by phrase at every call — more than the search it saved."""
    hit = _MASK_INDEXES.get(id(masks))
    if hit is None or hit[0] is not masks:
        if len(_MASK_INDEXES) >= _MASK_INDEXES_MAX:
            _MASK_INDEXES.clear()
        hit = _MASK_INDEXES[id(masks)] = (masks, *_built_mask_index(masks))
    return hit[1], hit[2]


@lru_cache(maxsize=_MASK_INDEXES_MAX)
def _built_mask_index(masks: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """Given mask phrases, return the pattern finding any of them (one pass tells whether a text holds one at all)
    and the positions of the phrases by their opening pair."""
    by_opening: dict[str, list[int]] = {}
    for i, phrase in enumerate(masks):
        by_opening.setdefault(phrase[:MASK_KEY_CHARS], []).append(i)
    if any(MASK_CHAR in phrase for phrase in masks):
        by_opening = {}  # blanking could print such a phrase: every phrase is sought (_maybe_printed)
    return any_word_pattern(masks), {k: tuple(v) for k, v in by_opening.items()}


def _maybe_printed(text: str, masks: tuple[str, ...], by_opening: dict[str, tuple[int, ...]]) -> Sequence[str]:
    """Given text, mask phrases and their positions by opening pair, return the phrases, in their order, whose
    opening pair (or whole, for a shorter one) the text prints: no other can be found in it, nor once phrases are
    blanked (a blank makes no pair of a phrase's; with a phrase holding one, no index is kept). A text longer than the
    phrases are many is given them all."""
    if not by_opening or len(text) >= len(masks):
        return masks
    printed = {*map(operator.add, text, text[1:]), *text}
    return [masks[i] for i in sorted(i for key in printed if key in by_opening for i in by_opening[key])]


def any_word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Given words, return a pattern finding whether any of them is printed. It is the words' trie, each place tried
    once per shared opening (a flat alternation of the requests topic's 156 veto masks tries every one of them); a word
    ends its branch, as the longer words it opens are found with it: a match says only that some word is there."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict[str, Any]) -> str:
    """Given a trie node (a word ends where it has the key ""), return the pattern matching any word from it on."""
    if "" in node:
        return ""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in node.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _qualified(text: str, i: int, qualifiers: tuple[str, ...], blanked_end: int) -> bool:
    """Given text, an offset, the qualifiers and where the last stretch blanked out before it (not yet in the text)
    ends, return whether a qualifier ends right at the offset, none of its characters blanked (a qualifier holds no
    blank)."""
    return any(text.endswith(q, 0, i) and blanked_end <= i - len(q) for q in qualifiers)


def _blanked(text: str, starts: list[int], length: int) -> str:
    """Given text and the starts of stretches of this length (in order, not overlapping), return the text with each
    stretch blanked out (same length, so offsets hold)."""
    pieces: list[str] = []
    previous = 0
    for start in starts:
        pieces += [text[previous:start], MASK_CHAR * length]
        previous = start + length
    pieces.append(text[previous:])
    return "".join(pieces)


def _claim(text: str, neg_start: int, neg: str, g: _Grammar) -> ZeroClaim | None:
    """Given a negation at neg_start, return the zero claim it opens, or None when it names no subject."""
    pos = neg_start + len(neg)
    verb = next((v for v in g.verbs if text.startswith(v, pos)), None)  # 未新增: a verb opening with a filler (新)
    filler_verb = verb is not None and text.startswith(g.fillers, pos)
    if verb is None:
        pos = _skip(text, pos, g.fillers)
        verb = next((v for v in g.verbs if text.startswith(v, pos)), None)
    if verb is None and text.startswith(g.prepositions, pos):
        verb = _verb_after_preposition(text, pos, neg_start + g.max_chars, g)
    if verb is None and neg not in g.direct:
        return None
    if _of_other_period(text, neg_start, g):
        return None  # 往年也没有进行收费: years gone by, nothing said of the report's
    agent = verb is None and text.startswith(g.agents, pos)  # 没有公民向本机关申请公开: the agent's verb names it
    end = _SCOPE_END.search(text, pos, min(len(text), neg_start + g.max_chars))
    scope_end = _next_negated_item(text, pos, end.start() if end else min(len(text), neg_start + g.max_chars), g)
    scope = masked_topics(text[neg_start:scope_end], g.masks, g.mask_exempt_after, g.mask_kept)
    if _DIGIT.search(_YEAR.sub("", scope)):
        return None  # 未受理的申请3件: the clause prints its count
    region_start = 0
    for cause in g.causes:
        k = scope.rfind(cause)
        if k >= 0:
            region_start = max(region_start, k + len(cause))
    how = verb or ("零" if neg == "零" else "无")
    subjects: list[tuple[str, int, int]] = []
    for m in g.subject.finditer(scope, region_start):
        if verb is None and not agent and not subjects and m.start() - (pos - neg_start) > DIRECT_GAP_CHARS \
                and not _modified(scope, len(neg), m.start(), g) \
                and not _LISTED_ITEMS.fullmatch(scope, pos - neg_start, m.start()):
            return None  # 无遗漏地答复申请: the negation is about something else
        subjects.append((g.topic_of[m.group(0)], neg_start + m.start(), neg_start + m.end()))
    if subjects and _is_cause(scope, subjects, neg_start, g):
        subjects = [s for s in subjects if s[0] != subjects[0][0]]
    if verb is not None:
        subjects = _past_relation_modifier(text, pos + len(verb), subjects, g)
    subjects = [s for s in _heads(scope, subjects, neg_start) if not _names_other_noun(text, s, g)]
    if subjects and all(text.endswith(g.anaphor_determiners, 0, s[1]) for s in subjects):
        return _label_claim(text, neg_start, how, subjects[-1][2], scope_end)  # （二）行政复议情况 / 未收到此类申请
    if subjects and verb is not None:
        subjects += _listed_past_comma(text, scope_end, g)  # 未发生行政复议，提起行政诉讼情况: a list typed with a comma
    subjects = [c for i, s in enumerate(subjects) if not _result_of_subject_before(s, subjects[:i], g)
                for c in (_category_subjects(text, s, neg_start, how, g) if text[s[1]:s[2]] in g.category_words else [s])]
    verb_end = pos + len(verb) if verb else pos
    # 无新增申请: read past its filler, the verb is no verb of the subject, which the negation itself names none of
    direct = ("零" if neg == "零" else "无") if neg in g.direct and filler_verb else None
    subjects = [s for s in subjects if (text[s[1]:s[2]] in g.category_words or how in g.zero_verbs[s[0]]
                                        or direct in g.zero_verbs[s[0]] or _adjacent(text, verb_end, s, how, g))
                and not _restricted(text, verb_end, s, g)]
    if verb is not None and subjects and _picks_out_some(text[verb_end:subjects[0][1]], g):
        return None  # 未收到要求更正政府信息的申请: none of those, nothing said of the others
    if agent and subjects and any(w in text[pos:subjects[0][1]] for w in g.subject_predicates):
        return None  # 没有申请人撤回申请的情况: what the agent did to some requests, not that none came
    object_start = _skip(text, verb_end, g.fillers)
    if verb is not None and subjects and text.startswith(g.agents, object_start) \
            and any(w in text[object_start:subjects[0][1]] for w in g.subject_predicates):
        return None  # 未收到申请人撤回申请: the verb's object is what the agent did to some, as above
    if not subjects and verb in g.implied_subjects:
        subjects = [(g.implied_subjects[verb], verb_end - len(verb), scope_end)]  # 上年无结转: the verb names it
    if not subjects:
        return None
    unique = tuple(s for i, s in enumerate(subjects) if s[0] not in {t for t, _, _ in subjects[:i]}
                   or _another_category(text, s, subjects[:i], g))
    return ZeroClaim(neg_start, subjects[-1][2], unique, scope_end, neg_start + len(neg))


def _result_of_subject_before(subject: tuple[str, int, int], before: list[tuple[str, int, int]], g: _Grammar) -> bool:
    """Given a subject of a claim and those before it, return whether it is a `named_before` category right after a
    subject of a topic it belongs to (未发生行政复议被纠错): that topic's outcome, read with it, not a subject of its own
    that the sentence's last topic would take."""
    return subject[0] == "named_before" and bool(before) and before[-1][2] == subject[1] \
        and before[-1][0] in g.named_before_topics


def _another_category(text: str, subject: tuple[str, int, int], before: list[tuple[str, int, int]], g: _Grammar) -> bool:
    """Given a subject and the subjects before it in its claim, return whether it is a category of its topic listed
    after categories only, none the same (无不予公开、无法提供、不予处理等情形: a zero of each category listed)."""
    words = [text[s[1]:s[2]] for s in before if s[0] == subject[0]]
    own = text[subject[1]:subject[2]]
    return own in g.category_words and own not in words and all(w in g.category_words for w in words)


def _of_other_period(text: str, neg_start: int, g: _Grammar) -> bool:
    """Given a negation, return whether its clause names years gone by before it (往年也没有进行收费)."""
    floor = max(0, neg_start - SENTENCE_WINDOW_CHARS)
    clause_start = max(floor, max(text.rfind(p, floor, neg_start) for p in _CLAUSE_PUNCTUATION) + 1)
    return any(w in text[clause_start:neg_start] for w in g.other_periods)


def _past_relation_modifier(text: str, verb_end: int, subjects: list[tuple[str, int, int]],
                            g: _Grammar) -> list[tuple[str, int, int]]:
    """Given a negated verb's end and the subjects after it, return those past a modifier that a preposition right
    after the verb opens and a relation word closes (未产生与诉讼（行政复议）有关的费用支出): the subjects inside it are
    what the head noun relates to; none past it when no relation word closes it in the sentence."""
    opener = _skip(text, verb_end, g.fillers)
    if not text.startswith(g.relation_openers, opener):
        return subjects
    end = _SENTENCE_END.search(text, opener, min(len(text), opener + SENTENCE_WINDOW_CHARS))
    sentence = text[opener:end.start() if end else min(len(text), opener + SENTENCE_WINDOW_CHARS)]
    closers = [k for w in g.relation_closers if (k := sentence.find(w)) >= 0]
    if not closers:
        return subjects
    return [s for s in subjects if s[1] >= opener + min(closers)]


def _next_negated_item(text: str, pos: int, scope_end: int, g: _Grammar) -> int:
    """Given where a negated clause's words start and end, return where its scope ends: at a list mark (、) that a
    negation of its own follows, which opens the next zero (没有受理申请情况、没有“不予公开”的情况: two zeros, each of
    its own subject), else at scope_end."""
    for m in g.negation.finditer(text, pos, scope_end):
        if text[m.start() - 1] in _ITEM_MARKS and _is_negation(text, m.start(), m.group(0), g.not_negations):
            return m.start() - 1
    return scope_end


def negated_item_end(text: str, start: int, end: int) -> int:
    """Given a worded zero's end and where its clause ends, return where the zero's words end: at the list mark that
    opens the next negated item, if one does (…申请情况、没有“不予公开”的情况), else at the clause's end."""
    return _next_negated_item(text, start, end, _grammar())


def _listed_past_comma(text: str, scope_end: int, g: _Grammar) -> list[tuple[str, int, int]]:
    """Given where a negated clause with a verb ends, return the subjects of the clause after it when a comma joins
    them as a list: that clause is its subjects only, joined by coordinators, after a verb at most and before list
    tails only (未发生行政复议，提起行政诉讼情况; 未受理政府信息公开申请，行政复议和行政诉讼), with no count of its own;
    else nothing."""
    if scope_end >= len(text) or text[scope_end] not in _LIST_COMMAS:
        return []
    end = _SCOPE_END.search(text, scope_end + 1, min(len(text), scope_end + 1 + g.max_chars))
    clause_end = end.start() if end else min(len(text), scope_end + 1 + g.max_chars)
    pos = scope_end + 1
    pos += len(next((v for v in g.verbs if text.startswith(v, pos)), ""))
    cut = _mask_cut(text, pos, g)
    clause = masked_topics(text[cut:clause_end], g.masks, g.mask_exempt_after, g.mask_kept)
    subjects: list[tuple[str, int, int]] = []
    at = pos - cut
    while (m := g.subject.match(clause, at)) is not None and m.group(0) not in g.category_words:
        subjects.append((g.topic_of[m.group(0)], cut + m.start(), cut + m.end()))
        at = m.end() + 1
        if m.end() >= len(clause) or clause[m.end()] not in COORDINATORS:
            break
    if not subjects or _skip(text, subjects[-1][2], g.list_tails) < clause_end:
        return []
    return subjects


def _mask_cut(text: str, pos: int, g: _Grammar) -> int:
    """Given an offset, return the nearest offset at or before it right after a character no mask phrase or
    qualifier holds: no phrase printed across it, so masking the text from there masks the text after it as masking
    all of it would (a clause's masking costs its own length, not the text's)."""
    held = _mask_characters(g.masks, g.mask_exempt_after)
    pos = min(pos, len(text))
    while pos > 0 and text[pos - 1] in held:
        pos -= 1
    return pos


@lru_cache(maxsize=4)
def _mask_characters(masks: tuple[str, ...], qualifiers: tuple[str, ...]) -> frozenset[str]:
    """Given the mask phrases and their qualifiers, return every character they hold."""
    return frozenset("".join(masks) + "".join(qualifiers))


def _heads(scope: str, subjects: list[tuple[str, int, int]], offset: int) -> list[tuple[str, int, int]]:
    """Given a claim's subjects, return those that are no modifier of the next one: a subject followed by 的 before
    the next, with no 、和及或 between, qualifies it (未产生政府信息公开事务诉讼相关的费用 is about the fee)."""
    out = []
    for s, following in zip(subjects, [*subjects[1:], None]):
        between = scope[s[2] - offset:following[1] - offset] if following else ""
        if not (ATTRIBUTIVE in between and not any(c in between for c in COORDINATORS)):
            out.append(s)
    return out


def _picks_out_some(between: str, g: _Grammar) -> bool:
    """Given the words between a negated event verb and its first subject, return whether they are a modifier in 的
    whose words pick out some of the subject (要求更正政府信息的, 需要征求第三方意见的), not all of it."""
    return ATTRIBUTIVE in between and (any(w in between for w in g.subset_modifiers) or _names_a_matter(between, g))


def _names_a_matter(between: str, g: _Grammar) -> bool:
    """Given words holding 的 before a subject, return whether a matter opener before the last 的 names what some of
    the subject are about (涉及征地拆迁的, 关于商业秘密的): not the disclosure itself nor who asked (有关政府信息公开的,
    有关公民、法人或组织机构的), which are all of it."""
    k = between.rfind(ATTRIBUTIVE)
    starts = [between.rfind(opener, 0, k) + len(opener) for opener in g.matter_openers if opener in between[:k]]
    phrase = between[max(starts):k] if starts else ""
    return bool(phrase) and not any(w in phrase for w in g.whole_matters)


def _restricted(text: str, verb_end: int, subject: tuple[str, int, int], g: _Grammar) -> bool:
    """Given a subject of a topic a phrase in 的 may restrict and the end of the verb before it, return whether such a
    phrase stands between them saying which of them, not all (未制定涉及市场主体的规范性文件: none of some)."""
    if subject[0] not in g.restricted_topics:
        return False
    between = text[verb_end:subject[1]]
    k = between.rfind(ATTRIBUTIVE)
    if k < 0:
        return False
    phrase = between[_skip(between, 0, g.fillers):k]
    return bool(phrase.strip()) and not phrase.startswith(g.whole_modifiers) \
        and not _joined_events(phrase, g.zero_verbs.get(subject[0], frozenset()))


def _joined_events(phrase: str, verbs: frozenset[str]) -> bool:
    """Given the words between a negated verb and 的, return whether they only join more of the topic's event verbs to
    it (未制发和废止的规范性文件: the documents of both events, no restriction to some of them)."""
    while phrase and phrase[0] in COORDINATORS:
        verb = next((v for v in verbs if phrase.startswith(v, 1)), None)
        if verb is None:
            return False
        phrase = phrase[1 + len(verb):]
    return not phrase


def _names_other_noun(text: str, subject: tuple[str, int, int], g: _Grammar) -> bool:
    """Given a subject of a worded zero, return whether it is part of a noun its topic's vetoes name, or qualifies
    one right after it (in 的): 未收到行政复议决定书, 申请材料, 对申请的投诉 are zeros of documents or complaints."""
    topic, start, end = subject
    after = end + (text.startswith(ATTRIBUTIVE, end) and len(ATTRIBUTIVE))
    words = g.noun_vetoes.get(topic, ())
    return text.startswith(words, after) or any(start <= i < end < i + len(w)  # 政府信息公开申请材料
                                                for w in words for i in [text.find(w, start, end + len(w))])


def _adjacent(text: str, verb_end: int, subject: tuple[str, int, int], how: str, g: _Grammar) -> bool:
    """Given a subject and the end of the negated verb before it, return whether the verb states the subject's zero
    only when adjacent to it (未发生依申请公开情况) and nothing but fillers, or a modifier of the subject as a whole,
    stands between them."""
    return how in g.adjacent_verbs.get(subject[0], ()) and (
        _past_joined_verbs(text, _skip(text, verb_end, g.fillers), subject[0], g) >= subject[1]
        or _modified(text, verb_end, subject[1], g))


def _past_joined_verbs(text: str, pos: int, topic: str, g: _Grammar) -> int:
    """Given where a subject may start after an adjacent verb, return it moved past a list of the topic's own events
    named there (未发生受理、答复依申请公开政府信息情况: one zero verb of the topic, then `joined_verbs` after
    coordinators) and the fillers after it; else unmoved."""
    first = next((v for v in g.zero_verbs.get(topic, ()) if text.startswith(v, pos)), None)
    if first is None:
        return pos
    end = pos + len(first)
    joined = 0
    while end < len(text) and text[end] in COORDINATORS:
        verb = next((v for v in g.joined_verbs if text.startswith(v, end + 1)), None)
        if verb is None:
            break
        end += 1 + len(verb)
        joined += 1
    return _skip(text, end, g.fillers) if joined else pos


def _modified(scope: str, start: int, subject_start: int, g: _Grammar) -> bool:
    """Given where the words after a direct negation start and where a subject starts, return whether those words
    are one modifier of the subject that says its scope or cause, not a subset of it: they open with a scope word
    (针对, 有关…) or end in a cause word, then 的, and only fillers stand between that 的 and the subject
    (无有关政府信息公开事务的行政诉讼 yes; 没有超期答复的申请 no)."""
    k = scope.rfind(ATTRIBUTIVE, start, subject_start)
    if k < 0 or _skip(scope, k + len(ATTRIBUTIVE), g.fillers) < subject_start:
        return False
    return scope.startswith(g.modifier_openers, start) or scope.endswith(g.causes, start, k)



def _category_subjects(text: str, subject: tuple[str, int, int], neg_start: int, how: str,
                       g: _Grammar) -> list[tuple[str, int, int]]:
    """Given a category a zero names (不予公开, 被纠错), return it as a subject of its topic: of the `named_before` topic
    its sentence named last before it, or of each such topic when it counted two or more (行政复议0件，诉讼0件，无被
    纠错: neither's) or named them last as one list (复议诉讼未出现被纠错, 行政复议和行政诉讼均未被纠错: both); none
    when the verb is not one that states a category's zero or a `named_before` category follows no topic in its
    sentence."""
    if how not in g.category_verbs:
        return []
    topic, start, end = subject
    if topic != "named_before":
        return [subject]
    floor = max(0, neg_start - SENTENCE_WINDOW_CHARS)
    sentence_start = max(floor, max(text.rfind(p, floor, neg_start) for p in "。；;！？!?\n") + 1)
    said = masked_topics(text[sentence_start:neg_start], g.masks, g.mask_exempt_after, g.mask_kept)
    named = [(g.topic_of[m.group(0)], _COUNTED.match(said, m.end()) is not None
              or _COUNTED_BEFORE.search(said, 0, m.start()) is not None, m.start(), m.end())
             for m in g.subject.finditer(said)]
    named = [n for n in named if n[0] in g.named_before_topics]
    counted = list(dict.fromkeys(n[0] for n in named if n[1]))
    topics = counted if len(counted) > 1 else [n[0] for n in _last_list(said, named)]  # 诉讼案1件，未经复议直接起诉: the suit's
    return [(t, start, end) for t in dict.fromkeys(topics)]


def _last_list(said: str, named: list[tuple[str, bool, int, int]]) -> list[tuple[str, bool, int, int]]:
    """Given the topics a sentence named, return the last one with the ones joined to it as one list before it
    (复议诉讼, 行政复议和行政诉讼): nothing but a coordinator, or nothing at all, between each and the next."""
    run = named[-1:]
    for before in reversed(named[:-1]):
        if said[before[3]:run[0][2]] not in ("", *JOINERS):
            break
        run.insert(0, before)
    return run


def _verb_after_preposition(text: str, pos: int, limit: int, g: _Grammar) -> str | None:
    """Given a preposition right after a negation (未向申请人收取费用), return the first event verb in its clause."""
    end = _SCOPE_END.search(text, pos, min(len(text), limit))
    clause = text[pos:end.start() if end else min(len(text), limit)]
    found = [(i, -len(v), v) for v in g.verbs if (i := clause.find(v)) >= 0]
    return min(found)[2] if found else None


def _is_cause(scope: str, subjects: list[tuple[str, int, int]], offset: int, g: _Grammar) -> bool:
    """Given a claim's subjects, return whether the first is the cause of the others (未发生因政府信息公开申请行政复议):
    a cause topic after a cause opener, followed by another topic."""
    first, start = subjects[0][0], subjects[0][1] - offset
    if first not in g.cause_topics:
        return False
    opened = any(0 <= scope.find(o, 0, start) for o in g.cause_openers)
    following = next((s for s in subjects[1:] if s[0] != first), None)
    if following is None:
        return False
    # 未发生政府信息公开申请工作被申请行政复议: a topic named right before another, with no 、和及或 joining them,
    # qualifies it as a cause does
    between = scope[subjects[0][2] - offset:following[1] - offset]
    return opened or not any(c in between for c in COORDINATORS)


def find_zero_claims(text: str) -> list[ZeroClaim]:
    """Given narrative text, return its zeros stated in words, in text order, not overlapping."""
    g = _grammar()
    out: list[ZeroClaim] = []
    for m in g.negation.finditer(text):
        if out and m.start() < out[-1].end:
            continue
        if not _is_negation(text, m.start(), m.group(0), g.not_negations):
            continue
        claim = _claim(text, m.start(), m.group(0), g)
        if claim is not None:
            out.append(claim)
    for m in [*g.predicate.finditer(text), *g.post_negation.finditer(text)]:
        claim = _predicate_claim(text, m, g)
        if claim is not None and not any(c.start < claim.end and claim.start < c.end for c in out):
            out.append(claim)
    return sorted(out, key=lambda c: c.start)


def _predicate_claim(text: str, m: re.Match[str], g: _Grammar) -> ZeroClaim | None:
    """Given a zero predicate (申请数量为0) or a negated verb ending a clause (行政复议、行政诉讼均未发生), return the
    claim on the subjects of its clause, or of the label it answers (a colon's, a heading's) when the clause names
    none (for a verb, those it states a zero of), or None if it names none."""
    floor = max(0, m.start() - SENTENCE_WINDOW_CHARS)
    start = max(floor, max(text.rfind(p, floor, m.start()) for p in _CLAUSE_PUNCTUATION) + 1)
    clause = masked_topics(text[start:m.start()], g.masks, g.mask_exempt_after, g.mask_kept)
    if start > floor + 1 and g.subject.search(clause) is None:
        label_start = _label_before(text, start, floor)
        if label_start is not None:  # 依申请公开情况：本年度无 — the label names what the words after it say none of
            start = label_start
            clause = masked_topics(text[start:m.start()], g.masks, g.mask_exempt_after, g.mask_kept)
    subjects = [(g.topic_of[s.group(0)], start + s.start(), start + s.end()) for s in g.subject.finditer(clause)]
    if subjects and m.group(0).startswith(g.predicate_words) \
            and any(w in text[subjects[-1][2]:m.start()] for w in g.rate_words):
        return None  # 行政诉讼败诉率为0: a rate, not a count
    if subjects and _is_cause(clause, subjects, start, g):  # 因政府信息公开申请行政复议的情况：无
        subjects = [s for s in subjects if s[0] != subjects[0][0]]
    verb = m.groupdict().get("verb") or ("无" if m.groupdict().get("direct") else None)
    # a verb that states a zero only adjacent to its subject (发生 of requests) does so after its subjects too, when
    # only other subjects, joiners, fillers and list tails stand between, and some do (依申请公开、行政复议均未发生,
    # 依申请公开情况未发生; not 依申请公开超期答复情况未发生, nor 申请均未发生: a request does not 发生)
    ends = [s[1] for s in subjects[1:]] + [m.start()]
    subjects = [s for s, end in zip(subjects, ends) if verb is None or verb in g.zero_verbs.get(s[0], ())
                or (m.groupdict().get("verb") and verb in g.adjacent_verbs.get(s[0], ()) and end > s[2]
                    and _skip(text, s[2], (*g.fillers, *g.list_tails, *COORDINATORS)) >= end)]
    if not subjects:
        return None
    unique = tuple(s for i, s in enumerate(subjects) if s[0] not in {t for t, _, _ in subjects[:i]})
    return ZeroClaim(start, m.end(), unique, m.end())


def _label_before(text: str, start: int, floor: int) -> int | None:
    """Given where a clause starts, return where the label it answers starts: the words before a colon ending right
    before it (依申请公开情况：), or a heading, a short line with no sentence's end, on the line before it
    (（二）依申请公开情况 / 本年度无), or a numbered one closed by a full stop, on that line or the one before
    (（三）…行政诉讼情况。本年度无此类情况); None when it follows none."""
    if text[start - 1] in _LABEL_COLONS:
        return max(floor, max(text.rfind(p, floor, start - 1) for p in _CLAUSE_PUNCTUATION) + 1)
    if text[start - 1] not in "\n。":
        return None
    line_start = max(floor, text.rfind("\n", floor, start - 1) + 1)
    line = text[line_start:start - 1]
    if _NUMBERED.match(line):  # （三）因…诉讼情况。本年度无此类情况 (on one line or two)
        line = line.removesuffix("。")
    elif text[start - 1] != "\n":
        return None
    return line_start if line.strip() and len(line) <= HEADING_MAX_CHARS and not _SENTENCE_END.search(line) else None


def _label_claim(text: str, neg_start: int, how: str, end: int, scope_end: int) -> ZeroClaim | None:
    """Given a negation whose subject points back (未收到此类申请), its verb (or direct negation) and where that
    subject and its clause end, return the claim on the subjects of the label its clause answers (a colon's, a
    heading's: （二）行政复议情况) that the verb states a zero of (a carry names no direction here), a cause left
    out, from the label on; None when it answers no label."""
    g = _grammar()
    floor = max(0, neg_start - SENTENCE_WINDOW_CHARS)
    start = max(floor, max(text.rfind(p, floor, neg_start) for p in _CLAUSE_PUNCTUATION) + 1)
    label_start = _label_before(text, start, floor) if start > floor + 1 else None
    if label_start is None:
        return None
    label = masked_topics(text[label_start:start], g.masks, g.mask_exempt_after, g.mask_kept)
    subjects = [(g.topic_of[m.group(0)], label_start + m.start(), label_start + m.end()) for m in g.subject.finditer(label)]
    if subjects and _is_cause(label, subjects, label_start, g):  # （四）因政府信息公开申请行政复议情况
        subjects = [s for s in subjects if s[0] != subjects[0][0]]
    subjects = [s for s in subjects if how in g.zero_verbs[s[0]] and how not in g.implied_subjects]
    unique = tuple(s for i, s in enumerate(subjects) if s[0] not in {t for t, _, _ in subjects[:i]})
    return ZeroClaim(label_start, end, unique, scope_end) if unique else None


def find_subjects(text: str) -> list[tuple[str, int, int]]:
    """Given text, return the subjects it names as (topic, start, end), longest words first, not overlapping."""
    g = _grammar()
    masked = masked_topics(text, g.masks, g.mask_exempt_after, g.mask_kept)
    return [(g.topic_of[m.group(0)], m.start(), m.end()) for m in g.subject.finditer(masked)]


def zero_unit(claim: ZeroClaim) -> str:
    """Given a claim, return the unit its zero is counted in (元 for a fee, else 件)."""
    return load_spec().topic_zero[claim.subjects[0][0]][1]
