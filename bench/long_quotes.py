"""How many default key points would be a fragment of a long quote without the rule?

    .venv/bin/python bench/long_quotes.py [--limit N]

For each OrangeSum validation text, the key points are built from one parse twice: as the
digest does, and with ``select.inside_long_quotes`` switched off. Reports the candidates the
rule excludes, the digests whose key points differ, and how many of the key points built
without the rule come from a sentence the rule excludes (docs/evaluation.md, "Quotes that
span sentences").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles")
    args = parser.parse_args(argv)

    import essentiel.keypoints as keypoints_module
    import essentiel.pipeline as pipeline_module
    from essentiel.errors import EssentielError
    from essentiel.evaluation.data import read_items
    from essentiel.keypoints.learned import candidate_indices

    if not DATA.is_file():
        print(f"error: {DATA}: no such file", file=sys.stderr)
        return 2
    counts = {"digests": 0, "candidates": 0, "excluded": 0, "changed": 0, "fragments": 0}
    real_build = pipeline_module.build_keypoints
    rule = keypoints_module.inside_long_quotes

    def both(text: str, sentences: list[Any], lang: Any, title: Any, settings: Any, day: Any):  # type: ignore[no-untyped-def]
        quoted = rule(sentences)
        indices = candidate_indices(sentences, lang)
        counts["digests"] += 1
        counts["candidates"] += len(indices)
        counts["excluded"] += sum(1 for i in indices if i in quoted)
        shown = real_build(text, sentences, lang, title, settings, day)
        keypoints_module.inside_long_quotes = lambda _: set()  # type: ignore[assignment]
        try:
            without, _ = real_build(text, sentences, lang, title, settings, day)
        finally:
            keypoints_module.inside_long_quotes = rule
        if [k.text for k in without] != [k.text for k in shown[0]]:
            counts["changed"] += 1
        starts = {sentences[i].start for i in quoted}
        counts["fragments"] += sum(1 for k in without if k.sources[0].start in starts)
        return shown

    pipeline_module.build_keypoints = both  # type: ignore[assignment]
    try:
        pipeline = pipeline_module.Pipeline()
        for item in read_items(DATA, source="text", limit=args.limit):
            try:
                pipeline.digest(item.article, lang=item.lang, title=item.title)
            except EssentielError:
                continue
    finally:
        pipeline_module.build_keypoints = real_build
    print(json.dumps(counts, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
