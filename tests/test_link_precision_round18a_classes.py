"""False-link classes found on the eighteenth round's fresh pages (rn18a), each checked on wordings written for these
tests: the wording that misled the grammar beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked

DISCLOSED, WITHHELD = "requests.result.disclosed.total", "requests.result.withheld.subtotal.total"


@pytest.mark.parametrize("whole", ["已办结的40件中", "办结的40件之中", "答复的40件当中"])
def test_a_figure_named_as_the_whole_a_part_is_taken_from_takes_no_disposition_after_it(tmp_path: Path,
                                                                                       whole: str) -> None:
    # 40件中予以公开的12件: the disposition after 中 is the next figure's, the part; the 40 are not all disclosed
    found = linked(tmp_path, f"本年度共收到申请45件，{whole}予以公开的12件，不予公开3件。")
    assert (40, DISCLOSED) not in found
    assert (12, DISCLOSED) in found and (3, WITHHELD) in found


def test_a_disposition_right_after_a_figure_still_names_it(tmp_path: Path) -> None:
    # with no mark of a whole between them, the disposition after the figure says what it counts
    found = linked(tmp_path, "本年度共收到申请5件，其中3件予以公开，2件不予公开。")
    assert (3, DISCLOSED) in found and (2, WITHHELD) in found
