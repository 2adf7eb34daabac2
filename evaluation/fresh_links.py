"""The false links a grammar made on text it had never seen: each batch of tuned pages rounds 4–12 added, read by
the grammar of its own corpus commit (labeled before any run, so the grammar just before the batch's rules) and
scored against today's gold. What the rules of each round fixed after the fact is the evidence of which guards
would hold on the next round's text (corpus/real-narrative/README.md, "Precision on fresh text").

    python -m evaluation.fresh_links [--list] [--guarded] [--rounds 8 12]   # reads git history (~5 s a batch)

Each false link is marked PART, LIST or CARRY where the guard of that name (linking.total_among_other_parts,
linking.listed_beside_another_category, linking.holds_carried_in) would have unlinked it, had it existed then;
--guarded also reads the same pages with today's grammar and marks (fixed) which fresh false links it no longer
makes.
Only tuned pages are read; the untuned split is never opened.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from evaluation.scoring import acceptable_metrics, pair_mentions
from extraction.linking import holds_carried_in, listed_beside_another_category, total_among_other_parts, year_rules
from extraction.spec import Spec, load_spec

Json = dict[str, Any]
TUNED = Path("corpus/real-narrative/tuned")
# (round, corpus commit): every non-merge commit of rounds 4–12 that added tuned pages, in history order
FRESH_BATCHES = (
    (4, "a0dfb01"), (4, "8e1d9fb"), (4, "977c8d8"), (4, "81256dc"), (4, "13277b2"), (4, "80d3b22"), (4, "a372943"),
    (4, "3976a78"), (4, "3a256d4"), (4, "6187fe4"),
    (5, "29029df"), (5, "770d8b9"), (5, "32e1bd3"), (5, "91e4f14"), (5, "28ad7e8"), (5, "903e835"), (5, "6fdc8fb"),
    (6, "6490b64"), (6, "13db1c2"), (6, "d41f070"), (6, "b1773cf"), (6, "d9a243d"), (6, "76f8831"),
    (7, "5c930af"), (7, "f304e73"),
    (8, "6dd27c1"), (8, "cad4f0e"),
    (9, "c591f1b"), (9, "0fe3244"), (9, "0c74822"),
    (10, "509c77b"), (10, "7e4b1f0"), (10, "38f33e9"), (10, "fccb00b"), (10, "97d94e5"), (10, "b1b8350"),
    (10, "06c8437"), (10, "e16ab20"), (10, "e2a89e4"), (10, "4744598"), (10, "0802716"), (10, "75edd6e"),
    (10, "f280982"),
    (11, "56fd9eb"), (11, "8926642"),
    (12, "6c96457"), (12, "4fc8e31"),
)
# run inside a commit's extraction/: the mentions it finds on each page named on stdin, by page
_EXPORT = """
import json, sys
from pathlib import Path
import extraction.pipeline as pipeline
assert pipeline.__file__.startswith(sys.argv[1]), pipeline.__file__
out = {}
for name in json.load(sys.stdin):
    gold_path = Path(name)
    page = gold_path.with_name(json.loads(gold_path.read_text(encoding="utf-8"))["document"])
    out[gold_path.name] = pipeline.audit(page).to_json()["mentions"]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def batch_pages(commit: str) -> list[Path]:
    """Given a corpus commit, return the gold files of the tuned pages it added (today's copies)."""
    names = subprocess.run(["git", "diff", "--name-only", "--diff-filter=A", f"{commit}^", commit, "--", str(TUNED)],
                           check=True, capture_output=True, text=True).stdout.split()
    return sorted(Path(n).resolve() for n in names if n.endswith(".gold.json") and Path(n).exists())


def commit_mentions(commit: str | None, gold_paths: list[Path]) -> dict[str, list[Json]]:
    """Given a commit (None: the working tree) and gold files, return the mentions its grammar finds, by gold file."""
    with tempfile.TemporaryDirectory() as folder:
        if commit is not None:
            archive = subprocess.run(["git", "archive", commit, "extraction"], check=True, capture_output=True).stdout
            with tarfile.open(fileobj=BytesIO(archive)) as tar:
                tar.extractall(folder, filter="data")
        root = folder if commit is not None else str(Path.cwd().resolve())
        done = subprocess.run([sys.executable, "-c", _EXPORT, root], cwd=root, env={**os.environ, "PYTHONPATH": root},
                              input=json.dumps([str(p) for p in gold_paths]), check=True, capture_output=True,
                              text=True)
    return json.loads(done.stdout)


def false_links(predicted: list[Json], gold: list[Json]) -> list[tuple[Json, Json | None]]:
    """Given a page's predicted and gold mentions, return each linked prediction gold does not accept, with its
    gold partner (None: a figure gold does not have)."""
    out = []
    for mention, j in zip(predicted, pair_mentions(predicted, gold)):
        partner = gold[j] if j is not None else None
        if partner is not None and partner.get("optional"):
            continue
        if mention.get("metric") and not (partner is not None and mention["metric"] in acceptable_metrics(partner)):
            out.append((mention, partner))
    return out


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Given a page's text and a figure's span, return its sentence's bounds (to the full stops or line ends)."""
    return (max(text.rfind(mark, 0, start) for mark in "。\n") + 1,
            min((i for i in (text.find(mark, end) for mark in "。\n") if i >= 0), default=len(text)))


def category_list_guard(text: str, mention: Json, spec: Spec) -> bool:
    """Given a page's text and a linked mention of an earlier grammar, return whether the guard on lists of other
    categories (linking.listed_beside_another_category) would have unlinked it, had it existed then."""
    rules = year_rules(None, spec, 2020) + year_rules(None, spec, 2023)  # both formats' keys
    topics = [r["topic"] for r in rules if r.get("metric") == mention["metric"]]
    if mention.get("implicit") or not topics or topics[0] not in spec.category_list_topics:
        return False
    cues = [c for r in rules if r["topic"] == topics[0] for c in r["cue"]]
    start, end = mention["span"]
    return listed_beside_another_category(text, start, mention.get("unit") or "", _sentence(text, start, end), cues,
                                          spec)


def part_guard(text: str, mention: Json, predicted: list[Json], spec: Spec) -> bool:
    """Given a page's text, a linked mention of an earlier grammar and all its mentions there, return whether the
    guard on parts read as totals (linking.total_among_other_parts) would have unlinked it, had it existed then."""
    if mention.get("implicit") or mention["metric"] not in spec.total_complements:
        return False
    start, end = mention["span"]
    sentence = _sentence(text, start, end)
    wholes = [(m["span"][1], float(m["value"])) for m in predicted
              if m.get("metric") and not m.get("implicit") and sentence[0] <= m["span"][0] < start]
    return total_among_other_parts(text, start, sentence, wholes, spec.breakdown_words,
                                   spec.total_complements[mention["metric"]])


def carried_guard(text: str, mention: Json, spec: Spec, report_year: int | None) -> bool:
    """Given a page's text, a linked mention of an earlier grammar and the report year, return whether the guard on
    new totals holding a carried-in part (linking.holds_carried_in) would have unlinked it, had it existed then."""
    if mention.get("implicit") or mention["metric"] != spec.carried_in_parts.get("metric"):
        return False
    start, end = mention["span"]
    sentence = _sentence(text, start, end)
    clause_start = max(sentence[0], max(text.rfind(mark, 0, start) for mark in "，,；;") + 1)
    return holds_carried_in(text[clause_start:start], float(mention["value"]), text[end:sentence[1]],
                            spec.breakdown_words, report_year, spec.carry_words, spec.carried_in_parts)


def context(text: str, span: list[int], width: int = 40) -> str:
    """Given a page's text and a figure's span, return the words around it on one line, the figure in brackets."""
    start, end = span
    return (text[max(0, start - width):start] + "【" + text[start:end] + "】" + text[end:end + width]).replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print each false link with its context")
    parser.add_argument("--guarded", action="store_true", help="mark the ones today's grammar no longer makes")
    parser.add_argument("--rounds", type=int, nargs=2, default=(4, 12), metavar=("FIRST", "LAST"))
    args = parser.parse_args()
    spec = load_spec()
    for round_no, commit in FRESH_BATCHES:
        if not args.rounds[0] <= round_no <= args.rounds[1]:
            continue
        pages = batch_pages(commit)
        then = commit_mentions(commit, pages)
        now = commit_mentions(None, pages) if args.guarded else {}
        correct = linked = prevented = guarded = listed = carried = cost = 0
        for gold_path in pages:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = gold_path.with_name(gold["document"]).read_text(encoding="utf-8")
            predicted = then[gold_path.name]
            wrong = false_links(predicted, gold["mentions"])
            linked += sum(1 for m in predicted if m.get("metric"))
            correct += sum(1 for m in predicted if m.get("metric")) - len(wrong)
            still = {(tuple(m["span"]), m["metric"]) for m, _ in false_links(now.get(gold_path.name, []),
                                                                             gold["mentions"])}
            wrong_spans = {(tuple(m["span"]), m["metric"]) for m, _ in wrong}
            for mention in predicted:  # what the guards would have cost then: right links they unlink
                if mention.get("metric") and (tuple(mention["span"]), mention["metric"]) not in wrong_spans:
                    costs = part_guard(text, mention, predicted, spec) or category_list_guard(text, mention, spec) \
                        or carried_guard(text, mention, spec, gold.get("report_year"))
                    cost += costs
                    if costs and args.list:
                        print(f"  r{round_no} {commit} {gold_path.name[:14]} COST {mention['metric']} "
                              f"{context(text, mention['span'])}")
            for mention, partner in wrong:
                fixed = args.guarded and (tuple(mention["span"]), mention["metric"]) not in still
                prevented += fixed
                by_guard = part_guard(text, mention, predicted, spec)
                by_list = category_list_guard(text, mention, spec)
                by_carry = carried_guard(text, mention, spec, gold.get("report_year"))
                guarded += by_guard
                listed += by_list
                carried += by_carry
                if args.list:
                    gold_metric = "no figure" if partner is None else partner.get("metric")
                    marks = "".join(m for m, on in (("fixed ", fixed), ("PART ", by_guard), ("LIST ", by_list),
                                                    ("CARRY ", by_carry)) if on)
                    print(f"  r{round_no} {commit} {gold_path.name[:14]} {marks}"
                          f"{mention['metric']} (gold {gold_metric}) {context(text, mention['span'])}")
        line = f"round {round_no} {commit}: {len(pages)} pages, link P {correct}/{linked}"
        line += (f", unlinked by the part guard {guarded}, by the list guard {listed}, by the carry guard {carried}"
                 f", right links they cost {cost}")
        print(line + (f", {prevented} of {linked - correct} false links not made today" if args.guarded else ""))


if __name__ == "__main__":
    main()
