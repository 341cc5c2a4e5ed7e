"""French speaker errors on the development gold, one line each, sorted into kinds.

    PYTHONPATH=src .venv/bin/python experiments/speaker_errors_fr.py [--gold FILE] [--out FILE]
        [--first N] [--skip N] [--counts] [--judged experiments/speaker_errors_fr_judged.jsonl]

Digests every gold article as bench/facts_fr.py does, matches quotes by the same rules, and for
each matched quote whose speaker is wrong prints the gold and our speaker, the cue clause around
the quote, and a kind read from the two speaker phrases (what ours is: a name, a pronoun, a
description, nothing; what the gold's is: a person, a body or group, anonymous). Counts per kind
at the end. A one-off investigation for issue 32: it reads the development gold only.

With `--judged`, the errors are also counted by the kinds a reader gave them
(`speaker_errors_fr_judged.jsonl`: article id, the gold quote's content offsets, the kind; read
by hand on the development gold's first 52 articles at ff33a6d), and the judged errors no
longer there and the errors nobody judged are counted apart.

With `--counts`, no error line and no text is printed, only counts: the matched quotes right
out of all by how our speaker was found (named, role, pronoun, context, unknown) and the
errors by that and by kind; for a slice that must be scored but not read (issue 32's second
half of the development gold, `--skip 66`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from alignment import offset_map, to_original  # noqa: E402
from facts_fr import (  # noqa: E402
    DATA,
    GOLD,
    _above,
    _match,
    load_gold,
    load_texts,
    same_speaker,
)

_PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "qui", "celui-ci", "celle-ci", "on"}
# Words that make a gold speaker a group or a body rather than one person.
_GROUP_HEADS = re.compile(
    r"^(les |la |le |l'|l’)?(enquêteurs|autorités|syndicat|gouvernement|ministère|police|"
    r"gendarmerie|préfecture|parquet|tribunal|cour|conseil|association|collectif|chercheurs|"
    r"scientifiques|experts|habitants|manifestants|médecins|secours|pompiers|opposition|justice|"
    r"mairie|ville|commission|agence|institut|organisation|ONG|entreprise|groupe|société|"
    r"fédération|direction|service|services|élus|députés|sénateurs|proches|avocats|"
    r"responsables|familles|victimes|étude|rapport|communiqué)\b",
    re.IGNORECASE,
)


def phrase_kind(span: str | None, name: str | None) -> str:
    if not name:
        return "none"
    if span is None:
        return "context"
    s = span.strip().lower()
    if s in _PRONOUNS or s.split()[0] in {"il", "elle", "ils", "elles"}:
        return "pronoun"
    if span[:1].islower() or s.split()[0] in {"le", "la", "les", "l'", "l’", "un", "une", "des"}:
        return "description"
    return "name"


def gold_kind(gold_name: str | None, gold_span: str | None) -> str:
    if not gold_name:
        return "anonymous"
    if gold_span and _GROUP_HEADS.match(gold_span.strip()):
        return "group"
    if gold_span and gold_span[:1].islower():
        return "description"
    return "named"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, help="write the errors as JSON lines here")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--first", type=int, help="only the first N articles (after --skip)")
    parser.add_argument("--judged", type=Path, help="kinds read by hand, by article and quote")
    parser.add_argument(
        "--counts",
        action="store_true",
        help="counts only, no error lines and no text (for a slice kept unread): matched "
        "quotes right / all by how the speaker was found, errors by kind",
    )
    args = parser.parse_args()
    if args.counts and args.out:
        parser.error("--counts writes no text: leave out --out")
    gold = load_gold([args.gold])
    ids = list(gold)[args.skip :]
    gold = {k: gold[k] for k in (ids if args.first is None else ids[: args.first])}
    texts = load_texts(set(gold), DATA)
    from essentiel.pipeline import Pipeline

    pipe = Pipeline()
    rows = []
    matched: Counter[str] = Counter()  # matched quotes by how our speaker was found
    for doc_id, g in gold.items():
        text = texts[doc_id]
        digest = pipe.digest(text, lang="fr", published=dt.date.fromisoformat(g["date"]))
        mapping = offset_map(digest.article.text, text)
        preds = []
        for q in digest.quotes:
            span = to_original((q.content.start, q.content.end), mapping)
            if not span:
                continue
            speaker = q.speaker and to_original((q.speaker.start, q.speaker.end), mapping)
            cue = q.cue and to_original((q.cue.start, q.cue.end), mapping)
            preds.append(
                {
                    "span": span,
                    "speaker": speaker,
                    "cue": cue,
                    "name": q.speaker_name,
                    "resolution": q.resolution,
                }
            )
        for gi, pi in _match(g["quotes"], preds, "content", _above):
            matched[pi["resolution"]] += 1
            if same_speaker(gi, pi, text):
                continue
            gspan = text[slice(*gi["speaker"])] if gi["speaker"] else None
            pspan = text[slice(*pi["speaker"])] if pi["speaker"] else None
            ours = phrase_kind(pspan, pi["name"])
            theirs = gold_kind(gi["speaker_name"], gspan)
            a, b = gi["content"]
            cue = pi["cue"] or (tuple(gi["cue"]) if gi["cue"] else None)
            lo = min(a, cue[0] if cue else a)
            hi = max(b, cue[1] if cue else b)
            rows.append(
                {
                    "id": doc_id,
                    "kind": f"ours:{ours} gold:{theirs}",
                    "resolution": pi["resolution"],
                    "gold": gi["speaker_name"],
                    "gold_span": gspan,
                    "gold_at": gi["speaker"],
                    "pred": pi["name"],
                    "pred_span": pspan,
                    "pred_at": pi["speaker"],
                    "content_at": [a, b],
                    "context": text[max(0, lo - 250) : min(len(text), hi + 120)],
                }
            )
    for r in rows if not args.counts else []:
        print(
            f"{r['id']} [{r['kind']}|{r['resolution']}] gold={r['gold']!r} ({r['gold_span']!r}) "
            f"ours={r['pred']!r} ({r['pred_span']!r})"
        )
    print(f"{len(rows)} speaker errors on {sum(matched.values())} matched quotes")
    wrong = Counter(r["resolution"] for r in rows)
    print("right / matched, by how our speaker was found:")
    for resolution, n in matched.most_common():
        print(f"{n - wrong[resolution]:4d} / {n:<4d} {resolution}")
    print("errors by how our speaker was found and by kind:")
    for (resolution, kind), n in Counter((r["resolution"], r["kind"]) for r in rows).most_common():
        print(f"{n:4d}  {resolution:<8} {kind}")
    if args.judged:
        judged = {}
        for line in args.judged.open(encoding="utf-8"):
            j = json.loads(line)
            judged[(j["id"], tuple(j["content"]))] = j["kind"]
        now = {(r["id"], tuple(r["content_at"])) for r in rows}
        print("judged kinds, still wrong / judged:")
        for kind, n in Counter(judged.values()).most_common():
            left = sum(1 for k, v in judged.items() if v == kind and k in now)
            print(f"{left:4d} / {n:<4d} {kind}")
        print(f"{len(now - set(judged))} errors not judged (new, or outside the judged articles)")
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
