"""PDF -> Source: ruled tables found with pdfplumber's table algorithm, text lines built from chars,
and unruled tables recovered from lines that end in numbers.

Pages are read with PDFium (extraction.ingest.pdfium), or with pdfminer.six directly where PDFium cannot read
them alike or the pdfminer engine is asked for: no layout analysis (LAParams), and none of pdfplumber's
per-object conversion, which together cost more than the rest of the work. Both give the same chars and edges:
plain dicts with pdfplumber's keys (x0, x1, top, bottom...), so pdfplumber's table functions apply.
"""
from __future__ import annotations

import io
import logging
import math
import os
import re
import statistics
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
from pdfminer import pdffont
from pdfminer.cmapdb import CMapParser
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTPage, LTRect
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFException, PDFObjRef, resolve1
from pdfminer.psparser import PSException
from pdfminer.utils import decode_text
from pdfplumber.table import DEFAULT_JOIN_TOLERANCE, DEFAULT_SNAP_TOLERANCE

from extraction.document import BBox, Cell, IngestError, Problem, RawTable, Source, TextLine, Where
from extraction.ingest import PDF_ENGINE_VARIABLE, PDFIUM
from extraction.limits import MAX_OCR_PAGES, ocr_ahead

# pdfminer logs what it tolerates in a damaged file (bad font boxes, lost bytes) to stderr; what matters reaches the
# report as a typed error or note instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

Char = dict[str, Any]  # a char with pdfplumber's keys: text, x0, x1, top, bottom, size, fontname (+ confidence if OCR read it)
Edge = dict[str, Any]  # a rule with pdfplumber's keys: x0, x1, top, bottom, width, height, orientation

DEDUPE_TOLERANCE = 1.0  # pt: "fake bold" draws each glyph twice, a fraction of a point apart
# twin suspects are coded (text, column, row) in one int64: squares within FAR pt of the origin, SQUARE_SPAN per axis
FAR = 1e6
SQUARE_SPAN = 1 << 21
SQUARE_OFFSET = 1 << 20  # added to a square's index to make it positive
MAX_SQUARED_CHARS = 1 << 20  # more chars (texts) on one page would overflow the code: every char is a suspect
LINE_OVERLAP_SHARE = 0.5  # chars whose vertical extents overlap by this share of the smaller one share a line
WORD_GAP_RATIO = 0.2  # x gap (in font sizes) that separates two words
CJK_SPACE_RATIO = 0.45  # in running text, narrower gaps between CJK chars are justification, not a space
CELL_GAP_RATIO = 1.0  # x gap (in font sizes) that separates a lone number from its label as a table cell
RULE_MAX_THICKNESS = 2.0  # pt: a filled rect this thin is drawn as a rule
RULE_END_TOLERANCE = 3.0  # pt: vertical rules ending this close together end at one (maybe undrawn) border
AXIS_TOLERANCE = 0.5  # pt: a path segment this close to horizontal/vertical is a rule
EDGE_MIN_LENGTH = 3.0  # pt: shorter rules are dots, not table borders (pdfplumber's default)
INTERSECTION_TOLERANCE = 3.0  # pt: pdfplumber's default
FOOTER_ZONE = 0.88  # share of the page height below which a lone page number is a footer
CID_SPACE = 0x10000  # character ids of a CID font are two bytes
MAX_WIDTH_CODES = CID_SPACE  # codes a font's /W or /W2 ranges may expand to, all ranges together: each code once
MAX_MAP_CODES = 4 * CID_SPACE  # codes a font's ToUnicode ranges may expand to, all together (codes may be 1-4 bytes)
UNMAPPED_MAX_SHARE = 0.5  # above this share of (cid:N)/private-use chars the text is unreadable
ITEM_START = re.compile(r"^\s*(?:第[一二三四五六七八九十0-9]+条|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、])")
MAX_ROW_GAP_LINES = 3.0  # unruled rows further apart (in line heights) belong to different tables
STACK_MIN_CHARS = 3  # a vertical label has at least this many one-character lines
WHITE = 0.99  # colour components at least this light count as white paper
SNAP = 1000  # coordinates kept to 1/SNAP pt, so that both engines give the same numbers (PDFium computes in float32)

NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?%?")
NULL_MARK = re.compile(r"[/／\-—－–]")  # a cell printed as "/" or a dash: not applicable, or nothing
FOOTER = re.compile(r"[-—–_·\s]*\d+[-—–_·\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+")
CJK = re.compile(r"[\u2014\u2018-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
STACK_CHAR = re.compile(r"[\u3400-\u9fff][、.．]?")
UNMAPPED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\ufffd]")
META_LABELS = ("名称", "索引号", "分类", "发布机构", "公开日期", "发文日期", "成文日期", "文号", "关键词", "主题分类", "有效性")
META_KEPT = ("名称", "发布机构", "公开日期")
BY_TEXT, BY_TOP, BY_BOTTOM, BY_X0, BY_X1, BY_SIZE = (itemgetter(k) for k in ("text", "top", "bottom", "x0", "x1", "size"))
OCR_ENGINE = "rapidocr"  # Source.meta["ocr"] of a PDF some of whose pages were read from their image
MAX_PAGES = 1000  # a report runs to 5-50 pages, a scanned one to a few hundred; more is not one report


@dataclass
class PageObjects:
    """What one page printed: chars and visible rules, in top-left-origin points."""

    number: int
    height: float
    chars: list[Char]
    edges: list[Edge]


@dataclass
class Word:
    """Chars printed without a word gap between them, with the gap that precedes the word."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    gap: float  # x distance from the previous word on the line; 0 for the first
    confidence: float | None = None  # OCR: the engine's least confidence in one of its chars

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass
class Line:
    """One visual line: its words left to right."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bbox(self) -> BBox:
        return union(w.bbox for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)


# --- pdfminer -> chars and edges -----------------------------------------------------------------


def snap(value: float) -> float:
    """Given a coordinate, return it rounded to 1/SNAP pt (halves up)."""
    return math.floor(value * SNAP + 0.5) / SNAP


def is_white(color: Any) -> bool:
    """Given a pdfminer colour (gray number, RGB or CMYK tuple), return whether it is white."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 1 - WHITE for v in color)
    return all(v >= WHITE for v in color)


def is_visible(stroke: bool, stroke_white: bool, fill: bool, fill_white: bool, width: float, height: float) -> bool:
    """Given how a path is painted and its size, return False when nobody sees it (white or unpainted boxes behind text)."""
    if stroke and not stroke_white:
        return True
    thin = min(width, height) <= RULE_MAX_THICKNESS
    return fill and (thin or not fill_white)


def path_edges(path: LTCurve, left: float, top: float) -> list[Edge]:
    """Given a path and the page's left/top, return its horizontal and vertical segments as edges."""
    if isinstance(path, LTRect):
        x0, y0, x1, y1 = path.bbox
        return segment_edges([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], left, top)
    return segment_edges(list(path.pts), left, top)


def segment_edges(points: Sequence[tuple[float, float]], left: float, top: float) -> list[Edge]:
    """Given a path's points (bottom-up page coordinates) and the page's left/top, return its horizontal and
    vertical segments as edges."""
    edges = []
    floor = math.floor  # snap(), written out: this runs once per segment of every path
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if abs(ax - bx) <= AXIS_TOLERANCE:
            orientation = "v"
        elif abs(ay - by) <= AXIS_TOLERANCE:
            orientation = "h"
        else:
            continue
        x0, x1 = ax - left, bx - left
        if x1 < x0:
            x0, x1 = x1, x0
        t, b = top - ay, top - by
        if b < t:
            t, b = b, t
        if orientation == "v":
            x0 = x1 = floor((x0 + x1) / 2 * SNAP + 0.5) / SNAP
            t, b = floor(t * SNAP + 0.5) / SNAP, floor(b * SNAP + 0.5) / SNAP
        else:
            t = b = floor((t + b) / 2 * SNAP + 0.5) / SNAP
            x0, x1 = floor(x0 * SNAP + 0.5) / SNAP, floor(x1 * SNAP + 0.5) / SNAP
        edges.append({"object_type": "path_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": t, "bottom": b, "width": x1 - x0, "height": b - t})
    return edges


def page_objects(layout: LTPage, number: int) -> PageObjects:
    """Given pdfminer's raw (unanalysed) layout of a page, return its chars and visible rules."""
    left, _, _, top = layout.bbox
    chars: list[Char] = []
    edges: list[Edge] = []

    def visit(container: Iterable[Any]) -> None:
        for obj in container:
            if isinstance(obj, LTChar):
                x0, x1, t, b = snap(obj.x0 - left), snap(obj.x1 - left), snap(top - obj.y1), snap(top - obj.y0)
                chars.append({"text": obj.get_text(), "x0": x0, "x1": x1, "top": t, "bottom": b, "size": snap(obj.size), "fontname": obj.fontname})
            elif isinstance(obj, LTCurve):
                painted = (obj.stroke, is_white(obj.stroking_color), obj.fill, is_white(obj.non_stroking_color))
                if is_visible(*painted, obj.width, obj.height):
                    edges.extend(path_edges(obj, left, top))
            elif isinstance(obj, LTFigure):
                visit(obj)

    visit(layout)
    return PageObjects(number=number, height=snap(layout.height), chars=chars, edges=edges)


def bounded_widths(seq: Any, group: int) -> Any:
    """Given a CID font's /W array (ranges of `group` 3 numbers: first last width) or /W2 array (5), return it with each
    range inside the CID space and all of them expanding to at most MAX_WIDTH_CODES codes (the rest dropped); anything
    else unchanged. pdfminer expands a range one dict entry per code: a damaged `0 99999999999 500` allocated
    gigabytes before any limit could answer."""
    seq = resolve1(seq)
    if not isinstance(seq, list):
        return seq
    out: list[Any] = []
    run: list[Any] = []
    budget = MAX_WIDTH_CODES
    for item in seq:
        value = resolve1(item)
        if not isinstance(value, (int, float)):
            out += run + [item]
            run = []
            continue
        run.append(value)
        if len(run) == group:
            first, last = run[0], run[1]
            if isinstance(first, int) and isinstance(last, int):
                first, last = max(first, 0), min(last, CID_SPACE - 1, max(first, 0) + budget - 1)
                budget -= max(0, last - first + 1)
            out += [first, last, *run[2:]]
            run = []
    return out + run


class BoundedCMapParser(CMapParser):
    """pdfminer's ToUnicode map parser, its bfrange and cidrange entries expanding to at most MAX_MAP_CODES codes in
    all (the rest dropped): pdfminer adds a range one code at a time, and <00000000> <FFFFFFFF> is four billion."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = MAX_MAP_CODES

    def do_keyword(self, pos: int, token: Any) -> None:
        if token is self.KEYWORD_ENDBFRANGE or token is self.KEYWORD_ENDCIDRANGE:
            self.curstack = self._bounded(self.curstack)
        super().do_keyword(pos, token)

    def _bounded(self, stack: list[Any]) -> list[Any]:
        """Given the operands of a range block ((pos, object) pairs, three a range), return them with each range's
        end moved in to spend no more than the budget left, and the ranges past it dropped."""
        kept: list[Any] = []
        for start in range(0, len(stack) - len(stack) % 3, 3):
            first, last, code = stack[start:start + 3]
            low, high = first[1], last[1]
            if isinstance(low, bytes) and isinstance(high, bytes) and len(low) == len(high) and low:
                width = min(len(high), 4)
                if low[:-width] != high[:-width]:  # a range runs over its last four bytes only
                    high = low[:-width] + high[-width:]
                    last = (last[0], high)
                begin, end = int.from_bytes(low[-width:], "big"), int.from_bytes(high[-width:], "big")
                if self.budget <= 0:
                    continue
                if end - begin + 1 > self.budget:
                    end = begin + self.budget - 1
                    last = (last[0], high[:-width] + end.to_bytes(width, "big"))
                self.budget -= max(0, end - begin + 1)
            kept += [first, last, code]
        return kept + stack[len(stack) - len(stack) % 3:]


# pdfminer's fonts build their ToUnicode maps with the parser its font module names: this one keeps them bounded.
pdffont.CMapParser = BoundedCMapParser


class BoundedFonts(PDFResourceManager):
    """pdfminer's resource manager, each font's width ranges kept inside the CID space (see `bounded_widths`)."""

    def get_font(self, objid: object, spec: Any) -> Any:
        if isinstance(spec, dict) and ("W" in spec or "W2" in spec):
            spec = {**spec, **{key: bounded_widths(spec[key], group) for key, group in (("W", 3), ("W2", 5)) if key in spec}}
        return super().get_font(objid, spec)


def read_pages(document: PDFDocument, only: set[int] | None = None) -> Iterator[PageObjects]:
    """Given a parsed PDF document (and the numbers of the pages wanted, all by default), yield each page's chars and rules."""
    resources = BoundedFonts(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if only is None or number in only:
            interpreter.process_page(page)
            yield page_objects(device.get_result(), number)


def declared_pages(document: PDFDocument) -> int:
    """Given a parsed PDF document, return the page count its page tree declares (0 when it declares none)."""
    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    return count if isinstance(count, int) else 0


def reference_cycle(document: PDFDocument) -> int | None:
    """Given a parsed PDF document, return an object that is a reference leading back to itself (pdfminer would
    resolve it forever), or None. Every object is parsed once; pdfminer keeps them for reading the pages."""
    objids = {objid for xref in document.xrefs for objid in xref.get_objids()}
    for objid in sorted(objids):
        seen = {objid}
        target = objid
        while True:
            try:
                obj = document.getobj(target)
            except Exception:  # a damaged object: reading the pages reports it, if a page needs it
                break
            if not isinstance(obj, PDFObjRef):
                break
            if obj.objid in seen:
                return objid
            seen.add(obj.objid)
            target = obj.objid
    return None


def parsed_pages(path: Path, data: bytes, only: set[int] | None = None) -> tuple[PDFDocument, Iterator[PageObjects]]:
    """Given a PDF file's bytes (and the numbers of the pages wanted, all by default), return pdfminer's document and
    its pages, read lazily; any failure inside pdfminer, now or while the pages are read, raises IngestError corrupt,
    and more than MAX_PAGES pages too_many_pages."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        declared = declared_pages(document)
        if declared > MAX_PAGES:
            raise too_many_pages(path, declared)
        cycle = reference_cycle(document)
        if cycle is not None:
            raise IngestError("corrupt", f"{path}：不是可读的 PDF 文件（对象 {cycle} 引用回自身）")
    except (MemoryError, IngestError):
        raise
    except Exception as exc:  # pdfminer raises what its parsing trips on (ValueError, AssertionError, KeyError...)
        raise corrupt(path, exc) from None

    def pages() -> Iterator[PageObjects]:
        reader = read_pages(document, only)
        while True:
            try:
                page = next(reader)
            except StopIteration:
                return
            except MemoryError:
                raise
            except Exception as exc:
                raise corrupt(path, exc) from None
            if page.number > MAX_PAGES:
                raise too_many_pages(path, page.number)
            yield page

    return document, pages()


def corrupt(path: Path, exc: Exception) -> IngestError:
    """Given what pdfminer raised, return the corrupt error naming the file."""
    detail = str(exc) if isinstance(exc, (PDFException, PSException)) and str(exc) else type(exc).__name__
    return IngestError("corrupt", f"{path}：不是可读的 PDF 文件（{detail}）")


def too_many_pages(path: Path, pages: int) -> IngestError:
    """Given a page count over the limit, return the too_many_pages error naming the file."""
    return IngestError("too_many_pages", f"{path}：{pages} 页，超过单份报告 {MAX_PAGES} 页的上限")


# --- chars -> words -> lines -------------------------------------------------------------------


def dedupe_chars(chars: Sequence[Char]) -> list[Char]:
    """Given chars in stream order, return them without the copies drawn at nearly the same place."""
    suspects = twin_suspects(chars)
    if not suspects:
        return list(chars)
    # a char that is no suspect is nobody's twin: the twins among the suspects are those among all the chars
    dropped = set(suspects).difference(suspects[j] for j in first_drawn([chars[i] for i in suspects]))
    return [char for i, char in enumerate(chars) if i not in dropped] if dropped else list(chars)


def twin_suspects(chars: Sequence[Char]) -> list[int]:
    """Given chars, return the indexes of those that may have a twin: another char of the same text in the same
    or a neighbouring square twice DEDUPE_TOLERANCE wide (a twin, within the tolerance both ways, always is one).
    Found with sorted integer codes in NumPy: most pages have none, and their chars then need no search of their own."""
    count = len(chars)
    if count < 2:
        return []
    if count >= MAX_SQUARED_CHARS:
        return list(range(count))
    texts: dict[str, int] = {}  # each text's id: the index of its first char (any one id per text will do)
    text_ids = np.fromiter(map(texts.setdefault, map(BY_TEXT, chars), range(count)), np.int64, count)
    xs, tops = np.fromiter(map(BY_X0, chars), float, count), np.fromiter(map(BY_TOP, chars), float, count)
    if not (np.abs(xs).max() < FAR and np.abs(tops).max() < FAR):
        return list(range(count))
    side = 2 * DEDUPE_TOLERANCE
    columns = np.floor(xs / side).astype(np.int64) + SQUARE_OFFSET
    rows = np.floor(tops / side).astype(np.int64) + SQUARE_OFFSET
    codes = (text_ids * SQUARE_SPAN + columns) * SQUARE_SPAN + rows
    unique, inverse, counts = np.unique(codes, return_inverse=True, return_counts=True)
    suspect = counts > 1  # of each square: another char of its text in it, or in a neighbouring one
    # the squares above and below are the codes one less and one more: the previous and next (no code lies between)
    stacked = np.diff(unique) == 1
    suspect[1:] |= stacked
    suspect[:-1] |= stacked
    # those in the column right of it are the three codes from SQUARE_SPAN - 1 on (left of it, to SQUARE_SPAN + 1
    # back): one search of the sorted codes for the first of three finds whether any is there
    last = len(unique) - 1
    for first in (SQUARE_SPAN - 1, -SQUARE_SPAN - 1):
        found = unique[np.minimum(np.searchsorted(unique, unique + first), last)] - unique - first
        suspect |= (found >= 0) & (found <= 2)
    return np.flatnonzero(suspect[inverse]).tolist()


def first_drawn(chars: Sequence[Char]) -> list[int]:
    """Given chars in stream order, return the indexes of those to keep: all but those drawn within DEDUPE_TOLERANCE
    of a kept char of the same glyph (text, font and size), the copies "fake bold" draws."""
    kept: list[int] = []
    # the kept chars by glyph and square twice the tolerance wide: a twin lies in one of the (at most) four squares
    # the char's tolerance box touches
    side, tolerance, floor = 2 * DEDUPE_TOLERANCE, DEDUPE_TOLERANCE, math.floor
    seen: dict[tuple[tuple[str, str, float], int, int], list[Char]] = {}
    squares = seen.get
    for index, char in enumerate(chars):
        x, top = char["x0"], char["top"]
        glyph = (char["text"], char["fontname"], round(char["size"], 1))
        left, right = floor((x - tolerance) / side), floor((x + tolerance) / side)
        high, low = floor((top - tolerance) / side), floor((top + tolerance) / side)
        twin = False
        for column in (left,) if left == right else (left, right):
            for row in (high,) if high == low else (high, low):
                for other in squares((glyph, column, row), ()):
                    twin = twin or (abs(other["x0"] - x) <= tolerance and abs(other["top"] - top) <= tolerance)
        if twin:
            continue
        seen.setdefault((glyph, floor(x / side), floor(top / side)), []).append(char)
        kept.append(index)
    return kept


def group_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Given chars, return them as visual lines (top to bottom), each sorted left to right."""
    lines: list[list[Char]] = []
    top = bottom = 0.0
    for char in sorted(chars, key=BY_TOP):
        # min() and max() written out (a if a <= b else b is min's choice): this runs once per char of every line
        char_top, char_bottom = char["top"], char["bottom"]
        overlap = (bottom if bottom <= char_bottom else char_bottom) - (top if top >= char_top else char_top)
        if lines and overlap >= LINE_OVERLAP_SHARE * min(bottom - top, char_bottom - char_top):
            lines[-1].append(char)
            bottom = bottom if bottom >= char_bottom else char_bottom
        else:
            lines.append([char])
            top, bottom = char_top, char_bottom
    return [sorted(line, key=BY_X0) for line in lines]


def word_chars(line: Sequence[Char]) -> list[list[Char]]:
    """Given one line's chars left to right, return the chars of each of its words (split at spaces and wide gaps)."""
    words: list[list[Char]] = []
    current: list[Char] = []
    previous_x1: float | None = None
    for char in line:
        if not char["text"].strip():
            if current:
                words.append(current)
                current = []
            continue
        if previous_x1 is not None and char["x0"] - previous_x1 > WORD_GAP_RATIO * char["size"] and current:
            words.append(current)
            current = []
        current.append(char)
        previous_x1 = char["x1"]
    if current:
        words.append(current)
    return words


def to_words(line: Sequence[Char]) -> list[Word]:
    """Given one line's chars left to right, return its words (split at spaces and wide gaps)."""
    words: list[Word] = []
    for chars in word_chars(line):
        words.append(
            Word(
                text="".join(map(BY_TEXT, chars)),
                x0=chars[0]["x0"],
                x1=chars[-1]["x1"],
                top=min(map(BY_TOP, chars)),
                bottom=max(map(BY_BOTTOM, chars)),
                size=max(map(BY_SIZE, chars)),
                gap=chars[0]["x0"] - words[-1].x1 if words else 0.0,
                confidence=char_confidence(chars),
            )
        )
    return words


def char_confidence(chars: Iterable[Char]) -> float | None:
    """Given chars, return the least OCR confidence among them; None when none was read by OCR."""
    # OCR gives each of its chars a confidence (a number), a text layer none: asked by key, with no call per char
    known = [char["confidence"] for char in chars if "confidence" in char]
    return min(known) if known else None


def least_confidence(words: Iterable[Word]) -> float | None:
    """Given words, return the least OCR confidence among them; None when none was read by OCR."""
    known = [w.confidence for w in words if w.confidence is not None]
    return min(known) if known else None


def join_words(words: Sequence[Word], cjk_space: float = CJK_SPACE_RATIO) -> str:
    """Given a line's words, return its text: a space between words, except between CJK chars
    closer than `cjk_space` font sizes."""
    parts: list[str] = []
    for i, word in enumerate(words):
        if i:
            before, after = parts[-1][-1], word.text[0]
            cjk_pair = CJK.match(before) and CJK.match(after)
            if not (cjk_pair and word.gap < cjk_space * word.size):
                parts.append(" ")
        parts.append(word.text)
    return "".join(parts)


def char_lines(chars: Iterable[Char]) -> list[Line]:
    """Given chars, return the non-empty lines they form, top to bottom."""
    lines = (Line(to_words(chars_of_line)) for chars_of_line in group_lines(chars))
    return [line for line in lines if line.words]


def union(boxes: Iterable[BBox]) -> BBox:
    """Given bboxes, return the smallest bbox holding them all."""
    x0s, tops, x1s, bottoms = zip(*boxes)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def is_footer(line: Line, page_height: float) -> bool:
    """Given a line, return whether it is a lone page number at the bottom of the page."""
    return line.top >= FOOTER_ZONE * page_height and FOOTER.fullmatch(line.text.strip()) is not None


# --- ruled tables ------------------------------------------------------------------------------


def closing_rules(edges: Sequence[Edge]) -> list[Edge]:
    """Given a page's visible edges, return a horizontal edge wherever two or more vertical rules
    start or stop together: a table cut by a page break has no rule drawn there."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    rules: list[Edge] = []
    for end in ("top", "bottom"):
        group: list[Edge] = []
        for edge in sorted(verticals, key=itemgetter(end)) + [None]:
            if edge is not None and group and edge[end] - group[0][end] <= RULE_END_TOLERANCE:
                group.append(edge)
                continue
            if len(group) > 1:
                x0, x1, y = min(e["x0"] for e in group), max(e["x1"] for e in group), group[0][end]
                rules.append({"object_type": "closing_edge", "orientation": "h", "x0": x0, "x1": x1, "width": x1 - x0, "top": y, "bottom": y})
            group = [edge] if edge is not None else []
    return rules


def grid_rows(cells: Sequence[BBox]) -> list[list[BBox | None]]:
    """Given one table's cell bboxes, return its rows, with None where a spanning cell covers a column."""
    xs = sorted({cell[0] for cell in cells})
    rows = []
    for _, row in groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        by_x = {cell[0]: cell for cell in row}
        rows.append([by_x.get(x) for x in xs])
    return rows


def find_grids(edges: Sequence[Edge]) -> list[list[list[BBox | None]]]:
    """Given a page's visible rules, return its ruled tables (as rows of cells) with two or more columns;
    a one-column grid is a text box."""
    # pdfplumber's filter_edges(min_length=EDGE_MIN_LENGTH)
    edges = [e for e in merge_rules(list(edges) + closing_rules(edges))
             if (e["height"] if e["orientation"] == "v" else e["width"]) >= EDGE_MIN_LENGTH]
    intersections = edges_to_intersections(edges)
    grids = (grid_rows(cells) for cells in cells_to_tables(intersections_to_cells(intersections)))
    return [rows for rows in grids if len(rows[0]) > 1]


def merge_rules(edges: Sequence[Edge]) -> list[Edge]:
    """Given rules, return them merged as pdfplumber's merge_edges merges them with its default tolerances, to the
    same numbers and in the same order: each orientation's rules snapped to the average position of their cluster,
    then the rules on one line joined where they meet or nearly meet. Each rule is copied once, not once per key."""
    snapped = snap_rules([e for e in edges if e["orientation"] == "v"], "x0", "x1")
    snapped += snap_rules([e for e in edges if e["orientation"] == "h"], "top", "bottom")
    merged: list[Edge] = []
    keyed = sorted(zip(map(line_of, snapped), snapped), key=itemgetter(0))  # each rule's line asked once
    for (orientation, _), line in groupby(keyed, key=itemgetter(0)):
        merged += join_rules([rule for _, rule in line], *(("x0", "x1") if orientation == "h" else ("top", "bottom")))
    return merged


def line_of(edge: Edge) -> tuple[str, float]:
    """Given a rule, return its orientation and the position of the line it lies on."""
    return ("h", edge["top"]) if edge["orientation"] == "h" else ("v", edge["x0"])


def snap_rules(rules: list[Edge], low: str, high: str) -> list[Edge]:
    """Given rules of one orientation and their position keys across it, return them moved to the average position
    of their cluster (positions within DEFAULT_SNAP_TOLERANCE of the next), cluster by cluster: pdfplumber's
    snap_objects, by the same arithmetic."""
    # each position's cluster, numbered from the lowest: pdfplumber's make_cluster_dict, in one pass over the
    # distinct positions sorted, with no list per cluster
    clusters: dict[float, int] = {}
    number, last = -1, -math.inf
    for position in sorted({rule[low] for rule in rules}):
        if position > last + DEFAULT_SNAP_TOLERANCE:
            number += 1
        clusters[position] = number
        last = position
    members: list[list[Edge]] = [[] for _ in range(number + 1)]  # each cluster's rules, in the order given
    for rule in rules:
        members[clusters[rule[low]]].append(rule)
    snapped: list[Edge] = []
    for cluster in members:
        average = sum(rule[low] for rule in cluster) / len(cluster)
        for rule in cluster:
            shift = average - rule[low]
            snapped.append({**rule, low: rule[low] + shift, high: rule[high] + shift})
    return snapped


def join_rules(line: list[Edge], start: str, end: str) -> list[Edge]:
    """Given the rules on one line and their keys along it, return them joined where one starts within
    DEFAULT_JOIN_TOLERANCE of where the previous ends: pdfplumber's join_edge_group, by the same arithmetic."""
    ordered = sorted(line, key=itemgetter(start))
    joined = [ordered[0]]
    for rule in ordered[1:]:
        last = joined[-1]
        if rule[start] <= last[end] + DEFAULT_JOIN_TOLERANCE:
            if rule[end] > last[end]:
                value = rule[end]
                if end == "x1":
                    joined[-1] = {**last, "x1": value, "width": value - last["x0"]}
                else:
                    joined[-1] = {**last, "bottom": value, "height": last["height"] + (value - last["bottom"])}
        else:
            joined.append(rule)
    return joined


def edges_to_intersections(edges: Sequence[Edge]) -> dict[tuple[float, float], dict[str, list[Edge]]]:
    """Given merged rules, return the points where a vertical and a horizontal one cross (within
    INTERSECTION_TOLERANCE), each with the rules through it: pdfplumber's edges_to_intersections, with the
    horizontal rules sorted once and only those within a vertical rule's reach tried."""
    horizontals = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: e["top"])
    tops = [h["top"] for h in horizontals]
    # each horizontal rule's keys read once, not once per vertical rule that reaches it
    spans = [(h["top"], h["x0"], h["x1"], h) for h in horizontals]
    intersections: dict[tuple[float, float], dict[str, list[Edge]]] = {}
    margin = 2 * INTERSECTION_TOLERANCE  # a window wider than the reach; the test inside is pdfplumber's, to the last bit
    tolerance = INTERSECTION_TOLERANCE
    for v in (e for e in edges if e["orientation"] == "v"):
        v_top, v_bottom, x = v["top"], v["bottom"], v["x0"]
        for top, x0, x1, h in spans[bisect_left(tops, v_top - margin) : bisect_right(tops, v_bottom + margin)]:
            if v_top <= top + tolerance and v_bottom >= top - tolerance and x0 - tolerance <= x <= x1 + tolerance:
                on = intersections.get((x, top))
                if on is None:
                    on = intersections[x, top] = {"v": [], "h": []}
                on["v"].append(v)
                on["h"].append(h)
    return intersections


def intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[Edge]]]) -> list[BBox]:
    """Given the points where rules cross (each with its vertical and horizontal rules), return the cells they
    close, the smallest from each top-left corner: pdfplumber's intersections_to_cells, giving the same cells,
    with each point's rules, column and row looked up once instead of for every pair of points. Two points of one
    column are joined by a vertical rule through both, two of one row by a horizontal one (pdfplumber asks both
    of every pair, and a pair of one column never shares a row)."""
    # each rule by its identity, which is its bbox's (merged rules on one line never share a bbox), hashed once
    verticals = {p: set(map(id, on["v"])) for p, on in intersections.items()}
    horizontals = {p: set(map(id, on["h"])) for p, on in intersections.items()}
    points = sorted(intersections)
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    after: dict[tuple[float, float], tuple[int, int]] = {}  # a point's place in its column and its row, plus one
    for point in points:  # in (x, top) order: a column top down, a row left to right
        column, row = columns.setdefault(point[0], []), rows.setdefault(point[1], [])
        column.append(point)
        row.append(point)
        after[point] = (len(column), len(row))

    def smallest_cell(point: tuple[float, float]) -> BBox | None:
        vertical, horizontal = verticals[point], horizontals[point]
        in_column, in_row = after[point]
        right = rows[point[1]][in_row:]
        for down in columns[point[0]][in_column:]:
            if vertical.isdisjoint(verticals[down]):
                continue
            for across in right:
                if horizontal.isdisjoint(horizontals[across]):
                    continue
                corner = (across[0], down[1])
                if (corner in verticals and not verticals[corner].isdisjoint(verticals[across])
                        and not horizontals[corner].isdisjoint(horizontals[down])):
                    return (point[0], point[1], corner[0], corner[1])
        return None

    return [cell for cell in map(smallest_cell, points) if cell is not None]


def cells_to_tables(cells: Sequence[BBox]) -> list[list[BBox]]:
    """Given cells, return the tables they form, each the cells joined to it through a shared corner, with two or
    more cells, top to bottom: pdfplumber's cells_to_tables, to the same tables in the same order, with each pass
    over the cells left keeping those it did not take (pdfplumber removed each cell taken from the list by value)."""
    remaining = list(cells)
    tables: list[list[BBox]] = []
    corners: set[tuple[float, float]] = set()
    current: list[BBox] = []
    while remaining:
        taken = len(current)
        left: list[BBox] = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or not corners.isdisjoint(cell_corners):
                corners.update(cell_corners)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == taken:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    ordered = sorted(tables, key=lambda table: min((cell[1], cell[0]) for cell in table))
    return [table for table in ordered if len(table) > 1]


def cell_text(chars: Sequence[Char]) -> str:
    """Given the chars of one cell, return its text with in-cell lines joined by '\\n'."""
    if len(chars) == 1:  # a one-digit cell (most of 表三's): its char, unless it prints nothing
        text = chars[0]["text"]
        return text if text.strip() else ""
    lines = (word_chars(line) for line in group_lines(chars))
    return "\n".join(cell_line_text(words) for words in lines if words)


def cell_line_text(words: Sequence[Sequence[Char]]) -> str:
    """Given the chars of each word of a cell's line, return its text: join_words with no limit on a gap between CJK
    chars, as a cell holds one value and any such gap in it is layout ('结 果' is 结果). Read from the chars, with no
    Word made: this runs for every line of every ruled cell."""
    parts: list[str] = []
    previous_x1 = 0.0  # where the word before ended
    for chars in words:
        text = "".join(map(BY_TEXT, chars))
        if parts and not (CJK.match(parts[-1][-1]) and CJK.match(text[0])
                          and chars[0]["x0"] - previous_x1 < math.inf * max(map(BY_SIZE, chars))):
            parts.append(" ")
        parts.append(text)
        previous_x1 = chars[-1]["x1"]
    return "".join(parts)


def ruled_table(rows: Sequence[Sequence[BBox | None]], chars: Sequence[Char], xs: np.ndarray, ys: np.ndarray,
                page: int) -> tuple[RawTable, list[int]]:
    """Given a ruled table's rows of cell bboxes, the page's chars and their centres' x and y, return it as a RawTable,
    and the indexes of the chars whose centre lies in its bbox."""
    bbox = union(cell for row in rows for cell in row if cell is not None)
    left, top, right, bottom = bbox
    found = np.flatnonzero((xs >= left) & (xs <= right) & (ys >= top) & (ys <= bottom))
    found = found[np.argsort(ys[found], kind="stable")]  # top down, in the page's order where level
    indexes = found.tolist()
    inside = [chars[i] for i in indexes]
    middles, centres = xs[found].tolist(), ys[found].tolist()
    # each band of rows (a cell's top and bottom): its chars' places in `inside`, and their centres' x, left to right
    bands: dict[tuple[float, float], tuple[list[int], list[float]]] = {}
    table: list[list[Cell | None]] = []
    for row in rows:
        cells: list[Cell | None] = []
        for box in row:
            if box is None:
                cells.append(None)
                continue
            # the chars whose centre lies in the box: in its band of rows, then between its sides, in the band's order
            band = bands.get((box[1], box[3]))
            if band is None:
                low, high = bisect_left(centres, box[1]), bisect_right(centres, box[3])
                places = sorted(range(low, high), key=middles.__getitem__)
                band = bands[box[1], box[3]] = (places, [middles[i] for i in places])
            places, band_xs = band
            own = [inside[i] for i in sorted(places[bisect_left(band_xs, box[0]) : bisect_right(band_xs, box[2])])]
            cells.append(Cell(text=cell_text(own), where=Where(page=page, bbox=box), confidence=char_confidence(own)))
        table.append(cells)
    return RawTable(rows=table, where=Where(page=page, bbox=bbox)), indexes


# --- unruled tables ----------------------------------------------------------------------------


def trailing_numbers(line: Line) -> int:
    """Given a line, return how many of its last words are numbers (or "/", a dash) printed as table cells."""
    count = marks = 0
    for word in reversed(line.words):
        if NULL_MARK.fullmatch(word.text):
            marks += 1
        elif not NUMBER.fullmatch(word.text):
            break
        count += 1
    if count == 1 and (len(line.words) == 1 or line.words[-1].gap < CELL_GAP_RATIO * line.words[-1].size):
        return 0  # a lone number after ordinary spacing is running text ("共计 95")
    if count == marks and count < 2:
        return 0
    return count


def value_start(line: Line) -> float:
    """Given a table row line, return the x where its numbers start."""
    return line.words[-trailing_numbers(line)].x0


def row_blocks(lines: Sequence[Line], cut: PageCut | None = None) -> list[list[int]]:
    """Given a page's lines, return runs of indexes of table rows that form one table: rows close
    together, or linked by label-only lines (wrapped or vertical labels) that are close together. A short row
    on the page's first line is kept when the page before ended in its table or its header (`cut`)."""
    heights = [line.bottom - line.top for line in lines]
    step = MAX_ROW_GAP_LINES * (statistics.median(heights) if heights else 0)
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        if not trailing_numbers(line):
            continue
        if blocks:
            previous = blocks[-1][-1]
            chain = lines[previous : i + 1]
            close = all(b.top - a.bottom <= step for a, b in zip(chain, chain[1:]))
            labels_end = min(value_start(lines[previous]), value_start(line))
            labels_only = all(between.bbox[2] <= labels_end for between in chain[1:-1])
            if close and labels_only:
                blocks[-1].append(i)
                continue
        blocks.append([i])
    return [b for b in blocks if len(b) > 1 or trailing_numbers(lines[b[0]]) > 2 or under_header(lines, b[0], step)
            or (b[0] == 0 and cut is not None and cut.continues(lines[0]))]


def under_header(lines: Sequence[Line], i: int, step: float) -> bool:
    """Given a page's lines and a one-number row, return whether the line just above is its header: close
    above, with no numbers, and a word over the number (表二's 信息内容 | 本年处理决定数量 over 行政许可 | 3767)."""
    return i > 0 and lines[i].top - lines[i - 1].bottom <= step and heads(lines[i - 1], lines[i])


def heads(header: Line, row: Line) -> bool:
    """Given a line and a one-number row under it, return whether the line is the row's header: no numbers, and a
    word over the number."""
    number = row.words[-1]
    return (not trailing_numbers(header) and len(header.words) >= 2
            and any(w.x0 <= (number.x0 + number.x1) / 2 <= w.x1 for w in header.words[1:]))


@dataclass(frozen=True)
class PageCut:
    """How the page before ended: in a table (its last rows may be printed at the top of this page, under
    `columns`, the names of its value columns where it had them), or with `last_line`, which may be the header of
    a table whose rows were all pushed onto this page."""

    in_table: bool
    last_line: Line | None
    columns: Sequence[Word] = ()

    def continues(self, row: Line) -> bool:
        return self.in_table or (self.last_line is not None and heads(self.last_line, row))


@dataclass
class Fragment:
    """Label words printed on one line of a label cell, waiting to be merged into that cell."""

    words: list[Word]

    @property
    def bbox(self) -> BBox:
        return union(w.bbox for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)


def split_fragments(words: Sequence[Word]) -> list[Fragment]:
    """Given label words of one line, return them grouped into cells at cell-wide gaps."""
    fragments: list[Fragment] = []
    for word in words:
        if fragments and word.gap < CELL_GAP_RATIO * word.size:
            fragments[-1].words.append(word)
        else:
            fragments.append(Fragment([word]))
    return fragments


Piece = tuple[int, Fragment]  # a label fragment and the index of the line it is printed on


def pop_stacks(pieces: list[Piece]) -> list[list[Piece]]:
    """Given label pieces, remove vertical labels (one character per line in one column) and return them."""
    singles = [p for p in pieces if STACK_CHAR.fullmatch(p[1].text)]
    stacks: list[list[Piece]] = []
    for piece in sorted(singles, key=lambda p: p[1].bbox[0]):
        box = piece[1].bbox
        last = stacks[-1][-1][1].bbox if stacks else None
        if last and abs((last[0] + last[2]) / 2 - (box[0] + box[2]) / 2) <= piece[1].words[0].size:
            stacks[-1].append(piece)
        else:
            stacks.append([piece])
    stacks = [sorted(s, key=lambda p: p[0]) for s in stacks if len(s) >= STACK_MIN_CHARS]
    for piece in (p for stack in stacks for p in stack):
        pieces.remove(piece)
    return stacks


def chain_labels(pieces: Sequence[Piece], homes: dict[int, int], gap: float) -> list[list[Piece]]:
    """Given label pieces and the row each table line belongs to, return the pieces grouped into
    cells: pieces stacked in one column, either of the same row or less than `gap` apart and not
    of two different rows."""
    chains: list[list[Piece]] = []
    for index, fragment in sorted(pieces, key=lambda p: p[1].bbox[1]):
        box, home = fragment.bbox, homes.get(index)
        for chain in reversed(chains):
            last = chain[-1][1].bbox
            chain_homes = {homes[i] for i, _ in chain if i in homes}
            same_row = home in chain_homes
            other_row = home is not None and bool(chain_homes) and not same_row
            close = box[1] - last[3] <= gap
            if box[0] < last[2] and last[0] < box[2] and (same_row or (close and not other_row)):
                chain.append((index, fragment))
                break
        else:
            chains.append([(index, fragment)])
    return chains


def label_owner(cell: Sequence[Piece], homes: dict[int, int], centres: dict[int, float]) -> int:
    """Given a label cell's pieces, return the row it labels: the row one of its lines belongs to,
    else the nearest row (the lower one on a tie, as a label wraps around its numbers)."""
    own = [homes[i] for i, _ in cell if i in homes]
    if own:
        return own[0]
    box = union(f.bbox for _, f in cell)
    y = (box[1] + box[3]) / 2
    rows = set(homes.values())
    return min(rows, key=lambda i: (abs(centres[i] - y), centres[i] < y))


def value_anchors(header: Line | None, value_x0: float, width: int) -> list[Word] | None:
    """Given the line above the first row, return its words over the value columns if they name every column."""
    if header is None or trailing_numbers(header):
        return None
    anchors = [w for w in header.words if w.x1 > value_x0]
    return anchors if len(anchors) >= width else None


def wrapped_header_anchors(lines: Sequence[Line], top_line: int, value_x0: float, step: float) -> list[Word]:
    """Given a page's lines and the first line of a table, return the column names of a header printed over the
    lines above it (names wrapped, 其他 a line lower than its neighbours): the words over the values of the header
    line with the most of them, and words of the other header lines beside none of those; a word over several
    columns (法人或其他组织) or under one (业 of 商业企业) is left out."""
    header: list[Line] = []
    for i in range(top_line - 1, -1, -1):
        below = lines[i + 1] if header else lines[top_line]
        if trailing_numbers(lines[i]) or below.top - lines[i].bottom > step:
            break
        header.append(lines[i])
    words = [[w for w in line.words if w.x1 > value_x0] for line in header]
    if not words:
        return []
    anchors = max(words, key=len)
    for word in (w for line in words if line is not anchors for w in line):
        if not any(word.x0 < a.x1 and a.x0 < word.x1 for a in anchors):
            anchors = anchors + [word]
    return sorted(anchors, key=lambda w: w.x0)


def place_values(numbers: Sequence[Word], anchors: Sequence[Word]) -> list[Word | None] | None:
    """Given a row's number words and the column header words, return one slot per column, or None if ambiguous."""
    slots: list[Word | None] = [None] * len(anchors)
    for number in numbers:
        x = (number.x0 + number.x1) / 2
        column = min(range(len(anchors)), key=lambda i: abs((anchors[i].x0 + anchors[i].x1) / 2 - x))
        anchor = anchors[column]
        if slots[column] is not None or not (anchor.x0 - anchor.size <= x <= anchor.x1 + anchor.size):
            return None
        slots[column] = number
    return slots


def unruled_table(lines: Sequence[Line], block: Sequence[int], page: int, cut: PageCut | None = None) -> tuple[RawTable, set[int], list[Word]]:
    """Given a page's lines, the indexes of its number rows and how the page before ended, return the table, the line
    indexes it used and the names of its value columns (none where its numbers were not placed by them)."""
    rows = list(block)
    counts = {i: trailing_numbers(lines[i]) for i in rows}
    value_x0 = min(value_start(lines[i]) for i in rows)
    first, last = rows[0], rows[-1]
    height = statistics.median(lines[i].bottom - lines[i].top for i in rows)

    def label_only(i: int) -> bool:
        return 0 <= i < len(lines) and lines[i].bbox[2] <= value_x0 and not trailing_numbers(lines[i])

    # a row printed without a label (a vertical group label's char beside its numbers is not one) has it wrapped
    # around its numbers, on the lines just above and below
    homes = {i: i for i in rows}
    for i in (i for i in rows if all(STACK_CHAR.fullmatch(w.text) for w in lines[i].words[: -counts[i]])):
        for j in (i - 1, i + 1):
            if j not in homes and label_only(j) and abs(lines[j].top - lines[i].top) <= 2 * height:
                homes[j] = i
    while label_only(last + 1) and lines[last + 1].top - lines[last].bottom <= height and not ITEM_START.match(lines[last + 1].text):
        last += 1  # a wrapped label goes on below its row; a line that starts an item (第二十条…, 二、) does not
    used = set(range(min(first, *homes), max(last, *homes) + 1))
    header_rows = [i for i in used if i not in homes and not label_only(i)]

    pieces: list[Piece] = []
    for i in sorted(used - set(header_rows)):
        words = lines[i].words[: len(lines[i].words) - counts.get(i, 0)]
        pieces += [(i, f) for f in split_fragments(words)]
    stacks = pop_stacks(pieces)
    centres = {i: (lines[i].top + lines[i].bottom) / 2 for i in used}
    labels: dict[int, list[Cell]] = {i: [] for i in rows}
    for cell, joiner in [(s, "") for s in stacks] + [(c, "\n") for c in chain_labels(pieces, homes, height)]:
        text = joiner.join(f.text for _, f in cell)
        box = union(f.bbox for _, f in cell)
        confidence = least_confidence(w for _, f in cell for w in f.words)
        labels[label_owner(cell, homes, centres)].append(Cell(text=text, where=Where(page=page, bbox=box), confidence=confidence))

    width = max(counts.values())
    top_line = min(used)
    anchors = value_anchors(lines[top_line - 1] if top_line > 0 else None, value_x0, width)
    if anchors is None and top_line == 0 and cut is not None and cut.in_table and min(counts.values()) < len(cut.columns):
        anchors = list(cut.columns)  # rows printing some cells after a page break, under the header on the page before
    slots = {i: place_values(lines[i].words[-counts[i]:], anchors) for i in rows} if anchors else {}
    positional = bool(slots) and all(s is not None for s in slots.values())
    if not positional and min(counts.values()) < len(wrapped := wrapped_header_anchors(lines, top_line, value_x0, 2 * height)):
        slots = {i: place_values(lines[i].words[-counts[i]:], wrapped) for i in rows}
        positional = all(s is not None for s in slots.values())
        anchors = wrapped if positional else anchors

    table_rows: list[list[Cell | None]] = []
    for i in sorted(rows + header_rows):
        if i in header_rows:
            table_rows.append([Cell(text=f.text, where=Where(page=page, bbox=f.bbox), confidence=least_confidence(f.words))
                               for f in split_fragments(lines[i].words)])
            continue
        cells: list[Cell | None] = sorted(labels[i], key=lambda c: c.where.bbox[0] if c.where.bbox else 0)
        numbers = lines[i].words[-counts[i]:]
        line_box = lines[i].bbox
        if positional and anchors:
            for anchor, number in zip(anchors, slots[i] or []):
                box = number.bbox if number else (anchor.x0, line_box[1], anchor.x1, line_box[3])
                cells.append(Cell(text=number.text if number else "", where=Where(page=page, bbox=box),
                                  confidence=number.confidence if number else None))
        else:
            cells += [Cell(text=w.text, where=Where(page=page, bbox=w.bbox), confidence=w.confidence) for w in numbers]
        table_rows.append(cells)
    bbox = union(lines[i].bbox for i in used)
    return RawTable(rows=table_rows, where=Where(page=page, bbox=bbox), positional=positional), used, list(anchors or []) if positional else []


# --- pages -------------------------------------------------------------------------------------


def page_content(page: PageObjects, chars: list[Char], cut: PageCut | None = None) -> tuple[list[Line], list[tuple[int, RawTable]], list[Word]]:
    """Given a page, its deduplicated chars and how the page before ended, return its text lines, its tables, each
    table with the count of the page's lines printed before it, and the value columns' names of its last table
    when it is unruled and placed by them."""
    grids = find_grids(page.edges)
    if grids:  # the chars' centres
        count = len(chars)
        xs = (np.fromiter(map(BY_X0, chars), float, count) + np.fromiter(map(BY_X1, chars), float, count)) / 2
        ys = (np.fromiter(map(BY_TOP, chars), float, count) + np.fromiter(map(BY_BOTTOM, chars), float, count)) / 2
    read = [ruled_table(rows, chars, xs, ys, page.number) for rows in grids]
    ruled = [table for table, _ in read]
    boxes = [t.where.bbox for t in ruled if t.where.bbox]
    covered = set().union(*(inside for _, inside in read))  # the chars whose centre lies in a table's bbox
    free = [c for i, c in enumerate(chars) if i not in covered] if covered else chars
    lines = [line for line in char_lines(free) if not is_footer(line, page.height)]
    tables = [(sum(line.top < box[1] for line in lines), t) for box, t in zip(boxes, ruled)]
    if ruled:
        return lines, tables, []
    used: set[int] = set()
    columns: list[Word] = []
    for block in row_blocks(lines, cut):
        table, taken, columns = unruled_table(lines, block, page.number, cut)
        tables.append((min(taken), table))
        used |= taken
    if not used:
        return lines, tables, columns
    kept = [line for i, line in enumerate(lines) if i not in used]
    # the table's position counts only the lines that stay outside tables
    shifted = [(sum(1 for j in range(start) if j not in used), table) for start, table in tables]
    return kept, shifted, columns


def header_meta(lines: Sequence[Line]) -> dict[str, str]:
    """Given the first page's lines, return 名称/发布机构/公开日期 from a label/value header block."""
    fields: dict[str, str] = {}
    for line in lines:
        texts = [w.text for w in line.words]
        if not texts or texts[0] not in META_LABELS:
            continue
        label, value = texts[0], []
        for text in texts[1:] + [META_LABELS[0]]:
            if text in META_LABELS:
                if value and label not in fields:
                    fields[label] = "".join(value)
                label, value = text, []
            else:
                value.append(text)
    if len(fields) < 2:
        return {}  # one label-like word is running text, not a header block
    return {k: v for k, v in fields.items() if k in META_KEPT}


def info_title(document: PDFDocument) -> str | None:
    """Given a parsed PDF, return its document-info Title, decoding UTF-16 in either byte order."""
    for info in document.info:
        raw = resolve1(info.get("Title"))
        if isinstance(raw, bytes):
            title = raw.decode("utf-16", "replace") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else decode_text(raw)
            title = title.strip("\x00 \t\r\n")
            if title:
                return title
    return None


def open_pages(path: Path, data: bytes, engine: str) -> tuple[Iterable[PageObjects], Callable[[], str | None]]:
    """Given a PDF's path and bytes and the engine asked for, return its pages' chars and rules and a getter of its
    title. PDFium reads what it can read as pdfminer would; pdfminer reads the rest (extraction.ingest.pdfium)."""
    if engine == PDFIUM:
        from extraction.ingest import pdfium

        try:
            pages, title = pdfium.read_pages(data)
        except pdfium.Unsupported:
            pass
        else:
            left = {number for number, page in enumerate(pages, start=1) if page is None}
            filled = {page.number: page for page in parsed_pages(path, data, left)[1]} if left else {}
            if left <= filled.keys():
                return [page or filled[number] for number, page in enumerate(pages, start=1)], lambda: title
    document, pages = parsed_pages(path, data)
    return pages, lambda: info_title(document)


def add_page(source: Source, page: PageObjects, chars: list[Char], cut: PageCut | None = None) -> PageCut:
    """Given a Source being read, a page, its deduplicated chars and how the page before ended, append the page's
    lines and tables to it; return how it ends."""
    lines, tables, columns = page_content(page, chars, cut)
    if page.number == 1:
        source.meta.update(header_meta(lines))
    for start, table in tables:
        table.line_index = len(source.lines) + start
        source.tables.append(table)
    source.lines += [TextLine(text=line.text, where=Where(page=page.number, bbox=line.bbox)) for line in lines]
    in_table = bool(source.tables) and source.tables[-1].line_index == len(source.lines)
    return PageCut(in_table, lines[-1] if lines else None, columns if in_table else ())


def printed(chars: Iterable[Char]) -> list[str]:
    """Given chars, return the texts of those that print something."""
    return [c["text"] for c in chars if c["text"].strip()]


def unmapped_count(texts: list[str]) -> int:
    """Given chars' texts, return how many are a (cid:N) or a private-use char: none when their concatenation
    holds no such thing, which one search of it tells (the common case) without a match per char."""
    if not UNMAPPED.search("".join(texts)):
        return 0
    return sum(1 for text in texts if UNMAPPED.fullmatch(text))


def page_ranges(numbers: Sequence[int]) -> str:
    """Given ascending page numbers, return them with runs shortened: [1, 2, 3, 7] -> "1–3, 7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def ocr_page_limit(path: Path, skipped: Sequence[int]) -> Problem:
    """Given the pages past the OCR page limit, return the problem that says they were not read."""
    return Problem("ocr_page_limit", f"{path}：第 {page_ranges(skipped)} 页需要 OCR 识别，超过每份报告 {MAX_OCR_PAGES} 页的"
                                     "上限，这些页未读")


def scanned_pages(path: Path, data: bytes, numbers: list[int], what: str) -> dict[int, PageObjects]:
    """Given a PDF, the numbers of the pages to read from their image and what they are (for the error), return
    the chars and rules of the first MAX_OCR_PAGES of them as OCR reads them, after announcing them to the time limit;
    raise IngestError ocr_unavailable without the OCR extra."""
    from extraction.ingest import ocr

    if not ocr.available():
        raise ocr.unavailable(path, what)
    numbers = numbers[:MAX_OCR_PAGES]
    ocr_ahead(len(numbers))
    return {number: ocr.page_objects(image, number) for number, image in ocr.pdf_images(path, data, numbers)}


def read_pdf(path: Path, data: bytes, sha256: str, engine: str | None = None) -> Source:
    """Given a PDF file's bytes (and the engine to read it with: by default $ZFXXGK_PDF_ENGINE, else PDFium), return
    its text lines and tables with page/bbox provenance. Pages without a text layer are read by OCR, and so is the
    whole file when it has no text layer or its fonts have no Unicode map."""
    source = Source(path=str(path), sha256=sha256, format="pdf", pages=0)
    pages, info = open_pages(path, data, engine or os.environ.get(PDF_ENGINE_VARIABLE) or PDFIUM)
    read = [(page, dedupe_chars(page.chars)) for page in pages]
    if not read:
        raise IngestError("corrupt", f"{path}：PDF 没有页面")
    source.pages = read[-1][0].number
    texts = [printed(chars) for _, chars in read]
    total = sum(map(len, texts))
    unmapped = unmapped_count([t for page in texts for t in page])
    empty = [page.number for (page, _), text in zip(read, texts) if not text]
    skipped: list[int] = []  # pages to read by OCR past MAX_OCR_PAGES: left unread
    if not total or unmapped > UNMAPPED_MAX_SHARE * total:
        what = "没有文字层（扫描件），" if not total else f"{total} 个字符中有 {unmapped} 个没有 Unicode 映射（字体缺少 ToUnicode 表），"
        skipped = [page.number for page, _ in read[MAX_OCR_PAGES:]]
        try:
            scanned = scanned_pages(path, data, [page.number for page, _ in read], what)
        except IngestError as exc:
            code = "no_text_layer" if not total else "unmapped_font"
            if exc.code == "corrupt":  # PDFium cannot render what pdfminer read
                raise IngestError(code, f"{path}：{what}且页面无法渲染，不能 OCR 识别") from None
            if exc.code != "ocr_unavailable" or not total:
                raise
            raise IngestError(code, f"{path}：{what}需要 OCR 识别（未安装 OCR 组件）") from None
        read = [(scanned[page.number], dedupe_chars(scanned[page.number].chars)) if page.number in scanned else (page, [])
                for page, _ in read]
        empty = [page.number for page, chars in read if not printed(chars) and page.number not in skipped]
        if len(empty) + len(skipped) == len(read):
            code = "no_text_layer" if not total else "unmapped_font"
            first = f"（只识别了前 {MAX_OCR_PAGES} 页）" if skipped else ""
            raise IngestError(code, f"{path}：{what}OCR 识别{first}也未读到文字")
        source.meta["ocr"] = OCR_ENGINE
    elif empty:
        from extraction.ingest import ocr

        try:
            scanned = scanned_pages(path, data, empty, "") if ocr.available() else {}
        except IngestError as exc:  # PDFium cannot render the file: its pages without text stay unread
            if exc.code != "corrupt":
                raise
            scanned = {}
        if scanned:
            skipped = empty[MAX_OCR_PAGES:]
            read = [(scanned[page.number], dedupe_chars(scanned[page.number].chars)) if page.number in scanned else (page, chars)
                    for page, chars in read]
            empty = [page.number for page, chars in read if not printed(chars) and page.number not in skipped]
            source.meta["ocr"] = OCR_ENGINE
    cut = None
    for page, chars in read:
        if page.number not in empty and page.number not in skipped:
            cut = add_page(source, page, chars, cut)
    try:
        title = info()
    except MemoryError:
        raise
    except Exception:  # a damaged document-info dictionary costs the title, not the report
        title = None
    if title:
        source.meta["title"] = title
    if empty:
        numbers = ", ".join(map(str, empty))
        why = "OCR 也未读到文字" if source.meta.get("ocr") else "图片？未安装 OCR 组件"
        source.problems.append(Problem("pages_without_text", f"{path}：第 {numbers} 页没有文字层（{why}），这些页未读"))
    if skipped:
        source.problems.append(ocr_page_limit(path, skipped))
    source.tables.sort(key=lambda t: (t.where.page or 0, t.line_index))
    return source
