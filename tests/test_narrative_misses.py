"""The miss classes of evaluation.narrative_misses on mentions built for these tests."""
from __future__ import annotations

from evaluation.narrative_misses import page_classes

UNITS = {"件", "条", ""}


def _m(value: float, metric: str | None, unit: str = "件", **extra: object) -> dict:
    return {"value": value, "metric": metric, "unit": unit, "quote": f"{value}{unit}", **extra}


def test_each_miss_and_false_link_gets_its_class() -> None:
    gold = [_m(12, "requests.new.total"), _m(3, "requests.result.withheld.internal_affairs.total"),
            _m(0, "review.total", "", implicit=True), _m(5, "requests.new.total", "次"), _m(7, "litigation.total"),
            _m(9, None), _m(4, "active.penalty.decisions")]
    predicted = [_m(12, "requests.new.total"), _m(3, "requests.result.withheld.subtotal.total"), _m(5, None, "次"),
                 _m(9, "requests.new.total"), _m(4, "review.total"), _m(8, "review.total")]
    classes = sorted(cls for cls, _ in page_classes(predicted, gold, UNITS))
    assert classes == ["miss: category specificity", "miss: figure not found", "miss: unit", "miss: wrong key",
                       "miss: zero", "wrong: gold unlinked", "wrong: no such figure", "wrong: other key",
                       "wrong: other key"]


def test_an_optional_or_accepted_reading_is_no_miss() -> None:
    gold = [_m(12, "requests.new.total", accept=["requests.new.total", "requests.handled_pool.total"]),
            _m(2, "review.total", optional=True)]
    predicted = [_m(12, "requests.handled_pool.total"), _m(2, "litigation.total")]
    assert page_classes(predicted, gold, UNITS) == []
