"""Speaker candidates of a quote and their features: the ranking view of who said it.

The rules (``quotes.QuoteExtractor._resolve`` with ``speakers.SpeakerRanker``) pick one speaker
per quote. This module lays out, for each quote, every speaker it could have had and what
speaks for or against each, so that a ranker (weights set by hand or learned) can be compared
with the rules, quote by quote:

- the rules' own answer, as one candidate (``RULE``): an entity, a phrase kept as written
  (« la préfecture »), or nobody;
- every entity named outside quotes in the quote's sentence (before or after it: « "…", a
  déclaré X »), in the ``WINDOW`` sentences before it and in its paragraph's first sentence;
- the speaker of the quote before.

Features (``FEATURES``) are numbers, one row per candidate; missing values are NaN (a candidate
the rule found without an entity has no distance). ``recording()`` collects them while
digests run, for ``experiments/speaker_ranking_cv.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from essentiel.facts.entities import EntityIndex
from essentiel.facts.names import fold
from essentiel.facts.speakers import SpeakerRanker
from essentiel.model import EntityKind, MentionForm

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


@dataclass
class Candidate:
    """One possible speaker of one quote: an entity (or ``RULE``) and its features."""

    entity: int
    name: str | None  # the entity's name, or the rules' phrase for ``RULE``
    start: int | None  # the nearest mention, clean-text offsets (None for ``RULE``)
    end: int | None
    features: dict[str, float] = field(default_factory=dict)

    def row(self) -> list[float]:
        return [self.features.get(name, _NAN) for name in FEATURES]


@dataclass
class QuoteCandidates:
    """A quote (content span), the rules' answer and its candidates."""

    start: int
    end: int
    rule_entity: int | None
    rule_name: str | None
    rule_speaker: tuple[int, int] | None
    candidates: list[Candidate]


_recorded: list[list[QuoteCandidates]] | None = None


@contextmanager
def recording() -> Iterator[list[list[QuoteCandidates]]]:
    """Collect every article's candidates (one list per quotes() call) while in the block."""
    global _recorded
    outer, _recorded = _recorded, []
    try:
        yield _recorded
    finally:
        _recorded = outer


def record(quotes: list[QuoteCandidates]) -> None:
    if _recorded is not None:
        _recorded.append(quotes)


def recording_active() -> bool:
    return _recorded is not None


@dataclass(frozen=True)
class Lexicon:
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
