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
