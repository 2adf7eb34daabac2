"""表二's one-column groups printed as their numbers under their column headers (pdfminer's extract_text) -> cells.

Where every cell is a text box of its own, pdfminer prints 表二's captions, row labels and headers, and each group's
numbers one a line after its column header (本年处理决定数量, 本年收费金额), a caption or page number sometimes
between them. A group of one column prints its rows top to bottom, in the grid's order (行政处罚 then 行政强制). A
group of several columns does not say its columns' order: synth_2_006's PDF prints 现行有效件数's numbers before
本年制发件数's, and no identity of 表二 tells them apart; those groups are left to the other readers. So between 表二's
title and 表三's, each group's numbers are those printed from its column header (the k-th such header for the k-th
group that has it) to the next group's, and a one-column group is read only when they are exactly its rows.
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
CONFIDENCE = 0.7  # placed by the printed order and the bounds, not by a header over it


def group_numbers(blocks: list[PrintedBlock], groups: list[ActiveGroup]) -> list[list[Cell]] | None:
    """Given the number blocks and 表二's groups, return each group's numbers: those printed from its first column's
    header on, until the next group's header (numbers before the first header belong to none); None when 表二's or
    表三's title is not printed."""
    heads = [norm(g.columns[0]["label"]) for g in groups]
    numbers: list[list[Cell]] = [[] for _ in groups]
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
            numbers[at] += block.values
    return None


def read_active_stream(blocks: list[PrintedBlock], out: ParsedTables) -> ParsedTables:
    """Given the number blocks of a text and the tables read so far, add the cells of 表二's one-column groups whose
    numbers, printed under their header, are exactly their rows."""
    if not blocks or out.version is None:
        return out
    groups = list(load_spec().versions[out.version].active)
    found = group_numbers(blocks, groups)
    if found is None:
        return out
    for group, numbers in zip(groups, found):
        keys = [f"active.{r['key']}.{group.columns[0]['key']}" for r in group.rows]
        if len(group.columns) != 1 or len(numbers) != len(keys) or any(k in out.cells for k in keys):
            continue
        for key, cell in zip(keys, numbers):
            out.cells[key] = CellValue(key, number(cell.text), cell.text.strip(), cell.where, CONFIDENCE, NOTE)
            out.unread.pop(key, None)
        out.found.add("二")
    return out
