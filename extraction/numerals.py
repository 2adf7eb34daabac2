"""Chinese numerals to integers: the small ones (零 to 九十九) read here, the rest by cn2an.

Nearly every numeral a report writes in words is below a hundred (三件, 十二月, 二十一日), and importing cn2an
compiles its patterns three times over, a third of a second at every start; it is imported only for a larger
or unusual numeral.
"""
from __future__ import annotations

DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
TEN = "十"


def small_value(span: str) -> int | None:
    """Given a numeral span, return its value when it is 零, D, 十, D十, 十D or D十D (D one of 一…九), the
    numerals below a hundred that cn2an's strict mode accepts; else None."""
    if span in DIGITS:
        return DIGITS[span]
    tens, ten, units = span.partition(TEN)
    if not ten or not all(part == "" or (part in DIGITS and part != "零") for part in (tens, units)):
        return None
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def cn_value(span: str, mode: str) -> int:
    """Given a Chinese-numeral span and cn2an's mode (strict or normal), return its value as cn2an would; raise
    ValueError where cn2an does."""
    small = small_value(span)
    if small is not None:
        return small
    import cn2an

    return int(cn2an.cn2an(span, mode))
