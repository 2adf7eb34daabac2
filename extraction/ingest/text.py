"""Plain-text reports: flattened one-cell-per-line, pipe, markdown, TAB-separated rows (a browser copy),
whitespace-aligned rows, concatenated cells (a scraper's text export), or prose.

Two one-cell-per-line forms come from HTML flattened by different tools: TAB-led cells with a blank line
after each row (text-flattened), and cells that end with " |" with no row ends at all (text-cells: a blank cell
is a lone "|", a line of pipes only stands for spanned columns).

Whitespace-aligned rows (text-whitespace) keep their blank cells in place only through their columns: a row of
blanks prints its label alone, and where the header starts every value column the rows are read by column.

A PDF library's text export (pdfminer's extract_text, text-blocks) prints each text box as a paragraph: a table's
row labels one a line, then its numbers one a line, row by row or column by column. The numbers are reported as
blocks with the lines printed before each, for the table stage to place.

A page scraper's text export (element.text_content()) prints every cell with no separator at all
(text-concat: 数量801000081二、上年结转…): it is read as prose, and its value runs are reported with the text
before each, for the table stage to split.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from pathlib import Path

import charset_normalizer

from extraction.document import (CAPTION_MAX_CHARS, Cell, PrintedBlock, PrintedRun, RawTable, Source, TextLine, Where,
                                 at_line, where_from)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB2312 and GBK pages routinely contain characters only GB18030 (their superset) maps.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "ascii": "utf-8"}
MIN_FLATTENED_NUMBERS = 3  # TAB-led numeric lines needed to call a file flattened, not TAB-indented prose
MIN_WHITESPACE_ROWS = 3  # number-ended lines needed to call a file whitespace-aligned rows
MIN_TAB_GAPS = 2  # TABs in a line copied from a table row (3 cells or more; a TAB-indented paragraph has one)
MIN_BLOCK_VALUES = 20  # numbers printed alone on their lines needed to call a file text-blocks (表三 alone has 175)
MIN_CELL_LINES = 20  # " |"-ended lines needed to call a file text-cells (a report's tables have ~300 cells)

NUMBER = r"[-+]?\d+(?:[.,]\d+)*%?"
NUMERIC_TOKEN = re.compile(rf"^(?:{NUMBER}|/|-|—|－|–)$")
CELL_LINE = re.compile(r"^\s*([^|]*?)\s*\|\s*$")  # "text |", or a lone "|" for a blank cell
PIPES_ONLY = re.compile(r"^\s*\|{2,}\s*$")
VALUE_WITH_UNIT = re.compile(rf"^{NUMBER}\s*(?:万元|元|件|个|条|项|次|人次)$")
MARKDOWN_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
LABEL_GAP = re.compile(r"\s{2,}|\t")
# Lines of a whole text that layout detection counts, each in one pass: a TAB-led number alone (a flattened cell), a
# markdown separator, a row of TAB cells (is_tab_row), a cell ended by " |", a line of two pipe cells printing
# something, a pipe row (is_pipe_row). Each opens with the line's "\n" (the text starts with one), which the regex
# engine finds by its fast literal scan where "^" is tried at every character; whitespace is [^\S\n], which never
# runs on to the next line.
_LINE_SPACE = r"[^\S\n]"
_PRINTED = r"[^\s|]"  # a character of a pipe cell that is not blank
FLATTENED_NUMBER_LINE = re.compile(rf"\n\t{_LINE_SPACE}*{NUMBER}{_LINE_SPACE}*$", re.M)
MARKDOWN_SEPARATOR_LINE = re.compile(rf"\n(?=[^\n|]*\|){_LINE_SPACE}*\|?{_LINE_SPACE}*:?-{{3,}}:?{_LINE_SPACE}*"
                                     rf"(?:\|{_LINE_SPACE}*:?-{{3,}}:?{_LINE_SPACE}*)*\|?{_LINE_SPACE}*$", re.M)
TAB_ROW_LINE = re.compile(r"\n[^\t\n][^\t\n]*\t[^\t\n]*\t")
CELL_LINE_LINE = re.compile(rf"\n[^|\n]*\|{_LINE_SPACE}*$", re.M)
TWO_PIPE_CELLS_LINE = re.compile(rf"\n(?:{_LINE_SPACE}|\|)*{_PRINTED}[^\n|]*\|(?:{_LINE_SPACE}|\|)*{_PRINTED}")
PIPE_ROW_LINE = re.compile(rf"\n(?:[^\n|]*\|[^\n|]*\||{_LINE_SPACE}*{_PRINTED}[^\n|]*\|{_LINE_SPACE}*{_PRINTED}[^\n|]*$)",
                           re.M)
# A value run glued between two labels on one line: 数量801000081二、 or 国家秘密0     02.其他 (a row's cells, maybe blank
# ones printed as spaces, then the next label, maybe led by its 2. numbering). Whitespace rows end the line instead.
_GAP = r"[ \t\xa0\u3000]"
CONCAT_GLUE = re.compile(rf"[\u4e00-\u9fff）)”\"]{_GAP}*\d[\d \t\xa0\u3000]{{5,}}\d{_GAP}*(?:\d{{1,2}}[.．、])?[\u4e00-\u9fff（(]")
# The same with one row a line: the label glued to its first value, the row ending the line (国家秘密0     0).
CONCAT_ROW_LINE = re.compile(r"[\u4e00-\u9fff）)”\"]\d[\d \t\xa0\u3000]{5,}\d\s*$")
MIN_CONCAT_ROWS = 5  # glued runs needed to call a file text-concat (表三 alone prints 23 or 25)
# A short run where blank cells printed nothing (数量2626二、): glued between a label and the next numbered label.
CONCAT_NUMBERED = re.compile(r"[\u4e00-\u9fff）)”\"]\d+(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.．、][\u4e00-\u9fff])")
# Value characters: digits, decimal points, null marks and the whitespace a blank cell leaves (a row of blank
# cells is whitespace only: two characters or more, as one is the space between words).
VALUE_RUN = re.compile(r"[ \t\xa0\u3000]*[0-9０-９/／\-—－–][0-9０-９.．/／\-—－–\s]*|[ \t\xa0\u3000]{2,}")
CAPTION_MAX_GAP = 2  # lines between a caption and its table (a blank line under a markdown heading)
MAX_LABEL_LINES = 4  # short lines right above a converter's table that may begin a row label wrapped over its numbers
MIN_NULL_ROW = 2  # null marks after a label that make a row of blanks (a prose line may end in one dash)
MIN_NUMBER_ROW = 10  # numbers alone on a line that make a table row without its label (表四 prints 15)
LOOSE_LABEL_MAX_CHARS = 20  # a row label printed as a line of its own with its numbers (行政许可 97)
SENTENCE_MARKS = ("，", "。", "；", ",", ";")
ANY_SENTENCE_MARK = re.compile(f"[{''.join(SENTENCE_MARKS)}]")  # a text printing none prints none outside brackets
VALUE_MEMO = 65536  # cell texts whose reading as a value is remembered (the same numbers recur in every table)
LINE_MEMO = 4096  # lines whose whitespace cells and columns one report's stages ask again (kept for that report only)
MAX_PIECE_CHARS = 3  # a piece of a header word cut by a column guessed from word positions (结果维, 商)
CJK_PIECE = re.compile(r"^[\u4e00-\u9fff（）()]+$")
TWO_PIECES = re.compile(r"\S\s+\S")  # a text whose split() gives two or more pieces
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
MIN_PIECE_CELLS = 2  # cells of word pieces needed to call a file's columns guessed
ROW_LABEL_LINES = 2  # label lines right before a row's values in text-lines (a group label, then the row's)
MIN_ROW_RUN_SHARE = 0.6  # share of runs of lone values that must follow such labels to call a file text-lines
MAX_ROW_VALUES = 15  # the most values one row prints (表四); a PDF library's text box of a column prints more
WRAP_NUMBERING = re.compile(r"^\d{1,2}[.．、]")  # a numbered label's own digits (1.本机关不掌握相 1)
MAX_WRAPPED_PIECES = 2  # lines of digits alone a narrow column's numbers wrap onto after a row
MAX_CELL_LINE_CHARS = 60  # a line longer than this, or with a sentence mark, is prose in text-lines
BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
# What follows a number in running text: a counting unit, a date's 年月日, an approximation (5500余条).
NUMBER_FOLLOWERS = "件条个次期场份项元名家轮篇天人起宗例批册倍户台部%％余多万亿年月日号"

# A label wrapped inside its bracket leaves it open at the end of one line and closes it on the next:
# （二）部分公开（区分处理的，只计这一情 / 形，不计其他情形）.
OPEN_TO_END = re.compile(r"[（(][^（）()]*$")
START_TO_CLOSE = re.compile(r"^[^（）()]*[）)]")


def canonical_encoding(name: str) -> str:
    """Given an encoding name, return the codec to decode with (GB2312/GBK widened to GB18030)."""
    key = name.strip().lower().replace("_", "-")
    return SUPERSETS.get(key, key)


def decode(data: bytes, declared: str | None = None) -> str:
    """Given file bytes and an optional declared charset, return the text (BOM, declared, UTF-8, then guessed)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    candidates = ([canonical_encoding(declared)] if declared else []) + ["utf-8"]
    for codec in candidates:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    best = charset_normalizer.from_bytes(data).best()
    codec = canonical_encoding(best.encoding) if best is not None else "gb18030"
    return data.decode(codec, errors="replace")


# A line of flattened text that starts a cell opens with a TAB (asked of every line: a method call, not a function's)
FLATTENED_CELL_START = "\t"


def pipe_cells(line: str) -> list[str]:
    """Given a pipe row, return its stripped cells without the empties made by leading/trailing pipes."""
    return list(_pipe_cells(line))


@lru_cache(maxsize=LINE_MEMO)
def _pipe_cells(line: str) -> tuple[str, ...]:
    """Given a line, return pipe_cells' answer, kept: layout detection, the column guess and the rows each ask it of
    the same lines."""
    parts = [part.strip() for part in line.strip().split("|")]
    if parts and parts[0] == "":
        parts = parts[1:]
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return tuple(parts)


def is_pipe_row(line: str) -> bool:
    """Given a line, return whether it reads as a pipe-separated table row."""
    pipes = line.count("|")
    return pipes >= 2 or (pipes == 1 and len([c for c in _pipe_cells(line) if c]) >= 2)


def is_tab_row(line: str, led: bool = False) -> bool:
    """Given a line, return whether it reads as a row copied from a browser table: cells between TABs. A row whose
    first cell is blank (under a label spanning rows) starts with a TAB: it counts once the file is known to be
    TAB rows (`led`), as a text-flattened file's cells start with one too."""
    if not led:
        return not line.startswith("\t") and line.count("\t") >= MIN_TAB_GAPS
    # In a file of TAB rows a two-cell row (表二's 行政许可⇥2293) has one TAB between two printed cells.
    return line.count("\t") >= MIN_TAB_GAPS or len([c for c in line.split("\t") if c.strip()]) >= 2


def is_value_token(token: str) -> bool:
    """Given a token, return whether it is a printed value: a number, a null mark, or an amount with its unit."""
    return bool(NUMERIC_TOKEN.match(token) or VALUE_WITH_UNIT.match(token))


def whitespace_cells(line: str) -> list[str] | None:
    """Given a line, return its label cells and trailing number cells, or None when it is not a number row."""
    cells = _whitespace_cells(line)
    return None if cells is None else list(cells)


@lru_cache(maxsize=LINE_MEMO)
def _whitespace_cells(line: str) -> tuple[str, ...] | None:
    """Given a line, return whitespace_cells' answer, kept: layout detection, the table runs and the grid each ask
    it of the same lines."""
    tokens = line.split()
    numbers: list[str] = []
    while tokens and is_value_token(tokens[-1]):
        numbers.insert(0, tokens.pop())
    with_digits = sum(any(ch.isdigit() for ch in number) for number in numbers)
    # A bare "- 4 -" page footer must not read as a row: unlabelled rows need two real numbers. A labelled row of
    # null marks alone (规章 / / /: nothing to report in any column) is a row.
    blank_row = bool(tokens) and len(numbers) >= MIN_NULL_ROW and not any(mark in line for mark in SENTENCE_MARKS)
    if (with_digits == 0 and not blank_row) or (not tokens and with_digits < 2):
        return None
    label = line.strip()
    for number in reversed(numbers):
        label = label[: label.rfind(number)].rstrip()
    if len(numbers) < 2 and is_sentence(label):
        return None  # a wrapped line of prose that ends in a figure (…政府信息公开行政复议 351), not a row
    labels = [part.strip() for part in LABEL_GAP.split(label) if part.strip()]
    return (*labels, *numbers)


def is_lone_value(line: str) -> bool:
    """Given a line, return whether it prints one number (or null mark) and nothing else."""
    return bool(NUMERIC_TOKEN.match(unicodedata.normalize("NFKC", line).strip()))


def is_value_cell(line: str) -> bool:
    """Given a line of text-lines, return whether it is a value cell: a number or null mark, or an amount with its
    unit (251000元: the cell of a 采购总金额 that prints its unit)."""
    text = unicodedata.normalize("NFKC", line).strip()
    return bool(NUMERIC_TOKEN.match(text) or VALUE_WITH_UNIT.match(text))


def values_follow_labels(lines: list[str]) -> bool:
    """Given the lines of a file printing numbers alone on their lines, return whether it prints every table cell on
    a line of its own, row after row (what a scraper stores of a page, BeautifulSoup's get_text("\\n"), or docx2txt
    of a Word file): most runs of values come right after one or two label lines, none longer than a row. A PDF
    library's text boxes print a table's labels as one run and its numbers as others, a column's in one run."""
    runs: list[list[int]] = []  # [is a value run, lines]
    rhythm = cell_rhythm(lines)
    cut = False  # a blank cell printed (its &nbsp;, or an empty paragraph) since the last line: a row of blanks ends
    empties = 0
    for line in lines:
        if is_blank_cell(line):
            cut = True
            continue
        if not line.strip():
            empties += not line
            cut = cut or (rhythm is not None and empties > rhythm)
            continue
        empties = 0
        value = int(is_lone_value(line))
        if not value and row_line_cells(line.strip()) is not None:
            runs.append([0, 0])  # a row printed whole on one line (its cells wide enough): the next row's labels follow
            cut = False
            continue
        if runs and runs[-1][0] == value and (value or not cut):
            runs[-1][1] += 1
        else:
            runs.append([value, 1])
        cut = False
    values = [n for value, n in runs if value]
    after_labels = sum(1 for (value, _), before in zip(runs[1:], runs) if value and before[1] <= ROW_LABEL_LINES)
    return bool(values) and max(values) <= MAX_ROW_VALUES and after_labels >= MIN_ROW_RUN_SHARE * len(values)


def _matches_at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Given a pattern, a text and a count, return whether the pattern matches the text that many times (not
    overlapping): the text is scanned only as far as the count-th match."""
    return next(islice(pattern.finditer(text), count - 1, None), None) is not None


def detect_layout(lines: list[str]) -> str:
    """Given the file's lines, return text-flattened | markdown | text-tabs | text-cells | text-pipe | text-concat |
    text-lines | text-blocks | text-whitespace | text."""
    # The first tests count the lines of the whole text in one regex pass each, not a test per line (a pass stops at
    # the count it needs).
    text = "\n" + "\n".join(lines)
    if _matches_at_least(FLATTENED_NUMBER_LINE, text, MIN_FLATTENED_NUMBERS):
        return "text-flattened"
    if "|" in text and MARKDOWN_SEPARATOR_LINE.search(text):
        return "markdown"
    if _matches_at_least(TAB_ROW_LINE, text, MIN_WHITESPACE_ROWS):
        return "text-tabs"
    single = len(CELL_LINE_LINE.findall(text))
    if single >= MIN_CELL_LINES and single > 3 * len(TWO_PIPE_CELLS_LINE.findall(text)):
        return "text-cells"
    if _matches_at_least(PIPE_ROW_LINE, text, 2):
        return "text-pipe"
    if sum(len(CONCAT_GLUE.findall(line)) for line in lines) >= MIN_CONCAT_ROWS:
        return "text-concat"
    if sum(len(CONCAT_NUMBERED.findall(line)) for line in lines) >= MIN_CONCAT_ROWS:
        return "text-concat"
    glued = sum(bool(CONCAT_ROW_LINE.search(line)) for line in lines)
    # Whitespace rows separate the label from the numbers; here most number-ended lines glue them.
    if glued >= MIN_CONCAT_ROWS and 2 * glued > sum(whitespace_cells(line) is not None for line in lines):
        return "text-concat"
    rows = sum(whitespace_cells(line) is not None for line in lines)
    # A table row printed on one line (label and numbers) is whitespace rows; numbers alone on most lines are boxes,
    # or cells one a line when each row's values follow its label.
    if sum(is_lone_value(line) for line in lines) >= max(MIN_BLOCK_VALUES, rows + 1):
        return "text-lines" if values_follow_labels(lines) else "text-blocks"
    if rows >= MIN_WHITESPACE_ROWS:
        return "text-whitespace"
    return "text"


def flattened_row(block: list[tuple[int, str]]) -> list[Cell | None]:
    """Given the numbered lines of one TAB-led block, return its row of cells (continuation lines joined by '\\n')."""
    starts: list[tuple[int, list[str]]] = []
    for number, line in block:
        if line.startswith(FLATTENED_CELL_START):
            starts.append((number, [line[1:].strip()]))
        else:
            starts[-1][1].append(line.strip())
    # Most cells are one line: their text is that line (joining a one-line cell is a generator per cell).
    return [Cell(parts[0] if len(parts) == 1 else "\n".join(part for part in parts if part), at_line(number))
            for number, parts in starts]


def read_flattened(lines: list[str], source: Source) -> None:
    """Given flattened lines, fill source with prose lines and tables made of runs of TAB-led blocks."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    current_cells = False  # whether the current block opens with a cell (asked once, when it opens)
    for number, line in enumerate(lines, start=1):
        cell = line.startswith(FLATTENED_CELL_START)
        blank = not cell and line.strip() == ""
        # A cell right under a prose line (no blank between) still starts a row of its own.
        prose_above = cell and bool(current) and not current_cells
        if (blank or prose_above) and current:
            blocks.append(current)
            current = []
        if not blank:
            if not current:
                current_cells = cell
            current.append((number, line))
    if current:
        blocks.append(current)
    run: list[list[tuple[int, str]]] = []
    for block in blocks + [[]]:
        if block and block[0][1].startswith(FLATTENED_CELL_START):
            run.append(block)
            continue
        flush_flattened(run, source)
        run = []
        for number, line in block:
            source.lines.append(TextLine(line.strip(), at_line(number)))


def flush_flattened(run: list[list[tuple[int, str]]], source: Source) -> None:
    """Given a run of TAB-led blocks, add it as one table, or as prose lines when no row has two cells."""
    rows = [flattened_row(block) for block in run]
    if any(len(row) > 1 for row in rows):
        source.tables.append(RawTable(rows, at_line(run[0][0][0]), line_index=len(source.lines)))
        return
    for row in rows:
        for cell in row:
            if cell is not None and cell.text:
                source.lines.append(TextLine(cell.text.replace("\n", ""), cell.where))


@lru_cache(maxsize=VALUE_MEMO)
def is_value(text: str) -> bool:
    """Given a cell's text, return whether it is a value (a number, with a unit or not, a dash, "/", 无 or blank)."""
    text = unicodedata.normalize("NFKC", text).strip()
    return not text or text == "无" or bool(NUMERIC_TOKEN.match(text) or VALUE_WITH_UNIT.match(text))


def read_cell_lines(lines: list[str], source: Source) -> None:
    """Given text-cells lines, fill source with prose lines and one table per run of cell lines.

    Rows are not marked, so they are rebuilt from the cells: each label starts a row and takes the values
    after it (三、本年度办理结果 then （一）予以公开 and its 7 numbers are two rows, as group and leaf labels are
    in the flattened form).
    """
    rows: list[list[Cell | None]] = []
    first_line = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or PIPES_ONLY.match(line):
            continue
        match = CELL_LINE.match(line)
        if match is None:
            if rows:
                source.tables.append(RawTable(rows, at_line(first_line), line_index=len(source.lines)))
                rows = []
            source.lines.append(TextLine(line.strip(), at_line(number)))
            continue
        cell = Cell(match.group(1), at_line(number))
        if not rows:
            first_line = number
        if not rows or not is_value(cell.text):
            rows.append([cell])
        else:
            rows[-1].append(cell)
    if rows:
        source.tables.append(RawTable(rows, at_line(first_line), line_index=len(source.lines)))


def is_borderless(lines: list[str]) -> bool:
    """Given a pipe or markdown file's lines, return whether its rows are printed without border pipes (html2text:
    `a| b| c`, no row starts with a pipe and some end without one): there a pipe ending a row closes an empty last
    cell, not the table's border."""
    rows = [line.strip() for line in lines if is_pipe_row(line) and not MARKDOWN_SEPARATOR.match(line)]
    return bool(rows) and not any(r.startswith("|") for r in rows) and any(not r.endswith("|") for r in rows)


def row_cells(line: str, layout: str, borderless: bool = False) -> list[str] | None:
    """Given a line and the file layout, return its raw cells, or None when it is not a table row (a borderless
    row ending in a pipe keeps its empty last cell)."""
    if layout in ("text-pipe", "markdown"):
        if not is_pipe_row(line):
            return None
        return pipe_cells(line) + ([""] if borderless and line.rstrip().endswith("|") else [])
    if layout == "text-whitespace":
        return whitespace_cells(line)
    if layout == "text-tabs":
        return [cell.strip() for cell in line.split("\t")] if is_tab_row(line, led=True) else None
    return None


def caption_above(lines: list[TextLine], first_row: int) -> str:
    """Given the prose lines so far and a table's first line number, return the short line printed right above
    the table (a markdown heading such as ### 行政复议), or ''."""
    if not lines or lines[-1].where.line is None or first_row - lines[-1].where.line > CAPTION_MAX_GAP:
        return ""
    text = lines[-1].text.lstrip("#").strip()
    return text if len(text) <= CAPTION_MAX_CHARS else ""


def value_tokens(text: str) -> list[str] | None:
    """Given a cell's text, return its values when it prints two or more numbers apart (51 1), else None."""
    tokens = text.split()
    return tokens if len(tokens) > 1 and all(NUMERIC_TOKEN.match(t) for t in tokens) else None


def is_word_pieces(text: str) -> bool:
    """Given a cell's text, return whether it prints pieces of words side by side (自然 商 科, 结果维 结果纠): the
    lines of several header cells cut into one column, not a label (a label spaced for width, 总 计, is one
    character a piece)."""
    tokens = text.split()
    return (len(tokens) > 1 and all(len(t) <= MAX_PIECE_CHARS and CJK_PIECE.match(t) for t in tokens)
            and any(len(t) > 1 for t in tokens))


def guessed_columns(lines: list[str]) -> bool:
    """Given a pipe or markdown file's lines, return whether its table columns were guessed from where words sit on
    a PDF page (a converter clustering word positions): a cell printing two numbers apart (| 51 1 |), or header
    cells holding pieces of several words. There an empty cell is padding, not a blank, and positions say nothing."""
    # Only a cell printing two pieces apart can be either (most print one word or one number): the others are skipped.
    cells = list(filter(TWO_PIECES.search, [text for line in lines if is_pipe_row(line) for text in _pipe_cells(line)]))
    return any(value_tokens(text) for text in cells) or sum(map(is_word_pieces, cells)) >= MIN_PIECE_CELLS


def split_values(cells: list[str]) -> list[str]:
    """Given a row's cells, return them with every cell printing several numbers split into one cell each."""
    return [part for text in cells for part in (value_tokens(text) or [text])]


def make_table(rows: list[tuple[int, list[str]]], layout: str, line_index: int, caption: str = "",
               guessed: bool = False) -> RawTable:
    """Given numbered raw rows of one table, return the RawTable (empties dropped when not positional).

    In a file whose columns were `guessed` (see guessed_columns) the table is read as its printed cells only, every
    number its own cell."""
    if guessed:
        rows = [(number, [text for text in split_values(cells) if text]) for number, cells in rows]
        layout = "text-guessed"
    positional = layout in ("markdown", "text-tabs") or (layout == "text-pipe" and len({len(cells) for _, cells in rows}) == 1)
    grid: list[list[Cell | None]] = [  # a Where per cell (its fields in one tuple: Where's own call costs a cell more)
        [Cell(text, where_from((None, number, None, None, None))) for text in cells if positional or text]
        for number, cells in rows
    ]
    return RawTable(grid, at_line(rows[0][0]), line_index=line_index, positional=positional, caption=caption)


def label_number_cells(line: str) -> list[str] | None:
    """Given a prose line, return its cells when it is a table row printed as a short label, maybe led by its
    numbering, and its numbers (行政规范性文件 88 55 698, 3.其他 77 8 1 1 6 1 94), else None."""
    tokens = line.split()
    numbers: list[str] = []
    while len(tokens) > 1 and (NUMERIC_TOKEN.match(tokens[-1]) or VALUE_WITH_UNIT.match(tokens[-1])):
        numbers.insert(0, tokens.pop())
    label = "".join(tokens)
    if not numbers or not any(ch.isdigit() for ch in "".join(numbers)) or len(label) > LOOSE_LABEL_MAX_CHARS \
            or any(ch.isdigit() for ch in WRAP_NUMBERING.sub("", label)) or any(mark in label for mark in SENTENCE_MARKS):
        return None
    return [label] + numbers


def number_row_cells(line: str) -> list[str] | None:
    """Given a prose line, return its numbers when it prints a table row's values alone, more than a sentence lists
    (表四's 15 under a header a converter scattered over lines of word pieces), else None."""
    tokens = line.split()
    if len(tokens) < MIN_NUMBER_ROW or not all(NUMERIC_TOKEN.match(t) for t in tokens):
        return None
    return tokens


def column_header_cells(text: str) -> list[str] | None:
    """Given a prose line, return its words when it reads as a row of column headers (信息内容 本年制发件数 …)."""
    words = text.split()
    if len(words) < 2 or any(ch.isdigit() for ch in text) or any(mark in text for mark in SENTENCE_MARKS):
        return None
    return words


def add_loose_row(source: Source, number: int, cells: list[str]) -> None:
    """Given a label-number line, add it as a one-row table (blanks are not printed, so not positional); a
    column-header line printed right above it goes with it."""
    rows = [[Cell(text, Where(line=number)) for text in cells]]
    above = source.lines[-1] if source.lines else None
    if above is not None and above.where.line == number - 1 and (header := column_header_cells(above.text)) is not None:
        source.lines.pop()
        rows.insert(0, [Cell(text, above.where) for text in header])
    source.tables.append(RawTable(rows, rows[0][0].where, line_index=len(source.lines), positional=False,
                                  caption=caption_above(source.lines, number)))


def read_rows(lines: list[str], layout: str, source: Source) -> None:
    """Given pipe, markdown or whitespace lines, fill source with prose lines and runs of table rows."""
    guessed = layout in ("text-pipe", "markdown") and guessed_columns(lines)
    borderless = layout in ("text-pipe", "markdown") and is_borderless(lines)
    rows: list[tuple[int, list[str]]] = []
    skip_to = 0  # lines already read as part of a row whose total wrapped around it
    for number, line in enumerate(lines, start=1):
        if number < skip_to:
            continue
        blank = line.strip() == ""
        if layout == "markdown" and MARKDOWN_SEPARATOR.match(line) and "|" in line:
            continue
        wrapped = wrapped_total_rows(lines, number) if layout == "markdown" else None
        if wrapped is not None:
            if rows:
                add_rows(rows, layout, source, guessed)
                rows = []
            table = make_table(wrapped, "text-guessed", len(source.lines), caption_above(source.lines, number))
            table.label_lines = label_lines_above(source.lines, number)
            source.tables.append(table)
            skip_to = wrapped[-1][0] + 1
            continue
        cells = None if blank else row_cells(line, layout, borderless)
        if cells is not None:
            rows.append((number, cells))
            continue
        loose = None if blank or layout != "markdown" else label_number_cells(line) or number_row_cells(line)
        if loose is not None:
            if rows:  # a converter's table ended at the header, its row printed as a line (行政事业性收费 3957.82)
                add_rows(rows, layout, source, guessed)
                rows = []
            add_loose_row(source, number, loose)
            continue
        # Blank lines sit between rows of one table, except in markdown where they end it.
        if rows and (not blank or layout == "markdown"):
            add_rows(rows, layout, source, guessed)
            rows = []
        if layout == "markdown" and not blank and inside_label(lines, number, source):
            # A row's number printed inside its wrapped label (（二）部分公开（区分处理的，只计这 / 3 / 一情形，不计其他
            # 情形）): a row of that number, the label's first line above it (the table stage checks it is a start).
            above = source.lines[-1]
            source.tables.append(RawTable([[Cell(value, Where(line=number)) for value in line.split()]], above.where,
                                          line_index=len(source.lines), positional=False, label_lines=[above]))
            continue
        if not blank:
            source.lines.append(TextLine(line.strip(), at_line(number)))
    if rows:
        add_rows(rows, layout, source, guessed)


def total_piece_cells(line: str, in_note: bool = False) -> list[str] | None:
    """Given a line and whether it goes on inside a note a line above opened, return its cells when it prints one
    piece of a total's digits wrapped around its row: a lone number, or a label's line ending in one number
    (一、本年新收政府 5; 区分处理的，只计 2 inside （二）部分公开（ — a note's marks are no sentence's), else None."""
    tokens = line.split()
    if not tokens or not tokens[-1].isdigit():
        return None
    label = "".join(tokens[:-1])
    if not label:
        return tokens
    if len(label) > LOOSE_LABEL_MAX_CHARS or (is_sentence(label) and not in_note) \
            or any(ch.isdigit() for ch in WRAP_NUMBERING.sub("", label)):
        return None
    return [label, tokens[-1]]


def wrapped_total_rows(lines: list[str], number: int) -> list[tuple[int, list[str]]] | None:
    """Given a markdown file's lines and a line's number, return the three rows a PDF converter split a 表三 row into
    when its narrow 总计 column wrapped: a piece of the total (after the label's first line, or alone), a table of
    the row's one row and its separator, and the total's other piece (一、本年新收政府 5 / | | 56 0 | 0 0 | 0 1 | /
    信息公开申请数量 7), as one table with its cells in printed order; None where the lines are not such a row. The
    table stage joins the pieces only where the row's parts add to the joined total."""
    at = number - 1
    if at + 3 >= len(lines) or not MARKDOWN_SEPARATOR.match(lines[at + 2]) or not is_pipe_row(lines[at + 1]):
        return None
    opened = at > 0 and opens_note(lines[at - 1])
    first = total_piece_cells(lines[at], opened)
    last = total_piece_cells(lines[at + 3], opened and not closes_note(lines[at]))
    if first is None or last is None or len(first) != len(last):
        return None
    middle = [text for text in split_values(pipe_cells(lines[at + 1])) if text]
    return [(number, first), (number + 1, middle), (number + 3, last)]


def wrapped_piece_rows(rows: list[tuple[int, list[str]]], in_note: bool) -> list[tuple[int, list[str]]] | None:
    """Given a markdown table's three numbered rows and whether they go on inside a note opened above them, return
    them as printed cells when they are a row whose narrow column wrapped around it, its pieces in rows of their own
    (| 区分处理的，只计 | | 2 | / | | 745 80 | 6 11 | 47 909 | / | 这一情形，不计其 | | 0 |), else None."""
    if len(rows) != 3:
        return None
    (first_line, first), (middle_line, middle), (last_line, last) = rows
    head = total_piece_cells(" ".join(first), in_note)
    tail = total_piece_cells(" ".join(last), in_note and not closes_note(" ".join(first)))
    numbers = [text for text in split_values(middle) if text]
    if head is None or tail is None or not numbers or not all(NUMERIC_TOKEN.match(t) for t in numbers):
        return None
    return [(first_line, head), (middle_line, numbers), (last_line, tail)]


def add_rows(rows: list[tuple[int, list[str]]], layout: str, source: Source, guessed: bool) -> None:
    """Given the numbered rows of one run of pipe rows, add them as a table, or as the prose line they print when
    most of them are sentences cut into columns (a PDF converter taking the word gaps of justified prose for a form's
    columns: | 和针对性。2024 | | 年，全市共受理政府信息公开申请 | 3119 | 件，答 |)."""
    above = label_lines_above(source.lines, rows[0][0])
    wrapped = wrapped_piece_rows(rows, bool(above) and opens_note(above[-1].text)) if layout == "markdown" else None
    if wrapped is not None:
        rows, layout = wrapped, "text-guessed"
    elif layout in ("markdown", "text-pipe") and is_prose_grid([cells for _, cells in rows]):
        source.lines.append(TextLine(prose_of_grid([cells for _, cells in rows]), at_line(rows[0][0])))
        return
    table = make_table(rows, layout, len(source.lines), caption_above(source.lines, rows[0][0]), guessed)
    table.label_lines = above
    source.tables.append(table)


def inside_label(lines: list[str], number: int, source: Source) -> bool:
    """Given the file's lines, a line's number and the prose so far, return whether the line prints numbers only
    between two short lines that are no sentence, right above and below it: a row label wrapped around its numbers."""
    above = source.lines[-1] if source.lines else None
    below = lines[number].strip() if number < len(lines) else ""
    tokens = lines[number - 1].split()
    return (bool(tokens) and all(NUMERIC_TOKEN.match(t) for t in tokens) and above is not None
            and above.where.line == number - 1
            and all(0 < len(text) <= CAPTION_MAX_CHARS and not is_sentence(text) and not is_lone_value(text)
                    and not is_pipe_row(text) for text in (above.text, below)))


def label_lines_above(lines: list[TextLine], first_row: int) -> list[TextLine]:
    """Given the prose lines so far and a table's first line number, return the short lines printed right above the
    table with no line between (at most MAX_LABEL_LINES), below the last that is a sentence, in printed order. A line
    going on inside a note the line above opened is none (（二）部分公开（ / 区分处理的，只计)."""
    out: list[TextLine] = []
    for line in reversed(lines[-MAX_LABEL_LINES:]):
        if line.where.line != first_row - len(out) - 1 or len(line.text) > CAPTION_MAX_CHARS:
            break
        out.insert(0, line)
    start, inside = 0, False
    for index, line in enumerate(out):
        if is_sentence(line.text) and not inside:
            start = index + 1
        inside = opens_note(line.text) or (inside and not closes_note(line.text))
    return out[start:]


def opens_note(text: str) -> bool:
    """Given a line, return whether it ends inside a bracket it opened (（二）部分公开（, or 区分处理的（只计)."""
    return bool(OPEN_TO_END.search(BRACKETED.sub("", text)))


def closes_note(text: str) -> bool:
    """Given a line, return whether it closes a bracket opened on a line above (他情形）)."""
    return bool(START_TO_CLOSE.search(BRACKETED.sub("", text)))


def outside_brackets(text: str) -> str:
    """Given text, return what it prints outside brackets, a bracket cut open by the row's edge included (（区分处理的，
    只计这一情 at a row's end, 形，不计其他情形） at its start)."""
    text = BRACKETED.sub("", text)
    closing = max(text.rfind("）"), text.rfind(")"))
    if closing >= 0 and "（" not in text[:closing] and "(" not in text[:closing]:
        text = text[closing + 1:]
    opening = min((i for i in (text.find("（"), text.find("(")) if i >= 0), default=-1)
    return text if opening < 0 else text[:opening]


def is_sentence(text: str) -> bool:
    """Given text, return whether it prints a sentence: a sentence mark outside brackets (a table's labels carry
    theirs only inside a note: （二）部分公开（区分处理的，只计这一情形，不计其他情形）)."""
    if ANY_SENTENCE_MARK.search(text) is None:
        return False  # most labels print no mark at all: no brackets to take out
    outside = outside_brackets(text)
    return any(mark in outside for mark in SENTENCE_MARKS + ("。",))


def is_sentence_row(cells: list[str]) -> bool:
    """Given a row's cells, return whether they print a sentence, and not a label's line ending in its row's numbers
    (处理的，只计这一情形 | 90 | 5 0 |: a note cut by the converter's lines)."""
    if not is_sentence("".join(cells)):
        return False  # most rows: their trailing numbers need no count
    tokens = " ".join(cells).split()
    trailing = len(tokens) - next((i + 1 for i in range(len(tokens) - 1, -1, -1) if not NUMERIC_TOKEN.match(tokens[i])), 0)
    return trailing < 2


def is_number_row(cells: list[str]) -> bool:
    """Given a row's cells, return whether it prints numbers only (a line's digits set in another font, which a
    converter grouping words by height put on a row of their own)."""
    printed = " ".join(cells).split()  # each cell's pieces in order: a space ends every cell's last one
    return bool(printed) and all(NUMERIC_TOKEN.match(part) for part in printed) and any(ch.isdigit() for ch in "".join(printed))


def is_prose_grid(rows: list[list[str]]) -> bool:
    """Given a run of pipe rows, return whether it is prose cut into columns: half or more of its rows with words
    are sentences."""
    worded = [cells for cells in rows if not is_number_row(cells) and "".join(cells).strip()]
    return bool(worded) and 2 * sum(map(is_sentence_row, worded)) >= len(worded)


def takes_numbers(numbers: list[str], words: list[str]) -> bool:
    """Given a row of numbers and a row of words cut into the same columns, return whether every number reads before
    the words at or after its column (72 before 件，结果纠正): the numbers were printed in that line."""
    for j, text in enumerate(numbers):
        if not text.strip():
            continue
        after = next((w.strip() for w in words[j:] if w.strip()), "")
        if not after or after[0] not in NUMBER_FOLLOWERS:
            return False
    return True


def interleaved(numbers: list[str], words: list[str]) -> list[str]:
    """Given a row of numbers and the row of words they were printed in, return the line's cells: each number before
    the words of its column."""
    return [" ".join(part for part in (n.strip(), w.strip()) if part) for n, w in zip(numbers, words)]


def prose_of_grid(rows: list[list[str]]) -> str:
    """Given pipe rows that print prose, return its text: rows in order, a row of numbers put back into the line above
    or below whose words it reads before (else kept where it is), cells apart by a space as the words were."""
    lines: list[list[str]] = []
    pending: list[str] | None = None  # a row of numbers the line above did not take
    for cells in rows:
        if is_number_row(cells) and len(cells) == len(lines[-1] if lines else cells):
            if lines and takes_numbers(cells, lines[-1]):
                lines[-1] = interleaved(cells, lines[-1])
                continue
            if pending is not None:
                lines.append(pending)
            pending = cells
            continue
        if pending is not None and len(pending) == len(cells) and takes_numbers(pending, cells):
            cells, pending = interleaved(pending, cells), None
        elif pending is not None:
            lines.append(pending)
            pending = None
        lines.append(cells)
    if pending is not None:
        lines.append(pending)
    text = ""
    for cells in lines:  # the rows are a paragraph's lines: they join as a wrapped line does, words apart by a space
        line = " ".join(part.strip() for part in cells if part.strip())
        text += " " if text and text[-1].isascii() and text[-1].isalnum() and line[:1].isascii() and line[:1].isalnum() else ""
        text += line
    return text


def column_tokens(line: str) -> list[tuple[int, str]]:
    """Given a whitespace-aligned line, return its cells (split at gaps of two spaces or more) with the display
    column each starts at (CJK characters two wide, as the line was padded for a monospace screen)."""
    return list(_column_tokens(line))


@lru_cache(maxsize=LINE_MEMO)
def _column_tokens(line: str) -> tuple[tuple[int, str], ...]:
    """Given a line, return column_tokens' answer, kept: a whitespace table's lines are read as headers, labels and
    grid rows in turn."""
    out: list[tuple[int, str]] = []
    column, start = 0, 0
    line = line.expandtabs()
    for match in re.finditer(r"\S+(?: \S+)*", line):
        column += display_width(line[start:match.start()])
        out.append((column, match.group()))
        column += display_width(match.group())
        start = match.end()
    return tuple(out)


# Blocks whose every character is wide or full-width (CJK ideographs and punctuation, kana, hangul, full-width forms):
# counted in one C pass, leaving unicodedata to the few characters outside them (“”…— and the like).
WIDE_BLOCKS = re.compile("[\u3000-\u303e\u3040-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
                         "\uff01-\uff60\uffe0-\uffe6]+")


def display_width(text: str) -> int:
    """Given text, return its width in monospace columns (wide and full-width characters count two)."""
    if text.isascii():  # no ASCII character is wide: most of a text table's gaps and numbers
        return len(text)
    rest = WIDE_BLOCKS.sub("", text)
    width = 2 * len(text) - len(rest)  # each character of the blocks counts two
    if rest.isascii():
        return width
    return width + sum(1 for ch in rest if unicodedata.east_asian_width(ch) in "WF")


def is_column_header(line: str) -> bool:
    """Given a line, return whether it reads as column headers of a whitespace table: two cells or more, no
    figures, no sentence (行政复议  行政诉讼)."""
    cells = column_tokens(line)
    return len(cells) >= 2 and not any(ch.isdigit() for _, t in cells for ch in t) and not any(mark in line for mark in SENTENCE_MARKS)


def is_row_label(line: str) -> bool:
    """Given a line, return whether it can be a row label printed alone (its cells blank): no longer than a table cell's
    line, no sentence outside brackets (2021's 三（六）1 label runs to 40 characters with its group's beside it, and
    三（二）'s note carries its commas inside brackets)."""
    text = line.strip()
    return 0 < len(text) <= MAX_CELL_LINE_CHARS and len(column_tokens(line)) <= 3 and not is_sentence(text)


def value_starts(line: str) -> list[tuple[int, str]]:
    """Given a number row of a whitespace table, return its trailing value cells with their display columns."""
    cells = whitespace_cells(line) or []
    tokens = column_tokens(line)
    values = [c for c in cells if is_value_token(c)]
    out: list[tuple[int, str]] = []
    for column, text in reversed(tokens):
        parts = text.split(" ")
        if len(out) >= len(values) or not all(is_value_token(p) for p in parts):
            break
        # Cells one space apart (a number filling its column) share a token: split it back, one column a cell.
        offset = column + display_width(text)
        for part in reversed(parts):
            offset -= display_width(part)
            out.insert(0, (offset, part))
            offset -= 1
    return out


def column_grid(segment: list[tuple[int, str]]) -> list[tuple[int, list[str]]] | None:
    """Given the numbered lines of one whitespace table (header, label-only and number lines), return its rows,
    a number or label row with a cell for every value column (blank where it printed nothing), or None when a
    row prints words among the value columns.

    The columns are where the header's cells start, when they start every value of the number rows too (headers
    and values aligned): a column may then be blank in every row. Without that evidence, None."""
    rows = {n: value_starts(line) for n, line in segment if whitespace_cells(line) is not None}
    anchors = sorted({c for values in rows.values() for c, _ in values})
    if not anchors:
        return None
    first = anchors[0]
    headers = [n for n, line in segment if n not in rows and is_column_header(line)]
    heads = {c for n, line in segment if n in headers for c, _ in column_tokens(line) if c >= first}
    if not heads or not set(anchors) <= heads:
        return None
    anchors = sorted(heads)
    out: list[tuple[int, list[str]]] = []
    for number, line in segment:
        tokens = column_tokens(line)
        if number in headers:
            out.append((number, [t for _, t in tokens]))
            continue
        values = dict(rows.get(number, []))
        printed = [part for c, t in tokens if c >= first for part in t.split(" ")]
        if len(printed) != len(values):
            return None  # words among the value columns
        out.append((number, [t for c, t in tokens if c < first] + [values.get(a, "") for a in anchors]))
    return out


def read_whitespace(lines: list[str], source: Source) -> None:
    """Given whitespace-aligned lines, fill source with prose lines and tables.

    A table is a run of number rows, with the column headers printed above them and the row labels printed alone
    between them (a row of blank cells prints nothing after its label); a header after number rows starts the
    next table. Blank lines do not end a table; a prose line does."""
    segment: list[tuple[int, str]] = []
    pending: list[tuple[int, str]] = []  # header or label lines not yet known to belong to a table

    def prose(numbered: list[tuple[int, str]]) -> None:
        source.lines.extend(TextLine(line.strip(), at_line(number)) for number, line in numbered)

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if whitespace_cells(line) is not None:
            header = next((i for i, (_, text) in enumerate(pending) if is_column_header(text)), None)
            if segment and header is not None:
                add_whitespace_table(segment, source)
                prose(pending[:header])
                segment, pending = [], pending[header:]
            segment += pending + [(number, line)]
            pending = []
        elif is_column_header(line) or (is_row_label(line) and (segment or pending)):
            pending.append((number, line))
        else:
            if segment:
                # Numbers alone right after the last row are its own (a narrow column's digits wrapped onto lines of
                # their own: …158 8 / 6 / 2795), not labels under the table.
                lone = next((i for i, (_, text) in enumerate(pending) if not is_lone_value(text)), len(pending))
                if lone <= MAX_WRAPPED_PIECES:
                    segment, pending = segment + pending[:lone], pending[lone:]
                add_whitespace_table(segment, source)
                source.tables[-1].trailing_lines = [TextLine(text.strip(), at_line(n)) for n, text in pending
                                                    if is_row_label(text)]
            prose(pending + [(number, line)])
            segment, pending = [], []
    if segment:
        add_whitespace_table(segment, source)
    prose(pending)


def add_whitespace_table(segment: list[tuple[int, str]], source: Source) -> None:
    """Given the numbered lines of one whitespace table, add it: positional when its values line up in columns
    under its header, else each row as its labels and its numbers (blanks are not printed, so not positional)."""
    grid = column_grid(segment)
    if grid is not None:
        rows = [[Cell(text, Where(line=number)) for text in cells] for number, cells in grid]
        source.tables.append(RawTable(rows, at_line(segment[0][0]), line_index=len(source.lines), positional=True,
                                      caption=caption_above(source.lines, segment[0][0])))
        return
    rows = [(number, whitespace_cells(line) or [t for _, t in column_tokens(line)]) for number, line in segment]
    source.tables.append(make_table(rows, "text-whitespace", len(source.lines), caption_above(source.lines, segment[0][0])))


def read_boxes(lines: list[str], source: Source) -> None:
    """Given text-blocks lines, fill source with prose lines and the blocks of numbers printed one a line (in their
    text boxes, which blank lines end), each with the lines printed since the previous block. A short label printed
    with its numbers on one line (two boxes side by side: 行政事业性收费 0) is the label's line and a box of numbers."""
    labels: list[TextLine] = []
    boxes: list[list[Cell]] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            if boxes and boxes[-1]:
                boxes.append([])
            continue
        if is_lone_value(text):
            if not boxes:
                boxes.append([])
            boxes[-1].append(Cell(text, Where(line=number)))
            continue
        if boxes:
            source.blocks.append(PrintedBlock(labels, [box for box in boxes if box]))
            labels, boxes = [], []
        source.lines.append(TextLine(text, at_line(number)))
        cells = label_number_cells(text)
        if cells and not any(ch.isalpha() for ch in cells[0]):
            cells = None  # a page number (- 4 -), not a label
        labels.append(TextLine(cells[0] if cells else text, at_line(number)))
        if cells:
            boxes = [[Cell(value, Where(line=number)) for value in cells[1:]]]
    if boxes:
        source.blocks.append(PrintedBlock(labels, [box for box in boxes if box]))


def is_prose_line(text: str) -> bool:
    """Given a line of text-lines, return whether it is prose (long, or a sentence outside brackets), not a table cell
    (（二）部分公开（区分处理的，只计这一情形，不计其他情形） is a label, and so are its two halves when it wraps)."""
    outside = START_TO_CLOSE.sub("", OPEN_TO_END.sub("", BRACKETED.sub("", text)))
    return len(text) > MAX_CELL_LINE_CHARS or any(mark in outside for mark in SENTENCE_MARKS)


def read_lines(lines: list[str], source: Source) -> None:
    """Given text-lines (every cell on a line of its own, rows not marked), fill source with prose lines and tables.

    Rows are rebuilt from the cells: the label line right before a run of values is that row's label; the label
    lines before it are one row without values (a header's cells left to right, or a group label). Blank cells print nothing or an empty line, which
    blank lines between cells cannot be told from: the tables keep only their printed cells (not positional).
    A PDF library prints a row whose cells are wide enough on one line (行政规范性文件 34 15 60, or its numbers alone
    under a wrapped label) among rows whose narrow cells it prints one a line: such a line gives the same cells.
    Labels stay prose lines too, as the section headings among them are."""
    rows: list[list[Cell | None]] = []
    start = 0
    counts_blanks = any(map(is_blank_cell, lines))
    rhythm = None if counts_blanks else cell_rhythm(lines)
    blanks = 0  # blank cells printed since the last cell
    empties = 0  # empty lines since the last cell
    after_row_line = False  # the last line that was no lone number printed a row's numbers

    def flush() -> None:
        if any(len(row) > 1 for row in rows):
            source.tables.append(RawTable(list(rows), rows[0][0].where, line_index=start, positional=False))
        rows.clear()

    def add_value(cell: Cell, blanks_before: int | None) -> None:
        if rows and len(rows[-1]) > 1 and not is_value_cell(rows[-1][-1].text):
            rows.append([rows[-1].pop()])  # the label right before the values is the row's; the others head it
        if rows:
            rows[-1].append(cell)
            cell.blanks_before = blanks_before

    def add_label(cell: Cell) -> None:
        nonlocal start
        if rows and all(not is_value_cell(c.text) for c in rows[-1] if c is not None):
            rows[-1].append(cell)
        else:
            if not rows:
                start = len(source.lines)
            rows.append([cell])

    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            blanks += is_blank_cell(line)
            empties += not line
            continue
        cell = Cell(text, Where(line=number))
        last = rows[-1][-1] if rows and rows[-1] else None
        if last is not None and is_value_cell(last.text) and (counts_blanks or rhythm is not None):
            last.blanks_after = blanks if counts_blanks else blank_cells(empties, rhythm)
        if is_value_cell(text) and after_row_line and rows:
            rows.append([cell])  # a lone number after a row printed on one line: a piece of a number its cell wrapped
            continue
        if is_value_cell(text):
            add_value(cell, blanks if counts_blanks else None if rhythm is None else blank_cells(empties, rhythm))
            blanks = empties = 0
            continue
        blanks = empties = 0
        printed_row = None if is_prose_line(text) else row_line_cells(text)
        after_row_line = printed_row is not None
        if is_prose_line(text):
            flush()
        elif printed_row is not None:
            numbers = printed_row if is_value_cell(printed_row[0]) else printed_row[1:]
            if len(numbers) < len(printed_row):
                add_label(Cell(printed_row[0], Where(line=number)))
            for value in numbers:  # where its blank cells were is not printed
                add_value(Cell(value, Where(line=number)), None)
        else:
            add_label(cell)
        source.lines.append(TextLine(text, at_line(number)))
    flush()


def row_line_cells(text: str) -> list[str] | None:
    """Given a line of text-lines that is no lone number, return its cells when it prints a table row on one line:
    two numbers or more alone (not a page number, - 2 -), or numbers after a label in words."""
    tokens = text.split()
    numbers: list[str] = []
    while tokens and (NUMERIC_TOKEN.match(tokens[-1]) or VALUE_WITH_UNIT.match(tokens[-1])):
        numbers.insert(0, tokens.pop())
    digits = sum(any(ch.isdigit() for ch in n) for n in numbers)
    if not tokens:
        return numbers if digits >= 2 else None
    label = " ".join(tokens)  # as the label's line would print it (三、本年度办理结 （一）予以公开)
    if not digits or not CJK_CHAR.search(label) or is_prose_line(label) \
            or any(ch.isdigit() for t in tokens for ch in WRAP_NUMBERING.sub("", t)):
        return None
    return [label] + numbers


def cell_rhythm(lines: list[str]) -> int | None:
    """Given text-lines, return how many empty lines follow every cell (docx2txt: one, as each cell is a paragraph),
    when every gap between two values of a row is that many lines and a whole number of blank cells; else None."""
    gaps: list[int] = []
    empties, after_value = 0, False
    for line in lines:
        if not line.strip():
            empties += not line
            continue
        value = is_lone_value(line)
        if value and after_value:
            gaps.append(empties)
        empties, after_value = 0, value
    base = min(gaps, default=0)
    # Every gap a whole number of cells: adjacent values one rhythm apart, each blank cell between one more paragraph.
    return base if base > 0 and all(blank_cells(gap, base) is not None for gap in gaps) else None


def blank_cells(empties: int, rhythm: int) -> int | None:
    """Given the empty lines before a cell and the file's rhythm, return the blank cells they print (each an empty
    paragraph: rhythm + 1 lines), None when they are no whole number of cells."""
    extra = empties - rhythm
    return extra // (rhythm + 1) if extra >= 0 and extra % (rhythm + 1) == 0 else None


def is_blank_cell(line: str) -> bool:
    """Given a line, return whether it prints a blank cell: only no-break or ideographic spaces (a page's &nbsp;, kept
    by a scraper as a text node of its own), not an empty line."""
    return bool(line) and not line.strip() and any(ch in "\xa0\u3000" for ch in line)


def value_runs(lines: list[str]) -> list[PrintedRun]:
    """Given the file's lines, return its value runs in order, each with all the text printed since the previous
    run (line breaks kept: a header line, then the values on the next)."""
    runs: list[PrintedRun] = []
    before: list[str] = []
    for number, line in enumerate(lines, start=1):
        previous = 0
        for match in VALUE_RUN.finditer(line):
            before.append(line[previous:match.start()])
            runs.append(PrintedRun("".join(before), match.group(), Where(line=number, chars=(match.start(), match.end()))))
            before, previous = [], match.end()
        before += [line[previous:], "\n"]
    return runs


LINE_MEMOS = (_whitespace_cells, _column_tokens, _pipe_cells)


def read_text(path: Path, data: bytes, sha256: str) -> Source:
    """Given a text file's bytes, return its Source with the detected layout as format."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for memo in LINE_MEMOS:  # one report's lines: a line of another report is another line
        memo.cache_clear()
    layout = detect_layout(lines)
    source = Source(path=str(path), sha256=sha256, format=layout)
    if layout == "text-flattened":
        read_flattened(lines, source)
    elif layout == "text-cells":
        read_cell_lines(lines, source)
    elif layout == "text-whitespace":
        read_whitespace(lines, source)
    elif layout == "text-blocks":
        read_boxes(lines, source)
    elif layout == "text-lines":
        read_lines(lines, source)
    elif layout == "text-concat":
        read_rows(lines, "text", source)
        source.runs = value_runs(lines)
    else:
        read_rows(lines, layout, source)
    return source
