"""Facts of the article, each anchored to clean-text offsets: dates, figures, entities, quotes.

One module per kind (``dates``, ``figures``, ``entities``, ``quotes``; ``names`` holds how two
spellings of a name compare). Dates, figures and quotes come from the body; entities also from
the headline, the publisher's summary and embedded posts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from essentiel import resources
from essentiel.analyze import Analysis, doc_text
from essentiel.facts.dates import DateResolver, is_count, spoken_on
from essentiel.facts.entities import extract_entities
from essentiel.facts.figures import FigureExtractor, counts_noun
from essentiel.facts.quotes import QuoteExtractor, pull_quote_heading
from essentiel.model import Block, BlockKind, DateMention, Entity, Figure, Quote, QuoteKind


@dataclass(frozen=True)
class Facts:
    dates: list[DateMention]
    figures: list[Figure]
    entities: list[Entity]
    quotes: list[Quote]


@dataclass(frozen=True)
class Tenses:
    """Character positions of words by the tense of the verb that governs them (see
    ``tense_positions``); a word under no verb is in none of the three."""

    future: set[int]
    past: set[int]
    present: set[int]


def _governing_verb(tok: Token, date_words: frozenset[str] = frozenset()) -> Token | None:
    verb = tok
    for _ in range(3):
        # « fermer le marché dimanche »: a weekday the parser tagged
        # as a verb (a past participle) is no verb; its head tells the tense.
        if verb.pos_ in {"VERB", "AUX"} and verb.text.lower() not in date_words:
            return verb
        # « Le sujet sera mardi soir au cœur du débat »: a nominal predicate's tense is on
        # its copula (which the parser sometimes labels an auxiliary).
        copula = next(
            (
                c
                for c in verb.children
                if c.pos_ == "AUX" and (c.dep_ == "cop" or c.dep_.startswith("aux"))
            ),
            None,
        )
        if copula is not None:
            # « a été sans pitié lundi »: a compound tense is read on the predicate's
            # auxiliaries, as for a verb.
            if any(c.dep_ == "aux:tense" for c in verb.children):
                return verb
            return copula
        if verb.head is verb:
            return None
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.text.lower() not in date_words else None


def _conditional(verb: Token, rule: dict[str, Any] | None) -> bool | None:
    """Is ``verb`` a conditional, read from its form and lemma (``[temporal] conditional``)?
    None when the form says nothing (not an ending the conditional shares with the
    imperfect) or the language has no rule: the parser's mood stands. The parser reads
    « rendrait » as an imperfect and « durait » as a conditional; the conditional's stem is
    the future's, ending in « r » (« rendr-ait », « recevr-ait », « déclarer-ait »), the
    imperfect's is the present's (« déclar-ait », « cour-ait », « ouvr-ait »)."""
    if "Fin" not in verb.morph.get("VerbForm", []):
        return None
    return _future_stem(verb, rule)


def _future_stem(verb: Token, rule: dict[str, Any] | None) -> bool | None:
    """Does ``verb`` end in one of ``rule``'s endings on the future's stem (ending in « r »,
    not the present's: « recevr-ait », « recevr-a », not « déclar-ait », « entr-a »)? None when
    the form says nothing."""
    if not rule:
        return None
    form, lemma = verb.lower_, verb.lemma_.lower()
    ending = next((e for e in rule["endings"] if form.endswith(e)), None)
    if ending is None or lemma == form or not lemma.endswith(tuple(rule["infinitive_endings"])):
        return None
    stem = form[: -len(ending)]
    return stem.endswith(rule["stem_end"]) and stem != lemma[: -int(rule["imperfect_stem_cut"])]


def _bare_participle(verb: Token) -> bool:
    """A participle with no auxiliary of its own (« des chiffres rendus publics », « un report
    envisagé »): it says what was done, not when a clause happens."""
    return "Part" in verb.morph.get("VerbForm", []) and not any(
        c.dep_.startswith("aux") for c in verb.children
    )


def _future_form(verb: Token, rule: dict[str, Any] | None) -> bool:
    """Is ``verb`` a simple future the parser misread (« recevra » tagged a past, « votera » a
    participle)? Its stem is the conditional's, ending in « r » (« recevr-a », « voter-a »,
    « ser-a »), where the simple past of a verb in « -rer » keeps the present's (« entr-a »,
    « déclar-a »); no participle ends so: ``[temporal] future``."""
    return verb.pos_ in {"VERB", "AUX"} and bool(_future_stem(verb, rule))


def _clause_tense(
    verb: Token,
    future_aux: frozenset[str],
    forward: frozenset[str],
    conditional: dict[str, Any] | None = None,
    imperfect: tuple[str, ...] = (),
    prospective: frozenset[str] = frozenset(),
    imperfect_forms: frozenset[str] = frozenset(),
    future_form: dict[str, Any] | None = None,
) -> str | None:
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    tense_aux = [c for c in auxes if c.dep_ != "aux:pass"]
    # « seront connus dimanche »: the future may sit on the auxiliary, not the participle.
    if (
        "Fut" in verb.morph.get("Tense", [])
        or _future_form(verb, future_form)
        or any(a.lemma_.lower() in future_aux or "Fut" in a.morph.get("Tense", []) for a in auxes)
    ):
        return "future"
    lemma = verb.lemma_.lower()
    governor = verb.head if verb.head is not verb and verb.dep_ == "xcomp" else None
    if governor is not None and (
        "Fut" in governor.morph.get("Tense", []) or _future_form(governor, future_form)
    ):
        return "future"  # « les pluies commenceront à baisser dans la nuit de vendredi à samedi »
    # « va se rendre », « devait passer jeudi », « espèrent renouveler l'opération
    # dimanche »: the infinitive of a verb that looks ahead (not « a dû partir »).
    if (
        governor is not None
        and not any(c.dep_ == "aux:tense" for c in governor.children)
        and governor.lemma_.lower() in future_aux | forward
    ):
        return "future"
    if (
        governor is not None
        and not tense_aux
        and "Inf" in verb.morph.get("VerbForm", [])
        and (
            governor.lemma_.lower() in prospective
            # « le vote pourrait intervenir pendant le week-end »: the infinitive of a
            # conditional (not « aurait pu intervenir »).
            or (
                "Cnd" in governor.morph.get("Mood", [])
                and _conditional(governor, conditional) is not False
                and not any(c.dep_ == "aux:tense" for c in governor.children)
            )
        )
    ):
        # « il a été décidé de repousser la réunion à jeudi », « ces pluies conduisent à
        # fermer le marché dimanche »: what one decides, calls or leads to is to come,
        # whatever the tense of the deciding.
        return "future"
    if (
        not tense_aux
        and (lemma in future_aux | forward)
        and any(c.dep_ == "xcomp" for c in verb.children)
    ):
        # « En octobre, on va voir... »: the date hangs on « va » itself.
        return "future"
    # « un scrutin espéré fin octobre » that the parser read as a finite imperfect.
    misread = (
        bool(imperfect)
        and "Imp" in verb.morph.get("Tense", [])
        and not (verb.lower_.endswith(imperfect))
    )
    if lemma in forward and (
        verb.dep_ == "acl"
        or any(c.dep_ == "aux:pass" for c in verb.children)
        or (misread and not tense_aux)
    ):
        # « une baisse est attendue samedi », « un vote espéré fin octobre »
        return "future"
    if misread and not tense_aux:
        return None  # a participle with no auxiliary: no tense of its own
    if (
        lemma in forward
        and _bare_participle(verb)
        and any(c.dep_.startswith("nsubj") for c in verb.children)
    ):
        # « D'où un report envisagé à l'automne »: a plan, its noun the participle's subject
        # in a clause with no verb (not « Prévue en mars, la foire a été reportée »).
        return "future"
    if not tense_aux and any(
        "Cnd" in a.morph.get("Mood", []) and _conditional(a, conditional) is not False
        for a in auxes
    ):
        # « des dates seraient adoptées à l'automne »: a conditional passive (not the past
        # « aurait été adoptée »).
        return "future"
    if "Inf" in verb.morph.get("VerbForm", []) and any(
        c.dep_ == "mark" and c.lower_ in {"pour", "afin"} for c in verb.children
    ):
        return "future"  # « pour suivre dimanche le match »
    mood = _conditional(verb, conditional)
    if mood is None:
        mood = "Cnd" in verb.morph.get("Mood", [])
    if mood and not tense_aux:
        return "future"  # « devrait prendre fin », not the past « aurait agi »
    if any(c.dep_ == "aux:tense" for c in verb.children):
        return "past"  # passé composé, plus-que-parfait
    tense = verb.morph.get("Tense", [])
    if "Fin" in verb.morph.get("VerbForm", []):
        if not mood and "Cnd" in verb.morph.get("Mood", []):
            return "past"  # « durait »: an imperfect the parser read as a conditional
        if "Imp" in tense or "Past" in tense:
            return "past"
        if "Pres" in tense:
            if verb.lower_ in imperfect_forms:
                # « Vendredi, nous avions 92 lits »: « avions » read as a present.
                return "past"
            return "present"
    return None


def tense_positions(
    doc: Doc, temporal: dict[str, Any], date_words: frozenset[str] = frozenset()
) -> Tenses:
    """Character positions of the words by the tense of their verb.

    Future: « Il se rendra vendredi à Kiev » (Tense=Fut), « il va se rendre vendredi » (aller +
    infinitive), and verbs that look ahead whatever their tense (« devait passer jeudi »,
    « une baisse est attendue samedi », « devrait prendre fin »). Past: passé composé,
    imparfait, passé simple. Present: a simple present. A bare weekday or month resolves
    forward, back or to the nearest accordingly.
    """
    future_aux = frozenset(temporal["future_auxiliaries"])
    forward = frozenset(temporal.get("forward_verbs", []))
    conditional = temporal.get("conditional")
    imperfect = tuple(temporal.get("imperfect_endings", []))
    prospective = frozenset(temporal.get("prospective_verbs", []))
    imperfect_forms = frozenset(temporal.get("imperfect_forms", []))
    future_form = temporal.get("future")
    tenses = Tenses(set(), set(), set())
    # A verb governs several words: its tense is read once (by the verb's index).
    tense_of: dict[int, str | None] = {}
    for tok in doc:
        verb = _governing_verb(tok, date_words)
        if verb is None:
            continue
        if verb.i not in tense_of:
            tense_of[verb.i] = _clause_tense(
                verb,
                future_aux,
                forward,
                conditional,
                imperfect,
                prospective,
                imperfect_forms,
                future_form,
            )
        tense = tense_of[verb.i]
        if tense is not None:
            getattr(tenses, tense).add(tok.idx)
    return tenses


@cache
def date_words(lang: str) -> frozenset[str]:
    """The weekdays of ``lang`` (lowercase): never the verb of a clause (not the months:
    "may", "march" are verbs too)."""
    return frozenset(w.lower() for w in resources.raw(lang)["dates"]["weekdays"])


class BlockTenses:
    """A block's tenses read for the words a date asks about only (``at``): the answers of
    ``tense_positions``'s sets, which read every word's governing verb (0.7 ms of CPU a
    page, for the few words of the dates that need a tense; issue 31)."""

    def __init__(self, doc: Doc, temporal: dict[str, Any], words: frozenset[str]) -> None:
        self.doc = doc
        self.words = words
        self.future_aux = frozenset(temporal["future_auxiliaries"])
        self.forward = frozenset(temporal.get("forward_verbs", []))
        self.conditional = temporal.get("conditional")
        self.imperfect = tuple(temporal.get("imperfect_endings", []))
        self.prospective = frozenset(temporal.get("prospective_verbs", []))
        self.imperfect_forms = frozenset(temporal.get("imperfect_forms", []))
        self.future_form = temporal.get("future")
        self._starts: list[int] | None = None
        # A verb governs several words: its tense is read once (by the verb's index).
        self._tense_of: dict[int, str | None] = {}

    def _tense(self, tok: Token) -> str | None:
        verb = _governing_verb(tok, self.words)
        if verb is None:
            return None
        if verb.i not in self._tense_of:
            self._tense_of[verb.i] = _clause_tense(
                verb,
                self.future_aux,
                self.forward,
                self.conditional,
                self.imperfect,
                self.prospective,
                self.imperfect_forms,
                self.future_form,
            )
        return self._tense_of[verb.i]

    def verb_at(self, start: int, end: int) -> tuple[str, bool] | None:
        """The lemma of the verb governing the first word in [start, end), and whether it is
        a participle with no auxiliary before that word (« des chiffres rendus publics
        aujourd'hui »): ``dates.VerbReader``."""
        if self._starts is None:
            self._starts = [tok.idx for tok in self.doc]
        first = bisect.bisect_left(self._starts, start)
        if first >= len(self.doc) or self._starts[first] >= end:
            return None
        verb = _governing_verb(self.doc[first], self.words)
        if verb is None:
            return None
        return verb.lemma_.lower(), _bare_participle(verb) and verb.idx < start

    def at(self, start: int, end: int) -> str | None:
        """What ``dates._Context.tense_at`` answers from ``tense_positions``'s sets for the
        words starting in [start, end): future when one of them is under a future verb, else
        past, else present, else None."""
        if self._starts is None:
            self._starts = [tok.idx for tok in self.doc]
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        found = {self._tense(self.doc[i]) for i in range(first, last)}
        for tense in ("future", "past", "present"):
            if tense in found:
                return tense
        return None


def _dated_blocks(analysis: Analysis, lang: str) -> list[tuple[Block, Doc]]:
    """The blocks whose dates are facts, in text order: the body's, and the intertitles'
    (« 123 femmes tuées en 2016 », « Une manifestation dans le calme samedi »: a heading glued
    to its paragraph tells when, as a sentence of the body does)."""
    body = [(block, doc) for block, doc in analysis.docs if block.lang in (lang, None)]
    headings = [
        (block, doc)
        for block, doc, _lang in analysis.parsed
        if block.kind is BlockKind.SUBHEADING and block.lang in (lang, None)
    ]
    return sorted([*body, *headings], key=lambda pair: pair[0].span.start)


def extract_facts(
    text: str,
    analysis: Analysis,
    lang: str,
    published: dt.date | None,
    lap: Callable[[str], None] | None = None,
    title: str | None = None,
) -> Facts:
    """Every fact of an analysed article. ``lap(stage)`` is called after each extractor, for
    the per-stage timings of the benchmark; ``title``, the headline, tells whom a description
    opening the article stands for."""
    lap = lap or (lambda _stage: None)
    dates_res = DateResolver(lang)
    figures_ex = FigureExtractor(lang)
    temporal = resources.raw(lang)["temporal"]
    words = date_words(lang)
    dates: list[DateMention] = []
    figures: list[Figure] = []
    for block, doc in _dated_blocks(analysis, lang):
        offset = block.span.start
        block_tenses = BlockTenses(doc, temporal, words)
        block_dates = dates_res.mentions(
            doc_text(doc),
            offset,
            published,
            earlier=dates,
            tense_reader=block_tenses.at,
            counted=functools.partial(counts_noun, doc),
            verb_reader=block_tenses.verb_at,
        )
        dates.extend(block_dates)
        if block.kind is not BlockKind.BODY:
            continue
        exclude = [(d.span.start, d.span.end) for d in block_dates if not is_count(d, lang)]
        figures.extend(figures_ex.figures(doc, offset, exclude, len(figures)))
    lap("facts.dates_figures")
    index = extract_entities(text, analysis.parsed, lang)
    lap("facts.entities")
    body = [(block, doc) for block, doc in analysis.docs if block.lang in (lang, None)]
    # « - "Nous avons tout perdu" - »: an agency's intertitle that quotes someone's words is
    # a quote (a pull-quote heading), though the block is no body text.
    headings = [
        (block, doc)
        for block, doc, _lang in analysis.parsed
        if block.kind is BlockKind.SUBHEADING
        and block.lang in (lang, None)
        and pull_quote_heading(doc_text(doc), lang)
    ]
    if headings:
        body = sorted([*body, *headings], key=lambda pair: pair[0].span.start)
    quotes = QuoteExtractor(lang).quotes(text, body, index, title=title)
    # « "… qu'hier", a déclaré jeudi le garde »: words counting from the day they are
    # said count from the day the cue names.
    dates = spoken_on(
        dates,
        [
            (q.content.start, q.content.end, q.cue.start, q.cue.end)
            for q in quotes
            if q.kind == QuoteKind.DIRECT and q.cue is not None
        ],
        text,
        published,
        lang,
    )
    lap("facts.quotes")
    return Facts(dates, figures, index.entities, quotes)
