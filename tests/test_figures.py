"""Tests of extraction.figures: narrative figures and table-cell numbers (spec §4.2)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.figures import Figure, find_figures, parse_number

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"


def triples(text: str) -> list[tuple[float | int, str, bool]]:
    """Given a text, return (value, unit, approx) of each figure find_figures finds in it."""
    return [(f.value, f.unit, f.approx) for f in find_figures(text)]


FIGURES = [
    # plain counts, with and without a space before the unit (PDF text)
    ("全市共受理政府信息公开申请3119件", [(3119, "件", False)]),
    ("全市共受理政府信息公开申请 3119 件", [(3119, "件", False)]),
    ("其他处理0件", [(0, "件", False)]),
    ("定期移送纸质政府信息756份", [(756, "份", False)]),
    ("推进3轮督促整改工作", [(3, "轮", False)]),
    ("通过微信公众号发布20680批次农产品抽检情况", [(20680, "批次", False)]),
    ("70家政府网站", [(70, "家", False)]),
    ("发布政策解读12篇，举办培训3场、2期，培训300人", [
        (12, "篇", False), (3, "场", False), (2, "期", False), (300, "人", False)]),
    ("对29项涉及群众切身利益的事项", [(29, "项", False)]),
    ("3个工作日内答复，办理时限15天", [(15, "天", False)]),
    ("提高2个百分点", [(2, "个百分点", False)]),
    ("全年收取政府信息公开信息处理费 3940 元", [(3940, "元", False)]),
    ("受理咨询1200件次", [(1200, "件次", False)]),
    # groups, batches, volumes and ratios are counts too
    ("门户网站设置6大类栏目和3大重点领域专题", [(6, "大类", False), (3, "大重点领域", False)]),
    ("分4批公布审批结果，汇编成册1200册", [(4, "批", False), (1200, "册", False)]),
    ("发布量为上年的2.5倍", [(2.5, "倍", False)]),
    ("召开3次专题会议", [(3, "次", False)]),
    ("梳理公开标准86小项，走访困难群众120户，配置终端3台", [(86, "小项", False), (120, "户", False), (3, "台", False)]),
    # notices and kinds: 则 and 种 count them
    ("发布公示公告6则、政务报告2则", [(6, "则", False), (2, "则", False)]),
    ("开通三种依申请公开接收渠道，采用6种形式解读", [(3, "种", False), (6, "种", False)]),
    # formatting: full-width digits, thousands separators
    ("受理申请３１１９件", [(3119, "件", False)]),
    ("共公开3,985,758条", [(3985758, "条", False)]),
    ("共公开３，９８５，７５８条", [(3985758, "条", False)]),
    ("占４．３４％", [(4.34, "%", False)]),
    ("共公开1,2345条", []),  # not groups of 3: no trustworthy figure
    # approximations
    ("市政府网站主动公开各类政府信息 5500 余条", [(5500, "条", True)]),
    ("开展专题会商60余次", [(60, "次", True)]),
    ("开展点对点指导500余人次", [(500, "人次", True)]),
    ("涉及100多家单位", [(100, "家", True)]),
    ("约300人参加", [(300, "人", True)]),
    ("约 300 人参加", [(300, "人", True)]),
    ("近3000件", [(3000, "件", True)]),
    ("超过200条", [(200, "条", True)]),
    ("逾50场", [(50, "场", True)]),
    ("培训500人左右", [(500, "人", True)]),
    ("收到300件上下", [(300, "件", True)]),
    ("最近3次检查", [(3, "次", False)]),
    # scaled numbers; money keeps its 万元 / 亿元 scale
    ("主动公开信息1.2万条", [(12000, "条", False)]),
    ("阅读量即达180万次", [(1800000, "次", False)]),
    ("累计服务2万余人次", [(20000, "人次", True)]),
    ("本年收费金额96171.6 万元", [(96171.6, "万元", False)]),
    ("投入资金3.5亿元", [(3.5, "亿元", False)]),
    ("播放量超2300万", [(23000000, "次", True)]),
    ("用户已突破550万", [(5500000, "人", True)]),
    ("微博粉丝突破770万", [(7700000, "人", True)]),
    ("总量达到2300万", [(23000000, "", False)]),
    # percentages
    ("办结率100%", [(100, "%", False)]),
    ("合格率均为 100%", [(100, "%", False)]),
    ("占33.9%", [(33.9, "%", False)]),
    ("申请数量较去年回落12.3％", [(12.3, "%", False)]),
    ("满意率达百分之九十", [(90, "%", False)]),
    ("做到百分之百公开", [(100, "%", False)]),
    ("比例为百分之95.5", [(95.5, "%", False)]),
    # Chinese numerals (always with a unit)
    ("收到申请一件", [(1, "件", False)]),
    ("收到申请两件", [(2, "件", False)]),
    ("收到申请十二件", [(12, "件", False)]),
    ("开展会商二十余次", [(20, "次", True)]),
    ("其他十一个区", [(11, "个", False)]),
    ("首轮试点八个领域", [(8, "个", False)]),
    ("两条微信阅读量即达180万次", [(2, "条", False), (1800000, "次", False)]),
    ("均明确一名分管领导和一名经办人员", [(1, "名", False), (1, "名", False)]),
    ("服务二十余万人次", [(200000, "人次", True)]),
    ("三个百分点", [(3, "个百分点", False)]),
    ("一万二千条", [(12000, "条", False)]),
    # figures among non-figures
    ("2022年全区共主动公开政府信息14571条", [(14571, "条", False)]),
    ("统计期限为2024年1月1日至2024年12月31日，全市共受理申请3119件",
     [(3119, "件", False)]),
    ("统一受理平台接入53个部门", [(53, "个", False)]),
    ("依据国办公开办函〔2021〕30号，共答复3050件", [(3050, "件", False)]),
]

NOT_FIGURES = [
    # years, dates, periods
    "2024年", "2024 年", "2024年1月1日", "12月31日", "1月", "2023年度",
    "统计期限为2024年1月1日至2024年12月31日", "两年", "两个月", "3个月", "3个工作日",
    # contacts
    "0517-83605210", "0527—83593059", "12345热线", "邮编：223001", "邮编223001",
    "xxgk2021@huaian.gov.cn", "http://www.jxln.gov.cn/lnxxxgk/c114874/202105/84eb.shtml",
    # document, article and address numbers
    "〔2021〕30号", "[2021]30号", "国令第711号", "国办函〔2020〕109号", "第711号",
    "第五十条", "第二十条第（五）项", "第二十条 第（一）项", "第三方", "第一", "第1次", "第 1 次",
    "第3件", "第三件", "翔宇南道1号", "苏州东路42号",
    # ordinal and slogan words
    "二十大", "二十届三中全会", "十四五", "一是加强组织领导", "二是", "三是", "一把手", "一网通办",
    "一事一审", "三审三校", "三安全一稳定", "四类", "三类", "新一轮", "四个意识", "两个维护",
    "八项规定", "一人一档", "党的二十大精神",
    # ordinals joined to an ordinal before them, sessions after a term, articles
    "依据《条例》第19条和20条", "按照第八至十条规定", "第三条、四条", "区委六届三次全会", "十五届人大二次会议",
    "这是政务公开的一项基础工作", "公开是一个过程", "把公开作为一项常态工作", "建立工作台账", "户籍信息",
    # the report's own parts
    "全文由概述、其他事项等五个部分组成",
    # slogans and policy names in short quotations
    "落实“两个责任”", "出台“稳外贸15条”", "推行“跑一次、办成事”",
    # layout
    "7*24小时", "7×24小时", "- 4 -", "（一）", "1.", "1、", "9:00", "9：00-17：00",
    # idioms with numerals
    "一体化", "统一", "一些", "进一步", "一般", "万一", "一站式", "一码通", "一件事", "一次性",
    "一条龙", "零件", "多元化",
    # a kind of, and firstly / secondly in words
    "探索一种新模式", "一则，二则", "一则加强培训，二则完善制度", "3种植户",
    # bare numbers and numerals
    "共计3119", "一二三", "十一", "数量为 56",
]

IMPLICIT_ZEROS = [
    ("本年度未收到政府信息公开申请。", "件", "未收到政府信息公开申请"),
    ("没有收到政府信息公开申请", "件", "没有收到政府信息公开申请"),
    ("无依申请公开申请", "件", "无依申请公开申请"),
    ("未发生收费", "元", "未发生收费"),
    ("未收取任何费用", "元", "未收取任何费用"),
    ("全年无收费", "元", "无收费"),
    ("无行政复议", "件", "无行政复议"),
    ("没有行政诉讼", "件", "没有行政诉讼"),
    ("未发生政府信息公开行政复议", "件", "未发生政府信息公开行政复议"),
    ("本机关未被申请行政复议", "件", "未被申请行政复议"),
    ("继续保持了省级政府零败诉的记录", "件", "零败诉"),
    ("全年没有出现一起行政复议", "件", "没有出现一起行政复议"),
    # a preposition puts its object between the negation and the verb; 暂免 negates directly
    ("本机关未向申请人收取任何费用", "元", "未向申请人收取任何费用"),
    ("依申请提供信息暂免收费", "元", "暂免收费"),  # 一起 is the negation's filler, not a figure
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures(text: str, expected: list[tuple[float | int, str, bool]]) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(("text", "unit", "raw"), IMPLICIT_ZEROS)
def test_implicit_zero(text: str, unit: str, raw: str) -> None:
    (fig,) = find_figures(text)
    assert (fig.value, fig.unit, fig.approx, fig.implicit, fig.raw) == (0, unit, False, True, raw)


@pytest.mark.parametrize("text", ["有无行政复议", "申请人未申请行政复议", "无法提供"])
def test_not_implicit_zero(text: str) -> None:
    assert find_figures(text) == []


def test_span_and_types() -> None:
    text = "全年收取费用 3940 元，占比约 1.5%。"
    first, second = find_figures(text)
    assert first == Figure(3940, "元", False, 7, 13, "3940 元")
    assert second == Figure(1.5, "%", True, 16, 22, "约 1.5%")
    assert all(text[f.start:f.end] == f.raw for f in (first, second))
    assert type(first.value) is int and type(second.value) is float
    assert type(find_figures("1.0万条")[0].value) is int


@pytest.mark.parametrize(("raw", "expected"), [
    ("3119", 3119), ("3,119", 3119), ("１２３", 123), ("96171.6", 96171.6), ("254.38", 254.38),
    ("0", 0), ("-3", -3), (" 12 ", 12), ("2792220.8元", 2792220.8), ("5件", 5),
    ("", None), ("/", None), ("-", None), ("—", None), ("－", None), ("无", None),
    ("不适用", None), ("3119件申请", None), ("1.2.3", None),
])
def test_parse_number(raw: str, expected: float | int | None) -> None:
    got = parse_number(raw)
    assert got == expected and type(got) is type(expected)


def _gold_mentions() -> list:
    """Given the real gold corpus (if present), return one pytest param per narrative mention."""
    if not REAL.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"gold corpus absent: {REAL}"))]
    return [
        pytest.param(m, id=f"{path.stem}-{i}")
        for path in sorted(REAL.glob("*.gold.json"))
        for i, m in enumerate(json.loads(path.read_text(encoding="utf-8"))["mentions"])
    ]


@pytest.mark.parametrize("mention", _gold_mentions())
def test_gold_mentions(mention: dict) -> None:
    assert (mention["value"], mention["unit"], mention["approx"]) in triples(mention["quote"])


_FW = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@st.composite
def rendered(draw: st.DrawFn) -> tuple[str, Decimal, str, bool]:
    """Given hypothesis, return (sentence, expected value, unit, approx) of one random figure."""
    places = draw(st.sampled_from([0, 0, 1, 2]))
    number = Decimal(draw(st.integers(0, 10**9))).scaleb(-places)
    whole, _, frac = f"{number:f}".partition(".")
    if draw(st.booleans()):
        whole = f"{int(whole):,}".replace(",", draw(st.sampled_from([",", "，"])))
    digits = whole + (f".{frac}" if frac else "")
    if draw(st.booleans()):
        digits = digits.translate(_FW)
    unit = draw(st.sampled_from(["件", "条", "人次", "个", "次", "%", "元", "批次"]))
    scale = draw(st.sampled_from(["", "", "万"])) if unit != "%" else ""
    approx_word = draw(st.sampled_from(["", "", "余", "约"]))
    space = draw(st.sampled_from(["", " "]))
    body = f"{digits}{space}{approx_word if approx_word == '余' else ''}{scale}{space}{unit}"
    text = f"全年共受理{'约' if approx_word == '约' else ''}{body}，其中"
    if scale and unit == "元":
        unit = "万元"
    elif scale:
        number *= 10_000
    return text, number, unit, bool(approx_word)


@given(rendered())
def test_rendered_numbers_are_recovered(case: tuple[str, Decimal, str, bool]) -> None:
    text, number, unit, approx = case
    (fig,) = find_figures(text)
    assert (Decimal(str(fig.value)), fig.unit, fig.approx) == (number, unit, approx)



@pytest.mark.parametrize("noun", ["订阅数", "关注量达到", "已办结", "发布信息"])
@pytest.mark.parametrize("number, end", [("18", "，"), ("4637", "。"), ("1382025", "；")])
def test_a_bare_number_ending_a_clause_after_a_word_counts_what_the_word_names(noun: str, number: str, end: str) -> None:
    assert triples(f"本年度{noun}{number}{end}其余从略。") == [(int(number), "", False)]


@pytest.mark.parametrize("before", ["联系电话", "邮编", "拨打", "详见附件", "截至", "地址：超达大路", "（", "第"])
@pytest.mark.parametrize("number", ["8", "2023", "130000"])
def test_a_bare_number_after_a_code_word_or_no_word_is_none(before: str, number: str) -> None:
    assert find_figures(f"{before}{number}，其余从略。") == []


@pytest.mark.parametrize("text", ["发布信息42、新闻59", "数量为 56，", "发布信息42\n", "发布信息1,2345条"])
def test_a_bare_number_not_ending_a_clause_in_running_text_is_none(text: str) -> None:
    assert [f.value for f in find_figures(text) if not f.unit] == []


def test_a_bare_number_running_into_the_next_row_of_a_flattened_table_is_none() -> None:
    assert [f.value for f in find_figures("（一）予以公开12（二）部分公开3") if not f.unit] == []
