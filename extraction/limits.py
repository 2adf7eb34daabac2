"""Per-document cost limits shared by `check`, `batch` and the fuzzing campaign (the size limit is ingest.MAX_BYTES),
and their enforcement inside this process for a `check` of one file.

A worker process (extraction.batch) can be killed whatever it is doing; this process cannot, so here the time limit is
a timer signal whose handler raises `Overtime` between two Python steps, the memory limit an address-space limit
that makes an allocation past it raise MemoryError, both taken back when the audit ends. A native call that holds the
interpreter past the limit is ended by a watchdog thread that gives up the whole process (`GIVE_UP_GRACE_S` later).
"""
from __future__ import annotations

import gc
import os
import resource
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

DEFAULT_TIMEOUT_S = 120.0  # a 100-page text-layer report is audited in well under a minute on one core
DEFAULT_MAX_MEMORY_MB = 2048  # a worker peaks at ~400 MB on a 6-page PDF; 5x leaves room for 100-page reports
GIVE_UP_GRACE_S = 5.0  # past the time limit, a native call that let no signal handler run has this long to return
GIVE_UP_EXIT = 2  # `check`'s exit status for a report that could not be read
STATM = "/proc/self/statm"  # Linux: this process's sizes in pages, the address space first
MB = 1024 * 1024
GC_YOUNG_THRESHOLD = 20_000  # tracked allocations between young collections (Python's default: 700)


class Overtime(BaseException):
    """The audit ran past its time limit. Not an Exception: no `except Exception` inside the audit may absorb it."""


def timeout_message(path: str, timeout: float) -> str:
    """Given a report path and its time limit, return the message of its timeout error."""
    return f"{path}：审核超过 {timeout:g} 秒，已停止"


def failure(path: str, exc: Exception) -> tuple[str, str, str]:
    """Given an exception that escaped the audit, return its ("error", code, message)."""
    if isinstance(exc, MemoryError):
        return ("error", "memory_limit", f"{path}：审核超出内存上限")
    if isinstance(exc, RecursionError):
        return ("error", "crash", f"{path}：文档嵌套过深，超出递归上限")
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return ("error", "crash", f"{path}：审核程序出错（{type(exc).__name__}: {exc}，位于 {where.filename.rsplit('/', 1)[-1]}:{where.lineno}）")


def address_space() -> int | None:
    """Return this process's address space in bytes, or None where the system does not say (not Linux)."""
    try:
        with open(STATM, encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def can_bound_here(max_memory_mb: float | None) -> bool:
    """Given the memory limit asked for, return whether this process can hold an audit to its limits itself: a POSIX
    interval timer in the main thread, and (when memory is limited) an address space it can read."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return not max_memory_mb or address_space() is not None


def give_up(message: str) -> None:
    """Given the timeout message, end this process: the audit is stuck in a native call past its limit."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    os._exit(GIVE_UP_EXIT)


@contextmanager
def bounded(timeout: float | None, max_memory_mb: float | None, message: str) -> Iterator[None]:
    """Within the block, this process raises Overtime past `timeout` seconds and MemoryError past `max_memory_mb` MB
    more address space than it has now (None or 0: no limit); the timeout message is written if the process must be
    given up. The limits, timer and handler in place before are restored afterwards."""
    watchdog = threading.Timer(timeout + GIVE_UP_GRACE_S, give_up, (message,)) if timeout else None
    previous_limit = resource.getrlimit(resource.RLIMIT_AS) if max_memory_mb else None
    handlers: list[Any] = []  # the SIGALRM handler before ours, once ours is in place
    ended: list[bool] = []  # set first thing on the way out: a late signal must not skip the restoring

    def overtime(signum: int, frame: object) -> None:
        if not ended:
            raise Overtime

    try:
        if watchdog is not None:
            watchdog.daemon = True
            watchdog.start()
        if previous_limit is not None:
            soft, hard = previous_limit
            limit = (address_space() or 0) + int(max_memory_mb * MB)
            limit = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit if soft == resource.RLIM_INFINITY else min(limit, soft), hard))
        if timeout:  # armed last: the handler may raise from here on, inside the try
            handlers.append(signal.signal(signal.SIGALRM, overtime))
            signal.setitimer(signal.ITIMER_REAL, timeout)
        yield
    finally:
        ended.append(True)
        if watchdog is not None:
            watchdog.cancel()
        if handlers:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if handlers[0] is None else handlers[0])
        if previous_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous_limit)


def settle_collector() -> None:
    """In a process done loading (spec, grammar, dictionaries) that goes on to audit report after report, freeze
    what it holds out of the cyclic collector's passes and let young collections wait for more allocations. An audit
    frees nearly all it makes by reference counting, yet with the defaults a young pass ran about once a report and
    a full pass over everything loaded every few dozen: a tenth of a text audit's CPU. Frozen before the batch's
    workers fork, the loaded objects' pages also stay shared with them."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)
