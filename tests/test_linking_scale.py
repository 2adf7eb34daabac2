"""Linking in bounded windows: a run without sentence ends costs the same per figure however long it is, and no real
sentence is long enough to be cut (so the windows change nothing a report prints)."""
from __future__ import annotations

from pathlib import Path

from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.segment import SENTENCE_WINDOW_CHARS, segment

REPO = Path(__file__).resolve().parents[1]
TEXT_CORPORA = (REPO / "corpus" / "seed", REPO / "corpus" / "real-narrative" / "tuned", REPO.parent / "shared" / "corpus" / "real")
CLAUSE = "本年度收到政府信息公开申请12件，办结10件，结转下年度继续办理2件，"


def _longest_sentence(path: Path) -> int:
    narrative = segment(read_source(path))
    starts = sorted({narrative.sentence_bounds(i)[0] for i in range(0, len(narrative.text), 16)})
    return max(narrative.sentence_bounds(s)[1] - s for s in starts)


def test_no_real_sentence_is_long_enough_to_be_cut() -> None:
    texts = [p for folder in TEXT_CORPORA if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    assert len(texts) > 100
    assert max(_longest_sentence(p) for p in texts) < SENTENCE_WINDOW_CHARS // 2  # a margin for unseen reports


def test_every_window_and_clause_of_a_long_run_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "run.txt"
    path.write_text("一、总体情况\n" + CLAUSE * 400 + "无标点" * 700, encoding="utf-8")
    narrative = segment(read_source(path))
    for offset in range(0, len(narrative.text), 7):
        for start, end in (narrative.sentence_bounds(offset), narrative.clause_bounds(offset)):
            assert start <= offset <= end and end - start <= SENTENCE_WINDOW_CHARS


def test_a_long_run_links_each_repeat_as_the_short_one(tmp_path: Path) -> None:
    title = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(title + CLAUSE + "\n", encoding="utf-8")
    long.write_text(title + CLAUSE * 300 + "\n", encoding="utf-8")
    once = [(m.value, m.metric) for m in audit(short).mentions]
    many = [(m.value, m.metric) for m in audit(long).mentions]
    assert once and all(metric is not None for _, metric in once)
    assert len(many) == 300 * len(once)
    assert many[-len(once):] == once and many[:len(once)] == once
