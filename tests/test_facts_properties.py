"""Arbitrary text through each fact extractor: no exception, and every span is valid."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essentiel.analyze import pipeline
from essentiel.facts.dates import DateResolver
from essentiel.facts.entities import extract_entities
from essentiel.facts.figures import FigureExtractor
from essentiel.facts.quotes import QuoteExtractor
from essentiel.model import Block, BlockKind, Span

PIECES = st.sampled_from(
    [
        "vendredi", "lundi dernier", "ce", "4", "juillet", "31 février", "2025", "hier", "soir",
        "dans la nuit de", "jeudi", "à", "au lendemain de", "l'an dernier", "plus tôt",
        "cette semaine", "550", "engins", ",", "dont", "539", "drones", "1,5", "milliard",
        "d'euros", "%", "plus de", "2.600", "cinq cents", "08h03", "11e", "France 2", "(", ")",
        "Tuesday", "last", "week", "July 4", "$340", "million", "including", "at least", "\n",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map(" ".join))
DATES = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DATES, lang=st.sampled_from(["fr", "en"]), offset=st.integers(0, 50))
def test_dates(text: str, published: dt.date | None, lang: str, offset: int) -> None:
    padded = " " * offset + text
    for mention in DateResolver(lang).mentions(text, offset, published):
        assert padded[mention.span.start : mention.span.end] == mention.span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=st.sampled_from(["fr", "en"]))
def test_figures(text: str, lang: str) -> None:
    found = FigureExtractor(lang).figures(pipeline(lang)(text), 0, [], 0)
    for k, figure in enumerate(found):
        for span in (figure.span, figure.number):
            assert text[span.start : span.end] == span.text
        assert figure.span.start <= figure.number.start and figure.number.end <= figure.span.end
        assert figure.part_of is None or 0 <= figure.part_of < k


SPEECH = st.sampled_from(
    [
        "«", "»", '"', "“", "”", "a déclaré", "a-t-il dit", "selon", "d'après", "Kiev",
        "Volodymyr Zelensky", "Zelenskyy", "Washington", "le président ukrainien", "Lui", "que",
        "son homologue", "said", "according to", "she", "told", "that", ":", ".", ",", "\n",
        "Nous avons évoqué", "la défense", "Зеленський", "M.", "Dupont", "the mayor",
    ]
)  # fmt: skip
SPEECH_TEXTS = st.one_of(
    st.text(max_size=200), st.lists(st.one_of(SPEECH, PIECES), max_size=50).map(" ".join)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SPEECH_TEXTS, lang=st.sampled_from(["fr", "en"]))
def test_entities_and_quotes(text: str, lang: str) -> None:
    doc = pipeline(lang)(text)
    block = Block(
        index=0,
        kind=BlockKind.BODY,
        span=Span(start=0, end=len(text), text=text),
        lang=lang,
        reason="test",
    )
    index = extract_entities(text, [(block, doc, lang)], lang)
    for entity in index.entities:
        assert entity.mentions
        for mention in entity.mentions:
            assert text[mention.span.start : mention.span.end] == mention.span.text
    for quote in QuoteExtractor(lang).quotes(text, [(block, doc)], index):
        for span in (quote.content, quote.cue, quote.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert quote.speaker_entity is None or 0 <= quote.speaker_entity < len(index.entities)
        if quote.resolution == "unknown":
            assert quote.speaker_name is None
