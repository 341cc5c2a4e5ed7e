"""Entities: spaCy's named entities, merged into one entity per person, place or organisation.

What spaCy alone does not do, and news needs:
- one entity across spellings: full name and surname (« Volodymyr Zelensky », « Zelensky »),
  transliterations (Zelenskyy, Зеленський; Poutine / Putin) and exonyms (Kiev / Kyiv), compared
  by ``facts.names``;
- roles the text ties to a person: in apposition (« son homologue ukrainien Volodymyr
  Zelensky »), then by nationality (« le chef de l'État ukrainien » is the Ukrainian the text
  named), else the nearest person named before;
- capitals used as actors (« D'après Kiev », « Washington n'a pas commenté »): a place whose
  mention is the subject of a verb or the source of an according-to phrase stands for its
  government (``government_of``).
Words (labels, roles, nationalities, titles) come from ``[entities]`` in the language file.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.symbols import IDS
from spacy.tokens import Doc, Token
from spacy.util import get_lang_class

from essentiel import resources
from essentiel.analyze import doc_text, token_indices
from essentiel.facts.names import (
    alias_group,
    capitals,
    fold,
    organisation,
    organisation_pattern,
    same_name,
    same_word,
    skeleton,
    visible,
)
from essentiel.intervals import Intervals
from essentiel.model import (
    Block,
    BlockKind,
    Entity,
    EntityKind,
    EntityMention,
    EntityRole,
    MentionForm,
    Span,
)
from essentiel.resources import alternation

_WORDS = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
_CYRILLIC_NAME = re.compile(r"(?<!\w)[А-ЯЁЄІЇҐ][а-яёєіїґ'’]+(?:\s+[А-ЯЁЄІЇҐ][а-яёєіїґ'’]+)*")
_LEADING_ARTICLE = re.compile(r"^(?:l['’]|le |la |les |the )", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    labels: dict[str, EntityKind]
    not_names: frozenset[str]
    titles: re.Pattern[str]
    role: re.Pattern[str]
    role_words: frozenset[str]  # the roles, folded
    rival_roles: dict[str, int]  # role → its group of roles one person does not hold at once
    relational: frozenset[str]
    definite: frozenset[str]
    nationalities: dict[str, str]
    according_to_before: re.Pattern[str]
    stop_words: frozenset[str]
    gender_words: dict[str, str]
    # « M. Toubon », « Mme Durand », « Pr. Greaves »: a courtesy title and the surname after it.
    titled: re.Pattern[str]
    # « le cardinal Pell », « la juge Durand »: a capitalised word after a definite person
    # noun (``[quotes] person_nouns``) is that person's name.
    noun_titled: re.Pattern[str] | None
    title_words: frozenset[str]
    speech: frozenset[str]
    # « , maire de … », « , la porte-parole … »: a role in apposition right after a name.
    role_after: re.Pattern[str]
    # Nouns for bodies (« le magazine », « l'association »): they describe no person.
    body_nouns: frozenset[str]
    # « le ministre de l' » right before a name the tagger ran into the ministry (« Économie
    # Bruno Le Maire »): the first word is the role's complement, not the name's.
    role_complement_before: re.Pattern[str]
    # Capitalised particles of surnames (« Le » of « M. Le Maire »): part of the name, not
    # an article to trim.
    particles: frozenset[str]
    # A courtesy title right before a name (« M. » of « M. Quatennens »): a person's.
    title_before: re.Pattern[str]
    # A role opening a "name" that holds no proper noun (« Premier ministre le plus … »).
    role_start: re.Pattern[str]
    # Object pronouns after a hyphen that close an imperative (« Croyez-le »): no name.
    enclitics: frozenset[str]
    # Nationality words that also name the country (« Suisse »).
    country_nationalities: frozenset[str]
    # Endings of past participles (« Considéré »): a lone capitalised one is no name.
    participle_endings: tuple[str, ...]
    # Folded first names → "f" / "m" (resources/common/first_names.toml and the language's
    # corrections), for languages that ask for them (``first_name_genders``); else empty.
    first_names: dict[str, str] = field(default_factory=dict)
    # « Cirque » of « Cirque du Soleil »: a name opened by one is a body (``organisation_heads``).
    organisation_heads: frozenset[str] = frozenset()


@cache
def rules(code: str) -> _Rules:
    data: dict[str, Any] = resources.raw(code)
    e = data["entities"]
    nat = e["nationalities"]
    nat_alt = alternation(list(nat))
    particles = alternation(e.get("name_particles", [])) or "(?!)"
    role = (
        rf"(?<![\w-])(?P<det>{alternation(e['role_determiners'])})\s*"
        rf"(?P<role>{alternation(e['roles'])})"
        rf"(?:\s+(?P<nat>{nat_alt}))?(?![\w-])"
    )
    return _Rules(
        labels={label: EntityKind(kind) for label, kind in e["labels"].items()},
        not_names=frozenset(fold(w) for w in e["not_names"]),
        titles=re.compile(rf"^(?:{alternation(e['titles'])})\.?\s+"),
        role=re.compile(role, re.IGNORECASE),
        role_words=frozenset(fold(w) for w in e["roles"]),
        rival_roles={
            fold(w): g
            for g, group in enumerate(data["quotes"].get("rival_roles", []))
            for w in group
        },
        relational=frozenset(fold(w) for w in e.get("relational_roles", [])),
        definite=frozenset(w.lower() for w in e["definite_determiners"]),
        nationalities={fold(k): v for k, v in nat.items()},
        stop_words=frozenset(get_lang_class(code).Defaults.stop_words),
        according_to_before=re.compile(
            rf"(?:{alternation(data['quotes']['according_to'])})\s*$", re.IGNORECASE
        ),
        gender_words={w.lower(): g for w, g in e.get("gender_words", {}).items()},
        titled=re.compile(
            rf"(?<![\w.])(?P<title>{alternation(e['titles'])})\.?\s+"
            rf"(?P<name>(?:(?:{particles})\s+)?"
            r"[A-ZÀ-ÖØ-Þ][\w’'-]*[\w])(?![\w’'-])"
        ),
        noun_titled=_noun_titled(data, particles),
        role_complement_before=re.compile(
            rf"(?<![\w-])(?:{alternation(e['roles'])})\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+)$",
            re.IGNORECASE,
        ),
        particles=frozenset(e.get("name_particles", [])),
        title_before=re.compile(rf"(?<![\w.])(?:{alternation(e['titles'])})\.?\s+$"),
        role_start=re.compile(rf"^(?:{alternation(e['roles'])})(?![\w-])", re.IGNORECASE),
        enclitics=frozenset(e.get("enclitics", [])),
        country_nationalities=frozenset(fold(w) for w in e.get("country_nationalities", [])),
        participle_endings=tuple(data.get("temporal", {}).get("past_participle_endings", [])),
        title_words=frozenset(fold(t) for t in e["titles"]),
        speech=frozenset(w.lower() for w in data["quotes"]["speech_lemmas"]),
        role_after=re.compile(
            rf"\s*,\s*(?:(?:{alternation(e['role_determiners'])})\s*)?"
            rf"(?:{alternation(e['roles'])})(?![\w-])",
            re.IGNORECASE,
        ),
        body_nouns=frozenset(fold(w) for w in data["quotes"].get("body_nouns", {})),
        first_names=_first_names(e),
        organisation_heads=frozenset(e.get("organisation_heads", [])),
    )


def _noun_titled(data: dict[str, Any], particles: str) -> re.Pattern[str] | None:
    """A definite person noun and the capitalised word or two after it (« le cardinal Pell »,
    « la juge Anne Morel »), for ``_noun_titled_mentions``; None without the lists."""
    nouns = data.get("quotes", {}).get("person_nouns", [])
    determiners = data["entities"].get("definite_determiners", [])
    if not nouns or not determiners:
        return None
    word = r"[A-ZÀ-ÖØ-Þ][\w’'-]*[\w]"
    return re.compile(
        rf"(?<![\w-])(?i:{alternation(determiners)})\s*(?i:{alternation(nouns)})\s+"
        rf"(?P<name>(?:(?:{particles})\s+)?{word}(?:\s+{word})?)(?![\w’'-])"
    )


def _first_names(e: dict[str, Any]) -> dict[str, str]:
    """The common first-name list with the language's corrections over it, when the language
    has a ``first_name_genders`` table (empty: it uses none)."""
    if "first_name_genders" not in e:
        return {}
    common = resources.common_data("first_names")
    found = {n: g for g, key in (("f", "female"), ("m", "male")) for n in common.get(key, [])}
    found.update({fold(n).replace(" ", "-"): g for n, g in e["first_name_genders"].items()})
    return found


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    kind: EntityKind
    form: MentionForm
    block: int
    actor: bool = False
    nationality: str | None = None
    role: str | None = None
    gender: str | None = None  # "f" or "m", from evidence in the text (see _gender_of)
    # "f" or "m" from the first name alone (_first_name_gender): weaker than any evidence.
    name_gender: str | None = None


@dataclass
class _Cluster:
    kinds: Counter[EntityKind] = field(default_factory=Counter)
    names: list[str] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    # The mentions' starts, sorted, while merging (which person was named last before a point).
    starts: list[int] = field(default_factory=list)
    nationality: str | None = None
    roles: set[str] = field(default_factory=set)
    # Each role or description the text ties to it by evidence, with the first span that
    # shows it (« Philippe Bas, sénateur de la Manche » → « sénateur »: « sénateur de la
    # Manche »).
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def kind(self) -> EntityKind:
        real = [(n, k) for k, n in self.kinds.items() if k is not EntityKind.OTHER]
        if real:
            return max(real)[1]
        return EntityKind.OTHER

    @property
    def gender(self) -> str | None:
        """The gender the text's evidence gives this person (titles, roles and descriptions
        tied by apposition, participles agreeing with the name), when it is one way."""
        votes = Counter(m.gender for m in self.mentions if m.gender)
        if votes["f"] == votes["m"]:
            # No evidence in the text, or as much each way (« la ministre » tied to him by
            # proximity): the first name, when it has a clear gender.
            votes = Counter(m.name_gender for m in self.mentions if m.name_gender)
        if votes["f"] == votes["m"]:
            return None
        return "f" if votes["f"] > votes["m"] else "m"

    def canonical(self) -> str:
        # The fullest Latin-script spelling (« Volodymyr Zelensky » over « Zelensky »), the
        # earliest of equals: the body's spelling wins over an embedded post's.
        latin = [n for n in self.names if not _CYRILLIC_NAME.search(n)] or self.names
        return max(latin, key=lambda n: (len(n.split()), -self.names.index(n)))


class EntityIndex:
    """The merged entities of an article, and look-ups the quote extractor needs.

    Every look-up bisects the mentions sorted by start (a quote per sentence asking about
    every mention would make the cost quadratic): a mention overlapping or ending near a
    position starts at most the longest mention's length before it."""

    def __init__(self, entities: list[Entity], genders: list[str | None] | None = None) -> None:
        self.entities = entities
        # Kept beside the entities, not in the JSON: evidence for pronoun resolution only.
        self.genders: list[str | None] = genders if genders is not None else [None] * len(entities)
        # The nouns each entity was described by (« le sénateur » is a sénateur the text
        # introduced as one): the roles' last words, for the speaker ranking.
        self.categories = [
            next(
                (found[0] for n in [entity.name, *entity.aliases] if (found := organisation(n))),
                None,
            )
            for entity in entities
        ]
        self.evidence = [
            frozenset(w for r in entity.roles if r.role for w in (r.role, r.role.split()[-1]))
            for entity in entities
        ]
        self._by_start = sorted(
            (m.span.start, m.span.end, k)
            for k, entity in enumerate(entities)
            for m in entity.mentions
        )
        self._starts = [a for a, _, _ in self._by_start]
        self._mention: dict[tuple[int, int, int], EntityMention] = {}
        for k, entity in enumerate(entities):
            for m in entity.mentions:
                self._mention.setdefault((k, m.span.start, m.span.end), m)
        self._longest = max((b - a for a, b, _ in self._by_start), default=0)
        self._name_starts = {
            (m.span.start, k)
            for k, entity in enumerate(entities)
            for m in entity.mentions
            if m.form is MentionForm.NAME
        }
        # Person name mentions as (start, -entity, end) per gender asked (None: any): the
        # latest start first when scanning back and, at one start, the first entity.
        self._persons: dict[str | None, list[tuple[int, int, int]]] = {}
        for wanted in (None, "f", "m"):
            self._persons[wanted] = sorted(
                (m.span.start, -k, m.span.end)
                for k, entity in enumerate(entities)
                if entity.kind is EntityKind.PERSON and self.compatible(k, wanted)
                for m in entity.mentions
                if m.form is MentionForm.NAME
            )

    def _overlapping(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, entity) of the mentions with a < end and b > start."""
        found = []
        k = bisect.bisect_left(self._starts, end) - 1
        while k >= 0 and self._starts[k] > start - self._longest:
            a, b, e = self._by_start[k]
            if b > start:
                found.append((a, b, e))
            k -= 1
        return found

    def at(self, start: int, end: int, head: int | None = None) -> int | None:
        """The entity a phrase [start, end) names: the one whose mention holds the phrase's
        head word when given (« le gouverneur du Texas » is not Texas), else a person or
        organisation mentioned in it, the longest mention first."""
        found = [(b - a, a, b, k) for a, b, k in self._overlapping(start, end)]
        if head is not None:
            holding = [m for m in found if m[1] <= head < m[2]]
            if holding:
                return max(holding)[3]
            found = [
                m
                for m in found
                if self.entities[m[3]].kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
            ]
        return max(found)[3] if found else None

    def mention_in(self, k: int, start: int, end: int) -> EntityMention:
        """Entity k's longest mention overlapping [start, end) (the first of equals in the
        entity's order); entity k must have one."""
        # Mentions are in text order: of the longest, the first starts earliest.
        _length, _minus_start, a, b = max(
            (b - a, -a, a, b) for a, b, e in self._overlapping(start, end) if e == k
        )
        return self._mention[(k, a, b)]

    def compatible(self, k: int | None, gender: str | None) -> bool:
        """Can entity k be referred to by a word of this gender?"""
        return k is None or gender is None or self.genders[k] in (None, gender)

    def named_before(self, position: int, kinds: frozenset[EntityKind], within: int) -> int | None:
        """The entity of one of ``kinds`` named last before ``position``, at most ``within``
        characters back."""
        best = max(
            (
                (a, k)
                for a, b, k in self._overlapping(position - within - 1, position + 1)
                if b <= position
                and position - b <= within
                and self.entities[k].kind in kinds
                and (a, k) in self._name_starts
            ),
            default=None,
        )
        return best[1] if best else None

    def person_before(
        self,
        position: int,
        gender: str | None = None,
        skip: Callable[[int], bool] | None = None,
    ) -> int | None:
        """The person named last before ``position`` (of that gender, or not known not to be),
        leaving out the mentions whose start ``skip`` refuses (a name inside a quote is
        someone the speaker talks about, not the speaker)."""
        persons = self._persons.get(gender)
        if persons is None:  # a gender word other than f / m: compare one by one
            persons = sorted(
                (m.span.start, -k, m.span.end)
                for k, entity in enumerate(self.entities)
                if entity.kind is EntityKind.PERSON and self.compatible(k, gender)
                for m in entity.mentions
                if m.form is MentionForm.NAME
            )
        at = bisect.bisect_right(persons, (position, 1, 0)) - 1
        while at >= 0:
            _start, minus_k, end = persons[at]
            # The lists were built before the quotes marked genders (« a-t-elle admis » makes
            # her a woman): « a-t-il ajouté » a paragraph down is not her.
            if (
                end <= position
                and self.compatible(-minus_k, gender)
                and (skip is None or not skip(_start))
            ):
                return -minus_k
            at -= 1
        return None


def extract_entities(text: str, docs: list[tuple[Block, Doc, str]], lang: str) -> EntityIndex:
    """Entities of parsed blocks (each with its language), merged across blocks."""
    names: list[_Mention] = []
    actor_tokens: set[int] = set()
    for block, doc, code in docs:
        r = rules(code)
        offset = block.span.start
        doc_text = block.span.text  # == doc.text, which spaCy rebuilds on every access
        first = len(names)  # this block's names start here
        for ent in doc.ents:
            kind = r.labels.get(ent.label_)
            if kind is None:
                continue
            if _sentence_opener(ent) or _no_name(ent, r):
                continue  # « Rester à la maison … », « Installation … »: a capitalised opener
            mention = _name_mention(text, offset + ent.start_char, offset + ent.end_char, r)
            if mention is None:
                continue
            if mention.kind is EntityKind.OTHER:  # else the role before it said who
                mention.kind = kind
            mention.block = block.index
            known = _known_prefix(mention)
            if known is not None:
                names.append(known)  # « à l'AFP Ravi Kulkarni »: the agency, then the man
            if fold(mention.text) in capitals():
                mention.kind = EntityKind.PLACE
            elif organisation(mention.text) is not None:
                # The gazetteer knows it: « Météo-France » is no place, an airline no country.
                mention.kind = EntityKind.ORGANISATION
            elif mention.kind is not EntityKind.PERSON and _opened_by_body(mention.text, r):
                # « le Cirque du Soleil a annoncé »: a body the tagger took for a place.
                mention.kind = EntityKind.ORGANISATION
            elif _people(mention.text, r):
                continue  # « les Britanniques »: a people, neither a place nor a speaker
            mention.gender = _gender_of(text, mention.start, ent.root, r)
            names.append(mention)
            root = ent.root
            if root.dep_ == "nsubj" or r.according_to_before.search(
                doc_text[max(0, ent.start_char - 30) : ent.start_char]
            ):
                actor_tokens.add(offset + ent.start_char)
        names.extend(_gazetteer_mentions(doc_text, offset, block.index, names[first:], r))
        names.extend(_titled_mentions(doc_text, offset, block.index, names[first:], r))
        names.extend(_noun_titled_mentions(doc_text, offset, block.index, names[first:], r))
        evidenced, swallowed = _cue_names(doc, offset, block.index, names[first:], r)
        if swallowed:  # « Yannig Le Goarnig, maire de … » where the tagger saw a place
            names[first:] = [n for n in names[first:] if id(n) not in swallowed]
        names.extend(evidenced)
        if block.kind is BlockKind.EMBEDDED_POST:
            names.extend(
                a
                for a in _post_authors(text, block)
                if not any(n.start < a.end and a.start < n.end for n in names)
            )
        for m in _CYRILLIC_NAME.finditer(doc_text):
            start = offset + m.start()
            if not any(n.start <= start < n.end for n in names):  # a post author already
                names.append(
                    _Mention(
                        start,
                        start + len(m.group(0)),
                        m.group(0),
                        EntityKind.OTHER,
                        MentionForm.NAME,
                        block.index,
                    )
                )
    names.sort(key=lambda m: m.start)
    codes = {block.index: code for block, _doc, code in docs}
    for mention in names:
        if mention.block in codes:
            mention.name_gender = _first_name_gender(mention.text, rules(codes[mention.block]))
    _first_names_together(text, names, codes)
    for mention in names:
        mention.actor = (
            mention.kind is EntityKind.PLACE
            and mention.start in actor_tokens
            and fold(mention.text) in capitals()
        )
    clusters = _merge(names)
    _bodies_by_description(text, docs, clusters)
    _attach_roles(text, docs, clusters, names)
    return EntityIndex([_entity(c, text) for c in clusters], [c.gender for c in clusters])


_TITLE_BEFORE = re.compile(r"(\S+)\s+$")


@cache
def _list_joins(code: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Between two names of a list (« Ilyas, Mamadou et Zakaria »): a comma or the language's
    coordinator (``[quotes] coordinator``); and between the last two, the coordinator (a list,
    not « Paris, Texas »). None for a language without one."""
    coordinator = resources.raw(code).get("quotes", {}).get("coordinator")
    if not coordinator:
        return None
    word = re.escape(coordinator)
    return re.compile(rf"\s*,\s*|\s+{word}\s+"), re.compile(rf",?\s+{word}\s+")


def _first_names_together(text: str, names: list[_Mention], codes: dict[int, str]) -> None:
    """« Ilyas, Mamadou et Zakaria avaient été contrôlés »: single words listed together, each
    a known first name, are people, whatever kind the tagger gave them (a place or a body,
    often, for a first name alone); a list of places has places' names in it."""
    chain: list[_Mention] = []
    for m in [*names, None]:
        joins = _list_joins(codes[m.block]) if m is not None and m.block in codes else None
        single = (
            m is not None
            and joins is not None
            and m.name_gender is not None
            and " " not in m.text.strip()
        )
        if (
            m is not None
            and single
            and joins is not None
            and chain
            and joins[0].fullmatch(text, chain[-1].end, m.start)
        ):
            chain.append(m)
            continue
        last = _list_joins(codes[chain[-1].block]) if len(chain) >= 2 else None
        if last is not None and last[1].fullmatch(text, chain[-2].end, chain[-1].start):
            for listed in chain:
                # (« Hamza » read as a body too; one the gazetteer knows stays one.)
                if listed.kind is not EntityKind.ORGANISATION or organisation(listed.text) is None:
                    listed.kind = EntityKind.PERSON
        chain = [m] if m is not None and single else []


@cache
def _body_before(code: str) -> re.Pattern[str] | None:
    """A body noun with its article, then up to 40 characters with no stop, at the end of a
    folded text: « l'association de défense des consommateurs » before « CLCV »."""
    nouns = rules(code).body_nouns
    if not nouns:
        return None
    alternatives = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:l['’\s]\s*|le\s+|la\s+|les\s+|du\s+|des\s+|de\s+la\s+)(?P<noun>{alternatives})"
        rf"(?!\w)[^,.;:!?«»\"“”()]{{0,40}}$",
        re.IGNORECASE,
    )


def _bodies_by_description(
    text: str, docs: list[tuple[Block, Doc, str]], clusters: list[_Cluster]
) -> None:
    """« l'association de défense des consommateurs CLCV », « le syndicat Sud-Rail »: a name
    the tagger could not type, right after a noun for a body, is an organisation (« la
    CLCV » may then speak), and the noun is evidence of what it is (« l'association » then
    stands for it)."""
    codes = {block.index: code for block, _doc, code in docs}
    for cluster in clusters:
        if cluster.kind not in (EntityKind.OTHER, EntityKind.ORGANISATION):
            continue
        for m in cluster.mentions:
            pattern = _body_before(codes.get(m.block, ""))
            window = text[max(0, m.start - 80) : m.start]
            found = pattern.search(fold(window)) if pattern else None
            if found is not None:
                if cluster.kind is EntityKind.OTHER:
                    cluster.kinds[EntityKind.ORGANISATION] += 1
                # The noun is evidence of what it is (« l'association » is the CLCV): the
                # span from the noun to the name (the name alone if accents hide the noun).
                at = window.lower().rfind(found.group("noun"))
                start = m.start - len(window) + at if at >= 0 else m.start
                cluster.evidence.setdefault(found.group("noun"), (start, m.end))
                break


def first_name_gender(name: str, code: str) -> str | None:
    """« f » or « m » for a name whose first word is a first name of a clear majority gender
    in the language's list (``_first_name_gender``), else None."""
    return _first_name_gender(name, rules(code))


def _first_name_gender(name: str, r: _Rules) -> str | None:
    """The gender of a name's first word as a first name with a clear majority gender
    (« Sylvie Durand », « Marie-Christine X », « Jean-Marie X » by « Jean »), if the language
    uses a first-name list; a title, an initial or an unknown word says nothing."""
    if not r.first_names:
        return None
    words = name.split()
    if not words:
        return None
    first = fold(words[0]).replace(" ", "-")
    return r.first_names.get(first) or r.first_names.get(first.split("-")[0])


def _gender_of(text: str, start: int, root: Token, r: _Rules) -> str | None:
    """Evidence of a named person's gender at one mention: a courtesy title right before the
    name (« Mme », « M. »), or a participle or adjective that agrees with the name through
    « être » (« X est arrivée », « X a été élue »; a participle after « avoir » agrees with
    nothing, so it says nothing)."""
    title = _TITLE_BEFORE.search(text[max(0, start - 12) : start])
    if title and title.group(1)[:1].isupper():
        found = r.gender_words.get(title.group(1).lower())
        if found:
            return found
    head = root.head
    if root.dep_ in {"nsubj", "nsubj:pass"} and head.pos_ in {"VERB", "ADJ"}:
        with_etre = any(
            c.dep_ in {"aux", "aux:pass", "cop"} and c.lemma_ == "être" for c in head.children
        )
        gender = head.morph.get("Gender", [])
        if with_etre and len(gender) == 1:
            return {"Fem": "f", "Masc": "m"}.get(gender[0])
    return None


def _post_authors(text: str, block: Block) -> list[_Mention]:
    """« — Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) »: the post's author, in
    each spelling the signature gives."""
    found = []
    for m in resources.common().post_author.finditer(block.span.text):
        start = block.span.start + m.start("author")
        for part in re.finditer(r"[^/]+", m.group("author")):
            name = part.group(0).strip()
            if not name[:1].isupper():
                continue
            a = start + part.start() + part.group(0).index(name)
            found.append(
                _Mention(a, a + len(name), name, EntityKind.PERSON, MentionForm.NAME, block.index)
            )
    return found


# A hyphen and a capitalised word glued to the end of a name (« Rond » + « -Point »).
_HYPHENATED_TAIL = re.compile(r"(?:-[A-ZÀ-ÖØ-Þ][\w’']*)+")


def _name_mention(text: str, start: int, end: int, r: _Rules) -> _Mention | None:
    """The name inside a spaCy entity: titles, articles and punctuation trimmed."""
    surface = text[start:end]
    kind = EntityKind.OTHER
    # « M. Quatennens »: a courtesy title, inside the tagger's name or right before it, says
    # a person whatever the tagger's label (it read « Quatennens » as a place).
    if r.title_before.search(text, max(0, start - 8), start):
        kind = EntityKind.PERSON
    for pattern in (r.titles, _LEADING_ARTICLE):
        m = pattern.match(surface)
        if m and not (pattern is _LEADING_ARTICLE and _particle(text, start, surface, r)):
            start += m.end()
            surface = surface[m.end() :]
            if pattern is r.titles:
                kind = EntityKind.PERSON
    complement = r.role_complement_before.search(text, max(0, start - 40), start)
    words = surface.split()
    if complement is not None and len(words) >= 3 and all(w[:1].isupper() for w in words):
        # « le ministre de l'Économie Bruno Le Maire » read as one name: the ministry is the
        # role's complement; the person is the rest.
        cut = len(surface) - len(surface[len(words[0]) :].lstrip())
        start, surface = start + cut, surface[cut:]
        kind = EntityKind.PERSON  # the holder of a person's role
    stripped = surface.rstrip(" .,;:!?»\"”')")
    end = start + len(stripped)
    glued = _HYPHENATED_TAIL.match(text, end)
    if glued is not None:
        # « Théâtre du Rond-Point »: the tagger stopped at the hyphen; the name goes on.
        end = glued.end()
    lead = len(stripped) - len(stripped.lstrip(" «\"“'("))
    start += lead
    surface = text[start:end]
    if len(surface) < 2 or not surface[:1].isupper() or fold(surface) in r.not_names:
        return None
    if fold(surface) in r.title_words:
        return None  # « Le Pr Greaves » tagged « Pr »: the title, not a name
    if surface.lower() in r.stop_words and organisation(surface) is None:
        return None  # « Ça », "This": a capitalised common word (« Voici » the magazine is kept)
    if any(fold(word) in r.not_names for word in surface.split()[:1]) and len(surface.split()) == 1:
        return None
    return _Mention(start, end, surface, kind, MentionForm.NAME, 0)


def _particle(text: str, start: int, surface: str, r: _Rules) -> bool:
    """Is the capitalised article opening ``surface`` a surname's particle (« M. Le Maire »,
    « Bruno Le Maire » cut after the first name): written with its capital, after a courtesy
    title or a capitalised word, and followed by one?"""
    first, _, rest = surface.partition(" ")
    if first not in r.particles or not rest[:1].isupper():
        return False
    before = _TITLE_BEFORE.search(text[max(0, start - 16) : start])
    if before is None or not before.group(1)[:1].isupper():
        return False
    word = before.group(1)
    # A courtesy title (« M. »), or a first name: not a word that ends a sentence or clause
    # (« … à Paris. Le Premier ministre »).
    return fold(word.rstrip(".")) in r.title_words or word[-1:].isalpha()


def _merge(mentions: list[_Mention]) -> list[_Cluster]:
    """Full names first, so that a surname joins the person it abbreviates.

    A mention joins the latest cluster it is compatible with and names the same; two names
    can only be the same (``same_name``) when they share a key (``_name_keys``), so only the
    clusters indexed under the mention's keys are compared: the cost grows with the mentions,
    not with mentions times clusters."""
    clusters: list[_Cluster] = []
    # Cluster indices (ascending) under each key of their names.
    by_key: dict[tuple[str, object], list[int]] = {}
    order = sorted(mentions, key=lambda m: (-len(m.text.split()), m.start))
    for m in order:
        keys = _name_keys(m.text)
        candidates: set[int] = set()
        for key in keys:
            candidates.update(by_key.get(key, ())[-MERGE_CANDIDATES:])
        target_index = None
        # A surname whose gender the text gives (« Mme Durand », « Durand est arrivée ») goes
        # to the most recent person of that surname and a compatible gender named before it,
        # not to the last cluster made: several people of one name are compared.
        choosing = m.gender is not None and len(m.text.split()) == 1
        same: list[int] = []
        for k in sorted(candidates, reverse=True):
            c = clusters[k]
            if not _compatible(c, m):
                continue
            whole = _by_whole_name(c, m)
            if any(_same_entity(m.text, n, whole) for n in c.names):
                same.append(k)
                if not choosing or len(same) >= SURNAME_CHOICES:
                    break
        if same:
            target_index = _closest(clusters, same, m) if choosing else same[0]
        if target_index is None:
            clusters.append(_Cluster())
            target_index = len(clusters) - 1
        target = clusters[target_index]
        target.kinds[m.kind] += 1
        if m.text not in target.names:
            target.names.append(m.text)
            for key in keys:
                bucket = by_key.setdefault(key, [])
                at = bisect.bisect_left(bucket, target_index)
                if at == len(bucket) or bucket[at] != target_index:
                    bucket.insert(at, target_index)
        target.mentions.append(m)
        bisect.insort(target.starts, m.start)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
        first_start: dict[str, int] = {}
        for mention in c.mentions:
            first_start.setdefault(mention.text, mention.start)
        c.names.sort(key=lambda n: first_start[n])
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


# People of one surname compared for a gendered surname mention: a handful at most in an
# article (a family, two ministers), a bound that keeps the merge linear.
SURNAME_CHOICES = 8


def _closest(clusters: list[_Cluster], same: list[int], m: _Mention) -> int | None:
    """Of the clusters ``same`` names as ``m`` (latest made first), the one with the latest
    mention before ``m`` among those of ``m``'s gender, else among those of no known gender;
    none when every one has the other gender (« Mme Durand » is not Jacques Durand). The
    latest made when none was mentioned before ``m``."""
    agreeing = [k for k in same if clusters[k].gender == m.gender]
    # A person the text showed to be of the title's gender before one it says nothing of.
    agreeing = agreeing or [k for k in same if clusters[k].gender is None]
    if not agreeing:
        return None
    best, best_start = agreeing[0], -1
    for k in agreeing:
        starts = clusters[k].starts
        at = bisect.bisect_left(starts, m.start) - 1
        if at >= 0 and starts[at] > best_start:
            best, best_start = k, starts[at]
    return best


def _known_prefix(mention: _Mention) -> _Mention | None:
    """Split a known organisation off the front of a longer "name" the tagger glued to it
    (« AFP Ravi Kulkarni »): return the organisation's mention and keep the rest in place."""
    m = organisation_pattern().match(mention.text)
    if m is None or m.end() == len(mention.text):
        return None
    rest = mention.text[m.end() :]
    if not rest.startswith(" ") or not rest.strip()[:1].isupper():
        return None
    known = _Mention(
        mention.start,
        mention.start + m.end(),
        m.group(0),
        EntityKind.ORGANISATION,
        MentionForm.NAME,
        mention.block,
    )
    lead = len(rest) - len(rest.lstrip())
    mention.start += m.end() + lead
    mention.text = rest.strip()
    if mention.kind is EntityKind.ORGANISATION:
        mention.kind = EntityKind.PERSON if len(mention.text.split()) >= 2 else EntityKind.OTHER
    return known


def _gazetteer_mentions(
    doc_text: str, offset: int, block: int, names: list[_Mention], r: _Rules
) -> list[_Mention]:
    """Known organisations the tagger missed (« Météo-France a placé … », « selon
    franceinfo »), where no name already stands; one pass of one pattern over the block."""
    taken = sorted((n.start, n.end) for n in names)
    starts = [a for a, _ in taken]
    found = []
    for m in organisation_pattern().finditer(doc_text):
        start, end = offset + m.start(), offset + m.end()
        i = bisect.bisect_left(starts, end) - 1
        if i >= 0 and taken[i][1] > start:
            continue  # inside or across a name found already
        before = doc_text[max(0, m.start() - 4) : m.start()].rstrip(' «"“')
        if m.group(0).lower() in r.stop_words and (not before or before[-1] in '.!?:»"”'):
            continue  # « Voici l'état des lieux »: the word, not the magazine
        found.append(
            _Mention(start, end, m.group(0), EntityKind.ORGANISATION, MentionForm.NAME, block)
        )
    return found


def _titled_mentions(
    doc_text: str, offset: int, block: int, names: list[_Mention], r: _Rules
) -> list[_Mention]:
    """« M. Despey », « Mme Durand » where the tagger found no name: the surname after a
    courtesy title is a person's (merged later with the full name the article gave before),
    and the title gives the gender."""
    taken = Intervals((n.start, n.end) for n in names)
    found = []
    for m in r.titled.finditer(doc_text):
        start, end = offset + m.start("name"), offset + m.end("name")
        if fold(m.group("name")) in r.not_names or taken.overlaps(start, end):
            continue
        mention = _Mention(start, end, m.group("name"), EntityKind.PERSON, MentionForm.NAME, block)
        mention.gender = r.gender_words.get(m.group("title").lower())
        found.append(mention)
    return found


def _noun_titled_mentions(
    doc_text: str, offset: int, block: int, names: list[_Mention], r: _Rules
) -> list[_Mention]:
    """« Le cardinal Pell a été entendu » where the tagger found no name: the capitalised
    word after a definite person noun is a person's (merged later with the full name the
    article gave before). Not an acronym (« le député LR »), an article (« le maire Les
    … »), a known body or capital, nor a word that is never a name."""
    if r.noun_titled is None:
        return []
    taken = Intervals((n.start, n.end) for n in names)
    found = []
    for m in r.noun_titled.finditer(doc_text):
        name = m.group("name")
        start, end = offset + m.start("name"), offset + m.end("name")
        words = name.split()
        if taken.overlaps(start, end) or any(w.isupper() for w in words):
            continue
        if words[0].lower() in r.stop_words or fold(name) in r.not_names:
            continue
        if organisation(name) is not None or fold(name) in capitals():
            continue
        found.append(_Mention(start, end, name, EntityKind.PERSON, MentionForm.NAME, block))
    return found


_VERB = IDS["VERB"]
# Tokens between an inverted cue verb and the name after it (« a déclaré à l'AFP Jean
# Martin »): prepositions and articles of the outlet's phrase.
_CUE_GAP = 4


def _cue_names(
    doc: Doc, offset: int, block: int, names: list[_Mention], r: _Rules
) -> tuple[list[_Mention], set[int]]:
    """« …", a déclaré Jean Martin, maire de … »: two capitalised words or more right after an
    inverted speech verb (after a comma or a closing quote mark), or followed by a role in
    apposition (« Jean Martin, maire de … »), are a person even when the tagger missed them;
    known names between the verb and the name (« à l'AFP ») are skipped. Returned with the
    ids of the tagger's names inside such a person's name (« Goarnig » tagged a place), which
    it replaces."""
    taken = Intervals((n.start, n.end) for n in names)
    inside = _Inside(names)
    found: list[_Mention] = []
    # Each token's part of speech, alphabetic flag and start read from the doc's arrays, and a
    # Token built for the verbs alone (a loop over the doc builds one per word; issue 31).
    text = doc_text(doc)
    rows = doc.to_array(["POS", "IS_ALPHA", "IDX"]).tolist()
    # Whether each token is a capitalised word, read once: the runs look back and ahead.
    capital = [text[at : at + 1].isupper() and bool(alpha) for _, alpha, at in rows]
    for i, (pos, _, _) in enumerate(rows):
        if pos != _VERB or doc[i].lemma_.lower() not in r.speech:
            if capital[i] and (i == 0 or not capital[i - 1]):
                _add_run(doc, i, offset, block, (taken, inside), found, r, True, capital)
            continue
        tok = doc[i]
        before = tok.i - 1
        while before >= 0 and doc[before].pos_ == "AUX":
            before -= 1
        if before < 0 or doc[before].text not in {",", "»", '"', "”"}:
            continue  # not inverted: the name after the verb is its object, not its subject
        j = tok.i + 1
        while (
            j < len(doc)
            and j - tok.i <= _CUE_GAP
            and (
                doc[j].pos_ in {"ADP", "DET"}
                or taken.overlaps(offset + doc[j].idx, offset + doc[j].idx + len(doc[j]))
            )
        ):
            j += 1
        _add_run(doc, j, offset, block, (taken, inside), found, r, False, capital)
    return found, inside.swallowed


class _Inside:
    """The tagger's names of a block by start, to find those a longer evidenced name holds."""

    def __init__(self, names: list[_Mention]) -> None:
        self.names = sorted(names, key=lambda n: n.start)
        self.starts = [n.start for n in self.names]
        self.swallowed: set[int] = set()

    def replaceable(self, start: int, end: int) -> list[_Mention] | None:
        """The names overlapping [start, end), when each lies inside it and is no known body
        or capital; else None."""
        held = []
        at = bisect.bisect_left(self.starts, end) - 1
        while at >= 0 and self.names[at].end > start:
            n = self.names[at]
            if n.start < start or organisation(n.text) is not None or fold(n.text) in capitals():
                return None
            held.append(n)
            at -= 1
        return held


def _add_run(
    doc: Doc,
    j: int,
    offset: int,
    block: int,
    seen: tuple[Intervals, _Inside],
    found: list[_Mention],
    r: _Rules,
    role_needed: bool,
    capital: list[bool],
) -> None:
    """The run of capitalised words from token j, as a person: two words or more, neither end
    a common word, ended by punctuation; when ``role_needed``, followed by a role in apposition.
    ``capital``: whether each token of ``doc`` is a capitalised word (_cue_names)."""
    k = j
    while k < len(doc) and capital[k]:
        k += 1
    if k - j < 2 or (k < len(doc) and not doc[k].is_punct):
        return
    # A capitalised common word inside is a particle (« Yannig Le Goarnig »), not at the ends.
    if any(t.lower_ in r.stop_words for t in (doc[j], doc[k - 1])) or any(
        fold(t.text) in r.not_names or fold(t.text) in r.title_words for t in doc[j:k]
    ):
        return
    a, b = doc[j].idx, doc[k - 1].idx + len(doc[k - 1])
    if role_needed and not r.role_after.match(doc_text(doc), b):
        return
    taken, inside = seen
    held = inside.replaceable(offset + a, offset + b) if role_needed else []
    if held is None or (not held and taken.overlaps(offset + a, offset + b)):
        return
    inside.swallowed.update(id(n) for n in held)
    mention = _Mention(
        offset + a, offset + b, doc_text(doc)[a:b], EntityKind.PERSON, MentionForm.NAME, block
    )
    found.append(mention)
    taken.add(offset + a, offset + b)


# Kinds whose names are the same only whole: a person's surname stands for the person, but
# « Loire » is not « Indre-et-Loire », nor « France » the « Stade de France ».
_BODIES_AND_PLACES = frozenset({EntityKind.PLACE, EntityKind.ORGANISATION})


def _by_whole_name(cluster: _Cluster, mention: _Mention) -> bool:
    """Neither a person, one a place or a body: the two are the same only by the whole name."""
    kinds = {cluster.kind, mention.kind}
    return EntityKind.PERSON not in kinds and bool(kinds & _BODIES_AND_PLACES)


def _same_entity(a: str, b: str, whole: bool = False) -> bool:
    """Two names of one entity: spellings of one known organisation, else of one name (the
    surname alone for a person's, the whole name when ``whole``: places and bodies)."""
    known_a, known_b = organisation(a), organisation(b)
    if known_a is not None and known_b is not None:
        return known_a == known_b  # « France info » = « franceinfo »; « Le Monde » ≠ « Monde »
    return same_word(a, b) if whole else same_name(a, b)


def _sentence_opener(ent: Any) -> bool:
    """A one-word "name" that only opens a sentence and that the tagger does not take for a
    proper noun (« Rester à la maison, c'est ennuyeux »): a capitalised common word."""
    if len(ent) != 1 or ent[0].pos_ == "PROPN" or organisation(ent.text) is not None:
        return False
    tok = ent[0]
    if tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_punct and prev.text in {"«", '"', "“", "-", "—", "–", "(", ".", ":"}


def _no_name(ent: Any, r: _Rules) -> bool:
    """A tagger's "name" that names nothing: an imperative with its pronoun (« Croyez-le »),
    or words without a proper noun that are a role (« Premier ministre le plus jeune »: a
    role is no name), a lone verb (« Considéré ») or a fronted adverbial phrase set off by a
    comma (« Pour rappel, … » capitalised after a glued paragraph). A known organisation is
    a name (« En marche »)."""
    last = ent.text.rsplit("-", 1)
    if len(last) == 2 and last[1] in r.enclitics:
        return True
    if organisation(ent.text) is not None or any(t.pos_ == "PROPN" for t in ent):
        return False
    if r.role_start.match(ent.text) is not None:
        return True
    word = ent[0].text
    if (
        len(ent) == 1
        and ent[0].pos_ == "VERB"
        and word.isalpha()
        and word.lower().endswith(r.participle_endings)
    ):
        return True  # « Considéré comme … » after a glued paragraph: a participle, no name
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return len(ent) > 1 and ent[0].pos_ == "ADP" and after is not None and after.text == ","


def _opened_by_body(name: str, r: _Rules) -> bool:
    """Is the name opened by a noun that names a body (« Cirque du Soleil », « Banque de
    France »), after an article the tagger kept (« Le Cirque du Soleil »)?"""
    words = re.split(r"[\s'’]+", name.strip())
    if len(words) > 1 and words[0].lower() in {"le", "la", "les", "l"}:
        words = words[1:]
    return len(words) > 1 and words[0] in r.organisation_heads


def _people(name: str, r: _Rules) -> bool:
    """« les Britanniques », « une Ukrainienne »: a nationality's noun names a people or one
    of them, not the country (the tagger labels them places)."""
    words = fold(name).split()
    if len(words) != 1 or words[0] in r.country_nationalities:
        return False  # « Suisse » is the country too: « les Suisses » its people
    word = words[0]
    return word in r.nationalities or (word.endswith("s") and word[:-1] in r.nationalities)


# The latest clusters compared per key: far more than an article names (a hundred people is a
# long article), few enough that 15,000 people sharing a surname stay linear.
MERGE_CANDIDATES = 256


def _name_keys(text: str) -> tuple[tuple[str, object], ...]:
    """Keys two spellings share whenever ``_same_entity`` holds for them: the consonant
    skeleton or exonym group of the whole name, or of its last word (the surname), and a known
    organisation's group."""
    words = fold(text).split()
    keys: list[tuple[str, object]] = [("skeleton", skeleton(fold(text)))]
    group = alias_group(text)
    if group is not None:
        keys.append(("alias", group))
    if words:
        keys.append(("last", skeleton(words[-1])))
        last_group = alias_group(words[-1])
        if last_group is not None:
            keys.append(("last_alias", last_group))
    known = organisation(text)
    if known is not None:
        keys.append(("organisation", known))  # « France info » and « franceinfo » (_same_entity)
    return tuple(keys)


def _compatible(cluster: _Cluster, mention: _Mention) -> bool:
    if fold(mention.text) in {fold(n) for n in cluster.names}:
        return True  # the same spelling is the same entity, whatever the tagger said
    kind = cluster.kind
    if EntityKind.PLACE in (kind, mention.kind) and (
        organisation(mention.text) is not None
        or any(organisation(n) is not None for n in cluster.names[:1])
    ):
        return False  # « Air France » is not France: no merge across kinds
    if EntityKind.OTHER in (kind, mention.kind) or kind is mention.kind:
        return True
    if kind is EntityKind.PERSON and mention.kind is EntityKind.ORGANISATION:
        return len(mention.text.split()) == 1  # « McCoy » after « AP McCoy »: the tagger errs
    # The tagger hesitates between place and organisation for the same name (« Ukraine »).
    return {kind, mention.kind} == {EntityKind.PLACE, EntityKind.ORGANISATION}


def _attach_roles(
    text: str,
    docs: list[tuple[Block, Doc, str]],
    clusters: list[_Cluster],
    names: list[_Mention],
) -> None:
    persons = {id(m): c for c in clusters if c.kind is EntityKind.PERSON for m in c.mentions}
    others = {
        id(m): c
        for c in clusters
        if c.kind in {EntityKind.ORGANISATION, EntityKind.OTHER}
        for m in c.mentions
    }
    pending: list[_Mention] = []
    # ``names`` is sorted by start: a role's overlapping name and the name after it are found
    # by bisection, not by a scan of every name per role.
    name_starts = [n.start for n in names]
    name_spans = Intervals((n.start, n.end) for n in names)
    for block, _doc, code in docs:
        r = rules(code)
        offset = block.span.start
        for m in r.role.finditer(block.span.text):
            start, end = offset + m.start("det"), offset + m.end()
            after = bisect.bisect_right(name_starts, end)
            if name_spans.overlaps(start, end):
                continue
            nat = r.nationalities.get(fold(m.group("nat"))) if m.group("nat") else None
            role = _role(text, start, end, block.index, fold(m.group("role")), nat)
            role.gender = r.gender_words.get(m.group("role").lower()) or r.gender_words.get(
                m.group("det").lower()
            )
            # « son homologue ukrainien Volodymyr Zelensky », « la procureure de Mulhouse,
            # Edwige Roux-Morizot »: the name right after the role and its complement.
            follower = _apposed_name(text, names, after, end, lambda n: id(n) in persons)
            if follower is not None and id(follower) not in persons:
                # « la directrice de l'école, Tasleem Pathan »: a person's role in apposition
                # to a name of two words or more is evidence that it names a person, whatever
                # the tagger's label (a body or a place named so is no « directrice »).
                cluster = others.get(id(follower))
                if cluster is not None and len(follower.text.split()) >= 2:
                    cluster.kinds[EntityKind.PERSON] += max(cluster.kinds.values()) + 1
                    for m2 in cluster.mentions:
                        persons[id(m2)] = cluster
            if follower is not None and id(follower) in persons:
                _tie(persons[id(follower)], role)
            elif nat is not None or role.role not in r.relational:
                pending.append(role)
    # What the text says each person is first (« Didier Lenoir, directeur de l'office »), so
    # that a role left without a name is not tied by proximity to someone the text described
    # as another (« le procureur » is not the director named before); the descriptions that
    # refer back (« le conservateur du parc ») are tied after the roles.
    described = _describe(docs, clusters, names)
    codes = {code for _b, _d, code in docs}  # one per language, not one per block
    rivals = {k: g for code in codes for k, g in rules(code).rival_roles.items()}
    role_words = frozenset().union(*(rules(code).role_words for code in codes))
    resolver = _RoleResolver(clusters, text, rivals, role_words)
    for role in sorted(pending, key=lambda m: m.start):
        cluster = resolver.resolve(role)
        if cluster is not None:
            # Tied by proximity, not by evidence: its gender and its role prove nothing about
            # the person (the next « la ministre » must not follow it to the same man).
            role.gender = None
            _tie(cluster, role, evidence=False)
    _attach_descriptions(text, docs, clusters, names, described)


_COMPLEMENT = re.compile(
    r"\s+(?:de|du|des|d['’]|of|for|at)\s*[^.;:!?«»\"“”()\n]{1,60}?,\s*", re.IGNORECASE
)


# Most visible characters between a role and a name in apposition to it: a complement's
# preposition, its 60 characters (_COMPLEMENT) and the comma.
_APPOSITION_REACH = 70


def _apposed_name(
    text: str,
    names: list[_Mention],
    first: int,
    end: int,
    person: Callable[[_Mention], bool] | None = None,
) -> _Mention | None:
    """The first name from ``names[first:]`` (sorted, starting after ``end``) in apposition to
    the role ending at ``end``; after the role's complement with no comma (« le porte-parole
    du gouvernement Benoît Girard »), only a name of two words or more that ``person`` says
    is a person's. The search stops once more than _APPOSITION_REACH visible characters
    separate them: no name further can be apposed, and a scan of every later name per role
    would make the cost quadratic."""
    visible_chars, scanned = 0, end
    for n in names[first:]:
        visible_chars += sum(1 for c in text[scanned : n.start] if not c.isspace())
        scanned = max(scanned, n.start)
        if visible_chars > _APPOSITION_REACH:
            return None
        between = text[end : n.start]
        if _apposed(between):
            return n
        if (
            person is not None
            and len(n.text.split()) >= 2
            and person(n)
            and _COMPLEMENT_THEN_NAME.fullmatch(between) is not None
        ):
            return n
    return None


def _apposed(between: str) -> bool:
    """Does a name that follows a role after ``between`` stand in apposition to it? Nothing
    or a comma between them (« le maire, Paul Girard »), or the role's complement and a comma
    (« la porte-parole du ministère, »); after the role's parenthesis (« le maire (PS) de la
    ville, »)."""
    between = _PARENTHESIS.sub("", between, count=1)
    return (
        between.strip() in {"", ","}
        or _COMPLEMENT.fullmatch(between) is not None
        or _GROUP_ADJECTIVE.fullmatch(between) is not None
        or _COMPLEMENT_AND_DESCRIPTION.fullmatch(between) is not None
    )


# A party or a department in parentheses right after a role: « le maire (PS) », « (DVG) ».
_PARENTHESIS = re.compile(r"^\s*\([^()\n]{1,30}\)")


# « le procureur de la République de Vesoul Jean Dupuis », « le porte-parole du gouvernement
# Benoît Girard »: the role's complement, of a few words, and the name with no comma between.
# The complement ends on a word that governs nothing (not « de », « la », « et »): « l'avocat
# de la famille X » ends on its noun, and X is who the name after must then be (a name of two
# words or more, a person's: see _apposed_name).
_COMPLEMENT_THEN_NAME = re.compile(
    r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*"
    r"(?:[^\W\d][\w'’-]*\s+){0,5}?"
    r"(?!(?:de|du|des|d|la|le|les|l|et|ou|à|au|aux|en)\b)[^\W\d][\w'’-]*\s+"
)


# « le président de la commission des Transports, le démocrate Peter DeFazio »: the role's
# complement, a comma, and a second description of one or two lowercase words before the name.
_COMPLEMENT_AND_DESCRIPTION = re.compile(
    r"\s+(?:de|du|des|d['’])\s*[^.;:!?«»\"“”()\n]{1,80}?,\s*(?:l['’]|le\s+|la\s+)"
    r"[a-zà-öø-ÿ-]+(?:\s+(?!(?:et|ou)\s)[a-zà-öø-ÿ-]+)?\s+"
)


# « le président nigérien Mahamadou Issoufou », « le sénateur socialiste X »: one lowercase
# adjective of nationality or allegiance between a role and its holder's name (by its ending,
# so that the lists need not hold every country; a verb, « le président reçoit X », has none
# of these endings).
_GROUP_ADJECTIVE = re.compile(
    r"\s+[a-zà-öø-ÿ-]{2,}(?:ien|ienne|ais|aise|ain|aine|ois|oise|iste|ate)\s+"
)


def noun_phrase(head: Token) -> tuple[int, int]:
    """Doc-relative character span of a noun's phrase: its subtree around it, stopped at
    punctuation, verbs and clauses (« le conservateur du parc », not what follows)."""
    doc = head.doc
    subtree = {t.i for t in head.subtree}
    left = head.i
    while left - 1 in subtree and not doc[left - 1].is_punct:
        left -= 1
    right = head.i
    while (
        right + 1 in subtree
        and not doc[right + 1].is_punct
        and doc[right + 1].dep_ not in {"acl:relcl", "relcl", "acl"}
        and doc[right + 1].pos_ not in {"VERB", "PRON"}
    ):
        right += 1
    first = doc[left].text
    # A token glued to a quote mark (« "Mumsnet ») starts after it.
    skip = len(first) - len(first.lstrip("\"«“”»' ")) if left < right else 0
    return doc[left].idx + skip, doc[right].idx + len(doc[right].text)


def _describe(
    docs: list[tuple[Block, Doc, str]],
    clusters: list[_Cluster],
    names: list[_Mention],
) -> dict[str, list[tuple[int, _Cluster]]]:
    """« Jacques Gomis, conservateur du parc » ties « conservateur » to him (evidence, and
    his gender when the noun marks it): per noun lemma, the names it describes, in text
    order, for ``_attach_descriptions``."""
    # People and bodies alike: « la CLCV, association de consommateurs » makes the later
    # « l'association » the CLCV, as « le magazine Voici » makes « le magazine » Voici.
    owner = {
        id(m): c
        for c in clusters
        if c.kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
        for m in c.mentions
    }
    described: dict[str, list[tuple[int, _Cluster]]] = {}
    # A long paragraph is parsed in pieces (analyze.parse_pieces): the piece a name is in.
    parsed: dict[int, list[tuple[Block, Doc]]] = {}
    codes: dict[int, str] = {}
    for block, doc, code in docs:
        parsed.setdefault(block.index, []).append((block, doc))
        codes[block.index] = code
    for m in names:
        cluster = owner.get(id(m))
        if cluster is None or m.block not in parsed:
            continue
        pieces = parsed[m.block]
        block, doc = pieces[0]
        if len(pieces) > 1:
            block, doc = next(
                (p for p in reversed(pieces) if p[0].span.start <= m.start), pieces[0]
            )
        span = doc.char_span(
            m.start - block.span.start, m.end - block.span.start, alignment_mode="expand"
        )
        if span is None:
            continue
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        # « l'épidémiologiste Antoine Flahault », « le magazine Voici »: the noun the name
        # stands beside.
        if root.dep_ in {"appos", "flat:name"} and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        # « l'AFP Hélène Roussac »: an acronym the tagger calls a noun describes nobody.
        nouns = [n for n in nouns if not n.text.isupper()]
        person = cluster.kind is EntityKind.PERSON
        bodies = rules(codes[m.block]).body_nouns
        if person:
            # « raconte au quotidien régional Séverine Levé »: an outlet, not what she is
            # (nor « la cour » a misparse hangs her name on: the apposition after it may say).
            nouns = [
                n for n in nouns if fold(n.lemma_) not in bodies and fold(n.text) not in bodies
            ]
        if not nouns:
            nouns.extend(_apposed_after(span))
        if person:
            nouns = [
                n for n in nouns if fold(n.lemma_) not in bodies and fold(n.text) not in bodies
            ]
        else:
            # « le maire (PS) », « le sénateur (PS) Rachid X »: a party named beside a
            # person's role is not that role.
            roles = rules(codes[m.block]).role_words
            nouns = [n for n in nouns if fold(n.lemma_) not in roles and fold(n.text) not in roles]
        for noun in nouns:
            described.setdefault(noun.lemma_.lower(), []).append((m.start, cluster))
            a, b = noun_phrase(noun)
            # « M. » before the name is a title, a link or a handle in apposition no role.
            if len(fold(noun.lemma_)) > 2 and _WORDS.fullmatch(noun.lemma_):
                cluster.evidence.setdefault(
                    fold(noun.lemma_), (block.span.start + a, block.span.start + b)
                )
            if m.gender is None:  # « X, directrice de l'école »
                m.gender = _noun_gender(noun)
    return described


_GENDERED_ARTICLES = {"le": "m", "un": "m", "la": "f", "une": "f"}


def _noun_gender(noun: Token) -> str | None:
    """The gender a role noun gives its holder, when its form or article marks one: « la
    ministre », « directrice », « le député »; none for a bare epicene noun the tagger calls
    masculine (« X, membre du collectif », « X, ministre »): most French nouns of either
    gender end in « e », their feminine mark."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in _GENDERED_ARTICLES:
            return _GENDERED_ARTICLES[c.lower_]
    gender = noun.morph.get("Gender", [])
    if len(gender) != 1:
        return None
    word = noun.lower_
    if gender[0] == "Fem" and word != noun.lemma_.lower():
        return "f"  # « directrice », « avocate »: a form that is not the lemma's
    if gender[0] == "Masc" and not word.endswith("e"):
        return "m"  # « directeur », « avocat »
    return None


def _attach_descriptions(
    text: str,
    docs: list[tuple[Block, Doc, str]],
    clusters: list[_Cluster],
    names: list[_Mention],
    described: dict[str, list[tuple[int, _Cluster]]],
) -> None:
    """« le conservateur du parc » after « Jacques Gomis, conservateur du parc » is him (the
    news habit of naming once, then describing): the latest person ``_describe`` found the
    noun for."""
    if not described:
        return
    taken = Intervals(
        [(n.start, n.end) for n in names]
        + [(m.start, m.end) for c in clusters for m in c.mentions if m.form is MentionForm.ROLE]
    )
    # described[lemma] is in text order (names are): the latest before a position by bisection.
    positions = {lemma: [pos for pos, _ in items] for lemma, items in described.items()}
    people = {id(m) for c in clusters if c.kind is EntityKind.PERSON for m in c.mentions}
    name_starts = [n.start for n in names]
    for block, doc, code in docs:
        determiners = rules(code).definite
        for i in token_indices(doc, ("NOUN",)):
            tok = doc[i]
            lemma = tok.lemma_.lower()
            if lemma not in described:
                continue
            dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in determiners]
            if not dets:
                continue
            a, b = noun_phrase(tok)
            start, end = block.span.start + a, block.span.start + b
            if taken.overlaps(start, end):
                continue
            after = bisect.bisect_left(name_starts, end)
            if (
                after < len(names)
                and id(names[after]) in people
                and _NAMED_AFTER.fullmatch(text, end, names[after].start)
            ):
                # « le conservateur général des parcs, le colonel X »: the description names
                # its own holder, not the person described so before.
                continue
            latest = bisect.bisect_left(positions[lemma], start) - 1
            if latest < 0:
                continue
            # The first of the mentions at that position, as max() over them chose.
            first = bisect.bisect_left(positions[lemma], positions[lemma][latest])
            cluster = described[lemma][first][1]
            _tie(cluster, _role(text, start, end, block.index, lemma))
            taken.add(start, end)


# A comma, and at most an article and a lowercase title, before a name in apposition.
_NAMED_AFTER = re.compile(r"\s*,\s*(?:(?:l['’]\s*|le\s+|la\s+)?[a-zà-öø-ÿ-]+\s+)?")


def _apposed_after(span: Any) -> list[Token]:
    """« Margaret Parietti, vice-procureure au parquet », « Jacques Gomis, le conservateur
    du parc » when the parser hung the description elsewhere (on « l'AFP » before the name):
    the noun in apposition right after the name and its comma."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return []
    tok = doc[i + 1]
    # « X, la conservatrice », « X, 1re adjointe », « X, ancienne ministre »: the noun after
    # its article or adjective.
    if tok.pos_ in {"DET", "ADJ", "NUM"} and tok.head.i > tok.i and tok.head.i - tok.i <= 2:
        tok = tok.head
    if tok.pos_ != "NOUN":
        return []
    if tok.dep_ == "appos":
        return [tok]
    # « X, la mère du gendarme, s'est confiée »: the parser made the description the subject
    # of the verb after it and hung the name elsewhere; the name, neither a subject itself
    # nor a complement (« à l'AFP, la préfecture a … », « Pour la colistière de X, la
    # confirmation … »), and the description after its comma are one person.
    root = span.root
    if (
        tok.dep_ == "obj"
        and root.dep_ == "nsubj"
        and tok.head.i == root.head.i < root.i
        and tok.head.pos_ == "VERB"
    ):
        # « "…", explique Jacques Gomis, le conservateur du parc »: the name is the verb's
        # inverted subject, and the description after its comma, which the parser made the
        # verb's object, stands beside it.
        return [tok]
    if tok.dep_ == root.dep_ == "nsubj" and tok.head.i == root.head.i > tok.i:
        # « Michel Dupuy, le préfet de police de Paris, connaissait … »: two subjects of one
        # verb, the description between commas after the name: one person.
        return [tok]
    subject = tok.dep_ in {"nsubj", "nsubj:pass"} and tok.head.i > tok.i
    governed = any(c.dep_ == "case" for c in root.children) or root.dep_.startswith(
        ("nmod", "obl")
    )  # « Sur son compte Twitter, la fondation … »
    return [tok] if subject and not governed and root.dep_ not in {"nsubj", "nsubj:pass"} else []


def _role(
    text: str, start: int, end: int, block: int, role: str, nationality: str | None = None
) -> _Mention:
    return _Mention(
        start,
        end,
        text[start:end],
        EntityKind.PERSON,
        MentionForm.ROLE,
        block,
        nationality=nationality,
        role=role,
    )


def _tie(cluster: _Cluster, role: _Mention, evidence: bool = True) -> None:
    # After the mentions starting where it does, as appending and a stable sort would put it.
    bisect.insort_right(cluster.mentions, role, key=lambda m: m.start)
    if role.nationality and not cluster.nationality:
        cluster.nationality = role.nationality
    if role.role and evidence:
        cluster.roles.add(role.role)
        if fold(role.role):
            cluster.evidence.setdefault(fold(role.role), (role.start, role.end))


# A role's complement: « du ministère », « de la Manche », up to the next punctuation.
_ROLE_COMPLEMENT = re.compile(
    r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[^\W\d][^.,;:!?«»\"“”()\n]*"
)


class _RoleResolver:
    """Which person a role without a name beside it (« la procureure », « le chef de l'État
    ukrainien ») is, for the roles of one article taken in text order.

    The same answer as comparing the role with every person, from look-ups built once: people
    by nationality and by role, and every person's name mentions sorted by position (one list
    per gender a role can ask for). While roles are resolved, people's genders, roles and
    names do not change (a role tied by proximity is no evidence); a nationality may be set.
    """

    def __init__(
        self,
        clusters: list[_Cluster],
        text: str = "",
        rivals: dict[str, int] | None = None,
        role_words: frozenset[str] = frozenset(),
    ) -> None:
        self.clusters = clusters
        self.text = text
        self.rivals = rivals or {}
        # What may describe a person (the roles and the rival groups' nouns), not the junk a
        # misparse puts in evidence (« de l'Intérieur Gérard X » → « interieur »).
        self.person_words = role_words | self.rivals.keys()
        self.people = [k for k, c in enumerate(clusters) if c.kind is EntityKind.PERSON]
        self.gender = {k: clusters[k].gender for k in self.people}
        self.by_nationality: dict[str, list[int]] = {}
        self.by_role: dict[str, list[int]] = {}
        for k in self.people:
            c = clusters[k]
            if c.nationality:
                self.by_nationality.setdefault(c.nationality, []).append(k)
            # The roles tied by apposition and the nouns the text described them by
            # (« Michel Delpuech, le préfet de police de Paris » … « le préfet »).
            for role in c.roles | c.evidence.keys():
                self.by_role.setdefault(role, []).append(k)
        # Name mentions as (start, -cluster, end), sorted: scanning back from a position meets
        # the latest start first and, at one start, the earliest cluster, as the full scan did.
        self.names: dict[str | None, list[tuple[int, int, int]]] = {}
        for wanted in (None, "f", "m"):
            self.names[wanted] = sorted(
                (m.start, -k, m.end)
                for k in self.people
                if wanted is None or self.gender[k] in (None, wanted)
                for m in clusters[k].mentions
                if m.form is MentionForm.NAME
            )
        self.name_starts = {g: [item[0] for item in items] for g, items in self.names.items()}
        # Where the text first names each person: a role refers back, never to someone the
        # text names only later (« le maire de Lège assure … » is not the mayor of Sein
        # named two paragraphs down).
        self.first_named = {
            k: min(
                (m.start for m in clusters[k].mentions if m.form is MentionForm.NAME),
                default=0,
            )
            for k in self.people
        }

    def _fits(self, k: int, role: _Mention) -> bool:
        # « la procureure » is never the man the text named last.
        if self.first_named[k] >= role.start and not self._same_complement(k, role):
            return False
        return role.gender is None or self.gender[k] in (None, role.gender)

    def _same_complement(self, k: int, role: _Mention) -> bool:
        """Does the text, when it names this person later, give them the role with the
        same complement (« la porte-parole du ministère » … « la porte-parole du ministère,
        Agnès X »)? Then the earlier role is them; a bare role or another complement (« le
        maire de Lège » … « le maire Paul Renard ») is not."""
        if role.role is None or role.role not in self.clusters[k].evidence:
            return False
        ours = _ROLE_COMPLEMENT.match(self.text, role.end)
        start, end = self.clusters[k].evidence[role.role]
        # The evidence may hold the complement (« maire de Lille » in « Anne X, maire de
        # Lille ») or stop at the noun (« la maire » of « la maire de Lille, Anne X »).
        noun = fold(self.text[start:end]).rfind(role.role)
        if noun >= 0 and fold(self.text[start + noun : start + noun + len(role.role)]) == role.role:
            end = start + noun + len(role.role)
        theirs = _ROLE_COMPLEMENT.match(self.text, end)
        if ours is None or theirs is None:
            return False
        return fold(ours.group(0)).split() == fold(theirs.group(0)).split()

    def _only(self, candidates: list[int], role: _Mention, nationality: bool) -> int | None:
        found = None
        for k in candidates:
            c = self.clusters[k]
            if not self._fits(k, role):
                continue
            if nationality and role.nationality and c.nationality not in (None, role.nationality):
                continue
            if found is not None:
                return None
            found = k
        return found

    def resolve(self, role: _Mention) -> _Cluster | None:
        if role.nationality:
            same = [
                k
                for k in self.by_nationality.get(role.nationality, ())
                if self.clusters[k].nationality == role.nationality
            ]
            k = self._only(sorted(same), role, nationality=False)
            if k is not None:
                return self._tied(k, role)
        if role.role is not None:
            holders = self.by_role.get(role.role, [])
            k = self._only(holders, role, nationality=True)
            if k is None:
                # « la maire de Lille » when the text made two women « maire »: the one whose
                # role had that complement (« Anne X, maire de Lille »), not the one named last.
                k = self._only(
                    [k for k in holders if self._same_complement(k, role)], role, nationality=True
                )
            if k is not None:
                return self._tied(k, role)
        # The nearest person named before, unless the text gave them another nationality.
        wanted = role.gender if role.gender in ("f", "m") else None
        names, starts = self.names[wanted], self.name_starts[wanted]
        at = bisect.bisect_right(starts, role.start) - 1
        while at >= 0:
            _start, minus_k, end = names[at]
            at -= 1
            c = self.clusters[-minus_k]
            if end > role.start:
                continue
            if role.nationality and c.nationality not in (None, role.nationality):
                continue
            if self._rival(c, role):
                # « Didier Lenoir, directeur de l'office » … « le procureur »: the text
                # described the nearest person as someone else; the role stays unresolved.
                return None
            return self._tied(-minus_k, role)
        return None

    def _rival(self, c: _Cluster, role: _Mention) -> bool:
        """Is the role one of a group one person does not hold with another (the judge, the
        prosecutor, the lawyer …), and the person described, by evidence, only otherwise? A
        role of no such group may be a person described otherwise (« le président de la
        commission des Lois du Sénat, X » … « le sénateur »)."""
        ours = self.rivals.get(role.role or "")
        if ours is None:
            return False
        described = c.evidence.keys() & self.person_words
        if not described or role.role in described:
            return False
        theirs = {self.rivals[d] for d in described if d in self.rivals}
        return ours not in theirs

    def _tied(self, k: int, role: _Mention) -> _Cluster:
        cluster = self.clusters[k]
        if role.nationality and not cluster.nationality:
            # _tie gives the person the role's nationality: index it for the next roles.
            self.by_nationality.setdefault(role.nationality, []).append(k)
        return cluster


def _entity(cluster: _Cluster, text: str) -> Entity:
    # Names and aliases are shown and indexed: no invisible characters in them (the mentions'
    # spans keep the text as it is, so offsets still hold).
    name = visible(cluster.canonical())
    aliases: list[str] = []
    for alias in [
        *cluster.names,
        *(m.text for m in cluster.mentions if m.form is MentionForm.ROLE),
    ]:
        alias = visible(alias)
        if alias != name and alias not in aliases:
            aliases.append(alias)
    actor = any(m.actor for m in cluster.mentions)
    return Entity(
        kind=cluster.kind,
        name=name,
        aliases=aliases,
        mentions=[
            EntityMention(
                span=Span(start=m.start, end=m.end, text=m.text),
                form=m.form,
                block=m.block,
                actor=m.actor,
            )
            for m in cluster.mentions
        ],
        government_of=capitals().get(fold(name)) if actor else None,
        roles=[
            EntityRole(role=role, evidence=Span(start=a, end=b, text=visible(text[a:b])))
            for role, (a, b) in sorted(cluster.evidence.items(), key=lambda item: item[1])
        ],
    )


# A word of a headline or of a name, for matching one against the other.
_HEADLINE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def title_persons(title: str | None, entities: Sequence[Entity]) -> set[int]:
    """The persons (entity indices) whose name the headline holds: their full name or their
    last word (« Véran » for « Olivier Véran »)."""
    if not title:
        return set()
    words = set(_HEADLINE_WORD.findall(title))
    whole: set[int] = set()
    last: set[int] = set()
    for k, entity in enumerate(entities):
        if entity.kind is not EntityKind.PERSON:
            continue
        names = {entity.name, *(m.span.text for m in entity.mentions if m.form is MentionForm.NAME)}
        for name in names:
            parts = _HEADLINE_WORD.findall(name)
            if len(parts) > 1 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title):
                whole.add(k)
            elif parts and len(parts[-1]) > 2 and parts[-1] in words:
                last.add(k)
    # « Patrick Balkany » in the headline is not Isabelle Balkany, whose last name it holds.
    return (whole | (last - _sharing_a_last_name(whole, entities))) if whole else last


def _sharing_a_last_name(persons: set[int], entities: Sequence[Entity]) -> set[int]:
    lasts = {entities[k].name.split()[-1] for k in persons}
    return {
        k
        for k, entity in enumerate(entities)
        if entity.kind is EntityKind.PERSON and entity.name.split()[-1] in lasts
    }
