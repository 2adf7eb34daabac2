"""The archive store: one SQLite file holding documents, audit results, cells, mentions, findings and reviews.

Versioned migrations (`schema_version` + the ordered `MIGRATIONS` list), WAL mode, one transaction per
document. Reviews are keyed by finding fingerprint + agency key, so an auditor's decision survives a
re-run and a corrected re-upload of the same report. The schema is documented in docs/archive.md.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from extraction.agency import parse_agency
from extraction.report import Report

SEVERITY_RANK = {"error": 2, "warning": 1}
REVIEW_STATUSES = ("open", "confirmed", "dismissed")
SERIES_RULES = ("cross_year", "narrative_reuse")
# WAL pages before an automatic checkpoint (SQLite's default is 1,000 = 4 MB, i.e. every ~40 documents of a batch):
# fewer, larger checkpoints keep the fsync and the page copying out of the batch writer's per-document loop.
WAL_AUTOCHECKPOINT_PAGES = 10_000
BUSY_TIMEOUT_MS = 30_000  # the service reads while a batch writes; wait for the writer instead of failing
# Fields that describe a finding's wording or location, not what it found: left out of the fingerprint so
# that a reworded message or a re-ingested layout keeps the same fingerprint (and its review).
_UNSTABLE_FIELDS = {"message", "evidence", "severity", "previous", "id", "fingerprint", "review", "note"}

MIGRATIONS: list[str] = [
    # 1: the archive
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        format TEXT,
        pages INTEGER,
        size INTEGER,
        first_seen TEXT NOT NULL,
        run_id INTEGER
    );
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
        agency TEXT,
        agency_key TEXT,
        region TEXT,
        level TEXT,
        report_year INTEGER,
        template TEXT,
        published TEXT,
        result_json TEXT NOT NULL,
        n_findings INTEGER NOT NULL DEFAULT 0,
        max_severity TEXT
    );
    CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value NUMERIC,
        raw TEXT,
        page INTEGER,
        line INTEGER,
        address TEXT,
        confidence REAL,
        PRIMARY KEY (report_id, key)
    );
    CREATE TABLE mentions (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        section TEXT,
        quote TEXT,
        value NUMERIC,
        unit TEXT,
        metric TEXT,
        verdict TEXT,
        page INTEGER,
        line INTEGER,
        span_start INTEGER,
        span_end INTEGER,
        PRIMARY KEY (report_id, idx)
    );
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'audit',
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        metric TEXT,
        identity TEXT,
        row TEXT,
        message TEXT,
        evidence_json TEXT,
        finding_json TEXT NOT NULL,
        UNIQUE (report_id, fingerprint)
    );
    CREATE TABLE reviews (
        fingerprint TEXT NOT NULL,
        agency_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
        comment TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (fingerprint, agency_key)
    );
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT,
        run_id INTEGER,
        at TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started TEXT NOT NULL,
        finished TEXT,
        args TEXT,
        counts TEXT
    );
    CREATE TABLE sections (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (report_id, section)
    );
    CREATE TABLE series_stale (agency_key TEXT PRIMARY KEY);
    """,
    # 2: the lookups the CLI and the service make
    """
    CREATE INDEX reports_agency ON reports(agency_key, report_year);
    CREATE INDEX reports_year ON reports(report_year);
    CREATE INDEX findings_report ON findings(report_id);
    CREATE INDEX findings_rule ON findings(rule, severity);
    CREATE INDEX findings_fingerprint ON findings(fingerprint);
    CREATE INDEX errors_sha ON errors(sha256);
    CREATE INDEX cells_key ON cells(key);
    """,
    # 3: no index on cells(key). Each document's ~200 cells landed on ~200 different leaf pages of it, so every
    # commit wrote ~330 WAL pages for ~95 KB of data and the store writer spent 60 % of its time there. A figure
    # across reports needs no such index: SQLite walks the reports and looks each cell up in the
    # (report_id, key) primary key (9 ms over 2,100 reports; docs/archive.md).
    """
    DROP INDEX IF EXISTS cells_key;
    """,
]


@dataclass
class AuditRecord:
    """What a worker hands the store writer: the canonical result JSON and the narrative text per section."""

    result_json: str
    sections: dict[str, str] = field(default_factory=dict)
    size: int | None = None


@dataclass
class PreparedRows:
    """A document's rows, ready for the SQL: everything `Store.save` needs except the ids the inserts assign.

    A batch worker builds it (JSON parse, fingerprints, JSON texts, tuples) so that the single store writer only
    runs the inserts; it pickles small (the result JSON travels as UTF-8 bytes, stored back as TEXT).
    """

    sha256: str
    format: str | None
    pages: int | None
    size: int | None
    report: tuple[Any, ...]  # agency, agency_key, region, level, report_year, template, published, n_findings, max_severity
    result_json: bytes  # UTF-8
    cells: list[tuple[Any, ...]]  # rows of the cells table without report_id
    mentions: list[tuple[Any, ...]]  # rows of the mentions table without report_id
    findings: list[tuple[Any, ...]]  # (fingerprint, origin, rule, severity, ...) rows of the findings table without id, report_id
    sections: list[tuple[str, str]]  # (section, text), sorted
    agency_key: str | None


def record_of(report: Report) -> AuditRecord:
    """Given an audited Report, return its AuditRecord (sections re-segmented from the Source)."""
    sections: dict[str, str] = {}
    if report.source is not None:
        from extraction.segment import segment

        narrative = segment(report.source)
        for s in narrative.sections:
            if s.no:
                sections[s.no] = sections.get(s.no, "") + narrative.text[s.start:s.end]
    return AuditRecord(report.dumps(), sections)


def prepare(record: Report | AuditRecord, path: str | None = None) -> PreparedRows:
    """Given an audited report or its AuditRecord (and its path, for the size), return its rows for `Store.save`."""
    if isinstance(record, Report):
        record = record_of(record)
    result = json.loads(record.result_json)
    doc = result.get("document", {})
    raw = record.result_json.encode()
    sha = doc.get("sha256") or hashlib.sha256(raw).hexdigest()
    size = record.size
    if size is None and path is not None and os.path.isfile(path):
        size = os.path.getsize(path)
    name = parse_agency(result.get("agency"))
    year = result.get("report_year")
    findings = result.get("findings", [])
    return PreparedRows(
        sha256=sha, format=doc.get("format"), pages=doc.get("pages"), size=size,
        report=(result.get("agency"), name.key or None, name.region or None, name.level or None, year,
                result.get("template"), result.get("published"), len(findings), max_severity(findings)),
        result_json=raw,
        cells=[(key, c.get("value"), c.get("raw"), c.get("page"), c.get("line"), c.get("address"), c.get("confidence"))
               for key, c in result.get("cells", {}).items()],
        mentions=[(i, m.get("section"), m.get("quote"), m.get("value"), m.get("unit"), m.get("metric"), m.get("verdict"),
                   m.get("page"), m.get("line"), *(m.get("span") or [None, None])[:2])
                  for i, m in enumerate(result.get("mentions", []))],
        findings=finding_rows(findings, year, "audit"),
        sections=sorted(record.sections.items()),
        agency_key=name.key or None)


def finding_rows(findings: list[dict[str, Any]], year: int | None, origin: str) -> list[tuple[Any, ...]]:
    """Given findings (JSON form), their report year and origin, return their findings-table rows (no id, no report_id)."""
    rows, seen = [], {}
    for f in findings:
        fp = fingerprint(f, year)
        # Two findings that differ only in wording/evidence (the same figure quoted twice) keep distinct
        # fingerprints by order of appearance, which is stable for the same input.
        seen[fp] = seen.get(fp, 0) + 1
        if seen[fp] > 1:
            fp = f"{fp}-{seen[fp]}"
        rows.append((fp, origin, f.get("rule"), f.get("severity"), f.get("metric"), f.get("identity"), f.get("row"),
                     f.get("message"), json.dumps(f.get("evidence", []), ensure_ascii=False, sort_keys=True),
                     json.dumps(f, ensure_ascii=False, sort_keys=True)))
    return rows


_INSERT_FINDING = ("INSERT INTO findings (report_id, fingerprint, origin, rule, severity, metric, identity, row, message, "
                   "evidence_json, finding_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def fingerprint(finding: dict[str, Any], report_year: int | None) -> str:
    """Given a finding (JSON form) and its report year, return a hash of what it found, stable across re-runs."""
    stable = {k: v for k, v in finding.items() if k not in _UNSTABLE_FIELDS}
    stable["report_year"] = report_year
    text = json.dumps(stable, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def max_severity(findings: list[dict[str, Any]]) -> str | None:
    """Given findings, return the worst severity among them, or None."""
    ranked = [f.get("severity") for f in findings if f.get("severity") in SEVERITY_RANK]
    return max(ranked, key=SEVERITY_RANK.__getitem__) if ranked else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def split_script(script: str) -> list[str]:
    """Given an SQL script, return its statements (so a migration can run inside one explicit transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


class Store:
    """The SQLite archive. Safe to share between threads of one process; open one per process."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable against a killed process in WAL mode (only an OS crash can drop the last commits).
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.migrate()

    # -- plumbing -----------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction: all of it is committed, or none."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        """Return the number of migrations applied."""
        with self._lock:
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply the migrations not applied yet, each in its own transaction; return the schema version."""
        self.schema_version()
        for version, script in enumerate(MIGRATIONS, start=1):
            with self.transaction() as db:
                current = db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
                if current >= version:
                    continue
                for statement in split_script(script):
                    db.execute(statement)
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        return self.schema_version()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.conn.close()

    def _all(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: tuple | list = ()) -> sqlite3.Row | None:
        with self._lock:
            return self.conn.execute(sql, params).fetchone()

    # -- runs and errors ----------------------------------------------------------------------------------
    def start_run(self, args: dict[str, Any]) -> int:
        """Given the batch arguments, record a run and return its id."""
        with self.transaction() as db:
            cur = db.execute("INSERT INTO runs (started, args) VALUES (?, ?)", (_now(), json.dumps(args, ensure_ascii=False, default=str)))
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        """Given a run id and its counts, record that it finished."""
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished = ?, counts = ? WHERE id = ?", (_now(), json.dumps(counts), run_id))

    def has_document(self, sha256: str) -> bool:
        """Given a file's sha256, return whether it was already stored (as a report or as an error)."""
        return self._one("SELECT 1 FROM documents WHERE sha256 = ? UNION ALL SELECT 1 FROM errors WHERE sha256 = ? LIMIT 1",
                         (sha256, sha256)) is not None

    def has_report(self, sha256: str) -> bool:
        """Given a file's sha256, return whether a report of it is stored (not just an error)."""
        return self._one("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)) is not None

    def known_hashes(self, include_errors: bool = True) -> set[str]:
        """Return every stored sha256 (reports, and errors unless told not to)."""
        sql = "SELECT sha256 FROM documents" + (" UNION SELECT sha256 FROM errors" if include_errors else "")
        return {r[0] for r in self._all(sql)}

    def save_error(self, path: str, sha256: str, code: str, message: str, run_id: int | None = None) -> None:
        """Given an unreadable file, record why (replacing earlier errors of the same sha256)."""
        with self.transaction() as db:
            db.execute("DELETE FROM errors WHERE sha256 = ?", (sha256,))
            db.execute("INSERT INTO errors (path, sha256, code, message, run_id, at) VALUES (?, ?, ?, ?, ?, ?)",
                       (path, sha256, code, message, run_id, _now()))

    def errors(self) -> list[dict[str, Any]]:
        """Return every error row."""
        return [dict(r) for r in self._all("SELECT path, sha256, code, message, run_id FROM errors ORDER BY id")]

    # -- saving -------------------------------------------------------------------------------------------
    def save(self, report: Report | AuditRecord | PreparedRows, path: str, run_id: int | None = None) -> int:
        """Given an audited report (or its AuditRecord, or its PreparedRows) and its path, store it in one transaction; return its id."""
        rows = report if isinstance(report, PreparedRows) else prepare(report, path)
        sha = rows.sha256
        with self.transaction() as db:
            old = db.execute("SELECT d.id, d.first_seen, r.id AS report_id FROM documents d LEFT JOIN reports r ON r.document_id = d.id "
                             "WHERE d.sha256 = ?", (sha,)).fetchone()
            first_seen = old["first_seen"] if old else _now()
            # The same bytes keep their report id through re-audits, so a shared link to /reports/N stays valid.
            kept_id = old["report_id"] if old else None
            if old:
                db.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
            db.execute("DELETE FROM errors WHERE sha256 = ?", (sha,))
            doc_id = db.execute(
                "INSERT INTO documents (sha256, path, format, pages, size, first_seen, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sha, path, rows.format, rows.pages, rows.size, first_seen, run_id)).lastrowid
            report_id = int(db.execute(
                "INSERT INTO reports (id, document_id, agency, agency_key, region, level, report_year, template, published, "
                "n_findings, max_severity, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT))",
                (kept_id, doc_id, *rows.report, rows.result_json)).lastrowid)
            db.executemany("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(report_id, *r) for r in rows.cells])
            db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [(report_id, *r) for r in rows.mentions])
            db.executemany(_INSERT_FINDING, [(report_id, *r) for r in rows.findings])
            db.executemany("INSERT INTO sections VALUES (?, ?, ?)", [(report_id, *r) for r in rows.sections])
            if rows.agency_key:
                db.execute("INSERT OR IGNORE INTO series_stale VALUES (?)", (rows.agency_key,))
        return report_id

    @staticmethod
    def _insert_findings(db: sqlite3.Connection, report_id: int, findings: list[dict[str, Any]], year: int | None, origin: str) -> None:
        db.executemany(_INSERT_FINDING, [(report_id, *r) for r in finding_rows(findings, year, origin)])

    @staticmethod
    def _refresh_counts(db: sqlite3.Connection, report_id: int) -> None:
        rows = db.execute("SELECT severity FROM findings WHERE report_id = ?", (report_id,)).fetchall()
        db.execute("UPDATE reports SET n_findings = ?, max_severity = ? WHERE id = ?",
                   (len(rows), max_severity([dict(r) for r in rows]), report_id))

    # -- series -------------------------------------------------------------------------------------------
    def stale_agencies(self) -> list[str]:
        """Return the agency keys whose reports changed since their series was last linked."""
        return [r[0] for r in self._all("SELECT agency_key FROM series_stale ORDER BY agency_key")]

    def series_inputs(self, agency_key: str, keys: list[str] | None = None) -> list[dict[str, Any]]:
        """Given an agency key (and the cell keys wanted, default all), return its reports, oldest first: id, year,
        template, agency, path, n_cells (all its cells), cells {key: {value, raw, page, line, address}}, sections."""
        reports = [dict(r) for r in self._all(
            "SELECT r.id, r.report_year AS year, r.template, r.agency, d.path FROM reports r "
            "JOIN documents d ON d.id = r.document_id "
            "WHERE r.agency_key = ? AND r.report_year IS NOT NULL ORDER BY r.report_year, d.path", (agency_key,))]
        if not reports:
            return []
        by_id = {r["id"]: {**r, "n_cells": 0, "cells": {}, "sections": {}} for r in reports}
        ids = list(by_id)
        in_ids = f"report_id IN ({','.join('?' * len(ids))})"
        for report_id, n in self._all(f"SELECT report_id, COUNT(*) FROM cells WHERE {in_ids} GROUP BY report_id", ids):
            by_id[report_id]["n_cells"] = n
        key_filter, params = "", list(ids)
        if keys is not None:
            key_filter, params = f" AND key IN ({','.join('?' * len(keys))})", params + list(keys)
        for report_id, key, value, raw, page, line, address in self._all(
                f"SELECT report_id, key, value, raw, page, line, address FROM cells WHERE {in_ids}{key_filter}", params):
            by_id[report_id]["cells"][key] = {"key": key, "value": value, "raw": raw, "page": page, "line": line, "address": address}
        for report_id, section, text in self._all(f"SELECT report_id, section, text FROM sections WHERE {in_ids}", ids):
            by_id[report_id]["sections"][section] = text
        return list(by_id.values())

    def replace_series_findings(self, agency_key: str, findings: dict[int, list[dict[str, Any]]]) -> None:
        """Given an agency key and cross-year findings per report id, replace its earlier ones in one transaction."""
        with self.transaction() as db:
            ids = [r[0] for r in db.execute("SELECT id FROM reports WHERE agency_key = ?", (agency_key,)).fetchall()]
            marks = ",".join("?" * len(ids))
            if ids:
                db.execute(f"DELETE FROM findings WHERE origin = 'series' AND report_id IN ({marks})", ids)
            for report_id, items in findings.items():
                year = db.execute("SELECT report_year FROM reports WHERE id = ?", (report_id,)).fetchone()
                if year is not None:
                    self._insert_findings(db, report_id, items, year[0], "series")
            for report_id in ids:
                self._refresh_counts(db, report_id)
            db.execute("DELETE FROM series_stale WHERE agency_key = ?", (agency_key,))

    # -- reading ------------------------------------------------------------------------------------------
    def _findings_of(self, report_id: int, agency_key: str | None) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT f.id, f.fingerprint, f.finding_json, v.status, v.comment FROM findings f "
            "LEFT JOIN reviews v ON v.fingerprint = f.fingerprint AND v.agency_key = ? "
            "WHERE f.report_id = ? ORDER BY f.origin, f.id", (agency_key or "", report_id))
        return [{**json.loads(r["finding_json"]), "id": r["id"], "fingerprint": r["fingerprint"],
                 "review": {"status": r["status"] or "open", "comment": r["comment"] or ""}} for r in rows]

    def get_report(self, report_id: int) -> dict[str, Any] | None:
        """Given a report id, return its audit JSON with "id" and reviewed findings (cross-year ones included), or None."""
        row = self._one("SELECT id, agency_key, region, level, result_json FROM reports WHERE id = ?", (report_id,))
        if row is None:
            return None
        result = json.loads(row["result_json"])
        result["id"] = row["id"]
        result["agency_key"], result["region"], result["level"] = row["agency_key"], row["region"], row["level"]
        result["findings"] = self._findings_of(row["id"], row["agency_key"])
        return result

    def list_reports(self, agency: str | None = None, region: str | None = None, year: int | None = None,
                     rule: str | None = None, severity: str | None = None, review_status: str | None = None,
                     has_findings: bool | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Given filters, return one page of report summaries (newest year first) and the number of matches."""
        where, params = ["1 = 1"], []
        if agency:
            where.append("(r.agency LIKE ? OR r.agency_key LIKE ?)")
            params += [f"%{agency}%", f"%{agency}%"]
        if region:
            where.append("r.region LIKE ?")
            params.append(f"%{region}%")
        if year is not None:
            where.append("r.report_year = ?")
            params.append(int(year))
        finding_where, finding_params = [], []
        if rule:
            finding_where.append("f.rule = ?")
            finding_params.append(rule)
        if severity:
            finding_where.append("f.severity = ?")
            finding_params.append(severity)
        if review_status:
            finding_where.append("COALESCE((SELECT v.status FROM reviews v WHERE v.fingerprint = f.fingerprint "
                                 "AND v.agency_key = COALESCE(r.agency_key, '')), 'open') = ?")
            finding_params.append(review_status)
        if finding_where:
            where.append(f"EXISTS (SELECT 1 FROM findings f WHERE f.report_id = r.id AND {' AND '.join(finding_where)})")
            params += finding_params
        if has_findings is not None:
            where.append("r.n_findings > 0" if has_findings else "r.n_findings = 0")
        clause = " AND ".join(where)
        base = f"FROM reports r JOIN documents d ON d.id = r.document_id WHERE {clause}"
        total = int(self._one(f"SELECT COUNT(*) {base}", params)[0])
        rows = self._all(
            f"SELECT r.id, r.agency, r.agency_key, r.region, r.level, r.report_year AS year, r.template, d.format, d.path, "
            f"r.n_findings, r.max_severity {base} ORDER BY r.report_year DESC, r.agency_key, r.id LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)])
        return [dict(r) for r in rows], total

    def set_review(self, finding_id: int, status: str, comment: str = "") -> dict[str, Any]:
        """Given a finding id and a decision, record it for that fingerprint and agency; return the review."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
        with self.transaction() as db:
            row = db.execute("SELECT f.fingerprint, COALESCE(r.agency_key, '') AS agency_key FROM findings f "
                             "JOIN reports r ON r.id = f.report_id WHERE f.id = ?", (finding_id,)).fetchone()
            if row is None:
                raise KeyError(f"no finding {finding_id}")
            now = _now()
            db.execute("INSERT INTO reviews (fingerprint, agency_key, status, comment, updated_at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (fingerprint, agency_key) DO UPDATE SET status = excluded.status, "
                       "comment = excluded.comment, updated_at = excluded.updated_at",
                       (row["fingerprint"], row["agency_key"], status, comment, now))
        return {"finding_id": finding_id, "fingerprint": row["fingerprint"], "agency_key": row["agency_key"],
                "status": status, "comment": comment, "updated_at": now}

    def series(self, agency_key: str) -> dict[str, Any]:
        """Given an agency key, return its years (report, template, key figures) and its cross-year findings."""
        rows = self._all(
            "SELECT r.id, r.agency, r.report_year, r.template, r.result_json, d.path FROM reports r "
            "JOIN documents d ON d.id = r.document_id WHERE r.agency_key = ? ORDER BY r.report_year, d.path", (agency_key,))
        years, findings, names = [], [], []
        for r in rows:
            result = json.loads(r["result_json"])
            if r["agency"] and r["agency"] not in names:
                names.append(r["agency"])
            years.append({"year": r["report_year"], "report_id": r["id"], "path": r["path"], "template": r["template"],
                          "figures": result.get("summary", {}).get("figures", {})})
            findings += [{**f, "report_id": r["id"], "year": r["report_year"]}
                         for f in self._findings_of(r["id"], agency_key) if f.get("rule") in SERIES_RULES]
        return {"agency_key": agency_key, "agencies": names, "years": years, "findings": findings}

    def agencies(self) -> list[dict[str, Any]]:
        """Return one row per agency key: names, region, level, years, report and finding counts."""
        rows = self._all(
            "SELECT agency_key, GROUP_CONCAT(DISTINCT agency) AS names, MAX(region) AS region, MAX(level) AS level, "
            "GROUP_CONCAT(DISTINCT report_year) AS years, COUNT(*) AS n_reports, SUM(n_findings) AS n_findings "
            "FROM reports WHERE agency_key IS NOT NULL GROUP BY agency_key ORDER BY agency_key")
        return [{"agency_key": r["agency_key"], "names": sorted((r["names"] or "").split(",")), "region": r["region"],
                 "level": r["level"], "years": sorted(int(y) for y in (r["years"] or "").split(",") if y),
                 "n_reports": r["n_reports"], "n_findings": r["n_findings"] or 0} for r in rows]
