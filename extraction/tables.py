"""Raw table grids -> canonical template cells (表二, 表三, 表四), label-anchored, with the identities as tie-breaker.

Tables continued over pages or split into several <table>s are read as one stream of rows: a row is
placed by its label (fuzzy, numbering-insensitive), its values are the trailing value-like cells. Which value
sits in which column, when the count does not say, is left to extraction/placement.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from rapidfuzz import fuzz

from extraction.document import UNREAD, Cell, RawTable, Where
from extraction.figures import parse_number
from extraction.labels import core, norm
from extraction.corrections import LOW_OCR_CONFIDENCE, choose_corrected, vouched
from extraction.lazy import cached
from extraction.placement import (AMBIGUOUS, NULL_MARKS, Alternative, Candidate, Choice, Slot, alternatives,
                                  collapse_repeats, distinct, empty_column, equal_pair, number, row_candidates, status,
                                  subtotal_column)
from extraction.sparse import PAIR_CONFIDENCE, SPARSE_CONFIDENCE, Row as SparseRow, one_row_reading, sparse_slots
from extraction.spec import Identity, Spec, VersionSpec, load_spec, per_spec

FUZZY_ROW_SCORE = 80
WRAPPED_LABEL_MIN_CHARS = 5  # a label cut by a line wrap still names its row when this long and unique
_NUMBERING_START = re.compile(r"(?:[一二三四五六七八九十]+\.|（[一二三四五六七八九十]+）|\d{1,2}\.)(?=[^\d.])")  # in norm() form
_INNER_NUMBERING = re.compile(r"(?:[一二三四五六七八九十]+\.|（[一二三四五六七八九十]+）|(?<![\d.])\d{1,2}\.)(?=[^\d.])")  # in norm() form
MAX_WRAPPED_LINES = 4  # label lines above a row of values that may be the start of its label
WRAPPED_LABEL_CONFIDENCE = 0.9  # a wrapped label places its row by its whole words or its start, not by likeness
ORDER_CONFIDENCE = 0.7  # a row placed by its position among the printed rows, not by its label
DOUBTFUL_CONFIDENCE = 0.5  # at or below: a cell narrative checks do not judge by (placement unconfirmed)
INFERRED_CONFIDENCE = 0.8  # at most, for an OCR reading the identities replaced: proven by them, yet not printed as read
AMBIGUOUS_CORRECTION = "ambiguous_correction"  # more than one OCR cell could be re-read to make the identities hold
REVIEW_PART_WIDTH = 5  # 结果维持 结果纠正 其他结果 尚未审结 总计  # rapidfuzz ratio for a typo'd label ("其他法律行政止公开") to still place its row
V2019_HEADER_WORDS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额")
V2021_HEADER_WORDS = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额")
HEADER_WORDS = re.compile("|".join(map(re.escape, V2019_HEADER_WORDS + V2021_HEADER_WORDS)))  # any of them, in one pass


@dataclass(slots=True)
class CellValue:
    """One canonical cell as read: number or None (blank, "/"), the printed text, where, how sure."""

    key: str
    value: float | int | None
    raw: str
    where: Where
    confidence: float = 1.0
    placement: str = ""  # how the row's values were placed, when the printed row admitted several readings
    ocr_confidence: float | None = None  # the OCR engine's confidence in what it read; None for a text layer
    ocr_raw: str | None = None  # what OCR read, when the identities re-read the cell (its value is inferred)

    @property
    def inferred(self) -> bool:
        return self.ocr_raw is not None

    def to_json(self) -> dict:
        out = {"value": self.value, "raw": self.raw, "confidence": self.confidence}
        if self.placement:
            out["placement"] = self.placement
        if self.ocr_confidence is not None:
            out["ocr_confidence"] = round(self.ocr_confidence, 3)
        if self.inferred:
            out["inferred"] = True
            out["ocr_raw"] = self.ocr_raw
        out.update(self.where.to_json())
        return out


@dataclass
class Deviation:
    """A departure from the national format of the report's version (extra/missing/renamed row or column)."""

    row: str
    message: str

    def to_json(self) -> dict:
        return {"row": self.row, "message": self.message}


@dataclass
class Correction:
    """An OCR reading the identities overruled: the cell, what OCR read and how sure it was, the value they imply,
    and the identities that hold with it."""

    key: str
    ocr_raw: str
    ocr_confidence: float
    value: float | int | None
    identities: list[Identity]


@dataclass
class ParsedTables:
    cells: dict[str, CellValue] = field(default_factory=dict)
    version: str | None = None  # from the table headers and rows; None when no table was found
    deviations: list[Deviation] = field(default_factory=list)
    found: set[str] = field(default_factory=set)  # which of 二, 三, 四 were read
    unread_rows: list[str] = field(default_factory=list)  # 表三 rows no reader placed (set once all have run)
    unread: dict[str, str] = field(default_factory=dict)  # cell key -> why it was left unread (ambiguous_digits, ambiguous_placement)
    layout_alternatives: list[Alternative] = field(default_factory=list)  # failing identities another placement satisfies
    corrections: list[Correction] = field(default_factory=list)  # OCR readings re-read by the identities
    ocr_doubts: dict[str, str] = field(default_factory=dict)  # cell key -> why its unsure OCR reading is doubtful


@dataclass
class _Row:
    labels: list[Cell]
    values: list[Cell]
    positional: bool
    aligned: list[Cell] | None = None  # the cells under the table's 自然人 … 总计 headers, when it prints them

    @cached
    def label_text(self) -> str:  # read several times per row; its labels are fixed once the row is split
        return norm("".join([c.text for c in self.labels]))

    @cached
    def last_label(self) -> str:
        for cell in reversed(self.labels):
            if norm(cell.text):
                return cell.text
        return ""


@lru_cache(maxsize=65536)
def _is_value(text: str) -> bool:
    t = norm(text)
    return t in NULL_MARKS or parse_number(t) is not None or (bool(t) and set(t) == {UNREAD})  # an OCR cell it could not read


_TEXT = attrgetter("text")


@lru_cache(maxsize=65536)
def _is_printed_value(text: str) -> bool:
    """Given a cell's text, return whether it prints a value (not blank)."""
    return bool(norm(text)) and _is_value(text)


def _split_row(row: list[Cell | None], positional: bool) -> _Row:
    cells = list(filter(None, row))  # a Cell is always true
    cut = len(cells)
    while cut > 0 and _is_value(cells[cut - 1].text):
        cut -= 1
    return _Row(cells[:cut], cells[cut:], positional)


def _unplaced(row: _Row) -> _Row:
    """Given a positional row printing numbers in too few value cells to fill 表三's columns, return it read as
    its printed cells only: its blank cells were left out (the row was laid out from a text that printed only
    its figures), not kept in place."""
    return _Row(row.labels, [c for c in row.values if norm(c.text)], False, row.aligned)


def _value(cell: Cell) -> float | int | None:
    return number(cell.text)


ROW_MEMO = 16384  # printed row labels whose placement is remembered (the same labels recur report after report)
LABEL_END = "（(:"  # after a 表二 row label, what may follow it in the same cell: a note, a colon


class _RowMatcher:
    """Places a printed row label onto a template row of 表三 or 表二; built once per spec, each label placed once."""

    def __init__(self, spec: Spec):
        self.requests: dict[str, str] = {}  # core label -> row key, both versions
        for version in spec.versions.values():
            for row in version.requests_rows:
                self.requests.setdefault(core(row.label), row.key)
        self.active: dict[str, str] = {}
        for version in spec.versions.values():
            for group in version.active:
                for row in group.rows:
                    for label in [row["label"], *row.get("also", []), *row.get("deviant", [])]:
                        self.active.setdefault(core(label), row["key"])
        self.groups = _group_labels(spec)  # core labels of 表三's row groups (三、本年度办理结果)
        self.placed = lru_cache(maxsize=ROW_MEMO)(self._requests_row)
        self.active_placed = lru_cache(maxsize=ROW_MEMO)(self._active_row)

    def requests_row(self, row: _Row) -> tuple[str, float] | None:
        return self.placed(row.last_label, row.label_text)

    def _requests_row(self, last_label: str, full: str) -> tuple[str, float] | None:
        """Given a row's last label cell and its whole label text, return the 表三 row it names and how sure."""
        last = core(last_label)
        if last in self.requests:
            return self.requests[last], 1.0
        for text in (norm(last_label), full):
            hits = [label for label in self.requests if len(label) > 2 and label in text]
            if hits:
                return self.requests[max(hits, key=len)], 0.95
        starts = {self.requests[label] for label in self.requests if len(last) >= WRAPPED_LABEL_MIN_CHARS and label.startswith(last)}
        if len(starts) == 1:
            return starts.pop(), 0.9
        if len(last) >= 4:
            best, score = max(((label, fuzz.ratio(last, label)) for label in self.requests), key=lambda x: x[1])
            if score >= FUZZY_ROW_SCORE:
                return self.requests[best], round(score / 100, 2)
        return None

    def cut_short(self, label: str, key: str) -> bool:
        """Given a printed label and the 表三 row it placed, return whether it is only the start of that row's label."""
        text = core(label)
        return any(full != text and full.startswith(text) for full, k in self.requests.items() if k == key)

    def active_row(self, row: _Row) -> tuple[str, str] | None:
        return self.active_placed(row.last_label)

    def _active_row(self, last_label: str) -> tuple[str, str] | None:
        """Given a row's last label cell, return the 表二 row it names (the label as printed, or the longest label it
        starts with before a note or colon) and that label."""
        last = core(last_label)
        if last in self.active:
            return self.active[last], last
        for end in range(len(last) - 1, -1, -1):  # longest first
            if last[end] in LABEL_END and last[:end] in self.active:
                return self.active[last[:end]], last[:end]
        return None


_matcher = per_spec(_RowMatcher)


def _placed_row(matcher: _RowMatcher, above: list[Cell], row: _Row, own: tuple[str, float] | None,
                spec: Spec, next_starts: bool = False) -> tuple[str, float] | None:
    """Given the label lines printed since the last row of values, a row of values, where its own label places
    it and whether the next row starts a numbered label, return the 表三 row it is: by its own label, else by its
    label wrapped over the lines above. A row whose own label is a group's label in the other version (（六）其他处理,
    printed beside the group's first row) is the row the lines above name in that group."""
    if own is None:
        label = "".join(c.text for c in row.labels)
        # A group's label printed beside its row's wrapped label (1.信访举报投诉类 / （五）不予处理 0 0 …) is not the row's.
        wrapped = _wrapped_label(matcher, above, "" if core(label) in _group_labels(spec) else label, row)
        if wrapped is None and not label and next_starts:
            return _label_over(matcher, above, row)
        return wrapped
    wrapped = _wrapped_label(matcher, above, "", row)
    if wrapped is not None and wrapped[0] != own[0] and _compatible(own[0], wrapped[0], spec):
        return wrapped
    return own


@per_spec
def _version_rows(spec: Spec) -> dict[str, frozenset[str]]:
    """Given the spec, return the keys of each version's 表三 rows."""
    return {v.id: frozenset(r.key for r in v.requests_rows) for v in spec.versions.values()}


def _numberings(text: str) -> list[int]:
    """Given a label in norm() form, return where each numbering in it starts: none where it prints no dot or closing
    bracket, the end of every numbering (most labels: no pattern tried at each character)."""
    if "." not in text and "）" not in text:
        return []
    return [m.start() for m in _INNER_NUMBERING.finditer(text)]


def _named_rows(matcher: _RowMatcher, labels: list[Cell]) -> list[tuple[Cell, str, float]]:
    """Given label cells printed with no number, return each that names a 表三 row by itself, with the row and how
    sure (a text-lines row keeps a run of label lines as one row's labels: 2.… / 3.… / 4.…)."""
    out: list[tuple[Cell, str, float]] = []
    for cell in labels:
        text = norm(cell.text)
        starts = _numberings(text)
        # A group's label printed beside the row's (处理 4.无正当理由大量反复): the row's label starts at the last numbering.
        for label in ([text[starts[-1]:]] if starts and starts[-1] > 0 else []) + [text]:
            if label and (placed := matcher.requests_row(_Row([Cell(label, cell.where)], [], False))) is not None:
                out.append((cell, *placed))
                break
    return out


@per_spec
def _group_labels(spec: Spec) -> frozenset[str]:
    """Given the spec, return the labels of 表三's row groups in core form (三、本年度办理结果, （五）不予处理)."""
    return frozenset(core(r.group) for v in spec.versions.values() for r in v.requests_rows if r.group)


def _wrapped_label(matcher: _RowMatcher, above: list[Cell], own: str, row: _Row) -> tuple[str, float] | None:
    """Given the label lines printed since the last row of values, the row's own label text and the row, return the
    表三 row named by its label wrapped over those lines: the fewest lines above that, joined to its own label, name
    one row by its whole label or its start (a fuzzy likeness is no evidence here). The numbers were printed inside
    that label only where the label goes on past them: their line ends it (一、本年新收政府 / 信息公开申请数量 56 0
    …), or the lines above stop short of it (二、上年结转政府 over a row of numbers alone). A whole label above a row
    of numbers alone may be the row above's, its numbers printed before it."""
    for k in range(1, min(len(above), MAX_WRAPPED_LINES) + 1):
        text = norm("".join(c.text for c in above[-k:]) + own)
        starts = _numberings(text)
        # A line may print a group's label before the row's (（六）其他处理 2.申请人逾期未按收费通知要): the row's
        # label starts at the last numbering.
        for label in ([text[starts[-1]:]] if starts and starts[-1] > 0 else []) + [text]:
            placed = matcher.requests_row(_Row([Cell(label, above[-k].where)], row.values, row.positional))
            if placed is not None and placed[1] >= WRAPPED_LABEL_CONFIDENCE and (own or matcher.cut_short(label, placed[0])):
                return placed
    return None


def _label_over(matcher: _RowMatcher, above: list[Cell], row: _Row) -> tuple[str, float] | None:
    """Given the label lines printed since the last row of values and a row of numbers alone that the next row's
    numbered label closes, return the 表三 row the label wrapped over the lines right above names whole: a PDF
    library prints a wrapped label's numbers, set midway down its cell, after both of its lines (5.属于三类内部事务信
    / 息 / 5). The last line must go on a label (no numbering of its own) and the label must start at a numbering,
    so that the lines are one label's and the numbers, closed off by the next label, can be no other row's."""
    if not above or _NUMBERING_START.match(norm(above[-1].text)):
        return None
    for k in range(2, min(len(above), MAX_WRAPPED_LINES) + 1):
        text = norm("".join(c.text for c in above[-k:]))
        if _NUMBERING_START.match(text):
            placed = matcher.requests_row(_Row([Cell(text, above[-k].where)], row.values, row.positional))
            return placed if placed is not None and placed[1] >= WRAPPED_LABEL_CONFIDENCE else None
    return None


def _join_wrapped_totals(matcher: _RowMatcher, raw_rows: list[list[Cell | None]], width: int,
                         lead: str = "") -> tuple[list[list[Cell | None]], list[_Row]]:
    """Given a table's rows printed without their blanks, the grid's width and the label lines printed right above
    the table, return them with each 表三 row whose 总计 a narrow column wrapped joined back. A PDF library prints
    the total's digits on the label's lines around the row's other numbers (一、本年新收政府 5 / 56 0 0 0 0 1 /
    信息公开申请数量 7), or alone on the lines after them (信息公开申请数量 56 0 0 0 0 1 / 5 / 7). Joined only where the parts add to the joined total (the row's own
    identity vouches for the join), and around the parts only where the two label lines name one row whole and the
    first alone does not. Each row comes back with its split, made once per printed row."""
    rows = [_split_row(raw, False) for raw in raw_rows]
    out: list[list[Cell | None]] = []
    split: list[_Row] = []
    i = 0
    while i < len(rows):
        joined = None
        if i + 2 < len(rows):
            joined = _total_around(matcher, rows[i:i + 3], width, lead if i == 0 else "") \
                or _total_after(rows[i:i + 3], width)
        out.append(joined or raw_rows[i])
        split.append(_split_row(joined, False) if joined else rows[i])
        i += 3 if joined else 1
    return out, split


def _total_around(matcher: _RowMatcher, rows: list[_Row], width: int, lead: str = "") -> list[Cell | None] | None:
    """Given three printed rows — one number (after the label's first line, or alone), the row's parts (beside its
    label or a group's, maybe) and one number (after the label's last line, or alone) — return them as one row
    with the two numbers as its total's digits, or None where they are not one row's."""
    first, middle, last = rows
    if len(first.values) != 1 or len(last.values) != 1 or len(middle.values) != width - 1:
        return None
    if len(first.labels) == 1 and len(last.labels) == 1 and middle.labels \
            and core(first.labels[0].text + last.labels[0].text) in matcher.groups:
        # A group's label wrapped around a row printing its own (三、本年度办理结 1 / （一）予以公开 213 … / 果 3).
        placed = matcher.requests_row(middle)
        if placed is None or placed[1] < WRAPPED_LABEL_CONFIDENCE:
            return None
        labels = [Cell(first.labels[0].text + last.labels[0].text, first.labels[0].where), *middle.labels]
    elif len(first.labels) == 1 and len(last.labels) == 1:
        label = _label_around(matcher, lead, first.labels[0], last.labels[0])
        if label is None:
            return None
        labels = [*middle.labels, label]
    elif not first.labels and not last.labels and middle.labels:
        placed = matcher.requests_row(middle)
        if placed is None or placed[1] < WRAPPED_LABEL_CONFIDENCE:
            return None
        labels = middle.labels
    else:
        return None
    joined = [r for r in (_with_total(labels, middle.values, first.values[0], last.values[0]),
                          _with_last_part(labels, middle.values, first.values[0], last.values[0])) if r is not None]
    return joined[0] if len(joined) == 1 or (len(joined) == 2 and _same_values(*joined)) else None


def _same_values(one: list[Cell | None], other: list[Cell | None]) -> bool:
    """Given two readings of one row, return whether they read the same value in every cell."""
    return [_value(c) if c is not None else None for c in one] == [_value(c) if c is not None else None for c in other]


def _with_last_part(labels: list[Cell], printed: list[Cell], head: Cell, tail: Cell) -> list[Cell | None] | None:
    """Given a row's labels, its printed numbers (the parts but the last, then the total) and the two pieces of the
    last part's digits (the narrow 其他 column wrapped around the row: 8 / …158 2795 / 6), return the row with that
    part joined, or None where the pieces are not digits or the parts do not add to the total."""
    if not (head.text.strip().isdigit() and tail.text.strip().isdigit()) or not printed:
        return None
    part = Cell(head.text.strip() + tail.text.strip(), head.where)
    values = [_value(c) for c in [*printed[:-1], part]]
    total = _value(printed[-1])
    if total is None or any(v is None for v in values) or sum(values) != total:
        return None
    return [*labels, *printed[:-1], part, printed[-1]]


def _label_around(matcher: _RowMatcher, lead: str, head: Cell, tail: Cell) -> Cell | None:
    """Given the label lines printed right above the row ("" where none may be its own), and the label pieces
    printed with a wrapped number's two pieces, return the row's label where the pieces name one row whole and the
    first alone does not: the two pieces, else the lines above with them (（二）部分公开（ / 区分处理的，只计 2 / … /
    这一情形，不计其 8); None where neither does."""
    for before in dict.fromkeys(("", lead)):
        first = norm(before + head.text)
        label = Cell(before + head.text + tail.text, head.where)
        placed = matcher.requests_row(_Row([label], [], False))
        starts = _numberings(first)
        start = first[starts[-1]:] if starts else first  # a group's label may lead the line
        if placed is not None and placed[1] >= WRAPPED_LABEL_CONFIDENCE and matcher.cut_short(start, placed[0]):
            return label
    return None


def _total_after(rows: list[_Row], width: int) -> list[Cell | None] | None:
    """Given three printed rows — the row's numbers but one (beside its label, maybe), then two numbers alone —
    return them as one row: the two numbers the total's digits (…158 86 / 27 / 95), or the first the rest of the last
    part's digits and the second the total (…158 8 / 6 / 2795: the narrow 其他 column wrapped); None where neither or
    both add up."""
    row, first, last = rows
    if len(row.values) != width - 1 or first.labels or last.labels or len(first.values) != 1 or len(last.values) != 1:
        return None
    joined = [r for r in (_with_total(row.labels, row.values, first.values[0], last.values[0]),
                          _with_part(row.labels, row.values, first.values[0], last.values[0])) if r is not None]
    return joined[0] if len(joined) == 1 else None


def _with_part(labels: list[Cell], parts: list[Cell], tail: Cell, total: Cell) -> list[Cell | None] | None:
    """Given a row's labels, its parts with the last one's digits cut short, the rest of those digits and the total,
    return the row with its last part joined, or None where the digits are not a number's or the parts do not add
    to the total."""
    head = parts[-1]
    if not (head.text.strip().isdigit() and tail.text.strip().isdigit()) or _value(total) is None:
        return None
    whole = Cell(head.text.strip() + tail.text.strip(), head.where)
    values = [_value(c) for c in parts[:-1]] + [_value(whole)]
    if any(v is None for v in values) or sum(values) != _value(total):
        return None
    return [*labels, *parts[:-1], whole, total]


def _with_total(labels: list[Cell], parts: list[Cell], head: Cell, tail: Cell) -> list[Cell | None] | None:
    """Given a row's labels, its parts and the two pieces of its total's digits, return the row with its total
    joined, or None where the pieces are not digits or the parts do not add to the total."""
    if not (head.text.strip().isdigit() and tail.text.strip().isdigit()):
        return None
    total = Cell(head.text.strip() + tail.text.strip(), head.where)
    values = [_value(c) for c in parts]
    if any(v is None for v in values) or sum(values) != _value(total):
        return None
    return [*labels, *parts, total]


def _numbers_before_labels(matcher: _RowMatcher, split: list[_Row]) -> bool:
    """Given a table's rows printed without their blanks, each split, return whether it prints a row of numbers alone
    where no label can have wrapped over it: right after another row of numbers, or after a numbered label whole on
    its line (8.属于行政查询事项 / 12 12). Such a table prints numbers before their labels, so numbers after a label may be the
    next row's."""
    rows = [row for row in split if row.labels or row.values]
    for before, here in zip(rows, rows[1:]):
        if here.values and not here.labels and (before.values or _whole_label(matcher, before)):
            return True
    return False


def _whole_label(matcher: _RowMatcher, row: _Row) -> bool:
    """Given a row printing a label and no number, return whether the label starts at a numbering and names a 表三
    row exactly."""
    placed = matcher.requests_row(row)
    return bool(_NUMBERING_START.match(norm(row.last_label))) and placed is not None and placed[1] == 1.0


def _starts_label(raw_row: list[Cell | None] | None) -> bool:
    """Given a raw row (None: the table ended), return whether it starts with a numbered label (a new row or group)."""
    first = next((c for c in raw_row or [] if c is not None and norm(c.text)), None)
    return first is not None and not _is_value(first.text) and bool(_NUMBERING_START.match(norm(first.text)))


def _header_columns(row: _Row, version: VersionSpec, continuing: bool = False) -> list[str | None] | None:
    """Given a 表二 header row (信息内容 | 本年制发件数 | ...), return the column key under each value position.

    A row right after a header row (`continuing`) is one too when every cell of it is a column label.
    """
    # No header word can be printed in a value cell or run on into one (a value prints digits, a unit, a null mark):
    # the labels alone say whether the row prints one, and most rows print none.
    header_words = HEADER_WORDS.search("".join([core(c.text) for c in row.labels])) is not None  # a blank adds ""
    if not header_words and not continuing:
        return None
    cells = [core(c.text) for c in row.labels + row.values if norm(c.text)]
    columns = _column_labels(version)
    out: list[str | None] = []
    for text in cells:
        if text != "信息内容":
            out += _cell_columns(text, columns)
    return out if header_words or (out and all(out)) else None


@lru_cache(maxsize=4096)
def _cell_columns(text: str, columns: tuple[tuple[str, str], ...]) -> tuple[str | None, ...]:
    """Given a header cell's core text and the (label, key) pairs longest first, return the keys of the columns it
    heads: of each label it prints whole where it prints several, else of the first label it holds or lies in (None:
    no column). The same header cells come with every report."""
    named = _labels_in(text, columns)
    return tuple(named) if len(named) > 1 else (next((key for label, key in columns if label in text or text in label), None),)


def _labels_in(text: str, labels: tuple[tuple[str, str], ...]) -> list[str]:
    """Given a header cell's text and the (label, key) pairs longest first, return the keys of the labels it prints
    whole, in printed order: a text export that keeps one space between cells prints a header row as one cell."""
    taken: list[tuple[int, int, str]] = []
    for label, key in labels:
        start = text.find(label)
        while start >= 0:
            end = start + len(label)
            if all(end <= a or start >= b for a, b, _ in taken):
                taken.append((start, end, key))
            start = text.find(label, end)
    return [key for _, _, key in sorted(taken)]


def _column_labels(version: VersionSpec) -> tuple[tuple[str, str], ...]:
    """Given a version, return its 表二 (core column label, column key) pairs, longest label first."""
    if version.id not in _COLUMN_LABELS:
        labels = {core(col["label"]): col["key"] for g in version.active for col in g.columns}
        _COLUMN_LABELS[version.id] = tuple(sorted(labels.items(), key=lambda kv: -len(kv[0])))
    return _COLUMN_LABELS[version.id]


_COLUMN_LABELS: dict[str, tuple[tuple[str, str], ...]] = {}


def detect_version(tables: list[RawTable], report_year: int | None, spec: Spec) -> str | None:
    """Given raw tables, return the template version their headers follow (None when nothing tells)."""
    text = "".join(map(norm, [c.text for t in tables for r in t.rows for c in r if c is not None]))
    v19 = sum(map(text.count, V2019_HEADER_WORDS))
    v21 = sum(map(text.count, V2021_HEADER_WORDS))
    if v19 > v21:
        return "v2019"
    if v21 > v19:
        return "v2021"
    if report_year is not None:
        return spec.version_for_year(report_year)
    return None


def parse_tables(tables: list[RawTable], report_year: int | None = None) -> ParsedTables:
    """Given the raw tables of one report, return its canonical cells, version and deviations."""
    spec = load_spec()
    out = ParsedTables()
    out.version = detect_version(tables, report_year, spec)
    if out.version is None:
        return out
    version = spec.versions[out.version]
    matcher = _matcher(spec)
    header: list[str | None] | None = None
    header_open = False  # the previous row was a 表二 header row
    review_seen: set[str] = set()  # 行政复议 / 行政诉讼 seen in header labels (one row, or one row each)
    review_headers = _review_headers(spec)
    zone: str | None = None  # the table the stream is in, once a header says so
    # 表三 data rows in printed order: the row, where it is placed, where its own label alone places it
    requests_rows: list[tuple[_Row, tuple[str, float] | None, tuple[str, float] | None]] = []
    review_slots: list[Slot] = []  # 表四's data row, or its three parts printed as tables of their own
    loose_parts: list[_Row] = []  # a part's numbers under its own 结果维持…总计 header, with no caption naming it
    label_only: list[tuple[Cell, str, float]] = []  # 表三 labels printed with no number where blanks print nothing
    for table in tables:
        part = _review_part(table.caption, spec)
        under_heads = False
        positions = _applicant_positions(table, spec) if table.positional else None
        blank: _Row | None = None  # a row printing nothing where 表四's numbers go: spacing, unless no row prints them
        # Label lines since the last row of values (the lines right above the table first: a converter prints a
        # label's first lines above the table of its numbers): the lines of a label its numbers were printed under.
        above = ([Cell(line.text, line.where) for line in table.label_lines]
                 or ([Cell(table.caption, table.where)] if table.caption else []))
        if not table.positional:
            label_only += _named_rows(matcher, above)
        if table.positional:
            raw_rows, split = table.rows, [_split_row(raw, True) for raw in table.rows]
        else:
            raw_rows, split = _join_wrapped_totals(
                matcher, table.rows, len(spec.column_keys), "".join(line.text for line in table.label_lines))
        numbers_first = not table.positional and _numbers_before_labels(matcher, split)
        for index, (raw_row, row) in enumerate(zip(raw_rows, split)):
            row.aligned = _under(raw_row, positions)
            text = row.label_text
            if not text and not any(norm(c.text) for c in row.values):
                width = len(spec.review_litigation_columns)
                whole = len(row.values) >= width and (len(review_seen) == 2 or not table.positional)
                if blank is None and (whole or (abs(len(row.values) - REVIEW_PART_WIDTH) <= 1 and (part or under_heads))):
                    blank = row
                continue
            held, blank = blank, None
            after_heads, under_heads = under_heads, not row.values and _review_heads(row, spec)
            if "行政" in text:
                review_seen |= {word for word in ("行政复议", "行政诉讼") if word in text}
            new_header = _header_columns(row, version, header_open)
            if new_header is not None:
                # A header broken over two rows (text-cells breaks it at an empty grid column) goes on. Where positions
                # are lost, its pieces may be lines of the same cells (本年新 / 制作数量), in no known column order: no
                # header then (nor from the last piece alone), and rows are read by the group's columns when their
                # count says so.
                if header_open and header is not None and not table.positional:
                    header = None
                else:
                    continued = header_open and header is not None and all(header) and all(new_header) and not set(header) & set(new_header)
                    header = header + new_header if continued else new_header
                zone, header_open = "二", True
                continue
            header_open = False
            if _review_row(row, review_seen, review_headers, part, after_heads, spec):
                review_seen = _add_review_row(row, part, review_slots, loose_parts, review_seen, spec)
                continue
            if held is not None:
                review_seen = _add_review_row(held, part, review_slots, loose_parts, review_seen, spec)
            printed = any(norm(c.text) for c in row.values)
            active = matcher.active_row(row)
            if active is not None and 0 < _active_width(row, header) <= 3 and (printed or row.positional):
                _put_active(out, active, row, header, version)
                continue
            if row.positional and len(row.values) < len(spec.column_keys) - 1 and sum(_value(c) is not None for c in row.values) >= 2:
                row = _unplaced(row)
            if not printed and not (row.positional and len(row.values) >= 7):
                above += [c for c in row.labels if norm(c.text)]
                if not row.positional:
                    label_only += _named_rows(matcher, row.labels)
                continue
            own = matcher.requests_row(row)
            closed = own is None and not row.labels and not table.positional and _starts_label(
                next((r for r in raw_rows[index + 1:] if any(c is not None and norm(c.text) for c in r)), None)) \
                and not numbers_first
            placed = _placed_row(matcher, above, row, own, spec, closed)
            if placed is not None and placed[1] < 1.0 and placed[0] not in _version_rows(spec)[version.id]:
                # Only part of a longer label names a row this version has not (2021's group label （六）其他处理 run
                # into its row's wrapped label): not 2019's row. Its exact label would be (the old table reprinted).
                placed = None
            above = []
            if zone == "二" and active is None and own is None and len(row.values) <= 3 and core(row.last_label):
                out.deviations.append(Deviation(f"active.local:{core(row.last_label)}", f"表二 prints a local row {row.last_label.strip()} that is not in the {version.id} format (not read into cells)"))
                continue
            bare_pair = not row.positional and equal_pair(row.values)  # 自然人 and 总计 with the blanks dropped
            if len(row.values) == len(spec.column_keys) or bare_pair or (placed is not None and (len(row.values) >= 2 or not row.positional)):
                requests_rows.append((row, placed, own))
                zone = "三"
        if blank is not None:
            review_seen = _add_review_row(blank, part, review_slots, loose_parts, review_seen, spec)
        if not table.positional:
            label_only += _named_rows(matcher, [Cell(line.text, line.where) for line in table.trailing_lines])
    review_slots += _ordered_parts(loose_parts, review_slots, spec, version)
    _place_rows(out, _requests_slots(out, requests_rows, label_only, spec, version) + review_slots, spec, version)
    _note_requests_deviations(out, version, [row for row, key in _total_keys(spec) if key in out.cells])
    _doubt_unsure(out, spec)
    return out


def _active_width(row: _Row, header: list[str | None] | None) -> int:
    """Given a row naming a 表二 row and the 表二 header above it (None: none read), return how many columns its values
    fill: at most 3 values, or 3 printed ones beside an empty grid column (text-cells keeps its blank cells). Asked
    only of such rows: most rows name none."""
    width = len(row.values) if len(row.values) <= 3 else len([c for c in row.values if norm(c.text)])
    if header is not None and len(header) == len(row.values):
        width = min(width, len(_runs(header)))  # a browser copy repeats a spanned column's label
    return width


def _review_row(row: _Row, seen: set[str], heads: set[str], part: tuple[str, ...] | None, after_heads: bool, spec: Spec) -> bool:
    """Given a row and where the stream is (行政复议/行政诉讼 seen in headers, the part a caption names, whether the
    row follows a 结果维持…总计 header), return whether it holds 表四's numbers: all 15 under the two headers (where
    rows are not marked, text-cells, the last header precedes them), or one part's 5."""
    label = core(row.label_text)
    whole = len(row.values) >= len(spec.review_litigation_columns)
    # A header printed one character a line (结 果 维 持 … 总 计), or wrapped (尚未 / 审结), leaves its last character
    # or piece as the label of the 15 values under both headers.
    if label and label not in heads and not (whole and len(seen) == 2 and _vertical(label, heads)):
        return False
    if whole and (len(seen) == 2 or not row.positional):
        return True
    if len(seen) == 2 and not row.positional and row.values and all(_value(c) is not None for c in row.values):
        return True  # under both headers, numbers only: the table's row with its blanks printed as nothing
    return abs(len(row.values) - REVIEW_PART_WIDTH) <= 1 and bool(part or after_heads)


def _vertical(label: str, heads: set[str]) -> bool:
    """Given a row's label and 表四's headers, return whether the label is the last character or piece of a header
    printed one character a line, or wrapped."""
    return any(label in head if len(label) == 1 else head.endswith(label) and head != label for head in heads)


def _add_review_row(row: _Row, part: tuple[str, ...] | None, slots: list[Slot], loose: list[_Row], seen: set[str], spec: Spec) -> set[str]:
    """Given a row holding 表四's numbers, add it as the whole table's slot, its captioned part's, or a part named by
    no caption; return the 行政复议/行政诉讼 headers still open (none once the whole row is read). A row printing
    nothing is added only where no printed row took its place."""
    width = len(spec.review_litigation_columns)
    whole = len(row.values) >= width
    keys = tuple(c["key"] for c in spec.review_litigation_columns) if whole else part
    if keys is not None and not any(norm(c.text) for c in row.values) and any(set(keys) & set(s.keys) for s in slots):
        return seen
    if keys is None:
        loose.append(row)
        return seen
    slots.append(Slot(keys, row_candidates(row.values, width if whole else REVIEW_PART_WIDTH, row.positional)))
    return set() if whole else seen


@per_spec
def _review_headers(spec: Spec) -> set[str]:
    """Given the spec, return every word of 表四's column labels (行政复议, 结果维持, …), in core form."""
    return {core(part) for col in spec.review_litigation_columns for part in col["label"].split("/")}


@per_spec
def _review_parts(spec: Spec) -> dict[str, tuple[str, ...]]:
    """Given the spec, return the cell keys of each 表四 part by the name a caption gives it (行政诉讼（复议后起诉）)."""
    parts: dict[str, list[str]] = {}
    for col in spec.review_litigation_columns:
        parts.setdefault(col["label"].split("/")[-2], []).append(col["key"])
    return {name: tuple(keys) for name, keys in parts.items()}


def _review_part(caption: str, spec: Spec) -> tuple[str, ...] | None:
    """Given a table's caption (行政诉讼（复议后起诉）), return the cell keys of the 表四 part it names, if one: a caption
    naming both 行政复议 and 行政诉讼 (四、行政复议、行政诉讼情况) heads the whole table, not a part."""
    parts = _review_parts(spec)
    text = norm(caption)
    if sum(top in text for top in _review_tops(spec)) > 1:
        return None
    named = [name for name in parts if name in text]
    return parts[named[0]] if len(named) == 1 else None


@per_spec
def _review_tops(spec: Spec) -> set[str]:
    """Given the spec, return the top headers of 表四 (行政复议, 行政诉讼)."""
    return {col["label"].split("/")[0] for col in spec.review_litigation_columns}


def _applicant_positions(table: RawTable, spec: Spec) -> list[int] | None:
    """Given a raw table, return the grid column of each applicant column under its printed header (自然人 …
    其他, 总计), when the table prints every one of them, left to right, in rows without values."""
    wanted = _applicant_labels(spec)
    found: dict[int, int] = {}
    for raw_row in table.rows:
        # Most rows print a value soon after their label: no header there, and no list of the row's cells made.
        if any(map(_is_printed_value, map(_TEXT, filter(None, raw_row)))):
            continue
        for j, c in enumerate(raw_row):
            if c is not None and (label := core(c.text)) in wanted:
                found.setdefault(wanted[label], j)
    positions = [found.get(i) for i in range(len(wanted))]
    if None in positions or any(a >= b for a, b in zip(positions, positions[1:])):
        return None
    return positions


@per_spec
def _applicant_labels(spec: Spec) -> dict[str, int]:
    """Given the spec, return each applicant column's position by its label in core form (自然人 … 总计)."""
    return {core(c["label"]): i for i, c in enumerate(spec.applicant_columns)}


def _under(raw_row: list[Cell | None], positions: list[int] | None) -> list[Cell] | None:
    """Given a raw row and the header's column positions, return the row's value cells at those positions."""
    if positions is None or positions[-1] >= len(raw_row):
        return None
    cells = [raw_row[j] for j in positions]
    return cells if all(c is not None and _is_value(c.text) for c in cells) else None


def _review_heads(row: _Row, spec: Spec) -> bool:
    """Given a row without values, return whether it is a 表四 part's header (结果维持 结果纠正 其他结果 尚未审结 总计)."""
    outcomes = _review_outcomes(spec)
    labels = [core(c.text) for c in row.labels if norm(c.text)]
    return len(labels) >= len(outcomes) - 1 and set(labels) <= outcomes


@per_spec
def _review_outcomes(spec: Spec) -> set[str]:
    """Given the spec, return the outcome words of a 表四 part's columns (结果维持 结果纠正 其他结果 尚未审结 总计)."""
    return {core(col["label"].split("/")[-1]) for col in spec.review_litigation_columns}


def _ordered_parts(rows: list[_Row], captioned: list[Slot], spec: Spec, version: VersionSpec) -> list[Slot]:
    """Given the rows of 表四 parts printed without a caption naming them, return them as the parts not read
    otherwise, in the national order, when their count says which is which; a lone row of numbers where no part
    was read is the whole table with its blanks printed as nothing, read by the identities."""
    taken = {k for s in captioned for k in s.keys}
    parts: dict[str, list[str]] = {}
    for col in spec.review_litigation_columns:
        parts.setdefault(col["label"].rsplit("/", 1)[0], []).append(col["key"])
    missing = [tuple(keys) for keys in parts.values() if not taken & set(keys)]
    if len(rows) == 1 and len(missing) == len(parts) > 1 and not rows[0].positional:
        return _one_row_review(rows[0], spec, version)
    if not rows or len(rows) != len(missing):
        return []
    return [Slot(keys, row_candidates(row.values, REVIEW_PART_WIDTH, row.positional), ORDER_CONFIDENCE) for keys, row in zip(missing, rows)]


def _one_row_review(row: _Row, spec: Spec, version: VersionSpec) -> list[Slot]:
    """Given 表四's numbers printed as one row with its blanks as nothing, return its slot: the cells every placement
    the T4 identities hold under reads alike, the rest unread (none when no placement holds)."""
    keys = tuple(c["key"] for c in spec.review_litigation_columns)
    identities = [i for i in version.identities if set(i.keys) <= set(keys)]
    if not identities:
        return []
    reading = one_row_reading(keys, tuple(row.values), row.values[0].where, identities,
                              _printed_columns(row.values, len(keys)))
    return [] if reading is None else [Slot(keys, [reading], SPARSE_CONFIDENCE)]


def _requests_slots(out: ParsedTables, rows: list[tuple[_Row, tuple[str, float] | None, tuple[str, float] | None]],
                    label_only: list[tuple[Cell, str, float]], spec: Spec, version: VersionSpec) -> list[Slot]:
    """Given 表三 rows (each with where it is placed and where its own label alone places it) and the labels printed
    with no number where blanks print nothing, return one slot per placed row. Rows placed by their own label; rows
    whose label is unreadable (a PDF line holding only the numbers of a wrapped label) are placed by their position
    when the printed rows line up one-to-one with a version's row order, else by their label wrapped over the lines
    above. Rows printing fewer numbers than the grid with their blanks not printed are read jointly by the
    identities (extraction/sparse.py)."""
    by_order = _order_alignment([own for _, _, own in rows], spec, version)
    subtotal = subtotal_column([row.values for row, _, _ in rows], len(spec.column_keys))
    if subtotal is not None:
        out.deviations.append(Deviation("requests.*.org_sum", "表三 prints a 法人或其他组织小计 column, which is not in the national grid (left out of the cells)"))
    width = len(spec.column_keys)
    empty = None if subtotal is not None else empty_column([row.values for row, _, _ in rows], width)
    seen: set[str] = set()
    slots: list[Slot] = []
    sparse: list[tuple[Slot, SparseRow]] = []  # rows whose numbers do not say which columns they fill
    for i, (row, placed, own) in enumerate(rows):
        placed = own if by_order is not None else placed
        if by_order is not None and (placed is None or placed[0] != by_order[i]):
            placed = (by_order[i], ORDER_CONFIDENCE)
        if placed is None or placed[0] in seen:
            continue
        seen.add(placed[0])
        values = row.values
        if subtotal is not None and len(values) == width + 1:
            values = values[:subtotal] + values[subtotal + 1:]
        candidates, confidence = _requests_candidates(values, row.positional, width), placed[1]
        if row.aligned is not None:
            candidates = distinct([Candidate(tuple(row.aligned), "aligned", HEADER_ALIGNED)] + candidates)
        if empty is not None and len(values) > width and not any(c.evidence == "width" for c in candidates):
            # The column blank in every wide row is one hypothesis; the row's own cells give the others.
            cut = len(values) - (width + 1) + empty
            candidates = distinct(_requests_candidates(values[:cut] + values[cut + 1:], row.positional, width) + candidates)
        if candidates and candidates[0].note == PAIR_NOTE:
            confidence = min(confidence, PAIR_CONFIDENCE)
        keys = _row_keys(spec)[placed[0]]
        if not row.positional and 0 < len(values) < width:
            sparse.append((Slot(keys, candidates, confidence),
                           SparseRow(keys, tuple(values), row.values[0].where, columns=_printed_columns(values, width))))
        elif candidates:
            slots.append(Slot(keys, candidates, confidence))
    if not sparse:
        return slots
    return slots + _read_sparse(slots, sparse, label_only, seen, spec, version)


@per_spec
def _row_keys(spec: Spec) -> dict[str, tuple[str, ...]]:
    """Given the spec, return the cell keys of each 表三 row, made once: every report's slots, cells and identities
    hash and compare them, and keys made afresh for each report are hashed afresh and compared character by
    character."""
    return {r.key: tuple(f"requests.{r.key}.{col}" for col in spec.column_keys)
            for v in spec.versions.values() for r in v.requests_rows}


@per_spec
def _total_keys(spec: Spec) -> tuple[tuple[str, str], ...]:
    """Given the spec, return each 表三 row with the key of its total cell (every 表三 cell key is a row's of
    _row_keys: which rows printed a total is asked of these, not of every cell read)."""
    return tuple((row, f"requests.{row}.total") for row in _row_keys(spec))


def _printed_columns(values: list[Cell], width: int) -> tuple[int, ...] | None:
    """Given a row's printed numbers and the grid's width, return the column of each as the blank cells printed around
    them say, when they were printed before, between and after all of them and fill the grid exactly; else None (a
    blank cell printed as nothing, or an empty cell that is no column of the grid — a label column, the next row's
    merged cell — would shift every number of the row, and the identities cannot see a whole table shifted)."""
    if any(c.blanks_before is None for c in values) or values[-1].blanks_after is None:
        return None
    columns = [values[0].blanks_before]
    for cell in values[1:]:
        columns.append(columns[-1] + 1 + cell.blanks_before)
    return tuple(columns) if columns[-1] + 1 + values[-1].blanks_after == width else None


def _read_sparse(slots: list[Slot], sparse: list[tuple[Slot, SparseRow]], label_only: list[tuple[Cell, str, float]],
                 seen: set[str], spec: Spec, version: VersionSpec) -> list[Slot]:
    """Given the 表三 slots read by their layout, the rows printed without their blanks, the labels printed with no
    number and the rows already placed, return the slots of the rows read by the identities: the printed ones, and
    a blank one for each row of the version whose label alone was printed (none where the table cannot be read)."""
    placed = slots + [s for s, _ in sparse]
    identities = _identities_for(placed, spec, version)
    rows_of_version = {r.key for r in spec.versions[_printed_version(placed, version)].requests_rows}
    blank: dict[str, tuple[Slot, SparseRow]] = {}
    for label, key, confidence in label_only:
        if key in rows_of_version and key not in seen and key not in blank:
            keys = _row_keys(spec)[key]
            blank[key] = (Slot(keys, [], confidence), SparseRow(keys, (), label.where))
    fixed = [SparseRow(s.keys, None, None, s.candidates) for s in slots if s.keys[0].startswith("requests.")]
    every = sparse + list(blank.values())
    total = f".{spec.column_keys[-1]}"
    blankable = frozenset(k for _, r in every for k in r.keys if k.endswith(total)) | frozenset(
        k for r in fixed for k in r.keys if k.endswith(total))
    read = sparse_slots([s for s, _ in every], [r for _, r in every], fixed, identities, len(spec.column_keys), blankable)
    return [s for s in read if s.candidates]


HEADER_ALIGNED = "按表头列对齐"
PAIR_NOTE = "两个相同数字读作自然人与总计"


def _requests_candidates(values: list[Cell], positional: bool, width: int) -> list[Candidate]:
    """Given a 表三 row's value cells, return its readings onto the applicant columns."""
    pair = _trimmed(values) if len(values) < width else []
    if equal_pair(pair):
        # Dropped blanks (pipe text): two equal numbers are 自然人 and 总计, the organisation columns were blank.
        # Two different numbers (自然人 3 and 商业企业 1 with the total left blank) cannot be placed.
        blank = Cell("", pair[0].where)
        return [Candidate((pair[0],) + (blank,) * (width - 2) + (pair[1],), "shifted", PAIR_NOTE)]
    return row_candidates(values, width, positional)


def _trimmed(values: list[Cell]) -> list[Cell]:
    """Given a row's value cells, return them without the empty cells at either end (a row narrower than the grid
    whose blanks were dropped keeps no position for its edge cells to hold)."""
    shown = [i for i, c in enumerate(values) if norm(c.text)]
    return values[shown[0]:shown[-1] + 1] if shown else []


def _place_rows(out: ParsedTables, slots: list[Slot], spec: Spec, version: VersionSpec) -> None:
    """Given the anchored rows of 表三 and 表四, choose their readings jointly under the identities and put the cells."""
    slots = [s for s in slots if s.candidates]  # a row whose values fit no reading stays unread
    if not slots:
        return
    identities = _identities_for(slots, spec, version)
    slots, choices = choose_corrected(slots, identities)
    out.layout_alternatives = alternatives(slots, choices, identities)
    doubtful = {k for alt in out.layout_alternatives for k in alt.identity.keys}
    corrected = False  # whether a cell was re-read by the identities (no other reader infers one)
    for slot, choice in zip(slots, choices):
        out.found.add("三" if slot.keys[0].startswith("requests.") else "四")
        note = choice.candidate.note if choice.alternatives else ""
        read_as = dict(choice.candidate.corrections)
        corrected = corrected or bool(read_as)
        proposed = {j for c in slot.candidates for j, _ in c.corrections}
        if not (choice.unread or read_as or proposed) and doubtful.isdisjoint(slot.keys):
            _put_as_chosen(out.cells, out.unread, slot.keys, choice, note)  # most rows: no cell in doubt
            continue
        for j, (key, cell) in enumerate(zip(slot.keys, choice.candidate.cells)):
            if key in choice.unread or cell is None:
                out.unread.setdefault(key, AMBIGUOUS_CORRECTION if j in proposed else AMBIGUOUS)
                continue
            confidence = min(choice.confidence, DOUBTFUL_CONFIDENCE) if key in doubtful else choice.confidence
            if j in read_as:
                confidence = min(confidence, INFERRED_CONFIDENCE)
            if key not in out.cells:
                out.cells[key] = _cell_value(key, cell, confidence, note, read_as.get(j))
    if not corrected:
        return
    inferred = [c for c in out.cells.values() if c.inferred]
    values = {k: c.value for k, c in out.cells.items()}
    out.corrections = [Correction(c.key, c.ocr_raw or "", c.ocr_confidence or 0.0, c.value,
                                  [i for i in identities if c.key in i.keys and status(i, values) == 1])
                       for c in inferred]


def _put_as_chosen(cells: dict[str, CellValue], unread: dict[str, str], keys: tuple[str, ...], choice: Choice,
                   note: str) -> None:
    """Given the cells read so far, the unread ones, a slot's keys and its chosen reading with no cell re-read, left
    unread or doubted, put each cell not read before at the choice's confidence (a cell the reading lacks: unread)."""
    confidence = choice.confidence
    for key, cell in zip(keys, choice.candidate.cells):
        if cell is None:
            unread.setdefault(key, AMBIGUOUS)
        elif key not in cells:
            cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, confidence, note,
                                   cell.confidence)


def _cell_value(key: str, cell: Cell, confidence: float, note: str = "", ocr_raw: str | None = None) -> CellValue:
    """Given a template key and the printed cell read into it, return its CellValue (with what OCR read, when the
    identities re-read it as `cell`)."""
    raw = cell.text.strip() if ocr_raw is None else ocr_raw
    return CellValue(key, number(cell.text), raw, cell.where, confidence, note, cell.confidence, ocr_raw)


def _unsure(cell: CellValue) -> bool:
    return cell.ocr_confidence is not None and cell.ocr_confidence < LOW_OCR_CONFIDENCE


def _unread_why(cell: CellValue) -> str:
    """Given a cell printed only with U+FFFD, return why its value is unread: ink the OCR engine could not read (with
    its confidence), or bytes of a text layer that could not be decoded (no confidence: no OCR read it)."""
    if cell.ocr_confidence is None:
        return "此格只有无法解码的字符，其值未读"
    return f"图片中此格有字迹未能识别（置信度{cell.ocr_confidence:.2f}），其值未读"


def _doubt_unsure(out: ParsedTables, spec: Spec) -> None:
    """Given the parsed cells, mark each unsure OCR reading that no identity holding around it confirms as doubtful:
    no finding may rest on it alone."""
    # Each kind of doubt below is of a cell OCR read, or a blank one printing something: a text layer has none.
    suspects = {k: c for k, c in out.cells.items()
                if c.ocr_confidence is not None or c.ocr_raw is not None or (c.value is None and c.raw)}
    # Ink the engine could not read has no value: identities holding with it as a blank confirm nothing about it.
    unreadable = {k for k, c in suspects.items() if c.value is None and c.raw and set(c.raw) == {UNREAD}}
    # A cell read from an image with a number on each of several lines straddles a rule the image lost: which of its
    # numbers is the cell's, sums that hold around it cannot say (one of them may be the next row's).
    straddling = {k for k, c in suspects.items() if c.ocr_confidence is not None and _numbered_lines(c.raw) > 1}
    doubts = {k for k, c in suspects.items() if c.ocr_raw is not None or _unsure(c)} | unreadable | straddling
    if not doubts:  # a text layer's cells: nothing to doubt
        return
    values = {k: c.value for k, c in out.cells.items()}
    identities = list({(i.id, i.lhs, i.rhs): i for v in spec.versions.values() for i in v.identities}.values())
    sure = vouched(identities, values, doubts) - unreadable - straddling
    for key, cell in out.cells.items():
        if cell.inferred or key not in doubts or key in sure:
            continue
        states = [status(i, values) for i in identities if key in i.keys]
        why = (_unread_why(cell) if key in unreadable
               else "图片中此格读出多行数字，可能跨越了未识别的表格线" if key in straddling
               else f"识别置信度{cell.ocr_confidence:.2f}，所在勾稽关系不成立且无唯一更正" if 0 in states
               else f"识别置信度{cell.ocr_confidence:.2f}，无勾稽关系可确认")
        cell.confidence = min(cell.confidence, DOUBTFUL_CONFIDENCE)
        cell.placement = f"{cell.placement}；{why}" if cell.placement else why
        out.ocr_doubts[key] = why


def _numbered_lines(text: str) -> int:
    """Given a cell's printed text, return how many of its lines hold a number."""
    return sum(1 for line in text.splitlines() if any(ch.isdigit() for ch in line))


def _identities_for(slots: list[Slot], spec: Spec, version: VersionSpec) -> list[Identity]:
    """Given the slots, return the T3 identities of the 表三 rows as printed (one 三（六） row is 2019's) and 表四's."""
    return list(table_identities(spec)[(_printed_version(slots, version), version.id)])


def _printed_version(slots: list[Slot], version: VersionSpec) -> str:
    """Given the slots, return the version whose 表三 rows they print (one 三（六） row is 2019's), else the report's."""
    rows = set().union(*(_requests_rows_of(s.keys) for s in slots))
    return "v2019" if "result.other" in rows else "v2021" if any(r.startswith("result.other.") for r in rows) else version.id


@lru_cache(maxsize=1024)
def _requests_rows_of(keys: tuple[str, ...]) -> frozenset[str]:
    """Given a slot's cell keys, return the 表三 rows they are cells of (the same keys come with every report)."""
    return frozenset(k.split(".", 1)[1].rsplit(".", 1)[0] for k in keys if k.startswith("requests."))


@per_spec
def table_identities(spec: Spec) -> dict[tuple[str, str], tuple[Identity, ...]]:
    """Given the spec, return for each (version of the printed 表三 rows, report version) the T3 identities of
    the one and the T4 identities of the other."""
    return {(rows, report): tuple([i for i in spec.versions[rows].identities if i.id.startswith("T3")]
                                  + [i for i in spec.versions[report].identities if i.id.startswith("T4")])
            for rows in spec.versions for report in spec.versions}


def _compatible(placed: str, key: str, spec: Spec) -> bool:
    """Whether a row placed by its label may be the template row `key`: a label that is a row in one version and the
    group label of `key` in another (（六）其他处理) is printed beside the first row of that group."""
    if placed == key:
        return True
    labels = {core(r.label) for v in spec.versions.values() for r in v.requests_rows if r.key == placed}
    groups = {core(r.group or "") for v in spec.versions.values() for r in v.requests_rows if r.key == key}
    return bool(labels & groups)


def _order_alignment(placed: list[tuple[str, float] | None], spec: Spec, report: VersionSpec) -> list[str] | None:
    """Given the label placements of the printed 表三 rows and the report's version, return a row key per printed row
    when their count and every label-placed row agree with one version's row order; None otherwise. A row only
    another version has (2019's 三（六）) is placed there by its label, never by its position: a 2021 table that lost
    two of its rows prints as many as 2019's, and its （六）其他处理 is a group's label, not a row."""
    if all(p is not None for p in placed):
        return None
    own = {r.key for r in report.requests_rows}
    for version in spec.versions.values():
        order = [r.key for r in version.requests_rows]
        if len(order) == len(placed) and all(p is None or _compatible(p[0], key, spec) for p, key in zip(placed, order)) \
                and all(p is not None for p, key in zip(placed, order) if key not in own):
            return order
    return None


def _put_active(out: ParsedTables, active: tuple[str, str], row: _Row, header: list[str | None] | None, version: VersionSpec) -> None:
    row_key, printed_label = active
    group = next((g for g in version.active if any(r["key"] == row_key for r in g.rows)), None)
    values = [c for c in row.values if c is not None]
    if header is not None and group is not None and not {h for h in header if h} <= {c["key"] for c in group.columns}:
        header = None  # a header left from the table above (its own header printed as prose): not this row's columns
    if header is not None and group is not None and len(header) < len(group.columns) == len(values):
        header = None  # a header read in part (its cells wrapped over lines, or run together): the row prints them all
    expected = len(header) if header is not None else len(group.columns) if group is not None else len(values)
    if header is not None and len(values) == len(header) and len(_runs(header)) < len(header):
        header, values = _merge_repeats(out, row_key, header, values)
        expected = len(header)
    while len(values) > expected and not norm(values[-1].text):
        values.pop()  # a value cell spanning the empty grid columns of a single-value subtable
    printed = [c for c in values if c is not None and norm(c.text)]
    if len(values) > expected and len(printed) == expected:
        values = printed  # an empty grid column inside the table (blank in every row), where positions are lost
    if len(values) > expected:
        readings = collapse_repeats(values, expected)  # a browser copy repeats a spanned cell's text
        if len(readings) > 1 and group is not None:
            out.unread.update({f"active.{row_key}.{c['key']}": AMBIGUOUS for c in group.columns})
            return
        values = list(readings[0].cells) if readings else values
    if header is not None and len(header) == len(values) and all(header):
        columns: list[str] = [h for h in header if h]
        if any(c is None for c in values):
            columns, values = [h for h, c in zip(columns, values) if c is not None], [c for c in values if c is not None]
        confidence = 1.0
    elif group is not None and len(group.columns) == len(values):
        columns = [c["key"] for c in group.columns]
        confidence = 0.9
    else:
        return
    out.found.add("二")
    for col, cell in zip(columns, values):
        key = f"active.{row_key}.{col}"
        out.cells.setdefault(key, _cell_value(key, cell, confidence))
    if group is None:
        out.deviations.append(Deviation(f"active.{row_key}", f"表二 row {printed_label} is not in the {version.id} format (parsed anyway)"))
        return
    spec_row = next(r for r in group.rows if r["key"] == row_key)
    if core(printed_label) in {core(x) for x in spec_row.get("deviant", [])}:
        out.deviations.append(Deviation(
            f"active.{row_key}",
            f"表二 {group.caption}: row label printed as {printed_label} instead of {spec_row['label']} ({version.id} wording)"))
    expected = [c["key"] for c in group.columns]
    missing = [c for c in expected if c not in columns]
    if missing and header is not None:
        out.deviations.append(Deviation(f"active.{row_key}", f"表二 {group.caption}: column(s) {', '.join(missing)} not printed"))


def _runs(header: list[str | None]) -> list[tuple[int, int]]:
    """Given 表二 header column keys by position, return the (start, end) of each run of one key repeated in
    adjacent positions (a spanned header whose label a browser copy prints in every position it spans)."""
    runs: list[tuple[int, int]] = []
    for i, key in enumerate(header):
        if runs and key is not None and header[runs[-1][0]] == key:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _merge_repeats(out: ParsedTables, row_key: str, header: list[str | None], values: list[Cell]) -> tuple[list[str | None], list[Cell | None]]:
    """Given a 表二 header with repeated span labels and a row's values by position, return one header key per
    column and the value under it: the text its positions repeat, or None (the key left unread) when they print
    different texts, as the spans of the row and of the header need not line up."""
    keys: list[str | None] = []
    cells: list[Cell | None] = []
    for start, end in _runs(header):
        keys.append(header[start])
        texts = {norm(c.text) for c in values[start:end]}
        cells.append(values[start] if len(texts) == 1 else None)
        if len(texts) > 1 and header[start] is not None:
            out.unread[f"active.{row_key}.{header[start]}"] = AMBIGUOUS
    return keys, cells


# 三（六）其他处理: one row in the 2019 format, three in the 2021 one; a report of either year may print either
OTHER_ROWS = frozenset({"result.other", "result.other.no_correction", "result.other.fee_unpaid", "result.other.other"})


def unread_requests_rows(out: ParsedTables, version: VersionSpec, columns: list[str]) -> list[str]:
    """Given the tables as every reader left them, the report's version and 表三's column keys, return the 表三 rows
    (short names) with a cell no reader read or marked unread: none when 表三 itself was not read (a missing table).
    三（六） counts as read in either format's rows; where neither printed any, the version's own are unread."""
    if "三" not in out.found:
        return []

    columns_key = tuple(columns)

    def missing(row: str) -> list[str]:
        return [k for k in _requests_row_keys(row, columns_key) if k not in out.cells and k not in out.unread]
    other_printed = any(len(missing(row)) < len(columns) for row in OTHER_ROWS)
    return [r.short for r in version.requests_rows if not (other_printed and r.key in OTHER_ROWS) and missing(r.key)]


@lru_cache(maxsize=256)
def _requests_row_keys(row: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """Given a 表三 row and the column keys, return the row's cell keys, made once (some two hundred per report)."""
    return tuple(f"requests.{row}.{c}" for c in columns)


def unread_active_rows(out: ParsedTables, version: VersionSpec) -> list[str]:
    """Given the tables as every reader left them and the report's version, return the labels of the 表二 rows of
    which no reader read or marked unread a cell: none when 表二 itself was not read (a missing table)."""
    if "二" not in out.found:
        return []
    return [row["label"] for group in version.active for row in group.rows
            if not any(f"active.{row['key']}.{c['key']}" in out.cells or f"active.{row['key']}.{c['key']}" in out.unread
                       for c in group.columns)]


def _note_requests_deviations(out: ParsedTables, version: VersionSpec, seen: list[str]) -> None:
    if not seen:
        return
    single_other = "result.other" in seen
    split_other = any(k.startswith("result.other.") for k in seen)
    if version.id == "v2021" and single_other and not split_other:
        out.deviations.append(Deviation("requests.result.other", "表三 三（六）其他处理 printed as one row (2019 format) instead of the three sub-rows of the 2021 format"))
    if version.id == "v2019" and split_other:
        out.deviations.append(Deviation("requests.result.other", "表三 三（六）其他处理 split into sub-rows (2021 format) in a 2019-format report"))
