"""Scanned reports: a real report's pages rendered to images (an image-only PDF, PNG, a multi-page TIFF) are read by
OCR into the same tables and linked figures as its text layer, with each OCR cell's confidence; without the OCR
extra the answer is a typed ocr_unavailable."""
from __future__ import annotations

from pathlib import Path

import pytest

from extraction.document import IngestError, RawTable, Source
from extraction.ingest import ocr, read_source
from extraction.pipeline import audit

REPORT = "huaian_2024.pdf"  # ruled tables over 3 pages, 15 linked narrative figures
TABLE_PAGES = (3, 4)  # two pages of its tables, for the image files
DPI = 300
MIN_SAME_CELLS = 0.97  # measured 0.996 (280 of 281 printed cells; one ")" read half-width)
MIN_LINKED = 0.9  # the bar: linked narrative mentions as a share of the text layer's

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the OCR extra is not installed (pip install -e '.[ocr]')")


def rendered(pdf: Path, pages: tuple[int, ...] | None = None) -> list:
    """Given a PDF and page numbers (all by default), return those pages rendered in grey at DPI as Pillow images."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    numbers = pages or tuple(range(1, len(document) + 1))
    return [document[n - 1].render(scale=DPI / 72, grayscale=True).to_pil() for n in numbers]


def cells_of(tables: list[RawTable]) -> list[list[str | None]]:
    """Given raw tables, return each table's printed cells as whitespace-free texts in reading order."""
    return [["".join(c.text.split()) if c else None for row in t.rows for c in row] for t in tables]


def same_share(text_layer: Source, scanned: Source) -> tuple[int, int]:
    """Given a text layer's Source and the scanned copy's, return how many of the text layer's printed cells the scan
    reads the same, and how many there are (a table read in another shape counts all its cells as wrong)."""
    same = total = 0
    for mine, theirs in zip(cells_of(text_layer.tables), cells_of(scanned.tables)):
        printed = [c for c in mine if c is not None]
        total += len(printed)
        if len(mine) == len(theirs):
            same += sum(1 for a, b in zip(mine, theirs) if a is not None and a == b)
    total += sum(len([c for c in t if c is not None]) for t in cells_of(text_layer.tables)[len(scanned.tables):])
    return same, total


@pytest.fixture(scope="module")
def real() -> Path:
    from conftest import REAL

    if not REAL.is_dir():
        pytest.skip(f"shared corpus not present at {REAL} (a fresh clone without ../shared)")
    return REAL


@pytest.fixture(scope="module")
def scanned_pdf(real: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    images = rendered(real / REPORT)
    path = tmp_path_factory.mktemp("scan") / "huaian_2024_scan.pdf"
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=DPI)
    return path


@needs_ocr
def test_an_image_only_pdf_reads_the_text_layers_cells_with_confidences(real: Path, scanned_pdf: Path) -> None:
    text_layer, scanned = read_source(real / REPORT), read_source(scanned_pdf)
    assert scanned.format == "pdf" and scanned.meta["ocr"] == "rapidocr" and scanned.pages == text_layer.pages
    assert len(scanned.tables) == len(text_layer.tables)
    same, total = same_share(text_layer, scanned)
    assert same >= MIN_SAME_CELLS * total, f"{same}/{total} cells read as the text layer prints them"
    read = [c for t in scanned.tables for row in t.rows for c in row if c is not None and c.text]
    assert all(c.confidence is not None and 0 < c.confidence <= 1 for c in read)
    assert all(c.confidence is None for t in text_layer.tables for row in t.rows for c in row if c is not None)
    assert all(line.where.page and line.where.bbox for line in scanned.lines)


@needs_ocr
def test_narrative_figures_of_a_scan_link_as_on_the_text_layer(real: Path, scanned_pdf: Path) -> None:
    def linked(path: Path) -> set[tuple[str, float]]:
        return {(m.metric, m.value) for m in audit(path).mentions if m.metric}

    text_layer, scanned = linked(real / REPORT), linked(scanned_pdf)
    assert text_layer and len(scanned & text_layer) >= MIN_LINKED * len(text_layer)
    assert len(scanned - text_layer) <= (1 - MIN_LINKED) * len(text_layer)
    report = audit(scanned_pdf)
    assert all(m.where.page and m.where.bbox for m in report.mentions if m.metric)


@needs_ocr
def test_png_and_multi_page_tiff_are_pages_of_an_image_report(real: Path, tmp_path: Path) -> None:
    images = rendered(real / REPORT, TABLE_PAGES)
    tiff, png = tmp_path / "scan.tif", tmp_path / "page.png"
    images[0].save(tiff, save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(DPI, DPI))
    images[0].save(png, dpi=(DPI, DPI))
    text_layer = read_source(real / REPORT)
    from_tiff = read_source(tiff)
    assert from_tiff.format == "image" and from_tiff.pages == len(TABLE_PAGES)
    wanted = Source(path="", sha256="", format="pdf", tables=[t for t in text_layer.tables if t.where.page in TABLE_PAGES])
    same, total = same_share(wanted, from_tiff)
    assert same >= MIN_SAME_CELLS * total, f"{same}/{total}"
    first = read_source(png)
    assert first.pages == 1 and repr(first) == repr(read_source(png))  # the same bytes read the same, to the last digit
    assert cells_of(first.tables) == cells_of([t for t in from_tiff.tables if t.where.page == 1])


def test_without_the_ocr_extra_a_scan_is_a_typed_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    png, pdf = tmp_path / "scan.png", tmp_path / "scan.pdf"
    page = Image.new("L", (600, 800), 255)
    page.paste(0, (100, 100, 300, 140))
    page.save(png)
    page.save(pdf, "PDF", resolution=72)
    monkeypatch.setattr(ocr, "available", lambda: False)
    for path in (png, pdf):
        with pytest.raises(IngestError) as err:
            read_source(path)
        assert err.value.code == "ocr_unavailable" and str(path) in err.value.message and "OCR" in err.value.message


@needs_ocr
def test_an_image_past_the_pixel_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "poster.png"
    Image.new("1", (10_000, 7_000), 1).save(path)  # 70 M pixels, a few kilobytes on disk
    with pytest.raises(IngestError) as err:
        read_source(path)
    assert err.value.code == "too_large" and str(path) in err.value.message


@needs_ocr
def test_a_page_without_text_inside_a_text_pdf_is_read_by_ocr(real: Path, tmp_path: Path) -> None:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from test_ingest_pdf import FONT

    page = rendered(real / REPORT, TABLE_PAGES[:1])[0]
    width, height = page.width * 72 / DPI, page.height * 72 / DPI
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=(width, height))
    c.setFont(FONT, 14)
    c.drawString(72, height - 72, "政府信息公开工作年度报告")
    c.showPage()
    c.drawImage(ImageReader(page), 0, 0, width, height)  # the second page: a scanned table page
    c.showPage()
    c.save()
    source = read_source(path)
    assert source.problems == [] and source.meta["ocr"] == "rapidocr"
    assert source.lines[0].text == "政府信息公开工作年度报告" and source.lines[0].where.page == 1
    wanted = [t for t in read_source(real / REPORT).tables if t.where.page == TABLE_PAGES[0]]
    assert wanted and {t.where.page for t in source.tables} == {2}
    same, total = same_share(Source(path="", sha256="", format="pdf", tables=wanted), source)
    assert same >= MIN_SAME_CELLS * total, f"{same}/{total}"
