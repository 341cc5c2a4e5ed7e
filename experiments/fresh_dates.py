"""French dates (and quotes) on articles nobody tuned on: a listing to read, and judged counts.

    .venv/bin/python experiments/fresh_dates.py list [--documents 300] [--skip 8000]
        [--out /tmp/fresh_dates.txt]
    .venv/bin/python experiments/fresh_dates.py score
        [--judged experiments/fresh_dates_judged.jsonl] [--skip 8000] [--documents 300]
    .venv/bin/python experiments/fresh_dates.py score-quotes
        [--judged experiments/fresh_quotes_judged.jsonl] --skip 8300

Reads OrangeSum *train* articles in file order from line ``--skip`` (the French facts gold's
articles left out by id, as ``date_quote_survey.py`` does) and digests each one's facts with
its publication date (clean, analyse, facts). ``list`` writes, for a reader, every date
mention with its rule, the tense the parse gives its words, its value and the words around it,
and every quote with its kind and speaker; the listing holds the articles' words, so it is
written outside the repository and none of it goes into a test or a doc.

``score`` reads the verdicts of a reader (``fresh_dates_judged.jsonl``: article id, the
expression's offsets in the *clean* text, the error's kind, and the value a reader gives it,
``null`` when the words are no date) and counts how many of them the code now gets right:
a ``wrong`` or ``missed`` item is right when a mention overlapping its offsets has that value;
a ``spurious`` item when no mention overlaps it; a ``bounds`` item (the span badly bounded)
when a mention has those offsets, within two characters, and that value. Only ids, offsets,
kinds and values are stored; the counts by kind are what may be quoted. A ``right`` item
(``fresh_dates_judged_20000.jsonl`` holds every date judged on train rows 20000-20149, the
right ones too) is right when a mention overlapping it still has that value.

``score-quotes`` does the same for quotes (``fresh_quotes_judged.jsonl``: article id, the
quote's content offsets in the clean text as a reader bounds it, the verdict and its kind): a
``missed`` quote is right when a quote's content overlaps it with IoU > 0.3 (the benches'
rule), a ``spurious`` one when no quote's content overlaps it, a ``bounds`` one when a quote's
content has those offsets within two characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from date_quote_survey import TRAIN, articles, gold_ids
from essentiel import resources
from essentiel.analyze import analyze, parse_zone
from essentiel.clean import clean
from essentiel.facts import date_words, extract_facts, tense_positions
from essentiel.facts.dates import find
from essentiel.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "experiments" / "fresh_dates_judged.jsonl"
JUDGED_QUOTES = ROOT / "experiments" / "fresh_quotes_judged.jsonl"


def digests(documents: int, skip: int, only: set[str] | None = None) -> list[dict[str, Any]]:
    """Per article: id, publication date, clean text, dates (with rule and tense), quotes."""
    held = gold_ids()
    temporal = resources.raw("fr")["temporal"]
    out: list[dict[str, Any]] = []
    for row in articles(documents, skip, held):
        if only is not None and row["id"] not in only:
            continue
        published = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        if published is None:
            continue
        cleaned = clean(ingest(row["text"]), lang_hint="fr")
        if cleaned.lang != "fr":
            continue
        # The parse's strings live only inside the zone: read the tenses there.
        with parse_zone(["fr"]):
            analysis = analyze(cleaned.blocks, "fr")
            facts = extract_facts(cleaned.text, analysis, "fr", published)
            rules: dict[int, str] = {}
            tense: dict[int, str] = {}
            for block, doc in analysis.docs:
                base = block.span.start
                hits = find(block.span.text, "fr")
                for hit in hits:
                    rules[base + hit.start] = hit.rule
                if hits:
                    t = tense_positions(doc, temporal, date_words("fr"))
                    for name in ("future", "past", "present"):
                        for p in getattr(t, name):
                            tense[base + p] = name
        dates = [
            {
                "start": d.span.start,
                "end": d.span.end,
                "value": d.value,
                "rule": rules.get(d.span.start, "?"),
                "tense": next(
                    (tense[p] for p in range(d.span.start, d.span.end) if p in tense), None
                ),
                "anchor": d.anchor,
            }
            for d in facts.dates
        ]
        quotes = [
            {
                "kind": str(q.kind),
                "start": q.content.start,
                "end": q.content.end,
                "speaker": q.speaker_name,
            }
            for q in facts.quotes
        ]
        out.append(
            {
                "id": row["id"],
                "published": published,
                "text": cleaned.text,
                "dates": dates,
                "quotes": quotes,
            }
        )
    return out


def _context(text: str, a: int, b: int, width: int = 90) -> str:
    left = " ".join(text[max(0, a - width) : a].split())
    right = " ".join(text[b : b + width // 2].split())
    return f"{left} [[{text[a:b]}]] {right}"


def write_listing(docs: list[dict[str, Any]], out: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as f:
        for doc in docs:
            pub: dt.date = doc["published"]
            f.write(f"\n##### {doc['id']} pub={pub} {pub.strftime('%a')}\n")
            counts["articles"] += 1
            for d in doc["dates"]:
                counts["dates"] += 1
                f.write(
                    f"D {d['start']} {d['end']} {d['rule']} tense={d['tense']} "
                    f"value={d['value']} :: {_context(doc['text'], d['start'], d['end'])}\n"
                )
            for q in doc["quotes"]:
                counts["quotes"] += 1
                f.write(
                    f"Q {q['start']} {q['end']} {q['kind']} speaker={q['speaker']} :: "
                    f"{_context(doc['text'], q['start'], q['end'], 60)}\n"
                )
    return counts


def _bounded(item: dict[str, Any], found: dict[str, Any]) -> bool:
    return abs(found["start"] - item["start"]) <= 2 and abs(found["end"] - item["end"]) <= 2


def judged_right(item: dict[str, Any], dates: list[dict[str, Any]]) -> bool:
    """Does the code now get a judged item right? A ``spurious`` one when no date overlaps
    it; a ``wrong`` or ``missed`` one when a date overlapping it has the value judged right;
    a ``bounds`` one when a date has its offsets (within two characters) and that value."""
    overlapping = [d for d in dates if d["start"] < item["end"] and item["start"] < d["end"]]
    if item["verdict"] == "spurious":
        return not overlapping
    if item["verdict"] == "bounds":
        return any(_bounded(item, d) and d["value"] == item["right"] for d in overlapping)
    return any(d["value"] == item["right"] for d in overlapping)


def quote_right(item: dict[str, Any], quotes: list[dict[str, Any]]) -> bool:
    """Does the code now get a judged quote right (see the module's docstring)?"""
    overlapping = [q for q in quotes if q["start"] < item["end"] and item["start"] < q["end"]]
    if item["verdict"] == "spurious":
        return not overlapping
    if item["verdict"] == "bounds":
        return any(_bounded(item, q) for q in overlapping)

    def iou(q: dict[str, Any]) -> float:
        inter = min(q["end"], item["end"]) - max(q["start"], item["start"])
        union = max(q["end"], item["end"]) - min(q["start"], item["start"])
        return inter / union if union else 0.0

    return any(iou(q) > 0.3 for q in overlapping)


def score(judged: Path, documents: int, skip: int, field: str = "dates") -> dict[str, Any]:
    items = [json.loads(line) for line in judged.open(encoding="utf-8") if line.strip()]
    by_id = {doc["id"]: doc for doc in digests(documents, skip, {i["id"] for i in items})}
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item in items:
        doc = by_id.get(item["id"])
        if doc is None:
            continue
        total[item["kind"]] += 1
        if field == "quotes":
            right[item["kind"]] += quote_right(item, doc["quotes"])
        else:
            right[item["kind"]] += judged_right(item, doc["dates"])
    return {
        "judged": sum(total.values()),
        "right now": sum(right.values()),
        "by kind (right now / judged)": {k: f"{right[k]} / {total[k]}" for k in sorted(total)},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["list", "score", "score-quotes"])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--skip", type=int, default=8000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/fresh_dates.txt"))
    parser.add_argument("--judged", type=Path, default=None)
    args = parser.parse_args()
    if not TRAIN.exists():
        print(f"no data at {TRAIN}", file=sys.stderr)
        return 2
    if args.command == "list":
        counts = write_listing(digests(args.documents, args.skip), args.out)
        print(json.dumps(dict(counts)))
    elif args.command == "score-quotes":
        judged = args.judged or JUDGED_QUOTES
        print(json.dumps(score(judged, args.documents, args.skip, "quotes"), indent=1))
    else:
        print(json.dumps(score(args.judged or JUDGED, args.documents, args.skip), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
