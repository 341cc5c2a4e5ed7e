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


FIRE_TITLE = "Saint-Priest : un incendie criminel détruit un entrepôt de pneus"
FIRE = (
    "Dans la nuit de samedi à dimanche, une dizaine de camions et un entrepôt de pneus situé "
    "dans la zone industrielle de Saint-Priest ont été détruits par un violent incendie, a-t-on "
    "appris de sources concordantes, confirmant une information de France Bleu sur un incendie "
    "criminel déclenché vers 3 heures du matin par plusieurs individus cagoulés. Une "
    "soixantaine de pompiers ont lutté pendant six heures contre les flammes. Aucun blessé "
    "n'est à déplorer, selon la préfecture du Rhône. Les riverains ont été invités à fermer "
    "leurs fenêtres en raison des fumées. Le propriétaire du site a annoncé son intention de "
    "porter plainte lundi. La circulation a été rétablie sur la rocade est en fin de matinée."
)


def fire_box(retry: bool) -> list[str]:
    from essentiel import Pipeline
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Settings

    pipeline = Pipeline(Settings(keypoints=KeyPointSettings(headline_keep_retry=retry)))
    return [p.text for p in pipeline.digest(FIRE, lang="fr", title=FIRE_TITLE).keypoints]


def test_a_lead_over_the_limit_by_a_tail_with_a_headline_word_is_cut_on_retry() -> None:
    # The tail (« confirmant une information ... criminel ... ») holds the headline's
    # « criminel » and a figure: neither cut that keeps them brings the lead under the
    # limit; the retry cuts the tail and the lead states the event.
    first = fire_box(retry=True)[0]
    assert first.startswith("Une dizaine de camions et un entrepôt de pneus"), first
    assert first.endswith("a-t-on appris de sources concordantes."), first


def test_without_the_retry_the_box_opens_on_a_side_detail() -> None:
    first = fire_box(retry=False)[0]
    assert "entrepôt" not in first, first
