"""Who published the report, for which year, and when: from the title, the 发布机构/公开日期 fields and the signature."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import cn2an

from extraction.document import Source
from extraction.script import simplified
from extraction.segment import Narrative

TITLE = re.compile(
    r"(?P<pre>\d{4})?\s*年?度?\s*(?P<agency>[\u4e00-\u9fff（）()]{2,40}?)\s*(?P<year>\d{4})?\s*年\s*度?\s*"
    r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?年?度?报告")
TITLE_YEAR_FIRST = re.compile(r"(?P<year>\d{4})\s*年\s*度?\s*(?P<agency>[\u4e00-\u9fff（）()]{2,40}?)(?:政府)?信息公开(?:工作)?年度报告")
ORGAN_SUFFIX = re.compile(r"(人民政府|政府|办公厅|办公室|局|委员会|委|厅|管委会|管理委员会|中心|院|署|所|站|队|办事处|公司|集团|会|部|处|社|馆|台)$")
PLACE = re.compile(r"(?:[\u4e00-\u9fff]{2,6}?(?:省|自治区))?[\u4e00-\u9fff]{2,5}?(?:市|自治州|州|盟|地区)")
PLACE_MAX_CHARS = 10
PLACE_STOP_CHARS = "由与向对和及在是为据请本的、，。（）() \n"
FIELD_LABEL = re.compile(r"^(?:名称|标题|文件名称|题名)[:：]?")
STAT_PERIOD = re.compile(r"(?:统计期限|统计时限|统计时间|统计期间|统计区间)[^。；]{0,12}?(\d{4})\s*年\s*1\s*月")
# The preamble naming the year reported on: 现将我办2022年度政府信息公开情况报告如下; 编制的2014年度政府信息公开年度报告.
PREAMBLE_YEAR = re.compile(r"(\d{4})\s*年度?[\u4e00-\u9fff（）()]{0,12}?信息公开[\u4e00-\u9fff]{0,8}?(?:报告|年报)")
PREAMBLE_CHARS = 1000  # the preamble is read up to section 一, at most this far
DATE_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
DATE_CN = re.compile(r"([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
DATE_FIELD = re.compile(r"(?:发布日期|公开日期|发文日期|成文日期|发布时间|时间|日期)[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})")


@dataclass
class Metadata:
    agency: str | None
    report_year: int | None
    published: str | None


def _title_candidates(source: Source, narrative: Narrative) -> list[tuple[str, str]]:
    """Given a report, return the texts that may hold its title, each as (simplified for matching, as printed)."""
    end = narrative.sections[1].start if len(narrative.sections) > 1 else 400
    heads = (re.sub(r"\s+", "", narrative.plain[:end][:300]), re.sub(r"\s+", "", narrative.text[:end][:300]))
    texts = [(simplified(t), t) for t in (source.meta.get("名称", ""), source.meta.get("title", ""))] + [heads]
    return [t for t in texts if t[0]]


def _agency_and_year(source: Source, narrative: Narrative) -> tuple[str | None, int | None]:
    for text, printed in _title_candidates(source, narrative):
        for pattern in (TITLE, TITLE_YEAR_FIRST):
            m = pattern.search(text)
            if m and m.group("agency") and (m.groupdict().get("year") or m.groupdict().get("pre")):
                year = int(m.group("year") or m.group("pre"))
                agency = FIELD_LABEL.sub("", printed[m.start("agency"):m.end("agency")]).strip("（）()")
                if 2000 <= year <= 2100 and len(agency) > 2:
                    return agency, year
    return None, None


def _full_agency(agency: str, text: str) -> str:
    """Given the title's agency and the report text, return its fullest printed name (淮安市洪泽区人民政府)."""
    if not ORGAN_SUFFIX.search(agency):
        organs = Counter(m.group(0) for m in re.finditer(re.escape(agency) + r"(?:管委会|人民政府|政府)(?!信息)", text))
        if organs:
            agency = organs.most_common(1)[0][0]
    if not PLACE.match(agency):
        prefixes = Counter(p for m in re.finditer(re.escape(agency), text[:3000]) if (p := _place_before(text, m.start())))
        if prefixes:
            agency = prefixes.most_common(1)[0][0] + agency
    return agency


def _place_before(text: str, start: int) -> str | None:
    """Given the start of an agency name in text, return the place name printed right before it (淮安市), if any."""
    window = text[max(0, start - PLACE_MAX_CHARS):start]
    for stop in PLACE_STOP_CHARS:
        window = window.rsplit(stop, 1)[-1]
    m = PLACE.fullmatch(window)
    return m.group(0) if m else None


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
            year = "".join("0" if ch in "〇零○Ｏ" else str(cn2an.cn2an(ch, "normal")) for ch in m.group(1))
            return f"{year}-{int(cn2an.cn2an(m.group(2), 'normal')):02d}-{int(cn2an.cn2an(m.group(3), 'normal')):02d}"
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
    """Given a report's source and narrative, return agency, report year and publication date."""
    agency, year = _agency_and_year(source, narrative)
    publisher = source.meta.get("发布机构", "").strip()
    if agency is None and publisher:
        agency = publisher
    if agency is None:
        agency = _signature(narrative)
    if agency is not None:
        agency = _full_agency(agency, narrative.text)
    if year is None:
        year = _year_in_preamble(narrative)
    return Metadata(agency, year, _published(source, narrative))


def _year_in_preamble(narrative: Narrative) -> int | None:
    """Given the narrative, return the first year of its statistics period (统计期限自2022年1月1日起) or, failing
    that, the report year its preamble names (…2022年度政府信息公开情况报告如下); None when neither is printed."""
    head_end = narrative.sections[1].start if len(narrative.sections) > 1 else PREAMBLE_CHARS
    for pattern, window in ((STAT_PERIOD, narrative.plain), (PREAMBLE_YEAR, narrative.plain[:min(head_end, PREAMBLE_CHARS)])):
        m = pattern.search(window)
        if m and 2000 <= int(m.group(1)) <= 2100:
            return int(m.group(1))
    return None
