"""表二's one-column groups printed as their numbers under their column headers (pdfminer's extract_text) -> cells.

Where every cell is a text box of its own, pdfminer prints 表二's captions, row labels and headers, and each group's
numbers one a line after its column header (本年处理决定数量, 本年收费金额), a caption or page number sometimes
between them. A group of one column prints its rows top to bottom, in the grid's order (行政处罚 then 行政强制). A
group of several columns does not say its columns' order: synth_2_006's PDF prints 现行有效件数's numbers before
本年制发件数's, and no identity of 表二 tells them apart; those groups are left to the other readers. So between 表二's
title and 表三's, each group's numbers are those printed from its column header (the k-th such header for the k-th
group that has it) to the next group's, and a one-column group is read only when they are exactly its rows.

A group of several columns prints each cell as a box of its own, and a column's cells, one row apart, sit nearer
each other than a row's, one column apart (a column is as wide as its header, 本年制发件数): pdfminer pairs a
column's cells first and prints them top to bottom, the columns in an order nothing printed tells (synth_2_006).
So its numbers are its columns one after another, and a row is read only where every column prints the same
number there (a 规章 row of 0 0 0): whichever column is which, that cell is that number.

A group of one row and several columns (2019's 政府集中采购: 采购项目数量, 采购总金额) prints each header's box grouped
with the one cell under it: a number printed alone right after its column's header is that cell, where that header
is printed once in 表二 and names no other group's column (上一年项目数量 heads three groups' columns).
"""
from __future__ import annotations

from extraction.document import Cell, PrintedBlock
from extraction.labels import norm
from extraction.placement import number
from extraction.spec import ActiveGroup, load_spec
from extraction.tables import CellValue, ParsedTables

TITLE = "主动公开政府信息情况"  # 二、主动公开政府信息情况
NEXT_TITLE = "收到和处理政府信息公开申请"  # 三、收到和处理政府信息公开申请情况
NOTE = "表二单列的组：其数字印在该列表头之后、下一组表头之前，自上而下按行"
SAME_IN_EVERY_COLUMN = "表二多列的组：数字逐列印出（列序不明），该行各列印出同一数字"
UNDER_HEADER = "表二单行多列的组：该数字单独紧接其列表头印出（表头在表二中只印一次）"
CONFIDENCE = 0.7  # placed by the printed order and the bounds, not by a header over it


def group_numbers(blocks: list[PrintedBlock], groups: list[ActiveGroup]) -> list[list[list[Cell]]] | None:
    """Given the number blocks and 表二's groups, return each group's numbers in their text boxes: those printed
    from its first column's header on, until the next group's header (numbers before the first header belong to
    none); None when 表二's or 表三's title is not printed."""
    heads = [norm(g.columns[0]["label"]) for g in groups]
    numbers: list[list[list[Cell]]] = [[] for _ in groups]
    at, inside = -1, False
    for block in blocks:
        for line in block.labels:
            text = norm(line.text)
            if NEXT_TITLE in text:
                return numbers if inside else None
            inside = inside or TITLE in text
            if inside and at + 1 < len(groups) and heads[at + 1] in text:
                at += 1
        if inside and at >= 0:
            numbers[at] += block.boxes
    return None


def section_blocks(blocks: list[PrintedBlock]) -> list[PrintedBlock]:
    """Given the number blocks, return those printed from 表二's title to 表三's (none when either is missing)."""
    out: list[PrintedBlock] = []
    inside = False
    for block in blocks:
        texts = [norm(line.text) for line in block.labels]
        if inside and any(NEXT_TITLE in text for text in texts):
            return out
        inside = inside or any(TITLE in text for text in texts)
        if inside:
            out.append(block)
    return []


def under_headers(section: list[PrintedBlock], group: ActiveGroup, groups: list[ActiveGroup]) -> dict[str, Cell]:
    """Given 表二's blocks, a group of one row and its version's groups, return by column key each cell printed alone
    right after its column's header, that header printed once in 表二 and heading no other group's column."""
    headers = [norm(line.text) for block in section for line in block.labels]
    elsewhere = {norm(c["label"]) for g in groups if g is not group for c in g.columns}
    out: dict[str, Cell] = {}
    for column in group.columns:
        header = norm(column["label"])
        if header in elsewhere or headers.count(header) != 1:
            continue
        for block in section:
            if block.labels and norm(block.labels[-1].text) == header and len(block.values) == 1:
                out[column["key"]] = block.values[0]
    return out


def same_in_every_column(boxes: list[list[Cell]], rows: int, columns: int) -> dict[int, Cell]:
    """Given a group's numbers in their boxes and its shape, return by row index the cell of each row whose columns
    all print the same number, when the numbers are exactly its columns one after another (no box holds the end of
    one column and the start of the next); else nothing."""
    cells = [cell for box in boxes for cell in box]
    ends, at = set(), 0
    for box in boxes:
        at += len(box)
        ends.add(at)
    if len(cells) != rows * columns or any(end not in ends for end in range(rows, len(cells), rows)):
        return {}
    runs = [cells[start:start + rows] for start in range(0, len(cells), rows)]
    return {row: runs[0][row] for row in range(rows)
            if len({norm(run[row].text) for run in runs}) == 1}


def read_active_stream(blocks: list[PrintedBlock], out: ParsedTables) -> ParsedTables:
    """Given the number blocks of a text and the tables read so far, add the cells of 表二's one-column groups whose
    numbers, printed under their header, are exactly their rows, of one-row groups' columns whose one number is
    printed alone right after their own header, and of the other groups' rows that print one number in every
    column (each such cell placed at the first column's printed number)."""
    if not blocks or out.version is None:
        return out
    groups = list(load_spec().versions[out.version].active)
    found = group_numbers(blocks, groups)
    if found is None:
        return out
    section = section_blocks(blocks)
    for group, boxes in zip(groups, found):
        if len(group.rows) == 1 and len(group.columns) > 1:
            row = group.rows[0]["key"]
            for column, cell in under_headers(section, group, groups).items():
                _put(out, {f"active.{row}.{column}": cell}, UNDER_HEADER)
        if len(group.columns) > 1:
            for row, cell in same_in_every_column(boxes, len(group.rows), len(group.columns)).items():
                keys = [f"active.{group.rows[row]['key']}.{c['key']}" for c in group.columns]
                _put(out, {key: cell for key in keys}, SAME_IN_EVERY_COLUMN)
            continue
        numbers = [cell for box in boxes for cell in box]
        keys = [f"active.{r['key']}.{group.columns[0]['key']}" for r in group.rows]
        if len(numbers) == len(keys):
            _put(out, dict(zip(keys, numbers)), NOTE)
    return out


def _put(out: ParsedTables, cells: dict[str, Cell], note: str) -> None:
    """Given the tables read so far and cells by key, add them, unless one of them is read already."""
    if any(key in out.cells for key in cells):
        return
    for key, cell in cells.items():
        out.cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, CONFIDENCE, note)
        out.unread.pop(key, None)
    out.found.add("二")
