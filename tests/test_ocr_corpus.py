"""The image-only corpus (issue 13): generation is deterministic and its gold labels follow the renamed documents;
the scorer counts wrong, unread and unflagged cells, and compares image versions with their text layer."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PIL import Image

from evaluation.ocr_corpus import (BLUR_POINTS, JPEG_QUALITY, ROTATION_DEGREES, TEXT_LAYER, Plan, degradation, generate,
                                   page_seed)
from evaluation.run import above, below, find_documents, load_gold
from evaluation.scoring import DocScore, Json, score
from evaluation.versus_text import compare, summarise
from tests.conftest import REAL, SEED

SMALL = Plan(dpis=(60,), variants=("clean", "scanned"), forms=("pdf", "tiff", "png"), seed=7)


def files(folder: Path) -> dict[str, bytes]:
    """Given a folder, return every file under it by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ocr") / "out"
    generate([SEED], out, SMALL)
    return out


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_scans(seed_corpus: Path, tmp_path: Path) -> None:
    generate([SEED], tmp_path / "again", SMALL)
    assert files(tmp_path / "again") == files(seed_corpus)
    generate([SEED], tmp_path / "other", Plan(SMALL.dpis, SMALL.variants, SMALL.forms, seed=8))
    first, other = files(seed_corpus), files(tmp_path / "other")
    scanned = [name for name in first if "scanned" in name and not name.endswith(".json")]
    clean = [name for name in first if "clean" in name and not name.endswith(".json")]
    assert scanned and clean
    assert all(first[name] != other[name] for name in scanned)
    assert all(first[name] == other[name] for name in clean)


def test_every_labeled_file_carries_the_source_gold_under_its_own_name(seed_corpus: Path) -> None:
    source_gold = load_gold(SEED)
    found = find_documents([seed_corpus])
    # the text layer, and per dpi and variant one PDF and one TIFF; PNG pages carry no gold
    assert len(found) == 1 + 2 * len(SMALL.dpis) * len(SMALL.variants)
    for document, gold in found:
        assert gold["document"] == document.name
        assert (gold["cells"], gold["mentions"], gold["findings"]) == (source_gold["cells"], source_gold["mentions"],
                                                                     source_gold["findings"])
        assert gold["rendered"]["source"] == SEED.name
        if document.parent.name != TEXT_LAYER:
            assert (seed_corpus / TEXT_LAYER / gold["rendered"]["text_layer"]).is_file()
    assert not list(seed_corpus.glob("png-*/*.gold.json"))


def test_an_image_pdf_has_no_text_and_pages_sized_by_their_resolution(seed_corpus: Path) -> None:
    text_pdf = pypdfium2.PdfDocument(next((seed_corpus / TEXT_LAYER).glob("*.pdf")))
    image_pdf = pypdfium2.PdfDocument(next(seed_corpus.glob("pdf-60dpi-scanned/*.pdf")))
    pages = sorted((seed_corpus / "png-60dpi-scanned").rglob("*.png"))
    assert len(image_pdf) == len(text_pdf) == len(pages)
    assert text_pdf[0].get_textpage().get_text_range().strip()
    for number, page in enumerate(image_pdf):
        assert page.get_textpage().get_text_range().strip() == ""
        width, height = Image.open(pages[number]).size
        assert page.get_size() == pytest.approx((width * 72 / 60, height * 72 / 60), abs=0.01)
        assert page.get_size() == pytest.approx(text_pdf[number].get_size(), abs=1.5)
    tiff = Image.open(next(seed_corpus.glob("tiff-60dpi-scanned/*.tiff")))
    assert tiff.n_frames == len(pages)


def test_degradations_stay_mild_and_scale_with_the_resolution() -> None:
    for page in range(1, 40):
        low = degradation("scanned", 150, np.random.default_rng(page_seed(1, "x.pdf", 150, "scanned", page)))
        high = degradation("scanned", 300, np.random.default_rng(page_seed(1, "x.pdf", 150, "scanned", page)))
        assert ROTATION_DEGREES[0] <= abs(low.degrees) <= ROTATION_DEGREES[1]
        assert JPEG_QUALITY[0] <= low.jpeg_quality <= JPEG_QUALITY[1]
        assert low.blur_px * 72 / 150 == pytest.approx(high.blur_px * 72 / 300)
        assert BLUR_POINTS[0] <= low.blur_px * 72 / 150 <= BLUR_POINTS[1]
    assert degradation("blurred", 300, np.random.default_rng(0)).degrees == 0.0
    with pytest.raises(ValueError):
        Plan(variants=("smudged",))


def image_version(document: str, text_layer: str, cells: Json, findings: list[Json], mentions: list[Json]) -> Json:
    """Given an image version's name, its text layer's name and what its audit read, return (result, gold)."""
    gold = {"document": document, "template": "v2021", "rendered": {"dpi": 300, "variant": "clean", "text_layer": text_layer},
            "cells": {"review.total": 7, "review.maintained": 3, "review.corrected": 1, "review.other": 2, "review.pending": None},
            "mentions": [{"value": 7, "metric": "review.total"}, {"value": 3, "metric": "review.maintained"}],
            "findings": [{"rule": "table_identity", "identity": "T4.review.total"}]}
    return {"cells": cells, "findings": findings, "mentions": mentions}, gold


def test_wrong_cells_are_counted_flagged_only_when_unread_inferred_or_doubtful() -> None:
    cells = {"review.total": {"value": 7, "confidence": 0.99},
             "review.maintained": {"value": 8, "confidence": 0.97},  # read wrong, vouched for: unflagged
             "review.corrected": {"value": 4, "confidence": 0.97, "inferred": True, "ocr_raw": "4"},
             "review.other": {"value": 5, "confidence": 0.5},  # at the doubtful bound: flagged
             }  # review.pending unread
    predicted, gold = image_version("r.300dpi-clean.pdf", "r.text-layer.pdf", cells, [], [])
    doc = score(predicted, gold)
    assert (doc.tally.cells_correct, doc.tally.cells_unread, doc.tally.cells_wrong_unflagged) == (1, 1, 1)
    assert [c["cell"] for c in doc.wrong_cells if not c["flagged"]] == ["review.maintained"]
    assert above(doc.tally.to_json(), {"cells_wrong_unflagged": 0}) == ["cells_wrong_unflagged 1 > 0"]
    assert above(doc.tally.to_json(), {"cells_wrong_unflagged": 1}) == []


def test_image_versions_are_compared_with_their_text_layer() -> None:
    finding = {"rule": "table_identity", "identity": "T4.review.total"}
    both = [{"value": 7, "metric": "review.total"}, {"value": 3, "metric": "review.maintained"}]
    text_result, text_gold = image_version("r.text-layer.pdf", "", {}, [finding], both)
    del text_gold["rendered"]
    text = score(text_result, text_gold)
    one_link = score(*image_version("r.300dpi-clean.pdf", "r.text-layer.pdf", {}, [finding], both[:1]))
    no_finding = score(*image_version("r.150dpi-clean.pdf", "r.text-layer.pdf", {}, [], both))
    orphan = score(*image_version("q.150dpi-clean.pdf", "q.text-layer.pdf", {}, [], []))
    docs = [DocScore(**{**vars(d), "folder": f}) for d, f in
            ((text, TEXT_LAYER), (one_link, "pdf-300dpi-clean"), (no_finding, "pdf-150dpi-clean"), (orphan, "pdf-150dpi-clean"))]
    figures = summarise(compare(docs))
    assert [d["document"] for d in figures["documents"]] == ["r.300dpi-clean.pdf", "r.150dpi-clean.pdf", "q.150dpi-clean.pdf"]
    high, low = figures["per_folder"]["pdf-300dpi-clean"], figures["per_folder"]["pdf-150dpi-clean"]
    assert (high["links_found"], high["links_found_text"], high["findings_same"]) == (1, 2, 1)
    assert (low["documents"], low["paired"], low["links_vs_text"], low["findings_as_text"]) == (2, 1, 1.0, 0.0)
    assert low["cells_unread"] == 2 * 5  # no cell read; the gold's blank review.pending is unread too
    assert below(figures["overall"], {"links_vs_text": 0.9}) == ["links_vs_text 0.7500 < 0.9"]


def test_eval_reads_the_generated_folder_and_pairs_each_image_version_with_its_text_layer(seed_corpus: Path,
                                                                                          tmp_path: Path) -> None:
    from io import StringIO

    from rich.console import Console

    from evaluation.run import run

    output = tmp_path / "eval.json"
    run([seed_corpus], output, console=Console(file=StringIO()))
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert figures["per_folder"][TEXT_LAYER]["cell_accuracy"] == 1.0
    image = figures["image_reading"]
    assert len(image["documents"]) == image["overall"]["paired"] == 2 * len(SMALL.variants)
    assert set(image["per_folder"]) == {f"{form}-60dpi-{v}" for form in ("pdf", "tiff") for v in SMALL.variants}


def ocr_installed() -> bool:
    from extraction.ingest.ocr import available

    return available()


@pytest.mark.skipif(not REAL.is_dir(), reason=f"shared corpus not present at {REAL}")
@pytest.mark.skipif(not ocr_installed(), reason="the OCR extra is not installed (pip install 'zfxxgk[ocr]')")
def test_a_real_pdf_rendered_at_300_dpi_reads_as_issue_13_asks(tmp_path: Path) -> None:
    from extraction.pipeline import audit

    # Six pages, about 30 s of OCR: the real PDF that meets every bar at 300 dpi today (ocr-corpus figures in the
    # closing notes of issue 13); the others are gated at their own figures in .ci/run.
    source = REAL / "huaian_2024.pdf"
    plan = Plan(dpis=(300,), variants=("clean",), forms=("pdf",))
    (document, gold), = find_documents(generate([source], tmp_path, plan)[1:])
    text = score(audit(tmp_path / TEXT_LAYER / gold["rendered"]["text_layer"]).to_json(), gold)
    image = score(audit(document).to_json(), gold)
    assert image.tally.cells_correct >= 0.995 * image.tally.cells_gold, image.wrong_cells
    assert image.tally.cells_wrong_unflagged == 0, [c for c in image.wrong_cells if not c["flagged"]]
    assert image.tally.links_found >= 0.9 * text.tally.links_found, image.missed_links
    assert sorted(image.matched_findings + image.extra_findings) == sorted(text.matched_findings + text.extra_findings)
