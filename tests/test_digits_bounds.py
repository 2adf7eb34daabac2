"""Concatenated digits chosen beyond the identities, on generated reports: 表二's bounds (a document issued this year is
at year end in force or repealed; 对外公开总数量 counts this year's published) choose among a row's splits, never
against the characters; a cell every split reads alike is read though its characters differ; one number printed twice where the blank cells
print nothing is 自然人 and 总计 (2626) where the column identities agree."""
from __future__ import annotations

import random
import re

from evaluation.concat_digits import BLANKS, flatten
from evaluation.synth import render
from evaluation.synth.build import blank_zero_orgs, build_report
from evaluation.synth.model import ReportModel
from evaluation.synth.names import make_agency
from extraction.digits import ALIKE_NOTE, AMBIGUOUS, BOUND_CONFIDENCE, SPLIT_CONFIDENCE
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.tables import DOUBTFUL_CONFIDENCE, PAIR_CONFIDENCE, ParsedTables
from extraction.digits import read_runs


def _report(year: int, seed: int = 5) -> ReportModel:
    return build_report(random.Random(seed), f"bounds_{year}", make_agency(random.Random(seed)), year, 0.0)


def _read(model: ReportModel) -> ParsedTables:
    source = read_source("report.txt", render(model, "concat"))
    assert source.format == "text-concat"
    return read_runs(source.runs, model.year, ParsedTables())


def _row(parsed: ParsedTables, row: str, columns: tuple[str, ...]) -> tuple:
    return tuple(parsed.cells[f"{row}.{c}"].value if f"{row}.{c}" in parsed.cells else parsed.unread.get(f"{row}.{c}")
                 for c in columns)


V2021 = ("issued", "repealed", "in_force")
V2019 = ("new_made", "new_published", "total_published")


def test_issued_documents_bound_the_split_of_a_2021_row() -> None:
    """1011 is 1 0 11 or 10 1 1: ten issued this year with one in force and one repealed would leave eight neither."""
    model = _report(2022)
    model.cells.update({"active.normative_docs.issued": 1, "active.normative_docs.repealed": 0, "active.normative_docs.in_force": 11})
    parsed = _read(model)
    assert _row(parsed, "active.normative_docs", V2021) == (1, 0, 11)
    cell = parsed.cells["active.normative_docs.in_force"]
    assert cell.confidence == BOUND_CONFIDENCE and "本年制发件数≤现行有效件数＋本年废止件数" in cell.placement


def test_a_cell_only_a_bound_decided_is_never_judged_against_the_narrative() -> None:
    """A report that breaks the bound (12 issued, 5 in force: documents that expired unrepealed) glues 1205, read as
    1 20 5: shown, flagged doubtful, and the narrative's 制发…12件 beside it is unverified, never a mismatch."""
    model = _report(2022)
    model.cells.update({"active.normative_docs.issued": 12, "active.normative_docs.repealed": 0, "active.normative_docs.in_force": 5})
    text = render(model, "concat").decode("utf-8")
    text = re.sub(r"制发行政规范性文件\d+件", "制发行政规范性文件12件", text)  # the narrative was written before the edit
    report = audit("report.txt", text.encode("utf-8"))
    cell = report.cells["active.normative_docs.issued"]
    assert cell.value == 1 and cell.confidence <= DOUBTFUL_CONFIDENCE
    told = [m for m in report.mentions if m.value == 12 and m.metric == "active.normative_docs.issued"]
    assert told and all(m.verdict == "unverified" for m in told)
    assert not [f for f in report.findings if "active.normative_docs.issued" in str(f.to_json())]


def test_a_bound_that_leaves_several_splits_reads_only_what_they_share() -> None:
    """82666: 8 2 666 and 8 26 66 both keep the bound (82 6 66 does not): 8 issued is read, the rest stays unread."""
    model = _report(2022)
    model.cells.update({"active.normative_docs.issued": 8, "active.normative_docs.repealed": 26, "active.normative_docs.in_force": 66})
    assert _row(_read(model), "active.normative_docs", V2021) == (8, AMBIGUOUS, AMBIGUOUS)


def test_published_within_the_total_bounds_a_2019_row() -> None:
    """0910 under 新制作/新公开/对外公开总数量 is 0 9 10, not 0 91 0: the total counts this year's published too."""
    model = _report(2019)
    model.cells.update({"active.normative_docs.new_made": 0, "active.normative_docs.new_published": 9,
                        "active.normative_docs.total_published": 10})
    assert _row(_read(model), "active.normative_docs", V2019) == (0, 9, 10)


def test_a_cell_every_split_reads_alike_is_read_citing_all_its_characters() -> None:
    """表四 printed against its own identities on a page that writes 0 in every cell: 1010000000050000 splits as
    10 1 0 0 0|0 0 0 0 0|5 0 0 0 0, 1 0 10 0 0|…|5 … or 1 0 1 0 0|…|0 50 …; 未经复议直接起诉 reads 0 0 0 0 0 under
    each, from different characters; the cells the splits disagree on stay unread."""
    model = _report(2022, seed=3)
    assert all(v is not None for k, v in model.cells.items() if k.startswith("requests."))
    review = {f"{group}.{outcome}": 0 for group in ("review", "litigation.direct", "litigation.after_review")
              for outcome in ("maintained", "corrected", "other", "pending", "total")}
    model.cells.update(review | {"review.maintained": 10, "review.corrected": 1, "litigation.after_review.maintained": 5})
    data = render(model, "concat")
    report = audit("report.concat.txt", data)
    direct = [report.cells[f"litigation.direct.{o}"] for o in ("maintained", "corrected", "other", "pending", "total")]
    assert [c.value for c in direct] == [0] * 5
    lines = data.decode("utf-8").split("\n")
    for cell in direct:
        start, end = cell.where.chars
        assert lines[cell.where.line - 1][start:end].strip() == cell.raw and set(cell.raw) == {"0"}
        assert ALIKE_NOTE in cell.placement and cell.confidence == SPLIT_CONFIDENCE
    assert not {"review.maintained", "review.corrected", "litigation.after_review.maintained"} & set(report.cells)
    assert not any(f.rule == "table_identity" for f in report.findings)


def _glued_without_blanks(model: ReportModel) -> bytes:
    """A generated report's grids flattened the way a scraper prints a page whose blank cells hold nothing."""
    return flatten(read_source("report.txt", render(model, "text")), BLANKS["none"]).encode("utf-8")


def test_one_number_printed_twice_is_natural_person_and_total_where_blanks_print_nothing() -> None:
    """2626 in a row of seven cells on a page whose blank cells print nothing: too few digits for seven cells, so
    the blanks were dropped; one number twice is 自然人 and 总计, as a pipe text's equal pair, at PAIR_CONFIDENCE."""
    model = _report(2022, seed=3)
    blank_zero_orgs(model.cells)
    pairs = [row for row in {k.rsplit(".", 1)[0] for k in model.cells if k.startswith("requests.")}
             if model.cells[f"{row}.commercial_enterprise"] is None]
    assert pairs
    report = audit("report.concat.txt", _glued_without_blanks(model))
    assert report.format == "text-concat"
    wrong = {k: (c.value, model.cells.get(k)) for k, c in report.cells.items() if c.value != model.cells.get(k)}
    assert wrong == {}
    for row in pairs:
        cell = report.cells[f"{row}.natural_person"]
        assert cell.value == report.cells[f"{row}.total"].value and cell.confidence == PAIR_CONFIDENCE
        assert report.cells[f"{row}.other_org"].value is None


def test_a_pair_the_column_identities_refuse_stays_unread() -> None:
    """商业企业 5 and 总计 5 with 自然人 blank print 55 as 自然人 5 and 总计 5 would: the column sums (三（七） =
    Σ 三（一）…（六）, 一＋二＝三（七）＋四) then fail for 自然人, and the pair is not believed."""
    model = _report(2022, seed=3)
    blank_zero_orgs(model.cells)
    row = "requests.result.withheld.state_secret"
    model.cells.update({f"{row}.{c}": None for c in ("natural_person", "research_institution", "social_welfare_org",
                                                       "legal_service_org", "other_org")})
    model.cells.update({f"{row}.commercial_enterprise": 5, f"{row}.total": 5})
    for total_row in ("requests.result.total", "requests.new"):
        for c in ("commercial_enterprise", "total"):
            model.cells[f"{total_row}.{c}"] = (model.cells[f"{total_row}.{c}"] or 0) + 5
    report = audit("report.concat.txt", _glued_without_blanks(model))
    assert f"{row}.natural_person" not in report.cells
    assert {k: c.value for k, c in report.cells.items() if c.value != model.cells.get(k)} == {}
