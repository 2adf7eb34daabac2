"""Traditional script read as simplified for matching (收到申請 -> 收到申请), and full-width digits as ASCII ones
(１２件 -> 12件), one character for one, so that every offset found in the text read for matching points at the same
characters of the text as printed; and what a copy adds to the words that is no part of the report: reading aids that
mirror sites insert (公開(kāi)申請(qǐng): pinyin after polyphonic characters), and the spaces a typesetter sets between
Chinese and a number (2023 年共收到申请 12 件)."""
from __future__ import annotations

import re
from functools import lru_cache

import opencc

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin syllable in parentheses right after a Chinese character; a tone mark makes it pinyin, not a word. The
# character before is asked after the parenthesis: a pattern opening with a lookbehind is tried at every character
# of every line, one opening with a character class only where that class stands.
_PINYIN_AID = re.compile(rf"[(（](?<=[\u4e00-\u9fff][(（])[a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")


# A space between a Chinese character and a number, either way round: Word's automatic spacing, printed into its PDF's
# text, or a converter's space before the unit (12 件). The pattern opens with the space and looks back from there: a
# pattern opening with a look-behind is tried at every character of every line.
_NUMBER_SPACING = re.compile(r"[ \u00a0](?:(?<=[\u4e00-\u9fff][ \u00a0])(?=[0-9０-９])|(?<=[0-9０-９%％][ \u00a0])(?=[\u4e00-\u9fff]))")
_HALF_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": "."})
# str.translate with a table looks up every character of a non-ASCII text one by one (hundreds of instructions each);
# most texts print none of the table's characters, found by one substring scan each (memchr-like, far cheaper per
# character than a regex's character class).
_FULL_WIDTH_FORMS = tuple(map(chr, _HALF_WIDTH))


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def without_reading_aids(text: str) -> str:
    """Given a line, return it without pinyin annotations (公開(kāi) -> 公開)."""
    return _PINYIN_AID.sub("", text) if "(" in text or "（" in text else text  # most lines: no parenthesis, no call


def without_number_spacing(text: str) -> str:
    """Given a line, return it without the single spaces between Chinese and a number (收到申请 12 件 -> 收到申请12件)."""
    return _NUMBER_SPACING.sub("", text) if " " in text or "\u00a0" in text else text  # most lines: no space, no call


def half_width(text: str) -> str:
    """Given text, return it with full-width digits, ％ and ． as their ASCII forms (１２件 -> 12件), one for one."""
    return text.translate(_HALF_WIDTH) if any(form in text for form in _FULL_WIDTH_FORMS) else text


def simplified(text: str) -> str:
    """Given text, return it in simplified script with the same length; a line whose phrase conversion would change
    its length is converted character by character (a character that would change length stays as printed)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "\n".join(c if len(c := _converter().convert(line)) == len(line) else _by_character(line)
                     for line in text.split("\n"))


def _by_character(line: str) -> str:
    """Given a line, return each character converted on its own, or as printed when its conversion is no one character."""
    return "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in line)
