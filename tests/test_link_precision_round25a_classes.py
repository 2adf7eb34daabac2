"""Classes that the twenty-fifth round's second collector's fresh pages (rn25a, most of them reports before 2019)
showed, each checked on wordings written for these tests: what a contact block, a garbled date or a document's
number prints is no figure; in the 2019 format, documents posted (发布, 新公开) are the year's newly published ones,
and documents 现行 are those in force."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked, mentions


@pytest.mark.parametrize("sentence", [
    "如对本报告有疑问，请与区政务公开办公室联系（地址：某市滨江路66号政务中心C座318室，邮编：230031）。",
    "如有疑问请联系本局办公室（地址：某市某区汉江路21号市民中心7-8楼，邮政编码：210019；咨询电话：025-83330000）。",
    "联系电话：0571—2066000，电子邮箱：gk@example.cn。",
    "按照《2018 年某省政务公开工作要点》（某政办发〔2018〕41号）要求，全面推进五公开。",
    "The statistics in this report cover the period from January 1st, 2018 to December 31st, 2018.",
])
def test_a_contact_block_a_document_number_or_english_text_prints_no_figure(tmp_path: Path, sentence: str) -> None:
    # rooms, floors, house numbers, postcodes, phones, spaced years and document numbers are no claims of the report
    assert mentions(tmp_path, sentence, 2018) == []


def test_a_date_printed_without_its_month_and_day_marks_is_no_figure(tmp_path: Path) -> None:
    # a date whose 年 and 月 were lost in copying (2018年3月12日 printed 2018312日) still names a day, no count
    assert mentions(tmp_path, "某区人民政府\n2018年政府信息公开工作年度报告\n2018312日）", 2018) == []


@pytest.mark.parametrize("verb", ["发布", "新公开"])
def test_documents_posted_in_the_2019_format_are_the_years_newly_published(tmp_path: Path, verb: str) -> None:
    # the 2019 table's column is 本年新公开数量: the documents posted in the year, whenever they were made
    assert linked(tmp_path, f"2019年，本机关共{verb}规章2件，规范性文件11件。", 2019) == [
        (2, "active.rules.new_published"), (11, "active.normative_docs.new_published")]


def test_documents_posted_in_the_2021_format_stay_unread(tmp_path: Path) -> None:
    # the 2021 table counts documents made (制发); posting says not that they were made this year
    assert linked(tmp_path, "2023年，本机关共发布规章2件，规范性文件11件。") == []


def test_documents_named_current_are_those_in_force(tmp_path: Path) -> None:
    # 现行 (current) documents are those in force, not those posted: 发布 earlier in the sentence says not otherwise
    assert linked(tmp_path, "2019年，规范性文件相关信息发布13条，公开现行规范性文件41个。", 2019) == [
        (41, "active.normative_docs.total_published")]
    assert linked(tmp_path, "2023年，全区现行规范性文件26件。") == [(26, "active.normative_docs.in_force")]


@pytest.mark.parametrize("sentence", ["2019年，主动公开规范性文件相关信息13条。", "2019年，规章相关信息发布4条。",
                                      "2023年，主动公开规范性文件相关信息13条。"])
def test_items_posted_about_documents_are_no_count_of_them(tmp_path: Path, sentence: str) -> None:
    # 相关信息 after the documents' word names items posted about them, as 文件信息 does, whatever the verb
    assert linked(tmp_path, sentence, int(sentence[:4])) == []


@pytest.mark.parametrize("figure", ["8466", "8,466"])
def test_documents_joined_with_other_postings_are_no_count_of_them(tmp_path: Path, figure: str) -> None:
    # 及其他 after the documents' word widens the count to every posting: the documents' own count is not printed
    assert linked(tmp_path, f"2019年，通过县政府网站累计发布规章、规范性文件及其他公开信息{figure}条。", 2019) == []
    # ... while the documents alone posted keep their reading
    assert linked(tmp_path, "2019年，县政府办公室发布规范性文件12件。", 2019) == [(12, "active.normative_docs.new_published")]
