"""Per-document cost limits shared by `check`, `batch` and the fuzzing campaign (the size limit is ingest.MAX_BYTES),
and their enforcement inside this process for a `check` of one file.

The time limit scales with the work a document needs: a base limit, plus an allowance for each page ingest sends to
OCR (6-10 s of CPU a page on one core, where a text-layer page takes milliseconds). Ingest reads at most MAX_OCR_PAGES
pages by OCR, so a document's limit never passes base + MAX_OCR_PAGES × allowance. Ingest announces the pages before
it reads them (`ocr_ahead`); whoever enforces the limit listens (`on_ocr_pages`) and moves its deadline: the timers
here, the CPU timer of a fuzzing worker, and, told over the worker's pipe, the wall clock of a batch's parent.

A worker process (extraction.batch) can be killed whatever it is doing; this process cannot, so here the time limit is
a timer signal whose handler raises `Overtime` between two Python steps, the memory limit an address-space limit
that makes an allocation past it raise MemoryError, both taken back when the audit ends. A native call that holds the
interpreter past the limit is ended by a watchdog thread that gives up the whole process (`GIVE_UP_GRACE_S` later).
"""
from __future__ import annotations

import gc
import os
import resource
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

DEFAULT_TIMEOUT_S = 120.0  # the base limit: a 100-page text-layer report is audited in well under a minute on one core
DEFAULT_OCR_PAGE_S = 30.0  # wall seconds added per page read by OCR: one takes 6-10 s of CPU on one core (docs/fuzzing.md, "Limits")
MAX_OCR_PAGES = 100  # pages read by OCR per document, the rest left unread (ocr_page_limit); a scanned report runs to 5-50
OCR_PAGES = "ocr_pages"  # a worker's message to its parent before its answer: (OCR_PAGES, pages about to be read by OCR)
DEFAULT_MAX_MEMORY_MB = 2048  # a worker peaks at ~400 MB on a 6-page PDF; 5x leaves room for 100-page reports
GIVE_UP_GRACE_S = 5.0  # past the time limit, a native call that let no signal handler run has this long to return
GIVE_UP_EXIT = 2  # `check`'s exit status for a report that could not be read
STATM = "/proc/self/statm"  # Linux: this process's sizes in pages, the address space first
MB = 1024 * 1024
NATIVE_OUT_OF_MEMORY = "std::bad_alloc"  # how a C++ library (the OCR's ONNX runtime) reports an allocation refused
GC_YOUNG_THRESHOLD = 20_000  # tracked allocations between young collections (Python's default: 700)


class Overtime(BaseException):
    """The audit ran past its time limit. Not an Exception: no `except Exception` inside the audit may absorb it."""


@dataclass
class TimeLimit:
    """One document's time limit: `base` seconds (0 or infinite: no limit), plus `per_ocr_page` for each page ingest
    reads by OCR, at most MAX_OCR_PAGES of them."""

    base: float
    per_ocr_page: float = DEFAULT_OCR_PAGE_S
    ocr_pages: int = 0

    @property
    def limited(self) -> bool:
        return bool(self.base) and self.base != float("inf")

    @property
    def seconds(self) -> float:
        """The limit now: the base and the allowance of the OCR pages announced so far (infinite when unlimited)."""
        return self.base + self.per_ocr_page * self.ocr_pages if self.limited else float("inf")

    @property
    def bound(self) -> float:
        """The most the limit can grow to, whatever the document."""
        return self.base + self.per_ocr_page * MAX_OCR_PAGES if self.limited else float("inf")

    def allow(self, pages: int) -> float:
        """Given pages ingest is about to read by OCR, add their allowance (never past MAX_OCR_PAGES pages in all);
        return the seconds added."""
        pages = max(0, min(pages, MAX_OCR_PAGES - self.ocr_pages))
        self.ocr_pages += pages
        return pages * self.per_ocr_page if self.limited else 0.0

    def message(self, path: str, unit: str = "秒") -> str:
        """Given a report path (and the unit of the limit), return the message of its timeout error."""
        allowance = f"（{self.base:g} {unit}，另加 OCR {self.ocr_pages} 页、每页 {self.per_ocr_page:g} {unit}）" \
            if self.ocr_pages and self.per_ocr_page else ""
        return f"{path}：审核超过 {self.seconds:g} {unit}{allowance}，已停止"


_listening = threading.local()  # per thread: a Dask worker audits on a thread of its own


def ocr_ahead(pages: int) -> None:
    """Given the number of pages ingest is about to read by OCR, tell whoever holds this thread's audit to a limit."""
    for listener in list(getattr(_listening, "listeners", ())):
        listener(pages)


@contextmanager
def on_ocr_pages(listener: Callable[[int], Any]) -> Iterator[None]:
    """Within the block, listener(pages) is called on this thread each time ingest announces pages it will read by OCR."""
    listeners = _listening.__dict__.setdefault("listeners", [])
    listeners.append(listener)
    try:
        yield
    finally:
        listeners.remove(listener)


def failure(path: str, exc: Exception) -> tuple[str, str, str]:
    """Given an exception that escaped the audit, return its ("error", code, message)."""
    if isinstance(exc, MemoryError) or NATIVE_OUT_OF_MEMORY in str(exc):
        return ("error", "memory_limit", f"{path}：审核超出内存上限")
    if isinstance(exc, RecursionError):
        return ("error", "crash", f"{path}：文档嵌套过深，超出递归上限")
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return ("error", "crash", f"{path}：审核程序出错（{type(exc).__name__}: {exc}，位于 {where.filename.rsplit('/', 1)[-1]}:{where.lineno}）")


def address_space() -> int | None:
    """Return this process's address space in bytes, or None where the system does not say (not Linux)."""
    try:
        with open(STATM, encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def can_bound_here(max_memory_mb: float | None) -> bool:
    """Given the memory limit asked for, return whether this process can hold an audit to its limits itself: a POSIX
    interval timer in the main thread, and (when memory is limited) an address space it can read."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return not max_memory_mb or address_space() is not None


def give_up(message: str) -> None:
    """Given the timeout message, end this process: the audit is stuck in a native call past its limit."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    os._exit(GIVE_UP_EXIT)


def watch(limit: TimeLimit, started: float, ended: threading.Event, path: str) -> None:
    """Given a time limit, when the audit started and an event set when it ends, give this process up once the audit
    is GIVE_UP_GRACE_S past its limit, read again at each wake-up: it grows with the pages sent to OCR."""
    while not ended.wait(max(0.0, started + limit.seconds + GIVE_UP_GRACE_S - time.monotonic())):
        if time.monotonic() >= started + limit.seconds + GIVE_UP_GRACE_S:
            give_up(limit.message(path))


@contextmanager
def bounded(limit: TimeLimit, max_memory_mb: float | None, path: str) -> Iterator[None]:
    """Within the block, this process raises Overtime past the limit's seconds (moved on as ingest announces pages
    for OCR) and MemoryError past `max_memory_mb` MB more address space than it has now (None or 0: no limit); the
    timeout message naming `path` is written if the process must be given up. The limits, timer and handler in place
    before are restored afterwards."""
    started = time.monotonic()
    ended = threading.Event()  # set first thing on the way out: a late signal must not skip the restoring
    watchdog = threading.Thread(target=watch, args=(limit, started, ended, path), daemon=True) if limit.limited else None
    previous_limit = resource.getrlimit(resource.RLIMIT_AS) if max_memory_mb else None
    handlers: list[Any] = []  # the SIGALRM handler before ours, once ours is in place

    def overtime(signum: int, frame: object) -> None:
        if not ended.is_set():
            raise Overtime

    def extend(pages: int) -> None:
        added = limit.allow(pages)
        remaining = signal.getitimer(signal.ITIMER_REAL)[0] if handlers else 0.0
        if added and remaining > 0:
            signal.setitimer(signal.ITIMER_REAL, remaining + added)

    try:
        if watchdog is not None:
            watchdog.start()
        if previous_limit is not None:
            soft, hard = previous_limit
            memory = (address_space() or 0) + int(max_memory_mb * MB)
            memory = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
            resource.setrlimit(resource.RLIMIT_AS, (memory if soft == resource.RLIM_INFINITY else min(memory, soft), hard))
        if limit.limited:  # armed last: the handler may raise from here on, inside the try
            handlers.append(signal.signal(signal.SIGALRM, overtime))
            signal.setitimer(signal.ITIMER_REAL, limit.seconds)
        with on_ocr_pages(extend):
            yield
    finally:
        ended.set()
        if handlers:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if handlers[0] is None else handlers[0])
        if previous_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous_limit)


def settle_collector() -> None:
    """In a process done loading (spec, grammar, dictionaries) that goes on to audit report after report, freeze
    what it holds out of the cyclic collector's passes and let young collections wait for more allocations. An audit
    frees nearly all it makes by reference counting, yet with the defaults a young pass ran about once a report and
    a full pass over everything loaded every few dozen: a tenth of a text audit's CPU. Frozen before the batch's
    workers fork, the loaded objects' pages also stay shared with them."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)
