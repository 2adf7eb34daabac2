"""Whose count a clause states: a figure whose clause opens with another named body (区人社局收到申请20件 in a
district government's report) is that body's, not a cell of the report's tables. The words (organ suffixes, short
forms, whole-area scopes) are data in the template spec (grammar.bodies)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from extraction.agency import clean
from extraction.script import simplified

_NAME_CHARS = r"[\u4e00-\u9fff]"
NAME_MIN_CHARS = 2  # name characters before an organ or place suffix: fewer words name no body
TAIL_MIN_CHARS = 3  # shorter tails of two names (务局, 政府) are shared by different organs too often to tell them apart


def _longest_first(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _opening_name(lead: tuple[str, ...], suffixes: tuple[str, ...], followers: tuple[str, ...]) -> re.Pattern[str]:
    """A clause's whole subject as one name: time and list words, a run of three or more name characters ending in
    an organ or place suffix, then such words or adverbs of its act only (厚桥街道收到, 市政府办公室共受理, 区人社局共依法
    受理; not 政府信息公开行政诉讼, 承办)."""
    filler = rf"(?:\d{{4}}\s*年|{_longest_first(list(lead))}|[\s，,、])*+"  # possessive: 本年度 is no 本年 + a name 度我局
    after = rf"(?:于?\d{{1,4}}\s*[年月日]|{_longest_first(list(lead + followers))}|[\s，,、])*+"  # 于12月25日
    name = rf"(?P<name>{_NAME_CHARS}{{{NAME_MIN_CHARS},20}}(?:{_longest_first(list(suffixes))}))"
    return re.compile(rf"^{filler}{name}{after}$")


def _short(name: str, bodies: dict[str, Any]) -> str:
    """Given a name, return it simplified and cleaned, its suffixes written short (人民政府办公室 → 政府办)."""
    name = clean(simplified(name))
    name = _governing_organ(tuple(bodies["place_suffixes"] + bodies["level_words"]),
                            tuple(bodies["governing_organs"])).sub(r"\g<place>政府", name)
    for full, short in _longest_suffixes_first(tuple(bodies["short_suffixes"].items())):
        name = name.replace(full, short)
    return name


@lru_cache(maxsize=8)
def _longest_suffixes_first(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=8)
def _governing_organ(places: tuple[str, ...], organs: tuple[str, ...]) -> re.Pattern[str]:
    """An area's governing organ right after its place, ending the name (开发区管委会, 厚桥街道党政办公室)."""
    return re.compile(rf"(?P<place>{_longest_first(list(places))})(?:{_longest_first(list(organs))})$")


def _abbreviates(short: str, full: str) -> bool:
    """Given two names, say whether the first is the second's abbreviation: its characters taken in order, the
    first and the last kept (人社局 of 人力资源和社会保障局, 大数据局 of 大数据发展管理局, 行署 of 行政公署)."""
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _tails(name: str, shortest: int = TAIL_MIN_CHARS) -> list[str]:
    return [name[k:] for k in range(len(name) - shortest + 1)] or [name]


def _forms(name: str, bodies: dict[str, Any]) -> list[str]:
    """Given a name written short, return it, and its place alone where it is that place's governing organ (高新区政府
    → 高新区, which abbreviates the issuer 某某高新技术产业开发区)."""
    places = tuple(bodies["place_suffixes"])
    organ = name[:-len("政府")] if name.endswith("政府") else ""
    return [name, organ] if organ.endswith(places) and len(organ) > NAME_MIN_CHARS else [name]


def _same_body(named: str, issuer: str, bodies: dict[str, Any]) -> bool:
    """Given a named organ and the issuer (both written short), say whether they are one: a tail of one (places
    and level words dropped from its front) abbreviates a tail of the other (区人社局 of 某区人力资源和社会保障局,
    税务局 of 国家税务总局某区税务局) or opens it (区政府办 in 区政府's report). A name opened by a level word alone
    (县政府办, 区人社局) is also read without it against the issuer's organ however short (政府): the level the text
    prints may not be the one read from the title."""
    pairs = [(_tails(n), _tails(i)) for n in _forms(named, bodies) for i in _forms(issuer, bodies)]
    level = next((w for w in bodies["level_words"] if named.startswith(w)), None)
    if level:
        pairs.append(([named[len(level):]], _tails(issuer, 2)))
    return any(_abbreviates(a, b) or _abbreviates(b, a) or a.startswith(b) or b.startswith(a)
               for named_tails, issuer_tails in pairs for a in named_tails for b in issuer_tails)


def _body_name(words: str, bodies: dict[str, Any], subject: bool = True) -> str | None:
    """Given words (a clause's subject, or an issuer as read when `subject` is false), return the body they name as a
    whole, or None when they are no name (a preposition or own word before a subject's, a verb inside it). An issuer
    is read from a title, where no preposition stands: its first character is its name's (同心县)."""
    if len(words) < NAME_MIN_CHARS:  # about half of all clauses' subjects: none to convert and match
        return None
    m = _opening_name(tuple(bodies["lead_words"]), tuple(bodies["organ_suffixes"] + bodies["place_suffixes"]),
                      tuple(bodies.get("name_followers", ()))).match(simplified(words))
    if m is None or m.group("name").startswith((*bodies["own_words"], *(bodies["prepositions"] if subject else ()))) \
            or any(w in m.group("name") for w in bodies["not_in_names"]) \
            or any(own + suffix in m.group("name") for own in bodies["own_words"] for suffix in bodies["organ_suffixes"]):
        return None  # 群众通过信函向本局: the report's own organ, after what came to it
    return m.group("name")


SECTOR_MAX_CHARS = 8  # a sector's name between an area and its collective (生态环境, 市场监督管理): longer runs are clauses


@lru_cache(maxsize=8)
def _sector_scope(areas: tuple[str, ...], collectives: tuple[str, ...]) -> re.Pattern[str]:
    """An area, 各级 or not, a run of name characters and a collective noun (全省各级生态环境部门, 全市税务系统)."""
    return re.compile(rf"(?:{_longest_first(list(areas))})(?:各级)?(?P<sector>{_NAME_CHARS}{{1,{SECTOR_MAX_CHARS}}}?)"
                      rf"(?:{_longest_first(list(collectives))})")


def names_a_sector_scope(subject: str, bodies: dict[str, Any]) -> bool:
    """Given the words of a figure's clause before its cue and the bodies grammar, return whether they name a whole
    area's bodies of one sector (全省各级生态环境部门共办理…: many organs, not the report's own count); the
    government's collectives (全区各行政机关, 全市各级政府部门) name none."""
    scopes = bodies["sector_scopes"]
    return any(not any(w in m.group("sector") for w in scopes["generic"])
               for m in _sector_scope(tuple(scopes["areas"]), tuple(scopes["collectives"])).finditer(simplified(subject)))


_ANY_WORD_MAX = 64  # the spec's word lists are a few dozen; a bound keeps lists made elsewhere from piling up
_ANY_WORD: dict[int, tuple[list[str], re.Pattern[str]]] = {}  # id of a word list -> (the list, its pattern)


def any_word(words: list[str]) -> re.Pattern[str]:
    """Given words (a list of the spec's, kept by identity: the whole-area scopes, a rule's helper verbs, the words
    of the year before, the respective, timely and rate words sought near each linked figure), return the pattern
    finding whether any of them is printed: one search in C, not one per word."""
    hit = _ANY_WORD.get(id(words))
    if hit is None or hit[0] is not words:
        if len(_ANY_WORD) >= _ANY_WORD_MAX:
            _ANY_WORD.clear()
        hit = _ANY_WORD[id(words)] = (words, re.compile(_longest_first(words) if words else "(?!)"))
    return hit[1]


def _issuer_name(issuer: str, bodies: dict[str, Any]) -> str | None:
    """Given the issuer as read, return the body it names: the whole, or the name before a preposition or a book
    title the reading ran on into (市民促局依照《条例》); None when neither is a name (按照某区人民政府 stays unknown)."""
    if issuer.startswith(tuple(bodies["issuer_ends"])):
        return None
    whole = _body_name(issuer, bodies, subject=False)
    if whole is not None:
        return whole
    ends = [i for i in (issuer.find(w, NAME_MIN_CHARS + 1) for w in (*bodies["issuer_ends"], "《")) if i > 0]
    return _body_name(issuer[:min(ends)], bodies, subject=False) if ends else None


def names_another_body(subject: str, issuer: str | None, bodies: dict[str, Any]) -> bool:
    """Given the words of a figure's clause before its cue, the report's issuer (None when unknown) and the bodies
    grammar, return whether the clause's subject is a named body other than the issuer (区人社局收到 in a district
    government's report): its count is that body's. The issuer's own names and short forms, own words (我局) and
    whole-area scopes (全区各部门) are the report's. An issuer read with other words (按照某区人民政府) is unknown."""
    if not issuer or len(subject) < NAME_MIN_CHARS:  # too short to name a body (_body_name): no scope sought
        return False
    if any_word(bodies["whole_scopes"]).search(subject) is not None:
        return False
    named = _body_name(subject, bodies)
    if named is None:  # most clauses open with no name: the issuer need not be read
        return False
    issuer_name = _issuer_name(clean(issuer), bodies)
    if issuer_name is None:
        return False
    named, issuer_name = _short(named, bodies), _short(issuer_name, bodies)
    if named.endswith(tuple(bodies["place_suffixes"])):  # a place alone (某某街道): the issuer's when it names it
        return named not in issuer_name
    return not _same_body(named, issuer_name, bodies)
