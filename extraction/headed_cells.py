"""表四 printed as header, number, header, number (pdfminer's extract_text of a browser-printed page) -> cells.

Where every cell of a ruled table is a text box of its own, pdfminer groups each outcome header with the number
right under it and prints the header first: 结果维持 / 1 / 结果纠正 / 0 … (a header's characters may come one a line,
结 / 果 / 维 / 持, where its cell is narrow). Where the headers of a whole row come first, the numbers follow in the
same order (miyun's 结果维持 … 总计 / 6 4 2 3 15). So each number takes the oldest outcome header printed since the
numbers before it that no number has taken yet, and a number printed with no header waiting is not 表四's (表三's
numbers may come after 表四's title); a run of headers printed while one before it still waits (more headers than
the numbers printed after them: a synthetic page prints two groups' headers, one number, the third group's
headers, then the other fourteen) says the numbers are not in their headers' order, and nothing is read — no T4
identity tells two groups apart. The k-th header of an outcome is that outcome of the k-th group (行政复议,
未经复议直接起诉, 复议后起诉: the grid's order, left to right). The cells are read only when every outcome is printed
three times, fifteen numbers taken, and every T4 identity of template.yaml holds of them with a number other than
0 among them (of zeros every identity holds, whatever went where). The top-left header may be wrapped by its narrow
cell (行政 / 复议, or a character a line): lines that together print it open the table as one line would.

Where the headers do not place the numbers (a browser-printed page: pdfminer prints the third group's outcome
headers each with its number, after one number of the second group and before the first two groups' numbers), the
fifteen numbers printed among 表四's headers are read as the table's row started at some cell and wrapped around
(printed order is the grid's order, rotated): every rotation that puts each number its header names in that cell
(the last n outcome headers printed right before a run of n numbers, the k-th print of a header in the k-th group:
no T4 identity tells two groups apart) and under which each T4 identity holds is a reading, and a cell is read
only when every reading reads it alike (the others stay unread, `ambiguous_placement`): fifteen zeros read 0 in
every cell, whatever went where. A run of more numbers than 表四 has cells printed among its boxes right after one
header is another table's column (表三's 总计, grouped with them where its page ends) printed with its own header:
both are set aside (as they are where numbers are read under their headers). Only when
exactly fifteen numbers are printed from 表四's top-left header to the first line that is neither a header piece
nor a page number: a number more and the run is not 表四's row. Fourteen are the row with one cell printed
elsewhere (pdfminer groups the third group's 总计 header and number with a box away from the table): each cell
in turn is taken as the one not printed, the others in the row's order around it, and a reading needs every
identity that does not name that cell to hold; the cell not printed in some reading stays unread, as does any
two readings tell apart.
"""
from __future__ import annotations

import re
from itertools import product

from extraction.document import Cell, PrintedBlock
from extraction.labels import norm
from extraction.placement import AMBIGUOUS, number, status
from extraction.spec import Identity, Spec, load_spec
from extraction.tables import CellValue, ParsedTables

NOTE = "表四各数字按其上方印出的结果表头（结果维持、结果纠正、其他结果、尚未审结、总计）读出，第k次印出的表头属第k组"
ROTATED = "表四十五个数字按表格顺序自某一格起循环印出，按满足各组勾稽关系的起点读出"
SHORT = "（只印出十四个数字：{key}未印在表中，不读）"
AGREED = "{n}个起点均满足勾稽关系，只读各读法读数相同的单元格"
PAGE_MARK = re.compile(r"^[-－—]?\s*\d+\s*[-－—]?$")  # a page number line (- 2 -) printed among a table's boxes
CONFIDENCE = 0.7  # placed by the headers printed before it and the identities, not by a grid
TITLE = "行政复议"  # 表四's top-left header, printed before its outcome headers (not the section title 四、…行政复议…情况)
LABEL_MAX_CHARS = 40  # longer lines are prose


def outcome_headers(spec: Spec) -> list[str]:
    """Given the spec, return 表四's outcome headers (结果维持 … 总计), one per column of a group."""
    leaves: list[str] = []
    for column in spec.review_litigation_columns:
        leaf = norm(column["label"].rsplit("/", 1)[-1])
        if leaf not in leaves:
            leaves.append(leaf)
    return leaves


def headers_in(text: str, leaves: list[str]) -> list[str]:
    """Given the text printed between two numbers (lines joined) and the outcome headers, return the headers it
    prints, in printed order."""
    found: list[tuple[int, str]] = []
    for leaf in leaves:
        at = text.find(leaf)
        while at >= 0:
            found.append((at, leaf))
            at = text.find(leaf, at + len(leaf))
    return [leaf for _, leaf in sorted(found)]


def is_header_line(text: str, words: list[str]) -> bool:
    """Given a normalised line and 表四's header words, return whether it is 表四's top-left header: it opens with
    行政复议 and prints header words only (not prose that begins with the word)."""
    if not text.startswith(TITLE):
        return False
    for word in words:
        text = text.replace(word, "")
    return not text


def title_prefix(prefix: str, text: str) -> str:
    """Given the lines printed since the last one that could not open 表四's top-left header (joined) and the next
    line, return what of that header they print so far: a narrow cell wraps it (行政 / 复议, or a character a line)."""
    joined = prefix + text
    return joined if TITLE.startswith(joined) else text if TITLE.startswith(text) else ""


def opens_table(prefix: str, text: str, words: list[str]) -> bool:
    """Given the lines printed before a line that may wrap 表四's top-left header (see title_prefix) and that line,
    return whether the line ends that header."""
    return is_header_line(text, words) or bool(prefix) and is_header_line(prefix + text, words)


def headed_numbers(blocks: list[PrintedBlock], spec: Spec, leaves: list[str], wanted: int) -> list[tuple[str, Cell]]:
    """Given the number blocks, the outcome headers and how many cells 表四 has, return its numbers from its title
    on, each with the header it takes (a run of more numbers than it has cells, and the last header before that
    run, set aside: another table's column); fewer when the text runs out first."""
    words = header_words(spec)
    taken: list[tuple[str, Cell]] = []
    waiting: list[str] = []
    text = prefix = ""
    started = False
    for block in blocks:
        for line in block.labels:
            if len(norm(line.text)) > LABEL_MAX_CHARS:
                prefix = ""
                continue
            if not started and opens_table(prefix, norm(line.text), words):
                started, text = True, ""
            prefix = title_prefix(prefix, norm(line.text))
            text += norm(line.text)
        if started and another_tables_run(text, block.values, wanted, leaves):
            text = without_run_header(text, leaves)
            continue
        for cell in block.values:
            if not started:
                continue
            printed = headers_in(text, leaves)
            if printed and waiting:
                return []  # a run of headers outnumbers the numbers after it: those are not printed in its order
            waiting += printed
            text = ""
            if waiting:
                taken.append((waiting.pop(0), cell))
                if len(taken) == wanted:
                    return taken
    return taken


def another_tables_run(text: str, values: list[Cell], cells: int, leaves: list[str]) -> bool:
    """Given the text printed before a run of numbers, the run, how many cells 表四 has and the outcome headers,
    return whether the run is another table's column: more numbers than 表四 has cells, printed right after one
    header, its own (表三's 总计; a row of 表四's headers printed first is followed by its numbers and then others)."""
    return len(values) > cells and len(headers_in(text, leaves)) == 1


def without_run_header(text: str, leaves: list[str]) -> str:
    """Given the text printed before a run of more numbers than 表四 has cells and the outcome headers, return it
    without its last header: that run is another table's column (表三's 总计, grouped with 表四's boxes where its
    page ends) printed with its own header."""
    printed = headers_in(text, leaves)
    return text[:text.rfind(printed[-1])] if printed else text


def header_words(spec: Spec) -> list[str]:
    """Given the spec, return the words of 表四's headers (行政复议, 未经复议直接起诉, 结果维持 …), longest first."""
    return sorted({w for c in spec.review_litigation_columns for w in norm(c["label"]).split("/")}, key=len, reverse=True)


def section_numbers(blocks: list[PrintedBlock], spec: Spec, leaves: list[str]) -> list[tuple[Cell, str | None]]:
    """Given the number blocks, the spec and the outcome headers, return the numbers printed from 表四's top-left
    header on, up to the first line that is neither a piece of a header (结果维 / 持: a narrow cell wraps its
    header) nor a page number, each with the cell its header names or None; none when that header is not printed.

    pdfminer prints a run of numbers after the header boxes grouped with it: the last n headers printed before a
    run of n numbers (all of them, to its first numbers, when fewer) name their cells, the k-th print of an outcome
    header being that outcome of the k-th group."""
    words = header_words(spec)
    pieces = set("".join(words))
    out: list[tuple[Cell, str | None]] = []
    seen: dict[str, int] = {}
    started = False
    prefix = ""
    for block in blocks:
        text = ""
        for line in block.labels:
            line_text = norm(line.text)
            if not started:
                started = opens_table(prefix, line_text, words)
                prefix = title_prefix(prefix, line_text)
            elif not (set(line_text) <= pieces or PAGE_MARK.match(line_text)):
                return out
            text += line_text if started else ""
        if not started:
            continue
        values = block.values
        if another_tables_run(text, values, len(spec.review_litigation_columns), leaves):
            text, values = without_run_header(text, leaves), []
        named = []
        for leaf in headers_in(text, leaves):
            seen[leaf] = seen.get(leaf, 0) + 1
            named.append(group_key(spec, leaf, seen[leaf] - 1))
        offset = max(len(named) - len(values), 0)
        out += [(cell, named[offset + n] if offset + n < len(named) else None) for n, cell in enumerate(values)]
    return out


def group_key(spec: Spec, leaf: str, group: int) -> str | None:
    """Given an outcome header and a group's place in the grid (行政复议 0, 未经复议直接起诉 1, 复议后起诉 2), return
    that cell's key; None past the last group."""
    groups = list(dict.fromkeys(c["key"].rsplit(".", 1)[0] for c in spec.review_litigation_columns))
    if group >= len(groups):
        return None
    return next(c["key"] for c in spec.review_litigation_columns
                if c["key"].startswith(groups[group] + ".") and norm(c["label"].rsplit("/", 1)[-1]) == leaf)


def rotated_readings(numbers: list[tuple[Cell, str | None]], keys: list[str],
                     identities: list[Identity]) -> list[dict[str, Cell]]:
    """Given 表四's numbers in printed order with the cells their headers name, its keys in the grid's order and its
    identities, return every reading of the numbers as the grid's row started at some cell and wrapped around that
    puts each number its header names in that cell and under which each identity holds (a whole group's numbers
    moved to another group hold too: only the headers tell groups apart). One number short, each cell in turn is
    the one not printed: it is absent from the reading, and the identities that name it are not weighed."""
    out = []
    missing_cells = [None] if len(numbers) == len(keys) else range(len(keys)) if len(numbers) == len(keys) - 1 else []
    for start, missing in product(range(len(keys)), missing_cells):
        order = [keys[(start + n) % len(keys)] for n in range(len(keys))]
        printed = [key for key in order if key != keys[missing]] if missing is not None else order
        if any(named is not None and printed[n] != named for n, (_, named) in enumerate(numbers)):
            continue
        reading = {key: numbers[n][0] for n, key in enumerate(printed)}
        values = {k: number(c.text) for k, c in reading.items()}
        if all(status(i, values) == 1 for i in identities if missing is None or keys[missing] not in i.lhs + i.rhs):
            out.append(reading)
    return out


def read_rotated_review(blocks: list[PrintedBlock], out: ParsedTables, spec: Spec, keys: list[str],
                        identities: list[Identity]) -> None:
    """Given the number blocks, the tables read so far, the spec, 表四's keys and identities, add the cells every
    rotated reading of the fifteen (or fourteen) numbers printed among 表四's headers reads alike; mark the others
    unread."""
    numbers = section_numbers(blocks, spec, outcome_headers(spec))
    found = rotated_readings(numbers, keys, identities)
    if not found:
        return
    note = ROTATED if len(found) == 1 else AGREED.format(n=len(found))
    if len(found) == 1 and len(found[0]) < len(keys):
        note += SHORT.format(key=next(k for k in keys if k not in found[0]))
    for key in keys:
        if any(key not in reading for reading in found) or len({norm(reading[key].text) for reading in found}) != 1:
            out.unread.setdefault(key, AMBIGUOUS)
            continue
        cell = found[0][key]
        out.cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, CONFIDENCE, note)
        out.unread.pop(key, None)
    out.found.add("四")


def review_cells(taken: list[tuple[str, Cell]], spec: Spec, leaves: list[str]) -> dict[str, Cell] | None:
    """Given the numbers with their headers, return them by cell key (the k-th of a header in the k-th group), or
    None when a header is not printed once per group."""
    groups = [c["key"].rsplit(".", 1)[0] for c in spec.review_litigation_columns]
    groups = list(dict.fromkeys(groups))
    seen: dict[str, int] = {}
    out: dict[str, Cell] = {}
    for leaf, cell in taken:
        n = seen.get(leaf, 0)
        if n >= len(groups):
            return None
        seen[leaf] = n + 1
        key = next(c["key"] for c in spec.review_litigation_columns
                   if c["key"].startswith(groups[n] + ".") and norm(c["label"].rsplit("/", 1)[-1]) == leaf)
        out[key] = cell
    return out if len(out) == len(spec.review_litigation_columns) else None


def read_headed_review(blocks: list[PrintedBlock], out: ParsedTables) -> ParsedTables:
    """Given the number blocks of a text and the tables read so far, add 表四's cells when each of its numbers is
    printed under its outcome header and the identities hold, else those its rotated readings agree on."""
    spec = load_spec()
    keys = [c["key"] for c in spec.review_litigation_columns]
    if not blocks or out.version is None or any(k in out.cells for k in keys):
        return out
    identities = [i for i in spec.versions[out.version].identities if i.id.startswith("T4")]
    if not identities:
        return out
    leaves = outcome_headers(spec)
    cells = review_cells(headed_numbers(blocks, spec, leaves, len(keys)), spec, leaves)
    values = {k: number(c.text) for k, c in cells.items()} if cells is not None else {}
    if cells is None or not any(values.values()) or any(status(i, values) != 1 for i in identities):
        read_rotated_review(blocks, out, spec, keys, identities)
        return out
    for key in keys:
        cell = cells[key]
        out.cells[key] = CellValue(key, values[key], cell.text.strip(), cell.where, CONFIDENCE, NOTE)
        out.unread.pop(key, None)
    out.found.add("四")
    return out
