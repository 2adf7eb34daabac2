"""The synthetic report model every layout is rendered from: agency, tables, narrative figures, gold facts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Value = int | float | None


@dataclass(frozen=True)
class Agency:
    """A publishing organ: full name, level (省 市 区县 乡镇街道 部门) and how its text names its area (全市)."""

    name: str
    level: str
    area: str


@dataclass
class Figure:
    """One narrative figure as written: lead text, value, unit, style; `metric` and `accept` are its gold reading."""

    section: str
    lead: str
    value: int | float
    unit: str
    metric: str | None = None
    accept: tuple[str, ...] = ()
    trail: str = ""
    style: str = "digits"  # digits | cn | wan
    approx: str = ""  # "" | 余 | 约 | 近
    spaced: bool = False
    note: str = ""


@dataclass
class Clause:
    """A run of narrative: literal text, or a Figure printed by its current value."""

    text: str = ""
    figure: int | None = None  # index into ReportModel.figures


@dataclass
class Section:
    """One numbered section: its number (一…六), heading, whether the number is printed, and paragraphs."""

    no: str
    heading: str
    numbered: bool
    paragraphs: list[list[Clause]] = field(default_factory=list)


@dataclass(frozen=True)
class PartsList:
    """A narrative total followed by its 其中 parts (figure indexes) and the spec partition it states."""

    total: int
    parts: tuple[int, ...]
    partition: str
    complete: bool


@dataclass
class ReportModel:
    """Everything one synthetic report says; renderers and the gold writer read only this."""

    stem: str
    agency: Agency
    year: int
    version: str  # template version of the report year
    requests_version: str  # rows of 表三 as printed (v2019 when a v2021 report keeps the single 三（六） row)
    published: str
    cells: dict[str, Value]  # every printed cell, spec order; None = printed blank or "/"
    marks: dict[str, str] = field(default_factory=dict)  # printed text of a null cell when not blank ("/")
    labels: dict[str, str] = field(default_factory=dict)  # row key -> printed label when it differs from the spec
    intro: str = ""
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    parts_lists: list[PartsList] = field(default_factory=list)
    deviations: list[tuple[str, str]] = field(default_factory=list)  # (row, free text)
    injected: list[str] = field(default_factory=list)  # what the error injector did, for the gold note
    cross_year: dict[str, Any] | None = None
    spaced_units: bool = False
