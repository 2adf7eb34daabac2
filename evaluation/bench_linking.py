"""How the audit's time grows with one long run of text without 。；or line breaks (issue 11: it must grow linearly).

The input is the CLI's own plain-text output for the given reports, its sentence ends turned into ，and its lines
repeated to each size: read as text-whitespace, the lines join into one sentence as long as the file.
Run: python -m evaluation.bench_linking [--lines 1250,2500,5000,10000] [REPORT ...]
"""
from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from extraction.pipeline import audit
from extraction.render import render_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REPORTS = (ROOT / "corpus" / "seed" / "miyun_2021.txt",)
DEFAULT_LINES = (1250, 2500, 5000, 10000)
_SENTENCE_END = re.compile(r"[。；;！？!?]")


def long_run(reports: list[Path], lines: int) -> str:
    """Given reports and a line count, return that many lines of their rendered audits with no sentence end."""
    rendered = [_SENTENCE_END.sub("，", line) for r in reports for line in render_text(audit(r)).splitlines() if line.strip()]
    return "\n".join(rendered[i % len(rendered)] for i in range(lines)) + "\n"


def scaling(reports: list[Path], sizes: list[int]) -> list[tuple[int, int, float, int]]:
    """Given reports and line counts, return (lines, characters, seconds to audit, mentions) for each size."""
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for lines in sizes:
            path = Path(folder) / f"run_{lines}.txt"
            path.write_text(long_run(reports, lines), encoding="utf-8")
            started = time.perf_counter()
            report = audit(path)
            out.append((lines, len(path.read_text(encoding="utf-8")), time.perf_counter() - started, len(report.mentions)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path, default=list(DEFAULT_REPORTS))
    parser.add_argument("--lines", default=",".join(map(str, DEFAULT_LINES)))
    args = parser.parse_args()
    audit(args.reports[0])  # warm: the spec, the grammar and the tokenizer load once
    rows = scaling(args.reports, [int(n) for n in args.lines.split(",")])
    print(f"{'lines':>7} {'chars':>9} {'seconds':>8} {'mentions':>9} {'s per 1k lines':>15}")
    for lines, chars, seconds, mentions in rows:
        print(f"{lines:>7} {chars:>9} {seconds:>8.2f} {mentions:>9} {seconds / lines * 1000:>15.3f}")
    first, last = rows[0], rows[-1]
    print(f"{last[0] / first[0]:.0f}x the lines took {last[2] / first[2]:.1f}x the time")


if __name__ == "__main__":
    main()
