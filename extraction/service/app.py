"""The FastAPI application: routers, lifespan (store + audit workers), limits, and error handlers."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from extraction.render import ERROR_CN, named
from extraction.service import api, web
from extraction.service.context import ApiError, ServiceContext
from extraction.service.security import BodyLimit, SecurityHeaders
from extraction.service.settings import Settings

log = logging.getLogger("zfxxgk.service")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")


def create_app(settings: Settings) -> FastAPI:
    """Given settings, return the application (the store opens and the workers start when it starts serving)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.ctx = ServiceContext.open(settings)
        try:
            yield
        finally:
            app.state.ctx.close()

    app = FastAPI(title="zfxxgk 政府信息公开年报审核", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Audit 政府信息公开工作年度报告: upload a report, read its figures, findings and reviews. "
                              "Write endpoints need `Authorization: Bearer <token>` when the server has a token.")
    app.state.settings = settings
    app.include_router(api.router)
    app.include_router(web.router)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        if _wants_json(request):
            return JSONResponse(exc.to_json(), status_code=exc.status)
        return web.page("error.html", exc.status, title="请求未完成", message=f"{named(ERROR_CN, exc.code)}：{exc.message}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        if _wants_json(request):
            return JSONResponse({"error": {"code": code, "message": str(exc.detail)}}, status_code=exc.status_code)
        return web.page("error.html", exc.status_code, title="请求未完成", message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return JSONResponse({"error": {"code": "invalid_request", "message": "the request does not match the API"}, "details": details},
                            status_code=422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if _wants_json(request):
            return JSONResponse({"error": {"code": "internal", "message": "服务器内部错误"}}, status_code=500)
        return HTMLResponse(web.ENV.get_template("error.html").render(title="服务器内部错误", message="请稍后再试。"), status_code=500)

    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
