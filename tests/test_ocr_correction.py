"""Identity-guided correction of OCR-read table cells, on the real reports' own tables with OCR-like faults injected.

Every report's raw tables are read as sure OCR readings (the truth), then with a few cells' digits mistaken the way
OCR mistakes them at low confidence: each mistaken cell must come back corrected (inferred, with a warning) or
flagged (unread, doubtful), never silently wrong, and no table_identity error may rest on a mistaken reading.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from evaluation.ocr_faults import SURE, UNSURE, Document, documents, identity_errors, misread, mistake, positions, run, with_confidence
from extraction import pipeline
from extraction.corrections import plausible_misread
from extraction.document import UNREAD, Cell
from extraction.placement import status
from extraction.spec import load_spec
from extraction.tables import DOUBTFUL_CONFIDENCE, parse_tables

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
FOLDERS = [REAL, ROOT / "corpus" / "seed", ROOT / "corpus" / "synthetic"]
SEED = 2026
HIGH = 0.97  # an OCR reading the engine is sure of


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    if not REAL.is_dir():
        pytest.skip("../shared/corpus/real is absent: the real reports' tables are read from there")
    found = documents([str(f) for f in FOLDERS])
    assert len(found) >= 10
    return found


def _fault(doc: Document, keys: list[str], confidence: float, rng: random.Random):
    """Given a document and cell keys, return (truth, faulted parse, {key: misread text}) with those cells mistaken."""
    sure = with_confidence(doc.tables, SURE)
    truth = parse_tables(sure, doc.year)
    grid = positions(sure, truth)
    rows = [[list(r) for r in t.rows] for t in sure]
    wrong = mistake(rows, grid, keys, confidence, rng)
    return truth, parse_tables([replace(t, rows=r) for t, r in zip(sure, rows)], doc.year), wrong


def _one_request_fault_each(docs: list[Document], confidence: float):
    """Given documents and a confidence, yield (document, key, truth, faulted parse, misreads) with one 表三 cell of
    each document, chosen by a seeded draw, misread at that confidence."""
    rng = random.Random(SEED)
    for doc in docs:
        truth = parse_tables(with_confidence(doc.tables, SURE), doc.year)
        keys = [k for k in sorted(positions(with_confidence(doc.tables, SURE), truth)) if k.startswith("requests.")]
        if not keys:
            continue
        key = rng.choice(keys)
        truth, parsed, wrong = _fault(doc, [key], confidence, rng)
        if key in wrong:
            yield doc, key, truth, parsed, wrong


def test_sure_ocr_reads_exactly_as_the_text_layer(docs):
    for doc in docs:
        text = parse_tables(doc.tables, doc.year)
        ocr = parse_tables(with_confidence(doc.tables, SURE), doc.year)
        assert {k: (c.value, c.confidence, c.placement) for k, c in ocr.cells.items()} == \
               {k: (c.value, c.confidence, c.placement) for k, c in text.cells.items()}, doc.path
        assert ocr.unread == text.unread and not ocr.corrections and not ocr.ocr_doubts, doc.path
        assert all(c.ocr_confidence is None and "ocr_confidence" not in c.to_json() for c in text.cells.values())


def test_unfaulted_reports_infer_nothing_but_where_the_print_breaks_a_sum(docs):
    # A sure reading is never re-read. An unsure one is only where the printed table itself breaks the identities
    # around it (synthetic reports plant such errors): a misprint and a misreading look alike, and the warning says so.
    for doc in docs:
        assert not parse_tables(with_confidence(doc.tables, SURE), doc.year).corrections, doc.path
        text = {k: c.value for k, c in parse_tables(doc.tables, doc.year).cells.items()}
        for c in parse_tables(with_confidence(doc.tables, UNSURE), doc.year).corrections:
            assert any(status(i, text) == 0 for i in c.identities), doc.path


@pytest.mark.parametrize("faults", [1, 3])
def test_low_confidence_faults_are_corrected_or_flagged(docs, faults):
    tally = run(docs, trials=4, faults=faults, confidence=UNSURE, seed=SEED + faults)
    assert tally["faults"] >= 40 * faults
    assert tally["wrong"] == 0 and tally["collateral_wrong"] == 0
    assert tally["false_identity_errors"] == 0
    assert tally["corrected"] + tally["flagged"] == tally["faults"]
    # Only 表二 cells (no identity) and faults sharing an identity with another one may stay uncorrected.
    assert tally["corrected"] >= 0.8 * tally["faults"]


def test_a_poor_scan_with_many_unsure_right_readings_is_never_read_wrong(docs):
    # A quarter of the right readings unsure too: fewer misreadings can be named, none may be read wrong.
    tally = run(docs, trials=3, faults=2, confidence=UNSURE, seed=SEED, unsure_share=0.25)
    assert tally["unsure_right_readings"] >= 500 and tally["faults"] >= 100
    assert tally["wrong"] == tally["collateral_wrong"] == tally["false_identity_errors"] == 0
    assert tally["corrected"] >= 0.5 * tally["faults"]
    assert tally["collateral_flagged"] <= 0.3 * tally["unsure_right_readings"]


@pytest.mark.parametrize("read, true, slip", [
    ("72", "12", True), ("38", "33", True), ("108", "100", True), ("55", "5", True), ("5", "56", True),
    ("1288", "12", False), ("42", "12", False), ("13", "31", False), ("7", "7", False)])
def test_one_ocr_slip_is_a_confusable_digit_or_one_digit_lost_or_gained(read, true, slip):
    assert plausible_misread(read, true) is slip


def test_a_corrected_cell_says_what_ocr_read_and_which_identities_chose(docs):
    spec = load_spec()
    seen = 0
    for doc, key, truth, parsed, wrong in _one_request_fault_each(docs, UNSURE):
        cell = parsed.cells[key]
        if not cell.inferred:  # a report whose own sums are broken around the cell: no identity can name it
            assert cell.confidence <= DOUBTFUL_CONFIDENCE and key in parsed.ocr_doubts, doc.path
            continue
        assert cell.value == truth.cells[key].value, doc.path
        shown = cell.to_json()
        assert shown["inferred"] is True and shown["ocr_raw"] == wrong[key] and shown["ocr_confidence"] == UNSURE
        (correction,) = parsed.corrections
        assert correction.key == key and correction.identities
        (problem,) = pipeline.ocr_problems(parsed, spec, doc.path)
        assert problem.code == "ocr_corrected" and wrong[key] in problem.message and "0.60" in problem.message
        assert all(i.id in problem.message for i in correction.identities)
        seen += 1
    assert seen >= 10


def test_high_confidence_fault_is_never_overruled_but_an_identity_names_it(docs):
    named = tried = 0
    for doc, key, truth, parsed, wrong in _one_request_fault_each(docs, HIGH):
        if key not in parsed.cells:
            continue
        cell = parsed.cells[key]
        assert not cell.inferred and not parsed.corrections and str(cell.value) == wrong[key].strip(), doc.path
        # A sure misreading is reported as the broken sum it makes (the checks judge only sums printed in full).
        named += bool(identity_errors(parsed) - identity_errors(truth))
        tried += 1
    assert tried >= 10 and named >= tried // 2


def test_two_unsure_cells_of_one_sum_are_doubtful_and_the_sum_only_warns(docs):
    rng = random.Random(SEED)
    checked = 0
    for doc in docs:
        truth = parse_tables(with_confidence(doc.tables, SURE), doc.year)
        grid = positions(with_confidence(doc.tables, SURE), truth)
        part = [k for k in ("review.maintained", "review.total") if k in grid]
        if len(part) < 2:
            continue
        truth, parsed, wrong = _fault(doc, part, UNSURE, rng)
        if len(wrong) < 2:
            continue
        for key in part:
            cell = parsed.cells.get(key)
            assert cell is None or (not cell.inferred and cell.confidence <= DOUBTFUL_CONFIDENCE), doc.path
        assert not identity_errors(parsed) - identity_errors(truth)
        checked += 1
    assert checked >= 3


def test_faults_in_a_whole_audit_add_no_error_finding(docs, monkeypatch):
    """End to end: an audit of a report whose tables came from OCR with a few unsure misreadings finds what the
    text layer finds, and warns about each correction."""
    rng = random.Random(SEED)
    corrected = 0
    for doc in [d for d in docs if Path(d.path).parent == REAL][:4]:
        clean = pipeline.audit(doc.path)
        errors = {(f.rule, f.fields.get("identity"), f.fields.get("metric")) for f in clean.findings if f.severity == "error"}
        sure = with_confidence(doc.tables, SURE)
        keys = rng.sample(sorted(positions(sure, parse_tables(sure, doc.year))), 3)
        report = _audit_misread(doc.path, dict.fromkeys(keys, UNSURE), rng, monkeypatch)
        got = {(f.rule, f.fields.get("identity"), f.fields.get("metric")) for f in report.findings if f.severity == "error"}
        assert got <= errors, doc.path
        codes = Counter(e.code for e in report.errors)
        assert codes["ocr_corrected"] == sum(c.inferred for c in report.cells.values())
        corrected += codes["ocr_corrected"]
    assert corrected >= 3


def _audit_misread(path: str, misreads: dict[str, float], rng: random.Random, monkeypatch):
    """Given a report and cell keys with an OCR confidence each, return its audit with those cells misread at that
    confidence and every other cell a sure OCR reading."""
    read = pipeline.read_source

    def faulted(p, data=None):
        source = read(p, data)
        tables = with_confidence(source.tables, SURE)
        grid = positions(tables, parse_tables(tables, None))
        for key, confidence in misreads.items():
            t, r, j = grid[key]
            tables[t].rows[r][j] = Cell(misread(tables[t].rows[r][j].text, rng), tables[t].rows[r][j].where, confidence)
        return replace(source, tables=tables)

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "read_source", faulted)
        return pipeline.audit(path)


def test_a_narrative_figure_is_not_judged_by_a_doubtful_ocr_reading(docs, monkeypatch):
    # 表二 cells sit in no identity: an unsure misreading there can be neither corrected nor confirmed.
    rng = random.Random(SEED)
    judged = 0
    for doc in docs:
        clean = pipeline.audit(doc.path)
        for m in clean.mentions:
            if m.verdict != "match" or len(m.table_values) != 1 or not next(iter(m.table_values)).startswith("active."):
                continue
            key = next(iter(m.table_values))
            if key not in positions(with_confidence(doc.tables, SURE), parse_tables(with_confidence(doc.tables, SURE), doc.year)):
                continue
            verdicts = {}
            for confidence in (UNSURE, HIGH):
                report = _audit_misread(doc.path, {key: confidence}, random.Random(rng.random()), monkeypatch)
                verdicts[confidence] = next(x.verdict for x in report.mentions if x.span == m.span)
                if confidence == UNSURE:
                    assert "ocr_doubtful" in {e.code for e in report.errors} and report.status == "partial"
            assert verdicts == {UNSURE: "unverified", HIGH: "mismatch"}, (doc.path, key)
            judged += 1
            break
    assert judged >= 5


def test_ink_the_engine_could_not_read_is_never_vouched_for_as_a_blank(docs):
    # A printed 0 the engine read as U+FFFD has no value; the sums that hold with it as a blank confirm nothing.
    checked = 0
    for doc in docs:
        sure = with_confidence(doc.tables, SURE)
        truth = parse_tables(sure, doc.year)
        grid = positions(sure, truth)
        zeros = [k for k in sorted(grid) if k.startswith("requests.") and truth.cells[k].value == 0]
        if not zeros:
            continue
        t, r, j = grid[zeros[0]]
        rows = [[list(row) for row in table.rows] for table in sure]
        rows[t][r][j] = Cell(UNREAD, rows[t][r][j].where, 0.3)
        parsed = parse_tables([replace(table, rows=rs) for table, rs in zip(sure, rows)], doc.year)
        cell = parsed.cells.get(zeros[0])
        if cell is None:
            continue  # left unread by the placement: flagged too
        assert cell.inferred or (cell.value is None and cell.confidence <= DOUBTFUL_CONFIDENCE
                                 and zeros[0] in parsed.ocr_doubts), doc.path
        checked += 1
    assert checked >= 10
