"""Lines -> one narrative text with provenance, the six sections, sentences and clauses."""
from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, field
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz

from extraction.document import WRAPPED_FORMATS, Source, TextLine, Where
from extraction.ingest.text import display_width
from extraction.labels import norm
from extraction.script import half_width, simplified, without_number_spacing, without_reading_aids
from extraction.spec import load_spec

SECTION_NUMBERS = "一二三四五六"
HEADING_MAX_CHARS = 40
HEADING_FUZZY_SCORE = 88
_TOP_NUMBERING = re.compile(r"^([一二三四五六七八九十])[、.．,，\s]*")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s*|\*\*|__")  # ## 一、总体情况, **一、总体情况**
# What a converter adds to a line that is no part of its words, left out of the narrative: a markdown heading's #s,
# emphasis, a list item's bullet (### （三）…情况。本年度无此类情况; • 其中，公开18件 goes on with the sentence before).
# The line's head and its emphasis are sought apart: the head is tried at the line's start alone, the emphasis marks are
# scanned for in C (one pattern of both was tried at every character).
_LINE_HEAD_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[•·▪●◆■]\s*|[-*+]\s+)")
_EMPHASIS = re.compile(r"\*\*|__")
_FIRST_NUMBERED = re.compile(r"^一\s*[、.．]")  # 一、 opening a heading, not 一是 opening a list item
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_CLAUSE_END = re.compile(r"[。；;！？!?\n，,、：:（）()]")
# Longest sentence in the real corpora: 384 characters. A longer run without 。；\n (a table flattened into prose, a
# text whose line breaks were lost) is read in windows of at most this many, so linking costs the same per figure
# however long the run: every look around a figure stays inside its window.
SENTENCE_WINDOW_CHARS = 1000
GLUED_FORMAT = "text-concat"  # a scraper's text export: section headings run on in the paragraphs around them
_GLUED_HEADING = re.compile(r"(?:^|(?<=[。；;！？!?\n0-9０-９]))\s*([一二三四五六])、")
_ASCII_TAIL = re.compile(r"[A-Za-z0-9]$")
_ASCII_HEAD = re.compile(r"^[A-Za-z0-9]")
# A text file of a PDF (a converter's markdown, html2text) keeps the page's hard line breaks: a line that reaches the
# line width and stops mid-sentence goes on in the next line (制\n发行政规范性文件58件 is 制发…). The width is the
# file's own: the third-longest line (one or two overlong ones, a title or a URL, say nothing), and a line within
# WRAP_SHARE of it reaches it (digits and punctuation are narrower than a character's box).
WRAP_SHARE = 0.85
WRAP_RANK = 3  # the line width is the third-longest line's
MIN_LINE_CHARS = 20  # the narrowest line width a page wraps at, in characters (an A5 page holds 25)
MIN_WRAPPED_LINES = 3  # full-width lines ending mid-sentence needed to call a file hard-wrapped
MIN_OPEN_SENTENCE_LINES = 2  # lines ending a sentence on a word, with no inner stop anywhere, to call a file one a line
AT_WIDTH_SHARE = 0.75  # of the lines ending on a word, the share at one width that makes a file hard-wrapped
_LINE_END = re.compile(r"[。！？；：!?;:…][”’」』）)]*\s*$")  # a line that ends its sentence (or clause list)
_ITEM_HEAD = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])")  # （二）, 二、, 2.
_CONTINUATION_HEAD = re.compile(r"^[、，,。．；;：:！？!?）)」』”’%％]")  # cannot start a line of its own: the line above wrapped
# A count with its unit (3件，) does not start a paragraph; after a line as long as a wrapped one stopping mid-phrase
# (…其中结果维持 / 3件) it is where a wrapper breaking only at spaces broke the line (html2text: a CJK run longer than
# its width goes to the next space). A shorter line may be a label of its own (上年结转 / 2件…).
_UNITS = r"(?:件|条|个|项|次|人次|家|篇|场|期|份|宗)"
_COUNT_HEAD = re.compile(rf"^\d+(?:\.\d+)?{_UNITS}")
_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]\s*$")
_UNIT_HEAD = re.compile(rf"^{_UNITS}")  # a count's unit (另有 103 / 件顺延…): the count ended the line above
_NUMBER_TAIL = re.compile(r"\d\s*$")
# A line that stops inside a clause (a converter's break at a span or a page's edge: 本年度共收到政府信息公开 / 申请5件):
# a line of running text (a clause mark inside it) ending on a word, or any line ending on a word whose next line's
# first clause is a count (a paragraph's first clause broken), goes on in the next line — unless the next line opens
# a heading, an item, a run-in heading (申请公开情况。) or a sentence of its own (2021年…), or the line is a title.
_OPEN_TAIL = re.compile(r"[\u4e00-\u9fff]$")
# In a file that prints sentences one a line, a line also ends its sentence on a figure or its bracket (…答复率为100% /
# …答复1336件（结转到2025年80件） / 已办结18，结转下年度继续办理5): no stop mark but a word's or a count's end.
_SENTENCE_TAIL = re.compile(r"[\u4e00-\u9fff0-9%％)）]$")
_INNER_CLAUSE_MARK = re.compile(r"[，,；;。]")  # not a colon: 来源：本网 is a page's label, no running text
_INNER_SENTENCE_END = re.compile(r"[。；;！？!?]")
_INNER_STOP = re.compile(r"[。！？!?][”’」』）)]*\s*[\u4e00-\u9fff0-9A-Za-z（(]")  # a sentence's end with words after it
_RUN_IN_COLON = re.compile(r"[：:]")  # (二)依申请公开情况：2023年收到依 / 申请公开292件: a heading run into its text
_DATE_UNIT_HEAD = re.compile(r"^[年月日]")
_COUNT_TAIL = re.compile(rf"\d\s*{_UNITS}$")  # a count ends its clause, whatever follows
_TITLE_TAIL = re.compile(r"(?:情况|方面|概况|概述|报告|年报|目录|说明)$")
_WORD_HEAD = re.compile(r"^[\u4e00-\u9fff0-9０-９]")
_SENTENCE_HEAD = re.compile(r"^(?:(?:19|20)\d{2}\s*年|本年|今年|全年|上年|[一二三四五六七八九十]是|首先|其次|此外)")
RUN_IN_HEADING_CHARS = 12  # 申请公开情况。 opening a line: a heading run into its paragraph, no clause's end
_RUN_IN_HEADING = re.compile(rf"^[^0-9０-９，,；;。：:]{{1,{RUN_IN_HEADING_CHARS}}}[。：:]")
COUNT_CLAUSE_CHARS = 16  # how far into the next line its first clause may hold the count that carries a bare line over
LABEL_MAX_CHARS = 8  # 上年结转, 本年新收申请: a line this short over a count is a label over its value
_CLAUSE_COUNT = re.compile(rf"^[^，,；;。：:]{{0,{COUNT_CLAUSE_CHARS}}}?\d+(?:\.\d+)?\s*{_UNITS}")


# A count printed in brackets between its noun and its unit (政务信息(1386)条, 申请（5）件) reads, for matching, as the
# number alone: its brackets become spaces in Narrative.plain (same length), so the figure is found and its clause
# runs on through it. Not a reference's item (第36条(2)项).
# The pattern opens with the bracket, its noun looked back at from there (right before it or one space before): a
# pattern opening with a look-behind is tried at every character of the narrative.
_BRACKETED_COUNT = re.compile(
    r"[（(](?:(?<=[\u4e00-\u9fff][（(])(?<![条款][（(])|(?<=[\u4e00-\u9fff]\s[（(])(?<![条款]\s[（(]))"
    rf"(\s*\d+(?:\.\d+)?\s*)[)）](?=\s*{_UNITS})(?!\s*(?:项目|个人))")


def _unbracketed_counts(text: str) -> str:
    """Given narrative text, return it with the brackets around each bracketed count turned into spaces."""
    return _BRACKETED_COUNT.sub(lambda m: f" {m.group(1)} ", text)


@lru_cache(maxsize=1)
def _paired_verbs() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Return the pattern of a paired verb joined to a verb it pairs with (发布、废止), and each one's reading."""
    spec = load_spec()
    readings = {word: pair["reads_as"] for word, pair in spec.paired_verbs.items()}
    if any(len(reading) != len(word) for word, reading in readings.items()):
        raise ValueError("paired_verbs: each reading must be as long as its verb (offsets into plain are into text)")
    if not readings:
        return None, {}
    alternatives = [f"{re.escape(word)}(?=(?:{'|'.join(map(re.escape, spec.paired_joiners))})"
                    f"(?:{'|'.join(map(re.escape, spec.paired_verbs[word]['with']))}))" for word in readings]
    return re.compile("|".join(alternatives)), readings


def _paired_verbs_read(text: str) -> str:
    """Given narrative text, return it with each paired verb read as the verb it stands for (发布、废止 -> 制发、废止)."""
    pattern, readings = _paired_verbs()
    return pattern.sub(lambda m: readings[m.group(0)], text) if pattern else text


@dataclass
class Section:
    no: str  # 一 … 六; "" for the text before 一 (title, preamble)
    title: str
    start: int  # char offsets into Narrative.text
    end: int
    heading_line: int | None = None  # index into Source.lines


@dataclass
class Narrative:
    """All running text of a report joined into one string, with a char -> line map for provenance."""

    text: str
    line_starts: list[int]
    lines: list[TextLine]
    sections: list[Section] = field(default_factory=list)
    # text in simplified script, digits half-width, paired verbs read (发布、废止 as 制发、废止), same length: what the
    # grammar matches (quotes come from text)
    plain: str = ""
    _cache: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.plain = self.plain or _paired_verbs_read(_unbracketed_counts(half_width(simplified(self.text))))

    def where(self, offset: int) -> Where:
        i = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return self.lines[i].where if self.lines else Where()

    def section_at(self, offset: int) -> str:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.no
        return ""

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """Given an offset, return its sentence (a window of it when the sentence is over SENTENCE_WINDOW_CHARS)."""
        return self._bounds(offset, self._sentence_ends(), inclusive=True)

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """Given an offset, return its clause, inside its sentence window."""
        if "clauses" not in self._cache:
            ends = sorted(set(self._ends(_CLAUSE_END)) | set(self._sentence_ends()))
            self._cache["clauses"] = _windowed(ends, len(self.text), [])
        return self._bounds(offset, self._cache["clauses"], inclusive=False)

    def _sentence_ends(self) -> list[int]:
        """Offsets where sentences end, with a window cut (at a clause end where one is near) in an over-long one."""
        if "sentences" not in self._cache:
            self._cache["sentences"] = _windowed(self._ends(_SENTENCE_END), len(self.text), self._ends(_CLAUSE_END))
        return self._cache["sentences"]

    def _ends(self, pattern: re.Pattern[str]) -> list[int]:
        """Offsets of the punctuation that ends a sentence (or clause), computed once per narrative."""
        key = pattern.pattern
        if key not in self._cache:
            self._cache[key] = list(map(re.Match.start, pattern.finditer(self.plain)))  # as the grammar reads it
        return self._cache[key]

    def _bounds(self, offset: int, ends: list[int], inclusive: bool) -> tuple[int, int]:
        i = bisect.bisect_left(ends, offset)
        start = ends[i - 1] + 1 if i > 0 else 0
        if i < len(ends):
            return start, ends[i] + 1 if inclusive else ends[i]
        return start, len(self.text)


def _windowed(ends: list[int], length: int, breaks: list[int]) -> list[int]:
    """Given sorted end offsets in a text of this length and sorted offsets where a cut may fall, return the ends
    with cuts added so that no span is longer than SENTENCE_WINDOW_CHARS: at the last break that keeps the span
    within the bound, else at the bound itself."""
    # Most texts have no span over the bound: their ends stand as they are (the spans measured in C).
    if max(map(operator.sub, [*ends, length], [-1, *ends])) <= SENTENCE_WINDOW_CHARS:
        return ends[:bisect.bisect_left(ends, length)]
    out: list[int] = []
    previous = -1
    for end in [*ends, length]:
        while end - previous > SENTENCE_WINDOW_CHARS:
            i = bisect.bisect_right(breaks, previous + SENTENCE_WINDOW_CHARS) - 1
            cut = breaks[i] if i >= 0 and breaks[i] > previous else previous + SENTENCE_WINDOW_CHARS
            out.append(cut)
            previous = cut
        if end < length:
            out.append(end)
            previous = end
    return out


def join_lines(lines: list[TextLine], wrapped: bool, as_printed: bool = False) -> Narrative:
    """Given text lines (and whether to keep each line's words as printed), return one text; PDF visual lines
    (wrapped) join without a break, others with '\\n'; in a file that prints sentences one a line with their 。
    dropped, a line ending on a word ends its sentence inside its paragraph: read, not printed, it joins the next line
    of the file with a 。 (same length as the break it stands for). Read, a line is without a converter's markup and
    Word's spacing around numbers; reading aids are no part of it either way."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    own_lines = not wrapped and _sentences_one_a_line(lines, display_width)
    hard = set() if wrapped else hard_wraps(lines, own_lines)
    for line in lines:
        text = without_reading_aids(line.text) if as_printed else _read_line(line.text)
        if parts:
            sep = "\n"
            before = lines[len(starts) - 1]
            joined = wrapped or len(starts) - 1 in hard
            if joined and not _is_heading_like(text) and not _is_heading_like(before.text):
                sep = " " if _ASCII_TAIL.search(parts[-1]) and _ASCII_HEAD.search(text) else ""
            elif own_lines and not as_printed and _ends_sentence_in_paragraph(before, line):
                sep = "。"
            parts.append(sep)
            pos += len(sep)
        starts.append(pos)
        parts.append(text)
        pos += len(text)
    return Narrative("".join(parts), starts, lines)


def _read_line(text: str) -> str:
    """Given a line as printed, return its words as the grammar reads them: no markup, reading aids or number spacing."""
    head = _LINE_HEAD_MARKUP.match(text)
    text = text[head.end():] if head else text
    return without_number_spacing(without_reading_aids(_EMPHASIS.sub("", text) if "**" in text or "__" in text else text))


def _ends_sentence_in_paragraph(line: TextLine, next_line: TextLine) -> bool:
    """Given two lines of a file that prints sentences one a line, return whether the first ends a sentence that its
    paragraph goes on after: it ends on a word or a figure, the next is the file's next line, and neither is a heading."""
    return (next_line.where.line is not None and next_line.where.line == (line.where.line or 0) + 1
            and bool(_SENTENCE_TAIL.search(line.text.strip())) and not _is_heading_like(line.text)
            and not _is_heading_like(next_line.text))


def hard_wraps(lines: list[TextLine], own_lines: bool | None = None) -> set[int]:
    """Given the running-text lines of a text file, return the indices of those that a hard line break cut mid-sentence
    (the next file line goes on with the sentence): a line that starts with a mark no line starts with (、其他结果4件)
    ends the one above it; in a hard-wrapped file (MIN_WRAPPED_LINES lines or more reach its line width and stop
    mid-sentence, half or more of the lines that reach it) so does a line that reaches the width. The width is
    measured as a page measures it (display columns: a PDF converter's lines) or as a text wrapper counts it
    (characters: html2text). Lines of other kinds (paragraphs, cells) have no file line numbers to be next to each
    other. A file that prints sentences one a line (`own_lines`; measured when None) cuts no clause."""
    nexts = [i for i in range(len(lines) - 1)
             if lines[i].where.line is not None and lines[i + 1].where.line == lines[i].where.line + 1]
    own_lines = _sentences_one_a_line(lines, display_width) if own_lines is None else own_lines
    out = {i for i in nexts if _CONTINUATION_HEAD.match(lines[i + 1].text.strip())
           or (_COUNT_HEAD.match(lines[i + 1].text.strip()) and _CJK_TAIL.search(lines[i].text)
               and len(lines[i].text.strip()) >= MIN_LINE_CHARS)
           or (_UNIT_HEAD.match(lines[i + 1].text.strip()) and _NUMBER_TAIL.search(lines[i].text))
           or _stops_inside_clause(lines[i].text.strip(), lines[i + 1].text.strip(), own_lines)}
    if not own_lines:
        for width in (display_width, len):
            out |= _full_lines(lines, width) & set(nexts)
    return out


def _sentences_one_a_line(lines: list[TextLine], width: Callable[[str], int]) -> bool:
    """Given the running-text lines of a text file and how to measure them, return whether it prints each sentence on
    a line of its own with its 。 dropped (…全年共办结606件，另有50件结转下年度办理 / 全区政府信息公开行政复议70件…):
    no line holds a sentence's end with more words after it, MIN_WRAPPED_LINES or more end on a word or a figure after
    a clause mark, and their widths spread (most of a hard-wrapped file's stop at its one width, within WRAP_SHARE of the
    widest). Such a line ends its sentence; read as cut by a break, it would run into the next sentence's topic."""
    texts = [line.text.strip() for line in lines if not _is_heading_like(line.text)]
    if any(_INNER_STOP.search(text) for text in texts):
        return False
    ended_open = [width(text) for text in texts if _SENTENCE_TAIL.search(text) and _INNER_CLAUSE_MARK.search(text)]
    if len(ended_open) < MIN_OPEN_SENTENCE_LINES:
        return False
    at_width = sum(w >= WRAP_SHARE * max(ended_open) for w in ended_open)
    return at_width < AT_WIDTH_SHARE * len(ended_open)


def _stops_inside_clause(line: str, next_line: str, sentences_own_lines: bool = False) -> bool:
    """Given a line and the next one (and whether the file prints each sentence on a line of its own), return whether
    the line stops inside a clause that the next goes on with."""
    if _NUMBER_TAIL.search(line) and _DATE_UNIT_HEAD.match(next_line):
        return True  # 结转2024 / 年办理37件: a date's number and its unit
    if sentences_own_lines or not _OPEN_TAIL.search(line) or _COUNT_TAIL.search(line) or not _WORD_HEAD.match(next_line):
        return False
    if line.startswith("#") or _is_heading_like(line) or _is_heading_like(next_line) or _ITEM_HEAD.match(next_line) \
            or _RUN_IN_HEADING.match(next_line) or _SENTENCE_HEAD.match(next_line):
        return False
    counted = bool(_CLAUSE_COUNT.match(next_line))
    if _ITEM_HEAD.match(line) and not _INNER_SENTENCE_END.search(line):
        # an item's heading (（三）完善制度，加强管理) or its first sentence (1、2024年度，我办受理依申请公 / 开38件)
        return counted and bool(_INNER_CLAUSE_MARK.search(line) or _RUN_IN_COLON.search(line))
    if _INNER_CLAUSE_MARK.search(line):
        return True
    # a count opening the next line after a line as short as a label (上年结转 / 2件) is that label's value
    labelled = _COUNT_HEAD.match(next_line) and len(line) <= LABEL_MAX_CHARS
    return counted and not labelled and not _TITLE_TAIL.search(simplified(line))


def _full_lines(lines: list[TextLine], width: Callable[[str], int]) -> set[int]:
    """Given running-text lines and how to measure them, return those that reach the file's line width when the file
    is hard-wrapped at it (see hard_wraps), else none: a full line ending its sentence at the margin goes on with its
    paragraph too, unless the next line opens an item; a line stopping mid-sentence short of the width goes on when
    the next line's first word would not have fitted after it (a wrapper breaking at spaces: 申请 57 / 件。上年结转…)."""
    widths = [0 if _is_heading_like(line.text) else width(line.text.rstrip()) for line in lines]  # headings never wrap
    if len(widths) < WRAP_RANK:
        return set()
    line_width = sorted(widths, reverse=True)[WRAP_RANK - 1]
    if line_width < width("字" * MIN_LINE_CHARS):
        return set()
    full = [i for i, w in enumerate(widths) if w >= WRAP_SHARE * line_width]
    open_ended = [i for i in full if not _LINE_END.search(lines[i].text)]
    if len(open_ended) < MIN_WRAPPED_LINES or 2 * len(open_ended) < len(full):
        return set()
    opens_item = {i for i in full if i + 1 < len(lines) and _ITEM_HEAD.match(lines[i + 1].text.strip())}
    pushed = {i for i in range(len(lines) - 1) if not _LINE_END.search(lines[i].text) and " " in lines[i + 1].text.strip()
              and widths[i] + 1 + width(lines[i + 1].text.strip().split(" ")[0]) > line_width}
    return {i for i in full if i in open_ended or i not in opens_item} | pushed


def _is_heading_like(text: str) -> bool:
    return len(text.strip()) <= HEADING_MAX_CHARS and _heading_number(text) is not None


@lru_cache(maxsize=16384)  # a pure function of the line; headings recur in every report
def _heading_text(text: str) -> str:
    """Given a line, return its words as a heading's are matched: no reading aids or markdown, simplified, normalised."""
    return norm(simplified(_MARKDOWN.sub("", without_reading_aids(text))))


@lru_cache(maxsize=16384)  # a pure function of the line (the spec is the process's); headings recur in every report
def _heading_number(text: str) -> str | None:
    """Given a line, return the section number (一…六) it is the heading of, or None."""
    t = _heading_text(text)
    if not t or len(t) > HEADING_MAX_CHARS:
        return None
    m = _TOP_NUMBERING.match(t)
    printed = m.group(1) if m else None
    body = t[m.end():] if m else t
    if printed is not None and printed not in SECTION_NUMBERS:
        return None
    for no, names in load_spec().sections.items():
        for name in names:
            name = norm(name)
            if body == name or (printed == no and body.startswith(name)):
                return no if printed in (None, no) else None
            if printed == no and fuzz.ratio(body, name) >= HEADING_FUZZY_SCORE:
                return no
    return None


def find_sections(narrative: Narrative, table_positions: set[int] = frozenset(), glued: bool = False) -> list[Section]:
    """Given the joined narrative (and where tables sit between its lines, and whether headings may be glued into
    the running text), return sections 一…六 in order; a table of contents is skipped."""
    candidates: list[tuple[int, str]] = []  # (line index, number)
    for i, line in enumerate(narrative.lines):
        no = _heading_number(line.text)
        if no is not None:
            candidates.append((i, no))
    candidates = _drop_unnumbered_after_numbered(narrative.lines, candidates)
    headings = {narrative.line_starts[i]: (i, no, narrative.lines[i].text.strip())
                for i, no in _first_section_by_number(narrative.lines, _drop_table_of_contents(candidates, table_positions))}
    chosen = _in_order(headings)
    if glued:
        with_glued = _in_order({start: (i, no, title) for start, i, no, title in _glued_headings(narrative)} | headings)
        # Believed only with 一 among them: sections found from 四 on would hide the narrative before them.
        chosen = with_glued if any(no == SECTION_NUMBERS[0] for _, _, no, _ in with_glued) else chosen
    sections: list[Section] = []
    first = chosen[0][0] if chosen else len(narrative.text)
    sections.append(Section("", "", 0, first))
    for k, (start, i, no, title) in enumerate(chosen):
        end = chosen[k + 1][0] if k + 1 < len(chosen) else len(narrative.text)
        sections.append(Section(no, title, start, end, i))
    return sections


def _in_order(headings: dict[int, tuple[int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Given headings by offset as (line index, number, title), return (offset, line index, number, title) of those
    whose numbers rise through the text (a later 一 is a table's row, not a section)."""
    chosen: list[tuple[int, int, str, str]] = []
    for start in sorted(headings):
        i, no, title = headings[start]
        if chosen and SECTION_NUMBERS.index(no) <= SECTION_NUMBERS.index(chosen[-1][2]):
            continue
        chosen.append((start, i, no, title))
    return chosen


def _glued_headings(narrative: Narrative) -> list[tuple[int, int, str, str]]:
    """Given the narrative of a scraper's text export, return (offset, line index, number, heading) of the section
    headings glued into its lines (下载。一、总体情况2019年，…): a section's number and name right after a line's start,
    a sentence's end or a table's last figure, its body following with no break. Words between the number and the
    name may qualify it (五、政府信息公开工作存在的主要问题…), a clause break may not."""
    out: list[tuple[int, int, str, str]] = []
    for match in _GLUED_HEADING.finditer(narrative.plain):
        no = match.group(1)
        after = narrative.plain[match.end():match.end() + HEADING_MAX_CHARS]
        names = [simplified(name) for name in load_spec().sections[no]]
        ends = [after.find(name) + len(name) for name in names if name in after and not _CLAUSE_END.search(after[:after.find(name)])]
        if ends:
            i = max(0, bisect.bisect_right(narrative.line_starts, match.start(1)) - 1)
            out.append((match.start(1), i, no, narrative.text[match.start(1):match.end() + min(ends)]))
    return out


def _drop_unnumbered_after_numbered(lines: list[TextLine], candidates: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Given the lines and the headings found by their words, return them without the unnumbered ones that follow a
    numbered one: a report that numbers its sections numbers them all, so 主动公开情况 on its own line under
    一、总体情况 is a subheading of 一 (its number dropped), not the start of section 二."""
    out: list[tuple[int, str]] = []
    numbered = False
    for i, no in candidates:
        printed = _TOP_NUMBERING.match(_heading_text(lines[i].text)) is not None
        if numbered and not printed:
            continue
        numbered = numbered or printed
        out.append((i, no))
    return out


def _first_section_by_number(lines: list[TextLine], candidates: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Given the lines and the headings found by their words, return the headings with section 一 added when its
    words are unknown (一、基本情况, 一、工作概述): a short line numbered 一、 before the first heading found, when
    that one is 二, is section 一 by its place."""
    if not candidates or candidates[0][1] != "二":
        return candidates
    for i in range(candidates[0][0]):
        text = _heading_text(lines[i].text)
        if _FIRST_NUMBERED.match(text) and len(text) <= HEADING_MAX_CHARS:
            return [(i, "一"), *candidates]
    return candidates


def _drop_table_of_contents(candidates: list[tuple[int, str]], table_positions: set[int]) -> list[tuple[int, str]]:
    """Headings on consecutive lines (three or more in a row, numbers rising, no table between) are a table of contents."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for cand in candidates + [(-10, "")]:
        if (run and cand[0] == run[-1][0] + 1 and cand[0] not in table_positions
                and SECTION_NUMBERS.find(cand[1]) > SECTION_NUMBERS.find(run[-1][1])):
            run.append(cand)
            continue
        if len(run) < 3:
            out.extend(run)
        run = [cand]
    return [c for c in out if c[1]]


def segment(source: Source) -> Narrative:
    """Given a Source, return its narrative text with sections."""
    narrative = join_lines(source.lines, wrapped=source.format in WRAPPED_FORMATS)  # PDF visual lines
    narrative.sections = find_sections(narrative, {t.line_index for t in source.tables}, source.format == GLUED_FORMAT)
    return narrative
