"""The metamorphic harness of the narrative: the same report sentences, as people receive them.

A labeled narrative page (corpus/real-narrative/) is scored as printed. Real copies of the same text arrive
hard-wrapped by a PDF's text export, with markdown headings, in traditional script, with full-width digits or
punctuation, a space between number and unit, thousands separators, list markers, sentences one a line. Each
mutation here is a named, seeded, deterministic rewrite of a page's text that keeps every figure's value and what
it states; the gold quotes are mapped through it, so the gold holds for the variant as it is. The runner audits each
variant, scores it against the gold beside the unmutated page, and measures agreement: the share of the original
run's links (value, metric) that the variant keeps, and the links it adds that gold rejects.
"""
from __future__ import annotations

import json
import random
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from evaluation.scoring import Json, Tally, acceptable_metrics, ratio, same_value, score

ORIGINAL = "original"  # the row of the unmutated pages
WRAP_WIDTHS = (35, 45)  # a PDF text line holds this many characters, a page's own width drawn in the range
HALF_WIDTH = 0.5  # an ASCII character's share of a CJK character's width on a printed line
# Breaking a line never splits a word of ASCII letters and digits (12, 1,234, 2023, www.gov.cn) nor a character from
# the pinyin a mirror site glosses it with (規(guī)), and no line starts
# with a mark that closes what stands before it: a PDF lays text out by these rules.
_WORD = re.compile(r"[A-Za-z0-9０-９.,%％]+|.[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")  # 12, 1,234; 規(guī)
_NO_LINE_START = frozenset("，。、；：？！）」』”’,.;:?!)%％")
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
HEADING_MAX_CHARS = 40
# What follows a number as its counting unit: the figures' units and those of money (a 2023年 is a date, untouched).
UNITS = "个百分点|人次|件次|万元|亿元|件|条|个|次|期|场|份|项|元|名|家|篇|人|宗|例|批|户|%|％"
_NUMBER_UNIT = re.compile(rf"(?<=[0-9])(?=(?:{UNITS}))")
_LONG_NUMBER = re.compile(rf"(?<![\d.,，])\d{{4,}}(?=(?:\.\d+)?(?:{UNITS}))")
_ASCII_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.,%:/@_-]*[A-Za-z0-9%])?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FULL_WIDTH_DIGITS = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})
# ASCII punctuation as printed in full width (a number's own marks, 1,234 and 10:30, stay as they are)
_FULL_WIDTH_MARKS = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_ASCII_MARK = re.compile(r"[,:;()?!]")
_SENTENCE_STOP = re.compile(r"。(?!\n|$)")
_PARAGRAPH_END = re.compile(r"[。！？!?:：][”’」』）)]*$")
BULLET = "• "
INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Edit:
    """One change of a page's text: the characters [start, end) become `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mutated:
    """A page's text after a mutation, with where each original character landed (to map quotes through it)."""

    text: str
    starts: tuple[int, ...]  # starts[i]: where the original's character i begins in the mutated text
    ends: tuple[int, ...]  # ends[i]: where it ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Given a span of the original text, return its span in the mutated text."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else len(self.text)
            return position, position
        return self.starts[start], self.ends[end - 1]


def apply(text: str, edits: list[Edit]) -> Mutated:
    """Given a text and edits (in order, not overlapping), return the mutated text and where every character went;
    a replaced run's characters all map onto its replacement."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    done = 0
    for edit in [*edits, Edit(len(text), len(text), "")]:
        for ch in text[done:edit.start]:
            starts.append(position)
            parts.append(ch)
            position += 1
            ends.append(position)
        parts.append(edit.text)
        replaced = edit.end - edit.start
        starts += [position] * replaced
        position += len(edit.text)
        ends += [position] * replaced
        done = max(done, edit.end)
    return Mutated("".join(parts), tuple(starts), tuple(ends))


def insertions(text: str, pattern: re.Pattern[str], inserted: str) -> list[Edit]:
    """Given a text, a pattern of empty matches and what to insert, return an insertion at every match."""
    return [Edit(m.start(), m.start(), inserted) for m in pattern.finditer(text)]


def line_spans(text: str) -> list[tuple[int, int]]:
    """Given a text, return the span of each of its lines (without the line break)."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def is_heading(line: str) -> bool:
    """Given a line, return whether it is a short numbered heading (一、… or （一）…) with no sentence run into it."""
    line = line.strip()
    return (len(line) <= HEADING_MAX_CHARS and bool(_HEADING.match(line) or _SUBHEADING.match(line))
            and "。" not in line.rstrip("。"))


def line_from(text: str, start: int) -> str:
    """Given a text and an offset, return the rest of the line from there."""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def paragraph_starts(text: str) -> list[int]:
    """Given a text, return where each paragraph begins, at its first printed character: a non-blank line after a
    line that ends a sentence or is a heading (a page's own hard-wrapped lines go on with their paragraph)."""
    out: list[int] = []
    previous = ""
    for start, end in line_spans(text):
        line = text[start:end].strip()
        if not line:
            continue
        if not previous or _PARAGRAPH_END.search(previous) or is_heading(previous):
            out.append(start + len(text[start:end]) - len(text[start:end].lstrip()))
        previous = line
    return out


def body_paragraph_starts(text: str) -> list[int]:
    """Given a text, return where each paragraph from the first heading on begins (title and preamble left out)."""
    starts = paragraph_starts(text)
    first = next((k for k, p in enumerate(starts) if is_heading(line_from(text, p))), len(starts))
    return starts[first:]


# The mutations ------------------------------------------------------------------------------------------------------

def width_of(ch: str) -> float:
    """Given a character, return its width on a printed line (a CJK character's is 1)."""
    return HALF_WIDTH if ch.isascii() else 1.0


def wrap_points(line: str, offset: int, width: float) -> list[int]:
    """Given a line, where it starts in the text and the page's line width, return where a PDF's text export breaks
    it: before the character that would pass the width, moved back to a word's start or on past closing marks."""
    words = {i for m in _WORD.finditer(line) for i in range(m.start() + 1, m.end())}  # inside a word: no break
    points: list[int] = []
    filled = 0.0
    i = 0
    while i < len(line):
        filled += width_of(line[i])
        if filled > width and i > 0:
            cut = i
            while cut in words and cut - 1 > (points[-1] - offset if points else 0):
                cut -= 1
            while cut < len(line) and line[cut] in _NO_LINE_START:
                cut += 1
            if cut >= len(line):
                break
            points.append(offset + cut)
            filled = sum(width_of(ch) for ch in line[cut:i + 1])
        i += 1
    return points


def hard_wrap(text: str, rng: random.Random) -> list[Edit]:
    """A PDF's text export: every paragraph broken into lines of the page's width (35–45 characters), inside clauses
    and between a number and its unit."""
    width = rng.randint(*WRAP_WIDTHS)
    return [Edit(p, p, "\n") for start, end in line_spans(text) for p in wrap_points(text[start:end], start, width)]


def markdown_headings(text: str, rng: random.Random) -> list[Edit]:
    """A converter's markdown: numbered headings as `## 一、…` and `### （一）…`, the title as `# …`."""
    edits: list[Edit] = []
    for k, (start, end) in enumerate(line_spans(text)):
        line = text[start:end].strip()
        at = start + len(text[start:end]) - len(text[start:end].lstrip())
        if _HEADING.match(line) and is_heading(line):
            edits.append(Edit(at, at, "## "))
        elif _SUBHEADING.match(line) and is_heading(line):
            edits.append(Edit(at, at, "### "))
        elif k == 0 and line and "报告" in line and len(line) <= HEADING_MAX_CHARS:
            edits.append(Edit(at, at, "# "))
    return edits


@lru_cache(maxsize=1)
def _to_traditional() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


def traditional(text: str, rng: random.Random) -> list[Edit]:
    """A mirror site's copy in traditional script (收到申請, 辦結, 萬元), one character for one."""
    convert = _to_traditional()
    edits: list[Edit] = []
    for start, end in line_spans(text):
        line = text[start:end]
        converted = convert(line)
        if len(converted) != len(line):  # a phrase converted to another length: character by character
            converted = "".join(c if len(c := convert(ch)) == 1 else ch for ch in line)
        edits += [Edit(start + i, start + i + 1, b) for i, (a, b) in enumerate(zip(line, converted)) if a != b]
    return edits


def full_width_digits(text: str, rng: random.Random) -> list[Edit]:
    """Digits printed full-width (１２件, ２０２３年)."""
    return [Edit(m.start(), m.end(), m.group().translate(_FULL_WIDTH_DIGITS)) for m in re.finditer(r"[0-9]+", text)]


def full_width_punctuation(text: str, rng: random.Random) -> list[Edit]:
    """Punctuation printed full-width as a Chinese word processor types it (，：；（）), a number's own marks kept."""
    return [Edit(m.start(), m.end(), _FULL_WIDTH_MARKS[m.group()]) for m in _ASCII_MARK.finditer(text)
            if not (m.group() in ",:" and 0 < m.start() < len(text) - 1
                    and text[m.start() - 1].isdigit() and text[m.start() + 1].isdigit())]


def unit_space(text: str, rng: random.Random) -> list[Edit]:
    """A space between every number and its unit (12 件, 35.2 万元)."""
    return insertions(text, _NUMBER_UNIT, " ")


def unit_nbsp(text: str, rng: random.Random) -> list[Edit]:
    """A no-break space between every number and its unit (a web page's &nbsp;)."""
    return insertions(text, _NUMBER_UNIT, "\u00a0")


def latin_spacing(text: str, rng: random.Random) -> list[Edit]:
    """A space on each side of every run of Latin letters and digits that touches Chinese (2023 年共收到申请 12 件),
    as a Word file's automatic spacing prints into its PDF's text."""
    edits: list[Edit] = []
    for m in _ASCII_RUN.finditer(text):
        if m.start() > 0 and _CJK.match(text[m.start() - 1]):
            edits.append(Edit(m.start(), m.start(), " "))
        if m.end() < len(text) and _CJK.match(text[m.end()]):
            edits.append(Edit(m.end(), m.end(), " "))
    return edits


def thousands(text: str, rng: random.Random) -> list[Edit]:
    """Thousands separators in counts of four or more digits before a unit (1,234件); years and dates as printed."""
    return [Edit(m.start(), m.end(), f"{int(m.group()):,}") for m in _LONG_NUMBER.finditer(text)]


def bullets(text: str, rng: random.Random) -> list[Edit]:
    """Every paragraph under the headings that is no heading itself as a bulleted list item (• …)."""
    return [Edit(p, p, BULLET) for p in body_paragraph_starts(text) if not is_heading(line_from(text, p))]


def numbered_items(text: str, rng: random.Random) -> list[Edit]:
    """Every paragraph under the headings that is no heading itself numbered as a list item (1. …), the count
    starting anew under each heading."""
    edits: list[Edit] = []
    number = 0
    for p in body_paragraph_starts(text):
        if is_heading(line_from(text, p)):
            number = 0
            continue
        number += 1
        edits.append(Edit(p, p, f"{number}. "))
    return edits


def sentence_lines(text: str, rng: random.Random) -> list[Edit]:
    """Every sentence on a line of its own, its 。 replaced by the line's end."""
    return [Edit(m.start(), m.end(), "\n") for m in _SENTENCE_STOP.finditer(text)]


def indented(text: str, rng: random.Random) -> list[Edit]:
    """Every paragraph opening with two full-width spaces (a page's first-line indent, copied)."""
    return [Edit(p, p, INDENT) for p in paragraph_starts(text)]


def blank_lines(text: str, rng: random.Random) -> list[Edit]:
    """A blank line between paragraphs."""
    return [Edit(p - 1, p - 1, "\n") for p in paragraph_starts(text) if p > 0 and text[p - 1] == "\n"]


Mutation = Callable[[str, random.Random], list[Edit]]
MUTATIONS: dict[str, Mutation] = {
    "hard-wrap": hard_wrap,
    "markdown-headings": markdown_headings,
    "traditional": traditional,
    "full-width-digits": full_width_digits,
    "full-width-punctuation": full_width_punctuation,
    "unit-space": unit_space,
    "unit-nbsp": unit_nbsp,
    "latin-spacing": latin_spacing,
    "thousands": thousands,
    "bullets": bullets,
    "numbered-items": numbered_items,
    "sentence-lines": sentence_lines,
    "indented": indented,
    "blank-lines": blank_lines,
}


def page_seed(name: str, mutation: str, seed: int) -> int:
    """Given a page's name, a mutation and the run's seed, return the page's own seed (the same every run)."""
    return zlib.crc32(f"{seed}:{mutation}:{name}".encode("utf-8"))


def mutate(text: str, mutation: str, name: str = "", seed: int = 0) -> Mutated:
    """Given a page's text, a mutation's name, the page's name and a seed, return the mutated text."""
    return apply(text, MUTATIONS[mutation](text, random.Random(page_seed(name, mutation, seed))))


def mapped_gold(gold: Json, text: str, mutated: Mutated) -> Json:
    """Given a page's gold, its text and the mutated text, return the gold of the variant: each quote mapped to the
    text it became (values and metrics are what they were; a quote not in the text stays as it is)."""
    mentions = []
    for mention in gold.get("mentions", []):
        quote = mention.get("quote", "")
        at = text.find(quote) if quote else -1
        if at >= 0:
            start, end = mutated.span(at, at + len(quote))
            mention = {**mention, "quote": mutated.text[start:end]}
        mentions.append(mention)
    return {**gold, "mentions": mentions}


# The runner ----------------------------------------------------------------------------------------------------------

Link = tuple[float, str]


def links_of(predicted: Json) -> Counter[Link]:
    """Given an audit result, return its linked mentions as (value, metric) counts."""
    return Counter((round(float(m["value"]), 6), m["metric"]) for m in predicted.get("mentions", [])
                   if m.get("metric") is not None)


def gold_accepts(link: Link, gold: Json) -> bool:
    """Given a (value, metric) link, return whether a gold mention reads that value as that metric."""
    value, metric = link
    return any(same_value(value, g.get("value"), g.get("tolerance") or 0.0) and metric in acceptable_metrics(g)
               for g in gold.get("mentions", []))


@dataclass
class MutationScore:
    """One mutation over a split: the gold's tally of its variants, and how far their links agree with the original's."""

    tally: Tally = field(default_factory=Tally)
    original_links: int = 0
    kept_links: int = 0  # of the original run's links, those the variant has too
    new_false_links: int = 0  # links the variant has and the original lacks, that gold rejects
    changed_pages: list[str] = field(default_factory=list)  # pages whose links differ from the original's

    @property
    def agreement(self) -> float:
        return ratio(self.kept_links, self.original_links)

    def to_json(self) -> Json:
        """Return the counts and ratios as one JSON object."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "tally"}
        return {**out, "tally": self.tally.to_json(), "agreement": self.agreement}


def audit_text(name: str, text: str) -> Json:
    """Given a page's file name and text, return its audit result (a crash is a result with a 'crash' error)."""
    from extraction.pipeline import audit

    try:
        return audit(Path(name), text.encode("utf-8")).to_json()
    except Exception as exc:  # a crash is a result to score, not a reason to stop
        return {"errors": [{"code": "crash", "message": f"{type(exc).__name__}: {exc}"}]}


def pages_of(paths: list[Path]) -> list[tuple[Path, Json]]:
    """Given files and folders, return every labeled narrative page among them (a text file with its gold)."""
    from evaluation.run import find_documents

    return [(path, gold) for path, gold in find_documents(paths) if path.suffix == ".txt"]


def sample(pages: list[tuple[Path, Json]], every: int) -> list[tuple[Path, Json]]:
    """Given pages, return a deterministic sample of about one in `every`, chosen by the page's name."""
    return [p for p in pages if zlib.crc32(p[0].name.encode("utf-8")) % every == 0] if every > 1 else pages


def pages_to_measure(paths: list[Path], names: list[str], gated: Iterable[str], known: Iterable[str], every: int,
                     console: Any) -> list[tuple[Path, Json]] | None:
    """Given page paths, the mutation names asked for, those a gate names, the known ones and a sampling rate, return
    the sampled labeled pages; None (said on the console) when a name is unknown or no labeled page is found."""
    from evaluation.robustness import unknown_mutations

    unknown = unknown_mutations(names, gated, known)
    if unknown:
        console.print(unknown)
        return None
    pages = sample(pages_of(paths), every)
    if not pages:
        console.print("no labeled narrative page (<id>.txt beside <id>.gold.json) under: " + ", ".join(map(str, paths)))
        return None
    return pages


def measure(pages: list[tuple[Path, Json]], mutations: list[str], seed: int = 0) -> dict[str, MutationScore]:
    """Given labeled pages, mutation names and a seed, return the score of the unmutated pages (ORIGINAL) and of
    each mutation's variants."""
    scores = {name: MutationScore() for name in (ORIGINAL, *mutations)}
    for path, gold in pages:
        text = path.read_text(encoding="utf-8")
        original = audit_text(path.name, text)
        links = links_of(original)
        scores[ORIGINAL].tally += score(original, gold).tally
        scores[ORIGINAL].original_links += sum(links.values())
        scores[ORIGINAL].kept_links += sum(links.values())
        for name in mutations:
            mutated = mutate(text, name, path.name, seed)
            predicted = audit_text(path.name, mutated.text)
            variant_links = links_of(predicted)
            result = scores[name]
            result.tally += score(predicted, mapped_gold(gold, text, mutated)).tally
            result.original_links += sum(links.values())
            result.kept_links += sum((links & variant_links).values())
            result.new_false_links += sum(n for link, n in (variant_links - links).items() if not gold_accepts(link, gold))
            if variant_links != links:
                result.changed_pages.append(path.name)
    return scores


def fraction(hits: int, total: int) -> str:
    """Given hits out of a total, return 'share (hits/total)'."""
    return f"{ratio(hits, total):.3f} ({hits}/{total})"


def rows(scores: dict[str, MutationScore]) -> list[list[str]]:
    """Given the scores, return one table row per mutation: link P and R, figure R, zeros R, agreement, new false
    links, pages changed."""
    out = []
    for name, s in scores.items():
        t = s.tally
        out.append([name, str(t.documents), fraction(t.links_correct, t.links_predicted), fraction(t.links_found, t.links_gold),
                    fraction(t.figures_found, t.figures_gold), fraction(t.implicit_found, t.implicit_gold),
                    fraction(s.kept_links, s.original_links), str(s.new_false_links), str(len(s.changed_pages))])
    return out


@dataclass(frozen=True)
class NarrativeGate:
    """Bounds for the gated mutations: least agreement with the original's links, most new links gold rejects."""

    mutations: tuple[str, ...]
    min_agreement: float = 1.0
    max_new_false_links: int = 0

    def failures(self, scores: dict[str, MutationScore]) -> list[str]:
        """Given the scores, return a line for each gated figure outside its bound."""
        out = []
        for name in self.mutations:
            s = scores[name]
            if s.agreement < self.min_agreement:
                out.append(f"{name}: agreement {s.agreement:.4f} < {self.min_agreement}")
            if s.new_false_links > self.max_new_false_links:
                out.append(f"{name}: {s.new_false_links} new links gold rejects > {self.max_new_false_links}")
        return out


def run(paths: list[Path], mutations: list[str] | None = None, json_path: Path | None = None,
        gate: NarrativeGate | None = None, every: int = 1, seed: int = 0, console: Any = None) -> int:
    """Given page paths, mutation names (all when None), an optional JSON file and gate, a sampling rate and a seed,
    score every mutation beside the unmutated pages and print one row per mutation; return the exit code (0 met,
    1 a gated figure outside its bound, 2 nothing to measure)."""
    from rich.table import Table

    from evaluation.robustness import wide

    console = wide(console)
    names = mutations or list(MUTATIONS)
    pages = pages_to_measure(paths, names, gate.mutations if gate else (), MUTATIONS, every, console)
    if pages is None:
        return 2
    scores = measure(pages, names, seed)
    table = Table(title="Narrative per mutation (each variant scored against the gold mapped through it)",
                  title_justify="left")
    for column in ("mutation", "pages", "link P", "link R", "figure R", "zeros R", "agreement", "new false links",
                   "pages changed"):
        table.add_column(column, justify="left" if column == "mutation" else "right")
    for row in rows(scores):
        table.add_row(*row)
    console.print(table)
    failed = gate.failures(scores) if gate else []
    return outcome(scores, failed, "below threshold", json_path, seed, every, console)


def outcome(scores: dict[str, Any], failed: list[str], verdict: str, json_path: Path | None, seed: int, every: int,
            console: Any) -> int:
    """Given a harness's scores per mutation, the lines of the mutations outside their bound and what to call them
    (below threshold, above bound), write the JSON file when one is asked for, print the failures and return the
    exit code (0 met, 1 a mutation outside its bound)."""
    if json_path is not None:
        payload = {"mutations": {name: s.to_json() for name, s in scores.items()}, "seed": seed, "every": every,
                   verdict.replace(" ", "_"): failed}
        json_path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2) + "\n", encoding="utf-8")
    for line in failed:
        console.print(f"[red]{verdict}:[/red] {line}")
    return 1 if failed else 0
