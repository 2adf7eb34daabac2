"""A count over a range of years written with 年 on the last year only (2021-2023年, 2019～2023年), in wordings written
for these tests: several years' count, no one year's table cell; a range inside a title or a parenthesis dates no
later figure."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("span", ["2021-2023年，", "2019～2023年", "2020—2023年间", "2021至2023年", "2022到2023年"])
@pytest.mark.parametrize("count, metric", [("共收到政府信息公开申请58件", "requests.new.total"),
                                           ("累计制发规范性文件58件", "active.normative_docs.issued")])
def test_a_count_over_a_range_of_years_links_nothing(tmp_path: Path, span: str, count: str, metric: str) -> None:
    assert linked(tmp_path, f"{span}{count}。") == []
    assert linked(tmp_path, f"2023年，{count.replace('累计', '')}。") == [(58, metric)]


def test_a_range_in_a_title_or_a_parenthesis_dates_no_later_figure(tmp_path: Path) -> None:
    assert linked(tmp_path, "印发《2023-2025年行动方案》等规范性文件3件。") == [(3, "active.normative_docs.issued")]
    assert linked(tmp_path, "全年共收到政府信息公开申请18件（2021-2022年为40件），办结18件。") == [
        (18, "requests.new.total"), (18, "requests.result.total.total")]
