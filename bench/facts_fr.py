"""French facts against our gold sets (bench/gold/fr-facts-*.jsonl).

    .venv/bin/python bench/facts_fr.py                       # development gold
    .venv/bin/python bench/facts_fr.py --gold bench/gold/fr-facts-heldout.jsonl   # held aside
    .venv/bin/python bench/facts_fr.py --errors FILE         # every error, and counts by kind
    .venv/bin/python bench/facts_fr.py --gold A.jsonl --against B.jsonl   # agreement of two passes
    .venv/bin/python bench/facts_fr.py --first 52            # the gold's first 52 articles
    .venv/bin/python bench/facts_fr.py --skip 52             # the articles after the first 52
    .venv/bin/python bench/facts_fr.py --bootstrap 1000      # with 95 % intervals over articles

The gold files hold OrangeSum article ids (validation or train split) and character offsets into
their `text` (no article text: that stays in ../shared/eval-data). Each article is digested as
plain text with its publication date and its headline, as a page gives them (since
2026-12-08: the headline tells whom a description opening the article stands for; the
annotators read the text alone); our spans are mapped back to the original text
(bench/alignment.py). With `--against`, the second annotation pass takes the place of the
digest, so inter-annotator agreement is measured by exactly the same rules.

Matching, per kind, one prediction per gold item:
- quotes: content spans with IoU > 0.3 (the GGT rule); kind right when equal; speaker right by
  canonical name: when the gold names the speaker, ours must name the same person or body
  (facts.names.same_name on the names, articles and case aside; an acronym is the name whose
  initials it begins with, « OMS » for « Organisation mondiale de la santé », and an acronym
  with a complement is the body's name with it, « l'ARS d'Ile-de-France »); a shorter name is
  the same from its first word (« la préfecture » for « la préfecture de police »), but not
  the place a description names (« Texas » for « le gouverneur du Texas »), while a name
  right after a rank or title is its person (« Moulin » for « le commandant Moulin »); when
  the gold speaker is anonymous or unknown (`speaker_name` null), ours must name nobody, or point at
  the same anonymous mention (the spans overlap) or give its description (« l'enquêteur »
  for the gold's « l'enquêteur de la DGSI », through a pronoun; since 2026-12-08); a
  courtesy title and surname (« M. Toubon ») is the full name (« Jacques Toubon ») only where
  the article names that person in full;
- figures: number spans overlap; value right when equal (below one, to the third decimal:
  the guideline writes a third as 0.333);
- dates: expression spans overlap; value right when the ISO values are equal.
Reported: precision, recall, F1 per kind; speaker accuracy and kind accuracy on matched quotes;
figure and date values right, both on matched items and as a share of all gold items.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from alignment import iou, offset_map, overlap, to_original
from essentiel.facts.entities import rules
from essentiel.facts.names import fold, same_name, same_word
from report import write_report

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "fr-facts-dev.jsonl"
ORANGESUM = ROOT.parent / "shared" / "eval-data" / "orangesum"
DATA = (
    ORANGESUM / "orangesum_abstract_valid.jsonl.gz",
    ORANGESUM / "orangesum_abstract_train.jsonl.gz",
)
# Words that do not tell two names of one speaker apart (« la préfecture » = « préfecture »).
_FUNCTION_WORDS = {"le", "la", "les", "l", "de", "du", "des", "d", "the", "of"}
# Words an acronym does not take a letter from (« … pour l'exploitation de la mer »).
_ACRONYM_SKIPS = {"pour", "et", "en", "sur", "a", "au", "aux", "for", "and", "on"}

Item = dict[str, Any]
Found = dict[str, list[Item]]


def load_gold(paths: Iterable[Path]) -> dict[str, Item]:
    gold: dict[str, Item] = {}
    for path in paths:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                gold[row["id"]] = row
    return gold


def _load_field(ids: set[str], data: Iterable[Path], field: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in data:
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row["id"] in ids and row.get(field):
                    found[row["id"]] = row[field]
    return found


def load_texts(ids: set[str], data: Iterable[Path]) -> dict[str, str]:
    return _load_field(ids, data, "text")


def load_titles(ids: set[str], data: Iterable[Path]) -> dict[str, str]:
    """The headlines of the articles ``ids``: the digest gets them as a page gives them."""
    return _load_field(ids, data, "title")


def _name_words(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name)  # « Paris (le gouvernement français) »
    words = fold(name.replace("'", " ").replace("’", " ")).split()
    return " ".join(w for w in words if w not in _FUNCTION_WORDS)


def same_speaker(gold: Item, pred: Item, text: str | None = None) -> bool:
    """Is our speaker the gold one, by canonical name (see the module's docstring)? With the
    article's ``text``, a courtesy title and surname (« M. Toubon ») is the full name
    (« Jacques Toubon ») that the article names in full."""
    gold_name, pred_name = gold.get("speaker_name"), pred.get("name")
    if not gold_name:
        if not pred_name:
            return True
        if (
            gold.get("speaker")
            and pred.get("speaker")
            and overlap(tuple(gold["speaker"]), tuple(pred["speaker"])) > 0
        ):
            return True
        # « "…", a-t-il ajouté » after « l'enquêteur de la DGSI »: an anonymous speaker our
        # pronoun resolved to the same description, which the name gives (its words, or the
        # shorter form from its first word), though its span is the pronoun's.
        if text is None or not gold.get("speaker"):
            return False
        said = _name_words(text[gold["speaker"][0] : gold["speaker"][1]]).split()
        ours = _name_words(pred_name).split()
        short, long = sorted((said, ours), key=len)
        return bool(short) and long[: len(short)] == short
    if not pred_name:
        return False
    a, b = _name_words(gold_name).split(), _name_words(pred_name).split()
    if not a or not b:
        return False
    if same_name(" ".join(a), " ".join(b)) and not _place_of_description(
        a, b, gold_name, pred_name
    ):
        return True
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    # « l'ARS d'Ile-de-France » for « Agence régionale de santé »: an acronym with a
    # complement, of which the full name is the shorter form (below).
    if len(a) > 1 and _acronym_of(a[:1], b):
        a = b + a[1:]
    elif len(b) > 1 and _acronym_of(b[:1], a):
        b = a + b[1:]
    if text is not None and (
        _titled_form_of(gold_name, pred_name, text) or _titled_form_of(pred_name, gold_name, text)
    ):
        return True
    # « la préfecture » for « la préfecture de police », « L'opposition » for « l'opposition
    # bélarusse »: the same body named shorter, word for word from the start.
    short, long = sorted((a, b), key=len)
    if long[: len(short)] == short:
        return True
    # A typo of the article's own (« Antoine Flahaul ») is the same person: every word the
    # same but one, and that one a letter apart.
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and _one_letter_apart(*differ[0])


@cache
def _title_words() -> frozenset[str]:
    """Courtesy titles of either language (« M. », « Mme », "Dr"), folded, as entities read them."""
    return rules("fr").title_words | rules("en").title_words


def _titled_form_of(titled: str, full: str, text: str) -> bool:
    """« M. Toubon » for « Jacques Toubon »: a title and a surname, the surname the full
    name's last word, and the article naming that person in full (else the title form is all
    the article says, and nothing ties it to one full name)."""
    words, full_words = fold(titled).split(), fold(full).split()
    if len(words) != 2 or words[0] not in _title_words() or len(full_words) < 2:
        return False
    if full_words[0] in _title_words() or not same_word(words[1], full_words[-1]):
        return False
    return re.search(rf"(?<!\w){re.escape(fold(full))}(?!\w)", fold(text)) is not None


def _place_of_description(a: list[str], b: list[str], gold_name: str, pred_name: str) -> bool:
    """« Texas » for « le gouverneur du Texas », « Paris » for « le tribunal de grande instance
    de Paris »: a shorter name that matches only the last word of a description (a name with
    a lowercase word, not a given name and a surname) is the place it names, not the speaker."""
    if len(a) == len(b):
        return False
    longer = gold_name if len(a) > len(b) else pred_name
    words = re.sub(r"\s*\([^)]*\)", "", longer).replace("'", " ").replace("’", " ").split()
    shorter = b if len(a) > len(b) else a
    folded = [fold(w) for w in words]
    if shorter[0] in folded:
        # « le commandant Moulin », « le juge Michael Wigney »: a rank or title right before
        # the name, no preposition between, is the person so titled.
        before = folded[: folded.index(shorter[0])]
        if before and before[-1] not in _FUNCTION_WORDS and folded[-len(shorter) :] == shorter:
            return False
    return any(
        w[:1].islower() and w.isalpha() and len(w) > 3 and fold(w) not in _FUNCTION_WORDS
        for w in words
    )


def _acronym_of(short: list[str], long: list[str]) -> bool:
    """« OMS » for « Organisation mondiale de la santé », « Ifremer » for « Institut français
    de recherche pour l'exploitation de la mer »: one word that the initials of the other's
    words begin (at least three of them)."""
    if len(short) != 1 or len(long) < 3:
        return False
    initials = "".join(w[0] for w in long if w not in _ACRONYM_SKIPS)
    return len(initials) >= 3 and short[0].startswith(initials)


def _one_letter_apart(x: str, y: str) -> bool:
    """Two different words of four letters or more, one letter added, dropped or changed."""
    if x == y or min(len(x), len(y)) < 4 or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y, strict=True)) == 1
    short, long = sorted((x, y), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def speaker_error(gold: Item, pred: Item) -> str:
    if not gold.get("speaker_name"):
        return "speaker-named-anonymous"
    if not pred.get("name"):
        return "speaker-missing"
    return "speaker-wrong"


def found_by_digest(pipe: Any, text: str, published: dt.date, title: str | None = None) -> Found:
    digest = pipe.digest(text, lang="fr", published=published, title=title)
    mapping = offset_map(digest.article.text, text)

    def back(start: int, end: int) -> tuple[int, int] | None:
        return to_original((start, end), mapping)

    quotes = [
        {
            "span": back(q.content.start, q.content.end),
            "speaker": back(q.speaker.start, q.speaker.end) if q.speaker else None,
            "name": q.speaker_name,
            "kind": q.kind.value,
        }
        for q in digest.quotes
    ]
    figures = [
        {"span": back(f.number.start, f.number.end), "value": f.value} for f in digest.figures
    ]
    dates = [{"span": back(d.span.start, d.span.end), "value": d.value} for d in digest.dates]
    return {
        "quotes": [q for q in quotes if q["span"]],
        "figures": [f for f in figures if f["span"]],
        "dates": [d for d in dates if d["span"]],
    }


def found_by_annotator(row: Item) -> Found:
    """A second annotation pass in the shape of what the digest finds."""
    return {
        "quotes": [
            {
                "span": tuple(q["content"]),
                "speaker": tuple(q["speaker"]) if q["speaker"] else None,
                "name": q["speaker_name"],
                "kind": q["kind"],
            }
            for q in row["quotes"]
        ],
        "figures": [{"span": tuple(f["number"]), "value": f["value"]} for f in row["figures"]],
        "dates": [{"span": tuple(d["span"]), "value": d["value"]} for d in row["dates"]],
    }


def _match(
    gold: list[Item], pred: list[Item], key: str, good: Callable[[Any, Any], float]
) -> list[tuple[Item, Item]]:
    remaining = list(pred)
    pairs = []
    for g in gold:
        gs = tuple(g[key])
        best = max(remaining, key=lambda p: good(gs, p["span"]), default=None)
        if best is not None and good(gs, best["span"]) > 0:
            pairs.append((g, best))
            remaining.remove(best)
    return pairs


def _above(a: tuple[int, int], b: tuple[int, int]) -> float:
    return iou(a, b) if iou(a, b) > 0.3 else 0.0


def _same_value(kind: str, gold: Any, pred: Any) -> bool:
    if kind == "figures" and gold is not None and pred is not None:
        # The guideline writes fractions to three decimals (a third is 0.333), the gold
        # sometimes in full (0.3333333333333333): below one, equal to the third decimal.
        gold, pred = float(gold), float(pred)
        return abs(gold - pred) < 1e-6 or (abs(gold) < 1 and abs(gold - pred) < 1e-3)
    return bool(gold == pred)


def score(
    gold: dict[str, Item], found: dict[str, Found], texts: dict[str, str]
) -> tuple[dict[str, Any], list[Item]]:
    totals, errors = tally(gold, found, texts)
    return summarise(totals, len(gold), errors), errors


Totals = dict[str, dict[str, int]]


def tally(
    gold: dict[str, Item], found: dict[str, Found], texts: dict[str, str]
) -> tuple[Totals, list[Item]]:
    """The raw counts per kind (matched, gold, predicted, values right, kinds right) and
    every error."""
    totals = {
        k: {"tp": 0, "gold": 0, "pred": 0, "right": 0, "kind": 0}
        for k in ("quotes", "figures", "dates")
    }
    errors: list[Item] = []
    for doc_id, g in gold.items():
        original, ours = texts[doc_id], found[doc_id]
        keys = (("quotes", "content"), ("figures", "number"), ("dates", "span"))
        for kind, key in keys:
            items, preds = g[kind], ours[kind]
            totals[kind]["gold"] += len(items)
            totals[kind]["pred"] += len(preds)
            pairs = _match(items, preds, key, _above if kind == "quotes" else overlap)
            totals[kind]["tp"] += len(pairs)
            for gi, pi in pairs:
                if kind == "quotes":
                    totals[kind]["kind"] += gi["kind"] == pi["kind"]
                    ok = same_speaker(gi, pi, original)
                    if not ok:
                        errors.append(
                            {
                                "id": doc_id,
                                "kind": speaker_error(gi, pi),
                                "text": original[slice(*gi[key])][:120],
                                "gold": gi["speaker_name"],
                                "gold_span": original[slice(*gi["speaker"])]
                                if gi["speaker"]
                                else None,
                                "pred": pi["name"],
                                "pred_span": original[slice(*pi["speaker"])]
                                if pi["speaker"]
                                else None,
                            }
                        )
                else:
                    ok = _same_value(kind, gi["value"], pi["value"])
                    if not ok:
                        errors.append(
                            {
                                "id": doc_id,
                                "kind": f"{kind}-value",
                                "text": original[slice(*gi[key])],
                                "gold": gi["value"],
                                "pred": pi["value"],
                            }
                        )
                totals[kind]["right"] += ok
            matched = {id(pi) for _, pi in pairs}
            errors.extend(
                {"id": doc_id, "kind": f"{kind}-spurious", "text": original[slice(*pi["span"])]}
                for pi in preds
                if id(pi) not in matched
            )
            matched_gold = {id(gi) for gi, _ in pairs}
            errors.extend(
                {"id": doc_id, "kind": f"{kind}-missed", "text": original[slice(*gi[key])]}
                for gi in items
                if id(gi) not in matched_gold
            )
    return totals, errors


def summarise(totals: Totals, articles: int, errors: list[Item]) -> dict[str, Any]:
    results: dict[str, Any] = {"articles": articles}
    for kind, t in totals.items():
        p, r = t["tp"] / max(1, t["pred"]), t["tp"] / max(1, t["gold"])
        results[kind] = {
            "precision": round(100 * p, 1),
            "recall": round(100 * r, 1),
            "f1": round(100 * 2 * p * r / max(1e-9, p + r), 1),
            "gold": t["gold"],
            "predicted": t["pred"],
            "right_on_matched": round(100 * t["right"] / max(1, t["tp"]), 1),
            "right_of_gold": round(100 * t["right"] / max(1, t["gold"]), 1),
        }
    results["quotes"]["kind_on_matched"] = round(
        100 * totals["quotes"]["kind"] / max(1, totals["quotes"]["tp"]), 1
    )
    results["errors_by_kind"] = dict(Counter(e["kind"] for e in errors).most_common())
    return results


# The figures the issue sets targets on: (label, kind, field of ``summarise``).
TARGETS = (
    ("quote F1", "quotes", "f1"),
    ("speaker right on matched", "quotes", "right_on_matched"),
    ("figures right of gold", "figures", "right_of_gold"),
    ("dates right of gold", "dates", "right_of_gold"),
)


def bootstrap(
    gold: dict[str, Item], found: dict[str, Found], texts: dict[str, str], rounds: int, seed: int
) -> dict[str, tuple[float, float]]:
    """A 95 % interval for each target figure, resampling the articles with replacement:
    quotes cluster in articles (one long interview weighs as much as ten short pieces), so a
    set of 30 articles is judged by how much its figures move when other articles like them
    are drawn."""
    per_article = {k: tally({k: gold[k]}, {k: found[k]}, {k: texts[k]})[0] for k in gold}
    ids = list(gold)
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {label: [] for label, _, _ in TARGETS}
    for _ in range(rounds):
        sample = [per_article[rng.choice(ids)] for _ in ids]
        totals = {
            kind: {f: sum(t[kind][f] for t in sample) for f in sample[0][kind]}
            for kind in sample[0]
        }
        results = summarise(totals, len(ids), [])
        for label, kind, field in TARGETS:
            draws[label].append(results[kind][field])
    interval = {}
    for label, values in draws.items():
        values.sort()
        interval[label] = (values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1])
    return interval


def print_results(results: dict[str, Any], label: str) -> None:
    print(f"{results['articles']} articles ({label})")
    header = f"{'kind':<8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"
    print(f"{header}  right: matched / of gold")
    what = {"quotes": "speaker", "figures": "value", "dates": "resolved value"}
    for kind in ("quotes", "figures", "dates"):
        r = results[kind]
        extra = f"{what[kind]} {r['right_on_matched']} % / {r['right_of_gold']} %"
        if kind == "quotes":
            extra += f"; kind {r['kind_on_matched']} %"
        print(
            f"{kind:<8} {r['gold']:>5} {r['predicted']:>5} {r['precision']:>6} {r['recall']:>6} "
            f"{r['f1']:>6}  {extra}"
        )
    print("errors by kind: " + ", ".join(f"{k} {n}" for k, n in results["errors_by_kind"].items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=[GOLD])
    parser.add_argument(
        "--against", type=Path, help="a second annotation pass to score instead of the digest"
    )
    parser.add_argument("--data", type=Path, nargs="+", default=list(DATA))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--errors", type=Path, help="write unmatched and wrong items here")
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the gold's first N articles (file order)"
    )
    parser.add_argument(
        "--first", type=int, help="score only the first N articles (after --skip), file order"
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=0,
        metavar="N",
        help="also print a 95 %% interval per target figure from N resamplings of the articles",
    )
    args = parser.parse_args()
    if not any(p.exists() for p in args.data):
        print(f"no data at {', '.join(map(str, args.data))}", file=sys.stderr)
        return 2
    gold = load_gold(args.gold)
    ids = list(gold)[args.skip :]
    gold = {k: gold[k] for k in (ids if args.first is None else ids[: args.first])}
    if args.against:
        second = load_gold([args.against])
        gold = {k: v for k, v in gold.items() if k in second}
    texts = load_texts(set(gold), args.data)
    missing = sorted(set(gold) - set(texts))
    if missing:
        print(f"no text for {len(missing)} gold articles: {missing[:5]}", file=sys.stderr)
        return 2
    if args.against:
        found = {k: found_by_annotator(second[k]) for k in gold}
        label = f"{args.against.name} scored against {', '.join(p.name for p in args.gold)}"
    else:
        from essentiel.pipeline import Pipeline

        pipe = Pipeline()
        titles = load_titles(set(gold), args.data)
        found = {
            k: found_by_digest(pipe, texts[k], dt.date.fromisoformat(g["date"]), titles.get(k))
            for k, g in gold.items()
        }
        label = "gold: " + ", ".join(p.name for p in args.gold)
    results, errors = score(gold, found, texts)
    print_results(results, label)
    if not args.against:
        print("published (French quotes, Radar de Parité): F1 81.7, speaker accuracy 80.4 %")
    if args.bootstrap:
        intervals = bootstrap(gold, found, texts, args.bootstrap, seed=20261207)
        print(f"95 % intervals, {args.bootstrap} resamplings of the {len(gold)} articles:")
        for label, (low, high) in intervals.items():
            print(f"  {label:<26} {low:5.1f} – {high:5.1f}")
        results["bootstrap_95"] = {label: list(pair) for label, pair in intervals.items()}
    write_report(results, args.json, errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
