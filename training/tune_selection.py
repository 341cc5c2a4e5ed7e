"""Tune the key-point settings on OrangeSum train articles the selector never saw.

``make train`` draws its articles from the train split with a fixed seed; this script takes the
articles after them in the same shuffled order, so nothing here was used to fit the models and
the validation split stays untouched for the recorded figures. Each article is read, cleaned
and parsed once; the key points are then built under each setting compared (by wrapping the
pipeline's ``build_keypoints``), and scored with ROUGE against the journalist's abstract.

    .venv/bin/python training/tune_selection.py --documents 600 --json training/out/tune.json

What it compares, as ``NAME=FIELD:VALUE,...`` (``KeyPointSettings`` fields, the defaults for
the others), by default: the default settings, two bullets, the third bullet's threshold
(``extra_ratio``), the model without the heuristic, the heuristic alone; LEAD-2 and LEAD-3 of
the same sentences are the baselines. Beside ROUGE, each setting's share of boxes that miss the
headline's event (``miss``: no bullet holds HEADLINE_COVERAGE of its event words, matched as
``bench/keypoint_defects.py`` matches them) and whose first bullet does not state it
(``first``); boxes whose body never states the event count here as misses.

The same comparison on another file (English: the FRANK CNN/DM documents; no article of it was
used in training, so nothing is skipped):

    .venv/bin/python training/tune_selection.py --where dataset=cnndm --skip 0 --documents 75 \
        --data ../shared/eval-data/frank/frank_documents.jsonl.gz
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

# The draw of make train, so that what it used is skipped here.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_selector import DEFAULT_DATA, DOCUMENTS, SEED

# The reader's measure of a box that misses the headline's event (bench/keypoint_defects.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

DEFAULT_VARIANTS = (
    "default=",
    "two=max_keypoints:2",
    *(f"extra-{r}=extra_ratio:{r}" for r in ("0.6", "0.7", "0.8", "0.9")),
    "model-only=learned_weight:1.0",
    "heuristic=selector:heuristic",
)


def _settings(spec: str) -> tuple[str, dict[str, Any]]:
    name, _, fields = spec.partition("=")
    values: dict[str, Any] = {}
    for field in filter(None, fields.split(",")):
        key, _, raw = field.partition(":")
        values[key] = (
            raw if key in ("selector", "selector_model") else float(raw) if "." in raw else int(raw)
        )
    return name, values


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--seed", type=int, default=SEED, help="make train's seed")
    parser.add_argument(
        "--skip", type=int, default=DOCUMENTS, help="articles make train draws (never used here)"
    )
    parser.add_argument("--variant", action="append", help="NAME=FIELD:VALUE,... (repeatable)")
    add_where_option(parser)
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    args = parser.parse_args(argv)

    import essentiel.keypoints as keypoints_module
    import essentiel.pipeline as pipeline_module
    from essentiel.evaluation.data import read_items
    from essentiel.evaluation.rouge import rouge
    from essentiel.keypoints import KeyPointSettings

    if not args.data.is_file():
        print(f"error: {args.data}: no such file (the OrangeSum train split)", file=sys.stderr)
        return 2
    where = dict(args.where)
    items = list(read_items(args.data, source="text", where=where))
    random.Random(args.seed).shuffle(items)  # the order make train draws from
    held_out = items[args.skip : args.skip + args.documents]
    variants = [_settings(spec) for spec in (args.variant or DEFAULT_VARIANTS)]
    base = KeyPointSettings()
    settings = {name: replace(base, **values) for name, values in variants}

    from essentiel.analyze import pipeline as spacy_pipeline
    from keypoint_defects import (
        HEADLINE_COVERAGE,
        headline_coverage,
        headline_event,
        kept_tokens,
        said_by,
    )

    built: dict[str, list[str]] = {}
    # Per setting, each bullet's share of the headline's content words (None: no headline).
    covered: dict[str, list[float] | None] = {}
    real = pipeline_module.build_keypoints
    # The settings compared here mostly leave the candidates' scores alone: the model (and its
    # encoder, most of a box's time) scores an article once per learned weight, not once per
    # setting. Scores are a pure function of these arguments; the cache is emptied per article.
    real_scores = keypoints_module.score_learned
    scored: dict[tuple[Any, ...], list[Any]] = {}

    def score_once(sentences: Any, lang: Any, title: Any, weight: Any, *rest: Any) -> list[Any]:
        key = (id(sentences), title, weight, *rest[1:])
        if key not in scored:
            scored[key] = real_scores(sentences, lang, title, weight, *rest)
        return list(scored[key])

    def every_setting(  # type: ignore[no-untyped-def]
        text: str, sentences: list[Any], lang: Any, title: Any, _: Any, day: Any, *rest: Any
    ):
        entities = rest[0].entities if rest and rest[0] is not None else []
        head = (
            headline_event(spacy_pipeline(lang.code)(title), lang.code, entities) if title else ()
        )
        by_start = {s.start: s for s in sentences}

        def coverage(tokens: list[Any], spans: list[tuple[int, int]]) -> float:
            return headline_coverage(head, [said_by(tokens, lang.code, entities, spans)])

        for name, chosen in settings.items():
            points, _notices = real(text, sentences, lang, title, chosen, day, *rest)
            built[name] = [p.text for p in points]
            covered[name] = (
                [
                    coverage(
                        kept_tokens(by_start[p.sources[0].start], spans),
                        spans,
                    )
                    for p in points
                    for spans in [[(f.start, f.end) for f in p.fragments]]
                ]
                if head
                else None
            )
        for k in (2, 3):
            built[f"lead-{k}"] = [s.span.text.strip() for s in sentences[:k]]
            covered[f"lead-{k}"] = (
                [coverage(list(s.span), [(s.start, s.end)]) for s in sentences[:k]]
                if head
                else None
            )
        return real(text, sentences, lang, title, base, day, *rest)

    def next_article(_item: Any) -> None:
        built.clear()
        covered.clear()
        scored.clear()

    pipeline_module.build_keypoints = every_setting  # type: ignore[assignment]
    keypoints_module.score_learned = score_once  # type: ignore[assignment]
    try:
        scores: dict[str, dict[str, list[float]]] = {}
        for item in digest_each(held_out, before=next_article):
            for name, bullets in built.items():
                r = rouge(bullets, item.reference)
                row = scores.setdefault(
                    name,
                    {"r1": [], "r2": [], "rl": [], "bullets": [], "words": [], "miss": []}
                    | {"first": []},
                )
                shares = covered.get(name)
                if shares is not None:
                    row["miss"].append(100.0 * (max(shares, default=0.0) < HEADLINE_COVERAGE))
                    row["first"].append(100.0 * ((shares[:1] or [0.0])[0] < HEADLINE_COVERAGE))
                row["r1"].append(r["rouge-score", "rouge1"])
                row["r2"].append(r["rouge-score", "rouge2"])
                row["rl"].append(r["rouge-score", "rougeL"])
                row["bullets"].append(len(bullets))
                row["words"].append(sum(len(b.split()) for b in bullets))
    finally:
        pipeline_module.build_keypoints = real  # type: ignore[assignment]
        keypoints_module.score_learned = real_scores  # type: ignore[assignment]
    table = {
        name: {
            key: round(statistics.mean(values), 2) if values else float("nan")
            for key, values in row.items()
        }
        | {"documents": len(row["r1"]), "with_headline": len(row["miss"])}
        for name, row in scores.items()
    }
    print(
        f"{'setting':<14} {'R1':>6} {'R2':>6} {'RL':>6} {'bullets':>8} {'words':>6}"
        f" {'miss %':>7} {'first %':>7}"
    )
    for name, row in table.items():
        print(
            f"{name:<14} {row['r1']:>6.2f} {row['r2']:>6.2f} {row['rl']:>6.2f} "
            f"{row['bullets']:>8.2f} {row['words']:>6.1f} {row['miss']:>7.1f} {row['first']:>7.1f}"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {"data": args.data.name, "seed": args.seed, "skip": args.skip, "table": table}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def digest_each(items: list[Any], before: Callable[[Any], None] | None = None) -> Iterator[Any]:
    """Digest each evaluation item in turn and yield the ones read, with progress on stderr.

    The scripts here replace ``pipeline.build_keypoints`` with a wrapper that records what they
    compare, so that each article is parsed once; ``before`` resets that record for the next
    article. An article the pipeline cannot read is reported and skipped."""
    from essentiel.errors import EssentielError
    from essentiel.pipeline import Pipeline

    pipeline = Pipeline()
    started = time.perf_counter()
    for n, item in enumerate(items, 1):
        if before is not None:
            before(item)
        try:
            # The publication date as ``essentiel eval`` passes it: the verifier reads it.
            pipeline.digest(
                item.article, published=item.published, lang=item.lang, title=item.title
            )
        except EssentielError as exc:
            print(f"\n  {item.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        yield item
        if n % 50 == 0 or n == len(items):
            rate = n / (time.perf_counter() - started)
            print(f"\r  {n}/{len(items)} articles, {rate:.1f}/s", end="", file=sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
