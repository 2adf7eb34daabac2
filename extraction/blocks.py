"""Tables printed as their row labels, then a block of their numbers (a PDF library's text boxes) -> template cells.

pdfminer's extract_text prints a table's row labels one a line, then its numbers one a line, one text box after
another (a blank line ends a box). Where each cell is a box of its own, the numbers come row by row; where a column's
cells touch, they make one box and the numbers come column by column (表三). The boxes are ordered by where they sit,
not by the grid: pdfminer groups the boxes by proximity into a tree and prints each node's two halves top-left
first, so a column grouped with something below it (hongze's 其他 with the page number) is printed after 总计. The
header boxes are grouped and ordered apart from the numbers and do not witness their order: huaian_2024 prints the
header 总计 before 其他 and the numbers in grid order, a synthetic PDF prints the header 其他 right before
商业企业's numbers. So the text tells which numbers make a column, not which column each is.

Each reading of a block is a placement (extraction/placement.py), and the identities of template.yaml choose
(shared/design/placement.md):

- row by row, only where every number is a box of its own (numbers stacked in one box are one column's);
- column by column, only where the boxes end at every column's end; the 总计 column is the box the identities make
  the sum of the others (any box may be it), while the part columns (自然人 … 其他) are the same to every identity
  and stay in an unknown order: a part cell is read only where the row's part boxes all print the same number,
  unless 总计 is the last box and a row label is printed right before the numbers: then no box was grouped with
  one below or above it, and the boxes are in the grid's order (requests_placements);
- a placement is kept when no identity that does not depend on that unknown order fails, jointly with the blocks
  the identities tie it to (表三 over two pages is two blocks tied by T3.balance and T3.results_sum); a cell is read
  only when every kept placement reads it alike; a block with no kept placement stays unread
  (`ambiguous_placement`), never guessed, and so does 表四's one row when it breaks its identities, unless its label
  lines are 表四's title and headers and nothing else and no order of its 15 numbers satisfies them: the failure is
  then in the numbers, a real finding;
- 表二 has no identities: a block is read only where its shape forces the order (one row, or one column).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import permutations

from extraction.digits import requests_rows
from extraction.document import Cell, PrintedBlock, Where
from extraction.labels import core, norm
from extraction.placement import AMBIGUOUS, Candidate, Slot, consistent_readings, number, satisfiable, status
from extraction.spec import Identity, Spec, VersionSpec, load_spec
from extraction.tables import (V2019_HEADER_WORDS, V2021_HEADER_WORDS, CellValue, ParsedTables, _identities_for,
                               _note_requests_deviations, _Row, _RowMatcher)

BY_ROW = "标签后的数字块逐行排列（每格一个文本框）"
BY_COLUMN = "标签后的数字块逐列排列（每列的数字为文本框，自上而下），总计列为第{n}个列块"
PINNED = "标签后的数字块逐列排列，各部分列的顺序由勾稽关系（与另一页已读的单元格）唯一确定"
IN_GRID = "标签后的数字块逐列排列，总计列为最后一个列块且数字块紧接行标签：各列按表格顺序"
AS_PRINTED = "标签后的数字块仅一行或一列，按印出顺序"
UNSATISFIABLE = "标签后的数字块仅一行，按印出顺序；这些数字的任何排列都不满足勾稽关系"
LABEL_MAX_CHARS = 40  # a row label's line (a wrapped one's part); longer lines are prose
SENTENCE_END = "。"
SECTION_END = "情况"  # a section title (四、政府信息公开行政复议、行政诉讼情况), printed before its table's headers
REVIEW_NAMES = ("行政复议", "行政诉讼")  # both named before the block: 表四's headers
REVIEW_WORDS = ("结果维持", "尚未审结")  # or its outcome headers, printed whole
ROW_TOTAL = "T3.row_total"
TABLES = {"requests": "三", "review": "四", "litigation": "四", "active": "二"}  # a cell key's first part -> its table


@dataclass
class Placements:
    """A block's readings as a slot (each reading's cells as the identities check them) and, per reading, the keys
    it tells: a part column's cell is not told where the part columns' order is unknown and their numbers differ."""

    slot: Slot
    told: list[frozenset[str]]
    headed: bool = False  # 表四's row right under its headers, nothing else printed between
    columns: list[list[list[Cell]] | None] = field(default_factory=list)  # per reading: its column boxes, parts first


def _label_lines(block: PrintedBlock) -> list[str]:
    """Given a block, return the lines before it that can be row labels: short, not a sentence."""
    return [line.text for line in block.labels if len(norm(line.text)) <= LABEL_MAX_CHARS and SENTENCE_END not in line.text]


def _column_heads(spec: Spec) -> set[str]:
    """Given the spec, return the column headers of 表三 and 表四 (总计, 其他, 结果维持 …): a line printing one is a
    header, not the row whose label ends the same (（七）总计, 3.其他)."""
    heads = {norm(c["label"]) for c in spec.applicant_columns}
    return heads | {norm(c["label"].rsplit("/", 1)[-1]) for c in spec.review_litigation_columns}


def requests_block_rows(lines: list[str], matcher: _RowMatcher, order: list[str], heads: set[str],
                        spec: Spec) -> list[str]:
    """Given a block's label lines, return the 表三 rows they name, in printed order, when each is named once and
    in the template's order (a wrapped label naming its row twice counts once); else []. A row of one version
    whose label is the group label of rows printed with it (2019's （六）其他处理 over 2021's three) is that group's
    label, not a row."""
    rows = _named_rows(lines, matcher, order, heads)
    template = [r for v in spec.versions.values() for r in v.requests_rows]
    groups = {core(r.group) for r in template if r.key in rows and r.group}
    labels = {r.key: core(r.label) for r in template}
    return [r for r in rows if labels[r] not in groups]


def _named_rows(lines: list[str], matcher: _RowMatcher, order: list[str], heads: set[str]) -> list[str]:
    """Given label lines, return the 表三 rows they name in printed order, or [] when out of the template's order."""
    rows: list[str] = []
    for text in lines:
        if norm(text) in heads:
            continue
        placed = matcher.requests_row(_Row([Cell(text, Where())], [], False))
        if placed is None or (rows and rows[-1] == placed[0]):
            continue
        if placed[0] in rows or (rows and order.index(placed[0]) < order.index(rows[-1])):
            return []
        rows.append(placed[0])
    return rows


def active_block_rows(lines: list[str], matcher: _RowMatcher, version: VersionSpec) -> list[tuple[str, list[str]]]:
    """Given a block's label lines, return the 表二 rows they name with each row's column keys, in printed order."""
    rows: list[tuple[str, list[str]]] = []
    for text in lines:
        active = matcher.active_row(_Row([Cell(text, Where())], [], False))
        group = None if active is None else next((g for g in version.active if any(r["key"] == active[0] for r in g.rows)), None)
        if group is not None and all(key != active[0] for key, _ in rows):
            rows.append((active[0], [c["key"] for c in group.columns]))
    return rows


def by_rows(block: PrintedBlock, keys: list[str]) -> Candidate | None:
    """Given a block and its keys row by row, return the reading row by row, when every number is a box of its own."""
    if any(len(box) > 1 for box in block.boxes):
        return None  # numbers stacked in one box sit one above the other
    return Candidate(tuple(block.values), "width", BY_ROW)


def column_boxes(block: PrintedBlock, height: int) -> list[list[Cell]] | None:
    """Given a block and its rows' count, return its numbers cut into columns of `height`, when every column is
    whole boxes (a box holds one column's cells); else None."""
    ends, at = set(), 0
    for box in block.boxes:
        at += len(box)
        ends.add(at)
    values = block.values
    if len(values) % height or any(end not in ends for end in range(height, len(values), height)):
        return None
    return [values[start:start + height] for start in range(0, len(values), height)]


def requests_placements(block: PrintedBlock, rows: list[str], columns: list[str], after_label: bool = False) -> Placements:
    """Given a 表三 block, the rows its labels name, the applicant columns and whether a row label is printed right
    before its numbers, return its readings: row by row, and column by column with each box as the 总计 column in
    turn (the part columns in an unknown order, but in the grid's when 总计 is the last box and a label is before).

    pdfminer prints sibling boxes of one height left to right; a column is put out of that order only when its box is
    grouped with one that is not a number. One below it (a page number) puts it after its siblings, and so after
    the 总计 column, the grid's last: 总计 printed last tells that none was. One above it (a header) is printed
    right before its numbers: a row label printed there tells that the first column's group holds no header."""
    keys = [f"requests.{r}.{c}" for r in rows for c in columns]
    readings: list[Candidate] = []
    told: list[frozenset[str]] = []
    orders: list[list[list[Cell]] | None] = []
    row_wise = by_rows(block, keys)
    if row_wise is not None:
        readings.append(row_wise)
        told.append(frozenset(keys))
        orders.append(None)
    boxes = column_boxes(block, len(rows)) if len(rows) > 1 else None
    for total in range(len(boxes or [])):
        parts = boxes[:total] + boxes[total + 1:]
        ordered = parts + [boxes[total]]
        orders.append(ordered)
        readings.append(Candidate(tuple(ordered[c][r] for r in range(len(rows)) for c in range(len(columns))), "width",
                                  BY_COLUMN.format(n=total + 1)))
        same = [r for r in range(len(rows)) if len({norm(box[r].text) for box in parts}) == 1]
        in_grid = after_label and total == len(boxes) - 1
        told.append(frozenset(f"requests.{rows[r]}.{c}" for r in range(len(rows)) for c in columns
                              if c == columns[-1] or r in same or in_grid))
        if in_grid:
            readings[-1] = replace(readings[-1], note=IN_GRID)
    return _distinct(Slot(tuple(keys), readings), told, orders)


def _joined(blocks: list[PrintedBlock], matcher: _RowMatcher, order: list[str], heads: set[str], spec: Spec) -> list[PrintedBlock]:
    """Given the blocks, return them with each 表三 block one column short of its rows joined to the next when
    only column headers (and a page number) are printed between them: pdfminer prints a header box grouped with the
    column under it (总计) right before that column's numbers, inside the table's block."""
    out: list[PrintedBlock] = []
    width = len(spec.column_keys)
    for block in blocks:
        lines = _label_lines(block)
        if out and lines and all(norm(line) in heads or not any(ch.isalpha() for ch in line) for line in lines):
            rows = requests_block_rows(_label_lines(out[-1]), matcher, order, heads, spec)
            count = len(out[-1].values) + len(block.values)
            if rows and len(out[-1].values) != len(rows) * width and count == len(rows) * width:
                out[-1] = PrintedBlock(out[-1].labels, out[-1].boxes + block.boxes)
                continue
        out.append(block)
    return out


def _label_last(lines: list[str], matcher: _RowMatcher, heads: set[str]) -> bool:
    """Given a block's label lines, return whether the last, printed right before its numbers, is a 表三 row label
    (not a column header, a page number or a fragment of a wrapped label)."""
    return bool(lines) and norm(lines[-1]) not in heads and matcher.requests_row(_Row([Cell(lines[-1], Where())], [], False)) is not None


def _distinct(slot: Slot, told: list[frozenset[str]], orders: list[list[list[Cell]] | None]) -> Placements:
    """Given a slot, what each reading tells and its column boxes, return them with readings that tell the same
    cells alike merged."""
    seen: dict[tuple, int] = {}
    kept: list[int] = []
    for n, (candidate, keys) in enumerate(zip(slot.candidates, told)):
        key = (keys, tuple(norm(c.text) for k, c in zip(slot.keys, candidate.cells) if k in keys),
               tuple(candidate.numbers))
        if key not in seen:
            seen[key] = n
            kept.append(n)
    return Placements(Slot(slot.keys, [slot.candidates[n] for n in kept]), [told[n] for n in kept],
                      columns=[orders[n] for n in kept])


def forced(block: PrintedBlock, keys: list[str], rows: int) -> Placements | None:
    """Given a block of one row or one column and its keys, return its one reading (a row's numbers each a box of
    its own; a column's in any boxes), or None when its boxes contradict the shape."""
    reading = Candidate(tuple(block.values), "width", AS_PRINTED) if rows > 1 else by_rows(block, keys)
    if reading is None:
        return None
    return Placements(Slot(tuple(keys), [Candidate(reading.cells, "width", AS_PRINTED)]), [frozenset(keys)])


def detect_version(blocks: list[PrintedBlock], report_year: int | None, spec: Spec) -> str:
    """Given the blocks, return the template version their header words name, else the report year's."""
    text = norm("".join(line.text for block in blocks for line in block.labels))
    v19 = sum(text.count(w) for w in V2019_HEADER_WORDS)
    v21 = sum(text.count(w) for w in V2021_HEADER_WORDS)
    if v19 != v21:
        return "v2019" if v19 > v21 else "v2021"
    return spec.version_for_year(report_year)


def _is_review(lines: list[str]) -> bool:
    """Given a block's label lines, return whether they print 表四's headers."""
    text = norm("".join(lines))
    return all(name in text for name in REVIEW_NAMES) or any(word in text for word in REVIEW_WORDS)


def _only_review_heads(lines: list[str], spec: Spec) -> bool:
    """Given a block's label lines, return whether they are 表四's section title and headers and nothing else, every
    column's header printed (its words may be broken over lines): the numbers right after them are 表四's row."""
    words = sorted({w for c in spec.review_litigation_columns for w in c["label"].split("/")}, key=len, reverse=True)
    text = norm("".join(line for line in lines if not norm(line).endswith(SECTION_END)))
    leaves = [c["label"].rsplit("/", 1)[-1] for c in spec.review_litigation_columns]
    if any(text.count(leaf) < leaves.count(leaf) for leaf in set(leaves)):
        return False
    for word in words:
        text = text.replace(word, "")
    return not text


def order_free(identities: list[Identity], spec: Spec) -> list[Identity]:
    """Given the identities, return those that hold or fail alike whatever the order of 表三's part columns: the row
    totals, and those over no part column (each 总计 column's, 表四's)."""
    parts = tuple(f".{c}" for c in spec.column_keys[:-1])
    return [i for i in identities if i.id == ROW_TOTAL or not any(k.startswith("requests.") and k.endswith(parts) for k in i.keys)]


def read_blocks(blocks: list[PrintedBlock], report_year: int | None, out: ParsedTables) -> ParsedTables:
    """Given the number blocks of a text and the tables read so far, add the cells whose placement the identities
    (or the block's shape) decide, and mark the others unread with their reason."""
    spec = load_spec()
    if not out.found:
        out.version = detect_version(blocks, report_year, spec)
    version = spec.versions[out.version]
    matcher = _RowMatcher(spec)
    order = [key for key, _ in requests_rows(spec, version.id)]
    heads = _column_heads(spec)
    review = [c["key"] for c in spec.review_litigation_columns]
    checked: list[Placements] = []  # placements the identities choose
    active: list[Placements] = []  # 表二: read where the shape forces the order
    taken: set[str] = set()
    unplaced: set[str] = set()  # 表二 cells of rows a block names, where its numbers fit no reading
    for block in _joined(blocks, matcher, order, heads, spec):
        lines = _label_lines(block)
        rows = requests_block_rows(lines, matcher, order, heads, spec)
        named = active_block_rows(lines, matcher, version)
        widths = {len(columns) for _, columns in named}
        if rows and len(block.values) == len(rows) * len(spec.column_keys):
            found, into = requests_placements(block, rows, spec.column_keys, _label_last(lines, matcher, heads)), checked
        elif _is_review(lines) and len(block.values) == len(review):
            found, into = forced(block, review, 1), checked
            if found is not None and _only_review_heads(lines, spec):
                found.headed = True
        elif named and len(widths) == 1 and len(block.values) == len(named) * (width := widths.pop()):
            keys = [f"active.{r}.{c}" for r, columns in named for c in columns]
            found = forced(block, keys, len(named)) if len(named) == 1 or width == 1 else Placements(Slot(tuple(keys), []), [])
            into = active
        else:
            unplaced |= {f"active.{r}.{c}" for r, columns in named for c in columns}
            continue
        if found is not None and not taken & set(found.slot.keys):
            taken |= set(found.slot.keys)
            into.append(found)
    slots = [p.slot for p in checked]
    every = _identities_for(slots, spec, version)
    identities = order_free(every, spec)
    fixed = {k: c.value for k, c in out.cells.items()}
    chosen = consistent_readings(slots, identities, fixed)
    for placements, kept in zip(checked, chosen):
        _put(out, placements, kept or (_unsatisfiable(placements, identities) if placements.headed else []))
    for placements, kept in zip(checked, chosen):
        _pin_parts(out, placements, kept, every)
    for placements in active:
        _put(out, placements, list(range(len(placements.slot.candidates))))
    for key in sorted(unplaced - set(out.cells)):
        out.unread.setdefault(key, AMBIGUOUS)
    seen = [k.split(".", 1)[1].rsplit(".", 1)[0] for k in out.cells if k.startswith("requests.") and k.endswith(".total")]
    _note_requests_deviations(out, version, seen)
    return out


def _pin_parts(out: ParsedTables, placements: Placements, kept: list[int], identities: list[Identity]) -> None:
    """Given a 表三 block read column by column with its part columns in an unknown order, the indexes of its kept
    readings and every identity, put the part cells that every order of its part boxes read alike under which no
    identity fails, with the cells read elsewhere (the other page of 表三, read in the grid's order) fixed."""
    slot = placements.slot
    unread = [k for k in slot.keys if k not in out.cells]
    if not unread or not kept or not placements.columns or any(placements.columns[n] is None for n in kept):
        return
    keys = set(slot.keys)
    fixed = {k: c.value for k, c in out.cells.items() if k not in keys}
    relevant = [i for i in identities if keys & set(i.keys)]
    width = len(placements.columns[kept[0]])
    rows = len(slot.keys) // width
    seen: set[tuple[str, ...]] = set()
    readings: list[dict[str, Cell]] = []
    for n in kept:
        boxes = placements.columns[n]
        for order in permutations(boxes[:-1]):
            columns = [*order, boxes[-1]]
            cells = {slot.keys[r * width + c]: columns[c][r] for r in range(rows) for c in range(width)}
            texts = tuple(norm(cells[k].text) for k in slot.keys)
            if texts in seen:
                continue
            seen.add(texts)
            values = {**fixed, **{k: number(cell.text) for k, cell in cells.items()}}
            if all(status(i, values) != 0 for i in relevant):
                readings.append(cells)
    for key in unread:
        texts = {norm(cells[key].text) for cells in readings}
        if len(texts) == 1:
            cell = readings[0][key]
            out.cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, 1.0, PINNED)
            out.unread.pop(key, None)


def _unsatisfiable(placements: Placements, identities: list[Identity]) -> list[int]:
    """Given a block with no reading under which its identities hold, return its one reading when it has one and
    no assignment of its printed numbers to its cells satisfies them (表四's row: the failure is in the numbers, a
    real finding, not in where pdfminer printed them); else [] (the cells stay unread)."""
    slot = placements.slot
    own = [i for i in identities if set(i.keys) <= set(slot.keys)]
    row = len(slot.candidates) == 1 and all(TABLES[k.split(".", 1)[0]] == "四" for k in slot.keys)
    if not row or not own or satisfiable(list(slot.candidates[0].numbers), own):
        return []
    slot.candidates[0] = replace(slot.candidates[0], note=UNSATISFIABLE)
    return [0]


def _put(out: ParsedTables, placements: Placements, kept: list[int]) -> None:
    """Given a block's readings and the indexes of those kept, put every cell they all tell alike and mark the rest
    unread."""
    slot = placements.slot
    note = "；".join(slot.candidates[n].note for n in kept)
    if len(kept) > 1:
        note = f"{len(kept)}种排列均满足勾稽关系（{note}），只读各排列读数相同的单元格"
    for j, key in enumerate(slot.keys):
        if key in out.cells:
            continue
        cells = {norm(slot.candidates[n].cells[j].text): slot.candidates[n].cells[j] for n in kept}
        if len(cells) != 1 or not kept or not all(key in placements.told[n] for n in kept):
            out.unread.setdefault(key, AMBIGUOUS)
            continue
        cell = next(iter(cells.values()))
        out.cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, 1.0, note)
        out.found.add(TABLES[key.split(".", 1)[0]])
