"""`zfxxgk fuzz --engine atheris`: libFuzzer's coverage-guided search (atheris) over the whole audit.

The parent writes the seed inputs of a layout to a corpus folder and runs libFuzzer in a child process
(`python -m evaluation.fuzz.coverage FAMILY NAME -- libFuzzer flags`), which instruments this project's code
(extraction.*), mutates with libFuzzer's byte mutator and ours (evaluation/fuzz/mutate.py) in turn, and keeps the
inputs that reach new branches. libFuzzer stops at the first crash, hang (-timeout) or memory overrun
(-rss_limit_mb); the parent records it, replays the input to key it as the other engine does, and starts the child
again on the grown corpus until the runs are spent. Needs the optional extra: pip install -e '.[fuzz]'.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from evaluation.fuzz import FAMILY, Tally, save, seed_inputs
from evaluation.fuzz.mutate import MAX_INPUT, mutate

RUNS_DONE = re.compile(r"^(?:#(\d+)\s|Done (\d+) runs)", re.M)
PEAK_RSS = re.compile(r"stat::peak_rss_mb:\s*(\d+)|rss: (\d+)Mb")
ARTIFACT = re.compile(r"artifact_prefix='[^']*'; Test unit written to (\S+)")


def child(family: str, name: str, argv: list[str]) -> None:
    """Given a family, an input name and libFuzzer's flags, fuzz the audit until libFuzzer stops (runs in the child)."""
    import atheris

    with atheris.instrument_imports(include=["extraction"]):
        from extraction.pipeline import audit
        from extraction.render import render_markdown, render_text

    def test_one(data: bytes) -> None:
        report = audit(name, data)
        json.dumps(report.to_json(), ensure_ascii=False)
        render_text(report)
        render_markdown(report)

    def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.5:
            return atheris.Mutate(data, max_size)
        return mutate(rng, data, family, [])[:max_size]

    atheris.Setup([sys.argv[0], *argv], test_one, custom_mutator=custom_mutator)
    atheris.Fuzz()


def campaign(fmt: str, runs: int, seed: int, out: Path | None, timeout: float, max_memory_mb: int,
             echo: Callable[[str], None] = lambda _: None, max_seconds: float | None = None) -> Tally:
    """Given a layout and a number of inputs, run libFuzzer over them (restarting after each failure); return the tally."""
    from evaluation.fuzz.target import fuzz_one
    from evaluation.synth import LAYOUTS

    tally = Tally(fmt)
    started = time.monotonic()
    artifacts = Path(tempfile.mkdtemp(prefix="zfxxgk-atheris-"))
    corpus = artifacts / "corpus"
    corpus.mkdir()
    for i, data in enumerate(seed_inputs(fmt, seed)):
        (corpus / f"seed{i:04d}").write_bytes(data[:MAX_INPUT])
    name = f"fuzz.{LAYOUTS[fmt][1]}"
    attempt = 0
    while tally.inputs < runs:
        left = None if max_seconds is None else max_seconds - (time.monotonic() - started)
        if left is not None and left <= 1:
            break
        flags = [f"-runs={runs - tally.inputs}", f"-seed={seed + attempt}", f"-timeout={max(1, int(timeout))}",
                 f"-rss_limit_mb={max_memory_mb}", f"-max_len={MAX_INPUT}", f"-artifact_prefix={artifacts}/",
                 "-print_final_stats=1", *([f"-max_total_time={int(left)}"] if left else []), str(corpus)]
        attempt += 1
        result = subprocess.run([sys.executable, "-m", "evaluation.fuzz.coverage", FAMILY[fmt], name, "--", *flags],
                                capture_output=True, text=True, errors="replace")
        log = result.stdout + result.stderr
        done = [int(a or b) for a, b in RUNS_DONE.findall(log)]
        ran = max(done, default=0)
        tally.peak_rss_mb = max([tally.peak_rss_mb, *(float(a or b) for a, b in PEAK_RSS.findall(log))])
        found = ARTIFACT.search(log)
        tally.inputs += ran + (1 if found else 0)
        if found is None:
            if result.returncode != 0 and not ran:
                echo(f"{fmt}: libFuzzer stopped without a result:\n{log[-2000:]}")
                break
            continue
        data = Path(found.group(1)).read_bytes()
        kind = Path(found.group(1)).name.split("-", 1)[0]  # crash | timeout | oom | leak
        if kind == "timeout":
            tally.hangs += 1
            echo(f"{fmt}: hang on an input of {len(data)} bytes")
            if out is not None:
                save(out, "hangs", fmt, data, log[-4000:])
        elif kind == "oom":
            tally.memory += 1
            echo(f"{fmt}: memory overrun on an input of {len(data)} bytes")
            if out is not None:
                save(out, "memory", fmt, data, log[-4000:])
        else:
            replay = fuzz_one(name, None, data)
            key = replay[1] if replay[0] == "crash" else f"{kind} (not reproduced outside libFuzzer)"
            if key not in tally.crashes:
                echo(f"{fmt}: new crash {key}")
                if out is not None:
                    save(out, "crashes", fmt, data, replay[2] if replay[0] == "crash" else log[-4000:])
            tally.crashes[key] += 1
    tally.seconds = time.monotonic() - started
    return tally


if __name__ == "__main__":
    split = sys.argv.index("--")
    child(sys.argv[1], sys.argv[2], sys.argv[split + 1:])
