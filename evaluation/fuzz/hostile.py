"""Adversarial inputs for the cost limits, small on disk: every one must be answered with a typed error, in bounded
time and memory, and a batch must go on after it.

Each writer takes a folder and returns the path it wrote: a PDF of 10,000 pages, a PDF of 1000 image-only pages
(all of them for OCR), PDFs whose objects refer to themselves, a PDF whose font declares widths for 100 billion codes
or maps four billion codes in one range,
a Word zip bomb, HTML nested 100,000 deep and a sparse 1 GB file.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (page) Tj ET"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bytes(objects: list[bytes], root: int = 1) -> bytes:
    """Given object bodies (object n is objects[n-1]), return a PDF file with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(content: bytes, extra: bytes = b"") -> bytes:
    """Given content bytes, return a stream object body."""
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def many_pages_pdf(folder: Path, pages: int = 10_000, declared: int | None = None) -> Path:
    """Given a folder, write a PDF of `pages` pages sharing one content stream (its page tree may declare another
    count, as a lying file would); return its path."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages if declared is None else declared, kids),
        stream(PAGE_TEXT),
        FONT,
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    objects += [page] * pages
    path = folder / f"pages_{pages}.pdf"
    path.write_bytes(pdf_bytes(objects))
    return path


def wide_font_pdf(folder: Path, last_code: int = 99_999_999_999) -> Path:
    """Given a folder, write a one-page PDF drawing text in a CID font whose /W array gives one width to the codes 0 to
    `last_code` (the campaign's memory failure: pdfminer expands such a range one entry per code); return its path."""
    return _cid_font_pdf(folder / "wide_font.pdf", b"/W [0 %d 500] /W2 [0 %d 880 500 -1000]" % (last_code, last_code),
                         b"<0041> <0042> <0041>")


def wide_map_pdf(folder: Path) -> Path:
    """Given a folder, write a one-page PDF whose font's ToUnicode map gives the codes 0 to FFFFFFFF one range (four
    billion entries, one by one, in pdfminer); return its path."""
    return _cid_font_pdf(folder / "wide_map.pdf", b"/W [65 [500 500]]", b"<00000000> <FFFFFFFF> <0041>")


def _cid_font_pdf(path: Path, widths: bytes, bfrange: bytes) -> Path:
    """Given a path, a CID font's width entries and one ToUnicode bfrange, write a one-page PDF drawing AB in that
    font; return the path."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 12 Tf 72 720 Td <00410042> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Wide /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Wide /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity)"
        b" /Supplement 0 >> %s >>" % widths,
        stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF>"
               b" endcodespacerange 1 beginbfrange %s endbfrange endcmap end end" % bfrange),
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


def stripes(width: int = 96, height: int = 24) -> tuple[int, int, bytes]:
    """Return a small grey image (width, height, one byte a pixel): dark vertical strokes on white paper."""
    row = bytes(0 if x % 6 < 2 else 255 for x in range(width))
    return width, height, row * height


def image_only_pdf(folder: Path, pages: int = 1000, image: tuple[int, int, bytes] | None = None,
                   size: tuple[float, float] = (144.0, 72.0)) -> Path:
    """Given a folder, write a PDF of `pages` pages of `size` points, each drawing one grey image (width, height,
    pixels; small stripes by default) over the whole page and nothing else: a scan with no text layer, every page for
    OCR. The image is stored once and shared, so the file stays small; return its path."""
    width, height, pixels = image or stripes()
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids),
        stream(b"q %g 0 0 %g 0 0 cm /Im0 Do Q" % size),
        stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                                      b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height)),
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 3 0 R /Resources << /XObject << /Im0 4 0 R >> >> >>"
            % size)
    objects += [page] * pages
    path = folder / f"scanned_{pages}.pdf"
    path.write_bytes(pdf_bytes(objects))
    return path


def circular_pdfs(folder: Path) -> list[Path]:
    """Given a folder, write PDFs whose objects refer to themselves: a reference to itself as the page contents,
    two objects referring to each other, a page tree that is its own kid, and a form that draws itself."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %s /Resources %s >>"
    fonts = b"<< /Font << /F1 4 0 R >> >>"
    cases = {
        "self_reference": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                           page % (b"5 0 R", fonts), FONT, b"5 0 R"],
        "mutual_reference": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                             page % (b"5 0 R", fonts), FONT, b"6 0 R", b"5 0 R"],
        "page_tree_loop": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 2 /Kids [3 0 R 2 0 R] /Parent 2 0 R >>",
                           page % (b"5 0 R", fonts), FONT, stream(PAGE_TEXT)],
        "form_draws_itself": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                              page % (b"5 0 R", b"<< /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >>"), FONT,
                              stream(PAGE_TEXT + b" /X Do"),
                              stream(PAGE_TEXT + b" /X Do", b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                                            b"/Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >>")],
    }
    paths = []
    for name, objects in cases.items():
        path = folder / f"circular_{name}.pdf"
        path.write_bytes(pdf_bytes(objects))
        paths.append(path)
    return paths


def docx_zip_bomb(folder: Path, unpacked_mb: int = 1024) -> Path:
    """Given a folder, write a .docx whose word/document.xml unpacks to `unpacked_mb` MB (about 1 MB on disk)."""
    path = folder / "bomb.docx"
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            for _ in range(unpacked_mb):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def deep_html(folder: Path, depth: int = 100_000) -> Path:
    """Given a folder, write an HTML page whose body nests `depth` elements, with report words at the bottom."""
    path = folder / f"deep_{depth}.html"
    path.write_bytes(b"<html><body>" + b"<div>" * depth + "政府信息公开工作年度报告".encode() + b"</div>" * depth
                     + b"</body></html>")
    return path


def sparse_file(folder: Path, size: int = 1 << 30) -> Path:
    """Given a folder, write a sparse file of `size` bytes (nothing on disk); return its path."""
    path = folder / "huge.pdf"
    with path.open("wb") as fh:
        fh.truncate(size)
    return path
