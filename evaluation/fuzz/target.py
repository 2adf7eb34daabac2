"""What the fuzzing campaign runs on each input, inside a batch worker: the whole audit and both human views.

A Report (with or without typed errors) is the only acceptable answer; anything raised is a crash, keyed by the
exception type and the innermost frame in this project's code so that one bug found a thousand times counts once.
An input's time limit is CPU time, not wall time: on a machine shared with other work, an audit waiting for a core
is not a hang (the worker pool's wall limit, a multiple of it, still ends a native call that never returns). Like
`check`'s, it grows by an allowance for each page the input sends to OCR (extraction.limits.TimeLimit).
"""
from __future__ import annotations

import json
import resource
import signal
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from extraction.limits import Overtime, TimeLimit, on_ocr_pages

OWN_CODE = ("/extraction/", "/evaluation/")


def crash_key(exc: BaseException) -> str:
    """Given an exception, return 'Type at file:line (function)' for its innermost frame in our code (else the last)."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if any(part in f.filename for part in OWN_CODE)] or frames
    where = own[-1] if own else None
    place = f"{where.filename.rsplit('/', 2)[-2]}/{where.filename.rsplit('/', 1)[-1]}:{where.lineno} ({where.name})" if where else "?"
    return f"{type(exc).__name__} at {place}"


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def cpu_limited(seconds: float | None, per_ocr_page: float = 0.0) -> Iterator[TimeLimit]:
    """Within the block, raise Overtime once this process has spent `seconds` more CPU time, plus `per_ocr_page` for
    each page ingest announces for OCR (None or 0: no limit); yield the limit. The profiling timer and its handler
    before are restored afterwards."""
    limit = TimeLimit(seconds or 0.0, per_ocr_page)
    if not limit.limited:
        yield limit
        return
    ended: list[bool] = []

    def overtime(signum: int, frame: object) -> None:
        if not ended:
            raise Overtime

    def extend(pages: int) -> None:
        added = limit.allow(pages)
        remaining = signal.getitimer(signal.ITIMER_PROF)[0]
        if added and remaining > 0:
            signal.setitimer(signal.ITIMER_PROF, remaining + added)

    previous = signal.signal(signal.SIGPROF, overtime)
    try:
        signal.setitimer(signal.ITIMER_PROF, limit.seconds)
        with on_ocr_pages(extend):
            yield limit
    finally:
        ended.append(True)
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def fuzz_one(path: str, file: str | None, data: bytes | None, cpu_seconds: float | None = None,
             cpu_per_ocr_page: float = 0.0) -> tuple[Any, ...]:
    """Given an input's name and bytes (and its CPU-time limit: a base and an allowance per page read by OCR), return
    ("ok", status, error codes, peak MB), ("memory", peak MB), ("error", "timeout", message) or ("crash", key,
    traceback text)."""
    from extraction.pipeline import audit
    from extraction.render import render_markdown, render_text

    limit = TimeLimit(cpu_seconds or 0.0, cpu_per_ocr_page)  # named by the message should the timer fire before the block
    try:
        with cpu_limited(cpu_seconds, cpu_per_ocr_page) as limit:
            report = audit(path, data)
            json.dumps(report.to_json(), ensure_ascii=False)
            render_text(report)
            render_markdown(report)
    except Overtime:
        return ("error", "timeout", limit.message(path, "秒 CPU"))
    except MemoryError:
        return ("memory", peak_rss_mb())
    except Exception as exc:  # the finding this campaign is looking for
        return ("crash", crash_key(exc), traceback.format_exc(limit=-12))
    return ("ok", report.status, [e.code for e in report.errors], peak_rss_mb())
