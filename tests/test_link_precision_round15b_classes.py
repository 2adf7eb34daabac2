"""Link classes that the fifteenth round's fresh pages (rn15b) called for, each checked on wordings written for
these tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


@pytest.mark.parametrize("made", ["制作", "制发", "印发", "形成"])
def test_documents_made_under_the_attribute_of_disclosure_on_request_are_no_requests(tmp_path: Path, made: str) -> None:
    # a body makes documents, never requests: 依申请公开 after a made verb is the documents' publication attribute
    assert linked(tmp_path, f"全年{made}依申请公开信息320条。") == []
    assert linked(tmp_path, f"本年度共{made}依申请公开文件15件。") == []
    # ... and the requests counted after them, with a verb of receiving, still read
    assert linked(tmp_path, f"全年{made}依申请公开信息320条，收到申请18例，均已办结。") == [
        (18, "requests.new.total")]


def test_requests_received_without_a_made_verb_still_read(tmp_path: Path) -> None:
    assert linked(tmp_path, "全年收到依申请公开信息申请7件。") == [(7, "requests.new.total")]
    assert linked(tmp_path, "本年度依申请公开12件，均按时答复。") == [(12, "requests.new.total")]
