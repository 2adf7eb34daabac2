"""How a narrative figure is printed: digits, Chinese numerals, 万, approximation words, spaces before units."""
from __future__ import annotations

from evaluation.synth.model import Figure

CN_DIGITS = "零一二三四五六七八九"
MAX_CN = 99  # Chinese numerals are used for small counts only


def chinese(n: int) -> str:
    """Given 0..99, return it in Chinese numerals as reports write counts (两件, 十二件, 二十件)."""
    if n == 2:
        return "两"
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def plain(value: int | float) -> str:
    """Given a number, return it without trailing zeros (254.38, 96171.6, 3119)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def fits(style: str, value: int | float) -> bool:
    """Given a style and a value, return whether the value can be printed in that style exactly."""
    if style == "cn":
        return float(value).is_integer() and 0 < value <= MAX_CN  # 零件 reads as "parts": zero is printed 0
    if style == "wan":
        return float(value).is_integer() and value >= 10_000 and int(value) % 100 == 0
    return True


def figure_text(figure: Figure) -> str:
    """Given a figure, return how the narrative prints it, number and unit (约 3119 件, 4.53万件, 两件)."""
    style = figure.style if fits(figure.style, figure.value) else "digits"
    if style == "cn":
        number = chinese(int(figure.value))
    elif style == "wan":
        number = plain(figure.value / 10_000) + "万"
    else:
        number = plain(figure.value)
    gap = " " if figure.spaced and style != "cn" else ""
    head = f"{figure.approx}{gap}" if figure.approx in ("约", "近") else ""
    tail = "余" if figure.approx == "余" else ""
    return f"{head}{number}{tail}{gap}{figure.unit}" if gap else f"{head}{number}{tail}{figure.unit}"


def figure_quote(figure: Figure) -> str:
    """Given a figure, return its gold quote: the clause from its lead words to its trailing words."""
    gap = " " if figure.spaced and figure.lead and fits("digits", figure.value) and figure.style != "cn" else ""
    return f"{figure.lead}{gap}{figure_text(figure)}{figure.trail}"
