"""Character-level tokenizer of the figures stated in report narrative.

A figure is a number with a counting unit ("3119 件", "5500 余条", "两条",
"33.9%", "1.2万条"), or a zero stated in words ("未收到政府信息公开申请", grammar in extraction.zeros).
Years, dates, phone numbers, document numbers, ordinals and idioms with
numerals are not figures (template spec §4.2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from extraction.numerals import cn_value
from extraction.zeros import find_zero_claims, zero_unit

__all__ = ["Figure", "find_figures", "parse_number"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text, with its character span."""

    value: float | int
    unit: str
    approx: bool
    start: int
    end: int
    raw: str
    implicit: bool = False


# Longest first, so that 人次 wins over 人.  年/月/日/号/时/届/大 are
# deliberately absent: a number before them is never a count. 类 and 位 count in digits only (see _DIGITS_ONLY_UNITS).
_UNITS = (
    "个百分点", "人次", "件次", "批次",
    "件", "条", "个", "次", "期", "场", "份", "项", "元", "名", "家", "轮", "篇", "天", "人", "起", "宗", "例", "案",
    "小项", "批", "册", "倍", "户", "台", "则", "种", "类", "位", "处", "封", "张", "張", "%", "％",
)
# 5大类栏目, 4大专题, 两大核心平台: 大 with a noun of groups counts them (二十大 and 三大攻坚战 name no group).
_GROUP_NOUN = "大(?:重点|主要|核心)?(?:类|专题|板块|领域|平台|功能|目标|栏目|模块)"
# 部 counts documents (规章4部) but starts 部门 (5部门), 部分 (3部分) and the like.
_UNIT = _GROUP_NOUN + "|" + "|".join(map(re.escape, _UNITS)) + "|部(?![门分署委队位属])"
_D = "[0-9０-９]"
_DIGITS = rf"{_D}{{1,3}}(?:[,，]{_D}{{3}})+(?!{_D})(?:[.．]{_D}+)?|{_D}+(?:[.．]{_D}+)?"
_CN_NUM = "零〇一二两三四五六七八九十"
_CN_CHARS = frozenset(_CN_NUM)
# A Chinese-numeral span; 万/亿 stay inside only when more numerals follow,
# so a trailing 万/亿 is read as the multiplier, as after digits.
_CN = rf"[{_CN_NUM}](?:[{_CN_NUM}百千]|[万亿](?=[{_CN_NUM}]))*"
_SP = "[ \u00a0\u3000]{0,2}"
# A round magnitude in words (百余条, 近千人次, 上千条, 近万份): an approximate count of it, only when 余/多 follows it or
# 近, 约, 逾, 超过 or 上 stands before it (千家万户, 百花齐放 count nothing).
_MAGNITUDES = {"百": 100, "千": 1000, "万": 10_000}
_MAGNITUDE = "上?[百千万]"

# A bare integer is a count whose unit the noun before it implies (订阅数4637，已办结18，) only when it ends a
# clause in running text, right after a Chinese word: with a space it is a table's cell, a page number or a code, and
# at a line's end too, unless its line is running text, a clause of it closed before (…，全市共受理申请75 ending a
# paragraph that lost its full stop).
# Not 、 (1、 numbers a list item after a heading its line break no longer shows) nor an opening parenthesis (a
# table flattened into one line runs a row's last digits into the next row's （二）)...
_BARE_END = "[，,。；;）)]"
# ... but an opening parenthesis whose words say what befell the count (行政复议1（结果维持1）) follows a count: no
# heading's number (（二）) nor a list item's opens with a word.
_BARE_GLOSS = r"[（(](?![一二三四五六七八九十]+[)）、])(?=[\u4e00-\u9fff])"
# ... and so does the requests' noun right after it, its unit dropped (共收到13政府信息公开申请, 受理4申请公开政府信息).
_BARE_NOUN = "(?:政府信息公开申请(?!人)|申请公开)"
_BARE_AFTER = re.compile(r"[\u4e00-\u9fff]$")
_LINE_END = r"(?:\n|$)"
_CLAUSE_CLOSED = re.compile("[，,；;。]")
# Words before a bare number that make it a code, a reference or a time, not a count.
_BARE_CODES = ("电话", "传真", "邮编", "邮政编码", "编码", "代码", "热线", "拨打", "号码", "编号", "序号", "附件", "表", "图",
               "专栏", "版", "室", "楼", "幢", "路", "街", "巷", "期间", "截至", "截止")
_BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_OPEN_BEFORE = re.compile(r"[（(][^（）()]*$")
_FIGURE = re.compile(
    rf"""
    (?=[约近超逾突百千万上0-9０-９{_CN_NUM}])  # a cheap first-character filter
    (?:(?P<pre>约|(?<!最)近|超过|逾|超|突破){_SP})?
    (?:
        百分之(?P<pct_d>{_DIGITS})
      | 百分之(?P<pct_c>{_CN}|百)
      | (?<![0-9０-９A-Za-z_/@第])(?<![0-9０-９][.．,，])(?<!第\ )
        (?P<num>(?>{_DIGITS}))
      | (?<![第每之统唯逐同单任某其新上下初周前跑{_CN_NUM}百千万亿])
        (?P<cn>{_CN})
      | (?<![{_CN_NUM}百千万亿第])(?P<mag>{_MAGNITUDE})
    )
    {_SP}(?:(?P<suf1>余|多){_SP})?(?P<mul>万|亿)?(?P<suf2>余|多)?
    {_SP}(?P<unit>{_UNIT})?
    (?P<post>左右|上下(?![级联游班贯通]))?
    (?(unit)|(?(mul)|(?(pct_d)|(?(pct_c)|(?(num)(?={_BARE_END}(?!{_D})|{_LINE_END}|{_BARE_GLOSS}|{_BARE_NOUN})|(?!))))))  # a bare number ends a clause or is none
    """,
    re.VERBOSE,
)

# What _SP matches: no group of _FIGURE holds one, so a figure ends where its match does, less these.
_SPACES = " \u00a0\u3000"

# Words that a unit character starts, so that the figure is not a count:
# 一件事, 一次性, 条例, 两个月, 四个意识, 八项规定, 一元化 ...
_BAD_AFTER_UNIT: dict[str, tuple[str, ...]] = {
    "件": ("事",),
    "条": ("例", "款", "龙", "线", "件"),
    "次": ("性",),
    "个": ("月", "多月", "半月", "工作日", "小时", "季度", "星期", "部分",
           "意识", "自信", "维护", "确立", "全面", "代表", "务必", "明白", "交代"),
    "元": ("化", "旦", "素"),
    "期": ("间", "限", "满"),
    "场": ("所", "地"),
    "份": ("额",),
    "名": ("称", "单", "义"),
    "家": ("庭", "属"),
    "人": ("民",),
    "项": ("规定",),
    "篇": ("章",),
    "批": ("准", "复", "示", "发", "评", "判"),
    "户": ("籍", "口", "型", "外", "内", "主", "政"),
    "台": ("账", "帐", "阶", "风", "湾", "州", "前"),
    "册": ("子",),
    "种": ("植", "子", "养", "粮", "苗", "业"),
    "位": ("于", "置", "数"),
    "处": ("理", "罚", "置", "室", "长", "于", "分", "境", "在", "级", "领导", "方", "事", "所"),
    "封": ("面", "闭", "存", "装", "锁", "条", "顶"),
    "张": ("贴", "家", "榜", "挂", "扬", "力", "开"),
    "張": ("貼", "家", "榜", "掛", "揚", "力", "開"),
}

# A unitless 2300万 takes its unit from the measure noun before it.
_MEASURE_NOUN = re.compile(r"(播放|阅读|浏览|点击|访问|观看)|(用户|粉丝|订阅|关注)")
_NOUN_WINDOW = 12

# A number joined to an ordinal before it is one too: 第20条和21条, 第九至十二条, 第十九条、二十条 (no 第 before it,
# no ordinal: most figures skip the search).
_ORDINAL_BEFORE = re.compile(rf"第\s*(?:{_D}+|[{_CN_NUM}百]+)\s*[条款项章节次]?\s*(?:、|和|及|与|至|到|-|—|～|~)\s*$")
_ORDINAL_WINDOW = 16
# 市委八届四次全会, 十六届人大七次会议, 十四届全国人大三次会议: a session's number after its term is an ordinal,
# the body named in between with or without its level.
_SESSION_BEFORE = re.compile(r"届(?:全国|省|自治区|市|州|区|县|旗)?(?:人大常委会|人大|政协|党委|委员会|常委会|委)?\s*$")
# 的一项重要工作, 是一个, 作为一项: 一 after these is an article, not a count.
_ARTICLE_BEFORE = ("的", "是", "作为", "成为")
# 一批 is "a number of" (精心策划一批宣讲精品, 处罚一批、教育一批), no count of batches; 3批 is one. 一种 is "a kind
# of" (探索一种新模式); 5种形式 counts kinds. 一张 names a whole made one (一张网, 一张蓝图); 500张 counts sheets.
_INDEFINITE_UNITS = ("批", "种", "张", "張")
# 再一次学习, 又一次: 一次 after 再/又 is "once more", no count of times (3次 and 一次 elsewhere are counts).
_AGAIN_BEFORE = ("再", "又")
# 推入一个新的发展阶段, 迈上一个新台阶: 一个 before 新 is an article ("a new"); 3个新平台 counts platforms.
_ARTICLE_BEFORE_NEW = "新"
# 一则…，二则… (firstly, secondly): a numeral in words before 则 names no notices; in digits it counts them (公告6则).
# So 类 and 位: 三类内部事务信息, 四类过程性信息 (the table's own grounds), 三位一体, 前十位 name no count; 12类信息 and
# 15位自然人 do.
_DIGITS_ONLY_UNITS = ("则", "类", "位")
# 前10位, 排名前3位: a rank reached, not people counted
_RANK_BEFORE = ("前",)
_RANK_UNITS = ("位",)
# “三个责任”, “苏政50条”, “办一件、公开一片”: a figure inside a short quotation names a slogan or a policy.
_QUOTE_OPEN, _QUOTE_CLOSE = "“「『", "”」』"
_ANY_QUOTE_OPEN = re.compile(f"[{_QUOTE_OPEN}]")
# "三件大事": a copy that prints its quotation marks straight opens and closes them with one mark, so the marks before
# the figure on its line, counted, say whether it stands inside one
_STRAIGHT_QUOTE = '"'
SLOGAN_MAX_CHARS = 16

# A number listed right before a figure with 、, sharing its unit (268、53条): digits after a Chinese word or another
# such number (no ordinal's 第, no line start: a list item's number), closed by the list mark.
_LISTED_BEFORE = re.compile(rf"(?<=[\u4e00-\u9fff、])(?<!第)(?P<num>{_D}+)、$")
_LISTED_WINDOW = 12
_CELL = re.compile(rf"\s*(?P<num>[-－]?(?:{_DIGITS}))\s*(?:万元|亿元|{_UNIT})?\s*")
MAX_FIGURE = Decimal(10) ** 15  # no count or 万元 amount in these reports comes near; floats stay exact below it
MAX_FIGURE_DIGITS = 15  # digits of the longest integer below MAX_FIGURE
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.", ",，")


def _decimal(digits: str) -> Decimal:
    """Given a digit string (full-width, separators, '－' allowed), return its Decimal."""
    return Decimal(digits.translate(_FULL_WIDTH).replace("－", "-"))


def _count(digits: str) -> Decimal | int:
    """Given a figure's digit string, return its value: an int for plain ASCII digits short of MAX_FIGURE (most
    figures: no Decimal to build and test), else the Decimal."""
    if len(digits) <= MAX_FIGURE_DIGITS and digits.isascii() and digits.isdigit():
        return int(digits)
    return _decimal(digits)


def _credible(value: Decimal | int) -> bool:
    """Given a parsed number, return whether a report can print it as a count or an amount: a run of hundreds of
    digits is no figure (and no float can hold it)."""
    return (isinstance(value, int) or value.is_finite()) and abs(value) < MAX_FIGURE


def _plain(d: Decimal | int) -> float | int:
    """Given a Decimal (or an int), return an int when it is integral, else a float."""
    if isinstance(d, int):
        return d
    return int(d) if d == d.to_integral_value() else float(d)


@lru_cache(maxsize=512)
def _cn_value(span: str) -> int | None:
    """Given an isolated Chinese-numeral span, return its value, or None if malformed."""
    try:
        return cn_value(span.replace("两", "二").replace("〇", "零"), "strict")
    except ValueError:
        return None


def _noun_unit(text: str, start: int) -> str:
    """Given a unitless scaled number at start, return the unit implied by the noun before it."""
    hits = _MEASURE_NOUN.findall(text, max(0, start - _NOUN_WINDOW), start)
    if not hits:
        return ""
    return "次" if hits[-1][0] else "人"


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Given a figure's span, return whether it stands inside a quotation of at most SLOGAN_MAX_CHARS characters."""
    if _STRAIGHT_QUOTE in text[max(0, start - SLOGAN_MAX_CHARS):start]:
        return _in_short_straight_quote(text, start, end)
    if _ANY_QUOTE_OPEN.search(text, max(0, start - SLOGAN_MAX_CHARS), start) is None:
        return False  # most figures: one regex test instead of three searches
    opening = max(text.rfind(q, max(0, start - SLOGAN_MAX_CHARS), start) for q in _QUOTE_OPEN)
    if opening < 0 or any(q in text[opening:start] for q in _QUOTE_CLOSE):
        return False
    closing = [i for q in _QUOTE_CLOSE if (i := text.find(q, end, opening + SLOGAN_MAX_CHARS + 1)) >= 0]
    return bool(closing) or start == opening + 1


def _in_short_straight_quote(text: str, start: int, end: int) -> bool:
    """Given a figure's span with a straight quotation mark shortly before it, return whether the figure stands inside
    a quotation of at most SLOGAN_MAX_CHARS characters: an odd count of the marks before it on its line opens one."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.count(_STRAIGHT_QUOTE, line_start, start) % 2 == 0:
        return False
    opening = text.rfind(_STRAIGHT_QUOTE, line_start, start)
    return text.find(_STRAIGHT_QUOTE, end, opening + SLOGAN_MAX_CHARS + 1) >= 0


def _names_no_count(text: str, m: re.Match[str], unit: str) -> bool:
    """Given a candidate figure, return whether its words make it an ordinal, an article or a slogan, not a count."""
    start = m.start()
    before = text[max(0, start - _ORDINAL_WINDOW):start]
    if ("第" in before and _ORDINAL_BEFORE.search(before)) or (unit == "次" and _SESSION_BEFORE.search(before)):
        return True
    if m["cn"] == "一" and (before.endswith(_ARTICLE_BEFORE) or unit in _INDEFINITE_UNITS):
        return True
    if m["cn"] == "一" and ((unit == "次" and before.endswith(_AGAIN_BEFORE))
                           or (unit == "个" and text.startswith(_ARTICLE_BEFORE_NEW, m.end()))):
        return True
    if m["cn"] is not None and unit in _DIGITS_ONLY_UNITS:
        return True
    if unit in _RANK_UNITS and before.rstrip(_SPACES).endswith(_RANK_BEFORE):
        return True
    return _in_short_quote(text, start, m.end())


def _bare_count(text: str, m: re.Match[str]) -> bool:
    """Given a bare number ending a clause, return whether it counts: right after a Chinese word that makes it no
    code, reference or year (关注量达到1382025， yes; 电话88888888， 截至2023， no)."""
    before = text[max(0, m.start() - _ORDINAL_WINDOW):m.start()]
    if m["pre"] is not None or not _BARE_AFTER.search(before) or before.endswith(_BARE_CODES):
        return False
    if text.startswith("\n", m.end()) or m.end() == len(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        return m.end() == m.end("num") and _CLAUSE_CLOSED.search(text, line_start, m.start()) is not None \
            and not _BARE_YEAR.fullmatch(m["num"])  # else a line of a table or a heading, not running text
    if text[m.end("num")] in "）)" and not _OPEN_BEFORE.search(before):
        return False  # 1) numbering a list item, not (结果维持1) closing a parenthesis the number stands in
    return not _BARE_YEAR.fullmatch(m["num"])


def _figure(text: str, m: re.Match[str], offset: int) -> Figure | None:
    """Given a candidate match of _FIGURE and where the text starts in the whole narrative, return its Figure (its
    span in the narrative's offsets), or None if it is no figure."""
    unit = m["unit"] or ""
    if unit == "％":
        unit = "%"
    end = m.end()
    while text[end - 1] in _SPACES:  # trailing spaces are not part of it
        end -= 1
    if m["pct_d"] is not None:
        value, unit = _decimal(m["pct_d"]), "%"
    elif m["pct_c"] is not None:
        cn = 100 if m["pct_c"] == "百" else _cn_value(m["pct_c"])
        if cn is None:
            return None
        value, unit = Decimal(cn), "%"
    else:
        if not unit and (m["cn"] is not None or m["mag"] is not None):
            return None  # a Chinese numeral needs its unit
        if text.startswith(_BAD_AFTER_UNIT.get(unit, ()), end) or _names_no_count(text, m, unit):
            return None
        if m["num"] is not None:
            if not unit and not m["mul"] and not _bare_count(text, m):
                return None
            value = _count(m["num"])
        elif m["mag"] is not None:
            if not (m["pre"] or m["suf1"] or m["suf2"] or m["mag"].startswith("上")):
                return None  # 千家万户: no magnitude counted
            value = Decimal(_MAGNITUDES[m["mag"][-1]])
        else:
            if m["cn"] in ("零", "〇") or text[end:end + 1] in _CN_CHARS:
                return None  # 零件; 一人一档, 一事一议
            cn = _cn_value(m["cn"])
            if cn is None:
                return None
            value = Decimal(cn)
        if m["mul"] and unit == "元":
            unit = m["mul"] + "元"  # money keeps its 万元 / 亿元 scale
        elif m["mul"]:
            value *= 10_000 if m["mul"] == "万" else 100_000_000
            unit = unit or _noun_unit(text, m.start())
    if not _credible(value):
        return None
    approx = bool(m["pre"] or m["suf1"] or m["suf2"] or m["post"] or m["mag"])
    return Figure(_plain(value), unit, approx, m.start() + offset, end + offset, text[m.start():end])


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Given narrative text (and where it starts in the whole narrative: a section), return its figures and worded
    zeros, in text order, their spans in the whole narrative's offsets (each Figure made once, not made and shifted)."""
    claims = find_zero_claims(text)
    printed = [f for m in _FIGURE.finditer(text) if (f := _figure(text, m, offset)) is not None]
    printed = _with_shared_units(text, printed, offset)
    found = _outside_claims(printed, [(c.start + offset, c.end + offset) for c in claims])  # 没有出现一起复议: a filler
    found += [Figure(0, zero_unit(c), False, c.start + offset, c.end + offset, text[c.start:c.end], implicit=True)
              for c in claims]
    found.sort(key=lambda f: f.start)
    return found


def _with_shared_units(text: str, figures: list[Figure], offset: int) -> list[Figure]:
    """Given the printed figures of a text in order, return them with the numbers listed right before one with 、 that
    share its unit (分别发布信息268、53条, 分别为12、10件: 268 条 and 12 件), in order."""
    out: list[Figure] = []
    for fig in figures:
        shared: list[Figure] = []
        end = fig.start - offset
        # the list mark ends _LISTED_BEFORE's match, at the end or before a closing line break: most figures lack it
        while fig.unit and "、" in text[max(0, end - 2):end] \
                and (m := _LISTED_BEFORE.search(text, max(0, end - _LISTED_WINDOW), end)) is not None \
                and not _BARE_YEAR.fullmatch(m["num"]) and not (out and out[-1].end > m.start("num") + offset):
            shared.append(Figure(_plain(_count(m["num"])), fig.unit, False, m.start("num") + offset,
                                 m.end("num") + offset, m["num"]))
            end = m.start("num")
        if shared:
            before = text[max(0, end - _ORDINAL_WINDOW):end]
            if before.endswith("第") or _ORDINAL_BEFORE.search(before):
                shared = []  # 第20、21、22条: ordinals listed
        out += [*reversed(shared), fig]
    return out


def _outside_claims(figures: list[Figure], claims: list[tuple[int, int]]) -> list[Figure]:
    """Given figures and the spans of zero claims, both in text order (claims do not overlap), return the figures no
    claim holds."""
    out: list[Figure] = []
    i = 0
    for fig in figures:
        while i + 1 < len(claims) and claims[i + 1][0] <= fig.start:
            i += 1
        if not (claims and claims[i][0] <= fig.start and fig.end <= claims[i][1]):
            out.append(fig)
    return out


def parse_number(raw: str) -> float | int | None:
    """Given a table cell, return its number (unit stripped); None for '', '/', '-', '无' or text."""
    m = _CELL.fullmatch(raw)
    if m is None:
        return None
    value = _decimal(m["num"])
    return _plain(value) if _credible(value) else None
