"""Every layout renders the same report model: `render(model, fmt) -> bytes`."""
from __future__ import annotations

from importlib import import_module

from evaluation.synth.model import ReportModel

# layout name -> (module, file extension, gold format word)
LAYOUTS = {
    "pdf": ("pdf", "pdf", "pdf"),
    "html": ("html", "html", "html"),
    "docx": ("docx", "docx", "docx"),
    "text": ("flattened", "txt", "text-flattened"),
    "pipe": ("pipe", "txt", "text-pipe"),
    "markdown": ("markdown", "md", "markdown"),
    "whitespace": ("whitespace", "txt", "text-whitespace"),
    "cells": ("cells", "txt", "text-cells"),
    "pdf-unruled": ("pdf_unruled", "pdf", "pdf"),
    "concat": ("concat", "txt", "text-concat"),
}


def render(model: ReportModel, fmt: str) -> bytes:
    """Given a report model and a layout name (pdf pdf-unruled html docx text pipe markdown whitespace cells concat), return the file bytes."""
    module = import_module(f"evaluation.synth.layouts.{LAYOUTS[fmt][0]}")
    return module.render(model)
