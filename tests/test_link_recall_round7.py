"""Readings of round-7 wordings the grammar missed, in sentences written for these tests, each beside the wording it
must not change: a carry put off into the next year with 顺延到/顺延至, documents of earlier years repealed this year
(清理废止往年规范性文件), and the regulation's words for what is no request (不作为政府信息公开申请处理)."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("put_off", ["顺延到2024年度", "顺延至2024年", "顺延到2024年"])
def test_requests_put_off_into_the_next_year_are_carried_forward(tmp_path: Path, put_off: str) -> None:
    assert linked(tmp_path, f"共受理政府信息公开申请44件，{put_off}办理2件。") == [
        (44, "requests.new.total"), (2, "requests.carried_forward.total")]
    # put off from the year before the report's, it is no count of this year's
    assert linked(tmp_path, f"共受理政府信息公开申请44件，{put_off.replace('2024', '2022')}办理2件。") == [
        (44, "requests.new.total")]


@pytest.mark.parametrize("old", ["往年规范性文件", "往年的规范性文件", "往年行政规范性文件"])
def test_documents_of_earlier_years_repealed_this_year_are_the_year_s_repeals(tmp_path: Path, old: str) -> None:
    assert linked(tmp_path, f"制发行政规范性文件14件。当年清理废止{old}61件，目前现行有效115件。") == [
        (14, "active.normative_docs.issued"), (61, "active.normative_docs.repealed"),
        (115, "active.normative_docs.in_force")]
    # 往年 counting the figure itself still makes it another year's
    assert linked(tmp_path, "全年收到政府信息公开申请12件，往年同期为8件。") == [(12, "requests.new.total")]
    assert linked(tmp_path, "往年收到的政府信息公开申请12件已全部办结。") == []


@pytest.mark.parametrize("phrase", ["不作为政府信息公开申请处理", "不作为信息公开申请处理"])
def test_what_the_regulation_says_is_no_request_is_not_processed(tmp_path: Path, phrase: str) -> None:
    assert linked(tmp_path, f"本年度{phrase}5件。") == [(5, "requests.result.not_processed.subtotal.total")]
