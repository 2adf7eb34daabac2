"""The worker side of `zfxxgk batch`: audit one document, return plain data the single store writer can save.

Importing this module loads the pipeline and warms its caches (spec, jieba dictionary): the batch preloads it
in the forkserver, so every worker forked from there — including one that replaces a killed worker — starts
warm instead of paying ~2 s of imports and ~1.5 s of first-call setup.
"""
from __future__ import annotations

import resource
import signal
import warnings
from multiprocessing.connection import Connection
from typing import Any, Callable

from extraction.limits import MB, OCR_PAGES, address_space, failure, on_ocr_pages, settle_collector
from extraction.numerals import cn_value
from extraction.pipeline import audit
from extraction.store import prepare, record_of

# ("ok", PreparedRows) | ("error", code, message)
Outcome = tuple[Any, ...]
_WARM_NUMERAL = "一百"
_WARM_TEXT = "某某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年共受理政府信息公开申请10件。\n".encode()


def audit_one(path: str, file: str | None, data: bytes | None) -> Outcome:
    """Given a display path and the file to read (or its bytes), return ("ok", PreparedRows) or ("error", code, msg).

    The rows are prepared here (JSON parse, fingerprints, row tuples), not in the parent: the parent is the single
    store writer for every worker, and its CPU per document bounds how far the batch scales (docs/archive.md).
    """
    try:
        if data is None and file is not None:
            with open(file, "rb") as fh:
                data = fh.read()
        report = audit(file or path, data, display_path=path)
        if report.unreadable:
            first = report.errors[0] if report.errors else None
            return ("error", first.code if first else "unreadable", first.message if first else f"{path}: unreadable")
        record = record_of(report)
        record.size = len(data or b"")
        return ("ok", prepare(record, path))
    except Exception as exc:  # a parser bug must become an error row, not end the batch
        return failure(path, exc)


def audit_report(path: str, file: str | None, data: bytes | None) -> Outcome:
    """Given a display path and the file to read (or its bytes), return ("ok", Report) or ("error", code, msg): `check`."""
    try:
        return ("ok", audit(file or path, data, display_path=path))
    except Exception as exc:
        return failure(path, exc)


def limit_memory(max_memory_mb: int | None) -> None:
    """Given a limit in MB (or None), cap this process's address space at that much more than it has now, so that a
    hostile file raises MemoryError. More than now: what the forkserver preloaded (OCR: ~700 MB of address space,
    most of it never touched) must not eat into what an audit may use, as with `check` in its own process."""
    if not max_memory_mb:
        return
    limit = (address_space() or 0) + int(max_memory_mb) * MB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def tell_parent(conn: Connection) -> Callable[[int], None]:
    """Given the pipe to the parent, return a listener that tells it how many pages the audit will read by OCR: the
    parent's clock for this document allows for them (extraction.limits.TimeLimit)."""
    def tell(pages: int) -> None:
        try:
            conn.send((OCR_PAGES, pages))
        except (BrokenPipeError, EOFError, OSError):
            pass  # the parent is gone: the answer will not be sent either

    return tell


def worker_main(conn: Connection, max_memory_mb: int | None, work: Callable[..., Outcome] = audit_one) -> None:
    """Given a pipe to the parent, run work(path, file, data) on each job it sends until the pipe closes."""
    # Ctrl-C goes to the whole process group; the parent decides what to stop, the worker must not die mid-send.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(max_memory_mb)
    while True:
        try:
            path, file, data = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone (finished, or killed): nothing left to do
        with on_ocr_pages(tell_parent(conn)):
            outcome = work(path, file, data)
        try:
            conn.send(outcome)
        except (BrokenPipeError, EOFError, OSError):
            return


def warm() -> None:
    """Run one tiny audit so that lazily loaded resources are in memory before workers fork, and read one numeral
    above a hundred so that cn2an is too (the warm text's 10 is read without it)."""
    audit("warm.txt", _WARM_TEXT)
    cn_value(_WARM_NUMERAL, "strict")
    settle_collector()


warm()
