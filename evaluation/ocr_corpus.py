"""Image-only versions of the labeled reports, as scanners and image publishers hand them out (issue 13).

Every labeled report is printed to a PDF with a text layer (a PDF as it is; HTML, DOCX and text reports as a
browser prints their content, evaluation/printing.py), its pages are rendered at each resolution asked for, made
a little worse as a scan is (a slight rotation, blur, JPEG artifacts and sensor noise; seeded, so the same seed
gives the same bytes), and written as image-only PDFs, multi-page TIFFs and PNG pages. Each scorable file gets
the source's gold label under its own name, so `zfxxgk eval OUT` scores the image reading like any other; the
text-layer PDF that was rendered goes into OUT/text-layer with its gold, the reference the image reading is
compared with (links and findings "as on the text layer").

Layout of OUT: text-layer/<stem>.text-layer.pdf; <form>-<dpi>dpi-<variant>/<stem>.<dpi>dpi-<variant>.<ext>, each
beside its .gold.json; PNG pages go to png-<dpi>dpi-<variant>/<stem>.<dpi>dpi-<variant>/page-NNN.png, without
a gold (a gold label belongs to a whole report, not to one of its pages).
"""
from __future__ import annotations

import hashlib
import io
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from evaluation.run import GOLD_SUFFIX, find_documents
from evaluation.scoring import Json

VARIANTS = ("clean", "rotated", "blurred", "jpeg", "scanned")  # scanned: rotated, blurred and JPEG at once
FORMS = ("pdf", "tiff", "png")
TEXT_LAYER = "text-layer"
POINTS_PER_INCH = 72
ROTATION_DEGREES = (0.3, 1.5)  # a sheet fed slightly askew, either way
BLUR_POINTS = (0.15, 0.3)  # Gaussian radius in points, so the same optics at every resolution
JPEG_QUALITY = (35, 60)  # what scanners and image publishers use to keep a report small
NOISE_GRAY_LEVELS = (2.0, 5.0)  # standard deviation of the sensor noise added before JPEG encoding
WHITE = 255


@dataclass(frozen=True)
class Degradation:
    """What one page goes through: rotation in degrees, blur radius in pixels, JPEG quality and noise (None: none)."""

    degrees: float = 0.0
    blur_px: float = 0.0
    jpeg_quality: int | None = None
    noise: float = 0.0


@dataclass(frozen=True)
class Page:
    """One page image (grayscale) with its JPEG encoding when the variant is a JPEG one (the bytes a scanned PDF
    embeds as they are)."""

    image: Image.Image
    jpeg: bytes | None = None


def page_seed(seed: int, document: str, dpi: int, variant: str, page: int) -> int:
    """Given the corpus seed and what a page is, return its own seed: pages draw independently of each other and
    of the order they are generated in."""
    digest = hashlib.sha256(f"{seed}/{document}/{dpi}/{variant}/{page}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def degradation(variant: str, dpi: int, rng: np.random.Generator) -> Degradation:
    """Given a variant, the resolution and a random generator, return what a page of that variant goes through."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; known: {', '.join(VARIANTS)}")
    rotated, blurred, jpeg = (variant in (name, "scanned") for name in ("rotated", "blurred", "jpeg"))
    return Degradation(
        degrees=float(rng.uniform(*ROTATION_DEGREES) * rng.choice((-1, 1))) if rotated else 0.0,
        blur_px=float(rng.uniform(*BLUR_POINTS) * dpi / POINTS_PER_INCH) if blurred else 0.0,
        jpeg_quality=int(rng.integers(JPEG_QUALITY[0], JPEG_QUALITY[1] + 1)) if jpeg else None,
        noise=float(rng.uniform(*NOISE_GRAY_LEVELS)) if jpeg else 0.0,
    )


def degrade(image: Image.Image, how: Degradation, rng: np.random.Generator) -> Page:
    """Given a clean grayscale page, what it goes through and a random generator (for the noise), return the page."""
    if how.degrees:
        image = image.rotate(how.degrees, resample=Image.Resampling.BICUBIC, fillcolor=WHITE)
    if how.blur_px:
        image = image.filter(ImageFilter.GaussianBlur(how.blur_px))
    if how.jpeg_quality is None:
        return Page(image)
    noisy = np.asarray(image, dtype=np.float32) + rng.normal(0.0, how.noise, (image.height, image.width))
    image = Image.fromarray(np.clip(np.rint(noisy), 0, WHITE).astype(np.uint8), "L")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=how.jpeg_quality)
    jpeg = buffer.getvalue()
    return Page(Image.open(io.BytesIO(jpeg)).convert("L"), jpeg)


def text_layer_pdf(document: Path) -> bytes:
    """Given a labeled report, return it as a PDF with a text layer: a PDF as it is, any other format as a browser
    prints its content (the robustness mutation pdf-from-html, whose audit equals the original's)."""
    from extraction.ingest import read_source, sniff

    data = document.read_bytes()
    if sniff(data, document.name) == "pdf":
        return data
    from evaluation.content import content_of
    from evaluation.printing import render_pdf

    return render_pdf(content_of(read_source(document, data)))


def rendered_pages(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Given a PDF and a resolution, return every page rendered in grayscale."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_pil().convert("L") for page in document]
    finally:
        document.close()


def renders_cjk_without_embedding() -> bool:
    """Return whether this machine draws Chinese set in a font the PDF does not embed (the synthetic PDFs' STSong-Light):
    PDFium then borrows an installed CJK font, and with none it draws no ink at all, so such a PDF renders without its
    labels (a CI machine installs fonts-wqy-microhei; a bare one may have no CJK font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from evaluation.synth.layouts.pdf import FONT

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(60, 30), invariant=1)
    pdf.setFont(FONT, 20)
    pdf.drawString(5, 8, "政府")
    pdf.save()
    return bool((np.asarray(rendered_pages(buffer.getvalue(), POINTS_PER_INCH)[0]) < 128).any())


def pdf_object(number: int, body: bytes) -> bytes:
    """Given an object number and its body, return the indirect object."""
    return b"%d 0 obj\n" % number + body + b"\nendobj\n"


def stream(dictionary: bytes, data: bytes) -> bytes:
    """Given a stream's dictionary entries (without Length) and its data, return the stream object body."""
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def image_pdf(pages: list[Page], dpi: int) -> bytes:
    """Given page images and their resolution, return an image-only PDF (no text layer, as a scanner writes it):
    each page as large as its image at that resolution, JPEG pages embedded as they are (DCTDecode), the others
    lossless (FlateDecode)."""
    count = len(pages)
    # Objects: 1 catalog, 2 page tree, then per page: page, content stream, image.
    kids = b" ".join(b"%d 0 R" % (3 + 3 * i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for i, page in enumerate(pages):
        width, height = page.image.size
        points = (width * POINTS_PER_INCH / dpi, height * POINTS_PER_INCH / dpi)
        box = b"%.4f %.4f" % points
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s] /Resources << /XObject << /Im0 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (box, 5 + 3 * i, 4 + 3 * i))
        objects.append(stream(b"", b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % points))
        data, decode = (page.jpeg, b"/DCTDecode") if page.jpeg else (zlib.compress(page.image.tobytes(), 9), b"/FlateDecode")
        objects.append(stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                              b"/BitsPerComponent 8 /Filter %s" % (width, height, decode), data))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += pdf_object(number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def tiff(pages: list[Page], dpi: int) -> bytes:
    """Given page images and their resolution, return them as one multi-page TIFF (lossless, as decoded)."""
    buffer = io.BytesIO()
    first, *rest = [page.image for page in pages]
    first.save(buffer, "TIFF", save_all=True, append_images=rest, compression="tiff_adobe_deflate", dpi=(dpi, dpi))
    return buffer.getvalue()


def png(page: Page, dpi: int) -> bytes:
    """Given one page image and its resolution, return it as a PNG."""
    buffer = io.BytesIO()
    page.image.save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


def renamed_gold(gold: Json, name: str, fmt: str, rendered: Json) -> Json:
    """Given a source's gold label, the new document's file name, its format and how it was made, return the
    label of the new document (the same cells, mentions and findings)."""
    return {**gold, "document": name, "format": fmt, "rendered": rendered}


def write(path: Path, data: bytes) -> Path:
    """Given a path and bytes, write them (creating the folder) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_labeled(folder: Path, name: str, data: bytes, gold: Json) -> Path:
    """Given a folder, a file name, its bytes and its gold label, write both side by side and return the file."""
    path = write(folder / name, data)
    label = json.dumps(gold, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    write(folder / (path.stem + GOLD_SUFFIX), label.encode("utf-8"))
    return path


@dataclass(frozen=True)
class Plan:
    """What to generate: resolutions, variants, output forms and the seed."""

    dpis: tuple[int, ...] = (150, 300)
    variants: tuple[str, ...] = ("clean", "rotated", "blurred", "jpeg")
    forms: tuple[str, ...] = ("pdf", "tiff")
    seed: int = 0

    def __post_init__(self) -> None:
        unknown = [v for v in self.variants if v not in VARIANTS] + [f for f in self.forms if f not in FORMS]
        if unknown or not (self.dpis and self.variants and self.forms) or min(self.dpis) <= 0:
            raise ValueError(f"nothing to generate or unknown names: {unknown or 'empty list or dpi <= 0'}; "
                             f"variants: {', '.join(VARIANTS)}; forms: {', '.join(FORMS)}")


def render_document(document: Path, gold: Json, out: Path, plan: Plan) -> list[Path]:
    """Given one labeled report, its gold, the output folder and the plan, write its text-layer PDF and every
    image version; return the files written (gold labels and PNG pages not included)."""
    stem = document.stem
    pdf = text_layer_pdf(document)
    text_name = f"{stem}.{TEXT_LAYER}.pdf"
    written = [write_labeled(out / TEXT_LAYER, text_name, pdf, renamed_gold(gold, text_name, "pdf", {
        "source": document.name, "source_format": gold.get("format")}))]
    for dpi in plan.dpis:
        clean = rendered_pages(pdf, dpi)
        for variant in plan.variants:
            pages = []
            for number, image in enumerate(clean, start=1):
                rng = np.random.default_rng(page_seed(plan.seed, document.name, dpi, variant, number))
                pages.append(degrade(image, degradation(variant, dpi, rng), rng))
            tag = f"{dpi}dpi-{variant}"
            rendered = {"source": document.name, "source_format": gold.get("format"), "text_layer": text_name,
                        "dpi": dpi, "variant": variant, "seed": plan.seed}
            if "pdf" in plan.forms:
                name = f"{stem}.{tag}.pdf"
                written.append(write_labeled(out / f"pdf-{tag}", name, image_pdf(pages, dpi),
                                             renamed_gold(gold, name, "scanned-pdf", rendered)))
            if "tiff" in plan.forms:
                name = f"{stem}.{tag}.tiff"
                written.append(write_labeled(out / f"tiff-{tag}", name, tiff(pages, dpi),
                                             renamed_gold(gold, name, "image", rendered)))
            if "png" in plan.forms:
                for number, page in enumerate(pages, start=1):
                    write(out / f"png-{tag}" / f"{stem}.{tag}" / f"page-{number:03d}.png", png(page, dpi))
    return written


def generate(paths: Iterable[Path], out: Path, plan: Plan) -> list[Path]:
    """Given report files or folders (each report beside its gold), an output folder and the plan, write the
    corpus and return the labeled files written."""
    written: list[Path] = []
    for document, gold in find_documents(paths):
        written += render_document(document, gold, out, plan)
    return written
