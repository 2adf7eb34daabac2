"""The Word reader without python-docx: the package read by its relationships and content types, the body flattened
by XSLT. Checked against python-docx's own reading of generated documents, and on packages damaged part by part."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction.document import IngestError, Source
from extraction.ingest import read_source
from extraction.ingest.docx import squeezed
from word_tables import add_merged_table

PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Word text: no control characters but TAB and newline (XML 1.0), blanks of every kind, digits split over runs
run_text = st.text(st.sampled_from("一二总计申请件 \u3000\u00a012345,.（）-"), max_size=6)
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def saved(document: docx.document.Document) -> bytes:
    """Given a python-docx document, return its .docx bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fill(paragraph: docx.text.paragraph.Paragraph, runs: list[tuple[str, str]]) -> None:
    """Given a paragraph and (text, then) pairs, add each text as a run followed by a tab, a line break or nothing."""
    for text, then in runs:
        run = paragraph.add_run(text)
        if then == "tab":
            run.add_tab()
        elif then == "break":
            run.add_break()


runs = st.lists(st.tuples(run_text, st.sampled_from(("", "tab", "break"))), max_size=4)


@st.composite
def word_document(draw: st.DrawFn) -> bytes:
    """A .docx: paragraphs of drawn runs, tabs and line breaks around a table of at least two columns with drawn
    merges and cells of one or two such paragraphs."""
    document = docx.Document()
    for _ in range(draw(st.integers(0, 3))):
        fill(document.add_paragraph(), draw(runs))
    n_rows, n_cols = draw(st.integers(1, 5)), draw(st.integers(2, 5))
    table = add_merged_table(draw, document, n_rows, n_cols)
    for row in table.rows:
        for cell in row.cells:
            fill(cell.paragraphs[0], draw(runs))
            if draw(st.booleans()):
                fill(cell.add_paragraph(), draw(runs))
    for _ in range(draw(st.integers(0, 2))):
        fill(document.add_paragraph(), draw(runs))
    return saved(document)


def python_docx_reading(data: bytes) -> tuple[list[str], list[list[str | None]]]:
    """Given a generated .docx, return the lines and the one grid python-docx's own API reads in it: a paragraph's
    text squeezed and cut at its breaks; a cell's paragraphs joined; None where a grid position continues the cell
    to its left (gridSpan) or above (vMerge), as python-docx's table.cell() returns the same cell there."""
    document = docx.Document(io.BytesIO(data))
    lines = [line for p in document.paragraphs for line in squeezed(p.text).split("\n") if line]
    (table,) = document.tables
    grid: list[list[str | None]] = []
    for r in range(len(table.rows)):
        row: list[str | None] = []
        for c in range(len(table.columns)):
            tc = table.cell(r, c)._tc
            continued = (c > 0 and table.cell(r, c - 1)._tc is tc) or (r > 0 and table.cell(r - 1, c)._tc is tc)
            texts = (squeezed(p.text) for p in table.cell(r, c).paragraphs)
            row.append(None if continued else "\n".join(t for t in texts if t))
        grid.append(row)
    return lines, grid


@PROPERTY
@given(data=word_document())
def test_the_reader_reads_what_python_docx_reads(data: bytes) -> None:
    source = read_source("r.docx", data)
    lines, grid = python_docx_reading(data)
    assert [line.text for line in source.lines] == lines
    (table,) = source.tables
    assert [[cell if cell is None else cell.text for cell in row] for row in table.rows] == grid


def edited(data: bytes, member: str, edit: bytes | None) -> bytes:
    """Given .docx bytes, return them with one member's bytes replaced (None: the member left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as changed:
        for info in original.infolist():
            if info.filename != member:
                changed.writestr(info.filename, original.read(info))
            elif edit is not None:
                changed.writestr(info.filename, edit)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    """Given .docx bytes and a member name, return the member's bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


@pytest.fixture(scope="module")
def report() -> bytes:
    """A titled .docx: two paragraphs and a table of two columns."""
    document = docx.Document()
    document.core_properties.title = "  某区人民政府2022年政府信息公开工作年度报告 "
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "信息内容", (0, 1): "本年制发件数", (1, 0): "规章", (1, 1): "5"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("二、主动公开政府信息情况")
    return saved(document)


def content(source: Source) -> tuple[list[str], list[list[str | None]]]:
    """Given a Source, return its lines and the texts of its first table."""
    return [line.text for line in source.lines], [[c and c.text for c in row] for row in source.tables[0].rows]


def test_a_damaged_part_the_reader_does_not_use_costs_nothing(report: bytes) -> None:
    whole = read_source("r.docx", report)
    assert whole.meta["title"] == "某区人民政府2022年政府信息公开工作年度报告"
    for name, damage in (("word/styles.xml", b"<w:styles"), ("word/settings.xml", None),
                         ("docProps/app.xml", b"\x00garbage")):
        assert content(read_source("r.docx", edited(report, name, damage))) == content(whole), name


def test_damaged_core_properties_cost_the_title_only(report: bytes) -> None:
    whole = read_source("r.docx", report)
    for damage in (b"<cp:coreProperties", None, b"<other/>"):
        source = read_source("r.docx", edited(report, "docProps/core.xml", damage))
        assert "title" not in source.meta and content(source) == content(whole)


def without_relationship(kind: str):
    """Given a relationship type's last word, return an edit of _rels/.rels that drops relationships of it."""
    return lambda rels: re.sub(rb"<Relationship [^>]*/" + kind.encode() + rb'"[^>]*/>', b"", rels)


@pytest.mark.parametrize("name, edit", [
    ("word/document.xml", lambda xml: xml.replace(b"<w:body>", b"<w:other>").replace(b"</w:body>", b"</w:other>")),
    ("word/document.xml", lambda xml: xml[: len(xml) // 2]),
    ("[Content_Types].xml", lambda types: types.replace(MAIN_TYPE.encode(), b"application/xml")),
    ("[Content_Types].xml", lambda types: re.sub(rb"<Override [^>]*/word/document.xml[^>]*/>", b"", types)),
    ("[Content_Types].xml", lambda types: b'<?xml version="1.0"?><Types/>'),
    ("_rels/.rels", without_relationship("officeDocument")),
    ("_rels/.rels", lambda rels: rels.replace(b'Target="word/document.xml"', b'Target="word/missing.xml"')),
    ("_rels/.rels", lambda rels: rels.replace(b'Target="word/document.xml"',
                                              b'Target="word/document.xml" TargetMode="External"')),
    ("_rels/.rels", None),
])
def test_a_package_without_a_readable_main_document_is_corrupt(report: bytes, name: str, edit) -> None:
    damaged = edited(report, name, None if edit is None else edit(member(report, name)))
    assert damaged != report
    with pytest.raises(IngestError) as error:
        read_source("damaged.docx", damaged)
    assert error.value.code == "corrupt" and "damaged.docx" in error.value.message


@pytest.mark.parametrize("span, expected", [("²", [["a", "b"]]), ("1", [["a", "b"]]), ("2", [["a", None, "b"]])])
def test_a_grid_span_int_cannot_read_is_garbled_not_a_crash(report: bytes, span: str, expected: list) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "a", "b"
    xml = member(saved(document), "word/document.xml")
    xml = xml.replace(b"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>'.encode(), 1)
    source = read_source("r.docx", edited(saved(document), "word/document.xml", xml))
    assert [[c and c.text for c in row] for row in source.tables[0].rows] == expected
