"""An OCR engine that stands in for the real one in tests of the time limits: it reads a scan's pages as given
(a text-layer PDF's pages, what a perfect OCR would read from their images) at a fixed cost per page, instantly where
the real engine takes seconds. Small on purpose: a batch worker imports it to run `slow_ocr_audit`."""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any, Callable

SECONDS_PER_PAGE = 1.5  # what `slow_ocr_audit`'s OCR takes per page, in wall time


def text_pages(data: bytes) -> list[Any]:
    """Given a text-layer PDF, return its pages' chars and rules."""
    from extraction.ingest.pdf import open_pages

    pages, _ = open_pages(Path("text-layer.pdf"), data, "pdfium")
    return list(pages)


def stand_in_ocr(pages: list[Any], seconds: float = 0.0) -> Callable[[Any, int], Any]:
    """Given the pages a scan shows (and the seconds each takes), return a stand-in for ocr.page_objects that reads
    them; a page past them is blank paper."""
    from extraction.ingest.pdf import PageObjects

    def page_objects(image: Any, number: int) -> PageObjects:
        time.sleep(seconds)
        if number <= len(pages):
            return dataclasses.replace(pages[number - 1], number=number)
        return PageObjects(number=number, height=72.0, chars=[], edges=[])

    return page_objects


def slow_ocr_audit(path: str, file: str | None, data: bytes | None) -> tuple[Any, ...]:
    """A batch worker's job: `check`'s audit, with an OCR that takes SECONDS_PER_PAGE a page to read nothing."""
    from extraction.batch_worker import audit_report
    from extraction.ingest import ocr

    ocr.page_objects = stand_in_ocr([], SECONDS_PER_PAGE)
    return audit_report(path, file, data)


def slow_ocr_upload(path: str, shown: str) -> Any:
    """A service worker's job: an upload's audit, with an OCR that takes SECONDS_PER_PAGE a page to read nothing."""
    from extraction.ingest import ocr
    from extraction.service.worker import audit_with_narrative

    ocr.page_objects = stand_in_ocr([], SECONDS_PER_PAGE)
    return audit_with_narrative(path, shown)
