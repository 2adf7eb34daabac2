"""Round 13's guards against the fresh false links no rule held (corpus/real-narrative/README.md, "Precision on fresh
text"), on wordings written for these tests that no round's rule names: each must fail without its guard, and the
plain readings beside them must keep their links."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

RECEIVED = ["全年共受理政府信息公开申请{n}件", "2023年共收到政府信息公开申请{n}件", "本年度接收依申请公开事项{n}件"]
# a part of the received count from an earlier year, named in its own breakdown: the count is the pool
CARRIED_IN_PARTS = ["，其中{m}件系上一年度遗留", "，其中{m}件为上一年度转入", "，其中2件是上年度遗留申请",
                    "（包括往年未办结的{m}件）", "（含以前年度转入{m}件）", "（其中上年遗留{m}件）"]
# beside it but no part it holds: left out, none, a comparison, a carry forward, or a sibling after no breakdown word
NOT_HELD = ["（不含上年结转{m}件）", "（另有上年结转{m}件）", "，其中办结48件，上年无结转", "（较上年减少{m}件）",
            "，比上一年增加{m}件", "，其中办结48件，结转下年度{m}件", "，其中自然人申请48件，法人或其他组织申请2件"]


@pytest.mark.parametrize("received", RECEIVED)
@pytest.mark.parametrize("part", CARRIED_IN_PARTS)
def test_a_received_count_holding_a_carried_in_part_is_no_new_total(tmp_path: Path, received: str, part: str) -> None:
    sentence = received.format(n=50) + part.format(m=3) + "。"
    assert (50, "requests.new.total") not in linked(tmp_path, sentence)


@pytest.mark.parametrize("received", RECEIVED)
@pytest.mark.parametrize("beside", NOT_HELD)
def test_a_received_count_beside_no_carried_in_part_stays_the_new_total(tmp_path: Path, received: str,
                                                                        beside: str) -> None:
    sentence = received.format(n=50) + beside.format(m=3) + "。"
    assert (50, "requests.new.total") in linked(tmp_path, sentence)


@pytest.mark.parametrize("part", ["（上年结转{m}件）", "，其中上年结转申请已全部办结"])
def test_a_count_its_clause_calls_new_stays_the_new_total(tmp_path: Path, part: str) -> None:
    sentence = "全年新收政府信息公开申请50件" + part.format(m=3) + "。"
    assert (50, "requests.new.total") in linked(tmp_path, sentence)


def test_a_carry_in_named_by_the_year_before_keeps_the_pool_its_rule_reads(tmp_path: Path) -> None:
    sentence = "2023年共收到政府信息公开申请50件，其中结转2022年3件，2023年申请47件。"
    assert (50, "requests.handled_pool.total") in linked(tmp_path, sentence)


@pytest.mark.parametrize("part", ["（其中2023年度结转{m}件）", "（2023年转结{m}件）"])
def test_a_carry_in_named_by_the_year_before_is_a_carried_in_part(tmp_path: Path, part: str) -> None:
    sentence = "2024年共受理信息公开申请375件" + part.format(m=29) + "。"
    assert (375, "requests.new.total") not in linked(tmp_path, sentence, year=2024)


@pytest.mark.parametrize("beside", ["（2021-2023年为40件）", "（其中2023年提交的{m}件）"])
def test_the_year_before_without_a_carry_is_no_carried_in_part(tmp_path: Path, beside: str) -> None:
    sentence = "2024年共受理信息公开申请375件" + beside.format(m=29) + "。"
    assert (375, "requests.new.total") in linked(tmp_path, sentence, year=2024)
