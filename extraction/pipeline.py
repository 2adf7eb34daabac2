"""One report end to end: ingest -> segment -> tables -> figures/links -> checks -> summary."""
from __future__ import annotations

from pathlib import Path

from extraction.checks import run_checks
from extraction.document import IngestError, Problem
from extraction.ingest import read_source
from extraction.linking import link_mentions
from extraction.metadata import read_metadata
from extraction.report import Report
from extraction.segment import segment
from extraction.spec import load_spec
from extraction.summary import summarise
from extraction.tables import parse_tables
from extraction.values import TableView

TABLES = {"二": "表二 主动公开政府信息情况", "三": "表三 收到和处理政府信息公开申请情况", "四": "表四 行政复议、行政诉讼情况"}


def audit(path: str | Path, data: bytes | None = None, display_path: str | None = None) -> Report:
    """Given a report file (or its bytes), return its audit; unreadable input gives a Report with errors only."""
    shown = display_path or str(path)
    try:
        source = read_source(path, data)
    except IngestError as exc:
        return Report(source=None, path=shown, errors=[Problem(exc.code, exc.message)])
    spec = load_spec()
    narrative = segment(source)
    meta = read_metadata(source, narrative)
    parsed = parse_tables(source.tables, meta.report_year)
    report = Report(
        source=source, path=shown, sha256=source.sha256, format=source.format, pages=source.pages,
        agency=meta.agency, report_year=meta.report_year, published=meta.published,
        template=parsed.version if parsed.cells else spec.template_for_year(meta.report_year) or parsed.version,
        cells=parsed.cells, deviations=parsed.deviations, errors=list(source.problems),
    )
    missing = [name for no, name in TABLES.items() if no not in parsed.found]
    if missing:
        report.errors.append(Problem("tables_missing", f"{shown}: no readable {'、'.join(missing)} (image, cut off or not printed); "
                                                       "its figures are not checked"))
    if parsed.unread_rows:
        report.errors.append(Problem("rows_unread", f"{shown}: 表三 rows {'、'.join(parsed.unread_rows)} could not be read; "
                                                    "identities that need them are not checked"))
    view = TableView(parsed.cells, spec, report.template) if report.template in spec.versions and parsed.cells else None
    report.mentions = link_mentions(narrative, view, spec, meta.report_year)
    report.findings = run_checks(report, view, spec)
    report.summary = summarise(report, narrative, view)
    return report
