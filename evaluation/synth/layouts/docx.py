"""DOCX layout with python-docx: merged cells as w:gridSpan / w:vMerge (§5.5), numbers sometimes split over runs."""
from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from evaluation.synth.grid import Grid, blocks
from evaluation.synth.model import ReportModel

FIXED_TIME = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def add_table(document: docx.document.Document, grid: Grid, rng: random.Random) -> None:
    """Given a document and a grid, append the table with its merges and texts."""
    table = document.add_table(rows=len(grid.rows), cols=grid.width)
    table.style = "Table Grid"
    for r, row in enumerate(grid.positions()):
        for c, position in enumerate(row):
            if position is None or not position[1]:
                continue
            cell = position[0]
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            paragraph = target.paragraphs[0]
            lines = cell.text.split("\n")
            for i, line in enumerate(lines):
                if i:
                    paragraph = target.add_paragraph()
                if cell.value and len(line) > 2 and rng.random() < 0.3:
                    paragraph.add_run(line[:1])
                    paragraph.add_run(line[1:])
                else:
                    paragraph.add_run(line)


def stable_zip(data: bytes) -> bytes:
    """Given a zip archive, return it rewritten with fixed timestamps so the same input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as a .docx file."""
    rng = random.Random(model.stem + "/docx")
    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = FIXED_TIME
    props.title = f"{model.agency.name}{model.year}年政府信息公开工作年度报告"
    for block in blocks(model, wrap_heads=True):
        if block.kind == "table" and block.grid is not None:
            add_table(document, block.grid, rng)
            continue
        paragraph = document.add_paragraph(block.text)
        if block.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "signature":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())
