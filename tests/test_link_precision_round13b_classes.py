"""False-link and false-zero classes that the thirteenth round's fresh pages (rn13b) called for, each checked on
wordings written for these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked, mentions


@pytest.mark.parametrize("related", ["与诉讼有关的费用支出", "与诉讼（复议、申诉）有关的费用",
                                     "同行政复议相关的经费", "跟行政诉讼有关的支出"])
def test_a_subject_a_relation_word_closes_is_no_zero_of_its_own(tmp_path: Path, related: str) -> None:
    # 未产生与诉讼有关的费用: the negated head is the fee that relates to suits, not the suits themselves
    assert linked(tmp_path, f"本年度未产生{related}。") == []
    # ... a subject past the relation word is the head itself, and still reads
    assert linked(tmp_path, "本年度未发生与政府信息公开有关的行政复议。") == [(0, "review.total")]
    # ... as does a list joined by 与 after the subject, with no relation word closing it
    assert linked(tmp_path, "本年度未发生行政复议与行政诉讼。") == [(0, "review.total"), (0, "litigation.total")]


@pytest.mark.parametrize("years", ["往年", "以往", "往年度"])
def test_a_zero_of_years_gone_by_is_none_of_the_reports(tmp_path: Path, years: str) -> None:
    # 往年也没有进行收费 speaks of earlier years: no zero, linked or not, for the report's own year
    assert mentions(tmp_path, f"本年度收到政府信息公开申请2件，{years}也未收到行政复议。") == [
        (2, "requests.new.total")]
    assert mentions(tmp_path, f"本局没有收取费用，{years}也没有收取费用。") == [(0, None)]
    # ... while the same zero of the report's own year still reads
    assert linked(tmp_path, "本年度未收到行政复议。") == [(0, "review.total")]


@pytest.mark.parametrize("noun, metric", [("规范性文件", "active.normative_docs.issued"), ("规章", "active.rules.issued")])
def test_documents_made_with_the_plain_verb_are_the_years_made(tmp_path: Path, noun: str, metric: str) -> None:
    # 制作 is the 2019 format's own word for making (本年新制作数量): 共制作规范性文件1份 counts the documents made
    assert linked(tmp_path, f"2023年，共制作{noun}1份。") == [(1, metric)]
    # ... while 制作 of another thing (a reading of them) stays unlinked, as with every made verb
    assert linked(tmp_path, f"2023年，共制作{noun}解读材料2篇。") == []
