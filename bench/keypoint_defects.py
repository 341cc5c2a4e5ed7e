"""Count the key points a reader would stumble on, read off the parse of their source sentence.

A bullet passes the verifier when every name, number, date and quote in it is in its source;
it can still read badly. This counts, over the default digests of a set of articles:

- ``no_finite_verb``: no finite verb in what the bullet keeps (« Une enquête menée par le
  quotidien régional. », « Les masques. »): a caption or a sub-heading, not a statement;
- ``lost_subject``: the compressor deleted the subject of the main verb and kept the verb
  (« A été rapidement soupçonné du vol de ... »), or kept none of the sentence's own
  subjects when the parse put the main verb's subject outside it ("Remains a respected
  figure in the game.");
- ``lost_verb``: the main verb of the source is not in the bullet;
- ``pronoun_subject``: the main verb's subject is a personal pronoun whose referent is in
  another sentence (« Depuis les municipales, il est parfois gêné ... »);
- ``capital_inside``: the bullet's capital letter was put on a word that is not its first
  (« 64% Des habitants interrogés ... »);
- ``comma_before_complement``: where compression deleted words, a comma is left between a
  word and what completes it (« a décidé, de tester », « ont détecté, un dépassement »).

    .venv/bin/python bench/keypoint_defects.py --documents 500
    .venv/bin/python bench/keypoint_defects.py --lang en --where dataset=cnndm \
        --data ../shared/eval-data/frank/frank_documents.jsonl.gz --documents 75

Prints the counts and, with ``--show N``, N examples of each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz"
KINDS = (
    "no_finite_verb",
    "lost_subject",
    "lost_verb",
    "pronoun_subject",
    "capital_inside",
    "comma_before_complement",
)


def defects(sentence: Any, fragments: list[tuple[int, int]], bullet: str, lang: Any) -> list[str]:
    """What is wrong with a bullet made of ``fragments`` (clean offsets) of ``sentence``."""
    from essentiel.keypoints.select import has_finite_verb, pronoun_subject

    def kept(tok: Any) -> bool:
        start = sentence.offset + tok.idx
        return any(a <= start < b for a, b in fragments)

    tokens = [tok for tok in sentence.span if kept(tok)]
    text = sentence.span.doc.text
    found = []
    if not has_finite_verb(tokens):
        found.append("no_finite_verb")
    root = sentence.span.root
    # The parse may give the main verb a subject outside the sentence (across a caption the
    # split cut off): then a bullet that keeps none of the sentence's own subjects lost it.
    subjects = [
        t for t in sentence.span if t.dep_.startswith("nsubj") or t.dep_ in {"expl", "expl:subj"}
    ]
    if not kept(root):
        found.append("lost_verb")
    elif any(
        c.dep_.startswith("nsubj") and not kept(c) and c in sentence.span for c in root.children
    ) or (subjects and not any(kept(t) for t in subjects)):
        found.append("lost_subject")
    if kept(root) and pronoun_subject(sentence.span, lang):
        found.append("pronoun_subject")
    # Where the bullet differs from its joined fragments is the letter bullet_text raised.
    joined = "".join(text[a - sentence.offset : b - sentence.offset] for a, b in fragments)
    joined = joined.strip()
    raised = next((i for i, (x, y) in enumerate(zip(joined, bullet, strict=False)) if x != y), None)
    if raised is not None and any(ch.isalnum() for ch in joined[:raised]):
        found.append("capital_inside")
    if any(
        _comma_before_complement(sentence, fragments, k, lang) for k in range(1, len(fragments))
    ):
        found.append("comma_before_complement")
    return found


def _comma_before_complement(
    sentence: Any, fragments: list[tuple[int, int]], k: int, lang: Any
) -> bool:
    """At the join before fragment ``k``: a comma, then a phrase that completes (object,
    complement, oblique) a word kept before the join."""
    from essentiel.keypoints.compress import COMPLETING

    text = sentence.span.doc.text
    # The deleted words opened with a comma and the next fragment opens with the other one:
    # « ont détecté[, dans la nuit], un dépassement ». (A comma that stood in the source next to
    # a deleted parenthetical is the source's punctuation, not the deletion's.)
    gap = text[fragments[k - 1][1] - sentence.offset : fragments[k][0] - sentence.offset]
    after = text[fragments[k][0] - sentence.offset : fragments[k][1] - sentence.offset]
    if not (gap.lstrip().startswith(",") and after.lstrip().startswith(",")):
        return False
    incise = after.lstrip()[1:].split(",")[0]
    if lang.speech_verb.search(incise) or lang.according_to.search(incise):
        return False  # « ..., a affirmé X », « ..., selon X »: an attribution keeps its comma
    start, end = fragments[k][0] - sentence.offset, fragments[k][1] - sentence.offset
    first = next((t for t in sentence.span if start <= t.idx < end and t.is_alpha), None)
    if first is None:
        return False
    top = first
    while top.head.i != top.i and start <= top.head.idx < end:
        top = top.head
    head_at = top.head.idx + sentence.offset
    return (
        top.dep_ in COMPLETING
        and head_at < fragments[k - 1][1]
        and any(a <= head_at < b for a, b in fragments[:k])
    )


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--lang", default=None, help="fr or en (default: the file's)")
    add_where_option(parser)
    parser.add_argument("--show", type=int, default=0, help="examples to print per defect")
    parser.add_argument("--json", type=Path, help="also write the counts as JSON here")
    args = parser.parse_args(argv)

    import essentiel.pipeline as pipeline_module
    from essentiel.evaluation.data import read_items
    from essentiel.pipeline import Pipeline

    if not args.data.is_file():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    where = dict(args.where)
    items = list(read_items(args.data, source="text", where=where))[: args.documents]
    real = pipeline_module.build_keypoints
    counts = dict.fromkeys(KINDS, 0)
    examples: dict[str, list[str]] = {kind: [] for kind in KINDS}
    bullets = 0

    def audited(text: str, sentences: list[Any], lang: Any, *rest: Any):  # type: ignore[no-untyped-def]
        nonlocal bullets
        points, notices = real(text, sentences, lang, *rest)
        by_start = {s.start: s for s in sentences}
        for point in points:
            sentence = by_start[point.sources[0].start]
            fragments = [(f.start, f.end) for f in point.fragments]
            bullets += 1
            for kind in defects(sentence, fragments, point.text, lang):
                counts[kind] += 1
                if len(examples[kind]) < args.show:
                    examples[kind].append(f"{point.text}\n      <- {sentence.span.text}")
        return points, notices

    pipeline_module.build_keypoints = audited  # type: ignore[assignment]
    started = time.perf_counter()
    try:
        pipeline = Pipeline()
        for n, item in enumerate(items, 1):
            pipeline.digest(item.article, lang=args.lang or item.lang, title=item.title)
            if n % 50 == 0 or n == len(items):
                rate = n / (time.perf_counter() - started)
                print(f"\r  {n}/{len(items)} articles, {rate:.1f}/s", end="", file=sys.stderr)
    finally:
        pipeline_module.build_keypoints = real  # type: ignore[assignment]
    print(file=sys.stderr)
    print(f"{len(items)} articles, {bullets} bullets")
    for kind in KINDS:
        print(f"  {kind:<16} {counts[kind]:>5}  ({100 * counts[kind] / max(1, bullets):.1f} %)")
        for example in examples[kind]:
            print(f"    - {example}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {"data": args.data.name, "documents": len(items), "bullets": bullets}
        args.json.write_text(json.dumps(report | {"defects": counts}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
