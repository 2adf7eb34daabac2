"""表三 glued with no cell separators and its blank cells printed as nothing: the rows cut jointly, column by column.

A scraper's text of a page whose empty cells print nothing glues 表三's rows into 8213521859, 1818, 2581211: neither
where a row's digits split nor which columns the numbers fill is printed. A reading of a row is one cut per column,
in order (an empty piece is a blank cell, no leading zero except 0 itself); the total is what the digits leave after
the part columns. The identities stated per column (T3.balance, T3.results_sum) tie one column's pieces of every row
together, so the table is cut one column at a time, all rows at once, each cut pruned by the bounds of those
identities (a blank is 0, except that a side made only of row totals may print nothing); a row's own identity is
checked when its total is known. The part columns are alike to the identities, so readings are enumerated with the
filled part columns first, then placed every order-keeping way into the grid, 自然人 fixed where a row reads as one
number and a total equal to it (the equal pair of sparse.py). Of the readings that check the most identities, a
cell every placement gives alike is read; the others stay unread. Past MAX_STEPS the search gives up: nothing read,
never a guess.
"""
from __future__ import annotations

import functools
import operator
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from extraction.spec import Identity

MAX_STEPS = 75_000  # steps (pieces tried, bitset and sum work, columns checked) per table before giving up: 0.2-0.8 s of
# CPU; shanghai_govoffice_2019 glued needs 59,403
MAX_CELL_DIGITS = 9
MAX_REACHABLE = 1 << 22  # largest sum tracked exactly by a bitset (512 KB; larger needs are bounded, not tracked)
BITS_PER_STEP = 1 << 16  # a bitset shift over this many sums costs about one piece tried
MAX_SUM_TERMS = 2_000  # sums a row's leftover digits may add, past which they are not tracked
SUMS_PER_STEP = 32  # sums added up cost about one piece tried
COMPLETION_STEPS = 10  # a column cut in every row, its identities checked whole, costs about ten pieces tried
MAX_PLACED = 4_000  # readings of the whole table (each reading placed every way) kept before giving up

Cut = tuple[int, int]  # a piece's span in its row's digits (start == end: a blank cell)


@dataclass(frozen=True)
class GluedRow:
    """One 表三 row: its cell keys (parts, then the total) and its digits as printed ('' for a row printed blank)."""

    keys: tuple[str, ...]
    digits: str


@dataclass
class _Equation:
    """One identity over the grid: each side's (row, column) cells, and whether a side may print nothing."""

    lhs: tuple[tuple[int, int], ...]
    rhs: tuple[tuple[int, int], ...]
    blank_lhs: bool
    blank_rhs: bool
    name: str  # the identity's id: one per column of an identity stated per column


@dataclass
class Cutting:
    """What the joint search found: per row its readings in the grid (None: no reading, or it gave up), and the
    pieces it tried."""

    readings: list[list[tuple[Cut, ...]]] | None
    steps: int


class TooOpen(Exception):
    """The search passed its bound: the table is left unread."""


def _value(digits: str, cut: Cut) -> int | None:
    return int(digits[cut[0]:cut[1]]) if cut[1] > cut[0] else None


def _pieces(digits: str, start: int) -> list[Cut]:
    """Given a row's digits and where its next cell starts, return the cells that may start there: blank, or a number
    with no leading zero."""
    cuts = [(start, start)]
    if start < len(digits):
        longest = 1 if digits[start] == "0" else min(MAX_CELL_DIGITS, len(digits) - start)
        cuts += [(start, start + n) for n in range(1, longest + 1)]
    return cuts


def _equations(rows: list[GluedRow], identities: list[Identity], width: int) -> tuple[list[list[_Equation]], list[_Equation]] | None:
    """Given the rows, the identities and the grid's width, return the identities of the table per column (all cells
    in one column) and the others (all cells in one row); None when one names a cell of no row or spans rows and
    columns."""
    where = {key: (r, c) for r, row in enumerate(rows) for c, key in enumerate(row.keys)}
    total = width - 1
    per_column: list[list[_Equation]] = [[] for _ in range(width)]
    per_row: list[_Equation] = []
    for identity in identities:
        held = [k in where for k in identity.keys]
        if not any(held):
            continue  # another table's
        if not all(held):
            return None
        lhs = tuple(where[k] for k in identity.lhs)
        rhs = tuple(where[k] for k in identity.rhs)
        equation = _Equation(lhs, rhs, all(c == total for _, c in lhs), all(c == total for _, c in rhs), identity.id)
        columns = {c for _, c in lhs + rhs}
        if len(columns) == 1:
            per_column[columns.pop()].append(equation)
        elif len({r for r, _ in lhs + rhs}) == 1:
            per_row.append(equation)
        else:
            return None
    return per_column, per_row


def _side(cells: tuple[tuple[int, int], ...], values: list[list[int | None]]) -> tuple[int, bool]:
    """Given a side's cells and the values read, return its sum (a blank is 0) and whether it printed nothing."""
    printed = [values[r][c] for r, c in cells if values[r][c] is not None]
    return sum(printed), not printed


def _holds(equation: _Equation, values: list[list[int | None]]) -> tuple[bool, bool]:
    """Given an identity and a complete reading, return whether it holds and whether it was checked (both sides
    printed); a side allowed to print nothing that does leaves the identity holding, unchecked."""
    left, empty_l = _side(equation.lhs, values)
    right, empty_r = _side(equation.rhs, values)
    if (empty_l and equation.blank_lhs) or (empty_r and equation.blank_rhs):
        return True, False
    return left == right, not (empty_l or empty_r)


def _totals(digits: str) -> list[Cut]:
    """Given a row's digits, return the totals they may end with: a number with no leading zero, or blank (last: a
    printed total checks its row, and the best reading found early prunes the rest)."""
    cuts = [(len(digits) - n, len(digits)) for n in range(1, min(MAX_CELL_DIGITS, len(digits)) + 1)
            if n == 1 or digits[-n] != "0"]
    return cuts + [(len(digits), len(digits))]


def _split_sums(digits: str, cells: int, memo: dict[tuple[str, int], frozenset[int] | None],
                spend: Callable[[int], None]) -> frozenset[int] | None:
    """Given digits, the most cells they may fill, the sums found so far in this search and the step counter, return
    every sum a split of them into that many cells or fewer adds to (no leading zero except 0 itself); None when
    they are more than MAX_SUM_TERMS (not tracked)."""
    if not digits:
        return frozenset({0})
    if cells == 0 or len(digits) > cells * MAX_CELL_DIGITS:
        return frozenset()
    if (digits, cells) not in memo:
        longest = 1 if digits[0] == "0" else min(MAX_CELL_DIGITS, len(digits))
        sums: set[int] | None = set()
        for n in range(1, longest + 1):
            rest = _split_sums(digits[n:], cells - 1, memo, spend)
            if rest is None or sums is None:
                sums = None
                break
            spend(1 + len(rest) // SUMS_PER_STEP)
            sums.update(int(digits[:n]) + x for x in rest)
            if len(sums) > MAX_SUM_TERMS:
                sums = None
                break
        memo[digits, cells] = None if sums is None else frozenset(sums)
    return memo[digits, cells]


def cut_jointly(rows: list[GluedRow], identities: list[Identity], width: int) -> Cutting:
    """Given 表三's rows (every row of its version), the identities and the grid's width (the last column the total),
    return per row its readings in the grid (one cut per column) that some placement of a best reading of the table
    gives, none when no reading holds, the identities do not fit the search or it passed MAX_STEPS.

    The totals are cut first (each a row's last digits): a row whose total is printed then bounds what its part
    columns can add, which prunes the part columns' cuts from the first one on."""
    found = _equations(rows, identities, width)
    if found is None:
        return Cutting(None, 0)
    per_column, per_row = found
    parts = width - 1
    # Rows whose own identity is total = its part columns: a printed total is the sum their digits before it make.
    summed = {e.lhs[0][0] for e in per_row if len(e.lhs) == 1 and e.lhs[0][1] == parts and len(e.rhs) == parts}
    cuts: list[dict[int, Cut]] = [{} for _ in rows]
    values: list[list[int | None]] = [[None] * width for _ in rows]
    solutions: list[tuple[int, list[list[Cut]]]] = []
    steps = 0
    memo: dict[tuple[str, int], frozenset[int] | None] = {}
    best = 0  # the most identities a reading found so far checks
    weight = [sum(r in {x for x, _ in e.lhs + e.rhs} for e in per_column[0]) for r in range(len(rows))]
    # Rows in the most identities first, then the longest: they bound the sums the others must reach.
    order = sorted((r for r, row in enumerate(rows) if row.digits), key=lambda r: (-weight[r], -len(rows[r].digits), r))
    sequence = [parts, *range(parts)]

    def spend(cost: int) -> None:
        """Count work beyond the pieces tried (a bitset of many sums shifted) as steps, so the budget bounds it too."""
        nonlocal steps
        steps += cost
        if steps > MAX_STEPS:
            raise TooOpen

    def position(r: int, column: int) -> int:
        return cuts[r][column - 1][1] if column else 0

    def end(r: int) -> int:
        return cuts[r][parts][0]

    def options(r: int, column: int) -> list[Cut]:
        if column == parts:
            return _totals(rows[r].digits)
        start = position(r, column)
        if column == parts - 1:  # the last part column holds whatever the row's parts have left
            return [c for c in _pieces(rows[r].digits[:end(r)], start) if c[1] == end(r)]
        return _pieces(rows[r].digits[:end(r)], start)

    def row_allows(r: int, column: int) -> bool:
        """Whether the row's part cells so far can still add to its printed total with the digits left."""
        total = values[r][parts]
        if r not in summed or total is None:
            return True
        if column == parts:
            sums = _split_sums(rows[r].digits[:end(r)], parts, memo, spend)
            return sums is None or total in sums
        done = sum(v or 0 for v in values[r][:column + 1])
        sums = _split_sums(rows[r].digits[cuts[r][column][1]:end(r)], parts - 1 - column, memo, spend)
        return sums is None or total - done in sums

    def open_side(cells: tuple[tuple[int, int], ...], blankable: bool, column: int) -> bool:
        """Whether a side may still print nothing (a side of row totals with every cell cut so far blank)."""
        return blankable and all(values[r][column] is None for r, _ in cells if column in cuts[r])

    def possible(column: int) -> bool:
        """Whether each identity of the column can still hold, the rows not cut yet adding 0 up to their longest cell."""
        for equation in per_column[column]:
            if open_side(equation.lhs, equation.blank_lhs, column) or open_side(equation.rhs, equation.blank_rhs, column):
                continue
            low_l, high_l = _bounds(equation.lhs, column)
            low_r, high_r = _bounds(equation.rhs, column)
            if low_l > high_r or low_r > high_l:
                return False
        return True

    ceiling: dict[int, dict[int, int]] = {}  # per column being cut: the largest cell each row can still put in it

    def _bounds(cells: tuple[tuple[int, int], ...], column: int) -> tuple[int, int]:
        low = high = 0
        for r, _ in cells:
            if column in cuts[r]:
                low += values[r][column] or 0
                high += values[r][column] or 0
            else:
                high += ceiling[column].get(r, 0)
        return low, high

    reachable: list[tuple[_Equation, set[int], int, list[int]]] = []  # per identity of the column being cut

    def left_of_total(r: int, column: int) -> int:
        """What a row's part columns from this one on may add at most: its printed total less its parts so far (where
        its identity states it), else unbounded."""
        total = values[r][parts]
        if column == parts or r not in summed or total is None:
            return 10 ** MAX_CELL_DIGITS
        return total - sum(v or 0 for v in values[r][:column])

    def start_column(column: int) -> None:
        """Every row's first cell of the column is known: for each identity of it whose one side's rows are all cut
        after the other's, the sums the rows of that side from each depth on can still add (a bitset)."""
        reachable.clear()
        ceiling[column] = {r: min(max((_value(rows[r].digits, c) or 0 for c in options(r, column)), default=0),
                                  left_of_total(r, column)) for r in order}
        if column == parts - 2:  # the last part column, cut with this one, holds at most what the row has left
            ceiling[parts - 1] = {r: min(int(rows[r].digits[position(r, column):end(r)][-MAX_CELL_DIGITS:] or 0),
                                         left_of_total(r, column)) for r in order}
        depth_of = {r: d for d, r in enumerate(order)}
        for equation in per_column[column]:
            for side, other in ((equation.rhs, equation.lhs), (equation.lhs, equation.rhs)):
                mine = {r for r, _ in side if r in depth_of}
                before = max((depth_of[r] for r, _ in other if r in depth_of), default=-1)
                if not mine or min(depth_of[r] for r in mine) <= before or mine & {r for r, _ in other}:
                    continue
                # Sums past what the other side can reach, or past MAX_REACHABLE, are not tracked: a need beyond the
                # cap rules the reading out only when this side cannot reach it at all.
                most = sum(ceiling[column].get(r, 0) for r in mine)
                cap = min(most, sum(ceiling[column].get(r, 0) for r, _ in other), MAX_REACHABLE)
                choices = {r: {v for c in options(r, column) if (v := _value(rows[r].digits, c) or 0) <= cap} for r in mine}
                mask = (1 << (cap + 1)) - 1
                bits = [1] * (len(order) + 1)
                for d in range(len(order) - 1, -1, -1):
                    if order[d] in mine:
                        spend(len(choices[order[d]]) * (cap // BITS_PER_STEP))
                        bits[d] = functools.reduce(operator.or_, ((bits[d + 1] << v) & mask for v in choices[order[d]]), 0)
                    else:
                        bits[d] = bits[d + 1]
                reachable.append((equation, mine, cap if cap < MAX_REACHABLE else most, bits))
                break

    def reaches(column: int, depth: int) -> bool:
        """Whether each identity with a bitset can still hold: its other side cut, this side's sum still reachable."""
        for equation, mine, cap, bits in reachable:
            lhs_mine = any(r in mine for r, _ in equation.lhs)
            other, blank_other = (equation.rhs, equation.blank_rhs) if lhs_mine else (equation.lhs, equation.blank_lhs)
            side, blank_side = (equation.lhs, equation.blank_lhs) if lhs_mine else (equation.rhs, equation.blank_rhs)
            if any(column not in cuts[r] for r, _ in other if rows[r].digits):
                continue
            if open_side(other, blank_other, column) or open_side(side, blank_side, column):
                continue
            need = sum(values[r][column] or 0 for r, _ in other) - sum(values[r][column] or 0 for r, _ in side if column in cuts[r])
            if need < 0 or need > cap or (need <= MAX_REACHABLE and not (bits[depth] >> need) & 1):
                return False
        return True

    families: dict[str, tuple[set[int], set[int]]] = {}  # identity stated per part column -> its rows per side
    for column in range(parts):
        for e in per_column[column]:
            families.setdefault(e.name, ({r for r, _ in e.lhs}, {r for r, _ in e.rhs}))

    def left_over(r: int, first: int) -> frozenset[int] | None:
        """What the row's part columns from `first` on can still add (exactly its total less its parts so far, where
        its total is printed and its identity states it)."""
        digits = rows[r].digits
        if not digits:
            return frozenset({0})
        start = cuts[r][first - 1][1] if first else 0
        sums = _split_sums(digits[start:end(r)], parts - first, memo, spend)
        total = values[r][parts]
        if sums is not None and r in summed and total is not None:
            need = total - sum(v or 0 for v in values[r][:first])
            return frozenset({need}) & sums
        return sums

    def balanced(first: int) -> bool:
        """Whether every identity stated per column can still hold summed over the part columns from `first` on: each
        side's rows add what their digits left can, and some sum is common to both sides."""
        for lhs, rhs in families.values():
            left = [[left_over(r, first) for r in side] for side in (lhs, rhs)]
            if any(sums is None for side in left for sums in side):
                continue  # too many sums to track: the identity is checked per column only
            sides = [[sums for sums in side if sums is not None] for side in left]
            if any(not sums for side in sides for sums in side):
                return False
            cap = min(sum(max(sums) for sums in side) for side in sides)
            if cap > MAX_REACHABLE:
                continue
            mask = (1 << (cap + 1)) - 1
            reach = []
            for side in sides:
                bits = 1
                for sums in side:
                    spend(len(sums) * (cap // BITS_PER_STEP))
                    bits = functools.reduce(operator.or_, ((bits << v) & mask for v in sums if v <= cap), 0)
                reach.append(bits)
            if not reach[0] & reach[1]:
                return False
        return True

    def most_checked(column: int, paired: bool) -> int:
        """The most identities a reading can check once this column is cut: rows whose total is printed, the
        identities of the columns cut that print both sides, every identity of the part columns still to cut."""
        done = [parts] + list(range(column + 1 if column < parts else 0)) + ([parts - 1] if paired else [])
        rows_checked = sum(1 for e in per_row if all(values[r][c] is not None for r, c in e.lhs))
        columns_checked = sum(_holds(e, values)[1] for c in set(done) for e in per_column[c])
        return rows_checked + columns_checked + sum(len(per_column[c]) for c in range(parts) if c not in done)

    def finish() -> None:
        """Every column cut: keep the reading if every row's digits were used and its own identities hold."""
        nonlocal best
        if any(position(r, parts) != end(r) for r in order):
            return
        score = 0
        for equation in per_row + [e for column in range(width) for e in per_column[column]]:
            holds, checked = _holds(equation, values)
            if not holds:
                return
            score += checked
        grid = [[cuts[r][c] for c in range(width)] if row.digits else [(0, 0)] * width for r, row in enumerate(rows)]
        solutions.append((score, grid))
        best = max(best, score)

    def walk(step: int, depth: int) -> None:
        column = sequence[step]
        if depth == 0:
            start_column(column)
        if not reaches(column, depth):
            return
        paired = column == parts - 2  # the last part column is what this one leaves: both are cut at once
        if depth == len(order):
            spend(COMPLETION_STEPS)
            checked = [column, parts - 1] if paired else [column]
            if not all(_holds(e, values)[0] for c in checked for e in per_column[c]):
                return
            if most_checked(column, paired) < best:
                return
            if not balanced(0 if column == parts else parts if paired else column + 1):
                return
            filled = column == parts or any(values[r][column] is not None for r in order)
            if paired and not filled and any(values[r][parts - 1] is not None for r in order):
                return
            if filled and not paired and step + 1 < len(sequence):
                saved = list(reachable)
                walk(step + 1, 0)
                reachable[:] = saved
                return
            if not filled:  # the filled part columns come first: every later part column is blank too
                for r in order:
                    for later in range(column + 1, parts):
                        cuts[r][later] = cuts[r][column]
            finish()
            if not filled:
                for r in order:
                    for later in range(column + 1, parts):
                        del cuts[r][later]
            return
        r = order[depth]
        for cut in options(r, column):
            spend(1)
            cuts[r][column] = cut
            values[r][column] = _value(rows[r].digits, cut)
            last = (cut[1], end(r)) if paired else None
            fits = True
            if last is not None:
                fits = last in _pieces(rows[r].digits[:end(r)], cut[1])
                if fits:
                    cuts[r][parts - 1], values[r][parts - 1] = last, _value(rows[r].digits, last)
                    fits = row_allows(r, parts - 1) and possible(parts - 1)
            if fits and row_allows(r, column) and possible(column):
                walk(step, depth + 1)
            del cuts[r][column]
            values[r][column] = None
            if last is not None:
                cuts[r].pop(parts - 1, None)
                values[r][parts - 1] = None

    try:
        walk(0, 0)
    except TooOpen:
        return Cutting(None, steps)
    if not solutions:
        return Cutting(None, steps)
    top = max(score for score, _ in solutions)
    return Cutting(_placed([grid for score, grid in solutions if score == top], rows, width), steps)


def _placed(grids: list[list[list[Cut]]], rows: list[GluedRow], width: int) -> list[list[tuple[Cut, ...]]] | None:
    """Given readings of the table with the filled part columns first, return per row every reading of it in the grid:
    the filled columns placed every order-keeping way, 自然人 kept first where a row is an equal pair."""
    parts = width - 1
    out: list[dict[tuple[Cut, ...], None]] = [{} for _ in rows]
    count = 0
    for grid in grids:
        used = max((c + 1 for r, row in enumerate(rows) for c in range(parts) if grid[r][c][1] > grid[r][c][0]), default=0)
        anchored = any(_equal_pair(row.digits, grid[r], parts) for r, row in enumerate(rows))
        first = 1 if anchored and used else 0
        for targets in combinations(range(first, parts), used - first):
            columns = tuple(range(first)) + targets
            for r, row in enumerate(rows):
                blank = (grid[r][0][0], grid[r][0][0])
                placed = [blank] * parts
                for canonical, column in enumerate(columns):
                    placed[column] = grid[r][canonical]
                out[r][tuple(placed) + (grid[r][parts],)] = None
            count += 1
            if count > MAX_PLACED:
                return None
    return [list(readings) for readings in out]


def _equal_pair(digits: str, grid: list[Cut], parts: int) -> bool:
    """Whether a row reads as one number in its first part column and a total equal to it, nothing else."""
    filled = [c for c in range(parts) if grid[c][1] > grid[c][0]]
    total = _value(digits, grid[parts])
    return filled == [0] and total is not None and _value(digits, grid[0]) == total


def digits_of(text: str) -> str | None:
    """Given a run's printed text, return its digits (full-width read as ASCII) when it is digits and nothing else."""
    normal = unicodedata.normalize("NFKC", text)
    return normal if normal.isdigit() and normal.isascii() and len(normal) == len(text) else None
