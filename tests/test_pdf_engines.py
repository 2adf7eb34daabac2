"""The two PDF engines: PDFium (extraction.ingest.pdfium) gives pdfminer.six's chars and rules, pdfminer reads what
PDFium cannot read alike, and both give the same cells, links and findings on every PDF of the corpora and on
generated ruled and unruled reports."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest

from extraction.document import IngestError
from extraction.ingest import PDF_ENGINE_VARIABLE, pdfium
from extraction.ingest.pdf import PDFDocument, PDFParser, read_pages, read_pdf, snap
from extraction.pipeline import audit

from conftest import REAL, REPO

canvas = pytest.importorskip("reportlab.pdfgen.canvas")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
HEIGHT = 842.0
CORPUS_PDFS = sorted(REAL.glob("*.pdf")) + sorted((REPO / "corpus" / "synthetic").glob("*.pdf"))


def essentials(report: dict[str, Any]) -> dict[str, Any]:
    """Given an audit's JSON, return what the engines must agree on: cells, links (mention -> metric) and findings."""
    links = [{k: m.get(k) for k in ("section", "quote", "value", "unit", "metric", "verdict", "accept")} for m in report["mentions"]]
    return {"cells": report["cells"], "links": links, "findings": report["findings"], "errors": report.get("errors")}


def texts(path: Path, engine: str) -> list[Any]:
    """Given a PDF, return the text of its lines and table cells as one engine reads them."""
    data = path.read_bytes()
    source = read_pdf(path, data, hashlib.sha256(data).hexdigest(), engine)
    return [line.text for line in source.lines] + [[[c and c.text for c in row] for row in t.rows] for t in source.tables]


def assert_engines_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = {}
    for engine in ("pdfminer", "pdfium"):
        monkeypatch.setenv(PDF_ENGINE_VARIABLE, engine)
        reports[engine] = audit(path).to_json()
    assert essentials(reports["pdfium"]) == essentials(reports["pdfminer"])
    if texts(path, "pdfium") == texts(path, "pdfminer"):
        assert reports["pdfium"] == reports["pdfminer"]  # the same text: the same output, byte for byte


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.name)
def test_engines_agree_on_the_corpora(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """shuyang_fgj_2023_print's fonts give Ascent 0 / Descent 0: pdfminer boxes its chars from the baseline up,
    PDFium from the descent of its glyphs, so one header line groups differently; its cells, links and findings
    do not change."""
    assert_engines_agree(path, monkeypatch)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from evaluation.synth import generate

    return generate(tmp_path_factory.mktemp("synth"), 6, seed=12, formats=["pdf", "pdf-unruled"], error_rate=0.5)


@pytest.mark.parametrize("index", range(6))
def test_engines_agree_on_generated_reports(generated: list[Path], index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_engines_agree(generated[index], monkeypatch)


# --- PDFium's chars and rules are pdfminer's ------------------------------------------------------------------


def both(data: bytes) -> tuple[list, list]:
    """Given a PDF's bytes, return pdfminer's pages and PDFium's (None for a page PDFium leaves to pdfminer)."""
    miner = list(read_pages(PDFDocument(PDFParser(io.BytesIO(data)))))
    pages, _ = pdfium.read_pages(data)
    return miner, pages


def objects(page: Any) -> tuple[list, list]:
    """Given a page's chars and rules, return them in a stable order."""
    chars = sorted((c["text"], *(c[k] for k in ("x0", "x1", "top", "bottom", "size"))) for c in page.chars)
    edges = sorted((e["orientation"], *(e[k] for k in ("x0", "x1", "top", "bottom"))) for e in page.edges)
    return chars, edges


def assert_alike(pdfium_page: Any, pdfminer_page: Any) -> None:
    """Given one page as both engines read it, assert the same chars and rules, to 0.002 pt: PDFium computes in
    float32, so a coordinate can land one 0.001-pt step from pdfminer's."""
    for ours, theirs in zip(objects(pdfium_page), objects(pdfminer_page)):
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs):
            assert a[0] == b[0] and a[1:] == pytest.approx(b[1:], abs=0.002)


def drawn(draw) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, HEIGHT))
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def table_with_form(c) -> None:
    """A ruled grid drawn inside a form XObject placed with a translation, text beside and inside it, a rounded box,
    a white box and a near-white rule nobody sees, CMYK and RGB rules, and horizontally scaled text."""
    c.beginForm("grid")
    for i in range(5):
        c.line(100, 500 + 20 * i, 400, 500 + 20 * i)
    for x in (100, 250, 325, 400):
        c.line(x, 500, x, 580)
    c.endForm()
    c.saveState()
    c.translate(12.5, -30.25)
    c.doForm("grid")
    c.restoreState()
    c.setFont(FONT, 9)
    for i, (label, value) in enumerate([("一、本年新收申请", "3119"), ("二、上年结转", "61"), ("合计", "3180")]):
        c.drawString(120, 475 + 20 * i, label)
        c.drawRightString(330, 475 + 20 * i, value)
    c.roundRect(60, 300, 200, 80, 10, stroke=1, fill=0)
    c.setFillColorRGB(1, 1, 1)
    c.rect(60, 200, 300, 60, stroke=0, fill=1)
    c.setStrokeGray(0.995)
    c.line(60, 190, 400, 190)
    c.setStrokeColorCMYK(0, 0, 0, 1)
    c.line(60, 180, 400, 180)
    c.setStrokeColorRGB(0.2, 0.3, 0.4)
    c.rect(450, 100, 0.5, 300, stroke=1, fill=0)
    c.setFillColorRGB(0, 0, 0)
    text = c.beginText(60, 150)
    text.setFont(FONT, 10.5)
    text.setHorizScale(80)
    text.setCharSpace(0.5)
    text.textLine("全年共受理政府信息公开申请 3119 件")
    text.setFont("Helvetica", 10)
    text.textLine("Helvetica 2024 (ABC)")
    c.drawText(text)


def test_pdfium_gives_pdfminers_chars_and_rules() -> None:
    miner, pages = both(drawn(table_with_form))
    assert pages[0] is not None
    assert_alike(pages[0], miner[0])
    chars, edges = objects(pages[0])
    # 9 grid rules, the rounded box's 4 sides, the thin rect's 4 and 2 dark lines; the white box and line are not seen
    assert len(edges) == 19 and any(c[0] == "A" for c in chars)


def test_chars_are_snapped_as_snap_rounds_each_coordinate() -> None:
    """A page's char boxes are snapped together in NumPy: to the numbers snap() gives each coordinate, halves of a
    thousandth included, and a box at no finite place sends the page to pdfminer."""
    height = 841.89
    sides = [(0.0005, 12.3455, 700.0005, 690.9995), (-0.0015, 1e6 + 0.0005, 0.1234567, -3.0005), (5.0, 5.0, 5.0, 5.0)]
    boxes = [(text, "F", *box) for text, box in zip("一2三", sides)]
    expected = [{"text": text, "x0": snap(left), "x1": snap(right), "top": snap(height - top),
                 "bottom": snap(height - bottom), "size": snap(top - bottom), "fontname": "F"}
                for text, _, left, right, top, bottom in boxes]
    assert pdfium.snapped_chars(boxes, height) == expected
    assert pdfium.snapped_chars([], height) == []
    with pytest.raises(pdfium.Unsupported):
        pdfium.snapped_chars(boxes + [("x", "F", 0.0, float("inf"), 1.0, 0.0)], height)


def one_char_objects(c) -> None:
    """Text objects of one CJK char each (a table's cells, 业 and 本 of ReportLab's wrapped labels) beside longer ones,
    in STSong-Light, which the file does not embed."""
    c.setFont(FONT, 9)
    c.drawString(100, 700, "业")
    c.drawString(100, 689, "本")
    c.drawString(100, 660, "本年新收政府信息公开申请")
    c.drawRightString(330, 660, "3")


def test_one_char_text_objects_are_read_by_pdfium() -> None:
    """PDFium has no glyph box for a char of a font neither embedded nor installed, so an object of one such char has
    a box of no width, which its text page drops: PDFium still reads the page (stroked, the object has a box), with
    pdfminer's chars, and does not leave it to pdfminer."""
    miner, pages = both(drawn(one_char_objects))
    assert pages[0] is not None
    assert_alike(pages[0], miner[0])
    assert [c["text"] for c in pages[0].chars if c["text"] in "业本3"] == ["业", "本", "本", "3"]


def tiny_text(c) -> None:
    """Text objects of a font size so small that their box is narrower than PDFium's text page keeps (in any font,
    installed or not), between ordinary lines."""
    c.setFont("Helvetica", 12)
    c.drawString(100, 700, "before 2024")
    c.setFont("Helvetica", 0.001)
    c.drawString(100, 680, "x")
    c.setFont("Helvetica", 12)
    c.drawString(100, 660, "after 3119")


def test_boxless_text_objects_are_read_by_pdfium() -> None:
    """An object the text page drops for its box's width is made one it keeps and the page read again: PDFium reads
    the page, with pdfminer's chars, the tiny one in its place."""
    miner, pages = both(drawn(tiny_text))
    assert pages[0] is not None
    assert_alike(pages[0], miner[0])
    assert "".join(c["text"] for c in pages[0].chars) == "before 2024xafter 3119"


def turned_page(c) -> None:
    c.setPageRotation(90)
    c.setFont(FONT, 12)
    c.drawString(100, 700, "第 1 页横排正文 2024 年")
    c.line(100, 690, 300, 690)
    c.rect(100, 600, 150, 40)


def test_a_turned_page_reads_alike() -> None:
    """/Rotate 90: coordinates on the page as it is shown (reportlab's MediaBox is 842 wide), as pdfminer gives them."""
    miner, pages = both(drawn(turned_page))
    assert pages[0] is not None and pages[0].height == 842
    assert_alike(pages[0], miner[0])
    assert min(c["top"] for c in pages[0].chars) == 100  # the line drawn at x = 100 is 100 pt from the top


def rotated_text(c) -> None:
    c.setFont(FONT, 12)
    c.drawString(100, 700, "正文一行")
    for angle, text in ((90, "竖排的表格标题 2024"), (30, "斜排 30 度"), (180, "倒排 3119")):
        c.saveState()
        c.translate(300, 400)
        c.rotate(angle)
        c.drawString(0, 0, text)
        c.restoreState()


def test_rotated_text_reads_alike() -> None:
    """Boxes through the whole text matrix: text turned 90°, 30° or 180° boxes like pdfminer's."""
    miner, pages = both(drawn(rotated_text))
    assert pages[0] is not None
    assert_alike(pages[0], miner[0])


def test_mirrored_text_is_left_to_pdfminer(tmp_path: Path) -> None:
    """PDFium reads mirrored text right to left and drops its spaces: pdfminer reads that page."""

    def mirrored(c) -> None:
        c.setFont(FONT, 12)
        c.drawString(100, 700, "正文一行")
        c.scale(-1, 1)
        c.drawString(-300, 400, "镜像 12")

    data = drawn(mirrored)
    assert both(data)[1] == [None]
    path = tmp_path / "mirrored.pdf"
    path.write_bytes(data)
    assert texts(path, "pdfium") == texts(path, "pdfminer")


def test_unreadable_files_are_left_to_pdfminer(tmp_path: Path) -> None:
    from test_ingest_pdf import unmapped_pdf

    with pytest.raises(IngestError) as err:
        read_pdf(tmp_path / "cid.pdf", unmapped_pdf(), "0", "pdfium")
    assert err.value.code == "unmapped_font"  # PDFium has no Unicode for the chars: pdfminer reads the page
    whole = drawn(table_with_form)
    with pytest.raises(IngestError) as err:
        read_pdf(tmp_path / "cut.pdf", whole[: len(whole) // 2], "0", "pdfium")
    assert err.value.code == "corrupt"  # PDFium would repair it and read what is left: pdfminer refuses it


def test_pdf_engine_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from extraction.cli import app

    path = tmp_path / "form.pdf"
    path.write_bytes(drawn(table_with_form))
    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "pdfium")  # restored after the test; the command sets it
    outputs = [CliRunner().invoke(app, ["check", str(path), "--json", "--pdf-engine", e]).output for e in ("pdfminer", "pdfium")]
    assert outputs[0] == outputs[1] and '"path"' in outputs[0]


def test_a_second_thread_reads_with_pdfminer(tmp_path: Path) -> None:
    """PDFium is not thread-safe: while one thread is in it, another reads its PDF with pdfminer."""
    path = tmp_path / "form.pdf"
    path.write_bytes(drawn(table_with_form))
    alone = texts(path, "pdfium")
    with pdfium.IN_USE:
        with pytest.raises(pdfium.Unsupported):
            pdfium.read_pages(path.read_bytes())
        assert texts(path, "pdfium") == alone
