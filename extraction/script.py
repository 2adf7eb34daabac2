"""Traditional script read as simplified for matching (收到申請 -> 收到申请), one character for one, so that every
offset found in the simplified text points at the same characters of the text as printed; and reading aids that
mirror sites insert into a copy (公開(kāi)申請(qǐng): pinyin after polyphonic characters), which are no part of the report."""
from __future__ import annotations

import re
from functools import lru_cache

import opencc

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin syllable in parentheses right after a Chinese character; a tone mark makes it pinyin, not a word. The
# character before is asked after the parenthesis: a pattern opening with a lookbehind is tried at every character
# of every line, one opening with a character class only where that class stands.
_PINYIN_AID = re.compile(rf"[(（](?<=[\u4e00-\u9fff][(（])[a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def without_reading_aids(text: str) -> str:
    """Given a line, return it without pinyin annotations (公開(kāi) -> 公開)."""
    return _PINYIN_AID.sub("", text)


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
