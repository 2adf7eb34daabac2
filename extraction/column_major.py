"""表三 printed column by column over a whole text (pdfminer's extract_text of a ruled table) -> template cells.

pdfminer groups a ruled table's text boxes by proximity: the row labels come as one run of lines (a wrapped label
over several), then each numeric column as a run of values one a line, top to bottom. The runs are not the text
boxes extraction/blocks.py reads: a browser-printed page makes every cell a box of its own (a blank line after each),
the first column's values may come among the row labels (printed right beside them) and a caption, the 总计 header
or the next section's title may come between two columns. So this reader ignores the boxes and the lines between
the numbers and reads the table's numbers as one stream in printed order:

- the rows are those the label lines name, in the template's order (hongze prints 2019's single 三（六） row in a
  2021 report); a table over two pages prints each page's rows as a segment of its own (its labels, then its
  columns), so the rows are cut into at most two segments at every point;
- a segment of r rows is a window of 7 × r consecutive numbers read column by column: its 总计 column is any of
  the seven runs but the one beside the labels; 自然人 is the run printed among the row labels (pdfminer groups the
  labels with the column beside them: pingtan_2022 prints that group after the other columns), else the one run
  printed right after labels; the other parts follow in printed order when none is printed after 总计 (a column
  grouped with a page number is printed after its siblings: hongze's 其他) and no text is printed among them (a
  narrow column grouped with its header, printed where that group falls), else their order is unknown — no identity
  tells two part columns apart — and only 总计 and rows whose parts all print one number are told; or row by row,
  in the grid's order. A table printing only 自然人 and 总计 (the other parts blank, printing nothing) is a window
  of 2 × r, read only where 自然人's run is placed by the labels: any two equal runs would hold;
- a reading is kept when every row total holds and no other identity of template.yaml fails (T3.balance,
  T3.results_sum), the cells already read elsewhere fixed; a window of nothing but zeros witnesses nothing (every
  identity holds of it; but see the table of zeros below); every start of the window in the stream is tried, so a
  table of zeros shifted by one can hold too: a cell is read only when every kept reading reads and tells it alike
  (shared/design/placement.md), the others stay unread (`ambiguous_placement`). Nothing is read when no reading
  holds or the search runs past its step budget;
- where no window holds, the 总计 run may be printed apart (pdfminer groups that column with a box further down the
  page, and another table's numbers come between): the six part runs consecutive, 总计's starting later at a
  number printed right after text, its header;
- where still none holds, the table may print one wrong number: a whole-table window (not cut in two: a number
  moved across the cut would pass for one) under which every row total holds but one, and every identity but
  those on one cell of that row, with three other rows whose total is not 0, is a reading; its failure is the
  report's, a finding;
- where still none holds, a group of adjacent runs may be printed in two bands (pdfminer pairs adjacent columns'
  cells above a tall row before it pairs them with those under it): the group's top rows column by column, then
  its other rows; every group and cut of a whole-table window is weighed, and where none holds, each again with
  one wrong number as above (synth_11_016's PDF: every column's first 14 rows, then their other rows, and one row
  whose parts miss its 总计); a tall row's cells of the group may come as a band of their own between the two,
  where they alone are printed among the labels right after its label (synth_11_002's PDF: a wrapped
  1.本机关不掌握相关政府信息 grouped with its 自然人 and 商业企业 cells);
- where still none holds, a number printed alone among the row labels, right after a row's label, may be that
  row's 自然人 cell (pdfminer groups a tall row's label with the cell beside it and prints the group where it falls
  among the labels, away from its run): the windows above (not banded) are weighed again with it moved into the run
  that follows, at its row's place counted from the table's first row or from its own (its segment's first); the
  readings of every such move are kept together, so a cell is read only where all agree.

A table cut in two segments whose one segment prints its part columns in an order nothing tells (a run after 总计,
text among them) while the other's is printed, its 自然人 run placed by the row labels (not only by following a
column header: that run may be the header's column), takes each distinct assignment of that segment's part runs:
each part column's identities (T3.balance, T3.results_sum) tie its cells on both segments and choose. Two such
segments are read the unordered way (总计 and rows whose parts print one number). A table printed as exactly
7 × rows zeros with text right before and after them (and every number printed among its labels inside) reads 0
in every cell: every placement of zeros reads so.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from collections.abc import Iterator
from itertools import permutations, product

from extraction.blocks import TABLES, _column_heads, _label_lines
from extraction.digits import requests_rows
from extraction.document import Cell, PrintedBlock, Where
from extraction.ingest.text import is_lone_value
from extraction.labels import core, norm
from extraction.placement import AMBIGUOUS, number, status
from extraction.spec import Identity, Spec, load_spec
from extraction.tables import CellValue, ParsedTables, _Row, _RowMatcher, _note_requests_deviations, table_identities

BY_COLUMN = "全文数字按列读出（每列{rows}个数），总计列为第{n}个列块；自然人列为印在行标签间（或紧接行标签）的列块，其余部分列按印出顺序"
UNORDERED = "（各部分列顺序未知，只读总计列和各部分列读数相同的行）"
PERMUTED = "（各部分列顺序未知，按另一段的各列勾稽关系（结转平衡、办理结果之和）定列）"
BY_ROW = "全文数字按行读出（每行{width}个数）"
DETACHED = "（总计列印在其他数字之后）"
UNBALANCED = "（{rows}行各部分之和不等于总计，其余各行均相符）"
AGREED = "{n}种读法均满足勾稽关系，只读各读法读数相同的单元格"
MOVED = "（{row}行的自然人数字单独印在其行标签之后，移入自然人列读出）"
BANDED = "（第{first}至{last}个列块分两段印出：先各列第{cut}行以上，再各列其余各行）"
BANDED_TALL_ROW = "（第{first}至{last}个列块分三段印出：先各列第{cut}行以上，再各列下一行，再各列其余各行）"
ZEROS = "表三印出的{n}个数字（前后均为文字）全为0，无论如何排列各单元格均为0"
CONFIDENCE = 0.7  # placed by the identities and the printed order of the columns, not by a header over them
FILLED = (7, 2)  # columns that print numbers: all, or 自然人 and 总计 (the others blank: a small agency's table)
SLACK = (0, 1)  # rows that may miss their total: none, else one (a table that prints one wrong number)
WITNESSES = 3  # rows whose non-zero total holds that a reading with a row off needs: a run of zeros holds anywhere
MAX_STEPS = 30_000  # windows weighed (under a second); past it nothing is read
TITLE = "收到和处理政府信息公开申请"  # 表三's title (三、收到和处理政府信息公开申请情况)


@dataclass(frozen=True)
class Number:
    """A number of the stream, with how many 表三 row labels were printed before it (its column is the one beside
    the labels when labels are printed among its numbers) and whether any text was printed between it and the
    number before it (a header or a page number grouped with its column), and whether the last line printed
    before it is a column header (a header grouped with the numbers under it)."""

    cell: Cell
    labels_before: int
    after_text: bool = False
    after_head: bool = False
    row: str | None = None  # the 表三 row whose label is the last line printed before it


@dataclass(frozen=True)
class Reading:
    """One reading of 表三 or a segment of it: its cells by key, the keys it tells (a part column's cells are not
    told where the order of the part columns is unknown and their numbers differ), and how it was read."""

    cells: dict[str, Cell]
    told: frozenset[str]
    note: str
    unbalanced: frozenset[str] = frozenset()  # rows whose parts do not add up to their printed 总计
    permuted: int = 0  # segments whose part columns are placed by the column identities, not by printed order
    unordered: int = 0  # segments whose part order is unknown, read only where their parts print one number
    headed: int = 0  # segments whose 自然人 run is placed only by following a column header, not the row labels


def stream(blocks: list[PrintedBlock], matcher: _RowMatcher, heads: set[str]) -> list[Number]:
    """Given the number blocks of a text, return the numbers they print from 表三's first line on (its title, a
    column header or a row label: 表三's columns may come before its row labels, never before its headers), in
    printed order: a 表三 row label's line may end with its first column's number (3.危及“三安全一稳定” 0: the
    label box and the cell beside it on one line), printed before the block's own numbers."""
    out: list[Number] = []
    labels = 0
    started = False
    row = None
    for block in blocks:
        text_since = head_last = False
        for line in block.labels:
            text_since = True
            text = line.text.strip()
            label, _, last = text.rpartition(" ")
            if not is_lone_value(last):
                label = text
            head_last = norm(label) in heads
            row = None
            if head_last or TITLE in norm(label):
                started = True
                continue
            placed = matcher.requests_row(_Row([Cell(label, line.where)], [], False))
            if not placed:
                continue
            started = True
            labels += 1
            row = placed[0]
            if label != text:
                out.append(Number(Cell(last, line.where), labels, True, row=row))
                text_since = False
        if started:
            out += [Number(cell, labels, text_since and n == 0, head_last and n == 0, row if n == 0 else None)
                    for n, cell in enumerate(block.values)]
    return out


def table_rows(blocks: list[PrintedBlock], matcher: _RowMatcher, spec: Spec, version: str) -> list[str]:
    """Given the blocks, return the 表三 rows their label lines name, in the template's order: pdfminer prints a
    wrapped label's lines and a group label (（六）其他处理, printed beside its first sub-row) where their boxes
    fall, not in the rows' order. A row of one version whose label is the group label of rows printed with it
    (2019's （六）其他处理 over 2021's three) is that group's label, not a row."""
    heads = _column_heads(spec)
    named = {placed[0] for block in blocks for line in _label_lines(block) if norm(line) not in heads
             and (placed := matcher.requests_row(_Row([Cell(line, Where())], [], False))) is not None}
    template = [r for v in spec.versions.values() for r in v.requests_rows]
    groups = {core(r.group) for r in template if r.key in named and r.group}
    labels = {r.key: core(r.label) for r in template}
    return [key for key, _ in requests_rows(spec, version) if key in named and labels[key] not in groups]


def column_order(runs: list[list[Number]], total: int, labels_before: int) -> tuple[list[int], bool] | None:
    """Given a window's column runs, which is 总计 and how many row labels were printed before the window, return
    the runs in the grid's order and whether that order is known, or None when the run beside the row labels is
    总计 (the part columns sit between the labels and 总计).

    pdfminer groups the row labels with the column beside them, 自然人, and prints the group before or after the
    other columns: the one run printed among the labels, else the one run printed right after labels, is 自然人.
    The other parts follow in printed order when 总计 is printed last of them (a column grouped with a page number
    or a header is put out of that order, after 总计: hongze's 其他) and no text is printed among them (such a
    group printed before 总计); else their order is unknown."""
    beside = [n for n, run in enumerate(runs) if run[0].labels_before != run[-1].labels_before]
    after = [n for n, run in enumerate(runs) if run[0].labels_before > (runs[n - 1][-1].labels_before if n else labels_before)]
    parts = [n for n in range(len(runs)) if n != total]
    natural = beside if beside else after
    if len(natural) != 1:
        return parts + [total], False
    if natural[0] == total:
        return None
    rest = [n for n in parts if n != natural[0]]
    if not beside and rest and rest[-1] > total or _text_among(runs, rest):
        return parts + [total], False
    return natural + rest + [total], True


def _text_among(runs: list[list[Number]], parts: list[int]) -> bool:
    """Given a window's column runs and the part runs in printed order, return whether text is printed among the
    parts (anywhere after the first part's first number): pdfminer prints a column grouped with a header or a page
    number where that group's box falls, so a part printed after text may sit anywhere in the grid (a narrow
    商业企业 whose header wraps one character a line, printed after its four siblings)."""
    return any(number.after_text for n, run in enumerate(parts) for number in runs[run][0 if n else 1:])


def segment_readings(numbers: list[Number], values: list[float | int | None], start: int, rows: list[str],
                     columns: list[str], filled: int, slack: int = 0, total_last: bool = False,
                     permute: bool = False) -> list[Reading]:
    """Given the number stream and its values, a window's start, a segment's rows, the applicant columns, how many
    of them print numbers, how many rows may miss their total, whether the last run is 总计 and whether a segment
    whose part order is unknown may take each order of its part runs, return the readings of the window under
    which every other row total holds: column by column with each column (or the last) as 总计 in turn, and row by
    row (a full table). Where only 自然人 and 总计 print numbers, the part columns that print nothing are blank:
    read only where the 自然人 run is placed by the labels."""
    height, width = len(rows), len(columns)
    columns_off = {t: off for t in (range(filled - 1, filled) if total_last else range(filled)) if (off := _unbalanced_rows(
        values, [start + c * height for c in range(filled) if c != t], start + t * height, height, 1, slack)) is not None}
    rows_off = _unbalanced_rows(values, [start + c for c in range(width - 1)], start + width - 1, height, width,
                                slack) if height > 1 and filled == width and not total_last else None
    if not (columns_off or rows_off is not None) or not any(values[start:start + height * filled]):
        return []  # nothing but zeros: every identity holds of any such run, so none witnesses this one
    window = numbers[start:start + height * filled]
    keys = [[f"requests.{r}.{c}" for c in columns] for r in rows]
    runs = [window[c * height:(c + 1) * height] for c in range(filled)]
    out = []
    for total, off in columns_off.items():
        ordered = column_order(runs, total, numbers[start - 1].labels_before if start else 0)
        if ordered is None:
            continue
        order, known = ordered
        if filled < width and not known:
            continue  # two equal runs anywhere (two part columns alike) would hold: only the labels place them
        if permute and not known:
            out += part_orders(runs, order, keys, rows, off, BY_COLUMN.format(rows=height, n=total + 1)
                               + (DETACHED if total_last else "") + PERMUTED)
        grid = [[runs[c][r].cell for c in order] for r in range(height)]
        if filled < width:  # 自然人 and 总计 only
            grid = [row[:1] + [Cell("", row[-1].where)] * (width - filled) + row[1:] for row in grid]
        same = [r for r in range(height) if len({norm(cell.text) for cell in grid[r][:-1]}) == 1 and filled == width]
        told = frozenset(keys[r][c] for r in range(height) for c in range(width) if known or c == width - 1 or r in same)
        note = (BY_COLUMN.format(rows=height, n=total + 1) + (DETACHED if total_last else "") + ("" if known else UNORDERED)
                + _unbalanced_note(rows, off))
        natural = runs[order[0]]
        beside_headers = known and natural[0].after_head and natural[0].labels_before == natural[-1].labels_before
        out.append(Reading({keys[r][c]: grid[r][c] for r in range(height) for c in range(width)}, told, note,
                           frozenset(rows[r] for r in off), unordered=int(not known), headed=int(beside_headers)))
    if rows_off is not None:
        grid = [[n.cell for n in window[r * width:(r + 1) * width]] for r in range(height)]
        out.append(Reading({keys[r][c]: grid[r][c] for r in range(height) for c in range(width)},
                           frozenset(k for row in keys for k in row), BY_ROW.format(width=width) + _unbalanced_note(rows, rows_off),
                           frozenset(rows[r] for r in rows_off)))
    return out


def part_orders(runs: list[list[Number]], order: list[int], keys: list[list[str]], rows: list[str], off: list[int],
                note: str) -> list[Reading]:
    """Given a window's column runs, them in some order with 总计 last, the segment's cell keys, rows, the rows that
    miss their total and the note, return a reading for each distinct assignment of the part runs to the part
    columns (runs printing the same numbers are one): nothing printed tells them apart, so the column identities
    across the table's other segment must."""
    parts, total = order[:-1], order[-1]
    texts = {n: tuple(norm(number.cell.text) for number in runs[n]) for n in parts}
    seen: set[tuple[tuple[str, ...], ...]] = set()
    out = []
    for placed in permutations(parts):
        shape = tuple(texts[n] for n in placed)
        if shape in seen:
            continue
        seen.add(shape)
        grid = [[runs[c][r].cell for c in (*placed, total)] for r in range(len(rows))]
        out.append(Reading({keys[r][c]: grid[r][c] for r in range(len(rows)) for c in range(len(keys[r]))},
                           frozenset(k for row in keys for k in row), note + _unbalanced_note(rows, off),
                           frozenset(rows[r] for r in off), 1))
    return out


def _unbalanced_note(rows: list[str], off: list[int]) -> str:
    """Given a segment's rows and those that miss their total, return what the placement note says of them."""
    return UNBALANCED.format(rows="、".join(rows[r] for r in off)) if off else ""


def _unbalanced_rows(values: list[float | int | None], parts: list[int], total: int, height: int, step: int,
                     slack: int) -> list[int] | None:
    """Given the stream's values, where each part column's and the 总计 column's first cell sits, the rows, the
    distance from a cell to the one below it and how many rows may miss their total, return the rows whose parts
    do not add up to their total (a blank part adds nothing); None when more than `slack` rows miss it."""
    off: list[int] = []
    for r in range(height):
        value = values[total + r * step]
        if value is None or abs(sum(values[p + r * step] or 0 for p in parts) - value) > 1e-6:
            off.append(r)
            if len(off) > slack:
                return None
    return off


def splits(rows: list[str]) -> list[list[list[str]]]:
    """Given the table's rows, return them whole and cut in two at every row (a table over two pages: pdfminer
    prints each page's labels, then its columns)."""
    return [[rows]] + [[rows[:cut], rows[cut:]] for cut in range(1, len(rows))]


def holding_readings(numbers: list[Number], rows: list[str], columns: list[str], identities: list[Identity],
                     fixed: dict[str, float | int | None], relocate: bool = True) -> list[Reading] | None:
    """Given the number stream, the table's rows and columns, its identities and the cells read elsewhere, return
    every joint reading of the table under which no identity fails, else those of the whole table with its 总计 run
    printed after other numbers; else the same under which one row misses its total and no identity fails but
    those on one cell of that row (a table that prints one wrong number: its failure is a finding, not a reason to
    leave the table unread; a table cut in segments is not read so, as one number moved across a cut would pass
    for such a wrong number); None when the search runs past its budget."""
    printed = [number(n.cell.text) for n in numbers]
    steps = 0
    for slack, detached in product(SLACK, (None, *FILLED)):
        found: list[Reading] = zero_tables(numbers, printed, rows, columns) if (slack, detached, relocate) == (0, None, True) else []
        found = [reading for reading in found if _holds(reading, identities, fixed)]
        for stream_numbers, values, start, segments, filled in windows(numbers, printed, rows, slack, detached):
            partial: list[Reading] = [Reading({}, frozenset(), "")]
            steps += 1
            at = start
            for segment in segments:
                readings = segment_readings(stream_numbers, values, at, segment, columns, filled, slack,
                                            detached is not None, permute=len(segments) > 1)
                steps += len(partial) * len(readings)
                partial = [Reading({**p.cells, **r.cells}, p.told | r.told, "；".join(filter(None, (p.note, r.note))),
                                   p.unbalanced | r.unbalanced, p.permuted + r.permuted, p.unordered + r.unordered,
                                   p.headed + r.headed)
                           for p in partial for r in readings if len(p.unbalanced | r.unbalanced) <= slack
                           and _may_join(p, r, len(segments))]
                at += filled * len(segment)
                if not partial:
                    break
            if steps > MAX_STEPS:
                return None
            found += [reading for reading in partial if _ordered_alike(reading, len(segments))
                      and _holds(reading, identities, fixed)]
        if found:
            return found
    if not relocate:
        return []
    found = banded_readings(numbers, printed, rows, columns, identities, fixed)
    if found is None or found:
        return found
    for moved, row in relocated_streams(numbers, rows):
        readings = holding_readings(moved, rows, columns, identities, fixed, relocate=False)
        if readings is None:
            return None
        found += [replace(r, note=r.note + MOVED.format(row=row)) for r in readings]
    return found


def relocated_streams(numbers: list[Number], rows: list[str]) -> Iterator[tuple[list[Number], str]]:
    """Given the number stream and the table's rows, yield it with one number printed alone among the row labels,
    right after a row's label, moved into the 自然人 run that follows it, and that row: pdfminer groups a tall row's
    label with the cell beside it and prints the group where it falls among the labels, away from its column's
    other cells. Its place in that run is its row's (the run's first row the table's first, or that row: its
    segment's first). A stream so moved reads no table of zeros: the number printed among the labels is the
    table's, and zero_tables weighs it where it was printed."""
    at_row = {row: n for n, row in enumerate(rows)}
    for i, moved in enumerate(numbers):
        if moved.row not in at_row or i == len(numbers) - 1:
            continue
        if not (numbers[i - 1].labels_before if i else 0) < moved.labels_before < numbers[i + 1].labels_before:
            continue
        rest = numbers[:i] + numbers[i + 1:]
        for at in sorted({i, i + at_row[moved.row]}):
            if at < len(rest):
                yield rest[:at] + [Number(moved.cell, rest[at].labels_before)] + rest[at:], moved.row


def banded_readings(numbers: list[Number], printed: list[float | int | None], rows: list[str], columns: list[str],
                    identities: list[Identity], fixed: dict[str, float | int | None]) -> list[Reading] | None:
    """Given the number stream, its values, the table's rows and columns, its identities and the cells read
    elsewhere, return every reading of a whole-table window with a group of its runs printed in two bands under
    which no identity fails, else those under which one row misses its total (as holding_readings weighs them);
    None when the search runs past its budget."""
    found: list[Reading] = []
    steps = 0
    for slack in SLACK:
        for regrouped, values, note in banded_windows(numbers, printed, rows, len(columns)):
            steps += 1
            if steps > MAX_STEPS:
                return None
            start = len(regrouped) - len(rows) * len(columns)
            found += [Reading(r.cells, r.told, r.note + note, r.unbalanced)
                      for r in segment_readings(regrouped, values, start, rows, columns, len(columns), slack)
                      if _holds(r, identities, fixed)]
        if found:
            return found
    return found


def banded_windows(numbers: list[Number], printed: list[float | int | None], rows: list[str],
                   width: int) -> Iterator[tuple[list[Number], list[float | int | None], str]]:
    """Given the number stream, its values, the table's rows and its width, yield each whole-table window with a
    group of two or more of its runs (consecutive in printed order) printed in two bands: the group's top rows
    column by column, then its other rows column by column (pdfminer pairs the cells of adjacent columns above a
    tall row before it pairs them with the cells under it: 自然人 and 商业企业's first rows printed before the rest
    of each) — as the number before the window (column_order weighs it) and the window put back in column order,
    their values and the placement note."""
    height = len(rows)
    size = height * width
    for start in range(len(numbers) - size + 1):
        lead = list(range(start - 1, start)) if start else []
        for first in range(width - 1):
            for count in range(2, width - first + 1):
                group = range(start + first * height, start + (first + count) * height)
                for cuts in band_cuts(height):
                    if len(cuts) > 1 and not _printed_after_label(numbers, group.start + count * cuts[0], count,
                                                                  rows[cuts[0]]):
                        continue
                    runs = banded_runs(group, count, (0, *cuts, height))
                    order = [*lead, *range(start, group.start), *(at for run in runs for at in run),
                             *range(group.stop, start + size)]
                    note = BANDED if len(cuts) == 1 else BANDED_TALL_ROW
                    yield ([numbers[at] for at in order], [printed[at] for at in order],
                           note.format(first=first + 1, last=first + count, cut=cuts[0]))


def _printed_after_label(numbers: list[Number], first: int, count: int, row: str) -> bool:
    """Given the number stream, where a band of count numbers starts and the row it is weighed as, return whether
    those numbers, and only they, are printed among the labels, right after that row's label or after a line no
    row's (a wrapped label's last piece: 1.本机关不掌握相关政府信 / 息)."""
    band = numbers[first:first + count]
    labels = band[0].labels_before
    return (band[0].row in (None, row) and all(n.labels_before == labels for n in band)
            and (first == 0 or numbers[first - 1].labels_before < labels)
            and (first + count == len(numbers) or numbers[first + count].labels_before > labels))


def band_cuts(height: int) -> Iterator[tuple[int, ...]]:
    """Given a table's height, yield the rows where a group of runs may be cut into bands: once anywhere, or
    around one row printed as a band of its own (a tall row, its wrapped label grouped with its cells, printed
    among the labels between the rows above and under it: banded_windows weighs it only so printed)."""
    for cut in range(1, height):
        yield (cut,)
        if cut < height - 1:
            yield cut, cut + 1


def banded_runs(group: range, count: int, bounds: tuple[int, ...]) -> list[list[int]]:
    """Given the stream positions of a group of count runs printed in bands (each band's rows column by column)
    and the bands' row bounds, return each run's positions top to bottom."""
    runs: list[list[int]] = [[] for _ in range(count)]
    at = group.start
    for top, bottom in zip(bounds, bounds[1:]):
        for run in runs:
            run += range(at, at + bottom - top)
            at += bottom - top
    return runs


def zero_tables(numbers: list[Number], values: list[float | int | None], rows: list[str],
                columns: list[str]) -> list[Reading]:
    """Given the number stream, its values, the table's rows and columns, return the reading of each run of
    exactly 7 × rows zeros with text printed right before and after it (or the stream's end) that holds every
    number printed among the table's row labels: a table printed as nothing but zeros reads 0 in every cell
    whichever way its numbers are placed, and text on both sides says the run is the table's numbers, not zeros of
    a table whose other numbers are printed elsewhere."""
    size = len(rows) * len(columns)
    keys = [f"requests.{r}.{c}" for c in columns for r in rows]
    last_label = max((n.labels_before for n in numbers), default=0)
    # printed after two of its row labels and before its last: the table's (one line before 表二's numbers may
    # read as a row label, 信息内容)
    among = [at for at, n in enumerate(numbers) if 1 < n.labels_before < last_label]
    out = []
    for start in range(len(numbers) - size + 1):
        end = start + size
        if (start and not numbers[start].after_text) or (end < len(numbers) and not numbers[end].after_text):
            continue
        if among and not start <= among[0] <= among[-1] < end:
            continue  # a number printed among the table's row labels is the table's
        if any(value != 0 for value in values[start:end]):
            continue
        out.append(Reading(dict(zip(keys, (n.cell for n in numbers[start:end]))), frozenset(keys),
                           ZEROS.format(n=size)))
    return out


def _may_join(left: Reading, right: Reading, segments: int) -> bool:
    """Given the reading of a table's first segments, one of its next segment and how many segments it has, return
    whether they may make one reading: part runs placed by the identities need a segment whose order is printed
    (a whole table of them holds in every order) and are not mixed with a segment read the unordered way."""
    permuted, unordered = left.permuted + right.permuted, left.unordered + right.unordered
    return permuted < segments and not (permuted and unordered)


def _ordered_alike(reading: Reading, segments: int) -> bool:
    """Given a reading of a whole table and its segments, return whether its segments of unknown part order are
    read the one way they may be: placed by the identities where a segment's order is printed (the unordered way
    would leave their parts unread), else the unordered way; placed by the identities only beside a segment whose
    自然人 run the row labels place (the run right after a column header may be that header's column: 其他's
    header grouped with its numbers, printed first)."""
    anchors = segments - reading.permuted - reading.unordered - reading.headed
    return not reading.unordered if anchors else not reading.permuted


Window = tuple[list[Number], list[float | int | None], int, list[list[str]], int]


def windows(numbers: list[Number], printed: list[float | int | None], rows: list[str], slack: int,
            detached: int | None) -> Iterator[Window]:
    """Given the number stream, its values, the table's rows, how many rows may miss their total and, where 总计 is
    printed apart, how many columns print (all first: 自然人 and 总计 alone would read a table whose other parts
    print zeros as blank), yield each window to weigh: its stream, values, start, segments and how many columns
    print.

    A window is 7 × rows consecutive numbers (or 2 × rows: 自然人 and 总计 only), the table whole or cut in two
    segments (slack 0 only). Where 总计 is printed apart (pdfminer groups its column with a box further down the
    page: other numbers, 表四's, come between), the part runs (six, or 自然人 alone) are consecutive and the 总计 run
    starts later at a number printed right after text (its header): the stream is the parts followed by that run."""
    height = len(rows)
    if detached is None:
        for filled, segments in product(FILLED, splits(rows)[:1] if slack else splits(rows)):
            for start in range(len(numbers) - filled * height + 1):
                yield numbers, printed, start, segments, filled
        return
    for start in range(len(numbers) - detached * height + 1):
        parts_end = start + (detached - 1) * height
        for at in range(parts_end + 1, len(numbers) - height + 1):
            if numbers[at].after_text:
                yield (numbers[:parts_end] + numbers[at:at + height], printed[:parts_end] + printed[at:at + height],
                       start, [rows], detached)


def _holds(reading: Reading, identities: list[Identity], fixed: dict[str, float | int | None]) -> bool:
    """Given a reading, the table's identities and the cells read elsewhere, return whether it reads those cells
    alike and no identity fails, or, where a row misses its total, none fails but those on one cell of that row
    (the one wrong number), with WITNESSES other rows whose total is not 0 (zeros and one row of numbers is no
    table)."""
    values = {**fixed, **{k: number(c.text) for k, c in reading.cells.items()}}
    if not _agrees(reading, fixed):
        return False
    if not reading.unbalanced:
        return all(status(i, values) != 0 for i in identities)
    (row,) = reading.unbalanced
    off = f"requests.{row}."
    if sum(1 for k, v in values.items() if k.endswith(".total") and v and not k.startswith(off)) < WITNESSES:
        return False
    suspects = [k for k in reading.cells if k.startswith(off) and "." not in k[len(off):]]
    return any(all(status(i, values) != 0 for i in identities if suspect not in i.lhs + i.rhs) for suspect in suspects)


def _agrees(reading: Reading, fixed: dict[str, float | int | None]) -> bool:
    """Given a reading and the cells read elsewhere, return whether it reads those cells alike."""
    return all(number(cell.text) == fixed[key] for key, cell in reading.cells.items() if key in fixed)


def read_column_major(blocks: list[PrintedBlock], out: ParsedTables) -> ParsedTables:
    """Given the number blocks of a text and the tables read so far, add the 表三 cells every reading of the whole
    number stream under the identities reads alike; mark the others of its rows unread."""
    if not blocks or out.version is None:
        return out
    spec = load_spec()
    matcher = _RowMatcher(spec)
    rows = table_rows(blocks, matcher, spec, out.version)
    columns = spec.column_keys
    keys = [f"requests.{r}.{c}" for r in rows for c in columns]
    if len(rows) < 2 or all(k in out.cells for k in keys):
        return out
    printed = "v2019" if "result.other" in rows else "v2021" if any(r.startswith("result.other.") for r in rows) else out.version
    identities = [i for i in table_identities(spec)[(printed, out.version)] if i.id.startswith("T3")]
    fixed = {k: c.value for k, c in out.cells.items() if k.startswith("requests.")}
    found = holding_readings(stream(blocks, matcher, _column_heads(spec)), rows, columns, identities, fixed)
    if not found:
        return out
    _put(out, found, keys)
    seen = sorted({k.split(".", 1)[1].rsplit(".", 1)[0] for k in out.cells if k.startswith("requests.") and k.endswith(".total")})
    before = list(out.deviations)
    _note_requests_deviations(out, spec.versions[out.version], seen)
    out.deviations = before + [d for d in out.deviations[len(before):] if all(d.row != b.row for b in before)]
    return out


def _put(out: ParsedTables, found: list[Reading], keys: list[str]) -> None:
    """Given the holding readings and the table's keys, put each unread cell they all read alike; mark the rest
    unread."""
    note = found[0].note if len(found) == 1 else AGREED.format(n=len(found))
    for key in keys:
        if key in out.cells:
            continue
        texts = {norm(reading.cells[key].text) for reading in found}
        if len(texts) != 1 or not all(key in reading.told for reading in found):
            out.unread.setdefault(key, AMBIGUOUS)
            continue
        cell = found[0].cells[key]
        out.cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, CONFIDENCE, note)
        out.unread.pop(key, None)
        out.found.add(TABLES["requests"])
