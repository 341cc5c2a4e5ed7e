"""Is one key-point selector better than another on a set, or is the gap noise?

    .venv/bin/python experiments/selector_bootstrap.py --where dataset=cnndm
    .venv/bin/python experiments/selector_bootstrap.py --where dataset=xsum
    .venv/bin/python experiments/selector_bootstrap.py --data FILE --a lead --b learned

Each article is parsed once and its key points built with both selectors (the same
candidates, compression and verification); each is scored by ROUGE-1 F1 (rouge-score
tokenizer) against the row's reference. Reports both means, the mean of the paired
differences (a − b) with a 95 % interval from a paired bootstrap over the articles (seeded),
and on how many articles a wins, loses or ties. This is how the English default selector was
chosen (docs/evaluation.md, « English takes the lead by default »).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "frank" / "frank_documents.jsonl.gz"


def paired_bootstrap(
    differences: list[float], resamples: int, seed: int
) -> tuple[float, float, float]:
    """The mean of ``differences`` and its 95 % interval, resampling the articles."""
    rng = random.Random(seed)
    n = len(differences)
    means = sorted(statistics.fmean(rng.choices(differences, k=n)) for _ in range(resamples))
    return (
        statistics.fmean(differences),
        means[int(0.025 * resamples)],
        means[min(int(0.975 * resamples), resamples - 1)],
    )


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    add_where_option(parser)
    parser.add_argument("--limit", type=int, default=None, help="first N (matching) rows")
    parser.add_argument("--a", default="lead", help="selector a (default: lead)")
    parser.add_argument("--b", default="learned", help="selector b (default: learned)")
    parser.add_argument("--resamples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from essentiel.evaluation.data import read_items
    from essentiel.evaluation.rouge import rouge
    from essentiel.keypoints import SELECTORS, KeyPointSettings

    where = dict(args.where)
    for name in (args.a, args.b):
        if name not in SELECTORS:
            print(
                f"error: selector {name!r}: choose one of {', '.join(SELECTORS)}", file=sys.stderr
            )
            return 2
    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT / "training"))
    import essentiel.pipeline as pipeline_module
    from tune_selection import digest_each

    settings = {name: replace(KeyPointSettings(), selector=name) for name in (args.a, args.b)}
    built: dict[str, list[str]] = {}
    real_build = pipeline_module.build_keypoints

    def both(  # type: ignore[no-untyped-def]
        text: str, sentences: list[Any], lang: Any, title: Any, default: Any, day: Any, *rest: Any
    ):
        for name, chosen in settings.items():
            points, _ = real_build(text, sentences, lang, title, chosen, day, *rest)
            built[name] = [p.text for p in points]
        return real_build(text, sentences, lang, title, default, day, *rest)

    items = list(read_items(args.data, source="text", where=where, limit=args.limit))
    scores: dict[str, list[float]] = {args.a: [], args.b: []}
    pipeline_module.build_keypoints = both  # type: ignore[assignment]
    try:
        for item in digest_each(items, before=lambda _item: built.clear()):
            for name in scores:
                scores[name].append(rouge(built[name], item.reference)["rouge-score", "rouge1"])
    finally:
        pipeline_module.build_keypoints = real_build
    if not scores[args.a]:
        print("error: no article read", file=sys.stderr)
        return 3
    differences = [a - b for a, b in zip(scores[args.a], scores[args.b], strict=True)]
    mean, low, high = paired_bootstrap(differences, args.resamples, args.seed)
    report = {
        "articles": len(differences),
        "rouge1": {name: round(statistics.fmean(v), 2) for name, v in scores.items()},
        f"{args.a} - {args.b}": round(mean, 2),
        "interval_95": [round(low, 2), round(high, 2)],
        "wins": sum(d > 0 for d in differences),
        "losses": sum(d < 0 for d in differences),
        "ties": sum(d == 0 for d in differences),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
