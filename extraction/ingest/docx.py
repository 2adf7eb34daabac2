"""Word (.docx) reports: body paragraphs as lines, `w:tbl` grids with gridSpan/vMerge expanded."""
from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree

from extraction.document import Cell, IngestError, RawTable, Source, TextLine, Where
from extraction.ingest import MAX_BYTES

# Content controls and tracked insertions wrap ordinary runs, paragraphs, rows and cells.
WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:ins"), qn("w:smartTag"), qn("w:customXml"), qn("w:hyperlink")}
BREAKS = {qn("w:br"), qn("w:cr")}
MAX_SPAN = 1000  # a garbled gridSpan must not build a huge grid
MAX_UNPACKED_BYTES = 4 * MAX_BYTES  # Word XML packs ~10:1; a package unpacking past this is a zip bomb, not a report
SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:sdtPr"), qn("w:rPr"), qn("w:pPr"), qn("w:instrText")}
P, T, TAB, TBL, TR, TC, VAL = (qn(name) for name in ("w:p", "w:t", "w:tab", "w:tbl", "w:tr", "w:tc", "w:val"))
GRID_COLS = f"{qn('w:tblGrid')}/{qn('w:gridCol')}"


def children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Given an element, return its children with the tag, looking through content-control wrappers."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in WRAPPERS:
            found.extend(children(child, tag))
    return found


def paragraph_text(paragraph: etree._Element) -> str:
    """Given a w:p, return the text of all its runs concatenated (numbers may be split across runs)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag
        if tag in SKIPPED:
            return
        if tag == T:
            if node.text:
                parts.append(node.text)
        elif tag == TAB:
            parts.append(" ")
        elif tag in BREAKS:
            parts.append("\n")
        for child in node:
            walk(child)

    walk(paragraph)
    lines = (" ".join(line.replace("\u3000", " ").split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def cell_text(cell: etree._Element) -> str:
    """Given a w:tc, return its own paragraphs joined with '\\n' (text of nested tables excluded)."""
    texts = (paragraph_text(p) for p in children(cell, P))
    return "\n".join(text for text in texts if text)


@functools.cache
def clark(path: str) -> str:
    """Given a property path like 'w:tcPr/w:gridSpan', return it with qualified names ('{ns}tcPr/{ns}gridSpan')."""
    return "/".join(qn(step) for step in path.split("/"))


def property_value(element: etree._Element, path: str) -> str | None:
    """Given an element and a property path like 'w:tcPr/w:gridSpan', return its w:val (None when absent)."""
    found = element.find(clark(path))
    return None if found is None else found.get(VAL, "")


def count_value(element: etree._Element, path: str, default: int) -> int:
    """Given an element and a property path, return its w:val as a count in 0..MAX_SPAN (default when absent or garbled)."""
    value = (property_value(element, path) or "").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() else default


@dataclass
class Slot:
    """One w:tc placed on the grid: the cell element, its row and first column."""

    cell: etree._Element
    row: int
    col: int
    merge: str | None  # None (no vMerge), 'restart', or 'continue'


def place(table: etree._Element) -> tuple[list[Slot], int, int]:
    """Given a w:tbl, return its cells placed on the grid, the row count and the column count."""
    slots: list[Slot] = []
    rows = children(table, TR)
    width = len(table.findall(GRID_COLS))
    for r, row in enumerate(rows):
        col = count_value(row, "w:trPr/w:gridBefore", 0)
        for cell in children(row, TC):
            merge = property_value(cell, "w:tcPr/w:vMerge")
            slots.append(Slot(cell, r, col, None if merge is None else (merge or "continue")))
            col += max(count_value(cell, "w:tcPr/w:gridSpan", 1), 1)
        width = max(width, col)
    return slots, len(rows), width


def expand(slots: list[Slot], height: int, width: int, t: int) -> list[list[Cell | None]]:
    """Given placed cells, return the full grid: vMerge continuations and gridSpan tails are None."""
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for slot in slots:
        if slot.merge == "continue":
            continue
        where = Where(address=f"table {t} row {slot.row + 1} col {slot.col + 1}")
        grid[slot.row][slot.col] = Cell(cell_text(slot.cell), where)
    return grid


@dataclass
class Reader:
    """Walks the document body in order, collecting lines and grids."""

    source: Source

    def add_line(self, text: str) -> None:
        """Given paragraph text, emit one TextLine per printed line."""
        for line in text.split("\n"):
            where = Where(address=f"paragraph {len(self.source.lines) + 1}")
            self.source.lines.append(TextLine(line, where))

    def walk(self, container: etree._Element) -> None:
        """Given the body or a layout cell, emit its paragraphs and tables in order."""
        for element in container:
            if element.tag == P:
                text = paragraph_text(element)
                if text:
                    self.add_line(text)
            elif element.tag == TBL:
                self.read_table(element)
            elif element.tag in WRAPPERS:
                self.walk(element)

    def read_table(self, table: etree._Element) -> None:
        """Given a w:tbl, emit it as a RawTable, or walk it as layout when it has one column or nested tables."""
        slots, height, width = place(table)
        if width < 2 or any(children(slot.cell, TBL) for slot in slots):
            for slot in slots:
                self.walk(slot.cell)
            return
        grid = expand(slots, height, width, len(self.source.tables) + 1)
        where = Where(address=f"table {len(self.source.tables) + 1}")
        self.source.tables.append(RawTable(grid, where, line_index=len(self.source.lines)))


def unpacked_size(data: bytes) -> int:
    """Given a .docx file's bytes, return the total size its parts declare unpacked (zipfile never reads past it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        return 0  # not a readable zip: docx.Document says so with its own message


def open_document(path: Path, data: bytes) -> Any:
    """Given a .docx file's bytes, return python-docx's document, or raise IngestError corrupt / too_large."""
    size = unpacked_size(data)
    if size > MAX_UNPACKED_BYTES:
        raise IngestError("too_large", f"{path}: the Word package unpacks to {size} bytes, over the "
                                       f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB limit (a zip bomb?)")
    try:
        document = docx.Document(io.BytesIO(data))
        document.element.body.tag  # a main part that is not a w:document has no body
        return document
    except MemoryError:
        raise
    except Exception as exc:  # python-docx trips in its object model on malformed parts (AttributeError, TypeError...)
        raise IngestError("corrupt", f"{path}：不是可读的 Word 文档（{type(exc).__name__}: {exc}）") from None


def package_title(document: Any) -> str | None:
    """Given a document, return the title in its core properties, or None when absent or unreadable."""
    try:
        return (document.core_properties.title or "").strip() or None
    except MemoryError:
        raise
    except Exception:  # a malformed docProps/core.xml costs the title, not the report
        return None


def read_docx(path: Path, data: bytes, sha256: str) -> Source:
    """Given a .docx file's bytes, return its Source: body paragraphs as lines, tables as full grids."""
    document = open_document(path, data)
    source = Source(path=str(path), sha256=sha256, format="docx")
    Reader(source).walk(document.element.body)
    title = package_title(document)
    if title:
        source.meta["title"] = title
    return source
