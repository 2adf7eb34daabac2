"""The review organ (复议机关) named in a sentence, in wordings written for these tests: its caseload is the reviews it
decides, not reviews of the body's own disclosure answers that 表四 counts."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("organ", ["复议机关", "行政复议机关", "本级复议机关"])
@pytest.mark.parametrize("verb", ["受理", "收到", "办理"])
def test_the_review_organ_s_caseload_is_no_review_of_the_body(tmp_path: Path, organ: str, verb: str) -> None:
    assert linked(tmp_path, f"全年{organ}{verb}行政复议申请45件。") == []
    # the organ named beside the body's own reviews leaves them and their results read
    assert linked(tmp_path, f"因政府信息公开被申请行政复议2件，经{organ}维持1件，纠正1件。") == [
        (2, "review.total"), (1, "review.maintained"), (1, "review.corrected")]
