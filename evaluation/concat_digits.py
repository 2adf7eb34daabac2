"""Concatenated-digit figures: labeled reports laid out as a page scraper's text export, read back, and scored.

`python -m evaluation.concat_digits PATH... [--blank space|none] [--html page|grid]`: a report already in that layout
(the crawler's page.txt) is read as it is; an HTML page is printed by lxml's text_content() (what a scraper keeps);
any other report is flattened from its ingested grids the same way: prose and every table cell in reading order,
nothing between them, a blank cell as one no-break space (its &nbsp;) or as nothing. Prints per report and in total the cells read exactly, left
unread and read wrong, and the rows (表二 rows, 表三 rows, 表四 groups) read whole, left partly unread, or wrong.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, fields
from pathlib import Path

import lxml.html

from extraction.document import RawTable, Source
from extraction.ingest import read_source
from extraction.ingest.text import decode
from extraction.pipeline import audit

GOLD_SUFFIX = ".gold.json"
BLANKS = {"none": "", "space": "\xa0"}  # a blank cell prints nothing, or the no-break space of its &nbsp;
LAYOUT = "text-concat"


@dataclass
class Tally:
    cells_exact: int = 0
    cells_unread: int = 0
    cells_wrong: int = 0
    rows_unique: int = 0
    rows_ambiguous: int = 0
    rows_wrong: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def exact_share(self) -> float:
        total = self.cells_exact + self.cells_unread + self.cells_wrong
        return self.cells_exact / total if total else 1.0


def table_text(table: RawTable, blank: str) -> str:
    """Given a raw table, return its cells' text in reading order with nothing between them (in-cell breaks gone)."""
    return "".join(cell.text.replace("\n", "") or blank for row in table.rows for cell in row if cell is not None)


def flatten(source: Source, blank: str = "") -> str:
    """Given an ingested report, return it as one line the way element.text_content() prints the page: prose lines
    and tables in document order, every cell glued to the next."""
    tables = sorted(source.tables, key=lambda t: t.line_index)
    parts: list[str] = []
    for i, line in enumerate(source.lines):
        parts += [table_text(t, blank) for t in tables if t.line_index == i]
        parts.append(line.text)
    parts += [table_text(t, blank) for t in tables if t.line_index >= len(source.lines)]
    return "".join(parts)


def same(read: object, gold: object) -> bool:
    if read is None or gold is None:
        return read is None and gold is None
    return abs(float(read) - float(gold)) < 1e-6  # type: ignore[arg-type]


def score(read: dict[str, object], gold: dict[str, object]) -> Tally:
    """Given the cells read (key -> value; a key absent is unread) and the gold cells, return the tally."""
    tally = Tally()
    rows: dict[str, list[str]] = {}
    for key, value in gold.items():
        rows.setdefault(key.rsplit(".", 1)[0], []).append(key)
        if key not in read:
            tally.cells_unread += 1
        elif same(read[key], value):
            tally.cells_exact += 1
        else:
            tally.cells_wrong += 1
    for keys in rows.values():
        if any(k in read and not same(read[k], gold[k]) for k in keys):
            tally.rows_wrong += 1
        elif all(k in read for k in keys):
            tally.rows_unique += 1
        else:
            tally.rows_ambiguous += 1
    return tally


def page_text(data: bytes) -> str:
    """Given an HTML page, return what a scraper's element.text_content() keeps of it (scripts and styles dropped)."""
    root = lxml.html.fromstring(decode(data))
    for node in root.xpath("//script|//style"):
        node.drop_tree()
    return root.text_content()


def concatenated(path: Path, blank: str = BLANKS["space"], html: str = "page") -> bytes:
    """Given a report, return its bytes in the concatenated layout (as they are when it is printed that way)."""
    source = read_source(path)
    if source.format == LAYOUT:
        return path.read_bytes()
    if source.format == "html" and html == "page":
        return page_text(path.read_bytes()).encode("utf-8")
    return flatten(source, blank).encode("utf-8")


def measure(path: Path, blank: str = BLANKS["space"], html: str = "page") -> tuple[Tally, str]:
    """Given a report with a gold label beside it, return its tally and the layout its concatenated form read as."""
    gold = json.loads(path.with_name(path.stem + GOLD_SUFFIX).read_text(encoding="utf-8"))["cells"]
    data = concatenated(path, blank, html)
    report = audit(path.with_suffix(".concat.txt"), data)
    return score({k: c.value for k, c in report.cells.items()}, gold), report.format or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="reports (or folders of them) with <stem>.gold.json beside them")
    parser.add_argument("--blank", choices=sorted(BLANKS), default="space", help="what a blank cell prints when flattening grids")
    parser.add_argument("--html", choices=["page", "grid"], default="page", help="HTML: the page's text_content(), or its grids flattened")
    args = parser.parse_args()
    documents = [p for path in args.paths for p in (sorted(path.iterdir()) if path.is_dir() else [path])
                 if not p.name.endswith(GOLD_SUFFIX) and p.with_name(p.stem + GOLD_SUFFIX).is_file()]
    total = Tally()
    names = [f.name for f in fields(Tally)]
    print(f"{'report':34} {'layout':12} " + " ".join(f"{n:>14}" for n in names) + "  exact")
    for path in documents:
        tally, layout = measure(path, BLANKS[args.blank], args.html)
        total += tally
        print(f"{path.name:34} {layout:12} " + " ".join(f"{getattr(tally, n):>14}" for n in names) + f"  {tally.exact_share:.3f}")
    print(f"{'total':34} {'':12} " + " ".join(f"{getattr(total, n):>14}" for n in names) + f"  {total.exact_share:.3f}")


if __name__ == "__main__":
    main()
