"""Narrative sections 一…六 written from many phrase templates; every figure is recorded with its gold reading."""
from __future__ import annotations

import random

from evaluation.synth.model import Clause, Figure, PartsList, ReportModel, Section
from evaluation.synth.numbers import figure_quote

HEADINGS = (
    ("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"), ("五", "存在的主要问题及改进情况"), ("六", "其他需要报告的事项"),
)
CORRECTED_WORDS = ("结果纠正", "纠正", "纠错", "被纠错")
MAINTAINED_WORDS = ("结果维持", "维持")
OTHER_ALT = {"requests.result.other.total": "requests.result.other.subtotal.total",
             "requests.result.other.subtotal.total": "requests.result.other.total"}
ROADS = ("翔宇南道", "人民路", "府前路", "解放大道", "行政中心大道", "城北路")


class Writer:
    """Collects figures into the model while paragraphs are written."""

    def __init__(self, model: ReportModel, rng: random.Random):
        self.model = model
        self.rng = rng

    def fig(self, section: str, lead: str, value: int | float, unit: str, metric: str | None = None,
            accept: tuple[str, ...] = (), trail: str = "", style: str | None = None, approx: str = "", note: str = "") -> Clause:
        """Given a figure's words and reading, record it and return the clause that prints it."""
        if style is None:
            style = "cn" if isinstance(value, int) and 0 < value <= 12 and self.rng.random() < 0.2 else "digits"
        figure = Figure(section, lead, value, unit, metric, accept, trail, style, approx, self.model.spaced_units, note)
        self.model.figures.append(figure)
        return Clause(figure=len(self.model.figures) - 1)

    def distractor(self, section: str, lead: str, low: int, high: int, unit: str, trail: str = "", note: str = "") -> Clause:
        """Given words for a figure no table cell states, return its clause (sometimes 余, never linked)."""
        value = self.rng.randint(low, high)
        approx = ""
        if value >= 50 and self.rng.random() < 0.3:
            value, approx = value // 10 * 10, "余"
        return self.fig(section, lead, value, unit, None, (), trail, "digits", approx, note)


def t(text: str) -> Clause:
    """Given literal text, return it as a clause."""
    return Clause(text=text)


def write_intro(model: ReportModel, rng: random.Random) -> str:
    """Given a model, return the opening paragraph: legal basis, statistics period, contact details (no figures)."""
    notice = "国办公开办函〔2021〕30号" if model.version == "v2021" else "国办公开办函〔2019〕60号"
    phone = f"0{rng.randint(510, 599)}-{rng.randint(81000000, 89999999)}"
    return (f"本报告依据《中华人民共和国政府信息公开条例》（国令第711号，以下简称《条例》）第五十条和《{notice}》要求编制。"
            f"报告中所列数据统计期限自{model.year}年1月1日起至{model.year}年12月31日止。本报告电子版可在{model.agency.name}门户网站查阅或下载。"
            f"如对本报告有疑问，请与{model.agency.name}办公室联系（地址：{rng.choice(ROADS)}{rng.randint(1, 199)}号，"
            f"邮编：{rng.randint(100000, 859999)}，电话：{phone}）。")


def active_paragraph(w: Writer, model: ReportModel) -> list[Clause]:
    """Given a model, return the 主动公开 paragraph of section 一 (表二 figures and distractors)."""
    c, rng, v21 = model.cells, w.rng, model.version == "v2021"
    out = [t("（一）主动公开情况。"), w.distractor("一", f"{model.year}年，{model.agency.area}通过政府网站主动公开政府信息", 300, 60000, "条")]
    issued = c.get("active.rules.issued" if v21 else "active.rules.new_published")
    if isinstance(issued, int) and issued > 0:
        if v21:
            out += [t("，"), w.fig("一", "新增公开规章", issued, "件", "active.rules.issued")]
        else:
            out += [t("，"), w.fig("一", "主动公开规章", issued, "件", "active.rules.new_published",
                                   ("active.rules.new_published", "active.rules.new_made"))]
    docs = c.get("active.normative_docs.issued" if v21 else "active.normative_docs.new_made")
    if isinstance(docs, int):
        label = rng.choice(("行政规范性文件", "规范性文件"))
        if v21:
            out += [t("，"), w.fig("一", f"制发{label}", docs, "件", "active.normative_docs.issued")]
            if rng.random() < 0.5:
                out += [t("，"), w.fig("一", "废止", c["active.normative_docs.repealed"], "件", "active.normative_docs.repealed"),
                        t("，"), w.fig("一", f"现行有效{label}", c["active.normative_docs.in_force"], "件", "active.normative_docs.in_force")]
        else:
            out += [t("，"), w.fig("一", f"制发{label}", docs, "件", "active.normative_docs.new_made",
                                   ("active.normative_docs.new_made", "active.normative_docs.new_published"))]
    if rng.random() < 0.6:
        owner = {"省": "省政府及省政府办公厅", "市": "市政府及市政府办", "区县": "区政府及区政府办"}.get(model.agency.level, "本机关")
        out += [t("；"), w.distractor("一", f"{owner}政策性文件", 1, 40, "件", note="政策性文件 is broader than 行政规范性文件; must stay unlinked")]
    out.append(t("。"))
    licensing = c.get("active.licensing.decisions")
    if isinstance(licensing, int) and licensing > 0 and rng.random() < 0.7:
        style = "wan" if licensing >= 10_000 and rng.random() < 0.4 else "digits"
        if style == "wan":
            licensing = c["active.licensing.decisions"] = licensing // 100 * 100 or 100
        out += [t("全年"), w.fig("一", "公开行政许可决定", licensing, "件", "active.licensing.decisions", style=style)]
        penalty = c.get("active.penalty.decisions")
        if isinstance(penalty, int):
            out += [t("、"), w.fig("一", "行政处罚决定", penalty, "件", "active.penalty.decisions")]
        out.append(t("。"))
    fees = c.get("active.admin_fees.amount_wan_yuan")
    if v21 and isinstance(fees, float) and fees > 0 and rng.random() < 0.4:
        out += [t("公开"), w.fig("一", "行政事业性收费", fees, "万元", "active.admin_fees.amount_wan_yuan"), t("。")]
    out += [t("召开"), w.distractor("一", "新闻发布会", 1, 30, "场"), t("，"), w.distractor("一", "发布政策解读", 5, 120, "篇"), t("。")]
    return out


def receipt(w: Writer, model: ReportModel) -> list[Clause]:
    """Given a model, return a 受理/收到/新收 sentence with its reading (new or handled pool)."""
    c, rng = model.cells, w.rng
    new = int(c["requests.new.total"] or 0)
    pool = new + int(c["requests.carried_over.total"] or 0)
    scope = "（含垂管部门）" if rng.random() < 0.1 else ""
    verb = rng.choice(("受理", "收到", "收办", "新收"))
    where = rng.choice((f"{model.agency.area}共", "本年度共", "全年共", ""))
    if verb == "新收":
        return [w.fig("一", f"{where}新收政府信息公开申请", new, "件", "requests.new.total", trail=scope)]
    if verb == "收办":  # 收办 counts the handled pool: this year's new requests plus the carry-over
        return [w.fig("一", f"{where}收办政府信息公开申请", pool, "件", "requests.handled_pool.total",
                      ("requests.handled_pool.total", "requests.new.total"), trail=scope)]
    if verb == "收到" and rng.random() < 0.4 and pool != new:
        return [w.fig("一", f"{where}收到政府信息公开申请", pool, "件", "requests.handled_pool.total",
                      ("requests.handled_pool.total", "requests.new.total"), trail=scope, note="收到 includes the carry-over")]
    approx = ""
    if new >= 300 and rng.random() < 0.15:
        new, approx = new // 100 * 100, "余"
    return [w.fig("一", f"{where}{verb}政府信息公开申请", new, "件", "requests.new.total",
                  ("requests.new.total", "requests.handled_pool.total"), trail=scope, approx=approx)]


def requests_paragraph(w: Writer, model: ReportModel) -> list[Clause]:
    """Given a model, return the 依申请公开 paragraph: receipt, answers, carry-over, parts lists."""
    c, rng = model.cells, w.rng
    out = [t("（二）依申请公开情况。")]
    out += receipt(w, model)
    if rng.random() < 0.5:
        out += [t("，"), w.fig("一", rng.choice(("答复", "办结", "办理完毕")), c["requests.result.total.total"], "件", "requests.result.total.total")]
        if c["requests.carried_over.total"]:
            out += [t("（"), w.fig("一", "含上年度结转申请", c["requests.carried_over.total"], "件", "requests.carried_over.total"), t("）")]
        if c["requests.carried_forward.total"]:
            out += [t("，"), w.fig("一", "另有", c["requests.carried_forward.total"], "件", "requests.carried_forward.total",
                                   trail=rng.choice(("顺延到下年度答复", "结转下年度继续办理")))]
        out.append(t("。"))
    else:
        first = len(model.figures) - 1
        if model.figures[first].metric == "requests.new.total" and not model.figures[first].approx and rng.random() < 0.6:
            out += [t("，其中"), w.fig("一", "自然人", c["requests.new.natural_person"], "件", "requests.new.natural_person"),
                    t("、"), w.fig("一", "法人或其他组织", c["requests.new.total"] - c["requests.new.natural_person"], "件", "requests.new.org_sum")]
            model.parts_lists.append(PartsList(first, (first + 1, first + 2), "requests.new.total", True))
        out.append(t("。"))
        if c["requests.carried_over.total"]:
            out += [w.fig("一", rng.choice(("上年结转", "上年度结转")), c["requests.carried_over.total"], "件", "requests.carried_over.total"), t("。")]
        total = w.fig("一", f"本年度共{rng.choice(('办结', '答复'))}政府信息公开申请", c["requests.result.total.total"], "件", "requests.result.total.total")
        out.append(total)
        if rng.random() < 0.6:
            out += results_parts(w, model, total.figure or 0)
        if c["requests.carried_forward.total"]:
            out += [t("；"), w.fig("一", "", c["requests.carried_forward.total"], "件", "requests.carried_forward.total", trail="结转下年度继续办理")]
        out.append(t("。"))
    return out


def subtotal(c: dict, prefix: str) -> int:
    """Given cells and a row prefix (requests.result.withheld), return the sum of its 总计 cells."""
    return sum(int(v or 0) for k, v in c.items() if k.startswith(prefix + ".") and k.endswith(".total"))


def results_parts(w: Writer, model: ReportModel, total: int) -> list[Clause]:
    """Given the 办结 figure's index, return its 其中 list of the five result groups."""
    c = model.cells
    other_metric = "requests.result.other.subtotal.total" if model.version == "v2021" else "requests.result.other.total"
    groups = (
        ("予以公开及部分公开", c["requests.result.disclosed.total"] + c["requests.result.partially_disclosed.total"], "requests.result.disclosed_or_partial.total"),
        ("不予公开", subtotal(c, "requests.result.withheld"), "requests.result.withheld.subtotal.total"),
        ("无法提供", subtotal(c, "requests.result.unable"), "requests.result.unable.subtotal.total"),
        ("不予处理", subtotal(c, "requests.result.not_processed"), "requests.result.not_processed.subtotal.total"),
        ("其他处理", subtotal(c, "requests.result.other"), other_metric),
    )
    out: list[Clause] = [t("，其中")]
    start = len(model.figures)
    for i, (lead, value, metric) in enumerate(groups):
        accept = (metric, OTHER_ALT[metric]) if metric in OTHER_ALT else ()
        out += [t("、") if i else t(""), w.fig("一", lead, value, "件", metric, accept)]
    model.parts_lists.append(PartsList(total, tuple(range(start, start + len(groups))), "requests.result.total.total", True))
    return out


def appeal_sentence(w: Writer, model: ReportModel, kind: str) -> list[Clause]:
    """Given 'review' or 'litigation', return the 引发行政复议/行政诉讼 sentence and its 其中 list."""
    c, rng = model.cells, w.rng
    if kind == "review":
        values = {k: c[f"review.{k}"] for k in ("maintained", "corrected", "other", "pending", "total")}
        lead, prefix = rng.choice(("引发行政复议", "政府信息公开行政复议", "被申请行政复议")), "review"
    else:
        values = {k: c[f"litigation.direct.{k}"] + c[f"litigation.after_review.{k}"] for k in ("maintained", "corrected", "other", "pending", "total")}
        lead, prefix = rng.choice(("引发行政诉讼", "政府信息公开行政诉讼", "被提起行政诉讼")), "litigation"
    out = [w.fig("一", lead, values["total"], "件", f"{prefix}.total")]
    if values["total"] == 0:
        return out
    total = len(model.figures) - 1
    start = total + 1
    pending_tail = rng.random() < 0.4
    out += [t("，其中"), w.fig("一", rng.choice(MAINTAINED_WORDS), values["maintained"], "件", f"{prefix}.maintained"),
            t("、"), w.fig("一", rng.choice(CORRECTED_WORDS), values["corrected"], "件", f"{prefix}.corrected"),
            t("、"), w.fig("一", "其他结果", values["other"], "件", f"{prefix}.other"), t("，" if pending_tail else "、")]
    if pending_tail:
        out.append(w.fig("一", "其余", values["pending"], "件", f"{prefix}.pending", trail=rng.choice(("尚在审理中", "尚未审结"))))
    else:
        out.append(w.fig("一", "尚未审结", values["pending"], "件", f"{prefix}.pending"))
    model.parts_lists.append(PartsList(total, tuple(range(start, start + 4)), f"{prefix}.total", True))
    return out


def management_paragraph(w: Writer, model: ReportModel) -> list[Clause]:
    """Given a model, return the 管理/平台/监督 paragraph: figures no table states."""
    rng = w.rng
    out = [t("（三）政府信息管理及平台建设情况。严格落实公开前保密审查，"),
           w.distractor("一", "全年开展专题会商", 5, 80, "次"), t("。截至目前，"),
           w.distractor("一", f"{model.agency.area}在运维政务新媒体", 1, 120, "个"), t("。")]
    out += [t("（四）监督保障情况。"), w.distractor("一", "组织政务公开业务培训", 1, 12, "期"),
            t("，"), w.distractor("一", "培训", 30, 900, "人次"), t("；"), w.distractor("一", "全年组织", 2, 6, "次", trail="政务公开专项检查"), t("。")]
    if rng.random() < 0.5:
        out += [t(f"根据《{model.year}年政务公开工作要点》，{model.agency.name}于{model.year}年{rng.randint(2, 6)}月印发实施方案。")]
    return out


def write_sections(model: ReportModel, rng: random.Random) -> None:
    """Given a model with its cells, fill its intro, sections 一…六 and the figures they state."""
    w = Writer(model, rng)
    model.intro = write_intro(model, rng)
    unnumbered = rng.random() < 0.15
    sections = [Section(no, heading, not (unnumbered and no in "一二三")) for no, heading in HEADINGS]
    one = sections[0]
    one.paragraphs.append(active_paragraph(w, model))
    one.paragraphs.append(requests_paragraph(w, model))
    appeals = [t("因政府信息公开工作，全年")] + appeal_sentence(w, model, "review") + [t("；")] + appeal_sentence(w, model, "litigation") + [t("。")]
    one.paragraphs.append(appeals)
    one.paragraphs.append(management_paragraph(w, model))
    sections[4].paragraphs.append([t("（一）存在的主要问题。政务公开工作与群众期待仍有差距，政策解读形式较为单一，基层公开标准化规范化水平有待提升。")])
    sections[4].paragraphs.append([t("（二）改进情况。下一步，将持续加强业务培训，完善公开目录，推动重点领域信息及时公开。")])
    fee = rng.choice((0, 0, 0, rng.randint(1, 80) * 10))
    six = [t(f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{model.agency.name}本年度"),
           w.fig("六", "发出收费通知", rng.randint(0, 3) if fee else 0, "件", style="digits"), t("，"),
           w.fig("六", "收取信息处理费", fee, "元", style="digits", note="信息处理费 is not 行政事业性收费"), t("。")]
    sections[5].paragraphs.append(six)
    model.sections = sections


def paragraph_text(model: ReportModel, clauses: list[Clause]) -> str:
    """Given a paragraph's clauses, return its printed text with every figure at its current value."""
    return "".join(figure_quote(model.figures[c.figure]) if c.figure is not None else c.text for c in clauses)

