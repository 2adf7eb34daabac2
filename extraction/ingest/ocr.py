"""Page images -> PageObjects: the chars an OCR engine reads and the ruling lines drawn in the image, in PDF points,
so that extraction.ingest.pdf's layout code turns a scanned page into lines and tables as it does a text layer.

The engine is RapidOCR (PP-OCRv4 detection and recognition in ONNX, the models inside its wheel): it reads printed
Chinese and digits better than Tesseract's chi_sim and needs no system package (README, "Scanned reports"). It is
run with one thread and fixed parameters, so the same image gives the same chars, byte for byte. Nothing here is
imported until an image must be read: the engine, OpenCV and NumPy load with the first scanned page.

Per page: a page fed askew is straightened by the tilt of its horizontal rules (a rule tilted by a degree is a
staircase of runs too short to be found; positions are then those of the straightened page); text boxes are detected
(on the page reduced to 2000 px on its longest side); the ruling lines are found with OpenCV morphology (long thin
runs of pixels darker than the paper on both sides, by a share of the page's own paper-to-ink range, short gaps
closed, not inside a text box) and erased from the image the recogniser reads, so that a border next to a digit is
not read as a 1; a box holding two lines is cut into lines, and a table cell with ink but no box gets one; each box
is recognised from the full-resolution image, and each recognised char gets its own box from the recogniser's
alignment (its CTC column) and the engine's confidence in it. A box read as one char a lone 0 is misread as (o, 。)
is an unsure 0: the table's identities must confirm it.
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
RULE_CONTRAST_SHARE = 0.08  # a rule is darker than the paper on both sides of it by this share of the page's
# paper-to-ink range (20 grey levels on a clean render): light grey rules count; a scan's grey ink lowers the bar
RULE_MIN_CONTRAST = 10  # grey levels: below this a darker run is JPEG ringing or sensor noise, not ink
RULE_GAP_POINTS = 1.0  # a rule broken by gaps this short (noise, a faint scan) is still one rule
RULE_MIN_POINTS = (36.0, 14.0)  # horizontal, vertical: shorter runs of ink are strokes of a character
RULE_MAX_POINTS = 4.0  # a rule is thinner than this; a thicker run is a filled box or a bold glyph
MAX_SKEW_DEGREES = 2.0  # a page fed askew by more than this is not straightened (nor read as a table)
SKEW_STEPS_DEGREES = (0.25, 0.025)  # the skew is searched coarse, then fine around the best coarse angle
MIN_SKEW_DEGREES = 0.05  # a page askew by less keeps its pixels: its rules are straight to within a pixel per 1000
SKEW_SAMPLE = 200_000  # at most this many ink pixels vote on the skew (evenly spread; more cost time, not accuracy)
SKEW_THICKEN_POINTS = 2.0  # a tilted rule thickened across by this is one run again (2 px tilted 1.5° is 18 pt runs)
PAPER_PERCENTILE, INK_PERCENTILE = 50, 0.1  # a page's paper and ink grey levels: most of it is paper, some is ink
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
ZERO_LIKE = frozenset("oO。〇○Ｏｏ")  # what the recogniser reads a lone 0 in a wide cell as: a letter, a full stop,
# a ring (RapidOCR's alphabet puts its letters and marks beside the digits; the zero it cannot see is one of these)
LONE_ZERO_CONFIDENCE = 0.5  # such a char read as 0 is at most this sure: below corrections.LOW_OCR_CONFIDENCE, so the
# table's identities must vouch for it, and doubtful (tables.DOUBTFUL_CONFIDENCE) when none does
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


def odd(pixels: float) -> int:
    """Given a length in pixels, return the nearest odd whole number of pixels, at least 3 (a kernel with a centre)."""
    return max(3, 2 * round(pixels / 2) + 1)


def page_levels(pixels: Any) -> tuple[float, float]:
    """Given a page in grey, return its paper's grey level and its ink's (a scan's paper is grey and its ink lighter
    than a render's)."""
    import numpy as np

    paper, ink = np.percentile(pixels[::4, ::4], (PAPER_PERCENTILE, INK_PERCENTILE))
    return float(paper), float(ink)


def rule_contrast(pixels: Any) -> float:
    """Given a page in grey, return how much darker than the paper beside it a run must be to be a rule: a share of
    the page's own paper-to-ink range, at least RULE_MIN_CONTRAST."""
    paper, ink = page_levels(pixels)
    return max(RULE_MIN_CONTRAST, RULE_CONTRAST_SHARE * (paper - ink))


def ink_level(pixels: Any) -> float:
    """Given a page in grey, return the grey level below which a pixel is a character's ink: INK on a page of white
    paper and black ink, as far into a scan's own paper-to-ink range."""
    paper, ink = page_levels(pixels)
    return paper - (255 - INK) / 255 * (paper - ink)


def skew_degrees(pixels: Any, dpi: float) -> float:
    """Given a page in grey and its resolution, return the angle in degrees (clockwise on the page as seen) by which its
    horizontal rules are tilted: the angle at which their pixels fall into the fewest, fullest rows. A tilted rule is
    a staircase of short runs; thickened across, it is one long run that a character's strokes are not. 0.0 for a
    page without such rules (its text needs no straightening: the detector boxes tilted lines)."""
    import cv2
    import numpy as np

    per_point = dpi / POINTS_PER_INCH
    dark = cv2.morphologyEx(pixels, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(
        cv2.MORPH_RECT, (1, odd(RULE_MAX_POINTS * per_point))))
    dark = np.where(dark >= rule_contrast(pixels), np.uint8(255), np.uint8(0))
    thick = cv2.dilate(dark, cv2.getStructuringElement(cv2.MORPH_RECT, (1, odd(SKEW_THICKEN_POINTS * per_point))))
    long = cv2.morphologyEx(thick, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (round(RULE_MIN_POINTS[0] * per_point), 1)))
    ys, xs = (dark & long).nonzero()
    if len(ys) < RULE_MIN_POINTS[0] * per_point:
        return 0.0
    step = max(1, len(ys) // SKEW_SAMPLE)
    ys, xs = ys[::step].astype(np.float64), xs[::step].astype(np.float64)
    xs -= xs.mean()

    def score(degrees: float) -> float:
        rows = np.rint(ys - xs * math.tan(math.radians(degrees))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    best = 0.0
    for step_degrees, span in zip(SKEW_STEPS_DEGREES, (MAX_SKEW_DEGREES, SKEW_STEPS_DEGREES[0])):
        count = round(span / step_degrees)
        best = max((best + k * step_degrees for k in range(-count, count + 1)), key=lambda d: (score(d), -abs(d)))
    return best


def straightened(pixels: Any, degrees: float) -> Any:
    """Given a page in grey and its skew (skew_degrees), return it turned back by that angle about its centre, with
    paper where the turn brings in pixels from outside the page."""
    import cv2

    height, width = pixels.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(pixels, turn, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=255)


def rule_masks(pixels: Any, dpi: float) -> tuple[Any, Any]:
    """Given a page in grey and its resolution, return two masks (uint8, 255 on a rule): its horizontal and its
    vertical ruling lines. A rule's pixels are darker than the paper on both sides of it (a black top-hat across the
    line: the edge of a shaded cell is darker on one side only), by the page's rule_contrast; short gaps in such a
    run are closed, and runs too short for a rule (a character's stroke) dropped."""
    import cv2
    import numpy as np

    per_point = dpi / POINTS_PER_INCH
    contrast = rule_contrast(pixels)
    across = odd(RULE_MAX_POINTS * per_point)
    gap = odd(RULE_GAP_POINTS * per_point)
    masks = []
    for index, horizontal in enumerate((True, False)):
        def line(length: int) -> Any:
            return cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))

        def cross(length: int) -> Any:
            return cv2.getStructuringElement(cv2.MORPH_RECT, (1, length) if horizontal else (length, 1))

        darker = cv2.morphologyEx(pixels, cv2.MORPH_BLACKHAT, cross(across))
        ink = np.where(darker >= contrast, np.uint8(255), np.uint8(0))
        ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, line(gap))
        masks.append(cv2.morphologyEx(ink, cv2.MORPH_OPEN, line(max(3, round(RULE_MIN_POINTS[index] * per_point)))))
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


def split_at_rules(pixels: Any, box: Box, down: list[Edge], dpi: float, ink: float) -> list[Box]:
    """Given a page in grey (rules erased), a text box, the page's vertical rules and its ink_level, return the box
    cut at each rule that crosses it, without the pieces that hold no ink: the detector boxes two cells' texts
    together (the recogniser would read a stroke of one as a char of the other), or runs a box a little past a rule
    (the sliver of paper beyond it reads as a char at low confidence: 目 beside 维持 on a tilted scan)."""
    per_point = dpi / POINTS_PER_INCH
    x0, top, x1, bottom = box
    middle = (top + bottom) / 2 / per_point
    cuts = sorted(round(e["x0"] * per_point) for e in down if e["top"] <= middle <= e["bottom"])
    cuts = [x for x in cuts if x0 + ERASE_MARGIN < x < x1 - ERASE_MARGIN]
    if not cuts:
        return [box]
    edges = [x0] + [x for cut in cuts for x in (cut - ERASE_MARGIN, cut + ERASE_MARGIN)] + [x1]
    pieces = [(a, top, b, bottom) for a, b in zip(edges[::2], edges[1::2]) if b > a]
    return [piece for piece in pieces if inked(pixels, piece, ink)]


def inked(pixels: Any, box: Box, ink: float) -> bool:
    """Given a page in grey (rules erased), a box and the page's ink_level, return whether the box holds ink: at least
    MIN_INK_PIXELS pixels darker than the level (the detector boxes the paper beside a rule it has seen)."""
    return int((pixels[box[1]:box[3], box[0]:box[2]] < ink).sum()) >= MIN_INK_PIXELS


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
            chars += lone_zero(box_chars(box, pad, reading, dpi))
        elif (crop[:, :, 0] < INK).sum() >= MIN_INK_PIXELS:
            chars.append(unread_char(box, reading[1], dpi))
    return chars


def better(first: tuple[str, float, list[Any]], second: tuple[str, float, list[Any]]) -> bool:
    """Given a box's reading and its re-reading, return whether the re-reading replaces it: it is more confident, and
    does not trade a number (or a lone zero-like char) for something that is neither (a lone 0 re-read as a frame,
    [], is still a 0)."""
    return second[1] > first[1] and not (numeric(first[0]) and not numeric(second[0]))


def numeric(text: str) -> bool:
    """Given a box's text, return whether it is a number or a lone char the recogniser reads a 0 as (ZERO_LIKE)."""
    text = text.strip()
    return bool(NUMBER.fullmatch(text)) or text in ZERO_LIKE


def lone_zero(chars: list[Char]) -> list[Char]:
    """Given the chars read in one text box, return them with a lone zero-like char (ZERO_LIKE: how the recogniser
    reads a lone 0 cropped tight) read as a 0 the engine is at most LONE_ZERO_CONFIDENCE sure of, never a sure one."""
    if len(chars) != 1 or chars[0]["text"] not in ZERO_LIKE:
        return chars
    return [{**chars[0], "text": "0", "confidence": min(chars[0]["confidence"], LONE_ZERO_CONFIDENCE)}]


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
    skew = skew_degrees(pixels, image.dpi)
    if abs(skew) >= MIN_SKEW_DEGREES:
        pixels = straightened(pixels, skew)
    boxes = text_boxes(pixels)
    horizontal, vertical = rule_masks(pixels, image.dpi)
    across, across_mask = mask_rules(horizontal, "h", image.dpi, boxes)
    down, down_mask = mask_rules(vertical, "v", image.dpi, boxes)
    erased = cv2.dilate((across_mask | down_mask).astype(np.uint8), np.ones((2 * ERASE_MARGIN + 1,) * 2, np.uint8))
    clean = pixels.copy()
    clean[erased > 0] = 255
    boxes += unread_cells(clean, across + down, boxes, image.dpi)
    ink = ink_level(pixels)
    pieces = [piece for box in boxes for piece in split_at_rules(clean, box, down, image.dpi, ink)]
    lines = [line for box in pieces for line in text_lines(clean, box, image.dpi) if inked(clean, line, ink)]
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
    cut = None
    picture = open_image(path, data)
    frames = getattr(picture, "n_frames", 1)
    ocr_ahead(min(frames, MAX_OCR_PAGES))
    for number, image in enumerate(file_images(path, picture, MAX_OCR_PAGES), start=1):
        source.pages = number
        page = page_objects(image, number)
        chars = dedupe_chars(page.chars)
        if printed(chars):
            cut = add_page(source, page, chars, cut)
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
