"""A report's content as ingest read it, independent of its layout: title, paragraphs and table grids.

Mutations (evaluation/mutations.py) lay this content out again in other forms. Grids come from the raw tables
of a `Source`, so every source format (PDF, HTML, DOCX, text layouts) gives the same kind of content. Spans are
not kept by ingest (a covered position is None), so they are inferred again here: each covered position is
assigned to one printed cell whose rectangle reaches it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extraction.document import WRAPPED_FORMATS, RawTable, Source
from extraction.ingest.text import is_value
from extraction.segment import join_lines

Row = tuple[str | None, ...]  # None: a position covered by another cell's span
Grid = tuple[Row, ...]
Position = tuple[int, int]
Extent = tuple[int, int]  # rowspan, colspan

NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)*%?$")


@dataclass(frozen=True)
class Table:
    """One printed table: its rows of cell texts ('\\n' an in-cell line break, '' empty, None covered)."""

    rows: Grid

    def texts(self) -> list[str]:
        """Return every printed cell's text, row by row."""
        return [text for row in self.rows for text in row if text is not None]


Block = str | Table  # a paragraph or a table


@dataclass(frozen=True)
class Content:
    """A report's title (from page metadata, '' when none) and its paragraphs and tables in reading order."""

    title: str
    blocks: tuple[Block, ...]
    pdf: bytes | None = None  # the report's own PDF, when it is one (mutations that export a PDF's text read it)
    html: bytes | None = None  # the report's own HTML page, when it is one (converters of HTML read it)
    docx: bytes | None = None  # the report's own Word file, when it is one (converters of DOCX read it)

    def paragraphs(self) -> list[str]:
        """Return the paragraphs in order."""
        return [b for b in self.blocks if isinstance(b, str)]

    def tables(self) -> list[Table]:
        """Return the tables in order."""
        return [b for b in self.blocks if isinstance(b, Table)]


def is_number(text: str | None) -> bool:
    """Given a cell's text, return whether it prints a bare number (full-width digits and separators allowed)."""
    return text is not None and bool(NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


def paragraphs_of(source: Source, first: int, last: int) -> list[str]:
    """Given a Source and a range of its lines, return them as the paragraphs the pipeline reads (visual lines
    of a PDF joined as segment joins them), their words as printed."""
    lines = source.lines[first:last]
    if not lines:
        return []
    text = join_lines(lines, wrapped=source.format in WRAPPED_FORMATS, as_printed=True).text
    return [part for part in text.split("\n") if part.strip()]


def content_of(source: Source) -> Content:
    """Given what ingest read from a report, return its content: paragraphs between the tables, tables as grids."""
    blocks: list[Block] = []
    done = 0
    for table in sorted(source.tables, key=lambda t: t.line_index):
        blocks += paragraphs_of(source, done, table.line_index)
        done = max(done, table.line_index)
        blocks.append(Table(grid_of_raw(table)))
    blocks += paragraphs_of(source, done, len(source.lines))
    return Content(source.meta.get("title", ""), tuple(blocks))


def grid_of_raw(table: RawTable) -> Grid:
    """Given a raw table, return its grid with every data row on the columns of the rows printing as many values.

    Layouts that print no covered positions (text-cells, text-flattened, a PDF read by rows) give a data row only
    the cells it prints, so a row under a spanning group label, or whose label spans right, is shorter than a row
    printing as many values with its label cells in full. Its values still sit in the same columns: the positions
    it lacks lie between its label and its values, covered by the label. A row printing fewer values (a value
    spanning right, as 表二's 收费 row) keeps its columns. Where blank cells may have been dropped (not
    positional) the values' columns are unknown, and every row is kept as printed.
    """
    rows: Grid = tuple(tuple(None if c is None else c.text for c in row) for row in table.rows)
    if not table.positional:
        return rows
    widest: dict[int, int] = {}  # values printed -> the widest data row printing them
    for row in rows:
        if has_number(row):
            for count in value_counts(row):
                widest[count] = max(widest.get(count, 0), len(row))
    return tuple(with_values_at(row, widest.get(trailing_values(row), 0)) for row in rows)


def trailing_values(row: Row) -> int:
    """Given a row, return how many value cells (numbers, marks, blanks) end it."""
    count = 0
    while count < len(row) and row[-1 - count] is not None and is_value(row[-1 - count]):
        count += 1
    return count


def value_counts(row: Row) -> set[int]:
    """Given a data row, return how many values it may print: its trailing value cells, and those after its
    leading blanks (a blank right after a label may be the label's span, as text-cells prints a span's column)."""
    count = trailing_values(row)
    run = row[len(row) - count:]
    blanks = next((k for k, text in enumerate(run) if text), count)
    return {count, count - blanks} - {0}


def with_values_at(row: Row, width: int) -> Row:
    """Given a data row led by a label and a width, return it that wide, covered positions inserted after its
    label so that its values fill the last columns (a row as wide or wider, or no data row, unchanged)."""
    values = trailing_values(row)
    if len(row) >= width or not has_number(row) or values == len(row):
        return row
    label_end = len(row) - values
    return row[:label_end] + (None,) * (width - len(row)) + row[label_end:]


def has_number(row: Row) -> bool:
    """Given a row, return whether it prints a number (a data row, where labels span to the right)."""
    return any(is_number(text) for text in row)


def label_to_the_left(grid: Grid, r: int, c: int, claimed: set[Position]) -> bool:
    """Given a position, return whether an unclaimed run to its left in the same row starts at a printed cell
    (that cell may span right over the position)."""
    row = grid[r]
    k = c - 1
    while k >= 0 and row[k] is None and (r, k) not in claimed:
        k -= 1
    return k >= 0 and row[k] is not None


def extents(grid: Grid) -> dict[Position, Extent]:
    """Given a grid, return each printed cell's (rowspan, colspan) so that the rectangles cover every None.

    Top-down: a cell spans right over the free positions after it, then down while the row below is free
    under all its columns; in a data row a label to the left takes a free position (a row label spans right)
    before a cell above does.
    """
    claimed: set[Position] = set()
    out: dict[Position, Extent] = {}
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text is None:
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] is None and (r, c + colspan) not in claimed:
                colspan += 1
            rowspan = 1
            while r + rowspan < len(grid) and free_below(grid, r + rowspan, c, colspan, claimed):
                rowspan += 1
            out[(r, c)] = (rowspan, colspan)
            claimed.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
    return out


def free_below(grid: Grid, r: int, c: int, colspan: int, claimed: set[Position]) -> bool:
    """Given a row and a cell's columns, return whether the cell may span down into that row."""
    row = grid[r]
    if any(k >= len(row) or row[k] is not None or (r, k) in claimed for k in range(c, c + colspan)):
        return False
    return not ((is_data_row(row) or is_caption_row(row)) and label_to_the_left(grid, r, c, claimed))


def is_data_row(row: Row) -> bool:
    """Given a row, return whether it is a data row: it prints a number, or ends in a printed blank value cell
    (a row of blanks, such as 2019's （六）其他处理, is one too)."""
    return has_number(row) or (bool(row) and row[-1] == "")


def is_caption_row(row: Row) -> bool:
    """Given a row, return whether it prints one cell and nothing after it (a caption across the table, such as
    表二's 第二十条第（五）项, which spans right rather than leaving its positions to the cells above)."""
    shown = [k for k, text in enumerate(row) if text is not None]
    return len(shown) == 1 and shown[0] < len(row) - 1


def origins(grid: Grid) -> dict[Position, Position]:
    """Given a grid, return for every covered position the printed cell whose span covers it."""
    out: dict[Position, Position] = {}
    for (r, c), (rowspan, colspan) in extents(grid).items():
        for dr in range(rowspan):
            for dc in range(colspan):
                if dr or dc:
                    out[(r + dr, c + dc)] = (r, c)
    return out


def filled(grid: Grid) -> list[list[str]]:
    """Given a grid, return it with every covered position holding the text of the cell that spans it
    (a position no span reaches holds '')."""
    cover = origins(grid)
    out: list[list[str]] = []
    for r, row in enumerate(grid):
        texts: list[str] = []
        for c, text in enumerate(row):
            if text is None:
                origin = cover.get((r, c))
                text = grid[origin[0]][origin[1]] if origin else ""
            texts.append(text or "")
        out.append(texts)
    return out


def header_rows(grid: Grid) -> int:
    """Given a grid, return how many rows come before its first data row."""
    return next((r for r, row in enumerate(grid) if has_number(row)), len(grid))


def mentions_text(table: Table, *words: str) -> bool:
    """Given a table and words, return whether its cells print every word (line breaks ignored)."""
    joined = "".join(text.replace("\n", "") for text in table.texts())
    return all(word in joined for word in words)


def spanned_rows(grid: Grid) -> list[list[tuple[int, str, int, int]]]:
    """Given a grid, return per row the cells a spanning format prints: (column, text, rowspan, colspan); a None
    that no span reaches prints as an empty cell, so every later cell keeps its column."""
    spans = extents(grid)
    covered = set(origins(grid))
    out: list[list[tuple[int, str, int, int]]] = []
    for r, row in enumerate(grid):
        cells: list[tuple[int, str, int, int]] = []
        for c, text in enumerate(row):
            if text is not None:
                cells.append((c, text, *spans[(r, c)]))
            elif (r, c) not in covered:
                cells.append((c, "", 1, 1))
        out.append(cells)
    return out
