"""The service's files: uploads stored by sha256 (never by client path) and their narrative texts beside them."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_NAME = re.compile(r"[^\w.\-\u4e00-\u9fff（）()]+")


def safe_display_name(name: str | None) -> str:
    """Given a client-supplied file name, return a harmless display name (base name only, no odd characters)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME.sub("_", base).strip("._")[:120]
    return base or "upload"


class FileArea:
    """Uploaded files stored as `<data_dir>/<sha256>`; narrative texts beside them as `<sha256>.narrative.txt`."""

    def __init__(self, data_dir: Path):
        self.root = data_dir
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        """Given a sha256 hex digest, return the stored file's path (refusing anything that is not a digest)."""
        if not _SHA.match(sha256):
            raise ValueError("not a sha256 digest")
        return self.root / sha256

    def put(self, data: bytes) -> tuple[str, Path]:
        """Given file bytes, store them (atomically, once) and return their sha256 and path."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha)
        if not target.exists():
            fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".upload-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        return sha, target

    def remove(self, sha256: str) -> None:
        """Given a document digest, remove its stored file and narrative (a rejected upload)."""
        for target in (self.path_for(sha256), self.path_for(sha256).with_suffix(".narrative.txt")):
            target.unlink(missing_ok=True)

    def put_narrative(self, sha256: str, text: str) -> None:
        """Given a document digest and its narrative text, store the text next to the file."""
        target = self.path_for(sha256).with_suffix(".narrative.txt")
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".narrative-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)

    def narrative(self, sha256: str) -> str | None:
        """Given a document digest, return its stored narrative text, or None when there is none."""
        try:
            return self.path_for(sha256).with_suffix(".narrative.txt").read_text(encoding="utf-8")
        except (OSError, ValueError):
            return None
