"""False-link classes found on the ninth round's fresh pages (slice 北京…湖北 + national), tested on wordings written for
these tests: each class reads its figures otherwise (or leaves them unlinked) beside the wording that still links, so
that the class holds for phrasings the corpus never showed and costs the plain reading nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("next_year", ["下年结转", "下年度结转", "下一年结转", "下一年度结转", "次年结转", "下年转结"])
def test_the_next_year_named_before_the_carry_word_carries_forward(tmp_path: Path, next_year: str) -> None:
    found = linked(tmp_path, f"全年收到申请10件，办结8件，{next_year}2件。")
    assert found == [(10, "requests.new.total"), (8, "requests.result.total.total"),
                     (2, "requests.carried_forward.total")]
    for last_year in ("上年结转", "上年度结转", "上一年度结转", "2022年度结转"):
        assert linked(tmp_path, f"全年收到申请10件，{last_year}2件。") == [(10, "requests.new.total"),
                                                                      (2, "requests.carried_over.total")]
