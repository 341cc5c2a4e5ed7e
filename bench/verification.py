"""How the key points of a corpus fare under verification.

    .venv/bin/python bench/verification.py ../shared/eval-data/frank/frank_documents.jsonl.gz
    .venv/bin/python bench/verification.py \
        ../shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz --field html

Reads JSONL (gzip or not) with a `text` or `html` field and reports, over all documents: key
points made, how many passed verification, how many fell back to their source sentence or were
dropped, documents with fewer than two key points, and input errors by reason.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from rich.progress import track

from essentiel import EssentielError, Pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--field", default="text", choices=["text", "html"])
    args = parser.parse_args()
    opener = gzip.open if args.data.suffix == ".gz" else open
    with opener(args.data, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    pipeline = Pipeline()
    counts: Counter[str] = Counter()
    for row in track(rows, description="documents"):
        try:
            digest = pipeline.digest(row[args.field])
        except EssentielError as exc:
            counts[f"error: {exc.code}"] += 1
            continue
        counts["documents"] += 1
        counts["keypoints"] += len(digest.keypoints)
        counts["passed"] += sum(p.verdict.passed for p in digest.keypoints)
        counts["fallback"] += sum(p.fallback for p in digest.keypoints)
        for notice in digest.notices:
            counts[notice.code] += 1
    print(json.dumps(dict(sorted(counts.items())), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
