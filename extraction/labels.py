"""Normalising printed labels so that layout noise (line breaks, spaces, quote and bracket styles, traditional
script) disappears."""
from __future__ import annotations

import re
from functools import lru_cache

from extraction.script import simplified

_TRANSLATE = str.maketrans({
    "(": "（", ")": "）", "“": '"', "”": '"', "＂": '"', "‘": '"', "’": '"', "'": '"', "「": '"', "」": '"',
    "、": ".", "．": ".", "：": ":", "，": ",", "；": ";",
    **{chr(0xFF10 + i): str(i) for i in range(10)},
})
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+\.|（[一二三四五六七八九十]+）|\d+\.)+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Given a printed label, return it in simplified script, without spaces/line breaks, with one style of brackets,
    quotes, dots (本年新收政府資訊公開申請數量 is the template's 本年新收政府信息公开申请数量)."""
    return _SPACE.sub("", simplified(text)).translate(_TRANSLATE)


@lru_cache(maxsize=65536)
def core(text: str) -> str:
    """Given a label, return its normalised text without leading numbering (一、 （三） 1. 1、)."""
    return _NUMBERING.sub("", norm(text))
