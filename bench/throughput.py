"""Throughput of the full digest against its floor (trafilatura extraction + spaCy parse).

    .venv/bin/python bench/throughput.py [--limit N] [--json bench/out/throughput.json]

Reads the HTML pages of ../shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz.
For each page, in turn: the floor (trafilatura.extract + the same spaCy pipeline on its text),
then the full digest (essentiel.Pipeline.digest on the raw HTML). Interleaving the two per page
puts machine noise on both sides; the ratio full/floor is the figure that matters.

Also reported, from the same run: time per stage of the digest, how often the page's chapô
(the journalist's abstract, which the pages carry) is labelled publisher_summary, and the
key points' counts, lengths and verification results.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from essentiel import EssentielError, Pipeline
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.keypoints.compress import count_words
from essentiel.model import BlockKind

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
WARM_UP = 5


def load(limit: int | None) -> list[dict[str, str]]:
    rows = []
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"missing {DATA}: put ../shared beside the checkout", file=sys.stderr)
        return 2
    pages = load(args.limit)
    nlp = spacy_pipeline("fr")
    digester = Pipeline()
    for page in pages[:WARM_UP]:  # load models and fill caches outside the timed loop
        nlp(trafilatura.extract(page["html"]) or "")
        digester.digest(page["html"])
    digester.stage_seconds.clear()

    floor_s = full_s = 0.0
    errors: dict[str, int] = {}
    chapo_by_rule: dict[str, int] = {}
    chapo_in_body = 0
    bullets: list[int] = []
    words: list[int] = []
    checks = passed = fallbacks = 0
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    ) as progress:
        task = progress.add_task("pages", total=len(pages))
        for page in pages:
            html = page["html"]
            start = time.perf_counter()
            text = trafilatura.extract(html) or ""
            nlp(text)
            floor_s += time.perf_counter() - start

            start = time.perf_counter()
            try:
                digest = digester.digest(html)
            except EssentielError as exc:
                full_s += time.perf_counter() - start
                errors[exc.code] = errors.get(exc.code, 0) + 1
                progress.advance(task)
                continue
            full_s += time.perf_counter() - start

            head = " ".join(page["reference_summary"].split()[:8])
            blocks = digest.article.blocks
            summary = [b for b in blocks if b.kind is BlockKind.PUBLISHER_SUMMARY]
            holder = next((b for b in summary if head in b.span.text), None)
            if holder is not None:
                chapo_by_rule[holder.reason] = chapo_by_rule.get(holder.reason, 0) + 1
            elif any(head in b.span.text for b in blocks if b.kind is BlockKind.BODY):
                chapo_in_body += 1
            bullets.append(len(digest.keypoints))
            for point in digest.keypoints:
                words.append(count_words(point.text))
                passed += point.verdict.passed
                fallbacks += point.fallback
                checks += len(point.verdict.checks)
            progress.advance(task)

    n = len(pages)
    stages = {k: round(1000 * v / n, 2) for k, v in digester.stage_seconds.items()}
    result = {
        "pages": n,
        "floor_docs_per_s": round(n / floor_s, 2),
        "digest_docs_per_s": round(n / full_s, 2),
        "ratio_digest_over_floor": round(full_s / floor_s, 3),
        "ms_per_stage": stages,
        "errors": errors,
        "chapo_labelled_publisher_summary": sum(chapo_by_rule.values()),
        "chapo_labelled_by_rule": chapo_by_rule,
        "chapo_left_in_body": chapo_in_body,
        "mean_keypoints": round(statistics.mean(bullets), 2) if bullets else 0,
        "mean_words_per_keypoint": round(statistics.mean(words), 1) if words else 0,
        "max_words_per_keypoint": max(words, default=0),
        "keypoints_passing_verification": f"{passed}/{len(words)}",
        "keypoints_fallback_to_source_sentence": fallbacks,
        "checks_per_keypoint": round(checks / len(words), 1) if words else 0,
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
