"""The zfxxgk command line: one verb per job (check, eval, robustness, synth, bench, batch, query, export, serve)."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from extraction.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_OCR_PAGE_S, DEFAULT_TIMEOUT_S, MAX_OCR_PAGES


app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit 政府信息公开工作年度报告: every figure, every contradiction.")


@app.callback()
def main() -> None:
    """zfxxgk: audit government information-disclosure annual reports."""


class OutputFormat(str, Enum):
    text = "text"
    markdown = "markdown"


class PdfEngine(str, Enum):
    pdfium = "pdfium"
    pdfminer = "pdfminer"


PDF_ENGINE_HELP = "PDF reader: pdfium (pdfminer.six reads the files and pages PDFium cannot read alike), or pdfminer for all."
OCR_PAGE_HELP = (f"Seconds added to --timeout for each page read by OCR (scanned pages; at most {MAX_OCR_PAGES} a report are "
                 "read, the rest left unread with ocr_page_limit).")


def use_pdf_engine(engine: PdfEngine) -> None:
    """Given the PDF engine asked for, make this process and the workers it starts read PDFs with it."""
    from extraction.ingest import PDF_ENGINE_VARIABLE

    os.environ[PDF_ENGINE_VARIABLE] = engine.value


@app.command()
def check(
    files: list[Path] = typer.Argument(..., help="Report files (PDF, HTML, DOCX, text) or folders of them."),
    as_json: bool = typer.Option(False, "--json", help="Print the audit result JSON (output-format.md)."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="Human view: text or markdown."),
    pdf_engine: PdfEngine = typer.Option(PdfEngine.pdfium, "--pdf-engine", envvar="ZFXXGK_PDF_ENGINE", help=PDF_ENGINE_HELP),
    timeout: float = typer.Option(DEFAULT_TIMEOUT_S, "--timeout", min=0,
                                  help="Seconds one report may take before it is stopped with error timeout (0: no limit), "
                                       "plus --timeout-per-ocr-page for each scanned page."),
    per_ocr_page: float = typer.Option(DEFAULT_OCR_PAGE_S, "--timeout-per-ocr-page", min=0, help=OCR_PAGE_HELP),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MB, "--max-memory-mb", "--max-memory", min=0,
                                   help="Memory (address space) one audit may use, in MB, before error memory_limit (0: no limit)."),
) -> None:
    """Audit reports under a time and memory limit (several: each in a worker process). Exit 0: no findings; 1: findings; 2: a file could not be read."""
    use_pdf_engine(pdf_engine)  # before the worker starts: it reads the engine from the environment
    from extraction.batch import audit_files, expand
    from extraction.render import render_markdown, render_text

    # A folder stands for the reports inside it, as in `batch`; a path that does not exist stays, to be reported.
    paths = [p for f in files for p in (expand([str(f)]) if f.is_dir() else [str(f)])]
    if not paths:
        sys.stderr.write(f"no report files under {', '.join(map(str, files))}\n")
        raise typer.Exit(2)
    reports = audit_files(paths, timeout, max_memory, per_ocr_page)
    if as_json:
        payload = [r.to_json() for r in reports]
        text = json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, sort_keys=True, indent=2)
        sys.stdout.write(text + "\n")
    else:
        render = render_markdown if fmt is OutputFormat.markdown else render_text
        sys.stdout.write("\n\n".join(render(r) for r in reports) + "\n")
    if any(r.unreadable for r in reports):
        raise typer.Exit(2)
    raise typer.Exit(1 if any(r.findings for r in reports) else 0)


@app.command("eval")
def evaluate(
    paths: list[Path] = typer.Argument(..., help="Report files or folders; each report needs a sibling <stem>.gold.json."),
    json_path: Path | None = typer.Option(None, "--json", help="Write every figure as JSON to this file."),
    min_cells: float | None = typer.Option(None, "--min-cells", help="Minimum overall cell accuracy."),
    min_link_precision: float | None = typer.Option(None, "--min-link-precision", help="Minimum linked-mention precision."),
    min_link_recall: float | None = typer.Option(None, "--min-link-recall", help="Minimum linked-mention recall."),
    min_finding_precision: float | None = typer.Option(None, "--min-finding-precision", help="Minimum finding precision."),
    min_finding_recall: float | None = typer.Option(None, "--min-finding-recall", help="Minimum finding recall."),
    min_figure_recall: float | None = typer.Option(None, "--min-figure-recall", help="Minimum recall of narrative figures, linked or not."),
    min_implicit_recall: float | None = typer.Option(None, "--min-implicit-recall", help="Minimum recall of zeros stated in words, linked right."),
    max_unflagged_wrong: int | None = typer.Option(None, "--max-unflagged-wrong", min=0,
                                                   help="Most cells read wrong with no flag (not inferred, confidence above 0.5), over all documents."),
    min_image_cells: float | None = typer.Option(None, "--min-image-cells",
                                                 help="Image versions (zfxxgk ocr-corpus): minimum cell accuracy."),
    min_links_vs_text: float | None = typer.Option(None, "--min-links-vs-text",
                                                   help="Image versions (zfxxgk ocr-corpus): minimum linked mentions found, as a share of their text layer's."),
    min_findings_as_text: float | None = typer.Option(None, "--min-findings-as-text",
                                                      help="Image versions: minimum share whose findings are their text layer's."),
) -> None:
    """Score audits against gold labels. Exit 0: every minimum met; 1: a figure below its minimum (or above its
    maximum); 2: no labeled report."""
    from evaluation.run import run

    thresholds = {"cell_accuracy": min_cells, "link_precision": min_link_precision, "link_recall": min_link_recall,
                  "finding_precision": min_finding_precision, "finding_recall": min_finding_recall,
                  "figure_recall": min_figure_recall, "implicit_recall": min_implicit_recall}
    image_thresholds = {"cell_accuracy": min_image_cells, "links_vs_text": min_links_vs_text,
                        "findings_as_text": min_findings_as_text}
    raise typer.Exit(run(paths, json_path, thresholds, maxima={"cells_wrong_unflagged": max_unflagged_wrong},
                         image_thresholds=image_thresholds))


@app.command("ocr-corpus")
def ocr_corpus(
    paths: list[Path] = typer.Argument(..., help="Labeled reports or folders of them (each beside its <stem>.gold.json)."),
    out: Path = typer.Argument(..., help="Output folder (created); third-party reports belong outside the repository."),
    dpi: str = typer.Option("150,300", "--dpi", help="Resolutions to render at, separated by commas."),
    variants: str = typer.Option("clean,rotated,blurred,jpeg", "--variants",
                                 help="clean, rotated, blurred, jpeg, scanned (all three at once), separated by commas."),
    forms: str = typer.Option("pdf,tiff", "--forms", help="pdf (image-only), tiff (multi-page), png (one file a page, no gold)."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same bytes."),
) -> None:
    """Render labeled reports to image-only PDFs and images, each with its gold label, for `zfxxgk eval OUT`.
    Exit 0; 2: no labeled report under the paths."""
    from evaluation.ocr_corpus import Plan, generate

    def names(text: str) -> tuple[str, ...]:
        return tuple(n.strip() for n in text.split(",") if n.strip())

    try:
        plan = Plan(tuple(int(d) for d in names(dpi)), names(variants), names(forms), seed)
    except ValueError as exc:
        raise typer.BadParameter(str(exc))
    written = generate(paths, out, plan)
    for path in written:
        typer.echo(path)
    raise typer.Exit(0 if written else 2)


@app.command()
def robustness(
    paths: list[Path] = typer.Argument(..., help="Report files or folders; each report needs a sibling <stem>.gold.json."),
    json_path: Path | None = typer.Option(None, "--json", help="Write every comparison and total as JSON to this file."),
    mutations: str | None = typer.Option(None, "--mutations", help="Comma-separated mutations to measure (default: all)."),
    gate: str | None = typer.Option(None, "--gate", help="Comma-separated mutations whose invariance must meet the minimums "
                                    "(name=X: that mutation's own minimum share of identical cells)."),
    min_cells: float = typer.Option(1.0, "--min-cells", help="Gated: minimum share of cells identical to the original's."),
    min_mentions: float = typer.Option(1.0, "--min-mentions", help="Gated: minimum share of linked mentions identical."),
    min_findings: float = typer.Option(1.0, "--min-findings", help="Gated: minimum share of documents with identical findings."),
    max_false_table_errors: int = typer.Option(0, "--max-false-table-errors", help="Gated: most table_identity errors the gold lacks."),
    per_document: bool = typer.Option(False, "--per-document", help="Also print every document under every mutation."),
    narrative: bool = typer.Option(False, "--narrative",
                                   help="Mutate the text of labeled narrative pages (corpus/real-narrative/<split>: hard "
                                        "wraps, markdown headings, traditional script, full-width digits, a space before "
                                        "the unit, …; evaluation/narrative_mutations.py) and score each variant against "
                                        "the gold beside the unmutated pages: link P/R, figure R, zeros R, agreement."),
    min_agreement: float = typer.Option(1.0, "--min-agreement",
                                        help="--narrative, gated: least share of the unmutated run's links a variant keeps."),
    max_new_false_links: int = typer.Option(0, "--max-new-false-links",
                                            help="--narrative, gated: most links a variant adds that the gold rejects."),
    every: int = typer.Option(1, "--every", min=1, help="--narrative: score a fixed sample of about one page in N."),
    seed: int = typer.Option(0, "--seed", help="--narrative: seed of the mutations' random choices (a page's wrap width)."),
    negative: bool = typer.Option(False, "--negative",
                                  help="--narrative: change what a linked figure counts instead (another matter, other "
                                       "bodies, an earlier year, a running total, an average, a change, people, not yet "
                                       "answered; evaluation/narrative_negatives.py) and count the figures still linked "
                                       "to their original metric."),
    max_surviving: int | None = typer.Option(None, "--max-surviving",
                                             help="--negative: most surviving false links a mutation may leave."),
) -> None:
    """Lay every labeled report out in other layouts and compare each variant's audit with the original's (with
    --narrative: rewrite every labeled narrative page's text and score each variant). Exit 0: gated mutations met
    their minimums; 1: one did not; 2: nothing to measure."""
    from evaluation.robustness import Gate, run

    def names(text: str | None) -> list[str] | None:
        return [n.strip() for n in text.split(",") if n.strip()] if text else None

    if narrative and negative:
        from evaluation import narrative_negatives

        raise typer.Exit(narrative_negatives.run(paths, names(mutations), json_path, max_surviving, every, seed))
    if narrative:
        from evaluation import narrative_mutations

        narrative_gate = narrative_mutations.NarrativeGate(tuple(names(gate) or ()), min_agreement,
                                                           max_new_false_links) if gate else None
        raise typer.Exit(narrative_mutations.run(paths, names(mutations), json_path, narrative_gate, every, seed))
    gated = Gate.parse(gate, min_cells=min_cells, min_mentions=min_mentions, min_findings=min_findings,
                       max_false_table_errors=max_false_table_errors) if gate else None
    raise typer.Exit(run(paths, names(mutations), json_path, gated, per_document))


@app.command("eval-archive")
def eval_archive(
    gold_dir: Path = typer.Argument(..., help="Folder of synthetic documents with .gold.json labels (zfxxgk synth --series)."),
    db: Path = typer.Option(Path("audit.sqlite"), "--db", help="The store `zfxxgk batch` wrote."),
    json_path: Path | None = typer.Option(None, "--json", help="Write every figure (and the misses) as JSON to this file."),
    min_precision: float | None = typer.Option(None, "--min-precision", help="Minimum precision of broken-chain detection."),
    min_recall: float | None = typer.Option(None, "--min-recall", help="Minimum recall of broken-chain detection."),
) -> None:
    """Score the store's cross-year findings against the gold chains. Exit 0; 1: below a minimum; 2: no store or gold."""
    from evaluation.archive import run

    raise typer.Exit(run(db, gold_dir, json_path, min_precision, min_recall, echo=typer.echo))


@app.command()
def bench(
    paths: list[Path] | None = typer.Argument(None, help="Report files or folders (default: corpus/ and ../shared/corpus/real)."),
    repeat: int = typer.Option(1, "--repeat", min=1, help="Audit each file this many times."),
    profile: bool = typer.Option(False, "--profile", help="Profile the audits and print the top 25 by cumulative time."),
    pdf_engine: PdfEngine = typer.Option(PdfEngine.pdfium, "--pdf-engine", envvar="ZFXXGK_PDF_ENGINE", help=PDF_ENGINE_HELP),
) -> None:
    """Benchmark the audit per format: reports/s, pages/s, peak RSS, and the cost against bare text extraction."""
    from evaluation.bench import run

    use_pdf_engine(pdf_engine)

    raise typer.Exit(run(paths, repeat, profile))


@app.command("bench-batch")
def bench_batch(
    paths: list[Path] = typer.Argument(..., help="Folders, files or archives to batch (e.g. a synthetic archive)."),
    workers: str = typer.Option("1,2,2,1", "--workers", help="Worker counts to run, in this order, each into a fresh store."),
) -> None:
    """Benchmark how `batch` scales with workers: wall clock, docs/s, parent and machine CPU per run. Exit 1: runs differ."""
    from evaluation.bench_batch import run

    try:
        order = [int(w) for w in workers.split(",") if w.strip()]
    except ValueError:
        raise typer.BadParameter(f"--workers takes counts separated by commas, not {workers!r}")
    if not order or min(order) < 1:
        raise typer.BadParameter("--workers needs at least one count of 1 or more")
    raise typer.Exit(run(paths, order))


@app.command()
def fuzz(
    fmt: str = typer.Option("all", "--format", help="Layout to fuzz (pdf pdf-unruled html docx text pipe markdown whitespace cells), "
                                                   "several separated by commas, or all."),
    runs: int = typer.Option(1000, "--runs", min=1, help="Inputs per format."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same inputs."),
    out: Path | None = typer.Option(None, "--out", help="Folder for each crashing, hanging or runaway input and its traceback."),
    timeout: float = typer.Option(20.0, "--timeout", min=1, help="CPU seconds one input may take before it counts as a hang "
                                                         "(its wall-clock limit is ten times that), plus --timeout-per-ocr-page "
                                                         "for each page it sends to OCR."),
    per_ocr_page: float = typer.Option(20.0, "--timeout-per-ocr-page", min=0,
                                       help=f"CPU seconds added to --timeout for each page read by OCR (at most {MAX_OCR_PAGES})."),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MB, "--max-memory-mb", min=0, help="Memory limit per input, in MB (0: none)."),
    engine: str = typer.Option("mutate", "--engine", help="mutate (structure-aware, in batch workers) or atheris (coverage-guided)."),
    json_path: Path | None = typer.Option(None, "--json", help="Write the figures per format as JSON to this file."),
    minutes: float | None = typer.Option(None, "--minutes", min=0, help="Stop each format after this many minutes, even short of --runs."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes auditing inputs at once (mutate engine): "
                                                             "the same inputs, drawn in the same order, finished sooner."),
) -> None:
    """Fuzz every ingester and the whole audit with mutants of the real and synthetic corpus. Exit 1: an uncaught exception or a hang."""
    from evaluation.fuzz import run

    raise typer.Exit(run(fmt, runs, seed, out, timeout, max_memory or None, engine, json_path, minutes, echo=typer.echo,
                         per_ocr_page=per_ocr_page, workers=workers))


@app.command()
def serve(
    db: Path = typer.Option(Path("audit.sqlite"), "--db", help="The SQLite store (created if missing); uploads go to <db stem>_files/ beside it."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    token: str | None = typer.Option(None, "--token", envvar="ZFXXGK_TOKEN", help="Require Authorization: Bearer <token> for writes."),
    max_upload_mb: float = typer.Option(50.0, "--max-upload-mb", help="Largest accepted file, in MB (the ingest limit by default)."),
    max_files: int = typer.Option(10, "--max-files", help="Most files in one upload request."),
    audit_timeout: float = typer.Option(60.0, "--audit-timeout", help="Seconds one audit may run before its worker is killed."),
    per_ocr_page: float = typer.Option(DEFAULT_OCR_PAGE_S, "--audit-timeout-per-ocr-page", min=0,
                                       help=f"Seconds added to --audit-timeout for each page read by OCR (at most {MAX_OCR_PAGES})."),
    workers: int = typer.Option(2, "--workers", help="Audit worker processes."),
) -> None:
    """Run the auditor service: HTTP API (/api, /openapi.json) and review pages over the store."""
    import uvicorn

    from extraction.service import Settings, create_app

    settings = Settings(db=db, token=token, max_upload_mb=max_upload_mb, max_files=max_files, audit_timeout_s=audit_timeout,
                        audit_timeout_per_ocr_page_s=per_ocr_page, workers=workers)
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        typer.echo("warning: listening beyond loopback without --token: anyone who can reach it can upload and review", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", server_header=False)




class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"
    jsonl = "jsonl"


class ExportWhat(str, Enum):
    cells = "cells"
    findings = "findings"
    mentions = "mentions"
    reports = "reports"


@app.command()
def batch(
    targets: list[str] = typer.Argument(..., help="Files, folders, zip/tar archives or glob patterns."),
    db: Path = typer.Option(Path("audit.sqlite"), "--db", help="The SQLite store (created when missing)."),
    workers: int = typer.Option(max(1, (os.cpu_count() or 2) - 1), "--workers", min=1, help="Worker processes."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT_S, "--timeout", min=1, help="Seconds one document may take before it is "
                                                                             "stopped, plus --timeout-per-ocr-page for each scanned page."),
    per_ocr_page: float = typer.Option(DEFAULT_OCR_PAGE_S, "--timeout-per-ocr-page", min=0, help=OCR_PAGE_HELP),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MB, "--max-memory-mb", "--max-memory", min=0,
                                   help="Address space one document's audit may add to its worker's, in MB (0: none)."),
    cluster: str | None = typer.Option(None, "--cluster", help="Dask scheduler address, or local:N for a local cluster."),
    retry_errors: bool = typer.Option(False, "--retry-errors", help="Audit files again that failed in an earlier run."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    pdf_engine: PdfEngine = typer.Option(PdfEngine.pdfium, "--pdf-engine", envvar="ZFXXGK_PDF_ENGINE", help=PDF_ENGINE_HELP),
) -> None:
    """Audit whole archives into a store: new documents only, in parallel, resumable. Exit 0."""
    use_pdf_engine(pdf_engine)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from extraction.batch import StopFlag, run_batch
    from extraction.store import Store

    console = Console(stderr=True)
    store = Store(db)
    started = time.monotonic()
    columns = (TextColumn("[bold]audit"), BarColumn(), MofNCompleteColumn(), TextColumn("failed {task.fields[failed]}"),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=quiet, transient=False) as bar, StopFlag() as stop:
        task = bar.add_task("audit", total=None, failed=0, rate=0.0)

        def progress(counts: Any, total: int) -> None:
            done = counts.stored + counts.failed
            rate = done / max(1e-6, time.monotonic() - started)
            bar.update(task, total=total, completed=done, failed=counts.failed, rate=rate)

        counts = run_batch(targets, store, workers=workers, timeout=timeout, max_memory_mb=max_memory or None,
                           cluster=cluster, retry_errors=retry_errors, progress=progress, should_stop=stop,
                           per_ocr_page=per_ocr_page)
    store.close()
    done = counts.stored + counts.failed
    speed = f"{counts.seconds:.1f} s, {done / counts.seconds:.1f} docs/s" if done and counts.seconds else f"{counts.seconds:.1f} s, nothing new to audit"
    console.print(f"{'stopped' if counts.stopped else 'done'}: {counts.found} found, {counts.skipped} skipped (stored before or duplicate), "
                  f"{counts.stored} stored, {counts.failed} failed"
                  + (f" ({', '.join(f'{k} {v}' for k, v in sorted(counts.errors_by_code.items()))})" if counts.errors_by_code else "")
                  + (f", {counts.lost} left for the next run" if counts.lost else "")
                  + f"; {counts.series_findings} cross-year findings over {counts.agencies_linked} agencies; "
                  f"{speed} → {db}")
    raise typer.Exit(0)


@app.command()
def query(
    name: str | None = typer.Argument(None, help="A named question (see --list)."),
    db: Path = typer.Option(Path("audit.sqlite"), "--db", help="The SQLite store."),
    year: int | None = typer.Option(None, "--year", help="Report year (mismatches)."),
    region: str | None = typer.Option(None, "--region", help="Region or agency name prefix, e.g. 淮安市 (mismatches)."),
    until: int | None = typer.Option(None, "--until", help="Last year every agency should have (missing-years)."),
    sql: str | None = typer.Option(None, "--sql", help="Run this read-only SQL instead of a named question."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as JSON lines."),
    list_names: bool = typer.Option(False, "--list", help="List the named questions."),
) -> None:
    """Ask the store a named question (or SQL). Exit 0; 2: unknown question or no store."""
    from extraction.queries import QUESTIONS, ask

    if list_names or (name is None and sql is None):
        for key, question in QUESTIONS.items():
            sys.stdout.write(f"{key:16} {question.help}\n")
        raise typer.Exit(0)
    try:
        columns, rows = ask(db, name, sql, year=year, region=region, until=until)
    except (KeyError, FileNotFoundError) as exc:
        sys.stderr.write(f"{exc}\n")
        raise typer.Exit(2)
    except sqlite3.Error as exc:  # the store is opened read-only: a write is refused here, like a syntax error
        reason = "the store is read-only here: only SELECT questions are answered" if "readonly" in str(exc) else str(exc)
        sys.stderr.write(f"--sql: {reason}\n")
        raise typer.Exit(2)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\t".join(columns) + "\n")
        for row in rows:
            sys.stdout.write("\t".join("" if v is None else str(v) for v in row) + "\n")
    raise typer.Exit(0)


@app.command()
def export(
    out: Path = typer.Argument(..., help="Output file."),
    db: Path = typer.Option(Path("audit.sqlite"), "--db", help="The SQLite store."),
    to: ExportFormat = typer.Option(ExportFormat.csv, "--to", help="csv, parquet, xlsx or jsonl."),
    what: ExportWhat = typer.Option(ExportWhat.cells, "--what", help="cells (long form), findings, mentions or reports."),
) -> None:
    """Export a table of the store (cells in long form: agency, year, key, value, page). Exit 0; 2: no store."""
    from extraction.queries import export as write_export

    try:
        n = write_export(db, what.value, to.value, out)
    except (FileNotFoundError, ValueError) as exc:
        sys.stderr.write(f"{exc}\n")
        raise typer.Exit(2)
    sys.stderr.write(f"{n} {what.value} rows → {out}\n")
    raise typer.Exit(0)


@app.command()
def synth(
    outdir: Path = typer.Argument(..., help="Folder for the documents and their .gold.json labels."),
    n: int = typer.Option(10, "--n", help="Number of single reports."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same bytes."),
    formats: str = typer.Option("pdf,html,docx,text,pipe,markdown", "--formats",
                                help="Layouts, used in turn: pdf pdf-unruled html docx text pipe markdown whitespace cells concat."),
    error_rate: float = typer.Option(0.3, "--error-rate", help="Share of reports with 1-2 injected, labeled errors."),
    series: int = typer.Option(0, "--series", help="Agencies with 5 consecutive yearly reports (cross-year chains)."),
) -> None:
    """Generate synthetic reports with gold labels (evaluation/synth)."""
    from evaluation.synth import LAYOUTS, generate

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in LAYOUTS]
    if unknown or not chosen or not 0 <= error_rate <= 1:
        sys.stderr.write(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(LAYOUTS)}; error rate in 0..1\n")
        raise typer.Exit(2)
    paths = generate(outdir, n, seed, chosen, error_rate, series)
    sys.stderr.write(f"{len(paths)} documents with gold labels → {outdir}\n")


if __name__ == "__main__":
    app()
