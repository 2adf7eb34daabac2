"""Classes that the twenty-second round's fresh pages (rn22b) called for, each checked on wordings written for these
tests: the wording that would mislead the grammar beside the one that still reads as before. The round's fresh pages
made no false link; these are worded zeros over another subject or other bodies, found by probing its wordings."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("matter", ["涉及征地拆迁", "关于房屋征收补偿", "有关不动产登记", "涉及商业秘密", "关于个人隐私",
                                    "涉及个人信息", "涉及群众切身利益"])
def test_a_zero_of_requests_about_a_matter_says_nothing_of_the_others(tmp_path: Path, matter: str) -> None:
    # none received about one matter: the body may have had others, and a disposition word inside the matter
    # (商业秘密, 个人隐私) names no withholding either
    assert linked(tmp_path, f"本年度未收到{matter}的政府信息公开申请。") == []


@pytest.mark.parametrize("whole", ["有关政府信息公开", "关于政务公开工作", "有关公民、法人或其他组织", "涉及本机关", "关于本镇",
                                   "有关依申请公开政府信息"])
def test_a_zero_of_requests_about_the_disclosure_itself_still_reads(tmp_path: Path, whole: str) -> None:
    # the disclosure itself, who asked or the body asked name every request: the year's zero, as before
    assert linked(tmp_path, f"本年度未收到{whole}的政府信息公开申请。") == [(0, "requests.new.total")]


def test_a_zero_of_reviews_about_another_matter_is_none(tmp_path: Path) -> None:
    # reviews of another matter are no reviews over disclosure; those about disclosure keep their zeros
    assert linked(tmp_path, "本年度未发生涉及行政处罚的行政复议。") == []
    assert linked(tmp_path, "本年度未发生有关政府信息公开事务的行政复议、行政诉讼。") == [
        (0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("bodies", ["全镇各村", "各村（社区）", "辖区内5个街道", "下辖三个村", "局属各单位"])
def test_a_zero_of_bodies_taken_together_is_theirs(tmp_path: Path, bodies: str) -> None:
    # a town's villages, a district's counted streets, a bureau's units: their zero, nothing of the body's own
    assert linked(tmp_path, f"{bodies}均未收到政府信息公开申请。") == []


def test_a_count_of_villages_taken_together_is_theirs(tmp_path: Path) -> None:
    assert linked(tmp_path, "全镇各村共收到政府信息公开申请5件。") == []


def test_the_bodys_own_zero_and_count_still_read(tmp_path: Path) -> None:
    assert linked(tmp_path, "全镇未收到政府信息公开申请。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本年度我镇未收到政府信息公开申请，各村均未设立受理点。") == [(0, "requests.new.total")]
    assert linked(tmp_path, "本年度共收到政府信息公开申请5件，涉及3个村。") == [(5, "requests.new.total")]


@pytest.mark.parametrize("ground", ["因本机关不掌握等原因无法提供", "因信息不存在等情形无法提供", "因属于重复申请等原因不予处理"])
def test_a_ground_given_as_an_example_after_the_count_is_the_categorys(tmp_path: Path, ground: str) -> None:
    # the grounds after the count, closed by 等, are examples: the count is the whole category's, as it is when
    # they stand before the count (因本机关不掌握等原因无法提供4件)
    category = "unable" if "无法提供" in ground else "not_processed"
    assert linked(tmp_path, f"全年收到申请10件，其中予以公开6件，其余4件{ground}。")[-1] == (
        4, f"requests.result.{category}.subtotal.total")


def test_a_ground_named_alone_after_the_count_is_still_its_row(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年收到申请10件，其中予以公开6件，其余4件因本机关不掌握无法提供。")[-1] == (
        4, "requests.result.unable.not_held.total")
    assert linked(tmp_path, "全年收到申请10件，其中予以公开6件，4件属于重复申请，不予处理。")[-1] == (
        4, "requests.result.not_processed.repeated.total")
