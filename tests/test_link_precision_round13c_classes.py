"""Classes that the thirteenth round's fresh pages of old formats, vertical bodies and development zones (rn13c)
called for, each checked on wordings written for these tests: the wording that misled the grammar beside the one
that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.pipeline import audit
from one_sentence import linked


def _audit(tmp_path: Path, text: str) -> tuple[int | None, list[tuple[float, str]]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = audit(path)
    return report.report_year, [(m.value, m.metric) for m in report.mentions if m.metric is not None]


@pytest.mark.parametrize("number", ["〔2016〕12号", "[2016]12号", "【2016】12号"])
def test_a_year_in_a_document_number_is_not_the_report_year(tmp_path: Path, number: str) -> None:
    # the title's year sits on a line of its own, so the first report name the preamble prints is the one the
    # compiler made after a notice: the notice's number holds a later year, which is the notice's, not the report's
    text = ("2015年某县气象局\n政府信息公开工作年度报告\n"
            f"按照县政府办公室《关于做好2015年度政府信息公开年度报告工作的通知》（某政办{number}）编制本年度某县气象局"
            "政府信息公开工作年度报告。\n一、概述\n略。\n三、依申请公开情况\n我局2015年度未受理政府信息公开申请。\n")
    assert _audit(tmp_path, text) == (2015, [(0, "requests.new.total")])


def test_a_report_name_beside_a_document_number_keeps_its_year(tmp_path: Path) -> None:
    # the report's own name right after a number of the year before still names the year
    text = ("根据《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号），现公布某市某局2020年度"
            "政府信息公开工作年度报告。\n一、总体情况\n本年度共收到政府信息公开申请5件。\n")
    assert _audit(tmp_path, text) == (2020, [(5, "requests.new.total")])


@pytest.mark.parametrize("sentence", ["全年共受理税务行政复议案件12件。", "本年度发生涉税行政复议5件，均维持原决定。",
                                      "全年受理海关行政复议案件3件。", "本年度共有税务行政诉讼案件2件。"])
def test_reviews_and_suits_of_a_vertical_bodys_business_are_none_of_its_disclosure(tmp_path: Path, sentence: str) -> None:
    # a tax or customs bureau hears (or is sued in) cases over taxes and duties: no count of reviews or suits over
    # its disclosure work, which its table counts
    assert linked(tmp_path, sentence) == []


def test_reviews_over_disclosure_still_read_in_a_vertical_bodys_report(tmp_path: Path) -> None:
    # the same bodies' disclosure cases, named as such or plainly, keep their reading
    assert linked(tmp_path, "本局因政府信息公开被申请行政复议1件，被提起行政诉讼0件。") == [
        (1, "review.total"), (0, "litigation.total")]
    assert linked(tmp_path, "国家税务总局某县税务局全年被申请行政复议2件。") == [(2, "review.total")]
    assert linked(tmp_path, "本局未发生因政府信息公开引起的税务行政复议。") == [(0, "review.total")]


@pytest.mark.parametrize("bodies", ["管委会托管的3个镇", "辖区内5个街道", "全县12个乡镇", "局属4个单位"])
def test_a_count_after_counted_bodies_is_theirs_together(tmp_path: Path, bodies: str) -> None:
    # a development zone's or county's towns, or a bureau's units, counted and then said to have received requests:
    # a part of an area's count, none of the report's own (as 各乡镇共收到申请45件)
    assert linked(tmp_path, f"{bodies}共收到政府信息公开申请6件。") == []


def test_a_count_of_bodies_in_another_clause_leaves_the_requests_alone(tmp_path: Path) -> None:
    # the bodies counted in a clause of their own, or the body's own subject after a comma, change nothing
    assert linked(tmp_path, "本街道下辖8个社区，全年收到政府信息公开申请3件。") == [(3, "requests.new.total")]
    assert linked(tmp_path, "在5个工作日内答复政府信息公开申请12件。") == [(12, "requests.result.total.total")]
    assert linked(tmp_path, "收到政府信息公开申请12件，镇政府均已答复。") == [(12, "requests.new.total")]
