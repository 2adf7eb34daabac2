"""The labeled real-narrative corpus is well-formed, wide and held out by its addresses, not by choice."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.narrative_corpus import SPLITS, corpus_problems, corpus_stats, metric_keys, page_id, page_problems
from extraction.spec import load_spec

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "real-narrative"


def test_the_split_follows_from_the_address() -> None:
    ids = [page_id(f"https://example.gov.cn/{i}.html") for i in range(2000)]
    held_out = sum(split == "untuned" for _, split in ids)
    assert 330 < held_out < 470  # a fifth, give or take chance
    assert page_id("https://example.gov.cn/1.html") == page_id(" https://example.gov.cn/1.html\n")


def test_every_page_is_well_formed() -> None:
    assert corpus_problems(ROOT) == []


def test_the_corpus_is_as_wide_as_promised() -> None:
    stats = corpus_stats(ROOT)
    assert sum(stats.pages.values()) >= 300 and sum(stats.figures.values()) >= 1500
    assert stats.pages["untuned"] >= 0.15 * sum(stats.pages.values())
    assert len(stats.provinces) >= 25 and set(stats.levels) >= {"province", "city", "county", "township", "department"}
    years = [y for y in stats.years if isinstance(y, int)]
    assert min(years) <= 2013 and max(years) >= 2024
    assert stats.scripts["traditional"] >= 10 and sum(stats.implicit.values()) >= 100


def test_a_broken_page_is_reported(tmp_path: Path) -> None:
    url = "https://example.gov.cn/report.html"
    pid, split = page_id(url)
    folder = tmp_path / split
    folder.mkdir()
    (folder / f"{pid}.txt").write_text("本年度共收到政府信息公开申请12件。", encoding="utf-8")
    gold = {"document": f"{pid}.txt", "source_url": url, "agency": "", "report_year": 2022, "template": "v2021",
            "level": "county", "province": "江苏", "script": "simplified",
            "mentions": [{"quote": "收到申请12件", "value": 12, "metric": "requests.new.totl"}]}
    (folder / f"{pid}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    problems = page_problems(folder / f"{pid}.gold.json", metric_keys(load_spec()))
    assert any("quote is not in the text" in p for p in problems)
    assert any("requests.new.totl" in p for p in problems)
    assert SPLITS == ("tuned", "untuned")
