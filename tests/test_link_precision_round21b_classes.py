"""Classes that the twenty-first round's fresh pages (rn21b) called for, each checked on wordings written for these
tests: the wording that would mislead the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("opening", ["全年主动公开政府信息46条。", "本年度共主动公开信息2条；"])
@pytest.mark.parametrize("noun", ["信息", "文件", ""])
def test_a_list_by_attribute_opened_in_the_sentence_before_holds_no_requests(
        tmp_path: Path, opening: str, noun: str) -> None:
    # the documents of the year counted by their disclosure attribute, the 主动公开 count ending the sentence before
    # on the same line: 依申请公开 and 不予公开 after it are the documents' attributes, no requests nor a disposition
    assert linked(tmp_path, f"{opening}依申请公开{noun}0条，不予公开{noun}0条。") == []
    assert linked(tmp_path, f"{opening}依申请公开{noun}2条，不予公开{noun}1条。") == []


def test_requests_after_the_opening_sentence_or_without_it_still_read(tmp_path: Path) -> None:
    # a request word between the opening and the closing makes them requests and their disposition, as before
    assert linked(tmp_path, "全年主动公开政府信息46条。收到政府信息公开申请5件，予以公开4件，不予公开1件。") == [
        (5, "requests.new.total"), (4, "requests.result.disclosed.total"),
        (1, "requests.result.withheld.subtotal.total")]
    # ... with no 主动公开 counted, the pair still reads as requests and a withheld disposition (round 11's guard)
    assert linked(tmp_path, "本年度依申请公开信息12条，不予公开信息1条。") == [
        (12, "requests.new.total"), (1, "requests.result.withheld.subtotal.total")]
    # ... and an opening on another line (a heading between) opens nothing here
    assert linked(tmp_path, "全年主动公开政府信息46条。\n（二）依申请公开情况\n本年度依申请公开信息12条，不予公开信息1条。") == [
        (12, "requests.new.total"), (1, "requests.result.withheld.subtotal.total")]


@pytest.mark.parametrize("organ", ["全年共办理行政复议案件12件", "本局作为复议机关全年共受理行政复议案件12件"])
def test_outcomes_after_the_organs_cases_are_the_organs(tmp_path: Path, organ: str) -> None:
    # reviews a body handles as the review organ are cases of every matter, left unread: their outcomes counted
    # right after them in the sentence, with no 其中, are theirs too, no outcome of reviews over disclosure
    assert linked(tmp_path, f"{organ}，维持8件，纠正2件。") == []
    assert linked(tmp_path, f"{organ}，其中维持8件，纠正2件。") == []


def test_outcomes_of_disclosure_reviews_still_read(tmp_path: Path) -> None:
    # the reviews over disclosure work keep their outcomes, in the same sentence or after the organ's cases
    assert linked(tmp_path, "全年发生政府信息公开行政复议12件，维持8件，纠正2件。") == [
        (12, "review.total"), (8, "review.maintained"), (2, "review.corrected")]
    assert linked(tmp_path, "全年共办理行政复议案件12件。因政府信息公开被申请行政复议1件，维持1件。") == [
        (1, "review.total"), (1, "review.maintained")]
