"""The archive store: migrations, save/get/list, reviews that survive re-runs, agency keys, series linking."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extraction import store as store_module
from extraction.agency import agency_key, parse_agency
from extraction.pipeline import audit
from extraction.series import link_agency, link_reports, reuse_ratio
from extraction.store import MIGRATIONS, Store, record_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seed" / "miyun_2021.txt"
REAL = ROOT.parent / "shared" / "corpus" / "real"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason=f"real corpus not found at {REAL}")


def seed_variant(tmp: Path, year: int, agency: str = "北京市密云区人民政府", extra: str = "") -> Path:
    """Given a year and an agency, write the seed report retitled to them; return its path."""
    text = SEED.read_text(encoding="utf-8").replace("北京市密云区人民政府", agency).replace("2021年政府信息公开", f"{year}年政府信息公开")
    path = tmp / f"{agency}_{year}.txt"
    path.write_text(text + extra, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_report():
    return audit(SEED)


def test_migrations_are_idempotent_and_versioned(tmp_path, monkeypatch):
    db = tmp_path / "a.sqlite"
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:1])
    assert Store(db).schema_version() == 1
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    s = Store(db)
    assert s.schema_version() == len(MIGRATIONS)
    s.close()
    s = Store(db)  # opening again applies nothing and breaks nothing
    assert s.schema_version() == len(MIGRATIONS)
    assert [r[0] for r in s.conn.execute("SELECT version FROM schema_version ORDER BY version")] == list(range(1, len(MIGRATIONS) + 1))
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "reports", "cells", "mentions", "findings", "reviews", "errors", "runs", "schema_version"} <= tables


def test_save_get_list(tmp_path, seed_report):
    s = Store(tmp_path / "a.sqlite")
    rid = s.save(seed_report, str(SEED))
    assert s.has_document(seed_report.sha256) and not s.has_document("0" * 64)
    got = s.get_report(rid)
    assert got["id"] == rid and got["agency"] == "北京市密云区人民政府" and got["agency_key"] == "密云区人民政府"
    assert got["cells"] == seed_report.to_json()["cells"]
    assert len(got["findings"]) == len(seed_report.findings) > 0
    assert all(f["review"] == {"status": "open", "comment": ""} and f["id"] and f["fingerprint"] for f in got["findings"])
    rows, total = s.list_reports(year=2021)
    assert total == 1 and rows[0]["n_findings"] == len(seed_report.findings) and rows[0]["max_severity"] == "error"
    assert s.list_reports(year=2020)[1] == 0
    assert s.list_reports(rule="narrative_vs_table")[1] == 1 and s.list_reports(rule="cross_year")[1] == 0
    assert s.list_reports(agency="密云", has_findings=True)[1] == 1
    n_cells = s.conn.execute("SELECT COUNT(*) FROM cells WHERE report_id = ?", (rid,)).fetchone()[0]
    assert n_cells == len(seed_report.cells)
    assert s.get_report(rid + 100) is None
    assert s.agencies()[0]["years"] == [2021]


def test_review_survives_resave_and_new_version(tmp_path, seed_report):
    s = Store(tmp_path / "a.sqlite")
    rid = s.save(seed_report, str(SEED))
    finding = s.get_report(rid)["findings"][0]
    review = s.set_review(finding["id"], "dismissed", "scope differs")
    assert review["status"] == "dismissed" and review["fingerprint"] == finding["fingerprint"]
    rid2 = s.save(seed_report, str(SEED))  # the same document again: replaced, not duplicated
    assert s.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    assert rid2 == rid  # the same bytes keep their id: a shared link to the report stays valid
    again = {f["fingerprint"]: f for f in s.get_report(rid2)["findings"]}
    assert again[finding["fingerprint"]]["review"] == {"status": "dismissed", "comment": "scope differs"}
    changed = audit(seed_variant(tmp_path, 2021, extra="\n"))  # a corrected upload: new sha, same findings
    rid3 = s.save(changed, "changed.txt")
    assert rid3 != rid2 and s.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert s.get_report(rid) is not None  # the earlier version's URL still resolves
    assert {f["fingerprint"]: f["review"]["status"] for f in s.get_report(rid3)["findings"]}[finding["fingerprint"]] == "dismissed"
    assert s.list_reports(review_status="dismissed")[1] == 2
    with pytest.raises(ValueError):
        s.set_review(finding["id"], "maybe")


def test_errors_are_rows(tmp_path):
    s = Store(tmp_path / "a.sqlite")
    s.save_error("bad.pdf", "ab" * 32, "corrupt", "bad.pdf: not a PDF")
    s.save_error("bad.pdf", "ab" * 32, "corrupt", "bad.pdf: not a PDF")
    assert s.has_document("ab" * 32) and len(s.errors()) == 1


def test_agency_keys():
    assert agency_key("淮安市洪泽区人民政府") == agency_key("洪泽区人民政府") == agency_key("洪泽区政府")
    assert agency_key("洪泽区政府办公室") != agency_key("洪泽区人民政府")
    assert agency_key("淮安市住房和城乡建设局") == "淮安市住房和城乡建设局"
    assert parse_agency("淮安市人民政府").level == "市"
    assert parse_agency("淮安市洪泽区人民政府").level == "区县"
    assert parse_agency("江苏省人民政府").level == "省"
    assert parse_agency("洪泽区岔河镇人民政府").level == "乡镇"
    assert parse_agency("沭阳县发展和改革局").level == "部门"
    assert parse_agency("淮安市洪泽区人民政府").region == "淮安市洪泽区"


def test_series_chains_skip_blanks_and_flag_breaks():
    def rep(rid, year, cells, template="v2021", sections=None):
        return {"id": rid, "year": year, "template": template, "path": f"r{year}.html", "agency": "x", "n_cells": len(cells),
                "cells": {k: {"value": v} for k, v in cells.items()}, "sections": sections or {}}

    prev = rep(1, 2021, {"requests.carried_forward.total": 5, "active.rules.in_force": 10})
    cur = rep(2, 2022, {"requests.carried_over.total": 4, "active.rules.in_force": 12, "active.rules.issued": 3,
                        "active.rules.repealed": 1, "requests.carried_over.natural_person": None})
    found = link_reports([prev, cur])[2]
    assert {f["identity"] for f in found} == {"X.carry_chain.total"}  # in-force holds: 10+3-1=12; blank skipped
    assert found[0]["previous"] == "r2021.html" and found[0]["rule"] == "cross_year"
    cur["cells"]["active.rules.in_force"]["value"] = 13
    assert {f["identity"] for f in link_reports([prev, cur])[2]} == {"X.carry_chain.total", "X.in_force_chain.rules"}
    prev["template"] = "v2019"  # in-force chain only v2021 -> v2021; carry chain across the format change
    assert {f["identity"] for f in link_reports([prev, cur])[2]} == {"X.carry_chain.total"}
    assert link_reports([prev, rep(3, 2023, {"requests.carried_over.total": 4})]) == {}  # 2021 -> 2023: not consecutive
    same = "第一句话写得足够长以便计入。第二句话也写得足够长了。第三句话同样足够长度。第四句话依然写得足够长。"
    assert reuse_ratio(same, same) == (1.0, 4, 4)
    assert reuse_ratio(same, "短。") is None


@needs_real
def test_series_pingtan_holds(tmp_path):
    s = Store(tmp_path / "a.sqlite")
    for name in ("pingtan_2021.html", "pingtan_2022.html"):
        s.save(audit(REAL / name), str(REAL / name))
    key = agency_key("平潭综合实验区管委会")
    assert link_agency(s, key) == 0  # carry chain (1 → 1) and in-force chain hold
    series = s.series(key)
    assert [y["year"] for y in series["years"]] == [2021, 2022] and series["findings"] == []
    cells = {r["year"]: {k: c["value"] for k, c in r["cells"].items()} for r in s.series_inputs(key)}
    assert cells[2021]["active.normative_docs.in_force"] + cells[2022]["active.normative_docs.issued"] \
        - cells[2022]["active.normative_docs.repealed"] == cells[2022]["active.normative_docs.in_force"] == 698
    assert cells[2022]["requests.carried_over.total"] == cells[2021]["requests.carried_forward.total"] == 1


def test_series_broken_pair_raises_findings(tmp_path):
    s = Store(tmp_path / "a.sqlite")
    for year in (2021, 2022):  # the same seed text twice: carry 41 ≠ 25, in force 1633 ≠ 1633+442−37, text reused
        path = seed_variant(tmp_path, year, agency="淮安市洪泽区人民政府" if year == 2021 else "洪泽区人民政府")
        s.save(audit(path), str(path))
    key = agency_key("洪泽区人民政府")
    assert s.stale_agencies() == [key]
    assert link_agency(s, key) > 0
    assert s.stale_agencies() == []
    findings = s.series(key)["findings"]
    identities = {f.get("identity") for f in findings}
    assert {"X.carry_chain.total", "X.carry_chain.natural_person", "X.in_force_chain.normative_docs"} <= identities
    assert any(f["rule"] == "narrative_reuse" and f["reuse_ratio"] > 0.6 for f in findings)
    assert all(f["year"] == 2022 and f["previous"].endswith("_2021.txt") for f in findings)
    report_2022 = next(y["report_id"] for y in s.series(key)["years"] if y["year"] == 2022)
    assert s.list_reports(rule="cross_year")[0][0]["id"] == report_2022
    before = {f["fingerprint"] for f in findings}
    link_agency(s, key)  # relinking replaces, never duplicates, and keeps fingerprints
    assert {f["fingerprint"] for f in s.series(key)["findings"]} == before


def test_record_of_keeps_sections(seed_report):
    record = record_of(seed_report)
    assert record.result_json == seed_report.dumps()
    assert "五" in record.sections and len(record.sections["一"]) > 100


def test_store_is_plain_sqlite(tmp_path, seed_report):
    db = tmp_path / "a.sqlite"
    Store(db).save(seed_report, str(SEED))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT agency_key, report_year FROM reports").fetchall() == [("密云区人民政府", 2021)]


def test_prepared_rows_store_the_same_as_a_report(tmp_path, seed_report):
    """A batch worker's PreparedRows (pickled to the parent) store exactly what saving the Report stores."""
    import pickle

    from extraction.store import prepare

    dbs = [tmp_path / "report.sqlite", tmp_path / "rows.sqlite"]
    Store(dbs[0]).save(seed_report, str(SEED))
    Store(dbs[1]).save(pickle.loads(pickle.dumps(prepare(seed_report, str(SEED)))), str(SEED))
    tables = []
    for db in dbs:
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT typeof(result_json) FROM reports").fetchall() == [("text",)]
            tables.append([sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                           for t in ("reports", "cells", "mentions", "findings", "sections", "series_stale")])
            tables[-1].append(conn.execute("SELECT sha256, path, format, pages, size FROM documents").fetchall())
    assert tables[0] == tables[1] and tables[0][1] and tables[0][2]


def test_a_figure_across_reports_is_found_by_primary_key(tmp_path):
    """With no index on cells(key) (migration 3), the documented by-key query still looks cells up, never scans them."""
    s = Store(tmp_path / "a.sqlite")
    expected = []
    for year in (2021, 2022):
        path = seed_variant(tmp_path, year)
        report = audit(path)
        s.save(report, str(path))
        expected.append(("密云区人民政府", year, report.cells["requests.new.total"].value))
    indexes = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cells'")}
    assert "cells_key" not in indexes
    sql = ("SELECT r.agency_key, r.report_year, c.value FROM cells c JOIN reports r ON r.id = c.report_id "
           "WHERE c.key = 'requests.new.total' ORDER BY r.agency_key, r.report_year")
    plan = [r[3] for r in s.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    assert any(p.startswith("SEARCH c USING") and "report_id=? AND key=?" in p for p in plan), plan
    assert [tuple(r) for r in s.conn.execute(sql)] == expected
