"""False-link classes that the twentieth round's fresh pages (rn20a) called for, each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

NEW, ANSWERED = "requests.new.total", "requests.result.total.total"
CARRIED_IN, CARRIED_ON = "requests.carried_over.total", "requests.carried_forward.total"


@pytest.mark.parametrize("carry", ["结转2023年", "结转至2023年", "转至2023年办理", "转入2023年继续办理", "顺延至2023年办理"])
def test_a_carry_into_the_reports_own_year_from_no_year_says_neither_direction(tmp_path: Path, carry: str) -> None:
    # in the 2023 report, requests carried into 2023 with no year they came from: the carry-in, or the next year's
    # wording left standing (the counts often say forward)? Neither reading is safe: no link, either way
    assert linked(tmp_path, f"全年收到政府信息公开申请30件，上年结转4件；全年办理26件，{carry}8件。") == [
        (30, NEW), (4, CARRIED_IN), (26, ANSWERED)]
    # ... while the next year named by its number is the carry forward
    assert linked(tmp_path, "全年收到政府信息公开申请30件，上年结转4件；全年办理26件，结转2024年8件。") == [
        (30, NEW), (4, CARRIED_IN), (26, ANSWERED), (8, CARRIED_ON)]


@pytest.mark.parametrize("source", ["上年度结转至2023年", "上年转入2023年", "上一年度转至2023年", "2022年转入2023年"])
def test_a_carry_into_the_reports_own_year_from_the_year_before_is_the_carry_in(tmp_path: Path, source: str) -> None:
    # the year it came from named in its clause (上年度, 2022年) makes it the requests carried in
    assert linked(tmp_path, f"全年收到政府信息公开申请30件，办结26件，{source}办理的申请3件。") == [
        (30, NEW), (26, ANSWERED), (3, CARRIED_IN)]


@pytest.mark.parametrize("verb", ["回复处理", "答复处理"])
def test_an_answer_verb_joined_to_handling_counts_the_answered(tmp_path: Path, verb: str) -> None:
    # 回复处理0件 beside the received count: the answered, as 回复办理 and 答复办理 already read
    assert linked(tmp_path, f"本年度受理政府信息公开申请6件，{verb}6件。") == [(6, NEW), (6, ANSWERED)]
    assert linked(tmp_path, f"本年度受理政府信息公开申请0件，{verb}0件。") == [(0, NEW), (0, ANSWERED)]
    # ... while the handled pool named by 处理 alone keeps its reading
    assert linked(tmp_path, "本年度处理政府信息公开申请6件（含上年结转1件）。") == [
        (6, "requests.handled_pool.total"), (1, CARRIED_IN)]


@pytest.mark.parametrize(("listed", "metrics"), [
    ("无不予公开、无法提供、不予处理等情形发生", ["withheld", "unable", "not_processed"]),
    ("未出现不予公开、不予处理的情况", ["withheld", "not_processed"]),
    ("也未出现无法提供的情况", ["unable"])])
def test_a_worded_zero_over_listed_dispositions_is_a_zero_of_each(tmp_path: Path, listed: str,
                                                                   metrics: list[str]) -> None:
    # a negation over a list of disposition categories states a zero of every category it lists, not the first only
    assert linked(tmp_path, f"全年未收到政府信息公开申请，{listed}。") == [
        (0, NEW), *((0, f"requests.result.{m}.subtotal.total") for m in metrics)]
    # ... while a category modifying the requests it heads stays one zero
    assert linked(tmp_path, "全年收到政府信息公开申请5件，无不予公开的申请。") == [
        (5, NEW), (0, "requests.result.withheld.subtotal.total")]
