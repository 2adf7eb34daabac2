"""Classes that the twenty-fifth round's fresh pages (rn25b) called for, each checked on wordings written for these
tests: the wording the grammar misread beside the ones that still read as before."""
from __future__ import annotations

import pytest

from extraction.figures import find_figures


def counts(text: str) -> list[tuple[float | int, str]]:
    """Given a text, return (value, unit) of each figure find_figures finds in it."""
    return [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("adverb", ["再一次", "又一次"])
def test_once_more_is_no_count_of_times(adverb: str) -> None:
    # 再一次 / 又一次 before a verb says "once more": no 1次 to count
    assert counts(f"局机关{adverb}组织干部学习了信息公开指南，并在网站发布信息12条。") == [(12, "条")]


def test_a_count_of_times_still_counts() -> None:
    # the times counted with a numeral, or 一次 with no 再/又 before it, stay figures
    assert counts("全年召开专题会议3次，开展培训一次。") == [(3, "次"), (1, "次")]


@pytest.mark.parametrize("phrase", ["推入一个新的阶段", "迈上一个新台阶", "达到一个新水平"])
def test_a_new_after_one_is_an_article(phrase: str) -> None:
    # 一个新… is "a new …": no count of one
    assert counts(f"本年度政务公开工作{phrase}，全年主动公开政府信息45条。") == [(45, "条")]


def test_units_counted_before_new_still_count() -> None:
    # a numeral other than 一, or 一个 before a noun that is not 新, counts what it names
    assert counts("新建3个新栏目，开设一个专栏。") == [(3, "个"), (1, "个")]
