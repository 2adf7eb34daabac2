"""One report end to end: ingest -> segment -> tables -> figures/links -> checks -> summary."""
from __future__ import annotations

from pathlib import Path

from extraction.active_stream import read_active_stream
from extraction.blocks import read_blocks
from extraction.checks import run_checks
from extraction.column_major import read_column_major
from extraction.digits import read_runs
from extraction.document import IngestError, Problem, Source
from extraction.headed_cells import read_headed_review
from extraction.ingest import read_source
from extraction.linking import link_mentions
from extraction.metadata import read_metadata
from extraction.report import Report
from extraction.segment import Narrative, segment
from extraction.spec import Spec, cell_name, load_spec
from extraction.summary import summarise
from extraction.tables import ParsedTables, parse_tables, unread_active_rows, unread_requests_rows
from extraction.values import TableView

REPORT_WORDS = ("信息公开", "信息公開", "年度报告", "年度報告")  # a report names itself; an unrelated text does not
TABLES = {"二": "表二 主动公开政府信息情况", "三": "表三 收到和处理政府信息公开申请情况", "四": "表四 行政复议、行政诉讼情况"}


def audit(path: str | Path, data: bytes | None = None, display_path: str | None = None) -> Report:
    """Given a report file (or its bytes), return its audit; unreadable input gives a Report with errors only."""
    shown = display_path or str(path)
    try:
        source = read_source(path, data)
    except IngestError as exc:
        # Messages name the file as the caller shows it: an uploaded file's storage path is the server's business.
        return Report(source=None, path=shown, errors=[Problem(exc.code, exc.message.replace(str(path), shown))])
    spec = load_spec()
    narrative = segment(source)
    if not _looks_like_a_report(source, narrative):
        return Report(source=None, path=shown, sha256=source.sha256, format=source.format, errors=[Problem(
            "not_a_report", f"{shown}：看不出是政府信息公开年度报告（没有标题或报告用语、没有章节、没有表格）")])
    meta = read_metadata(source, narrative)
    parsed = parse_tables(source.tables, meta.report_year)
    if source.runs:
        read_runs(source.runs, meta.report_year, parsed)
    if source.blocks:
        read_blocks(source.blocks, meta.report_year, parsed)
        read_column_major(source.blocks, parsed)
        read_headed_review(source.blocks, parsed)
        read_active_stream(source.blocks, parsed)
    unread_active: list[str] = []
    if parsed.version is not None:
        parsed.unread_rows = unread_requests_rows(parsed, spec.versions[parsed.version], spec.column_keys)
        unread_active = unread_active_rows(parsed, spec.versions[parsed.version])
    report = Report(
        source=source, path=shown, sha256=source.sha256, format=source.format, pages=source.pages,
        agency=meta.agency, report_year=meta.report_year, published=meta.published,
        template=parsed.version if parsed.cells else spec.template_for_year(meta.report_year) or parsed.version,
        cells=parsed.cells, deviations=parsed.deviations,
        errors=[Problem(p.code, p.message.replace(str(path), shown)) for p in source.problems],
        layout_alternatives=parsed.layout_alternatives,
    )
    missing = [name for no, name in TABLES.items() if no not in parsed.found]
    if missing:
        report.errors.append(Problem("tables_missing", f"{shown}：未读到{'、'.join(missing)}（图片、截断或未印出），"
                                                       "其数字未核对"))
    if parsed.unread_rows:
        report.errors.append(Problem("rows_unread", f"{shown}：表三 {'、'.join(parsed.unread_rows)} 行未能读取，"
                                                    "需要这些行的勾稽关系未核对"))
    if unread_active:
        report.errors.append(Problem("rows_unread", f"{shown}：表二 {'、'.join(unread_active)} 行未能读取，其数字未核对"))
    if parsed.unread:
        rows = {key.rsplit(".", 1)[0] for key in parsed.unread}
        reasons = "、".join(sorted(set(parsed.unread.values())))
        report.errors.append(Problem("cells_unread", f"{shown}：{len(rows)} 行中 {len(parsed.unread)} 个表格单元格未读（{reasons}）："
                                                     "印出的数字有不止一种读法；需要它们的勾稽关系未核对"))
    report.errors += ocr_problems(parsed, spec, shown)
    view = TableView(parsed.cells, spec, report.template) if report.template in spec.versions and parsed.cells else None
    report.mentions = link_mentions(narrative, view, spec, meta.report_year, meta.agency)
    report.findings = run_checks(report, view, spec)
    report.summary = summarise(report, narrative, view)
    return report


def ocr_problems(parsed: ParsedTables, spec: Spec, shown: str) -> list[Problem]:
    """Given parsed tables, return a warning per OCR reading the identities replaced and one naming the unsure
    OCR readings no identity confirms: neither is ever silent."""
    out = []
    for c in parsed.corrections:
        held = "、".join(f"{i.id}（{i.text}）" for i in c.identities) or "无"
        out.append(Problem("ocr_corrected", f"{shown}：{_cell_name(c.key, spec)}：图片识别读作“{c.ocr_raw}”（置信度{c.ocr_confidence:.2f}），"
                                            f"按勾稽关系改为{c.value}；据以更正的关系：{held}。请核对原图："
                                            f"若原表即印作“{c.ocr_raw}”，则是表内勾稽关系不符"))
    if parsed.ocr_doubts:
        named = "；".join(f"{_cell_name(k, spec)}（{why}）" for k, why in parsed.ocr_doubts.items())
        out.append(Problem("ocr_doubtful", f"{shown}：{len(parsed.ocr_doubts)} 个图片识别单元格读数存疑，未据以判断：{named}"))
    return out


def _cell_name(key: str, spec: Spec) -> str:
    """Given a cell key, return how an auditor names it in either template version (the key when neither has it)."""
    cell = next((v.cells[key] for v in spec.versions.values() if key in v.cells), None)
    return key if cell is None else cell_name(cell)


def _looks_like_a_report(source: Source, narrative: Narrative) -> bool:
    """Given what was read, return whether it can be a disclosure report: a table, a numbered section of the
    national format, or the words a report names itself with."""
    if source.tables or source.runs or source.blocks or any(section.no for section in narrative.sections):
        return True
    return any(word in narrative.text for word in REPORT_WORDS)
