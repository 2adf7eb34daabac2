"""Readings an OCR'd table may have meant: a digit the engine was unsure of, re-read as the value its identities imply.

A wrong OCR digit breaks every identity its cell is in (one row and one column of 表三). A broken identity whose
terms are all sure readings but one implies a value for that one; the value becomes one more reading of its row,
and the joint choice of extraction/placement.py weighs it against the printed one like any other hypothesis. The
correction stands only where every identity of its cell then holds; two that fix the table equally well tie, and
the choice leaves their cells unread. Cells read from a text layer (confidence None) and cells the engine was sure
of are never re-read.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import chain, combinations
from operator import attrgetter

from extraction.document import Cell
from extraction.placement import Candidate, Choice, Slot, choose, number, status, values_of
from extraction.spec import Identity

# Below: an OCR reading an identity may overrule, or must confirm. Measured with evaluation/ocr_confidence.py on four
# text-layer PDFs rendered at 60 and 80 dpi, JPEG quality 30: RapidOCR read 20 of its 21 wrong numbers below 0.85
# (the other, 0.987, a box merging two cells), and 868 of 1157 right ones at 0.9 or above.
LOW_OCR_CONFIDENCE = 0.9
MAX_CORRECTIONS_PER_ROW = 2  # a row reading changes at most this many of its cells in one round
MAX_ROUNDS = 4  # rounds of proposals, each after the corrections of the last stood
# Digits an OCR engine mistakes for one another in printed Chinese tables (thin strokes, closed loops).
CONFUSABLE = frozenset({("1", "7"), ("3", "8"), ("0", "8"), ("0", "6"), ("0", "9"), ("5", "6"), ("6", "8"), ("8", "9")})
CORRECTION_NOTE = "按勾稽关系更正识别读数"

Number = float | int


def confusable(a: str, b: str) -> bool:
    """Given two digits, return whether an OCR engine plausibly reads one as the other."""
    return (a, b) in CONFUSABLE or (b, a) in CONFUSABLE


def plausible_misread(read: str, true: str) -> bool:
    """Given what OCR read and a proposed true digit string, return whether one OCR slip turns the one into the
    other: a confusable digit substituted, a digit dropped, or a digit added."""
    if len(read) == len(true):
        diffs = [(a, b) for a, b in zip(read, true) if a != b]
        return len(diffs) == 1 and confusable(*diffs[0])
    longer, shorter = (read, true) if len(read) > len(true) else (true, read)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


_CONFIDENCE = attrgetter("confidence")


def unsure(cell: Cell | None) -> bool:
    """Given a cell, return whether it is an OCR reading below LOW_OCR_CONFIDENCE with a number in it."""
    return (cell is not None and cell.confidence is not None and cell.confidence < LOW_OCR_CONFIDENCE
            and isinstance(number(cell.text), int))


def implied(identity: Identity, key: str, values: dict[str, Number | None]) -> Number | None:
    """Given an identity, one of its keys and the read values, return the value of `key` that makes it hold
    (None when a term was not read, or the value would be negative)."""
    if any(k not in values for k in identity.keys):
        return None
    lhs = sum(values[k] or 0 for k in identity.lhs)
    rhs = sum(values[k] or 0 for k in identity.rhs)
    own = values[key] or 0
    value = (rhs - (lhs - own)) if key in identity.lhs else (lhs - (rhs - own))
    return value if value >= 0 else None


def vouched(identities: Iterable[Identity], values: dict[str, Number | None], doubts: set[str]) -> set[str]:
    """Given identities, read values and the keys of unsure readings, return the unsure keys the identities vouch
    for: two identities holding around a reading vouch for it; one does when every other term of it is sure (or
    vouched for), and so on. One identity holding over two unsure terms vouches for neither: two misreadings may
    cancel out in one sum, hardly in both the row and the column of each."""
    if not doubts:
        return set()
    around: dict[str, list[Identity]] = {}
    for identity in identities:
        if status(identity, values) == 1:
            for key in identity.keys:
                around.setdefault(key, []).append(identity)
    left = set(doubts)
    grown = True
    while grown:
        grown = False
        for key in sorted(left):
            holding = around.get(key, [])
            if len(holding) >= 2 or any(not (left - {key}) & set(i.keys) for i in holding):
                left.discard(key)
                grown = True
    return doubts - left


def proposals(slots: list[Slot], choices: list[Choice], identities: list[Identity]) -> dict[tuple[int, int], set[int]]:
    """Given slots, their chosen readings and the identities, return for each unsure cell (slot, column) the values
    implied for it by the broken identities whose every other term is sure or vouched for (so they can name it)."""
    picks = tuple(c.candidate for c in choices)
    cells = list(filter(None, chain.from_iterable(pick.cells for pick in picks)))  # a Cell is always true
    if list(map(_CONFIDENCE, cells)).count(None) == len(cells) or not any(map(unsure, cells)):
        return {}  # a text layer's readings (no OCR confidence, told in C), or OCR readings all sure: nothing to re-read
    values = values_of(slots, picks)
    owner = {key: (s, j) for s, slot in enumerate(slots) for j, key in enumerate(slot.keys)}
    unsure_keys = {k for k, (s, j) in owner.items() if unsure(picks[s].cells[j])}
    doubtful = unsure_keys - vouched(identities, values, unsure_keys)
    found: dict[tuple[int, int], set[int]] = {}
    if not doubtful:
        return found
    for identity in identities:
        if status(identity, values) != 0:
            continue
        doubts = [k for k in identity.keys if k in doubtful]
        if len(doubts) != 1 or doubts[0] in choices[owner[doubts[0]][0]].unread:
            continue
        if owner[doubts[0]][1] in dict(picks[owner[doubts[0]][0]].corrections):
            continue  # re-read already: its OCR reading is what a correction starts from
        value = implied(identity, doubts[0], values)
        if value is not None and value != values[doubts[0]]:
            found.setdefault(owner[doubts[0]], set()).add(value)
    return found


def choose_corrected(slots: list[Slot], identities: list[Identity]) -> tuple[list[Slot], list[Choice]]:
    """Given slots, return them with their corrected readings and the joint choice among all readings. A correction
    stands only where every identity its cell is in then holds; one that stands may let the identities name the next
    misreading (its row or column now sure), so corrections are proposed again until none is new."""
    choices = choose(slots, identities)
    for _ in range(MAX_ROUNDS):
        widened = with_corrections(slots, choices, identities)
        if widened is None:
            break
        slots, choices = _settle(widened, identities)
    return slots, choices


def _settle(slots: list[Slot], identities: list[Identity]) -> tuple[list[Slot], list[Choice]]:
    """Given slots with corrected readings, return them and their joint choice, having dropped each correction
    chosen while an identity of its cell still fails."""
    while True:
        choices = choose(slots, identities)
        values = values_of(slots, tuple(c.candidate for c in choices))
        failing = {k for i in identities if status(i, values) == 0 for k in i.keys}
        wrong = {(s, j) for s, c in enumerate(choices) for j, _ in c.candidate.corrections if slots[s].keys[j] in failing}
        if not wrong:
            return slots, choices
        slots = [replace(slot, candidates=[c for c in slot.candidates if not any((s, j) in wrong for j, _ in c.corrections)])
                 for s, slot in enumerate(slots)]


def with_corrections(slots: list[Slot], choices: list[Choice], identities: list[Identity]) -> list[Slot] | None:
    """Given slots and their choice, return the slots with corrected readings of the chosen ones added (None when
    no unsure cell has a new value to propose)."""
    found = proposals(slots, choices, identities)
    out = list(slots)
    for s in sorted({s for s, _ in found}):
        pick = choices[s].candidate
        changes = [(j, v) for (t, j), values in sorted(found.items()) if t == s for v in sorted(values)]
        extra = [corrected(pick, dict(combo)) for n in range(1, MAX_CORRECTIONS_PER_ROW + 1)
                 for combo in combinations(changes, n) if len({j for j, _ in combo}) == n]
        extra = [c for c in extra if c not in slots[s].candidates]
        if extra:
            out[s] = replace(slots[s], candidates=slots[s].candidates + extra)
    return None if out == slots else out


def corrected(pick: Candidate, changes: dict[int, int]) -> Candidate:
    """Given a row reading and new values by column, return the reading with those cells re-read, each remembering
    what OCR read; a change that one OCR slip explains weighs less against the reading than one that does not."""
    cells = list(pick.cells)
    for j, value in changes.items():
        cells[j] = Cell(str(value), cells[j].where, cells[j].confidence)
    slips = tuple(plausible_misread(_digits(pick.cells[j].text), str(v)) for j, v in changes.items())
    raws = pick.corrections + tuple((j, pick.cells[j].text.strip()) for j in changes)
    note = pick.note if pick.corrections or not pick.note else f"{pick.note}，{CORRECTION_NOTE}"
    return Candidate(tuple(cells), pick.evidence, note or CORRECTION_NOTE, corrections=raws,
                     slips=pick.slips + sum(slips), misses=pick.misses + len(slips) - sum(slips))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
