from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*pkg_resources.*")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "seed" / "miyun_2021.txt"
REAL = REPO.parent / "shared" / "corpus" / "real"


def real_documents() -> list[Path]:
    """Given the shared corpus (if present), return every labeled report in it."""
    if not REAL.is_dir():
        return []
    return sorted(p for p in REAL.iterdir() if not p.name.endswith(".gold.json") and (REAL / f"{p.stem}.gold.json").exists())


def gold_of(path: Path) -> dict:
    return json.loads((path.parent / f"{path.stem}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def real_dir() -> Path:
    if not REAL.is_dir():
        pytest.skip(f"shared corpus not present at {REAL} (a fresh clone without ../shared)")
    return REAL
