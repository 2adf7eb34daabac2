"""A hypothesis helper shared by the Word tests: a python-docx table with drawn merges."""
from __future__ import annotations

import copy
from typing import Any

from docx.table import Table
from hypothesis import strategies as st


def add_merged_table(draw: st.DrawFn, document: Any, n_rows: int, n_cols: int) -> Any:
    """Given a draw, a python-docx Document and a size, add a table of that size with up to three drawn merges and
    return it."""
    table = document.add_table(rows=n_rows, cols=n_cols)
    for _ in range(draw(st.integers(0, 3))):
        r0, c0 = draw(st.integers(0, n_rows - 1)), draw(st.integers(0, n_cols - 1))
        r1, c1 = draw(st.integers(r0, n_rows - 1)), draw(st.integers(c0, n_cols - 1))
        kept = copy.deepcopy(table._tbl)
        try:
            table.cell(r0, c0).merge(table.cell(r1, c1))
            for row in table.rows:
                row.cells  # a merge python-docx left half made (a row it cannot read back) is refused too
        except Exception:  # python-docx refuses merges that cross an earlier one: keep the table as it was
            table._tbl.getparent().replace(table._tbl, kept)
            table = Table(kept, table._parent)
    return table
