"""Narrative figures -> mentions linked to table metrics, by the topic of their sentence and the cue next to them.

The narrative grammar (topics with their units, event classes, the disposition tree, applicant classes, the
negation grammar of worded zeros, vetoes and scope words) is data in the template spec; the spec loader composes
it into cue rules. A figure is linked only when a topic, a cue and a fitting unit agree; anything less stays
unlinked: a wrong link costs an auditor more than a missing one. Matching reads the narrative in simplified
script (Narrative.plain, same offsets); quotes are taken from the text as printed.
"""
from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from extraction.bodies import any_word, names_a_sector_scope, names_another_body
from extraction.figures import Figure, find_figures
from extraction.report import Mention
from extraction.segment import SENTENCE_WINDOW_CHARS, Narrative
from extraction.spec import PRE2019_LAST_YEAR, Spec, per_spec
from extraction.tokens import tokens_of
from extraction.values import TableView
from extraction.zeros import (ATTRIBUTIVE, COORDINATORS, JOINERS, ZeroClaim, any_word_pattern, find_subjects, find_zero_claims,
                              masked_topics, negated_item_end)

NARRATIVE_SECTIONS = ("一", "五", "六")
TABLE_SECTIONS = ("二", "三", "四")  # where the 2019 and 2021 formats print their tables
MONEY_UNITS = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}  # to 万元, the unit of 表二（八）
QUOTE_MAX_CHARS = 60
TOPIC_LOOKBACK_CHARS = 160  # how far back a sentence without a topic word may borrow one (same paragraph)
LIST_JOINERS = "、和及与"
VERB_GAP_CHARS = 4  # 未制定发布、废止: at most this many characters between two negated verbs joined by 、和及与  # 废止规章17件、规范性文件0件: the verb before the first figure governs the next
NOUN_AFTER_CHARS = 2  # a 表二 topic may follow its figure as the counted noun (制发的48件行政规范性文件, 新制定的6件海事规范性文件)
_CLAUSE_END = re.compile(r"[，,；;。：:（(]")
# 等 closing a list after a leaf word (不掌握相关情况等, 信访举报投诉类申请及重复申请等) makes the leaf an example; 等待/等候
# wait, 等级 is a grade
# 不予公开、无法提供4件: two dispositions joined right before one count share it
_DISPOSITIONS_JOINED = re.compile(f"(?:{'|'.join(JOINERS)})\\s*$")  # the zeros' joiners, 或者 and 以及 with them
_EXAMPLE_MARK = re.compile(r"等(?![待候级])")
CLAUSE_OPENING_MARKS = " \u3000，,、：:"  # what may stand before a word that must open its clause
LOOSE_UNIT_GAP_CHARS = 2  # 依申请公开事项1项: at most this many characters between the topic word and a 项 figure
_CARRY_NEGATIONS = ("没有", "未", "无")  # between a year and its carry word (2021年未转结申请): none carried in from it
JOINED_ZERO_GAP_CHARS = 6  # 行政复议、行政诉讼和申诉案件0件: at most this many characters between the last subject and the 0
CARRIED_FORWARD, CARRIED_OVER = "requests.carried_forward.total", "requests.carried_over.total"
CLAUSE_MARKS = "，,；;"  # what ends a clause inside a sentence
_UP_TO_LAST_OF_CLAUSE_MARKS = re.compile(f".*[{re.escape(CLAUSE_MARKS)}]", re.DOTALL)  # the last one before an offset
FULL_STOPS = "。！？!?\n"  # what ends a sentence read across its semicolons (an attribute list runs past ；)
_FULL_STOP = re.compile(f"[{FULL_STOPS}]")
_UP_TO_LAST_FULL_STOP = re.compile(f".*[{FULL_STOPS}]", re.DOTALL)  # the last one before an offset, in one pass
LIST_REACH_CHARS = 200  # how far past its sentence an attribute list is read, at most
_NEXT_NUMBER = re.compile(r"[0-9０-９](?![0-9０-９]*\s*年)")  # a year (转2023年办理) is no next figure
_DATE_NUMBER = re.compile(r"[0-9０-９]+\s*[月日]")  # a month or a day (12月), no count
_NUMBER_BEFORE = re.compile(r"[0-9０-９一二两三四五六七八九十]个?")  # 5个街道, 三个村: bodies counted
_OPEN_PARENTHESIS = re.compile(r"[（(]")
_SCOPE_END = re.compile(r"[，,。；;：:！？!?\n（(]")
_BROADER = re.compile(r"等\s*(?:共|共计|合计|总计)?\s*$")
# A year not after a digit: the lookbehind follows its 2, so the pattern opens with a literal the regex engine scans
# for (opening with the lookbehind, it was tried at every character); the same holds for the patterns below that open
# with a digit
_YEAR = re.compile(r"(2(?<![0-9０-９]2)0[0-9]{2})\s*年")
# A parenthesis qualifies the figure before it: its words (（含新制定5件）) are no context for later figures.
_PARENTHESIS = re.compile(r"[（(][^（）()]*[）)]")
_ITEM_NUMBER = re.compile(r"\d{1,2}\s*[.．、]\s*")  # 2. 其中，公开18件: a list item's number is no word of its sentence
_TITLE = re.compile(r"《[^《》]*》")
_LINE_BREAK = re.compile(r"\s*\n\s*")  # a quote runs on over the line breaks of its text
LAST_MONTH = 12
_RANGE_DASH = r"(?:至|到|-|—|–|~|～)"
# 1-11月, 1月至11月, 1月1日至2023年11月30日: the month a range ends with (group 2), with its year when named (group 1)
_MONTH_RANGE = re.compile(r"[0-9](?<![0-9][0-9])[0-9]?\s*(?:月\s*(?:[0-9]{1,2}\s*日)?)?\s*" + _RANGE_DASH
                          + r"\s*(?:(20[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月")
_UNTIL_MONTH = re.compile(r"截[至止]到?\s*(?:(20[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月")
_ONE_MONTH = re.compile(r"[0-9](?<![0-9至到~～\-—–][0-9])[0-9]?\s*月份")
_YEAR_AT_END = re.compile(r"(20[0-9]{2})\s*年$")
_JANUARY_AT_END = re.compile(r"(?:1|01|一|元)\s*月(?:份|初|\s*(?:1|01|一)\s*日)?$")  # 2023年1月至今: from the year's start
_LEADING_COUNT = re.compile(r"^[0-9０-９]+\s*[件起宗例个次]?")
YEAR_OPENING = "20"  # a cue ending in it (结转至20) opens the year it names
_YEAR_REST = re.compile(r"[0-9]{2}\s*年度?")  # ... whose rest follows it (24年, 24年度)
_YEAR_AT_CUE = re.compile(r"20[0-9]{2}\s*年度?\s*$")  # 2022年转入2023年: a carry between two named years
_CARRY_YEAR = re.compile(r"(?<=含)20[0-9]{2}\s*年(?=度?结转)")  # 含2019年结转: the carry in, named by its year
_CARRIED_IN = "上年转入本年"  # how a carry named by both years (2024年转入2025年, in the 2025 report) is read
# 近三年, 前三年, 三年来, 五年间, 近5年: a span of several years, whose counts are no one year's
# 2021-2023年, 2019～2023年: the first year of a range of years, 年 left to the last (2021年至2023年 names both)
_RANGE_FIRST_YEAR = re.compile(r"(2(?<![0-9０-９]2)0[0-9]{2})\s*(?=" + _RANGE_DASH + r"\s*20[0-9]{2}\s*年)")
# (three patterns, each opening with the characters it may start with, for the regex engine to scan for: one
# alternation of them, one branch opening with a lookbehind, was tried at every character)
_YEARS_SPANS = (re.compile(r"(?:近|最近|过去|前)\s*(?:[两二三四五六七八九十几]|[2-9])\s*个?年"),
                re.compile(r"[两二三四五六七八九十几2-9](?<![0-9０-９][两二三四五六七八九十几2-9])\s*个?年(?:来|间|以来)"),
                re.compile(r"十[一二三四五]五\s*[”\"」』]?\s*(?:期间|时期|以来)"))  # “十三五”期间: a plan's five years
PREVIOUS_YEAR_REACH = 8  # 上年度无结转, 本年和上年相同无“结转…: how far after the year word a carry word may stand


@dataclass
class _Link:
    metric: str
    alternatives: tuple[str, ...]
    cue_start: int
    after_end: int = 0  # for a cue after the figure: where it ends (its words are vetted too)
    fallback: bool = False  # read from a topic named with context only (主动公开规章13件), no event of its own
    event: bool = False  # read from an event verb, which governs a list after it (废止规章17件、规范性文件0件)
    general: bool = False  # that verb is one any business uses (收到, 办结)
    cue_end: int = 0  # where a cue before the figure ends
    yields_in_paragraph: bool = False  # a count named by its topic alone: not when its paragraph stated it otherwise


def narrative_figures(narrative: Narrative, report_year: int | None = None, tables_read: bool = True) -> list[tuple[str, Figure]]:
    """Given the narrative (the report year, and whether any table was read), return (section, figure) for every
    figure in sections 一, 五 and 六, or in every section of a report before the 2019 format, or of one whose format
    cannot be known (no year, no table: sections 二 to 四 hold no table to stand for). Of a report of which no table
    was read, sections 二 to 四 are read too: none of their tables stands for them, and a page that tells their
    figures in prose (二、主动公开政府信息情况 / 全年主动公开政府信息121条) states them there."""
    read = NARRATIVE_SECTIONS if tables_read else NARRATIVE_SECTIONS + TABLE_SECTIONS
    sections = [s for s in narrative.sections if s.no in read]
    if not any(s.no for s in narrative.sections):
        sections = narrative.sections  # no headings found: the whole text is narrative
    elif report_year is not None and report_year <= PRE2019_LAST_YEAR:
        sections = narrative.sections  # their own headings (一、主动公开…) are not the 2019 format's
    elif report_year is None and not tables_read:
        sections = narrative.sections
    out: list[tuple[str, Figure]] = []
    for section in sections:
        out += [(section.no, fig) for fig in find_figures(narrative.plain[section.start:section.end], section.start)]
    return out


class _TopicWord(NamedTuple):  # a tuple: one is made per printed topic word of every report
    """One printed topic word: where it starts and ends in the text, its length and its topic."""

    start: int
    end: int
    length: int
    topic: str
    local_only: bool  # a 表二 topic's word names a figure only between the previous figure and it


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")


@per_spec
def _topic_words_longest_first(spec: Spec) -> tuple[tuple[str, str, bool], ...]:
    """Given the spec, return each topic word with its topic and whether it is local-only (a 表二 topic's), longer
    words first, then by topic's name."""
    words = [(w, topic, topic.startswith("active")) for topic, ws in spec.topics.items() for w in filter(None, ws)]
    return tuple(sorted(words, key=lambda w: (-len(w[0]), w[1])))


class _TopicWords:
    """Every topic word printed in a report's text, indexed by where it ends and where it starts: a figure's
    nearest topic word is then found by bisection, not by searching its sentence for each of the words."""

    def __init__(self, text: str, spec: Spec):
        found: list[_TopicWord] = []
        for word, topic, local_only in _topic_words_longest_first(spec):
            i = text.find(word)
            while i >= 0:
                found.append(_TopicWord(i, i + len(word), len(word), topic, local_only))
                i = text.find(word, i + 1)
        # found is in (longer word, topic's name) order and sorting is stable, so one key orders each index:
        # nearest before a figure first (latest end), then the longer word, then the topic's name
        self.by_end = sorted(found, key=_END, reverse=True)
        self.ends = [-w.end for w in self.by_end]
        # nearest after it first (earliest start), then the longer word, then the topic's name
        self.by_start = sorted(found, key=_START)
        self.starts = [w.start for w in self.by_start]

    def before(self, left_start: int, end: int, local_start: int) -> _TopicWord | None:
        """Given a stretch [left_start, end) of the text, return the word in it ending nearest its end (the longer,
        then the first topic, on a tie); a local-only word must start at local_start or after."""
        for word in self.by_end[bisect_left(self.ends, -end):]:
            if word.end <= left_start:
                return None
            if word.start >= left_start and (not word.local_only or word.start >= local_start):
                return word
        return None

    def after(self, text: str, start: int, end: int, steps: tuple[str, ...]) -> _TopicWord | None:
        """Given a stretch [start, end) of the text, return the word in it starting nearest its start (the longer,
        then the first topic, on a tie); a local-only word must start within NOUN_AFTER_CHARS of it, and a word
        followed by a step word (行政复议后) is passed over."""
        for word in self.by_start[bisect_left(self.starts, start):]:
            if word.start > end:
                return None
            if word.end <= end and (not word.local_only or word.start - start <= NOUN_AFTER_CHARS) \
                    and not text.startswith(steps, word.end, end):  # 5件经行政复议后予以公开: a step, not its noun
                return word
        return None


def _topic_at(text: str, words: _TopicWords, fig: Figure, local_start: int, sentence: tuple[int, int], clause_end: int,
              spec: Spec) -> tuple[str | None, bool]:
    """The topic whose word is nearest to the figure: before it in the sentence (or the paragraph before), or
    after it in the clause with no list joiner between; and whether it was borrowed from the paragraph before the
    sentence. A 表二 topic (规章, 规范性文件…) must be named between the previous figure and this one. A topic word
    joined to another topic's (行政复议、行政诉讼案件743件) names their sum: no topic."""
    right = words.after(text, fig.end, clause_end, tuple(spec.sequence_words))
    right = _past_cause(text, words, fig, right, clause_end, spec)
    if right is not None and any(c in LIST_JOINERS for c in text[fig.end:right.start]):
        right = None  # 行政复议6件和行政诉讼3件: a topic word past a joiner names the list's next item
    after = None if right is None else (right.start - fig.end + 1, -right.length, right.topic, right.start)
    # a sentence opening with a continuation word (其中…) goes on with the one before, past a paragraph break too
    paragraph_end = sentence[0] - 1 if _continues_the_one_before(text, sentence[0], spec) else sentence[0]
    lookback = max(0, sentence[0] - TOPIC_LOOKBACK_CHARS)  # no line break looked for before it: linear linking
    paragraph_start = max(text.rfind("\n", lookback, max(paragraph_end, 0)) + 1, sentence[0] - TOPIC_LOOKBACK_CHARS)
    for left_start in (sentence[0], paragraph_start):
        best = after  # (distance, -length, topic, word start)
        left = words.before(left_start, fig.start, local_start)
        if left is not None:
            cand = (fig.start - left.end, -left.length, left.topic, left.start)
            best = cand if best is None or cand < best else best
        if best is not None:
            if _joined_to_other_topic(text, best[3], best[2], spec) or _owned_by_another_kind(text, sentence[0], best, spec):
                return None, left_start != sentence[0]
            return best[2], left_start != sentence[0]
    return None, False


def _past_cause(text: str, words: _TopicWords, fig: Figure, right: _TopicWord | None, clause_end: int,
                spec: Spec) -> _TopicWord | None:
    """Given a figure and the topic word after it, return the word that names what it counts: past a cause that opens
    right after the figure and ends in 的 (3起因政府信息公开申请提起的行政复议), the cause's topic word is not it but
    the topic word after the 的; else the word found."""
    if right is None or right.topic not in spec.zeros["cause_topics"]:
        return right
    head_start = _cause_end(text, fig, clause_end, spec)
    head = words.after(text, head_start, clause_end, tuple(spec.sequence_words)) if head_start > right.end else None
    return head if head is not None and head.topic != right.topic else right


def _cause_end(text: str, fig: Figure, end: int, spec: Spec) -> int:
    """Given a figure and where its words after it end, return where the cause opened right after it ends, past the
    的 that closes it (3起因政府信息公开申请提起的行政复议: at 行政复议); the figure's end when no cause opens there."""
    if not text.startswith(tuple(spec.zeros["cause_openers"]), fig.end):
        return fig.end
    clause_end = _SCOPE_END.search(text, fig.end, end)
    closer = text.find(ATTRIBUTIVE, fig.end, clause_end.start() if clause_end else end)
    return closer + len(ATTRIBUTIVE) if closer >= 0 else fig.end


def _only_topic_after(words: _TopicWords, fig: Figure, sentence: tuple[int, int], spec: Spec) -> str | None:
    """Given a figure that no topic word before it names, return the document topic (a list topic) whose word comes
    after it in its sentence when that is the only topic the sentence names; else None."""
    if words.before(sentence[0], fig.start, sentence[0]) is not None:
        return None
    later: set[str] = set()
    for word in words.by_start[bisect_left(words.starts, fig.end):]:
        if word.start >= sentence[1]:
            break
        if word.end <= sentence[1]:
            later.add(word.topic)
    if len(later) != 1:
        return None
    topic = later.pop()
    return topic if topic in spec.list_topics else None


def _owned_by_another_kind(text: str, sentence_start: int, word: tuple[int, int, str, int], spec: Spec) -> bool:
    """Given the topic word chosen for a figure (distance, -length, topic, start), return whether it is the topic's
    shortest word after a procedure of another kind named earlier in the sentence, whose applications it then
    counts (行使的行政许可事项为1项，…，全年申请量0件)."""
    kinds = spec.topic_kind_subjects.get(word[2])
    return bool(kinds) and -word[1] == min(map(len, spec.topics[word[2]])) \
        and any(k in text[sentence_start:word[3]] for k in kinds)


def _joined_to_other_topic(text: str, word_start: int, topic: str, spec: Spec) -> bool:
    """Given where a topic word starts, return whether another topic's word is joined to it by 、和及与或."""
    if word_start == 0 or text[word_start - 1] not in COORDINATORS:
        return False
    return any(text.endswith(w, 0, word_start - 1) for other, words in spec.topics.items() if other != topic for w in words)


@per_spec
def _masks_longest_first(spec: Spec) -> tuple[str, ...]:
    """Given the spec, return its topic masks, longest first (a kept 行政复议申请 keeps the 复议申请 inside it)."""
    return tuple(sorted(spec.topic_masks, key=len, reverse=True))


def _masked(text: str, phrases: list[str]) -> str:
    """Given text, return it with each phrase blanked out (same length, so offsets hold)."""
    for phrase in phrases:
        if phrase in text:  # most are not printed: no blank made for them
            text = text.replace(phrase, "\u3000" * len(phrase))
    return text


def _carried_between_years(text: str, report_year: int | None, verbs: list[str]) -> str:
    """Given text, the report year and the words that pass requests on, return the text (same length) with a carry
    from the year before into the report's year named by its number (2024年转入2025年办结, 上年度转入2025年 in the 2025 report) written
    as the carry words say it, blanks before (上年转入本年): requests carried in, neither another year's count nor
    requests passed on to the next year."""
    if report_year is None or str(report_year) not in text:
        return text
    verbs_held = tuple(verbs)
    if _passed_into_year(report_year, verbs_held).search(text) is None:
        return text  # most texts: no verb passing requests on into the report's year, no carry to rewrite
    between = _carry_between_years(report_year, verbs_held)

    def relative(m: re.Match[str]) -> str:  # 含 or 不含 before the years stays next to the carry words (含上年转入本年的2件)
        words = (m[1] or "") + _CARRIED_IN
        return "\u3000" * (len(m.group()) - len(words)) + words

    return between.sub(relative, text)


@lru_cache(maxsize=16)
def _carry_between_years(report_year: int, verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Given the report year and the words that pass requests on, return the pattern of a carry from the year before
    (by its number or as 上年) into the report's year named by its number, 含 or 不含 before it kept apart."""
    passed_on = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    source = rf"(?:{report_year - 1}\s*年度?|上一?年度?)"  # 2024年 or 上年 (上年度转入2025年)
    return re.compile(rf"((?:不|未)?包?含)?{source}\s*结?(?:{passed_on})\s*{report_year}\s*年度?")


@lru_cache(maxsize=16)
def _passed_into_year(report_year: int, verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Given the report year and the words that pass requests on, return the pattern of such a word before the report
    year's number, which every carry _carry_between_years finds holds: a pattern opening with its words, so the
    regex engine scans for their first characters, where the carry's pattern is tried at every character."""
    passed_on = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    return re.compile(rf"(?:{passed_on})\s*{report_year}")


def _names_masked(text: str, phrases: tuple[str, ...], cut_by: tuple[str, ...]) -> str:
    """Given text, phrases and verbs, return the text with each phrase blanked (same length), but not where one of the
    verbs starts inside it and runs past its end (信访办理: petitions handled, not the petition office 信访办)."""
    for phrase in phrases:
        k = text.find(phrase)
        while k >= 0:
            end = k + len(phrase)
            if not any(text.startswith(v, j) for v in cut_by for j in range(max(k + 1, end - len(v) + 1), end)):
                text = text[:k] + "\u3000" * len(phrase) + text[end:]
            k = text.find(phrase, end)
    return text


def _names_other_year(text: str, report_year: int, carry_words: list[str], markers: tuple[str, ...] = (),
                      forward_words: tuple[str, ...] = (), source_words: tuple[str, ...] = ()) -> bool:
    """Given text before a figure, the report year, the carry words, the comparison markers, the forward words and the
    words naming a carry's source year, return whether it names another year, other than as the carry-over between
    years (2022年结转 and 转结2022年的申请 in the 2023 report are 上年结转; 结转2024年 is 结转下年度, and so is 转2024年
    after a forward word) or as the year compared with (比2022年下降29%). A carry into the report's own year with no
    source in its clause (结转2023年, 转至2023年 in the 2023 report: the next year's wording left standing?) counts as
    another year: no reading."""
    for match in _YEAR.finditer(text):
        year = int(match.group(1))
        after, before = text[match.end():match.end() + 6].lstrip("度"), text[:match.start()].rstrip("至到")
        after = after.removeprefix(next((n for n in _CARRY_NEGATIONS if after.startswith(n)), ""))  # 2021年未转结
        if markers and before.endswith(markers):
            continue
        carry_over, carry_forward = after.startswith(tuple(carry_words)), before.endswith(tuple(carry_words))
        carry_forward = carry_forward or (year == report_year + 1 and before.endswith(forward_words))  # 转2025年办理
        forward = after[len(next((w for w in carry_words if after.startswith(w)), "")):][:1] in ("至", "到", "入")
        if year == report_year and carry_over and not forward:
            return True  # 2021年结转 in the 2021 report: carried over into it, or forward from it? unclear
        into_own_year = year == report_year and (carry_forward or before.endswith(forward_words))
        if into_own_year and not _names_carry_source(text[:match.start()], report_year, source_words):
            return True  # 结转2021年, 转至2021年 in the 2021 report, from no year named: carried in, or a slip for the next? unclear
        carry_from = text[:match.start()].endswith(tuple(carry_words))  # 未转结2023年的申请, in the 2024 report
        if year == report_year or (year == report_year - 1 and (carry_over or carry_from)) \
                or (year == report_year + 1 and carry_forward):
            continue
        return True
    return False


def _names_carry_source(before: str, report_year: int, source_words: tuple[str, ...]) -> bool:
    """Given the words before a carry into the report's own year, the report year and the source words, return whether
    the carry's clause names the year the requests came from (上年度结转至2023年, 2022年收到、结转至2023年)."""
    clause = _CLAUSE_MARK.split(before)[-1]
    return any(w in clause for w in source_words) or f"{report_year - 1}年" in clause.replace(" ", "")


def classes_named(text: str, classes: list[list[str]]) -> int:
    """Given text and the applicant classes' words (longest first, as the spec orders them), return how many classes
    it names; each class's words are blanked out before the next is sought, so 法人或其他组织 is one class, not also
    the 组织 of another."""
    count = 0
    for words in classes:
        hits = [w for w in words if w in text]
        for w in hits:
            text = text.replace(w, "\u3000" * len(w))
        count += bool(hits)
    return count


@dataclass(frozen=True)
class _Cue:
    """One cue word of a rule, where the rule scan meets it (`order`: the first of equally near cues wins)."""

    order: int
    rule: dict[str, Any]
    word: str
    fallback: int  # 0 for a rule's own cue; higher for a topic named with context only, or a cue after the figure


@dataclass(frozen=True)
class _TopicCues:
    """A topic's cue rules indexed by the first two characters of each cue (a shorter cue by itself): a figure's words
    are searched only for the cues whose opening pair they print (the requests topic alone has some 300)."""

    classes: list[list[str]]  # the applicant classes' words, when the topic has exclusive rules
    before: dict[str, tuple[_Cue, ...]]  # cues read before the figure, by their first two characters
    after: dict[str, tuple[_Cue, ...]]  # cues read after it (cue_after)
    categories: tuple[str, ...] = ()  # the cues of the topic's dispositions (its category rules, not bare ones)
    any_class: re.Pattern[str] | None = None  # finds any word of the applicant classes (None without classes)


_TOPIC_CUES: dict[tuple[int, str], tuple[list[dict[str, Any]], _TopicCues]] = {}
CUE_KEY_CHARS = 2  # cues are indexed by their opening pair: most pairs are printed nowhere near a figure
_TOPIC_CUES_MAX = 64  # rule lists are the spec's own (a few); a bound keeps lists made elsewhere from piling up


def _topic_cues(rules: list[dict[str, Any]], topic: str) -> _TopicCues:
    """Given cue rules and a topic, return the topic's cues indexed, built once per rule list."""
    cached = _TOPIC_CUES.get((id(rules), topic))
    if cached is not None and cached[0] is rules:
        return cached[1]
    before: dict[str, list[_Cue]] = {}
    after: dict[str, list[_Cue]] = {}
    order = 0
    for rule in rules:
        if rule["topic"] != topic:
            continue
        fallback = max(1 if "needs_context" in rule else 0, rule.get("rank", 0))
        for word in rule.get("cue", []):
            before.setdefault(word[:CUE_KEY_CHARS], []).append(_Cue(order, rule, word, fallback))
            order += 1
        for word in rule.get("cue_after", []):
            after.setdefault(word[:CUE_KEY_CHARS], []).append(_Cue(order, rule, word, max(fallback, rule.get("after_rank", 0))))
            order += 1
    classes = next((r["exclusive"] for r in rules if r["topic"] == topic and "exclusive" in r), [])
    categories = tuple(w for r in rules if r["topic"] == topic and r.get("category") and not r.get("bare") for w in r["cue"])
    indexed = _TopicCues(classes, {k: tuple(v) for k, v in before.items()}, {k: tuple(v) for k, v in after.items()},
                         categories, any_word_pattern(w for words in classes for w in words) if classes else None)
    if len(_TOPIC_CUES) >= _TOPIC_CUES_MAX:
        _TOPIC_CUES.clear()
    _TOPIC_CUES[(id(rules), topic)] = (rules, indexed)
    return indexed


def _cues_in(text: str, index: dict[str, tuple[_Cue, ...]]) -> list[_Cue]:
    """Given text and cues by their first two characters, return the cues that may occur in it: those keyed by a
    character or an adjacent pair it prints (an empty cue always may). Each key is sought in the text, in C: the words
    before a figure are mostly a few characters or none, cheaper to search than to cut into pairs and hash. An empty
    text prints only the empty key: its cues are had without trying the others."""
    if not text:
        return list(index.get("", ()))
    return [cue for key in index if key in text for cue in index[key]]


def _choose_rule(text: str, fig: Figure, local_start: int, sentence: tuple[int, int], clause_end: int,
                 topic: str, rules: list[dict[str, Any]], list_start: int, report_year: int | None = None,
                 whole_marks: tuple[str, ...] = (), joined_count: re.Pattern[str] | None = None,
                 after_category: bool = False) -> _Link | None:
    """Given a figure and its topic (and the report year, which names the year before in a carry; and the marks
    that make a figure right before them a whole, and the count of a case topic joined after a count of the figure's
    own noun, whose predicate they share; and whether the sentence's count before it was read as a category), return the reading of the cue nearest to it (a longer cue on a
    tie), made as specific as the words before the figure allow; None when no cue of the topic is near."""
    cues = _topic_cues(rules, topic)
    listed = text[min(list_start, local_start):fig.start]
    # most words before a figure name no applicant: the classes are counted only where one is printed
    several = cues.any_class is not None and cues.any_class.search(listed) is not None \
        and classes_named(listed, cues.classes) > 1
    if several:
        local_start = min(list_start, local_start)  # 收到自然人、法人或其他组织的申请: the list is one noun phrase
    local = text[local_start:fig.start]
    right = _NEXT_NUMBER.split(text[fig.end:clause_end], maxsplit=1)[0]  # words after the next figure are its own
    right_plain = _OPEN_PARENTHESIS.split(right, maxsplit=1)[0]  # a parenthesis after it is for switch_after only
    if whole_marks and text.startswith(whole_marks, fig.end):
        right_plain = ""  # 办结的82件中予以公开的11件: the words after the whole name its part, the next figure's
    context: list[str] = []  # the sentence's words before the figure, parentheses cut: made when a rule needs them

    def context_left() -> str:
        if not context:
            context.append(_PARENTHESIS.sub("", text[sentence[0]:fig.start]))
        return context[0]

    allowed: dict[int, bool] = {}  # id(rule) -> whether the rule applies to this figure at all

    def applies(rule: dict[str, Any]) -> bool:
        key = id(rule)
        if key not in allowed:
            allowed[key] = not (
                ("needs_context" in rule and not any(w in context_left() for w in rule["needs_context"]))
                or ("exclusive" in rule and several)  # 自然人、法人或其他组织申请17件 names every applicant: no single class
                or fig.unit in rule.get("not_units", ())  # 行政许可16项 in 2019: items, not decisions
                or (rule.get("after_category") and not after_category)  # 网上申请6件，其他4件: no disposition's list
                # 收到申请6份，依申请公开3次: after another figure the topic alone says not which count
                or (rule.get("bare", {}).get("first") and list_start > sentence[0]))
        return allowed[key]

    # (fallback, distance, -length, scan order) -> (cue start, rule, after end)
    found: dict[tuple[int, int, int, int], tuple[int, dict[str, Any], int]] = {}
    attributive: list[tuple[int, int, int, int]] = []  # 受理的37件申请件已予以答复: the verb in 的 only qualifies the figure
    for cue in _cues_in(local, cues.before):
        i = local.rfind(cue.word)
        if i < 0:
            continue
        if "helped_by" in cue.rule and applies(cue.rule) and _helped(local[:i], cue.rule):
            return None  # 指导各镇街办理申请30件: others' handling, overseen; no other cue makes it ours
        if "not_after" in cue.rule and (local[:i].endswith(tuple(cue.rule["not_after"]))
                                                   or local.startswith("信息", i + len(cue.word))):
            continue  # 关于企业的2件, 涉及企业信息的2件: what the requests are about, not who asked
        if applies(cue.rule) and (not cue.rule.get("bare") or _bare_topic(local, i, cue.word, cue.rule["bare"])):
            end = _absorbed_past_year(local, i + len(cue.word), cue)
            key = (cue.fallback, len(local) - end, i - end, cue.order)
            found[key] = (local_start + i, cue.rule, 0)
            if cue.rule.get("general") and local[i + len(cue.word):] == ATTRIBUTIVE:
                attributive.append(key)
    predicates = 0
    right_plain = _year_before_named(right_plain, report_year)  # 3件为2023年结转至本年度办理, in the 2024 report
    if joined_count is not None:
        right_plain += _shared_predicate(text, fig.end, right, cues, joined_count)
    for cue in _cues_in(right_plain, cues.after):
        j = right_plain.find(cue.word)
        if j >= 0 and _is_leaf(cue.rule) and _given_as_example(right_plain[j + len(cue.word):]):
            continue  # 其余4件因本机关不掌握等原因无法提供: an example of the grounds, the category's count
        if j >= 0 and applies(cue.rule):
            found[(cue.fallback, j, -len(cue.word), cue.order)] = (fig.start, cue.rule, fig.end + j + len(cue.word))
            predicates += 1
    if predicates:  # ... so the verb after the figure says what it counts
        for key in attributive:
            del found[key]
    if not found:
        return None
    rank = min(found)
    best = (rank[0], *found[rank])  # (fallback, cue start, rule, after end)
    if best[3]:
        best = _disposition_joined_after(best, text, fig.end + len(right_plain), topic, rules)
    next_item = fig.end + len(right) if len(right) < clause_end - fig.end else -1  # where the clause's next figure starts
    if not best[3] and _other_disposition_after(best[2], [v[1] for v in found.values() if v[2] and v[2] != next_item]):
        return None  # 不予公开1条内容本机关未制作: a disposition on each side of the count, which neither settles
    if not fig.implicit and _joined_to_another_disposition(best[2], text[min(list_start, local_start):best[1]], topic,
                                                           rules):
        return None  # 不予公开、无法提供4件: one count of two dispositions together, neither's own (无不予公开、无法提供
        # 等情形: a zero of each)
    if _after_a_category(best[2], local[:best[1] - local_start], cues.categories):
        category = _named_category(local[:best[1] - local_start], local, topic, rules)
        if category is None:
            return None
        best = (best[0], best[1], category, best[3])  # 本机关不掌握政府信息答复4条: that disposition's answers
    event = bool(best[2].get("event"))
    # a row named by its own words joined with 、 (逾期不补正、行政机关不再处理其政府信息公开申请) names its leaf before the 、
    rule = _most_specific(best[2], listed if best[2].get("leaves_in_list") else local)
    if _names_a_part_only(rule, listed, lambda: _period_around(text, fig)):
        return None  # 涉及商业秘密0件；涉及个人隐私0件: each a part of 保护第三方合法权益, neither its count
    switch = rule.get("switch_after")
    general, cue_end = bool(best[2].get("general")), best[1] - rank[2]
    yields = bool(best[2].get("yields_in_paragraph"))
    if switch and not _forward_kept_apart(text[fig.end:sentence[1]], switch):
        ahead = _NEXT_NUMBER.split(text[fig.end:sentence[1]], maxsplit=1)[0]  # up to the next figure of the sentence
        if report_year is not None:  # 共受理50件，其中结转2023年3件, in the 2024 report: 其中结转上年
            ahead = re.sub(rf"{report_year - 1}\s*年度?", "上年", ahead)
        opens_carried = {"words": switch.get("ahead", []), "not_after": switch.get("ahead_not_after", [])}
        if _says_carried_in(_CARRY_YEAR.sub("上年", right), switch) or _says_carried_in(ahead, opens_carried) \
                or _part_carried_in(text[fig.end:sentence[1]], switch):
            return _Link(switch["metric"], tuple(switch.get("alt", [])), best[1], best[3], bool(best[0]), event, general,
                         cue_end, yields)
        if _years_own_part_next(text[fig.end:sentence[1]], switch, report_year):
            return None  # 累计受理215件，其中本年度12件: the year's own are a part of it, the rest earlier years'
        forward = switch.get("forward")
        if forward and _holds_carried_forward(text[fig.end:sentence[1]], forward, switch, report_year):
            return _Link(forward["metric"], tuple(forward.get("alt", [])), best[1], best[3], bool(best[0]), event,
                         general, cue_end, yields)
        answered = switch.get("answered")
        rest = _year_before_named(text[fig.end:sentence[1]], report_year)  # 办理6件，2022年结转1件, in the 2023 report
        pool = _fewer_answered_after(rest, fig.value, answered) if answered else False
        if pool is None:
            return None
        if pool:
            return _Link(answered["metric"], tuple(answered.get("alt", [])), best[1], best[3], bool(best[0]), event,
                         general, cue_end, yields)
    return _Link(rule["metric"], tuple(rule.get("alt", [])), best[1], best[3], bool(best[0]), event, general, cue_end,
                 yields)


def _is_leaf(rule: dict[str, Any]) -> bool:
    """Given a cue rule, return whether it is a leaf of a disposition category (a node keeps its leaves)."""
    return bool(rule.get("category")) and "leaves" not in rule


def _shared_predicate(text: str, fig_end: int, right: str, cues: _TopicCues, joined_count: re.Pattern[str]) -> str:
    """Given a figure, the words after it up to the next figure or the end of its list item, its topic's cues and the
    pattern of a count of a case topic with its noun after it, return the words the list's next count says of both
    when the figure's words are only its topic's noun, joined to such a count (37件行政复议、8件行政诉讼尚未审结: both
    still pending), else ''."""
    noun = right.rstrip(COORDINATORS)
    joined = fig_end + len(noun)
    if len(noun) < 2 or not text.startswith(tuple(COORDINATORS), joined) or not any(
            cue.word == noun and cue.fallback for cue in cues.after.get(noun[:CUE_KEY_CHARS], ())):
        return ""
    nxt = joined_count.match(text, joined + 1)
    if nxt is None:
        return ""
    end = min((k for k in (text.find(c, nxt.end(), nxt.end() + SENTENCE_WINDOW_CHARS) for c in "，,；;。、\n") if k >= 0),
              default=nxt.end())
    return COORDINATORS[0] + text[nxt.end():end]


def _holds_carried_forward(after: str, forward: dict[str, Any], switch: dict[str, Any], report_year: int | None) -> bool:
    """Given the words after a handled count to its sentence end, return whether the parenthesis right after it
    (办理申请96宗（结转下年度继续办理1宗）; （其中2件正在办理）) or a breakdown opening right after it (共办理1078件，其中
    结转下年度继续办理36件; 其中答复46件，结转至2024年办理4件 in the 2023 report) names some carried on into the next
    year: all the year had on hand, answered or not. Not when it puts them besides the count (其中予以公开40件，另有4件
    结转下年度办理)."""
    after = after.lstrip()
    if after.startswith(("（", "(")):
        part = re.split(r"[）)]", after, maxsplit=1)[0]
    elif after.lstrip(CLAUSE_OPENING_MARKS).startswith(tuple(forward["opening"])):
        part = after.lstrip(CLAUSE_OPENING_MARKS)
    else:
        return False
    if report_year is not None:
        part = re.sub(rf"{report_year + 1}\s*年度?", "下年度", part)
    at = min((i for w in forward["words"] for i in [part.find(w)] if i >= 0), default=-1)
    return at >= 0 and not any(w in part[:at] for w in switch.get("apart", {}).get("words", ()))


def _year_before_named(words: str, report_year: int | None) -> str:
    """Given words near a figure and the report year, return them with the year before named by its number before a
    carry word (2023年结转, 2023年度结转 in the 2024 report) written 上年, every offset kept."""
    if report_year is None or str(report_year - 1) not in words:
        return words
    return re.sub(rf"{report_year - 1}\s*年(?=度?结转)", lambda m: "上年".rjust(len(m.group())), words)


_CLAUSE_MARK = re.compile(r"[，,；;]")
_LEADING_NUMBER = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)")


def _fewer_answered_after(after: str, value: float, answered: dict[str, Any]) -> bool | None:
    """Given the words after a handled count to its sentence end, the count and the answered words, return whether a
    later clause opens with the answered and a count smaller than it (共办理申请6件，与去年相比减少3件，办结数5件; 办理12件，
    其中答复10件): two counts of one year's answered cannot differ, so the handled count is the pool they came from.
    None when a clause before that one names the carried-in apart (办理申请6件，上年结转1件，办结5件): the count may then be
    the new ones, and no reading is sure."""
    carried_apart = False
    for clause in _CLAUSE_MARK.split(after)[1:]:
        clause = clause.lstrip(CLAUSE_OPENING_MARKS)
        clause = clause[len(next((w for w in answered["opening"] if clause.startswith(w)), "")):]
        word = next((w for w in sorted(answered["words"], key=len, reverse=True) if clause.startswith(w)), None)
        if word is None:
            carried_apart = carried_apart or any(w in clause for w in answered["carried_apart"])
            continue
        rest = clause[len(word):]
        rest = rest[len(next((g for g in sorted(answered["gaps"], key=len, reverse=True) if rest.startswith(g)), "")):]
        number = _LEADING_NUMBER.match(rest)
        if number and float(number.group(1)) < value:
            return None if carried_apart else True
    return False


def _forward_kept_apart(after: str, switch: dict[str, Any]) -> bool:
    """Given the words after a figure to its sentence end, return whether the parenthesis right after it names requests
    carried on into the next year besides the count (（含上年度结转57件，另有52件申请顺延到下年度答复）): a count
    that leaves out some the year had on hand is no pool, whatever carry-in it holds."""
    apart = switch.get("apart")
    after = after.lstrip()
    if not apart or not after.startswith(("（", "(")):
        return False
    inner = re.split(r"[）)]", after, maxsplit=1)[0]
    return any(w in inner and any(f in inner[inner.find(w):] for f in apart["forward"]) for w in apart["words"])


def _says_carried_in(right: str, switch: dict[str, Any]) -> bool:
    """Given the words after a figure, return whether they say it holds the requests carried in (含上年结转3件), not
    that it leaves them out (不含上年结转5件: a `not_after` word right before the switch word)."""
    negators = tuple(switch.get("not_after", ()))
    return any(not right[:i].endswith(negators)
               for w in switch["words"] for i in (m.start() for m in re.finditer(re.escape(w), right)))


def _part_carried_in(after: str, switch: dict[str, Any]) -> bool:
    """Given the words after a figure to its sentence end, return whether a breakdown opening next names a part of
    it carried in from the year before by the words after that part's figure (共受理455件，其中4件来自上一年度结转)."""
    part = switch.get("part_after")
    number = _NEXT_NUMBER.search(after)
    if not part or number is None or not after[:number.start()].strip(CLAUSE_OPENING_MARKS).endswith(tuple(part["opening"])):
        return False
    clause = _CLAUSE_END.split(after[number.start():], maxsplit=1)[0]
    return any(w in clause for w in part["words"])


def _years_own_part_next(after: str, switch: dict[str, Any], report_year: int | None) -> bool:
    """Given the words after a count to its sentence end, return whether the next clause names the report year's own
    requests, as a part of it or beside it (共受理申请30件，其中今年受理25件; 截至目前共受理592件，2023年受理60件): the
    count holds other years' too."""
    part = switch.get("year_part")
    number = _NEXT_NUMBER.search(after)
    if not part or number is None or _DATE_NUMBER.match(after, number.start()):
        return False  # 其中今年12月收到2件: a month's, no part named by the year
    lead = after[:number.start()].strip(CLAUSE_OPENING_MARKS)
    opening = next((w for w in part["opening"] if lead.startswith(w)), None)
    if opening is None:
        return False
    lead = lead[len(opening):]
    years = (*part["words"], *((f"{report_year}年度", f"{report_year}年") if report_year is not None else ()))
    year = next((w for w in sorted(years, key=len, reverse=True) if lead.startswith(w)), None)
    return year is not None and lead[len(year):].strip(CLAUSE_OPENING_MARKS).removesuffix("的") in ("", *part["verbs"])


def _absorbed_past_year(local: str, end: int, cue: _Cue) -> int:
    """Given a cue's end in the words before a figure, return where the cue ends with the verb it absorbs when the cue
    opens a year the verb follows (结转至2024年答复1件: the carry, as 结转下年答复 is; not an answered count), else its end."""
    if not cue.word.endswith(YEAR_OPENING) or not cue.rule.get("absorbs"):
        return end
    if _YEAR_AT_CUE.search(local, 0, end - len(cue.word)):
        return end  # read relative to the report year where the two years are its own (_carried_between_years), else unread
    year = _YEAR_REST.match(local, end)
    verb = next((v for v in cue.rule["absorbs"] if year and local.startswith(v, year.end())), None)
    return year.end() + len(verb) if year and verb else end


def _helped(before_cue: str, rule: dict[str, Any]) -> bool:
    """Given the words of a clause before an event verb, return whether a helper verb there makes the event someone
    else's (指导各镇街办理, 参与制定), not as the circumstance of the body's own act (在上级指导下: a word before the
    helper opening its phrase, a word after it closing it)."""
    if "helped_by" not in rule:  # most rules: no helper verb to look for
        return False
    if any_word(rule["helped_by"]).search(before_cue) is None:  # most clauses: no helper verb in them
        return False
    exempt, inside = rule.get("helped_exempt_before", ()), rule.get("helped_exempt_inside", ())
    closing = rule.get("helped_exempt_closing")
    return any(i >= 0 and not (any(w in before_cue[:i] for w in exempt)
                               and (closing is None or _closed(before_cue[i + len(h):], closing)))
               and not any(before_cue.startswith(w, j) for w in inside for j in range(max(0, i - len(w) + 1), i))
               for h in rule.get("helped_by", ()) for i in [before_cue.rfind(h)])


def _closed(after_helper: str, closing: dict[str, list[str]]) -> bool:
    """Given the words between a helper and its event verb, return whether a closing word ends the helper's phrase
    there (指导下, 的指导和帮助下; not 下属单位, 下级)."""
    for word in closing["words"]:
        k = after_helper.find(word)
        while k >= 0:
            if not after_helper.startswith(tuple(closing["not_before"]), k + len(word)):
                return True
            k = after_helper.find(word, k + 1)
    return False


def _bare_topic(local: str, i: int, cue: str, bare: dict[str, list[str]]) -> bool:
    """Given a topic word at i in the words before a figure, return whether it names the figure by itself: only
    gap words stand between them (申请数量12件, 依申请公开政府信息共4件), and no modifier ending in 的 narrows it
    (涉及城建领域的申请5件 counts some requests)."""
    if local[:i].endswith(tuple(bare["not_after"])):
        return False
    if "only_after" in bare and local[:i].strip(CLAUSE_OPENING_MARKS) not in ("", *bare["only_after"]):
        return False  # 及时公开12个: the word must open its clause (公开3件; 其中公开1起)
    pos, end, gaps = i + len(cue), len(local), sorted(bare["gaps"], key=len, reverse=True)
    while pos < end:
        gap = next((g for g in gaps if local.startswith(g, pos)), None)
        if gap is None:
            return False
        pos += len(gap)
    return True


def _disposition_joined_after(best: tuple[int, int, dict[str, Any], int], text: str, stop: int, topic: str,
                              rules: list[dict[str, Any]]) -> tuple[int, int, dict[str, Any], int]:
    """Given the reading of a verb after a figure, the text, where the figure's own words after it stop, the topic and
    its rules, return the reading of a disposition joined right after the verb (其中1件已答复并予以公开: those answers
    disclosed, the disposition's count), else the verb's own: a verb that yields to a disposition named before it
    yields to one joined after it too. The longest disposition's words name it (予以公开或部分公开 is both); a
    parenthesis after them (予以公开（含部分公开）) may widen it, so the verb's reading stays."""
    tail = text[best[3]:stop]
    joiner = max((j for j in best[2].get("disposition_joiners", ()) if tail.startswith(j)), key=len, default=None)
    if joiner is None:
        return best
    tail = tail[len(joiner):]
    joined = [(len(w), rule) for rule in rules if rule["topic"] == topic and rule.get("category") and not rule.get("bare")
              for w in rule["cue"] if tail.startswith(w)]
    if not joined:
        return best
    length, rule = max(joined, key=lambda j: j[0])
    end = best[3] + len(joiner) + length
    if text.startswith(("（", "("), end):
        return best
    return best[0], best[1], rule, end


def _other_disposition_after(rule: dict[str, Any], after: list[dict[str, Any]]) -> bool:
    """Given the disposition read before a figure and the cue rules read after it in its clause (not the next
    figure's own cue: 予以公开3件部分公开2件), return whether one of those names another disposition, neither the rule,
    a leaf of it nor its node: the count sits between two dispositions, the one before perhaps closing the item before
    it (3条涉及经济安全，不予公开1条内容本机关未制作，也未保存无法提供)."""
    if not rule.get("category"):
        return False
    family = {rule["metric"], *(leaf["metric"] for leaf in rule.get("leaves", []))}
    return any(other.get("category") and other["metric"] not in family
               and rule["metric"] not in {leaf["metric"] for leaf in other.get("leaves", [])} for other in after)


def _family(rule: dict[str, Any]) -> set[str]:
    """Given a disposition rule, return the metrics of it and its leaves."""
    return {rule["metric"], *(leaf["metric"] for leaf in rule.get("leaves", []))}


def _joined_to_another_disposition(rule: dict[str, Any], before_cue: str, topic: str,
                                   rules: list[dict[str, Any]]) -> bool:
    """Given the disposition read before a figure, the words before its cue, the topic and the cue rules, return
    whether another disposition, neither the rule's node nor one of its leaves, is joined right before the cue by a
    conjunction (不予公开、无法提供4件, 不予处理和其他处理3件): the one count is of both together. A respective list
    (不予公开、无法提供分别为2件、4件) is read by its order elsewhere."""
    joined = _DISPOSITIONS_JOINED.search(before_cue)
    if not rule.get("category") or joined is None or "分别" in before_cue:
        return False
    head = before_cue[:joined.start()]
    return any(other["topic"] == topic and other.get("category") and not other.get("bare")
               and other["metric"] not in _family(rule) and rule["metric"] not in _family(other)
               and head.endswith(tuple(other["cue"])) for other in rules)


def _after_a_category(rule: dict[str, Any], before_cue: str, categories: tuple[str, ...]) -> bool:
    """Given the chosen rule, the words before its cue and the cues of the topic's dispositions, return whether the
    rule yields to a disposition named there (无对应信息等情形答复8件 counts some dispositions' answers, not all
    answers)."""
    return bool(rule.get("yields_to_categories")) and any(w in before_cue for w in categories)


def _named_category(before_cue: str, local: str, topic: str, rules: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Given the words before an answer verb that yields to a disposition and the words before the figure, return the
    rule of the disposition named nearest before the verb, or None when a 等 after its words makes them examples of
    an extent they do not fix (无对应信息等情形答复8件)."""
    named = [(i + len(w), len(w), r) for r in rules if r["topic"] == topic and r.get("category") and not r.get("bare")
             for w in r["cue"] if (i := before_cue.rfind(w)) >= 0]
    if not named:
        return None
    end, _, rule = max(named, key=lambda n: (n[0], n[1]))
    return None if "等" in local[end:] else rule


def _most_specific(rule: dict[str, Any], local: str) -> dict[str, Any]:
    """Given the chosen rule and the words before the figure, return the one leaf of its category that those words
    name (属于三类内部事务信息不予公开的1件 is 内部事务, not 不予公开), else the rule itself."""
    named = [leaf for leaf in rule.get("leaves", []) if any(w in local and _names_leaf(local, w) for w in leaf["words"])]
    return named[0] if len(named) == 1 else rule


def _names_a_part_only(rule: dict[str, Any], local: str, period: Callable[[], str]) -> bool:
    """Given the chosen rule, the words before the figure and the period around it (read only when needed), return whether they count a part
    of the rule apart: the words name it only by some of its `parts`, none of its words for the whole, and the period
    names the others as items of their own (涉及商业秘密1件；涉及个人隐私2件: each some of 保护第三方合法权益). A part
    named alone in its period (因涉及个人隐私不予公开2件) stands for its leaf."""
    parts = rule.get("parts", [])
    if not parts or any(_names_leaf(local, w) for w in rule["words"] if w not in parts):
        return False
    named = [w for w in parts if _names_leaf(local, w)]
    return 0 < len(named) < len(parts) and all(w in period() for w in parts)


def _period_around(text: str, fig: Figure) -> str:
    """Given a figure, return the text of its period: from the last 。 or line break before it to the next after it,
    at most SENTENCE_WINDOW_CHARS each side (a text without them is read in windows, so linking stays linear)."""
    low, high = max(0, fig.start - SENTENCE_WINDOW_CHARS), fig.end + SENTENCE_WINDOW_CHARS
    start = max(low, text.rfind("。", low, fig.start) + 1, text.rfind("\n", low, fig.start) + 1)
    ends = [i for i in (text.find("。", fig.end, high), text.find("\n", fig.end, high)) if i >= 0]
    return text[start:min(ends, default=min(high, len(text)))]


def _names_leaf(local: str, word: str) -> bool:
    """Given the words before a figure, return whether they name the leaf word itself, not as one example of a
    wider set: a 等 after it in its clause (因本机关不掌握等原因无法提供, 因本机关不掌握相关情况等无法提供, 信访举报投诉类
    申请及重复申请等不予处理 are every 无法提供, every 不予处理)."""
    i = local.rfind(word)
    return i >= 0 and not _given_as_example(local[i + len(word):])


def _given_as_example(tail: str) -> bool:
    """Given the words after a category's word, return whether a 等 in their clause makes it one example of a wider
    set (本机关不掌握等原因: every 无法提供)."""
    clause_end = _CLAUSE_END.search(tail)
    return _EXAMPLE_MARK.search(tail[:clause_end.start() if clause_end else len(tail)]) is not None


@dataclass(frozen=True)
class _Vetoes:
    """A topic's veto grammar, compiled: the phrases masked before vetoes are sought (veto_exempt and the topic's
    case nouns) and whether any occurs, with the verbs that cut a phrase into no name; the one-character vetoes (whole
    tokens only) and the longer ones."""

    masks: tuple[str, ...]
    cut_by: tuple[str, ...]
    any_mask: re.Pattern[str] | None
    tokens: frozenset[str]
    words: re.Pattern[str] | None
    clause: re.Pattern[str] | None  # any clause veto word (the spec's, the same for every topic)


def _any_of(words: list[str]) -> re.Pattern[str] | None:
    """Given words, return a pattern finding whether any of them is printed (None for no words: nothing to find)."""
    return any_word_pattern(words) if words else None


_VETOES: dict[tuple[int, str], tuple[Spec, _Vetoes]] = {}


def _vetoes(spec: Spec, topic: str) -> _Vetoes:
    """Given the spec and a topic, return its vetoes compiled, once per spec and topic."""
    hit = _VETOES.get((id(spec), topic))
    if hit is None or hit[0] is not spec:
        masks = [*spec.veto_exempt, *spec.topic_nouns.get(topic, ())]
        vetoes = [*spec.veto_words, *spec.topic_vetoes.get(topic, ())]
        compiled = _Vetoes(tuple(masks), tuple(spec.veto_exempt_cut_by), _any_of(masks),
                           frozenset(v for v in vetoes if len(v) == 1),
                           _any_of([v for v in vetoes if len(v) != 1]), _any_of(spec.clause_veto_words))
        if len(_VETOES) >= _TOPIC_CUES_MAX:
            _VETOES.clear()
        hit = _VETOES[(id(spec), topic)] = (spec, compiled)
    return hit[1]


def _vetoed_words(text: str, vetoes: _Vetoes) -> bool:
    """Given words near a figure (its cue region) and the topic's vetoes, return whether a veto stands in them: a
    longer veto anywhere, a one-character one as a word of its own. The masked phrases are not searched."""
    if vetoes.any_mask is not None and vetoes.any_mask.search(text):
        text = _names_masked(text, vetoes.masks, vetoes.cut_by)
    if vetoes.words is not None and vetoes.words.search(text):
        return True
    return bool(vetoes.tokens) and not vetoes.tokens.isdisjoint(tokens_of(text))


_NEXT_IN_LIST = re.compile(r"\s*(?:、|和|及|与|，|,)\s*[0-9０-９]")


def _handed_out_in_order(text: str, fig: Figure, link: _Link, local_start: int, spec: Spec) -> bool:
    """Given a linked figure and its clause start, return whether a respective word hands it out with others in
    order: past the cue before it (收到、办结申请分别为12件、10件), or before a cue that figures listed right after it
    share (区人社局、区住建局分别受理申请20件、15件). A cue of each figure's own after it (分别来自自然人10件、法人2件)
    is no such list."""
    if not link.cue_end or not spec.respective_words:
        return False
    if any_word(spec.respective_words).search(text[link.cue_start:fig.start]):
        return True
    return any_word(spec.respective_words).search(text[local_start:link.cue_start]) is not None \
        and bool(_NEXT_IN_LIST.match(text, fig.end))


_LIST_ITEM = re.compile(r"[0-9０-９][0-9０-９.．]*[^0-9０-９、，,；;。和及与]{0,3}")
_LIST_MARK = re.compile(r"、|和|及|与|，|,")
_CLAUSE_OPENING = re.compile(r"[，,。；;：:\n]")


def _figures_after(text: str, start: int) -> list[int]:
    """Given where a list of figures begins (12件、10件和3件), return the start of each figure in it."""
    starts: list[int] = []
    while (item := _LIST_ITEM.match(text, start)) is not None:
        starts.append(item.start())
        mark = _LIST_MARK.match(text, item.end())
        if mark is None:
            break
        start = mark.end()
    return starts


def _read_in_order(text: str, fig: Figure, sentence: tuple[int, int], rules: list[dict[str, Any]],
                   report_year: int | None, spec: Spec) -> tuple[str, _Link] | None:
    """Given a figure of a list handed out by a respective word right after a list of subjects (予以公开、部分公开、
    不予公开分别为3件、2件、4件; 行政许可、行政处罚决定数量分别为20件、30件), return its topic and the reading of the
    subject in its place when the lists are as long as each other and that subject reads as one metric of one topic
    alone, by more than a general verb; else None. The subjects are the clause's words before the respective word, split at list marks."""
    respective_word = any_word(spec.respective_words)
    if not spec.respective_words or respective_word.search(text, sentence[0], fig.start) is None:
        return None  # most sentences hand nothing out: one scan in C before any clause is sought
    opening = max(_CLAUSE_OPENING.finditer(text, sentence[0], fig.start), key=lambda m: m.end(), default=None)
    clause_start = opening.end() if opening is not None else sentence[0]
    respective = max(respective_word.finditer(text, clause_start, fig.start), key=lambda m: m.end(), default=None)
    if respective is None:
        return None
    listed_from = respective.end() + next((len(w) for w in spec.respective_copulas
                                           if text.startswith(w, respective.end())), 0)
    figures = _figures_after(text, listed_from)
    if fig.start not in figures:
        return None
    parts = [(m.start(), m.end()) for m in re.finditer(f"[^{LIST_JOINERS}]+", text[clause_start:respective.start()])]
    if len(parts) != len(figures) or len(parts) < 2:
        return None
    start, end = parts[figures.index(fig.start)]
    subject = text[clause_start + start:clause_start + end]
    probe_text = subject + fig.raw
    probe = Figure(fig.value, fig.unit, fig.approx, len(subject), len(probe_text), fig.raw)
    readings = {}
    for topic in dict.fromkeys(r["topic"] for r in rules):
        link = _choose_rule(probe_text, probe, 0, (0, len(probe_text)), len(probe_text), topic, rules, 0, report_year)
        # a verb any business uses (收到、办结申请分别为…) names no topic of its own: the object after the list is
        # shared, and whether it is the requests' the grammar does not read
        if link is not None and not link.fallback and not link.general and _unit_fits(topic, fig.unit, spec):
            readings[link.metric] = (topic, link)
    if len(readings) != 1:
        return None
    topic, link = next(iter(readings.values()))
    return topic, replace(link, cue_start=clause_start + start + link.cue_start, cue_end=fig.start, after_end=0)


def _street_names_masked(text: str, spec: Spec) -> str:
    """Given words before a figure or a zero, return them with a street named after a town blanked (安镇街道: its 镇街
    is no towns and streets taken together), unless a word gathering places stands right before it (乡镇街道)."""
    names = spec.zeros["street_names"]
    for word in names["words"]:
        k = text.find(word)
        while k >= 0:
            if k > 0 and not text.startswith(tuple(names["gathered_after"]), k - 1):
                text = text[:k] + "\u3000" * len(word) + text[k + len(word):]
            k = text.find(word, k + len(word))
    return text


def _towns_after_departments_masked(text: str, spec: Spec) -> str:
    """Given words before a figure, return them with towns blanked where they are listed right after every department
    (全区各部门、各乡镇: the whole area together, no towns taken apart), not after departments of one level (区直)."""
    listed = spec.zeros["towns_after_departments"]
    if not any_word(listed["departments"]).search(text):  # most clauses: no department word, nothing to blank
        return text
    for department in listed["departments"]:
        for joiner in listed["joiners"]:
            for towns in listed["towns"]:
                k = text.find(department + joiner + towns)
                while k >= 0:
                    end = k + len(department + joiner + towns)
                    if k == 0 or text[k - 1] not in listed["not_after"]:
                        text = text[:end - len(towns)] + "\u3000" * len(towns) + text[end:]
                    k = text.find(department + joiner + towns, end)
    return text


def _continued_from(text: str, start: int, spec: Spec) -> int:
    """Given where a clause starts, return where it starts once a line broken inside its list is joined back: a line
    opening with a coordinator (和政府信息公开申请共40件) goes on the clause the line before ends with (全年收到群众来信)."""
    if start == 0 or text[start - 1] != "\n" or not text.startswith(tuple(COORDINATORS), start) \
            or text.startswith(tuple(spec.not_joining), start):
        return start
    line_start = text.rfind("\n", 0, start - 1) + 1
    return max(line_start, max(text.rfind(p, line_start, start - 1) for p in "，,。；;：:！？!?") + 1)


# marks a clause may open after: a local start right after none of them is the end of a figure before in the clause
_CLAUSE_MARKS = "，,。；;：:、\n（）()"


def _vetoed(text: str, fig: Figure, link: _Link, local_start: int, sentence: tuple[int, int], topic: str,
            spec: Spec, read_in_order: bool = False) -> bool:
    """Given a linked figure, its sentence and its topic (and whether a respective list was read in order), return whether a veto word (or one of the topic's) near its
    cue (before it, or between it and a cue after it) makes it another quantity, or a word of timeliness (按时办结)
    makes it the part answered in time of a sentence that counts late ones too."""
    link_start = link.cue_start
    window = _every_channel_masked(text, local_start, fig.start, sentence, spec)[max(0, link_start - 6 - local_start):]
    if link.after_end:
        window += "\u3000" + text[fig.end:link.after_end]
    if any_word(spec.timely_words).search(window) \
            and any(w in _masked(text[sentence[0]:sentence[1]], spec.veto_exempt) for w in spec.late_words):
        return True  # 按时办结9件，延期办结1件 (逾期未补正 is the applicant's lateness, not the body's)
    if _BROADER.search(text[local_start:fig.start]):
        return True
    vetoes = _vetoes(spec, topic)
    clause_from = _continued_from(text, local_start, spec)
    # a list's clause may open after 、: the departments before it are read with the sentence's words
    listed = _towns_after_departments_masked(text[min(sentence[0], clause_from):fig.start], spec)
    clause = _street_names_masked(listed[clause_from - min(sentence[0], clause_from):], spec)
    if vetoes.any_mask is not None and vetoes.any_mask.search(clause):
        clause = _names_masked(clause, vetoes.masks, vetoes.cut_by)
    if vetoes.clause is not None and vetoes.clause.search(clause):
        return True  # 政务服务大厅共受理申请事项3000件: another service's count
    if _topic_clause_vetoed(clause, topic, spec):
        return True  # 审理政府信息公开类行政复议案件45件: the review organ's cases
    if _planned(spec).search(clause):
        return True  # 计划收到申请12件, 拟共制发规范性文件3件: a count planned, not done
    if text.startswith(tuple(spec.counted_nouns), fig.end):
        return True  # 收到的申请涉及12个领域: the figure counts the noun after it
    if local_start > sentence[0] and text[local_start - 1] not in _CLAUSE_MARKS \
            and text.startswith(tuple(spec.counted_bodies), local_start):
        return True  # 托管的3个镇共收到申请6件: the figure right before counts bodies, and this is theirs together
    if any_word(spec.zeros["rate_words"]).search(text[link.cue_end or link_start:fig.start]):
        return True  # 行政诉讼败诉率为0, 办结率为100: a rate after the cue, not a count
    if not read_in_order and _handed_out_in_order(text, fig, link, local_start, spec):
        return True  # 收到、办结申请分别为12件、10件: which listed verb is the figure's, the order says
    if link.cue_end and _heads_another_noun(text[link.cue_end:fig.start], topic, spec):
        return True  # 规范性文件的通知公告38份: the figure counts the notices its topic only qualifies
    if fig.unit in spec.loose_units and any(n in text[link_start:fig.start] for n in spec.counted_nouns):
        return True  # 没有收到申请的单位有5个: a bare classifier counts the noun before it
    return _vetoed_words(window, vetoes)


_LISTED_AFTER_A_FIGURE = re.compile(r"[0-9０-９][^0-9０-９，,；;：:、]{0,3}、$")


def _subject_before_the_list(text: str, clause_start: int, local_start: int, sentence: tuple[int, int],
                             spec: Spec) -> bool:
    """Given a figure's clause start and where its own words start (past a figure before it in the clause), return
    whether a word saying whose count the clause states or per what (clause_subject_veto_words: the bodies taken
    together, an average) or a plan before its act (plan_words) stands before that earlier figure: it is the subject
    of every figure the clause lists (县直部门产生行政复议13件和行政诉讼1件, 月均办结的82件中予以公开的11件, 计划产生
    行政复议2件和行政诉讼1件)."""
    if local_start == clause_start and _LISTED_AFTER_A_FIGURE.search(text, sentence[0], clause_start):
        clause_start = max(sentence[0], *(text.rfind(m, sentence[0], clause_start - 1) + 1 for m in "，,；;：:"))
    if local_start <= clause_start:  # 行政复议2件、行政诉讼1件: a list after 、 opens no clause of its own
        return False
    begin = min(sentence[0], clause_start)
    listed = _towns_after_departments_masked(text[begin:local_start], spec)  # 全区各部门、各乡镇: the whole area
    words = _masked(_street_names_masked(listed[clause_start - begin:], spec), spec.veto_exempt)
    return any(w in words for w in spec.clause_subject_veto_words) or bool(_planned(spec).search(words))


@per_spec
def _acts(spec: Spec) -> re.Pattern[str]:
    """Given the spec, return a pattern finding a verb of a body's act (zeros.verbs and act_verbs, two characters or
    more: 收到, 办理, 办结)."""
    return _alternation(tuple(v for v in (*spec.zeros["verbs"], *spec.act_verbs) if len(v) > 1))


@per_spec
def _planned(spec: Spec) -> re.Pattern[str]:
    """Given the spec, return a pattern finding a plan word right before an act, past total words only (计划收到,
    拟共制发); a pattern finding nothing when the spec lists no plan words."""
    plan = spec.plan_words
    if not plan.get("words"):
        return re.compile(r"(?!)")
    return re.compile(f"(?:{_alternation(tuple(plan['words'])).pattern})"
                      f"(?:{_alternation(tuple(plan.get('gaps', ()))).pattern})*(?:{_acts(spec).pattern})")


def _subject(text: str, clause_start: int, cue_start: int, topic: str, spec: Spec) -> str:
    """Given a text, a figure's clause start, its cue's start and its topic, return the words that may name whose
    count it is: past a label's colon (受理申请情况：2023年区人社局收到…), up to the first act (区人社局办理行政许可…),
    unless the topic's cases are acted on by the organ deciding them (市人民法院受理…行政诉讼2件: the body's suits)."""
    start = max(clause_start, *(text.rfind(mark, clause_start, cue_start) + 1 for mark in "：:"))
    words = text[start:max(start, cue_start)]
    if topic in spec.bodies.get("decided_topics", ()):
        return words
    act = _acts(spec).search(words)
    return words[:act.start()] if act and act.start() > 0 else words


def _topic_clause_vetoed(clause: str, topic: str, spec: Spec) -> bool:
    """Given the words of a figure's clause before it (veto_exempt phrases masked) and its topic, return whether one of
    the topic's clause vetoes stands before the last word of the topic there (审理…行政复议案件: the organ's)."""
    words = spec.topic_clause_vetoes.get(topic, ())
    if not words:  # most topics have none: their words need not be sought
        return False
    last = max((clause.rfind(w) for w in spec.topics.get(topic, ())), default=-1)
    return last > 0 and any(w in clause[:last] for w in words)


def _heads_another_noun(between: str, topic: str, spec: Spec) -> bool:
    """Given the words between a cue and its figure, return whether they end in a noun phrase in 的 whose head is
    another noun than the topic's (有关规范性文件的通知公告38份), which the figure then counts; gap words (的数量为,
    的政府信息, 的有) are no noun."""
    if ATTRIBUTIVE not in between:  # most figures: no phrase in 的 between the cue and them, no head to weigh
        return False
    ends = [between.rfind(w) + len(w) for w in spec.topics.get(topic, ()) if w in between]
    tail = between[max(ends, default=0):]
    return tail.startswith(ATTRIBUTIVE) and not _only_gaps(tail[len(ATTRIBUTIVE):], spec.head_gaps)


def _classifies_topic(text: str, fig: Figure, topic: str, spec: Spec) -> bool:
    """Given a figure and its topic, return whether its unit counts the topic: always, unless it is one of the topic's
    loose classifiers (项 for requests) that count whatever noun they follow; then a word of the topic must stand
    right before the figure (依申请公开事项1项) or right after it (1项依申请公开事项): 提交的材料10项 counts materials."""
    if fig.unit not in spec.topic_loose_units.get(topic, ()):
        return True
    words = spec.topics.get(topic, ())
    return any(text.find(w, max(0, fig.start - len(w) - LOOSE_UNIT_GAP_CHARS), fig.start) >= 0 for w in words) \
        or text.startswith(tuple(words), fig.end)


def _unit_fits(topic: str, unit: str, spec: Spec) -> bool:
    """Given a topic and a figure's unit, return whether the topic counts in that unit (申请21条 yes, 信息21条 no)."""
    return unit in spec.topic_units.get(topic, ())


def _scope_note(text: str, sentence: tuple[int, int], fig: Figure, spec: Spec) -> str | None:
    around = text[sentence[0]:min(len(text), sentence[1] + 12)]
    if not _scope_words(spec).search(around):
        return None  # most sentences name no scope: one pass instead of a search per word
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
    quoted = text[max(clause_start, fig.end - QUOTE_MAX_CHARS):fig.end]
    return (_LINE_BREAK.sub("", quoted) if "\n" in quoted else quoted).strip()  # most quotes are one line: no scan


def year_rules(view: TableView | None, spec: Spec, report_year: int | None) -> list[dict[str, Any]]:
    """Given the tables (or, without them, the report year), return the cue rules of the report's format."""
    if view is not None:
        return view.version.phrases
    if report_year is not None and report_year <= PRE2019_LAST_YEAR:
        return spec.pre2019_phrases
    return spec.versions[spec.version_for_year(report_year) if report_year is not None else "v2021"].phrases


def _sentence_vetoed(narrative: Narrative, sentence: tuple[int, int], end: int, spec: Spec, report_year: int | None,
                     above_zero: bool = False) -> bool:
    """Given a figure's sentence (and whether the figure is a count above zero), return whether its words make the
    figure something other than the year's table value: part of the year (上半年…), arithmetic on the figures (除去…),
    another year's figure, or (above zero) a count running to now or to a date from an earlier start."""
    text = narrative.plain
    left = text[sentence[0]:end]
    if _continues_the_one_before(text, sentence[0], spec) and sentence[0] > 0:  # 其中… goes on with the one before
        left = text[narrative.sentence_bounds(sentence[0] - 1)[0]:end]
    left = _carried_between_years(left, report_year, spec.carry_forward_words)
    vetoes = _sentence_veto_words(spec)  # blanking never makes a veto word: only a hit in the words is masked and redone
    if (vetoes.search(left) and vetoes.search(_masked(left, spec.veto_exempt))) or _part_of_year(left, report_year):
        return True
    if _since_another_start(left, report_year, spec.since_words, (), spec):
        return True
    if above_zero and (_since_another_start(left, report_year, spec.to_now_words["words"],
                                            tuple(spec.to_now_words["not_before"]), spec)
                       or _running_total(left, report_year, spec)):
        return True  # 至今共受理申请120件, 到2015年底累计受理120件: the year's among earlier years'
    # a span of years names 年 or a plan's 五 (十三五期间), another year 年: words naming neither skip the scans
    read = text[:end - len(left)] + left + text[end:]  # 上年度转至2025年 read as 上年转入本年, a carry and no other year
    if (("年" in left or "五" in left) and any(p.search(left) for p in _YEARS_SPANS)) or _names_previous_year(read, end - len(left), end, spec):
        return True
    if _last_year_set_against_this(left, text[sentence[0]:sentence[1]], spec):
        return True  # 去年收到申请8件，今年收到12件: the year before's
    if report_year is None or "年" not in left:
        return False
    # a parenthesis qualifies the figure before it: (较2021年减少3件) makes no later figure another year's
    # and a title (《2021年政府信息公开工作年度报告》) names a document, not the year of a figure
    plain_left = _TITLE.sub("", _PARENTHESIS.sub("", left))
    if any(int(m.group(1)) != report_year for m in _RANGE_FIRST_YEAR.finditer(plain_left)):
        return True  # 2021-2023年共收到申请58件: several years' count
    return _names_other_year(plain_left, report_year, spec.carry_words, tuple(spec.year_comparison_markers),
                             tuple(spec.carry_forward_words), tuple(spec.carry_source_words))


def _last_year_set_against_this(left: str, sentence: str, spec: Spec) -> bool:
    """Given the words of a sentence before a figure and the whole sentence, return whether the last year word before
    the figure is 去年 (not after a comparison marker: 比去年) in a sentence that names the report's own year too."""
    words = spec.contrasted_years
    if any_word(words["previous"]).search(left) is None:  # most figures: no 去年 before them, no last word to find
        return False
    last = max(((left.rfind(w), w) for w in (*words["previous"], *words["this"]) if w in left), default=(-1, ""))
    if last[1] not in words["previous"] or left[:last[0]].endswith(tuple(spec.comparison_markers)):
        return False
    return any(w in sentence for w in words["this"])


@per_spec
def _joined_case_count(spec: Spec) -> re.Pattern[str]:
    """Given the spec, return the pattern of a count of a topic with results (reviews, suits) and that topic's word
    right after it (8件行政诉讼)."""
    topics = spec.zeros["result_topics"]
    units = sorted({u for t in topics for u in spec.topic_units[t] if u}, key=len, reverse=True)
    words = sorted({w for t in topics for w in spec.topics[t]}, key=len, reverse=True)
    return re.compile(rf"[0-9０-９]+\s*(?:{'|'.join(map(re.escape, units))})\s*(?:{'|'.join(map(re.escape, words))})")


@per_spec
def _scope_words(spec: Spec) -> re.Pattern[str]:
    """Given the spec, return the pattern finding any of its scope words."""
    return _any_of(spec.scope_words) or re.compile("(?!)")


@per_spec
def _sentence_veto_words(spec: Spec) -> re.Pattern[str]:
    """Given the spec, return the pattern finding any of its sentence veto words (one pass, not one per word)."""
    return _any_of(spec.sentence_veto_words) or re.compile("(?!)")


def _part_of_year(text: str, report_year: int | None) -> bool:
    """Given text before a figure, return whether it names months short of the whole report year: a range ending
    before December (1-11月, 1月1日至11月30日, 截至11月底) or one month (12月份)."""
    if "月" not in text:  # every form of it names a month: most figures' words skip the three searches
        return False
    for pattern in (_MONTH_RANGE, _UNTIL_MONTH):
        for match in pattern.finditer(text):
            year = match.group(1)
            if int(match.group(2)) < LAST_MONTH and (year is None or report_year is None or int(year) == report_year):
                return True
    return _ONE_MONTH.search(text) is not None


def _names_previous_year(text: str, start: int, end: int, spec: Spec) -> bool:
    """Given the text and where the words before a figure start and end, return whether they name the year before
    the report's by a relative word (上年度收到申请30件), other than to carry requests between the years (the carry
    word may follow the figure's start: 上年无结转) or to compare with it. A carry word is read only before the
    year word's first count (上年办结34件，转结下年度0件: the year before's answered, a carry of its own after it)."""
    words, carry, carry_words, markers = _previous_year_words(spec)
    for match in words.finditer(text, start, end):
        before = text[max(start, match.start() - 2):match.start()]
        after = text[match.end():match.end() + PREVIOUS_YEAR_REACH]
        after = after[:next((i for i, ch in enumerate(after) if ch.isdigit()), len(after))]
        if any(w in after for w in carry) or before.endswith(carry_words) or before.endswith(markers):
            continue
        return True
    return False


@per_spec
def _previous_year_words(spec: Spec) -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Given the spec, return what _names_previous_year reads of it, made once: the pattern finding a previous-year
    word, the words carrying requests between the years (either list), the carry words and the comparison markers."""
    return (_alternation(tuple(spec.previous_year_words)), (*spec.carry_words, *spec.previous_year_carry),
            tuple(spec.carry_words), tuple(spec.comparison_markers))


@lru_cache(maxsize=8)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """Given words, return the pattern matching any of them (longest first)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _since_another_start(text: str, report_year: int | None, words: list[str], not_before: tuple[str, ...],
                         spec: Spec) -> bool:
    """Given text before a figure, words ending a phrase that counts from a start (以来, 至今) and characters after
    them that make another word of them, return whether it counts from another start than the report year's
    (《条例》实施以来, 至今共受理), not from the year's own (今年以来, 2023年以来, 2023年1月至今)."""
    this_year = spec.zeros["this_year"]
    for word in filter(None, words):  # each printing of it, left to right
        start = text.find(word)
        while start >= 0:
            before = _JANUARY_AT_END.sub("", text[:start]).rstrip(" 度")
            following = text[start + len(word):start + len(word) + 1]
            start = text.find(word, start + len(word))
            if following and following in not_before:
                continue  # 转至今年: 至 and 今年, no 至今
            if before.endswith(tuple(this_year)) or _spans_the_year(before, spec.year_span_words):
                continue
            year = _YEAR_AT_END.search(before)
            if year is not None and report_year is not None and int(year.group(1)) == report_year:
                continue
            return True
    return False


def _spans_the_year(before: str, span: dict[str, list[str]]) -> bool:
    """Given the words before 以来, return whether they end in a span of one year (一年以来) that no word before it
    makes another year's (上一年以来)."""
    word = next((w for w in span["words"] if before.endswith(w)), None)
    return word is not None and not before[:-len(word)].endswith(tuple(span["not_after"]))


def _running_total(text: str, report_year: int | None, spec: Spec) -> bool:
    """Given text before a figure, return whether it is a running total as of a date (到2015年底累计受理申请120件)
    with no word of the report year's own beside the date (全年累计, 2022年累计): a count from another start."""
    total = spec.running_total
    if not any(w in text for w in total["words"]):  # most figures: no 累计, nothing to read
        return False
    as_of = _as_of_dates(tuple(total["as_of"]))
    if not any(w in text[m.end():] for m in as_of.finditer(text) for w in total["words"]):
        return False  # no date before 累计: 全年累计, or 累计 alone
    rest = as_of.sub("\u3000", text)
    own = (*spec.zeros["this_year"], *([f"{report_year}年"] if report_year is not None else []))
    return not any(w in rest for w in own)


@lru_cache(maxsize=4)
def _as_of_dates(words: tuple[str, ...]) -> re.Pattern[str]:
    """Given the words setting a date a count runs to (截至, 到), return the pattern of such a word with its date:
    a year's or month's end or a day (到2015年底, 截至2019年12月31日, 截止12月底)."""
    month_end = r"[0-9]{1,2}\s*月\s*(?:[0-9]{1,2}\s*日|底|末)"
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")\s*(?:20[0-9]{2}\s*年度?\s*(?:底|末|"
                      + month_end + ")|" + month_end + ")")


def _zero_quote(text: str, fig: Figure) -> str:
    """Given a worded zero, return its clause as printed: from the clause start (、 does not end it) to its end."""
    floor = max(0, fig.start - QUOTE_MAX_CHARS)
    start = max(text.rfind(p, floor, fig.start) for p in "，,。；;：:\n") + 1
    return _quote(text, max(start, floor), fig)


def _zero_metric(plain: str, claim: ZeroClaim, index: int, rules: list[dict[str, Any]], spec: Spec) -> str | None:
    """Given a zero claim and one of its subjects, return the metric the zero states for that subject: the reading
    of the cue before the subject (未收到申请, 无结转下年度的申请), else the topic's own zero; None when words after
    the subject name another metric (未发生行政复议被纠错) or a veto word stands in the claim."""
    topic, word_start, word_end = claim.subjects[index]
    if not any(r["topic"] == topic for r in rules):
        return None  # a topic the report's format has no table of
    # a category of each topic its sentence named (诉讼0件，无被纠错) is one word: the subjects around it are others
    region_start = max((s[2] for s in claim.subjects[:index] if s[2] <= word_start), default=claim.start)
    region_end = min((s[1] for s in claim.subjects[index + 1:] if s[1] >= word_end), default=max(claim.end, claim.scope_end))
    claim_words = _any_channel_masked(plain[claim.start:max(claim.end, claim.scope_end)], spec)
    if _vetoed_words(claim_words[:word_end - claim.start], _vetoes(spec, topic)):
        return None
    floor = max(0, claim.start - SENTENCE_WINDOW_CHARS)  # a clause is looked for inside its sentence's window
    clause_start = _list_clause_start(plain, claim.start, floor)
    if _others_zero(plain, clause_start, claim.start, spec):
        return None  # 本局下属单位未收到申请, 除区住建局外，其他部门均未收到: another body's zero
    tail_end = _SCOPE_END.search(plain, claim.subjects[-1][2])  # not the text's whole rest cut: linear linking
    tail = plain[claim.subjects[-1][2]:tail_end.start() if tail_end else len(plain)]
    if topic in spec.zeros["result_topics"] and any(ATTRIBUTIVE + head in tail for head in spec.zeros["news_heads"]):
        return None  # 没有收到…提起行政复议被纠正的信息: the subjects only say what news, none came of them
    if topic in spec.zeros["published_topics"] and any(
            v in plain[claim.subjects[-1][2]:max(claim.end, claim.scope_end)] or v in plain[clause_start:claim.start]
            for v in spec.zeros["published_verbs"]):
        return None  # 无行政许可等事项公示, 公布行政许可28个、无行政强制: none published, nothing said of decisions
    if topic in spec.disclosure["topics"] and _cause_names_another_matter(
            plain[clause_start:word_end], spec.zeros["cause_openers"], spec.disclosure["words"], _other_matters(spec)):
        return None  # 未发生因征收引起的行政诉讼: no suit over that matter, nothing said of disclosure
    probe = Figure(0, "", False, word_end, word_end, "", True)
    lead = plain[region_start:word_end]
    if _names_only_the_public(lead, rules, spec):  # 未收到公民依申请公开事项: nobody asked
        plain = plain[:region_start] + _masked(lead, spec.zeros["public_agents"]) + plain[word_end:]
    link = _choose_rule(plain, probe, region_start, (claim.start, claim.end), word_end, topic, rules, claim.start)
    if link is None and index > 0 and spec.topic_zero[topic][0] is None:
        # a topic read only by its event verb takes the verb before the list's first subject (废止规章、规范性文件0件)
        link = _choose_rule(plain, probe, claim.start, (claim.start, claim.end), word_end, topic, rules, claim.start)
    if link is None and index == 0 and claim.negation_end:
        link = _positive_reading(plain, claim, word_end, topic, rules, spec)
    if link is None and any(w in plain[claim.start:word_end] for w in spec.carry_words):
        return None  # 无结转申请: carried, but in or forward no word says
    after = plain[word_end:region_end] + _joined_tail(plain, claim, index, spec)
    metric = link.metric if link is not None else spec.topic_zero[topic][0]
    narrower = _narrower_metrics(after, topic, rules) - {metric}
    own = re.split(f"[{COORDINATORS}]", plain[word_end:region_end], maxsplit=1)[0] + _joined_tail(plain, claim, index, spec)
    if not _narrower_metrics(own, topic, rules):
        narrower = set()  # 无依申请公开政府信息和不予公开政府信息的情况: the category is the list's next item, not the subject's
    if narrower and narrower <= {CARRIED_FORWARD, CARRIED_OVER} and len(narrower) == 1 \
            and metric == spec.topic_zero[topic][0]:
        return narrower.pop()  # 无申请件结转到下一年度: the carry after its subject names the direction
    if narrower:  # 申请尚未收到 only says it again; 无行政复议纠错 is a zero of the result it names
        result = len(narrower) == 1 and topic in spec.zeros["result_topics"] and metric == spec.topic_zero[topic][0]
        return narrower.pop() if result else None
    if any(w in after for w in spec.carry_words):
        return None  # 未发生申请结转(情况): a zero of carrying, in or forward no word says; not of the requests
    if after.lstrip().startswith(tuple(spec.zeros["subject_predicates"])):
        return None  # 没有申请被驳回, 无申请转办情况: a zero of what befell them, not of the subject
    return metric


def _narrower_metrics(words: str, topic: str, rules: list[dict[str, Any]]) -> set[str]:
    """Given the words after a zero's subject, return the metrics of the topic's cues there (a bare cue names only a
    figure right after it)."""
    return {r["metric"] for r in rules if r["topic"] == topic and not r.get("bare")
            and any(c in words for c in r.get("cue", []))}


def _any_channel_masked(words: str, spec: Spec) -> str:
    """Given the words of a zero claim before its subject, return them with a list of channels blanked where it names
    them as examples of every form: opened by a preposition, two or more joined by 、, closed by 等 and a word of
    form (以当场申请、信件、数据电文等书面形式): no channel word there makes the zero a part."""
    listed = spec.zeros["any_channel"]
    if any_word(listed["closers"]).search(words) is None:  # most words close no list: none is sought one by one
        return words
    for closer in listed["closers"]:
        end = words.find(closer)
        start = max((words.rfind(o, 0, end) for o in listed["openers"]), default=-1) if end > 0 else -1
        if start >= 0 and "、" in words[start:end]:
            words = words[:start] + "\u3000" * (end - start) + words[end:]
    return words


def _every_channel_masked(text: str, local_start: int, fig_start: int, sentence: tuple[int, int], spec: Spec) -> str:
    """Given a figure's clause start and its sentence, return the words of the clause before it with a list of channels
    blanked where it names them as examples of every form (通过政府信息公开平台、邮寄等途径依申请公开信息合计12件: all the
    requests, whichever way they came), unless the sentence names a channel outside that list (通过信函、传真等方式申请
    2件，网上申请10件: the list is one part then)."""
    start = min(sentence[0], local_start)  # the list's 、 may open the figure's clause: read it from the sentence start
    words = text[start:fig_start]
    masked = _any_channel_masked(words, spec)
    if masked != words and not any(c in masked + text[fig_start:sentence[1]] for c in spec.zeros["any_channel"]["channels"]):
        words = masked
    return words[local_start - start:]


_EXCEPT = re.compile(r"除[^，,。；;]{1,20}外")


def _others_zero(plain: str, clause_start: int, claim_start: int, spec: Spec) -> bool:
    """Given a zero claim and where its clause starts, return whether the words before the negation make it other
    bodies' zero: one of them named (下属单位, 其他部门, 各乡镇), or the clause before it taking one out (除区住建局外，)."""
    before = _street_names_masked(plain[clause_start:claim_start], spec)  # 安镇街道: a street's name, no 镇街
    before = _towns_after_departments_masked(before, spec)  # 全区各部门、各乡镇: the whole area
    floor = max(0, claim_start - SENTENCE_WINDOW_CHARS)  # a sentence is read inside its window, as everywhere
    sentence_start = max(floor, max(plain.rfind(p, floor, claim_start) for p in "。；;！？!?\n") + 1)
    return any(w in before for w in spec.zeros.get("other_bodies", ())) \
        or _counts_bodies(before, spec) \
        or _EXCEPT.search(plain, sentence_start, claim_start) is not None


def _counts_bodies(words: str, spec: Spec) -> bool:
    """Given the words of a zero claim's clause before its negation, return whether they count bodies (辖区内5个街道均未
    收到申请, 3个村): the zero is theirs taken together, as a printed figure after them is (`counted_bodies`)."""
    return any(words.startswith(tuple(spec.counted_bodies), m.end()) for m in _NUMBER_BEFORE.finditer(words))


def _names_only_the_public(words: str, rules: list[dict[str, Any]], spec: Spec) -> bool:
    """Given the words of a zero claim before its subject, return whether the only applicants they name are named by
    a word that also names the public (公民), which a zero does not narrow to one column."""
    public = spec.zeros["public_agents"]
    if not any(w in words for w in public):
        return False
    classes = next((r["exclusive"] for r in rules if "exclusive" in r), [])
    return classes_named(_masked(words, public), classes) == 0


def _joined_tail(plain: str, claim: ZeroClaim, index: int, spec: Spec) -> str:
    """Given a zero claim and one of its subjects, return the words after its last subject when the subject is a
    result topic joined to that one by coordinators alone (没有行政诉讼、行政复议败诉: a result word after the list
    is every subject's), with a blank before them; else nothing."""
    subjects = claim.subjects
    if subjects[index][0] not in spec.zeros["result_topics"] or index + 1 >= len(subjects):
        return ""
    if any(plain[left[2]:right[1]] not in JOINERS for left, right in zip(subjects[index:], subjects[index + 1:])):
        return ""
    return "\u3000" + plain[subjects[-1][2]:max(claim.end, claim.scope_end)]


def _positive_reading(plain: str, claim: ZeroClaim, word_end: int, topic: str, rules: list[dict[str, Any]],
                      spec: Spec) -> _Link | None:
    """Given a zero claim opened by a negation inside its clause (上年度无结转申请), return the reading of the clause
    without the negation (上年度结转申请: carried over), whose cue may begin before the negation; None without one."""
    floor = max(0, claim.start - QUOTE_MAX_CHARS)
    clause_start = max(plain.rfind(p, floor, claim.start) for p in "，,。；;：:\n") + 1
    before = _masked(plain[max(clause_start, floor):claim.start], spec.zeros["this_year"])
    adverb = next((a for a in spec.zeros.get("adverbs", ()) if before.endswith(a)), "")
    positive = before[:len(before) - len(adverb)] + plain[claim.negation_end:word_end]  # 上年度也无结转: 上年度结转
    probe = Figure(0, "", False, len(positive), len(positive), "", True)
    return _choose_rule(positive, probe, 0, (0, len(positive)), len(positive), topic, rules, 0)


def _zero_mentions(narrative: Narrative, plain: str, section: str, fig: Figure, claim: ZeroClaim,
                   rules: list[dict[str, Any]], spec: Spec, report_year: int | None) -> list[Mention]:
    """Given a zero and the claim naming its subjects, return one mention of value 0 per subject (a zero about
    行政复议、行政诉讼 is two), each linked to the metric it states when its sentence allows."""
    sentence = narrative.sentence_bounds(fig.start)
    vetoed = _sentence_vetoed(narrative, sentence, fig.start, spec, report_year)
    quote = _zero_quote(narrative.text, fig) if fig.implicit else _quote(narrative.text, claim.start, fig)
    out: list[Mention] = []
    for index in range(len(claim.subjects)):
        mention = Mention(section, quote, 0, fig.unit, False, (fig.start, fig.end), narrative.where(fig.start),
                          implicit=fig.implicit, sentence_end=sentence[1])
        metric = None if vetoed else _zero_metric(plain, claim, index, rules, spec)
        topic, word_start, _ = claim.subjects[index]
        # the verbs before the first subject govern every subject of the list (未制发或废止规章、规范性文件): a zero
        # each; verbs of one set's events (未收到和答复申请) state its one zero, the first verb's, as a count keeps it
        joined = _joined_verb_metrics(plain, claim.start, word_start, topic, rules) if metric is not None else []
        if joined and topic not in spec.disjoint_event_topics:
            metric, joined = joined[0], []
        if metric == CARRIED_FORWARD and _carried_into(plain[claim.start:max(claim.end, claim.scope_end)], report_year,
                                                       spec.carry_words):
            metric = CARRIED_OVER  # 未转结2023年政府信息公开申请, in the 2024 report: none carried in
        if metric is not None and metric not in {m.metric for m in out}:
            mention.metric = metric
        out.append(mention)
        for other in joined:
            if other not in {m.metric for m in out}:
                out.append(replace(mention, metric=other))
    return [m for m in out if m.metric is not None] or out[:1]


def _joined_verb_metrics(plain: str, start: int, end: int, topic: str, rules: list[dict[str, Any]]) -> list[str]:
    """Given the words of a zero claim before its subject, return the metrics of the event verbs there joined by a
    coordinator (未制定发布、废止规范性文件, 未制发或废止: none made, none repealed), in order; none unless two or
    more."""
    hits = sorted((i, i + len(cue), r["metric"]) for r in rules
                  if r["topic"] == topic and r.get("event") and "needs_context" not in r
                  for cue in r["cue"] if (i := plain.find(cue, start, end)) >= 0)
    chain = hits[:1]
    for hit in hits[1:]:
        gap = plain[chain[-1][1]:hit[0]]
        if hit[0] >= chain[-1][1] and len(gap) <= VERB_GAP_CHARS and any(c in gap for c in COORDINATORS):
            chain.append(hit)
    metrics = list(dict.fromkeys(m for _, _, m in chain))
    return metrics if len(metrics) > 1 else []


def _implicit_claim(plain: str, fig: Figure, sentence: tuple[int, int]) -> ZeroClaim | None:
    """Given a worded zero and its sentence (a category's topic may be named there), return its claim with offsets
    into the whole text."""
    start, sentence_end = min(sentence[0], fig.start), max(sentence[1], fig.end)
    claims = [c for c in find_zero_claims(plain[start:fig.end]) if c.start == fig.start - start]
    if not claims:
        return None
    claim = claims[0]
    scope_end = _SCOPE_END.search(plain, fig.end, sentence_end)
    return ZeroClaim(claim.start + start, claim.end + start,
                     tuple((t, s + start, e + start) for t, s, e in claim.subjects),
                     negated_item_end(plain, fig.end, scope_end.start() if scope_end else sentence_end),
                     claim.negation_end + start if claim.negation_end else 0)


def _joined_zero_claim(plain: str, fig: Figure, start: int, spec: Spec) -> ZeroClaim | None:
    """Given a printed zero (行政复议、行政诉讼案件0件) and where its words start, return a claim on the subjects joined
    right before it, or None unless two topics are joined: their sum is 0, so each of them is. A change word between
    the last subject and the zero (比上年下降0件: category_list_changes) makes it no count of them; another noun joined
    there does not (行政复议、行政诉讼和申诉案件0件: each of the three is none), and a clause subject before the list
    (clause_subject_veto_words: 下属单位, 月均) makes it theirs. The claim opens where the list's clause does
    (制发规章、规范性文件0件): an event verb before the list governs every subject of it, unless a phrase in 的 stands
    before the list (制发涉及企业的规章、规范性文件0件): it may say which of them, so the claim keeps to the subjects."""
    heads = tuple(spec.zeros["joined_heads"])
    subjects = find_subjects(plain[start:fig.start])
    run = subjects[-1:]
    for before in reversed(subjects[:-1]):
        gap = plain[start + before[2]:start + run[0][1]]
        if gap.removeprefix(next((h for h in heads if gap.startswith(h)), "")) not in tuple(COORDINATORS):
            break
        run.insert(0, before)
    if len({t for t, _, _ in run}) < 2 or fig.start - (start + run[-1][2]) > JOINED_ZERO_GAP_CHARS:
        return None
    if any(w in plain[start + run[-1][2]:fig.start] for w in spec.category_list_changes):
        return None  # 行政复议、诉讼比上年下降0件: a change of their sum, no count of it
    lead = plain[start:start + run[0][1]]
    opens = max(lead.rfind(mark) for mark in CLAUSE_MARKS) + 1
    if any(w in lead[opens:] for w in spec.clause_subject_veto_words):
        return None  # 市直单位进入行政复议程序和行政诉讼程序均为0件: the bodies taken together had none
    if ATTRIBUTIVE in lead[opens:]:
        opens = run[0][1]
    return ZeroClaim(start + opens, fig.end, tuple((t, s + start, e + start) for t, s, e in run))


def link_mentions(narrative: Narrative, view: TableView | None, spec: Spec, report_year: int | None,
                  issuer: str | None = None) -> list[Mention]:
    """Given the narrative, the parsed tables, the report year and the issuer (None when unknown), return every
    narrative figure as a mention with its verdict."""
    text = _carried_between_years(narrative.plain, report_year, spec.carry_forward_words)
    topic_text = masked_topics(text, _masks_longest_first(spec), tuple(spec.topic_mask_exempt_after),
                              tuple(spec.topic_mask_kept))
    topic_words = _TopicWords(topic_text, spec)
    rules = year_rules(view, spec, report_year)
    mentions: list[Mention] = []
    previous_end = 0
    previous_topic: tuple[int, str] | None = None  # (sentence start, topic) of the last linked figure
    previous_link: tuple[int, int] = (-1, 0)  # (figure end, where its cue region started) of the last linked figure
    last_count: tuple[int, str | None] = (-1, None)  # (end, metric) of the last printed figure other than a share
    # a leaf with no cell in the report's format (v2019: null) reads no disposition: a count left unread is none either
    category_metrics = {r["metric"] for r in rules if r.get("category")} - {None}
    previous_figure: tuple[int, str | None] = (-1, None)  # (end, topic) of the last printed figure outside a breakdown
    stated_zeros: set[tuple[int, str]] = set()  # (sentence start, metric) of the worded zeros linked so far
    zero_sentences: set[tuple[str, str]] = set()  # (sentence, metric) of the worded zeros linked so far
    wholes: list[_Whole] = []  # the printed figures linked so far in the current sentence group
    other_matter = -1  # start of the sentence whose last review or suit was over another matter
    for section, fig in narrative_figures(narrative, report_year, view is not None):
        sentence = narrative.sentence_bounds(fig.start)
        group = _breakdown_group(narrative, sentence, spec)
        claim = _implicit_claim(text, fig, sentence) if fig.implicit else None
        if claim is None and fig.value == 0:
            claim = _joined_zero_claim(text, fig, max(previous_end, sentence[0]), spec)
        if claim is not None:
            zeros = _zero_mentions(narrative, text, section, fig, claim, rules, spec, report_year)
            wholes = _in_group(wholes, group)
            zeros = _beside_a_count(zeros, wholes)
            if fig.implicit:  # 未收到申请，无依申请公开情况: one zero said twice in a sentence is one claim
                zeros = [m for m in zeros if m.metric is None or (sentence[0], m.metric) not in stated_zeros]
                stated_zeros |= {(sentence[0], m.metric) for m in zeros if m.metric is not None}
                said = text[sentence[0]:sentence[1]]
                for m in zeros:  # 我镇2016年度无申请, again under the heading of reviews: a copy, no claim of its own
                    if m.metric is not None and (said, m.metric) in zero_sentences:
                        m.metric = None
                zero_sentences |= {(said, m.metric) for m in zeros if m.metric is not None}
            for mention in zeros:
                _set_verdict(mention, fig, view)
            mentions.extend(zeros)
            previous_end = fig.end
            continue
        clause_start, clause_end = narrative.clause_bounds(fig.start)
        if clause_start > sentence[0] and text[clause_start - 1] in "：:":  # 行政规范性文件：制发件数2件
            clause_start = narrative.clause_bounds(clause_start - 2)[0]
        if clause_start > 0 and text[clause_start - 1] in "）)":  # 无法提供（本机关不掌握相关政府信息）14件
            opening = text.rfind("（" if text[clause_start - 1] == "）" else "(", sentence[0], clause_start)
            clause_start = narrative.clause_bounds(opening)[0] if opening >= 0 else clause_start
        if fig.end < len(text) and text[fig.end] in "（(":
            close = text.find("）" if text[fig.end] == "（" else ")", fig.end)
            clause_end = close if close > 0 else clause_end  # the parenthesis right after a figure qualifies it
        local_start = max(previous_end, clause_start) if previous_end > sentence[0] else clause_start
        list_start = max(previous_end, sentence[0])
        previous_end = fig.end
        after_category = last_count[0] >= sentence[0] and last_count[1] in category_metrics
        if fig.unit != "%":
            last_count = (fig.end, None)
        mention = Mention(section, _quote(narrative.text, clause_start, fig), fig.value, fig.unit, fig.approx,
                          (fig.start, fig.end), narrative.where(fig.start), sentence_end=sentence[1])
        mentions.append(mention)
        topic, borrowed = _topic_at(topic_text, topic_words, fig, local_start, sentence, clause_end, spec)
        in_breakdown = _in_parenthesis_after(text, fig, previous_figure[0])
        if topic is None and in_breakdown:
            topic = previous_figure[1]  # 公开规范性文件20件（今年制发20件）: the breakdown of the figure before
        listed = previous_figure
        if not in_breakdown:
            previous_figure = (fig.end, topic)
        if topic is None and previous_topic is not None and previous_topic[0] == sentence[0]:
            topic = previous_topic[1]  # a list goes on: 制发规范性文件25件，废止12件
        if topic is None and listed[1] in spec.list_topics and listed[0] > sentence[0]:
            topic = listed[1]  # 主动公开规范性文件6件，废止3件: it goes on past a count left unread too
            if not in_breakdown and text.startswith(tuple(spec.list_passed_by), clause_start):
                previous_figure = (fig.end, topic)  # 行政许可16项，较上年减少1项，处理决定数量56件: a change of the row
        named_earlier = topic is None and list_start == sentence[0]
        if named_earlier:  # 规范性文件清理工作，本年度制发0件: the sentence's first figure, its subject a clause before
            topic, borrowed = _topic_at(topic_text, topic_words, fig, sentence[0], sentence, clause_end, spec)
            topic = topic if topic in spec.list_topics else None
        named_later = topic is None and list_start == sentence[0]
        if named_later:  # 全区共制发24件，废止31件，现行有效的行政规范性文件共56件: the sentence's noun comes last
            topic = _only_topic_after(topic_words, fig, sentence, spec)
        in_order = _read_in_order(text, fig, sentence, rules, report_year, spec)
        if in_order is not None:
            topic = in_order[0]  # 行政许可、行政处罚决定数量分别为20件、30件: each figure's subject, in order
        if topic is None or _sentence_vetoed(narrative, sentence, fig.start, spec, report_year, fig.value > 0):
            continue
        if _in_attribute_list(text, fig, sentence, topic, spec):
            continue  # 主动公开85件，依申请公开20件，不予公开15件: documents by attribute, not requests
        link = in_order[1] if in_order is not None else _choose_rule(
            text, fig, local_start, sentence, clause_end, topic, rules, list_start, report_year, spec.whole_marks,
            _joined_case_count(spec) if topic in spec.zeros["result_topics"] else None, after_category)
        if in_order is None and (link is None or link.fallback) and _joined_to_previous(text, fig, previous_link):
            shared = _choose_rule(text, fig, previous_link[1], sentence, clause_end, topic, rules, list_start, report_year,
                                  spec.whole_marks)
            link = shared if shared is not None and shared.event and not shared.fallback else link
        if link is None:  # 新收58件，上年结转3件，共计61件: a total word after the parts
            in_group = _in_group(wholes, group)
            link = _sum_of_parts(text, fig, local_start, sentence, in_group, spec)
        if link is None or not _unit_fits(topic, fig.unit, spec) or not _classifies_topic(topic_text, fig, topic, spec):
            continue
        if named_earlier and (not link.event or link.fallback or not link.cue_end
                              or not _only_gaps(text[link.cue_end:fig.start], spec.earlier_subject_gaps)):
            continue  # 规范性文件全部公开，共发布信息30条 / …规范性文件…，累计主动公开政府信息53条: a subject a clause
            # before needs an event of its own here, and no noun of the figure's own between that event and it
        if named_later and (not link.event or link.fallback or not link.cue_end
                            or not _only_gaps(text[link.cue_end:fig.start], spec.borrowed_gaps)):
            continue  # 制发文件24件，其中规范性文件3件: the verb's own object, not the documents named after
        if link.metric == CARRIED_FORWARD and _carried_into(text[local_start:fig.start], report_year, spec.carry_words):
            link = replace(link, metric=CARRIED_OVER, alternatives=())  # 2022年结转至2023年的申请3件, in the 2023 report
        if _vetoed(text, fig, link, local_start, sentence, topic, spec, in_order is not None):
            continue
        if _subject_before_the_list(text, clause_start, local_start, sentence, spec):
            continue  # 县直部门产生行政复议13件和行政诉讼1件: the clause's subject counts every figure it lists
        subject = _subject(text, clause_start, min(link.cue_start, fig.start), topic, spec)
        if names_another_body(subject, issuer, spec.bodies):
            continue  # 区人社局收到申请20件 in the district government's report: that body's count
        if names_a_sector_scope(text[clause_start:max(clause_start, min(link.cue_start, fig.start))], spec.bodies):
            continue  # 全省各级生态环境部门共办理行政处罚案件524件: the sector's organs together, not the report's own
        if link.event and link.cue_end and text.startswith("的", link.cue_end) \
                and any(w in text[local_start:link.cue_start] for w in spec.issuer_marks):
            continue  # 以区政府办名义印发的行政规范性文件25件: which documents, not the year's issuing
        if _names_another_kind(text, fig, link, topic, spec):
            continue  # 受理公租房申请300件: applications of that kind, not for information
        listed_from = _list_clause_start(text, fig.start, sentence[0])
        if _names_a_subject(text[_full_sentence_start(text, sentence[0]):listed_from], text[listed_from:fig.start],
                            _CLAUSE_END.split(text[fig.end:sentence[1]], maxsplit=1)[0], topic, spec):
            continue  # 申请内容涉及规范性文件3件、行政处罚2件: requests counted by what they asked about
        if _summed_with_another_kind(text[listed_from:fig.start], topic, spec):
            continue  # 主动公开和依申请公开信息共120条: items of both kinds summed
        if _counts_items(text[group:fig.start], fig.unit, text[fig.end:sentence[1]], topic, spec):
            continue  # 保留行政权力841项，其中行政许可24项: items of a power list, not decisions
        if topic in spec.category_list_topics and fig.unit in spec.category_list_units and listed_beside_another_category(
                text, fig.start, fig.unit, sentence, [c for r in rules if r["topic"] == topic for c in r["cue"]], spec):
            continue  # 行政许可24项、行政裁决2项: a list of categories' items, one no topic of the tables
        if _whole_of_a_part_named_in_full(text, fig, local_start, sentence, topic, spec):
            continue  # 受理群众申请事项128件，其中政府信息公开申请2件: every kind of application, of which some are requests
        if link.after_end and _names_other_topic(topic_text[_cause_end(text, fig, link.after_end, spec):link.after_end],
                                                 topic, spec):
            continue  # 其中5件行政复议后被撤销答复: the answer after another topic's word is that topic's business
        if _over_another_matter(text, fig, clause_start, sentence[1], topic, spec) \
                or _part_of_another_matter(text[group:fig.start], topic, spec):
            other_matter = sentence[0]
            continue
        if _breakdown_of_another_matter(text, fig, sentence, mentions[:-1], topic, spec):
            continue  # 另收到区长信箱来信20件，其中不予处理2件: the letters' dispositions, not the requests'
        earlier = _earlier_in_sentence(mentions, sentence[0]) if link.general else []
        if other_matter == sentence[0] and _item_of_the_list(text[local_start:fig.start], topic, link.metric, spec):
            continue  # 共办理行政复议案件8件，行政诉讼案件5件 / ，维持6件: the list goes on with the organ's cases
        if link.general and not borrowed and _topic_owned_unlinked(text, topic_words, fig, local_start, sentence,
                                                                   topic, earlier, spec):
            continue  # 窗口申请量1200件，受理量1190件: the 申请 was the unlinked figure's own noun
        if link.general and not borrowed and _after_another_matter(text, topic_words, fig, local_start, sentence,
                                                                   topic, earlier, spec):
            continue  # 收到申请12件，另收到信箱来信30件，办结30件: the letters answered
        if borrowed and link.general and (not _only_gaps(text[link.cue_end:fig.start], spec.borrowed_gaps)
                                          or _unlinked_before(earlier, sentence[0])
                                          or _names_another_business(text[sentence[0]:fig.start], topic, spec)):
            # 收到申请12件。全年接收公文3000件 / 收到留言30条，答复30条 / 依托信箱等渠道，共受理59条: the sentence's own business
            continue
        if link.general and not borrowed and not _only_gaps(text[link.cue_end:fig.start], spec.borrowed_gaps) \
                and _topic_of_an_earlier_clause(topic_words, fig, local_start, sentence, clause_start, topic):
            continue  # 收到申请12件，办结工单300件: the verb's own object, not the requests of the clause before
        if topic in spec.disjoint_event_topics and link.event \
                and _joined_to_another_event(text[sentence[0]:link.cue_start], topic, link.metric, rules):
            continue  # 制发、废止规范性文件共8件: the sum of two events, neither one's count
        wholes = _in_group(wholes, group)
        if _part_of_a_zero(fig, link.metric, wholes):  # 行政复议10件，行政诉讼0件，结果维持2件: the reviews' results
            other = _part_of_the_other_topic(fig, link.metric, wholes, rules, spec)
            if other is None:
                continue
            link = replace(link, metric=other, alternatives=())
        if _part_of_a_whole(text, fig, link.metric, wholes, spec) \
                or _timely_part(text, fig, link, local_start, wholes, mentions, spec) \
                or _restated_otherwise(fig, link.metric, wholes):
            continue
        if link.yields_in_paragraph and _stated_otherwise_in_paragraph(text, fig, link.metric, mentions):
            continue  # 收到申请19件。依申请公开16件: the topic alone names no second count of what was received
        if _answered_remainder(text, fig, link.metric, sentence, spec):
            continue  # 主动撤销6件，其余38件全部按时答复: the answered beside the withdrawn, not their total
        if link.metric in spec.total_complements \
                and total_among_other_parts(text, fig.start, sentence, [(w.end, w.value) for w in wholes],
                                            spec.breakdown_words, spec.total_complements[link.metric]):
            continue  # 其中线上办理26件，线下办理5件 (of 31): a part beside parts other than the total's complement
        if link.metric == spec.carried_in_parts.get("metric") and holds_carried_in(
                text[clause_start:fig.start], float(fig.value), text[fig.end:sentence[1]], spec.breakdown_words, report_year,
                spec.carry_words, spec.carried_in_parts):
            continue  # 共受理455件，其中4件来自上一年度结转: the pool of new and carried-in requests, not the new ones
        wholes.append(_Whole(group, fig.end, link.metric, float(fig.value)))
        mention.metric = link.metric
        mention.alternatives = link.alternatives
        previous_topic = (sentence[0], topic)
        previous_link = (fig.end, local_start)
        if last_count[0] == fig.end:
            last_count = (fig.end, link.metric)
        mention.scope_note = _scope_note(text, sentence, fig, spec)
        _set_verdict(mention, fig, view)
    return _within_format(mentions, _format_keys(view, spec, report_year))


def _format_keys(view: TableView | None, spec: Spec, report_year: int | None) -> frozenset[str] | None:
    """Given the tables (or, without them, the report year), return every key the report's format has (cells and
    the quantities derived from them), or None when the year's format does not hold them all (before 2019)."""
    if view is not None:
        version = view.version
    elif report_year is not None and report_year > PRE2019_LAST_YEAR:
        version = spec.versions[spec.version_for_year(report_year)]
    else:
        return None
    return _keys_of_versions(spec)[version.id]


@per_spec
def _keys_of_versions(spec: Spec) -> dict[str, frozenset[str]]:
    """Given the spec, return each version's keys: its cells and the quantities derived from them (a set of some
    two hundred keys, hashed into a new set for every report before)."""
    return {version.id: frozenset(version.cells) | frozenset(version.derived) for version in spec.versions.values()}


def _within_format(mentions: list[Mention], keys: frozenset[str] | None) -> list[Mention]:
    """Given the mentions and the keys of the report's format, return them with every link to a key the format has
    not unlinked: a figure states no cell its report's tables cannot hold (行政事业性收费300万元 in a 2020 report,
    whose 2019 format counts fee items, not amounts)."""
    for mention in mentions:
        if keys is not None and mention.metric is not None and mention.metric not in keys:
            mention.metric, mention.alternatives, mention.verdict = None, (), "unlinked"
    return mentions


@per_spec
def _attribute_counts(spec: Spec) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Given the spec, return the patterns finding an opening, a closing and a sole closing disclosure attribute
    counted (the word, only gap words, then a number): 主动公开信息数7条, 不予公开的15件, 免于公开信息0条."""
    lists = spec.attribute_lists
    gaps = "|".join(map(re.escape, sorted(lists["gaps"], key=len, reverse=True)))
    counted = rf"(?:{gaps}|\s)*(?=[0-9０-９零一二两三四五六七八九十])"
    return tuple(re.compile(f"(?:{_alternation(tuple(lists[kind])).pattern}){counted}")
                 for kind in ("opening", "closing", "sole_closing"))  # type: ignore[return-value]


def _in_attribute_list(text: str, fig: Figure, sentence: tuple[int, int], topic: str, spec: Spec) -> bool:
    """Given a figure, its sentence and its topic, return whether it is an item of a list counting documents by their
    disclosure attribute (全年制发文件120件，其中主动公开85件，依申请公开20件，不予公开15件): an opening attribute
    counted before it, a closing one counted at or after it, both in its sentence read across semicolons (the list
    may run 主动公开信息数7条；依申请公开信息数59条；…), and no request word between the two but inside the attribute
    依申请公开 itself. A sole closing attribute (免于公开) needs no opening: the span then starts with the sentence."""
    lists = spec.attribute_lists
    if topic not in lists["topics"]:
        return False
    opening, closing, sole_closing = _attribute_counts(spec)
    reach = max(0, sentence[0] - LIST_REACH_CHARS), sentence[1] + LIST_REACH_CHARS  # no scan past it: linear linking
    last_stop, next_stop = _UP_TO_LAST_FULL_STOP.match(text, reach[0], fig.start), _FULL_STOP.search(text, fig.start, reach[1])
    start = last_stop.end() if last_stop else reach[0]
    end = min(reach[1], next_stop.start() if next_stop else len(text))
    first = opening.search(text, _line_sentence_before(text, start, reach[0]), fig.start)
    closings = closing if first is not None else sole_closing
    last = [m.end() for m in closings.finditer(text, start, end) if m.end() >= fig.start]
    if not last:
        return False
    between = text[first.start() if first is not None else start:max(last)]
    for word in lists["exempt"]:
        between = between.replace(word, "")
    return lists["request_word"] not in between


def _line_sentence_before(text: str, start: int, floor: int) -> int:
    """Given where a sentence starts, return where the sentence before it starts when both stand on one line (主动公开
    政府信息46条。依申请公开信息0条，不予公开信息0条。: the list's opening count ends the sentence before), else the
    sentence's own start."""
    newline = text.rfind("\n", floor, start)
    line_start = newline + 1 if newline >= 0 else floor  # no scan past the list's reach
    if start <= line_start:
        return start
    stop = _UP_TO_LAST_FULL_STOP.match(text, line_start, start - 1)
    return stop.end() if stop else line_start


def _topic_owned_unlinked(text: str, words: _TopicWords, fig: Figure, local_start: int, sentence: tuple[int, int],
                          topic: str, mentions: list[Mention], spec: Spec) -> bool:
    """Given a figure whose general verb takes the topic of a word before it in its sentence, and the mentions before
    it, return whether that word named another printed figure, right after it past owner gaps only (申请量1200件),
    which went unlinked, with no figure of the sentence linked before: the word was that figure's noun, of some other
    business, not this figure's topic (after 收到申请44件（网上申请42件）, 办结39件 goes on with the requests)."""
    word = words.before(sentence[0], fig.start, local_start)
    if word is None or word.topic != topic:
        return False
    if any(m.metric is not None for m in mentions if m.span[0] >= sentence[0]):
        return False
    owner = next((m for m in mentions if m.span[0] >= word.end and not m.implicit), None)
    if owner is None or owner.metric is not None or owner.span[0] >= fig.start:
        return False
    return _only_gaps(text[word.end:owner.span[0]], spec.owner_gaps)


def _carried_into(before: str, report_year: int | None, carry_words: list[str]) -> bool:
    """Given the words before a figure read as carried forward, return whether they carry it into the report's own
    year (结转至2023年 in the 2023 report) or from the year before it, named with no destination word (未转结2023年
    申请, 结转2023年的申请 in the 2024 report): carried over from the year before, not forward."""
    if report_year is None:
        return False
    carry = "|".join(map(re.escape, carry_words))
    into = rf"(?:{carry})\s*(?:至|到|入)?\s*{report_year}\s*年"
    from_before = rf"(?:{carry})\s*{report_year - 1}\s*年"
    return re.search(into, before) is not None or re.search(from_before, before) is not None


def _names_another_kind(text: str, fig: Figure, link: _Link, topic: str, spec: Spec) -> bool:
    """Given a figure read from a general verb, return whether the topic's bare shortest word between the verb and
    the figure follows a noun of its own (受理公租房申请300件, 宅基地申请): a kind of application, not the topic. Only
    the topic's kind-free words (applicants, 新, 有效, object prefixes, gaps) may stand between the verb and the word;
    a phrase in 的 there is read elsewhere, a longer topic word ending there (政府信息公开申请, 依申请) names the topic
    itself."""
    free = spec.kind_free.get(topic)
    if not free or not link.general or not link.cue_end:
        return False
    words = spec.topics[topic]
    bare = min(words, key=len)
    start = link.cue_end
    at = text.find(bare, start, fig.start)
    while at > start and text.startswith(ATTRIBUTIVE, at + len(bare)):  # 收到向区政府申请的各类政府信息公开申请: the
        start = at + len(bare) + len(ATTRIBUTIVE)                        # verb of a phrase in 的, its noun after it
        at = text.find(bare, start, fig.start)
    if at <= start or any(text.endswith(w, 0, at + len(bare)) for w in words if w != bare):
        return False
    between = text[start:at]
    return "的" not in between and not _only_gaps(between, free)


def _topic_of_an_earlier_clause(words: _TopicWords, fig: Figure, local_start: int, sentence: tuple[int, int],
                                clause_start: int, topic: str) -> bool:
    """Given a figure and its topic, return whether the topic's word nearest before it stands in an earlier clause of
    its sentence, not in its own (收到申请12件，办结工单300件: 申请 is the clause before's)."""
    word = words.before(sentence[0], fig.start, local_start)
    return word is not None and word.topic == topic and word.end <= clause_start


def _after_another_matter(text: str, words: _TopicWords, fig: Figure, local_start: int, sentence: tuple[int, int],
                          topic: str, mentions: list[Mention], spec: Spec) -> bool:
    """Given a figure whose general verb takes the topic of a word before it in its sentence, and the mentions before
    it, return whether a clause opened by another matter's word (另, 此外…) or naming another matter (热线, 信箱…)
    stands between that word and the figure, and the printed figure right before this one, in that clause or after,
    went unlinked: the verb goes on with that matter (收到申请12件，另收到信箱来信30件，办结30件; 收到申请3件，
    12345热线转办件56件，办结56件), not with the topic."""
    word = words.before(sentence[0], fig.start, local_start)
    if word is None or word.topic != topic:
        return False
    marks = [i for i in range(word.end, fig.start) if text[i] in CLAUSE_MARKS] + [fig.start]
    opened = max((i for i, end in zip(marks, marks[1:]) if text.startswith(tuple(spec.other_matter_openers), i + 1)
                  or _names_another_business(text[i + 1:end], topic, spec)), default=-1)
    previous = next((m for m in reversed(mentions) if not m.implicit), None)
    return opened >= 0 and previous is not None and opened < previous.span[0] < fig.start and previous.metric is None


def _breakdown_of_another_matter(text: str, fig: Figure, sentence: tuple[int, int], mentions: list[Mention],
                                 topic: str, spec: Spec) -> bool:
    """Given a figure, its sentence, the mentions before it and its topic, return whether it stands in a breakdown
    (其中…, up to the figure with no ；between) of the clause right before it, a clause opened by another matter's word
    (另, 此外…) or counting another business (信箱, 热线…), whose figure went unlinked, as did every one since: the
    parts are that matter's
    (另收到区长信箱来信20件，其中不予处理2件; 办理市长信箱信件156件，其中不予处理1件，予以公开2件), not the topic's."""
    opens = max((text.rfind(w, sentence[0], fig.start) for w in spec.breakdown_words), default=-1)
    if opens <= sentence[0] or text[opens - 1] not in CLAUSE_MARKS or any(m in text[opens:fig.start] for m in "；;"):
        return False
    last_mark = _UP_TO_LAST_OF_CLAUSE_MARKS.match(text, sentence[0], opens - 1)  # the last one, in one backward pass
    whole_start = last_mark.end() if last_mark else sentence[0]
    whole = text[whole_start:opens - 1]
    printed = [m for m in mentions if not m.implicit and m.span[0] >= whole_start]
    return bool(printed) and printed[0].span[0] < opens and all(m.metric is None for m in printed) \
        and (whole.startswith(tuple(spec.other_matter_openers)) or _names_another_business(whole, topic, spec))


def _names_another_business(clause: str, topic: str, spec: Spec) -> bool:
    """Given a clause, return whether it counts another business than the topic's (12345热线转办件56件): one of its
    words, and neither a breakdown of the topic's count (其中通过信箱收到1件) nor a word of the topic."""
    return any_word(spec.other_matter_nouns).search(clause) is not None \
        and not clause.startswith(tuple(spec.breakdown_words)) \
        and not any(w in clause for w in spec.topics[topic] if w)


def _only_gaps(words: str, gaps: list[str]) -> bool:
    """Given the words between a cue and its figure and the gap words (longest first), return whether nothing but
    gap words (and spaces) stands there."""
    for gap in gaps:
        words = words.replace(gap, "")
    return not words.strip()


def _counts_items(before: str, unit: str, after: str, topic: str, spec: Spec) -> bool:
    """Given the words of a figure's sentence group before it, its unit, the rest of its sentence and its topic, return
    whether it counts the items of a power or service list rather than the decisions 表二 counts: an item noun before
    it with no decision word after that noun (公开政务服务事项33项，行政许可30项), or an item unit with no decision
    word before it and one later in its sentence, where the decisions are counted apart (行政许可18项，比上年增加2项，
    处理决定数量56件), or after a verb acting on a list with no decision word after it (梳理行政许可12项). (A figure in
    项 alone is items only in the 2019 format, whose 表二 counts both: the topics' `v2019_not_units`.)"""
    items = spec.item_counts
    if topic not in items.get("topics", ()):
        return False
    decided = max((before.rfind(w) for w in items["decision_words"]), default=-1)
    listed = max((before.rfind(w) for w in items["nouns"]), default=-1)
    decided_later = any(w in after for w in items["decision_words"])
    acted_on = max((before.rfind(w) for w in items.get("item_verbs", ())), default=-1)
    return listed > decided or (unit in items["units"] and (acted_on > decided or decided < 0 and decided_later))


def _joined_to_another_event(before_cue: str, topic: str, metric: str, rules: list[dict[str, Any]]) -> bool:
    """Given the words before an event verb's cue, return whether a verb of another event of the topic is joined to
    it right before (制发、废止; 收到和办结): a figure after both counts their sum."""
    if not before_cue or before_cue[-1] not in COORDINATORS:
        return False
    stem = before_cue[:-1]
    return any(stem.endswith(cue) for r in rules if r["topic"] == topic and r.get("event") and r["metric"] != metric
               and "needs_context" not in r for cue in r["cue"])


def _over_another_matter(text: str, fig: Figure, clause_start: int, sentence_end: int, topic: str, spec: Spec) -> bool:
    """Given a figure of a topic counted only over disclosure work (reviews, suits), return whether its words make it
    cases over another matter: a cause before it in its clause, or right after it, that names no disclosure word
    (因征收补偿引起的行政诉讼8件, 3起因征收补偿引起的行政复议), or a breakdown after it whose part names disclosure
    as its kind (行政复议12件，其中涉及政府信息公开的3件, 其中3件因政府信息公开引起: 12 is every review), not as the
    answer an outcome names (其中维持原答复2件)."""
    if topic not in spec.disclosure["topics"]:
        return False
    words = spec.disclosure["words"]
    if _cause_names_another_matter(text[clause_start:fig.start], spec.zeros["cause_openers"], words,
                                   _other_matters(spec)):
        return True
    cause_end = _cause_end(text, fig, sentence_end, spec)
    if cause_end > fig.end and _cause_names_another_matter(text[fig.end:cause_end], spec.zeros["cause_openers"], words,
                                                           _other_matters(spec)):
        return True  # 3起因征收补偿引起的行政复议: the cause right after the figure, as one before it
    ahead = text[fig.end:sentence_end]
    qualifier = _SCOPE_END.split(ahead.lstrip("，,"), maxsplit=1)[0]
    if qualifier.startswith(tuple(spec.disclosure["qualifiers_after"])) \
            and _cause_names_another_matter(qualifier, [], words, _other_matters(spec)):
        return True  # 行政诉讼2件，均为征收补偿类: every one over another matter
    starts = [(i, len(b)) for b in spec.breakdown_words for i in [ahead.find(b)] if i >= 0]
    if not starts:
        return False
    at, length = min(starts)
    clause = _SCOPE_END.split(ahead[at + length:].lstrip("，,：: "), maxsplit=1)[0]
    part = _NEXT_NUMBER.split(clause, maxsplit=1)[0]
    after = _LEADING_COUNT.sub("", clause[len(part):])
    if after.startswith(tuple(spec.zeros["cause_openers"])):
        part += after  # 其中2件因政府信息公开引起: the part's cause, after its figure
    return any(w in part for w in spec.disclosure["part_words"])


@per_spec
def _summed_kinds(spec: Spec) -> dict[str, re.Pattern[str]]:
    """Given the spec, return for each topic summed with other kinds the pattern finding a word of such a kind
    joined right before a word of the topic (one search, not one per kind, joiner and word)."""
    return {topic: re.compile("|".join(re.escape(kind + mark + word) for kind in kinds for mark in COORDINATORS
                                       for word in spec.topics.get(topic, ())) or "(?!)")
            for topic, kinds in spec.summed_with.items()}


def _summed_with_another_kind(clause: str, topic: str, spec: Spec) -> bool:
    """Given the words of a figure's clause (with its list) before it and its topic, return whether a word of another
    kind stands joined right before a word of the topic (主动公开和依申请公开, 主动、依申请): the figure sums both."""
    pattern = _summed_kinds(spec).get(topic)
    return pattern is not None and pattern.search(clause) is not None


# from a start to the last mark that ends a clause before an offset, found in one backward pass (not one per mark)
_UP_TO_LAST_CLAUSE_MARK = re.compile(r".*[，,。；;：:\n]", re.DOTALL)


def _list_clause_start(text: str, end: int, floor: int) -> int:
    """Given an offset and the least start to look back to (its sentence's start or window), return where its clause
    starts with the list items before it in it (a 、 joins items of one clause: 涉及规范性文件3件、行政处罚2件)."""
    last = _UP_TO_LAST_CLAUSE_MARK.match(text, floor, end)
    return last.end() if last else floor


def _names_a_subject(before: str, clause: str, after: str, topic: str, spec: Spec) -> bool:
    """Given the words of a figure's sentence before its clause, those of its clause before and after it and its
    topic, return whether they name the subject of requests the sentence counts: after a word of requests, the clause's
    last subject marker (涉及, 关于), not opening the clause (其中涉及, 主要涉及, 申请内容涉及), stands before a word of the
    topic (not requests), with no disclosure word and no colon after it (收到申请12件，其中涉及行政复议的2件; 涉及政府信息
    公开的行政复议, and a clause opening 涉及行政诉讼案件2件 are the topic's own). A marker opening a list of which
    another item names no topic (收到申请70件，涉及问题楼盘32件、行政许可20件; 涉及行政许可20件、问题楼盘32件) names
    subjects all the same: the list is of one kind, whether 、 or a comma parts its items (涉及问题楼盘32件，行政许可20件:
    a clause opening with the topic's word right after counted subjects back to the marker)."""
    if topic == "requests" or not any_word(spec.topics.get("requests", [])).search(before):
        return False
    markers, own = spec.subject_matter["markers"], spec.subject_matter["own_words"]
    at = max((clause.rfind(m) + len(m) for m in markers if m in clause), default=-1)
    if at < 0:
        return clause.lstrip().startswith(tuple(spec.topics.get(topic, ()))) and not any(w in clause for w in own) \
            and _after_counted_subjects(before, markers, spec)
    others = [*clause[at:].split("、")[:-1], *after.split("、")[1:]]  # the list's items but the figure's own
    opened = clause[:at].strip() not in markers \
        or any(_names_no_topic(item, spec) for item in others)  # ... a marker opening its clause names none, unless so
    subject = clause[at:] if opened else ""
    return any(w in subject for w in spec.topics.get(topic, ())) and not any(w in subject for w in own) \
        and not any(c in subject for c in "：:")


def _full_sentence_start(text: str, start: int) -> int:
    """Given where a sentence starts, return where the sentence it goes on across semicolons starts (at most
    LIST_REACH_CHARS before)."""
    floor = max(0, start - LIST_REACH_CHARS)
    stop = _UP_TO_LAST_FULL_STOP.match(text, floor, start)
    return stop.end() if stop else floor


def _names_no_topic(words: str, spec: Spec) -> bool:
    """Given some words, return whether no word of any topic is among them."""
    return not any(w in words for ws in spec.topics.values() for w in ws)


_COUNTED_ITEM = re.compile(r"[0-9]+\s*(?:件|条|宗|项|个|份|次)$")


def _after_counted_subjects(before: str, markers: list[str], spec: Spec) -> bool:
    """Given the words of a sentence before a clause and the subject markers, return whether the clauses right before
    it are counted items naming no topic, back to one a marker opens (涉及问题楼盘32件，物业服务6件，): a list of what
    requests were about, which the clause goes on."""
    for previous in reversed(_CLAUSE_MARK.split(before)[:-1]):
        at = max((previous.rfind(m) + len(m) for m in markers if m in previous), default=-1)
        item = previous[max(at, 0):]
        if not _names_no_topic(item, spec) or not _COUNTED_ITEM.search(item.rstrip()):
            return False
        if at >= 0:
            return True
    return False


def _item_of_the_list(clause: str, topic: str, metric: str, spec: Spec) -> bool:
    """Given the words of a figure's clause before it and the metric it would take, right after a review or suit of
    its sentence found over another matter, return whether the clause names no disclosure word and either only a
    topic counted over disclosure work, with no verb of its own (共办理行政复议案件8件，行政诉讼案件5件: a next item of
    the same list, of the same matter), or a part of the topic's cases (，维持6件，纠正2件: the outcomes of the cases
    just counted, the organ's, as its 其中 parts are)."""
    if topic not in spec.disclosure["topics"]:
        return False
    words = clause.lstrip("，,、；;和及与 ")
    if any(w in words for w in spec.disclosure["words"]):
        return False
    return words.startswith(tuple(spec.topics[topic])) or metric != f"{topic}.total"


def _part_of_another_matter(group: str, topic: str, spec: Spec) -> bool:
    """Given the words of a figure's breakdown group before it (its sentence, or the one a 其中 sentence goes on from),
    return whether it is a part (after 其中) of cases over another matter (共办理行政复议案件20件，其中维持15件: the
    organ's decisions, as the total is the organ's cases)."""
    return topic in spec.disclosure["topics"] and any(b in group for b in spec.breakdown_words) \
        and _cause_names_another_matter(group, [], spec.disclosure["words"], _other_matters(spec))


@per_spec
def _other_matters(spec: Spec) -> re.Pattern[str]:
    """Given the spec, return the pattern of a word of another matter than disclosure, not right after a negation
    (尚未审结行政复议: the reviews pending, not the organ closing cases)."""
    negations = "".join(f"(?<!{re.escape(n)})" for n in spec.disclosure.get("matters_not_after", []))
    return re.compile(negations + "(?:" + "|".join(map(re.escape, spec.disclosure["other_matters"])) + ")")


def _cause_names_another_matter(left: str, openers: list[str], words: list[str], matters: re.Pattern[str]) -> bool:
    """Given the words of a clause before a review or suit (or its worded zero), return whether they make them
    cases over another matter than disclosure: the last cause opened there (因…, 由于…; not 原因) names none of the
    disclosure words, or no disclosure word stands beside a word of another matter (执法工作未被申请行政复议)."""
    if not any_word(words).search(left) and matters.search(left):
        return True
    at = max((i for o in openers for i in [left.rfind(o)] if i >= 0 and not left.endswith("原", 0, i)), default=-1)
    return at >= 0 and not any(w in left[at:] for w in words)


def _earlier_in_sentence(mentions: list[Mention], sentence_start: int) -> list[Mention]:
    """Given the mentions so far, in text order, the last one the current figure's, return those before it that start
    in its sentence: found by bisection, so a figure's checks read its sentence's mentions, not all before it (a long
    text without 。 would link in quadratic time)."""
    last = len(mentions) - 1
    return mentions[bisect_left(mentions, sentence_start, 0, last, key=_mention_start):last]


def _mention_start(mention: Mention) -> int:
    """Given a mention, return where its figure starts."""
    return mention.span[0]


def _unlinked_before(mentions: list[Mention], sentence_start: int) -> bool:
    """Given the mentions so far (in text order), return whether a printed figure of the sentence that starts there
    went unlinked."""
    for mention in reversed(mentions):
        if mention.span[0] < sentence_start:
            return False
        if mention.metric is None and not mention.implicit:
            return True
    return False


def _in_group(wholes: list[_Whole], group: int) -> list[_Whole]:
    """Given the figures linked so far and the sentence group of the next figure, return those of that group (groups
    only move forward, so the others are done with)."""
    return wholes if not wholes or wholes[-1].group == group else []


def _beside_a_count(zeros: list[Mention], wholes: list[_Whole]) -> list[Mention]:
    """Given the mentions of a zero and the figures linked before it in its sentence group, return them with the
    metrics unlinked that a figure above zero there already states (收到申请5件，均已答复，未产生依申请公开纠纷:
    the zero is of something narrower the words do not fix)."""
    counted = {w.metric for w in wholes if w.value > 0}
    kept = [m for m in zeros if m.metric not in counted]
    return kept or [replace(zeros[0], metric=None)]


@dataclass(frozen=True)
class _Whole:
    group: int  # where the sentence starts that its breakdowns (其中…) may follow
    end: int
    metric: str
    value: float


def _continues_the_one_before(text: str, sentence_start: int, spec: Spec) -> bool:
    """Given where a sentence starts, return whether it opens with a continuation word (其中…), past a list item's
    number (2. 其中…): it goes on with the sentence before."""
    numbered = _ITEM_NUMBER.match(text, sentence_start)
    return text.startswith(tuple(spec.continuation_words), numbered.end() if numbered else sentence_start)


def _breakdown_group(narrative: Narrative, sentence: tuple[int, int], spec: Spec) -> int:
    """Given a figure's sentence, return where the sentence starts whose figures it may break down: its own, or
    the one before when it opens with a continuation word (其中，镇级受理…)."""
    if sentence[0] > 0 and _continues_the_one_before(narrative.plain, sentence[0], spec):
        return narrative.sentence_bounds(sentence[0] - 1)[0]
    return sentence[0]


def _part_of_a_whole(text: str, fig: Figure, metric: str, wholes: list[_Whole], spec: Spec) -> bool:
    """Given a figure, the metric it would link to and the figures linked before it in its sentence group, return
    whether it is a part of one of them: the same metric, a larger figure, and a breakdown word between (共收到申请
    25件，其中通过平台收到20件: a channel's share, not the year's 收到)."""
    return any(w.metric == metric and w.value > float(fig.value)
               and any(b in text[w.end:fig.start] for b in spec.breakdown_words) for w in wholes)


def _part_of_a_zero(fig: Figure, metric: str | None, wholes: list[_Whole]) -> bool:
    """Given a figure, the metric it would link to and the figures linked before it in its sentence group, return
    whether it is a nonzero part of a topic whose total was stated as zero there (行政复议案件10件，行政诉讼案件0件，
    结果维持2件): a part of none belongs to another subject, which the nearest topic word does not tell."""
    if metric is None or fig.value == 0:
        return False
    total = metric.split(".", 1)[0] + ".total"
    return metric != total and any(w.metric == total and w.value == 0 for w in wholes)


def _part_of_the_other_topic(fig: Figure, metric: str, wholes: list[_Whole], rules: list[dict[str, Any]],
                             spec: Spec) -> str | None:
    """Given a nonzero part of a topic whose total was stated as zero in its sentence group (a result of reviews or
    suits), return the same part of the one other such topic counted above zero there, when its total still holds
    it beside the parts already linked (行政复议10件，行政诉讼0件，结果维持2件，尚未审结6件: the reviews'); None
    when no single such topic does."""
    topic, part = metric.split(".", 1)
    others = [w for w in wholes if w.value > 0 and w.metric.endswith(".total") and w.metric.count(".") == 1
              and w.metric.split(".")[0] in spec.zeros["result_topics"] and w.metric.split(".")[0] != topic]
    if len({w.metric for w in others}) != 1:
        return None
    other = others[-1].metric.split(".")[0]
    named = f"{other}.{part}"
    parts = sum(w.value for w in wholes if w.metric.startswith(other + ".") and w.metric != others[-1].metric)
    if parts + float(fig.value) > others[-1].value or not any(r["topic"] == other and r["metric"] == named for r in rules):
        return None
    return named


def _restated_otherwise(fig: Figure, metric: str, wholes: list[_Whole]) -> bool:
    """Given a figure, the metric it would link to and the figures linked before it in its sentence group, return
    whether one of them already states that metric with another value (4件为本机关不掌握…，2件为该政府信息不存在: the
    later one is a part the words do not mark as one; one cell has one value)."""
    return any(w.metric == metric and w.value != float(fig.value) for w in wholes)


def _stated_otherwise_in_paragraph(text: str, fig: Figure, metric: str, mentions: list[Mention]) -> bool:
    """Given a figure, the metric it would link to and the mentions so far (in text order, the last one the figure's),
    return whether an earlier figure of its paragraph already links that metric with another value."""
    paragraph_start = text.rfind("\n", 0, fig.start) + 1
    for mention in reversed(mentions[:-1]):
        if mention.span[0] < paragraph_start:
            return False
        if mention.metric == metric and float(mention.value) != float(fig.value):
            return True
    return False


def _answered_remainder(text: str, fig: Figure, metric: str, sentence: tuple[int, int], spec: Spec) -> bool:
    """Given a figure, the metric it would link to and its sentence, return whether it is the remainder answered after
    a withdrawal (主动撤销6件，其余38件全部按时答复): the withdrawn are results the remainder leaves out, whether or not
    the whole is printed (a part beside other parts summing to a printed whole is total_among_other_parts')."""
    parts = spec.result_parts
    if not parts or metric != parts["metric"]:
        return False
    before = text[sentence[0]:fig.start]
    return before.rstrip(CLAUSE_OPENING_MARKS).endswith(tuple(parts["remainder"])) \
        and any(w in before for w in parts["siblings"])


_COUNTED_PART = re.compile(r"([0-9]+)\s*(?:件|条|个|次|宗|份|项)")
_PART_SPLIT = re.compile(r"[，,；;、。]")


def total_among_other_parts(text: str, start: int, sentence: tuple[int, int], wholes: list[tuple[int, float]],
                            breakdown_words: list[str], complement: list[str]) -> bool:
    """Given a count linked to a total (where it starts in text), its sentence, the (end, value) of figures linked
    before it there, the breakdown words and the words naming the total's complement, return whether it is a part of
    a larger figure: the counts listed next to it after a breakdown word, a run of them holding it, add up to a figure
    before that word, and one of the others is not of the complement (其中线上办理26件，线下办理5件 of 31; 正在办理6件，
    主动撤销6件，其余38件 of 50). Beside complement parts only (其中办结8件，结转下年2件 of 10) it is the total. The
    breakdown runs on past a semicolon to the full stop (其中11宗已办理完毕；5宗已由申请人主动申请撤销 of 16)."""
    opened = max((text.rfind(b, sentence[0], start) for b in breakdown_words), default=-1)
    totals = {value for whole_end, value in wholes if whole_end <= opened}
    if opened < 0 or not totals:
        return False
    parts: list[tuple[float, bool]] = []  # (value, whether its clause names the complement) in text order
    own = -1
    cursor = opened
    full_stop = _FULL_STOP.search(text, start)
    for clause in _PART_SPLIT.split(text[opened:max(sentence[1], full_stop.start() if full_stop else len(text))]):
        counted = _COUNTED_PART.search(clause)
        clause_start = cursor
        cursor += len(clause) + 1
        if counted is None:
            continue
        if clause_start + counted.start() <= start < clause_start + counted.end():
            own = len(parts)
        parts.append((float(counted.group(1)), any(w in clause for w in complement)))
    if own < 0:
        return False
    for first in range(own + 1):
        for last in range(own, len(parts)):
            run = parts[first:last + 1]
            if len(run) > 1 and sum(v for v, _ in run) in totals \
                    and not all(named for i, (_, named) in enumerate(run) if first + i != own):
                return True
    return False


_LIST_SPLIT = re.compile(r"[，,；;、：:。]")
_COUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def listed_beside_another_category(text: str, start: int, unit: str, sentence: tuple[int, int], cues: list[str],
                                   spec: Spec) -> bool:
    """Given a figure (where it starts in text, its unit), its sentence and the cues of its topic, return whether it
    is listed beside a count in the same item unit of a category neither a topic word nor a cue of its topic names
    (行政许可24项、行政裁决2项; 行政复议（指南）1条，年度报告1条): the list counts items of categories (postings, powers,
    services), not a table's quantity. A list a breakdown word opens before the figure starts there (主动公开信息
    15625条，其中，制发规范性文件7条: the whole before it is no sibling)."""
    if unit not in spec.category_list_units:
        return False
    naming = [w for words in spec.topics.values() for w in words] + cues
    opened = max((text.rfind(b, sentence[0], start) for b in spec.breakdown_words), default=-1)
    cursor = max(sentence[0], opened)
    for clause in _LIST_SPLIT.split(text[cursor:sentence[1]]):
        clause_start = cursor
        cursor += len(clause) + 1
        counted = re.search(_COUNT.pattern + r"\s*" + re.escape(unit), clause)
        if counted is None or clause_start <= start < cursor:
            continue
        if len(clause[:counted.start()].strip(CLAUSE_OPENING_MARKS)) < 2 \
                or any(w in clause for w in spec.category_list_changes):
            continue
        if not any(w in clause for w in naming):
            return True
    return False


_PARENTHESIS_AFTER = re.compile(r"\s*[（(]([^）)]*)[）)]")


def holds_carried_in(before: str, value: float, after: str, breakdown_words: list[str], report_year: int | None,
                     carry_words: list[str], parts: dict[str, Any]) -> bool:
    """Given the words of a count's clause before it and of its sentence after it, the breakdown words, the report
    year (None when unknown), the carry words and the words of carried_in_parts, return whether its own breakdown
    names a part from an earlier year that it holds: in the parenthesis right after it (包含上一年度结转2件) or among
    the parts a breakdown or inclusion word opening right after it lists (其中4件来自上一年度结转; 内含上年结转4件;
    其中结转2023年3件 or 2023年转入3件 in the 2024 report: the year before, next to a carry word). A part left out, beside, none or compared with (不含上年结转5件,
    另有上年结转3件, 上年无结转, 上年结转0件, 较2022年减少3件) holds nothing, nor one after parts that already add up to
    the count (the `value`: 176件，其中线上申请132件、信函申请44件，上年结转2件 leave it no room), and a count its clause
    calls new (新收47件) holds no carried part whatever follows."""
    if any(w in before for w in parts["new_words"]):
        return False
    inside = _PARENTHESIS_AFTER.match(after)
    if inside is not None:
        listed = inside.group(1)
    else:
        opening = after.lstrip(CLAUSE_OPENING_MARKS)
        if not opening.startswith((*breakdown_words, *parts["openers"])):
            return False
        listed = opening
    if report_year is not None:  # 其中结转2023年3件, in the 2024 report; not 2023年提交的4件 nor 2021-2022年为40件
        carry = "|".join(map(re.escape, [*carry_words, *parts["from_year"]]))
        year = rf"{report_year - 1}\s*年度?"
        listed = re.sub(rf"(?:{carry})\s*{year}|{year}\s*(?:{carry})", "上年结转", listed)
    summed = 0.0  # the parts listed before a carried one
    for part in _PART_SPLIT.split(listed):
        counted = _COUNT.search(part)
        if any(w in part for w in parts["earlier"]) and not any(n in part for n in parts["not_held"]) \
                and (counted is None or float(counted.group()) > 0):
            return summed != value
        summed += float(counted.group()) if counted else 0.0
    return False


def _sum_of_parts(text: str, fig: Figure, local_start: int, sentence: tuple[int, int], wholes: list[_Whole],
                  spec: Spec) -> _Link | None:
    """Given a figure with no cue, its sentence and the figures linked before it in its sentence group, return the
    reading of a total word standing alone before it (共计61件) after figures of the sentence linked to each part of a
    sum (新收58件，上年结转3件): that sum; None otherwise."""
    before = text[local_start:fig.start].strip(CLAUSE_OPENING_MARKS)
    linked = {w.metric for w in wholes if w.end > sentence[0]}
    for total in spec.sums:
        if before in total["words"] and all(p in linked for p in total["parts"]):
            return _Link(total["metric"], (), local_start, cue_end=fig.start)
    return None


def _timely_part(text: str, fig: Figure, link: _Link, local_start: int, wholes: list[_Whole],
                 mentions: list[Mention], spec: Spec) -> bool:
    """Given a linked figure, the figures linked before it in its sentence group and every mention so far, return
    whether a word of timeliness by its cue makes it the part answered in time of a larger figure a breakdown word
    opens (受理申请40件，其中按期办结36件: the other 4 may be late); equal to that figure, every one was answered in
    time. A breakdown whose parts printed before the figure already sum to its whole is closed (其中信函申请26件，
    网络申请8件 of 34): the figure after them is no part of it."""
    if not any_word(spec.timely_words).search(text[max(local_start, link.cue_start - 6):fig.start]):
        return False
    return any(w.value > float(fig.value) and any(b in text[w.end:fig.start] for b in spec.breakdown_words)
               and not _breakdown_closed(w, fig, mentions) for w in wholes)


def _breakdown_closed(whole: _Whole, fig: Figure, mentions: list[Mention]) -> bool:
    """Given a whole, a figure after it and every mention so far, return whether the printed counts between them sum
    to the whole: its breakdown has ended before the figure."""
    parts = [m.value for m in mentions if not m.implicit and m.unit != "%" and whole.end <= m.span[0]
             and m.span[1] <= fig.start]
    return len(parts) > 1 and sum(parts) == whole.value


_NEXT_CLAUSE = re.compile(r"[^，,；;。]*[，,；;]\s*")


def _whole_of_a_part_named_in_full(text: str, fig: Figure, local_start: int, sentence: tuple[int, int], topic: str,
                                   spec: Spec) -> bool:
    """Given a figure, where its clause's words start, its sentence and its topic, return whether its clause (before
    and after it) names the topic by its shortest word only (申请) while the clause after it opens with a breakdown
    word and names the topic by a longer word (其中政府信息公开申请2件): the figure counts a broader kind, some of
    which are the topic."""
    words = spec.topics.get(topic, ())
    if not words:
        return False
    gap = _NEXT_CLAUSE.match(text, fig.end, sentence[1])
    if gap is None or not text.startswith(tuple(spec.breakdown_words), gap.end()):
        return False  # most figures: no breakdown opens the next clause, the topic's words need not be weighed
    shortest = min(words, key=len)
    longer = [w for w in words if len(w) > len(shortest)]
    if any(w in text[local_start:gap.end()] for w in longer):
        return False
    part = _CLAUSE_END.split(text[gap.end():sentence[1]], maxsplit=1)[0]
    return any(w in part for w in longer)


def _names_other_topic(words: str, topic: str, spec: Spec) -> bool:
    """Given words between a figure and a cue after it, return whether a word of another topic stands there."""
    return any(w in words for other, ws in spec.topics.items() if other != topic for w in ws)


def _in_parenthesis_after(text: str, fig: Figure, previous_end: int) -> bool:
    """Given a figure and where the previous figure ends, return whether this one stands in a parenthesis opened
    right after it (规章13件（含新制定5件，废止4件）)."""
    return previous_end >= 0 and text[previous_end:previous_end + 1] in ("（", "(") \
        and not any(c in text[previous_end:fig.start] for c in "）)。；;")


def _joined_to_previous(text: str, fig: Figure, previous_link: tuple[int, int]) -> bool:
    """Given a figure and the last linked one, return whether this one continues its list: joined by 、和及与 right
    after the previous figure, with no other figure or clause break between (废止规章17件、规范性文件0件)."""
    end = previous_link[0]
    between = text[end:fig.start]
    return end >= 0 and between[:1] in tuple(LIST_JOINERS) and not _SCOPE_END.search(between) \
        and not _NEXT_NUMBER.search(between)


def _set_verdict(mention: Mention, fig: Figure, view: TableView | None) -> None:
    """Set a linked mention's verdict: against the tables, or unverified without them."""
    if mention.metric is None:
        return
    if view is not None:
        _judge(mention, fig, view)
    else:
        mention.verdict = "unverified"


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
    # A cell whose place in the row is in doubt cannot contradict the narrative, nor can one reading when another
    # (一＋二 beside 新收) rests on a cell left unread: the figure may be that one.
    unread = any(view.unread(k) for k in readings if k not in known)
    mention.verdict = "unverified" if unread or all(view.doubtful(k) for k in known) else "mismatch"
