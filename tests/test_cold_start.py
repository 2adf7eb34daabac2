"""Cold start: what the CLI imports before it has work to do, jieba's cache, and the small-numeral reader that
spares the import of cn2an."""
from __future__ import annotations

import itertools
import os
import stat
import subprocess
import sys

import cn2an
import pytest

from extraction.numerals import cn_value, small_value

NUMERAL_CHARS = "零一二三四五六七八九十百千万"
HEAVY = ("spacy", "jieba", "cn2an", "pdfminer", "pdfplumber", "pandas", "pyarrow", "openpyxl", "dask", "distributed", "fastapi",
         "rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy")


def cn2an_value(span: str, mode: str) -> int | None:
    try:
        return int(cn2an.cn2an(span, mode))
    except (ValueError, KeyError):  # cn2an's normal mode raises KeyError on some malformed spans
        return None


@pytest.mark.parametrize("mode", ["strict", "normal"])
def test_small_numerals_read_as_cn2an_reads_them(mode):
    spans = ["".join(t) for n in range(1, 4) for t in itertools.product(NUMERAL_CHARS, repeat=n)]
    read = 0
    for span in spans:
        small = small_value(span)
        if small is not None:
            read += 1
            assert cn2an_value(span, mode) == small, span
        elif mode == "strict" and len(span) <= 2:
            assert cn2an_value(span, mode) is None or cn_value(span, mode) == cn2an_value(span, mode), span
    assert read == 110  # 零, 一…九, 十, 十一…十九, 一十…九十九


def test_a_numeral_cn2an_refuses_raises_value_error():
    with pytest.raises(ValueError):
        cn_value("十十", "strict")


def run_python(code: str, **env: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env}, check=True)
    return result.stdout


def test_the_cli_and_the_pipeline_import_nothing_heavy():
    loaded = run_python(
        "import sys, extraction.cli, extraction.pipeline, extraction.ingest.text, extraction.render;"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    ).split()
    assert not set(HEAVY) & set(loaded)


def test_jieba_keeps_its_dictionary_in_a_private_user_cache(tmp_path):
    cache = tmp_path / "xdg"
    out = run_python(
        "import sys; from extraction.tokens import tokens_of; print(tokens_of('全年共受理政府信息公开申请')); "
        "print('pkg_resources' in sys.modules)",
        XDG_CACHE_HOME=str(cache),
    ).split("\n")
    assert "依申请公开" not in out[0] and "'全年'" in out[0]
    assert out[1] == "False"
    folder = cache / "zfxxgk"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] and all(p.name.startswith("jieba-") for p in folder.iterdir())


def test_libyaml_reads_the_template_as_pyyaml_does():
    from importlib import resources

    import yaml

    from extraction.spec import SAFE_LOADER

    text = resources.files("extraction.spec").joinpath("template.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=SAFE_LOADER) == yaml.load(text, Loader=yaml.SafeLoader)
