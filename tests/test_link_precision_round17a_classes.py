"""False-link classes that the seventeenth round's fresh pages (rn17a) called for, each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("source", ["行政复议转来", "行政诉讼转来", "复议机关转来"])
def test_a_review_or_suit_named_as_a_channel_of_the_requests_is_no_case(tmp_path: Path, source: str) -> None:
    # requests passed on by a review organ or a court are one channel of the requests received: no review or
    # suit over the body's answers
    assert linked(tmp_path, f"全年受理政府信息公开申请30件，其中网上申请10件、当面申请17件、{source}3件。") == [
        (30, "requests.new.total")]
    # ... while a review or suit counted outright still reads
    assert linked(tmp_path, "全年受理政府信息公开申请30件，被申请行政复议3件，被提起行政诉讼1件。") == [
        (30, "requests.new.total"), (3, "review.total"), (1, "litigation.total")]


@pytest.mark.parametrize("verbs", ["新收并办结", "受理并办结", "收到并办结", "新收并答复"])
def test_a_receive_verb_joined_to_an_answer_verb_counts_the_new_requests(tmp_path: Path, verbs: str) -> None:
    # the answer verb nearer the figure says what became of the new ones; the year's answered may hold the
    # carried-in besides them, so the count is the new requests, not the answered
    assert linked(tmp_path, f"全年办理政府信息公开申请5件，其中上年结转1件，本年度{verbs}4件。") == [
        (5, "requests.handled_pool.total"), (1, "requests.carried_over.total"), (4, "requests.new.total")]


def test_an_answer_verb_alone_still_counts_the_answered(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年新收政府信息公开申请4件，上年结转1件，已办结5件。") == [
        (4, "requests.new.total"), (1, "requests.carried_over.total"), (5, "requests.result.total.total")]
