"""Cold start: what the CLI imports before it has work to do, jieba's cache, and the small-numeral reader that
spares the import of cn2an."""
from __future__ import annotations

import itertools
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

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


def narrative_clauses() -> list[str]:
    """Return the clauses of the seed and the tuned real-narrative corpus, cut at Chinese and ASCII punctuation."""
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    texts = [corpus / "seed" / "miyun_2021.txt", *sorted((corpus / "real-narrative" / "tuned").glob("*.txt"))]
    return [c for t in texts for c in re.split(r"[，。；：,;\n]", t.read_text(encoding="utf-8")) if c.strip()]


REFERENCE_TOKENS = """
import json, sys
from importlib import resources
import jieba, spacy
from extraction.tokens import DOMAIN_WORD_FREQ
jieba.dt.tmp_dir = sys.argv[2]  # no cache yet: the whole prefix dictionary, built from jieba's own dictionary file
for word in resources.files("extraction.spec").joinpath("domain_words.txt").read_text(encoding="utf-8").split():
    jieba.add_word(word, freq=DOMAIN_WORD_FREQ)
nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
clauses = json.loads(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps([[t.text for t in nlp.make_doc(c)] for c in clauses], ensure_ascii=False))
"""


def test_spacy_tokens_read_a_character_of_the_dictionary_at_a_time_as_with_the_whole_dictionary(tmp_path):
    from extraction.tokens import ShardedFreq, chinese, tokens_of

    clauses = clauses_with_spaces()
    (tmp_path / "clauses.json").write_text(json.dumps(clauses, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", REFERENCE_TOKENS, str(tmp_path / "clauses.json"), str(tmp_path)],
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [list(tokens_of(c)) for c in clauses]
    dictionary = chinese().tokenizer.jieba_seg.dt.FREQ
    assert isinstance(dictionary, ShardedFreq) and dictionary.shards  # spaCy's jieba: sharded, some never read


def clauses_with_spaces() -> list[str]:
    clauses = narrative_clauses()
    return clauses + [c.replace("，", " ").replace("申请", " 申请\t") + "\u3000" for c in clauses[:500]] + [
        "  共 受理  申请 ", "\t申请\n\n 件", " "]


def test_libyaml_reads_the_template_as_pyyaml_does():
    from importlib import resources

    import yaml

    from extraction.spec import SAFE_LOADER

    text = resources.files("extraction.spec").joinpath("template.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=SAFE_LOADER) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("preload", [False, True])
def test_batch_workers_start_with_ocr_loaded_only_when_documents_may_need_it(preload: bool) -> None:
    from extraction.batch import may_need_ocr

    assert may_need_ocr(["a.txt", "scan.PDF"]) and may_need_ocr(["page.tiff"]) and not may_need_ocr(["a.txt", "b.html", "c.docx"])
    seed = Path(__file__).resolve().parents[1] / "corpus" / "seed" / "miyun_2021.txt"
    out = subprocess.run([sys.executable, "-m", "evaluation.worker_start", str(seed), "--repeat", "1",
                          *(["--preload-ocr"] if preload else [])], capture_output=True, text=True, check=True).stdout
    rows = json.loads(out)
    assert [rows["first"][4], rows["fresh"][0][1][4]] == [preload, preload]  # a replacement worker too
    assert rows["warm"][0][1][4] == preload  # a text report never loads the OCR engine
