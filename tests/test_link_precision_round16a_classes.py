"""False-link classes found on the sixteenth round's fresh pages (rn16a), each checked on wordings written for these
tests: a count of requests still open, or to be handled later, read as the year's answered count."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

ANSWERED, FORWARD = "requests.result.total.total", "requests.carried_forward.total"
OPENING = "2024年本单位共收到政府信息公开申请7件。已按期办结4件。"


@pytest.mark.parametrize("carry", ["下年度继续办理3件", "下一年度继续办理3件", "3件下年度继续办理", "下年度继续答复3件"])
def test_the_next_year_before_a_verb_of_going_on_is_the_carry_forward(tmp_path: Path, carry: str) -> None:
    # a sentence of its own after the answered count: the verb goes on with the open requests next year
    found = linked(tmp_path, f"{OPENING}{carry}。", year=2024)
    assert (3, FORWARD) in found and (3, ANSWERED) not in found
    assert (4, ANSWERED) in found


def test_a_carry_named_with_its_own_carry_word_reads_as_before(tmp_path: Path) -> None:
    assert (3, FORWARD) in linked(tmp_path, f"{OPENING}结转下年度继续办理3件。", year=2024)


@pytest.mark.parametrize("pending", ["继续办理3件", "待办理3件", "尚需办理3件", "跨年办理3件", "下年度办理3件", "不再办理3件"])
def test_a_handling_still_to_come_is_no_answered_count(tmp_path: Path, pending: str) -> None:
    # the bare verb right before the figure counts the answered only when nothing says the handling is not done
    found = linked(tmp_path, f"{OPENING}{pending}。", year=2024)
    assert (3, ANSWERED) not in found
    assert (4, ANSWERED) in found


def test_a_bare_handled_count_with_nothing_pending_stays_the_answered(tmp_path: Path) -> None:
    assert (7, ANSWERED) in linked(tmp_path, "2024年本单位办理政府信息公开申请7件。", year=2024)


@pytest.mark.parametrize("denied", ["未办结3件", "尚未办结3件", "未答复3件", "尚未答复3件"])
def test_an_answer_denied_is_no_answered_count(tmp_path: Path, denied: str) -> None:
    # still open at the year's end or refused for a ground: the words do not say which, so no reading
    found = linked(tmp_path, f"{OPENING}{denied}。", year=2024)
    assert not any(value == 3 for value, _ in found)


def test_an_answer_denied_for_a_ground_is_no_carry_either(tmp_path: Path) -> None:
    found = linked(tmp_path, "2024年共答复申请5件，未答复1件，系三类内部事务信息。", year=2024)
    assert (5, ANSWERED) in found and not any(value == 1 for value, _ in found)
