"""Where a row's printed values sit in the template's columns: placements as hypotheses, the identities choose.

A label-anchored row (a 表三 row, 表四's data row or one of its three parts) prints some value cells; when their
count differs from the template's columns (a trailing empty cell from a converter, an empty grid column from
Word, a missing cell) there is more than one way to read them. Each way is a `Candidate` with its evidence; the
rows are then chosen jointly under the template's strict identities (shared/design/placement.md):

- the assignment breaking the fewest identities wins, then the one satisfying the most, then the best evidence;
- two assignments equal on all three that read a cell differently leave that cell unread (`ambiguous_placement`);
- an identity that fails under the choice but holds under another placement of the same printed numbers is
  reported back as an alternative reading, so that checks can call it a layout doubt instead of an error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, product

from extraction.document import Cell
from extraction.figures import parse_number
from extraction.labels import norm
from extraction.lazy import cached
from extraction.spec import Identity

NULL_MARKS = {"", "/", "／", "-", "—", "－", "–", "——", "无", "\\"}
EVIDENCE = {"aligned": 1.0, "width": 0.8, "shifted": 0.5}  # header-aligned / width matches / moved or guessed
UNCONFIRMED_CONFIDENCE = 0.8  # at most, for a reading kept by its layout evidence while another ties on the identities
MAX_ASSIGNMENTS = 256  # joint enumeration cap; beyond it rows are pruned by their own total and re-read one at a time
SLIP_COST = 0.3  # a reading that re-reads one OCR cell as a confusable misread of what the identities imply
MISS_COST = 0.45  # one that re-reads it as a value no single OCR slip explains
AMBIGUOUS = "ambiguous_placement"
AS_PRINTED = "按印刷位置"
TOLERANCE = 1e-6


@lru_cache(maxsize=65536)
def number(text: str) -> float | int | None:
    """Given a cell's printed text, return its number (None for blank, "/", "—", 无)."""
    t = norm(text)
    return None if t in NULL_MARKS else parse_number(t)


def printed(cell: Cell | None) -> bool:
    """Given a cell, return whether anything is printed in it."""
    return cell is not None and bool(norm(cell.text))


@dataclass(frozen=True)
class Candidate:
    """One reading of a row: a cell per template column (None where nothing printed sits there), how it was
    obtained (`note`), and how strongly the layout supports it (`evidence`, a key of EVIDENCE)."""

    cells: tuple[Cell | None, ...]
    evidence: str
    note: str
    corrections: tuple[tuple[int, str], ...] = ()  # (column, what OCR read) for cells re-read by the identities
    slips: int = 0  # corrections that one OCR slip explains (a confusable digit, a digit dropped or added)
    misses: int = 0  # corrections that none does

    @property
    def weight(self) -> float:
        """How strongly the layout and the OCR reading support this reading."""
        return EVIDENCE[self.evidence] - SLIP_COST * self.slips - MISS_COST * self.misses

    @cached
    def numbers(self) -> tuple[float | int | None, ...]:  # read under every assignment the placement weighs
        return tuple(None if c is None else number(c.text) for c in self.cells)


@dataclass
class Slot:
    """One anchored row to place: the cell keys of its template columns, its readings, its label confidence."""

    keys: tuple[str, ...]
    candidates: list[Candidate]
    confidence: float = 1.0


@dataclass
class Choice:
    """The reading kept for one slot, how sure it is, and which of its keys the identities could not decide."""

    candidate: Candidate
    confidence: float
    unread: set[str] = field(default_factory=set)
    alternatives: int = 0  # other placements of the printed cells considered


@dataclass
class Alternative:
    """A failing identity that another placement of the same printed numbers satisfies."""

    identity: Identity
    chosen: dict[str, float | int | None]
    other: dict[str, float | int | None]
    note: str  # how the other placement reads the row
    chosen_note: str = ""  # how the kept reading reads it


def row_candidates(values: list[Cell], width: int, positional: bool = True) -> list[Candidate]:
    """Given a row's value cells and the template's column count, return its plausible readings.

    A row with extra cells is read by its last `width` values. A positional one may instead drop any run of empty
    cells at either end; only when no such run makes it fit are printed numbers at its head dropped, or one empty
    cell between its printed ones (an empty grid column) as well. A positional row one cell short may miss a cell
    at any position.
    """
    n = len(values)
    if n == width:
        return [Candidate(tuple(values), "aligned", AS_PRINTED)]
    if n > width:
        kept = not any(map(printed, values[:-width]))
        tail = Candidate(tuple(values[-width:]), "width" if kept else "shifted", "按行尾对齐" if kept else "按行尾对齐，舍去行首数字")
        if not positional:
            return [tail]
        windows = _end_windows(values, width, "width", "")
        # While every printed number fits by dropping blanks, a reading that drops one is no hypothesis: it would
        # only win by blanking a term of an identity the printed numbers break.
        out = ([tail] if kept or not windows else []) + windows
        if not windows:
            # An empty cell inside the row is dropped only when no run of empty cells at its ends can be.
            shown = [i for i, c in enumerate(values) if printed(c)]
            # Dropping one inner blank shortens the printed span by one: only a span of width + 1 can then fit.
            fits = bool(shown) and shown[-1] - shown[0] + 1 == width + 1
            for gap in range(shown[0] + 1, shown[-1]) if fits else ():
                if not printed(values[gap]):
                    out += _end_windows(values[:gap] + values[gap + 1:], width, "shifted", f"去掉第{gap + 1}个空单元格")
        return distinct(out)
    if positional and n == width - 1 and any(map(printed, values)):
        return [Candidate(tuple(values[:gap]) + (None,) + tuple(values[gap:]), "shifted", f"第{gap + 1}格缺失")
                for gap in range(width)]
    return []


def _end_windows(values: list[Cell], width: int, evidence: str, note: str) -> list[Candidate]:
    """Given value cells, return the readings that drop only empty cells at the row's two ends."""
    shown = [i for i, c in enumerate(values) if printed(c)]
    # A window keeps every printed cell when it starts at or before the first and ends at or after the last.
    first, last = (shown[0], shown[-1]) if shown else (len(values) - width, 0)
    out: list[Candidate] = []
    for start in range(max(0, last - width + 1), min(first, len(values) - width) + 1):
        where = f"去掉两端空单元格，自第{start + 1}格起"
        out.append(Candidate(tuple(values[start:start + width]), evidence, f"{note}，{where}" if note else where))
    return out


def collapse_repeats(values: list[Cell], width: int) -> list[Candidate]:
    """Given value cells that repeat a spanned cell's text (a browser copy), return the readings that split them
    into `width` runs of equal text, one per column; several splits are one reading when they read the same."""
    if len(values) <= width:
        return []
    texts = [norm(c.text) for c in values]
    splits: list[tuple[Cell, ...]] = []

    def walk(start: int, left: int, taken: tuple[Cell, ...]) -> None:
        if left == 0:
            if start == len(values):
                splits.append(taken)
            return
        end = start + 1
        while end <= len(values) - (left - 1):
            walk(end, left - 1, taken + (values[start],))
            if end < len(values) and texts[end] == texts[start]:
                end += 1
                continue
            break

    walk(0, width, ())
    return distinct([Candidate(s, "width", "合并重复的跨列文字") for s in splits])


def distinct(candidates: list[Candidate]) -> list[Candidate]:
    """Given readings, return those that read different numbers, the first of each kept."""
    if len(candidates) < 2:
        return list(candidates)
    seen: set[tuple] = set()
    out: list[Candidate] = []
    for c in candidates:
        key = tuple((None, None) if cell is None else (number(cell.text), norm(cell.text)) for cell in c.cells)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def equal_pair(values: list[Cell]) -> bool:
    """Given a row's value cells, return whether they are two equal numbers (自然人 and 总计, blanks dropped)."""
    return len(values) == 2 and number(values[0].text) is not None and number(values[0].text) == number(values[1].text)


def empty_column(rows: list[list[Cell]], width: int) -> int | None:
    """Given 表三 rows' value cells, return the position (within the last width + 1 values) of a column that is
    blank in every row printing more values than the national grid: an empty grid column of the page's table,
    which a layout that keeps blank cells but not positions (text-cells) puts among the values. None when not
    exactly one."""
    wide = [r[-(width + 1):] for r in rows if len(r) > width]
    shown = [w for w in wide if any(map(printed, w))]
    if len(shown) < 3:
        return None
    blank = [p for p in range(width + 1) if not any(printed(w[p]) for w in shown)]
    return blank[0] if len(blank) == 1 else None


def subtotal_column(rows: list[list[Cell]], width: int) -> int | None:
    """Given 表三 rows' value cells, return the position of a local 法人或其他组织小计 column (a value equal to the
    sum of the five organisation columns in every row that prints one more value than the national grid), if any."""
    wide_rows = [r for r in rows if len(r) == width + 1]
    if len(wide_rows) < 3 or not all(printed(c) for r in wide_rows for c in r):
        return None  # an empty cell before the values is a label column, not a subtotal
    wide = [[number(c.text) or 0 for c in r] for r in wide_rows]
    if not any(any(v) for v in wide):
        return None
    fits = [p for p in range(1, width) if all(v[p] == sum(v[1:width]) - v[p] for v in wide)]
    return fits[0] if len(fits) == 1 else None


def values_of(slots: list[Slot], picks: tuple[Candidate, ...]) -> dict[str, float | int | None]:
    """Given slots and one reading of each, return the value read for each key (the first slot holding it wins)."""
    out: dict[str, float | int | None] = {}
    for slot, pick in zip(slots, picks):
        for key, value in zip(slot.keys, pick.numbers):
            out.setdefault(key, value)
    return out


def status(identity: Identity, values: dict[str, float | int | None]) -> int | None:
    """Given an identity and read values (blank = 0, as a printed total of blank parts is 0), return 1 when it
    holds, 0 when it fails, None when a term was not read or one side prints nothing."""
    lhs, rhs = _side(identity.lhs, values), _side(identity.rhs, values)
    if lhs is None or rhs is None:
        return None
    return int(abs(lhs - rhs) < TOLERANCE)


def _side(keys: tuple[str, ...], values: dict[str, float | int | None]) -> float | int | None:
    """Given one side of an identity and read values, return its sum (blank = 0); None when a term was not read
    or every term is blank. One pass: the joint placement weighs every identity under every assignment."""
    total: float | int = 0
    printed = False
    for key in keys:
        if key not in values:
            return None
        value = values[key]
        if value is not None:
            total += value
            printed = True
    return total if printed else None


def _score(identities: list[Identity], values: dict[str, float | int | None]) -> tuple[int, int]:
    """Given identities and values, return (-failing, holding): higher is better."""
    states = [status(i, values) for i in identities]
    return -states.count(0), states.count(1)


def _evidence(picks: tuple[Candidate, ...]) -> float:
    return sum(p.weight for p in picks)


def _local(slot: Slot, identities: list[Identity]) -> list[Identity]:
    keys = set(slot.keys)
    return [i for i in identities if set(i.keys) <= keys]


def _pruned(slot: Slot, identities: list[Identity]) -> list[Candidate]:
    """Given a slot, return the readings best under the identities within the row alone (its own total), best
    evidence first."""
    local = _local(slot, identities)
    ordered = sorted(slot.candidates, key=lambda c: -c.weight)
    if len(ordered) < 2 or not local:
        return ordered
    scored = [(_score(local, dict(zip(slot.keys, c.numbers))), c) for c in ordered]
    best = max(s for s, _ in scored)
    return [c for s, c in scored if s == best]


def choose(slots: list[Slot], identities: list[Identity]) -> list[Choice]:
    """Given the anchored rows of a report and the identities over their keys, return one choice per slot.

    Every assignment is scored when there are few; otherwise each row starts from its best local reading and
    rows are re-read one at a time while that improves the score (rows couple only through column sums).
    """
    if all(len(s.candidates) == 1 for s in slots):
        # One reading per row: nothing to weigh, and each is confirmed, as no other reading of its row competes.
        return [Choice(s.candidates[0], min(s.confidence, 1.0), set(), 0) for s in slots]
    options = [sorted(s.candidates, key=lambda c: -c.weight) for s in slots]
    if _count(options) > MAX_ASSIGNMENTS:
        options = [_pruned(s, identities) for s in slots]
    count = _count(options)
    rank = lambda picks: (_score(identities, values_of(slots, picks)), _evidence(picks))  # noqa: E731
    if count <= MAX_ASSIGNMENTS:
        ranked = sorted(((rank(picks), picks) for picks in product(*options)), key=lambda r: r[0], reverse=True)
        best_rank, best = ranked[0]
        tied = [picks for r, picks in ranked if _same(r, best_rank)]
    else:
        best = tuple(max(o, key=lambda c: c.weight) for o in options)
        best_rank, best = _ascend(best, options, rank)
        tied = [best] + [best[:i] + (c,) + best[i + 1:] for i, o in enumerate(options) for c in o
                         if c != best[i] and _same(rank(best[:i] + (c,) + best[i + 1:]), best_rank)]
    choices: list[Choice] = []
    for i, slot in enumerate(slots):
        pick = best[i]
        unread = {key for j, key in enumerate(slot.keys)
                  if len({p[i].numbers[j] for p in tied}) > 1 or len({_raw(p[i].cells[j]) for p in tied}) > 1
                  } if len(tied) > 1 else set()
        others = [_score(identities, values_of(slots, best[:i] + (c,) + best[i + 1:])) for c in slot.candidates if c != pick]
        # Kept because the identities say so, or only because its layout evidence is better.
        confirmed = all(score < best_rank[0] for score in others)
        weight = 1.0 if confirmed else min(EVIDENCE[pick.evidence], UNCONFIRMED_CONFIDENCE)
        layouts = sum(1 for c in slot.candidates if c != pick and not c.corrections)
        choices.append(Choice(pick, min(slot.confidence, weight), unread, layouts))
    return choices


def consistent_readings(slots: list[Slot], identities: list[Identity],
                        fixed: dict[str, float | int | None]) -> list[list[int]]:
    """Given slots whose readings are hypotheses, the identities, and the values read for sure elsewhere, return per
    slot the indexes of its readings that occur in an assignment under which no identity over its cells fails: none
    where no assignment is consistent (or there are too many to try). Slots that no identity ties are decided alone,
    so that one block breaking its identities leaves the others to theirs."""
    out: list[list[int]] = [[] for _ in slots]
    options = [[c for c in s.candidates if all(status(i, {**fixed, **dict(zip(s.keys, c.numbers))}) != 0
                                              for i in _local(s, identities))] for s in slots]
    for group in _tied(slots, identities):
        keys = {k for i in group for k in slots[i].keys}
        relevant = [i for i in identities if keys & set(i.keys)]
        if _count([options[i] for i in group]) > MAX_ASSIGNMENTS:
            continue
        members = [slots[i] for i in group]
        for picks in product(*(options[i] for i in group)):
            if any(status(identity, {**fixed, **values_of(members, picks)}) == 0 for identity in relevant):
                continue
            for i, pick in zip(group, picks):
                n = slots[i].candidates.index(pick)
                if n not in out[i]:
                    out[i].append(n)
    return out


def _tied(slots: list[Slot], identities: list[Identity]) -> list[list[int]]:
    """Given slots and identities, return the slots in groups that identities tie together (by index)."""
    owner = {k: n for n, s in enumerate(slots) for k in s.keys}
    group = list(range(len(slots)))

    def root(n: int) -> int:
        while group[n] != n:
            n = group[n]
        return n

    for identity in identities:
        tied = {owner[k] for k in identity.keys if k in owner}
        first = min(tied, default=None)
        for n in tied:
            group[root(n)] = root(first)
    out: dict[int, list[int]] = {}
    for n in range(len(slots)):
        out.setdefault(root(n), []).append(n)
    return list(out.values())


def _count(options: list[list[Candidate]]) -> int:
    count = 1
    for o in options:
        count *= len(o)
    return count


def _same(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and abs(a[1] - b[1]) < TOLERANCE


def _ascend(start: tuple[Candidate, ...], options: list[list[Candidate]], rank) -> tuple[tuple, tuple[Candidate, ...]]:
    """Given a starting assignment, return the best (rank, assignment) reached by changing one row at a time."""
    best, best_rank = start, rank(start)
    improved = True
    while improved:
        improved = False
        for i, o in enumerate(options):
            for c in o:
                trial = best[:i] + (c,) + best[i + 1:]
                r = rank(trial)
                if r[0] > best_rank[0] or (r[0] == best_rank[0] and r[1] > best_rank[1] + TOLERANCE):
                    best, best_rank, improved = trial, r, True
    return best_rank, best


def _raw(cell: Cell | None) -> str | None:
    return None if cell is None else norm(cell.text)


def alternatives(slots: list[Slot], choices: list[Choice], identities: list[Identity]) -> list[Alternative]:
    """Given the chosen readings, return each identity that fails under them but holds when one row is read
    another plausible way."""
    if all(len(slot.candidates) == 1 for slot in slots):
        return []  # no other reading of any row
    picks = tuple(c.candidate for c in choices)
    values = values_of(slots, picks)
    out: list[Alternative] = []
    for identity in identities:
        if status(identity, values) != 0:
            continue
        keys = set(identity.keys)
        for i, slot in enumerate(slots):
            if not keys & set(slot.keys):
                continue
            other = next((c for c in slot.candidates if c != picks[i] and not c.corrections and
                          status(identity, values_of(slots, picks[:i] + (c,) + picks[i + 1:])) == 1), None)
            if other is not None:
                trial = values_of(slots, picks[:i] + (other,) + picks[i + 1:])
                out.append(Alternative(identity, {k: values[k] for k in identity.keys}, {k: trial[k] for k in identity.keys}, other.note, picks[i].note))
                break
    return out


def satisfiable(numbers: list[float | int | None], identities: list[Identity]) -> bool:
    """Given printed numbers and identities over disjoint keys, as many keys as numbers, return whether some
    assignment of the numbers to the keys satisfies every identity (a blank mark is taken to satisfy any).

    When none does, an identity failure is in the numbers themselves, not in where a layout put them."""
    if None in numbers or sum(len(i.keys) for i in identities) != len(numbers) or \
            len({k for i in identities for k in i.keys}) != len(numbers):
        return True  # a blank may make a side unchecked; identities that share keys are not this search
    return _fills(tuple(sorted(numbers)), tuple(sorted((len(i.lhs), len(i.rhs)) for i in identities)))


@lru_cache(maxsize=4096)
def _fills(numbers: tuple[float | int, ...], shapes: tuple[tuple[int, int], ...]) -> bool:
    """Given numbers (sorted) and identity shapes (terms on each side), return whether the numbers can be dealt to
    the identities so that every one holds."""
    if not shapes:
        return not numbers
    (left, right), rest = shapes[0], shapes[1:]
    for chosen in {tuple(numbers[i] for i in c) for c in combinations(range(len(numbers)), left + right)}:
        if _balances(chosen, left):
            remaining = list(numbers)
            for value in chosen:
                remaining.remove(value)
            if _fills(tuple(remaining), rest):
                return True
    return False


def _balances(values: tuple[float | int, ...], left: int) -> bool:
    """Given an identity's numbers and its left side's term count, return whether some split of them holds."""
    total = sum(values)
    return any(abs(2 * sum(values[i] for i in side) - total) < TOLERANCE for side in combinations(range(len(values)), left))
