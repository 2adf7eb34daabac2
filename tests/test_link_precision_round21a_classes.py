"""Classes that the twenty-first round's fresh pages (rn21a) called for, each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("label", ["行政处罚强制类", "行政许可处罚类", "行政处罚、强制类", "行政处罚和行政强制类",
                                   "行政许可及处罚类"])
def test_a_category_label_joining_two_kinds_counts_posted_items(tmp_path: Path, label: str) -> None:
    # in a list of the year's postings by category, a label naming two kinds of decision before 类 counts the items
    # posted under it, not decisions made
    assert linked(tmp_path, f"全年公开文件40件，其中机构职能类2件，{label}15件，人事任免类4件。") == []


def test_decisions_named_outright_still_read(tmp_path: Path) -> None:
    # the kinds named as decisions, each with its own count, keep their readings
    assert linked(tmp_path, "本年度作出行政处罚15件，行政强制2件。") == [
        (15, "active.penalty.decisions"), (2, "active.coercion.decisions")]
    assert linked(tmp_path, "全年办理行政许可30件。") == [(30, "active.licensing.decisions")]


@pytest.mark.parametrize("clause", ["正在复议1件", "其中正在复议1件"])
def test_a_review_under_way_named_by_its_own_word_is_pending(tmp_path: Path, clause: str) -> None:
    # a review still under way at the year's end, said with the review's own word, is 尚未审结
    assert linked(tmp_path, f"因政府信息公开被申请行政复议3件，结果维持2件，{clause}。") == [
        (3, "review.total"), (2, "review.maintained"), (1, "review.pending")]


def test_a_review_word_without_the_progress_word_is_no_pending_count(tmp_path: Path) -> None:
    # the review word alone still counts the reviews, and a worded zero of them still reads
    assert linked(tmp_path, "全年发生行政复议1件。") == [(1, "review.total")]
    assert linked(tmp_path, "本年度未发生行政复议。") == [(0, "review.total")]
