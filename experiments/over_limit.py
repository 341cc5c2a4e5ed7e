"""How many lead sentences are still too long to be a bullet after compression?

A sentence still over the bullet's limit (``max_words``) after every allowed deletion is not a
key point; in news the lead is the sentence that most often is, and the longest. This counts,
over the first sentences of each article, those still over the limit after compression with
the compressor's deletions, and with each rule given by ``--without`` left out, so that what
one rule brings under the limit is a difference between two rows of the same run.

    .venv/bin/python experiments/over_limit.py --documents 500 --without second_conjunct
    .venv/bin/python experiments/over_limit.py --where dataset=cnndm \
        --data ../shared/eval-data/frank/frank_documents.jsonl.gz --documents 75 \
        --without second_conjunct --without verb_adjunct
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz"
sys.path.insert(0, str(ROOT / "training"))


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=int, default=500)
    add_where_option(parser)
    parser.add_argument("--first", type=int, default=3, help="sentences per article (default 3)")
    parser.add_argument(
        "--without", action="append", default=[], help="a deletion rule to leave out (repeatable)"
    )
    parser.add_argument("--json", type=Path, help="also write the counts as JSON here")
    args = parser.parse_args(argv)

    import essentiel.pipeline as pipeline_module
    from essentiel.evaluation.data import read_items
    from essentiel.keypoints import KeyPointSettings
    from essentiel.keypoints.compress import Compressor, Deletion
    from tune_selection import digest_each

    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    where = dict(args.where)
    items = list(read_items(args.data, source="text", where=where))[: args.documents]
    settings = KeyPointSettings()

    class Without(Compressor):
        """The compressor with one rule's deletions left out."""

        def __init__(self, lang: Any, rule: str) -> None:
            super().__init__(lang)
            self.rule = rule

        def deletions(self, sent: Any) -> list[Deletion]:
            return [d for d in super().deletions(sent) if d.rule != self.rule]

    rows = ["all rules", *(f"without {rule}" for rule in args.without)]
    over = dict.fromkeys(rows, 0)
    sentences_seen = 0
    real = pipeline_module.build_keypoints

    def counted(text: str, sentences: list[Any], lang: Any, *rest: Any):  # type: ignore[no-untyped-def]
        nonlocal sentences_seen
        compressors = [Compressor(lang), *(Without(lang, rule) for rule in args.without)]
        for sentence in sentences[: args.first]:
            sentences_seen += 1
            for row, compressor in zip(rows, compressors, strict=True):
                compressed = compressor.compress(
                    sentence.span, sentence.offset, settings.target_words, settings.max_words
                )
                over[row] += compressed.words > settings.max_words
        return real(text, sentences, lang, *rest)

    pipeline_module.build_keypoints = counted  # type: ignore[assignment]
    try:
        read = sum(1 for _ in digest_each(items))
    finally:
        pipeline_module.build_keypoints = real  # type: ignore[assignment]
    print(
        f"{read} articles, their first {args.first} sentences: {sentences_seen}; "
        f"over {settings.max_words} words after compression:"
    )
    for row in rows:
        print(f"  {row:<28} {over[row]:>5}  ({100 * over[row] / max(1, sentences_seen):.1f} %)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {
            "data": args.data.name,
            "documents": read,
            "first": args.first,
            "sentences": sentences_seen,
            "max_words": settings.max_words,
            "over": over,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
