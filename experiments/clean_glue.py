"""How often does the clean text still hold the glue faults judges saw in key points (issue 33)?

    .venv/bin/python experiments/clean_glue.py --source html --limit 245
    .venv/bin/python experiments/clean_glue.py --source text --start 5000 --limit 1000 \
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz
    .venv/bin/python experiments/clean_glue.py --bullets records.jsonl

Each row is cleaned as a digest cleans it (``ingest`` then ``clean``, with the row's title), and
every body block is searched for each kind of fault, counted per occurrence and per document:

- ``list_mark``: a list's mark (« • », « ► ») inside a body block (« ... après.• Baisse du
  prix du gazInitialement ... »);
- ``leading_dash``: a body block that opens on a hyphen glued to its first word (« -C'est un
  tube ... »), or on a list's mark;
- ``elided_quote``: a straight double quote typed for an elision's apostrophe (« de
  l"épidémie »);
- ``lowercase_glue``: a lowercase word glued to a capitalised one (« ... en examenRapidement
  ... »; names written in camel case from a capital, « YouTube », are not counted);
- ``dashed_run_in``: AFP's intertitle between dashes run into the text (« décès.- "Chiffres
  inquiétants" -Le ministère »).

``--bullets FILE`` counts the same kinds in the key points of a ``bench/keypoint_defects.py
--jsonl`` file instead. ``--show N`` prints N examples of each kind. The rows kept for the
lead's blind judging (validation 700-1000 and 1100-1499) are refused.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
RESERVED = (range(700, 1001), range(1100, 1500))

KINDS: dict[str, re.Pattern[str]] = {
    "list_mark": re.compile(r"[•●▪►■◆▶♦]"),
    "leading_dash": re.compile(r"^(?:-(?=[\"«“A-ZÀ-ÖØ-Þ])|[•●▪►■◆▶♦])"),
    "elided_quote": re.compile(
        r"(?<![\w'’])(?:[lLdDjJnNsSmMtTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)\""
        r"(?=[aeiouyhéèêëàâîïôûœAEIOUYHÉÈÊÀÂÎÔ])"
    ),
    "lowercase_glue": re.compile(
        r"(?<![\w'’-])(?:[a-zà-öø-ÿ]{1,2}['’])?[a-zà-öø-ÿ]{2,}"
        r"(?=[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]{2}|\s[a-zà-öø-ÿ]))"
    ),
    "dashed_run_in": re.compile(r"[.!?…»\"”)]\s?- [^\n]{1,150}? -(?=[A-ZÀ-ÖØ-Þ«\"“])"),
}


def faults(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each fault found in ``text``, with its kind."""
    for kind, pattern in KINDS.items():
        for match in pattern.finditer(text):
            yield kind, match


def read_rows(path: Path, start: int, limit: int) -> Iterator[tuple[int, dict[str, Any]]]:
    reserved = path.name == DATA.name
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < start:
                continue
            if number >= start + limit:
                break
            if reserved and any(number in rows for rows in RESERVED):
                raise SystemExit(f"row {number} is kept for the lead's blind judging")
            yield number, json.loads(line)


def body_texts(row: dict[str, Any], source: str) -> list[str]:
    from essentiel.clean import clean
    from essentiel.ingest import ingest
    from essentiel.model import BlockKind

    cleaned = clean(ingest(row[source]), lang_hint=row.get("lang"), headline=row.get("title"))
    return [b.span.text for b in cleaned.blocks if b.kind is BlockKind.BODY]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--source", choices=("text", "html"), default="html")
    parser.add_argument("--start", type=int, default=0, help="first row (0-based)")
    parser.add_argument("--limit", type=int, default=245, help="how many rows")
    parser.add_argument("--bullets", type=Path, help="a keypoint_defects.py --jsonl file")
    parser.add_argument("--show", type=int, default=0, help="examples to print per kind")
    args = parser.parse_args(argv)

    found: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    if args.bullets:
        with args.bullets.open(encoding="utf-8") as handle:
            items = [
                (record["id"], [b["text"] for b in record["bullets"]])
                for record in map(json.loads, handle)
            ]
        what = f"{sum(len(texts) for _, texts in items)} key points of {len(items)} documents"
    else:
        if not args.data.is_file():
            print(f"error: {args.data}: no such file", file=sys.stderr)
            return 2
        items = [
            (str(n), body_texts(row, args.source))
            for n, row in read_rows(args.data, args.start, args.limit)
        ]
        what = f"body blocks of {len(items)} documents ({args.source}, rows from {args.start})"
    for key, texts in items:
        kinds: set[str] = set()
        for text in texts:
            for kind, match in faults(text):
                found[kind] += 1
                kinds.add(kind)
                if len(examples[kind]) < args.show:
                    around = text[max(0, match.start() - 50) : match.end() + 50]
                    examples[kind].append(f"[{key}] …{around}…")
        documents.update(kinds)
    print(what)
    for kind in KINDS:
        print(f"  {kind:16} {found[kind]:5} in {documents[kind]} documents")
        for example in examples[kind]:
            print(f"      {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
