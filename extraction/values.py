"""Reading quantities off the parsed cells: printed cells, row totals left blank, and derived keys."""
from __future__ import annotations

import re

from extraction.spec import Spec, VersionSpec
from extraction.tables import DOUBTFUL_CONFIDENCE, CellValue

Number = float | int


# A cell of 2019's one 三（六） row (requests.result.other.<column>), and of 2021's first row of three, sought in the
# cell keys, each after a line break (a key holds none), from the first key opening as both do (found by str.find in
# C): a pattern's match for every key was a call per key (some two hundred), for a few keys that can match.
_OTHER_CELL_OPENING = "\nrequests.result.other."
_V2019_OTHER_CELL = re.compile(r"\nrequests\.result\.other\.[^.\n]*$", re.MULTILINE)
_V2021_OTHER_CELL = "\nrequests.result.other.no_correction"


def requests_layout(cells: dict[str, CellValue], version: str) -> str:
    """Given parsed cells, return the version whose 表三 rows were printed (a single 三（六） row is v2019's)."""
    keys = "\n" + "\n".join(cells)
    first = keys.find(_OTHER_CELL_OPENING)
    if first < 0:
        return version
    if _V2019_OTHER_CELL.search(keys, first):
        return "v2019"
    if keys.find(_V2021_OTHER_CELL, first) >= 0:
        return "v2021"
    return version


class TableView:
    """Values of cell and derived keys for one report; a blank cell is None, never 0."""

    def __init__(self, cells: dict[str, CellValue], spec: Spec, version: str):
        self.cells = cells
        self.spec = spec
        self.version: VersionSpec = spec.versions[version]
        self.requests_version: VersionSpec = spec.versions[requests_layout(cells, version)]
        # The cells are final once a view is made; linking, checks and the summary ask the same sums again.
        self._resolved: dict[str, tuple[Number | None, list[str]]] = {}

    def printed(self, key: str) -> Number | None:
        cell = self.cells.get(key)
        return None if cell is None else cell.value

    def value(self, key: str) -> Number | None:
        """Given a cell or derived key, return its value (blank terms of a sum count 0 if one term is printed;
        a term that was not read at all makes the sum unknown)."""
        value, _ = self.resolve(key)
        return value

    def resolve(self, key: str) -> tuple[Number | None, list[str]]:
        """Given a key, return its value and the printed cell keys it was computed from (not to be changed: kept)."""
        resolved = self._resolved.get(key)
        if resolved is None:
            resolved = self._resolved[key] = self._resolve(key)
        return resolved

    def _resolve(self, key: str) -> tuple[Number | None, list[str]]:
        """Given a key, return resolve's answer, computed."""
        if self.printed(key) is not None:
            return self.printed(key), [key]
        terms = self._terms(key)
        if not terms:
            return None, []
        total: Number = 0
        used: list[str] = []
        for term in terms:
            if self._rests_on_unread(term):
                return None, []  # an unread cell is not a blank one: summing without it would invent a total
            value, sources = self.resolve(term)
            if value is not None:
                total += value
                used.extend(sources)
        return (tidy(total), used) if used else (None, [])

    def _rests_on_unread(self, key: str) -> bool:
        """Given a term of a sum, return whether its value is unknown for a cell not read at all: the cell itself, or
        a part of a row total left blank (its parts read in part: 总计 blank over 自然人 3 and a 1 no column holds)."""
        if key not in self.cells:
            return not self._terms(key)
        if self.cells[key].value is not None:
            return False
        return any(self._rests_on_unread(t) for t in self._terms(key))

    def unread(self, key: str) -> bool:
        """Given a key, return whether its value rests on a cell that was not read at all (left unread, not blank)."""
        if key in self.cells:
            return False
        terms = self._terms(key)
        return not terms or any(self.unread(t) for t in terms)

    def doubtful(self, key: str) -> bool:
        """Given a key, return whether its value rests on a cell whose placement the identities did not confirm."""
        _, sources = self.resolve(key)
        return any(self.cells[s].confidence <= DOUBTFUL_CONFIDENCE for s in sources)

    def _terms(self, key: str) -> tuple[str, ...]:
        if key.startswith("requests."):
            derived = self.requests_version.derived
            if key in derived:
                return derived[key]
            if key.endswith(".total") and key not in self.cells:
                return ()
            if key.endswith(".total"):
                row = key[: -len(".total")]
                return tuple(f"{row}.{c}" for c in self.spec.column_keys[:-1])
            return ()
        return self.version.derived.get(key, ())


def tidy(value: Number) -> Number:
    """Given a sum, return it without float noise (0.1+0.2 -> 0.3)."""
    return round(value, 4) if isinstance(value, float) else value
