"""Classes found on the twelfth round's fresh pages (rn12b), each checked on reports written for these tests: the
wording the audit missed beside the one that still reads as before."""
from __future__ import annotations

from pathlib import Path

from extraction.pipeline import audit
from one_sentence import linked

SYNTHETIC = Path(__file__).resolve().parent.parent / "corpus" / "synthetic"
PROSE_UNDER_TABLE_HEADINGS = (
    "某县水利局2023年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "本年度我局认真落实政务公开各项要求。\n"
    "二、主动公开政府信息情况\n"
    "全年主动公开政府信息85条，其中政策文件12条。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "本年度共收到政府信息公开申请6件，均已按时答复。\n"
    "五、存在的主要问题及改进情况\n"
    "无。\n"
)


def test_prose_under_the_table_headings_of_a_page_without_tables_is_read(tmp_path: Path) -> None:
    # a page that tells 表二 and 表三 in sentences under their headings, no table read anywhere: no table stands for
    # those sections, so their figures are the page's claims
    path = tmp_path / "report.txt"
    path.write_text(PROSE_UNDER_TABLE_HEADINGS, encoding="utf-8")
    mentions = [(m.section, m.value, m.metric) for m in audit(path).mentions]
    assert ("二", 85, None) in mentions and ("二", 12, None) in mentions
    assert ("三", 6, "requests.new.total") in mentions


def test_prose_under_a_heading_whose_table_was_read_stays_unread(tmp_path: Path) -> None:
    # where the tables were read they stand for their sections, as before: a sentence printed above 表二 is no
    # narrative claim of its own
    lines = (SYNTHETIC / "synth_2_004.txt").read_text(encoding="utf-8").splitlines()
    heading = lines.index("二、主动公开政府信息情况")
    lines.insert(heading + 1, "全年主动公开政府信息8531条。")
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = audit(path)
    assert report.cells
    assert all(m.section not in ("二", "三", "四") for m in report.mentions)
    assert 8531 not in [m.value for m in report.mentions]


def test_an_answered_count_after_a_hotline_or_mailbox_caseload_is_that_caseload(tmp_path: Path) -> None:
    # a clause counting another business the body handles (a hotline's cases, a mailbox's letters), its figure
    # unlinked, is what a bare 办结 after it goes on with: no second count of the requests named before
    assert linked(tmp_path, "全年受理依申请公开3件，12345热线转办件56件，办结56件。") == [(3, "requests.new.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请5件，领导信箱来信20件，已全部办结20件。") == [
        (5, "requests.new.total")]
    assert linked(tmp_path, "全年收到政府信息公开申请2件，政务窗口办理群众办件5361件，已办结5361件。") == [
        (2, "requests.new.total")]
    assert linked(tmp_path, "全年受理政府信息公开申请2件，全年受理审批服务事项3200件，按时办结3200件。") == [
        (2, "requests.new.total")]


def test_an_answered_count_after_a_channel_of_the_requests_still_reads(tmp_path: Path) -> None:
    # a channel the requests came by (其中通过信箱收到1件) or a clause naming the requests themselves is no other
    # business: the answered count after it is the requests', as before
    assert linked(tmp_path, "全年收到政府信息公开申请3件，其中通过信箱收到1件，办结3件。") == [
        (3, "requests.new.total"), (3, "requests.result.total.total")]
    assert linked(tmp_path, "收到政府信息公开申请12件，办结12件。") == [
        (12, "requests.new.total"), (12, "requests.result.total.total")]
    assert linked(tmp_path, "全年受理依申请公开办件3件，办结3件。") == [
        (3, "requests.new.total"), (3, "requests.result.total.total")]


def test_requests_received_on_site_are_a_channel_of_them(tmp_path: Path) -> None:
    # the on-site channel named apart from its verb (通过现场方式受理) counts some of the requests, like 现场办理 and
    # 网上申请: no second total
    assert linked(tmp_path, "全年收到政府信息公开申请5件。通过现场方式受理2件，通过网络方式受理3件。") == [
        (5, "requests.new.total")]
    # ... and the year's total around it still reads
    assert linked(tmp_path, "全年收到政府信息公开申请5件，现场申请2件，网上申请3件。") == [(5, "requests.new.total")]


def test_a_handled_count_holding_requests_carried_forward_is_no_answered_count(tmp_path: Path) -> None:
    # a parenthesis right after 办理…N件 naming some carried on into the next year: N is all the year had on hand,
    # not the answered (the table's 办结 is N less those)
    assert linked(tmp_path, "全年办理政府信息公开申请96宗（结转下年度继续办理1宗），均按时答复。") == [
        (96, "requests.handled_pool.total"), (1, "requests.carried_forward.total")]
    # ... while the carry-in parenthesis and an answered count with its own carry read as before
    assert linked(tmp_path, "共办理政府信息公开申请114件（含上年结转18件），办结113件。") == [
        (114, "requests.handled_pool.total"), (18, "requests.carried_over.total"), (113, "requests.result.total.total")]
    assert linked(tmp_path, "收到申请10件，办结8件（结转下年度2件）。") == [
        (10, "requests.new.total"), (8, "requests.result.total.total"), (2, "requests.carried_forward.total")]
