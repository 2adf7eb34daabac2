"""Traditional script read as simplified for matching (收到申請 -> 收到申请), one character for one, so that every
offset found in the simplified text points at the same characters of the text as printed."""
from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Given text, return it in simplified script with the same length; a line whose conversion would change its
    length (a phrase mapped to more or fewer characters) stays as printed."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    return "\n".join(c if len(c := _converter().convert(line)) == len(line) else line for line in lines)
