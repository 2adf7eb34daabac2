"""Page images -> PageObjects: the chars an OCR engine reads and the ruling lines drawn in the image, in PDF points,
so that extraction.ingest.pdf's layout code turns a scanned page into lines and tables as it does a text layer.

The engine is RapidOCR (PP-OCRv4 detection and recognition in ONNX, the models inside its wheel): it reads printed
Chinese and digits better than Tesseract's chi_sim and needs no system package (README, "Scanned reports"). It is
run with one thread and fixed parameters, so the same image gives the same chars, byte for byte. Nothing here is
imported until an image must be read: the engine, OpenCV and NumPy load with the first scanned page.

Per page: text boxes are detected (on the page reduced to 2000 px on its longest side); the ruling lines are found
with OpenCV morphology (long thin runs of pixels darker than their surroundings, not inside a text box) and erased
from the image the recogniser reads, so that a border next to a digit is not read as a 1; a box holding two lines
is cut into lines, and a table cell with ink but no box gets one; each box is recognised from the full-resolution
image, and each recognised char gets its own box from the recogniser's alignment (its CTC column) and the engine's
confidence in it.
"""
from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extraction.document import UNREAD, IngestError, Problem, Source
from extraction.ingest.pdf import (MAX_PAGES, NUMBER, OCR_ENGINE, Char, Edge, PageObjects, add_page, dedupe_chars, ocr_page_limit,
                                    printed, snap)
from extraction.limits import MAX_OCR_PAGES, ocr_ahead

DPI = 300  # pages of a PDF are rendered at this resolution (measured against 200: README, "Scanned reports")
POINTS_PER_INCH = 72
MAX_PIXELS = 60_000_000  # one page image: an A4 page at 600 dpi is 35 M; more is not a page, and costs minutes
IMAGE_DPI = 300  # an image file's resolution when it states none: what scanners use for documents
MIN_IMAGE_DPI, MAX_IMAGE_DPI = 50, 1200  # a stated resolution outside this is a wrong header, not a scan
DETECT_BOX_SCORE = 0.3  # the detector's least mean score for a text box; at its default (0.5) it drops lone digits
INK = 160  # a grey level darker than this is a character's ink; shaded cell backgrounds (about 200-230) are paper
PAPER = 235  # a page with no pixel darker than this is blank
RULE_CONTRAST = 20  # a rule is this much darker than the mean of its surroundings: light grey rules count, shading not
RULE_WINDOW_POINTS = 3.0  # the surroundings a pixel is compared with (a square this wide)
RULE_MIN_POINTS = (36.0, 14.0)  # horizontal, vertical: shorter runs of ink are strokes of a character
RULE_MAX_POINTS = 4.0  # a rule is thinner than this; a thicker run is a filled box or a bold glyph
CELL_INSET = 4  # px: a cell's ink is looked for this far inside its rules (left over from their erasure)
MIN_INK_PIXELS = 20  # fewer dark pixels in a cell are dust, not a character
LINE_MIN_POINTS = 5.0  # a band of ink this tall is a line of text; thinner ones are strokes (二) or specks
SAME_BOX_SHARE = 0.5  # two text boxes overlapping by this share of the smaller one hold the same text
BOX_MARGIN = 0.25  # a stroke this share of a text box's height outside it is still the box's character
ERASE_MARGIN = 2  # px around a found rule also erased: its anti-aliased edge
CROP_PAD = 0.3  # a text box's crop gains this share of its height of paper left and right: the recogniser misreads
# a lone narrow digit it sees edge to edge
REREAD_BELOW = 0.9  # a box read with less mean confidence is read again (corrections.LOW_OCR_CONFIDENCE: the same bar)
REREAD_RIM = 0.3  # the second look adds this share of the box's height of paper above and below: the recogniser,
# trained on lines with paper around them, reads a lone digit cropped tight to its ink as o or 。 or at 0.3-0.8, and
# at 0.9 with this rim (hongze_2023 p. 4 at 300 dpi); a rim on every box costs time and misreads some headings
MIN_TEXT_SCORE = 0.3  # a recognised box below this mean confidence is noise, or a glyph the engine cannot read
THREADS = 1  # onnxruntime threads: one thread sums in a fixed order, so the output is the same on every run
CJK_CHAR = ("\u3400", "\u9fff")


@dataclass(frozen=True)
class Image:
    """One page image: grey levels (a 2-D uint8 array, 0 black) and its resolution."""

    pixels: Any
    dpi: float


def available() -> bool:
    """Return whether the OCR extra (rapidocr-onnxruntime, with OpenCV and NumPy) is installed."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("rapidocr_onnxruntime", "cv2", "numpy"))


def unavailable(path: Path, what: str) -> IngestError:
    """Given a file and what in it needs OCR, return the typed error for a machine without the OCR extra."""
    return IngestError("ocr_unavailable", f"{path}：{what}需要 OCR 识别，但未安装 OCR 组件（pip install 'zfxxgk[ocr]'）")


@lru_cache(maxsize=1)
def engine() -> Any:
    """Return the process's one RapidOCR engine, built on first use with fixed parameters and one thread."""
    from rapidocr_onnxruntime import RapidOCR

    # the detector reduces a page to 2000 px on its longest side ("max"); the recogniser reads full-size crops
    return RapidOCR(intra_op_num_threads=THREADS, inter_op_num_threads=THREADS, use_cls=False, det_limit_type="max",
                    det_box_thresh=DETECT_BOX_SCORE, print_verbose=False)


# --- images ----------------------------------------------------------------------------------------------


def checked_size(path: Path, width: int, height: int) -> None:
    """Given an image's size in pixels, raise IngestError too_large when it is past MAX_PIXELS."""
    if width * height > MAX_PIXELS:
        raise IngestError("too_large", f"{path}：图片 {width}×{height} 像素，超过单页 {MAX_PIXELS // 1_000_000} 百万像素的上限")


def image_dpi(info: dict[str, Any]) -> float:
    """Given a Pillow image's info, return its resolution: the stated one when plausible, else IMAGE_DPI."""
    stated = info.get("dpi")
    try:
        dpi = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    return dpi if MIN_IMAGE_DPI <= dpi <= MAX_IMAGE_DPI else IMAGE_DPI


@contextmanager
def decoding(path: Path) -> Iterator[None]:
    """Within the block, what Pillow raises on bytes it cannot decode becomes IngestError corrupt or too_large."""
    from PIL import Image as PilImage, UnidentifiedImageError

    try:
        yield
    except PilImage.DecompressionBombError as exc:
        raise IngestError("too_large", f"{path}：图片过大（{exc}）") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise IngestError("corrupt", f"{path}：图片无法解码（{exc}）") from None


def open_image(path: Path, data: bytes) -> Any:
    """Given an image file's bytes (PNG, JPEG, TIFF; a multi-page TIFF is several pages), return it opened, its pages
    not yet decoded. Raise IngestError corrupt for bytes Pillow cannot read, too_many_pages past MAX_PAGES."""
    from PIL import Image as PilImage

    with decoding(path):
        with warnings.catch_warnings():  # past MAX_PIXELS the header's size is refused in file_images, before decoding
            warnings.simplefilter("ignore", PilImage.DecompressionBombWarning)
            picture = PilImage.open(io.BytesIO(data))
        frames = getattr(picture, "n_frames", 1)
    if frames > MAX_PAGES:
        raise IngestError("too_many_pages", f"{path}：{frames} 页，超过单份报告 {MAX_PAGES} 页的上限")
    return picture


def file_images(path: Path, picture: Any, pages: int) -> Iterator[Image]:
    """Given an opened image file and how many of its pages to read, yield them in grey. Raise IngestError corrupt for
    a page Pillow cannot decode, too_large for one past MAX_PIXELS."""
    import numpy as np
    from PIL import ImageSequence

    with decoding(path):
        for _, frame in zip(range(pages), ImageSequence.Iterator(picture)):
            checked_size(path, *frame.size)
            yield Image(np.asarray(frame.convert("L")), image_dpi(frame.info))


def pdf_images(path: Path, data: bytes, numbers: list[int]) -> Iterator[tuple[int, Image]]:
    """Given a PDF's bytes and the numbers of pages to read from their image, yield each page PDFium can render, in
    grey at DPI (less for a page so large that DPI would pass MAX_PIXELS). Raise IngestError corrupt for a file PDFium
    cannot open. PDFium is held (it is not thread-safe) while it renders, not while the page is read."""
    import numpy as np
    import pypdfium2 as pdfium

    from extraction.ingest.pdfium import IN_USE

    with IN_USE:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise IngestError("corrupt", f"{path}：PDF 页面无法渲染（{exc}），不能 OCR 识别") from None
    try:
        for number in numbers:
            with IN_USE:
                try:
                    page = document[number - 1]
                except pdfium.PdfiumError:
                    continue  # a page PDFium cannot load stays unread
                try:
                    width, height = page.get_size()
                    scale = min(DPI / POINTS_PER_INCH, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
                    bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=True)
                    pixels = np.array(bitmap.to_numpy(), copy=True).reshape(bitmap.height, bitmap.width, -1)[:, :, 0]
                finally:
                    page.close()
            yield number, Image(pixels, scale * POINTS_PER_INCH)
    finally:
        with IN_USE:
            document.close()


# --- rules -----------------------------------------------------------------------------------------------


def rule_masks(pixels: Any, dpi: float) -> tuple[Any, Any]:
    """Given a page in grey and its resolution, return two masks (uint8, 255 on a rule): its horizontal and its
    vertical ruling lines, runs of ink too long for a character's stroke."""
    import cv2

    per_point = dpi / POINTS_PER_INCH
    window = 2 * round(RULE_WINDOW_POINTS * per_point / 2) + 1
    ink = cv2.adaptiveThreshold(pixels, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, window, RULE_CONTRAST)
    masks = []
    for index, shape in enumerate(((1, 0), (0, 1))):
        length = max(3, round(RULE_MIN_POINTS[index] * per_point))
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if shape == (1, 0) else (1, length))
        masks.append(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel))
    return masks[0], masks[1]


Box = tuple[int, int, int, int]  # pixels: x0, top, x1, bottom


def inside(rect: Box, boxes: list[Box]) -> bool:
    """Given a rectangle and text boxes, return whether the rectangle lies within one of them, widened by
    BOX_MARGIN of its height (a detected box can be tight on a character's strokes)."""
    x0, top, x1, bottom = rect
    for left, upper, right, lower in boxes:
        margin = BOX_MARGIN * (lower - upper)
        if left - margin <= x0 and x1 <= right + margin and upper - margin <= top and bottom <= lower + margin:
            return True
    return False


def mask_rules(mask: Any, orientation: str, dpi: float, boxes: list[Box]) -> tuple[list[Edge], Any]:
    """Given one orientation's rule mask and the page's text boxes, return its rules as pdfplumber edges in points,
    and a mask of their pixels. A run inside a text box is a stroke of a large character; a thick one a filled box."""
    import cv2
    import numpy as np

    per_point = dpi / POINTS_PER_INCH
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    edges: list[Edge] = []
    kept: list[int] = []
    for label, (x, y, w, h, _) in enumerate(stats.tolist()):
        thickness = h if orientation == "h" else w
        if label == 0 or thickness / per_point > RULE_MAX_POINTS or inside((x, y, x + w, y + h), boxes):
            continue
        kept.append(label)
        if orientation == "h":
            top = bottom = snap((y + h / 2) / per_point)
            x0, x1 = snap(x / per_point), snap((x + w) / per_point)
        else:
            x0 = x1 = snap((x + w / 2) / per_point)
            top, bottom = snap(y / per_point), snap((y + h) / per_point)
        edges.append({"object_type": "image_edge", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
                      "bottom": bottom, "width": x1 - x0, "height": bottom - top})
    return edges, np.isin(labels, kept)


# --- text ------------------------------------------------------------------------------------------------


def text_boxes(pixels: Any) -> list[Box]:
    """Given a page in grey, return its detected text boxes as pixel rectangles x0, top, x1, bottom,
    top to bottom then left to right."""
    import cv2

    colour = cv2.cvtColor(pixels, cv2.COLOR_GRAY2BGR)
    quads, _ = engine().text_det(colour)
    if quads is None or len(quads) == 0:
        return []
    height, width = pixels.shape
    boxes = set()
    for quad in quads.tolist():
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        x0, x1 = max(0, math.floor(min(xs))), min(width, math.ceil(max(xs)))
        top, bottom = max(0, math.floor(min(ys))), min(height, math.ceil(max(ys)))
        if x1 - x0 > 1 and bottom - top > 1:
            boxes.add((x0, top, x1, bottom))
    return sorted(boxes, key=lambda b: (b[1], b[0]))


def unread_cells(pixels: Any, edges: list[Edge], boxes: list[Box], dpi: float) -> list[Box]:
    """Given a page in grey (rules erased), its rules and its text boxes, return a box around the ink of each ruled
    table cell that holds ink but no text box: the detector misses a lone narrow digit (a 1) in a wide cell."""
    from extraction.ingest.pdf import find_grids

    per_point = dpi / POINTS_PER_INCH
    found: list[Box] = []
    for grid in find_grids(edges):
        for cell in (c for row in grid for c in row if c is not None):
            x0, top, x1, bottom = (round(v * per_point) for v in cell)
            if any(x0 <= (b[0] + b[2]) / 2 <= x1 and top <= (b[1] + b[3]) / 2 <= bottom for b in boxes):
                continue
            inner = pixels[top + CELL_INSET:bottom - CELL_INSET, x0 + CELL_INSET:x1 - CELL_INSET]
            ys, xs = (inner < INK).nonzero()
            if len(ys) >= MIN_INK_PIXELS:
                margin = CELL_INSET
                found.append((x0 + CELL_INSET + int(xs.min()) - margin, top + CELL_INSET + int(ys.min()) - margin,
                              x0 + CELL_INSET + int(xs.max()) + 1 + margin, top + CELL_INSET + int(ys.max()) + 1 + margin))
    return found


def text_lines(pixels: Any, box: Box, dpi: float) -> list[Box]:
    """Given a page in grey (rules erased) and a text box, return the box cut into its lines of text: bands of ink
    rows at least LINE_MIN_POINTS tall with paper between them (the detector boxes a cell's two short lines, or a
    column of stacked characters, as one; the recogniser reads one line)."""
    x0, top, x1, bottom = box
    rows = (pixels[top:bottom, x0:x1] < INK).any(axis=1).tolist()
    bands: list[tuple[int, int]] = []
    start = None
    for y, inked in enumerate(rows + [False]):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            bands.append((start, y))
            start = None
    tall = [b for b in bands if (b[1] - b[0]) * POINTS_PER_INCH / dpi >= LINE_MIN_POINTS]
    if len(tall) < 2:
        return [box]
    # cut halfway between two lines; a thin band (、 in a column of stacked characters) goes with its neighbour
    cuts = [top] + [top + (a[1] + b[0]) // 2 for a, b in zip(tall, tall[1:])] + [bottom]
    return [(x0, upper, x1, lower) for upper, lower in zip(cuts, cuts[1:])]


def split_at_rules(box: Box, down: list[Edge], dpi: float) -> list[Box]:
    """Given a text box and the page's vertical rules, return the box cut at each rule that crosses it: the detector
    boxes two cells' texts together, and the recogniser would read a stroke of one as a char of the other."""
    per_point = dpi / POINTS_PER_INCH
    x0, top, x1, bottom = box
    middle = (top + bottom) / 2 / per_point
    cuts = sorted(round(e["x0"] * per_point) for e in down if e["top"] <= middle <= e["bottom"])
    cuts = [x for x in cuts if x0 + ERASE_MARGIN < x < x1 - ERASE_MARGIN]
    edges = [x0] + [x for cut in cuts for x in (cut - ERASE_MARGIN, cut + ERASE_MARGIN)] + [x1]
    return [(a, top, b, bottom) for a, b in zip(edges[::2], edges[1::2]) if b > a]


def distinct(boxes: list[Box]) -> list[Box]:
    """Given text boxes top to bottom, return them without those mostly covered by an earlier one (the detector
    boxes a cell's two lines both together and one by one)."""
    kept: list[Box] = []
    for box in boxes:
        area = (box[2] - box[0]) * (box[3] - box[1])
        for other in kept:
            width = min(box[2], other[2]) - max(box[0], other[0])
            height = min(box[3], other[3]) - max(box[1], other[1])
            smaller = min(area, (other[2] - other[0]) * (other[3] - other[1]))
            if width > 0 and height > 0 and width * height >= SAME_BOX_SHARE * smaller:
                break
        else:
            kept.append(box)
    return kept


def padded_crop(pixels: Any, box: Box, rim_share: float = 0.0) -> tuple[Any, int]:
    """Given a page in grey, a text box and the share of its height of paper to add above and below, return the box's
    crop in colour with paper added around it, and the width added on the left."""
    import cv2

    x0, top, x1, bottom = box
    pad = max(1, round(CROP_PAD * (bottom - top)))
    rim = round(rim_share * (bottom - top))
    crop = cv2.copyMakeBorder(pixels[top:bottom, x0:x1], rim, rim, pad, pad, cv2.BORDER_CONSTANT, value=255)
    return cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR), pad


def box_chars(box: Box, pad: int, reading: tuple[str, float, list[Any]], dpi: float) -> list[Char]:
    """Given a text box, the paper added left of its crop, and the recogniser's reading of the crop (text, mean
    confidence, alignment), return its chars with boxes in points and each char's confidence. A char's centre is its
    CTC column; its width is its word's column spacing (half a box height for a lone Latin char or digit, a box
    height for a lone CJK char)."""
    text, _, (columns, words, word_columns, _, confidences) = reading
    x0, top, x1, bottom = box
    crop_width = x1 - x0 + 2 * pad
    step = crop_width / columns if columns else 0.0
    per_point = dpi / POINTS_PER_INCH
    height = bottom - top
    spans: list[tuple[str, float, float, float]] = []  # char, centre, width, confidence
    for word, cols in zip(words, word_columns):
        spacing = (cols[-1] - cols[0]) * step / (len(cols) - 1) if len(cols) > 1 else 0.0
        for char, col in zip(word, cols):
            wide = CJK_CHAR[0] <= char <= CJK_CHAR[1]
            confidence = float(confidences[len(spans)]) if len(spans) < len(confidences) else 0.0
            spans.append((char, x0 - pad + (col + 0.5) * step, spacing or (height if wide else height / 2), confidence))
    chars: list[Char] = []
    for i, (char, centre, width, confidence) in enumerate(spans):
        if not char.strip():
            continue
        # a char ends halfway to its neighbour's centre at the latest: the boxes keep the reading order
        left = max(x0, centre - width / 2, (spans[i - 1][1] + centre) / 2 if i else x0)
        right = max(left, min(x1, centre + width / 2, (centre + spans[i + 1][1]) / 2 if i + 1 < len(spans) else x1))
        chars.append({"text": char, "x0": snap(left / per_point), "x1": snap(right / per_point),
                      "top": snap(top / per_point), "bottom": snap(bottom / per_point),
                      "size": snap(height / per_point), "fontname": OCR_ENGINE, "confidence": round(confidence, 4)})
    return chars


def read_text(pixels: Any, boxes: list[Box], dpi: float) -> list[Char]:
    """Given a page in grey (rules erased), its text boxes and its resolution, return the chars the engine reads. A box
    read unsure is read again with paper above and below it, and the surer reading kept (see `better`)."""
    if not boxes:
        return []
    crops = [padded_crop(pixels, box) for box in boxes]
    readings = recognise([crop for crop, _ in crops])
    again = [i for i, r in enumerate(readings) if r[1] < REREAD_BELOW]
    if again:
        for i, reading in zip(again, recognise([padded_crop(pixels, boxes[i], REREAD_RIM)[0] for i in again])):
            if better(readings[i], reading):
                readings[i] = reading
    chars: list[Char] = []
    for box, (crop, pad), reading in zip(boxes, crops, readings):
        if reading[0].strip() and reading[1] >= MIN_TEXT_SCORE:
            chars += box_chars(box, pad, reading, dpi)
        elif (crop[:, :, 0] < INK).sum() >= MIN_INK_PIXELS:
            chars.append(unread_char(box, reading[1], dpi))
    return chars


def better(first: tuple[str, float, list[Any]], second: tuple[str, float, list[Any]]) -> bool:
    """Given a box's reading and its re-reading, return whether the re-reading replaces it: it is more confident, and
    does not trade a number for something that is not one (a lone 0 re-read as a frame, [], is still a 0)."""
    return second[1] > first[1] and not (bool(NUMBER.fullmatch(first[0].strip()))
                                         and not NUMBER.fullmatch(second[0].strip()))


def recognise(crops: list[Any]) -> list[tuple[str, float, list[Any]]]:
    """Given crops of text boxes, return the recogniser's reading of each: text, mean confidence, alignment."""
    readings, _ = engine().text_rec(crops, return_word_box=True)
    return list(readings)


def unread_char(box: Box, confidence: float, dpi: float) -> Char:
    """Given a text box with ink the recogniser reads as nothing (or as noise) and its confidence, return one char
    UNREAD over the box: a table cell printed with something is not blank, it is unread."""
    per_point = dpi / POINTS_PER_INCH
    x0, top, x1, bottom = (v / per_point for v in box)
    return {"text": UNREAD, "x0": snap(x0), "x1": snap(x1), "top": snap(top), "bottom": snap(bottom),
            "size": snap(bottom - top), "fontname": OCR_ENGINE, "confidence": round(float(confidence), 4)}


def page_objects(image: Image, number: int) -> PageObjects:
    """Given a page image and its page number, return its chars (read by OCR) and its ruling lines, in points."""
    import cv2
    import numpy as np

    pixels = np.ascontiguousarray(image.pixels)
    height = pixels.shape[0] * POINTS_PER_INCH / image.dpi
    if not pixels.size or pixels.min() >= PAPER:
        return PageObjects(number=number, height=snap(height), chars=[], edges=[])  # blank paper
    boxes = text_boxes(pixels)
    horizontal, vertical = rule_masks(pixels, image.dpi)
    across, across_mask = mask_rules(horizontal, "h", image.dpi, boxes)
    down, down_mask = mask_rules(vertical, "v", image.dpi, boxes)
    erased = cv2.dilate((across_mask | down_mask).astype(np.uint8), np.ones((2 * ERASE_MARGIN + 1,) * 2, np.uint8))
    clean = pixels.copy()
    clean[erased > 0] = 255
    boxes += unread_cells(clean, across + down, boxes, image.dpi)
    pieces = [piece for box in boxes for piece in split_at_rules(box, down, image.dpi)]
    lines = [line for box in pieces for line in text_lines(clean, box, image.dpi)]
    boxes = distinct(sorted(lines, key=lambda b: (b[1], b[0])))
    return PageObjects(number=number, height=snap(height), chars=read_text(clean, boxes, image.dpi), edges=across + down)


def read_image(path: Path, data: bytes, sha256: str) -> Source:
    """Given an image file's bytes (PNG, JPEG, TIFF), return its text lines and tables as OCR reads them, each page of a
    multi-page TIFF a page. Raise IngestError ocr_unavailable without the OCR extra, no_text_layer when OCR reads
    nothing."""
    if not available():
        raise unavailable(path, "图片文件")
    source = Source(path=str(path), sha256=sha256, format="image", pages=0, meta={"ocr": OCR_ENGINE})
    empty: list[int] = []
    picture = open_image(path, data)
    frames = getattr(picture, "n_frames", 1)
    ocr_ahead(min(frames, MAX_OCR_PAGES))
    for number, image in enumerate(file_images(path, picture, MAX_OCR_PAGES), start=1):
        source.pages = number
        page = page_objects(image, number)
        chars = dedupe_chars(page.chars)
        if printed(chars):
            add_page(source, page, chars)
        else:
            empty.append(number)
    if not source.pages:
        raise IngestError("corrupt", f"{path}：图片没有页面")
    if len(empty) == source.pages:
        raise IngestError("no_text_layer", f"{path}：图片中 OCR 未识别出文字")
    if empty:
        numbers = ", ".join(map(str, empty))
        source.problems.append(Problem("pages_without_text", f"{path}：第 {numbers} 页 OCR 未识别出文字，这些页未读"))
    if frames > MAX_OCR_PAGES:
        source.problems.append(ocr_page_limit(path, range(MAX_OCR_PAGES + 1, frames + 1)))
        source.pages = frames
    source.tables.sort(key=lambda t: (t.where.page or 0, t.line_index))
    return source
