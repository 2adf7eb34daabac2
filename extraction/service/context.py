"""What every request handler shares: settings, the store, the file area and the audit workers."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extraction.service.settings import Settings
from extraction.service.storage import FileArea
from extraction.service.worker import AuditPool


class ApiError(Exception):
    """An error a client may see: HTTP status, a machine-readable code and a message (never a stack trace)."""

    def __init__(self, status: int, code: str, message: str, extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra or {}

    def to_json(self) -> dict[str, Any]:
        """Given the error, return its response body."""
        return {"error": {"code": self.code, "message": self.message}, **self.extra}


@dataclass
class ServiceContext:
    """The live parts of one running service."""

    settings: Settings
    store: Any  # extraction.store.Store (thread-safe: one connection behind a lock)
    files: FileArea
    pool: AuditPool

    @classmethod
    def open(cls, settings: Settings) -> "ServiceContext":
        """Given settings, open the store, the file area and start the audit workers."""
        from extraction.store import Store

        settings.db.parent.mkdir(parents=True, exist_ok=True)
        return cls(settings, Store(settings.db), FileArea(settings.data_dir),
                   AuditPool(settings.workers, settings.audit_timeout_s, settings.queue_timeout_s,
                             settings.audit_timeout_per_ocr_page_s))

    def close(self) -> None:
        """Stop the workers and close the store."""
        self.pool.close()
        self.store.close()
