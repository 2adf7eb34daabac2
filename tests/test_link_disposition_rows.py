"""A request disposition named by the words of its own 表三 row, in wordings written for these tests: the request
noun closing the row's phrase (…行政机关不再处理其政府信息公开申请2件) counts no requests received."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

NO_CORRECTION, FEE_UNPAID = "requests.result.other.no_correction.total", "requests.result.other.fee_unpaid.total"


@pytest.mark.parametrize("row, metric", [
    ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", NO_CORRECTION),
    ("申请人逾期未补正、行政机关不再处理其信息公开申请", NO_CORRECTION),
    ("因申请人逾期未补正，不再处理其申请", NO_CORRECTION),
    ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", FEE_UNPAID),
])
@pytest.mark.parametrize("before", ["", "全年共收到政府信息公开申请50件，予以公开16件，"])
def test_a_row_of_other_handling_named_by_its_words_is_that_row(tmp_path: Path, row: str, metric: str, before: str) -> None:
    links = linked(tmp_path, f"{before}{row}2件。")
    assert links[-1] == (2, metric) and (2, "requests.new.total") not in links
    # in the 2019 format, whose 其他处理 has no rows, it is a part of no cell: unlinked, and still no request received
    assert (2, "requests.new.total") not in linked(tmp_path, f"{before}{row}2件。", year=2020)


def test_the_phrase_without_its_row_s_words_is_other_handling(tmp_path: Path) -> None:
    assert linked(tmp_path, "行政机关不再处理其政府信息公开申请4件。") == [(4, "requests.result.other.subtotal.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请4件。") == [(4, "requests.new.total")]

