"""Agency names -> a key that links one organ's reports across years, its region and its administrative level.

淮安市洪泽区人民政府 and 洪泽区人民政府 are the same organ (the city prefix is optional in titles), so
the key drops every leading place name but the last. 洪泽区人民政府办公室 (区政府办) stays distinct
from 洪泽区人民政府 (区政府): the key keeps everything after the last place name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A place segment: 1–8 characters ending in an administrative suffix. Characters that only occur in organ
# names are excluded so that 住房和城乡建设局 is not read as a township (…乡) or 市场监督管理局 as a city.
_NOT_PLACE = "和与及局委办厅院会部处署政府人民党组中心公司司法检察财税务"
_PLACE = re.compile(rf"(?:[^{_NOT_PLACE}\s]{{1,8}}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|省|市|州|盟|区|县|旗|镇|乡))")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_NOISE = re.compile(r"[\s\u3000「」“”\"'《》]")
_GOV_SHORT = re.compile(r"(?<!人民)政府")


@dataclass(frozen=True)
class AgencyName:
    """An agency as printed, its linking key, the places it names (region) and its guessed level."""

    name: str
    key: str
    region: str
    level: str  # 省 | 市 | 区县 | 乡镇 | 部门 | "" (unknown)


def clean(name: str) -> str:
    """Given an agency name as printed, return it NFKC-normalised, without spaces, quotes, and with 政府 → 人民政府."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", name or ""))
    text = text.replace("(", "（").replace(")", "）")
    return _GOV_SHORT.sub("人民政府", text)


def places(name: str) -> tuple[list[str], str]:
    """Given a cleaned name, return its leading place segments and the organ part that follows them."""
    found: list[str] = []
    rest = name
    while True:
        m = _PLACE.match(rest)
        if not m or m.end() == len(rest):
            break
        found.append(m.group(0))
        rest = rest[m.end():]
    return found, rest


def _level(found: list[str], organ: str) -> str:
    if not found:
        return "部门" if organ else ""
    if not organ.startswith(("人民政府", "管委会", "管理委员会", "办事处", "人民政府办事处")) or organ.startswith("人民政府办公"):
        return "部门"
    last = found[-1]
    if last.endswith(("省", "自治区", "特别行政区")) or (len(found) == 1 and last in _MUNICIPALITIES):
        return "省"
    if last.endswith(("镇", "乡", "街道")):
        return "乡镇"
    if last.endswith(("区", "县", "旗", "自治县", "自治旗")) and not last.endswith(("地区", "自治区")):
        return "区县"
    return "市"


def parse_agency(name: str | None) -> AgencyName:
    """Given an agency name as printed (or None), return its key, region and level."""
    text = clean(name or "")
    if not text:
        return AgencyName(name or "", "", "", "")
    found, organ = places(text)
    key = (found[-1] if found else "") + organ
    return AgencyName(name or "", key, "".join(found), _level(found, organ))


def agency_key(name: str | None) -> str:
    """Given an agency name as printed, return the key its reports are linked by across years."""
    return parse_agency(name).key
