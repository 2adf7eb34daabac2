"""Word (.docx) reports: body paragraphs as lines, `w:tbl` grids with gridSpan/vMerge expanded.

The main document part is parsed once with lxml (extraction.ingest.docx_package) and flattened by one XSLT pass
(docx_body.xsl) into paragraphs with their text and tables of rows and cells; Python reads that small tree."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from extraction.document import Cell, IngestError, RawTable, Source, TextLine, Where, where_from
from extraction.ingest.docx_package import read_package

MAX_SPAN = 1000  # a garbled gridSpan must not build a huge grid
BODY = etree.XSLT(etree.parse(str(Path(__file__).with_name("docx_body.xsl"))),
                  access_control=etree.XSLTAccessControl.DENY_ALL)
P = "p"  # the flattened tree's paragraph (docx_body.xsl)
NESTED = "row/cell/table"  # a table in one of a table's cells


def squeezed(text: str) -> str:
    """Given a paragraph's text, return its printed lines with runs of blanks (U+3000 too) as one space, blank lines
    dropped (numbers may be split across runs: they are joined before this)."""
    if "\n" not in text:  # most paragraphs: one line
        return " ".join(text.replace("\u3000", " ").split())
    lines = (" ".join(line.replace("\u3000", " ").split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def cell_text(cell: etree._Element) -> str:
    """Given a flattened cell, return its own paragraphs joined with '\\n' (text of nested tables excluded)."""
    paragraphs = list(cell.iterchildren(P))  # findall(P) as lxml's ElementPath reads it, without its Python steps
    if len(paragraphs) == 1:  # most cells
        return squeezed(paragraphs[0].text or "")
    texts = (squeezed(p.text or "") for p in paragraphs)
    return "\n".join(text for text in texts if text)


def count_value(value: str | None, default: int) -> int:
    """Given a w:val as written, return it as a count in 0..MAX_SPAN (default when absent or garbled)."""
    value = (value or "").strip()
    return min(int(value), MAX_SPAN) if value.isdecimal() else default


@dataclass
class Slot:
    """One cell placed on the grid: the flattened cell, its row and first column."""

    cell: etree._Element
    row: int
    col: int
    merge: str | None  # None (no vMerge), 'restart', or 'continue'


def place(table: etree._Element) -> tuple[list[Slot], int, int]:
    """Given a flattened table, return its cells placed on the grid, the row count and the column count."""
    slots: list[Slot] = []
    width = int(table.get("cols", "0"))
    height = 0
    for r, row in enumerate(table):
        col = count_value(row.get("before"), 0)
        for cell in row:
            merge = cell.get("merge")
            slots.append(Slot(cell, r, col, None if merge is None else (merge or "continue")))
            col += max(count_value(cell.get("span"), 1), 1)
        width = max(width, col)
        height = r + 1
    return slots, height, width


def expand(slots: list[Slot], height: int, width: int, t: int) -> list[list[Cell | None]]:
    """Given placed cells, return the full grid: vMerge continuations and gridSpan tails are None."""
    grid: list[list[Cell | None]] = [[None] * width for _ in range(height)]
    for slot in slots:
        if slot.merge == "continue":
            continue
        where = where_from((None, None, None, f"table {t} row {slot.row + 1} col {slot.col + 1}", None))
        grid[slot.row][slot.col] = Cell(cell_text(slot.cell), where)
    return grid


@dataclass
class Reader:
    """Walks the flattened body in order, collecting lines and grids."""

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
                text = squeezed(element.text or "")
                if text:
                    self.add_line(text)
            else:
                self.read_table(element)

    def read_table(self, table: etree._Element) -> None:
        """Given a table, emit it as a RawTable, or walk it as layout when it has one column or nested tables."""
        slots, height, width = place(table)
        if width < 2 or table.find(NESTED) is not None:
            for slot in slots:
                self.walk(slot.cell)
            return
        grid = expand(slots, height, width, len(self.source.tables) + 1)
        where = Where(address=f"table {len(self.source.tables) + 1}")
        self.source.tables.append(RawTable(grid, where, line_index=len(self.source.lines)))


def flattened(path: Path, document: etree._Element) -> etree._Element:
    """Given a w:document root, return its body flattened by docx_body.xsl, or raise IngestError corrupt."""
    try:
        return BODY(document).getroot()
    except etree.XSLTApplyError as exc:
        raise IngestError("corrupt", f"{path}：不是可读的 Word 文档（{type(exc).__name__}: {exc}）") from None


def read_docx(path: Path, data: bytes, sha256: str) -> Source:
    """Given a .docx file's bytes, return its Source: body paragraphs as lines, tables as full grids."""
    document, title = read_package(path, data)
    source = Source(path=str(path), sha256=sha256, format="docx")
    Reader(source).walk(flattened(path, document))
    if title:
        source.meta["title"] = title
    return source
