"""Digit runs printed with no cell separators (scraped text) -> template cells, each split chosen by the identities.

A page scraper's text export prints 一、本年新收政府信息公开申请数量801000081: a row's cells glued together, blank
cells at most as whitespace. Each run that follows a row label is split into the row's column count, with no leading
zero except 0 itself, every split enumerated; a split is kept when the row's own identities hold (applicant columns
add to 总计, 表四's outcomes to each 总计), then the rows of a table are chosen jointly under the identities that tie
them (T3.balance, T3.results_sum). The identities are read from template.yaml. A cell on which two surviving
readings disagree is left unread (`ambiguous_digits`), never guessed. Where the page shows how it prints a blank cell
(whitespace between two values, or a 0 in every cell of 表三) and a run's characters admit one split only, that split
is what was printed and is read even against the identities: the failure is the report's own, and the checks report it
as for any layout; where every split breaks them, the cells all splits read alike are read. 表二 has no identity:
its splits are chosen only by the `bounds` template.yaml gives its rows (本年制发 ≤ 现行有效 + 本年废止). Where blank
cells print nothing, a 表三 run too short for its cells that is one number printed twice is 自然人 and 总计 (the
equal pair), believed only where the identities across rows hold. Where every other row of 表三 splits whole, a
row (at most MAX_OWN_ERROR_ROWS) that no split reads under its identities is the report's own error, read as any
row of a page that prints every blank, unless its characters also read as fewer cells under them. A row label
printed in two pieces around a run (a wrapped label cell flattened) does not own that run. Where blank cells print
nothing and 表三 is not read whole row by row, its rows are cut jointly (glued_columns.py), and the cells left unread
are taken from that reading where it contradicts none read. The narrative is never consulted to choose a split: it is
what the table is checked against (shared/design/placement.md).
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from extraction.document import PrintedRun, Where
from extraction.glued_columns import GluedRow, cut_jointly, digits_of
from extraction.labels import core, norm
from extraction.sparse import SPARSE_CONFIDENCE, SPARSE_NOTE
from extraction.spec import Bound, Identity, Spec, VersionSpec, load_spec
from extraction.tables import (DOUBTFUL_CONFIDENCE, PAIR_CONFIDENCE, PAIR_NOTE, V2019_HEADER_WORDS, V2021_HEADER_WORDS,
                               CellValue, Deviation, ParsedTables, _note_requests_deviations)

AMBIGUOUS = "ambiguous_digits"
SPLIT_CONFIDENCE = 0.9  # a cell whose run had other splits, all ruled out by the identities
# A cell whose value only a bound of 表二 decided: read and shown, but doubtful, so that no narrative check judges by it
# — a report may break a bound (12 0 5 printed, documents that expired unrepealed: 1205 read as 1 20 5).
BOUND_CONFIDENCE = DOUBTFUL_CONFIDENCE
MAX_SPLITS = 20000  # splits enumerated per row before giving up on it (unread, never guessed)
MAX_SPLIT_STEPS = 200000  # cuts tried in one run's split search before giving up on it (unread, never guessed)
MAX_NODES = 40000  # joint-search steps per table before giving up on its undecided rows: 3x the most a real
# report concatenated needs (12,741); at ~40 us a step, 200,000 cost 8 s of CPU on a 5 KB one-line text
MAX_CELL_DIGITS = 9
MAX_FRACTION_DIGITS = 8  # 24252.311082 万元
NULL_MARK = re.compile(r"^(?:[/／\-—－–]|——|--)$")
INT = re.compile(r"^(?:0|[1-9]\d*)$")
SIGNED = re.compile(r"^[+\-]?(?:0|[1-9]\d*)$")
DECIMAL = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
BLANK_BETWEEN = re.compile(r"\d\s+\d")  # a blank cell printed as whitespace between two values
NUMBERING = re.compile(r"^(\d{1,2})\.")  # 2.其他法律行政法规禁止公开 (labels are normalised: 、 and ． read as .)
FUZZY_LABEL_SCORE = 80  # rapidfuzz ratio for a typo'd row label to still anchor its run
FUZZY_MIN_CHARS = 6  # shorter labels (其他, 重复申请) must be printed exactly
REVIEW_WORDS = ("结果维持", "尚未审结")  # 表四's column headers: its runs follow them
REVIEW_LAST_HEADER = "总计"
FULL_WIDTH_ZERO = 0xFF10
BOUND_NOTE = "连写数字的拆分由{}选定"
ALIKE_NOTE = "连写数字的每种拆分此格数值相同，所据字符不唯一"
REVIEW_GROUP = 5  # 表四 prints 15 cells as one row, or one row of 5 per group
# 表三 rows that may break their own identities on a page that otherwise writes every cell: a report's own
# arithmetic errors are few; more rows failing mean the page drops blank cells, and no split is believed.
MAX_OWN_ERROR_ROWS = 2


@dataclass(frozen=True)
class Piece:
    """One cell cut from a run: printed text ('' for a blank cell), its span in the line, its value."""

    text: str
    start: int
    end: int
    value: int | float | None


Reading = tuple[Piece, ...]


@dataclass
class Slot:
    """One template row read from one or more runs: its cell keys in printed order and the splits still possible."""

    name: str
    keys: list[str]
    runs: list[PrintedRun]
    readings: list[Reading] = field(default_factory=list)
    splits: int = 0  # how many splits satisfied the row's own identities (1: the cells are certain)
    certain: bool = False  # the characters admit one split only, the page printing every blank
    broken: bool = False  # the page prints every blank and every split breaks the row's identities: all are kept
    note: str = ""  # what chose among its splits beyond the identities (a bound of 表二)
    bound_keys: frozenset[str] = frozenset()  # the cells whose value only that choice decided
    pair: bool = False  # read as 自然人 and 总计 from one number printed twice, its blank cells printing nothing
    # Read against its identities on a page that writes every cell: the joint choice of the other rows takes its
    # cells as unknown, as if it were unread, and its own cells are those all its splits agree on.
    own_error: bool = False
    placed: bool = False  # cut with the other rows of 表三 by the identities, its blank cells printing nothing


def _value(text: str, kind: str) -> int | float | None:
    if NULL_MARK.match(text):
        return None
    return float(text) if kind == "decimal" and "." in text else int(text)


def _fits(text: str, kind: str) -> bool:
    """Given a candidate cell's characters and its column type, return whether it is a well-formed cell."""
    if NULL_MARK.match(text):
        return True
    pattern = {"signed_int": SIGNED, "decimal": DECIMAL}.get(kind, INT)
    return len(text.replace(".", "").lstrip("+-")) <= MAX_CELL_DIGITS + (MAX_FRACTION_DIGITS if kind == "decimal" else 0) and bool(pattern.match(text))


def _segments(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Given a run, return its chunks (non-space stretches) and the whitespace stretches around them (one more)."""
    chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    edges = [0] + [p for chunk in chunks for p in chunk] + [len(text)]
    spaces = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    return chunks, spaces


Check = Callable[[list[Piece]], bool]


class TooManySplits(Exception):
    """A run whose split search passed MAX_SPLIT_STEPS: its readings are unknown, so it is read as none."""


def splits(text: str, kinds: list[str], offset: int = 0, check: Check | None = None) -> Iterator[Reading]:
    """Given a run's printed text and the column types of its cells, yield every split into exactly those cells.

    Chunks are cut at every position where each part is a well-formed cell (no leading zero except 0 itself);
    whitespace always ends a cell, and each whitespace character may stand for one blank cell. `check` is asked
    after every cell with the cells so far (the row's identities prune as soon as their cells are cut). Raises
    TooManySplits past MAX_SPLIT_STEPS cuts (a line of a whole report's digits and spaces, joined).
    """
    norm_text = unicodedata.normalize("NFKC", text).replace("．", ".")
    chunks, spaces = _segments(norm_text)
    prefix: list[Piece] = []
    width = len(kinds)
    steps = 0

    def room(k: int) -> int:
        """Cells the text from whitespace stretch k on can still hold."""
        return sum(e - s for s, e in chunks[k:]) + sum(e - s for s, e in spaces[k:])

    def walk_space(k: int) -> Iterator[Reading]:
        start, end = spaces[k]
        for b in range(min(end - start, width - len(prefix)) + 1):
            prefix.extend([Piece("", offset + start, offset + end, None)] * b)
            if check is None or check(prefix):
                if k == len(chunks):
                    if len(prefix) == width:
                        yield tuple(prefix)
                elif len(chunks) - k <= width - len(prefix) <= room(k + 1) + (chunks[k][1] - chunks[k][0]):
                    yield from walk_chunk(k, chunks[k][0])  # each chunk left needs a cell of its own
            del prefix[len(prefix) - b:]

    def walk_chunk(k: int, pos: int) -> Iterator[Reading]:
        nonlocal steps
        steps += 1
        if steps > MAX_SPLIT_STEPS:
            raise TooManySplits(text[:40])
        if pos == chunks[k][1]:
            yield from walk_space(k + 1)
            return
        if len(prefix) >= width:
            return
        kind = kinds[len(prefix)]
        for stop in range(pos + 1, chunks[k][1] + 1):
            part = norm_text[pos:stop]
            if not _fits(part, kind):
                if part[0] == "0" and len(part) > 1 and "." not in part:
                    return  # a leading zero only grows
                continue
            prefix.append(Piece(text[pos:stop], offset + pos, offset + stop, _value(part, kind)))
            if check is None or check(prefix):
                yield from walk_chunk(k, stop)
            prefix.pop()

    yield from walk_space(0)


def _splits_at_all(text: str, kinds: list[str]) -> bool:
    """Given a run's text and its cells' column types, return whether it splits into those cells at all (not when
    the search gives up before finding one)."""
    try:
        return next(splits(text, kinds), None) is not None
    except TooManySplits:
        return False


def _holds(identity: Identity, values: dict[str, int | float | None]) -> bool:
    """Whether an identity holds under values; a side printed all blank leaves it open (a leaf row's 总计 left
    blank), otherwise a blank counts as 0."""
    lhs = [values.get(k) for k in identity.lhs]
    rhs = [values.get(k) for k in identity.rhs]
    if all(v is None for v in lhs) or all(v is None for v in rhs):
        return True
    return abs(sum(v or 0 for v in lhs) - sum(v or 0 for v in rhs)) < 1e-9


def _row_check(keys: list[str], local: list[Identity]) -> Check:
    """Given a row's keys in printed order and its identities, return the test of a prefix of its cells."""
    position = {k: n for n, k in enumerate(keys)}
    ready = [(max(position[k] for k in i.keys) + 1, i) for i in local]

    def check(prefix: list[Piece]) -> bool:
        values = {keys[n]: p.value for n, p in enumerate(prefix)}
        return all(_holds(i, values) for need, i in ready if need <= len(prefix))

    return check


def _read_slot(slot: Slot, kinds: list[list[str]], local: list[Identity], blanks_print: bool = False,
               glued: frozenset[Where] = frozenset()) -> None:
    """Given a slot, the column types per run, the identities inside the row, whether the page prints its blank
    cells (as whitespace, or as 0: no run then hides one) and where a run is followed on its line by the next label,
    fill its readings: the splits under which those identities hold. Where blanks may print nothing, a split
    that breaks them is not believed even when it is the only one (2581211 is 258 12 _ _ 1 1 _, not seven digits).
    Where the page prints every blank (whitespace between values elsewhere), the one split the characters admit is
    what was printed, whatever the identities say: a broken identity is then the report's own error. So it is
    where the characters admit several splits and every one breaks them: the splits are all kept (`broken`), and
    the cells they agree on are read whichever was printed."""
    runs = [_without_next_blanks(run, k) if run.where in glued else run for run, k in zip(slot.runs, kinds)]
    certain = _certain(runs, kinds) if blanks_print else None
    if certain is not None:
        slot.readings, slot.splits, slot.certain = [certain], 1, True
        return
    readings = _combined(runs, kinds, slot.keys, local)
    slot.readings = [r for r in readings if all(_holds(i, dict(zip(slot.keys, (p.value for p in r)))) for i in local)]
    slot.splits = len(slot.readings)
    if not slot.readings and blanks_print:
        slot.readings = _combined(runs, kinds, slot.keys, [])
        slot.broken = bool(slot.readings)


def _combined(runs: list[PrintedRun], kinds: list[list[str]], keys: list[str], local: list[Identity]) -> list[Reading]:
    """Given a slot's runs, their column types, its keys and the identities to prune by, return every split of the
    runs into the slot's cells under which the identities inside each run hold; [] when there are too many."""
    per_run: list[list[Reading]] = []
    first = 0
    for run, k in zip(runs, kinds):
        run_keys = keys[first:first + len(k)]
        inside = [i for i in local if set(i.keys) <= set(run_keys)]
        try:
            per_run.append(list(_limited(splits(run.text, k, _offset(run), _row_check(run_keys, inside)))))
        except TooManySplits:
            return []
        first += len(k)
    combinations = 1
    for part in per_run:
        combinations *= len(part)
    if combinations > MAX_SPLITS:
        return []
    return [tuple(p for part in parts for p in part) for parts in _products(per_run)]


def _without_next_blanks(run: PrintedRun, kinds: list[str]) -> PrintedRun:
    """Given a run followed on its line by the next label and its column types, return it without its trailing
    whitespace when its characters fill the row without it: that label may print its own blank cells first (3000000
    then the blanks before 2.重复申请), and reading them as this row's blank 总计 would merge two of its digits."""
    text = run.text.rstrip()
    if text == run.text or not _splits_at_all(text, kinds):
        return run
    return PrintedRun(run.label, text, run.where)


def _offset(run: PrintedRun) -> int:
    return run.where.chars[0] if run.where.chars else 0


def _certain(runs: list[PrintedRun], kinds: list[list[str]]) -> Reading | None:
    """Given a slot's runs and the column types per run, return its reading when each run admits exactly one split
    into its cells (as many digits as cells, or every other cut leaves a leading zero), identities unasked; else None."""
    reading: list[Piece] = []
    for run, k in zip(runs, kinds):
        try:
            found = list(itertools.islice(splits(run.text, k, _offset(run)), 2))
        except TooManySplits:
            return None
        if len(found) != 1:
            return None
        reading += found[0]
    return tuple(reading)


def glued_runs(runs: list[PrintedRun]) -> frozenset[Where]:
    """Given the runs in order, return where those are that end in whitespace and are followed on the same line by
    the next label (a line break ends a row: whitespace before it is the row's own)."""
    return frozenset(run.where for run, following in zip(runs, runs[1:])
                     if run.text != run.text.rstrip() and not following.label.startswith("\n"))


def equal_halves(run: PrintedRun, width: int) -> Reading | None:
    """Given a 表三 run and its column count, return it read as 自然人 and 总计 when its characters are one number
    printed twice and nothing else (2626, 00), the cells between blank: a page whose blank cells print nothing
    glues a row of 自然人 26 and 总计 26 into 2626, as a pipe text drops them (placement's equal pair); else None."""
    text = unicodedata.normalize("NFKC", run.text)
    half = len(text) // 2
    if not text or len(text) % 2 or text[:half] != text[half:] or not INT.match(text[:half]) or len(text[:half]) > MAX_CELL_DIGITS:
        return None
    first = _offset(run)
    blank = Piece("", first + half, first + half, None)
    return (Piece(run.text[:half], first, first + half, int(text[:half])), *[blank] * (width - 2),
            Piece(run.text[half:], first + half, first + len(text), int(text[half:])))


def prints_blanks(runs: list[PrintedRun]) -> bool:
    """Given a document's table runs, return whether its blank cells print as whitespace: some run shows whitespace
    between two values. A page whose empty cells print nothing shows none, and any run may then hide a blank."""
    return any(BLANK_BETWEEN.search(unicodedata.normalize("NFKC", run.text)) for run in runs)


def fills_every_cell(slots: list[Slot], layout: VersionSpec) -> bool:
    """Given 表三's slots once read and the version whose rows they are, return whether the page writes its empty
    cells as 0: every row of the table is printed and each splits whole into its cells under its identities, no
    whitespace standing for a blank. A page whose empty cells print nothing leaves 表三's rows short of digits."""
    return len(slots) >= len(layout.requests_rows) and all(s.readings and not s.broken and not s.pair for s in slots)


def fills_all_but_errors(slots: list[Slot], layout: VersionSpec) -> bool:
    """Given 表三's slots once read and the version whose rows they are, return whether the page writes every cell
    except in a few rows that no split reads under their identities: every row is printed, every other row splits
    whole into its cells (none broken, none an equal pair), and those few rows are at most MAX_OWN_ERROR_ROWS."""
    failing = [s for s in slots if not s.readings]
    whole = all(not s.broken and not s.pair for s in slots if s.readings)
    return len(slots) >= len(layout.requests_rows) and whole and 0 < len(failing) <= MAX_OWN_ERROR_ROWS


def fits_sparsely(slot: Slot, local: list[Identity]) -> bool:
    """Given a 表三 slot of one run and its row's identities, return whether its characters also read as fewer cells
    than its columns, the others blank printed as nothing, under which those identities hold (10020120 as 100 20
    _ _ _ _ 120): such a row may have dropped its blanks, and a split into every cell would misplace its values."""
    text, width = slot.runs[0].text, len(slot.keys)
    for count in range(1, width):
        try:
            pieces = list(_limited(splits(text, ["int"] * count)))
        except TooManySplits:
            return True
        for reading in pieces:
            for columns in itertools.combinations(range(width), count):
                values = {slot.keys[c]: p.value for c, p in zip(columns, reading)}
                if all(_printed_both(i, values) and _holds(i, values) for i in local):
                    return True
    return False


def _printed_both(identity: Identity, values: dict[str, int | float | None]) -> bool:
    """Whether each side of an identity has a cell printed under values (a row's 总计 beside its parts)."""
    return any(values.get(k) is not None for k in identity.lhs) and any(values.get(k) is not None for k in identity.rhs)


def _limited(readings: Iterator[Reading]) -> Iterator[Reading]:
    for n, reading in enumerate(readings):
        yield reading
        if n >= MAX_SPLITS:
            return


def _products(lists: list[list[Reading]]) -> Iterator[list[Reading]]:
    if not lists:
        yield []
        return
    for head in lists[0]:
        for rest in _products(lists[1:]):
            yield [head] + rest


def _local_and_joint(slots: list[Slot], identities: list[Identity]) -> tuple[dict[str, list[Identity]], list[Identity]]:
    """Given a table's slots and the version's identities, return the identities inside each row and those that tie
    rows together (only those whose every cell is read from some slot)."""
    owner = {k: s.name for s in slots for k in s.keys}
    local: dict[str, list[Identity]] = {s.name: [] for s in slots}
    joint: list[Identity] = []
    for identity in identities:
        names = {owner.get(k) for k in identity.keys}
        if None in names:
            continue
        if len(names) == 1:
            local[names.pop()].append(identity)
        else:
            joint.append(identity)
    return local, joint


def choose(slots: list[Slot], joint: list[Identity], signed: set[str]) -> dict[str, set[int]] | None:
    """Given slots with their readings and the identities across rows, return per slot the readings that occur in
    some assignment satisfying all of them; None when the search is too large to finish."""
    tied = {k for identity in joint for k in identity.keys}
    order = sorted((s for s in slots if s.readings and tied & set(s.keys)), key=lambda s: len(s.readings))
    touching: dict[str, list[int]] = {s.name: [] for s in order}
    for n, identity in enumerate(joint):
        for s in order:
            if set(s.keys) & set(identity.keys):
                touching[s.name].append(n)
    values: dict[str, int | float | None] = {}
    used: dict[str, set[int]] = {s.name: set() for s in order}
    picked: list[int] = []
    nodes = 0

    def consistent(n: int) -> bool:
        identity = joint[n]
        open_l = [k for k in identity.lhs if k not in values]
        open_r = [k for k in identity.rhs if k not in values]
        lhs = [values[k] for k in identity.lhs if k in values]
        rhs = [values[k] for k in identity.rhs if k in values]
        if (not open_l and all(v is None for v in lhs)) or (not open_r and all(v is None for v in rhs)):
            return True  # a side printed all blank: the identity says nothing
        if not open_l and not open_r:
            return _holds(identity, values)
        if any(k in signed for k in identity.keys):
            return True
        left, right = sum(v or 0 for v in lhs), sum(v or 0 for v in rhs)
        return not ((not open_l and right > left) or (not open_r and left > right))  # cells are never negative

    def search(i: int) -> None:
        nonlocal nodes
        if i == len(order):
            for slot, r in zip(order, picked):
                used[slot.name].add(r)
            return
        slot = order[i]
        for r, reading in enumerate(slot.readings):
            nodes += 1
            if nodes > MAX_NODES:
                raise TimeoutError
            values.update(zip(slot.keys, (p.value for p in reading)))
            picked.append(r)
            if all(consistent(n) for n in touching[slot.name]):
                search(i + 1)
            picked.pop()
            for k in slot.keys:
                values.pop(k, None)

    try:
        search(0)
    except TimeoutError:
        return None
    free = {s.name: set(range(len(s.readings))) for s in slots if s.readings and not tied & set(s.keys)}
    return used | free if all(used.values()) else {}


def _emit(out: ParsedTables, slot: Slot, readings: list[Reading], line: int | None) -> None:
    """Given a slot and the readings that survive, put every cell they agree on, and mark the others unread. A cell
    every reading gives the same value from different characters (0 0 0 0 0 in 1010000000050000, wherever the one
    two-digit cell falls) is read, citing the characters of all of them, at SPLIT_CONFIDENCE."""
    confidence = 1.0 if slot.splits == 1 else SPLIT_CONFIDENCE
    for j, key in enumerate(slot.keys):
        if key in out.cells:
            continue
        values = {r[j].value for r in readings}
        if len(values) != 1:
            out.unread[key] = AMBIGUOUS
            continue
        spans = {(r[j].start, r[j].end) for r in readings}
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        text = readings[0][j].text if len(spans) == 1 else _printed(slot, start, end, readings[0][j].text)
        alike = len(spans) > 1
        bound = key in slot.bound_keys
        note = "；".join(n for n in (slot.note if bound else "", ALIKE_NOTE if alike else "") if n)
        sure = BOUND_CONFIDENCE if bound else PAIR_CONFIDENCE if slot.pair else SPLIT_CONFIDENCE if alike else confidence
        if slot.placed:
            sure, note = min(sure, SPARSE_CONFIDENCE), SPARSE_NOTE
        out.cells[key] = CellValue(key, values.pop(), text.strip(), Where(line=line, chars=(start, end)), sure, placement=note)


def _printed(slot: Slot, start: int, end: int, default: str) -> str:
    """Given a slot and a span of its line, return the characters its runs print there (default outside them)."""
    for run in slot.runs:
        first = _offset(run)
        if first <= start and end <= first + len(run.text):
            return run.text[start - first:end - first]
    return default


def _resolve(out: ParsedTables, slots: list[Slot], identities: list[Identity], spec_types: dict[str, str]) -> None:
    """Given a table's slots with their readings, choose jointly and put the cells into out."""
    local, joint = _local_and_joint(slots, identities)
    broken = {k for s in slots if not s.own_error and (s.broken or (s.certain and not _agrees(s, local[s.name])))
              for k in s.keys}
    # A row printed against its own identities is an error of the report: the identities it shares with other rows
    # cannot then choose their readings.
    joint = [i for i in joint if not broken & set(i.keys)]
    signed = {k for k, t in spec_types.items() if t == "signed_int"}
    used = choose([replace(s, readings=[]) if s.own_error else s for s in slots], joint, signed) or {}
    for slot in slots:
        line = slot.runs[0].where.line
        if slot.own_error:
            survivors = slot.readings
        elif slot.name in used:
            survivors = [slot.readings[r] for r in sorted(used[slot.name])]
        else:
            # A pair is a guess at the blanks a page dropped: believed only where the identities across rows agree.
            survivors = slot.readings if len(slot.readings) == 1 and not slot.pair else []
        if survivors:
            _emit(out, slot, survivors, line)
        else:
            for key in slot.keys:
                if key not in out.cells:
                    out.unread[key] = AMBIGUOUS


def _agrees(slot: Slot, local: list[Identity]) -> bool:
    return all(_holds(i, dict(zip(slot.keys, (p.value for p in slot.readings[0])))) for i in local)


def _similar(printed: str, label: str) -> bool:
    """Whether a printed label is the template's, allowing a typo in a long one (其他法律行政止公开)."""
    return printed == label or (len(label) >= FUZZY_MIN_CHARS and fuzz.ratio(printed, label) >= FUZZY_LABEL_SCORE)


def _ends_with(text: str, label: str) -> bool:
    if text.endswith(label):
        return True
    return len(label) >= FUZZY_MIN_CHARS and any(_similar(text[-n:], label) for n in range(len(label) - 3, len(label) + 4))


def _starts_with(text: str, label: str) -> bool:
    if text.startswith(label):
        return True
    return len(label) >= FUZZY_MIN_CHARS and any(_similar(text[:n], label) for n in range(len(label) - 3, len(label) + 4))


def _before_next_row(text: str, rows: list[tuple[str, list[str]]]) -> str:
    """Given the label printed after a run and a table's rows, return its text before any row label starts in it
    (the rest is the next row's own label)."""
    starts = [text.find(label[:FUZZY_MIN_CHARS]) for _, labels in rows for label in labels if label]
    return text[:min((n for n in starts if n >= 0), default=len(text))]


def _split_around(text: str, label: str, following: str) -> bool:
    """Given a run's printed label, the row label it was taken for and the label printed after the run up to the
    next row's, return whether the row label is printed in two pieces around the run (…重新出具已获 6300009 取信息…): a grid whose label
    cell wraps over several lines puts a neighbouring row's values between its pieces, so the run is no certain
    part of this row."""
    if text.endswith(label):
        return False
    head = next((n for n in range(len(label) - 1, FUZZY_MIN_CHARS - 1, -1) if text.endswith(label[:n])), None)
    return head is not None and label[head:] in following


def _cut_numbering(runs: list[PrintedRun], labels: list[str]) -> list[PrintedRun]:
    """Given the runs and the normalised template labels, return the runs without a next label's own numbering:
    00000002. before 其他法律行政法规禁止公开 is a row's 0000000 and the 2. of the next row (`2.其他法律…`); in
    00000002、申请人… the separator already starts the next label."""
    numbered: dict[str, set[str]] = {}
    for label in labels:
        match = NUMBERING.match(label)
        if match:
            numbered.setdefault(core(label), set()).add(match.group(1))
    out: list[PrintedRun] = []
    for i, run in enumerate(runs):
        following = norm(runs[i + 1].label) if i + 1 < len(runs) else ""
        separated = following.startswith(".")
        named = max((label for label in numbered if _starts_with(following.lstrip("."), label)), key=len, default=None)
        text = run.text
        for number in sorted(numbered.get(named, set())) if named else ():
            digits = "".join(f"[{d}{chr(FULL_WIDTH_ZERO + int(d))}]" for d in number)  # ２． as 2.
            match = re.search(rf"{digits}\s*$" if separated else rf"{digits}\s*[.．、]$", text.rstrip())
            if match:
                text = text.rstrip()[: match.start()]
                break
        out.append(PrintedRun(run.label, text, run.where) if text != run.text else run)
    # A run that was only a numbering (（三）不予公开1.属于国家秘密) is part of the next label; one that leaves
    # whitespace may be a row of blank cells.
    merged: list[PrintedRun] = []
    carry = ""
    for run in out:
        if not run.text:
            carry += run.label + run.text
            continue
        merged.append(PrintedRun(carry + run.label, run.text, run.where) if carry else run)
        carry = ""
    return merged


def _chain(runs: list[PrintedRun], rows: list[tuple[str, list[str]]], fits) -> dict[int, int]:
    """Given runs, a table's rows in printed order as (key, normalised core labels), and a test whether a run can hold
    a row, return run index -> row index for the longest chain of runs whose labels end with successive row labels
    (the table), the most compact one among equals: the same label said in prose does not join it."""
    candidates = []
    for i, run in enumerate(runs):
        text = norm(run.label)
        following = _before_next_row(norm(runs[i + 1].label) if i + 1 < len(runs) else "", rows)
        for r, (_, labels) in enumerate(rows):
            ending = [label for label in labels if label and _ends_with(text, label)]
            if ending and not any(_split_around(text, label, following) for label in ending) and fits(i, r):
                candidates.append((i, r))
    best: list[tuple[int, int, int]] = []  # per candidate: (count, -gap, previous)
    for n, (i, r) in enumerate(candidates):
        score = (1, 0, -1)
        for m in range(n):
            pi, pr = candidates[m]
            if pi < i and pr < r:
                count, gap, _ = best[m]
                option = (count + 1, gap - (i - pi), m)
                if option[:2] > score[:2]:
                    score = option
        best.append(score)
    if not best:
        return {}
    n = max(range(len(best)), key=lambda k: best[k][:2])
    chain: dict[int, int] = {}
    while n >= 0:
        chain[candidates[n][0]] = candidates[n][1]
        n = best[n][2]
    return chain


def detect_version(runs: list[PrintedRun], report_year: int | None, spec: Spec) -> str:
    """Given the runs, return the template version their header words name, else the report year's, else v2021."""
    text = norm("".join(run.label for run in runs))
    v19 = sum(text.count(w) for w in V2019_HEADER_WORDS)
    v21 = sum(text.count(w) for w in V2021_HEADER_WORDS)
    if v19 != v21:
        return "v2019" if v19 > v21 else "v2021"
    return spec.version_for_year(report_year)


def _labels(row_labels: list[str]) -> list[str]:
    return [core(label) for label in row_labels]


def requests_rows(spec: Spec, version: str) -> list[tuple[str, str]]:
    """Given the report's version, return 表三's rows as (key, label) in printed order, with the other version's
    三（六） rows after their predecessor (a v2021 report may print the single v2019 row, and the reverse)."""
    rows = [(r.key, r.label) for r in spec.versions[version].requests_rows]
    for other in spec.versions.values():
        previous = None
        for row in other.requests_rows:
            if all(key != row.key for key, _ in rows):
                at = next(n for n, (key, _) in enumerate(rows) if key == previous) + 1
                rows.insert(at, (row.key, row.label))
            previous = row.key
    return rows


def _requests_slots(runs: list[PrintedRun], version: str, spec: Spec) -> list[Slot]:
    columns = spec.column_keys
    rows = [(key, _labels([label])) for key, label in requests_rows(spec, version)]
    kinds = ["int"] * len(columns)

    def fits(i: int, r: int) -> bool:
        # The run after 表四's column headers (…尚未审结总计) is 表四's, though its label ends as 表三's （七）总计 does.
        heads = any(w in norm(runs[i].label) for w in REVIEW_WORDS)
        return not heads and (_splits_at_all(runs[i].text, kinds) or equal_halves(runs[i], len(kinds)) is not None)

    chain = _chain(runs, rows, fits)
    return [Slot(f"requests.{rows[r][0]}", [f"requests.{rows[r][0]}.{c}" for c in columns], [runs[i]]) for i, r in sorted(chain.items())]


def _read_glued(out: ParsedTables, runs: list[PrintedRun], layout: VersionSpec, spec: Spec) -> None:
    """Given the cells read so far, the runs and the version whose 表三 rows they print, read 表三 jointly where it
    was not read whole (its blank cells printing nothing: rows too short for their cells), and take from that reading
    the cells left unread, unless it reads a cell already read otherwise (two readings of one page: neither is taken)."""
    keys = [f"requests.{row.key}.{c}" for row in layout.requests_rows for c in spec.column_keys]
    if all(k in out.cells for k in keys):
        return
    slots = _glued_slots(runs, layout, spec)
    if not slots:
        return
    joint = ParsedTables()
    for slot in slots:
        if slot.readings:
            _emit(joint, slot, slot.readings, slot.runs[0].where.line)
    differ = {k.rsplit(".", 1)[0] for k in keys if k in out.cells and k in joint.cells and out.cells[k].value != joint.cells[k].value}
    # A row read as an equal pair guessed where its blanks went (2222: 22 and 22, or 2 2 2 2 under a blank total):
    # the joint reading, held by every identity strictly, replaces it; any other disagreement leaves both as they are.
    if any(out.cells[k].confidence != PAIR_CONFIDENCE for k in keys if k.rsplit(".", 1)[0] in differ and k in out.cells):
        return
    for key in keys:
        if key.rsplit(".", 1)[0] in differ:
            out.cells.pop(key, None)
    for key in keys:
        if key not in out.cells and key in joint.cells:
            out.cells[key] = joint.cells[key]
            out.unread.pop(key, None)
            out.found.add("三")
        elif key not in out.cells:
            out.unread.setdefault(key, AMBIGUOUS)


def _glued_slots(runs: list[PrintedRun], layout: VersionSpec, spec: Spec) -> list[Slot] | None:
    """Given the runs and the version whose 表三 rows they print, return every row of that 表三 as a slot read jointly
    by glued_columns (its blank cells printing nothing): a row printed as digits alone, or as its label alone (blank);
    None when a row is printed otherwise, not at all, or the identities leave no reading."""
    rows = [(r.key, _labels([r.label])) for r in layout.requests_rows]

    def fits(i: int, r: int) -> bool:
        heads = any(w in norm(runs[i].label) for w in REVIEW_WORDS)
        return not heads and digits_of(runs[i].text) is not None

    chain = _chain(runs, rows, fits)
    by_row = {r: i for i, r in chain.items()}
    if not by_row:
        return None
    glued: list[GluedRow] = []
    printed: list[PrintedRun | None] = []
    for r, (key, labels) in enumerate(rows):
        keys = tuple(f"requests.{key}.{c}" for c in spec.column_keys)
        if r in by_row:
            run = runs[by_row[r]]
            digits = digits_of(run.text) or ""
            # A row of zeros adds nothing to any sum and fits any columns: searched as blank, its cells left unread.
            glued.append(GluedRow(keys, "" if set(digits) == {"0"} else digits))
            printed.append(run)
            continue
        # A row printed blank: its label is in the text before the next row's run, with no digits of its own.
        later = [i for row, i in by_row.items() if row > r]
        earlier = [i for row, i in by_row.items() if row < r]
        if not later:
            return None
        between = norm("".join(run.label for run in runs[(max(earlier) + 1 if earlier else min(later)):min(later) + 1]))
        if not any(label in between for label in labels):
            return None
        glued.append(GluedRow(keys, ""))
        printed.append(None)
    found = cut_jointly(glued, layout.identities, len(spec.column_keys)).readings
    if found is None:
        return None
    slots = []
    anchor = next(run for run in printed if run is not None)
    for row, run, readings in zip(glued, printed, found):
        at = _offset(run) if run else _offset(anchor)
        text = run.text if run else ""
        if run is not None and not row.digits:
            slots.append(Slot(row.keys[0].rsplit(".", 1)[0], list(row.keys), [run], [], 0, placed=True))
            continue
        pieces = [tuple(Piece(text[s:e], at + s, at + e, int(unicodedata.normalize("NFKC", text[s:e]))) if e > s else
                        Piece("", at, at, None) for s, e in reading) for reading in readings]
        slots.append(Slot(row.keys[0].rsplit(".", 1)[0], list(row.keys), [run or anchor], pieces, len(pieces), placed=True))
    return slots


def _layout_version(slots: list[Slot], version: str, spec: Spec) -> VersionSpec:
    """Given the 表三 rows found, return the version whose rows they are (the report's own when both fit)."""
    keys = {s.name.split(".", 1)[1] for s in slots}
    fitting = [v for v in spec.versions.values() if keys <= {r.key for r in v.requests_rows}]
    return spec.versions[version] if not fitting or spec.versions[version] in fitting else fitting[0]


def _active_slots(runs: list[PrintedRun], version: VersionSpec) -> tuple[list[Slot], dict[str, list[str]], dict[str, tuple[Bound, ...]], list[Deviation]]:
    """Given the runs, return 表二's slots, their column types, their rows' bounds, and the rows printed with a label
    of another version (规范性文件 for 行政规范性文件)."""
    rows: list[tuple[str, list[str]]] = []
    kinds: dict[str, list[str]] = {}
    bounds: dict[str, tuple[Bound, ...]] = {}
    columns: dict[str, list[str]] = {}
    wording: dict[str, tuple[str, str, set[str]]] = {}  # row key -> caption, label, deviant labels
    for group in version.active:
        for row in group.rows:
            rows.append((row["key"], _labels([row["label"], *row.get("also", []), *row.get("deviant", [])])))
            kinds[row["key"]] = [c.get("type", "int") for c in group.columns]
            bounds[row["key"]] = group.bounds
            columns[row["key"]] = [c["key"] for c in group.columns]
            wording[row["key"]] = (group.caption, row["label"], set(_labels(row.get("deviant", []))))

    def fits(i: int, r: int) -> bool:
        return _splits_at_all(runs[i].text, kinds[rows[r][0]])

    chain = _chain(runs, rows, fits)
    slots = [Slot(f"active.{rows[r][0]}", [f"active.{rows[r][0]}.{c}" for c in columns[rows[r][0]]], [runs[i]]) for i, r in sorted(chain.items())]
    deviations = []
    for i, r in sorted(chain.items()):
        key, labels = rows[r]
        caption, label, deviant = wording[key]
        text = norm(runs[i].label)
        printed = next((lab for lab in labels if text.endswith(lab)), None) or next(lab for lab in labels if _ends_with(text, lab))
        if printed in deviant:
            deviations.append(Deviation(f"active.{key}", f"表二 {caption}: row label printed as {printed} instead of {label} ({version.id} wording)"))
    keys = {s.name: s.name.split(".", 1)[1] for s in slots}
    return slots, {s.name: kinds[keys[s.name]] for s in slots}, {s.name: bounds[keys[s.name]] for s in slots}, deviations


def _within(slot: Slot, reading: Reading, bounds: tuple[Bound, ...]) -> bool:
    """Given a 表二 slot, one of its readings and its row's bounds, return whether the reading keeps every bound whose
    cells it prints (a blank cell leaves its bound open)."""
    values = {key.rsplit(".", 1)[1]: p.value for key, p in zip(slot.keys, reading)}
    for bound in bounds:
        cells = [values.get(c) for c in bound.below + bound.above]
        if any(v is None for v in cells):
            continue
        if sum(values[c] or 0 for c in bound.below) > sum(values[c] or 0 for c in bound.above):
            return False
    return True


def _bounded(slot: Slot, bounds: tuple[Bound, ...]) -> None:
    """Given a 表二 slot read and its row's bounds, keep the readings within them where some are: a bound only chooses
    among the splits of the printed characters (1011 is 1 0 11, not 10 1 1: ten issued would be neither in force nor
    repealed); a row every split of which breaks one keeps them all, its cells read only where they agree. The cells
    whose value the bound alone decided are marked (`bound_keys`)."""
    kept = [r for r in slot.readings if _within(slot, r, bounds)]
    if kept and len(kept) < len(slot.readings) and not slot.certain:
        slot.bound_keys = frozenset(key for j, key in enumerate(slot.keys)
                                    if len({r[j].value for r in slot.readings}) > 1 and len({r[j].value for r in kept}) == 1)
        slot.readings = kept
        slot.note = BOUND_NOTE.format("；".join(b.text for b in bounds))


def _review_slot(runs: list[PrintedRun], start: int, spec: Spec, identities: list[Identity], blanks_print: bool,
                 glued: frozenset[Where]) -> Slot | None:
    """Given the runs and where 表三 ended, return 表四's slot: read from the run after its column headers holding 15
    cells, or from the runs of its groups (5 cells each, 10 for 行政诉讼's two), every choice of runs that satisfies
    its identities kept; else the first that can hold 15 cells at all, to be left unread."""
    keys = [c["key"] for c in spec.review_litigation_columns]
    groups = len(keys) // REVIEW_GROUP
    fallback: Slot | None = None
    found: list[Slot] = []
    heads = [i for i in range(start, len(runs)) if any(w in norm(runs[i].label) for w in REVIEW_WORDS)]
    for first, count in ((first, count) for first in heads for count in range(1, groups + 1)):
        chosen = runs[first:first + count]
        if len(chosen) < count:
            continue
        for sizes in _compositions(groups, count):
            slot = Slot("review", keys, chosen)
            kinds = [["int"] * (REVIEW_GROUP * s) for s in sizes]
            _read_slot(slot, kinds, [i for i in identities if set(i.keys) <= set(keys)], blanks_print, glued)
            if slot.readings:
                found.append(slot)
            elif fallback is None and all(_splits_at_all(run.text, k) for run, k in zip(chosen, kinds)):
                fallback = slot  # 表四 is printed, but no split satisfies its identities: its cells stay unread
    # Digits right after its last column header too few for its cells (527819): printed, its blank cells printing
    # nothing, so which group and column each number fills is not printed: its cells stay unread.
    after_header = [runs[i] for i in heads if norm(runs[i].label).endswith(REVIEW_LAST_HEADER) and digits_of(runs[i].text)]
    return _merged(found) or fallback or (Slot("review", keys, after_header[:1]) if after_header else None)


def _merged(slots: list[Slot]) -> Slot | None:
    """Given the readings of one table from different choices of runs, return one slot holding them all, so that a
    cell they disagree on stays unread: the blank cells under a header (行政复议's under 复议后起诉) are whitespace that
    may pass for a group of blank cells and shift every value. Where some choice's characters admit one split only
    (the page printing every blank), only those choices count, as for any row; choices broken under every split
    count only when no other choice is left, and only those of the fewest runs: the identities cannot then tell
    the table's own runs from the prose figures after it."""
    certain = [s for s in slots if s.certain]
    whole = [s for s in slots if not s.broken]
    fewest = min((len(s.runs) for s in slots), default=0)
    slots = certain or whole or [s for s in slots if len(s.runs) == fewest]
    if not slots:
        return None
    readings = list(dict.fromkeys(r for s in slots for r in s.readings))
    broken = not certain and not whole
    return Slot(slots[0].name, slots[0].keys, slots[0].runs, readings, 0 if broken else len(readings), bool(certain), broken)


def _compositions(total: int, parts: int) -> Iterator[list[int]]:
    if parts == 1:
        yield [total]
        return
    for head in range(1, total - parts + 2):
        for rest in _compositions(total - head, parts - 1):
            yield [head] + rest


def read_runs(runs: list[PrintedRun], report_year: int | None, out: ParsedTables) -> ParsedTables:
    """Given the value runs of a concatenated text and the tables read so far, add the cells the runs give (表二, 表三,
    表四), the cells left unread with their reason, and the version the printed headers name when no grid was read."""
    spec = load_spec()
    if not out.found:  # no grid was read: the version the tables stage took from the year alone gives way to the headers
        out.version = detect_version(runs, report_year, spec)
    version = spec.versions[out.version]
    labels = [norm(r.label) for r in version.requests_rows] + [norm(r["label"]) for g in version.active for r in g.rows]
    runs = _cut_numbering(runs, labels)
    glued = glued_runs(runs)
    types = {k: c.type for k, c in version.cells.items()}
    requests = _requests_slots(runs, version.id, spec)
    active, kinds, bounds, deviations = _active_slots(runs, version)
    blanks_print = prints_blanks([run for slot in requests + active for run in slot.runs])
    layout = _layout_version(requests, version.id, spec)
    local, _ = _local_and_joint(requests, layout.identities)
    for slot in requests:
        _read_slot(slot, [["int"] * len(slot.keys)], local[slot.name], blanks_print, glued)
        pair = None if blanks_print or slot.readings else equal_halves(slot.runs[0], len(slot.keys))
        if pair is not None:  # too few digits for the row's cells: its blanks printed nothing
            slot.readings, slot.splits, slot.pair, slot.note = [pair], 1, True, PAIR_NOTE
    if not blanks_print and fills_all_but_errors(requests, layout):
        # The page writes every cell: a row no split reads under its identities printed them broken, as a row of
        # any layout may (0000002: five 0s and a 2 beside a 总计 of 0 — the report's own error, for the checks).
        for slot in requests:
            if not slot.readings and not fits_sparsely(slot, local[slot.name]):
                _read_slot(slot, [["int"] * len(slot.keys)], local[slot.name], True, glued)
                slot.own_error = bool(slot.readings)
    _resolve(out, requests, layout.identities, types)
    if not blanks_print and not any(s.own_error for s in requests):
        _read_glued(out, runs, layout, spec)
    if requests:
        out.found.add("三")
        _note_requests_deviations(out, version, [s.name.split(".", 1)[1] for s in requests])
    out.deviations += deviations
    # A page that writes a number in every cell of 表三 (most of them 0 in any report) hides no blank elsewhere either.
    blanks_print = blanks_print or fills_every_cell(requests, layout)
    for slot in active:
        _read_slot(slot, [kinds[slot.name]], [], blanks_print, glued)
        _bounded(slot, bounds[slot.name])
    _resolve(out, active, [], types)
    if active:
        out.found.add("二")
    end = max((runs.index(s.runs[0]) for s in requests), default=0)
    review = _review_slot(runs, end + 1 if requests else 0, spec, version.identities, blanks_print, glued)
    if review is not None:
        _resolve(out, [review], [i for i in version.identities if set(i.keys) <= set(review.keys)], types)
        out.found.add("四")
    return out
