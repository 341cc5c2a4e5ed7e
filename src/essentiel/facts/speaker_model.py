"""The learned speaker ranking: features of a quote's candidates, and the shipped model.

The rules (``quotes``, ``speakers``) choose a speaker first. Then every entity the speaker may
be is gathered (``SpeakerRanker.gather``: the quote's and its cue's sentences, the sentences
before, the paragraph's first sentence, the speaker before, entities the text described as
the speaker phrase says, the rules' choice) and described by ``FEATURES``; a LightGBM model
trained on the French development gold (``experiments/speaker_ranking.py``) scores each, and the
best takes the rules' place (the rules' own answer has a row when it is no entity).
With no model shipped (the training ships one only if it beats the rules beyond chance; on
2026-12-05 it did not), or for a language it was not trained on, the rules stand.

``collecting()`` hands the training script every quote's candidates and features, as the
rules left them.
"""

from __future__ import annotations

import contextlib
import importlib.resources as importlib_resources
import json
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from essentiel.facts.entities import EntityIndex
from essentiel.facts.names import fold
from essentiel.facts.speakers import Candidate, SpeakerRanker
from essentiel.model import EntityKind

MODEL_FILE = "speakers.txt"
RECORD_FILE = "speakers.json"

FEATURES = (
    "rule_chosen",  # the rules chose this entity
    "rule_found",  # the rules chose some entity
    "resolution",  # how the rules found theirs: 0 unknown, 1 named, 2 pronoun, 3 role, 4 context
    "phrase",  # the speaker phrase: 0 none, 1 pronoun, 2 description, 3 other words
    "quote_kind",  # 0 direct, 1 indirect, 2 according to
    "in_phrase",  # the mention lies in the speaker phrase
    "sentences_back",  # sentences between the mention and the quote's first (< 0: after)
    "characters",  # signed distance from the cue (or the quote) to the mention, / 100
    "after_quote",  # the mention follows the quote's end
    "subject",
    "complement",
    "recipient",
    "person",
    "organisation",
    "place",
    "gender",  # 1 the phrase's gender is the entity's, -1 it is not, 0 unknown
    "previous_speaker",  # the speaker of the quote before
    "times_quoted",  # quotes the rules gave this entity before this one
    "described",  # the text tied the phrase's noun to this entity
    "mentions",  # mentions of the entity outside quotes
    "paragraph_first",  # the mention stands in the paragraph's first sentence
    "near",  # the mention stands in the window (not found farther back)
    "recency",  # rank among the candidates by distance (0: nearest)
    "candidates",  # how many
    "rule_words",  # the rules kept words that name no entity (« le président américain »)
    "phrase_words",  # words in the speaker phrase
    "phrase_plural",  # its head is plural (« les deux élus »)
    "phrase_capital",  # it starts with a capital
    "phrase_head",  # its head: 0 none, 1 noun, 2 proper noun, 3 pronoun, 4 other
    "name_in_phrase",  # a word of the entity's name stands in the phrase (« M. Toubon »)
    "other",  # the entity's kind is none of person, organisation, place
    "people",  # persons among the candidates
    "person_recency",  # rank among the person candidates by distance (-1: not a person)
    "last_quoted",  # the entity the rules gave the latest quote, however far back
    "gendered",  # the text marked the entity's gender
    "first_mention",  # sentences since the entity was first named (outside quotes), / 10
    "rules_answer",  # the row of the rules' own answer: words kept as written, or nobody
)

_RESOLUTIONS = {"unknown": 0, "named": 1, "pronoun": 2, "role": 3, "context": 4}


@dataclass(frozen=True)
class QuoteView:
    """What the features read of a quote once the rules resolved it."""

    kind: int
    start: int
    end: int
    anchor: int  # the cue's start, else the speaker phrase's, else the quote's
    sentence: int
    last_sentence: int
    phrase: tuple[int, int] | None
    phrase_kind: int
    gender: str | None
    nouns: frozenset[str]
    rule_entity: int | None
    resolution: str
    previous: int | None
    rule_words: bool = False
    phrase_words: frozenset[str] = frozenset()
    phrase_plural: bool = False
    phrase_capital: bool = False
    phrase_head: int = 0
    last_quoted: int | None = None
    recent_speakers: tuple[int, ...] = ()  # the latest distinct entities quoted, newest first
    times_quoted: dict[int, int] = field(default_factory=dict)


def candidate_rows(
    view: QuoteView, ranker: SpeakerRanker, index: EntityIndex
) -> tuple[list[Candidate], np.ndarray]:
    """The candidates of a quote and their features (one row each, ``FEATURES`` order).

    When the rules chose no entity (words kept as written, or nobody), one more row, the
    last, stands for their answer: the ranking weighs it against the entities, so it may
    keep it."""
    extra = [k for k in (view.previous, view.rule_entity) if k is not None]
    described = ranker.described_as(view.nouns)
    extra.extend(sorted(described))
    # Who spoke lately, and who the article is about: speakers named far back.
    extra.extend(view.recent_speakers)
    extra.extend(ranker.salient)
    found = ranker.gather(view.sentence, view.last_sentence, view.anchor, extra)
    if view.rule_entity is not None and all(c.mention.entity != view.rule_entity for c in found):
        # Named only inside quotes or the headline: its mention is the phrase itself.
        at = view.phrase or (view.anchor, view.anchor)
        found.append(Candidate(ranker.mention(view.rule_entity, *at), True))
    order = sorted(range(len(found)), key=lambda i: abs(found[i].mention.start - view.anchor))
    recency = {i: r for r, i in enumerate(order)}
    rows = np.zeros((len(found), len(FEATURES)), dtype=np.float32)
    persons = [
        i for i in order if index.entities[found[i].mention.entity].kind is EntityKind.PERSON
    ]
    person_rank = {i: r for r, i in enumerate(persons)}
    people = len(persons)
    for i, c in enumerate(found):
        m, k = c.mention, c.mention.entity
        kind = index.entities[k].kind
        g = index.genders[k]
        agree = 0.0 if view.gender is None or g is None else (1.0 if g == view.gender else -1.0)
        in_phrase = view.phrase is not None and view.phrase[0] <= m.start < view.phrase[1]
        rows[i] = (
            k == view.rule_entity,
            view.rule_entity is not None,
            _RESOLUTIONS.get(view.resolution, 0),
            view.phrase_kind,
            view.kind,
            in_phrase,
            view.sentence - m.sentence,
            (m.start - view.anchor) / 100.0,
            m.start >= view.end,
            m.subject,
            m.complement,
            m.recipient,
            kind is EntityKind.PERSON,
            kind is EntityKind.ORGANISATION,
            kind is EntityKind.PLACE,
            agree,
            k == view.previous,
            view.times_quoted.get(k, 0),
            k in described,
            ranker.mention_count(k),
            m.sentence == ranker.paragraph_first(view.sentence),
            c.near,
            recency[i],
            len(found),
            view.rule_words,
            len(view.phrase_words),
            view.phrase_plural,
            view.phrase_capital,
            view.phrase_head,
            bool(view.phrase_words & _name_words(index.entities[k].name)),
            kind is EntityKind.OTHER,
            people,
            person_rank.get(i, -1),
            k == view.last_quoted,
            g is not None,
            (view.sentence - ranker.first_sentence(k)) / 10.0,
            False,
        )
    if view.rule_entity is None:
        answer = np.zeros((1, len(FEATURES)), dtype=np.float32)
        for name in _QUOTE_LEVEL:
            answer[0, _COLUMN[name]] = rows[0, _COLUMN[name]] if len(rows) else 0.0
        answer[0, _COLUMN["rule_chosen"]] = 1.0
        answer[0, _COLUMN["in_phrase"]] = view.phrase is not None
        answer[0, _COLUMN["rules_answer"]] = 1.0
        answer[0, _COLUMN["recency"]] = -1.0
        answer[0, _COLUMN["person_recency"]] = -1.0
        if not len(rows):
            quote = (
                0.0,
                _RESOLUTIONS.get(view.resolution, 0),
                view.phrase_kind,
                view.kind,
                0.0,
                view.rule_words,
                len(view.phrase_words),
                view.phrase_plural,
                view.phrase_capital,
                view.phrase_head,
                0.0,
            )
            for name, value in zip(_QUOTE_LEVEL, quote, strict=True):
                answer[0, _COLUMN[name]] = value
        rows = np.vstack([rows, answer])
    return found, rows


_COLUMN = {name: i for i, name in enumerate(FEATURES)}
# Features of the quote, the same on every row of it.
_QUOTE_LEVEL = (
    "rule_found",
    "resolution",
    "phrase",
    "quote_kind",
    "candidates",
    "rule_words",
    "phrase_words",
    "phrase_plural",
    "phrase_capital",
    "phrase_head",
    "people",
)


def _name_words(name: str) -> frozenset[str]:
    words = fold(name).replace("'", " ").replace("-", " ").split()
    return frozenset(w for w in words if len(w) > 2)


def phrase_words(phrase: str) -> frozenset[str]:
    """The folded words of a speaker phrase, as ``name_in_phrase`` compares them."""
    return _name_words(phrase)


@dataclass(frozen=True)
class SpeakerModel:
    booster: Any  # lightgbm.Booster
    threshold: float
    languages: frozenset[str]

    def scores(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(self.booster.predict(rows, num_threads=1))


@cache
def load_speaker_model() -> SpeakerModel | None:
    """The shipped ranking, loaded once per process; None when the package has none."""
    folder = importlib_resources.files("essentiel.resources") / "models"
    if not (folder / MODEL_FILE).is_file():
        return None
    import lightgbm

    record = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    if tuple(record["features"]) != FEATURES:
        raise RuntimeError(
            "the shipped speaker model was trained on other features than this code computes; "
            "retrain it with `experiments/speaker_ranking.py --ship`"
        )
    booster = lightgbm.Booster(model_str=(folder / MODEL_FILE).read_text(encoding="utf-8"))
    return SpeakerModel(booster, float(record["threshold"]), frozenset(record["languages"]))


@dataclass
class Trace:
    """Per quote (clean-text content offsets): its candidates' entity names, mention spans and
    feature rows, and the rules' speaker name."""

    quotes: list[dict[str, Any]] = field(default_factory=list)


_TRACE: ContextVar[Trace | None] = ContextVar("speaker_trace", default=None)


@contextlib.contextmanager
def collecting() -> Iterator[Trace]:
    """Record the candidates of every quote digested inside, with the model off (the features
    are those of the rules' choices)."""
    trace = Trace()
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)


def tracing() -> Trace | None:
    return _TRACE.get()
