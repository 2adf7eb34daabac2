"""Bytes -> Source. The format is detected from the content, not only from the file name."""
from __future__ import annotations

import hashlib
from pathlib import Path

from extraction.document import CAPTION_MAX_CHARS, IngestError, Source

# The one size limit for one report, in check, batch and the service alike (the service's --max-upload-mb may lower it). A text-layer
# report is under 20 MB; a scanned one of a hundred pages can reach 50 MB. Larger files are refused, not parsed.
MAX_MB = 50
MAX_BYTES = MAX_MB * 1024 * 1024
# PDFs are read with PDFium, and with pdfminer.six where PDFium cannot read a file or page as pdfminer would
# (extraction.ingest.pdfium); "pdfminer" reads every PDF with pdfminer. The CLI's --pdf-engine sets the variable,
# so batch and service workers inherit it.
PDFIUM, PDFMINER = "pdfium", "pdfminer"
PDF_ENGINES = (PDFIUM, PDFMINER)
PDF_ENGINE_VARIABLE = "ZFXXGK_PDF_ENGINE"


IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF (both byte orders)


def sniff(data: bytes, name: str = "") -> str:
    """Given the first bytes of a file (and its name as a hint), return pdf | docx | html | image | text | unknown."""
    if data.startswith(IMAGE_MAGIC):
        return "image"
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF") or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or name.lower().endswith(".docx") else "unknown"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "unknown"  # legacy .doc/.xls (OLE2): not supported
    lowered = head[:1024].lower()
    if lowered.startswith(b"<!doctype html") or b"<html" in lowered or b"<table" in lowered or b"<body" in lowered:
        return "html"
    if b"\x00" in data[:4096] and not (data[:2] in (b"\xff\xfe", b"\xfe\xff")):
        return "unknown"
    return "text"


def with_captions(source: Source) -> Source:
    """Given a Source read from markup, give each table the short paragraph printed right before it as caption
    (行政诉讼（复议后起诉） above a table of its own)."""
    for table in source.tables:
        if not table.caption and 0 < table.line_index <= len(source.lines):
            text = source.lines[table.line_index - 1].text.strip()
            table.caption = text if len(text) <= CAPTION_MAX_CHARS else ""
    return source


def read_source(path: str | Path, data: bytes | None = None) -> Source:
    """Read one report file into a Source; raise IngestError with a code and a message naming the file."""
    path = Path(path)
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise IngestError("unreadable", f"{path}：无法打开（{exc.strerror or exc}）") from None
        if size > MAX_BYTES:
            raise IngestError("too_large", f"{path}：文件 {size} 字节，超过单份报告 {MAX_MB} MB 的上限")
        data = path.read_bytes()
    elif len(data) > MAX_BYTES:
        raise IngestError("too_large", f"{path}：文件 {len(data)} 字节，超过单份报告 {MAX_MB} MB 的上限")
    if not data or data.isspace():  # strip() would copy the whole file to learn this
        raise IngestError("empty", f"{path}：文件是空的")
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data, path.name)
    if kind == "pdf":
        from extraction.ingest.pdf import read_pdf

        return read_pdf(path, data, sha)
    if kind == "docx":
        from extraction.ingest.docx import read_docx

        return with_captions(read_docx(path, data, sha))
    if kind == "html":
        from extraction.ingest.html import read_html

        return with_captions(read_html(path, data, sha))
    if kind == "text":
        from extraction.ingest.text import read_text

        return read_text(path, data, sha)
    if kind == "image":
        from extraction.ingest.ocr import read_image

        return read_image(path, data, sha)
    raise IngestError("unknown_format", f"{path}：不是 PDF、HTML、DOCX、图片（PNG、JPEG、TIFF）或文本文件（不支持的二进制内容）")
