

def test_a_label_wrapped_over_lines_above_a_converters_table_names_its_row() -> None:
    """MarkItDown prints a narrow label column's lines as prose above and below a table of the row's numbers, the
    group's label (（六）其他处理) in the row beside them: the lines right above name the row (1.申请人无正当理 /
    由逾期不补正、行), never the 2019 row the group's label names."""
    lines = ["| 信息 | 自然人 | 总计 |", "| --- | --- | --- |", "| 一、本年新收政府信息公开申请数量 | 6 | 6 |", "",
             "1.申请人无正当理", "由逾期不补正、行", "|     | （六）其他处理 | 6 | 0 0 | 0 0 | 0 6 |",
             "| --- | --- | --- | --- | --- | --- |", "政机关不再处理其", "政府信息公开申请", "2.申请人逾期未按", "收费通知要求缴纳",
             "|     | 费用、行政机关不 | 1 | 0 0 | 0 0 | 0 1 |", "| --- | --- | --- | --- | --- | --- |", "再处理其政府信息"]
    cells = parse_tables(read_text(Path("r.md"), "\n".join(lines).encode("utf-8"), "0").tables, 2021).cells
    assert cells["requests.result.other.no_correction.total"].value == 6
    assert cells["requests.result.other.fee_unpaid.total"].value == 1
    assert not [k for k in cells if k.startswith("requests.result.other.") and k.count(".") == 3]
