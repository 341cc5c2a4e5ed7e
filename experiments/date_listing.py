"""Every French date the pipeline finds, and every date-like word it does not, by kind.

    .venv/bin/python experiments/date_listing.py [--documents 300] [--skip 8000]
        [--out /tmp/date_listing.txt] [--json FILE]

Reads OrangeSum *train* articles (in file order from line ``--skip``; the French facts gold's
articles left out by id, as ``date_quote_survey.py`` does), digests each one's facts with its
publication date (clean, analyse, facts) and lists, grouped by the rule that found it
(``dates.find``'s rule names), every date mention with its value, its anchor and the words
around it; then, by kind, the date-like words no mention covers (the survey's ``DATE_LIKE``)
and the mentions left without a value. The listing is for a reader to go through kind by kind
(it holds the articles' words: it is written outside the repository, and none of it goes into
a test or a doc); the counts it ends with are what may be quoted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from date_quote_survey import _DATE_LIKE, _FEAST_CASE, TRAIN, _covered, articles, gold_ids
from essentiel.analyze import analyze, parse_zone
from essentiel.clean import clean
from essentiel.facts import extract_facts
from essentiel.facts.dates import find
from essentiel.ingest import ingest


def _context(text: str, a: int, b: int, width: int = 70) -> str:
    left = " ".join(text[max(0, a - width) : a].split())
    right = " ".join(text[b : b + width // 2].split())
    return f"{left} [[{text[a:b]}]] {right}"


def listing(documents: int, skip: int) -> dict[str, Any]:
    held = gold_ids()
    found: dict[str, list[str]] = defaultdict(list)
    missed: dict[str, list[str]] = defaultdict(list)
    unresolved: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    for row in articles(documents, skip, held):
        published = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        if published is None:
            continue
        cleaned = clean(ingest(row["text"]), lang_hint="fr")
        if cleaned.lang != "fr":
            continue
        counts["articles"] += 1
        with parse_zone(["fr"]):
            analysis = analyze(cleaned.blocks, "fr")
            facts = extract_facts(cleaned.text, analysis, "fr", published)
            blocks = [block for block, _doc in analysis.docs]
        text = cleaned.text
        rules: dict[int, str] = {}
        for block in blocks:
            for hit in find(block.span.text, "fr"):
                rules[block.span.start + hit.start] = hit.rule
        spans = [(d.span.start, d.span.end) for d in facts.dates]
        for d in facts.dates:
            rule = rules.get(d.span.start, "?")
            counts["dates"] += 1
            line = (
                f"{row['id']} pub={published} {published.strftime('%a')} "
                f"value={d.value} anchor={d.anchor} :: {_context(text, d.span.start, d.span.end)}"
            )
            found[rule].append(line)
            if d.value is None:
                counts["dates without a value"] += 1
                unresolved[rule].append(line)
        for block in blocks:
            base = block.span.start
            taken: list[tuple[int, int]] = []
            for name, pattern in _DATE_LIKE:
                for m in pattern.finditer(block.span.text):
                    a, b = base + m.start(), base + m.end()
                    if _covered(taken, a, b):
                        continue
                    if name == "feast" and not _FEAST_CASE.fullmatch(m.group()):
                        continue
                    taken.append((a, b))
                    counts["date-like words"] += 1
                    if not _covered(spans, a, b):
                        counts["date-like words outside every date"] += 1
                        missed[name].append(
                            f"{row['id']} pub={published} :: {_context(text, a, b)}"
                        )
    return {
        "counts": dict(counts),
        "found_by_rule": {k: len(v) for k, v in sorted(found.items())},
        "unresolved_by_rule": {k: len(v) for k, v in sorted(unresolved.items())},
        "missed_by_kind": {k: len(v) for k, v in sorted(missed.items())},
        "found": dict(found),
        "unresolved": dict(unresolved),
        "missed": dict(missed),
    }


def write_listing(result: dict[str, Any], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for section in ("found", "unresolved", "missed"):
            for kind, lines in sorted(result[section].items()):
                f.write(f"\n===== {section} / {kind} ({len(lines)})\n")
                f.writelines(line + "\n" for line in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--skip", type=int, default=8000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/date_listing.txt"))
    parser.add_argument("--json", type=Path, help="the counts, as JSON")
    args = parser.parse_args()
    if not TRAIN.exists():
        print(f"no data at {TRAIN}", file=sys.stderr)
        return 2
    result = listing(args.documents, args.skip)
    write_listing(result, args.out)
    summary = {k: result[k] for k in ("counts", "found_by_rule", "unresolved_by_rule")}
    summary["missed_by_kind"] = result["missed_by_kind"]
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
