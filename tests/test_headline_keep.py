"""What a cut of the first bullet must keep: the headline's words, not the chapô's. Original
text written for the tests."""

from __future__ import annotations

from essentiel.analyze import ParsedSentence, pipeline, sentences_of
from essentiel.keypoints.headline import Headline

TITLE = "Villeneuve : le maire démissionne"
CHAPO = (
    "Le maire de Villeneuve, Paul Girard, quitte ses fonctions après douze ans de mandat, "
    "sur fond de conflit avec son conseil municipal."
)
LEAD = (
    "Le maire de Villeneuve, Paul Girard, a annoncé mardi sa démission après douze ans de "
    "mandat, au terme d'un conseil municipal houleux à Villeneuve."
)


def kept_words(title: str, chapo: str, text: str) -> list[str]:
    headline = Headline.of([title, chapo], "fr")
    assert headline is not None
    sentence = ParsedSentence(0, 0, sentences_of(pipeline("fr")(text))[0], "fr")
    return [sentence.span.doc[i].text for i in sorted(headline.words_in(sentence))]


def test_the_headline_words_are_kept_once() -> None:
    kept = kept_words(TITLE, CHAPO, LEAD)
    assert kept == ["maire", "Villeneuve", "démission"], kept


def test_the_chapo_words_are_not_kept() -> None:
    # The chapô still counts for matching (``Headline.match``), not for what a cut keeps.
    kept = kept_words(TITLE, CHAPO, LEAD)
    for word in ("Paul", "Girard", "douze", "mandat", "conseil", "municipal"):
        assert word not in kept
    headline = Headline.of([TITLE, CHAPO], "fr")
    assert headline is not None and "mandat" in headline.stems


def test_without_a_headline_the_chapo_keeps_nothing() -> None:
    assert kept_words("", CHAPO, LEAD) == []
