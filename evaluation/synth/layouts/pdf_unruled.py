"""PDF whose tables are drawn without rules: cells placed by position only, as many Word exports print them."""
from __future__ import annotations

from evaluation.synth.layouts import pdf
from evaluation.synth.model import ReportModel


def render(model: ReportModel) -> bytes:
    """Given a report model, return it as a PDF with unruled tables."""
    return pdf.render(model, ruled=False)
