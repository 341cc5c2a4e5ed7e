"""Who a pronoun, a description or a speechless incise stands for: a ranking over candidates.

The quote extractor reads the speaker phrase off the cue (its subject, « selon X »). When that
phrase is a name, the entity index answers. When it is a pronoun (« a-t-il ajouté »), a
description (« le sénateur », « le magazine », « l'élue du Nord ») or nothing at all (« a
déclaré sur Twitter Ian Brossat », where the parser lost the inverted subject), the speaker is
one of the entities the text named before, and this module picks it:

1. gather candidates: entity mentions of the quote's sentence and the sentences before it
   (``_WINDOW``), and any entity the article tied the description's noun to by evidence
   (apposition « X, sénateur de … », « le sénateur X »), however far back;
2. filter the impossible: mentions inside quotes (the speaker's own words name others), the
   wrong kind (a person noun is not an organisation, « il » is not a place), the wrong gender
   (« a-t-elle ajouté » is not a man the text marked as one), entities named inside the phrase
   itself (« l'ancien ministre de Jacques Chirac » is not Chirac);
3. rank with features (``_score``): the speaker of the quote just before, evidence for the
   description's noun, the mention's syntactic role (a subject is salient, the complement of
   another noun — « l'assistant de X » — is not), distance in sentences.

The weights are rules, set on the development gold.
Mentions are indexed once per article (sorted by position), so every look-up is a bisection
plus a walk over the few sentences of the window.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from essentiel.analyze import sentences_of
from essentiel.facts.entities import EntityIndex
from essentiel.facts.names import fold
from essentiel.model import Block, EntityKind

_WINDOW = 4  # sentences back (beside the quote's own) where a candidate may stand
_SALIENT = 3  # the most named people and bodies, candidates for every quote
_TOPIC_MENTIONS = 3  # how often the text must name the body it is about
_PEOPLE = frozenset({EntityKind.PERSON})
_BODIES = frozenset({EntityKind.ORGANISATION})


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: int
    sentence: int  # article-wide sentence index
    subject: bool  # subject of its clause: salient
    complement: bool  # the complement of another noun (« l'assistant de X »): not salient
    recipient: bool  # told, not telling (« a déclaré à l'AFP »), or the venue (« sur RTL »)
    oblique: bool = False  # governed by a preposition (« publié chez X », « vers X »)
    main: bool = False  # subject of its sentence's main clause (not « estime que X a »)
    # subject of a condition (« Si X maintient sa réforme, prévient-il »): spoken about
    conditional: bool = False


@dataclass(frozen=True)
class Speaker:
    """The candidate a ranking chose: an entity and the mention that names it."""

    entity: int
    start: int
    end: int


class SpeakerRanker:
    """Candidates and their ranking for one article's quotes."""

    def __init__(
        self,
        index: EntityIndex,
        docs: list[tuple[Block, Doc]],
        quoted: list[tuple[int, int]],
        evidence: list[frozenset[str]],
        text: str = "",
        conditions: frozenset[str] = frozenset(),
        headline_person: int | None = None,
    ) -> None:
        """``conditions``: the subordinators that open a condition (« si »), whose subject the
        text speaks about, not the one a pronoun of the main clause stands for;
        ``headline_person``: the one person the headline names, if it names one."""
        self.index = index
        self.headline_person = headline_person
        self.text = text  # the clean text (what lies between two names)
        self.evidence = evidence  # per entity: description nouns the text tied to it
        self.described = frozenset().union(*evidence)
        self._quoted = sorted(quoted)
        self._sentence_starts: list[int] = []  # clean-text start of each body sentence
        self._paragraph_first: list[int] = []  # per sentence, its block's first sentence
        # Per sentence, whether a third-person pronoun stands for someone in it (« Il se
        # retrouve coincé », « Le confinement l'a pris de court »): it goes on with its topic.
        self._pronoun_topic: list[bool] = []
        by_block: dict[int, tuple[Block, Doc]] = {}
        for block, doc in docs:
            by_block[block.index] = (block, doc)
            opening = len(self._sentence_starts)
            for s in sentences_of(doc):
                self._sentence_starts.append(block.span.start + s.start_char)
                self._pronoun_topic.append(
                    any(t.pos_ == "PRON" and t.lower_ in _TOPIC_PRONOUNS for t in s)
                )
            self._paragraph_first.extend([opening] * (len(self._sentence_starts) - opening))
        mentions: list[_Mention] = []
        for k, entity in enumerate(index.entities):
            for m in entity.mentions:
                if m.block not in by_block or self.in_quote(m.span.start):
                    continue
                block, doc = by_block[m.block]
                span = doc.char_span(
                    m.span.start - block.span.start,
                    m.span.end - block.span.start,
                    alignment_mode="expand",
                )
                root = span.root if span is not None else None
                if span is not None and span.root.pos_ in _NOT_NAMES and _opens_clause(span):
                    # « Considéré comme… », « Rester chez soi »: a capitalised verb opening a
                    # sentence. Mid-sentence a capital is a name's, whatever the tagger says
                    # (« a déploré Dider Guillaume »: « Dider » tagged a verb).
                    continue
                recipient = span is not None and _after_recipient_preposition(doc, span.start)
                mentions.append(
                    _Mention(
                        m.span.start,
                        m.span.end,
                        k,
                        self.sentence_at(m.span.start),
                        root is not None and _is_subject(root),
                        root is not None and _is_complement(root),
                        recipient,
                        root is not None and _is_oblique(root),
                        root is not None and _is_main_subject(root),
                        root is not None and _is_condition_subject(root, conditions),
                    )
                )
        mentions.sort(key=lambda m: m.start)
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        # Per entity, the indices of its mentions in text order: a search back to the start
        # of the text goes entity by entity, not mention by mention (per description, a scan
        # of every mention made the quotes stage quadratic in a long article).
        self._by_entity: dict[int, list[int]] = {}
        for i, found in enumerate(mentions):
            self._by_entity.setdefault(found.entity, []).append(i)
        # The people and bodies named most often (outside quotes): who the article is about.
        self.salient = tuple(
            sorted(
                (k for k in self._by_entity if index.entities[k].kind in (_PEOPLE | _BODIES)),
                key=lambda k: (-len(self._by_entity[k]), k),
            )[:_SALIENT]
        )
        self._by_noun: dict[str, list[int]] = {}
        for k, nouns in enumerate(evidence):
            for noun in nouns:
                self._by_noun.setdefault(noun, []).append(k)
        # The entities by the words of their name and by their category (« le syndicat » may
        # be a body whose name says it, or one of that category): what ``evident`` tests may be
        # looked up, not asked of every entity for every quote.
        self._by_name_word: dict[str, set[int]] = {}
        self._by_category: dict[str, set[int]] = {}
        for k, entity in enumerate(index.entities):
            for word in fold(entity.name).split():
                self._by_name_word.setdefault(word, set()).add(k)
            category = index.categories[k]
            if category:
                self._by_category.setdefault(category, set()).add(k)

    def sentence_at(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)

    def sentence_start(self, sentence: int) -> int | None:
        """Where sentence ``sentence`` starts (None past the last)."""
        if 0 <= sentence < len(self._sentence_starts):
            return self._sentence_starts[sentence]
        return None

    def paragraph_first_sentence(self, sentence: int) -> int:
        """The first sentence of the paragraph (block) that holds ``sentence``."""
        if not self._paragraph_first:
            return 0
        return self._paragraph_first[min(sentence, len(self._paragraph_first) - 1)]

    def mentions_in_sentences(self, first: int, last: int) -> list[_Mention]:
        """The mentions (outside quotes) of sentences ``first`` to ``last``, in text order."""
        if not self._sentence_starts:
            return []
        lo = bisect.bisect_left(
            self._starts, self._sentence_starts[min(max(0, first), len(self._sentence_starts) - 1)]
        )
        stop = (
            self._sentence_starts[last + 1]
            if last + 1 < len(self._sentence_starts)
            else float("inf")
        )
        hi = bisect.bisect_left(self._starts, stop)
        return self._mentions[lo:hi]

    def coordinated_before(
        self, position: int, back: int, coordinator: str, count: int | None = None
    ) -> list[int] | None:
        """The people of the last names joined by commas and ``coordinator`` (« Eric Ciotti et
        Guillaume Larrivé », « Ilyas, Mamadou et Zakaria ») ending before ``position``, in its
        sentence or the ``back`` before it within the paragraph; ``count`` of them when given.
        Two mentions of one person, or anything but a comma or the coordinator between two
        names, is no such group."""
        joins = re.compile(rf"\s*,\s*|\s+{re.escape(coordinator)}\s+")
        sentence = self.sentence_at(position)
        first = max(self.paragraph_first_sentence(sentence), sentence - back)
        people = [
            m
            for m in self.mentions_in_sentences(first, sentence)
            if m.end <= position and self.index.entities[m.entity].kind is EntityKind.PERSON
        ]
        found: list[int] | None = None
        chain: list[_Mention] = []
        for m in [*people, None]:
            if m is not None and chain and m.start < chain[-1].end:
                continue  # a mention inside the one before
            gap = self.text[chain[-1].end : m.start] if m is not None and chain else ""
            if (
                m is not None
                and chain
                and joins.fullmatch(gap)
                and m.entity not in {c.entity for c in chain}
            ):
                chain.append(m)
                continue
            if len(chain) >= 2 and (count is None or len(chain) == count):
                closing = self.text[chain[-2].end : chain[-1].start].strip()
                if closing == coordinator:
                    found = [c.entity for c in chain]
            chain = [m] if m is not None else []
        return found

    def topic_entity(self, kind: EntityKind) -> int | None:
        """The entity of ``kind`` the article names most outside quotes, at least
        ``_TOPIC_MENTIONS`` times and more often than any other of its kind: the body the
        article is about (a person is never chosen this way: a description is tied to a person
        only by evidence in the text, issue 32)."""
        people = sorted(
            (
                (len(found), k)
                for k, found in self._by_entity.items()
                if self.index.entities[k].kind is kind
            ),
            reverse=True,
        )
        if not people or people[0][0] < _TOPIC_MENTIONS:
            return None
        if len(people) > 1 and people[1][0] >= people[0][0]:
            return None
        return people[0][1]

    def mention_count(self, entity: int) -> int:
        """How often the text names the entity outside quotes."""
        return len(self._by_entity.get(entity, ()))

    def in_quote(self, position: int) -> bool:
        i = bisect.bisect_right(self._quoted, (position, float("inf"))) - 1
        return i >= 0 and self._quoted[i][0] <= position < self._quoted[i][1]

    def choose(
        self,
        position: int,
        kinds: frozenset[EntityKind],
        gender: str | None,
        previous: int | None,
        exclude: tuple[int, int] | None = None,
        allowed: Callable[[int], bool] | None = None,
        evident: Callable[[int], bool] | None = None,
        said: tuple[int, int, int] | None = None,
        evident_among: Iterable[int] | None = None,
    ) -> Speaker | None:
        """The best candidate for a speaker referred to at ``position`` (a pronoun, a
        description): an entity of one of ``kinds``, of a compatible gender, named before and
        ``allowed``; ``previous`` is the entity quoted just before; ``evident`` says which
        entities the text described as the description says (sought however far back);
        ``said`` is where the quote before named ``previous`` (start, end, sentence), a
        candidate even when the name there was a description (« L'institut américain »).
        ``evident_among``: the entities ``evident`` may hold for (the others are not asked),
        so that the search far back is not a scan of every entity for every quote."""
        sentence = self.sentence_at(position)
        first = self._sentence_starts[max(0, sentence - _WINDOW)] if self._sentence_starts else 0
        lo = bisect.bisect_left(self._starts, first)
        hi = bisect.bisect_left(self._starts, position)
        best: tuple[float, int, _Mention] | None = None
        seen: set[int] = set()
        refused: set[int] = set()
        for m in reversed(self._mentions[lo:hi]):  # newest first
            if not self._possible(m, kinds, gender, exclude):
                continue
            if m.entity in refused:
                continue
            if m.entity not in seen and allowed is not None and not allowed(m.entity):
                refused.add(m.entity)
                continue
            # Every mention of an entity in the window counts, its best one ranks it: the
            # subject of the sentence before (« La secrétaire d'Etat, X, a détaillé … ») is
            # salient though its name, in apposition, is no subject.
            seen.add(m.entity)
            key = (self._score(m, sentence, previous, evident), m.start, m)
            if best is None or key[:2] > best[:2]:
                best = key
        if previous is not None and previous not in seen and said is not None:
            m = _Mention(said[0], said[1], previous, said[2], True, False, False)
            if self._possible(m, kinds, gender, exclude) and (allowed is None or allowed(previous)):
                seen.add(previous)
                key = (self._score(m, sentence, previous, evident), m.start, m)
                if best is None or key[:2] > best[:2]:
                    best = key
        if evident is not None:
            # A description the text tied to one entity earlier (« Philippe Bas, sénateur de la
            # Manche » … « le sénateur ») is that entity, however far back it was named.
            # Each entity's newest possible mention before the window, as a scan of the
            # mentions newest first would keep it; a tie on (score, start) goes to the later
            # mention, which that scan met first.
            best_index = -1
            pool = self._by_entity if evident_among is None else evident_among
            for entity in pool:
                indices = self._by_entity.get(entity)
                if indices is None or entity in seen:
                    continue
                before = bisect.bisect_left(indices, lo)
                if not before or not evident(entity):
                    continue
                for i in reversed(indices[:before]):
                    m = self._mentions[i]
                    if self._possible(m, kinds, gender, exclude):
                        key = (self._score(m, sentence, previous, evident), m.start, m)
                        if (
                            best is None
                            or key[:2] > best[:2]
                            or (key[:2] == best[:2] and i > best_index)
                        ):
                            best, best_index = key, i
                        break
        if best is None:
            return None
        m = best[2]
        return Speaker(m.entity, m.start, m.end)

    def subject_before(
        self,
        position: int,
        kinds: frozenset[EntityKind],
        gender: str | None,
        allowed: Callable[[int], bool],
        exclude: tuple[int, int] | None = None,
    ) -> Speaker | None:
        """The entity named last as a subject (else first) in the sentence of ``position``
        (before it) or the sentence before: who a description with no evidence stands for
        when the text has just made that person its topic (« Le président de la commission,
        X, a écrit … "…", a réagi le sénateur »)."""
        if not self._sentence_starts:
            return None
        sentence = self.sentence_at(position)
        first = self._sentence_starts[max(0, sentence - 1)]
        lo = bisect.bisect_left(self._starts, first)
        hi = bisect.bisect_left(self._starts, position)
        possible = [
            m
            for m in self._mentions[lo:hi]
            if not m.complement and self._possible(m, kinds, gender, exclude)
        ]
        # The subject named last; when the parser gave none (« Le président de la commission,
        # X, a interpellé Y » read X as a conjunct), the first named: news prose names its
        # topic first.
        if not possible:
            possible = self._topic_before(sentence, kinds, gender, exclude)
        m = next((m for m in reversed(possible) if m.subject), possible[0] if possible else None)
        if m is None or not allowed(m.entity):
            return None
        return Speaker(m.entity, m.start, m.end)

    def _topic_before(
        self,
        sentence: int,
        kinds: frozenset[EntityKind],
        gender: str | None,
        exclude: tuple[int, int] | None,
    ) -> list[_Mention]:
        """« X avait décidé de rentrer. … Le confinement l'a pris de court. Il se retrouve
        coincé. "…", confie cet homme de 36 ans »: back over the sentences that name nobody
        but a pronoun stands for someone in (the text goes on with its topic), the possible
        mentions of the first sentence that names someone, within the window."""
        back = sentence - 1
        while back >= 0 and sentence - back < _WINDOW and self._pronoun_topic[back]:
            if self.mentions_in_sentences(back, back):
                return []  # a sentence that names someone else: not a chain of pronouns
            back -= 1
            named = self.mentions_in_sentences(back, back)
            if named:
                return [
                    m
                    for m in named
                    if not m.complement and self._possible(m, kinds, gender, exclude)
                ]
        return []

    def subject_of_sentence_before(
        self, position: int, kinds: frozenset[EntityKind]
    ) -> Speaker | None:
        """The entity named last as a clause's subject in the sentence before the one of
        ``position``: who a quote with no cue and no speaker before it goes to when the text has
        just made that person act (« X a rendu hommage au gendarme. "…" »)."""
        sentence = self.sentence_at(position)
        if sentence == 0:
            return None
        for m in reversed(self.mentions_in_sentences(sentence - 1, sentence - 1)):
            usable = m.subject and not m.complement and not m.recipient
            if usable and self.index.entities[m.entity].kind in kinds:
                return Speaker(m.entity, m.start, m.end)
        return None

    def evident_after(self, position: int, evident: Callable[[int], bool]) -> Speaker | None:
        """The first entity named after ``position`` in its sentence, outside quotes and not
        as who was told, for which ``evident`` holds, with only a clause between (no quote
        mark, no colon): who a description that the sentence goes on to name stands for."""
        sentence = self.sentence_at(position)
        for m in self.mentions_in_sentences(sentence, sentence):
            if m.start < position or m.recipient:
                continue
            if any(c in self.text[position : m.start] for c in _NOT_BETWEEN_AHEAD):
                return None
            if evident(m.entity):
                return Speaker(m.entity, m.start, m.end)
        return None

    def named_between(
        self, start: int, end: int, kinds: frozenset[EntityKind], gender: str | None
    ) -> bool:
        """Does the text name an entity of these kinds and a compatible gender in [start, end),
        outside quotes and not as who was told?"""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return any(self._possible(m, kinds, gender, None) for m in self._mentions[lo:hi])

    def subject_between(self, start: int, end: int, gender: str | None, other_than: int) -> bool:
        """Does the text make a person of a compatible gender, other than ``other_than``, the
        subject of a sentence's main clause in [start, end) (outside quotes, not a complement,
        not governed by a preposition)?"""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return any(
            m.main
            and not m.complement
            and not m.oblique
            and m.entity != other_than
            and self._possible(m, _PEOPLE, gender, None)
            for m in self._mentions[lo:hi]
        )

    def named_within(self, start: int, end: int) -> set[int]:
        """The entities the text names in [start, end), outside quotes."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return {m.entity for m in self._mentions[lo:hi]}

    def described_as(self, nouns: Iterable[str]) -> set[int]:
        """The entities the text tied one of these description nouns to."""
        return {k for n in nouns for k in self._by_noun.get(n, ())}

    def named_with(self, word: str) -> set[int]:
        """The entities whose name holds ``word`` (folded)."""
        return set(self._by_name_word.get(word, ()))

    def of_category(self, category: str) -> set[int]:
        """The entities of this organisation category."""
        return set(self._by_category.get(category, ()))

    def after(
        self, start: int, end: int, kinds: frozenset[EntityKind], skip: frozenset[str], text: str
    ) -> Speaker | None:
        """The first entity named in [start, end) that no preposition governs: the inverted
        subject of an incise (« a déclaré sur Twitter Ian Brossat » — not « à l'AFP »)."""
        lo = bisect.bisect_left(self._starts, start)
        for m in self._mentions[lo:]:
            if m.start >= end:
                break
            if m.recipient or self.index.entities[m.entity].kind not in kinds:
                continue
            before = text[max(start, m.start - 16) : m.start].split()
            if before and before[-1].lower() in _ARTICLES:
                before = before[:-1]  # « lance dans Le Parisien un élu »
            if before and before[-1].lower().rstrip("'’") in skip:
                continue
            return Speaker(m.entity, m.start, m.end)
        return None

    def named_in(
        self,
        start: int,
        end: int,
        kinds: frozenset[EntityKind],
        governors: frozenset[str],
        text: str,
        last: bool = False,
        allowed: Callable[[int], bool] | None = None,
    ) -> Speaker | None:
        """The first entity named in [start, end) as the description's own name (« le magazine
        Géo », « la bru du président, Lara Trump »), not as its complement: no preposition
        governs it, directly or through an article (« l'ancien ministre de Jacques Chirac »,
        « le directeur de l'OMS » name someone else). ``last``: the name must close the span
        (an apposition is « , le colonel X, », not « , X traverserait … »); ``allowed`` says
        which entities may be it."""
        lo = bisect.bisect_left(self._starts, start)
        for m in self._mentions[lo:]:
            if m.start >= end:
                break
            if m.recipient or self.index.entities[m.entity].kind not in kinds:
                continue
            if allowed is not None and not allowed(m.entity):
                continue
            words = [
                w.lower().rstrip("'’")
                for w in re.split(r"[\s'’]+", text[start : m.start])
                if w.strip("'’")
            ]
            if words and words[-1] in _GOVERNED_ARTICLES:
                words = words[:-1]
            if words and words[-1] in governors:
                continue
            if last and text[m.end : end].strip():
                continue
            return Speaker(m.entity, m.start, m.end)
        return None

    def before(self, position: int, kinds: frozenset[EntityKind]) -> Speaker | None:
        """The entity named last before ``position`` in its sentence, as a subject would be:
        not a recipient, not the complement of another noun."""
        first = self._sentence_starts[self.sentence_at(position)] if self._sentence_starts else 0
        lo = bisect.bisect_left(self._starts, first)
        hi = bisect.bisect_left(self._starts, position)
        for m in reversed(self._mentions[lo:hi]):
            if m.end > position or m.recipient or m.complement:
                continue
            if self.index.entities[m.entity].kind in kinds:
                return Speaker(m.entity, m.start, m.end)
        return None

    def _possible(
        self,
        m: _Mention,
        kinds: frozenset[EntityKind],
        gender: str | None,
        exclude: tuple[int, int] | None,
    ) -> bool:
        if m.recipient or self.index.entities[m.entity].kind not in kinds:
            return False
        if not self.index.compatible(m.entity, gender):
            return False
        return exclude is None or not (exclude[0] <= m.start < exclude[1])

    def _score(
        self,
        m: _Mention,
        sentence: int,
        previous: int | None,
        evident: Callable[[int], bool] | None,
    ) -> float:
        score = -1.0 * (sentence - m.sentence)
        if m.entity == previous:
            score += 3.0
        if evident is not None and evident(m.entity):
            score += 4.0
        if m.subject and not m.conditional:
            score += 1.5
            if m.sentence == sentence:
                # « M. X a reçu les ministres, qu'il a félicités de "…" »: a subject of the
                # pronoun's own sentence, before it, outranks who was quoted before.
                score += 2.5
        if m.complement:
            score -= 2.5
        elif m.oblique:
            # « publié chez X », « diriger vers X »: governed by a preposition, X is not who
            # the sentence is about.
            score -= _OBLIQUE_PENALTY
        return score


# Third-person pronouns that stand for a person a sentence goes on about (« il », « l' »).
_TOPIC_PRONOUNS = frozenset({"il", "elle", "l'", "l’", "le", "la", "lui"})
# Parts of speech a name's head never has: a capitalised verb or adverb opening a sentence.
_NOT_NAMES = frozenset({"VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ"})
# Who was told (« à l'AFP ») or where it was said (« sur France Inter », « sur Twitter »):
# never who said it.
_RECIPIENT = frozenset({"à", "au", "aux", "sur", "to"})
# What ends the clause of a description that names its holder further on.
_NOT_BETWEEN_AHEAD = frozenset('"«»“”:;')
_ARTICLES = frozenset({"l'", "l’", "la", "le", "les", "the"})
# Articles between a preposition and the name it governs (« de la Nouvelle République »).
_GOVERNED_ARTICLES = frozenset({"l", "la", "le", "les", "the"})


def _opens_clause(span: Span) -> bool:
    """Does the span open its sentence, or follow a punctuation mark (a glued sentence,
    « : », a quote mark)?"""
    first = span[0]
    return first.is_sent_start or first.i == 0 or first.doc[first.i - 1].is_punct


def _after_recipient_preposition(doc: Doc, i: int) -> bool:
    """« à l'AFP », « au Parisien »: the name is who was told; « sur RTL »: where."""
    j = i - 1
    if j >= 0 and doc[j].lower_ in _ARTICLES:
        j -= 1
    return j >= 0 and doc[j].lower_ in _RECIPIENT


def _is_subject(root: Token) -> bool:
    if root.dep_ in {"nsubj", "nsubj:pass"}:
        return True
    # « le ministre, Gérald Darmanin, a dit »: the name in apposition to a subject.
    return root.dep_ in {"appos", "flat:name"} and root.head.dep_ in {"nsubj", "nsubj:pass"}


_OBLIQUE_PENALTY = 2.0


def _is_main_subject(root: Token) -> bool:
    """Is the name the subject of its sentence's main verb (or in apposition to it)?"""
    if not _is_subject(root):
        return False
    subject = root.head if root.dep_ in {"appos", "flat:name"} else root
    return subject.head.dep_ == "ROOT"


def _is_condition_subject(root: Token, conditions: frozenset[str]) -> bool:
    """Is the name the subject of a clause a condition's subordinator opens (« Si X reste sur
    sa ligne, prévient-il, … »)? The text supposes something of X; the main clause's speaker
    is another."""
    if not conditions or not _is_subject(root):
        return False
    subject = root.head if root.dep_ in {"appos", "flat:name"} else root
    clause = subject.head
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_.rstrip("'’") in conditions for c in clause.children
    )


def _is_oblique(root: Token) -> bool:
    """Is the name governed by a preposition (its own, or its head's in a name in apposition)?"""
    if any(c.dep_ == "case" for c in root.children):
        return True
    # « vers le ministre X »: the preposition governs the noun X is in apposition to.
    return root.dep_ == "appos" and any(c.dep_ == "case" for c in root.head.children)


def _is_complement(root: Token) -> bool:
    # « choisi par Charlie Chaplin »: the agent of a passive is not the sentence's topic either.
    return (root.dep_ == "nmod" and root.head.pos_ in {"NOUN", "PROPN"}) or root.dep_ in {
        "obl:agent",
        "agent",
    }
