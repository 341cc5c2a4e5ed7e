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
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.util import get_lang_class

from essentiel import resources
from essentiel.facts.names import (
    capitals,
    fold,
    organisation,
    organisation_pattern,
    same_name,
    visible,
)
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
    relational: frozenset[str]
    definite: frozenset[str]
    nationalities: dict[str, str]
    according_to_before: re.Pattern[str]
    stop_words: frozenset[str]
    gender_words: dict[str, str]


@cache
def rules(code: str) -> _Rules:
    data: dict[str, Any] = resources.raw(code)
    e = data["entities"]
    nat = e["nationalities"]
    nat_alt = alternation(list(nat))
    role = (
        rf"(?<![\w-])(?P<det>{alternation(e['role_determiners'])})\s*"
        rf"(?P<role>{alternation(e['roles'])})"
        rf"(?:\s+(?P<nat>{nat_alt}))?(?![\w-])"
    )
    return _Rules(
        labels={label: EntityKind(kind) for label, kind in e["labels"].items()},
        not_names=frozenset(fold(w) for w in e["not_names"]),
        titles=re.compile(rf"^(?:{alternation(e['titles'])})\s+"),
        role=re.compile(role, re.IGNORECASE),
        relational=frozenset(fold(w) for w in e.get("relational_roles", [])),
        definite=frozenset(w.lower() for w in e["definite_determiners"]),
        nationalities={fold(k): v for k, v in nat.items()},
        stop_words=frozenset(get_lang_class(code).Defaults.stop_words),
        according_to_before=re.compile(
            rf"(?:{alternation(data['quotes']['according_to'])})\s*$", re.IGNORECASE
        ),
        gender_words={w.lower(): g for w, g in e.get("gender_words", {}).items()},
    )


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


@dataclass
class _Cluster:
    kinds: Counter[EntityKind] = field(default_factory=Counter)
    names: list[str] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
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
            return None
        return "f" if votes["f"] > votes["m"] else "m"

    def canonical(self) -> str:
        # The fullest Latin-script spelling (« Volodymyr Zelensky » over « Zelensky »), the
        # earliest of equals: the body's spelling wins over an embedded post's.
        latin = [n for n in self.names if not _CYRILLIC_NAME.search(n)] or self.names
        return max(latin, key=lambda n: (len(n.split()), -self.names.index(n)))


class EntityIndex:
    """The merged entities of an article, and look-ups the quote extractor needs."""

    def __init__(self, entities: list[Entity], genders: list[str | None] | None = None) -> None:
        self.entities = entities
        # Kept beside the entities, not in the JSON: evidence for pronoun resolution only.
        self.genders = genders if genders is not None else [None] * len(entities)
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

    def at(self, start: int, end: int, head: int | None = None) -> int | None:
        """The entity a phrase [start, end) names: the one whose mention holds the phrase's
        head word when given (« le gouverneur du Texas » is not Texas), else a person or
        organisation mentioned in it, the longest mention first."""
        found = [(b - a, a, b, k) for a, b, k in self._by_start if a < end and b > start]
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

    def compatible(self, k: int | None, gender: str | None) -> bool:
        """Can entity k be referred to by a word of this gender?"""
        return k is None or gender is None or self.genders[k] in (None, gender)

    def named_before(self, position: int, kinds: frozenset[EntityKind], within: int) -> int | None:
        """The entity of one of ``kinds`` named last before ``position``, at most ``within``
        characters back."""
        best = max(
            (
                (a, k)
                for a, b, k in self._by_start
                if b <= position
                and position - b <= within
                and self.entities[k].kind in kinds
                and any(
                    m.span.start == a and m.form is MentionForm.NAME
                    for m in self.entities[k].mentions
                )
            ),
            default=None,
        )
        return best[1] if best else None

    def person_before(self, position: int, gender: str | None = None) -> int | None:
        """The person named last before ``position`` (of that gender, or not known not to be)."""
        found: tuple[int, int] | None = None
        for k, entity in enumerate(self.entities):
            if entity.kind is not EntityKind.PERSON or not self.compatible(k, gender):
                continue
            for m in entity.mentions:
                if m.form is not MentionForm.NAME or m.span.end > position:
                    continue
                if found is None or m.span.start > found[0]:
                    found = (m.span.start, k)
        return found[1] if found else None


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
            if _sentence_opener(ent):
                continue  # « Rester à la maison … », « Installation … »: a capitalised opener
            mention = _name_mention(text, offset + ent.start_char, offset + ent.end_char, r)
            if mention is None:
                continue
            mention.kind, mention.block = kind, block.index
            known = _known_prefix(mention)
            if known is not None:
                names.append(known)  # « à l'AFP Ravi Kulkarni »: the agency, then the man
            if fold(mention.text) in capitals():
                mention.kind = EntityKind.PLACE
            elif organisation(mention.text) is not None:
                # The gazetteer knows it: « Météo-France » is no place, an airline no country.
                mention.kind = EntityKind.ORGANISATION
            mention.gender = _gender_of(text, mention.start, ent.root, r)
            names.append(mention)
            root = ent.root
            if root.dep_ == "nsubj" or r.according_to_before.search(
                doc_text[max(0, ent.start_char - 30) : ent.start_char]
            ):
                actor_tokens.add(offset + ent.start_char)
        names.extend(_gazetteer_mentions(doc_text, offset, block.index, names[first:], r))
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
    for mention in names:
        mention.actor = (
            mention.kind is EntityKind.PLACE
            and mention.start in actor_tokens
            and fold(mention.text) in capitals()
        )
    clusters = _merge(names)
    _attach_roles(text, docs, clusters, names)
    return EntityIndex([_entity(c, text) for c in clusters], [c.gender for c in clusters])


_TITLE_BEFORE = re.compile(r"(\S+)\s+$")


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


def _name_mention(text: str, start: int, end: int, r: _Rules) -> _Mention | None:
    """The name inside a spaCy entity: titles, articles and punctuation trimmed."""
    surface = text[start:end]
    for pattern in (r.titles, _LEADING_ARTICLE):
        m = pattern.match(surface)
        if m:
            start += m.end()
            surface = surface[m.end() :]
    stripped = surface.rstrip(" .,;:!?»\"”')")
    end = start + len(stripped)
    lead = len(stripped) - len(stripped.lstrip(" «\"“'("))
    start += lead
    surface = text[start:end]
    if len(surface) < 2 or not surface[:1].isupper() or fold(surface) in r.not_names:
        return None
    if surface.lower() in r.stop_words and organisation(surface) is None:
        return None  # « Ça », "This": a capitalised common word (« Voici » the magazine is kept)
    if any(fold(word) in r.not_names for word in surface.split()[:1]) and len(surface.split()) == 1:
        return None
    return _Mention(start, end, surface, EntityKind.OTHER, MentionForm.NAME, 0)


def _merge(mentions: list[_Mention]) -> list[_Cluster]:
    """Full names first, so that a surname joins the person it abbreviates."""
    clusters: list[_Cluster] = []
    order = sorted(mentions, key=lambda m: (-len(m.text.split()), m.start))
    for m in order:
        target = None
        for c in reversed(clusters):
            if not _compatible(c, m):
                continue
            if any(_same_entity(m.text, n) for n in c.names):
                target = c
                break
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.kinds[m.kind] += 1
        if m.text not in target.names:
            target.names.append(m.text)
        target.mentions.append(m)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
        c.names.sort(key=lambda n: next(m.start for m in c.mentions if m.text == n))
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


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


def _same_entity(a: str, b: str) -> bool:
    known_a, known_b = organisation(a), organisation(b)
    if known_a is not None and known_b is not None:
        return known_a == known_b  # « France info » = « franceinfo »; « Le Monde » ≠ « Monde »
    return same_name(a, b)


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
    pending: list[_Mention] = []
    for block, _doc, code in docs:
        r = rules(code)
        offset = block.span.start
        for m in r.role.finditer(block.span.text):
            start, end = offset + m.start("det"), offset + m.end()
            if any(n.start < end and start < n.end for n in names):
                continue
            nat = r.nationalities.get(fold(m.group("nat"))) if m.group("nat") else None
            role = _role(text, start, end, block.index, fold(m.group("role")), nat)
            role.gender = r.gender_words.get(m.group("role").lower()) or r.gender_words.get(
                m.group("det").lower()
            )
            # « son homologue ukrainien Volodymyr Zelensky », « la procureure de Mulhouse,
            # Edwige Roux-Morizot »: the name right after the role and its complement.
            follower = next(
                (n for n in names if n.start > end and _apposed(text[end : n.start])), None
            )
            if follower is not None and id(follower) in persons:
                _tie(persons[id(follower)], role)
            elif nat is not None or role.role not in r.relational:
                pending.append(role)
    for role in sorted(pending, key=lambda m: m.start):
        cluster = _resolve_role(role, clusters)
        if cluster is not None:
            # Tied by proximity, not by evidence: its gender and its role prove nothing about
            # the person (the next « la ministre » must not follow it to the same man).
            role.gender = None
            _tie(cluster, role, evidence=False)
    _attach_descriptions(text, docs, clusters, names)


_COMPLEMENT = re.compile(
    r"\s+(?:de|du|des|d['’]|of|for|at)\s*[^.;:!?«»\"“”()\n]{1,60}?,\s*", re.IGNORECASE
)


def _apposed(between: str) -> bool:
    """Does a name that follows a role after ``between`` stand in apposition to it? Nothing
    or a comma between them (« le maire, Paul Girard »), or the role's complement and a comma
    (« la porte-parole du ministère, »)."""
    return between.strip() in {"", ","} or _COMPLEMENT.fullmatch(between) is not None


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


def _attach_descriptions(
    text: str,
    docs: list[tuple[Block, Doc, str]],
    clusters: list[_Cluster],
    names: list[_Mention],
) -> None:
    """« Jacques Gomis, conservateur du parc » ties « conservateur » to him; « le conservateur
    du parc » later in the text is then him too (the news habit of naming once, then
    describing)."""
    # People and bodies alike: « la CLCV, association de consommateurs » makes the later
    # « l'association » the CLCV, as « le magazine Voici » makes « le magazine » Voici.
    owner = {
        id(m): c
        for c in clusters
        if c.kind in {EntityKind.PERSON, EntityKind.ORGANISATION}
        for m in c.mentions
    }
    described: dict[str, list[tuple[int, _Cluster]]] = {}
    parsed = {block.index: (block, doc, code) for block, doc, code in docs}
    for m in names:
        cluster = owner.get(id(m))
        if cluster is None or m.block not in parsed:
            continue
        block, doc, _ = parsed[m.block]
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
        if not nouns:
            nouns.extend(_apposed_after(span))
        for noun in nouns:
            described.setdefault(noun.lemma_.lower(), []).append((m.start, cluster))
            a, b = noun_phrase(noun)
            # « M. » before the name is a title, a link or a handle in apposition no role.
            if len(fold(noun.lemma_)) > 2 and _WORDS.fullmatch(noun.lemma_):
                cluster.evidence.setdefault(
                    fold(noun.lemma_), (block.span.start + a, block.span.start + b)
                )
            gender = noun.morph.get("Gender", [])
            if m.gender is None and len(gender) == 1:  # « X, directrice de l'école »
                m.gender = {"Fem": "f", "Masc": "m"}.get(gender[0])
    if not described:
        return
    taken = [(n.start, n.end) for n in names] + [
        (m.start, m.end) for c in clusters for m in c.mentions if m.form is MentionForm.ROLE
    ]
    for block, doc, code in docs:
        determiners = rules(code).definite
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "NOUN" or lemma not in described:
                continue
            dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in determiners]
            if not dets:
                continue
            a, b = noun_phrase(tok)
            start, end = block.span.start + a, block.span.start + b
            if any(x < end and start < y for x, y in taken):
                continue
            before = [(pos, c) for pos, c in described[lemma] if pos < start]
            if not before:
                continue
            cluster = max(before, key=lambda item: item[0])[1]
            _tie(cluster, _role(text, start, end, block.index, lemma))
            taken.append((start, end))


def _apposed_after(span: Any) -> list[Token]:
    """« Margaret Parietti, vice-procureure au parquet », « Jacques Gomis, le conservateur
    du parc » when the parser hung the description elsewhere (on « l'AFP » before the name):
    the noun in apposition right after the name and its comma."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return []
    tok = doc[i + 1]
    if tok.pos_ == "DET" and tok.head.i > tok.i and tok.head.i - tok.i <= 2:
        tok = tok.head
    return [tok] if tok.pos_ == "NOUN" and tok.dep_ == "appos" else []


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
    cluster.mentions.append(role)
    cluster.mentions.sort(key=lambda m: m.start)
    if role.nationality and not cluster.nationality:
        cluster.nationality = role.nationality
    if role.role and evidence:
        cluster.roles.add(role.role)
        if fold(role.role):
            cluster.evidence.setdefault(fold(role.role), (role.start, role.end))


def _resolve_role(role: _Mention, clusters: list[_Cluster]) -> _Cluster | None:
    # « la procureure » is never the man the text named last.
    people = [
        c
        for c in clusters
        if c.kind is EntityKind.PERSON and (role.gender is None or c.gender in (None, role.gender))
    ]
    if role.nationality:
        same = [c for c in people if c.nationality == role.nationality]
        if len(same) == 1:
            return same[0]
    same_role = [
        c
        for c in people
        if role.role in c.roles
        and (not role.nationality or c.nationality in (None, role.nationality))
    ]
    if len(same_role) == 1:
        return same_role[0]
    # The nearest person named before, unless the text gave them another nationality.
    best: tuple[int, _Cluster] | None = None
    for c in people:
        if role.nationality and c.nationality not in (None, role.nationality):
            continue
        for m in c.mentions:
            if (
                m.form is MentionForm.NAME
                and m.end <= role.start
                and (best is None or m.start > best[0])
            ):
                best = (m.start, c)
    return best[1] if best else None


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
