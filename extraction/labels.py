"""Normalising printed labels so that layout noise (line breaks, spaces, quote and bracket styles) disappears."""
from __future__ import annotations

import re
from functools import lru_cache

_TRANSLATE = str.maketrans({
    "(": "（", ")": "）", "“": '"', "”": '"', "＂": '"', "‘": '"', "’": '"', "'": '"', "「": '"', "」": '"',
    "、": ".", "．": ".", "：": ":", "，": ",", "；": ";",
    **{chr(0xFF10 + i): str(i) for i in range(10)},
})
_SPACE = re.compile(r"[\s\u3000\xa0]+")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+\.|（[一二三四五六七八九十]+）|\d+\.)+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Given a printed label, return it without spaces/line breaks and with one style of brackets, quotes, dots."""
    return _SPACE.sub("", text).translate(_TRANSLATE)


@lru_cache(maxsize=65536)
def core(text: str) -> str:
    """Given a label, return its normalised text without leading numbering (一、 （三） 1. 1、)."""
    return _NUMBERING.sub("", norm(text))
