"""表三 glued with no cell separators and its blank cells printed as nothing (a scraper's text of such a page): the
rows are cut jointly by the identities, no cell read wrong, cells the identities cannot place left unread, and the
search stops at its step budget."""
from __future__ import annotations

import random

import pytest

from evaluation.content import content_of
from evaluation.mutations import scraper_concatenated
from evaluation.synth import render
from evaluation.synth.build import blank_zero_orgs, build_report
from evaluation.synth.names import make_agency
from extraction.glued_columns import MAX_STEPS, GluedRow, cut_jointly
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec
from tests.conftest import gold_of

SPEC = load_spec()


def _glued_report(seed: int, year: int) -> tuple[dict[str, object], bytes]:
    """A generated report whose 表三 leaves the organisation cells it has no requests for and every leaf row's 总计
    blank, laid out as a scraper prints it: every cell's text glued to the next, a blank cell printing nothing."""
    model = build_report(random.Random(seed), f"glued_{seed}", make_agency(random.Random(seed)), year, 0.0)
    blank_zero_orgs(model.cells)
    for row in SPEC.versions[SPEC.version_for_year(year)].requests_rows:
        if row.kind == "leaf":
            model.cells[f"requests.{row.key}.total"] = None
    printed = render(model, "text")
    return model.cells, scraper_concatenated(content_of(read_source("report.txt", printed))).data


def _rows(version: str, digits: dict[str, str]) -> list[GluedRow]:
    return [GluedRow(tuple(f"requests.{r.key}.{c}" for c in SPEC.column_keys), digits.get(r.key, ""))
            for r in SPEC.versions[version].requests_rows]


@pytest.mark.parametrize(("seed", "year"), [(2, 2021), (8, 2021), (11, 2024)])
def test_generated_glued_tables_read_jointly_without_a_wrong_cell(seed: int, year: int) -> None:
    gold, data = _glued_report(seed, year)
    report = audit("report.txt", data)
    assert report.format == "text-concat"
    keys = [k for k in gold if k.startswith("requests.")]
    wrong = {k: (report.cells[k].value, gold[k]) for k in keys if k in report.cells and report.cells[k].value != gold[k]}
    assert wrong == {}
    # Row by row, only rows printing one number twice (自然人 and 总计) were read: 28 cells; jointly most of the table.
    assert sum(k in report.cells for k in keys) >= 100
    assert not [f for f in report.findings if f.rule == "table_identity"]


def test_real_report_glued_reads_its_table_without_a_wrong_cell(real_dir) -> None:
    """shanghai_govoffice_2019 prints 表三's blank cells empty and leaves its leaf rows' 总计 blank: glued, no row can
    be read alone (2581211 is 258 12 _ _ 1 1 _). Jointly every 自然人, 总计 and blank cell is read; the organisation
    columns of rows with organisation requests stay unread (the identities treat those columns alike)."""
    path = real_dir / "shanghai_govoffice_2019.html"
    data = scraper_concatenated(content_of(read_source(path))).data
    report = audit(path.with_suffix(".concat.txt"), data)
    gold = {k: v for k, v in gold_of(path)["cells"].items() if k.startswith("requests.")}
    read = {k: report.cells[k].value for k in gold if k in report.cells}
    assert {k: (v, gold[k]) for k, v in read.items() if v != gold[k]} == {}
    assert len(read) >= 127 and read["requests.result.total.natural_person"] == 767
    assert "requests.new.commercial_enterprise" not in report.cells


def test_columns_the_identities_cannot_tell_apart_stay_unread() -> None:
    # 3 and 2 of one row may be 自然人 and 商业企业 or any two part columns in order: no row prints one number and an
    # equal total to fix 自然人, so only the totals and the rows' blank cells beyond any placement are read.
    rows = _rows("v2021", {"new": "325", "result.disclosed": "32", "result.total": "325"})
    found = cut_jointly(rows, SPEC.versions["v2021"].identities, len(SPEC.column_keys)).readings
    assert found is not None
    new = found[0]
    assert len(new) > 1 and {reading[-1] for reading in new} == {(2, 3)}  # the total, 5, alike in every reading
    assert len({reading[0] for reading in new}) > 1  # the 3 is not always 自然人


def test_a_number_printed_twice_fixes_the_first_column() -> None:
    rows = _rows("v2021", {"new": "325", "carried_over": "44", "result.disclosed": "32", "result.total": "729",
                           "result.withheld.state_secret": "4", "carried_forward": ""})
    found = cut_jointly(rows, SPEC.versions["v2021"].identities, len(SPEC.column_keys)).readings
    assert found is not None
    new = {tuple(rows[0].digits[s:e] for s, e in reading) for reading in found[0]}
    assert all(reading[0] == "3" and reading[-1] == "5" for reading in new)  # 自然人 3 and 总计 5; the 2's column open


@pytest.mark.parametrize("length", [18, 30])
def test_a_hostile_table_gives_up_at_its_step_budget(length: int) -> None:
    # Every row a long run of random digits splits every way under every sum, and a row's leftover digits add up
    # to tens of thousands of sums: the search, counting that work as steps too, stops at its budget, reads nothing.
    rng = random.Random(length)
    rows = _rows("v2021", {r.key: "".join(rng.choice("0123456789") for _ in range(length))
                           for r in SPEC.versions["v2021"].requests_rows})
    cutting = cut_jointly(rows, SPEC.versions["v2021"].identities, len(SPEC.column_keys))
    assert cutting.readings is None
    assert MAX_STEPS < cutting.steps < MAX_STEPS + 1_000  # stopped at the budget (work is counted in small chunks)
