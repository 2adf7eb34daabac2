"""The same report sentences as people receive them: full-width digits, a space between number and unit, Word's
spacing between Chinese and a number. Each surface reads as the printed one (same figures, same metrics)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.script import half_width, without_number_spacing
from extraction.pipeline import audit
from tests.one_sentence import HEAD, TAIL, linked

# Sentences whose links depend on a year or a number next to a word: carry-over named by its year, the handled pool
# of a year, counts right after their nouns.
SENTENCES = [
    "2023年共受理信息公开申请50件，其中结转2022年3件，办结47件，结转至2024年3件。",
    "本年度共收到政府信息公开申请12件，已办结10件，结转到2024年办理2件。",
    "全区各行政机关共办理政府信息公开申请114件，办结113件，顺延到2024年度申请1件。",
    "全年依申请公开3条，均已按时答复。",
    "本年度新制发行政规范性文件24件，现行有效行政规范性文件120件。",
    "因政府信息公开被申请行政复议1件，提起行政诉讼2件。",
]
FULL_WIDTH = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})


def spaced_numbers(sentence: str) -> str:
    """Given a sentence, return it with a space on each side of every number that touches Chinese (2023 年共 12 件)."""
    out = []
    for k, ch in enumerate(sentence):
        before = sentence[k - 1] if k else ""
        if ch.isdigit() != before.isdigit() and before and "\u4e00" <= (before if ch.isdigit() else ch) <= "\u9fff":
            out.append(" ")
        out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_full_width_digits_read_as_ascii(tmp_path: Path, sentence: str) -> None:
    expected = linked(tmp_path, sentence)
    assert expected
    assert linked(tmp_path, sentence.translate(FULL_WIDTH)) == expected


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_spaces_around_numbers_read_as_none(tmp_path: Path, sentence: str, space: str) -> None:
    expected = linked(tmp_path, sentence)
    assert expected
    assert linked(tmp_path, spaced_numbers(sentence).replace(" ", space)) == expected


def test_a_space_between_words_or_numbers_stays() -> None:
    assert without_number_spacing("收到申请 12 件") == "收到申请12件"
    assert without_number_spacing("收到申请\u00a012\u00a0件") == "收到申请12件"
    assert without_number_spacing("结果维持 3 件 纠正错误 0 件") == "结果维持3件 纠正错误0件"
    assert without_number_spacing("上年结转 2  件") == "上年结转2  件"  # a gap of cells, not a typesetter's space
    assert without_number_spacing("12 8 0") == "12 8 0"


def test_half_width_keeps_every_offset() -> None:
    text = "２０２３年收到申请１２件，占比３５．５％"
    assert half_width(text) == "2023年收到申请12件，占比35.5%"
    assert len(half_width(text)) == len(text)


def test_quotes_keep_printed_digits_without_number_spacing(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(HEAD.format(year=2023) + "２０２３年共收到政府信息公开申请 １２ 件。" + TAIL, encoding="utf-8")
    found = [(m.value, m.metric, m.quote) for m in audit(path).mentions]
    assert found == [(12, "requests.new.total", "２０２３年共收到政府信息公开申请１２件")]


# A paragraph's sentences one a line with their 。 dropped, as some copies print them: each line ends its sentence
# and the paragraph goes on; read as a clause cut by a break it would run into the next sentence's topic (另有50件… /
# 全区…行政复议70件: 50 as reviews), read as a paragraph of its own it would lose its paragraph's topic.
OWN_LINES = [
    ["2024年，全区共接收政府信息公开申请633件，上年结转23件", "全年共办结606件，另有50件结转2025年度继续办理",
     "全区政府信息公开行政复议70件，行政诉讼21件", "区政府本级无败诉案件，未发生不依法履职现象",
     "我区将继续做好相关工作，提升服务水平。"],
    ["全年依申请公开共收到群众网上申请105件，合计122件，截至12月底已回复126件，7件正在办理中",
     "行政复议144件，120件做了复议决定，行政诉讼97件", "我局将继续做好相关工作，提升服务水平",
     "下一步，我局将加强培训，规范办理。"],
]


@pytest.mark.parametrize("sentences", OWN_LINES)
def test_sentences_one_a_line_read_as_sentences(tmp_path: Path, sentences: list[str]) -> None:
    expected = linked(tmp_path, "。".join(sentences), 2024)
    assert expected
    assert linked(tmp_path, "\n".join(sentences), 2024) == expected


def test_a_clause_cut_by_a_break_still_runs_on(tmp_path: Path) -> None:
    # one break inside a clause, the other lines holding sentences' ends: a break, not sentences one a line
    text = "2024年，我局认真做好依申请公开工作，本年度共收到政府信息公开\n申请5件，已全部按期办结。下一步，我局将加强培训。"
    assert linked(tmp_path, text, 2024) == [(5, "requests.new.total")]


# A converter's markup is no part of the words: a markdown heading's #s before a run-in heading, a list item's bullet
# before a sentence that goes on with the one before (其中…).
MARKUP = [
    ("（二）依申请公开办理情况。本年度未收到依申请公开事项的请求。\n{}（三）因政府信息公开申请行政复议、提起行政诉讼情况。"
     "本年度无此类情况。", ("### ", "**")),
    ("2024年，我委共受理信息公开申请64件，共答复64件，结转下年度继续办理4件。\n{}其中，公开或部分公开18件（占比28.13%）；"
     "不予公开0件。", ("• ", "- ", "* ")),
]


@pytest.mark.parametrize("text,marks", MARKUP)
def test_markup_reads_as_none(tmp_path: Path, text: str, marks: tuple[str, ...]) -> None:
    expected = linked(tmp_path, text.format(""), 2024)
    assert expected
    for mark in marks:
        assert linked(tmp_path, text.format(mark), 2024) == expected
