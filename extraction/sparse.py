"""表三 (and 表四) printed with its blank cells as nothing: which columns a row's numbers fill, as the identities alone say.

Converters that keep a cell's text but not its place (a PDF library's lines, a scraper's text nodes, a browser's
spaced columns) print `（一）予以公开 258 12 1 1` for a row whose 科研机构, 社会公益组织 and 总计 are blank. The
printed order is kept, so a row of k numbers fills k of the grid's columns in order: every such placement is a
hypothesis, and the whole table is read jointly under the template's identities, read strictly — a blank is 0 —
except that a report may leave row totals blank over printed parts (a side of an identity made only of 总计 cells,
all blank, checks nothing). A row whose label was printed with no number is blank. Every reading that satisfies
every identity is enumerated; a cell all of them read alike is read, the others stay unread. Nothing is read when
a row of the table is missing, when no reading holds (the report's own sums may be broken: no error is built on a
placement guessed here) or when the readings are too many to enumerate. 表四 printed as one row of fewer numbers than
its fifteen cells is read the same way: its three groups' outcomes add to their 总计, strictly (a blank is 0).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from extraction.document import Cell, Where
from extraction.placement import Candidate, Slot, number
from extraction.spec import Identity

SPARSE_NOTE = "空白格未印出，按勾稽关系定位"
SPARSE_CONFIDENCE = 0.7  # a cell placed by the identities alone, not by where it was printed
PAIR_CONFIDENCE = 0.6  # 自然人 and 总计 read from two equal numbers of a row whose blanks were not printed, and the
# cells the identities place around such rows
MAX_NODES = 20_000  # partial readings tried before the table is given up as too open to enumerate

Numbers = tuple[float | int | None, ...]


@dataclass
class Row:
    """One 表三 row to read: its cell keys, its printed numbers in order (None: a row whose readings its layout
    gives, `fixed`), and where a blank cell of it is."""

    keys: tuple[str, ...]
    printed: tuple[Cell, ...] | None
    where: Where | None
    fixed: list[Candidate] = field(default_factory=list)
    columns: tuple[int, ...] | None = None  # where the printed numbers sit, when the blank cells around them were printed


def placements(printed: tuple[Cell, ...], width: int, where: Where | None, allowed: tuple[int, ...]) -> list[Candidate]:
    """Given a row's printed numbers (blanks not printed), the grid's width, where the row is and the columns the
    numbers may fill, return every reading that puts the numbers in that order into those columns, the rest blank."""
    blank = Cell("", where)
    out: list[Candidate] = []
    for columns in combinations(allowed, len(printed)):
        cells: list[Cell | None] = [blank] * width
        for column, cell in zip(columns, printed):
            cells[column] = cell
        out.append(Candidate(tuple(cells), "shifted", SPARSE_NOTE))
    return out


TOLERANCE = 1e-6
Term = tuple[int, tuple[int, ...]]  # a row and the columns of it a side adds


@dataclass
class _Side:
    """One side of an identity over the rows: per row, the columns it adds and the most they can add; whether it is
    made only of cells a report may leave blank (row totals: such a side printing nothing checks nothing)."""

    terms: list[Term]
    widest: list[float]
    blankable: bool

    def bounds(self, picks: list[Numbers | None]) -> tuple[float, float, bool]:
        """Given the readings picked so far (None: not yet), return the side's least and greatest sum (a blank is 0)
        and whether it may still print nothing."""
        low = high = 0.0
        empty = self.blankable
        for (row, columns), most in zip(self.terms, self.widest):
            pick = picks[row]
            if pick is None:
                high += most
                continue
            for column in columns:
                value = pick[column]
                if value is not None:
                    low += value
                    high += value
                    empty = False
        return low, high, empty


@dataclass
class _Check:
    """One identity (or the sum of one identity's column equations) over the rows."""

    lhs: _Side
    rhs: _Side
    rows: frozenset[int]
    summed: bool = False  # the sum of an identity's column equations, not one the template states

    def could_hold(self, picks: list[Numbers | None]) -> bool:
        """Given a partial reading under which the identity can still hold, return whether it may count as holding."""
        return not self.summed and (any(picks[r] is None for r in self.rows) or self.holds(picks))

    def holds(self, picks: list[Numbers | None]) -> bool:
        """Given a complete reading, return whether the identity holds with both sides printed (checked, not blank)."""
        low1, _, empty1 = self.lhs.bounds(picks)
        low2, _, empty2 = self.rhs.bounds(picks)
        return not self.summed and not (empty1 or empty2) and abs(low1 - low2) < TOLERANCE

    def possible(self, picks: list[Numbers | None]) -> bool:
        """Given the readings picked so far, return whether the identity can still hold or check nothing."""
        low1, high1, empty1 = self.lhs.bounds(picks)
        low2, high2, empty2 = self.rhs.bounds(picks)
        return empty1 or empty2 or (low1 <= high2 + TOLERANCE and low2 <= high1 + TOLERANCE)


def _side(keys: list[str], where: dict[str, tuple[int, int]], options: list[list[Numbers]], blankable: bool) -> _Side:
    """Given a side's cell keys, where each is (row, column), every row's readings and whether the side may print
    nothing, return the side with each row's columns grouped and the most they can add."""
    columns: dict[int, list[int]] = {}
    for key in keys:
        row, column = where[key]
        columns.setdefault(row, []).append(column)
    terms = [(row, tuple(cols)) for row, cols in columns.items()]
    widest = [max((sum(o[c] or 0 for c in cols) for o in options[row]), default=0) for row, cols in terms]
    return _Side(terms, widest, blankable)


def _checks(rows: list[Row], options: list[list[Numbers]], identities: list[Identity],
            blankable: frozenset[str]) -> list[_Check] | None:
    """Given the rows, their readings and the identities, return the identities over the rows' cells as checks, and
    for each identity stated per column the sum of its columns that print no row total (every number a row prints
    lands in one column: the sum bounds a reading as one column cannot); None when an identity names a cell no row
    holds (a row of the table is missing)."""
    where = {key: (r, j) for r, row in enumerate(rows) for j, key in enumerate(row.keys)}
    equations: list[tuple[str, list[str], list[str], bool, bool]] = []
    for identity in identities:
        held = [k in where for k in identity.keys]
        if not any(held):
            continue
        if not all(held):
            return None
        equations.append((identity.id, list(identity.lhs), list(identity.rhs),
                          all(k in blankable for k in identity.lhs), all(k in blankable for k in identity.rhs)))
    summed: dict[str, tuple[list[str], list[str], int]] = {}
    for name, lhs, rhs, blank_lhs, blank_rhs in equations:
        if not (blank_lhs or blank_rhs or set(lhs + rhs) & blankable):
            total = summed.setdefault(name, ([], [], 0))
            summed[name] = (total[0] + lhs, total[1] + rhs, total[2] + 1)
    stated = len(equations)
    equations += [(name, lhs, rhs, False, False) for name, (lhs, rhs, n) in summed.items() if n > 1]
    return [_Check(_side(lhs, where, options, blank_lhs), _side(rhs, where, options, blank_rhs),
                   frozenset(where[k][0] for k in lhs + rhs), n >= stated)
            for n, (_, lhs, rhs, blank_lhs, blank_rhs) in enumerate(equations)]


def readings(rows: list[Row], identities: list[Identity], width: int, blankable: frozenset[str],
             allowed: tuple[int, ...], wanted: frozenset[int], printed_blanks: bool = False,
             floor: int = 0) -> tuple[int, list[list[Candidate]]] | None:
    """Given the rows of 表三 (every row of its version), the identities, the cells that may be left blank (row
    totals), the columns printed numbers may fill and those some row must fill, return the most identities a reading
    of the whole table checks and finds holding while none fails, and per row its readings that occur in such a
    reading (empty lists: none holds); None when the table cannot be enumerated (a row missing, too many partial
    readings to try). Checking more is the better reading: a row whose last number is the sum of the others prints
    its total (its row identity holds) rather than leaving it blank (unchecked), where both hold. Partial readings
    that cannot reach `floor` (the best another search found) are not followed."""
    candidates = options_of(rows, width, allowed, printed_blanks)
    options = [[c.numbers for c in opts] for opts in candidates]
    if any(v is not None and v < 0 for opts in options for o in opts for v in o):
        return None  # counts are never negative: the bounds assume it
    checks = _checks(rows, options, identities, blankable)
    if checks is None:
        return None
    filled = [[frozenset(j for j, cell in enumerate(c.cells) if cell is not None and cell.text.strip()) for c in opts]
              for opts in candidates]
    by_row: list[list[_Check]] = [[c for c in checks if r in c.rows] for r in range(len(rows))]
    # Rows read by their layout first, then the largest numbers: they bound the columns the others fill.
    order = sorted(range(len(rows)), key=lambda r: (rows[r].printed is not None, -max(
        (number(c.text) or 0 for c in rows[r].printed or ()), default=0), len(options[r])))
    picks: list[Numbers | None] = [None] * len(rows)
    chosen = [0] * len(rows)
    found: list[set[int]] = [set() for _ in rows]
    best = floor
    nodes = 0

    fills_column = {j: [[n for n, f in enumerate(filled[r]) if j in f] for r in range(len(rows))] for j in wanted}

    def fillable(depth: int) -> bool:
        """Whether each wanted column not filled yet can still be filled by a row not read yet (one reading of it that
        its identities allow with the rows read so far)."""
        done = frozenset().union(*(filled[r][chosen[r]] for r in order[:depth]))
        for j in wanted - done:
            if not any(_allows(r, n) for r in order[depth:] for n in fills_column[j][r]):
                return False
        return True

    def _allows(r: int, n: int) -> bool:
        picks[r] = options[r][n]
        ok = all(check.possible(picks) for check in by_row[r])
        picks[r] = None
        return ok

    def walk(depth: int) -> bool:
        nonlocal nodes, best
        if not fillable(depth):
            return True
        if depth == len(order):
            score = sum(check.holds(picks) for check in checks)
            if score > best:
                best = score
                for seen in found:
                    seen.clear()
            if score == best:
                for r, n in enumerate(chosen):
                    found[r].add(n)
            return True
        r = order[depth]
        for n, option in enumerate(options[r]):
            nodes += 1
            if nodes > MAX_NODES:
                return False
            picks[r], chosen[r] = option, n
            if all(check.possible(picks) for check in by_row[r]) and \
                    sum(check.could_hold(picks) for check in checks) >= best and not walk(depth + 1):
                picks[r] = None
                return False
        picks[r] = None
        return True

    if not walk(0):
        return None
    return best, [[candidates[r][n] for n in sorted(ns)] for r, ns in enumerate(found)]


def options_of(rows: list[Row], width: int, allowed: tuple[int, ...], printed_blanks: bool) -> list[list[Candidate]]:
    """Given the rows, return each row's readings: its fixed readings, the one its printed blank cells give (when
    asked), or its printed numbers placed every way into the allowed columns."""
    out: list[list[Candidate]] = []
    for row in rows:
        if row.printed is None:
            out.append(row.fixed)
        elif printed_blanks and row.columns is not None:
            out.append([c for c in placements(row.printed, width, row.where, row.columns) if set(row.columns) <= set(allowed)])
        else:
            out.append(placements(row.printed, width, row.where, allowed))
    return out


def agreed(row: Row, candidates: list[Candidate], columns: range) -> Candidate:
    """Given a row, the readings of it that hold and the columns to read, return one reading: each of those cells all
    of them read alike (the same number from the same printed cell, or blank), None where they differ or elsewhere."""
    cells: list[Cell | None] = []
    for j in range(len(row.keys)):
        seen = {None if c.cells[j] is None or number(c.cells[j].text) is None else id(c.cells[j]) for c in candidates}
        cells.append(candidates[0].cells[j] if len(seen) == 1 and j in columns else None)
    return Candidate(tuple(cells), "shifted", SPARSE_NOTE)


def shifted_reading(row: Row, held: list[tuple[Candidate, int]], parts: int) -> Candidate:
    """Given a row, its holding readings with the first u part columns filled (each with its u) and the number of
    part columns, return the reading every placement of those u columns among all `parts` agrees on: a part cell is
    blank where no filled column can move to it (column i of u goes to i … i + parts - u), else unread; the total as
    every reading reads it."""
    total = agreed(row, [c for c, _ in held], range(parts, parts + 1))
    reach = {a for c, used in held for i in range(parts) if c.cells[i] is not None and c.cells[i].text.strip()
             for a in range(i, i + parts - used + 1)}
    blank = Cell("", row.where)
    return Candidate(tuple(None if j in reach else blank for j in range(parts)) + total.cells[parts:], "shifted", SPARSE_NOTE)


def sparse_slots(slots: list[Slot], rows: list[Row], fixed: list[Row], identities: list[Identity], width: int,
                 blankable: frozenset[str]) -> list[Slot]:
    """Given the slots of 表三's rows printed without their blanks (or blank: their label alone printed), those rows,
    the rows its layout reads (`fixed`), the identities, the grid's width (its last column the total) and the cells
    a report may leave blank, return the slots with those rows read jointly by the identities: one reading each, the
    cells every holding reading of the table reads alike, confidence at most SPARSE_CONFIDENCE. Where the table
    cannot be read so, the slots are returned as they came (no reading, or 自然人 and 总计 from an equal pair).

    The identities treat the part columns (自然人 … 其他) alike: where no row's layout fixes a column, a reading that
    fills u of them holds with any u of them, in order. So the readings are enumerated with the first u filled, for
    each u; where some reading fills fewer than all, a part cell is read only when every reading leaves it blank."""
    # A row printing only zeros adds nothing to any sum: any placement of it holds, so the search weighs it as blank
    # and it keeps its own reading.
    zeros = [bool(row.printed) and all(number(c.text) == 0 for c in row.printed) for row in rows]
    searched = [Row(row.keys, (), row.where) if zero else row for row, zero in zip(rows, zeros)]
    # Two equal numbers are read as 自然人 and 总计 where the table then holds (the reading the pipe text's rows get):
    # the only evidence of which part column is which where the rows fill fewer than all.
    paired = [Row(row.keys, None, row.where, [pair]) if (pair := _pair(row, width)) else row for row in searched]
    confidence = SPARSE_CONFIDENCE
    scored = None
    if any(row.columns is not None for row in rows):
        scored = _search(searched + fixed, identities, width, blankable, bool(fixed), True)
    if not scored and paired != searched:
        scored = _search(paired + fixed, identities, width, blankable, True, False)
        confidence = PAIR_CONFIDENCE
    if not scored:
        scored = _search(searched + fixed, identities, width, blankable, bool(fixed), False)
        confidence = SPARSE_CONFIDENCE
    if not scored:
        return slots
    top = max(score for score, _, _ in scored)
    runs = [found for score, _, found in scored if score == top]
    fills = [used for score, used, _ in scored if score == top]
    if any(_total_dropped(row, c, width) for found in runs for row, readings_ in zip(rows, found) for c in readings_):
        return slots
    out: list[Slot] = []
    for r, (slot, row) in enumerate(zip(slots, rows)):
        if zeros[r]:
            out.append(slot)
            continue
        held = [(c, used) for found, used in zip(runs, fills) for c in found[r]]
        if min(fills) == width - 1:
            reading = agreed(row, [c for c, _ in held], range(width))
        else:
            reading = shifted_reading(row, held, width - 1)
        out.append(Slot(slot.keys, [reading], min(slot.confidence, confidence)))
    return out


def strictly_holds(identity: Identity, values: dict[str, float | int | None]) -> bool:
    """Given an identity and the values of one reading (blank = 0), return whether its two sides are equal: a total
    left blank over printed parts fails, as under this reading it is a cell whose number went elsewhere."""
    def side(keys: tuple[str, ...]) -> float:
        return sum(values[k] or 0 for k in keys)
    return abs(side(identity.lhs) - side(identity.rhs)) < TOLERANCE


def one_row_reading(keys: tuple[str, ...], printed: tuple[Cell, ...], where: Where | None, identities: list[Identity],
                    columns: tuple[int, ...] | None = None) -> Candidate | None:
    """Given the cell keys of a table printed as one row (表四), its numbers printed with the blanks as nothing, where
    the row is, the identities over its keys and, when the blank cells were printed, the columns they put the numbers
    in, return the reading every placement of the numbers in printed order that makes each identity hold strictly
    agrees on (other cells None: unread): the printed columns' alone where it holds; None when no placement holds."""
    row = Row(keys, printed, where)
    for allowed in ([columns] if columns is not None else []) + [tuple(range(len(keys)))]:
        held = [c for c in placements(printed, len(keys), where, allowed)
                if all(strictly_holds(i, dict(zip(keys, c.numbers))) for i in identities)]
        if held:
            return agreed(row, held, range(len(keys)))
    return None


def _total_dropped(row: Row, reading: Candidate, width: int) -> bool:
    """Given a row and a holding reading of it, return whether the reading leaves the total blank though the row's
    last printed number is the sum of the others (it prints its total): the table holds only with that row's
    numbers moved off it, the way a report whose own sums are broken is made to hold — no reading to believe."""
    values = [number(c.text) for c in row.printed or ()]
    if len(values) < 2 or any(v is None for v in values) or abs(sum(values[:-1]) - values[-1]) > TOLERANCE:
        return False
    total = reading.cells[width - 1]
    return total is not None and number(total.text) is None


def _pair(row: Row, width: int) -> Candidate | None:
    """Given a row, return its reading as 自然人 and 总计 when it prints two equal numbers (blanks not printed)."""
    if row.printed is None or len(row.printed) != 2 or number(row.printed[0].text) != number(row.printed[1].text):
        return None
    return placements(row.printed, width, row.where, (0, width - 1))[0]


def _search(rows: list[Row], identities: list[Identity], width: int, blankable: frozenset[str], fixed: bool,
            printed_blanks: bool) -> list[tuple[int, int, list[list[Candidate]]]] | None:
    """Given the rows (those whose layout fixes their columns `fixed`), the identities, the width, the cells that may
    be left blank and whether to place rows by their printed blank cells, return (score, part columns filled, readings
    per row) for each search that found a holding reading: one over every column where a row fixes its columns, else
    one per count u of part columns filled (the first u); None when a search cannot be enumerated."""
    anchored = fixed or (printed_blanks and any(row.columns is not None for row in rows))
    searches = ([(width - 1, tuple(range(width)), frozenset())] if anchored else
                [(used, tuple(range(used)) + (width - 1,), frozenset(range(used))) for used in range(1, width)])
    scored: list[tuple[int, int, list[list[Candidate]]]] = []
    for used, allowed, wanted in searches:
        floor = max((score for score, _, _ in scored), default=0)
        result = readings(rows, identities, width, blankable, allowed, wanted, printed_blanks, floor)
        if result is None:
            return None
        if all(result[1]):
            scored.append((result[0], used, result[1]))
    return scored
