"""Classes that the twenty-fourth round's fresh pages (rn24a) called for, each checked on wordings written for these
tests: the wording the grammar misread beside the ones that still read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize(("joined", "metric"), [
    ("已在规定期限内作出答复并予以公开", "requests.result.disclosed.total"),
    ("均已答复并部分公开", "requests.result.partially_disclosed.total"),
    ("已办结且不予公开", "requests.result.withheld.subtotal.total"),
    ("已答复并已予以公开", "requests.result.disclosed.total"),
])
def test_a_disposition_joined_after_the_answer_verb_names_those_answers(tmp_path: Path, joined: str, metric: str) -> None:
    # the part answered and disposed of one way is that disposition's count, not every answer of the year
    assert linked(tmp_path, f"本年度新收申请3件，其中2件{joined}，另1件结转下年度继续办理。") == [
        (3, "requests.new.total"), (2, metric), (1, "requests.carried_forward.total")]


def test_an_answer_verb_with_no_disposition_joined_stays_the_answered_count(tmp_path: Path) -> None:
    # the disposition in a clause of its own counts its own figure; the verb's figure stays the answers
    assert linked(tmp_path, "收到申请5件，其中5件已答复，予以公开3件。") == [
        (5, "requests.new.total"), (5, "requests.result.total.total"), (3, "requests.result.disclosed.total")]
    # ... and a verb before the figure keeps its reading, the disposition after it joined to the verb, not the figure
    assert linked(tmp_path, "收到申请5件，已答复5件并予以公开。") == [
        (5, "requests.new.total"), (5, "requests.result.total.total")]


def test_the_longest_disposition_joined_after_the_verb_names_it(tmp_path: Path) -> None:
    # disclosed in whole or in part: both dispositions together, not the disclosed alone
    assert linked(tmp_path, "本年度新收申请3件，其中2件已答复并予以公开或部分公开，另1件结转下年度继续办理。") == [
        (3, "requests.new.total"), (2, "requests.result.disclosed_or_partial.total"), (1, "requests.carried_forward.total")]
    # ... and a parenthesis after the disposition may widen it: the disclosed alone is not read from it
    assert (2, "requests.result.disclosed.total") not in linked(
        tmp_path, "本年度新收申请3件，其中2件已答复并予以公开（含部分公开），另1件结转下年度继续办理。")
