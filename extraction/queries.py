"""Named questions over the store (`zfxxgk query`) and table exports (`zfxxgk export`). The SQL is in docs/archive.md."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("csv", "parquet", "xlsx", "jsonl")
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header row
XLSX_MAX_WIDTH = 60  # characters; longer texts (messages, quotes) wrap instead of widening the sheet
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read the Chinese as UTF-8 instead of the local code page

# A mismatch: the report contradicts itself (narrative vs table, parts, identities) or its previous year.
MISMATCH_RULES = "('narrative_vs_table', 'narrative_parts_sum', 'table_identity', 'cross_year')"


@dataclass(frozen=True)
class Question:
    """A named query: what it answers, its SQL (named parameters), and the parameters it takes."""

    help: str
    sql: str
    params: tuple[str, ...] = ()


QUESTIONS: dict[str, Question] = {
    "mismatches": Question(
        "Findings that are contradictions (narrative vs table, parts, identities, cross-year) for a year and a region "
        "(region matches the start of the region or of the agency name, e.g. 淮安市).",
        f"""SELECT r.agency, r.report_year AS year, f.rule, f.severity, f.metric, f.identity, f.message, d.path
FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id
WHERE (:year IS NULL OR r.report_year = :year)
  AND (:region IS NULL OR r.region LIKE :region || '%' OR r.agency LIKE :region || '%')
  AND f.rule IN {MISMATCH_RULES}
ORDER BY r.agency_key, r.report_year, f.severity, f.rule""",
        ("year", "region"),
    ),
    "table4-failures": Question(
        "Reports with any 表四 failure: a failing T4 identity, or narrative figures about 复议/诉讼 that the table contradicts.",
        """SELECT r.id, r.agency, r.report_year AS year, COUNT(*) AS n, GROUP_CONCAT(DISTINCT COALESCE(f.identity, f.metric)) AS what, d.path
FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id
WHERE (f.rule = 'table_identity' AND f.identity LIKE 'T4.%')
   OR (f.rule IN ('narrative_vs_table', 'narrative_parts_sum') AND (f.metric LIKE 'review.%' OR f.metric LIKE 'litigation.%'))
GROUP BY r.id ORDER BY r.report_year, r.agency_key""",
    ),
    "missing-years": Question(
        "Agencies missing a year: gaps between their first and last stored year (or up to --until).",
        """WITH RECURSIVE span(agency_key, y, last) AS (
  SELECT agency_key, MIN(report_year), MAX(MAX(report_year), COALESCE(:until, 0))
  FROM reports WHERE agency_key IS NOT NULL AND report_year IS NOT NULL GROUP BY agency_key
  UNION ALL SELECT agency_key, y + 1, last FROM span WHERE y < last)
SELECT s.agency_key, GROUP_CONCAT(s.y) AS missing_years
FROM span s
WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_key = s.agency_key AND r.report_year = s.y)
GROUP BY s.agency_key ORDER BY s.agency_key""",
        ("until",),
    ),
    "by-rule": Question(
        "Finding counts per year, rule and severity.",
        """SELECT r.report_year AS year, f.rule, f.severity, COUNT(*) AS findings, COUNT(DISTINCT r.id) AS reports
FROM findings f JOIN reports r ON r.id = f.report_id
GROUP BY r.report_year, f.rule, f.severity ORDER BY r.report_year, f.rule, f.severity""",
    ),
    "errors": Question(
        "Files that could not be audited, by error code.",
        "SELECT code, COUNT(*) AS n, MIN(path) AS example FROM errors GROUP BY code ORDER BY n DESC",
    ),
    "open-reviews": Question(
        "Error findings nobody has confirmed or dismissed yet.",
        """SELECT f.id AS finding_id, r.agency, r.report_year AS year, f.rule, f.message
FROM findings f JOIN reports r ON r.id = f.report_id
LEFT JOIN reviews v ON v.fingerprint = f.fingerprint AND v.agency_key = COALESCE(r.agency_key, '')
WHERE f.severity = 'error' AND COALESCE(v.status, 'open') = 'open'
ORDER BY r.agency_key, r.report_year, f.id""",
    ),
}

EXPORTS: dict[str, str] = {
    "cells": """SELECT r.agency, r.agency_key, r.report_year AS year, c.key, c.value, c.raw, c.page, c.line, c.address,
       c.confidence, r.id AS report_id, d.path
FROM cells c JOIN reports r ON r.id = c.report_id JOIN documents d ON d.id = r.document_id
ORDER BY r.agency_key, r.report_year, r.id, c.key""",
    "findings": """SELECT r.agency, r.agency_key, r.report_year AS year, f.id AS finding_id, f.fingerprint, f.origin, f.rule,
       f.severity, f.metric, f.identity, f.row, f.message, COALESCE(v.status, 'open') AS review_status,
       COALESCE(v.comment, '') AS review_comment, f.evidence_json, r.id AS report_id, d.path
FROM findings f JOIN reports r ON r.id = f.report_id JOIN documents d ON d.id = r.document_id
LEFT JOIN reviews v ON v.fingerprint = f.fingerprint AND v.agency_key = COALESCE(r.agency_key, '')
ORDER BY r.agency_key, r.report_year, r.id, f.id""",
    "mentions": """SELECT r.agency, r.agency_key, r.report_year AS year, m.idx, m.section, m.quote, m.value, m.unit, m.metric,
       m.verdict, m.page, m.line, m.span_start, m.span_end, r.id AS report_id, d.path
FROM mentions m JOIN reports r ON r.id = m.report_id JOIN documents d ON d.id = r.document_id
ORDER BY r.agency_key, r.report_year, r.id, m.idx""",
    "reports": """SELECT r.id AS report_id, r.agency, r.agency_key, r.region, r.level, r.report_year AS year, r.template,
       r.published, d.format, d.pages, d.size, d.sha256, d.path, r.n_findings, r.max_severity
FROM reports r JOIN documents d ON d.id = r.document_id
ORDER BY r.agency_key, r.report_year, r.id""",
}


def connect_readonly(db: str | Path) -> sqlite3.Connection:
    """Given a store path, return a read-only connection (queries cannot change the archive)."""
    if not Path(db).exists():
        raise FileNotFoundError(f"{db}: no such store")
    conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def ask(db: str | Path, name: str | None = None, sql: str | None = None, **params: Any) -> tuple[list[str], list[tuple]]:
    """Given a store and a question name (or raw SQL) with parameters, return (column names, rows)."""
    if sql is None:
        if name not in QUESTIONS:
            raise KeyError(f"unknown question {name!r}; known: {', '.join(QUESTIONS)}")
        question = QUESTIONS[name]
        sql = question.sql
        params = {p: params.get(p) for p in question.params}
    with closing(connect_readonly(db)) as conn:
        cur = conn.execute(sql, params)
        columns = [c[0] for c in cur.description or []]
        return columns, [tuple(r) for r in cur.fetchall()]


def frame(db: str | Path, what: str) -> Any:
    """Given a store and a table name (cells | findings | mentions | reports), return it as a pandas DataFrame."""
    import pandas as pd

    if what not in EXPORTS:
        raise KeyError(f"unknown export {what!r}; known: {', '.join(EXPORTS)}")
    with closing(connect_readonly(db)) as conn:
        return pd.read_sql_query(EXPORTS[what], conn)


def typed(df: Any) -> Any:
    """Given an exported frame, return it with whole-number columns as nullable integers (SQLite's REAL cells of
    counts would otherwise print as 572.0) and JSON evidence as readable text next to the JSON."""
    import pandas as pd

    out = df.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().apply(float.is_integer).all():
            out[column] = values.astype("Int64")
    if "evidence_json" in out.columns:
        out.insert(out.columns.get_loc("evidence_json"), "evidence", out["evidence_json"].map(evidence_text))
    return out


def whole_numbers_bare(df: Any) -> Any:
    """Given a frame for a text or sheet export, return it with whole numbers in mixed columns (cells' values: counts
    beside 254.38 万元) as ints, so that 572 is written 572 and not 572.0."""
    import pandas as pd

    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            bare = [int(v) if pd.notna(v) and float(v).is_integer() else v for v in out[column]]
            out[column] = pd.Series(bare, index=out.index, dtype=object)
    return out


def evidence_text(evidence_json: str | None) -> str:
    """Given a finding's evidence JSON, return it as one line an auditor reads: quotes and cells with where they are."""
    if not evidence_json:
        return ""
    parts = []
    for item in json.loads(evidence_json):
        where = " ".join(str(item[k]) for k in ("location", "address") if item.get(k))
        where += f" 第{item['page']}页" if item.get("page") else ""
        where += f" 第{item['line']}行" if item.get("line") else ""
        if "quote" in item:
            parts.append(f"「{item['quote']}」{where}")
        elif "cell" in item:
            parts.append(f"{where.strip() or item['cell']} = {item.get('raw', '')}")
    return "；".join(parts)


def _write_xlsx(df: Any, out: Path, sheet: str) -> None:
    """Given a frame, write one sheet with a frozen header, column widths that fit the text and number formats."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        df.to_excel(writer, index=False, sheet_name=sheet)
        ws = writer.sheets[sheet]
        ws.freeze_panes = "A2"
        for i, column in enumerate(df.columns, start=1):
            letter = get_column_letter(i)
            texts = [str(column), *(str(v) for v in df[column].head(1000) if v is not None)]
            width = max(sum(2 if ord(ch) > 0x2E7F else 1 for ch in t) for t in texts)  # CJK is two columns wide
            ws.column_dimensions[letter].width = min(XLSX_MAX_WIDTH, width + 2)
            if column in ("year", "report_id", "finding_id", "idx"):
                continue
            for cell in ws[letter][1:]:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = "#,##0" if float(cell.value).is_integer() else "#,##0.00"


def export(db: str | Path, what: str, fmt: str, out: str | Path) -> int:
    """Given a store, a table name, a format and an output path, write the table; return the number of rows."""
    df = typed(frame(db, what))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        whole_numbers_bare(df.drop(columns=["evidence_json"], errors="ignore")).to_csv(out, index=False, encoding=CSV_ENCODING)
    elif fmt == "parquet":
        df.to_parquet(out, index=False)
    elif fmt == "xlsx":
        if len(df) > XLSX_MAX_ROWS:
            raise ValueError(f"{len(df)} rows do not fit one Excel sheet ({XLSX_MAX_ROWS}); export csv or parquet instead")
        _write_xlsx(whole_numbers_bare(df.drop(columns=["evidence_json"], errors="ignore")), out, what)
    elif fmt == "jsonl":
        df.to_json(out, orient="records", lines=True, force_ascii=False)
    else:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    return len(df)
