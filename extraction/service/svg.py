"""Charts as inline SVG, drawn on the server (no JavaScript): horizontal bars and vertical columns."""
from __future__ import annotations

from html import escape

FONT = "font-family='Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif' font-size='12'"
PALETTE = ("#3b6ea5", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6")


def _num(value: float) -> str:
    return f"{value:.1%}" if 0 < value < 1 and not float(value).is_integer() else f"{value:g}"


def hbars(items: list[tuple[str, float]], title: str, width: int = 520, label_width: int = 190, fmt=_num) -> str:
    """Given (label, value) pairs and a title, return an SVG of horizontal bars, longest value drawn full width."""
    row = 24
    height = 30 + row * max(1, len(items))
    top = max((v for _, v in items), default=0) or 1
    span = width - label_width - 60
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>",
           f"<title>{escape(title)}</title>", f"<text x='0' y='16' {FONT} font-weight='bold'>{escape(title)}</text>"]
    if not items:
        out.append(f"<text x='0' y='44' {FONT} fill='#777'>暂无数据</text>")
    for i, (label, value) in enumerate(items):
        y = 30 + i * row
        bar = max(1.0, span * value / top) if value else 0
        short = label if len(label) <= 14 else label[:13] + "…"
        out.append(f"<text x='{label_width - 6}' y='{y + 15}' text-anchor='end' {FONT}><title>{escape(label)}</title>{escape(short)}</text>")
        out.append(f"<rect x='{label_width}' y='{y + 3}' width='{bar:.1f}' height='{row - 8}' fill='{PALETTE[0]}'/>")
        out.append(f"<text x='{label_width + bar + 4:.1f}' y='{y + 15}' {FONT}>{escape(fmt(value))}</text>")
    out.append("</svg>")
    return "".join(out)


def columns(items: list[tuple[str, list[float]]], series: list[str], title: str, width: int = 520, height: int = 240,
            fmt=_num) -> str:
    """Given (category, values per series) pairs, series names and a title, return an SVG of grouped columns."""
    left, bottom, top_pad = 40, 40, 62
    plot_h = height - bottom - top_pad
    top = max((v for _, vs in items for v in vs), default=0) or 1
    slot = (width - left - 10) / max(1, len(items))
    bar_w = max(4.0, min(36.0, (slot - 10) / max(1, len(series))))
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' role='img' width='{width}' height='{height}' viewBox='0 0 {width} {height}'>",
           f"<title>{escape(title)}</title>", f"<text x='0' y='16' {FONT} font-weight='bold'>{escape(title)}</text>"]
    for k, name in enumerate(series):
        out.append(f"<rect x='{k * 120}' y='24' width='10' height='10' fill='{PALETTE[k % len(PALETTE)]}'/>"
                   f"<text x='{k * 120 + 14}' y='33' {FONT}>{escape(name)}</text>")
    base = height - bottom
    out.append(f"<line x1='{left}' y1='{base}' x2='{width - 5}' y2='{base}' stroke='#999'/>")
    if not items:
        out.append(f"<text x='{left + 10}' y='{base - 20}' {FONT} fill='#777'>暂无数据</text>")
    for i, (label, values) in enumerate(items):
        x0 = left + i * slot + (slot - bar_w * len(values)) / 2
        for k, value in enumerate(values):
            h = plot_h * value / top
            x = x0 + k * bar_w
            out.append(f"<rect x='{x:.1f}' y='{base - h:.1f}' width='{bar_w - 2:.1f}' height='{h:.1f}' fill='{PALETTE[k % len(PALETTE)]}'>"
                       f"<title>{escape(label)} {escape(series[k])}：{escape(fmt(value))}</title></rect>")
            out.append(f"<text x='{x + (bar_w - 2) / 2:.1f}' y='{base - h - 3:.1f}' text-anchor='middle' {FONT}>{escape(fmt(value))}</text>")
        out.append(f"<text x='{left + i * slot + slot / 2:.1f}' y='{base + 16}' text-anchor='middle' {FONT}>{escape(label)}</text>")
    out.append("</svg>")
    return "".join(out)
