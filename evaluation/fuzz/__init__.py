"""`zfxxgk fuzz`: a fuzzing campaign over every ingester and the whole audit.

Seeds are the real reports (../shared/corpus/real), the bundled seed and synthetic reports, and fresh `zfxxgk synth`
renders of the layout; each input is a structure-aware mutant of one (evaluation/fuzz/mutate.py) audited in a batch
worker under a CPU-time and memory limit (extraction/batch.py, evaluation/fuzz/target.py), so a hang or a runaway
allocation is counted, not suffered. Counted per format: inputs, typed answers by code, uncaught exceptions (unique by
place), hangs, memory.
`--engine atheris` hands the same seeds and mutator to libFuzzer for coverage guidance (evaluation/fuzz/coverage.py).
"""
from __future__ import annotations

import hashlib
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable

from evaluation.fuzz.mutate import mutate

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIRS = (REPO.parent / "shared" / "corpus" / "real", REPO / "corpus" / "seed", REPO / "corpus" / "synthetic")
FAMILY = {"pdf": "pdf", "pdf-unruled": "pdf", "html": "html", "docx": "docx", "text": "text", "pipe": "text",
          "markdown": "text", "whitespace": "text", "cells": "text"}
FORMATS = tuple(FAMILY)
SYNTH_MODELS = 6  # fresh synthetic renders per layout, beside the corpus files
FRAGMENTS = 4  # per text-like seed: prefixes of it as seeds of their own (short inputs are audited fast)
CAMPAIGN_TIMEOUT_S = 20.0  # CPU seconds per input: a mutant is at most 512 KB, which the audit reads in a few seconds
CAMPAIGN_OCR_PAGE_S = 20.0  # CPU seconds more for each page an input sends to OCR (6-10 s on one core)
WALL_PER_CPU = 10  # the worker's wall-clock limit, in CPU limits: room for a core shared with other work
CAMPAIGN_MEMORY_MB = 2048


@dataclass
class Tally:
    """What a campaign over one format found."""

    format: str
    inputs: int = 0
    complete: int = 0
    partial: int = 0
    typed: Counter = field(default_factory=Counter)  # unreadable inputs by error code
    crashes: Counter = field(default_factory=Counter)  # crash key -> inputs
    hangs: int = 0
    memory: int = 0  # MemoryError under the limit, or the worker killed
    peak_rss_mb: float = 0.0
    seconds: float = 0.0

    @property
    def uncaught(self) -> int:
        return sum(self.crashes.values())

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "inputs": self.inputs, "complete": self.complete, "partial": self.partial,
                "typed_errors": dict(self.typed), "uncaught_exceptions": self.uncaught, "unique_crashes": dict(self.crashes),
                "hangs": self.hangs, "memory": self.memory, "peak_rss_mb": round(self.peak_rss_mb, 1),
                "seconds": round(self.seconds, 1), "inputs_per_s": round(self.inputs / self.seconds, 1) if self.seconds else 0.0}


def layout_of(path: Path) -> str | None:
    """Given a corpus document, return its layout name from its gold file (pdf, html, text...), or None."""
    gold = path.parent / f"{path.stem}.gold.json"
    if not gold.exists():
        return None
    word = json.loads(gold.read_text(encoding="utf-8")).get("format")
    from evaluation.synth import LAYOUTS

    return next((name for name, (_, _, gold_word) in LAYOUTS.items() if gold_word == word), None)


def seed_inputs(fmt: str, seed: int, dirs: tuple[Path, ...] = CORPUS_DIRS) -> list[bytes]:
    """Given a layout and a seed, return its seed inputs: corpus documents of the layout's family, synthetic renders
    of the layout, and (for text-like families) prefixes of them."""
    from evaluation.synth import models, render

    family = FAMILY[fmt]
    seeds = [p.read_bytes() for d in dirs if d.is_dir() for p in sorted(d.iterdir())
             if not p.name.endswith(".gold.json") and (layout := layout_of(p)) and FAMILY[layout] == family]
    seeds += [render(model, fmt) for model in models(SYNTH_MODELS, seed, 0.3)]
    if family in ("text", "html"):
        rng = random.Random(seed)
        seeds += [s[: rng.randrange(len(s) // 8, len(s))] for s in list(seeds) for _ in range(FRAGMENTS)]
    return seeds


def save(out: Path, kind: str, fmt: str, data: bytes, note: str) -> Path:
    """Given an output folder and a failing input, write it (named by its hash) and a note beside it; return its path."""
    from evaluation.synth import LAYOUTS

    folder = out / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{fmt}-{hashlib.sha256(data).hexdigest()[:12]}.{LAYOUTS[fmt][1]}"
    path.write_bytes(data)
    path.with_suffix(path.suffix + ".txt").write_text(note, encoding="utf-8")
    return path


def campaign(fmt: str, runs: int, seed: int, out: Path | None = None, timeout: float = CAMPAIGN_TIMEOUT_S,
             max_memory_mb: int = CAMPAIGN_MEMORY_MB, echo: Callable[[str], None] = lambda _: None,
             max_seconds: float | None = None, per_ocr_page: float = CAMPAIGN_OCR_PAGE_S,
             preload_ocr: bool | None = None, workers: int = 1) -> Tally:
    """Given a layout, a number of inputs and a seed, audit that many mutants in `workers` workers; return the tally.
    The inputs are drawn in one order whatever the workers (the same seed, the same inputs); only the order they
    finish in differs. An input's limit is `timeout` CPU seconds plus `per_ocr_page` for each page it sends to OCR;
    `preload_ocr` (by default: a PDF layout) has the workers' forkserver load PDFium and OCR.

    Every input that raises (or hangs, or runs out of memory) is written to `out` with its traceback, once per place.
    """
    from extraction.batch import Item, WorkerPool
    from evaluation.fuzz.target import fuzz_one
    from evaluation.synth import LAYOUTS

    tally = Tally(fmt)
    seeds = seed_inputs(fmt, seed)
    rng = random.Random(f"{fmt}:{seed}")
    name = f"fuzz.{LAYOUTS[fmt][1]}"
    pool = WorkerPool(workers, timeout * WALL_PER_CPU, max_memory_mb,
                      work=partial(fuzz_one, cpu_seconds=timeout, cpu_per_ocr_page=per_ocr_page),
                      per_ocr_page=per_ocr_page * WALL_PER_CPU,
                      preload_ocr=FAMILY[fmt] == "pdf" if preload_ocr is None else preload_ocr)
    started = time.monotonic()
    drawn = 0
    try:
        while True:
            in_time = max_seconds is None or time.monotonic() - started <= max_seconds
            for slot in pool.slots:
                if slot.item is None and drawn < runs and in_time:
                    data = mutate(rng, rng.choice(seeds), FAMILY[fmt], seeds)
                    pool.submit(slot, Item(name, "", len(data), data=data))
                    drawn += 1
            if not pool.busy():
                break
            for item, outcome in pool.collect():
                record(tally, outcome, item.data or b"", out, echo)
                if tally.inputs % 1000 == 0:
                    tally.seconds = time.monotonic() - started
                    echo(f"{fmt}: {tally.inputs} inputs, {tally.uncaught} uncaught, {tally.hangs} hangs, {tally.memory} memory, "
                         f"{tally.inputs / tally.seconds:.1f}/s")
    finally:
        pool.close()
    tally.seconds = time.monotonic() - started
    return tally


def record(tally: Tally, outcome: tuple[Any, ...], data: bytes, out: Path | None, echo: Callable[[str], None]) -> None:
    """Given a tally and one input's outcome, count it; save a new crash, hang or memory failure to `out`."""
    tally.inputs += 1
    kind = outcome[0]
    if kind == "ok":
        _, status, codes, rss = outcome
        tally.peak_rss_mb = max(tally.peak_rss_mb, rss)
        if status == "unreadable":
            tally.typed[codes[0] if codes else "unreadable"] += 1
        else:
            setattr(tally, status, getattr(tally, status) + 1)
        return
    if kind == "crash":
        _, key, trace = outcome
        first = key not in tally.crashes
        tally.crashes[key] += 1
        if first:
            echo(f"{tally.format}: new crash {key}")
            if out is not None:
                save(out, "crashes", tally.format, data, trace)
        return
    code = outcome[1] if kind == "error" else "memory_limit"
    if code == "timeout":
        tally.hangs += 1
    else:  # memory_limit (MemoryError), worker_died (killed: memory or a native crash)
        tally.memory += 1
    echo(f"{tally.format}: {code} on an input of {len(data)} bytes")
    if out is not None:
        save(out, "hangs" if code == "timeout" else "memory", tally.format, data, " ".join(map(str, outcome)))


def run(formats: str, runs: int, seed: int, out: Path | None, timeout: float, max_memory_mb: int | None, engine: str,
        json_path: Path | None, minutes: float | None = None, echo: Callable[[str], None] = print,
        per_ocr_page: float = CAMPAIGN_OCR_PAGE_S, workers: int = 1) -> int:
    """Given the `zfxxgk fuzz` options, run the campaign per format, print the figures; return 1 on a crash or hang."""
    chosen = list(FORMATS) if formats == "all" else [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FAMILY]
    if unknown or engine not in ("mutate", "atheris"):
        echo(f"unknown format(s) {', '.join(unknown)} or engine {engine}; formats: {', '.join(FORMATS)}; engines: mutate, atheris")
        return 2
    tallies = []
    seconds = minutes * 60 if minutes else None
    scanned = any(FAMILY[f] == "pdf" for f in chosen)  # one forkserver serves every format: load OCR for all or none
    for fmt in chosen:
        if engine == "atheris":
            from evaluation.fuzz.coverage import campaign as guided

            tally = guided(fmt, runs, seed, out, timeout, max_memory_mb or 0, echo=echo, max_seconds=seconds)
        else:
            tally = campaign(fmt, runs, seed, out, timeout, max_memory_mb, echo=echo, max_seconds=seconds,
                             per_ocr_page=per_ocr_page, preload_ocr=scanned, workers=workers)
        tallies.append(tally)
        echo(f"{fmt:12} {tally.inputs:>8} inputs  {tally.uncaught:>5} uncaught ({len(tally.crashes)} unique)  {tally.hangs:>3} hangs  "
             f"{tally.memory:>3} memory  peak {tally.peak_rss_mb:.0f} MB  {tally.inputs / max(tally.seconds, 1e-9):.1f}/s")
        for key, count in tally.crashes.most_common():
            echo(f"    {count:>6}× {key}")
        if json_path is not None:  # after each format: a long campaign's figures survive an interruption
            json_path.write_text(json.dumps([t.as_dict() for t in tallies], ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if any(t.uncaught or t.hangs for t in tallies) else 0
