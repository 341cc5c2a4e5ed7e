"""Why a box misses the headline's event: each miss of ``bench/keypoint_defects.py`` traced.

For every box that misses the headline's event while the body states it, each body sentence
that states it (the measure's own test, whole) is followed through the selection: left out
before scoring (``passed_over``: which part), not standing alone (``stands_alone``: which
check), the closing sentence, a candidate not among the first bullet's tries (out-scored by
the headline match, or past the early window), tried and not made (too long, verifier),
made and refused (pointing, unnamed, unplaced), made but cut until it no longer states the
event, or made but not chosen. The box's cause is the stage of its stating sentence that went
furthest. Prints one block per miss and the counts.

    PYTHONPATH=src python experiments/headline_misses.py --source text \
        --data ../shared/eval-data/orangesum/orangesum_abstract_train.jsonl.gz \
        --skip 20000 --documents 300
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import essentiel.keypoints as kp
import essentiel.pipeline as pipeline_module
import keypoint_defects as kd
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.keypoints import select

STAGES = (
    "left_out",
    "not_alone",
    "closing",
    "not_tried",  # a candidate, not among the first bullet's tries, not chosen later
    "tried_not_made",
    "made_refused",
    "made_cut_away",
    "made_other_first",  # made in a try but another pending statement was taken
    "chosen",  # the bullet is made and covers: cannot be a miss
)


def why_not_alone(sentence: Any, lang: Any, named: bool) -> str:
    """The first check of ``select.stands_alone`` the sentence fails (a copy of its order)."""
    span = sentence.span
    text = sentence.text.strip()
    words = len(text.split())
    if words < select.MIN_WORDS:
        return "too_short"
    if words > select.MAX_SOURCE_WORDS:
        return "too_long_source"
    if text[:1] in ",;)]":
        return "tail"
    if text[:1].islower():
        return "lowercase_start"
    if text[:2] in select._DASH_OPENERS or select._glued_caption(lang.code).search(text):
        return "dash_or_caption"
    if text.endswith(("?", ":")) or text.rstrip('»"” ').endswith("?"):
        return "question_or_colon"
    if not any(tok.pos_ in {"VERB", "AUX"} for tok in span) or select._no_statement(span):
        return "no_verb_or_statement"
    if select.nominal_fragment(span, lang) or select.verbless_fragment(span):
        return "fragment"
    if select.subordinate_only(list(span)):
        return "subordinate_only"
    if select._nonfinite_head(span):
        return "nonfinite_head"
    if select._verb_first(span, text, lang.code):
        return "verb_first"
    if select._said_of_nothing(span, lang.code):
        return "said_of_nothing"
    if select.subject_points_back(span, lang.code):
        return "subject_points_back"
    if select.dangling_participle(span, lang.code):
        return "dangling_participle"
    if select.pronoun_points_back(span, lang.code):
        return "pronoun_points_back"
    if not named and select.pronoun_subject(span, lang):
        return "pronoun_subject"
    if not named and select.phrase_then_pronoun(span, lang):
        return "phrase_then_pronoun"
    if text.lower().lstrip("«“\"' ").startswith(select._elided_openers(lang.code)):
        return "elided_opener(c'est)"
    if lang.opens_with_connective(text):
        return "connective_rest_points_back"
    if select.opens_pointing_back(text, lang, pronouns=False):
        return "opens_pointing_back"
    return "anaphoric_opener"


def left_out_part(sentences: list[Any], i: int, lang: Any) -> str:
    for name, found in (
        ("long_quote", select.inside_long_quotes(sentences)),
        ("single_quote", select.inside_single_quotes(sentences)),
        ("speakerless_quote", select.speakerless_quotes(sentences, lang.pronoun_incise)),
        ("unfinished", select.unfinished(sentences)),
        ("badly_cut", select.badly_cut(sentences)),
    ):
        if i in found:
            return name
    return "according_to_pronoun"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--source", default="text")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--keypoints", action="append", default=[])
    parser.add_argument("--quiet", action="store_true")
    # The judges fault a box whose first bullet does not tell the headline's event even when a
    # later one does (« la réaction passe avant l'annonce »): only the first bullet counts.
    parser.add_argument("--first", action="store_true", help="only the first bullet counts")
    args = parser.parse_args()

    trace: dict[str, Any] = {}
    real_make = kp._make
    real_candidates = kp.headline_candidates
    real_quote = kp.headline_quote

    def make(text, sentence, *rest, **kw):  # type: ignore[no-untyped-def]
        point = real_make(text, sentence, *rest, **kw)
        trace.setdefault("made", []).append((sentence.start, point))
        return point

    def candidates_of(candidates, headline, code, settings):  # type: ignore[no-untyped-def]
        out = real_candidates(candidates, headline, code, settings)
        trace["candidates"] = [c.rank for c in candidates]
        trace["pending"] = [c.rank for c in out[: settings.headline_tries]]
        trace["early"] = sorted(c.rank for c in candidates)[: settings.headline_candidates]
        return out

    def quote_of(*a, **kw):  # type: ignore[no-untyped-def]
        found = real_quote(*a, **kw)
        trace["quote"] = found[0] if found else None
        return found

    def refusal(name: str, real):  # type: ignore[no-untyped-def]
        def judged(sentence, *a, **kw):  # type: ignore[no-untyped-def]
            found = real(sentence, *a, **kw)
            if found:
                label = name
                if name == "pointing":
                    from essentiel.keypoints.pointing import points_back

                    fragments, code, told, point = a[0], a[1], a[2], a[3]
                    label = str(points_back(sentence, fragments, code, told, point.text))
                    # Which bullet slot refused it: the first, or a later one (a statement
                    # refused first is retried later, ``retry_refused_first``).
                    label += "@" + ("later" if a[5] else "first")
                trace.setdefault("refused", {}).setdefault(sentence.start, []).append(label)
            return found

        return judged

    kp._refused_pointing = refusal("pointing", kp._refused_pointing)  # type: ignore[assignment]
    kp.unnamed_description = refusal("unnamed", kp.unnamed_description)  # type: ignore[assignment]
    kp.refuse_unplaced = refusal("unplaced", kp.refuse_unplaced)  # type: ignore[assignment]
    kp._make = make  # type: ignore[assignment]
    kp.headline_candidates = candidates_of  # type: ignore[assignment]
    kp.headline_quote = quote_of  # type: ignore[assignment]

    real_build = pipeline_module.build_keypoints
    current: dict[str, Any] = {}
    causes: collections.Counter[str] = collections.Counter()
    detail: collections.Counter[str] = collections.Counter()
    misses = 0
    boxes = 0

    def traced(text, sentences, lang, title, settings, *rest):  # type: ignore[no-untyped-def]
        nonlocal misses, boxes
        trace.clear()
        points, notices = real_build(text, sentences, lang, title, settings, *rest)
        if title:
            analyse(
                text,
                sentences,
                lang,
                title,
                points,
                dict(trace),
                rest[1] if len(rest) > 1 else None,
            )
        return points, notices

    def analyse(text, sentences, lang, title, points, t, context):  # type: ignore[no-untyped-def]
        nonlocal misses, boxes
        item_id = current.get("id")
        entities = context.entities if context is not None else []
        doc = spacy_pipeline(lang.code)(title)
        event = kd.headline_event(doc, lang.code, entities)
        if not event:
            return
        body = [kd.said_by(s.span, lang.code, entities, [(s.start, s.end)]) for s in sentences]
        cover = [sum(kd.event_matched(w, b) for w in event) / len(event) for b in body]
        if max(cover, default=0) < kd.HEADLINE_COVERAGE:
            return
        boxes += 1
        told = []
        for p in points:
            frags = [(f.start, f.end) for f in p.fragments]
            inserted = " ".join(kd.re.findall(r"\[([^\]]+)\]", p.text))
            told.append(
                kd.said_by(kd.bullet_tokens(sentences, frags), lang.code, entities, frags, inserted)
            )
        if kd.headline_coverage(event, told[:1] if args.first else told) >= kd.HEADLINE_COVERAGE:
            return
        misses += 1
        stating = [i for i, c in enumerate(cover) if c >= kd.HEADLINE_COVERAGE]
        excluded = select.passed_over(sentences, lang)
        cands = set(t.get("candidates", []))
        named = set()
        best = (-1, "", -1)
        lines = []
        for i in stating:
            s = sentences[i]
            tries = [p for start, p in t.get("made", []) if start == s.start]
            if i in excluded:
                stage, why = "left_out", left_out_part(sentences, i, lang)
            elif i not in cands:
                if select.stands_alone(s, lang, False) or i == len(sentences) - 1:
                    stage, why = "closing", ""
                else:
                    stage, why = "not_alone", why_not_alone(s, lang, i in named)
            elif not tries:
                where = "early" if i in t.get("early", []) else "late"
                stage, why = "not_tried", where
            elif not any(p is not None for p in tries):
                stage, why = "tried_not_made", "first" if i in t.get("pending", []) else "later"
                why += f"/{len(s.text.split())} words"
            else:
                made = [p for p in tries if p is not None]
                shown = any(
                    p.text == q.text for p in made for q in points[: 1 if args.first else None]
                )
                point = made[-1]
                frags = [(f.start, f.end) for f in point.fragments]
                said = kd.said_by(kd.bullet_tokens(sentences, frags), lang.code, entities, frags)
                covers = kd.headline_coverage(event, [said]) >= kd.HEADLINE_COVERAGE
                later = any(p.text == q.text for p in made for q in points[1:])
                if args.first and covers and later:
                    stage, why = "made_refused", "a later bullet"
                    why += "/" + "+".join(sorted(set(t.get("refused", {}).get(s.start, []))))
                elif shown and not covers:
                    stage, why = "made_cut_away", ""
                elif not covers:
                    stage, why = "made_cut_away", "not shown"
                else:
                    stage = "made_refused"
                    why = "first" if i in t.get("pending", []) else "later"
                    why += "/" + "+".join(sorted(set(t.get("refused", {}).get(s.start, []))))
            rank = STAGES.index(stage)
            if rank > best[0]:
                best = (rank, f"{stage}:{why}", i)
            lines.append(f"    [{i}] {stage}:{why} cov={cover[i]:.2f} {s.text[:150]}")
        causes[best[1].split(":")[0]] += 1
        detail[best[1]] += 1
        if not args.quiet:
            print(
                f"\n== {item_id} MISS cause={best[1]} pending={t.get('pending')} "
                f"quote={t.get('quote')}"
            )
            print(f"  H: {title}")
            print("  event:", [w.text for w in event])
            for p in points:
                print(f"  * {p.text[:160]}")
            print("\n".join(lines))

    pipeline_module.build_keypoints = traced  # type: ignore[assignment]
    from essentiel.evaluation.data import read_items
    from essentiel.pipeline import Pipeline

    items = list(read_items(args.data, source=args.source, where={}))
    items = items[args.skip : args.skip + args.documents]
    pipe = Pipeline(kd._settings(args.keypoints))
    for item in items:
        current.clear()
        current["id"] = item.id
        pipe.digest(item.article, lang=item.lang, title=item.title)
    print(f"\n{misses} misses of {boxes} boxes")
    for k, v in causes.most_common():
        print(f"  {k:20s} {v}")
    print("detail:")
    for k, v in detail.most_common():
        print(f"  {k:40s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
