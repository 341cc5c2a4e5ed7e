"""French speakers on fresh OrangeSum train articles: dump a fixed sample, compare two dumps.

    PYTHONPATH=src .venv/bin/python experiments/speaker_fresh_sample.py dump OUT.json \
        [--rows 9000-9999] [--articles 24] [--seed 20261206] [--after-seed SEED]
    PYTHONPATH=src .venv/bin/python experiments/speaker_fresh_sample.py compare A.json B.json
    PYTHONPATH=src .venv/bin/python experiments/speaker_fresh_sample.py count A.json \
        --judged experiments/speaker_fresh_judged_C.jsonl
    .venv/bin/python experiments/speaker_fresh_sample.py verdicts \
        experiments/speaker_headline_judged.jsonl

``dump`` digests a fixed sample of the train split's rows (eligible as for the gold sets: a
`text` of 800–5,000 characters holding a quote mark), drawn with ``random.Random(seed)``, and
writes every quote with its speaker and some context, for reading by hand. ``--after-seed``
leaves out the articles that seed draws (a second sample, disjoint from the first). ``compare``
lists the quotes whose speaker differs between two dumps (made at two states of the code),
the quotes found in one only, and counts. ``count`` scores a dump against a judged file (one
line per quote read by hand: id, content offsets, the error ``kind`` the reader gave the
speaker at the state judged — ``right``, ``skip`` for a quote that is no reported speech, or
the kind of error — and ``speaker``, the names accepted as right, null for nobody): right of
judged, and the errors left by the reader's kind. The dumps hold article text: keep them
outside the repository (only counts go in the notes); the judged files hold ids, offsets and
names only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_train.jsonl.gz"


def eligible(rows: tuple[int, int], data: Path) -> list[tuple[int, dict[str, Any]]]:
    found = []
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i < rows[0]:
                continue
            if i > rows[1]:
                break
            row = json.loads(line)
            text = row["text"]
            if 800 <= len(text) <= 5000 and any(c in text for c in '«"“'):
                found.append((i, row))
    return found


def dump(args: argparse.Namespace) -> int:
    from essentiel.pipeline import Pipeline

    lo, hi = (int(x) for x in args.rows.split("-"))
    rows = eligible((lo, hi), args.data)
    if args.after_seed is not None:
        taken = {r["id"] for _, r in random.Random(args.after_seed).sample(rows, args.articles)}
        rows = [x for x in rows if x[1]["id"] not in taken]
    sample = sorted(random.Random(args.seed).sample(rows, args.articles), key=lambda x: x[0])
    pipe = Pipeline()
    quotes = []
    for i, row in sample:
        digest = pipe.digest(
            row["text"],
            lang="fr",
            published=dt.date.fromisoformat(row["date"]),
            title=row.get("title"),
        )
        text = digest.article.text
        for q in digest.quotes:
            a, b = q.content.start, q.content.end
            quotes.append(
                {
                    "row": i,
                    "id": row["id"],
                    "kind": q.kind.value,
                    "content": text[a:b],
                    "start": a,
                    "end": b,
                    "name": q.speaker_name,
                    "span": q.speaker.text if q.speaker else None,
                    "context": text[max(0, a - 300) : b + 150],
                }
            )
    args.out.write_text(json.dumps(quotes, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(sample)} articles, {len(quotes)} quotes")
    return 0


def _keyed(path: Path) -> dict[tuple[str, str, int], dict[str, Any]]:
    """Quotes by article, content and rank among equal contents (a heading may repeat one)."""
    seen: Counter[tuple[str, str]] = Counter()
    keyed = {}
    for q in json.loads(path.read_text(encoding="utf-8")):
        key = (q["id"], q["content"])
        seen[key] += 1
        keyed[(*key, seen[key])] = q
    return keyed


def compare(args: argparse.Namespace) -> int:
    a, b = _keyed(args.a), _keyed(args.b)
    changed = [k for k in a if k in b and a[k]["name"] != b[k]["name"]]
    for k in changed:
        print(f"changed {k[0]} «{k[1][:70]}»: {a[k]['name']!r} -> {b[k]['name']!r}")
    for k in b.keys() - a.keys():
        print(f"new {k[0]} «{k[1][:70]}»: {b[k]['name']!r}")
    for k in a.keys() - b.keys():
        print(f"gone {k[0]} «{k[1][:70]}»: {a[k]['name']!r}")
    print(
        f"{len(a)} → {len(b)} quotes; {len(changed)} speakers changed, "
        f"{len(b.keys() - a.keys())} new, {len(a.keys() - b.keys())} gone"
    )
    return 0


def _fold(name: str | None) -> str | None:
    return None if name is None else " ".join(name.casefold().split())


def count(args: argparse.Namespace) -> int:
    judged = {}
    for line in args.judged.read_text(encoding="utf-8").splitlines():
        j = json.loads(line)
        judged[(j["id"], *j["content"])] = j
    quotes = {(q["id"], q["start"], q["end"]): q for q in json.loads(args.dump.read_text("utf-8"))}
    right = total = unread = 0
    left: Counter[str] = Counter()
    for key, j in judged.items():
        if j["kind"] == "skip":
            continue
        q = quotes.get(key)
        if q is None:
            unread += 1
            continue
        total += 1
        if _fold(q["name"]) in {_fold(n) for n in j["speaker"]}:
            right += 1
        else:
            left[j["kind"] if j["kind"] != "right" else "was right"] += 1
    new = len([k for k in quotes if k not in judged])
    print(f"{right} of {total} judged quotes right ({100 * right / max(total, 1):.1f} %)")
    print(f"judged quotes not in the dump: {unread}; quotes in the dump not judged: {new}")
    print("wrong, by the kind judged:", ", ".join(f"{k} {n}" for k, n in left.most_common()))
    return 0


def verdicts(args: argparse.Namespace) -> int:
    """Tally a blind reader's verdicts on the speakers two states gave (``base``, ``head``,
    and ``verdicts`` by name: ``nom``, ``description``, ``inconnu-ok``, ``faux``,
    ``incertain``), over the quotes whose speaker changed."""
    moves: Counter[tuple[str, str]] = Counter()
    for line in args.judged.read_text(encoding="utf-8").splitlines():
        j = json.loads(line)
        if j["base"] != j["head"]:
            moves[(j["verdicts"][str(j["base"])], j["verdicts"][str(j["head"])])] += 1
    print(f"{sum(moves.values())} changed speakers; base verdict -> head verdict:")
    for (before, after), n in moves.most_common():
        print(f"  {before:>12} -> {after:<12} {n}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--rows", default="9000-9999")
    d.add_argument("--articles", type=int, default=24)
    d.add_argument("--seed", type=int, default=20261206)
    d.add_argument("--after-seed", type=int)
    d.add_argument("--data", type=Path, default=TRAIN)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    n = sub.add_parser("count")
    n.add_argument("dump", type=Path)
    n.add_argument("--judged", type=Path, required=True)
    v = sub.add_parser("verdicts")
    v.add_argument("judged", type=Path)
    args = parser.parse_args()
    if args.command == "verdicts":
        return verdicts(args)
    if args.command == "count":
        return count(args)
    if args.command == "dump":
        if not args.data.exists():
            print(f"no data at {args.data}", file=sys.stderr)
            return 2
        return dump(args)
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
