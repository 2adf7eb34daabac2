"""Request guards: the write token, the request body size limit, same-origin form posts, response headers."""
from __future__ import annotations

import hmac
import json
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from extraction.service.context import ApiError

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")


def token_ok(configured: str | None, presented: str | None) -> bool:
    """Given the configured token (None: no token needed) and the one presented, return whether a write is allowed."""
    if not configured:
        return True
    return presented is not None and hmac.compare_digest(configured.encode(), presented.encode())


def bearer(header: str | None) -> str | None:
    """Given an Authorization header, return its bearer token, or None."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def require_write(configured: str | None, authorization: str | None) -> None:
    """Given the configured token and a request's Authorization header, raise 401 unless the write is allowed."""
    if not token_ok(configured, bearer(authorization)):
        raise ApiError(401, "unauthorized", "this endpoint needs Authorization: Bearer <token>")


def same_origin(headers: dict[str, str]) -> bool:
    """Given request headers, return False when a browser says the request came from another site (form CSRF)."""
    origin = headers.get("origin") or headers.get("referer")
    if not origin:
        return True  # not a browser, or one that sends neither: nothing to compare
    if origin == "null":
        return False
    return urlsplit(origin).netloc == headers.get("host", "")


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets 413, read or declared (Content-Length), never buffered whole."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await _reply_413(send, self.limit)
            return
        seen = 0
        tripped = False
        started = False

        async def limited() -> Message:
            nonlocal seen, tripped
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    tripped = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if tripped:
                return  # whatever the app answers to the cut-off body is replaced by 413 below
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, guarded_send)
        except _TooLarge:
            pass
        if tripped and not started:
            await _reply_413(send, self.limit)


async def _reply_413(send: Send, limit: int) -> None:
    message = f"请求超过单次上传 {limit / (1024 * 1024):.0f} MB 的上限（所有文件合计）"
    body = json.dumps({"error": {"code": "too_large", "message": message}}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware: nosniff, no framing, no referrer leaks; a strict CSP on HTML pages (no scripts at all)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"same-origin")]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
