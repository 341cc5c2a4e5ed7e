"""Memory of one process digesting many articles: resident set and spaCy's string store.

    .venv/bin/python bench/memory.py                       # as the service runs: one thread
    .venv/bin/python bench/memory.py --threads 8           # hop between 8 pooled threads
    .venv/bin/python bench/memory.py --no-zone             # without spaCy memory zones

The OrangeSum validation pages (text field), digested one at a time and serialised as JSON,
as a service worker does; every ``--every`` articles it prints the resident set (MiB) and the
size of the French pipeline's string store. ``--threads N`` runs each digest on one of N pooled
threads in turn (what anyio's thread pool did before the service gave digests a thread of its
own); ``--no-zone`` replaces ``analyze.parse_zone`` with a no-op (before memory zones).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from essentiel import pipeline as pipeline_module
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.evaluation.data import read_items
from essentiel.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
ORANGESUM = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=900)
    parser.add_argument("--every", type=int, default=150)
    parser.add_argument("--threads", type=int, default=0, help="pooled threads (0: this one)")
    parser.add_argument("--no-zone", action="store_true")
    args = parser.parse_args()
    if not ORANGESUM.is_file():
        print(f"no data at {ORANGESUM}", file=sys.stderr)
        return 2
    if args.no_zone:
        pipeline_module.parse_zone = lambda langs=(): contextlib.nullcontext()  # type: ignore[assignment]
    items = list(read_items(ORANGESUM, source="text", limit=args.articles))
    pipe = Pipeline()
    pipe.warm_up()
    process = psutil.Process()
    pool = ThreadPoolExecutor(args.threads) if args.threads else None

    def one(text: str, title: str | None) -> str:
        return pipe.digest(text, title=title).model_dump_json()

    print("articles  rss_mib  spacy_strings")
    for n, item in enumerate(items, 1):
        if pool is None:
            one(item.article, item.title)
        else:
            # Whichever pooled thread is free takes it, as with anyio's pool.
            pool.submit(one, item.article, item.title).result()
        if n % args.every == 0 or n == len(items):
            rss = process.memory_info().rss / 2**20
            print(f"{n:8d}  {rss:7.0f}  {len(spacy_pipeline('fr').vocab.strings):13d}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
