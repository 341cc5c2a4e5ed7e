"""The box names the headline's place, person and figure when the body does (issue 33,
nineteenth session): the judges of round 37 marked « Cuba jamais nommée », « les 39 heures
absentes », « NCIS absent » on boxes whose bullets all described, and never named, what the
headline names. From the second bullet on, while no bullet has said any of the headline's
names or figures that the text carries, a candidate that says some is worth more
(``KeyPointSettings.headline_cover``). Original sentences."""

from __future__ import annotations

from dataclasses import replace

from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.headline import Headline
from essentiel.pipeline import Pipeline, Settings

TITLE = "Quimperlé : la médiathèque ouvrira le dimanche"
BODY = (
    "La médiathèque municipale ouvrira désormais ses portes le dimanche après-midi, a annoncé "
    "lundi la mairie.\n\n"
    "Les horaires du samedi restent inchangés, de 10 heures à 18 heures, a précisé Anne Le "
    "Goff, adjointe à la culture.\n\n"
    "Deux postes de vacataires seront créés pour assurer l'accueil du public, pour un coût de "
    "40.000 euros par an.\n\n"
    "Les bibliothécaires ont été consultés pendant trois mois avant la décision, selon le "
    "syndicat CGT.\n\n"
    "Une exposition de photographies de Marc Riboud accompagnera les premiers dimanches de "
    "janvier et de février.\n\n"
    "Un collectif de lecteurs de Quimperlé avait lancé une pétition pour obtenir l'ouverture "
    "dominicale.\n\n"
    "Le conseil municipal votera le budget de l'opération le 12 décembre."
)


def _named(title: str, text: str) -> set[str | float]:
    headline = Headline.of([title, ""], "fr")
    assert headline is not None
    return set(headline.named_in(title, text, "fr"))


def test_a_name_is_a_capital_the_text_writes_after_a_lowercase_word() -> None:
    title = "A Lorient, un chalutier sauvé de la casse par ses anciens marins"
    # « Lorient » after « à »: a name; « A » is no content word.
    assert _named(title, "Le bateau est amarré à Lorient depuis mars.") == {"lorien"}
    # Only at a sentence's start in the text: not known to be a name, not asked for.
    assert _named(title, "Lorient compte trois ports. Le bateau y est amarré.") == set()


def test_a_headline_first_word_is_no_name_unless_the_text_writes_it_as_one() -> None:
    title = "Fort coup de vent sur la Bretagne"
    text = "Un vent fort a soufflé dimanche sur la Bretagne. Fort de ses rafales, il a tout plié."
    assert _named(title, text) == {"bretag"}


def test_a_figure_of_the_headline_the_text_says_is_asked_for() -> None:
    title = "Le conseil municipal veut passer les agents aux 35 heures"
    assert _named(title, "Les agents travaillent 32 heures.") == set()
    assert _named(title, "Les élus veulent les amener à 35 heures par semaine.") == {35.0}


def test_the_setting_is_checked() -> None:
    assert KeyPointSettings().headline_cover > 0.0
    try:
        replace(KeyPointSettings(), headline_cover=-1.0)
    except ValueError:
        pass
    else:  # pragma: no cover - the check failed
        raise AssertionError("a negative weight was accepted")


def _box(weight: float) -> list[str]:
    settings = Settings()
    settings = replace(settings, keypoints=replace(settings.keypoints, headline_cover=weight))
    digest = Pipeline(settings).digest(BODY, lang="fr", title=TITLE)
    assert all(point.verdict.passed for point in digest.keypoints)
    return [point.text for point in digest.keypoints]


def test_the_box_names_the_headline_place_a_body_sentence_carries() -> None:
    # By the selection score alone, three bullets and not one says where.
    assert not any("Quimperlé" in text for text in _box(0.0))
    box = _box(KeyPointSettings().headline_cover)
    assert any("Quimperlé" in text for text in box)
    # The first bullet still states the headline's event.
    assert box[0].startswith("La médiathèque municipale ouvrira désormais")
