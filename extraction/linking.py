"""Narrative figures -> mentions linked to table metrics, by the topic of their sentence and the cue next to them.

The phrase table (topics, cues, vetoes, scope words) is data in the template spec. A figure is linked only
when a topic, a cue and a fitting unit agree; anything less stays unlinked: a wrong link costs an auditor
more than a missing one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extraction.figures import Figure, find_figures
from extraction.report import Mention
from extraction.segment import Narrative
from extraction.spec import Spec
from extraction.tokens import tokens_of
from extraction.values import TableView

NARRATIVE_SECTIONS = ("一", "五", "六")
MONEY_UNITS = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}  # to 万元, the unit of 表二（八）
QUOTE_MAX_CHARS = 60
TOPIC_LOOKBACK_CHARS = 160  # how far back a sentence without a topic word may borrow one (same paragraph)
_NEXT_NUMBER = re.compile(r"[0-9０-９]")
_BROADER = re.compile(r"等\s*(?:共|共计|合计|总计)?\s*$")
_YEAR = re.compile(r"(?<![0-9０-９])(20[0-9]{2})\s*年")
# A parenthesis qualifies the figure before it: its words (（含新制定5件）) are no context for later figures.
_PARENTHESIS = re.compile(r"[（(][^（）()]*[）)]")


@dataclass
class _Link:
    metric: str
    alternatives: tuple[str, ...]
    cue_start: int


def narrative_figures(narrative: Narrative) -> list[tuple[str, Figure]]:
    """Given the narrative, return (section, figure) for every figure in sections 一, 五 and 六."""
    sections = [s for s in narrative.sections if s.no in NARRATIVE_SECTIONS]
    if not any(s.no for s in narrative.sections):
        sections = narrative.sections  # no headings found: the whole text is narrative
    out: list[tuple[str, Figure]] = []
    for section in sections:
        for fig in find_figures(narrative.text[section.start:section.end]):
            shifted = Figure(fig.value, fig.unit, fig.approx, fig.start + section.start, fig.end + section.start, fig.raw, fig.implicit)
            out.append((section.no, shifted))
    return out


def _topic_at(text: str, fig: Figure, local_start: int, sentence: tuple[int, int], clause_end: int, spec: Spec) -> str | None:
    """The topic whose word is nearest to the figure: before it in the sentence (or the paragraph before), or
    after it in the clause. A 表二 topic (规章, 规范性文件…) must be named between the previous figure and this one."""
    paragraph_start = max(text.rfind("\n", 0, sentence[0]) + 1, sentence[0] - TOPIC_LOOKBACK_CHARS)
    for left_start in (sentence[0], paragraph_start):
        best: tuple[int, int, str] | None = None  # (distance, -length, topic)
        left = text[left_start:fig.start]
        right = text[fig.end:clause_end]
        for topic, words in spec.topics.items():
            local_only = topic.startswith("active")
            for word in words:
                i = left.rfind(word)
                if i >= 0 and (not local_only or left_start + i >= local_start):
                    cand = (len(left) - (i + len(word)), -len(word), topic)
                    best = cand if best is None or cand < best else best
                j = right.find(word)
                if j >= 0 and not local_only:
                    cand = (j + 1, -len(word), topic)
                    best = cand if best is None or cand < best else best
        if best is not None:
            return best[2]
    return None


def _masked(text: str, phrases: list[str]) -> str:
    """Given text, return it with each phrase blanked out (same length, so offsets hold)."""
    for phrase in phrases:
        text = text.replace(phrase, "\u3000" * len(phrase))
    return text


def _names_other_year(text: str, report_year: int, carry_words: list[str]) -> bool:
    """Given text before a figure, the report year and the carry words, return whether it names another year,
    other than as the carry-over between years (2022年结转 in the 2023 report is 上年结转; 结转2024年 is 结转下年度)."""
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        after, before = text[match.end():match.end() + 4].lstrip("度"), text[:match.start()].rstrip("至到")
        carry_over, carry_forward = after.startswith(tuple(carry_words)), before.endswith(tuple(carry_words))
        if year == report_year and carry_over:
            return True  # 2021年结转 in the 2021 report: carried over into it, or forward from it? unclear
        if year == report_year or (year == report_year - 1 and carry_over) or (year == report_year + 1 and carry_forward):
            continue
        return True
    return False


def _choose_rule(text: str, fig: Figure, local_start: int, sentence: tuple[int, int], clause_end: int,
                 topic: str, rules: list[dict[str, Any]]) -> _Link | None:
    local = text[local_start:fig.start]
    right = _NEXT_NUMBER.split(text[fig.end:clause_end], maxsplit=1)[0]  # words after the next figure are its own
    context_left = _PARENTHESIS.sub("", text[sentence[0]:fig.start])
    best: tuple[int, int, int, int, dict[str, Any]] | None = None  # (fallback, distance, -length, cue start, rule)
    for rule in rules:
        if rule["topic"] != topic:
            continue
        fallback = 1 if "needs_context" in rule else 0
        if fallback and not any(w in context_left for w in rule["needs_context"]):
            continue
        for cue in rule.get("cue", []):
            i = local.rfind(cue)
            if i >= 0:
                cand = (fallback, len(local) - (i + len(cue)), -len(cue), local_start + i, rule)
                if best is None or cand[:3] < best[:3]:
                    best = cand
        for cue in rule.get("cue_after", []):
            j = right.find(cue)
            if j >= 0:
                cand = (fallback, j, -len(cue), fig.start, rule)
                if best is None or cand[:3] < best[:3]:
                    best = cand
    if best is None:
        return None
    rule = best[4]
    switch = rule.get("switch_after")
    if switch and any(w in right for w in switch["words"]):
        return _Link(switch["metric"], tuple(switch.get("alt", [])), best[3])
    return _Link(rule["metric"], tuple(rule.get("alt", [])), best[3])


def _vetoed(text: str, fig: Figure, link_start: int, local_start: int, spec: Spec) -> bool:
    window = text[max(local_start, link_start - 6):fig.start]
    window = _masked(window, spec.veto_exempt)
    if _BROADER.search(text[local_start:fig.start]):
        return True
    words = set(tokens_of(window))
    for veto in spec.veto_words:
        if len(veto) == 1:
            if veto in words:
                return True
        elif veto in window:
            return True
    return False


def _unit_fits(metric: str, unit: str, spec: Spec) -> bool:
    if metric == "active.admin_fees.amount_wan_yuan":
        return unit in MONEY_UNITS
    return unit in spec.count_units


def _scope_note(text: str, sentence: tuple[int, int], fig: Figure, spec: Spec) -> str | None:
    around = text[sentence[0]:min(len(text), sentence[1] + 12)]
    hits = {w for w in spec.scope_words if w in around}
    hits = {w for w in hits if not any(w != other and w in other for other in hits)}
    return "、".join(sorted(hits, key=around.find)) or None


def _compare(value: float, approx: bool, raw: str, table: float) -> bool:
    if not approx:
        return abs(value - table) < 1e-6
    if any(w in raw for w in ("余", "多", "超过", "逾", "突破", "超")):
        return value <= table < value * 2 + 10
    return abs(value - table) <= max(1.0, 0.1 * value)


def _quote(text: str, clause_start: int, fig: Figure) -> str:
    start = max(clause_start, fig.end - QUOTE_MAX_CHARS)
    return re.sub(r"\s*\n\s*", "", text[start:fig.end]).strip()


def link_mentions(narrative: Narrative, view: TableView | None, spec: Spec, report_year: int | None) -> list[Mention]:
    """Given the narrative, the parsed tables and the report year, return every narrative figure as a mention
    with its verdict."""
    text = narrative.text
    topic_text = _masked(text, spec.topic_masks)
    rules = view.version.phrases if view is not None else spec.versions["v2021"].phrases
    mentions: list[Mention] = []
    previous_end = 0
    previous_topic: tuple[int, str] | None = None  # (sentence start, topic) of the last linked figure
    for section, fig in narrative_figures(narrative):
        sentence = narrative.sentence_bounds(fig.start)
        clause_start, clause_end = narrative.clause_bounds(fig.start)
        if text[fig.end:fig.end + 1] in "（(":
            close = text.find("）" if text[fig.end] == "（" else ")", fig.end)
            clause_end = close if close > 0 else clause_end  # the parenthesis right after a figure qualifies it
        local_start = max(previous_end, clause_start) if previous_end > sentence[0] else clause_start
        previous_end = fig.end
        mention = Mention(section, _quote(text, clause_start, fig), fig.value, fig.unit, fig.approx,
                          (fig.start, fig.end), narrative.where(fig.start), implicit=fig.implicit,
                          sentence_end=sentence[1])
        mentions.append(mention)
        topic = _topic_at(topic_text, fig, local_start, sentence, clause_end, spec)
        if topic is None and previous_topic is not None and previous_topic[0] == sentence[0]:
            topic = previous_topic[1]  # a list goes on: 制发规范性文件25件，废止12件
        if topic is None:
            continue
        left = text[sentence[0]:fig.start]
        if text.startswith(tuple(spec.continuation_words), sentence[0]) and sentence[0] > 0:  # 其中… goes on with the one before
            left = text[narrative.sentence_bounds(sentence[0] - 1)[0]:fig.start]
        if any(word in left for word in spec.sentence_veto_words):
            continue  # part of the year (上半年…) or arithmetic on the figures (除去…): not the year's table value
        if report_year is not None and _names_other_year(left, report_year, spec.carry_words):
            continue  # another year's figure (2022年…制定规范性文件0件 in the 2023 report), or a comparison with it
        search_end = fig.end if fig.implicit else fig.start
        probe = Figure(fig.value, fig.unit, fig.approx, search_end, fig.end, fig.raw, fig.implicit)
        link = _choose_rule(text, probe, local_start, sentence, clause_end, topic, rules)
        if link is None or not _unit_fits(link.metric, fig.unit, spec):
            continue
        if _vetoed(text, fig, link.cue_start, local_start, spec):
            continue
        mention.metric = link.metric
        mention.alternatives = link.alternatives
        previous_topic = (sentence[0], topic)
        mention.scope_note = _scope_note(text, sentence, fig, spec)
        if view is not None:
            _judge(mention, fig, view)
        else:
            mention.verdict = "unverified"
    return mentions


def _judge(mention: Mention, fig: Figure, view: TableView) -> None:
    """Set the verdict: match when the figure equals the metric or one of its alternative readings."""
    value = float(mention.value) * MONEY_UNITS.get(mention.unit, 1.0) if mention.metric == "active.admin_fees.amount_wan_yuan" else float(mention.value)
    readings = [mention.metric, *mention.alternatives] if mention.metric else []
    table = {key: view.value(key) for key in readings}
    mention.table_values = table
    known = {k: v for k, v in table.items() if v is not None}
    if not known:
        mention.verdict = "unverified"
        return
    for key, v in known.items():
        if _compare(value, mention.approx, fig.raw, float(v)):
            if key != mention.metric:
                mention.alternatives = tuple(k for k in readings if k != key)
                mention.metric = key
            mention.verdict = "match"
            return
    # A cell whose place in the row is in doubt cannot contradict the narrative.
    mention.verdict = "unverified" if all(view.doubtful(k) for k in known) else "mismatch"
