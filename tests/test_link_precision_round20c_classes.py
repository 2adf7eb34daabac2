"""Classes that the twentieth round's fresh pages (rn20c) called for, each checked on wordings written for these
tests: the wording the grammar missed or misread beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

RULES, DOCS = "active.rules", "active.normative_docs"


@pytest.mark.parametrize(("verb", "event"), [("制发", "issued"), ("制发公开", "issued"), ("废止", "repealed"),
                                             ("现行有效", "in_force")])
def test_a_printed_zero_over_a_list_of_documents_takes_the_verb_before_the_list(tmp_path: Path, verb: str,
                                                                               event: str) -> None:
    # one 0 printed after two subjects joined by 、 or 和: their sum is none, so none of each, of the verb's event
    assert linked(tmp_path, f"本年度{verb}规章、行政规范性文件0件。") == [(0, f"{RULES}.{event}"), (0, f"{DOCS}.{event}")]
    assert linked(tmp_path, f"全年共{verb}规章和规范性文件0件。") == [(0, f"{RULES}.{event}"), (0, f"{DOCS}.{event}")]
    # ... while a count above zero over the list is their sum, neither subject's
    assert linked(tmp_path, f"本年度{verb}规章、行政规范性文件2件。") == []


def test_the_verb_of_a_printed_zero_list_stops_at_its_clause(tmp_path: Path) -> None:
    # the verb of the clause before names another thing's event: the list's own clause names none, so no event
    assert linked(tmp_path, "全年废止工作方案3件，规章、规范性文件0件。") == []
    # ... and a list of topics that need no verb reads as before
    assert linked(tmp_path, "因政府信息公开引起的行政复议、行政诉讼0件。") == [(0, "review.total"), (0, "litigation.total")]


def test_a_phrase_in_de_before_a_printed_zero_list_keeps_the_verb_off_it(tmp_path: Path) -> None:
    # 涉及企业的 may pick out some of the documents: a zero of those is none of the year's, so no link
    assert linked(tmp_path, "本机关制发涉及企业的规章、规范性文件0件。") == []


@pytest.mark.parametrize(("verb", "event"), [("废止", "repealed"), ("废止或修改", "repealed")])
def test_a_worded_zero_over_a_list_of_documents_reaches_every_subject(tmp_path: Path, verb: str, event: str) -> None:
    # the negated verb before the list governs its last subject too (it had read only the first one's zero)
    assert linked(tmp_path, f"本年度未{verb}规章、规范性文件。") == [(0, f"{RULES}.{event}"), (0, f"{DOCS}.{event}")]
    # ... and a verb of the later subject's own still decides its event
    assert sorted(linked(tmp_path, "本年度未制发规章、废止规范性文件。")) == [
        (0, f"{DOCS}.issued"), (0, f"{DOCS}.repealed"), (0, f"{RULES}.issued")]
