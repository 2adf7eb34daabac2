"""False-link and miss classes found on the tenth round's fresh pages (rn10c), each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("noun", ["文件", "公文"])
def test_documents_named_by_their_disclosure_attribute_are_not_requests(tmp_path: Path, noun: str) -> None:
    assert linked(tmp_path, f"本年度主动公开政府信息16条，依申请公开{noun}12条、不予公开{noun}36条。") == []
    assert linked(tmp_path, f"全年制发{noun}120件，其中主动公开{noun}85件，依申请公开{noun}20件，不予公开{noun}15件。") == []
    assert linked(tmp_path, "全年主动公开政府信息300条，收到申请10件，予以公开8件，不予公开2件。") == [
        (10, "requests.new.total"), (8, "requests.result.disclosed.total"),
        (2, "requests.result.withheld.subtotal.total")]


@pytest.mark.parametrize("carry", ["转接到2024年答复", "转接至2024年度办理", "转接到下一年度办理", "转接至下年办理"])
def test_requests_passed_on_to_the_next_year_are_carried_forward(tmp_path: Path, carry: str) -> None:
    assert linked(tmp_path, f"本年度收到申请9件，其中7件已按时答复，2件{carry}。") == [
        (9, "requests.new.total"), (7, "requests.result.total.total"), (2, "requests.carried_forward.total")]
    assert linked(tmp_path, "收到申请9件，办结7件，转接到2024年办理2件。")[-1] == (2, "requests.carried_forward.total")
    # passed on to another body, not into another year: no carry
    assert linked(tmp_path, "收到申请9件，办结7件，2件转接到区住房和城乡建设局办理。") == [
        (9, "requests.new.total"), (7, "requests.result.total.total")]
    assert linked(tmp_path, "本年度转接市长热线工单30件。") == []


@pytest.mark.parametrize("pending, answered", [("办理中", "答复完毕"), ("处理中", "已办结")])
def test_requests_pending_named_before_their_count_are_carried_forward(tmp_path: Path, pending: str,
                                                                        answered: str) -> None:
    assert linked(tmp_path, f"本年度共收到依申请公开申请7件，{answered}6件，{pending}1件。") == [
        (7, "requests.new.total"), (6, "requests.result.total.total"), (1, "requests.carried_forward.total")]
    assert linked(tmp_path, f"12345热线工单30件，办结28件，{pending}2件。") == []


@pytest.mark.parametrize("centre", ["办理中心", "处理中心"])
def test_a_handling_centre_is_no_pending_count(tmp_path: Path, centre: str) -> None:
    assert linked(tmp_path, f"本年度收到政府信息公开申请5件，其中通过{centre}转来2件。") == [(5, "requests.new.total")]
    assert linked(tmp_path, f"本年度通过政务{centre}受理政府信息公开申请5件。") == []
