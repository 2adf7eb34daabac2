"""A report reaching us as PDF-to-text output (whitespace rows, wrapped labels around their numbers) audits
like the PDF itself."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from extraction.pipeline import audit

from conftest import REAL, gold_of


def _finding_keys(report) -> list[tuple[str, str]]:
    return sorted((f.rule, f.fields.get("metric") or f.fields.get("identity") or f.fields.get("row")) for f in report.findings)


@pytest.mark.parametrize("name", ["huaian_2024", "hongze_2023", "shuyang_fgj_2023_print"])
def test_pdf_to_text_audits_like_the_pdf(tmp_path: Path, real_dir: Path, name: str) -> None:
    pdf_path = real_dir / f"{name}.pdf"
    with pdfplumber.open(pdf_path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    text_path = tmp_path / f"{name}.txt"
    text_path.write_text(text, encoding="utf-8")
    as_text, as_pdf = audit(text_path), audit(pdf_path)
    assert as_text.format == "text-whitespace"
    gold = gold_of(REAL / f"{name}.pdf")
    assert {k: c.value for k, c in as_text.cells.items()} == gold["cells"]
    assert _finding_keys(as_text) == _finding_keys(as_pdf)
    assert (as_text.agency, as_text.report_year) == (gold["agency"], gold["report_year"])
