"""Who published the report, for which year, and when: from the title, the preamble (现公布XX…报告, 由XX编制), the
发布机构/公开日期 fields, the overview's opening and the signature."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extraction.document import Source
from extraction.numerals import cn_value
from extraction.script import simplified
from extraction.segment import Narrative

REPORT_YEARS = range(2008, 2031)  # the disclosure regulation took effect in 2008
# The report names itself: 三都县人民政府2022年度政府信息公开工作年度报告, 2015年武汉市硚口区政府信息公开…报告.
# A year in a document number's brackets (苍政办发〔2015〕81号)编制本年度…年度报告) is the notice's, not the report's.
YEAR_OUTSIDE_DOCUMENT_NUMBER = r"(?<![〔\[【])(?P<year>\d{4})(?![〕\]】])"
REPORT_NAME = re.compile(YEAR_OUTSIDE_DOCUMENT_NUMBER + r"\s*年?\s*度?\s*(?P<after>[^\s，,。；;：:、《》“”\"]{0,30}?)"
                         r"(?:政府|政务)?信息(?:公开)?[\u4e00-\u9fff]{0,8}?\s?(?:年度)?(?:报告|年报)")
# A title line cut before 报告 (…2025年政府信息公开工作 / 年度报): the line alone names the report.
TITLE_CUT = re.compile(YEAR_OUTSIDE_DOCUMENT_NUMBER + r"\s*年?\s*度?\s*(?P<after>[^\s，,。；;：:、《》“”\"]{0,30}?)"
                       r"(?:政府|政务)?信息公?开?(?:工作)?(?:年度)?$")
NAME_STOP = "，,。；;：:、《》“”\"！？!?|｜\t "
# A report name with a count right after it is an item posted this year (…2021年度政府信息公开工作年度报告1条, in
# a list of what was published), an earlier report, not this one's title.
POSTED_COUNT = re.compile(r"\s*[0-9０-９]+\s*(?:条|篇|份|件|个|期)")
# Words that precede the agency in a preamble: 现公布XX…报告, 特编制并向社会公布XX…, 由XX编制的….
# A verb inside a name's segment ends what came before it: …年度报告现将兰州市人民政府2020年….
INNER_LEAD = re.compile(r".*(?:现将|现公布|现发布|现公开|向社会公布|特编制|予以公布)")
LEAD_WORDS = re.compile(r"^(?:现|特|并|正式|予以|向社会|认真|依法|已|由|经|再|此|通过|结合|以下简称|简称|在)+"
                        r"|^(?:公布|发布|公开|编制(?:了|完成|并)?|编写|形成了|将|梳理|制作|联系)")
FIELD_PREFIX = re.compile(r"^.*[:：]")  # 信息来源：沙塘镇人民政府, 地址：…
COMPILED_BY = re.compile(r"编制(?:了|的)?|形成了")
# 按照/根据… before a report name cite another body's report or its rules (按照洪山区2024年…年度报告编制有关要求): no issuer.
NOT_AN_AGENCY = re.compile(r"^(?:本|我|该|全|各|年度|按照|根据|依据|依照|参照|遵照)|^本级|本级政府|关于|通知|要点|以下|工作$|及|[和与](?:省|市|区|县)")
# A government's disclosure office compiles the government's report (由宣州区政务公开办公室编制); its general office
# does so when it compiles the report from the others' (由XX县人民政府办公室综合各乡镇…编制), else the office is
# an organ reporting on itself.
DISCLOSURE_OFFICE = re.compile(r"^(?P<place>.+?)(?:人民政府|政府)?(?:党政|政务公开[\u4e00-\u9fff]{0,6}|政府信息公开|信息公开)办公室$")
GENERAL_OFFICE = re.compile(r"^(?P<place>.+?)(?:人民政府|政府)办公(?:室|厅)$")
COMPILED_FROM_OTHERS = re.compile(r"综合各|汇总|基础上")
# An organ named by its level only (市政府办公室, 区数据局, 自治区人民政府办公厅): the place is printed elsewhere.
LEVEL_ONLY = re.compile(r"^(?P<level>自治区|省|市|区|县|旗|州|镇|乡)(?P<organ>[^市区县镇乡].*)$")
ORGAN_AFTER_PLACE = r"(?:管理委员会|管委会|人民政府|办事处)(?!信息)"
NOT_A_TOWN = ("开发区", "高新区", "园区", "示范区", "实验区", "试验区", "新区")
SHORT_GOVERNMENT_OFFICE = re.compile(r"(?<!人民)政府(?:办$|(?=办公室$|办公厅$|$))")  # 区政府办 is 区人民政府办公室
COMPILER = re.compile(r"由([^，,。；;：:、《》“”\s]{2,40}?)(?=编制|综合|根据|按照|依据|汇总|结合|牵头|组织|制作)")
# The organ whose disclosure office answers questions on the report: 请与湖南省审计厅政府信息公开工作办公室联系.
CONTACT = re.compile(r"请与([^，,。；;：:、《》“”\s]{2,30}?)(?:政府信息公开|信息公开|政务公开)[\u4e00-\u9fff]{0,6}?办公室联系")
# The first sentence of 一、总体情况 names its subject: 2025年，霍城县水利局坚持….
SUBJECT = re.compile(r"\d{4}\s*年度?(?:以来)?[，,]+\s*(?P<agency>[^\s，,。；;：:、《》“”]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|"
                     r"办事处|管理委员会|管委会|委员会|办公室|办公厅|局|厅|委|办|室|署|中心|政府|自治区|省|市|县|区|旗|镇|乡|街道))"
                     r"(?=认真|严格|深入|坚持|全面|紧紧|紧密|围绕|以|在|进一步|持续|始终|切实|着力|按照|根据|积极|共|高度|"
                     r"聚焦|不断|扎实|继续|全力|立足|牢固|把|将|充分|大力|主动|按|依照|依据|遵照|参照|结合|政府信息|政务公开|着眼)")
ALIAS = r"(?P<full>[^\s，,。；;：:、（(《]{4,40})[（(]以下简称[“\"]?ABBR[”\"]?[）)]"
ALIAS_WORD = "以下简称"
ALIAS_BEFORE = 40 + 1  # ALIAS: at most this many characters (the full name, its bracket) before ALIAS_WORD
ALIAS_AFTER = 3  # ALIAS: quotes and the closing bracket around the abbreviation after ALIAS_WORD
ORGAN_SUFFIX = re.compile(r"(人民政府|政府|办公厅|办公室|局|委员会|委|厅|管委会|管理委员会|中心|院|署|所|站|队|办事处|公司|集团|会|部|处|社|馆|台|办|室)$")
PLACE_SUFFIX = re.compile(r"(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|镇|乡)$")
PLACE_ONLY = re.compile(r"(?:(?:(?![局委办厅院署])[\u4e00-\u9fff]){1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|区|县|旗|镇|乡))+")
PLACE_STOP_CHARS = "由与向对和及在是为据请本的、，,。;；（）():：《》“”\" \n"
PLACE_MAX_CHARS = 12
HEAD_LINES = 8  # a title, split over lines, is printed within the first lines
SHORT_LINE_CHARS = 30
STAT_PERIOD = re.compile(r"(?:统计期限|统计时限|统计时间|统计期间|统计区间|统计数据从)[^。；]{0,12}?(\d{4})\s*年\s*1\s*月")
# The preamble naming the year reported on: 现将我办2022年度政府信息公开情况报告如下; 编制的2014年度政府信息公开年度报告.
PREAMBLE_YEAR = re.compile(r"(\d{4})\s*年度?[\u4e00-\u9fff（）()]{0,12}?信息公开[\u4e00-\u9fff]{0,8}?(?:报告|年报)")
# The overview opens with the year reported on: 一、总体情况 2025年，我局…; 2020年以来，….
OPENING_YEAR = re.compile(r"(?:^|\n|。)\s*(?:[一二]、|[（(]一[）)])?[^\n]{0,12}?\n?\s*(\d{4})\s*年度?(?:以来)?[，,]")
PREAMBLE_CHARS = 1000  # the preamble is read up to section 一, at most this far
DATE_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
DATE_CN = re.compile(r"([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
DATE_FIELD = re.compile(r"(?:发布日期|公开日期|发文日期|成文日期|发布时间|时间|日期)[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})")


@dataclass
class Metadata:
    agency: str | None
    report_year: int | None
    published: str | None


def _head(narrative: Narrative) -> int:
    """Given the narrative, return where its preamble ends: at the first section after its first sentence (a
    preamble printed under a leading 一、总体情况 ends at 二), at most PREAMBLE_CHARS in."""
    first_stop = narrative.plain.find("。")
    later = [section.start for section in narrative.sections if section.no and section.start > first_stop]
    return min(later[0], PREAMBLE_CHARS) if later else PREAMBLE_CHARS


def _printed_names(plain: str, printed: str, pattern: re.Pattern[str] = REPORT_NAME) -> list[tuple[str | None, int]]:
    """Given a text (simplified and as printed), return each report name in it as (agency as printed or None, year)."""
    found = []
    for m in pattern.finditer(plain):
        year = int(m.group("year"))
        if year not in REPORT_YEARS or _inside_notice(plain, m.start()) or POSTED_COUNT.match(plain, m.end()):
            continue
        after = slice(m.start("after"), m.end("after"))  # 2015年武汉市硚口区政府信息公开…: the agency after the year
        agency = _agency_before(plain, printed, m.start()) or _valid(printed[after], plain[after])
        found.append((agency, year))
    return found


def _inside_notice(plain: str, start: int) -> bool:
    """Given the start of a report name, say whether it is cited inside another document's title (关于做好…的通知)."""
    opened = plain.rfind("《", 0, start)
    return opened >= 0 and plain.find("》", opened) > start and "关于" in plain[opened:start]


def _agency_before(plain: str, printed: str, end: int) -> str | None:
    """Given where a report name's year starts, return the agency printed right before it on the same line."""
    start = end
    while start > 0 and plain[start - 1] not in NAME_STOP + "\n" and end - start < 40:
        start -= 1
    segment, shown = plain[start:end], printed[start:end]
    if not segment and start > 0 and plain[start - 1] == "《":
        return _agency_before(plain, printed, start - 1)
    parts = [(m.start(), m.end()) for m in COMPILED_BY.finditer(segment)]
    if parts:
        cut_start, cut_end = parts[-1]
        return _valid(shown[cut_end:], segment[cut_end:]) or _valid(shown[:cut_start], segment[:cut_start])
    return _valid(shown, segment)


def _valid(shown: str, plain: str) -> str | None:
    """Given a candidate (as printed and simplified), return it without leading verbs when it names an organ."""
    inner = INNER_LEAD.match(plain)
    if inner:
        shown, plain = shown[inner.end():], plain[inner.end():]
    while (m := LEAD_WORDS.match(plain)) and m.end():
        shown, plain = shown[m.end():], plain[m.end():]
    label = FIELD_PREFIX.match(plain)
    if label:
        shown, plain = shown[label.end():], plain[label.end():]
    if plain.count("(") + plain.count("（") > plain.count(")") + plain.count("）"):
        return None
    if len(plain) < 2 or NOT_AN_AGENCY.search(plain):
        return None
    if not (ORGAN_SUFFIX.search(plain) or PLACE_SUFFIX.search(plain) or plain.endswith(("街道", "开发区", "）", ")"))):
        return None
    return shown


def _title_lines(narrative: Narrative) -> tuple[str | None, int | None]:
    """Given the narrative, return the agency and year of a title printed on its first lines, the agency maybe on a
    line of its own above or below (桃江县松木塘镇人民政府 / 2022年政府信息公开工作年度报告)."""
    lines = [line for line in narrative.plain[:_head(narrative)].split("\n")][:HEAD_LINES]
    shown_lines = narrative.text[:len("\n".join(lines))].split("\n")
    for i, (line, shown) in enumerate(zip(lines, shown_lines)):
        names = _printed_names(line.strip(), shown.strip()) or _printed_names(line.strip(), shown.strip(), TITLE_CUT)
        if not names:
            continue
        agency, year = names[0]
        if agency is None:
            around = [j for j in (i - 1, i + 1, i - 2, i + 2) if 0 <= j < len(lines) and lines[j].strip()]
            agency = next((_valid(shown_lines[j].strip(), lines[j].strip()) for j in around if _name_line(lines[j])
                           and _valid(shown_lines[j].strip(), lines[j].strip())), None)
        return agency, year
    return None, None


def _name_line(line: str) -> bool:
    """Given a line near the title, say whether it may be the agency's name alone: short, no field (来源：…)."""
    return len(line.strip()) <= SHORT_LINE_CHARS and not re.search(r"[:：]", line)


def _agency_and_year(source: Source, narrative: Narrative) -> tuple[str | None, int | None]:
    """Given a report, return the agency and year its title (page field or first lines) or preamble names; of the
    names printed for one agency (昌荣镇 in the title, 兴化市昌荣镇 in the preamble) the fullest."""
    names: list[tuple[str | None, int]] = []
    for field_name in ("名称", "title"):
        printed = source.meta.get(field_name, "")
        names += _printed_names(simplified(printed), printed)
    names.append(_title_lines(narrative))
    head = _head(narrative)
    names += _printed_names(narrative.plain[:head], narrative.text[:head])
    agency = next((name for name, _ in names if name), None)
    year = next((found for _, found in names if found), None)
    if agency:
        agency = max((name for name, _ in names if name and _with_places(simplified(name), simplified(agency))),
                     key=len, default=agency)
    return agency, year


def _with_places(name: str, agency: str) -> bool:
    """Given two names, say whether the first is the second with places before it (兴化市昌荣镇, 昌荣镇)."""
    return name.endswith(agency) and (name == agency or bool(PLACE_ONLY.fullmatch(name[:-len(agency)])))


def _compiler(narrative: Narrative) -> str | None:
    """Given the narrative, return the agency its preamble says compiled the report (由XX编制): a government's
    office compiles the government's report."""
    head = _head(narrative)
    for m in COMPILER.finditer(narrative.plain[:head]):
        agency = _valid(narrative.text[m.start(1):m.end(1)], m.group(1))
        if agency:
            start, end = narrative.sentence_bounds(m.start())
            office = DISCLOSURE_OFFICE.match(m.group(1))
            if not office and COMPILED_FROM_OTHERS.search(narrative.plain[start:end]):
                office = GENERAL_OFFICE.match(m.group(1))
            if office and PLACE_ONLY.fullmatch(office.group("place")):
                return agency[:office.end("place")] + "人民政府"
            return agency
    return None


def _subject(narrative: Narrative) -> str | None:
    """Given the narrative, return the organ its overview opens with (2025年，霍城县水利局坚持…)."""
    window = narrative.plain[:_head(narrative) + PREAMBLE_CHARS]
    for m in SUBJECT.finditer(window):
        if LEAD_WORDS.match(m.group("agency")):  # 2023年，通过沙河市人民政府网站…: not the subject
            continue
        agency = _valid(narrative.text[m.start("agency"):m.end("agency")], m.group("agency"))
        if agency:
            return agency
    return None


def _contact(narrative: Narrative) -> str | None:
    """Given the narrative, return the organ whose disclosure office the preamble names for questions."""
    m = CONTACT.search(narrative.plain[:_head(narrative)])
    return _valid(narrative.text[m.start(1):m.end(1)], m.group(1)) if m else None


def _full_agency(agency: str, text: str, plain: str) -> str:
    """Given an agency as found and the report text (as printed and simplified), return its fullest printed name
    (淮安市洪泽区人民政府): an abbreviation's full name (以下简称…), a short 政府 as 人民政府, a bare place as its
    government, and the places printed before it."""
    alias = _alias(simplified(agency), plain)
    if alias:
        start = alias.start("full") + alias.group("full").rfind("由") + 1  # 本报告由XX（以下简称YY）编制
        agency = _valid(text[start:alias.end("full")], plain[start:alias.end("full")]) or agency
    agency = SHORT_GOVERNMENT_OFFICE.sub(lambda m: "人民政府办公室" if m.group(0).endswith("办") else "人民政府", agency)
    key = simplified(agency)
    if not ORGAN_SUFFIX.search(key):
        organs = Counter(text[m.start():m.end()] for m in re.finditer(re.escape(key) + ORGAN_AFTER_PLACE, plain))
        if organs:
            agency = organs.most_common(1)[0][0]
        elif key.endswith("街道"):
            agency += "办事处"
        elif PLACE_ONLY.fullmatch(key) and not key.endswith(NOT_A_TOWN):
            agency += "人民政府"
    agency = _named_level(agency, text, plain)
    key = simplified(agency)
    prefixes = Counter(p for m in re.finditer(re.escape(key), plain)
                       if (p := _places_before(text, plain, m.start())) and not key.startswith(simplified(p)))
    if prefixes:
        agency = max(prefixes, key=len) + agency
    return agency


def _alias(abbreviation: str, plain: str) -> re.Match[str] | None:
    """Given an abbreviation and the simplified text, return the first ALIAS naming it (…（以下简称“ABBR”）), or None.
    Only the few characters around each ALIAS_WORD can hold one: a search of the whole text tries every position."""
    pattern = re.compile(ALIAS.replace("ABBR", re.escape(abbreviation)))
    reach = len(ALIAS_WORD) + len(abbreviation) + ALIAS_AFTER
    at = plain.find(ALIAS_WORD)
    while at >= 0:
        # Each start has one possible match (its name runs to the first bracket), so matches come in the order of
        # their ALIAS_WORD and the first window's match is the whole text's first.
        match = pattern.search(plain, max(0, at - ALIAS_BEFORE), at + reach)
        if match:
            return match
        at = plain.find(ALIAS_WORD, at + 1)
    return None


def _named_level(agency: str, text: str, plain: str) -> str:
    """Given an organ named by its level only (市人民政府办公室), return it with the place the text prints for that
    organ (鄂州市人民政府办公室), else unchanged."""
    m = LEVEL_ONLY.match(simplified(agency))
    if not m:
        return agency
    organ = re.escape(m.group("organ")).replace("人民政府", "(?:人民)?政府")
    places = Counter(p for found in re.finditer(organ, plain)
                     if (p := _places_before(text, plain, found.start())) and simplified(p).endswith(m.group("level"))
                     and len(p) > len(m.group("level")))
    return places.most_common(1)[0][0] + agency[len(m.group("level")):] if places else agency


def _places_before(text: str, plain: str, start: int) -> str | None:
    """Given the start of an agency name, return the place names printed right before it (淮安市), if any."""
    window = plain[max(0, start - PLACE_MAX_CHARS):start]
    for stop in PLACE_STOP_CHARS:
        window = window.rsplit(stop, 1)[-1]
    while (m := LEAD_WORDS.match(window)) and m.end():
        window = window[m.end():]
    if window and PLACE_ONLY.fullmatch(window):
        return text[start - len(window):start]
    return None


def _published(source: Source, narrative: Narrative) -> str | None:
    for key in ("公开日期", "发布日期", "成文日期", "发文日期"):
        m = DATE_ISO.search(source.meta.get(key, ""))
        if m:
            return _iso(m)
    m = DATE_FIELD.search(narrative.text[:2000])
    if m:
        return _iso(DATE_ISO.search(m.group(1)))
    for line in reversed(narrative.lines[-8:]):
        text = re.sub(r"\s+", "", line.text)
        m = DATE_ISO.fullmatch(text)
        if m:
            return _iso(m)
        m = DATE_CN.fullmatch(text)
        if m:
            year = "".join("0" if ch in "〇零○Ｏ" else str(cn_value(ch, "normal")) for ch in m.group(1))
            return f"{year}-{cn_value(m.group(2), 'normal'):02d}-{cn_value(m.group(3), 'normal'):02d}"
    return None


def _iso(m: re.Match[str]) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def _signature(narrative: Narrative) -> str | None:
    """Given the narrative, return the signing agency printed on the line above the closing date, if any."""
    lines = [re.sub(r"\s+", "", line.text) for line in narrative.lines[-6:]]
    for above, below in zip(lines, lines[1:]):
        if (DATE_ISO.fullmatch(below) or DATE_CN.fullmatch(below)) and 2 < len(above) <= 30 and ORGAN_SUFFIX.search(above):
            return above
    return None


def read_metadata(source: Source, narrative: Narrative) -> Metadata:
    """Given a report's source and narrative, return agency, report year and publication date. The agency is the
    first found of: the report's printed name, the compiler (由XX编制), the 发布机构 field, the overview's subject,
    the organ of the contact office, the signature."""
    agency, year = _agency_and_year(source, narrative)
    publisher = source.meta.get("发布机构", "").strip() or None
    for fallback in (_compiler, lambda _: publisher, _subject, _contact, _signature):
        agency = agency or fallback(narrative)
    if agency is not None:
        agency = _full_agency(agency, narrative.text, narrative.plain)
    if year is None:
        year = _year_in_preamble(narrative)
    return Metadata(agency, year, _published(source, narrative))


def _year_in_preamble(narrative: Narrative) -> int | None:
    """Given the narrative, return the first year of its statistics period (统计期限自2022年1月1日起), the report year
    its preamble names (…2022年度政府信息公开情况报告如下) or the year its overview opens with (2022年，我局…);
    None when none is printed."""
    head = _head(narrative)
    for pattern, window in ((STAT_PERIOD, narrative.plain), (PREAMBLE_YEAR, narrative.plain[:head]),
                            (OPENING_YEAR, narrative.plain[:head + PREAMBLE_CHARS])):
        m = next((m for m in pattern.finditer(window) if not POSTED_COUNT.match(window, m.end())), None)
        if m and int(m.group(1)) in REPORT_YEARS:
            return int(m.group(1))
    return None
