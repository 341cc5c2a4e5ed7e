"""Follow-on bullets: a sentence whose subject pronoun stands for the subject of the sentence
just before it, shown right after that sentence's bullet.

« Une enseignante de 37 ans a été mise en examen ... » then « Elle est accusée d'avoir ... »:
alone, the second bullet's « Elle » is nobody; right after the first, it reads as it does in
the article. Judged boxes say so (issue 33): the first two sentences, copied, were marked more
readable when the second opened on a pronoun or demonstrative (3.64 of 5, 33 boxes) than when
not (3.13, 207 boxes; ``experiments/readability_drivers.py --judged``) — a news lead's
second sentence goes on with its subject. The selector keeps such a sentence out on its own
(``select.stands_alone``); a follow-on is let in only beside the bullet it follows, in the
article's order, with that bullet's subject kept and a pronoun that agrees with it (gender
and number when the parse knows them). No name is written in: the bullets show the article's
own words in the article's own order.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from essentiel import resources
from essentiel.analyze import ParsedSentence
from essentiel.facts.names import fold
from essentiel.keypoints.compress import is_subject
from essentiel.keypoints.pointing import PointingWords
from essentiel.keypoints.select import stands_alone, subject_pronoun
from essentiel.resources import Language

_PERSON_LABELS = frozenset({"PER", "PERSON"})


def subject_of(span: SpacySpan) -> Token | None:
    """The main verb's subject when it is a noun or a name, not a pronoun."""
    for child in span.root.children:
        if is_subject(child) and child.pos_ in {"NOUN", "PROPN", "NUM"}:
            return child
    return None


@cache
def _count_heads(code: str) -> frozenset[str]:
    data = resources.raw(code)
    return frozenset(
        (
            *data.get("follow_on", {}).get("count_heads", []),
            *data.get("figures", {}).get("approximates", {}),
            *data.get("pointing", {}).get("approximate_counts", []),
        )
    )


def agreement_head(subject: Token, code: str) -> Token:
    """What a pronoun after the subject agrees with: the noun a count names (« Sept des neuf
    syndicats ... Ils », « Plusieurs centaines de manifestants ... Ils »), else the subject."""
    if subject.like_num or subject.lemma_.lower() in _count_heads(code):
        for child in subject.children:
            if child.dep_.startswith("nmod") and child.pos_ in {"NOUN", "PROPN"}:
                return child
    return subject


def _features(token: Token) -> tuple[str | None, str | None]:
    gender = token.morph.get("Gender", [])
    number = token.morph.get("Number", [])
    return (gender[0] if gender else None, number[0] if number else None)


def agrees(pronoun: Token, subject: Token, sentence: SpacySpan) -> bool:
    """The pronoun can stand for the subject: the same number and gender where the parse
    knows both; a coordination (« Paul et Marie ») is plural. A name whose number the parse
    does not know takes a singular pronoun only; a name, only when no other person the
    sentence names could be the one meant (« Jeanne Morvan a reçu Claire Le Gall. Elle ... »
    is ambiguous)."""
    p_gender, p_number = _features(pronoun)
    s_gender, s_number = _features(subject)
    coordinated = any(c.dep_ == "conj" for c in subject.children)
    if coordinated:
        s_number = "Plur"
    if p_number and s_number and p_number != s_number:
        return False
    if s_number is None and p_number == "Plur":
        return False
    if p_gender and s_gender and not coordinated and p_gender != s_gender:
        return False
    if subject.pos_ == "PROPN" or not s_gender:
        # A name (whose gender the parse guesses, when it does): another person the sentence
        # names, of the pronoun's gender or of none the parse knows, could be the one meant.
        others = [
            t
            for t in sentence
            if t.ent_type_ in _PERSON_LABELS
            and t.ent_iob_ == "B"
            and not subject.left_edge.i <= t.i <= subject.right_edge.i
            and _features(t)[0] in (None, p_gender)
        ]
        return not others
    return True


def follows_on(previous: ParsedSentence, sentence: ParsedSentence, lang: Language) -> bool:
    """``sentence`` opens on a pronoun subject that stands for ``previous``'s subject, and
    nothing else in it needs another sentence (``stands_alone`` with the subject named)."""
    if sentence.block - previous.block > 1:
        return False  # a heading or another block between: not the article's next sentence
    pronoun = subject_pronoun(sentence.span, lang)
    subject = subject_of(previous.span)
    if pronoun is None or subject is None:
        return False
    if not agrees(pronoun, agreement_head(subject, lang.code), previous.span):
        return False
    return stands_alone(sentence, lang, named_subject=True)


def keeps_subject(
    previous: ParsedSentence,
    fragments: Sequence[tuple[int, int]],
    follower: ParsedSentence | None = None,
    lang: Language | None = None,
) -> bool:
    """The bullet made from ``previous`` kept its subject, which the follow-on's pronoun
    stands for (compression may have cut an apposition, not the subject itself), and, given
    the ``follower``, cut no noun the pronoun could stand for as well: « Une équipe ... avait
    détecté des pulsations[, faisant naître l'espoir ... à la puissante explosion]. » then
    « Elle a détruit des quartiers entiers »: in the article « Elle » was the explosion; with
    the explosion cut, it reads as the team (thirtieth judged round)."""
    subject = subject_of(previous.span)
    if subject is None:
        return False
    at = previous.offset + subject.idx
    if not any(a <= at < b for a, b in fragments):
        return False
    if follower is None or lang is None:
        return True
    pronoun = subject_pronoun(follower.span, lang)
    if pronoun is None:
        return True
    p_gender, p_number = _features(pronoun)
    words = PointingWords.of(lang.code)
    for tok in previous.span:
        start = previous.offset + tok.idx
        if tok.pos_ != "NOUN" or any(a <= start < b for a, b in fragments):
            continue
        # A noun's « de » complement (« la coque du chalutier ») or a time (« du mois
        # dernier ») is hardly what the next sentence goes on about.
        if fold(tok.lemma_) in words.time_nouns or (
            tok.dep_.startswith("nmod")
            and any(c.dep_ == "case" and c.lower_ in words.of_words for c in tok.children)
        ):
            continue
        gender, number = _features(tok)
        if gender and number and gender == p_gender and number == p_number:
            return False
    return True


def follow_ons(
    sentences: Sequence[ParsedSentence],
    lang: Language,
    limit: int,
    left_out: frozenset[int] | set[int] = frozenset(),
) -> dict[int, int]:
    """Sentence index → the index of the sentence it follows on, among the first ``limit``;
    none that ``left_out`` holds (``select.passed_over``) on either side."""
    found: dict[int, int] = {}
    for i in range(1, min(len(sentences), limit)):
        if i in left_out or i - 1 in left_out:
            continue
        if follows_on(sentences[i - 1], sentences[i], lang):
            found[i] = i - 1
    return found
