"""Speaker attribution as a ranking, against the rules, by cross-validation over articles.

    PYTHONPATH=src .venv/bin/python experiments/speaker_ranking_cv.py [--gold FILE] [--folds 5]
        [--cache FILE] [--seed 0] [--share 1.0] [--test FILE... [--test-cache FILE]]

Digests every gold article as bench/facts_fr.py does, while ``recording()``
collects each quote's speaker candidates and their features (``gather``: the rules' answer is
one of them, "no speaker" another; every entity named outside quotes in the quote's sentence,
the ``WINDOW`` sentences before it and its paragraph's first sentence; the speaker of the quote
before; ``FEATURES`` says what each number is). Our quotes are matched to the gold by the
bench's rules (content IoU > 0.3); each candidate of a matched quote is labelled right or wrong
by the bench's ``same_speaker``. The articles are split into ``--folds`` folds; on each, a
LightGBM ranker is fitted on the other folds' candidates and picks, per quote of the fold, its
best-scored candidate. Printed per fold and in all: speaker right on matched quotes by the rules
and by the ranker, on the same quotes, and how often the right speaker is among the candidates
at all (the ranker's ceiling). A one-off investigation for issue 32: development gold only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import pickle
import random
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from alignment import offset_map, to_original  # noqa: E402
from essentiel.facts.entities import EntityIndex  # noqa: E402
from essentiel.facts.names import fold  # noqa: E402
from essentiel.facts.speakers import SpeakerRanker  # noqa: E402
from essentiel.model import EntityKind, MentionForm  # noqa: E402
from facts_fr import DATA, GOLD, _above, _match, load_gold, load_texts, same_speaker  # noqa: E402

WINDOW = 4  # sentences back where a candidate may stand (as the rules' window)
RULE = -1  # the candidate id of the rules' answer when it is no entity (a phrase, nobody)
NOBODY = -2  # the candidate "no speaker", beside a rules' answer that names one
_NAN = float("nan")

FEATURES: tuple[str, ...] = (
    "is_rule",  # the rules chose this candidate
    "rule_has_entity",  # the rules' answer is an entity (else a phrase or nobody)
    "rule_nobody",  # the rules named nobody
    "rule_resolution",  # 0 unknown, 1 named, 2 role, 3 pronoun, 4 context
    "phrase_kind",  # the cue's speaker phrase: 0 none, 1 pronoun, 2 other
    "is_phrase",  # this candidate is the rules' phrase or nobody, not an entity
    "kind",  # 0 none, 1 person, 2 organisation, 3 other
    "sentences_back",  # quote's sentence minus the nearest mention's
    "chars_back",  # log(1 + characters from the nearest mention's end to the quote)
    "after_quote",  # the nearest mention stands after the quote's start
    "in_speaker_phrase",  # a mention inside the cue's speaker phrase
    "in_cue_sentence",  # a mention in the quote's own sentence
    "subject",  # some mention in the window is a clause's subject
    "complement",  # the nearest mention is the complement of another noun
    "is_previous",  # the speaker of the quote before
    "mentions",  # mentions in the whole article (outside quotes)
    "window_mentions",  # mentions in the window
    "gender_agrees",  # 1 / 0 with a gendered pronoun, NaN otherwise
    "evidence",  # the text tied the speaker phrase's head noun to this entity
    "paragraph_first",  # named in the paragraph's first sentence
    "candidates",  # how many candidates the quote has
    "spoke_before",  # earlier quotes of the article the rules gave this entity
    "spoke_in_paragraph",  # earlier quotes of the same paragraph the rules gave it
    "gender_known",  # the text marks the entity's gender
    "name_words",  # words in the entity's name (a full name has two or more)
    "role_mention",  # the nearest mention is a role or description, not a name
    "phrase_definite",  # the speaker phrase opens with a definite article (« le ministre »)
    "phrase_plural",  # its head is plural (« les deux élus »)
    "phrase_person_noun",  # its head is a person noun (« le ministre », « l'élue »)
    "phrase_body_noun",  # its head is a noun for a body (« le parti », « le quotidien »)
    "phrase_name",  # its head is a proper noun
    "category_agrees",  # the entity is a body of the category the phrase's noun names
    "phrase_gender_agrees",  # the phrase head's gender (« la ministre ») fits the entity's
    "is_nobody",  # the candidate "no speaker"
    "quote_words",  # words in the quote
    "quote_opens_sentence",  # nothing but marks before the quote in its sentence
    "quote_closes_sentence",  # nothing but marks and a stop after it in its sentence
    "has_cue",  # the quote has a cue (a speech verb, « selon »)
)
_MARKS = ' \t\n«»"“”.,;:!?-–—()'

_RESOLUTIONS = {"unknown": 0, "named": 1, "role": 2, "pronoun": 3, "context": 4}
_KINDS = {EntityKind.PERSON: 1, EntityKind.ORGANISATION: 2}


class Candidate(NamedTuple):
    """One possible speaker of one quote: an entity (or ``RULE``, ``NOBODY``) and its
    features."""

    entity: int
    name: str | None  # the entity's name, or the rules' phrase for ``RULE``
    start: int | None  # the nearest mention, clean-text offsets (None for ``RULE``)
    end: int | None
    features: dict[str, float]

    def row(self) -> list[float]:
        return [self.features.get(name, _NAN) for name in FEATURES]


class QuoteCandidates(NamedTuple):
    """A quote (content span), the rules' answer and its candidates."""

    start: int
    end: int
    rule_entity: int | None
    rule_name: str | None
    rule_speaker: tuple[int, int] | None
    candidates: list[Candidate]


class Lexicon(NamedTuple):
    """The language's words the features read (``quotes._Rules`` holds them)."""

    pronoun_genders: dict[str, str]
    person_nouns: frozenset[str]
    body_nouns: dict[str, str]  # noun → organisation category
    definite: frozenset[str] = frozenset({"le", "la", "l'", "l’", "les", "the"})


def gather(
    found: list[Any],
    ranker: SpeakerRanker,
    index: EntityIndex,
    lexicon: Lexicon,
    text: str,
) -> list[QuoteCandidates]:
    """The candidates of each quote in ``found`` (``quotes._Found``, resolved by the rules)."""
    result = []
    previous: int | None = None
    spoke: Counter[int] = Counter()
    spoke_in: Counter[tuple[int, int]] = Counter()
    for f in sorted(found, key=lambda f: (f.sentence, f.start)):
        quote = _candidates(f, previous, ranker, index, lexicon, text)
        paragraph = ranker.paragraph_first_sentence(f.sentence)
        for c in quote.candidates:
            if c.entity != RULE:
                c.features["spoke_before"] = float(spoke[c.entity])
                c.features["spoke_in_paragraph"] = float(spoke_in[paragraph, c.entity])
        result.append(quote)
        if f.entity is not None:
            previous = f.entity
            spoke[f.entity] += 1
            spoke_in[paragraph, f.entity] += 1
    return result


def _candidates(
    f: Any,
    previous: int | None,
    ranker: SpeakerRanker,
    index: EntityIndex,
    lexicon: Lexicon,
    text: str,
) -> QuoteCandidates:
    sentence = f.sentence
    first = max(0, sentence - WINDOW)
    mentions = list(ranker.mentions_in_sentences(first, sentence))
    opening = ranker.paragraph_first_sentence(sentence)
    if opening < first:
        mentions.extend(ranker.mentions_in_sentences(opening, opening))
    phrase = f.speaker
    low = text[phrase[0] : phrase[1]].lower().lstrip("-") if phrase else ""
    gender = lexicon.pronoun_genders.get(low) if phrase else None
    pronoun = f.resolution == "pronoun" or (phrase is not None and low in lexicon.pronoun_genders)
    head_nouns: set[str] = set()
    head = f.speaker_head
    head_gender: str | None = None
    category: str | None = None
    phrase_features = {}
    if head is not None:
        head_nouns = {fold(head.lemma_), fold(head.text)}
        morph_gender = head.morph.get("Gender")
        head_gender = {"Fem": "f", "Masc": "m"}.get(morph_gender[0]) if morph_gender else None
        category = next(
            (lexicon.body_nouns[n] for n in head_nouns if n in lexicon.body_nouns), None
        )
        first_word = low.split()[0] if low.split() else ""
        phrase_features = {
            "phrase_definite": float(
                first_word in lexicon.definite or first_word[:2] in {"l'", "l’"}
            ),
            "phrase_plural": float("Plur" in head.morph.get("Number")),
            "phrase_person_noun": float(bool(head_nouns & lexicon.person_nouns)),
            "phrase_body_noun": float(category is not None),
            "phrase_name": float(head.pos_ == "PROPN"),
        }
    by_entity: dict[int, list[Any]] = {}
    for m in mentions:
        by_entity.setdefault(m.entity, []).append(m)
    if previous is not None:
        by_entity.setdefault(previous, [])
    if f.entity is not None:
        by_entity.setdefault(f.entity, [])
    opened, closed = ranker.sentence_start(sentence), ranker.sentence_start(sentence + 1)
    sentence_start = opened if opened is not None else f.start
    sentence_end = closed if closed is not None else len(text)
    common = {
        "quote_words": float(len(text[f.start : f.end].split())),
        "quote_opens_sentence": float(not text[sentence_start : f.start].strip(_MARKS)),
        "quote_closes_sentence": float(not text[f.end : max(f.end, sentence_end)].strip(_MARKS)),
        "has_cue": float(f.cue is not None),
        "rule_has_entity": float(f.entity is not None),
        "rule_nobody": float(f.name is None),
        "rule_resolution": float(_RESOLUTIONS.get(f.resolution, 0)),
        "phrase_kind": 0.0 if phrase is None else (1.0 if pronoun else 2.0),
        "candidates": float(len(by_entity) + (f.entity is None)),
        **phrase_features,
    }
    candidates = []
    for k, found in by_entity.items():
        features = dict(common)
        features["is_rule"] = float(k == f.entity)
        features["is_phrase"] = 0.0
        features["is_nobody"] = 0.0
        features["kind"] = float(_KINDS.get(index.entities[k].kind, 3))
        features["is_previous"] = float(k == previous)
        features["mentions"] = float(ranker.mention_count(k))
        features["window_mentions"] = float(len(found))
        features["gender_agrees"] = (
            float(index.compatible(k, gender)) if gender is not None else _NAN
        )
        features["evidence"] = float(bool(head_nouns & ranker.evidence[k]))
        features["paragraph_first"] = float(any(m.sentence == opening for m in found))
        features["subject"] = float(any(m.subject for m in found))
        features["gender_known"] = float(index.genders[k] is not None)
        if category is not None:
            features["category_agrees"] = float(index.categories[k] == category)
        if head_gender is not None and not pronoun:
            features["phrase_gender_agrees"] = float(index.compatible(k, head_gender))
        features["name_words"] = float(len(index.entities[k].name.split()))
        start = end = None
        if found:
            # The nearest mention before the quote, else the first after it.
            before = [m for m in found if m.end <= f.start]
            nearest = before[-1] if before else min(found, key=lambda m: m.start)
            start, end = nearest.start, nearest.end
            features["sentences_back"] = float(sentence - nearest.sentence)
            features["chars_back"] = math.log1p(max(0, f.start - nearest.end))
            features["after_quote"] = float(nearest.start >= f.start)
            features["complement"] = float(nearest.complement)
            features["role_mention"] = float(
                index.mention_in(k, nearest.start, nearest.end).form is MentionForm.ROLE
            )
            features["in_cue_sentence"] = float(any(m.sentence == sentence for m in found))
            features["in_speaker_phrase"] = float(
                phrase is not None and any(phrase[0] <= m.start < phrase[1] for m in found)
            )
        candidates.append(Candidate(k, index.entities[k].name, start, end, features))
    if f.entity is None:
        features = dict(common)
        features.update(is_rule=1.0, is_phrase=1.0, kind=0.0, is_nobody=float(f.name is None))
        candidates.append(Candidate(RULE, f.name, None, None, features))
    if f.name is not None:
        features = dict(common)
        features.update(is_rule=0.0, is_phrase=1.0, kind=0.0, is_nobody=1.0)
        candidates.append(Candidate(NOBODY, None, None, None, features))
    return QuoteCandidates(
        f.start,
        f.end,
        f.entity,
        f.name,
        f.speaker,
        candidates,
    )


@contextmanager
def recording() -> Iterator[list[list[QuoteCandidates]]]:
    """Collect every article's candidates (one list per ``QuoteExtractor.quotes`` call) while
    in the block: the rules' ``_resolve`` runs as shipped, then the candidates are gathered
    from what it resolved; the shipped method is put back on leaving."""
    from essentiel.facts.quotes import QuoteExtractor

    shipped = QuoteExtractor._resolve
    recorded: list[list[QuoteCandidates]] = []

    def resolve_and_gather(
        self: Any, found: list[Any], text: str, index: EntityIndex, ranker: SpeakerRanker
    ) -> None:
        shipped(self, found, text, index, ranker)
        r = self.r
        lexicon = Lexicon(r.pronoun_genders, r.person_nouns, r.body_nouns)
        recorded.append(gather(found, ranker, index, lexicon, text))

    QuoteExtractor._resolve = resolve_and_gather  # type: ignore[method-assign]
    try:
        yield recorded
    finally:
        QuoteExtractor._resolve = shipped  # type: ignore[method-assign]


PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 7,
    "min_data_in_leaf": 10,
    "feature_fraction": 0.9,
    "verbose": -1,
    "num_threads": 1,
    "deterministic": True,
}
ROUNDS = 150


def examples(gold_paths: list[Path]) -> list[dict[str, Any]]:
    """Per article: per matched quote, the candidates' feature rows, labels and which is the
    rules' answer."""
    from essentiel.pipeline import Pipeline

    gold = load_gold(gold_paths)
    texts = load_texts(set(gold), DATA)
    pipe = Pipeline()
    articles = []
    for doc_id, g in gold.items():
        text = texts[doc_id]
        with recording() as recorded:
            digest = pipe.digest(text, lang="fr", published=dt.date.fromisoformat(g["date"]))
        mapping = offset_map(digest.article.text, text)
        quotes = [q for article in recorded for q in article]

        def back(span: tuple[int, int] | None, mapping: Any = mapping) -> tuple[int, int] | None:
            return to_original(span, mapping) if span is not None else None

        preds = []
        for q in quotes:
            span = back((q.start, q.end))
            if span is not None:
                preds.append({"span": span, "quote": q})
        rows = []
        for gi, pi in _match(g["quotes"], preds, "content", _above):
            q = pi["quote"]
            features, labels, rule = [], [], -1
            for i, c in enumerate(q.candidates):
                if c.entity == NOBODY:
                    guess = {"name": None, "speaker": None}
                elif c.entity == RULE or c.entity == q.rule_entity:
                    guess = {"name": q.rule_name, "speaker": back(q.rule_speaker)}
                else:
                    span = (c.start, c.end) if c.start is not None and c.end is not None else None
                    guess = {"name": c.name, "speaker": back(span)}
                if c.features["is_rule"]:
                    rule = i
                features.append(c.row())
                labels.append(int(same_speaker(gi, guess, text)))
            if rule < 0:  # the rules named an entity no longer in the index: a phrase
                continue
            rows.append(
                {
                    "x": np.array(features),
                    "y": np.array(labels),
                    "rule": rule,
                    "names": [c.name for c in q.candidates],
                    "gold": gi["speaker_name"],
                    "text": text[slice(*gi["content"])][:80],
                }
            )
        articles.append({"id": doc_id, "quotes": rows})
    return articles


def cross_validate(
    articles: list[dict[str, Any]],
    folds: int,
    seed: int,
    drop: frozenset[str] = frozenset(),
    share: float = 1.0,
) -> None:
    import lightgbm

    keep = [i for i, name in enumerate(FEATURES) if name not in drop]

    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    totals = {"quotes": 0, "rules": 0, "ranker": 0, "ceiling": 0}
    for part in range(folds):
        test = {order[i] for i in range(len(order)) if i % folds == part}
        # A learning curve: the ranker fitted on a share of the other folds' articles only.
        rest = [i for i in order if i not in test]
        rest = rest[: max(1, round(share * len(rest)))]
        train = [q for i in rest for q in articles[i]["quotes"]]
        x = np.concatenate([q["x"][:, keep] for q in train])
        y = np.concatenate([q["y"] for q in train])
        booster = lightgbm.train(
            {**PARAMS, "seed": seed},
            lightgbm.Dataset(x, y, feature_name=[FEATURES[i] for i in keep]),
            ROUNDS,
        )
        counts = {"quotes": 0, "rules": 0, "ranker": 0, "ceiling": 0}
        for i in sorted(test):
            for q in articles[i]["quotes"]:
                scores = booster.predict(q["x"][:, keep], num_threads=1)
                counts["quotes"] += 1
                counts["rules"] += int(q["y"][q["rule"]])
                counts["ranker"] += int(q["y"][int(np.argmax(scores))])
                counts["ceiling"] += int(q["y"].max())
        print(_line(f"fold {part + 1}", counts))
        for k in totals:
            totals[k] += counts[k]
    print(_line("all", totals))


def fit_and_test(
    train: list[dict[str, Any]],
    test: list[dict[str, Any]],
    seed: int,
    drop: frozenset[str] = frozenset(),
) -> None:
    """The ranker fitted on every ``train`` article, scored on the ``test`` articles."""
    import lightgbm

    keep = [i for i, name in enumerate(FEATURES) if name not in drop]
    quotes = [q for a in train for q in a["quotes"]]
    booster = lightgbm.train(
        {**PARAMS, "seed": seed},
        lightgbm.Dataset(
            np.concatenate([q["x"][:, keep] for q in quotes]),
            np.concatenate([q["y"] for q in quotes]),
            feature_name=[FEATURES[i] for i in keep],
        ),
        ROUNDS,
    )
    counts = {"quotes": 0, "rules": 0, "ranker": 0, "ceiling": 0}
    for a in test:
        for q in a["quotes"]:
            scores = booster.predict(q["x"][:, keep], num_threads=1)
            counts["quotes"] += 1
            counts["rules"] += int(q["y"][q["rule"]])
            counts["ranker"] += int(q["y"][int(np.argmax(scores))])
            counts["ceiling"] += int(q["y"].max())
    print(_line("test", counts))


def _cached(paths: list[Path], cache: Path | None) -> list[dict[str, Any]]:
    if cache and cache.exists():
        return list(pickle.loads(cache.read_bytes()))
    articles = examples(paths)
    if cache:
        cache.write_bytes(pickle.dumps(articles))
    return articles


def _line(label: str, c: dict[str, int]) -> str:
    n = max(1, c["quotes"])
    return (
        f"{label:<7} {c['quotes']:>4} quotes  rules {100 * c['rules'] / n:5.1f} %  "
        f"ranker {100 * c['ranker'] / n:5.1f} %  ceiling {100 * c['ceiling'] / n:5.1f} %"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", default=[GOLD])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="examples saved here, read back when present")
    parser.add_argument("--drop", nargs="*", default=[], help="features the ranker goes without")
    parser.add_argument(
        "--share", type=float, default=1.0, help="share of the training folds' articles fitted on"
    )
    parser.add_argument(
        "--test", type=Path, nargs="+", help="fit on every --gold article, score on these instead"
    )
    parser.add_argument("--test-cache", type=Path, help="--test's examples saved here")
    args = parser.parse_args()
    articles = _cached(args.gold, args.cache)
    if args.test:
        fit_and_test(articles, _cached(args.test, args.test_cache), args.seed, frozenset(args.drop))
        return 0
    cross_validate(articles, args.folds, args.seed, frozenset(args.drop), args.share)
    return 0


if __name__ == "__main__":
    sys.exit(main())
