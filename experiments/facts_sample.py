"""Read French quotes and dates by hand on articles nobody annotated: a fixed sample, before
and after a change.

    .venv/bin/python experiments/facts_sample.py dump --skip 10000 --rows 1000 --out /tmp/a.jsonl
    .venv/bin/python experiments/facts_sample.py show --dump /tmp/a.jsonl --kind date --n 300 \
        --seed 11
    .venv/bin/python experiments/facts_sample.py compare --before /tmp/a.jsonl \
        --after /tmp/b.jsonl --kind date --n 300 --seed 11
    .venv/bin/python experiments/facts_sample.py score \
        --judged experiments/facts_sample_judged.jsonl

``dump`` digests the facts of OrangeSum *train* rows ``[skip, skip + rows)`` (the French facts
gold's articles, development and held aside, left out by id: only their ids are read) with
their publication dates, and writes every date and quote (offsets into the clean text, value,
kind, cue, speaker), the clean texts beside it (``OUT.texts.json``). ``show`` prints a fixed
sample (``random.Random(seed)`` over the sorted items) with the words around each, for a
reader to judge; ``compare`` prints the sampled items whose value, span or kind changed in a
second dump. Both print the articles' words: run them outside the repository and quote only
counts. ``score`` counts the verdicts recorded in a judged file (ids, offsets and verdicts
only, no text); items marked ``check`` (a second sample, read only after the change was built)
are counted apart. ``--kind entity`` samples entities by their first mention and shows every
surface merged into each, to judge kinds and merges.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from date_quote_survey import TRAIN, gold_ids

WEEKDAYS = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"]
KINDS = {"date": "d", "quote": "q", "entity": "e"}


def dump(skip: int, rows: int, out: Path) -> None:
    from essentiel.analyze import analyze, parse_zone
    from essentiel.clean import clean
    from essentiel.facts import extract_facts
    from essentiel.ingest import ingest

    held = gold_ids()
    texts: dict[str, str] = {}
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines, out.open("w") as w:
        for i, line in enumerate(lines):
            if i < skip:
                continue
            if i >= skip + rows:
                break
            row = json.loads(line)
            if row["id"] in held or not row.get("date"):
                continue
            cleaned = clean(ingest(row["text"]), lang_hint="fr")
            if cleaned.lang != "fr":
                continue
            with parse_zone(["fr"]):
                facts = extract_facts(
                    cleaned.text,
                    analyze(cleaned.blocks, "fr"),
                    "fr",
                    dt.date.fromisoformat(row["date"]),
                )
            base = {"row": i, "id": row["id"], "pub": row["date"]}
            for d in facts.dates:
                item = {"t": "d", "s": d.span.start, "e": d.span.end, "v": d.value}
                w.write(json.dumps({**base, **item, "g": d.grain.value}) + "\n")
            for q in facts.quotes:
                cue = [q.cue.start, q.cue.end] if q.cue else None
                item = {"t": "q", "s": q.content.start, "e": q.content.end, "k": q.kind.value}
                w.write(json.dumps({**base, **item, "cue": cue, "sp": q.speaker_name}) + "\n")
            for ent in facts.entities:
                spans = [[m.span.start, m.span.end] for m in ent.mentions]
                first = min(spans)
                item = {"t": "e", "s": first[0], "e": first[1], "k": ent.kind.value}
                item |= {"n": ent.name, "al": ent.aliases, "m": spans}
                w.write(json.dumps({**base, **item}, ensure_ascii=False) + "\n")
            texts[row["id"]] = cleaned.text
    Path(f"{out}.texts.json").write_text(json.dumps(texts, ensure_ascii=False))


def _load(path: Path, kind: str) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.open()]
    return [i for i in items if i["t"] == KINDS[kind]]


def sample(items: list[dict[str, Any]], n: int, seed: int) -> list[tuple[str, int, int]]:
    keys = sorted({(i["id"], i["s"], i["e"]) for i in items})
    random.Random(seed).shuffle(keys)
    return keys[:n]


def _line(item: dict[str, Any], text: str) -> str:
    a, b = item["s"], item["e"]
    around = " ".join(
        (text[max(0, a - 160) : a] + "[[" + text[a:b] + "]]" + text[b : b + 80]).split()
    )
    if item["t"] == "d":
        value = item["v"]
        with contextlib.suppress(TypeError, ValueError):
            value = f"{value} {WEEKDAYS[dt.date.fromisoformat(value).weekday()]}"
        published = dt.date.fromisoformat(item["pub"])
        head = f"published {item['pub']} {WEEKDAYS[published.weekday()]} → {value}"
    elif item["t"] == "e":
        # Every distinct surface the entity merged, each with a few words before it.
        seen: dict[str, str] = {}
        for s, e in item["m"]:
            seen.setdefault(text[s:e], " ".join(text[max(0, s - 40) : e + 20].split()))
        head = f"{item['k']} {item['n']!r} aliases={item['al']!r}" + "".join(
            f"\n      · {surface!r}: …{words}…" for surface, words in seen.items()
        )
    else:
        cue = text[item["cue"][0] : item["cue"][1]] if item["cue"] else None
        head = f"{item['k']} cue={cue!r} speaker={item['sp']!r}"
    return f"{item['id']} [{a}, {b}] {head}\n    {around}"


def show(path: Path, kind: str, n: int, seed: int) -> None:
    items = _load(path, kind)
    texts = json.loads(Path(f"{path}.texts.json").read_text())
    by_key = {(i["id"], i["s"], i["e"]): i for i in items}
    for k, key in enumerate(sample(items, n, seed)):
        print(f"#{k}", _line(by_key[key], texts[key[0]]))


def compare(before: Path, after: Path, kind: str, n: int, seed: int) -> None:
    old, new = _load(before, kind), _load(after, kind)
    texts = json.loads(Path(f"{after}.texts.json").read_text())
    by_key = {(i["id"], i["s"], i["e"]): i for i in old}
    fields = {"date": ("v",), "quote": ("k", "cue"), "entity": ("k", "m")}[kind]
    changed = 0
    for k, key in enumerate(sample(old, n, seed)):
        item = by_key[key]
        same = [j for j in new if (j["id"], j["s"], j["e"]) == key]
        if same and all(same[0][f] == item[f] for f in fields):
            continue
        changed += 1
        over = [j for j in new if j["id"] == key[0] and j["s"] < key[2] and key[1] < j["e"]]
        print(f"#{k} before:", _line(item, texts[key[0]]))
        for j in over:
            print("    after:", _line(j, texts[key[0]]).splitlines()[0])
    print(f"{changed} of {n} sampled items changed")


def score(judged: Path) -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    for line in judged.open():
        row = json.loads(line)
        # Items of a second sample read only once the change was built: counted apart.
        kind = row["kind"] + (" (check)" if row.get("check") else "")
        counts[(kind, "before", row["before"])] += 1
        counts[(kind, "after", row["after"])] += 1
    for key in sorted(counts):
        print(*key, counts[key])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("dump")
    p.add_argument("--skip", type=int, default=10000)
    p.add_argument("--rows", type=int, default=1000)
    p.add_argument("--out", type=Path, required=True)
    for name in ("show", "compare"):
        p = sub.add_parser(name)
        if name == "show":
            p.add_argument("--dump", type=Path, required=True)
        else:
            p.add_argument("--before", type=Path, required=True)
            p.add_argument("--after", type=Path, required=True)
        p.add_argument("--kind", choices=sorted(KINDS), required=True)
        p.add_argument("--n", type=int, default=300)
        p.add_argument("--seed", type=int, default=11)
    p = sub.add_parser("score")
    p.add_argument("--judged", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.skip, args.rows, args.out)
    elif args.command == "show":
        show(args.dump, args.kind, args.n, args.seed)
    elif args.command == "compare":
        compare(args.before, args.after, args.kind, args.n, args.seed)
    else:
        score(args.judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
