"""Audits run in separate worker processes: a file that hangs or crashes the parser costs one worker, not the server.

`AuditPool.run(path, shown)` hands the stored file to an idle worker and waits at most `timeout` seconds, plus
`per_ocr_page` for each page the worker says it is about to read by OCR (extraction.limits.TimeLimit, as `check` and
`batch` do); a worker that runs over is killed and replaced. Workers are started with `spawn` (no forked server state).
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from extraction.limits import DEFAULT_OCR_PAGE_S, OCR_PAGES, TimeLimit


class AuditTimeout(Exception):
    """The audit ran over its time limit (the base and its OCR pages' allowance); its worker was killed."""

    def __init__(self, limit: TimeLimit):
        super().__init__(f"audit ran over {limit.seconds:g} s")
        self.limit = limit


class AuditBusy(Exception):
    """No worker became free within the queue time limit."""


class AuditCrashed(Exception):
    """The worker died or failed while auditing (the message is for the server log only)."""


@dataclass
class AuditOutcome:
    """What a worker sends back: the store's record, the narrative text (mention spans index into it), errors."""

    record: Any  # extraction.store.AuditRecord: canonical result JSON + section texts
    narrative: str
    unreadable: bool
    errors: list[dict[str, str]]


def audit_with_narrative(path: str, shown: str) -> AuditOutcome:
    """Given a stored file and the name to show for it, return its audit record and narrative text."""
    from extraction.pipeline import audit
    from extraction.segment import segment
    from extraction.store import record_of

    report = audit(path, display_path=shown)
    text = segment(report.source).text if report.source is not None else ""
    return AuditOutcome(record_of(report), text, report.unreadable, [e.to_json() for e in report.errors])


WARM_UP_LIMIT_S = 120.0
WARM_UP_TEXT = "一、总体情况\n本年度共收到政府信息公开申请12件，其中予以公开5件。\n".encode()


def _warm_up() -> None:
    """Load the pipeline's lazy parts (dictionaries, models) before the first real job, so it is not the slow one."""
    try:
        audit_with_narrative_bytes(WARM_UP_TEXT)
    except Exception:  # noqa: BLE001 - a failed warm-up only makes the first job slower
        pass


def audit_with_narrative_bytes(data: bytes) -> None:
    """Given report bytes, audit them and discard the result (used to warm a worker)."""
    from extraction.pipeline import audit
    from extraction.segment import segment

    report = audit("warm-up.txt", data)
    if report.source is not None:
        segment(report.source)


def _serve(conn: Connection, work: Callable[[str, str], AuditOutcome]) -> None:
    import warnings

    from extraction.batch_worker import tell_parent
    from extraction.limits import on_ocr_pages

    warnings.filterwarnings("ignore")
    _warm_up()
    conn.send(("ready", None))

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            with on_ocr_pages(tell_parent(conn)):
                outcome = work(*job)
            conn.send(("ok", outcome))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, never to the client
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class AuditPool:
    """A fixed set of audit worker processes; `run` is blocking and thread-safe."""

    def __init__(self, size: int, timeout: float, queue_timeout: float = 120.0, per_ocr_page: float = DEFAULT_OCR_PAGE_S,
                 work: Callable[[str, str], AuditOutcome] = audit_with_narrative):
        self.timeout = timeout
        self.queue_timeout = queue_timeout
        self.per_ocr_page = per_ocr_page
        self._work = work
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._spawn() for _ in range(max(1, size))]  # warm up side by side
        for worker in started:
            self._idle.put(self._ready(worker))

    def _start(self) -> _Worker:
        return self._ready(self._spawn())

    @staticmethod
    def _ready(worker: _Worker) -> _Worker:
        """Given a spawned worker, wait (bounded) until it has warmed up; a worker that never says so is used anyway."""
        try:
            if worker.conn.poll(WARM_UP_LIMIT_S):
                worker.conn.recv()
        except (EOFError, OSError):
            pass  # died while warming up: the first job finds out and replaces it
        return worker

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(child, self._work), daemon=True, name="zfxxgk-audit")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> _Worker:
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        return self._start()

    def run(self, path: str, shown: str) -> AuditOutcome:
        """Given a stored file path and its display name, return its audit; raise AuditTimeout/AuditBusy/AuditCrashed."""
        try:
            worker = self._idle.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise AuditBusy("no audit worker free") from None
        try:
            worker.conn.send((path, shown))
            limit = TimeLimit(self.timeout, self.per_ocr_page)
            answer = self._answer(worker, limit)
            if answer is None:
                worker = self._replace(worker)
                raise AuditTimeout(limit)
            status, payload = answer
        except (EOFError, OSError) as exc:
            worker = self._replace(worker)
            raise AuditCrashed(f"worker died: {exc}") from None
        finally:
            if not self._closed:
                self._idle.put(worker)
        if status != "ok":
            raise AuditCrashed(payload)
        return payload

    @staticmethod
    def _answer(worker: _Worker, limit: TimeLimit) -> tuple[str, Any] | None:
        """Given a worker holding a job and the job's time limit, return its answer, or None once the limit, moved on
        by the OCR pages the worker announces, has passed."""
        started = time.monotonic()
        while worker.conn.poll(max(0.0, started + limit.seconds - time.monotonic())):
            message = worker.conn.recv()
            if message[0] != OCR_PAGES:
                return message
            limit.allow(message[1])
        return None

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(2)
            if worker.process.is_alive():
                worker.kill()
