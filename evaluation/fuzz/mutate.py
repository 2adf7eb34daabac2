"""Structure-aware mutations of report files: bytes, text lines and cells, HTML markup, DOCX parts, PDF objects.

`mutate(rng, data, family, donors)` applies one to four edits to a seed; every edit is a small pure function of
(rng, value) so that a campaign is the same for the same seed. Families: text (every text layout), html, docx, pdf.
"""
from __future__ import annotations

import io
import random
import re
import zipfile
import zlib
from typing import Callable

MAX_INPUT = 512 * 1024  # bigger mutants are cut: cost limits have tests of their own, the campaign wants many inputs
MAX_REPEAT = 2000  # a repeated line or element, at most this many times

# Tokens that reach deep into the parsers and the grammar when dropped anywhere.
TEXT_TOKENS = (
    "一、", "二、", "三、", "四、", "五、", "六、", "（一）", "（二）", "1.", "表三", "表二", "表四", "总计", "合计", "其中", "小计",
    "件", "个", "次", "万元", "%", "百分之", "万", "亿", "约", "余", "近", "同比增长", "较上年", "上年结转", "结转下年度",
    "本年新收", "予以公开", "部分公开", "不予公开", "行政复议", "行政诉讼", "维持", "纠正", "尚未审结", "自然人", "法人或其他组织",
    "。", "，", "；", "：", "、", "\t", " | ", "|", "| --- |", "---", "  ", "\n", "\n\n", "/", "—", "-", "０", "１２３",
    "一百二十", "零", "两", "0", "-1", "99999999999999999999", "1e309", "3.", ".5", "1,234", "12,34", "２０２１年",
    "2021年", "2019年", "政府信息公开工作年度报告", "人民政府", "（含垂管部门）", "等12件", "\u200b", "\ufeff", "\x00", "\r",
)
HTML_TOKENS = (
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", '<td rowspan="0">', '<td colspan="0">',
    '<td rowspan="999">', '<td colspan="1000">', '<td rowspan="-3">', '<td colspan="x">', "<tbody>", "<thead>",
    "<br>", "<p>", "</p>", "<div>", "</div>", "<caption>", "<script>", "</script>", "<!--", "-->", "<![CDATA[",
    '<meta charset="gbk">', '<meta charset="x-unknown">', "&#0;", "&#x10FFFF;", "&nbsp;", "&amp;", "<table><tr><td><table>",
    "<span>", "<b>", "</b>", "<?xml version='1.0'?>", "<html>", "<body>",
)
PDF_TOKENS = (
    b"obj", b"endobj", b"stream", b"endstream", b" 0 R", b"1 0 R", b"<<", b">>", b"[", b"]", b"/Count 1000000",
    b"/Count -1", b"/Kids [1 0 R]", b"/Parent 1 0 R", b"/Length 0", b"/Length 99999999", b"/Filter /FlateDecode",
    b"/Filter /LZWDecode", b"/Type /Page", b"/Type /Pages", b"xref", b"trailer", b"startxref", b"%%EOF", b"BT", b"ET",
    b"Tj", b"TJ", b"Tf", b"Td", b"Tm", b"re", b"m", b"l", b"S", b"f", b"q", b"Q", b"cm", b"1e308", b"-0", b"()", b"<>",
    b"/F1 1000 Tf", b"(\\377\\376)", b"/MediaBox [0 0 0 0]", b"/MediaBox [0 0 1e9 1e9]", b"/Encrypt 1 0 R",
)
NUMBER = re.compile(r"\d+")
PDF_STREAM = re.compile(rb"(<<(?:(?!>>).){0,400}?/FlateDecode(?:(?!>>).){0,400}?>>\s*stream\r?\n)(.*?)(\r?\nendstream)", re.S)
PDF_LENGTH = re.compile(rb"/Length\s+\d+(?:\s+\d+\s+R)?")


# --- bytes ------------------------------------------------------------------------------------------------
def flip_bits(rng: random.Random, data: bytes) -> bytes:
    """Given bytes, return them with up to eight random bits flipped."""
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _span(rng: random.Random, size: int) -> tuple[int, int]:
    start = rng.randrange(size + 1)
    return start, min(size, start + rng.choice((1, 2, 4, 16, 64, 512, 4096)))


def delete_span(rng: random.Random, data: bytes) -> bytes:
    """Given bytes, return them with a random span removed."""
    a, b = _span(rng, len(data))
    return data[:a] + data[b:]


def duplicate_span(rng: random.Random, data: bytes) -> bytes:
    """Given bytes, return them with a random span repeated in place (sometimes many times)."""
    a, b = _span(rng, len(data))
    times = rng.choice((2, 2, 3, 10, 100, MAX_REPEAT))
    return data[:a] + data[a:b] * times + data[b:]


def insert_random(rng: random.Random, data: bytes) -> bytes:
    """Given bytes, return them with a few random bytes inserted."""
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.randbytes(rng.choice((1, 2, 4, 8, 32))) + data[i:]


def truncate(rng: random.Random, data: bytes) -> bytes:
    """Given bytes, return a random prefix of them."""
    return data[: rng.randrange(len(data) + 1)]


def insert_pdf_token(rng: random.Random, data: bytes) -> bytes:
    """Given PDF bytes, return them with a PDF keyword or object fragment inserted."""
    i = rng.randrange(len(data) + 1)
    return data[:i] + b" " + rng.choice(PDF_TOKENS) + b" " + data[i:]


def swap_numbers_bytes(rng: random.Random, data: bytes) -> bytes:
    """Given PDF bytes, return them with one ASCII number replaced by an extreme one (counts, offsets, lengths, refs)."""
    found = list(re.finditer(rb"\d+", data[:MAX_INPUT]))
    if not found:
        return data
    m = rng.choice(found)
    return data[: m.start()] + rng.choice((b"0", b"1", b"-1", b"4294967296", b"99999999999", b"1e308")) + data[m.end():]


BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_bits, delete_span, duplicate_span, insert_random, truncate)


# --- text: lines, cells, numbers, tokens -------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    return text.split("\n")


def drop_lines(rng: random.Random, text: str) -> str:
    """Given text, return it with a run of lines removed."""
    lines = _lines(text)
    a = rng.randrange(len(lines))
    return "\n".join(lines[:a] + lines[a + rng.choice((1, 1, 3, 10, 50)):])


def repeat_line(rng: random.Random, text: str) -> str:
    """Given text, return it with one line repeated (a few times, or enough to stress the linear-time stages)."""
    lines = _lines(text)
    a = rng.randrange(len(lines))
    return "\n".join(lines[:a] + [lines[a]] * rng.choice((2, 3, 20, MAX_REPEAT)) + lines[a:])


def swap_lines(rng: random.Random, text: str) -> str:
    """Given text, return it with two lines exchanged."""
    lines = _lines(text)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def join_lines(rng: random.Random, text: str) -> str:
    """Given text, return it with a run of line breaks removed (sometimes all of them: one endless line)."""
    if rng.random() < 0.1:
        return text.replace("\n", "")
    lines = _lines(text)
    a = rng.randrange(len(lines))
    b = a + rng.choice((2, 5, 30))
    return "\n".join(lines[:a] + ["".join(lines[a:b])] + lines[b:])


def split_line(rng: random.Random, text: str) -> str:
    """Given text, return it with a line break or a cell separator inserted at a random place."""
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(("\n", "\t", " | ", "  ", "\n\n")) + text[i:]


def insert_token(rng: random.Random, text: str, tokens: tuple[str, ...] = TEXT_TOKENS) -> str:
    """Given text, return it with a report word, separator or odd character inserted."""
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(tokens) + text[i:]


def change_number(rng: random.Random, text: str) -> str:
    """Given text, return it with one number replaced by another, huge, negative, full-width or Chinese one."""
    found = list(NUMBER.finditer(text))
    if not found:
        return insert_token(rng, text)
    m = rng.choice(found)
    value = rng.choice((str(rng.randint(0, 9999)), "0", "-1", "99999999999999999999999", "1.5", "３４５", "一千二百",
                        "12.", "00012", "1,000", "0.0001", "1e5", str(int(m.group()[:12]) + 1)))
    return text[: m.start()] + value + text[m.end():]


def shuffle_cells(rng: random.Random, text: str) -> str:
    """Given text, return it with the cells of one tab-, pipe- or space-separated line reordered or one dropped."""
    lines = _lines(text)
    i = rng.randrange(len(lines))
    sep = next((s for s in ("\t", "|", "  ") if s in lines[i]), None)
    if sep is None:
        return split_line(rng, text)
    cells = lines[i].split(sep)
    if rng.random() < 0.5 and len(cells) > 1:
        del cells[rng.randrange(len(cells))]
    else:
        rng.shuffle(cells)
    lines[i] = sep.join(cells)
    return "\n".join(lines)


TEXT_MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    drop_lines, repeat_line, swap_lines, join_lines, split_line, insert_token, insert_token, change_number,
    change_number, shuffle_cells)


def mutate_text(rng: random.Random, data: bytes, tokens: tuple[str, ...] = TEXT_TOKENS) -> bytes:
    """Given text-like bytes, return them after one line/cell/number/token edit, in UTF-8 (sometimes GB18030)."""
    text = data.decode("utf-8", "replace")
    if not text:
        return rng.choice(tokens).encode()
    edit = rng.choice(TEXT_MUTATIONS)
    text = insert_token(rng, text, tokens) if edit is insert_token else edit(rng, text)
    return text.encode("gb18030", "replace") if rng.random() < 0.03 else text.encode()


# --- html, docx, pdf --------------------------------------------------------------------------------------
def mutate_html(rng: random.Random, data: bytes) -> bytes:
    """Given HTML bytes, return them with markup, a span attribute, text or bytes changed."""
    roll = rng.random()
    if roll < 0.3:
        return mutate_text(rng, data, HTML_TOKENS)
    if roll < 0.45:
        text = data.decode("utf-8", "replace")
        spans = list(re.finditer(r'(rowspan|colspan)="?\d*"?', text))
        if spans:
            m = rng.choice(spans)
            value = rng.choice(("0", "1", "2", "-1", "999999", "", "x", "3.5"))
            return (text[: m.start()] + f'{m.group(1)}="{value}"' + text[m.end():]).encode()
    if roll < 0.55:
        depth = rng.choice((10, 300, 3000))
        opener = rng.choice(("<div>", "<table><tr><td>", "<span>", "<b>"))
        i = rng.randrange(len(data) + 1)
        return data[:i] + opener.encode() * depth + data[i:]
    if roll < 0.85:
        return mutate_text(rng, data)
    return rng.choice(BYTE_MUTATIONS)(rng, data)


def _zip_members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info, zf.read(info)) for info in zf.infolist()]
    except Exception:  # noqa: BLE001 - a seed already broken as a zip is mutated as bytes
        return None


def edit_xml(rng: random.Random, xml: bytes) -> bytes:
    """Given a WordprocessingML part, return it with a text run, a property value or a whole element edited,
    mostly keeping it well-formed so that the edit reaches the reader rather than the XML parser."""
    text = xml.decode("utf-8", "replace")
    roll = rng.random()
    if roll < 0.45:
        runs = list(WORD_TEXT.finditer(text))
        if runs:
            m = rng.choice(runs)
            edited = mutate_text(rng, m.group(2).encode()).decode("utf-8", "replace")
            edited = edited.replace("&", "&amp;").replace("<", "&lt;").replace("\x00", "")
            return (text[: m.start(2)] + edited + text[m.end(2):]).encode()
    if roll < 0.65:
        values = list(WORD_VALUE.finditer(text))
        if values:
            m = rng.choice(values)
            value = rng.choice(("0", "1", "2", "-1", "1000", "99999", "", "x", "restart", "continue"))
            return (text[: m.start(1)] + value + text[m.end(1):]).encode()
    if roll < 0.9:
        tag = rng.choice(("w:p", "w:tc", "w:tr", "w:tbl", "w:r"))
        elements = list(re.finditer(rf"<{tag}[ >].*?</{tag}>", text, re.S))
        if elements:
            m = rng.choice(elements)
            times = rng.choice((0, 0, 2, 3, 50))
            return (text[: m.start()] + m.group() * times + text[m.end():]).encode()
    return mutate_text(rng, xml, DOCX_TOKENS)


def mutate_docx(rng: random.Random, data: bytes) -> bytes:
    """Given DOCX bytes, return the package with one part edited (mostly word/document.xml), or its bytes mutated."""
    members = _zip_members(data) if rng.random() < 0.9 else None
    if not members:
        return rng.choice(BYTE_MUTATIONS)(rng, data)
    names = [info.filename for info, _ in members]
    target = "word/document.xml" if "word/document.xml" in names and rng.random() < 0.85 else rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in members:
            if info.filename == target:
                roll = rng.random()
                if roll < 0.03:
                    continue  # a part gone
                content = edit_xml(rng, content) if roll < 0.93 else rng.choice(BYTE_MUTATIONS)(rng, content)
            # the seed's own timestamp: a fresh one would make the same mutant differ from run to run
            zf.writestr(zipfile.ZipInfo(info.filename, date_time=info.date_time), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


WORD_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
WORD_VALUE = re.compile(r'w:val="([^"]*)"')
DOCX_TOKENS = TEXT_TOKENS + (
    "<w:p>", "</w:p>", "<w:tc>", "</w:tc>", "<w:tr>", "</w:tr>", '<w:gridSpan w:val="0"/>', '<w:gridSpan w:val="1000"/>',
    '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridBefore w:val="9"/>', "<w:tbl>", "</w:tbl>", "<w:br/>", "<w:tab/>",
    "<w:t>", "</w:t>", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:ins>", "</w:ins>",
)


def mutate_pdf(rng: random.Random, data: bytes) -> bytes:
    """Given PDF bytes, return them with a content stream edited (inflated, changed, deflated) or objects/bytes mutated."""
    roll = rng.random()
    if roll < 0.45:
        streams = list(PDF_STREAM.finditer(data))
        if streams:
            m = rng.choice(streams)
            try:
                content = zlib.decompress(m.group(2))
            except zlib.error:
                content = m.group(2)
            content = mutate_text(rng, content, tuple(t.decode() for t in PDF_TOKENS))
            packed = zlib.compress(content)
            head = PDF_LENGTH.sub(b"/Length %d" % len(packed), m.group(1), count=1)
            return data[: m.start()] + head + packed + m.group(3) + data[m.end():]
    if roll < 0.65:
        return insert_pdf_token(rng, data)
    if roll < 0.8:
        return swap_numbers_bytes(rng, data)
    return rng.choice(BYTE_MUTATIONS)(rng, data)


def splice(rng: random.Random, data: bytes, donor: bytes) -> bytes:
    """Given bytes and another seed, return a prefix of one joined to a suffix of the other."""
    return data[: rng.randrange(len(data) + 1)] + donor[rng.randrange(len(donor) + 1):]


FAMILY_MUTATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "text": mutate_text, "html": mutate_html, "docx": mutate_docx, "pdf": mutate_pdf}


def mutate(rng: random.Random, data: bytes, family: str, donors: list[bytes]) -> bytes:
    """Given a seed, its family and the other seeds, return a mutant of at most MAX_INPUT bytes (1-4 edits)."""
    edit = FAMILY_MUTATORS[family]
    for _ in range(rng.choice((1, 1, 1, 2, 3, 4))):
        if donors and rng.random() < 0.05:
            data = splice(rng, data, rng.choice(donors))
        else:
            data = edit(rng, data)
    return data[:MAX_INPUT]
