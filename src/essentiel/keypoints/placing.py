"""Descriptions and pronouns the reader cannot place: « which one? » anywhere in a bullet.

A box reads top to bottom under its headline. A definite description that stands for an
entity (« précise la chaîne », « L'acteur britannique ... », « l'élu », « la société ») is
placed when the reader has been told which one: the entity is named in the headline, in an
earlier bullet, or in this bullet before the description, or the description carries what
says whose it is (« le Premier ministre Édouard Philippe », « le maire de Brest »). The
sixteenth blind round's judges marked the others as the commonest fault of our box
(issue 33). Four ways, each a kind (``PLACING_KINDS``), word lists in ``[placing]`` of the
language's resources:

- ``unplaced_tied``: a description the digest's entities tie to a person or an organisation
  (a ``role`` mention, « l'élu » for Georges Fenech) whose name the reader has not been told:
  it is named in neither the headline, an earlier bullet, nor this bullet before it, even
  when the bullet names someone else (« L'acteur britannique ... a indiqué son agent Alex
  Irwin »);
- ``unplaced_description``: a description of a person, an organisation or a building
  (``[quotes] person_nouns``, ``[standalone] described_persons``, ``[pointing] role_nouns``,
  ``[placing] entity_nouns`` and ``building_nouns``: « la chaîne », « le bâtiment ») the
  entities tie to nothing, when nothing of its kind was named before it (a person's name
  before « l'élu », an organisation's before « la société », an organisation's or a place's
  before « le bâtiment »), and no earlier bullet nor the headline said its noun;
- ``unplaced_quantifier``: a bare count as a subject (« Plusieurs avancent la thèse ... »,
  « Certains estiment ... », ``[placing] quantifiers``): several of whom? Not with names
  after it (« Certains, tels que Xavier Bertrand, ... »);
- ``unplaced_pronoun``: a subject pronoun of a clause other than the main one (« ... estime
  qu'elle "atténue" la hausse », ``[standalone] person_pronouns``) with no noun or name before
  it in the bullet of its number, nor a noun or a name as the subject of the main verb after
  its fronted clause (« Alors qu'elle a fait appel, Jacqueline Sauvage ... »): the main
  clause's pronoun subject is the reader's measure's ``context_pronoun``.

Four more, read off the judges' notes of the seventeenth round (lists in ``[placing]``):

- ``unplaced_moment``: a time anchored to a moment another sentence gives (« A cette heure »,
  « ... étaient présents à ce moment-là »; ``anchored_moments``; « Un peu plus tôt dans la
  journée » at the opening only, ``opening_moments``), not with what says which after it
  (« à la même heure que »). At the opening, with its comma, the bullet drops it when the
  rest stands (``[compress] comma_connective_openers``);
- ``unplaced_thing``: a word that stands for a thing or a place another sentence said
  (« un tel portefeuille », « là aussi »; ``back_things``), unless the noun after it was said
  in the box or before it in the bullet (« un tel vaccin » after « un vaccin »);
- ``unplaced_link``: an opening on a consequence or a contrast whose cause the box has not
  stated (« Conséquence, ... », « Quant au député X, il y est favorable »; ``opening_links``);
- ``unplaced_ordinal``: one of a set another sentence introduced, before the set (« La
  seconde soirée » above « deux soirées »; ``ordinals``; « La plus importante concerne ... »,
  ``superlative_adverbs``): not a unit of time (« la deuxième
  semaine ») nor an idiom (« le second tour »), nor after the noun was said. The box read in
  the article's order then places it (``names_first``).

One more, read off the notes of judged rounds 33 and 34 (« Selon le quotidien, l'homme ... »):

- ``unplaced_source``: a definite description of a news outlet (a noun of ``[quotes]
  body_nouns`` of the category ``outlets``: « le quotidien », « la radio locale », « la
  chaîne ») that the digest ties to no entity, when no outlet is named before it (in the
  headline, an earlier bullet or the bullet): the outlets of
  resources/common/organisations.toml, with the article a preposition takes (« du
  Parisien », « aux Echos »), or a name that says it is one (``[placing]
  outlet_name_words``: « Charlie Hebdo »); nor right after it (« le quotidien Le Progrès »).
  Another organisation named (« le FN ») does not tell which paper says so. The selector
  refuses it from the first bullet on when another candidate scores at least
  ``KeyPointSettings.unplaced_source_margin`` of its score (``refuse_unplaced_source``).
  An outlet the digest ties to an entity is ``unplaced_tied`` when not named.

Not counted: a plural description (« les enquêteurs »: a group), one the reader knows without
a name (``[standalone] known_without_name``: « le gouvernement »), and a description with an
apposed name or an « of » complement, unless that complement is a bare noun, which says what
kind and not whose (« le cabinet de recherche », « la jeune femme de 28 ans »:
``standalone.kind_complement``, ``[placing] kind_prepositions``; judged round 40).

The reader's measure (``bench/keypoint_defects.py``) counts these as ``unplaced``; the
selector refuses a bullet with an unplaced description when another candidate is left that
scores nearly as well (``KeyPointSettings.refuse_unplaced``), and shows the box in the
article's order, not the headline's statement first, when that order names first what the
statement describes (« Le député Georges Fenech s'est donné ... » before « Mercredi soir,
l'élu a envoyé ... »; ``names_first``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Token

from essentiel import resources
from essentiel.analyze import ParsedSentence
from essentiel.facts.names import fold
from essentiel.keypoints.standalone import (
    definite_articles,
    kind_complement,
    known_without_name,
    person_nouns,
    person_pronouns,
)
from essentiel.model import Entity, EntityKind, MentionForm

PLACING_KINDS = (
    "unplaced_tied",
    "unplaced_description",
    "unplaced_quantifier",
    "unplaced_pronoun",
    "unplaced_moment",
    "unplaced_thing",
    "unplaced_link",
    "unplaced_ordinal",
    "unplaced_source",
)
_PERSON_LABELS = frozenset({"PER", "PERSON"})
# A body is placed by an organisation's name only (« Covid-19 » is tagged MISC).
_ORG_LABELS = frozenset({"ORG"})
_NAME_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "FAC"})
_BODY_LABELS = frozenset({"ORG", "LOC", "GPE", "FAC"})
_WORD = re.compile(r"\w+(?:-\w+)*")
# Dependencies by which a word after the noun says whose it is: an apposed name, an « of »
# complement (« le maire de Brest », « la star de "Questions pour un champion" »).
_WHOSE = frozenset({"appos", "flat", "flat:name", "nmod", "prep", "compound", "nummod"})


@dataclass(frozen=True)
class Unplaced:
    kind: str  # one of PLACING_KINDS
    words: str  # the description or pronoun, as the bullet says it
    start: int  # clean-text offsets of the description's phrase
    end: int
    entity: int | None = None  # the entity the digest ties it to, when it does


@dataclass(frozen=True)
class PlacingWords:
    persons: frozenset[str]
    bodies: frozenset[str]
    buildings: frozenset[str]
    quantifiers: frozenset[str]
    idioms: tuple[str, ...]
    articles: frozenset[str]
    known: frozenset[str]
    pronouns: dict[str, str]
    moments: tuple[str, ...]
    opening_moments: tuple[str, ...]
    things: tuple[str, ...]
    links: tuple[str, ...]
    ordinals: frozenset[str]
    ordinal_idioms: tuple[str, ...]
    times: frozenset[str]
    superlatives: frozenset[str]
    # Nouns of an outlet (« le quotidien », « la radio »: ``[quotes] body_nouns`` of the
    # category ``outlets``), folded.
    outlets: frozenset[str]
    # Folded noun -> the folded words of its family (``[placing] description_families``): a
    # word the box said of the same person or thing under another name (« un viticulteur »
    # ... « l'agriculteur »).
    families: dict[str, frozenset[str]]

    @classmethod
    @cache
    def of(cls, code: str) -> PlacingWords:
        data = resources.raw(code)
        placing = data.get("placing", {})
        roles = data.get("pointing", {}).get("role_nouns", [])
        return cls(
            persons=person_nouns(code) | frozenset(fold(w) for w in roles),
            bodies=frozenset(fold(w) for w in placing.get("entity_nouns", [])),
            buildings=frozenset(fold(w) for w in placing.get("building_nouns", [])),
            quantifiers=frozenset(w.lower() for w in placing.get("quantifiers", [])),
            idioms=tuple(placing.get("idioms", [])),
            articles=definite_articles(code),
            known=known_without_name(code),
            pronouns=person_pronouns(code),
            moments=tuple(_plain(w) for w in placing.get("anchored_moments", [])),
            opening_moments=tuple(_plain(w) for w in placing.get("opening_moments", [])),
            things=tuple(_plain(w) for w in placing.get("back_things", [])),
            links=tuple(_plain(w) for w in placing.get("opening_links", [])),
            ordinals=frozenset(_plain(w) for w in placing.get("ordinals", [])),
            ordinal_idioms=tuple(_plain(w) for w in placing.get("ordinal_idioms", [])),
            times=frozenset(_plain(w) for w in placing.get("ordinal_times", [])),
            superlatives=frozenset(w.lower() for w in placing.get("superlative_adverbs", [])),
            outlets=frozenset(
                fold(w)
                for w, category in data.get("quotes", {}).get("body_nouns", {}).items()
                if category == "outlets"
            ),
            families={
                fold(word): frozenset(fold(w) for w in family)
                for family in placing.get("description_families", [])
                for word in family
            },
        )


@cache
def _outlet_pattern() -> re.Pattern[str]:
    """The news outlets' names and spellings of resources/common/organisations.toml, as
    written (case kept: « Le Monde », not « le monde entier »), whole words, with the article
    a preposition takes (« du Parisien », « aux Echos »)."""
    names: list[str] = []
    for group in resources.common_data("organisations").get("outlets", []):
        for name in group:
            name = name.replace("’", "'")
            article = re.match(r"(Les|Le|La)\s+|(L')", name)
            if article is None:
                names.append(re.escape(name))
                continue
            rest = re.escape(name[article.end() :])
            det = {"Le": "(?:Le|le|du|au) ", "La": "[Ll]a ", "Les": "(?:Les|les|des|aux) "}
            names.append(det.get(article.group(1), "[Ll]['’]") + rest)
    # A name the list lacks that says it is an outlet (« Charlie Hebdo », « France Bleu
    # Mayenne »): a capitalised word with one of ``[placing] outlet_name_words`` of any
    # language we have.
    marks = sorted(
        {
            w
            for code in resources.supported_languages()
            for w in resources.raw(code).get("placing", {}).get("outlet_name_words", [])
        }
    )
    if marks:
        words = "|".join(re.escape(w) for w in marks)
        names.append(rf"[A-ZÀ-Þ][\w'-]+ (?:{words})|(?:{words}) [A-ZÀ-Þ][\w'-]+")
    names.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)")


def outlet_after(text: str) -> bool:
    """An outlet's name follows the description, maybe after its adjectives or a comma
    (« rapporte le quotidien Le Progrès », « le quotidien régional, Ouest-France »)."""
    match = _outlet_pattern().search(text.replace("’", "'"))
    return match is not None and not re.search(
        r"[.;:!?]|\b(?:qui|que|a|ont|est)\b", text[: match.start()]
    )


def outlet_named(text: str) -> bool:
    """A news outlet of the common list is named in ``text``."""
    return _outlet_pattern().search(text.replace("’", "'")) is not None


def _plain(text: str) -> str:
    """Lower case, accents off, one apostrophe, character for character (offsets hold):
    « A cette heure » and « à cette heure » are one phrase."""
    return "".join(
        unicodedata.normalize("NFD", c)[:1].lower() if c not in "’ʼ" else "'" for c in text
    )


# Each sentence is read for several lists of phrases, in every bullet tried: its plain form
# once (``_plain`` maps character for character, so a slice of it is the slice's own).
@lru_cache(maxsize=1024)
def _plain_sentence(text: str) -> str:
    return _plain(text)


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str, opening: bool) -> re.Pattern[str]:
    """``phrase`` as whole words (``opening``: at the start, after a quote mark)."""
    pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
    return re.compile(rf"^[«\"“\s]*{pattern}" if opening else pattern)


def _phrases(
    sentence: ParsedSentence,
    fragments: Sequence[tuple[int, int]],
    phrases: tuple[str, ...],
    opening: bool = False,
    told: frozenset[str] = frozenset(),
) -> tuple[str, int, int] | None:
    """The first of ``phrases`` the bullet keeps as whole words (the words, clean-text
    offsets), not followed by what says which (« plus tôt dans la journée de mardi »,
    « à la même heure que »), nor by a noun the reader was told (``told``, with the bullet's
    words before it: « un tel vaccin » after « un vaccin »); ``opening``: only at the
    bullet's start, after a quote mark."""
    for n, (a, b) in enumerate(fragments):
        if opening and n:
            break
        lo = max(a, sentence.start) - sentence.start
        hi = min(b, sentence.end) - sentence.start
        if lo >= hi:
            continue
        plain = _plain_sentence(sentence.text)[lo:hi]
        for phrase in phrases:
            # The pattern matches the phrase as written: a fragment without it as a
            # substring has no match (most have none of the list's; issue 31).
            if phrase not in plain:
                continue
            for m in _phrase_pattern(phrase, opening).finditer(plain):
                after = plain[m.end() : m.end() + 30].lstrip(" -,")
                # Not after a comma: « Conséquence, des milliers ... » says no which.
                if phrase[-1].isalnum() and re.match(r"(?:de|du|des|d'|que|qu'|ou)(?!\w)", after):
                    continue
                noun = re.match(r"\w+", after)
                if told and noun and _told(noun.group(), told | told_words(plain[: m.start()])):
                    continue
                end = sentence.start + lo + m.end()
                words = sentence.text[lo + m.start() : lo + m.end()].lstrip('«"“ ')
                return words, end - len(words), end
    return None


def _ordinal(tok: Token, words: PlacingWords) -> list[Token] | None:
    """« La seconde soirée »: an article, an ordinal past the first and a singular noun the
    phrase says nothing more of (one of a set another sentence introduced); not a unit of
    time (« la deuxième semaine », ``ordinal_times``) nor an idiom (« le second tour »)."""
    if tok.pos_ != "NOUN" or "Plur" in tok.morph.get("Number", []):
        return None
    left = sorted((c for c in tok.children if c.i < tok.i), key=lambda t: t.i)
    if len(left) < 2 or left[0].lower_ not in words.articles:
        return None
    if not any(_plain(c.lower_) in words.ordinals for c in left[1:]):
        return None
    if _plain(tok.lower_) in words.times or _plain(tok.lemma_) in words.times:
        return None
    phrase = _plain(" ".join(t.lower_ for t in [*left[1:], tok]))
    if any(idiom in phrase for idiom in words.ordinal_idioms):
        return None
    if any(c.i > tok.i and (c.dep_ in _WHOSE or c.pos_ == "PROPN") for c in tok.children):
        return None
    return [*left, tok]


def _elided_superlative(tok: Token, words: PlacingWords) -> list[Token] | None:
    """« La plus importante concerne le port du masque »: an article, « plus » and an
    adjective or participle as the subject, with no noun and no « des mesures » after it: the
    most important of a set another sentence introduced (judged round 23)."""
    if not tok.dep_.startswith("nsubj"):
        return None
    if not (tok.pos_ == "ADJ" or "Part" in tok.morph.get("VerbForm", [])):
        return None
    left = sorted((c for c in tok.children if c.i < tok.i), key=lambda t: t.i)
    if len(left) < 2 or left[0].lower_ not in words.articles:
        return None
    if not any(c.lower_ in words.superlatives for c in left[1:]):
        return None
    if any(c.i > tok.i and c.dep_ in _WHOSE for c in tok.children):
        return None
    return [*left, tok]


_NOTHING = frozenset({""})


def _told(word: str, told: frozenset[str]) -> bool:
    """The word, or one it begins or that begins it (« vaccin », « vaccins »), was said."""
    key = fold(word)
    return key in told or (
        len(key) >= 4 and any(w.startswith(key[:-1]) and abs(len(w) - len(key)) <= 2 for w in told)
    )


def _said(noun: Token, told: frozenset[str]) -> bool:
    """The noun, or a word it begins (« député » in « députés »), was said before."""
    keys = {fold(noun.lemma_), fold(noun.lower_)}
    return bool(keys & told) or any(
        len(k) >= 4 and any(w.startswith(k) and len(w) <= len(k) + 2 for w in told) for k in keys
    )


def told_words(text: str) -> frozenset[str]:
    """The folded words of ``text`` (the headline and the bullets before)."""
    return frozenset(fold(w) for w in _WORD.findall(text.lower()))


def _names_of(entity: Entity) -> list[str]:
    """The ways the text names the entity, and each name's last word (« Fenech »)."""
    names = {entity.name, *(m.span.text for m in entity.mentions if m.form is MentionForm.NAME)}
    names |= {a for a in entity.aliases if a[:1].isupper()}
    last = {n.split()[-1] for n in names if n.split()}
    return [n for n in names | last if len(n) >= 3 and n[:1].isupper()]


def named_in(entity: Entity, text: str) -> bool:
    """One of the entity's names stands in ``text`` as whole words."""
    return any(
        n in text and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in _names_of(entity)
    )


def _tied(entities: Sequence[Entity], start: int, end: int) -> int | None:
    """The entity (person or organisation) a role mention at [start, end) belongs to."""
    for k, entity in enumerate(entities):
        if entity.kind not in {EntityKind.PERSON, EntityKind.ORGANISATION}:
            continue
        for m in entity.mentions:
            if m.form is MentionForm.ROLE and m.span.start <= start < m.span.end:
                return k
            if m.form is MentionForm.ROLE and start <= m.span.start < end:
                return k
    return None


def _description(tok: Token, words: PlacingWords, code: str) -> list[Token] | None:
    """The phrase of a singular definite description of a person or a body headed by
    ``tok`` (an article, adjectives, the noun), with nothing after it that says whose; None
    otherwise."""
    if tok.pos_ != "NOUN":
        return None
    keys = {fold(tok.lemma_), fold(tok.lower_)}
    if not keys & (words.persons | words.bodies | words.buildings) or keys & words.known:
        return None
    if "Plur" in tok.morph.get("Number", []) or tok.tag_ in {"NNS", "NNPS"}:
        return None
    left = sorted((c for c in tok.children if c.i < tok.i and c.dep_ != "case"), key=lambda t: t.i)
    if not left or left[0].lower_ not in words.articles or left[0].dep_ != "det":
        return None
    # « le Premier ministre »: the parse may read the capitalised adjective as a name.
    if not all(c.pos_ in {"DET", "ADJ"} or (c.pos_ == "PROPN" and not c.ent_type_) for c in left):
        return None
    for child in tok.children:
        if child.i > tok.i and (child.dep_ in _WHOSE or child.pos_ == "PROPN"):
            if kind_complement(child, code):
                continue
            return None
    # « le Premier ministre Justin Trudeau »: the name may head the phrase instead.
    if tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        return None
    # A name a few words on, before any stop or verb (« le président sortant Andrzej Duda »,
    # « le magazine spécialisé L'Essor de la Gendarmerie »); right after the noun, also one
    # the parse did not tag a name but that is written as one (« la marque Tide », « le
    # groupe État islamique », « la chaîne i24news »).
    for after in tok.doc[tok.i + 1 : tok.i + 4]:
        if after.is_punct:
            break
        # Whatever the tagger reads it as (« la chaîne armor24 », tagged a verb).
        if after.i == tok.i + 1 and _written_as_name(after):
            return None
        if after.pos_ in {"VERB", "AUX"}:
            break
        if after.pos_ == "PROPN" or after.ent_type_ in _NAME_LABELS:
            return None
    # « le fondateur et patron de Facebook »: a conjoined noun that says whose.
    for conj in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        if any(c.i > conj.i and c.dep_ in _WHOSE for c in conj.children):
            return None
    # With the words before it: « des droits de l'homme » names nobody.
    start = left[0].i if left else tok.i
    phrase = tok.doc[max(start - 2, 0) : tok.i + 2]
    phrase_text = " ".join(t.lower_ for t in phrase).replace("' ", "'").replace("’ ", "’")
    if any(fold(p) in fold(phrase_text) for p in words.idioms):
        return None
    # A name inside it (« le Premier ministre » is tagged MISC, no name).
    if any(t.ent_type_ in _NAME_LABELS for t in left):
        return None
    return [*left, tok]


def _written_as_name(tok: Token) -> bool:
    """``tok`` is written as a name inside a sentence: a capital (« Tide », « État »), or
    letters and digits mixed (« i24news »)."""
    text = tok.text
    if not any(ch.isalpha() for ch in text):
        return False
    return text[0].isupper() or any(ch.isdigit() for ch in text)


def _kind_named(
    before: Sequence[Token], told_text: str, entities: Sequence[Entity], kind: str
) -> bool:
    """A name of the description's kind stands before it: a person's for a person, an
    organisation's for a body, an organisation's or a place's for a building."""
    labels = {"person": _PERSON_LABELS, "body": _ORG_LABELS}.get(kind, _BODY_LABELS)
    if any(t.ent_type_ in labels and t.is_alpha for t in before):
        return True
    kinds = {
        "person": {EntityKind.PERSON},
        "body": {EntityKind.ORGANISATION},
    }.get(kind, {EntityKind.ORGANISATION, EntityKind.PLACE})
    return any(e.kind in kinds and named_in(e, told_text) for e in entities)


def unplaced(
    sentence: ParsedSentence,
    fragments: Sequence[tuple[int, int]],
    code: str,
    entities: Sequence[Entity] = (),
    told_text: str = "",
    bullet: str = "",
    sources_only: bool = False,
    elided_counts: bool = False,
) -> Unplaced | None:
    """The first description or pronoun of the bullet made of ``fragments`` of ``sentence``
    that the reader cannot place, or None. ``told_text``: what the reader read before the
    bullet (the headline and the earlier bullets); ``bullet``: its text as shown (a bracketed
    name in it names the subject); ``sources_only``: the first outlet not placed
    (``unplaced_source``), past any other kind; ``elided_counts``: a count whose noun the
    joined clause gives is placed (« Un migrant est mort et plusieurs sont blessés »): the
    reader's measure reads it so; the selector does not, which kept a box's total of cases
    over a side detail the count opened (validation page 1166, twenty-fourth session)."""
    words = PlacingWords.of(code)
    if not words.articles:
        return None
    tokens = [
        t for t in sentence.span if any(a <= sentence.offset + t.idx < b for a, b in fragments)
    ]
    told = told_words(told_text)
    root = sentence.span.root
    for kind, found in (
        ()
        if sources_only
        else (
            ("unplaced_link", _phrases(sentence, fragments, words.links, opening=True)),
            ("unplaced_moment", _phrases(sentence, fragments, words.opening_moments, opening=True)),
            ("unplaced_moment", _phrases(sentence, fragments, words.moments)),
            ("unplaced_thing", _phrases(sentence, fragments, words.things, told=told or _NOTHING)),
        )
    ):
        if found is not None:
            return Unplaced(kind, *found)
    for k, tok in enumerate(tokens):
        before = tokens[:k]
        start = sentence.offset + tok.idx
        # A bracketed name replaced the subject: what stood there is named.
        if "[" in bullet and tok.dep_.startswith("nsubj") and tok.head == root:
            continue
        ordinal = None if sources_only else _ordinal(tok, words) or _elided_superlative(tok, words)
        if ordinal is not None and not (
            _said(tok, told) or any(fold(t.lemma_) == fold(tok.lemma_) for t in before)
        ):
            a = sentence.offset + ordinal[0].idx
            b = sentence.offset + tok.idx + len(tok.text)
            described = " ".join(t.text for t in ordinal)
            return Unplaced("unplaced_ordinal", described, a, b)
        phrase = _description(tok, words, code)
        if phrase is not None:
            a = sentence.offset + phrase[0].idx
            b = sentence.offset + tok.idx + len(tok.text)
            if not any(x <= a and b <= y for x, y in fragments):
                continue
            described = " ".join(t.text for t in phrase)
            # The bullet's words before it, as written (« sur i-Télé »: no spaces inside a
            # name), read only for a description.
            before_text = "".join(t.text_with_ws for t in before)
            tied = _tied(entities, a, b)
            keys = {fold(tok.lemma_), fold(tok.lower_)}
            if sources_only and not keys & words.outlets:
                continue
            if tied is not None:
                if not (
                    named_in(entities[tied], told_text) or named_in(entities[tied], before_text)
                ):
                    return Unplaced("unplaced_tied", described, a, b, tied)
                continue
            kind = (
                "person"
                if keys & words.persons
                else "outlet"
                if keys & words.outlets
                else "body"
                if keys & words.bodies
                else "building"
            )
            if _said(tok, told) or any(
                {fold(t.lemma_), fold(t.lower_)} & {fold(tok.lemma_), fold(tok.lower_)}
                for t in before
            ):
                continue
            if _family_said(tok, told, before, words):
                continue
            if kind == "outlet":
                # « Selon le quotidien, ... » with no outlet named before: which paper says so?
                # Another organisation named (« le FN ») does not tell it.
                after = sentence.text[b - sentence.start : b - sentence.start + 60]
                if outlet_named(f"{told_text}\n{before_text}") or outlet_after(after):
                    continue
                return Unplaced("unplaced_source", described, a, b)
            if _kind_named(before, f"{told_text}\n{before_text}", entities, kind):
                continue
            return Unplaced("unplaced_description", described, a, b)
        if sources_only:
            continue
        if (
            tok.lower_ in words.quantifiers
            and tok.pos_ == "PRON"
            and tok.dep_.startswith("nsubj")
            and not any(c.dep_ in {"nmod", "prep"} for c in tok.children)
            and not _names_follow(tok)
            and not (elided_counts and _elided_noun(tok))
        ):
            return Unplaced("unplaced_quantifier", tok.text, start, start + len(tok.text))
        if (
            tok.lower_ in words.pronouns
            and tok.dep_ == "nsubj"
            and tok.head != root
            and tok.head.i > tok.i
            and not _antecedent(tok, before)
            and not _cataphora(tok, root)
        ):
            return Unplaced("unplaced_pronoun", tok.text, start, start + len(tok.text))
    return None


def _family_said(
    noun: Token, told: frozenset[str], before: Sequence[Token], words: PlacingWords
) -> bool:
    """A word of the description's family (``[placing] description_families``) was said by
    the headline, an earlier bullet or the bullet before it: « l'agriculteur » after « un
    viticulteur de Montagnac », « l'enseignante » after « une institutrice »."""
    family = words.families.get(fold(noun.lemma_)) or words.families.get(fold(noun.lower_))
    if not family:
        return False
    heard = told | {fold(w) for t in before for w in (t.lemma_, t.lower_)}
    return bool(family & heard)


def _elided_noun(count: Token) -> bool:
    """The count is the subject of a clause joined to one whose subject is a noun before it:
    that noun is left out after the count (« Un migrant est mort et plusieurs sont blessés »:
    several migrants), which the bullet itself says."""
    verb = count.head
    if verb.dep_ != "conj":
        return False
    # The clause it is joined to governs it, maybe through a word the parse hung it on
    # (« ... dans la tempête et plusieurs ont été secourus »: « secourus » under « tempête »).
    return any(
        c.dep_.startswith("nsubj") and c.pos_ == "NOUN" and c.i < count.i
        for head in verb.ancestors
        for c in head.children
    )


def _names_follow(count: Token) -> bool:
    """Names follow the count before any verb (« Certains, tels que Xavier Bertrand ou
    Valérie Pécresse, sont ... »): it says whom."""
    for after in count.doc[count.i + 1 : count.i + 7]:
        if after.pos_ in {"VERB", "AUX"}:
            return False
        if after.pos_ == "PROPN":
            return True
    return False


def _cataphora(pronoun: Token, root: Token) -> bool:
    """The pronoun's clause stands before the main verb, whose subject is a noun or a name
    (« Alors qu'elle a fait appel, Jacqueline Sauvage peut compter ... »): it looks ahead."""
    if not pronoun.head.i < root.i:
        return False
    return any(
        c.dep_.startswith("nsubj") and c.pos_ in {"NOUN", "PROPN"} and c.i > pronoun.i
        for c in root.children
    )


def _antecedent(pronoun: Token, before: Sequence[Token]) -> bool:
    """A noun or a name before the pronoun, in the bullet, that it can stand for (its number,
    and its gender when the parse gives both)."""
    plural = pronoun.lower_.endswith("s")
    gender = pronoun.morph.get("Gender", [])
    for t in before:
        if t.pos_ not in {"NOUN", "PROPN"}:
            continue
        if t.pos_ == "PROPN":
            return True
        if ("Plur" in t.morph.get("Number", [])) != plural:
            continue
        found = t.morph.get("Gender", [])
        if not gender or not found or gender[0] in found:
            return True
    return False


def refuse_unplaced(
    sentence: ParsedSentence,
    fragments: Sequence[tuple[int, int]],
    code: str,
    entities: Sequence[Entity],
    told_text: str,
    bullet: str,
    rival: Callable[[], float],
    margin: float,
) -> bool:
    """The bullet leaves a description or a pronoun unplaced (``unplaced``) and another
    candidate scores at least ``margin`` of its score (``rival``: that share): the selector
    takes that one instead."""
    if margin <= 0:
        return False
    found = unplaced(sentence, fragments, code, entities, told_text, bullet)
    return found is not None and rival() >= margin


def unplaced_source(
    sentence: ParsedSentence,
    fragments: Sequence[tuple[int, int]],
    code: str,
    entities: Sequence[Entity],
    told_text: str,
    bullet: str,
) -> bool:
    """The bullet cites an outlet by a description no outlet's name placed (« Selon le
    quotidien, ... » with no paper named above it or before it)."""
    words = PlacingWords.of(code)
    if not words.outlets:
        return False
    folded = fold(sentence.text)  # once, not once per outlet word
    if not any(o in folded for o in words.outlets & (words.bodies | words.persons)):
        return False
    found = unplaced(sentence, fragments, code, entities, told_text, bullet, sources_only=True)
    return found is not None and found.kind == "unplaced_source"


def unplaced_in_order(
    bullets: Sequence[tuple[ParsedSentence, Sequence[tuple[int, int]], str]],
    code: str,
    entities: Sequence[Entity] = (),
) -> int:
    """How many of ``bullets`` (sentence, fragments, text), read in this order with nothing
    above them, leave a description or a pronoun unplaced: the box read without its
    headline."""
    told: list[str] = []
    count = 0
    for sentence, fragments, text in bullets:
        count += unplaced(sentence, fragments, code, entities, "\n".join(told), text) is not None
        told.append(text)
    return count
