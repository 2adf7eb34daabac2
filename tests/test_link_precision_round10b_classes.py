"""False-link and miss classes found on the tenth round's fresh pages (rn10b), each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("anyone", ["任何单位、个人", "任何单位和个人", "任何单位或个人", "任何组织和个人"])
def test_a_zero_of_any_body_or_person_is_a_zero_of_every_request(tmp_path: Path, anyone: str) -> None:
    assert linked(tmp_path, f"本年度未收到{anyone}提交的政府信息公开申请。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本年度未收到个人提交的政府信息公开申请。") == [(0, "requests.new.natural_person")]
    assert linked(tmp_path, "本年度收到自然人申请5件。") == [(5, "requests.new.natural_person")]


@pytest.mark.parametrize("sentence", ["收到申请6件，其中5件予以公开，1件公开部分内容。", "收到申请6件，予以公开5件，公开部分内容1件。"])
def test_part_of_the_content_disclosed_is_a_partial_disclosure(tmp_path: Path, sentence: str) -> None:
    assert (1, "requests.result.partially_disclosed.total") in linked(tmp_path, sentence)
    assert linked(tmp_path, "本年度主动公开部分内容3条。") == []


@pytest.mark.parametrize("count", ["办理量为", "办理量", "办理数量为"])
def test_the_handled_count_named_by_its_noun_is_the_answered(tmp_path: Path, count: str) -> None:
    assert linked(tmp_path, f"本年度依申请公开{count}5件。") == [(5, "requests.result.total.total")]
    assert linked(tmp_path, f"12345热线{count}500件。") == []
    assert linked(tmp_path, "本年度行政许可办理量为300件。") == [(300, "active.licensing.decisions")]


@pytest.mark.parametrize("level", ["区政府本级", "市本级", "县政府本级"])
def test_a_governments_own_level_set_apart_is_a_scope_a_zero_does_not_settle(tmp_path: Path, level: str) -> None:
    assert linked(tmp_path, f"{level}无因政府信息公开引起的行政复议被纠错和行政诉讼败诉案件。") == []
    assert linked(tmp_path, f"全区共收到申请20件，{level}未收到申请。") == [(20, "requests.new.total")]
    assert linked(tmp_path, "本年度未收到本级依申请公开事项。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "区政府无因政府信息公开引起的行政复议被纠错和行政诉讼败诉案件。") == [
        (0, "review.corrected"), (0, "litigation.corrected")]


@pytest.mark.parametrize("sentence", ["收到申请10件，其中可以公开的6件。", "受理申请10件，其中，申请信息可以公开的6件，不属于本机关公开的4件。"])
def test_requests_whose_information_could_be_disclosed_are_disclosed(tmp_path: Path, sentence: str) -> None:
    assert (6, "requests.result.disclosed.total") in linked(tmp_path, sentence)
    assert linked(tmp_path, "主动公开可以公开的政府信息120条。") == []


@pytest.mark.parametrize("topic, metric", [("行政规范性文件", "active.normative_docs.issued"), ("规章", "active.rules.issued")])
def test_documents_printed_are_documents_issued(tmp_path: Path, topic: str, metric: str) -> None:
    assert linked(tmp_path, f"本年度，区司法局未印制{topic}。") == [(0, metric)]
    assert linked(tmp_path, f"本年度印制{topic}2件。") == [(2, metric)]
    assert linked(tmp_path, "本年度共印制宣传资料5000份。") == []
