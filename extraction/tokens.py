"""Tokens from spaCy's blank Chinese pipeline with the jieba segmenter and our domain dictionary, loaded once."""
from __future__ import annotations

import warnings
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def chinese() -> Language:
    """Return spaCy blank('zh') using jieba, with the domain words (依申请公开, 尚未审结…) kept whole."""
    with warnings.catch_warnings():  # jieba imports the deprecated pkg_resources; every batch worker would print it
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(60)
    words = resources.files("extraction.spec").joinpath("domain_words.txt").read_text(encoding="utf-8").split()
    for word in words:
        jieba.add_word(word, freq=200000)
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@lru_cache(maxsize=4096)
def tokens_of(text: str) -> tuple[str, ...]:
    """Given a short text (a clause), return its tokens."""
    if not text:
        return ()
    return tuple(t.text for t in chinese().make_doc(text))
