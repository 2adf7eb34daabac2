"""Classes found on the nineteenth round's fresh pages (rn19a), each checked on wordings written for these tests: the
wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.figures import find_figures
from one_sentence import linked

NEW, ANSWERED = "requests.new.total", "requests.result.total.total"
CARRIED_IN, CARRIED_ON = "requests.carried_over.total", "requests.carried_forward.total"


@pytest.mark.parametrize("into", ["转入本年度", "转至本年度", "结转至本年度"])
def test_requests_carried_into_the_report_year_named_with_its_du_are_no_answered_count(tmp_path: Path,
                                                                                        into: str) -> None:
    # 上年度转入本年度办结2件: the requests brought in from the year before, answered; not all the year answered
    found = linked(tmp_path, f"本年度受理申请8件，上年度{into}办结2件。")
    assert (2, ANSWERED) not in found
    assert found == [(8, NEW), (2, CARRIED_IN)]
    # ... in the breakdown of the answered total too, which still reads as the answered
    assert linked(tmp_path, f"本年度受理申请8件，办结10件，其中上年度{into}办结2件。") == [
        (8, NEW), (10, ANSWERED), (2, CARRIED_IN)]


def test_the_years_own_answered_count_still_reads(tmp_path: Path) -> None:
    # 本年度 naming the report's year before an answer verb, with no carry word, is the year's answered count
    assert linked(tmp_path, "本年度受理申请8件，本年度办结10件。") == [(8, NEW), (10, ANSWERED)]


@pytest.mark.parametrize("between", ["2022年转入2023年", "2022年度转至2023年度", "2022年结转至2023年"])
def test_a_carry_named_by_both_years_is_the_carry_in_of_the_later_year(tmp_path: Path, between: str) -> None:
    # 含2022年转入2023年办结2件, in the 2023 report: carried in from the year before, not another year's count
    assert linked(tmp_path, f"本年度受理申请8件，办结10件（含{between}办结2件）。") == [
        (8, NEW), (10, ANSWERED), (2, CARRIED_IN)]


def test_a_carry_named_by_the_years_keeps_its_direction(tmp_path: Path) -> None:
    # the report's year passing requests on to the next is the carry forward, as before
    assert linked(tmp_path, "本年度受理申请8件，另有2023年转入2024年办理的3件。") == [(8, NEW), (3, CARRIED_ON)]
    # ... and in an earlier report the same two years name neither its carry in nor its year: unlinked
    assert linked(tmp_path, "本年度受理申请8件，办结10件（含2022年转入2023年办结2件）。", year=2022) == [
        (8, NEW), (10, ANSWERED)]


@pytest.mark.parametrize("slogan", ['抓好"三件大事"', '落实"两个责任"', '宣传"稳外贸15条"', '推行"跑一次、办成事"'])
def test_a_figure_inside_a_short_straight_quotation_names_a_slogan(slogan: str) -> None:
    # a copy that prints its quotation marks straight still quotes a slogan or a policy, as “…” does: no count
    assert find_figures(f"本年度围绕{slogan}做好信息公开。") == []


def test_figures_outside_straight_quotations_still_count() -> None:
    # a quotation closed before the figure, or one the figure only follows, leaves the figure a count
    found = find_figures('推行"一网通办"，办件3件；"收到申请"5件，另收到申请"2件')
    assert [(f.value, f.unit) for f in found] == [(3, "件"), (5, "件"), (2, "件")]


@pytest.mark.parametrize("carried", ["含上年转入2件", "含上年度转入的2件", "含上一年度转入2件"])
def test_a_received_count_holding_requests_brought_in_is_the_pool(tmp_path: Path, carried: str) -> None:
    # 转入 names the carry-in as 结转 does: a received count holding them is all the year had on hand
    assert linked(tmp_path, f"本年度受理申请10件（{carried}）。") == [
        (10, "requests.handled_pool.total"), (2, CARRIED_IN)]
    # ... while one leaving them out is still the new requests
    assert linked(tmp_path, "本年度受理申请10件（不含上年度转入的2件）。") == [(10, NEW), (2, CARRIED_IN)]


def test_a_received_count_holding_requests_carried_between_named_years(tmp_path: Path) -> None:
    # 含2022年转入2023年的2件 in the 2023 report: the count holds the carry-in, as 含上年转入 says; 不含 leaves it out
    assert linked(tmp_path, "本年度受理申请10件（含2022年转入2023年的2件）。") == [
        (10, "requests.handled_pool.total"), (2, CARRIED_IN)]
    assert linked(tmp_path, "本年度受理申请10件（不含2022年转入2023年的2件）。") == [(10, NEW), (2, CARRIED_IN)]
