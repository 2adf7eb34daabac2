"""The narrative's metamorphic harness: mutations are deterministic, keep every gold quote (mapped through them) and
every figure's value, and the gate holds on a fixed sample of the tuned split: the same report sentences, as people
receive them, link as printed."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from evaluation.narrative_mutations import (MUTATIONS, ORIGINAL, WRAP_WIDTHS, Edit, apply, mapped_gold, measure,
                                            mutate, pages_of, run, sample, width_of)

TUNED = Path(__file__).resolve().parents[1] / "corpus" / "real-narrative" / "tuned"
SAMPLE_EVERY = 8  # about 200 of the tuned split's 1,601 pages
QUOTE_SAMPLE_EVERY = 40
# The mutations the narrative reads exactly as printed after the fixes of segment and script: every link of the
# unmutated page kept, none added. Left out: sentence-lines (a paragraph's 。 replaced by line ends: agreement 0.991
# on the tuned split) and numbered-items ("1. 其中…": a list number before a continuation word, 0.9996).
GATED = ("hard-wrap", "markdown-headings", "traditional", "full-width-digits", "full-width-punctuation", "unit-space",
         "unit-nbsp", "latin-spacing", "thousands", "bullets", "indented", "blank-lines")
DIGITS = re.compile(r"[0-9]+")


def test_apply_maps_every_original_span() -> None:
    mutated = apply("收到申请12件，办结10件。", [Edit(4, 4, " "), Edit(6, 6, " "), Edit(10, 12, "１０")])
    assert mutated.text == "收到申请 12 件，办结１０件。"
    start, end = mutated.span(0, 7)  # 收到申请12件
    assert mutated.text[start:end] == "收到申请 12 件"
    start, end = mutated.span(8, 13)  # 办结10件
    assert mutated.text[start:end] == "办结１０件"


@pytest.fixture(scope="module")
def quote_pages() -> list[tuple[Path, dict]]:
    return sample(pages_of([TUNED]), QUOTE_SAMPLE_EVERY)


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutation_is_deterministic_and_maps_every_quote(name: str, quote_pages: list[tuple[Path, dict]]) -> None:
    assert quote_pages
    for path, gold in quote_pages:
        text = path.read_text(encoding="utf-8")
        mutated = mutate(text, name, path.name)
        assert mutate(text, name, path.name) == mutated
        for mention in mapped_gold(gold, text, mutated)["mentions"]:
            assert mention["quote"] in mutated.text


@pytest.mark.parametrize("name", ["thousands", "unit-space", "latin-spacing", "full-width-digits", "hard-wrap"])
def test_mutation_keeps_every_printed_number(name: str, quote_pages: list[tuple[Path, dict]]) -> None:
    for path, _ in quote_pages:
        text = path.read_text(encoding="utf-8")
        mutated = mutate(text, name, path.name).text
        numbers = mutated.translate(str.maketrans("０１２３４５６７８９", "0123456789", ",\n "))
        assert DIGITS.findall(numbers) == DIGITS.findall(text.replace(",", "").replace(" ", ""))


def test_hard_wrap_breaks_at_one_width_and_never_inside_a_number(quote_pages: list[tuple[Path, dict]]) -> None:
    for path, _ in quote_pages:
        text = path.read_text(encoding="utf-8")
        lines = mutate(text, "hard-wrap", path.name).text.split("\n")
        assert max(sum(map(width_of, line)) for line in lines) <= WRAP_WIDTHS[1] + 2  # closing marks stay on the line
        assert all(not (a[-1:].isdigit() and b[:1].isdigit()) for a, b in zip(lines, lines[1:]) if a and b)


def test_gated_mutations_link_as_printed_on_a_sample_of_the_tuned_split() -> None:
    pages = sample(pages_of([TUNED]), SAMPLE_EVERY)
    assert len(pages) > 100
    scores = measure(pages, [*GATED, "sentence-lines"])
    assert scores[ORIGINAL].original_links > 300
    for name in GATED:
        assert (scores[name].agreement, scores[name].new_false_links, scores[name].changed_pages) == (1.0, 0, []), name
    assert scores["sentence-lines"].new_false_links == 0


def test_cli_runner_prints_one_row_per_mutation_and_gates(tmp_path: Path) -> None:
    out = io.StringIO()
    pages = [path for path, _ in sample(pages_of([TUNED]), 200)]
    json_path = tmp_path / "narrative.json"
    code = run(pages, ["unit-space", "bullets"], json_path, None, console=Console(file=out, width=200))
    assert code == 0
    rows = [line for line in out.getvalue().splitlines() if line.startswith("│")]
    assert [row.split("│")[1].strip() for row in rows] == [ORIGINAL, "unit-space", "bullets"]
    payload = json.loads(json_path.read_text(encoding="utf-8"))
    assert payload["mutations"]["unit-space"]["agreement"] == 1.0
