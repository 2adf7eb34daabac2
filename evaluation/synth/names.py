"""Realistic agency names for each level of government."""
from __future__ import annotations

import random

from evaluation.synth.model import Agency

LEVELS = ("省", "市", "区县", "乡镇街道", "部门")
LEVEL_WEIGHTS = (1, 3, 5, 3, 5)
PROVINCES = ("江苏省", "浙江省", "福建省", "湖北省", "湖南省", "河北省", "安徽省", "江西省", "山东省", "四川省")
CITIES = ("淮安市", "宿迁市", "三明市", "孝感市", "岳阳市", "舟山市", "安庆市", "怀化市", "盐城市", "南平市", "泰州市", "宁德市")
COUNTIES = ("洪泽区", "沭阳县", "南湖区", "雄县", "清江浦区", "泗阳县", "将乐县", "岱山县", "宿松县", "芷江县", "建宁县", "东台市")
TOWNS = ("高良涧街道办事处", "城关镇人民政府", "新城街道办事处", "南湖街道办事处", "龙泉镇人民政府", "朱坝镇人民政府",
         "仙霞街道办事处", "白马乡人民政府")
DEPARTMENTS = ("发展和改革委员会", "自然资源和规划局", "生态环境局", "市场监督管理局", "住房和城乡建设局", "交通运输局",
               "人力资源和社会保障局", "统计局", "商务局", "卫生健康委员会", "教育局", "民政局")
AREA_WORDS = {"省": "全省", "市": "全市", "区县": "全区", "乡镇街道": "全镇", "部门": "本机关"}
# Only for distinct_agency's fallback (so that seeds without a name collision keep their bytes): more departments
# of a city or county. None ends in a place suffix (城市管理局 would read as the place 城市).
MORE_DEPARTMENTS = ("财政局", "司法局", "审计局", "农业农村局", "水利局", "应急管理局", "医疗保障局", "林业局", "公安局",
                    "退役军人事务局", "文化广电和旅游局", "科学技术局")


def make_agency(rng: random.Random) -> Agency:
    """Given a random source, return an agency of a random level with a realistic full name."""
    level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
    city, county = rng.choice(CITIES), rng.choice(COUNTIES)
    if level == "省":
        return Agency(f"{rng.choice(PROVINCES)}人民政府", level, "全省")
    if level == "市":
        return Agency(f"{city}人民政府", level, "全市")
    if level == "区县":
        area = "全县" if county.endswith("县") else "全区" if county.endswith("区") else "全市"
        return Agency(f"{city}{county}人民政府", level, area)
    if level == "乡镇街道":
        town = rng.choice(TOWNS)
        return Agency(f"{county}{town}", level, "全街道" if "街道" in town else "全镇")
    owner = rng.choice((city, county))
    dept = rng.choice(DEPARTMENTS)
    if owner.endswith(("县", "区")):
        dept = dept.replace("委员会", "局")
    return Agency(f"{owner}{dept}", level, AREA_WORDS[level])


def distinct_agency(rng: random.Random, taken: set[str]) -> Agency:
    """Given a random source and the agency keys already used, return an agency whose key is new; add it to taken.

    The store links reports by agency key (extraction/agency.py), so two synthetic series sharing a key would be
    linked into one series and their cross-year gold would no longer describe what the checker compares. The
    first draw is make_agency's; only on a collision is a department of a city or county drawn among the keys
    still free.
    """
    from extraction.agency import agency_key

    agency = make_agency(rng)
    if agency_key(agency.name) in taken:
        names = [f"{owner}{dept.replace('委员会', '局') if owner.endswith(('县', '区')) else dept}"
                 for owner in CITIES + COUNTIES for dept in DEPARTMENTS + MORE_DEPARTMENTS]
        free = sorted({n for n in names if agency_key(n) not in taken})
        if not free:
            raise ValueError(f"no agency name left with a new key after {len(taken)} agencies")
        agency = Agency(rng.choice(free), "部门", AREA_WORDS["部门"])
    taken.add(agency_key(agency.name))
    return agency
