"""Links the sixteenth round's second batch (rn16a) showed missing, each checked on wordings written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

ISSUED, REPEALED = "active.normative_docs.issued", "active.normative_docs.repealed"
IN_FORCE, FORWARD = "active.normative_docs.in_force", "requests.carried_forward.total"


def test_documents_that_go_on_in_force_are_the_documents_in_force(tmp_path: Path) -> None:
    # the in-force word of the list is what lets the whole list be read as the table's three columns
    found = linked(tmp_path, "本年度印发规范性文件5份、废止2份、有效存续21份。")
    assert found == [(5, ISSUED), (2, REPEALED), (21, IN_FORCE)]


@pytest.mark.parametrize("carry", ["其余4件转至2026年办理", "4件转入2026年继续办理", "4件转到2026年答复"])
def test_a_count_carried_to_the_next_year_named_after_it_is_the_carry_forward(tmp_path: Path, carry: str) -> None:
    found = linked(tmp_path, f"2025年共受理政府信息公开申请20件，已办结16件，{carry}。", year=2025)
    assert (4, FORWARD) in found and (16, "requests.result.total.total") in found
