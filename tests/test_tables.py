"""Table variants real reports print: local columns, typo'd labels, missing columns, blank vs zero, pipe text."""
from __future__ import annotations

import json
import re
from pathlib import Path

from extraction.pipeline import audit
from extraction.spec import load_spec
from extraction.values import TableView

from conftest import SEED

GOLD = json.loads(SEED.with_name("miyun_2021.gold.json").read_text(encoding="utf-8"))


def _seed_variant(tmp_path: Path, edit) -> Path:
    path = tmp_path / "variant.txt"
    path.write_text(edit(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _values(report) -> dict:
    return {k: c.value for k, c in report.cells.items()}


def test_local_org_subtotal_column_is_recognised_and_left_out(tmp_path: Path) -> None:
    def add_subtotal(text: str) -> str:
        blocks = []
        for block in text.split("\n\n"):
            cells = block.split("\n")
            values = [int(c) for c in cells if re.fullmatch(r"\t\d+\s*", c)]
            if len(values) == 7 and len(cells) >= 8:
                cells.insert(len(cells) - 1, f"\t{sum(values[1:6])}")
            blocks.append("\n".join(cells))
        return "\n\n".join(blocks)

    report = audit(_seed_variant(tmp_path, add_subtotal))
    assert _values(report) == GOLD["cells"]
    assert [d.row for d in report.deviations] == ["requests.*.org_sum"]


def test_typo_in_a_row_label_still_places_the_row(tmp_path: Path) -> None:
    report = audit(_seed_variant(tmp_path, lambda t: t.replace("2.其他法律行政法规禁止公开", "2、其他法律行政止公开")))
    assert _values(report) == GOLD["cells"]
    assert report.deviations == []


def test_missing_repealed_column_is_a_deviation_and_the_rest_still_maps(tmp_path: Path) -> None:
    def drop_repealed(text: str) -> str:
        text = text.replace("\t本年废止件数\n", "")
        return text.replace("\t规章\n\t0\n\t0\n\t0", "\t规章\n\t0\n\t0").replace("\t行政规范性文件\n\t442\n\t37\n\t1633", "\t行政规范性文件\n\t442\n\t1633")

    report = audit(_seed_variant(tmp_path, drop_repealed))
    values = _values(report)
    assert values["active.normative_docs.issued"] == 442 and values["active.normative_docs.in_force"] == 1633
    assert "active.normative_docs.repealed" not in values
    assert {d.row for d in report.deviations} == {"active.rules", "active.normative_docs"}


def test_blank_slash_and_zero_stay_distinct(tmp_path: Path) -> None:
    def blank_and_slash(text: str) -> str:
        text = text.replace("\t规章\n\t0\n\t0\n\t0", "\t规章\n\t/\n\t/\n\t/")
        return text.replace("\t行政强制\n\t98", "\t行政强制\n\t")

    values = _values(audit(_seed_variant(tmp_path, blank_and_slash)))
    assert values["active.rules.issued"] is None and values["active.coercion.decisions"] is None
    assert values["active.penalty.decisions"] == 11926


def test_pipe_rows_with_dropped_blanks(tmp_path: Path) -> None:
    rows = ["| 一、本年新收政府信息公开申请数量 | 3 | 3 |", "| 二、上年结转政府信息公开申请数量 | 0 | 0 |"]
    path = tmp_path / "pipe.txt"
    path.write_text("某县某局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "\n".join(rows) + "\n", encoding="utf-8")
    values = _values(audit(path))
    assert values["requests.new.natural_person"] == 3 and values["requests.new.total"] == 3
    assert values["requests.new.commercial_enterprise"] is None


def test_pipe_pair_of_different_numbers_is_not_placed_and_invents_no_total(tmp_path: Path) -> None:
    """自然人 3 and 商业企业 1 with the blanks dropped and the total left blank: which columns they are cannot be
    told, so the row stays unread, and the subtotal it belongs to stays unknown instead of summing the rest."""
    rows = ["| 一、本年新收政府信息公开申请数量 | 5 | 5 |", "| 二、上年结转政府信息公开申请数量 | 0 | 0 |",
            "| （三）不予公开 | 1.属于国家秘密 | 2 | 2 |", "| 2.其他法律行政法规禁止公开 | 3 | 1 |"]
    path = tmp_path / "pipe.txt"
    path.write_text("某县某局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = audit(path)
    values = _values(report)
    assert values["requests.result.withheld.state_secret.total"] == 2
    assert not any(k.startswith("requests.result.withheld.prohibited_by_law.") for k in values)
    view = TableView(report.cells, load_spec(), report.template)
    assert view.value("requests.new.total") == 5 and view.value("requests.handled_pool.total") == 5
    assert view.value("requests.result.withheld.subtotal.total") is None


def test_extra_local_row_in_table_two_is_a_deviation(tmp_path: Path) -> None:
    report = audit(_seed_variant(tmp_path, lambda t: t.replace("\t行政处罚\n\t11926\n", "\t行政处罚\n\t11926\n\n\t其他主动公开文件\n\t35\n")))
    assert _values(report) == GOLD["cells"]
    assert [d.row for d in report.deviations] == ["active.local:其他主动公开文件"]
