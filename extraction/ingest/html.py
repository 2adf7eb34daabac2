"""HTML reports: paragraphs as lines, `<table>` grids with rowspan/colspan expanded."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from extraction.document import Cell, IngestError, RawTable, Source, TextLine, Where, where_from
from extraction.ingest.text import BOMS, canonical_encoding, decode

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")
SKIPPED = {"script", "style", "noscript", "template", "head", "select", "textarea"}
BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "center", "form", "fieldset", "address",
    "figure", "figcaption", "caption", "tr", "td", "th", "thead", "tbody", "tfoot", "body", "html",
}
LINE_EDGES = BLOCKS | {"br"}  # a cell child with one of these tags starts a line and ends one
# Inline markup, which a cell's text reads through: stripped from a data table in one C pass (its text and tail joined
# to its neighbours', as cell_text would join them) so that most cells are leaves, read without a Python walk.
INLINE = (
    "span", "font", "b", "i", "u", "s", "strike", "a", "strong", "em", "sup", "sub", "small", "big", "o:p", "ins", "del",
    "label", "code", etree.Comment, etree.ProcessingInstruction,
)
MAX_SPAN = 1000  # a typo like colspan="10000" must not build a huge grid
META_LABELS = (
    "名称", "标题", "索引号", "分类", "主题分类", "发布机构", "发文机关", "公开日期", "发布日期",
    "成文日期", "生成日期", "文号", "发文字号", "关键词", "有效性",
)
LABELLED = re.compile(rf"^({'|'.join(META_LABELS)})\s*[:：]\s*(\S.*)$")
MAX_LABELLED_LINE = 60  # a longer line is prose that happens to start with a label word
PARSER = etree.HTMLParser()  # plain elements: lxml.html's parser adds a Python class lookup to every element access
UTF8_PARSER = etree.HTMLParser(encoding="utf-8")  # for UTF-8 bytes as they are (the page's own <meta> is not read)
LEADING_SPACE = re.compile(rb"[ \t\n\r\f\v]*")
UTF8_HEAD_BYTES = 4096  # a page in another encoding most often shows it here: one parse, not two
LABEL_NOISE = re.compile(r"[\s:：]")
MAY_BE_LABELLED = re.compile(rf"[\s:：]*[{''.join(sorted({label[0] for label in META_LABELS}))}]")  # cheap pre-check
ANY_MAY_BE_LABELLED = re.compile(f"^{MAY_BE_LABELLED.pattern}", re.MULTILINE)  # at the start of any of the lines
LEADING_DIGITS = re.compile(r"\s*(\d+)")
TABLE_SECTIONS = ("thead", "tbody", "tfoot")
MAX_DEPTH = 256  # libxml2's nesting limit without XML_PARSE_HUGE: deeper content is dropped, and that must be said


def squeeze(text: str) -> str:
    """Given raw source text, return it with invisible characters dropped and whitespace runs as single spaces, stripped."""
    if not text.isascii():  # a constant-time flag: most cells are ASCII digits
        # Four scans for one character each cost a third of the pattern's scan, and most text holds none of them.
        if "\u200b" in text or "\ufeff" in text or "\u200c" in text or "\u200d" in text:
            text = INVISIBLE.sub("", text)
    elif text.isprintable() and " " not in text:  # no ASCII whitespace (the rest is not printable): as it is
        return text
    return " ".join(text.split())


def tag_of(element: etree._Element) -> str:
    """Given an element, return its lower-case tag name ('' for comments and processing instructions)."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def gather(node: etree._Element, segments: list[list[str]]) -> None:
    """Given a node inside a cell, append its text and tail to the last segment, opening a new one at <br> and block edges."""
    tag = tag_of(node)
    if tag and tag not in SKIPPED:
        block = tag in LINE_EDGES
        if block:
            segments.append([])
        if node.text:
            segments[-1].append(node.text)
        for child in node:
            gather(child, segments)
        if block:
            segments.append([])
    if node.tail:
        segments[-1].append(node.tail)


def cell_text(element: etree._Element) -> str:
    """Given a td/th, return its text with <br> and block children as '\\n'."""
    if not len(element):
        return squeeze(element.text or "")
    # With inline markup stripped, most cells hold leaves only (Word's <p>39</p>): one loop, no recursive walk.
    segments = [element.text or ""]
    for child in element:
        if len(child):
            return _cell_lines(element)
        tag = child.tag  # tag_of, inlined: once per child of every cell
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in LINE_EDGES:
            segments += (child.text or "", child.tail or "")
        else:
            if tag and tag not in SKIPPED:
                segments[-1] += child.text or ""
            segments[-1] += child.tail or ""
    return "\n".join(filter(None, map(squeeze, filter(None, segments))))


def _cell_lines(element: etree._Element) -> str:
    """Given a td/th with children, return its text with <br> and block children as '\\n'."""
    segments: list[list[str]] = [[element.text or ""]]
    for child in element:
        gather(child, segments)
    return "\n".join(line for line in (squeeze("".join(segment)) for segment in segments if segment) if line)


def own_rows(table: etree._Element) -> list[etree._Element]:
    """Given a <table>, return its own <tr> elements, not those of nested tables."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in TABLE_SECTIONS:
            rows.extend(child.iterchildren("tr"))
    return rows


def span(element: etree._Element, name: str) -> int:
    """Given a cell and 'rowspan' or 'colspan', return the span in 0..MAX_SPAN (1 when absent or garbled)."""
    value = element.get(name)
    if value is None:
        return 1
    digits = LEADING_DIGITS.match(value)
    return min(max(int(digits.group(1)), 0), MAX_SPAN) if digits else 1


def expand(rows: list[list[etree._Element]]) -> list[list[etree._Element | None]]:
    """Given the cells of each row, return the rectangular grid: origin positions hold the cell, covered ones None."""
    placed: list[dict[int, etree._Element | None]] = [{} for _ in rows]  # per row: column -> cell
    for r, cells in enumerate(rows):
        row = placed[r]
        c = 0
        for cell in cells:
            while c in row:
                c += 1
            # Most cells: one column, one row, and most print no attribute at all (keys() asks libxml2 once; each
            # get parses its name first).
            if not cell.keys() or (cell.get("rowspan") is None and cell.get("colspan") is None):
                row[c] = cell
                c += 1
                continue
            rowspan = span(cell, "rowspan") or len(rows) - r  # rowspan="0" runs to the end of the table
            colspan = span(cell, "colspan") or 1
            placed[r][c] = cell  # the origin is always free
            if rowspan > 1 or colspan > 1:
                for dr in range(min(rowspan, len(rows) - r)):
                    for dc in range(colspan):
                        placed[r + dr].setdefault(c + dc, None)
            c += colspan
    width = max((max(row) + 1 for row in placed if row), default=0)
    return [list(map(row.get, range(width))) for row in placed]


def table_grid(table: etree._Element) -> list[list[etree._Element | None]]:
    """Given a <table>, return its expanded grid of td/th elements."""
    return expand([list(row.iterchildren("td", "th")) for row in own_rows(table)])


def labelled_pairs(texts: list[str]) -> dict[str, str]:
    """Given the cell texts of one row, return the metadata label -> value pairs it prints."""
    pairs: dict[str, str] = {}
    for i, text in enumerate(texts):
        if not MAY_BE_LABELLED.match(text):
            continue
        label = LABEL_NOISE.sub("", text)
        if label in META_LABELS and i + 1 < len(texts) and texts[i + 1] and texts[i + 1] not in META_LABELS:
            pairs[label] = texts[i + 1]
        elif match := LABELLED.match(text):
            pairs[match.group(1)] = match.group(2).strip()
    return pairs


@dataclass
class Reader:
    """Walks the parsed page in document order, collecting lines, grids and metadata."""

    source: Source
    buffer: list[str] = field(default_factory=list)
    buffer_line: int | None = None

    def add_text(self, text: str | None, element: etree._Element) -> None:
        """Given inline source text and the element it belongs to, append it to the paragraph being built."""
        if text:
            if self.buffer_line is None and not text.isspace():
                self.buffer_line = element.sourceline
            self.buffer.append(text)

    def flush(self) -> None:
        """Given the paragraph being built, emit it as a TextLine when it holds text."""
        if not self.buffer:
            return
        text = squeeze("".join(self.buffer))
        if text:
            where = Where(line=self.buffer_line, address=f"paragraph {len(self.source.lines) + 1}")
            self.source.lines.append(TextLine(text, where))
            if len(text) <= MAX_LABELLED_LINE:
                self.add_meta(labelled_pairs([text]))
        self.buffer, self.buffer_line = [], None

    def add_meta(self, pairs: dict[str, str]) -> None:
        """Given metadata pairs, keep the first value seen for each label."""
        for key, value in pairs.items():
            self.source.meta.setdefault(key, value)

    def walk(self, element: etree._Element) -> None:
        """Given an element, emit its lines and tables, then handle its tail text."""
        tag = tag_of(element)
        if tag == "table":
            self.flush()
            self.read_table(element)
        elif tag == "br":
            self.flush()
        elif tag and tag not in SKIPPED:
            block = tag in BLOCKS
            if block:
                self.flush()
            self.add_text(element.text, element)
            for child in element:
                self.walk(child)
            if block:
                self.flush()
        self.add_text(element.tail, element)

    def read_table(self, table: etree._Element) -> None:
        """Given a <table>, emit it as a RawTable, or walk it as layout when it has one column or nested tables."""
        for caption in table.iterchildren("caption"):
            self.walk_inside(caption)
        grid = table_grid(table)
        if not grid or len(grid[0]) < 2 or next(table.iterdescendants("table"), None) is not None:
            for cell in (cell for row in grid for cell in row if cell is not None):
                self.walk_inside(cell)
            return
        etree.strip_tags(table, *INLINE)
        t = len(self.source.tables) + 1
        rows: list[list[Cell | None]] = []
        for r, row in enumerate(grid, start=1):
            address = f"table {t} row {r} col "  # once a row: a cell adds its column (Where's fields in one tuple)
            rows.append([
                None if cell is None
                else Cell(cell_text(cell), where_from((None, cell.sourceline, None, address + str(c), None)))
                for c, cell in enumerate(row, start=1)
            ])
            texts = [cell.text for cell in rows[-1] if cell is not None]
            if ANY_MAY_BE_LABELLED.search("\n".join(texts)):  # one pass for the row, most rows print no label word
                self.add_meta(labelled_pairs(texts))
        where = Where(line=table.sourceline, address=f"table {t}")
        self.source.tables.append(RawTable(rows, where, line_index=len(self.source.lines)))

    def walk_inside(self, element: etree._Element) -> None:
        """Given a layout cell or caption, emit its content (not its tail) as paragraphs and tables."""
        self.flush()
        self.add_text(element.text, element)
        for child in element:
            self.walk(child)
        self.flush()


def too_deep(log: etree._ListErrorLog) -> bool:
    """Given the parser's log of one parse, return whether it stopped at its nesting limit (dropping the rest)."""
    return any(entry.level == etree.ErrorLevels.FATAL and "depth" in entry.message.lower() for entry in log)


def charset_of(data: bytes) -> str | None:
    """Given page bytes, return the charset its <meta> declares, if any."""
    match = META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def _names_utf8(charset: str) -> bool:
    """Given a declared charset, return whether decode() reads the page as UTF-8 under it (an unknown name too)."""
    try:
        return codecs.lookup(canonical_encoding(charset)).name == "utf-8"
    except LookupError:
        return True


def utf8_as_is(data: bytes) -> bool:
    """Given page bytes, return whether libxml2 may read them as they are, as UTF-8, for the text decode() would
    give: no byte-order mark, no charset declared but UTF-8, no XML declaration (the first printed byte is ASCII and
    opens none), and UTF-8 as far as the head shows (libxml2 reports where the rest is not)."""
    declared = charset_of(data)
    if data.startswith(tuple(bom for bom, _ in BOMS)) or (declared is not None and not _names_utf8(declared)):
        return False
    start = LEADING_SPACE.match(data).end()
    if not (start < len(data) and 0x21 <= data[start] <= 0x7E) or data.startswith(b"<?xml", start):
        return False
    try:
        codecs.utf_8_decode(data[:UTF8_HEAD_BYTES], "strict", False)  # a sequence cut at the head's end is no error
    except UnicodeDecodeError:
        return False
    return True


def parse_utf8(data: bytes) -> etree._Element | None:
    """Given page bytes that utf8_as_is admits, return the parsed page, or None when libxml2 found bytes that are not
    UTF-8 or could not parse them (the page is then decoded and parsed as text)."""
    try:
        root = lxml.html.document_fromstring(data, parser=UTF8_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if any(entry.type == etree.ErrorTypes.ERR_INVALID_ENCODING for entry in UTF8_PARSER.error_log):
        return None
    return root


def parse_page(path: Path, data: bytes) -> tuple[etree._Element, etree._ListErrorLog]:
    """Given page bytes, return the parsed page and its parser's log. UTF-8 bytes go to libxml2 as they are: decoding
    them first is a third of the parse again, and libxml2 converts the decoded text back to UTF-8."""
    root = parse_utf8(data) if utf8_as_is(data) else None
    if root is not None:
        return root, UTF8_PARSER.error_log
    text = XML_DECLARATION.sub("", decode(data, charset_of(data)))
    try:
        root = lxml.html.document_fromstring(text, parser=PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError("corrupt", f"{path}：无法按 HTML 解析（{exc}）") from None
    return root, PARSER.error_log


def read_html(path: Path, data: bytes, sha256: str) -> Source:
    """Given an HTML page's bytes, return its Source: paragraphs as lines, grids as RawTables, metadata."""
    root, log = parse_page(path, data)
    if too_deep(log):
        raise IngestError("too_deep", f"{path}：元素嵌套超过 HTML 解析器的上限（{MAX_DEPTH} 层），更深处印出的内容会丢失")
    source = Source(path=str(path), sha256=sha256, format="html")
    title = root.find(".//title")
    if title is not None and squeeze(title.xpath("string()")):
        source.meta["title"] = squeeze(title.xpath("string()"))
    reader = Reader(source)
    reader.walk(root)
    reader.flush()
    return source
