"""Main-text extraction: our clean text beside trafilatura's own ``extract``, page by page.

    .venv/bin/python bench/extraction.py [--part dev|heldout|all] [--lang fr] [--limit N]
                                         [--errors N] [--json bench/out/extraction.json]

Reads ../shared/eval-data/trafilatura-eval/trafilatura_eval.jsonl.gz (990 pages, trafilatura's
own evaluation set: per page 1-6 segments that must be in the extraction, ``with``, and 1-6
boilerplate segments that must not, ``without``). The set's README gives no split, so this
script makes one that never changes: a page is held out when the SHA-256 of its URL ends in
one of 0-3 (254 of the 990 pages, 5 of the 24 French ones); the rest is the
development part, the only one to tune on. The French pages (``lang`` fr) are reported apart
as well.

The metric is the set's (trafilatura's tests/eval_common.py): whitespace-normalised substring
matching; a ``with`` segment found is a true positive, missed a false negative; a
``without`` segment found is a false positive; micro-summed P, R, F1 over the pages. A crash or
an empty result counts as a miss. Note that this is not the ScrapingHub benchmark's token-level
P/R/F1 against a full body: this set has no full body gold, only segments.

Compared, on the same page in the same run, interleaved so that the machine's noise falls on
both sides:
- ``trafilatura``: ``trafilatura.extract`` on the page string with the canonical evaluation
  settings (tables in, comments and formatting out);
- ``ours``: essentiel's extraction stages (``ingest`` then ``clean``) and their clean text,
  every block (nothing is dropped from the clean text: labelled blocks stay in it);
- ``ours-body``: the same run, the body blocks alone (what key points are chosen from).

``ours`` costs more than ``trafilatura`` by what trafilatura alone does not do: the page's
title, URL, site name and publication date, the publisher's chapô and bold marks read from
the page, and in ``clean`` each paragraph's language and its label (at 2d122a9, of
trafilatura's cost in the same run: ``clean`` 0.16, its language identification 0.07 of
that; the date's markup search 0.06; metadata 0.04; summaries 0.03; the XML steps and lines
0.07; ``experiments/extraction_cost_parts.py`` gives these per step). The ratio is given for
``ingest`` + ``clean`` and ``ingest`` alone;
``--metadata-peer`` also times trafilatura's ``extract`` with ``with_metadata=True``, the same
text plus the metadata.

Cost is CPU time of this process (``time.process_time``): on a shared machine wall time
measures the neighbours. The first pages are run once untimed first (``WARM_UP_PAGES``), and
dateparser's patterns for every language are built before timing.
Pages per CPU second, and the ratio ours/trafilatura.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura
from htmldate.extractors import _external_date

from essentiel.clean import BLOCK_SEPARATOR, clean
from essentiel.errors import EssentielError
from essentiel.ingest import ingest
from essentiel.model import BlockKind

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "trafilatura-eval" / "trafilatura_eval.jsonl.gz"
HELD_OUT_LAST_DIGITS = frozenset("0123")
# tests/eval_common.py's EXTRACT_OPTS: the settings trafilatura's own evaluation uses.
TRAFILATURA_OPTS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}
SYSTEMS = ("trafilatura", "ours", "ours-body")
WARM_UP_PAGES = 5
_SPACE = re.compile(r"\s+")


def part_of(url: str) -> str:
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
    return "heldout" if digest[-1] in HELD_OUT_LAST_DIGITS else "dev"


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, page: dict[str, Any], result: str | None) -> tuple[int, int, int, int]:
        found = norm(result) if result else ""
        tp = sum(1 for segment in page["with"] if found and norm(segment) in found)
        fp = sum(1 for segment in page["without"] if found and norm(segment) in found)
        counts = (tp, fp, len(page["with"]) - tp, len(page["without"]) - fp)
        self.tp += counts[0]
        self.fp += counts[1]
        self.fn += counts[2]
        self.tn += counts[3]
        return counts

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Tally:
    confusion: dict[str, Confusion] = field(
        default_factory=lambda: {name: Confusion() for name in SYSTEMS}
    )
    cpu: dict[str, float] = field(
        default_factory=lambda: {"trafilatura": 0.0, "ours": 0.0, "ours-ingest": 0.0}
    )
    pages: int = 0
    failures: dict[str, int] = field(default_factory=lambda: {"trafilatura": 0, "ours": 0})


def ours(page: str, url: str | None) -> tuple[str | None, str | None, float]:
    """(clean text, body blocks' text, CPU seconds of ingest alone) of essentiel's extraction
    stages, texts None when it fails."""
    start = time.process_time()
    try:
        raw = ingest(page, url=url)
    except EssentielError:
        return None, None, time.process_time() - start
    ingest_cpu = time.process_time() - start
    cleaned = clean(raw)
    body = BLOCK_SEPARATOR.join(
        block.span.text for block in cleaned.blocks if block.kind is BlockKind.BODY
    )
    return cleaned.text, body, ingest_cpu


def timed(function: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - start


def run(pages: list[dict[str, Any]], errors: int, metadata_peer: bool = False) -> dict[str, Any]:
    tallies: dict[str, Tally] = {}
    misses: list[str] = []
    # Models and caches loaded once per process (langid's model, dateparser's patterns) are
    # loaded before timing, as in a worker that has digested a few pages.
    for page in pages[:WARM_UP_PAGES]:
        ours(page["html"], page["url"])
        trafilatura.extract(page["html"], url=page["url"], **TRAFILATURA_OPTS)
    # dateparser (htmldate's parser of last resort) builds a language's patterns the first time
    # a date string is tried against it: a string no language reads tries them all, ~2 s of CPU
    # once per process, which a worker has paid before its first pages. Paid here on the
    # first such page, it was 8% of the development part's cost.
    _external_date("12 qqqq 2020")
    for number, page in enumerate(pages):
        html, url = page["html"], page["url"]
        # Alternate which side runs first, so that warm caches favour neither.
        if number % 2:
            (ours_text, ours_body, ingest_cpu), ours_cpu = timed(ours, html, url)
            theirs, their_cpu = timed(trafilatura.extract, html, url=url, **TRAFILATURA_OPTS)
        else:
            theirs, their_cpu = timed(trafilatura.extract, html, url=url, **TRAFILATURA_OPTS)
            (ours_text, ours_body, ingest_cpu), ours_cpu = timed(ours, html, url)
        # What ingest needs beyond the text, as trafilatura gives it (title, date, site...).
        with_metadata = 0.0
        if metadata_peer:
            _, with_metadata = timed(
                trafilatura.extract, html, url=url, with_metadata=True, **TRAFILATURA_OPTS
            )
        groups = ["all", part_of(url)] + (["fr-" + part_of(url)] if page["lang"] == "fr" else [])
        for group in groups:
            tally = tallies.setdefault(group, Tally())
            tally.pages += 1
            tally.cpu["trafilatura"] += their_cpu
            tally.cpu["ours"] += ours_cpu
            tally.cpu["ours-ingest"] += ingest_cpu
            if metadata_peer:
                tally.cpu["trafilatura-with-metadata"] = (
                    tally.cpu.get("trafilatura-with-metadata", 0.0) + with_metadata
                )
            tally.failures["trafilatura"] += not theirs
            tally.failures["ours"] += ours_text is None
            their_counts = tally.confusion["trafilatura"].add(page, theirs)
            our_counts = tally.confusion["ours"].add(page, ours_text)
            tally.confusion["ours-body"].add(page, ours_body)
        worse = (our_counts[0] - our_counts[1]) < (their_counts[0] - their_counts[1])
        if worse and len(misses) < errors:
            misses.append(
                f"{part_of(url)} {url}: ours tp/fp {our_counts[:2]}, trafilatura {their_counts[:2]}"
            )
    report: dict[str, Any] = {}
    for group, tally in tallies.items():
        report[group] = {
            "pages": tally.pages,
            "failures": tally.failures,
            "scores": {name: tally.confusion[name].scores() for name in SYSTEMS},
            "counts": {name: vars(tally.confusion[name]) for name in SYSTEMS},
            "cpu_seconds": tally.cpu,
            "pages_per_cpu_second": {
                name: tally.pages / seconds if seconds else 0.0
                for name, seconds in tally.cpu.items()
                if name != "ours-ingest"
            },
            "cost_ratio": tally.cpu["ours"] / tally.cpu["trafilatura"]
            if tally.cpu["trafilatura"]
            else None,
            "ingest_cost_ratio": tally.cpu["ours-ingest"] / tally.cpu["trafilatura"]
            if tally.cpu["trafilatura"]
            else None,
        }
    report["pages_worse_than_trafilatura"] = misses
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--lang", help="only the pages whose <html lang> is this code")
    parser.add_argument("--limit", type=int, help="the first N pages of the part")
    parser.add_argument("--errors", type=int, default=0, help="list N pages where ours is worse")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--metadata-peer",
        action="store_true",
        help="also time trafilatura.extract with_metadata=True (what ingest needs)",
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"error: {args.data} is absent", file=sys.stderr)
        return 2
    with gzip.open(args.data, "rt", encoding="utf-8") as stream:
        pages = [json.loads(line) for line in stream]
    pages = [p for p in pages if args.part == "all" or part_of(p["url"]) == args.part]
    if args.lang:
        pages = [p for p in pages if p["lang"] == args.lang]
    pages = pages[: args.limit] if args.limit else pages
    report = run(pages, args.errors, args.metadata_peer)
    for group in sorted(k for k in report if k != "pages_worse_than_trafilatura"):
        figures = report[group]
        print(f"== {group}: {figures['pages']} pages, failures {figures['failures']}")
        for name in SYSTEMS:
            s = figures["scores"][name]
            print(
                f"  {name:12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                f"  {figures['counts'][name]}"
            )
        speed = figures["pages_per_cpu_second"]
        print(
            f"  pages per CPU second: trafilatura {speed['trafilatura']:.1f}, "
            f"ours {speed['ours']:.1f} (cost ratio {figures['cost_ratio']:.2f}; "
            f"ingest alone {figures['ingest_cost_ratio']:.2f})"
        )
        if "trafilatura-with-metadata" in speed:
            print(
                f"  trafilatura with_metadata=True: {speed['trafilatura-with-metadata']:.1f} "
                "pages per CPU second"
            )
    for line in report["pages_worse_than_trafilatura"]:
        print("  worse:", line)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
