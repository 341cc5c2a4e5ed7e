"""Bullets that stand alone (issue 33): a description of a company, a party or a club named in
brackets when the text set its noun beside the name; an opening connective dropped even where
the parse makes it the sentence's head. Original text written for the tests."""

from __future__ import annotations

import pytest

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

JUSTIFIED = (
    "La compagnie allemande a justifié sa décision par la hausse du prix du kérosène et la "
    "baisse de la fréquentation."
)
REST = (
    " Les syndicats de l'aéroport dénoncent une décision brutale et réclament un plan de "
    "reclassement. Une réunion avec la direction de l'aéroport aura lieu jeudi à Nantes."
)


@pytest.fixture(scope="module")
def every_sentence() -> Pipeline:
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=1, selector="lead")
    return Pipeline(Settings(keypoints=settings))


def texts(pipeline: Pipeline, body: str) -> list[str]:
    return [p.text for p in pipeline.digest(body, lang="fr").keypoints]


def test_a_company_described_after_its_name_is_named(every_sentence: Pipeline) -> None:
    body = (
        "À partir du 1er mars, la compagnie aérienne low-cost, Lufthansa, va supprimer "
        "quarante lignes au départ de Nantes. " + JUSTIFIED + REST
    )
    points = every_sentence.digest(body, lang="fr").keypoints
    named = [p for p in points if p.text.startswith("[Lufthansa]")]
    assert named, [p.text for p in points]
    assert named[0].text == "[Lufthansa] " + JUSTIFIED.split(" ", 3)[3]
    assert named[0].verdict.passed and "subject_named" in named[0].removed
    check = next(c for c in named[0].verdict.checks if c.text == "Lufthansa")
    assert check.found and check.evidence is not None
    assert check.evidence.end <= named[0].sources[0].start


def test_a_company_the_text_never_described_so_is_not_named(every_sentence: Pipeline) -> None:
    # « le transporteur Lufthansa » sets another noun beside the name: which company « la
    # compagnie allemande » is, the text does not say.
    body = (
        "À partir du 1er mars, le transporteur Lufthansa va supprimer quarante lignes au "
        "départ de Nantes. " + JUSTIFIED + REST
    )
    assert not any("[" in t for t in texts(every_sentence, body))


def test_a_connective_the_parse_made_the_head_is_dropped() -> None:
    from essentiel import resources
    from essentiel.analyze import pipeline, sentences_of
    from essentiel.keypoints.compress import Compressor

    text = (
        "En outre, 4.312 malades sont hospitalisés, dont 517 dans un état grave, pris en "
        "charge dans des services de réanimation."
    )
    span = sentences_of(pipeline("fr")(text))[0]
    assert span.root.text == "En"  # the parse's head: the connective
    compressed = Compressor(resources.language("fr")).compress(span, 0, 25, 30)
    kept = "".join(text[a:b] for a, b in compressed.fragments)
    assert kept.startswith("4.312 malades sont hospitalisés"), kept
    assert "517" in kept  # the rest is no dependent of the connective: kept


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # A thing that stands for what the sentence before said: which one?
        ("La mesure entrera en vigueur le 1er mars dans tous les lycées publics.", True),
        ("Le document a été transmis mardi au parquet par la préfecture du département.", True),
        # A thing the reader knows by its noun alone.
        ("La neige recouvre déjà les sommets du Jura depuis mardi matin.", False),
        ("La pluie a gêné la circulation sur la rocade de Rennes toute la journée.", False),
    ],
)
def test_only_a_thing_that_stands_for_something_said_is_refused(text: str, refused: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.standalone import unnamed_description

    sentence = ParsedSentence(0, 0, sentences_of(pipeline("fr")(text))[0], "fr")
    fragments = [(0, len(text))]
    assert unnamed_description(sentence, fragments, "fr", frozenset(), things=True) is refused


CAR_CRASH = (
    "Un car transportant quarante collégiens a quitté la route mardi matin près de Morlaix, a "
    "indiqué la préfecture. Les pompiers ont dépêché douze véhicules sur place pour secourir "
    "les passagers. L'accident a fait trois blessés légers parmi les élèves, selon les secours."
)


def test_a_thing_the_headline_said_stands_when_asked(every_sentence: Pipeline) -> None:
    title = "Spectaculaire accident de car près de Morlaix"
    settings = KeyPointSettings(
        max_keypoints=6, min_keypoints=1, selector="lead", title_introduces=True
    )
    told = Pipeline(Settings(keypoints=settings))
    titled = told.digest(CAR_CRASH, lang="fr", title=title)
    assert any(p.text.startswith("L'accident a fait") for p in titled.keypoints)
    # Without the headline, nobody told the reader which accident; by default the box is
    # judged alone, as the reader's measure judges it.
    untitled = told.digest(CAR_CRASH, lang="fr")
    assert not any(p.text.startswith("L'accident") for p in untitled.keypoints)
    default = every_sentence.digest(CAR_CRASH, lang="fr", title=title)
    assert not any(p.text.startswith("L'accident") for p in default.keypoints)


MEASURE_FIRST = (
    "La mesure entrera en vigueur le 1er mars dans tous les lycées publics du département. Le "
    "rectorat de Rennes a confirmé mardi la fin des cours du samedi matin pour 12.000 élèves. "
    "Les syndicats d'enseignants réclament depuis des mois une réforme des emplois du temps."
)


def test_the_first_sentence_is_judged_when_asked() -> None:
    def texts(**fields: bool) -> list[str]:
        settings = KeyPointSettings(
            max_keypoints=6, min_keypoints=1, selector="lead", refuse_unnamed_things=True, **fields
        )
        pipeline = Pipeline(Settings(keypoints=settings))
        return [p.text for p in pipeline.digest(MEASURE_FIRST, lang="fr").keypoints]

    # The first body sentence of a page often follows its chapô: « La mesure » is which one?
    assert not any(t.startswith("La mesure") for t in texts(judge_lead=True))
    assert any(t.startswith("La mesure") for t in texts(judge_lead=False))


# A description the text sets beside one historian and the headline beside another.
HISTORIANS = (
    "L'université de Rennes a annoncé dimanche la mort de Yann Kermarrec à l'âge de 84 ans. "
    "Avec l'historien Paul Le Goff, il avait signé un ouvrage sur les ports bretons. "
    "L'historien avait participé à la fondation du musée maritime de Brest en 1968."
)


def test_a_description_the_headline_sets_beside_another_name_is_not_named(
    every_sentence: Pipeline,
) -> None:
    titled = every_sentence.digest(
        HISTORIANS, lang="fr", title="Mort de l'historien Yann Kermarrec"
    ).keypoints
    assert not any("[Paul Le Goff]" in p.text for p in titled), [p.text for p in titled]
    # Without the headline, the text ties the description to the one historian it names so.
    untitled = texts(every_sentence, HISTORIANS)
    assert any(t.startswith("[Paul Le Goff] avait participé") for t in untitled), untitled
