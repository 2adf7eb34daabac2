"""表三 printed with its blank cells as nothing (a PDF library's text lines, a scraper's text nodes): the rows are read
jointly by the identities (extraction/sparse.py), on reports generated here with their zero cells left blank."""
from __future__ import annotations

import random

import pytest

from evaluation.content import Table, content_of
from evaluation.mutations import as_text, grid_texts, markdown_heading, markdown_table, render_html, rewrite, text_lines
from evaluation.synth import render
from evaluation.synth.build import build_report
from evaluation.synth.names import make_agency
from extraction.ingest import read_source
from extraction.pipeline import audit
from extraction.spec import load_spec
from extraction.tables import _order_alignment


def blank_zero(text: str) -> str:
    return "" if text.strip() == "0" else text


def printed_only(table: Table) -> list[str]:
    """Given a table, return its rows as a PDF library prints them: the printed cells on one line, blanks not at all."""
    return [" ".join(text for text in row if text) for row in grid_texts(table)]


def pair(seed: int, error_rate: float = 0.0) -> tuple[dict, dict, str]:
    """Given a seed, return the cells of a generated report with its zeros blank as a page, as that report's text with
    blanks not printed, and the version."""
    year = 2020 if seed % 2 else 2022
    model = build_report(random.Random(seed), f"sparse_{seed}", make_agency(random.Random(seed)), year, error_rate)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p, blank_zero)
    page = audit("report.html", render_html(content))
    text = audit("report.txt", as_text(text_lines(content, printed_only)).data)
    assert text.format == "text-whitespace"
    return ({k: c.value for k, c in page.cells.items()}, {k: c.value for k, c in text.cells.items()}, page.template)


@pytest.mark.parametrize("seed", range(11))
def test_rows_printed_without_their_blanks_read_no_cell_wrong(seed: int) -> None:
    """Every cell read from the text is the page's; the total column and the rows printing nothing are read."""
    page, text, version = pair(seed)
    assert {k: v for k, v in text.items() if k in page and v != page[k]} == {}
    if all(v is None for k, v in page.items() if k.startswith("requests.")):
        return  # 表三 prints nothing at all: no number to place
    rows = [r.key for r in load_spec().versions[version].requests_rows]
    totals = [f"requests.{r}.total" for r in rows]
    assert all(k in text for k in totals)
    blank = [f"requests.{r}.natural_person" for r in rows if all(page[k] is None for k in page if k.startswith(f"requests.{r}."))]
    assert all(k in text for k in blank)


def test_a_table_filling_every_column_is_read_whole() -> None:
    """Where the printed rows fill every applicant column somewhere, the identities place every number."""
    page, text, _ = pair(1)
    requests = [k for k in page if k.startswith("requests.")]
    assert {page[k] for k in requests if page[k] is not None and not k.endswith(".total")}
    read = [k for k in requests if k in text]
    assert len(read) >= 0.95 * len(requests) and all(text[k] == page[k] for k in read)


@pytest.mark.parametrize("seed", [21, 22, 23, 24])
def test_broken_sums_leave_cells_unread_never_wrong(seed: int) -> None:
    """A report whose own sums are broken (errors injected) has no reading under which every identity holds: its rows
    stay unread rather than placed by a guess."""
    page, text, _ = pair(seed, error_rate=1.0)
    assert {k: v for k, v in text.items() if k.startswith("requests.") and k in page and v != page[k]} == {}


def scraped(seed: int, blank: str) -> tuple[dict, dict]:
    """Given a seed and how the page prints a blank cell, return the cells of a generated report with its zeros blank
    as a page, and as the text a scraper keeps of that page (BeautifulSoup's get_text: every text node a line)."""
    bs4 = pytest.importorskip("bs4")
    model = build_report(random.Random(seed), f"scraped_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p,
                      lambda text: blank if text.strip() in ("", "0") else text)
    html = render_html(content)
    text = bs4.BeautifulSoup(html, "lxml").get_text("\n").encode("utf-8")
    report = audit("report.txt", text)
    assert report.format == "text-lines"
    return {k: c.value for k, c in audit("report.html", html).cells.items()}, {k: c.value for k, c in report.cells.items()}


@pytest.mark.parametrize("seed", [2, 3, 8])
def test_blank_cells_printed_as_no_break_spaces_place_every_number(seed: int) -> None:
    """A page printing its blank cells as &nbsp; keeps them as lines of their own in a scraper's text: they say which
    columns each row's numbers fill, so every 表三 cell is read as the page prints it."""
    page, text = scraped(seed, "\xa0")
    requests = {k: v for k, v in page.items() if k.startswith("requests.")}
    assert {k: text.get(k, "unread") for k in requests} == requests


@pytest.mark.parametrize("seed", [2, 3, 8])
def test_blank_cells_printed_partly_place_nothing_by_them(seed: int) -> None:
    """Where some blank cells print &nbsp; and others nothing, the printed blanks do not add up to the grid: rows are
    read by the identities alone, and no cell is read wrong."""
    bs4 = pytest.importorskip("bs4")
    model = build_report(random.Random(seed), f"mixed_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    flip = random.Random(seed)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p,
                      lambda text: flip.choice(["\xa0", ""]) if text.strip() in ("", "0") else text)
    html = render_html(content)
    page = {k: c.value for k, c in audit("report.html", html).cells.items()}
    text = {k: c.value for k, c in audit("report.txt", bs4.BeautifulSoup(html, "lxml").get_text("\n").encode("utf-8")).cells.items()}
    assert {k: v for k, v in text.items() if k in page and v != page[k]} == {}


def test_a_row_placed_by_its_position_takes_the_reports_own_rows() -> None:
    """A 2021 table that lost two of its rows (三（六）2 and 3, wrapped where a converter could not read them) prints as
    many rows as 2019's: its row with an unreadable label (三（六）1 under its group's label （六）其他处理) is not
    placed on 2019's 三（六） by its position — that reading put 2019's row in a 2021 report and gave false
    T3.results_sum errors (MarkItDown on generated reports)."""
    spec = load_spec()
    v2021 = [r.key for r in spec.versions["v2021"].requests_rows]
    printed = [k for k in v2021 if k not in ("result.other.fee_unpaid", "result.other.other")]
    placed = [None if k == "result.other.no_correction" else (k, 1.0) for k in printed]
    assert len(placed) == len(spec.versions["v2019"].requests_rows)
    assert _order_alignment(placed, spec, spec.versions["v2021"]) is None
    assert _order_alignment(placed, spec, spec.versions["v2019"]) == [r.key for r in spec.versions["v2019"].requests_rows]


def test_numbers_printed_inside_a_wrapped_label_are_its_row() -> None:
    """A PDF converter prints a tall cell's numbers between the lines of its wrapped label, outside the pipe rows
    (（二）部分公开（区分处理的，只计这 / 3 / 一情形，不计其他情形）, its blank cells printing nothing): they are that
    row's numbers, placed by the identities."""
    model = build_report(random.Random(6), "inside_6", make_agency(random.Random(6)), 2022, 0.0)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p, blank_zero)
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"

    def table_lines(table: Table) -> list[str]:
        rows = grid_texts(table)
        cut = next((i for i, row in enumerate(rows) if label in row), None)
        if cut is None:
            return markdown_table(table)
        numbers = " ".join(t for t in rows[cut] if t and t != label and not t.startswith("三"))
        return markdown_table(Table(tuple(table.rows[:cut]))) + [label[:17], numbers, label[17:]] + \
            markdown_table(Table(tuple(table.rows[cut + 1:])))

    report = audit("report.md", as_text(text_lines(content, table_lines, markdown_heading, gap=False), "md").data)
    page = {k: c.value for k, c in audit("report.html", render_html(content)).cells.items()}
    row = {k: v for k, v in page.items() if k.startswith("requests.result.partially_disclosed.")}
    assert any(v is not None for v in row.values()) and any(v is None for v in row.values())
    assert {k: report.cells[k].value for k in row if k in report.cells} == row


def test_a_blank_total_over_parts_read_in_part_is_no_sum() -> None:
    """A row total left blank stands for the sum of its parts; where one part was left unread (a number no column
    could be told for), the row's total and every sum over it are unknown, not the parts read (a false 不予公开小计)."""
    from extraction.document import Where
    from extraction.tables import CellValue
    from extraction.values import TableView

    def cell(key: str, value: int | None) -> CellValue:
        return CellValue(key, value, "" if value is None else str(value), Where(line=1))

    rows = [r.key.rsplit(".", 1)[1] for r in load_spec().versions["v2021"].requests_rows if r.key.startswith("result.withheld.")]
    columns = load_spec().column_keys
    cells = {f"requests.result.withheld.{r}.{c}": cell(f"requests.result.withheld.{r}.{c}", None) for r in rows for c in columns}
    del cells["requests.result.withheld.process_info.commercial_enterprise"]  # left unread
    cells["requests.result.withheld.state_secret.natural_person"] = cell("requests.result.withheld.state_secret.natural_person", 14)
    cells["requests.result.withheld.process_info.natural_person"] = cell("requests.result.withheld.process_info.natural_person", 3)
    view = TableView(cells, load_spec(), "v2021")
    assert view.value("requests.result.withheld.state_secret.total") == 14
    assert view.value("requests.result.withheld.process_info.total") is None
    assert view.value("requests.result.withheld.subtotal.total") is None


@pytest.mark.parametrize("seed", [2, 3, 8])
def test_a_word_files_empty_paragraphs_place_every_number(seed: int) -> None:
    """docx2txt prints every cell of a Word table as a paragraph, a blank one as an empty paragraph: the empty lines
    around a row's numbers count its blank cells where they fill the grid exactly (after a row they may be the next
    row's merged cell), so most 表三 cells are read as the page prints them, none otherwise."""
    pytest.importorskip("docx2txt")
    from evaluation.mutations import docx2txt_text

    model = build_report(random.Random(seed), f"word_{seed}", make_agency(random.Random(seed)), 2022, 0.0)
    content = rewrite(content_of(read_source("report.html", render(model, "html"))), lambda p: p, blank_zero)
    page = {k: v for k, c in audit("report.html", render_html(content)).cells.items() if k.startswith("requests.")
            for v in [c.value]}
    report = audit("report.txt", docx2txt_text(content).data)
    assert report.format == "text-lines"
    read = {k: report.cells[k].value for k in page if k in report.cells}
    assert {k: v for k, v in read.items() if v != page[k]} == {} and len(read) >= 0.75 * len(page)


def test_a_2019_row_named_only_inside_a_longer_label_is_not_read_in_2021() -> None:
    """A 2021 report whose cell text reflowed around its group's label (a PDF's cells: 2.申请人逾期未按收费通知要求缴纳
    and its numbers, then （六）其他 / 处理 / 费用、…信 / 息公开申请 and a row of numbers) does not get 2019's 三（六）
    row from the label that only contains （六）其他处理: in 2021 that is a group's label, so those numbers stay unread."""
    from evaluation.mutations import soup_text

    model = build_report(random.Random(3), "group_3", make_agency(random.Random(3)), 2022, 0.0)
    lines = soup_text(content_of(read_source("report.html", render(model, "html")))).data.decode("utf-8").split("\n")
    at = lines.index("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
    values = [line for line in lines[at + 1:at + 8]]
    assert all(v.strip().isdigit() for v in values)
    lines[at:at + 8] = ["2.申请人逾期未按收费通知要求缴纳", *values, "（六）其他", "处理", "费用、行政机关不再处理其政府信", "息公开申请", *values]
    report = audit("report.txt", "\n".join(lines).encode("utf-8"))
    assert report.template == "v2021"
    assert not [k for k in report.cells if k.startswith("requests.result.other.") and k.count(".") == 3]
