"""Linking in bounded windows: a run without sentence ends costs the same per figure however long it is, and no real
sentence is long enough to be cut (so the windows change nothing a report prints)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.segment import SENTENCE_WINDOW_CHARS, segment
from extraction.zeros import _grammar, _mask_cut, masked_topics

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


def _masked_by_copies(text: str, masks: tuple[str, ...], exempt_after: tuple[str, ...],
                      kept_whole: tuple[str, ...]) -> str:
    """The masking as first written: the text copied whole for every printing blanked out (the oracle)."""
    kept: list[tuple[int, int]] = []
    for phrase in masks:
        i = text.find(phrase)
        while i >= 0:
            end = i + len(phrase)
            if exempt_after and text.endswith(exempt_after, 0, i) or any(text.startswith(w, i) for w in kept_whole):
                kept.append((i, end))
            elif not any(s <= i and end <= e for s, e in kept):
                text = text[:i] + "\u3000" * len(phrase) + text[end:]
            i = text.find(phrase, end)
    return text


_WORDS = st.text(alphabet="ab", min_size=1, max_size=3)


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4), st.lists(_WORDS, max_size=3), st.lists(_WORDS, max_size=2),
       st.text(alphabet="ab，", max_size=24))
def test_masking_once_per_phrase_masks_as_copying_per_printing(masks: list[str], exempt: list[str], kept: list[str],
                                                              text: str) -> None:
    phrases = tuple(sorted(set(masks), key=len, reverse=True))
    assert masked_topics(text, phrases, tuple(exempt), tuple(kept)) == _masked_by_copies(text, phrases, tuple(exempt),
                                                                                         tuple(kept))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("复议申请", "行政复议申请", "申请人", "信息公开", "公开工作的", "政府", "申请", "，",
                                 "行政", "0", "件", "行政诉讼类", "案件", "类")), max_size=14),
       st.integers(min_value=0, max_value=60))
def test_masking_from_the_cut_masks_the_rest_as_masking_the_prefix(pieces: list[str], at: int) -> None:
    g = _grammar()
    text = "".join(pieces)
    pos = min(at, len(text))
    cut = _mask_cut(text, pos, g)
    assert cut <= pos
    whole = masked_topics(text, g.masks, g.mask_exempt_after, g.mask_kept)
    assert masked_topics(text[cut:], g.masks, g.mask_exempt_after, g.mask_kept)[pos - cut:] == whole[pos:]
