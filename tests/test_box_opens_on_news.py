"""The box opens on the news, not on a teaser (issue 33: the judges' « accroche superflue »)
nor on a notice to the reader (« Attention, cet article contient des révélations »).

A short first sentence that says at most one of the headline's words (« Un week-end de fête a
tourné court, dans le Morbihan. ») is no candidate when one of the next early statements says
the headline and the names the teaser says (``KeyPointSettings.drop_teaser``,
``keypoints.teaser_lead``). Original sentences."""

from __future__ import annotations

from dataclasses import replace

from essentiel.keypoints.headline import name_stems, rubric_stems
from essentiel.pipeline import Pipeline, Settings

TITLE = "Morbihan : trois blessés dans l'effondrement d'une tribune"
BODY = (
    "Un week-end de fête a tourné court, dans le Morbihan.\n\n"
    "Trois spectateurs ont été blessés samedi soir dans l'effondrement d'une tribune lors "
    "d'un concert en plein air à Pontivy, dans le Morbihan, selon les pompiers.\n\n"
    "L'un d'eux, un homme de 54 ans, a été transporté à l'hôpital de Lorient dans un état "
    "jugé sérieux.\n\n"
    "La tribune, montée par une entreprise de Vannes, accueillait près de 200 personnes au "
    "moment de l'accident.\n\n"
    "Le maire de Pontivy, Christine Le Strat, a annoncé l'ouverture d'une enquête "
    "administrative.\n\n"
    "Le festival doit reprendre dimanche sans la tribune, a précisé l'association "
    "organisatrice."
)


def _box(title: str, body: str, drop: bool) -> list[str]:
    settings = Settings()
    settings = replace(settings, keypoints=replace(settings.keypoints, drop_teaser=drop))
    digest = Pipeline(settings).digest(body, lang="fr", title=title)
    assert all(point.verdict.passed for point in digest.keypoints)
    return [point.text for point in digest.keypoints]


def test_the_rubric_and_the_names_of_a_headline() -> None:
    assert rubric_stems(TITLE) == {"morbih"}
    title = "Soldats tués au Mali : Paul Morel recadré par le président du Sénat"
    assert name_stems(title) == {"morel", "senat"}  # « Paul » opens the sentence
    assert rubric_stems("Trois blessés dans l'effondrement d'une tribune") == frozenset()


def test_the_box_opens_on_the_statement_not_on_the_teaser() -> None:
    before = _box(TITLE, BODY, drop=False)
    assert before[0].startswith("Un week-end de fête")
    after = _box(TITLE, BODY, drop=True)
    assert after[0].startswith("Trois spectateurs ont été blessés")
    assert not any(text.startswith("Un week-end de fête") for text in after)


def test_a_first_sentence_with_a_figure_is_news_not_a_teaser() -> None:
    body = BODY.replace(
        "Un week-end de fête a tourné court, dans le Morbihan.",
        "Un week-end de fête a tourné court pour 4000 spectateurs, dans le Morbihan.",
    )
    box = _box(TITLE, body, drop=True)
    assert box == _box(TITLE, body, drop=False)
    assert box[0].startswith("Un week-end de fête")


def test_a_teaser_naming_whom_the_statement_does_not_stays() -> None:
    title = "Paul Morel recadré par le président du Sénat"
    body = (
        "Le sénateur Morel a surpris l'hémicycle mercredi.\n\n"
        "Le sénateur écologiste a demandé une minute de silence en hommage aux victimes, "
        "provoquant la colère du président du Sénat, qui l'a sèchement recadré.\n\n"
        "La séance a été suspendue une dizaine de minutes avant de reprendre dans le calme.\n\n"
        "Plusieurs élus de la majorité ont dénoncé une mise en scène, selon l'Agence France-Presse."
    )
    # The statement says « Sénat » and « recadré », not « Morel »: the teaser is kept a candidate.
    assert _box(title, body, drop=True)[0].startswith("Le sénateur Morel a surpris")


def test_a_notice_to_the_reader_is_no_candidate() -> None:
    from essentiel.analyze import ParsedSentence, pipeline
    from essentiel.keypoints.select import reader_notices

    sentences = [
        "Attention, cet article contient des révélations sur la fin de la saison 3 de la série.",
        "« Attention spoilers : la dernière scène dévoile l'identité du tueur, précise la chaîne.",
        "Attention, les automobilistes devront emprunter une déviation jusqu'à vendredi soir.",
        "La série a réuni 4,2 millions de téléspectateurs pour son dernier épisode dimanche soir.",
    ]
    parsed = [ParsedSentence(0, 0, pipeline("fr")(text)[:], "fr") for text in sentences]
    assert reader_notices(parsed, "fr") == {0, 1}


def _teaser(title: str, paragraphs: list[str]) -> str | None:
    """``teaser_lead`` on candidates made of each paragraph (one sentence each), as it is."""
    from essentiel.analyze import ParsedSentence, pipeline
    from essentiel.keypoints import ArticleContext, KeyPointSettings, teaser_lead
    from essentiel.keypoints.headline import Headline
    from essentiel.keypoints.select import Candidate

    headline = Headline.of([title, ""], "fr")
    assert headline is not None
    candidates = [
        Candidate(ParsedSentence(0, 0, pipeline("fr")(text)[:], "fr"), k, 1.0, frozenset(), {})
        for k, text in enumerate(paragraphs)
    ]
    found = teaser_lead(candidates, headline, title, "fr", ArticleContext(), KeyPointSettings())
    return found.sentence.text if found is not None else None


def test_a_first_sentence_about_someone_by_a_pronoun_is_no_teaser() -> None:
    title = "Pourquoi la chanteuse Léa Morvan a refusé la proposition du maire"
    rest = [
        "La chanteuse Léa Morvan a refusé la proposition du maire, expliquant vouloir se "
        "consacrer à sa tournée d'automne.",
        "Le festival attire chaque été des milliers de spectateurs à Morlaix.",
        "La mairie devra désigner un nouveau directeur avant la fin du printemps.",
    ]
    assert _teaser(title, ["Le festival change de visage cette saison.", *rest]) is not None
    # « lui »: the first sentence tells of someone, it stays a candidate.
    assert _teaser(title, ["Le maire voulait lui confier la direction du festival.", *rest]) is None


def test_a_teaser_that_alone_names_the_headline_s_place_stays() -> None:
    # Without it the box would never say « Morbihan », the headline's place.
    body = BODY.replace("à Pontivy, dans le Morbihan, selon", "à Pontivy, selon")
    assert _box(TITLE, body, drop=True)[0].startswith("Un week-end de fête")
