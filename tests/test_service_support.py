"""Shared helpers for the service tests (no tests here): the seed report, a free port, a live uvicorn server."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_CANDIDATES = (REPO / "corpus" / "seed" / "miyun_2021.txt", REPO / "corpus" / "miyun_2021.txt",
                   REPO.parent / "shared" / "corpus" / "real" / "miyun_2021.txt")


def seed_path() -> Path:
    """Return the seed report (miyun_2021.txt), skipping the test when no copy is present."""
    for path in SEED_CANDIDATES:
        if path.is_file():
            return path
    pytest.skip("seed report miyun_2021.txt not found in corpus/seed, corpus/ or ../shared/corpus/real (fresh clone without the corpus)")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path, *args: str, startup_s: float = 60.0) -> Iterator[str]:
    """Given a store path and extra `zfxxgk serve` options, run the server on a free loopback port; yield its base URL."""
    port = free_port()
    log = open(db.parent / "server.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "extraction.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port), *args], cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {(db.parent / 'server.log').read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in time")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()
