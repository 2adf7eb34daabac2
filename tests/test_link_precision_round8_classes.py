"""False-link classes found on the eighth round's fresh pages, tested on wordings written for these tests: each class
reads its figures otherwise (or leaves them unlinked) beside the wording that still links, so that the class holds for
phrasings the corpus never showed and costs the plain reading nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("kept", ["保留规范性文件2件", "保留行政规范性文件2份", "共保留规范性文件2件"])
def test_documents_kept_are_those_in_force(tmp_path: Path, kept: str) -> None:
    assert linked(tmp_path, f"全年未印发规范性文件，{kept}。") == [(0, "active.normative_docs.issued"),
                                                             (2, "active.normative_docs.in_force")]
    assert linked(tmp_path, "全年印发规范性文件2件。") == [(2, "active.normative_docs.issued")]


@pytest.mark.parametrize("first, metric", [("没有受理政府信息公开申请", "requests.new.total"),
                                           ("未收到依申请公开事项", "requests.new.total"),
                                           ("未发生行政复议", "review.total")])
@pytest.mark.parametrize("second", ["没有“不予公开”的情况", "无不予公开情况", "未出现不予公开的情形"])
def test_each_negated_item_of_a_list_is_its_own_zero(tmp_path: Path, first: str, metric: str, second: str) -> None:
    withheld = (0, "requests.result.withheld.subtotal.total")
    assert linked(tmp_path, f"全年{first}、{second}。") == [(0, metric), withheld]
    assert linked(tmp_path, f"全年{first}。") == [(0, metric)]


@pytest.mark.parametrize("joined", ["行政复议、行政诉讼", "行政复议和行政诉讼", "行政复议及行政诉讼"])
def test_subjects_of_one_negation_stay_one_zero_each(tmp_path: Path, joined: str) -> None:
    assert linked(tmp_path, f"全年未发生{joined}。") == [(0, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, f"全年未收到申请、未发生{joined}。") == [(0, "requests.new.total"), (0, "review.total"),
                                                               (0, "litigation.total")]
