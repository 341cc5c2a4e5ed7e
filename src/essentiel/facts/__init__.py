"""Facts of the article, each anchored to clean-text offsets: dates, figures, entities, quotes.

One module per kind (``dates``, ``figures``, ``entities``, ``quotes``; ``names`` holds how two
spellings of a name compare). Dates, figures and quotes come from the body; entities also from
the headline, the publisher's summary and embedded posts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc

from essentiel import resources
from essentiel.analyze import Analysis
from essentiel.facts.dates import DateResolver
from essentiel.facts.entities import extract_entities
from essentiel.facts.figures import FigureExtractor
from essentiel.facts.quotes import QuoteExtractor
from essentiel.model import DateMention, Entity, Figure, Quote


@dataclass(frozen=True)
class Facts:
    dates: list[DateMention]
    figures: list[Figure]
    entities: list[Entity]
    quotes: list[Quote]


def future_positions(doc: Doc, future_aux: frozenset[str]) -> set[int]:
    """Character positions of the words governed by a verb in the future tense.

    « Il se rendra vendredi à Kiev » (Tense=Fut) or « il va se rendre vendredi » (aller +
    infinitive, "will go"): a bare weekday there is the next one, not the last one.
    """
    positions: set[int] = set()
    for tok in doc:
        verb = tok
        for _ in range(3):
            if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
                break
            verb = verb.head
        # « seront connus dimanche »: the future may sit on the auxiliary, not the participle.
        future = "Fut" in verb.morph.get("Tense", []) or any(
            child.dep_.startswith("aux")
            and (child.lemma_.lower() in future_aux or "Fut" in child.morph.get("Tense", []))
            for child in verb.children
        )
        if not future and verb.head is not verb and verb.dep_ == "xcomp":
            # « va se rendre »: the infinitive's governor is the aller/will auxiliary verb.
            future = verb.head.lemma_.lower() in future_aux
        if future:
            positions.add(tok.idx)
    return positions


def extract_facts(
    text: str,
    analysis: Analysis,
    lang: str,
    published: dt.date | None,
    lap: Callable[[str], None] | None = None,
) -> Facts:
    """Every fact of an analysed article. ``lap(stage)`` is called after each extractor, for
    the per-stage timings of the benchmark."""
    lap = lap or (lambda _stage: None)
    dates_res = DateResolver(lang)
    figures_ex = FigureExtractor(lang)
    future_aux = frozenset(resources.raw(lang)["temporal"]["future_auxiliaries"])
    dates: list[DateMention] = []
    figures: list[Figure] = []
    for block, doc in analysis.docs:
        if block.lang not in (lang, None):
            continue
        offset = block.span.start
        block_dates = dates_res.mentions(
            doc.text, offset, published, partial(future_positions, doc, future_aux)
        )
        dates.extend(block_dates)
        exclude = [(d.span.start, d.span.end) for d in block_dates]
        figures.extend(figures_ex.figures(doc, offset, exclude, len(figures)))
    lap("facts.dates_figures")
    index = extract_entities(text, analysis.parsed, lang)
    lap("facts.entities")
    body = [(block, doc) for block, doc in analysis.docs if block.lang in (lang, None)]
    quotes = QuoteExtractor(lang).quotes(text, body, index)
    lap("facts.quotes")
    return Facts(dates, figures, index.entities, quotes)
