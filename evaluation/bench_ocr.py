"""OCR benchmark: seconds per page on one core, and how many of a text layer's numeric table cells the OCR reads
exactly, for pages of real PDFs rendered at a given resolution; Tesseract (chi_sim, when installed) beside RapidOCR.

    python -m evaluation.bench_ocr ../shared/corpus/real/huaian_2024.pdf ... --dpi 300 --dpi 200 [--tesseract]

Each engine reads the same rendered page; a cell counts as read when the chars whose centre lies in the text layer's
cell box, joined, equal the printed number. Figures only: no threshold, nothing asserted.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from extraction.ingest import ocr, read_source
from extraction.ingest.pdf import NUMBER

POINTS_PER_INCH = 72


def numeric_cells(pdf: Path) -> dict[int, list[tuple[str, tuple[float, float, float, float]]]]:
    """Given a PDF with a text layer, return per page its table cells that print a number, with their boxes."""
    cells: dict[int, list[tuple[str, tuple[float, float, float, float]]]] = {}
    for table in read_source(pdf).tables:
        for cell in (c for row in table.rows for c in row if c is not None and c.where.bbox):
            if NUMBER.fullmatch(cell.text.strip()):
                cells.setdefault(table.where.page or 0, []).append((cell.text.strip(), cell.where.bbox))
    return cells


def read_in(boxes: list[tuple[str, float, float, float, float]], bbox: tuple[float, float, float, float]) -> str:
    """Given text pieces with their boxes (text, x0, top, x1, bottom in points) and a cell box, return the pieces whose
    centre lies in the cell, joined left to right."""
    inside = [b for b in boxes if bbox[0] <= (b[1] + b[3]) / 2 <= bbox[2] and bbox[1] <= (b[2] + b[4]) / 2 <= bbox[3]]
    return "".join(b[0] for b in sorted(inside, key=lambda b: (b[2], b[1]))).replace(" ", "")


def rapidocr_pieces(image: ocr.Image, number: int) -> list[tuple[str, float, float, float, float]]:
    """Given a page image, return RapidOCR's chars (as the ingester reads them) with their boxes in points."""
    return [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"]) for c in ocr.page_objects(image, number).chars]


def tesseract_pieces(image: ocr.Image, _: int) -> list[tuple[str, float, float, float, float]]:
    """Given a page image, return Tesseract's (chi_sim+eng, one thread) words with their boxes in points."""
    from PIL import Image

    per_point = image.dpi / POINTS_PER_INCH
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.png"
        Image.fromarray(image.pixels).save(path, dpi=(image.dpi, image.dpi))
        tsv = subprocess.run(["tesseract", str(path), "-", "-l", "chi_sim+eng", "--psm", "3", "tsv"], capture_output=True,
                             text=True, check=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}).stdout
    pieces = []
    for line in tsv.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[11].strip():
            x, y, w, h = (int(v) for v in fields[6:10])
            pieces.append((fields[11], x / per_point, y / per_point, (x + w) / per_point, (y + h) / per_point))
    return pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--dpi", type=int, action="append", help="render resolution (repeatable; default 300)")
    parser.add_argument("--tesseract", action="store_true", help="also measure Tesseract (needs tesseract-ocr-chi-sim)")
    parser.add_argument("--pages", type=int, default=0, help="at most this many table pages per PDF (0: all)")
    args = parser.parse_args()
    engines = {"rapidocr": rapidocr_pieces}
    if args.tesseract and shutil.which("tesseract"):
        engines["tesseract"] = tesseract_pieces
    print(f"{'engine':<10} {'dpi':>4} {'pages':>5} {'s/page (1 core)':>16} {'numeric cells exact':>20}")
    for dpi in args.dpi or [300]:
        for name, reader in engines.items():
            pages = right = total = 0
            seconds = 0.0
            for pdf in args.pdfs:
                wanted = numeric_cells(pdf)
                numbers = sorted(wanted)[: args.pages or None]
                saved, ocr.DPI = ocr.DPI, dpi
                try:
                    images = list(ocr.pdf_images(pdf, pdf.read_bytes(), numbers))
                finally:
                    ocr.DPI = saved
                for number, image in images:
                    start = time.process_time() if name == "rapidocr" else time.perf_counter()
                    pieces = reader(image, number)
                    seconds += (time.process_time() if name == "rapidocr" else time.perf_counter()) - start
                    pages += 1
                    for text, bbox in wanted[number]:
                        total += 1
                        right += read_in(pieces, bbox) == text
            print(f"{name:<10} {dpi:>4} {pages:>5} {seconds / max(pages, 1):>16.2f} {f'{right}/{total}':>20}")


if __name__ == "__main__":
    main()
