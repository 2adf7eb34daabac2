"""Scans as they come: a synthetic report's table pages rendered to images, then fed askew, blurred and JPEG'd (or
printed faint), keep their ruling lines and their cells; a lone 0 read as a letter is an unsure 0 the identities
must confirm."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from evaluation.ocr_corpus import Degradation, degrade, rendered_pages, renders_cjk_without_embedding
from evaluation.synth import generate
from extraction.ingest import ocr, read_source
from extraction.tables import DOUBTFUL_CONFIDENCE, parse_tables

SEED = 20261206
DPI = 300
TILTS = (-1.4, 0.7)  # degrees, either way: a 2-px rule tilted past 0.8° has no row run as long as a rule's shortest
SCAN = dict(blur_px=1.1, jpeg_quality=40, noise=4.0)  # the scanned variant's worst blur, a low JPEG quality
MAX_SKEW_ERROR = 0.1  # degrees: what is left after straightening is under a pixel's rise over a rule's shortest run
MIN_RULE_SHARE = 0.95  # of the clean render's rule length found on the scan
FAINT_INK = 0.15  # the scan's ink this share as dark as printed: black rules grey 217, anti-aliased thin ones lighter
MIN_FAINT_SHARE = 0.85  # of the clean render's rule length found on the faint copy: measured 0.89-1.0 on this
# report's table pages; a fixed contrast of 20 grey levels found 0.35-0.62 of their vertical rules
MIN_EXACT = 0.9  # of a scanned table page's cells read exactly as printed

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the OCR extra is not installed (pip install -e '.[ocr]')")


@pytest.fixture(scope="module")
def table_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Image.Image]]:
    """A synthetic ruled report and its pages with tables, rendered clean at DPI."""
    folder = tmp_path_factory.mktemp("synth")
    pdf = next(p for p in generate(folder, 1, SEED, ["pdf"], 0.0) if p.suffix == ".pdf")
    numbers = sorted({t.where.page for t in read_source(pdf).tables})
    pages = rendered_pages(pdf.read_bytes(), DPI)
    return pdf, [pages[n - 1] for n in numbers]


def rule_length(pixels: np.ndarray) -> tuple[float, float]:
    """Given a page in grey, return the total length in points of the horizontal and of the vertical rules found,
    those at least twice a rule's shortest (shorter ones may be strokes of a large character: no text box is given)."""
    horizontal, vertical = ocr.rule_masks(pixels, DPI)
    across, _ = ocr.mask_rules(horizontal, "h", DPI, [])
    down, _ = ocr.mask_rules(vertical, "v", DPI, [])
    lengths = [e["x1"] - e["x0"] for e in across], [e["bottom"] - e["top"] for e in down]
    return tuple(sum(v for v in found if v >= 2 * least) for found, least in zip(lengths, ocr.RULE_MIN_POINTS))


def grey(image: Image.Image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(image.convert("L")))


@needs_ocr
@pytest.mark.parametrize("tilt", TILTS)
def test_a_tilted_blurred_jpeg_scan_is_straightened_and_keeps_its_rules(table_pages, tilt: float) -> None:
    for number, page in enumerate(table_pages[1]):
        clean = rule_length(grey(page))
        assert clean[0] > 0 and clean[1] > 0
        rng = np.random.default_rng(number)
        scan = grey(degrade(page, Degradation(degrees=tilt, **SCAN), rng).image)
        skew = ocr.skew_degrees(scan, DPI)
        assert abs(skew + tilt) <= MAX_SKEW_ERROR, (number, skew)  # PIL turns counter-clockwise, the skew is clockwise
        found = rule_length(ocr.straightened(scan, skew))
        assert found[0] >= MIN_RULE_SHARE * clean[0] and found[1] >= MIN_RULE_SHARE * clean[1], (number, clean, found)


@needs_ocr
def test_a_straight_page_is_left_as_it_is(table_pages) -> None:
    assert all(abs(ocr.skew_degrees(grey(page), DPI)) < ocr.MIN_SKEW_DEGREES for page in table_pages[1])


@needs_ocr
def test_faint_rules_are_found_by_the_pages_own_contrast(table_pages) -> None:
    for page in table_pages[1]:
        pixels = grey(page)
        faint = (255 - FAINT_INK * (255 - pixels.astype(np.float32))).round().astype(np.uint8)
        clean, found = rule_length(pixels), rule_length(faint)
        assert found[0] >= MIN_FAINT_SHARE * clean[0] and found[1] >= MIN_FAINT_SHARE * clean[1], (clean, found)


@needs_ocr
@pytest.mark.skipif(not renders_cjk_without_embedding(), reason="no installed CJK font: PDFium draws the synthetic "
                    "PDF's unembedded STSong-Light labels as nothing, so no row could be named (apt install fonts-wqy-microhei)")
def test_a_scanned_table_page_reads_its_cells_and_flags_every_wrong_one(table_pages, tmp_path: Path) -> None:
    pdf, pages = table_pages
    truth = parse_tables(read_source(pdf).tables).cells
    scans = [degrade(page, Degradation(degrees=TILTS[0], **SCAN), np.random.default_rng(i)).image
             for i, page in enumerate(pages)]
    path = tmp_path / "scan.pdf"
    scans[0].save(path, "PDF", save_all=True, append_images=scans[1:], resolution=DPI)
    read = parse_tables(read_source(path).tables).cells
    exact = [k for k, c in truth.items() if k in read and read[k].value == c.value]
    wrong = [k for k, c in truth.items() if k in read and read[k].value != c.value]
    assert len(exact) >= MIN_EXACT * len(truth), f"{len(exact)}/{len(truth)}"
    assert all(read[k].inferred or read[k].confidence <= DOUBTFUL_CONFIDENCE for k in wrong), wrong


def box_reading(text: str, confidence: float) -> list[dict]:
    return [{"text": text, "x0": 10.0, "x1": 14.0, "top": 10.0, "bottom": 20.0, "size": 10.0,
             "fontname": "rapidocr", "confidence": confidence}]


def test_a_lone_zero_read_as_a_letter_or_stop_is_an_unsure_zero() -> None:
    from extraction.corrections import LOW_OCR_CONFIDENCE

    for text in ("o", "O", "。", "〇"):
        (char,) = ocr.lone_zero(box_reading(text, 0.97))
        assert char["text"] == "0" and char["confidence"] < LOW_OCR_CONFIDENCE
    assert ocr.lone_zero(box_reading("0", 0.97))[0]["confidence"] == 0.97
    two = box_reading("o", 0.9) + box_reading("k", 0.9)
    assert ocr.lone_zero(two) == two
    assert not ocr.better(("o", 0.4, []), ("[]", 0.6, []))
