"""Classes that the twenty-third round's fresh pages (rn23b, v2019 reports of 浙江 安徽 福建 江西 山东 河南 湖北 湖南)
called for, each checked on wordings written for these tests: the wording that would mislead the grammar beside the
one that still reads as before. The round's fresh pages made no false link; these were found probing their wordings
(a running count beside the year's own: 截至目前共发布592条信息，2019年公开政府信息60条)."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("sentence", [
    "累计受理依申请公开215件，其中本年度12件。",
    "共受理政府信息公开申请30件，其中今年受理25件。",
    "共受理政府信息公开申请30件，其中2020年25件。",
    "共受理政府信息公开申请30件，其中本年度受理的25件已全部办结。",
    "依申请公开215件，其中本年度12件。",
    "截至目前共受理政府信息公开申请592件，2020年受理60件。",
    "截至目前共受理政府信息公开申请592件，今年收到60件。",
])
def test_a_count_beside_the_years_own_part_is_no_count_of_the_year(tmp_path: Path, sentence: str) -> None:
    # the year's own requests, named next as a part of it or beside it: the count holds earlier years', so it is
    # neither the year's new ones nor (with no carry named) its handled pool
    assert linked(tmp_path, sentence, year=2020) == []


def test_a_breakdown_by_new_and_carried_still_reads_as_the_pool(tmp_path: Path) -> None:
    assert linked(tmp_path, "共受理政府信息公开申请30件，其中本年新收25件、上年结转5件。", year=2020) == [
        (30, "requests.handled_pool.total"), (25, "requests.new.total"), (5, "requests.carried_over.total")]


@pytest.mark.parametrize("sentence", [
    "共收到政府信息公开申请5件，其中本年度办结4件。",
    "共收到政府信息公开申请5件，其中今年12月收到2件。",
    "本年度共受理政府信息公开申请5件，其中当面申请2件。",
])
def test_a_breakdown_of_results_months_or_channels_keeps_the_years_count(tmp_path: Path, sentence: str) -> None:
    # results, a month of the year or a channel are no part named by the year: the count stays the year's
    assert linked(tmp_path, sentence, year=2020)[0] == (5, "requests.new.total")


@pytest.mark.parametrize("sentence", [
    "共收到政府信息公开申请12件，今年办结12件。",
    "本年度共收到政府信息公开申请12件，本年度办结10件，结转下年度2件。",
    "共收到政府信息公开申请12件，其中本年度办结的10件。",
])
def test_the_years_results_named_next_keep_the_years_count(tmp_path: Path, sentence: str) -> None:
    # answered, not received: the year's words open another quantity, not another count of the same
    assert linked(tmp_path, sentence, year=2020)[0] == (12, "requests.new.total")
