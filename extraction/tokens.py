"""Tokens from spaCy's blank Chinese pipeline with the jieba segmenter and our domain dictionary, loaded once.

spaCy and jieba are imported on the first clause to tokenize, not with this module: a check that segments no
narrative, and every CLI verb that audits nothing, starts without them.

jieba's prefix dictionary (half a million entries) takes most of a second to load whole, even from jieba's own
cache file; a clause needs the entries of its own characters only. The dictionary is built once per jieba version
into this user's cache directory, split by first character, and each character's entries are read when a clause
first holds it (`ShardedFreq`): every lookup gives what the whole dictionary gives, so the words are the same.
spaCy's Chinese tokenizer segments with the module-level jieba, so it is given that dictionary before spaCy
first calls jieba.
"""
from __future__ import annotations

import marshal
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

CACHE_SUBDIR = "zfxxgk"
PRIVATE_DIR_MODE = 0o700  # the cache is read with marshal: no other user may write it
SILENT = 60  # above logging.CRITICAL: jieba logs its dictionary loading at DEBUG to stderr
DOMAIN_WORD_FREQ = 200000  # high enough that jieba keeps 依申请公开, 尚未审结… whole


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


class ShardedFreq(dict):
    """jieba's prefix dictionary (word or word prefix -> frequency), each first character's entries unpacked on the
    first lookup of a key starting with it. Every key of jieba's lookups and updates starts with the character whose
    entries it needs, so each answer is the whole dictionary's."""

    def __init__(self, shards: dict[str, bytes]):
        super().__init__()
        self.shards = shards

    def unpack(self, key: str) -> None:
        """Given a key, make sure the entries of its first character are in the dict."""
        shard = self.shards.pop(key[:1], None)
        if shard is not None:
            self.update(marshal.loads(shard))

    def __contains__(self, key: object) -> bool:
        self.unpack(key)  # type: ignore[arg-type]
        return super().__contains__(key)

    def __getitem__(self, key: str) -> int:
        self.unpack(key)
        return super().__getitem__(key)

    def __setitem__(self, key: str, value: int) -> None:
        self.unpack(key)
        super().__setitem__(key, value)

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        self.unpack(key)
        return super().get(key, default)


def shard(freq: dict[str, int]) -> dict[str, bytes]:
    """Given a prefix dictionary, return its entries grouped by first character, each group marshalled."""
    groups: dict[str, dict[str, int]] = {}
    for key, value in freq.items():
        groups.setdefault(key[:1], {})[key] = value
    return {first: marshal.dumps(group) for first, group in groups.items()}


def sharded_dictionary(jieba: ModuleType) -> tuple[dict[str, bytes], int]:
    """Given jieba, return its default dictionary's shards and total frequency, from this user's cache file (one per
    jieba version, written atomically: a temporary file renamed into place), built from jieba's dictionary when
    the file is missing or unreadable, or the cache directory unusable."""
    cache = user_cache_dir()
    path = cache / f"jieba-{jieba.__version__}.shards" if cache is not None else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                shards, total = marshal.load(fh)
            return shards, total
        except (OSError, EOFError, ValueError, TypeError):
            pass  # a damaged cache is built again
    freq, total = jieba.dt.gen_pfdict(jieba.dt.get_dict_file())
    shards = shard(freq)
    if path is not None:
        try:
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((shards, total), fh)
            os.replace(temporary, path)
        except OSError:
            pass  # no cache this time: the next start builds it again
    return shards, total


@lru_cache(maxsize=1)
def segmenter() -> ModuleType:
    """Return jieba with its default dictionary (read a character at a time) and the domain words (依申请公开,
    尚未审结…) kept whole."""
    with warnings.catch_warnings(), without_pkg_resources():
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(SILENT)
    shards, total = sharded_dictionary(jieba)
    with jieba.dt.lock:
        jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = ShardedFreq(shards), total, True
    words = resources.files("extraction.spec").joinpath("domain_words.txt").read_text(encoding="utf-8").split()
    for word in words:
        jieba.add_word(word, freq=DOMAIN_WORD_FREQ)
    return jieba


@lru_cache(maxsize=1)
def chinese() -> Language:
    """Return spaCy blank('zh') segmenting with `segmenter`'s jieba (its dictionary read a character at a time,
    the domain words kept whole)."""
    segmenter()
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@lru_cache(maxsize=4096)
def tokens_of(text: str) -> tuple[str, ...]:
    """Given a short text (a clause), return its tokens."""
    if not text:
        return ()
    return tuple(t.text for t in chinese().make_doc(text))
