"""The headline's event stated only inside a quote over several sentences (issue 33, item 2):
the quote, whole and with its speaker, is the first bullet. Original text, written for these
tests in the style of news pages."""

from __future__ import annotations

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

TITLE = "Piscine Jean-Moulin : aucune fermeture avant l'été, assure le maire de Villeneuve"
QUOTE = (
    "\"Nous avons entendu l'inquiétude des familles. Aucune fermeture de la piscine "
    "Jean-Moulin ne sera décidée avant l'été\", a assuré le maire Paul Morel mardi soir."
)
# The lead states the headline's news, but it is too long to be a bullet even cut.
LEAD = (
    "Le sort de la piscine Jean-Moulin, dont la fermeture avant l'été était réclamée par "
    "l'opposition, divisait mardi soir le conseil municipal de Villeneuve, où parents, "
    "maîtres-nageurs, retraités du quartier nord, représentants des clubs de natation, de "
    "plongée et de water-polo et commerçants du centre attendaient depuis 18 heures l'avis du "
    "maire."
)
BODY = (
    f"{LEAD}\n\n"
    "Les travaux de rénovation du gymnase du quartier nord doivent commencer en septembre "
    "pour une durée de huit mois.\n\n"
    f"{QUOTE}\n\n"
    "Une étude sur l'état du bassin, construit en 1972, sera rendue publique au mois de mai "
    "par les services techniques.\n\n"
    "Les associations de nageurs avaient lancé une pétition en janvier contre la fermeture du "
    "bassin.\n\n"
    "Le texte a recueilli plus de 2.000 signatures en trois semaines dans le quartier."
)


def _first(**settings: object) -> str:
    # The headline's statement first (``article_order`` off): the first bullet is it.
    settings = {"article_order": False, **settings}
    engine = Pipeline(Settings(keypoints=KeyPointSettings(**settings)))  # type: ignore[arg-type]
    digest = engine.digest(BODY, lang="fr", title=TITLE)
    assert all(point.verdict.passed for point in digest.keypoints)
    return str(digest.keypoints[0].text)


def test_the_quote_that_states_the_headline_is_the_first_bullet_whole() -> None:
    assert _first() == QUOTE


def test_without_it_no_bullet_states_the_headline() -> None:
    # No sentence of the quote stands alone: the box opened on a side detail.
    assert "Aucune fermeture" not in _first(headline_quotes=False)


def test_a_quote_that_names_no_speaker_is_not_taken() -> None:
    engine = Pipeline(Settings())
    body = BODY.replace("a assuré le maire Paul Morel", "a-t-il assuré")
    digest = engine.digest(body, lang="fr", title=TITLE)
    assert all("Aucune fermeture" not in point.text for point in digest.keypoints)


def test_a_quote_that_echoes_a_word_or_two_of_the_headline_is_not_taken() -> None:
    # Under a headline about the budget, the quote says « piscine Jean-Moulin » and nothing
    # else of it (2 of its 8 content words): a reaction, not the news.
    title = "Piscine Jean-Moulin : le conseil municipal de Villeneuve vote un budget de 2 millions"
    engine = Pipeline(Settings())
    digest = engine.digest(BODY, lang="fr", title=title)
    assert all("Aucune fermeture" not in point.text for point in digest.keypoints)


SHORT_LEAD = "Le conseil municipal de Villeneuve s'est réuni mardi soir dans la salle des fêtes."


def test_the_quote_comes_first_when_the_statement_to_try_says_less_of_the_headline() -> None:
    # The lead can be a bullet, but it says only « Villeneuve » of the headline; the quote
    # says the closing, the pool and the summer.
    engine = Pipeline(Settings(keypoints=KeyPointSettings(article_order=False)))
    digest = engine.digest(BODY.replace(LEAD, SHORT_LEAD), lang="fr", title=TITLE)
    assert digest.keypoints[0].text == QUOTE


LONG_QUOTE = (
    "\"Aucune fermeture de la piscine Jean-Moulin ne sera décidée avant l'été. Nous avons "
    "entendu l'inquiétude des familles, des clubs de natation, des maîtres-nageurs et des "
    'retraités du quartier nord, et nous leur devons une réponse claire, rapide et chiffrée", '
    "a assuré le maire Paul Morel mardi soir."
)


def test_a_quote_too_long_whole_is_cut_after_the_sentence_that_states_the_headline() -> None:
    body = BODY.replace(LEAD, SHORT_LEAD).replace(QUOTE, LONG_QUOTE)
    engine = Pipeline(Settings(keypoints=KeyPointSettings(article_order=False)))
    digest = engine.digest(body, lang="fr", title=TITLE)
    first = digest.keypoints[0]
    assert first.verdict.passed
    assert first.text == (
        '"Aucune fermeture de la piscine Jean-Moulin ne sera décidée avant l\'été", a assuré '
        "le maire Paul Morel mardi soir."
    )


def test_a_quote_glued_to_the_sentence_before_it_is_not_a_bullet() -> None:
    # « ...prévu..."Nous avons » is one sentence to the splitter: a bullet of it would open
    # on the other sentence, cut from its context.
    glued = "La soirée ne s'est pas déroulée comme prévu..." + QUOTE
    body = BODY.replace(LEAD, SHORT_LEAD).replace(QUOTE, glued)
    engine = Pipeline(Settings(keypoints=KeyPointSettings(article_order=False)))
    digest = engine.digest(body, lang="fr", title=TITLE)
    assert all(not point.text.startswith("La soirée") for point in digest.keypoints)
