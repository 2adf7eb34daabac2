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


@pytest.mark.parametrize("parts", ["其中涉及商业秘密1件，涉及个人隐私2件", "其中，涉及商业秘密1件；涉及个人隐私2件",
                                   "其中因涉及个人隐私不予公开1件，因涉及商业秘密不予公开2件"])
def test_a_part_of_a_disposition_named_alone_links_nothing(tmp_path: Path, parts: str) -> None:
    found = linked(tmp_path, f"收到政府信息公开申请5件，不予公开3件，{parts}。")
    assert found == [(5, "requests.new.total"), (3, "requests.result.withheld.subtotal.total")]
    third_party = "requests.result.withheld.third_party_rights.total"
    assert (3, third_party) in linked(tmp_path, "收到政府信息公开申请5件，其中因涉及商业秘密、个人隐私不予公开3件。")
    assert (2, third_party) in linked(tmp_path, "收到政府信息公开申请5件，其中因涉及个人隐私不予公开2件。")
    assert (1, third_party) in linked(tmp_path, "收到政府信息公开申请5件，不予公开2件，其中1件因涉及第三方合法权益，1件属于内部事务信息。")
