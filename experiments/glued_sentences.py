"""How often do glued paragraphs (« la rentrée.Selon le maire ») hide a sentence boundary?

    .venv/bin/python experiments/glued_sentences.py [--limit N]
    .venv/bin/python experiments/glued_sentences.py --lang en \
        ../shared/eval-data/frank/frank_annotated_summaries.jsonl.gz \
        ../shared/eval-data/xsumfaith/xsumfaith_with_docs.jsonl.gz
    .venv/bin/python experiments/glued_sentences.py --compare quote-stops --lang en --where \
        dataset=cnndm ../shared/eval-data/frank/frank_documents.jsonl.gz

Each OrangeSum validation text (or each distinct ``text`` of the files given) is read and
cleaned as a digest does, and its body blocks are
split into sentences twice: by spaCy's stock tokenizer (``analyze.sentences_of`` without the
straight-quote mending), and by the pipeline's own (``analyze.pipeline``: the glued-sentence
infixes and prefix, then ``sentences_of``). Reports both sentence counts and how many articles
split differently (CHANGELOG, "Sentences split where paragraphs were glued together").

``--compare quote-stops``: the pipeline's split with and without the cut after a quote closed
by its stop (« ... on May 2.' Union leaders ... », ``analyze._after_closed_quote``).

``--compare quote-pairs``: the pipeline's split with and without the cut after a quoted
subheading glued to its paragraph (« un gourou""Délire », « d'adaptation"Camille T. »), the
cut after page furniture glued to the next paragraph (« ... on this deviceThe club »), and the
joining of a sentence that opens on a comma or a colon once the straight marks are on their
side (``analyze._join_openings_on_punctuation``).
With ``--show N``, the first N articles that split differently print their changed sentences.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files with a text field")
    parser.add_argument("--lang", default="fr", help="language of the texts (default: fr)")
    parser.add_argument("--limit", type=int, default=None, help="first N articles")
    parser.add_argument(
        "--compare",
        choices=("infixes", "quote-stops", "quote-pairs"),
        default="infixes",
        help="what the first split lacks (default: the glued-sentence infixes)",
    )
    add_where_option(parser)
    parser.add_argument("--show", type=int, default=0, help="print N changed articles' sentences")
    args = parser.parse_args(argv)
    where = dict(args.where)

    import spacy

    from essentiel import analyze, resources
    from essentiel.clean import clean
    from essentiel.errors import EssentielError
    from essentiel.evaluation.data import read_items
    from essentiel.ingest import ingest
    from essentiel.model import BlockKind

    for path in args.files or [DATA]:
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
    if args.files:
        distinct: dict[str, None] = {}  # an article annotated several times is counted once
        for path in args.files:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                rows = (json.loads(line) for line in lines)
                kept = (r for r in rows if all(r.get(k) == v for k, v in where.items()))
                distinct.update(dict.fromkeys(t for r in kept if (t := r.get("text"))))
        articles = list(distinct)[: args.limit]
    else:
        articles = [item.article for item in read_items(DATA, source="text")][: args.limit]
    ours = analyze.pipeline(args.lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        stock = spacy.load(resources.language(args.lang).spacy_model)
    mend = analyze._straight_quotes_on_their_side
    quote_stop = analyze._after_closed_quote
    join = analyze._join_openings_on_punctuation
    if args.compare == "quote-pairs":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            unpaired = spacy.load(resources.language(args.lang).spacy_model)
        analyze.mend_tokenizer(unpaired, quote_pairs=False)
    shown = 0
    counts = {"articles": 0, "changed": 0, "sentences_before": 0, "sentences": 0}
    for n, article in enumerate(articles, 1):
        try:
            blocks = clean(ingest(article), lang_hint=args.lang).blocks
        except EssentielError:
            continue
        texts = [b.span.text for b in blocks if b.kind is BlockKind.BODY]
        if args.compare == "quote-stops":
            analyze._after_closed_quote = lambda _doc, _i: False  # type: ignore[assignment]
            first = ours
        elif args.compare == "quote-pairs":
            analyze._join_openings_on_punctuation = lambda _doc, _text, sentences: sentences  # type: ignore[assignment]
            first = unpaired
        else:
            analyze._straight_quotes_on_their_side = lambda _doc, _text, sentences: sentences  # type: ignore[assignment]
            first = stock
        try:
            before = [s.text for doc in first.pipe(texts) for s in analyze.sentences_of(doc)]
        finally:
            analyze._straight_quotes_on_their_side = mend  # type: ignore[assignment]
            analyze._after_closed_quote = quote_stop  # type: ignore[assignment]
            analyze._join_openings_on_punctuation = join  # type: ignore[assignment]
        after = [s.text for doc in ours.pipe(texts) for s in analyze.sentences_of(doc)]
        if before != after and shown < args.show:
            shown += 1
            print(f"--- article {n}", file=sys.stderr)
            for text in sorted(set(before) - set(after)):
                print(f"  - {text}", file=sys.stderr)
            for text in sorted(set(after) - set(before)):
                print(f"  + {text}", file=sys.stderr)
        counts["articles"] += 1
        counts["changed"] += before != after
        counts["sentences_before"] += len(before)
        counts["sentences"] += len(after)
        if n % 100 == 0 or n == len(articles):
            print(f"\r  {n}/{len(articles)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    print(json.dumps(counts, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
