"""How sure is the OCR engine of the numbers it gets wrong? Calibrates corrections.LOW_OCR_CONFIDENCE.

Pages of PDFs with a text layer are rendered (pypdfium2), degraded like a scan (lower dpi, JPEG), and read by
RapidOCR; every box it reads as a bare number is compared with the text layer's words under it. The script prints,
per confidence band, how many such numbers were read right and wrong, and the share of wrong ones below each
candidate threshold. Needs the OCR extra (rapidocr-onnxruntime).

    python -m evaluation.ocr_confidence ../shared/corpus/real/*.pdf --dpi 100 150 --jpeg 40
"""
from __future__ import annotations

import argparse
import io
import re
import sys
from collections import Counter

NUMBER = re.compile(r"^\d+(\.\d+)?$")
BANDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)


def page_numbers(pdf: str, dpi: int, jpeg: int | None, engine) -> list[tuple[str, str, float]]:
    """Given a PDF, a dpi and a JPEG quality (None: lossless), return (read, true, confidence) for each box OCR
    read as a bare number over a number of the text layer."""
    import numpy as np
    import pdfplumber
    import pypdfium2
    from PIL import Image

    out = []
    document = pypdfium2.PdfDocument(pdf)
    with pdfplumber.open(pdf) as plumber:
        for index, page in enumerate(plumber.pages):
            image = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
            if jpeg is not None:
                buffer = io.BytesIO()
                image.save(buffer, "JPEG", quality=jpeg)
                image = Image.open(buffer).convert("RGB")
            boxes, _ = engine(np.array(image))
            words = page.extract_words()
            for box, text, confidence in boxes or []:
                text = text.strip()
                if not NUMBER.match(text):
                    continue
                xs, ys = [p[0] * 72 / dpi for p in box], [p[1] * 72 / dpi for p in box]
                cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
                under = [w["text"] for w in words if w["x0"] - 2 <= cx <= w["x1"] + 2 and w["top"] - 2 <= cy <= w["bottom"] + 2]
                if len(under) == 1 and NUMBER.match(under[0]):
                    out.append((text, under[0], float(confidence)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+")
    parser.add_argument("--dpi", type=int, nargs="+", default=[150])
    parser.add_argument("--jpeg", type=int, default=None, help="JPEG quality of the rendered page (default: lossless)")
    args = parser.parse_args(argv)
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    right: Counter = Counter()
    wrong: Counter = Counter()
    misreads = []
    for pdf in args.pdfs:
        for dpi in args.dpi:
            for read, true, confidence in page_numbers(pdf, dpi, args.jpeg, engine):
                band = next(b for b in BANDS if confidence < b)
                (right if read == true else wrong)[band] += 1
                if read != true:
                    misreads.append((pdf.rsplit("/", 1)[-1], dpi, true, read, round(confidence, 3)))
    print(f"{'confidence <':>13} {'right':>6} {'wrong':>6}")
    for band in BANDS:
        print(f"{band:>13} {right[band]:>6} {wrong[band]:>6}")
    total_wrong = sum(wrong.values())
    for threshold in (0.8, 0.85, 0.9, 0.95, 0.98):
        below_wrong = sum(n for b, n in wrong.items() if b <= threshold)
        below_right = sum(n for b, n in right.items() if b <= threshold)
        print(f"threshold {threshold}: {below_wrong}/{total_wrong} wrong readings below it, {below_right} right ones too")
    for m in misreads:
        print("  misread", *m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
