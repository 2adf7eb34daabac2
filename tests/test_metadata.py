"""Agency and report year as a report's beginning prints them: the title, the preamble (现公布XX…报告, 由XX编制),
the overview's opening; the fullest printed name of the organ, never the publication year."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.ingest import read_source
from extraction.metadata import read_metadata
from extraction.segment import segment

BODY = "\n一、总体情况\n本年度共收到政府信息公开申请3件，均已按时答复。\n二、主动公开政府信息情况\n见下表。\n"
OPENING = ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
           "（国办公开办函〔2021〕30号）要求，")


def _read(tmp_path: Path, text: str) -> tuple[str | None, int | None]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    meta = read_metadata(source, segment(source))
    return meta.agency, meta.report_year


@pytest.mark.parametrize(("text", "agency", "year"), [
    # the title names a place: its government is the agency
    ("白云县2023年政府信息公开工作年度报告\n" + OPENING + "编制本报告。" + BODY, "白云县人民政府", 2023),
    ("青河市长岭街道2024年政府信息公开工作年度报告\n" + OPENING + "编制本报告。" + BODY, "青河市长岭街道办事处", 2024),
    # the preamble's verbs are not part of the name
    (OPENING + "现公布青石镇人民政府2022年度政府信息公开工作年度报告。" + BODY, "青石镇人民政府", 2022),
    (OPENING + "特编制并向社会公布安平县市场监督管理局2025年政府信息公开工作年度报告。" + BODY, "安平县市场监督管理局", 2025),
    (OPENING + "现将柳林区2021年度政府信息公开工作情况报告如下。" + BODY, "柳林区人民政府", 2021),
    # the compiler, and the report year after it; the date under the title is when it was published
    ("东江县人民政府\n2018年3月\n本报告是根据《条例》的规定，由东江县人民政府编制的2017年度政府信息公开年度报告。" + BODY,
     "东江县人民政府", 2017),
    # the agency on a line of its own next to the title
    ("桃源县林业局\n2020年政府信息公开工作年度报告\n" + OPENING + "编制本报告。" + BODY, "桃源县林业局", 2020),
    # a short 政府 is the 人民政府
    ("2016年度安远县政府信息公开年度报告\n" + OPENING + "编制本报告。" + BODY, "安远县人民政府", 2016),
    # of the names printed for the agency, the fullest
    ("长丰镇2025年政府信息公开工作年度报告\n总体情况\n" + OPENING + "现向社会公布东平市长丰镇2025年度政府信息公开工作年度报告。"
     + BODY, "东平市长丰镇人民政府", 2025),
    # a title cut before 报告; a field line next to a bare title names the website, not the agency
    ("南江市人民政府研究室2023年政府信息公开工作\n年度报\n" + OPENING + "编制本报告。" + BODY, "南江市人民政府研究室", 2023),
    ("2024年政府信息公开工作年度报告\n信息来源：西岭区人民政府\n" + OPENING + "现向社会公布《西岭区统计局2024年度政府信息公开"
     "工作年度报告》。" + BODY, "西岭区统计局", 2024),
    # traditional script, as printed
    (OPENING + "現公布東山縣人民政府2021年度政府信息公開工作年度報告。" + BODY, "東山縣人民政府", 2021),
    # an abbreviation in the title resolves to the full name the preamble gives
    ("区城管局2022年政府信息公开工作年度报告\n本年度报告由江川区城市管理综合执法局（以下简称区城管局）编制。" + BODY,
     "江川区城市管理综合执法局", 2022),
])
def test_agency_and_year_as_printed(tmp_path: Path, text: str, agency: str, year: int) -> None:
    assert _read(tmp_path, text) == (agency, year)


def test_a_cited_notice_is_not_the_report(tmp_path: Path) -> None:
    text = ("根据《县政府办公室关于做好2020年度政府信息公开工作年度报告编制工作的通知》要求，由松山区农业农村局编制。"
            "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。" + BODY)
    assert _read(tmp_path, text) == ("松山区农业农村局", 2020)


@pytest.mark.parametrize("citing", ["按照", "根据", "依据"])
def test_a_report_name_cited_for_its_rules_names_no_issuer(tmp_path: Path, citing: str) -> None:
    # the body's own report follows another body's requirements: that body is not its issuer
    text = (f"2024年，我局认真贯彻落实《条例》，{citing}青山区2024年政府信息公开工作年度报告编制有关要求，编制本报告。"
            "本年度报告中所列数据的统计期限为2024年1月1日至2024年12月31日。" + BODY)
    assert _read(tmp_path, text) == (None, 2024)


def test_the_overview_s_subject_ends_before_what_it_follows(tmp_path: Path) -> None:
    text = (OPENING + "编制本报告。\n一、总体情况\n2022年，市民政局依照《条例》《白山省政务公开工作实施细则》，全面推进政务公开。"
            "\n二、主动公开政府信息情况\n见下表。\n")
    assert _read(tmp_path, text) == ("市民政局", 2022)


def test_the_overview_opening_names_agency_and_year(tmp_path: Path) -> None:
    text = OPENING + "编制本报告。\n一、总体情况\n2024年，临川县水务局坚持以公开为常态，共收到申请3件。\n二、主动公开政府信息情况\n见下表。\n"
    assert _read(tmp_path, text) == ("临川县水务局", 2024)


def test_a_disclosure_office_compiles_its_government_report(tmp_path: Path) -> None:
    text = "本报告由桐江区政务公开办公室根据《条例》等规定编制。统计期限自2021年1月1日起至2021年12月31日止。" + BODY
    assert _read(tmp_path, text) == ("桐江区人民政府", 2021)


def test_a_general_office_reports_on_itself_unless_it_compiles_the_others(tmp_path: Path) -> None:
    own = "本报告由临江市人民政府办公室编制。统计期限自2023年1月1日起至2023年12月31日止。" + BODY
    compiled = "本报告由临江市人民政府办公室综合各乡镇、各部门政府信息公开年度报告编制。统计期限自2013年1月1日起。" + BODY
    assert _read(tmp_path, own) == ("临江市人民政府办公室", 2023)
    assert _read(tmp_path, compiled) == ("临江市人民政府", 2013)


def test_nothing_printed_leaves_the_agency_unread(tmp_path: Path) -> None:
    text = "根据《条例》要求，我局编制了本年度报告。" + BODY
    assert _read(tmp_path, text)[0] is None


def test_the_contact_office_names_its_organ(tmp_path: Path) -> None:
    text = (OPENING + "编制本报告。统计期限自2014年1月1日起至2014年12月31日止。如对本报告有任何疑问，请与湖西省审计厅"
            "政府信息公开工作办公室联系。" + BODY)
    assert _read(tmp_path, text) == ("湖西省审计厅", 2014)
