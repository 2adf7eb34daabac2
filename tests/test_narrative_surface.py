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
