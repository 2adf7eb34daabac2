"""Guards against the false links fresh text showed round after round (corpus/real-narrative/README.md, "Precision on
fresh text"), on wordings written for these tests that no round's rule names: a guard must hold on phrasings the
corpus never showed, and must not cost the plain reading beside it."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

RECEIVED = ["全年共受理政府信息公开申请", "2023年共收到政府信息公开申请", "本年度接收依申请公开事项"]
ANSWERED = ["办结{n}件", "依法办结{n}件", "{n}件已办结", "已作出答复{n}件"]
# parts beside the answered ones that the answered total holds (dispositions, withdrawals) or that no row names
OTHER_PARTS = ["申请人撤销{n}件", "不属于本机关职责{n}件", "通过窗口办结{n}件", "{n}件经协调后申请人放弃"]
# parts it lacks: requests not yet answered
UNANSWERED = ["结转下年度{n}件", "尚在办理{n}件", "{n}件转2024年办理", "{n}件正在处理中"]


@pytest.mark.parametrize("received", RECEIVED)
@pytest.mark.parametrize("answered", ANSWERED)
@pytest.mark.parametrize("other", OTHER_PARTS)
def test_an_answered_part_beside_other_parts_of_the_whole_is_no_answered_total(tmp_path: Path, received: str,
                                                                               answered: str, other: str) -> None:
    sentence = f"{received}31件，其中{answered.format(n=26)}，{other.format(n=5)}。"
    assert (26, "requests.result.total.total") not in linked(tmp_path, sentence)
    assert (31, "requests.new.total") in linked(tmp_path, sentence)


@pytest.mark.parametrize("received", RECEIVED)
@pytest.mark.parametrize("answered", ANSWERED)
@pytest.mark.parametrize("unanswered", UNANSWERED)
def test_an_answered_part_beside_unanswered_parts_only_is_the_answered_total(tmp_path: Path, received: str,
                                                                             answered: str, unanswered: str) -> None:
    sentence = f"{received}31件，其中{answered.format(n=26)}，{unanswered.format(n=5)}。"
    assert (26, "requests.result.total.total") in linked(tmp_path, sentence)


@pytest.mark.parametrize("answered", ANSWERED)
def test_parts_that_do_not_make_up_the_whole_leave_the_answered_total(tmp_path: Path, answered: str) -> None:
    # 26 + 3 is not 31: the sentence does not say the answered ones are a share of the received
    sentence = f"全年共受理政府信息公开申请31件，其中{answered.format(n=26)}，申请人撤销3件。"
    assert (26, "requests.result.total.total") in linked(tmp_path, sentence)
    assert (26, "requests.result.total.total") in linked(tmp_path, f"全年共受理政府信息公开申请31件，其中{answered.format(n=26)}。")


@pytest.mark.parametrize("other", ["受委托{n}件", "由上级交办{n}件"])
def test_a_new_count_beside_other_parts_of_the_pool_is_no_new_total(tmp_path: Path, other: str) -> None:
    sentence = f"全年共收到政府信息公开申请12件，其中新收10件，{other.format(n=2)}。"
    assert (10, "requests.new.total") not in linked(tmp_path, sentence)


@pytest.mark.parametrize("carried", ["上年结转{n}件", "{n}件为上一年度遗留申请"])
def test_a_new_count_beside_the_carried_in_is_the_new_total(tmp_path: Path, carried: str) -> None:
    sentence = f"全年共收到政府信息公开申请12件，其中新收10件，{carried.format(n=2)}。"
    assert (10, "requests.new.total") in linked(tmp_path, sentence)


TABLE_TWO = [("行政许可", "active.licensing.decisions"), ("行政处罚", "active.penalty.decisions"),
             ("行政强制", "active.coercion.decisions")]
OTHER_CATEGORIES = ["行政给付", "行政确认", "公共服务", "工作动态", "其他权力"]


@pytest.mark.parametrize("topic, metric", TABLE_TWO)
@pytest.mark.parametrize("other", OTHER_CATEGORIES)
@pytest.mark.parametrize("unit", ["项", "条"])
def test_a_count_listed_beside_a_category_no_topic_names_is_an_item_count(tmp_path: Path, topic: str, metric: str,
                                                                          other: str, unit: str) -> None:
    assert linked(tmp_path, f"本年度更新公开{other}3{unit}、{topic}12{unit}。") == []
    assert linked(tmp_path, f"本年度更新公开{topic}12{unit}、{other}3{unit}。") == []


@pytest.mark.parametrize("topic, metric", TABLE_TWO)
def test_a_list_of_topics_or_a_change_beside_one_keeps_the_decisions(tmp_path: Path, topic: str, metric: str) -> None:
    assert (12, metric) in linked(tmp_path, f"本年度作出{topic}决定12件、行政检查20件。")  # 件: decisions, not items
    kinds = "、".join(f"{t}{n}项" for (t, _), n in zip(TABLE_TWO, (12, 8, 5)))
    assert len(linked(tmp_path, f"本年度更新公开{kinds}。")) == 3


def test_a_count_in_another_unit_beside_a_posting_count_keeps_its_link(tmp_path: Path) -> None:
    assert linked(tmp_path, "2023年我乡制发规范性文件13份，平台主动公开政府信息87条。") == [
        (13, "active.normative_docs.issued")]
