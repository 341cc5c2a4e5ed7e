"""Why is a box empty, or thin (one bullet while the body had more to say)?

For every default digest with no bullet, or with one bullet over a body of at least
``--min-sentences`` sentences, each body sentence is followed through the selection: left out
before scoring (``passed_over``: which part), not standing alone (``stands_alone``: which check,
``headline_misses.why_not_alone``), a candidate never tried (a duplicate of a bullet, or the
box's loop stopped), tried and not made (over the word limit after every cut, a quote the cut
leaves open, the verifier, the named subject cut), made and refused (pointing back, an unnamed
description, an unplaced one). The box's cause is the furthest stage any of its sentences
reached; a box none of whose sentences stands alone is split by what kept most of them out.
Also counted: the quotes over several sentences that could have been joined, and why not.

    PYTHONPATH=src python experiments/thin_boxes.py --source text \
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz \
        --skip 20300 --documents 400 [--show]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import essentiel.keypoints as kp
import essentiel.pipeline as pipeline_module
import keypoint_defects as kd
from essentiel.keypoints import select
from essentiel.keypoints.compress import count_words
from headline_misses import left_out_part, why_not_alone

STAGES = ("left_out", "not_alone", "not_tried", "not_made", "refused", "made")


def why_not_made(
    text: str, sentence: Any, compressor: Any, verifier: Any, settings: Any, repair: Any, **kw: Any
) -> str:
    """Which of ``kp._make``'s steps refused the sentence (a copy of its order)."""
    compressed = compressor.compress(
        sentence.span,
        sentence.offset,
        settings.target_words,
        settings.max_words,
        lead=kw.get("lead", False),
        keep=kw.get("keep", frozenset()),
        clause=kw.get("clause", False),
    )
    insertions = [repair.insertion] if repair is not None else []
    reasons = []
    source = kp.Span(
        start=sentence.start, end=sentence.end, text=text[sentence.start : sentence.end]
    )
    if compressed.words <= settings.max_words:
        named = kp._named(text, compressed.fragments, repair)
        if named is None:
            return "repair_cut"
        if select.unbalanced_quotes(named[1]):
            reasons.append("cut_quote")
        elif not verifier.verify(named[1], [source], insertions).passed:
            reasons.append("verifier")
    else:
        reasons.append(f"over_limit({compressed.words}>{settings.max_words})")
    if count_words(source.text) > settings.max_words:
        return "+".join(reasons) + f"/source {count_words(source.text)} words"
    named = kp._named(text, [(source.start, source.end)], repair)
    if named is None:
        return "repair_cut_whole"
    if select.unbalanced_quotes(named[1]):
        return "+".join(reasons) + "/whole unbalanced quotes"
    return "+".join(reasons) + "/whole fails verifier"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--source", default="text")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--min-sentences", type=int, default=5)
    parser.add_argument("--keypoints", action="append", default=[])
    parser.add_argument("--show", action="store_true", help="print each empty or thin box")
    args = parser.parse_args()

    trace: dict[str, Any] = {}
    real_make = kp._make

    def make(text, sentence, compressor, verifier, settings, notices, *rest, **kw):  # type: ignore[no-untyped-def]
        point = real_make(text, sentence, compressor, verifier, settings, notices, *rest, **kw)
        why = ""
        if point is None:
            repair = rest[0] if rest else kw.get("repair")
            names = ("lead", "keep", "clause")
            extra = dict(zip(names, rest[1:], strict=False)) | kw
            extra.pop("repair", None)
            why = why_not_made(text, sentence, compressor, verifier, settings, repair, **extra)
        trace.setdefault("made", []).append((sentence.start, point, why))
        return point

    def refusal(name: str, real):  # type: ignore[no-untyped-def]
        def judged(sentence, *a, **kw):  # type: ignore[no-untyped-def]
            found = real(sentence, *a, **kw)
            if found:
                label = name
                if name == "pointing":
                    from essentiel.keypoints.pointing import points_back

                    fragments, code, told, point = a[0], a[1], a[2], a[3]
                    label = str(points_back(sentence, fragments, code, told, point.text))
                trace.setdefault("refused", {}).setdefault(sentence.start, []).append(label)
            return found

        return judged

    real_joined = kp.joined_quote

    def joined(text, run, verifier, settings):  # type: ignore[no-untyped-def]
        point = real_joined(text, run, verifier, settings)
        words = count_words(text[run[0].start : run[-1].end])
        why = (
            "made"
            if point is not None
            else (
                f"over_limit({words}>{settings.max_words})"
                if words > settings.max_words
                else "no_speaker_or_verifier"
            )
        )
        trace.setdefault("joined", []).append((run[0].start, why))
        return point

    kp._refused_pointing = refusal("pointing", kp._refused_pointing)  # type: ignore[assignment]
    kp.unnamed_description = refusal("unnamed", kp.unnamed_description)  # type: ignore[assignment]
    kp.refuse_unplaced = refusal("unplaced", kp.refuse_unplaced)  # type: ignore[assignment]
    kp._make = make  # type: ignore[assignment]
    kp.joined_quote = joined  # type: ignore[assignment]

    real_build = pipeline_module.build_keypoints
    current: dict[str, Any] = {}
    causes: collections.Counter[str] = collections.Counter()
    detail: collections.Counter[str] = collections.Counter()
    sizes: collections.Counter[int] = collections.Counter()
    long_bodies: collections.Counter[int] = collections.Counter()

    def traced(text, sentences, lang, title, settings, *rest):  # type: ignore[no-untyped-def]
        trace.clear()
        points, notices = real_build(text, sentences, lang, title, settings, *rest)
        sizes[len(points)] += 1
        if len(sentences) >= args.min_sentences:
            long_bodies[len(points)] += 1
        if not points or (len(points) == 1 and len(sentences) >= args.min_sentences):
            analyse(sentences, lang, title, points, dict(trace))
        return points, notices

    def analyse(sentences, lang, title, points, t):  # type: ignore[no-untyped-def]
        kind = "empty" if not points else "thin"
        excluded = select.passed_over(sentences, lang)
        best = (-1, "")
        lines = []
        alone_reasons: collections.Counter[str] = collections.Counter()
        for i, s in enumerate(sentences):
            tries = [(p, why) for start, p, why in t.get("made", []) if start == s.start]
            refused = t.get("refused", {}).get(s.start, [])
            if i in excluded:
                stage, why = "left_out", left_out_part(sentences, i, lang)
            elif not select.stands_alone(s, lang, False) and not tries:
                stage, why = "not_alone", why_not_alone(s, lang, False)
                alone_reasons[why] += 1
            elif not tries:
                stage, why = "not_tried", ""
            elif any(p is not None for p, _ in tries):
                shown = any(p is not None and p.text == q.text for p, _ in tries for q in points)
                stage = "made" if shown else "refused"
                why = "+".join(sorted(set(refused))) if not shown else ""
            else:
                stage, why = "not_made", " | ".join(sorted({w for _, w in tries}))
            if stage == "left_out":
                alone_reasons["left_out:" + why] += 1
            rank = STAGES.index(stage)
            if stage != "made" and rank > best[0]:
                best = (rank, f"{stage}:{why}")
            lines.append(f"    [{i}] {stage}:{why} | {s.text[:140]}")
        if best[0] <= STAGES.index("not_alone"):
            top = alone_reasons.most_common(1)[0][0] if alone_reasons else "no sentence"
            cause = f"no_candidate:{top}"
        else:
            cause = best[1]
        causes[f"{kind}:{cause.split(':')[0]}"] += 1
        detail[f"{kind}:{cause}"[:90]] += 1
        if args.show:
            print(f"\n== {current.get('id')} {kind.upper()} ({len(sentences)} sentences) {cause}")
            print(f"  H: {title}")
            for p in points:
                print(f"  * {p.text[:160]}")
            for start, why in t.get("joined", []):
                print(f"  joined quote at {start}: {why}")
            print("\n".join(lines))

    pipeline_module.build_keypoints = traced  # type: ignore[assignment]
    from essentiel.evaluation.data import read_items
    from essentiel.pipeline import Pipeline

    items = list(
        read_items(args.data, source=args.source, where={}, limit=args.skip + args.documents)
    )
    items = items[args.skip : args.skip + args.documents]
    pipe = Pipeline(kd._settings(args.keypoints))
    for item in items:
        current["id"] = item.id
        try:
            pipe.digest(item.article, lang=item.lang, title=item.title)
        except Exception as exc:  # a bad input is counted, not fatal
            print(f"{item.id}: {type(exc).__name__}", file=sys.stderr)
    print(f"\nboxes by bullets: {dict(sorted(sizes.items()))}")
    print(
        f"bodies of >= {args.min_sentences} sentences, by bullets:",
        dict(sorted(long_bodies.items())),
    )
    print("causes:")
    for k, v in causes.most_common():
        print(f"  {k:30s} {v}")
    print("detail:")
    for k, v in detail.most_common():
        print(f"  {k:70s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
