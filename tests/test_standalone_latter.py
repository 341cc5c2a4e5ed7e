"""« Ce dernier », « Cette dernière » opening a sentence (issue 33): named in brackets after
the one person of that gender the sentence before names, else no bullet. Original text
written for the tests."""

from __future__ import annotations

from essentiel import Pipeline

from .test_standalone import bullets, every_sentence

__all__ = ["every_sentence"]  # the fixture, used by name


def test_the_latter_is_the_one_man_named_before(every_sentence: Pipeline) -> None:
    body = (
        "Le conseil régional a voté mardi une aide de deux millions d'euros aux pêcheurs "
        "bretons. La commission des finances devra entendre le président Alain Kervella, "
        "lundi 12 mai. Ce dernier a demandé un audit des comptes de la criée de Lorient. "
        "Les pêcheurs attendent les premiers versements avant la fin de l'été."
    )
    points = bullets(every_sentence, body)
    named = [p for p in points if p.text.startswith("[Alain Kervella]")]
    assert named, [p.text for p in points]
    point = named[0]
    assert point.text.startswith("[Alain Kervella] a demandé un audit des comptes")
    assert point.verdict.passed
    evidence = [c for c in point.verdict.checks if c.text == "Alain Kervella"]
    assert evidence and evidence[0].found


def test_the_latter_feminine_skips_the_man_and_names_the_woman(every_sentence: Pipeline) -> None:
    body = (
        "Le maire de Quimperlé, Paul Girard, a reçu mercredi la députée Anne Le Floch. "
        "Cette dernière a promis de défendre le dossier de la maternité à "
        "l'Assemblée. La fermeture du service est prévue pour le mois de septembre."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert any(t.startswith("[Anne Le Floch] a promis") for t in texts), texts


def test_two_men_named_before_name_nobody(every_sentence: Pipeline) -> None:
    body = (
        "Le témoin a accusé l'entraîneur Marc Olivier d'avoir frappé le joueur Hugo Tanguy "
        "avant le match. Ce dernier a porté plainte mercredi au commissariat de Vannes. "
        "Le club a suspendu l'entraîneur à titre conservatoire."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[" in t or t.startswith("Ce dernier") for t in texts), texts


def test_a_noun_of_the_gender_after_the_name_names_nobody(every_sentence: Pipeline) -> None:
    # « ce dernier » may be the plan, named after the man.
    body = (
        "Le préfet a reçu Jean Morvan pour lui présenter le plan de circulation. Ce dernier "
        "prévoit la fermeture du pont aux poids lourds dès le mois de juin. Les riverains "
        "réclament une réunion publique."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[Jean Morvan]" in t or t.startswith("Ce dernier") for t in texts), texts


def test_the_latter_before_a_noun_is_a_determiner(every_sentence: Pipeline) -> None:
    body = (
        "Le ministre Jean Morvan a publié trois rapports sur la pêche depuis 2019. Ce dernier "
        "rapport recommande de réduire les quotas de sardine de 20 % dès l'an prochain. "
        "Les pêcheurs contestent ces chiffres."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[Jean Morvan]" in t for t in texts), texts


def test_a_name_that_completes_a_noun_is_not_the_latter(every_sentence: Pipeline) -> None:
    # « Ce dernier » is the spokesman, the phrase the sentence named last, not the candidate.
    body = (
        "Le journal révèle mercredi que l'ancienne ministre a violemment pris à partie le "
        "porte-parole de Luc Berthier. Ce dernier a reçu un appel très agressif dimanche soir. "
        "L'équipe de campagne n'a pas souhaité réagir."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[Luc Berthier]" in t for t in texts), texts
