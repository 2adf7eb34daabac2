"""The links earlier grammars of this repository made on today's tuned pages: the wrong links a grammar makes on
text it was not yet tuned on, which the veto study (veto.py) learns from. Today's grammar is right on nearly every
tuned link, so the tuned pages alone hold no wrong link to learn a veto from; each earlier grammar, run over them,
makes the mistakes later rules fixed.

    python -m models.linker.past      # writes models/linker/past_links.json (a git checkout: reads git history)

Each commit's extraction/ is taken with `git archive` into a temporary folder and run there in a subprocess, over
the tuned pages of the working tree. Deterministic: the same commits and pages give the same file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from models.linker.train import TUNED

PAST_LINKS = Path(__file__).with_name("past_links.json")
# grammars of 2026-12-06, a few hours apart, before the precision and recall classes that tuned today's grammar
PAST_COMMITS = ("0662b35", "d52d9c4", "9c9e431", "103fd61")
# run inside the old extraction/: every printed figure it links, by page, as [start, end, metric, alternatives]
_EXPORT = """
import json, sys
from pathlib import Path
import extraction.pipeline as pipeline
assert pipeline.__file__.startswith(sys.argv[1]), pipeline.__file__
out = {}
for gold_path in sorted(Path(sys.argv[2]).glob("*.gold.json")):
    page = gold_path.with_name(json.loads(gold_path.read_text(encoding="utf-8"))["document"])
    out[page.name] = [[*m.span, m.metric, list(m.alternatives)] for m in pipeline.audit(page, None).mentions
                      if m.metric is not None and not m.implicit]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def commit_links(commit: str, pages: Path) -> dict[str, list]:
    """Given a commit and a folder of labeled pages, return the links that commit's grammar makes on them, by page."""
    archive = subprocess.run(["git", "archive", commit, "extraction"], check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        env = {**os.environ, "PYTHONPATH": folder}
        done = subprocess.run([sys.executable, "-c", _EXPORT, folder, str(pages.resolve())], cwd=folder, env=env,
                              check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    links = {commit: commit_links(commit, TUNED) for commit in PAST_COMMITS}
    PAST_LINKS.write_text(json.dumps(links, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                          encoding="utf-8")
    print(f"wrote {PAST_LINKS}: " + ", ".join(f"{c} {sum(map(len, v.values()))} links" for c, v in links.items()))


if __name__ == "__main__":
    main()
