"""The box opens on the news, not on background told in the pluperfect (issue 33: «
background first » in the twenty-ninth judged round). Original text written for the tests."""

from __future__ import annotations

from dataclasses import replace

from essentiel import Pipeline
from essentiel.analyze import ParsedSentence, parse_zone, pipeline, sentences_of
from essentiel.keypoints import KeyPointSettings, introducers_first
from essentiel.keypoints.order import background
from essentiel.model import KeyPoint, Span, Verdict
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


def _point(sentence: ParsedSentence) -> KeyPoint:
    span = Span(start=sentence.start, end=sentence.end, text=sentence.text)
    verdict = Verdict(passed=True, checks=[], problems=[])
    return KeyPoint(
        text=sentence.text,
        sources=[span],
        fragments=[span],
        removed=[],
        fallback=False,
        verdict=verdict,
    )


def _order(*texts: str) -> list[int]:
    """The ranks of a box of these sentences (one bullet each, in the article's order) after
    ``introducers_first``."""
    with parse_zone(["fr"]):
        doc = pipeline("fr")(" ".join(texts))
        sentences = [ParsedSentence(0, 0, s, "fr") for s in sentences_of(doc)]
        assert len(sentences) == len(texts)
        items = [(k, _point(s)) for k, s in enumerate(sentences)]
        return [rank for rank, _ in introducers_first(items, sentences, "fr")]


def test_a_bullet_pointing_at_what_a_later_bullet_introduces_comes_after_it() -> None:
    assert _order(
        "Le maire de Brest a signé lundi cette convention avec la région.",
        "La nouvelle convention de la région Bretagne finance trois lignes de bus.",
    ) == [1, 0]


def test_the_article_s_order_stays_when_nothing_points_back() -> None:
    assert _order(
        "La région Bretagne a signé lundi une convention avec la ville de Brest.",
        "La convention finance trois lignes de bus entre Brest et Morlaix.",
    ) == [0, 1]


HOOK_TITLE = "Bretagne : un séisme de magnitude 4,2 ressenti dans le Morbihan"
HOOK_BODY = (
    "Pour de nombreux habitants du littoral, la nuit a été agitée. Un séisme de magnitude 4,2 "
    "a été ressenti dans la nuit de mardi à mercredi dans le Morbihan, selon le Bureau central "
    "sismologique français. La secousse s'est produite à 3h12 à une dizaine de kilomètres de "
    "profondeur, au large de Quiberon. Les pompiers du département ont reçu plus de 200 appels "
    "dans l'heure qui a suivi. Aucun blessé ni dégât important n'a été signalé, a précisé la "
    "préfecture. Le dernier séisme de cette ampleur dans la région remonte à 2019, près de "
    "Lorient."
)


def hook_box(before_first_unrelated: float | None = None, drop_teaser: bool = False) -> list[str]:
    # ``drop_teaser`` (on by default) leaves this hook out as well (test_box_opens_on_news.py):
    # off here, the weight alone is tested.
    settings = KeyPointSettings(drop_teaser=drop_teaser)
    if before_first_unrelated is not None:
        settings = replace(settings, before_first_unrelated=before_first_unrelated)
    engine = Pipeline(Settings(keypoints=settings))
    digest = engine.digest(HOOK_BODY, lang="fr", title=HOOK_TITLE, published="2021-03-11")
    return [p.text for p in digest.keypoints]


def test_a_hook_before_the_news_does_not_open_the_box() -> None:
    # The box is in the article's order: a hook chosen as a later bullet (it says none of the
    # headline's words) would open it, above the earthquake the headline announces.
    hooked = hook_box(before_first_unrelated=1.0)
    assert hooked[0].startswith("Pour de nombreux habitants"), hooked
    news = hook_box(before_first_unrelated=0.3)
    assert news[0].startswith("Un séisme de magnitude 4,2 a été ressenti"), news
    assert not any(text.startswith("Pour de nombreux") for text in news)
    # The default: the hook is a teaser before the statement, left out.
    teased = hook_box(drop_teaser=True)
    assert teased[0].startswith("Un séisme de magnitude 4,2 a été ressenti"), teased
