"""How many default key points would come from a sentence a selection rule passes over?

    .venv/bin/python experiments/long_quotes.py [--limit N]
    .venv/bin/python experiments/long_quotes.py --rule speakerless
    .venv/bin/python experiments/long_quotes.py --rule speakerless --where dataset=cnndm \
        --data ../shared/eval-data/frank/frank_documents.jsonl.gz
    .venv/bin/python experiments/long_quotes.py --rule single --where dataset=cnndm \
        --data ../shared/eval-data/frank/frank_documents.jsonl.gz

For each OrangeSum validation text (or each row of ``--data``), the key points are built from
one parse twice: as the digest does, and with the rule switched off:
``select.inside_long_quotes`` (``--rule long``, the default), ``select.inside_single_quotes``
(``--rule single``: the same for quotes in single marks), ``select.speakerless_quotes``
(``--rule speakerless``: a sentence that is one quote and nothing else) or
``select.unfinished`` (``--rule unfinished``: a sentence with no final stop before another,
a caption run into the text) or ``select.badly_cut`` (``--rule badly-cut``: a sentence that
opens on a colon or a comma, or on a quoted heading glued to its paragraph). Reports the
candidates the rule excludes, the digests whose key points differ, how many key points the
digests show, and how many of the key points built without the rule come from a sentence the
rule excludes (docs/evaluation.md, "Quotes that span sentences").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
RULES = {
    "long": "inside_long_quotes",
    "single": "inside_single_quotes",
    "speakerless": "speakerless_quotes",
    "unfinished": "unfinished",
    "badly-cut": "badly_cut",
}


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles")
    parser.add_argument("--rule", choices=tuple(RULES), default="long")
    parser.add_argument("--data", type=Path, default=DATA)
    add_where_option(parser)
    args = parser.parse_args(argv)
    where = dict(args.where)
    name = RULES[args.rule]

    import essentiel.keypoints as keypoints_module
    import essentiel.pipeline as pipeline_module
    from essentiel.errors import EssentielError
    from essentiel.evaluation.data import read_items
    from essentiel.keypoints.learned import candidate_indices

    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    counts = dict.fromkeys(
        ("digests", "candidates", "excluded", "changed", "keypoints", "fragments"), 0
    )
    real_build = pipeline_module.build_keypoints
    rule = getattr(keypoints_module, name)

    def both(  # type: ignore[no-untyped-def]
        text: str, sentences: list[Any], lang: Any, title: Any, settings: Any, day: Any, *rest: Any
    ):
        quoted = rule(sentences)
        indices = candidate_indices(sentences, lang)
        counts["digests"] += 1
        counts["candidates"] += len(indices)
        counts["excluded"] += sum(1 for i in indices if i in quoted)
        shown = real_build(text, sentences, lang, title, settings, day, *rest)
        counts["keypoints"] += len(shown[0])
        setattr(keypoints_module, name, lambda _: set())
        try:
            without, _ = real_build(text, sentences, lang, title, settings, day, *rest)
        finally:
            setattr(keypoints_module, name, rule)
        if [k.text for k in without] != [k.text for k in shown[0]]:
            counts["changed"] += 1
        starts = {sentences[i].start for i in quoted}
        counts["fragments"] += sum(1 for k in without if k.sources[0].start in starts)
        return shown

    pipeline_module.build_keypoints = both  # type: ignore[assignment]
    try:
        pipeline = pipeline_module.Pipeline()
        for item in read_items(args.data, source="text", where=where, limit=args.limit):
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
