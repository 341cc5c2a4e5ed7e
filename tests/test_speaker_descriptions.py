"""Speakers a description names (issue 32): an adverbial phrase the parser made the subject,
a person noun the tagger read as a participle, nouns of age, trade or status, and a
description opening the article that stands for the one person the headline names.
Original sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from essentiel.pipeline import Pipeline

from .conftest import digest_fr as _digest
from .conftest import quote_starting as _quote


def test_an_adverbial_phrase_is_not_the_speaker(pipeline: Pipeline) -> None:
    # The parser makes « côté » (in « de son côté ») the subject of « dit »; the inverted
    # subject, a lawyer named after the verb, is who speaks.
    d = _digest(
        pipeline,
        "Le procès de l'ancien notaire s'est ouvert lundi à Rennes. \"Mon client attend ce "
        'moment depuis quatre ans", a de son côté dit sur France Bleu un de ses avocats, '
        "Me Hélène Garnier.",
    )
    quote = _quote(d, "Mon client attend")
    assert quote.speaker_name is not None
    assert "côté" not in quote.speaker_name
    assert quote.speaker_name == "Hélène Garnier"


def test_a_person_noun_read_as_a_participle_is_still_a_description(pipeline: Pipeline) -> None:
    # « élue » is tagged a participle; « la jeune élue » is the woman the sentence before named.
    d = _digest(
        pipeline,
        "La liste sera conduite par Sandrine Morvan, 34 ans, conseillère municipale de Vannes. "
        "Mais la jeune élue a prévenu qu'elle ne se présenterait \"pas sans le soutien des "
        'habitants".',
    )
    assert _quote(d, "pas sans le soutien").speaker_name == "Sandrine Morvan"


def test_a_description_by_age_stands_for_the_man_named_before(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        "Karim Belkacem a été interpellé samedi à la sortie du stade. Face aux enquêteurs, le "
        'trentenaire a assuré qu\'il "ne savait rien" de la bagarre.',
    )
    assert _quote(d, "ne savait rien").speaker_name == "Karim Belkacem"


def test_a_description_by_trade_stands_for_the_woman_named_before(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        "Margaux Lefèvre a passé trois jours bloquée à l'aéroport de Lisbonne. \"Personne ne "
        'nous a rien expliqué", a raconté la touriste, encore sous le choc.',
    )
    assert _quote(d, "Personne ne nous").speaker_name == "Margaux Lefèvre"


def test_a_description_of_fixed_gender_is_not_resolved_by_its_article(
    pipeline: Pipeline,
) -> None:
    # « la victime » is feminine whoever the victim is: no woman is chosen for her article.
    d = _digest(
        pipeline,
        "Julie Marchand dirige le refuge depuis 2015. Un homme a été agressé mardi devant "
        "l'entrée. \"J'ai cru mourir\", a raconté la victime aux gendarmes.",
    )
    assert _quote(d, "J'ai cru mourir").speaker_name != "Julie Marchand"


def test_a_description_opening_the_article_is_the_person_the_headline_names(
    pipeline: Pipeline,
) -> None:
    text = (
        '"Ce texte ne protège plus personne", a affirmé mardi le député du Finistère, qui '
        "retire sa proposition de loi. La majorité l'avait vidée en commission. Pour Loïc "
        "Guennec, la bataille continuera au Sénat."
    )
    title = "Logement: Guennec retire son texte vidé par la majorité"
    d = pipeline.digest(text, lang="fr", published=dt.date(2025, 3, 4), title=title)
    assert _quote(d, "Ce texte ne protège").speaker_name == "Loïc Guennec"
    # Without the headline nobody ties the description to him: it stays as written.
    d = pipeline.digest(text, lang="fr", published=dt.date(2025, 3, 4))
    assert _quote(d, "Ce texte ne protège").speaker_name == "le député du Finistère"


def test_the_headline_person_of_the_other_gender_is_not_chosen(pipeline: Pipeline) -> None:
    text = (
        '"Nous ne lâcherons rien", a lancé mardi la sénatrice du Morbihan. Le texte revient '
        "en séance jeudi. Pour Yannick Le Goff, le vote reste incertain."
    )
    title = "Retraites: Yannick Le Goff défend son amendement"
    d = pipeline.digest(text, lang="fr", published=dt.date(2025, 3, 4), title=title)
    assert _quote(d, "Nous ne lâcherons rien").speaker_name != "Yannick Le Goff"


def test_a_title_the_parser_took_alone_for_the_speaker_goes_on_to_the_name(
    pipeline: Pipeline,
) -> None:
    # The parser makes « Me » the subject and leaves the name off it.
    d = _digest(
        pipeline,
        "Deux détenus ont porté plainte contre la maison d'arrêt. \"Les cellules étaient "
        "ouvertes\", a expliqué à l'AFP Me Olivier Rondu, avocat d'un des plaignants.",
    )
    assert _quote(d, "Les cellules étaient ouvertes").speaker_name == "Olivier Rondu"
