"""The text real converters make of a report (issue 9): the converter mutations run on real and labeled reports
(skipping with a reason when the `converters` extra or ../shared is absent), and the reader rules built for what those
tools print, each on a document generated here."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from evaluation.content import Content, Table, content_of, has_number, mentions_text
from evaluation.mutations import MUTATIONS, TOOLS, markdown_heading, missing_tool, plain, text_lines, as_text
from evaluation.robustness import MISSING, check_document
from evaluation.run import load_gold
from extraction.ingest import read_source
from extraction.ingest.text import guessed_columns, read_text
from extraction.pipeline import audit
from extraction.spec import load_spec
from extraction.tables import _review_part, parse_tables

from conftest import REAL, SEED

CONVERTERS = [*TOOLS, "pdfplumber-text", "pdfplumber-layout"]


def cells_of(path: Path, data: bytes | None = None) -> dict[str, object]:
    return {k: c.value for k, c in audit(path, data).cells.items()}


@pytest.mark.parametrize("mutation", CONVERTERS)
def test_converter_mutation_reads_no_cell_wrong(mutation: str) -> None:
    """Every real converter's text of the seed and of a real report is audited: no cell read differently from the
    original, no table_identity error the original lacks (cells left unread are allowed)."""
    if (why := missing_tool(mutation)) is not None:
        pytest.skip(why)
    documents = [SEED] + ([REAL / "pingtan_2021.html"] if REAL.is_dir() else [])
    for document in documents:
        comparisons, skipped, notes = check_document(document, load_gold(document), [mutation])
        assert notes == [] and len(comparisons) + len(skipped) == 1, notes
        for c in comparisons:
            wrong = [d.line() for d in c.differences if d.kind == "cell" and d.variant is not MISSING]
            assert wrong == [] and c.false_table_errors == 0, (document.name, wrong)

def clustered_row(texts: list[str], rng: random.Random) -> list[str]:
    """Given a row's cell texts, return them as a converter that guesses columns from word positions prints them:
    some neighbouring numbers in one cell (51 1), empty padding cells among them, blanks not printed."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        if out and out[-1].replace(" ", "").isdigit() and text.isdigit() and rng.random() < 0.3:
            out[-1] += " " + text
            continue
        out += [""] * rng.randint(0, 2) + [text]
    return out


def clustered_table(table: Table, rng: random.Random) -> list[str]:
    """Given a table, return it as markdown rows whose columns were guessed: header labels cut into pieces side by
    side (自然 商), numbers clustered, every row its own width."""
    lines: list[str] = []
    for row in table.rows:
        texts = [plain(t) if t is not None else "" for t in row]
        if not any(t.isdigit() for t in texts):
            texts = [" ".join(t[i:i + 2] for i in range(0, len(t), 2)) if 2 < len(t) <= 6 else t for t in texts]
        lines.append("| " + " | ".join(clustered_row(texts, rng)) + " |")
        if len(lines) == 1:
            lines.append("| --- |")
    return lines + [""]


def test_columns_guessed_from_word_positions_read_by_printed_values() -> None:
    """A markdown file whose table columns a converter guessed from word positions (numbers two to a cell, padding
    cells, header words in pieces) reads every cell as the report does, or leaves it unread; never another value."""
    content = content_of(read_source(SEED))
    rng = random.Random(9)
    lines = text_lines(content, lambda t: clustered_table(t, rng), markdown_heading)
    data = as_text(lines, "md").data
    assert guessed_columns(data.decode("utf-8").split("\n"))
    original, variant = cells_of(SEED), cells_of(Path("seed.md"), data)
    assert {k: v for k, v in variant.items() if k in original and original[k] != v} == {}
    assert set(variant) <= set(original)
    assert len(variant) >= len(original) // 2  # rows that print every cell are read


def test_two_numbers_in_one_pipe_cell_are_two_cells_not_one_number() -> None:
    text = ("| 信息 | 自然人 | 总计 |\n| --- | --- | --- |\n"
            "| 一、本年新收政府信息公开申请数量 | 51 1 | 0 0 | 0 | 1 | 53 |\n").encode("utf-8")
    source = read_text(Path("r.md"), text, "0")
    row = source.tables[0].rows[-1]
    assert [c.text for c in row if c is not None][1:] == ["51", "1", "0", "0", "0", "1", "53"]
    assert not source.tables[0].positional


def test_a_label_spaced_for_width_does_not_mark_guessed_columns() -> None:
    lines = ["| 项目 | 总 计 |", "| --- | --- |", "| 合 计 | 5 |"]
    assert not guessed_columns(lines)


def test_a_caption_naming_both_review_and_litigation_heads_the_whole_table() -> None:
    spec = load_spec()
    assert _review_part("四、政府信息公开行政复议、行政诉讼情况", spec) is None
    assert _review_part("### 行政复议", spec) == tuple(c["key"] for c in spec.review_litigation_columns[:5])


def test_header_wrapped_over_two_lines_without_positions_names_no_columns() -> None:
    """A 表二 header whose cells wrap over two lines (本年新 / 制作数量), in a table that keeps no positions, says
    nothing of its columns' order: its rows are read by the group's columns, two equal numbers stay two cells."""
    text = "\n".join(["第二十条第（一）项", "信息内容        本年新      本年新      对外公开总数量",
                      "            制作数量     公开数量", "规章          13       13       524",
                      "规范性文件       60       60       368", "行政许可 5 5 5"]).encode("utf-8")
    source = read_text(Path("r.txt"), text, "0")
    assert not any(t.positional for t in source.tables)
    cells = parse_tables(source.tables, 2019).cells
    assert [cells[f"active.rules.{k}"].value for k in ("new_made", "new_published", "total_published")] == [13, 13, 524]


def test_header_of_the_table_above_does_not_place_another_groups_values() -> None:
    """A 表二 row whose own header was printed as prose (信息内容 本年收费金额 above a pipe table) is read by its
    group's columns, not under the header left from the table above (处理决定数量)."""
    text = "\n".join(["| 信息内容 | 本年处理决定数量 |", "| --- | --- |", "| 行政处罚 | 12 |", "",
                      "信息内容 本年收费金额（单位：万元）", "| 行政事业性收费 | 7730.28 |", "| --- | --- |"]).encode("utf-8")
    cells = parse_tables(read_text(Path("r.md"), text, "0").tables, 2023).cells
    assert cells["active.penalty.decisions"].value == 12
    assert cells["active.admin_fees.amount_wan_yuan"].value == 7730.28
    assert "active.admin_fees.decisions" not in cells


def cell_lines(content: Content, blank: str) -> bytes:
    """Given content, return it as a scraper stores a page (every paragraph and table cell on a line of its own,
    blank lines between them, a blank cell as `blank`, 表四's header printed one character a line)."""
    lines: list[str] = []
    for block in content.blocks:
        if isinstance(block, str):
            lines += [block, ""]
            continue
        vertical = mentions_text(block, "行政复议")
        for row in block.rows:
            heads = vertical and not has_number(row)
            for text in row:
                if text is None:
                    continue
                cell = plain(text)
                lines += (list(cell) if heads else [cell or blank]) + [""]
    return "\n".join(lines).encode("utf-8")


@pytest.mark.parametrize("blank", ["", "\xa0"])
def test_one_cell_a_line_reads_the_rows_by_their_labels(blank: str) -> None:
    """A page stored one cell a line (BeautifulSoup's get_text("\\n"), docx2txt) reads each row as the label right
    before its values; blank cells cannot be placed, so rows that print all their cells are read and no cell is
    read wrong."""
    content = content_of(read_source(SEED))
    data = cell_lines(content, blank)
    assert read_text(Path("seed.txt"), data, "0").format == "text-lines"
    original, variant = cells_of(SEED), cells_of(Path("seed.txt"), data)
    assert {k: v for k, v in variant.items() if original.get(k, "absent") != v} == {}
    assert len(variant) >= 0.9 * len(original)
    assert all(key in variant for key in original if key.startswith(("review.", "litigation.")))


def test_a_pdf_librarys_text_boxes_are_not_one_cell_a_line() -> None:
    """Labels printed as one run and numbers as another (pdfminer's text boxes) stay text-blocks."""
    labels = [f"{n}.属于第{n}类情形" for n in range(1, 9)]
    values = [str(n) for n in range(8 * 7)]
    data = "\n".join(["表三", *labels, "", *values]).encode("utf-8")
    assert read_text(Path("r.txt"), data, "0").format == "text-blocks"


def test_partial_header_does_not_place_a_row_printing_every_column() -> None:
    """A 表二 header read in part (its cells wrapped over lines by html2text) names fewer columns than the row prints:
    the row is read by its group's columns."""
    text = "\n".join(["第二十条第（一）项", "信息内容| 本年新", "制作数量| 本年新", "公开数量| 对外公开总数量",
                      "规章| 13| 13| 524", "规范性文件| 60| 60| 368"]).encode("utf-8")
    parsed = parse_tables(read_text(Path("r.txt"), text, "0").tables, 2019)
    assert [parsed.cells[f"active.rules.{k}"].value for k in ("new_made", "new_published", "total_published")] == [13, 13, 524]
    assert not [d for d in parsed.deviations if d.row.startswith("active.")]


def borderless(content: Content) -> bytes:
    """Given content, return it as html2text prints tables: `a| b| c`, no border pipes, a blank cell as spaces, a
    header separator `---|---` under the first row."""
    def rows(table: Table) -> list[str]:
        lines = ["| ".join(plain(t) if t else " " for t in row if t is not None) for row in table.rows]
        return lines[:1] + ["---|---"] + lines[1:] + [""]
    return as_text(text_lines(content, rows), "md").data


def test_borderless_rows_keep_their_empty_last_cell() -> None:
    """A borderless row ending in a pipe (its last cell blank) keeps that cell: the row's values stay in place."""
    grid = ((("信息", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"),
             ("一、本年新收政府信息公开申请数量", "5", "1", "", "", "", "", "6"),
             ("（一）予以公开", "3", "1", "", "", "", "1", "")))
    data = borderless(Content("", (Table(grid),)))
    assert data.decode("utf-8").split("\n")[3].endswith("|  ")
    cells = parse_tables(read_text(Path("r.md"), data, "0").tables, 2023).cells
    assert cells["requests.result.disclosed.other_org"].value == 1
    assert cells["requests.result.disclosed.total"].value is None



def seed_markdown_row(start: str) -> tuple[str, str, list[str]]:
    """Given the start of a 表三 row's line in the seed as markdown, return that markdown, the row's line and its numbers."""
    text = MUTATIONS["markdown-converter"](content_of(read_source(SEED))).data.decode()
    line = next(x for x in text.splitlines() if x.startswith(start))
    return text, line, [c.strip() for c in line.strip().strip("|").split("|") if c.strip().isdigit()]


def wrapped_row(head: str, labels: list[str], numbers: list[str], tail: str, pieces: tuple[str, str]) -> str:
    """Given a row's label pieces, the labels and numbers its own table prints and the two pieces of the digits a
    narrow column wrapped, return the row as a PDF converter prints it: a label's first line with the first piece,
    a one-row table, the label's last line with the other piece."""
    return "\n".join([f"{head} {pieces[0]}".strip(), "| " + " | ".join([*labels, "", *numbers]) + " |",
                      "| " + " | ".join(["---"] * (len(labels) + 1 + len(numbers))) + " |", f"{tail} {pieces[1]}".strip()])


def test_a_group_label_wrapped_around_a_row_printing_its_own_places_the_row() -> None:
    """三、本年度办理结 1 / | （一）予以公开 | 164 3 0 0 0 0 | / 果 67: the group's label is cut around the row, whose own
    label places it; the total's pieces join where the parts add up."""
    text, line, numbers = seed_markdown_row("| 三、本年度办理结果 | （一）予以公开 |")
    total = numbers[-1]
    variant = text.replace(line, wrapped_row("三、本年度办理结", ["（一）予以公开"], numbers[:-1], "果", (total[:1], total[1:])))
    original = {k: v for k, v in cells_of(SEED).items() if k.startswith("requests.result.disclosed.")}
    read = cells_of(Path("wrapped.md"), variant.encode())
    assert original and {k: read.get(k) for k in original} == original


@pytest.mark.parametrize("other", ["13", "208"])
def test_a_narrow_other_column_wrapped_around_its_row_joins_as_the_last_part(other: str) -> None:
    """一、本年新收政府 1 / | 500 11 0 2 0 526 | / 信息公开申请数量 3: the pieces are the 其他 part's digits, the row's last
    printed number its total; joined only as the reading under which the parts add to the total."""
    text, line, numbers = seed_markdown_row("| 一、本年新收政府信息公开申请数量 |")
    parts = [*numbers[:5], other]
    total = str(sum(map(int, parts)))
    variant = text.replace(line, wrapped_row("一、本年新收政府", [], [*numbers[:5], total], "信息公开申请数量",
                                             (other[:1], other[1:])))
    read = cells_of(Path("wrapped.md"), variant.encode())
    assert read.get("requests.new.other_org") == int(other) and read.get("requests.new.total") == int(total)


def wrapped_total_markdown(prefix: str, label: str, cut: int, total: str | None = None) -> bytes:
    """Given the pipe row's label prefix and full label, where to cut the label and (optionally) the total to print,
    return the seed report as markdown with that 表三 row printed as a PDF converter prints a row whose narrow 总计
    column wrapped: the label's first line with the total's first digit, a one-row table of the other numbers, the
    label's last line with the total's other digits."""
    text = MUTATIONS["markdown-converter"](content_of(read_source(SEED))).data.decode()
    line = next(x for x in text.splitlines() if x.startswith(prefix + label))
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    numbers = [c for c in cells if c.isdigit()]
    printed = total or numbers[-1]
    wrapped = "\n".join([f"{label[:cut]} {printed[:1]}", "| " + " | ".join(["", *numbers[:-1]]) + " |",
                         "| " + " | ".join(["---"] * len(numbers)) + " |", f"{label[cut:]} {printed[1:]}"])
    return text.replace(line, wrapped).encode()


@pytest.mark.parametrize("cut", [3, 6, 9])
def test_a_total_wrapped_around_its_row_split_into_tables_is_joined_where_the_parts_add_up(cut: int) -> None:
    """A converter that cuts a row whose 总计 wrapped into a piece above, a one-row table and a piece below reads the
    row whole; where the joined total does not add up the row is left unread, never read wrong."""
    original = cells_of(SEED)
    label = "一、本年新收政府信息公开申请数量"
    row = {k: v for k, v in original.items() if k.startswith("requests.new.")}
    assert row and all(v is not None for v in row.values())
    read = cells_of(Path("wrapped.md"), wrapped_total_markdown("| ", label, cut))
    assert {k: read.get(k) for k in row} == row
    total = str(row["requests.new.total"])
    wrong = total[:1] + str((int(total[1:]) + 1) % 10 ** (len(total) - 1)).zfill(len(total) - 1)
    result = audit(Path("wrapped.md"), wrapped_total_markdown("| ", label, cut, wrong))
    assert all(result.cells[k].value in (None, row[k]) for k in row if k in result.cells)
    assert not any(f.rule == "table_identity" and f.severity == "error" for f in result.findings)


@pytest.mark.parametrize("pieces_in_pipes", [False, True])
def test_a_total_wrapped_inside_a_rows_bracketed_note_is_joined(pieces_in_pipes: bool) -> None:
    """（二）部分公开（ / 区分处理的，只计 10 / | 96 5 0 0 0 0 | / 这一情形，不计其 1 / 他情形）: the note's commas make no
    sentence of its lines, and the label lines above the pieces name the row (the pieces printed as lines, or as
    rows of the converter's table)."""
    text, line, numbers = seed_markdown_row("|  | （二）部分公开（")
    total = numbers[-1]
    if pieces_in_pipes:
        rows = [f"| 区分处理的，只计 |  | {total[:2]} |", "| --- | --- | --- |", "| | | " + " | ".join(numbers[:-1]) + " |",
                f"| 这一情形，不计其 |  | {total[2:]} |"]
    else:
        rows = [wrapped_row("区分处理的，只计", [], numbers[:-1], "这一情形，不计其", (total[:2], total[2:]))]
    variant = text.replace(line, "\n".join(["（二）部分公开（", *rows, "他情形）"]))
    original = {k: v for k, v in cells_of(SEED).items() if k.startswith("requests.result.partially_disclosed.")}
    read = cells_of(Path("wrapped.md"), variant.encode())
    assert original and {k: read.get(k) for k in original} == original


def test_a_numbered_row_printed_as_a_label_number_line_is_read() -> None:
    """A converter that prints a 表三 row as a line of its label and numbers (3.其他 77 8 1 1 6 1 94): the label's
    own numbering is no number of the row."""
    text, line, numbers = seed_markdown_row("|  |  | 3.其他 |")
    variant = text.replace(line, "3.其他 " + " ".join(numbers))
    original = {k: v for k, v in cells_of(SEED).items() if k.startswith("requests.result.other.other.")}
    read = cells_of(Path("numbered.md"), variant.encode())
    assert original and {k: read.get(k) for k in original} == original
