"""False-link classes found on the eleventh round's fresh pages (rn11), each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("count", ["依申请公开3条", "依申请公开信息3条", "依申请公开的3件"])
def test_a_count_beside_documents_exempt_from_publication_is_an_attribute(tmp_path: Path, count: str) -> None:
    # 免于公开 names documents only: beside it, 依申请公开 is the documents' attribute even with no 主动公开 counted
    # in the sentence (the list went on from the paragraph before, under a heading)
    assert linked(tmp_path, f"全年公开公文信息12条，其中主动公开公文信息8条。\n（二）依申请公开方面\n{count}，免于公开信息1条。") == []
    # ... and in a list that opens with 主动公开, as before
    assert linked(tmp_path, f"全年制发公文12件，其中主动公开8件，{count}，免于公开1件。") == []


def test_requests_before_documents_exempt_from_publication_still_read(tmp_path: Path) -> None:
    # a request word in the sentence before the count keeps it a request, and a withheld count that may be a
    # disposition (不予公开) is no sole mark of a list
    assert linked(tmp_path, "全年收到政府信息公开申请5件，予以公开3件，免于公开2件。") == [
        (5, "requests.new.total"), (3, "requests.result.disclosed.total")]
    assert linked(tmp_path, "本年度依申请公开信息12条，不予公开信息1条。") == [
        (12, "requests.new.total"), (1, "requests.result.withheld.subtotal.total")]
