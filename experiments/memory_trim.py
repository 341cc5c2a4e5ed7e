"""How much of a long run's resident memory is memory glibc keeps after frees?

    PYTHONPATH=src .venv/bin/python experiments/memory_trim.py --articles 4250 --every 250 [--trim]
        [--sample 25]

bench/memory.py's loop (OrangeSum train texts, digested one at a time and serialised as
JSON, one thread). Every ``--sample`` articles the resident set is read; every ``--every``
it prints the last reading and the highest since the previous line, the French lemmatizer
cache's entries, the words keep_words made permanent and the longest article of the
stretch. ``--trim``: at each printed line, also the resident set after glibc's
``malloc_trim(0)`` (which then changes what follows: the process gives the memory back).
Issue 31, thirteenth session.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import sys
from pathlib import Path

import psutil

from essentiel import EssentielError, analyze
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.evaluation.data import read_items
from essentiel.pipeline import Pipeline

TRAIN = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval-data"
    / "orangesum"
    / "orangesum_abstract_train.jsonl.gz"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4250)
    parser.add_argument("--every", type=int, default=250)
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--trim", action="store_true")
    args = parser.parse_args()
    if not TRAIN.is_file():
        print(f"no data at {TRAIN}", file=sys.stderr)
        return 2
    trim = ctypes.CDLL(None).malloc_trim if args.trim else None
    items = read_items(TRAIN, source="text", limit=args.articles)
    pipe = Pipeline()
    pipe.warm_up()
    process = psutil.Process()
    lemmatizer = spacy_pipeline("fr").get_pipe("lemmatizer")
    highest, longest = 0.0, 0
    print("articles  rss_mib  highest_mib  trimmed_mib  lemma_cache  kept_words  longest")
    for n, item in enumerate(items, 1):
        with contextlib.suppress(EssentielError):  # a refused text counts as read
            pipe.digest(item.article, title=item.title).model_dump_json()
        longest = max(longest, len(item.article))
        if n % args.sample == 0 or n % args.every == 0:
            rss = process.memory_info().rss / 2**20
            highest = max(highest, rss)
        if n % args.every == 0:
            trimmed = "-"
            if trim is not None:
                trim(0)
                trimmed = f"{process.memory_info().rss / 2**20:.1f}"
            kept = sum(len(words) for words in analyze._kept_words.values())
            print(
                f"{n:8d}  {rss:7.1f}  {highest:11.1f}  {trimmed:>11}  "
                f"{len(lemmatizer.cache):11d}  {kept:10d}  {longest:7d}",
                flush=True,
            )
            highest, longest = 0.0, 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
