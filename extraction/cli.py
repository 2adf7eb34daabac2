"""The zfxxgk command line: one verb per job (check, eval, synth, bench, batch, query, export, serve)."""
from __future__ import annotations

import json
import sys
import warnings
from enum import Enum
from pathlib import Path

import typer

warnings.filterwarnings("ignore", message=".*pkg_resources.*")
warnings.filterwarnings("ignore", category=UserWarning, module="jieba")

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit 政府信息公开工作年度报告: every figure, every contradiction.")


@app.callback()
def main() -> None:
    """zfxxgk: audit government information-disclosure annual reports."""


class OutputFormat(str, Enum):
    text = "text"
    markdown = "markdown"


@app.command()
def check(
    files: list[Path] = typer.Argument(..., help="Report files (PDF, HTML, DOCX, text)."),
    as_json: bool = typer.Option(False, "--json", help="Print the audit result JSON (output-format.md)."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="Human view: text or markdown."),
) -> None:
    """Audit reports. Exit 0: no findings; 1: findings; 2: a file could not be read."""
    from extraction.pipeline import audit
    from extraction.render import render_markdown, render_text

    reports = [audit(f) for f in files]
    if as_json:
        payload = [r.to_json() for r in reports]
        text = json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, sort_keys=True, indent=2)
        sys.stdout.write(text + "\n")
    else:
        render = render_markdown if fmt is OutputFormat.markdown else render_text
        sys.stdout.write("\n\n".join(render(r) for r in reports) + "\n")
    if any(r.unreadable for r in reports):
        raise typer.Exit(2)
    raise typer.Exit(1 if any(r.findings for r in reports) else 0)


if __name__ == "__main__":
    app()
