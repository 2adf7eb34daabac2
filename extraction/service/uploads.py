"""One uploaded file -> a stored, audited report (or an ApiError saying why not)."""
from __future__ import annotations

import logging
from typing import Any

from extraction.ingest import sniff
from extraction.service.context import ApiError, ServiceContext
from extraction.service.storage import safe_display_name
from extraction.service.worker import AuditBusy, AuditCrashed, AuditTimeout

log = logging.getLogger("zfxxgk.service")


def audit_upload(ctx: ServiceContext, filename: str | None, data: bytes) -> dict[str, Any]:
    """Given an uploaded file's name and bytes, audit and store it; return the stored report (audit JSON + id)."""
    limit = ctx.settings.max_upload_bytes
    shown = safe_display_name(filename)
    if len(data) > limit:  # only limit + 1 bytes were read: the file's true size is not known here
        raise ApiError(413, "too_large", f"{shown}：超过单个文件 {ctx.settings.max_upload_mb:g} MB 的上限")
    if not data.strip():
        raise ApiError(422, "empty", f"{shown}：文件是空的")
    kind = sniff(data, shown)
    if kind == "unknown":
        raise ApiError(422, "unknown_format", f"{shown}：不是 PDF、HTML、DOCX 或文本文件（不支持的二进制内容）")
    sha, path = ctx.files.put(data)
    try:
        outcome = ctx.pool.run(str(path), shown)
    except AuditTimeout as exc:
        message = exc.limit.message(shown)
        ctx.store.save_error(str(path), sha, "audit_timeout", message)
        raise ApiError(504, "audit_timeout", message) from None
    except AuditBusy:
        raise ApiError(503, "busy", "所有审核进程都在忙，请稍后再试") from None
    except AuditCrashed as exc:
        log.error("audit of %s (%s) failed: %s", shown, sha, exc)
        ctx.store.save_error(str(path), sha, "audit_failed", f"{shown}：审核失败")
        raise ApiError(500, "audit_failed", f"{shown}：审核失败") from None
    if outcome.unreadable:
        first = outcome.errors[0] if outcome.errors else {"code": "unreadable", "message": f"{shown}：无法读取"}
        ctx.store.save_error(shown, sha, first["code"], first["message"])
        if not ctx.store.has_report(sha):
            ctx.files.remove(sha)  # a rejected upload is not kept
        raise ApiError(422, first["code"], first["message"], {"errors": outcome.errors})
    ctx.files.put_narrative(sha, outcome.narrative)
    report_id = ctx.store.save(outcome.record, str(path))
    _relink_series(ctx, report_id)
    return ctx.store.get_report(report_id)


def _relink_series(ctx: ServiceContext, report_id: int) -> None:
    """Given a freshly stored report, recompute its agency's cross-year findings (best effort, logged on failure)."""
    try:
        from extraction.series import link_agency

        row = ctx.store.get_report(report_id)
        if row and row.get("agency_key"):
            link_agency(ctx.store, row["agency_key"])
    except Exception:  # noqa: BLE001 - the upload itself succeeded; series links are refreshed on the next batch
        log.exception("series linking after report %s failed", report_id)
