"""The review pages (server-rendered, Chinese): report list, report, upload, dashboard, API index."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from extraction.render import ERROR_CN, SEVERITY_CN
from extraction.service.context import ApiError, ServiceContext
from extraction.service.security import same_origin, token_ok
from extraction.service.stats import dashboard_stats
from extraction.service.svg import columns, hbars
from extraction.service.tables import report_tables
from extraction.service.uploads import audit_upload
from extraction.service.views import REVIEW_CN, RULE_CN, cell_marks, finding_views, narrative_pieces, summary_card
from extraction.spec import load_spec

router = APIRouter(include_in_schema=False)
ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape(["html"]))
ENV.globals["error_cn"] = ERROR_CN
PAGE_SIZE = 50


def page(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """Given a template name and its values, return the rendered HTML response."""
    return HTMLResponse(ENV.get_template(name).render(**values), status_code=status)


def ctx_of(request: Request) -> ServiceContext:
    return request.app.state.ctx


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _bool_or_none(text: str | None) -> bool | None:
    return {"true": True, "false": False}.get((text or "").lower())


@router.get("/", response_class=HTMLResponse)
def list_page(request: Request, agency: str | None = None, region: str | None = None, year: str | None = None, rule: str | None = None,
              severity: str | None = None, review_status: str | None = None, has_findings: str | None = None, page_no: int = 1) -> HTMLResponse:
    """The report list with search and filters."""
    f = {"agency": (agency or "").strip() or None, "region": (region or "").strip() or None, "year": _int_or_none(year),
         "rule": rule if rule in RULE_CN else None, "severity": severity if severity in SEVERITY_CN else None,
         "review_status": review_status if review_status in REVIEW_CN else None, "has_findings": _bool_or_none(has_findings)}
    page_no = max(1, page_no)
    rows, total = ctx_of(request).store.list_reports(**f, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    query = {k: ("true" if v is True else "false" if v is False else v) for k, v in f.items() if v is not None}
    link = lambda n: "/?" + urlencode({**query, "page_no": n})  # noqa: E731
    return page("list.html", rows=rows, total=total, f=f, rules=RULE_CN, severities=SEVERITY_CN, statuses=REVIEW_CN,
                page=page_no, pages=pages, prev_url=link(page_no - 1) if page_no > 1 else None,
                next_url=link(page_no + 1) if page_no < pages else None)


def narrative_text(ctx: ServiceContext, report: dict[str, Any]) -> str | None:
    """Given a stored report, return its narrative text: stored beside the file, or recomputed from the stored file."""
    sha = report.get("document", {}).get("sha256") or ""
    text = ctx.files.narrative(sha)
    if text is not None:
        return text
    try:
        path = ctx.files.path_for(sha)
    except ValueError:
        return None
    if not path.is_file():
        return None
    try:
        outcome = ctx.pool.run(str(path), report.get("document", {}).get("path", sha))
    except Exception:  # noqa: BLE001 - the page still shows tables and findings
        return None
    ctx.files.put_narrative(sha, outcome.narrative)
    return outcome.narrative


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: int) -> HTMLResponse:
    """One report: summary card, findings with review buttons, marked narrative, the three tables."""
    ctx = ctx_of(request)
    report = ctx.store.get_report(report_id)
    if report is None:
        return page("error.html", 404, title="找不到报告", message=f"没有编号为 {report_id} 的报告。")
    text = narrative_text(ctx, report)
    views = finding_views(report, text is not None)
    series = ctx.store.series(report["agency_key"]) if report.get("agency_key") else None
    tables = report_tables(load_spec(), report.get("template"), report.get("report_year"), report.get("cells", {}),
                           cell_marks(report, views))
    return page("report.html", r=report, findings=views, pieces=narrative_pieces(text, report, views) if text else [],
                tables=tables, card=summary_card(report, series), token_required=bool(ctx.settings.token))


@router.post("/reports/{report_id}/findings/{finding_id}/review")
def review_form(request: Request, report_id: int, finding_id: int, status: str = Form(...), comment: str = Form(""),
                token: str | None = Form(None)) -> Any:
    """A review button: record the decision, then back to the finding on the report page."""
    ctx = ctx_of(request)
    if not same_origin(dict(request.headers)):
        return page("error.html", 403, title="拒绝请求", message="表单来自其他网站。")
    if not token_ok(ctx.settings.token, token):
        return page("error.html", 401, title="需要写入口令", message="请填写正确的写入口令后再提交。")
    if status not in REVIEW_CN:
        return page("error.html", 422, title="无效的复核状态", message=status)
    try:
        ctx.store.set_review(finding_id, status, comment[:2000])
    except KeyError:
        return page("error.html", 404, title="找不到问题", message=f"没有编号为 {finding_id} 的问题。")
    return RedirectResponse(f"/reports/{report_id}#f-{finding_id}", status_code=303)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    """The upload form."""
    settings = ctx_of(request).settings
    return page("upload.html", token_required=bool(settings.token), max_mb=f"{settings.max_upload_mb:g}", error=None)


@router.post("/upload")
async def upload_form(request: Request, file: UploadFile, token: str | None = Form(None)) -> Any:
    """The upload form's target: audit, then the report page (or the form again with the reason)."""
    ctx = ctx_of(request)
    settings = ctx.settings

    def again(status: int, code: str, message: str) -> HTMLResponse:
        return page("upload.html", status, token_required=bool(settings.token), max_mb=f"{settings.max_upload_mb:g}",
                    error={"code": code, "message": message})

    if not same_origin(dict(request.headers)):
        return again(403, "forbidden", "表单来自其他网站")
    if not token_ok(settings.token, token):
        return again(401, "unauthorized", "写入口令不正确")
    data = await file.read(settings.max_upload_bytes + 1)
    try:
        report = await run_in_threadpool(audit_upload, ctx, file.filename, data)
    except ApiError as exc:
        return again(exc.status, exc.code, exc.message)
    return RedirectResponse(f"/reports/{report['id']}", status_code=303)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    """Charts: findings by rule and by year, share of reports with findings, top agencies (inline SVG)."""
    s = dashboard_stats(ctx_of(request).store)
    charts = {
        "rules": hbars(s["rules"], "按规则：有该类问题的报告数"),
        "years": columns([(y, [v["reports"], v["findings"]]) for y, v in s["years"]], ["报告数", "问题数"], "按年度：报告与问题"),
        "share": columns([(y, [v["with_findings"] / v["reports"] if v["reports"] else 0]) for y, v in s["years"]],
                         ["发现问题的报告占比"], "按年度：发现问题的报告占比", fmt=lambda v: f"{v:.0%}"),
        "agencies": hbars([(name, n) for name, n, _ in s["agencies"]], "问题最多的机构"),
    }
    return page("dashboard.html", s=s, charts=charts)


@router.get("/api", response_class=HTMLResponse)
@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_index(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI document on the server: no script or stylesheet from elsewhere,
    so it works offline and under the pages' script-free CSP."""
    schema = request.app.openapi()
    endpoints = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = [{"name": q.get("name"), "in": q.get("in"), "required": q.get("required", False),
                       "description": q.get("description") or q.get("schema", {}).get("description", "")}
                      for q in op.get("parameters", [])]
            if "requestBody" in op:
                params.append({"name": "body", "in": "body", "required": op["requestBody"].get("required", False),
                               "description": ", ".join(op["requestBody"].get("content", {}))})
            responses = [{"status": code, "description": r.get("description", "")} for code, r in op.get("responses", {}).items()]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params, "responses": responses})
    return page("api.html", endpoints=endpoints, token_required=bool(ctx_of(request).settings.token))
