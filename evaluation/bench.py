"""Throughput of the full audit per input format, beside the bare text extraction of the same files."""
from __future__ import annotations

import cProfile
import io
import os
import pstats
import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from extraction.ingest import PDF_ENGINE_VARIABLE, PDFIUM
from extraction.limits import settle_collector

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = (ROOT / "corpus", ROOT.parent / "shared" / "corpus" / "real")
PROFILE_TOP = 25
# Light formats first: peak RSS only grows, so each row's figure then shows what that format added.
SUFFIX_ORDER = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def extract_pdf(path: Path) -> None:
    """Given a PDF, extract its text with pdfminer (the floor under a pdfminer-based PDF audit)."""
    from pdfminer.high_level import extract_text

    extract_text(str(path))


def extract_pdf_pdfium(path: Path) -> None:
    """Given a PDF, extract every page's text with PDFium (the floor under any PDF audit)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        for page in document:
            page.get_textpage().get_text_range()
    finally:
        document.close()


def extract_html(path: Path) -> None:
    """Given an HTML file, parse it with lxml."""
    import lxml.html

    lxml.html.fromstring(path.read_bytes())


def extract_docx(path: Path) -> None:
    """Given a DOCX file, find its main document part and parse it with lxml (what the reader does before it reads)."""
    from extraction.ingest.docx_package import read_package

    read_package(path, path.read_bytes())


def extract_text(path: Path) -> None:
    """Given a text file, read and decode it."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        data.decode("gb18030", errors="replace")


def extract_image(path: Path) -> None:
    """Given an image file, decode every page of it with Pillow (the floor under reading it by OCR)."""
    from PIL import Image, ImageSequence

    with Image.open(path) as image:
        for frame in ImageSequence.Iterator(image):
            frame.load()


BARE: dict[str, Callable[[Path], None]] = {
    ".pdf": extract_pdf, ".html": extract_html, ".htm": extract_html, ".docx": extract_docx,
    ".txt": extract_text, ".md": extract_text,
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".tif", ".tiff"), extract_image),
}
# A second floor, timed beside the first: PDFium's text extraction for PDFs.
FLOOR: dict[str, Callable[[Path], None]] = {".pdf": extract_pdf_pdfium}
# issue 12's targets for a PDF audit: at most this share of pdfminer's extract_text, this multiple of bare PDFium
PDF_TARGETS = (0.15, 2.5)


@dataclass
class FormatTiming:
    """Seconds spent on one format's reports by the audit and by bare extraction, and the peak RSS after them."""

    format: str
    reports: int = 0
    pages: int = 0
    paged_reports: int = 0
    audit_s: float = 0.0
    paged_audit_s: float = 0.0  # audit time of the reports with a page count, the base of pages/s
    paged_cpu_s: float = 0.0  # CPU time of those audits in this process: seconds per page on one core, on a busy machine too
    bare_s: float = 0.0
    peak_rss_mib: float = 0.0
    floor_s: float = 0.0  # the second floor (FLOOR), where the format has one
    # the same three in this process's CPU time: on a machine shared with other work, wall time measures the others too
    audit_cpu_s: float = 0.0
    bare_cpu_s: float = 0.0
    floor_cpu_s: float = 0.0

    def __add__(self, other: FormatTiming) -> FormatTiming:
        return FormatTiming(
            "all", self.reports + other.reports, self.pages + other.pages, self.paged_reports + other.paged_reports,
            self.audit_s + other.audit_s, self.paged_audit_s + other.paged_audit_s, self.paged_cpu_s + other.paged_cpu_s,
            self.bare_s + other.bare_s, max(self.peak_rss_mib, other.peak_rss_mib), self.floor_s + other.floor_s,
            self.audit_cpu_s + other.audit_cpu_s, self.bare_cpu_s + other.bare_cpu_s, self.floor_cpu_s + other.floor_cpu_s,
        )

    def to_json(self) -> dict[str, float | int | str]:
        """Given the timing, return its counts and rates as one JSON object."""
        return {**asdict(self), "audit_reports_per_s": self.reports / self.audit_s if self.audit_s else 0.0,
                "audit_reports_per_cpu_s": self.reports / self.audit_cpu_s if self.audit_cpu_s else 0.0,
                "audit_pages_per_s": self.pages / self.paged_audit_s if self.paged_audit_s else None,
                "audit_cpu_s_per_page": self.paged_cpu_s / self.pages if self.pages else None,
                "ratio": self.audit_s / self.bare_s if self.bare_s else None,
                "floor_ratio": self.audit_s / self.floor_s if self.floor_s else None}


def find_reports(paths: Iterable[Path]) -> list[Path]:
    """Given files and folders, return the report files among them (folders searched recursively), light formats first."""
    found: set[Path] = set()
    for path in paths:
        for file in path.rglob("*") if path.is_dir() else [path]:
            if file.is_file() and file.suffix.lower() in BARE:
                found.add(file)
    return sorted(found, key=lambda f: (SUFFIX_ORDER.index(f.suffix.lower()), str(f)))


def peak_rss_mib() -> float:
    """Return the peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(files: list[Path], repeat: int = 1, profile: cProfile.Profile | None = None) -> tuple[float, list[FormatTiming]]:
    """Given report files, return the warm-up seconds and per format the audit and bare-extraction timings.

    Each file is audited and then bare-extracted `repeat` times; the format is the layout the audit detected.
    """
    start = time.perf_counter()
    from extraction.pipeline import audit

    # Models, dictionaries and per-format parsers load once per process; one warm-up run per suffix keeps
    # that cost out of the per-report figures.
    for suffix in dict.fromkeys(f.suffix.lower() for f in files):
        first = next(f for f in files if f.suffix.lower() == suffix)
        audit(first)
        BARE[suffix](first)
        FLOOR.get(suffix, BARE[suffix])(first)
    settle_collector()  # as a batch worker does once warm: the figures are a worker's per-report cost
    warm_up = time.perf_counter() - start
    timings: dict[str, FormatTiming] = {}
    for file in files:
        for _ in range(repeat):
            if profile is not None:
                profile.enable()
            t0, c0 = time.perf_counter(), time.process_time()
            report = audit(file)
            t1, c1 = time.perf_counter(), time.process_time()
            if profile is not None:
                profile.disable()
            BARE[file.suffix.lower()](file)
            t2, c2 = time.perf_counter(), time.process_time()
            floor = FLOOR.get(file.suffix.lower())
            if floor is not None:
                floor(file)
            t3, c3 = (time.perf_counter(), time.process_time()) if floor is not None else (t2, c2)
            name = report.format or file.suffix.lower().lstrip(".")
            timing = timings.setdefault(name, FormatTiming(name))
            timing.reports += 1
            timing.audit_s += t1 - t0
            timing.bare_s += t2 - t1
            timing.floor_s += t3 - t2
            timing.audit_cpu_s += c1 - c0
            timing.bare_cpu_s += c2 - c1
            timing.floor_cpu_s += c3 - c2
            if report.pages:
                timing.pages += report.pages
                timing.paged_reports += 1
                timing.paged_audit_s += t1 - t0
                timing.paged_cpu_s += c1 - c0
            timing.peak_rss_mib = peak_rss_mib()
    return warm_up, list(timings.values())


def timing_row(t: FormatTiming) -> list[str]:
    """Given a format's timing, return its table cells."""
    figures = t.to_json()
    pages_per_s, cpu_per_page = figures["audit_pages_per_s"], figures["audit_cpu_s_per_page"]
    ratio = figures["ratio"]
    return [
        t.format, str(t.reports), str(t.pages) if t.paged_reports else "—",
        f"{figures['audit_reports_per_s']:.2f}", f"{figures['audit_reports_per_cpu_s']:.2f}",
        f"{pages_per_s:.2f}" if pages_per_s else "—",
        f"{cpu_per_page:.3f}" if cpu_per_page else "—",
        f"{1000 * t.audit_s / t.reports:.1f}", f"{1000 * t.bare_s / t.reports:.1f}",
        f"{t.reports / t.bare_s:.2f}" if t.bare_s else "—", f"{ratio:.2f}×" if ratio else "—",
        f"{1000 * t.floor_s / t.reports:.1f}" if t.floor_s else "—", f"{figures['floor_ratio']:.2f}×" if t.floor_s else "—",
        f"{t.peak_rss_mib:.0f}",
    ]


def pdf_targets(timings: list[FormatTiming]) -> str | None:
    """Given per-format timings, return the PDF audit's ratios to its two floors beside issue 12's targets."""
    pdf = [t for t in timings if t.floor_s]
    if not pdf:
        return None
    total = pdf[0]
    for timing in pdf[1:]:
        total = total + timing
    pdfminer, pdfium = total.audit_s / total.bare_s, total.audit_s / total.floor_s
    limit_pdfminer, limit_pdfium = PDF_TARGETS
    by_cpu = ""
    if total.bare_cpu_s and total.floor_cpu_s:
        by_cpu = (f"; in CPU time {total.audit_cpu_s / total.bare_cpu_s:.3f}× and "
                  f"{total.audit_cpu_s / total.floor_cpu_s:.2f}× ({1000 * total.audit_cpu_s / total.reports:.1f} ms CPU per audit)")
    return (f"PDF audit ({total.reports} runs): {pdfminer:.3f}× pdfminer extract_text (target ≤ {limit_pdfminer}), "
            f"{pdfium:.2f}× bare PDFium text (target ≤ {limit_pdfium}){by_cpu}; ratios measured in this one run on the same files")


def render(warm_up: float, timings: list[FormatTiming], repeat: int, profiled: bool, console: Console) -> None:
    """Given the warm-up seconds and per-format timings, print them as a table."""
    overhead = "; audit times include cProfile overhead" if profiled else ""
    engine = os.environ.get(PDF_ENGINE_VARIABLE) or PDFIUM
    table = Table(title=f"Audit vs bare extraction (repeat {repeat}; warm-up {warm_up:.2f} s not counted; PDF engine {engine}{overhead})",
                  title_justify="left", caption="CPU rep/s: reports per CPU second of this process, per core (a shared machine does not inflate it); bare: pdfminer extract_text for PDFs, the format's parser otherwise; PDFium: its text of every page; "
                  "peak RSS: process peak after the format's last report (formats run light first)",
                  caption_justify="left")
    for column in ("format", "runs", "pages", "audit rep/s", "CPU rep/s", "audit pages/s", "CPU s/page", "audit ms/rep", "bare ms/rep",
                   "bare rep/s", "audit/bare", "PDFium ms/rep", "audit/PDFium", "peak RSS MiB"):
        table.add_column(column, justify="left" if column == "format" else "right")
    for timing in timings:
        table.add_row(*timing_row(timing))
    if len(timings) > 1:
        total = timings[0]
        for timing in timings[1:]:
            total = total + timing
        table.add_row(*timing_row(total), style="bold")
    console.print(table)
    targets = pdf_targets(timings)
    if targets:
        console.print(targets)


def run(paths: list[Path] | None = None, repeat: int = 1, profile: bool = False, console: Console | None = None) -> int:
    """Given report paths (default: corpus/ and the shared real corpus), benchmark them, print the table, return the exit code."""
    console = console or Console()
    if not console.is_terminal:  # rich's 80-column default for pipes would fold the table
        console.width = 160
    chosen = paths or [p for p in DEFAULT_PATHS if p.exists()]
    files = find_reports(chosen)
    if not files:
        console.print("no report files under: " + ", ".join(map(str, chosen)))
        return 2
    profiler = cProfile.Profile() if profile else None
    warm_up, timings = bench(files, repeat, profiler)
    render(warm_up, timings, repeat, profiler is not None, console)
    if profiler is not None:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(PROFILE_TOP)
        console.print(stream.getvalue(), markup=False, highlight=False)
    return 0
