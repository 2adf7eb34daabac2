"""PDF -> each page's chars and visible rules, read with PDFium (pypdfium2) instead of pdfminer.six.

PDFium parses and decodes in C; only the per-char and per-path calls cross into Python. The result is the
pdfminer reader's PageObjects, in the same coordinates (points, top-down, the page's /Rotate applied, origin at
the MediaBox corner) and with pdfminer's char boxes (advance width by font size, the font's descent below the
baseline), so one layout code in extraction.ingest.pdf serves both engines and gives the same tables.

Where PDFium would not read a file or a page as pdfminer does, pdfminer reads it: a file PDFium cannot open or
whose cross-reference table it had to rebuild (truncated or damaged), or that arrives while another thread is in
PDFium; a page with a char without a Unicode map, mirrored text, a ligature PDFium splits into its letters, text replaced by an /ActualText, or text PDFium's text
page leaves out even when stroked (see keep_boxless_text: a one-char object of a font neither embedded nor installed,
whose glyph PDFium cannot box, is kept that way).

One known difference: a font whose descriptor gives Ascent 0 and Descent 0 is boxed from its baseline by pdfminer
and from its glyphs' descent by PDFium (which derives the metrics), so its boxes sit lower.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS

from extraction.ingest.pdf import MAX_PAGES, SNAP, Char, Edge, PageObjects, is_visible, segment_edges, snap

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF: x' = a x + c y + e

WHITE_BYTE = 252  # 0.99 of 255: an RGB component at least this light is white paper (pdf.WHITE)
NAME_BUFFER = 256  # bytes for a font's base name
ACTUAL_TEXT = b"ActualText"
UNIT_SIZE = ctypes.c_float(1.0)  # a font size of 1, as an unchecked call takes a float
SURROGATES = (0xD800, 0xDFFF)  # UTF-16 code units that pair up; alone they are no char
TEXT_OBJECT, PATH_OBJECT, FORM_OBJECT = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
MOVETO, BEZIERTO = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
BOXLESS_WIDTH = 0.01  # PDFium's text page drops a text object whose box is narrower (kSizeEpsilon)
IN_USE = threading.Lock()  # PDFium is not thread-safe: one thread at a time, the others read with pdfminer


class Unsupported(Exception):
    """PDFium cannot give what pdfminer would for this file; read it with pdfminer instead."""


@dataclass(frozen=True)
class Font:
    """What the char boxes need of a font: its handle, its name and its descent, and the advance widths at size 1 of
    the chars it has printed so far (once the char is known mapped)."""

    handle: ctypes.c_void_p  # as unchecked calls take it
    name: str
    descent: float  # below the baseline, as a (negative) share of the font size
    widths: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


# What the char boxes need of a text object: its font, its font size and its text matrix a b c d (with the horizontal
# scaling, without the font size or the position); whether it is upright (b = c = 0: not turned) and, for upright
# text, the box's offsets in points: from the baseline down to the box, the box's height and the points per unit of
# glyph width. A plain tuple, made once per text object (a NamedTuple's __new__ is a Python call) and unpacked per char.
Placement = tuple[Font, float, float, float, float, float, bool, float, float, float]

UNPLACED: Placement = (Font(ctypes.c_void_p(), "", 0.0), 0.0, 1.0, 0.0, 0.0, 1.0, True, 0.0, 0.0, 0.0)  # before a page's first char


def mult(m: Matrix, n: Matrix) -> Matrix:
    """Given matrices m and n, return m then n (PDF's row-vector order, as pdfminer's mult_matrix)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def page_ctm(mediabox: tuple[float, float, float, float], rotation: int) -> tuple[Matrix, float]:
    """Given a page's MediaBox and /Rotate, return pdfminer's page matrix (user space -> upright page, origin at
    its lower-left corner) and the upright page's height."""
    x0, y0, x1, y1 = mediabox
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1), abs(x1 - x0)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1), abs(y1 - y0)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0), abs(x1 - x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0), abs(y1 - y0)


def mediabox(page: pdfium.PdfPage) -> tuple[float, float, float, float]:
    """Given a page, return its MediaBox; PDFium reads only the page's own, so an inherited one is the page's
    bounding box (the MediaBox, unless a CropBox narrows it)."""
    own = page.get_mediabox(fallback_ok=False)
    return own if own is not None else page.get_bbox()


# --- chars -----------------------------------------------------------------------------------------------


def font_of(handle: ctypes.c_void_p) -> Font:
    """Given a PDFium font, return its name and descent: pdfminer's Adobe metrics for a standard font name
    (Helvetica, Arial, Times-Roman...), else the font's own."""
    buffer = ctypes.create_string_buffer(NAME_BUFFER)
    C.font_name(handle.value, buffer, NAME_BUFFER)
    name = buffer.value.decode("latin-1")
    standard = FONT_METRICS.get(name)
    if standard is not None:
        return Font(handle, name, standard[0].get("Descent", 0) / 1000)
    descent = ctypes.c_float()
    C.font_descent(handle.value, 1.0, ctypes.byref(descent))
    # pdfminer forces the descent negative: some writers store it positive (PDF 32000 9.8.1)
    return Font(handle, name, -abs(descent.value))


def placement(text_object: int, textpage: ctypes._Pointer, index: int, fonts: dict[int, Font],
              matrix: ctypes.Array[ctypes.c_float], matrix_ref: object) -> Placement:
    """Given a text object, one of its chars, the fonts seen so far and an FS_MATRIX to fill, as six floats (and its
    byref), return where its chars' boxes lie."""
    font_address = Unchecked.object_font(text_object)
    font = fonts.get(font_address) or fonts.setdefault(font_address, font_of(ctypes.c_void_p(font_address)))
    Unchecked.char_matrix(textpage, index, matrix_ref)
    a, b, c, d = matrix[:4]  # one slice, not a field read per coefficient
    if a * d - b * c < 0:
        raise Unsupported("mirrored text")  # PDFium's text page reads it right to left and drops its spaces
    size = Unchecked.font_size(textpage, index)
    return font, size, a, b, c, d, not (b or c), d * font.descent * size, d * size, a * size


def advance(font: Font, code_point: int, width: ctypes.c_float, width_ref: object) -> float:
    """Given a font, a char's code point and a float to fill (and its byref), return the char's advance width at
    font size 1."""
    # PDFium's FPDFFont_GetGlyphWidth takes the char's Unicode value and maps it back to its char code
    if not Unchecked.glyph_width(font.handle, code_point, UNIT_SIZE, width_ref):
        raise Unsupported("a char whose width PDFium cannot give")
    return width.value


def page_text(textpage: ctypes._Pointer, count: int) -> str | None:
    """Given a text page and its char count, return its text, one char per char index, or None where a char
    is not one UTF-16 unit."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


def unicode_char(code: int) -> str:
    """Given the Unicode value PDFium maps a char to, return the char; raise Unsupported for half a surrogate pair
    (a ToUnicode map pointing at one), which no text can hold."""
    if SURROGATES[0] <= code <= SURROGATES[1]:
        raise Unsupported("a char mapped to half a surrogate pair")
    return chr(code)


def is_handle(kind: type | None) -> bool:
    """Given a ctypes type, return whether it is a pointer to one of PDFium's opaque structs (a handle)."""
    return isinstance(kind, type) and issubclass(kind, ctypes._Pointer) and kind._type_.__name__.startswith("struct_fpdf")


class Opaque(ctypes.c_void_p):
    """A PDFium handle returned by an unchecked function: a c_void_p subclass, so ctypes keeps it an object (not an int)
    that the next unchecked call takes as a pointer."""


def foreign(restype: type | None, *argtypes: type) -> Callable[[int], ctypes._CFuncPtr]:
    """Given a result type and argument types, return the ctypes prototype of a PDFium function called per char,
    per object or per segment: it keeps the GIL (PYFUNCTYPE), as these calls are short and call no Python back,
    where a CFUNCTYPE function releases and retakes it on every call. A None result type is for a call whose
    result is never read: ctypes then converts none."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)


def bare(function: ctypes._CFuncPtr, result: bool = True) -> ctypes._CFuncPtr:
    """Given a PDFium function (and whether its result is read), return it with its handles passed and returned as
    plain ints (c_void_p): a call made per char or per object then builds no pointer object."""
    argtypes = [ctypes.c_void_p if is_handle(kind) else kind for kind in function.argtypes]
    restype = None if not result else ctypes.c_void_p if is_handle(function.restype) else function.restype
    return foreign(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


class C:
    """The PDFium functions called per font, form, mark or boxless text object, checked: each handle passed as an int
    or a c_void_p."""

    font_name = bare(pdfium_c.FPDFFont_GetBaseFontName)
    font_descent = bare(pdfium_c.FPDFFont_GetDescent)
    mark = bare(pdfium_c.FPDFPageObj_GetMark)
    mark_param_type = bare(pdfium_c.FPDFPageObjMark_GetParamValueType)
    form_count = bare(pdfium_c.FPDFFormObj_CountObjects)
    # (form object, unsigned long index) -> page object, an Opaque as the unchecked functions take it
    form_object = foreign(Opaque, ctypes.c_void_p, ctypes.c_ulong)(ctypes.cast(pdfium_c.FPDFFormObj_GetObject, ctypes.c_void_p).value)
    transform = bare(pdfium_c.FPDFPageObj_Transform, result=False)
    set_render_mode = bare(pdfium_c.FPDFTextObj_SetTextRenderMode, result=False)


def unchecked(function: ctypes._CFuncPtr, result: bool = True) -> ctypes._CFuncPtr:
    """Given a PDFium function (and whether its result is read), return it without argument types: ctypes then
    converts no argument through a from_param method, which costs several times the call itself. Its caller passes
    each handle as a ctypes pointer (c_void_p, Opaque, a typed handle), each int argument as a Python int that fits
    a C int (the function's parameter is an int), each float as a c_float, each out-parameter with byref; a handle
    it returns is an Opaque."""
    restype = None if not result else Opaque if is_handle(function.restype) else function.restype
    return foreign(restype)(ctypes.cast(function, ctypes.c_void_p).value)


class Unchecked:
    """The PDFium functions called per char, per page object and per path segment, unchecked (see unchecked)."""

    # (text page, int index) -> the text object's address, an int (None for a char PDFium generated): a key, not a
    # handle passed on, so no Opaque is made per char
    text_object = foreign(ctypes.c_void_p)(ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)
    char_origin = unchecked(pdfium_c.FPDFText_GetCharOrigin, result=False)  # (text page, int index, double* x, double* y)
    map_error = unchecked(pdfium_c.FPDFText_HasUnicodeMapError)  # (text page, int index) -> int
    char_matrix = unchecked(pdfium_c.FPDFText_GetMatrix, result=False)  # (text page, int index, FS_MATRIX* matrix)
    font_size = unchecked(pdfium_c.FPDFText_GetFontSize)  # (text page, int index) -> double
    # (text object's address, an int) -> its font's address, an int: a key first, a handle made of it only for a font
    # not seen before. Its argument type converts the int, which costs less than a c_void_p made of it per object
    object_font = bare(pdfium_c.FPDFTextObj_GetFont)
    glyph_width = unchecked(pdfium_c.FPDFFont_GetGlyphWidth)  # (font, uint32 code point, float size, float* width)
    page_object = unchecked(pdfium_c.FPDFPage_GetObject)  # (page, int index) -> page object
    object_type = unchecked(pdfium_c.FPDFPageObj_GetType)  # (page object) -> int
    marks = unchecked(pdfium_c.FPDFPageObj_CountMarks)  # (page object) -> int
    bounds = unchecked(pdfium_c.FPDFPageObj_GetBounds)  # (page object, float* left, float* bottom, float* right, float* top) -> bool
    object_matrix = unchecked(pdfium_c.FPDFPageObj_GetMatrix, result=False)  # (page object, FS_MATRIX* matrix)
    draw_mode = unchecked(pdfium_c.FPDFPath_GetDrawMode, result=False)  # (path object, int* fill mode, int* stroke)
    stroke_colour = unchecked(pdfium_c.FPDFPageObj_GetStrokeColor)  # (page object, uint* r, g, b, a) -> bool
    fill_colour = unchecked(pdfium_c.FPDFPageObj_GetFillColor)  # (page object, uint* r, g, b, a) -> bool
    segments = unchecked(pdfium_c.FPDFPath_CountSegments)  # (path object) -> int
    segment = unchecked(pdfium_c.FPDFPath_GetPathSegment)  # (path object, int index) -> segment
    segment_type = unchecked(pdfium_c.FPDFPathSegment_GetType)  # (segment) -> int
    segment_point = unchecked(pdfium_c.FPDFPathSegment_GetPoint, result=False)  # (segment, float* x, float* y)
    segment_close = unchecked(pdfium_c.FPDFPathSegment_GetClose)  # (segment) -> bool


@dataclass
class Fonts:
    """The fonts a document's pages have used so far, by address. An address names one font only while the pages
    using it are open: a document's pages stay open until it is read."""

    fonts: dict[int, Font] = field(default_factory=dict)


def page_chars(textpage: ctypes._Pointer, ctm: Matrix, height: float, known: Fonts) -> tuple[list[Char], set[int]]:
    """Given a page's PDFium text page, its page matrix and upright height and the document's fonts so far, return
    its printed chars (PDFium's generated spaces and line breaks left out) with pdfminer's boxes, in top-left-origin
    points, and the addresses of the text objects they come from."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    text = page_text(textpage, count)
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    get_object, get_origin, map_error = Unchecked.text_object, Unchecked.char_origin, Unchecked.map_error
    get_unicode = pdfium_c.FPDFText_GetUnicode
    fonts = known.fonts
    placements: dict[int, Placement] = {}
    boxes: list[tuple[str, str, float, float, float, float]] = []
    append = boxes.append
    a, b, c, d, e, f = ctm
    level = (a, b, c, d) == (1.0, 0.0, 0.0, 1.0)  # a page not turned: its matrix only moves the origin
    last_key, last_x, last_y = 0, 0.0, 0.0  # the last char's text object and origin
    matrix = (ctypes.c_float * 6)()  # an FS_MATRIX (six floats, a to f), filled by each placement
    matrix_ref = ctypes.byref(matrix)
    width_out = ctypes.c_float()  # filled by each advance
    width_ref = ctypes.byref(width_out)
    # the last text object's placement, unpacked into locals: this loop runs once per char of every page
    font, size, pa, pb, pc, pd, upright, below, tall, per_width = UNPLACED
    font_name, font_widths = "", {}
    for i in range(count):
        key = get_object(textpage, i)
        if not key:
            continue  # a space or line break PDFium generated between words
        get_origin(textpage, i, x_ref, y_ref)
        ox, oy = x.value, y.value
        if key != last_key:  # the first char of a text object: its placement, once per object
            placed = placements.get(key)
            if placed is None:
                placed = placements[key] = placement(key, textpage, i, fonts, matrix, matrix_ref)
            font, size, pa, pb, pc, pd, upright, below, tall, per_width = placed
            font_name, font_widths = font.name, font.widths
            last_key = key
        elif ox == last_x and oy == last_y:
            raise Unsupported("a char PDFium split in several (a ligature)")
        last_x, last_y = ox, oy
        char = text[i] if text is not None else unicode_char(get_unicode(textpage, i))
        width = font_widths.get(char)
        if width is None:
            if map_error(textpage, i):
                raise Unsupported("a char without a Unicode map")
            width = font_widths[char] = advance(font, ord(char), width_out, width_ref)
        # pdfminer's box: in text space from the origin over the advance width and from the descent up by the font
        # size, through the text matrix, then turned with the page; its size is the box's height on the page
        if upright:  # two opposite corners span the box, each side assigned on its own: no tuple built per char
            y0 = oy + below
            x1 = ox + per_width * width
            y1 = y0 + tall
            if level:  # 1 x + 0 y + e is x + e, to the last bit (but a zero's sign, which snapping drops)
                left = ox + e
                bottom = y0 + f
                right = x1 + e
                top = y1 + f
            else:
                left = a * ox + c * y0 + e
                bottom = b * ox + d * y0 + f
                right = a * x1 + c * y1 + e
                top = b * x1 + d * y1 + f
            # swapped where reversed (a NaN, in either order, sends the page to pdfminer in snapped_chars)
            if right < left:
                left, right = right, left
            if top < bottom:
                bottom, top = top, bottom
        else:
            span, low = width * size, font.descent * size
            high = low + size
            corners = [(ox + pa * dx + pc * dy, oy + pb * dx + pd * dy)
                       for dx, dy in ((0.0, low), (0.0, high), (span, low), (span, high))]
            xs, ys = [a * ux + c * uy + e for ux, uy in corners], [b * ux + d * uy + f for ux, uy in corners]
            left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        append((char, font_name, left, right, top, bottom))
    return snapped_chars(boxes, height), set(placements)


def snapped_chars(boxes: list[tuple[str, str, float, float, float, float]], height: float) -> list[Char]:
    """Given each char's text, font name and box sides (left, right, top, bottom, bottom-up) and the page's upright
    height, return the chars with pdfplumber's keys in top-left-origin points, snapped: snap() of every coordinate of
    the page at once in NumPy, by the same double arithmetic (floor(v * SNAP + 0.5) / SNAP), not five calls a char.
    Raise Unsupported for a box with no finite place, which snap() cannot round."""
    if not boxes:
        return []
    texts, names, *sides = zip(*boxes)
    left, right, top, bottom = (np.array(side, dtype=float) for side in sides)
    coordinates = np.array((left, right, height - top, height - bottom, top - bottom))
    if not np.isfinite(coordinates).all():
        raise Unsupported("a char box at no finite place")
    x0, x1, tops, bottoms, sizes = (np.floor(coordinates * SNAP + 0.5) / SNAP).tolist()
    return [{"text": text, "x0": a, "x1": b, "top": t, "bottom": u, "size": size, "fontname": name}
            for text, a, b, t, u, size, name in zip(texts, x0, x1, tops, bottoms, sizes, names)]


# --- rules -------------------------------------------------------------------------------------------------


def is_white(red: int, green: int, blue: int) -> bool:
    """Given an RGB colour in bytes, return whether it is white."""
    return min(red, green, blue) >= WHITE_BYTE


class Outputs:
    """The out-parameters of the calls made per path object and per segment, made once per page and filled by each
    call (one thread at a time is in PDFium: IN_USE)."""

    def __init__(self) -> None:
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.point = (ctypes.byref(self.x), ctypes.byref(self.y))
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.modes = (ctypes.byref(self.fill_mode), ctypes.byref(self.stroke))
        self.rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        self.colour = tuple(ctypes.byref(component) for component in self.rgba)
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)


def colour_white(getter: Callable[..., int], path: Opaque, out: Outputs) -> bool:
    """Given PDFium's stroke or fill colour getter, a path and the page's out-parameters, return whether that colour
    is white."""
    if not getter(path, *out.colour):
        return False
    red, green, blue, _ = out.rgba
    return is_white(red.value, green.value, blue.value)


def subpaths(path: Opaque, matrix: Matrix, out: Outputs) -> Iterator[tuple[str, list[Point]]]:
    """Given a path object, its matrix to the upright page and the page's out-parameters, yield each subpath as
    pdfminer records it: its operators (m, l, c, h) and one point per operator (a curve's end point; the start point
    for h)."""
    x, y = out.x, out.y
    x_ref, y_ref = out.point
    get_segment, segment_type = Unchecked.segment, Unchecked.segment_type
    segment_point, segment_close = Unchecked.segment_point, Unchecked.segment_close
    a, b, c, d, e, f = matrix
    shape: list[str] = []
    points: list[Point] = []
    curve_points = 0
    for i in range(Unchecked.segments(path)):  # once per segment of every path
        segment = get_segment(path, i)
        kind = segment_type(segment)
        if kind != MOVETO:
            if not shape:
                continue
            if kind == BEZIERTO:
                curve_points += 1
                if curve_points % 3:
                    continue  # a control point: pdfminer keeps only where the curve ends
        segment_point(segment, x_ref, y_ref)
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)  # through the matrix
        if kind == MOVETO:  # whether it closes is asked of the segments that draw
            if shape:
                yield "".join(shape), points
            shape, points, curve_points = ["m"], [point], 0
            continue
        closes = segment_close(segment)
        if kind == BEZIERTO:
            shape.append("c")
        elif closes and point == points[0]:
            shape.append("h")  # PDFium draws the closing line back to the start that pdfminer's h stands for
            points.append(point)
            continue
        else:
            shape.append("l")
        points.append(point)
        if closes:
            shape.append("h")
            points.append(points[0])
    if shape:
        yield "".join(shape), points


def pdfminer_points(shape: str, points: list[Point]) -> list[Point] | None:
    """Given a subpath's operators and points, return the points pdfminer's line, rect or curve keeps for it
    (a rect as its bbox corners), or None for a subpath that is only a start point."""
    if len(shape) < 2:
        return None
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-2] + points[-1:]  # a redundant l before h
    if shape in ("ml", "mlh"):
        return points[:2]
    if shape in ("mlllh", "mllll") and points[0] == points[4]:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
        if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0):
            left, right, low, high = min(x0, x2), max(x0, x2), min(y0, y2), max(y0, y2)
            return [(left, low), (right, low), (right, high), (left, high), (left, low)]
    return points


def path_edges(path: Opaque, matrix: Matrix, height: float, out: Outputs) -> list[Edge]:
    """Given a path object, its matrix to the upright page, the page's height and its out-parameters, return the
    edges of its visible subpaths."""
    Unchecked.draw_mode(path, *out.modes)
    stroked, filled = bool(out.stroke.value), out.fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE
    if not stroked and not filled:
        return []
    stroke_white = stroked and colour_white(Unchecked.stroke_colour, path, out)
    fill_white = filled and colour_white(Unchecked.fill_colour, path, out)
    seen_whatever_its_size = stroked and not stroke_white  # is_visible's first test
    edges: list[Edge] = []
    for shape, points in subpaths(path, matrix, out):
        kept = pdfminer_points(shape, points)
        if kept is None:
            continue
        if not seen_whatever_its_size:
            xs, ys = [p[0] for p in kept], [p[1] for p in kept]
            if not is_visible(stroked, stroke_white, filled, fill_white, max(xs) - min(xs), max(ys) - min(ys)):
                continue
        edges += segment_edges(kept, 0.0, height)
    return edges


def object_matrix(page_object: Opaque, out: Outputs) -> Matrix:
    """Given a page object and the page's out-parameters, return its matrix."""
    Unchecked.object_matrix(page_object, out.matrix_ref)
    m = out.matrix
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def has_actual_text(text_object: Opaque) -> bool:
    """Given a text object, return whether marked content gives it an /ActualText: PDFium's text page then
    reads that text in place of the chars, pdfminer reads the chars."""
    for i in range(Unchecked.marks(text_object)):
        if C.mark_param_type(C.mark(text_object, i), ACTUAL_TEXT) != pdfium_c.FPDF_OBJECT_UNKNOWN:
            return True
    return False


def page_edges(page: pdfium.PdfPage, ctm: Matrix, height: float) -> tuple[list[Edge], list[int]]:
    """Given a page, its page matrix and upright height, return the edges of its visible paths, in drawing order
    (form XObjects entered where they are drawn), and the addresses of its text objects. Raise Unsupported for text
    replaced by an /ActualText, where pdfminer reads the chars."""
    edges: list[Edge] = []
    texts: list[int] = []
    object_type, marks = Unchecked.object_type, Unchecked.marks
    out = Outputs()

    def visit(get: Callable[[ctypes.c_void_p, int], Opaque], container: ctypes.c_void_p, count: int, outer: Matrix) -> None:
        for i in range(count):  # once per object of every page
            page_object = get(container, i)
            kind = object_type(page_object)
            if kind == TEXT_OBJECT:
                if marks(page_object) and has_actual_text(page_object):
                    raise Unsupported("text replaced by its /ActualText")
                texts.append(page_object.value)
            elif kind == PATH_OBJECT:
                edges.extend(path_edges(page_object, mult(object_matrix(page_object, out), outer), height, out))
            elif kind == FORM_OBJECT:
                visit(C.form_object, page_object, C.form_count(page_object), mult(object_matrix(page_object, out), outer))

    visit(Unchecked.page_object, page.raw, pdfium_c.FPDFPage_CountObjects(page.raw), ctm)
    return edges, texts


def boxless(texts: Iterable[int]) -> list[int]:
    """Given text objects' addresses, return those whose box is narrower than BOXLESS_WIDTH: PDFium's text page
    drops them."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    corners = [ctypes.byref(v) for v in (left, bottom, right, top)]
    return [text for text in texts
            if Unchecked.bounds(ctypes.c_void_p(text), *corners) and right.value - left.value < BOXLESS_WIDTH]


def keep_boxless_text(text_object: int) -> None:
    """Given a text object whose box has no width, make it one PDFium's text page keeps: it drops such objects, and
    one char whose glyph PDFium has no box for (a CJK font neither embedded nor installed, as iText's and
    ReportLab's STSong-Light) gives its object such a box. A stroked object's box is widened by half its line
    width, so the object is set to stroke and its box recomputed (by the identity transform). The chars' boxes are
    made here from their advance widths, never from PDFium's glyph boxes: only which objects are read changes. An
    object the text page still leaves out (a line width of 0) sends its page to pdfminer, as before."""
    C.set_render_mode(text_object, pdfium_c.FPDF_TEXTRENDERMODE_STROKE)
    C.transform(text_object, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


# --- document ----------------------------------------------------------------------------------------------


def title(document: pdfium.PdfDocument) -> str | None:
    """Given a document, return its document-info Title, as pdfminer's reader trims it."""
    text = document.get_metadata_value("Title").strip("\x00 \t\r\n")
    return text or None


def read_page(page: pdfium.PdfPage, number: int, fonts: Fonts) -> PageObjects:
    """Given a page, its number and the document's fonts so far, return its chars and visible rules. Raise
    Unsupported where pdfminer should read the page instead."""
    ctm, height = page_ctm(mediabox(page), page.get_rotation())
    edges, texts = page_edges(page, ctm, height)
    try:
        chars, read = text_chars(page, ctm, height, fonts)
    except Unsupported:
        fixed = boxless(texts)
        if not fixed:
            raise
    else:
        if read.issuperset(texts):
            return PageObjects(number=number, height=snap(height), chars=chars, edges=edges)
        # a boxless object is always among those the text page left out
        fixed = boxless(text for text in texts if text not in read)
        if not fixed:
            raise Unsupported("text PDFium's text page leaves out")
    # read again as if the boxless objects had been made ones the text page keeps before it was first loaded
    for text in fixed:
        keep_boxless_text(text)
    chars, read = text_chars(page, ctm, height, fonts)
    if not read.issuperset(texts):
        raise Unsupported("text PDFium's text page leaves out")
    return PageObjects(number=number, height=snap(height), chars=chars, edges=edges)


def text_chars(page: pdfium.PdfPage, ctm: Matrix, height: float, fonts: Fonts) -> tuple[list[Char], set[int]]:
    """Given a page, its page matrix and upright height and the document's fonts so far, load its text page and
    return page_chars of it."""
    textpage = page.get_textpage()
    try:
        return page_chars(textpage.raw, ctm, height, fonts)
    finally:
        textpage.close()


def read_pages(data: bytes) -> tuple[list[PageObjects | None], str | None]:
    """Given a PDF's bytes, return each page's chars and visible rules (None for a page pdfminer should read),
    and the document's title. Raise Unsupported where pdfminer should read the whole file, and while another
    thread of this process is in PDFium, which is not thread-safe."""
    if not IN_USE.acquire(blocking=False):
        raise Unsupported("PDFium is busy in another thread")
    try:
        return read_document(data)
    finally:
        IN_USE.release()


def read_document(data: bytes) -> tuple[list[PageObjects | None], str | None]:
    """Given a PDF's bytes, return each page's chars and visible rules (None for a page pdfminer should read),
    and the document's title. Raise Unsupported where pdfminer should read the whole file."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise Unsupported(str(exc)) from None
    opened: list[pdfium.PdfPage] = []  # until the document is read: fonts are known by their address (Fonts)
    try:
        if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(document.raw):
            raise Unsupported("a damaged cross-reference table")
        if len(document) > MAX_PAGES:
            raise Unsupported("more pages than one report has: pdfminer's reader answers too_many_pages")
        pages: list[PageObjects | None] = []
        fonts = Fonts()
        for number in range(1, len(document) + 1):
            try:
                page = document[number - 1]
            except pdfium.PdfiumError as exc:  # a page PDFium cannot load (a page tree looping back on itself...)
                raise Unsupported(f"page {number}: {exc}") from None
            opened.append(page)
            try:
                pages.append(read_page(page, number, fonts))
            except Unsupported:
                pages.append(None)
        return pages, title(document)
    finally:
        for page in opened:
            page.close()
        document.close()
