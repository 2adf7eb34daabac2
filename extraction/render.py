"""Human views of a Report: a terminal text view and a Markdown page (summary card + findings)."""
from __future__ import annotations

from extraction.report import Finding, Report
from extraction.spec import cell_name, load_spec

SEVERITY_CN = {"error": "错误", "warning": "提示"}
RULE_CN = {
    "narrative_vs_table": "正文与表格不符", "narrative_parts_sum": "正文分项之和与总数不符", "table_identity": "表内勾稽关系不符",
    "layout_ambiguous": "表格排列有两种读法", "template_deviation": "表格偏离国家模板", "cross_year": "与上年度数据不衔接",
    "narrative_reuse": "正文大段沿用上年",
}
VERDICT_CN = {"match": "与表格一致", "mismatch": "与表格不符", "unverified": "表格未填", "unlinked": "未对应表格"}
ERROR_CN = {
    "empty": "空文件", "too_large": "文件过大", "unknown_format": "格式不支持", "corrupt": "文件损坏", "unreadable": "无法打开",
    "no_text_layer": "没有文字层", "unmapped_font": "字体无法映射", "ocr_unavailable": "未安装 OCR 组件", "not_a_report": "不是年度报告",
    "pages_without_text": "部分页面没有文字层", "tables_missing": "表格未读到", "rows_unread": "表格行未读", "cells_unread": "单元格未读",
    "ocr_page_limit": "超出 OCR 页数上限的页未读",
    "ocr_corrected": "图片识别数字已按勾稽关系更正", "ocr_doubtful": "图片识别数字存疑",
    "timeout": "审核超时", "memory_limit": "超出内存上限", "bad_archive": "压缩包无法读取",
}
STATUS_CN = {"complete": "完整核对", "partial": "部分核对", "unreadable": "无法读取"}
NOTHING_FOUND = {"complete": "未发现矛盾。", "partial": "已读到的部分未发现矛盾；部分核对：有表格或行未读到（见上），其数字未核对。"}
RATE_CN = {"disclosure_rate": "公开率（予以公开＋部分公开）/办理总数", "review_correction_rate": "行政复议纠错率",
           "litigation_correction_rate": "行政诉讼纠错率", "carry_forward_share": "结转下年度占比"}
FIGURE_CN = {
    "requests.new.total": "本年新收申请", "requests.carried_over.total": "上年结转", "requests.handled_pool.total": "收办总数（一＋二）",
    "requests.result.total.total": "办理结果总计", "requests.result.disclosed.total": "予以公开",
    "requests.result.partially_disclosed.total": "部分公开", "requests.carried_forward.total": "结转下年度",
    "review.total": "行政复议", "review.corrected": "复议纠正", "litigation.total": "行政诉讼", "litigation.corrected": "诉讼纠正",
    "active.normative_docs.issued": "制发行政规范性文件", "active.normative_docs.in_force": "现行有效规范性文件",
    "active.licensing.decisions": "行政许可决定", "active.penalty.decisions": "行政处罚决定",
    "active.admin_fees.amount_wan_yuan": "行政事业性收费（万元）",
}


def metric_cn(key: str, template: str | None) -> str:
    """Given a metric key and the report's template version, return its Chinese name (the key when it has none)."""
    spec = load_spec()
    if key in spec.metric_names:
        return spec.metric_names[key]
    version = spec.versions.get(template or "") or spec.versions[spec.version_for_year(None)]
    cell = version.cells.get(key)
    return cell_name(cell) if cell is not None else key


def named(names: dict[str, str], code: str) -> str:
    """Given a table of Chinese names and an id, return 中文名（id）, or the id alone when it has no name."""
    return f"{names[code]}（{code}）" if code in names else code


def _where(e: dict) -> str:
    parts = []
    if "location" in e:
        parts.append(e["location"])
    if "page" in e:
        parts.append(f"第{e['page']}页")
    if "line" in e:
        parts.append(f"第{e['line']}行")
    if "address" in e and "line" not in e:
        parts.append(e["address"])
    return " · ".join(parts)


def _evidence_lines(f: Finding) -> list[str]:
    lines = []
    for e in f.evidence:
        if "quote" in e:
            lines.append(f"「{e['quote']}」 {_where(e)}")
        elif "cell" in e:
            lines.append(f"{_where(e)} = {e.get('raw', '')!s}")
    return lines


def _header(report: Report) -> str:
    who = report.agency or "（未识别机构）"
    year = f"{report.report_year}年" if report.report_year else "（年份未识别）"
    return f"{report.path}: {who} {year} 政府信息公开工作年度报告 [{report.template or '?'}; {report.format}; {STATUS_CN[report.status]}]"


def render_text(report: Report) -> str:
    """Given a Report, return the terminal view: findings by severity with locations and quoted sentences."""
    out = [_header(report)]
    for e in report.errors:
        out.append(f"  ! {named(ERROR_CN, e.code)}：{e.message}")
    if report.unreadable:
        return "\n".join(out)
    if not report.findings:
        out.append(f"  {NOTHING_FOUND[report.status]}")
    for f in report.findings:
        out.append(f"  [{SEVERITY_CN[f.severity]}] {named(RULE_CN, f.rule)}：{f.message}")
        out.extend(f"      {line}" for line in _evidence_lines(f))
    linked = sum(1 for m in report.mentions if m.metric)
    out.append(f"  单元格 {len(report.cells)} 个；正文数字 {len(report.mentions)} 个（其中 {linked} 个对应表格）")
    return "\n".join(out)


def render_markdown(report: Report) -> str:
    """Given a Report, return a Markdown page: summary card, rates, section 五 points, findings, mentions."""
    out = [f"# {report.agency or '（未识别机构）'} {report.report_year or ''}年政府信息公开工作年度报告 — 审核结果", ""]
    out.append(f"文件 `{report.path}` · 格式 {report.format} · 模板 {report.template or '?'} · 发布日期 {report.published or '未印'}"
               f" · **{STATUS_CN[report.status]}**")
    out.append("")
    for e in report.errors:
        out.append(f"> **{named(ERROR_CN, e.code)}**：{e.message}")
    if report.unreadable:
        return "\n".join(out) + "\n"
    summary = report.summary
    out += ["## 关键数字", "", "| 项目 | 表格 | 正文 |", "|---|---:|---:|"]
    for key, label in FIGURE_CN.items():
        table = summary.get("figures", {}).get(key)
        text = summary.get("narrative_figures", {}).get(key)
        if table is not None or text is not None:
            out.append(f"| {label} | {'' if table is None else table} | {'' if text is None else text} |")
    if summary.get("rates"):
        out += ["", "## 比率", ""]
        out += [f"- {RATE_CN[k]}：{v:.1%}" for k, v in summary["rates"].items()]
    if summary.get("problems_and_measures"):
        out += ["", "## 存在的主要问题及改进情况（要点）", ""]
        out += [f"- {p}" for p in summary["problems_and_measures"]]
    out += ["", f"## 发现的问题（{len(report.findings)}）", ""]
    if not report.findings:
        out.append(NOTHING_FOUND[report.status])
    for f in report.findings:
        out.append(f"- **{SEVERITY_CN[f.severity]} · {named(RULE_CN, f.rule)}** — {f.message}")
        out += [f"  - {line}" for line in _evidence_lines(f)]
    out += ["", "## 正文数字", "", "| 节 | 原文 | 数值 | 对应 | 结论 |", "|---|---|---:|---|---|"]
    for m in report.mentions:
        metric = metric_cn(m.metric, report.template) if m.metric else ""
        out.append(f"| {m.section} | {m.quote} | {m.value}{m.unit} | {metric} | {VERDICT_CN.get(m.verdict, m.verdict)} |")
    return "\n".join(out) + "\n"
