"""Does ingest's extraction cascade give what trafilatura's gives, and for how much CPU?

    PYTHONPATH=src .venv/bin/python experiments/cascade_equality.py [--limit 500]

``trafilatura.core.trafilatura_sequence`` and ``essentiel.html_cascade.sequence`` on the
same pages (OrangeSum validation pages 0 to N-1, each parsed as ingest parses it, with
ingest's extraction options), which one goes first alternating page by page: how many pages'
body, text and comments differ (as XML), and the CPU per page of each. Issue 31, thirteenth
session.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from lxml import etree
from trafilatura.core import trafilatura_sequence
from trafilatura.settings import Extractor

from essentiel.html_cascade import sequence
from essentiel.html_tree import parse_page

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval-data"
    / "orangesum"
    / "orangesum_abstract_valid.jsonl.gz"
)
LAST_ROW = 500  # rows past it are kept for the lead's measures and judging


def options() -> Extractor:
    """ingest's options (essentiel.ingest._bare_extraction)."""
    return Extractor(
        output_format="xml",
        comments=False,
        formatting=False,
        images=False,
        dedup=False,
        url=None,
        with_metadata=False,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    if not 0 < args.limit <= LAST_ROW:
        print(f"--limit: 1 to {LAST_ROW}", file=sys.stderr)
        return 2
    pages = []
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            pages.append(json.loads(line)["html"])
            if len(pages) >= args.limit:
                break
    sides = {"trafilatura": trafilatura_sequence, "html_cascade": sequence}
    cpu = dict.fromkeys(sides, 0.0)
    differ = 0
    for number, page in enumerate(pages):
        names = list(sides) if number % 2 else list(reversed(sides))
        out = {}
        for name in names:
            tree = parse_page(page)
            if tree is None:
                continue
            start = time.process_time()
            body, text, comments_body, comments = sides[name](tree, options(), None)
            cpu[name] += time.process_time() - start
            out[name] = (
                etree.tostring(body, encoding="unicode"),
                text,
                etree.tostring(comments_body, encoding="unicode"),
                comments,
            )
        differ += len(set(out.values())) > 1
    per_page = {name: round(1000 * spent / len(pages), 2) for name, spent in cpu.items()}
    print(f"{differ} of {len(pages)} pages differ; CPU ms a page: {per_page}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
