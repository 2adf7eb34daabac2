"""Which format's 表三 rows a report printed is told by its 三（六） cell keys alone: 2019's one row of cells
(requests.result.other.<column>) or 2021's first row of three (requests.result.other.no_correction.<column>),
wherever among the report's keys they stand."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit
from extraction.values import requests_layout


def _keys(*keys: str) -> dict[str, None]:
    return dict.fromkeys(keys)


def test_one_other_row_is_2019s_wherever_it_stands() -> None:
    assert requests_layout(_keys("active.rules.issued", "requests.result.other.natural", "review.total"), "v2021") == "v2019"
    # a 2021 sub-row's key before it does not hide it
    assert requests_layout(_keys("requests.result.other.no_correction.natural", "requests.new.total",
                                 "requests.result.other.total"), "v2021") == "v2019"


def test_three_other_rows_are_2021s() -> None:
    keys = _keys("requests.new.natural", "requests.result.other.no_correction.natural",
                 "requests.result.other.fee_unpaid.natural")
    assert requests_layout(keys, "v2019") == "v2021"


def test_no_other_row_leaves_the_version() -> None:
    assert requests_layout(_keys(), "v2021") == "v2021"
    assert requests_layout(_keys("requests.new.natural", "requests.result.otherwise.natural",
                                 "xrequests.result.other.natural"), "v2019") == "v2019"


@pytest.mark.parametrize("name, printed", [
    ("shanghai_govoffice_2019.html", "v2019"),  # 三（六） printed as one row
    ("pingtan_2022.html", "v2021"),  # 三（六） printed as its three rows
    ("miyun_2021.txt", "v2021"),
])
def test_real_reports_tell_the_rows_they_printed(real_dir: Path, name: str, printed: str) -> None:
    report = audit(real_dir / name)
    other = "v2021" if printed == "v2019" else "v2019"
    assert requests_layout(report.cells, other) == printed
