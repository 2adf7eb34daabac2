"""`zfxxgk batch`: whole directories and archives into the store; reruns, SIGKILL safety, Dask, query and export."""
from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from extraction.batch import run_batch, walk
from extraction.queries import EXPORTS, ask, export, frame
from extraction.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seed" / "miyun_2021.txt"
REAL = ROOT.parent / "shared" / "corpus" / "real"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason=f"real corpus not found at {REAL}")
CLI = [sys.executable, "-c", "from extraction.cli import app; app()"]
BAD = {"empty.txt": "empty", "junk.bin": "unknown_format", "truncated.pdf": "corrupt"}
COUNTIES = "甲乙丙丁戊己庚辛壬癸"


def write_series_docs(folder: Path, agencies: int = 10, years: tuple[int, ...] = (2021, 2022, 2023)) -> list[Path]:
    """Given a folder, write the seed report retitled for each agency and year; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    paths = []
    for a in range(agencies):
        for year in years:
            text = seed.replace("北京市密云区人民政府", f"样例市{COUNTIES[a]}县人民政府").replace("2021年政府信息公开", f"{year}年政府信息公开")
            path = folder / f"county{a}_{year}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


def stored(db: Path) -> tuple[dict[str, str], dict[tuple[str, str], str], int]:
    """Given a store, return {sha: result_json}, {(sha, fingerprint): finding_json} and the number of report rows."""
    with sqlite3.connect(db) as conn:
        results = dict(conn.execute("SELECT d.sha256, r.result_json FROM reports r JOIN documents d ON d.id = r.document_id"))
        findings = {(sha, fp): js for sha, fp, js in conn.execute(
            "SELECT d.sha256, f.fingerprint, f.finding_json FROM findings f JOIN reports r ON r.id = f.report_id "
            "JOIN documents d ON d.id = r.document_id")}
        n = conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    return results, findings, n


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    if not REAL.is_dir():
        pytest.skip(f"real corpus not found at {REAL}")
    folder = tmp_path_factory.mktemp("corpus")
    inbox = folder / "in"
    inbox.mkdir()
    for f in sorted(REAL.iterdir()):
        if not f.name.endswith(".json"):
            (inbox / f.name).write_bytes(f.read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "junk.bin").write_bytes(random.Random(7).randbytes(4096).replace(b"%PDF", b"%pdf"))
    (inbox / "truncated.pdf").write_bytes((REAL / "huaian_2024.pdf").read_bytes()[:20_000])
    with zipfile.ZipFile(folder / "more.zip", "w") as zf:  # a copy (skipped by sha) and a new variant
        zf.write(SEED, "dup/miyun_2021.txt")
        zf.writestr("new/miyun_2021_fixed.txt", SEED.read_text(encoding="utf-8") + "\n（更正版）\n")
    with tarfile.open(folder / "more.tgz", "w:gz") as tf:
        tf.add(REAL / "shuyang_fgj_2023.html", "x/shuyang_copy.html")
    return folder


@pytest.fixture(scope="module")
def pool_db(corpus, tmp_path_factory) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("pool") / "audit.sqlite"
    counts = run_batch([str(corpus / "in"), str(corpus / "more.zip"), str(corpus / "more.tgz")], Store(db), workers=2)
    return db, counts


def test_walk_opens_archives(corpus):
    paths = [e.path for e in walk([str(corpus / "more.zip"), str(corpus / "more.tgz")])]
    assert paths == [f"{corpus / 'more.zip'}!/dup/miyun_2021.txt", f"{corpus / 'more.zip'}!/new/miyun_2021_fixed.txt",
                     f"{corpus / 'more.tgz'}!/x/shuyang_copy.html"]


def test_batch_stores_everything_errors_as_rows(pool_db, corpus):
    db, counts = pool_db
    reports = [f for f in (corpus / "in").iterdir() if f.name not in BAD]
    assert counts.stored == len(reports) + 1  # + the new variant inside the zip; the two copies are skipped
    assert counts.skipped == 2 and counts.failed == len(BAD) and counts.lost == 0
    s = Store(db)
    assert {Path(e["path"]).name: e["code"] for e in s.errors()} == BAD
    rows, total = s.list_reports(limit=100)
    assert total == counts.stored and {r["format"] for r in rows} >= {"pdf", "html", "docx", "text-flattened"}
    assert s.list_reports(agency="平潭", year=2022)[1] == 2  # html and docx of the same report
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT finished, counts FROM runs").fetchall()
    assert runs[0][0] and json.loads(runs[0][1])["stored"] == counts.stored


def test_rerun_skips_everything(pool_db, corpus):
    db, first = pool_db
    before = stored(db)
    again = run_batch([str(corpus / "in"), str(corpus / "more.zip"), str(corpus / "more.tgz")], Store(db), workers=2)
    assert again.stored == 0 and again.failed == 0 and again.skipped == first.found
    assert stored(db) == before


def test_timeout_becomes_error_row(tmp_path):
    if not REAL.is_dir():
        pytest.skip(f"real corpus not found at {REAL}")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slow.pdf").write_bytes((REAL / "huaian_2024.pdf").read_bytes())
    (tmp_path / "in" / "fast.txt").write_bytes(SEED.read_bytes())
    s = Store(tmp_path / "a.sqlite")
    counts = run_batch([str(tmp_path / "in")], s, workers=1, timeout=0.05)
    assert {Path(e["path"]).name: e["code"] for e in s.errors()}.get("slow.pdf") == "timeout"
    assert counts.failed + counts.stored == 2  # the killed worker was replaced and the run went on


def test_cluster_matches_pool(pool_db, corpus, tmp_path):
    pytest.importorskip("distributed")
    db = tmp_path / "dask.sqlite"
    counts = run_batch([str(corpus / "in"), str(corpus / "more.zip"), str(corpus / "more.tgz")], Store(db), cluster="local:2")
    assert counts.stored == pool_db[1].stored and counts.failed == pool_db[1].failed
    assert stored(db) == stored(pool_db[0])
    assert {e["code"] for e in Store(db).errors()} == set(BAD.values())


def test_sigkill_loses_nothing(tmp_path):
    docs = tmp_path / "docs"
    write_series_docs(docs)
    clean_db, killed_db = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    args = ["batch", str(docs), "--workers", "2", "--quiet"]
    subprocess.run([*CLI, *args, "--db", str(clean_db)], cwd=ROOT, check=True, capture_output=True, timeout=300)
    rng = random.Random(20240131)
    kills, at_kill = 0, []
    for _ in range(3):
        proc = subprocess.Popen([*CLI, *args, "--db", str(killed_db)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        have = _count(killed_db)
        goal = have + rng.randint(1, 8)
        while proc.poll() is None and _count(killed_db) < goal:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.02))  # a random point between commits; a document takes ~5 ms here
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
            at_kill.append(_count(killed_db))
        proc.wait(timeout=60)
    assert kills >= 1 and min(at_kill) < 30, f"no kill landed mid-batch ({at_kill}); make more documents"
    subprocess.run([*CLI, *args, "--db", str(killed_db)], cwd=ROOT, check=True, capture_output=True, timeout=300)
    clean, killed = stored(clean_db), stored(killed_db)
    assert killed[2] == len(killed[0]) == 30  # nothing lost, nothing duplicated
    assert killed[0] == clean[0]  # the same audit results
    assert killed[1] == clean[1]  # the same findings, cross-year ones included
    assert any(json.loads(js)["rule"] == "cross_year" for js in killed[1].values())


def test_bench_batch_runs_each_worker_count_and_compares_results(tmp_path):
    docs = tmp_path / "docs"
    write_series_docs(docs, agencies=2)
    out = subprocess.run([*CLI, "bench-batch", str(docs), "--workers", "1,2"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    assert "every run stored the same findings" in out.stdout
    rates = dict(re.findall(r"(\d) worker\(s\): mean [\d.]+ docs/s, × ([\d.]+) of 1 worker", out.stdout))
    assert set(rates) == {"1", "2"} and rates["1"] == "1.00" and float(rates["2"]) > 0
    rows = re.findall(r"│\s+\d\s+│\s+(\d)\s+│\s+(\d+)\s+│", out.stdout)
    assert rows == [("1", "6"), ("2", "6")]  # one run per listed count, in order, each storing all 6 documents


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not migrated yet


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl", "xlsx"])
def test_export_round_trip(pool_db, tmp_path, fmt):
    import pandas as pd

    db = pool_db[0]
    out = tmp_path / f"cells.{fmt}"
    n = export(db, "cells", fmt, out)
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel,
            "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt](out)
    assert len(read) == n > 0
    assert {"agency", "year", "key", "value", "page"} <= set(read.columns)
    original = frame(db, "cells")
    pairs = lambda df: sorted(zip(df["report_id"], df["key"], df["value"].fillna(-1).astype(float)))  # noqa: E731
    assert pairs(read) == pairs(original)
    if fmt == "parquet":
        duckdb = pytest.importorskip("duckdb")
        got = duckdb.connect().execute(f"SELECT COUNT(*), COUNT(DISTINCT key) FROM read_parquet('{out}')").fetchone()
        assert got == (n, original["key"].nunique())


def test_exports_fit_their_readers(pool_db, tmp_path):
    import openpyxl

    db = pool_db[0]
    csv_path = tmp_path / "findings.csv"
    export(db, "findings", "csv", csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    header, *rows = raw.decode("utf-8-sig").splitlines()
    assert "evidence" in header.split(",") and "evidence_json" not in header
    cells_csv = tmp_path / "cells.csv"
    export(db, "cells", "csv", cells_csv)
    text = cells_csv.read_text(encoding="utf-8-sig")
    values = [line.split(",")[4] for line in text.splitlines()[1:]]
    assert "351" in values and not [v for v in values if v.endswith(".0")]  # whole numbers as whole numbers

    xlsx = tmp_path / "cells.xlsx"
    export(db, "cells", "xlsx", xlsx)
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width > 10  # agency names are not cut to the default width
    value_col = [c.value for c in sheet[1]].index("value") + 1
    assert sheet.cell(row=2, column=value_col).number_format in ("#,##0", "#,##0.00")

    parquet = tmp_path / "cells.parquet"
    export(db, "cells", "parquet", parquet)
    import pyarrow.parquet as pq
    assert str(pq.read_schema(parquet).field("page").type) == "int64"


def test_export_every_table(pool_db, tmp_path):
    for what in EXPORTS:
        assert export(pool_db[0], what, "jsonl", tmp_path / f"{what}.jsonl") > 0


def test_named_questions(pool_db):
    db = pool_db[0]
    columns, rows = ask(db, "mismatches", year=2023, region="沭阳县")
    assert "message" in columns and all(r[1] == 2023 for r in rows)
    assert ask(db, "errors")[1]
    for name in ("table4-failures", "missing-years", "by-rule", "open-reviews"):
        ask(db, name)


def test_cli_query_and_export(pool_db, tmp_path):
    db = pool_db[0]
    out = subprocess.run([*CLI, "query", "by-rule", "--db", str(db), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and json.loads(out.stdout.splitlines()[0])["rule"]
    target = tmp_path / "f.csv"
    out = subprocess.run([*CLI, "export", str(target), "--db", str(db), "--to", "csv", "--what", "findings"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and target.stat().st_size > 0


def test_a_rerun_with_nothing_new_says_so_without_warnings(tmp_path):
    db = tmp_path / "a.sqlite"
    runs = [subprocess.run([*CLI, "batch", str(SEED), "--db", str(db), "--quiet", "--workers", "1"], cwd=ROOT,
                           capture_output=True, text=True, timeout=300) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert "1 stored" in runs[0].stderr and "docs/s" in runs[0].stderr
    assert "nothing new to audit" in runs[1].stderr and "0.0 docs/s" not in runs[1].stderr
    assert not any("pkg_resources" in r.stderr or "Warning" in r.stderr for r in runs)
