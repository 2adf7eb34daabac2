"""What one running service is configured with: where the store lives, limits, and the write token."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extraction.ingest import MAX_MB
from extraction.limits import DEFAULT_OCR_PAGE_S


@dataclass(frozen=True)
class Settings:
    """Service configuration. Uploaded files live in `data_dir` (default: `<db stem>_files/` next to the db)."""

    db: Path = Path("audit.sqlite")
    token: str | None = None  # when set, every write (upload, review) needs `Authorization: Bearer <token>`
    max_upload_mb: float = MAX_MB  # per file: the ingest limit, as in check and batch
    max_files: int = 10  # per upload request
    audit_timeout_s: float = 60.0  # per file, in a worker process that is killed when it runs over
    audit_timeout_per_ocr_page_s: float = DEFAULT_OCR_PAGE_S  # added to it for each page the worker reads by OCR
    workers: int = 2  # audit worker processes
    queue_timeout_s: float = 120.0  # how long an upload waits for a free worker before 503
    data_dir_override: Path | None = None

    @property
    def data_dir(self) -> Path:
        """Given the settings, return the folder holding uploaded files (named by sha256)."""
        if self.data_dir_override is not None:
            return self.data_dir_override
        return self.db.parent / f"{self.db.stem}_files"

    @property
    def max_upload_bytes(self) -> int:
        """Given the settings, return the per-file size limit in bytes."""
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_body_bytes(self) -> int:
        """Given the settings, return the whole-request size limit: every allowed file plus 1 MB of form overhead."""
        return self.max_upload_bytes * self.max_files + 1024 * 1024
