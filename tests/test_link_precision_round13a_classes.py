"""False-link classes that the thirteenth round's fresh pages (rn13a) called for, each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("bodies", ["任何机构和个人", "任何机构、个人", "任何机关或个人", "任何机關和個人"])
def test_a_zero_of_any_body_and_any_person_is_of_every_request(tmp_path: Path, bodies: str) -> None:
    # nobody of either kind asked: the zero is of all requests, not of the 自然人 column that 个人 alone would name
    assert linked(tmp_path, f"本年度我局没有收到{bodies}提出的政府信息公开申请。") == [(0, "requests.new.total")]
    # ... while persons named alone still narrow it to their column
    assert linked(tmp_path, "本年度我局没有收到公民个人提出的政府信息公开申请。") == [(0, "requests.new.natural_person")]


@pytest.mark.parametrize("after", ["申请内容本机关未制作", "本机关不掌握相关信息", "经核实属于国家秘密"])
def test_a_count_between_two_dispositions_is_left_unlinked(tmp_path: Path, after: str) -> None:
    # a list whose items put their count first, printed without a stop: 部分公开 may close the item before, and the
    # words after the count name another disposition, so neither is sure to be the count's
    clause = f"其中2件予以公开，2件涉及商业秘密部分公开1件{after}，无法提供。"
    got = linked(tmp_path, f"全年共收到政府信息公开申请5件。{clause}")
    assert (1, "requests.result.partially_disclosed.total") not in got
    assert (5, "requests.new.total") in got


def test_a_disposition_before_its_count_still_reads(tmp_path: Path) -> None:
    # the next item's own disposition right before its count is no word after this one
    assert linked(tmp_path, "收到申请5件，其中予以公开3件部分公开2件。") == [
        (5, "requests.new.total"), (3, "requests.result.disclosed.total"), (2, "requests.result.partially_disclosed.total")]
    # ... nor are a leaf's words after its own disposition (the ground it was withheld on)
    assert linked(tmp_path, "收到申请5件，不予公开2件，属于国家秘密。") == [
        (5, "requests.new.total"), (2, "requests.result.withheld.subtotal.total")]
    # ... and a ground named after its count, with nothing before it, still names it
    assert linked(tmp_path, "收到申请5件，其中2件本机关未制作，无法提供。") == [
        (5, "requests.new.total"), (2, "requests.result.unable.not_held.total")]
