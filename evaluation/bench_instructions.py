"""Instructions per audit, whole and per stage, as callgrind counts them: on a machine shared with other work the CPU
seconds of `zfxxgk bench` move by 10-15 % from one run to the next; instruction counts move by well under 1 %.

    python -m evaluation.bench_instructions [--repeat N] [--code DIR] PATH...

The command runs itself under `valgrind --tool=callgrind` (valgrind must be installed): the child loads, audits each
file once (imports and caches warm), settles the collector as a batch worker does, then audits each file `repeat`
times inside functools.reduce, the only code callgrind counts (--toggle-collect). Each stage of
extraction.pipeline.audit is called there through a C function of the standard library that nothing else in the audit
calls, so callgrind's inclusive count of that function is the stage's. `--code DIR` counts the code of another
checkout (`git archive COMMIT | tar -x -C DIR`), the same files: a before and an after on one machine. A C library
that valgrind runs without its vector extensions (SHA-256, libxml2's UTF-8 checks) counts more than it costs.
"""
from __future__ import annotations

import argparse
import functools
import itertools
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Each stage is called through its own C function (the C symbol callgrind names it by).
STAGES = {  # stage: (name of the pipeline function, C symbol)
    "ingest": ("read_source", "starmap_next"),
    "segment": ("segment", "dropwhile_next"),
    "metadata": ("read_metadata", "takewhile_next"),
    "tables": ("parse_tables", "filterfalse_next"),
    "linking": ("link_mentions", "accumulate_next"),
    "checks": ("run_checks", "compress_next"),
}
TOTAL_SYMBOL = "functools_reduce"
CHILD_FLAG = "--child"


def _kept(out: list[Any], thunk: Callable[[], Any]) -> None:
    """Given a list and a thunk, append the thunk's value to the list (returns None: falsy, as the callers need)."""
    out.append(thunk())


# How to call a thunk from inside each C function of STAGES (the list takes its value out).
CALLERS: dict[str, Callable[[Callable[[], Any], list[Any]], object]] = {
    "starmap_next": lambda thunk, out: next(itertools.starmap(lambda: _kept(out, thunk), [()])),
    "dropwhile_next": lambda thunk, out: next(itertools.dropwhile(lambda _: _kept(out, thunk), [None])),
    "takewhile_next": lambda thunk, out: next(itertools.takewhile(lambda _: not _kept(out, thunk), [None])),
    "filterfalse_next": lambda thunk, out: next(itertools.filterfalse(lambda _: _kept(out, thunk), [None])),
    "accumulate_next": lambda thunk, out: list(itertools.accumulate([None, None], lambda *_: _kept(out, thunk))),
    "compress_next": lambda thunk, out: list(itertools.compress([None], (not _kept(out, thunk) for _ in [None]))),
}


def through(symbol: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Given a C symbol of STAGES and a function, return the function called from inside that C function."""
    def call(*args: Any) -> Any:
        out: list[Any] = []
        CALLERS[symbol](lambda: function(*args), out)
        return out[0]
    return call


def child(repeat: int, paths: list[str]) -> None:
    """Under callgrind: audit the files once, then `repeat` times inside functools.reduce, stages routed by STAGES."""
    import extraction.pipeline as pipeline
    from extraction.batch import expand
    from extraction.limits import settle_collector

    for name, symbol in STAGES.values():
        setattr(pipeline, name, through(symbol, getattr(pipeline, name)))
    files = expand(paths)
    for file in files:
        pipeline.audit(file)
    settle_collector()
    functools.reduce(lambda _, file: pipeline.audit(file) and None, files * repeat, None)
    print(f"audits {len(files) * repeat}")


def inclusive_counts(out_file: Path) -> dict[str, int]:
    """Given a callgrind output file, return the inclusive instruction count of each C symbol of STAGES and the total."""
    listing = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out_file)],
                             capture_output=True, text=True, check=True).stdout
    counts: dict[str, int] = {}
    for symbol in [TOTAL_SYMBOL, *(s for _, s in STAGES.values())]:
        match = re.search(rf"^\s*([\d,]+) .*:{symbol} \[", listing, re.MULTILINE)
        counts[symbol] = int(match.group(1).replace(",", "")) if match else 0
    return counts


def main(argv: list[str]) -> int:
    """Given the command line, count and print the instructions per audit; return the exit code."""
    if argv and argv[0] == CHILD_FLAG:
        child(int(argv[1]), argv[2:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m evaluation.bench_instructions", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="report files, folders or glob patterns (quoted)")
    parser.add_argument("--repeat", type=int, default=1, help="audits of each file counted (after one uncounted)")
    parser.add_argument("--code", type=Path, help="a checkout whose code to count instead of this one")
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # str hashes, and with them set orders, alike from run to run
    if args.code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(args.code.resolve()), env.get("PYTHONPATH", "")])
    with tempfile.TemporaryDirectory() as folder:
        out_file = Path(folder) / "callgrind.out"
        # `python -m` puts its working directory first on sys.path: the child runs in the checkout it counts
        run = subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--toggle-collect={TOTAL_SYMBOL}",
                              f"--callgrind-out-file={out_file}", sys.executable, "-m", "evaluation.bench_instructions",
                              CHILD_FLAG, str(args.repeat), *map(os.path.abspath, args.paths)],
                             capture_output=True, text=True, env=env, cwd=args.code)
        audits = re.search(r"^audits (\d+)$", run.stdout, re.MULTILINE)
        if run.returncode != 0 or audits is None or not int(audits.group(1)):
            print(run.stdout[-2000:] + run.stderr[-2000:], file=sys.stderr)
            return 1
        counts = inclusive_counts(out_file)
    n = int(audits.group(1))
    print(f"{n} audits: {counts[TOTAL_SYMBOL] / n / 1e6:.2f} M instructions each")
    for stage, (_, symbol) in STAGES.items():
        print(f"  {stage:9s} {counts[symbol] / n / 1e6:6.2f} M  {counts[symbol] / counts[TOTAL_SYMBOL]:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
