"""Which sentences would an editor put in the box? Labels from blind sessions, and how often
our box, LEAD-2 and LEAD-3 take the same sentences (issue 33: "carries the main news").

Blind judging says how good a box is, forty articles at a time. This asks a narrower question
of many more articles: given the headline and the article's sentences, numbered, which 2–4
sentences, copied as they are, make the « L'essentiel » box an editor would publish (``picks``,
the main news first), and which sentences state the main news the headline announces
(``main``)? Labellers see the guideline (``GUIDELINE`` below), the headline, the date and the
numbered sentences, never the code, our boxes or the key.

    # 1. blind files (sentences as the installed code splits them) and the key (their
    #    offsets in the data's ``text``); the four waves of 2026-12-07 drew train rows
    #    13000-13999, 9000-9999, 11000-11999 (320 each) and 12000-12999 (240)
    .venv/bin/python bench/editor_picks.py dump --rows 13000-13999 --documents 320 \\
        --seed 20261210 --per-file 40 --out-dir /tmp/picks
    # 2. labellers write /tmp/picks/labels_K.jsonl from /tmp/picks/blind_K.jsonl and
    #    /tmp/picks/GUIDELINE.md
    # 3. the labels as ids and offsets (no article text), for the repository
    .venv/bin/python bench/editor_picks.py store --out-dir /tmp/picks \\
        --out bench/gold/fr-editor-picks.jsonl
    # a second pass on some of the articles, stored the same way, against the first
    .venv/bin/python bench/editor_picks.py agree \\
        --against bench/gold/fr-editor-agreement-second.jsonl
    # 4. each system's agreement with the labels (every wave unless --labels), and a variant
    #    beside the default with paired 95 % intervals
    .venv/bin/python bench/editor_picks.py score [--labels FILE ...] \\
        [--compare selector_model:editor learned_weight:0.9]

A bullet counts as the sentence its first source overlaps most. Printed per system: the share
of its bullets the editor picked too (precision), the share of the editor's picks it took
(recall), how often its first bullet is the editor's first, and how often the box holds at
least one ``main`` sentence (the headline's news told at all).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from alignment import offset_map, overlap, to_original  # noqa: E402

DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_train.jsonl.gz"
LABELS = sorted((ROOT / "bench" / "gold").glob("fr-editor-picks*.jsonl"))
MAX_SENTENCES = 45  # a labeller reads at most this many (the box comes from the first ones)

GUIDELINE = """\
# Choosing the sentences of an « L'essentiel » box

You are the editor of a French news site. Above each article sits a box of 2 to 4 bullets,
« L'essentiel », that a reader who sees only the headline and the box must understand.

For each article you get its headline, its publication date and its sentences, numbered. Give:

- `picks`: the 2 to 4 sentence numbers you would copy, as they are, into the box, in the
  order of the box. The first states the news the headline announces (who, what, when, how
  many). The others add the next most important facts: a consequence, a reaction with who
  said it, a key figure, the context needed to understand. Prefer sentences that stand alone:
  one opening with a pronoun (« il », « elle », « ils »), a demonstrative (« ce », « cette »,
  « ces »), a link to what came before (« Mais », « Car », « Entretemps », « De son côté »),
  or a description whose person or thing the box never names (« L'humoriste », « Le
  ministre ») is a poor choice, unless no other sentence carries that fact. Do not pick the
  closing sentence by habit, side details, or a sentence that is half a quotation. Two
  sentences are enough when a third would add little.
- `main`: every sentence number that states the main news the headline announces (often one
  or two; none if no sentence does, for instance when the headline is a question or a pun).

Judge from the text only; do not add knowledge. Output one JSON object per article, in the
order of the input, on one line: {"id": "...", "picks": [3, 1, 7], "main": [1, 3]}.
"""


def eligible_rows(path: Path, first: int, last: int, exclude: set[str]) -> list[dict[str, Any]]:
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < first:
                continue
            if i > last:
                break
            row = json.loads(line)
            text = row["text"]
            if 800 <= len(text) <= 5000 and row.get("title") and row["id"] not in exclude:
                row["row"] = i
                found.append(row)
    return found


def excluded_ids() -> set[str]:
    """Articles of any French gold file or judged round: never labelled again."""
    ids: set[str] = set()
    for path in (ROOT / "bench" / "gold").glob("*.jsonl"):
        with path.open(encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh if line.strip())
    used = ROOT / "bench" / "judging" / "used.jsonl"
    if used.exists():
        with used.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    ids.update(record.get("ids") or [record.get("id")])
    return {i for i in ids if i}


def sentences_of(pipeline: Any, row: dict[str, Any]) -> tuple[list[str], list[tuple[int, int]]]:
    """The body's sentences as the digest splits them, and their spans in the row's text."""
    digest = pipeline.digest(row["text"], published=row.get("date"), lang="fr", title=row["title"])
    clean = digest.article.text
    mapping = offset_map(clean, row["text"])
    texts, spans = [], []
    for sentence in digest.sentences[:MAX_SENTENCES]:
        span = to_original((sentence.span.start, sentence.span.end), mapping)
        if span is None:
            continue
        texts.append(clean[sentence.span.start : sentence.span.end])
        spans.append(span)
    return texts, spans


def dump(args: argparse.Namespace) -> None:
    from essentiel.pipeline import Pipeline

    first, last = (int(v) for v in args.rows.split("-"))
    rows = eligible_rows(args.data, first, last, excluded_ids())
    chosen = sorted(random.Random(args.seed).sample(range(len(rows)), args.documents))
    pipeline = Pipeline()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    key = []
    blind_files: dict[int, list[dict[str, Any]]] = {}
    for n, k in enumerate(chosen):
        row = rows[k]
        texts, spans = sentences_of(pipeline, row)
        blind_files.setdefault(n // args.per_file + 1, []).append(
            {
                "id": row["id"],
                "headline": row["title"],
                "date": row["date"],
                "sentences": [[i + 1, t] for i, t in enumerate(texts)],
            }
        )
        key.append({"id": row["id"], "row": row["row"], "spans": spans})
        print(f"{n + 1}/{len(chosen)}", end="\r", file=sys.stderr)
    for part, articles in blind_files.items():
        with (args.out_dir / f"blind_{part}.jsonl").open("w", encoding="utf-8") as fh:
            for article in articles:
                fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    (args.out_dir / "GUIDELINE.md").write_text(GUIDELINE, encoding="utf-8")
    selection = {"data": str(args.data), "rows": args.rows, "seed": args.seed}
    (args.out_dir / "key.json").write_text(
        json.dumps({"selection": selection, "eligible": len(rows), "articles": key}),
        encoding="utf-8",
    )
    print(f"{len(key)} articles, {len(blind_files)} blind files -> {args.out_dir}", file=sys.stderr)


def store(args: argparse.Namespace) -> None:
    """Labels by sentence number → ids and offsets in the data's ``text``; checked."""
    key = json.loads((args.out_dir / "key.json").read_text(encoding="utf-8"))
    spans = {a["id"]: a["spans"] for a in key["articles"]}
    rows = {a["id"]: a["row"] for a in key["articles"]}
    out = []
    for path in sorted(args.out_dir.glob("labels_*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                label = json.loads(line)
                known = spans[label["id"]]
                picks, main = label["picks"], label.get("main", [])
                if not 1 <= len(picks) <= 4 or len(set(picks)) != len(picks):
                    raise SystemExit(f"{path}: {label['id']}: picks {picks}")
                if any(not 1 <= n <= len(known) for n in [*picks, *main]):
                    raise SystemExit(f"{path}: {label['id']}: a number past {len(known)}")
                out.append(
                    {
                        "id": label["id"],
                        "row": rows[label["id"]],
                        "picks": [known[n - 1] for n in picks],
                        "main": [known[n - 1] for n in main],
                    }
                )
    out.sort(key=lambda r: r["row"])
    with args.out.open("w", encoding="utf-8") as fh:
        for record in out:
            fh.write(json.dumps(record) + "\n")
    print(f"{len(out)} labelled articles -> {args.out}", file=sys.stderr)


def _nearest(span: tuple[int, int], spans: list[tuple[int, int]]) -> int | None:
    best = max(range(len(spans)), key=lambda i: overlap(span, spans[i]), default=None)
    if best is None or overlap(span, spans[best]) == 0:
        return None
    return best


def outcomes(box: list[tuple[int, int]], label: dict[str, Any]) -> dict[str, int]:
    """One article's counts for ``box`` (each bullet's span in the data's text)."""
    picks = [(s[0], s[1]) for s in label["picks"]]
    chosen = {_nearest(span, picks) for span in box} - {None}
    return {
        "bullets": len(box),
        "picks": len(picks),
        "shared": len(chosen),
        "first": int(bool(box) and _nearest(box[0], picks) == 0),
        "main_told": int(any(overlap(b, (m[0], m[1])) > 0 for b in box for m in label["main"])),
    }


def summary(rows: list[dict[str, int]]) -> dict[str, float]:
    """Precision and recall of the bullets against the picks, first = the editor's first and
    main told, in % of the ``rows`` (one per article)."""
    total = {k: sum(r[k] for r in rows) for k in ("bullets", "picks", "shared", "first")}
    n = max(len(rows), 1)
    return {
        "articles": len(rows),
        "precision": 100 * total["shared"] / max(total["bullets"], 1),
        "recall": 100 * total["shared"] / max(total["picks"], 1),
        "first": 100 * total["first"] / n,
        "main_told": 100 * sum(r["main_told"] for r in rows) / n,
    }


def paired_intervals(
    ours: list[dict[str, int]], theirs: list[dict[str, int]], resamples: int, seed: int = 0
) -> dict[str, tuple[float, float, float]]:
    """``theirs`` minus ``ours`` on each figure, with a 95 % interval over articles drawn
    again with replacement (the same draw for both)."""
    rng = random.Random(seed)
    base, other = summary(ours), summary(theirs)
    deltas: dict[str, list[float]] = {k: [] for k in ("precision", "recall", "first", "main_told")}
    n = len(ours)
    for _ in range(resamples):
        draw = [rng.randrange(n) for _ in range(n)]
        a = summary([ours[i] for i in draw])
        b = summary([theirs[i] for i in draw])
        for k in deltas:
            deltas[k].append(b[k] - a[k])
    result = {}
    for k, values in deltas.items():
        values.sort()
        low = values[int(0.025 * len(values))]
        high = values[min(len(values) - 1, int(0.975 * len(values)))]
        result[k] = (other[k] - base[k], low, high)
    return result


def agree(args: argparse.Namespace) -> None:
    """A second labeller's picks scored as a box against the first's, on the articles both
    labelled; and how often their ``main`` sets share a sentence (or are both empty)."""
    first = {r["id"]: r for r in _read_labels(args.labels)}
    rows, mains = [], []
    for second in _read_labels([args.against]):
        label = first[second["id"]]
        rows.append(outcomes([(s[0], s[1]) for s in second["picks"]], label))
        ours = {(s[0], s[1]) for s in label["main"]}
        theirs = {(s[0], s[1]) for s in second["main"]}
        mains.append(bool(ours & theirs) or not (ours or theirs))
    r = summary(rows)
    print(
        f"{r['articles']} articles: precision {r['precision']:.1f}, recall {r['recall']:.1f}, "
        f"first {r['first']:.1f} %, news told {r['main_told']:.1f} %; main sets agree "
        f"{100 * sum(mains) / max(len(mains), 1):.1f} %"
    )


def _read_labels(paths: list[Path]) -> list[dict[str, Any]]:
    found = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            found.extend(json.loads(line) for line in fh if line.strip())
    return found


def _box(digest: Any, mapping: list[int | None]) -> list[tuple[int, int]]:
    box = []
    for point in digest.keypoints:
        source = point.sources[0]
        span = to_original((source.start, source.end), mapping)
        if span is not None:
            box.append(span)
    return box


def score(args: argparse.Namespace) -> None:
    from essentiel.pipeline import Pipeline

    labels = {r["id"]: r for r in _read_labels(args.labels)}
    wanted = {r["row"]: r["id"] for r in labels.values()}
    pipelines = {"essentiel": Pipeline()}
    if args.compare:
        # Parsed as bench/throughput.py's --compare: key-point fields typed as the defaults.
        from throughput import compared_settings

        pipelines["variant"] = Pipeline(compared_settings(args.compare))
    rows: dict[str, list[dict[str, int]]] = {name: [] for name in [*pipelines, "lead-2", "lead-3"]}
    with gzip.open(args.data, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i not in wanted:
                continue
            row = json.loads(line)
            label = labels[row["id"]]
            for name, pipeline in pipelines.items():
                digest = pipeline.digest(
                    row["text"], published=row.get("date"), lang="fr", title=row["title"]
                )
                mapping = offset_map(digest.article.text, row["text"])
                rows[name].append(outcomes(_box(digest, mapping), label))
                if name == "essentiel":
                    lead = [
                        to_original((s.span.start, s.span.end), mapping)
                        for s in digest.sentences[:3]
                    ]
                    spans = [s for s in lead if s is not None]
                    rows["lead-2"].append(outcomes(spans[:2], label))
                    rows["lead-3"].append(outcomes(spans[:3], label))
            print(f"{len(rows['essentiel'])}/{len(wanted)}", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    results: dict[str, Any] = {name: summary(r) for name, r in rows.items()}
    print(f"{'system':<10} articles  precision  recall  first=editor's  main told")
    for name, r in results.items():
        print(
            f"{name:<10} {r['articles']:>8}  {r['precision']:8.1f}  {r['recall']:6.1f}  "
            f"{r['first']:14.1f}  {r['main_told']:9.1f}"
        )
    if "variant" in rows:
        paired = paired_intervals(rows["essentiel"], rows["variant"], args.resamples)
        results["variant_minus_default"] = paired
        print(f"variant − default, 95 % over {args.resamples} resamplings of the articles:")
        for k, (delta, low, high) in paired.items():
            print(f"  {k:<10} {delta:+5.1f}  ({low:+.1f} – {high:+.1f})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--data", type=Path, default=DATA)
    d.add_argument("--rows", required=True, help="FIRST-LAST rows of the data file")
    d.add_argument("--documents", type=int, default=320)
    d.add_argument("--seed", type=int, default=20261210)
    d.add_argument("--per-file", type=int, default=40)
    d.add_argument("--out-dir", type=Path, required=True)
    s = sub.add_parser("store")
    s.add_argument("--out-dir", type=Path, required=True)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("--data", type=Path, default=DATA)
    c.add_argument("--labels", type=Path, nargs="+", default=LABELS)
    c.add_argument(
        "--compare",
        nargs="*",
        default=[],
        metavar="FIELD:VALUE",
        help="key-point settings of a variant scored beside the default box",
    )
    c.add_argument("--resamples", type=int, default=1000)
    c.add_argument("--json", type=Path)
    a = sub.add_parser("agree")
    a.add_argument("--labels", type=Path, nargs="+", default=LABELS)
    a.add_argument("--against", type=Path, required=True, help="a second pass's labels")
    args = parser.parse_args()
    if args.command in {"dump", "score"} and not args.data.is_file():
        raise SystemExit(f"{args.data}: no such file (the OrangeSum train split, ../shared)")
    {"dump": dump, "store": store, "score": score, "agree": agree}[args.command](args)


if __name__ == "__main__":
    main()
