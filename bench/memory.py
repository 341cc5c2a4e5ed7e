"""Memory of one process digesting many articles: resident set and spaCy's string store.

    .venv/bin/python bench/memory.py                       # as the service runs: one thread
    .venv/bin/python bench/memory.py --threads 8           # hop between 8 pooled threads
    .venv/bin/python bench/memory.py --no-zone             # without spaCy memory zones
    .venv/bin/python bench/memory.py --data train --articles 10000 --every 1000 --since 1000

The 21,401 OrangeSum train texts (enough distinct articles, and new words, for a 10,000-article
run; ``--data valid``: the validation pages' text, whose later rows are kept unread for judging
rounds), digested one at a time
and serialised as JSON, as a service worker does; every ``--every`` articles it prints the
resident set (MiB), the size of the French pipeline's string store and the entries of the
French lemmatizer's cache, and at the end the growth from article ``--since`` on.
``--threads N`` runs each digest on one of N pooled threads in turn (what anyio's thread pool
did before the service gave digests a thread of its own); ``--no-zone`` replaces
``analyze.parse_zone`` with a no-op (before memory zones).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from essentiel import EssentielError
from essentiel import pipeline as pipeline_module
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.evaluation.data import read_items
from essentiel.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
ORANGESUM_DIR = ROOT.parent / "shared" / "eval-data" / "orangesum"
ORANGESUM = {
    "valid": ORANGESUM_DIR / "orangesum_abstract_valid.jsonl.gz",
    "train": ORANGESUM_DIR / "orangesum_abstract_train.jsonl.gz",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=900)
    parser.add_argument("--every", type=int, default=150)
    parser.add_argument("--threads", type=int, default=0, help="pooled threads (0: this one)")
    parser.add_argument("--no-zone", action="store_true")
    parser.add_argument("--data", choices=sorted(ORANGESUM), default="train")
    parser.add_argument(
        "--since", type=int, default=0, help="report the growth from this article on"
    )
    args = parser.parse_args()
    data = ORANGESUM[args.data]
    if not data.is_file():
        print(f"no data at {data}", file=sys.stderr)
        return 2
    if args.no_zone:
        pipeline_module.parse_zone = lambda langs=(): contextlib.nullcontext()  # type: ignore[assignment]
    items = read_items(data, source="text", limit=args.articles)
    pipe = Pipeline()
    pipe.warm_up()
    process = psutil.Process()
    pool = ThreadPoolExecutor(args.threads) if args.threads else None

    refused = 0

    def one(text: str, title: str | None) -> str:
        nonlocal refused
        try:
            return pipe.digest(text, title=title).model_dump_json()
        except EssentielError:  # a text the pipeline refuses (none in valid) is counted
            refused += 1
            return ""

    lemmatizer = spacy_pipeline("fr").get_pipe("lemmatizer")
    print("articles  rss_mib  spacy_strings  lemma_cache", flush=True)
    since: float | None = None
    rss = 0.0
    n = 0
    for n, item in enumerate(items, 1):
        if pool is None:
            one(item.article, item.title)
        else:
            # Whichever pooled thread is free takes it, as with anyio's pool.
            pool.submit(one, item.article, item.title).result()
        if n % args.every == 0 or n == args.articles:
            rss = process.memory_info().rss / 2**20
            strings = len(spacy_pipeline("fr").vocab.strings)
            cached = len(getattr(lemmatizer, "cache", ()))
            print(f"{n:8d}  {rss:7.0f}  {strings:13d}  {cached:11d}", flush=True)
            if since is None and n >= args.since:
                since = rss
    if since is not None and args.since:
        print(f"growth from article {args.since} to {n}: {rss - since:+.0f} MiB")
    print(f"refused: {refused}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
