"""Tokens from spaCy's blank Chinese pipeline with the jieba segmenter and our domain dictionary, loaded once.

spaCy and jieba are imported on the first clause to tokenize, not with this module: a check that segments no
narrative, and every CLI verb that audits nothing, starts without them. jieba's prefix dictionary is built once
per jieba version and kept in this user's cache directory (jieba's own cache file), not rebuilt at every start.
"""
from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

CACHE_SUBDIR = "zfxxgk"
PRIVATE_DIR_MODE = 0o700  # the cache is unpickled by jieba (marshal): no other user may write it
SILENT = 60  # above logging.CRITICAL: jieba logs its cache loading at DEBUG to stderr


def user_cache_dir() -> Path | None:
    """Return this user's private cache directory ($XDG_CACHE_HOME/zfxxgk, else ~/.cache/zfxxgk), created if
    missing; None when it cannot be created or belongs to someone else."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"  # XDG: a relative path is invalid
    path = root / CACHE_SUBDIR
    try:
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    return path


@contextmanager
def without_pkg_resources() -> Iterator[None]:
    """Within the block, `import pkg_resources` fails: jieba then opens its data files directly instead of
    importing setuptools' deprecated pkg_resources (a third of a second, and a warning). A process that has
    already imported pkg_resources keeps it."""
    if "pkg_resources" in sys.modules:
        yield
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # None in sys.modules: the import raises
    try:
        yield
    finally:
        del sys.modules["pkg_resources"]


def jieba_with_cache():
    """Return jieba, its dictionary cached in this user's cache directory (one file per jieba version, written
    atomically by jieba: a temporary file renamed into place)."""
    with warnings.catch_warnings(), without_pkg_resources():
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(SILENT)
    cache = user_cache_dir()
    if cache is not None:
        jieba.dt.tmp_dir = str(cache)
        jieba.dt.cache_file = f"jieba-{jieba.__version__}.cache"
    return jieba


@lru_cache(maxsize=1)
def chinese() -> Language:
    """Return spaCy blank('zh') using jieba, with the domain words (依申请公开, 尚未审结…) kept whole."""
    jieba = jieba_with_cache()
    words = resources.files("extraction.spec").joinpath("domain_words.txt").read_text(encoding="utf-8").split()
    for word in words:
        jieba.add_word(word, freq=200000)
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@lru_cache(maxsize=4096)
def tokens_of(text: str) -> tuple[str, ...]:
    """Given a short text (a clause), return its tokens."""
    if not text:
        return ()
    return tuple(t.text for t in chinese().make_doc(text))
