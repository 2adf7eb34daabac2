"""The JSON API under /api: upload and audit, list and read reports, review findings, an agency's series."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, File, Header, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from extraction.service.context import ApiError, ServiceContext
from extraction.service.security import require_write
from extraction.service.uploads import audit_upload

router = APIRouter(prefix="/api", tags=["api"])
ERRORS = {401: {"description": "a token is configured and the request did not present it"},
          413: {"description": "a file (or the request) is over the size limit"},
          422: {"description": "the file cannot be read: `error.code` says why (empty, unknown_format, no_text_layer…)"}}


class ReviewIn(BaseModel):
    """An auditor's decision on one finding."""

    status: Literal["confirmed", "dismissed", "open"]
    comment: str = Field("", max_length=2000)


class ReportList(BaseModel):
    total: int
    limit: int
    offset: int
    reports: list[dict[str, Any]]


def ctx_of(request: Request) -> ServiceContext:
    """Given a request, return the service context."""
    return request.app.state.ctx


@router.post("/reports", summary="上传并审核报告 Upload and audit report files", responses=ERRORS)
async def upload_reports(request: Request, file: list[UploadFile] = File(..., description="one or more report files (PDF, HTML, DOCX, text)"),
                         authorization: str | None = Header(None)) -> Any:
    """Audit the uploaded file(s) and store the results. One file: its audit JSON (output-format.md) plus `id`;
    several: `{"reports": [...]}` where each item is a report or `{"file": name, "error": {code, message}}`."""
    ctx = ctx_of(request)
    require_write(ctx.settings.token, authorization)
    if len(file) > ctx.settings.max_files:
        raise ApiError(413, "too_many_files", f"一次上传了 {len(file)} 个文件，最多 {ctx.settings.max_files} 个")
    items = [(f.filename, await _read_capped(f, ctx.settings.max_upload_bytes)) for f in file]
    if len(items) == 1:
        return await run_in_threadpool(audit_upload, ctx, *items[0])
    out: list[dict[str, Any]] = []
    for name, data in items:
        try:
            out.append(await run_in_threadpool(audit_upload, ctx, name, data))
        except ApiError as exc:
            out.append({"file": name, **exc.to_json()})
    return {"reports": out}


async def _read_capped(upload: UploadFile, limit: int) -> bytes:
    """Given an uploaded file and the per-file limit, return its bytes (one byte past the limit at most)."""
    return await upload.read(limit + 1)


@router.get("/reports", summary="报告列表 List reports", response_model=ReportList)
def list_reports(request: Request, agency: str | None = Query(None, description="机构名称（包含）"),
                 region: str | None = Query(None, description="地区（包含）"), year: int | None = Query(None, ge=1990, le=2100),
                 rule: str | None = None, severity: Literal["error", "warning"] | None = None,
                 review_status: Literal["open", "confirmed", "dismissed"] | None = None, has_findings: bool | None = None,
                 limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Return one page of report summaries matching every given filter, newest year first."""
    rows, total = ctx_of(request).store.list_reports(agency=agency, region=region, year=year, rule=rule, severity=severity,
                                                     review_status=review_status, has_findings=has_findings, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "reports": rows}


@router.get("/reports/{report_id}", summary="单份报告审核结果 One report")
def get_report(request: Request, report_id: int) -> dict[str, Any]:
    """Return the stored audit JSON with `id`, and each finding's `id`, `fingerprint` and `review`."""
    report = ctx_of(request).store.get_report(report_id)
    if report is None:
        raise ApiError(404, "not_found", f"no report {report_id}")
    return report


@router.patch("/findings/{finding_id}", summary="复核一项问题 Review a finding", responses={401: ERRORS[401]})
def review_finding(request: Request, finding_id: int, body: ReviewIn, authorization: str | None = Header(None)) -> dict[str, Any]:
    """Record confirmed / dismissed (or open again) with a comment. Kept by the finding's fingerprint, so it survives re-runs."""
    ctx = ctx_of(request)
    require_write(ctx.settings.token, authorization)
    try:
        return ctx.store.set_review(finding_id, body.status, body.comment)
    except KeyError:
        raise ApiError(404, "not_found", f"no finding {finding_id}") from None


@router.get("/agencies", summary="机构列表 Agencies")
def agencies(request: Request) -> list[dict[str, Any]]:
    """Return one row per agency key: names, region, level, years, report and finding counts."""
    return ctx_of(request).store.agencies()


@router.get("/agencies/{agency_key}/series", summary="机构历年数据 An agency's years")
def series(request: Request, agency_key: str) -> dict[str, Any]:
    """Return the agency's reports by year (key figures) and its cross-year findings."""
    out = ctx_of(request).store.series(agency_key)
    if not out.get("years"):
        raise ApiError(404, "not_found", f"no reports for agency {agency_key}")
    return out


@router.get("/health", summary="健康检查 Health")
def health() -> dict[str, str]:
    """Return ok while the service runs."""
    return {"status": "ok"}
