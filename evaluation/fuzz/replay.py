"""Re-run saved campaign inputs (a `--out` folder's hangs, crashes, memory failures) one at a time, each in this
process as the campaign's worker runs it, and say what each costs today:

    python -m evaluation.fuzz.replay OUT/hangs/*.pdf [--timeout 20] [--timeout-per-ocr-page 20]

One JSON line per input: its answer (as `fuzz_one` gives it), the CPU seconds it took, the pages it sent to OCR and
the CPU limit those pages earned it.
"""
from __future__ import annotations

import argparse
import json
import resource
from pathlib import Path

from evaluation.fuzz import CAMPAIGN_OCR_PAGE_S, CAMPAIGN_TIMEOUT_S
from evaluation.fuzz.target import fuzz_one
from extraction.limits import TimeLimit, on_ocr_pages


def cpu() -> float:
    """Return this process's CPU seconds so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def replay(path: Path, timeout: float, per_ocr_page: float) -> dict:
    """Given a saved input and the campaign's limits, audit it as the campaign does; return what it cost."""
    seen = TimeLimit(timeout, per_ocr_page)
    before = cpu()
    with on_ocr_pages(seen.allow):
        outcome = fuzz_one(path.name, None, path.read_bytes(), cpu_seconds=timeout, cpu_per_ocr_page=per_ocr_page)
    return {"input": path.name, "answer": list(outcome[:3]), "cpu_s": round(cpu() - before, 1),
            "ocr_pages": seen.ocr_pages, "cpu_limit_s": seen.seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--timeout", type=float, default=CAMPAIGN_TIMEOUT_S)
    parser.add_argument("--timeout-per-ocr-page", type=float, default=CAMPAIGN_OCR_PAGE_S)
    args = parser.parse_args()
    import extraction.batch_worker  # noqa: F401 - warm, as the campaign's worker is forked warm
    import extraction.ingest.ocr_warm  # noqa: F401
    for path in args.inputs:
        print(json.dumps(replay(path, args.timeout, args.timeout_per_ocr_page), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
