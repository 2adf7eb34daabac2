"""What ingestion hands to the rest of the pipeline: text lines and raw table grids, each with provenance.

Every ingester (PDF, HTML, DOCX, text layouts) returns one `Source`. Nothing downstream reads the file again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any, NamedTuple

BBox = tuple[float, float, float, float]
WRAPPED_FORMATS = ("pdf", "text-whitespace", "text-blocks")  # visual lines: a paragraph broken where the page ended
CAPTION_MAX_CHARS = 30  # a table's caption is a short line (### 行政复议), not a paragraph
UNREAD = "\ufffd"  # OCR: a char standing for ink the engine could not read (a cell printed with it is unread, not blank)


class Where(NamedTuple):
    """Where something was printed: PDF page (+ bbox), text line, or a grid address for HTML/DOCX."""

    # Every cell and line has one, hundreds per report, each made once and only read: immutable as a tuple, its
    # fields held in the tuple itself — a frozen dataclass wrote them into an instance __dict__ (about 4,100
    # instructions a Where under callgrind; 3,100 as a tuple). Equal and hashed field by field, as before.
    page: int | None = None  # 1-based PDF page
    line: int | None = None  # 1-based line of a text file
    bbox: BBox | None = None  # x0, top, x1, bottom in PDF points
    address: str | None = None  # e.g. "table 3 row 7 col 4" (1-based) for HTML/DOCX grids
    chars: tuple[int, int] | None = None  # [start, end) character offsets within `line` (a cell cut from a digit run)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.page is not None:
            out["page"] = self.page
        if self.line is not None:
            out["line"] = self.line
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        if self.address is not None:
            out["address"] = self.address
        if self.chars is not None:
            out["chars"] = list(self.chars)
        return out


# A Where from its five fields as one tuple, in order (page, line, bbox, address, chars), made in C: NamedTuple's own
# __new__ is a Python call, about twice the cost (some 3,100 instructions a Where under callgrind, 1,650 this way).
# For the loops that make one per cell of a grid.
where_from: Callable[[tuple[int | None, int | None, BBox | None, str | None, tuple[int, int] | None]], Where] = \
    partial(tuple.__new__, Where)


LINE_WHERE_MEMO = 65536  # text lines whose Where is shared by everything printed on them


@lru_cache(maxsize=LINE_WHERE_MEMO)
def at_line(line: int) -> Where:
    """Given a 1-based line of a text file, return its Where, one instance per line (a Where is immutable; building
    one costs as much as some ten function calls, and a text report has one per cell). For what is printed alone on
    its line (a prose line, a table, a cell of a one-cell-a-line layout): cells sharing a line keep a Where each, as
    evaluation.ocr_faults tells a cell by its Where object."""
    return Where(line=line)


@dataclass(slots=True)
class TextLine:
    """One line (PDF visual line, HTML/DOCX paragraph, text-file line) of running text outside tables."""

    text: str
    where: Where


@dataclass(slots=True)
class Cell:
    """One printed table cell. `text` keeps in-cell line breaks as '\\n'; '' is a printed but empty cell.
    `confidence` is the OCR engine's confidence in `text` (0-1) for a cell read from an image; None for a text layer."""

    text: str
    where: Where
    confidence: float | None = None
    # Blank cells printed (as a line of no-break spaces) right before and after it in its row, where a layout that
    # keeps no positions prints them: what says which columns a row's numbers fill. None: not printed.
    blanks_before: int | None = None
    blanks_after: int | None = None


@dataclass
class RawTable:
    """A table as printed, before it is mapped onto the template.

    `rows[i][j]` is a Cell, or None for a position covered by a row/col span of another cell.
    `positional` is False when empty cells may have been dropped (pipe text), so a value's column
    cannot be read from its position. `line_index` is the number of `Source.lines` printed before
    the table, which places it inside a section. `caption` is the short line printed right above the table
    (### 行政复议), when the layout shows one. `label_lines` are the short lines printed right above it with no
    break, the caption last: where a converter printed the first lines of a row label wrapped over its numbers.
    `trailing_lines` are the row labels printed alone right under it, kept as prose too: its last rows, where blank
    cells print nothing.
    """

    rows: list[list[Cell | None]]
    where: Where
    line_index: int = 0
    positional: bool = True
    caption: str = ""
    label_lines: list[TextLine] = field(default_factory=list)
    trailing_lines: list[TextLine] = field(default_factory=list)  # short lines right under it: rows printing their label alone


@dataclass
class PrintedRun:
    """Value characters printed with no cell separators (scraped text: 数量801000081), after the text before them.

    `text` is exactly what was printed (digits, decimal points, signs, null marks, the whitespace between and
    around them); `where` gives its line and character span. Which cells it holds is decided by the table stage.
    """

    label: str  # the text since the previous run: row label, maybe with captions and headers before it
    text: str
    where: Where


@dataclass
class PrintedBlock:
    """Numbers printed one a line (a PDF library's text boxes: pdfminer's extract_text), after the lines printed
    since the previous such run. A table then prints its row labels as lines and its numbers as a block, in an
    order the text does not say (row by row, or column by column); which cell each number is, the table stage
    decides. A blank line ends a text box: the numbers of one box were printed one above the other."""

    labels: list[TextLine]  # the non-blank lines since the previous block: prose, captions, headers, row labels
    boxes: list[list[Cell]]  # the numbers in printed order, each with its line, in the text boxes that hold them

    @property
    def values(self) -> list[Cell]:
        return [cell for box in self.boxes for cell in box]


@dataclass
class Problem:
    """An error or note about the input: machine-readable code plus a message naming the file."""

    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class IngestError(Exception):
    """The file cannot be read at all (empty, corrupt, no text layer, unknown format...)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Source:
    """Everything read from one file."""

    path: str
    sha256: str
    format: str  # pdf | html | docx | text-flattened | text-cells | text-tabs | text-pipe | text-whitespace | text-concat | text-blocks | markdown | text
    lines: list[TextLine] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    runs: list[PrintedRun] = field(default_factory=list)  # text-concat only: label + glued value runs, in order
    blocks: list[PrintedBlock] = field(default_factory=list)  # text-blocks only: labels, then a block of numbers
    pages: int | None = None
    meta: dict[str, str] = field(default_factory=dict)  # printed metadata fields: 发布机构, 公开日期, 标题...
    problems: list[Problem] = field(default_factory=list)  # readable but partial: notes, not fatal
