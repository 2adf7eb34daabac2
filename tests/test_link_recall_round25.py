"""Links the twenty-fifth recall round found missing on the tuned pages, each checked on wordings written for these
tests, with near-misses that must stay unlinked."""
from __future__ import annotations

from pathlib import Path

import pytest

from one_sentence import linked


# The 2019 format's procurement projects may be counted as purchases made (项目数量0次) and named as the procurement's
# own items (集中采购事项7项): both are the row's project count.
@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度政府集中采购项目数量2次。", [(2, "active.procurement.projects")]),
    ("全年公开政府集中采购事项5项。", [(5, "active.procurement.projects")]),
    ("集中采购事项共12项，采购总金额30万元。", [(12, "active.procurement.projects"), (30, "active.procurement.amount")]),
])
def test_procurement_projects_counted_as_purchases_or_as_its_items(tmp_path: Path, sentence: str,
                                                                   links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence, year=2019) == links


@pytest.mark.parametrize(("sentence", "year"), [
    ("组织政府集中采购培训3次。", 2019),  # trainings held
    ("梳理集中采购事项清单6项。", 2019),  # a list of items
    ("本年度政府集中采购项目数量2次。", 2023),  # a later format counts no procurement
])
def test_procurement_trainings_lists_or_a_later_formats_purchases_are_not_linked(tmp_path: Path, sentence: str,
                                                                                  year: int) -> None:
    assert linked(tmp_path, sentence, year=year) == []


# In the 2019 format, 发布 governing a document's word (共发布规章12件,规范性文件300件) counts the documents newly
# published, for each document named after it in the sentence.
@pytest.mark.parametrize(("sentence", "links"), [
    ("2019年，全市共发布规章3件，规范性文件120件。",
     [(3, "active.rules.new_published"), (120, "active.normative_docs.new_published")]),
    ("本年度我委发布行政规范性文件6件。", [(6, "active.normative_docs.new_published")]),
])
def test_documents_published_in_the_2019_format_are_its_new_published(tmp_path: Path, sentence: str,
                                                                       links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence, year=2019) == links


@pytest.mark.parametrize(("sentence", "year"), [
    ("规章和规范性文件相关信息发布13条，公开现行规范性文件41个。", 2019),  # items about them published, then those in force
    ("发布规范性文件解读5篇。", 2019),  # their readings
    ("本年度发布规范性文件2件。", 2022),  # a later format: 发布 may post old ones
])
def test_publishing_not_governing_the_document_or_in_a_later_format_links_no_new_published(
        tmp_path: Path, sentence: str, year: int) -> None:
    assert [m for _, m in linked(tmp_path, sentence, year=year) if m.endswith("new_published")] == []


# A respective word right before a list of figures (分别为X、Y和Z) after a list of as many subjects hands each figure to
# its own subject, in order, when that subject alone reads as one metric.
@pytest.mark.parametrize(("sentence", "links"), [
    ("本年度行政许可、行政处罚、行政强制决定数量分别为120件、45件和3件。",
     [(120, "active.licensing.decisions"), (45, "active.penalty.decisions"), (3, "active.coercion.decisions")]),
    ("共收到申请15件，其中予以公开、部分公开、不予公开分别为6件、4件、5件。",
     [(15, "requests.new.total"), (6, "requests.result.disclosed.total"),
      (4, "requests.result.partially_disclosed.total"), (5, "requests.result.withheld.subtotal.total")]),
    ("全年行政复议、行政诉讼分別為3件、2件。", [(3, "review.total"), (2, "litigation.total")]),
])
def test_a_respective_list_hands_each_figure_to_its_subject_in_order(tmp_path: Path, sentence: str,
                                                                      links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "本年度行政许可、行政处罚、行政强制决定数量分别为120件、45件。",  # the lists differ in length
    "行政复议、行政诉讼和信访分别为3件、2件。",
    "收到、办结信箱来信分别为12件和10件。",  # general verbs: whose object is shared is not read
    "区人社局、区住建局分别受理申请20件、15件。",  # bodies, each with the count of the verb after them
])
def test_respective_lists_of_other_lengths_or_of_general_verbs_or_bodies_are_not_read_in_order(
        tmp_path: Path, sentence: str) -> None:
    assert [m for _, m in linked(tmp_path, sentence)
            if m in ("active.licensing.decisions", "active.penalty.decisions", "review.total", "litigation.total",
                     "requests.new.total", "requests.result.total.total")] == []


# A span of one year before 以来 (一年以来) is the year reported on, as 今年以来 is: its counts are the year's.
@pytest.mark.parametrize(("sentence", "links"), [
    ("一年以来，本局共受理政府信息公开申请8件。", [(8, "requests.new.total")]),
    ("这一年以来，全镇收到申请5件，均已办结5件。", [(5, "requests.new.total"), (5, "requests.result.total.total")]),
])
def test_counts_over_a_span_of_one_year_are_the_years(tmp_path: Path, sentence: str,
                                                      links: list[tuple[float, str]]) -> None:
    assert linked(tmp_path, sentence) == links


@pytest.mark.parametrize("sentence", [
    "上一年以来，本局共受理政府信息公开申请8件。",  # from the year before on
    "三年以来，本局共受理政府信息公开申请8件。",  # several years
    "第一年以来，本局共受理政府信息公开申请8件。",
])
def test_counts_since_another_year_or_over_several_stay_unlinked(tmp_path: Path, sentence: str) -> None:
    assert linked(tmp_path, sentence) == []
