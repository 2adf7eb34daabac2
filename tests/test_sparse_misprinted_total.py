"""表三 printed with its blanks as nothing, one row's 自然人 misprinted (自然人 2, 总计 1: the report's own sum broken).
No reading of the whole table holds with that row as printed; one that holds by moving its numbers off their columns
(2 into 自然人, 1 into an organisation's, the total left blank) makes the other rows move too and reads blanks where
numbers are printed. A row whose last number is the sum of the others prints its total: a reading leaving it blank is
no reading, and the table's cells stay unread rather than read that way."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from evaluation.content import content_of
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec


def orgs_unprinted(lines: list[str]) -> list[str]:
    """Given a scraper's text lines, return them with each 表三 row's organisation cells that are 0 not printed (a
    page printing 自然人 and 总计 always, an organisation only where it is not 0)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        row = lines[i:i + 7]
        if len(row) == 7 and all(line.strip().isdigit() for line in row) and not (out and out[-1].strip().isdigit()):
            out += [row[0], *[line for line in row[1:6] if line.strip() != "0"], row[6]]
            i += 7
        else:
            out.append(lines[i])
            i += 1
    return out


def misprinted(seed: int) -> tuple[dict, dict, list[str]] | None:
    """Given a seed, return the 表三 cells of a generated report's page, as a scraper's text of it (every text node a
    line, an organisation's 0 not printed) with the first row printing 自然人 n and 总计 n alone misprinting its
    自然人 as n + 1, and that row's keys; None when no row prints such a pair under its label."""
    pytest.importorskip("bs4")
    from evaluation.mutations import soup_text

    model = build_report(random.Random(seed), f"misprint_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    html = render(model, "html")
    page = {k: c.value for k, c in audit("report.html", html).cells.items() if k.startswith("requests.")}
    rows = sorted({k.rsplit(".", 1)[0] for k in page}, key=lambda r: list(page).index(f"{r}.total"))
    pairs = [r for r in rows if (n := page.get(f"{r}.natural_person")) and page.get(f"{r}.total") == n
             and all(not v for k, v in page.items() if k.startswith(f"{r}.") and k.count(".") == r.count(".") + 1
                     and not k.endswith((".natural_person", ".total")))]
    content = replace(content_of(read_source("report.html", html)), html=html)
    lines = orgs_unprinted(soup_text(content).data.decode("utf-8").split("\n"))
    labels = {f"requests.{r.key}": r.label for r in load_spec().versions[audit("report.html", html).template].requests_rows}
    for row in pairs:
        n = str(page[f"{row}.natural_person"])
        at = [i for i, line in enumerate(lines) if line.strip() == labels[row]]
        shown = [j for j in range(at[0] + 1, len(lines)) if lines[j].strip()][:2] if len(at) == 1 else []
        if [lines[j].strip() for j in shown] == [n, n]:
            lines[shown[0]] = str(int(n) + 1)
            text = audit("report.txt", "\n".join(lines).encode("utf-8"))
            assert text.format == "text-lines"
            read = {k: c.value for k, c in text.cells.items() if k.startswith("requests.")}
            return page, read, [k for k in page if k.startswith(f"{row}.")]
    return None


@pytest.mark.parametrize("seed", range(12))
def test_a_misprinted_total_reads_no_blank_over_a_printed_number(seed: int) -> None:
    """Every 表三 cell read from the text, outside the misprinted row, is the page's."""
    found = misprinted(seed)
    if found is None:
        pytest.skip("no row prints 自然人 and 总计 alone, equal and above 0")
    page, text, row = found
    assert {k: v for k, v in text.items() if k not in row and (v or 0) != (page[k] or 0)} == {}  # blank: 0 not printed
