"""Classes that the twenty-third round's collector rn23c called for, each checked on wordings written for these
tests: the wording the grammar had misread beside the ones that must still read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked, mentions

RECEIVED = "全年共收到政府信息公开申请9件，其中"


@pytest.mark.parametrize("grounds, leaf", [
    ("不掌握相关政府信息、无法提供4件", "requests.result.unable.not_held.total"),
    ("本机关不掌握、无法提供4件", "requests.result.unable.not_held.total"),
    ("没有现成信息、无法提供4件", "requests.result.unable.needs_creation.total"),
    ("属于国家秘密、不予公开4件", "requests.result.withheld.state_secret.total"),
    ("涉及个人隐私、不予公开4件", "requests.result.withheld.third_party_rights.total"),
    ("重复申请、不予处理4件", "requests.result.not_processed.repeated.total"),
])
def test_grounds_joined_to_their_disposition_by_a_mark_name_its_leaf(tmp_path: Path, grounds: str, leaf: str) -> None:
    # the grounds stand before the 、 and the disposition after it: the count is of that row, not of the category
    # (不掌握相關政府信息、無法提供4件 had read as every 无法提供)
    assert linked(tmp_path, RECEIVED + grounds + "。") == [(9, "requests.new.total"), (4, leaf)]


@pytest.mark.parametrize("sentence, cases", [
    ("本机关不掌握2件、无法提供4件。",  # grounds with a count of their own: the next item is the category's
     [(2, "requests.result.unable.not_held.total"), (4, "requests.result.unable.subtotal.total")]),
    ("属于国家秘密2件、不予公开4件。",
     [(2, "requests.result.withheld.state_secret.total"), (4, "requests.result.withheld.subtotal.total")]),
    ("不掌握相关情况等、无法提供4件。", [(4, "requests.result.unable.subtotal.total")]),  # 等: an example
    ("予以公开3件、不予公开2件、无法提供4件。", [(3, "requests.result.disclosed.total"),
                                  (2, "requests.result.withheld.subtotal.total"),
                                  (4, "requests.result.unable.subtotal.total")]),
])
def test_a_category_after_a_counted_item_or_an_example_stays_the_category(tmp_path: Path, sentence: str,
                                                                         cases: list[tuple[int, str]]) -> None:
    assert linked(tmp_path, RECEIVED + sentence) == [(9, "requests.new.total"), *cases]


@pytest.mark.parametrize("dispositions", ["不予公开、无法提供4件", "部分公开、不予公开4件", "不予处理和其他处理4件",
                                          "不予公开或者无法提供4件", "不予处理以及其他处理4件"])
def test_one_count_of_two_dispositions_joined_is_neither_ones(tmp_path: Path, dispositions: str) -> None:
    # two dispositions joined right before one count share it: their sum, no cell of either
    assert linked(tmp_path, RECEIVED + dispositions + "。") == [(9, "requests.new.total")]


def test_a_worded_zero_of_joined_dispositions_is_still_each_ones(tmp_path: Path) -> None:
    # none of them happened: each is zero
    assert linked(tmp_path, "全年未收到政府信息公开申请，无不予公开、无法提供、不予处理等情形发生。") == [
        (0, "requests.new.total"), (0, "requests.result.withheld.subtotal.total"),
        (0, "requests.result.unable.subtotal.total"), (0, "requests.result.not_processed.subtotal.total")]


@pytest.mark.parametrize("idiom", ["给群众一个明白", "还群众一个明白", "给申请人一个交代"])
def test_one_before_an_abstract_noun_is_an_article(tmp_path: Path, idiom: str) -> None:
    # 一个明白, 一个交代: "a clear account", no count of anything
    assert mentions(tmp_path, f"坚持公开，{idiom}，全年公开信息12条。") == [(12, None)]


def test_a_count_of_a_noun_after_the_measure_word_is_still_a_figure(tmp_path: Path) -> None:
    assert mentions(tmp_path, "全年建成3个便民服务点。") == [(3, None)]
