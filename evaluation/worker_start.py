"""What a batch worker's start costs on a scanned PDF, with and without PDFium and OCR preloaded in the forkserver.

    python -m evaluation.worker_start SCANNED.pdf [--preload-ocr] [--repeat 3]

Prints, as JSON, the wall time from creating the pool to the first answer (the forkserver's start included), then
for each repeat the wall and worker CPU time of the document on a fresh worker (one that replaces a killed worker)
and again on that worker once warm. A fresh worker's start is the difference. Run each mode in a process of its
own: a process has one forkserver, started with the first pool's preload list.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from extraction.batch import Item, WorkerPool


OCR_MODULE = "rapidocr_onnxruntime"


def timed(path: str, file: str | None, data: bytes | None) -> tuple[Any, ...]:
    """Given a document, audit it; return ("ok", status, its CPU seconds, this worker's CPU seconds in all, whether
    the OCR engine was loaded before it)."""
    from extraction.pipeline import audit

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    preloaded = OCR_MODULE in sys.modules
    before = cpu()
    report = audit(file or path, data)
    return ("ok", report.status, round(cpu() - before, 2), round(cpu(), 2), preloaded)


def answer(pool: WorkerPool, item: Item) -> tuple[float, tuple[Any, ...]]:
    """Given a pool and a document, audit it on the pool's one worker; return the wall seconds and the outcome."""
    started = time.monotonic()
    pool.submit(pool.slots[0], item)
    done: list[Any] = []
    while not done:
        done = pool.collect()
    return round(time.monotonic() - started, 2), done[0][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--preload-ocr", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    item = Item(str(args.pdf), "", 0, file=str(args.pdf))
    started = time.monotonic()
    pool = WorkerPool(1, 3600.0, None, work=timed, preload_ocr=args.preload_ocr)
    try:
        _, first = answer(pool, item)
        rows = {"preload_ocr": args.preload_ocr, "first_answer_wall_s": round(time.monotonic() - started, 2),
                "first": first, "fresh": [], "warm": []}
        for _ in range(args.repeat):
            pool._replace(pool.slots[0])  # as after a timeout: a new worker forked from the forkserver
            rows["fresh"].append(answer(pool, item))
            rows["warm"].append(answer(pool, item))
    finally:
        pool.close()
    print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
