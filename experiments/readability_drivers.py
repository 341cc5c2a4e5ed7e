"""What separates the key-point boxes judges found readable from those they did not? (2026-12-05)

Blind judges gave every candidate box a readability mark (1-5, ``../shared/judging/RUBRIC.md``:
well-formed, each bullet standing alone, no glued heading or cut quote, concise). This counts,
for every box of the judged rounds (the lead's collection of the unblinded judgments: per
article its candidates' bullets and marks), what a reader could stumble on, and sets the
counts of our boxes marked 1-2 beside those marked 4-5 (and 3), French and English apart,
then the same over every extractive candidate (ours, earlier versions of ours, LEAD-k), which
doubles the boxes and lets length vary more. Per bullet, from its text and its own parse:

- length: words per bullet, the longest bullet, words per box, bullets per box;
- ``commas`` (top-level, as the compressor cuts: quotes and parentheses apart), ``parens``;
- ``attribution_tail``: the last comma segment names a source (« , a indiqué le procureur »,
  « , selon Le Parisien », « , raconte Le Parisien »);
- ``numbers``: figures per ten words;
- ``opens_quote``: the bullet opens on a quotation (someone's words before who says them);
- the reader's measure's own tests (``bench/keypoint_defects.py``): ``needs_context`` (with
  the box's earlier bullets as what the reader was told), ``glued_heading``,
  ``no_finite_verb``, ``unclosed_quote`` (quote marks that do not pair up);
- ``refers_back``: anywhere in the bullet, a word that points at another sentence
  (« ce dernier », « en question », « la même année », « -elles », « ainsi », « également »,
  « eux », « d'ailleurs »); the measure looks only at the opener;
- ``bracketed``: a name the digest put in brackets;
- ``points_back``: the engine's own test of a word past the opening that points at a sentence
  the box does not show (``keypoints/pointing.py``, with the box's earlier bullets as said),
  and ``back:KIND`` for each of its kinds (the share of the box's bullets of that kind).

Per box: ``repeat`` (two bullets sharing at least half of the shorter one's content lemmas),
``lead_first`` (the first bullet is the article's first sentence), ``in_order`` (the bullets
follow the article), ``spread`` (mean distance, in sentences, between consecutive bullets;
the article's sentences are split by the digest's parser), ``last_sentence`` (a bullet is
the article's closing sentence).

    .venv/bin/python experiments/readability_drivers.py --boxes judged_boxes.json \\
        [--round round5-fr] [--json experiments/out/readability_drivers.json]
    .venv/bin/python experiments/readability_drivers.py --judged judged_ours.jsonl

``--judged``: the lead's later collection, one line per French article (``round``, ``id``,
``ours`` and ``ours_judged``, ``others`` with each candidate's ``summary`` and ``judged``).

The boxes' articles are read by id from ``../shared/eval-data`` (OrangeSum validation and
train, FRANK). Reads only texts already judged; tunes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import statistics
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

EVAL_DATA = ROOT.parent / "shared/eval-data"
ARTICLE_FILES = (
    "orangesum/orangesum_abstract_valid.jsonl.gz",
    "orangesum/orangesum_abstract_train.jsonl.gz",
    "frank/frank_documents.jsonl.gz",
)
EXTRACTIVE = ("essentiel", "essentiel-before", "essentiel-things", "lead-2", "lead-3")

# Words inside a bullet that point at another sentence (the analysis's own lists: the measure
# in bench/ reads only openers). Matched as whole words, lowercase.
REFERS_BACK = {
    "fr": (
        "ce dernier",
        "cette dernière",
        "ces derniers",
        "ces dernières",
        "celui-ci",
        "celle-ci",
        "ceux-ci",
        "celles-ci",
        "en question",
        "la même année",
        "le même jour",
        "cette même",
        "ce même",
        "à cette date",
        "à cette occasion",
        "-elles",
        "-ils",
        "-il",
        "-elle",
        "ainsi",
        "également",
        "eux",
        "d'ailleurs",
        "d’ailleurs",
        "lui aussi",
        "elle aussi",
        "les deux",
        "l'homme",
        "la femme",
        "encore",
    ),
    "en": (
        "the latter",
        "the former",
        "the same",
        "also",
        "too",
        "as well",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "this",
        "that day",
        "the man",
        "the woman",
        "however",
    ),
}
# Inverted reporting verbs that end a sentence with its source (« , raconte Le Parisien »)
# beside the language's speech verbs (resources).
REPORTING = {
    "fr": (
        "rapporte",
        "rapportent",
        "révèle",
        "révèlent",
        "raconte",
        "racontent",
        "détaille",
        "note",
        "notent",
        "relate",
        "écrit",
        "écrivent",
        "explique",
        "confie",
        "poursuit",
        "résume",
        "ajoute",
        "souligne",
        "indique",
        "précise",
        "assure",
        "estime",
        "estiment",
        "affirme",
        "rappelle",
        "comme le rapporte",
        "comme l'explique",
    ),
    "en": ("said", "says", "told", "reported", "reports", "according to", "added"),
}

FEATURES = (
    "bullets", "words_box", "words_bullet", "longest", "commas", "parens",
    "attribution_tail", "numbers", "opens_quote", "needs_context", "refers_back",
    "glued_heading", "no_finite_verb", "unclosed_quote", "bracketed", "points_back",
    "back:back_demonstrative", "back:back_additive", "back:back_count", "back:back_image",
    "back:back_clitic", "back:back_possessive", "back:back_role", "back:back_cue",
    "back:back_quote", "back:back_phrase", "compressed", "repeat",
    "lead_first", "in_order", "spread", "adjacent", "first_index", "deepest", "last_sentence",
)  # fmt: skip


class Box:
    """One judged candidate: its bullets, the judge's readability mark, what it was counted to
    have. (A plain class: the tests load this script outside ``sys.modules``, where a
    dataclass cannot resolve its annotations.)"""

    def __init__(
        self, round_: str, id_: str, system: str, lang: str, readability: int, bullets: list[str]
    ) -> None:
        self.round, self.id, self.system, self.lang = round_, id_, system, lang
        self.readability = readability
        self.bullets = bullets
        self.features: dict[str, float] = {}


def read_articles(ids: set[str]) -> dict[str, str]:
    """The article text of each id, from the evaluation files that hold it."""
    found: dict[str, str] = {}
    for name in ARTICLE_FILES:
        path = EVAL_DATA / name
        if not path.is_file() or ids <= found.keys():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as rows:
            for line in rows:
                row = json.loads(line)
                key = str(row.get("id"))
                if key in ids and key not in found:
                    found[key] = row.get("text") or row.get("document") or ""
    return found


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", re.sub(r"\[[^\]]*\]", " ", text)).lower().strip()


def sentence_index(bullet: str, sentences: Sequence[str]) -> int | None:
    """The article sentence the bullet was made from: the one holding most of its words."""
    words = _norm(bullet).split()
    if not words:
        return None
    best, best_share = None, 0.0
    for i, sentence in enumerate(sentences):
        have = set(_norm(sentence).split())
        share = sum(w in have for w in words) / len(words)
        if share > best_share:
            best, best_share = i, share
    return best if best_share >= 0.6 else None


def top_level_commas(text: str) -> int:
    from essentiel.keypoints.compress import segments

    return len(segments(text)[0]) - 1


def attribution_tail(text: str, lang: Any) -> bool:
    from essentiel.keypoints.compress import segments

    parts, _ = segments(text)
    if len(parts) < 2:
        return False
    tail = text[parts[-1].start : parts[-1].end].lower()
    return bool(
        lang.speech_verb.search(tail)
        or lang.according_to.match(tail)
        or any(tail.startswith(verb + " ") for verb in REPORTING[lang.code])
    )


def _has_phrase(text: str, phrases: Iterable[str]) -> bool:
    lowered = f" {text.lower()} "
    return any(
        re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", lowered)
        if not p.startswith("-")
        else p + " " in lowered or p + "," in lowered
        for p in phrases
    )


def bullet_features(box: Box, nlp: Any, lang: Any) -> list[dict[str, float]]:
    from essentiel.analyze import ParsedSentence
    from essentiel.keypoints.pointing import POINTING_KINDS, named_kinds
    from keypoint_defects import Words, context_defect, glued_heading, no_main_verb, points_back

    words = Words.of(lang.code)
    told: set[str] = set()
    rows = []
    for bullet in box.bullets:
        doc = nlp(bullet)
        sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang=lang.code)
        fragments = [(0, len(bullet))]
        n = max(1, sum(1 for w in bullet.split() if any(c.isalnum() for c in w)))
        quotes = sum(bullet.count(q) for q in "«»“”") + bullet.count('"')
        back = points_back(sentence, fragments, lang.code, frozenset(told), bullet)
        rows.append(
            {
                "words_bullet": float(n),
                "commas": float(top_level_commas(bullet)),
                "parens": float("(" in bullet),
                "attribution_tail": float(attribution_tail(bullet, lang)),
                "numbers": 10.0 * sum(1 for t in doc if t.like_num or t.pos_ == "NUM") / n,
                "opens_quote": float(bullet.lstrip()[:1] in '"«“'),
                "needs_context": float(
                    context_defect(bullet, sentence, fragments, lang, words, frozenset(told))
                    is not None
                ),
                "refers_back": float(_has_phrase(bullet, REFERS_BACK[lang.code])),
                "glued_heading": float(glued_heading(bullet, words)),
                "no_finite_verb": float(no_main_verb(list(doc))),
                "unclosed_quote": float(quotes % 2 == 1 or bullet.count("«") != bullet.count("»")),
                "bracketed": float("[" in bullet),
                "points_back": float(back is not None),
            }
            | {f"back:{kind}": float(back == kind) for kind in POINTING_KINDS}
        )
        told |= {w for t in doc for w in (t.lemma_.lower(), t.lower_)}
        told |= named_kinds(list(doc), lang.code)
    return rows


def _content(doc: Any) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}}


def box_features(box: Box, nlp: Any, lang: Any, sentences: Sequence[str] | None) -> None:
    per_bullet = bullet_features(box, nlp, lang)
    f: dict[str, float] = {
        "bullets": float(len(box.bullets)),
        "words_box": sum(r["words_bullet"] for r in per_bullet),
        "longest": max(r["words_bullet"] for r in per_bullet),
    }
    for key in per_bullet[0]:
        values = [r[key] for r in per_bullet]
        # Lengths and densities: the box's mean; defects: the share of its bullets that have one.
        f[key] = statistics.mean(values)
    contents = [_content(nlp(b)) for b in box.bullets]
    f["repeat"] = float(
        any(
            a and b and len(a & b) >= 0.5 * min(len(a), len(b))
            for i, a in enumerate(contents)
            for b in contents[i + 1 :]
        )
    )
    if sentences:
        where = [sentence_index(b, sentences) for b in box.bullets]
        known = [w for w in where if w is not None]
        f["lead_first"] = float(where[0] == 0)
        f["in_order"] = float(known == sorted(known))
        ordered = sorted(known)
        gaps = [b - a for a, b in itertools.pairwise(ordered)]
        f["spread"] = statistics.mean(gaps) if gaps else 0.0
        f["last_sentence"] = float(len(sentences) - 1 in known)
        cut = [
            len(_norm(b).split()) < len(_norm(sentences[w]).split()) - 1
            for b, w in zip(box.bullets, where, strict=True)
            if w is not None
        ]
        if cut:
            f["compressed"] = statistics.mean(float(c) for c in cut)
        if where[0] is not None:
            f["first_index"] = float(where[0])
        f["deepest"] = float(max(known, default=0))
        f["adjacent"] = statistics.mean([float(g == 1) for g in gaps]) if gaps else 0.0
    box.features = f


def load_boxes(path: Path, rounds: set[str] | None) -> list[Box]:
    boxes = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        if rounds and item["round"] not in rounds:
            continue
        lang = "fr" if item["round"].endswith("-fr") else "en"
        for system, cand in item["candidates"].items():
            if cand["text"]:  # an empty box (no bullet) is marked 1 for being empty
                boxes.append(
                    Box(
                        item["round"],
                        item["id"],
                        system,
                        lang,
                        cand["judged"]["readability"],
                        list(cand["text"]),
                    )
                )
    return boxes


def load_judged(path: Path) -> list[Box]:
    """The boxes of the later collection (one French article a line: ours and the others)."""
    boxes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        candidates = {"essentiel": (row["ours"], row["ours_judged"])} | {
            ("essentiel-before" if name == "essentiel-lexical" else name): (
                other["summary"],
                other["judged"],
            )
            for name, other in row["others"].items()
        }
        for system, (bullets, judged) in candidates.items():
            if bullets:
                boxes.append(
                    Box(row["round"], row["id"], system, "fr", judged["readability"], bullets)
                )
    return boxes


def compare(boxes: Sequence[Box], title: str) -> dict[str, Any]:
    """Each feature's mean in boxes marked 1-2, 3 and 4-5, and how the mark moves with it."""
    groups = {
        "1-2": [b for b in boxes if b.readability <= 2],
        "3": [b for b in boxes if b.readability == 3],
        "4-5": [b for b in boxes if b.readability >= 4],
    }
    mean = statistics.mean(b.readability for b in boxes)
    sizes = ", ".join(f"{name}: {len(group)}" for name, group in groups.items())
    print(f"\n{title}: {len(boxes)} boxes, mean readability {mean:.2f} ({sizes})")
    print(f"  {'feature':<17} {'1-2':>6} {'3':>6} {'4-5':>6} {'rho':>6}   mean mark with / without")
    table: dict[str, Any] = {"boxes": len(boxes), "features": {}}
    for key in FEATURES:
        have = [b for b in boxes if key in b.features]
        if not have:
            continue
        means = {
            name: statistics.mean(b.features[key] for b in group if key in b.features)
            if any(key in b.features for b in group)
            else float("nan")
            for name, group in groups.items()
        }
        rho = spearman([b.features[key] for b in have], [float(b.readability) for b in have])
        with_, without = (
            [b.readability for b in have if b.features[key] > 0],
            [b.readability for b in have if b.features[key] == 0],
        )
        split = (
            f"{statistics.mean(with_):.2f} ({len(with_)}) / {statistics.mean(without):.2f} "
            f"({len(without)})"
            if with_ and without
            else ""
        )
        print(
            f"  {key:<17} {means['1-2']:>6.2f} {means['3']:>6.2f} {means['4-5']:>6.2f} "
            f"{rho:>6.2f}   {split}"
        )
        table["features"][key] = means | {"rho": rho, "with": with_, "without": without}
    return table


def against_lead(boxes: Sequence[Box], code: str) -> dict[str, Any]:
    """The same features, article held fixed: our mark minus LEAD-k's on the same article,
    for our boxes above and at or below the feature's median (a hard article lowers both)."""
    lead: dict[tuple[str, str], Box] = {
        (b.round, b.id): b for b in boxes if b.system in ("lead-2", "lead-3")
    }
    pairs = [
        (b, lead[b.round, b.id])
        for b in boxes
        if b.system == "essentiel" and b.lang == code and (b.round, b.id) in lead
    ]
    if not pairs:
        return {}
    gap = statistics.mean(o.readability - k.readability for o, k in pairs)
    print(
        f"\nours minus LEAD-k on the same article, {code}: {len(pairs)} articles, mean {gap:+.2f}"
    )
    print(f"  {'feature':<17} {'median':>7}  {'above':>12}  {'at or below':>12}")
    print("  (a feature at its highest value in half the boxes or more: that value vs below)")
    table: dict[str, Any] = {"articles": len(pairs), "gap": gap, "features": {}}
    for key in FEATURES:
        have = [(o, k) for o, k in pairs if key in o.features]
        if not have:
            continue
        values = sorted(o.features[key] for o, _ in have)
        median = values[len(values) // 2]
        # A feature most boxes have at its top value (in_order) splits below that value.
        split = median if values[-1] > median or values[0] == median else median - 1e-9
        above = [o.readability - k.readability for o, k in have if o.features[key] > split]
        below = [o.readability - k.readability for o, k in have if o.features[key] <= split]

        def cell(d: list[int]) -> str:
            return f"{statistics.mean(d):+.2f} ({len(d):>3})" if d else f"{'':>12}"

        print(f"  {key:<17} {median:>7.2f}  {cell(above):>12}  {cell(below):>12}")
        table["features"][key] = {"median": median, "above": above, "below": below}
    return table


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    def ranks(v: Sequence[float]) -> list[float]:
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2.0
            i = j + 1
        return r

    rx, ry = ranks(x), ranks(y)
    mx, my = statistics.mean(rx), statistics.mean(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return num / den if den else 0.0


# A second sentence that goes on with the first's subject (« Elle est accusée ... »): the
# words it may open on, as counted for the follow-ons (keypoints/follow_on.py).
_CONTINUING = re.compile(
    r"^(?:Il|Elle|Ils|Elles|Ce|Cette|Ces|Cet|Celui|Celle|Son|Sa|Ses|Leur|Leurs|Lui|Eux)\b"
)


def lead_continuations(boxes: Sequence[Box]) -> dict[str, Any]:
    """LEAD-2's readability mark when its second sentence opens on a pronoun, a demonstrative
    or a possessive (it continues the first) against the other LEAD-2 boxes."""
    groups: dict[str, list[int]] = {"continues": [], "other": []}
    for box in boxes:
        if box.system == "lead-2" and len(box.bullets) >= 2:
            kind = "continues" if _CONTINUING.match(box.bullets[1]) else "other"
            groups[kind].append(box.readability)
    report = {
        k: {"boxes": len(v), "readability": statistics.mean(v) if v else None}
        for k, v in groups.items()
    }
    print("LEAD-2, second sentence continuing the first:", report)
    return report


def main(argv: list[str] | None = None) -> int:
    from essentiel.analyze import parse_zone, pipeline, sentences_of
    from essentiel.resources import language

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument("--boxes", type=Path, help="the judged rounds (JSON)")
    given.add_argument("--judged", type=Path, help="the later collection (JSONL, French)")
    parser.add_argument("--round", action="append", help="only these rounds (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the tables here")
    args = parser.parse_args(argv)

    rounds = set(args.round) if args.round else None
    boxes = (
        load_boxes(args.boxes, rounds)
        if args.boxes
        else [b for b in load_judged(args.judged) if not rounds or b.round in rounds]
    )
    articles = read_articles({b.id for b in boxes})
    split: dict[str, list[str]] = {}
    for box in boxes:
        nlp, lang = pipeline(box.lang), language(box.lang)
        with parse_zone([box.lang]):
            if box.id not in split and box.id in articles:
                split[box.id] = [s.text for s in sentences_of(nlp(articles[box.id]))]
            box_features(box, nlp, lang, split.get(box.id))
    report = {}
    for code in ("fr", "en"):
        ours = [b for b in boxes if b.lang == code and b.system == "essentiel"]
        if ours:
            report[f"ours-{code}"] = compare(ours, f"ours, {code}")
        extractive = [b for b in boxes if b.lang == code and b.system in EXTRACTIVE]
        if extractive:
            report[f"extractive-{code}"] = compare(
                extractive, f"every extractive box (ours, ours before, LEAD-k), {code}"
            )
    for code in ("fr", "en"):
        report[f"against-lead-{code}"] = against_lead(boxes, code)
    report["lead-continuations"] = lead_continuations(boxes)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(report | {"boxes": [vars(b) for b in boxes]}, indent=1) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
