"""What the fuzzing campaign runs on each input, inside a batch worker: the whole audit and both human views.

A Report (with or without typed errors) is the only acceptable answer; anything raised is a crash, keyed by the
exception type and the innermost frame in this project's code so that one bug found a thousand times counts once.
"""
from __future__ import annotations

import json
import resource
import traceback
from typing import Any

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


def fuzz_one(path: str, file: str | None, data: bytes | None) -> tuple[Any, ...]:
    """Given an input's name and bytes, return ("ok", status, error codes, peak MB), ("memory", peak MB) or
    ("crash", key, traceback text)."""
    from extraction.pipeline import audit
    from extraction.render import render_markdown, render_text

    try:
        report = audit(path, data)
        json.dumps(report.to_json(), ensure_ascii=False)
        render_text(report)
        render_markdown(report)
    except MemoryError:
        return ("memory", peak_rss_mb())
    except Exception as exc:  # the finding this campaign is looking for
        return ("crash", crash_key(exc), traceback.format_exc(limit=-12))
    return ("ok", report.status, [e.code for e in report.errors], peak_rss_mb())
