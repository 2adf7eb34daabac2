"""Precision under doubt, round body25: another named body's count in the issuer's report (区人社局收到申请N件 in
a district government's report) where the issuer was read but not taken as a body, checked on paraphrased sentences,
each with near-misses that must stay linked.

- a zone issuer without its 管委会 (某某高新区, 某某经济技术开发区) is a body: its place suffixes are zones too, and its
  管委会 named short (高新区管委会) is the issuer itself;
- an issuer whose first character is a preposition's (同心县) is a name, not a phrase after 同;
- an issuer read on into a preposition or a book title (某局依照《条例》) is the name before them;
- the object before the verb (县教育局依申请公开…收到), 接 of 接收到 and a date (于12月25日) leave the body the clause's
  subject.
"""
from __future__ import annotations

import pytest

from evaluation.narrative_mutations import audit_text
from extraction.bodies import names_another_body
from extraction.spec import load_spec


def links(sentence: str, issuer: str) -> list[tuple[float, str | None]]:
    """Given a sentence and the issuer its title names, return its figures as (value, metric) in text order, read in
    a report of 2023."""
    title = f"{issuer}2023年政府信息公开工作年度报告\n一、总体情况\n"
    return [(m["value"], m["metric"]) for m in audit_text("x.txt", title + sentence + "\n")["mentions"]
            if not m.get("implicit")]


@pytest.mark.parametrize("issuer, sentence", [
    ("某州高新区", "2023年，县民政局共收到政府信息公开申请13件。"),
    ("某州高新技术产业开发区", "2023年，市公安局依法依规办理政府信息公开申请11件。"),
    ("某某经济技术开发区", "本年度区住建局共受理政府信息公开申请8件。"),
    ("同心县自然资源局", "2023年，市公安局收到政府信息公开申请7件。"),
    ("某某镇人民政府", "2023年，县教育局依申请公开政府信息共收到37件。"),
    ("某市科技局", "2023年，县教育局接收到政府信息公开申请9件。"),
    ("某某镇人民政府", "2023年度县教育局于12月25日收到政府信息公开申请1件。"),
])
def test_another_bodys_count_is_not_the_issuers(issuer: str, sentence: str) -> None:
    assert all(metric is None for _, metric in links(sentence, issuer))


@pytest.mark.parametrize("issuer, sentence", [
    ("某州高新区", "2023年，高新区管委会共收到政府信息公开申请13件。"),
    ("某州高新技术产业开发区", "2023年，高新区管委会依法办理政府信息公开申请11件。"),
    ("某州高新技术产业开发区", "2023年，本机关共收到政府信息公开申请13件。"),
    ("某某经济技术开发区", "本年度我委共受理政府信息公开申请8件。"),
    ("同心县自然资源局", "2023年，同心县自然资源局收到政府信息公开申请7件。"),
    ("同心县自然资源局", "2023年，县自然资源局收到政府信息公开申请7件。"),
    ("某某镇人民政府", "2023年，本镇依申请公开政府信息共收到37件。"),
    ("某市科技局", "2023年，我局接收到政府信息公开申请9件。"),
    ("某某镇人民政府", "2023年度我镇于12月25日收到政府信息公开申请1件。"),
    ("某某镇人民政府", "2023年度某某镇于12月25日收到政府信息公开申请1件。"),
])
def test_the_issuer_itself_stays_linked(issuer: str, sentence: str) -> None:
    assert [metric is not None for _, metric in links(sentence, issuer)] == [True]


def test_an_issuer_read_on_into_a_preposition_is_the_name_before_it() -> None:
    bodies = load_spec().bodies
    issuer = "市民促局依照《中华人民共和国政府信息公开条例》"
    assert names_another_body("2023年，区住建局共", issuer, bodies)
    assert not names_another_body("2023年，市民促局共", issuer, bodies)
    assert not names_another_body("2023年，区住建局共", "按照某区人民政府", bodies)  # no name before 按照: unknown


def test_the_organ_deciding_a_review_may_stay_its_subject() -> None:
    assert [metric for _, metric in links("2023年，某市人民政府收到对本机关的政府信息公开行政复议申请2件。", "某市教育局")] \
        == ["review.total"]
