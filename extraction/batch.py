"""`zfxxgk batch`: audit whole directories and archives into the store, safely, in parallel.

The parent walks the inputs, skips documents already stored (by sha256), hands one document at a time to
each worker process and is the only writer of the SQLite store (one transaction per document, written on a
thread of its own so that handing out documents never waits on a commit). A worker that runs past the
per-document time limit is killed and replaced; its document becomes an error row. A SIGKILL of the parent loses
at most the documents in flight or waiting to be written: everything committed stays, and a rerun skips it.
A worker tells the parent how many pages it is about to read by OCR; each moves that document's limit on
(extraction.limits.TimeLimit).
"""
from __future__ import annotations

import hashlib
import math
import multiprocessing as mp
import os
import queue
import signal
import tarfile
import threading
import time
import zipfile
from collections import deque
from dataclasses import dataclass, field
from glob import glob
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from extraction.ingest import MAX_BYTES, PDF_ENGINE_VARIABLE
from extraction.limits import (DEFAULT_MAX_MEMORY_MB, DEFAULT_OCR_PAGE_S, DEFAULT_TIMEOUT_S, OCR_PAGES, Overtime, TimeLimit,
                               bounded, can_bound_here, failure, on_ocr_pages)
from extraction.store import Store

MAX_MEMBER_BYTES = MAX_BYTES  # the ingest limit for one report; larger archive members are not read
WRITE_QUEUE = 8  # results received but not yet written, at most (lost to a SIGKILL, like the documents in flight)
EXIT_WAIT_S = 0.5  # how long an idle worker may take to exit after its pipe closes before it is killed
POLL_S = 0.2  # how often the parent looks at the clock and the stop flag while workers are busy
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
SKIP_SUFFIXES = {".json", ".yaml", ".yml", ".py", ".pyc", ".css", ".js", ".log", ".sqlite", ".sqlite-wal", ".sqlite-shm",
                 ".db", ".db-wal", ".db-shm", ".sha256", ".md5"}
MEMBER_SEP = "!/"  # archive.zip!/inner/report.pdf
# Documents that may need PDFium and OCR: their workers are forked from a forkserver that has loaded both
SCANNABLE_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
WORKER_PRELOAD = "extraction.batch_worker"  # the pipeline, loaded and warm
OCR_PRELOAD = "extraction.ingest.ocr_warm"  # PDFium and the OCR engine, loaded and warm


@dataclass
class Item:
    """One document to audit: its display path, hash, size, and where its bytes are (a file, or an archive member)."""

    path: str
    sha256: str
    size: int
    file: str | None = None
    archive: str | None = None
    member: str | None = None
    data: bytes | None = None  # bytes already in memory (a generated input), handed to the worker as they are

    def read(self) -> bytes | None:
        """Return the bytes of an archive member or in-memory input (None for a plain file: the worker reads it)."""
        if self.data is not None:
            return self.data
        if self.archive is None or self.member is None:
            return None
        return read_member(self.archive, self.member)


@dataclass
class Counts:
    """What a batch did."""

    found: int = 0
    skipped: int = 0
    stored: int = 0
    failed: int = 0
    lost: int = 0  # in flight or not started when the batch was stopped: audited by the next run
    series_findings: int = 0
    agencies_linked: int = 0
    seconds: float = 0.0
    stopped: bool = False
    errors_by_code: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


# -- walking -------------------------------------------------------------------------------------------------
def is_archive(name: str) -> bool:
    """Given a file name, return whether it is a zip/tar archive to open (a .docx is a zip but not an archive)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _wanted(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    if not base or base.startswith(".") or "__MACOSX/" in name:
        return False
    return not any(base.lower().endswith(s) for s in SKIP_SUFFIXES)


def _sha_file(path: str) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def read_member(archive: str, member: str) -> bytes:
    """Given an archive path and a member name, return the member's bytes."""
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zf:
            return zf.read(member)
    with tarfile.open(archive) as tf:
        fh = tf.extractfile(member)
        return fh.read() if fh else b""


def _archive_items(archive: str) -> Iterator[Item | tuple[str, str, str]]:
    """Given an archive, yield an Item per wanted member, or (path, code, message) for what cannot be read."""
    try:
        if zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as zf:
                members = [(i.filename, i.file_size) for i in zf.infolist() if not i.is_dir()]
        else:
            with tarfile.open(archive) as tf:
                members = [(m.name, m.size) for m in tf.getmembers() if m.isfile()]
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as exc:
        yield (archive, "bad_archive", f"{archive}：无法打开压缩包（{exc}）")
        return
    for name, size in sorted(members):
        shown = f"{archive}{MEMBER_SEP}{name}"
        if not _wanted(name):
            continue
        if size > MAX_MEMBER_BYTES:
            yield (shown, "too_large", f"{shown}：文件 {size} 字节，超过单份报告 {MAX_MEMBER_BYTES // (1 << 20)} MB 的上限")
            continue
        try:
            data = read_member(archive, name)
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, RuntimeError) as exc:
            yield (shown, "bad_archive", f"{shown}：无法读取压缩包中的文件（{exc}）")
            continue
        yield Item(shown, hashlib.sha256(data).hexdigest(), len(data), archive=archive, member=name)


def expand(targets: Iterable[str]) -> list[str]:
    """Given paths, directories or glob patterns, return the files they name, sorted, each once."""
    files: list[str] = []
    for target in targets:
        matches = sorted(glob(target, recursive=True)) if any(ch in target for ch in "*?[") else [target]
        for match in matches:
            p = Path(match)
            if p.is_dir():
                files += sorted(str(f) for f in p.rglob("*") if f.is_file() and _wanted(str(f.relative_to(p))))
            elif p.is_file():
                files.append(str(p))
    seen: set[str] = set()
    return [f for f in files if not (f in seen or seen.add(f))]


def walk(targets: Iterable[str]) -> Iterator[Item | tuple[str, str, str]]:
    """Given targets, yield an Item per document (archives opened), or (path, code, message) for unreadable inputs."""
    for file in expand(targets):
        if is_archive(file):
            yield from _archive_items(file)
            continue
        try:
            sha, size = _sha_file(file)
        except OSError as exc:
            yield (file, "unreadable", f"{file}: cannot open ({exc.strerror or exc})")
            continue
        yield Item(file, sha, size, file=file)


# -- the local process pool ----------------------------------------------------------------------------------
def may_need_ocr(paths: Iterable[str]) -> bool:
    """Given document paths, return whether one of them may be a PDF or an image (judged by its name)."""
    return any(path.lower().endswith(SCANNABLE_SUFFIXES) for path in paths)


def _worker_entry(conn: Connection, max_memory_mb: int | None, work: Callable[..., tuple[Any, ...]] | None,
                  pdf_engine: str | None = None) -> None:
    """Given a pipe, run the worker loop (imported here: the parent must not pay for loading the pipeline)."""
    from extraction.batch_worker import audit_one, worker_main

    # A forkserver keeps the environment it started with; the engine the parent asks for now is handed over.
    if pdf_engine:
        os.environ[PDF_ENGINE_VARIABLE] = pdf_engine

    worker_main(conn, max_memory_mb, work or audit_one)


@dataclass
class _Slot:
    process: Any
    conn: Connection
    item: Item | None = None
    started: float = 0.0
    limit: TimeLimit = field(default_factory=lambda: TimeLimit(0.0))


class WorkerPool:
    """N worker processes, each auditing one document at a time under a time and memory limit.

    The time limit is wall clock: `timeout` seconds per document, plus `per_ocr_page` for each page its worker says it
    will read by OCR. `work(path, file, data)` is what a worker runs per document (a module-level function, so that it
    can be sent to the forkserver): by default `batch_worker.audit_one`, which prepares store rows; `check` and the
    fuzzing campaign pass their own. `preload_ocr`: the documents may need PDFium and OCR (see `may_need_ocr`).
    """

    def __init__(self, workers: int, timeout: float, max_memory_mb: int | None,
                 work: Callable[..., tuple[Any, ...]] | None = None, per_ocr_page: float = DEFAULT_OCR_PAGE_S,
                 preload_ocr: bool = False):
        self.timeout = timeout
        self.per_ocr_page = per_ocr_page
        self.max_memory_mb = max_memory_mb
        self.work = work
        self.ctx = mp.get_context("forkserver")
        # The forkserver imports (and warms) the pipeline once, and PDFium and OCR when documents may need them; every
        # worker is forked from it already warm. One forkserver serves the whole process: the first pool's list holds.
        self.ctx.set_forkserver_preload([WORKER_PRELOAD, *([OCR_PRELOAD] if preload_ocr else [])])
        self.slots = [self._spawn() for _ in range(max(1, workers))]

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_entry, daemon=True,
                                   args=(child, self.max_memory_mb, self.work, os.environ.get(PDF_ENGINE_VARIABLE)))
        process.start()
        child.close()
        return _Slot(process, parent)

    def _replace(self, slot: _Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
        slot.conn.close()
        fresh = self._spawn()
        slot.process, slot.conn, slot.item = fresh.process, fresh.conn, None

    def busy(self) -> int:
        return sum(1 for s in self.slots if s.item is not None)

    def submit(self, slot: _Slot, item: Item) -> None:
        """Given an idle slot and an item, send the item to that worker."""
        slot.item, slot.started, slot.limit = item, time.monotonic(), TimeLimit(self.timeout, self.per_ocr_page)
        try:
            slot.conn.send((item.path, item.file, item.read()))
        except (BrokenPipeError, OSError):
            self._replace(slot)
            slot.item, slot.started = item, time.monotonic()
            slot.conn.send((item.path, item.file, item.read()))

    def collect(self) -> list[tuple[Item, tuple[Any, ...]]]:
        """Wait up to POLL_S; return (item, outcome) for each document finished, timed out or crashed. A worker's
        word that it will read pages by OCR moves its document's limit on."""
        busy = [s for s in self.slots if s.item is not None]
        if not busy:
            return []
        now = time.monotonic()
        soonest = min(s.started + s.limit.seconds for s in busy)
        ready = set(wait([s.conn for s in busy], timeout=max(0.0, min(POLL_S, soonest - now))))
        done: list[tuple[Item, tuple[Any, ...]]] = []
        for slot in busy:
            item = slot.item
            assert item is not None
            if slot.conn in ready:
                try:
                    outcome = slot.conn.recv()
                except (EOFError, OSError):
                    code = slot.process.exitcode
                    outcome = ("error", "worker_died", f"{item.path}: the worker died while auditing it (exit {code}); "
                                                       "likely killed for memory or a crash in a native parser")
                    self._replace(slot)
                else:
                    if outcome[0] == OCR_PAGES:
                        slot.limit.allow(outcome[1])
                        continue
                    slot.item = None
                done.append((item, outcome))
            elif time.monotonic() - slot.started > slot.limit.seconds:
                self._replace(slot)
                done.append((item, ("error", "timeout", slot.limit.message(item.path))))
        return done

    def close(self) -> list[Item]:
        """Stop every worker; return the items that were in flight."""
        lost = [s.item for s in self.slots if s.item is not None]
        for slot in self.slots:
            slot.conn.close()  # an idle worker sees EOF and exits
            if slot.item is not None and slot.process.is_alive():
                slot.process.kill()
        for slot in self.slots:
            slot.process.join(EXIT_WAIT_S)
            if slot.process.is_alive():
                slot.process.kill()  # its results are in: a slow interpreter shutdown has nothing left to save
                slot.process.join(EXIT_WAIT_S)
        return lost


def run_pool(items: list[Item], workers: int, timeout: float, max_memory_mb: int | None,
             on_outcome: Callable[[Item, tuple[Any, ...]], None], should_stop: Callable[[], bool],
             work: Callable[..., tuple[Any, ...]] | None = None, per_ocr_page: float = DEFAULT_OCR_PAGE_S) -> list[Item]:
    """Given items, audit them on a process pool, calling on_outcome in the parent for each; return items lost to a stop."""
    if not items:
        return []
    pending = deque(items)
    pool = WorkerPool(min(workers, max(1, len(items))), timeout, max_memory_mb, work, per_ocr_page,
                      preload_ocr=may_need_ocr(item.path for item in items))

    def refill() -> None:
        for slot in pool.slots:
            if slot.item is None and pending and not should_stop():
                pool.submit(slot, pending.popleft())

    try:
        refill()
        while (pending or pool.busy()) and not should_stop():
            done = pool.collect()
            refill()  # the freed workers get their next document before the results are handed on to be written
            for item, outcome in done:
                on_outcome(item, outcome)
    finally:
        lost = pool.close()
    return lost + list(pending) if should_stop() else lost


def audit_files(paths: list[str], timeout: float | None = DEFAULT_TIMEOUT_S,
                max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB, per_ocr_page: float = DEFAULT_OCR_PAGE_S) -> list[Any]:
    """Given report paths, audit each under the batch's time and memory limits; return one Report per path.

    `check` runs here: a file that hangs a parser or runs out of memory becomes a Report with one typed error
    (timeout, memory_limit, worker_died, crash) and the files after it are still audited. None or 0: no limit.
    One file is audited in this process where it can enforce the limits itself: a worker would cost its start
    (loading the pipeline again) for nothing; several files are audited in a worker, which a hang cannot take down.
    """
    from extraction.document import Problem
    from extraction.report import Report

    def answer(path: str, outcome: tuple[Any, ...]) -> Any:
        return outcome[1] if outcome[0] == "ok" else Report(source=None, path=path, errors=[Problem(outcome[1], outcome[2])])

    if len(paths) == 1 and can_bound_here(max_memory_mb):
        return [answer(paths[0], audit_here(paths[0], TimeLimit(timeout or 0.0, per_ocr_page), max_memory_mb))]
    from extraction.batch_worker import audit_report

    items = [Item(path, "", 0, file=path) for path in paths]
    reports: dict[int, Any] = {}

    def keep(item: Item, outcome: tuple[Any, ...]) -> None:
        reports[id(item)] = answer(item.path, outcome)

    run_pool(items, 1, timeout or math.inf, max_memory_mb or None, keep, lambda: False, work=audit_report, per_ocr_page=per_ocr_page)
    return [reports[id(item)] for item in items]


def audit_here(path: str, limit: TimeLimit, max_memory_mb: int | None) -> tuple[Any, ...]:
    """Given a report path and its limits, audit it in this process; return ("ok", Report) or ("error", code, msg)."""
    from extraction.pipeline import audit

    try:
        with bounded(limit, max_memory_mb, path):
            report = audit(path)
    except Overtime:
        return ("error", "timeout", limit.message(path))
    except Exception as exc:
        return failure(path, exc)
    return ("ok", report)


# -- Dask distributed ----------------------------------------------------------------------------------------
def audit_with_deadline(path: str, data: bytes, timeout: float, per_ocr_page: float = DEFAULT_OCR_PAGE_S) -> tuple[Any, ...]:
    """Given a document's bytes and its limit, audit it in a watchdog thread; return its outcome, or a timeout error."""
    from extraction.batch_worker import audit_one

    limit = TimeLimit(timeout, per_ocr_page)
    box: list[tuple[Any, ...]] = []

    def audit() -> None:
        with on_ocr_pages(limit.allow):
            box.append(audit_one(path, None, data))

    started = time.monotonic()
    thread = threading.Thread(target=audit, daemon=True)
    thread.start()
    while thread.is_alive() and time.monotonic() < started + limit.seconds:
        thread.join(min(POLL_S, max(0.0, started + limit.seconds - time.monotonic())))
    if not box:
        return ("error", "timeout", limit.message(path))
    return box[0]


def run_dask(items: list[Item], address: str, timeout: float, max_memory_mb: int | None,
             on_outcome: Callable[[Item, tuple[Any, ...]], None], should_stop: Callable[[], bool],
             per_ocr_page: float = DEFAULT_OCR_PAGE_S) -> list[Item]:
    """Given items and a scheduler address (or local:N), audit them on Dask; the parent stays the only store writer."""
    if not items:
        return []
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if address.startswith("local:"):
        # dashboard on a free port: 8787 may be taken by another cluster on this machine
        cluster = LocalCluster(n_workers=int(address.split(":", 1)[1] or 1), threads_per_worker=1, processes=True,
                               memory_limit=f"{max_memory_mb}MB" if max_memory_mb else "auto", dashboard_address=":0")
        client = Client(cluster)
    else:
        client = Client(address)
    lost: list[Item] = []
    try:
        futures = {}
        for item in items:
            data = item.read()
            if data is None and item.file is not None:
                data = Path(item.file).read_bytes()  # remote workers may not see this file system: ship the bytes
            future = client.submit(audit_with_deadline, item.path, data, timeout, per_ocr_page, key=f"audit-{item.sha256}-{len(futures)}", pure=False)
            futures[future] = item
        for future in as_completed(list(futures)):
            item = futures.pop(future)
            if should_stop():
                lost = [item, *futures.values()]
                break
            try:
                outcome = future.result()
            except Exception as exc:  # KilledWorker (memory), lost connection...
                outcome = ("error", "worker_died", f"{item.path}: {type(exc).__name__}: {exc}")
            on_outcome(item, outcome)
        for future in futures:
            future.cancel()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return lost


# -- the batch -----------------------------------------------------------------------------------------------
class Writer:
    """Calls save(item, outcome) on a thread of its own, in order, so that the dispatch loop never waits on SQLite.

    A commit costs ~10 ms, mostly the WAL checkpoint's fsync, during which sqlite3 releases the GIL: meanwhile
    the parent already collects the next results and hands out the next documents. Measured on 2 cores, writing
    in the dispatch loop kept the second worker waiting (docs/archive.md, "Measured").
    """

    def __init__(self, save: Callable[[Item, tuple[Any, ...]], None]):
        self.save = save
        self.queue: queue.Queue[tuple[Item, tuple[Any, ...]] | None] = queue.Queue(maxsize=WRITE_QUEUE)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._loop, name="store-writer", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while (job := self.queue.get()) is not None:
            if self.error is None:  # after a failed write, drain without writing: the batch is stopping
                try:
                    self.save(*job)
                except BaseException as exc:  # re-raised by close() in the main thread
                    self.error = exc

    def __call__(self, item: Item, outcome: tuple[Any, ...]) -> None:
        self.queue.put((item, outcome))

    def close(self) -> None:
        """Write what is queued, stop the thread, and raise the first write error, if any."""
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


def run_batch(targets: list[str], store: Store, workers: int = 1, timeout: float = DEFAULT_TIMEOUT_S,
              max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB, cluster: str | None = None, retry_errors: bool = False,
              progress: Callable[[Counts, int], None] | None = None, should_stop: Callable[[], bool] = lambda: False,
              per_ocr_page: float = DEFAULT_OCR_PAGE_S) -> Counts:
    """Given targets and a store, audit every new document into it, link series, and return the counts."""
    from extraction.series import link_stale

    started = time.monotonic()
    counts = Counts()
    run_id = store.start_run({"targets": targets, "workers": workers, "timeout": timeout, "timeout_per_ocr_page": per_ocr_page,
                              "max_memory_mb": max_memory_mb, "cluster": cluster})
    known = store.known_hashes(include_errors=not retry_errors)
    todo: list[Item] = []
    queued: set[str] = set()

    def fail(path: str, sha: str, code: str, message: str) -> None:
        store.save_error(path, sha, code, message, run_id)
        counts.failed += 1
        counts.errors_by_code[code] = counts.errors_by_code.get(code, 0) + 1

    for entry in walk(targets):
        counts.found += 1
        if isinstance(entry, tuple):
            path, code, message = entry
            sha = hashlib.sha256(f"{code}:{path}".encode()).hexdigest()  # no bytes to hash: key the error by path
            if sha in known:
                counts.skipped += 1
            else:
                fail(path, sha, code, message)
            continue
        if entry.sha256 in known or entry.sha256 in queued:
            counts.skipped += 1  # stored before, or a copy of a file already queued in this run
            continue
        queued.add(entry.sha256)
        todo.append(entry)

    def on_outcome(item: Item, outcome: tuple[Any, ...]) -> None:
        if outcome[0] == "ok":
            store.save(outcome[1], item.path, run_id)  # PreparedRows: the parent only runs the inserts
            counts.stored += 1
        else:
            fail(item.path, item.sha256, outcome[1], outcome[2])
        if progress:
            progress(counts, len(todo))

    if progress:
        progress(counts, len(todo))
    writer = Writer(on_outcome)

    def stop() -> bool:
        return should_stop() or writer.error is not None

    try:
        if cluster:
            lost = run_dask(todo, cluster, timeout, max_memory_mb, writer, stop, per_ocr_page)
        else:
            lost = run_pool(todo, workers, timeout, max_memory_mb, writer, stop, per_ocr_page=per_ocr_page)
    finally:
        writer.close()
    counts.lost = len(lost)
    counts.stopped = should_stop()
    if not counts.stopped:
        linked = link_stale(store)
        counts.agencies_linked, counts.series_findings = len(linked), sum(linked.values())
    counts.seconds = round(time.monotonic() - started, 2)
    store.finish_run(run_id, counts.as_dict())
    return counts


class StopFlag:
    """A Ctrl-C handler that asks the batch to stop after the current commit instead of raising mid-transaction."""

    def __init__(self) -> None:
        self.stop = False
        self._previous: Any = None

    def __call__(self) -> bool:
        return self.stop

    def _handle(self, signum: int, frame: Any) -> None:
        if self.stop:  # a second Ctrl-C: the user really wants out
            signal.signal(signal.SIGINT, self._previous or signal.default_int_handler)
            raise KeyboardInterrupt
        self.stop = True

    def __enter__(self) -> "StopFlag":
        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: Any) -> None:
        signal.signal(signal.SIGINT, self._previous or signal.default_int_handler)
