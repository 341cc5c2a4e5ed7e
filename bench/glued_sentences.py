"""How often do glued paragraphs (« la rentrée.Selon le maire ») hide a sentence boundary?

    .venv/bin/python bench/glued_sentences.py [--limit N]

Each OrangeSum validation text is read and cleaned as a digest does, and its body blocks are
split into sentences twice: by spaCy's stock tokenizer (``analyze.sentences_of`` without the
straight-quote mending), and by the pipeline's own (``analyze.pipeline``: the glued-sentence
infixes and prefix, then ``sentences_of``). Reports both sentence counts and how many articles
split differently (CHANGELOG, "Sentences split where paragraphs were glued together").
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles")
    args = parser.parse_args(argv)

    import spacy

    from essentiel import analyze, resources
    from essentiel.clean import clean
    from essentiel.errors import EssentielError
    from essentiel.evaluation.data import read_items
    from essentiel.ingest import ingest
    from essentiel.model import BlockKind

    if not DATA.is_file():
        print(f"error: {DATA}: no such file", file=sys.stderr)
        return 2
    ours = analyze.pipeline("fr")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        stock = spacy.load(resources.language("fr").spacy_model)
    mend = analyze._straight_quotes_on_their_side
    counts = {"articles": 0, "changed": 0, "stock_sentences": 0, "sentences": 0}
    items = list(read_items(DATA, source="text"))[: args.limit]
    for n, item in enumerate(items, 1):
        try:
            blocks = clean(ingest(item.article), lang_hint="fr").blocks
        except EssentielError:
            continue
        texts = [b.span.text for b in blocks if b.kind is BlockKind.BODY]
        analyze._straight_quotes_on_their_side = lambda _doc, sentences: sentences  # type: ignore[assignment]
        try:
            before = [s.text for doc in stock.pipe(texts) for s in analyze.sentences_of(doc)]
        finally:
            analyze._straight_quotes_on_their_side = mend  # type: ignore[assignment]
        after = [s.text for doc in ours.pipe(texts) for s in analyze.sentences_of(doc)]
        counts["articles"] += 1
        counts["changed"] += before != after
        counts["stock_sentences"] += len(before)
        counts["sentences"] += len(after)
        if n % 100 == 0 or n == len(items):
            print(f"\r  {n}/{len(items)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    print(json.dumps(counts, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
