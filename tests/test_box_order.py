"""The box opens on the news, not on background told in the pluperfect (issue 33: «
background first » in the twenty-ninth judged round). Original text written for the tests."""

from __future__ import annotations

from essentiel import Pipeline
from essentiel.analyze import ParsedSentence, parse_zone, pipeline, sentences_of
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.order import background
from essentiel.pipeline import Settings

TITLE = "Lyon : la métropole suspend le chantier du tramway T9"
BODY = (
    "La métropole de Lyon avait déjà suspendu le chantier du tramway T9 en 2019 après une "
    "première découverte. La métropole a de nouveau suspendu mardi le chantier de la ligne "
    "après la découverte de vestiges romains. Les archéologues doivent fouiller le site "
    "pendant six mois. Le coût du retard est estimé à 3 millions d'euros par la métropole."
)


def box(news_first: bool) -> list[str]:
    engine = Pipeline(
        Settings(keypoints=KeyPointSettings(news_first=news_first, article_order=False))
    )
    digest = engine.digest(BODY, lang="fr", title=TITLE, published="2021-03-11")
    return [p.text for p in digest.keypoints]


def test_the_news_goes_before_the_background_that_matched_the_headline() -> None:
    background_first = box(news_first=False)
    assert background_first[0].startswith("La métropole de Lyon avait déjà"), background_first
    news = box(news_first=True)
    assert news[0].startswith("La métropole a de nouveau suspendu"), news
    # The same bullets, only their order changes.
    assert sorted(news) == sorted(background_first)


def parsed(text: str) -> ParsedSentence:
    with parse_zone(["fr"]):
        return ParsedSentence(0, 0, next(iter(sentences_of(pipeline("fr")(text)))), "fr")


def test_background_is_the_pluperfect() -> None:
    assert background(parsed("Le ministre avait évoqué des discussions avec le préfet."))
    assert background(parsed("La délégation s'était rendue à Bruxelles la veille."))
    assert background(parsed("Son frère avait fait exploser une voiture en 2017."))
    # French news narrates in the imperfect: « rouvrait lundi soir » is the news.
    assert not background(parsed("Le directeur rouvrait lundi soir cinq de ses salles."))
    assert not background(parsed("La préfecture a décidé jeudi de renforcer les mesures."))
    assert not background(parsed("La préfecture renforce les mesures sanitaires."))
