"""False-link classes that the sixteenth round's fresh pages (rn16b) called for, each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

POOL, ANSWERED, FORWARD = "requests.handled_pool.total", "requests.result.total.total", "requests.carried_forward.total"


@pytest.mark.parametrize("handled", ["全年共办理政府信息公开申请", "本年度办理依申请公开", "2023年全县共办理政府信息公开申请"])
@pytest.mark.parametrize("carried", ["结转下年度继续办理", "结转至下年度办理", "结转2024年办理", "结转至2024年继续办理", "结转下年",
                                     "正在办理", "仍在办理"])
def test_a_handled_count_whose_breakdown_carries_some_on_is_the_pool(tmp_path: Path, handled: str, carried: str) -> None:
    # 其中 opening right after a handled count lists what it holds: one part still open at the year's end makes it
    # all the year had on hand, not the answered (which cannot hold what was not answered)
    assert linked(tmp_path, f"{handled}80件，其中{carried}5件。") == [(80, POOL), (5, FORWARD)]
    # ... as does the same part after the answered ones in that breakdown
    assert linked(tmp_path, f"{handled}80件，其中答复75件，{carried}5件。") == [
        (80, POOL), (75, ANSWERED), (5, FORWARD)]


def test_a_handled_count_beside_its_carry_on_is_still_the_answered(tmp_path: Path) -> None:
    # the carried-on ones put besides the count (另有) are not among them: the count is what was answered
    assert linked(tmp_path, "全年共办理政府信息公开申请80件，其中予以公开70件，另有5件结转下年度办理。") == [
        (80, ANSWERED), (70, "requests.result.disclosed.total"), (5, FORWARD)]
    # ... and a carry in a sentence of its own, or after a clause that is no breakdown, says nothing of the count
    assert linked(tmp_path, "全年共办理政府信息公开申请80件。结转下年度继续办理5件。") == [(80, ANSWERED), (5, FORWARD)]
    assert linked(tmp_path, "全年共办理政府信息公开申请80件，均已按时答复，结转下年度继续办理5件。") == [
        (80, ANSWERED), (5, FORWARD)]
    # ... and a year named in the breakdown that is not the next one carries nothing forward
    assert linked(tmp_path, "全年共办理政府信息公开申请80件，其中2022年提出的5件。") == [(80, ANSWERED)]


def test_the_parenthesis_reads_as_the_breakdown(tmp_path: Path) -> None:
    # the carry named in a parenthesis right after the count made it the pool before this round, and still does
    assert linked(tmp_path, "全年办理政府信息公开申请80宗（结转下年度继续办理5宗）。") == [(80, POOL), (5, FORWARD)]
    # ... and so does a part of it named by its figure first, its carry after (the words after the part's figure)
    assert linked(tmp_path, "全年办理政府信息公开申请80件（其中5件正在办理）。") == [(80, POOL), (5, FORWARD)]
    # ... while a parenthesis saying all were answered keeps the answered
    assert linked(tmp_path, "全年办理政府信息公开申请80件（均已办结）。") == [(80, ANSWERED)]
    # ... and a breakdown naming the carried-in ones makes it the pool, as it did
    assert linked(tmp_path, "全年共办理政府信息公开申请80件，其中上年结转5件。") == [
        (80, POOL), (5, "requests.carried_over.total")]


@pytest.mark.parametrize("channels", ["通过政府信息公开平台、邮寄等途径", "以信函、网络等方式", "通过网站、信件、当面等渠道"])
def test_channels_listed_as_examples_of_every_form_name_all_the_requests(tmp_path: Path, channels: str) -> None:
    # two or more channels closed by 等 and a word of form stand for every way of asking: the count after them is of
    # all the requests, so their channel words veto no link (as they leave the zero of every request, round 14)
    assert linked(tmp_path, f"全年累计办理公民、法人或其他组织{channels}依申请公开信息合计12件，均已按期答复。") == [
        (12, "requests.new.total")]
    assert linked(tmp_path, f"本年度共收到{channels}提交的政府信息公开申请20件。") == [(20, "requests.new.total")]


def test_a_channel_counted_apart_keeps_the_list_a_part(tmp_path: Path) -> None:
    # a channel counted outside the list in its sentence makes the list one part of the requests: no link, as before
    assert linked(tmp_path, "本年度通过信函、传真等方式申请2件，网上申请10件。") == []
    # ... and one channel named alone is a part, unlinked
    assert linked(tmp_path, "本年度共收到通过网络提交的政府信息公开申请20件。") == []
    # ... and a list of examples inside a breakdown after the total is still one of its parts
    assert linked(tmp_path, "本年度共收到政府信息公开申请30件，其中通过信函、传真等方式提交2件。") == [
        (30, "requests.new.total")]
