"""表四 printed as one row whose blank cells are not numbers: where the text keeps the blanks (a page's &nbsp; cells as
a scraper stores them, a Word file's empty cells as docx2txt prints them) the row is read where they put its numbers;
where the blanks print nothing, the T4 identities (each group's outcomes add to its 总计, a blank is 0) read the cells
every placement of the printed numbers agrees on and leave the rest unread — none read wrong."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from evaluation.content import Content, Table, content_of
from evaluation.mutations import MUTATIONS, review_data_row
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec

KEYS = [c["key"] for c in load_spec().review_litigation_columns]
# 行政复议 5 maintained, 2 pending; 未经复议直接起诉 8 maintained, 1 pending; 复议后起诉 none: blanks between
TWO_GROUPS = ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]
# every group printing a number: the printed order says which numbers are whose
THREE_GROUPS = ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "3", "", "", "3"]


def with_review_row(seed: int, texts: list[str], blank: str) -> Content:
    """Given a seed, 表四's fifteen cell texts and how a blank cell prints, return a generated report's content with
    that 表四 row."""
    model = build_report(random.Random(seed), f"review_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    content = content_of(read_source("report.html", render(model, "html")))
    blocks = []
    for block in content.blocks:
        r = review_data_row(block) if isinstance(block, Table) else None
        if r is not None:
            row = block.rows[r]
            numbered = [c for c, t in enumerate(row) if t is not None and t.strip()][-len(texts):]
            cells = list(row)
            for c, text in zip(numbered, texts):
                cells[c] = text or blank
            block = Table(block.rows[:r] + (tuple(cells),) + block.rows[r + 1:])
        blocks.append(block)
    return replace(content, blocks=tuple(blocks))


def review_cells(content: Content, mutation: str) -> tuple[dict, list[str]]:
    """Given content and a mutation, return the 表四 cells its variant's audit reads and the audit's error codes."""
    variant = MUTATIONS[mutation](content)
    result = audit(f"variant.{variant.extension}", variant.data).to_json()
    cells = {k: v["value"] for k, v in result["cells"].items() if k in KEYS}
    return cells, [e["code"] for e in result["errors"]]


def expected(texts: list[str]) -> dict:
    return {k: int(t) if t else None for k, t in zip(KEYS, texts)}


@pytest.mark.parametrize("mutation,blank,tool", [("soup-text", "\xa0", "bs4"), ("docx2txt", "", "docx2txt")])
@pytest.mark.parametrize("seed", [4, 11])
def test_blanks_the_text_keeps_place_the_numbers(mutation: str, blank: str, tool: str, seed: int) -> None:
    pytest.importorskip(tool)
    content = with_review_row(seed, TWO_GROUPS, blank)
    page, _ = review_cells(content, "html")
    assert page == expected(TWO_GROUPS)
    cells, errors = review_cells(content, mutation)
    assert cells == page
    assert "tables_missing" not in errors


@pytest.mark.parametrize("seed", [4, 11])
def test_blanks_printed_as_nothing_read_what_every_placement_agrees_on(seed: int) -> None:
    pytest.importorskip("bs4")
    truth = expected(THREE_GROUPS)
    cells, errors = review_cells(with_review_row(seed, THREE_GROUPS, ""), "soup-text")
    assert {k: cells[k] for k in ("review.total", "litigation.direct.total", "litigation.after_review.total")} == {
        "review.total": 7, "litigation.direct.total": 9, "litigation.after_review.total": 3}
    assert all(truth[k] == v for k, v in cells.items())  # none wrong
    assert "cells_unread" in errors  # where 5 and 2 sit among the four outcomes no identity says


@pytest.mark.parametrize("seed", [4, 11])
def test_groups_the_identities_cannot_tell_apart_stay_unread(seed: int) -> None:
    pytest.importorskip("bs4")
    # 8 1 9 fits 未经复议直接起诉 and 复议后起诉 alike; 5 2 7 may be either's as well
    cells, errors = review_cells(with_review_row(seed, TWO_GROUPS, ""), "soup-text")
    assert cells == {}
    assert "cells_unread" in errors and "tables_missing" not in errors


@pytest.mark.parametrize("seed", [4, 11])
def test_no_reading_is_guessed_where_the_printed_sums_break(seed: int) -> None:
    pytest.importorskip("bs4")
    broken = ["5", "", "", "2", "8", "8", "", "", "1", "9", "", "", "", "", ""]  # 5 + 2 printed as 8
    cells, errors = review_cells(with_review_row(seed, broken, ""), "soup-text")
    assert cells == {}
    assert "tables_missing" in errors


@pytest.mark.parametrize("seed", [4, 11])
def test_glued_by_a_scraper_the_row_is_found_and_left_unread(seed: int) -> None:
    # 527819 right after 表四's headers: six digits for fifteen cells, its blanks printing nothing — the table is
    # printed (not missing), yet no identity says which group and outcome each number fills
    content = with_review_row(seed, TWO_GROUPS, "")
    cells, errors = review_cells(content, "scraper-concatenated")
    assert "527819" in MUTATIONS["scraper-concatenated"](content).data.decode("utf-8")
    assert cells == {}
    assert "cells_unread" in errors and "tables_missing" not in errors
