"""Sentences that open on a word that points back only in appearance (issue 33, twelfth
session): an impersonal « il » with the clause it announces, a compound preposition « en ce
qui concerne », a connective before a quote. Each stood in the way of the sentence that
states the headline's event. Original sentences."""

from __future__ import annotations

import pytest

from essentiel import resources


def _alone(text: str) -> bool:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline("fr")(text))[0]
    return stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr"))


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # A passive whose subject is the clause after it.
        ("Il avait été prévu que la foire se tienne sur la place du marché de Quimper.", True),
        ("Il a été décidé que les deux écoles du bourg fermeraient à la fin de juin.", True),
        # ... not a passive that says what was done to someone.
        ("Il a été arrêté mardi soir par les gendarmes à la sortie de son domicile.", False),
        ("Il a été informé que sa candidature était retenue par le jury du festival.", False),
        # An adjective and the clause it judges, also in a quote with its speaker.
        ("Il est possible que les écoles restent fermées jusqu'au 4 mai à Lorient.", True),
        (
            '"Il est inédit que tous les syndicats de pilotes appellent à la grève", '
            "a déclaré la présidente de la fédération.",
            True,
        ),
        ("Il faut rappeler que le pont restera fermé jusqu'au 4 mai pour travaux.", True),
        # Two adjectives joined, the clause hung on the second.
        ("Il est faux et il est injuste de dire que les infirmières ont quitté le service.", True),
        # ... not two of someone's states (« fatigué et malade »).
        ("Il est fatigué et il est malade depuis son retour de Lisbonne lundi soir.", False),
        # A personal « il »: someone named elsewhere.
        ("Il est arrivé à Brest mardi soir pour rencontrer le préfet du Finistère.", False),
        ("Il se consacre désormais à son association d'aide aux familles de marins.", False),
    ],
)
def test_an_impersonal_il_opens_a_candidate(text: str, alone: bool) -> None:
    assert _alone(text) is alone


def test_a_compound_preposition_is_no_pronoun_opener() -> None:
    # « ce » is read as part of « en ce qui concerne », not as a pronoun after « en ».
    assert _alone(
        '"En ce qui concerne le port, nous le fermons aux pétroliers", a déclaré le maire '
        "à des journalistes mardi à Lorient."
    )
    assert _alone("En ce qui concerne les retraites, le gouvernement a présenté son projet.")
    assert not _alone("En témoigne la longue file d'attente devant la mairie de Vannes.")


def test_a_connective_before_a_quote_is_dropped() -> None:
    lang = resources.language("fr")
    text = (
        'Ainsi, "La saison 2019 sera la meilleure que le port ait connue", a annoncé '
        "le président de la chambre de commerce."
    )
    assert lang.leading_connective(text) == len("Ainsi, ")
    assert _alone(text)
    # A quote mark and nothing after it is not what the sentence goes on with.
    assert lang.leading_connective('Ainsi, " ') == 0
    # Nor a quote that opens in lower case: the bullet would open on « "la saison » (the
    # bullet never changes a quote's letters).
    assert lang.leading_connective(text.replace('"La', '"la')) == 0


def test_il_s_agit_still_points_back() -> None:
    assert not _alone('Il s\'agit de "mieux protéger les bénévoles" pendant la saison des crues.')


def test_a_connective_dropped_is_no_cut_of_the_subject() -> None:
    # The source's own agreement (« un tiers et la moitié ... n'est », a list the parse reads
    # as a plural subject) is not the cut's: dropping « Par ailleurs, » takes no subject.
    from essentiel.analyze import pipeline, sentences_of
    from essentiel.keypoints.compress import Deletion, _Sentence, _subject_disagrees

    text = 'Par ailleurs, "un tiers et la moitié du personnel n\'est pas au travail", a ajouté la fédération.'
    read = _Sentence.of(sentences_of(pipeline("fr")(text))[0], resources.language("fr"))
    opener = len("Par ailleurs, ")
    assert not _subject_disagrees(read, [Deletion(0, opener, "connective", True, 0)])
    # The same cut as any other rule's is judged as before (the parse's plural subject).
    assert _subject_disagrees(read, [Deletion(0, opener, "adjunct", True, 0)])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # In apposition after its comma, the demonstrative names the noun before it again.
        (
            'La saison souffre du mouvement des "bonnets rouges", ces Bretons en lutte contre '
            "l'écotaxe depuis la mi-octobre.",
            None,
        ),
        # A new clause after the comma, or a demonstrative with no comma: the sentence before.
        (
            "Le maire a refusé la proposition de la préfecture, ce choix a surpris les habitants.",
            "back_demonstrative",
        ),
        (
            "Le maire a refusé de commenter ces chiffres publiés mardi par la préfecture.",
            "back_demonstrative",
        ),
    ],
)
def test_a_demonstrative_in_apposition_names_the_noun_before(text: str, kind: str | None) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.pointing import points_back

    span = sentences_of(pipeline("fr")(text))[0]
    found = points_back(ParsedSentence(0, 0, span, "fr"), [(0, len(text))], "fr", frozenset(), text)
    assert found == kind
