"""Classes that the fourteenth round's fresh pages (rn14) called for, each checked on wordings written for these
tests: the wording the grammar misread beside the ones that still read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked, mentions


@pytest.mark.parametrize("channels", [
    "以信函、网络等形式提出的",
    "以当面、邮寄、网络等方式提交的",
    "通过信函、传真、电子邮件等途径提交的",
    "以现场申请、信件、数据电文等书面形式提出的",
])
def test_channels_listed_as_examples_of_every_form_leave_the_zero_of_every_request(tmp_path: Path,
                                                                                    channels: str) -> None:
    # two or more channels closed by 等 and a word of form are examples of any form: nobody asked, in any way
    assert linked(tmp_path, f"本年度未收到群众{channels}政府信息公开申请。") == [(0, "requests.new.total")]


def test_the_zero_listed_that_way_is_one_claim_with_its_restatement(tmp_path: Path) -> None:
    # ... and a restatement after it (无相关申请处理记录) says it again: one zero, not an unlinked one beside a linked one
    sentence = "本年度未收到群众以当场申请、信件、数据电文等书面形式提出的政府信息公开申请，无相关申请处理记录。"
    assert mentions(tmp_path, sentence) == [(0, "requests.new.total")]


@pytest.mark.parametrize("channels", ["通过网络提交的", "以网络等形式提出的", "通过网络、信函提交的", "当面提交的"])
def test_a_channel_named_on_its_own_keeps_the_zero_a_part(tmp_path: Path, channels: str) -> None:
    # one channel, or a list no 等 and word of form closes, names the requests that came that way: no zero of all
    assert linked(tmp_path, f"本年度未收到{channels}政府信息公开申请。") == []


def test_a_printed_count_by_channel_is_still_a_part(tmp_path: Path) -> None:
    # the list only lifts a zero's channel words: a count of requests that came one way stays unlinked
    assert linked(tmp_path, "本年度收到当面提交的政府信息公开申请3件。") == []


@pytest.mark.parametrize(("sentence", "metric"), [
    ("本年度未新收到政府信息公开申请。", "requests.new.total"),
    ("2023年度，我镇未新收到政府依申请公开件。", "requests.new.total"),
    ("本年度未新制定规范性文件。", "active.normative_docs.issued"),
])
def test_new_between_the_negation_and_its_verb_adds_nothing(tmp_path: Path, sentence: str, metric: str) -> None:
    # 新 before the verb (未新收到) says what the verb says already: the zero of the year's new ones
    assert linked(tmp_path, sentence) == [(0, metric)]


def test_a_count_beside_none_new_is_still_the_pool(tmp_path: Path) -> None:
    # ... and after a count of the year, none new makes that count the pool and its own zero the new ones
    assert linked(tmp_path, "本年度收到政府信息公开申请3件，未新收到申请。") == [
        (3, "requests.handled_pool.total"), (0, "requests.new.total")]


@pytest.mark.parametrize("besides", ["另有52件申请顺延到下年度答复", "另外52件结转至下一年度办理", "尚有52件结转到下年办理"])
def test_a_handled_count_leaving_out_the_ones_carried_on_is_the_answered(tmp_path: Path, besides: str) -> None:
    # the pool would hold the requests carried on; a handled count that puts them besides itself is the answered one,
    # though it holds the carried-in (the arithmetic: 1182 new + 57 carried in - 52 carried on = 1187)
    assert linked(tmp_path, f"本年度新收到政府信息公开申请1182件，办理1187件（含上年度结转申请57件，{besides}）。") == [
        (1182, "requests.new.total"), (1187, "requests.result.total.total"), (57, "requests.carried_over.total"),
        (52, "requests.carried_forward.total")]


def test_a_handled_count_holding_the_carried_in_alone_is_still_the_pool(tmp_path: Path) -> None:
    # ... while the carried-in alone, or a part carried on inside the count, still make it all the year had on hand
    assert linked(tmp_path, "本年度共办理政府信息公开申请120件（含上年结转5件）。") == [
        (120, "requests.handled_pool.total"), (5, "requests.carried_over.total")]
    assert linked(tmp_path, "本年度办理政府信息公开申请96件（结转下年度继续办理1件）。") == [
        (96, "requests.handled_pool.total"), (1, "requests.carried_forward.total")]
    # ... and a received count keeps its carry-in whatever is carried on
    assert linked(tmp_path, "本年度收到政府信息公开申请120件（含上年结转5件，另有3件结转至下一年度办理）。")[0] == (
        120, "requests.handled_pool.total")
