"""Whether a change kept the audit's output byte for byte: dump every report's output, then compare two dumps.

    python -m evaluation.identical dump OUT PATH...   # per report: its JSON result, text and markdown views
    python -m evaluation.identical diff BEFORE AFTER  # names every file that differs; exit 1 when any does

Reports are audited in this one process, in the order given (files sorted within a folder), so a cache that carries
state from one report to the next shows here as a difference from a dump made in another order or process.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

# the views an auditor reads, each in its own file beside the JSON result
VIEWS = ("json", "txt", "md")


def dump_name(path: Path) -> str:
    """Given a report path, return a file stem unique to it (its name and a hash of its full path)."""
    return f"{path.name}.{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]}"


def report_files(paths: list[Path]) -> list[Path]:
    """Given files and folders, return the report files among them (gold labels left out), folders sorted."""
    from extraction.batch import expand

    return [Path(p) for p in expand([str(p) for p in paths])]


def dump(out: Path, paths: list[Path]) -> int:
    """Given an output folder and report paths, write each report's three views there; return the count."""
    from extraction.pipeline import audit
    from extraction.render import render_markdown, render_text

    out.mkdir(parents=True, exist_ok=True)
    files = report_files(paths)
    for file in files:
        report = audit(file)
        stem = out / dump_name(file)
        text = json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True, indent=2)
        Path(f"{stem}.json").write_text(text + "\n", encoding="utf-8")
        Path(f"{stem}.txt").write_text(render_text(report) + "\n", encoding="utf-8")
        Path(f"{stem}.md").write_text(render_markdown(report) + "\n", encoding="utf-8")
    return len(files)


def differences(before: Path, after: Path) -> list[str]:
    """Given two dump folders, return the names of the files missing from one or differing in bytes."""
    names_before = {p.name for p in before.iterdir()}
    names_after = {p.name for p in after.iterdir()}
    differ = sorted(names_before ^ names_after)
    differ += sorted(n for n in names_before & names_after if (before / n).read_bytes() != (after / n).read_bytes())
    return differ


def main(argv: list[str]) -> int:
    """Given the command line, dump or compare; return the exit code."""
    if len(argv) >= 3 and argv[0] == "dump":
        count = dump(Path(argv[1]), [Path(p) for p in argv[2:]])
        print(f"{count} reports → {argv[1]}")
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        differ = differences(Path(argv[1]), Path(argv[2]))
        for name in differ:
            print(name)
        print(f"{len(differ)} files differ")
        return 1 if differ else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
