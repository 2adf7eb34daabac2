"""The auditor as a web service: an HTTP API and server-rendered review pages over the report store.

`create_app(Settings(...))` builds the FastAPI application; `zfxxgk serve` runs it with uvicorn.
"""
from __future__ import annotations

from typing import Any

from extraction.service.settings import Settings

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":  # imported lazily: audit worker processes import this package without FastAPI
        from extraction.service.app import create_app

        return create_app
    raise AttributeError(name)
