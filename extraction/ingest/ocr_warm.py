"""Importing this module loads what a PDF or a scanned page needs (PDFium, pdfminer.six and pdfplumber, NumPy, OpenCV
and the OCR engine with its models) and runs each once on a small page drawn here (the recogniser reads a line of digits), so that their first-call setup is
done too.

The batch's forkserver imports it when the documents may need it (extraction.batch.may_need_ocr): every worker forked
from there, including one that replaces a killed worker, starts with them loaded instead of loading them on its first
PDF. Nothing else imports it: `check` of a text file never loads them (tests/test_cold_start.py).
"""
from __future__ import annotations

from extraction.ingest import ocr, pdf, pdfium  # noqa: F401 - imported to be loaded before the workers fork

WARM_PAGE_POINTS = (200.0, 100.0)  # a blank PDF page rendered once: PDFium's renderer set up
WARM_PIXELS = (120, 600)  # the page OCR reads once, a line of digits drawn with OpenCV's own font (no font file)
WARM_TEXT, WARM_ORIGIN, WARM_SCALE, WARM_STROKE = "2023 12 345", (20, 80), 1.6, 3


def warm() -> None:
    """Render a blank PDF page with PDFium and read a drawn page with the OCR engine (when its extra is installed)."""
    import pypdfium2

    with pdfium.IN_USE:
        document = pypdfium2.PdfDocument.new()
        page = document.new_page(*WARM_PAGE_POINTS)
        page.render(scale=1, grayscale=True)
        page.close()
        document.close()
    if not ocr.available():
        return
    import cv2
    import numpy as np

    pixels = np.full(WARM_PIXELS, 255, np.uint8)
    cv2.putText(pixels, WARM_TEXT, WARM_ORIGIN, cv2.FONT_HERSHEY_SIMPLEX, WARM_SCALE, 0, WARM_STROKE)
    ocr.page_objects(ocr.Image(pixels, ocr.DPI), 1)  # the detector and the recogniser each run once


warm()
