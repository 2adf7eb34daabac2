"""False-link and zero classes found on the fifteenth round's fresh pages (rn15a), each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

POOL, CARRIED_IN = "requests.handled_pool.total", "requests.carried_over.total"
ANSWERED, WITHHELD = "requests.result.total.total", "requests.result.withheld.subtotal.total"
PROCESS_INFO = "requests.result.withheld.process_info.total"


@pytest.mark.parametrize("ground", ["四类过程信息", "过程信息", "四类过程性信息"])
def test_a_withholding_ground_in_its_short_form_names_its_row_not_the_subtotal(tmp_path: Path, ground: str) -> None:
    # several withheld counts side by side: each is its ground's count, none is all that were withheld
    found = linked(tmp_path, f"本年共收到申请9件，其中2件因{ground}不予公开，3件属于行政查询事项不予公开。")
    assert (2, PROCESS_INFO) in found and (2, WITHHELD) not in found


def test_a_withholding_with_no_ground_is_still_the_subtotal(tmp_path: Path) -> None:
    assert (2, WITHHELD) in linked(tmp_path, "本年共收到申请9件，其中予以公开7件，不予公开2件。")


@pytest.mark.parametrize("carried", ["含2023年转至今年办理的4件", "含2023年转入本年办理的4件"])
def test_a_handled_count_holding_requests_brought_into_this_year_is_the_pool(tmp_path: Path, carried: str) -> None:
    # the year before named as brought into this one is the carry-in: the count holding it is new plus carried
    found = linked(tmp_path, f"全年共办理政府信息公开申请52件，{carried}，均已按时答复。", year=2024)
    assert (52, POOL) in found and (52, ANSWERED) not in found
    assert (4, CARRIED_IN) in found


def test_a_handled_count_naming_no_carry_in_stays_the_answered(tmp_path: Path) -> None:
    found = linked(tmp_path, "全年共办理政府信息公开申请52件，其中网上申请40件，均已按时答复。", year=2024)
    assert (52, ANSWERED) in found
    # the year before the report's year only is the carry-in: a count brought in from further back says nothing of it
    assert (52, POOL) not in linked(tmp_path, "全年共办理政府信息公开申请52件，含2021年转至今年办理的4件。", year=2024)


@pytest.mark.parametrize("text", ["本年度未制作规范性文件。", "本年度没有制作行政规范性文件。", "本年未制作规范性文件、规章。"])
def test_no_document_made_is_a_zero_of_the_documents_issued(tmp_path: Path, text: str) -> None:
    assert (0, "active.normative_docs.issued") in linked(tmp_path, text)


def test_documents_newly_added_are_the_documents_issued(tmp_path: Path) -> None:
    assert linked(tmp_path, "本年新增行政规范性文件3件。") == [(3, "active.normative_docs.issued")]


def test_documents_posted_are_no_documents_made(tmp_path: Path) -> None:
    # the verb that posts (公开) is none of making: its zero says nothing of the documents issued
    assert linked(tmp_path, "本年度未公开规范性文件解读。") == []


@pytest.mark.parametrize("left_out", ["，不含上年结转4件", "，不含2023年转至今年办理的4件", "（不含上年结转4件）"])
def test_a_handled_count_leaving_the_carried_in_out_is_no_pool(tmp_path: Path, left_out: str) -> None:
    found = linked(tmp_path, f"全年共办理政府信息公开申请52件{left_out}。", year=2024)
    assert (52, POOL) not in found and (4, CARRIED_IN) in found


@pytest.mark.parametrize("verb", ["受理", "收到"])
def test_a_received_count_holding_the_carried_in_after_a_comma_is_the_pool(tmp_path: Path, verb: str) -> None:
    # as with the parenthesis (收到申请52件（含上年结转4件）): the count holds both years' requests
    assert linked(tmp_path, f"全年共{verb}申请52件，含2023年结转的4件。", year=2024) == [(52, POOL), (4, CARRIED_IN)]
    assert (52, "requests.new.total") in linked(tmp_path, f"全年共{verb}申请52件，不含上年结转4件。", year=2024)
