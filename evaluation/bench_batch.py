"""How `zfxxgk batch` scales with workers: the same archive into a fresh store per run, runs interleaved.

Each run is a fresh process running `run_batch` as `zfxxgk batch --quiet` does (walking, worker start-up and series
linking included: a forkserver left warm by an earlier run in the same process would flatter the later runs).
Runs are interleaved (e.g. 1,2,2,1) because a shared VM's speed drifts between minutes; the ratio is taken
between the mean rates. Beside the wall clock: the parent's CPU (the single store writer) and the machine's busy
and idle CPU over the run (/proc/stat), which show whether the workers or the parent were the limit. Every run
must store the same findings; a run that differs is reported, since a speed-up that changes results is no speed-up.
"""
from __future__ import annotations

import hashlib
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from extraction.batch import run_batch
from extraction.store import Store

PROC_STAT = Path("/proc/stat")
RESULT_SQL = ("SELECT d.sha256, f.fingerprint, f.finding_json FROM findings f JOIN reports r ON r.id = f.report_id "
              "JOIN documents d ON d.id = r.document_id ORDER BY d.sha256, f.fingerprint")


@dataclass
class BatchRun:
    """One batch run: workers, documents stored and failed, wall seconds, parent CPU, machine CPU, result digest."""

    workers: int
    stored: int
    failed: int
    seconds: float
    parent_cpu_s: float
    busy_cpu_s: float | None
    idle_cpu_s: float | None
    digest: str

    @property
    def rate(self) -> float:
        return (self.stored + self.failed) / self.seconds if self.seconds else 0.0


def machine_cpu() -> tuple[float, float] | None:
    """Return the machine's (busy, idle) CPU seconds since boot, or None where /proc/stat is missing."""
    if not PROC_STAT.exists():
        return None
    fields = [int(v) for v in PROC_STAT.read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, idle, iowait, irq, softirq = fields[:7]
    tick = 100.0  # USER_HZ on Linux
    return (user + nice + system + irq + softirq) / tick, (idle + iowait) / tick


def result_digest(db: Path) -> str:
    """Given a store, return a hash of every finding (audit and cross-year) keyed by document content."""
    h = hashlib.sha256()
    with closing(sqlite3.connect(db)) as conn:
        for row in conn.execute(RESULT_SQL):
            h.update(repr(tuple(row)).encode())
    return h.hexdigest()[:16]


def batch_in_this_process(paths: list[str], workers: int, db: Path) -> BatchRun:
    """Given inputs, a worker count and a fresh store path, batch the inputs; return the figures (no machine CPU)."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    store = Store(db)
    counts = run_batch(paths, store, workers=workers)
    store.close()
    after = resource.getrusage(resource.RUSAGE_SELF)
    parent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return BatchRun(workers, counts.stored, counts.failed, counts.seconds, round(parent, 2), None, None, result_digest(db))


def one_run(paths: list[str], workers: int, db: Path) -> BatchRun:
    """Given inputs, a worker count and a fresh store path, batch them in a new process; return the figures."""
    before = machine_cpu()
    done = subprocess.run([sys.executable, "-m", "evaluation.bench_batch", str(db), str(workers), *paths],
                          capture_output=True, text=True, check=True)
    after = machine_cpu()
    result = BatchRun(**json.loads(done.stdout.strip().splitlines()[-1]))
    if before and after:
        result.busy_cpu_s, result.idle_cpu_s = round(after[0] - before[0], 1), round(after[1] - before[1], 1)
    return result


def run(paths: list[Path], order: list[int]) -> int:
    """Given inputs and the worker counts to run in order, print each run and the scaling; return the exit code."""
    console = Console()
    runs: list[BatchRun] = []
    with tempfile.TemporaryDirectory(prefix="zfxxgk-bench-batch-") as tmp:
        for n, workers in enumerate(order, start=1):
            console.print(f"run {n}/{len(order)}: {workers} worker(s)…", style="dim")
            runs.append(one_run([str(p) for p in paths], workers, Path(tmp) / f"run_{n}.sqlite"))
    table = Table(title="zfxxgk batch: workers vs throughput (fresh store per run)")
    for column in ("run", "workers", "docs", "wall s", "docs/s", "parent CPU s", "busy / idle CPU s", "findings"):
        table.add_column(column, justify="right")
    for n, r in enumerate(runs, start=1):
        machine = f"{r.busy_cpu_s:.1f} / {r.idle_cpu_s:.1f}" if r.busy_cpu_s is not None else "n/a"
        table.add_row(str(n), str(r.workers), f"{r.stored + r.failed}", f"{r.seconds:.1f}", f"{r.rate:.1f}",
                      f"{r.parent_cpu_s:.1f}", machine, r.digest)
    console.print(table)
    means = {w: sum(r.rate for r in runs if r.workers == w) / sum(1 for r in runs if r.workers == w) for w in sorted(set(order))}
    base = min(means)
    for w, mean in means.items():
        console.print(f"{w} worker(s): mean {mean:.1f} docs/s, × {mean / means[base]:.2f} of {base} worker(s)")
    if len({r.digest for r in runs}) > 1:
        console.print("[red]runs stored different findings[/red]")
        return 1
    console.print("every run stored the same findings")
    return 0


if __name__ == "__main__":  # one run, for `run`: python -m evaluation.bench_batch DB WORKERS PATH...
    print(json.dumps(asdict(batch_in_this_process(sys.argv[3:], int(sys.argv[2]), Path(sys.argv[1])))))
