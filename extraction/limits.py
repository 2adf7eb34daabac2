"""Per-document cost limits shared by `check`, `batch` and the fuzzing campaign (the size limit is ingest.MAX_BYTES)."""
from __future__ import annotations

DEFAULT_TIMEOUT_S = 120.0  # a 100-page text-layer report is audited in well under a minute on one core
DEFAULT_MAX_MEMORY_MB = 2048  # a worker peaks at ~400 MB on a 6-page PDF; 5x leaves room for 100-page reports
