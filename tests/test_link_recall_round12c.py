"""Links the twelfth round's pages (rn12c) showed missing, each checked on wordings written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit
from one_sentence import linked


def _street_report_links(tmp_path: Path, street: str, sentence: str) -> list[tuple[float, str]]:
    path = tmp_path / "street.txt"
    path.write_text(f"{street}办事处2023年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n"
                    "二、主动公开政府信息情况\n略。\n", encoding="utf-8")
    return [(m.value, m.metric) for m in audit(path).mentions if m.metric is not None]


@pytest.mark.parametrize("street", ["安镇街道", "太平镇街道", "新乡街道"])
def test_a_street_named_after_a_town_is_the_reporting_body(tmp_path: Path, street: str) -> None:
    # in the street's own report the 镇街 inside its name is no towns and streets taken together: its count and
    # zeros are its own
    assert _street_report_links(tmp_path, street, f"{street}收到政府信息公开申请5件。") == [(5, "requests.new.total")]
    assert _street_report_links(tmp_path, street, f"{street}无因政府信息公开工作被申请行政复议、提起行政诉讼的情况。") == [
        (0, "review.total"), (0, "litigation.total")]
    # ... in a district government's report the street is another body (extraction/bodies.py)
    assert linked(tmp_path, f"{street}收到政府信息公开申请5件。") == []
    # ... while a district's towns and streets taken together still count none of its own
    assert linked(tmp_path, "全区共收到申请120件。区直部门收到申请84件，镇街收到申请36件。") == [(120, "requests.new.total")]
    assert linked(tmp_path, "镇街均未收到政府信息公开申请。") == []


@pytest.mark.parametrize("zero", ["无申请件结转到下一年度", "无申请结转至下年度", "没有申请需要结转到下一年度"])
def test_a_negated_carry_after_its_subject_names_its_direction(tmp_path: Path, zero: str) -> None:
    # the carry words after the subject say forward: none carried into the next year
    assert linked(tmp_path, f"本年度收到申请5件，均已办结，{zero}。") == [
        (5, "requests.new.total"), (0, "requests.carried_forward.total")]
    # ... a carry that names no direction still says neither
    assert linked(tmp_path, "未发生申请结转情况。") == []


@pytest.mark.parametrize("places", ["乡镇街道", "全区镇街道", "区直部门和镇街道"])
def test_towns_and_streets_gathered_stay_other_bodies(tmp_path: Path, places: str) -> None:
    # 镇街道 after a word gathering places is the towns and streets, not a street's name
    assert linked(tmp_path, f"{places}收到政府信息公开申请36件。") == []
