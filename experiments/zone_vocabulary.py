"""What do spaCy's memory zones cost the parse, and the digest run alone in its process?

    .venv/bin/python experiments/zone_vocabulary.py parse [--start 20] [--limit 100]
    .venv/bin/python experiments/zone_vocabulary.py digest [--start 5] [--limit 100]

``parse``: parses the ``text`` of OrangeSum validation rows ``--start`` to ``--start +
--limit`` with the French pipeline, each inside its own memory zone as ``Pipeline.digest``
does, twice; then makes their words permanent (the tokenizer run on each text outside any
zone) and parses them in zones twice again. Printed: CPU ms per page of each pass. Inside a
zone what spaCy adds to the vocabulary and the tokenizer's cache is freed on exit, so a word
the pipeline never met outside a zone is cut and its lexeme built again on every page.

``digest``: ``Pipeline.digest`` on the raw HTML of those rows, in this process only (no floor
parsed beside it, as a user runs it; bench/throughput.py parses the floor with the same
pipeline outside any zone, which keeps the page's words for the digest that follows): CPU ms
per page, per stage, and in the garbage collector (by generation). The first five rows are
digested first, untimed, to load the models. Run it at two states of the code to compare.
The rows kept for the lead's judging are refused.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
# OrangeSum validation rows kept for the lead's blind judging (COMMON rules): never read.
RESERVED = (range(500, 700), range(900, 1000), range(1100, 1500))
WARM_UP = 5


def rows(start: int, limit: int) -> list[dict[str, str]]:
    if any(r.start < start + limit and start < r.stop for r in RESERVED):
        raise SystemExit("those rows are kept for the lead's judging")
    found = []
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= start + limit:
                break
            if i >= start:
                found.append(json.loads(line))
    return found


def parse(start: int, limit: int) -> None:
    from essentiel.analyze import pipeline

    nlp = pipeline("fr")
    texts = [r["text"] for r in rows(start, limit)]

    def zoned() -> float:
        began = time.process_time()
        for text in texts:
            with nlp.memory_zone():
                nlp(text)
        return 1000 * (time.process_time() - began) / len(texts)

    transient = [zoned() for _ in range(2)]
    for text in texts:
        nlp.tokenizer(text)  # outside a zone: the words' cuts and lexemes kept
    permanent = [zoned() for _ in range(2)]
    print(f"words transient: {transient} ms per page; words kept: {permanent}")


def digest(start: int, limit: int) -> None:
    from essentiel import EssentielError, Pipeline

    pages = rows(max(0, start - WARM_UP), limit + min(start, WARM_UP))
    pipeline = Pipeline()
    for page in pages[:-limit]:
        with contextlib.suppress(EssentielError):
            pipeline.digest(page["html"])
    spent = {0: 0.0, 1: 0.0, 2: 0.0}
    began_at = [0.0]

    def watch(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            began_at[0] = time.process_time()
        else:
            spent[info["generation"]] += time.process_time() - began_at[0]

    before = dict(pipeline.stage_cpu_seconds)
    gc.callbacks.append(watch)
    began = time.process_time()
    for page in pages[-limit:]:
        with contextlib.suppress(EssentielError):
            pipeline.digest(page["html"])
    total = time.process_time() - began
    gc.callbacks.remove(watch)
    stages = {
        name: round(1000 * (value - before.get(name, 0.0)) / limit, 1)
        for name, value in pipeline.stage_cpu_seconds.items()
    }
    print(f"digest {1000 * total / limit:.1f} ms CPU per page; stages {stages}")
    per_generation = {g: round(1000 * s / limit, 2) for g, s in spent.items()}
    print(f"garbage collector, ms per page by generation: {per_generation}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("parse", "digest"))
    parser.add_argument("--start", type=int, default=None)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    if args.what == "parse":
        parse(20 if args.start is None else args.start, args.limit)
    else:
        digest(WARM_UP if args.start is None else args.start, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
