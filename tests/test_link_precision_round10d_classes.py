"""False-link classes found on the tenth round's fresh pages of the fourth collector (rn10d), each checked on
wordings written for these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("online, offline", [("线上办理", "线下办理"), ("线下办理", "线上办理"), ("现场办理", "网上办理")])
def test_requests_split_by_channel_are_no_handled_count(tmp_path: Path, online: str, offline: str) -> None:
    assert linked(tmp_path, f"全年共收到政府信息公开申请40件，其中{online}33件，{offline}7件，均已依法答复。") == [
        (40, "requests.new.total")]
    assert linked(tmp_path, f"本年度{online}政府信息公开申请12件。") == []
    # the handled count said without a channel still reads as before
    assert linked(tmp_path, "全年共收到政府信息公开申请40件，办理40件。") == [
        (40, "requests.new.total"), (40, "requests.result.total.total")]


@pytest.mark.parametrize("outcomes", ["结果维持2件，结果纠错2件，尚未审结6件", "其中维持2件、纠正2件，6件尚未审结"])
def test_outcomes_after_a_subject_printed_as_zero_are_not_its_parts(tmp_path: Path, outcomes: str) -> None:
    # not the suits' (none): since round 16 the reviews', the one other subject counted that holds them
    assert linked(tmp_path, f"本年度被申请行政复议案件10件，行政诉讼案件0件，{outcomes}。") == [
        (10, "review.total"), (0, "litigation.total"), (2, "review.maintained"), (2, "review.corrected"),
        (6, "review.pending")]
    # outcomes of a subject with cases, or zeros of a subject with none, still read as before
    assert linked(tmp_path, "本年度被申请行政复议0件，行政诉讼3件，维持2件，尚未审结1件。") == [
        (0, "review.total"), (3, "litigation.total"), (2, "litigation.maintained"), (1, "litigation.pending")]
    assert linked(tmp_path, "本年度被申请行政复议0件，行政诉讼0件，维持0件。")[-1] == (0, "litigation.maintained")
