"""Classes that the twenty-second round's collector rn22c called for, each checked on wordings written for these
tests: the wording the grammar had misread beside the ones that must still read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("sentence", [
    "全年共收到政府信息公开申请45件，涉及房屋征收18件、行政处罚9件、其他18件。",
    "全年受理申请45件，关于土地补偿12件、行政许可8件、行政复议2件。",
    "全年共收到政府信息公开申请45件，涉及行政许可20件、问题楼盘25件。",  # the topic first, a subject after it
    "全年共收到政府信息公开申请45件，涉及问题楼盘25件，行政许可20件。",  # items parted by commas
    "全年共收到政府信息公开申请45件，涉及问题楼盘25件；行政许可20件。",  # ... or by semicolons
    "全年共收到政府信息公开申请45件；其中涉及行政许可的20件。",  # the requests named before a semicolon
    "全年共收到政府信息公开申请45件，主要涉及征地拆迁20件，物业服务5件，行政处罚20件。",
    "全年共收到政府信息公开申请45件，申请内容主要为行政处罚信息20件、征地拆迁信息25件。",  # the content named
    "全年共收到政府信息公开申请45件，内容包括征地拆迁25件，行政许可20件。",
])
def test_a_list_of_subjects_opened_by_a_marker_counts_requests(tmp_path: Path, sentence: str) -> None:
    # the marker opens the list, but another of its items names no topic: every item is what the requests were
    # about (the penalty, licensing and review counts had read as the year's decisions and cases)
    assert linked(tmp_path, sentence) == [(45, "requests.new.total")]


@pytest.mark.parametrize("sentence, cases", [
    ("全年受理政府信息公开申请12件，涉及行政复议0件、行政诉讼0件。", [(0, "review.total"), (0, "litigation.total")]),
    ("全年受理政府信息公开申请12件，涉及行政诉讼案件2件。", [(2, "litigation.total")]),
    ("全年受理政府信息公开申请12件，涉及行政诉讼案件0件，行政复议2件。", [(0, "litigation.total"), (2, "review.total")]),
    # a clause with a verb of its own after the subjects is no item of their list
    ("全年受理政府信息公开申请12件，涉及问题楼盘12件，发生行政复议2件。", [(2, "review.total")]),
    ("全年受理政府信息公开申请12件；行政复议2件；行政诉讼1件。", [(2, "review.total"), (1, "litigation.total")]),
])
def test_a_marker_opening_a_list_of_topics_still_names_the_cases(tmp_path: Path, sentence: str,
                                                                 cases: list[tuple[int, str]]) -> None:
    # the first item names a topic: the body's own reviews and suits, as before
    assert linked(tmp_path, sentence) == [(12, "requests.new.total"), *cases]


def test_decisions_listed_without_a_marker_still_read_as_decisions(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年办理行政处罚9件、行政许可30件。") == [
        (9, "active.penalty.decisions"), (30, "active.licensing.decisions")]


@pytest.mark.parametrize("sentence", [
    "全年收到政府信息公开申请16件，其中11件已办理完毕；5件由申请人主动撤销。",
    "全年收到政府信息公开申请16件，其中11件已依法答复申请人；5件已由申请人撤回申请。",
])
def test_a_part_beside_withdrawals_past_a_semicolon_is_no_total(tmp_path: Path, sentence: str) -> None:
    # the answered eleven and the withdrawn five make up the sixteen received: eleven is some of the results (the
    # withdrawn are results too), as it already was with a comma between them
    assert linked(tmp_path, sentence) == [(16, "requests.new.total")]


@pytest.mark.parametrize("sentence, parts", [
    ("全年收到政府信息公开申请16件，其中办结14件；结转下年度2件。",
     [(14, "requests.result.total.total"), (2, "requests.carried_forward.total")]),
    ("全年收到政府信息公开申请16件，其中11件已办理完毕。另收到信访件5件。", [(11, "requests.result.total.total")]),
])
def test_the_answered_beside_its_complement_or_a_full_stop_stays_the_total(tmp_path: Path, sentence: str,
                                                                           parts: list[tuple[int, str]]) -> None:
    assert linked(tmp_path, sentence) == [(16, "requests.new.total"), *parts]
