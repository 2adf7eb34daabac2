"""False-link classes found by probing the twenty-fourth round's fresh pages (rn24b: township, bureau and street
reports of 2018-2020) with paraphrases of their wordings, each checked on sentences written for these tests: the
wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("sentence", ["收到群众申请查阅档案资料25件。", "受理群众申请查档25件。",
                                      "收到群众档案查阅申请25件。", "收到群眾申請查閱檔案資料25件。"])
def test_archives_consulted_on_application_are_no_requests(tmp_path: Path, sentence: str) -> None:
    # archives looked up under the archives law are that service's count, not requests for government information
    assert linked(tmp_path, sentence, 2020) == []


@pytest.mark.parametrize("sentence", ["全年办理不动产登记依申请查询1200件。", "全年辦理不動產登記依申請查詢1200件。"])
def test_registers_queried_on_application_are_no_requests(tmp_path: Path, sentence: str) -> None:
    # a register queried on application (依申请查询) is a lookup service: its count is no request
    assert linked(tmp_path, sentence, 2020) == []


def test_requests_beside_archives_and_an_archives_body_still_read(tmp_path: Path) -> None:
    # the year's requests keep their reading beside an archives count, and an archives body's own requests read
    assert linked(tmp_path, "收到政府信息公开申请3件，均已答复，另受理档案查阅申请15件。", 2020) == [
        (3, "requests.new.total")]
    assert linked(tmp_path, "档案馆收到政府信息公开申请5件。", 2020) == [(5, "requests.new.total")]
    assert linked(tmp_path, "收到申请查询政府信息5件。", 2020) == [(5, "requests.new.total")]


@pytest.mark.parametrize("sentence", ["本年度未收到外地群众的政府信息公开申请。", "本年度未收到来自外省的政府信息公开申请。"])
def test_a_zero_of_requests_from_elsewhere_is_none_of_the_year(tmp_path: Path, sentence: str) -> None:
    # requests from outside the body's area are some of them: their zero says nothing of the year's requests
    assert linked(tmp_path, sentence, 2020) == []
    # ... while a zero of every request still reads
    assert linked(tmp_path, "本年度未收到政府信息公开申请。", 2020) == [(0, "requests.new.total")]


def test_the_village_levels_zero_is_not_the_towns(tmp_path: Path) -> None:
    # the village level named as the scope of a zero: the villages', no organ of the town's
    assert linked(tmp_path, "本年度村级未收到政府信息公开申请。", 2020) == []
    # ... the town's own zero before it still reads
    assert linked(tmp_path, "本年度我镇未收到政府信息公开申请，村级也未收到。", 2020) == [(0, "requests.new.total")]
