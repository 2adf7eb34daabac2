"""50 concurrent uploads against a live server on loopback: no errors; prints throughput and latency (no timing asserts)."""
from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx", reason="the load test uses httpx")
pytest.importorskip("uvicorn", reason="needs uvicorn")

from test_service_support import live_server, seed_path  # noqa: E402

UPLOADS = 50
REQUEST_TIMEOUT_S = 180.0


def _upload(client: "httpx.Client", base: str, name: str, data: bytes) -> tuple[int, float, int]:
    start = time.perf_counter()
    r = client.post(f"{base}/api/reports", files={"file": (name, data)})
    findings = len(r.json().get("findings", [])) if r.status_code == 200 else -1
    return r.status_code, time.perf_counter() - start, findings


def test_fifty_concurrent_uploads(tmp_path: Path) -> None:
    seed = seed_path().read_bytes()
    # distinct files (one more trailing newline each), so each is stored and audited on its own
    files = [(f"miyun_{i:02d}.txt", seed + b"\n" * (i + 1)) for i in range(UPLOADS)]
    with live_server(tmp_path / "audit.sqlite", "--workers", "2") as base:
        # one shared client (a pool of up to UPLOADS connections): the figures measure the server, not client set-up
        with httpx.Client(timeout=REQUEST_TIMEOUT_S, limits=httpx.Limits(max_connections=UPLOADS)) as client:
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=UPLOADS) as pool:
                results = list(pool.map(lambda f: _upload(client, base, *f), files))
            wall = time.perf_counter() - started
        listed = httpx.get(f"{base}/api/reports", params={"limit": 1}, timeout=30).json()["total"]
    codes = [code for code, _, _ in results]
    latencies = sorted(t for _, t, _ in results)
    p50 = statistics.median(latencies)
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * len(latencies))) - 1)]
    print(f"\nload: {UPLOADS} concurrent uploads in {wall:.2f} s -> {UPLOADS / wall:.1f} requests/s; "
          f"latency p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
    assert codes.count(200) == UPLOADS, f"errors: {[c for c in codes if c != 200]}"
    assert all(n == 3 for _, _, n in results)
    assert listed == UPLOADS
