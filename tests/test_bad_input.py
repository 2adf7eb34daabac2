"""Bad and partial input: a clear error code naming the file, exit 2, no traceback; partial reports still audited."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extraction.cli import app
from extraction.pipeline import audit
from extraction.render import render_markdown, render_text

from conftest import SEED

runner = CliRunner()


def _check(path: Path) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout
    return result.exit_code, json.loads(result.stdout)


def _blank_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.rect(100, 100, 300, 300, fill=1)  # an "image": drawing, no text
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.mark.parametrize("name,content,code", [
    ("empty.txt", b"", "empty"),
    ("blank.html", b"   \n\n ", "empty"),
    ("junk.bin", bytes(range(256)) * 64, "unknown_format"),
    ("sheet.xlsx", None, "unknown_format"),
    ("scan.pdf", None, "no_text_layer"),
    ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "unknown_format"),
])
def test_unreadable_input_gives_code_and_exit_2(tmp_path: Path, name: str, content: bytes | None, code: str) -> None:
    path = tmp_path / name
    if name == "sheet.xlsx":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
    elif name == "scan.pdf":
        path.write_bytes(_blank_pdf())
    else:
        path.write_bytes(content or b"")
    exit_code, result = _check(path)
    assert exit_code == 2
    assert result["errors"][0]["code"] == code
    assert name in result["errors"][0]["message"]
    assert result["cells"] == {}


def test_truncated_pdf_is_corrupt(tmp_path: Path, real_dir: Path) -> None:
    data = (real_dir / "huaian_2024.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    exit_code, result = _check(path)
    assert exit_code == 2
    assert result["errors"][0]["code"] in {"corrupt", "no_text_layer"}


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    exit_code, result = _check(path)
    assert exit_code == 2
    assert result["errors"][0]["code"] == "too_large"


def test_missing_file(tmp_path: Path) -> None:
    exit_code, result = _check(tmp_path / "nope.pdf")
    assert exit_code == 2
    assert result["errors"][0]["code"] == "unreadable"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["check", "--json", str(bad), str(SEED)])
    assert result.exit_code == 2
    first, second = json.loads(result.stdout)
    assert first["errors"][0]["code"] == "empty"
    assert len(second["findings"]) == 3


def test_gbk_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    report = audit(path)
    assert report.agency == "北京市密云区人民政府"
    assert len(report.cells) == 200
    assert len(report.findings) == 3


def test_narrative_only_report_is_audited_and_says_what_is_missing(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    narrative_only = "\n".join(line for line in text.splitlines() if not line.startswith("\t"))
    path = tmp_path / "pasted.txt"
    path.write_text(narrative_only, encoding="utf-8")
    report = audit(path)
    assert report.cells == {}
    assert [e.code for e in report.errors] == ["tables_missing"]
    linked = [m for m in report.mentions if m.metric]
    assert linked and all(m.verdict == "unverified" for m in linked)
    assert [f.rule for f in report.findings] == ["narrative_parts_sum"]  # 12+4+1+1 ≠ 20 needs no table
    assert report.to_json()["status"] == "partial"


def test_a_partial_check_never_says_nothing_contradicts(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    table_rows = [line for line in text.splitlines() if line.startswith("\t")]
    path = tmp_path / "tables_only.txt"
    path.write_text("北京市密云区2021年政府信息公开工作年度报告\n" + "\n".join(table_rows[:40]), encoding="utf-8")
    report = audit(path)
    assert report.status == "partial" and not report.findings
    for view in (render_text(report), render_markdown(report)):
        assert "部分核对" in view
        assert "未发现矛盾。" not in view.replace("已读到的部分未发现矛盾", "")


def test_report_cut_off_after_general_section(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "cut.txt"
    path.write_text(text[: text.index("主动公开政府信息情况")], encoding="utf-8")
    report = audit(path)
    assert report.report_year == 2021
    assert report.cells == {}
    assert "表二" in report.errors[0].message and "表四" in report.errors[0].message


@pytest.mark.parametrize("name, data", [
    ("notes.txt", "Meeting notes\nWe bought 42 apples and 7 pears in 2023.\n".encode()),
    ("fragment.html", "<html><body><div>首页 | 联系我们 | 网站地图</div><p>欢迎访问本网站，共有12个栏目</p></body></html>".encode()),
])
def test_a_text_with_no_report_in_it_is_not_a_report(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    report = audit(path)
    assert report.unreadable and [e.code for e in report.errors] == ["not_a_report"]
    assert str(path) in report.errors[0].message
    run = CliRunner().invoke(app, ["check", str(path)])
    assert run.exit_code == 2 and "未发现矛盾" not in run.output


def test_check_on_a_folder_audits_the_reports_inside(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "miyun.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "miyun.gold.json").write_text("{}", encoding="utf-8")  # labels are not reports
    run = CliRunner().invoke(app, ["check", "--json", str(tmp_path)])
    assert run.exit_code == 1, run.output  # the seed has findings
    assert json.loads(run.output)["agency"] == "北京市密云区人民政府"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(app, ["check", str(empty)]).exit_code == 2


def test_query_sql_is_read_only_and_says_so(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "store.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE reports (id INTEGER)")
    for sql, words in (("DELETE FROM reports", "read-only"), ("SELEKT 1", "syntax error")):
        run = CliRunner().invoke(app, ["query", "--db", str(db), "--sql", sql])
        assert run.exit_code == 2 and words in run.output and "Traceback" not in run.output
