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
from extraction.document import Problem
from extraction.pipeline import audit
from extraction.store import Store

from conftest import SEED
from stand_in_ocr import SECONDS_PER_PAGE, slow_ocr_audit, slow_ocr_upload, stand_in_ocr, text_pages

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


def test_a_font_declaring_widths_for_every_code_there_could_be_is_read_within_bounds(tmp_path: Path) -> None:
    # pdfminer expands a /W range one entry per code: 0 to 10^11 took 2 GB before the memory limit answered. The ranges
    # are kept inside the CID space, so the page is read like any other, in a small memory limit
    from extraction.ingest.pdf import CID_SPACE, bounded_widths

    path = hostile.wide_font_pdf(tmp_path)
    _, reports = _check("--timeout", "60", "--max-memory-mb", "1024", "--pdf-engine", "pdfminer", str(path))
    assert _codes(reports[0]) == ["not_a_report"]  # read whole: two letters, no report words
    assert bounded_widths([0, 10**11, 500, 7, [300, 400]], 3) == [0, CID_SPACE - 1, 500, 7, [300, 400]]
    assert bounded_widths([0, 10**11, 500, 3, 9, 600], 3) == [0, CID_SPACE - 1, 500, 3, 2, 600]  # the budget spent
    assert bounded_widths([-10**11, 5, 500], 3) == [0, 5, 500]


def test_a_font_mapping_four_billion_codes_in_one_range_is_read_within_bounds(tmp_path: Path) -> None:
    # pdfminer adds a ToUnicode range one code at a time: <00000000> <FFFFFFFF> ran past any time limit. The ranges
    # spend a bounded budget of codes, the rest dropped
    from extraction.ingest.pdf import MAX_MAP_CODES, BoundedCMapParser

    path = hostile.wide_map_pdf(tmp_path)
    _, reports = _check("--timeout", "60", "--max-memory-mb", "1024", "--pdf-engine", "pdfminer", str(path))
    assert _codes(reports[0]) == ["not_a_report"]  # read whole: two letters, no report words
    parser = BoundedCMapParser(None, io.BytesIO(b""))
    ranges = [(0, b"\x00\x00"), (1, b"\xff\xff"), (2, b"\x00A"), (3, b"\x01\x00"), (4, b"\x01\x01"), (5, b"\x00B")]
    assert parser._bounded(ranges) == ranges and parser.budget == MAX_MAP_CODES - 0x10000 - 2
    parser.budget = 5
    assert parser._bounded(ranges) == [(0, b"\x00\x00"), (1, b"\x00\x04"), (2, b"\x00A")]


def test_a_native_library_refusing_memory_is_the_memory_limit() -> None:
    # the OCR's ONNX runtime raises its own error for an allocation the address-space limit refused: memory_limit, not crash
    from extraction.limits import failure

    refused = RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero status code returned while running Clip"
                           " node. Status Message: std::bad_alloc")
    for exc, code in [(refused, "memory_limit"), (RuntimeError("shape mismatch"), "crash")]:
        try:
            raise exc
        except RuntimeError as raised:
            assert failure("scan.pdf", raised)[1] == code


def test_check_stops_a_report_at_its_time_limit(tmp_path: Path) -> None:
    # no audit of a whole report takes 10 ms: each is stopped, answered with timeout, and the next one still runs
    exit_code, reports = _check("--timeout", "0.01", str(SEED), str(SEED))
    assert exit_code == 2
    assert [_codes(r) for r in reports] == [["timeout"], ["timeout"]]
    assert "0.01 秒" in reports[0]["errors"][0]["message"]


def test_check_stops_a_report_at_its_memory_limit(tmp_path: Path) -> None:
    big = tmp_path / "long.txt"
    # 27 MB of text: its bytes alone are more than a worker may add under a 20 MB limit, whatever free memory its
    # forkserver left it (one that preloaded OCR leaves tens of MB)
    big.write_bytes(SEED.read_bytes() * 1000)
    exit_code, reports = _check("--max-memory-mb", "20", str(big), str(SEED))
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


# -- scanned pages: the time limit grows with the pages sent to OCR, which are capped --------------------------------
def _synthetic_pdf() -> bytes:
    return render(models(1, 20261206, 0.0)[0], "pdf")


def test_a_scan_of_1000_pages_is_read_up_to_the_ocr_page_limit_and_answered_partial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extraction.ingest import ocr
    from extraction.limits import MAX_OCR_PAGES, TimeLimit, on_ocr_pages

    data = _synthetic_pdf()
    pages = text_pages(data)
    monkeypatch.setattr(ocr, "page_objects", stand_in_ocr(pages))
    path = hostile.image_only_pdf(tmp_path, pages=1000)  # every page an image: all of them would go to OCR
    limit = TimeLimit(120.0, 30.0)
    with on_ocr_pages(limit.allow):
        report = audit(path)
    assert limit.ocr_pages == MAX_OCR_PAGES and limit.seconds == limit.bound == 120.0 + 30.0 * MAX_OCR_PAGES
    assert report.status == "partial" and report.source is not None and report.source.pages == 1000
    problems = {e.code: e.message for e in report.errors}
    assert f"第 {MAX_OCR_PAGES + 1}–1000 页" in problems["ocr_page_limit"] and str(path) in problems["ocr_page_limit"]
    assert f"第 {len(pages) + 1}, " in problems["pages_without_text"]  # the blank pages OCR did read
    as_text = audit("text-layer.pdf", data)  # the pages read are the report, read as from its text layer
    assert {k: c.value for k, c in report.cells.items()} == {k: c.value for k, c in as_text.cells.items()}
    assert len(report.findings) == len(as_text.findings)


def test_an_image_file_of_many_pages_is_read_up_to_the_ocr_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from extraction.ingest import ocr
    from extraction.limits import MAX_OCR_PAGES, TimeLimit, on_ocr_pages

    data = _synthetic_pdf()
    monkeypatch.setattr(ocr, "page_objects", stand_in_ocr(text_pages(data)))
    frames = [Image.new("L", (60, 30), 255) for _ in range(MAX_OCR_PAGES + 20)]
    tiff = tmp_path / "scan.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    limit = TimeLimit(120.0, 30.0)
    with on_ocr_pages(limit.allow):
        report = audit(tiff)
    assert limit.ocr_pages == MAX_OCR_PAGES
    assert report.status == "partial" and report.source.pages == MAX_OCR_PAGES + 20
    assert f"第 {MAX_OCR_PAGES + 1}–{MAX_OCR_PAGES + 20} 页" in {e.code: e.message for e in report.errors}["ocr_page_limit"]


def _scan_of_three_pages(tmp_path: Path) -> Path:
    return hostile.image_only_pdf(tmp_path, pages=3)


def test_check_allows_each_page_sent_to_ocr_its_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # one file: audited in this process under its timer. OCR of its 3 pages takes 4.5 s, past a 3 s base limit
    from extraction.ingest import ocr

    monkeypatch.setattr(ocr, "page_objects", stand_in_ocr(text_pages(_synthetic_pdf()), SECONDS_PER_PAGE))
    path = _scan_of_three_pages(tmp_path)
    _, reports = _check("--timeout", "3", "--timeout-per-ocr-page", "0", str(path))
    assert _codes(reports[0]) == ["timeout"] and str(path) in reports[0]["errors"][0]["message"]
    _, reports = _check("--timeout", "3", "--timeout-per-ocr-page", "10", str(path))
    assert reports[0]["status"] == "complete"  # read whole, as from its text layer


@pytest.mark.parametrize("per_ocr_page, code", [(0.0, "timeout"), (10.0, "no_text_layer")])
def test_a_worker_tells_its_parent_the_pages_it_sends_to_ocr(tmp_path: Path, per_ocr_page: float, code: str) -> None:
    # batch and check of several files: the parent holds each document to its wall-clock limit, moved on by what the
    # worker says it will read by OCR. 3 pages at 1.5 s are past a 3 s base limit, within 3 s + 3 x 10 s
    from extraction.batch import Item, run_pool

    path = _scan_of_three_pages(tmp_path)
    outcomes: list = []
    run_pool([Item(str(path), "", 0, file=str(path))], 1, 3.0, None, lambda item, outcome: outcomes.append(outcome),
             lambda: False, work=slow_ocr_audit, per_ocr_page=per_ocr_page)
    answer = outcomes[0][1].errors[0] if outcomes[0][0] == "ok" else Problem(*outcomes[0][1:])  # check's Report, or an error
    assert answer.code == code and str(path) in answer.message


def test_the_service_allows_each_page_sent_to_ocr_its_time(tmp_path: Path) -> None:
    # an upload: the service's worker says what it will read by OCR and the wait for its answer grows, as in batch
    from extraction.service.worker import AuditPool, AuditTimeout

    path = _scan_of_three_pages(tmp_path)
    flat = AuditPool(1, 3.0, per_ocr_page=0.0, work=slow_ocr_upload)
    try:
        with pytest.raises(AuditTimeout) as overrun:
            flat.run(str(path), "scan.pdf")
    finally:
        flat.close()
    assert overrun.value.limit.ocr_pages == 3 and "scan.pdf：审核超过 3 秒" in overrun.value.limit.message("scan.pdf")
    allowing = AuditPool(1, 3.0, per_ocr_page=10.0, work=slow_ocr_upload)
    try:
        outcome = allowing.run(str(path), "scan.pdf")
    finally:
        allowing.close()
    assert outcome.unreadable and outcome.errors[0]["code"] == "no_text_layer"


def test_the_fuzzing_cpu_limit_grows_with_the_pages_sent_to_ocr() -> None:
    from evaluation.fuzz.target import cpu_limited
    from extraction.limits import Overtime, ocr_ahead

    def spin(seconds: float) -> None:
        import resource

        def cpu() -> float:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            return usage.ru_utime + usage.ru_stime

        end = cpu() + seconds
        while cpu() < end:
            pass

    # The timer counts the whole process's CPU, other threads' too (a thread pool left by an earlier test): the base
    # must outlast what they spend before the page is announced, so it is half a second, not a tenth.
    with cpu_limited(0.5, per_ocr_page=1.0) as limit:
        ocr_ahead(1)
        spin(1.0)
    assert limit.seconds == 1.5
    with pytest.raises(Overtime), cpu_limited(0.5, per_ocr_page=1.0):
        spin(1.0)
