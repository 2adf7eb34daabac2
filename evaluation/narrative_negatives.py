"""The negative metamorphic harness of the narrative: the same sentences, saying something else.

The positive harness (narrative_mutations) rewrites a page's surface and checks every link survives. This one
rewrites what a linked figure counts — the topic noun swapped for another matter's (申请 → 信访), the count given
to other bodies taken together (下属单位), moved to an earlier year or a period since long ago, turned into a change
against last year, an average, a count of people, a request not yet answered, or another body's requests the body
helped with (协助上级部门办结) — and checks that the link to the ORIGINAL metric goes. Each mutation edits one figure per sentence, a figure the unmutated page links as gold does;
the words come from the narrative grammar (extraction/spec/template.yaml) where it lists them. A figure still linked
to its original metric after the edit is a surviving false link.
"""
from __future__ import annotations

import random
import re
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from evaluation.narrative_mutations import Edit, apply, audit_text, outcome, pages_to_measure
from evaluation.scoring import Json, acceptable_metrics, ratio, same_value

CLAUSE_MARKS = "，。；：！？、,;:!?（）()\n"  # a parenthesis is a clause of its own: (含上年结转3件)
SENTENCE_MARKS = "。！？；;!?\n"
SKIPPED_AT_CLAUSE_START = " \t\u3000•"
# Nouns of another matter that name no channel of requests and stand alone as what a body counts (热线, 信箱 and 问政
# are channels, and so are 12345 工单 where requests come in by them: 收到工单16件，申请人主动撤销2件; 办件 and 审批
# are a window's business, which some pages write of requests too).
NOT_STANDING_ALONE = frozenset({"热线", "信箱", "问政", "工单", "办件", "审批"})
# Kinds that name every application (各类申请 holds the information requests among others), or that say another
# kind only with a word the swap leaves out (企业开办申请, 户籍业务申请, 登记变更申请): no other kind here.
NOT_A_KIND_ALONE = frozenset({"各类", "各种", "各项", "开办", "业务", "变更", "注册", "注销", "认证"})
SINCE_START = 2008  # the 条例 came into force: a count since then is a running total of many years
PEOPLE_UNITS = ("人", "户", "家", "名")  # counted_nouns that count people or households, never requests or cases
AVERAGE_WORDS = ("月均", "日均", "平均每月")  # of clause_veto_words
# A total word opening a clause gives way to the average or running total put in its place (共收到 → 月均收到).
TOTAL_OPENERS = ("共计", "合计", "总计", "共")
EXAMPLES_PER_MUTATION = 40
# Helpers that take the other body as their object (协助上级部门办结: the upper body's requests); the others name it
# in their own word (转县…, 代区…) or pass requests on rather than help (转交, 移送).
HELPING_ALONE = ("协助", "督促", "指导", "配合")
HELPED_BODIES = {"协助": ("上级部门", "上级机关"), "配合": ("上级部门", "上级机关"), "督促": ("下属单位", "各乡镇"),
                 "指导": ("下属单位", "各乡镇")}  # help goes up, oversight down
# Bodies taken together as fresh pages name them beside the grammar's own words: the units of a body, its towns
# summed. (Every level of an area, 全市各级, is left out: a city government's report counts it as its own, as gold reads.)
MORE_BODIES_TOGETHER = ("所属各单位", "各乡镇（街道）合计")
# Earlier years as fresh pages say them beside the grammar's previous_year_words (a year four back is added per page).
MORE_EARLIER_YEARS = ("前一年", "截至上年底")
DISPOSITIONS = re.compile(r"requests\.result\.(?!total\.)")  # the answers' categories (不予公开, 本机关不掌握)
# Documents of other kinds than normative ones, as reports count them beside (the documents among veto_words, a
# party's own normative documents, minutes): 制发政策性文件12件 is no count of 规范性文件.
DOCUMENT_METRICS = ("active.normative_docs.",)
OTHER_DOCUMENTS = ("政策性文件", "其他文件", "政府文件", "行政公文", "会议纪要", "党内规范性文件")
PLAN_WORDS = ("计划", "拟", "力争", "预计")  # a count planned or aimed at, not done
SHARE_WORDS = ("占比", "占总数的", "比例为")  # a share of a whole, in per cent
MAX_SHARE = 100
# Parts of the year: quarters, halves, months (第一季度收到申请12件: that quarter's count, not the year's).
SUB_PERIODS = ("第一季度", "上半年", "1月份", "前三季度", "1至6月", "第四季度")
# Other named bodies than the issuer, each with the words by which an issuer that is that body names itself.
NAMED_BODIES = {"区人社局": ("人社", "人力资源"), "县教育局": ("教育",), "市公安局": ("公安",), "区住建局": ("住建", "住房"),
                "县民政局": ("民政",), "市卫健委": ("卫健", "卫生")}


@dataclass(frozen=True)
class Target:
    """A figure the unmutated page links as gold does, with the text around it the mutations read."""

    start: int  # the figure's span in the page text (number and unit)
    end: int
    unit: str
    metric: str
    value: float
    line: int
    clause_start: int
    sentence_start: int


@dataclass(frozen=True)
class Words:
    """The word lists the mutations draw from, read from the narrative grammar."""

    topic_words: dict[str, tuple[str, ...]]  # topic -> its words, longest first
    other_matters: tuple[str, ...]
    other_kinds: dict[str, tuple[str, ...]]  # topic -> kinds of application or suit that are none of it
    other_bodies: tuple[str, ...]
    scopes: tuple[str, ...]  # other bodies and wholes (全区, 各部门): a sentence naming one has its scope
    previous_years: tuple[str, ...]
    this_year: tuple[str, ...]
    clause_leads: tuple[str, ...]  # words opening a clause before its subject (其中, 全年)
    since_words: tuple[str, ...]
    changes: tuple[str, ...]
    answer_verbs: tuple[str, ...]
    request_verbs: tuple[str, ...]  # the receive and answer events' verbs of the requests
    helpers: tuple[str, ...]  # verbs of helping or overseeing another body's act
    acts: tuple[str, ...]  # verbs of the events a count may follow (收到, 办结, 制发)
    decided_topics: tuple[str, ...]  # topics whose cases another organ decides (review, litigation)


@lru_cache(maxsize=1)
def words() -> Words:
    """Return the mutations' word lists, read from the spec and its template."""
    from extraction.spec import SAFE_LOADER, load_spec

    spec = load_spec()
    raw = yaml.load(resources.files("extraction.spec").joinpath("template.yaml").read_text(encoding="utf-8"),
                    Loader=SAFE_LOADER)
    topics = raw["grammar"]["topics"]
    events = raw["grammar"]["events"]
    lead = spec.bodies["lead_words"]
    totals = {w for s in spec.sums for w in s["words"]} | set(spec.running_total["words"])
    answer = next(e for e in events if e["class"] == "answer")
    by_length = lambda listed: tuple(sorted(listed, key=len, reverse=True))  # noqa: E731
    return Words(
        topic_words={t: by_length(spec.topics[t]) for t in ("requests", "review", "litigation", "active_normative")},
        other_matters=tuple(w for w in spec.other_matter_nouns if w not in NOT_STANDING_ALONE),
        other_kinds={t: tuple(k for k in topics[t].get("other_kinds", []) if k not in NOT_A_KIND_ALONE)
                     for t in ("requests", "litigation")},
        other_bodies=tuple(w for w in spec.zeros["other_bodies"] if w != "本级"),  # 本级: maybe the report's own
        scopes=tuple(spec.zeros["other_bodies"]) + tuple(spec.bodies["whole_scopes"]),
        previous_years=tuple(spec.previous_year_words),
        this_year=by_length(w for w in lead if w not in totals and len(w) > 1 and w not in spec.continuation_words
                            and w not in spec.other_matter_openers and w != "同期"),
        clause_leads=by_length(w for w in lead if w not in totals and len(w) > 1),
        since_words=tuple(spec.since_words),
        changes=tuple(w for w in spec.category_list_changes if w in ("增加", "减少", "增长", "下降")),
        answer_verbs=by_length(w for w in answer["words"] if w in ("办结", "答复", "办理完毕", "处理完毕", "办理完结")),
        request_verbs=by_length(w for e in events if e["class"] in ("receive", "receive_new", "answer") for w in e["words"]),
        helpers=tuple(w for w in raw["grammar"]["helpers"] if w in HELPING_ALONE),
        acts=by_length({w for w in (*spec.zeros["verbs"], *answer["words"])
                        if len(w) > 1 and not w.startswith("被")}),  # 因, 被: no act a plan could stand before
        decided_topics=tuple(spec.bodies.get("decided_topics", ())),
    )


def topic_of(metric: str) -> str:
    """Given a metric key, return the grammar topic that counts it (requests, review, litigation, or its group)."""
    return metric.split(".")[0]


def clause_start(text: str, position: int) -> int:
    """Given a text and a position, return where the clause holding it begins."""
    start = max(text.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    while start < position and text[start] in SKIPPED_AT_CLAUSE_START:
        start += 1
    return start


def sentence_start(text: str, position: int) -> int:
    """Given a text and a position, return where the sentence holding it begins."""
    return max(text.rfind(mark, 0, position) for mark in SENTENCE_MARKS) + 1


YEAR_LEAD = re.compile(r"(?:19|20)\d\d年(?:度)?(?:内)?[，,]?")
OWN_SUBJECT = re.compile(r"(?:本|我|该)(?:机关|单位|部门|局|委|办|厅|院|中心|街道|镇|乡|区|县|市|府|公司)")


def subject_start(text: str, target: Target, leads: tuple[str, ...]) -> int:
    """Given a page's text and a target, return where its clause's subject begins: past the words and years opening
    it (其中, 全年, 2023年) and the body's own name (本局, 我办)."""
    at = target.clause_start
    moved = True
    while moved:
        moved = False
        year = YEAR_LEAD.match(text, at)
        own = OWN_SUBJECT.match(text, at)
        word = next((w for w in leads if text.startswith(w, at)), None)
        for length in (year.end() - at if year else 0, own.end() - at if own else 0, len(word or "")):
            if length and at + length <= target.start:
                at += length
                moved = True
                break
    return at


def own_subject_start(text: str, target: Target, leads: tuple[str, ...]) -> tuple[int, int]:
    """Given a page's text and a target, return the span of its clause's own subject (本局, 我办; empty where there
    is none): where other bodies taken together take its place."""
    at = target.clause_start
    while True:
        year = YEAR_LEAD.match(text, at)
        word = next((w for w in leads if text.startswith(w, at)), None)
        step = year.end() - at if year else len(word or "")
        if not step or at + step > target.start:
            break
        at += step
    own = OWN_SUBJECT.match(text, at)
    return (at, own.end()) if own and own.end() <= target.start else (at, at)


def words_in(text: str, start: int, end: int, listed: tuple[str, ...]) -> list[tuple[int, str]]:
    """Given a text, a span and words, return each of the words found inside the span (none inside a longer one
    found) with where it starts, in text order."""
    found = [(start + m.start(), w) for w in listed for m in re.finditer(re.escape(w), text[start:end])]
    return sorted((at, w) for at, w in found
                  if not any(b <= at and at + len(w) <= b + len(v) and len(v) > len(w) for b, v in found))


def last_word(text: str, start: int, end: int, listed: tuple[str, ...]) -> tuple[int, str] | None:
    """Given a text, a span and words, return the last of the words found inside the span and where it starts."""
    found = words_in(text, start, end, listed)
    return found[-1] if found else None


def topic_word(text: str, target: Target, listed: tuple[str, ...]) -> tuple[int, int] | None:
    """Given a page's text, a target and its topic's words, return the span of the one run of the topic's words in
    its clause (overlapping words joined: 依申请公开申请), or None where there is none, several, or 申请人, or where
    the parenthesis right after the figure names the topic again (答复98件（含上年结转申请8件）: still requests)."""
    if text.startswith(("（", "("), target.end):
        close = min((i for i in (text.find(c, target.end) for c in "）)\n") if i >= 0), default=len(text))
        if any(w in text[target.end:close] for w in listed):
            return None
    found = sorted((target.clause_start + m.start(), target.clause_start + m.end()) for w in listed
                   for m in re.finditer(re.escape(w), text[target.clause_start:target.start]))
    runs: list[list[int]] = []
    for start, end in found:
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    if len(runs) != 1 or text.startswith("人", runs[0][1]):
        return None
    return runs[0][0], runs[0][1]


# The mutations: each returns the edits of one target, or None when it has nothing to change ------------------------

Mutation = Callable[[str, Target, Json, random.Random], "list[Edit] | None"]
EXCLUDED = ("carried_over", "carried_forward")  # 上年/累计 beside a carry says which carry, not another year
# The counts whose noun is the topic's word itself (a disposition's or applicant's phrase holds 申请 in other roles:
# 申请内容不明确, 自然人申请): the ones whose noun may be swapped.
WHOLE_COUNTS = ("requests.new.total", "requests.handled_pool.total", "requests.result.total.total", "litigation.total")


def other_matter(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The topic noun of a request count swapped for a noun of another matter (收到申请12件 → 收到信访12件)."""
    w = words()
    if target.metric not in WHOLE_COUNTS or topic_of(target.metric) != "requests":
        return None
    if (found := topic_word(text, target, w.topic_words["requests"])) is None:
        return None
    return [Edit(*found, rng.choice(w.other_matters))]


def other_kind(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """Applications, suits or documents of another kind (收到申请12件 → 收到低保申请12件; 行政诉讼2件 → 民事诉讼2件;
    制发规范性文件3件 → 制发党内规范性文件3件)."""
    w = words()
    if target.metric.startswith(DOCUMENT_METRICS):
        found = topic_word(text, target, w.topic_words["active_normative"])
        return [Edit(*found, rng.choice(OTHER_DOCUMENTS))] if found else None
    topic = topic_of(target.metric)
    if target.metric not in WHOLE_COUNTS or (found := topic_word(text, target, w.topic_words[topic])) is None:
        return None
    noun = "申请" if topic == "requests" else "诉讼"
    return [Edit(*found, rng.choice(w.other_kinds[topic]) + noun)]


def bodies_together(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count given to other bodies taken together (本机关收到申请12件 → 下属单位收到申请12件)."""
    if any(part in target.metric for part in EXCLUDED):
        return None
    w = words()
    start, end = own_subject_start(text, target, w.clause_leads)
    if start >= target.start or last_word(text, target.sentence_start, target.start, w.scopes):
        return None  # a figure opening its clause (2件结转下年), or one of a scope already named (全县各单位)
    return [Edit(start, end, rng.choice(w.other_bodies + MORE_BODIES_TOGETHER))]


def earlier_year(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count moved to an earlier year: the sentence's words of this year before it replaced (全年 → 上年度, 2023年
    → 2021年), or an earlier year put before the clause's subject."""
    if any(part in target.metric for part in EXCLUDED):
        return None
    w = words()
    year = gold.get("read_year")  # the year the unmutated page is read as: an explicit year only beside a known one
    this_year = w.this_year + ((f"{year}年度", f"{year}年") if isinstance(year, int) else ())
    earlier = w.previous_years + MORE_EARLIER_YEARS + ((f"{year - 1}年", f"{year - 2}年", f"{year - 4}年度")
                                                        if isinstance(year, int) else ())
    found = words_in(text, target.sentence_start, target.start, this_year)
    if found:  # every one of them, or one left (其中本年度新收…) would say the sentence is of this year still
        said = rng.choice(earlier)
        return [Edit(at, at + len(word), said) for at, word in found]
    if text.startswith(tuple(w.clause_leads), target.clause_start):  # 其中上年度…: which whole the part is of is unclear
        return None
    return [Edit(target.clause_start, target.clause_start, rng.choice(earlier))]


def running_total(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made a running total since the 条例 came in (全年共收到 → 自2008年以来累计收到)."""
    if any(part in target.metric for part in EXCLUDED) or topic_of(target.metric) not in ("requests", "review", "litigation"):
        return None
    if target.value == 0:
        return None  # none since 2008 is none this year
    w = words()
    since = f"自{SINCE_START}年{rng.choice(w.since_words)}累计"
    found = last_word(text, target.clause_start, target.start, w.this_year)
    at = subject_start(text, target, w.clause_leads)
    if at >= target.start:
        return None
    if found is not None:
        return [Edit(found[0], found[0] + len(found[1]), since)] + _total_opener_dropped(text, at, target)
    return [Edit(at, at, since)] + _total_opener_dropped(text, at, target)


def _total_opener_dropped(text: str, at: int, target: Target) -> list[Edit]:
    """Given a text, a subject's start and a target, return the edit dropping a total word opening it (共收到)."""
    opener = next((o for o in TOTAL_OPENERS if text.startswith(o, at) and at + len(o) < target.start), None)
    return [Edit(at, at + len(opener), "")] if opener else []


def average(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made an average (全年共收到申请12件 → 全年月均收到申请12件)."""
    if target.metric.endswith(("in_force", "total_published")) or any(part in target.metric for part in EXCLUDED):
        return None
    if target.value == 0:
        return None  # none on average is none in all
    at = subject_start(text, target, words().clause_leads)
    if at >= target.start:
        return None
    return [Edit(at, at, rng.choice(AVERAGE_WORDS))] + _total_opener_dropped(text, at, target)


def change(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made a change against last year (收到申请12件 → 收到申请较上年增加12件)."""
    if target.start == target.clause_start:
        return None  # 1件仍在办理: the figure is the clause's subject, no change of it can stand before it
    w = words()
    marker = rng.choice(("较", "比"))
    said = f"同比{rng.choice(w.changes)}" if rng.random() < 0.3 else f"{marker}{rng.choice(w.previous_years[:4])}{rng.choice(w.changes)}"
    return [Edit(target.start, target.start, said)]


def people(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The unit made one that counts people or households (受理申请12件 → 受理申请12人)."""
    if not target.unit or not text.startswith(target.unit, target.end - len(target.unit)) or target.value == 0:
        return None  # 0人 of a subject says there were none of it as 0件 does
    return [Edit(target.end - len(target.unit), target.end, rng.choice(PEOPLE_UNITS))]


def not_yet(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The answered count made the requests not yet answered (已办结10件 → 尚未办结10件)."""
    if target.metric != "requests.result.total.total":
        return None
    found = last_word(text, target.clause_start, target.start, words().answer_verbs)
    if found is None:
        return None
    at, _ = found
    before = text[target.clause_start:at]
    if before.endswith("已"):
        return [Edit(at - 1, at, "尚未")]
    if before and not before.endswith(("，", "、")) and len(before) > 0 and before[-1] in "均全部时期法及":
        return None  # 按时办结, 均已办结: a 未 inside would read as late or partial, not as open
    return [Edit(at, at, "未")]


def helped(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made another body's, helped with or overseen (收到申请12件 → 协助上级部门收到申请12件; 办结10件 →
    指导下属单位办结10件)."""
    if target.metric not in ("requests.new.total", "requests.result.total.total"):
        return None
    w = words()
    found = last_word(text, target.clause_start, target.start, w.request_verbs)
    if found is None or text.startswith("在", target.clause_start):
        return None  # 在受理的3件…中: a helper there may read as the circumstance of the body's own act
    at, _ = found
    if text[:at].endswith(w.helpers):
        return None
    helper = rng.choice(w.helpers)
    return [Edit(at, at, helper + rng.choice(HELPED_BODIES[helper]))]


def planned(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made one planned or aimed at (本局收到申请12件 → 本局预计收到申请12件)."""
    if target.value == 0:
        return None  # none planned may still be none done
    if any(part in target.metric for part in EXCLUDED):
        return None  # 拟结转下年度办理 is still what the year leaves open
    w = words()
    at = subject_start(text, target, w.clause_leads)
    opener = next((o for o in TOTAL_OPENERS if text.startswith(o, at)), "")
    if at >= target.start or not text.startswith(w.acts, at + len(opener)) or text[:at].endswith("按"):
        return None  # only an act can be planned (计划收到, 拟共制发); 按计划 says it was done as planned
    return [Edit(at, at, rng.choice(PLAN_WORDS))]


def share(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made a share in per cent (收到申请12件 → 收到申请占比12%)."""
    if not target.unit or not text.startswith(target.unit, target.end - len(target.unit)):
        return None
    if not 0 < target.value <= MAX_SHARE:
        return None  # 0% of a whole is none of it, as 0件
    number_end = target.end - len(target.unit)
    return [Edit(target.start, target.start, rng.choice(SHARE_WORDS)), Edit(number_end, target.end, "%")]


def sub_period(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count made one of a part of the year (全年收到申请12件 → 第一季度收到申请12件; 2023年 → 2023年上半年)."""
    if any(part in target.metric for part in EXCLUDED):
        return None
    w = words()
    year = gold.get("read_year")
    named = (f"{year}年度", f"{year}年") if isinstance(year, int) else ()
    period = rng.choice(SUB_PERIODS)
    found = words_in(text, target.sentence_start, target.start, w.this_year + named)
    if found:  # a named year keeps its number (the page's year is read from it) and gets the part after it
        return [Edit(at, at + len(word), f"{year}年{period}" if word in named else period) for at, word in found]
    if text.startswith(tuple(w.clause_leads), target.clause_start):
        return None  # 其中第一季度…: which whole the part is of is unclear
    return [Edit(target.clause_start, target.clause_start, period)]


def other_body(text: str, target: Target, gold: Json, rng: random.Random) -> list[Edit] | None:
    """The count given to another named body than the issuer (本局收到申请12件 → 县教育局收到申请12件)."""
    if any(part in target.metric for part in EXCLUDED) or DISPOSITIONS.match(target.metric):
        return None  # 本机关不掌握 names whose information, no subject of the count
    if topic_of(target.metric) in words().decided_topics:
        return None  # 市人民政府收到行政复议2件: the organ deciding the body's reviews or suits is their subject (kept linked)
    issuer = gold.get("read_agency")
    if not issuer:
        return None  # an issuer no one read may be the body named: nothing tells the body's count from another's
    w = words()
    start, end = own_subject_start(text, target, w.clause_leads)
    if start == end or last_word(text, target.sentence_start, target.start, w.scopes):
        return None  # only the body's own subject (本局, 我办) is given to another
    issuer += str(gold.get("agency") or "") + text[:200]
    bodies = [b for b, own in NAMED_BODIES.items() if not any(word in issuer for word in own)]
    return [Edit(start, end, rng.choice(bodies))] if bodies else None


MUTATIONS: dict[str, Mutation] = {
    "other-matter": other_matter,
    "other-kind": other_kind,
    "bodies-together": bodies_together,
    "earlier-year": earlier_year,
    "running-total": running_total,
    "average": average,
    "change": change,
    "people": people,
    "not-yet": not_yet,
    "helped": helped,
    "planned": planned,
    "share": share,
    "sub-period": sub_period,
    "other-body": other_body,
}


# The runner ----------------------------------------------------------------------------------------------------------

NUMBER = re.compile(r"[0-9０-９][0-9０-９.,，]*|[零〇一二两三四五六七八九十百千万]+")


@dataclass(frozen=True)
class Located:
    """A predicted figure found back in the page text: where its number begins and its unit ends, and its line."""

    start: int
    end: int
    line: int


def normalized(line: str) -> tuple[str, list[int]]:
    """Given a line, return it in NFKC character by character (as the reader quotes it) and, for each character of
    that, the index of the line's character it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(line):
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded)
        index += [i] * len(folded)
    return "".join(out), index


def locate(text: str, mentions: list[Json]) -> list[Located | None]:
    """Given a page's text and an audit's mentions (in text order), return where each mention's figure is in the text
    (None when its quote is not on its line as printed, as across a hard wrap): the last number of its quote, with
    its unit, after the figure found before it on the line."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    folded_lines: dict[int, tuple[str, list[int]]] = {}
    passed: dict[int, int] = {}  # line -> where the last figure found on it ends, in its folded text
    out: list[Located | None] = []
    for m in mentions:
        number = m.get("line")
        quote = m.get("quote", "")
        digits = list(NUMBER.finditer(quote))
        if not isinstance(number, int) or not 0 < number <= len(lines) or not digits:
            out.append(None)
            continue
        folded, index = folded_lines.setdefault(number, normalized(lines[number - 1]))
        at = folded.find(quote)
        while at >= 0 and at + digits[-1].start() < passed.get(number, 0):
            at = folded.find(quote, at + 1)
        if at < 0:
            out.append(None)
            continue
        first, last = at + digits[-1].start(), at + digits[-1].end()
        unit = m.get("unit") or ""
        if folded.startswith(unit, last):
            last += len(unit)
        passed[number] = last
        base = starts[number - 1]
        out.append(Located(base + index[first], base + index[last - 1] + 1, number))
    return out


def targets_of(text: str, gold: Json, predicted: Json) -> list[Target]:
    """Given a page's text, gold and audit result, return every figure linked as gold reads it, stated in numbers
    (worded zeros left out) and found back in the text, in text order."""
    spans = []
    for mention in gold.get("mentions", []):
        quote = mention.get("quote", "")
        at = text.find(quote) if quote else -1
        while at >= 0:
            spans.append((at, at + len(quote), mention))
            at = text.find(quote, at + 1)
    mentions = predicted.get("mentions", [])
    out = []
    for m, where in zip(mentions, locate(text, mentions)):
        if m.get("metric") is None or m.get("implicit") or where is None:
            continue
        if not any(a <= where.start and where.end <= b and same_value(m["value"], g.get("value"), g.get("tolerance") or 0.0)
                   and m["metric"] in acceptable_metrics(g) for a, b, g in spans):
            continue
        out.append(Target(where.start, where.end, m.get("unit") or "", m["metric"], round(float(m["value"]), 6),
                          where.line, clause_start(text, where.start), sentence_start(text, where.start)))
    return sorted(out, key=lambda t: t.start)


def survives(target: Target, at: int, mentions: list[Json], located: list[Located | None]) -> bool:
    """Given a mutated target, where its number now begins and the variant's mentions with where they are, return
    whether the variant still links it to its original metric."""
    return any(m.get("metric") == target.metric and same_value(m.get("value"), target.value)
               and where is not None and where.start == at for m, where in zip(mentions, located))


def page_seed(name: str, mutation: str, seed: int) -> int:
    """Given a page's name, a mutation and the run's seed, return the page's own seed (the same every run)."""
    return zlib.crc32(f"negative:{seed}:{mutation}:{name}".encode("utf-8"))


def mutated_page(text: str, targets: list[Target], gold: Json, mutation: str, rng: random.Random
                 ) -> tuple[list[Target], list[Edit]]:
    """Given a page's text, its targets, gold, a mutation and a generator, return the targets mutated (one per
    sentence, drawn among those the mutation changes) and the edits."""
    by_sentence: dict[int, list[tuple[Target, list[Edit]]]] = {}
    for target in targets:
        edits = MUTATIONS[mutation](text, target, gold, random.Random(rng.random()))
        if edits:
            by_sentence.setdefault(target.sentence_start, []).append((target, edits))
    chosen = [rng.choice(options) for _, options in sorted(by_sentence.items())]
    return [t for t, _ in chosen], sorted((e for _, edits in chosen for e in edits), key=lambda e: (e.start, e.end))


@dataclass
class NegativeScore:
    """One mutation over a split: the figures it changed and those still linked to their original metric."""

    mutated: int = 0
    surviving: int = 0
    pages: int = 0
    examples: list[Json] = field(default_factory=list)  # every surviving link, then a few gone ones to read

    @property
    def survival(self) -> float:
        return ratio(self.surviving, self.mutated)

    def to_json(self) -> Json:
        """Return the counts and the examples as one JSON object."""
        return {"mutated": self.mutated, "surviving": self.surviving, "pages": self.pages, "survival": self.survival,
                "examples": self.examples}


def context(text: str, start: int, end: int) -> str:
    """Given a text and a figure's span, return its sentence up to the figure's clause end."""
    begin = sentence_start(text, start)
    stop = min((i for i in (text.find(m, end) for m in "，。；\n") if i >= 0), default=len(text))
    return text[begin:stop]


def measure(pages: list[tuple[Path, Json]], mutations: list[str], seed: int = 0,
            gone_examples: int = 0) -> dict[str, NegativeScore]:
    """Given labeled pages, mutation names and a seed, return each mutation's score: figures mutated and surviving
    links to the original metric, with every surviving one (and up to `gone_examples` unlinked ones) as examples."""
    scores = {name: NegativeScore() for name in mutations}
    for path, gold in pages:
        text = path.read_text(encoding="utf-8")
        original = audit_text(path.name, text)
        targets = targets_of(text, gold, original)
        read = {**gold, "read_year": original.get("report_year"), "read_agency": original.get("agency")}
        for name in mutations:
            rng = random.Random(page_seed(path.name, name, seed))
            chosen, edits = mutated_page(text, targets, read, name, rng)
            if not chosen:
                continue
            mutated = apply(text, edits)
            predicted = audit_text(path.name, mutated.text)
            if predicted.get("report_year") != original.get("report_year"):
                continue  # the edit moved the year the page is read as (its only 2023年): nothing said of another year
            mentions = predicted.get("mentions", [])
            located = locate(mutated.text, mentions)
            score = scores[name]
            score.pages += 1
            for target in chosen:
                at = mutated.starts[target.start]
                survived = survives(target, at, mentions, located)
                score.mutated += 1
                score.surviving += survived
                if survived or sum(not e["survived"] for e in score.examples) < gone_examples:
                    end = mutated.ends[target.end - 1]
                    score.examples.append({"page": path.name, "metric": target.metric, "survived": survived,
                                           "original": context(text, target.start, target.end),
                                           "mutated": context(mutated.text, at, end)})
    return scores


def run(paths: list[Path], mutations: list[str] | None = None, json_path: Path | None = None,
        max_surviving: int | None = None, every: int = 1, seed: int = 0, console: Any = None) -> int:
    """Given page paths, mutation names (all when None), an optional JSON file, a bound on surviving false links
    (per mutation), a sampling rate and a seed, print one row per mutation; return the exit code (0 met, 1 a
    mutation above the bound, 2 nothing to measure)."""
    from rich.table import Table

    from evaluation.robustness import wide

    console = wide(console)
    names = mutations or list(MUTATIONS)
    pages = pages_to_measure(paths, names, (), MUTATIONS, every, console)
    if pages is None:
        return 2
    scores = measure(pages, names, seed, gone_examples=EXAMPLES_PER_MUTATION if json_path else 0)
    table = Table(title="Negative narrative mutations (a figure's meaning changed: its original link must go)",
                  title_justify="left")
    for column in ("mutation", "pages", "figures mutated", "surviving false links", "survival"):
        table.add_column(column, justify="left" if column == "mutation" else "right")
    for name, s in scores.items():
        table.add_row(name, str(s.pages), str(s.mutated), str(s.surviving), f"{s.survival:.4f}")
    console.print(table)
    failed = [f"{name}: {s.surviving} surviving false links > {max_surviving}" for name, s in scores.items()
              if max_surviving is not None and s.surviving > max_surviving]
    return outcome(scores, failed, "above bound", json_path, seed, every, console)
