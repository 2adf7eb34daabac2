"""Bounded cost: every hostile input is answered with a typed error within its limit, and check and batch go on."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evaluation.fuzz import hostile
from evaluation.synth import models, render
from extraction.batch import run_batch
from extraction.cli import app
from extraction.pipeline import audit
from extraction.store import Store

from conftest import SEED

runner = CliRunner()
LIMITS = ["--timeout", "60", "--max-memory-mb", "2048"]


def _check(*args: str) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["check", "--json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    payload = json.loads(result.stdout)
    return result.exit_code, payload if isinstance(payload, list) else [payload]


def _codes(report: dict) -> list[str]:
    return [e["code"] for e in report["errors"]]


def test_hostile_inputs_get_typed_errors_and_the_check_goes_on(tmp_path: Path) -> None:
    expected = {
        hostile.many_pages_pdf(tmp_path): "too_many_pages",  # 10,000 pages, 1.6 MB
        hostile.docx_zip_bomb(tmp_path, unpacked_mb=300): "too_large",  # 300 MB of XML in 0.3 MB
        hostile.deep_html(tmp_path): "too_deep",  # nested 100,000 deep
        hostile.sparse_file(tmp_path): "too_large",  # 1 GB, refused by its size before reading
    }
    exit_code, reports = _check(*LIMITS, *map(str, expected), str(SEED))
    assert exit_code == 2
    assert [_codes(r)[:1] for r in reports[:-1]] == [[code] for code in expected.values()]
    assert all(r["status"] == "unreadable" for r in reports[:-1])
    assert len(reports[-1]["findings"]) == 3  # the report after them is audited as always


@pytest.mark.parametrize("engine, cycle_code", [("pdfminer", "corrupt"), ("pdfium", "no_text_layer")])
def test_circular_pdf_references_are_answered(tmp_path: Path, engine: str, cycle_code: str) -> None:
    # a reference that resolves to itself (directly or through another object) would be followed forever by
    # pdfminer, which answers corrupt before it reads a page; PDFium resolves such a file and finds no text in it
    paths = hostile.circular_pdfs(tmp_path)
    exit_code, reports = _check(*LIMITS, "--pdf-engine", engine, *map(str, paths))
    assert exit_code == 2
    by_name = {Path(r["document"]["path"]).stem: r for r in reports}
    assert _codes(by_name["circular_self_reference"]) == [cycle_code]
    assert _codes(by_name["circular_mutual_reference"]) == [cycle_code]
    if engine == "pdfminer":
        assert "引用回自身" in by_name["circular_self_reference"]["errors"][0]["message"]
    # a page tree that is its own kid and a form that draws itself are read once each: no report words in them
    assert _codes(by_name["circular_page_tree_loop"]) == ["not_a_report"]
    assert _codes(by_name["circular_form_draws_itself"]) == ["not_a_report"]


def test_a_pdf_that_understates_its_page_count_is_stopped_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction.ingest import PDF_ENGINE_VARIABLE
    from extraction.ingest.pdf import MAX_PAGES

    path = hostile.many_pages_pdf(tmp_path, pages=MAX_PAGES + 1, declared=1)
    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "pdfminer")  # pdfminer walks the page tree past the count it declares
    report = audit(path)
    assert [e.code for e in report.errors] == ["too_many_pages"]
    assert f"{MAX_PAGES + 1} 页" in report.errors[0].message
    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "pdfium")  # PDFium reads the pages the document declares, and no more
    assert audit(path).unreadable


def test_check_stops_a_report_at_its_time_limit(tmp_path: Path) -> None:
    # no audit of a whole report takes 10 ms: each is stopped, answered with timeout, and the next one still runs
    exit_code, reports = _check("--timeout", "0.01", str(SEED), str(SEED))
    assert exit_code == 2
    assert [_codes(r) for r in reports] == [["timeout"], ["timeout"]]
    assert "0.01 秒" in reports[0]["errors"][0]["message"]


def test_check_stops_a_report_at_its_memory_limit(tmp_path: Path) -> None:
    big = tmp_path / "long.txt"
    big.write_bytes(SEED.read_bytes() * 300)  # 8 MB of text: more than a worker may add under a 100 MB limit
    exit_code, reports = _check("--max-memory-mb", "100", str(big), str(SEED))
    assert exit_code == 2
    assert _codes(reports[0]) == ["memory_limit"]


def test_batch_goes_on_after_hostile_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction.ingest import PDF_ENGINE_VARIABLE

    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "pdfminer")  # the engine that must catch reference cycles itself
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.many_pages_pdf(folder)
    hostile.circular_pdfs(folder)
    hostile.deep_html(folder)
    hostile.docx_zip_bomb(folder, unpacked_mb=300)
    (folder / "miyun_2021.txt").write_bytes(SEED.read_bytes())
    store = Store(tmp_path / "audit.sqlite")
    counts = run_batch([str(folder)], store, workers=1, timeout=60)
    store.close()
    assert counts.stored == 1
    assert counts.errors_by_code == {"too_many_pages": 1, "corrupt": 2, "not_a_report": 2, "too_deep": 1, "too_large": 1}


def _one_page_pdf(content: bytes, stream_keys: bytes = b"") -> bytes:
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>")
    return hostile.pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>", page,
                              hostile.FONT, hostile.stream(content, stream_keys)])


@pytest.mark.parametrize("name, data", [
    # crashes the campaign found in pdfminer: it raises what it trips on, not only its own exceptions
    ("bad_ascii85.pdf", _one_page_pdf(b"xxxx~>", b"/Filter /ASCII85Decode")),  # ValueError
    ("bad_octal.pdf", _one_page_pdf(b"BT /F1 12 Tf 72 720 Td (\\420) Tj ET")),  # AssertionError
])
def test_what_pdfminer_raises_on_a_damaged_pdf_is_corrupt(name: str, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction.ingest import PDF_ENGINE_VARIABLE

    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "pdfminer")
    report = audit(name, data)
    assert [e.code for e in report.errors] == ["corrupt"]
    assert name in report.errors[0].message


def test_a_word_package_with_a_malformed_part_is_corrupt() -> None:
    # python-docx trips on a [Content_Types].xml of the wrong shape with AttributeError (found by the campaign)
    source = render(models(1, 1, 0.3)[0], "docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(out, "w") as damaged:
        for info in original.infolist():
            part = b'<?xml version="1.0"?><Types/>' if info.filename == "[Content_Types].xml" else original.read(info)
            damaged.writestr(info.filename, part)
    report = audit("damaged.docx", out.getvalue())
    assert [e.code for e in report.errors] == ["corrupt"]


def test_check_of_one_file_holds_it_to_its_limits_in_process_and_restores_them(tmp_path: Path) -> None:
    # one file is audited in the CLI's own process: the same typed errors, and the process's limits as they were
    import resource
    import signal

    before = (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM))
    big = tmp_path / "long.txt"
    big.write_bytes(SEED.read_bytes() * 300)  # 8 MB of text: seconds of audit, and more than 20 MB of lines and sentences
    # the seed itself is audited in a few milliseconds once the tokenizer is loaded: too fast to time out reliably
    exit_code, reports = _check("--timeout", "0.01", str(big))
    assert exit_code == 2
    assert _codes(reports[0]) == ["timeout"] and "0.01 秒" in reports[0]["errors"][0]["message"]
    # the memory limit caps what the audit adds to the address space, so it is tried in a fresh process: this one may
    # have room left in memory it mapped for earlier tests
    fresh = subprocess.run([sys.executable, "-m", "extraction.cli", "check", "--json", "--max-memory-mb", "20", str(big)],
                           capture_output=True, text=True)
    assert fresh.returncode == 2
    assert _codes(json.loads(fresh.stdout)) == ["memory_limit"]
    assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGALRM)) == before
    exit_code, reports = _check(*LIMITS, str(SEED))
    assert len(reports[0]["findings"]) == 3
