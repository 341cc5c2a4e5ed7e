"""Speaker phrases that are no noun phrase (issue 32): an adjective of the incise taken for
its subject, a heading glued to the cue's sentence, a clause before a colon, the relative
« dont » beside the subject. Original sentences written for these tests."""

from __future__ import annotations

from essentiel.pipeline import Pipeline

from .conftest import digest_fr as _digest
from .conftest import quote_starting as _quote


def test_an_adjective_of_the_incise_is_not_who_speaks(pipeline: Pipeline) -> None:
    # The parser makes « ironique » the subject of « lancé »; the name after the verb speaks.
    d = _digest(
        pipeline,
        '"Tu es en retard !" très ironique avait alors glissé Sarkozy à un Hollande resté '
        "sans voix.",
    )
    quote = _quote(d, "Tu es en retard")
    assert quote.speaker_name == "Sarkozy"
    d = _digest(
        pipeline,
        '"Bonne chance pour la suite !" très ironique avait alors lancé Juppé à un Fillon '
        "resté sans voix.",
    )
    assert _quote(d, "Bonne chance").speaker_name == "Juppé"


def test_a_heading_glued_to_the_sentence_is_not_part_of_its_subject(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        'Le texte a été déposé hier au Sénat par la majorité. Des réformes "toujours '
        'attendues"Dans son courrier, le député a rappelé que la commission avait rendu ses '
        "conclusions dès le mois de mars.",
    )
    quote = _quote(d, "la commission avait rendu")
    assert quote.speaker is not None
    assert quote.speaker.text == "le député"


def test_a_clause_before_a_colon_is_no_speaker(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        "Les deux hommes se sont rencontrés en 1980. Leur premier rendez-vous dure dix minutes "
        ': "Vous savez conduire une moto ? Alors vous êtes engagé". Le ministre a ensuite '
        "tenu parole.",
    )
    quote = _quote(d, "Vous savez conduire")
    assert quote.speaker_name is None or "dure" not in quote.speaker_name


def test_the_relative_dont_is_left_out_of_the_speaker(pipeline: Pipeline) -> None:
    d = _digest(
        pipeline,
        "Le secrétaire d'Etat a essuyé mardi un refus du Tchad, dont le gouvernement a dit ne "
        'pas avoir "de feu vert" pour ouvrir des discussions avec Paris.',
    )
    assert _quote(d, "de feu vert").speaker_name == "le gouvernement"


def test_a_former_role_is_not_who_the_text_gave_that_role_now(pipeline: Pipeline) -> None:
    # « le ministre de l'Intérieur Marc Vidal » is a minister now; « l'ancien ministre de
    # Jacques Chirac » is someone else, here the one quoted before.
    d = _digest(
        pipeline,
        'Le médiateur national, Pierre Aubry, a publié lundi son rapport annuel. "Il faut '
        "rétablir le dialogue\", répond M. Aubry. Le ministre de l'Intérieur Marc Vidal s'est "
        'voulu ferme devant les députés mercredi. Le rapport "ne vise en rien les policiers", '
        "a insisté l'ancien ministre de Jacques Chirac.",
    )
    assert _quote(d, "ne vise en rien").speaker_name == "Pierre Aubry"
    # The entity index tied « l'ancien ministre » to the minister named last; the man the text
    # made a former minister is who it stands for.
    d = _digest(
        pipeline,
        "Le député Paul Marin a défendu le texte. L'ancien ministre Henri Lebon est resté "
        "prudent. Le ministre de la Santé Marc Vidal a annoncé mardi un nouveau plan. Ce plan "
        '"arrive bien tard", a regretté l\'ancien ministre.',
    )
    assert _quote(d, "arrive bien tard").speaker_name == "Henri Lebon"


def test_a_body_description_no_one_near_answers_is_the_body_the_article_is_about(
    pipeline: Pipeline,
) -> None:
    d = _digest(
        pipeline,
        "Le Cirque Solaris a annoncé lundi son placement en faillite. Le Cirque Solaris "
        "employait 3500 artistes avant la pandémie. Ses spectacles sont à l'arrêt depuis mars. "
        "Le Cirque Solaris avait pourtant connu une année record. Les actionnaires ont apporté "
        "50 millions en mai. Le fonds Hudson a fait une offre de reprise. Le gouvernement "
        "provincial a promis de l'aider. Les syndicats réclament des garanties. Les artistes "
        'attendent. Début mai, les actionnaires ont accordé un prêt qui "répond aux besoins de '
        "trésorerie à court terme\", selon un communiqué de l'entreprise.",
    )
    assert _quote(d, "répond aux besoins").speaker_name == "Cirque Solaris"


def test_an_inverted_pronoun_tagged_as_an_adjective_still_speaks(pipeline: Pipeline) -> None:
    # « -elle » of « ajoute-t-elle » tagged an adjective: the pronoun, not an adjective of the
    # incise.
    d = _digest(
        pipeline,
        "La ministre Claire Vidal a défendu son collègue mardi. Elle explique avoir eu avec lui "
        '"une discussion franche". "Je lui ai dit que nous devions parler. Et ce qu il m a '
        'répondu me porte à le croire." Mais, ajoute-t-elle "je me mets aussi du côté des '
        'victimes dont j ai lu les témoignages".',
    )
    assert _quote(d, "je me mets aussi").speaker_name == "Claire Vidal"
